//! Email structure: header lines and forward markers, the author named by
//! `From:` or `On ... wrote:`, and the furniture around a message body
//! (greetings, sign-offs, signature blocks) that is not a statement.

use super::inline::{CONTEXT_MAX, cap, clean_inline, prefix_at_boundary};
use super::lines::Class;
use crate::text::abbreviations::{GREETINGS, SIGN_OFFS};

#[rustfmt::skip]
const HEADER_KEYS: &[&str] = &[
    "from", "to", "cc", "bcc", "date", "subject", "sent", "reply-to",
];

/// Email header lines, forward markers and `On ... wrote:` lines.
pub(super) fn header(body: &str) -> Option<Class> {
    let lower_head: String = body.chars().take(40).flat_map(char::to_lowercase).collect();
    if (lower_head.starts_with("--") || lower_head.starts_with("__"))
        && (lower_head.contains("forwarded message") || lower_head.contains("original message"))
        || lower_head.starts_with("begin forwarded message")
    {
        return Some(Class::Header);
    }
    if let Some(colon) = body.find(':').filter(|&c| c <= 10) {
        let key = body[..colon].trim().to_ascii_lowercase();
        let after = &body[colon + 1..];
        if HEADER_KEYS.contains(&key.as_str())
            && (after.is_empty() || after.starts_with([' ', '\t']))
        {
            if key == "from" {
                return Some(Class::From(author_of_from(after.trim())));
            }
            return Some(Class::Header);
        }
    }
    if lower_head.starts_with("on ") && body.trim_end().ends_with("wrote:") && body.len() < 400 {
        return Some(Class::OnWrote(author_of_wrote(body)));
    }
    None
}

/// The author named by a `From:` value: `Name <addr>`, `"Name" <addr>`,
/// `Name [mailto:addr]`, or a bare address.
fn author_of_from(value: &str) -> Option<String> {
    let value = value.trim();
    let name = match value.find(['<', '[']) {
        Some(i) => {
            let n = value[..i].trim().trim_matches(['"', '\'']).trim();
            if n.is_empty() {
                value[i + 1..]
                    .split(['>', ']'])
                    .next()
                    .unwrap_or("")
                    .trim()
                    .trim_start_matches("mailto:")
            } else {
                n
            }
        }
        None => value.trim_matches(['"', '\'']),
    };
    let name = clean_inline(prefix_at_boundary(name, 4 * CONTEXT_MAX));
    let name = name.trim();
    (!name.is_empty()).then(|| cap(name))
}

#[rustfmt::skip]
const DATE_WORDS: &[&str] = &[
    "am", "pm", "a.m.", "p.m.", "at", "on", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "jan", "feb",
    "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
    "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "utc", "gmt", "est", "edt", "pst", "pdt", "cst", "cdt", "mst", "mdt", "bst", "cet",
];

/// The author of `On <date>, Name <addr> wrote:`.
pub(super) fn author_of_wrote(line: &str) -> Option<String> {
    let s = line.trim();
    let s = s.strip_suffix("wrote:").unwrap_or(s).trim_end();
    let s = s.get(3..).unwrap_or("");
    // Before the address, when there is one.
    let (before, addr) = match s.find('<') {
        Some(i) => (&s[..i], s[i + 1..].split('>').next()),
        None => (s, None),
    };
    let mut words: Vec<&str> = Vec::new();
    for w in before
        .split([' ', '\t', ','])
        .rev()
        .filter(|w| !w.is_empty())
    {
        let bare = w.trim_matches(['"', '\'', '(', ')']);
        let lower = bare.to_lowercase();
        if bare.is_empty()
            || bare.chars().any(|c| c.is_ascii_digit())
            || DATE_WORDS.contains(&lower.as_str())
            || words.len() >= 5
        {
            break;
        }
        if bare.contains('@') && words.is_empty() {
            return Some(cap(bare));
        }
        words.push(bare);
    }
    words.reverse();
    let name = words.join(" ");
    if name.is_empty() {
        return addr.map(|a| cap(a.trim())).filter(|a| !a.is_empty());
    }
    Some(name)
}

fn first_word_lower(text: &str) -> String {
    text.split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// "Hi Ana,", "Lena,", "Hello!": a greeting line, not a statement.
pub(super) fn is_greeting(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > 4 || !text.ends_with([',', '!']) {
        return false;
    }
    let lower = text.trim_end_matches([',', '!']).to_lowercase();
    GREETINGS.contains(&first_word_lower(text).as_str())
        || GREETINGS.contains(&lower.as_str())
        || words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// "Best,", "Thanks!", "Thanks, Gabe": a sign-off, not a statement.
pub(super) fn is_sign_off(text: &str) -> bool {
    if text.chars().count() > 40 {
        return false;
    }
    let t = text.trim_end_matches([',', '!', '.', ' ']).to_lowercase();
    if SIGN_OFFS.contains(&t.as_str()) {
        return true;
    }
    if let Some((head, tail)) = text.split_once([',', '!']) {
        let head = head.trim().to_lowercase();
        let tail = tail.trim().trim_end_matches(['.', '!']);
        let words: Vec<&str> = tail.split_whitespace().collect();
        return SIGN_OFFS.contains(&head.as_str())
            && (1..=3).contains(&words.len())
            && words.iter().all(|w| {
                w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            })
            && !tail.contains([',', '.', '?']);
    }
    false
}

/// A line of a signature block: short and not a sentence, or contact details.
pub(super) fn signature_like(text: &str) -> bool {
    let lower = first_word_lower(text);
    if lower == "ps" || lower == "p.s" || text.starts_with("P.S") {
        return false;
    }
    (text.split_whitespace().count() <= 10 && !text.ends_with(['.', '?', '!', ':']))
        || text.contains('@')
        || text.contains("http")
        || text.contains(" | ")
}

/// One to three capitalised words, no digits or punctuation: a name on its own
/// line (a signature), not a statement.
pub(super) fn is_lone_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() == 1
        && text.len() <= 3
        && text.ends_with('.')
        && text.starts_with(char::is_uppercase)
    {
        return true; // an initial: "N."
    }
    (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’' || c == '.')
        })
        && !text.ends_with('.')
}
