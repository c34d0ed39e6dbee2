//! Crash safety and concurrency of the workspace: `baton import` killed with
//! SIGKILL at varied points leaves a consistent workspace with no deal half
//! imported, a rerun completes, and two processes writing one workspace at
//! once both succeed.

use crate::support;
use crate::support::{Env, generate_bundles};
use rusqlite::Connection;
use std::process::Stdio;
use std::time::{Duration, Instant};

/// Every deal has its current revision, that revision's files, its items and
/// its `handoff_created` event; and SQLite finds the file sound.
fn assert_consistent(db: &std::path::Path) -> usize {
    let c = Connection::open(db).unwrap();
    let has_schema: i64 = c
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'deals'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    if has_schema == 0 {
        // Killed before the first migration committed: an empty database,
        // which the next open takes as new.
        return 0;
    }
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let fk: i64 = c
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk, 0, "foreign keys");
    let half: i64 = c
        .query_row(
            "SELECT count(*) FROM deals d WHERE
                NOT EXISTS (SELECT 1 FROM revisions r WHERE r.deal_id = d.id AND r.number = d.revision)
             OR NOT EXISTS (SELECT 1 FROM files f WHERE f.deal_id = d.id AND f.revision = d.revision)
             OR NOT EXISTS (SELECT 1 FROM items i WHERE i.deal_id = d.id)
             OR NOT EXISTS (SELECT 1 FROM events e WHERE e.deal_id = d.id AND e.kind = 'handoff_created')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(half, 0, "half-imported deals");
    let files_per_deal: Vec<i64> = c
        .prepare("SELECT count(*) FROM files GROUP BY deal_id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(
        files_per_deal.iter().all(|&n| n == files_per_deal[0]),
        "every deal has all its files"
    );
    c.query_row("SELECT count(*) FROM deals", [], |r| r.get::<_, i64>(0))
        .unwrap() as usize
}

#[test]
fn sigkill_during_import_never_leaves_a_deal_half_imported() {
    const BUNDLES: usize = 150;
    let env = Env::new();
    let src = env.path("bundles");
    generate_bundles(&src, BUNDLES);
    let mut seen = Vec::new();
    for k in 0..10u64 {
        let mut child = env
            .cmd("2026-07-01T00:00:00Z")
            .arg("import")
            .arg(&src)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let delay = Duration::from_millis(15 + k * 45);
        let start = Instant::now();
        while start.elapsed() < delay {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        let _ = child.kill(); // SIGKILL on Unix
        child.wait().unwrap();
        if env.ws.exists() {
            seen.push(assert_consistent(&env.ws));
        }
    }
    eprintln!("deals after each kill: {seen:?}");
    assert!(
        seen.windows(2).all(|w| w[0] <= w[1]),
        "imports only accumulate: {seen:?}"
    );
    let out = env.ok("2026-07-01T00:00:00Z", &["import", src.to_str().unwrap()]);
    assert!(out.ends_with("failed 0\n"), "{out}");
    assert_eq!(assert_consistent(&env.ws), BUNDLES);
    let again = env.ok("2026-07-01T00:00:00Z", &["import", src.to_str().unwrap()]);
    assert!(
        again.ends_with(&format!(
            "imported 0, updated 0, unchanged {BUNDLES}, failed 0\n"
        )),
        "{again}"
    );
}

#[test]
fn two_processes_write_one_workspace_at_once() {
    const BUNDLES: usize = 60;
    let env = Env::new();
    let src = env.path("bundles");
    generate_bundles(&src, BUNDLES);
    // Both import everything into a workspace neither has created yet, while a
    // third reads: each deal is imported once, and nobody fails on a lock.
    let spawn = |args: &[&str]| {
        env.cmd("2026-07-01T00:00:00Z")
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let a = spawn(&["import", src.to_str().unwrap()]);
    let b = spawn(&["import", src.to_str().unwrap()]);
    let outs: Vec<_> = [a, b]
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    let mut imported = 0;
    for o in &outs {
        let stdout = String::from_utf8_lossy(&o.stdout);
        assert!(
            o.status.success(),
            "{stdout}\n{}",
            String::from_utf8_lossy(&o.stderr)
        );
        let summary = stdout.lines().last().unwrap();
        imported += summary
            .strip_prefix("imported ")
            .and_then(|s| s.split(',').next())
            .unwrap()
            .parse::<usize>()
            .unwrap();
    }
    assert_eq!(imported, BUNDLES, "each deal imported exactly once");
    assert_eq!(assert_consistent(&env.ws), BUNDLES);

    // A reviewer and an importer at once (a TUI beside a CLI).
    let csm = ["--as", "Priya", "--role", "csm"];
    let mut reviewers = Vec::new();
    for i in 0..BUNDLES / 2 {
        let deal = format!("GEN-{i:04}");
        let mut args: Vec<&str> = csm.to_vec();
        args.extend(["review", &deal, "C1", "accept"]);
        let args: Vec<String> = args.into_iter().map(String::from).collect();
        reviewers.push(args);
    }
    let more = env.path("more");
    generate_bundles(&more, 10);
    for i in 0..10 {
        let deal = std::fs::read_to_string(more.join(format!("gen-{i:04}/deal.toml"))).unwrap();
        std::fs::write(
            more.join(format!("gen-{i:04}/deal.toml")),
            deal.replace(&format!("GEN-{i:04}"), &format!("MORE-{i:04}")),
        )
        .unwrap();
    }
    let importer = spawn(&["import", more.to_str().unwrap()]);
    let review = std::thread::spawn({
        let cmds: Vec<_> = reviewers;
        let ws = env.ws.clone();
        let home = env.path("home");
        move || {
            for args in cmds {
                let out = std::process::Command::new(support::BIN)
                    .env("HOME", &home)
                    .env("XDG_CONFIG_HOME", home.join(".config"))
                    .env("BATON_NOW", "2026-07-02T00:00:00Z")
                    .arg("--workspace")
                    .arg(&ws)
                    .args(&args)
                    .output()
                    .unwrap();
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
        }
    });
    let out = importer.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    review.join().unwrap();
    assert_eq!(assert_consistent(&env.ws), BUNDLES + 10);
}
