//! Getting around (issue 15, items 6 and 7): back to where a jump came
//! from, the full text of any row, the message log, importing a bundle from
//! the TUI with path completion, and the metrics' filters.

use crate::tui_support;
use crate::tui_support::{Pinned, demo, open_deal, press, screen, type_text};
use baton::tui::state::Overlay;
use baton::tui::state::handoff::Tab;

const PAUSED: &str = "CD-0926-214";

fn status_text(app: &baton::tui::App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

fn tab(app: &baton::tui::App) -> Option<Tab> {
    app.view.as_ref().map(|v| v.tab)
}

/// The viewer's title and text, or a panic naming what is open instead.
fn viewer(app: &baton::tui::App) -> (String, String) {
    match &app.overlay {
        Some(Overlay::Viewer(v)) => (v.title.clone(), v.plain()),
        _ => panic!("no viewer open; status: {}", status_text(app)),
    }
}

/// `v` from the checklist used to leave Back nowhere to go but the queue.
#[test]
fn back_returns_to_the_tab_a_jump_came_from() {
    let mut d = demo((120, 36));
    open_deal(&mut d.app, PAUSED);
    press(&mut d.app, &["3", "j", "v"]);
    assert_eq!(tab(&d.app), Some(Tab::Evidence));
    press(&mut d.app, &["q"]);
    assert_eq!(tab(&d.app), Some(Tab::Checklist), "back to the checklist");
    assert_eq!(
        d.app.view.as_ref().unwrap().cursor().selected,
        1,
        "on its row"
    );
    press(&mut d.app, &["q"]);
    assert!(d.app.view.is_none(), "then to the queue");
    // A tab chosen by hand forgets the jump.
    open_deal(&mut d.app, PAUSED);
    press(&mut d.app, &["4", "v", "7", "q"]);
    assert!(d.app.view.is_none());
}

#[test]
fn enter_shows_the_full_text_of_a_task_an_event_and_a_stakeholder() {
    let mut d = demo((80, 24));
    open_deal(&mut d.app, PAUSED);
    press(&mut d.app, &["7", "j", "enter"]);
    let task = d.app.view.as_ref().unwrap().h.brief.tasks[1].clone();
    let (title, text) = viewer(&d.app);
    assert_eq!(title, format!("Task {}", task.id));
    assert!(text.contains(&task.text), "{text}");
    // The whole text is on screen, wrapped, though the table cuts it at 80 columns.
    let s = screen(&d.app);
    let last_word = task.text.split_whitespace().last().unwrap();
    assert!(s.contains(last_word), "{s}");
    press(&mut d.app, &["esc"]);
    assert!(d.app.overlay.is_none() && d.app.view.is_some());

    press(&mut d.app, &["8", "enter"]);
    let event = d.app.view.as_ref().unwrap().events[0].clone();
    let (title, text) = viewer(&d.app);
    assert!(title.starts_with("Event: "), "{title}");
    assert!(text.contains(&event.actor), "{text}");
    press(&mut d.app, &["q", "5", "enter"]);
    let person = d.app.view.as_ref().unwrap().h.brief.stakeholders[0]
        .name
        .clone();
    assert!(viewer(&d.app).1.contains(&person));
}

#[test]
fn o_shows_a_question_with_its_whole_answer_and_the_viewer_scrolls() {
    let mut d = demo((80, 24));
    open_deal(&mut d.app, PAUSED);
    press(&mut d.app, &["6", "enter"]);
    let answer = "The AE confirmed: ".to_string() + &"the onsite week stands. ".repeat(40);
    type_text(&mut d.app, &answer);
    press(&mut d.app, &["enter", "g", "o"]);
    let q = d.app.view.as_ref().unwrap().questions()[0].clone();
    let (title, text) = viewer(&d.app);
    assert_eq!(title, format!("{} question", q.id));
    assert!(text.contains(&q.text), "{text}");
    assert!(text.contains(answer.trim()), "the whole answer: {text}");
    assert!(text.contains("by Test CSM"), "{text}");
    // Longer than the overlay: it scrolls, and says where it is.
    assert!(screen(&d.app).contains(" of "), "{}", screen(&d.app));
    press(&mut d.app, &["G"]);
    let Some(Overlay::Viewer(v)) = &d.app.overlay else {
        panic!()
    };
    assert!(v.scroll > 0);
    let s = screen(&d.app);
    assert!(s.contains("by Test CSM") || s.contains("stands."), "{s}");
}

#[test]
fn the_message_log_lists_what_was_written_and_every_error() {
    let mut d = demo((120, 36));
    open_deal(&mut d.app, PAUSED);
    press(&mut d.app, &["3", "a", "enter"]);
    let written = status_text(&d.app);
    assert!(written.contains("accepted"), "{written}");
    press(&mut d.app, &["e"]); // not approved: an error
    let refused = status_text(&d.app);
    press(&mut d.app, &["L"]);
    let (title, text) = viewer(&d.app);
    assert!(title.starts_with("Messages"), "{title}");
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].contains(&refused) && lines[0].contains('✘'),
        "{text}"
    );
    assert!(lines.iter().any(|l| l.contains(&written)), "{text}");
    // It closes back to where it was opened.
    press(&mut d.app, &["q"]);
    assert_eq!(tab(&d.app), Some(Tab::Checklist));
}

fn examples() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

fn empty_workspace(dir: &Pinned) -> baton::tui::App {
    let ws = baton::workspace::Workspace::open(&dir.path().join("empty.db")).unwrap();
    baton::tui::App::new(
        ws,
        baton::tui::config::TuiConfig::defaults(false),
        Some(tui_support::actor()),
        baton::tui::Clock::Fixed(baton::demo::clock()),
        (120, 36),
    )
    .unwrap()
}

#[test]
fn import_from_the_tui_completes_the_path_and_refuses_a_bad_one_in_place() {
    let dir = Pinned::new();
    let mut app = empty_workspace(&dir);
    assert!(screen(&app).contains("press I here"), "{}", screen(&app));
    press(&mut app, &["I"]);
    let missing = dir.path().join("no-such-bundle");
    type_text(&mut app, missing.to_str().unwrap());
    press(&mut app, &["enter"]);
    let Some(Overlay::Import { error, .. }) = &app.overlay else {
        panic!("the field closed on a bad path: {}", status_text(&app))
    };
    let error = error.clone().unwrap();
    assert!(error.ends_with("no-such-bundle: no such folder"), "{error}");
    assert!(!error.contains('\n'));
    assert!(app.ws.queue().unwrap().is_empty(), "nothing imported");

    // Tab completes a unique folder; several show as choices.
    press(&mut app, &["ctrl-u"]);
    type_text(&mut app, &format!("{}/bra", examples().display()));
    press(&mut app, &["tab"]);
    let typed = |app: &baton::tui::App| match &app.overlay {
        Some(Overlay::Import { text, choices, .. }) => (text.text().to_string(), choices.clone()),
        _ => panic!("no import field"),
    };
    let want = format!("{}/brannock-hotels-procurement/", examples().display());
    assert_eq!(typed(&app).0, want);
    let prefix = format!("{}/", examples().display());
    press(&mut app, &["ctrl-u"]);
    type_text(&mut app, &format!("{prefix}b"));
    press(&mut app, &["tab"]);
    let (text, choices) = typed(&app);
    assert_eq!(text, format!("{prefix}b"), "two folders start with b");
    assert!(choices.contains(&"bellbird-garden-centres-rostering/".to_string()));
    assert!(screen(&app).contains("brannock-hotels-procurement/"));
    type_text(&mut app, "r");
    press(&mut app, &["tab", "enter"]);
    assert!(app.overlay.is_none(), "{}", status_text(&app));
    assert!(
        status_text(&app).contains("imported 1"),
        "{}",
        status_text(&app)
    );
    let rows = app.ws.queue().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        app.queue.selected().unwrap().id,
        rows[0].id,
        "the import is selected"
    );
    // The same folder again: unchanged, nothing written.
    press(&mut app, &["I"]);
    type_text(&mut app, &want);
    press(&mut app, &["enter"]);
    assert!(
        status_text(&app).contains("unchanged 1"),
        "{}",
        status_text(&app)
    );
}

#[test]
fn metrics_filter_by_segment_and_period_and_chart_without_colour() {
    let mut d = demo((80, 24));
    press(&mut d.app, &["M"]);
    let all = d.app.metrics.as_ref().unwrap().metrics.handoffs_created;
    let s = screen(&d.app);
    for series in ["██ created", "▒▒ accepted", "░░ returned"] {
        assert!(s.contains(series), "legend {series}: {s}");
    }
    assert!(s.contains(" └"), "an x-axis: {s}");
    assert!(s.contains(" ┤"), "a y-axis with values: {s}");
    press(&mut d.app, &["s"]);
    let m = d.app.metrics.as_ref().unwrap();
    let segment = m.filter.segment.clone().unwrap();
    assert!(m.metrics.handoffs_created < all);
    assert!(screen(&d.app).contains(&format!("segment: {segment} (s)")));
    // Every segment, then all again.
    for _ in 0..m.segments.len() {
        press(&mut d.app, &["s"]);
    }
    assert_eq!(d.app.metrics.as_ref().unwrap().filter.segment, None);
    press(&mut d.app, &["p"]);
    let m = d.app.metrics.as_ref().unwrap();
    assert_eq!(m.filter.weeks, Some(4));
    assert_eq!(m.weeks.len(), 4);
    assert!(m.metrics.handoffs_created <= all);
    assert!(screen(&d.app).contains("last 4 weeks"));
    // The filter is kept when the screen reloads.
    press(&mut d.app, &["R"]);
    assert_eq!(d.app.metrics.as_ref().unwrap().filter.weeks, Some(4));
}
