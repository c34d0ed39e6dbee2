//! The `[tickets]` table of `config.toml`:
//!
//! ```toml
//! [tickets]
//! window_days = 90                          # escalations count up to this many days after kickoff
//! escalation_priorities = ["urgent", "high"]
//! escalation_tags = ["escalation", "exec_escalation"]
//! date_order = "dmy"                        # how 03/04/2026 reads; default mdy
//! desk = "servicenow"                       # the name of a desk baton does not know
//!
//! [tickets.columns]                         # baton field = export header
//! id = "Number"
//! account = "Company"
//! ```

use crate::workspace::crm::DateOrder;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The ticket fields a column can fill.
pub const TICKET_FIELDS: [&str; 8] = [
    "id", "subject", "status", "priority", "account", "email", "created", "tags",
];

#[derive(Debug, Clone)]
pub struct TicketConfig {
    /// The file it came from, named in errors about its keys.
    pub path: PathBuf,
    pub window_days: u32,
    pub escalation_priorities: Vec<String>,
    pub escalation_tags: Vec<String>,
    pub date_order: DateOrder,
    pub desk: Option<String>,
    pub columns: BTreeMap<String, String>,
}

impl Default for TicketConfig {
    fn default() -> Self {
        TicketConfig {
            path: PathBuf::new(),
            window_days: 90,
            // Each desk's top two priorities (Zendesk and Freshdesk urgent and
            // high, Jira highest and high, or blocker and critical).
            escalation_priorities: ["urgent", "high", "highest", "critical", "blocker"]
                .map(String::from)
                .to_vec(),
            escalation_tags: ["escalation", "escalated", "exec_escalation"]
                .map(String::from)
                .to_vec(),
            date_order: DateOrder::Mdy,
            desk: None,
            columns: BTreeMap::new(),
        }
    }
}

/// Read `[tickets]` of the config file at `path` (absent: defaults).
pub fn load_ticket_config(path: &Path) -> Result<TicketConfig, String> {
    match std::fs::read_to_string(path) {
        Ok(text) => parse_ticket_config(&text, path),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(TicketConfig {
            path: path.to_path_buf(),
            ..TicketConfig::default()
        }),
        Err(e) => Err(format!("{}: cannot read: {e}", path.display())),
    }
}

pub fn parse_ticket_config(text: &str, path: &Path) -> Result<TicketConfig, String> {
    let at = |m: String| format!("{}: {m}", path.display());
    let doc: toml::Table = text
        .parse()
        .map_err(|e| crate::text::toml_error(path, text, &e))?;
    let mut cfg = TicketConfig {
        path: path.to_path_buf(),
        ..TicketConfig::default()
    };
    let Some(table) = doc.get("tickets") else {
        return Ok(cfg);
    };
    let table = table
        .as_table()
        .ok_or_else(|| at("[tickets] must be a table".into()))?;
    for (key, value) in table {
        let key_name = format!("[tickets] {}", crate::text::sanitize(key));
        match key.as_str() {
            "window_days" => {
                cfg.window_days = value
                    .as_integer()
                    .and_then(|n| u32::try_from(n).ok())
                    .filter(|n| *n > 0)
                    .ok_or_else(|| at(format!("{key_name}: expected a number of days above 0")))?
            }
            "escalation_priorities" | "escalation_tags" => {
                let list = strings(value)
                    .ok_or_else(|| at(format!("{key_name}: expected a list of strings")))?;
                if key == "escalation_priorities" {
                    cfg.escalation_priorities = list;
                } else {
                    cfg.escalation_tags = list;
                }
            }
            "date_order" => {
                cfg.date_order = value
                    .as_str()
                    .and_then(DateOrder::parse)
                    .ok_or_else(|| at(format!("{key_name}: expected \"mdy\" or \"dmy\"")))?
            }
            "desk" => {
                cfg.desk = Some(
                    value
                        .as_str()
                        .map(crate::text::sanitize_line)
                        .filter(|d| !d.trim().is_empty())
                        .ok_or_else(|| at(format!("{key_name}: expected the desk's name")))?,
                )
            }
            "columns" => {
                let map = value
                    .as_table()
                    .ok_or_else(|| at("[tickets.columns] must be a table".into()))?;
                for (field, header) in map {
                    let field_name = crate::text::sanitize(field);
                    if !TICKET_FIELDS.contains(&field.as_str()) {
                        return Err(at(format!(
                            "[tickets.columns] {field_name}: not a ticket field ({})",
                            TICKET_FIELDS.join(", ")
                        )));
                    }
                    let header = header.as_str().ok_or_else(|| {
                        at(format!(
                            "[tickets.columns] {field_name}: expected an export header (a string)"
                        ))
                    })?;
                    cfg.columns.insert(field.clone(), header.to_string());
                }
            }
            _ => {
                return Err(at(format!(
                    "{key_name}: unknown key (window_days, escalation_priorities, \
                     escalation_tags, date_order, desk, columns)"
                )));
            }
        }
    }
    Ok(cfg)
}

fn strings(value: &toml::Value) -> Option<Vec<String>> {
    value
        .as_array()?
        .iter()
        .map(|v| v.as_str().map(str::to_string))
        .collect()
}
