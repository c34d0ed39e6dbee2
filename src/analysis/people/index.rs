//! Finding people by name: the keys a speaker label or a chat handle resolves
//! through, and the names a statement mentions.

use super::trie::NameTrie;
use super::{People, Person};
use std::collections::HashMap;

impl People {
    pub(super) fn index_first_names(&mut self) {
        let mut firsts: HashMap<String, Vec<usize>> = HashMap::new();
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
        let key = label.trim().to_lowercase();
        let key = key.replace(['.', '_'], " ");
        self.keys
            .get(key.trim())
            .or_else(|| self.keys.get(key.split(' ').next().unwrap_or("")))
            .map(|&i| &self.persons[i])
    }

    /// People named in `text` (lower-cased), as (start, end, person), in order.
    /// A name is a whole word or words; where names overlap, the first to
    /// start wins, and of those starting together the longest ("marcus lee"
    /// over "marcus").
    pub fn mentions(&self, lower: &str) -> Vec<(usize, usize, &Person)> {
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
        while let Some(&byte) = bytes.get(at) {
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
