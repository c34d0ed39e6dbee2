//! Moving around the evidence: scrolling the focused pane, walking the
//! conflicts with both panes following, and jumping to a citation from
//! another tab.

use super::action::Action;
use super::state::App;
use super::state::evidence::Side;
use super::state::handoff::Tab;
use super::view::evidence::pane_rows;

/// Lines of context kept above a line a jump lands on.
const CONTEXT: usize = 3;

pub fn evidence(app: &mut App, action: Action) {
    let size = app.size;
    let Some(v) = &mut app.view else {
        return;
    };
    let s = &mut v.scroll;
    let side = s.focus;
    let len = v.evidence.pane(side).lines.len();
    let rows = pane_rows(size, side);
    let top = match side {
        Side::Notes => &mut s.notes_top,
        Side::Scope => &mut s.scope_top,
    };
    let last = len.saturating_sub(1);
    match action {
        Action::Down => *top = (*top + 1).min(last),
        Action::Up => *top = top.saturating_sub(1),
        Action::PageDown => *top = (*top + rows).min(last),
        Action::PageUp => *top = top.saturating_sub(rows),
        Action::Top => *top = 0,
        Action::Bottom => *top = len.saturating_sub(rows),
        Action::FocusNext => {
            s.focus = match s.focus {
                Side::Notes => Side::Scope,
                Side::Scope => Side::Notes,
            }
        }
        Action::NextConflict | Action::PrevConflict => {
            let n = v.evidence.conflicts.len();
            if n == 0 {
                app.info("no conflicts between the notes and the signed scope");
                return;
            }
            let next = match (s.current, action) {
                (None, Action::NextConflict) => 0,
                (None, _) => n - 1,
                (Some(i), Action::NextConflict) => (i + 1) % n,
                (Some(i), _) => (i + n - 1) % n,
            };
            s.current = Some(next);
            s.target = None;
            let spot = &v.evidence.conflicts[next];
            if let Some(i) = spot.notes {
                s.notes_top = i.saturating_sub(CONTEXT);
            }
            if let Some(i) = spot.scope {
                s.scope_top = i.saturating_sub(CONTEXT);
            }
        }
        _ => {}
    }
}

/// Go to the Evidence tab at the first citation of what is selected.
pub fn show_evidence(app: &mut App) {
    let Some(v) = &mut app.view else {
        return;
    };
    let cites = v.selected_cites();
    let Some((side, i, cite)) = cites.iter().find_map(|c| {
        v.evidence
            .locate(&c.file, c.line)
            .map(|(side, i)| (side, i, format!("{}:{}", c.file, c.line)))
    }) else {
        let msg = if cites.is_empty() {
            "nothing cited here".to_string()
        } else {
            format!(
                "{}:{} is not in this revision's files",
                cites[0].file, cites[0].line
            )
        };
        return app.error(msg);
    };
    let s = &mut v.scroll;
    s.focus = side;
    s.target = Some((side, i));
    s.current = v
        .evidence
        .conflicts
        .iter()
        .position(|c| c.notes == Some(i) || c.scope == Some(i));
    let top = i.saturating_sub(CONTEXT);
    match side {
        Side::Notes => s.notes_top = top,
        Side::Scope => s.scope_top = top,
    }
    // A conflict scrolls its other side along.
    if let Some(c) = s.current.map(|k| &v.evidence.conflicts[k]) {
        if let Some(n) = c.notes {
            s.notes_top = n.saturating_sub(CONTEXT);
        }
        if let Some(sc) = c.scope {
            s.scope_top = sc.saturating_sub(CONTEXT);
        }
    }
    // Back returns to the tab the jump left.
    if v.tab != Tab::Evidence {
        app.came_from.push(v.tab);
    }
    v.tab = Tab::Evidence;
    app.info(format!("evidence at {cite}"));
}
