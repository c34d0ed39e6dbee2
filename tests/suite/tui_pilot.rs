//! The metrics screen's pilot readout: the same readout as `baton pilot`
//! (the binary run on the same workspace), its settings asked for by keys
//! (bad values refused in place), the handoffs behind its numbers opened with
//! Enter, and the page scrolled to its end on a small terminal.

use crate::tui_support;
use crate::tui_support::{Demo, demo, press, screen, type_text};
use baton::tui::App;
use baton::tui::state::{Overlay, Screen};

/// `baton pilot ARGS` on the demo's workspace at the demo's clock.
fn cli_pilot(d: &Demo, args: &[&str]) -> String {
    let home = d.dir.path().join("home");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_baton"))
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("BATON_NOW", baton::demo::CLOCK)
        .env("NO_COLOR", "1")
        .env_remove("BATON_WORKSPACE")
        .arg("--workspace")
        .arg(d.dir.path().join("demo.db"))
        .arg("pilot")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn status_text(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

fn set(app: &mut App, key: &str, text: &str) {
    press(app, &[key, "ctrl-u"]);
    type_text(app, text);
    press(app, &["enter"]);
}

/// The readout over the whole demo (the README's example).
fn whole_demo(app: &mut App) {
    press(app, &["M", "P"]);
    set(app, "f", "2026-03-01");
    set(app, "d", "190");
}

#[test]
fn the_tui_readout_is_baton_pilots_on_the_demo() {
    let mut d = demo((160, 48));
    press(&mut d.app, &["M", "P"]);
    assert_eq!(d.app.screen, Screen::Pilot);
    // The defaults are baton pilot's without flags: from the first
    // handoff's day, 60 days, every segment.
    let page = d.app.pilot.as_ref().unwrap().readout.render(false);
    assert_eq!(cli_pilot(&d, &[]).trim_end(), page.trim_end());
    assert!(page.starts_with(
        "Pilot readout: every segment, handoffs created 2026-03-06 to 2026-05-04 (60 days)"
    ));

    whole_demo(&mut d.app);
    let cli = cli_pilot(&d, &["--since", "2026-03-01", "--days", "190"]);
    let r = &d.app.pilot.as_ref().unwrap().readout;
    assert_eq!(cli.trim_end(), r.render(false).trim_end());
    // And what the screen shows: the verdict, the sample, each number and
    // each handoff behind it, as the CLI prints them.
    let shown = screen(&d.app);
    let flat: String = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(shown.contains(
        "NOT MET: 50.0% of decided handoffs accepted without a missing-context return (2 of 4), below the 90% bar"
    ), "{shown}");
    for line in cli.lines().skip(2).filter(|l| !l.trim().is_empty()) {
        let line = line.trim().trim_start_matches("- ");
        let words = line.split_whitespace().collect::<Vec<_>>().join(" ");
        // "Title: number" on the CLI is "Title: number" on screen.
        assert!(flat.contains(&words), "{words:?} not on screen:\n{shown}");
    }
    // Hand counts on the demo, as the readout's numbers.
    let m = &r.metrics;
    assert_eq!((m.handoffs_created, m.handoffs_decided), (6, 4));
    assert_eq!(r.accepted_clean, 2);
    assert_eq!(m.missing_context_returns, 2);
    assert_eq!(m.kickoff_delays.deals_delayed, 1);
    assert_eq!(m.first_value_misses, 1);
    assert_eq!(m.outcomes.escalations, 2);
    assert_eq!(m.outcomes.risks_materialised, 1);

    // A segment from the screen is --segment.
    press(&mut d.app, &["s"]);
    let Some(Overlay::PilotPrompt { step, .. }) = &d.app.overlay else {
        panic!("the segment pick")
    };
    let baton::tui::state::flow::Step::Pick { options, .. } = step else {
        panic!("{step:?}")
    };
    let smb = options.iter().position(|o| o == "smb").unwrap();
    for _ in 0..smb {
        press(&mut d.app, &["j"]);
    }
    press(&mut d.app, &["enter"]);
    let r = &d.app.pilot.as_ref().unwrap().readout;
    assert_eq!(
        cli_pilot(
            &d,
            &["--since", "2026-03-01", "--days", "190", "--segment", "smb"]
        )
        .trim_end(),
        r.render(false).trim_end()
    );
    assert!(r.verdict_line().starts_with("TOO FEW HANDOFFS: 1 decided"));
}

#[test]
fn a_bad_since_or_days_is_refused_in_place_and_changes_nothing() {
    let mut d = demo((80, 24));
    whole_demo(&mut d.app);
    let spec = |app: &App| {
        let s = app.pilot.as_ref().unwrap().spec();
        (s.since.to_string(), s.days, s.segment.clone())
    };
    let before = spec(&d.app);
    assert_eq!(before, ("2026-03-01".into(), 190, None));
    set(&mut d.app, "f", "2026-02-30");
    assert!(
        status_text(&d.app).contains("\"2026-02-30\" is not a date"),
        "{}",
        status_text(&d.app)
    );
    assert!(matches!(d.app.overlay, Some(Overlay::PilotPrompt { .. })));
    press(&mut d.app, &["esc"]);
    assert_eq!(spec(&d.app), before);
    set(&mut d.app, "d", "0");
    assert!(
        status_text(&d.app).contains("\"0\" is not a number of days"),
        "{}",
        status_text(&d.app)
    );
    press(&mut d.app, &["esc"]);
    assert_eq!(spec(&d.app), before);
    // An empty first day is the default: the first handoff's day.
    set(&mut d.app, "f", "");
    assert_eq!(spec(&d.app), ("2026-03-06".into(), 190, None));
}

#[test]
fn enter_opens_the_handoff_behind_a_line_and_back_returns_to_the_readout() {
    let mut d = demo((80, 24));
    whole_demo(&mut d.app);
    // The last line: Brannock's R1 came true.
    press(&mut d.app, &["G"]);
    let pv = d.app.pilot.as_ref().unwrap();
    let chosen = pv.selected_driver().unwrap().clone();
    assert_eq!(chosen.deal, "TF-OPP-26-0457");
    assert!(chosen.text.contains("R1"), "{}", chosen.text);
    // Scrolled to the end of the page on a small terminal.
    assert!(
        screen(&d.app).contains("overlaps the rollout"),
        "{}",
        screen(&d.app)
    );
    press(&mut d.app, &["enter"]);
    assert_eq!(d.app.screen, Screen::Handoff);
    assert_eq!(d.app.view.as_ref().unwrap().h.deal.id, "TF-OPP-26-0457");
    // Record an escalation there; Back shows the readout recomputed, the
    // same line still selected though a line was added above it.
    press(&mut d.app, &["E", "enter"]);
    type_text(&mut d.app, "high");
    press(&mut d.app, &["enter", "enter", "enter"]);
    press(&mut d.app, &["q"]);
    assert_eq!(d.app.screen, Screen::Pilot);
    let pv = d.app.pilot.as_ref().unwrap();
    assert_eq!(pv.selected_driver(), Some(&chosen));
    assert!(
        pv.readout
            .sections
            .iter()
            .any(|s| s.number.starts_with("3 escalation(s)"))
    );
    // Back from the readout goes where the metrics were opened from.
    press(&mut d.app, &["q"]);
    assert_eq!(d.app.screen, Screen::Queue);
}

#[test]
fn the_numbers_and_the_readout_switch_and_the_top_shows_the_page_start() {
    let mut d = demo((80, 24));
    whole_demo(&mut d.app);
    press(&mut d.app, &["G", "g"]);
    let s = screen(&d.app);
    assert!(s.contains(" Sample: 6 handoff(s) created"), "{s}");
    assert!(
        s.contains("▸ KW-2026-011 Vredeborg Metaal B.V.: returned"),
        "{s}"
    );
    press(&mut d.app, &["P"]);
    assert_eq!(d.app.screen, Screen::Metrics);
    press(&mut d.app, &["tab"]);
    assert_eq!(d.app.screen, Screen::Pilot);
    // The settings are kept.
    assert_eq!(d.app.pilot.as_ref().unwrap().spec().days, 190);
}

#[test]
fn an_empty_workspace_has_a_readout_with_nothing_to_open() {
    let dir = tui_support::Pinned::new();
    let ws = baton::workspace::Workspace::open(&dir.path().join("empty.db")).unwrap();
    let mut app = App::new(
        ws,
        baton::tui::config::TuiConfig::defaults(false),
        Some(tui_support::actor()),
        baton::tui::Clock::Fixed(baton::demo::clock()),
        (80, 24),
    )
    .unwrap();
    press(&mut app, &["M", "P", "j", "G", "enter"]);
    assert_eq!(app.screen, Screen::Pilot);
    assert_eq!(
        status_text(&app),
        "no handoff is behind a number of this readout"
    );
    let s = screen(&app);
    // From today, the day the first handoff would be.
    assert!(s.contains("from 2026-09-04 (f)"), "{s}");
    assert!(s.contains("TOO FEW HANDOFFS: 0 decided"), "{s}");
}
