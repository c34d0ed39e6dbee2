use super::*;
use jiff::civil::date;

fn all(text: &str) -> Vec<Quantity> {
    find_quantities(text, 2026)
        .into_iter()
        .map(|f| f.quantity)
        .collect()
}

fn one(text: &str) -> Quantity {
    let found = all(text);
    assert_eq!(found.len(), 1, "{text:?} -> {found:?}");
    found.into_iter().next().unwrap()
}

fn days(text: &str) -> (f64, bool) {
    match one(text) {
        Quantity::Duration { days, business, .. } => (days, business),
        q => panic!("{text:?} -> {q:?}"),
    }
}

fn day_of(text: &str) -> Date {
    match one(text) {
        Quantity::Date { date, .. } => date,
        q => panic!("{text:?} -> {q:?}"),
    }
}

fn money(text: &str) -> (f64, Option<String>, Option<Period>) {
    match one(text) {
        Quantity::Money {
            amount,
            currency,
            per,
            ..
        } => (amount, currency, per),
        q => panic!("{text:?} -> {q:?}"),
    }
}

fn count(text: &str) -> (f64, String) {
    match one(text) {
        Quantity::Count { value, unit, .. } => (value, unit),
        q => panic!("{text:?} -> {q:?}"),
    }
}

fn agree(a: &str, b: &str) -> Option<bool> {
    one(a).agrees_with(&one(b))
}

#[test]
fn numbers() {
    let cases = [
        ("four", 4.0),
        ("twenty-one", 21.0),
        ("twenty one", 21.0),
        ("1,200", 1200.0),
        ("1.5", 1.5),
        ("a", 1.0),
        ("an", 1.0),
        ("a dozen", 12.0),
        ("half", 0.5),
        ("a couple of", 2.0),
        ("two hundred and fifty", 250.0),
        ("ninety-nine thousand", 99_000.0),
        ("twelve thousand five hundred", 12_500.0),
        ("Fifteen", 15.0),
    ];
    for (text, want) in cases {
        assert_eq!(parse_number(text), Some(want), "{text}");
    }
    for text in [
        "a few",
        "several",
        "one two",
        "twenty thirty",
        "seventeen three",
        "",
        "hundred",
    ] {
        assert_eq!(parse_number(text), None, "{text}");
    }
}

#[test]
fn durations() {
    let cases = [
        ("6 weeks", 42.0, false),
        ("a six-week rollout", 42.0, false),
        ("go-live in a month", 30.0, false),
        ("within 30 days", 30.0, false),
        ("two business days", 2.8, true),
        ("ten working days", 14.0, true),
        ("48 hours", 2.0, false),
        ("48 business hours", 2.0, true),
        ("a 90-day pilot", 90.0, false),
        ("a couple of weeks", 14.0, false),
        ("a fortnight", 14.0, false),
        ("half a day", 0.5, false),
        ("two and a half weeks", 17.5, false),
        ("a one-week sprint", 7.0, false),
        ("1 quarter", 91.0, false),
        ("2 years", 730.0, false),
    ];
    for (text, want, business) in cases {
        let (got, b) = days(text);
        assert!((got - want).abs() < 1e-9, "{text}: {got}");
        assert_eq!(b, business, "{text}");
    }
}

#[test]
fn duration_ranges_keep_text_and_take_upper_bound() {
    for text in ["4-6 weeks", "four to six weeks", "4 – 6 weeks"] {
        let found = find_quantities(text, 2026);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].quantity.text(), text);
        assert_eq!((found[0].start, found[0].end), (0, text.len()));
        assert_eq!(days(text).0, 42.0);
    }
}

#[test]
fn duration_negatives() {
    for text in [
        "a few weeks",
        "several months",
        "meet once a week",
        "3 times a month",
        "the day-to-day contact",
        "at 02:00 UTC",
        "call at 9am",
        "a quarter of the users",
    ] {
        assert!(all(text).is_empty(), "{text:?} -> {:?}", all(text));
    }
}

#[test]
fn dates() {
    let cases = [
        ("by March 15", date(2026, 3, 15)),
        ("15 March", date(2026, 3, 15)),
        ("the 15th of March", date(2026, 3, 15)),
        ("Mar 15th", date(2026, 3, 15)),
        ("Jan 12", date(2026, 1, 12)),
        ("by May 15", date(2026, 5, 15)),
        ("by 3/15", date(2026, 3, 15)),
        ("by 12/1", date(2026, 12, 1)),
        ("12/15", date(2026, 12, 15)),
        ("12/15/2027", date(2027, 12, 15)),
        // A weekday, or a preposition of the languages deals mix in, makes a
        // yearless day-month figure a date, as "by" does.
        ("Tue 12/1", date(2026, 12, 1)),
        ("martes 11/3", date(2026, 11, 3)),
        ("hasta 12/5", date(2026, 12, 5)),
        ("2026-12-01", date(2026, 12, 1)),
        ("end of Q1", date(2026, 3, 31)),
        ("Q2", date(2026, 6, 30)),
        ("Q1 2027", date(2027, 3, 31)),
        ("Q4-2027", date(2027, 12, 31)),
        ("start of Q2", date(2026, 4, 1)),
        ("the third quarter", date(2026, 9, 30)),
        ("end of March", date(2026, 3, 31)),
        ("end of February", date(2026, 2, 28)),
        ("mid-January", date(2026, 1, 15)),
        ("early Feb", date(2026, 2, 7)),
        ("end of January", date(2026, 1, 31)),
        ("by end of year", date(2026, 12, 31)),
        ("EOY", date(2026, 12, 31)),
        ("year-end", date(2026, 12, 31)),
        ("EOM March", date(2026, 3, 31)),
        ("in March", date(2026, 3, 31)),
        ("June 2027", date(2027, 6, 30)),
        // 2026-11-19 is a Thursday: the week starts Monday the 16th.
        ("the week of Nov 19", date(2026, 11, 16)),
        ("the week of Nov 16", date(2026, 11, 16)),
        // A Sunday: the working week after it.
        ("the week of January 11", date(2026, 1, 12)),
    ];
    for (text, want) in cases {
        assert_eq!(day_of(text), want, "{text}");
    }
    // A bare small figure pair after any other word is no date ("2/3 of").
    assert!(all("about 2/3 of the team").is_empty());
}

#[test]
fn date_spans_and_year_rollover() {
    let text = "Go-live by 19 August. Then Aug. 24 and Sept. 3.";
    let spans: Vec<&str> = find_quantities(text, 2026)
        .iter()
        .map(|f| &text[f.start..f.end])
        .collect();
    assert_eq!(spans, ["19 August", "Aug. 24", "Sept. 3"]);
    let close = date(2026, 10, 20);
    let dates: Vec<Date> = find_quantities_from("by Jan 12, kickoff Nov 2, Q1, Jan 5 2026", close)
        .into_iter()
        .map(|f| match f.quantity {
            Quantity::Date { date, .. } => date,
            q => panic!("{q:?}"),
        })
        .collect();
    assert_eq!(
        dates,
        [
            date(2027, 1, 12),
            date(2026, 11, 2),
            date(2027, 3, 31),
            date(2026, 1, 5)
        ]
    );
}

#[test]
fn date_negatives() {
    for text in [
        "EOM",
        "end of the month",
        "3/4 of the team",
        "24/7 support",
        "we may 15 times",
        "March",
        "in 2026",
        "EOD",
        "Q12",
        "the quarter",
    ] {
        assert!(all(text).is_empty(), "{text:?} -> {:?}", all(text));
    }
}

#[test]
fn monies() {
    let usd = Some("USD".to_string());
    assert_eq!(money("$48,000"), (48_000.0, usd.clone(), None));
    assert_eq!(money("$48k"), (48_000.0, usd.clone(), None));
    assert_eq!(money("48K USD"), (48_000.0, usd.clone(), None));
    assert_eq!(money("USD 50,000"), (50_000.0, usd.clone(), None));
    assert_eq!(
        money("fifty thousand dollars"),
        (50_000.0, usd.clone(), None)
    );
    assert_eq!(money("€1.2M"), (1_200_000.0, Some("EUR".into()), None));
    assert_eq!(money("£20,000"), (20_000.0, Some("GBP".into()), None));
    assert_eq!(
        money("$8,000 a month"),
        (8_000.0, usd.clone(), Some(Period::Month))
    );
    assert_eq!(money("$30/mo"), (30.0, usd.clone(), Some(Period::Month)));
    assert_eq!(
        money("$96,000 annually"),
        (96_000.0, usd.clone(), Some(Period::Year))
    );
    assert_eq!(
        money("$5k per quarter"),
        (5_000.0, usd, Some(Period::Quarter))
    );
    assert_eq!(money("a deal at 48k"), (48_000.0, None, None));
    for text in ["10k users", "1.2M rows", "$ and cents"] {
        assert!(
            !all(text)
                .iter()
                .any(|q| matches!(q, Quantity::Money { .. })),
            "{text}"
        );
    }
}

#[test]
fn percents() {
    for (text, want) in [
        ("20% off", 20.0),
        ("15 percent", 15.0),
        ("twenty per cent", 20.0),
        ("12.5 %", 12.5),
    ] {
        assert!(
            matches!(one(text), Quantity::Percent { value, .. } if value == want),
            "{text}"
        );
    }
}

#[test]
fn counts() {
    let cases = [
        ("15 Creator seats", 15.0, "seat"),
        ("twenty named users", 20.0, "user"),
        ("three sites", 3.0, "site"),
        ("2 regions", 2.0, "region"),
        ("two training sessions", 2.0, "session"),
        ("10 licenses", 10.0, "licence"),
        ("10 licences", 10.0, "licence"),
        ("ten people", 10.0, "person"),
        ("three branches", 3.0, "branch"),
        ("two countries", 2.0, "country"),
        ("2 more sites", 2.0, "site"),
        ("twenty-one users", 21.0, "user"),
        ("a dozen dashboards", 12.0, "dashboard"),
        ("one Salesforce integration", 1.0, "integration"),
        ("5 additional admin users", 5.0, "user"),
        ("10k users", 10_000.0, "user"),
    ];
    for (text, value, unit) in cases {
        assert_eq!(count(text), (value, unit.to_string()), "{text}");
    }
}

#[test]
fn count_negatives() {
    for text in [
        "one of the issues",
        "in 2026",
        "call 555-123-4567",
        "v4.2 seats",
        "running v4.2",
        "one",
        "the two of us",
    ] {
        assert!(all(text).is_empty(), "{text:?} -> {:?}", all(text));
    }
    // The price is money; the seats are not counted as 10.
    assert!(matches!(
        all("$10 Creator seats").as_slice(),
        [Quantity::Money { .. }]
    ));
}

#[test]
fn offsets_and_order_in_a_sentence() {
    let text = "Promised 20 named users live by March 15 at $8,000 a month, 20% off, in 4-6 weeks.";
    let found = find_quantities(text, 2026);
    let spans: Vec<&str> = found.iter().map(|f| &text[f.start..f.end]).collect();
    assert_eq!(
        spans,
        [
            "20 named users",
            "March 15",
            "$8,000 a month",
            "20%",
            "4-6 weeks"
        ]
    );
    for f in &found {
        assert_eq!(f.quantity.text(), &text[f.start..f.end]);
    }
}

#[test]
fn agreement() {
    assert_eq!(agree("a month", "four weeks"), Some(true));
    assert_eq!(agree("a month", "30 days"), Some(true));
    assert_eq!(agree("two weeks", "10 business days"), Some(true));
    assert_eq!(agree("4 weeks", "8 weeks"), Some(false));
    assert_eq!(agree("20 users", "twenty named users"), Some(true));
    assert_eq!(agree("15 seats", "25 seats"), Some(false));
    assert_eq!(agree("end of Q1", "March 31"), Some(true));
    assert_eq!(agree("by March 15", "April 30"), Some(false));
    assert_eq!(agree("mid-March", "March 20"), Some(true));
    assert_eq!(agree("in March", "April 2"), Some(false));
    assert_eq!(agree("the week of Nov 17", "November 20"), Some(true));
    assert_eq!(agree("November 24", "the week of Nov 17"), Some(false));
    assert_eq!(agree("$48k", "$48,000"), Some(true));
    assert_eq!(agree("$48k", "$52,000"), Some(false));
    assert_eq!(agree("$8,000 a month", "$96,000 annually"), Some(true));
    assert_eq!(agree("$8,000 a month", "$8,000"), None);
    assert_eq!(agree("$48k", "€48k"), None);
    assert_eq!(agree("20%", "15%"), Some(false));
    assert_eq!(agree("20%", "twenty percent"), Some(true));
    assert_eq!(agree("6 weeks", "March 31"), None);
    assert_eq!(agree("3 seats", "3 sites"), None);
    assert_eq!(agree("40 consulting hours", "40 hours"), Some(true));
    assert_eq!(agree("20%", "20 users"), None);
}

#[test]
fn long_input_is_fast() {
    let line =
        "Kickoff the week of Nov 17; 25 Creator seats, $48k ARR, 4-6 weeks, 15% off, two sites.\n";
    let text = line.repeat(5_000);
    let start = std::time::Instant::now();
    let found = find_quantities(&text, 2026);
    assert_eq!(found.len(), 6 * 5_000);
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
}

#[test]
fn shortcuts_agree_with_the_full_reading() {
    for text in [
        "Go-live by March 15, 2027 with 40 seats at $12,000 a year.",
        "We'll waive the first two months.",
        "nothing to count here",
        "Kickoff the week of Nov 17; training in Q1.",
        "v4.2 shipped at 10:30",
        "A quarter of the users log in twice a week.",
        "end of year, 15% off, three onsite workshops",
        "May we start on 29 February?",
    ] {
        let found = find_quantities(text, 2026);
        assert_eq!(has_quantities(text, 2026), !found.is_empty(), "{text}");
        if !may_hold_date(text) {
            assert!(
                !found
                    .iter()
                    .any(|f| matches!(f.quantity, Quantity::Date { .. })),
                "{text}"
            );
        }
    }
}

#[test]
fn the_quick_refusal_refuses_only_what_is_no_number() {
    let words = [
        "a",
        "A",
        "an",
        "An dozen",
        "single",
        "Half",
        "a half",
        "couple of",
        "a Couple",
        "dozen",
        "twenty-one",
        "TWENTY ONE",
        "fourty",
        "two hundred and fifty",
        "-five",
        "- five",
        "and five",
        "hundred",
        "thousand",
        "of",
        "x of",
        "five of",
        "seats",
        "the",
        "Seventeen",
        "seventeens",
        "nineteen",
        "éight",
        "ﬁve",
        "5",
        "5,000",
        " 12 ",
        "",
        "-",
        "one-off",
        "tenant",
        "a-half",
        "an-",
        "zero",
        "oNe",
        "thirty-Two",
        "NINETY",
        "ninety-nine thousand",
        "sixty six",
        "eleventh",
        "score",
    ];
    for word in words {
        assert_eq!(
            parse_number(word),
            super::numbers::read_number(word.trim()),
            "{word:?}"
        );
    }
}

#[test]
fn legal_numerals_are_read_once_at_their_place() {
    let found = find_quantities(
        "Wave 1 live within ninety (90) days after the Kickoff Date",
        2026,
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(matches!(found[0].quantity, Quantity::Duration { days, .. } if days == 90.0));
    let text = "Up to three (3) live training sessions within ten (10) weeks";
    let found = find_quantities(text, 2026);
    let kinds: Vec<String> = found.iter().map(|f| format!("{:?}", f.quantity)).collect();
    assert!(
        kinds.iter().any(|k| k.contains("Count { value: 3.0")),
        "{kinds:?}"
    );
    assert!(kinds.iter().any(|k| k.contains("days: 70.0")), "{kinds:?}");
    // Spans still point into the text as written.
    for f in &found {
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
    }
    // A figure that disagrees with its words is not taken for them.
    assert_eq!(legal_numerals_as_figures("twelve (10) widgets"), None);
    assert_eq!(
        legal_numerals_as_figures("within nine (9) weeks").as_deref(),
        Some("within        9 weeks")
    );
    // Figure first, as order forms also write it.
    assert_eq!(
        legal_numerals_as_figures("go-live 12 (twelve) weeks from signing").as_deref(),
        Some("go-live 12          weeks from signing")
    );
    let found = find_quantities(
        "Target go-live: 12 (twelve) weeks from the order date",
        2026,
    );
    assert!(
        found
            .iter()
            .any(|f| matches!(f.quantity, Quantity::Duration { days, .. } if days == 84.0)),
        "{found:?}"
    );
    assert_eq!(legal_numerals_as_figures("12 (ten) weeks"), None);
    assert_eq!(legal_numerals_as_figures("12 (see clause 4) weeks"), None);
}

#[test]
fn wider_date_forms_are_read_only_where_a_date_is_due() {
    let reference = date(2026, 12, 1);
    let wide = |text: &str| -> Vec<Date> {
        find_quantities_wide(text, reference)
            .into_iter()
            .filter_map(|f| match f.quantity {
                Quantity::Date { date, .. } => Some(date),
                _ => None,
            })
            .collect()
    };
    assert_eq!(wide("live by February first"), vec![date(2027, 2, 1)]);
    assert_eq!(
        wide("before the thirty-first of March"),
        vec![date(2027, 3, 31)]
    );
    assert_eq!(wide("live in CW 9"), vec![date(2027, 3, 1)]);
    assert_eq!(wide("Go-Live: CW 14/2027"), vec![date(2027, 4, 5)]);
    assert_eq!(
        wide("the week beginning 05.04.2027"),
        vec![date(2027, 4, 5)]
    );
    assert_eq!(wide("go-live by 31/03/2027"), vec![date(2027, 3, 31)]);
    // Dashed, day first, as order forms in India and much of Europe write it.
    assert_eq!(wide("Phase 2 go-live 04-05-2027"), vec![date(2027, 5, 4)]);
    assert!(
        wide("release 2027-05-04 and 2026-2027")
            .iter()
            .all(|d| *d == date(2027, 5, 4))
    );
    // Week numbers as speech and other languages give them, the year from
    // the reference unless written ("of next year", "(2028)", "de 2028").
    assert_eq!(wide("phase one live week 50"), vec![date(2026, 12, 7)]);
    assert_eq!(wide("told them wk 6, all good"), vec![date(2027, 2, 8)]);
    assert_eq!(wide("live in week 3 of next year"), vec![date(2027, 1, 18)]);
    assert_eq!(
        wide("Target go-live: ISO week 5 of 2028."),
        vec![date(2028, 1, 31)]
    );
    assert_eq!(
        wide("mise en service semaine 12 (2027)"),
        vec![date(2027, 3, 22)]
    );
    // Weeks of a plan are no calendar weeks.
    assert!(wide("training in week 2 of the rollout").is_empty());
    assert!(wide("Week 3-4: data migration").is_empty());
    assert!(wide("Week 1: discovery workshops").is_empty());
    // The ordinary reading keeps to the forms the context rules were made on.
    let plain: Vec<Quantity> = find_quantities_from("live by February first in CW 9", reference)
        .into_iter()
        .map(|f| f.quantity)
        .collect();
    assert!(
        plain
            .iter()
            .all(|q| !matches!(q, Quantity::Date { date, .. } if date.day() == 1)),
        "{plain:?}"
    );
}

#[test]
fn counts_in_legal_double_form_with_descriptive_modifiers() {
    assert_eq!(
        count("forty (40) ruggedised Android handheld devices"),
        (40.0, "device".to_string())
    );
    assert_eq!(
        count("25 (twenty-five) licensed users"),
        (25.0, "user".to_string())
    );
    assert_eq!(
        count("up to forty merchants"),
        (40.0, "merchant".to_string())
    );
    // Words and figure that disagree are no count; a count per unit is a rate.
    assert!(find_quantities("forty (4) devices", 2027).is_empty());
    assert!(find_quantities("four (4) devices per depot", 2027).is_empty());
}
