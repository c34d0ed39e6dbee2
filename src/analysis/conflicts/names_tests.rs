//! The proper nouns of a line and the names of the parties, on invented text.
use super::*;

#[test]
fn proper_nouns_skip_openers_and_common_words() {
    let none = BTreeSet::new();
    let found = proper_nouns(
        "Integration with KitchenLedger or any other stock system; available under a separate SOW.",
        &none,
    );
    assert_eq!(found, vec!["kitchenledger"]);
    assert!(proper_nouns("Any activity at the Venlo plant", &none).contains(&"venlo".to_string()));
    // An opener counts only when the bundle uses it as a name elsewhere.
    assert!(proper_nouns("Muncie sensors installed", &none).is_empty());
    let names = names_in(["the Muncie plant"].into_iter());
    assert_eq!(
        proper_nouns("Muncie sensors installed", &names),
        vec!["muncie"]
    );
}

#[test]
fn the_supplier_is_named_by_its_label_or_its_definition() {
    fn found(text: &str) -> Option<&str> {
        let lower = text.to_lowercase();
        let at = lower
            .find("supplier")
            .or_else(|| lower.find("proveedor"))
            .unwrap();
        let end = at
            + if lower[at..].starts_with("supplier") {
                8
            } else {
                9
            };
        supplier_named(text, &lower, &[(at, end)])
            .map(|s| s.trim_matches(|c: char| !c.is_alphanumeric()))
    }
    assert_eq!(
        found("**Proveedor:** Nubecita, S.A. de C.V."),
        Some("Nubecita")
    );
    assert_eq!(
        found("| Supplier | Brindle Works Ltd, Level 3, Harbour House |"),
        Some("Brindle Works Ltd")
    );
    assert_eq!(
        found("Ostrava Metering, s.r.o., Czech Republic (the \"Supplier\")"),
        Some("Ostrava Metering")
    );
    // A clause about the supplier names no one.
    assert_eq!(
        found("The Supplier shall deliver two (2) sessions at the Lugo plant."),
        None
    );
    assert_eq!(
        domain_labels("mail.brindle.co.uk").collect::<Vec<_>>(),
        ["mail", "brindle"]
    );
    assert_eq!(
        domain_labels("brindle.example").collect::<Vec<_>>(),
        ["brindle"]
    );
}

#[test]
fn names_among_agrees_with_names_in() {
    let texts = [
        "Muncie sensors installed. Then the Muncie plant and Toledo.",
        "Kickoff with Isah. Toledo is next.",
    ];
    let wanted = openers(texts.iter().copied());
    let all = names_in(texts.iter().copied());
    let among = names_among(texts.iter().copied(), &wanted);
    let expected: BTreeSet<String> = all.intersection(&wanted).cloned().collect();
    assert_eq!(among, expected);
    assert!(among.contains("muncie") && among.contains("toledo"));
    // Curly quotes, dashes and non-ASCII capitals in the middle of a word.
    let texts = [
        "Zoë plans — then “Zoë” and ZoË again.",
        "Ëmile opens; later ËMILE and the Ëmile team.",
        "Kickoff — Toledo first, then “Toledo”.",
    ];
    let wanted = openers(texts.iter().copied());
    let all = names_in(texts.iter().copied());
    let expected: BTreeSet<String> = all.intersection(&wanted).cloned().collect();
    assert_eq!(names_among(texts.iter().copied(), &wanted), expected);
    assert!(expected.contains("ëmile"), "{expected:?}");
    // Openers, capitals, short words, common capitals in odd case, a final
    // sigma, words glued to punctuation.
    let texts = [
        "Toledo first. Then Toledo, (Muncie) and -Saltillo; ThE plan: Ops.",
        "ΟΔΥΣΣΕΥΣ met Οδυσσευς and Οδυσσευσ. ACME and Acme-Corp; Acme’s team",
        "The Muncie: Isah! Isah said 42 Toledo's \"Muncie\" Al Bo",
        "Met\x0BToledo and\x0CMuncie\rthen Isah\tAcme",
        "",
    ];
    let wanted = openers(texts.iter().copied())
        .into_iter()
        .chain(["the", "acme", "acme-corp", "οδυσσευς", "al", "muncie"].map(String::from))
        .collect();
    let all = names_in(texts.iter().copied());
    let expected: BTreeSet<String> = all.intersection(&wanted).cloned().collect();
    assert_eq!(names_among(texts.iter().copied(), &wanted), expected);
    assert!(
        expected.contains("acme-corp") && expected.contains("οδυσσευς"),
        "{expected:?}"
    );
}

/// Generated ASCII texts: tokens of capitals, punctuation around and
/// inside words, every ASCII white space, wanted words that are prefixes
/// or extensions of one another.
#[test]
fn names_among_agrees_with_names_in_on_generated_texts() {
    let pieces = [
        "Muncie",
        "muncie",
        "MUNCIE",
        "Muncie-Corp",
        "Muncie.io",
        "Munc",
        "Toledo",
        "The",
        "Isah",
        "isah",
        "ACME",
        "Acme",
        "Acme-",
        "-Acme",
        "xAcme",
        "Acmes",
        "42",
        "Ops",
        "and",
        "then",
        "(",
        ")",
        ".",
        ":",
        ";",
        ",",
        "\"",
        "'s",
        "-",
        "Al",
        "Bo",
    ];
    let spaces = [" ", "  ", "\t", "\n", "\x0B", "\x0C", "\r", ""];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut texts = Vec::new();
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..next(9) {
            text.push_str(pieces[next(pieces.len())]);
            if next(3) == 0 {
                text.push_str(pieces[next(pieces.len())]);
            }
            text.push_str(spaces[next(spaces.len())]);
        }
        texts.push(text);
    }
    let mut wanted = openers(texts.iter().map(String::as_str));
    wanted.extend(
        [
            "muncie",
            "muncie-corp",
            "muncie.io",
            "munc",
            "acme",
            "acme-",
            "isah",
            "the",
            "ops",
        ]
        .map(String::from),
    );
    for text in &texts {
        let one = [text.as_str()];
        let expected: BTreeSet<String> = names_in(one.iter().copied())
            .intersection(&wanted)
            .cloned()
            .collect();
        assert_eq!(
            names_among(one.iter().copied(), &wanted),
            expected,
            "{text:?}"
        );
    }
    let all: BTreeSet<String> = names_in(texts.iter().map(String::as_str))
        .intersection(&wanted)
        .cloned()
        .collect();
    assert_eq!(names_among(texts.iter().map(String::as_str), &wanted), all);
    assert!(all.len() >= 5, "{all:?}");
}

#[test]
fn ascii_capitals_are_every_capital() {
    let all: Vec<u8> = (0..=127u8)
        .chain((0..=127u8).rev())
        .chain(*b"AZaz@[`{")
        .collect();
    for start in 0..9 {
        let bytes = &all[start..];
        let expected: Vec<usize> = (0..bytes.len())
            .filter(|&i| bytes[i].is_ascii_uppercase())
            .collect();
        assert_eq!(ascii_capitals(bytes).collect::<Vec<_>>(), expected);
    }
}
