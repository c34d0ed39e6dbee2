//! Extractor tests: each finding kind on small hand-written bundles, with the
//! positive cases a real AE writes and the hard negatives that must not fire.

mod commitments;
mod conflict_guards;
mod conflict_languages;
mod conflict_milestones;
mod conflict_schedules;
mod conflict_terms;
mod conflict_wording;
mod conflicts;
mod goals;
mod missing;
mod people;
mod risks;

use super::{Analysis, Category, FlagKind, analyze};
use crate::bundle::{Bundle, DealRecord, FileRole, SourceFile};
use crate::rules::Rules;
use std::sync::LazyLock;

static RULES: LazyLock<Rules> = LazyLock::new(Rules::builtin);

/// A bundle of one notes file (and a scope file when given).
fn bundle(deal: DealRecord, notes: &str, scope: Option<&str>) -> Bundle {
    let mut files = vec![SourceFile::plain("notes/call.md", FileRole::Notes, notes)];
    if let Some(scope) = scope {
        files.push(SourceFile::plain("scope.md", FileRole::Scope, scope));
    }
    Bundle {
        deal,
        crm_text: Some(String::new()),
        files,
        listing: Vec::new(),
    }
}

fn deal() -> DealRecord {
    DealRecord {
        id: "T-1".into(),
        account: Some("Orbitex Health".into()),
        ae: Some("Dana Whitfield".into()),
        csm: Some("Priya Raman".into()),
        ..DealRecord::default()
    }
}

fn run(notes: &str, scope: Option<&str>) -> Analysis {
    analyze(&bundle(deal(), notes, scope), &RULES)
}

/// A deal closed on `closed_on`, so a schedule counted from signing has a date.
fn run_closed(closed_on: jiff::civil::Date, notes: &str, scope: &str) -> Analysis {
    let deal = DealRecord {
        closed_on: Some(closed_on),
        ..deal()
    };
    analyze(&bundle(deal, notes, Some(scope)), &RULES)
}

/// Each conflict as (notes line, scope line).
fn conflict_pairs(a: &Analysis) -> Vec<(u32, u32)> {
    a.flags
        .iter()
        .filter(|f| f.kind == FlagKind::Conflict)
        .map(|f| (f.evidence[0].line, f.evidence.last().unwrap().line))
        .collect()
}

/// The text of the first conflict: its summary of the two sides.
fn first_conflict_text(a: &Analysis) -> &str {
    &a.flags
        .iter()
        .find(|f| f.kind == FlagKind::Conflict)
        .expect("a conflict")
        .text
}

/// The lines (1-based) of the notes file that raised a flag of `kind`.
fn lines(a: &Analysis, kind: FlagKind) -> Vec<u32> {
    a.flags
        .iter()
        .filter(|f| f.kind == kind)
        .map(|f| f.evidence[0].line)
        .collect()
}

fn category_at(a: &Analysis, kind: FlagKind, line: u32) -> Option<Category> {
    a.flags
        .iter()
        .find(|f| f.kind == kind && f.evidence[0].line == line)
        .and_then(|f| f.category)
}

#[test]
fn normalise_writes_every_percentage_in_figures() {
    use super::normalise;
    assert_eq!(
        normalise("Fifteen per cent off year one"),
        "15% off year one"
    );
    assert_eq!(
        normalise("Kenneth has approved eighteen percent off"),
        "kenneth has approved 18% off"
    );
    assert_eq!(normalise("twenty-five per cent"), "25%");
    assert_eq!(normalise("8pct on yr2"), "8% on yr2");
    assert_eq!(normalise("99,5 per cent uptime"), "99,5% uptime");
    // A word that is no number stays as written.
    assert_eq!(normalise("a recent percent"), "a recent percent");
    assert_eq!(normalise("the centre"), "the centre");
}

#[test]
fn normalise_expands_bare_contractions_in_ascii_and_unicode_text() {
    use super::normalise;
    assert_eq!(normalise("We Dont know"), "we don't know");
    assert_eq!(
        normalise("they’re sure — itll work"),
        "they're sure — it'll work"
    );
    assert_eq!(
        normalise("Zoë says shes fine, thats it"),
        "zoë says shes fine, that's it"
    );
    // Words that merely end like a contraction stay as written.
    assert_eq!(normalise("the tenant rent"), "the tenant rent");
    assert_eq!(
        normalise("weve agreed and wont wait"),
        "we've agreed and won't wait"
    );
    // "weve" is expanded only where the text also holds one of the pairs the
    // other contractions end in, wherever in the text the pair stands.
    assert_eq!(normalise("Weve got it"), "weve got it");
    assert_eq!(normalise("Weve got it, ZOË"), "weve got it, zoë");
    assert_eq!(normalise("weve got the rest"), "we've got the rest");
    assert_eq!(normalise("rest: weve got it"), "rest: we've got it");
    assert_eq!(
        normalise("weve got it, Zoë’s rest"),
        "we've got it, zoë's rest"
    );
}

/// `normalise` against the plain reading of its rule: lower-case, straight
/// quotes, then every whole word (a run of letters and digits) that is a bare
/// contraction expanded, provided the text holds "nt", "re", "ll" or "ts".
#[test]
fn normalise_agrees_with_a_word_by_word_reading() {
    fn reference(text: &str) -> String {
        let lower = text.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'");
        if !["nt", "re", "ll", "ts"].iter().any(|p| lower.contains(p)) {
            return lower;
        }
        let mut out = String::new();
        let mut word = String::new();
        let flush = |word: &mut String, out: &mut String| {
            let full = super::CONTRACTIONS.iter().find(|(bare, _)| bare == word);
            out.push_str(full.map_or(word.as_str(), |(_, full)| full));
            word.clear();
        };
        for c in lower.chars() {
            if c.is_alphanumeric() {
                word.push(c);
            } else {
                flush(&mut word, &mut out);
                out.push(c);
            }
        }
        flush(&mut word, &mut out);
        out
    }
    let texts = [
        "Dont, DONT dont2 2dont édont donté -dont- (dont)",
        "theyre/theyll/youre youll itll; thats whats isnt arent",
        "wasnt werent couldnt shouldnt wouldnt hasnt havent hadnt didnt doesnt wont cant",
        "weve",
        "weve ok",
        "weve rent",
        "ok weve",
        "Weve’d weve’s",
        "cantt ccant cant’ ‘cant’ cant\u{2019}t",
        "the tenant rent went",
        "",
        "ßdont ǅdont İdont dontİ",
    ];
    for text in texts {
        assert_eq!(super::normalise(text), reference(text), "{text:?}");
    }
}

/// The lines (1-based) of the notes file where the rules alone, before the
/// learned model re-decides, find a risk: a rule's test must not lean on
/// what the model happens to keep.
fn risk_lines_by_rules(notes: &str) -> Vec<u32> {
    let b = bundle(deal(), notes, None);
    let r = super::Reading::read(&b, &RULES);
    super::risks::find(&r)
        .iter()
        .map(|f| f.evidence[0].line)
        .collect()
}

/// The lines where the rules alone find a goal.
fn goal_lines_by_rules(notes: &str) -> Vec<u32> {
    let b = bundle(deal(), notes, None);
    let r = super::Reading::read(&b, &RULES);
    super::goals::find(&r)
        .iter()
        .map(|g| g.evidence[0].line)
        .collect()
}

/// Findings of one kind come in the order a reader meets them, whichever
/// finder produced them first: the CRM record, then each file by path and
/// line; two of one line keep the order they were found in.
#[test]
fn findings_are_listed_in_reading_order() {
    use super::Evidence;
    let at = |file: &str, line: u32, tag: &str| {
        (
            vec![Evidence {
                file: file.into(),
                line,
            }],
            tag.to_string(),
        )
    };
    let found = vec![
        at("notes/b.md", 3, "b3"),
        at("notes/a.md", 7, "a7-first"),
        at("deal.toml", 9, "crm"),
        at("notes/a.md", 2, "a2"),
        at("notes/a.md", 7, "a7-second"),
    ];
    let ordered: Vec<String> = super::in_reading_order(found, |(e, _)| e)
        .into_iter()
        .map(|(_, tag)| tag)
        .collect();
    assert_eq!(ordered, ["crm", "a2", "a7-first", "a7-second", "b3"]);
}
