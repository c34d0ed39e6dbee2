//! Keys fed to the app as terminal events; each test asserts the state the
//! keys leave and the workspace rows they write (through the library's one
//! write path), or that nothing was written.

use crate::tui_support;
use crate::tui_support::{demo, open_deal, press, type_text};
use baton::handoff::items::{CommitmentOutcome, RiskStatus};
use baton::handoff::{Decision, ItemKind, Status};
use baton::tui::state::Overlay;
use baton::tui::state::handoff::Tab;

const PAUSED: &str = "CD-0926-214";

fn events(app: &baton::tui::App, deal: &str, kind: &str) -> usize {
    app.ws
        .events(None, Some(deal))
        .unwrap()
        .iter()
        .filter(|e| e.kind == kind)
        .count()
}

fn status_text(app: &baton::tui::App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// The decision on item `id` of the paused handoff, as stored.
fn decision(app: &baton::tui::App, id: &str) -> Decision {
    app.ws
        .handoff(PAUSED)
        .unwrap()
        .item(id)
        .unwrap()
        .decision
        .clone()
}

/// Move the checklist cursor to `id`.
fn select(app: &mut baton::tui::App, id: &str) {
    press(app, &["g"]);
    while app
        .view
        .as_ref()
        .unwrap()
        .selected_item()
        .map(|i| i.id.as_str())
        != Some(id)
    {
        let before = app.view.as_ref().unwrap().cursor().selected;
        press(app, &["j"]);
        assert_ne!(
            before,
            app.view.as_ref().unwrap().cursor().selected,
            "{id} not found"
        );
    }
}

#[test]
fn accepting_a_commitment_records_the_decision_and_its_note() {
    let mut d = demo((120, 36));
    open_deal(&mut d.app, PAUSED);
    press(&mut d.app, &["3"]);
    select(&mut d.app, "C3");
    press(&mut d.app, &["a"]);
    type_text(&mut d.app, "onsite week agreed with Renata");
    press(&mut d.app, &["enter"]);
    let h = d.app.ws.handoff(PAUSED).unwrap();
    match &h.item("C3").unwrap().decision {
        Decision::Commitment { outcome, note, by } => {
            assert_eq!(*outcome, CommitmentOutcome::Accepted);
            assert_eq!(note, "onsite week agreed with Renata");
            assert_eq!(by.name, "Test CSM");
        }
        other => panic!("C3 is {other:?}"),
    }
    assert!(d.app.overlay.is_none());
    assert!(
        status_text(&d.app).contains("C3"),
        "{}",
        status_text(&d.app)
    );
    // The view was reloaded from the workspace.
    let v = d.app.view.as_ref().unwrap();
    assert!(matches!(
        v.h.item("C3").unwrap().decision,
        Decision::Commitment { .. }
    ));
}

#[test]
fn enter_on_a_conflict_resolves_it_with_the_chosen_side() {
    let mut d = demo((120, 36));
    open_deal(&mut d.app, PAUSED);
    press(&mut d.app, &["3"]);
    select(&mut d.app, "X1");
    press(&mut d.app, &["enter", "j", "enter"]); // "The notes stand"
    type_text(&mut d.app, "AE confirmed onsite");
    press(&mut d.app, &["enter"]);
    let h = d.app.ws.handoff(PAUSED).unwrap();
    assert_eq!(h.item("X1").unwrap().decision.state(), "notes_stand");
    assert_eq!(events(&d.app, PAUSED, "conflict_resolved"), 1);
}

#[test]
fn a_risk_gets_an_owner_due_date_and_status_and_a_bad_date_is_refused_in_place() {
    let mut d = demo((120, 36));
    open_deal(&mut d.app, PAUSED);
    press(&mut d.app, &["4"]);
    let first = d.app.view.as_ref().unwrap().risks()[0].id.clone();
    press(&mut d.app, &["enter"]);
    let Some(Overlay::Prompt { step, .. }) = &d.app.overlay else {
        panic!("owner picker")
    };
    let baton::tui::state::flow::Step::Pick { options, .. } = step else {
        panic!("{step:?}")
    };
    let owner = options[0].clone();
    press(&mut d.app, &["enter"]);
    type_text(&mut d.app, "2026-13-40");
    press(&mut d.app, &["enter"]);
    let Some(Overlay::Prompt { step, .. }) = &d.app.overlay else {
        panic!("the due prompt stays open")
    };
    assert!(format!("{step:?}").contains("not a date"), "{step:?}");
    assert_eq!(events(&d.app, PAUSED, "risk_owner_assigned"), 0);
    for _ in 0.."2026-13-40".len() {
        press(&mut d.app, &["backspace"]);
    }
    type_text(&mut d.app, "2026-09-18");
    press(&mut d.app, &["enter", "j", "enter"]); // status: Mitigated
    let h = d.app.ws.handoff(PAUSED).unwrap();
    match &h.item(&first).unwrap().decision {
        Decision::Risk {
            owner: o,
            due,
            status,
            ..
        } => {
            assert_eq!(o, &owner);
            assert_eq!(due.map(|d| d.to_string()).as_deref(), Some("2026-09-18"));
            assert_eq!(*status, RiskStatus::Mitigated);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn returning_to_the_ae_asks_reason_note_and_confirmation() {
    let mut d = demo((120, 36));
    open_deal(&mut d.app, PAUSED);
    press(&mut d.app, &["r", "enter"]);
    type_text(&mut d.app, "who agreed the price hold?");
    press(&mut d.app, &["enter"]);
    assert!(
        matches!(
            &d.app.overlay,
            Some(Overlay::Prompt {
                step: baton::tui::state::flow::Step::Confirm { .. },
                ..
            })
        ),
        "confirmation before a return"
    );
    assert_eq!(events(&d.app, PAUSED, "handoff_returned"), 0);
    press(&mut d.app, &["y"]);
    assert_eq!(
        d.app.ws.handoff(PAUSED).unwrap().status,
        Status::ReturnedToAe
    );
    let returned: Vec<_> = d
        .app
        .ws
        .events(None, Some(PAUSED))
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == "handoff_returned")
        .collect();
    assert_eq!(returned.len(), 1);
    assert_eq!(returned[0].payload["reason"], "missing_context");
    assert_eq!(returned[0].payload["note"], "who agreed the price hold?");
    assert_eq!(returned[0].actor, "Test CSM");
}

#[test]
fn cancelling_any_step_writes_nothing() {
    let mut d = demo((120, 36));
    open_deal(&mut d.app, PAUSED);
    let before = d.app.ws.events(None, Some(PAUSED)).unwrap().len();
    press(&mut d.app, &["r", "enter", "esc"]);
    press(&mut d.app, &["r", "enter", "enter", "n"]);
    press(&mut d.app, &["3", "enter", "esc"]);
    assert!(d.app.overlay.is_none());
    assert_eq!(d.app.ws.events(None, Some(PAUSED)).unwrap().len(), before);
    assert!(status_text(&d.app).contains("nothing was recorded"));
}

#[test]
fn approval_is_refused_while_gates_fail_and_export_says_why_not() {
    let mut d = demo((120, 36));
    open_deal(&mut d.app, PAUSED);
    press(&mut d.app, &["9", "a", "enter", "y"]);
    assert!(
        status_text(&d.app).contains("approval refused"),
        "{}",
        status_text(&d.app)
    );
    assert!(d.app.ws.approval_history(PAUSED).unwrap().is_empty());
    press(&mut d.app, &["e"]);
    let msg = status_text(&d.app);
    assert!(
        msg.contains("not approved") && msg.contains("gate"),
        "{msg}"
    );
    assert!(!d.dir.path().join("exports").exists());
}

/// Decide everything the gates need, through the keys, then sign off as
/// both roles and export.
#[test]
fn a_whole_review_from_checklist_to_export() {
    let mut d = demo((120, 36));
    open_deal(&mut d.app, PAUSED);
    press(&mut d.app, &["3"]);
    let items: Vec<(String, ItemKind)> = d
        .app
        .view
        .as_ref()
        .unwrap()
        .checklist()
        .iter()
        .filter(|i| matches!(i.decision, Decision::Pending) && i.kind != ItemKind::Goal)
        .map(|i| (i.id.clone(), i.kind))
        .collect();
    for (id, kind) in items {
        select(&mut d.app, &id);
        match kind {
            ItemKind::Commitment => press(&mut d.app, &["a", "enter"]),
            _ => press(&mut d.app, &["enter", "enter", "enter"]),
        }
    }
    press(&mut d.app, &["4"]);
    let risks = d.app.view.as_ref().unwrap().risks().len();
    for i in 0..risks {
        press(&mut d.app, &["g"]);
        for _ in 0..i {
            press(&mut d.app, &["j"]);
        }
        if matches!(
            d.app
                .view
                .as_ref()
                .unwrap()
                .selected_item()
                .unwrap()
                .decision,
            Decision::Pending
        ) {
            press(&mut d.app, &["enter", "enter", "enter", "enter"]);
        }
    }
    press(&mut d.app, &["9", "c", "y", "f", "y"]);
    let v = d.app.view.as_ref().unwrap();
    let failing: Vec<_> = v.gates.iter().filter(|g| !g.pass).collect();
    assert!(failing.is_empty(), "{failing:?}");
    press(&mut d.app, &["a", "y"]); // as CSM, the identity's one role
    assert_eq!(
        d.app.ws.handoff(PAUSED).unwrap().status,
        Status::ReadyForSignOff
    );
    // The TUI user cannot sign the AE side too: the deal's AE does.
    press(&mut d.app, &["a"]);
    assert!(d.app.overlay.is_none(), "no second approval to offer");
    assert!(
        status_text(&d.app).contains("already approved as csm"),
        "{}",
        status_text(&d.app)
    );
    let ae = baton::handoff::Ctx {
        actor: baton::handoff::Actor {
            name: d.app.ws.handoff(PAUSED).unwrap().deal.ae.unwrap(),
            role: Some(baton::handoff::Role::Ae),
        },
        now: baton::demo::clock(),
        team: baton::handoff::Team::default(),
        may_invalidate_approvals: false,
    };
    d.app
        .ws
        .run(
            &ae,
            PAUSED,
            &baton::handoff::Command::Approve(baton::handoff::Role::Ae),
        )
        .unwrap();
    press(&mut d.app, &["R"]);
    let h = d.app.ws.handoff(PAUSED).unwrap();
    assert_eq!(h.status, Status::Approved);
    let approvals = d.app.ws.approval_history(PAUSED).unwrap();
    assert_eq!(approvals.len(), 2);
    assert_eq!(approvals[0].hash, approvals[1].hash);
    assert_eq!(events(&d.app, PAUSED, "handoff_accepted"), 1);
    press(&mut d.app, &["e"]);
    let path = d.dir.path().join("exports").join("CD-0926-214.md");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("CD-0926-214") && !text.contains("DRAFT"));
    assert!(status_text(&d.app).contains(&path.display().to_string()));
    assert_eq!(events(&d.app, PAUSED, "brief_exported"), 1);
}

#[test]
fn a_typed_note_is_edited_anywhere_with_the_cursor_keys() {
    let mut d = demo((120, 36));
    open_deal(&mut d.app, PAUSED);
    press(&mut d.app, &["3"]);
    select(&mut d.app, "C3");
    press(&mut d.app, &["a"]);
    type_text(&mut d.app, "week agred with Rnnata");
    // "Rnnata" to "Renata", then "agred" and a word put in at the start.
    press(&mut d.app, &["left"; 5]);
    press(&mut d.app, &["delete"]);
    type_text(&mut d.app, "e");
    press(&mut d.app, &["home"]);
    type_text(&mut d.app, "onsite ");
    press(&mut d.app, &["right"; 9]);
    type_text(&mut d.app, "e");
    // A stray word at the end goes with ctrl-w.
    press(&mut d.app, &["end"]);
    type_text(&mut d.app, " oops");
    press(&mut d.app, &["ctrl-w", "backspace", "enter"]);
    match decision(&d.app, "C3") {
        Decision::Commitment { note, .. } => {
            assert_eq!(note, "onsite week agreed with Renata")
        }
        other => panic!("C3 is {other:?}"),
    }
}

#[test]
fn the_queue_filters_as_you_type_and_esc_restores() {
    let mut d = demo((120, 36));
    press(&mut d.app, &["/"]);
    type_text(&mut d.app, "saltmrsh");
    assert_eq!(d.app.queue.visible.len(), 1);
    press(&mut d.app, &["enter"]);
    assert!(d.app.overlay.is_none());
    assert_eq!(d.app.queue.text_filter, "saltmrsh");
    press(&mut d.app, &["/", "x", "esc"]);
    assert_eq!(
        d.app.queue.text_filter, "saltmrsh",
        "esc restores the filter before"
    );
    press(&mut d.app, &["x"]);
    assert_eq!(d.app.queue.visible.len(), d.app.queue.rows.len());
    press(&mut d.app, &["2"]);
    assert!(
        d.app
            .queue
            .visible
            .iter()
            .all(|&i| d.app.queue.rows[i].status == "returned_to_ae")
    );
}

#[test]
fn n_and_shift_n_walk_the_conflicts_and_both_panes_follow() {
    let mut d = demo((120, 36));
    open_deal(&mut d.app, PAUSED);
    press(&mut d.app, &["2", "n"]);
    let v = d.app.view.as_ref().unwrap();
    let n = v.evidence.conflicts.len();
    assert!(n >= 2);
    assert_eq!(v.scroll.current, Some(0));
    let spot = &v.evidence.conflicts[0];
    assert!(spot.notes.unwrap() >= v.scroll.notes_top);
    assert!(spot.scope.unwrap() >= v.scroll.scope_top);
    press(&mut d.app, &["N", "N"]);
    assert_eq!(d.app.view.as_ref().unwrap().scroll.current, Some(n - 2));
    press(&mut d.app, &["tab", "j"]);
    let v = d.app.view.as_ref().unwrap();
    assert_eq!(v.scroll.focus, baton::tui::state::evidence::Side::Scope);
}

#[test]
fn show_evidence_jumps_from_a_checklist_item_to_its_line() {
    let mut d = demo((120, 36));
    open_deal(&mut d.app, PAUSED);
    press(&mut d.app, &["3"]);
    select(&mut d.app, "X2");
    press(&mut d.app, &["v"]);
    let v = d.app.view.as_ref().unwrap();
    assert_eq!(v.tab, Tab::Evidence);
    let (side, line) = v.scroll.target.unwrap();
    let cite = v.evidence.cite(side, line).unwrap();
    let x2 = v.h.item("X2").unwrap();
    assert!(
        x2.evidence
            .iter()
            .any(|c| format!("{}:{}", c.file, c.line) == cite)
    );
    assert!(
        v.scroll.current.is_some(),
        "a conflict's jump selects the conflict"
    );
}

#[test]
fn help_opens_over_the_screen_and_q_closes_it_without_quitting() {
    let mut d = demo((120, 36));
    press(&mut d.app, &["?"]);
    assert!(matches!(d.app.overlay, Some(Overlay::Help { .. })));
    press(&mut d.app, &["q"]);
    assert!(d.app.overlay.is_none() && !d.app.quit);
    press(&mut d.app, &["q"]);
    assert!(d.app.quit, "q on the queue quits");
}

#[test]
fn refresh_shows_a_change_made_by_another_process() {
    let mut d = demo((120, 36));
    let row = |app: &baton::tui::App| {
        app.queue
            .rows
            .iter()
            .find(|r| r.id == PAUSED)
            .unwrap()
            .unowned_risks
    };
    let before = row(&d.app);
    let mut other = baton::workspace::Workspace::open(d.app.ws.path()).unwrap();
    let ctx = baton::handoff::Ctx {
        actor: tui_support::actor(),
        now: baton::demo::clock(),
        team: baton::handoff::Team::default(),
        may_invalidate_approvals: false,
    };
    let h = other.handoff(PAUSED).unwrap();
    let risk = h
        .items_of(ItemKind::Risk)
        .find(|r| matches!(r.decision, Decision::Pending))
        .unwrap()
        .id
        .clone();
    other
        .run(
            &ctx,
            PAUSED,
            &baton::handoff::Command::OwnRisk {
                item: risk,
                owner: "Wen".into(),
                due: None,
                status: RiskStatus::Open,
            },
        )
        .unwrap();
    assert_eq!(row(&d.app), before, "not before a refresh");
    press(&mut d.app, &["R"]);
    assert_eq!(row(&d.app), before - 1);
}

#[test]
fn without_an_identity_changes_are_refused_with_a_hint() {
    let mut d = demo((120, 36));
    d.app.actor = None;
    open_deal(&mut d.app, PAUSED);
    press(&mut d.app, &["3", "a"]);
    assert!(d.app.overlay.is_none());
    assert!(status_text(&d.app).contains("[identity]"));
    press(&mut d.app, &["r"]);
    assert!(d.app.overlay.is_none());
}

#[test]
fn mouse_clicks_select_rows_and_tabs_when_enabled() {
    let mut d = demo((120, 36));
    d.app.config.mouse = true;
    let click = |app: &mut baton::tui::App, x: u16, y: u16| {
        let ev = ratatui::crossterm::event::Event::Mouse(ratatui::crossterm::event::MouseEvent {
            kind: ratatui::crossterm::event::MouseEventKind::Down(
                ratatui::crossterm::event::MouseButton::Left,
            ),
            column: x,
            row: y,
            modifiers: ratatui::crossterm::event::KeyModifiers::NONE,
        });
        if let Some(a) = baton::tui::action_for(app, &ev) {
            baton::tui::update::update(app, a);
        }
    };
    click(&mut d.app, 5, 5); // the third row
    assert_eq!(d.app.queue.cursor.selected, 2);
    click(&mut d.app, 5, 5); // again: open it
    assert!(d.app.view.is_some());
    let title = baton::tui::view::handoff::tab_titles(d.app.view.as_ref().unwrap(), 120);
    let x = 1 + title[0].chars().count() as u16 + 3 + 1; // inside the second title
    click(&mut d.app, x, baton::tui::view::handoff::TAB_ROW);
    assert_eq!(d.app.view.as_ref().unwrap().tab, Tab::Evidence);
    d.app.config.mouse = false;
    click(&mut d.app, 1, baton::tui::view::handoff::TAB_ROW);
    assert_eq!(
        d.app.view.as_ref().unwrap().tab,
        Tab::Evidence,
        "off: no clicks"
    );
}

#[test]
fn a_user_keymap_rebinds_keys() {
    let mut d = demo((120, 36));
    d.app.config = baton::tui::config::TuiConfig::parse(
        "[keys.queue]\n\"o\" = \"open\"\n\"enter\" = \"none\"\n",
        "config.toml",
        true,
    )
    .unwrap();
    press(&mut d.app, &["enter"]);
    assert!(d.app.view.is_none(), "enter unbound");
    press(&mut d.app, &["o"]);
    assert!(d.app.view.is_some());
}

#[test]
fn the_sign_off_tab_scrolls_to_its_last_lines_on_a_small_terminal() {
    let mut d = demo((80, 24));
    open_deal(&mut d.app, PAUSED);
    press(&mut d.app, &["9"]);
    assert!(!tui_support::screen(&d.app).contains("has not approved this state"));
    press(&mut d.app, &["G"]);
    assert!(d.app.view.as_ref().unwrap().cursor().offset > 0);
    let s = tui_support::screen(&d.app);
    assert!(s.contains("CSM has not approved this state"), "{s}");
    press(&mut d.app, &["k"]);
    let after = d.app.view.as_ref().unwrap().cursor().offset;
    press(&mut d.app, &["j"]);
    assert_eq!(d.app.view.as_ref().unwrap().cursor().offset, after + 1);
}

#[test]
fn a_decision_that_cancels_a_sign_off_asks_first_and_no_keeps_it() {
    const APPROVED: &str = "TF-OPP-26-0457";
    let mut d = demo((120, 36));
    assert_eq!(d.app.ws.handoff(APPROVED).unwrap().status, Status::Approved);
    open_deal(&mut d.app, APPROVED);
    press(&mut d.app, &["3"]);
    select(&mut d.app, "C1");
    press(&mut d.app, &["x"]);
    type_text(&mut d.app, "not what was signed");
    press(&mut d.app, &["enter"]);
    // Asked, naming who must approve again; nothing written yet.
    let Some(Overlay::Prompt { step, .. }) = &d.app.overlay else {
        panic!("no question: {:?}", status_text(&d.app))
    };
    let baton::tui::state::flow::Step::Confirm { message } = step else {
        panic!("{step:?}")
    };
    assert!(
        message.contains("Imogen Latchford (AE)") && message.contains("Dev Anand (CSM)"),
        "{message}"
    );
    assert_eq!(d.app.ws.handoff(APPROVED).unwrap().status, Status::Approved);
    press(&mut d.app, &["n"]);
    assert!(d.app.overlay.is_none());
    assert_eq!(d.app.ws.handoff(APPROVED).unwrap().status, Status::Approved);
    assert_eq!(events(&d.app, APPROVED, "approval_invalidated"), 0);
    // Asked again and answered yes: the decision lands, the approvals go.
    press(&mut d.app, &["x"]);
    type_text(&mut d.app, "not what was signed");
    press(&mut d.app, &["enter", "y"]);
    let h = d.app.ws.handoff(APPROVED).unwrap();
    assert!(
        matches!(
            h.item("C1").unwrap().decision,
            Decision::Commitment {
                outcome: CommitmentOutcome::Rejected,
                ..
            }
        ),
        "{:?}",
        h.item("C1")
    );
    assert_eq!(h.status, Status::ReadyForSignOff);
    assert_eq!(events(&d.app, APPROVED, "approval_invalidated"), 2);
}

#[test]
fn a_paste_is_text_in_a_field_and_never_keys() {
    use ratatui::crossterm::event::Event;
    let mut d = demo((120, 36));
    let paste = |app: &mut baton::tui::App, text: &str| {
        for a in baton::tui::actions_for(app, &Event::Paste(text.into())) {
            baton::tui::update::update(app, a);
        }
    };
    // Outside a field a paste does nothing: its "q" quits nothing, its
    // line breaks open nothing.
    paste(&mut d.app, "q\nj\n");
    assert!(!d.app.quit && d.app.view.is_none() && d.app.overlay.is_none());
    open_deal(&mut d.app, PAUSED);
    press(&mut d.app, &["3"]);
    select(&mut d.app, "C3");
    press(&mut d.app, &["a"]);
    // Two lines with a key sequence after the break: typed as one line.
    paste(&mut d.app, "onsite week agreed\nr\x1b[2J with Renata\n");
    let Some(Overlay::Prompt { step, .. }) = &d.app.overlay else {
        panic!("the note prompt closed: {}", status_text(&d.app))
    };
    let baton::tui::state::flow::Step::Text { text, .. } = step else {
        panic!("{step:?}")
    };
    assert_eq!(text.text(), "onsite week agreed r with Renata ");
    assert!(matches!(decision(&d.app, "C3"), Decision::Pending));
    press(&mut d.app, &["enter"]);
    match decision(&d.app, "C3") {
        Decision::Commitment { note, .. } => {
            assert_eq!(note, "onsite week agreed r with Renata")
        }
        other => panic!("{other:?}"),
    }
}
