//! Drafts a CSM reviews: the handoff brief, the promise and scope checklist,
//! questions for the AE, the kickoff task list and the handoff score. The machine
//! drafts; people approve.
//!
//! Every draft is derived from the findings and the CRM record only, and cites the
//! evidence it rests on, so a reviewer can check each line against the bundle.
//! Ids (`C1`, `X1`, `R1`, `Q1`, `T1`) follow the order of the findings, so the
//! same bundle always gets the same ids and the parts can point at each other.

pub mod brief;
pub mod checklist;
pub mod questions;
pub mod scope;
pub mod score;
mod shared;
mod systems;
pub mod tasks;

use crate::analysis::{Evidence, Flag, FlagKind, Goal, Missing, Side, Stakeholder};
use crate::bundle::Bundle;
use serde::Serialize;

pub use brief::Brief;
pub use checklist::ChecklistItem;
pub use questions::Question;
pub use score::Score;
pub(crate) use shared::Shared;
pub(crate) use systems::{same_system, system_names};
pub use tasks::Task;

/// Everything drafted from one analysis.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Drafts {
    pub brief: Brief,
    pub checklist: Vec<ChecklistItem>,
    pub questions: Vec<Question>,
    pub tasks: Vec<Task>,
    pub score: Score,
}

/// The findings the drafts are built from.
pub struct Findings<'a> {
    /// The rules the analysis ran with (their system names name integrations).
    pub rules: &'a crate::rules::Rules,
    pub flags: &'a [Flag],
    /// The flags that are mentions of one claim: the checklist and the
    /// questions take each claim once.
    pub claims: &'a [crate::analysis::claims::Claim],
    pub goals: &'a [Goal],
    pub missing: &'a [Missing],
    pub stakeholders: &'a [Stakeholder],
}

pub fn draft(bundle: &Bundle, findings: &Findings) -> Drafts {
    // The numbering, conflict sides and system names each draft reads, once.
    let shared = Shared::new(findings);
    let questions = questions::draft_with(bundle, findings, &shared);
    Drafts {
        brief: brief::draft_with(bundle, findings, &shared),
        checklist: checklist::draft_with(&shared),
        tasks: tasks::draft_with(bundle, findings, &shared, &questions),
        questions,
        score: score::draft_with(bundle, findings, &shared),
    }
}

/// A flag with its stable id: `C`ommitments, con`X`licts and `R`isks are each
/// numbered in the order the analysis reports them, one number per claim
/// ([`crate::analysis::claims`]): every mention of a claim has its id.
pub(crate) struct Numbered<'a> {
    pub id: String,
    pub flag: &'a Flag,
    /// Its position in the findings' flags.
    pub at: usize,
}

/// The flags of `kind`, numbered per claim: `leaders` gives, per flag, the
/// position of its claim's first mention (which always comes first).
pub(crate) fn numbered<'a>(
    flags: &'a [Flag],
    kind: FlagKind,
    leaders: &[usize],
) -> Vec<Numbered<'a>> {
    let prefix = match kind {
        FlagKind::Commitment => 'C',
        FlagKind::Conflict => 'X',
        FlagKind::Risk => 'R',
    };
    let mut claims = 0;
    let mut id_of: foldhash::HashMap<usize, String> = foldhash::HashMap::default();
    flags
        .iter()
        .enumerate()
        .filter(|(_, f)| f.kind == kind)
        .map(|(at, flag)| {
            let leader = leaders.get(at).copied().unwrap_or(at);
            let id = id_of
                .entry(leader)
                .or_insert_with(|| {
                    claims += 1;
                    id(prefix, claims)
                })
                .clone();
            Numbered { id, flag, at }
        })
        .collect()
}

/// `C12`, written without the formatting machinery: a large folder numbers
/// thousands of flags and tasks.
pub(crate) fn id(prefix: char, n: usize) -> String {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut out = String::with_capacity(1 + digits.len() - at);
    out.push(prefix);
    out.push_str(std::str::from_utf8(&digits[at..]).expect("ASCII digits"));
    out
}

/// The two sides of a conflict, read back from the flag the analysis built: its
/// evidence lists the notes side first and the scope side last, and its text is
/// `"<summary> The signed scope says: \"<quote>\" (<file:line>)."`.
pub(crate) struct ConflictSides {
    /// The notes' claim, e.g. "Notes say four weeks".
    pub notes_claim: String,
    /// The scope's answer, e.g. "the signed scope says 6 weeks"; empty when the
    /// summary does not split into two halves.
    pub scope_claim: String,
    pub notes: Vec<Evidence>,
    pub scope: Option<Evidence>,
}

impl ConflictSides {
    pub fn of(flag: &Flag) -> Self {
        let summary = flag
            .text
            .split(" The signed scope says: \"")
            .next()
            .unwrap_or(&flag.text)
            .trim()
            .trim_end_matches('.');
        let (notes_claim, scope_claim) = match summary.split_once("; ") {
            Some((a, b)) => (a.trim().to_string(), b.trim().to_string()),
            None => (summary.to_string(), String::new()),
        };
        let (notes, scope) = match flag.evidence.split_last() {
            Some((last, rest)) if !rest.is_empty() => (rest.to_vec(), Some(last.clone())),
            _ => (flag.evidence.clone(), None),
        };
        Self {
            notes_claim,
            scope_claim,
            notes,
            scope,
        }
    }
}

/// `a:1, b:2`: how every draft cites evidence in prose.
pub(crate) fn cites(evidence: &[Evidence]) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for (i, e) in evidence.iter().enumerate() {
        let sep = if i == 0 { "" } else { ", " };
        write!(out, "{sep}{e}").expect("a String takes any write");
    }
    out
}

/// At most `max` characters, cut at a word, so drafts quote without flooding.
pub(crate) fn clip(text: &str, max: usize) -> String {
    let text = text.trim();
    // Where the character past `max` starts, found without copying: every
    // quote of every draft is clipped, most of them ASCII.
    let past = if text.len() <= max {
        None
    } else if text.as_bytes()[..max].is_ascii() {
        Some(max)
    } else {
        text.char_indices().nth(max).map(|(at, _)| at)
    };
    let Some(past) = past else {
        return text.to_string();
    };
    let cut = &text[..past];
    let cut = cut.rsplit_once(' ').map_or(cut, |(head, _)| head);
    format!("{}...", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// A title that can sponsor a purchase: C-level, VP, owner, president, managing
/// or executive director, founder, partner (the roles the annotation guide names).
pub(crate) fn is_executive_title(title: &str) -> bool {
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    let c_level = words
        .iter()
        .any(|w| w.len() == 3 && w.starts_with('c') && w.ends_with('o'));
    c_level
        || [
            "vp",
            "svp",
            "evp",
            "owner",
            "president",
            "founder",
            "cofounder",
            "partner",
            "chief",
        ]
        .iter()
        .any(|w| has(w))
        || lower.contains("vice president")
        || lower.contains("managing director")
        || lower.contains("executive director")
}

/// Customer-side stakeholders with an executive title: sponsor candidates.
pub(crate) fn executive_candidates(stakeholders: &[Stakeholder]) -> Vec<&Stakeholder> {
    stakeholders
        .iter()
        .filter(|s| s.side == Side::Customer && s.title.as_deref().is_some_and(is_executive_title))
        .collect()
}

/// "Maria Chen (VP Operations)".
pub(crate) fn person(s: &Stakeholder) -> String {
    match &s.title {
        Some(title) => format!("{} ({title})", s.name),
        None => s.name.clone(),
    }
}

/// Hand-built findings and bundles for the draft (and report) tests.
#[cfg(test)]
#[path = "tests/support.rs"]
pub(crate) mod test_support;

#[cfg(test)]
#[path = "tests/draft.rs"]
mod tests;
