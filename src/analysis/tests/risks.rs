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
