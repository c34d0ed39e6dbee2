//! The CRM record, `deal.toml`. Every field is optional; entries that the analysis
//! cites (`[[goals]]`, `[[risks]]`, `[[commitments]]`, `[[stakeholders]]`) keep the
//! 1-based line of their `text =` (or `name =`) key.

use jiff::civil::Date;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct DealRecord {
    pub id: String,
    pub name: Option<String>,
    pub account: Option<String>,
    pub segment: Option<String>,
    pub stage: Option<String>,
    pub closed_on: Option<Date>,
    pub amount: Option<f64>,
    pub currency: Option<String>,
    pub ae: Option<String>,
    pub csm: Option<String>,
    pub kickoff: Option<Date>,
    pub first_value: Option<FirstValue>,
    pub stakeholders: Vec<DealStakeholder>,
    pub goals: Vec<DealGoal>,
    pub risks: Vec<DealRisk>,
    pub commitments: Vec<DealCommitment>,
    /// Unknown keys, kept and shown, never dropped (rendered as TOML values).
    pub extra: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct FirstValue {
    pub date: Option<Date>,
    pub criteria: Option<String>,
    /// Line of `criteria =` (or of `[first_value]` when there is none).
    pub line: u32,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct DealStakeholder {
    pub name: String,
    pub title: Option<String>,
    pub role: Option<String>,
    pub email: Option<String>,
    pub line: u32,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct DealGoal {
    pub text: String,
    /// `buyer` or `user` when the CRM says; otherwise the analysis classifies.
    pub kind: Option<String>,
    pub measure: Option<String>,
    pub line: u32,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct DealRisk {
    pub text: String,
    pub owner: Option<String>,
    pub line: u32,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct DealCommitment {
    pub text: String,
    pub category: Option<String>,
    pub line: u32,
}

// ---------------------------------------------------------------------------
// Parsing

use super::BundleError;
use crate::text::sanitize;
use std::path::Path;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Byte offset -> 1-based line, for the spans the TOML parser reports.
struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Lines { starts }
    }

    fn line(&self, offset: usize) -> u32 {
        let idx = self.starts.partition_point(|&s| s <= offset);
        u32::try_from(idx.max(1)).unwrap_or(u32::MAX)
    }
}

struct Ctx<'a> {
    path: &'a Path,
    lines: Lines,
}

impl Ctx<'_> {
    fn err(&self, offset: usize, message: String) -> BundleError {
        BundleError::DealField {
            path: self.path.to_path_buf(),
            line: self.lines.line(offset),
            message,
        }
    }

    fn line(&self, offset: usize) -> u32 {
        self.lines.line(offset)
    }
}

/// Parse the text of `deal.toml` (already checked as UTF-8). `path` is what errors
/// name; `default_id` is used when the record has no `id`.
pub(crate) fn parse_deal(
    text: &str,
    path: &Path,
    default_id: &str,
) -> Result<DealRecord, BundleError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let ctx = Ctx {
        path,
        lines: Lines::new(text),
    };
    let doc = DeTable::parse(text).map_err(|e| BundleError::DealSyntax {
        path: path.to_path_buf(),
        line: e.span().map(|s| ctx.line(s.start)),
        message: super::error::one_line(e.message()),
    })?;
    let mut deal = DealRecord {
        id: sanitize(default_id),
        ..DealRecord::default()
    };
    let mut id_given = false;
    for (key, value) in doc.get_ref() {
        let k = key.get_ref().as_ref();
        let at = key.span().start;
        match k {
            "id" => {
                deal.id = match value.get_ref() {
                    DeValue::Integer(_) => render(value.get_ref()),
                    // Checked as written: an id is never silently cleaned into another.
                    DeValue::String(raw) => {
                        check_id(raw).map_err(|why| ctx.err(at, format!("\"id\" {why}")))?;
                        raw.to_string()
                    }
                    _ => string(&ctx, k, value, at)?,
                };
                id_given = true;
            }
            "name" => deal.name = filled(string(&ctx, k, value, at)?),
            "account" => deal.account = filled(string(&ctx, k, value, at)?),
            "segment" => deal.segment = filled(string(&ctx, k, value, at)?),
            "stage" => deal.stage = filled(string(&ctx, k, value, at)?),
            "currency" => deal.currency = filled(string(&ctx, k, value, at)?),
            "ae" => deal.ae = filled(string(&ctx, k, value, at)?),
            "csm" => deal.csm = filled(string(&ctx, k, value, at)?),
            "closed_on" => deal.closed_on = Some(date(&ctx, k, value, at)?),
            "kickoff" => deal.kickoff = Some(date(&ctx, k, value, at)?),
            "amount" => deal.amount = Some(number(&ctx, k, value, at)?),
            "first_value" => {
                deal.first_value = Some(first_value(&ctx, value, at, &mut deal.extra)?)
            }
            "stakeholders" => {
                for (i, t_at, t) in entries(&ctx, k, value, at)? {
                    let mut s = DealStakeholder {
                        line: ctx.line(t_at),
                        ..Default::default()
                    };
                    for (ek, ev) in t {
                        let ekn = ek.get_ref().as_ref();
                        let eat = ek.span().start;
                        match ekn {
                            "name" => {
                                s.name = string(&ctx, ekn, ev, eat)?;
                                s.line = ctx.line(eat);
                            }
                            "title" => s.title = Some(string(&ctx, ekn, ev, eat)?),
                            "role" => s.role = Some(string(&ctx, ekn, ev, eat)?),
                            "email" => s.email = Some(string(&ctx, ekn, ev, eat)?),
                            _ => keep(&mut deal.extra, format!("stakeholders[{i}].{ekn}"), ev),
                        }
                    }
                    deal.stakeholders.push(s);
                }
            }
            "goals" => {
                for mut e in
                    text_entries(&ctx, k, value, at, &["kind", "measure"], &mut deal.extra)?
                {
                    deal.goals.push(DealGoal {
                        kind: e.fields.remove("kind"),
                        measure: e.fields.remove("measure"),
                        text: e.text,
                        line: e.line,
                    });
                }
            }
            "risks" => {
                for mut e in text_entries(&ctx, k, value, at, &["owner"], &mut deal.extra)? {
                    deal.risks.push(DealRisk {
                        owner: e.fields.remove("owner"),
                        text: e.text,
                        line: e.line,
                    });
                }
            }
            "commitments" => {
                for mut e in text_entries(&ctx, k, value, at, &["category"], &mut deal.extra)? {
                    deal.commitments.push(DealCommitment {
                        category: e.fields.remove("category"),
                        text: e.text,
                        line: e.line,
                    });
                }
            }
            _ => keep(&mut deal.extra, sanitize(k), value),
        }
    }
    if !id_given {
        check_id(&deal.id).map_err(|why| {
            ctx.err(
                0,
                format!("no \"id\", and the folder name as the deal id {why}"),
            )
        })?;
    }
    Ok(deal)
}

/// Longer than any CRM's ids; short enough that `ID.md` is a valid file name.
const MAX_ID_BYTES: usize = 200;

/// What is wrong with a deal id, if anything: it names the workspace's record,
/// the exported brief's file and every event, so it must be one line of
/// printable text that is not a folder's name (`.`, `..`). The answer reads
/// after the id's name: `"id" is empty`.
pub(crate) fn check_id(id: &str) -> Result<(), &'static str> {
    let bidi = |c: char| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}');
    if id.trim().is_empty() {
        Err("is empty")
    } else if id == "." || id == ".." {
        Err("cannot be \".\" or \"..\" (a folder's name)")
    } else if id.chars().any(|c| c.is_control() || bidi(c)) {
        Err("holds a control or text-direction character")
    } else if id != id.trim() {
        Err("starts or ends with a space")
    } else if id.len() > MAX_ID_BYTES {
        Err("is longer than 200 bytes")
    } else {
        Ok(())
    }
}

/// One `[[goals]]`, `[[risks]]` or `[[commitments]]` entry: its required
/// `text`, cited at the line of that key, and the optional string fields the
/// section knows; any other key is kept as an extra CRM field.
struct TextEntry {
    text: String,
    line: u32,
    fields: BTreeMap<String, String>,
}

fn text_entries(
    ctx: &Ctx<'_>,
    section: &str,
    value: &Spanned<DeValue<'_>>,
    at: usize,
    known: &[&str],
    extra: &mut BTreeMap<String, String>,
) -> Result<Vec<TextEntry>, BundleError> {
    let mut out = Vec::new();
    for (i, entry_at, table) in entries(ctx, section, value, at)? {
        let mut text = String::new();
        let mut text_at = None;
        let mut fields = BTreeMap::new();
        for (key, v) in table {
            let name = key.get_ref().as_ref();
            let key_at = key.span().start;
            if name == "text" {
                text = string(ctx, name, v, key_at)?;
                text_at = Some(key_at);
            } else if known.contains(&name) {
                fields.insert(name.to_string(), string(ctx, name, v, key_at)?);
            } else {
                keep(extra, format!("{section}[{i}].{name}"), v);
            }
        }
        out.push(TextEntry {
            line: required_text(ctx, section, text_at, entry_at)?,
            text,
            fields,
        });
    }
    Ok(out)
}

fn required_text(
    ctx: &Ctx<'_>,
    table: &str,
    text_at: Option<usize>,
    entry_at: usize,
) -> Result<u32, BundleError> {
    match text_at {
        Some(at) => Ok(ctx.line(at)),
        None => Err(ctx.err(entry_at, format!("[[{table}]] entry has no \"text\""))),
    }
}

/// An empty field (`csm = ""`) is a field not filled in: CRM exports write
/// every column, set or not.
fn filled(s: String) -> Option<String> {
    (!s.trim().is_empty()).then_some(s)
}

fn string(
    ctx: &Ctx<'_>,
    key: &str,
    value: &Spanned<DeValue<'_>>,
    at: usize,
) -> Result<String, BundleError> {
    match value.get_ref() {
        DeValue::String(s) => Ok(sanitize(s)),
        _ => Err(ctx.err(at, format!("\"{key}\" must be a string"))),
    }
}

fn date(
    ctx: &Ctx<'_>,
    key: &str,
    value: &Spanned<DeValue<'_>>,
    at: usize,
) -> Result<Date, BundleError> {
    let bad = || ctx.err(at, format!("\"{key}\" must be a date"));
    match value.get_ref() {
        DeValue::Datetime(dt) => {
            let d = dt.date.ok_or_else(bad)?;
            let year = i16::try_from(d.year).map_err(|_| bad())?;
            Date::new(year, d.month as i8, d.day as i8).map_err(|_| bad())
        }
        DeValue::String(s) => {
            let s = s.trim();
            let head = s
                .get(..10)
                .filter(|_| s.len() == 10 || s[10..].starts_with(['T', 't', ' ']));
            head.and_then(|h| h.parse::<Date>().ok()).ok_or_else(|| {
                ctx.err(
                    at,
                    format!("invalid date for key \"{key}\": expected YYYY-MM-DD"),
                )
            })
        }
        _ => Err(bad()),
    }
}

fn number(
    ctx: &Ctx<'_>,
    key: &str,
    value: &Spanned<DeValue<'_>>,
    at: usize,
) -> Result<f64, BundleError> {
    let bad = || ctx.err(at, format!("\"{key}\" must be a number"));
    match value.get_ref() {
        DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix())
            .map(|n| n as f64)
            .map_err(|_| bad()),
        DeValue::Float(f) => f
            .as_str()
            .replace('_', "")
            .parse::<f64>()
            .map_err(|_| bad())
            .and_then(finite(bad)),
        DeValue::String(s) => {
            let cleaned: String = s
                .chars()
                .filter(|c| !matches!(c, ',' | '_' | '$' | ' '))
                .collect();
            cleaned
                .parse::<f64>()
                .map_err(|_| bad())
                .and_then(finite(bad))
        }
        _ => Err(bad()),
    }
}

fn finite(bad: impl Fn() -> BundleError) -> impl Fn(f64) -> Result<f64, BundleError> {
    move |n| if n.is_finite() { Ok(n) } else { Err(bad()) }
}

/// The tables of an array of tables: index, offset of the entry, table.
fn entries<'v, 'i>(
    ctx: &Ctx<'_>,
    key: &str,
    value: &'v Spanned<DeValue<'i>>,
    at: usize,
) -> Result<Vec<(usize, usize, &'v DeTable<'i>)>, BundleError> {
    let DeValue::Array(items) = value.get_ref() else {
        return Err(ctx.err(at, format!("\"{key}\" must be an array of tables")));
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match item.get_ref() {
            DeValue::Table(t) => out.push((i, item.span().start, t)),
            _ => {
                return Err(ctx.err(
                    item.span().start,
                    format!("\"{key}\" must be an array of tables"),
                ));
            }
        }
    }
    Ok(out)
}

fn first_value(
    ctx: &Ctx<'_>,
    value: &Spanned<DeValue<'_>>,
    at: usize,
    extra: &mut BTreeMap<String, String>,
) -> Result<FirstValue, BundleError> {
    let DeValue::Table(t) = value.get_ref() else {
        return Err(ctx.err(at, "\"first_value\" must be a table".to_string()));
    };
    let mut fv = FirstValue {
        line: ctx.line(at),
        ..FirstValue::default()
    };
    for (ek, ev) in t {
        let ekn = ek.get_ref().as_ref();
        let eat = ek.span().start;
        match ekn {
            "date" => fv.date = Some(date(ctx, ekn, ev, eat)?),
            "criteria" => {
                fv.criteria = Some(string(ctx, ekn, ev, eat)?);
                fv.line = ctx.line(eat);
            }
            _ => keep(extra, format!("first_value.{ekn}"), ev),
        }
    }
    Ok(fv)
}

/// Keep an unknown key, its value rendered as text.
fn keep(extra: &mut BTreeMap<String, String>, key: String, value: &Spanned<DeValue<'_>>) {
    extra.insert(sanitize(&key), sanitize(&render(value.get_ref())));
}

/// A value as shown to people: a string as itself, anything else as TOML.
fn render(value: &DeValue<'_>) -> String {
    match value {
        DeValue::String(s) => s.to_string(),
        other => {
            let mut out = String::new();
            render_toml(other, &mut out);
            out
        }
    }
}

fn render_toml(value: &DeValue<'_>, out: &mut String) {
    use std::fmt::Write;
    match value {
        DeValue::String(s) => {
            out.push('"');
            for c in s.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\t' => out.push_str("\\t"),
                    c if c.is_control() => {
                        let _ = write!(out, "\\u{:04X}", c as u32);
                    }
                    c => out.push(c),
                }
            }
            out.push('"');
        }
        DeValue::Integer(i) => match i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()) {
            Ok(n) => {
                let _ = write!(out, "{n}");
            }
            Err(_) => out.push_str(i.as_str()),
        },
        DeValue::Float(f) => out.push_str(f.as_str()),
        DeValue::Boolean(b) => {
            let _ = write!(out, "{b}");
        }
        DeValue::Datetime(d) => {
            let _ = write!(out, "{d}");
        }
        DeValue::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                render_toml(item.get_ref(), out);
            }
            out.push(']');
        }
        DeValue::Table(t) => {
            out.push('{');
            for (i, (k, v)) in t.iter().enumerate() {
                out.push_str(if i > 0 { ", " } else { " " });
                let k = k.get_ref();
                if !k.is_empty()
                    && k.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                {
                    out.push_str(k);
                } else {
                    render_toml(&DeValue::String(k.clone()), out);
                }
                out.push_str(" = ");
                render_toml(v.get_ref(), out);
            }
            out.push_str(if t.is_empty() { "}" } else { " }" });
        }
    }
}

#[cfg(test)]
mod tests;
