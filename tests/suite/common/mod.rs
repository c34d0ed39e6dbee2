//! Shared helpers for the integration tests: run the real binary with a timeout
//! and an isolated config directory, write bundles on disk, read the examples.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// Long enough for a debug build on a slow CI machine; a hang still fails.
pub const TIMEOUT: Duration = Duration::from_secs(60);

/// What one run of the binary produced.
#[derive(Debug)]
pub struct Out {
    pub status: ExitStatus,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

impl Out {
    pub fn stdout_str(&self) -> String {
        String::from_utf8(self.stdout.clone()).expect("stdout is UTF-8")
    }

    /// Parse stdout as exactly one JSON value (trailing content is an error).
    pub fn json(&self) -> serde_json::Value {
        assert!(
            self.status.success(),
            "exit {:?}, stderr: {}",
            self.status,
            self.stderr
        );
        serde_json::from_slice(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not one JSON value: {e}\n{}",
                String::from_utf8_lossy(&self.stdout)
            )
        })
    }

    /// Assert the run failed the way a bad bundle must: non-zero exit, nothing on
    /// stdout, exactly one line on stderr, no control characters in it. Returns the line.
    pub fn one_line_error(&self) -> String {
        assert!(!self.status.success(), "expected failure, got success");
        assert!(
            self.stdout.is_empty(),
            "stdout must be empty on error: {:?}",
            String::from_utf8_lossy(&self.stdout)
        );
        let lines: Vec<&str> = self.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "one line on stderr: {:?}", self.stderr);
        assert!(self.stderr.ends_with('\n'), "{:?}", self.stderr);
        assert!(
            !lines[0].chars().any(char::is_control),
            "control character in error: {:?}",
            lines[0]
        );
        lines[0].to_string()
    }
}

/// Run `baton ARGS` with a fresh, empty config directory (so a developer's own
/// `rules.toml` never changes the result) plus `env`, killing it after [`TIMEOUT`].
pub fn baton<I, S>(args: I, env: &[(&str, &OsStr)]) -> Out
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let config = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_baton"));
    cmd.args(args)
        .env("XDG_CONFIG_HOME", config.path())
        .env("HOME", config.path())
        .env_remove("NO_COLOR")
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    run_with_timeout(cmd, TIMEOUT)
}

/// `baton analyze DIR [--json]`.
pub fn analyze(dir: &Path, json: bool) -> Out {
    let mut args: Vec<&OsStr> = vec![OsStr::new("analyze"), dir.as_os_str()];
    if json {
        args.push(OsStr::new("--json"));
    }
    baton(args, &[])
}

/// Spawn `cmd`, drain its pipes on threads (so a large output cannot deadlock
/// it) and kill it if it outlives `timeout`.
pub fn run_with_timeout(mut cmd: Command, timeout: Duration) -> Out {
    let mut child = cmd.spawn().expect("spawn baton");
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            buf
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            panic!("baton did not finish within {timeout:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Out {
        status,
        stdout: out.join().unwrap(),
        stderr: String::from_utf8_lossy(&err.join().unwrap()).into_owned(),
    }
}

/// A bundle folder named `name` inside a fresh temp dir, holding `files`
/// (`(relative path, bytes)`). Keep the `TempDir` alive while using the path.
pub fn write_bundle(name: &str, files: &[(&str, &[u8])]) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join(name);
    std::fs::create_dir_all(&root).unwrap();
    for (rel, body) in files {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, body).unwrap();
    }
    (tmp, root)
}

pub fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// Every bundle under `examples/` (a folder with a `deal.toml` or a `notes/`), sorted.
pub fn example_bundles() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(examples_dir())
        .expect("examples/ exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("deal.toml").is_file() || p.join("notes").is_dir())
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no bundles under examples/");
    out
}

/// A bundle's `gold.toml`.
pub fn gold(bundle: &Path) -> toml::Table {
    let text = std::fs::read_to_string(bundle.join("gold.toml"))
        .unwrap_or_else(|e| panic!("{}: {e}", bundle.join("gold.toml").display()));
    text.parse()
        .unwrap_or_else(|e| panic!("{}: {e}", bundle.display()))
}

/// The signed scope file names (`shared/spec/bundle.md`): text, PDF or DOCX.
pub const SCOPE_NAMES: [&str; 12] = [
    "scope.md",
    "scope.txt",
    "scope.pdf",
    "scope.docx",
    "order-form.md",
    "order-form.txt",
    "order-form.pdf",
    "order-form.docx",
    "sow.md",
    "sow.txt",
    "sow.pdf",
    "sow.docx",
];

/// Lines of a file as baton counts them: LF, CRLF and a lone CR each end a line.
pub fn line_count(bytes: &[u8]) -> usize {
    let text = String::from_utf8_lossy(bytes)
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let breaks = text.matches('\n').count();
    if text.is_empty() || text.ends_with('\n') {
        breaks
    } else {
        breaks + 1
    }
}

/// Every `{file, line}` citation anywhere in a JSON value.
pub fn citations(v: &serde_json::Value) -> Vec<(String, u64)> {
    let mut out = Vec::new();
    walk(v, &mut |v| {
        if let (Some(f), Some(l)) = (
            v.get("file").and_then(|f| f.as_str()),
            v.get("line").and_then(|l| l.as_u64()),
        ) {
            out.push((f.to_string(), l));
        }
    });
    out
}

/// Every string (keys included) anywhere in a JSON value.
pub fn strings(v: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    walk(v, &mut |v| match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Object(m) => out.extend(m.keys().cloned()),
        _ => {}
    });
    out
}

fn walk(v: &serde_json::Value, f: &mut dyn FnMut(&serde_json::Value)) {
    f(v);
    match v {
        serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, f)),
        serde_json::Value::Object(m) => m.values().for_each(|x| walk(x, f)),
        _ => {}
    }
}

/// The flags of one kind.
pub fn flags<'a>(v: &'a serde_json::Value, kind: &str) -> Vec<&'a serde_json::Value> {
    v["flags"]
        .as_array()
        .expect("flags is an array")
        .iter()
        .filter(|f| f["kind"] == kind)
        .collect()
}

/// Assert neither the raw output nor any decoded JSON string holds ESC, NUL or
/// another control character (newline and tab aside).
pub fn assert_no_control(what: &str, bytes: &[u8]) {
    let bad = |c: char| c.is_control() && c != '\n' && c != '\t';
    let text = String::from_utf8_lossy(bytes);
    if let Some(c) = text.chars().find(|&c| bad(c)) {
        panic!("{what}: control character {c:?} in output");
    }
    if let Ok(v) = serde_json::from_slice::<serde_json::Value>(bytes) {
        for s in strings(&v) {
            assert!(!s.chars().any(bad), "{what}: control character in {s:?}");
        }
    }
}
