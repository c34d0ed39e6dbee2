//! Conflicts by meaning (issue 13): typed facts both sides state in words
//! that share little, each test invented and each failing without the
//! mechanism it names.

use super::*;
use jiff::civil::date;

const SCHEDULE: &str = "\
# Order form
- Four handheld scanners and the depot licence.
- Go-Live shall be achieved within twenty (20) weeks from the Effective Date, provided the Customer delivers its item master within ten (10) days.
";

#[test]
fn a_spoken_go_live_date_against_weeks_from_signing_conflicts() {
    // Closed 15 January 2027: twenty weeks from signing is 4 June.
    let a = run_closed(
        date(2027, 1, 15),
        "- Told Omar we will have the depot live by March first.\n",
        SCHEDULE,
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 3)], "{:#?}", a.flags);
    // The scope's own date, however written, agrees.
    let b = run_closed(
        date(2027, 1, 15),
        "- Told Omar we will have the depot live by June 4.\n",
        SCHEDULE,
    );
    assert!(conflict_pairs(&b).is_empty(), "{:#?}", b.flags);
}

#[test]
fn a_calendar_week_is_a_go_live_date() {
    let a = run_closed(
        date(2026, 12, 1),
        "- Confirmed to Jana that the Bremen site goes live in CW 6.\n",
        "# Order form\n- Slotting licence for the Bremen site.\n- Go-Live: CW 15/2027, the week beginning 12.04.2027.\n",
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 3)], "{:#?}", a.flags);
}

#[test]
fn a_price_held_in_speech_against_a_yearly_increase_conflicts() {
    let a = run(
        "- Told Ruth the 4.20 per user is locked for the full three years.\n",
        Some(
            "# Order form\n- 300 users at 4.20 per user per month.\n- Subscription rates may be increased on each anniversary by up to five percent (5%).\n",
        ),
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 3)], "{:#?}", a.flags);
}

#[test]
fn a_free_item_against_its_row_in_a_price_table_conflicts() {
    // The row names the item once ("scanner") and its count: the same item.
    let a = run(
        "- I'll throw in the twelve scanners, on us.\n",
        Some(
            "# Order form\n\n| Item | Qty | Unit | Total |\n|---|---|---|---|\n| Handheld scanner (ruggedised) | 12 | $240.00 | $2,880.00 |\n| Depot licence | 1 | $9,000.00 | $9,000.00 |\n",
        ),
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 5)], "{:#?}", a.flags);
}

#[test]
fn instalments_in_another_number_of_parts_conflict_with_the_same_fee() {
    let a = run(
        "- Agreed the implementation fee in 3 tranches: 30% at signature, 40% after UAT, 30% at go-live.\n",
        Some(
            "# Terms\n- The Licence Fees are invoiced annually in advance.\n- The Implementation Fee shall be invoiced in two (2) instalments: fifty per cent (50%) on signature and fifty per cent (50%) on acceptance.\n",
        ),
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 3)], "{:#?}", a.flags);
}

/// A fee billed ahead each year is a rhythm: it does not answer a split of
/// a one-time fee, which the clause on that fee does ("100% on signing").
#[test]
fn a_split_one_time_fee_meets_its_own_clause_not_the_yearly_billing() {
    let claim = "- Fine, the installation in two parts: half on order and half at go-live.\n";
    let yearly_only = run(
        claim,
        Some(
            "# Fees\n- Licence fees from year 2: USD 22,800 per year, invoiced annually in advance.\n",
        ),
    );
    assert!(
        conflict_pairs(&yearly_only).is_empty(),
        "{:#?}",
        yearly_only.flags
    );
    let both = run(
        claim,
        Some(
            "# Fees\n- Installation of the kit: 100% on signing of this order form.\n- Subscription: annually in advance from go-live.\n",
        ),
    );
    assert_eq!(conflict_pairs(&both), vec![(1, 2)], "{:#?}", both.flags);
    // A split of the yearly fee itself still conflicts with its billing.
    let subscription = run(
        "- We can invoice the subscription in three equal instalments over the year.\n",
        Some("# Fees\n- Subscription fees are invoiced annually in advance.\n"),
    );
    assert_eq!(
        conflict_pairs(&subscription),
        vec![(1, 2)],
        "{:#?}",
        subscription.flags
    );
}

#[test]
fn on_site_training_meets_the_remote_training_clause_before_a_general_exclusion() {
    let scope = "\
# SOW
## Services
- All training shall be delivered remotely by video conference.
## Exclusions
- (a) custom reports;
- (b) any on-site services.
";
    let a = run(
        "- Agreed: Lena runs the training in person at the Leeds plant for two days.\n",
        Some(scope),
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 3)], "{:#?}", a.flags);
}

#[test]
fn a_definition_of_go_live_dates_nothing() {
    // The date in the definitions is the commencement, not the go-live.
    let a = run_closed(
        date(2027, 1, 5),
        "- Told Ann we will be live before the first of March.\n",
        "1.1 \"Commencement Date\" means 11 January 2027; \"Go-Live\" means the first day the depot runs on the Platform.\n1.2 Four handheld scanners.\n",
    );
    assert!(conflict_pairs(&a).is_empty(), "{:#?}", a.flags);
}

#[test]
fn a_place_name_does_not_make_a_price_row_the_promised_item() {
    let scope = "\
# Order form

| Item | Qty | Unit | Total |
|---|---|---|---|
| Elk Ridge implementation services | 1 | 42,500.00 | 42,500.00 |
| Rugged handheld scanner | 20 | 1,195.00 | 23,900.00 |
";
    let a = run(
        "- The twenty handhelds for Elk Ridge, we'll cover them.\n",
        Some(scope),
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 6)], "{:#?}", a.flags);
}

#[test]
fn a_response_time_in_a_service_level_row_is_compared() {
    let a = run(
        "- Confirmed to Tom that a P1 gets a response within one hour.\n",
        Some(
            "## Service levels\n\n| Priority | Response |\n|---|---|\n| Priority 1 (system down) | within four (4) Business Hours |\n",
        ),
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 5)], "{:#?}", a.flags);
}

#[test]
fn on_site_said_without_the_word_meets_a_scope_that_delivers_every_service_remotely() {
    let scope = "\
# SOW
- Sixty crew licences for the Tromsø and Bodø depots.
- All Services shall be performed remotely from the Supplier's facilities.
";
    let a = run(
        "- Agreed that Marta will be physically at the Tromsø depot for the cutover week.\n",
        Some(scope),
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 3)], "{:#?}", a.flags);
}

#[test]
fn a_charge_for_on_site_work_in_general_ranks_below_the_clause_on_the_service() {
    let scope = "\
# SOW
- Training: four virtual train-the-trainer sessions via Teams.
- On-site attendance is available at the day rate of 1,400.00 plus travel.
";
    let a = run(
        "- Confirmed that Jonas will run the training on site at each depot.\n",
        Some(scope),
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 2)], "{:#?}", a.flags);
}

#[test]
fn someone_on_site_where_the_scope_grants_on_site_work_is_no_conflict() {
    let scope = "\
# SOW
- On-site go-live support for the first weekend at each wave 1 store.
- Online training library for all staff.
";
    let a = run(
        "- Promised a technician on site at each wave 1 store for its first weekend.\n",
        Some(scope),
    );
    assert!(conflict_pairs(&a).is_empty(), "{:#?}", a.flags);
}

#[test]
fn invoicing_in_arrears_against_in_advance_conflicts() {
    // Both bill quarterly: only the timing differs.
    let a = run(
        "- Agreed with Ines that we invoice the licences quarterly in arrears.\n",
        Some("# Order form\n- 120 licences.\n- Licence fees are invoiced quarterly in advance.\n"),
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 3)], "{:#?}", a.flags);
}

#[test]
fn billing_from_go_live_against_a_first_invoice_at_signing_conflicts() {
    let scope = "\
# Order form
- 120 licences.
- Licence fees are invoiced annually in advance, the first invoice being issued on the Effective Date.
";
    let a = run(
        "- Told Ravi the licence billing starts at go-live, not at signature.\n",
        Some(scope),
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 3)], "{:#?}", a.flags);
    // The scope that starts invoicing at go-live agrees.
    let b = run(
        "- Told Ravi the licence billing starts at go-live, not at signature.\n",
        Some("# Order form\n- 120 licences.\n- Licence fees are invoiced from the go-live date.\n"),
    );
    assert!(conflict_pairs(&b).is_empty(), "{:#?}", b.flags);
}

#[test]
fn a_language_the_scope_leaves_out_conflicts() {
    let scope =
        "# Order form\n- 80 crew licences.\n- The Crew App is provided in Norwegian and English.\n";
    let a = run(
        "- Promised Ola the crew app in Polish before the summer season.\n",
        Some(scope),
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 3)], "{:#?}", a.flags);
    // A language the scope names agrees; a team named by its language is no language.
    let b = run(
        "- Promised Ola the crew app in English, and our Polish team runs the training.\n",
        Some(scope),
    );
    assert!(conflict_pairs(&b).is_empty(), "{:#?}", b.flags);
}

#[test]
fn a_hosting_place_beyond_the_first_list_is_compared() {
    let a = run(
        "- Confirmed to Ahmed that the data stays in Egypt, hosted in Cairo.\n",
        Some(
            "# Order form\n- 40 users.\n- Customer Data is hosted in Microsoft Azure, region UAE North (Dubai).\n",
        ),
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 3)], "{:#?}", a.flags);
}

#[test]
fn a_row_of_a_service_level_table_answers_a_faster_promise() {
    let a = run(
        "- For a P1 our desk gets back to you inside the hour, Ines.\n",
        Some(
            "# Order form\n\n## 4. Service levels\n\n\
             Severity  Description             Reply              Fix\n\
             --------  ----------------------  -----------------  ---------------\n\
             P1        Platform down           3 Business Hours   2 Business Days\n\
             P2        Reports late            6 Business Hours   5 Business Days\n",
        ),
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 7)], "{:#?}", a.flags);
}

#[test]
fn saturday_cover_against_monday_to_friday_support() {
    let a = run(
        "- Confirmed to Ines: our hotline is open on Saturdays for her night-shift planners.\n",
        Some(
            "# Order form\n\n## 5. Support\n\n\
             - Support is available Monday to Friday, 08:00 to 17:00, by portal and telephone.\n",
        ),
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 5)], "{:#?}", a.flags);
}

#[test]
fn a_fixed_exchange_rate_against_the_rate_of_the_invoice_date() {
    let a = run(
        "- Told Ines we invoice the USD items in pesos at a fixed rate of 18.50 per USD for year one.\n",
        Some(
            "# Order form\n\n## 6. Fees\n\n\
             - Amounts stated in USD are invoiced in pesos, converted at the central bank exchange rate on the date of invoice.\n",
        ),
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 5)], "{:#?}", a.flags);
}

#[test]
fn an_excluded_retrieval_makes_the_scope_one_way() {
    let scope = "\
# Order form
- Connector to the Corvane core: new accounts are created in the core.
- Retrieval of existing customer records from the core, including lookup and prefill, is not included.
";
    let notes = "- Told Hana we set the core connector up both ways, so existing customers are looked up and prefilled.\n";
    let a = run(notes, Some(scope));
    assert_eq!(conflict_pairs(&a), vec![(1, 3)], "{:#?}", a.flags);
}

/// The (notes, scope) lines the conflict checks pair, without the learned
/// model: a check's test must not lean on what the pair model keeps.
pub(super) fn conflict_pairs_by_checks(notes: &str, scope: &str) -> Vec<(u32, u32)> {
    let b = bundle(deal(), notes, Some(scope));
    let r = crate::analysis::Reading::read(&b, &RULES);
    let commitments = crate::analysis::commitments::find(&r);
    crate::analysis::conflicts::find(&r, &commitments, None)
        .iter()
        .map(|f| (f.evidence[0].line, f.evidence.last().unwrap().line))
        .collect()
}

#[test]
fn a_discount_rate_the_scope_states_is_not_contradicted_by_another_rate() {
    let scope = "\
# Order form
| Item | Term | Amount |
| Subscription, five hotels | annual | 46.368,00 EUR |
| Discount, first contract year only (20 %) | year 1 | -9.273,60 EUR |
| Implementation discount (100 %, waived) | one-off | -6.500,00 EUR |
";
    let notes = "- 20% discount on the first year of subscription, as approved by Lucia.\n";
    assert_eq!(conflict_pairs_by_checks(notes, scope), vec![]);
    // A rate the scope does not state still conflicts with the one it does.
    let notes = "- 30% discount on the first year of subscription, as approved by Lucia.\n";
    assert_eq!(conflict_pairs_by_checks(notes, scope), vec![(1, 4)]);
}

#[test]
fn the_shares_of_a_payment_are_no_discount_rate() {
    let scope = "\
# Order form
| Item | Amount |
| Subscription, 12 months, less first-year discount (15%) | 61.200,00 EUR |
";
    let notes = "- Payment 30% on acceptance / 70% after UAT, discount approved by Sandy.\n";
    assert_eq!(conflict_pairs_by_checks(notes, scope), vec![]);
    let notes = "- 30% discount on the subscription, approved by Sandy.\n";
    assert_eq!(conflict_pairs_by_checks(notes, scope), vec![(1, 3)]);
}

#[test]
fn a_count_stated_noun_first_is_compared_with_a_promised_count() {
    let scope = "# Order form\n- The total number of licensed seats under this order is one hundred and forty (140).\n";
    let a = run(
        "- Told Priya the licence covers up to 160 seats, nothing extra to pay.\n",
        Some(scope),
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 2)], "{:#?}", a.flags);
    // The same count, written otherwise, agrees.
    let b = run("- Told Priya the licence covers 140 seats.\n", Some(scope));
    assert!(conflict_pairs(&b).is_empty(), "{:#?}", b.flags);
}

const UNDATED_SCHEDULE: &str = "\
# Order form
- Scanner licences for the Leeds warehouse.
- Go-Live shall be achieved within twenty (20) weeks of the Effective Date.
";

#[test]
fn durations_from_an_undated_signing_compare_with_each_other() {
    // The deal gives no close date: both count from signing, so eight weeks
    // and twenty cannot both be the plan.
    let notes = "- Told Ruth the warehouse will be live eight weeks after you sign.\n";
    assert_eq!(
        conflict_pairs_by_checks(notes, UNDATED_SCHEDULE),
        vec![(1, 3)]
    );
    // Shorthand names the event first.
    let notes = "- Ruth: 8 wks signature to go-live, agreed.\n";
    assert_eq!(
        conflict_pairs_by_checks(notes, UNDATED_SCHEDULE),
        vec![(1, 3)]
    );
    // Within a fortnight of the scope's period it is the same plan.
    let notes = "- Told Ruth the warehouse will be live nineteen weeks after you sign.\n";
    assert_eq!(conflict_pairs_by_checks(notes, UNDATED_SCHEDULE), vec![]);
    // A duration from an event of another family does not compare.
    let notes = "- Told Ruth the warehouse will be live eight weeks after kickoff.\n";
    assert_eq!(conflict_pairs_by_checks(notes, UNDATED_SCHEDULE), vec![]);
}

#[test]
fn a_free_period_longer_than_the_one_the_scope_waives_conflicts() {
    let scope = "# Order form\n- Dispatch licence for the Kettering depot.\n- Subscription waived for the first two (2) months from the date signed.\n";
    let a = run_closed(
        date(2026, 11, 2),
        "- First three months free, and I'll lock the price for two years.\n",
        scope,
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 3)], "{:#?}", a.flags);
    let summary = first_conflict_text(&a);
    // The free period, not the price lock's two years.
    assert!(summary.contains("three months free"), "{summary}");
    let b = run_closed(
        date(2026, 11, 2),
        "- First two months free, as we agreed.\n",
        scope,
    );
    assert!(conflict_pairs(&b).is_empty(), "{:#?}", b.flags);
}
