//! A panic inside a third-party parser, caught where the parser is called,
//! is a file that could not be read, not a crash: it must not print Rust's
//! panic notice on the user's terminal either. The process's panic hook is
//! wrapped once so that it stays silent on a thread while that thread is
//! inside [`catch_quietly`], and behaves as before everywhere else.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

static WRAP_HOOK: Once = Once::new();

/// Run `f`, turning a panic into `Err` without a word on standard error.
pub(super) fn catch_quietly<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    WRAP_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_and_the_flag_is_restored() {
        assert_eq!(catch_quietly(|| 7).unwrap(), 7);
        let r: std::thread::Result<()> = catch_quietly(|| panic!("parser bug"));
        assert!(r.is_err());
        assert!(!QUIET.with(Cell::get));
        // Nested: the outer call stays quiet after the inner one returns.
        let _ = catch_quietly(|| {
            let _ = catch_quietly(|| 1);
            assert!(QUIET.with(Cell::get));
        });
        assert!(!QUIET.with(Cell::get));
    }
}
