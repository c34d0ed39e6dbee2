//! A fact in a few words, for a conflict's summary: what the notes say
//! against what the signed scope says.

use super::{ALL_SERVICES, Fact, Value, currency};
use crate::rules::Rules;

impl Fact {
    /// The fact in a few words, for a conflict's summary ("P2 answered
    /// within 4 h", "hosting: Frankfurt").
    pub fn describe(&self, rules: &Rules) -> String {
        let family = |list: &crate::rules::Lexicon, bits: u64| {
            let names: Vec<String> = (0..64)
                .filter(|i| bits & (1 << i) != 0)
                .filter_map(|i| list.entry(i))
                .map(|e| e.split('|').next().unwrap_or(e).to_string())
                .collect();
            names.join(", ")
        };
        let f = &rules.facts;
        match self.value {
            Value::Places(bits) => {
                // `pair_facts.places` are numbered after `facts.places`.
                let first = bits & ((1u64 << f.places.len().min(63)) - 1);
                let more = bits >> f.places.len().min(63);
                let names: Vec<String> = [
                    family(&f.places, first),
                    family(&rules.pair_facts.places, more),
                ]
                .into_iter()
                .filter(|n| !n.is_empty())
                .collect();
                format!("hosting in {}", names.join(", "))
            }
            Value::OnPremises => "hosting on the customer's premises".into(),
            Value::AllHours => "support around the clock".into(),
            Value::WorkingHours { from, until } => {
                let at = |h: u16| format!("{:02}:{:02}", h / 60, h % 60);
                match (from, until) {
                    (Some(f), Some(u)) => {
                        format!("support in working hours, {} to {}", at(f), at(u))
                    }
                    (Some(f), None) => format!("support in working hours from {}", at(f)),
                    (None, Some(u)) => format!("support in working hours until {}", at(u)),
                    (None, None) => "support in working hours".into(),
                }
            }
            Value::Channels(bits) => format!("support by {}", family(&f.channels, bits)),
            Value::Within { severity, minutes } => {
                let within = if minutes >= 60.0 {
                    format!("{} h", round(minutes / 60.0))
                } else {
                    format!("{} min", round(minutes))
                };
                match severity {
                    Some(s) => format!("P{s} answered within {within}"),
                    None => format!("answered within {within}"),
                }
            }
            Value::Percent(p) => format!("{}% availability", round(p)),
            Value::Days(d) => format!("payment {d} days from invoice"),
            Value::Instalments { parts: None } => "paid in instalments".into(),
            Value::Instalments { parts: Some(n) } => format!("paid in {n} instalments"),
            Value::InFull => "paid in full at once".into(),
            Value::OnSite {
                services: ALL_SERVICES,
            } => "any service on site".into(),
            Value::Remote {
                services: ALL_SERVICES,
            } => "every service delivered remotely".into(),
            Value::OnSite { services } => format!("{} on site", family(&f.services, services))
                .trim()
                .to_string(),
            Value::Remote { services } => {
                format!("{} delivered remotely", family(&f.services, services))
                    .trim()
                    .to_string()
            }
            Value::Held { indices: 0 } => "price held".into(),
            Value::Held { indices } => format!("price capped at {}", family(&f.indices, indices)),
            Value::Rises { indices: 0 } => "price may rise".into(),
            Value::Rises { indices } => format!("price indexed to {}", family(&f.indices, indices)),
            Value::Free => "at no charge".into(),
            Value::Charged => "charged".into(),
            Value::NoConcession => "no fee waived or free".into(),
            Value::TwoWay => "a two-way integration".into(),
            Value::OneWay => "one way only".into(),
            Value::Every(i) => {
                let family = |list: &crate::rules::Lexicon| {
                    list.entry(usize::from(i))
                        .and_then(|e| e.split('|').next())
                        .unwrap_or("")
                        .to_string()
                };
                format!("invoiced {}", family(&rules.pair_facts.billing_period))
            }
            Value::Timing(0) => "invoiced in advance".into(),
            Value::Timing(_) => "invoiced in arrears".into(),
            Value::BilledFromGoLive(true) => "invoicing from go-live".into(),
            Value::BilledFromGoLive(false) => "invoicing from signature".into(),
            Value::Languages(bits) => {
                format!("in {}", super::language::names(rules, bits).join(", "))
            }
            Value::Weekdays(bits) => {
                // The bits are Monday first (`weekdays::covered`), as the
                // calendar's days are; a family's first entry is a pattern
                // ("saturdays?"), not a name.
                let names: Vec<&str> = (0..7)
                    .filter(|d| bits & (1 << d) != 0)
                    .map(|d| crate::analysis::calendar::WEEKDAYS[d])
                    .collect();
                format!("support on {}", names.join(", "))
            }
            Value::FixedRate => "currency converted at a fixed rate".into(),
            Value::FloatingRate => "currency converted at the rate of the day".into(),
            Value::Interval(m) if m <= 0.0 => "in real time".into(),
            Value::Interval(m) if m < 60.0 => format!("every {} min", round(m)),
            Value::Interval(m) if m < 1440.0 => format!("every {} h", round(m / 60.0)),
            Value::Interval(m) if m < 10080.0 => format!("every {} days", round(m / 1440.0)),
            Value::Interval(m) => format!("every {} weeks", round(m / 10080.0)),
            Value::Currencies { named, kinds, .. } => {
                let mut names = currency::names(rules, named);
                names.extend(currency::kind_names(rules, kinds));
                format!("invoiced in {}", names.join(", "))
            }
        }
    }
}

fn round(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
