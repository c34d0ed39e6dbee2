//! A person named by the role they hold on the deal's team ("CSM: Karthik
//! Subramanian", "your Customer Success Manager will be Ms Nur Aisyah Binte
//! Rahim", "Wambui Kariuki (CSM)"): the role word beside a name says who holds
//! it even when the name is nowhere else in the bundle, so the scan of people
//! (which wants a title, a speaker or a signature) never saw them.

use super::words::{is_honorific, is_name};

/// Joining words a role and its holder's name are written with ("will be",
/// "is", "wetu", "sera"): at most this many, each short and lower-case.
const MAX_FILLERS: usize = 3;
const MAX_FILLER_LEN: usize = 6;
/// Lower-case particles inside a name ("Nur Aisyah binte Rahim", "van Dijk").
const PARTICLES: [&str; 10] = [
    "bin", "binti", "binte", "de", "da", "van", "von", "al", "del", "la",
];

/// The name beside the role matched at `text[start..end]`: after it
/// ("CSM: Name", "CSM will be Name"), or before it in a parenthesis or an
/// apposition ("Name (CSM)", "Name, our CSM"). Two to five words, capitalised,
/// none of them a heading, calendar or organisation word.
pub fn name_beside_role(text: &str, start: usize, end: usize) -> Option<&str> {
    name_after(&text[end..]).or_else(|| name_before(&text[..start]))
}

fn name_after(rest: &str) -> Option<&str> {
    let mut at = skip_separators(rest);
    let mut fillers = 0;
    loop {
        let word = first_word(&rest[at..]);
        if word.is_empty() {
            return None;
        }
        let lower_filler = word.len() <= MAX_FILLER_LEN
            && word.chars().all(|c| c.is_lowercase() && c.is_alphabetic());
        if is_honorific(word) {
            at += word.len();
        } else if lower_filler && fillers < MAX_FILLERS {
            fillers += 1;
            at += word.len();
        } else {
            break;
        }
        at += rest[at..].len() - rest[at..].trim_start().len();
    }
    let name = capitalised_run(&rest[at..]);
    accept(name)
}

fn name_before(head: &str) -> Option<&str> {
    let head = head.trim_end();
    // "Name (CSM)", "Name - CSM", "Name, CSM", "Name, our CSM".
    let head = head
        .strip_suffix("our")
        .or_else(|| head.strip_suffix("your"))
        .map_or(head, str::trim_end);
    let head = head
        .strip_suffix('(')
        .or_else(|| head.strip_suffix(','))
        .or_else(|| head.strip_suffix(" -"))
        .or_else(|| head.strip_suffix(" –"))?
        .trim_end();
    // The capitalised words that end `head`, at most five.
    let mut begin = head.len();
    for (i, word) in head.rsplit(' ').enumerate() {
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if i >= 5 || !(capital || (i > 0 && PARTICLES.contains(&word))) || word.is_empty() {
            break;
        }
        begin -= word.len() + usize::from(begin < head.len());
    }
    let mut name = &head[begin..];
    // A particle cannot start a name.
    while let Some((first, rest)) = name.split_once(' ') {
        if PARTICLES.contains(&first) || is_honorific(first) {
            name = rest;
        } else {
            break;
        }
    }
    accept(name)
}

/// A name of two to five words, not all capitals ("TBD", "TBC ASAP"), that
/// the people scan's word lists allow.
fn accept(name: &str) -> Option<&str> {
    let words: Vec<&str> = name.split(' ').collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let shouting = words
        .iter()
        .any(|w| w.len() > 1 && w.chars().all(|c| !c.is_lowercase()));
    (capitalised >= 2 && words.len() <= 5 && !shouting && is_name(name)).then_some(name)
}

/// Spaces and the marks that join a label to its value (":", "-", "=", "(").
fn skip_separators(rest: &str) -> usize {
    rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_whitespace() || ":-–—=(".contains(c))
            .len()
}

/// The first space-separated word of `s`, with its trailing punctuation kept
/// (a caller decides what it means).
fn first_word(s: &str) -> &str {
    s.split(char::is_whitespace).next().unwrap_or("")
}

/// The capitalised words (and particles between them) that start `s`, up to
/// the first word that is neither, without trailing punctuation.
fn capitalised_run(s: &str) -> &str {
    let mut end = 0;
    for (i, word) in s.split(' ').enumerate() {
        let clean = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        let capital = clean.chars().next().is_some_and(char::is_uppercase)
            && clean
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'');
        let particle = i > 0 && PARTICLES.contains(&clean);
        if clean.is_empty() || !(capital || particle) || i >= 5 {
            break;
        }
        end = s[..end].len() + if i > 0 { 1 } else { 0 } + clean.len();
        if clean.len() != word.len() {
            // Punctuation after the word ends the name.
            break;
        }
    }
    let name = &s[..end];
    // A trailing particle is no part of a name.
    name.rsplit_once(' ')
        .filter(|(_, last)| PARTICLES.contains(last))
        .map_or(name, |(head, _)| head)
}

#[cfg(test)]
mod tests {
    use super::name_beside_role;

    /// The name beside the first "CSM" or "success manager" of `text`.
    fn named(text: &str) -> Option<&str> {
        let lower = text.to_lowercase();
        let (start, end) = ["customer success manager", "csm"]
            .iter()
            .find_map(|cue| lower.find(cue).map(|i| (i, i + cue.len())))?;
        name_beside_role(text, start, end)
    }

    #[test]
    fn a_name_after_the_role_with_a_label_or_joining_words() {
        assert_eq!(
            named("CSM: Priya Raman. Kickoff 14/07."),
            Some("Priya Raman")
        );
        assert_eq!(
            named(
                "Your Customer Success Manager will be Ms Nur Aisyah binte Rahim, who will call."
            ),
            Some("Nur Aisyah binte Rahim")
        );
        assert_eq!(
            named("Kickoff ni Tuesday, Faith na CSM wetu Otieno Kamau watakuja"),
            Some("Otieno Kamau")
        );
    }

    #[test]
    fn a_name_before_the_role_in_brackets_or_apposition() {
        assert_eq!(
            named("Dana Whitfield (CSM) joins the kickoff."),
            Some("Dana Whitfield")
        );
        assert_eq!(
            named("Looping in Dana Whitfield, our CSM."),
            Some("Dana Whitfield")
        );
    }

    #[test]
    fn no_name_when_the_role_is_unfilled_or_followed_by_other_words() {
        assert_eq!(named("CSM: TBD"), None);
        assert_eq!(named("CSM to be assigned after kickoff."), None);
        assert_eq!(named("The CSM will run the Kickoff Call."), None);
        assert_eq!(named("We have no CSM yet."), None);
        assert_eq!(named("CSM: Priya"), None);
    }
}
