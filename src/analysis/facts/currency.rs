//! The currency invoices are issued or fees paid in, where a statement about
//! invoicing or paying names it in that place: "we invoice you in TTD",
//! "payable in USD only", "se factura en pesos", "Currency: EUR". A figure
//! attached to a code ("USD 9,800", "9.800 EUR") states an amount, not the
//! currency paid in, and a currency shown for information ("GHS amounts are
//! indicative only") or refused ("billing in pesos isn't something we can
//! do") is not one invoiced.

use super::{Fact, Topic, Value};
use crate::rules::{CueText, Lexicon, Rules};

/// The currencies `lower` says invoices are issued or fees paid in, as a
/// [`Value::Currencies`]: `named` holds the bits of `pair_facts.currencies`
/// (then `more_currencies` from bit 64), `vague` the bits a shared name may be
/// ("pesos": every peso of `currencies`), `kinds` the shared names
/// (`pair_facts.currency_kinds`) for the summary.
pub(super) fn currencies(rules: &Rules, lower: &CueText) -> Option<Value> {
    let p = &rules.pair_facts;
    let named_any = p.currencies.is_match(lower) || p.more_currencies.is_match(lower);
    if !named_any && !p.currency_kinds.is_match(lower) {
        return None;
    }
    let paying = rules.facts.payment.is_match(lower)
        || p.payment.is_match(lower)
        || p.currency_cue.is_match(lower);
    if !paying {
        return None;
    }
    let text: &str = lower;
    let shift = p.currencies.len().min(64);
    // Every currency named: (start, end, bits, kinds), a shared name with its
    // kind's bits and candidates.
    let mut mentions: Vec<(usize, usize, u128, u16)> = Vec::new();
    for (list, offset) in [(&p.currencies, 0), (&p.more_currencies, shift)] {
        for (a, b) in list.find_all(lower) {
            let bits = u128::from(list.families(&text[a..b])) << offset;
            mentions.push((a, b, bits, 0));
        }
    }
    for (a, b) in p.currency_kinds.find_all(lower) {
        // "New Zealand dollars" is one currency, not the dollar in general.
        if mentions.iter().any(|&(x, y, _, _)| x < b && a < y) {
            continue;
        }
        let kinds = p.currency_kinds.families(&text[a..b]);
        mentions.push((a, b, candidates(rules, kinds), kinds as u16));
    }
    mentions.sort_by_key(|m| m.0);
    let (mut named, mut vague, mut kinds) = (0u128, 0u128, 0u16);
    let mut listing = false;
    for (a, b, bits, kind) in mentions {
        let before = text[..a].trim_end();
        let after = text[b..].trim_start();
        let digit = |c: char| c.is_ascii_digit();
        let amount = after.starts_with(digit) || before.ends_with(digit);
        let led = ends_with_match(&p.currency_lead, before);
        // "in USD or EUR", "en pesos o dólares": the ones listed after it.
        let listed = listing
            && [" and", " or", " y", " o", " ou", " et", " e", ",", "/", "&"]
                .iter()
                .any(|w| before.ends_with(w));
        let only = p
            .currency_only
            .find(after)
            .is_some_and(|(start, _, _)| start == 0);
        listing = !amount && (led || listed);
        let clause = |ends: &[&str]| clause(text, a, b, ends);
        let p = &rules.pair_facts;
        if amount
            || !(led || listed || only)
            || p.currency_indicative
                .is_match(clause(&[". ", ";", "(", ")", " but "]))
            || p.currency_refused
                .is_match(clause(&[". ", ";", "(", ")", " but ", ", ", ": "]))
        {
            continue;
        }
        if kind == 0 {
            named |= bits;
        } else {
            vague |= bits;
            kinds |= kind;
        }
    }
    (named | vague != 0).then_some(Value::Currencies {
        named,
        vague,
        kinds,
    })
}

/// Whether a match of `list` ends where `before` ends.
fn ends_with_match(list: &Lexicon, before: &str) -> bool {
    list.find_all(before)
        .last()
        .is_some_and(|&(_, end)| end == before.len())
}

/// The currencies a shared name may be: each family of `currencies` and
/// `more_currencies` that holds the stem of the kind's first word ("dollar",
/// "peso", "rupee").
fn candidates(rules: &Rules, kinds: u64) -> u128 {
    let p = &rules.pair_facts;
    let shift = p.currencies.len().min(64);
    let mut out = 0u128;
    for k in (0..64).filter(|k| kinds & (1 << k) != 0) {
        let Some(stem) = p.currency_kinds.entry(k).map(stem) else {
            continue;
        };
        for (list, offset) in [(&p.currencies, 0), (&p.more_currencies, shift)] {
            for i in 0..list.len().min(64) {
                if list.entry(i).is_some_and(|e| e.contains(stem.as_str())) {
                    out |= 1u128 << (i + offset);
                }
            }
        }
    }
    out
}

/// The letters a family's first word starts with: "dollar" of
/// `\b(?:dollars?|dólar(?:es)?)\b`.
fn stem(entry: &str) -> String {
    entry
        .trim_start_matches("\\b")
        .trim_start_matches("(?:")
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .trim_end_matches('s')
        .to_string()
}

/// The clause around `text[a..b]`: from the last of `ends` before it to the
/// first after it.
fn clause<'t>(text: &'t str, a: usize, b: usize, ends: &[&str]) -> &'t str {
    let start = ends
        .iter()
        .filter_map(|e| text[..a].rfind(e).map(|i| i + e.len()))
        .max()
        .unwrap_or(0);
    let end = ends
        .iter()
        .filter_map(|e| text[b..].find(e).map(|i| b + i))
        .min()
        .unwrap_or(text.len());
    &text[start..end]
}

/// The short names of the currencies in `bits` ("USD, TTD").
pub(super) fn names(rules: &Rules, bits: u128) -> Vec<String> {
    let p = &rules.pair_facts;
    let shift = p.currencies.len().min(64);
    (0..128)
        .filter(|i| bits & (1u128 << i) != 0)
        .filter_map(|i| {
            if i < shift {
                p.currencies.entry(i)
            } else {
                p.more_currencies.entry(i - shift)
            }
        })
        .map(|e| {
            let name: String = e
                .trim_start_matches("\\b")
                .trim_start_matches("(?:")
                .split('|')
                .next()
                .unwrap_or(e)
                .trim_end_matches(")\\b")
                .replace("s?", "s");
            if name.len() == 3 {
                name.to_uppercase()
            } else {
                name
            }
        })
        .collect()
}

/// The shared names in `kinds` ("dollars", "pesos").
pub(super) fn kind_names(rules: &Rules, kinds: u16) -> Vec<String> {
    (0..16)
        .filter(|k| kinds & (1 << k) != 0)
        .filter_map(|k| rules.pair_facts.currency_kinds.entry(k))
        .map(|e| format!("{}s", stem(e)))
        .collect()
}

/// Every currency `facts` say invoices are issued or fees paid in, as one
/// fact: a scope grants a currency whichever of its lines names it ("The
/// subscription is invoiced in euros. The implementation fee is invoiced in
/// ariary.").
pub fn currencies_of<'a>(facts: impl IntoIterator<Item = &'a Fact>) -> Option<Fact> {
    let (mut named, mut vague, mut kinds) = (0u128, 0u128, 0u16);
    for f in facts {
        if let Value::Currencies {
            named: n,
            vague: v,
            kinds: k,
        } = f.value
        {
            (named, vague, kinds) = (named | n, vague | v, kinds | k);
        }
    }
    (named | vague != 0).then(|| {
        Fact::new(
            Topic::Currency,
            Value::Currencies {
                named,
                vague,
                kinds,
            },
        )
    })
}
