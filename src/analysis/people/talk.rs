//! Sides told by the talk itself, for the speakers of a call or a chat that no
//! record places. A thin CRM record names the AE and perhaps one contact; the
//! transcript has six voices. What a careful reader goes by:
//! - a speaker who introduces themself as of the customer's company ("I am
//!   owner and CEO of Baltic Parcel") is the customer's;
//! - a colleague introduced by someone whose side is known is on that side
//!   ("Anna is our solution engineer", "my colleague Martin").
//!
//! Not: "a call has two sides, so where every placed speaker is the seller's
//! the rest are the customer's". Tried on the read corpora (styles-9..12), it
//! cost a point of commitment and conflict F1 on styles-12: the seller's own
//! engineers and managers join calls unplaced as often as the customer's staff.
//!
//! The phrases are word families in `assets/rules.toml`
//! (`people.self_introduction`, `people.colleague_introduction`).

use super::People;
use crate::analysis::model::Side;
use crate::bundle::Bundle;
use crate::rules::Rules;
use crate::text::{Statement, StatementKind};
use std::collections::BTreeMap;

/// How far after an introduction the company may be named ("I'm Liis, I run
/// operations here at Baltic Parcel").
const INTRODUCTION_REACH: usize = 80;

impl People {
    /// Place the unplaced speakers of every file's turns; `turns` gives each
    /// statement with the index of its file.
    pub(crate) fn place_speakers<'s>(
        &mut self,
        turns: impl Iterator<Item = (u32, &'s Statement)>,
        scope: &[&str],
        bundle: &Bundle,
        rules: &Rules,
    ) {
        let mut files: BTreeMap<u32, Vec<&Statement>> = BTreeMap::new();
        for (file, stmt) in turns {
            let spoken = stmt.kind == StatementKind::Turn || stmt.speaker().is_some();
            let labelled = stmt
                .speaker()
                .is_some_and(|s| super::is_label(s, &rules.people.labels));
            if spoken && !labelled && stmt.speaker().is_some_and(|s| !s.trim().is_empty()) {
                files.entry(file).or_default().push(stmt);
            }
        }
        self.learn_org_sides(files.values().flatten().copied(), scope, bundle, rules);
        if files.is_empty() {
            return;
        }
        let customer_words = company_words(bundle.deal.account.as_deref());
        let seller_words: Vec<String> = self
            .persons
            .iter()
            .filter(|p| p.side == Some(Side::Seller))
            .filter_map(|p| p.org.as_deref())
            .flat_map(|org| company_words(Some(org)))
            .filter(|w| !customer_words.contains(w))
            .collect();
        for turns in files.values() {
            self.introductions(turns, &customer_words, &seller_words, rules);
        }
        for turns in files.values() {
            self.colleagues(turns, rules);
        }
    }

    /// The side a speaker is placed on, by the record or by the talk.
    fn placed(&self, stmt: &Statement, rules: &Rules) -> Option<Side> {
        self.speaker_side(stmt, rules)
    }

    fn place(&mut self, speaker: &str, side: Side) {
        let key = speaker.trim().to_lowercase();
        if self.find(&key).is_some_and(|p| p.side.is_some()) {
            return;
        }
        self.talk_sides.entry(key).or_insert(side);
    }

    fn introductions(
        &mut self,
        turns: &[&Statement],
        customer_words: &[String],
        seller_words: &[String],
        rules: &Rules,
    ) {
        for stmt in turns {
            if self.placed(stmt, rules).is_some() {
                continue;
            }
            let lower = stmt.text.to_lowercase();
            for (_, end) in rules.people.self_introduction.find_all(lower.as_str()) {
                let reach = until_sentence_end(&lower[end..], INTRODUCTION_REACH);
                let names = |words: &[String]| words.iter().any(|w| employer(reach, w));
                let side = if names(customer_words) {
                    Some(Side::Customer)
                } else if names(seller_words) {
                    Some(Side::Seller)
                } else {
                    None
                };
                if let (Some(side), Some(speaker)) = (side, stmt.speaker()) {
                    self.place(speaker, side);
                    break;
                }
            }
        }
    }

    fn colleagues(&mut self, turns: &[&Statement], rules: &Rules) {
        let mut unplaced: Vec<String> = Vec::new();
        for stmt in turns {
            if self.placed(stmt, rules).is_none()
                && let Some(s) = stmt.speaker()
                && !unplaced.iter().any(|u| u == s)
            {
                unplaced.push(s.to_string());
            }
        }
        if unplaced.is_empty() {
            return;
        }
        let mut found: Vec<(String, Side)> = Vec::new();
        for stmt in turns {
            let Some(side) = self.placed(stmt, rules) else {
                continue;
            };
            let lower = stmt.text.to_lowercase();
            let marks = rules.people.colleague_introduction.find_all(lower.as_str());
            if marks.is_empty() {
                continue;
            }
            for speaker in &unplaced {
                let first = speaker
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_lowercase();
                if first.chars().count() < 2 {
                    continue;
                }
                // The name right before the phrase ("Anna is our ...", "Anna,
                // our ...") or within a few words after it ("our SE Anna").
                let beside = word_spans(&lower, &first).any(|(a, b)| {
                    marks.iter().any(|&(m0, m1)| {
                        (b <= m0 && lower[b..m0].trim().len() <= 1)
                            || (a >= m1 && lower[m1..a].split_whitespace().count() <= 3)
                            || (b <= m0 && pronoun_for(&lower[b..m0], &lower[m0..m1]))
                            || (a >= m1 && lists_side(&lower[m0..m1], &lower[m1..a]))
                    })
                });
                if beside {
                    found.push((speaker.clone(), side));
                }
            }
        }
        for (speaker, side) in found {
            self.place(&speaker, side);
        }
    }
}

/// "Wanda is also on, she's our SE": a mark opening with a pronoun stands
/// for the name before it in the same sentence (`between` runs from the name
/// to the mark), near enough that no one else is likely named between.
fn pronoun_for(between: &str, mark: &str) -> bool {
    const PRONOUNS: [&str; 11] = [
        "she", "he", "elle", "il", "ella", "él", "el", "ela", "ele", "sie", "er",
    ];
    let opens_with_pronoun = mark
        .split(|c: char| !c.is_alphabetic())
        .next()
        .is_some_and(|w| PRONOUNS.contains(&w));
    opens_with_pronoun && between.len() <= 60 && !between.contains(['.', '?', '!', ';'])
}

/// "From our side Aziz is here, our commercial director, Emre from Hostwise,
/// and Kamila": a side or team mark opens a list, and every name after it in
/// the same sentence (`between` runs from the mark to the name) is on it.
fn lists_side(mark: &str, between: &str) -> bool {
    const GROUPS: [&str; 7] = ["side", "team", "end", "lado", "parte", "côté", "seite"];
    GROUPS.iter().any(|g| mark.contains(g))
        && between.len() <= 160
        && !between.contains(['.', '?', '!', ';'])
}

/// The words of a company name that name it in talk: "Baltic Parcel
/// Logistics OÜ" is "baltic", "parcel"; legal forms and short words are not.
fn company_words(name: Option<&str>) -> Vec<String> {
    const FORMS: &[&str] = &[
        "inc", "ltd", "llc", "plc", "gmbh", "ag", "sa", "srl", "bv", "nv", "oy", "oü", "ab", "as",
        "pty", "pte", "sdn", "bhd", "co", "corp", "company", "group", "limited", "the", "and",
        "of",
    ];
    name.unwrap_or("")
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() > 3 && !FORMS.contains(&w.as_str()))
        .take(2)
        .collect()
}

fn until_sentence_end(text: &str, reach: usize) -> &str {
    let mut end = text.len().min(reach);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let cut = &text[..end];
    cut.find(['.', '?', '!']).map_or(cut, |i| &cut[..i])
}

/// `company` named as where the speaker works: right after "of", "from",
/// "at", "with" or "here" ("CEO of Baltic Parcel", "here at Baltic").
fn employer(text: &str, company: &str) -> bool {
    const BEFORE: &[&str] = &[
        "of", "from", "at", "with", "here", "de", "chez", "bei", "dari", "da",
    ];
    word_spans(text, company).any(|(a, _)| {
        let head = text[..a].trim_end();
        let head = head.strip_suffix("the").map_or(head, str::trim_end);
        head.rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| BEFORE.contains(&w))
    })
}

/// Where `word` stands in `text` as a whole word.
fn word_spans<'t>(text: &'t str, word: &'t str) -> impl Iterator<Item = (usize, usize)> + 't {
    text.match_indices(word).filter_map(move |(a, w)| {
        let b = a + w.len();
        let before = text[..a]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = text[b..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        (before && after).then_some((a, b))
    })
}
