use super::*;
use std::collections::BTreeMap;

/// A HubSpot deals export as HubSpot writes it: a byte-order mark, CRLF line
/// ends, a multi-line quoted description, custom columns, a row that is not
/// closed-won and a row whose date does not parse.
pub(crate) const HUBSPOT_DEALS: &str = "\u{feff}Record ID,Deal Name,Deal Stage,Close Date,Amount,Deal owner,Associated Company,Pipeline,Deal Type,Currency,CS Owner,Kickoff Date,Customer Tier,Deal Description,Associated Contact,Last Modified Date\r\n\
9001,Acme Corp: analytics rollout,Closed Won,2026-10-02 14:03,\"$48,000.00\",Dana Whitfield,Acme Corp,Sales Pipeline,New Business,USD,Priya Raman,11/20/2026,Mid-Market,\"We promised two extra admin training sessions.\r\nThe \"\"Ops\"\" team needs SSO by go-live.\",Maria Chen (maria@acme.example); Tom Baker,2026-10-03 09:00\r\n\
9002,Globex: pilot,Appointment Scheduled,2026-11-01,12000,Sam Ortiz,Globex,Sales Pipeline,New Business,USD,,,SMB,,,\r\n\
9003,Initech Phase 2,closedwon,13/45/2026,\"7,500\",Dana Whitfield,Initech,Sales Pipeline,Existing Business,USD,,,SMB,,,\r\n\
9004,\"Umbrella \u{1b}[31mCorp\",Closed - Won,2026-09-15,\"EUR 1.234,50\",Lee Park,Umbrella,Sales Pipeline,New Business,,Dev Anand,2026-10-01,Enterprise,,,\r\n";

/// A Salesforce opportunities-with-contact-roles report, UK locale (day
/// first), one row per contact role.
pub(crate) const SALESFORCE_DEALS: &str = "Opportunity ID,Opportunity Name,Account Name,Stage,Close Date,Amount,Opportunity Owner,Type,Lead Source,Next Step,Description,Contact Name,Title,Contact Role\n\
006Hs00001AbCdE,Brannock Hotels: procurement,Brannock Hotels,Closed Won,02/10/2026,\"£36,000.00\",Imogen Latchford,New Business,Partner Referral,Kickoff call,\"Signed after the pilot.\nThey expect onsite training.\",Maria Chen,VP Operations,Economic Buyer\n\
006Hs00001AbCdE,Brannock Hotels: procurement,Brannock Hotels,Closed Won,02/10/2026,\"£36,000.00\",Imogen Latchford,New Business,Partner Referral,Kickoff call,\"Signed after the pilot.\nThey expect onsite training.\",Raj Patel,IT Director,Technical Buyer\n\
006Hs00001XyZaB,Northwind renewal,Northwind,Negotiation/Review,15/11/2026,9000,Imogen Latchford,Renewal,,,,,,\n";

fn write(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn config(text: &str, source: Source) -> CrmConfig {
    parse_crm_config(text, std::path::Path::new("config.toml"), source).unwrap()
}

#[test]
fn dates_in_the_formats_exports_use() {
    let d = |s, o| parse_date(s, o).map(|d| d.to_string());
    assert_eq!(d("2026-10-02", DateOrder::Mdy).unwrap(), "2026-10-02");
    assert_eq!(d("2026-10-02 14:03", DateOrder::Dmy).unwrap(), "2026-10-02");
    assert_eq!(
        d("2026-10-02T14:03:00Z", DateOrder::Mdy).unwrap(),
        "2026-10-02"
    );
    assert_eq!(d("10/2/2026", DateOrder::Mdy).unwrap(), "2026-10-02");
    assert_eq!(
        d("10/2/2026 2:03 PM", DateOrder::Mdy).unwrap(),
        "2026-10-02"
    );
    assert_eq!(d("02/10/2026", DateOrder::Dmy).unwrap(), "2026-10-02");
    assert_eq!(d("02.10.2026", DateOrder::Dmy).unwrap(), "2026-10-02");
    assert_eq!(d("10/2/26", DateOrder::Mdy).unwrap(), "2026-10-02");
    let e = d("13/45/2026", DateOrder::Mdy).unwrap_err();
    assert!(e.contains("MM/DD/YYYY"), "{e}");
    assert!(d("25/10/2026", DateOrder::Mdy).is_err());
    assert!(d("2026-02-30", DateOrder::Mdy).is_err());
    assert!(d("next week", DateOrder::Mdy).is_err());
}

#[test]
fn amounts_with_symbols_and_separators() {
    let a = |s| parse_amount(s).unwrap();
    assert_eq!(a("48000"), (48000.0, None));
    assert_eq!(a("$48,000.00"), (48000.0, Some("USD")));
    assert_eq!(a("USD 48,000.00"), (48000.0, Some("USD")));
    assert_eq!(a("48.000,50 €"), (48000.5, Some("EUR")));
    assert_eq!(a("£1,250"), (1250.0, Some("GBP")));
    assert_eq!(a("1,250,000"), (1250000.0, None));
    assert_eq!(a("1.25"), (1.25, None));
    assert_eq!(a("1,5"), (1.5, None));
    assert_eq!(a("(1,000)"), (-1000.0, None));
    assert!(parse_amount("TBD").is_err());
    assert!(parse_amount("48k").is_err());
    assert!(parse_amount("1.2.3").is_err());
}

#[test]
fn stages_and_folders() {
    for s in [
        "Closed Won",
        "closedwon",
        "Closed - Won",
        "closed_won",
        "CLOSED WON",
    ] {
        assert!(is_won(s, &[]), "{s}");
    }
    assert!(!is_won("Closed Lost", &[]));
    assert!(is_won("Signed", &["signed".into()]));
    assert_eq!(
        folder_name("OPP-2026/0142").as_deref(),
        Some("OPP-2026_0142")
    );
    assert_eq!(folder_name("../etc").as_deref(), Some("_._etc"));
    assert_eq!(folder_name("..."), None);
    assert_eq!(folder_name(" "), None);
}

#[test]
fn hubspot_rows_map_to_deal_records() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "deals.csv", HUBSPOT_DEALS);
    let cfg = config(
        "[crm.hubspot.columns]\ncsm = \"CS Owner\"\nsegment = \"Customer Tier\"\n",
        Source::HubSpot,
    );
    let read = read_deals(&file, Source::HubSpot, &cfg, DateOrder::Mdy).unwrap();
    assert_eq!((read.rows, read.skipped, read.deals.len()), (4, 1, 2));
    // The bad date is on the fifth physical line: the description of 9001
    // spans two.
    assert_eq!(read.errors.len(), 1);
    let e = read.errors[0].to_string();
    assert!(e.contains("deals.csv:5: deal 9003: Close Date"), "{e}");
    let acme = &read.deals[0];
    let r = &acme.record;
    assert_eq!(r["id"].as_str(), Some("9001"));
    assert_eq!(r["csm"].as_str(), Some("Priya Raman"));
    assert_eq!(r["segment"].as_str(), Some("Mid-Market"));
    assert_eq!(r["amount"].as_integer(), Some(48000));
    assert_eq!(r["closed_on"].to_string(), "2026-10-02");
    assert_eq!(r["kickoff"].to_string(), "2026-11-20");
    assert_eq!(r["Deal Type"].as_str(), Some("New Business"));
    assert!(
        r.get("Last Modified Date").is_none(),
        "volatile columns stay out"
    );
    assert!(r.get("Deal Description").is_none());
    assert!(acme.notes["notes/crm-description.md"].contains("\"Ops\" team"));
    let people = r["stakeholders"].as_array().unwrap();
    assert_eq!(people.len(), 2);
    assert_eq!(people[0]["email"].as_str(), Some("maria@acme.example"));
    let umbrella = &read.deals[1].record;
    assert_eq!(
        umbrella["name"].as_str(),
        Some("Umbrella Corp"),
        "escape stripped"
    );
    assert_eq!(umbrella["currency"].as_str(), Some("EUR"));
    assert_eq!(umbrella["amount"].as_float(), Some(1234.5));
}

#[test]
fn salesforce_contact_roles_and_day_first_dates() {
    let dir = tempfile::tempdir().unwrap();
    // Salesforce exports Windows-1252 unless told otherwise: the pound sign is 0xA3.
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(SALESFORCE_DEALS);
    let file = dir.path().join("opps.csv");
    std::fs::write(&file, &bytes).unwrap();
    let cfg = config(
        "[crm.salesforce]\ndate_order = \"dmy\"\n",
        Source::Salesforce,
    );
    let order = cfg.date_order.unwrap();
    let read = read_deals(&file, Source::Salesforce, &cfg, order).unwrap();
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    assert_eq!((read.deals.len(), read.skipped), (1, 1));
    let r = &read.deals[0].record;
    assert_eq!(r["closed_on"].to_string(), "2026-10-02");
    assert_eq!(r["currency"].as_str(), Some("GBP"));
    assert_eq!(r["ae"].as_str(), Some("Imogen Latchford"));
    assert_eq!(r["Lead Source"].as_str(), Some("Partner Referral"));
    let people = r["stakeholders"].as_array().unwrap();
    assert_eq!(people.len(), 2);
    assert_eq!(people[0]["role"].as_str(), Some("decision_maker"));
    assert_eq!(people[1]["role"].as_str(), Some("technical"));
    assert_eq!(people[1]["title"].as_str(), Some("IT Director"));
    assert!(read.deals[0].notes["notes/crm-description.md"].contains("onsite training"));
}

#[test]
fn file_and_config_errors_name_their_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "contacts.csv",
        "First Name,Last Name\nMaria,Chen\n",
    );
    let e = read_deals(
        &file,
        Source::HubSpot,
        &CrmConfig::default(),
        DateOrder::Mdy,
    )
    .unwrap_err();
    assert!(
        e.contains("contacts.csv: not a HubSpot deals export"),
        "{e}"
    );
    let file = write(dir.path(), "deals.csv", HUBSPOT_DEALS);
    let cfg = config(
        "[crm.hubspot.columns]\ncsm = \"CS Lead\"\n",
        Source::HubSpot,
    );
    let e = read_deals(&file, Source::HubSpot, &cfg, DateOrder::Mdy).unwrap_err();
    assert!(
        e.starts_with("config.toml: [crm.hubspot.columns] csm = \"CS Lead\"")
            && e.contains("deals.csv has no such column"),
        "{e}"
    );
    let cfg = config(
        "[crm.hubspot.columns]\nowner = \"Deal owner\"\n",
        Source::HubSpot,
    );
    let e = read_deals(&file, Source::HubSpot, &cfg, DateOrder::Mdy).unwrap_err();
    assert!(
        e.contains("[crm.hubspot.columns] owner: not a baton field"),
        "{e}"
    );
    let p = std::path::Path::new("config.toml");
    let e = parse_crm_config("[crm.pipedrive]\n", p, Source::HubSpot).unwrap_err();
    assert!(e.contains("[crm] pipedrive"), "{e}");
    let e =
        parse_crm_config("[crm.hubspot]\ndate_order = \"ymd\"\n", p, Source::HubSpot).unwrap_err();
    assert!(e.contains("[crm.hubspot] date_order"), "{e}");
}

#[test]
fn activities_become_numbered_notes_of_their_deal() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "deals.csv", HUBSPOT_DEALS);
    let cfg = CrmConfig::default();
    let mut read = read_deals(&file, Source::HubSpot, &cfg, DateOrder::Mdy).unwrap();
    let acts = write(
        dir.path(),
        "activities.csv",
        "Activity date,Activity type,Created by,Subject,Note body,Associated Deal,Associated Deal IDs\r\n\
         2026-10-02 14:03,Call,Dana Whitfield,Pricing,<p>We agreed to a 15% discount.</p>,,9001\r\n\
         2026-10-02 09:00,Call,Dana Whitfield,,First call,Acme Corp: analytics rollout,\r\n\
         2026-09-20,Note,Sam Ortiz,,Globex is open,Globex: pilot,9002\r\n\
         someday,Note,Sam Ortiz,,Undated,,9001\r\n",
    );
    let a = read_activities(
        &acts,
        Source::HubSpot,
        &cfg,
        DateOrder::Mdy,
        &mut read.deals,
    )
    .unwrap();
    assert_eq!((a.rows, a.joined, a.unmatched), (4, 2, 1));
    assert_eq!(a.errors.len(), 1);
    assert!(a.errors[0].to_string().contains("activities.csv:5:"));
    let notes: Vec<&String> = read.deals[0].notes.keys().collect();
    assert_eq!(
        notes,
        [
            "notes/2026-10-02-call-1.md",
            "notes/2026-10-02-call-2.md",
            "notes/crm-description.md"
        ]
    );
    // Sorted by time of day, so the 09:00 call is the first.
    let first = &read.deals[0].notes["notes/2026-10-02-call-1.md"];
    assert!(
        first.starts_with("# Call, 2026-10-02 09:00, Dana Whitfield\n\nFrom: Dana Whitfield\n")
    );
    let second = &read.deals[0].notes["notes/2026-10-02-call-2.md"];
    assert!(
        second.contains("Subject: Pricing\n\nWe agreed to a 15% discount.\n"),
        "{second}"
    );
}

#[test]
fn written_bundles_read_back_and_collide_loudly() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "deals.csv", HUBSPOT_DEALS);
    let mut read = read_deals(
        &file,
        Source::HubSpot,
        &CrmConfig::default(),
        DateOrder::Mdy,
    )
    .unwrap();
    // A value TOML must escape: quotes, a backslash, a newline.
    read.deals[0].record.insert(
        "Notes \"quoted\"".into(),
        toml::Value::String("a \"b\" \\ c\nd".into()),
    );
    let root = dir.path().join("crm/hubspot");
    let (written, errors) = write_bundles(&root, &read.deals, &file);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(written.len(), 2);
    let b = crate::bundle::load(&written[0]).unwrap();
    assert_eq!(b.deal.id, "9001");
    assert_eq!(b.deal.csm, None, "CS Owner is not mapped without config");
    assert_eq!(
        b.deal.kickoff.map(|d| d.to_string()).as_deref(),
        Some("2026-11-20")
    );
    assert_eq!(b.deal.amount, Some(48000.0));
    assert_eq!(b.deal.stakeholders.len(), 2);
    let extra: &BTreeMap<String, String> = &b.deal.extra;
    assert_eq!(extra["Notes \"quoted\""], "a \"b\" \\ c\nd");
    assert_eq!(extra["CS Owner"], "Priya Raman");
    assert_eq!(b.notes().count(), 1);
    // The same deals again: not a byte changes.
    let before = std::fs::read(written[0].join("deal.toml")).unwrap();
    let (_, errors) = write_bundles(&root, &read.deals, &file);
    assert!(errors.is_empty());
    assert_eq!(std::fs::read(written[0].join("deal.toml")).unwrap(), before);
    // Two ids that make one folder: the second is refused.
    let mut twin = read.deals[0].clone();
    twin.id = "9001 ".into();
    twin.line = 9;
    let (_, errors) = write_bundles(&root, &[read.deals[0].clone(), twin], &file);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0]
            .to_string()
            .contains("deals.csv:9: deal ids \"9001\" (line 2)")
    );
    // A folder an earlier run wrote for another id is not taken over.
    let mut other = read.deals[0].clone();
    other.id = "9001/".into();
    other.folder = "9001".into();
    let (_, errors) = write_bundles(&root, &[other], &file);
    assert!(
        errors[0].message.contains("which holds deal \"9001\""),
        "{errors:?}"
    );
}
