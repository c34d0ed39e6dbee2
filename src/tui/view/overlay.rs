//! Overlays: the help generated from the keymap, the filter line, and the
//! steps of a flow (pick one, type a note, confirm).

use super::centered;
use crate::tui::action::Action;
use crate::tui::keymap::Section;
use crate::tui::state::field::TextField;
use crate::tui::state::flow::Step;
use crate::tui::state::{App, Overlay};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

pub fn draw(f: &mut Frame, area: Rect, app: &App) {
    match &app.overlay {
        None => {}
        Some(Overlay::Help { scroll }) => help(f, area, app, *scroll),
        Some(Overlay::Filter { text, .. }) => filter(f, area, app, text),
        Some(Overlay::Prompt { step, .. } | Overlay::PilotPrompt { step, .. }) => {
            prompt(f, area, app, step)
        }
        Some(Overlay::ConfirmQuit { .. }) => {
            let message = "What you typed is not saved. Quit baton and lose it?".to_string();
            prompt(f, area, app, &Step::Confirm { message })
        }
        Some(Overlay::Viewer(v)) => super::viewer::draw(f, app, v),
        Some(Overlay::Import {
            text,
            error,
            choices,
        }) => import(f, area, app, text, error.as_deref(), choices),
    }
}

fn import(
    f: &mut Frame,
    area: Rect,
    app: &App,
    text: &TextField,
    error: Option<&str>,
    choices: &[String],
) {
    let t = &app.config.theme;
    let key = |a: Action| {
        app.config
            .keymap
            .key_for(Section::Input, a)
            .unwrap_or_default()
    };
    let mut lines = vec![
        Line::from(
            std::iter::once(Span::raw(" "))
                .chain(field_spans(text, app))
                .collect::<Vec<_>>(),
        ),
        Line::from(Span::styled(
            format!(
                " a bundle folder, or a folder of bundles · {} completes",
                key(Action::Complete)
            ),
            t.dim(),
        )),
    ];
    // A few of the folders it could be, one a line.
    const SHOWN: usize = 6;
    for c in choices.iter().take(SHOWN) {
        lines.push(Line::from(format!("   {c}")));
    }
    if choices.len() > SHOWN {
        lines.push(Line::from(Span::styled(
            format!("   … and {} more", choices.len() - SHOWN),
            t.dim(),
        )));
    }
    if let Some(e) = error {
        lines.push(Line::from(Span::styled(format!(" {e}"), t.bad())));
    }
    let footer = format!(
        " {} import · {} cancel ",
        key(Action::Submit),
        key(Action::Cancel)
    );
    boxed(f, area, app, "Import a deal bundle", lines, footer);
}

/// Every line of the help for `section`, grouped by the table each key comes from.
pub fn help_lines(app: &App, section: Section) -> Vec<Line<'static>> {
    let t = &app.config.theme;
    let mut out = Vec::new();
    let mut last: Option<Section> = None;
    for (s, keys, action) in app.config.keymap.help(section) {
        if last != Some(s) {
            if last.is_some() {
                out.push(Line::from(""));
            }
            out.push(Line::from(Span::styled(
                format!("[{}]", s.name()),
                t.title(),
            )));
            last = Some(s);
        }
        out.push(Line::from(vec![
            Span::styled(format!("  {:<22}", keys.join(" ")), t.accent()),
            Span::raw(action.help()),
        ]));
    }
    if section == Section::Queue {
        out.push(Line::from(""));
        out.push(Line::from(Span::styled(
            format!("  {}", super::queue::LEGEND),
            t.dim(),
        )));
    }
    out
}

fn help(f: &mut Frame, area: Rect, app: &App, scroll: usize) {
    let t = &app.config.theme;
    let section = app.screen_section();
    let lines = help_lines(app, section);
    let r = centered(area, 72, area.height.saturating_sub(4));
    f.render_widget(Clear, r);
    let close = app
        .config
        .keymap
        .key_for(Section::Help, Action::Back)
        .unwrap_or_default();
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.accent())
        .title(Span::styled(
            format!(" Keys: {} ", section.name()),
            t.title(),
        ))
        .title_bottom(Span::styled(
            format!(
                " {close} closes · config.toml [keys.{}] rebinds ",
                section.name()
            ),
            t.dim(),
        ));
    let scroll = scroll.min(lines.len().saturating_sub(1)) as u16;
    f.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), r);
}

/// A text field as typed so far, the cursor on the char it stands before
/// (a block after the text when it stands at the end).
fn field_spans(field: &TextField, app: &App) -> Vec<Span<'static>> {
    let t = &app.config.theme;
    let (before, under, after) = field.split();
    let cursor = match under {
        Some(c) => Span::styled(c.to_string(), t.accent().add_modifier(Modifier::REVERSED)),
        None => Span::styled("█", t.accent()),
    };
    vec![
        Span::raw(before.to_string()),
        cursor,
        Span::raw(after.to_string()),
    ]
}

fn filter(f: &mut Frame, area: Rect, app: &App, text: &TextField) {
    let t = &app.config.theme;
    let key = |a: Action| {
        app.config
            .keymap
            .key_for(Section::Input, a)
            .unwrap_or_default()
    };
    // Over the queue's summary line.
    let r = Rect {
        x: area.x,
        y: area.y + 1,
        width: area.width,
        height: 1,
    };
    f.render_widget(Clear, r);
    let mut spans = vec![Span::styled(" filter: ", t.title())];
    spans.extend(field_spans(text, app));
    spans.push(Span::styled(
        format!(
            "  {} opens · {}/{} pick · {} clears",
            key(Action::Submit),
            key(Action::Down),
            key(Action::Up),
            key(Action::Cancel)
        ),
        t.dim(),
    ));
    let line = Line::from(spans);
    f.render_widget(Paragraph::new(line), r);
}

fn prompt(f: &mut Frame, area: Rect, app: &App, step: &Step) {
    let t = &app.config.theme;
    let key = |s: Section, a: Action| app.config.keymap.key_for(s, a).unwrap_or_default();
    let (title, body, footer): (String, Vec<Line>, String) = match step {
        Step::Pick {
            title,
            options,
            selected,
        } => (
            title.clone(),
            options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let row = Line::from(format!("  {o}  "));
                    if i == *selected {
                        row.style(t.selected())
                    } else {
                        row
                    }
                })
                .collect(),
            format!(
                " {} choose · {} cancel ",
                key(Section::Picker, Action::Submit),
                key(Section::Picker, Action::Cancel)
            ),
        ),
        Step::Text {
            title,
            text,
            hint,
            error,
            ..
        } => {
            let mut lines = vec![
                Line::from(
                    std::iter::once(Span::raw(" "))
                        .chain(field_spans(text, app))
                        .collect::<Vec<_>>(),
                ),
                Line::from(Span::styled(format!(" {hint}"), t.dim())),
            ];
            if let Some(e) = error {
                lines.push(Line::from(Span::styled(format!(" {e}"), t.bad())));
            }
            (
                title.clone(),
                lines,
                format!(
                    " {} save · {} cancel ",
                    key(Section::Input, Action::Submit),
                    key(Section::Input, Action::Cancel)
                ),
            )
        }
        Step::Confirm { message } => (
            "Confirm".into(),
            vec![Line::from(format!(" {message}"))],
            format!(
                " {} yes · {} no ",
                key(Section::Confirm, Action::Yes),
                key(Section::Confirm, Action::No)
            ),
        ),
    };
    // A long pick list (the items an item may duplicate) scrolls to keep
    // the highlighted option in the box.
    let shown = match step {
        Step::Pick { selected, .. } => *selected,
        _ => 0,
    };
    boxed_at(f, area, app, &title, body, footer, shown);
}

/// A prompt's box: centred, its body wrapped, the keys in the bottom border.
fn boxed(f: &mut Frame, area: Rect, app: &App, title: &str, body: Vec<Line>, footer: String) {
    boxed_at(f, area, app, title, body, footer, 0);
}

/// [`boxed`], scrolled so that body line `shown` is in the box.
fn boxed_at(
    f: &mut Frame,
    area: Rect,
    app: &App,
    title: &str,
    body: Vec<Line>,
    footer: String,
    shown: usize,
) {
    let t = &app.config.theme;
    let width = 64.min(area.width.saturating_sub(4));
    // Border, body (wrapped), border.
    let wrapped: usize = body
        .iter()
        .map(|l| (l.width() / (width as usize).saturating_sub(2).max(1)) + 1)
        .sum();
    let r = centered(area, width, (wrapped as u16 + 2).min(area.height));
    let inside = r.height.saturating_sub(2).max(1) as usize;
    let scroll = shown.saturating_sub(inside - 1) as u16;
    f.render_widget(Clear, r);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.accent())
        .title(Span::styled(format!(" {title} "), t.title()))
        .title_bottom(Span::styled(footer, t.dim()));
    f.render_widget(
        Paragraph::new(body)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        r,
    );
}
