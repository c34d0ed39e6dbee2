//! The deals export: one `deal.toml` table per closed-won row.

use super::columns::{self, ColumnMap, Configured, DEAL_FIELDS};
use super::values::{DateOrder, folder_name, is_won, parse_amount, parse_date};
use super::{CrmConfig, RowError, Source, Table, cell, read_table};
use crate::text::sanitize;
use std::collections::BTreeMap;
use std::path::Path;
use toml::{Table as TomlTable, Value};

/// One closed-won deal as it will be written.
#[derive(Debug, Clone)]
pub struct CrmDeal {
    pub id: String,
    pub name: Option<String>,
    /// The physical line of its (first) row in the export.
    pub line: u64,
    /// The bundle folder's name, from the id.
    pub folder: String,
    /// The `deal.toml` record.
    pub record: TomlTable,
    /// Notes files by their path in the bundle (`notes/...`), with their text.
    pub notes: BTreeMap<String, String>,
}

/// What reading a deals export gave.
#[derive(Debug, Default)]
pub struct DealsRead {
    pub deals: Vec<CrmDeal>,
    /// Data rows read.
    pub rows: usize,
    /// Rows not closed-won.
    pub skipped: usize,
    pub errors: Vec<RowError>,
    /// Things worth saying that are not errors (no stage column).
    pub warnings: Vec<String>,
}

/// deal.toml's scalar fields, in the order the spec lists them (and
/// `render_deal` writes them).
pub(super) const SCALAR_KEYS: &[&str] = &[
    "id",
    "name",
    "account",
    "segment",
    "stage",
    "closed_on",
    "amount",
    "currency",
    "ae",
    "csm",
    "kickoff",
];

/// Keys deal.toml gives a meaning beyond [`SCALAR_KEYS`]; a CRM column named
/// like any of them is kept under another key so it cannot be read as one.
const OTHER_RESERVED: &[&str] = &[
    "locale",
    "first_value",
    "stakeholders",
    "goals",
    "risks",
    "commitments",
];

fn is_reserved(key: &str) -> bool {
    SCALAR_KEYS.contains(&key) || OTHER_RESERVED.contains(&key)
}

/// Read a deals export of `source`. `Err` is a file-level error (unreadable,
/// not a deals export, a configured column it does not have); bad rows are in
/// `errors` and the rest are read.
pub fn read_deals(
    path: &Path,
    source: Source,
    cfg: &CrmConfig,
    order: DateOrder,
) -> Result<DealsRead, String> {
    let table = read_table(path)?;
    let configured = Configured {
        path: &cfg.path,
        table: format!("crm.{}.columns", source.key()),
        map: &cfg.columns,
    };
    let has = |f| columns::has_field(&table.headers, DEAL_FIELDS, source, &configured, f);
    if !has("id") {
        let (what, id) = match source {
            Source::HubSpot => ("a HubSpot deals export", "Record ID"),
            Source::Salesforce => ("a Salesforce opportunity report", "Opportunity ID"),
        };
        return Err(format!(
            "{}: not {what}: no \"{id}\" column (export it, or map id = \"...\" in [crm.{}.columns])",
            path.display(),
            source.key()
        ));
    }
    let map = columns::resolve(&table.headers, DEAL_FIELDS, source, &configured, path)?;
    let Some(id_col) = map.get("id") else {
        return Err(format!("{}: no deal id column", path.display()));
    };
    let mut out = DealsRead {
        rows: table.rows.len(),
        ..DealsRead::default()
    };
    if map.get("stage").is_none() {
        out.warnings.push(format!(
            "{}: no stage column: every row taken as closed-won",
            path.display()
        ));
    }
    let mut by_id: BTreeMap<String, usize> = BTreeMap::new();
    for (line, row) in &table.rows {
        if let Some(stage) = cell(row, map.get("stage")) {
            if !is_won(stage, &cfg.won_stages) {
                out.skipped += 1;
                continue;
            }
        }
        let err = |message: String| RowError {
            file: path.to_path_buf(),
            line: *line,
            message,
        };
        let Some(id) = cell(row, Some(id_col)) else {
            let header = table.headers.get(id_col).map_or("", String::as_str);
            out.errors.push(err(format!(
                "no deal id (the \"{}\" cell is empty)",
                sanitize(header)
            )));
            continue;
        };
        let id = sanitize(id);
        let deal = match build(&table, &map, row, &id, *line, cfg, order) {
            Ok(d) => d,
            Err(problems) => {
                out.errors
                    .push(err(format!("deal {id}: {}", problems.join("; "))));
                continue;
            }
        };
        match by_id.get(&id) {
            // A report with contact roles repeats the opportunity once per
            // contact: the rows add stakeholders to the first.
            Some(&i) => merge(&mut out.deals[i], deal),
            None => {
                by_id.insert(id.clone(), out.deals.len());
                out.deals.push(deal);
            }
        }
    }
    Ok(out)
}

/// One row to a deal, or every problem the row has.
fn build(
    table: &Table,
    map: &ColumnMap,
    row: &[String],
    id: &str,
    line: u64,
    cfg: &CrmConfig,
    order: DateOrder,
) -> Result<CrmDeal, Vec<String>> {
    let mut problems = Vec::new();
    let mut record = TomlTable::new();
    let text = |field: &str| cell(row, map.get(field)).map(sanitize);
    let header = |field: &str| {
        map.get(field)
            .and_then(|i| table.headers.get(i))
            .map_or_else(String::new, |h| sanitize(h))
    };
    let date = |field: &str, problems: &mut Vec<String>| {
        let raw = cell(row, map.get(field))?;
        match parse_date(raw, order) {
            Ok(d) => Some(toml_date(d)),
            Err(e) => {
                problems.push(format!("{}: {}", header(field), sanitize(&e)));
                None
            }
        }
    };
    let closed_on = date("closed_on", &mut problems);
    let kickoff = date("kickoff", &mut problems);
    let fv_date = date("first_value_date", &mut problems);
    record.insert("id".into(), Value::String(id.to_string()));
    for field in ["name", "account", "segment", "stage", "ae", "csm"] {
        if let Some(v) = text(field) {
            record.insert(field.into(), Value::String(v));
        }
    }
    if let Some(d) = closed_on {
        record.insert("closed_on".into(), d);
    }
    if let Some(d) = kickoff {
        record.insert("kickoff".into(), d);
    }
    let mut currency = text("currency").map(|c| c.to_ascii_uppercase());
    if let Some(raw) = cell(row, map.get("amount")) {
        match parse_amount(raw) {
            Ok((n, symbol)) => {
                // A whole amount stays an integer: `48000`, not `48000.0`.
                let whole = n.fract() == 0.0 && n.abs() < 9.0e15;
                record.insert(
                    "amount".into(),
                    if whole {
                        Value::Integer(n as i64)
                    } else {
                        Value::Float(n)
                    },
                );
                currency = currency.or(symbol.map(str::to_string));
            }
            Err(e) => problems.push(format!("{}: {}", header("amount"), sanitize(&e))),
        }
    }
    if let Some(c) = currency {
        record.insert("currency".into(), Value::String(c));
    }
    let criteria = text("first_value_criteria");
    if fv_date.is_some() || criteria.is_some() {
        let mut fv = TomlTable::new();
        if let Some(d) = fv_date {
            fv.insert("date".into(), d);
        }
        if let Some(c) = criteria {
            fv.insert("criteria".into(), Value::String(c));
        }
        record.insert("first_value".into(), Value::Table(fv));
    }
    let stakeholders = contacts(row, map);
    if !stakeholders.is_empty() {
        record.insert(
            "stakeholders".into(),
            Value::Array(stakeholders.into_iter().map(Value::Table).collect()),
        );
    }
    for &i in &map.rest {
        let Some(h) = table.headers.get(i) else {
            continue;
        };
        let Some(v) = cell(row, Some(i)) else {
            continue;
        };
        if columns::ignored(h, &cfg.ignore_columns) {
            continue;
        }
        let key = sanitize(h.trim());
        let key = if is_reserved(&key) {
            format!("crm {key}")
        } else {
            key
        };
        record.insert(key, Value::String(sanitize(v)));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut notes = BTreeMap::new();
    // The bundle is the deal: its name in the heading would repeat it, and a
    // deal's name is no context the analysis reads (the learned model never
    // saw this heading with a name in it, and took "rollout" for a sign).
    if let Some(d) = text("description") {
        notes.insert(
            "notes/crm-description.md".to_string(),
            format!("# Description in the CRM\n\n{}\n", d.trim_end()),
        );
    }
    let folder = folder_name(id)
        .ok_or_else(|| vec![format!("the id \"{id}\" has nothing a folder name can use")])?;
    Ok(CrmDeal {
        id: id.to_string(),
        name: text("name"),
        line,
        folder,
        record,
        notes,
    })
}

fn toml_date(d: jiff::civil::Date) -> Value {
    Value::Datetime(toml::value::Datetime {
        date: Some(toml::value::Date {
            year: d.year() as u16,
            month: d.month() as u8,
            day: d.day() as u8,
        }),
        time: None,
        offset: None,
    })
}

/// The stakeholders a row names: HubSpot's `Associated Contact` lists names
/// separated by `;` (sometimes `Name (email)`); a Salesforce contact-role
/// report has one contact per row with title, role and e-mail.
fn contacts(row: &[String], map: &ColumnMap) -> Vec<TomlTable> {
    let Some(names) = cell(row, map.get("contact")) else {
        return Vec::new();
    };
    let parts: Vec<&str> = names
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let single = parts.len() == 1;
    let mut out = Vec::new();
    for part in parts {
        let (name, email) = match part.split_once('(') {
            Some((n, rest)) if rest.contains('@') => {
                (n.trim(), Some(rest.trim_end_matches(')').trim()))
            }
            _ => (part, None),
        };
        let mut t = TomlTable::new();
        t.insert("name".into(), Value::String(sanitize(name)));
        // Title, role and e-mail columns describe the row's one contact.
        let email = email.or_else(|| {
            single
                .then(|| cell(row, map.get("contact_email")))
                .flatten()
        });
        if single {
            if let Some(title) = cell(row, map.get("contact_title")) {
                t.insert("title".into(), Value::String(sanitize(title)));
            }
            if let Some(role) = cell(row, map.get("contact_role")) {
                t.insert("role".into(), Value::String(role_of(role).into()));
            }
        }
        if let Some(e) = email {
            t.insert("email".into(), Value::String(sanitize(e)));
        }
        out.push(t);
    }
    out
}

/// Salesforce contact roles to deal.toml's stakeholder roles.
fn role_of(role: &str) -> &'static str {
    match super::values::stage_key(role).as_str() {
        "executivesponsor" | "executive" | "sponsor" => "executive_sponsor",
        "champion" => "champion",
        "decisionmaker" | "economicbuyer" | "economicdecisionmaker" => "decision_maker",
        "technicalbuyer" | "technical" | "technicalevaluator" | "evaluator" => "technical",
        "businessuser" | "user" | "enduser" => "user",
        "billing" | "billingcontact" | "procurement" | "finance" => "billing",
        "legal" => "legal",
        _ => "other",
    }
}

/// A repeated deal row: its stakeholders join the first row's (once each by
/// name); fields the first row left empty are taken from it.
fn merge(into: &mut CrmDeal, from: CrmDeal) {
    for (key, value) in from.record {
        if key == "stakeholders" {
            let Value::Array(new) = value else { continue };
            let entry = into
                .record
                .entry("stakeholders")
                .or_insert_with(|| Value::Array(Vec::new()));
            let Value::Array(list) = entry else { continue };
            for s in new {
                let name = |v: &Value| v.get("name").and_then(Value::as_str).map(str::to_lowercase);
                if !list.iter().any(|x| name(x) == name(&s)) {
                    list.push(s);
                }
            }
        } else {
            into.record.entry(key).or_insert(value);
        }
    }
    for (path, text) in from.notes {
        into.notes.entry(path).or_insert(text);
    }
}
