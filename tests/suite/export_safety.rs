//! `baton export` writing safely (issue 14, item 5): one file per deal id,
//! temporary files that are never someone else's, and `brief_exported`
//! recorded only once the brief is written.

use crate::support::Env;
use std::path::Path;
use std::process::Stdio;

const NOW: &str = "2026-09-04T10:00:00Z";

fn bundle(dir: &Path, id: &str) {
    std::fs::create_dir_all(dir.join("notes")).unwrap();
    std::fs::write(
        dir.join("deal.toml"),
        format!("id = \"{id}\"\naccount = \"Acme\"\n"),
    )
    .unwrap();
    std::fs::write(
        dir.join("notes/call.md"),
        "Maria (VP Ops) wants month-end reporting in 2 days.\nWe promised the rollout takes four weeks.\n",
    )
    .unwrap();
}

fn exports_logged(env: &Env) -> usize {
    env.ok(NOW, &["events", "--format", "jsonl"])
        .lines()
        .filter(|l| l.contains("\"brief_exported\""))
        .count()
}

#[test]
fn ids_that_clean_to_one_name_write_one_file_each() {
    let env = Env::new();
    for (i, id) in ["a/b", "a?b", "a_b"].iter().enumerate() {
        bundle(&env.path(&format!("b{i}")), id);
    }
    let out = env.ok(
        NOW,
        &["import", env.path("b0").parent().unwrap().to_str().unwrap()],
    );
    assert!(out.contains("imported 3,"), "{out}");
    let dir = env.path("briefs");
    let out = env.ok(
        NOW,
        &["export", "--all-approved", dir.to_str().unwrap(), "--draft"],
    );
    assert!(out.starts_with("exported 3 brief(s)"), "{out}");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.len(), 3, "{files:?}");
    assert!(files.contains(&"a_b.md".to_string()), "{files:?}");
    for id in ["a/b", "a?b", "a_b"] {
        let found = files.iter().any(|f| {
            std::fs::read_to_string(dir.join(f))
                .unwrap()
                .contains(&format!("Handoff brief: {}", id.replace('_', "\\_")))
        });
        assert!(found, "{id}: no brief in {files:?}");
    }
    assert_eq!(exports_logged(&env), 3);
}

#[test]
fn ids_one_folder_cannot_tell_apart_are_refused_before_writing() {
    let env = Env::new();
    bundle(&env.path("all/upper"), "ABC-1");
    bundle(&env.path("all/lower"), "abc-1");
    env.ok(NOW, &["import", env.path("all").to_str().unwrap()]);
    let dir = env.path("briefs");
    let err = env.fails(
        NOW,
        &["export", "--all-approved", dir.to_str().unwrap(), "--draft"],
        "deals ABC-1 and abc-1 would both be written to abc-1.md; nothing exported",
    );
    assert!(err.starts_with("baton: "), "{err}");
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
    assert_eq!(exports_logged(&env), 0);
}

#[cfg(unix)]
#[test]
fn a_planted_temporary_link_is_never_written_through() {
    let env = Env::new();
    bundle(&env.path("b"), "OPP-1");
    env.ok(NOW, &["import", env.path("b").to_str().unwrap()]);
    let victim = env.path("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    let out = env.path("brief.md");
    std::os::unix::fs::symlink(&victim, env.path("brief.md.tmp")).unwrap();
    env.ok(
        NOW,
        &["export", "OPP-1", "-o", out.to_str().unwrap(), "--draft"],
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    let meta = std::fs::symlink_metadata(&out).unwrap();
    assert!(meta.is_file(), "the brief is a file of its own");
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("Handoff brief: OPP-1")
    );
}

#[test]
fn a_brief_that_was_not_written_is_not_logged() {
    let env = Env::new();
    bundle(&env.path("b"), "OPP-1");
    env.ok(NOW, &["import", env.path("b").to_str().unwrap()]);
    // A folder that does not exist.
    let missing = env.path("no/such/folder/brief.md");
    env.fails(
        NOW,
        &[
            "export",
            "OPP-1",
            "-o",
            missing.to_str().unwrap(),
            "--draft",
        ],
        "brief.md",
    );
    assert!(!missing.exists());
    // Standard output on a full disk.
    if Path::new("/dev/full").exists() {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = env
            .cmd(NOW)
            .args(["export", "OPP-1", "--draft"])
            .stdout(Stdio::from(full))
            .output()
            .unwrap();
        assert!(!out.status.success());
        assert_eq!(exports_logged(&env), 0, "an export to /dev/full was logged");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("standard output"), "{err}");
    }
    assert_eq!(exports_logged(&env), 0);
    // Written, then logged.
    let file = env.path("ok.md");
    env.ok(
        NOW,
        &["export", "OPP-1", "-o", file.to_str().unwrap(), "--draft"],
    );
    env.ok(NOW, &["export", "OPP-1", "--draft"]);
    assert_eq!(exports_logged(&env), 2);
}
