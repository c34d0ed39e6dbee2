//! Letters without their accents, for comparing names that people type both
//! ways: "Lucía Rodríguez" in an e-mail header and "Lucia Rodriguez" in the AE's
//! notes are one person, and "Transmarítima" is the company of
//! `transmaritima.com.uy` (domains are ASCII).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `text` lower-cased with its combining marks dropped (canonical
/// decomposition first, so "í" becomes "i").
pub fn folded_lowercase(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::folded_lowercase;

    #[test]
    fn accents_and_case_fold_away() {
        assert_eq!(folded_lowercase("Lucía Rodríguez"), "lucia rodriguez");
        assert_eq!(folded_lowercase("Transmarítima"), "transmaritima");
        assert_eq!(folded_lowercase("Øresund Ærø"), "øresund ærø");
        assert_eq!(folded_lowercase("Nguyễn Thị Hằng"), "nguyen thi hang");
    }
}
