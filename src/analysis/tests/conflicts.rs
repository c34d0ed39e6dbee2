use super::*;

#[test]
fn a_promised_duration_against_the_scope_is_a_conflict() {
    let a = run(
        "- Told them implementation takes four weeks from kickoff.\n",
        Some("# SOW\n- Implementation period: 8 weeks from kickoff.\n- Two training sessions.\n"),
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 2)]);
    assert_eq!(
        category_at(&a, FlagKind::Conflict, 1),
        Some(Category::Timeline)
    );
}

#[test]
fn agreeing_figures_worded_apart_are_no_conflict() {
    let a = run(
        "- Told them implementation takes a month from kickoff.\n- We agreed on 20 users.\n",
        Some("- Implementation: four weeks from kickoff.\n- Twenty named users.\n"),
    );
    assert!(conflict_pairs(&a).is_empty(), "{:#?}", a.flags);
}

#[test]
fn an_excluded_integration_and_a_discount_against_list_price_conflict() {
    let scope = "\
# Order form
Discount: none. All items are at list price.
## Not included
- CRM integrations (Salesforce, HubSpot); available under a separate SOW.
";
    let notes = "\
- Sam confirmed the Salesforce sync will be included in the setup.
- I got approval to take 20% off the first year.
";
    let a = run(notes, Some(scope));
    let pairs = conflict_pairs(&a);
    assert!(pairs.contains(&(1, 4)), "{pairs:?}");
    assert!(pairs.contains(&(2, 2)), "{pairs:?}");
}

#[test]
fn a_promise_the_scope_neither_grants_nor_excludes_stays_a_commitment() {
    let a = run(
        "- Dana agreed to a dedicated support engineer for the first 90 days.\n",
        Some("- Platform subscription, 12 months.\n- Standard support.\n"),
    );
    assert!(conflict_pairs(&a).is_empty());
    assert_eq!(lines(&a, FlagKind::Commitment), vec![1]);
}

#[test]
fn a_count_above_the_scope_cap_conflicts() {
    let a = run(
        "- No problem, we can onboard all ~140 of their outside counsel firms.\n",
        Some("| Item | Qty |\n|---|---|\n| Firm onboarding, up to 75 firms | 75 |\n"),
    );
    assert_eq!(conflict_pairs(&a).len(), 1, "{:#?}", a.flags);
}

#[test]
fn a_promise_that_names_a_date_is_compared_on_dates_without_a_timeline_word() {
    // No "go-live", "by" or "deadline": the date alone makes it a when-promise.
    let a = run(
        "- Told Maria her crews will be dispatching from Routewise for the March 3 season opener.\n",
        Some(
            "# Order form\n- Two dispatch consoles.\n- Target first live dispatch: April 14 season opener.\n",
        ),
    );
    assert_eq!(conflict_pairs(&a), vec![(1, 3)], "{:#?}", a.flags);
    // The same promise with the scope's own date agrees.
    let b = run(
        "- Told Maria her crews will be dispatching from Routewise for the April 14 season opener.\n",
        Some(
            "# Order form\n- Two dispatch consoles.\n- Target first live dispatch: April 14 season opener.\n",
        ),
    );
    assert!(conflict_pairs(&b).is_empty(), "{:#?}", b.flags);
}
