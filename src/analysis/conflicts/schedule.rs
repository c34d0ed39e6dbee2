//! When a go-live is due, as a typed fact both sides state: a date ("live by
//! February first", "Target Go-Live Date: on or before 03/01/2027"), or a
//! duration counted from a known event ("within twenty (20) weeks from the
//! Effective Date", "ten (10) weeks from contract signing") that the deal's
//! dates turn into one. A promise and a scope clause rarely share more than
//! the word "live"; they share the milestone, and two due dates a fortnight
//! apart cannot both hold.
//!
//! Other milestones (installation, commissioning, acceptance, data
//! migration, training, kickoff) are dated the same way; a due of one
//! milestone compares only with a due of the same one.
//!
//! The milestone words and the events a schedule counts from are word
//! families in `assets/rules.toml` (`facts.go_live`, `pair_facts.go_live`,
//! `pair_facts.schedule_milestone`, `pair_facts.schedule_anchor`).

use crate::analysis::Reading;
use crate::analysis::quantity::{Quantity, find_quantities_wide};
use jiff::civil::Date;

/// A due date and how loosely it is known: a month or a week written as a
/// whole ("by February", "in CW 9") is any day of it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Due {
    pub from: Date,
    pub to: Date,
    pub text: String,
    /// For a duration counted from an event the deal does not date ("six
    /// weeks after you sign" with no close date), the anchor family it counts
    /// from; `from`/`to` are then days after [`UNDATED_ANCHOR`], comparable
    /// only with dues counted from the same family.
    pub relative_to: Option<u32>,
    /// Known only roughly: counted from an event ("ten weeks from signing")
    /// or a part of a month ("mid-August"). Two dues known to the day or the
    /// week are one plan only when they nearly meet.
    pub loose: bool,
    /// The scope's date is an outer bound ("no later than January 29",
    /// "on or before 1 March"): a day a little earlier keeps it.
    pub outer_bound: bool,
    /// For a duration counted from an event, its length in days: "nine
    /// weeks after kickoff" and "nine (9) weeks from the Commencement Date"
    /// are one plan whatever day each event falls on.
    pub counted: Option<i64>,
    /// Which milestone falls due: [`GO_LIVE`], or one plus the family of
    /// `pair_facts.schedule_milestone` (installation, acceptance ...). Dues
    /// of two milestones say nothing about each other.
    pub milestone: u8,
}

/// The milestone of a go-live due.
pub(super) const GO_LIVE: u8 = 0;
/// What each milestone family of `pair_facts.schedule_milestone` is called,
/// in its order.
const MILESTONES: &[&str] = &[
    "installation",
    "commissioning",
    "acceptance",
    "data migration",
    "training",
    "kickoff",
];
/// The family of `pair_facts.schedule_milestone` that is the kickoff: the
/// event a duration counts from, never the milestone it dates.
const KICKOFF_FAMILY: u8 = 5;
/// How far apart two milestone words may stand and still be dated together:
/// "supply, installation and commissioning within nine months".
const CONJOINED: usize = 30;

/// The stand-in date of an undated anchor: only differences from it matter.
const UNDATED_ANCHOR: Date = jiff::civil::date(2000, 1, 1);

impl Due {
    fn day(date: Date, text: String) -> Self {
        Self {
            from: date,
            to: date,
            text,
            relative_to: None,
            loose: false,
            outer_bound: false,
            counted: None,
            milestone: GO_LIVE,
        }
    }

    /// The days of grace between this due and `other`: a fortnight where
    /// either is known only roughly, a few days where both name a day or a
    /// week ("wk 37" against "Monday, September 21").
    fn grace(&self, other: &Due) -> i64 {
        // Two durations from one undated event differ by exactly what they
        // say: "twelve weeks from kickoff" and "fourteen weeks after the
        // kickoff meeting" are two plans.
        // Unless the scope's length is an upper bound ("within twenty (20)
        // weeks"): a promise a little inside it keeps it.
        if self.counted.is_some()
            && other.counted.is_some()
            && self.relative_to.is_some()
            && self.relative_to == other.relative_to
            && !(other.outer_bound && self.to <= other.to)
        {
            return EXACT_GRACE_DAYS;
        }
        // A week or two of cushion before a deadline keeps it ("live by
        // January 22" against "no later than January 29"); months ahead of
        // it is another plan.
        if self.loose || other.loose || (other.outer_bound && self.to <= other.to) {
            GRACE_DAYS
        } else {
            EXACT_GRACE_DAYS
        }
    }

    /// Days between the two spans, zero where they overlap; none when one is
    /// counted from an undated event the other does not count from.
    fn gap(&self, other: &Due) -> Option<i64> {
        if self.milestone != other.milestone {
            return None;
        }
        if self.counted.is_some() && self.counted == other.counted {
            return Some(0);
        }
        if self.relative_to != other.relative_to {
            return None;
        }
        let apart = |a: Date, b: Date| a.until(b).map_or(0, |s| i64::from(s.get_days()));
        Some(if self.to < other.from {
            apart(self.to, other.from)
        } else if other.to < self.from {
            apart(other.to, self.from)
        } else {
            0
        })
    }
}

/// How far two due dates may lie apart and still be one plan: "mid-August"
/// is no promise to the day, and a schedule counted from signing starts a
/// few days either side of the close date.
const GRACE_DAYS: i64 = 14;
/// How far two dues known to the day or the week may lie apart.
const EXACT_GRACE_DAYS: i64 = 5;

/// How far before a scope's outer bound a promised day still keeps it.
pub(super) const CUSHION_DAYS: i64 = GRACE_DAYS;
/// How near a milestone word a figure must stand to be its date.
const NEAR: usize = 60;

/// The dates `text` states for go-live and other milestones: its dates near
/// a milestone word, and its durations counted from an event whose date the
/// deal gives. Conditions ("provided the Customer delivers within ten days")
/// are cut off first.
pub(super) fn dues(r: &Reading, text: &str) -> Vec<Due> {
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        // Offsets of the lower-cased text must be those of the text.
        return Vec::new();
    }
    // A definition says what go-live is, not when: "\"Commencement Date\"
    // means 11 January 2027; \"Go-Live\" means the first day ...".
    if lower.contains(" means ") {
        return Vec::new();
    }
    let mut live = r.rules.facts.go_live.find_all(lower.as_str());
    live.extend(r.rules.pair_facts.go_live.find_all(lower.as_str()));
    let others = milestone_marks(r, &lower);
    if live.is_empty() && others.is_empty() {
        return Vec::new();
    }
    let end = condition_start(&lower);
    let mut out = Vec::new();
    for found in find_quantities_wide(text, r.reference) {
        if found.start >= end {
            continue;
        }
        let span = (found.start, found.end);
        let duration = matches!(found.quantity, Quantity::Duration { .. });
        // A duration counts from a kickoff; it never dates one.
        let others: Vec<(usize, usize, u8)> = others
            .iter()
            .copied()
            .filter(|m| !(duration && m.2 == KICKOFF_FAMILY + 1))
            .collect();
        let of_live = live.iter().any(|&m| distance(m, span).is_some());
        let milestones = other_milestones(&lower, &live, &others, span);
        if !of_live && milestones.is_empty() {
            continue;
        }
        let Some(due) = due_of(r, &lower, &found, end) else {
            continue;
        };
        for milestone in milestones {
            out.push(Due {
                milestone,
                ..due.clone()
            });
        }
        if of_live {
            out.push(due);
        }
    }
    out
}

/// The milestone words other than go-live in `lower`, with their milestone
/// (one plus the family).
fn milestone_marks(r: &Reading, lower: &str) -> Vec<(usize, usize, u8)> {
    let lexicon = &r.rules.pair_facts.schedule_milestone;
    lexicon
        .find_all(lower)
        .into_iter()
        .filter_map(|(a, b)| {
            let bits = lexicon.families(&lower[a..b]);
            (bits != 0).then(|| (a, b, bits.trailing_zeros() as u8 + 1))
        })
        .collect()
}

/// How far a mark stands from a figure, when near enough to be its
/// milestone: before it within [`NEAR`], or right after it.
fn distance((a, b): (usize, usize), (start, stop): (usize, usize)) -> Option<usize> {
    if b <= start && start - b <= NEAR {
        Some(start - b)
    } else if a >= stop && a - stop <= NEAR / 2 {
        Some(a - stop)
    } else {
        None
    }
}

/// The milestones other than go-live a figure dates: that of the milestone
/// word nearest it, and those named with it ("installation and
/// commissioning: May 2027", "instalación y puesta en marcha: mayo").
fn other_milestones(
    lower: &str,
    live: &[(usize, usize)],
    others: &[(usize, usize, u8)],
    span: (usize, usize),
) -> Vec<u8> {
    let nearest = live
        .iter()
        .map(|&(a, b)| (a, b, GO_LIVE))
        .chain(others.iter().copied())
        .filter_map(|m| distance((m.0, m.1), span).map(|d| (d, m)))
        .min_by_key(|&(d, _)| d);
    let Some((_, (na, nb, _))) = nearest else {
        return Vec::new();
    };
    let mut out: Vec<u8> = others
        .iter()
        .filter(|&&(a, b, _)| {
            (a, b) == (na, nb)
                || (a <= nb + CONJOINED && b + CONJOINED >= na && listed(lower, (a, b), (na, nb)))
        })
        .filter(|&&(a, b, _)| distance((a, b), span).is_some())
        .map(|m| m.2)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether two milestone words stand in one list: nothing but commas and
/// joining words between them ("supply, installation and commissioning",
/// "instalación y puesta en marcha"); a date between them dates only one
/// ("kick off mid November, live by end of December").
fn listed(lower: &str, a: (usize, usize), b: (usize, usize)) -> bool {
    let (from, to) = if a.1 <= b.0 { (a.1, b.0) } else { (b.1, a.0) };
    lower.get(from..to).is_some_and(|between| {
        between
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| LIST_WORDS.contains(&w))
    })
}

/// The words that join the items of a list, in the languages order forms
/// come in.
const LIST_WORDS: &[&str] = &[
    "and", "or", "the", "of", "y", "e", "o", "et", "ou", "und", "oder", "la", "el", "le", "les",
    "de", "del", "des", "du", "da", "do", "der", "die",
];

/// The due a date or a duration near a milestone word states.
fn due_of(
    r: &Reading,
    lower: &str,
    found: &crate::analysis::quantity::Found,
    end: usize,
) -> Option<Due> {
    match &found.quantity {
        Quantity::Date { date, text } => {
            let q = &found.quantity;
            let mut due = Due::day(*date, text.clone());
            if q.is_month_precision() {
                due.from = date.first_of_month();
            } else if q.is_week_precision() {
                due.to = date.checked_add(jiff::Span::new().days(6)).unwrap_or(*date);
            }
            due.loose = r
                .rules
                .pair_facts
                .schedule_rough
                .is_match(&r.rules.cue_text(text.to_lowercase()));
            due.outer_bound = outer_bound_before(r, &lower[..found.start]);
            Some(due)
        }
        Quantity::Duration { days, text: d, .. } if *days >= 7.0 => {
            let after = &lower[found.end..end.max(found.end)];
            let span = jiff::Span::new().days(days.round() as i64);
            // The event may come first: "from signature it's ten weeks
            // to go-live", "after kickoff, eight weeks".
            let counted_from = anchor(r, after).or_else(|| anchor_before(r, &lower[..found.start]));
            let (start, relative_to, event) = match counted_from? {
                Anchor::Dated(start) => (start, None, start.to_string()),
                Anchor::Undated(family, event) => (UNDATED_ANCHOR, Some(family), event),
            };
            let date = start.checked_add(span).ok()?;
            let mut due = Due::day(date, format!("{d} from {event}"));
            due.outer_bound = outer_bound_before(r, &lower[..found.start]);
            due.relative_to = relative_to;
            due.loose = true;
            due.counted = Some(days.round() as i64);
            Some(due)
        }
        _ => None,
    }
}

/// Whether the words just before a date or a length make it an outer bound
/// ("no later than", "within").
fn outer_bound_before(r: &Reading, before: &str) -> bool {
    // A legal numeral is read from its figure ("within twenty (20) weeks"):
    // the bound stands before the number in words.
    let unopened = before.trim_end_matches(|c: char| c.is_ascii_digit());
    let before = match unopened.strip_suffix('(') {
        Some(words) => words
            .trim_end()
            .trim_end_matches(|c: char| c.is_alphabetic() || c == '-'),
        None => before,
    };
    let before = before.trim_end();
    let mut cut = before.len().saturating_sub(40);
    while !before.is_char_boundary(cut) {
        cut += 1;
    }
    r.rules
        .pair_facts
        .schedule_outer_bound
        .is_match(&r.rules.cue_text(before[cut..].to_string()))
}

/// Where a condition on the schedule begins ("provided ...", "subject to
/// ...", "assuming ..."): what follows sets the customer's deadlines.
fn condition_start(lower: &str) -> usize {
    [
        ", provided",
        " provided that",
        " subject to",
        " assum",
        ", if ",
        " unless ",
    ]
    .iter()
    .filter_map(|c| lower.find(c))
    .min()
    .unwrap_or(lower.len())
}

/// The event a duration counts from.
enum Anchor {
    /// The deal dates it (signing at the close date, kickoff at the kickoff).
    Dated(Date),
    /// The deal does not: its family bit and the words that name it.
    Undated(u32, String),
}

/// The words that count a duration from an event, in the languages order
/// forms and calls come in ("from", "desde", "à compter de", "após", "nach").
const COUNTED_FROM: &[&str] = &[
    "from ",
    "of ",
    "after ",
    "following ",
    "since ",
    "once ",
    "when ",
    "upon ",
    "desde ",
    "a partir de ",
    "a partir da ",
    "a partir do ",
    "tras ",
    "después de ",
    "luego de ",
    "de la ",
    "à compter de ",
    "à partir de ",
    "après ",
    "depuis ",
    "dès ",
    "após ",
    "depois d",
    "nach ",
    "ab ",
    "dopo ",
    "dalla ",
    "dal ",
];

/// The event a duration counts from, when the words right after it name one
/// ("from the Effective Date", "of contract signing", "after you sign",
/// "once the order form is signed", shorthand "signature to live"): dated
/// when the deal dates it, else kept as its family so two durations counted
/// from the same event still compare.
fn anchor(r: &Reading, after: &str) -> Option<Anchor> {
    let head: String = after.chars().take(40).collect();
    let head = head.trim_start();
    let counted = COUNTED_FROM.iter().any(|p| head.starts_with(p));
    let families = r.rules.pair_facts.schedule_anchor.families(head);
    // Shorthand names the event first, then "to": "12 weeks signature to
    // live", "8 wks kickoff to go-live".
    let shorthand = families != 0 && {
        let first_word_end = head.find(' ').unwrap_or(head.len());
        let rest = head[first_word_end..].trim_start();
        rest.starts_with("to ")
            && r.rules
                .pair_facts
                .schedule_anchor
                .families(&head[..first_word_end])
                != 0
    };
    if !counted && !shorthand {
        return None;
    }
    let deal = &r.bundle.deal;
    // The event as named: up to the end of its name, without the word that
    // counts from it ("after signing" names "signing").
    let named = r
        .rules
        .pair_facts
        .schedule_anchor
        .find_all(head)
        .first()
        .map_or(head.len(), |&(_, end)| end);
    let event = head[..named]
        .split([',', '.', ';'])
        .next()
        .unwrap_or(head)
        .trim();
    let event = COUNTED_FROM
        .iter()
        .find_map(|p| event.strip_prefix(p))
        .unwrap_or(event)
        .to_string();
    let (family, dated) = if families & 1 != 0 {
        (1, deal.closed_on)
    } else if families & 2 != 0 {
        (2, deal.kickoff)
    } else {
        return None;
    };
    Some(match dated {
        Some(date) => Anchor::Dated(date),
        None => Anchor::Undated(family, event),
    })
}

/// The event a duration counts from when the words before it name it, in
/// the same clause: "from signature it's ten weeks", "after kickoff, eight
/// weeks to go-live". The nearest "from", "after" or "since" within a few
/// words is read as [`anchor`] reads the words after a duration.
fn anchor_before(r: &Reading, before: &str) -> Option<Anchor> {
    let mut start = before.len().saturating_sub(NEAR_BEFORE);
    while !before.is_char_boundary(start) {
        start += 1;
    }
    let window = &before[start..];
    // Only the clause the duration stands in.
    let clause = window
        .rfind(['.', ';', ':', '?', '!'])
        .map_or(window, |i| &window[i + 1..]);
    let at = [
        "from ",
        "after ",
        "since ",
        "desde ",
        "a partir de ",
        "à compter de ",
        "après ",
    ]
    .iter()
    .filter_map(|p| {
        clause
            .match_indices(p)
            .filter(|(i, _)| *i == 0 || !clause.as_bytes()[i - 1].is_ascii_alphanumeric())
            .map(|(i, _)| i)
            .last()
    })
    .max()?;
    anchor(r, &clause[at..])
}

/// How far before a duration the event it counts from may be named.
const NEAR_BEFORE: usize = 40;

/// Whether `signed` dates the promised go-live as promised: every promised
/// due meets one of the scope's within its grace. Dues on different footings
/// (a date and a duration from an undated event) say nothing either way, so
/// a line that only holds those does not agree.
pub(super) fn agrees(promised: &[Due], signed: &[Due]) -> bool {
    // Only the milestones the line dates: a line dating go-live as promised
    // agrees though the promise also dates the training.
    let promised: Vec<&Due> = promised
        .iter()
        .filter(|p| signed.iter().any(|s| s.milestone == p.milestone))
        .collect();
    !promised.is_empty()
        && promised.iter().all(|p| {
            signed
                .iter()
                .any(|s| p.gap(s).is_some_and(|g| g <= p.grace(s)))
        })
}

/// A promised go-live against the scope's, when both state one and none of
/// the promise's dates is within a fortnight of any the scope allows; the
/// summary names the two dates.
pub(super) fn against(promised: &[Due], signed: &[Due]) -> Option<String> {
    if promised.is_empty() || signed.is_empty() {
        return None;
    }
    // Only dues on one footing compare: two dates, or two durations from
    // the same undated event.
    let off = promised.iter().find(|p| {
        let gaps: Vec<i64> = signed.iter().filter_map(|s| p.gap(s)).collect();
        !gaps.is_empty()
            && signed
                .iter()
                .filter_map(|s| p.gap(s).map(|g| (g, p.grace(s))))
                .all(|(g, grace)| g > grace)
    })?;
    let nearest = signed
        .iter()
        .filter(|s| off.gap(s).is_some())
        .min_by_key(|s| off.gap(s))
        .expect("a comparable signed due exists");
    let milestone = match off.milestone {
        GO_LIVE => "go-live",
        other => MILESTONES
            .get(usize::from(other) - 1)
            .copied()
            .unwrap_or("the milestone"),
    };
    Some(format!(
        "Notes promise {milestone} by {}; the signed scope's {milestone} is {}.",
        off.text, nearest.text
    ))
}

/// "Live by mid-August" against "12 weeks from kickoff" with a known kickoff.
pub(super) fn date_after_kickoff(
    r: &Reading,
    promised: &Quantity,
    line: &super::ScopeLine,
) -> Option<String> {
    let Quantity::Date { date, text } = promised else {
        return None;
    };
    let kickoff = r.bundle.deal.kickoff?;
    if !line.from_kickoff {
        return None;
    }
    for q in &line.quantities {
        if let Quantity::Duration { days, text: d, .. } = q {
            let due = kickoff
                .checked_add(jiff::Span::new().days(days.round() as i64))
                .ok()?;
            // A fortnight's grace: "mid-August" is not a calendar promise to the day.
            let gap = date.until(due).ok()?.get_days();
            if gap > 14 {
                return Some(format!(
                    "Notes promise {text}; the signed scope's {d} from the {kickoff} kickoff ends {due}."
                ));
            }
        }
    }
    None
}

#[cfg(test)]
#[path = "schedule_tests.rs"]
mod tests;
