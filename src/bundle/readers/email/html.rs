//! An HTML body as the lines of plain mail: block tags break lines, `<p>` and
//! `<br><br>` break paragraphs, `<blockquote>` (how Gmail, Apple Mail and
//! Thunderbird quote a reply) is a `>` quote depth, `<li>` a `- ` bullet;
//! `<head>`, `<style>`, `<script>` and signature blocks hold no statements.
//! One pass over the text, each tag read once.

use super::Logical;
use super::transfer::Decoded;

/// Deeper quotes than this are read at this depth.
const MAX_DEPTH: usize = 32;

/// Tags that hold no text for a reader; their contents are skipped to the
/// matching end tag.
const HIDDEN: [&str; 5] = ["head", "title", "style", "script", "template"];

/// Tags whose contents are not markup (a `<` there is text): skipped by a
/// search for their end tag alone.
const RAW: [&str; 2] = ["style", "script"];

/// Tags that start a new line.
#[rustfmt::skip]
const BLOCKS: &[&str] = &[
    "div", "tr", "table", "ul", "ol", "dl", "dt", "dd", "hr", "pre", "section", "article",
    "header", "footer", "address", "center", "form", "fieldset", "figure", "figcaption", "main",
    "nav", "aside", "tbody", "thead",
];

/// Tags that close a paragraph.
const PARAGRAPHS: [&str; 7] = ["p", "h1", "h2", "h3", "h4", "h5", "h6"];

/// The text lines of the HTML in `dec`, each mapped to stored lines.
pub(super) fn to_lines(dec: &Decoded) -> Vec<Logical> {
    let mut c = Conv {
        dec,
        mark: 0,
        out: Vec::new(),
        cur: Logical::default(),
        depth: 0,
        line_depth: 0,
        space: false,
        bullet: false,
        pre: 0,
        skip: None,
    };
    c.run();
    c.newline();
    c.out
}

struct Conv<'d> {
    dec: &'d Decoded,
    /// Index of the mark of the last source offset looked up: offsets only
    /// grow, so the look-up walks forward.
    mark: usize,
    out: Vec<Logical>,
    /// The line being built, without its quote prefix.
    cur: Logical,
    depth: usize,
    /// The quote depth the current line started at.
    line_depth: usize,
    /// A blank is owed before the next text on this line.
    space: bool,
    /// A `- ` is owed before the next text (inside `<li>`).
    bullet: bool,
    /// Inside `<pre>`: blanks and line breaks are kept.
    pre: usize,
    /// Inside an element whose text is skipped: its name and nesting.
    skip: Option<(String, usize)>,
}

impl Conv<'_> {
    fn run(&mut self) {
        let text = &self.dec.text;
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'<' if b
                    .get(i + 1)
                    .is_some_and(|&n| n.is_ascii_alphabetic() || n == b'/') =>
                {
                    i = self.tag(i);
                }
                b'<' if text[i..].starts_with("<!--") => {
                    i = text[i + 4..].find("-->").map_or(b.len(), |e| i + 4 + e + 3);
                }
                b'<' if matches!(b.get(i + 1), Some(b'!' | b'?')) => {
                    i = text[i..].find('>').map_or(b.len(), |e| i + e + 1);
                }
                b'&' if self.skip.is_none() => {
                    let (s, len) = entity(&text[i..]);
                    for ch in s.chars() {
                        self.push(ch, i);
                    }
                    i += len;
                }
                _ => {
                    let ch = text[i..].chars().next().unwrap_or(' ');
                    if self.skip.is_none() {
                        self.push(ch, i);
                    }
                    i += ch.len_utf8();
                }
            }
        }
    }

    /// Read the tag at `i` and act on it; returns where reading goes on.
    fn tag(&mut self, i: usize) -> usize {
        let text = &self.dec.text;
        let b = text.as_bytes();
        let close = b[i + 1] == b'/';
        let name_at = i + 1 + usize::from(close);
        let name_len = b[name_at..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b':' || **c == b'-')
            .count();
        let name = text[name_at..name_at + name_len].to_ascii_lowercase();
        // The tag ends at the first `>` outside a quoted attribute value.
        let mut quote = None;
        let mut end = b.len();
        for (j, &c) in b.iter().enumerate().skip(name_at + name_len) {
            match (quote, c) {
                (None, b'"' | b'\'') => quote = Some(c),
                (Some(q), _) if c == q => quote = None,
                (None, b'>') => {
                    end = j;
                    break;
                }
                _ => {}
            }
        }
        let attrs = &text[name_at + name_len..end];
        let next = (end + 1).min(b.len());
        let self_closing = attrs.trim_end().ends_with('/');
        if let Some((skipped, nesting)) = &mut self.skip {
            // `</head>` may be left out: the body ends the head.
            if *skipped == "head" && name == "body" && !close {
                self.skip = None;
                return next;
            }
            if *skipped == name && !self_closing {
                if close {
                    *nesting -= 1;
                    if *nesting == 0 {
                        self.skip = None;
                    }
                } else {
                    *nesting += 1;
                }
            }
            return next;
        }
        if !close && RAW.contains(&name.as_str()) {
            return end_tag(text, next, &name).unwrap_or(b.len());
        }
        if !close
            && !self_closing
            && (HIDDEN.contains(&name.as_str()) || is_signature(&name, attrs))
        {
            self.skip = Some((name, 1));
            return next;
        }
        let at = i;
        match name.as_str() {
            "br" => self.br(at),
            "blockquote" => {
                self.newline();
                self.depth = if close {
                    self.depth.saturating_sub(1)
                } else {
                    (self.depth + 1).min(MAX_DEPTH)
                };
            }
            "li" => {
                self.newline();
                self.bullet = !close;
            }
            "pre" => {
                self.newline();
                self.pre = if close {
                    self.pre.saturating_sub(1)
                } else {
                    self.pre + 1
                };
            }
            "td" | "th" => self.space = !self.cur.text.is_empty(),
            n if PARAGRAPHS.contains(&n) => {
                if close {
                    self.paragraph(at);
                } else {
                    self.newline();
                }
            }
            n if BLOCKS.contains(&n) => self.newline(),
            _ => {}
        }
        next
    }

    /// One character of text at source offset `src`.
    fn push(&mut self, ch: char, src: usize) {
        if self.pre > 0 && ch == '\n' {
            self.br(src);
            return;
        }
        let ch = if ch == '\u{a0}' { ' ' } else { ch };
        if ch.is_whitespace() && self.pre == 0 {
            self.space = !self.cur.text.is_empty();
            return;
        }
        if self.cur.text.is_empty() {
            self.line_depth = self.depth;
            self.space = false;
        }
        let line = self.line_at(src);
        if self.cur.marks.last().is_none_or(|&(_, l)| l != line) {
            self.cur.marks.push((self.cur.text.len(), line));
        }
        if self.bullet {
            self.cur.text.push_str("- ");
            self.bullet = false;
        }
        if self.space {
            self.cur.text.push(' ');
            self.space = false;
        }
        self.cur.text.push(ch);
    }

    fn line_at(&mut self, src: usize) -> u32 {
        let marks = &self.dec.marks;
        while self.mark + 1 < marks.len() && marks[self.mark + 1].0 <= src {
            self.mark += 1;
        }
        marks.get(self.mark).map_or(1, |m| m.1)
    }

    /// End the current line, if it holds text.
    fn newline(&mut self) {
        self.space = false;
        let len = self.cur.text.trim_end().len();
        if len == 0 {
            self.cur = Logical::default();
            return;
        }
        let mut line = std::mem::take(&mut self.cur);
        line.text.truncate(len);
        if self.line_depth > 0 {
            let prefix = format!("{} ", ">".repeat(self.line_depth));
            line.text.insert_str(0, &prefix);
            for m in &mut line.marks[1..] {
                m.0 += prefix.len();
            }
        }
        self.out.push(line);
    }

    /// `<br>`: ends a line with text, or makes a blank line after one.
    fn br(&mut self, src: usize) {
        if self.cur.text.is_empty() {
            self.paragraph(src);
        } else {
            self.newline();
        }
    }

    /// A paragraph break: the line ends and one blank line (a `>` line inside
    /// a quote) follows.
    fn paragraph(&mut self, src: usize) {
        self.newline();
        let blank = ">".repeat(self.depth);
        if self.out.last().is_some_and(|l| l.text != blank) {
            let line = self.line_at(src);
            self.out.push(Logical {
                text: blank,
                marks: vec![(0, line)],
            });
        }
    }
}

/// A signature block by its markup: Gmail's `<div class="gmail_signature">`,
/// Outlook's `<div id="Signature">`. Only elements that have an end tag
/// (not an `<img src="signature.png">`) are skipped to it.
fn is_signature(name: &str, attrs: &str) -> bool {
    matches!(name, "div" | "table" | "span" | "section" | "p" | "td")
        && attrs.len() < 4096
        && attrs.to_ascii_lowercase().contains("signature")
}

/// Where the text after `</name>` starts, searching from `from`.
fn end_tag(text: &str, from: usize, name: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = from;
    while let Some(lt) = text[i..].find("</") {
        let at = i + lt + 2;
        if b.len() >= at + name.len()
            && b[at..at + name.len()].eq_ignore_ascii_case(name.as_bytes())
        {
            return Some(text[at..].find('>').map_or(b.len(), |e| at + e + 1));
        }
        i = at;
    }
    None
}

/// The text of the entity `s` starts with (`&amp;`, `&#8217;`, `&#x2019;`)
/// and its length; a lone `&` is itself.
fn entity(s: &str) -> (String, usize) {
    let lone = ("&".to_string(), 1);
    let Some(semi) = s.as_bytes().iter().take(12).position(|&b| b == b';') else {
        return lone;
    };
    let name = &s[1..semi];
    let ch = if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(h) => u32::from_str_radix(h, 16).ok(),
            None => num.parse().ok(),
        };
        n.and_then(char::from_u32)
            .map(|c| if c == '\0' { '\u{fffd}' } else { c })
    } else {
        named(name)
    };
    match ch {
        Some(c) => (c.to_string(), semi + 1),
        None => lone,
    }
}

#[rustfmt::skip]
fn named(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&', "lt" => '<', "gt" => '>', "quot" => '"', "apos" => '\'',
        "nbsp" => '\u{a0}', "rsquo" => '\u{2019}', "lsquo" => '\u{2018}',
        "rdquo" => '\u{201d}', "ldquo" => '\u{201c}', "mdash" => '\u{2014}',
        "ndash" => '\u{2013}', "hellip" => '\u{2026}', "euro" => '€', "pound" => '£',
        "yen" => '¥', "cent" => '¢', "copy" => '©', "reg" => '®', "trade" => '™',
        "bull" => '•', "middot" => '·', "times" => '×', "deg" => '°', "sect" => '§',
        "eacute" => 'é', "egrave" => 'è', "aacute" => 'á', "agrave" => 'à',
        "uuml" => 'ü', "ouml" => 'ö', "auml" => 'ä', "szlig" => 'ß', "ccedil" => 'ç',
        "ntilde" => 'ñ', "zwnj" => '\u{200c}', "shy" => '\u{ad}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(html: &str) -> Vec<(String, u32)> {
        let mut dec = Decoded::default();
        for (i, l) in html.split('\n').enumerate() {
            dec.marks.push((dec.text.len(), i as u32 + 1));
            dec.text.push_str(l);
            dec.text.push('\n');
        }
        to_lines(&dec)
            .into_iter()
            .map(|l| (l.text, l.marks[0].1))
            .collect()
    }

    #[test]
    fn blocks_quotes_entities_and_hidden_parts() {
        let html = "<html><head><title>T</title><style>p{color:red}</style></head>\n\
                    <body><div>Hi Ines,</div><div><br></div>\n\
                    <div>We&rsquo;ll send the\n  connector by 3&nbsp;March.</div>\n\
                    <script>if (a<b) x()</script>\n\
                    <div class=\"gmail_quote\"><div class=\"gmail_attr\">On Mon, Ines Varga &lt;ines@k.example&gt; wrote:<br></div>\n\
                    <blockquote class=\"gmail_quote\"><div>We'll send over our API keys.</div>\n\
                    <ul><li>One</li><li>Two</li></ul></blockquote></div>\n\
                    <div class=\"gmail_signature\"><div>Dana | AE</div></div>\n\
                    <p>After &amp; done &#8212; &#x2019; &bogus; a < b</p></body></html>";
        let got = lines(html);
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Hi Ines,",
                "",
                "We\u{2019}ll send the connector by 3 March.",
                "On Mon, Ines Varga <ines@k.example> wrote:",
                "> We'll send over our API keys.",
                "> - One",
                "> - Two",
                "After & done \u{2014} \u{2019} &bogus; a < b",
                "",
            ]
        );
        assert_eq!(got[2].1, 3);
        assert_eq!((got[3].1, got[4].1), (6, 7));
    }

    #[test]
    fn outlook_reply_and_unclosed_head() {
        let html = "<html><head><meta charset=utf-8><style><!-- p.MsoNormal {margin:0} --></style>\n\
                    <body lang=EN-GB><div class=WordSection1><p class=MsoNormal>We accept the term.<o:p></o:p></p>\n\
                    <p class=MsoNormal><o:p>&nbsp;</o:p></p><img src=\"signature.png\">\n\
                    <div style='border:none;border-top:solid #E1E1E1 1.0pt'><p class=MsoNormal><b>From:</b> Dana Whitfield &lt;dana@v.example&gt;<br>\n\
                    <b>Sent:</b> Monday, October 5, 2026 4:01 PM<br><b>Subject:</b> Pricing<o:p></o:p></p></div>\n\
                    <!--[if gte mso 9]><xml>x</xml><![endif]--><p class=MsoNormal>We will hold the discount.</p></div></body></html>";
        let got = lines(html);
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "We accept the term.",
                "",
                "From: Dana Whitfield <dana@v.example>",
                "Sent: Monday, October 5, 2026 4:01 PM",
                "Subject: Pricing",
                "",
                "We will hold the discount.",
                "",
            ]
        );
        assert_eq!(got[2].1, 4);
        assert_eq!(got[6].1, 6);
    }

    #[test]
    fn broken_html_never_panics() {
        let html = "<div a=\"x>y\">é<b>&#x110000; &#0; <!-- c <p>z</p> <blockquote></blockquote></blockquote>";
        for cut in 0..=html.len() {
            if html.is_char_boundary(cut) {
                let _ = lines(&html[..cut]);
            }
        }
    }
}
