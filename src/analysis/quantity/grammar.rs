//! The grammar: lexicons and the compiled-once, linear-time patterns that
//! propose candidate spans for [`super::find_quantities`].

use foldhash::HashMap;
use std::sync::LazyLock;

use crate::rules::word_regex::WordRegex;
use regex::Regex;

/// Singular head nouns that make a number a count.
#[rustfmt::skip]
pub const COUNT_UNITS: &[&str] = &[
    "seat", "user", "licence", "site", "region", "session", "location", "store", "clinic", "branch",
    "country", "language", "dashboard", "integration", "workshop", "hour", "person", "employee",
    "agent", "admin", "administrator", "office", "warehouse", "market", "environment", "instance",
    "workspace", "team", "department", "entity", "subsidiary", "brand", "module", "report",
    "connector", "webinar", "course", "class", "learner", "member", "viewer", "editor", "account",
    "device", "endpoint", "server", "hospital", "school", "campus", "facility", "plant",
    "restaurant", "property", "hotel", "vehicle", "workflow", "pharmacy", "lab", "practice",
    "centre", "center", "trainer", "consultant", "developer", "project", "sandbox", "api",
    "merchant", "tenant", "dealer", "printer", "doctor", "login", "terminal", "tablet", "scanner",
];

/// Word shapes of a descriptive modifier between a number and its noun that
/// no list can name ("forty ruggedised handheld devices", "12 licensed
/// users", "3 regional warehouses"): participles and adjective endings.
pub(super) const MODIFIER_SHAPE: &str = r"[a-z]+(?:ised|ized|ed|held|able|ible|al|ic|ive)";

/// Modifiers allowed between a number and its unit noun ("15 Creator seats").
#[rustfmt::skip]
pub(super) const COUNT_ADJECTIVES: &[&str] = &[
    "named", "creator", "additional", "extra", "admin", "onsite", "on-site", "remote", "concurrent",
    "training", "more", "new", "dedicated", "consulting", "support", "production", "virtual",
    "live", "paid", "free", "full", "premium", "standard", "enterprise", "viewer", "explorer",
    "editor", "active", "unique", "separate", "custom", "standalone", "in-person", "hands-on",
    "total", "physical", "retail", "business", "user", "seat", "pro",
];

/// Irregular or variant spellings mapped to the lexicon form.
pub(super) const UNIT_ALIASES: &[(&str, &str)] = &[
    ("license", "licence"),
    ("licenses", "licence"),
    ("people", "person"),
    ("centres", "centre"),
];

pub(super) const DIGITS: &str = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?";
pub(super) const ONES: &str = "one|two|three|four|five|six|seven|eight|nine";
pub(super) const SMALL_WORDS: &str = "nineteen|eighteen|seventeen|sixteen|fifteen|fourteen|thirteen|twelve|\
                           eleven|ten|zero|one|two|three|four|five|six|seven|eight|nine";
pub(super) const TENS_WORDS: &str = "twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety";
/// Month names; "May" only capitalised (the modal verb is common).
pub(super) const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?-i:May|MAY))";
/// Words that name a calendar week outright ("CW 9", "KW 14/2027", "ISO week
/// 2 of 2027", "calendar week 12").
pub(super) const CALENDAR_WEEK: &str = r"(?:iso|calendar)\s+week|cw|kw|kalenderwoche";
/// Words that name a week by its number only when nothing makes it a week of
/// a project ("live week 49", "wk 37", "semaine 10 (2027)"); see
/// `bare_week_is_relative` in the interpreter.
pub(super) const BARE_WEEK: &str = r"week|wk|semaine|semana";
/// [`BARE_WEEK`] as words, to tell which kind a match began with.
/// Duration units outside English: read by the wide reading alone, where a
/// schedule is due ("seis (6) semanas desde la firma", "4 mois après l'ODS"),
/// with the days each counts.
pub(super) const FOREIGN_DURATION_UNITS: &[(&str, f64)] = &[
    ("semana", 7.0),
    ("semanas", 7.0),
    ("semaine", 7.0),
    ("semaines", 7.0),
    ("woche", 7.0),
    ("wochen", 7.0),
    ("settimana", 7.0),
    ("settimane", 7.0),
    ("mois", 30.0),
    ("mes", 30.0),
    ("meses", 30.0),
    ("mese", 30.0),
    ("mesi", 30.0),
    ("dias", 1.0),
    ("días", 1.0),
    ("jours", 1.0),
    ("tag", 1.0),
    ("tage", 1.0),
    ("tagen", 1.0),
    ("giorni", 1.0),
];

/// The days one of [`FOREIGN_DURATION_UNITS`] counts.
pub(super) fn foreign_days(unit: &str) -> Option<f64> {
    let unit = unit.to_lowercase();
    FOREIGN_DURATION_UNITS
        .iter()
        .find(|(u, _)| *u == unit)
        .map(|&(_, d)| d)
}

pub(super) const BARE_WEEK_WORDS: &[&str] = &["week", "wk", "semaine", "semana"];
pub(super) const YEAR_TAIL: &str = r"(?:,?\s+(?P<y>[0-9]{4})\b)?";
/// Days of the month as spoken ordinals ("February first", "the thirty-first of
/// March"): speech and unpunctuated memos rarely write "1st".
pub(super) const ORDINAL_DAY: &str = r"(?:thirty[- ]first|thirtieth|twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|twentieth|nineteenth|eighteenth|seventeenth|sixteenth|fifteenth|fourteenth|thirteenth|twelfth|eleventh|tenth|ninth|eighth|seventh|sixth|fifth|fourth|third|second|first)";
/// Words that introduce a bare month ("by March") or a bare m/d ("by 3/4").
pub(super) const DATE_PREPS: &[&str] = &[
    "by", "in", "before", "until", "till", "through", "thru", "during", "from", "after", "on",
    "due", "around", "of", "starting", "since", "for",
    // The same before a date in the languages deals mix in ("el 12/01", "le
    // 12/01", "até 15/3", "bis 12.01").
    "el", "del", "al", "hasta", "desde", "antes", "le", "au", "du", "avant", "dès", "em", "até",
    "am", "bis", "ab", "vor", "zum",
];

/// Weekday names and their short forms, in English and the languages deals mix
/// in: a day-month figure after one is a date ("Tue 12/01", "martes 24/11"),
/// as after a preposition.
pub(super) const WEEKDAY_WORDS: &[&str] = &[
    "monday",
    "mon",
    "tuesday",
    "tue",
    "tues",
    "wednesday",
    "wed",
    "thursday",
    "thu",
    "thur",
    "thurs",
    "friday",
    "fri",
    "saturday",
    "sat",
    "sunday",
    "sun",
    "lunes",
    "martes",
    "miércoles",
    "miercoles",
    "jueves",
    "viernes",
    "sábado",
    "sabado",
    "domingo",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "segunda",
    "terça",
    "terca",
    "quarta",
    "quinta",
    "sexta",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
];

/// Words numbers up to the tens of thousands: "twenty-one", "two hundred and fifty".
pub(super) static WORD_NUMBER: LazyLock<String> = LazyLock::new(|| {
    let s = format!(r"(?:(?:{TENS_WORDS})(?:[-\s](?:{ONES})\b)?|(?:{SMALL_WORDS}))");
    format!(
        r"(?:{s}(?:\s+hundred(?:\s+(?:and\s+)?{s})?)?(?:\s+thousand(?:\s+(?:and\s+)?{s}(?:\s+hundred(?:\s+(?:and\s+)?{s})?)?)?)?)\b"
    )
});

#[derive(Clone, Copy, Debug)]
pub(super) enum Rule {
    Duration,
    Half,
    MoneyPre,
    MoneyPost,
    MoneyBare,
    Percent,
    Count,
    Iso,
    Slash,
    MonthDay,
    DayMonth,
    MonthPhrase,
    Quarter,
    YearEnd,
    Eom,
    /// A calendar week ("CW 9", "KW 14/2027", "calendar week 12").
    Week,
    /// A day-first date with dots ("31.03.2027"), as Europe writes it.
    Dotted,
}

impl Rule {
    pub(super) fn is_date(self) -> bool {
        !matches!(
            self,
            Rule::Duration
                | Rule::Half
                | Rule::MoneyPre
                | Rule::MoneyPost
                | Rule::MoneyBare
                | Rule::Percent
                | Rule::Count
        )
    }

    /// Lower wins a tie between equally long overlapping candidates.
    pub(super) fn priority(self) -> u8 {
        match self {
            Rule::MoneyPre | Rule::MoneyPost | Rule::MoneyBare => 0,
            Rule::Iso | Rule::Slash | Rule::MonthDay | Rule::DayMonth => 1,
            Rule::MonthPhrase | Rule::Quarter | Rule::YearEnd | Rule::Eom => 1,
            Rule::Week | Rule::Dotted => 1,
            Rule::Percent => 2,
            Rule::Duration | Rule::Half => 3,
            Rule::Count => 4,
        }
    }
}

/// The rules in order, each with its ASCII-boundary twin (see [`WordRegex`]).
pub(super) static RULES: LazyLock<Vec<(Rule, WordRegex)>> = LazyLock::new(|| {
    let w = WORD_NUMBER.as_str();
    // The units in the languages schedules come in (Spanish, French,
    // Portuguese, German, Italian) are read only by the wide reading
    // ([`FOREIGN_DURATION_UNITS`]).
    let dur_unit = r"(?P<unit>days?|weeks?|wks?|months?|mos?|mths?|quarters?|qtrs?|years?|yrs?|hours?|hrs?|minutes?|mins?|fortnights?|semanas?|semaines?|mois|meses|mes|wochen|woche|settimane|settimana|mesi|mese|d[ií]as|jours|tagen?|giorni)\b";
    let per = r"(?:\s*(?:/|per\b|an?\b|each\b|every\b)\s*(?P<per>months?|mo|mth|years?|yr|annum|weeks?|wk|quarters?|qtr|days?)\b|\s+(?P<per2>monthly|annually|yearly|quarterly|weekly|daily|arr|mrr)\b)?";
    let mult = r"(?P<mult>k|mm|m|bn|b|thousand|million|billion)\b";
    let adjectives = COUNT_ADJECTIVES.join("|");
    let units = unit_alternation();
    let rules = [
        (Rule::Duration, format!(
            r"(?i)\b(?P<n>a\s+couple(?:\s+of)?|couple(?:\s+of)?|a\s+single|an?\b|{DIGITS}|{w})(?P<paren>\))?(?:\s*(?:-|–|—|to\b)\s*(?P<n2>{DIGITS}|{w}))?[\s-]*(?:calendar[\s-]+)?(?P<biz>(?:business|working)[\s-]+)?{dur_unit}"
        )),
        (Rule::Half, format!(
            r"(?i)\b(?:(?P<n>{DIGITS}|{w})\s+and\s+a\s+)?half(?:\s+an?\s+|[\s-])(?P<biz>(?:business|working)[\s-]+)?{dur_unit}"
        )),
        (Rule::MoneyPre, format!(
            r"(?i)(?P<cur>us\$|c\$|a\$|\$|€|£|\b(?:usd|eur|gbp|cad|aud)\s?)(?P<n>{DIGITS})(?:\s?{mult})?{per}"
        )),
        (Rule::MoneyPost, format!(
            r"(?i)\b(?P<n>{DIGITS}|{w})\s?(?:{mult}\s?)?(?P<cur>usd|eur|gbp|cad|aud|dollars|euros|pounds)\b{per}"
        )),
        (Rule::MoneyBare, format!(r"(?i)\b(?P<n>{DIGITS})(?P<mult>k|mm|m)\b{per}")),
        (Rule::Percent, format!(
            r"(?i)\b(?P<n>{DIGITS}|{w})(?:\s?%|[\s-]*(?:percent|per\s*cent|pct)\b)"
        )),
        (Rule::Count, format!(
            r"(?i)\b(?P<n>a\s+dozen|dozen|a\s+couple\s+of|couple\s+of|{w}\s*\(\s*{DIGITS}\s*\)|{DIGITS}\s*\(\s*{w}\s*\)|(?:{DIGITS})(?P<k>k\b)?|{w})[\s-]+(?:(?:{adjectives}|(?-i:[A-Z][A-Za-z]+)|(?-i:{MODIFIER_SHAPE}))[\s-]+){{0,3}}(?P<unit>{units})\b"
        )),
        (Rule::Iso, r"\b(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})\b".to_string()),
        (Rule::Slash, r"\b(?P<m>[0-9]{1,2})/(?P<d>[0-9]{1,2})(?:/(?P<y>[0-9]{4}|[0-9]{2}))?\b".to_string()),
        (Rule::MonthDay, format!(
            r"(?i)\b(?P<wk>the\s+week\s+of\s+)?(?P<mon>{MONTH})\.?\s+(?:(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?|(?:the\s+)?(?P<dw>{ORDINAL_DAY}))\b{YEAR_TAIL}"
        )),
        (Rule::DayMonth, format!(
            r"(?i)\b(?P<wk>the\s+week\s+of\s+)?(?:(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?|(?P<dw>{ORDINAL_DAY}))\s+(?:of\s+)?(?P<mon>{MONTH})\b\.?{YEAR_TAIL}"
        )),
        (Rule::MonthPhrase, format!(
            r"(?i)\b(?:(?:the\s+)?(?P<pos>end|middle|mid|early|late|beginning|start)(?:\s+of|-)?\s*)?(?P<mon>{MONTH})\b\.?{YEAR_TAIL}"
        )),
        (Rule::Quarter, r"(?i)\b(?:(?:the\s+)?(?P<pos>end|close|start|beginning)\s+of\s+(?:the\s+)?)?(?:q(?P<q>[1-4])\b|(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\b)(?:[\s-]+(?:of\s+)?(?:fy\s?)?(?P<y>[0-9]{4})\b|\s?'(?P<y2>[0-9]{2})\b)?".to_string()),
        (Rule::YearEnd, r"(?i)\b(?:eoy|(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?:calendar\s+)?year|(?:the\s+)?end\s+of\s+(?P<y>[0-9]{4})|(?:calendar\s+)?year[\s-]end)\b".to_string()),
        (Rule::Eom, format!(r"(?i)\b(?:eom\s+(?P<mon>{MONTH})|(?P<mon2>{MONTH})\s+eom)\b")),
        (Rule::Week, format!(
            r"(?i)\b(?P<cal>{CALENDAR_WEEK}|{BARE_WEEK})\s?(?:no\.?\s?|#\s?)?(?P<w>[0-9]{{1,2}})\b(?:(?:\s?/\s?|\s+(?:of|de|del|du)\s+|\s*\(\s*)(?P<y>[0-9]{{4}})\b\)?|\s+of\s+(?P<nexty>next)\s+year\b)?"
        )),
        // Day first, dotted or dashed ("31.03.2027", "15-03-2027"): an ISO date
        // puts its year first, so a four-digit year last is day-first.
        (Rule::Dotted, r"\b(?P<d>[0-9]{1,2})(?:\.(?P<m>[0-9]{1,2})\.|-(?P<m2>[0-9]{1,2})-)(?P<y>[0-9]{4})\b".to_string()),
    ];
    rules
        .into_iter()
        .map(|(rule, pattern)| {
            (
                rule,
                WordRegex::new(&pattern).expect("quantity grammar compiles"),
            )
        })
        .collect()
});

/// Of the rules in `may`, those that match `text` somewhere. A yes/no search
/// stops at the first match and needs no captures, so asking it first spares
/// the capture search of every rule whose literals let a text in but whose
/// pattern does not match.
pub(super) fn matching_rules(
    text: &str,
    agree: bool,
    may: super::gate::RuleSet,
) -> super::gate::RuleSet {
    RULES
        .iter()
        .enumerate()
        .filter(|&(i, (_, re))| may & (1 << i) != 0 && re.on(agree).is_match(text))
        .fold(0, |bits, (i, _)| bits | 1 << i)
}

/// Which of [`RULES`] could match a text (see [`super::gate`]).
pub(super) static GATE: LazyLock<super::gate::RuleGate> =
    LazyLock::new(|| super::gate::RuleGate::new(RULES.iter().map(|(_, re)| re.as_str())));

/// Every surface form (singular, plural, alias) to its lexicon form.
pub(super) static UNIT_FORMS: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut forms = HashMap::default();
    for &unit in COUNT_UNITS {
        forms.insert(unit.to_string(), unit);
        forms.insert(format!("{unit}s"), unit);
        if unit.ends_with(['s', 'x']) || unit.ends_with("ch") || unit.ends_with("sh") {
            forms.insert(format!("{unit}es"), unit);
        }
        if let Some(stem) = unit.strip_suffix('y')
            && !stem.ends_with(['a', 'e', 'o', 'u'])
        {
            forms.insert(format!("{stem}ies"), unit);
        }
    }
    for &(alias, unit) in UNIT_ALIASES {
        forms.insert(alias.to_string(), unit);
    }
    forms
});

pub(super) fn unit_alternation() -> String {
    let mut forms: Vec<&String> = UNIT_FORMS.keys().collect();
    forms.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    forms
        .iter()
        .map(|f| regex::escape(f))
        .collect::<Vec<_>>()
        .join("|")
}

pub(super) static MONTH_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:(?:the\s+)?(?:middle|mid|early|late|beginning|start)(?:\s+of|-)?\s*)?{MONTH}\.?(?:,?\s+[0-9]{{4}})?$"
    ))
    .expect("month-only pattern compiles")
});
