use super::*;
use crate::analysis::Category;
use crate::bundle::{DealRecord, FirstValue};
use crate::draft::test_support::*;

fn ask(
    bundle: &Bundle,
    flags: &[crate::analysis::Flag],
    missing: &[Missing],
    stakeholders: &[crate::analysis::Stakeholder],
) -> Vec<Question> {
    draft(
        bundle,
        &Findings {
            rules: rules(),
            flags,
            claims: &[],
            goals: &[],
            missing,
            stakeholders,
        },
    )
}

#[test]
fn a_conflict_question_cites_both_sides() {
    let b = bundle(
        DealRecord::default(),
        Some("Implementation takes 6 weeks.\n"),
    );
    let flags = [
        commitment(
            Category::Timeline,
            "Told them four weeks.",
            ev("notes/demo.md", 12),
        ),
        conflict_four_vs_six(),
    ];
    let qs = ask(&b, &flags, &[], &[]);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].about, "X1");
    assert_eq!(
        qs[0].text,
        "Notes say four weeks (notes/demo.md:12), the signed scope says 6 weeks (sow.txt:31): which did the customer agree to?"
    );
    assert_eq!(
        qs[0].evidence,
        vec![ev("notes/demo.md", 12), ev("sow.txt", 31)]
    );
}

#[test]
fn sponsor_question_names_customer_executives_only() {
    let b = bundle(
        DealRecord {
            account: Some("Acme".into()),
            ..Default::default()
        },
        None,
    );
    let people = [
        customer("Maria Chen", Some("VP Operations"), None, false),
        customer("Tom Reed", Some("IT Manager"), None, false),
    ];
    let qs = ask(&b, &[], &[Missing::ExecutiveSponsor], &people);
    assert_eq!(qs[0].about, "executive_sponsor");
    assert!(
        qs[0].text.contains("Maria Chen (VP Operations)"),
        "{}",
        qs[0].text
    );
    assert!(!qs[0].text.contains("Tom Reed"));
    assert_eq!(qs[0].evidence, vec![ev("deal.toml", 20)]);
}

#[test]
fn ids_follow_conflicts_then_missing() {
    let fv = FirstValue {
        date: "2026-12-18".parse().ok(),
        criteria: None,
        line: 9,
    };
    let b = bundle(
        DealRecord {
            first_value: Some(fv),
            ..Default::default()
        },
        Some("x\n"),
    );
    let qs = ask(
        &b,
        &[conflict_four_vs_six()],
        &[Missing::KickoffDate, Missing::FirstValueMilestone],
        &[],
    );
    let ids: Vec<(&str, &str)> = qs
        .iter()
        .map(|q| (q.id.as_str(), q.about.as_str()))
        .collect();
    assert_eq!(
        ids,
        [
            ("Q1", "X1"),
            ("Q2", "kickoff_date"),
            ("Q3", "first_value_milestone")
        ]
    );
    assert!(
        qs[1].text.contains("first value is due 2026-12-18"),
        "{}",
        qs[1].text
    );
    assert!(
        qs[2]
            .text
            .starts_with("What concrete outcome will the customer reach first")
    );
}

#[test]
fn files_not_read_are_asked_for_and_named_in_the_brief() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("notes")).unwrap();
    std::fs::write(root.join("notes/call.md"), "We will ship in four weeks.\n").unwrap();
    std::fs::write(root.join("notes/photo.md"), b"\x89PNG\r\n\x00\xff").unwrap();
    std::fs::write(root.join("notes/logo.png"), b"\x89PNG").unwrap();
    std::fs::write(root.join("order-form.pdf"), b"%PDF-1.4 cut off").unwrap();
    let b = crate::bundle::load(root).unwrap();
    let a = crate::analysis::analyze(&b, rules());
    let about: Vec<&str> = a
        .drafts
        .questions
        .iter()
        .map(|q| q.about.as_str())
        .collect();
    // The binary note is asked for; the picture is no format baton reads, and
    // the unreadable scope is asked for once, as the missing signed scope.
    assert_eq!(about.iter().filter(|a| **a == "unread_file").count(), 1);
    let photo = a
        .drafts
        .questions
        .iter()
        .find(|q| q.about == "unread_file")
        .unwrap();
    assert!(
        photo
            .text
            .starts_with("notes/photo.md could not be read (line 2: binary data"),
        "{}",
        photo.text
    );
    let scope = a
        .drafts
        .questions
        .iter()
        .find(|q| q.about == "signed_scope")
        .unwrap();
    assert!(
        scope
            .text
            .starts_with("The signed scope order-form.pdf could not be read ("),
        "{}",
        scope.text
    );
    let unread: Vec<&str> = a
        .drafts
        .brief
        .unread_files
        .iter()
        .map(|u| u.path.as_str())
        .collect();
    assert_eq!(
        unread,
        ["notes/logo.png", "notes/photo.md", "order-form.pdf"]
    );
}

/// Three mentions of one timeline claim against two lines of the scope: one
/// question, in the first mention's words, citing every line.
#[test]
fn a_conflict_claim_is_one_question_citing_every_mention() {
    use crate::analysis::FlagKind;
    use crate::analysis::claims::Claim;
    let b = bundle(DealRecord::default(), Some("12 weeks.\n"));
    let conflict = |text: &str, notes: Evidence, scope: Evidence| {
        flag(
            FlagKind::Conflict,
            Some(Category::Timeline),
            text,
            vec![notes, scope],
        )
    };
    let flags = [
        conflict(
            "Notes say six weeks; the signed scope says 12 weeks. The signed scope says: \"12 weeks.\" (sow.txt:32).",
            ev("notes/call.md", 36),
            ev("sow.txt", 32),
        ),
        conflict(
            "Notes promise mid-August; the signed scope's 12 weeks ends 2026-10-05.",
            ev("notes/recap.eml", 17),
            ev("sow.txt", 32),
        ),
        conflict(
            "Notes say 14 hotels; the signed scope says three-hotel.",
            ev("notes/recap.eml", 54),
            ev("sow.txt", 33),
        ),
    ];
    let claims = [Claim {
        kind: FlagKind::Conflict,
        flags: vec![0, 1, 2],
    }];
    let qs = draft(
        &b,
        &Findings {
            rules: rules(),
            flags: &flags,
            claims: &claims,
            goals: &[],
            missing: &[],
            stakeholders: &[],
        },
    );
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].about, "X1");
    assert_eq!(
        qs[0].text,
        "Notes say six weeks (notes/call.md:36, notes/recap.eml:17, notes/recap.eml:54), the signed scope says 12 weeks (sow.txt:32, sow.txt:33): which did the customer agree to?"
    );
    assert_eq!(qs[0].evidence.len(), 5);
    // Without the claims: one question per conflict, as before.
    assert_eq!(ask(&b, &flags, &[], &[]).len(), 3);
}
