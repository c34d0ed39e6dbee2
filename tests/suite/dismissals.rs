//! One claim, many mentions, through the CLI: Brannock's nine conflicts are
//! three items to decide; `baton dismiss` sets a finding aside (a duplicate,
//! or no finding) with a reason, as an event; `baton events --labelled`
//! exports the dismissed mentions as labelled examples.

use crate::support::{Env, copy_dir, example};
use serde_json::Value;

const NOW: &str = "2026-07-01T09:00:00Z";
const AS: [&str; 4] = ["--as", "Dev Anand", "--role", "csm"];

fn imported(env: &Env) -> (String, std::path::PathBuf) {
    let bundle = env.path("brannock");
    copy_dir(&example("brannock-hotels-procurement"), &bundle);
    env.ok(NOW, &["import", bundle.to_str().unwrap()]);
    let list = env.json(NOW, &["list", "--json"]);
    (list[0]["id"].as_str().unwrap().to_string(), bundle)
}

fn items_of<'a>(shown: &'a Value, kind: &str) -> Vec<&'a Value> {
    shown["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == kind)
        .collect()
}

fn with_actor<'a>(args: &[&'a str]) -> Vec<&'a str> {
    AS.iter().copied().chain(args.iter().copied()).collect()
}

#[test]
fn nine_conflicts_are_three_items_and_one_decision_covers_a_claim() {
    let env = Env::new();
    let (deal, _) = imported(&env);
    let shown = env.json(NOW, &["show", &deal, "--json"]);
    let conflicts = items_of(&shown, "conflict");
    assert_eq!(conflicts.len(), 3, "{conflicts:#?}");
    let mentions: usize = conflicts
        .iter()
        .map(|x| x["mentions"].as_array().map_or(1, Vec::len))
        .sum();
    assert_eq!(mentions, 9);
    let text = env.ok(NOW, &["show", &deal]);
    assert!(
        text.contains("4 mentions of one claim, one decision:"),
        "{text}"
    );
    // Resolving X1 resolves every mention: the queue counts claims.
    let list = env.json(NOW, &["list", "--json"]);
    let open = list[0]["open_items"].as_u64().unwrap();
    env.ok(
        NOW,
        &with_actor(&[
            "resolve",
            &deal,
            "X1",
            "scope-stands",
            "--note",
            "list price",
        ]),
    );
    let list = env.json(NOW, &["list", "--json"]);
    assert_eq!(list[0]["open_items"].as_u64().unwrap(), open - 1);
}

#[test]
fn dismissals_are_events_and_labelled_examples() {
    let env = Env::new();
    let (deal, bundle) = imported(&env);
    env.fails(
        NOW,
        &with_actor(&["dismiss", &deal, "R1", "--not-a", "risk"]),
        "the reason (--reason) must not be empty",
    );
    env.fails(
        NOW,
        &with_actor(&["dismiss", &deal, "R1", "--not-a", "goal", "--reason", "x"]),
        "--not-a goal: expected commitment, conflict or risk",
    );
    env.fails(
        NOW,
        &with_actor(&["dismiss", &deal, "R1", "--duplicate-of", "C1"]),
        "an item duplicates an item of its own kind",
    );
    let out = env.ok(
        NOW,
        &with_actor(&[
            "dismiss",
            &deal,
            "R2",
            "--not-a",
            "risk",
            "--reason",
            "Ade joined the next call",
        ]),
    );
    assert!(out.contains("R2 dismissed: not a risk"), "{out}");
    env.ok(
        NOW,
        &with_actor(&["dismiss", &deal, "C5", "--duplicate-of", "C2"]),
    );
    let gates = env.json(NOW, &["gates", &deal, "--json"]);
    let gate = |id: &str| {
        gates
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["id"] == id)
            .unwrap()["reason"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(
        !gate("risks_owned").contains("R2"),
        "{}",
        gate("risks_owned")
    );
    assert!(
        !gate("commitments_reviewed").contains("C5"),
        "{}",
        gate("commitments_reviewed")
    );

    let examples: Vec<Value> = env
        .ok(NOW, &["events", "--labelled"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let risk = examples.iter().find(|e| e["item"] == "R2").unwrap();
    assert_eq!(risk["label"], "not_a_risk");
    assert_eq!(risk["kind"], "risk");
    assert_eq!(risk["reason"], "Ade joined the next call");
    assert!(risk["file"].as_str().unwrap().starts_with("notes/"));
    assert!(risk["line"].as_u64().unwrap() > 0);
    assert!(!risk["text"].as_str().unwrap().is_empty());
    let duplicate = examples.iter().find(|e| e["item"] == "C5").unwrap();
    assert_eq!(
        (&duplicate["label"], &duplicate["duplicate_of"]),
        (&Value::from("duplicate"), &Value::from("C2"))
    );
    let csv = env.ok(NOW, &["events", "--labelled", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    for column in ["file", "line", "text", "kind", "label", "reason"] {
        assert!(header.iter().any(|h| h == column), "{header:?}");
    }
    assert_eq!(reader.records().count(), examples.len());

    // A re-import of a changed bundle keeps both dismissals.
    let notes = bundle.join("notes/2026-05-12-discovery.md");
    let mut text = std::fs::read_to_string(&notes).unwrap();
    text.push_str("\nA line added after the call.\n");
    std::fs::write(&notes, text).unwrap();
    env.ok(NOW, &["import", bundle.to_str().unwrap()]);
    let shown = env.json(NOW, &["show", &deal, "--json"]);
    let state = |id: &str| {
        shown["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()["decision"]
            .clone()
    };
    assert_eq!(state("R2")["dismissal"]["as"], "not_a");
    assert_eq!(state("C5")["dismissal"]["of"], "C2");
    // Accepting C5 after all reverses its dismissal: no longer an example.
    env.ok(NOW, &with_actor(&["review", &deal, "C5", "accept"]));
    let examples = env.ok(NOW, &["events", "--labelled"]);
    assert!(!examples.contains("\"C5\""), "{examples}");
}
