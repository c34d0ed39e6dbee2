//! Hand-built findings and bundles for the draft tests.

use crate::analysis::{Category, Evidence, Flag, FlagKind, Goal, GoalKind, Side, Stakeholder};
use crate::bundle::{Bundle, DealRecord, FileRole, SourceFile};

pub fn ev(file: &str, line: u32) -> Evidence {
    Evidence {
        file: file.into(),
        line,
    }
}

pub fn flag(
    kind: FlagKind,
    category: Option<Category>,
    text: &str,
    evidence: Vec<Evidence>,
) -> Flag {
    Flag {
        kind,
        category,
        text: text.into(),
        evidence,
        speaker: None,
        cues: vec![],
    }
}

pub fn commitment(category: Category, text: &str, at: Evidence) -> Flag {
    flag(FlagKind::Commitment, Some(category), text, vec![at])
}

pub fn conflict_four_vs_six() -> Flag {
    flag(
        FlagKind::Conflict,
        Some(Category::Timeline),
        "Notes say four weeks; the signed scope says 6 weeks. The signed scope says: \"Implementation takes 6 weeks.\" (sow.txt:31).",
        vec![ev("notes/demo.md", 12), ev("sow.txt", 31)],
    )
}

pub fn goal(kind: GoalKind, text: &str, at: Evidence, measurable: bool) -> Goal {
    Goal {
        kind,
        text: text.into(),
        evidence: vec![at],
        measurable,
    }
}

pub fn customer(name: &str, title: Option<&str>, role: Option<&str>, sponsor: bool) -> Stakeholder {
    Stakeholder {
        name: name.into(),
        title: title.map(Into::into),
        role: role.map(Into::into),
        side: Side::Customer,
        executive_sponsor: sponsor,
        evidence: vec![ev("deal.toml", 20)],
    }
}

pub fn bundle(deal: DealRecord, scope: Option<&str>) -> Bundle {
    let mut files = vec![SourceFile::plain(
        "notes/demo.md",
        FileRole::Notes,
        "Demo call.\n",
    )];
    if let Some(text) = scope {
        files.push(SourceFile::plain("sow.txt", FileRole::Scope, text));
    }
    Bundle {
        deal,
        crm_text: Some(String::new()),
        files,
        listing: Vec::new(),
    }
}

/// The built-in rules, compiled once for all draft tests.
pub fn rules() -> &'static crate::rules::Rules {
    static RULES: std::sync::LazyLock<crate::rules::Rules> =
        std::sync::LazyLock::new(crate::rules::Rules::builtin);
    &RULES
}
