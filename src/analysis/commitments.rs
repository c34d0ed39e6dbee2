//! Commitments: what the seller's side promised, agreed to, conceded or approved
//! for the customer. A statement is one when it carries a promise or concession
//! cue in the seller's voice, and no cue that it was declined, hypothetical, an
//! internal next step, or a recital of standard terms.

mod answers;
mod seller_subject;

use super::model::{Category, Flag, FlagKind, Side};
use super::people::default_voice;
use super::quantity::{Quantity, find_quantities_from, has_quantities, may_hold_date};
use super::{Cited, Reading};
use crate::rules::CueText;
use crate::text::StatementKind;
use answers::{accepted_ask, dated_go_live};
use seller_subject::SellerSubject;

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
    let mut headings = HeadingMemo::default();
    // "The two things I agreed to:" followed by a list: the list items are
    // promises, as under a "What I told them" heading.
    // A customer's "Per our call, you will:" introduces the seller's promises
    // the same way, in the customer's words.
    let mut lead_in: Option<(u32, Listed)> = None;
    // The statement before, for a short yes to the customer's ask, and the
    // one before it, for the promise a short question follows up on.
    let mut previous: Option<&Cited> = None;
    let mut earlier: Option<&Cited> = None;
    for s in &r.said {
        let item = matches!(s.stmt.kind, StatementKind::Bullet | StatementKind::Checkbox);
        if lead_in.is_some_and(|(file, _)| file != s.file_index) || !item {
            lead_in = None;
        }
        let listed = lead_in.map_or(Listed::No, |(_, how)| how);
        if s.lower.trim_end().ends_with(':') {
            if r.rules.commitment.promise_heading.is_match(&s.lower) {
                lead_in = Some((s.file_index, Listed::AsPromise));
            } else if r.rules.commitment.second_person.is_match(&s.lower)
                && default_voice(&r.people, &s.stmt, r.rules) == Some(Side::Customer)
            {
                lead_in = Some((s.file_index, Listed::ToSeller));
            }
        }
        let found = judge(r, s, &seller_subject, &mut headings, listed)
            .or_else(|| accepted_ask(r, previous, s, earlier));
        earlier = previous;
        previous = Some(s);
        if let Some(found) = found {
            let Found {
                mut flag,
                line,
                own_category,
            } = found;
            // "Wen and I will be onsite. You have our word on that.": the promise
            // is the whole line, not only the sentence with the cue.
            // The sentence with the cue sets the category; its neighbours only
            // when it says nothing of its own ("You have our word on that.").
            // A yes to an ask comes with the ask's category.
            if flag.category.is_none() {
                flag.category = Some(if own_category {
                    categorize_statement(r, s)
                } else {
                    categorize(r, &line)
                });
            }
            flag.text = super::quote(&line);
            out.push(flag);
        }
    }
    out
}

/// Whether a list item follows a lead-in that makes its items promises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Listed {
    No,
    /// "The two things I agreed to:"
    AsPromise,
    /// "Per our call, you will:", written by the customer to the seller.
    ToSeller,
}

/// A commitment [`judge`] found, with what the caller needs to finish it.
struct Found {
    /// The flag, without its category and text.
    flag: Flag,
    /// The statement with its neighbours on the same line ([`line_text`]).
    line: String,
    /// Whether the statement alone sets the category, not `line`.
    own_category: bool,
}

/// Whether each heading is a promise heading ("What I told them"), asked of
/// every statement under it: the statements of one section share their
/// heading, so the last answer is kept.
#[derive(Default)]
struct HeadingMemo {
    last: Option<(std::sync::Arc<str>, Listed)>,
}

impl HeadingMemo {
    /// Whether the items under `heading` are promises: "What I told them",
    /// or a customer's "Per our call, you will:" (read by the caller in the
    /// customer's voice only).
    fn lists(&mut self, r: &Reading, heading: &std::sync::Arc<str>) -> Listed {
        match &self.last {
            // Equal text, equal answer: the pointer test only saves the compare.
            Some((last, answer))
                if std::sync::Arc::ptr_eq(last, heading) || **last == **heading =>
            {
                *answer
            }
            _ => {
                let lx = &r.rules.commitment;
                let answer = if lx.promise_heading.is_match(&**heading) {
                    Listed::AsPromise
                } else if lx.second_person.is_match(&super::normalise(heading)) {
                    Listed::ToSeller
                } else {
                    Listed::No
                };
                self.last = Some((heading.clone(), answer));
                answer
            }
        }
    }
}

/// The statement with its neighbours on the same line, joined.
fn line_text(r: &Reading, s: &Cited) -> String {
    r.beside(s)
        .map(|o| &*o.stmt.text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The side whose promise a cue at `at` expresses: the nearest person named before
/// it in the same clause, else the statement's speaker, author or writer.
pub(crate) fn voice_at(r: &Reading, s: &Cited, at: usize) -> Option<Side> {
    let lower = &s.lower;
    // "you agreed to", written by the customer: the seller is the subject.
    let before = lower[..at].trim_end();
    if (before.ends_with(" you") || before == "you")
        && default_voice(&r.people, &s.stmt, r.rules) == Some(Side::Customer)
    {
        return Some(Side::Seller);
    }
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
        .mentions_before(lower, at)
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

/// A commitment the statement makes.
///
/// Every test after the cue is found only rejects, and none has an effect,
/// so they run cheapest first: the gated cue lists (nothing to do for most
/// statements), then the voice and the request, and last the substance,
/// which reads the statement's quantities and may join its line.
fn judge(
    r: &Reading,
    s: &Cited,
    seller_subject: &SellerSubject,
    headings: &mut HeadingMemo,
    listed: Listed,
) -> Option<Found> {
    let after_lead_in = listed != Listed::No;
    let lx = &r.rules.commitment;
    let text = &s.lower;
    // Asked up to three times here: worked out once.
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
    // "she wants to pay monthly, i said that should be fine": the seller's
    // reported yes accepts the ask before it, which is then no mere request.
    let reported_yes = lx.reported_yes.find(text);
    let promise = promise.or(reported_yes);
    // "Per our call, you will configure SSO": the customer writing to the
    // seller reports the seller's promise.
    let mut heading_to_seller = false;
    let to_seller = listed == Listed::ToSeller
        || (promise.is_none()
            && lx.second_person.is_match(text)
            && default_voice(&r.people, &s.stmt, r.rules) == Some(Side::Customer));
    let promise = promise.or_else(|| lx.second_person.find(text).filter(|_| to_seller));
    // "Approved: P1 response within one hour": the label concedes the line.
    let concession = lx.concession.find(text).or_else(|| {
        s.stmt
            .speaker()
            .filter(|label| super::people::is_label(label, &lx.decision_label))
            .map(|_| (0, 0, "labelled as approved"))
    });
    let (at, cue) = match promise.or(concession) {
        Some((at, _, cue)) => (at, cue),
        // Items listed under "What I told them:" are promises without a cue of
        // their own.
        None => {
            let under_heading = match s.stmt.shared_heading().map(|h| headings.lists(r, h)) {
                Some(Listed::AsPromise) => true,
                Some(Listed::ToSeller) => {
                    let customer =
                        default_voice(&r.people, &s.stmt, r.rules) == Some(Side::Customer);
                    heading_to_seller = customer;
                    customer
                }
                _ => false,
            };
            // "Per our call, you will: 1. ... 2. ...": the customer lists what
            // the seller will do; every item is a promise, whatever its words.
            let listed_to_seller = heading_to_seller || listed == Listed::ToSeller;
            if listed_to_seller || ((under_heading || after_lead_in) && has_own_substance()) {
                (0, "listed as a promise")
            } else if super::facts::states_a_term(&super::facts::read(r.rules, text))
                || dated_go_live(r, s)
                || (r.rules.facts.included.is_match(text) && has_own_substance())
            {
                // "Your tenant sits in Frankfurt.", "Thirty minutes for a P1,
                // round the clock.": a deal term the seller states to the
                // customer is held to, whatever the verb. The voice is read at
                // the end, where the clause's subject is known ("Mr. Bhatt
                // informed that the data must be hosted in India" is his).
                (text.len(), "states a deal term")
            } else {
                return None;
            }
        }
    };
    if r.rules.context.non_statement.is_match(text) {
        return None;
    }
    let strong = lx.strong.is_match(text);
    // A capability, a kickoff date or a usual price is never a promise, however
    // strongly worded; a declined request is, when a strong cue overrides it.
    if lx.not_promise.is_match(text) || (lx.negation.is_match(text) && !strong) {
        return None;
    }
    // Items under "What we turned down" were declined, whatever they say.
    if s.stmt
        .heading()
        .is_some_and(|h| lx.negation.is_match(&r.rules.cue_text(h.to_lowercase())))
    {
        return None;
    }
    if lx.hypothetical.is_match(text) || lx.internal.is_match(text) || lx.next_step.is_match(text) {
        return None;
    }
    if lx.standard_terms.is_match(text) && concession.is_none() && !strong {
        return None;
    }
    let voice = if to_seller || heading_to_seller {
        Some(Side::Seller)
    } else {
        voice_at(r, s, at)
    };
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
    // A term stated without a verb of promise is read whole: "Sara asked
    // whether the connector could push commitments back" asks for it.
    let clause = if cue == "states a deal term" {
        0..text.len()
    } else {
        clause_around(text, at)
    };
    let accepts_ask = reported_yes
        .is_some_and(|(yes, _, _)| lx.request.find(text).is_some_and(|(ask, _, _)| ask < yes));
    if let Some((ask, _, _)) = lx.request.find_in(text, clause.clone())
        && !strong
        && !accepts_ask
        && concession.is_none()
        && (promise.is_none() || clause.start + ask < at)
    {
        return None;
    }
    let line = line_text(r, s);
    // "You have our word on that.": the promise's substance may sit in another
    // sentence of the line.
    // An explicit promise ("told Aisha we'd hand over the notes") needs no
    // category word to be one.
    let listed_to_seller = heading_to_seller || listed == Listed::ToSeller;
    // What a concession gives ("sans frais", "sin costo") is its substance,
    // and so is a promise made for this customer ("we'll switch the reminders
    // off for you"): special treatment, whatever it is about.
    let for_this_customer = promise.is_some() && lx.benefactive.is_match(text);
    if !(strong
        || listed_to_seller
        || concession.is_some()
        || for_this_customer
        || has_own_substance())
    {
        let line_lower = line.to_lowercase();
        // A line read as the statement was has the statement's substance: none.
        if line_lower == text.as_str() || !has_substance(r, &r.rules.cue_text(line_lower)) {
            return None;
        }
    }
    let flag = Flag {
        kind: FlagKind::Commitment,
        category: None,
        // Set by the caller, from the line.
        text: String::new(),
        evidence: vec![s.evidence(r)],
        speaker: s.stmt.speaker().map(str::to_string),
        cues: vec![cue.to_string()],
    };
    // A statement alone on its line is its line: which sets the category
    // cannot matter, and its substance need not be read.
    let own_category = line != *s.stmt.text && has_own_substance();
    Some(Found {
        flag,
        line,
        own_category,
    })
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
        // "pay quarterly", "hosted in Frankfurt": a deal term.
        || !super::facts::read(r.rules, lower).is_empty()
}

/// The category a CSM would file a promise under, from the promise as written.
/// Ordered from the most specific signal: a roadmap or dedicated-person promise
/// is custom even when it names a quarter; a price concession is a discount
/// even when it names a deadline; a sync is an integration; onsite work is
/// special treatment; a deadline is a timeline; what remains is scope.
pub fn categorize(r: &Reading, text: &str) -> Category {
    let text = super::conflicts::claim_text(text);
    categorize_read(r, text, &r.rules.cue_text(super::normalise(text)))
}

/// [`categorize`] of a statement's own text, reusing its lower-cased form
/// when the claim is the whole statement: that form is the same
/// `cue_text(normalise(..))` of the same text (see `Reading::read`).
fn categorize_statement(r: &Reading, s: &Cited) -> Category {
    let claim = super::conflicts::claim_text(&s.stmt.text);
    // A part of the text as long as the text is the text.
    if claim.len() == s.stmt.text.len() {
        categorize_read(r, claim, &s.lower)
    } else {
        categorize_read(r, claim, &r.rules.cue_text(super::normalise(claim)))
    }
}

/// [`categorize`] of `text`, already cut to its claim, and `lower`, its
/// normalised cue text.
fn categorize_read(r: &Reading, text: &str, lower: &CueText) -> Category {
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
    if cat.discount.is_match(lower) || states_payment_term(r, lower) {
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
    // "Three payments, fine.": a deal term without a category word. Something
    // given free is what it is (two extra sessions at no cost are scope).
    super::facts::read(r.rules, lower)
        .iter()
        .find(|f| f.topic != super::facts::Topic::Charge)
        .map_or(Category::Scope, |f| f.topic.category())
}

/// Whether the text states how or when the customer pays: instalments, a
/// billing period, payment days, the currency rate it is paid at. The rule
/// book files payment terms under `discount`, so such a term outranks the
/// scope and timeline words that share its line ("split the implementation
/// fee into three instalments: signing, pilot, go-live").
fn states_payment_term(r: &Reading, lower: &CueText) -> bool {
    use super::facts::Topic;
    // The wider reading of the conflict checks: it also reads how often and
    // when invoicing runs ("we will invoice monthly").
    super::facts::read_for_pairs(r.rules, lower)
        .iter()
        .any(|f| {
            matches!(
                f.topic,
                Topic::PaymentDays
                    | Topic::PaymentSchedule
                    | Topic::BillingPeriod
                    | Topic::BillingTiming
                    | Topic::BillingStart
                    | Topic::ExchangeRate
            )
        })
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
mod tests;
