//! `baton import --from hubspot|salesforce`: realistic exports (byte-order
//! mark, CRLF, multi-line quoted cells, custom columns, a row that is not
//! closed-won, a row with a bad date) through the binary into a temp workspace;
//! the queue and a handoff as `list` and `show` print them; importing the same
//! export again is "unchanged", a changed row a new revision.

use crate::support::Env;

const NOW: &str = "2026-10-05T10:00:00Z";

const HUBSPOT_DEALS: &str = "\u{feff}Record ID,Deal Name,Deal Stage,Close Date,Amount,Deal owner,Associated Company,Pipeline,Deal Type,Currency,CS Owner,Kickoff Date,Customer Tier,Deal Description,Associated Contact\r\n\
9001,Acme Corp: analytics rollout,Closed Won,2026-10-02 14:03,\"$48,000.00\",Dana Whitfield,Acme Corp,Sales Pipeline,New Business,USD,Priya Raman,11/20/2026,Mid-Market,\"We promised two extra admin training sessions.\r\nThe customer needs SSO by go-live.\",Maria Chen (maria@acme.example)\r\n\
9002,Globex: pilot,Appointment Scheduled,2026-11-01,12000,Sam Ortiz,Globex,Sales Pipeline,New Business,USD,,,SMB,,\r\n\
9003,Initech Phase 2,closedwon,13/45/2026,\"7,500\",Dana Whitfield,Initech,Sales Pipeline,Existing Business,USD,,,SMB,,\r\n\
9004,\"Umbrella \u{1b}[31mCorp\",Closed - Won,2026-09-15,\"EUR 1.234,50\",Lee Park,Umbrella,Sales Pipeline,New Business,,Dev Anand,2026-10-01,Enterprise,,\r\n";

const HUBSPOT_ACTIVITIES: &str = "\u{feff}Activity date,Activity type,Created by,Subject,Note body,Associated Deal,Associated Deal IDs\r\n\
2026-10-02 14:03,Call,Dana Whitfield,Pricing follow-up,\"<p>We agreed to a 15% discount.</p>\r\n<p>Kickoff in November.</p>\",Acme Corp: analytics rollout,9001\r\n\
2026-09-21 10:00,Call,Sam Ortiz,Intro,Globex intro call,Globex: pilot,9002\r\n";

const CONFIG: &str = "[identity]\nname = \"Dev Anand\"\nrole = \"csm\"\n\n\
[crm.hubspot.columns]\ncsm = \"CS Owner\"\nkickoff = \"Kickoff Date\"\nsegment = \"Customer Tier\"\n";

fn setup(env: &Env, config: &str) {
    let dir = env.path("home/.config/baton");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), config).unwrap();
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_hubspot_export_becomes_handoffs() {
    let env = Env::new();
    setup(&env, CONFIG);
    let deals = env.path("deals.csv");
    std::fs::write(&deals, HUBSPOT_DEALS).unwrap();
    let acts = env.path("activities.csv");
    std::fs::write(&acts, HUBSPOT_ACTIVITIES).unwrap();
    let args = [
        "import",
        "--from",
        "hubspot",
        deals.to_str().unwrap(),
        "--activities",
        acts.to_str().unwrap(),
    ];

    // The bad-date row is one line naming file and physical line (the
    // description of 9001 spans two); the other rows import; the exit says so.
    let out = env.run(NOW, &args);
    let err = stderr_of(&out);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(out.status.code(), Some(1), "{err}\n{stdout}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].starts_with("baton: ")
            && lines[0].ends_with("deals.csv:5: deal 9003: Close Date: \"13/45/2026\" is not a date (YYYY-MM-DD or MM/DD/YYYY)"),
        "{err}"
    );
    assert_eq!(lines[1], "baton: 1 row(s) of the export failed: see above");
    assert!(
        stdout.contains("4 row(s): 2 closed-won deal(s), 1 skipped (not closed-won), 1 failed"),
        "{stdout}"
    );
    assert!(stdout.contains("2 activity row(s): 1 joined to a deal, 1 of no deal imported here"));
    assert!(
        stdout.ends_with("imported 2, updated 0, unchanged 0, failed 0\n"),
        "{stdout}"
    );
    assert!(!stdout.contains('\u{1b}') && !err.contains('\u{1b}'));

    // The bundles are kept beside the workspace.
    let bundle = env.path("crm/hubspot/9001");
    assert!(bundle.join("deal.toml").is_file());
    assert!(bundle.join("notes/2026-10-02-call-1.md").is_file());
    // The deal's description is a note of its own, its two CRM lines kept.
    let description = std::fs::read_to_string(bundle.join("notes/crm-description.md")).unwrap();
    assert!(
        description.contains("We promised two extra admin training sessions.\n")
            && description.contains("The customer needs SSO by go-live."),
        "{description}"
    );

    let list = env.ok(NOW, &["list"]);
    assert!(
        list.contains("9001") && list.contains("Acme Corp: analytics rollout"),
        "{list}"
    );
    assert!(
        list.contains("Umbrella Corp") && !list.contains("Globex"),
        "{list}"
    );
    let show = env.json(NOW, &["show", "9001", "--json"]);
    assert_eq!(show["deal"]["csm"], "Priya Raman");
    assert_eq!(show["deal"]["ae"], "Dana Whitfield");
    assert_eq!(show["deal"]["segment"], "Mid-Market");
    assert_eq!(show["deal"]["closed_on"], "2026-10-02");
    assert_eq!(show["deal"]["kickoff"], "2026-11-20");
    let text = env.ok(NOW, &["show", "9001"]);
    assert!(
        text.contains("We agreed to a 15% discount.")
            && text.contains("notes/2026-10-02-call-1.md:6"),
        "{text}"
    );

    // The same export again: nothing changes.
    let out = env.run(NOW, &args);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        stdout.ends_with("imported 0, updated 0, unchanged 2, failed 0\n"),
        "{stdout}"
    );

    // A changed row is a new revision of that deal only; without the bad row
    // the import succeeds.
    let fixed = HUBSPOT_DEALS
        .replace("\"$48,000.00\"", "\"$52,000.00\"")
        .replace("13/45/2026", "10/15/2026");
    std::fs::write(&deals, fixed).unwrap();
    let out = env.ok(NOW, &args);
    assert!(out.contains("9001: revision 2"), "{out}");
    assert!(out.contains("9003: imported"), "{out}");
    assert!(
        out.ends_with("imported 1, updated 1, unchanged 1, failed 0\n"),
        "{out}"
    );
}

#[test]
fn a_salesforce_report_with_day_first_dates() {
    let env = Env::new();
    setup(&env, "[crm.salesforce]\ndate_order = \"dmy\"\n");
    let report = env.path("opportunities.csv");
    std::fs::write(
        &report,
        "Opportunity ID,Opportunity Name,Account Name,Stage,Close Date,Amount,Opportunity Owner,Type,Lead Source,Next Step,Description\n\
         006Hs00001AbCdE,Brannock Hotels: procurement,Brannock Hotels,Closed Won,02/10/2026,\"GBP 36,000.00\",Imogen Latchford,New Business,Partner Referral,Kickoff call,\"Signed after the pilot.\nWe committed to onsite training for every site.\"\n\
         006Hs00001XyZaB,Northwind renewal,Northwind,Negotiation/Review,15/11/2026,9000,Imogen Latchford,Renewal,,,\n",
    )
    .unwrap();
    let acts = env.path("tasks.csv");
    std::fs::write(
        &acts,
        "Subject,Date,Assigned,Opportunity,Comments,Type\n\
         Pricing call,01/10/2026,Imogen Latchford,Brannock Hotels: procurement,\"Agreed a 10% discount on year one.\",Call\n",
    )
    .unwrap();
    let out = env.ok(
        NOW,
        &[
            "import",
            "--from",
            "salesforce",
            report.to_str().unwrap(),
            "--activities",
            acts.to_str().unwrap(),
        ],
    );
    assert!(out.contains("1 closed-won deal(s), 1 skipped"), "{out}");
    assert!(out.contains("1 joined to a deal"), "{out}");
    let show = env.json(NOW, &["show", "006Hs00001AbCdE", "--json"]);
    assert_eq!(show["deal"]["closed_on"], "2026-10-02");
    assert_eq!(show["deal"]["ae"], "Imogen Latchford");
    assert!(
        env.path("crm/salesforce/006Hs00001AbCdE/notes/2026-10-01-call-1.md")
            .is_file()
    );
    // The flag wins over the config: month first, the deal closed on 10 February.
    let out = env.ok(
        NOW,
        &[
            "import",
            "--from",
            "salesforce",
            report.to_str().unwrap(),
            "--date-order",
            "mdy",
        ],
    );
    assert!(out.contains("006Hs00001AbCdE: revision 2"), "{out}");
    let show = env.json(NOW, &["show", "006Hs00001AbCdE", "--json"]);
    assert_eq!(show["deal"]["closed_on"], "2026-02-10");
}

#[test]
fn files_and_config_that_cannot_be_used_are_one_line_errors() {
    let env = Env::new();
    setup(&env, CONFIG);
    let contacts = env.path("contacts.csv");
    std::fs::write(
        &contacts,
        "First Name,Last Name,Email\nMaria,Chen,maria@acme.example\n",
    )
    .unwrap();
    env.fails(
        NOW,
        &["import", "--from", "hubspot", contacts.to_str().unwrap()],
        "contacts.csv: not a HubSpot deals export: no \"Record ID\" column",
    );
    let deals = env.path("deals.csv");
    std::fs::write(&deals, HUBSPOT_DEALS).unwrap();
    setup(
        &env,
        "[crm.hubspot.columns]\ncsm = \"Customer Success Owner\"\n",
    );
    let err = env.fails(
        NOW,
        &["import", "--from", "hubspot", deals.to_str().unwrap()],
        "[crm.hubspot.columns] csm = \"Customer Success Owner\"",
    );
    assert!(
        err.contains("config.toml") && err.contains("deals.csv has no such column"),
        "{err}"
    );
    env.fails(
        NOW,
        &["import", "--from", "pipedrive", deals.to_str().unwrap()],
        "--from pipedrive: expected hubspot or salesforce",
    );
    assert!(!env.ws.exists() && !env.path("crm").exists());
}
