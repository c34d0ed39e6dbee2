//! The TUI's part of `config.toml`: keys, colours, mouse, team names for risk
//! owners, where exports go. A bad entry is an error naming file and line.
//!
//! ```toml
//! [tui]
//! mouse = true               # off by default: terminal text selection keeps working
//! color = true               # NO_COLOR in the environment wins
//! kickoff_warning_days = 7   # highlight kickoffs this close that are not approved
//! export_dir = "~/briefs"    # default: the current directory
//!
//! [team]
//! members = ["Priya Raman", "Dev Anand"]   # risk owners
//! ae = ["Dana Smith"]                      # may also approve as AE
//! csm = ["Priya Raman"]                    # may also approve as CSM
//!
//! [theme]
//! accent = "magenta"
//!
//! [keys.queue]
//! "o" = "open"
//! ```

use super::keymap::{Keymap, RawKeys};
use super::theme::{Theme, ThemeConfig};
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    /// Read by the library (`workspace::config`); accepted here as is.
    #[allow(dead_code)]
    identity: Option<toml::Value>,
    /// Read by `baton import --from` (`workspace::crm`); accepted here as is.
    #[allow(dead_code)]
    crm: Option<toml::Value>,
    #[serde(default)]
    tui: TuiTable,
    #[serde(default)]
    team: TeamTable,
    #[serde(default)]
    theme: ThemeConfig,
    #[serde(default)]
    keys: RawKeys,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TuiTable {
    #[serde(default)]
    mouse: bool,
    #[serde(default = "yes")]
    color: bool,
    #[serde(default = "seven")]
    kickoff_warning_days: i64,
    export_dir: Option<String>,
}

impl Default for TuiTable {
    fn default() -> Self {
        TuiTable {
            mouse: false,
            color: true,
            kickoff_warning_days: 7,
            export_dir: None,
        }
    }
}

fn yes() -> bool {
    true
}
fn seven() -> i64 {
    7
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TeamTable {
    #[serde(default)]
    members: Vec<String>,
    #[serde(default)]
    ae: Vec<String>,
    #[serde(default)]
    csm: Vec<String>,
}

/// Everything the TUI reads from config, resolved.
#[derive(Debug, Clone)]
pub struct TuiConfig {
    pub keymap: Keymap,
    pub theme: Theme,
    pub mouse: bool,
    pub kickoff_warning_days: i64,
    /// Names offered as risk owners: the members and every signer.
    pub team: Vec<String>,
    /// Who may approve for which side besides each deal's AE and CSM.
    pub signers: crate::handoff::Team,
    pub export_dir: PathBuf,
}

impl TuiConfig {
    /// The built-in defaults (colour as the environment allows).
    pub fn defaults(color: bool) -> TuiConfig {
        TuiConfig {
            keymap: Keymap::defaults(),
            theme: Theme::plain(color),
            mouse: false,
            kickoff_warning_days: 7,
            team: vec![],
            signers: crate::handoff::Team::default(),
            export_dir: PathBuf::from("."),
        }
    }

    /// Read `path` (absent is fine); `no_color` is NO_COLOR from the environment.
    pub fn load(path: Option<&Path>, no_color: bool) -> Result<TuiConfig, String> {
        let text = match path.map(std::fs::read_to_string) {
            None => return Ok(TuiConfig::defaults(!no_color)),
            Some(Err(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(TuiConfig::defaults(!no_color));
            }
            Some(Err(e)) => {
                return Err(format!(
                    "{}: cannot read: {e}",
                    path.unwrap_or(Path::new("")).display()
                ));
            }
            Some(Ok(t)) => t,
        };
        let shown = path
            .unwrap_or(Path::new("config.toml"))
            .display()
            .to_string();
        Self::parse(&text, &shown, no_color)
    }

    /// Parse config text; `shown` names the file in errors.
    pub fn parse(text: &str, shown: &str, no_color: bool) -> Result<TuiConfig, String> {
        let at = |offset: Option<usize>| match offset {
            Some(o) => format!("{shown}:{}", crate::text::line_of(text, o)),
            None => shown.to_string(),
        };
        let file: File = toml::from_str(text).map_err(|e| {
            let first = e
                .message()
                .lines()
                .next()
                .unwrap_or("invalid TOML")
                .to_string();
            format!("{}: {first}", at(e.span().map(|s| s.start)))
        })?;
        let mut keymap = Keymap::defaults();
        keymap
            .merge(&file.keys)
            .map_err(|e| format!("{}: {}", at(e.offset), e.message))?;
        let theme = Theme::new(file.tui.color && !no_color, &file.theme).map_err(|m| {
            let line = text.find("[theme]").map(|o| crate::text::line_of(text, o));
            match line {
                Some(l) => format!("{shown}:{l}: {m}"),
                None => format!("{shown}: {m}"),
            }
        })?;
        if file.tui.kickoff_warning_days < 0 {
            return Err(format!(
                "{shown}: [tui] kickoff_warning_days must not be negative"
            ));
        }
        let signers = crate::handoff::Team::from_roles(&file.team.ae, &file.team.csm);
        let mut team: Vec<String> = Vec::new();
        // Offered as risk owners and stored with a decision: clean from the
        // start, like every name (the signers are cleaned by `from_roles`).
        let members: Vec<String> = file
            .team
            .members
            .iter()
            .map(|m| crate::text::sanitize_line(m.trim()).trim().to_string())
            .collect();
        for name in members.iter().map(String::as_str).chain(signers.names()) {
            if !name.is_empty() && !team.iter().any(|t| crate::handoff::same_person(t, name)) {
                team.push(name.to_string());
            }
        }
        Ok(TuiConfig {
            keymap,
            theme,
            mouse: file.tui.mouse,
            kickoff_warning_days: file.tui.kickoff_warning_days,
            team,
            signers,
            export_dir: file
                .tui
                .export_dir
                .map(|d| expand_home(&d))
                .unwrap_or_else(|| PathBuf::from(".")),
        })
    }
}

fn expand_home(dir: &str) -> PathBuf {
    match dir.strip_prefix("~/") {
        Some(rest) => directories::BaseDirs::new()
            .map(|b| b.home_dir().join(rest))
            .unwrap_or_else(|| PathBuf::from(dir)),
        None => PathBuf::from(dir),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_table_and_keeps_defaults_elsewhere() {
        let c = TuiConfig::parse(
            "[identity]\nname = \"P\"\n[tui]\nmouse = true\nkickoff_warning_days = 3\n[team]\nmembers = [\"Ana\", \" \"]\nae = [\"Bo\", \"ana\"]\n[keys.queue]\n\"o\" = \"open\"\n[crm.hubspot.columns]\ncsm = \"CS Owner\"\n",
            "c.toml",
            false,
        )
        .unwrap();
        assert!(c.mouse);
        assert_eq!(c.kickoff_warning_days, 3);
        assert_eq!(c.team, ["Ana", "Bo"]);
        assert_eq!(c.signers.role_of("Bo"), Some(crate::handoff::Role::Ae));
        assert!(c.theme.color);
        assert!(
            TuiConfig::parse("", "c.toml", true)
                .map(|c| !c.theme.color)
                .unwrap()
        );
    }

    #[test]
    fn team_names_are_read_clean() {
        let c = TuiConfig::parse(
            "[team]\nmembers = [\"Ana\\u001b]52;c;eA==\\u0007 Li\\u202e\", \"\\u001b[2J\"]\n",
            "c.toml",
            false,
        )
        .unwrap();
        assert_eq!(c.team, ["Ana Li"]);
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let e = TuiConfig::parse("[tui]\nmouse = true\nmosue = 1\n", "c.toml", false).unwrap_err();
        assert!(e.starts_with("c.toml:3:"), "{e}");
        let e = TuiConfig::parse("[keys.queue]\n\"o\" = \"nope\"\n", "c.toml", false).unwrap_err();
        assert!(e.starts_with("c.toml:2:") && e.contains("nope"), "{e}");
        let e = TuiConfig::parse("\n[theme]\naccent = \"blurple\"\n", "c.toml", false).unwrap_err();
        assert!(e.starts_with("c.toml:2:"), "{e}");
        assert!(!e.contains('\n'));
    }
}
