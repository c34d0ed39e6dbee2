//! Messages built from what a library or a file says: on one line, with the
//! line of the file they are about.

/// Keep a message on one line, whatever a library put into it: its words
/// joined by one space, control characters dropped.
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().filter(|c| !c.is_control()));
    }
    out
}

/// The 1-based line of byte `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// A TOML file that does not parse, as `path:line: message` on one line (the
/// line left out when the parser names no place).
pub fn toml_error(path: &std::path::Path, text: &str, e: &toml::de::Error) -> String {
    let message = one_line(e.message());
    match e.span() {
        Some(span) => format!(
            "{}:{}: {message}",
            path.display(),
            line_of(text, span.start)
        ),
        None => format!("{}: {message}", path.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::{line_of, one_line, toml_error};

    #[test]
    fn a_message_keeps_its_words_on_one_line() {
        assert_eq!(one_line("bad\n  value\t\u{7}here"), "bad value here");
    }

    #[test]
    fn a_toml_error_names_the_file_and_the_line() {
        let text = "a = 1\nb = \"open\n";
        let e = text.parse::<toml::Table>().unwrap_err();
        let m = toml_error(std::path::Path::new("x.toml"), text, &e);
        assert!(m.starts_with("x.toml:2: "), "{m}");
        assert!(!m.contains('\n'));
        assert_eq!(line_of("a\nb\nc", 4), 3);
        assert_eq!(line_of("a", 99), 1);
    }
}
