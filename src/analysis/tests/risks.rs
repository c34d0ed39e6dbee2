use super::*;

#[test]
fn blockers_sceptics_and_leavers_are_risks() {
    let notes = "\
- IT is sceptical and wants a full security review before any data moves.
- Devin may move to another role in Q1; nobody else knows the project.
- Our CFO hasn't signed off on the budget yet.
- Sensitivity: don't mention the layoffs at the Muncie plant.
- Their last BI rollout was abandoned after 14 months.
";
    assert_eq!(
        lines(&run(notes, None), FlagKind::Risk),
        vec![1, 2, 3, 4, 5]
    );
}

#[test]
fn settled_objections_and_plain_facts_are_not_risks() {
    let notes = "\
- She asked about a pilot and accepted the annual term.
- No objections raised on data retention.
- The team uses Salesforce and Outlook.
- Security review package sent to InfoSec.
";
    assert!(lines(&run(notes, None), FlagKind::Risk).is_empty());
}

#[test]
fn risks_without_cue_words_are_found_by_family() {
    let notes = "\
- Marcus, the service manager, is not sold on it.
- Their 2023 snagging app died in four months.
- Pieter leaves on 1 February and his replacement is not known yet.
- Kendra still has to sign off on the final number.
- The survey window opens in March.
- Their 3PL is switching warehouse systems in January.
";
    assert_eq!(
        lines(&run(notes, None), FlagKind::Risk),
        vec![1, 2, 3, 4, 5, 6]
    );
}

#[test]
fn a_budget_below_the_deals_value_is_a_gap() {
    let mut d = deal();
    d.amount = Some(146_400.0);
    let notes = "\
- The LIMS line in the FY27 plan is EUR 120,000, all in.
- The training budget is EUR 12,000.
- They have EUR 150,000 set aside.
";
    let a = analyze(&bundle(d, notes, None), &RULES);
    // 120k is below the deal; 12k is a line item, 150k covers it.
    assert_eq!(lines(&a, FlagKind::Risk), vec![1]);
}

#[test]
fn objections_are_risks_when_the_customer_asks_them() {
    let notes = "\
Kev (Customer): Isn't this just another thing my site managers do at seven at night?
Dana Whitfield: Why would we charge per site when you have one contract?
";
    assert_eq!(lines(&run(notes, None), FlagKind::Risk), vec![1]);
}
