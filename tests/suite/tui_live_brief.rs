//! The TUI reads the brief as the decisions stand: the tab counts, the
//! Questions, Tasks and Brief tabs and the return prompt follow a decision
//! at once, and Brannock's moved kickoff and contradicted decisions show.

use crate::tui_support::{demo, open_deal, press, screen, type_text};
use baton::tui::state::Overlay;
use baton::tui::state::flow::Step;

const SALTMARSH: &str = "CD-0926-214";
const BRANNOCK: &str = "TF-OPP-26-0457";

/// Every row the Brief tab shows, paged through from the top.
fn brief(app: &mut baton::tui::App) -> Vec<String> {
    press(app, &["1", "g"]);
    let mut rows: Vec<String> = Vec::new();
    let mut last = String::new();
    loop {
        let text = screen(app);
        if text == last {
            break;
        }
        // The body: below the header and tab rows, above the status bar.
        let body: Vec<&str> = text.lines().collect();
        rows.extend(body[3..body.len() - 1].iter().map(|l| l.to_string()));
        last = text;
        press(app, &["pgdown"]);
    }
    rows
}

/// The row of `text` (a screen) that starts with `start`, trimmed.
fn row<'a>(text: &'a str, start: &str) -> &'a str {
    text.lines()
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no row starting {start:?} in\n{text}"))
}

#[test]
fn resolving_a_conflict_closes_its_question_and_its_task_everywhere() {
    let mut d = demo((160, 48));
    open_deal(&mut d.app, SALTMARSH);
    assert!(screen(&d.app).contains("6 Questions 2"));
    let asked = {
        let v = d.app.view.as_ref().unwrap();
        v.questions()
            .iter()
            .find(|q| q.about.as_deref() == Some("X2"))
            .unwrap()
            .id
            .clone()
    };
    // Decide X2 where it is compared: the notes stand.
    press(&mut d.app, &["2", "n", "n", "enter", "j", "enter"]);
    type_text(&mut d.app, "CO-7");
    press(&mut d.app, &["enter"]);
    let text = screen(&d.app);
    assert!(text.contains("6 Questions 1"), "{text}");
    // The question reads closed, and says why.
    press(&mut d.app, &["6", "g"]);
    while d
        .app
        .view
        .as_ref()
        .unwrap()
        .selected_item()
        .map(|i| i.id.clone())
        != Some(asked.clone())
    {
        press(&mut d.app, &["j"]);
    }
    let text = screen(&d.app);
    assert!(
        row(&text, &format!("{asked:<4}")).contains("closed"),
        "{text}"
    );
    assert!(
        text.contains(
            "closed, no longer asked: X2 decided: the notes stand: a change order is needed"
        ),
        "{text}"
    );
    // The task that resolves X2 is done; the brief reads the decision.
    press(&mut d.app, &["7"]);
    let text = screen(&d.app);
    let task = text
        .lines()
        .find(|l| l.contains("Resolve X2") || l.contains("X2 decided"))
        .unwrap();
    assert!(
        task.contains("done") && task.contains("X2 decided: the notes stand"),
        "{task}"
    );
    let brief = brief(&mut d.app);
    assert!(
        brief
            .iter()
            .any(|l| l.contains("→ decided: the notes stand: a change order is needed · “CO-7”")),
        "{brief:#?}"
    );
    // A return now takes the one question still open (X1's).
    press(&mut d.app, &["r", "enter", "enter"]);
    match &d.app.overlay {
        Some(Overlay::Prompt {
            step: Step::Confirm { message },
            ..
        }) => assert!(message.contains("with 1 open question(s)"), "{message}"),
        _ => panic!("no confirmation asked"),
    }
}

#[test]
fn brannocks_moved_kickoff_and_contradicted_decisions_show() {
    let mut d = demo((160, 48));
    open_deal(&mut d.app, BRANNOCK);
    let brief = brief(&mut d.app);
    assert_eq!(brief[0], "Decisions against the AE's answers");
    assert!(
        brief[1].contains("X1 is decided \"the signed scope stands\""),
        "{}",
        brief[1]
    );
    assert!(
        brief.iter().any(|l| l == "     ! against the answer to Q1"),
        "{brief:#?}"
    );
    assert!(
        brief
            .iter()
            .any(|l| l == "  2026-09-14  Kickoff (moved from 2026-07-13)"),
        "{brief:#?}"
    );
    assert!(
        brief.iter().any(
            |l| l.contains("Head chefs at the three pilot hotels") && l.contains("✓ confirmed")
        ),
        "{brief:#?}"
    );
    press(&mut d.app, &["7", "G"]);
    let text = screen(&d.app);
    let sponsor = row(&text, "T19");
    assert!(sponsor.contains("kickoff on 2026-09-14"), "{sponsor}");
    assert!(!text.contains("2026-07-13"), "{text}");
}
