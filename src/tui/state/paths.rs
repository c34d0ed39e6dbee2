//! Completing a typed folder path, as a shell's Tab does: the one folder
//! that starts with what was typed, else what they all share and the list
//! of them. Only folders are offered: a deal bundle is a folder.

use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completed {
    /// The typed text, completed as far as it can be.
    pub text: String,
    /// The folders it could still be, when more than one (names, each
    /// ending in `/`).
    pub choices: Vec<String>,
}

/// The folder `typed` names: `~` is the home folder, a relative path is
/// read from `cwd`.
pub fn expand(typed: &str, home: Option<&Path>, cwd: &Path) -> PathBuf {
    let p = match (typed.strip_prefix('~'), home) {
        (Some(rest), Some(home)) if rest.is_empty() || rest.starts_with('/') => {
            home.join(rest.trim_start_matches('/'))
        }
        _ => PathBuf::from(typed),
    };
    if p.is_absolute() { p } else { cwd.join(p) }
}

/// Complete the last component of `typed` among the folders beside it.
pub fn complete(typed: &str, home: Option<&Path>, cwd: &Path) -> Completed {
    let (dir, prefix) = match typed.rfind('/') {
        Some(i) => typed.split_at(i + 1),
        None if typed == "~" => ("~/", ""),
        None => ("", typed),
    };
    let listed = expand(if dir.is_empty() { "." } else { dir }, home, cwd);
    let mut names: Vec<String> = std::fs::read_dir(&listed)
        .map(|rd| {
            rd.flatten()
                .filter(|e| e.path().is_dir())
                .filter_map(|e| e.file_name().to_str().map(str::to_string))
                .filter(|n| n.starts_with(prefix))
                // Hidden folders only when asked for with a leading dot.
                .filter(|n| prefix.starts_with('.') || !n.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    match names.as_slice() {
        [] => Completed {
            text: typed.to_string(),
            choices: vec![],
        },
        [one] => Completed {
            text: format!("{dir}{one}/"),
            choices: vec![],
        },
        many => {
            let shared = many[1..].iter().fold(many[0].clone(), |acc, n| {
                acc.chars()
                    .zip(n.chars())
                    .take_while(|(a, b)| a == b)
                    .map(|(a, _)| a)
                    .collect()
            });
            Completed {
                text: format!("{dir}{shared}"),
                choices: many.iter().map(|n| format!("{n}/")).collect(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completes_one_folder_or_what_several_share() {
        let t = tempfile::tempdir().unwrap();
        let root = t.path();
        for d in [
            "bundles/brannock",
            "bundles/bellbird",
            "bundles/.git",
            "other",
        ] {
            std::fs::create_dir_all(root.join(d)).unwrap();
        }
        std::fs::write(root.join("bundles/brief.md"), "a file, never offered").unwrap();
        let at = |typed: &str| complete(typed, Some(root), Path::new("/"));
        let root_s = root.to_str().unwrap();
        assert_eq!(
            at(&format!("{root_s}/bun")).text,
            format!("{root_s}/bundles/")
        );
        let two = at(&format!("{root_s}/bundles/b"));
        assert_eq!(two.text, format!("{root_s}/bundles/b"));
        assert_eq!(
            two.choices,
            ["bellbird/", "brannock/"],
            "no file, no hidden folder"
        );
        assert_eq!(
            at(&format!("{root_s}/bundles/br")).choices,
            Vec::<String>::new()
        );
        assert_eq!(
            at("~/oth").text,
            "~/other/",
            "~ is the home folder, kept as typed"
        );
        assert_eq!(at("~/bundles/.").text, "~/bundles/.git/");
        let none = at("~/nothing-here");
        assert_eq!(
            (none.text.as_str(), none.choices.len()),
            ("~/nothing-here", 0)
        );
        // A relative path is read from the working folder.
        let rel = complete("bundles/bra", None, root);
        assert_eq!(rel.text, "bundles/brannock/");
        assert_eq!(expand("~", Some(root), Path::new("/")), root.to_path_buf());
        assert_eq!(expand("x/y", None, root), root.join("x/y"));
    }
}
