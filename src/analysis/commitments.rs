//! Commitments: what the seller's side promised, agreed to, conceded or approved
//! for the customer. A statement is one when it carries a promise or concession
//! cue in the seller's voice, and no cue that it was declined, hypothetical, an
//! internal next step, or a recital of standard terms.

use super::model::{Category, Flag, FlagKind, Side};
use super::people::default_voice;
use super::quantity::{Quantity, find_quantities_from, has_quantities, may_hold_date};
use super::{Cited, Reading};
use crate::rules::{CueText, SELLER_VERBS};
use crate::text::StatementKind;

pub fn find(r: &Reading) -> Vec<Flag> {
    let mut out = Vec::new();
    for c in &r.bundle.deal.commitments {
        out.push(Flag {
            kind: FlagKind::Commitment,
            category: c
                .category
                .as_deref()
                .and_then(Category::parse)
                .or_else(|| Some(categorize(r, &c.text))),
            text: c.text.clone(),
            evidence: vec![super::Evidence::crm(c.line)],
            speaker: None,
            cues: vec!["logged in the CRM".into()],
        });
    }
    let seller_subject = SellerSubject::new(r);
    // "The two things I agreed to:" followed by a list: the list items are
    // promises, as under a "What I told them" heading.
    let mut lead_in: Option<u32> = None;
    for s in &r.said {
        let item = matches!(s.stmt.kind, StatementKind::Bullet | StatementKind::Checkbox);
        if lead_in != Some(s.file_index) || !item {
            lead_in = None;
        }
        let listed = lead_in.is_some();
        if s.lower.trim_end().ends_with(':')
            && r.rules.commitment.promise_heading.is_match(&s.lower)
        {
            lead_in = Some(s.file_index);
        }
        if let Some((mut flag, substance)) = judge(r, s, &seller_subject, listed) {
            // "Wen and I will be onsite. You have our word on that.": the promise
            // is the whole line, not only the sentence with the cue.
            // The sentence with the cue sets the category; its neighbours only
            // when it says nothing of its own ("You have our word on that.").
            let line = line_text(r, s);
            let own = if substance {
                &*s.stmt.text
            } else {
                line.as_str()
            };
            flag.category = Some(categorize(r, own));
            flag.text = super::quote(&line);
            out.push(flag);
        }
    }
    out
}

/// The statement with its neighbours on the same line, joined.
fn line_text(r: &Reading, s: &Cited) -> String {
    r.beside(s)
        .map(|o| &*o.stmt.text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// "we will", "Lumenstack will", "Quarry would": the seller's side as the subject
/// of a future or modal verb, with the seller's own organisation names.
///
/// Found as the alternation `(?:org|...)(?:'s team)? (?:will|would|...)` would
/// find it (leftmost match; at one start, the first name in order, the longer
/// form first), without compiling a regex for every bundle: the names are
/// literals, and building the regex cost more than using it.
struct SellerSubject {
    /// The names lower-cased, in the order the alternation tries them.
    names: Vec<String>,
    automaton: Option<aho_corasick::AhoCorasick>,
}

impl SellerSubject {
    fn new(r: &Reading) -> Self {
        // The seller's organisations and people: "Quarry will", "Elena will run".
        Self::of(
            r.people
                .persons
                .iter()
                .filter(|p| p.side == Some(Side::Seller))
                .flat_map(|p| [p.org.as_deref(), p.name.split(' ').next()])
                .flatten()
                .filter_map(|o| o.split_whitespace().next())
                .filter(|o| o.len() > 2),
        )
    }

    fn of<'n>(names: impl Iterator<Item = &'n str>) -> Self {
        let mut names: Vec<(String, String)> = names
            .map(|o| {
                (
                    regex::escape(o),
                    o.chars().flat_map(char::to_lowercase).collect(),
                )
            })
            .collect();
        // Ordered as the escaped alternation was, which decides ties.
        names.sort();
        names.dedup_by(|a, b| a.0 == b.0);
        let names: Vec<String> = names.into_iter().map(|(_, lower)| lower).collect();
        let automaton = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(&names)
            .ok()
            .filter(|_| !names.is_empty());
        Self { names, automaton }
    }

    /// The first "name ('s team) verb" in `text`, as (start, end, matched text).
    fn find<'t>(&self, text: &'t str) -> Option<(usize, usize, &'t str)> {
        let automaton = self.automaton.as_ref()?;
        let lower = crate::rules::lower_in_place(text);
        let mut starts: Vec<usize> = automaton
            .find_overlapping_iter(&*lower)
            .map(|m| m.start())
            .collect();
        starts.sort_unstable();
        starts.dedup();
        starts.into_iter().find_map(|start| {
            let end = self.names.iter().find_map(|name| {
                let rest = lower[start..].strip_prefix(name.as_str())?;
                let with_team = rest.strip_prefix("'s team").and_then(verb_end);
                let at = with_team.or_else(|| verb_end(rest))?;
                Some(lower.len() - at)
            })?;
            Some((start, end, &text[start..end]))
        })
    }
}

/// After " will" (or another of [`SELLER_VERBS`]) at the start of `rest`: how
/// many bytes of `rest` remain.
fn verb_end(rest: &str) -> Option<usize> {
    let rest = rest.strip_prefix(' ')?;
    SELLER_VERBS
        .iter()
        .find_map(|v| rest.strip_prefix(v))
        .map(str::len)
}

/// The side whose promise a cue at `at` expresses: the nearest person named before
/// it in the same clause, else the statement's speaker, author or writer.
pub(crate) fn voice_at(r: &Reading, s: &Cited, at: usize) -> Option<Side> {
    let lower = &s.lower;
    // "we'll", "I told", "you'll have": the writer or speaker is the subject.
    let cue = &lower[at..];
    if ["we ", "we'", "i ", "i'", "our ", "my ", "you"]
        .iter()
        .any(|p| cue.starts_with(p))
    {
        return default_voice(&r.people, &s.stmt, r.rules);
    }
    let clause_start = lower[..at]
        .rfind(['.', ';', '?', '!'])
        .map(|i| i + 1)
        .unwrap_or(0);
    let named = r
        .people
        .mentions(lower)
        .into_iter()
        .rev()
        .filter(|(start, _, _)| *start >= clause_start && *start < at)
        .find(|(start, end, _)| could_be_subject(lower, *start, *end))
        // "To get Maren comfortable, I threw in ...": a first person between the
        // name and the cue is the subject.
        .filter(|(_, end, _)| !has_first_person(&lower[*end..at]))
        .and_then(|(_, _, p)| p.side);
    // "Told Devin we'd ...": a name right after the cue verb is its object.
    named.or_else(|| default_voice(&r.people, &s.stmt, r.rules))
}

/// A name is not the subject when it is possessive ("Sofia's analysts") or the
/// object of a preposition or a telling verb ("for Sofia", "told Devin").
fn has_first_person(span: &str) -> bool {
    span.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .any(|w| {
            matches!(
                w,
                "i" | "we" | "i've" | "we've" | "i'd" | "we'd" | "i'll" | "we'll"
            )
        })
}

fn could_be_subject(lower: &str, start: usize, end: usize) -> bool {
    let rest = &lower[end..];
    if rest.starts_with("'s") || rest.starts_with("’s") {
        return false;
    }
    let previous = lower[..start]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    !matches!(
        previous,
        "to" | "for"
            | "with"
            | "from"
            | "by"
            | "told"
            | "tell"
            | "asked"
            | "of"
            | "at"
            | "about"
            | "on"
            | "gave"
            | "give"
            | "and"
            | "cc"
            | "ping"
            | "email"
            | "call"
    )
}

/// A commitment the statement makes (its category left for the caller to set),
/// with whether the statement has substance of its own.
fn judge(
    r: &Reading,
    s: &Cited,
    seller_subject: &SellerSubject,
    after_lead_in: bool,
) -> Option<(Flag, bool)> {
    let lx = &r.rules.commitment;
    let text = &s.lower;
    // Asked up to twice here and once by the caller: worked out once.
    let substance = std::cell::OnceCell::new();
    let has_own_substance = || *substance.get_or_init(|| has_substance(r, text));
    // A question ("Can you also waive the fee?") asks; it promises nothing. A
    // lead-in ("The two things I agreed to:") introduces promises, it is none.
    if text.trim_end().ends_with(['?', ':']) {
        return None;
    }
    let promise = lx
        .promise
        .find(text)
        .or_else(|| {
            r.rules
                .may_hold_seller_verb(text)
                .then(|| seller_subject.find(text))
                .flatten()
        })
        .or_else(|| {
            lx.seller_first_person
                .find(text)
                .filter(|_| default_voice(&r.people, &s.stmt, r.rules) == Some(Side::Seller))
        });
    let concession = lx.concession.find(text);
    // Items listed under "What I told them:" are promises without a cue of their own.
    let under_heading = s
        .stmt
        .heading
        .as_deref()
        .is_some_and(|h| lx.promise_heading.is_match(h));
    let listed = (under_heading || after_lead_in)
        .then_some(())
        .filter(|_| has_own_substance());
    let (at, cue) = match (promise, concession, listed) {
        (Some((at, _, cue)), _, _) => (at, cue),
        (None, Some((at, _, cue)), _) => (at, cue),
        (None, None, Some(_)) => (0, "listed as a promise"),
        (None, None, None) => return None,
    };
    if r.rules.context.non_statement.is_match(text) {
        return None;
    }
    let strong = lx.strong.is_match(text);
    let voice = voice_at(r, s, at);
    // A concession ("12% off", "waived") is the seller's whoever reports it; a
    // promise must be in the seller's voice.
    if voice == Some(Side::Customer) && concession.is_none() {
        return None;
    }
    if voice.is_none() && !strong && concession.is_none() {
        return None;
    }
    // "She asked if we'd migrate ...": a request in the promise's own clause
    // frames it, unless the seller conceded something.
    let clause = clause_around(text, at);
    if let Some((ask, _, _)) = lx.request.find(&text[clause.clone()])
        && !strong
        && concession.is_none()
        && (promise.is_none() || clause.start + ask < at)
    {
        return None;
    }
    // "You have our word on that.": the promise's substance may sit in another
    // sentence of the line.
    // An explicit promise ("told Aisha we'd hand over the notes") needs no
    // category word to be one.
    if !strong
        && !has_own_substance()
        && !has_substance(r, &r.rules.cue_text(line_text(r, s).to_lowercase()))
    {
        return None;
    }
    // A capability, a kickoff date or a usual price is never a promise, however
    // strongly worded; a declined request is, when a strong cue overrides it.
    if lx.not_promise.is_match(text) || (lx.negation.is_match(text) && !strong) {
        return None;
    }
    if lx.hypothetical.is_match(text) || lx.internal.is_match(text) || lx.next_step.is_match(text) {
        return None;
    }
    if lx.standard_terms.is_match(text) && concession.is_none() && !strong {
        return None;
    }
    let flag = Flag {
        kind: FlagKind::Commitment,
        category: None,
        text: s.quoted(),
        evidence: vec![s.evidence(r)],
        speaker: s.stmt.speaker.as_deref().map(str::to_string),
        cues: vec![cue.to_string()],
    };
    Some((flag, has_own_substance()))
}

/// The byte range of the clause (between `;`, `.`, `?`, `!`) holding `at`.
fn clause_around(text: &str, at: usize) -> std::ops::Range<usize> {
    let start = text[..at].rfind([';', '.', '?', '!']).map_or(0, |i| i + 1);
    let end = text[at..]
        .find([';', '?', '!'])
        .map_or(text.len(), |i| at + i);
    start..end
}

/// Whether a statement names something a promise could be about: a category
/// word, a system or a quantity.
fn has_substance(r: &Reading, lower: &CueText) -> bool {
    let cat = &r.rules.category;
    [
        &cat.custom,
        &cat.discount,
        &cat.integration,
        &cat.timeline,
        &cat.scope,
        &cat.special,
    ]
    .iter()
    .any(|l| l.is_match(lower))
        || r.rules.systems.names.is_match(lower)
        || has_quantities(lower, r.year)
        // "8 blog posts/mo": a count the grammar leaves loose.
        || super::conflicts::loose_counts(lower).iter().any(|c| !c.nouns.is_empty())
}

/// The category a CSM would file a promise under, from the promise as written.
/// Ordered from the most specific signal: a roadmap or dedicated-person promise
/// is custom even when it names a quarter; a price concession is a discount
/// even when it names a deadline; a sync is an integration; onsite work is
/// special treatment; a deadline is a timeline; what remains is scope.
pub fn categorize(r: &Reading, text: &str) -> Category {
    let text = super::conflicts::claim_text(text);
    let lower = &r.rules.cue_text(super::normalise(text));
    let cat = &r.rules.category;
    // "no custom build needed" promises nothing custom.
    let affirmed = |l: &crate::rules::Lexicon| {
        l.find_all(lower).iter().any(|&(a, _)| {
            let before = lower[..a].trim_end();
            !(before.ends_with(" no")
                || before.ends_with(" not")
                || before.ends_with("without")
                || before == "no")
        })
    };
    if affirmed(&cat.custom) {
        return Category::Custom;
    }
    if cat.discount.is_match(lower) {
        return Category::Discount;
    }
    if cat.integration.is_match(lower) {
        return Category::Integration;
    }
    if cat.special.is_match(lower) {
        return Category::Custom;
    }
    if cat.timeline.is_match(lower) || has_deadline(r, text) {
        return Category::Timeline;
    }
    // A data move ("migrate two years of history from ADP") is scope even when
    // it names a system; a bare system name otherwise means an integration.
    if cat.scope_first.is_match(lower) {
        return Category::Scope;
    }
    if r.rules.systems.names.is_match(lower) {
        return Category::Integration;
    }
    Category::Scope
}

/// A date the promise must meet ("by March 15", "before Jan 12"), not one it
/// merely mentions ("as offered in September").
fn has_deadline(r: &Reading, text: &str) -> bool {
    if !may_hold_date(text) {
        return false;
    }
    let lower = text.to_lowercase();
    find_quantities_from(text, r.reference).iter().any(|f| {
        matches!(f.quantity, Quantity::Date { .. }) && {
            let before = lower[..f.start].trim_end();
            let word = before.rsplit(' ').next().unwrap_or("");
            matches!(
                word,
                "by" | "before" | "until" | "ahead" | "of" | "for" | "on"
            )
        }
    })
}

#[cfg(test)]
mod seller_subject_tests {
    use super::SellerSubject;
    use crate::rules::Lexicon;

    /// The alternation the matcher stands in for, compiled as a cue list is.
    fn as_regex(names: &[&str]) -> Lexicon {
        let mut escaped: Vec<String> = names.iter().map(|n| regex::escape(n)).collect();
        escaped.sort();
        escaped.dedup();
        Lexicon::single(&format!(
            r"(?:{})(?:'s team)? (?:will|would|is going to|are going to|can)",
            escaped.join("|")
        ))
    }

    #[test]
    fn finds_what_the_alternation_finds() {
        let names = ["Acme", "Acme.io", "Elena", "Ele", "Zoë", "Quarry"];
        let matcher = SellerSubject::of(names.iter().copied());
        let regex = as_regex(&names);
        for text in [
            "acme will send it",
            "acme's team will send it and elena can too",
            "acme's team to decide; acme would",
            "eleanor will go, elena would",
            "ele can't — zoë is going to",
            "acme.io are going to handle it",
            "the acme.io will",
            "quarry will, quarry's team can",
            "Quarry Will Send", // capitals: read lower-cased, as the cue lists read
            "quarrywill",
            "nothing here",
            "",
            "zoë's team can",
            "acmeacme will",
        ] {
            assert_eq!(matcher.find(text), regex.find(text), "{text}");
        }
        assert_eq!(
            SellerSubject::of(std::iter::empty()).find("acme will"),
            None
        );
    }
}
