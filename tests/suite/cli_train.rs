//! `baton train --conflict-corpus` / `--risk-corpus`: the models learn from
//! every corpus listed, the conflict (pair) and risk models only from the
//! corpora their option names.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

fn train(args: &[&str], out: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_baton"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("train")
        .args(args)
        .arg("--out")
        .arg(out)
        .output()
        .expect("baton runs")
}

/// One kind's bias and weights, as the model file lists them.
fn weights(model: &Path, kind: &str) -> BTreeMap<String, String> {
    std::fs::read_to_string(model)
        .expect("model written")
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            match cells.as_slice() {
                ["weight", k, w, feature] if *k == kind => {
                    Some((feature.to_string(), w.to_string()))
                }
                ["bias", k, b] if *k == kind => Some(("(bias)".into(), b.to_string())),
                _ => None,
            }
        })
        .collect()
}

/// Trained with `--<flag>-corpus corpus/formats-1`, the `kind` model is the one
/// formats-1 alone makes; every other kind learns from both corpora.
fn learns_only_from_its_corpora(flag: &str, kind: &str) {
    let dir = tempfile::tempdir().unwrap();
    let split = dir.path().join("split.tsv");
    let both = dir.path().join("both.tsv");
    let formats_only = dir.path().join("formats.tsv");
    let corpora = ["examples", "corpus/formats-1"];
    let option = format!("--{flag}-corpus");
    let out = train(
        &[corpora[0], corpora[1], &option, "corpus/formats-1"],
        &split,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(train(&corpora, &both).status.success());
    assert!(train(&["corpus/formats-1"], &formats_only).status.success());

    let narrowed = weights(&split, kind);
    assert!(!narrowed.is_empty());
    assert_eq!(narrowed, weights(&formats_only, kind));
    assert_ne!(narrowed, weights(&both, kind));
    for other in ["commitment", "risk", "goal", "conflict"] {
        if other != kind {
            assert_eq!(weights(&split, other), weights(&both, other), "{other}");
        }
    }
    let header = std::fs::read_to_string(&split).unwrap();
    assert!(
        header.contains(&format!("{option} corpus/formats-1")),
        "the header records the command"
    );
}

/// `--<flag>-corpus` naming a corpus not trained on is refused, and nothing is written.
fn a_corpus_not_trained_on_is_an_error(flag: &str) {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("model.tsv");
    let option = format!("--{flag}-corpus");
    let out = train(&["examples", &option, "corpus/styles-2"], &model);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "{option} corpus/styles-2: not one of the corpora to train on"
        )),
        "{err}"
    );
    assert!(!model.exists(), "nothing written");
}

#[test]
fn the_pair_model_learns_only_from_the_conflict_corpora() {
    learns_only_from_its_corpora("conflict", "conflict");
}

#[test]
fn a_conflict_corpus_not_trained_on_is_an_error() {
    a_corpus_not_trained_on_is_an_error("conflict");
}

#[test]
fn the_risk_model_learns_only_from_the_risk_corpora() {
    learns_only_from_its_corpora("risk", "risk");
    a_corpus_not_trained_on_is_an_error("risk");
}
