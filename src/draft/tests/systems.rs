use super::*;
use crate::draft::test_support::rules;

#[test]
fn systems_are_named_once_in_order() {
    assert_eq!(
        system_names(rules(), "Sync NetSuite and Salesforce, then NetSuite again"),
        vec!["NetSuite", "Salesforce"]
    );
}

#[test]
fn system_names_are_proper_nouns_only() {
    assert!(system_names(rules(), "casuals get roster pings, and POs flow in").is_empty());
    assert_eq!(
        system_names(rules(), "Sage 200 supplier master holds 3,000 suppliers"),
        vec!["Sage 200"]
    );
    assert_eq!(
        system_names(rules(), "we run the import from Deltek Vantagepoint once"),
        vec!["Deltek Vantagepoint"]
    );
    assert_eq!(
        system_names(rules(), "received POs flow into KitchenLedger."),
        vec!["KitchenLedger"]
    );
    assert!(system_names(rules(), "visits are denied from January 1, 2027").is_empty());
}
