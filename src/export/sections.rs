//! The sections of the exported brief, in the order a CS team reads them.

use super::{inline, is_sensitive};
use crate::handoff::events::stamp;
use crate::handoff::items::GoalKind;
use crate::handoff::live::{LiveBrief, QuestionState, TaskState, live};
use crate::handoff::{Cite, Decision, Handoff, Item, ItemKind, review_hash};
use std::collections::BTreeMap;
use std::fmt::Write;

struct Doc {
    out: String,
    draft: bool,
}

impl Doc {
    fn heading(&mut self, title: &str) {
        let mark = if self.draft { " (DRAFT)" } else { "" };
        let _ = write!(self.out, "\n## {title}{mark}\n\n");
    }

    fn para(&mut self, text: &str) {
        let _ = writeln!(self.out, "{text}\n");
    }

    /// A table; cells are already escaped. An empty table is a line saying so.
    fn table(&mut self, header: &[&str], rows: Vec<Vec<String>>, empty: &str) {
        if rows.is_empty() {
            self.para(&format!("_{empty}_"));
            return;
        }
        let _ = writeln!(self.out, "| {} |", header.join(" | "));
        let _ = writeln!(self.out, "|{}", " --- |".repeat(header.len()));
        for row in rows {
            let cells: Vec<String> = row
                .into_iter()
                .map(|c| if c.is_empty() { " ".to_string() } else { c })
                .collect();
            let _ = writeln!(self.out, "| {} |", cells.join(" | "));
        }
        self.out.push('\n');
    }
}

/// A citation as a code span inside a table cell: a backtick cannot close it
/// early, and a pipe is escaped for the table (GFM reads `\|` before the span).
fn code(cite: &Cite) -> String {
    format!(
        "`{}`",
        cite.to_string().replace('`', "'").replace('|', "\\|")
    )
}

fn cites(evidence: &[Cite]) -> String {
    evidence.iter().map(code).collect::<Vec<_>>().join(", ")
}

fn reviewer(item: &Item) -> String {
    item.decision
        .by()
        .map(|b| {
            let role = b
                .role
                .map(|r| format!(" ({})", r.as_str()))
                .unwrap_or_default();
            format!("{}{role}, {}", inline(&b.name), stamp(b.at))
        })
        .unwrap_or_default()
}

fn note(item: &Item) -> String {
    item.decision.note().map(inline).unwrap_or_default()
}

pub(super) fn render(h: &Handoff, draft: bool) -> String {
    let mut d = Doc {
        out: String::new(),
        draft,
    };
    let title = h.deal.name.as_deref().unwrap_or(&h.deal.id);
    let prefix = if draft { "DRAFT: " } else { "" };
    let _ = writeln!(d.out, "# {prefix}Handoff brief: {}\n", inline(title));
    if draft {
        d.para("> **DRAFT**: not approved by both the AE and the CSM. Do not share as final.");
    }
    // The brief as the decisions stand, as `show` and the TUI read it.
    let now = live(h);
    status(&mut d, h);
    flags(&mut d, &now);
    unread(&mut d, h);
    d.heading("Why they bought");
    d.para(&inline(&h.brief.why_they_bought));
    goals(&mut d, h);
    criteria(&mut d, h, &now);
    stakeholders(&mut d, h);
    commitments(&mut d, h);
    conflicts(&mut d, h, &now);
    risks(&mut d, h);
    questions(&mut d, &now);
    tasks(&mut d, &now);
    evidence_index(&mut d, h);
    d.out.truncate(d.out.trim_end().len());
    d.out.push('\n');
    d.out
}

/// Decisions that say the other side of a conflict stands from the AE's
/// answer: first, since the brief cannot be trusted on them.
fn flags(d: &mut Doc, now: &LiveBrief) {
    if now.contradictions.is_empty() {
        return;
    }
    d.heading("Decisions against the AE's answers");
    for c in &now.contradictions {
        let _ = writeln!(d.out, "- {}", inline(&c.text));
    }
    d.out.push('\n');
}

/// Files the analysis could not read: the brief does not speak for them.
fn unread(d: &mut Doc, h: &Handoff) {
    if h.brief.unread_files.is_empty() {
        return;
    }
    d.heading("Files not read");
    let rows = h
        .brief
        .unread_files
        .iter()
        .map(|u| {
            let path = u.path.replace('`', "'").replace('|', "\\|");
            vec![format!("`{path}`"), inline(&u.reason)]
        })
        .collect();
    d.table(&["File", "Why not"], rows, "");
}

fn status(d: &mut Doc, h: &Handoff) {
    d.heading("Status and approvals");
    let hash = review_hash(h);
    let opt = |s: &Option<String>| s.as_deref().map(inline).unwrap_or_default();
    let rows = vec![
        vec!["Deal".into(), inline(&h.deal.id)],
        vec!["Account".into(), opt(&h.deal.account)],
        vec!["Segment".into(), opt(&h.deal.segment)],
        vec!["Status".into(), h.status.as_str().replace('_', " ")],
        vec!["Revision".into(), h.revision.to_string()],
        vec!["Review hash".into(), format!("`{hash}`")],
        vec!["AE".into(), opt(&h.deal.ae)],
        vec!["CSM".into(), opt(&h.deal.csm)],
        vec![
            "Closed".into(),
            h.deal.closed_on.map(|x| x.to_string()).unwrap_or_default(),
        ],
        vec![
            "Kickoff".into(),
            h.deal.kickoff.map(|x| x.to_string()).unwrap_or_default(),
        ],
    ];
    d.table(&["Field", "Value"], rows, "");
    let approvals = h
        .approvals
        .iter()
        .map(|a| {
            vec![
                a.role.as_str().to_uppercase(),
                inline(&a.name),
                stamp(a.at),
                format!("`{}`", a.hash),
            ]
        })
        .collect();
    d.table(
        &["Role", "Name", "Approved at", "Hash"],
        approvals,
        "No approval yet.",
    );
}

fn goals(d: &mut Doc, h: &Handoff) {
    for (title, kind, empty) in [
        ("Buyer goals", GoalKind::Buyer, "No buyer goal recorded."),
        (
            "User requirements",
            GoalKind::User,
            "No user requirement recorded.",
        ),
    ] {
        d.heading(title);
        let rows = h
            .items_of(ItemKind::Goal)
            .filter(|g| g.goal_kind() == Some(kind))
            .map(|g| vec![g.id.clone(), inline(&g.text), cites(&g.evidence)])
            .collect();
        d.table(&["ID", "Goal", "Evidence"], rows, empty);
    }
}

fn criteria(d: &mut Doc, h: &Handoff, now: &LiveBrief) {
    d.heading("Success and first-value criteria");
    let confirmed = |s: &Option<crate::handoff::Signed>| match s {
        Some(s) => format!("confirmed by {}, {}", inline(&s.name), stamp(s.at)),
        None => "not confirmed".to_string(),
    };
    d.para(&format!(
        "Success criteria: {}. First-value criteria: {}.",
        confirmed(&h.success_confirmed),
        confirmed(&h.first_value_confirmed)
    ));
    let rows: Vec<Vec<String>> = now
        .criteria
        .iter()
        .map(|c| {
            let (source, evidence) = match (&c.answer_to, &c.answered_by) {
                (Some(q), Some(by)) => (
                    format!("answer to {q}"),
                    format!("{}, {}", inline(&by.name), stamp(by.at)),
                ),
                _ => (c.source.replace('_', " "), cites(&c.evidence)),
            };
            let kind = if c.first_value {
                "first value"
            } else {
                "success"
            };
            let state = match &c.confirmed {
                Some(s) => format!("{kind}: confirmed by {}", inline(&s.name)),
                None => format!("{kind}: not confirmed"),
            };
            vec![
                source,
                inline(&c.text),
                c.date.map(|x| x.to_string()).unwrap_or_default(),
                state,
                evidence,
            ]
        })
        .collect();
    d.table(
        &["Source", "Criterion", "Date", "Confirmed", "Evidence"],
        rows,
        "No criteria in the bundle.",
    );
}

fn stakeholders(d: &mut Doc, h: &Handoff) {
    d.heading("Stakeholders");
    let rows = h
        .brief
        .stakeholders
        .iter()
        .map(|p| {
            // A role as people say it (`executive_sponsor` -> "executive
            // sponsor"), made readable before it is escaped: replacing `_`
            // after escaping left `executive\ sponsor` in every brief.
            let role = p.role.as_deref().map(|r| r.replace('_', " "));
            let role = match (role, p.executive_sponsor) {
                (Some(r), true) if r != "executive sponsor" => {
                    inline(&format!("{r}, executive sponsor"))
                }
                (Some(r), _) => inline(&r),
                (None, true) => "executive sponsor".into(),
                (None, false) => String::new(),
            };
            vec![
                inline(&p.name),
                p.title.as_deref().map(inline).unwrap_or_default(),
                role,
                cites(&p.evidence),
            ]
        })
        .collect();
    d.table(
        &["Name", "Title", "Role", "Evidence"],
        rows,
        "No customer stakeholder named.",
    );
}

fn commitments(d: &mut Doc, h: &Handoff) {
    d.heading("Commitments");
    let rows = h
        .items_of(ItemKind::Commitment)
        .map(|c| {
            vec![
                c.id.clone(),
                c.category.clone().unwrap_or_default(),
                inline(&c.text),
                c.decision.state().replace('_', " "),
                note(c),
                reviewer(c),
                cites(&c.evidence),
            ]
        })
        .collect();
    d.table(
        &[
            "ID",
            "Category",
            "Commitment",
            "Outcome",
            "Note",
            "Reviewer",
            "Evidence",
        ],
        rows,
        "No commitment found.",
    );
}

fn conflicts(d: &mut Doc, h: &Handoff, now: &LiveBrief) {
    d.heading("Conflicts and resolutions");
    let rows = h
        .items_of(ItemKind::Conflict)
        .zip(&now.conflicts)
        .map(|(x, live)| {
            let reads = match &live.contradicted_by {
                Some(q) => format!("{} (against the answer to {q})", live.reads),
                None => live.reads.clone(),
            };
            vec![
                x.id.clone(),
                inline(&x.text),
                inline(&reads),
                note(x),
                reviewer(x),
                cites(&x.evidence),
            ]
        })
        .collect();
    d.table(
        &[
            "ID",
            "Conflict",
            "Resolution",
            "Note",
            "Reviewer",
            "Evidence",
        ],
        rows,
        "No conflict with the signed scope.",
    );
}

fn risk_row(r: &Item) -> Vec<String> {
    let (owner, due) = match &r.decision {
        Decision::Risk { owner, due, .. } => (
            inline(owner),
            due.map(|x| x.to_string()).unwrap_or_default(),
        ),
        _ => (String::new(), String::new()),
    };
    vec![
        r.id.clone(),
        inline(&r.text),
        owner,
        due,
        r.decision.state().to_string(),
        cites(&r.evidence),
    ]
}

fn risks(d: &mut Doc, h: &Handoff) {
    let header = ["ID", "Risk", "Owner", "Due", "Status", "Evidence"];
    d.heading("Risks and owners");
    let rows = h
        .items_of(ItemKind::Risk)
        .filter(|r| !is_sensitive(&r.text))
        .map(risk_row)
        .collect();
    d.table(&header, rows, "No risk found.");
    d.heading("Sensitivities (internal only)");
    d.para("**Internal only**: for the CS team; do not share with the customer.");
    let rows = h
        .items_of(ItemKind::Risk)
        .filter(|r| is_sensitive(&r.text))
        .map(risk_row)
        .collect();
    d.table(&header, rows, "No sensitivity found.");
}

fn questions(d: &mut Doc, now: &LiveBrief) {
    d.heading("Questions and answers");
    let rows = now
        .questions
        .iter()
        .map(|q| {
            let (answer, by) = match &q.state {
                QuestionState::Answered { text, by } => (
                    inline(text),
                    format!("{}, {}", inline(&by.name), stamp(by.at)),
                ),
                QuestionState::Closed { reason } => {
                    (format!("_closed: {}_", inline(reason)), String::new())
                }
                QuestionState::Open => ("_open_".to_string(), String::new()),
            };
            vec![q.id.clone(), inline(&q.text), answer, by]
        })
        .collect();
    d.table(
        &["ID", "Question", "Answer", "Answered by"],
        rows,
        "No question for the AE.",
    );
}

/// The kickoff tasks as the decisions leave them: done ones checked, with
/// the decision that settled them.
fn tasks(d: &mut Doc, now: &LiveBrief) {
    d.heading("Kickoff tasks");
    if now.tasks.is_empty() {
        d.para("_No kickoff task drafted._");
        return;
    }
    for t in &now.tasks {
        let (mark, why) = match &t.state {
            TaskState::Open => (" ", String::new()),
            TaskState::Done { why } => ("x", format!(" (done: {})", inline(why))),
            TaskState::NotNeeded { why } => ("x", format!(" (not needed: {})", inline(why))),
        };
        let _ = writeln!(d.out, "- [{mark}] {} {}{why}", t.id, inline(&t.text));
    }
    d.out.push('\n');
}

fn evidence_index(d: &mut Doc, h: &Handoff) {
    d.heading("Evidence index");
    let mut index: BTreeMap<&Cite, Vec<&str>> = BTreeMap::new();
    for item in &h.items {
        for c in &item.evidence {
            index.entry(c).or_default().push(&item.id);
        }
    }
    for t in &h.brief.tasks {
        for c in &t.evidence {
            index.entry(c).or_default().push(&t.id);
        }
    }
    let rows = index
        .into_iter()
        .map(|(cite, ids)| {
            let mut ids = ids;
            ids.dedup();
            vec![code(cite), ids.join(", ")]
        })
        .collect();
    d.table(&["File:line", "Cited by"], rows, "No evidence cited.");
}
