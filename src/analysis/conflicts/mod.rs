//! Conflicts: a promise in the notes and a line of the signed scope that cannot
//! both be true. Every commitment is compared with every scope line; the line
//! that contradicts it most directly becomes the other side of the conflict.
//! A promise the scope neither grants nor excludes stays a commitment.
//!
//! The ways to disagree live in [`checks`]: something promised that the scope
//! excludes, a price concession against list price or a fee still charged, a
//! figure (duration, date, count, percentage) that does not match, a service
//! term against the scope's delivery, and a deal term ([`super::facts`]: hosting,
//! support hours and channels, response times, availability, payment, on-site
//! delivery, price holds, free items) that both sides state with different values.

mod checks;
mod counts;
mod figures;
mod guards;
mod names;
mod numbers;
mod pairs;
mod price;
mod schedule;
mod scope_lines;
mod spans;
mod words;

use super::facts::{self, Fact};
use super::learned::KindModel;
use super::model::{Category, Evidence, Flag, FlagKind};
use super::quantity::{Found, Quantity, find_quantities_from};
use super::{Cited, Reading};
pub(crate) use figures::{claim_text, loose_counts};
pub use spans::{Disagreement, Headings, Line, disagreement};
use std::collections::BTreeSet;
use words::clip;

/// A scope line as the checks read it: every fact computed once, since each
/// line is compared with every promise.
pub(super) struct ScopeLine<'a> {
    pub cited: &'a Cited,
    pub words: BTreeSet<String>,
    pub quantities: Vec<Quantity>,
    /// Names the line mentions ("Muncie", "Isah").
    pub names: Vec<String>,
    /// The number of each of `names` among all the scope's names.
    pub name_ids: Vec<u32>,
    /// Every name of the line is a party's or the product's
    /// ([`names::party_names`]): the line says whose it is, not which site.
    pub party_only: bool,
    /// Systems and service terms the line (with its heading) names, normalised.
    pub terms: Vec<String>,
    /// The specific words of the item an exclusion line excludes (none for a
    /// line that excludes nothing).
    pub item_words: BTreeSet<String>,
    pub excludes: bool,
    pub no_discount: bool,
    pub concession: bool,
    pub enumerates: bool,
    pub bills_from_start: bool,
    pub price_rises: bool,
    pub remote_only: bool,
    pub onsite: bool,
    /// A schedule counted from kickoff ("12 weeks from kickoff to go-live").
    pub from_kickoff: bool,
    pub mentions_discount: bool,
    /// The noun of an "any other ..." clause ("Any other source requires a
    /// change order"): the line closes a list of that kind.
    pub any_other: Option<String>,
    /// Loose counts of the line (and its table row), read when first compared.
    pub granted: std::cell::OnceCell<Vec<counts::Counted>>,
    /// The deal terms the line states (hosting, support hours, payment ...).
    pub facts: Vec<Fact>,
    /// When the line says go-live is due.
    pub dues: Vec<schedule::Due>,
}

/// A promise from the notes (or the CRM record) with its words and figures.
pub(super) struct Claim<'a> {
    pub text: &'a str,
    pub lower: crate::rules::CueText,
    /// The claim's content words that the scope uses, by their number in the
    /// scope's vocabulary, in order: the only words of a claim ever compared.
    word_ids: Vec<u32>,
    vocabulary: &'a Vocabulary,
    /// Which of the scope's names (numbered by [`Vocabulary::names`]) the claim
    /// uses as a word, as written or stemmed.
    names_held: Vec<bool>,
    pub quantities: Vec<Quantity>,
    pub category: Category,
    /// Systems and service terms the claim names, normalised.
    pub terms: Vec<String>,
    pub concession: bool,
    pub waiver: bool,
    pub free_period: bool,
    /// How long the free period lasts, where a duration stands by the words
    /// that make it free ("first three months free"), with its text.
    pub free_for: Option<(f64, String)>,
    pub price_lock: bool,
    pub onsite: bool,
    /// The claim speaks of time ("live by", "within"), whatever its category.
    pub timed: bool,
    /// Loose counts of the claim, read when first compared.
    pub promised: std::cell::OnceCell<Vec<counts::Counted>>,
    /// The deal terms the claim states.
    pub facts: Vec<Fact>,
    /// When the claim says go-live is due.
    pub dues: Vec<schedule::Due>,
}

impl Claim<'_> {
    /// Whether the claim uses the scope name numbered `id` (see
    /// [`ScopeLine::name_ids`]) as a word.
    pub fn holds_name(&self, id: u32) -> bool {
        self.names_held[id as usize]
    }

    /// Whether `word` is one of the claim's content words; `word` is a word
    /// of the scope (see [`Vocabulary::of`]).
    pub fn has_word(&self, word: &str) -> bool {
        self.vocabulary
            .ids
            .get(word)
            .is_some_and(|id| self.word_ids.binary_search(id).is_ok())
    }
}

/// What the whole scope says about a claim, before any one line is compared.
pub(super) struct Support {
    /// A scope line records the same concession ("months 1-2 waived").
    pub concession: bool,
    /// Figures of the claim that some scope line states as well.
    pub agreed: Vec<Quantity>,
    /// An included scope line says much the same as the claim (three or more
    /// topic words): the promise is the kind the scope grants, whatever an
    /// exclusion elsewhere names ("one-way Sage sync" in, "two-way" out).
    pub granted: bool,
    /// A scope line dates go-live as the claim does: the site or phase the
    /// claim speaks of is on schedule, whatever another line dates.
    pub schedule_agreed: bool,
    /// A scope line grants work on site (not excluded, not charged): a
    /// promise to be on site for no named service may be that work.
    pub onsite_granted: bool,
    /// Every currency the scope invoices in for an item the claim names,
    /// whichever line names it ("The implementation fee is invoiced in
    /// ariary" grants ariary to a promise about the implementation).
    pub currencies: Option<facts::Fact>,
}

/// What the scope grants outside its exclusions.
pub(super) struct Included {
    /// Systems and service terms named in granted lines.
    pub terms: BTreeSet<String>,
    /// Every word of the granted lines.
    pub words: BTreeSet<String>,
}

/// One way a scope line contradicts a claim; the strongest wins.
pub(super) struct Contradiction {
    pub score: f64,
    pub category: Category,
    pub reason: &'static str,
    pub summary: String,
}

/// Every promise against every scope line, as the checks and the learned
/// model see them; the conflict is the pair with the most direct contradiction.
/// With a model, the checks' pick stands unless the model is sure it is no
/// conflict, and where the checks find none, the pair the model is sure of is
/// one ([`super::learned`]).
pub fn find(r: &Reading, commitments: &[Flag], model: Option<&KindModel>) -> Vec<Flag> {
    let mut out = Vec::new();
    let mut pairs = foldhash::HashSet::default();
    each_claim(r, commitments, model.is_some(), |flag, judged| {
        let chosen = match model {
            None => judged.best,
            Some(m) => {
                let chances: Vec<f64> = judged.features.iter().map(|f| m.probability(f)).collect();
                m.pick_pair(judged.best, &chances, |i| {
                    pairs::disagrees(&judged.features[i])
                })
            }
        };
        let Some(at) = chosen else { return };
        let line = &judged.scope[at];
        // One conflict per pair of lines, however many promises share a line.
        if !pairs.insert((flag.evidence.first().cloned(), line.cited.evidence(r))) {
            return;
        }
        let (summary, category, reason) = match &judged.contradictions[at] {
            Some(c) => (c.summary.clone(), c.category, c.reason.to_string()),
            None => (
                format!("Notes: \"{}\".", clip(claim_text(&flag.text), 160)),
                flag.category.unwrap_or(Category::Scope),
                "learned: the scope line reads against the promise".to_string(),
            ),
        };
        let mut evidence = flag.evidence.clone();
        evidence.push(line.cited.evidence(r));
        out.push(Flag {
            kind: FlagKind::Conflict,
            category: flag.category.or(Some(category)),
            text: format!(
                "{summary} The signed scope says: \"{}\" ({}).",
                clip(&line.cited.stmt.text, 160),
                line.cited.evidence(r)
            ),
            evidence,
            speaker: flag.speaker.clone(),
            cues: vec![reason],
        });
    });
    out
}

/// A promise's pairs with the scope lines, for training the learned model:
/// per scope line, its place, the pair's features and whether the checks
/// chose it.
pub struct Pairs {
    /// The promise's index among the commitments given.
    pub claim: usize,
    pub lines: Vec<(Evidence, Vec<String>, bool)>,
}

/// [`Pairs`] of every promise.
pub fn pairs(r: &Reading, commitments: &[Flag]) -> Vec<Pairs> {
    let mut out = Vec::new();
    each_claim(r, commitments, true, |flag, judged| {
        let claim = commitments
            .iter()
            .position(|c| std::ptr::eq(c, flag))
            .unwrap_or_default();
        out.push(Pairs {
            claim,
            lines: judged
                .scope
                .iter()
                .zip(judged.features)
                .enumerate()
                .map(|(i, (line, features))| {
                    (line.cited.evidence(r), features, judged.best == Some(i))
                })
                .collect(),
        });
    });
    out
}

/// One promise compared with every scope line.
struct Judged<'j, 'a> {
    scope: &'j [ScopeLine<'a>],
    /// Per scope line, what the checks found.
    contradictions: Vec<Option<Contradiction>>,
    /// The line the checks chose: the most direct contradiction.
    best: Option<usize>,
    /// Per scope line, the pair's features (empty unless asked for).
    features: Vec<Vec<String>>,
}

/// Compare each distinct promise with every scope line and hand the result
/// to `visit`.
fn each_claim<'f>(
    r: &Reading,
    commitments: &'f [Flag],
    with_features: bool,
    mut visit: impl FnMut(&'f Flag, Judged),
) {
    let lines: Vec<&Cited> = r.scope.iter().filter(|c| !is_boilerplate(r, c)).collect();
    // Only a word opening a scope sentence needs the rest of the bundle to tell
    // whether it is a name: look for those alone.
    let openers = names::openers(lines.iter().map(|c| &*c.stmt.text));
    let names = names::names_among(
        r.said.iter().chain(r.scope.iter()).map(|c| &*c.stmt.text),
        &openers,
    );
    let mut scope: Vec<ScopeLine> = lines
        .into_iter()
        .map(|c| scope_lines::read(r, c, &names))
        .collect();
    if scope.is_empty() {
        return;
    }
    scope_lines::open_languages(r, &mut scope);
    scope_lines::other_languages(r, &mut scope);
    // Terms the scope grants somewhere: an exclusion of "two-way sync with Sage"
    // does not contradict a promise of the one-way Sage sync the scope includes.
    let included: BTreeSet<String> = scope
        .iter()
        .filter(|l| !l.excludes)
        .flat_map(|l| l.terms.iter().cloned())
        .collect();
    // Every word the granted (non-excluding) lines use: a name the scope grants
    // somewhere is not simply excluded.
    let included_words: BTreeSet<String> = scope
        .iter()
        .filter(|l| !l.excludes)
        .flat_map(|l| words::tokens(&l.cited.lower))
        .collect();
    let included = Included {
        terms: included,
        words: included_words,
    };
    let vocabulary = Vocabulary::of(&scope);
    let parties = names::party_names(r, scope.iter().map(|l| &*l.cited.stmt.text));
    for line in &mut scope {
        line.name_ids = line.names.iter().map(|n| vocabulary.names[n]).collect();
        line.party_only = line.names.iter().all(|n| parties.contains(n));
    }
    let scope_features: Vec<Vec<String>> = if with_features {
        scope.iter().map(|l| pairs::scope_line(r, l)).collect()
    } else {
        Vec::new()
    };
    // Sentences of one line flag the line's text once each. A repeat (same
    // line, text and category) reads as the same claim, finds the same scope
    // line and is dropped as the same pair: it is skipped before reading.
    let mut read = foldhash::HashSet::default();
    for flag in commitments {
        if !read.insert((flag.evidence.first(), flag.text.as_str(), flag.category)) {
            continue;
        }
        let claim = read_claim(r, flag, &vocabulary);
        // The words each scope line shares with the claim, counted once.
        let overlaps = vocabulary.overlaps(&claim.word_ids);
        let support = support(r.rules, &claim, &scope, &overlaps);
        let contradictions: Vec<Option<Contradiction>> = scope
            .iter()
            .zip(&overlaps)
            .map(|(line, &overlap)| checks::compare(r, &claim, line, overlap, &support, &included))
            .collect();
        let best = contradictions
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.as_ref().map(|c| (i, c.score)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i);
        let features = if with_features {
            scope
                .iter()
                .enumerate()
                .map(|(i, line)| {
                    pairs::pair(
                        &claim,
                        line,
                        &scope_features[i],
                        overlaps[i],
                        &support,
                        contradictions[i].as_ref(),
                        best == Some(i),
                    )
                })
                .collect()
        } else {
            Vec::new()
        };
        visit(
            flag,
            Judged {
                scope: &scope,
                contradictions,
                best,
                features,
            },
        );
    }
}

fn is_boilerplate(r: &Reading, c: &Cited) -> bool {
    let heading = c.stmt.heading().unwrap_or("").to_lowercase();
    r.rules.scope.boilerplate.is_match(&c.lower) || r.rules.scope.boilerplate.is_match(&heading)
}

/// The duration that stands within a few words of a free-period word
/// ("first three months free", "two months on the house"), not any duration
/// of the promise ("... and I'll lock the price for two years").
/// `found` are the quantities of `text`, read once for the claim.
fn free_for(r: &Reading, text: &str, found: &[Found]) -> Option<(f64, String)> {
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return None;
    }
    let marks = r.rules.category.free_period.find_all(lower.as_str());
    if marks.is_empty() {
        return None;
    }
    found
        .iter()
        .filter(|f| {
            marks.iter().any(|&(a, b)| {
                let gap = if f.end <= a {
                    a - f.end
                } else {
                    f.start.saturating_sub(b)
                };
                gap <= FREE_NEAR || (f.start < b && a < f.end)
            })
        })
        .find_map(|f| match &f.quantity {
            Quantity::Duration { days, text, .. } => Some((*days, text.clone())),
            _ => None,
        })
}

/// How far (in bytes) a duration may stand from the word that makes it free.
const FREE_NEAR: usize = 12;

fn read_claim<'a>(r: &Reading, flag: &'a Flag, vocabulary: &'a Vocabulary) -> Claim<'a> {
    let text = claim_text(&flag.text);
    let lower = r.rules.cue_text(super::normalise(text));
    let cat = &r.rules.category;
    let found = find_quantities_from(text, r.reference);
    let free_for = free_for(r, text, &found);
    let quantities: Vec<Quantity> = found.into_iter().map(|f| f.quantity).collect();
    // A promise that names a date is about when, whatever its wording: "we can
    // have you running payroll for the January 15 pay date" is a timeline
    // promise though no timeline word says so.
    let timed = cat.timeline.is_match(&lower)
        || quantities
            .iter()
            .any(|q| matches!(q, Quantity::Date { .. }));
    Claim {
        word_ids: vocabulary.ids_of(&lower),
        vocabulary,
        names_held: vocabulary.names_held(&lower),
        quantities,
        category: flag.category.unwrap_or(Category::Scope),
        terms: checks::terms(r, &lower),
        concession: r.rules.commitment.concession.is_match(&lower),
        waiver: cat.waiver.is_match(&lower),
        free_period: cat.free_period.is_match(&lower),
        free_for,
        price_lock: cat.price_lock.is_match(&lower),
        onsite: cat.special.is_match(&lower),
        timed,
        promised: std::cell::OnceCell::new(),
        facts: facts::read_for_pairs(r.rules, &lower),
        dues: schedule::dues(r, text),
        lower,
        text,
    }
}

/// The scope's words, numbered in sorted order: each line's content words (and
/// a claim's) become sorted number lists, and the words a claim shares with a
/// line are counted in one merge, without comparing strings.
struct Vocabulary {
    ids: foldhash::HashMap<String, u32>,
    lines: Vec<Vec<u32>>,
    /// The names scope lines mention, numbered: each line asks a claim about
    /// its names, which one pass over the claim's words answers for all lines.
    names: foldhash::HashMap<String, u32>,
}

impl Vocabulary {
    /// Every word a check asks a claim about is numbered: the lines' content
    /// words, an exclusion's item words and the noun of an "any other" clause.
    fn of(scope: &[ScopeLine]) -> Self {
        let words: BTreeSet<std::borrow::Cow<str>> = scope
            .iter()
            .flat_map(|l| {
                l.words
                    .iter()
                    .chain(&l.item_words)
                    .map(|w| std::borrow::Cow::Borrowed(w.as_str()))
                    .chain(l.any_other.as_deref().map(words::stem))
            })
            .collect();
        let ids: foldhash::HashMap<String, u32> = words
            .into_iter()
            .map(std::borrow::Cow::into_owned)
            .zip(0..)
            .collect();
        let lines = scope
            .iter()
            .map(|l| l.words.iter().map(|w| ids[w.as_str()]).collect())
            .collect();
        let mut names = foldhash::HashMap::default();
        for name in scope.iter().flat_map(|l| &l.names) {
            let next = u32::try_from(names.len()).expect("fewer than 4 billion names");
            names.entry(name.clone()).or_insert(next);
        }
        Self { ids, lines, names }
    }

    /// Which of the scope's names `lower` uses as a word (as written or
    /// stemmed), by number.
    fn names_held(&self, lower: &str) -> Vec<bool> {
        let mut held = vec![false; self.names.len()];
        if !self.names.is_empty() {
            for token in words::token_parts(lower) {
                if let Some(&id) = self.names.get(&*token) {
                    held[id as usize] = true;
                }
            }
        }
        held
    }

    /// The numbers of the content words of `lower` that the scope uses, sorted.
    fn ids_of(&self, lower: &str) -> Vec<u32> {
        let mut ids: Vec<u32> = words::content_parts(lower)
            .filter_map(|w| self.ids.get(&*w).copied())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// For each scope line, how many of the words numbered `claim` it has: the
    /// size of the intersection of the two word sets.
    fn overlaps(&self, claim: &[u32]) -> Vec<usize> {
        self.lines.iter().map(|line| shared(claim, line)).collect()
    }
}

/// How many numbers two sorted lists share.
fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Whether a scope line and a claim name the same item: a word they share
/// that is no word of money or paying ("implementation", not "fee",
/// "invoiced" or "USD").
fn same_item(rules: &crate::rules::Rules, claim: &Claim, line: &ScopeLine) -> bool {
    let p = &rules.pair_facts;
    line.words.iter().any(|w| {
        claim.has_word(w)
            && ![
                &p.currencies,
                &p.more_currencies,
                &p.currency_kinds,
                &p.currency_cue,
                &p.currency_generic,
                &p.payment,
                &rules.facts.payment,
            ]
            .iter()
            .any(|list| list.is_match(w.as_str()))
    })
}

/// `overlaps[i]` is how many content words the claim shares with `scope[i]`.
fn support(
    rules: &crate::rules::Rules,
    claim: &Claim,
    scope: &[ScopeLine],
    overlaps: &[usize],
) -> Support {
    Support {
        currencies: facts::currencies_of(
            scope
                .iter()
                .filter(|l| {
                    l.facts.iter().any(|f| f.topic == facts::Topic::Currency)
                        && same_item(rules, claim, l)
                })
                .flat_map(|l| &l.facts),
        ),
        onsite_granted: scope.iter().any(|l| {
            !l.excludes
                && l.facts
                    .iter()
                    .any(|f| matches!(f.value, facts::Value::OnSite { .. }))
                && !l
                    .facts
                    .iter()
                    .any(|f| matches!(f.value, facts::Value::Charged | facts::Value::Remote { .. }))
        }),
        schedule_agreed: !claim.dues.is_empty()
            && scope.iter().any(|l| schedule::agrees(&claim.dues, &l.dues)),
        granted: scope
            .iter()
            .zip(overlaps)
            .any(|(line, &shared)| !line.excludes && shared >= 3),
        concession: scope
            .iter()
            .zip(overlaps)
            .any(|(line, &shared)| line.concession && shared >= 2),
        // A count stated anywhere in the scope agrees ("the 60 Gdansk endpoints
        // are included"); a duration or date only on the same topic.
        agreed: claim
            .quantities
            .iter()
            .filter(|q| {
                scope.iter().zip(overlaps).any(|(line, &shared)| {
                    let on_topic = matches!(q, Quantity::Count { .. }) || shared >= 2;
                    on_topic
                        && line
                            .quantities
                            .iter()
                            // "in December" does not confirm "by December 1".
                            .filter(|s| !s.is_month_precision())
                            .any(|s| figures::comparable(q, s) && q.agrees_with(s) == Some(true))
                })
            })
            .cloned()
            .collect(),
    }
}
