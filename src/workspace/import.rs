//! Importing bundles. Reading and analysing a bundle ([`prepare`]) touches no
//! storage, so it can run on several threads; writing it ([`Workspace::import`])
//! is one transaction per bundle: a deal is imported whole or not at all.
//!
//! Idempotent by deal id: the same content (SHA-256 over every file) is a no-op;
//! changed content becomes a new revision with a per-file unified diff, review
//! decisions carry over by item fingerprint, and approvals that covered the old
//! content are invalidated with the reason.

use super::{Result, Workspace, store};
use crate::analysis::analyze;
use crate::bundle::{self, FileRole};
use crate::handoff::commands::{resubmit, settle};
use crate::handoff::items::{carry_over, from_analysis};
use crate::handoff::{BriefSnapshot, Change, Ctx, Deal, EventKind, Item, Sources, Status};
use crate::rules::Rules;
use rusqlite::{OptionalExtension, TransactionBehavior, params};
use serde_json::json;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// One file of a revision as stored.
#[derive(Debug, Clone)]
pub struct StoredFile {
    pub path: String,
    pub role: &'static str,
    pub text: String,
    /// What the reader made of each line of `text`, line for line, where it
    /// is not read as it stands (a transcript, an e-mail, an export).
    pub shown: Option<String>,
}

/// A bundle read and analysed, ready to write.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub source: PathBuf,
    pub deal: Deal,
    pub files: Vec<StoredFile>,
    pub content_hash: String,
    pub items: Vec<Item>,
    pub brief: BriefSnapshot,
    pub sources: Sources,
    pub analysis_json: String,
    /// The handoff score (0-100) the analysis drafted.
    pub score: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportOutcome {
    Imported {
        deal: String,
        items: usize,
    },
    Updated {
        deal: String,
        revision: u32,
        carried: usize,
        dropped: usize,
        invalidated: usize,
    },
    Unchanged {
        deal: String,
    },
}

/// The bundles under each path: a folder that is a bundle (it has `deal.toml`,
/// `notes/` or a scope file) is one; any other folder holds bundles in its
/// subfolders. A path that is neither is reported as its own error.
pub fn find_bundles(paths: &[PathBuf]) -> Vec<std::result::Result<PathBuf, String>> {
    let mut out = Vec::new();
    for path in paths {
        if !path.is_dir() {
            out.push(Err(match path.exists() {
                true => format!(
                    "{}: not a folder (a deal bundle is a folder)",
                    path.display()
                ),
                false => format!("{}: no such folder", path.display()),
            }));
            continue;
        }
        if is_bundle(path) {
            out.push(Ok(path.clone()));
            continue;
        }
        let mut subs: Vec<PathBuf> = std::fs::read_dir(path)
            .map(|rd| {
                rd.flatten()
                    .map(|e| e.path())
                    .filter(|p| p.is_dir())
                    .collect()
            })
            .unwrap_or_default();
        subs.retain(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        });
        subs.sort();
        if subs.is_empty() {
            out.push(Err(format!(
                "{}: no deal bundle here (a bundle folder has deal.toml, notes/ or a scope file)",
                path.display()
            )));
        }
        out.extend(subs.into_iter().map(Ok));
    }
    out
}

fn is_bundle(dir: &Path) -> bool {
    dir.join("deal.toml").is_file()
        || dir.join("notes").is_dir()
        || std::fs::read_dir(dir).is_ok_and(|rd| {
            rd.flatten().any(|e| {
                e.file_name().to_str().is_some_and(bundle::is_scope_name) && e.path().is_file()
            })
        })
}

pub(super) fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A revision's content hash: the path and text of each file, in path order
/// (the caller's order), each followed by a NUL. Import computes it from the
/// bundle, `baton check` again from the stored files.
pub(super) fn content_hash<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut hasher = Sha256::new();
    for (path, text) in files {
        hasher.update(path.as_bytes());
        hasher.update([0]);
        hasher.update(text.as_bytes());
        hasher.update([0]);
    }
    hex(&hasher.finalize())
}

/// What reading a bundle gives when its content may already be imported.
#[derive(Debug, Clone)]
pub enum Prepare {
    /// The deal's current revision has this content hash: nothing was analysed.
    Unchanged { deal: String },
    /// New or changed: read, analysed, ready to write.
    Ready(Box<Prepared>),
}

/// Read and analyse one bundle. The error is the bundle reader's one line
/// (file and line).
pub fn prepare(
    path: &Path,
    rules: &Rules,
    now: jiff::Timestamp,
) -> std::result::Result<Prepared, String> {
    let read = read(path)?;
    Ok(analysed(path, read, rules, now))
}

/// [`prepare`], except that a bundle whose content hash is its deal's current
/// one in `current` (deal id to hash, [`Workspace::content_hashes`]) is not
/// analysed: re-importing an unchanged folder of bundles costs their reading.
pub fn prepare_if_changed(
    path: &Path,
    rules: &Rules,
    now: jiff::Timestamp,
    current: &HashMap<String, String>,
) -> std::result::Result<Prepare, String> {
    let read = read(path)?;
    if current.get(&read.bundle.deal.id) == Some(&read.content_hash) {
        return Ok(Prepare::Unchanged {
            deal: read.bundle.deal.id,
        });
    }
    Ok(Prepare::Ready(Box::new(analysed(path, read, rules, now))))
}

/// A bundle read, with the files a revision stores and their hash.
struct Read {
    bundle: bundle::Bundle,
    files: Vec<StoredFile>,
    content_hash: String,
}

fn read(path: &Path) -> std::result::Result<Read, String> {
    let b = bundle::load(path).map_err(|e| e.to_string())?;
    let mut files = Vec::with_capacity(b.files.len() + 1);
    if let Some(text) = &b.crm_text {
        files.push(StoredFile {
            path: "deal.toml".into(),
            role: "crm",
            text: text.clone(),
            shown: None,
        });
    }
    for f in &b.files {
        let role = match f.role {
            FileRole::Crm => "crm",
            FileRole::Notes => "notes",
            FileRole::Scope => "scope",
            FileRole::Other => "other",
        };
        files.push(StoredFile {
            path: f.path.clone(),
            role,
            text: f.text.clone(),
            shown: f.shown(),
        });
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let content_hash = content_hash(files.iter().map(|f| (f.path.as_str(), f.text.as_str())));
    Ok(Read {
        bundle: b,
        files,
        content_hash,
    })
}

fn analysed(path: &Path, read: Read, rules: &Rules, now: jiff::Timestamp) -> Prepared {
    let Read {
        bundle: b,
        files,
        content_hash,
    } = read;
    let analysis = analyze(&b, rules);
    let (items, brief) = from_analysis(&b, &analysis, now);
    let d = &b.deal;
    Prepared {
        source: path.to_path_buf(),
        deal: Deal {
            id: d.id.clone(),
            name: d.name.clone(),
            account: d.account.clone(),
            segment: d.segment.clone(),
            ae: d.ae.clone(),
            csm: d.csm.clone(),
            closed_on: d.closed_on,
            kickoff: d.kickoff,
            first_value_date: d.first_value.as_ref().and_then(|f| f.date),
            first_value_criteria: d.first_value.as_ref().and_then(|f| f.criteria.clone()),
        },
        sources: Sources {
            notes_files: b.notes().count() as u32,
            scope_file: b.scope().map(|s| s.path.clone()),
        },
        files,
        content_hash,
        items,
        brief,
        analysis_json: serde_json::to_string(&analysis).unwrap_or_else(|_| "{}".into()),
        score: analysis.drafts.score.total,
    }
}

/// Whether a bundle may replace an approved handoff of another account that
/// has its deal id (`baton import --replace`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Replace {
    /// Refused with [`super::Error::ApprovedElsewhere`]: two deals sharing an
    /// id must not silently become one.
    #[default]
    Refuse,
    /// The user said so: the bundle becomes the deal's next revision (the
    /// approvals are invalidated as for any change).
    Allow,
}

/// Accounts compared as people write them: case and spacing aside.
fn same_account(a: Option<&str>, b: Option<&str>) -> bool {
    let norm = |s: Option<&str>| {
        s.map(|s| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
        .filter(|s| !s.is_empty())
    };
    norm(a) == norm(b)
}

impl Workspace {
    /// The content hash of every deal's current revision, by deal id (for
    /// [`prepare_if_changed`]).
    pub fn content_hashes(&self) -> Result<HashMap<String, String>> {
        let mut stmt = self.conn.prepare(
            "SELECT d.id, r.content_hash FROM deals d
             JOIN revisions r ON r.deal_id = d.id AND r.number = d.revision",
        )?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Write one prepared bundle in one transaction; a bundle whose id is an
    /// approved handoff of another account is refused.
    pub fn import(&mut self, p: &Prepared, ctx: &Ctx) -> Result<ImportOutcome> {
        self.import_with(p, ctx, Replace::Refuse)
    }

    /// [`Workspace::import`], saying whether an approved handoff of another
    /// account may be replaced.
    pub fn import_with(
        &mut self,
        p: &Prepared,
        ctx: &Ctx,
        replace: Replace,
    ) -> Result<ImportOutcome> {
        let ctx = &ctx.sanitized();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let id = p.deal.id.clone();
        let current: Option<(u32, String, String, Option<String>)> = tx
            .query_row(
                "SELECT d.revision, r.content_hash, d.status, d.account FROM deals d
                 JOIN revisions r ON r.deal_id = d.id AND r.number = d.revision WHERE d.id = ?1",
                [&id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let now = crate::handoff::events::stamp(ctx.now);
        let mut replaced = None;
        if let Some((_, hash, status, account)) = &current {
            let approved = matches!(
                Status::parse(status),
                Some(Status::Approved | Status::KickedOff)
            );
            if hash != &p.content_hash
                && approved
                && !same_account(account.as_deref(), p.deal.account.as_deref())
            {
                if replace == Replace::Refuse {
                    let has_record = p.files.iter().any(|f| f.path == "deal.toml");
                    return Err(super::Error::ApprovedElsewhere {
                        path: match has_record {
                            true => p.source.join("deal.toml"),
                            false => p.source.clone(),
                        },
                        deal: id,
                        approved_account: account.clone(),
                        bundle_account: p.deal.account.clone(),
                    });
                }
                replaced = Some(json!({"account": account, "status": status}));
            }
        }
        let current = current.map(|(revision, hash, _, _)| (revision, hash));
        let outcome = match current {
            Some((_, hash)) if hash == p.content_hash => {
                return Ok(ImportOutcome::Unchanged { deal: id });
            }
            None => {
                tx.execute(
                    "INSERT INTO deals (id, status, revision, created_at, updated_at) VALUES (?1, 'new', 1, ?2, ?2)",
                    params![id, now],
                )?;
                update_deal(&tx, p)?;
                insert_revision(&tx, p, 1, &now)?;
                store::insert_items(&tx, &id, &p.items)?;
                super::item_ids::register(&tx, &id, 1, &p.items)?;
                let change = Change {
                    events: vec![
                        (
                            EventKind::HandoffCreated,
                            json!({"source": p.source.display().to_string(), "closed_on": p.deal.closed_on.map(|d| d.to_string()), "segment": p.deal.segment}),
                        ),
                        (
                            EventKind::RevisionImported,
                            json!({"revision": 1, "content_hash": p.content_hash, "items": p.items.len()}),
                        ),
                    ],
                };
                let mut h = store::load(&tx, &id)?;
                // Risks the CRM record already gives an owner start owned.
                h.items = p.items.clone();
                store::save(&tx, &h, ctx)?;
                store::record(&tx, &id, ctx, &change)?;
                ImportOutcome::Imported {
                    deal: id,
                    items: p.items.len(),
                }
            }
            Some((revision, _)) => {
                let old = store::load(&tx, &id)?;
                let number = revision + 1;
                insert_revision(&tx, p, number, &now)?;
                let changed = insert_diffs(&tx, &id, revision, number, &p.files)?;
                let mut items = p.items.clone();
                super::item_ids::assign(&tx, &id, &mut items, &old.items)?;
                let carried = carry_over(&old.items, &mut items);
                let decided = old
                    .items
                    .iter()
                    .filter(|i| i.decision.by().is_some())
                    .count();
                tx.execute("DELETE FROM items WHERE deal_id = ?1", [&id])?;
                store::insert_items(&tx, &id, &items)?;
                super::item_ids::register(&tx, &id, number, &items)?;
                update_deal(&tx, p)?;
                tx.execute(
                    "UPDATE deals SET revision = ?2 WHERE id = ?1",
                    params![id, number],
                )?;
                let mut h = store::load(&tx, &id)?;
                h.items = items;
                h.success_confirmed = old
                    .success_confirmed
                    .clone()
                    .filter(|_| old.brief.success_criteria == p.brief.success_criteria);
                h.first_value_confirmed = old
                    .first_value_confirmed
                    .clone()
                    .filter(|_| old.deal.first_value_criteria == p.deal.first_value_criteria);
                h.status = old.status;
                let mut imported = json!({"revision": number, "content_hash": p.content_hash, "changed_files": changed,
                       "carried_over": carried, "decisions_dropped": decided - carried.len()});
                if let Some(r) = replaced.take() {
                    // `import --replace`: the handoff it replaced, for the audit.
                    imported["replaced"] = r;
                }
                let mut change = Change {
                    events: vec![(EventKind::RevisionImported, imported)],
                };
                if h.status == Status::ReturnedToAe {
                    change
                        .events
                        .extend(resubmit(&mut h, ctx, "import")?.events);
                }
                let why = format!(
                    "bundle changed in revision {number}: {}",
                    changed.join(", ")
                );
                change.events.extend(settle(&mut h, ctx, &why));
                let invalidated = change
                    .events
                    .iter()
                    .filter(|e| e.0 == EventKind::ApprovalInvalidated)
                    .count();
                store::save(&tx, &h, ctx)?;
                store::record(&tx, &id, ctx, &change)?;
                ImportOutcome::Updated {
                    deal: id,
                    revision: number,
                    carried: carried.len(),
                    dropped: decided - carried.len(),
                    invalidated,
                }
            }
        };
        tx.commit()?;
        Ok(outcome)
    }
}

fn update_deal(conn: &rusqlite::Connection, p: &Prepared) -> Result<()> {
    let d = &p.deal;
    conn.execute(
        "UPDATE deals SET name = ?2, account = ?3, segment = ?4, ae = ?5, csm = ?6, closed_on = ?7,
                kickoff = ?8, first_value_date = ?9, first_value_criteria = ?10, score = ?11
         WHERE id = ?1",
        params![
            d.id,
            d.name,
            d.account,
            d.segment,
            d.ae,
            d.csm,
            d.closed_on.map(|x| x.to_string()),
            d.kickoff.map(|x| x.to_string()),
            d.first_value_date.map(|x| x.to_string()),
            d.first_value_criteria,
            p.score,
        ],
    )?;
    Ok(())
}

fn insert_revision(
    conn: &rusqlite::Connection,
    p: &Prepared,
    number: u32,
    now: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO revisions (deal_id, number, content_hash, source_path, imported_at, notes_files, scope_file, brief_json, analysis_json, score)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            p.deal.id, number, p.content_hash, crate::text::sanitize_line(&p.source.display().to_string()), now,
            p.sources.notes_files, p.sources.scope_file,
            serde_json::to_string(&p.brief).unwrap_or_else(|_| "{}".into()), p.analysis_json,
            p.score,
        ],
    )?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO files (deal_id, revision, path, role, sha256, text, shown) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for f in &p.files {
        stmt.execute(params![
            p.deal.id,
            number,
            f.path,
            f.role,
            sha256_hex(f.text.as_bytes()),
            f.text,
            f.shown
        ])?;
    }
    Ok(())
}

/// Store a unified diff for every file that changed between two revisions;
/// returns the changed paths.
fn insert_diffs(
    conn: &rusqlite::Connection,
    deal: &str,
    old: u32,
    new: u32,
    files: &[StoredFile],
) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT path, text FROM files WHERE deal_id = ?1 AND revision = ?2")?;
    let before: BTreeMap<String, String> = stmt
        .query_map(params![deal, old], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let after: BTreeMap<&str, &str> = files
        .iter()
        .map(|f| (f.path.as_str(), f.text.as_str()))
        .collect();
    let mut paths: Vec<&str> = before
        .keys()
        .map(String::as_str)
        .chain(after.keys().copied())
        .collect();
    paths.sort_unstable();
    paths.dedup();
    let mut changed = Vec::new();
    let mut insert = conn.prepare_cached(
        "INSERT INTO file_diffs (deal_id, revision, path, change, diff) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for path in paths {
        let (a, b) = (
            before.get(path).map(String::as_str),
            after.get(path).copied(),
        );
        let change = match (a, b) {
            (Some(x), Some(y)) if x == y => continue,
            (Some(_), Some(_)) => "modified",
            (None, _) => "added",
            (_, None) => "removed",
        };
        let diff = similar::TextDiff::from_lines(a.unwrap_or(""), b.unwrap_or(""))
            .unified_diff()
            .context_radius(3)
            .header(
                &format!("a/{path} (revision {old})"),
                &format!("b/{path} (revision {new})"),
            )
            .to_string();
        insert.execute(params![deal, new, path, change, diff])?;
        changed.push(format!("{path} {change}"));
    }
    Ok(changed)
}
