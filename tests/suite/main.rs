//! The integration tests, one binary: each file is a module, and the helpers
//! they share are modules beside them. One test binary links the crate once
//! instead of once per file, which is most of a clean `cargo test`'s time.

mod common;
mod support;
mod tmux_support;
mod tui_support;

mod cli_analyze;
mod cli_documents;
mod cli_train;
mod crash_safety;
mod crm_import;
mod dismissals;
mod event_log;
mod export_safety;
mod hostile_bundles;
mod lifecycle;
mod live_brief;
mod outcomes;
mod readme_keys;
mod safe_output;
mod tui_claims;
mod tui_e2e;
mod tui_e2e_input;
mod tui_evidence;
mod tui_input_queue;
mod tui_keys;
mod tui_live_brief;
mod tui_navigation;
mod tui_outcomes;
mod tui_pilot;
mod tui_screens;
mod workspace_bench;
