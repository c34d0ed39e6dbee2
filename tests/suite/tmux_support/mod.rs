//! The tmux driver of the end-to-end tests: which `baton` binary to run, one
//! private tmux server per test with `baton demo` in its pane, keys sent and
//! the screen read back until it shows what a step must.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// The debug build cargo made for this test run.
pub const BATON_DEBUG_BIN: &str = env!("CARGO_BIN_EXE_baton");

/// Newest modification time under `dir`.
pub fn newest(dir: &Path) -> std::time::SystemTime {
    let mut t = std::time::SystemTime::UNIX_EPOCH;
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        let m = if p.is_dir() {
            newest(&p)
        } else {
            e.metadata()
                .and_then(|m| m.modified())
                .unwrap_or(std::time::SystemTime::UNIX_EPOCH)
        };
        t = t.max(m);
    }
    t
}

/// The binary under test: see the module comment of `tui_e2e.rs`.
pub fn baton_bin() -> std::path::PathBuf {
    if let Some(b) = std::env::var_os("BATON_E2E_BIN") {
        return b.into();
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let release = target.join("release").join("baton");
    let sources = [root.join("src"), root.join("assets"), root.join("examples")]
        .iter()
        .map(|d| newest(d))
        .max()
        .unwrap_or(std::time::SystemTime::UNIX_EPOCH);
    let fresh = std::fs::metadata(&release)
        .and_then(|m| m.modified())
        .is_ok_and(|built| built >= sources);
    if fresh {
        release
    } else {
        eprintln!(
            "tui_e2e: target/release/baton is missing or older than the source; testing the debug build"
        );
        BATON_DEBUG_BIN.into()
    }
}
pub const NOW: &str = "2026-09-04T09:00:00Z";
pub const ME: &str = "Test CSM";
/// How long one step may take to show on screen.
pub const STEP: Duration = Duration::from_secs(5);
/// The demo builds its workspace (six imports) before the first frame.
pub const START: Duration = Duration::from_secs(20);
pub const POLL: Duration = Duration::from_millis(15);

pub fn tmux_installed() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Single-quote `s` for `sh -c`.
pub fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// One tmux server (private socket) with one pane running `baton demo`.
pub struct Term {
    pub socket: String,
    pub dir: tempfile::TempDir,
}

impl Term {
    /// Start `baton --as "Test CSM" --role csm demo --dir <tmp>/demo` in a
    /// `width` x `height` pane, from `<tmp>` (the TUI exports there). When it
    /// exits the pane prints `BATON_EXITED <status>` and stays up.
    pub fn start(name: &str, width: u16, height: u16) -> Term {
        let dir = tempfile::tempdir().expect("temp dir");
        let socket = format!("baton-e2e-{name}-{}", std::process::id());
        let d = dir.path();
        let home = d.join("home");
        let q = |p: &Path| sh_quote(&p.display().to_string());
        let script = format!(
            "cd {dir} && env HOME={home} XDG_CONFIG_HOME={config} XDG_DATA_HOME={data} \
             BATON_NOW={NOW} {bin} --as {me} --role csm demo --dir {demo}; \
             echo BATON_EXITED $?; exec sleep 600",
            dir = q(d),
            home = q(&home),
            config = q(&home.join(".config")),
            data = q(&home.join(".local/share")),
            bin = q(&baton_bin()),
            me = sh_quote(ME),
            demo = q(&d.join("demo")),
        );
        // The test user is a CSM of the team: they sign for the CS side of
        // any deal; the AE side stays each deal's AE's.
        let config = home.join(".config").join("baton");
        std::fs::create_dir_all(&config).expect("config dir");
        std::fs::write(
            config.join("config.toml"),
            format!("[team]\ncsm = [{ME:?}]\n"),
        )
        .expect("config.toml");
        let t = Term { socket, dir };
        let (w, h) = (width.to_string(), height.to_string());
        t.tmux(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            &w,
            "-y",
            &h,
            "/bin/sh",
            "-c",
            &script,
        ]);
        t
    }

    /// Run the `baton` CLI beside the TUI, on the demo's workspace, with
    /// the pane's home and clock.
    pub fn cli(&self, args: &[&str]) -> Output {
        let home = self.dir.path().join("home");
        Command::new(baton_bin())
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("BATON_NOW", NOW)
            .env_remove("BATON_WORKSPACE")
            .arg("--workspace")
            .arg(self.db())
            .args(args)
            .output()
            .expect("baton runs")
    }

    pub fn tmux(&self, args: &[&str]) -> Output {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env_remove("TMUX")
            .env("SHELL", "/bin/sh")
            .output()
            .expect("run tmux");
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("demo").join("workspace.db")
    }

    /// The pane as text (no colours), one line per row.
    pub fn screen(&self) -> String {
        let out = self.tmux(&["capture-pane", "-p", "-t", "e2e"]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Key names as tmux spells them: `Enter`, `Escape`, `j`, `3`.
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    pub fn press(&self, key: &str, times: usize) {
        if times > 0 {
            self.keys(&vec![key; times]);
        }
    }

    /// Type `text` literally (characters, not key names).
    pub fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "e2e", "-l", text]);
    }

    pub fn resize(&self, width: u16, height: u16) {
        let (w, h) = (width.to_string(), height.to_string());
        self.tmux(&["resize-window", "-t", "e2e", "-x", &w, "-y", &h]);
    }

    /// Poll the pane until `ok` holds on a settled screen (the same in two
    /// captures in a row: a capture can land in the middle of a frame being
    /// written); panics with the last screen after `timeout`.
    pub fn wait_for(&self, what: &str, timeout: Duration, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        let mut last = String::new();
        loop {
            let s = self.screen();
            if s == last && ok(&s) {
                return s;
            }
            if start.elapsed() > timeout {
                panic!("waited {timeout:?} for {what}; the screen:\n{s}");
            }
            last = s;
            std::thread::sleep(POLL);
        }
    }

    /// Wait until the screen shows every one of `texts`.
    pub fn until(&self, texts: &[&str]) -> String {
        self.wait_for(&format!("{texts:?}"), STEP, |s| {
            texts.iter().all(|t| s.contains(t))
        })
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        // Ends the pane's processes (baton, or the sleep after it) with the server.
        let _ = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .env_remove("TMUX")
            .output();
    }
}
