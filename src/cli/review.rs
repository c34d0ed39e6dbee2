//! The review commands: each parses its arguments into one library
//! [`Command`], runs it through `Workspace::run` (one transaction, the same
//! path the TUI takes) and prints one line per event.

use super::session::{self, Global, parse_date};
use baton::handoff::commands::{Criteria, Milestone, ReturnReason};
use baton::handoff::dismiss::Dismissal;
use baton::handoff::items::{CommitmentOutcome, GoalKind, Resolution, RiskStatus};
use baton::handoff::{Command, Ctx, ItemKind};

pub(super) fn bad(what: &str, value: &str, expected: &str) -> String {
    format!(
        "{what} {}: expected {expected}",
        baton::text::sanitize(value)
    )
}

/// Run one command and report what happened.
pub(super) fn run(
    global: &Global,
    deal: &str,
    ctx_for: impl FnOnce(&session::Session) -> Result<Ctx, String>,
    command: impl FnOnce(&Ctx) -> Command,
) -> Result<(), String> {
    let mut s = session::open(global)?;
    let ctx = ctx_for(&s)?;
    let (h, change) =
        s.ws.run(&ctx, deal, &command(&ctx))
            .map_err(|e| e.to_string())?;
    let mut out = String::new();
    for (kind, p) in &change.events {
        let line = baton::handoff::describe(*kind, p);
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&format!("{}: {}\n", h.deal.id, h.status));
    session::print(&out)
}

pub(super) fn actor(s: &session::Session) -> Result<Ctx, String> {
    s.ctx()
}

pub fn review(
    g: &Global,
    deal: &str,
    item: &str,
    decision: &str,
    note: &str,
) -> Result<(), String> {
    let outcome = CommitmentOutcome::parse(decision)
        .ok_or_else(|| bad("decision", decision, "accept, reject or send-to-ae"))?;
    run(g, deal, actor, |_| Command::Review {
        item: item.into(),
        outcome,
        note: note.into(),
    })
}

pub fn resolve(
    g: &Global,
    deal: &str,
    item: &str,
    resolution: &str,
    note: &str,
) -> Result<(), String> {
    let r = Resolution::parse(resolution).ok_or_else(|| {
        bad(
            "resolution",
            resolution,
            "scope-stands, notes-stand or clarified",
        )
    })?;
    run(g, deal, actor, |_| Command::Resolve {
        item: item.into(),
        resolution: r,
        note: note.into(),
    })
}

pub fn owner(
    g: &Global,
    deal: &str,
    item: &str,
    name: &str,
    due: Option<&str>,
    status: &str,
) -> Result<(), String> {
    let due = due.map(|d| parse_date("--due", d)).transpose()?;
    let st = RiskStatus::parse(status)
        .ok_or_else(|| bad("--status", status, "open, mitigated or accepted"))?;
    run(g, deal, actor, |_| Command::OwnRisk {
        item: item.into(),
        owner: name.into(),
        due,
        status: st,
    })
}

pub fn answer(g: &Global, deal: &str, item: &str, text: &str) -> Result<(), String> {
    run(g, deal, actor, |_| Command::Answer {
        item: item.into(),
        text: text.into(),
    })
}

pub fn goal(g: &Global, deal: &str, item: &str, kind: &str) -> Result<(), String> {
    let k = GoalKind::parse(kind).ok_or_else(|| bad("--kind", kind, "buyer or user"))?;
    run(g, deal, actor, |_| Command::ClassifyGoal {
        item: item.into(),
        kind: k,
    })
}

/// Dismiss an item: `--duplicate-of ID` or `--not-a KIND` (clap requires
/// exactly one).
pub fn dismiss(
    g: &Global,
    deal: &str,
    item: &str,
    duplicate_of: Option<&str>,
    not_a: Option<&str>,
    reason: &str,
) -> Result<(), String> {
    let dismissal = match (duplicate_of, not_a) {
        (Some(of), _) => Dismissal::Duplicate { of: of.into() },
        (None, Some(kind)) => {
            let kind = ItemKind::parse(kind.trim())
                .filter(|k| {
                    matches!(
                        k,
                        ItemKind::Commitment | ItemKind::Conflict | ItemKind::Risk
                    )
                })
                .ok_or_else(|| bad("--not-a", kind, "commitment, conflict or risk"))?;
            Dismissal::NotA { kind }
        }
        (None, None) => return Err("dismiss needs --duplicate-of ID or --not-a KIND".into()),
    };
    run(g, deal, actor, |_| Command::Dismiss {
        item: item.into(),
        dismissal,
        reason: reason.into(),
    })
}

pub fn confirm(g: &Global, deal: &str, which: &str) -> Result<(), String> {
    let w = Criteria::parse(which)
        .ok_or_else(|| bad("criteria", which, "success-criteria or first-value"))?;
    run(g, deal, actor, |_| Command::Confirm(w))
}

pub fn return_to_ae(g: &Global, deal: &str, reason: &str, note: &str) -> Result<(), String> {
    let r = ReturnReason::parse(reason).ok_or_else(|| {
        bad(
            "--reason",
            reason,
            "missing-context, scope-conflict, no-first-value or other",
        )
    })?;
    run(g, deal, actor, |_| Command::ReturnToAe {
        reason: r,
        note: note.into(),
    })
}

pub fn resubmit(g: &Global, deal: &str) -> Result<(), String> {
    run(g, deal, actor, |_| Command::Resubmit {
        via: "command".into(),
    })
}

pub fn milestone(g: &Global, deal: &str, which: &str, date: &str) -> Result<(), String> {
    let m = Milestone::parse(which).ok_or_else(|| {
        bad(
            "milestone",
            which,
            "kickoff-held, kickoff-moved or first-value-reached",
        )
    })?;
    let d = parse_date("--date", date)?;
    run(g, deal, actor, |_| Command::Milestone { which: m, date: d })
}

/// Approve in the acting person's own role (`--role` or config), in their
/// own name (`--as` or config): who may sign is the domain's rule.
pub fn approve(g: &Global, deal: &str) -> Result<(), String> {
    let ctx_for = |s: &session::Session| -> Result<Ctx, String> {
        let ctx = s.ctx()?;
        if ctx.actor.role.is_none() {
            return Err("approve needs a role: pass --role ae|csm or set [identity] role".into());
        }
        Ok(ctx)
    };
    run(g, deal, ctx_for, |c| {
        Command::Approve(c.actor.role.expect("ctx_for refuses a missing role"))
    })
}
