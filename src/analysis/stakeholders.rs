//! Stakeholders: the customer's people from the CRM record and the text, with
//! title, role and who the executive sponsor is.

use super::Reading;
use super::model::{Side, Stakeholder};

pub fn find(r: &Reading) -> Vec<Stakeholder> {
    let sponsors = sponsor_names(r);
    let mut out: Vec<Stakeholder> = r
        .people
        .persons
        .iter()
        .filter(|p| !p.is_org)
        .filter_map(|p| {
            let side = p.side?;
            let top_executive = p
                .title
                .as_deref()
                .is_some_and(|t| r.rules.people.top_executive_titles.is_match(t));
            let role = p.role.clone().or_else(|| {
                (side == Side::Customer && sponsors.contains(&p.name))
                    .then(|| "executive_sponsor".to_string())
            });
            // The CRM's decision maker who is a C-level, VP or owner holds the
            // budget and signs: the rule book's executive sponsor.
            let deciding_executive = side == Side::Customer
                && top_executive
                && role.as_deref() == Some("decision_maker");
            Some(Stakeholder {
                name: p.name.clone(),
                title: p.title.clone(),
                executive_sponsor: role.as_deref() == Some("executive_sponsor")
                    || deciding_executive,
                role,
                side,
                evidence: p.evidence.clone(),
            })
        })
        .collect();
    // Customers first, sponsor on top: the order a CSM reads a stakeholder map in.
    out.sort_by_key(|s| (s.side != Side::Customer, !s.executive_sponsor));
    out
}

/// Customer executives the text names as sponsor, budget owner or signer.
fn sponsor_names(r: &Reading) -> Vec<String> {
    let rules = &r.rules.people;
    let mut out: Vec<String> = Vec::new();
    // One pass over the statements that name a sponsor role, not one per person.
    let statements: Vec<&super::Cited> = r.said.iter().chain(r.scope.iter()).collect();
    for (i, s) in statements.iter().enumerate() {
        // A line under a "Signatures" heading names a signer though it says
        // only "For KDV: Mr Kabelo Masire, Managing Director".
        let under_signatures = s
            .stmt
            .heading()
            .is_some_and(|h| rules.sponsor_cues.is_match(h));
        if !(under_signatures || rules.sponsor_cues.is_match(&s.lower))
            || r.rules.risk.cues.is_match(&s.lower)
        {
            continue;
        }
        let mut named = r.people.mentions(&s.lower);
        // "Alejandro Fernandez, Gerente General. He signs.": a pronoun opening
        // a later sentence of the same line is the person the line named.
        if named.is_empty()
            && s.nth > 0
            && starts_with_pronoun(&s.lower)
            && let Some(before) = i.checked_sub(1).map(|j| statements[j])
            && before.file_index == s.file_index
            && before.stmt.line == s.stmt.line
        {
            named = r.people.mentions(&before.lower);
        }
        for (_, _, p) in named {
            // Under a signatures heading alone, only the executives the rule
            // book names without question: a head of operations who signs
            // the order form is no sponsor by that.
            let titles = if rules.sponsor_cues.is_match(&s.lower) {
                &rules.executive_titles
            } else {
                &rules.top_executive_titles
            };
            let executive = p.title.as_deref().is_some_and(|t| titles.is_match(t));
            if p.side == Some(Side::Customer) && !p.is_org && executive && !out.contains(&p.name) {
                out.push(p.name.clone());
            }
        }
    }
    out
}

/// A sentence that opens with a personal pronoun ("He signs.", "She owns the
/// budget").
fn starts_with_pronoun(lower: &str) -> bool {
    let first = lower.split_whitespace().next().unwrap_or("");
    matches!(first, "he" | "she" | "they" | "he's" | "she's" | "they're")
}
