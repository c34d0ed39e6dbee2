//! What several drafts read from the same findings, worked out once: the
//! flags numbered per claim, the two sides of each conflict and the systems
//! each flag names. Every draft used to number the flags again, the score and the tasks
//! both named the systems of each promise, and a large folder repeats the same
//! promise in note after note.

use super::{ConflictSides, Findings, Numbered, numbered, system_names};
use crate::analysis::FlagKind;
use foldhash::HashMap;

pub(crate) struct Shared<'a> {
    pub commitments: Vec<Numbered<'a>>,
    pub conflicts: Vec<Numbered<'a>>,
    pub risks: Vec<Numbered<'a>>,
    /// The sides of each of `conflicts`, in its order.
    pub sides: Vec<ConflictSides>,
    /// For each flag (by position), where its system names are in `names`;
    /// conflicts have none.
    systems_of: Vec<Option<u32>>,
    /// The system names of each distinct text.
    names: Vec<Vec<String>>,
    /// For each flag (by position), the position of the first mention of
    /// its claim ([`crate::analysis::claims`]).
    leaders: Vec<usize>,
}

impl<'a> Shared<'a> {
    pub fn new(f: &Findings<'a>) -> Self {
        let leaders = crate::analysis::claims::leaders(f.flags.len(), f.claims);
        let conflicts = numbered(f.flags, FlagKind::Conflict, &leaders);
        let sides = conflicts
            .iter()
            .map(|x| ConflictSides::of(x.flag))
            .collect();
        let mut names = Vec::new();
        let mut by_text: HashMap<&str, u32> = HashMap::default();
        let systems_of = f
            .flags
            .iter()
            .map(|flag| {
                (flag.kind != FlagKind::Conflict).then(|| {
                    *by_text.entry(flag.text.as_str()).or_insert_with(|| {
                        names.push(system_names(f.rules, &flag.text));
                        (names.len() - 1) as u32
                    })
                })
            })
            .collect();
        Self {
            commitments: numbered(f.flags, FlagKind::Commitment, &leaders),
            risks: numbered(f.flags, FlagKind::Risk, &leaders),
            conflicts,
            sides,
            systems_of,
            names,
            leaders,
        }
    }

    /// Whether the flag at `at` is the first mention of its claim: what a
    /// draft listing each claim once takes.
    pub fn leads(&self, at: usize) -> bool {
        self.leader(at) == at
    }

    /// The position of the first mention of the claim the flag at `at` is a
    /// mention of (`at` when it stands alone).
    pub fn leader(&self, at: usize) -> usize {
        self.leaders.get(at).copied().unwrap_or(at)
    }

    /// The systems the flag at `at` of the findings names (none for a conflict).
    pub fn systems(&self, at: usize) -> &[String] {
        self.systems_of
            .get(at)
            .copied()
            .flatten()
            .map_or(&[], |i| &self.names[i as usize])
    }
}
