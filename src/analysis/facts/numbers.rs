//! The figures of a deal term, read by grammar: an hour of the day, a
//! response time, an availability percentage, days to pay. Numbers may be
//! written in digits, in words ("thirty"), as legal numerals ("thirty (30)")
//! or spoken ("ninety-nine point nine").

use crate::analysis::quantity::parse_number;
use regex::Regex;
use std::sync::LazyLock;

/// A number in digits or words, or a legal numeral ("thirty (30)").
const NUMBER: &str = r"(\d{1,3}(?:[.,]\d+)?|[a-z]+(?:[- ][a-z]+)?)(?: \(\d{1,3}\))?";

fn number(word: &str) -> Option<f64> {
    let word = word.trim();
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        return word.replace(',', ".").parse().ok();
    }
    // "forty-five", "ninety" and "forty five"; the caller's pattern may have
    // taken a word before the number ("within four") or after it.
    parse_number(word)
        .or_else(|| parse_number(word.rsplit(' ').next().unwrap_or("")))
        .or_else(|| parse_number(word.split(' ').next().unwrap_or("")))
}

/// The hour support starts, in minutes after midnight: "from 06:00", "8-6",
/// "between 7am and 7pm", "08.00 to 18.00", and "de 8h00 à 18h00" as French
/// and other order forms write the hour.
pub fn start_hour(text: &str) -> Option<u16> {
    static START: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:\b(?:from|between|de|desde|dès|ab|von|dalle|da) |^|[^\d:.])(\d{1,2})(?:[:.h](\d\d))? ?(am|pm|h|hrs)?(?:(?: ?(?:-|–) ?| ?(?:to|until|and|a|à|al|alle|bis|hasta|até) )\d{1,2}(?:[:.h]\d\d)? ?(?:am|pm|h|hrs)?|\b)",
        )
        .expect("start hour pattern compiles")
    });
    for c in START.captures_iter(text) {
        let whole = c.get(0)?.as_str();
        let hour: u16 = c[1].parse().ok()?;
        let minute: u16 = c.get(2).map_or(Some(0), |m| m.as_str().parse().ok())?;
        let suffix = c.get(3).map(|m| m.as_str());
        // A range, joined as English or the languages order forms come in
        // join one ("de 6am a 9pm", "dalle 8 alle 12", "von 8 bis 17").
        let ranged = whole.contains(['-', '–'])
            || RANGE_WORDS
                .iter()
                .any(|w| whole.trim_end().contains(&format!(" {w} ")));
        let from = FROM_WORDS
            .iter()
            .any(|w| whole.trim_start().starts_with(&format!("{w} ")));
        let timed = c.get(2).is_some() || suffix.is_some() || ranged;
        // "de 4 a 8 horas", "2 to 3 days": a span of time, not the hours of
        // the day.
        // A half of the day read from the unit's first letter ("8 h" of
        // "8 horas") leaves the unit's word to look at whole.
        let end = c.get(0)?.end();
        let rest = if text[end..].starts_with(char::is_alphabetic) {
            &text[text[..end].rfind(' ').map_or(end, |i| i + 1)..]
        } else {
            text[end..].trim_start()
        };
        if DURATION_UNITS.iter().any(|u| rest.starts_with(u)) {
            continue;
        }
        // "from 3 sites" is no hour; "P1 within 4" neither.
        if !timed || hour > 24 || minute > 59 || (!from && !ranged && c.get(2).is_none()) {
            continue;
        }
        let hour = match suffix {
            Some("pm") if hour < 12 => hour + 12,
            Some("am") if hour == 12 => 0,
            _ => hour,
        };
        return Some(hour * 60 + minute);
    }
    spoken_start_hour(text)
}

/// The words that join the two hours of a range.
const RANGE_WORDS: &[&str] = &[
    "to", "until", "and", "a", "à", "al", "alle", "bis", "hasta", "até",
];

/// Units that make a range a span of time ("4 to 8 hours").
const DURATION_UNITS: &[&str] = &[
    "hour", "hora", "heure", "stund", "ore ", "ore,", "day", "día", "dia", "jour", "tag", "min",
    "week", "semana", "semaine", "woche", "month", "mes", "mois", "monat",
];

/// The words before the hour cover starts.
const FROM_WORDS: &[&str] = &[
    "from", "between", "de", "desde", "dès", "ab", "von", "dalle", "da",
];

/// The hour support starts as speech says it: "from seven", "open from half
/// six" (half past six), "from eight in the morning". A word number after
/// "from" is an hour only where no noun follows it ("from seven sites").
fn spoken_start_hour(text: &str) -> Option<u16> {
    static SPOKEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\b(?:from|opens? at|starts? at|open at) (half (?:past )?)?(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?: ?(am|pm|a\.m\.|p\.m\.|o'clock|thirty))?",
        )
        .expect("spoken start hour pattern compiles")
    });
    // What may follow an hour: punctuation, a time zone's place ("Brisbane
    // time"), or a word that does not make the number count something.
    const AFTER_HOUR: &[&str] = &[
        "", "in", "for", "to", "until", "till", "through", "sharp", "on", "every", "each",
        "onwards", "and", "your", "their", "our", "local", "so", "monday", "mon", "weekdays",
    ];
    for c in SPOKEN.captures_iter(text) {
        let end = c.get(0)?.end();
        let rest = &text[end..];
        let next: String = rest
            .trim_start()
            .chars()
            .take_while(|ch| ch.is_alphabetic())
            .collect();
        let timed = c.get(3).is_some()
            || rest.trim_start().starts_with([',', '.', ';', ')'])
            || AFTER_HOUR.contains(&next.as_str())
            || rest.trim_start()[next.len()..]
                .trim_start()
                .starts_with("time");
        if !timed {
            continue;
        }
        let mut hour = parse_number(&c[2])? as u16;
        let mut minute = 0;
        if c.get(1).is_some() || c.get(3).is_some_and(|m| m.as_str() == "thirty") {
            minute = 30;
        }
        if c.get(3).is_some_and(|m| m.as_str().starts_with('p')) && hour < 12 {
            hour += 12;
        }
        return Some(hour * 60 + minute);
    }
    None
}

/// The hour support ends, in minutes after midnight: "8:00 to 17:00",
/// "9am-5.30pm", "until 10pm", "until ten at night", "till eight in the
/// evening". An hour after "until" without a half of the day is read as
/// written ("until 18:00"); a spoken hour needs one ("ten at night").
pub fn end_hour(text: &str) -> Option<u16> {
    static END: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:\d(?:[:.h]\d\d)? ?(?:am|pm|h|hrs)?(?: ?(?:-|–) ?| (?:to|until|till|and|a|à|al|alle|bis|hasta|até) )|\b(?:until|till|hasta|até|bis|jusqu'à) )(\d{1,2})(?:[:.h](\d\d))? ?(am|pm|a\.m\.|p\.m\.|h|hrs)?",
        )
        .expect("end hour pattern compiles")
    });
    static SPOKEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\b(?:until|till|to) (one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|midnight)\b(?: (?:at night|in the evening|pm|p\.m\.|o'clock at night))?",
        )
        .expect("spoken end hour pattern compiles")
    });
    for c in END.captures_iter(text) {
        let hour: u16 = c[1].parse().ok()?;
        let minute: u16 = c.get(2).map_or(Some(0), |m| m.as_str().parse().ok())?;
        let suffix = c.get(3).map(|m| m.as_str());
        let whole = c.get(0)?.as_str();
        // "until 3 sites", "to 12 users": an hour has minutes or a half of
        // the day, or closes a range that started with one.
        let ranged = whole.starts_with(|ch: char| ch.is_ascii_digit());
        if hour > 24 || minute > 59 || (c.get(2).is_none() && suffix.is_none() && !ranged) {
            continue;
        }
        let hour = match suffix {
            Some(s) if s.starts_with('p') && hour < 12 => hour + 12,
            _ => hour,
        };
        return Some(hour * 60 + minute);
    }
    let c = SPOKEN.captures(text)?;
    let whole = c.get(0)?.as_str();
    if &c[1] == "midnight" {
        return Some(24 * 60);
    }
    // A spoken hour is an evening hour only where speech says so.
    let evening = whole.ends_with("night") || whole.ends_with("evening") || whole.contains('p');
    if !evening {
        return None;
    }
    let hour = parse_number(&c[1])? as u16;
    Some(if hour < 12 { hour + 12 } else { hour } * 60)
}

/// The time to answer an incident, in minutes: "within four hours", "30 min",
/// "8 Working Hours", "two business days", "Thirty minutes for a P1".
pub fn response_minutes(text: &str) -> Option<f64> {
    static WITHIN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"\b{NUMBER}[ -]?(?:working |business |clock |calendar |support )?(minutes?|mins?|hours?|hrs?|h|days?)\b"
        ))
        .expect("response pattern compiles")
    });
    // "24/7" and "24 hours a day, 7 days a week" are hours of cover, not a
    // response time: blanked before any time is read.
    static COVER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"24 ?(?:hours|hrs|h) a day|(?:7|seven) days a week|24 ?[/x] ?7")
            .expect("cover pattern compiles")
    });
    let text = COVER.replace_all(text, " ");
    let text = text.as_ref();
    WITHIN.captures_iter(text).find_map(|c| {
        // A unit glued to a word is part of it: "seven weekdays" is no
        // seven days.
        let unit = c.get(2)?;
        if text[..unit.start()]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
        {
            return None;
        }
        let n = number(&c[1])?;
        let per = match &c[2] {
            u if u.starts_with("min") => 1.0,
            u if u.starts_with('h') => 60.0,
            _ => 24.0 * 60.0,
        };
        Some(n * per)
    })
}

/// A time to answer as a call or a chat says it, where no figure and unit
/// stand together: "within half an hour", "inside the hour", "30 menit"
/// (Indonesian minutes), "2 jam" (hours). Read for pairs alone: the words
/// widen what a conflict compares, not what a promise is.
pub fn spoken_response_minutes(text: &str) -> Option<f64> {
    static SPOKEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\b(?:(half an? hour|half-hour|half hour)|(?:within|inside|in) (?:the|an|one) hour|(quarter of an hour|quarter-hour))\b",
        )
        .expect("spoken response pattern compiles")
    });
    static OTHER_LANGUAGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"\b{NUMBER} ?(menit|jam)\b")).expect("menit pattern compiles")
    });
    if let Some(c) = SPOKEN.captures(text) {
        return Some(if c.get(1).is_some() {
            30.0
        } else if c.get(2).is_some() {
            15.0
        } else {
            60.0
        });
    }
    let c = OTHER_LANGUAGE.captures(text)?;
    let n = number(&c[1])?;
    Some(if &c[2] == "jam" { n * 60.0 } else { n })
}

/// A percentage written in digits ("99.9%", "99,5 %", "99.95 per cent",
/// "8pct") or spoken ("ninety-nine point nine").
pub fn percent_near(text: &str) -> Option<f64> {
    static DIGITS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(\d{1,3}(?:[.,]\d{1,3})?) ?(?:%|per ?cent\b|pct\b|percent\b)")
            .expect("percent pattern compiles")
    });
    static SPOKEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(ninety[- ](?:nine|eight|seven|five)) point ((?:(?:zero|one|two|three|four|five|six|seven|eight|nine)\b ?)+)")
            .expect("spoken percent pattern compiles")
    });
    if let Some(c) = DIGITS.captures(text) {
        return c[1].replace(',', ".").parse().ok();
    }
    let c = SPOKEN.captures(text)?;
    let whole = parse_number(&c[1])?;
    let digits: String = c[2]
        .split_whitespace()
        .filter_map(|w| parse_number(w).or((w == "zero").then_some(0.0)))
        .map(|d| char::from(b'0' + d as u8))
        .collect();
    format!("{whole}.{digits}").parse().ok()
}

/// Days to pay: "net 45", "net sixty", "45 days from invoice", "payment within
/// thirty (30) days of the invoice date", "payment terms: 60 days", and as
/// order forms in other languages write them ("Condiciones de pago: treinta
/// (30) días naturales", "paiement à 45 jours", "pembayaran 30 hari").
pub fn payment_days(text: &str) -> Option<u32> {
    static DAYS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"\bnet ?{NUMBER}|\b{NUMBER} (?:calendar |business |working )?days?,? (?:net,? )?(?:from|after|of|following|upon|on) (?:the |an |each |receipt of |date of |the date of )*(?:(?:valid|undisputed|correct|monthly) )?invoic|(?:payment|terms|pago|paiement|pagamento|pembayaran)[^.;]{{0,24}}?\b{NUMBER} (?:calendar |naturales |calendario |hábiles |habiles |ouvrés |ouvres |fin de mois )?(?:days|días|dias|jours|hari|giorni)\b"
        ))
        .expect("payment days pattern compiles")
    });
    // A legal numeral in a language the number words do not cover
    // ("treinta (30)", "quarante-cinq (45)") is read by its figure.
    static LEGAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b\p{L}+(?:-\p{L}+)? \((\d{1,3})\)").expect("legal numeral pattern compiles")
    });
    let text = LEGAL.replace_all(text, "$1");
    let text = text.as_ref();
    DAYS.captures_iter(text).find_map(|c| {
        let n = c.iter().skip(1).flatten().next()?;
        let days = number(n.as_str())?;
        ((1.0..=180.0).contains(&days) && days.fract() == 0.0).then_some(days as u32)
    })
}

/// How many parts a fee is paid in: "in 3 tranches", "two (2) instalments",
/// "three equal payments", or the shares listed ("30% at signature, 40% after
/// UAT, 30% after acceptance"; spoken "thirty-forty-thirty") when they make a
/// whole.
pub fn instalment_count(text: &str) -> Option<u8> {
    static PARTS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\b(\d|two|three|four|five|six)(?: \(\d\))? (?:equal |even |staged )?(?:payments|instal\w*|tranches|parts|parcel(?:a)?s|invoices)\b",
        )
        .expect("instalment pattern compiles")
    });
    // In the languages order forms come in: "3 cuotas mensuales", "en trois
    // fois", "em duas parcelas", "in drei Raten".
    static FOREIGN_PARTS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\b(\d|dos|tres|cuatro|cinco|seis|deux|trois|quatre|cinq|duas|dois|tr[êe]s|quatro|zwei|drei|vier|f[üu]nf|sechs)(?: \(\d\))? (?:cuotas|pagos|partes|versements|[ée]ch[ée]ances|fois|parcelas|pagamentos|vezes|raten|zahlungen|teilzahlungen)\b",
        )
        .expect("foreign instalment pattern compiles")
    });
    static SPOKEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:ten|twenty|thirty|forty|fifty|sixty|seventy)(?:(?:[- ]|, )(?:ten|twenty|thirty|forty|fifty|sixty|seventy)){2,}\b")
            .expect("spoken shares pattern compiles")
    });
    if let Some(c) = PARTS.captures(text) {
        return number(&c[1]).map(|n| n as u8);
    }
    if let Some(c) = FOREIGN_PARTS.captures(text) {
        return foreign_count(&c[1]);
    }
    let whole = |shares: &[f64]| {
        (shares.len() >= 2 && (shares.iter().sum::<f64>() - 100.0).abs() < 0.5)
            .then_some(shares.len() as u8)
    };
    if let Some(n) = whole(&shares(text)) {
        return Some(n);
    }
    let spoken: Vec<f64> = SPOKEN
        .find(text)?
        .as_str()
        .split(['-', ' ', ','])
        .filter_map(parse_number)
        .collect();
    whole(&spoken)
}

/// The percentages a text states, in order ("30% ... 40% ... 30%").
fn shares(text: &str) -> Vec<f64> {
    static SHARE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(\d{1,3}) ?%").expect("share pattern compiles"));
    SHARE
        .captures_iter(text)
        .filter_map(|c| c[1].parse().ok())
        .collect()
}

/// Whether a text states two or more percentages that make a whole: the
/// shares of a payment ("50% on order, 50% on delivery").
pub fn shares_of_whole(text: &str) -> bool {
    let shares = shares(text);
    shares.len() >= 2 && (shares.iter().sum::<f64>() - 100.0).abs() < 0.5
}

/// A count of parts in the words of Spanish, French, Portuguese or German.
fn foreign_count(word: &str) -> Option<u8> {
    Some(match word {
        "dos" | "deux" | "duas" | "dois" | "zwei" => 2,
        "tres" | "trois" | "três" | "trés" | "drei" => 3,
        "cuatro" | "quatre" | "quatro" | "vier" => 4,
        "cinco" | "cinq" | "fünf" | "funf" => 5,
        "seis" | "sechs" => 6,
        digit => digit.parse().ok()?,
    })
}
