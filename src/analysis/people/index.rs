//! Finding people by name: the keys a speaker label or a chat handle resolves
//! through, and the automaton that finds names in running text.

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
        let mut text_keys: Vec<(String, usize)> = self
            .keys
            .iter()
            .filter(|(k, _)| k.len() > 2 && k.chars().next().is_some_and(|c| c.is_alphabetic()))
            .filter(|&(k, &i)| {
                // Legend initials ("po", "kd") only name speakers, not text.
                k.contains(' ') || self.persons[i].name.to_lowercase().starts_with(k.as_str())
            })
            .map(|(k, &i)| (k.clone(), i))
            .collect();
        text_keys.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        // One automaton finds every name in a statement in a single pass.
        // Built for each bundle: an NFA builds in a fraction of a DFA's time
        // and finds the same matches.
        self.automaton = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(text_keys.iter().map(|(k, _)| k))
            .ok();
        self.text_keys = text_keys;
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
    pub fn mentions(&self, lower: &str) -> Vec<(usize, usize, &Person)> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let mut found: Vec<(usize, usize, usize)> = automaton
            .find_overlapping_iter(lower)
            .filter(|m| {
                !is_word(lower[..m.start()].chars().next_back())
                    && !is_word(lower[m.end()..].chars().next())
            })
            .map(|m| (m.start(), m.end(), self.text_keys[m.pattern().as_usize()].1))
            .collect();
        // The longest name at each place wins ("marcus lee" over "marcus").
        found.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
        let mut out: Vec<(usize, usize, &Person)> = Vec::new();
        for (start, end, i) in found {
            if out.last().is_none_or(|&(_, e, _)| start >= e) {
                out.push((start, end, &self.persons[i]));
            }
        }
        out
    }
}
