//! The handoff analysis: offline, deterministic, every finding citing file and line.
//!
//! One module per finding: [`commitments`], [`conflicts`] (notes against the
//! signed scope), [`risks`], [`goals`], [`stakeholders`], [`missing`] context; the
//! shared ground is [`people`] (who speaks for which side) and [`quantity`]
//! (durations, dates, money and counts, normalised for comparison).

pub mod calendar;
pub mod claims;
pub mod commitments;
pub mod conflicts;
pub mod facts;
pub mod goals;
pub mod learned;
pub mod missing;
pub mod model;
pub mod people;
pub mod quantity;
pub mod risks;
mod scope_text;
pub mod stakeholders;

use crate::bundle::{Bundle, FileRole};
use crate::rules::Rules;
use crate::text::Statement;
pub use model::*;
use people::People;
use serde::Serialize;

/// One statement of one evidence file, ready for the extractors.
#[derive(Debug, Clone)]
pub struct Cited {
    /// Position of the file in the bundle, for indexing without string keys
    /// (its path is [`Reading::path`]: a 16 MB folder holds a quarter of a
    /// million statements, each byte of one is a quarter of a megabyte).
    pub file_index: u32,
    pub role: FileRole,
    pub stmt: Statement,
    /// The statement text, lower-cased once for the cue lexicons.
    pub lower: crate::rules::CueText,
    /// Which statement of its line this is (0 for the first).
    pub nth: u32,
}

impl Cited {
    /// A step of the sales process (an action item, a "next steps" entry): not a
    /// risk or promise of its own.
    pub fn is_process_step(&self, r: &Reading) -> bool {
        r.rules.commitment.next_step.is_match(&self.lower)
            || self
                .stmt
                .heading()
                .is_some_and(|h| r.rules.context.next_step_heading.is_match(h))
    }

    /// The statement as a finding quotes it: whole, unless it runs past what a
    /// reader can take in (a 20 MB line without a full stop).
    pub fn quoted(&self) -> String {
        quote(&self.stmt.text)
    }

    pub fn evidence(&self, r: &Reading) -> Evidence {
        Evidence {
            file: r.path(self).clone(),
            line: self.stmt.line,
        }
    }
}

/// Everything the extractors read: the bundle, its statements and its people.
pub struct Reading<'a> {
    pub bundle: &'a Bundle,
    pub rules: &'a Rules,
    pub people: People,
    /// Statements of notes and other evidence (never the scope: it is what was signed).
    pub said: Vec<Cited>,
    /// Statements of the signed scope.
    pub scope: Vec<Cited>,
    /// The path of each bundle file, shared by the evidence citing it.
    paths: Vec<std::sync::Arc<str>>,
    /// The deal's year, for resolving "March 15" or "end of Q1".
    pub year: i16,
    /// Indices into `said` ordered by (file, line), then by position: the
    /// statements starting on one line are one run of it. (A flat list, not a
    /// map of lists: a 16 MB folder has a quarter of a million lines.)
    by_line: Vec<u32>,
    /// The deal's reference date (closed, else kickoff): a date written without
    /// a year that falls well before it is read as next year's.
    pub reference: jiff::civil::Date,
}

/// The result of analysing one bundle.
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    pub deal: DealRef,
    pub flags: Vec<Flag>,
    /// The flags that are mentions of one claim ([`claims`]): every flag
    /// stays a finding, and the drafts and the review decide a claim once.
    /// A flag in none is a claim of its own.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<claims::Claim>,
    pub goals: Vec<Goal>,
    pub missing: Vec<Missing>,
    pub stakeholders: Vec<Stakeholder>,
    /// Every file of the bundle, read or not (and why not): nothing is skipped silently.
    pub files: Vec<crate::bundle::Listed>,
    /// The brief, checklist, questions, tasks and score drafted from the findings.
    #[serde(flatten)]
    pub drafts: crate::draft::Drafts,
}

/// Analyse a bundle with the given rules.
pub fn analyze(bundle: &Bundle, rules: &Rules) -> Analysis {
    let ev = Reading::read(bundle, rules);
    // The rules find, then the learned model re-decides line by line; the
    // conflicts are read from the commitments both agree on.
    let (commitments, risks, goals) = learned::decide(
        &ev,
        learned::Model::builtin(),
        commitments::find(&ev),
        risks::find(&ev),
        goals::find(&ev),
    );
    let conflicts = conflicts::find(
        &ev,
        &commitments,
        Some(learned::Model::builtin().conflict()),
    );
    let stakeholders = stakeholders::find(&ev);
    let missing = missing::find(&ev, &goals, &stakeholders);
    let reference = ev.reference;
    // The statements are no longer needed: free them before the flags are
    // gathered, so the two never peak together, and before drafting.
    drop(ev);
    let commitments = in_reading_order(one_per_line(commitments), |f| &f.evidence);
    let risks = in_reading_order(one_per_line(risks), |f| &f.evidence);
    let conflicts = in_reading_order(conflicts, |f| &f.evidence);
    let goals = in_reading_order(goals, |g| &g.evidence);
    let mut flags = Vec::with_capacity(commitments.len() + conflicts.len() + risks.len());
    flags.extend(commitments);
    flags.extend(conflicts);
    flags.extend(risks);
    let claims = claims::group(rules, &flags, reference);
    let drafts = crate::draft::draft(
        bundle,
        &crate::draft::Findings {
            rules,
            flags: &flags,
            claims: &claims,
            goals: &goals,
            missing: &missing,
            stakeholders: &stakeholders,
        },
    );
    Analysis {
        drafts,
        deal: DealRef {
            id: bundle.deal.id.clone(),
            name: bundle.deal.name.clone(),
            account: bundle.deal.account.clone(),
        },
        flags,
        claims,
        goals,
        missing,
        stakeholders,
        files: bundle.listing.clone(),
    }
}

/// Lower-case, straight apostrophes, and the contractions hurried notes write
/// without one ("hasnt", "dont"), so one cue list reads every style.
pub fn normalise(text: &str) -> String {
    let ascii = text.is_ascii();
    let mut lower = if ascii {
        text.to_ascii_lowercase()
    } else {
        text.to_lowercase()
    };
    if !ascii && lower.contains(['\u{2019}', '\u{2018}']) {
        lower = lower.replace(['\u{2019}', '\u{2018}'], "'");
    }
    percent_in_figures(expand_contractions(lower))
}

/// "Fifteen per cent", "twenty-five percent" and "8pct" as "15%", "25%" and
/// "8%": every cue and figure rule reads one form of a percentage.
fn percent_in_figures(lower: String) -> String {
    if !(lower.contains("cent") || lower.contains("pct")) {
        return lower;
    }
    static PERCENT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\b(\d+(?:[.,]\d+)?|(?:[a-z]+[- ])?[a-z]+) ?(?:per ?cent|pct)\b")
            .expect("percent pattern compiles")
    });
    PERCENT
        .replace_all(&lower, |c: &regex::Captures| {
            let written = &c[1];
            if written.starts_with(|c: char| c.is_ascii_digit()) {
                return format!("{written}%");
            }
            // "off twenty percent": only the number words are the figure; a
            // bare article is none ("a" reads as 1 only before a unit).
            let not_article = |tail: &str, n: f64| {
                n > 0.0 && !matches!(tail.split([' ', '-']).next(), Some("a" | "an"))
            };
            if let Some((at, n)) = quantity::number_tail(written, not_article) {
                return format!("{}{n}%", &written[..at]);
            }
            c[0].to_string()
        })
        .into_owned()
}

/// Bare contractions and what they stand for.
const CONTRACTIONS: &[(&str, &str)] = &[
    ("hasnt", "hasn't"),
    ("havent", "haven't"),
    ("hadnt", "hadn't"),
    ("cant", "can't"),
    ("dont", "don't"),
    ("doesnt", "doesn't"),
    ("didnt", "didn't"),
    ("wont", "won't"),
    ("isnt", "isn't"),
    ("arent", "aren't"),
    ("wasnt", "wasn't"),
    ("werent", "weren't"),
    ("couldnt", "couldn't"),
    ("shouldnt", "shouldn't"),
    ("wouldnt", "wouldn't"),
    ("theyre", "they're"),
    ("youre", "you're"),
    ("weve", "we've"),
    ("theyll", "they'll"),
    ("youll", "you'll"),
    ("itll", "it'll"),
    ("thats", "that's"),
    ("whats", "what's"),
];

/// Every word of `lower` (a whole run of letters and digits) that is a bare
/// contraction, written out. A lone "weve" stays as written unless the text
/// also holds "nt", "re", "ll" or "ts" (which every other contraction ends in).
fn expand_contractions(lower: String) -> String {
    static FINDER: std::sync::LazyLock<aho_corasick::AhoCorasick> =
        std::sync::LazyLock::new(|| {
            aho_corasick::AhoCorasick::builder()
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                .build(CONTRACTIONS.iter().map(|(bare, _)| bare))
                .expect("contractions compile")
        });
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut out = String::new();
    let mut copied = 0;
    // The bare forms are letters only, none the start of another: a match
    // never hides the start of a whole word after it.
    for m in FINDER.find_iter(&lower) {
        let (start, end) = (m.start(), m.end());
        if is_word(lower[..start].chars().next_back()) || is_word(lower[end..].chars().next()) {
            continue;
        }
        let (bare, full) = CONTRACTIONS[m.pattern().as_usize()];
        if bare == "weve" && !["nt", "re", "ll", "ts"].iter().any(|p| lower.contains(p)) {
            continue;
        }
        if out.is_empty() {
            out.reserve(lower.len() + 8);
        }
        out.push_str(&lower[copied..start]);
        out.push_str(full);
        copied = end;
    }
    if copied == 0 {
        return lower;
    }
    out.push_str(&lower[copied..]);
    out
}

/// Longest text a finding quotes from a statement, in characters.
const QUOTE_LIMIT: usize = 600;

/// Clip `text` to [`QUOTE_LIMIT`] characters, marking the cut.
pub fn quote(text: &str) -> String {
    match text.char_indices().nth(QUOTE_LIMIT) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_string(),
    }
}

/// Several sentences of one line that raise the same kind of flag are one mention.
/// The findings of one kind in the order a reader meets them: by the file and
/// line they cite first (the CRM record, then the files in path order). The
/// rules find in statement order, but the learned model's additions and the
/// CRM's entries come after; a reviewer walks a list in reading order, and a
/// mention compared with another reader's list within a line of it must meet
/// its own line before its neighbour's. A stable sort: two findings of one
/// line keep the order they were found in.
fn in_reading_order<T>(mut found: Vec<T>, evidence: impl Fn(&T) -> &[Evidence]) -> Vec<T> {
    found.sort_by(|a, b| {
        let (a, b) = (evidence(a).first(), evidence(b).first());
        a.map(|e| (e.file.as_ref(), e.line))
            .cmp(&b.map(|e| (e.file.as_ref(), e.line)))
    });
    found
}

fn one_per_line(flags: Vec<Flag>) -> Vec<Flag> {
    let mut seen = foldhash::HashSet::default();
    flags
        .into_iter()
        .filter(|f| seen.insert((f.kind, f.evidence.first().cloned())))
        .collect()
}

impl<'a> Reading<'a> {
    /// What `judge` finds in the statements of the notes, the first finding
    /// of each line only: the sentences of one line are one mention (a risk
    /// or a goal is cited once a line).
    pub(crate) fn first_a_line<T>(&self, mut judge: impl FnMut(&Cited) -> Option<T>) -> Vec<T> {
        let mut lines = foldhash::HashSet::default();
        let mut out = Vec::new();
        for s in &self.said {
            if lines.contains(&(s.file_index, s.stmt.line)) {
                continue;
            }
            if let Some(found) = judge(s) {
                lines.insert((s.file_index, s.stmt.line));
                out.push(found);
            }
        }
        out
    }

    /// The index of the file at `path`.
    pub fn file_index_of(&self, path: &str) -> Option<u32> {
        self.paths
            .iter()
            .position(|p| &**p == path)
            .and_then(|i| u32::try_from(i).ok())
    }

    /// The path of the file with this index.
    pub fn path_of(&self, file_index: u32) -> &std::sync::Arc<str> {
        &self.paths[file_index as usize]
    }

    /// The path of the file a statement comes from.
    pub fn path(&self, c: &Cited) -> &std::sync::Arc<str> {
        &self.paths[c.file_index as usize]
    }

    /// The statements (of notes and other evidence) that start on `line` of `file`.
    pub fn on_line(&self, file_index: u32, line: u32) -> impl DoubleEndedIterator<Item = &Cited> {
        self.run(file_index, line)
            .iter()
            .map(|&i| &self.said[i as usize])
    }

    /// The indices into `said` of the statements starting on `line` of `file`,
    /// in order.
    fn run(&self, file_index: u32, line: u32) -> &[u32] {
        let at = |i: &u32| {
            let c = &self.said[*i as usize];
            (c.file_index, c.stmt.line)
        };
        let start = self.by_line.partition_point(|i| at(i) < (file_index, line));
        let rest = &self.by_line[start..];
        &rest[..rest.partition_point(|i| at(i) == (file_index, line))]
    }

    /// A statement with its neighbours on the same line (one before, one after):
    /// the context a short sentence ("You have our word on that.") leans on,
    /// bounded so a line of a million sentences costs no more than three.
    pub fn beside<'s>(&'s self, s: &'s Cited) -> impl Iterator<Item = &'s Cited> {
        let on_line = self.run(s.file_index, s.stmt.line);
        let me = (s.nth as usize).min(on_line.len().saturating_sub(1));
        let from = me.saturating_sub(1);
        let to = (me + 2).min(on_line.len());
        on_line[from..to].iter().map(|&i| &self.said[i as usize])
    }

    pub fn read(bundle: &'a Bundle, rules: &'a Rules) -> Self {
        let mut said = Vec::new();
        let mut scope = Vec::new();
        let paths = bundle
            .files
            .iter()
            .map(|f| f.path.as_str().into())
            .collect();
        for (file_index, file) in bundle.files.iter().enumerate() {
            let file_index = u32::try_from(file_index).expect("fewer than 4 billion files");
            for mut stmt in file.statements() {
                // The scope is read as signed: no tracked deletion, no word a
                // line end broke (`scope_text`).
                if file.role == FileRole::Scope
                    && let Some(text) = scope_text::signed_text(&stmt.text)
                {
                    stmt.text = text.into_boxed_str();
                }
                let cited = Cited {
                    file_index,
                    role: file.role,
                    lower: rules.cue_text(normalise(&stmt.text)),
                    nth: 0,
                    stmt,
                };
                if cited.role == FileRole::Scope {
                    scope.push(cited);
                } else {
                    said.push(cited);
                }
            }
        }
        let mut people = People::collect(bundle, rules);
        let scope_texts: Vec<&str> = scope.iter().map(|c| &*c.stmt.text).collect();
        people.place_speakers(
            said.iter().map(|c| (c.file_index, &c.stmt)),
            &scope_texts,
            bundle,
            rules,
        );
        let reference = bundle
            .deal
            .closed_on
            .or(bundle.deal.kickoff)
            .unwrap_or_else(|| jiff::civil::date(2026, 1, 1));
        let year = reference.year();
        said.shrink_to_fit();
        let at = |c: &Cited| (c.file_index, c.stmt.line);
        let count = u32::try_from(said.len()).expect("fewer than 4 billion statements");
        let mut by_line: Vec<u32> = (0..count).collect();
        // Stable: the statements of one line keep their order.
        by_line.sort_by_key(|&i| at(&said[i as usize]));
        let mut run_start = 0;
        for k in 0..by_line.len() {
            if k > 0 && at(&said[by_line[k] as usize]) != at(&said[by_line[k - 1] as usize]) {
                run_start = k;
            }
            said[by_line[k] as usize].nth = u32::try_from(k - run_start).unwrap_or(u32::MAX);
        }
        Self {
            bundle,
            rules,
            people,
            by_line,
            paths,
            said,
            scope,
            year,
            reference,
        }
    }
}

/// What the rules see in one statement: for a rule author asking "why was this
/// flagged?" or "why not?".
#[derive(Debug, Clone, Serialize)]
pub struct Explained {
    pub evidence: Evidence,
    pub text: String,
    pub kind: crate::text::StatementKind,
    pub speaker: Option<String>,
    pub heading: Option<String>,
    /// Whose voice the statement carries, as the analysis resolved it.
    pub voice: Option<Side>,
    /// People the statement names, with the side each is on.
    pub named: Vec<(String, Option<Side>)>,
    /// Quantities found, as the conflict detector compares them.
    pub quantities: Vec<String>,
    /// Every lexicon that matched, with what it matched.
    pub matches: Vec<(&'static str, String)>,
    /// The findings the analysis made at this line.
    pub findings: Vec<String>,
    /// The learned model's chance that a careful reader marks the line a
    /// commitment, a risk, a goal (notes only).
    pub learned: Option<[learned::Chance; 3]>,
}

/// Explain every statement that starts on `line` of `file`.
pub fn explain(bundle: &Bundle, rules: &Rules, file: &str, line: u32) -> Vec<Explained> {
    let reading = Reading::read(bundle, rules);
    let analysis = analyze(bundle, rules);
    let (by_rules, risks, goals) = (
        commitments::find(&reading),
        risks::find(&reading),
        goals::find(&reading),
    );
    let verdicts = learned::features::Verdicts::new(&by_rules, &risks, &goals);
    let at = Evidence {
        file: file.into(),
        line,
    };
    let mut findings: Vec<String> = analysis
        .flags
        .iter()
        .filter(|f| f.evidence.contains(&at))
        .map(|f| {
            let cat = f
                .category
                .map(|c| format!(" ({})", c.as_str()))
                .unwrap_or_default();
            format!("{}{cat}: {}", f.kind.as_str(), f.cues.join(", "))
        })
        .collect();
    findings.extend(
        analysis
            .goals
            .iter()
            .filter(|g| g.evidence.contains(&at))
            .map(|g| format!("goal ({})", g.kind.as_str())),
    );
    reading
        .said
        .iter()
        .chain(reading.scope.iter())
        .filter(|c| &**reading.path(c) == file && c.stmt.line == line)
        .map(|c| Explained {
            evidence: c.evidence(&reading),
            text: c.stmt.text.to_string(),
            kind: c.stmt.kind,
            speaker: c.stmt.speaker().map(str::to_string),
            heading: c.stmt.heading().map(str::to_string),
            voice: people::default_voice(&reading.people, &c.stmt, rules),
            named: reading
                .people
                .mentions(&c.lower)
                .into_iter()
                .map(|(_, _, p)| (p.name.clone(), p.side))
                .collect(),
            matches: rules.matching(&c.lower),
            quantities: quantity::find_quantities(&c.stmt.text, reading.year)
                .into_iter()
                .map(|f| format!("{:?}", f.quantity))
                .collect(),
            findings: findings.clone(),
            learned: learned::chances_at(
                &reading,
                learned::Model::builtin(),
                &verdicts,
                &c.evidence(&reading),
            ),
        })
        .collect::<Vec<_>>()
        .into_iter()
        .inspect(|_| findings.clear())
        .collect()
}

#[cfg(test)]
mod tests;
