//! Reading without creating or locking, damage refused, `check`.

use super::*;
use crate::handoff::{Actor, Role, Team};
use crate::rules::Rules;
use std::fs;

fn imported(dir: &Path) -> PathBuf {
    let src = dir.join("bundle");
    fs::create_dir_all(src.join("notes")).unwrap();
    fs::write(src.join("deal.toml"), "id = \"OPP-9\"\nname = \"Acme\"\n").unwrap();
    fs::write(
        src.join("notes/call.md"),
        "We promised Maria the rollout takes four weeks.\n",
    )
    .unwrap();
    fs::write(src.join("scope.md"), "Implementation: 8 weeks.\n").unwrap();
    let ws_path = dir.join("ws.db");
    let mut ws = Workspace::open(&ws_path).unwrap();
    let ctx = Ctx {
        actor: Actor {
            name: "Priya".into(),
            role: Some(Role::Csm),
        },
        now: "2026-06-03T09:00:00Z".parse().unwrap(),
        team: Team::default(),
        may_invalidate_approvals: false,
    };
    let p = prepare(&src, &Rules::builtin(), ctx.now).unwrap();
    ws.import(&p, &ctx).unwrap();
    ws_path
}

#[test]
fn reading_a_missing_workspace_creates_nothing() {
    let d = tempfile::tempdir().unwrap();
    let typo = d.path().join("sub").join("wrokspace.db");
    let e = Workspace::open_to_read(&typo).err().unwrap();
    assert!(matches!(e, Error::Missing(_)), "{e}");
    assert!(e.to_string().contains("no workspace here"), "{e}");
    assert!(!typo.exists() && !d.path().join("sub").exists());
}

#[test]
fn a_reader_does_not_wait_for_a_writer() {
    let d = tempfile::tempdir().unwrap();
    let path = imported(d.path());
    let mut writer = Workspace::open(&path).unwrap();
    let tx = writer
        .conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .unwrap();
    // The write lock is held: a reader still reads, and at once.
    let reader = Workspace::open_to_read(&path).unwrap();
    let started = std::time::Instant::now();
    assert_eq!(reader.handoff("OPP-9").unwrap().deal.id, "OPP-9");
    assert!(started.elapsed() < BUSY_TIMEOUT / 2);
    drop(tx);
}

#[test]
fn check_finds_tampered_evidence_and_passes_a_sound_file() {
    let d = tempfile::tempdir().unwrap();
    let path = imported(d.path());
    let report = Workspace::open_to_read(&path).unwrap().check().unwrap();
    assert!(report.is_sound(), "{report:?}");
    assert_eq!((report.revisions, report.files), (1, 3));
    let c = Connection::open(&path).unwrap();
    c.execute(
        "UPDATE files SET text = 'We promised nothing.' WHERE path = 'notes/call.md'",
        [],
    )
    .unwrap();
    drop(c);
    let report = Workspace::open_to_read(&path).unwrap().check().unwrap();
    assert_eq!(report.problems.len(), 2, "{report:?}");
    assert!(report.problems[0].contains("notes/call.md does not match"));
    assert!(report.problems[1].contains("content hash"));
}

#[test]
fn a_damaged_file_is_named_damaged_and_never_written() {
    let d = tempfile::tempdir().unwrap();
    let path = imported(d.path());
    // Checkpointed into the main file, then a page's b-tree header overwritten.
    drop(Workspace::open(&path).unwrap());
    let c = Connection::open(&path).unwrap();
    c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    let page: i64 = c
        .pragma_query_value(None, "page_size", |r| r.get(0))
        .unwrap();
    drop(c);
    let mut bytes = fs::read(&path).unwrap();
    // The last page holds rows (the file's tail grows with the import).
    let at = bytes.len() - page as usize;
    bytes[at..at + 8].copy_from_slice(&[0xff; 8]);
    fs::write(&path, &bytes).unwrap();
    let e = Workspace::open(&path)
        .err()
        .expect("a damaged file is refused");
    assert!(e.to_string().contains("damaged"), "{e}");
    assert_eq!(fs::read(&path).unwrap(), bytes, "nothing written");
    // `check` reports it, as a list of problems or, when SQLite cannot even
    // read the schema, as the same one-line error.
    match Workspace::open_to_read(&path).and_then(|ws| ws.check()) {
        Ok(report) => {
            assert!(!report.is_sound());
            assert!(report.problems[0].starts_with("integrity: "), "{report:?}");
        }
        Err(e) => assert!(e.to_string().contains("damaged"), "{e}"),
    }
}
