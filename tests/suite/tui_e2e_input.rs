//! End to end in tmux (see `tui_e2e.rs` for the driver): the keys of issue
//! 15's safe-input defects typed in a real terminal. `/salt` Enter Esc quit
//! the app; ctrl-c while typing a note quit and lost it; `/brann` matched 4
//! of 6 handoffs and Enter opened Bellbird. Skipped without tmux.

#![cfg(feature = "tui")]

use baton::handoff::Decision;
use baton::workspace::Workspace;

use crate::tmux_support::*;

const SALTMARSH: &str = "CD-0926-214";

#[test]
fn esc_ctrl_c_and_the_filter_are_safe_in_a_real_terminal() {
    if !tmux_installed() {
        eprintln!("skipped: tmux is not installed (the end-to-end TUI test drives baton in tmux)");
        return;
    }
    let t = Term::start("input", 80, 24);
    t.wait_for("the demo queue", START, |s| s.contains("6 of 6 handoffs"));
    let exited = |s: &str| s.contains("BATON_EXITED");

    // The ranked filter: one match, and Enter opens it.
    t.keys(&["/"]);
    t.type_text("brann");
    let s = t.until(&["filter: brann", "TF-OPP-26-0457"]);
    assert!(!s.contains("SW-AU-26-1193"), "Bellbird matched brann:\n{s}");
    t.keys(&["Enter"]);
    t.until(&["TF-OPP-26-0457 [approved]"]);

    // /salt Enter Esc: back to the queue, never out of baton.
    t.keys(&["q"]);
    t.until(&["1 of 6 handoffs", "filter: brann"]);
    // The field opens with the filter it had: ctrl-u empties it.
    t.keys(&["/", "C-u"]);
    t.type_text("salt");
    t.keys(&["Enter"]);
    t.until(&["CD-0926-214 [paused]"]);
    t.keys(&["Escape"]);
    let s = t.until(&["onboarding queue", "filter: salt"]);
    assert!(!exited(&s), "{s}");
    t.keys(&["Escape"]);
    t.until(&["filter cleared", "6 of 6 handoffs"]);
    t.keys(&["Escape"]);
    let s = t.until(&["q quits baton"]);
    assert!(!exited(&s), "{s}");

    // ctrl-c in a note cancels the note, baton stays.
    t.keys(&["/"]);
    t.type_text("salt");
    t.keys(&["Enter", "3", "a"]);
    t.until(&["Accept C1: note"]);
    t.type_text("half a note");
    t.keys(&["C-c"]);
    let s = t.until(&["cancelled: nothing was recorded"]);
    assert!(!exited(&s) && !s.contains("half a note"), "{s}");

    // Quitting with a typed note asks; n goes back to the flow.
    t.keys(&["r", "Enter"]);
    t.until(&["Note for the AE"]);
    t.type_text("who agreed to onsite?");
    t.keys(&["Enter"]);
    t.until(&["Return CD-0926-214 to the AE"]);
    t.keys(&["C-c"]);
    t.until(&["Quit baton and lose it?"]);
    t.keys(&["n"]);
    let s = t.until(&["Return CD-0926-214 to the AE"]);
    assert!(!exited(&s), "{s}");
    t.keys(&["C-c", "C-c"]);
    t.until(&["BATON_EXITED 0"]);

    // Nothing of it was written.
    let ws = Workspace::open(&t.db()).unwrap();
    let h = ws.handoff(SALTMARSH).unwrap();
    assert_ne!(h.status.as_str(), "returned_to_ae");
    let notes: Vec<&str> = h.items.iter().filter_map(|i| i.decision.note()).collect();
    assert!(
        !notes.iter().any(|n| n.contains("half a note")),
        "{notes:?}"
    );
    assert!(
        !matches!(&h.item("C1").unwrap().decision, Decision::Commitment { note, .. } if note.contains("half")),
    );
}
