//! What happened to the customer after the handoff: onboarding escalations,
//! risks of the handoff that came true, and the customer's health at day 30,
//! 60 and 90 after kickoff. Each is an event on the handoff (the log is the
//! record, nothing else is stored); [`Outcomes`] is the handoff's reading of
//! those events, loaded with it, so a command can refuse a duplicate.
//!
//! First value reached or missed is not here: `first_value_reached` is a
//! milestone (`commands::milestone`), and a miss is the first-value date
//! passing without it (`metrics`).

use super::commands::Change;
use super::events::EventKind;
use super::items::{Decision, ItemKind};
use super::refusal::DomainError;
use super::status::Status;
use super::{Ctx, Handoff};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// How bad an escalation is. Support desks name their priorities
/// differently; [`Severity::parse`] reads each desk's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    /// Zendesk (low, normal, high, urgent), Jira (lowest ... highest, or
    /// trivial, minor, major, critical, blocker), Freshdesk (low, medium,
    /// high, urgent), and P1-P4 / Sev1-Sev4.
    pub fn parse(s: &str) -> Option<Severity> {
        let key: String = s
            .trim()
            .to_ascii_lowercase()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        match key.as_str() {
            "low" | "lowest" | "trivial" | "minor" | "p4" | "sev4" | "p5" => Some(Severity::Low),
            "medium" | "normal" | "moderate" | "p3" | "sev3" => Some(Severity::Medium),
            "high" | "major" | "p2" | "sev2" => Some(Severity::High),
            "critical" | "urgent" | "highest" | "blocker" | "p1" | "sev1" | "p0" | "sev0" => {
                Some(Severity::Critical)
            }
            _ => None,
        }
    }
}

/// Where an escalation came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// A support-desk ticket (`ticket` names it).
    Ticket,
    Email,
    Call,
    Meeting,
    /// The customer's executive went over the team's head.
    Executive,
    Other,
}

impl Source {
    pub const ALL: [Source; 6] = [
        Source::Ticket,
        Source::Email,
        Source::Call,
        Source::Meeting,
        Source::Executive,
        Source::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Source::Ticket => "ticket",
            Source::Email => "email",
            Source::Call => "call",
            Source::Meeting => "meeting",
            Source::Executive => "executive",
            Source::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Source> {
        let s = s.trim().to_ascii_lowercase().replace('-', "");
        Source::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// The support desk a ticket lives in: the three baton reads by default, or
/// the name a `[tickets] desk` config gives another.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "String", from = "String")]
pub enum Desk {
    Zendesk,
    JiraServiceManagement,
    Freshdesk,
    Other(String),
}

impl Desk {
    pub fn as_str(&self) -> &str {
        match self {
            Desk::Zendesk => "zendesk",
            Desk::JiraServiceManagement => "jsm",
            Desk::Freshdesk => "freshdesk",
            Desk::Other(name) => name,
        }
    }

    /// Any name; the three known desks by their usual names.
    pub fn named(s: &str) -> Desk {
        let key = s.trim().to_ascii_lowercase();
        match key.as_str() {
            "zendesk" => Desk::Zendesk,
            "jsm" | "jira" | "jira service management" | "jira-service-management" => {
                Desk::JiraServiceManagement
            }
            "freshdesk" => Desk::Freshdesk,
            _ => Desk::Other(key),
        }
    }
}

impl From<Desk> for String {
    fn from(d: Desk) -> String {
        d.as_str().to_string()
    }
}

impl From<String> for Desk {
    fn from(s: String) -> Desk {
        Desk::named(&s)
    }
}

/// A ticket in a support desk: the key an import is idempotent on.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TicketRef {
    pub desk: Desk,
    pub id: String,
}

impl TicketRef {
    /// `DESK:ID` (`zendesk:4521`, `jsm:CS-88`); `None` when either part is empty.
    pub fn parse(s: &str) -> Option<TicketRef> {
        let (desk, id) = s.split_once(':')?;
        (!desk.trim().is_empty() && !id.trim().is_empty()).then(|| TicketRef {
            desk: Desk::named(desk),
            id: id.trim().to_string(),
        })
    }
}

impl std::fmt::Display for TicketRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ticket {}", self.desk.as_str(), self.id)
    }
}

/// An onboarding escalation, as the `escalation_recorded` payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Escalation {
    pub date: Date,
    pub severity: Severity,
    pub source: Source,
    /// The ticket, when the source is a support desk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket: Option<TicketRef>,
    #[serde(default)]
    pub note: String,
}

/// A risk of the handoff that came true, as the `risk_materialised` payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaterialisedRisk {
    /// The risk item (`R2`).
    pub item: String,
    pub date: Date,
    #[serde(default)]
    pub note: String,
    /// The risk's text, so the log reads without the item table.
    #[serde(default)]
    pub text: String,
    /// Its owner when it came true (none: nobody owned it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
}

/// The day after kickoff a health reading is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "u16", try_from = "u16")]
pub enum Checkpoint {
    Day30,
    Day60,
    Day90,
}

impl Checkpoint {
    pub const ALL: [Checkpoint; 3] = [Checkpoint::Day30, Checkpoint::Day60, Checkpoint::Day90];

    pub fn days(self) -> u16 {
        match self {
            Checkpoint::Day30 => 30,
            Checkpoint::Day60 => 60,
            Checkpoint::Day90 => 90,
        }
    }

    /// `30`, `day-30`, `d30`.
    pub fn parse(s: &str) -> Option<Checkpoint> {
        let digits: String = s.chars().filter(char::is_ascii_digit).collect();
        let n: u16 = digits.parse().ok()?;
        Checkpoint::try_from(n).ok()
    }
}

impl From<Checkpoint> for u16 {
    fn from(c: Checkpoint) -> u16 {
        c.days()
    }
}

impl TryFrom<u16> for Checkpoint {
    type Error = String;
    fn try_from(n: u16) -> Result<Checkpoint, String> {
        Checkpoint::ALL
            .into_iter()
            .find(|c| c.days() == n)
            .ok_or_else(|| format!("day {n}: expected 30, 60 or 90"))
    }
}

/// The customer's health as CS rates it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Health {
    Green,
    Amber,
    Red,
}

impl Health {
    pub fn as_str(self) -> &'static str {
        match self {
            Health::Green => "green",
            Health::Amber => "amber",
            Health::Red => "red",
        }
    }

    pub fn parse(s: &str) -> Option<Health> {
        match s.trim().to_ascii_lowercase().as_str() {
            "green" | "healthy" | "good" => Some(Health::Green),
            "amber" | "yellow" | "at-risk" | "at_risk" => Some(Health::Amber),
            "red" | "critical" | "poor" => Some(Health::Red),
            _ => None,
        }
    }

    /// Amber and red count as early customer risk.
    pub fn at_risk(self) -> bool {
        self != Health::Green
    }
}

/// A health reading, as the `health_recorded` payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthCheck {
    pub day: Checkpoint,
    pub health: Health,
    #[serde(default)]
    pub note: String,
}

/// One outcome to record: what `Command::Outcome` carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Escalation(Escalation),
    /// The risk item `item` came true on `date`.
    RiskMaterialised {
        item: String,
        date: Date,
        note: String,
    },
    Health(HealthCheck),
}

impl Outcome {
    /// The review item it names, for the "gone item" check.
    pub fn item(&self) -> Option<&str> {
        match self {
            Outcome::RiskMaterialised { item, .. } => Some(item),
            _ => None,
        }
    }

    /// The outcome with its free text cleaned, as every command's.
    pub fn sanitized(&self) -> Outcome {
        use crate::text::{sanitize, sanitize_line};
        let mut o = self.clone();
        match &mut o {
            Outcome::Escalation(e) => {
                e.note = sanitize(&e.note);
                if let Some(t) = &mut e.ticket {
                    t.id = sanitize_line(&t.id);
                    if let Desk::Other(name) = &mut t.desk {
                        *name = sanitize_line(name);
                    }
                }
            }
            Outcome::RiskMaterialised { item, note, .. } => {
                *item = sanitize_line(item);
                *note = sanitize(note);
            }
            Outcome::Health(h) => h.note = sanitize(&h.note),
        }
        o
    }
}

/// The outcomes recorded on a handoff, in the order recorded.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcomes {
    pub escalations: Vec<Escalation>,
    pub materialised: Vec<MaterialisedRisk>,
    /// Every reading; a later one for the same day supersedes an earlier.
    pub health: Vec<HealthCheck>,
}

impl Outcomes {
    /// Read one stored event into the outcomes (a payload this baton cannot
    /// read is skipped: the log stays the record).
    pub fn absorb(&mut self, kind: EventKind, payload: serde_json::Value) {
        match kind {
            EventKind::EscalationRecorded => self
                .escalations
                .extend(serde_json::from_value(payload).ok()),
            EventKind::RiskMaterialised => self
                .materialised
                .extend(serde_json::from_value(payload).ok()),
            EventKind::HealthRecorded => self.health.extend(serde_json::from_value(payload).ok()),
            _ => {}
        }
    }

    /// The latest reading for each day that has one.
    pub fn health_at(&self, day: Checkpoint) -> Option<&HealthCheck> {
        self.health.iter().rev().find(|h| h.day == day)
    }

    pub fn has_ticket(&self, ticket: &TicketRef) -> bool {
        self.escalations
            .iter()
            .any(|e| e.ticket.as_ref() == Some(ticket))
    }
}

/// Record one outcome on the handoff.
pub fn record(h: &mut Handoff, ctx: &Ctx, outcome: &Outcome) -> Result<Change, DomainError> {
    let deal = h.deal.id.clone();
    let (kind, payload) = match outcome {
        Outcome::Escalation(e) => {
            if let Some(closed) = h.deal.closed_on.filter(|c| e.date < *c) {
                return Err(DomainError::Invalid(format!(
                    "{deal}: an escalation on {} is before the deal closed ({closed})",
                    e.date
                )));
            }
            match (&e.ticket, e.source) {
                (Some(t), Source::Ticket) => {
                    if t.id.trim().is_empty() {
                        return Err(DomainError::Invalid("a ticket id must not be empty".into()));
                    }
                    if h.outcomes.has_ticket(t) {
                        return Err(DomainError::Invalid(format!(
                            "{deal}: {t} is already recorded as an escalation"
                        )));
                    }
                }
                (None, Source::Ticket) => {
                    return Err(DomainError::Invalid(
                        "an escalation from a ticket names the ticket (desk and id)".into(),
                    ));
                }
                (Some(_), other) => {
                    return Err(DomainError::Invalid(format!(
                        "an escalation with a ticket has the source ticket, not {}",
                        other.as_str()
                    )));
                }
                (None, _) => {}
            }
            let mut e = e.clone();
            e.note = e.note.trim().to_string();
            h.outcomes.escalations.push(e.clone());
            (EventKind::EscalationRecorded, to_payload(&e))
        }
        Outcome::RiskMaterialised { item, date, note } => {
            let risk = h
                .items
                .iter()
                .find(|i| i.id.eq_ignore_ascii_case(item.trim()))
                .ok_or_else(|| DomainError::UnknownItem {
                    deal: deal.clone(),
                    id: item.trim().to_string(),
                })?;
            if risk.kind != ItemKind::Risk {
                return Err(DomainError::WrongKind {
                    id: risk.id.clone(),
                    kind: risk.kind,
                    expected: ItemKind::Risk,
                });
            }
            if let Some(before) = h.outcomes.materialised.iter().find(|m| m.item == risk.id) {
                return Err(DomainError::Invalid(format!(
                    "{deal}: {} already materialised on {}",
                    risk.id, before.date
                )));
            }
            let owner = match &risk.decision {
                Decision::Risk { owner, .. } if !owner.trim().is_empty() => Some(owner.clone()),
                _ => None,
            };
            let m = MaterialisedRisk {
                item: risk.id.clone(),
                date: *date,
                note: note.trim().to_string(),
                text: risk.text.clone(),
                owner,
            };
            h.outcomes.materialised.push(m.clone());
            (EventKind::RiskMaterialised, to_payload(&m))
        }
        Outcome::Health(check) => {
            if h.status != Status::KickedOff {
                // Day 30 counts from the kickoff, so there is no health before it.
                return Err(DomainError::NotYet {
                    status: h.status,
                    action: "record the health of".into(),
                    first: "hold the kickoff",
                });
            }
            let mut check = check.clone();
            check.note = check.note.trim().to_string();
            h.outcomes.health.push(check.clone());
            (EventKind::HealthRecorded, to_payload(&check))
        }
    };
    super::commands::settled(h, ctx, Change::one(kind, payload), "outcome recorded")
}

fn to_payload<T: Serialize>(value: &T) -> serde_json::Value {
    // The payload types serialise to JSON objects with plain fields; this
    // cannot fail.
    serde_json::to_value(value).unwrap_or_default()
}

#[cfg(test)]
#[path = "outcomes_tests.rs"]
mod tests;
