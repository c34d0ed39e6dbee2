//! Snapshots of every screen at 80x24 and 160x48 (ratatui's TestBackend),
//! on the demo workspace with a fixed clock.

use crate::tui_support;
use crate::tui_support::{Pinned, demo, demo_in, masked, open_deal, press, screen};

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

fn snap(name: &str, keys: &[&str], deal: Option<&str>) {
    for size in SIZES {
        let mut d = demo(size);
        if let Some(deal) = deal {
            open_deal(&mut d.app, deal);
        }
        press(&mut d.app, keys);
        let text = masked(&screen(&d.app), &d.dir);
        insta::assert_snapshot!(format!("{name}_{}x{}", size.0, size.1), text);
    }
}

#[test]
fn queue() {
    snap("queue", &[], None);
}

#[test]
fn queue_filtered_to_returned_and_sorted_by_score() {
    snap("queue_returned", &["2"], None);
    snap("queue_by_score", &["s", "s"], None);
}

#[test]
fn queue_fuzzy_filter_while_typing() {
    snap("queue_filter", &["/", "s", "l", "t"], None);
}

#[test]
fn help_overlay() {
    snap("help_queue", &["?"], None);
    snap("help_evidence", &["2", "?"], Some("TF-OPP-26-0457"));
}

#[test]
fn every_handoff_tab() {
    let deal = Some("CD-0926-214");
    snap("tab_brief", &[], deal);
    snap("tab_evidence", &["2"], deal);
    snap("tab_evidence_conflict", &["2", "n", "n"], deal);
    snap("tab_checklist", &["3"], deal);
    snap("tab_risks", &["4"], deal);
    snap("tab_stakeholders", &["5"], deal);
    snap("tab_questions", &["6"], deal);
    snap("tab_tasks", &["7"], deal);
    snap("tab_activity", &["8"], deal);
    snap("tab_sign_off", &["9"], deal);
}

/// Brannock's nine conflicts are three rows, each with its mention count.
#[test]
fn grouped_findings_are_one_row_each() {
    snap("tab_checklist_claims", &["3"], Some("TF-OPP-26-0457"));
}

#[test]
fn prompts() {
    let deal = Some("CD-0926-214");
    snap("prompt_pick", &["3", "G", "k", "enter"], deal);
    snap("prompt_note", &["3", "enter", "enter"], deal);
    snap("prompt_confirm_return", &["r", "enter", "enter"], deal);
}

#[test]
fn metrics() {
    snap("metrics", &["M"], None);
}

/// The pilot readout over the whole demo (the README's `baton pilot --since
/// 2026-03-01 --days 190`), its top, and on the small terminal its end.
#[test]
fn pilot_readout() {
    for size in SIZES {
        let mut d = demo(size);
        press(&mut d.app, &["M", "P", "f", "ctrl-u"]);
        tui_support::type_text(&mut d.app, "2026-03-01");
        press(&mut d.app, &["enter", "d", "ctrl-u"]);
        tui_support::type_text(&mut d.app, "190");
        // Enter, then let the "recomputed" message expire.
        press(&mut d.app, &["enter"]);
        d.app.status = None;
        let text = masked(&screen(&d.app), &d.dir);
        insta::assert_snapshot!(format!("pilot_{}x{}", size.0, size.1), text);
        if size == (80, 24) {
            press(&mut d.app, &["G"]);
            insta::assert_snapshot!("pilot_end_80x24", masked(&screen(&d.app), &d.dir));
        }
    }
    // The defaults: from the first handoff's day, 60 days.
    snap("pilot_default", &["M", "P"], None);
}

#[test]
fn an_approved_handoff_signs_off_clean() {
    snap("sign_off_approved", &["9"], Some("TF-OPP-26-0457"));
}

#[test]
fn too_small_and_empty() {
    let mut d = demo((79, 23));
    insta::assert_snapshot!("too_small", screen(&d.app));
    press(&mut d.app, &["q"]);
    assert!(d.app.quit, "q still quits below the smallest size");

    let dir = Pinned::new();
    let ws = baton::workspace::Workspace::open(&dir.path().join("empty.db")).unwrap();
    let app = baton::tui::App::new(
        ws,
        baton::tui::config::TuiConfig::defaults(false),
        Some(tui_support::actor()),
        baton::tui::Clock::Fixed(baton::demo::clock()),
        (80, 24),
    )
    .unwrap();
    let text = masked(&screen(&app), &dir);
    insta::assert_snapshot!("empty_workspace", text);
}

#[test]
fn the_brief_names_the_files_not_read() {
    let bundle = tempfile::tempdir().unwrap();
    let root = bundle.path().join("kestrel");
    std::fs::create_dir_all(root.join("notes")).unwrap();
    std::fs::write(
        root.join("deal.toml"),
        "id = \"T-1\"\naccount = \"Kestrel Foods\"\n",
    )
    .unwrap();
    std::fs::write(
        root.join("notes/call.md"),
        "We will have SSO live in week one.\n",
    )
    .unwrap();
    std::fs::write(root.join("notes/whiteboard.png"), b"\x89PNG").unwrap();
    std::fs::write(root.join("order-form.pdf"), b"%PDF-1.4 cut off").unwrap();
    let mut d = tui_support::with_bundle(&root, (80, 24));
    open_deal(&mut d.app, "T-1");
    insta::assert_snapshot!("brief_files_not_read_80x24", screen(&d.app));
}

/// The same screens under a short and a long temp dir: `TMPDIR=/tmp/work/x`
/// once changed where a path was cut and how the empty queue's hint wrapped.
#[test]
fn screens_lay_out_the_same_under_any_temp_dir() {
    let short = tempfile::tempdir().unwrap();
    let long = short
        .path()
        .join("a-much-longer/temp-dir/like-a-macos-one/T");
    std::fs::create_dir_all(&long).unwrap();
    let screens = |base: &std::path::Path| {
        let mut d = demo_in(Pinned::new_in(base), (160, 48));
        open_deal(&mut d.app, "CD-0926-214");
        press(&mut d.app, &["8"]);
        let activity = masked(&screen(&d.app), &d.dir);
        let dir = Pinned::new_in(base);
        let ws = baton::workspace::Workspace::open(&dir.path().join("empty.db")).unwrap();
        let app = baton::tui::App::new(
            ws,
            baton::tui::config::TuiConfig::defaults(false),
            Some(tui_support::actor()),
            baton::tui::Clock::Fixed(baton::demo::clock()),
            (80, 24),
        )
        .unwrap();
        (activity, masked(&screen(&app), &dir))
    };
    let (a, b) = (screens(short.path()), screens(&long));
    assert_eq!(a.0, b.0);
    assert_eq!(a.1, b.1);
    assert!(a.0.contains("source: /./././"), "{}", a.0);
    assert!(a.1.contains("[TMP]~~~"), "{}", a.1);
}

/// Issue 15 (items 2 and 6): the score's parts and a row's full text in the
/// viewer, the message log after a decision.
#[test]
fn viewers() {
    snap("viewer_score_parts", &["i"], None);
    snap("viewer_task", &["7", "j", "enter"], Some("CD-0926-214"));
    snap(
        "viewer_messages",
        &["3", "a", "enter", "L"],
        Some("CD-0926-214"),
    );
}
