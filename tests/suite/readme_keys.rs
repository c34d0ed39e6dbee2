//! The README's key list is what `baton keys` prints for the default keymap:
//! a key added, rebound or renamed without the README failing here.
#![cfg(feature = "tui")]

use std::process::Command;

const MARK: &str = "<!-- baton keys: generated, update with `baton keys` -->";

/// The README's list: the fenced block after the marker.
fn readme_list() -> String {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let after = readme
        .split_once(MARK)
        .expect("README.md has the generated key list")
        .1;
    let body = after
        .trim_start()
        .strip_prefix("```text\n")
        .expect("a text block after the marker");
    body.split_once("```")
        .expect("the block ends")
        .0
        .to_string()
}

#[test]
fn the_readme_key_list_is_what_baton_keys_prints() {
    // No user config: the defaults alone.
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_baton"))
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .arg("keys")
        .output()
        .expect("baton keys runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = String::from_utf8(out.stdout).unwrap();
    // The bindings, up to the list of every action.
    let bindings = printed
        .split_once("\nactions:")
        .expect("the actions list")
        .0;
    let bindings = format!("{}\n", bindings.trim_end());
    assert_eq!(
        readme_list(),
        bindings,
        "README.md's key list differs from `baton keys`: paste its bindings after the marker"
    );
    for table in [
        "[keys.queue]",
        "[keys.viewer]",
        "[keys.input]",
        "[keys.metrics]",
    ] {
        assert!(bindings.contains(table), "{table}");
    }
}
