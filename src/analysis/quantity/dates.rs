//! Dates of the grammar's date rules, resolved to a calendar day: month
//! names, day-first and month-first figures, spoken ordinal days, calendar
//! weeks, quarters and month ends.

use super::grammar::{DATE_PREPS, Rule, WEEKDAY_WORDS};
use super::prev_word;
use jiff::civil::Date;
use regex::Captures;

pub(super) fn resolve_date(
    rule: Rule,
    caps: &Captures,
    text: &str,
    start: usize,
    year: i16,
    has_year: bool,
    day_first: bool,
) -> Option<Date> {
    let get = |name: &str| caps.name(name).map(|m| m.as_str());
    let num = |name: &str| get(name).and_then(|s| s.parse::<i8>().ok());
    let month = get("mon").or(get("mon2")).and_then(month_number);
    let last_of = |m: i8| Date::new(year, m, 1).ok().map(Date::last_of_month);
    match rule {
        Rule::Iso => Date::new(get("y")?.parse().ok()?, num("m")?, num("d")?).ok(),
        Rule::Slash => {
            // "31/03/2026" can only be day first, whatever the writer's locale.
            let (m, d) = match (num("m")?, num("d")?) {
                (m, d) if day_first && m > 12 && d <= 12 => (d, m),
                other => other,
            };
            let before = prev_word(text, start);
            let preposition =
                DATE_PREPS.contains(&before.as_str()) || WEEKDAY_WORDS.contains(&before.as_str());
            if !(has_year || preposition || d > 12) {
                return None;
            }
            Date::new(year, m, d).ok()
        }
        Rule::MonthDay | Rule::DayMonth => {
            let day = match get("dw") {
                Some(word) => ordinal_day(word)?,
                None => num("d")?,
            };
            let date = Date::new(year, month?, day).ok()?;
            if get("wk").is_none() {
                return Some(date);
            }
            // The working week: a Sunday means the Monday after it.
            let back = match date.weekday().to_monday_zero_offset() {
                6 => -1,
                n => i64::from(n),
            };
            date.checked_sub(jiff::Span::new().days(back)).ok()
        }
        Rule::MonthPhrase => {
            let m = month?;
            let day = match get("pos").map(str::to_lowercase).as_deref() {
                Some("end") | Some("late") => return last_of(m),
                Some("mid" | "middle") => 15,
                Some("early") => 7,
                Some("beginning" | "start") => 1,
                _ if has_year || DATE_PREPS.contains(&prev_word(text, start).as_str()) => {
                    return last_of(m);
                }
                _ => return None,
            };
            Date::new(year, m, day).ok()
        }
        Rule::Quarter => {
            let q: i8 = match get("q") {
                Some(q) => q.parse().ok()?,
                None => match get("ord")?.to_lowercase().as_str() {
                    "first" | "1st" => 1,
                    "second" | "2nd" => 2,
                    "third" | "3rd" => 3,
                    _ => 4,
                },
            };
            match get("pos").map(str::to_lowercase).as_deref() {
                Some("start" | "beginning") => Date::new(year, q * 3 - 2, 1).ok(),
                _ => last_of(q * 3),
            }
        }
        Rule::YearEnd => Date::new(year, 12, 31).ok(),
        Rule::Eom => last_of(month?),
        // The Monday of the ISO week.
        Rule::Week => jiff::civil::ISOWeekDate::new(year, num("w")?, jiff::civil::Weekday::Monday)
            .ok()
            .map(|w| w.date()),
        Rule::Dotted => Date::new(year, num("m").or_else(|| num("m2"))?, num("d")?).ok(),
        _ => None,
    }
}

/// The day a spoken ordinal names ("first" 1, "twenty-third" 23).
fn ordinal_day(word: &str) -> Option<i8> {
    const UNITS: [&str; 19] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    let word = word.to_lowercase().replace(' ', "-");
    let unit = |w: &str| UNITS.iter().position(|u| *u == w).map(|i| i as i8 + 1);
    match word.split_once('-') {
        Some(("twenty", rest)) => unit(rest).map(|d| 20 + d),
        Some(("thirty", rest)) => unit(rest).map(|d| 30 + d),
        Some(_) => None,
        None if word == "twentieth" => Some(20),
        None if word == "thirtieth" => Some(30),
        None => unit(&word),
    }
}

pub(super) fn parse_year(s: &str) -> Option<i16> {
    let y: i16 = s.parse().ok()?;
    Some(if s.len() == 2 { 2000 + y } else { y })
}

fn month_number(name: &str) -> Option<i8> {
    let key = name.get(..3)?.to_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months.iter().position(|m| *m == key).map(|i| i as i8 + 1)
}
