//! Helpers for the workspace tests: run the binary against a temp workspace
//! with a fixed "now" and an isolated home (no user config or rules leak in).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_baton");

pub struct Env {
    pub dir: tempfile::TempDir,
    pub ws: PathBuf,
}

impl Env {
    pub fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path().join("workspace.db");
        Env { dir, ws }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// The binary with the workspace, home and time set.
    pub fn cmd(&self, now: &str) -> Command {
        let mut c = Command::new(BIN);
        let home = self.dir.path().join("home");
        c.env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("BATON_NOW", now)
            .env_remove("BATON_WORKSPACE")
            .env("NO_COLOR", "1")
            .arg("--workspace")
            .arg(&self.ws);
        c
    }

    pub fn run(&self, now: &str, args: &[&str]) -> Output {
        self.cmd(now).args(args).output().unwrap()
    }

    /// Run and require success; returns stdout.
    pub fn ok(&self, now: &str, args: &[&str]) -> String {
        let out = self.run(now, args);
        assert!(
            out.status.success(),
            "baton {args:?} failed: {}\n{}",
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Run and require a one-line error containing `needle`.
    pub fn fails(&self, now: &str, args: &[&str], needle: &str) -> String {
        let out = self.run(now, args);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!out.status.success(), "baton {args:?} should fail");
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        assert!(err.contains(needle), "{needle:?} not in {err}");
        err
    }

    pub fn json(&self, now: &str, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(now, args)).unwrap()
    }
}

/// Copy a folder tree (bundles are small).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

pub fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

/// Write `n` generated bundles under `dir`, each a copy of an example's text with
/// its own deal id (`GEN-0001`...).
pub fn generate_bundles(dir: &Path, n: usize) {
    let src = example("brannock-hotels-procurement");
    let deal = std::fs::read_to_string(src.join("deal.toml")).unwrap();
    for i in 0..n {
        let b = dir.join(format!("gen-{i:04}"));
        copy_dir(&src, &b);
        let _ = std::fs::remove_file(b.join("gold.toml"));
        std::fs::write(
            b.join("deal.toml"),
            deal.replace("TF-OPP-26-0457", &format!("GEN-{i:04}")),
        )
        .unwrap();
    }
}
