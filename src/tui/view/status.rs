//! The status bar: a transient message when there is one, else the main
//! keys of the current screen, taken from the keymap.

use crate::tui::action::Action;
use crate::tui::keymap::Section;
use crate::tui::state::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The actions the bar hints at, per screen.
fn hinted(section: Section) -> &'static [Action] {
    use Action::*;
    match section {
        Section::Queue => &[
            Open,
            Filter,
            NextStatusFilter,
            Mine,
            SortNext,
            Metrics,
            Help,
            Quit,
        ],
        Section::Tasks | Section::Activity | Section::Stakeholders => {
            &[View, ShowEvidence, NextTab, Back, Help]
        }
        Section::Evidence => &[
            NextConflict,
            PrevConflict,
            Act,
            FocusNext,
            NextTab,
            Back,
            Help,
        ],
        Section::Checklist => &[Act, Accept, Reject, ShowEvidence, NextTab, Back, Help],
        Section::Risks => &[
            Act,
            ShowEvidence,
            RiskCameTrue,
            ReturnToAe,
            NextTab,
            Back,
            Help,
        ],
        Section::Questions => &[Act, ShowEvidence, ReturnToAe, NextTab, Back, Help],
        Section::SignOff => &[
            Approve,
            ConfirmSuccess,
            ConfirmFirstValue,
            Export,
            Back,
            Help,
        ],
        Section::Metrics => &[NextSegment, NextPeriod, PilotReadout, Refresh, Back, Help],
        Section::Pilot => &[
            Open,
            PilotSince,
            PilotSegment,
            PilotDays,
            PilotReadout,
            Back,
            Help,
        ],
        Section::Viewer => &[Down, Up, Back],
        Section::Picker => &[Submit, Cancel],
        Section::Confirm => &[Yes, No],
        Section::Input => &[Submit, Cancel],
        Section::Help => &[Back],
        _ => &[NextTab, PrevTab, Export, Back, Help],
    }
}

pub fn draw(f: &mut Frame, area: Rect, app: &App) {
    let t = &app.config.theme;
    if let Some(s) = &app.status {
        let style = if s.error { t.bad() } else { t.accent() };
        let text = super::clip(&s.text, area.width.saturating_sub(2) as usize);
        f.render_widget(
            Paragraph::new(Line::from(Span::styled(format!(" {text}"), style))),
            area,
        );
        return;
    }
    let section = app.section();
    let mut spans = vec![Span::raw(" ")];
    for a in hinted(section) {
        if let Some(k) = app.config.keymap.key_for(section, *a) {
            spans.push(Span::styled(k, t.accent()));
            // One key switches the two metrics views: it names the other.
            let label = match (section, *a) {
                (Section::Pilot, Action::PilotReadout) => "numbers",
                _ => short(*a),
            };
            spans.push(Span::styled(format!(" {label}  "), t.dim()));
        }
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The one or two words a hint shows.
fn short(a: Action) -> &'static str {
    use Action::*;
    match a {
        Open => "open",
        Filter => "filter",
        NextStatusFilter => "status",
        SortNext => "sort",
        Metrics => "metrics",
        Help => "help",
        Quit => "quit",
        NextConflict => "next conflict",
        PrevConflict => "prev",
        FocusNext => "pane",
        NextTab => "next tab",
        PrevTab => "prev tab",
        Back => "back",
        Act => "decide",
        Accept => "accept",
        Reject => "reject",
        ShowEvidence => "evidence",
        ReturnToAe => "return",
        Approve => "approve",
        ConfirmSuccess => "confirm success",
        ConfirmFirstValue => "confirm first value",
        Export => "export",
        Refresh => "reload",
        Submit => "ok",
        Cancel => "cancel",
        Yes => "yes",
        No => "no",
        Mine => "mine",
        View => "full text",
        NextSegment => "segment",
        NextPeriod => "period",
        PilotReadout => "pilot readout",
        PilotSince => "from",
        PilotSegment => "segment",
        PilotDays => "days",
        RiskCameTrue => "came true",
        Down => "down",
        Up => "up",
        _ => "",
    }
}
