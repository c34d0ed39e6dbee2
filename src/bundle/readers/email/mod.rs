//! E-mail: one message (`.eml`) or a mailbox (`.mbox`) as the pasted mail the
//! segmenter reads in notes. Each message becomes a header block (`From: Name
//! <addr>`, `To:`, `Cc:`, `Date:`, `Subject:`) and its body text: MIME parts
//! walked (text/plain preferred to its HTML twin, HTML turned to text only when
//! it is the only text, attachments skipped, attached messages read as
//! messages), transfer encodings and charsets undone. Quoted replies keep
//! their `>` and `On ... wrote:` lines, so the segmenter gives them their own
//! author. Every view line maps to the stored line where its text starts.
//!
//! The MIME walk is written here rather than taken from a mail parser because
//! citations need stored line numbers, which parsers do not keep.

mod html;
mod mime;
mod split;
mod transfer;

#[cfg(test)]
mod tests;

use super::{Unreadable, View, ViewBuilder};
use mime::{Headers, Params, line_no};
use split::pieces;

/// Messages attached to messages (and multiparts inside multiparts) deeper
/// than this are not read: the walk recurses, and nothing real nests so deep.
const MAX_NESTING: usize = 24;

/// The header lines a message's view keeps, which the segmenter reads as
/// headers (`From:` names the author) and the people scan reads for e-mail
/// domains.
const KEPT: [&str; 5] = ["from", "to", "cc", "date", "subject"];

/// A line of decoded text and the stored lines its stretches came from:
/// `(offset in text, stored line)`, the first at offset 0.
#[derive(Debug, Default, Clone)]
struct Logical {
    text: String,
    marks: Vec<(usize, u32)>,
}

/// The view of one `.eml` message.
pub fn read_eml(stored: &str) -> Result<View, Unreadable> {
    let lines: Vec<&str> = split_lines(stored).collect();
    // Some tools save a message with the mailbox's `From ` line first.
    let start = usize::from(lines.first().is_some_and(|l| l.starts_with("From ")));
    let mut w = Writer::new(&lines);
    w.message(start, lines.len(), 0);
    Ok(w.finish())
}

/// The view of a mailbox: messages each opened by a `From ` line (at the
/// start of the file or after a blank line), their `>From ` lines unescaped.
pub fn read_mbox(stored: &str) -> Result<View, Unreadable> {
    let mut lines: Vec<&str> = Vec::new();
    let mut starts: Vec<usize> = Vec::new();
    let mut prev_blank = true;
    for line in split_lines(stored) {
        if prev_blank && line.starts_with("From ") {
            starts.push(lines.len());
        }
        prev_blank = line.trim().is_empty();
        // mboxrd writes a body line `From ...` as `>From ...` (and `>From` as
        // `>>From`): one `>` comes off. A quote (`> From: ...`) has a blank
        // after its `>` and is left alone.
        let unescaped = line.trim_start_matches('>');
        if unescaped.len() < line.len() && unescaped.starts_with("From ") {
            lines.push(&line[1..]);
        } else {
            lines.push(line);
        }
    }
    let mut w = Writer::new(&lines);
    if starts.first() != Some(&0) {
        // Text before the first `From ` line: read as a message of its own.
        starts.insert(0, usize::MAX);
    }
    for (k, &s) in starts.iter().enumerate() {
        let from = if s == usize::MAX { 0 } else { s + 1 };
        let to = starts.get(k + 1).map_or(lines.len(), |&n| n);
        w.message(from, to, 0);
    }
    Ok(w.finish())
}

/// The stored text's lines, without their line breaks (a stored text has no
/// `\r`, but a view made from text that has one must not keep it).
fn split_lines(stored: &str) -> impl Iterator<Item = &str> {
    stored.lines().map(|l| l.strip_suffix('\r').unwrap_or(l))
}

struct Writer<'a> {
    lines: &'a [&'a str],
    view: ViewBuilder,
    /// Lines with text written so far: a part that adds none did not render.
    written: usize,
    /// After a `-- ` signature delimiter: the signature runs until a quote,
    /// an attribution or a forwarded message begins.
    in_signature: bool,
    /// The `From:` line of each message being written, outermost first.
    senders: Vec<Option<(String, u32)>>,
}

impl<'a> Writer<'a> {
    fn new(lines: &'a [&'a str]) -> Self {
        Self {
            lines,
            view: ViewBuilder::new(),
            written: 0,
            in_signature: false,
            senders: Vec::new(),
        }
    }

    fn finish(self) -> View {
        self.view.finish()
    }

    /// The message in `lines[start..end]`: its header block, then its body.
    fn message(&mut self, start: usize, end: usize, nesting: usize) {
        if start >= end || nesting > MAX_NESTING {
            return;
        }
        let headers = Headers::parse(self.lines, start, end);
        self.view.blank(line_no(start));
        let mut any = false;
        let mut sender = None;
        for h in &headers.list {
            let Some(key) = KEPT.iter().find(|k| h.name.eq_ignore_ascii_case(k)) else {
                continue;
            };
            let value = match *key {
                "from" | "to" | "cc" => mime::addresses(&mime::words(h.value.trim())),
                _ => mime::words(h.value.trim()),
            };
            let line = crate::text::sanitize(&format!("{}: {value}", header_name(key)));
            self.view.line(&line, h.line);
            if *key == "from" && sender.is_none() {
                sender = Some((line, h.line));
            }
            any = true;
        }
        if any {
            self.view.blank(line_no(headers.body.min(end)));
        }
        self.senders.push(sender);
        self.entity(&headers, end, nesting, true);
        self.senders.pop();
    }

    /// The body of the entity whose headers are `headers`, up to `end`.
    /// `html_ok`: an HTML part may render (it is the only text there is).
    fn entity(&mut self, headers: &Headers<'_>, end: usize, nesting: usize, html_ok: bool) {
        let ct = headers.content_type();
        let body = headers.body.min(end);
        let (kind, sub) = ct.value.split_once('/').unwrap_or(("text", "plain"));
        match kind {
            "multipart" => self.multipart(&ct, sub, body, end, nesting),
            "message" if matches!(sub, "rfc822" | "global") => {
                // A forwarded message attached whole: read as a message. One
                // transfer-encoded (rare) is not walked.
                if matches!(
                    headers.transfer_encoding().as_str(),
                    "7bit" | "8bit" | "binary"
                ) {
                    self.message(body, end, nesting + 1);
                    // The parts after it are the outer sender's again.
                    if let Some(Some((line, at))) = self.senders.last().cloned() {
                        self.view.blank(at).line(&line, at).blank(at);
                    }
                }
            }
            "text" if headers.is_attachment() => {}
            "text" if sub == "plain" => self.text(headers, &ct, body, end, false),
            "text" if sub == "html" && html_ok => self.text(headers, &ct, body, end, true),
            _ => {}
        }
    }

    fn multipart(&mut self, ct: &Params, sub: &str, body: usize, end: usize, nesting: usize) {
        if nesting > MAX_NESTING {
            return;
        }
        let ranges = match ct.get("boundary") {
            Some(b) if !b.is_empty() => self.parts(b, body, end),
            _ => Vec::new(),
        };
        let parts: Vec<Headers<'a>> = ranges
            .iter()
            .map(|&(s, e)| Headers::parse(self.lines, s, e))
            .collect();
        let ends: Vec<usize> = ranges.iter().map(|r| r.1).collect();
        let is_plain = |h: &Headers<'_>| {
            let ct = h.content_type();
            ct.value == "text/plain" && !h.is_attachment()
        };
        if sub == "alternative" {
            // The plain twin first, then the others in order (HTML, a related
            // multipart holding HTML): the first that gives text is read.
            let mut order: Vec<usize> = (0..parts.len()).filter(|&i| is_plain(&parts[i])).collect();
            order.extend((0..parts.len()).filter(|&i| !is_plain(&parts[i])));
            for i in order {
                let before = self.written;
                self.entity(&parts[i], ends[i], nesting + 1, true);
                if self.written > before {
                    break;
                }
            }
            return;
        }
        // Mixed, related, signed...: every part in order; HTML only when no
        // part beside it is plain text.
        let html_ok = !parts.iter().any(is_plain);
        for (h, &e) in parts.iter().zip(&ends) {
            self.entity(h, e, nesting + 1, html_ok);
        }
    }

    /// The line ranges of a multipart's parts: between `--boundary` lines, up
    /// to `--boundary--`. The preamble and epilogue are not parts.
    fn parts(&self, boundary: &str, body: usize, end: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut open: Option<usize> = None;
        for i in body..end {
            let Some(rest) = self.lines[i].strip_prefix("--") else {
                continue;
            };
            let Some(after) = rest.strip_prefix(boundary) else {
                continue;
            };
            let after = after.trim_end();
            if !(after.is_empty() || after == "--") {
                continue;
            }
            if let Some(s) = open.take() {
                out.push((s, i));
            }
            if after == "--" {
                return out;
            }
            open = Some(i + 1);
        }
        // A truncated message: the last part runs to the end.
        if let Some(s) = open {
            out.push((s, end));
        }
        out
    }

    /// A text part: decoded, HTML turned to text, then written line by line.
    fn text(&mut self, headers: &Headers<'_>, ct: &Params, body: usize, end: usize, html: bool) {
        let cte = headers.transfer_encoding();
        let decoded = transfer::decode(self.lines, body, end, &cte, ct.get("charset"));
        let logical = if html {
            html::to_lines(&decoded)
        } else {
            plain_lines(&decoded)
        };
        self.in_signature = false;
        for line in &logical {
            self.body_line(line);
        }
        self.view.blank(line_no(end.saturating_sub(1)));
    }

    /// One decoded body line, split where a sentence starts on another stored
    /// line, so each sentence is cited where its text begins.
    fn body_line(&mut self, line: &Logical) {
        let first = line.marks.first().map_or(1, |m| m.1);
        let text = line.text.trim_end();
        if text.trim().is_empty() {
            self.view.blank(first);
            return;
        }
        if text == "--" {
            // The signature delimiter (RFC 3676 4.3): what follows is not a
            // statement until a quote or another message starts.
            self.in_signature = true;
            return;
        }
        if self.in_signature {
            if !ends_signature(text) {
                return;
            }
            self.in_signature = false;
        }
        for (piece, stored) in pieces(line) {
            let piece = outlook_address(&piece);
            self.view.line(&crate::text::sanitize(&piece), stored);
            self.written += 1;
        }
    }
}

/// A header name as mail writes it.
fn header_name(key: &str) -> &'static str {
    match key {
        "from" => "From",
        "to" => "To",
        "cc" => "Cc",
        "date" => "Date",
        _ => "Subject",
    }
}

/// What ends a signature: a quoted line, an `On ... wrote:` attribution, an
/// Outlook or forwarded header block.
fn ends_signature(text: &str) -> bool {
    text.starts_with('>')
        || text.starts_with("On ")
        || text.starts_with("From:")
        || text.starts_with("-----")
        || text.starts_with("_____")
        || text.starts_with("Begin forwarded")
}

/// Outlook quotes an address as `Name [mailto:addr]`; the people scan reads
/// `Name <addr>`.
fn outlook_address(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("[mailto:") {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("[mailto:") {
        let Some(close) = rest[at..].find(']') else {
            break;
        };
        out.push_str(&rest[..at]);
        out.push('<');
        out.push_str(&rest[at + 8..at + close]);
        out.push('>');
        rest = &rest[at + close + 1..];
    }
    out.push_str(rest);
    out.into()
}

/// The decoded text's lines, each with the marks of the stored lines it spans.
fn plain_lines(dec: &transfer::Decoded) -> Vec<Logical> {
    let mut out = Vec::new();
    let mut k = 0;
    let mut from = 0;
    let text = &dec.text;
    while from < text.len() {
        let to = text[from..].find('\n').map_or(text.len(), |n| from + n);
        let line = &text[from..to];
        let line = line.strip_suffix('\r').unwrap_or(line);
        // The mark in force at the line's first character, then those inside it.
        while k + 1 < dec.marks.len() && dec.marks[k + 1].0 <= from {
            k += 1;
        }
        let mut marks = vec![(0, dec.marks.get(k).map_or(1, |m| m.1))];
        let mut j = k + 1;
        while j < dec.marks.len() && dec.marks[j].0 < to {
            let (o, l) = dec.marks[j];
            if marks.last().is_some_and(|m| m.0 == o - from) {
                marks.pop();
            }
            marks.push((o - from, l));
            j += 1;
        }
        out.push(Logical {
            text: line.to_string(),
            marks,
        });
        from = to + 1;
    }
    out
}
