//! Loading a bundle from disk (`shared/spec/bundle.md`).
//!
//! Each file is read once. Text is checked as UTF-8 (an error names the line of the
//! first bad byte) and cleaned of control characters with [`crate::text::sanitize`],
//! which keeps line numbering.

use super::deal::parse_deal;
use super::{Bundle, BundleError, DealRecord, FileRole, SourceFile};
use crate::text::{sanitize, sanitize_owned};
use std::fs;
use std::io;
use std::path::Path;

/// Names a signed scope file may have (at most one per bundle).
pub const SCOPE_FILE_NAMES: [&str; 6] = [
    "scope.md",
    "scope.txt",
    "order-form.md",
    "order-form.txt",
    "sow.md",
    "sow.txt",
];

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

    let mut deal_toml = false;
    let mut has_notes_dir = false;
    let mut scope: Option<String> = None;
    let mut others: Vec<String> = Vec::new();
    for (name, is_dir) in list(root)? {
        if is_dir {
            has_notes_dir |= name == "notes";
            continue;
        }
        if name == "deal.toml" {
            deal_toml = true;
        } else if SCOPE_FILE_NAMES
            .iter()
            .any(|s| s.eq_ignore_ascii_case(&name))
        {
            if let Some(first) = &scope {
                return Err(BundleError::TwoScopeFiles {
                    first: root.join(first),
                    second: root.join(&name),
                });
            }
            scope = Some(name);
        } else if is_text_name(&name) {
            others.push(name);
        }
    }
    if !deal_toml && !has_notes_dir && scope.is_none() {
        return Err(BundleError::NotABundle {
            path: root.to_path_buf(),
        });
    }

    let mut notes: Vec<String> = Vec::new();
    if has_notes_dir {
        let dir = root.join("notes");
        for (name, is_dir) in list(&dir)? {
            if !is_dir && is_text_name(&name) {
                notes.push(format!("notes/{name}"));
            }
        }
    }
    others.sort();
    notes.sort();

    let folder_id = folder_name(root);
    let deal = if deal_toml {
        let path = root.join("deal.toml");
        let text = read_text(&path)?;
        parse_deal(&text, &path, &folder_id)?
    } else {
        DealRecord {
            id: sanitize(&folder_id),
            ..DealRecord::default()
        }
    };

    let mut files = Vec::with_capacity(others.len() + notes.len() + 1);
    let order = others
        .into_iter()
        .map(|p| (p, FileRole::Other))
        .chain(notes.into_iter().map(|p| (p, FileRole::Notes)))
        .chain(scope.map(|p| (p, FileRole::Scope)));
    for (rel, role) in order {
        let text = read_text(&root.join(&rel))?;
        files.push(SourceFile {
            // A file name can hold control characters too; cite it visibly, never raw.
            path: rel
                .chars()
                .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
                .collect(),
            role,
            text: sanitize_owned(text),
        });
    }

    Ok(Bundle {
        deal,
        has_crm_record: deal_toml,
        files,
    })
}

/// `*.md` / `*.txt`, not hidden (editor swap and OS metadata files start with `.`).
fn is_text_name(name: &str) -> bool {
    if name.starts_with('.') {
        return false;
    }
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".txt")
}

/// The entries of a folder: UTF-8 names (others cannot be cited and are skipped),
/// whether each is a folder (symlinks followed).
fn list(dir: &Path) -> Result<Vec<(String, bool)>, BundleError> {
    let io_err = |source| BundleError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).map_err(io_err)? {
        let entry = entry.map_err(io_err)?;
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        let is_dir = match entry.file_type() {
            Ok(t) if t.is_symlink() => fs::metadata(entry.path())
                .map(|m| m.is_dir())
                .unwrap_or(false),
            Ok(t) => t.is_dir(),
            Err(_) => false,
        };
        out.push((name, is_dir));
    }
    out.sort();
    Ok(out)
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

/// Read a whole file once and check it is UTF-8.
fn read_text(path: &Path) -> Result<String, BundleError> {
    let bytes = fs::read(path).map_err(|source| BundleError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
        BundleError::InvalidUtf8 {
            path: path.to_path_buf(),
            line: u32::try_from(line).unwrap_or(u32::MAX),
        }
    })
}

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
            ("notes/sub/deeper.md", b"ignored"),
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
                ("stakeholders.md", FileRole::Other),
                ("notes/2026-09-14-discovery.txt", FileRole::Notes),
                ("notes/2026-10-02-demo.md", FileRole::Notes),
                ("scope.md", FileRole::Scope),
            ]
        );
        assert_eq!(b.scope().unwrap().text, "Scope.\n");
        assert_eq!(b.notes().count(), 2);
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
    fn invalid_utf8_names_file_and_line() {
        let d = tempfile::tempdir().unwrap();
        let root = named(&d, "acme");
        fs::create_dir_all(root.join("notes")).unwrap();
        fs::write(
            root.join("notes/call.md"),
            b"line one\nline two\nbad \xff byte\n",
        )
        .unwrap();
        let e = load(&root).unwrap_err();
        assert_eq!(e.line(), Some(3));
        assert_eq!(
            e.to_string(),
            format!(
                "{}:3: not valid UTF-8 text",
                root.join("notes/call.md").display()
            )
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
