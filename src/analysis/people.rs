//! Who is who: the people a bundle names, which side of the deal each is on, and
//! who is speaking in a statement. A customer's wish is not a sales commitment, so
//! every extractor asks this module whose voice a statement carries.

use super::model::{Evidence, Side};
use crate::bundle::{Bundle, FileRole};
use crate::rules::Rules;
use crate::rules::word_regex::{WordRegex, ascii_bounds_agree};
use crate::text::{Statement, StatementKind};
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// A person named in the bundle.
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub title: Option<String>,
    pub role: Option<String>,
    pub side: Option<Side>,
    /// Organisation words written with the person ("Kestrel" in "(Kestrel, CFO)").
    pub org: Option<String>,
    /// An organisation standing for its side ("Kestrel will go with..."), not a person.
    pub is_org: bool,
    /// The domain of the person's e-mail address, when the text gives one.
    pub domain: Option<String>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Default)]
pub struct People {
    pub persons: Vec<Person>,
    /// Lower-case full names, unique first names, legend initials and chat handles.
    keys: HashMap<String, usize>,
    /// Lower-case keys usable inside running text (full and unique first names).
    text_keys: Vec<(String, usize)>,
    automaton: Option<aho_corasick::AhoCorasick>,
}

/// A personal name: capitalised words, with particles ("Pieter de Groot") and
/// accented letters ("Lucía Fernández").
const NAME: &str = r"\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?(?: (?:(?:de|van|von|der|den|da|del|di|du|la|le|dos|das|ter|ten) )*(?:\p{Lu}\.?|\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?)){0,2}";

/// A pattern built on [`NAME`], with room for its lazy DFA (its Unicode
/// classes make many states) and an ASCII-boundary twin for the lines where
/// the two agree.
fn name_regex(pattern: &str) -> Result<WordRegex, regex::Error> {
    WordRegex::build(pattern, |p| {
        regex::RegexBuilder::new(p).dfa_size_limit(16 << 20).build()
    })
}

/// `Name (paren)`: a person with a title, role or organisation.
static NAME_PAREN: LazyLock<WordRegex> =
    LazyLock::new(|| name_regex(&format!(r"\b({NAME}) \(([^()]{{1,80}})\)")).unwrap());
/// `Name, Title` where the title is short and capitalised.
static NAME_COMMA_TITLE: LazyLock<WordRegex> = LazyLock::new(|| {
    name_regex(&format!(
        r"\b({NAME}), ((?:[A-Z][A-Za-z&/.-]*|of|and|the|for)(?: (?:[A-Z][A-Za-z&/.-]*|of|and|the|for|,)){{0,6}})"
    ))
    .unwrap()
});
/// `TITLE Name` for executive titles written before the name ("COO Ingrid Halvorsen").
static TITLE_NAME: LazyLock<WordRegex> = LazyLock::new(|| {
    name_regex(&format!(
        r"\b(C[EFOTIRM]O|CISO|VP [A-Z][a-z]+|General Counsel|Owner|President|Founder|GC),? ({NAME})"
    ))
    .unwrap()
});
/// Whether `line` holds one of the titles [`TITLE_NAME`] starts with: a cheap
/// test (one pass for every title) that most lines fail.
fn has_title_word(line: &str) -> bool {
    static TITLES: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::new([
            "CEO",
            "CFO",
            "COO",
            "CTO",
            "CIO",
            "CRO",
            "CMO",
            "CISO",
            "VP ",
            "General Counsel",
            "Owner",
            "President",
            "Founder",
            "GC",
        ])
        .expect("literal titles")
    });
    TITLES.is_match(line)
}

/// `Name | Title | Company` e-mail signatures.
static SIGNATURE: LazyLock<WordRegex> =
    LazyLock::new(|| name_regex(&format!(r"^\s*({NAME}) \| ([^|]{{2,80}})")).unwrap());
/// `From: Name <addr@domain>` e-mail headers (To/Cc too, several per line).
static MAILBOX: LazyLock<WordRegex> =
    LazyLock::new(|| name_regex(&format!(r"({NAME}) <[^@<>\s]+@([^<>\s]+)>")).unwrap());
/// `XY = Full Name (...)` transcript legends.
static LEGEND: LazyLock<WordRegex> =
    LazyLock::new(|| name_regex(&format!(r"\b([A-Z]{{2,3}}) = ({NAME})")).unwrap());
/// `Org: Name (...), Name (...)` attendee lines.
static ORG_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[-*]?\s*([A-Z][A-Za-z&.' ]{1,40}):\s+\S").unwrap());

/// Words that start capitalised phrases but are not people.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "And",
    "Our",
    "Their",
    "Your",
    "This",
    "That",
    "Phase",
    "Section",
    "Order",
    "Customer",
    "Team",
    "Total",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Q1",
    "Q2",
    "Q3",
    "Q4",
    "Item",
    "Line",
    "Priority",
    "Severity",
    "Standard",
    "Remote",
    "Onsite",
    "Signed",
    "Date",
    "Subject",
    "From",
    "To",
    "Cc",
    "Re",
    "Fwd",
    "Note",
    "Notes",
    "Next",
    "Key",
    "Open",
    "Risk",
    "Risks",
    "Goal",
    "Goals",
    "Pain",
    "Summary",
    "Agenda",
    "Attendees",
    "Participants",
    "Present",
    "Apologies",
    "Minutes",
    "Status",
    "Decision",
    "Decisions",
    "Action",
    "Actions",
    "Owner",
    "Pricing",
    "Price",
    "Scope",
    "Term",
    "Timeline",
    "Budget",
    "Support",
    "Training",
    "Discovery",
    "Demo",
    "Call",
    "Meeting",
    "Email",
    "Kickoff",
    "Project",
    "Plan",
    "Platform",
    "Business",
    "Enterprise",
    "Professional",
    "Implementation",
    "Services",
    "Service",
    "Data",
    "Security",
    "Product",
    "Sales",
    "Account",
    "Accounts",
    "Payment",
    "Fees",
    "Fee",
    "Billing",
    "Signature",
    "Signatures",
    "Contacts",
    "People",
    "Internal",
    "Commercials",
    "Environment",
    "Context",
    "Why",
    "What",
    "Who",
    "How",
    "When",
    "Where",
    "Tech",
    "Timing",
    "Other",
    "Requirements",
    "Objections",
    "Commitments",
    "Purpose",
    "Deliverables",
    "Assumptions",
    "Staffing",
    "Sources",
];

impl People {
    /// Collect people from the CRM record and every evidence file.
    pub fn collect(bundle: &Bundle, rules: &Rules) -> People {
        let mut people = People::default();
        let deal = &bundle.deal;
        for (name, role) in [(&deal.ae, "ae"), (&deal.csm, "csm")] {
            if let Some(name) = name {
                let i = people.add(name, None, Evidence::crm(0));
                people.persons[i].side = Some(Side::Seller);
                people.persons[i].role = Some(role.into());
            }
        }
        for s in &deal.stakeholders {
            let i = people.add(&s.name, s.title.clone(), Evidence::crm(s.line));
            let p = &mut people.persons[i];
            p.side = Some(Side::Customer);
            p.role = s.role.clone().or(p.role.take());
        }
        for file in &bundle.files {
            let path: std::sync::Arc<str> = file.path.as_str().into();
            for (n, line) in file.text.lines().enumerate() {
                let at = Evidence {
                    file: path.clone(),
                    line: n as u32 + 1,
                };
                people.scan_line(line, &at, file.role);
            }
        }
        people.assign_sides(bundle, rules);
        people.add_organisations(bundle);
        people.index_first_names();
        people
    }

    fn add(&mut self, name: &str, title: Option<String>, at: Evidence) -> usize {
        let name = strip_honorific(name.trim());
        // "Executive Director. I joined ...": a title ends with its sentence.
        let title = title
            .map(|t| t.split(". ").next().unwrap_or(&t).trim().to_string())
            .filter(|t| !t.is_empty());
        let key = name.to_lowercase();
        if let Some(&i) = self.keys.get(&key) {
            let p = &mut self.persons[i];
            if p.title.is_none() {
                p.title = title;
            }
            // Lines are scanned in order, so a line already cited is the last
            // one; only the CRM record's lines come out of order.
            let cited = p.evidence.last() == Some(&at)
                || (&*at.file == "deal.toml" && p.evidence.contains(&at));
            if !cited && at.line > 0 {
                p.evidence.push(at);
            }
            return i;
        }
        // A name not seen before: the first-name merge below runs once per
        // new name, not once per mention.
        // "Erik" and "Erik Halvorsen" are one person, whichever comes first.
        let first = key.split(' ').next().unwrap_or("").to_string();
        let same_first = |p: &Person| {
            !p.is_org && p.name.to_lowercase().split(' ').next() == Some(first.as_str())
        };
        if !key.contains(' ')
            && let Some(i) = self
                .persons
                .iter()
                .position(|p| same_first(p) && p.name.contains(' '))
        {
            return self.add(&self.persons[i].name.clone(), title, at);
        }
        if key.contains(' ')
            && let Some(i) = self
                .persons
                .iter()
                .position(|p| same_first(p) && !p.name.contains(' '))
        {
            self.keys.remove(&self.persons[i].name.to_lowercase());
            self.persons[i].name = name.to_string();
            self.keys.insert(key.clone(), i);
            return self.add(name, title, at);
        }
        // "Marcus O" and "Marcus Oyelaran" are one person.
        if let Some(i) = self.abbreviated_match(name) {
            return i;
        }
        let i = self.persons.len();
        self.persons.push(Person {
            name: name.to_string(),
            title,
            role: None,
            side: None,
            org: None,
            is_org: false,
            domain: None,
            evidence: if at.line > 0 { vec![at] } else { Vec::new() },
        });
        self.keys.insert(key, i);
        i
    }

    fn abbreviated_match(&self, name: &str) -> Option<usize> {
        let mut parts = name.split(' ');
        let first = parts.next()?;
        let rest: Vec<&str> = parts.collect();
        self.persons.iter().position(|p| {
            let mut pp = p.name.split(' ');
            let pfirst = pp.next().unwrap_or("");
            let prest: Vec<&str> = pp.collect();
            pfirst == first
                && rest.len() == 1
                && prest.len() == 1
                && (rest[0].trim_end_matches('.').len() == 1 || prest[0].len() == 1)
                && prest[0].starts_with(rest[0].trim_end_matches('.'))
        })
    }

    fn scan_line(&mut self, line: &str, at: &Evidence, role: FileRole) {
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

    fn assign_sides(&mut self, bundle: &Bundle, rules: &Rules) {
        // Someone written with the customer's own name ("Devin Park (Kestrel,
        // Director of Sales Ops)") is the customer's, whatever the title says.
        let account_word = bundle
            .deal
            .account
            .as_deref()
            .and_then(|a| a.split_whitespace().next())
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| w.len() > 2);
        if let Some(account) = &account_word {
            for p in &mut self.persons {
                let org_word = p
                    .org
                    .as_deref()
                    .and_then(|o| o.split_whitespace().next())
                    .map(str::to_lowercase);
                if p.side.is_none() && org_word.as_deref() == Some(account.as_str()) {
                    p.side = Some(Side::Customer);
                }
            }
        }
        let mut seller_orgs: Vec<String> = Vec::new();
        for p in &mut self.persons {
            let text = format!(
                "{} {}",
                p.org.as_deref().unwrap_or(""),
                p.title.as_deref().unwrap_or("")
            );
            if p.side.is_none() && rules.people.seller_titles.is_match(&text) {
                p.side = Some(Side::Seller);
            }
            if p.side == Some(Side::Seller)
                && let Some(org) = &p.org
            {
                seller_orgs.push(org.to_lowercase());
            }
        }
        // Colleagues share an e-mail domain with the seller's known people.
        let seller_domains: Vec<String> = self
            .persons
            .iter()
            .filter(|p| p.side == Some(Side::Seller))
            .filter_map(|p| p.domain.clone())
            .collect();
        for p in &mut self.persons {
            if p.side.is_none()
                && let Some(d) = &p.domain
            {
                p.side = Some(if seller_domains.contains(d) {
                    Side::Seller
                } else {
                    Side::Customer
                });
            }
        }
        let account = bundle.deal.account.as_deref().unwrap_or("").to_lowercase();
        let account_word = account.split_whitespace().next().unwrap_or("").to_string();
        for p in &mut self.persons {
            if p.side.is_some() {
                continue;
            }
            let org = p.org.as_deref().unwrap_or("").to_lowercase();
            p.side = if !org.is_empty() && seller_orgs.iter().any(|s| org_matches(s, &org)) {
                Some(Side::Seller)
            } else if !org.is_empty()
                && !account_word.is_empty()
                && org.split_whitespace().next() == Some(account_word.as_str())
            {
                Some(Side::Customer)
            } else if p.title.is_some() || p.org.is_some() {
                // Notes are written by sales and name the customer's people by title.
                Some(Side::Customer)
            } else {
                None
            };
        }
    }

    /// The customer's and the seller's organisation names speak for their side:
    /// "Kestrel will go with the Business tier" is the customer's decision.
    fn add_organisations(&mut self, bundle: &Bundle) {
        let mut orgs: Vec<(String, Side)> = Vec::new();
        if let Some(account) = &bundle.deal.account
            && let Some(word) = account.split_whitespace().next()
        {
            orgs.push((
                word.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_string(),
                Side::Customer,
            ));
        }
        for p in &self.persons {
            if let (Some(org), Some(side)) = (&p.org, p.side) {
                let word = org.split_whitespace().next().unwrap_or("");
                if !TITLE_WORDS.contains(&word.to_lowercase().as_str()) {
                    orgs.push((word.to_string(), side));
                }
            }
        }
        for (name, side) in orgs {
            let key = name.to_lowercase();
            if name.len() < 4 || is_not_name(&name) || self.keys.contains_key(&key) {
                continue;
            }
            self.keys.insert(key, self.persons.len());
            self.persons.push(Person {
                name,
                title: None,
                role: None,
                side: Some(side),
                org: None,
                is_org: true,
                domain: None,
                evidence: Vec::new(),
            });
        }
    }

    fn index_first_names(&mut self) {
        let mut firsts: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in self.persons.iter().enumerate().filter(|(_, p)| !p.is_org) {
            if let Some(first) = p.name.split(' ').next() {
                firsts.entry(first.to_lowercase()).or_default().push(i);
            }
        }
        for (first, ids) in firsts {
            if ids.len() == 1 && first.len() > 1 {
                self.keys.entry(first.clone()).or_insert(ids[0]);
            }
        }
        let mut text_keys: Vec<(String, usize)> = self
            .keys
            .iter()
            .filter(|(k, _)| k.len() > 2 && k.chars().next().is_some_and(|c| c.is_alphabetic()))
            .filter(|&(k, &i)| {
                // Legend initials ("po", "kd") only name speakers, not text.
                k.contains(' ') || self.persons[i].name.to_lowercase().starts_with(k.as_str())
            })
            .map(|(k, &i)| (k.clone(), i))
            .collect();
        text_keys.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        // One automaton finds every name in a statement in a single pass.
        // Built for each bundle: an NFA builds in a fraction of a DFA's time
        // and finds the same matches.
        self.automaton = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(text_keys.iter().map(|(k, _)| k))
            .ok();
        self.text_keys = text_keys;
    }

    /// Resolve a speaker label, a name or a chat handle ("owen.marsh") to a person.
    pub fn find(&self, label: &str) -> Option<&Person> {
        let key = label.trim().to_lowercase();
        let key = key.replace(['.', '_'], " ");
        self.keys
            .get(key.trim())
            .or_else(|| self.keys.get(key.split(' ').next().unwrap_or("")))
            .map(|&i| &self.persons[i])
    }

    /// The side of a speaker label, counting roles written with it ("Dana (AE)").
    pub fn speaker_side(&self, stmt: &Statement, rules: &Rules) -> Option<Side> {
        if let Some(role) = &stmt.speaker_role {
            if rules.people.seller_titles.is_match(&**role) {
                return Some(Side::Seller);
            }
            if let Some(side) = self
                .find(stmt.speaker.as_deref().unwrap_or(""))
                .and_then(|p| p.side)
            {
                return Some(side);
            }
            return Some(Side::Customer);
        }
        let speaker = stmt.speaker.as_deref()?;
        if let Some(side) = self.find(speaker).and_then(|p| p.side) {
            return Some(side);
        }
        // A role standing for the speaker ("Rep:", "Customer:").
        if rules.people.customer_labels.is_match(speaker) {
            return Some(Side::Customer);
        }
        if rules.people.seller_titles.is_match(speaker) {
            return Some(Side::Seller);
        }
        // A lower-case handle ("owen.marsh", "bas") is an internal chat export:
        // the seller's team talking among themselves.
        if speaker
            .chars()
            .all(|c| c.is_lowercase() || matches!(c, '.' | '_' | '-'))
        {
            return Some(Side::Seller);
        }
        None
    }

    /// People named in `text` (lower-cased), as (start, end, person), in order.
    pub fn mentions(&self, lower: &str) -> Vec<(usize, usize, &Person)> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let mut found: Vec<(usize, usize, usize)> = automaton
            .find_overlapping_iter(lower)
            .filter(|m| {
                !is_word(lower[..m.start()].chars().next_back())
                    && !is_word(lower[m.end()..].chars().next())
            })
            .map(|m| (m.start(), m.end(), self.text_keys[m.pattern().as_usize()].1))
            .collect();
        // The longest name at each place wins ("marcus lee" over "marcus").
        found.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
        let mut out: Vec<(usize, usize, &Person)> = Vec::new();
        for (start, end, i) in found {
            if out.last().is_none_or(|&(_, e, _)| start >= e) {
                out.push((start, end, &self.persons[i]));
            }
        }
        out
    }

    pub fn customers(&self) -> impl Iterator<Item = &Person> {
        self.persons
            .iter()
            .filter(|p| p.side == Some(Side::Customer) && !p.is_org)
    }
}

impl Evidence {
    pub(crate) fn crm(line: u32) -> Evidence {
        Evidence {
            file: "deal.toml".into(),
            line,
        }
    }
}

/// "Dr. Helen Whitcomb" is Helen Whitcomb.
fn strip_honorific(name: &str) -> &str {
    for prefix in [
        "Dr. ", "Dr ", "Prof. ", "Prof ", "Mr. ", "Mrs. ", "Ms. ", "Mx. ",
    ] {
        if let Some(rest) = name.strip_prefix(prefix) {
            return rest;
        }
    }
    name
}

/// Words that end an organisation's or a product's name, never a person's.
const NON_PERSON_WORDS: &[&str] = &[
    "Ltd",
    "Ltd.",
    "Inc",
    "Inc.",
    "LLC",
    "Pty",
    "GmbH",
    "Corp",
    "Corp.",
    "Co.",
    "PLC",
    "LLP",
    "System",
    "Systems",
    "Software",
    "Group",
    "Partners",
    "Financials",
    "Cloud",
    "Suite",
    "Platform",
    "Chain",
    "Ops",
    "Operations",
    "Clinical",
    "Health",
    "Foods",
    "Castings",
];

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

fn is_name(name: &str) -> bool {
    if name.split(' ').any(|w| NON_PERSON.contains(w)) {
        return false;
    }
    let first = name.split(' ').next().unwrap_or("");
    !is_not_name(first)
        && !name.split(' ').any(|w| is_not_name(w) && w.len() > 3)
        && name.len() >= 3
}

/// [`NON_PERSON_WORDS`] as a set: asked of every word of every candidate name.
static NON_PERSON: LazyLock<HashSet<&str>> =
    LazyLock::new(|| NON_PERSON_WORDS.iter().copied().collect());

/// Whether `word` is one of [`NOT_NAMES`] (a set: asked of every candidate word).
fn is_not_name(word: &str) -> bool {
    static SET: LazyLock<HashSet<&str>> = LazyLock::new(|| NOT_NAMES.iter().copied().collect());
    SET.contains(word)
}

fn looks_like_title(t: &str) -> bool {
    static TITLE: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(r"(?i)\b(chief|officer|director|manager|vp|vice president|president|head|lead|executive|engineer|consultant|counsel|controller|owner|founder|analyst|administrator|supervisor|coordinator|specialist|partner|cfo|ceo|coo|cto|cio|ciso|cro|cmo|gc|ae|csm|se)\b").unwrap()
    });
    TITLE.for_text(t).is_match(t)
}

/// "(Kestrel, Director of Sales Operations)" -> (Some("Kestrel"), Some("Director ..."));
/// "(Quarry AE)" -> (Some("Quarry"), Some("AE")); "(CFO)" -> (None, Some("CFO"));
/// "(Halvorsen)" -> (Some("Halvorsen"), None).
fn split_org_title(paren: &str) -> (Option<String>, Option<String>) {
    if let Some((org, title)) = paren.split_once(',') {
        let org = org.trim();
        let title = title.trim();
        if looks_like_title(org) && !looks_like_title(title) {
            return (Some(title.to_string()), Some(org.to_string()));
        }
        return (Some(org.to_string()), Some(title.to_string()));
    }
    if looks_like_title(paren) {
        // "Quarry AE", "Bastionworks SOC lead": a capitalised first word that is not
        // itself a title word is the organisation.
        let mut words = paren.splitn(2, ' ');
        let first = words.next().unwrap_or("");
        let rest = words.next().unwrap_or("");
        if !rest.is_empty()
            && first.chars().next().is_some_and(|c| c.is_uppercase())
            && !looks_like_title(first)
            && !TITLE_WORDS.contains(&first.to_lowercase().as_str())
            && looks_like_title(rest)
            && !first.chars().all(|c| c.is_uppercase())
        {
            return (Some(first.to_string()), Some(rest.to_string()));
        }
        return (None, Some(paren.to_string()));
    }
    let single_word_org = paren.split_whitespace().count() <= 3
        && paren.chars().next().is_some_and(|c| c.is_uppercase());
    if single_word_org {
        // Could be an org ("Halvorsen") or an unusual title ("sysadmin"): lower-case
        // text is a title.
        return (Some(paren.to_string()), None);
    }
    (None, Some(paren.to_string()))
}

/// Words that open a multi-word title ("Solutions Engineer", "Senior DBA"), so
/// they are not read as an organisation name.
const TITLE_WORDS: &[&str] = &[
    "solutions",
    "solution",
    "senior",
    "sr",
    "junior",
    "jr",
    "sales",
    "account",
    "regional",
    "technical",
    "project",
    "product",
    "program",
    "customer",
    "field",
    "general",
    "managing",
    "executive",
    "deputy",
    "assistant",
    "associate",
    "principal",
    "staff",
    "lead",
    "head",
    "chief",
    "interim",
    "acting",
    "operations",
    "finance",
    "marketing",
    "it",
    "hr",
    "data",
    "information",
    "security",
    "systems",
    "network",
    "office",
    "practice",
    "engagement",
    "implementation",
    "support",
    "success",
    "business",
    "clinical",
    "medical",
    "nurse",
    "maintenance",
    "reliability",
    "plant",
    "site",
    "store",
    "branch",
    "area",
    "district",
];

fn org_matches(seller: &str, org: &str) -> bool {
    let a = seller.split_whitespace().next().unwrap_or("");
    let b = org.split_whitespace().next().unwrap_or("");
    !a.is_empty() && a == b
}

/// The side whose voice carries a statement: its speaker, else its email author,
/// else the file's writer (notes are written by the seller's team).
pub fn default_voice(people: &People, stmt: &Statement, rules: &Rules) -> Option<Side> {
    if stmt.kind == StatementKind::Turn || stmt.speaker.is_some() {
        return people.speaker_side(stmt, rules);
    }
    if let Some(author) = &stmt.author {
        // An unknown sender of a top-level e-mail kept in the seller's notes is
        // the seller's side ("The Findly team"); an unknown quoted one is not known.
        return match people.find(author).and_then(|p| p.side) {
            Some(side) => Some(side),
            None if stmt.quote_depth == 0 => Some(Side::Seller),
            None => None,
        };
    }
    Some(Side::Seller)
}
