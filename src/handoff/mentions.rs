//! The mentions of one claim as one review item: an item lists every
//! mention the analysis grouped ([`crate::analysis::claims`]), and its
//! decision follows it across re-imports by any mention's content.

use super::items::{Cite, Decision, Item, ItemKind, cites, fingerprint};
use crate::analysis::Evidence;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, VecDeque};

/// One mention of an item's claim: what was said where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub text: String,
    pub evidence: Vec<Cite>,
    pub fingerprint: String,
}

impl Item {
    /// How many times the claim is said (1 for an item said once).
    pub fn mention_count(&self) -> usize {
        self.mentions.len().max(1)
    }

    /// The fingerprints of its content: its own, then its other mentions'.
    /// A decision or an id follows the item when any of them is known.
    pub fn fingerprints(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.fingerprint.as_str()).chain(
            self.mentions
                .iter()
                .map(|m| m.fingerprint.as_str())
                .filter(move |f| *f != self.fingerprint),
        )
    }
}

/// One more mention of `item`'s claim: listed with its text, its citations
/// added to the item's.
pub(super) fn add_mention(item: &mut Item, text: &str, evidence: &[Evidence]) {
    if item.mentions.is_empty() {
        item.mentions.push(Mention {
            text: item.text.clone(),
            evidence: item.evidence.clone(),
            fingerprint: item.fingerprint.clone(),
        });
    }
    let evidence = cites(evidence);
    for c in &evidence {
        if !item.evidence.contains(c) {
            item.evidence.push(c.clone());
        }
    }
    item.mentions.push(Mention {
        text: text.to_string(),
        evidence,
        fingerprint: fingerprint(item.kind, text),
    });
}

/// Carry decisions from the previous revision's items to the new ones: an item
/// any of whose mentions' fingerprints an old one had inherits its decision
/// (each old item is used once), so a claim keeps its decision when a recap
/// joins it or its first mention is reworded. A duplicate whose item is gone
/// (or is now the item itself) is pending again. Returns the ids (new) that
/// inherited one.
pub fn carry_over(old: &[Item], new: &mut [Item]) -> Vec<String> {
    // The decided old items by fingerprint, in order: each new item takes the
    // first one not used yet. One pass over each list, not one over the old
    // items per new item.
    let mut decided: HashMap<&str, VecDeque<usize>> = HashMap::new();
    for (i, o) in old.iter().enumerate() {
        if o.decision != Decision::Pending {
            for f in o.fingerprints() {
                decided.entry(f).or_default().push_back(i);
            }
        }
    }
    let mut used = vec![false; old.len()];
    let mut carried = Vec::new();
    for item in new.iter_mut() {
        let mut found = None;
        for f in item.fingerprints() {
            let Some(queue) = decided.get_mut(f) else {
                continue;
            };
            while let Some(&i) = queue.front() {
                if used[i] {
                    queue.pop_front();
                    continue;
                }
                found = Some(i);
                break;
            }
            if found.is_some() {
                break;
            }
        }
        if let Some(i) = found {
            used[i] = true;
            item.decision = old[i].decision.clone();
            carried.push(item.id.clone());
        }
    }
    let ids: HashMap<&str, ItemKind> = new.iter().map(|i| (i.id.as_str(), i.kind)).collect();
    let dangling: Vec<usize> = new
        .iter()
        .enumerate()
        .filter(|(_, i)| {
            i.decision
                .duplicate_of()
                .is_some_and(|of| of == i.id || ids.get(of) != Some(&i.kind))
        })
        .map(|(n, _)| n)
        .collect();
    for n in dangling {
        new[n].decision = Decision::Pending;
        carried.retain(|id| *id != new[n].id);
    }
    carried
}
