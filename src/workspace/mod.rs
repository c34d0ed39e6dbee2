//! The workspace: one SQLite file holding every imported deal, its revisions,
//! review state, approvals and the append-only event log.
//!
//! Each command runs in one `BEGIN IMMEDIATE` transaction (taking the write lock
//! up front, so two processes queue on the busy timeout instead of failing on a
//! lock upgrade), and appends its events in that same transaction.

pub mod atomic;
pub mod config;
pub mod crm;
mod import;
mod queries;
mod queue;
pub mod schema;
mod store;

pub use config::{default_workspace_path, load_identity, resolve_workspace_path};
pub use import::{
    ImportOutcome, Prepare, Prepared, Replace, find_bundles, prepare, prepare_if_changed,
};
pub use queries::{ApprovalRecord, DealSummary, FileDiff};
pub use queue::{QueueRow, StoredText};

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
            Error::UnknownDeal(id) => {
                write!(f, "no deal {id} in the workspace (baton list shows them)")
            }
            Error::Domain(e) => write!(f, "{e}"),
            Error::Invalid(m) => f.write_str(m),
            Error::Sqlite(e) => write!(f, "workspace: {e}"),
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
            let not_ours = |why: String| Error::NotAWorkspace {
                path: path.to_path_buf(),
                why,
            };
            let app: i32 = conn
                .pragma_query_value(None, "application_id", |r| r.get(0))
                .map_err(|e| not_ours(e.to_string()))?;
            // An SQLite file with no schema at all is what a first open killed
            // before its migration committed leaves behind: nobody's data, so
            // it is taken as new. Anything with tables must carry our id.
            let tables: i64 = conn
                .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
                .map_err(|e| not_ours(e.to_string()))?;
            if app != schema::APPLICATION_ID && tables > 0 {
                return Err(not_ours("an SQLite database of another application".into()));
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
        self.apply(ctx, deal, |h| command.apply(h, ctx))
    }

    /// Append one event outside a review change (an export), in its own transaction.
    pub fn record(&mut self, ctx: &Ctx, deal: &str, change: &Change) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        store::require_deal(&tx, deal)?;
        store::record(&tx, deal, ctx, change)?;
        tx.commit()?;
        Ok(())
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
