//! A learned second opinion on commitments, risks and goals.
//!
//! The rules find what their word families name; a careful reader also finds
//! promises, risks and goals worded in ways no list foresaw. A linear model,
//! trained on the project's annotated corpus (`baton train`, see
//! [`train`]), reads every line of the notes ([`features`]: its words with
//! people and figures abstracted, its structure, voice, deal terms, every
//! lexicon that matches and the rules' own verdicts) and gives the chance that
//! a careful reader marks it. Per kind, two thresholds decide: a line the rules
//! found stays unless the model is sure it is not one (`keep`), and a line the
//! rules missed becomes a finding when the model is sure it is one (`add`).
//! Both are chosen by cross-validation across corpora, never on one bundle.
//!
//! The model is data (`assets/model.tsv`, compiled in), trained offline and
//! reproducibly; the analysis stays deterministic and needs no network.

pub mod evaluate;
pub mod features;
pub mod train;

use super::model::{Flag, FlagKind, Goal};
use super::{Cited, Evidence, Reading};
use foldhash::HashMap;
use std::sync::OnceLock;

/// What the model decides about a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Commitment,
    Risk,
    Goal,
    /// A promise and a scope line that cannot both be true.
    Conflict,
}

impl Kind {
    /// The kinds decided line by line.
    pub const LINES: [Kind; 3] = [Kind::Commitment, Kind::Risk, Kind::Goal];
    pub const ALL: [Kind; 4] = [Kind::Commitment, Kind::Risk, Kind::Goal, Kind::Conflict];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Commitment => "commitment",
            Kind::Risk => "risk",
            Kind::Goal => "goal",
            Kind::Conflict => "conflict",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One kind's linear model and its two thresholds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KindModel {
    pub bias: f64,
    /// A line the rules missed becomes a finding at this chance or above.
    pub add: f64,
    /// A line the rules found stays a finding at this chance or above.
    pub keep: f64,
    pub weights: HashMap<String, f64>,
}

impl KindModel {
    /// The chance a careful reader marks a line with these features.
    pub fn probability(&self, features: &[String]) -> f64 {
        let z = self.bias
            + features
                .iter()
                .filter_map(|f| self.weights.get(f))
                .sum::<f64>();
        1.0 / (1.0 + (-z).exp())
    }

    /// The features of a line that move its chance most, strongest first (by
    /// the size of their weight): what `baton explain` shows, so a rule author
    /// sees why the model kept, dropped or added a line.
    pub fn strongest<'f>(&self, features: &'f [String], n: usize) -> Vec<(&'f str, f64)> {
        let mut weighed: Vec<(&str, f64)> = features
            .iter()
            .filter_map(|f| self.weights.get(f).map(|&w| (f.as_str(), w)))
            .collect();
        weighed.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(b.0)));
        weighed.truncate(n);
        weighed
    }

    /// Whether a line is a finding, given the rules' verdict and the chance.
    pub fn decides(&self, by_rules: bool, p: f64) -> bool {
        if by_rules {
            p >= self.keep
        } else {
            p >= self.add
        }
    }

    /// The scope line a promise conflicts with, by this (pair) model: the
    /// checks' pick unless the model is sure it is none, else the likeliest
    /// pair that shows a disagreement, when the model is sure of it. One
    /// decision for the analysis and for the thresholds' cross-validation.
    pub fn pick_pair(
        &self,
        by_rules: Option<usize>,
        chances: &[f64],
        disagrees: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        match by_rules {
            Some(i) if chances[i] >= self.keep => Some(i),
            _ => (0..chances.len())
                .filter(|&i| disagrees(i))
                .max_by(|&a, &b| chances[a].total_cmp(&chances[b]))
                .filter(|&i| chances[i] >= self.add),
        }
    }
}

/// The three kinds' models.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Model {
    pub kinds: [KindModel; 4],
}

/// The model shipped with baton, trained by `baton train` on the project's
/// corpora (the command that made it heads the file).
const BUILTIN: &str = include_str!("../../../assets/model.tsv");

impl Model {
    pub fn kind(&self, kind: Kind) -> &KindModel {
        &self.kinds[kind.index()]
    }

    /// The model of promise and scope-line pairs.
    pub fn conflict(&self) -> &KindModel {
        self.kind(Kind::Conflict)
    }

    /// The compiled-in model.
    pub fn builtin() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| {
            // The file is checked by a test of this module: a parse error here
            // is a build that no test passed, and leaves the rules alone.
            Model::parse(BUILTIN).unwrap_or_else(|_| Model::rules_only())
        })
    }

    /// A model that changes nothing: it never adds and never drops a finding.
    pub fn rules_only() -> Model {
        let never = KindModel {
            bias: 0.0,
            add: f64::INFINITY,
            keep: 0.0,
            weights: HashMap::default(),
        };
        Model {
            kinds: std::array::from_fn(|_| never.clone()),
        }
    }

    /// Read a model file: `#` comments, then tab-separated rows
    /// `bias KIND VALUE`, `threshold KIND add|keep VALUE` and
    /// `weight KIND VALUE FEATURE`.
    pub fn parse(text: &str) -> Result<Model, String> {
        let mut model = Model::default();
        for (n, row) in text.lines().enumerate() {
            if row.is_empty() || row.starts_with('#') {
                continue;
            }
            let bad = || format!("model line {}: cannot read {:?}", n + 1, clip(row));
            let cells: Vec<&str> = row.splitn(4, '\t').collect();
            let kind = cells.get(1).and_then(|k| Kind::parse(k)).ok_or_else(bad)?;
            let number = |i: usize| {
                cells
                    .get(i)
                    .and_then(|v| v.parse::<f64>().ok())
                    .filter(|v| v.is_finite())
                    .ok_or_else(bad)
            };
            let m = &mut model.kinds[kind.index()];
            match (cells[0], cells.get(2).copied()) {
                ("bias", _) if cells.len() == 3 => m.bias = number(2)?,
                ("threshold", Some("add")) if cells.len() == 4 => m.add = number(3)?,
                ("threshold", Some("keep")) if cells.len() == 4 => m.keep = number(3)?,
                ("weight", _) if cells.len() == 4 => {
                    m.weights.insert(cells[3].to_string(), number(2)?);
                }
                _ => return Err(bad()),
            }
        }
        Ok(model)
    }

    /// The model as [`Model::parse`] reads it, weights in a stable order.
    pub fn to_text(&self, header: &str) -> String {
        let mut out = String::new();
        for line in header.lines() {
            out.push_str("# ");
            out.push_str(line);
            out.push('\n');
        }
        for kind in Kind::ALL {
            let m = self.kind(kind);
            let k = kind.as_str();
            out.push_str(&format!("bias\t{k}\t{}\n", m.bias));
            out.push_str(&format!("threshold\t{k}\tadd\t{}\n", m.add));
            out.push_str(&format!("threshold\t{k}\tkeep\t{}\n", m.keep));
            let mut weights: Vec<_> = m.weights.iter().collect();
            weights.sort_by(|a, b| a.0.cmp(b.0));
            for (feature, w) in weights {
                out.push_str(&format!("weight\t{k}\t{w}\t{feature}\n"));
            }
        }
        out
    }
}

fn clip(text: &str) -> String {
    text.chars().take(60).collect()
}

/// Re-decide the rules' findings line by line with the model: drop the ones
/// it is sure are not findings, add the lines it is sure are. Findings logged
/// in the CRM record are not lines of the notes and always stay.
pub fn decide(
    r: &Reading,
    model: &Model,
    commitments: Vec<Flag>,
    risks: Vec<Flag>,
    goals: Vec<Goal>,
) -> (Vec<Flag>, Vec<Flag>, Vec<Goal>) {
    let verdicts = features::Verdicts::new(&commitments, &risks, &goals);
    let lines = features::lines(r, &verdicts);
    let mut drop: [foldhash::HashSet<(&str, u32)>; 3] = Default::default();
    let mut add: [Vec<(u32, u32, f64)>; 3] = Default::default();
    let rule_features = Kind::LINES.map(|k| format!("rule:{}", k.as_str()));
    for line in &lines {
        let path: &str = r.path_of(line.file_index);
        for kind in Kind::LINES {
            let m = model.kind(kind);
            let by_rules = line
                .features
                .binary_search(&rule_features[kind.index()])
                .is_ok();
            let p = m.probability(&line.features);
            match (by_rules, m.decides(by_rules, p)) {
                (true, false) => {
                    drop[kind.index()].insert((path, line.line));
                }
                (false, true) => add[kind.index()].push((line.file_index, line.line, p)),
                _ => {}
            }
        }
    }
    let kept = |flags: Vec<Flag>, kind: Kind| -> Vec<Flag> {
        flags
            .into_iter()
            .filter(|f| {
                !f.evidence
                    .first()
                    .is_some_and(|e| drop[kind.index()].contains(&(&*e.file, e.line)))
            })
            .collect()
    };
    let mut commitments = kept(commitments, Kind::Commitment);
    let mut risks = kept(risks, Kind::Risk);
    let mut goals: Vec<Goal> = goals
        .into_iter()
        .filter(|g| {
            !g.evidence
                .first()
                .is_some_and(|e| drop[Kind::Goal.index()].contains(&(&*e.file, e.line)))
        })
        .collect();
    for &(file_index, line, p) in &add[Kind::Commitment.index()] {
        let cue = format!("learned ({p:.2})");
        commitments.push(line_flag(r, file_index, line, FlagKind::Commitment, cue));
    }
    for &(file_index, line, p) in &add[Kind::Risk.index()] {
        let cue = format!("learned ({p:.2})");
        risks.push(line_flag(r, file_index, line, FlagKind::Risk, cue));
    }
    for &(file_index, line, _) in &add[Kind::Goal.index()] {
        let (text, first) = line_text(r, file_index, line);
        // A want with nothing to achieve ("And I want Dmitri.") is no goal,
        // however goal-like its words: the rules ask as much of theirs.
        if text.split_whitespace().count() < GOAL_WORDS {
            continue;
        }
        let lower = super::normalise(&text);
        goals.push(Goal {
            kind: super::goals::classify(r, lower.as_str(), ""),
            text: super::quote(&text),
            evidence: vec![first.evidence(r)],
            // A measure the model cannot weigh: a figure counts only beside a
            // target or a success word ("under a week", "from 22% to 17%"),
            // never in a pain's description ("since sick leave went to five days").
            // A bound, a comparison or a zero target in the customer's own
            // language measures it as well ("llegar a menos de uno por ciento").
            measurable: (super::goals::is_measured_beyond_dates(r, &text)
                && (r.rules.goal.target.is_match(lower.as_str())
                    || r.rules.goal.success.is_match(lower.as_str())))
                || r.rules.goal.measured.is_match(lower.as_str()),
        });
    }
    (commitments, risks, goals)
}

/// A commitment or risk finding of a whole line, with the cue that made it.
pub(crate) fn line_flag(
    r: &Reading,
    file_index: u32,
    line: u32,
    kind: FlagKind,
    cue: String,
) -> Flag {
    let (text, first) = line_text(r, file_index, line);
    Flag {
        kind,
        category: (kind == FlagKind::Commitment).then(|| super::commitments::categorize(r, &text)),
        text: super::quote(&text),
        evidence: vec![first.evidence(r)],
        speaker: first.stmt.speaker().map(str::to_string),
        cues: vec![cue],
    }
}

/// The fewest words of a goal the model adds: a want and what it is for.
const GOAL_WORDS: usize = 5;

/// The statements starting on a line, joined, and the first of them.
fn line_text<'r>(r: &'r Reading, file_index: u32, line: u32) -> (String, &'r Cited) {
    let on_line: Vec<&Cited> = r.on_line(file_index, line).collect();
    let text = on_line
        .iter()
        .map(|c| &*c.stmt.text)
        .collect::<Vec<_>>()
        .join(" ");
    (text, on_line[0])
}

/// The model's chance of each kind at `evidence`, for `baton explain`.
pub fn chances_at(
    r: &Reading,
    model: &Model,
    verdicts: &features::Verdicts,
    evidence: &Evidence,
) -> Option<[Chance; 3]> {
    features::lines(r, verdicts)
        .into_iter()
        .find(|l| l.line == evidence.line && **r.path_of(l.file_index) == *evidence.file)
        .map(|l| {
            Kind::LINES.map(|k| {
                let m = model.kind(k);
                let strongest: Vec<(String, f64)> = m
                    .strongest(&l.features, 5)
                    .into_iter()
                    .map(|(f, w)| (f.to_string(), w))
                    .collect();
                let all = m.strongest(&l.features, usize::MAX);
                Chance {
                    probability: m.probability(&l.features),
                    bias: m.bias,
                    rest: (
                        all.len() - strongest.len(),
                        all[strongest.len()..].iter().map(|(_, w)| w).sum(),
                    ),
                    strongest,
                }
            })
        })
}

/// One kind's chance for a line, with the features that weigh most in it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Chance {
    pub probability: f64,
    /// The kind's bias, which every line starts from.
    pub bias: f64,
    /// Feature and weight, the largest weights (either sign) first.
    pub strongest: Vec<(String, f64)>,
    /// How many other features weigh in, and their sum: many small weights
    /// can outweigh the largest.
    pub rest: (usize, f64),
}

#[cfg(test)]
mod tests {
    use super::{BUILTIN, Kind, KindModel, Model};

    #[test]
    fn the_builtin_model_reads_and_writes_back_unchanged() {
        let model = Model::parse(BUILTIN).expect("assets/model.tsv reads");
        for kind in Kind::ALL {
            let m = model.kind(kind);
            assert!(!m.weights.is_empty(), "{kind:?} has weights");
            assert!((0.0..=1.0).contains(&m.add) && (0.0..=1.0).contains(&m.keep));
        }
        assert_eq!(Model::parse(&model.to_text("again")).unwrap(), model);
    }

    #[test]
    fn the_strongest_features_are_the_heaviest_weights_of_the_line() {
        let mut m = KindModel::default();
        m.weights.insert("rule:commitment".into(), 1.9);
        m.weights.insert("b:other agencies".into(), -2.4);
        m.weights.insert("w:loan".into(), 0.2);
        m.weights.insert("w:absent".into(), 9.0);
        let line: Vec<String> = [
            "w:loan",
            "rule:commitment",
            "b:other agencies",
            "w:unweighed",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            m.strongest(&line, 2),
            vec![("b:other agencies", -2.4), ("rule:commitment", 1.9)]
        );
        assert_eq!(
            m.strongest(&line, 9).len(),
            3,
            "features without a weight weigh nothing"
        );
    }

    #[test]
    fn a_bad_row_names_its_line() {
        let err =
            Model::parse("# header\nbias\tcommitment\t-1\nweight\trisk\tx\tw:late\n").unwrap_err();
        assert!(err.starts_with("model line 3:"), "{err}");
        assert!(Model::parse("bias\tgoalish\t1\n").is_err());
    }

    /// A bundle of one notes file and one scope file.
    fn bundle(notes: &str, scope: &str) -> crate::bundle::Bundle {
        use crate::bundle::{Bundle, FileRole, SourceFile};
        Bundle {
            deal: Default::default(),
            crm_text: None,
            files: vec![
                SourceFile::plain("notes/call.md", FileRole::Notes, notes),
                SourceFile::plain("scope.md", FileRole::Scope, scope),
            ],
            listing: Vec::new(),
        }
    }

    #[test]
    fn a_sure_model_adds_what_the_rules_miss_and_drops_what_they_found() {
        use super::super::{Reading, commitments, goals, risks};
        let rules = crate::rules::Rules::builtin();
        let b = bundle(
            "- Mina pledged the archive transfer.\n- We will waive the setup fee.\n",
            "# Scope\n",
        );
        let r = Reading::read(&b, &rules);
        let (c, k, g) = (commitments::find(&r), risks::find(&r), goals::find(&r));
        let found = |flags: &[crate::analysis::Flag], line: u32| {
            flags.iter().any(|f| f.evidence[0].line == line)
        };
        assert!(!found(&c, 1) && found(&c, 2), "the rules alone: {c:?}");
        let mut model = Model::default();
        let m = &mut model.kinds[Kind::Commitment as usize];
        (m.bias, m.add, m.keep) = (-4.0, 0.5, 0.5);
        m.weights.insert("w:pledged".into(), 8.0);
        m.weights.insert("w:waive".into(), -8.0);
        m.weights.insert("rule:commitment".into(), 4.0);
        let (c, _, _) = super::decide(&r, &model, c, k, g);
        assert!(found(&c, 1) && !found(&c, 2), "{c:?}");
        let added = c.iter().find(|f| f.evidence[0].line == 1).unwrap();
        assert!(
            added.cues[0].starts_with("learned (0.9"),
            "{:?}",
            added.cues
        );
    }

    #[test]
    fn a_conflict_the_model_adds_must_show_a_disagreement() {
        use super::super::{Reading, commitments, conflicts};
        let rules = crate::rules::Rules::builtin();
        let b = bundle(
            "- We will waive the setup fee for the dispatch team.\n",
            "# Services\n\n- Setup of the dispatch board for the dispatch team.\n- Travel is not included.\n",
        );
        let r = Reading::read(&b, &rules);
        let c = commitments::find(&r);
        assert_eq!(c.len(), 1, "{c:?}");
        // The checks find no conflict here: whatever is found is the model's.
        assert!(conflicts::find(&r, &c, None).is_empty());
        let mut pairs = KindModel {
            bias: 4.0,
            add: 0.5,
            keep: 0.5,
            ..Default::default()
        };
        // Sure of every pair: only the line that excludes something may be one.
        let found = conflicts::find(&r, &c, Some(&pairs));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].evidence[1].line, 4, "{found:?}");
        assert!(found[0].cues[0].starts_with("learned"), "{found:?}");
        pairs.bias = -4.0;
        assert!(conflicts::find(&r, &c, Some(&pairs)).is_empty());
    }

    #[test]
    fn a_rules_only_model_changes_nothing() {
        let model = Model::rules_only();
        for kind in Kind::ALL {
            let m = model.kind(kind);
            assert!(m.decides(true, 0.0) && !m.decides(false, 1.0));
        }
    }

    #[test]
    fn the_thresholds_decide_by_the_rules_verdict() {
        let m = super::KindModel {
            bias: 0.0,
            add: 0.8,
            keep: 0.2,
            weights: Default::default(),
        };
        assert!(m.decides(true, 0.5) && !m.decides(false, 0.5));
        assert!(!m.decides(true, 0.1) && m.decides(false, 0.9));
        assert!((m.probability(&[]) - 0.5).abs() < 1e-12);
    }
}
