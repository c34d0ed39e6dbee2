//! Shared by the TUI tests: a demo workspace in a temp dir, an app on it
//! with a fixed clock and identity, keys fed as terminal events, and the
//! screen rendered to text by ratatui's TestBackend.
#![allow(dead_code)]

use baton::handoff::{Actor, Role};
use baton::tui::config::TuiConfig;
use baton::tui::{App, Clock, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

pub struct Demo {
    pub dir: tempfile::TempDir,
    pub app: App,
}

pub fn actor() -> Actor {
    Actor {
        name: "Test CSM".into(),
        role: Some(Role::Csm),
    }
}

/// A fresh demo workspace and an app on it at `size`, colour off.
pub fn demo(size: (u16, u16)) -> Demo {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    drop(baton::demo::build(&db, &dir.path().join("bundles")).unwrap());
    let ws = baton::workspace::Workspace::open(&db).unwrap();
    let mut config = TuiConfig::defaults(false);
    // The test user signs for the CS side of any deal, as the demo's does.
    config.signers = baton::handoff::Team::default().with("Test CSM", Role::Csm);
    config.export_dir = dir.path().join("exports");
    let app = App::new(
        ws,
        config,
        Some(actor()),
        Clock::Fixed(baton::demo::clock()),
        size,
    )
    .unwrap();
    Demo { dir, app }
}

/// Press keys, each named as the keymap names them ("j", "enter", "G").
pub fn press(app: &mut App, keys: &[&str]) {
    for k in keys {
        let ev = Event::Key(key_event(k));
        if let Some(a) = baton::tui::action_for(app, &ev) {
            update::update(app, a);
        }
    }
}

/// Type text into a prompt, character by character.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let ev = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        if let Some(a) = baton::tui::action_for(app, &ev) {
            update::update(app, a);
        }
    }
}

pub fn key_event(name: &str) -> KeyEvent {
    let (code, m) = match name {
        "enter" => (KeyCode::Enter, KeyModifiers::NONE),
        "esc" => (KeyCode::Esc, KeyModifiers::NONE),
        "tab" => (KeyCode::Tab, KeyModifiers::NONE),
        "backtab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
        "backspace" => (KeyCode::Backspace, KeyModifiers::NONE),
        "down" => (KeyCode::Down, KeyModifiers::NONE),
        "up" => (KeyCode::Up, KeyModifiers::NONE),
        "pgdown" => (KeyCode::PageDown, KeyModifiers::NONE),
        "pgup" => (KeyCode::PageUp, KeyModifiers::NONE),
        "left" => (KeyCode::Left, KeyModifiers::NONE),
        "right" => (KeyCode::Right, KeyModifiers::NONE),
        "home" => (KeyCode::Home, KeyModifiers::NONE),
        "end" => (KeyCode::End, KeyModifiers::NONE),
        "delete" => (KeyCode::Delete, KeyModifiers::NONE),
        s if s.starts_with("ctrl-") && s.chars().count() == 6 => (
            KeyCode::Char(s.chars().last().unwrap()),
            KeyModifiers::CONTROL,
        ),
        s if s.chars().count() == 1 => {
            let c = s.chars().next().unwrap();
            let m = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            (KeyCode::Char(c), m)
        }
        other => panic!("no test key {other}"),
    };
    KeyEvent::new(code, m)
}

/// The screen as text, one line per row.
pub fn screen(app: &App) -> String {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| view::draw(f, app)).unwrap();
    let buf = t.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        for x in 0..w {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Select the queue row of `deal` and open it.
pub fn open_deal(app: &mut App, deal: &str) {
    press(app, &["g"]);
    for _ in 0..app.queue.visible.len() {
        if app.queue.selected().map(|r| r.id.as_str()) == Some(deal) {
            break;
        }
        press(app, &["j"]);
    }
    assert_eq!(app.queue.selected().map(|r| r.id.as_str()), Some(deal));
    press(app, &["enter"]);
    assert!(app.view.is_some(), "{deal} opened");
}

/// A workspace holding the one bundle at `bundle`, and an app on it at `size`.
pub fn with_bundle(bundle: &std::path::Path, size: (u16, u16)) -> Demo {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("one.db");
    let mut ws = baton::workspace::Workspace::open(&db).unwrap();
    let now = baton::demo::clock();
    let rules = baton::rules::Rules::builtin();
    let prepared = baton::workspace::prepare(bundle, &rules, now).unwrap();
    let ctx = baton::handoff::Ctx {
        actor: actor(),
        now,
        team: baton::handoff::Team::default(),
        may_invalidate_approvals: false,
    };
    ws.import(&prepared, &ctx).unwrap();
    let mut config = TuiConfig::defaults(false);
    // The test user signs for the CS side of any deal, as the demo's does.
    config.signers = baton::handoff::Team::default().with("Test CSM", Role::Csm);
    config.export_dir = dir.path().join("exports");
    let app = App::new(ws, config, Some(actor()), Clock::Fixed(now), size).unwrap();
    Demo { dir, app }
}
