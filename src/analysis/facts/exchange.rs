//! How an amount in one currency is paid in another: at a rate fixed when the
//! deal was made ("at a fixed rate of Rs. 280 per USD", "we fix it at the
//! signing day's rate", "fixed in pesos, no UF"), or at the rate of the day
//! of invoice or payment, or of an index, as contracts write it.

use super::Value;
use crate::rules::{CueText, Rules};

/// The exchange term `lower` states: [`Value::FixedRate`] where a statement
/// about converting currencies fixes the rate, [`Value::FloatingRate`] where
/// it converts without fixing one; none where it speaks of no conversion.
pub(super) fn rate(rules: &Rules, lower: &CueText) -> Option<Value> {
    let p = &rules.pair_facts;
    if !p.exchange.is_match(lower) {
        return None;
    }
    Some(if p.fixed_rate.is_match(lower) {
        Value::FixedRate
    } else {
        Value::FloatingRate
    })
}
