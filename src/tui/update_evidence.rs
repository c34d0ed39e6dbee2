//! Moving around the evidence: scrolling the focused pane, walking the
//! conflicts with both panes following, jumping to a citation from another
//! tab, and deciding the conflict on screen.

use super::action::Action;
use super::state::App;
use super::state::evidence::{Evidence, Side};
use super::state::flow::FlowKind;
use super::state::handoff::Tab;
use super::view::evidence::{line_rows, pane_rows, pane_text_area};

/// Rows of context kept above a line a jump lands on, when the pane has room.
const CONTEXT: usize = 3;

/// The first pane line to show so that pane line `i` is on screen whole,
/// wrapped rows counted, with up to [`CONTEXT`] rows above it: never more
/// than half the room the line leaves, so a short pane (a stacked pane at
/// 80x24 has five or six rows) still shows the line and what follows it.
pub fn top_showing(ev: &Evidence, side: Side, i: usize, size: (u16, u16)) -> usize {
    let area = pane_text_area(size, side);
    let rows = (area.height as usize).max(1);
    let own = line_rows(ev, side, i, area.width);
    let budget = CONTEXT.min(rows.saturating_sub(own) / 2);
    let mut top = i;
    let mut used = 0;
    while top > 0 {
        let above = line_rows(ev, side, top - 1, area.width);
        if used + above > budget {
            break;
        }
        used += above;
        top -= 1;
    }
    top
}

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
                s.notes_top = top_showing(&v.evidence, Side::Notes, i, size);
            }
            if let Some(i) = spot.scope {
                s.scope_top = top_showing(&v.evidence, Side::Scope, i, size);
            }
        }
        Action::Act => decide_current(app),
        _ => {}
    }
}

/// Scroll both panes back to the conflict on screen, after a resize: its
/// lines wrap to the new width, and a pane may have fewer rows.
pub fn follow_current(app: &mut App) {
    let size = app.size;
    let Some(v) = &mut app.view else {
        return;
    };
    let Some((notes, scope)) = v
        .scroll
        .current
        .and_then(|i| v.evidence.conflicts.get(i))
        .map(|c| (c.notes, c.scope))
    else {
        return;
    };
    if let Some(i) = notes {
        v.scroll.notes_top = top_showing(&v.evidence, Side::Notes, i, size);
    }
    if let Some(i) = scope {
        v.scroll.scope_top = top_showing(&v.evidence, Side::Scope, i, size);
    }
}

/// Resolve the conflict on screen (the one `n`/`N` or a jump went to)
/// through the same flow and command as the checklist's Enter.
fn decide_current(app: &mut App) {
    let Some(v) = &app.view else {
        return;
    };
    let Some(spot) = v.scroll.current.and_then(|i| v.evidence.conflicts.get(i)) else {
        let next = app
            .config
            .keymap
            .key_for(app.screen_section(), Action::NextConflict)
            .unwrap_or_default();
        return app.error(format!(
            "no conflict on screen: {next} goes to the next one, then Enter decides it"
        ));
    };
    let item = spot.item.clone();
    super::update_flow::start(app, FlowKind::ResolveConflict, Some(item));
}

/// Go to the Evidence tab at the first citation of what is selected.
pub fn show_evidence(app: &mut App) {
    let size = app.size;
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
    let top = top_showing(&v.evidence, side, i, size);
    match side {
        Side::Notes => s.notes_top = top,
        Side::Scope => s.scope_top = top,
    }
    // A conflict scrolls its other side along.
    if let Some(c) = s.current.map(|k| &v.evidence.conflicts[k]) {
        if let Some(n) = c.notes {
            s.notes_top = top_showing(&v.evidence, Side::Notes, n, size);
        }
        if let Some(sc) = c.scope {
            s.scope_top = top_showing(&v.evidence, Side::Scope, sc, size);
        }
    }
    // Back returns to the tab the jump left.
    if v.tab != Tab::Evidence {
        app.came_from.push(v.tab);
    }
    v.tab = Tab::Evidence;
    app.info(format!("evidence at {cite}"));
}
