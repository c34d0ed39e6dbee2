//! The documents committed from the writers of [`super`]: the realistic
//! `order-form.pdf` and `sow.docx` under `tests/fixtures/documents/` for
//! other tests, the signed order form of the `brannock-hotels-procurement`
//! example the demo shows, and the signed scopes of two `corpus/formats-1`
//! bundles (a PDF SOW, a DOCX order form). A test holds each committed file
//! to its generator.

use super::*;

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
