//! `baton export DEAL [-o FILE] [--draft]` and `baton export --all-approved DIR`.
//! Writing and recording is the library's `export_to` (atomic; each export
//! records `brief_exported`), the same call the TUI makes.

use super::session::{self, Global, print};
use baton::export::{export_to, exported, file_name, is_final, markdown};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct ExportArgs {
    /// The deal to export (or use --all-approved DIR).
    #[arg(
        required_unless_present = "all_approved",
        conflicts_with = "all_approved"
    )]
    pub deal: Option<String>,
    /// Write to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Export every approved handoff into DIR as DEAL.md (with --draft: every handoff).
    #[arg(long, value_name = "DIR")]
    pub all_approved: Option<PathBuf>,
    /// Export even if not approved, marked DRAFT at the top and in each section.
    #[arg(long)]
    pub draft: bool,
}

pub fn run(g: &Global, args: ExportArgs) -> Result<(), String> {
    let mut s = session::open(g)?;
    let ctx = s.ctx_or_system("export")?;
    if let Some(dir) = &args.all_approved {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let mut written = 0;
        for d in s.ws.list().map_err(|e| e.to_string())? {
            let h = s.ws.handoff(&d.id).map_err(|e| e.to_string())?;
            if !args.draft && !is_final(&h) {
                continue;
            }
            let path = dir.join(file_name(&h.deal.id));
            let draft = args.draft || !is_final(&h);
            export_to(&mut s.ws, &ctx, &h.deal.id, &path, draft).map_err(|e| e.to_string())?;
            written += 1;
        }
        return print(&format!(
            "exported {written} brief(s) to {}\n",
            dir.display()
        ));
    }
    let deal = args.deal.as_deref().unwrap_or_default();
    match &args.output {
        Some(path) => {
            export_to(&mut s.ws, &ctx, deal, path, args.draft).map_err(|e| e.to_string())?;
        }
        None => {
            let h = s.ws.handoff(deal).map_err(|e| e.to_string())?;
            let text = markdown(&h, args.draft).map_err(|e| e.to_string())?;
            s.ws.record(&ctx, deal, &exported("-", args.draft))
                .map_err(|e| e.to_string())?;
            print(&text)?;
        }
    }
    Ok(())
}
