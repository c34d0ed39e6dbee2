//! A part's body decoded: its transfer encoding undone (quoted-printable,
//! base64), its charset turned to UTF-8, and every stretch of the decoded text
//! mapped back to the stored line it was decoded from.

use base64::Engine;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use encoding_rs::{CoderResult, Encoding, UTF_8, WINDOWS_1252};

/// Base64 as mail writes it: padding optional, stray bits after the last
/// whole byte ignored.
const B64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// Decoded text and where it came from.
#[derive(Debug, Default)]
pub(super) struct Decoded {
    pub(super) text: String,
    /// `(offset in text, stored line)`, offsets ascending: the text from each
    /// offset on was decoded from that stored line.
    pub(super) marks: Vec<(usize, u32)>,
}

impl Decoded {
    /// The stored line of the text at byte `offset`.
    #[cfg(test)]
    pub(super) fn line_at(&self, offset: usize) -> u32 {
        let i = self.marks.partition_point(|&(o, _)| o <= offset);
        self.marks
            .get(i.saturating_sub(1))
            .map_or(1, |&(_, line)| line)
    }
}

/// The body in `lines[start..end]`, decoded by its transfer encoding
/// (`cte`, lower case) and `charset`. Text not transfer-encoded (7bit, 8bit)
/// is already decoded: the whole file was when it was stored.
pub(super) fn decode(
    lines: &[&str],
    start: usize,
    end: usize,
    cte: &str,
    charset: Option<&str>,
) -> Decoded {
    let body = &lines[start.min(end)..end];
    let (bytes, marks) = match cte {
        "quoted-printable" => quoted_printable(body, start),
        "base64" => base64_lines(body, start),
        _ => {
            let mut out = Decoded::default();
            for (i, line) in body.iter().enumerate() {
                out.marks
                    .push((out.text.len(), super::mime::line_no(start + i)));
                out.text.push_str(line);
                out.text.push('\n');
            }
            return out;
        }
    };
    to_text(&bytes, &marks, charset)
}

/// Quoted-printable (RFC 2045 6.7): `=XX` is a byte, `=` at the end of a line
/// a soft break that joins it to the next (so a sentence wrapped by the
/// encoder is one line again), trailing blanks are the encoder's padding.
/// Each stored line's bytes are marked with its line number.
fn quoted_printable(body: &[&str], start: usize) -> (Vec<u8>, Vec<(usize, u32)>) {
    let mut out = Vec::with_capacity(body.iter().map(|l| l.len() + 1).sum());
    let mut marks = Vec::with_capacity(body.len());
    for (i, line) in body.iter().enumerate() {
        marks.push((out.len(), super::mime::line_no(start + i)));
        let line = line.trim_end_matches([' ', '\t', '\r']);
        let (content, soft) = match line.strip_suffix('=') {
            Some(c) => (c.as_bytes(), true),
            None => (line.as_bytes(), false),
        };
        qp_bytes(content, &mut out);
        if !soft {
            out.push(b'\n');
        }
    }
    (out, marks)
}

/// Append the bytes of one quoted-printable line without its line break.
/// An `=` not followed by two hex digits is kept as it is (robust decoding,
/// as readers of broken mail do).
pub(super) fn qp_bytes(content: &[u8], out: &mut Vec<u8>) {
    let mut i = 0;
    while i < content.len() {
        let b = content[i];
        if b == b'='
            && let Some(v) = hex(content, i + 1)
        {
            out.push(v);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
}

/// The byte written as two hex digits at `s[i..i + 2]`, either case.
pub(super) fn hex(s: &[u8], i: usize) -> Option<u8> {
    let digit = |b: u8| (b as char).to_digit(16);
    let hi = digit(*s.get(i)?)?;
    let lo = digit(*s.get(i + 1)?)?;
    u8::try_from(hi * 16 + lo).ok()
}

/// Base64 over lines: the alphabet's characters of every line, decoded as
/// one, each line marked at the first byte its characters give (four
/// characters make three bytes).
fn base64_lines(body: &[&str], start: usize) -> (Vec<u8>, Vec<(usize, u32)>) {
    let mut chars = Vec::with_capacity(body.iter().map(|l| l.len()).sum());
    let mut at = Vec::with_capacity(body.len());
    for (i, line) in body.iter().enumerate() {
        at.push((chars.len(), super::mime::line_no(start + i)));
        chars.extend(line.bytes().filter(|&b| is_b64(b)));
    }
    let bytes = decode_b64_chars(&mut chars);
    let marks = at
        .into_iter()
        .map(|(c, line)| ((c * 3 / 4).min(bytes.len()), line))
        .collect();
    (bytes, marks)
}

fn is_b64(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'+' || b == b'/'
}

/// Base64 text with anything outside the alphabet (blanks, padding, garbage)
/// ignored.
pub(super) fn base64_lenient(text: &[u8]) -> Vec<u8> {
    let mut chars: Vec<u8> = text.iter().copied().filter(|&b| is_b64(b)).collect();
    decode_b64_chars(&mut chars)
}

fn decode_b64_chars(chars: &mut Vec<u8>) -> Vec<u8> {
    // One character past a whole group carries no byte: a truncated part.
    if chars.len() % 4 == 1 {
        chars.pop();
    }
    B64.decode(&chars[..]).unwrap_or_default()
}

/// The encoding a charset label names (`utf-8`, `iso-8859-1`, `windows-1252`,
/// `utf-16`), UTF-8 when unknown; bytes declared UTF-8 that are not are read
/// as Windows-1252, which is what mislabelled mail holds.
fn encoding_of(bytes: &[u8], charset: Option<&str>) -> &'static Encoding {
    let enc = charset
        .and_then(|c| Encoding::for_label(c.trim().trim_matches('"').as_bytes()))
        .unwrap_or(UTF_8);
    if enc == UTF_8 && std::str::from_utf8(bytes).is_err() {
        WINDOWS_1252
    } else {
        enc
    }
}

/// Bytes in `charset` as text.
pub(super) fn bytes_to_string(bytes: &[u8], charset: Option<&str>) -> String {
    encoding_of(bytes, charset)
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

/// Decoded bytes to text, carrying the marks over: each stretch of bytes is
/// fed to one streaming decoder, so a character split between two stored
/// lines (a soft break inside `=E2=80=99`) is decoded whole.
fn to_text(bytes: &[u8], marks: &[(usize, u32)], charset: Option<&str>) -> Decoded {
    let mut decoder = encoding_of(bytes, charset).new_decoder();
    let mut out = Decoded {
        text: String::with_capacity(bytes.len() + bytes.len() / 8),
        marks: Vec::with_capacity(marks.len()),
    };
    for (k, &(from, line)) in marks.iter().enumerate() {
        let to = marks.get(k + 1).map_or(bytes.len(), |m| m.0);
        out.marks.push((out.text.len(), line));
        let last = k + 1 == marks.len();
        let mut input = &bytes[from.min(to)..to];
        loop {
            let (result, read, _) = decoder.decode_to_string(input, &mut out.text, last);
            input = &input[read..];
            match result {
                CoderResult::InputEmpty => break,
                CoderResult::OutputFull => out.text.reserve(input.len() * 3 + 16),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Our line-wise decoding against the `quoted_printable` crate's, on
    /// varied input: escapes in either case, broken escapes, soft breaks,
    /// trailing blanks, multi-byte characters split by a soft break.
    #[test]
    fn quoted_printable_agrees_with_the_crate() {
        let pieces = [
            "We=E2=80=99ll",
            "=",
            "=3D",
            "=3d",
            "=ZZ",
            "=4",
            "caf=C3=A9",
            " ",
            "\t",
            "plain",
            "=20",
            "x=",
            "==",
            "=0A",
            "a=\nb",
            "end =\n",
            "tail  ",
            "=E2=80=\n=99",
        ];
        let mut inputs: Vec<String> = Vec::new();
        for a in pieces {
            for b in pieces {
                for sep in ["", " ", "\n", "=\n"] {
                    inputs.push(format!("{a}{sep}{b}\n"));
                }
            }
        }
        // A broken escape with an `=` in its next two bytes (`==`, `= =`) is
        // left undefined by RFC 2045: the crate takes the three bytes as one
        // broken escape, this reader keeps one `=` and reads on (so a line
        // ending `==` ends in a soft break). Such input is left out.
        let ambiguous = |input: &str| {
            input.lines().any(|l| {
                let b = l.trim_end().as_bytes();
                (0..b.len()).any(|i| {
                    b[i] == b'='
                        && hex(b, i + 1).is_none()
                        && b[i + 1..b.len().min(i + 3)].contains(&b'=')
                })
            })
        };
        let compared: Vec<&String> = inputs.iter().filter(|i| !ambiguous(i)).collect();
        assert!(compared.len() > 1000, "{}", compared.len());
        for input in compared {
            let lines: Vec<&str> = input.lines().collect();
            let (ours, _) = quoted_printable(&lines, 0);
            let theirs = quoted_printable::decode(input, quoted_printable::ParseMode::Robust)
                .expect("robust decoding does not fail");
            // The crate ends a hard line break as CRLF, as RFC 2045 says; the
            // view's lines end in LF.
            let crlf = |v: &[u8]| String::from_utf8_lossy(v).replace("\r\n", "\n");
            assert_eq!(crlf(&ours), crlf(&theirs), "{input:?}");
        }
        // Not ASCII, so not quoted-printable; the crate drops the rest of
        // the line there, this reader keeps the text.
        let (ours, _) = quoted_printable(&["caf=C3=A9 =\u{e9}t\u{e9}"], 0);
        assert_eq!(String::from_utf8(ours).unwrap(), "café =été\n");
    }

    #[test]
    fn soft_breaks_join_and_marks_name_the_first_line() {
        let mut lines = vec![""; 10];
        lines.extend([
            "We will ship the conn=",
            "ector by 3 March.",
            "Next=E2=80=",
            "=99s",
        ]);
        let d = decode(&lines, 10, 14, "quoted-printable", Some("utf-8"));
        assert_eq!(
            d.text,
            "We will ship the connector by 3 March.\nNext\u{2019}s\n"
        );
        assert_eq!(d.line_at(0), 11);
        assert_eq!(d.line_at(30), 12);
        assert_eq!(d.line_at(d.text.find("Next").unwrap()), 13);
    }

    #[test]
    fn base64_against_the_crate_and_marks() {
        let text = "Hello Ines,\n\nWe\u{2019}ll send the connector by 3 March.\n".repeat(4);
        let enc = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
        let chunks: Vec<&str> = enc
            .as_bytes()
            .chunks(76)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect();
        let d = decode(&chunks, 0, chunks.len(), "base64", None);
        assert_eq!(d.text, text);
        // The byte at decoded offset 57 * k comes from chunk k.
        for k in 0..chunks.len() {
            assert_eq!(d.line_at(57 * k), k as u32 + 1);
        }
        assert_eq!(base64_lenient(b"SGk=\n"), b"Hi");
        assert_eq!(base64_lenient(b"SGVs*bG8g\nSW5l cw=="), b"Hello Ines");
        assert_eq!(base64_lenient(b"SGk"), b"Hi");
        assert_eq!(base64_lenient(b"S"), b"");
    }

    #[test]
    fn charsets() {
        let qp = decode(
            &["caf=E9 =80"],
            0,
            1,
            "quoted-printable",
            Some("iso-8859-1"),
        );
        assert_eq!(qp.text, "café €\n");
        let qp = decode(&["caf=E9"], 0, 1, "quoted-printable", Some("utf-8"));
        assert_eq!(
            qp.text, "café\n",
            "bytes that are not UTF-8 are read as Windows-1252"
        );
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Hi\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let b64 = base64::engine::general_purpose::STANDARD.encode(&utf16);
        let d = decode(&[b64.as_str()], 0, 1, "base64", Some("utf-16"));
        assert_eq!(d.text, "Hi\n");
        let plain = decode(&["", "", "", "", "a", "b"], 4, 6, "8bit", Some("utf-16"));
        assert_eq!((plain.text.as_str(), plain.line_at(2)), ("a\nb\n", 6));
    }
}
