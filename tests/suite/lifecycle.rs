//! The whole life of an example deal through the CLI: import, review every
//! commitment, resolve every conflict, own every risk, return once for missing
//! context, answer, approve as both roles, export, re-import a changed bundle
//! (approvals invalidated, unchanged decisions carried over), re-approve,
//! kickoff, first value, and the metrics and events that record all of it.

use crate::support::{Env, copy_dir, example};
use serde_json::Value;

const DEAL: &str = "TF-OPP-26-0457";

fn ids(show: &Value, kind: &str) -> Vec<String> {
    show["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == kind)
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

fn item<'a>(show: &'a Value, id: &str) -> &'a Value {
    show["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap()
}

#[test]
fn the_whole_life_of_a_handoff() {
    let env = Env::new();
    let bundle = env.path("brannock");
    copy_dir(&example("brannock-hotels-procurement"), &bundle);
    let bundle = bundle.to_str().unwrap();
    let csm = ["--as", "Dev Anand", "--role", "csm"];
    let ae = ["--as", "Imogen Latchford", "--role", "ae"];
    let with = |who: &[&str], args: &[&str]| -> Vec<String> {
        who.iter().chain(args).map(|s| s.to_string()).collect()
    };
    let day = |d: &str| format!("{d}T10:00:00Z");

    // Import: new handoff; importing again is a no-op.
    let out = env.ok(&day("2026-06-29"), &["import", bundle]);
    assert!(
        out.ends_with("imported 1, updated 0, unchanged 0, failed 0\n"),
        "{out}"
    );
    let out = env.ok(&day("2026-06-29"), &["import", bundle]);
    assert!(
        out.ends_with("imported 0, updated 0, unchanged 1, failed 0\n"),
        "{out}"
    );
    let list = env.json(&day("2026-06-29"), &["list", "--json"]);
    assert_eq!(list[0]["id"], DEAL);
    assert_eq!(list[0]["status"], "new");

    let show = env.json(&day("2026-06-29"), &["show", DEAL, "--json"]);
    let commitments = ids(&show, "commitment");
    let conflicts = ids(&show, "conflict");
    let risks = ids(&show, "risk");
    let questions = ids(&show, "question");
    assert!(
        commitments.len() >= 5 && conflicts.len() >= 3 && risks.len() >= 5,
        "{show}"
    );
    assert!(item(&show, "C1")["evidence"][0]["file"].is_string());

    // Approval is refused while gates fail, listing them.
    let err = env.fails(
        &day("2026-06-29"),
        &with(&ae, &["approve", DEAL])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        "approval refused",
    );
    assert!(err.contains("Every commitment is reviewed"), "{err}");

    // Bad input: one line, non-zero, nothing written.
    let events_before = env.ok(&day("2026-06-29"), &["events"]).lines().count();
    let now = day("2026-06-30");
    let run = |who: &[&str], args: &[&str]| {
        env.ok(
            &now,
            &with(who, args)
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
        )
    };
    let fail = |who: &[&str], args: &[&str], needle: &str| {
        env.fails(
            &now,
            &with(who, args)
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
            needle,
        )
    };
    fail(
        &csm,
        &["review", "NOPE-1", "C1", "accept"],
        "no deal NOPE-1",
    );
    fail(&csm, &["review", DEAL, "C99", "accept"], "no item C99");
    fail(
        &csm,
        &["review", DEAL, "C1", "maybe"],
        "decision maybe: expected accept, reject or send-to-ae",
    );
    fail(
        &csm,
        &["review", DEAL, "R1", "accept"],
        "R1 is a risk, not a commitment",
    );
    fail(
        &csm,
        &["owner", DEAL, "R1", "--name", "Ade", "--due", "2026-02-31"],
        "--due 2026-02-31: not a valid date",
    );
    fail(
        &csm,
        &["milestone", DEAL, "kickoff-held", "--date", "2026-07-13"],
        "cannot hold the kickoff",
    );
    fail(&[], &["review", DEAL, "C1", "accept"], "who is this?");
    assert_eq!(env.ok(&now, &["events"]).lines().count(), events_before);

    // Review every commitment: one sent to the AE first, one rejected.
    run(
        &csm,
        &[
            "review",
            DEAL,
            "C2",
            "send-to-ae",
            "--note",
            "Six weeks? Scope says twelve.",
        ],
    );
    for (i, c) in commitments.iter().enumerate() {
        let decision = if i == 1 { "reject" } else { "accept" };
        run(
            &csm,
            &[
                "review",
                DEAL,
                c,
                decision,
                "--note",
                "checked against the order form",
            ],
        );
    }
    for x in &conflicts {
        run(
            &csm,
            &[
                "resolve",
                DEAL,
                x,
                "scope-stands",
                "--note",
                "the signed order form governs",
            ],
        );
    }
    for (i, r) in risks.iter().enumerate() {
        if i % 2 == 0 {
            run(
                &csm,
                &[
                    "owner",
                    DEAL,
                    r,
                    "--name",
                    "Dev Anand",
                    "--due",
                    "2026-07-10",
                ],
            );
        } else {
            run(
                &csm,
                &[
                    "owner",
                    DEAL,
                    r,
                    "--name",
                    "Imogen Latchford",
                    "--status",
                    "mitigated",
                ],
            );
        }
    }
    // Return once for missing context; the open questions go with it, and
    // a question about a conflict resolved above is no longer open.
    let still_open = questions
        .iter()
        .filter(|q| {
            let about = item(&show, q)["about"].as_str().unwrap_or_default();
            !conflicts.iter().any(|x| x == about)
        })
        .count();
    let out = run(
        &csm,
        &[
            "return",
            DEAL,
            "--reason",
            "missing-context",
            "--note",
            "Who approved the 15%?",
        ],
    );
    assert!(
        out.contains(&format!("with {still_open} open question(s)")),
        "{out}"
    );
    fail(
        &ae,
        &["approve", DEAL],
        "cannot approve a handoff that is returned to the AE",
    );
    // The AE answers and resubmits.
    let now2 = day("2026-07-01");
    let run2 = |who: &[&str], args: &[&str]| {
        env.ok(
            &now2,
            &with(who, args)
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
        )
    };
    for q in &questions {
        run2(
            &ae,
            &[
                "answer",
                DEAL,
                q,
                "--text",
                "The signed order form governs; no discount.",
            ],
        );
    }
    run2(&ae, &["resubmit", DEAL]);
    run2(&csm, &["goal", DEAL, "G7", "--kind", "user"]);
    run2(&csm, &["confirm", DEAL, "success-criteria"]);
    run2(&csm, &["confirm", DEAL, "first-value"]);
    let gates = env.json(&now2, &["gates", DEAL, "--json"]);
    assert!(
        gates.as_array().unwrap().iter().all(|g| g["pass"] == true),
        "{gates}"
    );
    assert_eq!(
        env.json(&now2, &["show", DEAL, "--json"])["status"],
        "ready_for_sign_off"
    );

    // Sign-off: both roles on the same hash.
    let now3 = day("2026-07-03");
    let run3 = |who: &[&str], args: &[&str]| {
        env.ok(
            &now3,
            &with(who, args)
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
        )
    };
    // Only the deal's AE signs for the AE side, and never the CSM too.
    let stranger = ["--as", "Mallory Reyes", "--role", "ae"];
    let fails3 = |who: &[&str], args: &[&str], needle: &str| {
        env.fails(
            &now3,
            &with(who, args)
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
            needle,
        )
    };
    fails3(
        &stranger,
        &["approve", DEAL],
        "Mallory Reyes may not approve as ae",
    );
    fails3(
        &["--as", "Dev Anand", "--role", "ae"],
        &["approve", DEAL],
        "Dev Anand may not approve as ae: the deal's ae is Imogen Latchford",
    );
    run3(&ae, &["approve", DEAL]);
    fails3(
        &["--as", "imogen  latchford", "--role", "csm"],
        &["approve", DEAL],
        "may not approve as csm",
    );
    let out = run3(&csm, &["approve", DEAL]);
    assert!(out.contains("handoff accepted"), "{out}");
    let show = env.json(&now3, &["show", DEAL, "--json"]);
    assert_eq!(show["status"], "approved");
    assert_eq!(show["approvals"].as_array().unwrap().len(), 2);
    assert_eq!(show["approvals"][0]["name"], "Imogen Latchford");
    // A decision that would cancel the sign-off is refused unless asked for.
    fails3(
        &csm,
        &["review", DEAL, "C1", "reject", "--note", "second thoughts"],
        "would cancel the approvals of Imogen Latchford (ae) and Dev Anand (csm)",
    );
    assert_eq!(
        env.json(&now3, &["show", DEAL, "--json"])["status"],
        "approved"
    );
    assert_eq!(item(&show, "C2")["decision"]["outcome"], "rejected");
    assert_eq!(
        item(&show, "Q1")["decision"]["by"]["name"],
        "Imogen Latchford"
    );

    // Export: valid Markdown with the approvals.
    let brief = env.path("brief.md");
    run3(&csm, &["export", DEAL, "-o", brief.to_str().unwrap()]);
    let md = std::fs::read_to_string(&brief).unwrap();
    assert!(md.starts_with("# Handoff brief: Brannock"), "{md}");
    assert!(md.contains("Imogen Latchford") && md.contains(show["review_hash"].as_str().unwrap()));
    assert!(!md.contains("DRAFT"));
    run3(
        &csm,
        &["milestone", DEAL, "kickoff-moved", "--date", "2026-07-20"],
    );

    // Re-import a changed bundle: approvals invalidated, decisions kept.
    // A line added at the end of the e-mail's plain-text part, before the
    // boundary of its HTML twin.
    let notes = format!("{bundle}/notes/2026-06-29-fwd-signed-order-form.eml");
    let text = std::fs::read_to_string(&notes).unwrap();
    let html = text.find("Content-Type: text/html").unwrap();
    let end_of_plain = text[..html].rfind("\n\n--").unwrap();
    let (plain, rest) = text.split_at(end_of_plain);
    std::fs::write(
        &notes,
        format!("{plain}\nPS: Fiona wants a monthly steering call.{rest}"),
    )
    .unwrap();
    let now4 = day("2026-07-06");
    let out = env.ok(&now4, &["import", bundle]);
    assert!(
        out.contains("revision 2") && out.contains("2 approval(s) invalidated"),
        "{out}"
    );
    assert!(
        out.ends_with("imported 0, updated 1, unchanged 0, failed 0\n"),
        "{out}"
    );
    let diff = env.ok(&now4, &["diff", DEAL]);
    assert!(
        diff.contains("+PS: Fiona wants a monthly steering call."),
        "{diff}"
    );
    let show = env.json(&now4, &["show", DEAL, "--json"]);
    assert_ne!(show["status"], "approved");
    assert!(show["approvals"].as_array().unwrap().is_empty());
    let history = show["approval_history"].as_array().unwrap();
    assert!(history.iter().all(|a| {
        a["invalidated_reason"]
            .as_str()
            .unwrap()
            .contains("bundle changed in revision 2")
    }));
    for c in &commitments {
        assert_ne!(
            item(&show, c)["decision"]["type"],
            "pending",
            "{c} carried over"
        );
    }
    assert_eq!(
        show["deal"]["kickoff"], "2026-07-20",
        "a moved kickoff survives a re-import"
    );
    // Export of the unapproved handoff needs --draft.
    env.fails(&now4, &["export", DEAL], "not approved");
    let draft = env.ok(&now4, &["export", DEAL, "--draft"]);
    assert!(draft.starts_with("# DRAFT: Handoff brief"), "{draft}");

    // Whatever the new revision needs, then sign-off again, kickoff and first value.
    let now5 = day("2026-07-08");
    let run5 = |who: &[&str], args: &[&str]| {
        env.ok(
            &now5,
            &with(who, args)
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
        )
    };
    let gates = env.json(&now5, &["gates", DEAL, "--json"]);
    let show = env.json(&now5, &["show", DEAL, "--json"]);
    for i in show["items"].as_array().unwrap() {
        if i["decision"]["type"] != "pending" {
            continue;
        }
        let id = i["id"].as_str().unwrap();
        match i["kind"].as_str().unwrap() {
            "commitment" => run5(&csm, &["review", DEAL, id, "accept"]),
            "conflict" => run5(&csm, &["resolve", DEAL, id, "clarified"]),
            "risk" => run5(&csm, &["owner", DEAL, id, "--name", "Dev Anand"]),
            _ => String::new(),
        };
    }
    if gates
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g["id"] == "goals_and_first_value" && g["pass"] == false)
    {
        run5(&csm, &["confirm", DEAL, "success-criteria"]);
    }
    run5(&ae, &["approve", DEAL]);
    run5(&csm, &["approve", DEAL]);
    run5(
        &csm,
        &["milestone", DEAL, "kickoff-held", "--date", "2026-07-20"],
    );
    run5(
        &csm,
        &[
            "milestone",
            DEAL,
            "first-value-reached",
            "--date",
            "2026-09-01",
        ],
    );
    assert_eq!(
        env.json(&now5, &["show", DEAL, "--json"])["status"],
        "kicked_off"
    );

    // Metrics reflect it all.
    let m = env.json(&day("2026-09-10"), &["metrics", "--json"]);
    assert_eq!(m["handoffs_created"], 1);
    assert_eq!(m["handoffs_accepted"], 1);
    assert_eq!(m["handoffs_decided"], 1);
    assert_eq!(m["missing_context_returns"], 1);
    assert_eq!(m["returns_by_reason"]["missing_context"], 1);
    assert_eq!(
        m["cs_handoff_acceptance_rate"], 0.0,
        "accepted, but after a missing-context return"
    );
    assert_eq!(m["meets_pilot_bar"], false);
    assert_eq!(m["median_days_closed_to_submitted"], 3.0);
    assert_eq!(m["median_days_closed_to_accepted"], 7.0);
    assert_eq!(m["median_days_closed_to_kickoff"], 24.0);
    assert_eq!(m["kickoff_delays"]["total_days_delayed"], 7);
    assert_eq!(m["first_value_misses"], 0);
    assert_eq!(m["open_risks_without_owner"], 0);
    let other = env.json(
        &day("2026-09-10"),
        &["metrics", "--segment", "enterprise", "--json"],
    );
    assert_eq!(other["handoffs_created"], 0);

    // The event log names every step and its actor.
    let events: Vec<Value> = env
        .ok(&day("2026-09-10"), &["events"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for kind in [
        "handoff_created",
        "revision_imported",
        "item_reviewed",
        "conflict_resolved",
        "risk_owner_assigned",
        "question_answered",
        "handoff_returned",
        "handoff_resubmitted",
        "approval_recorded",
        "approval_invalidated",
        "handoff_accepted",
        "brief_exported",
        "kickoff_moved",
        "kickoff_held",
        "first_value_reached",
    ] {
        assert!(events.iter().any(|e| e["kind"] == kind), "no {kind} event");
    }
    let returned = events
        .iter()
        .find(|e| e["kind"] == "handoff_returned")
        .unwrap();
    assert_eq!(returned["actor"], "Dev Anand");
    assert_eq!(returned["role"], "csm");
    assert_eq!(returned["at"], "2026-06-30T10:00:00Z");
    let csv = env.ok(
        &day("2026-09-10"),
        &["events", "--format", "csv", "--since", "2026-07-03"],
    );
    assert!(csv.starts_with("id,at,deal,kind,actor,role,item,decision,reason,"));
    assert!(!csv.contains("handoff_returned"), "--since filters");
    assert!(csv.contains("approval_recorded"));
}

#[test]
fn import_reports_bad_bundles_and_imports_the_rest() {
    let env = Env::new();
    let root = env.path("bundles");
    copy_dir(&example("hollow-oak-cidery-minimal"), &root.join("a-good"));
    std::fs::create_dir_all(root.join("b-bad")).unwrap();
    std::fs::write(
        root.join("b-bad/deal.toml"),
        "id = \"X\"\nkickoff = 2026-02-31\n",
    )
    .unwrap();
    let out = env.run("2026-07-01T00:00:00Z", &["import", root.to_str().unwrap()]);
    assert!(!out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stdout.ends_with("imported 1, updated 0, unchanged 0, failed 1\n"),
        "{stdout}"
    );
    assert!(stderr.contains("b-bad/deal.toml:2:"), "{stderr}");
    assert_eq!(
        env.json("2026-07-01T00:00:00Z", &["list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn a_file_that_is_not_a_workspace_is_refused_untouched() {
    let env = Env::new();
    let bytes = b"# my notes\nnot a database\n".repeat(100);
    std::fs::write(&env.ws, &bytes).unwrap();
    env.fails("2026-07-01T00:00:00Z", &["list"], "not a baton workspace");
    assert_eq!(std::fs::read(&env.ws).unwrap(), bytes);
}
