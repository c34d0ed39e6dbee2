//! The activities export (HubSpot notes, calls, e-mails, meetings; Salesforce
//! tasks and events): each activity joined to its deal by id, else by name,
//! becomes a notes file of that deal's bundle.

use super::columns::{self, ACTIVITY_FIELDS, Configured};
use super::deals::CrmDeal;
use super::values::{DateOrder, html_to_text, parse_date, slug};
use super::{CrmConfig, RowError, Source, cell, read_table};
use crate::text::sanitize;
use std::collections::BTreeMap;
use std::path::Path;

/// What reading an activities export gave.
#[derive(Debug, Default)]
pub struct ActivitiesRead {
    /// Data rows read.
    pub rows: usize,
    /// Activities written as notes of a deal being imported.
    pub joined: usize,
    /// Activities of no deal being imported (open deals, other exports).
    pub unmatched: usize,
    pub errors: Vec<RowError>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Activity {
    // Field order is the sort order: notes are numbered by it, so the same
    // activities give the same files whatever order the export lists them in.
    date: jiff::civil::Date,
    when: String,
    kind: String,
    author: Option<String>,
    subject: Option<String>,
    body: String,
}

/// Read an activities export and add each activity to its deal's notes.
pub fn read_activities(
    path: &Path,
    source: Source,
    cfg: &CrmConfig,
    order: DateOrder,
    deals: &mut [CrmDeal],
) -> Result<ActivitiesRead, String> {
    let table = read_table(path)?;
    let configured = Configured {
        path: &cfg.path,
        table: format!("crm.{}.activity_columns", source.key()),
        map: &cfg.activity_columns,
    };
    let has = |f| columns::has_field(&table.headers, ACTIVITY_FIELDS, source, &configured, f);
    if !(has("deal_id") || has("deal_name")) || !(has("body") || has("subject")) {
        let (deal, body) = match source {
            Source::HubSpot => ("Associated Deal IDs", "Note body"),
            Source::Salesforce => ("Opportunity", "Comments"),
        };
        return Err(format!(
            "{}: not an activities export: it needs a deal column (\"{deal}\") and a text column (\"{body}\")",
            path.display()
        ));
    }
    let map = columns::resolve(&table.headers, ACTIVITY_FIELDS, source, &configured, path)?;
    let mut by_id: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, d) in deals.iter().enumerate() {
        by_id.entry(id_key(&d.id)).or_default().push(i);
        if let Some(n) = &d.name {
            by_name.entry(n.trim().to_lowercase()).or_default().push(i);
        }
    }
    let mut out = ActivitiesRead {
        rows: table.rows.len(),
        ..ActivitiesRead::default()
    };
    let mut found: Vec<Vec<Activity>> = vec![Vec::new(); deals.len()];
    for (line, row) in &table.rows {
        let err = |message: String| RowError {
            file: path.to_path_buf(),
            line: *line,
            message,
        };
        let targets = join(row, &map, &by_id, &by_name);
        let targets = match targets {
            Ok(t) if t.is_empty() => {
                out.unmatched += 1;
                continue;
            }
            Ok(t) => t,
            Err(m) => {
                out.errors.push(err(m));
                continue;
            }
        };
        let body = cell(row, map.get("body"))
            .map(|b| sanitize(&html_to_text(b)))
            .unwrap_or_default();
        let subject = cell(row, map.get("subject")).map(flat);
        if body.trim().is_empty() && subject.is_none() {
            continue;
        }
        let Some(raw_date) = cell(row, map.get("date")) else {
            out.errors.push(err("activity has no date".into()));
            continue;
        };
        let date = match parse_date(raw_date, order) {
            Ok(d) => d,
            Err(e) => {
                out.errors.push(err(sanitize(&e)));
                continue;
            }
        };
        let activity = Activity {
            date,
            when: flat(raw_date),
            kind: cell(row, map.get("type")).map_or_else(|| "Note".into(), flat),
            author: cell(row, map.get("author")).map(flat),
            subject,
            body,
        };
        out.joined += 1;
        for t in targets {
            if let Some(list) = found.get_mut(t) {
                list.push(activity.clone());
            }
        }
    }
    for (deal, mut list) in deals.iter_mut().zip(found) {
        list.sort();
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for a in list {
            let stem = format!("{}-{}", a.date, slug(&a.kind));
            let n = counts.entry(stem.clone()).or_default();
            *n += 1;
            deal.notes
                .insert(format!("notes/{stem}-{n}.md"), render(&a));
        }
    }
    Ok(out)
}

/// The deals an activity belongs to: by the ids its deal column lists (HubSpot
/// separates several with `;`), else by its deal name. A name two deals share
/// is an error: the activity could be either's.
fn join(
    row: &[String],
    map: &columns::ColumnMap,
    by_id: &BTreeMap<String, Vec<usize>>,
    by_name: &BTreeMap<String, Vec<usize>>,
) -> Result<Vec<usize>, String> {
    if let Some(ids) = cell(row, map.get("deal_id")) {
        let mut out: Vec<usize> = ids
            .split(';')
            .filter_map(|id| by_id.get(&id_key(id)))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        if !out.is_empty() {
            return Ok(out);
        }
    }
    let Some(names) = cell(row, map.get("deal_name")) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for name in names.split(';').map(|n| n.trim().to_lowercase()) {
        match by_name.get(&name).map(Vec::as_slice) {
            Some([one]) => out.push(*one),
            Some([_, _, ..]) => {
                return Err(format!(
                    "deal name \"{}\" names more than one deal: export the deal id with the activities",
                    sanitize(&name)
                ));
            }
            _ => {}
        }
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

/// A cell for a heading or header line: cleaned, its lines joined.
fn flat(s: &str) -> String {
    sanitize(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An id as activities refer to it: Salesforce reports show 15-character ids
/// and the API 18 (the same id with a 3-character checksum), so an 18-character
/// id matches by its first 15.
fn id_key(id: &str) -> String {
    let id = id.trim();
    if id.len() == 18 && id.bytes().all(|b| b.is_ascii_alphanumeric()) {
        id[..15].to_string()
    } else {
        id.to_string()
    }
}

/// A notes file: a heading naming type, date and author; a `From:` line so the
/// analysis knows whose words they are; the subject; the body.
fn render(a: &Activity) -> String {
    let mut out = format!("# {}, {}", a.kind, a.when);
    if let Some(author) = &a.author {
        out.push_str(&format!(", {author}"));
    }
    out.push_str("\n\n");
    if let Some(author) = &a.author {
        out.push_str(&format!("From: {author}\n"));
    }
    if let Some(s) = &a.subject {
        out.push_str(&format!("Subject: {s}\n"));
    }
    if a.author.is_some() || a.subject.is_some() {
        out.push('\n');
    }
    let body = a.body.trim();
    if !body.is_empty() {
        out.push_str(body);
        out.push('\n');
    }
    out
}
