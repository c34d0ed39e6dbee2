//! The signed words of a scope statement. A scope pasted from another tool
//! carries the marks of its making: a redline's tracked changes ("[deleted:
//! 15/03/2027] [inserted: 30/04/2027]") and a PDF-to-text dump's words
//! hyphenated across line ends ("all Services are deliv- ered remotely"). A
//! conflict is with what was signed: the deleted words were not, and a broken
//! word is no word a lexicon knows. The stored text and its lines stay as
//! they are; only the statement's text, as the analysis reads it, is repaired.

use std::sync::LazyLock;

/// The statement's text as signed, or `None` when it needs no repair.
pub fn signed_text(text: &str) -> Option<String> {
    let tracked = without_tracked_changes(text);
    let joined = join_broken_words(tracked.as_deref().unwrap_or(text));
    joined.or(tracked)
}

/// Tracked changes as a redline pasted as text writes them: a deletion's
/// words go, an insertion's stay without its mark. A mark left open (the
/// sentence ended inside it) runs to the end of the statement.
fn without_tracked_changes(text: &str) -> Option<String> {
    static MARK: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\[\s*(deleted|removed|struck|inserted|added)\s*:\s*([^\]]*)(?:\]|$)",
        )
        .expect("tracked change pattern compiles")
    });
    if !MARK.is_match(text) {
        return None;
    }
    let out = MARK.replace_all(text, |c: &regex::Captures| {
        let kind = c[1].to_ascii_lowercase();
        if matches!(kind.as_str(), "inserted" | "added") {
            c[2].to_string()
        } else {
            String::new()
        }
    });
    // The spaces either side of a deletion close up.
    let mut squeezed = String::with_capacity(out.len());
    for word in out.split_whitespace() {
        let glued = word.starts_with([',', ';', '.', ':', ')']);
        if !squeezed.is_empty() && !glued {
            squeezed.push(' ');
        }
        squeezed.push_str(word);
    }
    Some(squeezed)
}

/// "deliv- ered" as "delivered", "Micro- soft" as "Microsoft": a word a line
/// end broke, joined where the hyphen was a hyphenation point; a compound
/// keeps its hyphen ("on- site" is "on-site"), and a hyphen before "and" or
/// "or" is a suspended compound ("pre- and post-go-live"), left alone.
fn join_broken_words(text: &str) -> Option<String> {
    static BROKEN: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(\p{L}+)- (\p{Ll}\p{L}*)").expect("broken word pattern compiles")
    });
    if !BROKEN.is_match(text) {
        return None;
    }
    let out = BROKEN.replace_all(text, |c: &regex::Captures| {
        let (head, tail) = (&c[1], &c[2]);
        if matches!(tail, "and" | "or" | "to" | "nor") {
            return format!("{head}- {tail}");
        }
        let sep = if crate::bundle::readers::keeps_hyphen(head, tail) {
            "-"
        } else {
            ""
        };
        format!("{head}{sep}{tail}")
    });
    Some(out.into_owned())
}

#[cfg(test)]
mod tests {
    use super::signed_text;

    #[test]
    fn a_deletion_goes_and_an_insertion_stays() {
        assert_eq!(
            signed_text("2.2 Launch: [deleted: 1 May 2030] [inserted: 14 June 2030], or later.")
                .as_deref(),
            Some("2.2 Launch: 14 June 2030, or later.")
        );
        // A deletion the sentence splitter cut off runs to the end.
        assert_eq!(
            signed_text("Data stays in [Deleted: Oslo; backups in Bergen").as_deref(),
            Some("Data stays in")
        );
        assert_eq!(signed_text("No marks [here]."), None);
    }

    #[test]
    fn words_broken_at_a_line_end_are_joined() {
        assert_eq!(
            signed_text("all Services are deliv- ered remotely from Micro- soft Azure.").as_deref(),
            Some("all Services are delivered remotely from Microsoft Azure.")
        );
        // A compound keeps its hyphen; a suspended one stays as written.
        assert_eq!(
            signed_text("an on- site visit and pre- and post-launch checks").as_deref(),
            Some("an on-site visit and pre- and post-launch checks")
        );
    }
}
