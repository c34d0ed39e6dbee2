//! The workspace benchmark: a documented command, not part of the test run.
//!
//! ```sh
//! cargo test --release --test workspace_bench -- --ignored --nocapture
//! ```
//!
//! Targets (2 cores): import 1,000 bundles of ~20 KB in under 10 s; `baton list`
//! over 10,000 deals in under 200 ms; `baton metrics` over 10,000 deals and
//! 200,000 events in under 300 ms. The 1,000 imported deals are cloned in SQL to
//! 10,000, with synthetic events to 200,000 (what a year of a pilot could hold).

mod support;

use rusqlite::Connection;
use std::time::{Duration, Instant};
use support::{Env, generate_bundles};

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn timed(env: &Env, args: &[&str], runs: usize) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                env.ok("2026-09-01T00:00:00Z", args);
                t.elapsed()
            })
            .collect(),
    )
}

fn report(what: &str, took: Duration, target: Duration) -> bool {
    let pass = took < target;
    println!(
        "{what:<44} {:>9.1} ms  target < {:>6} ms  {}",
        took.as_secs_f64() * 1e3,
        target.as_millis(),
        if pass { "PASS" } else { "FAIL" }
    );
    pass
}

/// Clone the imported deals (and their revisions, items and events) until there
/// are `target` deals, then add synthetic lifecycle events up to `events`.
fn grow(db: &std::path::Path, target: usize, events: usize) {
    let mut c = Connection::open(db).unwrap();
    let tx = c.transaction().unwrap();
    let base: i64 = tx
        .query_row("SELECT count(*) FROM deals", [], |r| r.get(0))
        .unwrap();
    let copies = (target as i64 - base).max(0) / base;
    for k in 1..=copies {
        let s = format!("-c{k}");
        tx.execute_batch(&format!(
            "INSERT INTO deals SELECT id || '{s}', name, account, CASE WHEN {k} % 3 = 0 THEN 'enterprise' ELSE segment END,
                ae, csm, closed_on, kickoff, kickoff_moved_to, first_value_date, first_value_criteria, status, revision,
                success_confirmed_by, success_confirmed_role, success_confirmed_at, first_value_confirmed_by,
                first_value_confirmed_role, first_value_confirmed_at, kickoff_held_on, first_value_reached_on, created_at, updated_at
              FROM deals WHERE id NOT LIKE '%-c%';
             INSERT INTO revisions SELECT deal_id || '{s}', number, content_hash, source_path, imported_at, notes_files, scope_file, brief_json, '{{}}'
              FROM revisions WHERE deal_id NOT LIKE '%-c%';
             INSERT INTO items SELECT deal_id || '{s}', id, position, kind, category, about, text, evidence_json, fingerprint,
                state, note, owner, due, decided_by, decided_role, decided_at FROM items WHERE deal_id NOT LIKE '%-c%';
             INSERT INTO events (deal_id, kind, actor, role, at, payload)
              SELECT deal_id || '{s}', kind, actor, role, at, payload FROM events WHERE deal_id NOT LIKE '%-c%';"
        ))
        .unwrap();
    }
    let have: i64 = tx
        .query_row("SELECT count(*) FROM events", [], |r| r.get(0))
        .unwrap();
    let deals: i64 = tx
        .query_row("SELECT count(*) FROM deals", [], |r| r.get(0))
        .unwrap();
    let per_deal = ((events as i64 - have) / deals).max(0);
    tx.execute(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?1)
         INSERT INTO events (deal_id, kind, actor, role, at, payload)
         SELECT d.id,
                CASE n.i % 10 WHEN 0 THEN 'handoff_returned' WHEN 1 THEN 'handoff_accepted' WHEN 2 THEN 'kickoff_moved'
                              WHEN 3 THEN 'kickoff_held' ELSE 'item_reviewed' END,
                'Bench', 'csm', '2026-07-' || printf('%02d', 1 + n.i % 28) || 'T10:00:00Z',
                CASE n.i % 10 WHEN 0 THEN '{\"reason\":\"missing_context\"}'
                              WHEN 2 THEN '{\"from\":\"2026-07-13\",\"to\":\"2026-07-20\"}'
                              WHEN 3 THEN '{\"date\":\"2026-07-21\"}'
                              ELSE '{\"item\":\"C1\",\"outcome\":\"accepted\"}' END
         FROM deals d, n",
        [per_deal],
    )
    .unwrap();
    tx.commit().unwrap();
}

#[test]
#[ignore = "benchmark: cargo test --release --test workspace_bench -- --ignored --nocapture"]
fn workspace_benchmark() {
    let env = Env::new();
    let src = env.path("bundles");
    generate_bundles(&src, 1000);
    let t = Instant::now();
    let out = env.ok("2026-07-01T00:00:00Z", &["import", src.to_str().unwrap()]);
    let import = t.elapsed();
    assert!(
        out.ends_with("imported 1000, updated 0, unchanged 0, failed 0\n"),
        "{out}"
    );
    grow(&env.ws, 10_000, 200_000);
    let c = Connection::open(&env.ws).unwrap();
    let deals: i64 = c
        .query_row("SELECT count(*) FROM deals", [], |r| r.get(0))
        .unwrap();
    let events: i64 = c
        .query_row("SELECT count(*) FROM events", [], |r| r.get(0))
        .unwrap();
    println!("workspace: {deals} deals, {events} events");
    let mut pass = report(
        "import 1,000 bundles (~20 KB each)",
        import,
        Duration::from_secs(10),
    );
    pass &= report(
        "list, 10,000 deals",
        timed(&env, &["list"], 5),
        Duration::from_millis(200),
    );
    pass &= report(
        "metrics, 10,000 deals, 200,000 events",
        timed(&env, &["metrics"], 5),
        Duration::from_millis(300),
    );
    assert!(pass, "a target failed");
}
