//! Writing a file whole or not at all, for every file baton writes outside
//! the workspace (exported briefs, CRM bundle folders).
//!
//! The text goes to a temporary file created exclusively (`O_CREAT|O_EXCL`,
//! which never follows a link and never opens a file someone else made) in
//! the target's own folder, is synced, then renamed over the target. A
//! planted `NAME.tmp` link or file is never written through, and a failure
//! leaves the target as it was.

use std::ffi::OsStr;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Temporary files end so; a killed run's leftovers can be told by it (they
/// are hidden too, so never read as a bundle's evidence).
pub const TEMP_SUFFIX: &str = ".baton-tmp";

/// Write `bytes` to `path` durably, all at once, or not at all. When this
/// returns `Ok`, the file's content and its name are on disk.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(io::ErrorKind::InvalidInput, "not a file name (a folder?)")
    })?;
    let (tmp, mut file) = create_temp(dir, name)?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    drop(file);
    if let Err(e) = written.and_then(|()| fs::rename(&tmp, path)) {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    sync_dir(dir);
    Ok(())
}

/// A new, empty file of a name no one else has, next to the target.
fn create_temp(dir: &Path, name: &OsStr) -> io::Result<(PathBuf, File)> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    // Kept short enough that the temporary name is a valid one too.
    let stem: String = name.to_string_lossy().chars().take(64).collect();
    for _ in 0..64 {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{stem}.{}-{n}{TEMP_SUFFIX}", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "no free temporary file name in the folder",
    ))
}

/// Make the rename itself durable. Best effort: some file systems refuse to
/// sync a folder, and the file's own content is synced already.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_and_replaces() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("brief.md");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        let left: Vec<_> = fs::read_dir(d.path()).unwrap().flatten().collect();
        assert_eq!(left.len(), 1, "no temporary file left");
    }

    /// The temporary names an earlier baton used (`NAME.md.tmp`, a fixed
    /// `.NAME.PID.baton-tmp`) planted as links: never written through.
    #[cfg(unix)]
    #[test]
    fn a_planted_temporary_link_is_never_followed() {
        let d = tempfile::tempdir().unwrap();
        let victim = d.path().join("victim.txt");
        fs::write(&victim, "keep me").unwrap();
        let p = d.path().join("brief.md");
        let pid = std::process::id();
        for planted in [
            "brief.md.tmp".to_string(),
            format!(".brief.md.{pid}{TEMP_SUFFIX}"),
            format!(".brief.md.{pid}-0{TEMP_SUFFIX}"),
            format!(".brief.md.{pid}-1{TEMP_SUFFIX}"),
        ] {
            std::os::unix::fs::symlink(&victim, d.path().join(planted)).unwrap();
        }
        write_atomic(&p, b"the brief").unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
        assert_eq!(fs::read_to_string(&p).unwrap(), "the brief");
    }

    #[test]
    fn a_failed_write_leaves_nothing() {
        let d = tempfile::tempdir().unwrap();
        let e = write_atomic(&d.path().join("missing/brief.md"), b"x").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::NotFound);
        // A folder in the way: the rename fails and the temporary file goes.
        fs::create_dir(d.path().join("brief.md")).unwrap();
        assert!(write_atomic(&d.path().join("brief.md"), b"x").is_err());
        let names: Vec<String> = fs::read_dir(d.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["brief.md"]);
    }
}
