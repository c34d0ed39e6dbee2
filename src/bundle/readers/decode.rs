//! Bytes to stored text: the encodings Windows and Mac tools export, and the
//! text of PDF and DOCX documents.

use super::{Format, Unreadable};
use crate::text::sanitize_owned;

/// A file's stored text, and what was done to get it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// Clean text: no control characters but `\n` and `\t`, line numbering kept.
    pub text: String,
    /// The encoding it was decoded from, when not UTF-8 ("UTF-16LE", "windows-1252").
    pub encoding: Option<&'static str>,
}

/// Decode the bytes of a file in `format`: a document's extracted text is
/// cleaned like any text, so a control character in a PDF string cannot
/// reach the terminal.
pub fn decode(format: Format, bytes: &[u8]) -> Result<Decoded, Unreadable> {
    let extracted = match format {
        Format::Pdf => super::pdf::extract(bytes)?,
        Format::Docx => super::docx::extract(bytes)?,
        _ => return decode_text(bytes),
    };
    Ok(Decoded {
        text: sanitize_owned(extracted),
        encoding: None,
    })
}

/// Text bytes: UTF-8 (with or without a byte-order mark), UTF-16 with a
/// byte-order mark, else Windows-1252, the code page Windows tools write. A
/// NUL byte outside UTF-16 means the file is not text at all.
pub fn decode_text(bytes: &[u8]) -> Result<Decoded, Unreadable> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        if encoding != encoding_rs::UTF_8 {
            let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
            if had_errors {
                return Err(Unreadable::new(format!(
                    "not valid {} text despite its byte-order mark",
                    encoding.name()
                )));
            }
            return Ok(Decoded {
                text: sanitize_owned(text.into_owned()),
                encoding: Some(encoding.name()),
            });
        }
    }
    match std::str::from_utf8(bytes) {
        // A stray NUL in valid UTF-8 is dropped like any control character.
        Ok(text) => Ok(Decoded {
            text: sanitize_owned(text.to_string()),
            encoding: None,
        }),
        Err(_) if bytes.contains(&0) => {
            let nul = bytes.iter().position(|&b| b == 0).unwrap_or(0);
            Err(Unreadable::at(
                line_of(bytes, nul),
                "binary data, not text (a NUL byte in bytes that are not UTF-8)",
            ))
        }
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Ok(Decoded {
                text: sanitize_owned(text.into_owned()),
                encoding: Some(encoding_rs::WINDOWS_1252.name()),
            })
        }
    }
}

/// The 1-based line holding byte `at`.
fn line_of(bytes: &[u8], at: usize) -> u32 {
    let n = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str) -> Vec<u8> {
        let mut out = vec![0xff, 0xfe];
        for u in s.encode_utf16() {
            out.extend(u.to_le_bytes());
        }
        out
    }

    fn utf16be(s: &str) -> Vec<u8> {
        let mut out = vec![0xfe, 0xff];
        for u in s.encode_utf16() {
            out.extend(u.to_be_bytes());
        }
        out
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode_text("Caf\u{e9}\r\nline two\n".as_bytes()).unwrap();
        assert_eq!(d.text, "Caf\u{e9}\nline two\n");
        assert_eq!(d.encoding, None);
        let d = decode_text(b"\xef\xbb\xbfHello").unwrap();
        assert_eq!(d.text, "Hello");
    }

    #[test]
    fn utf16_with_either_bom() {
        let text = "We\u{2019}ll ship\r\nby 3 March \u{2014} Ines\n";
        for bytes in [utf16le(text), utf16be(text)] {
            let d = decode_text(&bytes).unwrap();
            assert_eq!(d.text, "We\u{2019}ll ship\nby 3 March \u{2014} Ines\n");
            assert!(d.encoding.unwrap().starts_with("UTF-16"));
        }
    }

    #[test]
    fn windows_1252_when_not_utf8() {
        // "We’ll give 10% – café" in Windows-1252.
        let bytes = b"line one\nWe\x92ll give 10% \x96 caf\xe9\n";
        let d = decode_text(bytes).unwrap();
        assert_eq!(
            d.text,
            "line one\nWe\u{2019}ll give 10% \u{2013} caf\u{e9}\n"
        );
        assert_eq!(d.encoding, Some("windows-1252"));
    }

    #[test]
    fn nul_bytes_are_binary_and_name_their_line() {
        let e = decode_text(b"one\ntwo\n\x89PNG\x00\x01").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert_eq!(
            e.to_string(),
            "line 3: binary data, not text (a NUL byte in bytes that are not UTF-8)"
        );
        assert_eq!(decode_text(b"a\x00b").unwrap().text, "ab");
    }

    #[test]
    fn control_sequences_never_survive() {
        let d = decode_text(b"ok \x1b]52;c;aGk=\x07 then \x1b[2J done\n").unwrap();
        assert_eq!(d.text, "ok  then  done\n");
        let d = decode_text(&utf16le("a\u{1b}[31mb\u{202e}c")).unwrap();
        assert_eq!(d.text, "abc");
    }
}
