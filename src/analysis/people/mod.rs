//! Who is who: the people a bundle names, which side of the deal each is on, and
//! who is speaking in a statement. A customer's wish is not a sales commitment, so
//! every extractor asks this module whose voice a statement carries.

mod index;
mod marks;
mod patterns;
mod roles;
mod scan;
mod sides;
#[cfg(test)]
mod tests;
mod titles;
mod trie;
mod words;

pub use roles::name_beside_role;
pub use sides::{default_voice, is_label, is_public_mail};
mod appositions;
mod columns;
mod orgs;
mod talk;

use titles::looks_like_title;
use words::strip_honorific;

use super::model::{Evidence, Side};
use crate::bundle::Bundle;
use crate::rules::Rules;
use crate::text::folded_lowercase;
use foldhash::HashMap;

/// A person named in the bundle.
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub title: Option<String>,
    pub role: Option<String>,
    pub side: Option<Side>,
    /// Organisation words written with the person ("Kestrel" in "(Kestrel, CFO)").
    pub org: Option<String>,
    /// An organisation standing for its side ("Kestrel will go with..."), not a person.
    pub is_org: bool,
    /// The domain of the person's e-mail address, when the text gives one.
    pub domain: Option<String>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Default)]
pub struct People {
    pub persons: Vec<Person>,
    /// Lower-case full names, unique first names, legend initials and chat handles.
    keys: HashMap<String, usize>,
    /// The lower-case keys usable inside running text (full and unique first
    /// names), for [`People::mentions`].
    names: trie::NameTrie,
    /// Speakers no record places, placed by what the talk says (`talk.rs`).
    talk_sides: HashMap<String, Side>,
    /// The rule book's extra title words (`[people] title_words`), read
    /// beside the built-in core by [`People::is_title`].
    title_words: Option<crate::rules::Lexicon>,
    /// The first word of the customer's account name, folded and
    /// lower-cased ("karnaphuli"): an organisation written after a title
    /// that starts with it is the customer.
    account_word: Option<String>,
    /// Company words the bundle ties to a side ("medibill" -> seller), for
    /// speakers labelled with their company (`orgs.rs`).
    org_sides: HashMap<String, Side>,
}

impl People {
    /// Collect people from the CRM record and every evidence file.
    pub fn collect(bundle: &Bundle, rules: &Rules) -> People {
        let mut people = People {
            title_words: Some(rules.people.title_words.clone()),
            account_word: bundle
                .deal
                .account
                .as_deref()
                .and_then(|a| a.split_whitespace().next())
                .map(folded_lowercase)
                .filter(|w| w.len() > 2),
            ..People::default()
        };
        let deal = &bundle.deal;
        for (name, role) in [(&deal.ae, "ae"), (&deal.csm, "csm")] {
            if let Some(name) = name {
                let i = people.add(name, None, Evidence::crm(0));
                people.persons[i].side = Some(Side::Seller);
                people.persons[i].role = Some(role.into());
            }
        }
        people.add_record_sellers(bundle, rules);
        for s in &deal.stakeholders {
            let i = people.add(&s.name, s.title.as_deref(), Evidence::crm(s.line));
            let p = &mut people.persons[i];
            p.side = Some(Side::Customer);
            p.role = s.role.clone().or(p.role.take());
            // The stakeholder's address says which domain is the customer's.
            if let Some((_, domain)) = s.email.as_deref().and_then(|e| e.rsplit_once('@')) {
                p.domain = Some(domain.trim().to_lowercase());
            }
        }
        for file in &bundle.files {
            let path: std::sync::Arc<str> = file.path.as_str().into();
            people.scan_source(&path, file);
            people.scan_appositions(&path, file);
            people.scan_signature_columns(&path, file);
        }
        people.assign_sides(bundle, rules);
        people.add_organisations(bundle);
        people.index_first_names();
        people
    }

    pub(super) fn add(&mut self, name: &str, title: Option<&str>, at: Evidence) -> usize {
        let name = strip_honorific(name.trim());
        // "Executive Director. I joined ...": a title ends with its sentence.
        let title = title
            .map(|t| until_sentence_end(t).trim())
            .filter(|t| !t.is_empty());
        // Most calls name someone already known (each line of a transcript
        // names its speaker): look them up without allocating a key.
        if let Some(i) = with_lowercase(name, |key| self.keys.get(key).copied()) {
            let p = &mut self.persons[i];
            if p.title.is_none() {
                p.title = title.map(str::to_string);
            }
            // Lines are scanned in order, so a line already cited is the last
            // one; only the CRM record's lines come out of order.
            let cited = p.evidence.last() == Some(&at)
                || (&*at.file == "deal.toml" && p.evidence.contains(&at));
            if !cited && at.line > 0 {
                p.evidence.push(at);
            }
            return i;
        }
        let key = name.to_lowercase();
        // "Lucia Rodriguez" in the AE's notes is the "Lucía Rodríguez" of the
        // e-mail headers: one person, whom both spellings find.
        let folded = folded_lowercase(&key);
        if let Some(i) = self
            .persons
            .iter()
            .position(|p| !p.is_org && folded_lowercase(&p.name) == folded)
        {
            self.keys.insert(key, i);
            return self.add(&self.persons[i].name.clone(), title, at);
        }
        // A name not seen before: the first-name merge below runs once per
        // new name, not once per mention.
        // "Erik" and "Erik Halvorsen" are one person, whichever comes first.
        let first = key.split(' ').next().unwrap_or("").to_string();
        let same_first = |p: &Person| {
            !p.is_org && p.name.to_lowercase().split(' ').next() == Some(first.as_str())
        };
        if !key.contains(' ')
            && let Some(i) = self
                .persons
                .iter()
                .position(|p| same_first(p) && p.name.contains(' '))
        {
            return self.add(&self.persons[i].name.clone(), title, at);
        }
        if key.contains(' ')
            && let Some(i) = self
                .persons
                .iter()
                .position(|p| same_first(p) && !p.name.contains(' '))
        {
            self.keys.remove(&self.persons[i].name.to_lowercase());
            self.persons[i].name = name.to_string();
            self.keys.insert(key.clone(), i);
            return self.add(name, title, at);
        }
        // "Marcus O" and "Marcus Oyelaran" are one person.
        if let Some(i) = self.abbreviated_match(name) {
            return i;
        }
        let i = self.persons.len();
        self.persons.push(Person {
            name: name.to_string(),
            title: title.map(str::to_string),
            role: None,
            side: None,
            org: None,
            is_org: false,
            domain: None,
            evidence: if at.line > 0 { vec![at] } else { Vec::new() },
        });
        self.keys.insert(key, i);
        i
    }

    fn abbreviated_match(&self, name: &str) -> Option<usize> {
        let mut parts = name.split(' ');
        let first = parts.next()?;
        let rest: Vec<&str> = parts.collect();
        self.persons.iter().position(|p| {
            let mut pp = p.name.split(' ');
            let pfirst = pp.next().unwrap_or("");
            let prest: Vec<&str> = pp.collect();
            pfirst == first
                && rest.len() == 1
                && prest.len() == 1
                && (rest[0].trim_end_matches('.').len() == 1 || prest[0].len() == 1)
                && prest[0].starts_with(rest[0].trim_end_matches('.'))
        })
    }

    /// Whether `text` holds a job title: the built-in core or a word of the
    /// rule book's `title_words` ("Direktor logistike", "shift leader").
    pub(super) fn is_title(&self, text: &str) -> bool {
        looks_like_title(text) || self.title_words.as_ref().is_some_and(|l| l.is_match(text))
    }

    pub fn customers(&self) -> impl Iterator<Item = &Person> {
        self.persons
            .iter()
            .filter(|p| p.side == Some(Side::Customer) && !p.is_org)
    }
}

impl Evidence {
    pub(crate) fn crm(line: u32) -> Evidence {
        Evidence {
            file: "deal.toml".into(),
            line,
        }
    }
}

/// `name` lower-cased, as `str::to_lowercase` does it, passed to `f`: on the
/// stack for a short ASCII name (where lower-casing is byte by byte).
fn with_lowercase<R>(name: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    match buf.get_mut(..name.len()) {
        Some(key) if name.is_ascii() => {
            key.copy_from_slice(name.as_bytes());
            key.make_ascii_lowercase();
            f(std::str::from_utf8(key).expect("ASCII is UTF-8"))
        }
        _ => f(&name.to_lowercase()),
    }
}

/// `text` up to its first ". ", as `text.split(". ").next()` gives it, without
/// setting up a substring search for a title a few words long.
fn until_sentence_end(text: &str) -> &str {
    match text.as_bytes().windows(2).position(|w| w == b". ") {
        Some(end) => &text[..end],
        None => text,
    }
}
