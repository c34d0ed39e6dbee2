//! The text of a cue: tags removed (voice tags name the speaker), entities
//! decoded, and the speaker marks captioners write in the text itself
//! (`Name:`, `- Name:`, `[Name]`, `>>`).

use crate::bundle::readers::turns::NAME_PARTICLES;
use std::borrow::Cow;

/// A piece of a cue line: what a voice tag opening it names, and its text
/// with every tag removed.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Piece {
    pub(super) voice: Option<String>,
    pub(super) text: String,
}

/// Who speaks a piece of text, as its own words say.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Change {
    /// `Name:`, `Name (role):`, `[Name]`, `<v Name>`.
    Named { name: String, role: Option<String> },
    /// `>>` or a dialogue dash: someone else, not named.
    Unnamed,
}

/// The longest tag looked for: a `<` without a `>` this close is text.
const MAX_TAG: usize = 200;

/// Split a cue line at its voice tags (`<v Name>`, `<v.loud Name>`), removing
/// every other tag (`<c.x>`, `<i>`, `<b>`, `<u>`, `<lang en>`, `<font ...>`,
/// `</...>`, timestamps `<00:00:01.000>`) and SSA overrides (`{\an8}`), and
/// decoding entities. Each `<` looks at most [`MAX_TAG`] bytes ahead: linear.
pub(super) fn pieces(line: &str) -> Vec<Piece> {
    let mut out = vec![Piece {
        voice: None,
        text: String::new(),
    }];
    let mut rest = line;
    while let Some(i) = rest.find(['<', '{']) {
        let (before, from) = rest.split_at(i);
        push_text(&mut out, before);
        let close = if from.starts_with('<') { '>' } else { '}' };
        let window = &from.as_bytes()[..from.len().min(MAX_TAG)];
        let end = window.iter().position(|&b| b == close as u8);
        let is_tag = end.is_some()
            && match from.as_bytes().get(1) {
                Some(b) if close == '>' => b.is_ascii_alphanumeric() || *b == b'/',
                Some(b'\\') => true,
                _ => false,
            };
        match end {
            Some(end) if is_tag => {
                let inner = &from[1..end];
                if let Some(name) = voice_of(inner) {
                    out.push(Piece {
                        voice: Some(name),
                        text: String::new(),
                    });
                }
                rest = &from[end + 1..];
            }
            _ => {
                push_text(&mut out, &from[..1]);
                rest = &from[1..];
            }
        }
    }
    push_text(&mut out, rest);
    for p in &mut out {
        if let Cow::Owned(decoded) = decode_entities(&p.text) {
            p.text = decoded;
        }
    }
    // A piece with no words of its own (before the first tag, between two) is
    // dropped, unless it carries a voice.
    out.retain(|p| p.voice.is_some() || !p.text.trim().is_empty());
    out
}

fn push_text(out: &mut [Piece], text: &str) {
    if let Some(last) = out.last_mut() {
        last.text.push_str(text);
    }
}

/// The name a voice tag's inside gives: `v Dana`, `v.loud.x Dana Whitfield`.
fn voice_of(inner: &str) -> Option<String> {
    let rest = inner.strip_prefix('v')?;
    if !rest.starts_with(['.', ' ', '\t']) {
        return None;
    }
    let name = rest
        .trim_start_matches(|c: char| c != ' ' && c != '\t')
        .trim();
    let name = decode_entities(name);
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    (!name.is_empty()).then_some(name)
}

/// Decode HTML character references: the named ones caption and export tools
/// write, and numeric ones. A reference to a control character is dropped:
/// nothing read may drive the terminal. Unknown names are left as written.
pub(crate) fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut decoded_any = false;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let from = &rest[i..];
        // An entity is `&` + up to 10 alphanumerics or `#...` + `;`.
        let body_len = from[1..]
            .bytes()
            .take(11)
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
            .count();
        let decoded = (from.as_bytes().get(1 + body_len) == Some(&b';'))
            .then(|| entity(&from[1..1 + body_len]))
            .flatten();
        match decoded {
            Some(c) => {
                decoded_any = true;
                if !(c.is_control() || is_bidi_control(c)) {
                    out.push(c);
                }
                rest = &from[body_len + 2..];
            }
            None => {
                out.push('&');
                rest = &from[1..];
            }
        }
    }
    if !decoded_any {
        return Cow::Borrowed(text);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn entity(body: &str) -> Option<char> {
    if let Some(num) = body.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(n);
    }
    Some(match body {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        // Invisible marks: a NUL stands for nothing, dropped with the controls.
        "lrm" | "rlm" | "zwj" | "zwnj" | "shy" => '\0',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "deg" => '°',
        "times" => '×',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "agrave" => 'à',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "ntilde" => 'ñ',
        "ccedil" => 'ç',
        "auml" => 'ä',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "szlig" => 'ß',
        _ => return None,
    })
}

/// The speaker marks at the start of a cue piece's text, and the words
/// after them. Sound descriptions (`[laughs]`, `(music)`, `♪`) are not words.
pub(super) fn speaker_marks(text: &str) -> (Option<Change>, &str) {
    let mut text = text.trim();
    let mut change = None;
    // `>>` (broadcast captions) and a dialogue dash: the speaker changes.
    if let Some(rest) = text.strip_prefix(">>") {
        text = rest.trim_start_matches('>').trim_start();
        change = Some(Change::Unnamed);
    } else if let Some(rest) = text.strip_prefix(['-', '–', '—'])
        && (rest.starts_with(' ') || rest.is_empty())
    {
        text = rest.trim_start();
        change = Some(Change::Unnamed);
    }
    if text.starts_with('♪') {
        return (change, "");
    }
    // `[Name] words` names the speaker; `[laughs] words` is a sound.
    while let Some(close) = bracketed(text) {
        let inner = text[1..close].trim();
        let after = text[close + 1..].trim_start();
        let after = after.strip_prefix(':').unwrap_or(after).trim_start();
        if text.starts_with('[')
            && !after.is_empty()
            && let Some((name, role)) = name_like(inner)
        {
            return (Some(named(name, role)), after);
        }
        text = after;
    }
    if let Some((name, role, rest)) = name_prefix(text) {
        return (Some(named(name, role)), rest);
    }
    (change, text)
}

fn named(name: &str, role: Option<&str>) -> Change {
    Change::Named {
        name: name.to_string(),
        role: role.map(str::to_string),
    }
}

/// The index of the `]` or `)` closing a bracket that opens `text`.
fn bracketed(text: &str) -> Option<usize> {
    let close = match text.as_bytes().first()? {
        b'[' => ']',
        b'(' => ')',
        _ => return None,
    };
    // Bytes, not a slice of the str: the limit may fall inside a char.
    text.bytes().take(MAX_TAG).position(|b| b == close as u8)
}

/// `Name: words` or `Name (role): words`: the name, the role and the words.
pub(crate) fn name_prefix(text: &str) -> Option<(&str, Option<&str>, &str)> {
    let colon = text.as_bytes().iter().take(80).position(|&b| b == b':')?;
    let rest = &text[colon + 1..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let (name, role) = name_like(&text[..colon])?;
    Some((name, role, rest.trim_start()))
}

/// A voice's name and the role written after it: `Dana (AE)`.
pub(crate) fn split_role(name: &str) -> (&str, Option<&str>) {
    match name.strip_suffix(')').and_then(|t| t.split_once('(')) {
        Some((name, role))
            if !role.contains(['(', ')']) && !role.trim().is_empty() && !name.trim().is_empty() =>
        {
            (name.trim_end(), Some(role.trim()))
        }
        _ => (name, None),
    }
}

/// `Dana Whitfield`, `Dana (AE)`, `DANA`, `Pieter de Groot`, `Speaker 2`:
/// one to four words, the first capitalised, the others capitalised, name
/// particles or numbers; an optional `(role)` after them.
pub(crate) fn name_like(text: &str) -> Option<(&str, Option<&str>)> {
    let (name, role) = split_role(text.trim());
    let mut words = name.split_whitespace();
    let first = words.next()?;
    let word_ok = |w: &str| {
        w.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '.' | '-'))
    };
    let ok = first.starts_with(char::is_uppercase)
        && word_ok(first)
        && words.clone().count() <= 3
        && words.all(|w| {
            word_ok(w)
                && (w.starts_with(char::is_uppercase)
                    || NAME_PARTICLES.contains(&w)
                    || w.bytes().all(|b| b.is_ascii_digit()))
        });
    ok.then_some((name, role))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str) -> Vec<(Option<String>, String)> {
        pieces(line)
            .into_iter()
            .map(|p| (p.voice, p.text))
            .collect()
    }

    #[test]
    fn tags_are_removed_and_voices_kept() {
        assert_eq!(
            texts(
                "<v.loud Dana Whitfield>We <b>will</b> <c.yellow>ship</c> it<00:00:02.100> &amp; more</v>"
            ),
            vec![(
                Some("Dana Whitfield".into()),
                "We will ship it & more".into()
            )]
        );
        assert_eq!(
            texts("<v Dana Whitfield>Sure.</v> <v Ines>Thanks &lt;3</v>"),
            vec![
                (Some("Dana Whitfield".into()), "Sure. ".to_string()),
                (Some("Ines".into()), "Thanks <3".to_string())
            ]
        );
        assert_eq!(
            texts("{\\an8}<i>a < b</i> <font color=\"#fff\">ok</font>"),
            vec![(None, "a < b ok".to_string())]
        );
        assert_eq!(
            texts("<lang en-GB>colour</lang>"),
            vec![(None, "colour".into())]
        );
        assert_eq!(texts("x <unclosed"), vec![(None, "x <unclosed".into())]);
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities(
                "A&amp;B &lt;&gt; &quot;x&quot; it&#39;s &#x2014; caf&eacute;&nbsp;ok &bogus; & &#27;"
            ),
            "A&B <> \"x\" it's — café ok &bogus; & "
        );
        assert_eq!(decode_entities("&#xFFFFFFFFF;&#;&"), "&#xFFFFFFFFF;&#;&");
    }

    #[test]
    fn speaker_marks_in_text() {
        let named = |n: &str, r: Option<&str>| {
            Some(Change::Named {
                name: n.into(),
                role: r.map(String::from),
            })
        };
        assert_eq!(
            speaker_marks("Dana: We can."),
            (named("Dana", None), "We can.")
        );
        assert_eq!(
            speaker_marks("- Tom Okafor (Acme): Fine."),
            (named("Tom Okafor", Some("Acme")), "Fine.")
        );
        assert_eq!(speaker_marks(">> TOM: Yes."), (named("TOM", None), "Yes."));
        assert_eq!(speaker_marks(">> Yes."), (Some(Change::Unnamed), "Yes."));
        assert_eq!(
            speaker_marks("[Ines Varga] Right."),
            (named("Ines Varga", None), "Right.")
        );
        assert_eq!(speaker_marks("[laughs] Right."), (None, "Right."));
        assert_eq!(speaker_marks("[Music]"), (None, ""));
        assert_eq!(speaker_marks("♪ la la ♪"), (None, ""));
        assert_eq!(
            speaker_marks("so the answer: yes"),
            (None, "so the answer: yes")
        );
        assert_eq!(
            speaker_marks("The plan is: ship"),
            (None, "The plan is: ship")
        );
        assert_eq!(
            speaker_marks("Speaker 2: ok"),
            (named("Speaker 2", None), "ok")
        );
    }
}
