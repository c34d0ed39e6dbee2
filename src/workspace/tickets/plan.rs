//! Which ticket belongs to which handoff, and which become escalations: a pure
//! function of the tickets, the handoffs and the config, so every rule is
//! tested without a workspace.

use super::config::TicketConfig;
use super::read::Ticket;
use crate::handoff::outcomes::{Desk, Escalation, Severity, Source, TicketRef};
use jiff::civil::Date;
use std::collections::{BTreeMap, HashSet};

/// What a ticket can be matched against: one handoff.
#[derive(Debug, Clone, Default)]
pub struct Target {
    pub deal: String,
    pub account: Option<String>,
    pub closed_on: Option<Date>,
    /// The kickoff held, else the kickoff planned.
    pub kickoff: Option<Date>,
    /// E-mail domains in the handoff's stored evidence.
    pub domains: Vec<String>,
}

/// Why a ticket recorded nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    /// No handoff has its account or e-mail domain.
    Unmatched,
    /// More than one handoff has it, and the kickoff window does not decide.
    Ambiguous(Vec<String>),
    NoKickoff(String),
    BeforeKickoff(String),
    AfterWindow(String),
    NotEscalation(String),
    AlreadyRecorded(String),
}

#[derive(Debug, Default)]
pub struct Plan {
    /// (deal, escalation), in file order.
    pub record: Vec<(String, Escalation)>,
    /// (ticket, why), in file order.
    pub skipped: Vec<(Ticket, Skip)>,
}

/// Company names compared as people mean them: case, punctuation, `&`/`and`,
/// a leading "The" and legal suffixes (Inc, Ltd, LLC, GmbH ...) ignored.
pub fn normalise_account(name: &str) -> String {
    const SUFFIXES: [&str; 20] = [
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "llc",
        "llp",
        "lp",
        "plc",
        "gmbh",
        "ag",
        "sa",
        "sas",
        "bv",
        "nv",
        "pty",
        "corp",
        "corporation",
        "co",
        "company",
        "group",
    ];
    let cleaned: String = name
        .to_lowercase()
        .replace('&', " and ")
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    // "B.V." and "S.A." read as one word, as "BV" and "SA" do.
    let mut words: Vec<String> = Vec::new();
    let mut letters = String::new();
    for w in cleaned.split_whitespace() {
        if w.chars().count() == 1 {
            letters.push_str(w);
            continue;
        }
        if !letters.is_empty() {
            words.push(std::mem::take(&mut letters));
        }
        words.push(w.to_string());
    }
    if !letters.is_empty() {
        words.push(letters);
    }
    if words.first().map(String::as_str) == Some("the") && words.len() > 1 {
        words.remove(0);
    }
    // "Acme Pty Ltd", "Acme Holdings Co Ltd": strip from the end while a
    // suffix, keeping at least one word.
    while words.len() > 1 && words.last().is_some_and(|w| SUFFIXES.contains(&w.as_str())) {
        words.pop();
    }
    words.join(" ")
}

/// The domain of an e-mail address, lower-case (`None` for a freemail one).
pub fn email_domain(email: &str) -> Option<String> {
    let (_, domain) = email.trim().rsplit_once('@')?;
    let domain = domain
        .trim()
        .trim_end_matches(['>', '.'])
        .to_ascii_lowercase();
    // A mailbox provider's domain anyone can have says nothing about the account.
    (domain.contains('.') && !crate::analysis::people::is_public_mail(&domain)).then_some(domain)
}

/// The name part of a domain: `larkspur-architects` of `mail.larkspur-architects.co.uk`.
fn domain_name(domain: &str) -> &str {
    let labels: Vec<&str> = domain.split('.').collect();
    let n = labels.len();
    // `co.uk`, `com.au`: a short second-level label under a country code.
    let second_level = n >= 3
        && labels[n - 1].len() == 2
        && ["co", "com", "org", "net", "ac", "gov"].contains(&labels[n - 2]);
    let i = if second_level {
        n - 3
    } else {
        n.saturating_sub(2)
    };
    labels.get(i).copied().unwrap_or(domain)
}

fn compact(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The handoffs a ticket could belong to: by account name, else by e-mail
/// domain (seen in exactly one account's evidence, or naming the account).
fn candidates<'a>(ticket: &Ticket, targets: &'a [Target]) -> Vec<&'a Target> {
    if let Some(account) = ticket.account.as_deref().map(normalise_account) {
        let by_name: Vec<&Target> = targets
            .iter()
            .filter(|t| t.account.as_deref().map(normalise_account) == Some(account.clone()))
            .collect();
        if !by_name.is_empty() {
            return by_name;
        }
    }
    let Some(domain) = ticket.email.as_deref().and_then(email_domain) else {
        return Vec::new();
    };
    let accounts_with = |f: &dyn Fn(&Target) -> bool| -> Vec<&'a Target> {
        let hits: Vec<&Target> = targets.iter().filter(|t| f(t)).collect();
        let names: HashSet<String> = hits
            .iter()
            .map(|t| {
                t.account
                    .as_deref()
                    .map(normalise_account)
                    .unwrap_or_default()
            })
            .collect();
        // A domain in several accounts' evidence is the seller's own, or a
        // partner's: it identifies nobody.
        if names.len() == 1 { hits } else { Vec::new() }
    };
    let seen = accounts_with(&|t| t.domains.contains(&domain));
    if !seen.is_empty() {
        return seen;
    }
    let name = compact(domain_name(&domain));
    accounts_with(&|t| {
        t.account
            .as_deref()
            .is_some_and(|a| compact(&normalise_account(a)) == name)
    })
}

fn is_escalation(ticket: &Ticket, cfg: &TicketConfig) -> bool {
    let key = |s: &str| s.trim().to_lowercase();
    let priority = ticket.priority.as_deref().map(key);
    cfg.escalation_priorities
        .iter()
        .any(|p| Some(key(p)) == priority)
        || ticket
            .tags
            .iter()
            .any(|t| cfg.escalation_tags.iter().any(|e| key(e) == *t))
}

/// Decide every ticket: matched to one handoff, an escalation by priority or
/// tag, created within `window_days` of that handoff's kickoff, and not yet
/// recorded (`recorded`) becomes an escalation to record.
pub fn plan(
    desk: &Desk,
    tickets: Vec<Ticket>,
    targets: &[Target],
    recorded: &HashSet<TicketRef>,
    cfg: &TicketConfig,
) -> Plan {
    let mut out = Plan::default();
    let window = i64::from(cfg.window_days);
    for ticket in tickets {
        let found = candidates(&ticket, targets);
        let in_window = |t: &Target| {
            t.kickoff.is_some_and(|k| {
                let days = i64::from((ticket.created - k).get_days());
                (0..=window).contains(&days)
            })
        };
        let target = match found.as_slice() {
            [] => {
                out.skipped.push((ticket, Skip::Unmatched));
                continue;
            }
            [one] => *one,
            many => {
                // One account, several deals (an expansion): the deal whose
                // onboarding the ticket falls in.
                let inside: Vec<&&Target> = many.iter().filter(|t| in_window(t)).collect();
                match inside.as_slice() {
                    [one] => **one,
                    _ => {
                        let deals = many.iter().map(|t| t.deal.clone()).collect();
                        out.skipped.push((ticket, Skip::Ambiguous(deals)));
                        continue;
                    }
                }
            }
        };
        let deal = target.deal.clone();
        let reference = TicketRef {
            desk: desk.clone(),
            id: ticket.id.clone(),
        };
        let skip = if !is_escalation(&ticket, cfg) {
            Some(Skip::NotEscalation(deal.clone()))
        } else if recorded.contains(&reference) {
            Some(Skip::AlreadyRecorded(deal.clone()))
        } else {
            match target.kickoff {
                None => Some(Skip::NoKickoff(deal.clone())),
                Some(k) if ticket.created < k => Some(Skip::BeforeKickoff(deal.clone())),
                Some(_) if !in_window(target) => Some(Skip::AfterWindow(deal.clone())),
                Some(_) => None,
            }
        };
        if let Some(skip) = skip {
            out.skipped.push((ticket, skip));
            continue;
        }
        let severity = ticket
            .priority
            .as_deref()
            .and_then(Severity::parse)
            .unwrap_or(Severity::High);
        let note = match &ticket.status {
            Some(status) => format!("{} [{status}]", ticket.subject),
            None => ticket.subject.clone(),
        };
        out.record.push((
            deal,
            Escalation {
                date: ticket.created,
                severity,
                source: Source::Ticket,
                ticket: Some(reference),
                note,
            },
        ));
    }
    out
}

/// The plan as the report `baton import --tickets` prints.
pub fn report(file: &str, desk: &Desk, total: usize, plan: &Plan, cfg: &TicketConfig) -> String {
    let mut out = format!(
        "{file}: {} export, {total} ticket(s)\n",
        match desk {
            Desk::Zendesk => "Zendesk".to_string(),
            Desk::JiraServiceManagement => "Jira Service Management".to_string(),
            Desk::Freshdesk => "Freshdesk".to_string(),
            Desk::Other(name) => name.clone(),
        }
    );
    let mut per_deal: BTreeMap<&str, usize> = BTreeMap::new();
    for (deal, _) in &plan.record {
        *per_deal.entry(deal).or_default() += 1;
    }
    let deals: Vec<String> = per_deal.iter().map(|(d, n)| format!("{d}: {n}")).collect();
    out.push_str(&format!(
        "  {} escalation(s) recorded{}\n",
        plan.record.len(),
        if deals.is_empty() {
            String::new()
        } else {
            format!(" ({})", deals.join(", "))
        }
    ));
    let count = |f: fn(&Skip) -> bool| plan.skipped.iter().filter(|(_, s)| f(s)).count();
    let lines = [
        (
            count(|s| matches!(s, Skip::AlreadyRecorded(_))),
            "already recorded".to_string(),
        ),
        (
            count(|s| matches!(s, Skip::NotEscalation(_))),
            "matched, not an escalation (priority or tag)".to_string(),
        ),
        (
            count(|s| matches!(s, Skip::BeforeKickoff(_))),
            "matched, before kickoff".to_string(),
        ),
        (
            count(|s| matches!(s, Skip::AfterWindow(_))),
            format!("matched, more than {} days after kickoff", cfg.window_days),
        ),
        (
            count(|s| matches!(s, Skip::NoKickoff(_))),
            "matched, the handoff has no kickoff date".to_string(),
        ),
    ];
    for (n, what) in lines {
        if n > 0 {
            out.push_str(&format!("  {n} {what}\n"));
        }
    }
    let unmatched: Vec<&(Ticket, Skip)> = plan
        .skipped
        .iter()
        .filter(|(_, s)| matches!(s, Skip::Unmatched | Skip::Ambiguous(_)))
        .collect();
    if !unmatched.is_empty() {
        out.push_str(&format!("did not match ({}):\n", unmatched.len()));
        for (t, why) in unmatched {
            let who = [
                t.account.as_deref().map(|a| format!("account \"{a}\"")),
                t.email.as_deref().map(|e| format!("e-mail {e}")),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
            let why = match why {
                Skip::Ambiguous(deals) => format!("several handoffs: {}", deals.join(", ")),
                _ => "no handoff has this account or e-mail domain".to_string(),
            };
            out.push_str(&format!(
                "  {file}:{}: ticket {} ({}): {why}\n",
                t.line,
                t.id,
                if who.is_empty() {
                    "no account or e-mail".to_string()
                } else {
                    who
                }
            ));
        }
    }
    out
}
