//! What every workspace command needs: the workspace (flag, `BATON_WORKSPACE`
//! or the default path), who is acting (flags or `config.toml`) and "now"
//! (`BATON_NOW`, RFC 3339, fixes it for tests and demos).

use baton::handoff::{Actor, Ctx, Role, Team};
use baton::workspace::{self, Workspace, config};
use jiff::Timestamp;
use jiff::civil::Date;
use std::path::PathBuf;

/// The global options: `--workspace`, `--as`, `--role`, `--invalidate-approvals`.
#[derive(Debug, Clone, Default)]
pub struct Global {
    pub workspace: Option<PathBuf>,
    pub as_name: Option<String>,
    pub role: Option<String>,
    pub invalidate_approvals: bool,
}

pub struct Session {
    pub ws: Workspace,
    pub now: Timestamp,
    global: Global,
}

pub fn open(global: &Global) -> Result<Session, String> {
    let path = workspace::resolve_workspace_path(global.workspace.as_deref())?;
    let ws = Workspace::open(&path).map_err(|e| e.to_string())?;
    Ok(Session {
        ws,
        now: now()?,
        global: global.clone(),
    })
}

/// The workspace to read only: never created, never locked (`list`, `show`,
/// `gates`, `diff`, `events`, `metrics`, `check`).
pub fn open_to_read(global: &Global) -> Result<Session, String> {
    let path = workspace::resolve_workspace_path(global.workspace.as_deref())?;
    let ws = Workspace::open_to_read(&path).map_err(|e| e.to_string())?;
    Ok(Session {
        ws,
        now: now()?,
        global: global.clone(),
    })
}

pub fn now() -> Result<Timestamp, String> {
    match std::env::var("BATON_NOW") {
        Ok(v) if !v.trim().is_empty() => v.trim().parse().map_err(|_| {
            format!(
                "BATON_NOW={}: not an RFC 3339 time (e.g. 2026-07-01T09:00:00Z)",
                baton::text::sanitize(&v)
            )
        }),
        _ => Ok(Timestamp::now()),
    }
}

pub fn parse_role(s: &str) -> Result<Role, String> {
    Role::parse(s).ok_or_else(|| format!("--role {}: expected ae or csm", baton::text::sanitize(s)))
}

impl Session {
    /// Who is acting: `--as`/`--role` over `[identity]` in config.toml.
    pub fn actor(&self) -> Result<Actor, String> {
        actor(&self.global)
    }

    pub fn ctx(&self) -> Result<Ctx, String> {
        Ok(Ctx {
            actor: self.actor()?,
            now: self.now,
            team: team()?,
            may_invalidate_approvals: self.global.invalidate_approvals,
        })
    }

    /// The actor when there is one, else the command that runs unattended
    /// (`command` is `"import"` or `"export"`): the log then says what ran it,
    /// "baton export", never another command's name. A bad `--role` or an
    /// unreadable config is still an error, not "nobody".
    pub fn ctx_or_system(&self, command: &str) -> Result<Ctx, String> {
        let actor = identity(&self.global)?.unwrap_or_else(|| Actor {
            name: format!("baton {command}"),
            role: None,
        });
        Ok(Ctx {
            actor,
            now: self.now,
            team: Team::default(),
            may_invalidate_approvals: false,
        })
    }
}

/// `[team]` of config.toml: who may sign for which side.
pub fn team() -> Result<Team, String> {
    match config::config_path() {
        Some(p) => config::load_team(&p),
        None => Ok(Team::default()),
    }
}

/// Who is acting: `--as`/`--role` over `[identity]` in config.toml.
pub fn actor(global: &Global) -> Result<Actor, String> {
    identity(global)?.ok_or_else(|| {
        let at = config::config_path().map_or_else(String::new, |p| format!(" in {}", p.display()));
        format!("who is this? pass --as NAME --role ae|csm, or set [identity] name and role{at}")
    })
}

/// `--as`/`--role` over `[identity]` in config.toml; `None` when no name is given.
fn identity(global: &Global) -> Result<Option<Actor>, String> {
    let configured = match config::config_path() {
        Some(p) => config::load_identity(&p)?,
        None => None,
    };
    let role = match &global.role {
        Some(r) => Some(parse_role(r)?),
        None => configured.as_ref().and_then(|a| a.role),
    };
    let name = global
        .as_name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .or_else(|| configured.map(|a| a.name));
    Ok(name.map(|name| Actor {
        name: name.trim().to_string(),
        role,
    }))
}

/// A `YYYY-MM-DD` argument, or a one-line error naming the flag.
pub fn parse_date(flag: &str, s: &str) -> Result<Date, String> {
    s.trim().parse().map_err(|_| {
        format!(
            "{flag} {}: not a valid date (expected YYYY-MM-DD)",
            baton::text::sanitize(s)
        )
    })
}

/// A date (midnight UTC) or an RFC 3339 time.
pub fn parse_since(flag: &str, s: &str) -> Result<Timestamp, String> {
    if let Ok(t) = s.trim().parse::<Timestamp>() {
        return Ok(t);
    }
    let d = parse_date(flag, s).map_err(|_| {
        format!(
            "{flag} {}: expected a date (YYYY-MM-DD) or an RFC 3339 time",
            baton::text::sanitize(s)
        )
    })?;
    d.to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .map(|z| z.timestamp())
        .map_err(|e| e.to_string())
}

/// The end of a window: a date means through the end of that day (UTC), an
/// RFC 3339 time that very second.
pub fn parse_until(flag: &str, s: &str) -> Result<Timestamp, String> {
    if let Ok(t) = s.trim().parse::<Timestamp>() {
        return Ok(t);
    }
    let start = parse_since(flag, s)?;
    Ok(start + jiff::SignedDuration::from_secs(24 * 60 * 60 - 1))
}

/// Print, treating a closed pipe as success. Everything a workspace command
/// prints passes the one sanitiser: a workspace written by an older baton may
/// hold a note or a name with escape sequences that nothing cleaned on entry.
pub fn print(text: &str) -> Result<(), String> {
    use std::io::Write;
    // Checked first: the usual clean output of `events` is not copied.
    let cleaned;
    let text = if baton::text::is_clean(text) {
        text
    } else {
        cleaned = baton::text::sanitize(text);
        &cleaned
    };
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| e.to_string()),
    }
}
