//! The workspace: one SQLite file holding every imported deal, its revisions,
//! review state, approvals and the append-only event log.
//!
//! Each command runs in one `BEGIN IMMEDIATE` transaction (taking the write lock
//! up front, so two processes queue on the busy timeout instead of failing on a
//! lock upgrade), and appends its events in that same transaction.

pub mod atomic;
mod check;
pub mod config;
pub mod crm;
mod import;
mod item_ids;
mod pilot;
mod queries;
mod queue;
pub mod schema;
mod store;
mod tickets;

pub use check::CheckReport;
pub use config::{default_workspace_path, load_identity, resolve_workspace_path};
pub use import::{
    ImportOutcome, Prepare, Prepared, Replace, find_bundles, prepare, prepare_if_changed,
};
pub use queries::{ApprovalRecord, DealSummary, FileDiff};
pub use queue::{QueueRow, StoredText};
pub use tickets::{
    Plan as TicketPlan, ReadError as TicketReadError, Skip as TicketSkip, Target as TicketTarget,
    Ticket, TicketConfig, load_ticket_config, normalise_account, parse_ticket_config,
    plan as plan_tickets, read_tickets, report as ticket_report,
};

use crate::handoff::{Change, Ctx, DomainError, Handoff};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a writer waits for another (a TUI and a CLI on one workspace).
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Debug)]
pub enum Error {
    /// The file exists but is not a baton workspace; it was left untouched.
    NotAWorkspace {
        path: PathBuf,
        why: String,
    },
    /// Written by a newer baton.
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// A read needs a workspace and there is none at the path.
    Missing(PathBuf),
    /// SQLite finds the file damaged: nothing is written to it.
    Damaged {
        path: PathBuf,
        why: String,
    },
    UnknownDeal(String),
    Domain(DomainError),
    /// A bad argument or a refused action, already phrased.
    Invalid(String),
    Sqlite(rusqlite::Error),
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A bundle's deal id is an approved handoff of another account (`path`
    /// is the bundle's `deal.toml`, or its folder when it has none).
    ApprovedElsewhere {
        path: PathBuf,
        deal: String,
        approved_account: Option<String>,
        bundle_account: Option<String>,
    },
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::NotAWorkspace { path, why } => write!(
                f,
                "{}: not a baton workspace ({why}); left untouched",
                path.display()
            ),
            Error::TooNew {
                path,
                found,
                supported,
            } => write!(
                f,
                "{}: workspace schema version {found} is newer than this baton supports ({supported}); upgrade baton",
                path.display()
            ),
            Error::Missing(path) => write!(
                f,
                "{}: no workspace here (baton import or baton demo creates one; check --workspace)",
                path.display()
            ),
            Error::Damaged { path, why } => write!(
                f,
                "{}: the workspace is damaged ({why}); nothing was written (baton check reports what)",
                path.display()
            ),
            Error::UnknownDeal(id) => {
                write!(f, "no deal {id} in the workspace (baton list shows them)")
            }
            Error::Domain(e) => write!(f, "{e}"),
            Error::Invalid(m) => f.write_str(m),
            Error::Sqlite(e) => match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::ReadOnly) => write!(
                    f,
                    "workspace: cannot write, the file or its folder is read-only ({e})"
                ),
                Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase) => {
                    write!(
                        f,
                        "workspace: the file is damaged ({e}); baton check reports what"
                    )
                }
                _ => write!(f, "workspace: {e}"),
            },
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::ApprovedElsewhere {
                path,
                deal,
                approved_account,
                bundle_account,
            } => {
                let account = |a: &Option<String>| match a {
                    Some(a) => format!("\"{a}\""),
                    None => "no account".to_string(),
                };
                write!(
                    f,
                    "{}: deal id {deal} is the approved handoff of {}, and this bundle is for {}: refused (import --replace replaces it)",
                    path.display(),
                    account(approved_account),
                    account(bundle_account)
                )
            }
        }
    }
}

impl std::error::Error for Error {}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::Sqlite(e)
    }
}

impl From<DomainError> for Error {
    fn from(e: DomainError) -> Self {
        Error::Domain(e)
    }
}

pub type Result<T> = std::result::Result<T, Error>;

pub struct Workspace {
    conn: Connection,
    path: PathBuf,
}

impl Workspace {
    /// Open the workspace at `path`, creating it (and its folder) on first use.
    /// A file that is not SQLite, or SQLite without baton's application id, is
    /// refused before anything is written to it.
    pub fn open(path: &Path) -> Result<Workspace> {
        let existing = std::fs::metadata(path)
            .map(|m| m.len() > 0)
            .unwrap_or(false);
        if existing {
            check_header(path)?;
        } else if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| Error::Io {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| Error::NotAWorkspace {
            path: path.to_path_buf(),
            why: e.to_string(),
        })?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        if existing {
            let not_ours = |e: rusqlite::Error| unreadable(path, e);
            let app: i32 = conn
                .pragma_query_value(None, "application_id", |r| r.get(0))
                .map_err(not_ours)?;
            // An SQLite file with no schema at all is what a first open killed
            // before its migration committed leaves behind: nobody's data, so
            // it is taken as new. Anything with tables must carry our id.
            let tables: i64 = conn
                .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
                .map_err(not_ours)?;
            if app != schema::APPLICATION_ID && tables > 0 {
                return Err(Error::NotAWorkspace {
                    path: path.to_path_buf(),
                    why: "an SQLite database of another application".into(),
                });
            }
            let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
            if version > schema::latest() {
                return Err(Error::TooNew {
                    path: path.to_path_buf(),
                    found: version,
                    supported: schema::latest(),
                });
            }
        }
        if existing {
            refuse_damaged(&conn, path)?;
        }
        // WAL lets readers (a TUI) run beside a writer; NORMAL sync is still
        // consistent after a crash (a killed process loses no committed data).
        set_wal(&conn)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mut ws = Workspace {
            conn,
            path: path.to_path_buf(),
        };
        ws.migrate()?;
        Ok(ws)
    }

    /// Open an existing workspace to read: never creates one (a mistyped
    /// path is an error, not a new empty queue), never takes the write lock
    /// (a WAL reader runs beside a writer). A workspace whose schema is older
    /// than this baton's is opened to write once, to migrate it.
    pub fn open_to_read(path: &Path) -> Result<Workspace> {
        let existing = std::fs::metadata(path)
            .map(|m| m.len() > 0)
            .unwrap_or(false);
        if !existing {
            return Err(Error::Missing(path.to_path_buf()));
        }
        check_header(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| unreadable(path, e))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let app: i32 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .map_err(|e| unreadable(path, e))?;
        if app != schema::APPLICATION_ID {
            return Err(Error::NotAWorkspace {
                path: path.to_path_buf(),
                why: "no baton application id".into(),
            });
        }
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| unreadable(path, e))?;
        if version > schema::latest() {
            return Err(Error::TooNew {
                path: path.to_path_buf(),
                found: version,
                supported: schema::latest(),
            });
        }
        if version < schema::latest() {
            drop(conn);
            return Workspace::open(path);
        }
        Ok(Workspace {
            conn,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The connection, for read-only queries a caller needs beyond this API
    /// (tests check integrity through it).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    fn migrate(&mut self) -> Result<()> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Read inside the write lock: two processes opening a new file at once
        // must not both apply migration 1.
        let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > schema::latest() {
            return Err(Error::TooNew {
                path,
                found: version,
                supported: schema::latest(),
            });
        }
        for (i, sql) in schema::MIGRATIONS.iter().enumerate().skip(version as usize) {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", i as i64 + 1)?;
        }
        if version == 0 {
            tx.pragma_update(None, "application_id", schema::APPLICATION_ID)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Load one handoff with its review state.
    pub fn handoff(&self, deal: &str) -> Result<Handoff> {
        store::load(&self.conn, deal)
    }

    /// The one write path: load the handoff, run a domain command on it, save
    /// the new review state and append its events, all in one transaction.
    pub fn apply<F>(&mut self, ctx: &Ctx, deal: &str, command: F) -> Result<(Handoff, Change)>
    where
        F: FnOnce(&mut Handoff) -> std::result::Result<Change, DomainError>,
    {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut h = store::load(&tx, deal)?;
        let change = command(&mut h)?;
        store::save(&tx, &h, ctx)?;
        store::record(&tx, &h.deal.id, ctx, &change)?;
        tx.commit()?;
        Ok((h, change))
    }

    /// Run one review [`Command`](crate::handoff::Command): what the CLI and
    /// every TUI key that changes state call.
    pub fn run(
        &mut self,
        ctx: &Ctx,
        deal: &str,
        command: &crate::handoff::Command,
    ) -> Result<(Handoff, Change)> {
        // Cleaned before the command runs: what is hashed for an approval is
        // what is stored.
        let (ctx, command) = (ctx.sanitized(), command.sanitized());
        if let Some(item) = command.item() {
            refuse_a_gone_item(&self.conn, deal, item)?;
        }
        self.apply(&ctx, deal, |h| command.apply(h, &ctx))
    }

    /// Several commands, each on its deal, in one transaction: every one is
    /// written or none is (a ticket import records all its escalations or,
    /// on any refusal, nothing).
    pub fn run_all(
        &mut self,
        ctx: &Ctx,
        commands: &[(String, crate::handoff::Command)],
    ) -> Result<Vec<(Handoff, Change)>> {
        let ctx = ctx.sanitized();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut done = Vec::with_capacity(commands.len());
        for (deal, command) in commands {
            let command = command.sanitized();
            if let Some(item) = command.item() {
                refuse_a_gone_item(&tx, deal, item)?;
            }
            let mut h = store::load(&tx, deal)?;
            let change = command.apply(&mut h, &ctx)?;
            store::save(&tx, &h, &ctx)?;
            store::record(&tx, &h.deal.id, &ctx, &change)?;
            done.push((h, change));
        }
        tx.commit()?;
        Ok(done)
    }

    /// Append one event outside a review change (an export), in its own transaction.
    pub fn record(&mut self, ctx: &Ctx, deal: &str, change: &Change) -> Result<()> {
        let ctx = &ctx.sanitized();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        store::require_deal(&tx, deal)?;
        store::record(&tx, deal, ctx, change)?;
        tx.commit()?;
        Ok(())
    }
}

/// An id the deal once had but no longer has names content that is
/// gone: say so, rather than "no item" (the id is never given to another).
fn refuse_a_gone_item(conn: &Connection, deal: &str, item: &str) -> Result<()> {
    let item = item.trim();
    let current: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM items WHERE deal_id = ?1 AND id = ?2 COLLATE NOCASE)",
        [deal, item],
        |r| r.get(0),
    )?;
    if current {
        return Ok(());
    }
    let id = item.to_uppercase();
    if let Some(now) = item_ids::now_part_of(conn, deal, &id)? {
        return Err(Error::Invalid(format!(
            "{deal}: {} is now a mention of {now}: a re-import found both say one claim \
             (decide {now})",
            crate::text::sanitize(&id)
        )));
    }
    match item_ids::last_seen(conn, deal, &id)? {
        Some(revision) => Err(Error::Invalid(format!(
            "{deal}: {} is gone: it was last in revision {revision}; a re-import removed it \
             or changed its text (baton show {deal} lists the current items)",
            crate::text::sanitize(&item.to_uppercase())
        ))),
        None => Ok(()),
    }
}

/// Switch to WAL. Two processes opening a new workspace at once can both try:
/// SQLite may then answer BUSY at once, without its busy handler (it will not
/// wait while holding a lock the other needs), so retry within the timeout.
fn set_wal(conn: &Connection) -> Result<()> {
    let start = std::time::Instant::now();
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy
                    && start.elapsed() < BUSY_TIMEOUT =>
            {
                std::thread::sleep(Duration::from_millis(20));
            }
            other => return other.map_err(Error::from),
        }
    }
}

/// Refuse a file that is not SQLite by its 16-byte header, reading only.
/// What a failure to read an SQLite file's header pages means: damage when
/// SQLite says so, else a file that is not a workspace.
fn unreadable(path: &Path, e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseCorrupt) => Error::Damaged {
            path: path.to_path_buf(),
            why: e.to_string(),
        },
        _ => Error::NotAWorkspace {
            path: path.to_path_buf(),
            why: e.to_string(),
        },
    }
}

/// Refuse to write into a file SQLite finds damaged (a page-level check,
/// linear in the file; `baton check` runs the full one).
fn refuse_damaged(conn: &Connection, path: &Path) -> Result<()> {
    let damaged = |why: String| Error::Damaged {
        path: path.to_path_buf(),
        why,
    };
    let verdict: String = conn
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .map_err(|e| damaged(e.to_string()))?;
    if verdict == "ok" {
        Ok(())
    } else {
        Err(damaged(crate::text::sanitize(&verdict)))
    }
}

fn check_header(path: &Path) -> Result<()> {
    use std::io::Read;
    let mut header = [0u8; 16];
    let mut f = std::fs::File::open(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let n = f.read(&mut header).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if n < 16 || &header != b"SQLite format 3\0" {
        return Err(Error::NotAWorkspace {
            path: path.to_path_buf(),
            why: "not an SQLite database".into(),
        });
    }
    Ok(())
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;

#[cfg(test)]
#[path = "check_tests.rs"]
mod check_tests;
