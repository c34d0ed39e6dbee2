//! Loading a bundle from disk (`shared/spec/bundle.md`).
//!
//! Every file of the bundle is listed, read or not, with the reason when not
//! ([`Bundle::listing`]): nothing is skipped silently. A file is read once; its
//! bytes become stored text ([`readers::decode`]) and, for transcripts, e-mail
//! and exports, a view the segmenter reads ([`readers::view`]). Links that
//! leave the bundle, FIFOs and devices are never opened.

use super::deal::parse_deal;
use super::readers::{self, Format, ReadContext, Unreadable};
use super::{Bundle, BundleError, DealRecord, FileRole, Listed, SourceFile};
use crate::text::sanitize;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The stems a signed scope file may have (at most one per bundle), in any
/// format baton reads: `scope.md`, `order-form.pdf`, `sow.docx`.
pub const SCOPE_STEMS: [&str; 3] = ["scope", "order-form", "sow"];

/// Folders below `notes/` deeper than this are not walked (a Slack export is
/// two deep: `notes/slack/channel/`).
const MAX_DEPTH: usize = 6;

/// Whether `name` is a signed scope file's name.
pub fn is_scope_name(name: &str) -> bool {
    let Some((stem, _)) = name.rsplit_once('.') else {
        return false;
    };
    SCOPE_STEMS.iter().any(|s| s.eq_ignore_ascii_case(stem))
        && Format::of_name(name).is_some_and(|f| !matches!(f, Format::Toml | Format::Json))
}

/// One directory entry, classified without opening it.
enum Entry {
    File(PathBuf),
    Dir(PathBuf),
    /// Not evidence, and why.
    Refused(&'static str),
}

/// Read the bundle in `root`.
pub fn load(root: &Path) -> Result<Bundle, BundleError> {
    let meta = match fs::metadata(root) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(BundleError::NotFound {
                path: root.to_path_buf(),
            });
        }
        Err(source) => {
            return Err(BundleError::Io {
                path: root.to_path_buf(),
                source,
            });
        }
    };
    if !meta.is_dir() {
        return Err(BundleError::NotADirectory {
            path: root.to_path_buf(),
        });
    }
    let real_root = fs::canonicalize(root).map_err(|source| BundleError::Io {
        path: root.to_path_buf(),
        source,
    })?;
    let mut walk = Walk {
        real_root: &real_root,
        listing: Vec::new(),
        files: Vec::new(),
    };

    let mut deal_toml = false;
    let mut has_notes_dir = false;
    let mut scope: Option<String> = None;
    let mut others: Vec<(String, PathBuf)> = Vec::new();
    let mut elsewhere: Vec<(String, PathBuf)> = Vec::new();
    for (name, entry) in walk.entries(root)? {
        match entry {
            Entry::Refused(why) => walk.refuse(&name, None, why),
            Entry::Dir(_) if name == "notes" => has_notes_dir = true,
            Entry::Dir(path) => elsewhere.push((name, path)),
            Entry::File(_) if name == "deal.toml" => deal_toml = true,
            Entry::File(_) if name == "gold.toml" => {
                walk.refuse(&name, None, "a corpus's gold annotations, not evidence");
            }
            Entry::File(_) if is_scope_name(&name) => {
                if let Some(first) = &scope {
                    return Err(BundleError::TwoScopeFiles {
                        first: root.join(first),
                        second: root.join(&name),
                    });
                }
                scope = Some(name);
            }
            Entry::File(path) => others.push((name, path)),
        }
    }
    if !deal_toml && !has_notes_dir && scope.is_none() {
        return Err(BundleError::NotABundle {
            path: root.to_path_buf(),
        });
    }

    let folder_id = folder_name(root);
    let deal = if deal_toml {
        let path = root.join("deal.toml");
        let bytes = read_regular(&path)?;
        let text = readers::decode(Format::Toml, &bytes)
            .map_err(|e| deal_unreadable(&path, &e))?
            .text;
        walk.listing
            .push(Listed::read("deal.toml", Some(Format::Toml)));
        parse_deal(&text, &path, &folder_id)?
    } else {
        DealRecord {
            id: sanitize(&folder_id),
            ..DealRecord::default()
        }
    };

    let ctx = ReadContext::default();
    for (name, path) in others {
        walk.read(&name, &path, FileRole::Other, &ctx)?;
    }
    if has_notes_dir {
        walk.notes(&root.join("notes"), "notes", 0, &ctx)?;
    }
    if let Some(name) = scope {
        let path = root.join(&name);
        walk.read(&name, &path, FileRole::Scope, &ctx)?;
    }
    for (name, path) in elsewhere {
        walk.outside(&path, &name, 0)?;
    }
    let Walk {
        mut listing, files, ..
    } = walk;
    listing.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Bundle {
        deal,
        has_crm_record: deal_toml,
        files,
        listing,
    })
}

struct Walk<'a> {
    real_root: &'a Path,
    listing: Vec<Listed>,
    files: Vec<SourceFile>,
}

impl Walk<'_> {
    /// The entries of a folder by name, each classified: a link is followed
    /// only when it stays inside the bundle; anything but a regular file or a
    /// folder is refused. Names that are not UTF-8 cannot be cited: refused.
    fn entries(&self, dir: &Path) -> Result<Vec<(String, Entry)>, BundleError> {
        let io_err = |source| BundleError::Io {
            path: dir.to_path_buf(),
            source,
        };
        let mut out = Vec::new();
        for entry in fs::read_dir(dir).map_err(io_err)? {
            let entry = entry.map_err(io_err)?;
            let path = entry.path();
            let name = match entry.file_name().into_string() {
                Ok(name) => name,
                Err(raw) => {
                    out.push((
                        raw.to_string_lossy().into_owned(),
                        Entry::Refused("a file name that is not UTF-8 cannot be cited"),
                    ));
                    continue;
                }
            };
            let Ok(kind) = entry.file_type() else {
                out.push((name, Entry::Refused("cannot be examined")));
                continue;
            };
            let meta = if kind.is_symlink() {
                match fs::canonicalize(&path) {
                    Ok(target) if target.starts_with(self.real_root) => fs::metadata(&target),
                    Ok(_) => {
                        out.push((name, Entry::Refused("a link that leaves the bundle")));
                        continue;
                    }
                    Err(_) => {
                        out.push((name, Entry::Refused("a broken link")));
                        continue;
                    }
                }
            } else {
                fs::symlink_metadata(&path)
            };
            let entry = match meta {
                Ok(m) if m.is_dir() => Entry::Dir(path),
                Ok(m) if m.is_file() => Entry::File(path),
                Ok(_) => Entry::Refused("not a regular file (a FIFO, socket or device)"),
                Err(_) => Entry::Refused("cannot be examined"),
            };
            out.push((name, entry));
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(out)
    }

    fn refuse(&mut self, rel: &str, format: Option<Format>, why: impl Into<String>) {
        self.listing.push(Listed::not_read(rel, format, why.into()));
    }

    /// `notes/` and its folders, in path order. A folder holding `users.json`
    /// is a Slack export: its channel files are read with its people.
    fn notes(
        &mut self,
        dir: &Path,
        rel: &str,
        depth: usize,
        ctx: &ReadContext,
    ) -> Result<(), BundleError> {
        let entries = self.entries(dir)?;
        let mut ctx = ctx.clone();
        if let Some((_, Entry::File(users))) = entries.iter().find(|(n, _)| n == "users.json") {
            match fs::read(users) {
                Ok(bytes) => ctx.slack_users = readers::slack_users(&bytes),
                Err(e) => self.refuse(
                    &format!("{rel}/users.json"),
                    Some(Format::Json),
                    format!("cannot read: {}", super::error::one_line(&e.to_string())),
                ),
            }
        }
        for (name, entry) in entries {
            let child = format!("{rel}/{name}");
            match entry {
                Entry::Refused(why) => self.refuse(&child, None, why),
                Entry::File(_) if name.starts_with('.') => {
                    self.refuse(&child, None, "a hidden file");
                }
                Entry::File(path) => self.read(&child, &path, FileRole::Notes, &ctx)?,
                Entry::Dir(_) if name.starts_with('.') => {}
                Entry::Dir(_) if depth + 1 >= MAX_DEPTH => {
                    self.refuse(&child, None, "a folder nested too deep");
                }
                Entry::Dir(path) => self.notes(&path, &child, depth + 1, &ctx)?,
            }
        }
        Ok(())
    }

    /// A top-level folder other than `notes/`: listed, never read.
    fn outside(&mut self, dir: &Path, rel: &str, depth: usize) -> Result<(), BundleError> {
        if rel.starts_with('.') || depth >= MAX_DEPTH {
            return Ok(());
        }
        for (name, entry) in self.entries(dir)? {
            let child = format!("{rel}/{name}");
            match entry {
                Entry::Dir(path) => self.outside(&path, &child, depth + 1)?,
                Entry::Refused(why) => self.refuse(&child, None, why),
                Entry::File(_) if name.starts_with('.') => {}
                Entry::File(_) => self.refuse(
                    &child,
                    Format::of_name(&name),
                    "outside notes/ (only notes/ is read below the top level)",
                ),
            }
        }
        Ok(())
    }

    /// Read one regular file as evidence, or list it as not read and why.
    fn read(
        &mut self,
        rel: &str,
        path: &Path,
        role: FileRole,
        ctx: &ReadContext,
    ) -> Result<(), BundleError> {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        let Some(format) = Format::of_name(name) else {
            self.refuse(rel, None, "not a format baton reads");
            return Ok(());
        };
        if format == Format::Toml {
            self.refuse(rel, Some(format), "only deal.toml is read as a CRM record");
            return Ok(());
        }
        if format == Format::Json && name == "users.json" {
            // A Slack export's people: read for the names of its channel files.
            self.listing.push(Listed::read(rel, Some(format)));
            return Ok(());
        }
        if format == Format::Json && name == "channels.json" {
            self.listing.push(Listed::read(rel, Some(format)));
            return Ok(());
        }
        let bytes = read_regular(path)?;
        let decoded = match readers::decode(format, &bytes) {
            Ok(d) => d,
            Err(e) => {
                self.refuse(rel, Some(format), e.to_string());
                return Ok(());
            }
        };
        let view = match readers::view(format, &decoded.text, ctx) {
            Ok(v) => v,
            Err(e) => {
                self.refuse(rel, Some(format), e.to_string());
                return Ok(());
            }
        };
        self.listing.push(Listed::read(rel, Some(format)));
        self.files.push(SourceFile {
            // A file name can hold control characters too; cite it visibly, never raw.
            path: super::visible(rel),
            role,
            format,
            text: decoded.text,
            view,
        });
        Ok(())
    }
}

/// Read a file already known to be a regular file (never a FIFO: opening one
/// would block).
fn read_regular(path: &Path) -> Result<Vec<u8>, BundleError> {
    fs::read(path).map_err(|source| BundleError::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn deal_unreadable(path: &Path, e: &Unreadable) -> BundleError {
    BundleError::DealField {
        path: path.to_path_buf(),
        line: e.line.unwrap_or(1),
        message: e.reason.clone(),
    }
}

fn folder_name(root: &Path) -> String {
    let name = root.file_name().map(|n| n.to_string_lossy().into_owned());
    match name {
        Some(n) if !n.is_empty() => n,
        // `.` or a path ending in `..`: name it after the folder it resolves to.
        _ => fs::canonicalize(root)
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| "bundle".to_string()),
    }
}

#[cfg(test)]
#[path = "load_documents_tests.rs"]
mod document_tests;

#[cfg(test)]
mod tests {
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
        assert!(b.has_crm_record);
        assert_eq!(b.deal.id, "OPP-1");
        let got: Vec<(&str, FileRole)> =
            b.files.iter().map(|f| (f.path.as_str(), f.role)).collect();
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
        assert!(b.scope().is_none() || b.scope().unwrap().path == "order-form.PDF");
        assert!(b.listing.iter().any(|l| l.path == "order-form.PDF"));
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
        assert!(!b.has_crm_record);
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
}
