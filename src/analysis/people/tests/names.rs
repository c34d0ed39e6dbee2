//! Names in running text, the word lists and the keys against the plain
//! readings they replace.

use super::super::words::{self, is_name, is_not_name};
use super::super::*;
use super::{Lines, corpus};
use crate::bundle::FileRole;

/// [`People::mentions`] as first written: every name found anywhere by an
/// Aho-Corasick automaton, then sorted and filtered.
fn mentions_by_automaton<'a>(people: &'a People, lower: &str) -> Vec<(usize, usize, &'a Person)> {
    let keys: Vec<(&str, usize)> = people.text_keys().collect();
    let Ok(automaton) = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(keys.iter().map(|(k, _)| k))
    else {
        return Vec::new();
    };
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut found: Vec<(usize, usize, usize)> = automaton
        .find_overlapping_iter(lower)
        .filter(|m| {
            !is_word(lower[..m.start()].chars().next_back())
                && !is_word(lower[m.end()..].chars().next())
        })
        .map(|m| (m.start(), m.end(), keys[m.pattern().as_usize()].1))
        .collect();
    found.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
    let mut out: Vec<(usize, usize, &Person)> = Vec::new();
    for (start, end, i) in found {
        if out.last().is_none_or(|&(_, e, _)| start >= e) {
            out.push((start, end, &people.persons[i]));
        }
    }
    out
}

#[test]
fn mentions_are_found_as_an_automaton_finds_them() {
    let lines = corpus();
    let crafted = "Ana (CFO), Ana Ng (CFO), Anabel Li (CFO), Ng Xu (CFO), Marcus Lee (AE), \
        Marcus (SE), Lucía Fernández (CFO), Zoë Ås (CFO), Émile Zola (CFO), Ana-Maria Ng (CFO)";
    let mut random = Lines(11);
    let mut compared = 0;
    for chunk in lines.chunks(256) {
        let text = chunk.join("\n") + "\n" + crafted;
        let mut people = People::default();
        people.scan_file(&"notes/call.md".into(), &text, FileRole::Notes);
        people.index_first_names();
        let keys: Vec<&str> = people.text_keys().map(|(k, _)| k).collect();
        if keys.is_empty() {
            continue;
        }
        let mut texts: Vec<String> = chunk.iter().map(|l| l.to_lowercase()).collect();
        for _ in 0..64 {
            let glue = ["", " ", "  ", "-", "é", ".", ", ", "x", "’", "ana", "1"];
            texts.push(
                (0..1 + random.next() % 8)
                    .map(|_| {
                        let key = keys[(random.next() % keys.len() as u64) as usize];
                        let cut = (random.next() % 4) as usize;
                        // Sometimes a key cut short, on a char boundary.
                        let key = match key.char_indices().rev().nth(cut) {
                            Some((end, _)) if cut > 0 && random.next() % 3 == 0 => &key[..end],
                            _ => key,
                        };
                        key.to_string() + random.pick(&glue)
                    })
                    .collect(),
            );
        }
        for lower in &texts {
            let named = |m: Vec<(usize, usize, &Person)>| -> Vec<(usize, usize, String)> {
                m.into_iter()
                    .map(|(s, e, p)| (s, e, p.name.clone()))
                    .collect()
            };
            let expected = named(mentions_by_automaton(&people, lower));
            compared += expected.len();
            assert_eq!(
                named(people.mentions(lower)),
                expected,
                "{lower:?} with {keys:?}"
            );
        }
    }
    assert!(compared > 1000, "{compared}");
}

#[test]
fn keys_are_lower_cased_as_to_lowercase_does() {
    for name in [
        "Renata Oduya",
        "ÉMILE Zola",
        "ΣΟΦΟΣ",
        "İlkay",
        "a".repeat(64).as_str(),
        "A".repeat(65).as_str(),
        "",
    ] {
        assert_eq!(with_lowercase(name, str::to_string), name.to_lowercase());
    }
}

#[test]
fn word_lists_answer_as_sets_do() {
    use std::collections::HashSet;
    let not_names: HashSet<&str> = words::not_name_words().collect();
    let non_person: HashSet<&str> = words::NON_PERSON_WORDS.iter().copied().collect();
    let plain_is_name = |name: &str| {
        if name.split(' ').any(|w| non_person.contains(w)) {
            return false;
        }
        let first = name.split(' ').next().unwrap_or("");
        !not_names.contains(first)
            && !name
                .split(' ')
                .any(|w| not_names.contains(w) && w.len() > 3)
            && name.len() >= 3
    };
    let mut names: Vec<String> = corpus()
        .iter()
        .flat_map(|line| {
            let words: Vec<&str> = line.split(' ').collect();
            (0..words.len())
                .map(move |i| words[i..(i + 3).min(words.len())].join(" "))
                .collect::<Vec<_>>()
        })
        .collect();
    names.extend(
        words::not_name_words()
            .chain(words::NON_PERSON_WORDS.iter().copied())
            .flat_map(|w| [w.to_string(), format!("Ana {w}"), format!("{w} Ng")]),
    );
    names.extend(["", " ", "Ana  Ng", "Q1 Ng", "Ana Q1", "Ana Platform"].map(String::from));
    for name in &names {
        assert_eq!(is_name(name), plain_is_name(name), "{name:?}");
        assert_eq!(
            is_not_name(name),
            not_names.contains(name.as_str()),
            "{name:?}"
        );
    }
}

/// "Name, Title, Organisation": the organisation after the title places the
/// person when it is the customer's account, though the line opens with a
/// speaker label and the person's mailbox is on an unlike domain.
#[test]
fn an_organisation_after_the_title_places_the_customers_person() {
    let text = "Speaker B: Ana Ruiz, Plant Manager, Zorvane Steel Works Ltd. (ZSW)\n\
                Speaker A: Ivo Marek, Delivery Director, Quillon Systems Ltd.\n";
    let mut people = People {
        account_word: Some("zorvane".into()),
        ..Default::default()
    };
    people.scan_file(&"notes/call.txt".into(), text, FileRole::Notes);
    let org = |name: &str| org_of(&people, name);
    assert_eq!(org("Ana Ruiz").as_deref(), Some("Zorvane Steel Works Ltd"));
    // A vendor's name is not taken: it would speak for the customer.
    assert_ne!(org("Ivo Marek").as_deref(), Some("Quillon Systems Ltd"));
}

/// A parenthesis with a count or a range ("Rooms 1 to 3") is neither a title
/// nor an organisation: the capitalised words before it name no person.
#[test]
fn a_counted_parenthesis_makes_no_person() {
    let mut people = People::default();
    let text = "Venue: Harrow Cellars (Rooms 1 to 3) and Ana Ruiz (Venue Manager).\n";
    people.scan_file(&"notes/venues.md".into(), text, FileRole::Notes);
    let names: Vec<&str> = people.persons.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, vec!["Ana Ruiz"]);
}

#[test]
fn one_honorific_list_serves_every_reader_of_names() {
    // The text, a signature column and "CSM: Name" read the same honorifics.
    for (written, name) in [
        ("Dr. Ilse Marnow", "Ilse Marnow"),
        ("Dr Ilse Marnow", "Ilse Marnow"),
        ("Sra. Paloma Ruiz", "Paloma Ruiz"),
        ("Engr. Tunde Bako", "Tunde Bako"),
        ("Miss Ada Quill", "Ada Quill"),
        ("M. Luc Ferrand", "Luc Ferrand"),
        // A bare "M" is an initial, and a name without honorific stays whole.
        ("M Luc Ferrand", "M Luc Ferrand"),
        ("Mrsna Olev", "Mrsna Olev"),
    ] {
        assert_eq!(words::strip_honorific(written), name, "{written}");
    }
    assert!(words::is_honorific("Prof.") && words::is_honorific("Mx"));
    assert!(!words::is_honorific("M") && !words::is_honorific("Doctor"));
    let at = |line| Evidence {
        file: "n.md".into(),
        line,
    };
    let mut people = People::default();
    people.add("Mme Odile Parant", None, at(1));
    people.add("Odile Parant", Some("COO"), at(2));
    assert_eq!(people.persons.len(), 1, "one person, whichever way written");
    assert_eq!(
        crate::analysis::people::name_beside_role("CSM: Sra. Paloma Ruiz", 0, 3),
        Some("Paloma Ruiz")
    );
}

/// "Participants: A, B (Seller Co); C, D (Customer Co)": the organisation
/// closing a group of names is every one's; a clause between the names
/// makes the text no list.
#[test]
fn an_organisation_closing_a_group_of_names_is_every_ones() {
    let text = "Participants: Odile Parant, Ivo Marek (Quillon); Ana Ruiz, Tomas Brel (Zorvane)\n\
                We met Lena Holt, who runs the depot, Piet Kool (Harbour Co); then lunch.\n\
                Teilnehmer: Ole Harms, Wei Tan, Kai Brink (Extern), Eva Koch (Extern)\n";
    let mut people = People::default();
    people.scan_file(&"notes/call.txt".into(), text, FileRole::Notes);
    let org = |name: &str| org_of(&people, name);
    assert_eq!(org("Odile Parant").as_deref(), Some("Quillon"));
    assert_eq!(org("Ivo Marek").as_deref(), Some("Quillon"));
    assert_eq!(org("Ana Ruiz").as_deref(), Some("Zorvane"));
    assert_eq!(org("Tomas Brel").as_deref(), Some("Zorvane"));
    assert_eq!(org("Piet Kool").as_deref(), Some("Harbour Co"));
    assert_eq!(org("Lena Holt"), None);
    // Without a `;` between groups, a parenthesis marks its own name only.
    assert_eq!(org("Wei Tan"), None);
    assert_eq!(org("Kai Brink").as_deref(), Some("Extern"));
}

/// The organisation read for the person called `name`.
fn org_of(people: &People, name: &str) -> Option<String> {
    people
        .persons
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.org.clone())
}
