//! Documents built in test code (nothing can be downloaded): a small PDF
//! writer (objects, xref, Helvetica, text placed with `Tm`, `Td`, `T*`, `Tj`)
//! and a DOCX writer (a zip of WordprocessingML), plus the realistic
//! `order-form.pdf` and `sow.docx` committed under
//! `tests/fixtures/documents/` for other tests, and the signed order form of
//! the `brannock-hotels-procurement` example the demo shows, and the signed
//! scopes of two `corpus/formats-1` bundles (a PDF SOW, a DOCX order form).

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

/// The committed `order-form.pdf`: three pages under a running header and a
/// page-number footer; parties and fees as tables, a word hyphenated across
/// a line end, a two-column terms page.
pub fn order_form_pdf() -> Vec<u8> {
    let header = |n: u32| {
        format!(
            "{}{}",
            text(
                72.0,
                750.0,
                8.0,
                "Northwind Analytics Inc.  |  Order Form NW-2026-0142"
            ),
            text(290.0, 40.0, 8.0, &format!("Page {n} of 3"))
        )
    };
    let mut p1 = header(1);
    p1 += &text(72.0, 700.0, 18.0, "Order Form: Acme Corp analytics rollout");
    p1 += &text(72.0, 670.0, 10.0, "Customer");
    p1 += &text(
        250.0,
        670.0,
        10.0,
        "Acme Corp, 200 Market Street, Springfield",
    );
    p1 += &text(72.0, 655.0, 10.0, "Effective date");
    p1 += &text(250.0, 655.0, 10.0, "2 November 2026");
    p1 += &text(72.0, 640.0, 10.0, "Subscription term");
    p1 += &text(250.0, 640.0, 10.0, "12 months");
    p1 += &text(72.0, 600.0, 13.0, "Scope of services");
    p1 += &para(
        72.0,
        580.0,
        10.0,
        &[
            "Northwind provides the analytics platform for up to 40 named users and",
            "the implementation services below. Implemen-",
            "tation takes eight weeks from the kickoff call to go-live, including",
            "data migra-",
            "tion from the legacy CRM export and two on-",
            "site training sessions for the operations team.",
        ],
    );
    p1 += &para(
        72.0,
        490.0,
        10.0,
        &[
            "The customer provides a named project owner and access to its data",
            "warehouse within five business days of kickoff.",
        ],
    );
    let mut p2 = header(2);
    p2 += &text(72.0, 700.0, 13.0, "Fees");
    p2 += &text(72.0, 680.0, 10.0, "Platform subscription (annual)");
    p2 += &text(350.0, 680.0, 10.0, "USD 36,000");
    p2 += &text(72.0, 665.0, 10.0, "Implementation services (fixed fee)");
    p2 += &text(350.0, 665.0, 10.0, "USD 12,000");
    p2 += &text(72.0, 630.0, 13.0, "Terms");
    let left = [
        "Invoices are payable within thirty days of",
        "the invoice date. Fees exclude taxes, which",
        "the customer pays where they apply.",
        "Support is provided on business days from",
        "9:00 to 17:00 in the customer's time zone.",
    ];
    let right = [
        "Either party may end this order for a",
        "material breach not cured within thirty",
        "days of written notice. Data is returned",
        "or deleted within sixty days of the end",
        "of the subscription term.",
    ];
    // Interleaved in the content stream, as some writers emit two columns.
    for (i, (l, r)) in left.iter().zip(right).enumerate() {
        let y = 610.0 - 13.0 * i as f32;
        p2 += &text(72.0, y, 10.0, l);
        p2 += &text(320.0, y, 10.0, r);
    }
    let mut p3 = header(3);
    p3 += &text(72.0, 700.0, 13.0, "Signatures");
    p3 += &para(
        72.0,
        680.0,
        10.0,
        &[
            "Signed for Acme Corp by Maria Chen, VP Operations, on 2 November 2026.",
            "Signed for Northwind Analytics by Dana Whitfield, Account Executive.",
        ],
    );
    pdf_with(
        &[p1, p2, p3],
        PdfOptions {
            compress: true,
            encrypted: false,
        },
    )
}

/// The committed `sow.docx`: headings, a list, a table, a tracked change.
pub fn sow_docx() -> Vec<u8> {
    let body = [
        "<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t>Statement of Work: Acme Corp</w:t></w:r></w:p>".to_string(),
        "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>Scope</w:t></w:r></w:p>".to_string(),
        "<w:p><w:r><w:t xml:space=\"preserve\">Implementation takes </w:t></w:r><w:del w:id=\"1\" w:author=\"Dana\"><w:r><w:delText>six</w:delText></w:r></w:del><w:ins w:id=\"2\" w:author=\"Dana\"><w:r><w:t>eight</w:t></w:r></w:ins><w:r><w:t xml:space=\"preserve\"> weeks from kickoff.</w:t></w:r></w:p>".to_string(),
        "<w:p><w:pPr><w:pStyle w:val=\"ListBullet\"/></w:pPr><w:r><w:t>Dashboard for the weekly operations review</w:t></w:r></w:p>".to_string(),
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr><w:r><w:t>Two admin training sessions</w:t></w:r></w:p>".to_string(),
        "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t>Milestones</w:t></w:r></w:p>".to_string(),
        "<w:tbl><w:tblPr/><w:tr><w:tc><w:p><w:r><w:t>Milestone</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Week</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>Data migration complete</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>4</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>Go-live</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>8</w:t></w:r></w:p></w:tc></w:tr></w:tbl>".to_string(),
        p("Signed for Acme Corp by Maria Chen &amp; for Northwind by Dana Whitfield."),
    ]
    .concat();
    let styles = "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style>\
        <w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/></w:style>\
        <w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/></w:style>\
        <w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>";
    docx(&body, Some(styles))
}

/// The signed order form of the `brannock-hotels-procurement` example, as the
/// PDF the demo and the examples' gold read: three pages under a running header
/// and a page-number footer; the order's fields and fees as tables, the
/// package and its exclusions as bulleted lists (one item wrapped under its
/// hanging indent), the signatures last.
pub fn brannock_order_form_pdf() -> Vec<u8> {
    let header = |n: u32| {
        format!(
            "{}{}",
            text(
                72.0,
                750.0,
                8.0,
                "Tallyforge Ltd  |  Order Form TF-OF-26-0917"
            ),
            text(290.0, 40.0, 8.0, &format!("Page {n} of 3"))
        )
    };
    // Bulleted items from `y` down: a bullet glyph, the text after a hanging
    // indent, continuation lines under the text.
    let bullets = |y: f32, items: &[&[&str]]| {
        let mut out = String::new();
        let mut y = y;
        for item in items {
            out += &text(80.0, y, 10.0, "\u{2022}");
            out += &para(92.0, y, 10.0, item);
            y -= 12.5 * item.len() as f32 + 3.0;
        }
        out
    };
    let mut p1 = header(1);
    p1 += &text(72.0, 700.0, 18.0, "Tallyforge Order Form");
    p1 += &text(
        72.0,
        680.0,
        10.0,
        "Tallyforge Ltd, 3rd Floor, 21 Quay Street, Manchester M3 3JE",
    );
    let fields = [
        ("Order Form reference", "TF-OF-26-0917"),
        ("Customer", "Brannock Hospitality Group Ltd"),
        (
            "Registered office",
            "Brannock House, 4 Park Row, Leeds LS1 5HD",
        ),
        (
            "Customer signatory",
            "Fiona Marsh-Hale, Chief Financial Officer",
        ),
        ("Effective date", "26 June 2026"),
        ("Subscription term", "12 months from the Effective date"),
        ("Governing terms", "Tallyforge Customer Terms v3.1"),
    ];
    for (i, (k, v)) in fields.iter().enumerate() {
        let y = 650.0 - 15.0 * i as f32;
        p1 += &text(72.0, y, 10.0, k);
        p1 += &text(220.0, y, 10.0, v);
    }
    p1 += &text(72.0, 530.0, 13.0, "1. Subscription");
    let fees = [
        ["Item", "Qty", "Unit price (GBP)", "Line total (GBP)"],
        [
            "Tallyforge Business platform (group licence, up to 15 sites)",
            "1",
            "38,000.00",
            "38,000.00",
        ],
        ["Requester seat", "45", "420.00", "18,900.00"],
        ["Approver seat", "6", "600.00", "3,600.00"],
        [
            "Implementation package (remote)",
            "1",
            "11,000.00",
            "11,000.00",
        ],
        ["Total", "", "", "71,500.00"],
    ];
    for (i, row) in fees.iter().enumerate() {
        let y = 510.0 - 15.0 * i as f32;
        for (cell, x) in row.iter().zip([72.0, 370.0, 405.0, 490.0]) {
            if !cell.is_empty() {
                p1 += &text(x, y, 9.0, cell);
            }
        }
    }
    p1 += &para(
        72.0,
        405.0,
        10.0,
        &[
            "All fees are at list price; no discount applies to this Order Form.",
            "Fees are invoiced annually in advance and payable within 30 days of invoice.",
        ],
    );
    let mut p2 = header(2);
    p2 += &text(72.0, 700.0, 13.0, "2. Implementation package");
    p2 += &bullets(
        680.0,
        &[
            &["Remote kickoff, project plan and weekly status call"],
            &["Supplier catalogue load for up to 60 suppliers from customer-supplied price files"],
            &["Sage 200 connector: supplier master sync and approved-invoice export"],
            &["Single sign-on configuration (Microsoft Entra ID)"],
            &["Four remote training sessions (requesters, approvers, administrators, finance)"],
            &[
                "Estimated implementation period: 12 weeks from kickoff to group-wide go-live,",
                "with a three-hotel pilot completing in weeks 1 to 6",
            ],
        ],
    );
    p2 += &text(72.0, 560.0, 13.0, "3. Not included");
    p2 += &bullets(
        540.0,
        &[
            &[
                "Integration with KitchenLedger or any other stock or recipe-costing system;",
                "available under a separate SOW",
            ],
            &["Supplier onboarding beyond the 60 suppliers listed above"],
            &["On-site training or go-live support"],
            &["Data cleansing of the Sage 200 supplier master"],
        ],
    );
    let mut p3 = header(3);
    p3 += &text(72.0, 700.0, 13.0, "4. Signatures");
    p3 += &para(
        72.0,
        680.0,
        10.0,
        &[
            "Signed for Tallyforge Ltd: Harriet Oduya, Director of Sales Operations, 26 June 2026",
            "Signed for Brannock Hospitality Group Ltd: Fiona Marsh-Hale, CFO, 26 June 2026",
        ],
    );
    pdf_with(
        &[p1, p2, p3],
        PdfOptions {
            compress: true,
            encrypted: false,
        },
    )
}

/// The signed SOW of the corpus bundle `harmon-creek-county-permitting`, as
/// a PDF: three pages under a running header and a "Page N of 3" footer;
/// numbered clauses under a hanging indent, one of them (1.3) wrapped with a
/// word hyphenated across a line end; the schedule and the fees as tables.
/// The words are those of the Markdown SOW it replaced.
pub fn harmon_sow_pdf() -> Vec<u8> {
    let header = |n: u32| {
        format!(
            "{}{}",
            text(
                72.0,
                750.0,
                8.0,
                "Permitline, Inc.  |  Statement of Work  |  Harmon Creek County RFP 2026-14"
            ),
            text(280.0, 40.0, 8.0, &format!("Page {n} of 3"))
        )
    };
    // Numbered clauses from `y` down: the number, the text under a hanging
    // indent; returns the `y` below the last.
    let clauses = |page: &mut String, y: f32, items: &[(&str, &[&str])]| {
        let mut y = y;
        for (number, lines) in items {
            *page += &text(72.0, y, 10.0, number);
            *page += &para(96.0, y, 10.0, lines);
            y -= 12.5 * lines.len() as f32 + 8.0;
        }
        y
    };
    // Table rows from `y` down, a cell at each column's `x`.
    let table = |page: &mut String, y: f32, xs: &[f32], rows: &[&[&str]]| {
        for (i, row) in rows.iter().enumerate() {
            let y = y - 15.0 * i as f32;
            for (cell, x) in row.iter().zip(xs) {
                *page += &text(*x, y, 9.0, cell);
            }
        }
    };
    let mut p1 = header(1);
    p1 += &text(
        72.0,
        700.0,
        18.0,
        "Statement of Work: Permitline Permitting & Inspections",
    );
    p1 += &para(
        72.0,
        670.0,
        10.0,
        &[
            "Customer: Harmon Creek County, Colorado (\"County\")",
            "Vendor: Permitline, Inc. (\"Permitline\")",
            "Effective Date: the date of approval by the Board of County Commissioners",
            "Reference: RFP 2026-14, Community Development permitting and inspections system",
        ],
    );
    p1 += &text(72.0, 600.0, 13.0, "1. Scope of services");
    clauses(
        &mut p1,
        578.0,
        &[
            (
                "1.1",
                &[
                    "Permitline will implement the Permitline Permitting & Inspections subscription for the Community",
                    "Development Department: building, electrical, plumbing, mechanical and right-of-way permits, plan",
                    "review, and field inspections.",
                ],
            ),
            (
                "1.2",
                &[
                    "Integrations included: Esri ArcGIS parcel layer (nightly sync); online payments through the County's",
                    "existing payment processor.",
                ],
            ),
            (
                "1.3",
                &[
                    "Data conversion: active permits and closed permits from the preceding five (5) years will be con-",
                    "verted from the County's IBM i (AS/400) system. Older records are not converted and remain in the",
                    "County's archive.",
                ],
            ),
            (
                "1.4",
                &[
                    "Training: twenty-four (24) hours of remote, instructor-led training, delivered during the",
                    "Implementation Period.",
                ],
            ),
            (
                "1.5",
                &[
                    "Not in scope: code enforcement module; business licensing; Spanish-language citizen portal.",
                ],
            ),
        ],
    );
    let mut p2 = header(2);
    p2 += &text(72.0, 700.0, 13.0, "2. Schedule");
    table(
        &mut p2,
        680.0,
        &[72.0, 260.0, 330.0],
        &[
            &["Phase", "Weeks", "Milestone"],
            &[
                "Discovery and configuration",
                "1-12",
                "Configuration sign-off",
            ],
            &[
                "Data conversion and testing",
                "13-24",
                "Conversion sign-off",
            ],
            &["Training and go-live", "25-30", "Go-Live"],
        ],
    );
    clauses(
        &mut p2,
        610.0,
        &[("2.1", &["Go-Live Date: June 28, 2027."])],
    );
    p2 += &text(72.0, 570.0, 13.0, "3. Fees");
    table(
        &mut p2,
        550.0,
        &[72.0, 330.0, 400.0, 470.0],
        &[
            &["Item", "Year 1", "Year 2", "Year 3"],
            &[
                "Subscription (45 named users, unlimited inspectors)",
                "$72,000",
                "$72,000",
                "$72,000",
            ],
            &[
                "Hosting (Permitline Government Cloud, US)",
                "$18,000",
                "$18,000",
                "$18,000",
            ],
            &["Implementation, fixed fee", "$46,500", "-", "-"],
        ],
    );
    clauses(
        &mut p2,
        480.0,
        &[
            (
                "3.1",
                &[
                    "First-year subscription, hosting and the implementation fee are invoiced in full on the Effective Date,",
                    "payable net thirty (30) days.",
                ],
            ),
            (
                "3.2",
                &[
                    "Years two and three are invoiced annually on the anniversary of the Effective Date.",
                ],
            ),
        ],
    );
    let mut p3 = header(3);
    p3 += &text(72.0, 700.0, 13.0, "4. County responsibilities");
    clauses(
        &mut p3,
        678.0,
        &[
            (
                "4.1",
                &[
                    "The County will provide the ArcGIS parcel layer and access to the AS/400 data extracts.",
                ],
            ),
            (
                "4.2",
                &["The County will name a project manager with authority to approve deliverables."],
            ),
        ],
    );
    p3 += &para(
        72.0,
        600.0,
        10.0,
        &[
            "Approved by the Board of County Commissioners on December 8, 2026.",
            "Signed: Dana Ruiz, County Manager. Jordan Pike, Permitline, Inc.",
        ],
    );
    pdf_with(
        &[p1, p2, p3],
        PdfOptions {
            compress: true,
            encrypted: false,
        },
    )
}

/// XML text escaping for [`wexcombe_scope_docx`].
fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The signed call-off order form (the scope) of the corpus bundle
/// `wexcombe-nhs-waitlist-validation`, as a DOCX: Word heading styles, the
/// numbered clauses as paragraphs of a numbered list (Word numbers them, so
/// the numbers are not in the text), labels in bold runs, the charges and
/// the incident response times as Word tables. The words are those of the
/// Markdown scope it replaced.
pub fn wexcombe_scope_docx() -> Vec<u8> {
    let heading = |style: &str, s: &str| {
        format!(
            "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr><w:r><w:t>{}</w:t></w:r></w:p>",
            xml(s)
        )
    };
    // A bold label, then the rest of the paragraph.
    let runs = |label: &str, rest: &str| {
        let mut out = String::new();
        if !label.is_empty() {
            let _ = write!(
                out,
                "<w:r><w:rPr><w:b/></w:rPr><w:t>{}</w:t></w:r>",
                xml(label)
            );
        }
        if !rest.is_empty() {
            let _ = write!(
                out,
                "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>",
                xml(rest)
            );
        }
        out
    };
    let field = |label: &str, rest: &str| format!("<w:p>{}</w:p>", runs(label, rest));
    // One numbered list (numId 1) runs through the whole form, 1 to 13.
    let clause = |label: &str, rest: &str| {
        format!(
            "<w:p><w:pPr><w:pStyle w:val=\"ListNumber\"/><w:numPr><w:ilvl w:val=\"0\"/>\
             <w:numId w:val=\"1\"/></w:numPr></w:pPr>{}</w:p>",
            runs(label, rest)
        )
    };
    let table = |rows: &[&[&str]], bold_last: bool| {
        let mut out = String::from(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>",
        );
        for (i, row) in rows.iter().enumerate() {
            out += "<w:tr>";
            for cell in *row {
                let bold = bold_last && i + 1 == rows.len();
                let content = if bold { runs(cell, "") } else { runs("", cell) };
                let _ = write!(out, "<w:tc><w:p>{content}</w:p></w:tc>");
            }
            out += "</w:tr>";
        }
        out + "</w:tbl>"
    };
    let body = [
        heading("Heading1", "Call-Off Order Form"),
        field("Framework:", " G-Cloud 14 (RM1557.14)"),
        field("Buyer:", " Wexcombe and Marsh Valley NHS Foundation Trust"),
        field("Supplier:", " Clearpath Health Ltd (company no. 11823304)"),
        field(
            "Service:",
            " Clearpath Validate (Lot 2, Cloud Software), service ID 5718 2290 1143 662",
        ),
        heading("Heading2", "Part A: Call-Off Terms"),
        clause("Call-Off Start Date:", " 11 January 2027."),
        clause(
            "Call-Off Expiry Date:",
            " 10 January 2029. The Buyer may extend by one (1) period of twelve (12) months.",
        ),
        clause(
            "Buyer sites:",
            " Wexcombe General Hospital, Marsh Valley Hospital, Abbotsford Community Hospital.",
        ),
        heading("Heading2", "Part B: Charges"),
        table(
            &[
                &["Element", "Year 1", "Year 2"],
                &[
                    "Clearpath Validate subscription (G-Cloud 14 rate card £80,470 less 15%)",
                    "£68,400",
                    "£68,400",
                ],
                &["Implementation and configuration", "included", "-"],
                &["Total", "£68,400", "£68,400"],
            ],
            true,
        ),
        clause(
            "",
            "Charges for any Extension Period shall be the G-Cloud 14 rates, indexed by RPI from the Call-Off Start Date.",
        ),
        clause(
            "",
            "Invoices are payable within thirty (30) days of receipt of a valid, undisputed invoice quoting the Buyer's PO number.",
        ),
        heading("Heading2", "Part C: Service Levels"),
        clause(
            "Hosting:",
            " Microsoft Azure UK South. No Buyer Data shall be processed outside the United Kingdom.",
        ),
        clause(
            "Availability:",
            " 99.5% per calendar month, excluding Planned Maintenance.",
        ),
        clause("Incident response:", ""),
        table(
            &[
                &["Priority", "Response", "Hours"],
                &["P1 (service unavailable)", "1 hour", "24/7"],
                &["P2 (major function impaired)", "8 Working Hours", "Working Hours"],
                &["P3 (minor)", "2 Working Days", "Working Hours"],
            ],
            false,
        ),
        clause(
            "",
            "\"Working Hours\" means 08:00 to 18:00, Monday to Friday, excluding bank holidays in England.",
        ),
        heading("Heading2", "Part D: Implementation Services"),
        clause(
            "",
            "The Supplier shall deliver three (3) super-user training sessions.",
        ),
        clause(
            "",
            "All Services shall be delivered remotely unless otherwise agreed by a Change Control Note.",
        ),
        clause(
            "",
            "The Buyer is responsible for obtaining PAS extracts and for any charges of its PAS supplier.",
        ),
        clause(
            "",
            "The Buyer shall complete its DPIA before any Patient Data is processed in the Service.",
        ),
        field(
            "",
            "Signed for the Buyer: Dr Alison Pryce, Chief Operating Officer, 7 December 2026",
        ),
        field(
            "",
            "Signed for the Supplier: Emma Walsh, Commercial Director, 7 December 2026",
        ),
    ]
    .concat();
    let styles = "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>\
        <w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr></w:style>\
        <w:style w:type=\"paragraph\" w:styleId=\"ListNumber\"><w:name w:val=\"List Number\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>\
        <w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/></w:style>";
    docx(&body, Some(styles))
}

/// `bytes` are what is committed at `path` (under the crate root);
/// `BATON_WRITE_FIXTURES=1` writes them anew first.
fn assert_committed(path: &str, bytes: &[u8], test: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    if std::env::var_os("BATON_WRITE_FIXTURES").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == bytes,
        "{} is stale: BATON_WRITE_FIXTURES=1 cargo test --lib {test}",
        path.display()
    );
}

/// The committed fixtures match their generators; `BATON_WRITE_FIXTURES=1`
/// writes them anew.
#[test]
fn committed_fixtures_are_current() {
    let fixtures = [
        ("order-form.pdf", order_form_pdf()),
        ("sow.docx", sow_docx()),
    ];
    for (name, bytes) in fixtures {
        assert_committed(
            &format!("tests/fixtures/documents/{name}"),
            &bytes,
            "committed_fixtures",
        );
    }
}

/// The example bundles' documents, and the corpus's converted scopes, match
/// their generators;
/// `BATON_WRITE_FIXTURES=1` writes them anew.
#[test]
fn committed_example_documents_are_current() {
    let documents = [
        (
            "examples/brannock-hotels-procurement/order-form.pdf",
            brannock_order_form_pdf(),
        ),
        (
            "corpus/formats-1/harmon-creek-county-permitting/sow.pdf",
            harmon_sow_pdf(),
        ),
        (
            "corpus/formats-1/wexcombe-nhs-waitlist-validation/scope.docx",
            wexcombe_scope_docx(),
        ),
    ];
    for (path, bytes) in documents {
        assert_committed(path, &bytes, "committed_example_documents");
    }
}
