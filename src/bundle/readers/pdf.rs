//! PDF text: the glyphs each page's content stream places, with their
//! positions, laid out again as plain text by [`super::pdf_layout`].
//!
//! `lopdf` parses the file (xref, objects, filters, font encodings and
//! `ToUnicode` maps); the content streams are interpreted here rather than by
//! a text-extraction crate because reading two columns one after the other,
//! and dropping running headers, needs every glyph's position, and because a
//! hostile file must not be able to recurse (a form drawing itself) or
//! multiply work (forms drawing forms a thousand times each) without bound.

use super::Unreadable;
use super::pdf_layout::{Glyph, Page, layout};
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, Object};
use std::collections::HashMap;
use std::io::Read;

/// Larger files are refused before parsing: no deal document is this big.
pub const MAX_PDF_BYTES: usize = 64 << 20;
/// All Flate streams of a file together may inflate to this much; past it the
/// file is a compression bomb, not a contract.
const MAX_INFLATED: u64 = 128 << 20;
const MAX_PAGES: usize = 5_000;
/// Forms drawn inside forms: real files nest two or three deep.
const MAX_FORM_DEPTH: usize = 8;
const MAX_SAVED_STATES: usize = 256;
/// Operators interpreted in the whole file, forms counted each time drawn.
const MAX_OPERATIONS: u64 = 50_000_000;
const MAX_GLYPHS: usize = 8_000_000;

/// The text of a PDF, laid out as plain text.
pub fn extract(bytes: &[u8]) -> Result<String, Unreadable> {
    if bytes.len() > MAX_PDF_BYTES {
        return Err(Unreadable::new(format!(
            "a PDF larger than {} MB",
            MAX_PDF_BYTES >> 20
        )));
    }
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(Unreadable::new("not a PDF: no %PDF- header"));
    }
    check_inflated_size(bytes)?;
    // lopdf returns errors for what it recognises as broken; a panic on a
    // shape it did not foresee must still not take the import down with it.
    let parsed = super::quiet::catch_quietly(|| Document::load_mem(bytes));
    let doc = match parsed {
        Ok(Ok(doc)) => doc,
        Ok(Err(e)) => return Err(load_error(bytes, &e)),
        Err(_) => {
            return Err(Unreadable::new(
                "a broken PDF: its structure cannot be parsed",
            ));
        }
    };
    if doc.is_encrypted() && !doc.was_encrypted() {
        return Err(Unreadable::new("encrypted PDF: it needs a password"));
    }
    let pages = super::quiet::catch_quietly(|| read_pages(&doc))
        .map_err(|_| Unreadable::new("a broken PDF: a page cannot be interpreted"))??;
    if pages.iter().all(Page::is_empty) {
        let why = if pages.iter().any(|p| p.has_image) {
            "an image-only PDF: no text to extract"
        } else {
            "a PDF with no text to extract"
        };
        return Err(Unreadable::new(why));
    }
    Ok(layout(&pages))
}

fn load_error(bytes: &[u8], e: &lopdf::Error) -> Unreadable {
    let encrypted = matches!(
        e,
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword
    ) || bytes.windows(8).any(|w| w == b"/Encrypt");
    if encrypted {
        return Unreadable::new("encrypted PDF: it needs a password");
    }
    let msg = e.to_string();
    let msg = msg.lines().next().unwrap_or("").trim();
    Unreadable::new(format!("a broken PDF: {msg}"))
}

/// Inflate every `stream` of the raw file into a counting sink, before lopdf
/// inflates any of them (object streams on load, content streams here) into
/// memory: a few KB can inflate to gigabytes.
fn check_inflated_size(bytes: &[u8]) -> Result<(), Unreadable> {
    let mut total: u64 = 0;
    let mut at = 0;
    while let Some(pos) = find(&bytes[at..], b"stream") {
        let start = at + pos + b"stream".len();
        at = start;
        let body = match bytes.get(start..) {
            Some([b'\r', b'\n', rest @ ..]) | Some([b'\n', rest @ ..]) => rest,
            _ => continue, // "endstream", or the word inside some text
        };
        // A zlib header: CMF 0x?8, and (CMF*256 + FLG) divisible by 31.
        let [cmf, flg, ..] = body else { continue };
        if cmf & 0x0f != 8 || (u16::from(*cmf) * 256 + u16::from(*flg)) % 31 != 0 {
            continue;
        }
        let room = MAX_INFLATED - total;
        let mut inflater = flate2::read::ZlibDecoder::new(body).take(room + 1);
        let n = std::io::copy(&mut inflater, &mut std::io::sink()).unwrap_or(0);
        total += n;
        if total > MAX_INFLATED {
            return Err(Unreadable::new(format!(
                "a PDF whose streams inflate to more than {} MB (a compression bomb?)",
                MAX_INFLATED >> 20
            )));
        }
    }
    Ok(())
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn read_pages(doc: &Document) -> Result<Vec<Page>, Unreadable> {
    let ids = doc.get_pages();
    if ids.len() > MAX_PAGES {
        return Err(Unreadable::new(format!(
            "a PDF of more than {MAX_PAGES} pages"
        )));
    }
    let mut run = Interpreter {
        doc,
        fonts: Vec::new(),
        index: HashMap::new(),
        budget: Budget::default(),
    };
    let mut pages = Vec::with_capacity(ids.len());
    for (_, id) in ids {
        let mut page = Page::default();
        let Ok(dict) = doc.get_dictionary(id) else {
            pages.push(page);
            continue;
        };
        let resources = page_resources(doc, dict);
        let content = doc.get_page_content(id).unwrap_or_default();
        run.stream(&content, resources, Matrix::IDENTITY, 0, &mut page)?;
        pages.push(page);
    }
    Ok(pages)
}

/// A page's resources, inherited from the page tree when the page has none.
fn page_resources<'a>(doc: &'a Document, mut dict: &'a Dictionary) -> Option<&'a Dictionary> {
    for _ in 0..32 {
        if let Ok(res) = dict.get(b"Resources") {
            return deref(doc, res).and_then(|o| o.as_dict().ok());
        }
        dict = deref(doc, dict.get(b"Parent").ok()?)?.as_dict().ok()?;
    }
    None
}

fn deref<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Object> {
    doc.dereference(obj).ok().map(|(_, o)| o)
}

/// A PDF transformation matrix `[a b c d e f]` (row-vector convention).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix([f32; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn translate(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// `self` applied first, then `then`.
    fn then(self, then: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = then.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }
}

/// The graphics and text state that `q`/`Q` save and restore.
#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<usize>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
    rise: f32,
}

struct Font<'a> {
    encoding: Option<Encoding<'a>>,
    /// Composite fonts (Type0) use two-byte codes.
    two_byte: bool,
    widths: Widths,
}

enum Widths {
    /// `/FirstChar` and `/Widths`, in thousandths of the font size.
    Simple {
        first: u32,
        widths: Vec<f32>,
        missing: f32,
    },
    /// A CID font's `/W` ranges and default width.
    Cid {
        ranges: Vec<(u32, u32, f32)>,
        default: f32,
    },
    /// A standard font without widths in the file: Helvetica's metrics,
    /// near enough for Arial and Times to tell a word gap from a glyph gap.
    Standard { fixed: bool },
}

impl Widths {
    fn of(&self, code: u32) -> f32 {
        match self {
            Widths::Simple {
                first,
                widths,
                missing,
            } => code
                .checked_sub(*first)
                .and_then(|i| widths.get(i as usize))
                .copied()
                .unwrap_or(*missing),
            // Sorted by first code (see `cid_widths`): a binary search.
            Widths::Cid { ranges, default } => {
                let i = ranges.partition_point(|r| r.0 <= code);
                ranges[..i]
                    .last()
                    .filter(|r| code <= r.1)
                    .map_or(*default, |r| r.2)
            }
            Widths::Standard { fixed: true } => 600.0,
            Widths::Standard { fixed: false } => {
                let i = code.wrapping_sub(32) as usize;
                HELVETICA.get(i).map_or(556.0, |&w| f32::from(w))
            }
        }
    }
}

/// Helvetica's advance widths for codes 32..=126 (the standard AFM).
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

struct Interpreter<'a> {
    doc: &'a Document,
    /// Every font met so far, parsed once.
    fonts: Vec<Font<'a>>,
    /// Index in `fonts` by the address of the font's dictionary in `doc`.
    index: HashMap<usize, usize>,
    budget: Budget,
}

/// Work done in the whole file, against [`MAX_OPERATIONS`] and [`MAX_GLYPHS`].
#[derive(Default)]
struct Budget {
    operations: u64,
    glyphs: usize,
}

impl<'a> Interpreter<'a> {
    fn stream(
        &mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        ctm: Matrix,
        depth: usize,
        page: &mut Page,
    ) -> Result<(), Unreadable> {
        // A content stream lopdf cannot tokenise yields no text, not an error:
        // the other pages may still be read.
        let Ok(content) = Content::decode(content) else {
            return Ok(());
        };
        let mut st = State {
            ctm,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        };
        let mut saved: Vec<State> = Vec::new();
        let (mut tm, mut tlm) = (Matrix::IDENTITY, Matrix::IDENTITY);
        for op in &content.operations {
            self.budget.operations += 1;
            if self.budget.operations > MAX_OPERATIONS {
                return Err(Unreadable::new(
                    "a PDF too complex to read (over 50 million drawing operations)",
                ));
            }
            let n = |i: usize| num(op.operands.get(i));
            match op.operator.as_str() {
                "q" if saved.len() < MAX_SAVED_STATES => saved.push(st.clone()),
                "Q" => {
                    if let Some(s) = saved.pop() {
                        st = s;
                    }
                }
                "cm" => st.ctm = matrix(&op.operands).then(st.ctm),
                "BT" => (tm, tlm) = (Matrix::IDENTITY, Matrix::IDENTITY),
                "Tf" => {
                    st.size = n(1);
                    st.font = op
                        .operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|name| self.font(resources, name));
                }
                "Tc" => st.char_spacing = n(0),
                "Tw" => st.word_spacing = n(0),
                "Tz" => st.scale = n(0) / 100.0,
                "TL" => st.leading = n(0),
                "Ts" => st.rise = n(0),
                "Td" | "TD" => {
                    if op.operator == "TD" {
                        st.leading = -n(1);
                    }
                    tlm = Matrix::translate(n(0), n(1)).then(tlm);
                    tm = tlm;
                }
                "Tm" => {
                    tlm = matrix(&op.operands);
                    tm = tlm;
                }
                "T*" | "'" | "\"" => {
                    if op.operator == "\"" {
                        st.word_spacing = n(0);
                        st.char_spacing = n(1);
                    }
                    tlm = Matrix::translate(0.0, -st.leading).then(tlm);
                    tm = tlm;
                    if let Some(Object::String(s, _)) = op.operands.last() {
                        self.show(s, &st, &mut tm, page)?;
                    }
                }
                "Tj" => {
                    if let Some(Object::String(s, _)) = op.operands.first() {
                        self.show(s, &st, &mut tm, page)?;
                    }
                }
                "TJ" => {
                    let items = op.operands.first().and_then(|o| o.as_array().ok());
                    for item in items.into_iter().flatten() {
                        match item {
                            Object::String(s, _) => self.show(s, &st, &mut tm, page)?,
                            other => {
                                let adjust = num(Some(other));
                                let tx = -adjust / 1000.0 * st.size * st.scale;
                                tm = Matrix::translate(tx, 0.0).then(tm);
                            }
                        }
                    }
                }
                "Do" => self.draw(op.operands.first(), resources, &st, depth, page)?,
                "BI" | "EI" => page.has_image = true,
                _ => {}
            }
        }
        Ok(())
    }

    /// `Do`: an image only marks the page; a form's content is interpreted
    /// in place, at most [`MAX_FORM_DEPTH`] forms deep.
    fn draw(
        &mut self,
        name: Option<&Object>,
        resources: Option<&'a Dictionary>,
        st: &State,
        depth: usize,
        page: &mut Page,
    ) -> Result<(), Unreadable> {
        let doc = self.doc;
        let Some(stream) = name
            .and_then(|n| n.as_name().ok())
            .and_then(|n| resources?.get(b"XObject").ok().map(|x| (n, x)))
            .and_then(|(n, x)| deref(doc, x)?.as_dict().ok()?.get(n).ok())
            .and_then(|o| deref(doc, o)?.as_stream().ok())
        else {
            return Ok(());
        };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => page.has_image = true,
            Ok(b"Form") if depth < MAX_FORM_DEPTH => {
                let content = stream
                    .decompressed_content()
                    .unwrap_or_else(|_| stream.content.clone());
                let own = stream
                    .dict
                    .get(b"Resources")
                    .ok()
                    .and_then(|r| deref(doc, r)?.as_dict().ok());
                let form_matrix = stream
                    .dict
                    .get(b"Matrix")
                    .and_then(Object::as_array)
                    .map_or(Matrix::IDENTITY, |m| matrix(m));
                let ctm = form_matrix.then(st.ctm);
                self.stream(&content, own.or(resources), ctm, depth + 1, page)?;
            }
            _ => {}
        }
        Ok(())
    }

    /// The index in `fonts` of the font `name` in `resources`.
    fn font(&mut self, resources: Option<&'a Dictionary>, name: &[u8]) -> Option<usize> {
        let doc = self.doc;
        let dict = deref(doc, resources?.get(b"Font").ok()?)?
            .as_dict()
            .ok()?
            .get(name)
            .ok()
            .and_then(|o| deref(doc, o)?.as_dict().ok())?;
        let key = std::ptr::from_ref(dict) as usize;
        if let Some(&i) = self.index.get(&key) {
            return Some(i);
        }
        self.fonts.push(parse_font(doc, dict));
        let i = self.fonts.len() - 1;
        self.index.insert(key, i);
        Some(i)
    }

    /// Place the glyphs of one string, advancing the text matrix.
    fn show(
        &mut self,
        bytes: &[u8],
        st: &State,
        tm: &mut Matrix,
        page: &mut Page,
    ) -> Result<(), Unreadable> {
        let Some(font) = st.font.and_then(|i| self.fonts.get(i)) else {
            return Ok(());
        };
        let step = if font.two_byte { 2 } else { 1 };
        for code_bytes in bytes.chunks(step) {
            let code = code_bytes
                .iter()
                .fold(0u32, |acc, &b| (acc << 8) | u32::from(b));
            let text = match &font.encoding {
                Some(enc) => enc.bytes_to_string(code_bytes).unwrap_or_default(),
                None => code_bytes.iter().map(|&b| char::from(b)).collect(),
            };
            let glyph_space = Matrix([st.size * st.scale, 0.0, 0.0, st.size, 0.0, st.rise]);
            let user = tm.then(st.ctm);
            let at = glyph_space.then(user);
            let width = font.widths.of(code) / 1000.0;
            let spacing = if step == 1 && code == 32 {
                st.char_spacing + st.word_spacing
            } else {
                st.char_spacing
            };
            let tx = (width * st.size + spacing) * st.scale;
            let x_scale = user.0[0].hypot(user.0[1]);
            if !text.is_empty() {
                self.budget.glyphs += 1;
                if self.budget.glyphs > MAX_GLYPHS {
                    return Err(Unreadable::new("a PDF with too much text to read"));
                }
                page.push(Glyph {
                    x: at.0[4],
                    y: at.0[5],
                    width: width * st.size * st.scale * x_scale,
                    size: at.0[2].hypot(at.0[3]).max(0.1),
                    text: &text,
                });
            }
            *tm = Matrix::translate(tx, 0.0).then(*tm);
        }
        Ok(())
    }
}

fn parse_font<'a>(doc: &'a Document, dict: &'a Dictionary) -> Font<'a> {
    let subtype = dict
        .get(b"Subtype")
        .and_then(Object::as_name)
        .unwrap_or(b"");
    let two_byte = subtype == b"Type0";
    let encoding = dict.get_font_encoding(doc).ok();
    let get = |d: &'a Dictionary, key: &[u8]| d.get(key).ok().and_then(|o| deref(doc, o));
    let widths = if two_byte {
        let cid = get(dict, b"DescendantFonts")
            .and_then(|o| o.as_array().ok())
            .and_then(|a| deref(doc, a.first()?))
            .and_then(|o| o.as_dict().ok());
        let default = cid
            .and_then(|c| get(c, b"DW"))
            .map_or(1000.0, |o| num(Some(o)));
        let ranges = cid
            .and_then(|c| get(c, b"W"))
            .and_then(|o| o.as_array().ok())
            .map(|w| cid_widths(doc, w))
            .unwrap_or_default();
        Widths::Cid { ranges, default }
    } else if let Some(list) = get(dict, b"Widths").and_then(|o| o.as_array().ok()) {
        let first = get(dict, b"FirstChar")
            .map_or(0.0, |o| num(Some(o)))
            .max(0.0) as u32;
        let missing = get(dict, b"FontDescriptor")
            .and_then(|o| o.as_dict().ok())
            .and_then(|d| get(d, b"MissingWidth"))
            .map_or(0.0, |o| num(Some(o)));
        // Type3 glyph widths are in glyph space: FontMatrix scales them.
        let unit = get(dict, b"FontMatrix")
            .and_then(|o| o.as_array().ok())
            .map_or(0.001, |m| num(m.first()).abs());
        let widths = list
            .iter()
            .map(|w| num(deref(doc, w)) * unit * 1000.0)
            .collect();
        Widths::Simple {
            first,
            widths,
            missing,
        }
    } else {
        let base = dict
            .get(b"BaseFont")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        Widths::Standard {
            fixed: base.starts_with(b"Courier"),
        }
    };
    Font {
        encoding,
        two_byte,
        widths,
    }
}

/// A CID font's `/W`: `c [w1 w2 ...]` (consecutive codes from c) or
/// `c_first c_last w` (one width for a range).
fn cid_widths(doc: &Document, w: &[Object]) -> Vec<(u32, u32, f32)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < w.len() && out.len() < 65_536 {
        let first = num(Some(&w[i])).max(0.0) as u32;
        match deref(doc, &w[i + 1]) {
            Some(Object::Array(list)) => {
                for (k, width) in list.iter().enumerate().take(65_536) {
                    let code = first.saturating_add(k as u32);
                    out.push((code, code, num(Some(width))));
                }
                i += 2;
            }
            Some(last) if i + 2 < w.len() => {
                let last = num(Some(last)).max(0.0) as u32;
                out.push((first, last, num(Some(&w[i + 2]))));
                i += 3;
            }
            _ => break,
        }
    }
    out.sort_by_key(|r| r.0);
    out
}

fn num(o: Option<&Object>) -> f32 {
    match o {
        Some(Object::Integer(i)) => *i as f32,
        Some(Object::Real(r)) if r.is_finite() => *r,
        _ => 0.0,
    }
}

fn matrix(ops: &[Object]) -> Matrix {
    if ops.len() < 6 {
        return Matrix::IDENTITY;
    }
    let mut m = [0.0; 6];
    for (slot, o) in m.iter_mut().zip(ops) {
        *slot = num(Some(o));
    }
    Matrix(m)
}

#[cfg(test)]
#[path = "pdf_tests.rs"]
mod tests;
