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

#[test]
fn the_pair_model_learns_only_from_the_conflict_corpora() {
    let dir = tempfile::tempdir().unwrap();
    let split = dir.path().join("split.tsv");
    let both = dir.path().join("both.tsv");
    let formats_only = dir.path().join("formats.tsv");
    let corpora = ["examples", "corpus/formats-1"];
    let out = train(
        &[
            corpora[0],
            corpora[1],
            "--conflict-corpus",
            "corpus/formats-1",
        ],
        &split,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(train(&corpora, &both).status.success());
    assert!(train(&["corpus/formats-1"], &formats_only).status.success());

    let pair = weights(&split, "conflict");
    assert!(!pair.is_empty());
    assert_eq!(pair, weights(&formats_only, "conflict"));
    assert_ne!(pair, weights(&both, "conflict"));
    for kind in ["commitment", "risk", "goal"] {
        assert_eq!(weights(&split, kind), weights(&both, kind), "{kind}");
    }
    let header = std::fs::read_to_string(&split).unwrap();
    assert!(
        header.contains("--conflict-corpus corpus/formats-1"),
        "the header records the command"
    );
}

#[test]
fn a_conflict_corpus_not_trained_on_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("model.tsv");
    let out = train(
        &["examples", "--conflict-corpus", "corpus/styles-2"],
        &model,
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--conflict-corpus corpus/styles-2: not one of the corpora to train on"),
        "{err}"
    );
    assert!(!model.exists(), "nothing written");
}

#[test]
fn the_risk_model_learns_only_from_the_risk_corpora() {
    let dir = tempfile::tempdir().unwrap();
    let split = dir.path().join("split.tsv");
    let both = dir.path().join("both.tsv");
    let formats_only = dir.path().join("formats.tsv");
    let corpora = ["examples", "corpus/formats-1"];
    let out = train(
        &[corpora[0], corpora[1], "--risk-corpus", "corpus/formats-1"],
        &split,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(train(&corpora, &both).status.success());
    assert!(train(&["corpus/formats-1"], &formats_only).status.success());

    let risk = weights(&split, "risk");
    assert!(!risk.is_empty());
    assert_eq!(risk, weights(&formats_only, "risk"));
    assert_ne!(risk, weights(&both, "risk"));
    for kind in ["commitment", "goal", "conflict"] {
        assert_eq!(weights(&split, kind), weights(&both, kind), "{kind}");
    }
    let header = std::fs::read_to_string(&split).unwrap();
    assert!(header.contains("--risk-corpus corpus/formats-1"));

    let model = dir.path().join("refused.tsv");
    let out = train(&["examples", "--risk-corpus", "corpus/styles-2"], &model);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--risk-corpus corpus/styles-2: not one of the corpora to train on"),
        "{err}"
    );
    assert!(!model.exists(), "nothing written");
}
