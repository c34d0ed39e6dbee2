//! The workspace schema: an ordered list of migrations, each one SQL batch. The
//! schema version is `PRAGMA user_version` (the number of migrations applied);
//! `PRAGMA application_id` marks the file as a baton workspace. README.md
//! ("Workspace schema") documents every table for people querying with sqlite3.

/// "BATN": what `PRAGMA application_id` holds in every baton workspace.
pub const APPLICATION_ID: i32 = 0x4241_544E;

/// Migration `i` takes the schema from version `i` to `i + 1`. Never edit one
/// that has shipped: add a new one.
pub const MIGRATIONS: &[&str] = &[
    // 1: deals, revisions with their files and diffs, review items, approvals, events.
    r#"
CREATE TABLE deals (
    id                        TEXT PRIMARY KEY,
    name                      TEXT,
    account                   TEXT,
    segment                   TEXT,
    ae                        TEXT,
    csm                       TEXT,
    closed_on                 TEXT,
    kickoff                   TEXT,
    kickoff_moved_to          TEXT,
    first_value_date          TEXT,
    first_value_criteria      TEXT,
    status                    TEXT NOT NULL,
    revision                  INTEGER NOT NULL,
    success_confirmed_by      TEXT,
    success_confirmed_role    TEXT,
    success_confirmed_at      TEXT,
    first_value_confirmed_by  TEXT,
    first_value_confirmed_role TEXT,
    first_value_confirmed_at  TEXT,
    kickoff_held_on           TEXT,
    first_value_reached_on    TEXT,
    created_at                TEXT NOT NULL,
    updated_at                TEXT NOT NULL
);
CREATE INDEX deals_segment ON deals(segment);

CREATE TABLE revisions (
    deal_id       TEXT NOT NULL REFERENCES deals(id),
    number        INTEGER NOT NULL,
    content_hash  TEXT NOT NULL,
    source_path   TEXT NOT NULL,
    imported_at   TEXT NOT NULL,
    notes_files   INTEGER NOT NULL,
    scope_file    TEXT,
    brief_json    TEXT NOT NULL,
    analysis_json TEXT NOT NULL,
    PRIMARY KEY (deal_id, number)
);

CREATE TABLE files (
    deal_id  TEXT NOT NULL,
    revision INTEGER NOT NULL,
    path     TEXT NOT NULL,
    role     TEXT NOT NULL,
    sha256   TEXT NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (deal_id, revision, path),
    FOREIGN KEY (deal_id, revision) REFERENCES revisions(deal_id, number)
);

CREATE TABLE file_diffs (
    deal_id  TEXT NOT NULL,
    revision INTEGER NOT NULL,
    path     TEXT NOT NULL,
    change   TEXT NOT NULL CHECK (change IN ('added', 'removed', 'modified')),
    diff     TEXT NOT NULL,
    PRIMARY KEY (deal_id, revision, path),
    FOREIGN KEY (deal_id, revision) REFERENCES revisions(deal_id, number)
);

CREATE TABLE items (
    deal_id       TEXT NOT NULL REFERENCES deals(id),
    id            TEXT NOT NULL,
    position      INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    category      TEXT,
    about         TEXT,
    text          TEXT NOT NULL,
    evidence_json TEXT NOT NULL,
    fingerprint   TEXT NOT NULL,
    state         TEXT NOT NULL DEFAULT 'pending',
    note          TEXT,
    owner         TEXT,
    due           TEXT,
    decided_by    TEXT,
    decided_role  TEXT,
    decided_at    TEXT,
    PRIMARY KEY (deal_id, id)
);
CREATE INDEX items_kind_state ON items(kind, state);

CREATE TABLE approvals (
    id                 INTEGER PRIMARY KEY,
    deal_id            TEXT NOT NULL REFERENCES deals(id),
    role               TEXT NOT NULL CHECK (role IN ('ae', 'csm')),
    name               TEXT NOT NULL,
    at                 TEXT NOT NULL,
    hash               TEXT NOT NULL,
    invalidated_at     TEXT,
    invalidated_reason TEXT
);
CREATE INDEX approvals_deal ON approvals(deal_id);

CREATE TABLE events (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    deal_id TEXT NOT NULL REFERENCES deals(id),
    kind    TEXT NOT NULL,
    actor   TEXT NOT NULL,
    role    TEXT,
    at      TEXT NOT NULL,
    payload TEXT NOT NULL
);
CREATE INDEX events_deal ON events(deal_id, id);
CREATE INDEX events_kind ON events(kind);
CREATE INDEX events_at ON events(at);
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
"#,
    // 2: what the queue shows, kept on each deal so it reads one table: the
    // handoff score and the counts of what is left to review (the same rules
    // as `Handoff::open_counts`). The score is kept per revision too.
    r#"
ALTER TABLE revisions ADD COLUMN score INTEGER;
UPDATE revisions SET score = json_extract(analysis_json, '$.score.total');
ALTER TABLE deals ADD COLUMN score INTEGER;
ALTER TABLE deals ADD COLUMN open_commitments INTEGER NOT NULL DEFAULT 0;
ALTER TABLE deals ADD COLUMN open_conflicts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE deals ADD COLUMN unowned_risks INTEGER NOT NULL DEFAULT 0;
ALTER TABLE deals ADD COLUMN open_questions INTEGER NOT NULL DEFAULT 0;
UPDATE deals SET
    score = (SELECT r.score FROM revisions r WHERE r.deal_id = deals.id AND r.number = deals.revision),
    open_commitments = (SELECT count(*) FROM items i WHERE i.deal_id = deals.id
        AND i.kind = 'commitment' AND i.state IN ('pending', 'sent_to_ae')),
    open_conflicts = (SELECT count(*) FROM items i WHERE i.deal_id = deals.id
        AND i.kind = 'conflict' AND i.state = 'pending'),
    unowned_risks = (SELECT count(*) FROM items i WHERE i.deal_id = deals.id
        AND i.kind = 'risk' AND (i.state = 'pending'
            OR (i.state = 'open' AND coalesce(trim(i.owner), '') = ''))),
    open_questions = (SELECT count(*) FROM items i WHERE i.deal_id = deals.id
        AND i.kind = 'question' AND i.state = 'pending');
"#,
    // 3: what a reader made of each stored line of a transcript, e-mail or
    // export (line for line with `text`), for showing a cited line readably.
    r#"
ALTER TABLE files ADD COLUMN shown TEXT;
"#,
    // 4: every item id ever issued for a deal, with the content it names, so
    // an id keeps naming the same item across re-imports and is never given
    // to another (`item_ids.rs`).
    r#"
CREATE TABLE item_ids (
    deal_id        TEXT NOT NULL REFERENCES deals(id),
    id             TEXT NOT NULL,
    kind           TEXT NOT NULL,
    fingerprint    TEXT NOT NULL,
    first_revision INTEGER NOT NULL,
    last_revision  INTEGER NOT NULL,
    PRIMARY KEY (deal_id, id)
);
INSERT INTO item_ids (deal_id, id, kind, fingerprint, first_revision, last_revision)
    SELECT i.deal_id, i.id, i.kind, i.fingerprint, d.revision, d.revision
    FROM items i JOIN deals d ON d.id = i.deal_id;
"#,
    // 5: one item per claim (the analysis groups the mentions of one claim:
    // `mentions_json` lists them, NULL for an item said once), and an item
    // dismissed as a duplicate names the item it duplicates.
    r#"
ALTER TABLE items ADD COLUMN mentions_json TEXT;
ALTER TABLE items ADD COLUMN duplicate_of TEXT;
"#,
];

/// The schema version this baton writes.
pub fn latest() -> i64 {
    MIGRATIONS.len() as i64
}
