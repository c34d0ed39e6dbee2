//! Signature blocks laid out in columns, one party per column:
//!
//! ```text
//! For Vendor Ltd.                     For Customer Co.
//! _______________                     _______________
//! Ana Ruiz                            Ivo Marek
//! Regional Sales Director             Plant Manager
//! ```
//!
//! Each line holds both parties side by side, so a person's name and title
//! stand on different lines in the same column, and the "For ..." line above
//! says whose they are. Read column by column, they are the "Name, Title" of
//! an ordinary signature.

use super::People;
use super::words::{is_name, strip_honorific};
use crate::analysis::model::{Evidence, Side};
use crate::bundle::SourceFile;
use std::sync::Arc;

/// Cells of a line are parted by at least this many spaces (or a tab).
const GAP: usize = 3;
/// Cells of one column start within this many characters of each other.
const DRIFT: usize = 2;
/// How many lines above a name its "For ..." header may stand.
const HEADER_REACH: usize = 6;
/// The word a party's column header opens with, in the languages signature
/// blocks are written in ("For", "Pour", "Por", "Pelo", "Für").
const HEADER_WORDS: [&str; 8] = ["For", "FOR", "Pour", "POUR", "Por", "Pelo", "Pela", "Für"];

/// A cell of a column layout: where it starts (in characters) and its text.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Cell<'l> {
    column: usize,
    text: &'l str,
}

impl People {
    /// Every person a column signature block of the file names, with the
    /// title below the name and the party of the column's header.
    pub(super) fn scan_signature_columns(&mut self, path: &Arc<str>, file: &SourceFile) {
        let text = file.readable();
        // Most files have no line of two cells: nothing to read.
        if !text.lines().any(|l| cells(l).len() >= 2) {
            return;
        }
        let lines: Vec<&str> = text.lines().collect();
        let found = self.column_signatures(&lines);
        for (n, name, title, party) in found {
            let at = Evidence {
                file: path.clone(),
                line: file.stored_line(n as u32 + 1),
            };
            let i = self.add(name, title, at);
            let p = &mut self.persons[i];
            if p.title.is_none() {
                p.title = title.map(str::to_string);
            }
            match party {
                Party::Side(side) if p.side.is_none() => p.side = Some(side),
                Party::Org(org) if p.org.is_none() => p.org = Some(org.to_string()),
                _ => {}
            }
        }
    }

    /// (line index, name, title, party) for each name cell of a line with two
    /// or more cells that has a title cell or a header in its column.
    fn column_signatures<'l>(
        &self,
        lines: &[&'l str],
    ) -> Vec<(usize, &'l str, Option<&'l str>, Party<'l>)> {
        let mut out = Vec::new();
        for (n, line) in lines.iter().enumerate() {
            let row = cells(line);
            if row.len() < 2 {
                continue;
            }
            for cell in &row {
                let name = strip_honorific(cell.text);
                if name.split(' ').count() < 2
                    || !capitalised(name)
                    || !is_name(name)
                    || self.is_title(name)
                    || party(cell.text).is_some()
                {
                    continue;
                }
                let below = lines
                    .iter()
                    .skip(n + 1)
                    .find(|l| !l.trim().is_empty())
                    .and_then(|l| cell_at(l, cell.column))
                    .map(|c| c.text)
                    .filter(|t| self.is_title(t) && strip_honorific(t) == *t);
                let header = lines[n.saturating_sub(HEADER_REACH)..n]
                    .iter()
                    .rev()
                    .find_map(|l| cell_at(l, cell.column).and_then(|c| party(c.text)));
                if below.is_some() || header.is_some() {
                    out.push((n, name, below, header.unwrap_or(Party::Unknown)));
                }
            }
        }
        out
    }
}

/// Whose column it is, by its header.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Party<'l> {
    Side(Side),
    Org(&'l str),
    Unknown,
}

/// "For KDV" is KDV: a signature line's party word is no part of the
/// organisation it names (else "For KDV" and "For Caratrace" would share a
/// first word and one party).
pub(super) fn without_party_word(org: &str) -> &str {
    match HEADER_WORDS
        .iter()
        .find_map(|w| org.strip_prefix(w)?.strip_prefix(' '))
    {
        Some(rest) => rest.strip_prefix("the ").unwrap_or(rest),
        None => org,
    }
}

/// "For the Customer" / "For the Supplier" name a side; "For Acme Ltd." an
/// organisation.
fn party(header: &str) -> Option<Party<'_>> {
    let rest = HEADER_WORDS
        .iter()
        .find_map(|w| header.strip_prefix(w)?.strip_prefix(' '))?;
    // "Pour l'UCCBS": the article is no part of the organisation.
    let rest = rest.strip_prefix("l'").unwrap_or(rest);
    let rest = rest.trim_end_matches([':', ',']).trim();
    let bare = rest
        .strip_prefix("the ")
        .or_else(|| rest.strip_prefix("The "))
        .unwrap_or(rest)
        .to_lowercase();
    Some(match bare.as_str() {
        "customer" | "client" | "buyer" | "purchaser" | "licensee" => Party::Side(Side::Customer),
        "supplier" | "vendor" | "seller" | "provider" | "contractor" | "licensor" => {
            Party::Side(Side::Seller)
        }
        _ => Party::Org(rest.trim_end_matches('.')),
    })
}

/// The cells of `line`: runs of text parted by [`GAP`] spaces or a tab.
fn cells(line: &str) -> Vec<Cell<'_>> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None; // (byte, char column)
    let mut spaces = 0;
    let mut last_end = 0;
    for (column, (byte, c)) in line.char_indices().enumerate() {
        if c == ' ' || c == '\t' {
            spaces += if c == '\t' { GAP } else { 1 };
            if spaces >= GAP
                && let Some((b, col)) = start.take()
            {
                out.push(Cell {
                    column: col,
                    text: line[b..last_end].trim(),
                });
            }
            continue;
        }
        spaces = 0;
        if start.is_none() {
            start = Some((byte, column));
        }
        last_end = byte + c.len_utf8();
    }
    if let Some((b, col)) = start {
        out.push(Cell {
            column: col,
            text: line[b..last_end].trim(),
        });
    }
    out
}

/// The cell of `line` that starts at `column`, give or take [`DRIFT`].
fn cell_at(line: &str, column: usize) -> Option<Cell<'_>> {
    cells(line)
        .into_iter()
        .find(|c| c.column.abs_diff(column) <= DRIFT)
}

/// Capitalised words of letters only: a cell with a colon or comma is a
/// label or a "Name, Title" line, which the line scan reads.
fn capitalised(name: &str) -> bool {
    name.split(' ').all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people() -> People {
        let rules = crate::rules::Rules::builtin();
        People {
            title_words: Some(rules.people.title_words.clone()),
            ..People::default()
        }
    }

    #[test]
    fn names_and_titles_are_read_down_each_column() {
        let block = [
            "For Quillon Systems Ltd.                For the Customer",
            "",
            "_____________________                   _____________________",
            "Ana Ruiz                                Ivo Marek",
            "Regional Sales Director                 Plant Manager",
            "Date: 01/02/2027                        Date: 01/02/2027",
        ];
        let found = people().column_signatures(&block);
        assert_eq!(
            found,
            vec![
                (
                    3,
                    "Ana Ruiz",
                    Some("Regional Sales Director"),
                    Party::Org("Quillon Systems Ltd")
                ),
                (
                    3,
                    "Ivo Marek",
                    Some("Plant Manager"),
                    Party::Side(Side::Customer)
                ),
            ]
        );
    }

    #[test]
    fn a_header_or_a_labelled_line_is_no_name() {
        let block = [
            "Pour Quillon                         Pelo Cliente: Dra. Ana Ruiz, Directora",
            "Mme Ivo Marek, Directeur             Lisboa, 01/02/2027",
        ];
        assert!(people().column_signatures(&block).is_empty());
    }

    #[test]
    fn a_party_word_is_no_part_of_the_organisation() {
        assert_eq!(without_party_word("For KDV"), "KDV");
        assert_eq!(without_party_word("Pour the Customer"), "Customer");
        assert_eq!(without_party_word("Fortis Group"), "Fortis Group");
    }

    #[test]
    fn a_table_of_words_is_no_signature_block() {
        let rows = [
            "Module            Included     Price",
            "Yard Planning     Yes          Fixed Fee",
            "Gate Control      No           Per Month",
        ];
        assert!(people().column_signatures(&rows).is_empty());
    }
}
