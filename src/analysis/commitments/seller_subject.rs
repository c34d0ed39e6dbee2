//! The seller's side as the subject of a promise ("Quarry will"), found
//! without a regex per bundle.

use super::super::Reading;
use crate::analysis::model::Side;
use crate::rules::SELLER_VERBS;

/// "we will", "Lumenstack will", "Quarry would": the seller's side as the subject
/// of a future or modal verb, with the seller's own organisation names.
///
/// Found as the alternation `(?:org|...)(?:'s team)? (?:will|would|...)` would
/// find it (leftmost match; at one start, the first name in order, the longer
/// form first), without compiling a regex for every bundle: the names are
/// literals, and building the regex cost more than using it.
pub(super) struct SellerSubject {
    /// The names lower-cased, in the order the alternation tries them.
    names: Vec<String>,
    automaton: Option<aho_corasick::AhoCorasick>,
}

impl SellerSubject {
    pub(super) fn new(r: &Reading) -> Self {
        // The seller's organisations and people: "Quarry will", "Elena will run".
        Self::of(
            r.people
                .persons
                .iter()
                .filter(|p| p.side == Some(Side::Seller))
                .flat_map(|p| [p.org.as_deref(), p.name.split(' ').next()])
                .flatten()
                .filter_map(|o| o.split_whitespace().next())
                .filter(|o| o.len() > 2),
        )
    }

    fn of<'n>(names: impl Iterator<Item = &'n str>) -> Self {
        let mut names: Vec<(String, String)> = names
            .map(|o| {
                (
                    regex::escape(o),
                    o.chars().flat_map(char::to_lowercase).collect(),
                )
            })
            .collect();
        // Ordered as the escaped alternation was, which decides ties.
        names.sort();
        names.dedup_by(|a, b| a.0 == b.0);
        let names: Vec<String> = names.into_iter().map(|(_, lower)| lower).collect();
        let automaton = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(&names)
            .ok()
            .filter(|_| !names.is_empty());
        Self { names, automaton }
    }

    /// The first "name ('s team) verb" in `text`, as (start, end, matched text).
    pub(super) fn find<'t>(&self, text: &'t str) -> Option<(usize, usize, &'t str)> {
        let automaton = self.automaton.as_ref()?;
        let lower = crate::rules::lower_in_place(text);
        let mut starts: Vec<usize> = automaton
            .find_overlapping_iter(&*lower)
            .map(|m| m.start())
            .collect();
        starts.sort_unstable();
        starts.dedup();
        starts.into_iter().find_map(|start| {
            let end = self.names.iter().find_map(|name| {
                let rest = lower[start..].strip_prefix(name.as_str())?;
                let with_team = rest.strip_prefix("'s team").and_then(verb_end);
                let at = with_team.or_else(|| verb_end(rest))?;
                Some(lower.len() - at)
            })?;
            Some((start, end, &text[start..end]))
        })
    }
}

/// After " will" (or another of [`SELLER_VERBS`]) at the start of `rest`: how
/// many bytes of `rest` remain.
fn verb_end(rest: &str) -> Option<usize> {
    let rest = rest.strip_prefix(' ')?;
    SELLER_VERBS
        .iter()
        .find_map(|v| rest.strip_prefix(v))
        .map(str::len)
}

#[cfg(test)]
mod tests {
    use super::SellerSubject;
    use crate::rules::Lexicon;

    /// The alternation the matcher stands in for, compiled as a cue list is.
    fn as_regex(names: &[&str]) -> Lexicon {
        let mut escaped: Vec<String> = names.iter().map(|n| regex::escape(n)).collect();
        escaped.sort();
        escaped.dedup();
        Lexicon::single(&format!(
            r"(?:{})(?:'s team)? (?:will|would|is going to|are going to|can)",
            escaped.join("|")
        ))
    }

    #[test]
    fn finds_what_the_alternation_finds() {
        let names = ["Acme", "Acme.io", "Elena", "Ele", "Zoë", "Quarry"];
        let matcher = SellerSubject::of(names.iter().copied());
        let regex = as_regex(&names);
        for text in [
            "acme will send it",
            "acme's team will send it and elena can too",
            "acme's team to decide; acme would",
            "eleanor will go, elena would",
            "ele can't — zoë is going to",
            "acme.io are going to handle it",
            "the acme.io will",
            "quarry will, quarry's team can",
            "Quarry Will Send", // capitals: read lower-cased, as the cue lists read
            "quarrywill",
            "nothing here",
            "",
            "zoë's team can",
            "acmeacme will",
        ] {
            assert_eq!(matcher.find(text), regex.find(text), "{text}");
        }
        assert_eq!(
            SellerSubject::of(std::iter::empty()).find("acme will"),
            None
        );
    }
}
