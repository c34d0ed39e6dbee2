//! The evidence view's model: every note (and the CRM record) in the left
//! pane, the signed scope in the right, each a list of numbered lines with
//! the findings that cite them; and the conflicts as pairs of lines, one per
//! side, for `n`/`N` to walk.
//!
//! Lines are indexed once (byte ranges into the stored text) when a handoff
//! opens; nothing is wrapped here: the view wraps only what it shows. What
//! each conflict's two lines disagree on is read then too, by the analysis
//! ([`crate::analysis::conflicts::disagreement`]).

use crate::analysis::conflicts::{Disagreement, Headings, Line, disagreement};
use crate::handoff::{Handoff, Item, ItemKind};
use crate::rules::Rules;
use crate::workspace::StoredText;
use std::collections::HashMap;
use std::sync::LazyLock;

/// What cites a line, as gutter marks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    pub conflict: bool,
    pub commitment: bool,
    pub risk: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaneLine {
    /// A file's first row: its path.
    Header { file: usize },
    /// One line of a file: 1-based number, byte range into the file's text.
    Text {
        file: usize,
        number: u32,
        start: usize,
        end: usize,
        marks: Marks,
    },
}

#[derive(Debug, Clone, Default)]
pub struct Pane {
    pub lines: Vec<PaneLine>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Notes,
    Scope,
}

/// One conflict: its item, the pane line of each side it cites, and where
/// the two lines disagree (byte ranges of each line's text).
#[derive(Debug, Clone, PartialEq)]
pub struct ConflictSpot {
    pub item: String,
    pub notes: Option<usize>,
    pub scope: Option<usize>,
    pub disagreement: Disagreement,
}

/// The rules the disagreements are read with: the user's `rules.toml` over
/// the built-in ones, as an import reads them (the built-in ones alone if
/// the file no longer loads: an import would have said why). Compiled once,
/// when the first conflict is shown, never for a queue alone.
fn rules() -> &'static Rules {
    static RULES: LazyLock<Rules> = LazyLock::new(|| {
        Rules::load(crate::rules::user_rules_path().as_deref()).unwrap_or_else(|_| Rules::builtin())
    });
    &RULES
}

#[derive(Debug, Clone, Default)]
pub struct Evidence {
    pub files: Vec<StoredText>,
    pub notes: Pane,
    pub scope: Pane,
    pub conflicts: Vec<ConflictSpot>,
    /// (path, line) -> (side, pane line), for jumping to a citation.
    index: HashMap<(String, u32), (Side, usize)>,
}

impl Evidence {
    pub fn build(files: Vec<StoredText>, h: &Handoff) -> Evidence {
        let mut marks: HashMap<(&str, u32), Marks> = HashMap::new();
        for item in &h.items {
            for cite in &item.evidence {
                let m = marks.entry((cite.file.as_str(), cite.line)).or_default();
                match item.kind {
                    ItemKind::Conflict => m.conflict = true,
                    ItemKind::Commitment => m.commitment = true,
                    ItemKind::Risk => m.risk = true,
                    _ => {}
                }
            }
        }
        // Notes first, then other evidence, then the CRM record: the order a
        // reviewer reads them.
        let rank = |f: &StoredText| match f.role.as_str() {
            "notes" => 0,
            "other" => 1,
            "crm" => 2,
            _ => 3,
        };
        let mut order: Vec<usize> = (0..files.len()).collect();
        order.sort_by_key(|&i| (rank(&files[i]), files[i].path.clone()));
        let mut notes = Pane::default();
        let mut scope = Pane::default();
        let mut index = HashMap::new();
        for i in order {
            let f = &files[i];
            let (pane, side) = if f.role == "scope" {
                (&mut scope, Side::Scope)
            } else {
                (&mut notes, Side::Notes)
            };
            pane.lines.push(PaneLine::Header { file: i });
            let mut start = 0;
            for (n, line) in f.text.split_inclusive('\n').enumerate() {
                let number = n as u32 + 1;
                let body = line.trim_end_matches(['\n', '\r']);
                let m = marks
                    .get(&(f.path.as_str(), number))
                    .copied()
                    .unwrap_or_default();
                index.insert((f.path.clone(), number), (side, pane.lines.len()));
                pane.lines.push(PaneLine::Text {
                    file: i,
                    number,
                    start,
                    end: start + body.len(),
                    marks: m,
                });
                start += line.len();
            }
        }
        let mut ev = Evidence {
            files,
            notes,
            scope,
            conflicts: vec![],
            index,
        };
        ev.conflicts = h.items_of(ItemKind::Conflict).map(|x| ev.spot(x)).collect();
        ev.read_disagreements(h);
        ev
    }

    fn spot(&self, x: &Item) -> ConflictSpot {
        let mut spot = ConflictSpot {
            item: x.id.clone(),
            notes: None,
            scope: None,
            disagreement: Disagreement::default(),
        };
        for c in &x.evidence {
            match self.locate(&c.file, c.line) {
                Some((Side::Scope, i)) if spot.scope.is_none() => spot.scope = Some(i),
                Some((Side::Notes, i)) if spot.notes.is_none() => spot.notes = Some(i),
                _ => {}
            }
        }
        spot
    }

    /// What each conflict's two lines disagree on, the scope line read under
    /// its heading ("Not included") as the analysis read it. Dates without a
    /// year are the deal's, as at import (closed, else kickoff).
    fn read_disagreements(&mut self, h: &Handoff) {
        if self.conflicts.is_empty() {
            return;
        }
        let reference = h
            .deal
            .closed_on
            .or(h.deal.kickoff)
            .unwrap_or_else(|| jiff::civil::date(2026, 1, 1));
        let mut headings: HashMap<usize, Headings> = HashMap::new();
        for k in 0..self.conflicts.len() {
            let (Some(n), Some(sc)) = (self.conflicts[k].notes, self.conflicts[k].scope) else {
                continue;
            };
            let (notes, scope) = (&self.notes.lines[n], &self.scope.lines[sc]);
            let PaneLine::Text { file, number, .. } = *scope else {
                continue;
            };
            let under = headings
                .entry(file)
                .or_insert_with(|| Headings::of(&self.files[file].text));
            let line = Line {
                text: self.text(scope),
                heading: under.at(number),
            };
            let found = disagreement(rules(), self.text(notes), line, reference);
            self.conflicts[k].disagreement = found;
        }
    }

    /// Where a citation is shown.
    pub fn locate(&self, file: &str, line: u32) -> Option<(Side, usize)> {
        self.index.get(&(file.to_string(), line)).copied()
    }

    pub fn pane(&self, side: Side) -> &Pane {
        match side {
            Side::Notes => &self.notes,
            Side::Scope => &self.scope,
        }
    }

    /// The text of a pane line (a header's text is its path).
    pub fn text(&self, line: &PaneLine) -> &str {
        match line {
            PaneLine::Header { file } => &self.files[*file].path,
            PaneLine::Text {
                file, start, end, ..
            } => &self.files[*file].text[*start..*end],
        }
    }

    /// The path of the file a pane line belongs to.
    pub fn path(&self, line: &PaneLine) -> &str {
        match line {
            PaneLine::Header { file } | PaneLine::Text { file, .. } => &self.files[*file].path,
        }
    }

    /// `path:line` of a pane line, as findings cite it.
    pub fn cite(&self, side: Side, i: usize) -> Option<String> {
        match self.pane(side).lines.get(i)? {
            PaneLine::Text { file, number, .. } => {
                Some(format!("{}:{number}", self.files[*file].path))
            }
            PaneLine::Header { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handoff::test_support;
    use crate::handoff::{Cite, ItemKind};

    fn files() -> Vec<StoredText> {
        let f = |path: &str, role: &str, text: &str| StoredText {
            path: path.into(),
            role: role.into(),
            text: text.into(),
        };
        vec![
            f("deal.toml", "crm", "id = \"OPP-1\"\n"),
            f(
                "notes/a.md",
                "notes",
                "# Call\nWe promised four weeks.\r\nLegacy export untested.\n",
            ),
            f("scope.md", "scope", "Scope\nImplementation: eight weeks.\n"),
        ]
    }

    #[test]
    fn notes_left_scope_right_with_marks_and_conflict_pairs() {
        let mut h = test_support::handoff();
        for i in h.items.iter_mut() {
            i.evidence = match i.kind {
                ItemKind::Conflict => vec![
                    Cite {
                        file: "notes/a.md".into(),
                        line: 2,
                    },
                    Cite {
                        file: "scope.md".into(),
                        line: 2,
                    },
                ],
                ItemKind::Commitment => vec![Cite {
                    file: "notes/a.md".into(),
                    line: 2,
                }],
                ItemKind::Risk => vec![Cite {
                    file: "notes/a.md".into(),
                    line: 3,
                }],
                _ => vec![],
            };
        }
        let ev = Evidence::build(files(), &h);
        // notes/a.md (header + 3 lines), then deal.toml (header + 1).
        assert_eq!(ev.notes.lines.len(), 6);
        assert_eq!(ev.path(&ev.notes.lines[0]), "notes/a.md");
        assert_eq!(ev.text(&ev.notes.lines[2]), "We promised four weeks.");
        assert_eq!(ev.path(&ev.notes.lines[4]), "deal.toml");
        let PaneLine::Text { marks, .. } = &ev.notes.lines[2] else {
            panic!()
        };
        assert!(marks.conflict && marks.commitment && !marks.risk);
        assert_eq!(ev.conflicts.len(), 1);
        let x1 = &ev.conflicts[0];
        assert_eq!(
            (x1.item.as_str(), x1.notes, x1.scope),
            ("X1", Some(2), Some(2))
        );
        // "four weeks" against "eight weeks": the figures, not the shared words.
        let notes = ev.text(&ev.notes.lines[2]);
        let scope = ev.text(&ev.scope.lines[2]);
        let pieces = |t: &str, r: &[std::ops::Range<usize>]| -> Vec<String> {
            r.iter().map(|r| t[r.clone()].to_string()).collect()
        };
        assert_eq!(pieces(notes, &x1.disagreement.notes), ["four weeks"]);
        assert_eq!(pieces(scope, &x1.disagreement.scope), ["eight weeks"]);
        assert_eq!(ev.text(&ev.scope.lines[2]), "Implementation: eight weeks.");
        assert_eq!(ev.cite(Side::Scope, 2).as_deref(), Some("scope.md:2"));
        assert_eq!(ev.locate("notes/a.md", 3), Some((Side::Notes, 3)));
        assert_eq!(ev.locate("notes/a.md", 9), None);
    }
}
