//! The one sanitiser of every text that reaches a terminal or a file, whatever
//! its source (a bundle, a CLI argument, config.toml, a TUI field, a workspace
//! written before text was cleaned on entry): nothing in it can drive a
//! terminal (escape sequences, control characters) or reorder what it shows
//! (bidi overrides). [`sanitize`] keeps a text's line numbering: the result has
//! exactly as many `'\n'` as the input has line breaks (CRLF and a lone CR each
//! count as one). [`sanitize_line`] is the same for one-line values (names,
//! ids, error messages), [`sanitize_file_name`] for a file name (what it
//! removes stays visible, so two names stay two), [`sanitize_json`] for every
//! string of a JSON value.

/// Clean `text` for display and analysis:
/// - drops the leading UTF-8 byte order mark(s);
/// - turns CRLF and lone CR into LF;
/// - removes ANSI escape sequences entirely (CSI `ESC [ ... final`, OSC / DCS / SOS /
///   PM / APC strings up to BEL or `ESC \`, and two- or three-byte `ESC` sequences),
///   as well as their 8-bit C1 forms;
/// - drops every other C0 / C1 control character and DEL, and the Unicode bidi
///   embedding / override / isolate controls (which can reorder what a terminal shows);
/// - keeps `'\n'` and `'\t'`. A sequence never swallows a line break.
///
/// Linear in the input; returns the input unchanged (one copy) when clean.
pub fn sanitize(text: &str) -> String {
    clean(text, None)
}

/// [`sanitize`], with `marker` pushed for each sequence or character removed.
fn clean(text: &str, marker: Option<char>) -> String {
    let text = text.trim_start_matches('\u{feff}');
    if text
        .bytes()
        .all(|b| (b >= 0x20 && b != 0x7f && b < 0xc2) || b == b'\n' || b == b'\t')
        || is_clean(text)
    {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let kept = out.len();
        match c {
            '\n' | '\t' => out.push(c),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{1b}' => match chars.peek().copied() {
                Some('[') => {
                    chars.next();
                    skip_csi(&mut chars);
                }
                Some(']' | 'P' | 'X' | '^' | '_') => {
                    chars.next();
                    skip_string(&mut chars);
                }
                Some(' '..='/') => {
                    // nF: intermediates then one final byte.
                    while matches!(chars.peek(), Some(' '..='/')) {
                        chars.next();
                    }
                    if matches!(chars.peek(), Some('0'..='~')) {
                        chars.next();
                    }
                }
                Some('0'..='~') => {
                    chars.next();
                }
                _ => {}
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            // A byte order mark a removed sequence left at the front is the
            // leading one this function drops: dropped too, so cleaning twice
            // gives what cleaning once did (found by `fuzz`).
            '\u{feff}' if out.is_empty() => {}
            c if is_dropped(c) => {}
            c => out.push(c),
        }
        if let Some(m) = marker.filter(|_| out.len() == kept) {
            out.push(m);
        }
    }
    out
}

/// [`sanitize`] that reuses the string when it is already clean.
pub fn sanitize_owned(text: String) -> String {
    if !text.starts_with('\u{feff}') && is_clean(&text) {
        text
    } else {
        sanitize(&text)
    }
}

/// [`sanitize`] for a value shown on one line (a name, an id, a file name, an
/// error message): line breaks and tabs become spaces as well, so the value
/// cannot start a line of its own in a report or a log.
pub fn sanitize_line(text: &str) -> String {
    let clean = sanitize(text);
    if clean.contains(['\n', '\t']) {
        clean.replace(['\n', '\t'], " ")
    } else {
        clean
    }
}

/// [`sanitize_line`] for a file name: each escape sequence, control character,
/// bidi override, line break or tab is replaced by U+FFFD rather than dropped,
/// so `a\u{1}.md` is not cited as the `a.md` beside it, and the reader sees the
/// name was odd.
pub fn sanitize_file_name(name: &str) -> String {
    clean(name, Some('\u{FFFD}')).replace(['\n', '\t'], "\u{FFFD}")
}

/// [`sanitize`] every string of a JSON value in place, object keys included.
pub fn sanitize_json(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::String(s) if !is_clean(s) => *s = sanitize(s),
        Value::Array(items) => items.iter_mut().for_each(sanitize_json),
        Value::Object(map) => {
            if map.keys().any(|k| !is_clean(k)) {
                *map = std::mem::take(map)
                    .into_iter()
                    .map(|(k, v)| (sanitize_line(&k), v))
                    .collect();
            }
            map.values_mut().for_each(sanitize_json);
        }
        _ => {}
    }
}

/// True when no character needs dropping or rewriting: nothing a terminal
/// would act on (a leading byte order mark, which [`sanitize`] also drops, is
/// harmless).
pub fn is_clean(text: &str) -> bool {
    !text
        .chars()
        .any(|c| (c != '\n' && c != '\t' && c.is_control()) || is_bidi(c))
}

fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn is_dropped(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi(c)
}

/// After `ESC [` (or C1 CSI): parameter bytes, intermediate bytes, one final byte.
/// Anything else ends the sequence early and is then read as ordinary text.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while matches!(chars.peek(), Some('0'..='?')) {
        chars.next();
    }
    while matches!(chars.peek(), Some(' '..='/')) {
        chars.next();
    }
    if matches!(chars.peek(), Some('@'..='~')) {
        chars.next();
    }
}

/// After `ESC ]` (and DCS, SOS, PM, APC): up to BEL or ST (`ESC \` or C1 ST). A line
/// break ends the string without being consumed, so numbering is kept.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        match c {
            '\n' | '\r' => return,
            '\u{7}' | '\u{9c}' => {
                chars.next();
                return;
            }
            '\u{1b}' => {
                chars.next();
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            _ => {
                chars.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{is_clean, sanitize, sanitize_file_name, sanitize_json, sanitize_line};

    #[test]
    fn clean_text_is_unchanged() {
        assert_eq!(sanitize("a\tb\nc é ü —"), "a\tb\nc é ü —");
    }

    #[test]
    fn bom_and_line_endings() {
        assert_eq!(sanitize("\u{feff}a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(sanitize("a\r\r\nb").matches('\n').count(), 2);
    }

    #[test]
    fn ansi_sequences_are_removed() {
        assert_eq!(sanitize("\x1b[31mred\x1b[0m text"), "red text");
        assert_eq!(sanitize("\x1b[38;5;196mX"), "X");
        assert_eq!(sanitize("a\x1b]0;title\x07b"), "ab");
        assert_eq!(
            sanitize("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b"),
            "alinkb"
        );
        assert_eq!(sanitize("a\x1b(Bb\x1bcc"), "abc");
        assert_eq!(sanitize("a\u{9b}2Jb"), "ab");
    }

    #[test]
    fn unterminated_osc_keeps_lines() {
        assert_eq!(
            sanitize("a\x1b]0;never ends\nsecond line\n"),
            "a\nsecond line\n"
        );
    }

    #[test]
    fn controls_dropped_newlines_kept() {
        let s = sanitize("a\0b\x07c\x7fd\u{85}e\x08\nf\u{202e}g\x1b");
        assert_eq!(s, "abcde\nfg");
        for c in s.chars() {
            assert!(!c.is_control() || c == '\n' || c == '\t');
        }
    }

    #[test]
    fn one_line_values_lose_breaks_escapes_and_bidi() {
        // OSC 52 (write the clipboard), clear screen, a right-to-left override.
        let hostile = "Dev\x1b]52;c;ZWNobyBwd25lZA==\x07 An\u{202e}and\x1b[2J\nx\ty\rz";
        assert_eq!(sanitize_line(hostile), "Dev Anand x y z");
        assert!(is_clean(&sanitize_line(hostile)));
        assert_eq!(sanitize_line("a\u{2066}b\u{2069}c"), "abc");
    }

    #[test]
    fn a_file_name_shows_what_was_removed() {
        assert_eq!(
            sanitize_file_name("evil\u{202e}gpj.exe"),
            "evil\u{FFFD}gpj.exe"
        );
        assert_eq!(
            sanitize_file_name("a\x1b[31mb\x01.md"),
            "a\u{FFFD}b\u{FFFD}.md"
        );
        assert_eq!(sanitize_file_name("a\nb\r\nc.md"), "a\u{FFFD}b\u{FFFD}c.md");
        assert_eq!(
            sanitize_file_name("notes/ok — fine.md"),
            "notes/ok — fine.md"
        );
    }

    #[test]
    fn every_string_of_a_json_value() {
        let mut v = serde_json::json!({
            "note": "ok\x1b[31m red\u{202e}",
            "list": ["\u{9b}2Jx", 3, null],
            "k\u{202e}ey": {"deep": "a\x07b"}
        });
        sanitize_json(&mut v);
        assert_eq!(
            v,
            serde_json::json!({"note": "ok red", "list": ["x", 3, null], "key": {"deep": "ab"}})
        );
    }
}

#[cfg(test)]
#[path = "sanitize_fuzz.rs"]
mod fuzz;
