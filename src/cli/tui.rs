//! `baton`, `baton tui` and `baton demo`: start the review workstation, and
//! `baton keys`: print the keymap.

use super::session::{self, Global};
use baton::workspace::{self, config};
use std::path::Path;

/// A file in a demo folder that says baton made it (and may replace it).
const DEMO_MARK: &str = ".baton-demo";

fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

fn load_config() -> Result<baton::tui::config::TuiConfig, String> {
    baton::tui::config::TuiConfig::load(config::config_path().as_deref(), no_color())
}

fn clock(default: baton::tui::Clock) -> Result<baton::tui::Clock, String> {
    match std::env::var("BATON_NOW") {
        Ok(v) if !v.trim().is_empty() => Ok(baton::tui::Clock::Fixed(session::now()?)),
        _ => Ok(default),
    }
}

/// Open the TUI on the workspace (flag, BATON_WORKSPACE or the default).
pub fn open(g: &Global) -> Result<(), String> {
    let path = workspace::resolve_workspace_path(g.workspace.as_deref())?;
    let config = load_config()?;
    let actor = session::actor(g).ok();
    baton::tui::run(baton::tui::Options {
        workspace: path,
        config,
        actor,
        clock: clock(baton::tui::Clock::System)?,
        banner: None,
    })
}

/// Build a fresh demo workspace (never the user's) and open it.
pub fn demo(g: &Global, dir: Option<&Path>) -> Result<(), String> {
    // A bad config.toml is refused before anything is built.
    let mut config = load_config()?;
    let dir = dir
        .map(Path::to_path_buf)
        .unwrap_or_else(|| std::env::temp_dir().join("baton-demo"));
    prepare_demo_dir(&dir)?;
    let db = dir.join("workspace.db");
    let ws = baton::demo::build(&db, &dir.join("bundles")).map_err(|e| e.to_string())?;
    drop(ws);
    let actor = match session::actor(g) {
        Ok(a) => a,
        Err(_) => {
            // The demo's own CSM signs for the CS side of any sample deal;
            // the AE side stays the deal's AE's, as in real use.
            let a = baton::demo::default_actor();
            if let Some(role) = a.role {
                config.signers = config.signers.with(&a.name, role);
            }
            a
        }
    };
    let actor = Some(actor);
    let started = std::time::Instant::now();
    let result = baton::tui::run(baton::tui::Options {
        workspace: db.clone(),
        config,
        actor,
        clock: clock(baton::tui::Clock::From(baton::demo::clock(), started))?,
        banner: Some(format!("DEMO · clock {}", &baton::demo::CLOCK[..10])),
    });
    eprintln!(
        "baton: {}",
        super::one_line(&format!(
            "the demo workspace is {} (rebuilt by the next baton demo)",
            db.display()
        ))
    );
    result
}

/// Empty `dir` for a new demo: a folder baton made for a demo before is
/// cleared; anything else that exists is refused, never touched.
fn prepare_demo_dir(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        if !dir.join(DEMO_MARK).is_file() {
            let empty = std::fs::read_dir(dir)
                .map(|mut d| d.next().is_none())
                .unwrap_or(false);
            if !empty {
                return Err(format!(
                    "{}: exists and is not a baton demo folder; choose another with --dir",
                    dir.display()
                ));
            }
        } else {
            std::fs::remove_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    std::fs::write(
        dir.join(DEMO_MARK),
        "made by baton demo; deleted by the next one\n",
    )
    .map_err(|e| format!("{}: {e}", dir.display()))
}

/// Print every key binding per table, and every action a keymap can name.
pub fn keys() -> Result<(), String> {
    use baton::tui::keymap::Section;
    let config = load_config()?;
    let mut out = String::new();
    for s in Section::ALL {
        out.push_str(&format!("[keys.{}]\n", s.name()));
        for (from, keys, action) in config.keymap.help(*s) {
            if from != *s {
                continue;
            }
            out.push_str(&format!(
                "  {:<24} {:<22} {}\n",
                keys.join(" "),
                action.name().unwrap_or(""),
                action.help()
            ));
        }
    }
    out.push_str("\nactions:\n");
    for a in baton::tui::Action::NAMED {
        out.push_str(&format!("  {:<22} {}\n", a.name().unwrap_or(""), a.help()));
    }
    session::print(&out)
}
