//! End to end in a real terminal: the `baton` binary runs `demo` inside tmux
//! and is driven with keystrokes (`tmux send-keys`); each step waits for what
//! the screen must show (`tmux capture-pane`), then the workspace the walk
//! wrote is checked through the library.
//!
//! The binary is the release build (`target/release/baton`, under
//! `CARGO_TARGET_DIR` when set; CI builds it first) when it is at least as new
//! as every source file, else the debug build cargo made for this run
//! (`CARGO_BIN_EXE_baton`), so a stale release binary is never tested.
//! `BATON_E2E_BIN` names another. Each test starts its own tmux server on a private
//! socket with an isolated HOME, so no user config, keymap or workspace leaks
//! in. Skipped, with a note on stderr, when `tmux` is not installed.
//!
//! ```sh
//! cargo test --test tui_e2e
//! ```

#![cfg(feature = "tui")]

use baton::handoff::items::RiskStatus;
use baton::handoff::{Decision, Item, ItemKind, Role, gates, review_hash};
use baton::tui::state::flow::{Context, Flow};
use baton::tui::state::handoff::HandoffView;
use baton::workspace::Workspace;
use std::path::Path;
use std::time::Instant;

use crate::tmux_support::*;

/// The demo deal with conflicts, commitments, risks and questions open.
const DEAL: &str = "CD-0926-214";

/// The screen line that shows `needle`.
fn line_with<'a>(screen: &'a str, needle: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle:?} in:\n{screen}"))
}

/// A tab's titles, full and as a narrow tab bar shortens them.
const CHECKLIST: &[&str] = &["Checklist", "Check"];
const RISKS: &[&str] = &["Risks"];
const QUESTIONS: &[&str] = &["Questions", "Qs"];
const SIGN_OFF: &[&str] = &["Sign-off", "Sign"];

/// The badge after a tab's title in the tab bar (the open count, `✔` or
/// `2✘`), empty when it has none. Titles may carry their number (`3 Checklist`).
fn tab_badge(screen: &str, titles: &[&str]) -> String {
    let bar = screen.lines().nth(2).unwrap_or_default();
    for tab in bar.split('│') {
        let mut words: Vec<&str> = tab.split_whitespace().collect();
        if words
            .first()
            .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
        {
            words.remove(0);
        }
        if let Some((title, badge)) = words.split_first()
            && titles.contains(title)
        {
            return badge.join(" ");
        }
    }
    panic!("no tab {titles:?} in the tab bar {bar:?}:\n{screen}")
}

/// The queue row's last four cells: C, X, R, Q (a zero shows as `·`).
fn counts(row: &str) -> Vec<String> {
    let cells: Vec<&str> = row.split_whitespace().collect();
    cells[cells.len() - 4..]
        .iter()
        .map(|c| c.to_string())
        .collect()
}

fn count_cell(n: usize) -> String {
    if n == 0 { "·".into() } else { n.to_string() }
}

/// Move a list cursor from `at` down to `to` (lists keep their order when
/// an item is decided, and the cursor stays on it).
fn move_to(t: &Term, at: &mut usize, to: usize) {
    assert!(to >= *at, "the walk goes down the list");
    t.press("j", to - *at);
    *at = to;
}

/// After a decision the cursor moves to the next item that needs one: the
/// next stop of a walk over exactly those items.
fn advanced(at: &mut usize, next: Option<usize>) {
    if let Some(n) = next {
        *at = n;
    }
}

fn needs_review(i: &Item) -> bool {
    match (&i.kind, &i.decision) {
        (ItemKind::Commitment | ItemKind::Conflict, Decision::Pending) => true,
        (ItemKind::Commitment, Decision::Commitment { outcome, .. }) => {
            *outcome == baton::handoff::items::CommitmentOutcome::SentToAe
        }
        _ => false,
    }
}

fn unowned(i: &Item) -> bool {
    match &i.decision {
        Decision::Pending => true,
        Decision::Risk { owner, status, .. } => {
            owner.trim().is_empty() && *status == RiskStatus::Open
        }
        _ => false,
    }
}

/// What the walk must do on the deal, read through the library before any
/// key is pressed: (list index, id) per tab, and the default risk owner.
struct Plan {
    checklist: Vec<(usize, String, ItemKind)>,
    risks: Vec<(usize, String)>,
    questions: Vec<(usize, String)>,
    first_owner: String,
    decided_before: Vec<(String, String)>,
    gates: usize,
}

fn plan(db: &Path) -> Plan {
    let ws = Workspace::open(db).expect("the demo workspace opens beside the TUI");
    let v = HandoffView::load(&ws, DEAL).expect("the demo has the saltmarsh deal");
    assert_eq!(
        v.h.status.as_str(),
        "paused",
        "the demo story pauses {DEAL}"
    );
    let checklist: Vec<_> = v
        .checklist()
        .iter()
        .enumerate()
        .filter(|(_, i)| needs_review(i))
        .map(|(n, i)| (n, i.id.clone(), i.kind))
        .collect();
    let risks: Vec<_> = v
        .risks()
        .iter()
        .enumerate()
        .filter(|(_, i)| unowned(i))
        .map(|(n, i)| (n, i.id.clone()))
        .collect();
    let questions: Vec<_> = v
        .questions()
        .iter()
        .enumerate()
        .filter(|(_, i)| matches!(i.decision, Decision::Pending))
        .map(|(n, i)| (n, i.id.clone()))
        .collect();
    let kinds = |k| checklist.iter().filter(|c| c.2 == k).count();
    assert!(
        kinds(ItemKind::Commitment) >= 2 && kinds(ItemKind::Conflict) >= 2,
        "the walk rejects one commitment and clarifies one conflict: {checklist:?}"
    );
    assert!(
        risks.len() >= 2 && !questions.is_empty(),
        "{risks:?} {questions:?}"
    );
    let today = "2026-09-04".parse().unwrap();
    // The pane's config.toml lists the test user in the team (as a CSM).
    let team = [ME.to_string()];
    let cx = Context {
        h: &v.h,
        team: &team,
        role: Some(Role::Csm),
        today,
    };
    let first_owner = Flow::owner_options(&cx, None)[0].clone();
    let decided_before =
        v.h.items
            .iter()
            .filter_map(|i| Some((i.id.clone(), i.decision.by()?.name.clone())))
            .collect();
    Plan {
        checklist,
        risks,
        questions,
        first_owner,
        decided_before,
        gates: v.gates.len(),
    }
}

const NOTE: &str = "e2e: quick check? the signed scope governs";
const ANSWER: &str = "Jordan confirmed: remote go-live support only";
const DUE: &str = "2026-09-18";

#[test]
fn a_csm_walks_a_paused_handoff_from_the_queue_to_sign_off() {
    if !tmux_installed() {
        eprintln!("skipped: tmux is not installed (the end-to-end TUI test drives baton in tmux)");
        return;
    }
    let started = Instant::now();
    let t = Term::start("walk", 120, 36);

    // ---- the queue: every demo deal, sorted by kickoff
    let s = t.wait_for("the demo queue", START, |s| s.contains("6 of 6 handoffs"));
    assert!(s.contains("onboarding queue") && s.contains("Test CSM (CSM) · 2026-09-04"));
    assert!(s.contains("sorted by kickoff"), "{s}");
    let row = |s: &str, id: &str| {
        s.lines()
            .position(|l| l.contains(id))
            .unwrap_or_else(|| panic!("{id} not in the queue:\n{s}"))
    };
    // Returned (in 3 days), approved (10), ours (17), then no kickoff date.
    assert!(row(&s, "SW-AU-26-1193") < row(&s, "TF-OPP-26-0457"), "{s}");
    assert!(row(&s, "TF-OPP-26-0457") < row(&s, DEAL), "{s}");
    assert!(row(&s, DEAL) < row(&s, "KW-2026-011"), "{s}");
    assert!(
        line_with(&s, "SW-AU-26-1193").starts_with("returned"),
        "{s}"
    );

    let p = plan(&t.db());
    let n_commitments = p
        .checklist
        .iter()
        .filter(|c| c.2 == ItemKind::Commitment)
        .count();
    let n_conflicts = p.checklist.len() - n_commitments;
    // The queue's counts are the library's.
    assert_eq!(
        counts(line_with(&s, DEAL)),
        [
            count_cell(n_commitments),
            count_cell(n_conflicts),
            count_cell(p.risks.len()),
            count_cell(p.questions.len()),
        ],
        "{s}"
    );

    // ---- status filter 3 (paused), then the live fuzzy filter
    t.keys(&["3"]);
    let s = t.until(&["status: paused", "2 of 6 handoffs"]);
    assert!(s.contains(DEAL) && s.contains("KW-2026-011"), "{s}");
    assert!(!s.contains("SW-AU-26-1193"), "returned is not paused:\n{s}");
    t.keys(&["/"]);
    t.type_text("saltm");
    let s = t.until(&["filter: saltm", "enter opens"]);
    assert!(
        !s.contains("KW-2026-011"),
        "the filter applies as typed:\n{s}"
    );
    // Enter in the field opens the best match.
    t.keys(&["Enter"]);
    let s = t.until(&[
        &format!("{DEAL} [paused]"),
        "handoff review",
        "Why they bought",
    ]);
    assert_eq!(
        tab_badge(&s, CHECKLIST),
        (n_commitments + n_conflicts).to_string(),
        "the checklist tab counts what is open:\n{s}"
    );
    assert_eq!(tab_badge(&s, RISKS), p.risks.len().to_string(), "{s}");

    // ---- checklist: every commitment and conflict decided with a note
    t.keys(&["3"]);
    t.wait_for("the checklist", STEP, |s| {
        s.lines().any(|l| l.starts_with("Item Kind"))
    });
    let mut at = 0;
    let mut rejected = None;
    let mut clarified = None;
    let last_conflict = p.checklist.iter().rposition(|c| c.2 == ItemKind::Conflict);
    for (n, (i, id, kind)) in p.checklist.iter().enumerate() {
        move_to(&t, &mut at, *i);
        t.keys(&["Enter"]);
        let (choice, word) = match kind {
            ItemKind::Commitment => {
                t.until(&[&format!("Decide {id}"), "Send to AE"]);
                if rejected.is_none() && n > 0 {
                    rejected = Some(id.clone());
                    (1, "rejected")
                } else {
                    (0, "accepted")
                }
            }
            _ => {
                t.until(&[&format!("Resolve {id}"), "The signed scope stands"]);
                if Some(n) == last_conflict {
                    clarified = Some(id.clone());
                    (2, "resolved: clarified")
                } else {
                    (0, "resolved: scope stands")
                }
            }
        };
        t.press("j", choice);
        t.keys(&["Enter"]);
        t.until(&[&format!("Note on {id}")]);
        // `q` and `?` are typed, not taken as back and help.
        t.type_text(NOTE);
        t.until(&[NOTE]);
        t.keys(&["Enter"]);
        t.until(&[&format!("{id} {word}")]);
        advanced(&mut at, p.checklist.get(n + 1).map(|c| c.0));
    }
    let s = t.wait_for("the checklist done", STEP, |s| {
        tab_badge(s, CHECKLIST).is_empty() && s.contains(&format!("{DEAL} [in review]"))
    });
    let open_rows = s
        .lines()
        .filter(|l| l.starts_with('C') || l.starts_with('X'))
        .filter(|l| l.contains(" pending ") || l.contains(" sent to ae "))
        .count();
    assert_eq!(open_rows, 0, "no commitment or conflict left open:\n{s}");

    // ---- risks: every unowned risk gets an owner
    t.keys(&["4"]);
    t.wait_for("the risks", STEP, |s| {
        s.lines().any(|l| l.starts_with("Risk Owner"))
    });
    let mut at = 0;
    for (n, (i, id)) in p.risks.iter().enumerate() {
        move_to(&t, &mut at, *i);
        t.keys(&["Enter"]);
        t.until(&[&format!("Owner of {id}"), "Type a name…"]);
        let owner = if n == 0 {
            // The last option asks for a name; the picker stops at the end.
            t.press("j", 40);
            t.keys(&["Enter"]);
            t.until(&["│ a name "]);
            t.type_text(ME);
            t.keys(&["Enter"]);
            t.until(&[&format!("{id} due")]);
            t.type_text("2026-13-01");
            t.keys(&["Enter"]);
            t.until(&["is not a date: use YYYY-MM-DD"]);
            t.press("BSpace", 10);
            t.type_text(DUE);
            t.keys(&["Enter"]);
            ME.to_string()
        } else {
            t.keys(&["Enter"]);
            t.until(&[&format!("{id} due")]);
            t.keys(&["Enter"]);
            p.first_owner.clone()
        };
        t.until(&[&format!("{id} status"), "Mitigated"]);
        t.keys(&["Enter"]);
        t.until(&[&format!("{id} owned by {owner}")]);
        advanced(&mut at, p.risks.get(n + 1).map(|r| r.0));
    }
    let s = t.wait_for("every risk owned", STEP, |s| tab_badge(s, RISKS).is_empty());
    assert!(!s.contains("— none —"), "{s}");

    // ---- questions: answered
    t.keys(&["6"]);
    t.until(&["Question for the AE"]);
    let mut at = 0;
    for (n, (i, id)) in p.questions.iter().enumerate() {
        move_to(&t, &mut at, *i);
        t.keys(&["Enter"]);
        t.until(&[&format!("Answer {id}"), "what the AE said"]);
        t.type_text(ANSWER);
        t.keys(&["Enter"]);
        t.until(&[&format!("{id} answered")]);
        advanced(&mut at, p.questions.get(n + 1).map(|q| q.0));
    }
    t.wait_for("every question answered", STEP, |s| {
        tab_badge(s, QUESTIONS).is_empty()
    });

    // ---- sign-off: confirm the criteria, then every gate passes
    t.keys(&["9"]);
    let s = t.until(&["Gates", "Criteria", "1 gate(s) fail"]);
    assert!(
        s.contains("success criteria not confirmed (c confirms)"),
        "{s}"
    );
    t.keys(&["c"]);
    t.until(&["Confirm the success criteria of CD-0926-214 as written?"]);
    t.keys(&["y"]);
    t.until(&["success criteria confirmed by Test CSM on 2026-09-04"]);
    t.keys(&["f"]);
    t.until(&["Confirm the first-value criteria of CD-0926-214"]);
    t.keys(&["y"]);
    let s = t.until(&[
        "first-value criteria confirmed by Test CSM on 2026-09-04",
        "Every gate passes",
        &format!("{DEAL} [ready]"),
    ]);
    assert_eq!(s.matches("✔ pass").count(), p.gates, "{s}");
    assert!(!s.contains("FAIL"), "{s}");
    assert_eq!(tab_badge(&s, SIGN_OFF), "✔", "{s}");
    assert!(s.contains("AE has not approved this state"), "{s}");

    // ---- approve as CSM (the only approval a CSM is offered), then the AE
    // approves from the CLI and the TUI shows it on refresh.
    t.keys(&["a"]);
    let s = t.until(&[&format!("Approve {DEAL} as CSM?")]);
    assert!(
        !s.contains("Approve as AE"),
        "a CSM approves only as CSM:\n{s}"
    );
    t.keys(&["y"]);
    let s = t.until(&[
        "approval recorded: Test CSM as CSM",
        "CSM approved by Test CSM on 2026-09-04 09:00",
    ]);
    assert!(s.contains("AE has not approved this state"), "{s}");
    assert!(
        s.contains(&format!("{DEAL} [ready]")),
        "one approval is not enough:\n{s}"
    );
    let out = t.cli(&["--as", "Jordan Pike", "--role", "ae", "approve", DEAL]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    t.keys(&["R"]);
    let s = t.until(&[
        "AE approved by Jordan Pike on 2026-09-04 09:00",
        &format!("{DEAL} [approved]"),
        "Approved. e exports the brief",
    ]);
    assert!(s.contains("CSM approved by Test CSM"), "{s}");

    // Approving again is refused at once, before any question, and says why.
    t.keys(&["a"]);
    let s = t.until(&["already approved as csm by Test CSM for this state"]);
    assert!(!s.contains(&format!("Sign off {DEAL}")), "no picker: {s}");

    // ---- export the approved brief (to the working directory)
    t.keys(&["e"]);
    t.until(&["exported the approved brief to"]);
    let brief = t.dir.path().join(baton::export::file_name(DEAL));
    let text = std::fs::read_to_string(&brief).expect("the exported brief");
    assert!(text.contains(DEAL) && !text.contains("DRAFT"), "{text}");

    // ---- back to the queue: no longer paused, nothing left to review
    t.keys(&["q"]);
    let s = t.until(&["onboarding queue", "nothing matches: x clears the filters"]);
    assert!(s.contains("status: paused"), "{s}");
    t.keys(&["x"]);
    let s = t.until(&["6 of 6 handoffs", "status: all"]);
    let ours = line_with(&s, DEAL);
    assert!(ours.starts_with("approved"), "{s}");
    assert_eq!(counts(ours), ["·", "·", "·", "·"], "{s}");

    // ---- quit: the terminal is restored and baton exits 0
    t.keys(&["q"]);
    let s = t.until(&["BATON_EXITED 0"]);
    assert!(!s.contains("onboarding queue") && !s.contains("│"), "{s}");
    assert!(s.contains("the demo workspace is"), "{s}");

    // ---- what the walk wrote
    let ws = Workspace::open(&t.db()).unwrap();
    let h = ws.handoff(DEAL).unwrap();
    assert_eq!(h.status.as_str(), "approved");
    assert!(gates(&h).iter().all(|g| g.pass));
    let c = ws.connection();
    let status: String = c
        .query_row("SELECT status FROM deals WHERE id = ?1", [DEAL], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(status, "approved");
    let (by, role): (String, String) = c
        .query_row(
            "SELECT success_confirmed_by, first_value_confirmed_role FROM deals WHERE id = ?1",
            [DEAL],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((by.as_str(), role.as_str()), (ME, "csm"));

    let mut stmt = c
        .prepare(
            "SELECT role, name, hash FROM approvals
             WHERE deal_id = ?1 AND invalidated_at IS NULL ORDER BY role",
        )
        .unwrap();
    let approvals: Vec<(String, String, String)> = stmt
        .query_map([DEAL], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let all: i64 = c
        .query_row(
            "SELECT count(*) FROM approvals WHERE deal_id = ?1",
            [DEAL],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(all, 2, "the refused third approval wrote nothing");
    assert_eq!(approvals.len(), 2, "{approvals:?}");
    assert_eq!(
        (approvals[0].0.as_str(), approvals[1].0.as_str()),
        ("ae", "csm")
    );
    assert_eq!(
        (approvals[0].1.as_str(), approvals[1].1.as_str()),
        ("Jordan Pike", ME),
        "each side signed by its own person"
    );
    assert_eq!(approvals[0].2, approvals[1].2, "both cover the same hash");
    assert_eq!(
        approvals[0].2,
        review_hash(&h),
        "and it is the current state"
    );

    let mut stmt = c
        .prepare(
            "SELECT id, state, coalesce(note, ''), coalesce(owner, ''), coalesce(due, ''),
                    coalesce(decided_by, ''), coalesce(decided_role, '')
             FROM items WHERE deal_id = ?1",
        )
        .unwrap();
    type Row = (String, String, String, String, String, String, String);
    let items: Vec<Row> = stmt
        .query_map([DEAL], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let item = |id: &str| {
        items
            .iter()
            .find(|i| i.0 == id)
            .unwrap_or_else(|| panic!("no item {id}"))
    };
    let walked: Vec<&str> = p
        .checklist
        .iter()
        .map(|c| c.1.as_str())
        .chain(p.risks.iter().map(|r| r.1.as_str()))
        .chain(p.questions.iter().map(|q| q.1.as_str()))
        .collect();
    for id in &walked {
        let i = item(id);
        assert_eq!((i.5.as_str(), i.6.as_str()), (ME, "csm"), "{i:?}");
    }
    let by_me = items.iter().filter(|i| i.5 == ME).count();
    assert_eq!(by_me, walked.len(), "only what the walk decided: {items:?}");
    for (id, who) in &p.decided_before {
        assert_eq!(&item(id).5, who, "{id}'s earlier decision is kept");
    }
    for (_, id, kind) in &p.checklist {
        let i = item(id);
        let want = if Some(id) == rejected.as_ref() {
            "rejected"
        } else if Some(id) == clarified.as_ref() {
            "clarified"
        } else if *kind == ItemKind::Commitment {
            "accepted"
        } else {
            "scope_stands"
        };
        assert_eq!((i.1.as_str(), i.2.as_str()), (want, NOTE), "{i:?}");
    }
    let first_risk = item(&p.risks[0].1);
    assert_eq!(
        (
            first_risk.1.as_str(),
            first_risk.3.as_str(),
            first_risk.4.as_str()
        ),
        ("open", ME, DUE)
    );
    for (_, id) in &p.risks[1..] {
        let i = item(id);
        assert_eq!((i.3.as_str(), i.4.as_str()), (p.first_owner.as_str(), ""));
    }
    for (_, id) in &p.questions {
        let i = item(id);
        assert_eq!((i.1.as_str(), i.2.as_str()), ("answered", ANSWER));
    }

    let events = |kind: &str| -> i64 {
        c.query_row(
            "SELECT count(*) FROM events WHERE deal_id = ?1 AND kind = ?2 AND actor = ?3",
            [DEAL, kind, ME],
            |r| r.get(0),
        )
        .unwrap()
    };
    // The CSM's approval from the TUI; the AE's, which completed the
    // sign-off, from the CLI in the AE's own name.
    assert_eq!(events("approval_recorded"), 1);
    assert_eq!(events("handoff_accepted"), 0);
    let by_the_ae: i64 = c
        .query_row(
            "SELECT count(*) FROM events WHERE deal_id = ?1 AND actor = 'Jordan Pike'
               AND kind IN ('approval_recorded', 'handoff_accepted')",
            [DEAL],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(by_the_ae, 2);
    assert_eq!(events("item_reviewed") as usize, n_commitments);
    assert_eq!(events("conflict_resolved") as usize, n_conflicts);
    assert_eq!(events("risk_owner_assigned") as usize, p.risks.len());
    assert_eq!(events("question_answered") as usize, p.questions.len());
    assert_eq!(events("criteria_confirmed"), 2);
    assert_eq!(events("brief_exported"), 1);
    eprintln!("tui e2e walk: {:.1} s", started.elapsed().as_secs_f64());
}

#[test]
fn the_queue_fits_80x24_and_a_too_small_terminal_is_told_so() {
    if !tmux_installed() {
        eprintln!("skipped: tmux is not installed (the end-to-end TUI test drives baton in tmux)");
        return;
    }
    let t = Term::start("small", 80, 24);
    let s = t.wait_for("the demo queue", START, |s| s.contains("6 of 6 handoffs"));
    for id in [
        "SW-AU-26-1193",
        "TF-OPP-26-0457",
        DEAL,
        "KW-2026-011",
        "hollow-oak",
        "PL-2026-0088",
    ] {
        assert!(s.contains(id), "{id} not shown at 80x24:\n{s}");
    }
    assert!(s.lines().all(|l| l.chars().count() <= 80), "{s}");
    assert!(s.contains("enter open"), "the key hints:\n{s}");

    t.keys(&["?"]);
    t.until(&["Keys: queue", "open the selected handoff"]);
    t.keys(&["q"]);
    t.wait_for("help to close", STEP, |s| !s.contains("Keys: queue"));

    // The first row (kickoff soonest) is the handoff returned to the AE.
    t.keys(&["Enter"]);
    t.until(&["SW-AU-26-1193 [returned]"]);
    t.keys(&["9"]);
    let s = t.until(&["Gates", "gate(s) fail: approval is refused"]);
    let failing = s.matches("✘ FAIL").count();
    assert!(failing > 0, "{s}");
    assert_eq!(tab_badge(&s, SIGN_OFF), format!("{failing}✘"), "{s}");
    assert!(s.contains(&format!("{failing} gate(s) fail")), "{s}");
    t.keys(&["2"]);
    t.until(&["Notes and CRM record", "Signed scope"]);

    t.resize(70, 20);
    t.until(&["baton needs at least 80x24", "this terminal is 70x20"]);
    t.resize(80, 24);
    t.wait_for("the evidence again", STEP, |s| {
        s.contains("Signed scope") && !s.contains("needs at least")
    });

    t.keys(&["q"]);
    t.until(&["onboarding queue", "6 of 6 handoffs"]);
    t.keys(&["q"]);
    let s = t.until(&["BATON_EXITED 0"]);
    assert!(!s.contains("onboarding queue"), "{s}");
}
