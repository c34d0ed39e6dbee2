//! baton: turn a closed-won deal into a reviewed, approved customer-success handoff.
//!
//! The library is the whole domain and knows nothing of the terminal UI:
//! - [`bundle`] reads a deal bundle from disk (CRM record, notes, signed scope);
//! - [`text`] splits evidence files into statements, each citing file and line;
//! - [`rules`] holds the cue lexicons (`assets/rules.toml`, extendable by the user);
//! - [`analysis`] finds commitments, conflicts, risks, goals, stakeholders and
//!   missing context, and drafts the brief, checklist, questions and tasks;
//! - [`workspace`], [`handoff`], [`metrics`], [`export`], [`demo`]: the review
//!   lifecycle in one SQLite file.
//!
//! The terminal UI ([`tui`], feature `tui`, on by default) sits on top and adds
//! no rules of its own.

pub mod analysis;
pub mod bundle;
pub mod demo;
pub mod draft;
pub mod export;
pub mod handoff;
pub mod metrics;
pub mod report;
pub mod rules;
pub mod text;
#[cfg(feature = "tui")]
pub mod tui;
pub mod workspace;
