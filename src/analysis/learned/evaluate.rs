//! How well a model trained without a corpus reads it: the scorer's
//! matching (same file, line within one; conflicts on both sides), and the
//! thresholds that give the best mean F1 over held-out corpora.

use super::train::{Labelled, Location, near};
use super::{Kind, KindModel, Model};

/// Matches of predicted and gold locations, one line either way, each used once.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tally {
    pub true_positive: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Tally {
    pub fn add(&mut self, other: Tally) {
        self.true_positive += other.true_positive;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }

    pub fn f1(&self) -> f64 {
        if self.predicted + self.gold == 0 {
            return 1.0;
        }
        2.0 * self.true_positive as f64 / (self.predicted + self.gold) as f64
    }
}

/// Score predicted lines against the gold as the corpus scorer does.
pub fn tally(predicted: &[(&str, u32)], gold: &[Location]) -> Tally {
    let mut used = vec![false; predicted.len()];
    let mut hits = 0;
    for (file, line) in gold {
        if let Some(i) = (0..predicted.len())
            .find(|&i| !used[i] && predicted[i].0 == file && predicted[i].1.abs_diff(*line) <= 1)
        {
            used[i] = true;
            hits += 1;
        }
    }
    Tally {
        true_positive: hits,
        predicted: predicted.len(),
        gold: gold.len(),
    }
}

/// One bundle's held-out chances: per line, per kind, the rules' verdict and
/// the model's chance.
#[derive(Clone)]
pub struct HeldOut<'a> {
    pub bundle: &'a Labelled,
    pub chances: Vec<[f64; 3]>,
    /// Per promise, per scope line, the chance the pair is a conflict.
    pub pair_chances: Vec<Vec<f64>>,
}

/// The CRM record's findings are not lines of the notes: the gold cites them
/// in deal.toml, where the rules always find them. Counted apart so both
/// sides of a comparison see them alike.
fn predicted_lines<'a>(
    h: &'a HeldOut,
    kind: Kind,
    decide: impl Fn(bool, f64) -> bool,
) -> Vec<(&'a str, u32)> {
    h.bundle
        .lines
        .iter()
        .zip(&h.chances)
        .filter(|(l, p)| decide(l.by_rules[kind.index()], p[kind.index()]))
        .map(|(l, _)| (l.path.as_str(), l.line))
        .collect()
}

/// The tally of one kind over held-out bundles under a decision rule.
pub fn tally_all(held: &[HeldOut], kind: Kind, decide: impl Fn(bool, f64) -> bool) -> Tally {
    let mut t = Tally::default();
    for h in held {
        let predicted = predicted_lines(h, kind, &decide);
        let gold: Vec<Location> = h.bundle.gold[kind.index()]
            .iter()
            .filter(|(f, _)| f != "deal.toml")
            .cloned()
            .collect();
        t.add(tally(&predicted, &gold));
    }
    t
}

/// A bundle as a model that never saw it judges it.
pub fn hold_out<'a>(model: &Model, bundle: &'a Labelled) -> HeldOut<'a> {
    HeldOut {
        bundle,
        chances: bundle
            .lines
            .iter()
            .map(|l| Kind::LINES.map(|k| model.kind(k).probability(&l.features)))
            .collect(),
        pair_chances: bundle
            .claims
            .iter()
            .map(|c| {
                c.pairs
                    .iter()
                    .map(|p| model.conflict().probability(&p.features))
                    .collect()
            })
            .collect(),
    }
}

/// The conflicts found in held-out bundles: with `model` none, the rules'
/// promises and the checks' choice of line; with the commitment and conflict
/// models' thresholds, the promises the line decision keeps and the line the
/// pair decision picks.
pub fn tally_conflicts(held: &[HeldOut], model: Option<(&KindModel, &KindModel)>) -> Tally {
    let mut t = Tally::default();
    for h in held {
        let kept: std::collections::HashSet<(&str, u32)> = match model {
            Some((commitment, _)) => h
                .bundle
                .lines
                .iter()
                .zip(&h.chances)
                .filter(|(l, p)| commitment.decides(l.by_rules[0], p[0]))
                .map(|(l, _)| (l.path.as_str(), l.line))
                .collect(),
            None => Default::default(),
        };
        let mut predicted: Vec<(&Location, &Location)> = Vec::new();
        for (claim, chances) in h.bundle.claims.iter().zip(&h.pair_chances) {
            let in_crm = claim.at.0 == "deal.toml" && claim.by_rules;
            let rules_pick = claim.pairs.iter().position(|p| p.by_rules);
            let pick = match model {
                None => rules_pick.filter(|_| claim.by_rules),
                Some((_, conflict)) => {
                    if !(in_crm || kept.contains(&(claim.at.0.as_str(), claim.at.1))) {
                        continue;
                    }
                    conflict.pick_pair(rules_pick, chances, |i| {
                        claim.pairs[i]
                            .features
                            .binary_search_by(|f| f.as_str().cmp("disagrees"))
                            .is_ok()
                    })
                }
            };
            if let Some(i) = pick {
                let pair = (&claim.at, &claim.pairs[i].scope);
                if !predicted.contains(&pair) {
                    predicted.push(pair);
                }
            }
        }
        let mut used = vec![false; predicted.len()];
        let mut hits = 0;
        for (notes, scope) in &h.bundle.gold_conflicts {
            if let Some(i) = (0..predicted.len())
                .find(|&i| !used[i] && near(predicted[i].0, notes) && near(predicted[i].1, scope))
            {
                used[i] = true;
                hits += 1;
            }
        }
        t.add(Tally {
            true_positive: hits,
            predicted: predicted.len(),
            gold: h.bundle.gold_conflicts.len(),
        });
    }
    t
}

/// The mean F1 over corpora: every corpus counts alike, so the many bundles
/// of one style cannot buy a threshold that fails another style.
fn mean_f1(tallies: impl Iterator<Item = Tally>) -> f64 {
    let (sum, n) = tallies.fold((0.0, 0usize), |(s, n), t| (s + t.f1(), n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

/// The threshold grid, 0.05 to 0.95: each step divided, not multiplied, so
/// the model file reads `0.3`, not `0.30000000000000004`.
fn grid() -> Vec<f64> {
    (1..20).map(|i| f64::from(i) / 20.0).collect()
}

/// Mean F1 this close to the best is no better: a flat optimum is read as
/// flat, and the thresholds nearest the middle win, so a retraining that
/// moves the best by a hair does not swing a threshold from 0.6 to 0.9.
const TIE: f64 = 0.002;

/// A retraining keeps the thresholds the shipped model uses unless another
/// pair reads the held-out corpora better by more than this. The optimum is
/// flat and noisy: after the CSV reader change the best pairs beat the
/// shipped ones by 0.009 (commitment) and 0.007 (risk) mean held-out F1, yet
/// with them the read corpora the model never trains on fell (styles-10
/// commitment 0.74 -> 0.72, risk 0.66 -> 0.64; styles-11 goal 0.66 -> 0.64)
/// and dev risk fell to 0.96 (docs/quality.md).
const STAY: f64 = 0.01;

/// A switch from the shipped thresholds may cost no trained corpus more than
/// this F1, as the model fitted on all of them reads it. CI holds each trained
/// corpus at its score (a ratchet that never falls), so a held-out gain pays
/// for a switch only where no such corpus falls below its bar. Seen after the
/// speaker-side and missing-context changes: risk (add 0.5, keep 0.05) beat
/// the shipped (0.4, 0.1) by 0.010 held-out and read styles-9..12 better by
/// 0.01-0.02, yet cost dev 0.98 -> 0.96 and styles-7 0.98 -> 0.95.
const KEEP_TRAINED: f64 = 0.01;

/// The (add, keep) pair to use among scored candidates: the `incumbent`
/// (the shipped model's) while it is within [`STAY`] of the best; else the
/// best mean F1 among the pairs `allowed` to replace it, and among those
/// within [`TIE`] of the best the pair nearest (0.5, 0.5). With no incumbent
/// every pair is allowed.
fn choose(
    scored: &[((f64, f64), f64)],
    incumbent: Option<(f64, f64)>,
    allowed: impl Fn((f64, f64)) -> bool,
) -> (f64, f64) {
    let best = scored.iter().map(|(_, f1)| *f1).fold(f64::MIN, f64::max);
    if let Some(pair) = incumbent
        && scored
            .iter()
            .any(|(p, f1)| same(*p, pair) && *f1 >= best - STAY)
    {
        return pair;
    }
    let candidates: Vec<((f64, f64), f64)> = scored
        .iter()
        .copied()
        .filter(|(p, _)| incumbent.is_none() || allowed(*p))
        .collect();
    let Some(best) = candidates.iter().map(|(_, f1)| *f1).reduce(f64::max) else {
        return incumbent.unwrap_or((1.0, 0.0));
    };
    if let Some(pair) = incumbent
        && candidates
            .iter()
            .any(|(p, f1)| same(*p, pair) && *f1 >= best - STAY)
    {
        return pair;
    }
    let distance = |(add, keep): (f64, f64)| (add - 0.5).abs() + (keep - 0.5).abs();
    candidates
        .iter()
        .filter(|(_, f1)| *f1 >= best - TIE)
        .map(|(pair, _)| *pair)
        .min_by(|a, b| distance(*a).total_cmp(&distance(*b)))
        .unwrap_or((1.0, 0.0))
}

/// Two threshold pairs are one grid point (the file stores `0.3`, the grid
/// computes `6.0 / 20.0`).
fn same(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9
}

/// The (add, keep) pair of the grid, or the `baseline`'s (which the grid
/// cannot express: the rules alone), with the best `score` by [`choose`].
fn search(
    baseline: &KindModel,
    incumbent: Option<(f64, f64)>,
    score: impl Fn(&KindModel) -> f64,
    trained: impl Fn(&KindModel) -> Vec<f64>,
) -> Choice {
    let mut scored = vec![((1.0, 0.0), score(baseline))];
    for add in grid() {
        for keep in grid() {
            let m = KindModel {
                add,
                keep,
                ..Default::default()
            };
            scored.push(((add, keep), score(&m)));
        }
    }
    let best = scored.iter().map(|(_, f1)| *f1).fold(f64::MIN, f64::max);
    let shipped = incumbent.and_then(|pair| {
        scored
            .iter()
            .find(|(p, _)| same(*p, pair))
            .map(|(_, f1)| *f1)
    });
    let pair_model = |(add, keep): (f64, f64)| {
        if same((add, keep), (1.0, 0.0)) {
            baseline.clone()
        } else {
            KindModel {
                add,
                keep,
                ..Default::default()
            }
        }
    };
    let before = incumbent.map(|pair| trained(&pair_model(pair)));
    let allowed = |pair: (f64, f64)| {
        before.as_ref().is_none_or(|before| {
            trained(&pair_model(pair))
                .iter()
                .zip(before)
                .all(|(after, before)| *after >= before - KEEP_TRAINED)
        })
    };
    Choice {
        pair: choose(&scored, incumbent, allowed),
        best,
        shipped,
    }
}

/// The thresholds chosen, with the mean held-out F1 of the best pair and of
/// the shipped one, for the model file's report.
#[derive(Debug, Clone, Copy)]
pub struct Choice {
    pub pair: (f64, f64),
    pub best: f64,
    pub shipped: Option<f64>,
}

impl Choice {
    /// `best 0.812, shipped 0.809` for the report.
    pub fn describe(&self) -> String {
        match self.shipped {
            Some(f1) => format!("mean {:.3}, shipped pair {f1:.3}", self.best),
            None => format!("mean {:.3}", self.best),
        }
    }
}

/// The conflict thresholds (add, keep) with the best mean F1 over the
/// held-out corpora, the commitment decision fixed; the `incumbent` pair
/// stays unless beaten by more than [`STAY`].
pub fn best_conflict_thresholds(
    corpora: &[Vec<HeldOut>],
    trained: &[Vec<HeldOut>],
    commitment: &KindModel,
    incumbent: Option<(f64, f64)>,
) -> Choice {
    // Never adding and keeping every pair the checks choose: the rules' pick
    // among the promises the line decision keeps.
    let never = KindModel {
        add: 1.0,
        keep: 0.0,
        ..Default::default()
    };
    let f1 = |held: &[HeldOut], m: &KindModel| tally_conflicts(held, Some((commitment, m))).f1();
    search(
        &never,
        incumbent,
        |m| {
            mean_f1(
                corpora
                    .iter()
                    .map(|held| tally_conflicts(held, Some((commitment, m)))),
            )
        },
        |m| trained.iter().map(|held| f1(held, m)).collect(),
    )
}

/// The thresholds (add, keep) of a line kind with the best mean F1 over the
/// held-out corpora; the `incumbent` pair stays unless beaten by more than
/// [`STAY`].
pub fn best_thresholds(
    corpora: &[Vec<HeldOut>],
    trained: &[Vec<HeldOut>],
    kind: Kind,
    incumbent: Option<(f64, f64)>,
) -> Choice {
    // The rules alone: every finding kept, none added.
    let rules_alone = KindModel {
        add: f64::INFINITY,
        keep: f64::NEG_INFINITY,
        ..Default::default()
    };
    let tally = |held: &[HeldOut], m: &KindModel| {
        tally_all(held, kind, |by_rules, p| m.decides(by_rules, p))
    };
    search(
        &rules_alone,
        incumbent,
        |m| mean_f1(corpora.iter().map(|held| tally(held, m))),
        |m| trained.iter().map(|held| tally(held, m).f1()).collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::choose;

    #[test]
    fn a_flat_optimum_takes_the_thresholds_nearest_the_middle() {
        let scored = [((1.0, 0.0), 0.70), ((0.9, 0.05), 0.801), ((0.6, 0.05), 0.8)];
        assert_eq!(choose(&scored, None, |_| true), (0.6, 0.05));
        let clear = [((0.9, 0.05), 0.85), ((0.6, 0.05), 0.8)];
        assert_eq!(choose(&clear, None, |_| true), (0.9, 0.05));
    }

    #[test]
    fn the_shipped_thresholds_stay_unless_clearly_beaten() {
        let scored = [((0.5, 0.3), 0.800), ((0.6, 0.2), 0.809), ((0.9, 0.1), 0.79)];
        assert_eq!(choose(&scored, Some((0.5, 0.3)), |_| true), (0.5, 0.3));
        let beaten = [((0.5, 0.3), 0.800), ((0.6, 0.2), 0.811)];
        assert_eq!(choose(&beaten, Some((0.5, 0.3)), |_| true), (0.6, 0.2));
        // An incumbent off the grid (a hand-edited file) is no candidate.
        assert_eq!(choose(&scored, Some((0.55, 0.3)), |_| true), (0.6, 0.2));
    }

    #[test]
    fn a_switch_that_costs_a_trained_corpus_is_not_made() {
        let beaten = [
            ((0.5, 0.3), 0.800),
            ((0.6, 0.2), 0.820),
            ((0.7, 0.2), 0.815),
        ];
        // The best pair would cost a trained corpus: the next allowed one wins.
        let not_best = |p: (f64, f64)| p != (0.6, 0.2);
        assert_eq!(choose(&beaten, Some((0.5, 0.3)), not_best), (0.7, 0.2));
        // None allowed: the shipped thresholds stay.
        let none = |p: (f64, f64)| p == (0.5, 0.3);
        assert_eq!(choose(&beaten, Some((0.5, 0.3)), none), (0.5, 0.3));
    }
}
