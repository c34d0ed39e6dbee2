//! Loading bundles: listing, roles, encodings, links and FIFOs, errors.

use super::*;
use std::fs;

fn bundle(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, body) in files {
        let p = dir.path().join(path);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, body).unwrap();
    }
    dir
}

fn named(dir: &tempfile::TempDir, name: &str) -> std::path::PathBuf {
    let p = dir.path().join(name);
    fs::create_dir_all(&p).unwrap();
    p
}

#[test]
fn files_in_order_with_roles() {
    let d = bundle(&[
        ("deal.toml", b"id = \"OPP-1\"\n"),
        ("notes/2026-10-02-demo.md", b"Demo.\n"),
        ("notes/2026-09-14-discovery.txt", b"Discovery.\n"),
        ("notes/image.png", b"\x89PNG"),
        ("notes/sub/deeper.md", b"Deeper.\n"),
        ("scope.md", b"Scope.\n"),
        ("stakeholders.md", b"People.\n"),
        ("architecture.txt", b"Arch.\n"),
        ("gold.toml", b"not = \"evidence\"\n"),
        ("data.csv", b"a,b\n"),
        ("archive/old.md", b"ignored"),
    ]);
    let b = load(d.path()).unwrap();
    assert!(b.has_crm_record());
    assert_eq!(b.deal.id, "OPP-1");
    let got: Vec<(&str, FileRole)> = b.files.iter().map(|f| (f.path.as_str(), f.role)).collect();
    assert_eq!(
        got,
        vec![
            ("architecture.txt", FileRole::Other),
            ("data.csv", FileRole::Other),
            ("stakeholders.md", FileRole::Other),
            ("notes/2026-09-14-discovery.txt", FileRole::Notes),
            ("notes/2026-10-02-demo.md", FileRole::Notes),
            ("notes/sub/deeper.md", FileRole::Notes),
            ("scope.md", FileRole::Scope),
        ]
    );
    assert_eq!(b.scope().unwrap().text, "Scope.\n");
    assert_eq!(b.notes().count(), 3);
    // Every file is listed, read or not, with the reason when not.
    let listed: Vec<(&str, bool, Option<&str>)> = b
        .listing
        .iter()
        .map(|l| (l.path.as_str(), l.read, l.reason.as_deref()))
        .collect();
    assert_eq!(
        listed,
        vec![
            ("architecture.txt", true, None),
            (
                "archive/old.md",
                false,
                Some("outside notes/ (only notes/ is read below the top level)")
            ),
            ("data.csv", true, None),
            ("deal.toml", true, None),
            (
                "gold.toml",
                false,
                Some("a corpus's gold annotations, not evidence")
            ),
            ("notes/2026-09-14-discovery.txt", true, None),
            ("notes/2026-10-02-demo.md", true, None),
            ("notes/image.png", false, Some("not a format baton reads")),
            ("notes/sub/deeper.md", true, None),
            ("scope.md", true, None),
            ("stakeholders.md", true, None),
        ]
    );
}

#[test]
fn scope_in_any_format_and_two_of_them_is_an_error() {
    let d = bundle(&[("order-form.PDF", b"%PDF-1.4"), ("notes/a.md", b"x")]);
    let b = load(d.path()).unwrap();
    // Taken for the scope by its name in any case; a broken PDF is not read.
    assert!(b.scope().is_none());
    let pdf = b
        .listing
        .iter()
        .find(|l| l.path == "order-form.PDF")
        .unwrap();
    assert_eq!(pdf.format, Some(Format::Pdf));
    assert!(!pdf.read);
    assert!(
        pdf.reason.as_deref().unwrap().starts_with("a broken PDF"),
        "{pdf:?}"
    );
    let d = bundle(&[("sow.docx", b"PK"), ("scope.md", b"x")]);
    let msg = load(d.path()).unwrap_err().to_string();
    assert!(msg.contains("scope.md and sow.docx"), "{msg}");
}

#[cfg(unix)]
#[test]
fn links_out_of_the_bundle_fifos_and_devices_are_never_read() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("secret.md"), "We will leak this.\n").unwrap();
    let d = bundle(&[("notes/call.md", b"Kept.\n")]);
    let notes = d.path().join("notes");
    symlink(outside.path().join("secret.md"), notes.join("x.md")).unwrap();
    symlink("/etc/passwd", notes.join("passwd.md")).unwrap();
    symlink(outside.path(), notes.join("elsewhere")).unwrap();
    symlink(notes.join("call.md"), notes.join("alias.md")).unwrap();
    symlink(notes.join("nowhere.md"), notes.join("broken.md")).unwrap();
    symlink("/dev/zero", notes.join("zero.md")).unwrap();
    let fifo = notes.join("pipe.md");
    let status = std::process::Command::new("mkfifo").arg(&fifo).status();
    let b = load(d.path()).unwrap();
    let read: Vec<&str> = b.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(read, vec!["notes/alias.md", "notes/call.md"]);
    let why = |p: &str| {
        b.listing
            .iter()
            .find(|l| l.path == p)
            .and_then(|l| l.reason.clone())
            .unwrap_or_default()
    };
    assert_eq!(why("notes/x.md"), "a link that leaves the bundle");
    assert_eq!(why("notes/passwd.md"), "a link that leaves the bundle");
    assert_eq!(why("notes/elsewhere"), "a link that leaves the bundle");
    assert_eq!(why("notes/zero.md"), "a link that leaves the bundle");
    assert_eq!(why("notes/broken.md"), "a broken link");
    if status.is_ok_and(|s| s.success()) {
        assert_eq!(
            why("notes/pipe.md"),
            "not a regular file (a FIFO, socket or device)"
        );
    }
}

#[test]
fn no_deal_toml_names_the_bundle_after_its_folder() {
    let d = tempfile::tempdir().unwrap();
    let root = named(&d, "acme-analytics");
    fs::write(root.join("order-form.txt"), "Signed.").unwrap();
    let b = load(&root).unwrap();
    assert!(!b.has_crm_record());
    assert_eq!(b.deal.id, "acme-analytics");
    assert_eq!(b.files[0].role, FileRole::Scope);
}

#[test]
fn missing_and_non_folder_paths() {
    let d = tempfile::tempdir().unwrap();
    let e = load(&d.path().join("nope")).unwrap_err();
    assert!(matches!(e, BundleError::NotFound { .. }));
    assert!(e.to_string().ends_with("nope: no such folder"), "{e}");
    let f = d.path().join("file.md");
    fs::write(&f, "x").unwrap();
    let e = load(&f).unwrap_err();
    assert!(matches!(e, BundleError::NotADirectory { .. }), "{e}");
}

#[test]
fn folder_that_is_no_bundle() {
    let d = bundle(&[("readme.md", b"hello")]);
    let e = load(d.path()).unwrap_err();
    assert!(matches!(e, BundleError::NotABundle { .. }));
    let msg = e.to_string();
    assert!(
        msg.contains("deal.toml") && msg.contains("notes/") && msg.contains("scope.md"),
        "{msg}"
    );
}

#[test]
fn two_scope_files_name_both() {
    let d = tempfile::tempdir().unwrap();
    let root = named(&d, "acme");
    fs::write(root.join("scope.md"), "a").unwrap();
    fs::write(root.join("sow.txt"), "b").unwrap();
    let msg = load(&root).unwrap_err().to_string();
    assert!(
        msg.ends_with(
            "acme: two signed scope files, scope.md and sow.txt (a bundle holds at most one)"
        ),
        "{msg}"
    );
    assert!(msg.contains("acme"), "{msg}");
    assert!(!msg.contains('\n'));
}

#[test]
fn windows_1252_utf16_and_binary_files() {
    let mut utf16 = vec![0xff, 0xfe];
    for u in "Ines: We\u{2019}ll send the keys.\r\n".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    let d = bundle(&[
        (
            "notes/call.md",
            b"line one\nline two\nWe\x92ll give 10% off\n",
        ),
        ("notes/chat.txt", &utf16),
        ("notes/photo.md", b"\x89PNG\r\n\x1a\n\x00\x00\xff"),
    ]);
    let b = load(d.path()).unwrap();
    assert_eq!(
        b.files[0].text,
        "line one\nline two\nWe\u{2019}ll give 10% off\n"
    );
    assert_eq!(b.files[1].text, "Ines: We\u{2019}ll send the keys.\n");
    assert_eq!(b.files.len(), 2);
    let photo = b.unread().next().unwrap();
    assert_eq!(photo.path, "notes/photo.md");
    assert_eq!(
        photo.reason.as_deref(),
        Some("line 3: binary data, not text (a NUL byte in bytes that are not UTF-8)")
    );
}

#[test]
fn bad_deal_toml_names_file_and_line() {
    let d = tempfile::tempdir().unwrap();
    let root = named(&d, "acme");
    fs::write(
        root.join("deal.toml"),
        "id = \"x\"\nname = \"y\"\n\n\n\n\nkickoff = 2026-02-31\n",
    )
    .unwrap();
    let msg = load(&root).unwrap_err().to_string();
    assert!(
        msg.starts_with(&format!("{}:7: ", root.join("deal.toml").display())),
        "{msg}"
    );
    fs::write(root.join("deal.toml"), "kickoff = \"soon\"\n").unwrap();
    let msg = load(&root).unwrap_err().to_string();
    assert!(
        msg.ends_with("deal.toml:1: invalid date for key \"kickoff\": expected YYYY-MM-DD"),
        "{msg}"
    );
}

#[test]
fn text_is_cleaned_and_keeps_line_numbers() {
    let d = bundle(&[
        (
            "notes/a.md",
            b"\xef\xbb\xbfOne\r\nTwo \x1b[31mred\x1b[0m\r\n\x00Three\x07\rFour\x7f\n",
        ),
        ("notes/b.md", b""),
        ("notes/c.md", "\u{0}\u{1}\u{2}text\u{85}".as_bytes()),
    ]);
    let b = load(d.path()).unwrap();
    assert_eq!(b.files[0].text, "One\nTwo red\nThree\nFour\n");
    assert_eq!(b.files[1].text, "");
    assert_eq!(b.files[2].text, "text");
    for f in &b.files {
        assert!(
            f.text
                .chars()
                .all(|c| !c.is_control() || c == '\n' || c == '\t')
        );
    }
}

#[test]
fn large_single_line_file_loads() {
    let big = "x".repeat(20 * 1024 * 1024);
    let d = bundle(&[("notes/big.md", big.as_bytes())]);
    let b = load(d.path()).unwrap();
    assert_eq!(b.files[0].text.len(), big.len());
}

#[test]
fn loads_every_dev_corpus_bundle() {
    let corpus = Path::new("/work/shared/corpus/dev");
    let Ok(entries) = fs::read_dir(corpus) else {
        return;
    };
    let mut n = 0;
    for entry in entries.flatten() {
        if !entry.path().is_dir() {
            continue;
        }
        let b = load(&entry.path()).unwrap_or_else(|e| panic!("{e}"));
        assert!(!b.files.is_empty(), "{}", entry.path().display());
        assert!(b.files.iter().all(|f| f.path != "gold.toml"));
        for f in &b.files {
            let _ = crate::text::segment(&f.text);
        }
        n += 1;
    }
    assert!(n > 0);
}

#[test]
fn a_file_over_the_size_limit_stops_the_load_naming_it() {
    let d = bundle(&[
        ("deal.toml", b"id = \"OPP-1\"\n"),
        ("notes/call.md", b"Kept.\n"),
    ]);
    // Sparse: 33 MB on paper, nothing on disk, and never read.
    let big = fs::File::create(d.path().join("notes/recording.md")).unwrap();
    big.set_len(MAX_FILE_BYTES + 1024 * 1024).unwrap();
    let e = load(d.path()).unwrap_err();
    assert!(matches!(e, BundleError::TooLarge { .. }), "{e}");
    let msg = e.to_string();
    assert!(
        msg.starts_with(&d.path().join("notes/recording.md").display().to_string())
            && msg.contains(": 33 MB, over the limit of 32 MB per file"),
        "{msg}"
    );
    // A Slack export's people file is held to the same limit.
    fs::remove_file(d.path().join("notes/recording.md")).unwrap();
    fs::create_dir_all(d.path().join("notes/slack")).unwrap();
    let users = fs::File::create(d.path().join("notes/slack/users.json")).unwrap();
    users.set_len(MAX_FILE_BYTES + 1).unwrap();
    let msg = load(d.path()).unwrap_err().to_string();
    assert!(msg.contains("users.json: 33 MB, over the limit"), "{msg}");
    // At the limit exactly, a file is read.
    fs::remove_dir_all(d.path().join("notes/slack")).unwrap();
    let edge = fs::File::create(d.path().join("notes/edge.txt")).unwrap();
    edge.set_len(MAX_FILE_BYTES).unwrap();
    let b = load(d.path()).unwrap();
    assert!(b.listing.iter().any(|l| l.path == "notes/edge.txt"));
}

#[cfg(unix)]
#[test]
fn a_deal_toml_that_is_no_file_of_the_bundle_stops_the_load() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("deal.toml"), "id = \"THEIRS\"\n").unwrap();
    let d = bundle(&[("notes/call.md", b"Kept.\n")]);
    symlink(outside.path().join("deal.toml"), d.path().join("deal.toml")).unwrap();
    let msg = load(d.path()).unwrap_err().to_string();
    assert!(
        msg.ends_with("deal.toml: a link that leaves the bundle; not read"),
        "{msg}"
    );
    fs::remove_file(d.path().join("deal.toml")).unwrap();
    if std::process::Command::new("mkfifo")
        .arg(d.path().join("deal.toml"))
        .status()
        .is_ok_and(|s| s.success())
    {
        let msg = load(d.path()).unwrap_err().to_string();
        assert!(msg.contains("deal.toml: not a regular file"), "{msg}");
        fs::remove_file(d.path().join("deal.toml")).unwrap();
    }
    // A link inside the bundle is followed.
    fs::write(d.path().join("crm.toml"), "id = \"OURS\"\n").unwrap();
    symlink(d.path().join("crm.toml"), d.path().join("deal.toml")).unwrap();
    let b = load(d.path()).unwrap();
    assert_eq!(b.deal.id, "OURS");
    assert_eq!(b.crm_text.as_deref(), Some("id = \"OURS\"\n"));
}

/// A file swapped for a FIFO or a link after it was listed: opening it must
/// neither block nor follow the link.
#[cfg(unix)]
#[test]
fn a_file_is_opened_without_blocking_or_following_a_link() {
    use std::os::unix::fs::symlink;
    let d = tempfile::tempdir().unwrap();
    let secret = d.path().join("secret.md");
    fs::write(&secret, "We will leak this.\n").unwrap();
    let link = d.path().join("x.md");
    symlink(&secret, &link).unwrap();
    let e = read_regular(&link, &link).unwrap_err();
    assert!(
        e.to_string()
            .ends_with("x.md: became a link while the bundle was read; not read"),
        "{e}"
    );
    let fifo = d.path().join("pipe.md");
    if !std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        return;
    }
    // On a thread, so a read that blocks fails the test instead of hanging it.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(read_regular(&fifo, &fifo).map_err(|e| e.to_string()));
    });
    let got = rx
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("opening a FIFO blocked");
    let msg = got.unwrap_err();
    assert!(
        msg.ends_with("pipe.md: not a regular file (a FIFO, socket or device); not read"),
        "{msg}"
    );
}
