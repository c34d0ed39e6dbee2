//! `baton analyze` on a bundle whose signed scope is a PDF: the conflict
//! between a promise in the notes and the scope cites `scope.pdf` at the line
//! of the extracted text, and `files` lists the PDF as read.

use crate::common::*;
use std::fs;

#[test]
fn a_conflict_cites_the_scope_pdf_by_extracted_line() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("notes")).unwrap();
    fs::write(
        root.join("notes/call.md"),
        "We promised go-live in four weeks.\n",
    )
    .unwrap();
    let pdf = fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/documents/order-form.pdf"),
    )
    .unwrap();
    fs::write(root.join("scope.pdf"), pdf).unwrap();
    let v = analyze(root, true).json();
    let conflict = flags(&v, "conflict")
        .into_iter()
        .find(|c| c["category"] == "timeline")
        .unwrap_or_else(|| panic!("no timeline conflict: {v}"));
    let scope = conflict["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["file"] == "scope.pdf")
        .expect("the scope side is cited");
    // Line 10 of the extracted text is where "Implementation takes eight
    // weeks" starts (the word joined across the PDF's hyphenated line end).
    assert_eq!(scope["line"], 10, "{conflict}");
    let files = v["files"].as_array().unwrap();
    assert!(
        files
            .iter()
            .any(|f| f["path"] == "scope.pdf" && f["format"] == "pdf" && f["read"] == true),
        "{files:?}"
    );
}
