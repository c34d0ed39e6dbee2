//! A support desk's ticket export read into [`Ticket`]s: the desk told by its
//! headers, each field's column by the desk's standard header or by
//! `[tickets.columns]`, and every row checked before anything is written.

use super::config::TicketConfig;
use crate::handoff::outcomes::Desk;
use crate::workspace::crm::{self, DateOrder, RowError};
use jiff::civil::Date;
use std::path::Path;

/// One ticket as the export has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticket {
    /// The physical line its row starts on.
    pub line: u64,
    pub id: String,
    pub subject: String,
    pub status: Option<String>,
    pub priority: Option<String>,
    pub account: Option<String>,
    pub email: Option<String>,
    pub created: Date,
    pub tags: Vec<String>,
}

#[derive(Debug)]
pub struct TicketsRead {
    pub desk: Desk,
    pub tickets: Vec<Ticket>,
}

/// Each known desk's headers for each field, first found wins; headers match
/// ignoring case. Jira repeats `Labels` once per label: every column of a
/// repeated header is read.
fn standard(desk: &Desk, field: &str) -> &'static [&'static str] {
    match (desk, field) {
        (Desk::Zendesk, "id") => &["Id", "Ticket ID"],
        (Desk::Zendesk, "subject") => &["Subject"],
        (Desk::Zendesk, "status") => &["Status"],
        (Desk::Zendesk, "priority") => &["Priority"],
        (Desk::Zendesk, "account") => &["Organization", "Organization name"],
        (Desk::Zendesk, "email") => &["Requester email"],
        (Desk::Zendesk, "created") => &["Created at"],
        (Desk::Zendesk, "tags") => &["Tags"],
        (Desk::JiraServiceManagement, "id") => &["Issue key"],
        (Desk::JiraServiceManagement, "subject") => &["Summary"],
        (Desk::JiraServiceManagement, "status") => &["Status"],
        (Desk::JiraServiceManagement, "priority") => &["Priority"],
        (Desk::JiraServiceManagement, "account") => {
            &["Custom field (Organizations)", "Organizations"]
        }
        (Desk::JiraServiceManagement, "email") => &["Reporter email", "Reporter Email"],
        (Desk::JiraServiceManagement, "created") => &["Created"],
        (Desk::JiraServiceManagement, "tags") => &["Labels"],
        (Desk::Freshdesk, "id") => &["Ticket ID"],
        (Desk::Freshdesk, "subject") => &["Subject"],
        (Desk::Freshdesk, "status") => &["Status"],
        (Desk::Freshdesk, "priority") => &["Priority"],
        (Desk::Freshdesk, "account") => &["Company Name", "Company"],
        (Desk::Freshdesk, "email") => &["Email", "Requester Email", "Contact Email"],
        (Desk::Freshdesk, "created") => &["Created time"],
        (Desk::Freshdesk, "tags") => &["Tags"],
        _ => &[],
    }
}

/// The desk whose export this is, by headers only it has.
fn detect(headers: &[String]) -> Option<Desk> {
    let has = |h: &str| headers.iter().any(|x| x.eq_ignore_ascii_case(h));
    if has("Issue key") {
        Some(Desk::JiraServiceManagement)
    } else if has("Ticket ID") && (has("Created time") || has("Company Name")) {
        Some(Desk::Freshdesk)
    } else if (has("Id") || has("Ticket ID")) && has("Created at") {
        Some(Desk::Zendesk)
    } else {
        None
    }
}

/// Why an export was not read: the file as a whole, or its bad rows.
#[derive(Debug)]
pub enum ReadError {
    /// One line, naming the file.
    File(String),
    Rows(Vec<RowError>),
}

/// Read a ticket export. A file that is no ticket export, or a mapped header
/// it lacks, is one error; a bad row is a [`RowError`] naming its line.
pub fn read_tickets(path: &Path, cfg: &TicketConfig) -> Result<TicketsRead, ReadError> {
    let one = |message: String| ReadError::File(format!("{}: {message}", path.display()));
    // read_table's message already names the file.
    let table = crm::read_table(path).map_err(ReadError::File)?;
    let desk = match (&cfg.desk, detect(&table.headers)) {
        (Some(name), _) => Desk::named(name),
        (None, Some(desk)) => desk,
        (None, None) => {
            return Err(one(
                "not a Zendesk, Jira Service Management or Freshdesk ticket export \
                 (map its columns in [tickets.columns] and name it with [tickets] desk)"
                    .into(),
            ));
        }
    };
    let find = |header: &str| -> Vec<usize> {
        table
            .headers
            .iter()
            .enumerate()
            .filter(|(_, h)| h.eq_ignore_ascii_case(header.trim()))
            .map(|(i, _)| i)
            .collect()
    };
    let mut columns: Vec<(&str, Vec<usize>)> = Vec::new();
    for field in super::config::TICKET_FIELDS {
        let cols = match cfg.columns.get(field) {
            Some(header) => {
                let found = find(header);
                if found.is_empty() {
                    return Err(one(format!(
                        "[tickets.columns] {field} = \"{}\" ({}): the export has no such column",
                        crate::text::sanitize(header),
                        cfg.path.display()
                    )));
                }
                found
            }
            None => standard(&desk, field)
                .iter()
                .map(|h| find(h))
                .find(|c| !c.is_empty())
                .unwrap_or_default(),
        };
        columns.push((field, cols));
    }
    let col = |field: &str| -> &[usize] {
        columns
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(&[], |(_, c)| c.as_slice())
    };
    for required in ["id", "created"] {
        if col(required).is_empty() {
            return Err(one(format!(
                "no {required} column for a {} export (map it in [tickets.columns])",
                desk.as_str()
            )));
        }
    }
    if col("account").is_empty() && col("email").is_empty() {
        return Err(one(
            "no account (organization, company) or e-mail column to match tickets to handoffs \
             (map one in [tickets.columns])"
                .into(),
        ));
    }
    let mut tickets: Vec<Ticket> = Vec::new();
    let mut errors = Vec::new();
    for (line, row) in &table.rows {
        let first = |field: &str| -> Option<String> {
            col(field)
                .iter()
                .find_map(|i| crm::cell(row, Some(*i)))
                .map(str::to_string)
        };
        let bad = |message: String| RowError {
            file: path.to_path_buf(),
            line: *line,
            message,
        };
        let Some(id) = first("id") else {
            errors.push(bad("the ticket id is empty".into()));
            continue;
        };
        if let Some(earlier) = tickets.iter().find(|t| t.id == id) {
            errors.push(bad(format!(
                "ticket {id} is also on line {}: one row per ticket",
                earlier.line
            )));
            continue;
        }
        let created = match first("created").map(|c| ticket_date(&c, cfg.date_order)) {
            Some(Ok(d)) => d,
            Some(Err(e)) => {
                errors.push(bad(format!("ticket {id}: created {e}")));
                continue;
            }
            None => {
                errors.push(bad(format!("ticket {id}: the created date is empty")));
                continue;
            }
        };
        let tags = col("tags")
            .iter()
            .filter_map(|i| crm::cell(row, Some(*i)))
            .flat_map(split_tags)
            .collect();
        tickets.push(Ticket {
            line: *line,
            subject: first("subject").unwrap_or_default(),
            status: first("status"),
            priority: first("priority"),
            account: first("account"),
            email: first("email"),
            created,
            tags,
            id,
        });
    }
    if errors.is_empty() {
        Ok(TicketsRead { desk, tickets })
    } else {
        Err(ReadError::Rows(errors))
    }
}

/// Tags as a desk writes them: Zendesk space-separated, Freshdesk
/// comma-separated, Jira one per `Labels` column. Kept lower-case.
fn split_tags(cell: &str) -> Vec<String> {
    let separator = if cell.contains([',', ';']) {
        &[',', ';'][..]
    } else {
        &[' '][..]
    };
    cell.split(separator)
        .map(|t| t.trim().to_lowercase())
        .filter(|t| !t.is_empty())
        .collect()
}

/// A created date as desks write it: the CRM forms (`2026-03-12 09:41`,
/// `03/12/2026`), or Jira's `12/Mar/26 9:41 AM`.
pub fn ticket_date(cell: &str, order: DateOrder) -> Result<Date, String> {
    if let Ok(d) = crm::parse_date(cell, order) {
        return Ok(d);
    }
    let day_part = cell.split_whitespace().next().unwrap_or("");
    let parts: Vec<&str> = day_part.split(['/', '-']).collect();
    let bad = || {
        format!(
            "\"{}\" is not a date (YYYY-MM-DD, {} or DD/Mon/YY)",
            cell.trim(),
            order.pattern()
        )
    };
    let [d, m, y] = parts.as_slice() else {
        return Err(bad());
    };
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let month = MONTHS
        .iter()
        .position(|name| m.to_ascii_lowercase().starts_with(name))
        .ok_or_else(bad)?;
    let day: i8 = d.parse().map_err(|_| bad())?;
    let year: i16 = match y.len() {
        2 => 2000 + y.parse::<i16>().map_err(|_| bad())?,
        4 => y.parse().map_err(|_| bad())?,
        _ => return Err(bad()),
    };
    Date::new(year, month as i8 + 1, day).map_err(|_| bad())
}
