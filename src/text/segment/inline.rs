//! Inline markup and context text: removing emphasis, cutting at a char
//! boundary, and the capped heading / author strings every statement carries.

use super::bytes::{find_byte, holds};
use std::borrow::Cow;

/// Heading text: emphasis removed, trailing ':' and spaces trimmed, capped in
/// length (every statement below carries a copy).
pub(super) fn heading_text(s: &str) -> String {
    cap(clean_inline(prefix_at_boundary(s, 4 * CONTEXT_MAX))
        .trim()
        .trim_end_matches(':')
        .trim_end())
}

/// Longest heading or author kept as context, in bytes.
pub(super) const CONTEXT_MAX: usize = 200;

pub(super) fn cap(s: &str) -> String {
    if s.len() <= CONTEXT_MAX {
        return s.to_string();
    }
    format!("{}…", prefix_at_boundary(s, CONTEXT_MAX).trim_end())
}

/// At most `max` bytes of `s`, cut at a char boundary.
pub(super) fn prefix_at_boundary(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Remove emphasis markers (`**`, `__`) and trailing space: a slice of `s`
/// when there is no emphasis.
pub(super) fn clean_inline(s: &str) -> Cow<'_, str> {
    // One pass for either char spares most lines the substring searches.
    let marker = find_byte(s.as_bytes(), 0, |w| holds(w, b'*') | holds(w, b'_'));
    if marker < s.len() && (s[marker..].contains("**") || s[marker..].contains("__")) {
        let mut out = s.replace("**", "").replace("__", "");
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        Cow::Owned(out)
    } else {
        Cow::Borrowed(s.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// As first written: a char search, then the substring search.
    fn clean_by_contains(s: &str) -> Cow<'_, str> {
        if (s.contains('*') && s.contains("**")) || (s.contains('_') && s.contains("__")) {
            let mut out = s.replace("**", "").replace("__", "");
            let trimmed = out.trim_end().len();
            out.truncate(trimmed);
            Cow::Owned(out)
        } else {
            Cow::Borrowed(s.trim_end())
        }
    }

    #[test]
    fn emphasis_is_found_as_by_char_then_substring() {
        let mut inputs: Vec<String> = [
            "",
            "*",
            "**",
            "_",
            "__",
            "*_",
            "_*",
            "a*b_c",
            "**bold** text",
            "snake_case_name",
            "x __init__ ",
            "é**ü**",
            "***",
            "* _ * _",
            "trailing  ",
            "\u{a0}**\u{a0}",
        ]
        .map(String::from)
        .to_vec();
        for len in 0..20 {
            for at in 0..len {
                for marker in ["*", "_", "**", "__", "*_", "_ _"] {
                    let mut s = "ab c".repeat(len).chars().take(len).collect::<String>();
                    s.insert_str(at, marker);
                    inputs.push(s.clone());
                    inputs.push(format!("{s}*"));
                    inputs.push(format!("*{s}"));
                }
            }
        }
        for s in &inputs {
            let got = clean_inline(s);
            let expected = clean_by_contains(s);
            assert_eq!(got, expected, "{s:?}");
            assert_eq!(
                matches!(got, Cow::Borrowed(_)),
                matches!(expected, Cow::Borrowed(_)),
                "{s:?}"
            );
        }
    }
}
