//! The CRM record, `deal.toml`. Every field is optional; entries that the analysis
//! cites (`[[goals]]`, `[[risks]]`, `[[commitments]]`, `[[stakeholders]]`) keep the
//! 1-based line of their `text =` (or `name =`) key.

use jiff::civil::Date;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct DealRecord {
    pub id: String,
    pub name: Option<String>,
    pub account: Option<String>,
    pub segment: Option<String>,
    pub stage: Option<String>,
    pub closed_on: Option<Date>,
    pub amount: Option<f64>,
    pub currency: Option<String>,
    pub ae: Option<String>,
    pub csm: Option<String>,
    pub kickoff: Option<Date>,
    pub first_value: Option<FirstValue>,
    pub stakeholders: Vec<DealStakeholder>,
    pub goals: Vec<DealGoal>,
    pub risks: Vec<DealRisk>,
    pub commitments: Vec<DealCommitment>,
    /// Unknown keys, kept and shown, never dropped (rendered as TOML values).
    pub extra: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct FirstValue {
    pub date: Option<Date>,
    pub criteria: Option<String>,
    /// Line of `criteria =` (or of `[first_value]` when there is none).
    pub line: u32,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct DealStakeholder {
    pub name: String,
    pub title: Option<String>,
    pub role: Option<String>,
    pub email: Option<String>,
    pub line: u32,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct DealGoal {
    pub text: String,
    /// `buyer` or `user` when the CRM says; otherwise the analysis classifies.
    pub kind: Option<String>,
    pub measure: Option<String>,
    pub line: u32,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct DealRisk {
    pub text: String,
    pub owner: Option<String>,
    pub line: u32,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct DealCommitment {
    pub text: String,
    pub category: Option<String>,
    pub line: u32,
}
