//! Message and part headers: folded lines, RFC 2047 encoded words, address
//! lists, and the parameters of `Content-Type` / `Content-Disposition`.

use super::transfer::{base64_lenient, bytes_to_string, hex};

/// One header, unfolded, with the stored line of its first physical line.
#[derive(Debug)]
pub(super) struct Header<'a> {
    pub(super) name: &'a str,
    pub(super) value: String,
    pub(super) line: u32,
}

/// The headers of a message or a MIME part, and where its body starts.
#[derive(Debug)]
pub(super) struct Headers<'a> {
    pub(super) list: Vec<Header<'a>>,
    /// Index (into the file's lines) of the body's first line.
    pub(super) body: usize,
}

impl<'a> Headers<'a> {
    /// The headers of the entity in `lines[start..end]`. A part with no
    /// headers starts its body at once; a line that is neither a header nor a
    /// continuation ends the headers there (broken mail keeps its text).
    pub(super) fn parse(lines: &[&'a str], start: usize, end: usize) -> Self {
        let mut list: Vec<Header<'a>> = Vec::new();
        let mut i = start;
        while i < end {
            let line = lines[i];
            if line.trim().is_empty() {
                return Self { list, body: i + 1 };
            }
            if line.starts_with([' ', '\t']) {
                match list.last_mut() {
                    // Unfolding removes the line break and keeps the blank.
                    Some(h) => h.value.push_str(line),
                    None => break,
                }
            } else if let Some((name, value)) = header_line(line) {
                list.push(Header {
                    name,
                    value: value.to_string(),
                    line: line_no(i),
                });
            } else {
                break;
            }
            i += 1;
        }
        Self { list, body: i }
    }

    /// The value of the first header called `name` (any case).
    pub(super) fn get(&self, name: &str) -> Option<&str> {
        self.list
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| h.value.trim())
    }

    /// The part's `Content-Type`, `text/plain` when absent or unparsable.
    pub(super) fn content_type(&self) -> Params {
        self.get("content-type")
            .map(Params::parse)
            .filter(|p| p.value.contains('/'))
            .unwrap_or_else(|| Params::parse("text/plain"))
    }

    /// Whether `Content-Disposition` says the part is an attachment.
    pub(super) fn is_attachment(&self) -> bool {
        self.get("content-disposition")
            .is_some_and(|d| Params::parse(d).value == "attachment")
    }

    /// The transfer encoding, lower case (`7bit` when absent).
    pub(super) fn transfer_encoding(&self) -> String {
        self.get("content-transfer-encoding")
            .map_or_else(|| "7bit".to_string(), |v| v.to_ascii_lowercase())
    }
}

/// The 1-based line number of line index `i`.
pub(super) fn line_no(i: usize) -> u32 {
    u32::try_from(i + 1).unwrap_or(u32::MAX)
}

/// `Name: value` where the name is printable ASCII without blanks (RFC 5322 2.2).
pub(super) fn header_line(line: &str) -> Option<(&str, &str)> {
    let colon = line.as_bytes().iter().take(80).position(|&b| b == b':')?;
    let name = &line[..colon];
    let ok = !name.is_empty() && name.bytes().all(|b| b.is_ascii_graphic() && b != b':');
    ok.then(|| (name, &line[colon + 1..]))
}

/// A header value's main token and its `; key=value` parameters.
#[derive(Debug)]
pub(super) struct Params {
    /// The main token, lower case: `multipart/alternative`, `attachment`.
    pub(super) value: String,
    params: Vec<(String, String)>,
}

impl Params {
    pub(super) fn parse(v: &str) -> Self {
        let mut fields = split_outside_quotes(v, b';').into_iter();
        let value = fields.next().unwrap_or("").trim().to_ascii_lowercase();
        let params = fields
            .filter_map(|f| {
                let (k, v) = f.split_once('=')?;
                Some((k.trim().to_ascii_lowercase(), unquote(v.trim())))
            })
            .collect();
        Self { value, params }
    }

    /// The parameter `key` (lower case), case kept.
    pub(super) fn get(&self, key: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// `s` split at `sep` bytes outside double quotes.
fn split_outside_quotes(s: &str, sep: u8) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut quoted, mut escaped, mut from) = (false, false, 0);
    for (i, b) in s.bytes().enumerate() {
        match b {
            _ if escaped => escaped = false,
            b'\\' if quoted => escaped = true,
            b'"' => quoted = !quoted,
            _ if b == sep && !quoted => {
                out.push(&s[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    out.push(&s[from..]);
    out
}

/// A quoted string's content (`\"` unescaped), or the text as it is.
fn unquote(s: &str) -> String {
    match s.strip_prefix('"') {
        Some(inner) => {
            let inner = inner.strip_suffix('"').unwrap_or(inner);
            let mut out = String::with_capacity(inner.len());
            let mut chars = inner.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => out.extend(chars.next()),
                    c => out.push(c),
                }
            }
            out
        }
        None => s.to_string(),
    }
}

/// An address list as the segmenter and the people scan read it:
/// `Name <addr>, addr2`. Quoted names lose their quotes (`"Varga, Ines"`
/// stays one name), encoded words are decoded, and the old
/// `addr (Name)` form becomes `Name <addr>`.
pub(super) fn addresses(value: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for item in split_outside_quotes(value, b',') {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        let (name, addr) = match (item.rfind('<'), item.rfind('>')) {
            (Some(a), Some(b)) if a < b => (item[..a].trim(), item[a + 1..b].trim()),
            _ => match (item.find('('), item.rfind(')')) {
                (Some(a), Some(b)) if a < b => (item[a + 1..b].trim(), item[..a].trim()),
                _ => ("", item),
            },
        };
        let name = words(&unquote(name));
        let name = name.trim().trim_matches(['"', '\'']).trim();
        out.push(match (name.is_empty(), addr.is_empty()) {
            (true, _) => addr.to_string(),
            (false, true) => name.to_string(),
            (false, false) => format!("{name} <{addr}>"),
        });
    }
    out.join(", ")
}

/// An encoded word is at most 75 chars (RFC 2047); broken mailers write longer
/// ones, so the search for its end looks this far before giving up, which
/// keeps a value full of `=?` linear.
const WORD_MAX: usize = 1024;

/// Decode the RFC 2047 encoded words of a header value
/// (`=?UTF-8?Q?Ren=C3=A9e?=`, `=?iso-8859-1?B?...?=`). Blanks between two
/// encoded words are dropped; adjacent words in one charset are decoded
/// together, since mailers split a character across them.
pub(super) fn words(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    // Bytes of the encoded words in a row, with their charset.
    let mut run: Vec<u8> = Vec::new();
    let mut run_charset = String::new();
    // Blanks after an encoded word: dropped if another follows.
    let mut gap = String::new();
    let mut rest = value;
    while let Some(at) = rest.find("=?") {
        let (before, from) = rest.split_at(at);
        let Some((charset, bytes, len)) = encoded_word(from) else {
            flush_words(&mut out, &mut run, &run_charset, &mut gap);
            out.push_str(before);
            out.push_str("=?");
            rest = &from[2..];
            continue;
        };
        if before.trim().is_empty() && !run.is_empty() {
            // Only blanks since the last word: they go.
            if !charset.eq_ignore_ascii_case(&run_charset) {
                flush_words(&mut out, &mut run, &run_charset, &mut gap);
            }
        } else {
            flush_words(&mut out, &mut run, &run_charset, &mut gap);
            out.push_str(before);
        }
        gap.clear();
        run_charset = charset.to_string();
        run.extend(bytes);
        rest = &from[len..];
    }
    flush_words(&mut out, &mut run, &run_charset, &mut gap);
    out.push_str(rest);
    out
}

fn flush_words(out: &mut String, run: &mut Vec<u8>, charset: &str, gap: &mut String) {
    if !run.is_empty() {
        out.push_str(&bytes_to_string(run, Some(charset)));
        run.clear();
    }
    out.push_str(gap);
    gap.clear();
}

/// The charset, decoded bytes and length of the encoded word `s` starts with.
fn encoded_word(s: &str) -> Option<(&str, Vec<u8>, usize)> {
    let window = &s.as_bytes()[..s.len().min(WORD_MAX)];
    let q1 = 2 + window[2..].iter().position(|&b| b == b'?')?;
    let enc = *window.get(q1 + 1)?;
    if window.get(q1 + 2) != Some(&b'?') {
        return None;
    }
    let text_at = q1 + 3;
    let end = text_at + window[text_at..].windows(2).position(|w| w == b"?=")?;
    // `charset*language` (RFC 2231): the language is not needed.
    let charset = s[2..q1].split('*').next().unwrap_or("");
    let text = &window[text_at..end];
    let bytes = match enc.to_ascii_uppercase() {
        b'Q' => {
            let mut out = Vec::with_capacity(text.len());
            let mut i = 0;
            while i < text.len() {
                match text[i] {
                    b'_' => out.push(b' '),
                    b'=' if hex(text, i + 1).is_some() => {
                        out.extend(hex(text, i + 1));
                        i += 2;
                    }
                    b => out.push(b),
                }
                i += 1;
            }
            out
        }
        b'B' => base64_lenient(text),
        _ => return None,
    };
    Some((charset, bytes, end + 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_headers_and_body_start() {
        let lines = [
            "From: Dana <dana@vendor.example>",
            "Subject: a long",
            "\tsubject line",
            "X-Odd:",
            "",
            "Body.",
        ];
        let h = Headers::parse(&lines, 0, lines.len());
        assert_eq!(h.body, 5);
        assert_eq!(h.get("SUBJECT"), Some("a long\tsubject line"));
        assert_eq!(h.list[1].line, 2);
        assert_eq!(h.get("x-odd"), Some(""));
        // No headers at all: the body is the whole part.
        let lines = ["Just text.", "More."];
        assert_eq!(Headers::parse(&lines, 0, 2).body, 0);
    }

    #[test]
    fn encoded_words() {
        assert_eq!(
            words("=?UTF-8?Q?In=C3=A9s_Varga?= <ines@k.example>"),
            "Inés Varga <ines@k.example>"
        );
        assert_eq!(
            words("=?utf-8?B?SW7DqXM=?= =?utf-8?B?IFZhcmdh?="),
            "Inés Varga"
        );
        // A character split across two words of one charset.
        assert_eq!(
            words("=?UTF-8?Q?We=E2=80?= =?UTF-8?Q?=99ll?="),
            "We\u{2019}ll"
        );
        assert_eq!(words("=?iso-8859-1?q?caf=E9?= ok"), "café ok");
        assert_eq!(words("Re: =?UTF-8?Q?x?= and y"), "Re: x and y");
        assert_eq!(words("a =? b ?= c =?x?Z?y?="), "a =? b ?= c =?x?Z?y?=");
        assert_eq!(words("=?utf-8*en?Q?hi?="), "hi");
        assert_eq!(words(&"=?".repeat(5000)).len(), 10000);
    }

    #[test]
    fn address_lists() {
        assert_eq!(
            addresses(r#""Varga, Ines" <ines@k.example>, bob@x.example"#),
            "Varga, Ines <ines@k.example>, bob@x.example"
        );
        assert_eq!(
            addresses("dana@v.example (Dana Whitfield)"),
            "Dana Whitfield <dana@v.example>"
        );
        assert_eq!(
            addresses("=?UTF-8?Q?Ren=C3=A9e?= <r@x.example>"),
            "Renée <r@x.example>"
        );
    }

    #[test]
    fn content_type_parameters() {
        let p = Params::parse(r#"Multipart/Alternative; boundary="b1;x"; charset=UTF-8"#);
        assert_eq!(p.value, "multipart/alternative");
        assert_eq!(p.get("boundary"), Some("b1;x"));
        assert_eq!(p.get("charset"), Some("UTF-8"));
    }
}
