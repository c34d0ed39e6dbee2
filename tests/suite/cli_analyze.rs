//! `baton analyze` and `baton explain` end to end: the real binary on the example
//! bundles (the JSON contract of `shared/spec/analysis.md`), on bad bundles (one
//! line on stderr naming the file and line) and on hostile input (no hang, no
//! panic, no control character reaching the terminal).

use crate::common::*;
use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::path::Path;

const FLAG_KINDS: [&str; 3] = ["commitment", "conflict", "risk"];
const CATEGORIES: [&str; 5] = ["timeline", "discount", "integration", "scope", "custom"];
const MISSING: [&str; 11] = [
    "deal_notes",
    "signed_scope",
    "customer_goals",
    "success_criteria",
    "stakeholder_map",
    "executive_sponsor",
    "implementation_requirements",
    "kickoff_date",
    "first_value_milestone",
    "ae",
    "csm",
];
const DRAFTS: [&str; 5] = ["brief", "checklist", "questions", "tasks", "score"];

fn is_scope_file(file: &str) -> bool {
    SCOPE_NAMES.iter().any(|s| s.eq_ignore_ascii_case(file))
}

// ---------------------------------------------------------------- examples

#[test]
fn every_example_prints_the_json_contract() {
    for b in example_bundles() {
        let out = analyze(&b, true);
        let v = out.json();
        let name = b.display();
        assert!(out.stderr.is_empty(), "{name}: stderr {:?}", out.stderr);
        assert!(v.is_object(), "{name}: not an object");
        let id = v["deal"]["id"].as_str().unwrap_or_default();
        assert!(!id.is_empty(), "{name}: deal.id");

        let flags = v["flags"].as_array().expect("flags[]");
        for f in flags {
            let kind = f["kind"].as_str().unwrap_or_default();
            assert!(FLAG_KINDS.contains(&kind), "{name}: flag kind {kind:?}");
            assert!(f["text"].as_str().is_some_and(|t| !t.is_empty()), "{f}");
            assert!(
                !f["evidence"].as_array().expect("evidence[]").is_empty(),
                "{name}: flag without evidence: {f}"
            );
            if kind != "risk" {
                let cat = f["category"].as_str().unwrap_or_default();
                assert!(CATEGORIES.contains(&cat), "{name}: category {cat:?}");
            }
        }
        for g in v["goals"].as_array().expect("goals[]") {
            let kind = g["kind"].as_str().unwrap_or_default();
            assert!(
                kind == "buyer" || kind == "user",
                "{name}: goal kind {kind:?}"
            );
            assert!(!g["evidence"].as_array().expect("evidence[]").is_empty());
        }
        for m in v["missing"].as_array().expect("missing[]") {
            let m = m.as_str().unwrap_or_default();
            assert!(MISSING.contains(&m), "{name}: missing {m:?}");
        }
        for key in DRAFTS {
            assert!(v.get(key).is_some(), "{name}: no drafts key {key:?}");
        }
        assert!(v["score"]["total"].is_u64(), "{name}: score.total");
    }
}

#[test]
fn every_citation_names_a_bundle_file_and_a_line_in_it() {
    for b in example_bundles() {
        let v = analyze(&b, true).json();
        let cites = citations(&v);
        assert!(!cites.is_empty(), "{}: no citations", b.display());
        for (file, line) in cites {
            let at = format!("{}: {file}:{line}", b.display());
            assert!(file != "gold.toml" && !file.contains('\\'), "{at}");
            assert!(!file.starts_with('/') && !file.contains(".."), "{at}");
            let bytes = std::fs::read(b.join(&file)).unwrap_or_else(|e| panic!("{at}: {e}"));
            let lines = line_count(&bytes) as u64;
            assert!(line >= 1 && line <= lines, "{at}: file has {lines} lines");
        }
    }
}

#[test]
fn conflicts_cite_the_notes_side_and_the_scope() {
    let mut seen = 0;
    for b in example_bundles() {
        let v = analyze(&b, true).json();
        let has_scope = SCOPE_NAMES.iter().any(|s| b.join(s).is_file());
        for c in flags(&v, "conflict") {
            seen += 1;
            assert!(has_scope, "{}: conflict without a scope file", b.display());
            let files: Vec<&str> = c["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["file"].as_str().unwrap())
                .collect();
            assert!(files.iter().any(|f| is_scope_file(f)), "{c}");
            assert!(files.iter().any(|f| !is_scope_file(f)), "{c}");
        }
    }
    assert!(seen > 0, "no example produced a conflict to check");
}

/// The bundle examples/README.md describes as having conflicts "in three categories".
fn three_category_bundle() -> std::path::PathBuf {
    let readme = std::fs::read_to_string(examples_dir().join("README.md")).unwrap();
    let line = readme
        .lines()
        .find(|l| l.contains("three categories"))
        .expect("examples/README.md names a bundle with conflicts in three categories");
    let name = line.split('`').nth(1).expect("bundle name in backticks");
    examples_dir().join(name.trim_end_matches('/'))
}

#[test]
fn conflicts_cover_every_gold_category() {
    let b = three_category_bundle();
    let gold = gold(&b);
    let gold_conflicts = gold["conflict"].as_array().expect("[[conflict]] in gold");
    // Each gold conflict lists the categories that count as right.
    let wanted: BTreeSet<Vec<String>> = gold_conflicts
        .iter()
        .map(|c| {
            let list = c["category"].as_array().expect("category list");
            list.iter()
                .map(|s| s.as_str().unwrap().to_string())
                .collect()
        })
        .collect();
    let first: BTreeSet<&String> = wanted.iter().map(|w| &w[0]).collect();
    assert!(first.len() >= 3, "gold of {} has {first:?}", b.display());

    let v = analyze(&b, true).json();
    let got: BTreeSet<String> = flags(&v, "conflict")
        .iter()
        .map(|c| c["category"].as_str().unwrap().to_string())
        .collect();
    for w in &wanted {
        assert!(
            w.iter().any(|c| got.contains(c)),
            "{}: no conflict in {w:?}; reported {got:?}",
            b.display()
        );
    }
}

#[test]
fn bundles_without_gold_conflicts_report_none() {
    let mut clean_with_scope = 0;
    for b in example_bundles() {
        if gold(&b).contains_key("conflict") {
            continue;
        }
        clean_with_scope += usize::from(SCOPE_NAMES.iter().any(|s| b.join(s).is_file()));
        let v = analyze(&b, true).json();
        let conflicts = flags(&v, "conflict");
        assert!(conflicts.is_empty(), "{}: {conflicts:?}", b.display());
    }
    assert!(clean_with_scope > 0, "no clean example with a signed scope");
}

#[test]
fn json_and_report_are_deterministic() {
    for b in example_bundles() {
        for json in [true, false] {
            let (one, two) = (analyze(&b, json), analyze(&b, json));
            assert!(one.status.success(), "{}", one.stderr);
            assert!(
                one.stdout == two.stdout,
                "{} differs between runs",
                b.display()
            );
        }
    }
}

#[test]
fn report_cites_file_and_line_without_escapes() {
    for b in example_bundles() {
        let v = analyze(&b, true).json();
        for env in [vec![], vec![("NO_COLOR", OsStr::new("1"))]] {
            let out = baton([OsStr::new("analyze"), b.as_os_str()], &env);
            assert!(out.status.success(), "{}", out.stderr);
            assert!(
                !out.stdout.contains(&0x1b),
                "{}: ESC in report",
                b.display()
            );
            let report = out.stdout_str();
            assert!(report.contains(v["deal"]["id"].as_str().unwrap()));
            for f in v["flags"].as_array().unwrap() {
                let e = &f["evidence"][0];
                let cite = format!("{}:{}", e["file"].as_str().unwrap(), e["line"]);
                assert!(
                    report.contains(&cite),
                    "{}: {cite} not in report",
                    b.display()
                );
            }
        }
    }
}

/// `script` gives the binary a terminal: colour on, unless NO_COLOR is set.
#[test]
fn no_color_turns_colour_off_on_a_terminal() {
    if !Path::new("/usr/bin/script").exists() {
        eprintln!("skipped: no /usr/bin/script to provide a tty");
        return;
    }
    let b = three_category_bundle();
    let cmd = format!(
        "'{}' analyze '{}'",
        env!("CARGO_BIN_EXE_baton"),
        b.display()
    );
    let tty = |no_color: Option<&str>| {
        let mut c = std::process::Command::new("/usr/bin/script");
        c.args(["-qec", &cmd, "/dev/null"])
            .env_remove("NO_COLOR")
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        if let Some(v) = no_color {
            c.env("NO_COLOR", v);
        }
        run_with_timeout(c, TIMEOUT)
    };
    let coloured = tty(None);
    if !coloured.status.success() {
        eprintln!("skipped: script failed: {}", coloured.stderr);
        return;
    }
    assert!(coloured.stdout.contains(&0x1b), "a terminal gets colour");
    let plain = tty(Some("1"));
    assert!(plain.status.success());
    assert!(!plain.stdout.contains(&0x1b), "NO_COLOR=1 still coloured");
}

#[test]
fn explain_shows_the_statement_and_its_voice() {
    let b = three_category_bundle();
    let v = analyze(&b, true).json();
    let flag = v["flags"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| {
            f["evidence"][0]["file"]
                .as_str()
                .unwrap()
                .starts_with("notes/")
        })
        .expect("a flag citing notes");
    let e = &flag["evidence"][0];
    let at = format!("{}:{}", e["file"].as_str().unwrap(), e["line"]);
    let out = baton([OsStr::new("explain"), b.as_os_str(), OsStr::new(&at)], &[]);
    assert!(out.status.success(), "{}", out.stderr);
    let text = out.stdout_str();
    assert!(text.contains(&at), "{text}");
    assert!(text.contains("voice:"), "{text}");
    // Why the model decided: each kind's bias and the weights that move it most.
    assert!(text.contains("    commitment: bias "), "{text}");
    // The statement itself (its first words: a flag's text may be the whole sentence).
    let words: String = flag["text"]
        .as_str()
        .unwrap()
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains(&words), "{words:?} not in {text}");
    assert!(
        text.contains(flag["kind"].as_str().unwrap()),
        "finding: {text}"
    );
}

#[test]
fn explain_rejects_a_bad_location_in_one_line() {
    let b = three_category_bundle();
    for at in [
        "notes-without-line",
        "notes/x.md:abc",
        "order-form.md:99999",
    ] {
        let out = baton([OsStr::new("explain"), b.as_os_str(), OsStr::new(at)], &[]);
        let msg = out.one_line_error();
        let file = at.split(':').next().unwrap();
        assert!(msg.contains(file), "{at}: {msg}");
    }
}

/// `baton explain` echoes its location argument: a newline or ESC in it must not
/// split the error line or reach the terminal.
#[test]
fn explain_error_never_echoes_control_characters() {
    let b = three_category_bundle();
    for at in ["notes/x\n.md:abc", "notes/x\x1b[2J.md:3"] {
        let out = baton([OsStr::new("explain"), b.as_os_str(), OsStr::new(at)], &[]);
        let msg = out.one_line_error();
        assert!(msg.contains(".md"), "{msg}");
    }
}

// ---------------------------------------------------------------- bad bundles

#[test]
fn folder_that_does_not_exist() {
    let tmp = tempfile::tempdir().unwrap();
    let msg = analyze(&tmp.path().join("no-such-deal"), true).one_line_error();
    assert!(msg.contains("no-such-deal"), "{msg}");
}

#[test]
fn folder_that_is_no_bundle_or_no_folder() {
    let (_t, root) = write_bundle("just-a-readme", &[("readme.md", b"hello\n")]);
    let msg = analyze(&root, true).one_line_error();
    assert!(msg.contains("just-a-readme"), "{msg}");
    let msg = analyze(&root.join("readme.md"), true).one_line_error();
    assert!(msg.contains("readme.md"), "{msg}");
}

#[test]
fn two_scope_files_are_both_named() {
    let (_t, root) = write_bundle(
        "acme",
        &[("scope.md", b"Scope.\n"), ("order-form.txt", b"Order.\n")],
    );
    let msg = analyze(&root, true).one_line_error();
    assert!(
        msg.contains("scope.md") && msg.contains("order-form.txt"),
        "{msg}"
    );
}

#[test]
fn deal_toml_syntax_error_names_its_line() {
    let deal = b"id = \"OPP-1\"\nname = \"Acme\"\n\namount = = 5\ncsm = \"Priya\"\n";
    let (_t, root) = write_bundle("acme", &[("deal.toml", deal), ("notes/a.md", b"Hi.\n")]);
    let msg = analyze(&root, true).one_line_error();
    assert!(msg.contains("deal.toml:4"), "{msg}");
    // An unterminated string: the error is on the line it starts.
    let deal = b"id = \"OPP-1\"\nname = \"Acme\ncsm = \"Priya\"\n";
    std::fs::write(root.join("deal.toml"), deal).unwrap();
    let msg = analyze(&root, true).one_line_error();
    assert!(msg.contains("deal.toml:2"), "{msg}");
}

#[test]
fn deal_toml_wrong_type_names_its_line() {
    let deal = b"id = \"OPP-1\"\n# comment\n\nkickoff = \"soon\"\n";
    let (_t, root) = write_bundle("acme", &[("deal.toml", deal), ("notes/a.md", b"Hi.\n")]);
    let msg = analyze(&root, true).one_line_error();
    assert!(msg.contains("deal.toml:4"), "{msg}");
    assert!(msg.contains("kickoff"), "{msg}");
    // A wrong type inside an array of tables names the entry's line too.
    let deal =
        b"id = \"OPP-1\"\n\n[[stakeholders]]\nname = \"Maria\"\n\n[[stakeholders]]\nname = 42\n";
    std::fs::write(root.join("deal.toml"), deal).unwrap();
    let msg = analyze(&root, true).one_line_error();
    assert!(msg.contains("deal.toml:7"), "{msg}");
}

#[test]
fn notes_in_windows_1252_are_decoded_and_cited() {
    // What Windows tools export: curly quotes and dashes as single bytes.
    let notes: &[u8] =
        b"line one\nline two\n\nWe\x92ll have you live in six weeks \x96 promised.\n";
    let (_t, root) = write_bundle("acme", &[("notes/2026-01-02-call.md", notes)]);
    let v = analyze(&root, true).json();
    let flag = &v["flags"][0];
    assert_eq!(flag["kind"], "commitment");
    assert_eq!(
        flag["text"],
        "We\u{2019}ll have you live in six weeks \u{2013} promised."
    );
    assert_eq!(flag["evidence"][0]["line"], 4);
    assert_eq!(v["files"][0]["path"], "notes/2026-01-02-call.md");
    assert_eq!(v["files"][0]["read"], true);
}

#[test]
fn user_rules_with_an_unknown_key_name_file_and_line() {
    let config = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(config.path().join("baton")).unwrap();
    let rules = "[systems]\nnames = [\"Frobnicator\"]\n\n[risk]\ncuess = [\"x\"]\n";
    std::fs::write(config.path().join("baton/rules.toml"), rules).unwrap();
    let b = three_category_bundle();
    let env = [("XDG_CONFIG_HOME", config.path().as_os_str())];
    let out = baton(
        [OsStr::new("analyze"), b.as_os_str(), OsStr::new("--json")],
        &env,
    );
    let msg = out.one_line_error();
    assert!(msg.contains("rules.toml:5"), "{msg}");
    assert!(msg.contains("cuess"), "{msg}");
    // --builtin-rules ignores the user file.
    let args = ["analyze", b.to_str().unwrap(), "--json", "--builtin-rules"];
    assert!(baton(args, &env).status.success());
    // A pattern that does not compile is named with its line as well.
    std::fs::write(
        config.path().join("baton/rules.toml"),
        "[systems]\nnames = [\n  \"ok\",\n  \"(unclosed\",\n]\n",
    )
    .unwrap();
    let out = baton([OsStr::new("analyze"), b.as_os_str()], &env);
    let msg = out.one_line_error();
    assert!(msg.contains("rules.toml:4"), "{msg}");
}

#[test]
fn user_rules_extend_the_builtin_ones() {
    let notes = b"# Call\n\nWe will connect it to Frobnicator nightly from day one.\n";
    let (_t, root) = write_bundle("acme", &[("notes/a.md", notes), ("scope.md", b"Scope.\n")]);
    let config = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(config.path().join("baton")).unwrap();
    let rules = "[systems]\nnames = [\"Frobnicator\"]\n";
    std::fs::write(config.path().join("baton/rules.toml"), rules).unwrap();
    let env = [("XDG_CONFIG_HOME", config.path().as_os_str())];
    let args = [
        OsStr::new("analyze"),
        root.as_os_str(),
        OsStr::new("--json"),
    ];
    let with = baton(args, &env);
    let without = analyze(&root, true);
    assert!(with.status.success(), "{}", with.stderr);
    assert_ne!(
        with.stdout, without.stdout,
        "the user's system name changed nothing"
    );
}

// ---------------------------------------------------------------- hostile input

/// Sentences of realistic sales notes, varied so no two are identical.
fn sales_text(target: usize, sep: &str) -> String {
    let parts = [
        "Dana told Maria the rollout takes {} weeks end to end",
        "We agreed to a {}% discount on the first year if they sign this quarter",
        "Priya promised an integration with their Salesforce instance by week {}",
        "Their CFO worries the legacy export of {} records has not been tested",
        "The ops team wants to cut month-end reporting from {} days to 2",
    ];
    let mut out = String::with_capacity(target + 200);
    let mut i = 0;
    while out.len() < target {
        out.push_str(&parts[i % parts.len()].replace("{}", &(i % 97 + 2).to_string()));
        out.push_str(sep);
        i += 1;
    }
    out
}

/// Many sentences on one line were once quadratic (each commitment re-read its
/// whole line): 1 MB on one line took 452 s in release.
#[test]
fn twenty_megabyte_single_line_note_finishes() {
    let mut line = sales_text(20 * 1024 * 1024, ". ");
    line.push('\n');
    assert_eq!(line.matches('\n').count(), 1);
    let (_t, root) = write_bundle(
        "big",
        &[
            ("notes/huge.md", line.as_bytes()),
            ("scope.md", b"Eight weeks.\n"),
        ],
    );
    let start = std::time::Instant::now();
    let out = analyze(&root, true);
    let v = out.json();
    for (file, l) in citations(&v) {
        assert!(file != "notes/huge.md" || l == 1, "{file}:{l}");
    }
    eprintln!("20 MB single line: {:?}", start.elapsed());
}

#[test]
fn random_bytes_named_md_are_listed_as_not_read_with_the_line() {
    // A deterministic xorshift; 0xff never occurs in UTF-8, so the file is invalid.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut bytes: Vec<u8> = (0..64 * 1024)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    bytes[0] = 0xff;
    let nul = bytes.iter().position(|&b| b == 0).unwrap();
    let line = bytes[..nul].iter().filter(|&&b| b == b'\n').count() + 1;
    let (_t, root) = write_bundle(
        "acme",
        &[("notes/photo.md", &bytes), ("notes/call.md", b"Kept.\n")],
    );
    let v = analyze(&root, true).json();
    let photo = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "notes/photo.md")
        .unwrap();
    assert_eq!(photo["read"], false);
    let reason = photo["reason"].as_str().unwrap();
    assert!(
        reason.starts_with(&format!("line {line}: binary data")),
        "{reason}"
    );
    let out = analyze(&root, false);
    assert!(out.status.success());
    assert!(
        out.stdout_str().contains("notes/photo.md: line "),
        "{}",
        out.stdout_str()
    );
    assert_no_control("report", &out.stdout);
}

#[test]
fn valid_utf8_full_of_control_bytes_is_read_and_cleaned() {
    let mut body = Vec::new();
    for i in 0..4096u32 {
        body.extend((0u8..0x20).chain([0x7f]));
        body.extend(format!(" We promised go-live in {} weeks. ", i % 9 + 2).as_bytes());
        body.extend("\u{85}\u{9b}31m\u{202e}".as_bytes());
    }
    let (_t, root) = write_bundle("acme", &[("notes/ctl.txt", &body), ("sow.md", b"Scope.\n")]);
    for json in [true, false] {
        let out = analyze(&root, json);
        assert!(out.status.success(), "{}", out.stderr);
        assert_no_control("control bytes", &out.stdout);
        assert!(
            !out.stdout_str().contains('\u{202e}'),
            "bidi override leaked"
        );
    }
}

const ANSI_NOTES: &[u8] = b"# Demo call\n\
\n\
Dana told Maria the \x1b[31mrollout\x1b[0m takes four weeks end to end.\x1b]0;pwned title\x07\n\
We agreed to a 20% discount\x00 on the first year.\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\\n\
The CFO \x1b[2J\x1b[Hworries the legacy export has not been tested.\n";

#[test]
fn ansi_sequences_and_nul_never_reach_the_output() {
    // Not in the id: an id holding a control character is refused outright
    // (tests/hostile_bundles.rs), every other field is cleaned.
    let deal = b"id = \"OPP-7\"\naccount = \"Acme\\u001b[31m Corp\"\n\
                 name = \"Acme\\u001b]0;t\\u0007 rollout\"\n\
                 ae = \"Dana\\u0000 Whitfield\"\nmystery = \"\\u001b[5mblink\"\n";
    let (_t, root) = write_bundle(
        "acme",
        &[
            ("deal.toml", deal),
            ("notes/2026-01-02-demo.md", ANSI_NOTES),
            (
                "scope.md",
                b"Implementation takes eight weeks.\nList price, no discount.\n",
            ),
        ],
    );
    let json = analyze(&root, true);
    let v = json.json();
    assert_no_control("json", &json.stdout);
    assert!(!json.stdout_str().contains("pwned"), "OSC payload kept");
    // The flagged text survives the cleaning, and is what the report shows.
    let texts: Vec<&str> = v["flags"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["text"].as_str())
        .collect();
    assert!(
        texts.iter().any(|t| t.contains("rollout takes four weeks")),
        "{texts:?}"
    );
    let report = analyze(&root, false);
    assert!(report.status.success(), "{}", report.stderr);
    assert_no_control("report", &report.stdout);
    assert!(report.stdout_str().contains("rollout takes four weeks"));
    let explain = baton(
        [
            OsStr::new("explain"),
            root.as_os_str(),
            OsStr::new("notes/2026-01-02-demo.md:3"),
        ],
        &[],
    );
    assert!(explain.status.success(), "{}", explain.stderr);
    assert_no_control("explain", &explain.stdout);
}

/// A notes file *name* is cited too: `notes/\x1b[31mred.md` must not drive the
/// terminal from the report nor reach the JSON as `\u001b`.
#[test]
fn control_characters_in_names_never_reach_the_output() {
    let (_t, root) = write_bundle(
        "acme\x1b[31m\x07",
        &[
            (
                "notes/\x1b[31mred\x1b[0m.md",
                b"We promised go-live in four weeks.\n",
            ),
            ("scope.md", b"Go-live in eight weeks.\n"),
        ],
    );
    for json in [true, false] {
        let out = analyze(&root, json);
        assert!(out.status.success(), "{}", out.stderr);
        assert_no_control("file names", &out.stdout);
    }
    // A file that is not read is named in the report and the JSON, cleaned too.
    std::fs::write(root.join("notes/bad\x1b]0;x\x07.md"), b"\xff\x00\n").unwrap();
    for json in [true, false] {
        let out = analyze(&root, json);
        assert!(out.status.success(), "{}", out.stderr);
        assert_no_control("unread file names", &out.stdout);
        assert!(
            out.stdout_str().contains("binary data"),
            "{}",
            out.stdout_str()
        );
    }
}

#[test]
fn empty_notes_file_is_missing_deal_notes() {
    let (_t, root) = write_bundle("acme", &[("notes/2026-01-02-empty.md", b"")]);
    let v = analyze(&root, true).json();
    let missing: Vec<&str> = v["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    assert!(missing.contains(&"deal_notes"), "{missing:?}");
    assert!(v["flags"].as_array().unwrap().is_empty());
    // Whitespace only is no notes either; real text is.
    std::fs::write(root.join("notes/2026-01-02-empty.md"), b"\n \n\t\n").unwrap();
    let v = analyze(&root, true).json();
    assert!(
        v["missing"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m == "deal_notes")
    );
    std::fs::write(
        root.join("notes/2026-01-02-empty.md"),
        b"Kickoff call went well.\n",
    )
    .unwrap();
    let v = analyze(&root, true).json();
    assert!(
        !v["missing"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m == "deal_notes")
    );
}
