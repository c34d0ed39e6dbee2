//! The `[crm.<source>]` tables of `config.toml`:
//!
//! ```toml
//! [crm.hubspot]
//! date_order = "dmy"                  # how 03/04/2026 reads; default mdy
//! won_stages = ["Signed"]             # custom pipeline stages that count as won
//! ignore_columns = ["Forecast category"]
//!
//! [crm.hubspot.columns]               # baton field = export header
//! csm = "CS Owner"
//! kickoff = "Kickoff Date"
//! segment = "Customer Tier"
//!
//! [crm.hubspot.activity_columns]
//! body = "Notes"
//! ```

use super::{DateOrder, Source};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One source's settings; the defaults when config.toml or the table is absent.
#[derive(Debug, Clone, Default)]
pub struct CrmConfig {
    /// The file it came from, named in errors about its keys.
    pub path: PathBuf,
    pub date_order: Option<DateOrder>,
    pub won_stages: Vec<String>,
    pub ignore_columns: Vec<String>,
    pub columns: BTreeMap<String, String>,
    pub activity_columns: BTreeMap<String, String>,
}

/// Read `[crm.<source>]` of the config file at `path` (absent: defaults).
pub fn load_crm_config(path: &Path, source: Source) -> Result<CrmConfig, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(CrmConfig {
                path: path.to_path_buf(),
                ..CrmConfig::default()
            });
        }
        Err(e) => return Err(format!("{}: cannot read: {e}", path.display())),
    };
    parse_crm_config(&text, path, source)
}

pub fn parse_crm_config(text: &str, path: &Path, source: Source) -> Result<CrmConfig, String> {
    let at = |m: String| format!("{}: {m}", path.display());
    let doc: toml::Table = text
        .parse()
        .map_err(|e| crate::text::toml_error(path, text, &e))?;
    let mut cfg = CrmConfig {
        path: path.to_path_buf(),
        ..CrmConfig::default()
    };
    let Some(crm) = doc.get("crm") else {
        return Ok(cfg);
    };
    let crm = crm
        .as_table()
        .ok_or_else(|| at("[crm] must be a table".into()))?;
    for key in crm.keys() {
        if Source::parse(key).is_none() {
            return Err(at(format!(
                "[crm] {}: not a CRM (hubspot or salesforce)",
                crate::text::sanitize(key)
            )));
        }
    }
    let Some(table) = crm.get(source.key()) else {
        return Ok(cfg);
    };
    let name = format!("crm.{}", source.key());
    let table = table
        .as_table()
        .ok_or_else(|| at(format!("[{name}] must be a table")))?;
    for (key, value) in table {
        let key_name = format!("[{name}] {}", crate::text::sanitize(key));
        match key.as_str() {
            "date_order" => {
                cfg.date_order = Some(
                    value
                        .as_str()
                        .and_then(DateOrder::parse)
                        .ok_or_else(|| at(format!("{key_name}: expected \"mdy\" or \"dmy\"")))?,
                )
            }
            "won_stages" => {
                cfg.won_stages = strings(value)
                    .ok_or_else(|| at(format!("{key_name}: expected a list of stage names")))?
            }
            "ignore_columns" => {
                cfg.ignore_columns = strings(value)
                    .ok_or_else(|| at(format!("{key_name}: expected a list of column headers")))?
            }
            "columns" | "activity_columns" => {
                let map = value
                    .as_table()
                    .ok_or_else(|| at(format!("[{name}.{key}] must be a table")))?;
                let mut out = BTreeMap::new();
                for (field, header) in map {
                    let header = header.as_str().ok_or_else(|| {
                        at(format!(
                            "[{name}.{key}] {}: expected an export header (a string)",
                            crate::text::sanitize(field)
                        ))
                    })?;
                    out.insert(field.clone(), header.to_string());
                }
                if key == "columns" {
                    cfg.columns = out;
                } else {
                    cfg.activity_columns = out;
                }
            }
            _ => {
                return Err(at(format!(
                    "{key_name}: unknown key (date_order, won_stages, ignore_columns, columns, activity_columns)"
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
