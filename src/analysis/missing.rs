//! Missing context: the required handoff facts that neither `deal.toml` nor the
//! text supplies. Each becomes a question for the AE.

use super::Reading;
use super::model::{Goal, Missing, Side, Stakeholder};
use super::quantity::{Quantity, find_quantities_from, find_quantities_wide, may_hold_date};
use crate::bundle::FileRole;
use crate::bundle::readers::Format;
use regex::Regex;
use std::sync::LazyLock;

pub fn find(r: &Reading, goals: &[Goal], stakeholders: &[Stakeholder]) -> Vec<Missing> {
    let deal = &r.bundle.deal;
    let ctx = &r.rules.context;
    let mut out = Vec::new();
    let has_notes = r
        .bundle
        .files
        .iter()
        .any(|f| f.role == FileRole::Notes && !f.text.trim().is_empty());
    if !has_notes {
        out.push(Missing::DealNotes);
    }
    if r.bundle.scope().is_none() {
        out.push(Missing::SignedScope);
    }
    if goals.is_empty() {
        out.push(Missing::CustomerGoals);
    }
    let criteria_in_crm = deal
        .first_value
        .as_ref()
        .is_some_and(|f| f.criteria.is_some())
        || deal.goals.iter().any(|g| g.measure.is_some());
    let success_in_text = r
        .said
        .iter()
        .any(|s| r.rules.goal.success.is_match(&s.lower));
    // A goal that names the level to reach ("I want that under forty") says how
    // success is measured, though its figure stands before the want word or
    // no target word is near it.
    let figure_goal = goals.iter().any(|g| {
        let lower = r.rules.cue_text(super::normalise(&g.text));
        r.rules.goal.figure_target.is_match(&lower) || r.rules.goal.measured.is_match(&lower)
    });
    if !criteria_in_crm && !success_in_text && !figure_goal && !goals.iter().any(|g| g.measurable) {
        out.push(Missing::SuccessCriteria);
    }
    let mapped = stakeholders
        .iter()
        .filter(|s| s.side == Side::Customer && (s.title.is_some() || s.role.is_some()))
        .count();
    if mapped < 2 {
        out.push(Missing::StakeholderMap);
    }
    if !stakeholders
        .iter()
        .any(|s| s.side == Side::Customer && s.executive_sponsor)
    {
        out.push(Missing::ExecutiveSponsor);
    }
    // Extra CRM fields count too: `ehr = "athenahealth"` states a system.
    let states_needs = |l: &crate::rules::CueText| {
        ctx.implementation.is_match(l) || r.rules.systems.names.is_match(l)
    };
    let needs_stated = r.said.iter().any(|s| states_needs(&s.lower))
        || deal
            .extra
            .iter()
            .any(|(k, v)| states_needs(&r.rules.cue_text(format!("{k} {v}").to_lowercase())));
    if !needs_stated {
        out.push(Missing::ImplementationRequirements);
    }
    if deal.kickoff.is_none() && !dated_mention(r, &[&ctx.kickoff, &ctx.kickoff_languages], true) {
        out.push(Missing::KickoffDate);
    }
    let fv_in_crm = deal.first_value.as_ref().is_some_and(|f| f.date.is_some());
    // A dated customer want with an outcome ("wants to run check-in at the gala
    // on April 18") names a first-value milestone as well as a cue does.
    if !fv_in_crm
        && !dated_mention(r, &[&ctx.first_value, &ctx.first_milestone_languages], true)
        && !dated_mention(r, &[&r.rules.goal.first_outcome], false)
        && !dated_mention(r, &[&ctx.part_live], true)
    {
        out.push(Missing::FirstValueMilestone);
    }
    let named_as = |lexicon: &crate::rules::Lexicon| {
        r.people.persons.iter().any(|p| {
            p.side != Some(Side::Customer)
                && (p.title.as_deref().is_some_and(|t| lexicon.is_match(t))
                    || r.said.iter().any(|s| {
                        lexicon.is_match(&s.lower) && s.lower.contains(&p.name.to_lowercase())
                    }))
        }) || named_beside(r, lexicon)
            || given_to_reader(r, lexicon)
    };
    if deal.ae.is_none() && !named_as(&r.rules.people.ae_cues) {
        out.push(Missing::Ae);
    }
    if deal.csm.is_none() && !named_as(&r.rules.people.csm_cues) {
        out.push(Missing::Csm);
    }
    out
}

/// The statement, or one just before it, carries a date: "the spring gala is
/// april 18 and keisha wants to run check-in" wraps over two lines.
fn dated_nearby(r: &Reading, s: &super::Cited, wide: bool) -> bool {
    // The sentence, its neighbours, and the last sentence of the line before.
    let previous = r
        .on_line(s.file_index, s.stmt.line.saturating_sub(1))
        .next_back();
    let dated = |text: &str, wide: bool| {
        let found = if wide {
            find_quantities_wide(text, r.reference)
        } else if may_hold_date(text) {
            find_quantities_from(text, r.reference)
        } else {
            return false;
        };
        found
            .iter()
            .any(|f| matches!(f.quantity, Quantity::Date { .. }))
    };
    // The statement's own date may take the wide forms ("April first",
    // "1.03.2027"): a date is due beside a kickoff or milestone word. Its
    // neighbours' may not: a chat's day-first time stamp is no such date.
    dated(&s.stmt.text, wide)
        || r.beside(s)
            .chain(previous)
            .any(|o| dated(&o.stmt.text, false))
}

/// A statement that names the event with a concrete date ("kickoff the week of
/// Nov 17"), not one that defers it ("kickoff soon", "once the CAB date is known").
/// The event may be named by the heading the statement stands under ("## First
/// value", then "- dashboards live for both plants by 26/02").
fn dated_mention(r: &Reading, cues: &[&crate::rules::Lexicon], wide: bool) -> bool {
    let ctx = &r.rules.context;
    let names = |text: &str| {
        cues.iter()
            .any(|cue| names_event(&ctx.event_reference, cue, text))
    };
    let settled = |lower: &crate::rules::CueText| {
        !lower.trim_end().ends_with('?')
            && !ctx.non_statement.is_match(lower)
            && !r.rules.commitment.hypothetical.is_match(lower)
            && !ctx.undated.is_match(lower)
            && !ctx.unfixed.is_match(lower)
    };
    r.said.iter().any(|s| {
        (names(&s.lower)
            || s.stmt
                .heading()
                .is_some_and(|h| names(&r.rules.cue_text(h.to_lowercase()))))
            && settled(&s.lower)
            && dated_nearby(r, s, wide)
    }) || dated_table_row(r, &|cell| {
        let lower = r.rules.cue_text(cell.to_lowercase());
        names(&lower) && settled(&lower) && !ctx.task_opening.is_match(&lower)
    })
}

/// A row of a plan table (a mutual action plan's CSV export, a Markdown
/// table) whose one cell names the event and another holds only its date:
/// "Kickoff,Implementation,Owner,Working on it,2026-11-23" or "| First value:
/// dashboards live | Owner | 26/02/2027 |". The reader keeps only the row's
/// prose cells as statements, so the event's name and its due date never
/// stand in one. A cell with a clock time is when a record was written (a
/// CRM export's "2026-12-11 16:40"), not a date the row gives.
fn dated_table_row(r: &Reading, names: &dyn Fn(&str) -> bool) -> bool {
    r.bundle
        .files
        .iter()
        .filter(|f| f.role != FileRole::Scope)
        .any(|f| {
            let csv = f.format == Format::Csv;
            f.text.lines().any(|line| {
                let cells = table_cells(line, csv);
                cells.len() >= 3
                    && cells.iter().any(|c| names(c))
                    && cells.iter().any(|c| date_only(c, r.reference))
            })
        })
}

/// The cells of a table row: a CSV record's fields, or the cells between a
/// Markdown row's bars. Anything else is no row.
fn table_cells(line: &str, csv: bool) -> Vec<String> {
    let trimmed = line.trim();
    if trimmed.starts_with('|') {
        return trimmed
            .trim_matches('|')
            .split('|')
            .map(|c| c.trim().to_string())
            .collect();
    }
    if !csv {
        return Vec::new();
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(trimmed.as_bytes());
    let mut record = csv::StringRecord::new();
    match reader.read_record(&mut record) {
        Ok(true) => record.iter().map(|c| c.trim().to_string()).collect(),
        _ => Vec::new(),
    }
}

/// A cell that is a date and nothing more ("26/02/2027", "W14 2027", "Jan
/// 15"), without a clock time.
fn date_only(cell: &str, reference: jiff::civil::Date) -> bool {
    static CLOCK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\d{1,2}:\d{2}").expect("clock pattern"));
    // A date cell is short: a longer one is prose that mentions a date.
    const MOST: usize = 24;
    if cell.is_empty() || cell.len() > MOST || CLOCK.is_match(cell) {
        return false;
    }
    find_quantities_wide(cell, reference).iter().any(|f| {
        matches!(f.quantity, Quantity::Date { .. })
            && cell[..f.start].trim().len() + cell[f.end..].trim().len() <= 2
    })
}

/// The statement names the event itself, not only as the point another is
/// reckoned from ("Phase 1 live twelve weeks from kickoff", "check this before
/// kickoff"): such a mention dates the other thing, never the event.
fn names_event(
    reference: &crate::rules::Lexicon,
    cue: &crate::rules::Lexicon,
    lower: &str,
) -> bool {
    cue.find_all(lower)
        .into_iter()
        .any(|(start, _)| !reference.is_match(&lower[..start]))
}

/// A statement that names who holds the role `lexicon` describes, beside the
/// role word ("CSM: Karthik Subramanian", "Wambui Kariuki (CSM)"), though the
/// name appears nowhere else: the team member is named, so not missing.
/// Questions and hypotheticals name no one ("who will our CSM be?").
fn named_beside(r: &Reading, lexicon: &crate::rules::Lexicon) -> bool {
    r.said.iter().any(|s| {
        !s.lower.trim_end().ends_with('?')
            && !r.rules.commitment.hypothetical.is_match(&s.lower)
            && lexicon.find_all(&s.lower).into_iter().any(|(start, end)| {
                super::people::name_beside_role(&s.stmt.text, start, end).is_some()
            })
    })
}

/// A statement that gives the role to the one the message is written to ("You
/// are the CSM on this one", "te paso la cuenta como CSM"): a handoff note
/// names its reader by its greeting, header or mention, so the role is held.
fn given_to_reader(r: &Reading, lexicon: &crate::rules::Lexicon) -> bool {
    // The role word a few words from the giving: "you're in good hands with
    // customer success" gives no one the role.
    const NEAR: usize = 18;
    r.said.iter().any(|s| {
        if s.lower.trim_end().ends_with('?') || r.rules.commitment.hypothetical.is_match(&s.lower) {
            return false;
        }
        let roles = lexicon.find_all(&s.lower);
        !roles.is_empty()
            && r.rules
                .people
                .addressed_role
                .find_all(&s.lower)
                .into_iter()
                .any(|(start, end)| {
                    roles.iter().any(|&(role_start, role_end)| {
                        (role_start >= end && role_start - end <= NEAR)
                            || (role_end <= start && start - role_end <= NEAR)
                    })
                })
    })
}
