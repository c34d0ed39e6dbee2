//! Prompts and their flows: answering a step, asking before a change that
//! cancels approvals, and running the command a flow ends in through
//! `Workspace::run`, the one write path.

use super::action::Action;
use super::state::App;
use super::state::Overlay;
use super::state::flow::{Answer, Consent, Context, Flow, FlowKind, Next, Step};
use super::state::handoff::Tab;
use super::update::{WHO_IS_THIS, reload};
use super::view;
use crate::handoff::Command;
use crate::handoff::outcomes::{Checkpoint, Health, HealthCheck, Outcome};

pub(super) fn overlay(app: &mut App, action: Action) {
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
        Overlay::Filter { mut text, before } => {
            let rows = view::queue::visible_rows(app.size);
            let len = app.queue.visible.len();
            match action {
                // The filter stays on the queue Back returns to.
                Action::Submit if len == 0 => app.error(format!(
                    "nothing matches {:?}: the filter is kept",
                    text.text()
                )),
                Action::Submit => super::update::open_selected(app),
                Action::Cancel => app.queue.set_text_filter(&before),
                Action::Down | Action::Up => {
                    let delta = if action == Action::Down { 1 } else { -1 };
                    app.queue.cursor.step(delta, len, rows);
                    app.overlay = Some(Overlay::Filter { text, before });
                }
                edit => {
                    if text.apply(edit) {
                        app.queue.set_text_filter(text.text());
                        let len = app.queue.visible.len();
                        app.queue.cursor.follow(len, rows);
                    }
                    app.overlay = Some(Overlay::Filter { text, before });
                }
            }
        }
        Overlay::ConfirmQuit { kept } => match action {
            Action::Yes | Action::Quit => app.quit = true,
            Action::No | Action::Cancel | Action::Back => app.overlay = kept.map(|k| *k),
            _ => app.overlay = Some(Overlay::ConfirmQuit { kept }),
        },
        Overlay::Viewer(v) => super::update_nav::viewer(app, v, action),
        Overlay::Import {
            text,
            error,
            choices,
        } => super::update_import::overlay(app, text, error, choices, action),
        Overlay::Prompt { flow, mut step } => match answer_step(app, &mut step, action) {
            StepAnswer::Cancelled => app.info("cancelled: nothing was recorded"),
            StepAnswer::Open => app.overlay = Some(Overlay::Prompt { flow, step }),
            StepAnswer::Given(a) => {
                let mut flow = flow;
                flow.answers.push(a);
                advance(app, flow);
            }
        },
        Overlay::PilotPrompt { setting, mut step } => match answer_step(app, &mut step, action) {
            StepAnswer::Cancelled => app.info("cancelled: the pilot readout is as it was"),
            StepAnswer::Open => app.overlay = Some(Overlay::PilotPrompt { setting, step }),
            StepAnswer::Given(a) => super::update_pilot::set(app, setting, a),
        },
    }
}

/// What a key did to a prompt's step.
enum StepAnswer {
    Cancelled,
    /// Still asking (moved, edited, or a typed answer refused).
    Open,
    Given(Answer),
}

/// Apply a key to one step of a prompt: pick, type, confirm or cancel.
fn answer_step(app: &mut App, step: &mut Step, action: Action) -> StepAnswer {
    match (step, action) {
        (_, Action::Cancel | Action::No) => StepAnswer::Cancelled,
        (
            Step::Pick {
                options, selected, ..
            },
            Action::Down,
        ) => {
            *selected = (*selected + 1).min(options.len().saturating_sub(1));
            StepAnswer::Open
        }
        (Step::Pick { selected, .. }, Action::Up) => {
            *selected = selected.saturating_sub(1);
            StepAnswer::Open
        }
        (Step::Pick { selected, .. }, Action::Submit) => {
            StepAnswer::Given(Answer::Picked(*selected))
        }
        (
            Step::Text {
                text, rule, error, ..
            },
            Action::Submit,
        ) => match rule.check(text.text()) {
            Ok(()) => StepAnswer::Given(Answer::Text(text.text().trim().to_string())),
            Err(e) => {
                // Under the field, and in the status line and the message
                // log like every refusal; the prompt stays open to correct
                // it, nothing is written.
                *error = Some(e.clone());
                app.error(e);
                StepAnswer::Open
            }
        },
        (Step::Confirm { .. }, Action::Yes) => StepAnswer::Given(Answer::Yes),
        (Step::Text { text, error, .. }, edit) => {
            if text.apply(edit) {
                *error = None;
            }
            StepAnswer::Open
        }
        _ => StepAnswer::Open,
    }
}

/// Ask the flow's next step, or run its command.
fn advance(app: &mut App, mut flow: Flow) {
    let Some(v) = &app.view else {
        return;
    };
    if flow.consent == Consent::Asked {
        // The yes to cancelling approvals is no answer of the flow's own.
        flow.answers.pop();
        flow.consent = Consent::Given;
    }
    let cx = Context {
        h: &v.h,
        team: &app.config.team,
        role: app.actor.as_ref().and_then(|a| a.role),
        today: app.today,
    };
    match flow.next(&cx) {
        Next::Ask(step) => app.overlay = Some(Overlay::Prompt { flow, step }),
        Next::Run(command) => {
            if flow.consent == Consent::NotAsked
                && let Some(message) = cancels_approvals(app, &command)
            {
                flow.consent = Consent::Asked;
                app.overlay = Some(Overlay::Prompt {
                    flow,
                    step: Step::Confirm { message },
                });
                return;
            }
            let consent = flow.consent == Consent::Given;
            if run(app, &flow.deal, &command, consent)
                && let Some(item) = &flow.item
            {
                select_next_open(app, item);
            }
        }
    }
}

/// The question to ask before `command`, when it would cancel approvals of
/// the current state: who must approve again.
fn cancels_approvals(app: &App, command: &Command) -> Option<String> {
    let (Some(v), Ok(ctx)) = (&app.view, app.ctx()) else {
        return None;
    };
    match command.apply(&mut v.h.clone(), &ctx) {
        Err(crate::handoff::DomainError::WouldInvalidate { deal, approvals }) => {
            let who: Vec<String> = approvals
                .iter()
                .map(|a| format!("{} ({})", a.name, a.role.as_str().to_uppercase()))
                .collect();
            Some(format!(
                "This cancels the approval{} of {} on {deal}: {} must approve again. Go ahead?",
                if approvals.len() == 1 { "" } else { "s" },
                who.join(" and "),
                if approvals.len() == 1 { "it" } else { "both" },
            ))
        }
        _ => None,
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
pub(super) fn start(app: &mut App, kind: FlowKind, item: Option<String>) {
    if app.actor.is_none() {
        app.error(WHO_IS_THIS);
        return;
    }
    let Some(v) = &app.view else {
        return;
    };
    if let Err(why) = precheck(app, &kind, item.as_deref()) {
        return app.error(why);
    }
    let flow = Flow::new(kind, &v.h.deal.id, item.as_deref());
    advance(app, flow);
}

/// Whether a flow could end in a write at all, asked before its first step:
/// its command is tried on a copy of the handoff, so a refusal (gates fail,
/// wrong status) shows at once instead of after every question.
fn precheck(app: &App, kind: &FlowKind, item: Option<&str>) -> Result<(), String> {
    let (Some(v), Ok(ctx)) = (&app.view, app.ctx()) else {
        return Ok(());
    };
    let probes: Vec<Command> = match kind {
        FlowKind::Approve => match ctx.actor.role {
            Some(role) => vec![Command::Approve(role)],
            None => {
                return Err(format!(
                    "{} has no role: approving needs [identity] role = \"ae\" or \"csm\"",
                    ctx.actor.name
                ));
            }
        },
        FlowKind::ReturnToAe => vec![Command::ReturnToAe {
            reason: crate::handoff::commands::ReturnReason::Other,
            note: String::new(),
        }],
        FlowKind::Resubmit => vec![Command::Resubmit { via: "tui".into() }],
        FlowKind::ConfirmCriteria(which) => vec![Command::Confirm(*which)],
        // A risk that already came true, or health before kickoff, is
        // refused before the date is asked.
        FlowKind::RiskMaterialised => vec![Command::Outcome(Outcome::RiskMaterialised {
            item: item.unwrap_or_default().to_string(),
            date: app.today,
            note: String::new(),
        })],
        FlowKind::Health => vec![Command::Outcome(Outcome::Health(HealthCheck {
            day: Checkpoint::Day30,
            health: Health::Green,
            note: String::new(),
        }))],
        _ => return Ok(()),
    };
    // Any probe that would succeed.
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
/// recorded. `cancel_approvals`: the user agreed it may cancel approvals.
fn run(app: &mut App, deal: &str, command: &Command, cancel_approvals: bool) -> bool {
    let mut ctx = match app.ctx() {
        Ok(c) => c,
        Err(e) => {
            app.error(e);
            return false;
        }
    };
    ctx.may_invalidate_approvals = cancel_approvals;
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
