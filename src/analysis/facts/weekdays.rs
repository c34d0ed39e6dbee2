//! The days of the week a support clause covers ("Monday to Friday", "Mon-Sat",
//! "weekdays", "on Saturdays too"), as a set of seven bits, Monday first.
//!
//! A promise of Saturday cover and a clause that answers Monday to Friday
//! share no hour and no "24/7": they disagree on days, which only a reading
//! of ranges ("lunes a viernes") and single days ("Samstags") compares.

use crate::rules::{CueText, Rules};

/// Every day of the week.
const WEEK: u8 = 0b111_1111;
/// Monday to Friday.
const WORKING_WEEK: u8 = 0b001_1111;
/// Saturday and Sunday.
const WEEKEND: u8 = 0b110_0000;

/// The days `lower` (a statement about support) says support covers, or none
/// when it names no day. A day named after a word that leaves it out
/// ("excluding Sundays", "closed on Saturday") is not covered.
pub(super) fn covered(rules: &Rules, lower: &CueText) -> Option<u8> {
    let p = &rules.pair_facts;
    let text: &str = lower;
    let mut days = 0u8;
    let limits = p.partial_cover.find_all(lower);
    // Single days and the ends of ranges, in order of appearance.
    let named: Vec<(usize, usize, u8)> = p
        .weekdays
        .find_all(lower)
        .into_iter()
        .filter_map(|(a, b)| {
            let bits = p.weekdays.families(&text[a..b]);
            (bits.count_ones() == 1).then(|| (a, b, bits.trailing_zeros() as u8))
        })
        .collect();
    let mut i = 0;
    while i < named.len() {
        let (a, b, day) = named[i];
        let left_out = leaves_out(&text[..a]);
        // "Monday to Saturday", "lun-vie", "Montag bis Freitag".
        if let Some(&(c, d, last)) = named.get(i + 1)
            && is_range(&text[b..c])
        {
            if !left_out {
                days |= span(day, last);
            }
            let _ = d;
            i += 2;
            continue;
        }
        if !left_out && !limited_after(&limits, text, b) {
            days |= 1 << day;
        }
        i += 1;
    }
    if p.working_week.is_match(lower) {
        days |= WORKING_WEEK;
    }
    let mut weekend_limited = false;
    for (a, b) in p.weekend.find_all(lower) {
        if leaves_out(&text[..a]) {
            continue;
        }
        if limited_after(&limits, text, b) {
            weekend_limited = true;
        } else {
            days |= WEEKEND;
        }
    }
    // "Weekend support is limited to P1 incidents" alone: full cover is on
    // the working days.
    if days == 0 && weekend_limited {
        days = WORKING_WEEK;
    }
    if p.six_day_week.is_match(lower) {
        days |= WORKING_WEEK | 1 << 5;
    }
    (days != 0).then_some(days & WEEK)
}

/// Whether the words right after a day cut its cover down to some incidents
/// ("Weekend support is limited to P1 incidents"): a day covered in part is
/// not covered as a promise of full cover on it means.
fn limited_after(limits: &[(usize, usize)], text: &str, end: usize) -> bool {
    let stop = text[end..].find(['.', ';']).map_or(text.len(), |i| end + i);
    limits
        .iter()
        .any(|&(a, _)| a >= end && a < stop && a - end <= 32)
}

/// The days from `first` to `last` (Monday is 0), round the week's end
/// ("Friday to Monday").
fn span(first: u8, last: u8) -> u8 {
    let mut bits = 0u8;
    let mut day = first;
    loop {
        bits |= 1 << day;
        if day == last {
            return bits;
        }
        day = (day + 1) % 7;
    }
}

/// Whether the words between two day names make them a range.
fn is_range(between: &str) -> bool {
    matches!(
        between.trim().trim_end_matches('.'),
        "to" | "-"
            | "–"
            | "—"
            | "through"
            | "thru"
            | "till"
            | "until"
            | "a"
            | "al"
            | "bis"
            | "à"
            | "au"
            | "hasta"
            | "sampai"
            | "s/d"
            | "fino a"
            | "t/m"
            | "tot"
    )
}

/// Whether the clause before a day leaves it out ("excluding", "except",
/// "closed on", "not on").
fn leaves_out(before: &str) -> bool {
    let tail: String = before
        .chars()
        .rev()
        .take(24)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    [
        "exclud",
        "except",
        "closed",
        "not ",
        "no ",
        "n't",
        "other than",
        "salvo",
        "ausser",
        "außer",
    ]
    .iter()
    .any(|w| tail.contains(w))
}
