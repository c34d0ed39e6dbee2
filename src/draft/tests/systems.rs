use super::*;
use crate::draft::test_support::rules;

#[test]
fn systems_are_named_once_in_order() {
    assert_eq!(
        system_names(rules(), "Sync NetSuite and Salesforce, then NetSuite again"),
        vec!["NetSuite", "Salesforce"]
    );
}

#[test]
fn system_names_are_proper_nouns_only() {
    assert!(system_names(rules(), "casuals get roster pings, and POs flow in").is_empty());
    assert_eq!(
        system_names(rules(), "Sage 200 supplier master holds 3,000 suppliers"),
        vec!["Sage 200"]
    );
    assert_eq!(
        system_names(rules(), "we run the import from Deltek Vantagepoint once"),
        vec!["Deltek Vantagepoint"]
    );
    assert_eq!(
        system_names(rules(), "received POs flow into KitchenLedger."),
        vec!["KitchenLedger"]
    );
    assert!(system_names(rules(), "visits are denied from January 1, 2027").is_empty());
}

/// The naming as first written (a `Vec` of words, every word lower-cased for
/// its tests), which the faster one must agree with.
fn reference_system_names(rules: &crate::rules::Rules, text: &str) -> Vec<String> {
    fn proper(written: &str) -> Option<String> {
        let written = written.trim_matches(|c: char| !c.is_alphanumeric());
        let first = written.chars().next()?;
        let upper = written.chars().filter(|c| c.is_uppercase()).count();
        let acronym_plural = upper >= 2
            && written.ends_with('s')
            && written[..written.len() - 1]
                .chars()
                .all(|c| c.is_uppercase());
        if !first.is_uppercase() || acronym_plural {
            return None;
        }
        let kept: Vec<&str> = written
            .split(' ')
            .take_while(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            })
            .collect();
        Some(kept.join(" "))
    }
    let mut out: Vec<String> = Vec::new();
    let push = |out: &mut Vec<String>, name: String| {
        if !name.is_empty() && !out.iter().any(|n| same_system(n, &name)) {
            out.push(name);
        }
    };
    let lowered = crate::rules::lower_in_place(text).into_owned();
    for (a, b) in rules.systems.names.find_all(&lowered) {
        let whole_word = !text[b..].chars().next().is_some_and(char::is_alphanumeric);
        if whole_word && let Some(name) = proper(&text[a..b]) {
            push(&mut out, name);
        }
    }
    if out.is_empty() {
        let words: Vec<&str> = text.split_whitespace().collect();
        for (i, w) in words.iter().enumerate() {
            let after_preposition =
                i > 0 && matches!(words[i - 1].to_lowercase().as_str(), "from" | "into");
            let before_noun = words.get(i + 1).is_some_and(|n| {
                let n = n
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                matches!(
                    n.as_str(),
                    "connector" | "integration" | "sync" | "api" | "interface" | "feed"
                )
            });
            let calendar = CALENDAR_WORDS.contains(
                &w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
                    .as_str(),
            );
            if let Some(name) = proper(w)
                && (after_preposition || before_noun)
                && !calendar
            {
                let mut name = name;
                if let Some(next) = words
                    .get(i + 1)
                    .and_then(|n| proper(n))
                    .filter(|_| !before_noun)
                {
                    name = format!("{name} {next}");
                }
                push(&mut out, name);
            }
        }
    }
    out
}

#[test]
fn naming_agrees_with_the_reference_on_tricky_texts() {
    let texts = [
        "",
        "   ",
        "Sync NetSuite and Salesforce, then NetSuite again",
        "casuals get roster pings, and POs flow in",
        "Sage 200 supplier master holds 3,000 suppliers",
        "Sage  200 with two spaces, SAGE 300",
        "we run the import from Deltek Vantagepoint once",
        "received POs flow into KitchenLedger.",
        "visits are denied from January 1, 2027",
        "data FROM Oracle and INTO \"Workday\" nightly",
        "from APIs into POs, from Os into As",
        "pull from ÉcoleNet into Ærø and from Ｗide",
        "from \u{212A}elvin sync, the WEE\u{212A} feed, the Wee\u{212A} Connector",
        "from Week 3 into Monday, Q3 Feed, Fy API",
        "a “Bespoke” connector; the ‘Legacy’ Integration, Zeta-7 interface",
        "from İstanbul into ﬁle SYNC",
        "from Deltek into Deltek Vantagepoint then from Vantagepoint",
        "the Ping sync and the pings, POS feed, the POS",
        "end with from",
        "from",
        "From Salesforce",
        "A B C from D E F into G",
        "ends with Hubspot integration.",
        "emoji 🚀 from 🚀Rocket into Rocket🚀 feed",
        "from\x0BOracle into\x0CWorkday\x1Cfrom Sage\r\nfrom\tXero",
        "from\x1COracle into Workday\x1Ffeed\x0C and\r\nfrom\tXero",
        "from\u{85}Oracle into\u{A0}Workday\u{2003}feed, from\u{3000}Zoho",
    ];
    for text in texts {
        assert_eq!(
            system_names(rules(), text),
            reference_system_names(rules(), text),
            "{text:?}"
        );
    }
}

#[test]
fn ascii_white_space_is_unicode_white_space_but_the_vertical_tab() {
    for b in 0..128u8 {
        assert_eq!(
            char::from(b).is_whitespace(),
            b.is_ascii_whitespace() || b == 0x0B,
            "{b:#x}"
        );
    }
}
