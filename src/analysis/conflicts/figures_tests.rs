//! Figures and loose counts read from invented text.
use super::*;

#[test]
fn claim_text_drops_log_columns() {
    assert_eq!(
        claim_text("2026-07-15 | Note | R. Okafor | agreed to waive the fee"),
        "agreed to waive the fee"
    );
    assert_eq!(
        claim_text("[2026-07-15 15:12] NOTE     Confirmed the sync"),
        "Confirmed the sync"
    );
}

#[test]
fn loose_counts_read_labels_words_and_caps() {
    let c = loose_counts("sites covered: 8 (listed in schedule a)");
    assert_eq!(c.len(), 1);
    assert!(c[0].nouns.contains("site"));
    let c = loose_counts("up to 75 firms");
    assert!(c[0].capped && c[0].value == 75.0);
    let c = loose_counts("no problem, we can onboard all ~140 of their outside counsel firms");
    assert_eq!(c[0].value, 140.0);
    assert!(c[0].nouns.contains("firm"), "{:?}", c[0].nouns);
    let c = loose_counts("two on-site sensor placement workshops");
    assert!(c[0].nouns.contains("workshop") && !c[0].nouns.contains("sensor"));
    let c = loose_counts("all nine stores live");
    assert_eq!(c[0].value, 9.0);
    assert!(c[0].nouns.contains("site"));
    assert!(loose_counts("priority 1 tickets").is_empty());
    assert!(loose_counts("first 2 months free").is_empty());
    assert!(loose_counts("by january 31 at the latest").is_empty());
}

#[test]
fn loose_counts_read_dot_grouped_thousands_and_emphasis() {
    let c = loose_counts("we cover all the 2.400 hive sensors of the estate");
    assert_eq!(c[0].value, 2400.0);
    assert!(c[0].nouns.contains("sensor"), "{:?}", c[0].nouns);
    let c = loose_counts("hive sensors in this order: **1,750**.");
    assert_eq!(c[0].value, 1750.0);
    // A decimal is no count.
    assert!(loose_counts("about 2.5 sensors per hive").is_empty());
    assert!(loose_counts("uptime of 99.95 percent").is_empty());
}

#[test]
fn loose_counts_read_a_count_stated_noun_first() {
    let c =
        loose_counts("the total number of licensed seats under this order is ninety-five (95).");
    assert_eq!(
        c.len(),
        1,
        "the words of a bracketed figure are no count: {:?}",
        c.iter().map(|c| c.value).collect::<Vec<_>>()
    );
    assert_eq!(c[0].value, 95.0);
    assert!(c[0].nouns.contains(unit_class("seat")), "{:?}", c[0].nouns);
    let c = loose_counts("the number of depots in scope shall be two hundred and six (206)");
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].value, 206.0);
    assert!(!c[0].nouns.is_empty());
    // No verb of being: the figure is not the number of the noun.
    let c = loose_counts("a number of depots asked for 12 more");
    assert!(c.iter().all(|c| c.nouns.is_empty()));
}
