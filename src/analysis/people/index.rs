//! Finding people by name: the keys a speaker label or a chat handle resolves
//! through, and the names a statement mentions.

use super::trie::NameTrie;
use super::{People, Person};
use foldhash::HashMap;

impl People {
    pub(super) fn index_first_names(&mut self) {
        let mut firsts: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, p) in self.persons.iter().enumerate().filter(|(_, p)| !p.is_org) {
            if let Some(first) = p.name.split(' ').next() {
                firsts.entry(first.to_lowercase()).or_default().push(i);
            }
        }
        for (first, ids) in firsts {
            if ids.len() == 1 && first.len() > 1 {
                self.keys.entry(first.clone()).or_insert(ids[0]);
            }
        }
        self.names = NameTrie::new(self.text_keys());
    }

    /// The keys that name someone inside running text.
    pub(super) fn text_keys(&self) -> impl Iterator<Item = (&str, usize)> {
        self.keys
            .iter()
            .filter(|(k, _)| k.len() > 2 && k.chars().next().is_some_and(|c| c.is_alphabetic()))
            .filter(|&(k, &i)| {
                // Legend initials ("po", "kd") only name speakers, not text.
                k.contains(' ') || self.persons[i].name.to_lowercase().starts_with(k.as_str())
            })
            .map(|(k, &i)| (k.as_str(), i))
    }

    /// Resolve a speaker label, a name or a chat handle ("owen.marsh") to a person.
    pub fn find(&self, label: &str) -> Option<&Person> {
        // "Dr. Ana Weiss" is the Ana Weiss the people were keyed by.
        let key = super::words::strip_honorific(label.trim()).to_lowercase();
        let key = key.replace(['.', '_'], " ");
        // "Hemi Walker Kauri", a chat contact saved with its company: the
        // longest run of the label's first words that names someone.
        let words: Vec<&str> = key.split_whitespace().collect();
        (1..=words.len())
            .rev()
            .find_map(|n| self.keys.get(&words[..n].join(" ")))
            .or_else(|| self.keys.get(key.trim()))
            .map(|&i| &self.persons[i])
    }

    /// People named in `text` (lower-cased), as (start, end, person), in order.
    /// A name is a whole word or words; where names overlap, the first to
    /// start wins, and of those starting together the longest ("marcus lee"
    /// over "marcus").
    pub fn mentions(&self, lower: &str) -> Vec<(usize, usize, &Person)> {
        self.mentions_before(lower, lower.len())
    }

    /// The [`Self::mentions`] of `lower` that start before `limit`: the walk
    /// stops there, since what it finds before a point never depends on the
    /// text's words after that point (a name reaching past it is still read
    /// whole).
    pub fn mentions_before(&self, lower: &str, limit: usize) -> Vec<(usize, usize, &Person)> {
        let bytes = lower.as_bytes();
        let ends_word = |at: usize| {
            !lower[at..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        };
        let mut out: Vec<(usize, usize, &Person)> = Vec::new();
        let mut after_word = false;
        let mut free_from = 0;
        let mut at = 0;
        while let Some(&byte) = bytes.get(at).filter(|_| at < limit) {
            let start = at;
            let word = if byte.is_ascii() {
                at += 1;
                ASCII_WORD[usize::from(byte)]
            } else {
                let c = lower[at..].chars().next().unwrap_or_default();
                at += c.len_utf8();
                c.is_alphanumeric()
            };
            if word
                && !after_word
                && start >= free_from
                && let Some((end, person)) = self.names.longest_at(lower, start, ends_word)
            {
                out.push((start, end, &self.persons[person]));
                free_from = end;
            }
            after_word = word;
        }
        out
    }
}

/// Which ASCII bytes are alphanumeric: a look-up for each byte of a statement.
static ASCII_WORD: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::People;
    use crate::bundle::FileRole;

    /// Cut short anywhere, the walk finds the mentions the whole walk finds
    /// before the cut, names running past the cut included.
    #[test]
    fn mentions_before_a_point_are_those_of_the_whole_text() {
        let mut people = People::default();
        let legend = "Ana Ng (CFO), Anabel Li (CFO), Marcus Lee (AE), Marcus (SE), \
            Zoë Ås (CFO), Émile Zola (CFO), Ana-Maria Ng (CFO)";
        people.scan_file(&"notes/call.md".into(), legend, FileRole::Notes);
        people.index_first_names();
        let mut compared = 0;
        for lower in [
            "marcus lee said ana ng and anabel would join",
            "told marcus; zoë ås and émile zola, with ana-maria ng",
            "marcuslee anabelli ana ngx — marcus lee's team",
            "",
            "émile",
        ] {
            let named = |m: Vec<(usize, usize, &super::Person)>| -> Vec<(usize, usize, String)> {
                m.into_iter()
                    .map(|(s, e, p)| (s, e, p.name.clone()))
                    .collect()
            };
            let all = named(people.mentions(lower));
            compared += all.len();
            for (limit, _) in lower.char_indices().chain([(lower.len(), ' ')]) {
                let before: Vec<_> = all.iter().filter(|m| m.0 < limit).cloned().collect();
                let got = named(people.mentions_before(lower, limit));
                assert_eq!(got, before, "{lower:?} {limit}");
            }
        }
        assert!(compared >= 8, "{compared}");
    }
}
