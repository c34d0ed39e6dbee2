//! The grouping on mentions as deals write them: a call and its recap, a CRM
//! field and the note it came from, and the near-misses that are two claims.

use super::*;
use crate::analysis::{Category, Evidence, Flag, FlagKind};
use std::sync::LazyLock;

static RULES: LazyLock<Rules> = LazyLock::new(Rules::builtin);

fn ev(file: &str, line: u32) -> Evidence {
    Evidence {
        file: file.into(),
        line,
    }
}

fn flag(kind: FlagKind, category: Option<Category>, text: &str, evidence: Vec<Evidence>) -> Flag {
    Flag {
        kind,
        category,
        text: text.into(),
        evidence,
        speaker: None,
        cues: vec![],
    }
}

fn promise(category: Category, text: &str, file: &str, line: u32) -> Flag {
    flag(
        FlagKind::Commitment,
        Some(category),
        text,
        vec![ev(file, line)],
    )
}

fn risk(text: &str, file: &str, line: u32) -> Flag {
    flag(FlagKind::Risk, None, text, vec![ev(file, line)])
}

fn conflict(category: Category, notes: (&str, u32), scope_line: u32) -> Flag {
    flag(
        FlagKind::Conflict,
        Some(category),
        "Notes say one thing; the signed scope says another.",
        vec![ev(notes.0, notes.1), ev("order-form.pdf", scope_line)],
    )
}

fn grouped(flags: &[Flag]) -> Vec<Vec<usize>> {
    group(&RULES, flags, jiff::civil::date(2026, 6, 1))
        .into_iter()
        .map(|c| c.flags)
        .collect()
}

const CALL: &str = "notes/2026-05-12-discovery.md";
const RECAP: &str = "notes/2026-06-29-recap.eml";

#[test]
fn a_call_and_its_recap_saying_one_promise_are_one_claim() {
    let flags = [
        promise(
            Category::Timeline,
            "Callum asked how long a group rollout takes. Imogen told him six weeks from kickoff to all 14 hotels is realistic if the catalogues are ready.",
            CALL,
            36,
        ),
        promise(
            Category::Integration,
            "Rafael confirmed the standard Sage 200 connector works with their on-premise install.",
            CALL,
            40,
        ),
        promise(
            Category::Timeline,
            "Timeline: 6 weeks from kickoff to all 14 hotels ordering through Tallyforge.",
            RECAP,
            54,
        ),
    ];
    assert_eq!(grouped(&flags), [vec![0, 2]]);
}

#[test]
fn a_crm_field_the_call_and_the_recap_of_one_discount_are_one_claim() {
    let flags = [
        promise(
            Category::Discount,
            "15% off the first-year subscription, approved by deal desk for signature by 30 June",
            "deal.toml",
            53,
        ),
        promise(
            Category::Discount,
            "After the call Imogen got deal desk approval for 15% off the first-year subscription if the order form is signed by 30 June.",
            CALL,
            36,
        ),
        promise(
            Category::Discount,
            "15% off the first-year subscription, approved by our deal desk.",
            RECAP,
            51,
        ),
    ];
    assert_eq!(grouped(&flags), [vec![0, 1, 2]]);
}

#[test]
fn the_same_topic_with_another_figure_is_another_claim() {
    let flags = [
        promise(
            Category::Timeline,
            "Imogen told him six weeks from kickoff to all 14 hotels is realistic.",
            CALL,
            36,
        ),
        promise(
            Category::Timeline,
            "Imogen told him eight weeks from kickoff to all 14 hotels is realistic.",
            RECAP,
            54,
        ),
        promise(
            Category::Discount,
            "We agreed 15% off the first-year subscription.",
            CALL,
            60,
        ),
        promise(
            Category::Discount,
            "We agreed 20% off the first-year subscription.",
            RECAP,
            61,
        ),
    ];
    assert!(grouped(&flags).is_empty(), "{:?}", grouped(&flags));
}

#[test]
fn the_same_figure_on_another_topic_is_another_claim() {
    let flags = [
        promise(
            Category::Discount,
            "We agreed 15% off the first-year subscription.",
            CALL,
            60,
        ),
        promise(
            Category::Discount,
            "We agreed 15% off the onboarding and training fee.",
            RECAP,
            61,
        ),
        // The same words and figure, filed under another category.
        promise(
            Category::Timeline,
            "Go-live for all 14 hotels by 14 August.",
            CALL,
            70,
        ),
        promise(
            Category::Scope,
            "Go-live for all 14 hotels by 14 August.",
            RECAP,
            71,
        ),
    ];
    assert!(grouped(&flags).is_empty(), "{:?}", grouped(&flags));
}

#[test]
fn a_deal_term_with_another_value_is_another_claim_whatever_the_words() {
    let flags = [
        promise(
            Category::Custom,
            "Your data is hosted in our Frankfurt region.",
            CALL,
            10,
        ),
        promise(
            Category::Custom,
            "Your data is hosted in our Dublin region.",
            RECAP,
            11,
        ),
    ];
    assert!(grouped(&flags).is_empty(), "{:?}", grouped(&flags));
    // The same term, said twice in other words: one claim.
    let flags = [
        promise(
            Category::Custom,
            "Your data is hosted in our Frankfurt region, never outside the EU.",
            CALL,
            10,
        ),
        promise(
            Category::Custom,
            "Reminder: your data stays hosted in our Frankfurt region.",
            RECAP,
            11,
        ),
    ];
    assert_eq!(grouped(&flags), [vec![0, 1]]);
}

#[test]
fn a_mention_without_the_figure_cannot_bridge_two_figures() {
    let flags = [
        promise(
            Category::Timeline,
            "Six weeks from kickoff to all 14 hotels ordering through Tallyforge.",
            CALL,
            36,
        ),
        promise(
            Category::Timeline,
            "From kickoff to all 14 hotels ordering through Tallyforge.",
            RECAP,
            50,
        ),
        promise(
            Category::Timeline,
            "Eight weeks from kickoff to all 14 hotels ordering through Tallyforge.",
            RECAP,
            54,
        ),
    ];
    assert_eq!(grouped(&flags), [vec![0, 1]]);
}

#[test]
fn a_recap_may_leave_a_figure_out_but_never_say_another() {
    let flags = [
        risk(
            "State EVV hard edit: unverified Medicaid visits are denied from January 1, 2027",
            "deal.toml",
            54,
        ),
        risk(
            "2026-07-09 | Note | Jordan Pike | Driver is the Jan 1 EVV hard edit: unverified Medicaid visits denied from that date.",
            "notes/crm.txt",
            4,
        ),
        risk(
            "2026-07-09 | Note | Jordan Pike | Driver is the Mar 1 EVV hard edit: unverified Medicaid visits denied from that date.",
            "notes/crm.txt",
            5,
        ),
    ];
    assert_eq!(grouped(&flags), [vec![0, 1]]);
}

/// A list of promises written from one template: the words every line says
/// are the template's, not a claim's.
#[test]
fn lines_of_one_template_are_not_one_claim() {
    let things = [
        "apple", "birch", "cedar", "delta", "ember", "falcon", "garnet", "harbor", "indigo",
        "juniper", "kestrel", "lantern",
    ];
    let verbs = [
        "configure",
        "install",
        "migrate",
        "connect",
        "train",
        "audit",
    ];
    let texts: Vec<String> = (0..12)
        .map(|i| {
            format!(
                "We will {} the {} {} console for the customer at no charge.",
                verbs[i % 6],
                things[i],
                things[(i * 5 + 3) % 12]
            )
        })
        .collect();
    let mut flags: Vec<Flag> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| promise(Category::Scope, t, CALL, i as u32 + 1))
        .collect();
    assert!(grouped(&flags).is_empty(), "{:?}", grouped(&flags));
    // The same line said again is still one claim.
    flags.push(promise(Category::Scope, &texts[3], RECAP, 9));
    assert_eq!(grouped(&flags), [vec![3, 12]]);
}

#[test]
fn repeated_risks_are_one_claim_and_different_ones_are_not() {
    let flags = [
        risk(
            "Sage 200 supplier master holds roughly 3,000 suppliers, many duplicated per hotel",
            "deal.toml",
            49,
        ),
        risk(
            "The supplier master in Sage 200 is a mess: around 3,000 suppliers, with the same wholesaler set up separately at each hotel.",
            CALL,
            29,
        ),
        risk(
            "Callum pushed back hard on price: Fiona will not sign anything above £65,000 for year one.",
            CALL,
            35,
        ),
        risk(
            "Imogen, Fiona is happy in principle but she still won't go above £65,000 for year one.",
            RECAP,
            66,
        ),
        risk("Ade's security questionnaire is still open.", CALL, 30),
        // Same budget words, another ceiling: another risk.
        risk(
            "Fiona will not sign anything above £80,000 for year one.",
            RECAP,
            70,
        ),
    ];
    assert_eq!(grouped(&flags), [vec![0, 1], vec![2, 3]]);
}

#[test]
fn conflicts_with_one_scope_line_on_one_topic_are_one_claim() {
    let flags = [
        conflict(Category::Discount, ("deal.toml", 53), 22),
        conflict(Category::Integration, (CALL, 24), 37),
        conflict(Category::Discount, (CALL, 36), 22),
        conflict(Category::Discount, (RECAP, 33), 22),
        conflict(Category::Integration, (RECAP, 52), 37),
        // The same scope line, another topic: another issue.
        conflict(Category::Timeline, (RECAP, 60), 22),
    ];
    assert_eq!(grouped(&flags), [vec![0, 2, 3], vec![1, 4]]);
}

#[test]
fn conflicts_resting_on_one_promise_are_one_claim_across_scope_lines() {
    let flags = [
        promise(
            Category::Timeline,
            "Imogen told him six weeks from kickoff to all 14 hotels is realistic.",
            CALL,
            36,
        ),
        promise(
            Category::Timeline,
            "Timeline: six weeks from kickoff to all 14 hotels ordering through Tallyforge.",
            RECAP,
            54,
        ),
        promise(
            Category::Timeline,
            "I told them the whole group would be live by mid-August.",
            RECAP,
            17,
        ),
        conflict(Category::Timeline, (CALL, 36), 32),
        conflict(Category::Timeline, (RECAP, 17), 32),
        // Line 33 is the pilot: the recap's repeat of the call contradicts it.
        conflict(Category::Timeline, (RECAP, 54), 33),
    ];
    assert_eq!(grouped(&flags), [vec![0, 1], vec![3, 4, 5]]);
}

#[test]
fn conflicts_on_one_scope_line_about_two_deal_terms_are_two_claims() {
    let flags = [
        promise(
            Category::Custom,
            "Support is 24/7, call us whenever you need us.",
            CALL,
            5,
        ),
        promise(
            Category::Custom,
            "Your data is hosted in our Frankfurt region.",
            CALL,
            6,
        ),
        conflict(Category::Custom, (CALL, 5), 40),
        conflict(Category::Custom, (CALL, 6), 40),
    ];
    assert!(grouped(&flags).is_empty(), "{:?}", grouped(&flags));
}

#[test]
fn leaders_name_each_flag_by_its_first_mention() {
    let claims = [
        Claim {
            kind: FlagKind::Conflict,
            flags: vec![1, 3, 4],
        },
        Claim {
            kind: FlagKind::Risk,
            flags: vec![5, 6],
        },
    ];
    assert_eq!(leaders(7, &claims), [0, 1, 2, 1, 1, 5, 5]);
}

#[test]
fn the_stop_words_are_sorted_for_the_search() {
    assert!(STOP.windows(2).all(|w| w[0] < w[1]));
    for w in ["the", "we", "your", "about"] {
        assert!(is_stop(w), "{w}");
    }
    for w in ["hotel", "kickoff", "frankfurt"] {
        assert!(!is_stop(w), "{w}");
    }
}

/// The demo's Brannock Hotels: nine conflicts that are three issues (the
/// discount, KitchenLedger, the timeline), each conflict still a finding.
#[test]
fn brannock_has_nine_conflicts_in_three_claims() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/brannock-hotels-procurement");
    let bundle = crate::bundle::load(&root).unwrap();
    let a = crate::analysis::analyze(&bundle, &RULES);
    let conflicts = a
        .flags
        .iter()
        .filter(|f| f.kind == FlagKind::Conflict)
        .count();
    assert_eq!(conflicts, 9);
    let claims: Vec<Vec<String>> = a
        .claims
        .iter()
        .filter(|c| c.kind == FlagKind::Conflict)
        .map(|c| {
            c.flags
                .iter()
                .map(|&i| a.flags[i].evidence.last().unwrap().to_string())
                .collect()
        })
        .collect();
    assert_eq!(claims.len(), 3, "{claims:#?}");
    let scope_lines: Vec<std::collections::BTreeSet<&str>> = claims
        .iter()
        .map(|c| c.iter().map(String::as_str).collect())
        .collect();
    assert!(
        scope_lines.contains(&["order-form.pdf:22"].into()),
        "the discount: {scope_lines:?}"
    );
    assert!(
        scope_lines.contains(&["order-form.pdf:37"].into()),
        "KitchenLedger: {scope_lines:?}"
    );
    assert!(
        // Every mention against the clause the gold names (order-form.pdf:32).
        scope_lines.contains(&["order-form.pdf:32"].into()),
        "the timeline: {scope_lines:?}"
    );
    assert_eq!(claims.iter().map(Vec::len).sum::<usize>(), 9);
}
