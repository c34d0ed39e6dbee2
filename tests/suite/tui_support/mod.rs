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
    pub dir: Pinned,
    pub app: App,
}

/// How long the path of a [`Pinned`] temp dir is, whatever `TMPDIR` is.
pub const PINNED_LEN: usize = 200;

/// A temp dir reached through a path of fixed length ([`PINNED_LEN`]).
///
/// A screen that shows a temp path (an import's source in the Activity tab,
/// the workspace in the empty queue's hint) must lay out the same on every
/// machine, yet `TMPDIR` may be `/tmp` or a 60-character macOS folder, and a
/// long path is cut short by its cell or wrapped over rows. So the real path
/// is front-padded with `./` components to a fixed length: where a screen cuts
/// it short, only padding shows (the variable part is at the end); where it
/// shows it whole, even wrapped, [`masked`] replaces it.
pub struct Pinned {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
}

impl Pinned {
    pub fn new() -> Pinned {
        Pinned::new_in(&std::env::temp_dir())
    }

    /// A pinned temp dir under `base` (tests of the pinning itself).
    pub fn new_in(base: &std::path::Path) -> Pinned {
        let dir = tempfile::tempdir_in(base).unwrap();
        let real = dir.path().to_str().expect("a UTF-8 temp path").to_string();
        let Some(rest) = real.strip_prefix('/') else {
            panic!("the TUI tests need an absolute Unix temp path, not {real}");
        };
        assert!(
            real.len() + 60 <= PINNED_LEN,
            "TMPDIR is too long for the TUI tests ({real}): they pad it to {PINNED_LEN} characters"
        );
        // "/" + "./" * n (+ one more "/" when the padding is odd) + the rest.
        let pad = PINNED_LEN - real.len();
        let mut path = format!("/{}", "./".repeat(pad / 2));
        if pad % 2 == 1 {
            path.push('/');
        }
        path.push_str(rest);
        assert_eq!(path.len(), PINNED_LEN);
        Pinned {
            _dir: dir,
            path: path.into(),
        }
    }

    /// The padded path (what baton is given and shows).
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }
}

/// `screen` with every whole occurrence of the pinned path, including one
/// wrapped over rows, replaced character for character by `[TMP]~~~...` (the
/// layout is kept).
pub fn masked(screen: &str, pinned: &Pinned) -> String {
    let path: Vec<char> = pinned.path.to_str().unwrap().chars().collect();
    let mask: Vec<char> = "[TMP]"
        .chars()
        .chain(std::iter::repeat('~'))
        .take(path.len())
        .collect();
    let mut rows: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    // Rows end where a wrapped path continues: search their concatenation.
    let cells: Vec<(usize, usize)> = rows
        .iter()
        .enumerate()
        .flat_map(|(r, row)| (0..row.len()).map(move |c| (r, c)))
        .collect();
    let flat: Vec<char> = cells.iter().map(|&(r, c)| rows[r][c]).collect();
    let mut i = 0;
    while i + path.len() <= flat.len() {
        if flat[i..i + path.len()] == path[..] {
            for (k, &(r, c)) in cells[i..i + path.len()].iter().enumerate() {
                rows[r][c] = mask[k];
            }
            i += path.len();
        } else {
            i += 1;
        }
    }
    rows.iter()
        .map(|row| row.iter().collect::<String>() + "\n")
        .collect()
}

pub fn actor() -> Actor {
    Actor {
        name: "Test CSM".into(),
        role: Some(Role::Csm),
    }
}

/// A fresh demo workspace and an app on it at `size`, colour off.
pub fn demo(size: (u16, u16)) -> Demo {
    demo_in(Pinned::new(), size)
}

/// [`demo`] built in `dir`.
pub fn demo_in(dir: Pinned, size: (u16, u16)) -> Demo {
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
    let dir = Pinned::new();
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
