use super::inline::CONTEXT_MAX;
use super::*;

fn texts(input: &str) -> Vec<(u32, String)> {
    segment(input)
        .into_iter()
        .map(|s| (s.line, s.text.into_string()))
        .collect()
}

fn one(input: &str) -> Statement {
    let mut v = segment(input);
    assert_eq!(v.len(), 1, "{v:#?}");
    v.remove(0)
}

#[test]
fn wrapped_sentence_is_cited_at_its_first_line() {
    let t = "Intro line here.\n\nWe told Maria the rollout takes\nfour weeks end to end. She agreed\nto that plan.\n";
    assert_eq!(
        texts(t),
        vec![
            (1, "Intro line here.".into()),
            (
                3,
                "We told Maria the rollout takes four weeks end to end.".into()
            ),
            (4, "She agreed to that plan.".into()),
        ]
    );
}

#[test]
fn several_sentences_on_one_line() {
    let v = texts("One thing. Two things! Three things? \"Four.\" (Five.)");
    assert_eq!(v.len(), 5, "{v:?}");
    assert!(v.iter().all(|(l, _)| *l == 1));
    assert_eq!(v[3].1, "\"Four.\"");
}

#[test]
fn abbreviations_and_initials_do_not_split() {
    for t in [
        "Mr. Smith met Dr. Jones at Acme Inc. in May. Today was fine.",
        "We met J. Smith and the U.S. team vs. Acme Corp. staff. Today was fine.",
        "Call at 9 a.m. Monday, e.g. Tuesday, i.e. Wed. Jan. 5 works. Today was fine.",
        "Ask Ms. Lee about approx. 5 seats, No. 7 on the list. Today was fine.",
    ] {
        let v = split_sentences(t);
        assert_eq!(v.len(), 2, "{t}: {v:?}");
        assert_eq!(v[1], "Today was fine.");
    }
}

#[test]
fn decimals_versions_and_money_do_not_split() {
    let v = split_sentences("Upgrade to v4.2 costs $1.5M over 2.5 days. Next is 3.0.");
    assert_eq!(
        v,
        vec!["Upgrade to v4.2 costs $1.5M over 2.5 days.", "Next is 3.0."]
    );
}

#[test]
fn dot_leaders_before_a_figure_do_not_end_the_row() {
    assert_eq!(
        split_sentences("Priority A (site down) ........ 3 hours Priority B ...... 6 hours"),
        vec!["Priority A (site down) ........ 3 hours Priority B ...... 6 hours"]
    );
    // Three dots are an ellipsis, whatever follows.
    assert_eq!(
        split_sentences("We waited... 2 weeks later it came.").len(),
        2
    );
}

#[test]
fn ellipsis_splits_only_before_a_capital() {
    assert_eq!(split_sentences("They just... didn't. Fine.").len(), 2);
    assert_eq!(split_sentences("Wait... Then it broke.").len(), 2);
}

#[test]
fn lowercase_prose_splits_on_lowercase_sentences() {
    let v = split_sentences(
        "ok writing this up. she said yes... maybe. timing!! the gala is april 18.",
    );
    assert_eq!(
        v,
        vec![
            "ok writing this up.",
            "she said yes... maybe.",
            "timing!!",
            "the gala is april 18."
        ]
    );
}

#[test]
fn headings_set_context_and_are_not_statements() {
    let t = "# Deal notes\n\n## Pain:\nReports take 5 days.\n\n**Risks**\n- Legal review pending.\n\nNext steps:\n- Send the proposal.\n\nSetext\n======\nText here.\n\nACTION ITEMS\nCall Dana.\n";
    let v = segment(t);
    let got: Vec<(u32, &str, Option<&str>)> =
        v.iter().map(|s| (s.line, &*s.text, s.heading())).collect();
    assert_eq!(
        got,
        vec![
            (4, "Reports take 5 days.", Some("Pain")),
            (7, "Legal review pending.", Some("Risks")),
            (10, "Send the proposal.", Some("Next steps")),
            (14, "Text here.", Some("Setext")),
            (17, "Call Dana.", Some("ACTION ITEMS")),
        ]
    );
}

#[test]
fn bold_colon_heading_and_title_before_list() {
    let v = segment("**Pain:**\nSlow close.\n\nWhat I told Deb\n- Offline mode is fine\n");
    assert_eq!(v[0].heading(), Some("Pain"));
    assert_eq!(v[1].heading(), Some("What I told Deb"));
    assert_eq!(v.len(), 2);
}

#[test]
fn bullets_checkboxes_and_continuations() {
    let t = "- First item wraps\n  onto a second line. Then a second sentence.\n* star item\n+ plus item\n• dot item\n1. numbered\n2) paren\na) letter\n- [ ] open box\n- [x] done box\n";
    let v = segment(t);
    let got: Vec<(u32, StatementKind, &str)> =
        v.iter().map(|s| (s.line, s.kind, &*s.text)).collect();
    use StatementKind::*;
    assert_eq!(
        got,
        vec![
            (1, Bullet, "First item wraps onto a second line."),
            (2, Bullet, "Then a second sentence."),
            (3, Bullet, "star item"),
            (4, Bullet, "plus item"),
            (5, Bullet, "dot item"),
            (6, Bullet, "numbered"),
            (7, Bullet, "paren"),
            (8, Bullet, "letter"),
            (9, Checkbox, "open box"),
            (10, Checkbox, "done box"),
        ]
    );
}

#[test]
fn numbered_clauses_and_plain_text_section_headings() {
    let t = "Subscription term:  12 months\n\n1. PLATFORM\n1.1 Named users: up to 40. Portal users: unlimited.\n1.2 SSO via SAML 2.0.\n2.5 days is the estimate.\n";
    let v = segment(t);
    let got: Vec<(u32, StatementKind, &str, Option<&str>)> = v
        .iter()
        .map(|s| (s.line, s.kind, &*s.text, s.heading()))
        .collect();
    use StatementKind::*;
    assert_eq!(
        got,
        vec![
            (1, Sentence, "Subscription term:  12 months", None),
            (4, Bullet, "Named users: up to 40.", Some("1. PLATFORM")),
            (4, Bullet, "Portal users: unlimited.", Some("1. PLATFORM")),
            (5, Bullet, "SSO via SAML 2.0.", Some("1. PLATFORM")),
            (
                6,
                Sentence,
                "2.5 days is the estimate.",
                Some("1. PLATFORM")
            ),
        ]
    );
}

#[test]
fn table_rows() {
    let t = "| Item | Qty |\n| --- | ---: |\n| **Seats** | 60 |\n| a \\| b | |\n";
    let v = segment(t);
    assert_eq!(v.len(), 3);
    assert!(v.iter().all(|s| s.kind == StatementKind::TableRow));
    assert_eq!(v[0].cells.to_vec(), vec!["Item", "Qty"]);
    assert_eq!(v[1].line, 3);
    assert_eq!(v[1].cells.to_vec(), vec!["Seats", "60"]);
    assert_eq!(&*v[1].text, "Seats | 60");
    assert_eq!(v[2].cells.to_vec(), vec!["a | b", ""]);
}

#[test]
fn numbered_and_role_speakers_are_turns() {
    let t = "Speaker 1 (Jamie Cole, AE): We can have you live by May.\n\
             Speaker 2 (Priya Shah): Good.\n\
             Customer: Can you do onsite training?\n\
             Rep: Two onsite days at no cost.\n";
    let v = segment(t);
    let got = speakers_and_roles(&v);
    assert_eq!(
        got,
        vec![
            (1, Some("Jamie Cole"), Some("AE")),
            (2, Some("Priya Shah"), None),
            (3, Some("Customer"), None),
            (4, Some("Rep"), None),
        ]
    );
    assert_eq!(&*v[2].text, "Can you do onsite training?");
}

#[test]
fn a_time_in_parentheses_times_the_turn_and_is_no_role() {
    let t = "Kofi Mensah (00:03:55): I'll be at the warehouse for the first week.\n\
             Ama Boateng (3:20 PM): Good.\n\
             Kofi Mensah (AE): Another turn.\n";
    let v = segment(t);
    let got = speakers_and_roles(&v);
    assert_eq!(
        got,
        vec![
            (1, Some("Kofi Mensah"), None),
            (2, Some("Ama Boateng"), None),
            (3, Some("Kofi Mensah"), Some("AE")),
        ]
    );
}

#[test]
fn transcript_turns() {
    let t = "[00:12:31] Dana Whitfield (AE): We can do four weeks. Maybe three.\n\
             [00:12:40] Maria: Good.\n\
             Dana (AE): Another turn\n\
             that continues here.\n\
             DANA: shouting.\n\
             [10:42] dana: lower case chat\n\
             **Priya (CSM):** bold speaker\n\
             Dana [00:12]: after the name\n\
             00:21:32 MB: bare timestamp\n";
    let v = segment(t);
    let got: Vec<(u32, &str, Option<&str>, Option<&str>)> = v
        .iter()
        .map(|s| (s.line, &*s.text, s.speaker(), s.speaker_role()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                1,
                "We can do four weeks.",
                Some("Dana Whitfield"),
                Some("AE")
            ),
            (1, "Maybe three.", Some("Dana Whitfield"), Some("AE")),
            (2, "Good.", Some("Maria"), None),
            (
                3,
                "Another turn that continues here.",
                Some("Dana"),
                Some("AE")
            ),
            (5, "shouting.", Some("DANA"), None),
            (6, "lower case chat", Some("dana"), None),
            (7, "bold speaker", Some("Priya"), Some("CSM")),
            (8, "after the name", Some("Dana"), None),
            (9, "bare timestamp", Some("MB"), None),
        ]
    );
    assert!(v.iter().all(|s| s.kind == StatementKind::Turn));
}

#[test]
fn labels_are_not_speakers() {
    let t = "Note: call back Friday.\nRisk: legal review pending.\nNext steps: send it.\nDecision: go.\nUpdate: none.\nAction: Dana.\nSee https://example.com for more.\n";
    let v = segment(t);
    assert_eq!(v.len(), 7, "{v:#?}");
    assert!(
        v.iter()
            .all(|s| s.speaker().is_none() && s.kind == StatementKind::Sentence)
    );
    assert_eq!(&*v[1].text, "Risk: legal review pending.");
    assert_eq!(v[1].line, 2);
    let b = one("- Risk: legal review pending");
    assert_eq!(
        (b.kind, b.speaker(), &*b.text),
        (StatementKind::Bullet, None, "Risk: legal review pending")
    );
}

#[test]
fn a_single_name_colon_line_in_notes_is_kept_as_text() {
    let s = one("Maria: she wants the dashboard by May.");
    assert_eq!(s.kind, StatementKind::Sentence);
    assert_eq!(&*s.text, "Maria: she wants the dashboard by May.");
    // Repeated, the same prefix is a chat.
    let v = segment("Maria: hi there.\nDana: hello.\nMaria: bye.\nDana: ok.\n");
    assert!(v.iter().all(|s| s.kind == StatementKind::Turn), "{v:#?}");
    assert_eq!(&*v[2].text, "bye.");
    assert_eq!(v[2].speaker(), Some("Maria"));
}

#[test]
fn bullet_with_a_known_name_gets_a_speaker() {
    let v = segment(
        "- Keiko: we'll map subsidiaries.\n- Keiko to send the sheet.\n- Sensitivity: unions.\n",
    );
    assert_eq!(v[0].speaker(), Some("Keiko"));
    assert_eq!(&*v[0].text, "Keiko: we'll map subsidiaries.");
    assert_eq!(v[2].speaker(), None);
}

#[test]
fn email_headers_quotes_and_authors() {
    let t = "From: Gabe Turner <gabe@x.example>\n\
             To: Lena <lena@x.example>\n\
             Subject: Handoff\n\
             \n\
             Hi Lena,\n\
             \n\
             Top text here.\n\
             \n\
             Thanks,\n\
             Gabe\n\
             \n\
             On Mon, Oct 2, 2026 at 9:14 AM Maria Chen <maria@acme.example>\n\
             wrote:\n\
             > Quoted from Maria.\n\
             >\n\
             > > On Sun, Oct 1, 2026, Dana Whitfield <dana@x.example> wrote:\n\
             > > Deeper from Dana.\n\
             >> Also Dana.\n\
             > Back to Maria.\n";
    let v = segment(t);
    let got: Vec<(u32, &str, u8, Option<&str>)> = v
        .iter()
        .map(|s| (s.line, &*s.text, s.quote_depth, s.author()))
        .collect();
    assert_eq!(
        got,
        vec![
            (7, "Top text here.", 0, Some("Gabe Turner")),
            (14, "Quoted from Maria.", 1, Some("Maria Chen")),
            (17, "Deeper from Dana.", 2, Some("Dana Whitfield")),
            (18, "Also Dana.", 2, Some("Dana Whitfield")),
            (19, "Back to Maria.", 1, Some("Maria Chen")),
        ]
    );
}

#[test]
fn attribution_inside_the_quote_and_forwards() {
    let t = "---------- Forwarded message ---------\n\
             From: \"Gloria Estrada\" <g@k.example>\n\
             Date: Fri, Oct 23, 2026\n\
             \n\
             Signed copy attached.\n\
             \n\
             Gloria\n\
             \n\
             > On Thu, Oct 22, 2026 at 11:02 AM Marcus Oyelaran <m@l.example> wrote:\n\
             >\n\
             > Good news on pricing.\n\
             >\n\
             > Best,\n\
             > Marcus\n\
             > Sales | Lumenstack\n";
    let v = segment(t);
    let got: Vec<(u32, &str, Option<&str>)> =
        v.iter().map(|s| (s.line, &*s.text, s.author())).collect();
    assert_eq!(
        got,
        vec![
            (5, "Signed copy attached.", Some("Gloria Estrada")),
            (11, "Good news on pricing.", Some("Marcus Oyelaran"))
        ]
    );
}

#[test]
fn an_outlook_original_message_gives_the_quoted_body_to_its_sender() {
    // The reply's author keeps the unquoted lines, the inline "[PK]" answer
    // after the quote included; the quoted body is the original's sender's.
    let t = "From: Petra Kalnins <petra@buyer.example>\n\
             \n\
             [PK] Corrected below.\n\
             \n\
             -----Original Message-----\n\
             From: Omar Reyes <omar@vendor.example>\n\
             Sent: Monday, 2 March 2026\n\
             Subject: Recap\n\
             \n\
             > The pilot covers two depots.\n\
             \n\
             [PK] Three depots, not two.\n";
    let v = segment(t);
    let got: Vec<(u32, &str, Option<&str>)> =
        v.iter().map(|s| (s.line, &*s.text, s.author())).collect();
    assert_eq!(
        got,
        vec![
            (3, "[PK] Corrected below.", Some("Petra Kalnins")),
            (10, "The pilot covers two depots.", Some("Omar Reyes")),
            (12, "[PK] Three depots, not two.", Some("Petra Kalnins"))
        ]
    );
}

#[test]
fn records_stand_alone() {
    let t = "2026-10-02 | Call | Dana: agreed to four weeks\n2026-10-03 | Email | Sent the form\n10/02 Email — follow up\n[2026-07-08 10:15] CALL Intro\n";
    let v = segment(t);
    assert_eq!(
        v.iter().map(|s| s.line).collect::<Vec<_>>(),
        vec![1, 2, 3, 4]
    );
    assert!(v.iter().all(|s| s.speaker().is_none()));
}

#[test]
fn label_lines_stand_alone() {
    let v = texts("**Customer:** Acme, Inc.\n**Term:** 36 months\nOrder date: today\n");
    assert_eq!(
        v,
        vec![
            (1, "Customer: Acme, Inc.".into()),
            (2, "Term: 36 months".into()),
            (3, "Order date: today".into())
        ]
    );
}

#[test]
fn front_matter_rules_and_punctuation_are_dropped() {
    let t = "---\ntitle: x\n---\nBody.\n\n---\n***\n...\n- \n| |\nAfter.\n";
    assert_eq!(texts(t), vec![(4, "Body.".into()), (11, "After.".into())]);
}

#[test]
fn emphasis_is_removed() {
    assert_eq!(
        &*one("We **promised** __four__ weeks.").text,
        "We promised four weeks."
    );
}

#[test]
fn crlf_and_empty_input() {
    assert!(segment("").is_empty());
    assert!(segment("\n\n\n").is_empty());
    assert_eq!(
        texts("One.\r\n\r\nTwo.\r\n"),
        vec![(1, "One.".into()), (3, "Two.".into())]
    );
}

#[test]
fn long_headings_are_capped() {
    let t = format!("# {}\n{}", "h".repeat(1_000_000), "Line.\n".repeat(1000));
    let v = segment(&t);
    assert_eq!(v.len(), 1000);
    assert!(v[0].heading().unwrap().len() <= CONTEXT_MAX + 3);
}

#[test]
fn huge_single_line_is_linear() {
    let unit = "We agreed on v4.2 for $1.5M, e.g. Mr. Smith. ";
    let text = unit.repeat(20_000_000 / unit.len());
    let start = std::time::Instant::now();
    let v = segment(&text);
    assert!(!v.is_empty());
    assert!(v.iter().all(|s| s.line == 1));
    // Generous bound for debug builds; quadratic behaviour would take hours.
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
    let no_space = "a.".repeat(5_000_000);
    assert_eq!(segment(&no_space).len(), 1);
}

#[test]
fn many_short_lines_are_fast() {
    let unit = "[00:00:01] Dana (AE): We can do four weeks.\n- Risk: legal review pending\n| a | b |\n> quoted text here.\n";
    let text = unit.repeat(5_000_000 / unit.len());
    let start = std::time::Instant::now();
    let v = segment(&text);
    assert!(v.len() > 100_000);
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
}

#[test]
fn control_heavy_text_does_not_panic() {
    let text = crate::text::sanitize(
        "\u{0}\u{1b}[31m> >\u{7}| |\n**\n- [\n# \n:\n(\n[0:\n1.\n>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>> x\n",
    );
    let _ = segment(&text);
    let _ = segment("é. É. ü? Ü! …\u{2026} “Quote.” ‘x’");
}

#[test]
fn statements_of_one_speaker_share_their_context_across_a_dialogue() {
    let t = "# Call\n[00:01] Dana (AE): We can. It works.\n[00:02] Lee: Good.\n\
             [00:03] Dana (AE): Done.\n# Next\n[00:04] Dana (AE): Again.\n";
    let v = segment(t);
    let said: Vec<_> = v
        .iter()
        .map(|s| (&*s.text, s.speaker(), s.heading()))
        .collect();
    assert_eq!(
        said,
        vec![
            ("We can.", Some("Dana"), Some("Call")),
            ("It works.", Some("Dana"), Some("Call")),
            ("Good.", Some("Lee"), Some("Call")),
            ("Done.", Some("Dana"), Some("Call")),
            ("Again.", Some("Dana"), Some("Next")),
        ]
    );
    let shared = |a: usize, b: usize| Arc::ptr_eq(&v[a].context, &v[b].context);
    assert!(
        shared(0, 1) && shared(0, 3),
        "one turn's sentences and a later turn"
    );
    assert!(
        !shared(0, 2) && !shared(3, 4),
        "another speaker, another heading"
    );
}

#[test]
fn unpunctuated_speech_is_read_line_by_line() {
    let memo = "okay so heres what i told them and whoever picks this up needs to know this\n\
number one timing dale wants this running before heating season really gets going\n\
i told him we will have all three shops live thirty days from kickoff\n\
number two quickbooks theyre on quick books online shelby basically lives in it\n\
i told shelby its a two way sync invoices go over and payments come back\n";
    let got = texts(memo);
    assert_eq!(got.len(), 5, "{got:#?}");
    assert_eq!(
        got[2],
        (
            3,
            "i told him we will have all three shops live thirty days from kickoff".into()
        )
    );
    // Prose wrapped at a width, with its sentence ends, still joins.
    let prose = "We told Maria the rollout takes four weeks end to end, and that the\n\
trainers would come to her office for the first two sessions. She agreed to\n\
that plan. We then went through the migration of the old records in detail,\n\
including the attachments and the audit trail she needs for the regulator.\n";
    assert_eq!(texts(prose).len(), 3, "{:#?}", texts(prose));
}

/// A numbered clause wrapped without a hanging indent goes on when its line
/// ends mid-sentence (on "the", a comma), even if the next line opens with a
/// capital; a clause that ends finished does not take the next line.
#[test]
fn a_list_item_wrapped_mid_sentence_continues_unindented() {
    let t = "9.4 The vendor shall second an officer to work from the\nNORTHWIND offices for three months, at no\nextra cost.\n9.5 The customer shall provide a VPN.\nNORTHWIND signs below.\n";
    let v = segment(t);
    let got: Vec<(u32, &str)> = v.iter().map(|s| (s.line, &*s.text)).collect();
    assert_eq!(
        got,
        vec![
            (
                1,
                "The vendor shall second an officer to work from the NORTHWIND offices for three months, at no extra cost."
            ),
            (4, "The customer shall provide a VPN."),
            (5, "NORTHWIND signs below."),
        ]
    );
}

/// Each statement's line, speaker and speaker's role.
fn speakers_and_roles(v: &[Statement]) -> Vec<(u32, Option<&str>, Option<&str>)> {
    v.iter()
        .map(|s| (s.line, s.speaker(), s.speaker_role()))
        .collect()
}
