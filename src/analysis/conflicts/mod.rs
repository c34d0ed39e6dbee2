//! Conflicts: a promise in the notes and a line of the signed scope that cannot
//! both be true. Every commitment is compared with every scope line; the line
//! that contradicts it most directly becomes the other side of the conflict.
//! A promise the scope neither grants nor excludes stays a commitment.
//!
//! The ways to disagree live in [`checks`]: something promised that the scope
//! excludes, a price concession against list price or a fee still charged, a
//! figure (duration, date, count, percentage) that does not match, a service
//! term against the scope's delivery.

mod checks;
mod figures;
mod words;

use super::model::{Category, Flag, FlagKind};
use super::quantity::{Quantity, find_quantities_from};
use super::{Cited, Reading};
use figures::{claim_text, scope_quantities};
use std::collections::BTreeSet;
use words::{clip, content_words};

/// A scope line as the checks read it, computed once.
pub(super) struct ScopeLine<'a> {
    pub cited: &'a Cited,
    /// The line with its heading, lower-cased: "Not included" makes an exclusion.
    pub context: String,
    pub words: BTreeSet<String>,
    pub quantities: Vec<Quantity>,
    /// Names the line mentions ("Muncie", "Isah").
    pub names: Vec<String>,
    pub excludes: bool,
    pub no_discount: bool,
    pub concession: bool,
}

/// A promise from the notes (or the CRM record) with its words and figures.
pub(super) struct Claim<'a> {
    pub text: &'a str,
    pub lower: String,
    pub words: BTreeSet<String>,
    pub quantities: Vec<Quantity>,
    pub category: Category,
}

/// What the whole scope says about a claim, before any one line is compared.
pub(super) struct Support {
    /// A scope line records the same concession ("months 1-2 waived").
    pub concession: bool,
    /// Figures of the claim that some scope line states as well.
    pub agreed: Vec<Quantity>,
}

/// One way a scope line contradicts a claim; the strongest wins.
pub(super) struct Contradiction {
    pub score: f64,
    pub category: Category,
    pub reason: &'static str,
    pub summary: String,
}

pub fn find(r: &Reading, commitments: &[Flag]) -> Vec<Flag> {
    let names = words::names_in(
        r.said
            .iter()
            .chain(r.scope.iter())
            .map(|c| c.stmt.text.as_str()),
    );
    let scope: Vec<ScopeLine> = r
        .scope
        .iter()
        .filter(|c| !is_boilerplate(r, c))
        .map(|c| read_scope_line(r, c, &names))
        .collect();
    if scope.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for flag in commitments {
        let claim = read_claim(r, flag);
        let support = support(&claim, &scope);
        let best = scope
            .iter()
            .filter_map(|line| checks::compare(r, &claim, line, &support).map(|c| (c, line)))
            .max_by(|(a, _), (b, _)| a.score.total_cmp(&b.score));
        let duplicate = |f: &Flag| {
            best.as_ref().is_some_and(|(_, line)| {
                f.evidence.contains(&line.cited.evidence()) && f.evidence[0] == flag.evidence[0]
            })
        };
        if out.iter().any(duplicate) {
            continue;
        }
        if let Some((c, line)) = best {
            let mut evidence = flag.evidence.clone();
            evidence.push(line.cited.evidence());
            out.push(Flag {
                kind: FlagKind::Conflict,
                category: flag.category.or(Some(c.category)),
                text: format!(
                    "{} The signed scope says: \"{}\" ({}).",
                    c.summary,
                    clip(&line.cited.stmt.text, 160),
                    line.cited.evidence()
                ),
                evidence,
                speaker: flag.speaker.clone(),
                cues: vec![c.reason.to_string()],
            });
        }
    }
    out
}

fn is_boilerplate(r: &Reading, c: &Cited) -> bool {
    let heading = c.stmt.heading.as_deref().unwrap_or("").to_lowercase();
    r.rules.scope.boilerplate.is_match(&c.lower) || r.rules.scope.boilerplate.is_match(&heading)
}

fn read_scope_line<'a>(r: &Reading, cited: &'a Cited, names: &BTreeSet<String>) -> ScopeLine<'a> {
    let sx = &r.rules.scope;
    let heading = cited.stmt.heading.as_deref().unwrap_or("").to_lowercase();
    ScopeLine {
        words: content_words(&cited.lower),
        quantities: scope_quantities(&cited.stmt.text, r),
        names: words::proper_nouns(&cited.stmt.text, names),
        excludes: sx.exclusion.is_match(&cited.lower) || sx.exclusion_heading.is_match(&heading),
        no_discount: sx.no_discount.is_match(&cited.lower),
        concession: r.rules.commitment.concession.is_match(&cited.lower),
        context: format!("{heading} {}", cited.lower),
        cited,
    }
}

fn read_claim<'a>(r: &Reading, flag: &'a Flag) -> Claim<'a> {
    let text = claim_text(&flag.text);
    let lower = text.to_lowercase();
    Claim {
        words: content_words(&lower),
        quantities: find_quantities_from(text, r.reference)
            .into_iter()
            .map(|f| f.quantity)
            .collect(),
        category: flag.category.unwrap_or(Category::Scope),
        lower,
        text,
    }
}

fn support(claim: &Claim, scope: &[ScopeLine]) -> Support {
    Support {
        concession: scope
            .iter()
            .any(|line| line.concession && claim.words.intersection(&line.words).count() >= 2),
        // A count stated anywhere in the scope agrees ("the 60 Gdansk endpoints
        // are included"); a duration or date only on the same topic.
        agreed: claim
            .quantities
            .iter()
            .filter(|q| {
                scope.iter().any(|line| {
                    let on_topic = matches!(q, Quantity::Count { .. })
                        || claim.words.intersection(&line.words).count() >= 2;
                    on_topic
                        && line
                            .quantities
                            .iter()
                            .any(|s| figures::comparable(q, s) && q.agrees_with(s) == Some(true))
                })
            })
            .cloned()
            .collect(),
    }
}
