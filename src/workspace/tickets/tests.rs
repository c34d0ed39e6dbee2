use super::*;
use crate::workspace::crm::DateOrder;
use jiff::civil::{Date, date};

#[test]
fn account_names_compare_as_people_mean_them() {
    let same = [
        (
            "Larkspur & Mbeki Architects Inc.",
            "larkspur and mbeki architects",
        ),
        ("Bellbird Garden Centres Pty Ltd", "Bellbird Garden Centres"),
        ("Vredeborg Metaal B.V.", "Vredeborg Metaal BV"),
        (
            "Saltmarsh Home Health Services, LLC",
            "Saltmarsh Home Health Services",
        ),
        ("The Brannock Hospitality Group Ltd", "Brannock Hospitality"),
    ];
    for (a, b) in same {
        assert_eq!(normalise_account(a), normalise_account(b), "{a} / {b}");
    }
    // A suffix alone is a name, and words inside a name stay.
    assert_eq!(normalise_account("Group"), "group");
    assert_ne!(
        normalise_account("Acme Co Holdings"),
        normalise_account("Acme")
    );
}

#[test]
fn freemail_domains_identify_nobody() {
    assert_eq!(
        email_domain("Ann <ann@Larkspur.example>"),
        Some("larkspur.example".into())
    );
    assert_eq!(email_domain("ann@gmail.com"), None);
    assert_eq!(email_domain("not an address"), None);
}

#[test]
fn desk_dates_read_including_jira_month_names() {
    use read::ticket_date;
    let d = |s: &str| ticket_date(s, DateOrder::Mdy).unwrap();
    assert_eq!(d("12/May/26 5:02 PM"), date(2026, 5, 12));
    assert_eq!(d("2026-09-10 08:41:10"), date(2026, 9, 10));
    assert_eq!(d("05/12/2026"), date(2026, 5, 12));
    assert!(ticket_date("31/Feb/26", DateOrder::Mdy).is_err());
    assert!(ticket_date("soon", DateOrder::Mdy).is_err());
}

fn ticket(id: &str, account: Option<&str>, email: Option<&str>, created: Date) -> Ticket {
    Ticket {
        line: 2,
        id: id.into(),
        subject: "Reports down".into(),
        status: None,
        priority: Some("Urgent".into()),
        account: account.map(str::to_string),
        email: email.map(str::to_string),
        created,
        tags: vec![],
    }
}

fn target(deal: &str, account: &str, kickoff: Option<Date>, domains: &[&str]) -> Target {
    Target {
        deal: deal.into(),
        account: Some(account.into()),
        closed_on: None,
        kickoff,
        domains: domains.iter().map(|d| d.to_string()).collect(),
    }
}

#[test]
fn the_plan_matches_windows_and_skips() {
    let cfg = TicketConfig::default();
    let k = date(2026, 4, 20);
    let targets = vec![
        target(
            "A-1",
            "Acme Ltd",
            Some(k),
            &["acme.example", "seller.example"],
        ),
        target(
            "B-1",
            "Birch Inc",
            None,
            &["birch.example", "seller.example"],
        ),
        // Acme's expansion deal, kicked off later.
        target("A-2", "ACME", Some(date(2026, 9, 1)), &[]),
    ];
    let tickets = vec![
        ticket("1", Some("Acme"), None, date(2026, 5, 1)), // A-1, in its window
        ticket("2", Some("Acme"), None, date(2026, 9, 5)), // A-2, in its window
        ticket("3", None, Some("x@birch.example"), date(2026, 5, 1)), // B-1, no kickoff
        ticket("4", None, Some("x@seller.example"), date(2026, 5, 1)), // two accounts: unmatched
        ticket("5", Some("Acme"), None, date(2026, 4, 19)), // before either window
        ticket(
            "6",
            None,
            Some("ops@acme.example"),
            k.checked_add(jiff::Span::new().days(90)).unwrap(),
        ), // day 90 counts
        ticket(
            "7",
            None,
            Some("ops@acme.example"),
            k.checked_add(jiff::Span::new().days(91)).unwrap(),
        ), // day 91 does not
    ];
    let mut not_escalation = ticket("8", Some("Acme"), None, date(2026, 5, 2));
    not_escalation.priority = Some("Normal".into());
    let mut tagged = ticket("9", Some("Acme"), None, date(2026, 5, 3));
    tagged.priority = None;
    tagged.tags = vec!["escalation".into()];
    let mut all = tickets;
    all.push(not_escalation);
    all.push(tagged);
    let recorded = [TicketRef {
        desk: Desk::Zendesk,
        id: "9".into(),
    }]
    .into_iter()
    .collect();
    let p = plan(&Desk::Zendesk, all, &targets, &recorded, &cfg);
    let recorded: Vec<(&str, &str)> = p
        .record
        .iter()
        .map(|(d, e)| (d.as_str(), e.ticket.as_ref().unwrap().id.as_str()))
        .collect();
    assert_eq!(recorded, [("A-1", "1"), ("A-2", "2"), ("A-1", "6")]);
    assert_eq!(
        p.record[0].1.severity,
        crate::handoff::outcomes::Severity::Critical
    );
    let skipped: Vec<(&str, &Skip)> = p.skipped.iter().map(|(t, s)| (t.id.as_str(), s)).collect();
    assert_eq!(
        skipped,
        [
            ("3", &Skip::NoKickoff("B-1".into())),
            ("4", &Skip::Unmatched),
            ("5", &Skip::Ambiguous(vec!["A-1".into(), "A-2".into()])),
            ("7", &Skip::AfterWindow("A-1".into())),
            ("8", &Skip::NotEscalation("A-1".into())),
            ("9", &Skip::AlreadyRecorded("A-1".into())),
        ]
    );
}

#[test]
fn config_keys_are_checked() {
    let path = std::path::Path::new("config.toml");
    let cfg = parse_ticket_config(
        "[tickets]\nwindow_days = 60\nescalation_tags = [\"vip\"]\n[tickets.columns]\naccount = \"Client\"\n",
        path,
    )
    .unwrap();
    assert_eq!(cfg.window_days, 60);
    assert_eq!(cfg.escalation_tags, ["vip"]);
    assert_eq!(cfg.columns["account"], "Client");
    let err = |t: &str| parse_ticket_config(t, path).unwrap_err();
    assert!(err("[tickets]\nwindow = 3\n").contains("config.toml: [tickets] window: unknown key"));
    assert!(err("[tickets.columns]\nowner = \"X\"\n").contains("owner: not a ticket field"));
    assert!(err("[tickets]\nwindow_days = 0\n").contains("above 0"));
}
