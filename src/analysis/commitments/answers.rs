//! Promises made without a verb of promise: a seller's short yes to the
//! customer's ask ("Quarterly's fine."), and a go-live stated with its date
//! ("Live by the end of February.").

use super::{Found, categorize, has_substance, line_text};
use crate::analysis::model::{Flag, FlagKind, Side};
use crate::analysis::people::default_voice;
use crate::analysis::quantity::{Quantity, find_quantities_from};
use crate::analysis::{Cited, Reading};

/// A seller's short yes ("Quarterly's fine.", "Three payments, fine.") to the
/// customer's ask just before it, in the same file: the yes promises what was
/// asked. The ask must name something a promise can be about; the yes must be
/// short, or it would carry its own cue.
///
/// A call also confirms by echo ("Even Sunday?" "Even Sunday."), and a short
/// question may follow up on the seller's promise just before it ("Support
/// is there 24/7." "Weekends also?" "Yes, weekends also."): then the promise
/// (`earlier`, the statement before the ask) gives the yes its substance.
pub(super) fn accepted_ask(
    r: &Reading,
    ask: Option<&Cited>,
    yes: &Cited,
    earlier: Option<&Cited>,
) -> Option<Found> {
    let lx = &r.rules.commitment;
    let text = &yes.lower;
    if text.split_whitespace().count() > 14 || text.trim_end().ends_with('?') {
        return None;
    }
    let (at, _, _) = lx
        .acceptance
        .find(text)
        .or_else(|| ask.filter(|a| echoes(&a.lower, text)).map(|_| (0, 0, "")))?;
    // The yes opens its statement, or follows its figure ("Sixty's fine").
    if at > 40
        || lx.negation.is_match(text)
        || lx.hypothetical.is_match(text)
        || default_voice(&r.people, &yes.stmt, r.rules) != Some(Side::Seller)
    {
        return None;
    }
    // The customer's ask just before, in the same file.
    let ask = ask.filter(|a| {
        a.file_index == yes.file_index
            && (a.lower.trim_end().ends_with('?') || lx.request.is_match(&a.lower))
            && default_voice(&r.people, &a.stmt, r.rules) == Some(Side::Customer)
    });
    // A yes that names the term it accepts ("Net 45's fine.") stands alone;
    // any other needs the ask, and something a promise can be about.
    let names_term = !crate::analysis::facts::read(r.rules, text).is_empty();
    // The seller's promise a short question follows up on, just before it.
    let followed_up = earlier.filter(|p| {
        ask.is_some_and(|a| a.lower.split_whitespace().count() <= FOLLOW_UP_WORDS)
            && p.file_index == yes.file_index
            && has_substance(r, &p.lower)
            && default_voice(&r.people, &p.stmt, r.rules) == Some(Side::Seller)
    });
    let (line, category) = match ask {
        Some(ask) if has_substance(r, &ask.lower) || has_substance(r, text) => {
            // The yes alone says nothing ("Agreed, 60 days."): the ask goes
            // with it, for the reader and for the scope it is compared with.
            let line = format!("{} (asked: {})", line_text(r, yes), ask.stmt.text);
            let category = categorize(r, &format!("{} {line}", ask.stmt.text));
            (line, category)
        }
        Some(ask) if let Some(promise) = followed_up => {
            let line = format!(
                "{} (asked: {}, after: {})",
                line_text(r, yes),
                ask.stmt.text,
                promise.stmt.text
            );
            let category = categorize(r, &format!("{} {}", promise.stmt.text, ask.stmt.text));
            (line, category)
        }
        _ if names_term => {
            let line = line_text(r, yes);
            let category = categorize(r, &line);
            (line, category)
        }
        _ => return None,
    };
    Some(Found {
        flag: Flag {
            kind: FlagKind::Commitment,
            category: Some(category),
            text: String::new(),
            evidence: vec![yes.evidence(r)],
            speaker: yes.stmt.speaker().map(str::to_string),
            cues: vec!["agreed to the customer's ask".into()],
        },
        line,
        own_category: false,
    })
}

/// The most words of a question that follows up on a promise without
/// naming its own substance ("Even on Sunday?", "And the weekends also?").
const FOLLOW_UP_WORDS: usize = 8;

/// Whether `answer` repeats the short question `ask` ("Even Sunday?" "Even
/// Sunday."): every word of it of three letters or more is one of the ask's.
fn echoes(ask: &str, answer: &str) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_string)
            .collect()
    };
    let (asked, said) = (words(ask), words(answer));
    ask.trim_end().ends_with('?')
        && ask.split_whitespace().count() <= FOLLOW_UP_WORDS
        && !said.is_empty()
        && said.iter().all(|w| asked.contains(w))
}

/// A go-live with its date or duration ("Live by the end of February.",
/// "safeguarding live 6 wks from kickoff"): in the seller's voice, a promise.
pub(super) fn dated_go_live(r: &Reading, s: &Cited) -> bool {
    r.rules.facts.go_live.is_match(&s.lower)
        && find_quantities_from(&s.stmt.text, r.reference)
            .iter()
            .any(|f| {
                matches!(
                    f.quantity,
                    Quantity::Date { .. } | Quantity::Duration { .. }
                )
            })
}
