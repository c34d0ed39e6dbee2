//! Bundle errors.

#[derive(Debug)]
pub enum BundleError {}
