//! Hostile or odd bundles through `baton import` (issue 14, item 3): links out
//! of the bundle, FIFOs, oversized files, unsafe deal ids, a bundle reusing an
//! approved deal's id. Every run is killed after a minute, so a hang fails.

use crate::support::{Env, copy_dir, example};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const NOW: &str = "2026-09-04T10:00:00Z";

/// Run with a deadline: (success, stdout, stderr).
fn run(mut cmd: Command) -> (bool, String, String) {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("baton hung: killed after 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn import(env: &Env, args: &[&str]) -> (bool, String, String) {
    let mut cmd = env.cmd(NOW);
    cmd.arg("import").args(args);
    run(cmd)
}

/// The bundle's error line of a failed import (the line after it counts the
/// bundles that failed).
fn one_error(out: (bool, String, String)) -> String {
    let (ok, _, err) = out;
    assert!(!ok, "expected a failure");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines.get(1),
        Some(&"baton: 1 bundle(s) failed to import"),
        "{err:?}"
    );
    assert_eq!(lines.len(), 2, "{err:?}");
    lines[0].to_string()
}

fn small_bundle(dir: &Path, deal_toml: &str) {
    std::fs::create_dir_all(dir.join("notes")).unwrap();
    std::fs::write(dir.join("deal.toml"), deal_toml).unwrap();
    std::fs::write(
        dir.join("notes/call.md"),
        "We promised the rollout takes four weeks.\n",
    )
    .unwrap();
}

fn deals(env: &Env) -> Vec<String> {
    let list = env.json(NOW, &["list", "--json"]);
    list.as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect()
}

#[cfg(unix)]
#[test]
fn links_out_of_the_bundle_and_fifos_are_never_read_stored_or_shown() {
    use std::os::unix::fs::symlink;
    let env = Env::new();
    let b = env.path("brannock");
    copy_dir(&example("brannock-hotels-procurement"), &b);
    let outside = env.path("outside.md");
    std::fs::write(&outside, "SECRET-OUTSIDE: we will leak this.\n").unwrap();
    symlink(&outside, b.join("notes/x.md")).unwrap();
    symlink("/etc/passwd", b.join("notes/passwd.md")).unwrap();
    let fifo = b.join("notes/pipe.md");
    let made_fifo = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let (ok, out, err) = import(&env, &[b.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert!(out.contains("imported 1,"), "{out}");
    let id = &deals(&env)[0];
    let show = env.ok(NOW, &["show", id, "--json"]);
    assert!(!show.contains("SECRET-OUTSIDE") && !show.contains("root:"));
    let db = rusqlite::Connection::open(&env.ws).unwrap();
    let stored: Vec<String> = db
        .prepare("SELECT path FROM files")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(
        !stored
            .iter()
            .any(|p| p.ends_with("x.md") || p.ends_with("passwd.md") || p.ends_with("pipe.md")),
        "{stored:?}"
    );
    let leaked: i64 = db
        .query_row(
            "SELECT count(*) FROM files WHERE text LIKE '%SECRET-OUTSIDE%' OR text LIKE '%root:%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(leaked, 0);
    // Each is named as not read, with the reason.
    assert!(show.contains("a link that leaves the bundle"), "{show}");
    if made_fifo {
        assert!(show.contains("not a regular file"), "{show}");
    }
}

#[test]
fn a_file_over_32_mb_is_one_error_naming_it_and_nothing_is_imported() {
    let env = Env::new();
    let b = env.path("big");
    small_bundle(&b, "id = \"BIG-1\"\n");
    let huge = std::fs::File::create(b.join("notes/recording.txt")).unwrap();
    huge.set_len(40 * 1024 * 1024).unwrap();
    let line = one_error(import(&env, &[b.to_str().unwrap()]));
    assert!(
        line.contains(&format!(
            "{}: 40 MB, over the limit of 32 MB per file",
            b.join("notes/recording.txt").display()
        )),
        "{line}"
    );
    assert!(deals(&env).is_empty());
}

#[cfg(unix)]
#[test]
fn a_deal_toml_linked_from_outside_is_refused() {
    let env = Env::new();
    let b = env.path("linked");
    small_bundle(&b, "");
    let outside = env.path("their-deal.toml");
    std::fs::write(&outside, "id = \"THEIRS-1\"\n").unwrap();
    std::fs::remove_file(b.join("deal.toml")).unwrap();
    std::os::unix::fs::symlink(&outside, b.join("deal.toml")).unwrap();
    let line = one_error(import(&env, &[b.to_str().unwrap()]));
    assert!(
        line.contains("deal.toml: a link that leaves the bundle; not read"),
        "{line}"
    );
    assert!(deals(&env).is_empty());
}

#[test]
fn unsafe_deal_ids_are_refused_at_import_naming_deal_toml() {
    let env = Env::new();
    for (i, id) in [r#""""#, r#"".""#, r#""..""#, r#""OPP\u001b]52;c;x\u0007""#]
        .iter()
        .enumerate()
    {
        let b = env.path(&format!("bad-{i}"));
        small_bundle(&b, &format!("name = \"Acme\"\nid = {id}\n"));
        let line = one_error(import(&env, &[b.to_str().unwrap()]));
        assert!(
            line.contains(&format!("{}:2: \"id\" ", b.join("deal.toml").display())),
            "{id}: {line}"
        );
        assert!(!line.chars().any(char::is_control), "{line:?}");
    }
    assert!(deals(&env).is_empty());
}

#[test]
fn a_bundle_reusing_an_approved_deals_id_is_refused_unless_replace() {
    let env = Env::new();
    baton::demo::build(&env.ws, &env.path("demo-bundles")).unwrap();
    let list = env.json(NOW, &["list", "--json"]);
    let approved = list
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["status"] == "approved")
        .expect("the demo has an approved handoff");
    let id = approved["id"].as_str().unwrap();
    let revision = approved["revision"].as_u64().unwrap();
    let b = env.path("impostor");
    small_bundle(
        &b,
        &format!("id = \"{id}\"\naccount = \"Someone Else Ltd\"\n"),
    );
    let (ok, out, err) = import(&env, &[b.to_str().unwrap()]);
    assert!(!ok);
    assert!(
        out.ends_with("imported 0, updated 0, unchanged 0, failed 1\n"),
        "{out}"
    );
    let first = err.lines().next().unwrap();
    assert!(
        first.contains(&format!(
            "{}: deal id {id} is the approved handoff of",
            b.join("deal.toml").display()
        )) && first.contains("\"Someone Else Ltd\": refused (import --replace replaces it)"),
        "{err}"
    );
    let show = env.json(NOW, &["show", id, "--json"]);
    assert_eq!(show["status"], "approved", "{show}");
    assert_eq!(show["revision"].as_u64(), Some(revision));

    let (ok, out, err) = import(&env, &["--replace", b.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert!(
        out.contains(&format!("{id}: revision {}", revision + 1)),
        "{out}"
    );
}

#[test]
fn an_unchanged_bundle_is_skipped_on_reimport() {
    let env = Env::new();
    let b = env.path("small");
    small_bundle(&b, "id = \"SMALL-1\"\n");
    let path = b.to_str().unwrap();
    assert!(import(&env, &[path]).1.contains("imported 1,"));
    let (ok, out, _) = import(&env, &[path]);
    assert!(ok);
    assert_eq!(out, "imported 0, updated 0, unchanged 1, failed 0\n");
}
