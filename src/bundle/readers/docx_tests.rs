use super::*;
use crate::bundle::readers::test_documents::{docx, p, sow_docx, zip_of};

#[test]
fn paragraphs_headings_lists_tables_and_tracked_changes() {
    let out = extract(&sow_docx()).unwrap();
    assert_eq!(
        out,
        "# Statement of Work: Acme Corp\n\
         \n\
         # Scope\n\
         \n\
         Implementation takes eight weeks from kickoff.\n\
         \n\
         - Dashboard for the weekly operations review\n\
         - Two admin training sessions\n\
         \n\
         ## Milestones\n\
         \n\
         | Milestone | Week |\n\
         | Data migration complete | 4 |\n\
         | Go-live | 8 |\n\
         \n\
         Signed for Acme Corp by Maria Chen & for Northwind by Dana Whitfield.\n"
    );
    // The header part is not body text.
    assert!(!out.contains("CONFIDENTIAL"));
}

#[test]
fn runs_tabs_breaks_and_what_is_not_text() {
    let body = [
        // Runs split mid-word, a tab, a line break, character references.
        "<w:p><w:r><w:t>Go-</w:t></w:r><w:r><w:t>live</w:t></w:r><w:r><w:tab/><w:t>4 weeks</w:t><w:br/><w:t>caf&#233; &lt;ok&gt;</w:t></w:r></w:p>",
        // Tab stops in paragraph properties are settings, not tabs.
        "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr><w:r><w:t>Plain.</w:t></w:r></w:p>",
        // A field: its code is not text, its result is.
        "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>Result</w:t></w:r></w:p>",
        // Content given twice (a text box): the fallback copy is skipped.
        "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:txbxContent><w:p><w:r><w:t>In a box.</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>In a box.</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>",
        // A moved-away copy is not text; a list with numbering removed is prose.
        "<w:p><w:moveFrom><w:r><w:t>Moved away.</w:t></w:r></w:moveFrom><w:r><w:t>Stays.</w:t></w:r></w:p>",
        "<w:p><w:pPr><w:numPr><w:numId w:val=\"0\"/></w:numPr><w:outlineLvl w:val=\"1\"/></w:pPr><w:r><w:t>Outline two</w:t></w:r></w:p>",
        // A table in a cell, and a pipe in a cell.
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a|b</w:t></w:r></w:p></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>y</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>",
    ]
    .concat();
    let out = extract(&docx(&body, None)).unwrap();
    assert_eq!(
        out,
        "Go-live  4 weeks\ncaf\u{e9} <ok>\n\nPlain.\n\nResult\n\nIn a box.\n\nStays.\n\n\
         ## Outline two\n\n| a\\|b | x y |\n"
    );
}

#[test]
fn unreadable_docx_files_say_why() {
    let reason = |b: &[u8]| extract(b).unwrap_err().reason;
    assert!(reason(b"not a zip").starts_with("not a DOCX: not a zip archive"));
    let other = zip_of(&[("hello.txt", b"hi".to_vec())]);
    assert_eq!(
        reason(&other),
        "not a DOCX: a zip with no word/document.xml"
    );
    let broken = zip_of(&[(
        "word/document.xml",
        b"<w:document><w:body><w:p></w:body>".to_vec(),
    )]);
    assert!(reason(&broken).starts_with("a broken DOCX: word/document.xml:"));
}

#[test]
fn a_zip_bomb_is_refused() {
    // 65 MB of spaces deflate to some 64 KB.
    let mut xml = b"<w:document xmlns:w=\"x\"><w:body>".to_vec();
    xml.resize(xml.len() + (65 << 20), b' ');
    xml.extend_from_slice(b"</w:body></w:document>");
    let bomb = zip_of(&[("word/document.xml", xml)]);
    assert!(bomb.len() < 1 << 20);
    let e = extract(&bomb).unwrap_err();
    assert!(e.reason.contains("zip bomb"), "{}", e.reason);
}

#[test]
fn hostile_bytes_never_panic() {
    let whole = docx(&[p("One."), p("Two.")].concat(), None);
    for cut in 0..whole.len() {
        let _ = extract(&whole[..cut]);
    }
    for at in 0..whole.len() {
        let mut bytes = whole.clone();
        bytes[at] ^= 0x5a;
        let _ = extract(&bytes);
    }
    // Deep nesting is bounded, not recursed.
    let deep = "<w:tbl><w:tr><w:tc>".repeat(5000) + &"</w:tc></w:tr></w:tbl>".repeat(5000);
    let _ = extract(&docx(&deep, None));
}
