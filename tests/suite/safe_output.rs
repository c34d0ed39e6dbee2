//! Nothing reaches a terminal or a file raw, whatever its source: text typed on
//! the command line (`--note`, `--text`, `--name`, `--as`), a bundle's file
//! names and notes, or a workspace written before text was cleaned on entry.
//! Each holds an OSC 52 (write the clipboard), a clear-screen sequence and a
//! right-to-left override (U+202E), and every output must hold none of them.

use crate::support::Env;
use crate::tui_support;
use serde_json::Value;
use std::path::Path;

const NOW: &str = "2026-07-01T09:00:00Z";
const DEAL: &str = "HOST-1";

/// `word` with an OSC 52, a clear screen and a bidi override inside it.
fn hostile(word: &str) -> String {
    format!("{word}\x1b]52;c;cHduZWQ=\x07\x1b[2J\x1b[H\u{202e}gpj.exe")
}

/// The hostile file name of the notes file, and how it is cited once clean.
const EVIL_NOTE: &str = "notes/evil\u{202e}dm.md";
const EVIL_NOTE_SHOWN: &str = "notes/evil\u{FFFD}dm.md";

/// No escape, no control character but line breaks and tabs, no bidi override,
/// and no JSON escape of one either.
fn assert_clean(what: &str, text: &str) {
    let bad = text.chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    });
    assert!(bad.is_none(), "{what}: {bad:?} in {text:?}");
    for escaped in ["\\u001b", "\\u0007", "\\u009b", "\\u202e", "\\u202E"] {
        assert!(!text.contains(escaped), "{what}: {escaped} in {text:?}");
    }
}

fn write_bundle(root: &Path) {
    std::fs::create_dir_all(root.join("notes")).unwrap();
    std::fs::write(
        root.join("deal.toml"),
        format!(
            "id = \"{DEAL}\"\nname = \"Hostile Foods\"\naccount = \"Hostile Foods\"\nae = \"Ann Ae\"\ncsm = \"Cal Csm\"\n"
        ),
    )
    .unwrap();
    std::fs::write(
        root.join(EVIL_NOTE),
        "# Kickoff call\n\nWe will have SSO live in week one.\u{202e} Then\x1b]52;c;cHduZWQ=\x07 more.\n\
         The customer is worried the budget may be cut next quarter.\n",
    )
    .unwrap();
    std::fs::write(
        root.join("scope.md"),
        "# Order form\n\nSingle sign-on is included.\n",
    )
    .unwrap();
}

fn first_of(show: &Value, kind: &str) -> String {
    show["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} in {show}"))["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn analyze_never_prints_a_hostile_file_name_or_note() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("hostile");
    write_bundle(&bundle);
    let env = Env::new();
    let b = bundle.to_str().unwrap();
    let report = env.ok(NOW, &["analyze", b]);
    assert_clean("analyze", &report);
    assert!(report.contains(EVIL_NOTE_SHOWN), "{report}");
    assert_clean("analyze --json", &env.ok(NOW, &["analyze", b, "--json"]));
}

#[test]
fn arguments_typed_on_the_command_line_are_never_printed_raw() {
    let env = Env::new();
    let bundle = env.path("hostile");
    write_bundle(&bundle);
    let me = hostile("Dev");
    let as_me = ["--as", me.as_str(), "--role", "csm"];
    let run = |args: &[&str]| -> String {
        let all: Vec<&str> = as_me.iter().chain(args).copied().collect();
        env.ok(NOW, &all)
    };
    assert_clean("import", &run(&["import", bundle.to_str().unwrap()]));
    let show = env.json(NOW, &["show", DEAL, "--json"]);
    let (c, r, q) = (
        first_of(&show, "commitment"),
        first_of(&show, "risk"),
        first_of(&show, "question"),
    );

    let note = hostile("checked");
    let owner = hostile("Wen");
    let answer = hostile("yes");
    assert_clean(
        "review",
        &run(&["review", DEAL, &c, "accept", "--note", &note]),
    );
    let owned = run(&["owner", DEAL, &r, "--name", &owner]);
    assert_clean("owner", &owned);
    assert!(owned.contains("owned by Wen"), "{owned}");
    assert_clean("answer", &run(&["answer", DEAL, &q, "--text", &answer]));

    let shown = env.ok(NOW, &["show", DEAL]);
    assert_clean("show", &shown);
    assert!(shown.contains(EVIL_NOTE_SHOWN), "{shown}");
    assert!(shown.contains("note: checked"), "{shown}");
    assert_clean("show --json", &env.ok(NOW, &["show", DEAL, "--json"]));
    let csv = env.ok(NOW, &["events", "--format", "csv"]);
    assert_clean("events --format csv", &csv);
    assert!(csv.contains("Dev"), "{csv}");
    assert_clean("events", &env.ok(NOW, &["events"]));
    assert_clean("list", &env.ok(NOW, &["list"]));
    assert_clean("export", &env.ok(NOW, &["export", DEAL, "--draft"]));
    let file = env.path("brief.md");
    env.ok(
        NOW,
        &["export", DEAL, "--draft", "-o", file.to_str().unwrap()],
    );
    assert_clean(
        "the exported file",
        &std::fs::read_to_string(&file).unwrap(),
    );
}

/// A workspace written before text was cleaned on entry: its raw rows are
/// cleaned on the way out.
fn old_workspace(env: &Env) {
    let bundle = env.path("hostile");
    write_bundle(&bundle);
    env.ok(
        NOW,
        &[
            "--as",
            "Dev",
            "--role",
            "csm",
            "import",
            bundle.to_str().unwrap(),
        ],
    );
    let db = rusqlite::Connection::open(&env.ws).unwrap();
    let raw = hostile("raw");
    let payload =
        serde_json::json!({"item": "C1", "outcome": "accepted", "note": raw, "text": raw});
    db.execute(
        "UPDATE items SET note = ?1, owner = ?1, decided_by = ?1, text = ?1 WHERE deal_id = ?2",
        rusqlite::params![raw, DEAL],
    )
    .unwrap();
    db.execute(
        "UPDATE files SET path = ?1 WHERE deal_id = ?2 AND path = ?3",
        rusqlite::params![EVIL_NOTE, DEAL, EVIL_NOTE_SHOWN],
    )
    .unwrap();
    db.execute(
        "INSERT INTO events (deal_id, kind, actor, role, at, payload)
         VALUES (?1, 'item_reviewed', ?2, 'csm', '2026-07-01T09:00:00Z', ?3)",
        rusqlite::params![DEAL, raw, payload.to_string()],
    )
    .unwrap();
    db.execute(
        "INSERT INTO approvals (deal_id, role, name, at, hash)
         VALUES (?1, 'csm', ?2, '2026-07-01T09:00:00Z', 'abc')",
        rusqlite::params![DEAL, raw],
    )
    .unwrap();
}

#[test]
fn text_stored_raw_by_an_older_baton_is_cleaned_on_output() {
    let env = Env::new();
    old_workspace(&env);
    let shown = env.ok(NOW, &["show", DEAL]);
    assert_clean("show", &shown);
    assert!(shown.contains("raw"), "{shown}");
    assert_clean("show --json", &env.ok(NOW, &["show", DEAL, "--json"]));
    assert_clean("gates", &env.ok(NOW, &["gates", DEAL]));
    let csv = env.ok(NOW, &["events", "--format", "csv"]);
    assert_clean("events --format csv", &csv);
    assert!(csv.contains("raw"), "{csv}");
    assert_clean("events", &env.ok(NOW, &["events"]));
    assert_clean("export", &env.ok(NOW, &["export", DEAL, "--draft"]));
}

#[test]
fn the_tui_never_draws_a_hostile_file_name_or_note() {
    let env = Env::new();
    old_workspace(&env);
    let ws = baton::workspace::Workspace::open(&env.ws).unwrap();
    let mut app = baton::tui::App::new(
        ws,
        baton::tui::config::TuiConfig::defaults(false),
        Some(tui_support::actor()),
        baton::tui::Clock::Fixed(NOW.parse().unwrap()),
        (160, 48),
    )
    .unwrap();
    assert_clean("queue", &tui_support::screen(&app));
    tui_support::open_deal(&mut app, DEAL);
    for tab in ["1", "2", "3", "4", "5", "6", "7", "8", "9"] {
        tui_support::press(&mut app, &[tab]);
        assert_clean(&format!("tab {tab}"), &tui_support::screen(&app));
    }
    // A note typed with a bidi override: shown while typed, stored clean.
    tui_support::press(&mut app, &["3", "enter", "enter"]);
    tui_support::type_text(&mut app, "typed \u{202e}note");
    assert_clean("the note being typed", &tui_support::screen(&app));
}
