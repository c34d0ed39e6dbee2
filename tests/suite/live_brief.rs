//! The brief as the decisions stand, through the CLI (`show`, `show --json`,
//! `export`) on the demo workspace: a resolved conflict closes its question
//! and a return does not send it, a moved kickoff moves the task dates, a
//! confirmed criterion reads as confirmed, resolutions read as decided, and a
//! decision against the AE's answer is flagged.

use crate::support::Env;
use serde_json::Value;

const NOW: &str = "2026-09-04T12:00:00Z";
const BRANNOCK: &str = "TF-OPP-26-0457";
const SALTMARSH: &str = "CD-0926-214";

/// The demo's workspace (its scripted history) in a temp dir.
fn demo() -> Env {
    let env = Env::new();
    drop(baton::demo::build(&env.ws, &env.path("bundles")).unwrap());
    env
}

fn as_csm<'a>(args: &[&'a str]) -> Vec<&'a str> {
    let mut v = args.to_vec();
    v.extend(["--as", "Marisol Quintero", "--role", "csm"]);
    v
}

#[test]
fn the_export_and_show_read_the_moved_kickoff_and_the_decisions() {
    let env = demo();
    let path = env.path("brannock.md");
    env.ok(NOW, &["export", BRANNOCK, "-o", path.to_str().unwrap()]);
    let md = std::fs::read_to_string(&path).unwrap();
    // Brannock's kickoff moved from 2026-07-13 to 2026-09-14 after approval.
    assert!(
        md.contains("- [ ] T19 Invite the executive sponsor, Fiona Marsh-Hale (Chief Financial Officer), to kickoff on 2026-09-14."),
        "{md}"
    );
    assert!(!md.contains("to kickoff on 2026-07-13"), "{md}");
    // Resolved conflicts: their tasks done, and they read as decided.
    assert!(md.contains("- [x] T1 Resolve X1 with the AE"), "{md}");
    assert!(md.contains("(done: X1 decided: the signed scope stands (Dev Anand, 2026-07-02))"));
    // The KitchenLedger promises lost to the signed scope: no plan needed.
    assert!(md.contains("(not needed: C4: the signed scope stands (X3))"));
    // Every conflict was decided for the scope while the AE answered
    // "the notes stand": flagged, first and on each row.
    assert!(md.contains("## Decisions against the AE's answers"), "{md}");
    assert!(md.contains("- X2 is decided \"the signed scope stands\" (Dev Anand, 2026-07-02), but the answer to Q2 says the notes stand (Imogen Latchford, 2026-07-02)"));
    assert!(md.contains("| the signed scope stands (against the answer to Q2) |"));
    // Confirmed criteria say so, row by row.
    assert!(
        md.contains("| first value: confirmed by Dev Anand |"),
        "{md}"
    );

    let shown = env.ok(NOW, &["show", BRANNOCK]);
    assert!(
        shown.contains("flags (decisions against the AE's answers)"),
        "{shown}"
    );
    assert!(shown.contains("FLAG: against the answer to Q1"), "{shown}");
    assert!(shown.contains("to kickoff on 2026-09-14."), "{shown}");
    assert!(!shown.contains("to kickoff on 2026-07-13"), "{shown}");
    let json = env.json(NOW, &["show", BRANNOCK, "--json"]);
    let live = &json["live"];
    assert_eq!(live["kickoff"], "2026-09-14");
    // Nine conflict mentions, three claims: one flag each.
    assert_eq!(live["contradictions"].as_array().unwrap().len(), 3);
    assert_eq!(live["tasks"][0]["state"], "done");
    assert_eq!(live["conflicts"][0]["reads"], "the signed scope stands");
}

/// The question asking about conflict `x`, from `show --json`.
fn question_about<'a>(show: &'a Value, x: &str) -> &'a Value {
    show["live"]["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["about"] == x)
        .unwrap_or_else(|| panic!("no question about {x}"))
}

#[test]
fn a_resolved_conflict_closes_its_question_and_a_return_does_not_send_it() {
    let env = demo();
    let before = env.json(NOW, &["show", SALTMARSH, "--json"]);
    let asked = question_about(&before, "X2")["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(question_about(&before, "X2")["state"], "open");
    env.ok(
        NOW,
        &as_csm(&[
            "resolve",
            SALTMARSH,
            "X2",
            "notes-stand",
            "--note",
            "CO-7 raised",
        ]),
    );
    let after = env.json(NOW, &["show", SALTMARSH, "--json"]);
    let q = question_about(&after, "X2");
    assert_eq!(q["state"], "closed");
    assert_eq!(
        q["reason"],
        "X2 decided: the notes stand: a change order is needed"
    );
    assert_eq!(
        after["live"]["conflicts"][1]["reads"],
        "the notes stand: a change order is needed"
    );
    let shown = env.ok(NOW, &["show", SALTMARSH]);
    assert!(shown.contains(&format!("{asked:<4} closed")), "{shown}");
    env.ok(
        NOW,
        &as_csm(&[
            "return",
            SALTMARSH,
            "--reason",
            "scope-conflict",
            "--note",
            "see X1",
        ]),
    );
    let events = env.ok(NOW, &["events", "--deal", SALTMARSH]);
    let returned: Value = events
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .rfind(|e| e["kind"] == "handoff_returned")
        .expect("a return event");
    let sent: Vec<&str> = returned["payload"]["open_questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap())
        .collect();
    assert!(
        !sent.contains(&asked.as_str()),
        "{asked} went along: {sent:?}"
    );
    // Saltmarsh has two conflict claims, each with its question: X1's goes.
    assert_eq!(sent.len(), 1, "{sent:?}");
}

#[test]
fn a_fresh_import_reads_every_task_as_drafted() {
    let env = Env::new();
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    env.ok(NOW, &["import", examples.to_str().unwrap()]);
    let list = env.json(NOW, &["list", "--json"]);
    for deal in list.as_array().unwrap() {
        let id = deal["id"].as_str().unwrap();
        let show = env.json(NOW, &["show", id, "--json"]);
        let drafted = show["brief"]["tasks"].as_array().unwrap();
        let live = show["live"]["tasks"].as_array().unwrap();
        assert_eq!(drafted.len(), live.len(), "{id}");
        for (d, l) in drafted.iter().zip(live) {
            // The live brief renders the sponsor and question tasks itself:
            // as drafted, it must say what the draft said.
            assert_eq!(d["text"], l["text"], "{id} {}", d["id"]);
            assert!(d["kind"].is_string(), "{id} {} has no kind", d["id"]);
        }
    }
}
