//! Extractor tests: each finding kind on small hand-written bundles, with the
//! positive cases a real AE writes and the hard negatives that must not fire.

mod commitments;
mod conflicts;
mod goals;
mod missing;
mod people;
mod risks;

use super::{Analysis, Category, FlagKind, analyze};
use crate::bundle::{Bundle, DealRecord, FileRole, SourceFile};
use crate::rules::Rules;
use std::sync::LazyLock;

static RULES: LazyLock<Rules> = LazyLock::new(Rules::builtin);

/// A bundle of one notes file (and a scope file when given).
fn bundle(deal: DealRecord, notes: &str, scope: Option<&str>) -> Bundle {
    let mut files = vec![SourceFile {
        path: "notes/call.md".into(),
        role: FileRole::Notes,
        text: notes.into(),
    }];
    if let Some(scope) = scope {
        files.push(SourceFile {
            path: "scope.md".into(),
            role: FileRole::Scope,
            text: scope.into(),
        });
    }
    Bundle {
        deal,
        has_crm_record: true,
        files,
    }
}

fn deal() -> DealRecord {
    DealRecord {
        id: "T-1".into(),
        account: Some("Orbitex Health".into()),
        ae: Some("Dana Whitfield".into()),
        csm: Some("Priya Raman".into()),
        ..DealRecord::default()
    }
}

fn run(notes: &str, scope: Option<&str>) -> Analysis {
    analyze(&bundle(deal(), notes, scope), &RULES)
}

/// The lines (1-based) of the notes file that raised a flag of `kind`.
fn lines(a: &Analysis, kind: FlagKind) -> Vec<u32> {
    a.flags
        .iter()
        .filter(|f| f.kind == kind)
        .map(|f| f.evidence[0].line)
        .collect()
}

fn category_at(a: &Analysis, kind: FlagKind, line: u32) -> Option<Category> {
    a.flags
        .iter()
        .find(|f| f.kind == kind && f.evidence[0].line == line)
        .and_then(|f| f.category)
}

#[test]
fn normalise_expands_bare_contractions_in_ascii_and_unicode_text() {
    use super::normalise;
    assert_eq!(normalise("We Dont know"), "we don't know");
    assert_eq!(
        normalise("they’re sure — itll work"),
        "they're sure — it'll work"
    );
    assert_eq!(
        normalise("Zoë says shes fine, thats it"),
        "zoë says shes fine, that's it"
    );
    // Words that merely end like a contraction stay as written.
    assert_eq!(normalise("the tenant rent"), "the tenant rent");
    assert_eq!(
        normalise("weve agreed and wont wait"),
        "we've agreed and won't wait"
    );
}
