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
//!
//! Import is linear in review items: a note dense with commitments (~12,000
//! review items per MB) imported at 1 MB and 16 MB, then re-imported changed
//! (decisions carried over), target time(16 MB) / (16 x time(1 MB)) <= 1.5 for
//! each. Numbering items by counting the ones before made this quadratic (a
//! 16 MB note took 47.6 s to import).

use crate::support::{Env, generate_bundles};
use rusqlite::Connection;
use std::path::Path;
use std::time::{Duration, Instant};

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

/// A bundle whose one note is `mb` MB of numbered commitments, each its own
/// review item (and, most of them, a conflict or question too).
fn dense_bundle(dir: &Path, mb: usize) {
    std::fs::create_dir_all(dir.join("notes")).unwrap();
    std::fs::write(
        dir.join("deal.toml"),
        "id = \"DENSE-1\"\naccount = \"Dense Hotels\"\n",
    )
    .unwrap();
    let mut text = String::from("# Call\n\n");
    let mut i = 0;
    while text.len() < mb << 20 {
        text.push_str(&format!(
            "- We will deliver integration {i} with the Opera PMS by week {} at no extra cost.\n",
            i % 50 + 1
        ));
        i += 1;
    }
    std::fs::write(dir.join("notes/call.md"), text).unwrap();
}

/// (first import, changed re-import, items) for a dense note of `mb` MB.
fn import_dense(mb: usize) -> (Duration, Duration, usize) {
    let env = Env::new();
    let bundle = env.path("dense");
    dense_bundle(&bundle, mb);
    let path = bundle.to_str().unwrap();
    let t = Instant::now();
    let out = env.ok("2026-07-01T00:00:00Z", &["import", path]);
    let first = t.elapsed();
    let items: usize = out
        .split_once("imported, ")
        .and_then(|(_, rest)| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{out}"));
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(bundle.join("notes/call.md"))
        .unwrap();
    std::io::Write::write_all(&mut f, b"- One more line.\n").unwrap();
    let t = Instant::now();
    let out = env.ok("2026-07-02T00:00:00Z", &["import", path]);
    let again = t.elapsed();
    assert!(out.contains("revision 2"), "{out}");
    (first, again, items)
}

#[test]
#[ignore = "benchmark: cargo test --release --test workspace_bench -- --ignored --nocapture"]
fn import_is_linear_in_review_items() {
    let (first_1, again_1, items_1) = import_dense(1);
    let (first_16, again_16, items_16) = import_dense(16);
    println!("dense note: {items_1} items at 1 MB, {items_16} at 16 MB");
    let mut pass = true;
    for (what, one, sixteen) in [
        ("import", first_1, first_16),
        ("re-import changed", again_1, again_16),
    ] {
        let ratio = sixteen.as_secs_f64() / (16.0 * one.as_secs_f64());
        let ok = ratio <= 1.5;
        println!(
            "{what:<18} 1 MB {:>8.1} ms  16 MB {:>9.1} ms  time(16)/(16 x time(1)) = {ratio:.2}, target <= 1.5  {}",
            one.as_secs_f64() * 1e3,
            sixteen.as_secs_f64() * 1e3,
            if ok { "PASS" } else { "FAIL" }
        );
        pass &= ok;
    }
    assert!(pass, "a target failed");
}
