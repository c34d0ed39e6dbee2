//! Which rules of the grammar could match a text, from one scan for the
//! literals their matches must contain ("week", "%", a digit, "q1"...).
//!
//! Each rule's regex is case-insensitive; its literals are read from the
//! pattern as written (lower case) and looked for without ASCII case. On a
//! text without the two non-ASCII letters that fold to ASCII ones (the long
//! s and the Kelvin sign) that finds every place a match could spell them.
//! A text that holds no quantity, most of them, is then read by no rule.

use crate::rules::cues::LiteralSets;
use std::collections::BTreeMap;

/// One bit per rule, in the grammar's order.
pub(super) type RuleSet = u32;

const EVERY: RuleSet = RuleSet::MAX;

pub(super) struct RuleGate {
    /// Each literal with the rules it belongs to; `None` runs every rule.
    literals: Option<LiteralSets>,
    /// Rules with no literal to look for: always run.
    ungated: RuleSet,
}

impl RuleGate {
    pub(super) fn new<'p>(patterns: impl IntoIterator<Item = &'p str>) -> Self {
        let mut literals: BTreeMap<Vec<u8>, u64> = BTreeMap::new();
        let mut ungated = 0;
        for (i, pattern) in patterns.into_iter().enumerate() {
            let Some(bit) = 1u32.checked_shl(i as u32) else {
                break;
            };
            // Only a pattern case-insensitive as a whole (or not at all) is
            // read: its literals as written, matched without ASCII case.
            let body = pattern.strip_prefix("(?i)").unwrap_or(pattern);
            match crate::rules::cues::contained_literals(body).filter(|_| !body.contains("(?i")) {
                Some(found) => {
                    for literal in found {
                        *literals.entry(literal.to_ascii_lowercase()).or_default() |=
                            u64::from(bit);
                    }
                }
                None => ungated |= bit,
            }
        }
        let literals = LiteralSets::new(
            literals
                .into_iter()
                .map(|(l, set)| (l, u128::from(set)))
                .collect(),
            true,
        );
        Self {
            ungated: if literals.is_some() { ungated } else { EVERY },
            literals,
        }
    }

    /// The rules that may match `text`.
    pub(super) fn rules_in(&self, text: &str) -> RuleSet {
        let Some(literals) = &self.literals else {
            return EVERY;
        };
        if !text.is_ascii() && text.contains(['\u{17F}', '\u{212A}']) {
            return EVERY;
        }
        // Only rule bits were set.
        self.ungated | literals.scan(text) as RuleSet
    }
}

#[cfg(test)]
mod tests {
    use super::super::grammar::RULES;
    use super::*;

    /// Texts with quantities of every kind, in mixed case, beside some without.
    const TEXTS: &[&str] = &[
        "Go-live in FOUR Weeks, maybe 6 wks; a couple of days of slack",
        "Half a day of training, half-day onsite, one and a half months",
        "US$12,000/yr, €5k per month, £300 monthly, 20K USD, 3 million dollars",
        "12% off, twelve percent, 5 per cent, 7 PCT discount",
        "a dozen seats, 40 Creator licences, twenty-one users, a couple of sites",
        "2026-09-14, 9/14, 9/14/2026, March 15, 15th of March 2027, the week of Jun 3",
        "end of March, mid-April, early May, MAY 2026, by Sept.",
        "Q3, end of Q1 2027, the third quarter, 4th Quarter of FY2026, q2 '27",
        "EOY, end of the calendar year, year-end, end of 2026",
        "EOM March, june eom",
        "Nothing measurable here at all.",
        "We may revisit; the mood was good; someone often said \"done\".",
        "ſeptember 5 and 5 \u{212A}m",
        "",
    ];

    #[test]
    fn a_rule_the_gate_rules_out_finds_nothing() {
        let gate = RuleGate::new(RULES.iter().map(|(_, re)| re.as_str()));
        let mut ran = 0;
        for text in TEXTS {
            let set = gate.rules_in(text);
            for (i, (rule, re)) in RULES.iter().enumerate() {
                if set & (1 << i) == 0 {
                    assert!(
                        re.for_text(text).find(text).is_none(),
                        "{rule:?} ruled out of {text:?} but matches"
                    );
                } else {
                    ran += 1;
                }
            }
        }
        // The gate is a filter: it rules most rules out of most texts.
        assert!(ran < TEXTS.len() * RULES.len() / 2, "{ran}");
        assert_eq!(
            gate.rules_in("Nothing measurable here at all.") & gate.ungated,
            gate.ungated
        );
    }

    #[test]
    fn the_rule_set_keeps_exactly_the_rules_that_match() {
        use super::super::grammar::matching_rules;
        use crate::rules::word_regex::ascii_bounds_agree;
        let extra = [
            "café in 4 weeks, Zoë's 12 seats",
            "“4 weeks” at £0 — maybe",
            "by 3/4, or 2026-01-02; Q3 '27 and mid-May",
        ];
        for text in TEXTS.iter().chain(&extra) {
            let agree = ascii_bounds_agree(text);
            let kept = matching_rules(text, agree, EVERY);
            for (i, (rule, re)) in RULES.iter().enumerate() {
                let matches = re.on(agree).is_match(text);
                assert!(
                    kept & (1 << i) != 0 || !matches,
                    "{rule:?} dropped from {text:?} but matches"
                );
                if agree {
                    assert_eq!(kept & (1 << i) != 0, matches, "{rule:?} on {text:?}");
                }
            }
            // Only rules asked about are kept.
            assert_eq!(matching_rules(text, agree, 0b101) & !0b101, 0);
        }
    }

    #[test]
    fn every_rule_has_literals() {
        let gate = RuleGate::new(RULES.iter().map(|(_, re)| re.as_str()));
        assert_eq!(gate.ungated, 0, "{:b}", gate.ungated);
    }
}
