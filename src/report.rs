//! The readable analysis report: the same findings as the JSON, grouped for a
//! person, each with its `file:line` citation. Colour only when asked (a tty
//! without NO_COLOR); the text never depends on it.

use crate::analysis::{Analysis, Evidence, Flag, FlagKind};
use crate::draft::Drafts;
use std::fmt::Write;

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn heading(&self, text: &str) -> String {
        self.paint("1", text)
    }
    fn cite(&self, text: &str) -> String {
        self.paint("36", text)
    }
    fn warn(&self, text: &str) -> String {
        self.paint("33", text)
    }
    fn bad(&self, text: &str) -> String {
        self.paint("31", text)
    }
}

fn cites(ev: &[Evidence]) -> String {
    ev.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Render the report; `colour` adds ANSI styling.
pub fn render(a: &Analysis, colour: bool) -> String {
    let st = Style { on: colour };
    let mut out = String::new();
    let title = a.deal.name.as_deref().unwrap_or(&a.deal.id);
    let _ = writeln!(out, "{}", st.heading(&format!("{title} ({})", a.deal.id)));
    if let Some(account) = &a.deal.account {
        let _ = writeln!(out, "Account: {account}");
    }
    let unread: Vec<_> = a.files.iter().filter(|f| !f.read).collect();
    if !unread.is_empty() {
        let _ = writeln!(out, "\n{} ({})", st.heading("Files not read"), unread.len());
        for f in unread {
            let reason = f.reason.as_deref().unwrap_or("not read");
            let _ = writeln!(out, "  - {}: {}", f.path, st.warn(reason));
        }
    }
    for (kind, label) in [
        (
            FlagKind::Conflict,
            "Conflicts between notes and signed scope",
        ),
        (FlagKind::Commitment, "Commitments made by sales"),
        (FlagKind::Risk, "Risks"),
    ] {
        let flags: Vec<&Flag> = a.flags.iter().filter(|f| f.kind == kind).collect();
        let _ = writeln!(out, "\n{} ({})", st.heading(label), flags.len());
        if flags.is_empty() {
            let _ = writeln!(out, "  none found");
        }
        for f in flags {
            let cat = f
                .category
                .map(|c| format!("[{}] ", c.as_str()))
                .unwrap_or_default();
            let text = match kind {
                FlagKind::Conflict => st.bad(&f.text),
                FlagKind::Risk => st.warn(&f.text),
                FlagKind::Commitment => f.text.clone(),
            };
            let _ = writeln!(out, "  - {cat}{text}");
            let _ = writeln!(out, "    {}", st.cite(&cites(&f.evidence)));
        }
    }
    let _ = writeln!(out, "\n{} ({})", st.heading("Goals"), a.goals.len());
    for g in &a.goals {
        let _ = writeln!(out, "  - [{}] {}", g.kind.as_str(), g.text);
        let _ = writeln!(out, "    {}", st.cite(&cites(&g.evidence)));
    }
    let _ = writeln!(
        out,
        "\n{} ({})",
        st.heading("Stakeholders"),
        a.stakeholders.len()
    );
    for s in &a.stakeholders {
        let title = s.title.as_deref().unwrap_or("title unknown");
        let role = s
            .role
            .as_deref()
            .map(|r| format!(", {r}"))
            .unwrap_or_default();
        let side = match s.side {
            crate::analysis::Side::Seller => " (seller)",
            crate::analysis::Side::Customer => "",
        };
        let _ = writeln!(out, "  - {}{side}: {title}{role}", s.name);
    }
    let _ = writeln!(out, "\n{}", st.heading("Missing context"));
    if a.missing.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for m in &a.missing {
        let _ = writeln!(out, "  - {}", st.warn(m.label()));
    }
    render_drafts(&mut out, &a.drafts, &st);
    out
}

/// The drafts, after the findings they come from: score, questions, tasks, and
/// the brief's why / success / timeline. Everything is marked as a draft.
fn render_drafts(out: &mut String, d: &Drafts, st: &Style) {
    let s = &d.score;
    let _ = writeln!(
        out,
        "\n{} {}/{} (draft)",
        st.heading("Handoff score"),
        s.total,
        s.max
    );
    for (label, part) in s.parts() {
        let _ = writeln!(out, "  - {label}: {}/{}", part.points, part.max);
        let _ = writeln!(out, "    {}", part.explanation);
    }

    let _ = writeln!(
        out,
        "\n{} ({})",
        st.heading("Questions for the AE"),
        d.questions.len()
    );
    if d.questions.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for q in &d.questions {
        let _ = writeln!(out, "  {} [{}] {}", q.id, q.about, q.text);
        if !q.evidence.is_empty() {
            let _ = writeln!(out, "     {}", st.cite(&cites(&q.evidence)));
        }
    }

    let _ = writeln!(
        out,
        "\n{} ({})",
        st.heading("Kickoff tasks (draft)"),
        d.tasks.len()
    );
    for t in &d.tasks {
        let _ = writeln!(out, "  {} {}", t.id, t.text);
        let from = t.from.join(", ");
        let ev = cites(&t.evidence);
        let line = match (from.is_empty(), ev.is_empty()) {
            (false, false) => format!("from {from}; {}", st.cite(&ev)),
            (false, true) => format!("from {from}"),
            (true, false) => st.cite(&ev),
            (true, true) => continue,
        };
        let _ = writeln!(out, "     {line}");
    }

    let b = &d.brief;
    let _ = writeln!(out, "\n{}", st.heading("Brief (draft for CSM review)"));
    let _ = writeln!(out, "  Why they bought: {}", b.why_they_bought);
    let _ = writeln!(out, "  Success and first-value criteria:");
    if b.success_criteria.is_empty() {
        let _ = writeln!(out, "    - {}", st.warn("none stated"));
    }
    for c in &b.success_criteria {
        let by = c.date.map(|d| format!(" (by {d})")).unwrap_or_default();
        let _ = writeln!(
            out,
            "    - [{}] {}{by} {}",
            c.source,
            c.text,
            st.cite(&cites(&c.evidence))
        );
    }
    let _ = writeln!(out, "  Timeline:");
    for m in &b.timeline {
        let date = match m.date {
            Some(d) => d.to_string(),
            None => st.warn("no date   "),
        };
        let from = m
            .from
            .as_deref()
            .map(|f| format!(" [{f}]"))
            .unwrap_or_default();
        let ev = if m.evidence.is_empty() {
            String::new()
        } else {
            format!(" {}", st.cite(&cites(&m.evidence)))
        };
        let _ = writeln!(out, "    {date}  {}{from}{ev}", m.what);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{DealRef, Missing};
    use crate::bundle::DealRecord;
    use crate::draft::test_support::*;
    use crate::draft::{Findings, draft};

    fn analysis() -> Analysis {
        let flags = vec![conflict_four_vs_six()];
        let missing = vec![Missing::KickoffDate];
        let deal = DealRecord {
            id: "OPP-1".into(),
            ..Default::default()
        };
        let drafts = draft(
            &bundle(deal, Some("Implementation takes 6 weeks.\n")),
            &Findings {
                rules: crate::draft::test_support::rules(),
                flags: &flags,
                claims: &[],
                goals: &[],
                missing: &missing,
                stakeholders: &[],
            },
        );
        Analysis {
            deal: DealRef {
                id: "OPP-1".into(),
                name: None,
                account: None,
            },
            flags,
            claims: vec![],
            goals: vec![],
            missing,
            stakeholders: vec![],
            files: vec![],
            drafts,
        }
    }

    #[test]
    fn drafts_follow_the_findings_with_score_questions_tasks_and_brief() {
        let text = render(&analysis(), false);
        let at = |needle: &str| {
            text.find(needle)
                .unwrap_or_else(|| panic!("{needle:?} missing from:\n{text}"))
        };
        assert!(at("Missing context") < at("Handoff score"));
        assert!(at("Handoff score") < at("Questions for the AE (2)"));
        assert!(at("Questions for the AE") < at("Kickoff tasks"));
        assert!(at("Kickoff tasks") < at("Brief (draft for CSM review)"));
        at(
            "Q1 [X1] Notes say four weeks (notes/demo.md:12), the signed scope says 6 weeks (sow.txt:31)",
        );
        at("Schedule kickoff with the customer");
        at("no date     Kickoff (not scheduled)");
        assert!(!text.contains('\x1b'), "no escapes without colour");
    }

    #[test]
    fn colour_only_when_asked() {
        assert!(render(&analysis(), true).contains("\x1b[1mHandoff score\x1b[0m"));
    }
}
