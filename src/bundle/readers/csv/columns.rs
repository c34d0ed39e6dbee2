//! Which column of a CRM export holds what: roles told by header words, and
//! the columns of free text no header names.

use super::Row;
use ::csv::StringRecord;

/// What a column holds, told by its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Column {
    Body,
    Author,
    AuthorTitle,
    Date,
    Kind,
    Subject,
}

/// Header words of each role, best first: a header equal to a phrase beats
/// one that merely contains it, and an earlier phrase beats a later one
/// ("Note body" over "Body preview", "Activity date" over "Last modified date").
const FAMILIES: &[(Column, &[&str])] = &[
    (
        Column::Body,
        &[
            "note body",
            "body",
            "notes",
            "note",
            "full comments",
            "comments",
            "comment",
            "description",
            "call notes",
            "meeting notes",
            "email body",
            "body preview",
            "details",
            "message",
            "content",
            "summary",
            "text",
        ],
    ),
    (
        Column::Author,
        &[
            "created by",
            "activity assigned to",
            "assigned to",
            "assigned",
            "author",
            "logged by",
            "activity owner",
            "owner",
            "sales rep",
            "user",
        ],
    ),
    (
        Column::AuthorTitle,
        &[
            "created by role",
            "owner role",
            "author title",
            "author role",
        ],
    ),
    (
        Column::Date,
        &[
            "activity date",
            "date",
            "start",
            "timestamp",
            "created date",
            "create date",
            "created at",
            "due date",
            "last modified date",
        ],
    ),
    (
        Column::Kind,
        &[
            "activity type",
            "type",
            "task type",
            "event type",
            "engagement type",
            "call outcome",
        ],
    ),
    (
        Column::Subject,
        &["subject", "title", "call title", "meeting name"],
    ),
];

/// Header words of columns that hold a label, a key or a figure, never a
/// sentence, though a cell may run to several words ("Opportunity Name",
/// "Account", "Stage", "Status": "Working on it").
const NOT_TEXT: &[&str] = &[
    "name",
    "names",
    "account",
    "company",
    "contact",
    "contacts",
    "email",
    "mail",
    "phone",
    "stage",
    "status",
    "amount",
    "currency",
    "probability",
    "priority",
    "group",
    "id",
    "ids",
    "url",
    "link",
    "domain",
    "industry",
    "city",
    "country",
    "region",
    "website",
    "type",
    "owner",
    "by",
    "to",
    "from",
    "date",
    "time",
    "tags",
    "label",
    "labels",
];

/// The columns besides the note that hold free text: not claimed by a role,
/// not named as a label or key, with a cell of four words or more, and not
/// the same in every row (a deal's name repeated on each row says nothing).
pub(super) fn more_text_columns(header: &StringRecord, rows: &[Row], taken: &[bool]) -> Vec<usize> {
    (0..taken.len())
        .filter(|&col| !taken[col])
        .filter(|&col| {
            let name = normalise(header.get(col).unwrap_or(""));
            !name
                .split(' ')
                .next_back()
                .is_some_and(|last| last.is_empty() || NOT_TEXT.contains(&last))
        })
        .filter(|&col| {
            let cells = || rows.iter().filter_map(|r| r.cells.get(col));
            let sentence = cells().any(|c| c.split_whitespace().nth(3).is_some() && has_words(c));
            let mut distinct = cells().map(str::trim).filter(|c| !c.is_empty());
            let first = distinct.next();
            sentence && (rows.len() == 1 || distinct.any(|c| Some(c) != first))
        })
        .collect()
}

/// A header cell lower-cased, punctuation to spaces, spaces collapsed.
pub(super) fn normalise(cell: &str) -> String {
    let lower: String = cell
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The role and rank of the best phrase a normalised header matches: equal
/// to a phrase ranks above containing it as whole words.
pub(super) fn best_phrase(header: &str) -> Option<(Column, usize)> {
    // "Note ID", "Call recording URL": keys and links, never text.
    let last = header.rsplit(' ').next().unwrap_or("");
    if header.is_empty() || header.len() > 40 || matches!(last, "id" | "ids" | "url" | "link") {
        return None;
    }
    let padded = format!(" {header} ");
    let mut best: Option<(Column, usize)> = None;
    for (role, phrases) in FAMILIES {
        for (i, p) in phrases.iter().enumerate() {
            let rank = if header == *p {
                i
            } else if padded.contains(&format!(" {p} ")) {
                100 + i
            } else {
                continue;
            };
            if best.is_none_or(|(_, r)| rank < r) {
                best = Some((*role, rank));
            }
        }
    }
    best
}

pub(super) fn family_hits(row: &StringRecord) -> usize {
    row.iter()
        .filter(|c| best_phrase(&normalise(c)).is_some())
        .count()
}

/// A row of two or more short labels and nothing else: a header of columns
/// baton has no word for.
pub(super) fn label_row(row: &StringRecord) -> bool {
    let cells: Vec<&str> = row
        .iter()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    cells.len() >= 2
        && cells.iter().all(|c| {
            c.len() <= 40 && !c.contains('\n') && c.starts_with(|ch: char| ch.is_alphabetic())
        })
}

/// The column a role's header words name best, among those not yet taken;
/// marked taken.
pub(super) fn pick(header: &StringRecord, role: Column, taken: &mut [bool]) -> Option<usize> {
    let col = header
        .iter()
        .enumerate()
        .filter(|(i, _)| !taken.get(*i).copied().unwrap_or(true))
        .filter_map(|(i, h)| match best_phrase(&normalise(h)) {
            Some((r, rank)) if r == role => Some((rank, i)),
            _ => None,
        })
        .min()
        .map(|(_, i)| i)?;
    taken[col] = true;
    Some(col)
}

/// A cell with a word in it (not a number, a date or an id).
pub(super) fn has_words(cell: &str) -> bool {
    cell.split_whitespace()
        .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
}

/// The column holding the most free text (cells of three words or more), when
/// no header names the note column.
pub(super) fn free_text_column(rows: &[Row], taken: &[bool]) -> Option<usize> {
    let mut size = vec![0usize; taken.len()];
    for row in rows {
        for (i, cell) in row.cells.iter().enumerate().take(taken.len()) {
            if cell.split_whitespace().nth(2).is_some() && has_words(cell) {
                size[i] += cell.len();
            }
        }
    }
    (0..taken.len())
        .filter(|&i| !taken[i] && size[i] > 0)
        .max_by_key(|&i| size[i])
}
