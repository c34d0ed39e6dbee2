//! Training the learned model from annotated corpora (`baton train`).
//!
//! Each bundle's lines are read as the analysis reads them ([`super::features`],
//! with the built-in rules' verdicts) and labelled from its `gold.toml`. Per
//! kind, an L2-regularised logistic regression is fitted by AdaGrad over the
//! lines in corpus order: no randomness, so the same corpora give the same
//! model byte for byte. A feature is kept only when it occurs in at least
//! [`Options::min_bundles`] bundles: a word of one deal is not language.
//!
//! The thresholds are chosen by leave-one-corpus-out cross-validation: each
//! corpus is scored by a model trained on the others, and the pair of
//! thresholds that gives the best F1 over all held-out lines wins. The report
//! shows, per held-out corpus, the rules alone against rules and model.

use super::features::{Verdicts, lines};
use super::{Kind, KindModel, Model};
use crate::analysis::{Reading, commitments, goals, risks};
use crate::rules::Rules;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A file and a line of a bundle.
pub type Location = (String, u32);

/// How the model is fitted.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub epochs: usize,
    /// Passes for the risk model, when it differs from `epochs`. The risk
    /// model learns from batches annotated over many rounds; more passes let
    /// it hold the first batches' reading while learning the later ones'
    /// (held out, styles-19 and styles-20 read risk better with 30 than 12).
    pub risk_epochs: Option<usize>,
    pub learning_rate: f64,
    pub l2: f64,
    pub min_bundles: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            epochs: 12,
            risk_epochs: None,
            learning_rate: 0.2,
            l2: 1e-4,
            min_bundles: 3,
        }
    }
}

/// One bundle, read and labelled.
pub struct Labelled {
    pub name: String,
    /// Per line: its features, the rules' verdict per kind, and its place.
    pub lines: Vec<LabelledLine>,
    /// The gold locations per kind decided by line.
    pub gold: [Vec<Location>; 3],
    /// Every promise a careful reader or the rules see, against every scope line.
    pub claims: Vec<LabelledClaim>,
    /// The gold conflicts: notes location, scope location.
    pub gold_conflicts: Vec<(Location, Location)>,
}

/// A promise and its pairs with the scope lines.
pub struct LabelledClaim {
    pub at: Location,
    /// Whether the rules found the promise.
    pub by_rules: bool,
    /// Per scope line: its place, the pair's features, whether the checks
    /// chose it, and whether the gold pairs the two.
    pub pairs: Vec<LabelledPair>,
}

pub struct LabelledPair {
    pub scope: Location,
    pub features: Vec<String>,
    pub by_rules: bool,
    pub label: bool,
}

pub struct LabelledLine {
    pub features: Vec<String>,
    pub by_rules: [bool; 3],
    pub label: [bool; 3],
    pub path: String,
    pub line: u32,
}

#[derive(Deserialize)]
struct Gold {
    #[serde(default)]
    conflict: Vec<Pair>,
    #[serde(default)]
    commitment: Vec<At>,
    #[serde(default)]
    risk: Vec<At>,
    #[serde(default)]
    goal: Vec<At>,
}

#[derive(Deserialize)]
struct At {
    at: String,
}

#[derive(Deserialize)]
struct Pair {
    notes: String,
    scope: String,
}

fn location(at: &str) -> Option<Location> {
    let (file, line) = at.rsplit_once(':')?;
    Some((file.to_string(), line.parse().ok()?))
}

pub(super) fn near(a: &Location, b: &Location) -> bool {
    a.0 == b.0 && a.1.abs_diff(b.1) <= 1
}

/// The bundles of a corpus folder: every folder under it with a `gold.toml`.
pub fn corpus_bundles(corpus: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(corpus)
        .map_err(|e| format!("{}: cannot read the corpus folder: {e}", corpus.display()))?;
    let mut out: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("gold.toml").is_file())
        .collect();
    out.sort();
    if out.is_empty() {
        return Err(format!(
            "{}: no bundle with a gold.toml in this folder",
            corpus.display()
        ));
    }
    Ok(out)
}

/// Read one bundle and its gold into labelled lines.
pub fn label(bundle_dir: &Path, rules: &Rules) -> Result<Labelled, String> {
    let gold_path = bundle_dir.join("gold.toml");
    let gold_text =
        std::fs::read_to_string(&gold_path).map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let gold: Gold = toml::from_str(&gold_text).map_err(|e| {
        let line = e
            .span()
            .map_or(1, |s| crate::rules::line_of(&gold_text, s.start));
        format!(
            "{}:{line}: {}",
            gold_path.display(),
            crate::rules::one_line(e.message())
        )
    })?;
    let bundle =
        crate::bundle::load(bundle_dir).map_err(|e| format!("{}: {e}", bundle_dir.display()))?;
    let r = Reading::read(&bundle, rules);
    let found_commitments = commitments::find(&r);
    let found_risks = risks::find(&r);
    let found_goals = goals::find(&r);
    let verdicts = Verdicts::new(&found_commitments, &found_risks, &found_goals);
    let parse =
        |items: &[At]| -> Vec<Location> { items.iter().filter_map(|a| location(&a.at)).collect() };
    let gold_conflicts: Vec<(Location, Location)> = gold
        .conflict
        .iter()
        .filter_map(|c| Some((location(&c.notes)?, location(&c.scope)?)))
        .collect();
    let gold = [
        parse(&gold.commitment),
        parse(&gold.risk),
        parse(&gold.goal),
    ];
    let mut labelled: Vec<LabelledLine> = lines(&r, &verdicts)
        .into_iter()
        .map(|l| {
            let by_rules = Kind::LINES.map(|k| {
                l.features
                    .binary_search(&format!("rule:{}", k.as_str()))
                    .is_ok()
            });
            LabelledLine {
                features: l.features,
                by_rules,
                label: [false; 3],
                path: r.path_of(l.file_index).to_string(),
                line: l.line,
            }
        })
        .collect();
    // A gold item labels the line it cites, else the nearest line a statement
    // starts on within one line (a wrapped or shifted citation).
    for kind in Kind::LINES {
        for (file, line) in &gold[kind.index()] {
            let exact = labelled
                .iter()
                .position(|l| l.path == *file && l.line == *line);
            let near = || {
                labelled
                    .iter()
                    .position(|l| l.path == *file && l.line.abs_diff(*line) <= 1)
            };
            if let Some(i) = exact.or_else(near) {
                labelled[i].label[kind.index()] = true;
            }
        }
    }
    // The promises: the rules' and every line a careful reader marks as a
    // promise or as the notes' side of a conflict, so the pairs the model
    // learns from include the promises the rules miss.
    let mut claims = found_commitments.clone();
    let rule_claims = claims.len();
    let marked = gold[Kind::Commitment as usize]
        .iter()
        .chain(gold_conflicts.iter().map(|(n, _)| n));
    for at in marked {
        let known = claims.iter().any(|c| {
            c.evidence
                .first()
                .is_some_and(|e| near(&(e.file.to_string(), e.line), at))
        });
        let statement = labelled
            .iter()
            .find(|l| l.path == at.0 && l.line == at.1)
            .or_else(|| {
                labelled
                    .iter()
                    .find(|l| near(&(l.path.clone(), l.line), at))
            });
        if let (false, Some(l), Some(file_index)) = (known, statement, r.file_index_of(&at.0)) {
            claims.push(super::line_flag(
                &r,
                file_index,
                l.line,
                crate::analysis::FlagKind::Commitment,
                "marked".into(),
            ));
        }
    }
    let claims = crate::analysis::conflicts::pairs(&r, &claims)
        .into_iter()
        .map(|p| {
            let e = &claims[p.claim].evidence[0];
            let at = (e.file.to_string(), e.line);
            let pairs = p
                .lines
                .into_iter()
                .map(|(scope, features, by_rules)| {
                    let scope = (scope.file.to_string(), scope.line);
                    let label = gold_conflicts
                        .iter()
                        .any(|(n, s)| near(n, &at) && near(s, &scope));
                    LabelledPair {
                        scope,
                        features,
                        by_rules,
                        label,
                    }
                })
                .collect();
            LabelledClaim {
                at,
                by_rules: p.claim < rule_claims,
                pairs,
            }
        })
        .collect();
    Ok(Labelled {
        name: bundle_dir.display().to_string(),
        lines: labelled,
        gold,
        claims,
        gold_conflicts,
    })
}

/// Fit the four kinds' models on `bundles`, thresholds left at 0.5.
pub fn fit(bundles: &[&Labelled], options: Options) -> Model {
    let mut model = Model::default();
    for kind in Kind::LINES {
        let examples: Vec<Vec<(&[String], bool)>> = bundles
            .iter()
            .map(|b| {
                b.lines
                    .iter()
                    .map(|l| (l.features.as_slice(), l.label[kind as usize]))
                    .collect()
            })
            .collect();
        let options = match (kind, options.risk_epochs) {
            (Kind::Risk, Some(epochs)) => Options { epochs, ..options },
            _ => options,
        };
        model.kinds[kind as usize] = fit_one(&examples, options);
    }
    let pairs: Vec<Vec<(&[String], bool)>> = bundles
        .iter()
        .map(|b| {
            b.claims
                .iter()
                .flat_map(|c| c.pairs.iter().map(|p| (p.features.as_slice(), p.label)))
                .collect()
        })
        .collect();
    model.kinds[Kind::Conflict as usize] = fit_one(&pairs, options);
    model
}

/// One kind's model from each bundle's examples (features, label).
fn fit_one(bundles: &[Vec<(&[String], bool)>], options: Options) -> KindModel {
    // Features seen in enough bundles, numbered in sorted order.
    let mut seen_in: HashMap<&str, usize> = HashMap::new();
    for b in bundles {
        let mut mine: Vec<&str> = b
            .iter()
            .flat_map(|(features, _)| features.iter().map(String::as_str))
            .collect();
        mine.sort_unstable();
        mine.dedup();
        for f in mine {
            *seen_in.entry(f).or_default() += 1;
        }
    }
    let mut kept: Vec<&str> = seen_in
        .into_iter()
        .filter(|(_, n)| *n >= options.min_bundles)
        .map(|(f, _)| f)
        .collect();
    kept.sort_unstable();
    let number: HashMap<&str, u32> = kept
        .iter()
        .enumerate()
        .map(|(i, f)| (*f, i as u32))
        .collect();
    let rows: Vec<(Vec<u32>, bool)> = bundles
        .iter()
        .flatten()
        .map(|(features, label)| {
            let ids = features
                .iter()
                .filter_map(|f| number.get(f.as_str()).copied())
                .collect();
            (ids, *label)
        })
        .collect();
    let (bias, weights) = logistic(&rows, kept.len(), options);
    KindModel {
        bias: round(bias),
        add: 0.5,
        keep: 0.5,
        weights: kept
            .iter()
            .zip(weights)
            .filter(|(_, w)| w.abs() >= 1e-3)
            .map(|(f, w)| (f.to_string(), round(w)))
            .collect(),
    }
}

/// Six decimals: enough for the decisions, and a file that diffs readably.
fn round(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// L2-regularised logistic regression by AdaGrad, in row order.
fn logistic(rows: &[(Vec<u32>, bool)], width: usize, options: Options) -> (f64, Vec<f64>) {
    let mut w = vec![0.0f64; width];
    let mut g2 = vec![1e-8f64; width];
    let (mut bias, mut bias_g2) = (0.0f64, 1e-8f64);
    for _ in 0..options.epochs {
        for (ids, label) in rows {
            let z = bias + ids.iter().map(|&i| w[i as usize]).sum::<f64>();
            let p = 1.0 / (1.0 + (-z).exp());
            let err = p - f64::from(u8::from(*label));
            bias_g2 += err * err;
            bias -= options.learning_rate * err / bias_g2.sqrt();
            for &i in ids {
                let i = i as usize;
                let g = err + options.l2 * w[i];
                g2[i] += g * g;
                w[i] -= options.learning_rate * g / g2[i].sqrt();
            }
        }
    }
    (bias, w)
}

#[cfg(test)]
mod tests {
    use super::super::evaluate::tally;
    use super::{Kind, Labelled, LabelledLine, Options, fit};

    fn line(words: &[&str], label: [bool; 3], at: u32) -> LabelledLine {
        let mut features: Vec<String> = words.iter().map(|w| format!("w:{w}")).collect();
        features.sort();
        LabelledLine {
            features,
            by_rules: [false; 3],
            label,
            path: "notes/a.md".into(),
            line: at,
        }
    }

    fn bundle(n: u32) -> Labelled {
        Labelled {
            name: format!("b{n}"),
            lines: vec![
                line(&["we'll", "waive", "the", "fee"], [true, false, false], 1),
                line(
                    &["the", "sponsor", "is", "leaving"],
                    [false, true, false],
                    2,
                ),
                line(
                    &["they", "want", "faster", "close"],
                    [false, false, true],
                    3,
                ),
                line(&["thanks", "for", "the", "call"], [false; 3], 4),
                line(&[&format!("only{n}"), "the", "agenda"], [false; 3], 5),
            ],
            gold: Default::default(),
            claims: Vec::new(),
            gold_conflicts: Vec::new(),
        }
    }

    #[test]
    fn a_gold_file_that_does_not_parse_is_named_with_its_line() {
        let dir = std::env::temp_dir().join(format!("baton-bad-gold-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("gold.toml"), "[[risk]]\nat = \"notes/a.md:3\n").unwrap();
        let err = super::label(&dir, &crate::rules::Rules::builtin())
            .err()
            .expect("a bad gold.toml is an error");
        std::fs::remove_dir_all(&dir).ok();
        assert!(err.contains("gold.toml:2: "), "{err}");
        assert!(!err.contains('\n'), "{err}");
    }

    #[test]
    fn a_fit_learns_each_kind_from_its_words_and_is_reproducible() {
        let bundles: Vec<Labelled> = (0..4).map(bundle).collect();
        let refs: Vec<&Labelled> = bundles.iter().collect();
        let model = fit(&refs, Options::default());
        let p = |kind: Kind, words: &[&str]| {
            let mut f: Vec<String> = words.iter().map(|w| format!("w:{w}")).collect();
            f.sort();
            model.kind(kind).probability(&f)
        };
        assert!(p(Kind::Commitment, &["we'll", "waive"]) > 0.7);
        assert!(p(Kind::Commitment, &["thanks", "call"]) < 0.3);
        assert!(p(Kind::Risk, &["sponsor", "leaving"]) > 0.7);
        assert!(p(Kind::Goal, &["want", "faster"]) > 0.7);
        // A word of one bundle only is not kept.
        assert!(!model.kind(Kind::Commitment).weights.contains_key("w:only0"));
        assert_eq!(fit(&refs, Options::default()), model);
    }

    #[test]
    fn risk_epochs_change_the_risk_model_only() {
        let bundles: Vec<Labelled> = (0..4).map(bundle).collect();
        let refs: Vec<&Labelled> = bundles.iter().collect();
        let plain = fit(&refs, Options::default());
        let longer = fit(
            &refs,
            Options {
                risk_epochs: Some(30),
                ..Options::default()
            },
        );
        for kind in [Kind::Commitment, Kind::Goal, Kind::Conflict] {
            assert_eq!(plain.kind(kind), longer.kind(kind), "{kind:?}");
        }
        assert_ne!(plain.kind(Kind::Risk), longer.kind(Kind::Risk));
        // More passes fit the risk lines more tightly.
        let mut leaving: Vec<String> = ["w:sponsor", "w:leaving"].map(String::from).to_vec();
        leaving.sort();
        assert!(
            longer.kind(Kind::Risk).probability(&leaving)
                > plain.kind(Kind::Risk).probability(&leaving)
        );
    }

    #[test]
    fn a_tally_matches_within_one_line_and_uses_each_prediction_once() {
        let gold = vec![("a.md".to_string(), 10), ("a.md".to_string(), 11)];
        let t = tally(&[("a.md", 11), ("b.md", 10)], &gold);
        assert_eq!((t.true_positive, t.predicted, t.gold), (1, 2, 2));
        assert!((t.f1() - 0.5).abs() < 1e-12);
    }
}
