//! `baton import PATH...`: bundles are read and analysed on worker threads and
//! written one transaction each on this thread, so a bad bundle (or a kill)
//! never leaves a deal half-imported.

use super::session::{self, Global};
use baton::rules::{Rules, user_rules_path};
use baton::workspace::{ImportOutcome, find_bundles, prepare};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

#[derive(clap::Args)]
pub struct ImportArgs {
    /// Bundle folders, or folders of bundles.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Use only the built-in rules, ignoring the user's rules.toml.
    #[arg(long)]
    pub builtin_rules: bool,
}

#[derive(Default)]
struct Tally {
    imported: usize,
    updated: usize,
    unchanged: usize,
    failed: usize,
}

pub fn run(global: &Global, args: ImportArgs) -> Result<(), String> {
    let rules = if args.builtin_rules {
        Rules::builtin()
    } else {
        Rules::load(user_rules_path().as_deref()).map_err(|e| e.to_string())?
    };
    let mut s = session::open(global)?;
    let ctx = s.ctx_or_system();
    let found = find_bundles(&args.paths);
    let mut tally = Tally::default();
    let mut bundles = Vec::new();
    for f in found {
        match f {
            Ok(p) => bundles.push(p),
            Err(e) => {
                eprintln!("baton: {}", super::one_line(&e));
                tally.failed += 1;
            }
        }
    }
    let total = bundles.len();
    let progress = std::io::stderr().is_terminal() && total > 1;
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 4);
    let next = AtomicUsize::new(0);
    let now = ctx.now;
    let mut out = String::new();
    let mut write_error: Option<String> = None;
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::sync_channel(workers * 2);
        for _ in 0..workers.min(total.max(1)) {
            let tx = tx.clone();
            let (bundles, next, rules) = (&bundles, &next, &rules);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = bundles.get(i) else { break };
                    if tx.send(prepare(path, rules, now)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        for (done, prepared) in rx.into_iter().enumerate() {
            if progress {
                eprint!("\rimporting {}/{total}", done + 1);
            }
            let prepared = match prepared {
                Ok(p) => p,
                Err(e) => {
                    eprintln!(
                        "{}baton: {}",
                        if progress { "\r" } else { "" },
                        super::one_line(&e)
                    );
                    tally.failed += 1;
                    continue;
                }
            };
            match s.ws.import(&prepared, &ctx) {
                Ok(ImportOutcome::Imported { deal, items }) => {
                    tally.imported += 1;
                    out.push_str(&format!("{deal}: imported, {items} items to review\n"));
                }
                Ok(ImportOutcome::Updated {
                    deal,
                    revision,
                    carried,
                    dropped,
                    invalidated,
                }) => {
                    tally.updated += 1;
                    out.push_str(&format!(
                        "{deal}: revision {revision}, {carried} decision(s) carried over, {dropped} to redo, {invalidated} approval(s) invalidated\n"
                    ));
                }
                Ok(ImportOutcome::Unchanged { .. }) => tally.unchanged += 1,
                Err(e) => {
                    // A store error (disk full, locked past the timeout) stops the
                    // run: the next bundle would meet the same wall.
                    eprintln!(
                        "baton: {}: {}",
                        prepared.source.display(),
                        super::one_line(&e.to_string())
                    );
                    tally.failed += 1;
                    write_error = Some(e.to_string());
                    break;
                }
            }
        }
        // Dropping the receiver stops the workers at their next send.
    });
    if progress {
        eprint!("\r{}\r", " ".repeat(24));
        let _ = std::io::stderr().flush();
    }
    out.push_str(&format!(
        "imported {}, updated {}, unchanged {}, failed {}\n",
        tally.imported, tally.updated, tally.unchanged, tally.failed
    ));
    session::print(&out)?;
    if let Some(e) = write_error {
        return Err(e);
    }
    if tally.failed > 0 {
        return Err(format!("{} bundle(s) failed to import", tally.failed));
    }
    Ok(())
}
