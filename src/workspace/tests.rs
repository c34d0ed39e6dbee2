use super::*;
use crate::handoff::commands::{self, Criteria};
use crate::handoff::items::{CommitmentOutcome, Resolution, RiskStatus};
use crate::handoff::{Actor, Role, Status};
use crate::rules::Rules;
use std::collections::HashMap;
use std::fs;

fn ctx(name: &str, role: Role, now: &str) -> Ctx {
    Ctx {
        actor: Actor {
            name: name.into(),
            role: Some(role),
        },
        now: now.parse().unwrap(),
        team: crate::handoff::Team::default(),
        may_invalidate_approvals: false,
    }
}

fn bundle(dir: &Path, notes: &str) {
    fs::create_dir_all(dir.join("notes")).unwrap();
    fs::write(
        dir.join("deal.toml"),
        "id = \"OPP-7\"\nname = \"Acme\"\nsegment = \"smb\"\nclosed_on = 2026-06-01\nae = \"Dana\"\ncsm = \"Priya\"\nkickoff = 2026-06-15\n\n[first_value]\ndate = 2026-08-01\ncriteria = \"Ops runs its weekly review in the tool\"\n",
    )
    .unwrap();
    fs::write(dir.join("notes/call.md"), notes).unwrap();
    fs::write(
        dir.join("scope.md"),
        "Implementation: 8 weeks from kickoff.\nIncludes 50 seats.\n",
    )
    .unwrap();
}

const NOTES: &str = "Maria (VP Ops) wants to cut month-end reporting from 5 days to 2.\nWe promised Maria the rollout takes four weeks end to end.\nThe legacy CRM export has not been tested.\n";

#[test]
fn refuses_a_file_that_is_not_sqlite_and_leaves_it_untouched() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("notes.db");
    let bytes = b"hello, this is a text file and not a database at all\n".repeat(50);
    fs::write(&p, &bytes).unwrap();
    let e = Workspace::open(&p).err().unwrap();
    assert!(
        e.to_string()
            .contains("not a baton workspace (not an SQLite database)"),
        "{e}"
    );
    assert_eq!(fs::read(&p).unwrap(), bytes);
    assert!(!d.path().join("notes.db-wal").exists());
}

#[test]
fn refuses_another_applications_sqlite_and_a_newer_schema() {
    let d = tempfile::tempdir().unwrap();
    let other = d.path().join("other.db");
    let c = Connection::open(&other).unwrap();
    c.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    drop(c);
    let before = fs::read(&other).unwrap();
    let e = Workspace::open(&other).err().unwrap();
    assert!(e.to_string().contains("another application"), "{e}");
    assert_eq!(fs::read(&other).unwrap(), before);

    let newer = d.path().join("newer.db");
    drop(Workspace::open(&newer).unwrap());
    let c = Connection::open(&newer).unwrap();
    c.pragma_update(None, "user_version", 99).unwrap();
    drop(c);
    let e = Workspace::open(&newer).err().unwrap();
    assert!(e.to_string().contains("schema version 99 is newer"), "{e}");
}

#[test]
fn creates_a_versioned_wal_workspace_and_reopens_it() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("sub/dir/ws.db");
    let ws = Workspace::open(&p).unwrap();
    let c = ws.connection();
    let version: i64 = c
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let mode: String = c
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    let fk: i64 = c
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert_eq!((version, mode.as_str(), fk), (schema::latest(), "wal", 1));
    drop(ws);
    Workspace::open(&p).unwrap();
}

#[test]
fn import_review_reimport_carries_decisions_and_invalidates_approvals() {
    let d = tempfile::tempdir().unwrap();
    let src = d.path().join("acme");
    bundle(&src, NOTES);
    let mut ws = Workspace::open(&d.path().join("ws.db")).unwrap();
    let rules = Rules::builtin();
    let csm = ctx("Priya", Role::Csm, "2026-06-03T09:00:00Z");
    let ae = ctx("Dana", Role::Ae, "2026-06-03T10:00:00Z");
    let p = prepare(&src, &rules, csm.now).unwrap();
    assert!(matches!(
        ws.import(&p, &csm).unwrap(),
        ImportOutcome::Imported { .. }
    ));
    assert_eq!(
        ws.import(&p, &csm).unwrap(),
        ImportOutcome::Unchanged {
            deal: "OPP-7".into()
        }
    );

    let h = ws.handoff("OPP-7").unwrap();
    assert_eq!(h.status, Status::New);
    let ids = |kind| h.items_of(kind).map(|i| i.id.clone()).collect::<Vec<_>>();
    for c in ids(crate::handoff::ItemKind::Commitment) {
        ws.apply(&csm, "OPP-7", |h| {
            commands::review(h, &csm, &c, CommitmentOutcome::Accepted, "ok")
        })
        .unwrap();
    }
    for x in ids(crate::handoff::ItemKind::Conflict) {
        ws.apply(&csm, "OPP-7", |h| {
            commands::resolve(h, &csm, &x, Resolution::ScopeStands, "8 weeks")
        })
        .unwrap();
    }
    for r in ids(crate::handoff::ItemKind::Risk) {
        ws.apply(&csm, "OPP-7", |h| {
            commands::own_risk(h, &csm, &r, "Dana", None, RiskStatus::Open)
        })
        .unwrap();
    }
    for which in [Criteria::Success, Criteria::FirstValue] {
        ws.apply(&csm, "OPP-7", |h| commands::confirm(h, &csm, which))
            .unwrap();
    }
    let h = ws.handoff("OPP-7").unwrap();
    assert!(
        crate::handoff::gates::failing(&h).is_empty(),
        "{:?}",
        crate::handoff::gates::failing(&h)
    );
    ws.apply(&ae, "OPP-7", |h| commands::approve(h, &ae, Role::Ae))
        .unwrap();
    let (h, _) = ws
        .apply(&csm, "OPP-7", |h| commands::approve(h, &csm, Role::Csm))
        .unwrap();
    assert_eq!(h.status, Status::Approved);
    assert_eq!(ws.handoff("OPP-7").unwrap().status, Status::Approved);

    // A wrong command changes nothing.
    let before = ws.events(None, None).unwrap().len();
    assert!(
        ws.apply(&csm, "OPP-7", |h| commands::review(
            h,
            &csm,
            "C99",
            CommitmentOutcome::Accepted,
            ""
        ))
        .is_err()
    );
    assert!(matches!(
        ws.apply(&csm, "NOPE", |h| commands::resubmit(h, &csm, "x")),
        Err(Error::UnknownDeal(_))
    ));
    assert_eq!(ws.events(None, None).unwrap().len(), before);

    // A changed bundle: one new line, everything else the same.
    fs::write(
        src.join("notes/call.md"),
        format!("{NOTES}Callum may leave the company.\n"),
    )
    .unwrap();
    let p = prepare(&src, &rules, csm.now).unwrap();
    let out = ws.import(&p, &csm).unwrap();
    let ImportOutcome::Updated {
        revision,
        carried,
        invalidated,
        ..
    } = out
    else {
        panic!("{out:?}")
    };
    assert_eq!((revision, invalidated), (2, 2));
    assert_eq!(carried, 2, "C1 and R1 keep their decisions");
    let h = ws.handoff("OPP-7").unwrap();
    assert_eq!(h.revision, 2);
    assert!(h.approvals.is_empty());
    assert_ne!(h.status, Status::Approved);
    let diffs = ws.diff("OPP-7", None).unwrap();
    assert_eq!(diffs.len(), 1);
    assert!(
        diffs[0].diff.contains("+Callum may leave the company."),
        "{}",
        diffs[0].diff
    );
    let history = ws.approval_history("OPP-7").unwrap();
    assert!(history.iter().all(|a| {
        a.invalidated_reason
            .as_deref()
            .unwrap_or("")
            .contains("notes/call.md modified")
    }));
    let kinds: Vec<String> = ws
        .events(None, Some("OPP-7"))
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    for k in [
        "handoff_created",
        "revision_imported",
        "item_reviewed",
        "approval_recorded",
        "handoff_accepted",
        "approval_invalidated",
    ] {
        assert!(kinds.iter().any(|x| x == k), "{k} in {kinds:?}");
    }
    // Events are append-only, even for someone with sqlite3.
    assert!(ws.connection().execute("DELETE FROM events", []).is_err());
}

#[test]
fn an_empty_sqlite_file_left_by_a_killed_first_open_is_taken_as_new() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("ws.db");
    let c = Connection::open(&p).unwrap();
    c.pragma_update(None, "journal_mode", "WAL").unwrap();
    drop(c);
    assert!(fs::metadata(&p).unwrap().len() > 0);
    Workspace::open(&p).unwrap().list().unwrap();
}

#[test]
fn migration_2_backfills_the_score_of_a_version_1_workspace() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("v1.db");
    let c = Connection::open(&p).unwrap();
    c.execute_batch(schema::MIGRATIONS[0]).unwrap();
    c.pragma_update(None, "user_version", 1).unwrap();
    c.pragma_update(None, "application_id", schema::APPLICATION_ID)
        .unwrap();
    c.execute_batch(
        "INSERT INTO deals (id, status, revision, created_at, updated_at)
           VALUES ('OPP-1', 'new', 1, '2026-07-01T09:00:00Z', '2026-07-01T09:00:00Z');
         INSERT INTO revisions VALUES ('OPP-1', 1, 'h', '/b', '2026-07-01T09:00:00Z', 1, NULL, '{}',
           '{\"score\": {\"total\": 64, \"max\": 100}}');",
    )
    .unwrap();
    // One item of each kind and state the counts tell apart.
    let items = [
        ("C1", "commitment", "pending", None),
        ("C2", "commitment", "sent_to_ae", None),
        ("C3", "commitment", "accepted", None),
        ("X1", "conflict", "pending", None),
        ("X2", "conflict", "scope_stands", None),
        ("R1", "risk", "pending", None),
        ("R2", "risk", "open", Some("")),
        ("R3", "risk", "open", Some("Dev")),
        ("R4", "risk", "accepted", Some("")),
        ("Q1", "question", "pending", None),
        ("Q2", "question", "answered", None),
        ("G1", "goal", "pending", None),
    ];
    for (n, (id, kind, state, owner)) in items.iter().enumerate() {
        let decided = (*state != "pending").then_some("Dev");
        c.execute(
            "INSERT INTO items (deal_id, id, position, kind, text, evidence_json, fingerprint,
                                state, owner, decided_by, decided_at)
             VALUES ('OPP-1', ?1, ?2, ?3, 'x', '[]', ?1, ?4, ?5, ?6, '2026-07-01T09:00:00Z')",
            rusqlite::params![id, n as i64, kind, state, owner, decided],
        )
        .unwrap();
    }
    drop(c);
    let ws = Workspace::open(&p).unwrap();
    let rows = ws.queue().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].score, Some(64));
    // The SQL backfill counts what `Handoff::open_counts` counts.
    let open = ws.handoff("OPP-1").unwrap().open_counts();
    assert_eq!(
        (
            rows[0].commitments_to_review,
            rows[0].open_conflicts,
            rows[0].unowned_risks,
            rows[0].open_questions
        ),
        (
            open.commitments,
            open.conflicts,
            open.unowned_risks,
            open.questions
        )
    );
    assert_eq!(
        (
            open.commitments,
            open.conflicts,
            open.unowned_risks,
            open.questions
        ),
        (2, 1, 2, 1)
    );
}

#[test]
fn queue_counts_what_is_left_to_review() {
    let d = tempfile::tempdir().unwrap();
    let b = d.path().join("bundle");
    bundle(&b, NOTES);
    let mut ws = Workspace::open(&d.path().join("ws.db")).unwrap();
    let c = ctx("Dev", Role::Csm, "2026-07-01T09:00:00Z");
    ws.import(&prepare(&b, &Rules::builtin(), c.now).unwrap(), &c)
        .unwrap();
    let before = ws.queue().unwrap().remove(0);
    let h = ws.handoff("OPP-7").unwrap();
    let risks = h.items_of(crate::handoff::ItemKind::Risk).count() as u32;
    assert_eq!(before.unowned_risks, risks);
    assert!(before.score.is_some());
    assert!(before.commitments_to_review >= 1, "{before:?}");
    let first = |kind| h.items_of(kind).next().unwrap().id.clone();
    ws.run(
        &c,
        "OPP-7",
        &crate::handoff::Command::Review {
            item: first(crate::handoff::ItemKind::Commitment),
            outcome: CommitmentOutcome::Accepted,
            note: String::new(),
        },
    )
    .unwrap();
    ws.run(
        &c,
        "OPP-7",
        &crate::handoff::Command::OwnRisk {
            item: first(crate::handoff::ItemKind::Risk),
            owner: "Dev".into(),
            due: None,
            status: RiskStatus::Open,
        },
    )
    .unwrap();
    let after = ws.queue().unwrap().remove(0);
    assert_eq!(
        after.commitments_to_review,
        before.commitments_to_review - 1
    );
    assert_eq!(after.unowned_risks, before.unowned_risks - 1);
    assert_eq!(after.status, "in_review");
    let files = ws.files("OPP-7").unwrap();
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["deal.toml", "notes/call.md", "scope.md"]);
    assert_eq!(files[2].role, "scope");
}

/// Text typed into a command (a CLI argument, a TUI field, `--as`) is stored
/// clean: the items, the approvals and the log never hold an escape sequence
/// or a bidi override, and an approval's hash covers what was stored.
#[test]
fn typed_text_is_stored_clean() {
    use crate::handoff::{Command, ItemKind, review_hash};
    let d = tempfile::tempdir().unwrap();
    let src = d.path().join("acme");
    bundle(&src, NOTES);
    let mut ws = Workspace::open(&d.path().join("ws.db")).unwrap();
    let hostile = |w: &str| format!("{w}\x1b]52;c;cHduZWQ=\x07\x1b[2J\u{202e}x");
    let csm = ctx(&hostile("Priya"), Role::Csm, "2026-06-03T09:00:00Z");
    let p = prepare(&src, &Rules::builtin(), csm.now).unwrap();
    ws.import(&p, &csm).unwrap();
    let h = ws.handoff("OPP-7").unwrap();
    let first = |kind| h.items_of(kind).next().unwrap().id.clone();
    let (c, r) = (first(ItemKind::Commitment), first(ItemKind::Risk));
    ws.run(
        &csm,
        "OPP-7",
        &Command::Review {
            item: c,
            outcome: CommitmentOutcome::Accepted,
            note: hostile("checked\nwith the AE"),
        },
    )
    .unwrap();
    let (after, _) = ws
        .run(
            &csm,
            "OPP-7",
            &Command::OwnRisk {
                item: r,
                owner: hostile("Wen"),
                due: None,
                status: RiskStatus::Open,
            },
        )
        .unwrap();
    let export = Change {
        events: vec![(
            crate::handoff::EventKind::BriefExported,
            serde_json::json!({"path": hostile("brief.md")}),
        )],
    };
    ws.record(&csm, "OPP-7", &export).unwrap();

    assert_eq!(
        review_hash(&after),
        review_hash(&ws.handoff("OPP-7").unwrap())
    );
    let stored: String = ws
        .connection()
        .query_row(
            "SELECT (SELECT group_concat(actor || payload, ' ') FROM events)
                 || (SELECT group_concat(coalesce(note, '') || coalesce(owner, '')
                        || coalesce(decided_by, ''), ' ') FROM items)",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert!(stored.contains("Priyax"), "{stored}");
    assert!(stored.contains("checked\\nwith the AEx"), "{stored}");
    assert!(stored.contains("Wenx"), "{stored}");
    for bad in ['\x1b', '\x07', '\u{202e}'] {
        assert!(!stored.contains(bad), "{bad:?} stored: {stored:?}");
    }
    for bad in ["\\u001b", "\\u0007"] {
        assert!(!stored.contains(bad), "{bad} stored: {stored:?}");
    }
}

/// A bundle of deal OPP-7 for `account`, its notes saying `notes`.
fn bundle_of(dir: &Path, account: &str, notes: &str) {
    bundle(dir, notes);
    let record = fs::read_to_string(dir.join("deal.toml")).unwrap();
    fs::write(
        dir.join("deal.toml"),
        format!("account = \"{account}\"\n{record}"),
    )
    .unwrap();
}

#[test]
fn an_unchanged_bundle_is_known_by_its_hash_before_analysis() {
    let d = tempfile::tempdir().unwrap();
    let src = d.path().join("acme");
    bundle(&src, NOTES);
    let mut ws = Workspace::open(&d.path().join("ws.db")).unwrap();
    let rules = Rules::builtin();
    let c = ctx("Priya", Role::Csm, "2026-06-03T09:00:00Z");
    assert!(ws.content_hashes().unwrap().is_empty());
    let Prepare::Ready(p) = prepare_if_changed(&src, &rules, c.now, &HashMap::new()).unwrap()
    else {
        panic!("a new deal is analysed");
    };
    ws.import(&p, &c).unwrap();
    let current = ws.content_hashes().unwrap();
    assert_eq!(current.get("OPP-7"), Some(&p.content_hash));
    let again = prepare_if_changed(&src, &rules, c.now, &current).unwrap();
    assert!(
        matches!(&again, Prepare::Unchanged { deal } if deal == "OPP-7"),
        "{again:?}"
    );
    fs::write(
        src.join("notes/call.md"),
        format!("{NOTES}One more line.\n"),
    )
    .unwrap();
    let changed = prepare_if_changed(&src, &rules, c.now, &current).unwrap();
    let Prepare::Ready(p) = changed else {
        panic!("a changed bundle is analysed");
    };
    assert!(!p.items.is_empty());
    assert_ne!(current.get("OPP-7"), Some(&p.content_hash));
}

#[test]
fn an_approved_handoff_of_another_account_is_replaced_only_when_asked() {
    let d = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&d.path().join("ws.db")).unwrap();
    let rules = Rules::builtin();
    let c = ctx("Priya", Role::Csm, "2026-06-03T09:00:00Z");
    let ours = d.path().join("ours");
    bundle_of(&ours, "Acme Corp", NOTES);
    ws.import(&prepare(&ours, &rules, c.now).unwrap(), &c)
        .unwrap();
    let approve = |ws: &Workspace| {
        ws.connection()
            .execute("UPDATE deals SET status = 'approved'", [])
            .unwrap();
    };
    approve(&ws);

    // Another account's bundle reusing the id: refused, nothing written.
    let theirs = d.path().join("theirs");
    bundle_of(&theirs, "Globex", "Globex wants a pilot in Lisbon.\n");
    let p = prepare(&theirs, &rules, c.now).unwrap();
    let e = ws.import(&p, &c).unwrap_err();
    assert!(matches!(e, Error::ApprovedElsewhere { .. }), "{e}");
    assert_eq!(
        e.to_string(),
        format!(
            "{}: deal id OPP-7 is the approved handoff of \"Acme Corp\", and this bundle is for \"Globex\": refused (import --replace replaces it)",
            theirs.join("deal.toml").display()
        )
    );
    let h = ws.handoff("OPP-7").unwrap();
    assert_eq!((h.revision, h.status), (1, Status::Approved));
    assert_eq!(h.deal.account.as_deref(), Some("Acme Corp"));

    // The same account, written differently, changing its bundle: a revision.
    let again = d.path().join("again");
    bundle_of(&again, "  acme   corp ", &format!("{NOTES}A new line.\n"));
    let out = ws
        .import(&prepare(&again, &rules, c.now).unwrap(), &c)
        .unwrap();
    assert!(
        matches!(out, ImportOutcome::Updated { revision: 2, .. }),
        "{out:?}"
    );

    // Replacing when the user says so, recorded on the revision's event.
    approve(&ws);
    let out = ws.import_with(&p, &c, Replace::Allow).unwrap();
    assert!(
        matches!(out, ImportOutcome::Updated { revision: 3, .. }),
        "{out:?}"
    );
    let h = ws.handoff("OPP-7").unwrap();
    assert_eq!(h.deal.account.as_deref(), Some("Globex"));
    let events = ws.events(None, Some("OPP-7")).unwrap();
    let last = events
        .iter()
        .rfind(|e| e.kind == "revision_imported")
        .unwrap();
    assert_eq!(last.payload["replaced"]["account"], "  acme   corp ");
    assert_eq!(last.payload["replaced"]["status"], "approved");

    // A handoff not approved yet takes another account's bundle as a revision.
    let other = d.path().join("other");
    bundle_of(&other, "Initech", NOTES);
    assert!(
        ws.import(&prepare(&other, &rules, c.now).unwrap(), &c)
            .is_ok()
    );
}
