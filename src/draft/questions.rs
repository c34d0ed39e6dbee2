//! Questions for the AE: one per conflict (which side did the customer agree to?)
//! and one per piece of missing context, each phrased for what is missing and
//! citing whatever the bundle does say about it.

use super::checklist::add_new;
use super::{ConflictSides, Findings, Shared, cites, clip, executive_candidates, id, person};
use crate::analysis::{Evidence, GoalKind, Missing, Side};
use crate::bundle::Bundle;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Question {
    /// `Q1`, `Q2`...: conflicts first, then missing context in the analysis' order.
    pub id: String,
    /// The conflict id (`X1`), `unread_file`, or the missing-context name (`kickoff_date`).
    pub about: String,
    pub text: String,
    pub evidence: Vec<Evidence>,
}

/// The conflicts of one claim, gathered for its one question.
struct ConflictClaim<'a> {
    /// The id of its first mention.
    id: &'a str,
    /// Its first mention's sides, whose words the question uses.
    sides: &'a ConflictSides,
    notes: Vec<Evidence>,
    scope: Vec<Evidence>,
    evidence: Vec<Evidence>,
}

pub fn draft(bundle: &Bundle, findings: &Findings) -> Vec<Question> {
    draft_with(bundle, findings, &Shared::new(findings))
}

pub(crate) fn draft_with(bundle: &Bundle, findings: &Findings, shared: &Shared) -> Vec<Question> {
    let mut drafted: Vec<(String, String, Vec<Evidence>)> = Vec::new();
    // One question per conflict claim, citing every mention: the first
    // mention's sides, every notes line and every scope line.
    let mut claims: Vec<ConflictClaim> = Vec::new();
    let mut claim_of: foldhash::HashMap<usize, usize> = foldhash::HashMap::default();
    for (x, sides) in shared.conflicts.iter().zip(&shared.sides) {
        let Some(&i) = claim_of.get(&shared.leader(x.at)) else {
            claim_of.insert(x.at, claims.len());
            claims.push(ConflictClaim {
                id: &x.id,
                sides,
                notes: sides.notes.clone(),
                scope: sides.scope.iter().cloned().collect(),
                evidence: x.flag.evidence.clone(),
            });
            continue;
        };
        let c = &mut claims[i];
        add_new(&mut c.notes, &sides.notes);
        add_new(&mut c.scope, sides.scope.as_slice());
        add_new(&mut c.evidence, &x.flag.evidence);
    }
    for c in claims {
        drafted.push((
            c.id.to_string(),
            conflict_question(c.sides, &c.notes, &c.scope),
            c.evidence,
        ));
    }
    // A file in a format baton reads that could not be read is evidence
    // nobody has seen: ask for a readable copy.
    for l in bundle.unread() {
        if l.format.is_some_and(|f| f != crate::bundle::Format::Toml)
            && !(unread_scope(bundle).is_some_and(|s| s.path == l.path)
                && findings.missing.contains(&Missing::SignedScope))
        {
            drafted.push((
                "unread_file".to_string(),
                format!(
                    "{} could not be read ({}): can you send it in a readable form?",
                    l.path,
                    l.reason.as_deref().unwrap_or("no reason given")
                ),
                Vec::new(),
            ));
        }
    }
    for &m in findings.missing {
        let (text, evidence) = missing_question(m, bundle, findings, shared);
        drafted.push((m.as_str().to_string(), text, evidence));
    }
    drafted
        .into_iter()
        .enumerate()
        .map(|(i, (about, text, evidence))| Question {
            id: id('Q', i + 1),
            about,
            text,
            evidence,
        })
        .collect()
}

/// "Notes say four weeks (notes/demo.md:12), the signed scope says 6 weeks
/// (sow.txt:31): which did the customer agree to?", in the words of the
/// claim's first mention, citing every mention's lines.
fn conflict_question(sides: &ConflictSides, notes: &[Evidence], scope: &[Evidence]) -> String {
    let notes = cites(notes);
    let scope = if scope.is_empty() {
        "no line cited".to_string()
    } else {
        cites(scope)
    };
    if sides.scope_claim.is_empty() {
        format!(
            "{} (notes: {notes}; signed scope: {scope}): which did the customer agree to?",
            sides.notes_claim
        )
    } else {
        format!(
            "{} ({notes}), {} ({scope}): which did the customer agree to?",
            sides.notes_claim, sides.scope_claim
        )
    }
}

/// A signed scope file that is in the bundle but could not be read.
fn unread_scope(bundle: &Bundle) -> Option<&crate::bundle::Listed> {
    bundle
        .unread()
        .find(|l| !l.path.contains('/') && crate::bundle::is_scope_name(&l.path))
}

fn customer_name(bundle: &Bundle) -> &str {
    bundle.deal.account.as_deref().unwrap_or("the customer")
}

/// `"text" (file:line)` for the first few items, so a question shows what the
/// bundle already offers instead of asking from nothing.
fn quoted<'a>(items: impl Iterator<Item = (&'a str, &'a [Evidence])>) -> (String, Vec<Evidence>) {
    let mut parts = Vec::new();
    let mut evidence = Vec::new();
    for (text, ev) in items.take(3) {
        parts.push(format!("\"{}\" ({})", clip(text, 80), cites(ev)));
        evidence.extend_from_slice(ev);
    }
    (parts.join("; "), evidence)
}

fn missing_question(
    m: Missing,
    bundle: &Bundle,
    f: &Findings,
    shared: &Shared,
) -> (String, Vec<Evidence>) {
    let customer = customer_name(bundle);
    let goals = || {
        f.goals
            .iter()
            .map(|g| (g.text.as_str(), g.evidence.as_slice()))
    };
    match m {
        Missing::DealNotes => (
            format!(
                "There are no deal notes in the bundle: can you share the discovery and demo call notes for {customer}, including anything promised on the calls?"
            ),
            vec![],
        ),
        Missing::SignedScope => {
            let promised = shared.commitments.len();
            if let Some(file) = unread_scope(bundle) {
                let why = file.reason.as_deref().unwrap_or("no reason given");
                return (
                    format!(
                        "The signed scope {} could not be read ({why}): can you send a readable copy? {promised} commitment(s) in the notes cannot be checked against it until then.",
                        file.path
                    ),
                    vec![],
                );
            }
            (
                format!(
                    "There is no signed scope (order form or SOW) in the bundle: can you attach the signed version? {promised} commitment(s) in the notes cannot be checked against it until then."
                ),
                vec![],
            )
        }
        Missing::CustomerGoals => (
            format!(
                "What business outcome did {customer} buy this for, and what do the people who will use it need day to day? No goal is stated in the CRM record or the notes."
            ),
            vec![],
        ),
        Missing::SuccessCriteria => {
            let (listed, evidence) = quoted(goals());
            let text = if listed.is_empty() {
                format!(
                    "How will {customer} measure success (a number, a target or a report they will check)? Nothing in the bundle says."
                )
            } else {
                format!(
                    "How will {customer} measure success? The stated goals have no number or measure: {listed}."
                )
            };
            (text, evidence)
        }
        Missing::StakeholderMap => {
            let named: Vec<_> = f
                .stakeholders
                .iter()
                .filter(|s| s.side == Side::Customer)
                .collect();
            let evidence = named.iter().flat_map(|s| s.evidence.clone()).collect();
            let who = if named.is_empty() {
                "no customer person is named".to_string()
            } else {
                format!(
                    "only {} named",
                    named
                        .iter()
                        .map(|s| person(s))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            (
                format!(
                    "Who are the people at {customer} for this rollout (name, title, role: sponsor, champion, admin, users)? So far {who}."
                ),
                evidence,
            )
        }
        Missing::ExecutiveSponsor => {
            let candidates = executive_candidates(f.stakeholders);
            let evidence = candidates.iter().flat_map(|s| s.evidence.clone()).collect();
            let text = if candidates.is_empty() {
                format!(
                    "Who is the executive sponsor at {customer}: who owns the budget and signed? No customer executive is named."
                )
            } else {
                let names: Vec<String> = candidates
                    .iter()
                    .map(|s| format!("{} ({})", person(s), cites(&s.evidence)))
                    .collect();
                format!(
                    "Who is the executive sponsor at {customer}? Executives named: {}. Is one of them the sponsor?",
                    names.join(", ")
                )
            };
            (text, evidence)
        }
        Missing::ImplementationRequirements => (
            format!(
                "What does the implementation need from {customer}: which systems and data, integrations, access or accounts, and any security review?"
            ),
            vec![],
        ),
        Missing::KickoffDate => {
            let due = bundle.deal.first_value.as_ref().and_then(|fv| fv.date);
            let text = match due {
                Some(date) => format!(
                    "When is kickoff with {customer}? No date is agreed, and first value is due {date}."
                ),
                None => format!(
                    "When is kickoff with {customer}, and who from their side attends? No date is agreed in the CRM record or the notes."
                ),
            };
            (text, vec![])
        }
        Missing::FirstValueMilestone => {
            let measurable = f
                .goals
                .iter()
                .filter(|g| g.measurable || g.kind == GoalKind::Buyer);
            let (listed, evidence) =
                quoted(measurable.map(|g| (g.text.as_str(), g.evidence.as_slice())));
            let mut text = "What concrete outcome will the customer reach first, and by what date?"
                .to_string();
            if !listed.is_empty() {
                text.push_str(&format!(" Candidates from the goals: {listed}."));
            }
            (text, evidence)
        }
        Missing::Ae => (
            format!(
                "Who was the account executive for {customer}, to answer for what sales promised?"
            ),
            vec![],
        ),
        Missing::Csm => (
            format!("Which CSM owns {customer} after the handoff?"),
            vec![],
        ),
    }
}

#[cfg(test)]
#[path = "tests/questions.rs"]
mod tests;
