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
    // One risk a line: the sentences of one line are one mention of it.
    out.extend(r.first_a_line(|s| judge(r, s)));
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
    // The families without a cue word, each named for `baton explain`.
    let family = || {
        [
            ("doubt", &lx.doubt),
            ("price pressure", &lx.price_pressure),
            ("failed before", &lx.failed_before),
            ("leaving", &lx.leaving),
            ("pending", &lx.pending),
            ("event deadline", &lx.event_deadline),
            ("system change", &lx.system_change),
            ("budget missing", &lx.budget_missing),
            ("data gap", &lx.data_gap),
            ("lost if late", &lx.lost_if_late),
        ]
        .into_iter()
        .find_map(|(name, l)| l.find(text).map(|(_, _, m)| format!("{name}: {m}")))
        .or_else(|| customer_pressure(r, s))
        .or_else(|| objection_asked(r, s))
        .or_else(|| budget_gap(r, s))
    };
    let cue = match strong {
        Some((_, _, cue)) => cue.to_string(),
        None if let Some(reason) = family() => reason,
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

/// The families a seller's own turn does not carry: a competitor's price set
/// against the deal (unless the same statement disarms it) and a date set by
/// a season or an outside event. Said by the seller, the one is a demo's
/// comparison and the other the seller's plan or promise.
fn customer_pressure(r: &Reading, s: &Cited) -> Option<String> {
    let lx = &r.rules.risk;
    let text = &s.lower;
    let competitor = lx
        .competitor_price
        .find(text)
        // The disarming clause is often the next sentence ("Didn't like their app.").
        .filter(|_| {
            !r.beside(s)
                .any(|b| lx.competitor_disarmed.is_match(&b.lower))
        })
        .map(|(_, _, m)| format!("competitor price: {m}"));
    let found = competitor.or_else(|| {
        lx.season_deadline
            .find(text)
            .map(|(_, _, m)| format!("season deadline: {m}"))
    })?;
    let seller_turn = s.stmt.speaker().is_some()
        && r.people.speaker_side(&s.stmt, r.rules) == Some(super::model::Side::Seller);
    (!seller_turn).then_some(found)
}

/// A customer's objection asked as a question ("Why would I pay per site?").
fn objection_asked(r: &Reading, s: &Cited) -> Option<String> {
    let text = &s.lower;
    if !text.contains('?') {
        return None;
    }
    let (_, _, m) = r.rules.risk.objection_question.find(text)?;
    (super::people::default_voice(&r.people, &s.stmt, r.rules)
        == Some(super::model::Side::Customer))
    .then(|| format!("objection asked: {m}"))
}

/// The customer's budget, stated as a figure below the deal's value: a gap a
/// careful reader sees only by comparing the two.
fn budget_gap(r: &Reading, s: &Cited) -> Option<String> {
    let amount = r.bundle.deal.amount.filter(|a| *a > 0.0)?;
    r.rules.risk.budget.find(&s.lower)?;
    let budget = super::quantity::find_quantities_from(&s.stmt.text, r.reference)
        .into_iter()
        .filter_map(|f| match f.quantity {
            super::quantity::Quantity::Money {
                amount, per: None, ..
            } => Some(amount),
            _ => None,
        })
        .fold(None, |max: Option<f64>, a| {
            Some(max.map_or(a, |m| m.max(a)))
        })?;
    // A budget a fifth of the deal or less is a line item, not the budget.
    (budget < amount && budget * 5.0 > amount)
        .then(|| format!("budget {budget} below the deal's {amount}"))
}
