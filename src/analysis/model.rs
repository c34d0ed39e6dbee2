//! What the analysis produces: the JSON contract of `shared/spec/analysis.md`
//! plus the drafts a CSM reviews.

use serde::Serialize;

/// A place in the bundle: path relative to the bundle root and 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Evidence {
    /// Shared by every citation of one file: a 16 MB folder cites its files a
    /// hundred thousand times.
    pub file: std::sync::Arc<str>,
    pub line: u32,
}

impl std::fmt::Display for Evidence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    Commitment,
    Conflict,
    Risk,
}

impl FlagKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FlagKind::Commitment => "commitment",
            FlagKind::Conflict => "conflict",
            FlagKind::Risk => "risk",
        }
    }
}

/// Category of a commitment or conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Timeline,
    Discount,
    Integration,
    Scope,
    Custom,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::Timeline,
        Category::Discount,
        Category::Integration,
        Category::Scope,
        Category::Custom,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Timeline => "timeline",
            Category::Discount => "discount",
            Category::Integration => "integration",
            Category::Scope => "scope",
            Category::Custom => "custom",
        }
    }

    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// A commitment, conflict or risk.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flag {
    pub kind: FlagKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    pub text: String,
    pub evidence: Vec<Evidence>,
    /// Who said it, where known (a transcript speaker or the person the text names).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// Why the analysis raised it: the cues it matched, for the reviewer.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cues: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalKind {
    /// A business outcome the buyer pays for.
    Buyer,
    /// A day-to-day workflow requirement of the people who use the product.
    User,
}

impl GoalKind {
    pub fn as_str(self) -> &'static str {
        match self {
            GoalKind::Buyer => "buyer",
            GoalKind::User => "user",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Goal {
    pub kind: GoalKind,
    pub text: String,
    pub evidence: Vec<Evidence>,
    /// Whether the goal says how it will be measured (a number, a target, a measure).
    pub measurable: bool,
}

/// Required handoff context that neither the CRM record nor the text supplies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    DealNotes,
    SignedScope,
    CustomerGoals,
    SuccessCriteria,
    StakeholderMap,
    ExecutiveSponsor,
    ImplementationRequirements,
    KickoffDate,
    FirstValueMilestone,
    Ae,
    Csm,
}

impl Missing {
    pub const ALL: [Missing; 11] = [
        Missing::DealNotes,
        Missing::SignedScope,
        Missing::CustomerGoals,
        Missing::SuccessCriteria,
        Missing::StakeholderMap,
        Missing::ExecutiveSponsor,
        Missing::ImplementationRequirements,
        Missing::KickoffDate,
        Missing::FirstValueMilestone,
        Missing::Ae,
        Missing::Csm,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Missing::DealNotes => "deal_notes",
            Missing::SignedScope => "signed_scope",
            Missing::CustomerGoals => "customer_goals",
            Missing::SuccessCriteria => "success_criteria",
            Missing::StakeholderMap => "stakeholder_map",
            Missing::ExecutiveSponsor => "executive_sponsor",
            Missing::ImplementationRequirements => "implementation_requirements",
            Missing::KickoffDate => "kickoff_date",
            Missing::FirstValueMilestone => "first_value_milestone",
            Missing::Ae => "ae",
            Missing::Csm => "csm",
        }
    }

    /// What a CSM would call it, for reports and questions.
    pub fn label(self) -> &'static str {
        match self {
            Missing::DealNotes => "deal notes",
            Missing::SignedScope => "signed scope",
            Missing::CustomerGoals => "customer goals",
            Missing::SuccessCriteria => "success criteria",
            Missing::StakeholderMap => "stakeholder map",
            Missing::ExecutiveSponsor => "executive sponsor",
            Missing::ImplementationRequirements => "implementation requirements",
            Missing::KickoffDate => "kickoff date",
            Missing::FirstValueMilestone => "first-value milestone",
            Missing::Ae => "account executive",
            Missing::Csm => "customer success manager",
        }
    }
}

/// Which side of the deal a person is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Seller,
    Customer,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stakeholder {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// CRM role (`executive_sponsor`, `champion`, ...) when known or inferred.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    pub side: Side,
    pub executive_sponsor: bool,
    pub evidence: Vec<Evidence>,
}

/// The deal as the analysis names it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DealRef {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
}
