//! The lexicon's matching held to plain regexes: case, escapes, windows,
//! accented edges and the ASCII twin.
use super::*;

impl Lexicon {
    fn compile_alone(patterns: &[String]) -> Result<Self, RulesError> {
        Self::compile("t", patterns, "t", &mut CueIndexBuilder::default(), true)
    }
}

#[test]
fn patterns_match_without_case_and_keep_escapes() {
    assert_eq!(
        lowercase_pattern(r"SSO\W\p{Lu}(?-u:\b)"),
        r"sso\W\p{Lu}(?-u:\b)"
    );
    let lex = Lexicon::compile_alone(&["Salesforce".into(), r"\d+ ?% OFF".into()]).unwrap();
    assert!(lex.is_match("sync with SALESFORCE"));
    assert_eq!(lex.find("Got 20% Off list").map(|m| m.2), Some("20% Off"));
    // A letter that changes length when lower-cased keeps offsets valid.
    assert_eq!(lex.find("İ: 5% off").map(|m| m.2), Some("5% off"));
}

/// A cue that ends (or starts) in a letter outside ASCII matches as a
/// whole word, and only as one.
#[test]
fn a_cue_with_an_accented_edge_matches_whole_words() {
    let lex = Lexicon::compile_alone(&["sí".into(), "éxito".into(), "được".into()]).unwrap();
    assert!(lex.is_match("sí, va incluido"));
    assert!(lex.is_match("claro que sí"));
    assert!(lex.is_match("un éxito total"));
    assert!(lex.is_match("dạ được chị"));
    assert!(!lex.is_match("asíncrono"));
    assert!(!lex.is_match("síntesis"));
    assert!(!lex.is_match("ok, fine"));
}

#[test]
fn ascii_twin_keeps_unicode_boundaries_where_they_differ() {
    let lex = Lexicon::compile_alone(&[r"\bfree\b".into(), r"only\b".into()]).unwrap();
    assert!(lex.whole.as_ref().is_some_and(WordRegex::has_twin));
    // A non-ASCII letter next to the cue: the Unicode boundary still decides.
    assert!(!lex.is_match("caféfree"));
    assert!(!lex.is_match("onlyé"));
    assert!(lex.is_match("it's free — £0"));
    assert_eq!(lex.find("é only £5").map(|m| m.2), Some("only"));
}

#[test]
fn split_lexicon_finds_what_the_whole_alternation_finds() {
    let patterns: Vec<String> = [
        "if .{0,40}leaves",
        "leaves",
        "risk",
        "at risk",
        r"\bonly\b",
        "only .{0,10}one",
    ]
    .iter()
    .map(|p| p.to_string())
    .collect();
    let lex = Lexicon::compile_alone(&patterns).unwrap();
    let split = lex.parts.as_deref().expect("split");
    assert!(lex.whole.is_none());
    let whole = build(&alternation(patterns.iter())).unwrap();
    // Matches that start apart need no whole alternation: it is not built.
    assert_eq!(lex.find("she leaves at risk").map(|m| m.2), Some("leaves"));
    assert!(split.whole.get().is_none());
    for text in [
        "if she leaves we are at risk",
        "she leaves; if he leaves too",
        "at risk only one",
        "only one is at risk",
        "risk é only",
        "caféonly one",
        "nothing here",
    ] {
        let expected = whole.find(text).map(|m| (m.start(), m.end(), m.as_str()));
        assert_eq!(lex.find(text), expected, "{text}");
        assert_eq!(lex.is_match(text), expected.is_some(), "{text}");
        let every: Vec<_> = whole
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect();
        assert_eq!(lex.find_all(text), every, "{text}");
        // Without the whole alternation, the parts give the same spans
        // wherever their matches do not start together.
        if !text.contains("only one") {
            assert_eq!(split_matches(split, text), every, "{text}");
        }
    }
    // A tie ("only" and "only ... one") was decided by the whole alternation.
    assert!(split.whole.get().is_some_and(Option::is_some));
}

/// A part of a cue text is searched, or skipped, as the part alone would be.
#[test]
fn a_part_of_a_cue_text_finds_what_the_part_finds() {
    let mut index = CueIndexBuilder::default();
    let patterns: Vec<String> = ["asked (?:if|whether)", r"\bcould you\b", "request(?:ed)?"]
        .iter()
        .map(|p| p.to_string())
        .collect();
    let lex = Lexicon::compile("t", &patterns, "t", &mut index, true).unwrap();
    let other = Lexicon::compile("u", &["unrelated".into()], "u", &mut index, false).unwrap();
    let index = index.build();
    let mut compared = 0;
    for text in [
        "she asked if we'd migrate; we will",
        "could you — requested. asked whether",
        "nothing to see; unrelated",
        "Asked If: a capital runs every list",
        "é could you é",
        "",
    ] {
        let cue = CueText::new(&index, text.to_string());
        for (start, _) in text.char_indices() {
            for (end, _) in text.char_indices().chain([(text.len(), ' ')]) {
                if end < start {
                    continue;
                }
                for l in [&lex, &other] {
                    let part = &text[start..end];
                    let expected = l.find(part);
                    compared += usize::from(expected.is_some());
                    assert_eq!(l.find_in(&cue, start..end), expected, "{part:?}");
                }
            }
        }
    }
    assert!(compared > 100, "{compared}");
}

#[test]
fn has_upper_sees_every_capital() {
    for text in [
        "",
        "a",
        "Z",
        "abcdefgh",
        "abcdefgZ",
        "@[`{",
        "abcdefghijklmnoP",
        "ŝ É",
    ] {
        assert_eq!(
            has_upper(text),
            text.chars().any(char::is_uppercase),
            "{text}"
        );
    }
}

#[test]
fn boundaries_keep_short_cues_whole() {
    let lex = Lexicon::compile_alone(&["AE".into()]).unwrap();
    assert!(lex.is_match("Dana (AE) said"));
    assert!(!lex.is_match("Michael said"));
}

/// A cue that ends in a class escape ends in no letter: it matches the first
/// character of a longer number, and a letter edge still keeps whole words.
#[test]
fn a_cue_ending_in_an_escape_is_not_bounded_after_it() {
    let lex = Lexicon::compile_alone(&[r"from \d+ to \d".into(), r"approved \d".into()]).unwrap();
    assert!(lex.is_match("raise it from 9 to 14 dollars"));
    assert!(lex.is_match("a discount of approved 15%"));
    assert!(lex.is_match("from 9 to 4"));
    // An escaped backslash before a letter is a letter edge again.
    let lex = Lexicon::compile_alone(&[r"path\\d".into()]).unwrap();
    assert!(lex.is_match(r"see path\d here"));
    assert!(!lex.is_match(r"see path\dx here"));
    assert!(ends_in_escape(r"to \d"));
    assert!(!ends_in_escape(r"to \\d"));
    assert!(ends_in_escape(r"to \\\d"));
    assert!(!ends_in_escape("to d"));
}
