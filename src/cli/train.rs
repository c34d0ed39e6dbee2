//! `baton train CORPUS... --out FILE`: fit the learned model on annotated
//! corpora, with a leave-one-corpus-out report of what it adds to the rules.

use baton::analysis::learned::evaluate as held_out;
use baton::analysis::learned::train::{self, Labelled, Options};
use baton::analysis::learned::{Kind, KindModel, Model};
use baton::rules::Rules;
use std::path::{Path, PathBuf};

/// The corpora that teach one kind's model when not every corpus should.
/// Empty means all of them.
pub struct Teachers<'a> {
    /// The conflict (pair) model's corpora, which also pick its thresholds.
    /// The line models gain from every corpus, but the pair model learns a
    /// corpus's rate of conflicts as well as their shape: trained where three
    /// promises in four conflict it finds conflicts in deals where one in three
    /// do (docs/quality.md, styles-9).
    pub conflict: &'a [PathBuf],
    /// The risk (line) model's corpora. Batches annotated later mark as risks
    /// some lines the first batches left unmarked (a replacement not yet hired,
    /// staff worried about their roles); a risk model that learns from both
    /// reads the newer batches better (held out, styles-14 to 16 +0.02 to
    /// +0.06) and marks such lines in the older ones too, which their CI
    /// ratchet does not allow (docs/quality.md, "What the line models learn
    /// from, judged held out").
    pub risk: &'a [PathBuf],
}

pub fn run(
    corpora: &[PathBuf],
    teachers: &Teachers,
    out: &Path,
    options: Options,
) -> Result<(), String> {
    let pair_corpora = teachers.conflict;
    for (flag, list) in [("conflict", teachers.conflict), ("risk", teachers.risk)] {
        for p in list {
            if !corpora.contains(p) {
                return Err(format!(
                    "--{flag}-corpus {}: not one of the corpora to train on",
                    baton::text::sanitize_line(&p.display().to_string())
                ));
            }
        }
    }
    let teaches_pairs: Vec<bool> = corpora
        .iter()
        .map(|c| pair_corpora.is_empty() || pair_corpora.contains(c))
        .collect();
    let teaches_risks: Vec<bool> = corpora
        .iter()
        .map(|c| teachers.risk.is_empty() || teachers.risk.contains(c))
        .collect();
    // One fold's model: every kind from the corpora but `held`, the pair and
    // risk models from their own corpora only.
    let fit_without = |read: &[(String, Vec<Labelled>)], held: usize| {
        let mut model = train::fit(&except(read, held, |_| true), options);
        for (kind, teaches, narrowed) in [
            (Kind::Conflict, &teaches_pairs, !pair_corpora.is_empty()),
            (Kind::Risk, &teaches_risks, !teachers.risk.is_empty()),
        ] {
            if narrowed {
                let own = train::fit(&except(read, held, |i| teaches[i]), options);
                model.kinds[kind as usize] = own.kinds[kind as usize].clone();
            }
        }
        model
    };
    // The built-in rules only: the model must not depend on one user's lists.
    let rules = Rules::builtin();
    let mut read: Vec<(String, Vec<Labelled>)> = Vec::new();
    for corpus in corpora {
        let mut bundles = Vec::new();
        for dir in train::corpus_bundles(corpus)? {
            bundles.push(train::label(&dir, &rules)?);
        }
        // A corpus is named on the terminal and in the model's header: cleaned.
        let name = baton::text::sanitize_line(&corpus.display().to_string());
        eprintln!("read {name} ({} bundles)", bundles.len());
        read.push((name, bundles));
    }
    let mut report = String::new();
    let mut thresholds = [(0.5, 0.5); 4];
    // The thresholds of the model this binary ships: a retraining keeps them
    // unless the held-out corpora read clearly better with others.
    let incumbent = |kind: Kind| {
        let m = &Model::builtin().kinds[kind as usize];
        Some((m.add, m.keep))
    };
    // The model of every corpus, and each corpus as it reads them: a switch of
    // thresholds may not cost a trained corpus (`evaluate::KEEP_TRAINED`).
    let mut model = fit_without(&read, usize::MAX);
    let trained: Vec<Vec<held_out::HeldOut>> = read
        .iter()
        .map(|(_, bundles)| {
            bundles
                .iter()
                .map(|b| held_out::hold_out(&model, b))
                .collect()
        })
        .collect();
    if read.len() >= 2 {
        // Each corpus scored by a model that never saw it.
        let models: Vec<Model> = (0..read.len())
            .map(|held| {
                eprintln!("fitting without {}", read[held].0);
                fit_without(&read, held)
            })
            .collect();
        let held: Vec<Vec<held_out::HeldOut>> = read
            .iter()
            .zip(&models)
            .map(|((_, bundles), model)| {
                bundles
                    .iter()
                    .map(|b| held_out::hold_out(model, b))
                    .collect()
            })
            .collect();
        report.push_str("leave-one-corpus-out F1, rules -> rules and model (thresholds: the shipped ones unless beaten by 0.01 mean F1, else the best that costs no trained corpus 0.01):\n");
        for kind in Kind::LINES {
            let choice = held_out::best_thresholds(&held, &trained, kind, incumbent(kind));
            let (add, keep) = choice.pair;
            thresholds[kind as usize] = (add, keep);
            report.push_str(&format!(
                "{} (add {add:.2}, keep {keep:.2}; {}):",
                kind.as_str(),
                choice.describe()
            ));
            let decision = KindModel {
                add,
                keep,
                ..Default::default()
            };
            report.push_str(&row(&read, &held, |h| {
                (
                    held_out::tally_all(h, kind, |by_rules, _| by_rules),
                    held_out::tally_all(h, kind, |by_rules, p| decision.decides(by_rules, p)),
                )
            }));
            report.push('\n');
        }
        let (c_add, c_keep) = thresholds[Kind::Commitment as usize];
        let commitment = KindModel {
            add: c_add,
            keep: c_keep,
            ..Default::default()
        };
        // Thresholds from the corpora the pair model learns from.
        let pair_held = teaching_pairs(&held, &teaches_pairs);
        let pair_trained = teaching_pairs(&trained, &teaches_pairs);
        let choice = held_out::best_conflict_thresholds(
            &pair_held,
            &pair_trained,
            &commitment,
            incumbent(Kind::Conflict),
        );
        let (add, keep) = choice.pair;
        thresholds[Kind::Conflict as usize] = (add, keep);
        let conflict = KindModel {
            add,
            keep,
            ..Default::default()
        };
        report.push_str(&format!(
            "conflict (add {add:.2}, keep {keep:.2}; {}):",
            choice.describe()
        ));
        report.push_str(&row(&read, &held, |h| {
            (
                held_out::tally_conflicts(h, None),
                held_out::tally_conflicts(h, Some((&commitment, &conflict))),
            )
        }));
        report.push('\n');
    }
    drop(trained);
    for kind in Kind::ALL {
        let (add, keep) = thresholds[kind as usize];
        model.kinds[kind as usize].add = add;
        model.kinds[kind as usize].keep = keep;
    }
    let command = std::iter::once("baton train".to_string())
        .chain(corpora.iter().map(|c| c.display().to_string()))
        .chain(
            pair_corpora
                .iter()
                .map(|c| format!("--conflict-corpus {}", c.display())),
        )
        .chain(
            teachers
                .risk
                .iter()
                .map(|c| format!("--risk-corpus {}", c.display())),
        )
        .collect::<Vec<_>>()
        .join(" ");
    let risk_epochs = options
        .risk_epochs
        .map_or(String::new(), |n| format!(" --risk-epochs {n}"));
    let header = format!(
        "The learned model of baton (src/analysis/learned). Made by:\n  {command} --out {} --epochs {}{risk_epochs} --l2 {} --min-bundles {}\n{report}",
        out.display(),
        options.epochs,
        options.l2,
        options.min_bundles
    );
    let tmp = out.with_extension("tsv.tmp");
    std::fs::write(&tmp, model.to_text(&header))
        .and_then(|()| std::fs::rename(&tmp, out))
        .map_err(|e| format!("{}: cannot write the model: {e}", out.display()))?;
    super::session::print(&format!("{report}wrote {}\n", out.display()))
}

/// The bundles of every corpus but `held` that `wanted` (by index) picks.
fn except(
    read: &[(String, Vec<Labelled>)],
    held: usize,
    wanted: impl Fn(usize) -> bool,
) -> Vec<&Labelled> {
    read.iter()
        .enumerate()
        .filter(|(i, _)| *i != held && wanted(*i))
        .flat_map(|(_, (_, b))| b.iter())
        .collect()
}

/// One kind's row of the report: per corpus, its F1 by the rules alone and
/// by the rules and the model (`tallies` gives both).
fn row(
    read: &[(String, Vec<Labelled>)],
    held: &[Vec<held_out::HeldOut>],
    tallies: impl Fn(&[held_out::HeldOut]) -> (held_out::Tally, held_out::Tally),
) -> String {
    let mut out = String::new();
    for ((name, _), h) in read.iter().zip(held) {
        let (rules_only, with_model) = tallies(h);
        let short = Path::new(name)
            .file_name()
            .map_or(name.clone(), |n| n.to_string_lossy().into_owned());
        out.push_str(&format!(
            " {short} {:.2}->{:.2}",
            rules_only.f1(),
            with_model.f1()
        ));
    }
    out
}

/// The corpora among `lists` that teach the pair model (`--conflict-corpus`).
fn teaching_pairs<'a>(
    lists: &[Vec<held_out::HeldOut<'a>>],
    teaches_pairs: &[bool],
) -> Vec<Vec<held_out::HeldOut<'a>>> {
    lists
        .iter()
        .zip(teaches_pairs)
        .filter(|(_, teaches)| **teaches)
        .map(|(h, _)| h.clone())
        .collect()
}
