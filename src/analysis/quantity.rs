//! Quantities in sales text: durations, dates, money, percentages, counts.
