//! Review items: the analysis' findings as things a reviewer decides, with short
//! stable ids (`C1` commitment, `X1` conflict, `R1` risk, `Q1` question, `G1`
//! goal) numbered in the analysis' order, the same order the drafts use.
//!
//! Ids can shift when a bundle changes, so decisions carry over between
//! revisions by [`fingerprint`] (kind + normalised text), never by id.

pub use super::dismiss::Dismissal;
use super::mentions::add_mention;
pub use super::mentions::{Mention, carry_over};
use super::{Role, Signed};
use crate::analysis::{Analysis, Evidence, FlagKind};
use crate::bundle::Bundle;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::LazyLock;

/// A place in the bundle, as stored: `file:line`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Cite {
    pub file: String,
    pub line: u32,
}

impl std::fmt::Display for Cite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

impl From<&Evidence> for Cite {
    fn from(e: &Evidence) -> Self {
        Cite {
            file: e.file.to_string(),
            line: e.line,
        }
    }
}

pub(super) fn cites(evidence: &[Evidence]) -> Vec<Cite> {
    evidence.iter().map(Cite::from).collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Commitment,
    Conflict,
    Risk,
    Question,
    Goal,
}

impl ItemKind {
    pub const ALL: [ItemKind; 5] = [
        ItemKind::Commitment,
        ItemKind::Conflict,
        ItemKind::Risk,
        ItemKind::Question,
        ItemKind::Goal,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Commitment => "commitment",
            ItemKind::Conflict => "conflict",
            ItemKind::Risk => "risk",
            ItemKind::Question => "question",
            ItemKind::Goal => "goal",
        }
    }

    pub fn parse(s: &str) -> Option<ItemKind> {
        ItemKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The letter its ids start with.
    pub fn prefix(self) -> char {
        match self {
            ItemKind::Commitment => 'C',
            ItemKind::Conflict => 'X',
            ItemKind::Risk => 'R',
            ItemKind::Question => 'Q',
            ItemKind::Goal => 'G',
        }
    }
}

/// What a reviewer decides about a commitment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentOutcome {
    Accepted,
    Rejected,
    /// Not decided yet: the AE must answer first.
    SentToAe,
}

/// How a conflict between the notes and the signed scope is settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    ScopeStands,
    /// The notes stand: a change order is needed.
    NotesStand,
    Clarified,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskStatus {
    Open,
    Mitigated,
    Accepted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalKind {
    Buyer,
    User,
}

macro_rules! str_enum {
    ($t:ty { $($v:ident => $s:literal $(| $alias:literal)*),* $(,)? }) => {
        impl $t {
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$v => $s),* }
            }
            /// Parses the stored (`sent_to_ae`) or typed (`send-to-ae`, `accept`) spelling.
            pub fn parse(s: &str) -> Option<Self> {
                let s = s.trim().to_ascii_lowercase().replace('-', "_");
                match s.as_str() { $($s $(| $alias)* => Some(Self::$v),)* _ => None }
            }
        }
    };
}
str_enum!(CommitmentOutcome {
    Accepted => "accepted" | "accept",
    Rejected => "rejected" | "reject",
    SentToAe => "sent_to_ae" | "send_to_ae",
});
str_enum!(Resolution { ScopeStands => "scope_stands", NotesStand => "notes_stand", Clarified => "clarified" });
str_enum!(RiskStatus { Open => "open", Mitigated => "mitigated", Accepted => "accepted" });
str_enum!(GoalKind { Buyer => "buyer", User => "user" });

/// The decision recorded on an item; each kind of item takes its own kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Decision {
    Pending,
    Commitment {
        outcome: CommitmentOutcome,
        note: String,
        by: Signed,
    },
    Conflict {
        resolution: Resolution,
        note: String,
        by: Signed,
    },
    Risk {
        owner: String,
        due: Option<Date>,
        status: RiskStatus,
        by: Signed,
    },
    /// An answer to a question, kept as evidence: who answered and when.
    Answer {
        text: String,
        by: Signed,
    },
    /// A goal's buyer/user kind, as corrected (or confirmed) by a reviewer.
    Goal {
        kind: GoalKind,
        by: Signed,
    },
    /// Set aside by a reviewer: a duplicate of another item (whose decision
    /// then covers it), or no finding at all. It no longer counts for the
    /// gates.
    Dismissed {
        dismissal: Dismissal,
        reason: String,
        by: Signed,
    },
}

impl Decision {
    /// The one word a list shows (and the `items.state` column stores).
    pub fn state(&self) -> &'static str {
        match self {
            Decision::Pending => "pending",
            Decision::Commitment { outcome, .. } => outcome.as_str(),
            Decision::Conflict { resolution, .. } => resolution.as_str(),
            Decision::Risk { status, .. } => status.as_str(),
            Decision::Answer { .. } => "answered",
            Decision::Goal { kind, .. } => kind.as_str(),
            Decision::Dismissed { dismissal, .. } => dismissal.as_str(),
        }
    }

    /// The note, answer text or owner: the free text of the decision.
    pub fn note(&self) -> Option<&str> {
        match self {
            Decision::Commitment { note, .. } | Decision::Conflict { note, .. } => Some(note),
            Decision::Answer { text, .. } => Some(text),
            Decision::Dismissed { reason, .. } => Some(reason),
            _ => None,
        }
    }

    pub fn by(&self) -> Option<&Signed> {
        match self {
            Decision::Pending => None,
            Decision::Commitment { by, .. }
            | Decision::Conflict { by, .. }
            | Decision::Risk { by, .. }
            | Decision::Answer { by, .. }
            | Decision::Goal { by, .. }
            | Decision::Dismissed { by, .. } => Some(by),
        }
    }

    /// The item this one was dismissed as a duplicate of.
    pub fn duplicate_of(&self) -> Option<&str> {
        match self {
            Decision::Dismissed {
                dismissal: Dismissal::Duplicate { of },
                ..
            } => Some(of),
            _ => None,
        }
    }

    /// Rebuild a decision from its stored columns; `None` when they do not fit
    /// the item's kind (a hand-edited workspace), which reads as pending.
    pub fn from_columns(
        kind: ItemKind,
        state: &str,
        note: Option<String>,
        owner: Option<String>,
        due: Option<Date>,
        by: Option<Signed>,
        duplicate_of: Option<String>,
    ) -> Decision {
        let Some(by) = by else {
            return Decision::Pending;
        };
        let note_text = note.unwrap_or_default();
        if let Some(dismissal) = Dismissal::parse(state, kind, duplicate_of) {
            return Decision::Dismissed {
                dismissal,
                reason: note_text,
                by,
            };
        }
        let decided = match kind {
            ItemKind::Commitment => {
                CommitmentOutcome::parse(state).map(|outcome| Decision::Commitment {
                    outcome,
                    note: note_text,
                    by,
                })
            }
            ItemKind::Conflict => Resolution::parse(state).map(|resolution| Decision::Conflict {
                resolution,
                note: note_text,
                by,
            }),
            ItemKind::Risk => RiskStatus::parse(state).map(|status| Decision::Risk {
                owner: owner.unwrap_or_default(),
                due,
                status,
                by,
            }),
            ItemKind::Question => (state == "answered").then_some(Decision::Answer {
                text: note_text,
                by,
            }),
            ItemKind::Goal => GoalKind::parse(state).map(|kind| Decision::Goal { kind, by }),
        };
        decided.unwrap_or(Decision::Pending)
    }
}

/// One thing to review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    pub kind: ItemKind,
    /// Commitment/conflict category; `buyer`/`user` as the analysis classified a goal.
    pub category: Option<String>,
    /// For a question: the conflict id or missing-context name it asks about.
    pub about: Option<String>,
    pub text: String,
    /// Where it is said: every mention's citations, in order.
    pub evidence: Vec<Cite>,
    pub fingerprint: String,
    /// Every mention of the claim, this item's own text first, when the
    /// analysis found it said more than once ([`crate::analysis::claims`]);
    /// empty when it is said once. One decision covers them all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<Mention>,
    pub decision: Decision,
}

impl Item {
    /// Whether a reviewer still has to decide it: a commitment pending or
    /// sent to the AE, an unresolved conflict, an open risk without an owner,
    /// an unanswered question. Goals need no decision, nor does a dismissed
    /// item (a duplicate's decision is the one of the item it duplicates).
    pub fn needs_decision(&self) -> bool {
        match (&self.kind, &self.decision) {
            (ItemKind::Goal, _) | (_, Decision::Dismissed { .. }) => false,
            (_, Decision::Pending) => true,
            (
                ItemKind::Commitment,
                Decision::Commitment {
                    outcome: CommitmentOutcome::SentToAe,
                    ..
                },
            ) => true,
            (ItemKind::Risk, Decision::Risk { owner, status, .. }) => {
                *status == RiskStatus::Open && owner.trim().is_empty()
            }
            _ => false,
        }
    }

    /// A goal's kind: the reviewer's correction, else the analysis' reading.
    pub fn goal_kind(&self) -> Option<GoalKind> {
        match &self.decision {
            Decision::Goal { kind, .. } => Some(*kind),
            _ => self.category.as_deref().and_then(GoalKind::parse),
        }
    }
}

/// Citations (`notes/demo.md:12`) move when lines are added above them; they are
/// not what an item says, so the fingerprint ignores them.
static CITATION: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"[\w./-]+\.(?:md|txt|toml):\d+").expect("valid regex"));

/// Kind + normalised text (lower case, citations dropped, punctuation and
/// spacing folded), hashed: the same statement reads as the same item.
pub fn fingerprint(kind: ItemKind, text: &str) -> String {
    let lower = text.to_lowercase();
    let plain = CITATION.replace_all(&lower, " ");
    let words: Vec<&str> = plain
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let digest = Sha256::digest(format!("{}\n{}", kind.as_str(), words.join(" ")));
    digest[..12].iter().map(|b| format!("{b:02x}")).collect()
}

/// The parts of the drafted brief a handoff keeps beside its items.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BriefSnapshot {
    pub why_they_bought: String,
    pub success_criteria: Vec<Criterion>,
    pub stakeholders: Vec<Person>,
    pub tasks: Vec<TaskLine>,
    /// Missing-context names (`kickoff_date`...).
    pub missing: Vec<String>,
    /// Files of the bundle that were not read, and why (absent from
    /// snapshots stored before there were readers that could refuse a file).
    /// Left out when empty, so the review hash of a brief with every file
    /// read is what it was before, and earlier approvals stay valid.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unread_files: Vec<UnreadFile>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnreadFile {
    pub path: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    /// `first_value`, `goal_measure` or `measurable_goal`.
    pub source: String,
    pub text: String,
    pub date: Option<Date>,
    pub evidence: Vec<Cite>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub title: Option<String>,
    pub role: Option<String>,
    pub executive_sponsor: bool,
    pub evidence: Vec<Cite>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskLine {
    pub id: String,
    pub text: String,
    pub evidence: Vec<Cite>,
    /// What the task is for and the ids it comes from: what the live brief
    /// ([`super::live`]) settles it by. Absent from snapshots stored before
    /// tasks had kinds (such a task reads as drafted), and left out when
    /// absent so their review hash stays what it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<crate::draft::tasks::TaskKind>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub from: Vec<String>,
}

/// The review items and brief snapshot of one analysed bundle. A risk the CRM
/// record already gives an owner starts owned (signed by `deal.toml`).
pub fn from_analysis(
    bundle: &Bundle,
    a: &Analysis,
    now: jiff::Timestamp,
) -> (Vec<Item>, BriefSnapshot) {
    let mut items: Vec<Item> = Vec::new();
    // Numbered as they come, one counter per kind: never by counting the items
    // so far, which made an import quadratic in its items.
    let mut numbered = [0usize; ItemKind::ALL.len()];
    let mut push = |items: &mut Vec<Item>,
                    kind: ItemKind,
                    category: Option<String>,
                    about: Option<String>,
                    text: &str,
                    ev: &[Evidence]| {
        let n = &mut numbered[kind as usize];
        *n += 1;
        let n = *n;
        items.push(Item {
            id: format!("{}{n}", kind.prefix()),
            kind,
            category,
            about,
            text: text.to_string(),
            evidence: cites(ev),
            fingerprint: fingerprint(kind, text),
            mentions: Vec::new(),
            decision: Decision::Pending,
        });
    };
    // One item per claim, numbered as the drafts number claims (a question
    // names its conflict by that id): a flag whose claim already has an
    // item is one more mention of it.
    let leaders = crate::analysis::claims::leaders(a.flags.len(), &a.claims);
    let mut item_of: HashMap<usize, usize> = HashMap::new();
    for (flag_kind, kind) in [
        (FlagKind::Commitment, ItemKind::Commitment),
        (FlagKind::Conflict, ItemKind::Conflict),
        (FlagKind::Risk, ItemKind::Risk),
    ] {
        for (at, f) in a.flags.iter().enumerate() {
            if f.kind != flag_kind {
                continue;
            }
            match item_of.get(&leaders[at]) {
                Some(&i) => add_mention(&mut items[i], &f.text, &f.evidence),
                None => {
                    let category = f.category.map(|c| c.as_str().to_string());
                    push(&mut items, kind, category, None, &f.text, &f.evidence);
                    item_of.insert(at, items.len() - 1);
                }
            }
        }
    }
    for q in &a.drafts.questions {
        push(
            &mut items,
            ItemKind::Question,
            None,
            Some(q.about.clone()),
            &q.text,
            &q.evidence,
        );
    }
    for g in &a.goals {
        push(
            &mut items,
            ItemKind::Goal,
            Some(g.kind.as_str().to_string()),
            None,
            &g.text,
            &g.evidence,
        );
    }
    // The CRM record's risks by line; where an item cites several, the first
    // in the file decides (risks are parsed in file order).
    let mut logged: HashMap<u32, Option<&str>> = HashMap::new();
    for r in &bundle.deal.risks {
        logged.entry(r.line).or_insert(r.owner.as_deref());
    }
    for item in items.iter_mut().filter(|i| i.kind == ItemKind::Risk) {
        let first = item
            .evidence
            .iter()
            .filter(|e| e.file == "deal.toml")
            .filter_map(|e| logged.get(&e.line).map(|owner| (e.line, *owner)))
            .min_by_key(|(line, _)| *line);
        if let Some((_, Some(owner))) = first {
            let owner = owner.to_string();
            item.decision = Decision::Risk {
                owner,
                due: None,
                status: RiskStatus::Open,
                by: Signed {
                    name: "deal.toml".into(),
                    role: None::<Role>,
                    at: now,
                },
            };
        }
    }
    let b = &a.drafts.brief;
    let snapshot = BriefSnapshot {
        why_they_bought: b.why_they_bought.clone(),
        success_criteria: b
            .success_criteria
            .iter()
            .map(|c| Criterion {
                source: c.source.to_string(),
                text: c.text.clone(),
                date: c.date,
                evidence: cites(&c.evidence),
            })
            .collect(),
        stakeholders: b
            .stakeholders
            .iter()
            .map(|p| Person {
                name: p.name.clone(),
                title: p.title.clone(),
                role: p.role.clone(),
                executive_sponsor: p.executive_sponsor,
                evidence: cites(&p.evidence),
            })
            .collect(),
        tasks: a
            .drafts
            .tasks
            .iter()
            .map(|t| TaskLine {
                id: t.id.clone(),
                text: t.text.clone(),
                evidence: cites(&t.evidence),
                kind: Some(t.kind),
                from: t.from.clone(),
            })
            .collect(),
        missing: a.missing.iter().map(|m| m.as_str().to_string()).collect(),
        unread_files: b
            .unread_files
            .iter()
            .map(|u| UnreadFile {
                path: u.path.clone(),
                reason: u.reason.clone(),
            })
            .collect(),
    };
    (items, snapshot)
}

#[cfg(test)]
#[path = "items_tests.rs"]
mod tests;
