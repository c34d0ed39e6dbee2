//! Applying an action to the state. Every change to the workspace goes
//! through `Workspace::run` with a library `Command` (the CLI's path too);
//! everything else here only moves the reviewer around.

use super::action::Action;
use super::state::cursor::Cursor;
use super::state::field::TextField;
use super::state::flow::FlowKind;
use super::state::handoff::{HandoffView, Tab};
use super::state::queue::StatusFilter;
use super::state::{App, Overlay, Screen};
use super::update_flow::{overlay, start};
use super::view;
use crate::handoff::ItemKind;
use crate::handoff::commands::Criteria;
use crate::handoff::items::CommitmentOutcome;

pub const WHO_IS_THIS: &str = "who is this? set [identity] name and role in config.toml (or start with --as NAME --role csm|ae); changes are refused until then";

pub fn update(app: &mut App, action: Action) {
    match action {
        Action::Tick => {
            app.today = app.clock.today();
            if let Some(s) = &mut app.status {
                s.ttl = s.ttl.saturating_sub(1);
                if s.ttl == 0 {
                    app.status = None;
                }
            }
            return;
        }
        Action::Resize(w, h) => {
            app.size = (w, h);
            follow_all(app);
            super::update_evidence::follow_current(app);
            super::update_pilot::follow(app);
            return;
        }
        Action::Quit => {
            super::update_nav::quit(app);
            return;
        }
        _ => {}
    }
    if app.size.0 < view::MIN_SIZE.0 || app.size.1 < view::MIN_SIZE.1 {
        // Nothing is drawn but the size warning: only leaving works.
        if action == Action::Back {
            app.quit = true;
        }
        return;
    }
    if app.overlay.is_some() {
        overlay(app, action);
        return;
    }
    match action {
        Action::Help => {
            app.overlay = Some(Overlay::Help { scroll: 0 });
            return;
        }
        Action::Metrics => {
            open_metrics(app);
            return;
        }
        Action::Messages => {
            super::update_nav::messages(app);
            return;
        }
        _ => {}
    }
    match app.screen {
        Screen::Queue => queue(app, action),
        Screen::Handoff => handoff(app, action),
        Screen::Metrics => match action {
            Action::Back => app.screen = app.metrics_from,
            Action::Refresh => open_metrics(app),
            Action::NextSegment | Action::NextPeriod => super::update_metrics::filter(app, action),
            Action::PilotReadout => super::update_pilot::open(app),
            _ => {}
        },
        Screen::Pilot => super::update_pilot::pilot(app, action),
    }
}

fn follow_all(app: &mut App) {
    let rows = view::queue::visible_rows(app.size);
    let len = app.queue.visible.len();
    app.queue.cursor.follow(len, rows);
    if let Some(v) = &mut app.view {
        for tab in Tab::ALL {
            if matches!(tab, Tab::Brief | Tab::Evidence | Tab::SignOff) {
                continue;
            }
            let (n, h) = (v.rows_in(tab), view::lists_rows(app.size, tab));
            v.cursors[tab.index()].follow(n, h);
        }
    }
}

/// Re-read the open handoff and the queue from the workspace.
pub(super) fn reload(app: &mut App) {
    if let Some(v) = &mut app.view
        && let Err(e) = v.reload(&app.ws)
    {
        app.error(e.to_string());
        return;
    }
    match app.ws.queue() {
        Ok(rows) => app.queue.reload(rows),
        Err(e) => app.error(e.to_string()),
    }
    follow_all(app);
}

pub(super) fn open_metrics(app: &mut App) {
    let filter = app
        .metrics
        .as_ref()
        .map(|m| m.filter.clone())
        .unwrap_or_default();
    let loaded = super::update_metrics::load(app, filter);
    match loaded {
        Ok(m) => {
            app.metrics = Some(m);
            if !matches!(app.screen, Screen::Metrics | Screen::Pilot) {
                app.metrics_from = app.screen;
            }
            app.screen = Screen::Metrics;
        }
        Err(e) => app.error(e.to_string()),
    }
}

/// Apply a movement to a list cursor; false when `action` is not one.
fn move_cursor(c: &mut Cursor, action: Action, len: usize, height: usize) -> bool {
    let page = height as isize;
    match action {
        Action::Down => c.step(1, len, height),
        Action::Up => c.step(-1, len, height),
        Action::PageDown => c.step(page, len, height),
        Action::PageUp => c.step(-page, len, height),
        Action::Top => c.top(),
        Action::Bottom => c.bottom(len, height),
        _ => return false,
    }
    true
}

fn queue(app: &mut App, action: Action) {
    let rows = view::queue::visible_rows(app.size);
    let len = app.queue.visible.len();
    if move_cursor(&mut app.queue.cursor, action, len, rows) {
        return;
    }
    match action {
        // One level out: the filters, newest kind first; Esc never quits.
        Action::Back => super::update_nav::queue_back(app),
        Action::Open => open_selected(app),
        Action::Filter => {
            let before = app.queue.text_filter.clone();
            app.overlay = Some(Overlay::Filter {
                text: TextField::new(&before),
                before,
            });
        }
        Action::ClearFilter => {
            app.queue.set_text_filter("");
            app.queue.set_status_filter(StatusFilter::All);
            app.queue.set_mine(None);
        }
        Action::Mine => super::update_nav::toggle_mine(app),
        Action::ScoreParts => super::update_nav::score_parts(app),
        Action::Import => super::update_import::start(app),
        Action::NextStatusFilter => {
            let next = app.queue.status_filter.next();
            app.queue.set_status_filter(next);
        }
        Action::ShowAll => app.queue.set_status_filter(StatusFilter::All),
        Action::ShowNeedsReview => app.queue.set_status_filter(StatusFilter::NeedsReview),
        Action::ShowReturned => app.queue.set_status_filter(StatusFilter::Returned),
        Action::ShowPaused => app.queue.set_status_filter(StatusFilter::Paused),
        Action::ShowReady => app.queue.set_status_filter(StatusFilter::Ready),
        Action::ShowApproved => app.queue.set_status_filter(StatusFilter::Approved),
        Action::SortNext => app.queue.set_sort(None, false),
        Action::SortReverse => app.queue.set_sort(None, true),
        Action::Refresh => {
            reload(app);
            app.info(format!("reloaded: {} handoff(s)", app.queue.rows.len()));
        }
        Action::Click(_, y) => {
            if let Some(i) = view::queue::row_at(app, y) {
                if i == app.queue.cursor.selected {
                    open_selected(app);
                } else {
                    app.queue.cursor.select(i, len, rows);
                }
            }
        }
        _ => {}
    }
    let len = app.queue.visible.len();
    app.queue.cursor.follow(len, rows);
}

pub(super) fn open_selected(app: &mut App) {
    let Some(id) = app.queue.selected().map(|r| r.id.clone()) else {
        return;
    };
    match HandoffView::load(&app.ws, &id) {
        Ok(v) => {
            app.view = Some(v);
            app.came_from.clear();
            app.handoff_from = Screen::Queue;
            app.screen = Screen::Handoff;
        }
        Err(e) => app.error(e.to_string()),
    }
}

fn handoff(app: &mut App, action: Action) {
    let size = app.size;
    let Some(v) = &mut app.view else {
        app.screen = Screen::Queue;
        return;
    };
    let tab_for = |a: Action| match a {
        Action::TabBrief => Some(Tab::Brief),
        Action::TabEvidence => Some(Tab::Evidence),
        Action::TabChecklist => Some(Tab::Checklist),
        Action::TabRisks => Some(Tab::Risks),
        Action::TabStakeholders => Some(Tab::Stakeholders),
        Action::TabQuestions => Some(Tab::Questions),
        Action::TabTasks => Some(Tab::Tasks),
        Action::TabActivity => Some(Tab::Activity),
        Action::TabSignOff => Some(Tab::SignOff),
        _ => None,
    };
    if let Some(tab) = tab_for(action) {
        // A tab chosen by hand: where a jump came from no longer applies.
        v.tab = tab;
        app.came_from.clear();
        return;
    }
    match action {
        Action::Back => {
            // Back to the tab a jump left, else to the queue.
            if let Some(tab) = app.came_from.pop() {
                v.tab = tab;
                return;
            }
            app.view = None;
            app.screen = Screen::Queue;
            // Pick up what another process (a CLI import) changed.
            reload(app);
            if std::mem::replace(&mut app.handoff_from, Screen::Queue) == Screen::Pilot {
                // Back to the readout it was opened from, with what was
                // recorded on the handoff counted.
                super::update_pilot::open(app);
            }
        }
        Action::View => super::update_nav::view_row(app),
        Action::NextTab | Action::PrevTab => {
            v.tab = v.tab.step(if action == Action::NextTab { 1 } else { -1 });
            app.came_from.clear();
        }
        Action::Refresh => {
            reload(app);
            app.info("reloaded from the workspace");
        }
        Action::Export => export(app),
        Action::ReturnToAe => start(app, FlowKind::ReturnToAe, None),
        Action::RecordEscalation => start(app, FlowKind::Escalation, None),
        Action::RecordHealth => start(app, FlowKind::Health, None),
        Action::Click(x, y) => {
            if y == view::handoff::TAB_ROW {
                if let Some(tab) = view::handoff::tab_at(v, x, size.0) {
                    v.tab = tab;
                }
            } else if let Some(i) = view::list_row_at(size, v, y) {
                let (n, h) = (v.rows(), view::lists_rows(size, v.tab));
                v.cursor_mut().select(i, n, h);
            }
        }
        _ => match v.tab {
            Tab::Evidence => super::update_evidence::evidence(app, action),
            Tab::Brief | Tab::SignOff => {
                let n = view::text_len(app);
                let height = view::handoff::tab_body(size).height;
                if let Some(v) = &mut app.view {
                    scroll_text(&mut v.cursor_mut().offset, action, n, height);
                }
                if app.view.as_ref().is_some_and(|v| v.tab == Tab::SignOff) {
                    decide(app, action);
                }
            }
            _ => list_tab(app, action),
        },
    }
}

/// Scroll a text tab: `offset` is its first line.
fn scroll_text(offset: &mut usize, action: Action, lines: usize, height: u16) {
    let page = (height as usize).max(1);
    let max = lines.saturating_sub(page / 2);
    *offset = match action {
        Action::Down => *offset + 1,
        Action::Up => offset.saturating_sub(1),
        Action::PageDown => *offset + page,
        Action::PageUp => offset.saturating_sub(page),
        Action::Top => 0,
        Action::Bottom => max,
        _ => *offset,
    }
    .min(max);
}

fn list_tab(app: &mut App, action: Action) {
    let size = app.size;
    let Some(v) = &mut app.view else {
        return;
    };
    let (n, h) = (v.rows(), view::lists_rows(size, v.tab));
    if !move_cursor(v.cursor_mut(), action, n, h) {
        decide(app, action);
    }
}

/// The actions of a tab that start a decision (or jump to evidence).
fn decide(app: &mut App, action: Action) {
    let Some(v) = &app.view else {
        return;
    };
    match action {
        Action::ShowEvidence => super::update_evidence::show_evidence(app),
        Action::Act => {
            let Some(item) = v.selected_item() else {
                return;
            };
            let kind = match item.kind {
                ItemKind::Commitment => FlowKind::DecideCommitment,
                ItemKind::Conflict => FlowKind::ResolveConflict,
                ItemKind::Goal => FlowKind::ClassifyGoal,
                ItemKind::Risk => FlowKind::OwnRisk,
                ItemKind::Question => FlowKind::Answer,
            };
            let id = item.id.clone();
            start(app, kind, Some(id));
        }
        Action::Accept | Action::Reject | Action::SendToAe => {
            let Some(item) = v.selected_item() else {
                return;
            };
            if item.kind != ItemKind::Commitment {
                let msg = format!(
                    "{} is a {}: accept, reject and send to AE are for commitments (Enter decides it)",
                    item.id,
                    item.kind.as_str()
                );
                return app.error(msg);
            }
            let outcome = match action {
                Action::Accept => CommitmentOutcome::Accepted,
                Action::Reject => CommitmentOutcome::Rejected,
                _ => CommitmentOutcome::SentToAe,
            };
            let id = item.id.clone();
            start(app, FlowKind::QuickCommitment(outcome), Some(id));
        }
        Action::DismissDuplicate | Action::DismissNotAFinding => {
            let Some(item) = v.selected_item() else {
                return;
            };
            if !matches!(
                item.kind,
                ItemKind::Commitment | ItemKind::Conflict | ItemKind::Risk
            ) {
                let msg = format!(
                    "{} is a {}: only commitments, conflicts and risks are dismissed",
                    item.id,
                    item.kind.as_str()
                );
                return app.error(msg);
            }
            let duplicate = action == Action::DismissDuplicate;
            if duplicate && super::state::flow::Flow::duplicate_targets(&v.h, &item.id).is_empty() {
                let msg = format!(
                    "{} has no other {} to be a duplicate of",
                    item.id,
                    item.kind.as_str()
                );
                return app.error(msg);
            }
            let kind = if duplicate {
                FlowKind::DismissDuplicate
            } else {
                FlowKind::DismissNotAFinding
            };
            let id = item.id.clone();
            start(app, kind, Some(id));
        }
        Action::Approve => start(app, FlowKind::Approve, None),
        Action::ConfirmSuccess => start(app, FlowKind::ConfirmCriteria(Criteria::Success), None),
        Action::ConfirmFirstValue => {
            start(app, FlowKind::ConfirmCriteria(Criteria::FirstValue), None)
        }
        Action::Resubmit => start(app, FlowKind::Resubmit, None),
        Action::Milestone => start(app, FlowKind::Milestone, None),
        Action::RiskCameTrue => {
            let Some(item) = v.selected_item() else {
                return;
            };
            if item.kind != ItemKind::Risk {
                let msg = format!(
                    "{} is a {}: only a risk comes true",
                    item.id,
                    item.kind.as_str()
                );
                return app.error(msg);
            }
            let id = item.id.clone();
            start(app, FlowKind::RiskMaterialised, Some(id));
        }
        _ => {}
    }
}

/// Export the approved brief to `<export_dir>/<DEAL>.md`, or say why not.
fn export(app: &mut App) {
    let Some(v) = &app.view else {
        return;
    };
    let h = &v.h;
    if !crate::export::is_final(h) {
        let failing = v.gates.iter().filter(|g| !g.pass).count();
        let why = if failing > 0 {
            format!("{failing} gate(s) fail (see Sign-off)")
        } else {
            "it needs an AE and a CSM approval of the current state (see Sign-off)".into()
        };
        return app.error(format!(
            "{} is not approved ({}): {why}; nothing exported",
            h.deal.id,
            view::status_label(h.status.as_str())
        ));
    }
    let id = h.deal.id.clone();
    let path = app.config.export_dir.join(crate::export::file_name(&id));
    let ctx = match app.ctx() {
        Ok(c) => c,
        Err(_) => crate::handoff::Ctx {
            actor: crate::handoff::Actor {
                name: "baton tui".into(),
                role: None,
            },
            now: app.clock.now(),
            team: crate::handoff::Team::default(),
            may_invalidate_approvals: false,
        },
    };
    if let Err(e) = std::fs::create_dir_all(&app.config.export_dir) {
        return app.error(format!("{}: {e}", app.config.export_dir.display()));
    }
    match crate::export::export_to(&mut app.ws, &ctx, &id, &path, false) {
        Ok(p) => {
            reload(app);
            app.info(format!("exported the approved brief to {}", p.display()));
        }
        Err(e) => app.error(e.to_string()),
    }
}
