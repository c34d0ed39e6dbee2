//! Lower-case comparisons without allocating: the word lists are lower case, and
//! most words looked up are short and ASCII, so they are lower-cased on the
//! stack. On ASCII text that is exactly what `str::to_lowercase` gives; anything
//! else takes `to_lowercase` itself.

/// Longest ASCII text lower-cased on the stack.
const STACK_MAX: usize = 64;

/// Calls `f` with `s` lower-cased, as `str::to_lowercase` would.
pub(super) fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    if s.len() <= STACK_MAX && s.is_ascii() {
        let mut buf = [0u8; STACK_MAX];
        let buf = &mut buf[..s.len()];
        buf.copy_from_slice(s.as_bytes());
        buf.make_ascii_lowercase();
        f(std::str::from_utf8(buf).expect("ASCII stays UTF-8"))
    } else {
        f(&s.to_lowercase())
    }
}

/// `s` lower-cased is one of `list`.
pub(super) fn lower_in(s: &str, list: &[&str]) -> bool {
    with_lower(s, |l| list.contains(&l))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_to_lowercase() {
        let long = "ABC".repeat(30);
        for s in [
            "",
            "Hi",
            "THANKS",
            "Dana O'Neill-Smith",
            "MiXeD 123 !?",
            "\u{212a}elvin",
            "İstanbul",
            "ΣΑΣ",
            "Straße",
            "ǅ",
            &long,
            &long[..STACK_MAX],
            &long[..STACK_MAX + 1],
        ] {
            assert_eq!(with_lower(s, str::to_string), s.to_lowercase(), "{s:?}");
        }
        assert!(lower_in("THANKS", &["best", "thanks"]));
        // KELVIN SIGN lower-cases to an ASCII `k`, as `to_lowercase` has it.
        assert!(lower_in("THAN\u{212a}S", &["thanks"]));
        assert!(!lower_in("THANKS!", &["thanks"]));
    }
}
