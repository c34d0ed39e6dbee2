//! The line scan: every line of every file, run through the name patterns
//! it can match.

use super::People;
use super::patterns::{
    LEGEND, MAILBOX, NAME_COMMA_TITLE, NAME_PAREN, ORG_LINE, SIGNATURE, TITLE_NAME, has_title_word,
};
use super::titles::{looks_like_title, split_org_title};
use super::words::{is_name, is_not_name};
use crate::analysis::model::Evidence;
use crate::bundle::FileRole;
use crate::rules::word_regex::{WordRegex, ascii_bounds_agree};

impl People {
    pub(super) fn scan_line(&mut self, line: &str, at: &Evidence, role: FileRole) {
        let marks = Marks::of(line);
        // An attendee line needs a ':'; most lines have none.
        let org_prefix = marks
            .colon
            .then(|| ORG_LINE.captures(line))
            .flatten()
            .map(|c| c[1].trim().to_string())
            .filter(|o| !is_not_name(o) && o.split(' ').count() <= 3);
        // Each pattern needs a character most lines lack: test for it first, so
        // a 16 MB notes folder is not run through five regexes line by line.
        let has = |c: char| match c {
            '(' => marks.paren,
            '@' => marks.at,
            '|' => marks.bar,
            ',' => marks.comma,
            _ => line.contains(c),
        };
        // (A pattern a line cannot match is not run at all: even on an empty
        // text, a captures search costs an allocation.)
        let agree = ascii_bounds_agree(line);
        let only_if =
            |cond: bool, re: &'static WordRegex| cond.then(|| re.on(agree).captures_iter(line));
        // Where a name is followed by a separator no name holds (" (", ", ",
        // " <"), the groups are split off the match at that separator: the same
        // groups the capture search gives, without running it. (On names with
        // Unicode letters that search cost more than the rest of the scan.)
        let matches_if =
            |cond: bool, re: &'static WordRegex| cond.then(|| re.on(agree).find_iter(line));
        for c in only_if(marks.equals && line.contains(" = "), &LEGEND)
            .into_iter()
            .flatten()
        {
            if is_name(&c[2]) {
                let i = self.add(&c[2], None, at.clone());
                self.keys.insert(c[1].to_lowercase(), i);
            }
        }
        for m in matches_if(has('('), &NAME_PAREN).into_iter().flatten() {
            let Some((name, paren)) = m.as_str().split_once(" (") else {
                continue;
            };
            if !is_name(name) {
                continue;
            }
            let paren = paren.strip_suffix(')').unwrap_or(paren).trim();
            // A lone capitalised word before a parenthesis is a person only when
            // the parenthesis gives a title ("Ana (ecommerce mgr)", not "Critical (P1)").
            if !name.contains(' ') && !looks_like_title(paren) {
                continue;
            }
            // "Kettering Castings (signed today)": a parenthesis that is neither a
            // title nor an organisation does not make a person.
            let organisation =
                paren.contains(',') || paren.chars().next().is_some_and(char::is_uppercase);
            if !looks_like_title(paren) && !organisation {
                continue;
            }
            let (org, title) = split_org_title(paren);
            let i = self.add(name, title.clone(), at.clone());
            let p = &mut self.persons[i];
            if p.title.is_none() {
                p.title = title;
            }
            if p.org.is_none() {
                p.org = org.or_else(|| org_prefix.clone());
            }
        }
        for m in matches_if(has('@'), &MAILBOX).into_iter().flatten() {
            let Some((name, address)) = m.as_str().split_once(" <") else {
                continue;
            };
            let domain = address.split_once('@').map_or("", |(_, d)| d);
            let domain = domain.strip_suffix('>').unwrap_or(domain);
            if is_name(name) {
                let i = self.add(name, None, at.clone());
                self.persons[i]
                    .domain
                    .get_or_insert_with(|| domain.to_lowercase());
            }
        }
        if has('|')
            && let Some(c) = SIGNATURE.on(agree).captures(line)
            && is_name(&c[1])
            && looks_like_title(&c[2])
        {
            self.add(&c[1], Some(c[2].trim().to_string()), at.clone());
        }
        // Signature blocks and contact lines in the scope name signers this way.
        for m in matches_if(has(','), &NAME_COMMA_TITLE)
            .into_iter()
            .flatten()
        {
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
            if is_name(name) && looks_like_title(title) {
                let i = self.add(
                    name,
                    Some(title.trim_end_matches(',').to_string()),
                    at.clone(),
                );
                let p = &mut self.persons[i];
                if p.org.is_none() {
                    p.org = org_prefix.clone();
                }
            }
        }
        if role != FileRole::Scope {
            for c in only_if(has_title_word(line), &TITLE_NAME)
                .into_iter()
                .flatten()
            {
                if is_name(&c[2]) {
                    self.add(&c[2], Some(c[1].to_string()), at.clone());
                }
            }
        }
    }
}

/// The separators the name patterns need, found in one pass over a line (most
/// lines have few of them, and each pattern is run only when its own is there).
struct Marks {
    colon: bool,
    paren: bool,
    at: bool,
    bar: bool,
    comma: bool,
    equals: bool,
}

impl Marks {
    fn of(line: &str) -> Self {
        let mut m = Marks {
            colon: false,
            paren: false,
            at: false,
            bar: false,
            comma: false,
            equals: false,
        };
        for b in line.bytes() {
            match b {
                b':' => m.colon = true,
                b'(' => m.paren = true,
                b'@' => m.at = true,
                b'|' => m.bar = true,
                b',' => m.comma = true,
                b'=' => m.equals = true,
                _ => {}
            }
        }
        m
    }
}
