//! The line scan: every line of every file, run through the name patterns
//! it can match.

use super::People;
use super::marks::{Marks, marked_lines, may_name_org, starts_with_capital};
use super::patterns::{
    LEGEND, MAILBOX, NAME_COMMA_TITLE, NAME_PAREN, ORG_LINE, SIGNATURE, TITLE_NAME,
};
use super::titles::split_org_title;
use super::words::{is_name, is_not_name};
use crate::analysis::model::Evidence;
use crate::bundle::{FileRole, SourceFile};
use crate::rules::word_regex::ascii_bounds_agree;
use crate::text::folded_lowercase;
use std::sync::Arc;

impl People {
    /// Every line of a file through the patterns it can match. Most lines name
    /// nobody: the pass that splits the lines ([`marked_lines`]) tells, and no
    /// regex runs on them (a 16 MB notes folder has a quarter of a million).
    /// The people named in a file, cited at lines of its stored text.
    pub(super) fn scan_source(&mut self, path: &Arc<str>, file: &SourceFile) {
        self.scan_lines(path, file.readable(), file.role, |n| file.stored_line(n));
    }

    /// The people named in `text`, cited at its own lines.
    #[cfg(test)]
    pub(super) fn scan_file(&mut self, path: &Arc<str>, text: &str, role: FileRole) {
        self.scan_lines(path, text, role, |n| n);
    }

    fn scan_lines(
        &mut self,
        path: &Arc<str>,
        text: &str,
        role: FileRole,
        stored_line: impl Fn(u32) -> u32,
    ) {
        let titles = role != FileRole::Scope;
        for (n, (line, marks)) in marked_lines(text).enumerate() {
            if marks.any(titles) {
                let at = || Evidence {
                    file: path.clone(),
                    line: stored_line(n as u32 + 1),
                };
                self.scan_line(line, &marks, at, titles);
            }
        }
    }

    fn scan_line(&mut self, line: &str, marks: &Marks, at: impl Fn() -> Evidence, titles: bool) {
        let agree = !marks.non_ascii || ascii_bounds_agree(line);
        let mut org_prefix = OrgPrefix::new(line, marks.colon);
        // Where a name is followed by a separator no name holds (" = ", " (",
        // ", ", " <", " |"), the groups are split off the match at that
        // separator: the same groups the capture search gives, without running
        // it. (On names with Unicode letters that search cost more than the
        // rest of the scan.)
        if marks.legend {
            for m in LEGEND.on(agree).find_iter(line) {
                let Some((initials, name)) = m.as_str().split_once(" = ") else {
                    continue;
                };
                if is_name(name) {
                    let i = self.add(name, None, at());
                    self.keys.insert(initials.to_lowercase(), i);
                }
            }
        }
        if marks.paren {
            for m in NAME_PAREN.on(agree).find_iter(line) {
                let Some((name, paren)) = m.as_str().split_once(" (") else {
                    continue;
                };
                if !is_name(name) {
                    continue;
                }
                let paren = paren.strip_suffix(')').unwrap_or(paren).trim();
                let titled = self.is_title(paren);
                // A lone capitalised word before a parenthesis is a person only when
                // the parenthesis gives a title ("Ana (ecommerce mgr)", not "Critical (P1)").
                if !name.contains(' ') && !titled {
                    continue;
                }
                // "Kettering Castings (signed today)": a parenthesis that is neither a
                // title nor an organisation does not make a person.
                // "Cowgate Hall (Rooms 1 to 3)": a count or a range is neither.
                let organisation = (paren.contains(',')
                    || paren.chars().next().is_some_and(char::is_uppercase))
                    && !paren.contains(|c: char| c.is_ascii_digit());
                if !titled && !organisation {
                    continue;
                }
                let (org, title) = split_org_title(paren, titled);
                let i = self.add(name, title, at());
                let p = &mut self.persons[i];
                if p.title.is_none() {
                    p.title = title.map(str::to_string);
                }
                if p.org.is_none() {
                    p.org = org.map(str::to_string).or_else(|| org_prefix.get());
                }
                // "Participants: Omar Haddad, Vikram Iyer (ColdTrace); Salim
                // Said (DRTS)": an organisation alone in the parenthesis
                // closes a group, and the names listed before it share it.
                if let (Some(org), None) = (org, title) {
                    for member in group_before(line, m.start(), m.end()) {
                        let j = self.add(member, None, at());
                        self.persons[j].org.get_or_insert_with(|| org.to_string());
                    }
                }
            }
        }
        if marks.mailbox {
            for m in MAILBOX.on(agree).find_iter(line) {
                let Some((name, address)) = m.as_str().split_once(" <") else {
                    continue;
                };
                let domain = address.split_once('@').map_or("", |(_, d)| d);
                let domain = domain.strip_suffix('>').unwrap_or(domain);
                if is_name(name) {
                    let i = self.add(name, None, at());
                    self.persons[i]
                        .domain
                        .get_or_insert_with(|| domain.to_lowercase());
                }
            }
        }
        if marks.bar
            && starts_with_capital(line)
            && let Some(m) = SIGNATURE.on(agree).find(line)
            && let Some((name, title)) = m.as_str().split_once(" |")
            && is_name(name.trim_start())
            && self.is_title(title)
        {
            self.add(name.trim_start(), Some(title.trim()), at());
        }
        // Signature blocks and contact lines in the scope name signers this way.
        if marks.comma {
            for m in NAME_COMMA_TITLE.on(agree).find_iter(line) {
                let start = m.start();
                let Some((name, title)) = m.as_str().split_once(", ") else {
                    continue;
                };
                // "(Vermeer & Ruiz, Managing Director)": inside parentheses the words
                // before the comma are an organisation, not a person.
                let open = line[..start].matches('(').count() > line[..start].matches(')').count();
                if open || !name.contains(' ') {
                    continue;
                }
                if is_name(name) && self.is_title(title) {
                    let trailing = self.org_after_title(&line[m.end()..]);
                    let i = self.add(name, Some(title.trim_end_matches(',')), at());
                    let p = &mut self.persons[i];
                    if p.org.is_none() {
                        p.org = trailing.or_else(|| org_prefix.get());
                    }
                }
            }
        }
        if titles && marks.title {
            for m in TITLE_NAME.on(agree).find_iter(line) {
                let Some((title, name)) = split_title_name(m.as_str()) else {
                    continue;
                };
                if is_name(name) {
                    self.add(name, Some(title), at());
                }
            }
        }
    }
}

/// The names listed right before a `Name (Org)` (at `start..end` of `line`)
/// that closes their group: the text back to the line's start, a `;`, a `:`
/// or a parenthesis, when every part of it between commas (or "and", "&") is
/// a name of two words or more. Any other part ("met with Tom, who runs ops,
/// Anna Berg (Acme)") means the text is no list, and no name is taken. The
/// groups are the ones a `;` separates: in "Ole Harms, Jan Petersen
/// (Extern), Eva Koch (Extern)" each parenthesis marks its own name only.
pub(super) fn group_before(line: &str, start: usize, end: usize) -> Vec<&str> {
    let after = line[end..].trim_start();
    if !line.contains(';') || !(after.is_empty() || after.starts_with(';')) {
        return Vec::new();
    }
    let before = &line[..start];
    let start = before.rfind([';', ':', '(', ')']).map_or(0, |i| i + 1);
    let group = before[start..].trim_end();
    let Some(group) = group
        .strip_suffix(',')
        .or_else(|| group.strip_suffix(" and"))
        .or_else(|| group.strip_suffix(" &"))
    else {
        return Vec::new();
    };
    let parts: Vec<&str> = group
        .split([',', '&'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.iter().all(|p| p.contains(' ') && is_name(p)) {
        parts
    } else {
        Vec::new()
    }
}

impl People {
    /// The organisation a signature line gives after the title ("Ana Ruiz,
    /// HSE Manager, Karnaphuli Steel Ltd. (KS)"): the capitalised words after
    /// the next comma, up to a bracket or comma, when they name the customer's
    /// account. It says whose person this is better than a label the line
    /// opens with or an e-mail domain unlike the account's name.
    fn org_after_title(&self, rest: &str) -> Option<String> {
        let rest = rest.strip_prefix(", ")?;
        let end = rest.find([',', '(', ';', '|']).unwrap_or(rest.len());
        let org = rest[..end].trim().trim_end_matches('.');
        let capitalised = org.split(' ').all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '&')
        });
        // Only the customer's own name is taken: a vendor or partner named
        // here would make its organisation speak for the customer.
        let first = org.split(' ').next().map(folded_lowercase);
        let customers = self.account_word.is_some() && first == self.account_word;
        (capitalised && customers && !self.is_title(org)).then(|| org.to_string())
    }
}

/// A [`TITLE_NAME`] match split into its title and its name, as its groups
/// are: the title is one of the pattern's literals, or `VP` and the word after
/// it (all of its letters: the name after it starts with a capital).
fn split_title_name(found: &str) -> Option<(&str, &str)> {
    let literal = [
        "CISO",
        "General Counsel",
        "Owner",
        "President",
        "Founder",
        "GC",
    ]
    .into_iter()
    .find(|t| found.starts_with(t));
    let title_len = match (literal, found.strip_prefix("VP ")) {
        (Some(literal), _) => literal.len(),
        (None, Some(rest)) => {
            let word = rest
                .bytes()
                .skip(1)
                .take_while(u8::is_ascii_lowercase)
                .count();
            "VP ".len() + 1 + word
        }
        // C[EFOTIRM]O
        (None, None) => 3,
    };
    let (title, rest) = found.split_at_checked(title_len)?;
    let name = rest.strip_prefix(',').unwrap_or(rest).strip_prefix(' ')?;
    Some((title, name))
}

/// The organisation an attendee line opens with ("Kestrel: Devin Park (CFO),
/// ..."), given to the people on it who have none of their own: read only
/// when the line names someone.
struct OrgPrefix<'a> {
    line: &'a str,
    colon: bool,
    read: Option<Option<String>>,
}

impl<'a> OrgPrefix<'a> {
    fn new(line: &'a str, colon: bool) -> Self {
        Self {
            line,
            colon,
            read: None,
        }
    }

    fn get(&mut self) -> Option<String> {
        let (line, colon) = (self.line, self.colon);
        self.read
            .get_or_insert_with(|| {
                (colon && may_name_org(line))
                    .then(|| ORG_LINE.captures(line))
                    .flatten()
                    .map(|c| super::columns::without_party_word(c[1].trim()).to_string())
                    .filter(|o| !is_not_name(o) && o.split(' ').count() <= 3)
            })
            .clone()
    }
}
