//! Loading a bundle from disk (`shared/spec/bundle.md`).
//!
//! Every file of the bundle is listed, read or not, with the reason when not
//! ([`Bundle::listing`]): nothing is skipped silently. A file is read once; its
//! bytes become stored text ([`readers::decode`]) and, for transcripts, e-mail
//! and exports, a view the segmenter reads ([`readers::view`]).
//!
//! Hostile files: a link is followed only when its target is inside the
//! bundle; a link that leaves it, a FIFO, socket or device is listed as not
//! read, never opened (`deal.toml` is the exception: the deal's identity comes
//! from it, so one that cannot be read stops the load). Files are opened
//! without following a link and without blocking, and checked again once
//! open, so a file swapped for a link or a FIFO after it was listed is
//! refused, not read. A file over [`MAX_FILE_BYTES`] stops the load with an
//! error naming it: a bundle analysed without its largest file would look
//! complete and not be.
use super::deal::{check_id, parse_deal};
use super::readers::{self, Format, ReadContext, Unreadable};
use super::{Bundle, BundleError, DealRecord, FileRole, Listed, SourceFile};
use crate::text::sanitize;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The stems a signed scope file may have (at most one per bundle), in any
/// format baton reads: `scope.md`, `order-form.pdf`, `sow.docx`.
pub const SCOPE_STEMS: [&str; 3] = ["scope", "order-form", "sow"];

/// The largest file baton reads (32 MB): far above any deal's notes (a
/// year of call transcripts is a few MB), low enough that a stray video or
/// database dump is named instead of filling memory.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

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

/// One directory entry, classified without opening it. The path is the one
/// to open: a link's resolved target inside the bundle, else the entry's own
/// path.
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
    let mut notes_dir: Option<PathBuf> = None;
    let mut scope: Option<(String, PathBuf)> = None;
    let mut others: Vec<(String, PathBuf)> = Vec::new();
    let mut elsewhere: Vec<(String, PathBuf)> = Vec::new();
    let mut deal_toml_path = root.join("deal.toml");
    for (name, entry) in walk.entries(root)? {
        match entry {
            Entry::Refused(why) if name == "deal.toml" => {
                return Err(BundleError::NotAFile {
                    path: root.join(name),
                    why,
                });
            }
            Entry::Refused(why) => walk.refuse(&name, None, why),
            Entry::Dir(path) if name == "notes" => notes_dir = Some(path),
            Entry::Dir(path) => elsewhere.push((name, path)),
            Entry::File(path) if name == "deal.toml" => {
                deal_toml = true;
                deal_toml_path = path;
            }
            Entry::File(_) if name == "gold.toml" => {
                walk.refuse(&name, None, "a corpus's gold annotations, not evidence");
            }
            Entry::File(path) if is_scope_name(&name) => {
                if let Some((first, _)) = &scope {
                    return Err(BundleError::TwoScopeFiles {
                        first: root.join(first),
                        second: root.join(&name),
                    });
                }
                scope = Some((name, path));
            }
            Entry::File(path) => others.push((name, path)),
        }
    }
    if !deal_toml && notes_dir.is_none() && scope.is_none() {
        return Err(BundleError::NotABundle {
            path: root.to_path_buf(),
        });
    }

    let folder_id = folder_name(root);
    let mut crm_text = None;
    let deal = if deal_toml {
        let path = root.join("deal.toml");
        let bytes = read_regular(&deal_toml_path, &path)?;
        let text = readers::decode(Format::Toml, &bytes)
            .map_err(|e| deal_unreadable(&path, &e))?
            .text;
        walk.listing
            .push(Listed::read("deal.toml", Some(Format::Toml)));
        let deal = parse_deal(&text, &path, &folder_id)?;
        crm_text = Some(text);
        deal
    } else {
        let id = sanitize(&folder_id);
        check_id(&id).map_err(|why| BundleError::FolderId {
            path: root.to_path_buf(),
            why,
        })?;
        DealRecord {
            id,
            ..DealRecord::default()
        }
    };

    let ctx = ReadContext::default();
    for (name, path) in others {
        walk.read(&name, &path, FileRole::Other, &ctx)?;
    }
    if let Some(notes) = notes_dir {
        walk.notes(&notes, "notes", 0, &ctx)?;
    }
    if let Some((name, path)) = scope {
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
        crm_text,
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
            let (path, meta) = if kind.is_symlink() {
                match fs::canonicalize(&path) {
                    Ok(target) if target.starts_with(self.real_root) => {
                        let meta = fs::metadata(&target);
                        (target, meta)
                    }
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
                let meta = fs::symlink_metadata(&path);
                (path, meta)
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
            match read_regular(users, &dir.join("users.json")) {
                Ok(bytes) => ctx.slack_users = readers::slack_users(&bytes),
                Err(e @ (BundleError::TooLarge { .. } | BundleError::NotAFile { .. })) => {
                    return Err(e);
                }
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
        let bytes = read_regular(path, path)?;
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

/// Read a file already listed as a regular file, from `path` (`shown` is
/// what errors name). It is opened without following a link and without
/// blocking (so a FIFO swapped in since it was listed cannot hang the load),
/// checked again once open, and read up to [`MAX_FILE_BYTES`].
fn read_regular(path: &Path, shown: &Path) -> Result<Vec<u8>, BundleError> {
    use std::io::Read;
    let io_err = |source| BundleError::Io {
        path: shown.to_path_buf(),
        source,
    };
    let not_a_file = |why| BundleError::NotAFile {
        path: shown.to_path_buf(),
        why,
    };
    let file = match open_no_follow(path) {
        Ok(f) => f,
        Err(_) if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) => {
            return Err(not_a_file("became a link while the bundle was read"));
        }
        Err(e) => return Err(io_err(e)),
    };
    let meta = file.metadata().map_err(io_err)?;
    if !meta.is_file() {
        return Err(not_a_file("not a regular file (a FIFO, socket or device)"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(BundleError::TooLarge {
            path: shown.to_path_buf(),
            size: meta.len(),
        });
    }
    // The length is checked again while reading: a file that grows after
    // `metadata` is still cut off at the limit, never read without end.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_err)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(BundleError::TooLarge {
            path: shown.to_path_buf(),
            size: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

#[cfg(unix)]
fn open_no_follow(path: &Path) -> io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_no_follow(path: &Path) -> io::Result<fs::File> {
    fs::File::open(path)
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
mod documents_tests;

#[cfg(test)]
mod tests;
