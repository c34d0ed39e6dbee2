use super::*;
use crate::analysis::Missing;
use jiff::civil::date;

#[test]
fn an_empty_record_and_no_scope_miss_most_context() {
    let a = analyze(
        &bundle(
            DealRecord {
                id: "x".into(),
                ..DealRecord::default()
            },
            "- Good call.\n",
            None,
        ),
        &RULES,
    );
    for m in [
        Missing::SignedScope,
        Missing::CustomerGoals,
        Missing::KickoffDate,
        Missing::Ae,
        Missing::Csm,
    ] {
        assert!(a.missing.contains(&m), "{m:?} in {:?}", a.missing);
    }
    assert!(!a.missing.contains(&Missing::DealNotes));
}

#[test]
fn the_text_can_supply_what_the_record_lacks() {
    let notes = "\
Attendees: Maria Chen (VP Operations), Tom Reyes (IT Manager)
- Kickoff is booked for November 17 at their office.
- Maria is the executive sponsor and signs the order.
- Maria wants onboarding time cut from 10 days to 4.
- They run on Salesforce and need SSO through Okta.
";
    let mut d = deal();
    d.first_value = Some(crate::bundle::FirstValue {
        date: Some(date(2027, 1, 15)),
        criteria: Some("First cohort onboarded".into()),
        line: 1,
    });
    let a = analyze(&bundle(d, notes, Some("- Platform\n")), &RULES);
    assert!(a.missing.is_empty(), "{:?}", a.missing);
}

#[test]
fn a_deferred_kickoff_is_still_missing() {
    let a = run(
        "- Kickoff to be scheduled once the CAB date is known, probably in December.\n",
        None,
    );
    assert!(a.missing.contains(&Missing::KickoffDate));
}

/// A kickoff dated by a weekday and a day-month figure is booked; one left
/// to be agreed, in any language, is still missing.
#[test]
fn a_kickoff_on_a_weekday_and_figure_is_dated_and_one_to_be_agreed_is_not() {
    let kickoff_missing = |notes: &str| run(notes, None).missing.contains(&Missing::KickoffDate);
    assert!(!kickoff_missing(
        "- kickoff agreed: Tue 12/01, their office.\n"
    ));
    assert!(!kickoff_missing(
        "- Kickoff el martes 24/11 en la planta.\n"
    ));
    assert!(kickoff_missing(
        "- Kickoff a combinar com a Fernanda, provavelmente depois do 15/02.\n"
    ));
}

#[test]
fn a_go_live_deadline_alone_is_no_first_value_milestone() {
    // The rule book: "a cut-over deadline alone does not" supply it.
    let deadline = run("- Go-live no later than June 1, 2027, as agreed.\n", None);
    assert!(
        deadline.missing.contains(&Missing::FirstValueMilestone),
        "{:?}",
        deadline.missing
    );
    let live_by = run(
        "- We'll have you live by April 1, 2027, before the spring permits.\n",
        None,
    );
    assert!(
        live_by.missing.contains(&Missing::FirstValueMilestone),
        "{:?}",
        live_by.missing
    );
    // A concrete outcome by a date does, and so do the first users live by one.
    let first_users = run(
        "- The first hundred clients live for the April 2027 payrolls, by April 1, 2027.\n",
        None,
    );
    assert!(
        !first_users.missing.contains(&Missing::FirstValueMilestone),
        "{:?}",
        first_users.missing
    );
    let outcome = run(
        "- First value: the first payroll runs in the new system by June 1, 2027.\n",
        None,
    );
    assert!(
        !outcome.missing.contains(&Missing::FirstValueMilestone),
        "{:?}",
        outcome.missing
    );
}

/// Whether notes on a deal whose record names no CSM name one.
fn csm_named(notes: &str) -> bool {
    let mut d = deal();
    d.csm = None;
    !analyze(&bundle(d, notes, None), &RULES)
        .missing
        .contains(&Missing::Csm)
}

#[test]
fn a_csm_named_beside_the_role_is_not_missing() {
    let named = csm_named;
    assert!(named(
        "- Closed won. CSM: Ola Nordmann. Kickoff next week.\n"
    ));
    assert!(named("- Looping in Ola Nordmann (CSM) for the handover.\n"));
    assert!(!named("- Closed won. CSM: TBD.\n"));
    assert!(!named("- Who will our CSM be?\n"));
}

/// A handoff note gives the role to its reader, whom its greeting, header or
/// mention names; a role word far from the giving gives it to no one.
#[test]
fn a_csm_role_given_to_the_notes_reader_is_not_missing() {
    let named = csm_named;
    assert!(named(
        "Hi Ola,\n\nYou are the CSM on this one, welcome aboard.\n"
    ));
    assert!(named("- @Ola Nordmann te paso la cuenta como CSM.\n"));
    assert!(named("- Ola, vas a ser la CSM de ellos.\n"));
    assert!(!named(
        "- You're in very good hands with our customer success team.\n"
    ));
    assert!(!named("- Are you the CSM on this one?\n"));
}

#[test]
fn an_executive_in_the_signature_block_of_the_scope_is_the_sponsor() {
    let notes =
        "Attendees: Ruth Okafor (Chief Executive Officer), Tom Reyes (IT Manager)\n- Good call.\n";
    let scope = "# Order form\n\nFor Orbitex Health: Ruth Okafor, Chief Executive Officer, duly authorised\n";
    let a = run(notes, Some(scope));
    assert!(
        !a.missing.contains(&Missing::ExecutiveSponsor),
        "{:?}",
        a.missing
    );
    let a = run(notes, Some("# Order form\n\n- Platform\n"));
    assert!(a.missing.contains(&Missing::ExecutiveSponsor));
}

#[test]
fn a_crm_decision_maker_who_is_a_top_executive_is_the_sponsor() {
    let with = |title: &str, role: &str| {
        let mut d = deal();
        d.stakeholders.push(crate::bundle::DealStakeholder {
            name: "Ines Abara".into(),
            title: Some(title.into()),
            role: Some(role.into()),
            line: 12,
            ..Default::default()
        });
        let a = analyze(&bundle(d, "- Good call.\n", None), &RULES);
        !a.missing.contains(&Missing::ExecutiveSponsor)
    };
    assert!(with("Managing Director", "decision_maker"));
    assert!(with("Chief Financial Officer", "decision_maker"));
    // A head of a department is not the rule book's executive, nor is an
    // executive the record names only as a champion.
    assert!(!with("Head of Operations", "decision_maker"));
    assert!(!with("Managing Director", "champion"));
}

#[test]
fn a_goal_that_names_the_level_to_reach_supplies_success_criteria() {
    // The figure is the goal's target, though no target word stands near it.
    let target = run(
        "- The support team needs the open backlog under forty so agents can answer customers on time.\n",
        None,
    );
    assert!(
        !target.missing.contains(&Missing::SuccessCriteria),
        "{:?}",
        target.missing
    );
    // A figure that is no level to reach ("on one screen") measures nothing.
    let bare = run(
        "- The support team needs every open ticket on one screen so agents can answer customers on time.\n",
        None,
    );
    assert!(
        bare.missing.contains(&Missing::SuccessCriteria),
        "{:?}",
        bare.missing
    );
}

/// A bound, a comparison or a zero target stated in the customer's language
/// measures the goal, though no English target word stands near it.
#[test]
fn a_goal_measured_in_its_own_language_supplies_success_criteria() {
    for goal in [
        "- Lo que queremos es que los reclamos bajen a menos de uno por ciento de los contenedores.\n",
        "- Le directeur veut la réconciliation du soir en 30 minutes au lieu de 3 heures.\n",
        "- Nous voulons réduire de 30 % les arrêts non planifiés du four.\n",
        "- La gerente quiere cero observaciones de la Superintendencia en la próxima inspección.\n",
    ] {
        let a = run(goal, None);
        assert!(!a.goals.is_empty(), "{goal}");
        assert!(
            !a.missing.contains(&Missing::SuccessCriteria),
            "{goal}: {:?}",
            a.missing
        );
    }
    let unmeasured = run(
        "- Lo que queremos es que los inspectores registren la inspección desde el celular.\n",
        None,
    );
    assert!(!unmeasured.goals.is_empty());
    assert!(unmeasured.missing.contains(&Missing::SuccessCriteria));
}

#[test]
fn a_named_part_live_by_a_date_is_a_first_value_milestone() {
    // A function, a first phase or a pilot live by a date: named functions or
    // users live by a date supply the milestone.
    for notes in [
        "- Invoicing live on the new platform before March 1, 2027.\n",
        "- Phase 1 (the two northern depots) will be live by 15.03.2027.\n",
        "- The pilot depots are live on April first, as agreed.\n",
    ] {
        let a = run(notes, None);
        assert!(
            !a.missing.contains(&Missing::FirstValueMilestone),
            "{notes}: {:?}",
            a.missing
        );
    }
    // The whole cut-over by a date does not.
    for notes in [
        "- We'll have everything live by March 1, 2027.\n",
        "- We are going live by March 1, 2027 at all depots.\n",
    ] {
        let a = run(notes, None);
        assert!(
            a.missing.contains(&Missing::FirstValueMilestone),
            "{notes}: {:?}",
            a.missing
        );
    }
}

/// A signature section names its signers without a sponsor word on their
/// line: a chief executive who signs there is the executive sponsor, a head
/// of operations who signs is not (the rule book's executives only).
#[test]
fn a_top_executive_under_a_signatures_heading_is_the_sponsor() {
    let signed = |title: &str| {
        let scope = format!(
            "# Order schedule\n\n- Platform\n\n## 9. Signatures\n\n\
             For Customer Co: Mr Ivo Marek, {title}, 1 March 2027\n"
        );
        let a = run("- Good call.\n", Some(&scope));
        a.missing.contains(&Missing::ExecutiveSponsor)
    };
    assert!(!signed("Managing Director"));
    assert!(signed("Head of Operations"));
}

/// The seller's head of sales who runs the deal holds the AE's role, though
/// no one is called "AE".
/// A customer executive who signs, in the language the notes are written in,
/// is the sponsor; a manager who signs is not.
#[test]
fn an_executive_who_signs_in_another_language_is_the_sponsor() {
    let sponsor_missing = |notes: &str| {
        run(notes, None)
            .missing
            .contains(&Missing::ExecutiveSponsor)
    };
    assert!(!sponsor_missing(
        "- Contrat signé par Rachid Haddad (DG) le 15/12/2026.\n"
    ));
    assert!(!sponsor_missing(
        "- Tomás Ortega (Gerente General) firmó la orden de compra el lunes.\n"
    ));
    assert!(sponsor_missing(
        "- Tomás Ortega (Jefe de Mantenimiento) firmó la orden de compra el lunes.\n"
    ));
    // The head of the business as English names it, and its owner in Spanish.
    assert!(!sponsor_missing(
        "- Order form signed by Faith Ndlovu (GM) on 27/11 via DocuSign.\n"
    ));
    assert!(!sponsor_missing(
        "- Wilfredo Justiniano (dueño) firma el contrato el lunes.\n"
    ));
}

#[test]
fn a_head_of_sales_on_the_deal_is_its_ae() {
    let mut d = deal();
    d.ae = None;
    let notes = "From: Ravi Nair <ravi.nair@vendorix.example>\n\
                 Ravi Nair | Head of Sales | Vendorix\n\
                 - Sent the revised quote.\n";
    let a = analyze(&bundle(d, notes, Some("- Platform\n")), &RULES);
    assert!(!a.missing.contains(&Missing::Ae), "{:?}", a.missing);
}

/// A mutual action plan in Portuguese names its first-value milestone with a
/// date: "meta de primeiro valor".
#[test]
fn a_first_value_milestone_named_in_portuguese_is_supplied() {
    let a = run(
        "- Primeiras 500 apólices vendidas, 30/04/2027: meta de primeiro valor acordada.\n",
        None,
    );
    assert!(
        !a.missing.contains(&Missing::FirstValueMilestone),
        "{:?}",
        a.missing
    );
}

/// Whether the notes leave the kickoff date missing.
fn kickoff_missing(notes: &str) -> bool {
    run(notes, None).missing.contains(&Missing::KickoffDate)
}

/// A kickoff named only as the point another date is reckoned from, or as the
/// moment something else happens, is not itself dated.
#[test]
fn a_kickoff_named_as_a_reference_point_is_not_dated() {
    assert!(kickoff_missing(
        "- Phase 1 live twelve weeks from kickoff, so by 30 March 2027.\n"
    ));
    assert!(kickoff_missing(
        "- Please check the SSO settings before kickoff; Okta admin is back on 14/01/2027.\n"
    ));
    assert!(kickoff_missing(
        "- Tablets handed over at the kickoff, delivered to site by 10/01/2027.\n"
    ));
    // A contract's start date is no kickoff.
    assert!(kickoff_missing(
        "- The contract start date is 1 December 2026.\n"
    ));
    // The kickoff itself dated still counts.
    assert!(!kickoff_missing(
        "- Kickoff on 12 January 2027 at their office, then twelve weeks to go-live.\n"
    ));
}

/// A hedge, a date still to be found, or a bound is no agreed kickoff date.
#[test]
fn a_hedged_or_bounded_kickoff_is_still_missing() {
    assert!(kickoff_missing(
        "- kickoff maybe mid November 2026, we'll see\n"
    ));
    assert!(kickoff_missing(
        "- Kickoff: we didn't set a date yet, Ana is away until 2 November.\n"
    ));
    assert!(kickoff_missing(
        "- Kickoff can't happen before 28 September, she is travelling.\n"
    ));
    assert!(kickoff_missing(
        "- Kickoff: the customer asked for after 26 October (board week).\n"
    ));
    assert!(kickoff_missing(
        "- Kickoff tal vez la semana del 16/11/2026, lo confirmamos luego.\n"
    ));
}

/// A kickoff in the other languages deals mix in is dated like the English one.
#[test]
fn a_kickoff_in_other_languages_is_dated() {
    assert!(!kickoff_missing(
        "- Lancement du projet le 12/01/2027 dans leurs bureaux de Lyon.\n"
    ));
    assert!(!kickoff_missing("- Projektstart am 12.01.2027 in Graz.\n"));
    assert!(!kickoff_missing(
        "- Reunião de início do projeto em 12/01/2027 na sede.\n"
    ));
}

/// A chat line's own time stamp is when it was sent, not a date it gives.
#[test]
fn a_chat_stamp_does_not_date_the_kickoff() {
    for notes in [
        "01/12/26 15.03 - Rina Hartono: the kick-off we arrange later with the team\n",
        "[01/12/2026, 15:03:10] Rina Hartono: the kick-off we arrange later with the team\n",
    ] {
        let mut b = bundle(deal(), notes, None);
        // As the bundle's reader gives a chat export: the stamp is no part of
        // the words the reader keeps.
        b.files[0].view = crate::bundle::readers::read_pasted(notes);
        let missing = analyze(&b, &RULES).missing;
        assert!(missing.contains(&Missing::KickoffDate), "{notes}");
    }
}

/// A first-value milestone named by the heading over its dated outcome, or
/// by "first milestone" in another language, is supplied.
#[test]
fn a_first_value_under_its_heading_or_in_another_language_is_supplied() {
    let fv_missing = |notes: &str| {
        run(notes, None)
            .missing
            .contains(&Missing::FirstValueMilestone)
    };
    assert!(!fv_missing(
        "## First value\n\n- Energy dashboards for both plants on the supervisors' phones by 26/02/2027.\n"
    ));
    assert!(!fv_missing(
        "- Primeiro marco: OEE das prensas por turno na TV da fábrica até 18/12/2026.\n"
    ));
    assert!(!fv_missing(
        "- Primer hito: los pedidos de las tiendas salen del sistema antes del 15/03/2027.\n"
    ));
}

/// A plan table's row names the event in one cell and dates it in another:
/// the kickoff or first value is dated, in a CSV export or a Markdown table.
/// A row whose only date is a record's time stamp dates nothing.
#[test]
fn a_plan_row_dates_the_event_its_cell_names() {
    let with_file = |path: &str, format: crate::bundle::Format, text: &str| {
        let mut b = bundle(deal(), "- Good call.\n", None);
        let view = crate::bundle::readers::view(format, text, &Default::default()).expect("read");
        b.files.push(SourceFile {
            path: path.into(),
            role: FileRole::Notes,
            format,
            text: text.into(),
            view,
        });
        analyze(&b, &RULES).missing
    };
    let csv = |text: &str| with_file("notes/plan.csv", crate::bundle::Format::Csv, text);
    let plan = "Step,Stream,Owner,Status,Due,Notes\n\
                Kickoff,Delivery,Ana Ruiz,Working on it,2027-01-12,\"Main office, 9am.\"\n\
                First value,Reports,Ana Ruiz,Not started,26/02/2027,Margin report on the reps' phones\n";
    let missing = csv(plan);
    assert!(!missing.contains(&Missing::KickoffDate), "{missing:?}");
    assert!(
        !missing.contains(&Missing::FirstValueMilestone),
        "{missing:?}"
    );
    // A CRM export's time stamp is when the note was written.
    let missing = csv("Date,Type,Author,Note\n\
         2026-12-11 16:40,Note,Ana Ruiz,Kickoff still to agree with their IT\n");
    assert!(missing.contains(&Missing::KickoffDate), "{missing:?}");
    // A to-do about the event is due on its date; the event is not set.
    let missing = csv("Subject,Type,Due,Status,Notes\n\
         Book kickoff,Task,2026-12-04,Not done,Ask their IT lead first\n\
         Agendar reunião de início,Task,2026-12-05,Not done,Falar com a Ana\n");
    assert!(missing.contains(&Missing::KickoffDate), "{missing:?}");
    // A Markdown table's row counts the same way.
    let missing = with_file(
        "notes/map.md",
        crate::bundle::Format::Markdown,
        "| Milestone | Owner | Due |\n|---|---|---|\n| Primer hito: pedidos de tiendas en el sistema | Ana | 15/03/2027 |\n",
    );
    assert!(
        !missing.contains(&Missing::FirstValueMilestone),
        "{missing:?}"
    );
}
