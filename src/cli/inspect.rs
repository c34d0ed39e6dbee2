//! Read-only commands: list, show, gates, diff, events, metrics.

use super::session::{self, Global, parse_date, parse_since, parse_until, print};
use baton::handoff::live::{LiveBrief, QuestionState, live};
use baton::handoff::{Decision, Handoff, ItemKind, gates, review_hash};
use baton::metrics::{self, Filter};
use serde::Serialize;

/// Pretty JSON with every string cleaned, not just escaped: a consumer that
/// prints a value must not get an escape sequence back from it.
fn json(value: &impl Serialize) -> Result<String, String> {
    let mut value = serde_json::to_value(value).map_err(|e| e.to_string())?;
    baton::text::sanitize_json(&mut value);
    serde_json::to_string_pretty(&value)
        .map(|s| s + "\n")
        .map_err(|e| e.to_string())
}

pub fn list(g: &Global, as_json: bool) -> Result<(), String> {
    let s = session::open_to_read(g)?;
    let deals = s.ws.list().map_err(|e| e.to_string())?;
    if as_json {
        return print(&json(&deals)?);
    }
    let mut out = String::with_capacity(deals.len() * 80);
    // The deal column is as wide as the longest id, so rows stay aligned.
    let w = deals
        .iter()
        .map(|d| d.id.chars().count())
        .max()
        .unwrap_or(0)
        .max(4);
    out.push_str(&format!(
        "{:<w$} {:<18} {:>4} {:>5}  {}\n",
        "DEAL", "STATUS", "REV", "OPEN", "NAME"
    ));
    for d in &deals {
        out.push_str(&format!(
            "{:<w$} {:<18} {:>4} {:>5}  {}\n",
            d.id,
            d.status,
            d.revision,
            d.open_items,
            d.name.as_deref().or(d.account.as_deref()).unwrap_or("")
        ));
    }
    if deals.is_empty() {
        out.push_str("(no deals: baton import PATH)\n");
    }
    print(&out)
}

#[derive(Serialize)]
struct Shown<'a> {
    #[serde(flatten)]
    handoff: &'a Handoff,
    review_hash: String,
    gates: Vec<baton::handoff::Gate>,
    approval_history: Vec<baton::workspace::ApprovalRecord>,
    /// The brief as the decisions stand (what `export` writes).
    live: LiveBrief,
}

fn decision_line(d: &Decision) -> Option<String> {
    let by = d.by()?;
    let who = format!(
        "{}{} at {}",
        by.name,
        by.role
            .map(|r| format!(" ({})", r.as_str()))
            .unwrap_or_default(),
        baton::handoff::events::stamp(by.at)
    );
    Some(match d {
        Decision::Risk { owner, due, .. } => {
            format!(
                "owner {owner}{}; by {who}",
                due.map(|d| format!(", due {d}")).unwrap_or_default()
            )
        }
        Decision::Answer { text, .. } => format!("answer: {text} ({who})"),
        Decision::Dismissed {
            dismissal, reason, ..
        } => match reason.as_str() {
            "" => format!("dismissed: {} ({who})", dismissal.label()),
            reason => format!("dismissed: {}: {reason} ({who})", dismissal.label()),
        },
        other => match other.note().filter(|n| !n.is_empty()) {
            Some(n) => format!("note: {n} ({who})"),
            None => format!("by {who}"),
        },
    })
}

pub fn show(g: &Global, deal: &str, as_json: bool) -> Result<(), String> {
    let s = session::open_to_read(g)?;
    let h = s.ws.handoff(deal).map_err(|e| e.to_string())?;
    let history = s.ws.approval_history(deal).map_err(|e| e.to_string())?;
    let now = live(&h);
    if as_json {
        return print(&json(&Shown {
            handoff: &h,
            review_hash: review_hash(&h),
            gates: gates(&h),
            approval_history: history,
            live: now,
        })?);
    }
    let mut out = format!(
        "{}  {}\nstatus {}, revision {}, review hash {}\n",
        h.deal.id,
        h.deal.name.as_deref().unwrap_or(""),
        h.status,
        h.revision,
        &review_hash(&h)[..16]
    );
    for kind in ItemKind::ALL {
        let items: Vec<_> = h.items_of(kind).collect();
        if items.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{}s\n", kind.as_str()));
        for i in items {
            let asked = now.questions.iter().find(|q| q.id == i.id);
            let state = match kind {
                ItemKind::Goal => i.goal_kind().map_or("?", |k| k.as_str()),
                ItemKind::Question => asked.map_or("?", |q| q.state.word()),
                _ => i.decision.state(),
            };
            let cat = i
                .category
                .as_deref()
                .filter(|_| kind != ItemKind::Goal)
                .map(|c| format!("[{c}] "))
                .unwrap_or_default();
            out.push_str(&format!("  {:<4} {:<13} {cat}{}\n", i.id, state, i.text));
            let ev: Vec<String> = i.evidence.iter().map(ToString::to_string).collect();
            out.push_str(&format!("       evidence: {}\n", ev.join(", ")));
            if !i.mentions.is_empty() {
                out.push_str(&format!(
                    "       {} mentions of one claim, one decision:\n",
                    i.mentions.len()
                ));
                for m in &i.mentions {
                    let at: Vec<String> = m.evidence.iter().map(ToString::to_string).collect();
                    out.push_str(&format!("         {}  {}\n", at.join(", "), m.text));
                }
            }
            if let Some(line) = decision_line(&i.decision) {
                out.push_str(&format!("       {line}\n"));
            }
            if let Some(QuestionState::Closed { reason }) = asked.map(|q| &q.state) {
                out.push_str(&format!("       closed: {reason}\n"));
            }
            if let Some(q) = now
                .conflicts
                .iter()
                .find(|x| x.id == i.id)
                .and_then(|x| x.contradicted_by.as_deref())
            {
                out.push_str(&format!("       FLAG: against the answer to {q}\n"));
            }
        }
    }
    if !now.contradictions.is_empty() {
        out.push_str("\nflags (decisions against the AE's answers)\n");
        for c in &now.contradictions {
            out.push_str(&format!("  {}\n", c.text));
        }
    }
    if !now.tasks.is_empty() {
        out.push_str("\ntasks\n");
        for t in &now.tasks {
            out.push_str(&format!(
                "  {:<4} {:<13} {}\n",
                t.id,
                t.state.word(),
                t.text
            ));
            if let Some(why) = t.state.why() {
                out.push_str(&format!("       {why}\n"));
            }
        }
    }
    out.push_str("\ngates\n");
    out.push_str(&render_gates(&h));
    out.push_str("\napprovals\n");
    if history.is_empty() {
        out.push_str("  none\n");
    }
    for a in &history {
        let state = match (&a.invalidated_at, &a.invalidated_reason) {
            (Some(at), reason) => format!("invalidated {at}: {}", reason.as_deref().unwrap_or("")),
            (None, _) if a.hash == review_hash(&h) => "current".to_string(),
            (None, _) => "stale".to_string(),
        };
        out.push_str(&format!(
            "  {:<3} {} at {} hash {} ({state})\n",
            a.role,
            a.name,
            a.at,
            &a.hash[..16.min(a.hash.len())]
        ));
    }
    print(&out)
}

fn render_gates(h: &Handoff) -> String {
    gates(h)
        .iter()
        .map(|g| {
            format!(
                "  [{}] {}: {}\n",
                if g.pass { "pass" } else { "FAIL" },
                g.title,
                g.reason
            )
        })
        .collect()
}

pub fn gates_cmd(g: &Global, deal: &str, as_json: bool) -> Result<(), String> {
    let s = session::open_to_read(g)?;
    let h = s.ws.handoff(deal).map_err(|e| e.to_string())?;
    if as_json {
        return print(&json(&gates(&h))?);
    }
    print(&format!(
        "{}: {}\n{}",
        h.deal.id,
        h.status,
        render_gates(&h)
    ))
}

pub fn diff(g: &Global, deal: &str, revision: Option<u32>) -> Result<(), String> {
    let s = session::open_to_read(g)?;
    let diffs = s.ws.diff(deal, revision).map_err(|e| e.to_string())?;
    if diffs.is_empty() {
        let h = s.ws.handoff(deal).map_err(|e| e.to_string())?;
        let rev = revision.unwrap_or(h.revision);
        return print(&format!(
            "{deal}: revision {rev} has no earlier revision to compare with\n"
        ));
    }
    let out: String = diffs
        .iter()
        .map(|d| format!("# {} {}\n{}", d.path, d.change, d.diff))
        .collect();
    print(&out)
}

/// `baton check`: one line per problem and a summary; an error when any.
pub fn check(g: &Global) -> Result<(), String> {
    let s = session::open_to_read(g)?;
    let report = s.ws.check().map_err(|e| e.to_string())?;
    let mut out = String::new();
    for p in &report.problems {
        out.push_str(p);
        out.push('\n');
    }
    session::print(&out)?;
    let path = baton::text::sanitize(&s.ws.path().display().to_string());
    if report.is_sound() {
        session::print(&format!(
            "{path}: sound (integrity ok; {} revision(s), {} file(s) match their hashes)\n",
            report.revisions, report.files
        ))
    } else {
        Err(format!(
            "{path}: {} problem(s) found (listed above)",
            report.problems.len()
        ))
    }
}

/// An event as stored, every text cleaned: a workspace written by an older
/// baton may hold an actor or a note with escape sequences.
fn clean(e: &baton::handoff::Event) -> baton::handoff::Event {
    use baton::text::sanitize_line;
    let mut e = e.clone();
    e.deal = sanitize_line(&e.deal);
    e.kind = sanitize_line(&e.kind);
    e.actor = sanitize_line(&e.actor);
    e.role = e.role.as_deref().map(sanitize_line);
    baton::text::sanitize_json(&mut e.payload);
    e
}

/// `baton events`: the log as JSON lines (every payload field) or as CSV
/// (one column per field, [`baton::handoff::events_csv`]), from `--since`
/// to `--until` (dates or RFC 3339 times, both ends included).
pub fn events(
    g: &Global,
    since: Option<&str>,
    until: Option<&str>,
    format: &str,
    deal: Option<&str>,
    labelled: bool,
) -> Result<(), String> {
    use baton::handoff::{events_csv, labelled as examples};
    let csv = match format {
        "jsonl" => false,
        "csv" => true,
        other => {
            return Err(format!(
                "--format {}: expected jsonl or csv",
                baton::text::sanitize_line(other)
            ));
        }
    };
    let since = since.map(|s| parse_since("--since", s)).transpose()?;
    let until = until.map(|s| parse_until("--until", s)).transpose()?;
    if let (Some(a), Some(b)) = (since, until)
        && a > b
    {
        return Err(format!(
            "--since {} is after --until {}: no event can be in between",
            baton::handoff::events::stamp(a),
            baton::handoff::events::stamp(b)
        ));
    }
    let s = session::open_to_read(g)?;
    let events =
        s.ws.events_in(since, until, deal)
            .map_err(|e| e.to_string())?;
    let mut out = String::new();
    if labelled {
        if csv {
            out.push_str(&examples::header());
        }
        let events: Vec<_> = events.iter().map(clean).collect();
        for l in examples::labelled(&events) {
            if csv {
                out.push_str(&examples::line(&l));
            } else {
                out.push_str(&serde_json::to_string(&l).map_err(|e| e.to_string())?);
                out.push('\n');
            }
        }
        return print(&out);
    }
    if csv {
        out.push_str(&events_csv::header());
    }
    for e in &events {
        let e = &clean(e);
        if csv {
            out.push_str(&events_csv::line(e));
        } else {
            out.push_str(&serde_json::to_string(e).map_err(|e| e.to_string())?);
            out.push('\n');
        }
    }
    print(&out)
}

pub fn metrics_cmd(
    g: &Global,
    segment: Option<String>,
    since: Option<&str>,
    until: Option<&str>,
    as_json: bool,
) -> Result<(), String> {
    let filter = Filter {
        segment,
        since: since.map(|d| parse_date("--since", d)).transpose()?,
        until: until.map(|d| parse_date("--until", d)).transpose()?,
    };
    let s = session::open_to_read(g)?;
    let (deals, events) = s.ws.metrics_rows().map_err(|e| e.to_string())?;
    let today = s.now.to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    let m = metrics::compute(&deals, &events, &filter, today);
    if as_json {
        return print(&json(&m)?);
    }
    print(&metrics::render(&m))
}

/// `baton pilot`: the one-page readout of a pilot (`metrics::pilot`), as
/// the workspace computes it for the TUI's metrics screen too.
pub fn pilot_cmd(
    g: &Global,
    segment: Option<String>,
    since: Option<&str>,
    days: u32,
    min_decided: u32,
    markdown: bool,
) -> Result<(), String> {
    use baton::metrics::pilot::PilotSpec;
    if days == 0 {
        return Err("--days 0: a pilot lasts at least one day".into());
    }
    let since = since.map(|d| parse_date("--since", d)).transpose()?;
    let s = session::open_to_read(g)?;
    let today = s.now.to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    let since = match since {
        Some(d) => d,
        None => s.ws.pilot_start(today).map_err(|e| e.to_string())?,
    };
    let spec = PilotSpec {
        segment,
        since,
        days,
        min_decided,
    };
    let r =
        s.ws.pilot_readout(&spec, today)
            .map_err(|e| e.to_string())?;
    print(&r.render(markdown))
}
