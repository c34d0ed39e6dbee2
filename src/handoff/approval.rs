//! Sign-off: an approval is bound to a SHA-256 over a canonical serialisation of
//! the brief and the review state it covers, so any later change (a decision, a
//! new revision of the bundle) leaves it covering a hash that is no longer
//! current. The handoff is approved when an AE and a CSM approval cover the
//! current hash.

use super::items::{BriefSnapshot, Cite, ItemKind};
use super::{Actor, Handoff, Role, Team, same_person};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approval {
    pub role: Role,
    pub name: String,
    pub at: Timestamp,
    /// The review hash it covers.
    pub hash: String,
}

/// What the hash covers. Field order is fixed by the struct and there are no
/// maps, so serde_json writes the same bytes for the same state. Who decided
/// and when is left out: re-recording the same decision changes nothing signed.
#[derive(Serialize)]
struct Covered<'a> {
    deal: &'a str,
    content_hash: &'a str,
    brief: &'a BriefSnapshot,
    items: Vec<CoveredItem<'a>>,
    success_confirmed: bool,
    first_value_confirmed: bool,
}

#[derive(Serialize)]
struct CoveredItem<'a> {
    id: &'a str,
    kind: ItemKind,
    text: &'a str,
    evidence: &'a [Cite],
    state: &'static str,
    note: Option<&'a str>,
    owner: Option<&'a str>,
    due: Option<String>,
    /// Left out when empty (an item said once) or none, so a state approved
    /// before claims were grouped keeps its hash.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    mentions: &'a [super::items::Mention],
    #[serde(skip_serializing_if = "Option::is_none")]
    duplicate_of: Option<&'a str>,
}

/// The hex SHA-256 of the brief and review state of `h`.
pub fn review_hash(h: &Handoff) -> String {
    let covered = Covered {
        deal: &h.deal.id,
        content_hash: &h.content_hash,
        brief: &h.brief,
        items: h
            .items
            .iter()
            .map(|i| {
                let (owner, due) = match &i.decision {
                    super::Decision::Risk { owner, due, .. } => {
                        (Some(owner.as_str()), due.map(|d| d.to_string()))
                    }
                    _ => (None, None),
                };
                CoveredItem {
                    id: &i.id,
                    kind: i.kind,
                    text: &i.text,
                    evidence: &i.evidence,
                    state: i.decision.state(),
                    note: i.decision.note(),
                    owner,
                    due,
                    mentions: &i.mentions,
                    duplicate_of: i.decision.duplicate_of(),
                }
            })
            .collect(),
        success_confirmed: h.success_confirmed.is_some(),
        first_value_confirmed: h.first_value_confirmed.is_some(),
    };
    let bytes = serde_json::to_vec(&covered).expect("plain data serialises");
    Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether `actor` may record the `role` approval of `h`: only in their own
/// role; the AE approval from the deal's AE or a `[team]` member with role
/// `ae`, the CSM approval from the deal's CSM or a member with role `csm`;
/// and never both approvals of one state by one person, or the two-person
/// sign-off would be one person's. The one definition of who may sign, for
/// the CLI and the TUI alike; the error says why not.
pub fn may_approve(h: &Handoff, actor: &Actor, team: &Team, role: Role) -> Result<(), String> {
    let who = &actor.name;
    if actor.role != Some(role) {
        let acting = actor
            .role
            .map_or("with no role".to_string(), |r| format!("as {}", r.as_str()));
        return Err(format!(
            "{who} acts {acting}: an approval is recorded only in the approver's own role ({})",
            role.as_str()
        ));
    }
    let (deal_person, field) = match role {
        Role::Ae => (h.deal.ae.as_deref(), "ae"),
        Role::Csm => (h.deal.csm.as_deref(), "csm"),
    };
    let is_deal_person = deal_person.is_some_and(|p| same_person(p, who));
    if !is_deal_person && team.role_of(who) != Some(role) {
        let named = deal_person.map_or_else(
            || format!("the deal names no {field}"),
            |p| format!("the deal's {field} is {p}"),
        );
        return Err(format!(
            "{who} may not approve as {field}: {named}, and {who} is not a [team] member \
             with role \"{field}\" in config.toml"
        ));
    }
    let hash = review_hash(h);
    if let Some(other) = current(h, &hash).find(|a| a.role != role && same_person(&a.name, who)) {
        return Err(format!(
            "{who} already approved this state as {}: one person never holds both approvals",
            other.role.as_str()
        ));
    }
    Ok(())
}

/// The approvals that cover the current state.
pub fn current<'a>(h: &'a Handoff, hash: &'a str) -> impl Iterator<Item = &'a Approval> {
    h.approvals.iter().filter(move |a| a.hash == hash)
}

/// An AE and a CSM approval cover the current hash.
pub fn is_approved(h: &Handoff) -> bool {
    let hash = review_hash(h);
    let has = |role| current(h, &hash).any(|a| a.role == role);
    has(Role::Ae) && has(Role::Csm)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handoff::items::{CommitmentOutcome, Decision};
    use crate::handoff::test_support::{ctx, handoff};

    #[test]
    fn hash_changes_with_review_state_only() {
        let mut h = handoff();
        let before = review_hash(&h);
        assert_eq!(before.len(), 64);
        assert_eq!(before, review_hash(&h.clone()));
        let decided = Decision::Commitment {
            outcome: CommitmentOutcome::Accepted,
            note: "ok".into(),
            by: ctx("Priya", Role::Csm).signed(),
        };
        h.items[0].decision = decided.clone();
        let accepted = review_hash(&h);
        assert_ne!(before, accepted);
        // The same decision by someone else, later: same state, same hash.
        let mut other = ctx("Dana", Role::Ae);
        other.now = "2026-08-01T00:00:00Z".parse().unwrap();
        h.items[0].decision = Decision::Commitment {
            outcome: CommitmentOutcome::Accepted,
            note: "ok".into(),
            by: other.signed(),
        };
        assert_eq!(accepted, review_hash(&h));
        h.content_hash = "changed bundle".into();
        assert_ne!(accepted, review_hash(&h));
    }

    #[test]
    fn approved_needs_both_roles_on_the_current_hash() {
        let mut h = handoff();
        let at = ctx("x", Role::Ae).now;
        let hash = review_hash(&h);
        h.approvals.push(Approval {
            role: Role::Ae,
            name: "Dana".into(),
            at,
            hash: hash.clone(),
        });
        assert!(!is_approved(&h));
        h.approvals.push(Approval {
            role: Role::Csm,
            name: "Priya".into(),
            at,
            hash: "old".into(),
        });
        assert!(!is_approved(&h));
        h.approvals.push(Approval {
            role: Role::Csm,
            name: "Priya".into(),
            at,
            hash,
        });
        assert!(is_approved(&h));
    }
}
