use super::*;
use crate::bundle::readers::test_documents::{
    PdfOptions, assemble, brannock_order_form_pdf, order_form_pdf, para, pdf, pdf_with, stream,
    text,
};

fn lines(s: &str) -> Vec<&str> {
    s.lines().collect()
}

#[test]
fn two_columns_are_read_one_after_the_other() {
    let mut page = text(72.0, 720.0, 16.0, "Terms of the order");
    let left = [
        "Invoices are payable within thirty days of",
        "the invoice date. Fees exclude all taxes,",
        "which the customer pays where due.",
    ];
    let right = [
        "Either party may end this order for a",
        "material breach not cured within thirty",
        "days of written notice to the other.",
    ];
    // Interleaved in the content stream, line by line across the gutter.
    for (i, (l, r)) in left.iter().zip(right).enumerate() {
        let y = 690.0 - 12.0 * i as f32;
        page += &text(72.0, y, 10.0, l);
        page += &text(320.0, y, 10.0, r);
    }
    let out = extract(&pdf(&[page])).unwrap();
    let mut want = vec!["# Terms of the order", ""];
    want.extend(left);
    want.extend(right);
    assert_eq!(lines(&out), want);
}

#[test]
fn a_table_is_not_two_columns() {
    let mut page = String::new();
    for (i, (a, b)) in [("Implementation", "8 weeks"), ("Training", "2 sessions")]
        .iter()
        .enumerate()
    {
        let y = 700.0 - 14.0 * i as f32;
        page += &text(72.0, y, 10.0, a);
        page += &text(300.0, y, 10.0, b);
    }
    page += &para(
        72.0,
        600.0,
        10.0,
        &["Fees are due on signature of this order."],
    );
    let out = extract(&pdf(&[page])).unwrap();
    assert_eq!(
        lines(&out),
        [
            "| Implementation | 8 weeks |",
            "| Training | 2 sessions |",
            "",
            "Fees are due on signature of this order."
        ]
    );
}

#[test]
fn running_headers_footers_and_page_numbers_are_dropped() {
    let pages: Vec<String> = (1..=3)
        .map(|n| {
            text(72.0, 750.0, 8.0, "Northwind Analytics | Order Form NW-1")
                + &para(72.0, 700.0, 10.0, &[&format!("Body text of page {n}.")])
                + &text(290.0, 40.0, 8.0, &format!("Page {n} of 3"))
        })
        .collect();
    let out = extract(&pdf(&pages)).unwrap();
    assert_eq!(
        lines(&out),
        [
            "Body text of page 1.",
            "",
            "Body text of page 2.",
            "",
            "Body text of page 3."
        ]
    );
    // Body lines of one pattern open every page: long lines that differ in
    // their numbers are not a running header.
    let pages: Vec<String> = (1..=3)
        .map(|n| {
            para(
                72.0,
                700.0,
                10.0,
                &[
                    &format!("Clause {n}: the customer receives the weekly adoption report."),
                    "More of the clause.",
                    "And more.",
                ],
            )
        })
        .collect();
    assert_eq!(extract(&pdf(&pages)).unwrap().matches("Clause").count(), 3);
    // On two pages a repeated line may be content; a page number is not.
    let pages: Vec<String> = (1..=2)
        .map(|n| {
            text(72.0, 700.0, 10.0, "Acme Corp") + &text(300.0, 40.0, 8.0, &format!("- {n} -"))
        })
        .collect();
    assert_eq!(extract(&pdf(&pages)).unwrap(), "Acme Corp\n\nAcme Corp\n");
}

#[test]
fn hyphenation_across_lines_and_pages() {
    let p1 = para(
        72.0,
        700.0,
        10.0,
        &[
            "The implemen-",
            "tation takes eight weeks with two on-",
            "site sessions, confirmed by e-",
            "mail. The data migra-",
        ],
    );
    let p2 = para(72.0, 700.0, 10.0, &["tion follows in week four."]);
    let out = extract(&pdf(&[p1, p2])).unwrap();
    assert_eq!(
        lines(&out),
        [
            "The implementation",
            "takes eight weeks with two on-site",
            "sessions, confirmed by e-mail.",
            "The data migration",
            "follows in week four."
        ]
    );
}

#[test]
fn ligatures_become_letters() {
    // `/F2` maps code 1 to the "fi" ligature glyph and 2 to "fl".
    let page = "BT /F2 10 Tf 72 700 Td (\\001nal work\\002ow) Tj ET\n".to_string();
    assert_eq!(extract(&pdf(&[page])).unwrap(), "final workflow\n");
}

#[test]
fn paragraphs_lists_and_kerned_words() {
    let mut page = para(
        72.0,
        700.0,
        10.0,
        &["First paragraph runs on", "to this line."],
    );
    page += &para(72.0, 650.0, 10.0, &["Second paragraph."]);
    // A bullet glyph, then the item after a hanging indent.
    page += &text(72.0, 620.0, 10.0, "\u{2022}");
    page += &text(90.0, 620.0, 10.0, "Two admin training sessions");
    // Words set apart by TJ kerning, with no space glyph.
    page += "BT /F1 10 Tf 72 607.5 Td [(Go) -300 (live) -300 (date.)] TJ ET\n";
    let out = extract(&pdf(&[page])).unwrap();
    assert_eq!(
        lines(&out),
        [
            "First paragraph runs on",
            "to this line.",
            "",
            "Second paragraph.",
            "",
            "\u{2022} Two admin training sessions",
            "Go live date."
        ]
    );
}

#[test]
fn compressed_streams_and_forms() {
    // A form drawing itself: read to the depth bound, not forever.
    let form = stream(
        "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> \
         /XObject << /Fm1 6 0 R >> >>",
        b"BT /F1 10 Tf 72 300 Td (In a form.) Tj ET /Fm1 Do",
        true,
    );
    let content = stream(
        "",
        b"BT /F1 10 Tf 72 700 Td (On the page.) Tj ET /Fm1 Do",
        true,
    );
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> /XObject << /Fm1 6 0 R >> >> /Contents 5 0 R >>".to_vec(),
        content,
        form,
    ];
    let out = extract(&assemble(&objects, "")).unwrap();
    assert!(out.starts_with("On the page.\n"), "{out}");
    assert_eq!(out.matches("In a form.").count(), MAX_FORM_DEPTH);
}

#[test]
fn unreadable_pdfs_say_why() {
    let reason = |b: &[u8]| extract(b).unwrap_err().reason;
    let image = "q 100 0 0 100 72 600 cm /Im1 Do Q\n".to_string();
    assert_eq!(
        reason(&pdf(&[image])),
        "an image-only PDF: no text to extract"
    );
    assert_eq!(reason(b"hello, not a pdf"), "not a PDF: no %PDF- header");
    let enc = pdf_with(
        &[text(72.0, 700.0, 10.0, "Secret")],
        PdfOptions {
            encrypted: true,
            ..PdfOptions::default()
        },
    );
    assert_eq!(reason(&enc), "encrypted PDF: it needs a password");
    assert!(reason(b"%PDF-1.4\n1 0 obj\n<<").starts_with("a broken PDF"));
}

#[test]
fn a_compression_bomb_is_refused() {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    std::io::Write::write_all(&mut z, &vec![b' '; 1 << 20]).unwrap();
    let mb = z.finish().unwrap();
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [] /Count 0 >>".to_vec(),
    ];
    for _ in 0..130 {
        let mut s =
            format!("<< /Length {} /Filter /FlateDecode >>\nstream\n", mb.len()).into_bytes();
        s.extend_from_slice(&mb);
        s.extend_from_slice(b"\nendstream");
        objects.push(s);
    }
    let e = extract(&assemble(&objects, "")).unwrap_err();
    assert!(e.reason.contains("compression bomb"), "{}", e.reason);
}

#[test]
fn hostile_bytes_never_panic() {
    let whole = order_form_pdf();
    for cut in (0..whole.len()).step_by(97) {
        let _ = extract(&whole[..cut]);
    }
    // Bytes flipped one by one through the file (seeded, deterministic).
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..300 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut bytes = whole.clone();
        let at = (seed as usize) % bytes.len();
        bytes[at] ^= (seed >> 32) as u8 | 1;
        let _ = extract(&bytes);
        let mut random = b"%PDF-1.7\n".to_vec();
        random.extend((0..512).map(|i| (seed.rotate_left(i % 64) >> 3) as u8));
        assert!(extract(&random).is_err());
    }
}

#[test]
fn the_order_form_fixture() {
    let out = extract(&order_form_pdf()).unwrap();
    insta::assert_snapshot!(out);
}

/// The example's order form reads as the Markdown scope it replaced: fields
/// and fees as tables, the lists as items, each statement on its own line.
#[test]
fn the_brannock_example_order_form() {
    let out = extract(&brannock_order_form_pdf()).unwrap();
    insta::assert_snapshot!(out);
}

#[test]
fn cid_font_widths() {
    let w = vec![
        Object::Integer(10),
        Object::Integer(20),
        Object::Integer(700),
        Object::Integer(1),
        Object::Array(vec![Object::Integer(500), Object::Real(600.0)]),
    ];
    let ranges = cid_widths(&Document::new(), &w);
    let widths = Widths::Cid {
        ranges,
        default: 1000.0,
    };
    let got: Vec<f32> = [0, 1, 2, 10, 15, 20, 21].map(|c| widths.of(c)).to_vec();
    assert_eq!(got, [1000.0, 500.0, 600.0, 700.0, 700.0, 700.0, 1000.0]);
}
