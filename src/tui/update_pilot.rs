//! The pilot readout on the metrics screen: computed by the workspace (the
//! readout `baton pilot` prints, one computation), its settings asked for by
//! keys, and the handoffs behind its numbers walked and opened.

use super::action::Action;
use super::state::flow::{Answer, Step, TextRule, parse_date};
use super::state::handoff::HandoffView;
use super::state::pilot::{PilotSetting, PilotView};
use super::state::{App, Overlay, Screen};
use super::view;
use crate::metrics::pilot::{DEFAULT_DAYS, MIN_DECIDED, PilotSpec};

/// Compute the readout of `spec`; `None`: the defaults `baton pilot` uses
/// (every segment, from the first handoff's day, 60 days).
fn load(app: &App, spec: Option<PilotSpec>) -> crate::workspace::Result<PilotView> {
    let default_since = app.ws.pilot_start(app.today)?;
    let spec = spec.unwrap_or(PilotSpec {
        segment: None,
        since: default_since,
        days: DEFAULT_DAYS,
        min_decided: MIN_DECIDED,
    });
    let readout = app.ws.pilot_readout(&spec, app.today)?;
    let (deals, _) = app.ws.metrics_rows()?;
    let mut segments: Vec<String> = deals.into_iter().filter_map(|d| d.segment).collect();
    segments.sort();
    segments.dedup();
    Ok(PilotView {
        readout,
        segments,
        default_since,
        selected: 0,
        scroll: 0,
    })
}

/// Show the pilot readout, recomputed with the settings it had.
pub(super) fn open(app: &mut App) {
    let spec = app.pilot.as_ref().map(|p| p.spec().clone());
    match load(app, spec) {
        Ok(mut pv) => {
            // The line selected before stays selected over a reload (a line
            // added above it must not move the selection to another);
            // failing that, a line of the same handoff.
            if let Some(before) = &app.pilot {
                let was = before.selected_driver();
                let same_line = was.and_then(|w| pv.drivers().position(|d| d == w));
                let same_deal = was.and_then(|w| pv.drivers().position(|d| d.deal == w.deal));
                pv.selected = same_line
                    .or(same_deal)
                    .unwrap_or(before.selected)
                    .min(pv.driver_count().saturating_sub(1));
                pv.scroll = before.scroll;
            }
            app.pilot = Some(pv);
            if !matches!(app.screen, Screen::Metrics | Screen::Pilot) {
                app.metrics_from = app.screen;
            }
            app.screen = Screen::Pilot;
            follow(app);
        }
        Err(e) => app.error(e.to_string()),
    }
}

/// Keep the selection in view (after a move, a reload or a resize).
pub(super) fn follow(app: &mut App) {
    let Some(pv) = &app.pilot else {
        return;
    };
    let g = view::pilot::geometry(app, pv);
    let scroll = view::pilot::follow(&g, pv.selected, pv.scroll);
    if let Some(pv) = &mut app.pilot {
        pv.scroll = scroll;
    }
}

pub(super) fn pilot(app: &mut App, action: Action) {
    let Some(pv) = &app.pilot else {
        return;
    };
    let g = view::pilot::geometry(app, pv);
    let n = pv.driver_count();
    // A page moves the selection over about as many drivers as fit.
    let per_page = (g.height / 2).max(1);
    let selected = pv.selected;
    let moved = match action {
        Action::Down => Some(selected + 1),
        Action::Up => Some(selected.saturating_sub(1)),
        Action::PageDown => Some(selected + per_page),
        Action::PageUp => Some(selected.saturating_sub(per_page)),
        Action::Top => Some(0),
        Action::Bottom => Some(n.saturating_sub(1)),
        _ => None,
    };
    if let Some(to) = moved {
        if let Some(pv) = &mut app.pilot {
            if n == 0 {
                // Nothing to select: the page scrolls by rows.
                pv.scroll = match action {
                    Action::Down => pv.scroll + 1,
                    Action::Up | Action::Top => 0,
                    _ => pv.scroll,
                };
            }
            pv.selected = to.min(n.saturating_sub(1));
        }
        follow(app);
        return;
    }
    match action {
        Action::Back => {
            app.screen = match app.metrics_from {
                Screen::Handoff if app.view.is_none() => Screen::Queue,
                from => from,
            }
        }
        Action::Refresh => {
            open(app);
            app.info("pilot readout recomputed from the workspace");
        }
        Action::PilotReadout => super::update::open_metrics(app),
        Action::Open => open_driver(app),
        Action::PilotSince => ask(app, PilotSetting::Since),
        Action::PilotSegment => ask(app, PilotSetting::Segment),
        Action::PilotDays => ask(app, PilotSetting::Days),
        _ => {}
    }
}

/// Open the handoff of the selected line; Back returns here.
fn open_driver(app: &mut App) {
    let Some(deal) = app
        .pilot
        .as_ref()
        .and_then(|p| p.selected_driver())
        .map(|d| d.deal.clone())
    else {
        return app.error("no handoff is behind a number of this readout");
    };
    match HandoffView::load(&app.ws, &deal) {
        Ok(v) => {
            app.view = Some(v);
            app.came_from.clear();
            app.handoff_from = Screen::Pilot;
            app.screen = Screen::Handoff;
        }
        Err(e) => app.error(e.to_string()),
    }
}

fn ask(app: &mut App, setting: PilotSetting) {
    let Some(pv) = &app.pilot else {
        return;
    };
    let spec = pv.spec();
    let step = match setting {
        PilotSetting::Since => Step::Text {
            title: "The pilot's first day".into(),
            text: super::state::field::TextField::new(&spec.since.to_string()),
            hint: format!(
                "YYYY-MM-DD; empty: the first handoff's day ({})",
                pv.default_since
            ),
            rule: TextRule::OptionalDate,
            error: None,
        },
        PilotSetting::Segment => {
            let mut options = vec!["Every segment".to_string()];
            options.extend(pv.segments.iter().cloned());
            let selected = spec
                .segment
                .as_ref()
                .and_then(|s| pv.segments.iter().position(|x| x == s))
                .map_or(0, |i| i + 1);
            Step::Pick {
                title: "The pilot's segment".into(),
                options,
                selected,
            }
        }
        PilotSetting::Days => Step::Text {
            title: "How many days the pilot ran".into(),
            text: super::state::field::TextField::new(&spec.days.to_string()),
            hint: format!("a whole number; baton pilot's default is {DEFAULT_DAYS}"),
            rule: TextRule::Days,
            error: None,
        },
    };
    app.overlay = Some(Overlay::PilotPrompt { setting, step });
}

/// Apply an answer to a setting and recompute the readout.
pub(super) fn set(app: &mut App, setting: PilotSetting, answer: Answer) {
    let Some(pv) = &app.pilot else {
        return;
    };
    let mut spec = pv.spec().clone();
    match (setting, answer) {
        (PilotSetting::Since, Answer::Text(t)) => {
            spec.since = parse_date(&t).ok().flatten().unwrap_or(pv.default_since)
        }
        (PilotSetting::Segment, Answer::Picked(i)) => {
            spec.segment = i.checked_sub(1).and_then(|i| pv.segments.get(i)).cloned()
        }
        (PilotSetting::Days, Answer::Text(t)) => spec.days = t.parse().unwrap_or(spec.days),
        _ => return,
    }
    match load(app, Some(spec)) {
        Ok(pv) => {
            let said = format!("recomputed: {}", pv.readout.scope_line());
            app.pilot = Some(pv);
            follow(app);
            app.info(said);
        }
        Err(e) => app.error(e.to_string()),
    }
}
