//! The shape of one prose line, as the paragraph state machine sees it: a
//! record that stands alone (log entry, `Label: value`), a short title, a
//! heading written as `Title:` or in capitals, a bracketed aside.

use super::inline::prefix_at_boundary;

/// A log or activity line that stands alone: it opens with a date, a time or a
/// bracket, or holds two ` | ` separators or more.
pub(super) fn is_record(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if text.starts_with('[') {
        return true;
    }
    if digits == 4 && b.get(4) == Some(&b'-') && b.get(5).is_some_and(u8::is_ascii_digit) {
        return true;
    }
    if (1..=2).contains(&digits)
        && matches!(b.get(digits), Some(b'/' | b':'))
        && b.get(digits + 1).is_some_and(u8::is_ascii_digit)
    {
        return true;
    }
    // `contains(char)` is a memchr; the `" | "` searcher is built only for the
    // few lines that hold a `|`.
    text.contains('|') && text.matches(" | ").nth(1).is_some()
}

/// A `Label: value` line ("Term: 36 months", "Customer: Acme"): one record each,
/// however many follow one another.
pub(super) fn is_labelled(text: &str) -> bool {
    let Some(colon) = prefix_at_boundary(text, 40).find(':') else {
        return false;
    };
    let label = &text[..colon];
    let after = &text[colon + 1..];
    let words = label.split_whitespace().count();
    (1..=4).contains(&words)
        && label.starts_with(char::is_uppercase)
        && !label.contains([',', '.', '(', '"'])
        && (after.is_empty() || after.starts_with([' ', '\t']))
}

/// A short line with no closing punctuation (a title, a name): the next line that
/// starts with a capital does not continue it.
pub(super) fn is_short_title(line: &str) -> bool {
    (line.len() <= 40 || line.chars().count() <= 40)
        && line
            .chars()
            .last()
            .is_some_and(|c| c.is_alphanumeric() || c == ')')
}

pub(super) fn is_colon_heading(text: &str) -> bool {
    text.ends_with(':')
        && text.chars().count() <= 60
        && text.split_whitespace().count() <= 10
        && !text.contains(". ")
        && text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

pub(super) fn is_caps_heading(text: &str) -> bool {
    let body = text.strip_suffix(':').unwrap_or(text);
    // Cheapest first: most prose has a lower-case letter within a few chars.
    !body.chars().any(char::is_lowercase)
        && !body.ends_with(['.', '!', '?'])
        && !body.contains(':')
        && body.chars().filter(|c| c.is_alphabetic()).nth(2).is_some()
        && body.split_whitespace().nth(8).is_none()
}

/// A bracketed aside on its own line: `[excerpt ends]`, `[crosstalk]`.
pub(super) fn is_bracket_note(text: &str) -> bool {
    text.starts_with('[')
        && text.ends_with(']')
        && text.matches(']').count() == 1
        && text.split_whitespace().count() <= 6
}
