//! The list tabs of a handoff (checklist, risks, stakeholders, questions,
//! tasks, activity): a table of the visible rows and, for review items, a
//! detail box with the selected item's whole text, evidence and decision.

use crate::handoff::live::{QuestionState, TaskState};
use crate::handoff::{Cite, Decision, Item, ItemKind};
use crate::tui::state::App;
use crate::tui::state::handoff::{HandoffView, Tab};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, Wrap};

/// Rows of the detail box under an item list.
const DETAIL: u16 = 7;

fn has_detail(tab: Tab) -> bool {
    matches!(tab, Tab::Checklist | Tab::Risks | Tab::Questions)
}

/// The table and the detail box of a list tab.
pub fn areas(body: Rect, tab: Tab) -> [Rect; 2] {
    let detail = if has_detail(tab) { DETAIL } else { 0 };
    Layout::vertical([Constraint::Fill(1), Constraint::Length(detail)]).areas(body)
}

/// Rows of a list tab's table that fit on a terminal this size.
pub fn visible_rows(size: (u16, u16), tab: Tab) -> usize {
    let [table, _] = areas(super::handoff::tab_body(size), tab);
    (table.height as usize).saturating_sub(1).max(1)
}

pub fn cites(ev: &[Cite]) -> String {
    ev.iter()
        .map(|c| format!("{}:{}", c.file, c.line))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An item's text, led by how many times its claim is said when more than
/// once ("×3"): one row, one decision, several mentions.
fn with_mentions(count: usize, text: &str, t: &Theme) -> Line<'static> {
    let mut spans = Vec::with_capacity(2);
    if count > 1 {
        spans.push(Span::styled(format!("×{count} "), t.title()));
    }
    spans.push(Span::raw(text.to_string()));
    Line::from(spans)
}

/// Where each mention of `item`'s claim is said, one citation per mention
/// (for a conflict, its notes side), then those of the items dismissed as
/// its duplicates, named.
fn mention_cites(v: &HandoffView, item: &Item) -> String {
    let first = |ev: &[Cite]| ev.first().map(|c| format!("{}:{}", c.file, c.line));
    let own: Vec<String> = if item.mentions.is_empty() {
        first(&item.evidence).into_iter().collect()
    } else {
        item.mentions
            .iter()
            .filter_map(|m| first(&m.evidence))
            .collect()
    };
    let duplicates = v.h.duplicates_of(&item.id).flat_map(|d| {
        let at: Vec<String> = if d.mentions.is_empty() {
            first(&d.evidence).into_iter().collect()
        } else {
            d.mentions
                .iter()
                .filter_map(|m| first(&m.evidence))
                .collect()
        };
        at.into_iter()
            .map(move |c| format!("{c} ({}, duplicate)", d.id))
    });
    own.into_iter()
        .chain(duplicates)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A question's state as the decisions leave it: open, answered, or
/// closed by a decision (a resolved conflict, a kickoff date set).
fn question_state_span(v: &HandoffView, id: &str, t: &Theme) -> Span<'static> {
    let state = v
        .live
        .questions
        .iter()
        .find(|q| q.id == id)
        .map(|q| &q.state);
    match state {
        Some(QuestionState::Open) | None => Span::styled("open", t.warn()),
        Some(s) => Span::styled(s.word(), t.good()),
    }
}

/// The state word of an item, styled by what it means for the gates.
pub fn state_span(item: &Item, t: &Theme) -> Span<'static> {
    let word = match &item.decision {
        Decision::Pending if item.kind == ItemKind::Risk => "unowned".to_string(),
        Decision::Pending if item.kind == ItemKind::Goal => "as analysed".to_string(),
        Decision::Risk { owner, status, .. } if owner.trim().is_empty() => status.as_str().into(),
        d => d.state().replace('_', " "),
    };
    let style = match &item.decision {
        Decision::Pending if item.kind == ItemKind::Goal => t.dim(),
        Decision::Dismissed { .. } => t.dim(),
        Decision::Pending => t.warn(),
        Decision::Commitment {
            outcome: crate::handoff::items::CommitmentOutcome::SentToAe,
            ..
        } => t.warn(),
        _ => t.good(),
    };
    Span::styled(word, style)
}

pub fn draw(f: &mut Frame, area: Rect, app: &App, v: &HandoffView) {
    let t = &app.config.theme;
    let [table_area, detail_area] = areas(area, v.tab);
    let c = v.cursor();
    let height = table_area.height.saturating_sub(1) as usize;
    let (header, widths, rows): (Vec<&str>, Vec<Constraint>, Vec<Row>) = match v.tab {
        Tab::Checklist => (
            vec!["Item", "Kind", "State", "What", "Evidence"],
            vec![
                Constraint::Length(4),
                Constraint::Length(22),
                Constraint::Length(12),
                Constraint::Fill(3),
                Constraint::Fill(1),
            ],
            v.checklist()
                .iter()
                .map(|i| {
                    let kind = match (i.kind, i.category.as_deref()) {
                        (ItemKind::Goal, _) => match i.goal_kind() {
                            Some(crate::handoff::items::GoalKind::User) => "goal: user".into(),
                            _ => "goal: buyer".into(),
                        },
                        (k, Some(cat)) => format!("{} {cat}", k.as_str()),
                        (k, None) => k.as_str().to_string(),
                    };
                    Row::new(vec![
                        Cell::from(i.id.clone()),
                        Cell::from(kind),
                        Cell::from(state_span(i, t)),
                        Cell::from(with_mentions(v.mention_count(i), &i.text, t)),
                        Cell::from(Span::styled(cites(&i.evidence), t.dim())),
                    ])
                })
                .collect(),
        ),
        Tab::Risks => (
            vec!["Risk", "Owner", "Due", "Status", "What"],
            vec![
                Constraint::Length(4),
                Constraint::Length(18),
                Constraint::Length(10),
                Constraint::Length(10),
                Constraint::Fill(1),
            ],
            v.risks()
                .iter()
                .map(|i| {
                    let (owner, due) = match &i.decision {
                        Decision::Risk { owner, due, .. } => (
                            owner.clone(),
                            due.map(|d| d.to_string()).unwrap_or_default(),
                        ),
                        _ => (String::new(), String::new()),
                    };
                    let owner_cell = if owner.trim().is_empty() {
                        Cell::from(Span::styled("— none —", t.warn()))
                    } else {
                        Cell::from(owner)
                    };
                    Row::new(vec![
                        Cell::from(i.id.clone()),
                        owner_cell,
                        Cell::from(due),
                        Cell::from(state_span(i, t)),
                        Cell::from(with_mentions(v.mention_count(i), &i.text, t)),
                    ])
                })
                .collect(),
        ),
        Tab::Questions => (
            vec!["Q", "About", "State", "Question for the AE"],
            vec![
                Constraint::Length(4),
                Constraint::Length(22),
                Constraint::Length(9),
                Constraint::Fill(1),
            ],
            v.questions()
                .iter()
                .map(|i| {
                    Row::new(vec![
                        Cell::from(i.id.clone()),
                        Cell::from(i.about.clone().unwrap_or_default().replace('_', " ")),
                        Cell::from(question_state_span(v, &i.id, t)),
                        Cell::from(i.text.clone()),
                    ])
                })
                .collect(),
        ),
        Tab::Stakeholders => (
            vec!["Name", "Title", "Role", "Sponsor", "Cited"],
            vec![
                Constraint::Fill(1),
                Constraint::Fill(1),
                Constraint::Length(18),
                Constraint::Length(7),
                Constraint::Fill(1),
            ],
            v.h.brief
                .stakeholders
                .iter()
                .map(|p| {
                    Row::new(vec![
                        Cell::from(p.name.clone()),
                        Cell::from(p.title.clone().unwrap_or_default()),
                        Cell::from(p.role.clone().unwrap_or_default().replace('_', " ")),
                        Cell::from(if p.executive_sponsor {
                            Span::styled("yes", t.good())
                        } else {
                            Span::raw("")
                        }),
                        Cell::from(Span::styled(cites(&p.evidence), t.dim())),
                    ])
                })
                .collect(),
        ),
        // The tasks as the decisions leave them: a settled one says first
        // what settled it.
        Tab::Tasks => (
            vec!["Task", "State", "Kickoff preparation", "From"],
            vec![
                Constraint::Length(5),
                Constraint::Length(5),
                Constraint::Fill(3),
                Constraint::Fill(1),
            ],
            v.live
                .tasks
                .iter()
                .map(|task| {
                    let (word, style, text) = match &task.state {
                        TaskState::Open => ("open", t.warn(), task.text.clone()),
                        TaskState::Done { why } => {
                            ("done", t.good(), format!("{why} · {}", task.text))
                        }
                        // Narrow column: the words say it in the text.
                        TaskState::NotNeeded { why } => (
                            "done",
                            t.good(),
                            format!("not needed: {why} · {}", task.text),
                        ),
                    };
                    Row::new(vec![
                        Cell::from(task.id.clone()),
                        Cell::from(Span::styled(word, style)),
                        Cell::from(text),
                        Cell::from(Span::styled(cites(&task.evidence), t.dim())),
                    ])
                })
                .collect(),
        ),
        _ => (
            vec!["When (UTC)", "Who", "Event", "Details"],
            vec![
                Constraint::Length(16),
                Constraint::Length(24),
                Constraint::Length(20),
                Constraint::Fill(1),
            ],
            v.events
                .iter()
                .map(|e| {
                    let who = match &e.role {
                        Some(r) => format!("{} ({})", e.actor, r.to_uppercase()),
                        None => e.actor.clone(),
                    };
                    Row::new(vec![
                        Cell::from(e.at.strftime("%Y-%m-%d %H:%M").to_string()),
                        Cell::from(who),
                        Cell::from(e.kind.replace('_', " ")),
                        Cell::from(Span::styled(event_details(&e.payload), t.dim())),
                    ])
                })
                .collect(),
        ),
    };
    if rows.is_empty() {
        let what = match v.tab {
            Tab::Checklist => "No commitments, conflicts or goals were found in this bundle.",
            Tab::Risks => "No risks were found in this bundle.",
            Tab::Questions => "No missing context: nothing to ask the AE.",
            Tab::Stakeholders => "No stakeholders were named in this bundle.",
            Tab::Tasks => "No kickoff tasks were drafted.",
            _ => "No events yet.",
        };
        f.render_widget(
            Paragraph::new(format!(" {what}")).style(t.dim()),
            table_area,
        );
        return;
    }
    let start = c.offset.min(rows.len());
    let end = (start + height).min(rows.len());
    let rows: Vec<Row> = rows
        .into_iter()
        .enumerate()
        .skip(start)
        .take(end - start)
        .map(|(i, r)| {
            if i == c.selected {
                r.style(t.selected())
            } else {
                r
            }
        })
        .collect();
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(t.title()))
        .column_spacing(1);
    f.render_widget(table, table_area);
    if has_detail(v.tab) {
        detail(f, detail_area, app, v);
    }
}

fn event_details(p: &serde_json::Value) -> String {
    let Some(map) = p.as_object() else {
        return String::new();
    };
    map.iter()
        .filter(|(k, _)| !matches!(k.as_str(), "hash" | "content_hash" | "open_questions"))
        .filter_map(|(k, v)| {
            let s = match v {
                serde_json::Value::String(s) if !s.is_empty() => s.clone(),
                serde_json::Value::Number(n) => n.to_string(),
                serde_json::Value::Bool(b) => b.to_string(),
                _ => return None,
            };
            Some(format!("{k}: {s}"))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

fn detail(f: &mut Frame, area: Rect, app: &App, v: &HandoffView) {
    let t = &app.config.theme;
    let block = Block::new().borders(Borders::TOP).border_style(t.dim());
    let inner = block.inner(area);
    f.render_widget(block, area);
    let Some(item) = v.selected_item() else {
        return;
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{} ", item.id), t.title()),
        Span::raw(item.text.clone()),
    ])];
    // A claim said several times lists where, after its decision: the list
    // may run past a small detail box, the decision must not.
    let count = v.mention_count(item);
    let said = (count > 1).then(|| {
        format!(
            "said {count} times, one decision: {}",
            mention_cites(v, item)
        )
    });
    if said.is_none() {
        lines.push(Line::from(Span::styled(
            format!("evidence: {}", cites(&item.evidence)),
            t.dim(),
        )));
    }
    let closed = match v.live.questions.iter().find(|q| q.id == item.id) {
        Some(q) => match &q.state {
            QuestionState::Closed { reason } => Some(format!("closed, no longer asked: {reason}")),
            _ => None,
        },
        None => None,
    };
    let decided = match &item.decision {
        Decision::Pending if closed.is_some() => {
            Line::from(Span::styled(closed.unwrap_or_default(), t.good()))
        }
        Decision::Pending => Line::from(Span::styled(
            match item.kind {
                ItemKind::Question => "not answered yet",
                ItemKind::Risk => "no owner yet: every open risk needs one before kickoff",
                ItemKind::Goal => "as the analysis classified it",
                _ => "not reviewed yet",
            },
            t.warn(),
        )),
        d => {
            let by = d.by().map_or(String::new(), |s| {
                if s.name == "deal.toml" {
                    return " as the CRM record (deal.toml) gives it".to_string();
                }
                format!(
                    " by {}{} on {}",
                    s.name,
                    s.role.map_or(String::new(), |r| format!(
                        " ({})",
                        r.as_str().to_uppercase()
                    )),
                    s.at.strftime("%Y-%m-%d")
                )
            });
            let extra = match d {
                Decision::Risk { owner, due, .. } => format!(
                    " · owner {owner}{}",
                    due.map_or(String::new(), |d| format!(", due {d}"))
                ),
                _ => d
                    .note()
                    .filter(|n| !n.is_empty())
                    .map_or(String::new(), |n| format!(" · “{n}”")),
            };
            Line::from(vec![
                state_span(item, t),
                Span::styled(by, t.dim()),
                Span::raw(extra),
            ])
        }
    };
    lines.push(decided);
    // A decision against the AE's answer, on the conflict and its question.
    for c in v
        .live
        .contradictions
        .iter()
        .filter(|c| c.conflict == item.id || c.question == item.id)
    {
        lines.push(Line::from(Span::styled(format!("! {}", c.text), t.bad())));
    }
    if let Some(said) = said {
        lines.push(Line::from(Span::styled(said, t.dim())));
    }
    let para = Paragraph::new(lines).wrap(Wrap { trim: true });
    f.render_widget(para, inner);
}
