//! Documents built in test code (nothing can be downloaded): a small PDF
//! writer (objects, xref, Helvetica, text placed with `Tm`, `Td`, `T*`, `Tj`)
//! and a DOCX writer (a zip of WordprocessingML). The documents committed
//! from them are in [`committed`].

mod committed;
mod corpus;

pub use committed::*;
pub use corpus::*;

use std::fmt::Write as _;
use std::io::Write as _;

/// One line of Helvetica (`/F1`) at `x`, `y`, placed with `Tm`.
pub fn text(x: f32, y: f32, size: f32, s: &str) -> String {
    format!("BT /F1 {size} Tf 1 0 0 1 {x} {y} Tm ({}) Tj ET\n", esc(s))
}

/// Lines of a paragraph from `x`, `y` down, placed with `Td` and `T*`.
pub fn para(x: f32, y: f32, size: f32, lines: &[&str]) -> String {
    let mut out = format!("BT /F1 {size} Tf {} TL {x} {y} Td\n", size * 1.25);
    for (i, l) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str("T* ");
        }
        let _ = writeln!(out, "({}) Tj", esc(l));
    }
    out.push_str("ET\n");
    out
}

/// PDF string escaping, text in WinAnsi (the font's encoding).
fn esc(s: &str) -> String {
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(s);
    let mut out = String::new();
    for &b in bytes.iter() {
        match b {
            b'(' | b')' | b'\\' => {
                out.push('\\');
                out.push(char::from(b));
            }
            32..=126 => out.push(char::from(b)),
            _ => {
                let _ = write!(out, "\\{b:03o}");
            }
        }
    }
    out
}

/// Options of [`pdf_with`].
#[derive(Default, Clone, Copy)]
pub struct PdfOptions {
    /// Content streams Flate-compressed, as real writers do.
    pub compress: bool,
    /// An `/Encrypt` entry whose password check fails.
    pub encrypted: bool,
}

/// A PDF of US-Letter pages, each drawn by one content stream. `/F1` is
/// Helvetica (WinAnsi), `/F2` maps codes 1 and 2 to the ligatures "fi" and
/// "fl", `/Im1` is a 1x1 image.
pub fn pdf(pages: &[String]) -> Vec<u8> {
    pdf_with(pages, PdfOptions::default())
}

pub fn pdf_with(pages: &[String], opt: PdfOptions) -> Vec<u8> {
    let n = pages.len();
    let first_page = 6;
    let mut objects: Vec<Vec<u8>> = Vec::new();
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    let kids: Vec<String> = (0..n)
        .map(|i| format!("{} 0 R", first_page + 2 * i))
        .collect();
    objects.push(format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")).into_bytes());
    objects.push(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    );
    objects.push(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding << /Type /Encoding \
          /BaseEncoding /WinAnsiEncoding /Differences [1 /fi /fl] >> >>"
            .to_vec(),
    );
    objects.push(stream(
        "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray \
         /BitsPerComponent 8",
        b"\x80",
        false,
    ));
    for (i, content) in pages.iter().enumerate() {
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font \
                 << /F1 3 0 R /F2 4 0 R >> /XObject << /Im1 5 0 R >> >> /Contents {} 0 R >>",
                first_page + 2 * i + 1
            )
            .into_bytes(),
        );
        objects.push(stream("", content.as_bytes(), opt.compress));
    }
    let mut trailer_extra = String::new();
    if opt.encrypted {
        objects.push(
            format!(
                "<< /Filter /Standard /V 1 /R 2 /O <{0}> /U <{0}> /P -4 >>",
                "ab".repeat(32)
            )
            .into_bytes(),
        );
        let _ = write!(
            trailer_extra,
            " /Encrypt {} 0 R /ID [<0123456789abcdef0123456789abcdef> \
             <0123456789abcdef0123456789abcdef>]",
            objects.len()
        );
    }
    assemble(&objects, &trailer_extra)
}

/// A stream object with its `/Length` (and `/Filter` when compressed).
pub fn stream(dict: &str, data: &[u8], compress: bool) -> Vec<u8> {
    let (data, filter) = if compress {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(data).unwrap();
        (z.finish().unwrap(), " /Filter /FlateDecode")
    } else {
        (data.to_vec(), "")
    };
    let mut out = format!("<< {dict} /Length {}{filter} >>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(&data);
    out.extend_from_slice(b"\nendstream");
    out
}

/// Objects numbered from 1, an xref table with their offsets, the trailer.
pub fn assemble(objects: &[Vec<u8>], trailer_extra: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for o in offsets {
        let _ = writeln!(table, "{o:010} 00000 n ");
    }
    let _ = write!(
        table,
        "trailer\n<< /Size {} /Root 1 0 R{trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    );
    out.extend_from_slice(table.as_bytes());
    out
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A DOCX holding `body` (WordprocessingML inside `w:body`) and, when given,
/// `styles` (inside `w:styles`).
pub fn docx(body: &str, styles: Option<&str>) -> Vec<u8> {
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document \
         xmlns:w=\"{W}\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">\
         <w:body>{body}</w:body></w:document>"
    );
    let mut parts: Vec<(&str, Vec<u8>)> = vec![
        (
            "[Content_Types].xml",
            b"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>".to_vec(),
        ),
        ("word/document.xml", document.into_bytes()),
        (
            "word/header1.xml",
            format!("<w:hdr xmlns:w=\"{W}\"><w:p><w:r><w:t>CONFIDENTIAL header</w:t></w:r></w:p></w:hdr>").into_bytes(),
        ),
    ];
    if let Some(s) = styles {
        parts.push((
            "word/styles.xml",
            format!("<w:styles xmlns:w=\"{W}\">{s}</w:styles>").into_bytes(),
        ));
    }
    zip_of(&parts)
}

/// A zip of `(name, bytes)` entries, deflated; deterministic (no clock).
pub fn zip_of(parts: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(false);
    for (name, bytes) in parts {
        w.start_file(*name, opts).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// A paragraph of one run.
pub fn p(s: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{s}</w:t></w:r></w:p>")
}
