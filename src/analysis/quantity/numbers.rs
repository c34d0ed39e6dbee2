//! Numbers written in digits or words, as the grammar's spans hold them.

/// Parses a number written in digits ("1,200", "1.5") or words ("four",
/// "twenty-one", "two hundred and fifty", "a dozen", "half", "a couple").
/// "a"/"an" read as 1; the grammar only uses that before a duration unit.
/// Vague words ("a few", "several") give `None`.
pub fn parse_number(word_or_digits: &str) -> Option<f64> {
    let trimmed = word_or_digits.trim();
    // Most words asked about are no number: one whose first word could not
    // open one is turned away before anything is lower-cased or split.
    if !trimmed.starts_with(|c: char| c.is_ascii_digit()) {
        let first = trimmed
            .split(|c: char| c.is_whitespace() || c == '-')
            .find(|w| !w.is_empty())
            .unwrap_or("");
        if first.is_ascii() && !opens_number(first) {
            return None;
        }
    }
    read_number(trimmed)
}

/// The longest tail of `words` (split at spaces and hyphens) that reads as a
/// number `accept`s, as (byte offset of the tail, value): "within ninety" ->
/// (7, 90). `accept` sees the tail and its value, so a caller can refuse a
/// bare article ("a" reads as 1) or a figure that disagrees with another.
pub fn number_tail(words: &str, accept: impl Fn(&str, f64) -> bool) -> Option<(usize, f64)> {
    let mut at = 0;
    for word in words.split([' ', '-']) {
        let tail = &words[at..];
        if let Some(n) = parse_number(tail).filter(|&n| accept(tail, n)) {
            return Some((at, n));
        }
        at += word.len() + 1;
    }
    None
}

/// [`parse_number`] without the quick refusal.
pub(super) fn read_number(trimmed: &str) -> Option<f64> {
    let lower = trimmed.to_lowercase();
    let s = lower.strip_suffix(" of").unwrap_or(&lower).trim();
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        return s.replace(',', "").parse().ok();
    }
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    match words.as_slice() {
        ["a" | "an"] | ["a", "single"] | ["single"] => return Some(1.0),
        ["half"] | ["a", "half"] => return Some(0.5),
        ["couple"] | ["a", "couple"] => return Some(2.0),
        ["dozen"] | ["a", "dozen"] => return Some(12.0),
        _ => {}
    }
    let (mut total, mut current, mut any) = (0.0, 0.0, false);
    // 0: start or after a scale word, 1: after a tens word, 2: after a unit or teen.
    let mut state = 0;
    for (i, w) in words.iter().enumerate() {
        let (small, tens) = match word_value(w) {
            Some(v) if v >= 20.0 => (None, Some(v)),
            Some(v) => (Some(v), None),
            None => (None, None),
        };
        match (small, tens, *w) {
            (Some(v), _, _) if state == 0 || (state == 1 && v > 0.0 && v < 10.0) => {
                current += v;
                state = 2;
            }
            (_, Some(v), _) if state == 0 => {
                current += v;
                state = 1;
            }
            (_, _, "and") if any && state == 0 => continue,
            (_, _, "a") if i == 0 => current = 1.0,
            (_, _, "hundred") if current > 0.0 && current < 100.0 => {
                current *= 100.0;
                state = 0;
            }
            (_, _, "thousand") if current > 0.0 => {
                total += current * 1000.0;
                current = 0.0;
                state = 0;
            }
            _ => return None,
        }
        any = true;
    }
    any.then_some(total + current)
}

/// Whether an ASCII word, in any case, can be the first word of a number
/// [`parse_number`] reads: a number word, or "a", "an", "single", "half",
/// "couple", "dozen".
fn opens_number(word: &str) -> bool {
    const OPENERS: [&str; 6] = ["a", "an", "single", "half", "couple", "dozen"];
    if word.len() > "seventeen".len() {
        return false;
    }
    let mut lower = [0u8; 9];
    lower[..word.len()].copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let word = std::str::from_utf8(&lower[..word.len()]).unwrap_or("");
    OPENERS.contains(&word) || word_value(word).is_some()
}

fn word_value(word: &str) -> Option<f64> {
    const WORDS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let word = if word == "fourty" { "forty" } else { word };
    if let Some(i) = WORDS.iter().position(|w| *w == word) {
        return Some(i as f64);
    }
    TENS.iter()
        .position(|w| *w == word)
        .map(|i| 20.0 + 10.0 * i as f64)
}
