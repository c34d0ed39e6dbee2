//! Grouped findings in the TUI: a claim said several times is one row with
//! its mention count and every mention's place in the detail; `d` marks an
//! item a duplicate of another (it joins that row and its decision), `D`
//! dismisses it as no finding, with a reason. Each key runs one library
//! command through the one write path.

use crate::tui_support::{Demo, open_deal, press, screen, type_text, with_bundle};
use baton::handoff::{Decision, ItemKind};

const BRANNOCK: &str = "TF-OPP-26-0457";

fn brannock(size: (u16, u16)) -> Demo {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/brannock-hotels-procurement");
    let mut d = with_bundle(&root, size);
    open_deal(&mut d.app, BRANNOCK);
    d
}

/// Move the cursor of the open list tab to `id`.
fn select(app: &mut baton::tui::App, id: &str) {
    press(app, &["g"]);
    let rows = app.view.as_ref().unwrap().rows();
    for _ in 0..rows {
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
    panic!("{id} is no row");
}

fn rows(app: &baton::tui::App) -> Vec<String> {
    let v = app.view.as_ref().unwrap();
    let items = match v.tab {
        baton::tui::state::handoff::Tab::Risks => v.risks(),
        _ => v.checklist(),
    };
    items.iter().map(|i| i.id.clone()).collect()
}

fn decision(app: &baton::tui::App, id: &str) -> Decision {
    app.ws
        .handoff(BRANNOCK)
        .unwrap()
        .item(id)
        .unwrap()
        .decision
        .clone()
}

fn status_text(app: &baton::tui::App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

#[test]
fn nine_conflicts_are_three_rows_with_their_mentions() {
    let mut d = brannock((160, 48));
    press(&mut d.app, &["3"]);
    let conflicts: Vec<String> = rows(&d.app)
        .into_iter()
        .filter(|id| id.starts_with('X'))
        .collect();
    assert_eq!(conflicts, ["X1", "X2", "X3"]);
    let text = screen(&d.app);
    for count in [
        "×4 Notes grant a price concession",
        "×3 Notes say six weeks",
        "×2 Notes promise KitchenLedger",
    ] {
        assert!(text.contains(count), "{count:?} not in\n{text}");
    }
    select(&mut d.app, "X2");
    let text = screen(&d.app);
    assert!(
        text.contains(
            "said 3 times, one decision: notes/2026-05-12-discovery.md:36, \
             notes/2026-06-29-fwd-signed-order-form.eml:17, notes/2026-06-29-fwd-signed-order-form.eml:54"
        ),
        "{text}"
    );
    // One decision covers the three mentions.
    press(&mut d.app, &["enter", "enter"]);
    type_text(&mut d.app, "the order form governs");
    press(&mut d.app, &["enter"]);
    assert_eq!(decision(&d.app, "X2").state(), "scope_stands");
    let h = d.app.ws.handoff(BRANNOCK).unwrap();
    assert_eq!(h.open_counts().conflicts, 2);
}

#[test]
fn d_marks_a_duplicate_that_joins_its_items_row() {
    let mut d = brannock((120, 36));
    press(&mut d.app, &["3"]);
    let before = rows(&d.app).len();
    // C5 ("the whole group live by mid-August") is the six-week promise, C2.
    select(&mut d.app, "C5");
    press(&mut d.app, &["d"]);
    let text = screen(&d.app);
    assert!(text.contains("C5 says the same claim as"), "{text}");
    // The options are the other commitments, in order: C1, C2, ...
    press(&mut d.app, &["j", "enter"]);
    type_text(&mut d.app, "the recap of the six-week promise");
    press(&mut d.app, &["enter"]);
    match decision(&d.app, "C5") {
        Decision::Dismissed { reason, .. } => {
            assert_eq!(reason, "the recap of the six-week promise")
        }
        other => panic!("C5 is {other:?}"),
    }
    assert_eq!(decision(&d.app, "C5").duplicate_of(), Some("C2"));
    assert!(status_text(&d.app).contains("C5 dismissed: duplicate of C2"));
    assert_eq!(rows(&d.app).len(), before - 1);
    assert!(!rows(&d.app).contains(&"C5".to_string()));
    select(&mut d.app, "C2");
    let text = screen(&d.app);
    assert!(text.contains("×3 Callum asked"), "{text}");
    assert!(text.contains("(C5, duplicate)"), "{text}");
    // Esc at any step writes nothing.
    select(&mut d.app, "C3");
    press(&mut d.app, &["d", "esc"]);
    assert_eq!(decision(&d.app, "C3"), Decision::Pending);
}

#[test]
fn capital_d_dismisses_a_risk_with_a_reason() {
    let mut d = brannock((120, 36));
    press(&mut d.app, &["4"]);
    select(&mut d.app, "R2");
    let unowned = d
        .app
        .ws
        .handoff(BRANNOCK)
        .unwrap()
        .open_counts()
        .unowned_risks;
    press(&mut d.app, &["D"]);
    assert!(screen(&d.app).contains("R2 is not a risk: why?"));
    // A reason is needed.
    press(&mut d.app, &["enter"]);
    assert_eq!(decision(&d.app, "R2"), Decision::Pending);
    type_text(&mut d.app, "Ade joined the scoping call");
    press(&mut d.app, &["enter"]);
    assert_eq!(decision(&d.app, "R2").state(), "not_a_risk");
    let h = d.app.ws.handoff(BRANNOCK).unwrap();
    assert_eq!(h.open_counts().unowned_risks, unowned - 1);
    let events = d.app.ws.events(None, Some(BRANNOCK)).unwrap();
    let e = events.iter().find(|e| e.kind == "item_dismissed").unwrap();
    assert_eq!(e.payload["reason"], "Ade joined the scoping call");
    assert!(screen(&d.app).contains("not a risk"));
}

#[test]
fn only_findings_are_dismissed() {
    let mut d = brannock((120, 36));
    press(&mut d.app, &["3", "G"]);
    let last = d
        .app
        .view
        .as_ref()
        .unwrap()
        .selected_item()
        .unwrap()
        .clone();
    assert_eq!(last.kind, ItemKind::Goal);
    press(&mut d.app, &["D"]);
    assert!(d.app.overlay.is_none());
    assert!(
        status_text(&d.app).contains("only commitments, conflicts and risks are dismissed"),
        "{}",
        status_text(&d.app)
    );
}

/// Thirty promises: the list of items a duplicate may name runs past the
/// prompt at 80x24, and the highlighted one stays in view.
#[test]
fn a_long_pick_list_keeps_the_highlighted_option_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("many");
    std::fs::create_dir_all(bundle.join("notes")).unwrap();
    std::fs::write(
        bundle.join("deal.toml"),
        "id = \"OPP-9\"\nname = \"Many\"\n",
    )
    .unwrap();
    let words: Vec<&str> = "apple birch cedar delta ember falcon garnet harbor indigo juniper \
         kestrel lantern meadow nectar orchid pepper quartz raven saffron tundra umber violet \
         willow xenon yarrow zephyr amber basil cobalt dune"
        .split_whitespace()
        .collect();
    let verbs = [
        "configure",
        "install",
        "migrate",
        "connect",
        "train",
        "import",
        "export",
        "audit",
        "translate",
        "schedule",
    ];
    let notes: String = (0..30)
        .map(|i| {
            format!(
                "- We will {} the {} {} console for the customer at no charge.\n",
                verbs[i % 10],
                words[i],
                words[(i * 7 + 3) % 30]
            )
        })
        .collect();
    std::fs::write(bundle.join("notes/call.md"), notes).unwrap();
    let mut d = with_bundle(&bundle, (80, 24));
    open_deal(&mut d.app, "OPP-9");
    press(&mut d.app, &["3", "g", "d"]);
    let v = d.app.view.as_ref().unwrap();
    let first = v.selected_item().unwrap().id.clone();
    let targets: Vec<String> = baton::tui::state::flow::Flow::duplicate_targets(&v.h, &first)
        .iter()
        .map(|i| i.id.clone())
        .collect();
    assert!(targets.len() > 20, "{targets:?}");
    let last = targets.len() - 1;
    for _ in 0..last {
        press(&mut d.app, &["j"]);
    }
    let text = screen(&d.app);
    assert!(
        text.contains(&format!("  {} We will", targets[last])),
        "{} not in view:\n{text}",
        targets[last]
    );
    press(&mut d.app, &["enter", "enter"]);
    assert_eq!(
        d.app
            .ws
            .handoff("OPP-9")
            .unwrap()
            .item(&first)
            .unwrap()
            .decision
            .duplicate_of(),
        Some(targets[last].as_str())
    );
}

/// The full text of a claim (`o`) lists what each mention says and where.
#[test]
fn the_full_text_of_a_claim_lists_every_mention() {
    let mut d = brannock((160, 48));
    press(&mut d.app, &["3"]);
    select(&mut d.app, "X2");
    press(&mut d.app, &["o"]);
    let text = screen(&d.app);
    assert!(text.contains("said 3 times, one decision"), "{text}");
    for at in [
        "notes/2026-05-12-discovery.md:36, order-form.pdf:32",
        "notes/2026-06-29-fwd-signed-order-form.eml:17, order-form.pdf:32",
        "notes/2026-06-29-fwd-signed-order-form.eml:54, order-form.pdf:32",
    ] {
        assert!(text.contains(at), "{at} not in\n{text}");
    }
    assert!(
        text.contains("Notes promise go-live by mid-August"),
        "{text}"
    );
}
