//! The sign-off tab: every gate with its reason, the criteria confirmations,
//! the review hash an approval covers, and who has approved (and which
//! approvals a later change invalidated).

use crate::handoff::approval::current;
use crate::tui::action::Action;
use crate::tui::state::App;
use crate::tui::state::handoff::HandoffView;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn lines<'a>(app: &App, v: &'a HandoffView) -> Vec<Line<'a>> {
    let t = &app.config.theme;
    let key = |a: Action| {
        app.config
            .keymap
            .key_for(app.screen_section(), a)
            .unwrap_or_default()
    };
    let mut out = vec![Line::from(Span::styled("Gates", t.title()))];
    for g in &v.gates {
        let (mark, style) = if g.pass {
            ("✔ pass", t.good())
        } else {
            ("✘ FAIL", t.bad())
        };
        let row = Line::from(vec![
            Span::styled(format!("  {mark}  "), style),
            Span::raw(g.title),
            Span::styled(format!(" — {}", without_cli_hints(&g.reason)), t.dim()),
        ]);
        out.push(row);
    }
    let failing = v.gates.iter().filter(|g| !g.pass).count();
    out.push(Line::from(""));
    out.push(Line::from(if failing == 0 {
        Span::styled(
            "  Every gate passes: the AE and the CSM can approve.",
            t.good(),
        )
    } else {
        Span::styled(
            format!("  {failing} gate(s) fail: approval is refused until they pass."),
            t.warn(),
        )
    }));

    out.push(Line::from(""));
    out.push(Line::from(Span::styled("Criteria", t.title())));
    for (label, s, a) in [
        (
            "success criteria",
            &v.h.success_confirmed,
            Action::ConfirmSuccess,
        ),
        (
            "first-value criteria",
            &v.h.first_value_confirmed,
            Action::ConfirmFirstValue,
        ),
    ] {
        out.push(Line::from(match s {
            Some(s) => vec![
                Span::styled("  ✔ ", t.good()),
                Span::raw(format!(
                    "{label} confirmed by {} on {}",
                    s.name,
                    s.at.strftime("%Y-%m-%d")
                )),
            ],
            None => vec![
                Span::styled("  · ", t.warn()),
                Span::raw(format!("{label} not confirmed ")),
                Span::styled(format!("({} confirms)", key(a)), t.dim()),
            ],
        }));
    }

    out.push(Line::from(""));
    out.push(Line::from(Span::styled("Sign-off", t.title())));
    out.push(Line::from(vec![
        Span::raw("  review state "),
        Span::styled(v.hash[..16.min(v.hash.len())].to_string(), t.accent()),
        Span::styled(
            " (SHA-256 of the brief, every item and decision, the criteria and the bundle)",
            t.dim(),
        ),
    ]));
    let valid: Vec<_> = current(&v.h, &v.hash).collect();
    for role in [crate::handoff::Role::Ae, crate::handoff::Role::Csm] {
        let line = match valid.iter().find(|a| a.role == role) {
            Some(a) => vec![
                Span::styled("  ✔ ", t.good()),
                Span::raw(format!(
                    "{} approved by {} on {}",
                    role.as_str().to_uppercase(),
                    a.name,
                    a.at.strftime("%Y-%m-%d %H:%M")
                )),
            ],
            None => vec![
                Span::styled("  · ", t.warn()),
                Span::raw(format!(
                    "{} has not approved this state ",
                    role.as_str().to_uppercase()
                )),
                Span::styled(format!("({} approves)", key(Action::Approve)), t.dim()),
            ],
        };
        out.push(Line::from(line));
    }
    let old: Vec<_> = v
        .approvals
        .iter()
        .filter(|a| a.invalidated_at.is_some())
        .collect();
    if !old.is_empty() {
        out.push(Line::from(Span::styled(
            "  invalidated approvals:",
            t.dim(),
        )));
        for a in old {
            out.push(Line::from(Span::styled(
                format!(
                    "    {} {} at {}: {}",
                    a.role.to_uppercase(),
                    a.name,
                    a.at,
                    a.invalidated_reason.clone().unwrap_or_default()
                ),
                t.dim(),
            )));
        }
    }
    let status = v.h.status.as_str();
    out.push(Line::from(""));
    out.push(Line::from(Span::styled(
        match status {
            "returned_to_ae" => format!(
                "  Returned to the AE: {} records their resubmission.",
                key(Action::Resubmit)
            ),
            "approved" | "kicked_off" => format!(
                "  Approved. {} exports the brief; {} records kickoff and first value.",
                key(Action::Export),
                key(Action::Milestone)
            ),
            _ => format!(
                "  {} returns the handoff to the AE with its open questions.",
                key(Action::ReturnToAe)
            ),
        },
        t.dim(),
    )));
    out
}

pub fn draw(f: &mut Frame, area: Rect, app: &App, v: &HandoffView) {
    super::draw_text(f, area, &lines(app, v), v.cursor().offset);
}

/// Gate reasons name the CLI command that fixes them; here the keys do.
fn without_cli_hints(reason: &str) -> String {
    let mut out = String::with_capacity(reason.len());
    let mut rest = reason;
    while let Some(start) = rest.find(" (baton ") {
        out.push_str(&rest[..start]);
        match rest[start..].find(')') {
            Some(end) => rest = &rest[start + end + 1..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn cli_hints_are_dropped_from_gate_reasons() {
        assert_eq!(
            super::without_cli_hints("a not confirmed (baton confirm D x); b (baton y)"),
            "a not confirmed; b"
        );
        assert_eq!(super::without_cli_hints("no owner: R1"), "no owner: R1");
    }
}
