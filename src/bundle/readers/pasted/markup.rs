//! Notion and Google Docs Markdown export artefacts: backslash escapes,
//! `<aside>` / `<details>` / `<summary>` wrappers, character entities, empty
//! bold (`** **`), and Notion's page property block. Each is removed from a
//! line without touching the line breaks, so line numbering is kept.

use crate::bundle::readers::captions::decode_entities;
use std::borrow::Cow;

/// Whether `line` may hold an artefact: the cheap test every line of a note
/// goes through.
pub(super) fn may_hold_artefact(line: &str) -> bool {
    line.bytes()
        .any(|b| matches!(b, b'\\' | b'<' | b'&') || b == b'*')
}

/// `line` without its export artefacts.
pub(super) fn clean(line: &str) -> Cow<'_, str> {
    if !may_hold_artefact(line) {
        return Cow::Borrowed(line);
    }
    let mut out = Cow::Borrowed(line);
    if out.contains('<')
        && let Cow::Owned(s) = without_wrappers(&out)
    {
        out = Cow::Owned(s);
    }
    if out.contains('\\')
        && let Cow::Owned(s) = unescape(&out)
    {
        out = Cow::Owned(s);
    }
    if out.contains('&')
        && let Cow::Owned(s) = decode_entities(&out)
    {
        out = Cow::Owned(s);
    }
    if out.contains("**")
        && let Cow::Owned(s) = without_empty_bold(&out)
    {
        out = Cow::Owned(s);
    }
    out
}

/// Notion's callout and toggle wrappers: `<aside>`, `</aside>`, `<details>`
/// (with attributes), `</details>`, `<summary>`, `</summary>`. Other `<...>`
/// (an autolink, a comparison) stays.
fn without_wrappers(line: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut rest = line;
    let mut changed = false;
    while let Some(i) = rest.find('<') {
        let from = &rest[i..];
        let name = from[1..].strip_prefix('/').unwrap_or(&from[1..]);
        let len = name.bytes().take_while(u8::is_ascii_alphabetic).count();
        let known = ["aside", "details", "summary"]
            .iter()
            .any(|w| name[..len].eq_ignore_ascii_case(w));
        // Bytes, not a slice of the str: the limit may fall inside a char.
        let close = from.bytes().take(200).position(|b| b == b'>');
        match close {
            Some(end) if known && matches!(name.as_bytes().get(len), Some(b'>' | b' ')) => {
                out.push_str(&rest[..i]);
                rest = &from[end + 1..];
                changed = true;
            }
            _ => {
                out.push_str(&rest[..=i]);
                rest = &from[1..];
            }
        }
    }
    if !changed {
        return Cow::Borrowed(line);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// `\-`, `\.`, `\*`, `\#`, `\_`, `\(`... to the character: Markdown's escapes
/// of ASCII punctuation. `\|` stays: it is a pipe inside a table cell, which
/// the table reader unescapes itself.
fn unescape(line: &str) -> Cow<'_, str> {
    let b = line.as_bytes();
    let escapes = |i: usize| {
        b[i] == b'\\'
            && b.get(i + 1)
                .is_some_and(|c| c.is_ascii_punctuation() && *c != b'|')
    };
    if !(0..b.len()).any(escapes) {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut last = 0;
    let mut i = 0;
    while i < b.len() {
        if escapes(i) {
            out.push_str(&line[last..i]);
            // The escaped char is kept; an escaped backslash escapes nothing.
            last = i + 1;
            i += 2;
        } else {
            i += 1;
        }
    }
    out.push_str(&line[last..]);
    Cow::Owned(out)
}

/// Google Docs' bold around nothing: `****`, `** **`, standing apart from
/// words (`**a** **b**` is two bold words, kept).
fn without_empty_bold(line: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut rest = line;
    let mut changed = false;
    while let Some(i) = rest.find("**") {
        let after = &rest[i + 2..];
        let inner = after.len() - after.trim_start_matches([' ', '\u{a0}', '\t']).len();
        let closes = after[inner..].starts_with("**");
        let prev = rest[..i].chars().next_back().or(out.chars().next_back());
        let before_ok = prev.is_none_or(char::is_whitespace);
        let end = i + 2 + inner + 2;
        // Only a closing `**` makes `end` a char boundary: "**€146,400**"
        // opens on a three-byte sign.
        let after_ok = || {
            rest[end..]
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || c.is_ascii_punctuation())
        };
        if closes && (inner == 0 || (before_ok && after_ok())) {
            out.push_str(&rest[..i]);
            rest = &rest[end..];
            changed = true;
        } else {
            out.push_str(&rest[..i + 2]);
            rest = &rest[i + 2..];
        }
    }
    if !changed {
        return Cow::Borrowed(line);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Properties only Notion writes (besides those a page defines): a block
/// holding one of these under the page title is Notion's, not the author's.
const NOTION_KEYS: &[&str] = &[
    "created",
    "created by",
    "created time",
    "last edited",
    "last edited by",
    "last edited time",
    "last updated",
];

/// The 0-based line range of a Notion page's property block: right after
/// the `# Title` that opens the page, a run of `Key: value` lines, one of
/// them a property Notion writes itself.
pub(super) fn notion_properties(lines: &[&str]) -> Option<std::ops::Range<usize>> {
    let title = lines.iter().position(|l| !l.trim().is_empty())?;
    if !lines[title].starts_with("# ") {
        return None;
    }
    let start = title
        + 1
        + lines[title + 1..]
            .iter()
            .take_while(|l| l.trim().is_empty())
            .count();
    let len = lines[start..]
        .iter()
        .take(40)
        .take_while(|l| property_key(l).is_some())
        .count();
    let notion = lines[start..start + len]
        .iter()
        .filter_map(|l| property_key(l))
        .any(|k| NOTION_KEYS.iter().any(|n| k.eq_ignore_ascii_case(n)));
    notion.then_some(start..start + len)
}

/// The key of a `Key: value` line: one to four words, capitalised.
fn property_key(line: &str) -> Option<&str> {
    let (key, value) = line.split_once(':')?;
    let words = key.split_whitespace().count();
    ((1..=4).contains(&words)
        && key.starts_with(char::is_uppercase)
        && !key.contains(['.', ',', '(', '"'])
        && (value.is_empty() || value.starts_with(' ')))
    .then_some(key.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn artefacts_are_removed() {
        for (line, want) in [
            (
                r"Budget is \$40k \- approved\.",
                "Budget is $40k - approved.",
            ),
            (
                r"1\. First \(and only\) \#1 item \*really\*",
                "1. First (and only) #1 item *really*",
            ),
            (r"a \| b and C:\\path", r"a \| b and C:\path"),
            ("<aside>💡 We will add SSO.</aside>", "💡 We will add SSO."),
            ("<details open><summary>Pricing</summary>", "Pricing"),
            ("</details>", ""),
            ("a <https://x.example> b < c", "a <https://x.example> b < c"),
            ("Tom&nbsp;&amp;&nbsp;Ines", "Tom & Ines"),
            ("**Next steps** ** **", "**Next steps** "),
            ("****", ""),
            ("We** **will", "We** **will"),
            ("**a** **b**", "**a** **b**"),
            (
                "| **€146,400** | **€96,000** |",
                "| **€146,400** | **€96,000** |",
            ),
            ("plain", "plain"),
        ] {
            assert_eq!(clean(line), want, "{line}");
        }
    }

    /// Every line of up to five pieces, markup next to multi-byte text: the
    /// cleaner slices by byte, and a slice inside a character would panic.
    #[test]
    fn no_line_makes_the_cleaner_panic() {
        let pieces = ["**", " ", "€", "a", "\\", "|", "<", "&", "é"];
        let mut line = String::new();
        fn each(pieces: &[&str], line: &mut String, depth: usize) {
            let _ = clean(line);
            if depth == 5 {
                return;
            }
            for p in pieces {
                let len = line.len();
                line.push_str(p);
                each(pieces, line, depth + 1);
                line.truncate(len);
            }
        }
        each(&pieces, &mut line, 0);
    }

    #[test]
    fn notion_property_block() {
        let page = [
            "# Discovery call",
            "",
            "Created: November 2, 2026 3:14 PM",
            "Tags: Discovery",
            "",
            "Attendees: Maria",
        ];
        assert_eq!(notion_properties(&page), Some(2..4));
        let notes = ["# Discovery call", "", "Date: Nov 2", "Attendees: Maria"];
        assert_eq!(notion_properties(&notes), None);
        assert_eq!(notion_properties(&["", ""]), None);
        assert_eq!(notion_properties(&["# T"]), None);
    }
}
