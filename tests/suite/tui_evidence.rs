//! The Evidence tab on the demo workspace: `n`/`N` keep both sides of each
//! conflict on screen (stacked panes at 80x24, wrapped lines counted), the
//! detail highlights what the two sides disagree on, and Enter decides the
//! conflict on screen through the checklist's flow.

use crate::tui_support::{demo, open_deal, press, screen, type_text};
use baton::handoff::items::Resolution;
use baton::handoff::{Decision, ItemKind};
use baton::tui::App;
use baton::tui::state::evidence::Side;
use baton::tui::state::handoff::Tab;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

const SALTMARSH: &str = "CD-0926-214";
const VREDEBORG: &str = "KW-2026-011";
const BRANNOCK: &str = "TF-OPP-26-0457";

/// The rows of a pane as drawn: the title row's index, then the rows until
/// the next title or the detail box's rule, cut to the pane's columns.
fn pane_rows(text: &str, side: Side, width: u16) -> Vec<String> {
    let rows: Vec<&str> = text.lines().collect();
    let title = match side {
        Side::Notes => " Notes and CRM record",
        Side::Scope => " Signed scope",
    };
    let side_by_side = width >= 100;
    let half = (width / 2) as usize;
    let cut = |row: &str| -> String {
        let chars: Vec<char> = row.chars().collect();
        let (from, to) = match (side_by_side, side) {
            (false, _) => (0, chars.len()),
            (true, Side::Notes) => (0, half.min(chars.len())),
            (true, Side::Scope) => (half.min(chars.len()), chars.len()),
        };
        chars[from..to].iter().collect()
    };
    let start = rows
        .iter()
        .position(|r| cut(r).starts_with(title))
        .unwrap_or_else(|| panic!("no {title} pane in\n{text}"));
    rows[start + 1..]
        .iter()
        .map(|r| cut(r))
        .take_while(|r| !r.starts_with(" Signed scope") && !r.trim_start().starts_with("────"))
        .collect()
}

/// Whether pane line `number` shows whole in `rows`: its numbered row and
/// every wrapped row after it together say `text`.
fn shows_whole(rows: &[String], number: u32, text: &str) -> bool {
    let gutter = format!("{number:>5}");
    let Some(at) = rows.iter().position(|r| r.starts_with(&gutter)) else {
        return false;
    };
    let mut said = Vec::new();
    for (k, row) in rows[at..].iter().enumerate() {
        let (head, body) = row.split_at(row.char_indices().nth(7).map_or(row.len(), |(i, _)| i));
        if k > 0 && !head.trim().is_empty() {
            break;
        }
        said.extend(body.split_whitespace().map(str::to_string));
    }
    let want: Vec<&str> = text.split_whitespace().collect();
    said.len() >= want.len() && said[..want.len()] == want[..]
}

/// Walk every conflict of `deal` with `n` at `size` and check that each of
/// its two lines shows whole in its own pane.
fn every_conflict_on_screen(deal: &str, size: (u16, u16)) {
    let mut d = demo(size);
    open_deal(&mut d.app, deal);
    press(&mut d.app, &["2"]);
    let n = d.app.view.as_ref().unwrap().evidence.conflicts.len();
    assert!(n > 0, "{deal} has conflicts");
    for k in 0..n {
        press(&mut d.app, &["n"]);
        let text = screen(&d.app);
        let v = d.app.view.as_ref().unwrap();
        assert_eq!(v.scroll.current, Some(k));
        let spot = &v.evidence.conflicts[k];
        for (side, at) in [(Side::Notes, spot.notes), (Side::Scope, spot.scope)] {
            let Some(i) = at else { continue };
            let cite = v.evidence.cite(side, i).unwrap();
            let number: u32 = cite.rsplit(':').next().unwrap().parse().unwrap();
            let line = v.evidence.text(&v.evidence.pane(side).lines[i]);
            let rows = pane_rows(&text, side, size.0);
            assert!(
                shows_whole(&rows, number, line),
                "{deal} {} at {}x{}: {cite} is not whole on screen\n{text}",
                spot.item,
                size.0,
                size.1
            );
        }
    }
}

#[test]
fn n_keeps_both_sides_of_every_conflict_on_screen_at_80x24() {
    // Saltmarsh's X2: "n n" left the scope's line 32 below its pane.
    for deal in [SALTMARSH, VREDEBORG, BRANNOCK] {
        every_conflict_on_screen(deal, (80, 24));
    }
}

#[test]
fn n_keeps_both_sides_of_every_conflict_on_screen_at_160x48() {
    for deal in [SALTMARSH, VREDEBORG, BRANNOCK] {
        every_conflict_on_screen(deal, (160, 48));
    }
}

#[test]
fn shift_n_and_v_land_with_the_whole_line_on_screen_too() {
    let mut d = demo((80, 24));
    open_deal(&mut d.app, SALTMARSH);
    // N from nothing goes to the last conflict, then back one.
    press(&mut d.app, &["2", "N", "N"]);
    let text = screen(&d.app);
    let v = d.app.view.as_ref().unwrap();
    let k = v.scroll.current.unwrap();
    let spot = &v.evidence.conflicts[k];
    let i = spot.scope.unwrap();
    let line = v.evidence.text(&v.evidence.scope.lines[i]);
    let number: u32 = v
        .evidence
        .cite(Side::Scope, i)
        .unwrap()
        .rsplit(':')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(shows_whole(
        &pane_rows(&text, Side::Scope, 80),
        number,
        line
    ));
    // `v` from the checklist's X2 lands on the Evidence tab with X2's two
    // sides whole.
    press(&mut d.app, &["3", "g"]);
    while d
        .app
        .view
        .as_ref()
        .unwrap()
        .selected_item()
        .map(|i| i.id.as_str())
        != Some("X2")
    {
        press(&mut d.app, &["j"]);
    }
    press(&mut d.app, &["v"]);
    let text = screen(&d.app);
    let v = d.app.view.as_ref().unwrap();
    assert_eq!(v.tab, Tab::Evidence);
    let spot = &v.evidence.conflicts[v.scroll.current.unwrap()];
    assert_eq!(spot.item, "X2");
    for (side, at) in [(Side::Notes, spot.notes), (Side::Scope, spot.scope)] {
        let i = at.unwrap();
        let cite = v.evidence.cite(side, i).unwrap();
        let number: u32 = cite.rsplit(':').next().unwrap().parse().unwrap();
        let line = v.evidence.text(&v.evidence.pane(side).lines[i]);
        assert!(
            shows_whole(&pane_rows(&text, side, 80), number, line),
            "{cite}\n{text}"
        );
    }
}

#[test]
fn a_resize_scrolls_the_conflict_on_screen_back_into_view() {
    let mut d = demo((160, 48));
    open_deal(&mut d.app, SALTMARSH);
    press(&mut d.app, &["2", "n", "n"]);
    baton::tui::update::update(&mut d.app, baton::tui::Action::Resize(80, 24));
    let text = screen(&d.app);
    let v = d.app.view.as_ref().unwrap();
    let spot = &v.evidence.conflicts[v.scroll.current.unwrap()];
    for (side, at) in [(Side::Notes, spot.notes), (Side::Scope, spot.scope)] {
        let i = at.unwrap();
        let cite = v.evidence.cite(side, i).unwrap();
        let number: u32 = cite.rsplit(':').next().unwrap().parse().unwrap();
        let line = v.evidence.text(&v.evidence.pane(side).lines[i]);
        assert!(
            shows_whole(&pane_rows(&text, side, 80), number, line),
            "{cite}\n{text}"
        );
    }
}

/// The frame as ratatui draws it, styles and all.
fn buffer(app: &App) -> Buffer {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| baton::tui::view::draw(f, app)).unwrap();
    t.backend().buffer().clone()
}

/// The modifiers of each cell of the first run of `word` on the row of
/// `buf` that starts with `row_start`.
fn styles_of(buf: &Buffer, row_start: &str, word: &str) -> Vec<Modifier> {
    let area = buf.area;
    for y in 0..area.height {
        let row: String = (0..area.width).map(|x| buf[(x, y)].symbol()).collect();
        if !row.starts_with(row_start) {
            continue;
        }
        let cells: Vec<&str> = (0..area.width).map(|x| buf[(x, y)].symbol()).collect();
        let chars: Vec<char> = word.chars().collect();
        for x in 0..cells.len().saturating_sub(chars.len()) {
            let here = (0..chars.len()).all(|k| cells[x + k] == chars[k].to_string());
            if here {
                return (0..chars.len())
                    .map(|k| buf[(x as u16 + k as u16, y)].modifier)
                    .collect();
            }
        }
        panic!("{word} not on the row starting {row_start}: {row}");
    }
    panic!("no row starts with {row_start}");
}

#[test]
fn the_detail_highlights_the_figures_that_disagree_not_the_words_both_sides_share() {
    let mut d = demo((160, 48));
    open_deal(&mut d.app, VREDEBORG);
    press(&mut d.app, &["2", "n"]);
    let v = d.app.view.as_ref().unwrap();
    assert_eq!(v.evidence.conflicts[0].item, "X1");
    let buf = buffer(&d.app);
    let marked = |m: &Vec<Modifier>| m.iter().all(|m| m.contains(Modifier::REVERSED));
    let plain = |m: &Vec<Modifier>| m.iter().all(|m| !m.contains(Modifier::REVERSED));
    // The words both lines use, in another order, do not stand out (a word
    // diff marked "baseline OEE" against "OEE baseline").
    for shared in ["baseline", "OEE", "plants"] {
        let notes = styles_of(&buf, "notes ", shared);
        let scope = styles_of(&buf, "scope ", shared);
        assert!(
            notes.iter().chain(&scope).all(|m| m.is_empty()),
            "{shared} is styled: {notes:?} {scope:?}"
        );
    }
    assert!(plain(&styles_of(&buf, "scope ", "delivered")));
    // "4 weeks" against "week 6" do, on their sides.
    assert!(marked(&styles_of(&buf, "notes ", "4 weeks")));
    assert!(marked(&styles_of(&buf, "scope ", "week 6")));
}

/// The decision on `id` of `deal`, as stored.
fn decision(app: &App, deal: &str, id: &str) -> Decision {
    app.ws
        .handoff(deal)
        .unwrap()
        .item(id)
        .unwrap()
        .decision
        .clone()
}

#[test]
fn enter_on_the_evidence_tab_resolves_the_conflict_on_screen() {
    let mut d = demo((80, 24));
    open_deal(&mut d.app, SALTMARSH);
    // X1: the onsite go-live week, said three times (one claim, one decision).
    press(&mut d.app, &["2", "n"]);
    let x = {
        let v = d.app.view.as_ref().unwrap();
        v.evidence.conflicts[v.scroll.current.unwrap()].item.clone()
    };
    assert_eq!(x, "X1");
    assert_eq!(decision(&d.app, SALTMARSH, &x), Decision::Pending);
    // The notes stand, with a note.
    press(&mut d.app, &["enter", "j", "enter"]);
    type_text(&mut d.app, "change order CO-7 for onsite week");
    press(&mut d.app, &["enter"]);
    match decision(&d.app, SALTMARSH, &x) {
        Decision::Conflict {
            resolution, note, ..
        } => {
            assert_eq!(resolution, Resolution::NotesStand);
            assert_eq!(note, "change order CO-7 for onsite week");
        }
        other => panic!("{other:?}"),
    }
    // Still on the Evidence tab, on the same conflict, which reads as decided.
    let v = d.app.view.as_ref().unwrap();
    assert_eq!(v.tab, Tab::Evidence);
    assert_eq!(v.evidence.conflicts[v.scroll.current.unwrap()].item, x);
    let text = screen(&d.app);
    assert!(text.contains("X1 (1/2) notes stand"), "{text}");
    assert_eq!(
        v.h.items_of(ItemKind::Conflict)
            .filter(|i| i.needs_decision())
            .count(),
        1
    );
}

#[test]
fn enter_without_a_conflict_on_screen_or_esc_in_the_flow_writes_nothing() {
    let mut d = demo((80, 24));
    open_deal(&mut d.app, SALTMARSH);
    let events = |app: &App| app.ws.events(None, Some(SALTMARSH)).unwrap().len();
    let before = events(&d.app);
    press(&mut d.app, &["2", "enter"]);
    assert!(d.app.overlay.is_none());
    let status = d
        .app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(status.contains("no conflict on screen"), "{status}");
    press(&mut d.app, &["n", "enter", "esc"]);
    assert!(d.app.overlay.is_none());
    press(&mut d.app, &["enter", "enter", "esc"]);
    assert!(d.app.overlay.is_none());
    assert_eq!(events(&d.app), before);
    assert_eq!(decision(&d.app, SALTMARSH, "X1"), Decision::Pending);
}
