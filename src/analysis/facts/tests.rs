use super::numbers::{payment_days, percent_near, response_minutes, start_hour};
use super::*;

fn facts(text: &str) -> Vec<Fact> {
    let rules = Rules::builtin();
    let lower = rules.cue_text(crate::analysis::normalise(text));
    read(&rules, &lower)
}

fn value(text: &str, topic: Topic) -> Option<Value> {
    facts(text)
        .into_iter()
        .find(|f| f.topic == topic)
        .map(|f| f.value)
}

fn conflicts(claim: &str, scope: &str) -> bool {
    let (a, b) = (facts(claim), facts(scope));
    a.iter().any(|c| b.iter().any(|s| c.contradicted_by(s)))
}

#[test]
fn numbers_are_read_in_words_digits_and_legal_numerals() {
    assert_eq!(
        start_hour("phone support from 06:00 on working days"),
        Some(360)
    );
    assert_eq!(start_hour("monday to friday, 8am-6pm"), Some(480));
    assert_eq!(start_hour("08.00 to 18.00 cet"), Some(480));
    assert_eq!(
        start_hour("du lundi au vendredi, de 8h30 à 18h00"),
        Some(510)
    );
    assert_eq!(start_hour("we cover 3 sites"), None);
    assert_eq!(response_minutes("thirty minutes for a p1"), Some(30.0));
    // A unit glued to a word is part of that word.
    assert_eq!(response_minutes("open seven till seven weekdays"), None);
    assert_eq!(
        response_minutes("priority 2 | 8 working hours"),
        Some(480.0)
    );
    assert_eq!(response_minutes("within four (4) hours"), Some(240.0));
    assert_eq!(response_minutes("support 24/7, 24 hours a day"), None);
    assert_eq!(
        percent_near("we'll put ninety-nine point nine in"),
        Some(99.9)
    );
    assert_eq!(percent_near("availability of 99,5 % per month"), Some(99.5));
    assert_eq!(payment_days("net 60"), Some(60));
    assert_eq!(payment_days("net sixty, as agreed"), Some(60));
    assert_eq!(payment_days("45 days from invoice, approved"), Some(45));
    assert_eq!(
        payment_days("payable within thirty (30) days of the date of invoice"),
        Some(30)
    );
    assert_eq!(payment_days("kickoff in 30 days"), None);
}

#[test]
fn each_topic_is_read_from_its_own_words() {
    assert_eq!(
        value(
            "Your tenant sits in Frankfurt, so that box is ticked.",
            Topic::Hosting
        )
        .map(|v| matches!(v, Value::Places(b) if b != 0)),
        Some(true)
    );
    assert_eq!(
        value("Hosted in the EU.", Topic::Hosting),
        None,
        "a wide place names no value"
    );
    assert_eq!(
        value("P2 in four hours round the clock", Topic::SupportHours),
        Some(Value::AllHours)
    );
    assert_eq!(
        value(
            "Support: Monday to Friday, 08:00-17:00, by e-mail",
            Topic::SupportHours
        ),
        Some(Value::WorkingHours {
            from: Some(480),
            until: Some(17 * 60)
        })
    );
    assert_eq!(
        value(
            "respond to Priority 2 incidents within four hours",
            Topic::Response
        ),
        Some(Value::Within {
            severity: Some(2),
            minutes: 240.0
        })
    );
    assert_eq!(
        value("we split it in three parcelas", Topic::PaymentSchedule),
        Some(Value::Instalments { parts: Some(3) })
    );
    assert_eq!(
        value("we split the team in three groups", Topic::PaymentSchedule),
        None,
        "no payment word"
    );
    assert_eq!(
        value(
            "the setup fee is paid in three instalments",
            Topic::PaymentSchedule
        ),
        Some(Value::Instalments { parts: Some(3) })
    );
    assert_eq!(
        value(
            "Our engineer will be at your plant for go-live week",
            Topic::Delivery
        ),
        Some(Value::OnSite { services: 1 << 2 })
    );
    assert_eq!(
        value("Connector is on the house.", Topic::Charge),
        Some(Value::Free)
    );
    assert!(facts("We met Priya on Tuesday to talk about the rollout.").is_empty());
}

#[test]
fn terms_conflict_by_value_not_by_shared_words() {
    assert!(conflicts(
        "Your tenant sits in Frankfurt.",
        "The Service is hosted in AWS eu-west-1 (Ireland)."
    ));
    assert!(!conflicts(
        "Your tenant sits in Frankfurt.",
        "Customer data is hosted in Germany (Frankfurt)."
    ));
    assert!(!conflicts(
        "Your data stays in Frankfurt.",
        "Data is hosted in the EU."
    ));
    assert!(conflicts(
        "Call us whenever, our support desk is there around the clock.",
        "Support is available Monday to Friday, 8-6, by ticket only."
    ));
    assert!(conflicts(
        "Then you'll have phone support from 06:00 on working days.",
        "Support hours: 08:00 to 17:00 CET on working days, via the portal and e-mail."
    ));
    assert!(conflicts(
        "P2 in four hours round the clock.",
        "Priority 2 incidents: response within 8 working hours."
    ));
    assert!(
        !conflicts(
            "P1 answered within 30 minutes.",
            "Priority 2 incidents: response within 8 working hours."
        ),
        "another severity"
    );
    assert!(conflicts(
        "We'll put ninety-nine point nine in your contract, availability-wise.",
        "Availability: 99.5% per month."
    ));
    assert!(conflicts(
        "Payment 45 days from invoice.",
        "Invoices are payable within thirty (30) days of the invoice date."
    ));
    assert!(!conflicts(
        "Payment 30 days from invoice.",
        "Invoices are payable within thirty (30) days of the invoice date."
    ));
    assert!(conflicts(
        "The setup fee can be paid in two instalments.",
        "The setup fee is invoiced in full on signature."
    ));
    assert!(conflicts(
        "Two training days on site, here in Künzelsau.",
        "Training is delivered remotely via Teams."
    ));
    assert!(
        !conflicts(
            "Two on-site field training sessions for the superintendents.",
            "Implementation project led by our manager, remote, 10 weeks from kickoff."
        ),
        "another service"
    );
    assert!(conflicts(
        "We'll be on site for go-live.",
        "Go-live support is delivered remotely."
    ));
    assert!(!conflicts(
        "Two on-site workshops.",
        "Gateway commissioning, remote."
    ));
    assert!(conflicts(
        "The price is locked for twenty-four months.",
        "Fees are adjusted annually by IPCA."
    ));
    assert!(conflicts(
        "Year-3 uplift capped at CPI, max 3%.",
        "Fees increase annually in line with RPI."
    ));
    assert!(!conflicts(
        "Year-3 uplift capped at CPI.",
        "Fees increase annually in line with CPI."
    ));
}

#[test]
fn families_name_the_fact_in_a_summary() {
    let rules = Rules::builtin();
    let claim = facts("Your tenant sits in Frankfurt.");
    assert_eq!(claim[0].describe(&rules), "hosting in frankfurt");
    let response = facts("P2 answered within 4 hours");
    let within = response
        .iter()
        .find(|f| f.topic == Topic::Response)
        .unwrap();
    assert_eq!(within.describe(&rules), "P2 answered within 4 h");
    // Days are named, not quoted as the pattern that reads them.
    assert_eq!(
        Fact::new(Topic::SupportDays, Value::Weekdays(0b110_0000)).describe(&rules),
        "support on Saturday, Sunday"
    );
}

#[test]
fn a_seller_stating_a_term_promises_it() {
    assert!(states_a_term(&facts(
        "Thirty minutes for a P1, round the clock."
    )));
    assert!(states_a_term(&facts("Connector is on the house.")));
    assert!(
        !states_a_term(&facts("Support is by e-mail.")),
        "a channel alone describes"
    );
    assert!(!states_a_term(&facts("The kickoff is on Tuesday.")));
}

#[test]
fn a_clause_listing_severities_states_one_time_each() {
    let scope = "5.2 Initial response targets: Severity 1 — two (2) hours; Severity 2 — four (4) business hours; Severity 3 — two (2) business days.";
    let times: Vec<Value> = facts(scope)
        .into_iter()
        .filter(|f| f.topic == Topic::Response)
        .map(|f| f.value)
        .collect();
    assert_eq!(
        times,
        vec![
            Value::Within {
                severity: Some(1),
                minutes: 120.0
            },
            Value::Within {
                severity: Some(2),
                minutes: 240.0
            },
            Value::Within {
                severity: Some(3),
                minutes: 2880.0
            },
        ]
    );
    assert!(conflicts(
        "For P1 we respond within 30 minutes, any time.",
        scope
    ));
    assert!(!conflicts("For P2 we respond within 4 hours.", scope));
}

pub(super) fn pair_facts(text: &str) -> Vec<Fact> {
    let rules = Rules::builtin();
    let lower = rules.cue_text(crate::analysis::normalise(text));
    read_for_pairs(&rules, &lower)
}

/// The value of the first fact on `topic` a pair reads in `text`.
pub(super) fn pair_value(text: &str, topic: Topic) -> Option<Value> {
    pair_facts(text)
        .into_iter()
        .find(|f| f.topic == topic)
        .map(|f| f.value)
}

#[test]
fn spoken_price_holds_are_read_for_pairs_only() {
    let held = |text: &str| {
        pair_facts(text)
            .into_iter()
            .find(|f| f.topic == Topic::PriceChange)
            .map(|f| f.value)
    };
    for text in [
        "Yes 5.85 is locked for the full 3 yrs",
        "I'll lock the one-ten for three years, it doesn't move at renewal",
        "Licence prices are kept without indexation for the second year",
        "We'll hold you flat, no escalator, all three years at the year-one rate",
    ] {
        assert_eq!(held(text), Some(Value::Held { indices: 0 }), "{text}");
    }
    // "Without indexation" holds the price: it is no indexation clause.
    assert_ne!(
        held("prices kept without indexation"),
        Some(Value::Rises { indices: 0 })
    );
    assert_eq!(
        held("Subscription rates may be increased on each anniversary"),
        Some(Value::Rises { indices: 0 })
    );
    // What finds commitments, and the line models, read the `[facts]` lists alone.
    assert!(facts("Yes 5.85 is locked for the full 3 yrs").is_empty());
}

#[test]
fn instalments_are_counted_where_the_text_says_how_many() {
    use super::numbers::instalment_count;
    assert_eq!(instalment_count("payment in 3 tranches"), Some(3));
    assert_eq!(instalment_count("invoiced in two (2) instalments"), Some(2));
    assert_eq!(
        instalment_count("30% at signature, 40% after uat, 30% after acceptance"),
        Some(3)
    );
    assert_eq!(instalment_count("thirty-forty-thirty is fine"), Some(3));
    assert_eq!(instalment_count("20% off the first year"), None);
    let parts = |text: &str| {
        pair_facts(text)
            .into_iter()
            .find(|f| f.topic == Topic::PaymentSchedule)
            .map(|f| f.value)
    };
    assert_eq!(
        parts("Quarterly in advance."),
        Some(Value::Instalments { parts: None })
    );
    assert!(conflicts_in_pairs(
        "the implementation fee in 3 tranches",
        "the implementation fee is invoiced in two (2) instalments"
    ));
}

#[test]
fn a_free_item_and_a_list_of_no_concessions_are_read_for_pairs() {
    let charge = |text: &str| {
        pair_facts(text)
            .into_iter()
            .find(|f| f.topic == Topic::Charge)
            .map(|f| f.value)
    };
    assert_eq!(
        charge("Enrolr will absorb the mandate fees for the first year"),
        Some(Value::Free)
    );
    assert_eq!(
        charge("No credits, discounts or free items apply to this Order Form"),
        Some(Value::NoConcession)
    );
}

pub(super) fn conflicts_in_pairs(claim: &str, scope: &str) -> bool {
    let (a, b) = (pair_facts(claim), pair_facts(scope));
    a.iter().any(|c| b.iter().any(|s| c.contradicted_by(s)))
}

#[test]
fn support_days_are_read_from_ranges_single_days_and_the_week() {
    let days = |text: &str| {
        pair_facts(text)
            .into_iter()
            .find(|f| f.topic == Topic::SupportDays)
            .map(|f| f.value)
    };
    assert_eq!(
        days("Support is available Monday to Friday, 8:00 to 17:00."),
        Some(Value::Weekdays(0b001_1111))
    );
    assert_eq!(
        days("El soporte se presta de lunes a sábado."),
        Some(Value::Weekdays(0b011_1111))
    );
    assert_eq!(
        days("Our helpdesk will also answer on Sundays."),
        Some(Value::Weekdays(0b100_0000))
    );
    // A day the clause leaves out is no day of cover.
    assert_eq!(
        days("Support on weekdays, excluding Saturdays."),
        Some(Value::Weekdays(0b001_1111))
    );
    assert_eq!(days("We spoke on Monday about the rollout."), None);
    assert!(conflicts_in_pairs(
        "The hotline is staffed on Saturdays for your drivers, no problem.",
        "Helpdesk support is available Monday to Friday, 9:00 to 18:00."
    ));
    assert!(!conflicts_in_pairs(
        "Support will pick up on Tuesdays too.",
        "Helpdesk support is available Monday to Friday, 9:00 to 18:00."
    ));
}

#[test]
fn an_exchange_rate_fixed_in_the_notes_against_the_rate_of_the_day() {
    let rate = |text: &str| {
        pair_facts(text)
            .into_iter()
            .find(|f| f.topic == Topic::ExchangeRate)
            .map(|f| f.value)
    };
    assert_eq!(
        rate("We'll invoice the euro items in zloty at a fixed rate of 4.30 per EUR."),
        Some(Value::FixedRate)
    );
    assert_eq!(
        rate("Amounts in EUR are converted at the central bank rate on the date of invoice."),
        Some(Value::FloatingRate)
    );
    assert_eq!(rate("The licence price is fixed for three years."), None);
    assert!(conflicts_in_pairs(
        "Fine, we fix it at the signing day's rate for the whole term.",
        "Amounts in EUR are converted at the central bank rate on the date of invoice."
    ));
}

#[test]
fn a_first_invoice_dated_by_go_live_or_by_the_order_date() {
    let start = |text: &str| {
        pair_facts(text)
            .into_iter()
            .find(|f| f.topic == Topic::BillingStart)
            .map(|f| f.value)
    };
    assert_eq!(
        start("The first yearly licence invoice will be issued at Stage 2 Go-Live."),
        Some(Value::BilledFromGoLive(true))
    );
    assert_eq!(
        start(
            "Fees are invoiced yearly in advance, the first invoice on the Order Effective Date."
        ),
        Some(Value::BilledFromGoLive(false))
    );
}

#[test]
fn a_service_level_table_run_together_states_a_time_per_severity() {
    let times = |text: &str| -> Vec<Value> {
        pair_facts(text)
            .into_iter()
            .filter(|f| f.topic == Topic::Response)
            .map(|f| f.value)
            .collect()
    };
    assert_eq!(
        times(
            "Response: P1 Platform down 3 Business Hours 2 Business Days P2 Reports late 6 Business Hours 5 Business Days"
        ),
        vec![
            Value::Within {
                severity: Some(1),
                minutes: 180.0
            },
            Value::Within {
                severity: Some(2),
                minutes: 360.0
            },
        ]
    );
    // Spoken times count in a pair, and a severity with a time to answer
    // is about support without the word.
    assert!(conflicts_in_pairs(
        "Critical outage, within half an hour our engineer is on it.",
        "Response: P1 Platform down 3 Business Hours 2 Business Days P2 Reports late 6 Business Hours 5 Business Days"
    ));
    assert!(conflicts_in_pairs(
        "For a P1 our desk gets back to you inside the hour.",
        "Response: P1 Platform down 3 Business Hours 2 Business Days P2 Reports late 6 Business Hours 5 Business Days"
    ));
    assert!(
        facts("For a P1 our desk gets back to you inside the hour.")
            .iter()
            .all(|f| f.topic != Topic::Response)
    );
}

#[test]
fn a_severity_shorthand_and_a_hyphenated_time_state_a_response() {
    let scope = "Response: P1 Warehouse halted 2 Business Hours 1 Business Day P2 Label printing slow 6 Business Hours 3 Business Days";
    // A severity with its time right after it, no verb of answering.
    assert!(conflicts_in_pairs(
        "- P2 45 min any day, they asked and we agreed",
        scope
    ));
    // "a 20-minute Sev 1 response": the unit joined to its number by a hyphen,
    // the severity spelt in words.
    assert_eq!(response_minutes("a 20-minute reply"), Some(20.0));
    assert!(conflicts_in_pairs(
        "We give you a 20-minute sev one response.",
        scope
    ));
    // A severity and a later figure that is no time to answer.
    assert!(
        pair_facts("P1 tickets were reviewed with 3 engineers over two days.")
            .iter()
            .all(|f| f.topic != Topic::Response)
    );
}
