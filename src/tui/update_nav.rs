//! Moving around without writing: backing out one level, quitting (asking
//! first when typed text would be lost), the "mine" filter, and the
//! full-text viewer (a row, the score's parts, the message log).

use super::action::Action;
use super::state::handoff::Tab;
use super::state::queue::StatusFilter;
use super::state::viewer::{ViewLine, Viewer};
use super::state::{App, Overlay};
use super::view;
use crate::handoff::{Decision, Item, ItemKind};

/// Quit, unless typed text would be lost: then ask, the field kept under
/// the question. Asked twice (a second ctrl-c), it quits.
pub(super) fn quit(app: &mut App) {
    let asking = matches!(app.overlay, Some(Overlay::ConfirmQuit { .. }));
    if asking || !app.overlay.as_ref().is_some_and(Overlay::holds_typed_text) {
        app.quit = true;
        return;
    }
    let kept = app.overlay.take().map(Box::new);
    app.overlay = Some(Overlay::ConfirmQuit { kept });
}

/// Back on the queue: clear the newest kind of filter (the typed text, then
/// "mine", then the status); with none left, say how to quit. Esc there
/// never quits, so backing out of a field and a filter cannot end the session.
pub(super) fn queue_back(app: &mut App) {
    let q = &mut app.queue;
    if !q.text_filter.is_empty() {
        q.set_text_filter("");
        app.info("filter cleared");
    } else if q.mine.is_some() {
        q.set_mine(None);
        app.info("showing everyone's handoffs");
    } else if q.status_filter != StatusFilter::All {
        q.set_status_filter(StatusFilter::All);
        app.info("showing every status");
    } else {
        let quit = app
            .config
            .keymap
            .key_for(app.screen_section(), Action::Quit)
            .unwrap_or_else(|| "quit".into());
        app.info(format!("this is the queue: {quit} quits baton"));
    }
}

/// Show only my open handoffs (as the deal's AE or CSM), or everyone's again.
pub(super) fn toggle_mine(app: &mut App) {
    if app.queue.mine.is_some() {
        app.queue.set_mine(None);
        return app.info("showing everyone's handoffs");
    }
    let Some(me) = app.actor.as_ref().map(|a| a.name.clone()) else {
        return app.error(super::update::WHO_IS_THIS);
    };
    app.queue.set_mine(Some(me.clone()));
    let n = app.queue.visible.len();
    app.info(format!("{n} open handoff(s) with {me} as AE or CSM"));
}

/// The selected handoff's score and its five parts, each explained.
pub(super) fn score_parts(app: &mut App) {
    let Some(row) = app.queue.selected() else {
        return;
    };
    let id = row.id.clone();
    let score = match app.ws.score(&id) {
        Ok(Some(s)) => s,
        Ok(None) => return app.error(format!("{id} has no score (imported by an older baton)")),
        Err(e) => return app.error(e.to_string()),
    };
    let mut lines = vec![
        ViewLine::Head(format!("{} of {}", score.total, score.max)),
        ViewLine::Dim(
            "Higher is a healthier handoff: five parts of 0-20 each, from fixed rules".into(),
        ),
    ];
    for (name, part) in score.parts() {
        lines.push(ViewLine::Blank);
        lines.push(ViewLine::Head(format!(
            "{name}: {} of {}",
            part.points, part.max
        )));
        lines.push(ViewLine::Text(part.explanation.clone()));
    }
    open(app, Viewer::new(format!("Score of {id}"), lines));
}

/// The message log: every status message of this session, newest first.
pub(super) fn messages(app: &mut App) {
    let mut lines: Vec<ViewLine> = app
        .messages
        .iter()
        .rev()
        .map(|m| {
            let at = m.at.strftime("%H:%M:%S");
            match m.error {
                true => ViewLine::Error(format!("{at} ✘ {}", m.text)),
                false => ViewLine::Text(format!("{at}   {}", m.text)),
            }
        })
        .collect();
    if lines.is_empty() {
        lines.push(ViewLine::Dim(
            "Nothing yet: what a key writes, and every error, is listed here".into(),
        ));
    }
    let n = app.messages.len();
    open(
        app,
        Viewer::new(format!("Messages ({n}, newest first)"), lines),
    );
}

/// The full text of the selected row of a list tab.
pub(super) fn view_row(app: &mut App) {
    let Some(v) = &app.view else {
        return;
    };
    let i = v.cursor().selected;
    let viewer = match v.tab {
        Tab::Checklist | Tab::Risks | Tab::Questions => v.selected_item().map(item_lines),
        Tab::Tasks => v.h.brief.tasks.get(i).map(|t| {
            let mut lines = vec![ViewLine::Text(t.text.clone())];
            lines.push(ViewLine::Blank);
            lines.push(ViewLine::Dim(format!("from: {}", view::cites(&t.evidence))));
            Viewer::new(format!("Task {}", t.id), lines)
        }),
        Tab::Stakeholders => v.h.brief.stakeholders.get(i).map(|p| {
            let mut lines = vec![ViewLine::Head(p.name.clone())];
            for (label, value) in [("title", &p.title), ("role", &p.role)] {
                if let Some(value) = value {
                    lines.push(ViewLine::Text(format!(
                        "{label}: {}",
                        value.replace('_', " ")
                    )));
                }
            }
            if p.executive_sponsor {
                lines.push(ViewLine::Text("executive sponsor".into()));
            }
            lines.push(ViewLine::Dim(format!(
                "cited: {}",
                view::cites(&p.evidence)
            )));
            Viewer::new(format!("Stakeholder {}", p.name), lines)
        }),
        Tab::Activity => v.events.get(i).map(|e| {
            let who = match &e.role {
                Some(r) => format!("{} ({})", e.actor, r.to_uppercase()),
                None => e.actor.clone(),
            };
            let mut lines = vec![
                ViewLine::Head(e.kind.replace('_', " ")),
                ViewLine::Dim(format!("{} UTC by {who}", e.at.strftime("%Y-%m-%d %H:%M"))),
                ViewLine::Blank,
            ];
            lines.extend(payload_lines(&e.payload));
            Viewer::new(format!("Event: {}", e.kind.replace('_', " ")), lines)
        }),
        Tab::Brief | Tab::Evidence | Tab::SignOff => None,
    };
    match viewer {
        Some(viewer) => open(app, viewer),
        None if v.rows() == 0 => app.info("nothing to show: this tab has no rows"),
        None => {}
    }
}

/// A review item in full: its text, evidence, and the decision (an answer,
/// a note, an owner) with who made it and when.
fn item_lines(item: &Item) -> Viewer {
    let kind = item.kind.as_str();
    let mut lines = vec![ViewLine::Text(item.text.clone())];
    if let Some(about) = &item.about {
        lines.push(ViewLine::Dim(format!("about: {}", about.replace('_', " "))));
    }
    lines.push(ViewLine::Dim(format!(
        "evidence: {}",
        view::cites(&item.evidence)
    )));
    if !item.mentions.is_empty() {
        // A claim said several times: what each mention says, and where.
        lines.push(ViewLine::Blank);
        lines.push(ViewLine::Head(format!(
            "said {} times, one decision",
            item.mentions.len()
        )));
        for m in &item.mentions {
            lines.push(ViewLine::Dim(view::cites(&m.evidence)));
            lines.push(ViewLine::Text(m.text.clone()));
        }
    }
    lines.push(ViewLine::Blank);
    let decided = match &item.decision {
        Decision::Pending => ViewLine::Dim(
            match item.kind {
                ItemKind::Question => "not answered yet",
                ItemKind::Risk => "no owner yet",
                ItemKind::Goal => "as the analysis classified it",
                _ => "not reviewed yet",
            }
            .into(),
        ),
        d => {
            let by = d.by().map_or(String::new(), |s| {
                format!(" by {} on {}", s.name, s.at.strftime("%Y-%m-%d %H:%M"))
            });
            ViewLine::Head(format!("{}{by}", d.state().replace('_', " ")))
        }
    };
    lines.push(decided);
    match &item.decision {
        Decision::Risk { owner, due, .. } => {
            lines.push(ViewLine::Text(format!("owner: {owner}")));
            if let Some(due) = due {
                lines.push(ViewLine::Text(format!("due: {due}")));
            }
        }
        d => {
            if let Some(note) = d.note().filter(|n| !n.trim().is_empty()) {
                // An answer or a note: every line of it.
                lines.extend(note.lines().map(|l| ViewLine::Text(l.to_string())));
            }
        }
    }
    Viewer::new(format!("{} {kind}", item.id), lines)
}

/// An event's details, one field a line, long text whole.
fn payload_lines(p: &serde_json::Value) -> Vec<ViewLine> {
    let Some(map) = p.as_object() else {
        return vec![ViewLine::Text(p.to_string())];
    };
    map.iter()
        .map(|(k, v)| {
            let value = match v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            ViewLine::Text(format!("{}: {value}", k.replace('_', " ")))
        })
        .collect()
}

fn open(app: &mut App, viewer: Viewer) {
    app.overlay = Some(Overlay::Viewer(viewer));
}

/// Scroll or close the viewer.
pub(super) fn viewer(app: &mut App, mut v: Viewer, action: Action) {
    let rows = view::viewer_rows(app.size, &v);
    let page = view::viewer_height(app.size, &v);
    let last = rows.saturating_sub(page);
    v.scroll = match action {
        Action::Back | Action::Cancel => return,
        Action::Down => v.scroll + 1,
        Action::Up => v.scroll.saturating_sub(1),
        Action::PageDown => v.scroll + page,
        Action::PageUp => v.scroll.saturating_sub(page),
        Action::Top => 0,
        Action::Bottom => last,
        _ => v.scroll,
    }
    .min(last);
    app.overlay = Some(Overlay::Viewer(v));
}
