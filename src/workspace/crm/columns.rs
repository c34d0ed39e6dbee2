//! Which column of an export holds which baton field: the headers each CRM's
//! standard exports use, overridden by `[crm.<source>.columns]` (deals) and
//! `[crm.<source>.activity_columns]` (activities) in `config.toml`.

use super::Source;
use std::collections::BTreeMap;
use std::path::Path;

/// The deal fields a column can fill, with the headers HubSpot and Salesforce
/// exports give them. Headers match ignoring case and surrounding space.
pub const DEAL_FIELDS: &[(&str, &[&str], &[&str])] = &[
    // (field, HubSpot headers, Salesforce headers)
    ("id", &["Record ID", "Deal ID"], &["Opportunity ID", "Id"]),
    ("name", &["Deal Name"], &["Opportunity Name", "Name"]),
    (
        "account",
        &[
            "Associated Company",
            "Associated Company (Primary)",
            "Company name",
            "Company",
        ],
        &["Account Name", "Account.Name", "Account"],
    ),
    ("stage", &["Deal Stage"], &["Stage", "StageName"]),
    ("closed_on", &["Close Date"], &["Close Date", "CloseDate"]),
    ("amount", &["Amount"], &["Amount"]),
    (
        "currency",
        &["Currency", "Deal currency code"],
        &[
            "Opportunity Currency",
            "Amount Currency",
            "Currency",
            "CurrencyIsoCode",
        ],
    ),
    (
        "ae",
        &["Deal owner"],
        &["Opportunity Owner", "Owner Name", "Owner.Name"],
    ),
    ("segment", &["Segment"], &["Segment"]),
    (
        "csm",
        &["CSM", "Customer Success Manager"],
        &["CSM", "Customer Success Manager"],
    ),
    (
        "kickoff",
        &["Kickoff Date", "Kickoff"],
        &["Kickoff Date", "Kickoff"],
    ),
    ("first_value_date", &[], &[]),
    ("first_value_criteria", &[], &[]),
    (
        "description",
        &["Deal Description", "Description"],
        &["Description"],
    ),
    (
        "contact",
        &["Associated Contact", "Associated Contacts"],
        &["Contact Name", "Contact: Full Name", "Primary Contact"],
    ),
    ("contact_title", &[], &["Title", "Contact: Title"]),
    ("contact_role", &[], &["Contact Role", "Role"]),
    ("contact_email", &[], &["Email", "Contact: Email"]),
];

/// The activity fields, likewise. Activities join their deal by id, else by name.
pub const ACTIVITY_FIELDS: &[(&str, &[&str], &[&str])] = &[
    (
        "deal_id",
        &["Associated Deal IDs", "Associated Deal ID", "Deal ID"],
        &["Opportunity ID", "What Id", "Related To ID", "WhatId"],
    ),
    (
        "deal_name",
        &["Associated Deal", "Associated Deals", "Deal Name"],
        &["Opportunity", "Opportunity Name", "Related To"],
    ),
    (
        "date",
        &["Activity date", "Create date", "Created at"],
        &["Date", "Activity Date", "Due Date", "Created Date"],
    ),
    (
        "type",
        &["Activity type", "Engagement type", "Type"],
        &["Type", "Task Subtype", "Activity Type", "Task/Event"],
    ),
    (
        "author",
        &["Created by", "Activity assigned to", "Activity owner"],
        &["Assigned", "Assigned To", "Created By"],
    ),
    ("subject", &["Subject", "Call title"], &["Subject"]),
    (
        "body",
        &["Note body", "Body", "Call notes", "Email body"],
        &["Comments", "Full Comments", "Description"],
    ),
];

/// Columns that change without the deal changing (counters, last-touched
/// dates): kept out of deal.toml so that exporting again is "unchanged".
pub const VOLATILE: &[&str] = &[
    "Last Modified Date",
    "Last Activity Date",
    "Last Activity",
    "Next Activity Date",
    "Last Contacted",
    "Number of times contacted",
    "Number of Sales Activities",
    "Last Stage Change Date",
    "Days in Stage",
    "Recent Deal Close Date",
];

/// Field -> column index, and the indexes no field took.
#[derive(Debug, Default)]
pub struct ColumnMap {
    pub fields: BTreeMap<&'static str, usize>,
    pub rest: Vec<usize>,
}

impl ColumnMap {
    pub fn get(&self, field: &str) -> Option<usize> {
        self.fields.get(field).copied()
    }
}

/// How the configured map is named in errors.
pub struct Configured<'a> {
    pub path: &'a Path,
    pub table: String,
    pub map: &'a BTreeMap<String, String>,
}

fn same(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// Resolve `fields` against `headers`: a configured header first (an error,
/// naming config file and key, when the key is no field or the header no
/// column of `file`), else the first standard header present.
pub fn resolve(
    headers: &[String],
    fields: &[(&'static str, &[&str], &[&str])],
    source: Source,
    configured: &Configured<'_>,
    file: &Path,
) -> Result<ColumnMap, String> {
    let mut map = ColumnMap::default();
    for (key, header) in configured.map {
        let Some((field, ..)) = fields.iter().find(|(f, ..)| f == key) else {
            let known: Vec<&str> = fields.iter().map(|(f, ..)| *f).collect();
            return Err(format!(
                "{}: [{}] {}: not a baton field (one of {})",
                configured.path.display(),
                configured.table,
                crate::text::sanitize(key),
                known.join(", ")
            ));
        };
        let Some(i) = headers.iter().position(|h| same(h, header)) else {
            return Err(format!(
                "{}: [{}] {} = \"{}\": {} has no such column",
                configured.path.display(),
                configured.table,
                field,
                crate::text::sanitize(header),
                file.display()
            ));
        };
        map.fields.insert(field, i);
    }
    for (field, hubspot, salesforce) in fields {
        if map.fields.contains_key(field) {
            continue;
        }
        let names = match source {
            Source::HubSpot => *hubspot,
            Source::Salesforce => *salesforce,
        };
        let taken: Vec<usize> = map.fields.values().copied().collect();
        let found = names.iter().find_map(|n| {
            headers
                .iter()
                .enumerate()
                .find(|&(i, h)| same(h, n) && !taken.contains(&i))
                .map(|(i, _)| i)
        });
        if let Some(i) = found {
            map.fields.insert(field, i);
        }
    }
    let taken: Vec<usize> = map.fields.values().copied().collect();
    map.rest = (0..headers.len()).filter(|i| !taken.contains(i)).collect();
    Ok(map)
}

/// Whether `headers` have a column for `field` by the standard headers or the
/// configured map: what tells an export of the right kind from another file
/// before the configured map is held against it.
pub fn has_field(
    headers: &[String],
    fields: &[(&'static str, &[&str], &[&str])],
    source: Source,
    configured: &Configured<'_>,
    field: &str,
) -> bool {
    configured.map.contains_key(field)
        || fields.iter().any(|(f, hubspot, salesforce)| {
            let names = match source {
                Source::HubSpot => *hubspot,
                Source::Salesforce => *salesforce,
            };
            *f == field && names.iter().any(|n| headers.iter().any(|h| same(h, n)))
        })
}

/// Whether a leftover column is left out of deal.toml: empty headers, the
/// volatile ones and the configured `ignore_columns`.
pub fn ignored(header: &str, ignore: &[String]) -> bool {
    header.trim().is_empty()
        || VOLATILE.iter().any(|v| same(v, header))
        || ignore.iter().any(|v| same(v, header))
}
