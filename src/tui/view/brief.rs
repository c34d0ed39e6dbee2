//! The brief tab: the handoff brief as the CSM reviews it, with the review
//! state beside each promise, risk and goal.

use super::lists::{cites, state_span};
use crate::handoff::items::GoalKind;
use crate::handoff::{ItemKind, Signed};
use crate::tui::state::App;
use crate::tui::state::handoff::HandoffView;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

fn signed(s: &Option<Signed>) -> String {
    match s {
        Some(s) => format!("confirmed by {} on {}", s.name, s.at.strftime("%Y-%m-%d")),
        None => "not confirmed".to_string(),
    }
}

/// Every line of the brief, before wrapping.
pub fn lines<'a>(app: &App, v: &'a HandoffView) -> Vec<Line<'a>> {
    let t = &app.config.theme;
    let h = &v.h;
    let mut out: Vec<Line> = Vec::new();
    let heading = |out: &mut Vec<Line>, s: &str| {
        out.push(Line::from(""));
        out.push(Line::from(Span::styled(s.to_string(), t.title())));
    };
    let none = |out: &mut Vec<Line>, s: &str| {
        out.push(Line::from(Span::styled(format!("  {s}"), t.dim())))
    };

    if !h.brief.unread_files.is_empty() {
        out.push(Line::from(Span::styled(
            "Files not read (the brief does not speak for them)",
            t.warn(),
        )));
        for u in &h.brief.unread_files {
            out.push(Line::from(vec![
                Span::raw(format!("  {}: ", u.path)),
                Span::styled(u.reason.clone(), t.warn()),
            ]));
        }
        out.push(Line::from(""));
    }
    if !v.live.contradictions.is_empty() {
        out.push(Line::from(Span::styled(
            "Decisions against the AE's answers",
            t.bad(),
        )));
        for c in &v.live.contradictions {
            out.push(Line::from(Span::styled(format!("  ! {}", c.text), t.bad())));
        }
        out.push(Line::from(""));
    }
    out.push(Line::from(Span::styled("Why they bought", t.title())));
    out.push(Line::from(format!("  {}", h.brief.why_they_bought)));

    for (title, kind) in [
        ("Buyer goals (business outcomes)", GoalKind::Buyer),
        ("User requirements (day-to-day workflow)", GoalKind::User),
    ] {
        heading(&mut out, title);
        let goals: Vec<_> = h
            .items_of(ItemKind::Goal)
            .filter(|g| g.goal_kind() == Some(kind))
            .collect();
        if goals.is_empty() {
            none(&mut out, "none found");
        }
        for g in goals {
            out.push(Line::from(vec![
                Span::raw(format!("  {} ", g.id)),
                Span::raw(g.text.clone()),
                Span::styled(format!("  {}", cites(&g.evidence)), t.dim()),
            ]));
        }
    }

    heading(&mut out, "Success and first-value criteria");
    if v.live.criteria.is_empty() && h.deal.first_value_criteria.is_none() {
        out.push(Line::from(Span::styled(
            "  none stated: ask the AE",
            t.warn(),
        )));
    }
    // Each criterion with whether its kind (success, first value) is confirmed.
    for c in &v.live.criteria {
        let date = c.date.map_or(String::new(), |d| format!(" (by {d})"));
        let (word, style) = match &c.confirmed {
            Some(_) => ("✓ confirmed", t.good()),
            None => ("not confirmed", t.warn()),
        };
        let source = match &c.answer_to {
            Some(q) => format!("  answer to {q}"),
            None => format!("  {}", cites(&c.evidence)),
        };
        out.push(Line::from(vec![
            Span::raw(format!("  • {}{date} ", c.text)),
            Span::styled(word, style),
            Span::styled(source, t.dim()),
        ]));
    }
    let conf = |label: &str, s: &Option<Signed>| {
        let style = if s.is_some() { t.good() } else { t.warn() };
        Line::from(vec![
            Span::raw(format!("  {label}: ")),
            Span::styled(signed(s), style),
        ])
    };
    out.push(conf("success criteria", &h.success_confirmed));
    out.push(conf("first-value criteria", &h.first_value_confirmed));

    heading(&mut out, "Stakeholders");
    if h.brief.stakeholders.is_empty() {
        none(&mut out, "none named");
    }
    for p in &h.brief.stakeholders {
        let mut s = format!("  {}", p.name);
        if let Some(title) = &p.title {
            s.push_str(&format!(", {title}"));
        }
        if let Some(role) = &p.role {
            s.push_str(&format!(" ({})", role.replace('_', " ")));
        }
        let mut spans = vec![Span::raw(s)];
        if p.executive_sponsor {
            spans.push(Span::styled("  executive sponsor", t.accent()));
        }
        out.push(Line::from(spans));
    }

    for (title, kind) in [
        ("Commitments sales made", ItemKind::Commitment),
        ("Conflicts with the signed scope", ItemKind::Conflict),
        ("Risks", ItemKind::Risk),
    ] {
        heading(&mut out, title);
        let items: Vec<_> = h.items_of(kind).collect();
        if items.is_empty() {
            none(&mut out, "none found");
        }
        for i in items {
            let cat = i
                .category
                .as_deref()
                .map_or(String::new(), |c| format!("[{c}] "));
            out.push(Line::from(vec![
                Span::raw(format!("  {} ", i.id)),
                state_span(i, t),
                Span::raw(format!(" {cat}{}", i.text)),
                Span::styled(format!("  {}", cites(&i.evidence)), t.dim()),
            ]));
            // A conflict reads as decided, flagged when the AE answered
            // for the other side.
            if let Some(x) = v.live.conflicts.iter().find(|x| x.id == i.id) {
                let note = x
                    .note
                    .as_deref()
                    .map_or(String::new(), |n| format!(" · “{n}”"));
                let (text, style) = match x.resolution {
                    Some(_) => (format!("     → decided: {}{note}", x.reads), t.good()),
                    None => ("     → open: which side stands?".to_string(), t.warn()),
                };
                out.push(Line::from(Span::styled(text, style)));
                if let Some(q) = &x.contradicted_by {
                    out.push(Line::from(Span::styled(
                        format!("     ! against the answer to {q}"),
                        t.bad(),
                    )));
                }
            }
        }
    }

    heading(&mut out, "Signed scope");
    let scope = &v.drafted["scope"];
    match scope["file"].as_str() {
        None => out.push(Line::from(Span::styled(
            "  no signed scope in the bundle",
            t.bad(),
        ))),
        Some(file) => {
            out.push(Line::from(Span::styled(format!("  {file}"), t.dim())));
            for (label, key, total) in [
                ("includes", "included", "included_total"),
                ("excludes", "excluded", "excluded_total"),
            ] {
                let items = scope[key].as_array().cloned().unwrap_or_default();
                let n = scope[total].as_u64().unwrap_or(items.len() as u64);
                if n == 0 {
                    continue;
                }
                out.push(Line::from(format!("  {label} ({n}):")));
                for it in items {
                    let line = it["evidence"]["line"].as_u64().unwrap_or(0);
                    out.push(Line::from(vec![
                        Span::raw(format!("    • {}", it["text"].as_str().unwrap_or(""))),
                        Span::styled(format!("  {file}:{line}"), t.dim()),
                    ]));
                }
            }
        }
    }

    heading(&mut out, "Timeline");
    let timeline = v.drafted["timeline"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    if timeline.is_empty() {
        none(&mut out, "no dates in the bundle");
    }
    let mut dated: Vec<(String, Line)> = Vec::new();
    let mut kickoff_shown = false;
    for m in timeline {
        let drafted = m["date"].as_str().unwrap_or("?").to_string();
        let what = m["what"].as_str().unwrap_or("");
        kickoff_shown |= what.starts_with("Kickoff");
        // The drafted kickoff is the one the CRM record gave at import: it
        // reads as now planned, in date order.
        let moved = match v.live.kickoff.map(|k| k.to_string()) {
            Some(k) if what.starts_with("Kickoff") && k != drafted => Some(k),
            _ => None,
        };
        dated.push(match moved {
            Some(k) => (
                k.clone(),
                Line::from(vec![
                    Span::raw(format!("  {k}  Kickoff ")),
                    Span::styled(
                        if m["date"].is_string() {
                            format!("(moved from {drafted})")
                        } else {
                            "(set since the import)".to_string()
                        },
                        t.accent(),
                    ),
                ]),
            ),
            None => (drafted.clone(), Line::from(format!("  {drafted}  {what}"))),
        });
    }
    dated.sort_by(|a, b| a.0.cmp(&b.0));
    out.extend(dated.into_iter().map(|(_, line)| line));
    if let Some(k) = h.deal.kickoff.filter(|_| !kickoff_shown) {
        out.push(Line::from(Span::styled(
            format!("  kickoff now planned for {k}"),
            t.accent(),
        )));
    }

    heading(&mut out, "Missing context");
    if h.brief.missing.is_empty() {
        none(&mut out, "nothing missing");
    }
    for m in &h.brief.missing {
        out.push(Line::from(Span::styled(
            format!("  • {}", m.replace('_', " ")),
            t.warn(),
        )));
    }
    out
}

pub fn draw(f: &mut Frame, area: Rect, app: &App, v: &HandoffView) {
    super::draw_text(f, area, &lines(app, v), v.cursor().offset);
}
