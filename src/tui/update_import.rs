//! Importing from the TUI: a field for the path (Tab completes it), then
//! the CLI's own import: `find_bundles`, `prepare_if_changed` and
//! `Workspace::import_with`, one transaction per bundle. A bad path keeps the
//! field open with a one-line error under it; nothing is written then.

use super::action::Action;
use super::state::field::TextField;
use super::state::paths;
use super::state::{App, Overlay};
use super::update::{WHO_IS_THIS, reload};
use crate::rules::{Rules, user_rules_path};
use crate::workspace::{ImportOutcome, Prepare, Replace, find_bundles, prepare_if_changed};
use std::path::{Path, PathBuf};

/// Open the import field (refused without an identity, as every change is).
pub(super) fn start(app: &mut App) {
    if app.actor.is_none() {
        return app.error(WHO_IS_THIS);
    }
    app.overlay = Some(Overlay::Import {
        text: TextField::default(),
        error: None,
        choices: vec![],
    });
}

fn home() -> Option<PathBuf> {
    std::env::var_os("HOME").map(PathBuf::from)
}

fn cwd() -> PathBuf {
    std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))
}

/// A key in the import field.
pub(super) fn overlay(
    app: &mut App,
    mut text: TextField,
    mut error: Option<String>,
    mut choices: Vec<String>,
    action: Action,
) {
    match action {
        Action::Cancel => return app.info("import cancelled: nothing was imported"),
        Action::Complete => {
            let done = paths::complete(text.text(), home().as_deref(), &cwd());
            error = match (done.choices.is_empty(), done.text == text.text()) {
                (true, true) => Some(format!("no folder starts with {}", text.text())),
                _ => None,
            };
            text.set(&done.text);
            choices = done.choices;
        }
        Action::Submit => {
            let path = paths::expand(text.text().trim(), home().as_deref(), &cwd());
            match import(app, &path, text.text().trim()) {
                Ok(()) => return,
                Err(why) => {
                    // A bundle's failure is in the log already.
                    if app.messages.last().is_none_or(|m| m.text != why) {
                        app.error(why.clone());
                    }
                    error = Some(why);
                    choices.clear();
                }
            }
        }
        edit => {
            if text.apply(edit) {
                error = None;
                choices.clear();
            }
        }
    }
    app.overlay = Some(Overlay::Import {
        text,
        error,
        choices,
    });
}

/// Import every bundle under `path`; an error (no such folder, no bundle
/// there, no rules) before anything is written. Per-bundle failures do not
/// stop the others, as with `baton import`.
fn import(app: &mut App, path: &Path, typed: &str) -> Result<(), String> {
    if typed.is_empty() {
        return Err("type the path of a bundle folder, or of a folder of bundles".into());
    }
    let mut ctx = app.ctx()?;
    let found = find_bundles(&[path.to_path_buf()]);
    let bundles: Vec<PathBuf> = found.iter().filter_map(|f| f.clone().ok()).collect();
    if bundles.is_empty() {
        let why = found.into_iter().find_map(Result::err);
        return Err(why.unwrap_or_else(|| format!("{}: no deal bundle here", path.display())));
    }
    let rules = Rules::load(user_rules_path().as_deref()).map_err(|e| e.to_string())?;
    let current = app.ws.content_hashes().map_err(|e| e.to_string())?;
    ctx.now = app.clock.now();
    let (mut imported, mut updated, mut unchanged, mut failed) = (0, 0, 0, 0);
    let mut last_deal = None;
    let mut first_error: Option<String> = None;
    for bundle in &bundles {
        let prepared = match prepare_if_changed(bundle, &rules, ctx.now, &current) {
            Ok(Prepare::Ready(p)) => p,
            Ok(Prepare::Unchanged { deal }) => {
                unchanged += 1;
                last_deal = Some(deal);
                continue;
            }
            Err(e) => {
                failed += 1;
                app.error(e.clone());
                first_error.get_or_insert(e);
                continue;
            }
        };
        match app.ws.import_with(&prepared, &ctx, Replace::Refuse) {
            Ok(ImportOutcome::Imported { deal, items }) => {
                imported += 1;
                app.info(format!("{deal}: imported, {items} items to review"));
                last_deal = Some(deal);
            }
            Ok(ImportOutcome::Updated {
                deal,
                revision,
                carried,
                dropped,
                invalidated,
            }) => {
                updated += 1;
                app.info(format!(
                    "{deal}: revision {revision}, {carried} decision(s) carried over, {dropped} to redo, {invalidated} approval(s) invalidated"
                ));
                last_deal = Some(deal);
            }
            Ok(ImportOutcome::Unchanged { deal }) => {
                unchanged += 1;
                last_deal = Some(deal);
            }
            Err(e) => {
                failed += 1;
                let why = format!("{}: {e}", bundle.display());
                app.error(why.clone());
                first_error.get_or_insert(why);
            }
        }
    }
    // Nothing imported: the field stays open with the reason.
    if failed == bundles.len()
        && let Some(why) = first_error
    {
        return Err(why);
    }
    reload(app);
    if let Some(deal) = last_deal {
        select(app, &deal);
    }
    // The counts first: a long path is what the status bar cuts.
    let summary = format!(
        "imported {imported}, updated {updated}, unchanged {unchanged}, failed {failed} from {}",
        path.display()
    );
    if failed > 0 {
        let key = app
            .config
            .keymap
            .key_for(app.screen_section(), Action::Messages)
            .unwrap_or_else(|| "messages".into());
        app.error(format!("{summary} ({key} lists why)"));
    } else {
        app.info(summary);
    }
    Ok(())
}

/// Select `deal` in the queue when it is shown.
fn select(app: &mut App, deal: &str) {
    let q = &mut app.queue;
    if let Some(pos) = q.visible.iter().position(|&i| q.rows[i].id == deal) {
        let rows = super::view::queue::visible_rows(app.size);
        let len = q.visible.len();
        q.cursor.select(pos, len, rows);
    }
}
