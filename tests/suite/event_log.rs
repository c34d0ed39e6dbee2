//! The event log as a BI tool reads it: who each event names as its actor,
//! `baton events` in JSON lines and in CSV (one column per field, no live
//! formulas), and the `--since`/`--until` window.

use crate::support::{Env, copy_dir, example};
use serde_json::Value;

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

/// Rows as maps from column to cell, read by a real CSV parser; every row
/// has every column and is one line of the file.
fn csv_records(text: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let records: Vec<_> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            assert_eq!(r.len(), header.len(), "{r:?}");
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect();
    assert_eq!(
        records.len() + 1,
        text.lines().count(),
        "one line per event"
    );
    records
}

/// A deal with a review, a return and an owned risk by a hostile actor over
/// three days.
fn reviewed(env: &Env) -> String {
    let deal = imported(env);
    let show = env.json(NOW, &["show", &deal, "--json"]);
    let first = |kind: &str| {
        show["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["kind"] == kind)
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
    let as_formula = |args: &[&str]| -> Vec<String> {
        ["--as", formula, "--role", "csm"]
            .iter()
            .chain(args)
            .map(|s| s.to_string())
            .collect()
    };
    let run = |now: &str, args: &[&str]| {
        let args = as_formula(args);
        env.ok(now, &args.iter().map(String::as_str).collect::<Vec<_>>());
    };
    let q = first("question");
    run(
        "2026-07-02T10:00:00Z",
        &["answer", &deal, &q, "--text=-1 seat, see order form"],
    );
    run(
        "2026-07-03T10:00:00Z",
        &[
            "return",
            &deal,
            "--reason",
            "missing-context",
            "--note",
            "who signs?",
        ],
    );
    deal
}

#[test]
fn events_csv_has_one_column_per_field_and_no_live_formula() {
    let env = Env::new();
    let deal = reviewed(&env);
    let csv = env.ok(NOW, &["events", "--format", "csv"]);
    let header = csv.lines().next().unwrap();
    assert_eq!(
        header,
        "id,at,deal,kind,actor,role,item,decision,reason,note,text,owner,due,approval_role,\
         approver,criteria,date,planned,open_questions,revision,segment,closed_on,source,via,path,draft,\
         duplicate_of,severity,desk,ticket,day,health"
    );
    assert!(!header.contains("payload"));
    let records = csv_records(&csv);
    let of = |kind: &str| {
        records
            .iter()
            .find(|r| r["kind"] == kind)
            .unwrap_or_else(|| panic!("no {kind}: {csv}"))
    };
    let answered = of("question_answered");
    assert_eq!(answered["deal"], deal);
    assert_eq!(answered["at"], "2026-07-02T10:00:00Z");
    assert_eq!(answered["role"], "csm");
    assert!(answered["item"].starts_with('Q'), "{answered:?}");
    // Neutralised, not dropped: the text stays, a spreadsheet shows it as text.
    assert_eq!(
        answered["actor"],
        "'=HYPERLINK(\"http://evil.example\",\"click\")"
    );
    assert_eq!(answered["note"], "'-1 seat, see order form");
    let returned = of("handoff_returned");
    assert_eq!(returned["reason"], "missing_context");
    assert_eq!(returned["note"], "who signs?");
    assert!(returned["open_questions"].parse::<usize>().unwrap() > 0);
    let created = of("handoff_created");
    assert!(created["source"].ends_with("cidery"), "{created:?}");
    assert_eq!(of("revision_imported")["revision"], "1");
    // No cell anywhere starts a formula.
    for r in &records {
        for (column, value) in r {
            assert!(
                !value.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{column} = {value}"
            );
        }
    }
    // JSON lines keep the whole payload.
    let lines = jsonl(&env, &["events"]);
    assert_eq!(lines.len(), records.len());
    let returned = lines
        .iter()
        .find(|e| e["kind"] == "handoff_returned")
        .unwrap();
    assert!(returned["payload"]["open_questions"].is_array());
}

#[test]
fn events_since_and_until_take_dates_and_times() {
    let env = Env::new();
    reviewed(&env);
    let kinds = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["events"];
        all.extend(args);
        jsonl(&env, &all)
            .iter()
            .map(|e| e["kind"].as_str().unwrap().to_string())
            .collect()
    };
    let all = kinds(&[]);
    assert!(all.contains(&"handoff_created".to_string()));
    // A date as --until takes the whole day.
    assert_eq!(
        kinds(&["--since", "2026-07-02", "--until", "2026-07-02"]),
        ["question_answered"]
    );
    assert_eq!(
        kinds(&[
            "--since",
            "2026-07-02T10:00:00Z",
            "--until",
            "2026-07-02T10:00:00Z"
        ]),
        ["question_answered"]
    );
    assert_eq!(
        kinds(&["--until", "2026-07-02T09:59:59Z"]),
        kinds(&["--until", "2026-07-01"])
    );
    assert!(!kinds(&["--until", "2026-07-01"]).contains(&"question_answered".to_string()));
    assert!(kinds(&["--since", "2026-07-03"]).contains(&"handoff_returned".to_string()));
    let csv = env.ok(
        NOW,
        &[
            "events",
            "--format",
            "csv",
            "--since",
            "2026-07-03",
            "--until",
            "2026-07-03T23:00:00+02:00",
        ],
    );
    let records = csv_records(&csv);
    assert!(!records.is_empty());
    assert!(
        records.iter().all(|r| r["at"].starts_with("2026-07-03")),
        "{csv}"
    );

    for (flag, bad) in [
        ("--since", "yesterday"),
        ("--until", "2026-13-01"),
        ("--until", "2026-07-01T25:00:00Z"),
    ] {
        env.fails(
            NOW,
            &["events", flag, bad],
            &format!("{flag} {bad}: expected a date"),
        );
    }
    env.fails(
        NOW,
        &["events", "--since", "2026-07-03", "--until", "2026-07-02"],
        "is after --until",
    );
}
