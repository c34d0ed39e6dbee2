use super::*;
use crate::handoff::Role;
use crate::handoff::commands::{Criteria, approve, confirm, own_risk, resolve, review};
use crate::handoff::items::{CommitmentOutcome, Resolution, RiskStatus, TaskLine};
use crate::handoff::test_support::{ctx, handoff};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

const HOSTILE: &str = "# Not a heading | a | pipe <script>alert(1)</script> `code` **bold** [link](x) &amp; 1. list\n- item";

/// Headings (level, text) and the number of tables and table cells.
fn parse(md: &str) -> (Vec<(HeadingLevel, String)>, usize, Vec<String>, bool) {
    let mut headings = Vec::new();
    let mut tables = 0;
    let mut cells = Vec::new();
    let mut html = false;
    let mut current: Option<(HeadingLevel, String)> = None;
    let mut cell: Option<String> = None;
    for ev in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => current = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => headings.extend(current.take()),
            Event::Start(Tag::Table(_)) => tables += 1,
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => cells.extend(cell.take()),
            Event::Html(_) | Event::InlineHtml(_) => html = true,
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, h)) = current.as_mut() {
                    h.push_str(&t);
                }
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            _ => {}
        }
    }
    (headings, tables, cells, html)
}

fn approved() -> Handoff {
    let mut h = handoff();
    h.items[0].text = HOSTILE.into();
    h.items[2].text = "Callum is interviewing elsewhere; do not mention it".into();
    h.brief.tasks.push(TaskLine {
        id: "T1".into(),
        text: HOSTILE.into(),
        evidence: vec![],
        kind: None,
        from: vec![],
    });
    h.brief.why_they_bought = HOSTILE.into();
    h.brief
        .success_criteria
        .push(crate::handoff::items::Criterion {
            source: "first_value".into(),
            text: "Ops | weekly".into(),
            date: None,
            evidence: vec![],
        });
    let c = ctx("Priya <b>", Role::Csm);
    h.deal.csm = Some(c.actor.name.clone());
    review(
        &mut h,
        &c,
        "C1",
        CommitmentOutcome::Accepted,
        "note | with `tick`",
    )
    .unwrap();
    resolve(&mut h, &c, "X1", Resolution::ScopeStands, "ok").unwrap();
    own_risk(&mut h, &c, "R1", "Dana", None, RiskStatus::Open).unwrap();
    confirm(&mut h, &c, Criteria::Success).unwrap();
    confirm(&mut h, &c, Criteria::FirstValue).unwrap();
    approve(&mut h, &ctx("Dana", Role::Ae), Role::Ae).unwrap();
    approve(&mut h, &c, Role::Csm).unwrap();
    h
}

#[test]
fn unapproved_is_refused_unless_draft() {
    let h = handoff();
    let e = markdown(&h, false).unwrap_err();
    assert_eq!(
        e.to_string(),
        "OPP-1: not approved (status new); export --draft to write a draft"
    );
    let md = markdown(&h, true).unwrap();
    let (headings, _, _, _) = parse(&md);
    assert!(headings[0].1.starts_with("DRAFT"), "{headings:?}");
    for (level, text) in &headings[1..] {
        assert_eq!(*level, HeadingLevel::H2);
        assert!(text.ends_with("(DRAFT)"), "{text}");
    }
}

#[test]
fn approved_brief_has_its_sections_and_tables() {
    let h = approved();
    let md = markdown(&h, false).unwrap();
    let (headings, tables, cells, html) = parse(&md);
    let names: Vec<&str> = headings.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(
        names,
        [
            "Handoff brief: OPP-1",
            "Status and approvals",
            "Why they bought",
            "Buyer goals",
            "User requirements",
            "Success and first-value criteria",
            "Stakeholders",
            "Commitments",
            "Conflicts and resolutions",
            "Risks and owners",
            "Sensitivities (internal only)",
            "Questions and answers",
            "Kickoff tasks",
            "Evidence index",
        ]
    );
    assert!(!md.contains("DRAFT"));
    assert!(tables >= 8, "{tables}");
    assert!(!html, "raw HTML leaked:\n{md}");
    // The hostile commitment is one cell, verbatim (newline folded).
    assert!(
        cells.iter().any(|c| c == &HOSTILE.replace('\n', " ")),
        "{cells:?}"
    );
    assert!(cells.iter().any(|c| c == "note | with `tick`"));
    assert!(cells.iter().any(|c| c == "notes/a.md:3"));
    // Approvals: both roles with the hash.
    assert!(cells.iter().any(|c| c == "AE") && cells.iter().any(|c| c == "CSM"));
    // The sensitive risk is only under internal only.
    let internal = md.split("## Sensitivities").nth(1).unwrap();
    assert!(internal.contains("interviewing"));
    assert!(
        !md.split("## Sensitivities")
            .next()
            .unwrap()
            .contains("interviewing")
    );
}

#[test]
fn inline_escapes_what_markdown_would_read() {
    assert_eq!(inline("a|b"), "a\\|b");
    assert_eq!(inline("# x"), "\\# x");
    assert_eq!(inline("<b>`x`</b>"), "\\<b\\>\\`x\\`\\</b\\>");
    assert_eq!(inline("line\nnext"), "line next");
    assert_eq!(inline("12. not a list"), "12\\. not a list");
    assert_eq!(inline("- not a bullet"), "\\- not a bullet");
    assert_eq!(inline("A & B: fine"), "A & B: fine");
    assert_eq!(inline("&amp; stays text"), "\\&amp; stays text");
    let md = format!("{}\n", inline(HOSTILE));
    let (headings, tables, _, html) = parse(&md);
    assert!(headings.is_empty() && tables == 0 && !html);
    assert!(is_sensitive("Don't mention the layoffs"));
    assert!(!is_sensitive("Legacy export untested"));
}

#[test]
fn files_not_read_are_named_with_their_reason() {
    let mut h = approved();
    let md = markdown(&h, false).unwrap();
    assert!(!md.contains("Files not read"));
    h.brief
        .unread_files
        .push(crate::handoff::items::UnreadFile {
            path: "notes/a|b`c.pdf".into(),
            reason: HOSTILE.into(),
        });
    let md = markdown(&h, false).unwrap();
    let (headings, _, cells, html) = parse(&md);
    assert_eq!(headings[2].1, "Files not read");
    assert!(cells.iter().any(|c| c == "notes/a|b'c.pdf"), "{cells:?}");
    assert!(cells.iter().any(|c| c == &HOSTILE.replace('\n', " ")));
    assert!(!html);
}

#[test]
fn an_executive_sponsor_reads_as_such() {
    let mut h = approved();
    let person = |name: &str, role: Option<&str>, sponsor| crate::handoff::items::Person {
        name: name.into(),
        title: None,
        role: role.map(str::to_string),
        executive_sponsor: sponsor,
        evidence: vec![],
    };
    h.brief.stakeholders = vec![
        person("Maria Chen", Some("executive_sponsor"), true),
        person("Ines Duarte", Some("economic_buyer"), true),
        person("Tom Reyes", None, true),
        person("Raw Raw", Some("a*b_c"), false),
    ];
    let md = markdown(&h, false).unwrap();
    assert!(!md.contains("executive\\ sponsor"), "{md}");
    assert!(
        md.contains("| Maria Chen |   | executive sponsor |"),
        "{md}"
    );
    let (_, _, cells, _) = parse(&md);
    assert!(
        cells
            .iter()
            .any(|c| c == "economic buyer, executive sponsor")
    );
    assert!(cells.iter().any(|c| c == "executive sponsor"));
    // Markup in a role is still escaped, and read back as written.
    assert!(cells.iter().any(|c| c == "a*b c"), "{cells:?}");
}
