//! Documents through [`super::load`]: a PDF or DOCX scope is read, its
//! extracted text is the stored text, and statements cite its lines.

use super::load;
use crate::bundle::readers::test_documents::{order_form_pdf, sow_docx};
use crate::bundle::{FileRole, readers::Format};
use crate::text::segment;
use std::fs;

fn bundle(files: &[(&str, Vec<u8>)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, body) in files {
        let p = dir.path().join(path);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, body).unwrap();
    }
    dir
}

#[test]
fn a_pdf_scope_is_read_and_cited_by_extracted_line() {
    let d = bundle(&[
        (
            "notes/call.md",
            b"We promised go-live in four weeks.\n".to_vec(),
        ),
        ("scope.pdf", order_form_pdf()),
    ]);
    let b = load(d.path()).unwrap();
    let scope = b.scope().unwrap();
    assert_eq!(
        (scope.path.as_str(), scope.format),
        ("scope.pdf", Format::Pdf)
    );
    assert_eq!(scope.role, FileRole::Scope);
    assert!(scope.view.is_none());
    let statements = segment(&scope.text);
    let st = statements
        .iter()
        .find(|s| s.text.contains("takes eight weeks"))
        .expect("the timeline statement");
    let line = scope.text.lines().nth(st.line as usize - 1).unwrap();
    // The sentence starts on the line holding "Implementation", joined
    // across the hyphen the PDF broke it at.
    assert!(line.ends_with("Implementation"), "{line}");
    assert!(
        st.text.starts_with("Implementation takes eight weeks"),
        "{}",
        st.text
    );
    let listed = b.listing.iter().find(|l| l.path == "scope.pdf").unwrap();
    assert!(listed.read && listed.reason.is_none());
}

#[test]
fn a_docx_scope_and_broken_documents() {
    let d = bundle(&[
        ("sow.docx", sow_docx()),
        ("notes/scan.pdf", b"%PDF-1.4\ntruncated".to_vec()),
        ("notes/fake.docx", b"PK\x03\x04 not really".to_vec()),
    ]);
    let b = load(d.path()).unwrap();
    let scope = b.scope().unwrap();
    assert_eq!(scope.path, "sow.docx");
    let statements = segment(&scope.text);
    let st = statements
        .iter()
        .find(|s| s.text.contains("eight weeks"))
        .unwrap();
    assert_eq!(
        scope.text.lines().nth(st.line as usize - 1),
        Some("Implementation takes eight weeks from kickoff.")
    );
    assert_eq!(st.heading(), Some("Scope"));
    // Documents that cannot be read are listed as not read, with why.
    let why = |p: &str| {
        let l = b.listing.iter().find(|l| l.path == p).unwrap();
        assert!(!l.read);
        l.reason.clone().unwrap()
    };
    assert!(why("notes/scan.pdf").starts_with("a broken PDF"));
    assert!(why("notes/fake.docx").starts_with("not a DOCX"));
}
