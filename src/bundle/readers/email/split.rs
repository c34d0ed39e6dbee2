//! A decoded line can span many stored lines: a paragraph that
//! quoted-printable soft-wrapped, base64 chunks, HTML source lines. A view
//! line maps to one stored line, so the decoded line is cut where a sentence
//! starts on a later stored line: each sentence is then cited at the stored
//! line where its text begins. The segmenter joins the pieces back into one
//! paragraph (they are wrapped prose to it), so statements are the same as if
//! the line had not been cut; a cut is made only where the piece that follows
//! cannot read as anything but prose continuing.

use super::Logical;

/// The pieces of `line` with the stored line each starts on. A piece after
/// the first repeats the line's quote prefix (`> `), so it stays at its depth.
pub(super) fn pieces(line: &Logical) -> Vec<(String, u32)> {
    let text = line.text.trim_end();
    let marks = &line.marks;
    let prefix = quote_prefix(text);
    let body = &text[prefix..];
    let lead = prefix + (body.len() - body.trim_start().len());
    let first = line_at(marks, lead);
    if marks.len() <= 1 || !cuttable(body) {
        return vec![(text.to_string(), first)];
    }
    let mut cuts: Vec<(usize, u32)> = Vec::new();
    let mut current = first;
    for (k, &(from, stored)) in marks.iter().enumerate().skip(1) {
        let to = marks.get(k + 1).map_or(text.len(), |m| m.0).min(text.len());
        if stored == current || from < lead || from >= to {
            continue;
        }
        if let Some(at) = sentence_start(text, from, to)
            && reads_as_prose(&text[at..])
        {
            cuts.push((at, stored));
            current = stored;
        }
    }
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    let mut stored = first;
    for (at, next) in cuts {
        out.push((text[from..at].trim_end().to_string(), stored));
        from = at;
        stored = next;
    }
    let last = &text[from..];
    out.push((last.to_string(), stored));
    for piece in out.iter_mut().skip(1) {
        piece.0.insert_str(0, &text[..prefix]);
    }
    out
}

/// The stored line of the text at `offset`.
fn line_at(marks: &[(usize, u32)], offset: usize) -> u32 {
    let i = marks.partition_point(|&(o, _)| o <= offset);
    marks.get(i.saturating_sub(1)).map_or(1, |m| m.1)
}

/// The length of a `>` quote prefix with its blanks.
fn quote_prefix(text: &str) -> usize {
    if !text.starts_with('>') {
        return 0;
    }
    text.len() - text.trim_start_matches(['>', ' ', '\t']).len()
}

/// A line the segmenter reads as one record whatever follows (a `Label:`
/// line, a dated log entry, a bullet or a header) is never cut: its pieces
/// would not join back.
fn cuttable(body: &str) -> bool {
    !body.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '[' | '-' | '*' | '|'))
        && !head(body).contains(':')
}

/// The first 40 bytes (to a char boundary): where a `Label:`, `Name:` or
/// header colon stands.
fn head(s: &str) -> &str {
    let mut end = s.len().min(40);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Where the first sentence starting in `text[from..to]` starts: a capital
/// after `.`, `!`, `?` or `…` (closing quotes and brackets allowed between)
/// and blanks, not after an initial ("J. Smith") or a dotted abbreviation
/// ("e.g.").
fn sentence_start(text: &str, from: usize, to: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = from;
    while i < to {
        let ch = text[i..].chars().next()?;
        if ch.is_uppercase() && i > 0 && b[i - 1].is_ascii_whitespace() && after_stop(&text[..i]) {
            return Some(i);
        }
        i += ch.len_utf8();
    }
    None
}

/// Whether `before` ends with sentence punctuation and blanks.
fn after_stop(before: &str) -> bool {
    let t = before.trim_end();
    let t = t.trim_end_matches(['"', '\'', ')', '\u{201d}', '\u{2019}']);
    let Some(stop) = t.chars().last() else {
        return false;
    };
    if !matches!(stop, '.' | '!' | '?' | '\u{2026}') {
        return false;
    }
    if stop != '.' {
        return true;
    }
    let word = t[..t.len() - 1]
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    word.chars().count() > 1 && !word.contains('.')
}

/// The text from a cut on reads as prose going on: not a header, a
/// `Label:` or `Name:` line, an attribution, a lettered item or a heading.
fn reads_as_prose(rest: &str) -> bool {
    let first_word = rest.split_whitespace().next().unwrap_or("");
    let heading = rest.ends_with(':') && rest.chars().count() <= 80;
    let record = head(rest).contains(':') || rest.starts_with("On ") || first_word.ends_with(')');
    !heading && !record && rest.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn logical(text: &str, marks: &[(usize, u32)]) -> Logical {
        Logical {
            text: text.to_string(),
            marks: marks.to_vec(),
        }
    }

    #[test]
    fn cut_where_a_sentence_starts_on_a_later_line() {
        // Over stored lines 7 (to "conn"), 8 (to "The team "), 9.
        let text = "Thanks for the call. We will ship the connector by 3 March. The team agrees.";
        let l = logical(text, &[(0, 7), (42, 8), (69, 9)]);
        let want = vec![
            (
                "Thanks for the call. We will ship the connector by 3 March.".to_string(),
                7,
            ),
            ("The team agrees.".to_string(), 8),
        ];
        assert_eq!(pieces(&l), want);
    }

    #[test]
    fn quoted_pieces_keep_their_depth() {
        let text = "> Sure. We'll send over our API keys. Thanks.";
        let l = logical(text, &[(0, 3), (14, 4), (38, 5)]);
        let want = vec![
            ("> Sure. We'll send over our API keys.".to_string(), 3),
            ("> Thanks.".to_string(), 5),
        ];
        assert_eq!(pieces(&l), want);
    }

    #[test]
    fn no_cut_that_would_not_join_back() {
        // A `Label:` line, an initial, an attribution, a heading.
        for (text, at) in [
            ("Note: we ship in May. The team agrees.", 22),
            ("We met J. Smith today about it.", 10),
            ("Thanks all. On Monday we start the rollout.", 12),
            ("We agree. NEXT STEPS", 10),
        ] {
            let l = logical(text, &[(0, 1), (at, 2)]);
            assert_eq!(pieces(&l), vec![(text.to_string(), 1)], "{text}");
        }
        // Text starting on a later line than its first mark.
        let l = logical("   Hello there.", &[(0, 1), (3, 2)]);
        assert_eq!(pieces(&l), vec![("   Hello there.".to_string(), 2)]);
    }
}
