//! Loading a bundle from disk.
use super::{Bundle, BundleError};
use std::path::Path;

pub fn load(_root: &Path) -> Result<Bundle, BundleError> {
    unimplemented!("bundle loading is being written")
}
