//! What the learned model sees of a promise and one scope line together: how
//! much they share (words, names, systems, deal terms), whether their figures
//! and terms agree or disagree, what kind of line the scope line is
//! (exclusion, list price, remote only ...), and what the checks of
//! [`super::checks`] concluded. Never a word of either side alone: a pair is a
//! conflict by how the two relate, not by what one of them says.

use super::figures::{comparable, disagree};
use super::{Claim, Contradiction, ScopeLine, Support};
use crate::analysis::Reading;

/// The features of a scope line that do not depend on the claim: read once a
/// line, crossed with each claim's category.
pub(super) fn scope_line(r: &Reading, line: &ScopeLine) -> Vec<String> {
    let mut out = Vec::new();
    for (set, name) in [
        (line.excludes, "excludes"),
        (line.no_discount, "no_discount"),
        (line.concession, "concession"),
        (line.enumerates, "enumerates"),
        (line.bills_from_start, "bills_from_start"),
        (line.price_rises, "price_rises"),
        (line.remote_only, "remote_only"),
        (line.onsite, "onsite"),
        (line.from_kickoff, "from_kickoff"),
        (line.mentions_discount, "mentions_discount"),
        (line.any_other.is_some(), "any_other"),
        (!line.quantities.is_empty(), "has_figures"),
    ] {
        if set {
            out.push(name.to_string());
        }
    }
    for (name, _) in r.rules.matching(&line.cited.lower) {
        if name.starts_with("scope.") || name.starts_with("category.") || name.starts_with("facts.")
        {
            out.push(name.to_string());
        }
    }
    out
}

/// The features of a claim and a scope line together.
#[allow(clippy::too_many_arguments)]
pub(super) fn pair(
    claim: &Claim,
    line: &ScopeLine,
    scope_features: &[String],
    overlap: usize,
    support: &Support,
    rule: Option<&Contradiction>,
    rule_best: bool,
) -> Vec<String> {
    let category = claim.category.as_str();
    let shared = match overlap {
        0 => "0",
        1 => "1",
        2 => "2",
        3 | 4 => "3-4",
        _ => "5+",
    };
    let mut out = vec![
        format!("claim:{category}"),
        format!("shared:{shared}"),
        format!("claim:{category}&shared:{shared}"),
    ];
    for f in scope_features {
        out.push(format!("scope:{f}"));
        out.push(format!("claim:{category}&scope:{f}"));
        if overlap >= 2 {
            out.push(format!("shared2+&scope:{f}"));
        }
    }
    if line.name_ids.iter().any(|&id| claim.holds_name(id)) {
        out.push("shared:name".into());
    }
    if claim.terms.iter().any(|t| line.terms.contains(t)) {
        out.push("shared:term".into());
        if line.excludes {
            out.push("shared:term&scope:excludes".into());
        }
    }
    for fact in &claim.facts {
        for other in line.facts.iter().filter(|o| o.topic == fact.topic) {
            let how = if fact.contradicted_by(other) {
                "contradicted"
            } else {
                "same"
            };
            out.push(format!("fact:{how}"));
            out.push(format!("fact:{how}:{:?}", fact.topic));
        }
    }
    for q in &claim.quantities {
        for s in line.quantities.iter().filter(|s| comparable(q, s)) {
            let how = if disagree(q, s) { "differ" } else { "agree" };
            let kind = quantity_kind(q);
            out.push(format!("figure:{how}:{kind}"));
            if overlap >= 2 {
                out.push(format!("figure:{how}:{kind}&shared2+"));
            }
        }
    }
    for (set, name) in [
        (claim.concession, "concession"),
        (claim.waiver, "waiver"),
        (claim.free_period, "free_period"),
        (claim.price_lock, "price_lock"),
        (claim.onsite, "onsite"),
        (claim.timed, "timed"),
    ] {
        if set {
            out.push(format!("claim:{name}"));
            if line.excludes {
                out.push(format!("claim:{name}&scope:excludes"));
            }
        }
    }
    for (set, name) in [
        (support.granted, "granted"),
        (support.concession, "concession"),
        (!support.agreed.is_empty(), "agreed_figure"),
    ] {
        if set {
            out.push(format!("support:{name}"));
        }
    }
    if disagrees(&out) {
        out.push("disagrees".into());
    }
    if let Some(c) = rule {
        out.push("rule:contradicts".into());
        out.push(format!("rule:{}", c.reason));
        if rule_best {
            out.push("rule:best".into());
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Whether a pair shows something that disagrees: the scope excludes,
/// refuses a discount, bills from the start, raises the price or keeps
/// services remote, a figure differs or a deal term is contradicted. A pair
/// with none of these is a promise the scope restates or leaves alone, however
/// many words the two share: the model may add only pairs that disagree.
pub(super) fn disagrees(features: &[String]) -> bool {
    features.iter().any(|f| {
        matches!(
            f.as_str(),
            "scope:excludes"
                | "scope:no_discount"
                | "scope:bills_from_start"
                | "scope:price_rises"
                | "scope:remote_only"
                | "scope:any_other"
                | "fact:contradicted"
        ) || f.starts_with("figure:differ")
    })
}

fn quantity_kind(q: &crate::analysis::quantity::Quantity) -> &'static str {
    use crate::analysis::quantity::Quantity;
    match q {
        Quantity::Duration { .. } => "duration",
        Quantity::Date { .. } => "date",
        Quantity::Money { .. } => "money",
        Quantity::Percent { .. } => "percent",
        Quantity::Count { .. } => "count",
    }
}
