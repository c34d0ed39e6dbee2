//! `baton export DEAL [-o FILE] [--draft]` and `baton export --all-approved DIR`.
//! Files are written to a temporary name and renamed, so a failed export never
//! leaves half a brief behind; each export records `brief_exported`.

use super::session::{self, Global, print};
use baton::export::{is_final, markdown};
use baton::handoff::{Change, EventKind};
use serde_json::json;
use std::path::{Path, PathBuf};

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

fn write_atomic(path: &Path, text: &str) -> Result<(), String> {
    let tmp = path.with_extension("md.tmp");
    std::fs::write(&tmp, text).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        format!("{}: {e}", path.display())
    })
}

/// A deal id as a file name: nothing that could climb out of DIR.
fn file_name(id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{}.md", safe.trim_start_matches('.'))
}

pub fn run(g: &Global, args: ExportArgs) -> Result<(), String> {
    let mut s = session::open(g)?;
    let ctx = s.ctx_or_system();
    let exported = |path: String, draft: bool| Change {
        events: vec![(
            EventKind::BriefExported,
            json!({"path": path, "draft": draft}),
        )],
    };
    if let Some(dir) = &args.all_approved {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let mut written = 0;
        for d in s.ws.list().map_err(|e| e.to_string())? {
            let h = s.ws.handoff(&d.id).map_err(|e| e.to_string())?;
            if !args.draft && !is_final(&h) {
                continue;
            }
            let text = markdown(&h, args.draft || !is_final(&h)).map_err(|e| e.to_string())?;
            let path = dir.join(file_name(&h.deal.id));
            write_atomic(&path, &text)?;
            s.ws.record(
                &ctx,
                &h.deal.id,
                &exported(path.display().to_string(), !is_final(&h) || args.draft),
            )
            .map_err(|e| e.to_string())?;
            written += 1;
        }
        return print(&format!(
            "exported {written} brief(s) to {}\n",
            dir.display()
        ));
    }
    let deal = args.deal.as_deref().unwrap_or_default();
    let h = s.ws.handoff(deal).map_err(|e| e.to_string())?;
    let text = markdown(&h, args.draft).map_err(|e| e.to_string())?;
    match &args.output {
        Some(path) => {
            write_atomic(path, &text)?;
            s.ws.record(
                &ctx,
                deal,
                &exported(path.display().to_string(), args.draft),
            )
            .map_err(|e| e.to_string())?;
        }
        None => {
            s.ws.record(&ctx, deal, &exported("-".into(), args.draft))
                .map_err(|e| e.to_string())?;
            print(&text)?;
        }
    }
    Ok(())
}
