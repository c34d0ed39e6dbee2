use super::*;
use crate::analysis::Side;

#[test]
fn sides_come_from_titles_organisations_and_the_record() {
    let notes = "\
Attendees: Devin Park (Orbitex, Director of Sales Ops), Marcus Oyelaran (Lumenstack, AE), Sam Whitaker (Lumenstack, Solutions Engineer)
- Sam confirmed the sync.
";
    let a = run(notes, None);
    let side = |name: &str| {
        a.stakeholders
            .iter()
            .find(|s| s.name == name)
            .map(|s| s.side)
    };
    assert_eq!(side("Devin Park"), Some(Side::Customer));
    assert_eq!(side("Marcus Oyelaran"), Some(Side::Seller));
    assert_eq!(side("Sam Whitaker"), Some(Side::Seller));
    assert_eq!(side("Dana Whitfield"), Some(Side::Seller));
}

#[test]
fn an_executive_named_as_signer_is_the_sponsor() {
    let a = run(
        "Signed: Maria Chen, COO, Orbitex Health\nMaria Chen (COO) signs the order.\n",
        None,
    );
    assert!(
        a.stakeholders
            .iter()
            .any(|s| s.name == "Maria Chen" && s.executive_sponsor)
    );
}

#[test]
fn email_domains_say_the_side_against_the_account_and_its_stakeholders() {
    let notes = "\
From: Ines Varga <ines@kestrelfoods.example>
To: Sam Ortiz <sam@vendorly.example>

We'll send over our API keys on Monday.

From: Sam Ortiz <sam@vendorly.example>
To: Ines Varga <ines@kestrelfoods.example>

We will have the SSO connector live in week one.

Cc: Tomasz Lis <tomasz@kestrel-ops.example>, Jo Reyes <jo.reyes@gmail.com>
";
    let mut deal = deal();
    deal.account = Some("Kestrel Foods".into());
    let a = analyze(&bundle(deal, notes, None), &RULES);
    let side = |name: &str| {
        a.stakeholders
            .iter()
            .find(|s| s.name == name)
            .map(|s| s.side)
    };
    // The account's name in the domain: the customer. Another company's
    // domain in a thread with the customer's: the seller.
    assert_eq!(side("Ines Varga"), Some(Side::Customer));
    assert_eq!(side("Tomasz Lis"), Some(Side::Customer));
    assert_eq!(side("Sam Ortiz"), Some(Side::Seller));
    // A webmail address says nothing of a company: not taken for the seller.
    assert_ne!(side("Jo Reyes"), Some(Side::Seller));
    // So the customer's "We'll send" is not the seller's promise; Sam's is.
    assert_eq!(lines(&a, FlagKind::Commitment), vec![9]);

    // Without the account's name, a stakeholder's address names the domain.
    let mut deal = deal_with_stakeholder("ines@kestrelfoods.example");
    deal.account = None;
    let a = analyze(&bundle(deal, notes, None), &RULES);
    assert_eq!(lines(&a, FlagKind::Commitment), vec![9]);
}

fn deal_with_stakeholder(email: &str) -> DealRecord {
    let mut d = deal();
    d.stakeholders.push(crate::bundle::DealStakeholder {
        name: "Ines Varga".into(),
        email: Some(email.into()),
        ..Default::default()
    });
    d
}

#[test]
fn speakers_no_record_places_are_placed_by_their_introductions() {
    // Each speaker speaks twice: a name heard once may be a label.
    let notes = "\
Dana Whitfield: Thanks everyone for joining.
Kofi Mensah: Hi all, I'm Kofi, I look after finance here at Orbitex.
Dana Whitfield: Great. Lena is our solutions engineer, she built the sync.
Lena Brandt: Happy to walk you through it.
Tomas Ruiz: I am sure Orbitex will like the reports.
Kofi Mensah: Thanks.
Lena Brandt: Sure.
Tomas Ruiz: Agreed.
";
    let b = bundle(deal(), notes, None);
    let r = crate::analysis::Reading::read(&b, &RULES);
    let voice = |line: u32| voice_on_line(&r, line);
    // Of the customer's company by their own word; a colleague by a placed
    // speaker's "is our".
    assert_eq!(voice(2), Some(Side::Customer));
    assert_eq!(voice(4), Some(Side::Seller));
    // Naming the customer is no introduction as one of them.
    assert_eq!(voice(5), None);
}

#[test]
fn a_colleague_named_before_a_pronoun_is_on_the_introducers_side() {
    let notes = "\
Dana Whitfield (00:00:05): Morning all. Lena is also on, she's our solutions engineer.
Lena Brandt (00:00:11): Hi everyone.
Kofi Mensah (00:00:14): Morning. Is the sync two-way?
Lena Brandt (00:00:19): Yes, I'll set it up for you in week one.
Dana Whitfield (00:00:25): Noor called, he is sure it works. Tomas Ruiz joined.
Tomas Ruiz (00:00:31): Sorry I'm late.
Priya Raman (00:00:40): From our side Jonas is here, our commercial lead, and Mirela, who runs the rollout.
Mirela Stan (00:00:46): Hello. The rollout takes six weeks.
Jonas Weber (00:00:50): Hi. Pricing next.
";
    let b = bundle(deal(), notes, None);
    let r = crate::analysis::Reading::read(&b, &RULES);
    let voice = |line: u32| voice_on_line(&r, line);
    assert_eq!(voice(2), Some(Side::Seller));
    assert_eq!(voice(4), Some(Side::Seller));
    // The time in parentheses is no role: an unplaced speaker stays unplaced.
    assert_eq!(voice(3), None);
    assert_eq!(voice(6), None);
    // A side mark opens a list: every name after it in the sentence is on it.
    assert_eq!(voice(8), Some(Side::Seller));
    assert_eq!(voice(9), Some(Side::Seller));
}

#[test]
fn a_name_typed_without_its_accents_is_the_same_person_of_the_accented_account() {
    // The e-mail headers carry the accents, the AE's notes do not, and the
    // account is written with an accent its ASCII mail domain cannot have.
    let notes = "\
From: Lucía Rodríguez <lucia.rodriguez@transmarina.example>
To: Sam Ortiz <sam@vendorly.example>

Can you confirm the training dates?

People
- Lucia Rodriguez, Jefa de Operaciones Aduaneras. She runs the project.
- Alejandro Fernandez, Gerente General. He signs.
";
    let mut deal = deal();
    deal.account = Some("Transmarína del Sur S.A.".into());
    let a = analyze(&bundle(deal, notes, None), &RULES);
    let lucia: Vec<_> = a
        .stakeholders
        .iter()
        .filter(|s| s.name.starts_with("Luc"))
        .collect();
    assert_eq!(lucia.len(), 1, "{:?}", a.stakeholders);
    assert_eq!(lucia[0].side, Side::Customer);
    assert_eq!(
        lucia[0].title.as_deref(),
        Some("Jefa de Operaciones Aduaneras")
    );
    // A general manager who signs, named by a pronoun after his title.
    assert!(
        a.stakeholders
            .iter()
            .any(|s| s.name == "Alejandro Fernandez" && s.executive_sponsor),
        "{:?}",
        a.stakeholders
    );
    assert!(
        !a.missing
            .contains(&crate::analysis::Missing::ExecutiveSponsor)
    );
    assert!(
        !a.missing
            .contains(&crate::analysis::Missing::StakeholderMap)
    );
}

#[test]
fn a_chat_contact_saved_with_its_company_is_the_person_it_begins_with() {
    // Two Danas, so the first name alone names no one; chat contacts carry
    // each side's company after the person's name.
    let b = bundle(
        deal(),
        "Attendees: Dana Ruiz (Orbitex, Head of Nursing)\n",
        None,
    );
    let r = crate::analysis::Reading::read(&b, &RULES);
    let side = |label: &str| r.people.find(label).and_then(|p| p.side);
    assert_eq!(side("Dana Whitfield Vendorly"), Some(Side::Seller));
    assert_eq!(side("Dana Ruiz Orbitex"), Some(Side::Customer));
    assert_eq!(side("dana.ruiz"), Some(Side::Customer));
    assert_eq!(side("Dana"), None);
}

#[test]
fn a_persons_name_read_as_an_organisation_does_not_take_their_first_name() {
    // "(Dana Whitfield)" after a customer's name reads as her organisation;
    // made an organisation of the customer's side, "Dana" would then place
    // the seller's AE speaking as "Dana" on the customer's side.
    let notes = "\
Attendees: Ines Varga (Dana Whitfield), Head of Finance
Dana: We'll set up the Epic sync in week one.
";
    let b = bundle(deal(), notes, None);
    let r = crate::analysis::Reading::read(&b, &RULES);
    assert!(
        !r.people
            .persons
            .iter()
            .any(|p| p.is_org && p.name == "Dana"),
        "{:?}",
        r.people.persons
    );
    assert_eq!(voice_on_line(&r, 2), Some(Side::Seller));
}

/// The side whose voice carries the first statement on `line`.
fn voice_on_line(r: &crate::analysis::Reading, line: u32) -> Option<Side> {
    let s = r
        .said
        .iter()
        .find(|c| c.stmt.line == line)
        .expect("a statement");
    crate::analysis::people::default_voice(&r.people, &s.stmt, &RULES)
}

#[test]
fn a_company_beside_a_speaker_is_the_side_the_bundle_ties_it_to() {
    // The AE's own label ties "Lumora" to the seller: a colleague labelled
    // with it is the seller's, whatever order the people were met in; the
    // account's name is the customer's.
    // The AE's name, with its apostrophe, is no name the notes' scan reads
    // with a company: only the speaker label ties "Lumora" to the seller.
    let notes = "\
Participants: Tomas Berg (Lumora), Ines Varga (Orbitex)
Tomas Berg (Lumora): We will build the billing dashboard for you.
Sean O'Neill (Lumora): Welcome all.
Ines Varga (Orbitex): Thanks, we need it by March.
";
    let deal = DealRecord {
        ae: Some("Sean O'Neill".into()),
        ..deal()
    };
    let b = bundle(deal, notes, None);
    let r = crate::analysis::Reading::read(&b, &RULES);
    assert_eq!(voice_on_line(&r, 2), Some(Side::Seller));
    assert_eq!(voice_on_line(&r, 4), Some(Side::Customer));
}

#[test]
fn the_scopes_supplier_party_names_the_sellers_company() {
    let notes = "\
Aung Kyaw (Medibyte): We will ship the label printers with the first sites.
Linh Medibyte: We will load the price lists for you before training.
";
    let scope = "\
**Customer:** Orbitex Health Ltd., Hanoi
**Supplier:** Medibyte Asia Pte. Ltd., Singapore
";
    let b = bundle(deal(), notes, Some(scope));
    let r = crate::analysis::Reading::read(&b, &RULES);
    assert_eq!(voice_on_line(&r, 1), Some(Side::Seller));
    assert_eq!(voice_on_line(&r, 2), Some(Side::Seller));
}

#[test]
fn a_record_field_naming_a_sellers_role_names_a_seller() {
    // `se`, `partner_rep`: the seller's people besides the AE and the CSM;
    // `customer_advisor` is no seller's field.
    let mut deal = deal();
    deal.extra.insert("se".into(), "Karol Nowak".into());
    deal.extra.insert(
        "partner_rep".into(),
        "Ravi Chand (Tarawa Systems, Suva)".into(),
    );
    deal.extra
        .insert("customer_advisor".into(), "Martin Hale".into());
    let notes = "\
Dr. Karol Nowak: We'll train both shifts on site.
Ines Varga (Orbitex): Thanks, Karol.
";
    let b = bundle(deal, notes, None);
    let r = crate::analysis::Reading::read(&b, &RULES);
    let side = |name: &str| r.people.find(name).and_then(|p| p.side);
    assert_eq!(side("Karol Nowak"), Some(Side::Seller));
    assert_eq!(side("Ravi Chand"), Some(Side::Seller));
    assert_eq!(side("Martin Hale"), None);
    // The honorific is no part of the name the speaker is found by.
    assert_eq!(voice_on_line(&r, 1), Some(Side::Seller));
    assert_eq!(voice_on_line(&r, 2), Some(Side::Customer));
}
