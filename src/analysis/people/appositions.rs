//! A title written in lower case as an apposition after a name ("Petra, our
//! finance director, is here", "Represented by: Ana Kos, direktor (CEO)"):
//! speech and transcripts name people this way, and the capitalised title of
//! a signature line ([`NAME_COMMA_TITLE`](super::patterns::NAME_COMMA_TITLE))
//! does not take it.

use super::People;
use super::words::is_name;
use crate::analysis::model::Evidence;
use crate::bundle::SourceFile;
use std::sync::Arc;

/// Words a possessive apposition opens with, in the languages deals are
/// written in: the person is the speaker's colleague, and a lone first name
/// is enough ("Marisol, nuestra directora ejecutiva").
const POSSESSIVES: [&str; 15] = [
    "our", "my", "their", "his", "her", "nuestro", "nuestra", "notre", "nosso", "nossa", "unser",
    "unsere", "mi", "mon", "ma",
];
/// The verbs that introduce someone by their title ("Liis is operations
/// manager", "Inés es jefa de compras").
const COPULAS: [&str; 4] = [" is ", " es ", " est ", " é "];
/// Articles before a possessive ("a nossa", "la nuestra", "the").
const ARTICLES: [&str; 6] = ["a", "o", "la", "el", "le", "the"];
/// At most this many words of title after the comma.
const MAX_TITLE_WORDS: usize = 5;
/// Words that make the words after the comma a clause, not a title ("the
/// manager will call", "who runs the depot").
const CLAUSE_WORDS: [&str; 16] = [
    "is", "are", "was", "were", "will", "would", "has", "have", "had", "can", "could", "said",
    "who", "which", "that", "not",
];

impl People {
    /// Every "Name, [our] title" apposition in a file, cited at its line.
    pub(super) fn scan_appositions(&mut self, path: &Arc<str>, file: &SourceFile) {
        let text = file.readable();
        for (n, line) in text.lines().enumerate() {
            // Most lines hold no ", " followed by a lower-case word and no
            // copula: skip them before any word is read.
            let comma_lower = line
                .as_bytes()
                .windows(3)
                .any(|w| w[0] == b',' && w[1] == b' ' && w[2].is_ascii_lowercase());
            if !comma_lower && !COPULAS.iter().any(|c| line.contains(c)) {
                continue;
            }
            for (name, title) in self.appositions(line) {
                let at = Evidence {
                    file: path.clone(),
                    line: file.stored_line(n as u32 + 1),
                };
                let i = self.add(name, Some(title), at);
                if self.persons[i].title.is_none() {
                    self.persons[i].title = Some(title.to_string());
                }
            }
        }
    }

    /// The (name, title) pairs of one line.
    pub(super) fn appositions<'l>(&self, line: &'l str) -> Vec<(&'l str, &'l str)> {
        let mut out = Vec::new();
        let joins = COPULAS
            .iter()
            .flat_map(|c| line.match_indices(c))
            .chain(line.match_indices(", "));
        for (comma, join) in joins {
            // "Liis is operations manager": a copula introduces a colleague
            // by first name as a possessive does.
            let copula = join != ", ";
            let rest = &line[comma + join.len()..];
            // "a nossa chefe de sinistros": an article may stand before the
            // possessive.
            let after_article = ARTICLES
                .iter()
                .find_map(|a| rest.strip_prefix(a)?.strip_prefix(' '))
                .unwrap_or(rest);
            let Some(first) = after_article.split(' ').next() else {
                continue;
            };
            let possessive = POSSESSIVES.contains(&first);
            let title_text = if possessive {
                after_article[first.len()..].trim_start()
            } else {
                rest
            };
            let Some(title) = title_phrase(title_text, possessive) else {
                continue;
            };
            if !self.is_title(title) {
                continue;
            }
            let Some(name) = name_before(&line[..comma], possessive || copula) else {
                continue;
            };
            out.push((name, title));
        }
        out
    }
}

/// The title phrase `text` starts with: lower-case words (and short
/// acronyms, "IT", "QA"; capitalised words after a possessive) up to a comma, bracket, full stop or the line's
/// end, at most [`MAX_TITLE_WORDS`]. None when it opens with a capitalised
/// word (a signature line's title, read elsewhere) or runs on as a clause.
fn title_phrase(text: &str, possessive: bool) -> Option<&str> {
    let end = text
        .find([',', '(', ')', ';', ':', '.', '!', '?'])
        .unwrap_or(text.len());
    let phrase = text[..end].trim_end();
    // A short gloss in brackets right after the title is part of it:
    // "direktor (CEO)" says which executive a local title names.
    let glossed = text[end..]
        .strip_prefix('(')
        .and_then(|g| g.find(')').filter(|&close| close <= 40))
        .filter(|_| text[..end].ends_with(' '))
        .map(|close| text[..end + close + 2].trim_end());
    let words: Vec<&str> = phrase.split(' ').collect();
    // After a possessive the phrase is a title though capitalised ("a nossa
    // Administradora Delegada"); without one, a capitalised phrase is a
    // signature line's, which the line scan reads.
    let acronym = |w: &str| {
        (w.len() <= 4 && w.chars().all(|c| c.is_uppercase()))
            || (possessive && w.chars().next().is_some_and(char::is_uppercase))
    };
    let opens_lower = words
        .first()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase) || acronym(w));
    let fits = words.iter().all(|w| {
        !w.is_empty()
            && !CLAUSE_WORDS.contains(w)
            && (w.chars().next().is_some_and(char::is_lowercase) || acronym(w))
    });
    (opens_lower && fits && words.len() <= MAX_TITLE_WORDS).then_some(glossed.unwrap_or(phrase))
}

/// The name that ends `head`: its last one to three capitalised words. A lone
/// first name only after a possessive ("Petra, our finance director"), where
/// the apposition itself says a person is meant.
fn name_before(head: &str, lone_allowed: bool) -> Option<&str> {
    let head = head.trim_end();
    let mut begin = head.len();
    let mut words = 0;
    for word in head.rsplit(' ') {
        let capital = word.chars().next().is_some_and(char::is_uppercase)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'');
        if !capital || words == 3 {
            break;
        }
        words += 1;
        begin -= word.len() + usize::from(begin < head.len());
    }
    let name = &head[begin..];
    let enough = words >= 2 || (words == 1 && lone_allowed);
    (enough && is_name(name)).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::People;

    fn people() -> People {
        let rules = crate::rules::Rules::builtin();
        People {
            title_words: Some(rules.people.title_words.clone()),
            ..People::default()
        }
    }

    #[test]
    fn a_lower_case_title_after_a_name_is_the_persons_title() {
        let p = people();
        assert_eq!(
            p.appositions("Signed by: Ivo Marek, direktor (CEO), Brno"),
            vec![("Ivo Marek", "direktor (CEO)")]
        );
        assert_eq!(
            p.appositions(
                "Mira: Oskar, our head of warehousing, joins later, Lina, our IT lead, too."
            ),
            vec![("Oskar", "head of warehousing"), ("Lina", "IT lead")]
        );
        assert_eq!(
            p.appositions("Toomas is warehouse manager, Kai is our developer."),
            vec![("Toomas", "warehouse manager")]
        );
        assert_eq!(
            p.appositions("Lo sabe Inés, nuestra directora ejecutiva, desde enero"),
            vec![("Inés", "directora ejecutiva")]
        );
        assert_eq!(
            p.appositions("Convidei a Rita, a nossa chefe de frota, e a Dra. Ana Lobo, a nossa Diretora Geral."),
            vec![("Rita", "chefe de frota"), ("Ana Lobo", "Diretora Geral")]
        );
    }

    #[test]
    fn no_title_where_the_apposition_is_prose_or_no_person() {
        let p = people();
        // Not a title word, a clause, or a lone word without a possessive.
        assert!(
            p.appositions("Ivo Marek, who runs the depot, called.")
                .is_empty()
        );
        assert!(
            p.appositions("Thanks Ivo, the manager will call.")
                .is_empty()
        );
        assert!(p.appositions("Oskar, head of warehousing").is_empty());
    }
}
