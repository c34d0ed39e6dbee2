//! Cell values as CRM exports write them: dates in the exporting user's
//! format, amounts with currency symbols and separators, stage labels, and ids
//! that have to become folder names.

use jiff::civil::Date;

/// How a slashed or dotted date (`03/04/2026`) is read: US exports write
/// month first, most of Europe day first. ISO dates are never ambiguous.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    Mdy,
    Dmy,
}

impl DateOrder {
    pub fn parse(s: &str) -> Option<DateOrder> {
        match s.trim().to_ascii_lowercase().as_str() {
            "mdy" | "us" | "mm/dd/yyyy" => Some(DateOrder::Mdy),
            "dmy" | "eu" | "dd/mm/yyyy" => Some(DateOrder::Dmy),
            _ => None,
        }
    }

    pub fn pattern(self) -> &'static str {
        match self {
            DateOrder::Mdy => "MM/DD/YYYY",
            DateOrder::Dmy => "DD/MM/YYYY",
        }
    }
}

/// A date cell: `2026-10-02`, `2026-10-02 14:03`, `2026-10-02T14:03:00Z`,
/// `10/2/2026`, `10/2/2026 2:03 PM`, `02.10.2026`, two-digit years as 20xx.
/// The time of day is dropped: deal.toml keeps dates.
pub fn parse_date(cell: &str, order: DateOrder) -> Result<Date, String> {
    let s = cell.trim();
    let day_part = s.split([' ', 'T', ',']).next().unwrap_or("");
    let bad = || format!("\"{s}\" is not a date (YYYY-MM-DD or {})", order.pattern());
    let parts: Vec<&str> = day_part.split(['-', '/', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return Err(bad());
    };
    let num = |p: &str| -> Option<i32> {
        (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let (Some(x), Some(y), Some(z)) = (num(a), num(b), num(c)) else {
        return Err(bad());
    };
    let (year, month, day) = if a.len() == 4 {
        (x, y, z)
    } else {
        let year = match c.len() {
            4 => z,
            // Excel re-saves `10/2/2026` as `10/2/26`.
            2 => 2000 + z,
            _ => return Err(bad()),
        };
        match order {
            DateOrder::Mdy => (year, x, y),
            DateOrder::Dmy => (year, y, x),
        }
    };
    let (Ok(year), Ok(month), Ok(day)) =
        (i16::try_from(year), i8::try_from(month), i8::try_from(day))
    else {
        return Err(bad());
    };
    Date::new(year, month, day).map_err(|_| bad())
}

/// An amount cell and the currency its symbol or code names: `48000`,
/// `$48,000.00`, `USD 48,000.00`, `48.000,00 €`, `£1,250`.
pub fn parse_amount(cell: &str) -> Result<(f64, Option<&'static str>), String> {
    let s = cell.trim();
    let bad = || format!("\"{s}\" is not an amount");
    let mut currency = None;
    for (sign, code) in [("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY")] {
        if s.contains(sign) {
            currency = Some(code);
        }
    }
    let letters: String = s.chars().filter(char::is_ascii_alphabetic).collect();
    if letters.len() == 3 {
        currency = CODES
            .iter()
            .copied()
            .find(|c| c.eq_ignore_ascii_case(&letters));
        if currency.is_none() {
            return Err(bad());
        }
    } else if !letters.is_empty() {
        return Err(bad());
    }
    let negative = s.starts_with('-') || (s.starts_with('(') && s.ends_with(')'));
    let digits: String = s
        .chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
        .collect();
    if !digits.bytes().any(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let normal = decimal_point(&digits).ok_or_else(bad)?;
    let n: f64 = normal.parse().map_err(|_| bad())?;
    if !n.is_finite() {
        return Err(bad());
    }
    Ok((if negative { -n } else { n }, currency))
}

/// The ISO codes an amount cell may carry; others are not guessed at.
const CODES: &[&str] = &[
    "USD", "EUR", "GBP", "CAD", "AUD", "NZD", "JPY", "CHF", "SEK", "NOK", "DKK", "INR", "SGD",
    "HKD", "BRL", "MXN", "ZAR", "PLN", "CZK", "ILS", "AED", "CNY",
];

/// Digits with `.` and `,` to a plain decimal: the last separator is the
/// decimal point when both appear; a lone `,` or `.` followed by exactly
/// three digits (repeated: `1,250,000`) is a thousands separator.
fn decimal_point(digits: &str) -> Option<String> {
    let last_dot = digits.rfind('.');
    let last_comma = digits.rfind(',');
    let (thousands, point) = match (last_dot, last_comma) {
        (Some(d), Some(c)) if d > c => (',', Some('.')),
        (Some(_), Some(_)) => ('.', Some(',')),
        (None, None) => return Some(digits.to_string()),
        (Some(_), None) | (None, Some(_)) => {
            let sep = if last_dot.is_some() { '.' } else { ',' };
            let groups: Vec<&str> = digits.split(sep).collect();
            let grouped = groups.len() > 1
                && groups[1..].iter().all(|g| g.len() == 3)
                && !groups[0].is_empty();
            // `1.250` in a US export is one and a quarter, not 1250: a lone dot
            // stays a decimal point unless it repeats (`1.250.000`).
            if grouped && (sep == ',' || groups.len() > 2) {
                (sep, None)
            } else if groups.len() == 2 {
                (if sep == '.' { ',' } else { '.' }, Some(sep))
            } else {
                return None;
            }
        }
    };
    let mut out = String::with_capacity(digits.len());
    for c in digits.chars() {
        if c == thousands {
            continue;
        }
        if Some(c) == point {
            out.push('.');
        } else if c == '.' || c == ',' {
            return None;
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// A stage label reduced to letters: `Closed Won`, `closedwon`, `Closed - Won`,
/// `closed_won` all become `closedwon`.
pub fn stage_key(stage: &str) -> String {
    stage
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Whether a stage is closed-won: the standard labels and internal values of
/// both CRMs, or one of the configured `won_stages`.
pub fn is_won(stage: &str, won_stages: &[String]) -> bool {
    let key = stage_key(stage);
    key == "closedwon" || key == "won" || won_stages.iter().any(|w| stage_key(w) == key)
}

/// Longest folder name an id becomes, well under every filesystem's limit.
const MAX_FOLDER: usize = 80;

/// A deal id as a folder name: ASCII letters, digits, `-`, `_` and `.` kept,
/// anything else (a `/`, a space, a letter outside ASCII) becomes `_`; never
/// hidden, never `..`. `None` when nothing usable is left.
pub fn folder_name(id: &str) -> Option<String> {
    let mut out: String = id
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    while out.starts_with('.') {
        out.replace_range(..1, "_");
    }
    out.truncate(MAX_FOLDER);
    (!out.is_empty() && out.chars().any(|c| c.is_ascii_alphanumeric())).then_some(out)
}

/// A short lowercase word for a file name: `Phone Call` -> `phone-call`.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.trim().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let mut out = out.trim_end_matches('-').to_string();
    out.truncate(24);
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "note".into() } else { out }
}

/// A note body as text: HubSpot exports note and e-mail bodies as HTML
/// fragments (`<p>`, `<br>`, entities); plain text passes through.
pub fn html_to_text(body: &str) -> String {
    let lower = body.to_ascii_lowercase();
    let looks_html = ["<p", "<br", "<div", "</", "<li", "&nbsp;"]
        .iter()
        .any(|t| lower.contains(t));
    if !looks_html {
        return body.to_string();
    }
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let tag = rest[open + 1..open + close].trim().to_ascii_lowercase();
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        match name {
            "br" => out.push('\n'),
            "p" | "div" | "ul" | "ol" | "tr" | "h1" | "h2" | "h3" | "h4"
                if tag.starts_with('/') =>
            {
                out.push_str("\n\n")
            }
            "li" if !tag.starts_with('/') => out.push_str("\n- "),
            _ => {}
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    let out = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&");
    // Collapse the blank lines closing tags pile up.
    let mut text = String::with_capacity(out.len());
    let mut blank = 0;
    for line in out.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !text.is_empty() {
            text.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        text.push_str(line.trim_start_matches(' '));
    }
    text
}
