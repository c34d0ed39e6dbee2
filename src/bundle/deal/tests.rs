use super::*;

fn parse(text: &str) -> Result<DealRecord, BundleError> {
    parse_deal(text, Path::new("acme/deal.toml"), "acme")
}

const FULL: &str = r#"id = "OPP-2026-0142"
name = "Acme Corp: analytics rollout"
account = "Acme Corp"
segment = "mid-market"
stage = "closed_won"
closed_on = 2026-11-02
amount = 48000
currency = "USD"
ae = "Dana Whitfield"
csm = "Priya Raman"
kickoff = 2026-11-20
erp = "NetSuite"
store_count = 12
competitors = ["Tableau", "Looker"]

[first_value]
date = 2026-12-18
criteria = "Ops team runs its weekly review from the new dashboard"

[[stakeholders]]
title = "VP Operations"
name = "Maria Chen"
role = "executive_sponsor"
email = "maria@acme.example"
phone = "555-0100"

[[goals]]
kind = "buyer"
text = "Cut month-end reporting from 5 days to 2"
measure = "days to close the monthly report"

[[goals]]
text = "Dashboards for the ops team"

[[risks]]
text = "Legacy CRM export has not been tested"
owner = "Dana Whitfield"

[[commitments]]
text = "Two extra admin training sessions"
category = "custom"
"#;

#[test]
fn full_record() {
    let d = parse(FULL).unwrap();
    assert_eq!(d.id, "OPP-2026-0142");
    assert_eq!(d.name.as_deref(), Some("Acme Corp: analytics rollout"));
    assert_eq!(d.closed_on, Some(Date::constant(2026, 11, 2)));
    assert_eq!(d.kickoff, Some(Date::constant(2026, 11, 20)));
    assert_eq!(d.amount, Some(48000.0));
    let fv = d.first_value.unwrap();
    assert_eq!(fv.date, Some(Date::constant(2026, 12, 18)));
    assert_eq!(fv.line, 18);
    assert_eq!(d.stakeholders.len(), 1);
    assert_eq!(d.stakeholders[0].name, "Maria Chen");
    assert_eq!(d.stakeholders[0].line, 22);
    assert_eq!(d.goals.len(), 2);
    assert_eq!(d.goals[0].line, 29);
    assert_eq!(d.goals[0].kind.as_deref(), Some("buyer"));
    assert_eq!(d.goals[1].line, 33);
    assert_eq!(d.goals[1].text, "Dashboards for the ops team");
    assert_eq!(d.risks[0].line, 36);
    assert_eq!(d.risks[0].owner.as_deref(), Some("Dana Whitfield"));
    assert_eq!(d.commitments[0].line, 40);
    assert_eq!(d.commitments[0].category.as_deref(), Some("custom"));
}

#[test]
fn unknown_keys_are_kept() {
    let d = parse(FULL).unwrap();
    assert_eq!(d.extra.get("erp").map(String::as_str), Some("NetSuite"));
    assert_eq!(d.extra.get("store_count").map(String::as_str), Some("12"));
    assert_eq!(
        d.extra.get("competitors").map(String::as_str),
        Some(r#"["Tableau", "Looker"]"#)
    );
    assert_eq!(
        d.extra.get("stakeholders[0].phone").map(String::as_str),
        Some("555-0100")
    );
    let d = parse("[custom]\nx = 1\nwhen = 2026-01-02\n").unwrap();
    assert_eq!(
        d.extra.get("custom").map(String::as_str),
        Some("{ when = 2026-01-02, x = 1 }")
    );
}

#[test]
fn empty_record_defaults_to_folder_id() {
    let d = parse("").unwrap();
    assert_eq!(d.id, "acme");
    assert!(d.first_value.is_none() && d.goals.is_empty());
}

#[test]
fn first_value_without_criteria_cites_its_header() {
    let d = parse("id = \"x\"\n\n[first_value]\ndate = 2026-12-18\n").unwrap();
    assert_eq!(d.first_value.unwrap().line, 3);
}

#[test]
fn lenient_dates_and_amounts() {
    let d = parse("kickoff = \"2026-11-20\"\namount = 48000.5\nclosed_on = 2026-11-02T10:00:00Z\n")
        .unwrap();
    assert_eq!(d.kickoff, Some(Date::constant(2026, 11, 20)));
    assert_eq!(d.closed_on, Some(Date::constant(2026, 11, 2)));
    assert_eq!(d.amount, Some(48000.5));
    assert_eq!(
        parse("amount = \"$48,000\"\n").unwrap().amount,
        Some(48000.0)
    );
    assert_eq!(parse("id = 142\n").unwrap().id, "142");
}

#[test]
fn wrong_types_name_key_and_line() {
    let e = parse("id = \"x\"\n\nkickoff = 5\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "acme/deal.toml:3: \"kickoff\" must be a date"
    );
    let e = parse("id = \"x\"\nkickoff = \"next week\"\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "acme/deal.toml:2: invalid date for key \"kickoff\": expected YYYY-MM-DD"
    );
    let e = parse("ae = 5\n").unwrap_err();
    assert_eq!(e.to_string(), "acme/deal.toml:1: \"ae\" must be a string");
    let e = parse("stakeholders = \"Maria\"\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "acme/deal.toml:1: \"stakeholders\" must be an array of tables"
    );
    let e = parse("amount = true\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "acme/deal.toml:1: \"amount\" must be a number"
    );
    let e = parse("first_value = 3\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "acme/deal.toml:1: \"first_value\" must be a table"
    );
    let e = parse("[[goals]]\nkind = \"buyer\"\n").unwrap_err();
    assert_eq!(e.line(), Some(1));
    assert!(
        e.to_string().contains("[[goals]] entry has no \"text\""),
        "{e}"
    );
    let e = parse("[[goals]]\ntext = 7\n").unwrap_err();
    assert_eq!(e.to_string(), "acme/deal.toml:2: \"text\" must be a string");
}

#[test]
fn syntax_error_names_the_line_on_one_line() {
    let e = parse("id = \"x\"\nname = \"a\"\n\nkickoff = 2026-13-45\n").unwrap_err();
    let msg = e.to_string();
    assert!(msg.starts_with("acme/deal.toml:4: invalid TOML: "), "{msg}");
    assert!(!msg.contains('\n'));
    let e = parse("a = 1\nb = \n").unwrap_err();
    assert_eq!(e.line(), Some(2), "{e}");
    let e = parse("a = 1\na = 2\n").unwrap_err();
    assert!(e.to_string().starts_with("acme/deal.toml:2:"), "{e}");
}

#[test]
fn control_characters_in_values_are_removed() {
    let d = parse("name = \"Acme\\u001b[31m red\"\n").unwrap();
    assert_eq!(d.name.as_deref(), Some("Acme red"));
}

#[test]
fn empty_fields_are_fields_not_filled_in() {
    let d = parse("csm = \"\"\nae = \"  \"\nsegment = \"smb\"\n").unwrap();
    assert_eq!(d.csm, None);
    assert_eq!(d.ae, None);
    assert_eq!(d.segment.as_deref(), Some("smb"));
}

#[test]
fn unsafe_ids_are_refused_naming_the_file_and_line() {
    for (id, why) in [
        (r#""""#, "is empty"),
        (r#""   ""#, "is empty"),
        (r#"".""#, "cannot be \".\" or \"..\""),
        (r#""..""#, "cannot be \".\" or \"..\""),
        (
            r#""OPP\u0007-1""#,
            "holds a control or text-direction character",
        ),
        (r#""OPP\n1""#, "holds a control or text-direction character"),
        (
            r#""OPP-\u202e1""#,
            "holds a control or text-direction character",
        ),
        (r#"" OPP-1""#, "starts or ends with a space"),
    ] {
        let e = parse(&format!("name = \"Acme\"\nid = {id}\n")).unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.starts_with("acme/deal.toml:2: \"id\" ") && msg.contains(why),
            "{id}: {msg}"
        );
        assert!(!msg.contains('\n'), "{msg}");
    }
    let long = format!("id = \"{}\"\n", "x".repeat(201));
    assert!(
        parse(&long)
            .unwrap_err()
            .to_string()
            .contains("longer than 200")
    );
    // Separators are safe: the export names the file after a hash of such an id.
    for ok in ["a/b", "a?b", "a_b", "...", "OPP 2026/7", "18"] {
        assert_eq!(parse(&format!("id = \"{ok}\"\n")).unwrap().id, ok);
    }
    // No id: the folder's name must be one.
    let e = parse_deal("name = \"x\"\n", Path::new("b/deal.toml"), " ").unwrap_err();
    assert!(
        e.to_string()
            .starts_with("b/deal.toml:1: no \"id\", and the folder name as the deal id is empty"),
        "{e}"
    );
}
