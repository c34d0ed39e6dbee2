//! Quantities in sales text: durations, dates, money, percentages, counts.
//!
//! A small grammar of linear-time regexes (compiled once) finds candidate
//! spans; overlapping candidates are resolved longest-first, so "$8,000 a
//! month" is one money amount and not also the duration "a month". The
//! normalised values let the conflict detector compare a promise in the
//! notes with the signed scope ([`Quantity::agrees_with`]).

use std::collections::BTreeMap;

use crate::rules::word_regex::ascii_bounds_agree;
use jiff::civil::Date;
use regex::Captures;

mod dates;
mod gate;
mod grammar;
mod legal;
mod numbers;

use dates::{parse_year, resolve_date};
use legal::legal_numerals_as_figures;
pub use numbers::{number_tail, parse_number};

pub use grammar::COUNT_UNITS;
use grammar::{COUNT_ADJECTIVES, GATE, MONTH_ONLY, RULES, Rule, UNIT_FORMS, foreign_days};

/// One normalised quantity.
#[derive(Debug, Clone, PartialEq)]
pub enum Quantity {
    /// A duration normalised to calendar days (a business day counts 7/5 of a
    /// day; weeks 7, months 30, quarters 91, years 365, hours 1/24), with the
    /// unit as written.
    Duration {
        days: f64,
        business: bool,
        text: String,
    },
    /// A calendar date or deadline, resolved against the reference (deal)
    /// year unless a year is written. Fiscal calendars are not modelled.
    Date { date: Date, text: String },
    /// Money in the written currency (ISO code; `$` is read as USD), no FX.
    Money {
        amount: f64,
        currency: Option<String>,
        per: Option<Period>,
        text: String,
    },
    /// A percentage.
    Percent { value: f64, text: String },
    /// A count of something; `unit` is the normalised singular head noun.
    Count {
        value: f64,
        unit: String,
        text: String,
    },
}

/// The period of a recurring money amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

/// A quantity and its byte span in the input.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub quantity: Quantity,
    pub start: usize,
    pub end: usize,
}

/// Finds quantities in `text`, in order, without overlaps. Dates without a
/// written year take `reference_year`.
pub fn find_quantities(text: &str, reference_year: i16) -> Vec<Found> {
    find(text, reference_year, None, false)
}

/// Like [`find_quantities`], but a date written without a year that would
/// fall more than 90 days before `reference` (say, the close date) is read
/// as next year's: "Jan 12" in October notes means January of the next year.
pub fn find_quantities_from(text: &str, reference: Date) -> Vec<Found> {
    find(text, reference.year(), Some(reference), false)
}

/// Like [`find_quantities_from`], and dates in more forms: a day of the month
/// as a spoken ordinal ("February first", "the thirtieth of November"), a
/// calendar week ("CW 9", "KW 14/2027"), a dotted day-first date
/// ("31.03.2027") and a slashed one whose first number cannot be a month
/// ("31/03/2026"). Only a reader that asks for a date where one is due reads
/// these: the context rules and the learned model take any date near a
/// kickoff or go-live word as its date, and a spoken ordinal in a call, or a
/// chat export's day-first time stamp, is more often something else.
pub fn find_quantities_wide(text: &str, reference: Date) -> Vec<Found> {
    find(text, reference.year(), Some(reference), true)
}

/// Whether `text` holds any quantity: what [`find_quantities`] returns is not
/// empty. It stops at the first candidate that reads as a quantity, since
/// resolving overlaps always keeps the first one it takes.
pub fn has_quantities(text: &str, reference_year: i16) -> bool {
    let legal = legal_numerals_as_figures(text);
    candidates(
        legal.as_deref().unwrap_or(text),
        reference_year,
        None,
        false,
    )
    .next()
    .is_some()
}

/// Whether `text` could hold a date: `false` means that neither
/// [`find_quantities`] nor [`find_quantities_from`] finds a
/// [`Quantity::Date`] in it. A search without captures is far cheaper than
/// reading every candidate of every rule, and most text names no date.
pub fn may_hold_date(text: &str) -> bool {
    let agree = ascii_bounds_agree(text);
    let may = GATE.rules_in(text);
    RULES
        .iter()
        .enumerate()
        .any(|(i, (rule, re))| may & (1 << i) != 0 && rule.is_date() && re.on(agree).is_match(text))
}

/// Every candidate of every rule, in rule order: (start, end, priority, quantity).
fn candidates(
    text: &str,
    reference_year: i16,
    reference: Option<Date>,
    wide: bool,
) -> impl Iterator<Item = (usize, usize, u8, Quantity)> + '_ {
    let agree = ascii_bounds_agree(text);
    let may = grammar::matching_rules(text, agree, GATE.rules_in(text));
    let may_match = move |i: usize| may & (1 << i) != 0;
    RULES
        .iter()
        .enumerate()
        .filter(move |&(i, _)| may_match(i))
        .flat_map(move |(_, (rule, re))| {
            re.on(agree).captures_iter(text).filter_map(move |caps| {
                let m = caps.get(0).expect("group 0");
                let (start, mut end) = (m.start(), m.end());
                if !clean_edges(text, start, end, *rule) {
                    return None;
                }
                // "by 19 August." keeps the sentence's full stop out of the span.
                if rule.is_date() && text[..end].ends_with('.') {
                    let word = text[..end - 1].rsplit(|c: char| !c.is_alphabetic()).next();
                    if word.is_some_and(|w| w.len() > 4 || w.eq_ignore_ascii_case("may")) {
                        end -= 1;
                    }
                }
                let ctx = Ctx {
                    text,
                    start,
                    end,
                    year: reference_year,
                    reference,
                    wide,
                };
                interpret(*rule, &caps, &ctx).map(|q| (start, end, rule.priority(), q))
            })
        })
}

fn find(text: &str, reference_year: i16, reference: Option<Date>, wide: bool) -> Vec<Found> {
    let legal = legal_numerals_as_figures(text);
    let text = legal.as_deref().unwrap_or(text);
    let mut candidates: Vec<_> = candidates(text, reference_year, reference, wide).collect();
    candidates.sort_by(|a, b| {
        (b.1 - b.0)
            .cmp(&(a.1 - a.0))
            .then(a.2.cmp(&b.2))
            .then(a.0.cmp(&b.0))
    });
    let mut taken: BTreeMap<usize, Found> = BTreeMap::new();
    for (start, end, _, quantity) in candidates {
        let before = taken.range(..end).next_back();
        if before.is_some_and(|(_, f)| f.end > start) {
            continue;
        }
        taken.insert(
            start,
            Found {
                quantity,
                start,
                end,
            },
        );
    }
    taken.into_values().collect()
}

/// Rejects spans glued to surrounding tokens: "v4.2", "10:30", "$10 seats".
fn clean_edges(text: &str, start: usize, end: usize, rule: Rule) -> bool {
    if let Some(c) = text[..start].chars().next_back() {
        let money = matches!(rule, Rule::MoneyPre | Rule::MoneyPost | Rule::MoneyBare);
        if c.is_alphanumeric() || ".:/_#".contains(c) || (!money && "$€£".contains(c)) {
            return false;
        }
    }
    let mut after = text[end..].chars();
    let ends_in_digit = text[..end].ends_with(|c: char| c.is_ascii_digit());
    match (after.next(), after.next()) {
        (Some(c), Some(d)) if ends_in_digit && ".:/-".contains(c) && d.is_ascii_digit() => false,
        (Some('-'), Some(d)) if d.is_alphabetic() => !matches!(rule, Rule::Duration | Rule::Half),
        _ => true,
    }
}

fn prev_word(text: &str, start: usize) -> String {
    let head = text[..start].trim_end();
    let word_start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(head.len(), |(i, _)| i);
    head[word_start..].to_lowercase()
}

/// Words before an article-led duration that make it a rate.
const FREQUENCY_WORDS: &[&str] = &[
    "once", "twice", "thrice", "times", "x", "hours", "hrs", "days", "minutes", "mins", "posts",
    "calls", "meetings", "visits", "sessions",
];

/// Words before a number that make it part of a name ("SOC 2", "Phase 3").
const NAME_WORDS: &[&str] = &[
    "soc", "iso", "pci", "phase", "section", "tier", "level", "step", "version", "wave", "stage",
    "release", "sprint", "appendix", "schedule", "exhibit", "option", "item", "no", "number",
    "type", "gen", "v", "clause", "part", "chapter", "figure", "table", "room", "suite", "floor",
];

fn next_word(text: &str, end: usize) -> String {
    let tail = text[end..].trim_start();
    let len = tail
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(tail.len());
    tail[..len].to_lowercase()
}

/// Whether a bare week number counts weeks of a project, not of the
/// calendar: "week 2 of the rollout", "week 3-4", "Week 1: discovery",
/// "in week 2 after kickoff", "every week 2" are plans, while "live week
/// 49" and "told him wk 37" name a calendar week.
fn bare_week_is_relative(text: &str, start: usize, end: usize) -> bool {
    const RELATIVE_AFTER: &[&str] = &[
        "of",
        "after",
        "from",
        "post",
        "since",
        "following",
        "to",
        "and",
        "through",
        "thru",
        "onwards",
        "or",
    ];
    const RELATIVE_BEFORE: &[&str] = &["per", "each", "every", "project", "sprint"];
    // A heading's colon follows the number at once ("Week 1: discovery");
    // a spaced one starts something else (":+1:").
    let next_char = text[end..].trim_start_matches(' ').chars().next();
    matches!(next_char, Some('-' | '–' | '—'))
        || text[end..].starts_with(':')
        || RELATIVE_AFTER.contains(&next_word(text, end).as_str())
        || RELATIVE_BEFORE.contains(&prev_word(text, start).as_str())
}

/// Whether a bare "48k" followed by `word` reads as money.
fn bare_k_is_money(word: &str) -> bool {
    #[rustfmt::skip]
    const NOT_MONEY: &[&str] = &[
        "rows", "records", "events", "calls", "requests", "transactions", "messages", "emails",
        "contacts", "visits", "views", "downloads", "followers", "tickets", "documents", "files",
        "pages", "orders", "patients", "customers", "members", "students", "employees", "units",
        "items", "skus", "products", "leads", "accounts", "devices", "words", "miles", "km",
        "lines",
    ];
    !(NOT_MONEY.contains(&word)
        || UNIT_FORMS.contains_key(word)
        || COUNT_ADJECTIVES.contains(&word))
}

struct Ctx<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    year: i16,
    reference: Option<Date>,
    /// Read the wider date forms ([`find_quantities_wide`]).
    wide: bool,
}

fn interpret(rule: Rule, caps: &Captures, ctx: &Ctx) -> Option<Quantity> {
    let (text, start) = (ctx.text, ctx.start);
    let get = |name: &str| caps.name(name).map(|m| m.as_str());
    let whole = legal::quoted(&text[start..ctx.end], get("paren").is_some());
    // A unit outside English, or a figure closing a bracket ("dieciséis
    // (16) semanas"), is read only where a schedule is due.
    let foreign_unit =
        matches!(rule, Rule::Duration) && get("unit").is_some_and(|u| foreign_days(u).is_some());
    let wide_only = get("dw").is_some()
        || get("paren").is_some()
        || foreign_unit
        || matches!(rule, Rule::Week | Rule::Dotted);
    if wide_only && !ctx.wide {
        return None;
    }
    // "week 8 of next year" names the year after the reference one.
    let explicit_year = get("y")
        .or(get("y2"))
        .and_then(parse_year)
        .or_else(|| get("nexty").map(|_| ctx.year + 1));
    let year = explicit_year.unwrap_or(ctx.year);
    match rule {
        Rule::Duration | Rule::Half => {
            let n = match rule {
                Rule::Half => get("n").map_or(Some(0.0), parse_number)? + 0.5,
                _ => parse_number(get("n2").or(get("n"))?)?,
            };
            let article = get("n2").is_none()
                && matches!(get("n"), Some(a) if a.len() <= 2 && a.starts_with(['a', 'A']));
            // "twice a week", "2 a week", "a few hours a month": a rate, not a span.
            let prev = prev_word(text, start);
            let frequency = FREQUENCY_WORDS.contains(&prev.as_str())
                || text[..start]
                    .trim_end()
                    .ends_with(|c: char| c.is_ascii_digit());
            // "a quarter of the users", "down by a quarter": a fraction.
            let fraction = get("unit")?.eq_ignore_ascii_case("quarter")
                && (prev == "by" || next_word(text, ctx.end) == "of");
            if article && (frequency || fraction) {
                return None;
            }
            let business = get("biz").is_some();
            let unit = get("unit")?.to_lowercase();
            let per_unit = match unit.trim_end_matches('s') {
                _ if foreign_days(&unit).is_some() => foreign_days(&unit)?,
                "day" if business => 7.0 / 5.0,
                "day" => 1.0,
                "week" | "wk" => 7.0,
                "fortnight" => 14.0,
                "month" | "mo" | "mth" => 30.0,
                "quarter" | "qtr" => 91.0,
                "year" | "yr" => 365.0,
                "hour" | "hr" => 1.0 / 24.0,
                "minute" | "min" => 1.0 / 1440.0,
                _ => return None,
            };
            Some(Quantity::Duration {
                days: n * per_unit,
                business,
                text: whole,
            })
        }
        Rule::MoneyPre | Rule::MoneyPost | Rule::MoneyBare => {
            let mut amount = parse_number(get("n")?)?;
            amount *= match get("mult").map(str::to_lowercase).as_deref() {
                Some("k" | "thousand") => 1e3,
                Some("m" | "mm" | "million") => 1e6,
                Some("b" | "bn" | "billion") => 1e9,
                _ => 1.0,
            };
            let per = get("per").or(get("per2")).and_then(Period::parse);
            let currency = match get("cur").map(|c| c.trim().to_lowercase()).as_deref() {
                Some("$" | "us$" | "usd" | "dollars") => Some("USD"),
                Some("€" | "eur" | "euros") => Some("EUR"),
                Some("£" | "gbp" | "pounds") => Some("GBP"),
                Some("c$" | "cad") => Some("CAD"),
                Some("a$" | "aud") => Some("AUD"),
                Some(_) => return None,
                // Bare "48k": money unless it counts something ("10k users").
                None if per.is_none() && !bare_k_is_money(&next_word(text, ctx.end)) => {
                    return None;
                }
                None => None,
            };
            Some(Quantity::Money {
                amount,
                currency: currency.map(str::to_string),
                per,
                text: whole,
            })
        }
        Rule::Percent => Some(Quantity::Percent {
            value: parse_number(get("n")?)?,
            text: whole,
        }),
        Rule::Count => {
            let n = get("n")?;
            // A legal double form, "forty (40)" or "25 (twenty-five)": the
            // figure in brackets and the words must name one number.
            let value = if let Some((outside, inside)) = n.split_once('(') {
                let outside = parse_number(outside.trim())?;
                let inside = parse_number(inside.trim_end_matches(')').trim())?;
                if outside != inside {
                    return None;
                }
                outside
            } else {
                match get("k") {
                    Some(_) => parse_number(&n[..n.len() - 1])? * 1e3,
                    None => parse_number(n)?,
                }
            };
            let written = get("unit")?.to_lowercase();
            let unit = UNIT_FORMS.get(&written)?.to_string();
            // "4.1 Integration" is a section heading, "SOC 2 report" a name, and
            // "six project managers" or "15 Creator seat holders" use the unit
            // noun as a modifier of another noun.
            let hyphenated = whole[..whole.len() - written.len()].ends_with('-');
            let singular = written == unit || written == "license";
            let attributive = value != 1.0 && singular && !hyphenated;
            // "four devices per estate" is a rate, not the count bought.
            let rate = matches!(next_word(text, ctx.end).as_str(), "per" | "each");
            if value.fract() != 0.0
                || attributive
                || rate
                || NAME_WORDS.contains(&prev_word(text, start).as_str())
            {
                return None;
            }
            Some(Quantity::Count {
                value,
                unit,
                text: whole,
            })
        }
        Rule::Week
            if explicit_year.is_none()
                && get("cal").is_some_and(|c| {
                    grammar::BARE_WEEK_WORDS.contains(&c.to_lowercase().as_str())
                })
                && bare_week_is_relative(text, start, ctx.end) =>
        {
            None
        }
        _ => {
            let has_year = explicit_year.is_some();
            let day_first = ctx.wide;
            let mut date = resolve_date(rule, caps, text, start, year, has_year, day_first)?;
            if let Some(reference) = ctx.reference.filter(|_| !has_year)
                && date < reference.checked_sub(jiff::Span::new().days(90)).ok()?
            {
                date = resolve_date(rule, caps, text, start, year + 1, has_year, day_first)?;
            }
            Some(Quantity::Date { date, text: whole })
        }
    }
}

impl Period {
    fn parse(word: &str) -> Option<Period> {
        let w = word.to_lowercase();
        Some(match w.trim_end_matches('s') {
            "day" | "daily" => Period::Day,
            "week" | "wk" | "weekly" => Period::Week,
            "month" | "mo" | "mth" | "monthly" | "mrr" => Period::Month,
            "quarter" | "qtr" | "quarterly" => Period::Quarter,
            "year" | "yr" | "annum" | "annually" | "yearly" | "arr" => Period::Year,
            _ => return None,
        })
    }

    /// How many of this period make a year.
    pub fn per_year(self) -> f64 {
        match self {
            Period::Day => 365.0,
            Period::Week => 52.0,
            Period::Month => 12.0,
            Period::Quarter => 4.0,
            Period::Year => 1.0,
        }
    }
}

impl Quantity {
    /// The text as written.
    pub fn text(&self) -> &str {
        match self {
            Quantity::Duration { text, .. }
            | Quantity::Date { text, .. }
            | Quantity::Money { text, .. }
            | Quantity::Percent { text, .. }
            | Quantity::Count { text, .. } => text,
        }
    }

    /// A date written as a month only ("mid-January", "by March"): compared
    /// at month precision.
    pub fn is_month_precision(&self) -> bool {
        matches!(self, Quantity::Date { text, .. } if MONTH_ONLY.is_match(text.trim()))
    }

    /// A date written as "the week of Nov 17": `date` is that week's Monday
    /// and any day of the week agrees with it.
    pub fn is_week_precision(&self) -> bool {
        matches!(self, Quantity::Date { text, .. } if text.get(..11).is_some_and(|t| t.eq_ignore_ascii_case("the week of"))
            || ["cw", "kw", "calendar week", "iso week", "week", "wk", "semaine", "semana"].iter().any(|w| text.get(..w.len()).is_some_and(|t| t.eq_ignore_ascii_case(w))))
    }

    /// `None` when the two are not comparable (different kinds, units,
    /// currencies, or one recurring and one not); otherwise whether they
    /// agree within tolerance.
    pub fn agrees_with(&self, other: &Quantity) -> Option<bool> {
        use Quantity as Q;
        match (self, other) {
            (Q::Duration { days: a, .. }, Q::Duration { days: b, .. }) => {
                // Two days of slack only between long durations ("a month" ~
                // "four weeks"); "2 hours" and "8 hours" must not agree.
                let tolerance = if a.min(*b) >= 14.0 {
                    (0.1 * a.max(*b)).max(2.0)
                } else {
                    0.1 * a.max(*b)
                };
                Some((a - b).abs() <= tolerance)
            }
            (Q::Date { date: a, .. }, Q::Date { date: b, .. }) => {
                let in_week = |monday: &Date, d: &Date| {
                    let days = monday.until(*d).ok().map_or(-1, |s| s.get_days());
                    (0..7).contains(&days)
                };
                Some(if self.is_month_precision() || other.is_month_precision() {
                    a.year() == b.year() && a.month() == b.month()
                } else if self.is_week_precision() {
                    in_week(a, b)
                } else if other.is_week_precision() {
                    in_week(b, a)
                } else {
                    a == b
                })
            }
            (
                Q::Money {
                    amount: a,
                    currency: ca,
                    per: pa,
                    ..
                },
                Q::Money {
                    amount: b,
                    currency: cb,
                    per: pb,
                    ..
                },
            ) => {
                if matches!((ca, cb), (Some(x), Some(y)) if x != y) {
                    return None;
                }
                let (a, b) = match (pa, pb) {
                    (None, None) => (*a, *b),
                    (Some(x), Some(y)) => (a * x.per_year(), b * y.per_year()),
                    _ => return None,
                };
                Some((a - b).abs() <= 0.01 * a.abs().max(b.abs()))
            }
            (Q::Percent { value: a, .. }, Q::Percent { value: b, .. }) => {
                Some((a - b).abs() < 1e-6)
            }
            (
                Q::Count {
                    value: a, unit: ua, ..
                },
                Q::Count {
                    value: b, unit: ub, ..
                },
            ) => (ua == ub).then(|| (a - b).abs() < 1e-6),
            // "40 consulting hours" against "40 hours".
            (Q::Count { value, unit, .. }, Q::Duration { days, .. })
            | (Q::Duration { days, .. }, Q::Count { value, unit, .. }) => {
                (unit == "hour").then(|| (value - days * 24.0).abs() < 1e-6)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod foreign_tests;
#[cfg(test)]
mod tests;
