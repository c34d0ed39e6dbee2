//! Email structure: header lines and forward markers, the author named by
//! `From:` or `On ... wrote:`, and the furniture around a message body
//! (greetings, sign-offs, signature blocks) that is not a statement.

use super::inline::{CONTEXT_MAX, cap, clean_inline, prefix_at_boundary};
use super::lines::{Class, Line};
use super::lower::{lower_in, with_lower};
use crate::text::abbreviations::{GREETINGS, SIGN_OFFS};

#[rustfmt::skip]
const HEADER_KEYS: &[&str] = &[
    "from", "to", "cc", "bcc", "date", "subject", "sent", "reply-to",
];

/// Email header lines, forward markers and `On ... wrote:` lines.
pub(super) fn header(body: &str) -> Option<Class<'static>> {
    if is_forward_marker(body) {
        return Some(Class::Header);
    }
    // The first `:`, when it is within the first 11 bytes.
    if let Some(colon) = body.as_bytes()[..body.len().min(11)]
        .iter()
        .position(|&b| b == b':')
    {
        let key = body[..colon].trim();
        let after = &body[colon + 1..];
        if let Some(&key) = HEADER_KEYS.iter().find(|k| key.eq_ignore_ascii_case(k))
            && (after.is_empty() || after.starts_with([' ', '\t']))
        {
            if key == "from" {
                return Some(Class::From(author_of_from(after.trim())));
            }
            return Some(Class::Header);
        }
    }
    if starts_with_ignore_ascii_case(body, "on ")
        && body.trim_end().ends_with("wrote:")
        && body.len() < 400
    {
        return Some(Class::OnWrote(author_of_wrote(body)));
    }
    None
}

/// `---------- Forwarded message ---------`, `-----Original Message-----`,
/// `Begin forwarded message:`, in any case, within the first 40 chars.
///
/// Compared byte-wise ignoring ASCII case, which is what lower-casing the
/// chars would give: the only non-ASCII chars whose lower case holds an ASCII
/// letter are KELVIN SIGN (`k`) and `İ` (`i` then U+0307), and no marker holds a
/// `k` or an `i` that is not followed by a letter.
fn is_forward_marker(body: &str) -> bool {
    if body.starts_with("--") || body.starts_with("__") {
        let head = prefix_chars(body, 40);
        return contains_ignore_ascii_case(head, "forwarded message")
            || contains_ignore_ascii_case(head, "original message");
    }
    starts_with_ignore_ascii_case(body, "begin forwarded message")
}

/// The depth of the body that the `From:` header at `lines[at]` introduces,
/// when it is an Outlook "-----Original Message-----" block at the reply's
/// depth whose body is quoted one level deeper. The sender wrote that quoted
/// body; the reply around it (inline "[JM] ..." answers included) stays its
/// own author's, so the sender is set at the deeper depth only.
pub(super) fn original_message_body_depth(lines: &[Line<'_>], at: usize) -> Option<u8> {
    let depth = lines.get(at)?.depth;
    let after_marker = lines[..at]
        .iter()
        .rev()
        .find(|l| !matches!(l.class, Class::Blank))
        .is_some_and(|l| is_forward_marker(l.body));
    let body = lines[at + 1..]
        .iter()
        .find(|l| !matches!(l.class, Class::Header | Class::Blank))?;
    (after_marker && body.depth > depth && !matches!(body.class, Class::From(_)))
        .then_some(depth + 1)
}

/// The first `n` chars of `s`.
fn prefix_chars(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// `s` starts with the ASCII `prefix`, ignoring ASCII case.
fn starts_with_ignore_ascii_case(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// `s` contains the ASCII `needle`, ignoring ASCII case.
fn contains_ignore_ascii_case(s: &str, needle: &str) -> bool {
    s.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
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

/// The first word of `text`, without the punctuation around it.
fn first_word(text: &str) -> &str {
    text.split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
}

/// "Hi Ana,", "Lena,", "Hello!": a greeting line, not a statement.
pub(super) fn is_greeting(text: &str) -> bool {
    if !text.ends_with([',', '!']) || text.split_whitespace().nth(4).is_some() {
        return false;
    }
    lower_in(first_word(text), GREETINGS)
        || lower_in(text.trim_end_matches([',', '!']), GREETINGS)
        || text
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// "Best,", "Thanks!", "Thanks, Gabe": a sign-off, not a statement.
pub(super) fn is_sign_off(text: &str) -> bool {
    if text.len() > 40 && text.chars().count() > 40 {
        return false;
    }
    if lower_in(text.trim_end_matches([',', '!', '.', ' ']), SIGN_OFFS) {
        return true;
    }
    if let Some((head, tail)) = text.split_once([',', '!']) {
        let tail = tail.trim().trim_end_matches(['.', '!']);
        let words = tail.split_whitespace();
        return lower_in(head.trim(), SIGN_OFFS)
            && (1..=3).contains(&words.clone().take(4).count())
            && words.clone().all(|w| {
                w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            })
            && !tail.contains([',', '.', '?']);
    }
    false
}

/// A line of a signature block: short and not a sentence, or contact details.
pub(super) fn signature_like(text: &str) -> bool {
    if with_lower(first_word(text), |w| w == "ps" || w == "p.s") || text.starts_with("P.S") {
        return false;
    }
    (text.split_whitespace().nth(10).is_none() && !text.ends_with(['.', '?', '!', ':']))
        || text.contains('@')
        || text.contains("http")
        || text.contains(" | ")
}

/// One to three capitalised words, no digits or punctuation: a name on its own
/// line (a signature), not a statement.
pub(super) fn is_lone_name(text: &str) -> bool {
    let words = text.split_whitespace();
    if text.len() <= 3
        && text.ends_with('.')
        && text.starts_with(char::is_uppercase)
        && words.clone().count() == 1
    {
        return true; // an initial: "N."
    }
    !text.ends_with('.')
        && (1..=3).contains(&words.clone().take(4).count())
        && words.clone().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’' || c == '.')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The forward-marker test as first written: the first 40 chars lower-cased.
    fn forward_marker_by_lowercase(body: &str) -> bool {
        let lower_head: String = body.chars().take(40).flat_map(char::to_lowercase).collect();
        (lower_head.starts_with("--") || lower_head.starts_with("__"))
            && (lower_head.contains("forwarded message") || lower_head.contains("original message"))
            || lower_head.starts_with("begin forwarded message")
    }

    #[test]
    fn only_kelvin_and_dotted_i_lower_case_to_ascii() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            if c.to_lowercase().any(|l| l.is_ascii()) {
                assert!(c == '\u{212a}' || c == 'İ', "{c:?} lower-cases to ASCII");
            }
        }
    }

    #[test]
    fn forward_marker_agrees_with_lower_casing() {
        let markers = [
            "---------- Forwarded message ---------",
            "-----Original Message-----",
            "__Original Message__",
            "Begin forwarded message:",
            "BEGIN FORWARDED MESSAGE",
            "-- forwarded message",
        ];
        let odd = [
            "", "é", "İ", "\u{212a}", "ǅ", "ß", "Σ", "ﬀ", "  ", "-", "_", "—", "\r",
        ];
        let mut inputs: Vec<String> = Vec::new();
        for m in markers {
            inputs.push(m.to_string());
            inputs.push(m.to_lowercase());
            for o in odd {
                // Odd chars before, inside and after, pushing the marker across the
                // 40-char limit.
                inputs.push(format!("{o}{m}"));
                inputs.push(format!("{m}{o}"));
                for cut in 1..m.len() {
                    if m.is_char_boundary(cut) {
                        inputs.push(format!("{}{o}{}", &m[..cut], &m[cut..]));
                    }
                }
                for pad in [1, 10, 20, 22, 23, 24, 30] {
                    inputs.push(format!("--{}{m}", o.repeat(pad)));
                    inputs.push(format!("--{}{m}", "é".repeat(pad)));
                }
            }
        }
        for body in &inputs {
            assert_eq!(
                is_forward_marker(body),
                forward_marker_by_lowercase(body),
                "{body:?}"
            );
        }
    }

    #[test]
    fn header_keys_ignore_ascii_case_only() {
        assert!(matches!(
            header("FROM: Dana <d@x.com>"),
            Some(Class::From(Some(_)))
        ));
        assert!(matches!(header("Reply-To: d@x.com"), Some(Class::Header)));
        assert!(matches!(header(" cc : x"), Some(Class::Header)));
        assert!(header("Subject:x").is_none());
        assert!(header("Subjects: x").is_none());
        // KELVIN SIGN is not an ASCII `k`, nor `ſ` an `s`.
        assert!(header("ſent: x").is_none());
        assert!(matches!(
            header("ON Tue, Dana wrote:"),
            Some(Class::OnWrote(_))
        ));
    }
}
