//! Splitting evidence text into statements, each with the line it starts on.
//!
//! A statement is a sentence of prose, a bullet or checkbox, a table row, an email
//! quote line's sentence, or a transcript / chat turn. Headings are kept as the
//! context of what follows them, never as statements.

mod abbreviations;
mod fold;
mod messages;
mod sanitize;
mod segment;

pub use fold::folded_lowercase;
pub use messages::{line_of, one_line, toml_error};
pub use sanitize::{
    is_clean, sanitize, sanitize_file_name, sanitize_json, sanitize_line, sanitize_owned,
};
pub use segment::{Statement, StatementKind, segment, split_sentences};
