//! Goals, kept in two kinds (decision rule 3): buyer goals are business outcomes
//! the buyer pays for; user goals are what the people using the product day to
//! day need in their workflow.

use super::model::{Evidence, Goal, GoalKind, Side};
use super::people::default_voice;
use super::quantity::{Quantity, find_quantities_from, may_hold_date};
use super::{Cited, Reading};
use crate::rules::cues::CueSet;
use crate::rules::{CueText, Haystack};
use regex::Regex;
use std::sync::LazyLock;

/// A number, a percentage or a comparison makes a goal measurable.
static MEASURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\d|%|\b(?:half|double|twice|triple|same day)\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|fifty|hundred|a quarter) (?:\w+ )?(?:days?|weeks?|months?|hours?|minutes?|percent|points?|times)\b|\b(?:under|within|below|less than|more than|at most|at least) an? (?:day|week|month|hour|minute|quarter|year)\b")
        .unwrap()
});

pub fn find(r: &Reading) -> Vec<Goal> {
    let mut out: Vec<Goal> = r
        .bundle
        .deal
        .goals
        .iter()
        .map(|g| {
            let lower = g.text.to_lowercase();
            Goal {
                kind: match g.kind.as_deref() {
                    Some("user") => GoalKind::User,
                    Some("buyer") => GoalKind::Buyer,
                    _ => classify(r, &lower, ""),
                },
                text: g.text.clone(),
                evidence: vec![Evidence::crm(g.line)],
                measurable: g.measure.is_some() || MEASURE.is_match(&lower),
            }
        })
        .collect();
    // One goal a line: the sentences of one line are one mention of it.
    out.extend(r.first_a_line(|s| judge(r, s)));
    out
}

/// Whether a goal's text says how it will be measured (a number, a target),
/// where a date is no measure: "run check-in on the night of April 18"
/// names when, not how much.
pub(crate) fn is_measured_beyond_dates(r: &Reading, text: &str) -> bool {
    let dates: Vec<std::ops::Range<usize>> = if may_hold_date(text) {
        find_quantities_from(text, r.reference)
            .into_iter()
            .filter(|f| matches!(f.quantity, Quantity::Date { .. }))
            .map(|f| f.start..f.end)
            .collect()
    } else {
        Vec::new()
    };
    MEASURE.find_iter(text).any(|m| {
        !dates
            .iter()
            .any(|d| d.start <= m.start() && m.end() <= d.end)
    })
}

fn judge(r: &Reading, s: &Cited) -> Option<Goal> {
    let lx = &r.rules.goal;
    let text = &s.lower;
    // A want, or a measured target or an item under a goals heading, whatever
    // its verb: the whole statement is what is wanted.
    let stated = || {
        let under_heading = s
            .stmt
            .heading()
            .is_some_and(|h| lx.heading.is_match(&crate::analysis::normalise(h)));
        (lx.target.is_match(text) || under_heading).then_some((0, 0, ""))
    };
    let worded = lx.want.find(text).or_else(|| lx.success.find(text));
    let (at, _, _) = match worded {
        Some(found) => found,
        None => {
            let found = stated()?;
            // An item that only its heading or its target makes a goal, which
            // the seller puts off on the same line ("I said let's see how the
            // first two go first"), is a parked request.
            if r.beside(s).any(|o| lx.deferred.is_match(&o.lower)) {
                return None;
            }
            found
        }
    };
    if r.rules.context.non_statement.is_match(text) || lx.not_goal.is_match(text) {
        return None;
    }
    // The seller asking what the customer needs ("Can the Trust describe what
    // office staff need day to day?") states no want: the answer does.
    if text.trim_end().ends_with('?')
        && default_voice(&r.people, &s.stmt, r.rules) == Some(Side::Seller)
    {
        return None;
    }
    // "We want ..." is the seller's hope unless a customer is the one saying it.
    if lx.seller_wish.is_match(text)
        && default_voice(&r.people, &s.stmt, r.rules) != Some(Side::Customer)
    {
        return None;
    }
    // A want with nothing to achieve ("I want Dmitri.") is not a goal. Asked
    // before who wants it, which is far dearer to tell.
    let object_words = text[at..].split_whitespace().count();
    if object_words < 4 {
        return None;
    }
    let subject = Before {
        text: &text[..at],
        whole: text,
    };
    let user_subject = lx.user_subjects.is_match(&subject);
    // A goal is the customer's: a seller's hope is not one. Only an explicit
    // seller (a seller speaking, or named as the one who wants) rules it out.
    if !user_subject && wanted_by(r, s, at) == Some(Side::Seller) {
        return None;
    }
    // A level to reach ("below one thousand", "from 81% to 95%") is a measure
    // and an outcome, in words or figures.
    let level = lx.figure_target.is_match(text);
    let measurable = level || MEASURE.is_match(&text[at..]);
    // A dated want ("in place before the examiners arrive") is a risk; it is a
    // goal too only when it also states a measurable outcome. That is asked
    // first: reading the statement for dates is the dearest test here.
    let outcome = measurable && (lx.buyer.is_match(text) || lx.target.is_match(text) || level);
    let dated = || {
        r.rules.goal.dated.is_match(text)
            || (may_hold_date(&s.stmt.text)
                && find_quantities_from(&s.stmt.text, r.reference)
                    .iter()
                    .any(|f| matches!(f.quantity, Quantity::Date { .. })))
    };
    if !outcome && dated() {
        return None;
    }
    Some(Goal {
        kind: by_vocabulary(r, text, user_subject),
        text: s.quoted(),
        evidence: vec![s.evidence(r)],
        // A measure in the customer's language ("cero observaciones") says how
        // a goal is measured; it never makes a dated want a goal above.
        measurable: measurable || lx.measured.is_match(text),
    })
}

/// Who wants it: the speaker of a turn, else the person named as its subject
/// (possessives count: "Dominic's target"), else the first person in a seller's
/// own notes ("we want this signed").
fn wanted_by(r: &Reading, s: &Cited, at: usize) -> Option<Side> {
    let clause_start = s.lower[..at]
        .rfind(['.', ';', '?', '!'])
        .map_or(0, |i| i + 1);
    // "bas: marleen (COO) wants ...": the person named as subject wants it, even
    // when someone else reports it.
    let named = r
        .people
        .mentions(&s.lower)
        .into_iter()
        .rev()
        .find(|(start, _, _)| *start >= clause_start && *start < at)
        .and_then(|(_, _, p)| p.side);
    if named.is_some() {
        return named;
    }
    let clause = &s.lower[clause_start..at];
    let first_person = clause
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .any(|w| matches!(w, "we" | "i" | "we'd" | "i'd" | "our" | "my"));
    if s.stmt.speaker().is_some() {
        // A turn's own wants are the speaker's; a reported third party's are not
        // the reporter's.
        return if first_person || clause.trim().is_empty() {
            r.people.speaker_side(&s.stmt, r.rules)
        } else {
            None
        };
    }
    if first_person {
        return match s.stmt.author() {
            Some(author) => r.people.find(author).and_then(|p| p.side),
            None => default_voice(&r.people, &s.stmt, r.rules),
        };
    }
    None
}

/// The part of a statement before its want. Every match of a cue list holds
/// one of the list's literals, so a list the whole statement's scan rules out
/// cannot match a part of it either: the part is searched on the whole's cue
/// set instead of running every list on it.
struct Before<'t> {
    text: &'t str,
    whole: &'t CueText,
}

impl Haystack for Before<'_> {
    fn text(&self) -> &str {
        self.text
    }
    fn may_match(&self, bit: CueSet) -> bool {
        self.whole.may_match(bit)
    }
    fn known_lower(&self) -> bool {
        self.whole.known_lower()
    }
}

/// Buyer or user: who needs it (a user role as subject), then which vocabulary
/// dominates, business outcome or workflow.
pub fn classify<T, S>(r: &Reading, text: &T, subject: &S) -> GoalKind
where
    T: Haystack + ?Sized,
    S: Haystack + ?Sized,
{
    by_vocabulary(r, text, r.rules.goal.user_subjects.is_match(subject))
}

/// [`classify`], with whether the subject is a user role already known.
fn by_vocabulary<T: Haystack + ?Sized>(r: &Reading, text: &T, user_subject: bool) -> GoalKind {
    let lx = &r.rules.goal;
    if user_subject {
        return GoalKind::User;
    }
    let buyer = lx.buyer.find_all(text).len();
    let user = lx.user.find_all(text).len() + usize::from(lx.user_subjects.is_match(text));
    if user > buyer {
        GoalKind::User
    } else {
        GoalKind::Buyer
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Rules, lower_in_place};

    /// A part searched on the whole statement's cue set finds what the part
    /// searched alone finds, at every cut of tricky statements.
    #[test]
    fn a_part_on_the_whole_cue_set_matches_as_the_part_alone() {
        let rules = Rules::builtin();
        let lx = &rules.goal;
        let texts = [
            "Dispatchers need to reassign a sick tech's jobs by dragging them.",
            "the field techs and reps want to log visits offline",
            "Our CFO wants revenue reporting cut to 2 days, managers need dashboards",
            "agents' supervisors need a “single view” of the caseload — today",
            "STAFF WANT SHIFT SWAPS ON THEIR PHONES",
            "Les employés veulent Ærø and İstanbul crews need rosters",
            "users\u{212A} want the \u{17F}ame report, nurses-only want it",
            "",
        ];
        for written in texts {
            let whole = rules.cue_text(lower_in_place(written).into_owned());
            for (cut, _) in whole.char_indices().chain([(whole.len(), ' ')]) {
                let part = &whole[..cut];
                let before = Before {
                    text: part,
                    whole: &whole,
                };
                for list in [&lx.user_subjects, &lx.buyer, &lx.user, &lx.want] {
                    assert_eq!(list.is_match(&before), list.is_match(part), "{part:?}");
                    assert_eq!(list.find_all(&before), list.find_all(part), "{part:?}");
                }
            }
        }
    }
}
