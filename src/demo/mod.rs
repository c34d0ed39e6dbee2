//! The demo workspace: the sample bundles of `examples/` (embedded in the
//! binary) imported into a fresh workspace, then walked through a scripted
//! history of review steps on a fixed demo clock, so the queue shows every
//! status and the metrics have weeks of events behind them.
//!
//! Every step is an ordinary library [`Command`] run through
//! `Workspace::run`: the demo writes nothing the CLI could not.

mod script;

use crate::handoff::{Actor, Ctx, Role};
use crate::rules::Rules;
use crate::workspace::{Error, ImportOutcome, Result, Workspace, prepare};
use jiff::Timestamp;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/demo_bundles.rs"));

/// "Today" in the demo: the story of the sample deals is told up to this day.
pub const CLOCK: &str = "2026-09-04T09:00:00Z";

/// The demo clock as a timestamp.
pub fn clock() -> Timestamp {
    CLOCK.parse().expect("CLOCK is RFC 3339")
}

/// The names of the embedded sample bundles, sorted.
pub fn bundle_names() -> Vec<&'static str> {
    let mut names: Vec<&str> = BUNDLE_FILES
        .iter()
        .filter_map(|(path, _)| path.split('/').next())
        .collect();
    names.dedup();
    names
}

/// Write the embedded bundles under `dir` (one folder each); returns their paths.
pub fn write_bundles(dir: &Path) -> Result<Vec<PathBuf>> {
    for (rel, bytes) in BUNDLE_FILES {
        let path = dir.join(rel);
        let parent = path.parent().unwrap_or(dir);
        std::fs::create_dir_all(parent).map_err(|source| Error::Io {
            path: parent.to_path_buf(),
            source,
        })?;
        std::fs::write(&path, bytes).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
    }
    Ok(bundle_names().into_iter().map(|n| dir.join(n)).collect())
}

/// Build a fresh demo workspace at `path`, which must not exist yet. The
/// sample bundles are written to `bundles_dir` (kept: the workspace cites them
/// as each revision's source).
pub fn build(path: &Path, bundles_dir: &Path) -> Result<Workspace> {
    if path.exists() {
        return Err(Error::Invalid(format!(
            "{}: already exists; the demo builds a fresh workspace",
            path.display()
        )));
    }
    let rules = Rules::builtin();
    let mut ws = Workspace::open(path)?;
    let bundles = write_bundles(bundles_dir)?;
    let mut ids: HashMap<&str, String> = HashMap::new();
    for step in script::STORY {
        let bundle = bundles
            .iter()
            .find(|b| b.file_name().is_some_and(|n| n == step.bundle))
            .ok_or_else(|| Error::Invalid(format!("demo: no sample bundle {}", step.bundle)))?;
        let at: Timestamp = step
            .at
            .parse()
            .map_err(|_| Error::Invalid(format!("demo: bad time {}", step.at)))?;
        let ctx = Ctx {
            actor: Actor {
                name: step.who.to_string(),
                role: step.role,
            },
            now: at,
            team: crate::handoff::Team::default(),
            may_invalidate_approvals: false,
        };
        if let script::Act::Import = step.act {
            let p = prepare(bundle, &rules, at).map_err(Error::Invalid)?;
            if let ImportOutcome::Imported { deal, .. } = ws.import(&p, &ctx)? {
                ids.insert(step.bundle, deal);
            }
            continue;
        }
        let deal = ids.get(step.bundle).cloned().ok_or_else(|| {
            Error::Invalid(format!("demo: {} acted on before its import", step.bundle))
        })?;
        let h = ws.handoff(&deal)?;
        for command in script::commands(&step.act, &h, at) {
            ws.run(&ctx, &deal, &command).map_err(|e| {
                Error::Invalid(format!("demo step {} {}: {e}", step.bundle, step.at))
            })?;
        }
    }
    Ok(ws)
}

/// Who the demo user is when no identity is configured.
pub fn default_actor() -> Actor {
    Actor {
        name: "Demo CSM".into(),
        role: Some(Role::Csm),
    }
}

#[cfg(test)]
mod tests;
