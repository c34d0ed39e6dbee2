//! The review workstation: a terminal UI over the library, behind the `tui`
//! feature. Terminal events become [`Action`]s through the keymap, actions
//! change the [`App`] state in [`update`] (state changes that touch the
//! workspace are library `Command`s), and [`view::draw`] renders the state.

pub mod action;
pub mod config;
pub mod keymap;
pub mod state;
pub mod theme;
pub mod update;
mod update_evidence;
mod update_flow;
mod update_import;
mod update_metrics;
mod update_nav;
mod update_pilot;
pub mod view;

pub use action::Action;
pub use state::{App, Clock};

use crate::handoff::Actor;
use crate::workspace::Workspace;
use keymap::Key;
use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};
use std::path::PathBuf;
use std::time::Duration;

/// How often the loop wakes without input (transient messages expire).
const TICK: Duration = Duration::from_millis(250);

/// What `baton` / `baton tui` / `baton demo` start the UI with.
pub struct Options {
    pub workspace: PathBuf,
    pub config: config::TuiConfig,
    pub actor: Option<Actor>,
    pub clock: Clock,
    pub banner: Option<String>,
}

/// The action a terminal event means in the app's current state.
pub fn action_for(app: &App, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            let section = app.section();
            let key = Key::from_event(k);
            let bound = key.and_then(|key| app.config.keymap.action(section, &key));
            if section == keymap::Section::Input {
                // Typing: the input table's keys (enter, esc, backspace), else the character.
                return bound.or_else(|| Key::typed_char(k).map(Action::Type));
            }
            bound
        }
        Event::Mouse(m) if app.config.mouse => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Down),
            MouseEventKind::ScrollUp => Some(Action::Up),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

/// The actions a terminal event means, in order. A paste (bracketed paste is
/// on) is text, never keys: typed into the open field as one line (line breaks
/// and tabs become spaces, nothing else that could drive a terminal), and
/// ignored where no field is open, so pasted text can never submit, approve or
/// return a handoff.
pub fn actions_for(app: &App, ev: &Event) -> Vec<Action> {
    match ev {
        Event::Paste(text) if app.section() == keymap::Section::Input => {
            crate::text::sanitize_line(&text.replace(['\r', '\n', '\t'], " "))
                .chars()
                .map(Action::Type)
                .collect()
        }
        Event::Paste(_) => Vec::new(),
        _ => action_for(app, ev).into_iter().collect(),
    }
}

/// Open the workspace and run the UI until the user quits. The terminal is
/// restored on every way out, a panic included (ratatui's hook).
pub fn run(opts: Options) -> Result<(), String> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(
            "the review workstation needs a terminal (stdin and stdout are not one); the CLI commands work anywhere"
                .into(),
        );
    }
    let ws = Workspace::open(&opts.workspace).map_err(|e| e.to_string())?;
    let mouse = opts.config.mouse;
    let mut terminal = ratatui::try_init().map_err(|e| {
        // Raw mode may be on already when the alternate screen failed.
        ratatui::restore();
        format!("terminal: {e}")
    })?;
    if mouse {
        let _ = ratatui::crossterm::execute!(
            std::io::stdout(),
            ratatui::crossterm::event::EnableMouseCapture
        );
    }
    // A paste arrives as one event (text), not as keys that run commands.
    let _ = ratatui::crossterm::execute!(
        std::io::stdout(),
        ratatui::crossterm::event::EnableBracketedPaste
    );
    let result = (|| {
        let size = terminal.size().map_err(|e| e.to_string())?;
        let mut app = App::new(
            ws,
            opts.config,
            opts.actor,
            opts.clock,
            (size.width, size.height),
        )
        .map_err(|e| e.to_string())?;
        app.banner = opts.banner;
        event_loop(&mut terminal, &mut app)
    })();
    if mouse {
        let _ = ratatui::crossterm::execute!(
            std::io::stdout(),
            ratatui::crossterm::event::DisableMouseCapture
        );
    }
    let _ = ratatui::crossterm::execute!(
        std::io::stdout(),
        ratatui::crossterm::event::DisableBracketedPaste
    );
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> Result<(), String> {
    let io = |e: std::io::Error| format!("terminal: {e}");
    loop {
        terminal.draw(|f| view::draw(f, app)).map_err(io)?;
        if app.quit {
            return Ok(());
        }
        if event::poll(TICK).map_err(io)? {
            let ev = event::read().map_err(io)?;
            for a in actions_for(app, &ev) {
                update::update(app, a);
            }
        } else {
            update::update(app, Action::Tick);
        }
    }
}
