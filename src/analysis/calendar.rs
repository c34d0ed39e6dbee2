//! The names of the days and months in English, title case, as one table for
//! every place that needs them: the words that are never a person's or a
//! party's name, and the days a support clause covers when a conflict names
//! them. The lower-case, multilingual weekday words a date follows
//! ("martes 24/11") are `quantity`'s own (`WEEKDAY_WORDS`): they include short
//! forms and other languages.

/// Monday first, as `facts::weekdays` numbers the days.
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Whether `word` is a day's or a month's full name, as written in a title.
pub fn is_day_or_month(word: &str) -> bool {
    WEEKDAYS.contains(&word) || MONTHS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::is_day_or_month;

    #[test]
    fn days_and_months_are_known_and_other_words_are_not() {
        assert!(is_day_or_month("Saturday"));
        assert!(is_day_or_month("May"));
        assert!(!is_day_or_month("saturday"));
        assert!(!is_day_or_month("Maya"));
    }
}
