//! The event log as a BI tool reads it: who each event names as its actor,
//! `baton events` in JSON lines and in CSV (one column per field, no live
//! formulas), and the `--since`/`--until` window.

mod support;

use serde_json::Value;
use support::{Env, copy_dir, example};

const NOW: &str = "2026-07-01T09:00:00Z";

/// A workspace holding the minimal example deal; returns its id.
fn imported(env: &Env) -> String {
    let bundle = env.path("cidery");
    copy_dir(&example("hollow-oak-cidery-minimal"), &bundle);
    env.ok(NOW, &["import", bundle.to_str().unwrap()]);
    let list = env.json(NOW, &["list", "--json"]);
    list[0]["id"].as_str().unwrap().to_string()
}

fn jsonl(env: &Env, args: &[&str]) -> Vec<Value> {
    env.ok(NOW, args)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn an_unattended_export_is_logged_as_baton_export() {
    let env = Env::new();
    let deal = imported(&env);
    let out = env.path("brief.md");
    env.ok(
        NOW,
        &["export", &deal, "--draft", "-o", out.to_str().unwrap()],
    );
    let events = jsonl(&env, &["events"]);
    let actor_of = |kind: &str| {
        events
            .iter()
            .find(|e| e["kind"] == kind)
            .unwrap_or_else(|| panic!("no {kind} in {events:?}"))["actor"]
            .clone()
    };
    assert_eq!(actor_of("handoff_created"), "baton import");
    assert_eq!(actor_of("brief_exported"), "baton export");
}

#[test]
fn an_export_with_a_bad_role_is_refused_not_logged_as_nobody() {
    let env = Env::new();
    let deal = imported(&env);
    env.fails(
        NOW,
        &["--as", "Dev", "--role", "boss", "export", &deal, "--draft"],
        "--role boss",
    );
    let events = jsonl(&env, &["events"]);
    assert!(events.iter().all(|e| e["kind"] != "brief_exported"));
}
