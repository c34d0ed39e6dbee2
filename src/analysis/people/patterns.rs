//! The patterns that name a person in a line of notes.

use crate::rules::word_regex::WordRegex;
use regex::Regex;
use std::sync::LazyLock;

/// A personal name: capitalised words, with particles ("Pieter de Groot") and
/// accented letters ("Lucía Fernández").
const NAME: &str = r"\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?(?: (?:(?:de|van|von|der|den|da|del|di|du|la|le|dos|das|ter|ten) )*(?:\p{Lu}\.?|\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?)){0,2}";

/// A pattern built on [`NAME`], with room for its lazy DFA (its Unicode
/// classes make many states) and an ASCII-boundary twin for the lines where
/// the two agree.
fn name_regex(pattern: &str) -> Result<WordRegex, regex::Error> {
    WordRegex::build(pattern, |p| {
        regex::RegexBuilder::new(p).dfa_size_limit(16 << 20).build()
    })
}

/// `Name (paren)`: a person with a title, role or organisation.
pub(super) static NAME_PAREN: LazyLock<WordRegex> =
    LazyLock::new(|| name_regex(&format!(r"\b({NAME}) \(([^()]{{1,80}})\)")).unwrap());
/// `Name, Title` where the title is short and capitalised.
pub(super) static NAME_COMMA_TITLE: LazyLock<WordRegex> = LazyLock::new(|| {
    name_regex(&format!(
        r"\b({NAME}), ((?:[A-Z][A-Za-z&/.-]*|of|and|the|for)(?: (?:[A-Z][\p{{L}}&/.-]*|of|and|the|for|de|del|la|des|du|der|für|,)){{0,6}})"
    ))
    .unwrap()
});
/// `TITLE Name` for executive titles written before the name ("COO Ingrid Halvorsen").
pub(super) static TITLE_NAME: LazyLock<WordRegex> = LazyLock::new(|| {
    name_regex(&format!(
        r"\b(C[EFOTIRM]O|CISO|VP [A-Z][a-z]+|General Counsel|Owner|President|Founder|GC),? ({NAME})"
    ))
    .unwrap()
});
/// `Name | Title | Company` e-mail signatures.
pub(super) static SIGNATURE: LazyLock<WordRegex> =
    LazyLock::new(|| name_regex(&format!(r"^\s*({NAME}) \| ([^|]{{2,80}})")).unwrap());
/// `From: Name <addr@domain>` e-mail headers (To/Cc too, several per line).
pub(super) static MAILBOX: LazyLock<WordRegex> =
    LazyLock::new(|| name_regex(&format!(r"({NAME}) <[^@<>\s]+@([^<>\s]+)>")).unwrap());
/// `XY = Full Name (...)` transcript legends.
pub(super) static LEGEND: LazyLock<WordRegex> =
    LazyLock::new(|| name_regex(&format!(r"\b([A-Z]{{2,3}}) = ({NAME})")).unwrap());
/// `Org: Name (...), Name (...)` attendee lines.
pub(super) static ORG_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[-*]?\s*([A-Z][A-Za-z&.' ]{1,40}):\s+\S").unwrap());
