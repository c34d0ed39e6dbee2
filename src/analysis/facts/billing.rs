//! How invoicing runs, as a statement about paying says it: how often, in
//! advance or in arrears, and from when.

use super::{Fact, Topic, Value};
use crate::rules::{CueText, Rules};

/// The bits of `pair_facts.billing_period`'s first (annually) and fourth
/// (twice a year) families.
const ANNUALLY: u64 = 1;
const TWICE_A_YEAR: u64 = 1 << 3;

/// How a statement about paying says invoicing runs: how often ("invoiced
/// annually", "Bill us quarterly", "facturación trimestral"), in advance or
/// in arrears, and from when ("billing starts at go-live", "the first invoice
/// is issued on the Effective Date"). A statement naming two rhythms or both
/// timings ("annual fee, billed monthly") states neither.
pub(super) fn billing(rules: &Rules, lower: &CueText) -> Vec<Fact> {
    let p = &rules.pair_facts;
    let mut out = Vec::new();
    let one = |bits: u64| (bits.count_ones() == 1).then(|| bits.trailing_zeros() as u8);
    // "Semi-annually", "half-yearly" hold the word for a year: twice a year
    // (the fourth family) is no annual bill as well.
    let mut every = p.billing_period.families(lower);
    if every & TWICE_A_YEAR != 0 {
        every &= !ANNUALLY;
    }
    if let Some(i) = one(every) {
        out.push(Fact::new(Topic::BillingPeriod, Value::Every(i)));
    }
    if let Some(i) = one(p.billing_timing.families(lower)) {
        out.push(Fact::new(Topic::BillingTiming, Value::Timing(i)));
    }
    if p.billed_from_go_live.is_match(lower) {
        out.push(Fact::new(
            Topic::BillingStart,
            Value::BilledFromGoLive(true),
        ));
    } else if p.billed_from_signing.is_match(lower) {
        out.push(Fact::new(
            Topic::BillingStart,
            Value::BilledFromGoLive(false),
        ));
    }
    out
}
