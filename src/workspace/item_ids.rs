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
use std::collections::HashMap;

/// The number of an id of `kind` ("C12" → 12).
fn number(kind: ItemKind, id: &str) -> Option<u32> {
    id.strip_prefix(kind.prefix())?.parse().ok()
}

/// Give each of `items` (a new revision's, numbered afresh) its id: the id
/// issued before for the same content, else the next unused number of its
/// kind. Linear in the items and the ids issued.
pub(super) fn assign(conn: &Connection, deal: &str, items: &mut [Item]) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, fingerprint FROM item_ids WHERE deal_id = ?1 ORDER BY rowid",
    )?;
    let issued: Vec<(String, String, String)> = stmt
        .query_map([deal], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<std::result::Result<_, _>>()?;
    // Per content, its ids in the order issued (one content may be said twice).
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
    let mut taken: HashMap<(&str, &str), usize> = HashMap::new();
    let mut ids = Vec::with_capacity(items.len());
    for item in items.iter() {
        let key = (item.kind.as_str(), item.fingerprint.as_str());
        let used = taken.entry(key).or_insert(0);
        let id = match by_content.get(&key).and_then(|ids| ids.get(*used)) {
            Some(id) => id.to_string(),
            None => {
                let n = next.entry(item.kind).or_insert(1);
                let id = format!("{}{n}", item.kind.prefix());
                *n += 1;
                id
            }
        };
        *used += 1;
        ids.push(id);
    }
    for (item, id) in items.iter_mut().zip(ids) {
        item.id = id;
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
    use crate::handoff::items::CommitmentOutcome;
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
}
