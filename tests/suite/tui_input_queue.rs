//! Safe typing and the queue (issue 15, items 1 and 2): Esc backs out one
//! level and never quits from a field or a filter, ctrl-c in a field cancels
//! it, quitting with typed text asks first; the queue filter ranks the best
//! match first and Enter opens it, "mine", the counts' legend, the score's parts.

use crate::tui_support;
use crate::tui_support::{demo, open_deal, press, screen, type_text};
use baton::handoff::{Actor, Decision, Role};
use baton::tui::state::Overlay;

const PAUSED: &str = "CD-0926-214";
const BRANNOCK: &str = "TF-OPP-26-0457";

fn opened(app: &baton::tui::App) -> Option<&str> {
    app.view.as_ref().map(|v| v.h.deal.id.as_str())
}

fn status_text(app: &baton::tui::App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

fn shown_ids(app: &baton::tui::App) -> Vec<String> {
    let q = &app.queue;
    q.visible.iter().map(|&i| q.rows[i].id.clone()).collect()
}

/// `/salt` Enter Esc used to quit the app: Enter kept the filter, and Esc
/// on the queue was "back", which quit.
#[test]
fn esc_after_a_filter_backs_out_one_level_and_never_quits() {
    let mut d = demo((120, 36));
    press(&mut d.app, &["/"]);
    type_text(&mut d.app, "salt");
    press(&mut d.app, &["enter", "esc"]);
    assert!(!d.app.quit, "Esc quit the app");
    // Enter opened the match; Esc went back from it to the queue.
    assert!(d.app.view.is_none(), "back on the queue");
    press(&mut d.app, &["enter"]);
    assert_eq!(opened(&d.app), Some(PAUSED), "the match is still selected");
    press(&mut d.app, &["esc"]);
    assert_eq!(d.app.queue.text_filter, "salt", "the filter is kept");
    press(&mut d.app, &["esc"]);
    assert!(!d.app.quit);
    assert_eq!(d.app.queue.text_filter, "", "the next Esc clears it");
    press(&mut d.app, &["2", "esc"]);
    assert!(!d.app.quit);
    assert_eq!(d.app.queue.visible.len(), d.app.queue.rows.len());
    press(&mut d.app, &["esc"]);
    assert!(!d.app.quit, "Esc on a bare queue never quits");
    assert!(
        status_text(&d.app).contains("q quits"),
        "{}",
        status_text(&d.app)
    );
    // Esc in the field closes it with the filter it had.
    press(&mut d.app, &["/"]);
    type_text(&mut d.app, "zzz");
    press(&mut d.app, &["esc"]);
    assert!(d.app.overlay.is_none() && !d.app.quit);
    assert_eq!(d.app.queue.text_filter, "");
    press(&mut d.app, &["q"]);
    assert!(d.app.quit, "q still quits from the queue");
}

/// ctrl-c while typing a note used to quit and lose it.
#[test]
fn ctrl_c_in_a_field_cancels_the_field_and_keeps_the_session() {
    let mut d = demo((120, 36));
    open_deal(&mut d.app, PAUSED);
    press(&mut d.app, &["3", "a"]);
    type_text(&mut d.app, "half a note");
    press(&mut d.app, &["ctrl-c"]);
    assert!(!d.app.quit, "ctrl-c in a field quit the app");
    assert!(d.app.overlay.is_none(), "the field is cancelled");
    assert!(status_text(&d.app).contains("nothing was recorded"));
    let h = d.app.ws.handoff(PAUSED).unwrap();
    assert!(h.items.iter().all(|i| !matches!(
        &i.decision,
        Decision::Commitment { note, .. } if note == "half a note"
    )));
    // The filter field too.
    press(&mut d.app, &["q", "/"]);
    type_text(&mut d.app, "brann");
    press(&mut d.app, &["ctrl-c"]);
    assert!(!d.app.quit && d.app.overlay.is_none());
    assert_eq!(d.app.queue.text_filter, "");
}

/// Quitting (ctrl-c where it quits) with typed text not yet saved asks;
/// no returns to the flow as it was, a second ctrl-c quits.
#[test]
fn quitting_with_unsaved_typed_text_asks_first() {
    let mut d = demo((120, 36));
    open_deal(&mut d.app, PAUSED);
    // Return to AE: a reason, a typed note, then the confirmation.
    press(&mut d.app, &["r", "enter"]);
    type_text(&mut d.app, "who approved the onsite week?");
    press(&mut d.app, &["enter"]);
    let section = d.app.section();
    assert_eq!(section, baton::tui::keymap::Section::Confirm);
    press(&mut d.app, &["ctrl-c"]);
    assert!(!d.app.quit, "quit without asking, losing the typed note");
    assert!(screen(&d.app).contains("Quit baton and lose it?"));
    press(&mut d.app, &["n"]);
    assert!(!d.app.quit);
    let Some(Overlay::Prompt { flow, .. }) = &d.app.overlay else {
        panic!("the flow is gone")
    };
    assert_eq!(flow.answers.len(), 2, "reason and note kept");
    press(&mut d.app, &["ctrl-c", "ctrl-c"]);
    assert!(d.app.quit, "asked twice, it quits");

    // Nothing typed: ctrl-c quits at once, from a picker too.
    let mut d = demo((120, 36));
    open_deal(&mut d.app, PAUSED);
    press(&mut d.app, &["r", "ctrl-c"]);
    assert!(d.app.quit);
}

/// `/brann` matched 4 of 6 handoffs (its letters scattered over Bellbird
/// Garden Centres and others) and Enter opened Bellbird.
#[test]
fn the_filter_ranks_the_best_match_first_and_enter_opens_it() {
    let mut d = demo((120, 36));
    press(&mut d.app, &["/"]);
    type_text(&mut d.app, "brann");
    assert_eq!(shown_ids(&d.app), [BRANNOCK], "only Brannock matches");
    press(&mut d.app, &["enter"]);
    assert_eq!(opened(&d.app), Some(BRANNOCK));

    // Several matches: the best first and selected whatever the sort; the
    // arrows move the highlight while typing.
    let mut d = demo((120, 36));
    press(&mut d.app, &["/"]);
    type_text(&mut d.app, "sal");
    let ids = shown_ids(&d.app);
    assert_eq!(ids[0], PAUSED, "Saltmarsh starts with it: {ids:?}");
    assert_eq!(d.app.queue.cursor.selected, 0);
    assert!(screen(&d.app).contains("enter opens"));
    if ids.len() > 1 {
        press(&mut d.app, &["down", "enter"]);
        assert_eq!(opened(&d.app), Some(ids[1].as_str()));
    }
}

fn as_person(d: &mut tui_support::Demo, name: &str) {
    d.app.actor = Some(Actor {
        name: name.into(),
        role: Some(Role::Csm),
    });
}

#[test]
fn mine_shows_my_open_handoffs_as_ae_or_csm() {
    let mut d = demo((120, 36));
    as_person(&mut d, "Marisol Quintero"); // Saltmarsh's CSM
    press(&mut d.app, &["m"]);
    assert_eq!(shown_ids(&d.app), [PAUSED]);
    assert!(screen(&d.app).contains("mine: Marisol Quintero"));
    press(&mut d.app, &["m"]);
    assert_eq!(shown_ids(&d.app).len(), 6, "m again: everyone's");
    // Brannock's AE: Brannock is approved, so nothing of hers is open.
    as_person(&mut d, "imogen  latchford");
    press(&mut d.app, &["m"]);
    assert!(shown_ids(&d.app).is_empty());
    press(&mut d.app, &["esc"]);
    assert_eq!(shown_ids(&d.app).len(), 6, "Esc backs out of mine");
    d.app.actor = None;
    press(&mut d.app, &["m"]);
    assert!(status_text(&d.app).contains("who is this?"));
}

#[test]
fn the_queue_says_what_c_x_r_q_count() {
    for size in [(80, 24), (160, 48)] {
        let d = demo(size);
        let s = screen(&d.app);
        let last_rows: Vec<&str> = s.lines().rev().take(3).collect();
        assert!(
            last_rows.iter().any(|r| r.contains(
                "C commitments to review · X open conflicts · R unowned risks · Q open questions"
            )),
            "{s}"
        );
    }
}

#[test]
fn the_score_shows_its_parts_on_demand() {
    let mut d = demo((120, 36));
    let row = d.app.queue.selected().unwrap().clone();
    press(&mut d.app, &["i"]);
    let Some(Overlay::Viewer(v)) = &d.app.overlay else {
        panic!("no score view: {}", status_text(&d.app))
    };
    assert_eq!(v.title, format!("Score of {}", row.id));
    let text = v.plain();
    assert!(
        text.starts_with(&format!("{} of 100", row.score.unwrap())),
        "{text}"
    );
    for part in [
        "Completeness",
        "Promise risk",
        "Implementation complexity",
        "Stakeholder coverage",
        "First-value clarity",
    ] {
        assert!(text.contains(&format!("{part}: ")), "{part}: {text}");
    }
    assert!(screen(&d.app).contains("Completeness"));
    press(&mut d.app, &["esc"]);
    assert!(d.app.overlay.is_none() && !d.app.quit);
}
