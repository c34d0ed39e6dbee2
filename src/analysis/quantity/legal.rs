//! Legal numerals ("ninety (90) days", "three (3) sessions"): the number
//! written twice, read once.

use super::number_tail;

/// A span as a quantity quotes it: a legal numeral blanked inside it ("12
/// (twelve) weeks" read as "12          weeks") with one space, and a figure
/// that closed a bracket ("dieciséis (16) semanas", `paren`) without it.
pub(super) fn quoted(span: &str, paren: bool) -> String {
    let joined = span
        .split("  ")
        .filter(|part| !part.trim().is_empty())
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    let whole = if joined.is_empty() {
        span.to_string()
    } else {
        joined
    };
    if paren {
        whole.replacen(')', "", 1)
    } else {
        whole
    }
}

/// Legal drafting writes a number twice: "ninety (90) days", "three (3)
/// sessions". The words are blanked where the figure agrees with them, so
/// "90 days" is read once and every span keeps its place in `text`. `None`
/// when there is nothing to blank.
pub(super) fn legal_numerals_as_figures(text: &str) -> Option<String> {
    static LEGAL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\b([A-Za-z]+(?:[- ][A-Za-z]+){0,3}) \((\d{1,4})\)")
            .expect("legal numeral pattern compiles")
    });
    if !text.contains('(') {
        return None;
    }
    let mut out: Option<String> = None;
    for c in LEGAL.captures_iter(text) {
        let (words, figure) = (c.get(1)?, &c[2]);
        let value: f64 = figure.parse().ok()?;
        // The words that are the number: the longest tail of the group
        // ("within ninety" -> "ninety").
        if let Some((at, _)) = number_tail(words.as_str(), |_, n| n == value) {
            let start = words.start() + at;
            let end = c.get(0)?.end();
            let out = out.get_or_insert_with(|| text.to_string());
            let padded = format!("{figure:>width$}", width = end - start);
            out.replace_range(start..end, &padded);
        }
    }
    // Figure first: "12 (twelve) weeks", "4 (four) sessions": the words in
    // brackets are blanked where they name the figure.
    static FIGURE_FIRST: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\b\d{1,4} (\([A-Za-z]+(?:[- ][A-Za-z]+){0,3}\))")
            .expect("figure-first legal numeral pattern compiles")
    });
    for c in FIGURE_FIRST.captures_iter(text) {
        let whole = c.get(0)?;
        let figure = whole.as_str().split(' ').next()?;
        let value: f64 = figure.parse().ok()?;
        let words = c.get(1)?;
        let inner = &words.as_str()[1..words.as_str().len() - 1];
        if number_tail(inner, |_, n| n == value).is_some_and(|(at, _)| at == 0) {
            let out = out.get_or_insert_with(|| text.to_string());
            out.replace_range(words.range(), &" ".repeat(words.len()));
        }
    }
    out
}
