//! Risks: anything that threatens the implementation or the relationship, whoever
//! says it: blockers, pending approvals, absent sponsors, sceptics, a champion who
//! may leave, failed past projects, hard deadlines, legacy data, sensitivities.

use super::model::{Evidence, Flag, FlagKind};
use super::{Cited, Reading};

pub fn find(r: &Reading) -> Vec<Flag> {
    let mut out: Vec<Flag> = r
        .bundle
        .deal
        .risks
        .iter()
        .map(|risk| Flag {
            kind: FlagKind::Risk,
            category: None,
            text: risk.text.clone(),
            evidence: vec![Evidence::crm(risk.line)],
            speaker: None,
            cues: vec!["logged in the CRM".into()],
        })
        .collect();
    out.extend(r.said.iter().filter_map(|s| judge(r, s)));
    out
}

fn judge(r: &Reading, s: &Cited) -> Option<Flag> {
    let lx = &r.rules.risk;
    let text = &s.lower;
    // The cue first: most statements have none, and stop here.
    let strong = lx.cues.find(text);
    let weak = if strong.is_none() {
        lx.weak.find_all(text)
    } else {
        Vec::new()
    };
    let cue = match strong {
        Some((_, _, cue)) => cue.to_string(),
        // Two weak signals ("review" + "not yet") make a risk; one does not.
        None if weak.len() >= 2 => weak
            .iter()
            .map(|&(a, b)| &text[a..b])
            .collect::<Vec<_>>()
            .join(" + "),
        None => return None,
    };
    if r.rules.context.non_statement.is_match(text)
        || lx.not_risk.is_match(text)
        || s.is_process_step(r)
    {
        return None;
    }
    // An objection settled in the same sentence is not a risk, unless it was
    // settled only by a concession.
    // "accepted the price but pushed back on the term" is not settled.
    let settled = lx.settled.find(text).is_some_and(|(start, end, _)| {
        let before = text[..start].trim_end();
        // "hasn't signed off" is not settled.
        let negated =
            before.ends_with("n't") || before.ends_with(" not") || before.ends_with(" never");
        !negated && !text[end..].contains(" but ")
    });
    if settled && !r.rules.commitment.concession.is_match(text) {
        return None;
    }
    Some(Flag {
        kind: FlagKind::Risk,
        category: None,
        text: s.quoted(),
        evidence: vec![s.evidence(r)],
        speaker: s.stmt.speaker().map(str::to_string),
        cues: vec![cue],
    })
}
