//! `baton import PATH...`: bundles are read and analysed on worker threads and
//! written one transaction each on this thread, so a bad bundle (or a kill)
//! never leaves a deal half-imported. `--from hubspot|salesforce` first turns
//! a CRM export into bundle folders (`workspace::crm`), then imports those.

use super::session::{self, Global};
use baton::rules::{Rules, user_rules_path};
use baton::workspace::{
    self, Error, ImportOutcome, Prepare, Replace, config, crm, find_bundles, prepare_if_changed,
};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

#[derive(clap::Args)]
pub struct ImportArgs {
    /// Bundle folders, or folders of bundles; with --from, one deals export (CSV).
    #[arg(required_unless_present = "tickets")]
    pub paths: Vec<PathBuf>,
    /// A support desk's ticket export (Zendesk, Jira Service Management,
    /// Freshdesk): escalations after kickoff become outcome events.
    #[arg(long, value_name = "FILE.csv", conflicts_with_all = ["from", "paths", "replace"])]
    pub tickets: Option<PathBuf>,
    /// Read a CRM deals export: every closed-won row becomes a bundle.
    #[arg(long, value_name = "hubspot|salesforce")]
    pub from: Option<String>,
    /// With --from: an activities export whose rows become the deals' notes.
    #[arg(long, value_name = "FILE.csv", requires = "from")]
    pub activities: Option<PathBuf>,
    /// With --from: how 03/04/2026 reads (default: [crm.<source>] date_order, else mdy).
    #[arg(long, value_name = "mdy|dmy", requires = "from")]
    pub date_order: Option<String>,
    /// Use only the built-in rules, ignoring the user's rules.toml.
    #[arg(long)]
    pub builtin_rules: bool,
    /// Let a bundle replace an approved handoff of another account that has
    /// its deal id (refused without it).
    #[arg(long)]
    pub replace: bool,
}

#[derive(Default)]
struct Tally {
    imported: usize,
    updated: usize,
    unchanged: usize,
    failed: usize,
}

pub fn run(global: &Global, args: ImportArgs) -> Result<(), String> {
    if let Some(file) = &args.tickets {
        return super::tickets::run(global, file);
    }
    let rules = if args.builtin_rules {
        Rules::builtin()
    } else {
        Rules::load(user_rules_path().as_deref()).map_err(|e| e.to_string())?
    };
    let mut tally = Tally::default();
    let mut out = String::new();
    let mut row_failures = 0;
    // The export is read before the workspace is opened: a wrong file or
    // config key leaves no workspace created behind it.
    let found = match &args.from {
        None => find_bundles(&args.paths),
        Some(from) => {
            let converted = from_crm(global, &args, from)?;
            for e in &converted.errors {
                eprintln!("baton: {}", super::one_line(&e.to_string()));
            }
            row_failures = converted.errors.len();
            out.push_str(&converted.summary);
            converted.bundles.into_iter().map(Ok).collect()
        }
    };
    let mut s = session::open(global)?;
    let ctx = s.ctx_or_system("import")?;
    // Each deal's current content hash: a bundle that matches it is read and
    // hashed, never analysed.
    let current = s.ws.content_hashes().map_err(|e| e.to_string())?;
    let replace = match args.replace {
        true => Replace::Allow,
        false => Replace::Refuse,
    };
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
    let mut write_error: Option<String> = None;
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::sync_channel(workers * 2);
        for _ in 0..workers.min(total.max(1)) {
            let tx = tx.clone();
            let (bundles, next, rules, current) = (&bundles, &next, &rules, &current);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = bundles.get(i) else { break };
                    if tx
                        .send(prepare_if_changed(path, rules, now, current))
                        .is_err()
                    {
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
                Ok(Prepare::Ready(p)) => p,
                Ok(Prepare::Unchanged { .. }) => {
                    tally.unchanged += 1;
                    continue;
                }
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
            match s.ws.import_with(&prepared, &ctx, replace) {
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
                // This bundle alone is refused; the others still import.
                Err(e @ Error::ApprovedElsewhere { .. }) => {
                    eprintln!(
                        "{}baton: {}",
                        if progress { "\r" } else { "" },
                        super::one_line(&e.to_string())
                    );
                    tally.failed += 1;
                }
                Err(e) => {
                    // A store error (disk full, locked past the timeout) stops the
                    // run: the next bundle would meet the same wall.
                    eprintln!(
                        "baton: {}",
                        super::one_line(&format!("{}: {e}", prepared.source.display()))
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
    match (tally.failed, row_failures) {
        (0, 0) => Ok(()),
        (0, rows) => Err(format!("{rows} row(s) of the export failed: see above")),
        (bundles, 0) => Err(format!("{bundles} bundle(s) failed to import")),
        (bundles, rows) => Err(format!(
            "{rows} row(s) of the export failed and {bundles} bundle(s) failed to import"
        )),
    }
}

/// The CRM export read, its bundles written beside the workspace.
struct Converted {
    bundles: Vec<PathBuf>,
    errors: Vec<crm::RowError>,
    summary: String,
}

fn from_crm(global: &Global, args: &ImportArgs, from: &str) -> Result<Converted, String> {
    let source = crm::Source::parse(from).ok_or_else(|| {
        format!(
            "--from {}: expected hubspot or salesforce",
            baton::text::sanitize(from)
        )
    })?;
    let [export] = args.paths.as_slice() else {
        return Err(format!(
            "--from {}: give one deals export (CSV), not {} paths",
            source.key(),
            args.paths.len()
        ));
    };
    let cfg = match config::config_path() {
        Some(p) => crm::load_crm_config(&p, source)?,
        None => crm::CrmConfig::default(),
    };
    let order = match &args.date_order {
        Some(o) => crm::DateOrder::parse(o).ok_or_else(|| {
            format!(
                "--date-order {}: expected mdy or dmy",
                baton::text::sanitize(o)
            )
        })?,
        None => cfg
            .date_order
            .unwrap_or_else(|| source.default_date_order()),
    };
    let mut read = crm::read_deals(export, source, &cfg, order)?;
    let mut errors = std::mem::take(&mut read.errors);
    let mut summary = String::new();
    for w in &read.warnings {
        summary.push_str(&super::one_line(w));
        summary.push('\n');
    }
    summary.push_str(&format!(
        "{}: {} row(s): {} closed-won deal(s), {} skipped (not closed-won), {} failed\n",
        super::one_line(&export.display().to_string()),
        read.rows,
        read.deals.len(),
        read.skipped,
        errors.len()
    ));
    if let Some(file) = &args.activities {
        let acts = crm::read_activities(file, source, &cfg, order, &mut read.deals)?;
        summary.push_str(&format!(
            "{}: {} activity row(s): {} joined to a deal, {} of no deal imported here, {} failed\n",
            super::one_line(&file.display().to_string()),
            acts.rows,
            acts.joined,
            acts.unmatched,
            acts.errors.len()
        ));
        errors.extend(acts.errors);
    }
    let path = workspace::resolve_workspace_path(global.workspace.as_deref())?;
    let root = crm::bundle_root(&path, source);
    let (bundles, write_errors) = crm::write_bundles(&root, &read.deals, export);
    errors.extend(write_errors);
    Ok(Converted {
        bundles,
        errors,
        summary,
    })
}
