//! Item ids that name one item for the life of a deal. The first import
//! numbers items by kind (C1, C2 … X1 … R1 …); a re-import gives an item the
//! id of the earlier item with the same content (kind and normalised text, its
//! fingerprint), and an item with new content the next number of its kind
//! never issued before. So `baton review DEAL C3` after a re-import decides
//! the commitment C3 named when it was shown, or is refused, saying that C3's
//! content is gone; it never lands on another item.

use super::Result;
use crate::handoff::{Item, ItemKind};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::{HashMap, HashSet};

/// The number of an id of `kind` ("C12" → 12).
fn number(kind: ItemKind, id: &str) -> Option<u32> {
    id.strip_prefix(kind.prefix())?.parse().ok()
}

/// Give each of `items` (a new revision's, numbered afresh) its id: the id
/// issued before for the same content, else the next unused number of its
/// kind. An item groups the mentions of one claim: it takes the id issued
/// for any of its mentions' content (its own first), and the id of the
/// `previous` revision's item that had any of them as a mention, so a claim
/// keeps its id when a mention joins, leaves or comes first. A question's
/// `about` names a conflict by its number in `items`: it follows the
/// conflict to its id. Linear in the items and the ids issued.
pub(super) fn assign(
    conn: &Connection,
    deal: &str,
    items: &mut [Item],
    previous: &[Item],
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, fingerprint FROM item_ids WHERE deal_id = ?1 ORDER BY rowid",
    )?;
    let issued: Vec<(String, String, String)> = stmt
        .query_map([deal], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<std::result::Result<_, _>>()?;
    // Per content, its ids in the order issued (one content may be said
    // twice), then the previous items that had it as a mention.
    let mut by_content: HashMap<(&str, &str), Vec<&str>> = HashMap::new();
    let mut next: HashMap<ItemKind, u32> = HashMap::new();
    for (id, kind, fingerprint) in &issued {
        by_content
            .entry((kind.as_str(), fingerprint.as_str()))
            .or_default()
            .push(id.as_str());
        if let Some(kind) = ItemKind::parse(kind) {
            let n = number(kind, id).unwrap_or(0);
            let top = next.entry(kind).or_insert(1);
            *top = (*top).max(n + 1);
        }
    }
    for old in previous {
        for fingerprint in old.fingerprints().skip(1) {
            by_content
                .entry((old.kind.as_str(), fingerprint))
                .or_default()
                .push(old.id.as_str());
        }
    }
    let mut taken: HashSet<&str> = HashSet::new();
    let mut ids = Vec::with_capacity(items.len());
    for item in items.iter() {
        let known = item.fingerprints().find_map(|f| {
            by_content
                .get(&(item.kind.as_str(), f))?
                .iter()
                .find(|id| !taken.contains(*id))
                .copied()
        });
        let id = match known {
            Some(id) => {
                taken.insert(id);
                id.to_string()
            }
            None => {
                let n = next.entry(item.kind).or_insert(1);
                let id = format!("{}{n}", item.kind.prefix());
                *n += 1;
                id
            }
        };
        ids.push(id);
    }
    let mut renamed: HashMap<String, String> = HashMap::new();
    for (item, id) in items.iter_mut().zip(ids) {
        if item.kind == ItemKind::Conflict {
            renamed.insert(item.id.clone(), id.clone());
        }
        item.id = id;
    }
    for q in items.iter_mut().filter(|i| i.kind == ItemKind::Question) {
        if let Some(id) = q.about.as_ref().and_then(|a| renamed.get(a)) {
            q.about = Some(id.clone());
        }
    }
    Ok(())
}

/// Record that `items` are the deal's items in `revision`.
pub(super) fn register(conn: &Connection, deal: &str, revision: u32, items: &[Item]) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO item_ids (deal_id, id, kind, fingerprint, first_revision, last_revision)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)
         ON CONFLICT (deal_id, id) DO UPDATE SET last_revision = excluded.last_revision",
    )?;
    for item in items {
        stmt.execute(params![
            deal,
            item.id,
            item.kind.as_str(),
            item.fingerprint,
            revision
        ])?;
    }
    Ok(())
}

/// The current item that now has the content item `id` once named as one
/// of its mentions: `id` was a claim of its own and is now grouped with another.
pub(super) fn now_part_of(conn: &Connection, deal: &str, id: &str) -> Result<Option<String>> {
    let content: Option<(String, String)> = conn
        .query_row(
            "SELECT kind, fingerprint FROM item_ids WHERE deal_id = ?1 AND id = ?2",
            [deal, id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((kind, fingerprint)) = content else {
        return Ok(None);
    };
    let items = super::store::load_items(conn, deal)?;
    Ok(items
        .into_iter()
        .find(|i| i.kind.as_str() == kind && i.fingerprints().any(|f| f == fingerprint))
        .map(|i| i.id))
}

/// The last revision that had item `id`, when the deal once had it.
pub(super) fn last_seen(conn: &Connection, deal: &str, id: &str) -> Result<Option<u32>> {
    Ok(conn
        .query_row(
            "SELECT last_revision FROM item_ids WHERE deal_id = ?1 AND id = ?2",
            [deal, id],
            |r| r.get(0),
        )
        .optional()?)
}

#[cfg(test)]
mod tests {
    use crate::handoff::commands::Criteria;
    use crate::handoff::items::{CommitmentOutcome, Resolution};
    use crate::handoff::{Actor, Command, Ctx, ItemKind, Role};
    use crate::rules::Rules;
    use crate::workspace::{Workspace, prepare};
    use std::fs;
    use std::path::Path;

    fn write(dir: &Path, notes: &str) {
        fs::create_dir_all(dir.join("notes")).unwrap();
        fs::write(dir.join("deal.toml"), "id = \"OPP-3\"\nname = \"Acme\"\n").unwrap();
        fs::write(dir.join("notes/call.md"), notes).unwrap();
        fs::write(dir.join("scope.md"), "Implementation: 8 weeks.\n").unwrap();
    }

    fn commitments(ws: &Workspace) -> Vec<(String, String)> {
        ws.handoff("OPP-3")
            .unwrap()
            .items_of(ItemKind::Commitment)
            .map(|i| (i.id.clone(), i.text.clone()))
            .collect()
    }

    #[test]
    fn an_id_names_one_content_across_re_imports_and_a_gone_one_is_refused() {
        let d = tempfile::tempdir().unwrap();
        let src = d.path().join("b");
        let ctx = Ctx::new(
            Actor {
                name: "Priya".into(),
                role: Some(Role::Csm),
            },
            "2026-06-03T09:00:00Z".parse().unwrap(),
        );
        let rules = Rules::builtin();
        let mut ws = Workspace::open(&d.path().join("ws.db")).unwrap();
        let a = "We will waive the setup fee for Acme.";
        let b = "We promised the rollout takes four weeks.";
        let c = "We will include two extra training days at no charge.";
        write(&src, &format!("- {a}\n- {b}\n"));
        ws.import(&prepare(&src, &rules, ctx.now).unwrap(), &ctx)
            .unwrap();
        let first = commitments(&ws);
        assert_eq!(first.len(), 2, "{first:?}");
        let id_of = |list: &[(String, String)], text: &str| {
            list.iter()
                .find(|(_, t)| t.contains(text))
                .map(|(id, _)| id.clone())
                .unwrap()
        };
        let (id_a, id_b) = (id_of(&first, a), id_of(&first, b));
        ws.run(
            &ctx,
            "OPP-3",
            &Command::Review {
                item: id_b.clone(),
                outcome: CommitmentOutcome::Accepted,
                note: "ok".into(),
            },
        )
        .unwrap();
        // Revision 2: the first promise is gone, a new one comes before the second.
        write(&src, &format!("- {c}\n- {b}\n"));
        ws.import(&prepare(&src, &rules, ctx.now).unwrap(), &ctx)
            .unwrap();
        let second = commitments(&ws);
        assert_eq!(id_of(&second, b), id_b, "same content, same id: {second:?}");
        let id_c = id_of(&second, c);
        assert_ne!(id_c, id_a, "a gone item's id is never given to another");
        assert_eq!(id_c, "C3");
        let h = ws.handoff("OPP-3").unwrap();
        assert!(h.item(&id_b).unwrap().decision.by().is_some(), "kept");
        let e = ws
            .run(
                &ctx,
                "OPP-3",
                &Command::Review {
                    item: id_a.to_lowercase(),
                    outcome: CommitmentOutcome::Rejected,
                    note: String::new(),
                },
            )
            .unwrap_err()
            .to_string();
        assert!(
            e.contains(&format!("{id_a} is gone: it was last in revision 1")),
            "{e}"
        );
        // A command naming no item is not affected.
        ws.run(&ctx, "OPP-3", &Command::Confirm(Criteria::Success))
            .unwrap_err();
        // Revision 3: the first promise is back, under its old id.
        write(&src, &format!("- {a}\n- {b}\n- {c}\n"));
        ws.import(&prepare(&src, &rules, ctx.now).unwrap(), &ctx)
            .unwrap();
        let third = commitments(&ws);
        assert_eq!(
            (id_of(&third, a), id_of(&third, b), id_of(&third, c)),
            (id_a, id_b, id_c)
        );
    }

    /// Rev 1: a promise said twice (one claim, one item) against the scope.
    /// Rev 2: a discount comes first and the claim's first mention is gone.
    #[test]
    fn a_claim_keeps_its_id_and_decision_when_its_mentions_change() {
        let d = tempfile::tempdir().unwrap();
        let src = d.path().join("b");
        let ctx = Ctx::new(
            Actor {
                name: "Priya".into(),
                role: Some(Role::Csm),
            },
            "2026-06-03T09:00:00Z".parse().unwrap(),
        );
        let rules = Rules::builtin();
        let mut ws = Workspace::open(&d.path().join("ws.db")).unwrap();
        let said = "We promised the rollout takes four weeks from kickoff.";
        let recap = "Recap: as we promised, the rollout takes four weeks from kickoff.";
        let discount = "We agreed 10% off the subscription for Acme.";
        let scope = "Implementation: 8 weeks from kickoff.\nAll fees are at list price; no discount applies.\n";
        let write = |notes: &str| {
            write(&src, notes);
            fs::write(src.join("scope.md"), scope).unwrap();
        };
        write(&format!("- {said}\n- {recap}\n"));
        ws.import(&prepare(&src, &rules, ctx.now).unwrap(), &ctx)
            .unwrap();
        let h = ws.handoff("OPP-3").unwrap();
        let promise = h.items_of(ItemKind::Commitment).next().unwrap().clone();
        assert_eq!(
            (promise.id.as_str(), promise.mention_count()),
            ("C1", 2),
            "{:?}",
            h.items
        );
        let conflict = h.items_of(ItemKind::Conflict).next().unwrap().clone();
        assert_eq!((conflict.id.as_str(), conflict.mention_count()), ("X1", 2));
        let question = |h: &crate::handoff::Handoff| {
            h.items_of(ItemKind::Question)
                .find(|q| q.about.as_deref().is_some_and(|a| a.starts_with('X')))
                .map(|q| q.about.clone().unwrap())
        };
        assert_eq!(question(&h).as_deref(), Some("X1"));
        for command in [
            Command::Review {
                item: "C1".into(),
                outcome: CommitmentOutcome::Accepted,
                note: "ok".into(),
            },
            Command::Resolve {
                item: "X1".into(),
                resolution: Resolution::ScopeStands,
                note: "scope governs".into(),
            },
        ] {
            ws.run(&ctx, "OPP-3", &command).unwrap();
        }
        write(&format!("- {discount}\n- {recap}\n"));
        ws.import(&prepare(&src, &rules, ctx.now).unwrap(), &ctx)
            .unwrap();
        let h = ws.handoff("OPP-3").unwrap();
        let id_of = |kind: ItemKind, text: &str| {
            h.items_of(kind)
                .find(|i| i.text.contains(text))
                .map(|i| (i.id.clone(), i.decision.state()))
                .unwrap_or_else(|| panic!("{text}: {:?}", h.items))
        };
        assert_eq!(
            id_of(ItemKind::Commitment, recap),
            ("C1".into(), "accepted")
        );
        assert_eq!(
            id_of(ItemKind::Commitment, discount),
            ("C2".into(), "pending")
        );
        assert_eq!(
            id_of(ItemKind::Conflict, "four weeks"),
            ("X1".into(), "scope_stands")
        );
        assert_eq!(id_of(ItemKind::Conflict, "concession").0, "X2");
        // The discount's conflict is drafted first (X1 in the drafts); the
        // question about the timeline still names the timeline's item.
        let about: Vec<(String, String)> = h
            .items_of(ItemKind::Question)
            .filter_map(|q| Some((q.about.clone()?, q.text.clone())))
            .filter(|(a, _)| a.starts_with('X'))
            .collect();
        assert!(
            about
                .iter()
                .any(|(a, t)| a == "X1" && t.contains("four weeks")),
            "{about:?}"
        );
        assert!(
            about
                .iter()
                .any(|(a, t)| a == "X2" && !t.contains("four weeks")),
            "{about:?}"
        );
    }

    /// An id issued to a mention on its own (by a baton that did not group
    /// claims) names the claim's item once they are grouped.
    #[test]
    fn an_id_now_grouped_with_another_says_so() {
        let d = tempfile::tempdir().unwrap();
        let src = d.path().join("b");
        let ctx = Ctx::new(
            Actor {
                name: "Priya".into(),
                role: Some(Role::Csm),
            },
            "2026-06-03T09:00:00Z".parse().unwrap(),
        );
        let rules = Rules::builtin();
        let mut ws = Workspace::open(&d.path().join("ws.db")).unwrap();
        let recap = "Recap: as we promised, the rollout takes four weeks from kickoff.";
        write(
            &src,
            &format!("- We promised the rollout takes four weeks from kickoff.\n- {recap}\n"),
        );
        ws.import(&prepare(&src, &rules, ctx.now).unwrap(), &ctx)
            .unwrap();
        ws.conn
            .execute(
                "INSERT INTO item_ids (deal_id, id, kind, fingerprint, first_revision, last_revision)
                 VALUES ('OPP-3', 'C7', 'commitment', ?1, 1, 1)",
                [crate::handoff::fingerprint(ItemKind::Commitment, recap)],
            )
            .unwrap();
        let e = ws
            .run(
                &ctx,
                "OPP-3",
                &Command::Review {
                    item: "c7".into(),
                    outcome: CommitmentOutcome::Accepted,
                    note: String::new(),
                },
            )
            .unwrap_err()
            .to_string();
        assert!(e.contains("C7 is now a mention of C1"), "{e}");
    }
}
