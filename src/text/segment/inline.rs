//! Inline markup and context text: removing emphasis, cutting at a char
//! boundary, and the capped heading / author strings every statement carries.

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
    // Looking for the char first (a memchr) spares most lines the substring
    // searches.
    if (s.contains('*') && s.contains("**")) || (s.contains('_') && s.contains("__")) {
        let mut out = s.replace("**", "").replace("__", "");
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        Cow::Owned(out)
    } else {
        Cow::Borrowed(s.trim_end())
    }
}
