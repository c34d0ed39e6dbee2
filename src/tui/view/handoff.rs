//! An open handoff: its header line, the tab bar, and the current tab.

use super::{clip, days_left, status_label};
use crate::tui::state::App;
use crate::tui::state::handoff::{HandoffView, Tab};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Tabs};

/// The deal line, the tab bar, the tab's body.
pub fn areas(body: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(body)
}

/// The body of a tab on a terminal this size.
pub fn tab_body(size: (u16, u16)) -> Rect {
    let full = Rect::new(0, 0, size.0, size.1);
    let [_, body, _] = super::frame_areas(full);
    areas(body)[2]
}

/// The tab titles that fit `width`: numbered in full, else short.
pub fn tab_titles(v: &HandoffView, width: u16) -> Vec<String> {
    let full: Vec<String> = Tab::ALL.iter().map(|t| tab_title(v, *t, true)).collect();
    // Tabs pads each title with a space either side and divides with "│".
    let need: usize = full.iter().map(|t| t.chars().count() + 3).sum();
    if need <= width as usize {
        return full;
    }
    Tab::ALL.iter().map(|t| tab_title(v, *t, false)).collect()
}

/// The tab whose title is at column `x` of the tab bar, for mouse clicks.
pub fn tab_at(v: &HandoffView, x: u16, width: u16) -> Option<Tab> {
    let mut left = 1u16;
    for (tab, title) in Tab::ALL.iter().zip(tab_titles(v, width)) {
        let w = title.chars().count() as u16;
        if x >= left && x < left + w {
            return Some(*tab);
        }
        left += w + 3;
    }
    None
}

/// The screen row of the tab bar.
pub const TAB_ROW: u16 = 2;

fn tab_title(v: &HandoffView, tab: Tab, full: bool) -> String {
    let n = tab.index() + 1;
    let open = v.h.open_counts();
    let shown = |n: u32| (n > 0).then(|| format!(" {n}"));
    let count = match tab {
        Tab::Checklist => shown(open.commitments + open.conflicts),
        Tab::Risks => shown(open.unowned_risks),
        Tab::Questions => shown(open.questions),
        Tab::SignOff => {
            let failing = v.gates.iter().filter(|g| !g.pass).count();
            Some(if failing == 0 {
                " ✔".into()
            } else {
                format!(" {failing}✘")
            })
        }
        _ => None,
    };
    if full {
        format!("{n} {}{}", tab.title(), count.unwrap_or_default())
    } else {
        format!("{}{}", tab.short_title(), count.unwrap_or_default())
    }
}

pub fn draw(f: &mut Frame, area: Rect, app: &App, v: &HandoffView) {
    let t = &app.config.theme;
    let [deal_row, tab_row, body] = areas(area);
    let d = &v.h.deal;
    let mut spans = vec![
        Span::styled(format!(" {} ", d.id), t.title()),
        Span::styled(
            format!("[{}]", status_label(v.h.status.as_str())),
            t.accent(),
        ),
        Span::raw(" "),
    ];
    let name = d.account.as_deref().or(d.name.as_deref()).unwrap_or("");
    spans.push(Span::raw(name.to_string()));
    if let Some(k) = d.kickoff {
        let (days, left) = days_left(app.today, k);
        let approved = crate::export::is_final(&v.h);
        let style = if !approved && days < 0 {
            t.bad()
        } else if !approved && days <= app.config.kickoff_warning_days {
            t.warn()
        } else {
            t.dim()
        };
        spans.push(Span::styled(format!(" · kickoff {k} ({left})"), style));
    }
    if let Some(ae) = &d.ae {
        spans.push(Span::styled(format!(" · AE {ae}"), t.dim()));
    }
    if let Some(csm) = &d.csm {
        spans.push(Span::styled(format!(" · CSM {csm}"), t.dim()));
    }
    let line = Line::from(spans);
    f.render_widget(Paragraph::new(line), deal_row);

    let tabs = Tabs::new(tab_titles(v, tab_row.width))
        .select(v.tab.index())
        .highlight_style(t.selected())
        .divider("│");
    f.render_widget(tabs, tab_row);

    match v.tab {
        Tab::Brief => super::brief::draw(f, body, app, v),
        Tab::Evidence => super::evidence::draw(f, body, app, v),
        Tab::SignOff => super::signoff::draw(f, body, app, v),
        _ => super::lists::draw(f, body, app, v),
    }
}

/// A line of `label: value`, the value clipped to the width.
pub fn field<'a>(label: &str, value: &str, width: u16, style: ratatui::style::Style) -> Line<'a> {
    let room = (width as usize).saturating_sub(label.len() + 3);
    Line::from(vec![
        Span::styled(format!(" {label}: "), style),
        Span::raw(clip(value, room)),
    ])
}
