//! Cue lexicons and category words (`assets/rules.toml`).
