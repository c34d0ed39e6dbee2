//! Outcome keys on a handoff: `E` an escalation, `H` the customer's health at
//! day 30/60/90, `m` on the Risks tab the selected risk came true. Each ends
//! in the `Command::Outcome` `baton outcome` runs; the event shows in the
//! Activity tab and the pilot readout; bad input writes nothing and says why
//! in the status line.

use crate::tui_support::{demo, open_deal, press, screen, type_text};
use baton::tui::App;
use baton::tui::state::Overlay;
use baton::tui::state::flow::Step;

/// Approved, kickoff on 2026-09-14 (not held): R1 came true in the demo.
const BRANNOCK: &str = "TF-OPP-26-0457";
/// Kicked off on 2026-04-20, health read at day 30, 60 and 90.
const LARKSPUR: &str = "PL-2026-0088";

fn events(app: &App, deal: &str, kind: &str) -> Vec<serde_json::Value> {
    app.ws
        .events(None, Some(deal))
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.payload)
        .collect()
}

fn status_text(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

fn prompt_title(app: &App) -> String {
    match &app.overlay {
        Some(Overlay::Prompt { step, .. }) => match step {
            Step::Pick { title, .. } | Step::Text { title, .. } => title.clone(),
            Step::Confirm { message } => message.clone(),
        },
        _ => String::new(),
    }
}

/// Clear the prompt's field and type `text` into it.
fn retype(app: &mut App, text: &str) {
    press(app, &["ctrl-u"]);
    type_text(app, text);
}

#[test]
fn e_records_an_escalation_that_the_activity_tab_and_the_pilot_readout_show() {
    let mut d = demo((120, 36));
    open_deal(&mut d.app, BRANNOCK);
    let before = events(&d.app, BRANNOCK, "escalation_recorded").len();
    press(&mut d.app, &["E"]);
    assert!(
        prompt_title(&d.app).contains("Escalation on"),
        "{:?}",
        d.app.overlay.is_some()
    );
    retype(&mut d.app, "2026-09-02");
    press(&mut d.app, &["enter"]);
    // Desk words read as the CLI reads them: urgent is critical.
    type_text(&mut d.app, "urgent");
    press(&mut d.app, &["enter"]);
    press(&mut d.app, &["j", "j", "enter"]); // Meeting
    type_text(&mut d.app, "Weekly call: the go-live plan slipped");
    press(&mut d.app, &["enter"]);
    assert!(d.app.overlay.is_none());
    let written = events(&d.app, BRANNOCK, "escalation_recorded");
    assert_eq!(written.len(), before + 1);
    let e = written.last().unwrap();
    assert_eq!(e["date"], "2026-09-02");
    assert_eq!(e["severity"], "critical");
    assert_eq!(e["source"], "meeting");
    assert_eq!(e["note"], "Weekly call: the go-live plan slipped");
    assert!(
        status_text(&d.app).contains("critical escalation on 2026-09-02 from meeting"),
        "{}",
        status_text(&d.app)
    );
    // The Activity tab lists it last, as every event.
    press(&mut d.app, &["8", "G"]);
    let log = screen(&d.app);
    let last = log
        .lines()
        .rfind(|l| l.contains("escalation recorded"))
        .unwrap_or_default()
        .to_string();
    assert!(last.contains("Test CSM (CSM)"), "{log}");
    // The pilot readout counts it (the demo had two escalations).
    press(&mut d.app, &["M", "P", "f"]);
    retype(&mut d.app, "2026-03-01");
    press(&mut d.app, &["enter", "d"]);
    retype(&mut d.app, "190");
    press(&mut d.app, &["enter"]);
    let r = &d.app.pilot.as_ref().unwrap().readout;
    let esc = r
        .sections
        .iter()
        .find(|s| s.title == "Escalations")
        .unwrap();
    assert!(
        esc.number.starts_with("3 escalation(s) on 2 handoff(s)"),
        "{}",
        esc.number
    );
    assert!(
        esc.lines
            .iter()
            .any(|l| l.deal == BRANNOCK && l.text.contains("Weekly call")),
        "{:?}",
        esc.lines
    );
}

#[test]
fn a_bad_date_or_an_unknown_severity_is_said_in_the_status_line_and_writes_nothing() {
    let mut d = demo((120, 36));
    open_deal(&mut d.app, BRANNOCK);
    let before = events(&d.app, BRANNOCK, "escalation_recorded").len();
    press(&mut d.app, &["E"]);
    retype(&mut d.app, "2026-02-30");
    press(&mut d.app, &["enter"]);
    assert!(
        status_text(&d.app).contains("\"2026-02-30\" is not a date"),
        "{}",
        status_text(&d.app)
    );
    assert!(d.app.status.as_ref().unwrap().error);
    // Still asking the date: the prompt stays open to correct it.
    assert!(prompt_title(&d.app).contains("Escalation on"));
    retype(&mut d.app, "2026-09-02");
    press(&mut d.app, &["enter"]);
    type_text(&mut d.app, "sev9");
    press(&mut d.app, &["enter"]);
    assert_eq!(
        status_text(&d.app),
        "\"sev9\" is not a severity: low, medium, high or critical"
    );
    assert_eq!(prompt_title(&d.app), "Severity");
    press(&mut d.app, &["esc"]);
    assert!(d.app.overlay.is_none());
    assert_eq!(
        events(&d.app, BRANNOCK, "escalation_recorded").len(),
        before
    );
}

#[test]
fn an_escalation_the_command_refuses_is_said_in_the_status_line_and_writes_nothing() {
    let mut d = demo((120, 36));
    open_deal(&mut d.app, BRANNOCK);
    let before = d.app.ws.events(None, Some(BRANNOCK)).unwrap().len();
    press(&mut d.app, &["E"]);
    // Brannock closed in 2026: an escalation in 2020 is before it.
    retype(&mut d.app, "2020-01-01");
    press(&mut d.app, &["enter"]);
    type_text(&mut d.app, "high");
    press(&mut d.app, &["enter", "enter"]); // Email
    press(&mut d.app, &["enter"]); // no note
    assert!(d.app.overlay.is_none());
    assert!(
        status_text(&d.app).contains("is before the deal closed"),
        "{}",
        status_text(&d.app)
    );
    assert!(d.app.status.as_ref().unwrap().error);
    assert_eq!(d.app.ws.events(None, Some(BRANNOCK)).unwrap().len(), before);
}

#[test]
fn a_ticket_source_asks_for_the_ticket_and_refuses_one_without_a_desk() {
    let mut d = demo((120, 36));
    open_deal(&mut d.app, BRANNOCK);
    press(&mut d.app, &["E", "enter"]);
    type_text(&mut d.app, "P2");
    press(&mut d.app, &["enter", "j", "j", "j", "j", "enter"]); // Support-desk ticket
    assert_eq!(prompt_title(&d.app), "Ticket");
    type_text(&mut d.app, "4521");
    press(&mut d.app, &["enter"]);
    assert!(
        status_text(&d.app).contains("\"4521\" is not a ticket: DESK:ID"),
        "{}",
        status_text(&d.app)
    );
    retype(&mut d.app, "zendesk:4521");
    press(&mut d.app, &["enter", "enter"]);
    let e = events(&d.app, BRANNOCK, "escalation_recorded")
        .pop()
        .unwrap();
    assert_eq!(e["severity"], "high");
    assert_eq!(e["source"], "ticket");
    assert_eq!(e["ticket"]["desk"], "zendesk");
    assert_eq!(e["ticket"]["id"], "4521");
    assert_eq!(e["date"], "2026-09-04", "the date offered is today");
}

/// Move the Risks tab's cursor to `id`.
fn select_risk(app: &mut App, id: &str) {
    press(app, &["g"]);
    for _ in 0..50 {
        if app
            .view
            .as_ref()
            .unwrap()
            .selected_item()
            .map(|i| i.id.as_str())
            == Some(id)
        {
            return;
        }
        press(app, &["j"]);
    }
    panic!("{id} not in the Risks tab");
}

#[test]
fn m_on_a_risk_records_it_came_true_once_and_a_second_time_is_refused() {
    let mut d = demo((120, 36));
    open_deal(&mut d.app, BRANNOCK);
    press(&mut d.app, &["4"]);
    select_risk(&mut d.app, "R2");
    press(&mut d.app, &["m"]);
    assert_eq!(prompt_title(&d.app), "R2 came true: when");
    retype(&mut d.app, "2026-09-01");
    press(&mut d.app, &["enter"]);
    type_text(&mut d.app, "Ade blocked the SSO change");
    press(&mut d.app, &["enter"]);
    let written = events(&d.app, BRANNOCK, "risk_materialised");
    // R1 came true in the demo; R2 now.
    assert_eq!(written.len(), 2);
    assert_eq!(written[1]["item"], "R2");
    assert_eq!(written[1]["date"], "2026-09-01");
    assert_eq!(written[1]["note"], "Ade blocked the SSO change");
    // Again on R2: refused before any question, nothing written.
    select_risk(&mut d.app, "R2");
    press(&mut d.app, &["m"]);
    assert!(d.app.overlay.is_none());
    assert_eq!(
        status_text(&d.app),
        "TF-OPP-26-0457: R2 already materialised on 2026-09-01"
    );
    assert_eq!(events(&d.app, BRANNOCK, "risk_materialised").len(), 2);
    // The Activity tab shows it.
    press(&mut d.app, &["8", "G"]);
    assert!(screen(&d.app).contains("risk materialised"));
}

#[test]
fn h_records_health_after_kickoff_and_is_refused_before_it() {
    let mut d = demo((120, 36));
    open_deal(&mut d.app, LARKSPUR);
    let before = events(&d.app, LARKSPUR, "health_recorded").len();
    press(&mut d.app, &["H"]);
    press(&mut d.app, &["j", "enter"]); // day 60
    assert_eq!(prompt_title(&d.app), "Health at day 60");
    press(&mut d.app, &["j", "j", "enter"]); // red
    type_text(&mut d.app, "Renewal talk cooled");
    press(&mut d.app, &["enter"]);
    let written = events(&d.app, LARKSPUR, "health_recorded");
    assert_eq!(written.len(), before + 1);
    let h = written.last().unwrap();
    assert_eq!(
        (h["day"].as_u64(), h["health"].as_str()),
        (Some(60), Some("red"))
    );
    assert_eq!(status_text(&d.app), "customer health at day 60: red");
    press(&mut d.app, &["8", "G"]);
    assert!(screen(&d.app).contains("health recorded"));

    // Brannock's kickoff is not held: refused at once, nothing written.
    press(&mut d.app, &["q"]);
    open_deal(&mut d.app, BRANNOCK);
    press(&mut d.app, &["H"]);
    assert!(d.app.overlay.is_none());
    assert!(
        status_text(&d.app).contains("hold the kickoff first"),
        "{}",
        status_text(&d.app)
    );
    assert!(events(&d.app, BRANNOCK, "health_recorded").is_empty());
}
