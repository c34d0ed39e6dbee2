use super::test_support::*;
use super::*;

#[test]
fn conflict_sides_split_notes_and_scope() {
    let sides = ConflictSides::of(&conflict_four_vs_six());
    assert_eq!(sides.notes_claim, "Notes say four weeks");
    assert_eq!(sides.scope_claim, "the signed scope says 6 weeks");
    assert_eq!(sides.notes, vec![ev("notes/demo.md", 12)]);
    assert_eq!(sides.scope, Some(ev("sow.txt", 31)));
}

#[test]
fn executive_titles_exclude_directors_and_managers() {
    assert!(is_executive_title("VP Operations"));
    assert!(is_executive_title("COO"));
    assert!(is_executive_title("Owner and Managing Director"));
    assert!(!is_executive_title("Finance Director"));
    assert!(!is_executive_title("Operations Manager"));
}

#[test]
fn clip_cuts_at_a_word() {
    assert_eq!(clip("one two three four", 10), "one two...");
    assert_eq!(clip("short", 10), "short");
}

#[test]
fn clip_agrees_with_cutting_by_characters() {
    // The cut as first written: count, copy the first `max` characters.
    fn reference(text: &str, max: usize) -> String {
        let text = text.trim();
        if text.chars().count() <= max {
            return text.to_string();
        }
        let cut: String = text.chars().take(max).collect();
        let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
        format!("{}...", cut.trim_end_matches([',', ';', ':', ' ']))
    }
    let texts = [
        "",
        "  padded  ",
        "one two three four",
        "“Curly” quotes — and a dash, then more words here",
        "Ünïcödé wörds everywhere, ending at the very edge",
        "ascii first then é at the cut and past it",
        "日本語のテキスト、スペースなし",
        "a, b; c: d e, f; g: h",
        "🚀🚀🚀 rockets 🚀🚀 launch now",
    ];
    for text in texts {
        for max in 0..=text.chars().count() + 2 {
            assert_eq!(clip(text, max), reference(text, max), "{text:?} {max}");
        }
    }
}

#[test]
fn ids_are_the_prefix_and_the_number() {
    for n in [0, 1, 9, 10, 11, 99, 100, 12345, usize::MAX] {
        assert_eq!(id('T', n), format!("T{n}"));
    }
    assert_eq!(
        cites(&[ev("notes/a.md", 3), ev("sow.txt", 31)]),
        "notes/a.md:3, sow.txt:31"
    );
    assert_eq!(cites(&[]), "");
}
