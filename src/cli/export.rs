//! `baton export DEAL [-o FILE] [--draft]` and `baton export --all-approved DIR`.
//! Writing and recording is the library's `export_to` (atomic; each export
//! records `brief_exported` once its file is on disk), the same call the TUI
//! makes. To standard output, the event is recorded only after every byte
//! was written and flushed (and synced, when it is redirected to a file).

use super::session::{self, Global};
use baton::export::{export_to, exported, file_names, is_final, markdown};
use std::io::Write;
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
        let mut chosen = Vec::new();
        for d in s.ws.list().map_err(|e| e.to_string())? {
            let h = s.ws.handoff(&d.id).map_err(|e| e.to_string())?;
            if args.draft || is_final(&h) {
                chosen.push((h.deal.id.clone(), args.draft || !is_final(&h)));
            }
        }
        // Every file name is settled before anything is written: two deals
        // that would share one are refused, never one written over the other.
        let paths =
            file_names(dir, chosen.iter().map(|(id, _)| id.as_str())).map_err(|e| e.to_string())?;
        for ((id, path), (_, draft)) in paths.iter().zip(&chosen) {
            export_to(&mut s.ws, &ctx, id, path, *draft).map_err(|e| e.to_string())?;
        }
        return session::print(&format!(
            "exported {} brief(s) to {}\n",
            paths.len(),
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
            if !write_stdout(&text)? {
                // The reader closed the pipe: the brief was not delivered, so
                // no export is recorded (and, as everywhere, no error).
                return Ok(());
            }
            s.ws.record(&ctx, deal, &exported("-", args.draft || !is_final(&h)))
                .map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// Write the brief to standard output and make sure it arrived: flushed, and
/// synced when standard output is a file. `Ok(false)` when the reader closed
/// the pipe first; an error (a full disk, `> /dev/full`) names standard output.
fn write_stdout(text: &str) -> Result<bool, String> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(false),
        Err(e) => return Err(format!("standard output: {e}; the brief was not exported")),
    }
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let file = out
            .as_fd()
            .try_clone_to_owned()
            .map(std::fs::File::from)
            .map_err(|e| format!("standard output: {e}"))?;
        if file.metadata().is_ok_and(|m| m.is_file()) {
            file.sync_all()
                .map_err(|e| format!("standard output: {e}; the brief was not exported"))?;
        }
    }
    Ok(true)
}
