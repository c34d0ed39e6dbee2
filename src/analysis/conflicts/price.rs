//! Price checks: a concession against a scope that grants none or charges
//! in full, and what makes a scope line a price (a figure, a fee table's row).

use super::checks::found;
use super::{Claim, Contradiction, ScopeLine, Support};
use crate::analysis::Reading;
use crate::analysis::model::Category;
use crate::analysis::quantity::Quantity;

/// A price on the line: money, or a fee table's figure ("2,400.00",
/// "8,00,000").
pub(super) fn names_price(text: &str, r: &Reading) -> bool {
    static FIGURE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\d[\d,. ]*[.,]\d\d\b|\b\d{1,3}(?:[,.]\d{2,3})+\b")
            .expect("figure pattern compiles")
    });
    FIGURE.is_match(text)
        || crate::analysis::quantity::find_quantities_from(text, r.reference)
            .iter()
            .any(|f| matches!(f.quantity, Quantity::Money { amount, .. } if amount > 0.0))
}

/// Whether a line ends in a price, as a fee schedule's rows do ("Implementation
/// and configuration    one-off    14,500.00").
pub(super) fn ends_in_price(text: &str) -> bool {
    static END: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"\s{2,}[^\s]*\d[\d,]*[.,]\d\d\s*$|\s{2,}(?:[$€£₹]|rs\.?|usd|eur|inr)\s?\d[\d,.]*\s*$",
        )
        .expect("row price pattern compiles")
    });
    END.is_match(text)
}

/// Two or more percentages that add up to a whole: the shares of a payment
/// schedule ("30% / 40% / 30%"), not discount rates.
pub(super) fn payment_split(quantities: &[Quantity]) -> bool {
    let shares: Vec<f64> = quantities
        .iter()
        .filter_map(|q| match q {
            Quantity::Percent { value, .. } => Some(*value),
            _ => None,
        })
        .collect();
    shares.len() >= 2 && (shares.iter().sum::<f64>() - 100.0).abs() < 0.5
}

/// Price concessions: against "no discount / list price", a fee still charged,
/// billing from day one, a renewal increase against a price hold, or a different
/// discount rate.
pub(super) fn price(
    claim: &Claim,
    line: &ScopeLine,
    support: &Support,
    overlap: f64,
) -> Option<Contradiction> {
    if let Some(c) = longer_free_period(claim, line, overlap) {
        return Some(c);
    }
    if !(claim.category == Category::Discount || claim.concession) || support.concession {
        return None;
    }
    let discount = claim.category == Category::Discount;
    if line.no_discount && discount {
        // "Discount: none" answers a discount more directly than "list price".
        let direct = if line.mentions_discount { 2.0 } else { 0.0 };
        return found(
            9.0 + direct + overlap,
            Category::Discount,
            "discount against list price",
            "Notes grant a price concession; the signed scope has none.".into(),
        );
    }
    let priced = line.mentions_discount || line.cited.lower.contains(" off");
    // Shares of a payment ("30% on acceptance / 70% after UAT") are no rate.
    let split = payment_split(&claim.quantities) || payment_split(&line.quantities);
    for a in claim.quantities.iter().filter(|_| !split) {
        // A rate another scope line states on the same topic is the scope's own
        // ("Discount, first year (20 %)"): a second rate in the table (a 100 %
        // implementation discount) is another concession, not a different one.
        if support.agreed.contains(a) {
            continue;
        }
        if let Quantity::Percent { value: x, .. } = a {
            for b in &line.quantities {
                if let Quantity::Percent { value: y, .. } = b
                    && (x - y).abs() > 0.01
                    && priced
                {
                    return found(
                        7.0 + overlap,
                        Category::Discount,
                        "different discount",
                        format!("Notes say {x}%; the signed scope says {y}%."),
                    );
                }
            }
        }
    }
    if !discount {
        return None;
    }
    let charges = line
        .quantities
        .iter()
        .any(|q| matches!(q, Quantity::Money { amount, .. } if *amount > 0.0));
    let same_amount = claim.quantities.iter().any(|a| {
        matches!(a, Quantity::Money { .. })
            && line
                .quantities
                .iter()
                .any(|b| a.agrees_with(b) == Some(true))
    });
    if claim.waiver && charges && !line.concession && same_amount {
        return found(
            8.0 + overlap,
            Category::Discount,
            "waived fee still charged",
            "Notes waive a fee that the signed scope charges in full.".into(),
        );
    }
    if claim.free_period && line.bills_from_start {
        return found(
            6.0 + overlap,
            Category::Discount,
            "free period against billing from the start",
            "Notes promise a free period; the signed scope bills from the start date.".into(),
        );
    }
    if claim.price_lock && line.price_rises {
        return found(
            6.0 + overlap,
            Category::Discount,
            "price hold against a renewal increase",
            "Notes hold the price; the signed scope lets it rise.".into(),
        );
    }
    None
}

/// A free period promised longer than the one the scope grants: "first
/// three months free" against "Subscription waived for the first two (2)
/// months". The scope records a concession of the same kind, so the guard that
/// a recorded concession agrees does not apply: the lengths decide.
fn longer_free_period(claim: &Claim, line: &ScopeLine, overlap: f64) -> Option<Contradiction> {
    if !line.concession {
        return None;
    }
    let (promised, said) = claim.free_for.clone()?;
    // The scope line is itself the concession: its longest duration is what
    // it waives ("waived for the first two (2) months").
    let (granted, signed) = line
        .quantities
        .iter()
        .filter_map(|q| match q {
            Quantity::Duration { days, text, .. } => Some((*days, text.clone())),
            _ => None,
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))?;
    (promised > granted + 0.5).then(|| Contradiction {
        score: 7.0 + overlap,
        category: Category::Discount,
        reason: "longer free period",
        summary: format!("Notes give {said} free; the signed scope waives {signed}."),
    })
}
