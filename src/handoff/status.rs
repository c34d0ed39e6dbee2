//! The status of a handoff. Most of it follows from the review state (an
//! unresolved conflict pauses, passing gates make it ready, matching approvals
//! approve); returns and kickoff are explicit steps that only commands take.

use super::{Handoff, approval, gates};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    New,
    InReview,
    ReturnedToAe,
    Paused,
    ReadyForSignOff,
    Approved,
    KickedOff,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::New,
        Status::InReview,
        Status::ReturnedToAe,
        Status::Paused,
        Status::ReadyForSignOff,
        Status::Approved,
        Status::KickedOff,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::InReview => "in_review",
            Status::ReturnedToAe => "returned_to_ae",
            Status::Paused => "paused",
            Status::ReadyForSignOff => "ready_for_sign_off",
            Status::Approved => "approved",
            Status::KickedOff => "kicked_off",
        }
    }

    /// The status as a sentence says it ("cannot approve a handoff that is
    /// returned to the AE"); [`Self::as_str`] is the stored, scriptable name.
    pub fn label(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::InReview => "in review",
            Status::ReturnedToAe => "returned to the AE",
            Status::Paused => "paused",
            Status::ReadyForSignOff => "ready for sign-off",
            Status::Approved => "approved",
            Status::KickedOff => "kicked off",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The status after a change, from the status before it and the review state.
/// A return holds until a resubmission (which clears it before calling this);
/// a held kickoff is final.
pub fn derive(previous: Status, h: &Handoff) -> Status {
    match previous {
        Status::KickedOff | Status::ReturnedToAe => return previous,
        _ => {}
    }
    if approval::is_approved(h) {
        return Status::Approved;
    }
    if previous == Status::New && !h.touched() {
        return Status::New;
    }
    let failing = gates::failing(h);
    if failing.iter().any(|g| g.id == "conflicts_resolved") {
        Status::Paused
    } else if failing.is_empty() {
        Status::ReadyForSignOff
    } else {
        Status::InReview
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handoff::items::{CommitmentOutcome, Decision, Resolution, RiskStatus};
    use crate::handoff::test_support::{ctx, handoff};
    use crate::handoff::{Approval, Role, review_hash};

    #[test]
    fn labels_read_as_words_and_tell_statuses_apart() {
        let labels: std::collections::BTreeSet<&str> =
            Status::ALL.iter().map(|s| s.label()).collect();
        assert_eq!(labels.len(), Status::ALL.len());
        assert!(labels.iter().all(|l| !l.contains('_')), "{labels:?}");
        assert_eq!(Status::ReturnedToAe.label(), "returned to the AE");
    }

    #[test]
    fn new_until_touched_then_paused_by_a_conflict() {
        let mut h = handoff();
        assert_eq!(derive(Status::New, &h), Status::New);
        let by = ctx("Priya", Role::Csm).signed();
        h.items[0].decision = Decision::Commitment {
            outcome: CommitmentOutcome::Accepted,
            note: String::new(),
            by: by.clone(),
        };
        assert_eq!(derive(Status::New, &h), Status::Paused);
        h.items[1].decision = Decision::Conflict {
            resolution: Resolution::Clarified,
            note: String::new(),
            by: by.clone(),
        };
        assert_eq!(derive(Status::Paused, &h), Status::InReview);
        h.items[2].decision = Decision::Risk {
            owner: "Dana".into(),
            due: None,
            status: RiskStatus::Open,
            by: by.clone(),
        };
        h.success_confirmed = Some(by.clone());
        h.first_value_confirmed = Some(by.clone());
        assert_eq!(derive(Status::InReview, &h), Status::ReadyForSignOff);
        assert_eq!(derive(Status::ReturnedToAe, &h), Status::ReturnedToAe);
        let hash = review_hash(&h);
        for role in [Role::Ae, Role::Csm] {
            h.approvals.push(Approval {
                role,
                name: "x".into(),
                at: by.at,
                hash: hash.clone(),
            });
        }
        assert_eq!(derive(Status::ReadyForSignOff, &h), Status::Approved);
        assert_eq!(derive(Status::KickedOff, &h), Status::KickedOff);
    }

    #[test]
    fn names_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
    }
}
