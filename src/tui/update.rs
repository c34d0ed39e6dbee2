//! Applying an action to the state. Every change to the workspace goes
//! through `Workspace::run` with a library `Command` (the CLI's path too);
//! everything else here only moves the reviewer around.

use super::action::Action;
use super::state::cursor::Cursor;
use super::state::field::TextField;
use super::state::flow::{Answer, Context, Flow, FlowKind, Next, Step};
use super::state::handoff::{HandoffView, Tab};
use super::state::queue::StatusFilter;
use super::state::{App, MetricsView, Overlay, Screen};
use super::view;
use crate::handoff::commands::Criteria;
use crate::handoff::items::CommitmentOutcome;
use crate::handoff::{Command, ItemKind};

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
            return;
        }
        Action::Quit => {
            app.quit = true;
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
        _ => {}
    }
    match app.screen {
        Screen::Queue => queue(app, action),
        Screen::Handoff => handoff(app, action),
        Screen::Metrics => match action {
            Action::Back => app.screen = app.metrics_from,
            Action::Refresh => open_metrics(app),
            _ => {}
        },
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

fn overlay(app: &mut App, action: Action) {
    let Some(ov) = app.overlay.take() else {
        return;
    };
    match ov {
        Overlay::Help { scroll } => match action {
            Action::Back | Action::Help | Action::Cancel => {}
            Action::Down => app.overlay = Some(Overlay::Help { scroll: scroll + 1 }),
            Action::Up => {
                app.overlay = Some(Overlay::Help {
                    scroll: scroll.saturating_sub(1),
                })
            }
            _ => app.overlay = Some(Overlay::Help { scroll }),
        },
        Overlay::Filter { mut text, before } => match action {
            Action::Submit => {
                let rows = view::queue::visible_rows(app.size);
                let len = app.queue.visible.len();
                app.queue.cursor.follow(len, rows);
            }
            Action::Cancel => app.queue.set_text_filter(&before),
            edit => {
                if text.apply(edit) {
                    app.queue.set_text_filter(text.text());
                }
                app.overlay = Some(Overlay::Filter { text, before });
            }
        },
        Overlay::Prompt { mut flow, mut step } => {
            let answer = match (&mut step, action) {
                (_, Action::Cancel | Action::No) => {
                    app.info("cancelled: nothing was recorded");
                    return;
                }
                (
                    Step::Pick {
                        options, selected, ..
                    },
                    Action::Down,
                ) => {
                    *selected = (*selected + 1).min(options.len().saturating_sub(1));
                    None
                }
                (Step::Pick { selected, .. }, Action::Up) => {
                    *selected = selected.saturating_sub(1);
                    None
                }
                (Step::Pick { selected, .. }, Action::Submit) => Some(Answer::Picked(*selected)),
                (
                    Step::Text {
                        text, rule, error, ..
                    },
                    Action::Submit,
                ) => match rule.check(text.text()) {
                    Ok(()) => Some(Answer::Text(text.text().trim().to_string())),
                    Err(e) => {
                        *error = Some(e);
                        None
                    }
                },
                (Step::Confirm { .. }, Action::Yes) => Some(Answer::Yes),
                (Step::Text { text, error, .. }, edit) => {
                    if text.apply(edit) {
                        *error = None;
                    }
                    None
                }
                _ => None,
            };
            match answer {
                None => app.overlay = Some(Overlay::Prompt { flow, step }),
                Some(a) => {
                    flow.answers.push(a);
                    advance(app, flow);
                }
            }
        }
    }
}

/// Ask the flow's next step, or run its command.
fn advance(app: &mut App, flow: Flow) {
    let Some(v) = &app.view else {
        return;
    };
    let cx = Context {
        h: &v.h,
        team: &app.config.team,
        role: app.actor.as_ref().and_then(|a| a.role),
        today: app.today,
    };
    match flow.next(&cx) {
        Next::Ask(step) => app.overlay = Some(Overlay::Prompt { flow, step }),
        Next::Run(command) => {
            if run(app, &flow.deal, &command)
                && let Some(item) = &flow.item
            {
                select_next_open(app, item);
            }
        }
    }
}

/// After deciding `item`, move to the next item of the tab that still needs
/// a decision, so a reviewer walks a list with Enter alone.
fn select_next_open(app: &mut App, item: &str) {
    let size = app.size;
    let Some(v) = &mut app.view else {
        return;
    };
    let rows = match v.tab {
        Tab::Checklist => v.checklist(),
        Tab::Risks => v.risks(),
        Tab::Questions => v.questions(),
        _ => return,
    };
    let Some(here) = rows.iter().position(|i| i.id == item) else {
        return;
    };
    let next = rows
        .iter()
        .enumerate()
        .skip(here + 1)
        .find(|(_, i)| i.needs_decision())
        .map(|(n, _)| n);
    if let Some(n) = next {
        let (len, h) = (rows.len(), view::lists_rows(size, v.tab));
        v.cursor_mut().select(n, len, h);
    }
}

/// Start a flow on the open handoff (refused without an identity).
fn start(app: &mut App, kind: FlowKind, item: Option<String>) {
    if app.actor.is_none() {
        app.error(WHO_IS_THIS);
        return;
    }
    let Some(v) = &app.view else {
        return;
    };
    if let Err(why) = precheck(app, &kind) {
        return app.error(why);
    }
    let flow = Flow::new(kind, &v.h.deal.id, item.as_deref());
    advance(app, flow);
}

/// Whether a flow could end in a write at all, asked before its first step:
/// its command is tried on a copy of the handoff, so a refusal (gates fail,
/// wrong status) shows at once instead of after every question.
fn precheck(app: &App, kind: &FlowKind) -> Result<(), String> {
    let (Some(v), Ok(ctx)) = (&app.view, app.ctx()) else {
        return Ok(());
    };
    let probes: Vec<Command> = match kind {
        FlowKind::Approve => vec![
            Command::Approve(crate::handoff::Role::Csm),
            Command::Approve(crate::handoff::Role::Ae),
        ],
        FlowKind::ReturnToAe => vec![Command::ReturnToAe {
            reason: crate::handoff::commands::ReturnReason::Other,
            note: String::new(),
        }],
        FlowKind::Resubmit => vec![Command::Resubmit { via: "tui".into() }],
        FlowKind::ConfirmCriteria(which) => vec![Command::Confirm(*which)],
        _ => return Ok(()),
    };
    // Any probe that would succeed (approving as one role may be done already).
    let mut first_error = None;
    for p in probes {
        match p.apply(&mut v.h.clone(), &ctx) {
            Ok(_) => return Ok(()),
            Err(e) => {
                first_error.get_or_insert(e.to_string());
            }
        }
    }
    Err(first_error.unwrap_or_default())
}

/// Run one library command, then reload what it changed; true when it was
/// recorded.
pub fn run(app: &mut App, deal: &str, command: &Command) -> bool {
    let ctx = match app.ctx() {
        Ok(c) => c,
        Err(e) => {
            app.error(e);
            return false;
        }
    };
    match app.ws.run(&ctx, deal, command) {
        Ok((_, change)) => {
            let lines: Vec<String> = change
                .events
                .iter()
                .map(|(k, p)| crate::handoff::describe(*k, p))
                .collect();
            reload(app);
            app.info(lines.join(" · "));
            true
        }
        Err(e) => {
            app.error(e.to_string());
            false
        }
    }
}

/// Re-read the open handoff and the queue from the workspace.
fn reload(app: &mut App) {
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

fn open_metrics(app: &mut App) {
    let loaded = app.ws.metrics_rows().map(|(deals, events)| {
        let filter = crate::metrics::Filter::default();
        MetricsView {
            metrics: crate::metrics::compute(&deals, &events, &filter, app.today),
            weeks: crate::metrics::weekly(&events, app.today, view::METRIC_WEEKS),
        }
    });
    match loaded {
        Ok(m) => {
            app.metrics = Some(m);
            if app.screen != Screen::Metrics {
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
        Action::Back => app.quit = true,
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
        }
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

fn open_selected(app: &mut App) {
    let Some(id) = app.queue.selected().map(|r| r.id.clone()) else {
        return;
    };
    match HandoffView::load(&app.ws, &id) {
        Ok(v) => {
            app.view = Some(v);
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
        v.tab = tab;
        return;
    }
    match action {
        Action::Back => {
            app.view = None;
            app.screen = Screen::Queue;
            // Pick up what another process (a CLI import) changed.
            reload(app);
        }
        Action::NextTab => v.tab = v.tab.step(1),
        Action::PrevTab => v.tab = v.tab.step(-1),
        Action::Refresh => {
            reload(app);
            app.info("reloaded from the workspace");
        }
        Action::Export => export(app),
        Action::ReturnToAe => start(app, FlowKind::ReturnToAe, None),
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
        Action::Approve => start(app, FlowKind::Approve, None),
        Action::ConfirmSuccess => start(app, FlowKind::ConfirmCriteria(Criteria::Success), None),
        Action::ConfirmFirstValue => {
            start(app, FlowKind::ConfirmCriteria(Criteria::FirstValue), None)
        }
        Action::Resubmit => start(app, FlowKind::Resubmit, None),
        Action::Milestone => start(app, FlowKind::Milestone, None),
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
