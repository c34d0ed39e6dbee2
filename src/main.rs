//! The `baton` command: a thin front over the library.

mod cli;

fn main() -> std::process::ExitCode {
    // Panic reports (there should be none) print after the TUI has restored
    // the terminal: ratatui's hook wraps this one when the TUI starts.
    #[cfg(feature = "tui")]
    let _ = color_eyre::install();
    cli::run()
}
