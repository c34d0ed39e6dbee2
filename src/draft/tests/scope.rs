use super::*;
use crate::bundle::DealRecord;
use crate::draft::test_support::bundle;

const SOW: &str = "\
# Order Form

- Customer: Acme Corp, 1 Main Street

## Services included

- Configuration of two workflows for the ops team
- Admin training, two remote sessions

## Not included

- Integration with NetSuite or any ERP
";

#[test]
fn splits_included_from_excluded_and_drops_the_preamble() {
    let s = summarize(&bundle(DealRecord::default(), Some(SOW)));
    assert_eq!(s.file.as_deref(), Some("sow.txt"));
    let included: Vec<(&str, u32)> = s
        .included
        .iter()
        .map(|i| (i.text.as_str(), i.evidence.line))
        .collect();
    assert_eq!(
        included,
        [
            ("Configuration of two workflows for the ops team", 7),
            ("Admin training, two remote sessions", 8)
        ]
    );
    assert_eq!(s.excluded.len(), 1);
    assert_eq!(s.excluded[0].evidence.line, 12);
    assert!(s.excluded[0].text.contains("NetSuite"));
}

#[test]
fn plain_text_section_titles_mark_exclusions() {
    let sow = "STATEMENT OF WORK No. 11\n\n1. SERVICES\n2.1 Discovery interviews with plant managers.\n\n2. OUT OF SCOPE\n3.1 Build of interfaces to the ERP.\n";
    let s = summarize(&bundle(DealRecord::default(), Some(sow)));
    assert_eq!(
        s.included
            .iter()
            .map(|i| i.evidence.line)
            .collect::<Vec<_>>(),
        [4]
    );
    assert_eq!(
        s.excluded
            .iter()
            .map(|i| i.evidence.line)
            .collect::<Vec<_>>(),
        [7]
    );
}

#[test]
fn lists_at_most_eight_but_counts_all() {
    let mut sow = String::from("## Scope\n");
    for i in 1..=11 {
        sow.push_str(&format!("- Site number {i} goes live\n"));
    }
    let s = summarize(&bundle(DealRecord::default(), Some(&sow)));
    assert_eq!(s.included.len(), MAX_ITEMS);
    assert_eq!(s.included_total, 11);
}

#[test]
fn no_scope_file_gives_an_empty_summary() {
    assert_eq!(
        summarize(&bundle(DealRecord::default(), None)),
        ScopeSummary::default()
    );
}

#[test]
fn the_scope_records_a_promise_only_when_it_writes_it_down() {
    let lower = "Discount: 12% on subscription items (24-month term).".to_lowercase();
    let scope = words(&lower);
    assert!(records(
        &scope,
        "Approved 12% discount on subscription items."
    ));
    assert!(!records(
        &scope,
        "Dedicated engineer for the first quarter."
    ));
}
