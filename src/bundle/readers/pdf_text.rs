//! Line-level repairs of extracted PDF text: words hyphenated across line
//! ends, page numbers, list markers.

use super::pdf_layout::Line;

/// First elements of compounds written with a hyphen ("on-site", "go-live",
/// "four-week"): a line ending in one of these keeps its hyphen.
const COMPOUND_FIRST: &[&str] = &[
    "add", "all", "back", "built", "check", "cross", "day", "eight", "eleven", "end", "fifty",
    "first", "five", "follow", "forty", "four", "full", "go", "half", "hand", "high", "kick",
    "log", "long", "low", "month", "multi", "nine", "non", "off", "on", "one", "opt", "part",
    "real", "roll", "second", "self", "set", "seven", "short", "sign", "six", "ten", "third",
    "thirty", "three", "time", "twelve", "twenty", "two", "user", "week", "well", "year",
];

/// Second elements of such compounds ("cloud-based", "real-time").
const COMPOUND_SECOND: &[&str] = &[
    "based", "day", "driven", "facing", "free", "hour", "level", "like", "live", "month", "owned",
    "party", "ready", "related", "site", "specific", "term", "time", "week", "wide", "year",
];

/// Join words hyphenated across line ends: the word's tail moves up to the
/// line holding its head, without the hyphen when the break was a
/// hyphenation point, with it when the hyphen belongs to a compound. A line
/// emptied so is dropped. The lines may be on two pages or columns.
pub(super) fn join_hyphenated(lines: &mut Vec<Line>) {
    let mut i = 0;
    while i + 1 < lines.len() {
        let (head, rest) = lines.split_at_mut(i + 1);
        let (a, b) = (&mut head[i], &mut rest[0]);
        if let Some(joined) = hyphen_join(&a.text, &b.text) {
            let (a_text, b_text) = joined;
            a.text = a_text;
            b.text = b_text;
            b.breaks = false;
            if b.text.is_empty() {
                // The next line's place in the paragraph is this line's.
                let brk = lines[i + 1].breaks;
                lines.remove(i + 1);
                if let Some(next) = lines.get_mut(i + 1) {
                    next.breaks |= brk;
                }
                continue;
            }
        }
        i += 1;
    }
}

/// The two lines after moving the tail of a word hyphenated at the end of
/// `a` up from `b`; `None` when `a` does not end in a broken word.
fn hyphen_join(a: &str, b: &str) -> Option<(String, String)> {
    if a.starts_with('|') || b.starts_with('|') {
        return None;
    }
    let a = a.trim_end();
    let (body, soft) = if let Some(s) = a.strip_suffix('\u{AD}') {
        (s, true)
    } else {
        (a.strip_suffix(['-', '\u{2010}'])?, false)
    };
    let b = b.trim_start();
    if !b.starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    let head = body.rsplit(char::is_whitespace).next().unwrap_or(body);
    let head_word = head.trim_start_matches(|c: char| !c.is_alphabetic());
    if head_word.is_empty() || !head_word.chars().last().is_some_and(char::is_alphabetic) {
        return None;
    }
    let (tail, after) = b.split_at(b.find(char::is_whitespace).unwrap_or(b.len()));
    let tail_word: String = tail
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    let keep = !soft && keeps_hyphen(head_word, &tail_word);
    let mut joined = body.to_string();
    if keep {
        joined.push('-');
    }
    joined.push_str(tail);
    Some((joined, after.trim_start().to_string()))
}

/// Whether `head-` + `tail` is a compound rather than one word broken by
/// hyphenation. Conservative: a hyphen stays unless the head is a plain
/// lower-case (or capitalised) fragment that hyphenation could have made.
pub(crate) fn keeps_hyphen(head: &str, tail: &str) -> bool {
    let lower = head.to_lowercase();
    let letters = head.chars().count();
    // Hyphenation leaves at least two letters ("e-mail" is a compound); a
    // fragment holding a hyphen or a digit is a compound already ("state-of-").
    letters < 2
        || !head.chars().all(char::is_alphabetic)
        || (letters > 1 && head.chars().all(char::is_uppercase))
        || head.chars().skip(1).any(char::is_uppercase)
        || COMPOUND_FIRST.contains(&lower.as_str())
        || COMPOUND_SECOND.contains(&tail)
}

/// A page number as running headers and footers print it: "7", "- 7 -",
/// "Page 7", "Page 7 of 9", "7 / 9", "[7]".
pub(super) fn page_number(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    if t.is_empty() || t.len() > 24 || t.starts_with('|') {
        return false;
    }
    let t = t.strip_prefix("page").unwrap_or(&t);
    let numbers: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || "-\u{2013}\u{2014}/()[]|.".contains(c))
        .filter(|w| !w.is_empty() && *w != "of")
        .collect();
    (1..=2).contains(&numbers.len())
        && numbers
            .iter()
            .all(|w| w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()))
}

/// A list item's marker standing alone: a bullet glyph, "1.", "2)", "(a)",
/// "iv.".
pub(super) fn is_list_marker(s: &str) -> bool {
    let s = s.trim();
    let mut chars = s.chars();
    let (Some(first), None) = (chars.next(), chars.next()) else {
        let inner = s
            .trim_start_matches('(')
            .trim_end_matches(['.', ')'])
            .to_ascii_lowercase();
        let closed = s.ends_with(['.', ')']);
        return closed
            && !inner.is_empty()
            && ((inner.len() <= 3 && inner.bytes().all(|b| b.is_ascii_digit()))
                || (inner.len() == 1 && inner.bytes().all(|b| b.is_ascii_lowercase()))
                || (inner.len() <= 4 && inner.bytes().all(|b| b"ivx".contains(&b))));
    };
    "-*\u{2022}\u{2013}\u{00B7}\u{25AA}\u{25CF}\u{25CB}\u{25A0}\u{F0B7}\u{F0A7}\u{27A2}\u{25BA}\u{25E6}"
        .contains(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphenation_points_join_and_compounds_keep_their_hyphen() {
        let j = |a: &str, b: &str| hyphen_join(a, b);
        assert_eq!(
            j("The implemen-", "tation takes eight weeks."),
            Some(("The implementation".into(), "takes eight weeks.".into()))
        );
        assert_eq!(
            j("Imple-", "mentation starts"),
            Some(("Implementation".into(), "starts".into()))
        );
        assert_eq!(
            j("training on-", "site"),
            Some(("training on-site".into(), String::new()))
        );
        assert_eq!(
            j("by e-", "mail."),
            Some(("by e-mail.".into(), String::new()))
        );
        assert_eq!(
            j("the go-", "live date"),
            Some(("the go-live".into(), "date".into()))
        );
        assert_eq!(
            j("a four-", "week plan"),
            Some(("a four-week".into(), "plan".into()))
        );
        assert_eq!(
            j("our API-", "first design"),
            Some(("our API-first".into(), "design".into()))
        );
        // The next line opens with a capital: a dash or a compound's name, kept as is.
        assert_eq!(j("Acme-", "Globex merger"), None);
        assert_eq!(j("a list -", "item"), None);
        assert_eq!(j("dates 2026-", "ok"), None);
        assert_eq!(
            j("soft\u{AD}", "ware"),
            Some(("software".into(), String::new()))
        );
    }

    #[test]
    fn page_numbers() {
        for t in [
            "7",
            "- 7 -",
            "Page 7",
            "Page 7 of 9",
            "7 / 9",
            "[7]",
            "\u{2013} 12 \u{2013}",
        ] {
            assert!(page_number(t), "{t}");
        }
        for t in [
            "Page Seven",
            "7 weeks",
            "| 7 | 9 |",
            "Implementation: 8 weeks",
            "",
        ] {
            assert!(!page_number(t), "{t}");
        }
    }

    #[test]
    fn list_markers() {
        for t in ["\u{2022}", "-", "1.", "12)", "(a)", "iv.", "\u{F0B7}"] {
            assert!(is_list_marker(t), "{t}");
        }
        for t in ["Scope", "2026.", "x", "(ab)", "1"] {
            assert!(!is_list_marker(t), "{t}");
        }
    }
}
