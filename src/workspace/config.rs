//! Where the workspace lives and who is using it: the default path in the
//! platform data directory (overridden by `--workspace` or `BATON_WORKSPACE`),
//! and the identity in `config.toml` in baton's config directory:
//!
//! ```toml
//! [identity]
//! name = "Priya Raman"
//! role = "csm"
//! ```

use crate::handoff::{Actor, Role, Team};
use std::path::{Path, PathBuf};

fn dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "baton")
}

/// `<data dir>/workspace.db`, e.g. `~/.local/share/baton/workspace.db`.
pub fn default_workspace_path() -> Option<PathBuf> {
    dirs().map(|d| d.data_dir().join("workspace.db"))
}

/// The flag, else `BATON_WORKSPACE`, else the default.
pub fn resolve_workspace_path(flag: Option<&Path>) -> Result<PathBuf, String> {
    if let Some(p) = flag {
        return Ok(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os("BATON_WORKSPACE").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    default_workspace_path().ok_or_else(|| {
        "no home directory to keep the workspace in: pass --workspace PATH".to_string()
    })
}

/// `<config dir>/config.toml`, e.g. `~/.config/baton/config.toml`.
pub fn config_path() -> Option<PathBuf> {
    dirs().map(|d| d.config_dir().join("config.toml"))
}

/// Who may sign for which side besides each deal's own AE and CSM: `[team]`
/// `ae = [...]` and `csm = [...]` of a config file (absent is an empty team).
///
/// ```toml
/// [team]
/// ae = ["Dana Smith"]          # may approve as AE on any handoff
/// csm = ["Priya Raman"]        # may approve as CSM on any handoff
/// ```
pub fn load_team(path: &Path) -> Result<Team, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Team::default()),
        Err(e) => return Err(format!("{}: cannot read: {e}", path.display())),
    };
    parse_team(&text).map_err(|m| format!("{}:{m}", path.display()))
}

/// The team of config text; an error is `LINE: message`.
pub fn parse_team(text: &str) -> Result<Team, String> {
    #[derive(serde::Deserialize)]
    struct File {
        #[serde(default)]
        team: Roles,
    }
    #[derive(serde::Deserialize, Default)]
    struct Roles {
        #[serde(default)]
        ae: Vec<String>,
        #[serde(default)]
        csm: Vec<String>,
    }
    let file: File = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| crate::rules::line_of(text, s.start));
        format!("{line}: {}", crate::rules::one_line(e.message()))
    })?;
    Ok(Team::from_roles(&file.team.ae, &file.team.csm))
}

/// The `[identity]` of a config file; `Ok(None)` when the file or the table is absent.
pub fn load_identity(path: &Path) -> Result<Option<Actor>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("{}: cannot read: {e}", path.display())),
    };
    parse_identity(&text).map_err(|m| format!("{}: {m}", path.display()))
}

fn parse_identity(text: &str) -> Result<Option<Actor>, String> {
    let doc: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        e.message()
            .lines()
            .next()
            .unwrap_or("invalid TOML")
            .to_string()
    })?;
    let Some(identity) = doc.get("identity") else {
        return Ok(None);
    };
    let table = identity.as_table().ok_or("[identity] must be a table")?;
    // The name is shown and stored with every decision: no escape sequence,
    // control character or bidi override from the file gets that far.
    let name = table
        .get("name")
        .and_then(|v| v.as_str())
        .map(crate::text::sanitize_line)
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .ok_or("[identity] needs name = \"...\"")?;
    let role = match table.get("role") {
        None => None,
        Some(v) => Some(
            v.as_str()
                .and_then(Role::parse)
                .ok_or("[identity] role must be \"ae\" or \"csm\"")?,
        ),
    };
    Ok(Some(Actor { name, role }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_from_config() {
        let a = parse_identity("[identity]\nname = \"Priya\"\nrole = \"csm\"\n")
            .unwrap()
            .unwrap();
        assert_eq!(a.name, "Priya");
        assert_eq!(a.role, Some(Role::Csm));
        assert_eq!(parse_identity("").unwrap(), None);
        assert!(parse_identity("[identity]\nname = \"P\"\nrole = \"boss\"\n").is_err());
        assert!(parse_identity("[identity]\nrole = \"ae\"\n").is_err());
    }

    #[test]
    fn team_roles_from_config() {
        let t = parse_team(
            "[identity]\nname = \"P\"\n[team]\nmembers = [\"Ana\"]\nae = [\"Dana Smith\", \" \"]\ncsm = [\"Priya Raman\"]\n",
        )
        .unwrap();
        assert_eq!(t.role_of("dana  smith"), Some(Role::Ae));
        assert_eq!(t.role_of("Priya Raman"), Some(Role::Csm));
        // A risk-owner name alone signs for no side.
        assert_eq!(t.role_of("Ana"), None);
        assert_eq!(parse_team("").unwrap(), Team::default());
        let err = parse_team("[team]\nae = \"Dana\"\n").unwrap_err();
        assert!(err.starts_with("2: "), "{err}");
    }

    #[test]
    fn an_identity_name_is_read_clean() {
        let a = parse_identity("[identity]\nname = \"Pri\\u001b[2Jya \\u202eR\"\n")
            .unwrap()
            .unwrap();
        assert_eq!(a.name, "Priya R");
        assert!(parse_identity("[identity]\nname = \"\\u001b[2J\"\n").is_err());
    }
}
