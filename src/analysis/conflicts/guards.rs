//! What an exclusion line seems to name but does not: a common word that
//! shares its spelling with an excluded module, a field of the signature block
//! a heading such as "Exclusions" still covers.

/// Whether `text` writes the scope's name `noun` only as a common word: "shift
/// data" does not name the "Shift Calendar" module the scope excludes. A name
/// found only by its stem says nothing either way, and nor does a text written
/// without capitals ("so i told keisha we'd take care of the migration").
pub(super) fn only_in_lower_case(text: &str, noun: &str) -> bool {
    if !text.chars().skip(1).any(char::is_uppercase) {
        return false;
    }
    let mut seen = false;
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.eq_ignore_ascii_case(noun) {
            if word.starts_with(|c: char| c.is_uppercase()) {
                return false;
            }
            seen = true;
        }
    }
    seen
}

/// A field of a signature block ("Name: Dana Cole", "Title: ..."), which a
/// heading such as "Exclusions" above it may still cover: it names the
/// signers, not an excluded item.
pub(super) fn is_signature_field(text: &str) -> bool {
    const FIELDS: [&str; 6] = ["name:", "title:", "date:", "signature:", "signed", "by:"];
    let head = text.trim_start();
    FIELDS.iter().any(|f| {
        head.get(..f.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(f))
    })
}
