//! The signed scopes of two `corpus/formats-1` bundles, as the documents
//! they stand in the corpus as: harmon-creek's SOW as a PDF, wexcombe's
//! call-off order form as a DOCX (the words of the Markdown they replaced).

use super::*;

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
