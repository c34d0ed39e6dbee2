//! The handoff analysis: offline, deterministic, every finding citing file and line.

pub mod quantity;
