//! Cue lexicons and category words.
//!
//! The analysis is a set of readable rules: every list of cues lives in
//! `assets/rules.toml` (compiled in), and a user can extend any list from a
//! `rules.toml` in baton's config directory. Each entry is a regular expression in
//! the `regex` crate's syntax (linear time, no backtracking), matched without case;
//! an entry that starts or ends with a letter or digit only matches whole words.

pub(crate) mod cues;
mod lexicon;
pub mod word_regex;

use cues::{CueIndex, CueIndexBuilder};
pub use cues::{CueText, Haystack};
pub use lexicon::Lexicon;
pub(crate) use lexicon::lower_in_place;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The rules shipped with baton.
pub const DEFAULT_RULES: &str = include_str!("../../assets/rules.toml");

/// An error in a rules file, naming the file and the line.
#[derive(Debug)]
pub struct RulesError {
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
    /// The pattern that did not compile, so the caller can find its line.
    bad_pattern: Option<String>,
}

impl std::fmt::Display for RulesError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for RulesError {}

/// Declares the lexicon sections once: the raw (TOML) form, its merge, and the
/// compiled form, so a new list is one line here and one list in the TOML.
macro_rules! lexicons {
    ($( $section:ident : $Raw:ident => $Compiled:ident { $( $field:ident ),* $(,)? } )*) => {
        $(
            #[derive(Debug, Default, Clone, Deserialize)]
            #[serde(deny_unknown_fields)]
            struct $Raw { $( #[serde(default)] $field: Vec<String>, )* }

            impl $Raw {
                fn extend(&mut self, other: $Raw) {
                    $( self.$field.extend(other.$field); )*
                }
            }

            /// Compiled lexicons of one section of `rules.toml`.
            #[derive(Debug, Clone)]
            pub struct $Compiled { $( pub $field: Lexicon, )* }

            impl $Compiled {
                /// Each list compiled; those `user` extends are built at once.
                fn compile(
                    raw: &$Raw,
                    user: &$Raw,
                    source: &str,
                    index: &mut CueIndexBuilder,
                ) -> Result<Self, RulesError> {
                    Ok(Self { $( $field: Lexicon::compile(
                        concat!(stringify!($section), ".", stringify!($field)),
                        &raw.$field,
                        source,
                        index,
                        !user.$field.is_empty(),
                    )?, )* })
                }

                #[cfg(test)]
                fn lists(&self) -> Vec<(&'static str, &Lexicon)> {
                    vec![ $( (concat!(stringify!($section), ".", stringify!($field)), &self.$field), )* ]
                }

                fn matching<H: Haystack + ?Sized>(&self, text: &H, out: &mut Vec<(&'static str, String)>) {
                    $( if let Some((_, _, m)) = self.$field.find(text) {
                        out.push((concat!(stringify!($section), ".", stringify!($field)), m.to_string()));
                    } )*
                }
            }
        )*

        #[derive(Debug, Default, Clone, Deserialize)]
        #[serde(deny_unknown_fields)]
        struct RawRules { $( #[serde(default)] $section: $Raw, )* }

        impl RawRules {
            fn extend(&mut self, other: RawRules) {
                $( self.$section.extend(other.$section); )*
            }
        }

        /// Every lexicon the analysis uses, compiled.
        #[derive(Debug, Clone)]
        pub struct Rules {
            $( pub $section: $Compiled, )*
            /// The literals every list's matches start with, to skip lists
            /// that cannot match a statement.
            cues: CueIndex,
            /// The bit of [`SELLER_VERBS`] in the cue index.
            seller_verbs: cues::CueSet,
        }

        impl Rules {
            /// The lists of `raw` compiled; those `user` extends are built at
            /// once, so a pattern that will not build is reported at load.
            fn compile(raw: &RawRules, user: &RawRules, source: &str) -> Result<Self, RulesError> {
                let mut index = CueIndexBuilder::default();
                // First, so it always has a bit: the index holds 256 lists
                // (a list past them is never skipped, which costs time, not
                // findings).
                let seller_verbs =
                    index.add(SELLER_VERBS.map(|v| regex::escape(&format!(" {v}"))).iter().map(String::as_str));
                $( let $section = $Compiled::compile(&raw.$section, &user.$section, source, &mut index)?; )*
                Ok(Self { $( $section, )* cues: index.build(), seller_verbs })
            }

            /// Every list, by name.
            #[cfg(test)]
            fn lists(&self) -> Vec<(&'static str, &Lexicon)> {
                let mut out = Vec::new();
                $( out.extend(self.$section.lists()); )*
                out
            }

            /// False only when `text` holds none of the [`SELLER_VERBS`] after a
            /// space, so names no seller as the subject of a promise.
            pub fn may_hold_seller_verb(&self, text: &CueText) -> bool {
                text.may_match(self.seller_verbs)
            }

            /// `text` (already lower-cased) with the lists that may match it,
            /// found in one pass: a list that cannot match is skipped at once.
            pub fn cue_text(&self, text: String) -> CueText {
                CueText::new(&self.cues, text)
            }

            /// Every lexicon that matches `text` (lower-cased), with the first
            /// match of each: what `baton explain` shows a rule author.
            /// A [`CueText`] skips the lists that cannot match it.
            pub fn matching<H: Haystack + ?Sized>(&self, text: &H) -> Vec<(&'static str, String)> {
                let mut out = Vec::new();
                $( self.$section.matching(text, &mut out); )*
                out
            }
        }
    };
}

/// What may follow a seller's name to make it the subject of a promise
/// ("Quarry will", "Elena is going to", and in minutes and legal drafting
/// "Qualinova shall", "Qualinova confirmed"): grammar, not a list to extend.
pub const SELLER_VERBS: [&str; 10] = [
    "will",
    "would",
    "is going to",
    "are going to",
    "can",
    "shall",
    "confirmed",
    "agreed",
    "committed",
    "has agreed",
];

lexicons! {
    people: RawPeople => PeopleRules {
        seller_titles, executive_titles, top_executive_titles, customer_user_roles, sponsor_cues, customer_labels,
        seller_answer_labels,
        ae_cues, csm_cues, addressed_role, labels, self_introduction, colleague_introduction, title_words,
        seller_fields,
    }
    commitment: RawCommitment => CommitmentRules {
        promise, seller_first_person, decision_label, second_person, concession, strong, negation, hypothetical,
        request, acceptance, reported_yes, next_step, standard_terms, internal, not_promise, promise_heading,
        benefactive,
    }
    category: RawCategory => CategoryRules {
        timeline, discount, integration, scope, custom, special, free_period, waiver, price_lock,
        scope_first,
    }
    systems: RawSystems => SystemRules { names }
    risk: RawRisk => RiskRules {
        cues, doubt, price_pressure, failed_before, leaving, pending, event_deadline, system_change,
        competitor_price, competitor_disarmed, season_deadline, budget_missing, data_gap, lost_if_late,
        objection_question, budget, weak, settled, not_risk,
    }
    goal: RawGoal => GoalRules {
        want, target, heading, buyer, user, user_subjects, not_goal, seller_wish, success, dated,
        first_outcome, figure_target, measured, deferred,
    }
    context: RawContext => ContextRules {
        implementation, kickoff, kickoff_languages, event_reference, first_value,
        first_milestone_languages, part_live, undated,
        unfixed, task_opening, non_statement, next_step_heading,
    }
    scope: RawScope => ScopeRules {
        exclusion, exclusion_heading, no_discount, service_terms, remote_only, billing_start,
        boilerplate, price_increase, enumeration, supplier_party,
    }
    facts: RawFacts => FactRules {
        hosting, places, on_premises, support, all_hours, limited_hours, channels, response,
        severity, services, availability, go_live, included, payment, instalments, single_payment, onsite, remote, prices, price_held,
        price_rises, indices, free, no_concession, charged, two_way, one_way,
    }
    pair_facts: RawPairFacts => PairFactRules {
        prices, price_held, price_rises, free, no_concession, hosting, all_hours, limited_hours,
        response, instalments, payment, go_live, schedule_anchor, schedule_milestone, schedule_rough, schedule_outer_bound, onsite, remote, all_services,
        billing_period, billing_timing, billed_from_go_live, billed_from_signing,
        languages, more_languages, language_cue, language_object, languages_open, places, support, weekdays, working_week, weekend, six_day_week,
        partial_cover, frequency, exchange, fixed_rate, currencies, more_currencies, currency_kinds,
        currency_lead, currency_only, currency_cue, currency_indicative, currency_refused,
        currency_generic, response_heading, count_units, count_cap,
        count_unlimited, count_all, count_both, count_ordinal, count_subset, count_time_units, index_waived, alternative, reach, one_payment, recurring_in_advance, one_time_fee,
    }
}

pub(crate) use crate::text::{line_of, one_line};

fn parse_raw(text: &str, source: &str) -> Result<RawRules, RulesError> {
    toml::from_str::<RawRules>(text).map_err(|e| RulesError {
        path: source.to_string(),
        line: e.span().map(|span| line_of(text, span.start)),
        message: one_line(e.message()),
        bad_pattern: None,
    })
}

impl Rules {
    /// The compiled-in rules alone.
    pub fn builtin() -> Self {
        Self::from_sources(&[]).expect("the built-in rules.toml is valid (tested)")
    }

    /// The built-in rules extended by each `(path, text)` user file, in order.
    pub fn from_sources(extra: &[(&str, &str)]) -> Result<Self, RulesError> {
        let mut raw = parse_raw(DEFAULT_RULES, "assets/rules.toml")?;
        let mut user = RawRules::default();
        for (path, text) in extra {
            user.extend(parse_raw(text, path)?);
        }
        raw.extend(user.clone());
        Rules::compile(&raw, &user, "rules").map_err(|mut err| {
            // Name the file and line that hold the bad pattern.
            let sources =
                std::iter::once(("assets/rules.toml", DEFAULT_RULES)).chain(extra.iter().copied());
            if let Some(pattern) = &err.bad_pattern {
                let written = format!("{pattern:?}");
                for (path, text) in sources {
                    if let Some(at) = text.find(&written) {
                        err.path = path.to_string();
                        err.line = Some(line_of(text, at));
                    }
                }
            } else if let [(path, _)] = extra {
                // A list that parses but will not build (a size limit) is one
                // a user file extends: only those are built at load.
                err.path = path.to_string();
            }
            err
        })
    }

    /// The built-in rules extended by the user's file, when it exists.
    pub fn load(user_file: Option<&Path>) -> Result<Self, RulesError> {
        let Some(path) = user_file.filter(|p| p.exists()) else {
            return Self::from_sources(&[]);
        };
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| RulesError {
            path: shown.clone(),
            line: None,
            message: one_line(&e.to_string()),
            bad_pattern: None,
        })?;
        Self::from_sources(&[(&shown, &text)])
    }
}

/// Where a user's `rules.toml` lives: baton's config directory.
pub fn user_rules_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "baton").map(|d| d.config_dir().join("rules.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_compile() {
        let rules = Rules::builtin();
        // Built on first use at run time: each must build, both forms.
        for (list, lexicon) in rules.lists() {
            if let Err(e) = lexicon.force() {
                panic!("{list} does not build: {e}");
            }
        }
        assert!(
            rules
                .commitment
                .promise
                .is_match("we'll make sure it is live")
        );
    }

    /// The ASCII twin of every shipped list finds what its Unicode form finds
    /// on text without non-ASCII word characters (dashes, quotes, currency
    /// signs and all), the only text it is asked about.
    #[test]
    fn every_lists_twin_finds_what_its_unicode_form_finds() {
        let rules = Rules::builtin();
        let texts = [
            "we'll have it live by 3 march — before the season starts; no charge for the 2nd site",
            "if maria leaves before go-live, the rollout slips 6 wks: the board hasn't signed off yet",
            "from 71% to 85% within 12 months, down from 4 hrs to 30 mins (net 30, €5/user)",
            "“we promise” said jo o’neil, head of ops at acme — support 24/7, p1 in 2 hours",
            "the cfo isn't convinced the crews will use it; budget is $40k vs £52,000 quoted",
            "q1 2027: kickoff wk 3, training on-site x2 days, sso + sap s/4hana two-way sync",
        ];
        let mut compared = 0;
        for (list, lexicon) in rules.lists() {
            for text in texts {
                assert!(lexicon.twin_agrees(text), "{list} on {text:?}");
                compared += 1;
            }
        }
        assert!(compared > 1000, "{compared}");
    }

    #[test]
    fn seller_verbs_are_marked_only_where_one_follows_a_space() {
        let rules = Rules::builtin();
        let marked = |t: &str| rules.may_hold_seller_verb(&rules.cue_text(t.to_string()));
        for verb in SELLER_VERBS {
            assert!(marked(&format!("quarry {verb} host it")), "{verb}");
            assert!(marked(&format!("quarry's team {verb} host it")), "{verb}");
        }
        assert!(!marked("quarry hosts it; wil, woul and ca"));
        assert!(!marked("will do"), "a verb opening the text has no subject");
    }

    #[test]
    fn user_rules_extend_lists() {
        let user = "[systems]\nnames = [\"Frobnicator\"]\n";
        let rules = Rules::from_sources(&[("my/rules.toml", user)]).unwrap();
        assert!(
            rules
                .systems
                .names
                .is_match("sync with Frobnicator nightly")
        );
        assert!(rules.systems.names.is_match("Salesforce"));
    }

    #[test]
    fn unknown_key_names_file_and_line() {
        let user = "[systems]\nnames = []\n\n[risk]\ncuess = [\"x\"]\n";
        let err = Rules::from_sources(&[("my/rules.toml", user)]).unwrap_err();
        assert_eq!(err.path, "my/rules.toml");
        assert_eq!(err.line, Some(5), "{err}");
        assert!(err.to_string().contains("cuess"), "{err}");
    }

    #[test]
    fn bad_regex_is_named() {
        let user = "[risk]\ncues = [\"(unclosed\"]\n";
        let err = Rules::from_sources(&[("r.toml", user)]).unwrap_err();
        assert!(err.to_string().contains("risk.cues"), "{err}");
        assert_eq!((err.path.as_str(), err.line), ("r.toml", Some(2)));
        assert!(err.to_string().contains("(unclosed"), "{err}");
    }

    #[test]
    fn a_users_list_that_will_not_build_is_refused_at_load_naming_the_file() {
        let user = "[risk]\ncues = [\"(?:\\\\w{100}){100}\"]\n";
        let err = Rules::from_sources(&[("r.toml", user)]).unwrap_err();
        assert_eq!(err.path, "r.toml", "{err}");
        assert!(err.to_string().contains("risk.cues"), "{err}");
        assert!(err.to_string().contains("size limit"), "{err}");
    }

    #[test]
    fn toml_syntax_error_has_line() {
        let err = Rules::from_sources(&[("r.toml", "[risk]\ncues = [\"a\",\n")]).unwrap_err();
        assert!(err.line.is_some(), "{err}");
    }
}
