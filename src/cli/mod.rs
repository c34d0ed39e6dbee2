//! Command-line parsing and dispatch. Every command is a call into the library;
//! this layer only reads arguments, prints, and maps errors to one line and a
//! non-zero exit.

mod analyze;

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
    /// Open the review workstation on bundled sample deals.
    Demo,
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
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
        Some(Command::Demo) | None => {
            println!(
                "The review workstation comes with the TUI. Meanwhile: baton analyze examples/<bundle>"
            );
            Ok(())
        }
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
/// back) can move the cursor or recolour the terminal.
fn one_line(message: &str) -> String {
    message
        .chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c if c.is_control() => '\u{FFFD}',
            c => c,
        })
        .collect()
}
