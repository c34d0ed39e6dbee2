//! Command-line parsing and dispatch. Every command is a call into the library;
//! this layer only reads arguments, prints, and maps errors to one line and a
//! non-zero exit.

mod analyze;
mod export;
mod import;
mod inspect;
mod outcome;
mod review;
mod session;
mod tickets;
mod train;
#[cfg(feature = "tui")]
mod tui;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "baton",
    version,
    about = "Turn a closed-won deal into a reviewed, approved customer-success handoff"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// The workspace file (default: BATON_WORKSPACE, else the platform data dir).
    #[arg(long, global = true, value_name = "PATH")]
    workspace: Option<PathBuf>,
    /// Who is acting (default: [identity] name in config.toml).
    #[arg(long = "as", global = true, value_name = "NAME")]
    as_name: Option<String>,
    /// ae or csm: the actor's role, and the role an approval is for.
    #[arg(long, global = true, value_name = "ae|csm")]
    role: Option<String>,
    /// Go ahead with a decision that cancels the approvals of the current
    /// state (without it, such a decision is refused and names them).
    #[arg(long, global = true)]
    invalidate_approvals: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse one deal bundle: commitments, conflicts, risks, goals, missing context.
    Analyze {
        /// The bundle folder (deal.toml, notes/, the signed scope).
        bundle: PathBuf,
        /// Print the machine-readable JSON contract instead of the report.
        #[arg(long)]
        json: bool,
        /// Use only the built-in rules, ignoring the user's rules.toml.
        #[arg(long)]
        builtin_rules: bool,
    },
    /// Show what the rules see at one line of a bundle: lexicon matches, voice, findings.
    Explain {
        /// The bundle folder.
        bundle: PathBuf,
        /// A location as `file:line`, e.g. `notes/2026-10-02-demo.md:12`.
        at: String,
        /// Use only the built-in rules, ignoring the user's rules.toml.
        #[arg(long)]
        builtin_rules: bool,
    },
    /// Fit the learned model on annotated corpora (folders of bundles with gold.toml).
    #[command(hide = true)]
    Train {
        /// Corpus folders; with two or more, each is also scored by a model trained on the others.
        #[arg(required = true)]
        corpora: Vec<PathBuf>,
        /// Where to write the model (the built-in one is assets/model.tsv).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Passes over the training lines.
        #[arg(long, default_value_t = 12)]
        epochs: usize,
        /// Passes over the training lines for the risk model (default: --epochs).
        #[arg(long, value_name = "EPOCHS")]
        risk_epochs: Option<usize>,
        /// L2 regularisation.
        #[arg(long, default_value_t = 1e-4)]
        l2: f64,
        /// A feature is kept only if this many bundles have it.
        #[arg(long, default_value_t = 3)]
        min_bundles: usize,
        /// Train the conflict (pair) model on this corpus only (repeatable; each
        /// must be one of CORPORA). Default: every corpus.
        #[arg(long = "conflict-corpus", value_name = "CORPUS")]
        conflict_corpora: Vec<PathBuf>,
        /// Train the risk (line) model on this corpus only (repeatable; each
        /// must be one of CORPORA). Default: every corpus.
        #[arg(long = "risk-corpus", value_name = "CORPUS")]
        risk_corpora: Vec<PathBuf>,
    },
    /// Open the review workstation on the bundled sample deals (a fresh demo workspace).
    Demo {
        /// Where to build the demo (default: a `baton-demo` folder in the temp dir).
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Open the review workstation on a workspace (the same as `baton` alone).
    Tui,
    /// Print every key binding and every action a keymap can name.
    Keys,
    /// Import bundles (or folders of bundles) into the workspace.
    Import(import::ImportArgs),
    /// List the handoffs in the workspace.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show a handoff: every item with id, kind, state, text and evidence; gates; approvals.
    Show {
        deal: String,
        #[arg(long)]
        json: bool,
    },
    /// Review a commitment: accept, reject or send-to-ae.
    Review {
        deal: String,
        item: String,
        decision: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Resolve a conflict: scope-stands, notes-stand or clarified.
    Resolve {
        deal: String,
        item: String,
        resolution: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Give a risk an owner, a due date and a status.
    Owner {
        deal: String,
        item: String,
        #[arg(long)]
        name: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        due: Option<String>,
        #[arg(long, default_value = "open", value_name = "open|mitigated|accepted")]
        status: String,
    },
    /// Answer a question (kept as evidence: who answered, when).
    Answer {
        deal: String,
        item: String,
        #[arg(long)]
        text: String,
    },
    /// Dismiss a commitment, conflict or risk: a duplicate of another item
    /// (whose decision then covers it), or no finding at all.
    #[command(group(clap::ArgGroup::new("dismissal").required(true).args(["duplicate_of", "not_a"])))]
    Dismiss {
        deal: String,
        item: String,
        /// The item it duplicates (of the same kind).
        #[arg(long, value_name = "ID")]
        duplicate_of: Option<String>,
        /// It is no finding of this kind (its own: commitment, conflict or risk).
        #[arg(long, value_name = "commitment|conflict|risk")]
        not_a: Option<String>,
        /// Why (needed with --not-a).
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Correct a goal's kind: buyer outcome or user requirement.
    Goal {
        deal: String,
        item: String,
        #[arg(long, value_name = "buyer|user")]
        kind: String,
    },
    /// Confirm the success-criteria or first-value criteria.
    Confirm { deal: String, criteria: String },
    /// Return the handoff to the AE with a reason code; the open questions go with it.
    Return {
        deal: String,
        #[arg(
            long,
            value_name = "missing-context|scope-conflict|no-first-value|other"
        )]
        reason: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Record that the AE resubmitted a returned handoff.
    Resubmit { deal: String },
    /// Record kickoff-held, kickoff-moved or first-value-reached.
    Milestone {
        deal: String,
        milestone: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
    },
    /// Record what happened after the handoff: an escalation, a risk that
    /// came true, the customer's health at day 30/60/90.
    #[command(subcommand)]
    Outcome(outcome::OutcomeCommand),
    /// Print the gates with the reason each passes or fails.
    Gates {
        deal: String,
        #[arg(long)]
        json: bool,
    },
    /// Approve in your own role, as yourself (--as/--role or [identity]);
    /// refused while a gate fails or when you may not sign for that side.
    Approve { deal: String },
    /// Show what changed in the bundle between revisions.
    Diff {
        deal: String,
        #[arg(long)]
        revision: Option<u32>,
    },
    /// Verify the workspace: SQLite's integrity check and every stored
    /// file's and revision's hash; non-zero exit on any problem.
    Check,
    /// Export the event log for a BI tool: JSON lines, or CSV with one column per field.
    Events {
        /// From this date (YYYY-MM-DD, UTC) or RFC 3339 time on.
        #[arg(long, value_name = "DATE|TIME")]
        since: Option<String>,
        /// Up to the end of this date (UTC), or up to this RFC 3339 time.
        #[arg(long, value_name = "DATE|TIME")]
        until: Option<String>,
        #[arg(long, default_value = "jsonl", value_name = "jsonl|csv")]
        format: String,
        #[arg(long)]
        deal: Option<String>,
        /// Instead of the events: each mention of a dismissed finding as a
        /// labelled example (file, line, text, kind, label, reason).
        #[arg(long)]
        labelled: bool,
    },
    /// Pilot metrics: acceptance rate, returns, the three clocks, delays, misses.
    Metrics {
        #[arg(long)]
        segment: Option<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        since: Option<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        until: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The pilot readout on one page: did the handoffs created from --since
    /// for --days meet the 90% acceptance bar, and what happened after.
    Pilot {
        /// Only this segment (default: every segment).
        #[arg(long)]
        segment: Option<String>,
        /// The pilot's first day: handoffs created from it on (default: the
        /// day the first handoff was created).
        #[arg(long, value_name = "YYYY-MM-DD")]
        since: Option<String>,
        /// How long the pilot ran.
        #[arg(long, default_value_t = baton::metrics::pilot::DEFAULT_DAYS)]
        days: u32,
        /// Decided handoffs needed for a verdict.
        #[arg(long, default_value_t = baton::metrics::pilot::MIN_DECIDED)]
        min_decided: u32,
        /// Markdown instead of plain text.
        #[arg(long)]
        markdown: bool,
    },
    /// Export the approved brief as Markdown.
    Export(export::ExportArgs),
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let g = session::Global {
        workspace: cli.workspace,
        as_name: cli.as_name,
        role: cli.role,
        invalidate_approvals: cli.invalidate_approvals,
    };
    let result = match cli.command {
        Some(Command::Analyze {
            bundle,
            json,
            builtin_rules,
        }) => analyze::run(&bundle, json, builtin_rules),
        Some(Command::Explain {
            bundle,
            at,
            builtin_rules,
        }) => analyze::explain(&bundle, &at, builtin_rules),
        Some(Command::Train {
            corpora,
            out,
            epochs,
            risk_epochs,
            l2,
            min_bundles,
            conflict_corpora,
            risk_corpora,
        }) => train::run(
            &corpora,
            &train::Teachers {
                conflict: &conflict_corpora,
                risk: &risk_corpora,
            },
            &out,
            baton::analysis::learned::train::Options {
                epochs,
                risk_epochs,
                l2,
                min_bundles,
                ..Default::default()
            },
        ),
        Some(Command::Import(args)) => import::run(&g, args),
        Some(Command::List { json }) => inspect::list(&g, json),
        Some(Command::Show { deal, json }) => inspect::show(&g, &deal, json),
        Some(Command::Review {
            deal,
            item,
            decision,
            note,
        }) => review::review(&g, &deal, &item, &decision, &note),
        Some(Command::Resolve {
            deal,
            item,
            resolution,
            note,
        }) => review::resolve(&g, &deal, &item, &resolution, &note),
        Some(Command::Owner {
            deal,
            item,
            name,
            due,
            status,
        }) => review::owner(&g, &deal, &item, &name, due.as_deref(), &status),
        Some(Command::Answer { deal, item, text }) => review::answer(&g, &deal, &item, &text),
        Some(Command::Goal { deal, item, kind }) => review::goal(&g, &deal, &item, &kind),
        Some(Command::Dismiss {
            deal,
            item,
            duplicate_of,
            not_a,
            reason,
        }) => review::dismiss(
            &g,
            &deal,
            &item,
            duplicate_of.as_deref(),
            not_a.as_deref(),
            &reason,
        ),
        Some(Command::Confirm { deal, criteria }) => review::confirm(&g, &deal, &criteria),
        Some(Command::Return { deal, reason, note }) => {
            review::return_to_ae(&g, &deal, &reason, &note)
        }
        Some(Command::Resubmit { deal }) => review::resubmit(&g, &deal),
        Some(Command::Milestone {
            deal,
            milestone,
            date,
        }) => review::milestone(&g, &deal, &milestone, &date),
        Some(Command::Outcome(o)) => outcome::run_outcome(&g, o),
        Some(Command::Gates { deal, json }) => inspect::gates_cmd(&g, &deal, json),
        Some(Command::Approve { deal }) => review::approve(&g, &deal),
        Some(Command::Diff { deal, revision }) => inspect::diff(&g, &deal, revision),
        Some(Command::Check) => inspect::check(&g),
        Some(Command::Events {
            since,
            until,
            format,
            deal,
            labelled,
        }) => inspect::events(
            &g,
            since.as_deref(),
            until.as_deref(),
            &format,
            deal.as_deref(),
            labelled,
        ),
        Some(Command::Metrics {
            segment,
            since,
            until,
            json,
        }) => inspect::metrics_cmd(&g, segment, since.as_deref(), until.as_deref(), json),
        Some(Command::Pilot {
            segment,
            since,
            days,
            min_decided,
            markdown,
        }) => inspect::pilot_cmd(&g, segment, since.as_deref(), days, min_decided, markdown),
        Some(Command::Export(args)) => export::run(&g, args),
        #[cfg(feature = "tui")]
        Some(Command::Demo { dir }) => tui::demo(&g, dir.as_deref()),
        #[cfg(feature = "tui")]
        Some(Command::Tui) | None => tui::open(&g),
        #[cfg(feature = "tui")]
        Some(Command::Keys) => tui::keys(),
        #[cfg(not(feature = "tui"))]
        Some(Command::Demo { .. } | Command::Tui | Command::Keys) | None => Err(
            "this baton was built without the tui feature: rebuild with default features".into(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("baton: {}", one_line(&message));
            ExitCode::FAILURE
        }
    }
}

/// Every error is one line, and nothing in it (a file name, an argument echoed
/// back) can move the cursor, recolour the terminal or reorder what it shows.
fn one_line(message: &str) -> String {
    baton::text::sanitize_line(message)
}
