//! Deal terms as typed facts: where the data is hosted, when and on which
//! channels support answers, how fast an incident is answered, the promised
//! availability, payment days and schedule, where services are delivered,
//! whether prices may rise, and whether something is free.
//!
//! A promise and a scope clause rarely share their words ("call us whenever"
//! against "Monday to Friday, 08:00-18:00, by ticket"); they share a *term*. Both
//! sides are read into [`Fact`]s the same way, and two facts on one [`Topic`]
//! with values that cannot both hold are a conflict
//! ([`crate::analysis::conflicts`] pairs them). The words that announce each
//! term are word families in `assets/rules.toml` (`[facts]`); the numbers, hours
//! and severities are read here, by grammar.

mod billing;
mod currency;
mod describe;
pub use currency::currencies_of;
#[cfg(test)]
mod currency_tests;
#[cfg(test)]
mod delivery_tests;
mod exchange;
mod frequency;
mod language;
mod numbers;
#[cfg(test)]
mod reach_tests;
mod response;
#[cfg(test)]
mod service_term_tests;
#[cfg(test)]
mod terms_tests;
#[cfg(test)]
mod tests;
mod weekdays;

use super::model::Category;
use crate::rules::{CueText, Rules};
use numbers::{end_hour, instalment_count, payment_days, percent_near, start_hour};

/// The services of a delivery term that names services in general ("All
/// Services", "on-site attendance"): every family of `facts.services`.
pub const ALL_SERVICES: u64 = u64::MAX;

/// What a fact is about: two facts are compared only on the same topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Topic {
    Hosting,
    SupportHours,
    SupportChannel,
    Response,
    Availability,
    PaymentDays,
    PaymentSchedule,
    Delivery,
    PriceChange,
    Charge,
    /// Which way an integration carries data.
    SyncDirection,
    /// How often the customer is invoiced (annually, quarterly, monthly).
    BillingPeriod,
    /// Whether a period is invoiced in advance or in arrears.
    BillingTiming,
    /// When invoicing starts: at signing or at go-live.
    BillingStart,
    /// The languages a product, its training or its documents come in.
    Language,
    /// The days of the week support answers.
    SupportDays,
    /// How an amount in one currency is converted into the one paid in.
    ExchangeRate,
    /// How often something recurs: a sync, a payout, a report.
    Frequency,
    /// The currency invoices are issued or fees paid in.
    Currency,
}

impl Topic {
    /// The category a CSM files a promise of this term under.
    pub fn category(self) -> Category {
        match self {
            Topic::Response => Category::Timeline,
            Topic::PaymentDays
            | Topic::PaymentSchedule
            | Topic::PriceChange
            | Topic::Charge
            | Topic::BillingPeriod
            | Topic::BillingTiming
            | Topic::BillingStart
            | Topic::ExchangeRate
            | Topic::Currency => Category::Discount,
            Topic::Hosting
            | Topic::SupportHours
            | Topic::SupportDays
            | Topic::SupportChannel
            | Topic::Availability
            | Topic::Delivery => Category::Custom,
            Topic::Language => Category::Scope,
            Topic::SyncDirection | Topic::Frequency => Category::Integration,
        }
    }
}

/// The value a fact states.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    /// Hosting places, as bits of the `facts.places` families.
    Places(u64),
    /// Hosted on the customer's own premises or servers.
    OnPremises,
    /// Support around the clock.
    AllHours,
    /// Support in working hours, from and until these times of the day
    /// (minutes after midnight) when written.
    WorkingHours {
        from: Option<u16>,
        until: Option<u16>,
    },
    /// Support channels, as bits of the `facts.channels` families.
    Channels(u64),
    /// An answer within `minutes` (as written: a working hour counts as an
    /// hour; the hours themselves are [`Topic::SupportHours`]).
    Within {
        severity: Option<u8>,
        minutes: f64,
    },
    Percent(f64),
    Days(u32),
    /// Paid in parts, in this many when the text says ("3 tranches", "30% at
    /// signature, 40% after UAT, 30% after acceptance").
    Instalments {
        parts: Option<u8>,
    },
    InFull,
    /// Delivered on site, for these services (bits of `facts.services`).
    OnSite {
        services: u64,
    },
    /// Delivered remotely, for these services.
    Remote {
        services: u64,
    },
    /// A price held or capped (against these price indices, as bits of
    /// `facts.indices`, when named).
    Held {
        indices: u64,
    },
    /// A price that may rise (by these indices, when named).
    Rises {
        indices: u64,
    },
    Free,
    Charged,
    /// The scope grants no concession at all: nothing free, waived or discounted.
    NoConcession,
    TwoWay,
    OneWay,
    /// Invoiced once per period of this family of `pair_facts.billing_period`
    /// (0 annually, 1 quarterly, 2 monthly).
    Every(u8),
    /// Invoiced in advance (family 0 of `pair_facts.billing_timing`) or in
    /// arrears (1).
    Timing(u8),
    /// Invoicing starts at go-live (true) or at signing (false).
    BilledFromGoLive(bool),
    /// Languages, as bits of the `pair_facts.languages` families (then
    /// `more_languages` from bit 64).
    Languages(u128),
    /// Days of the week, Monday first (bit 0).
    Weekdays(u8),
    /// Converted at a rate fixed in advance.
    FixedRate,
    /// Converted at the rate of a later day (invoice, payment) or an index.
    FloatingRate,
    /// Recurring with this many minutes between runs (0: in real time).
    Interval(f64),
    /// Invoiced or paid in these currencies: `named` as bits of
    /// `pair_facts.currencies` (then `more_currencies` from bit 64); `vague`
    /// the currencies a shared name ("dollars", "pesos") may be, of the
    /// `pair_facts.currency_kinds` in `kinds`.
    Currencies {
        named: u128,
        vague: u128,
        kinds: u16,
    },
}

/// One term a text states.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub topic: Topic,
    pub value: Value,
}

impl Fact {
    fn new(topic: Topic, value: Value) -> Self {
        Self { topic, value }
    }

    /// Whether this fact, stated in the notes, and `scope`, stated in the
    /// signed scope, cannot both hold: the scope grants less than was promised.
    pub fn contradicted_by(&self, scope: &Fact) -> bool {
        if self.topic != scope.topic {
            return false;
        }
        match (self.value, scope.value) {
            (Value::Places(a), Value::Places(b)) => a & b == 0,
            (Value::OnPremises, Value::Places(_)) | (Value::Places(_), Value::OnPremises) => true,
            (Value::AllHours, Value::WorkingHours { .. }) => true,
            // Cover that starts earlier or ends later than the scope's.
            (
                Value::WorkingHours { from: a, until: ua },
                Value::WorkingHours { from: b, until: ub },
            ) => a.zip(b).is_some_and(|(a, b)| a < b) || ua.zip(ub).is_some_and(|(a, b)| a > b),
            (Value::Channels(a), Value::Channels(b)) => a & !b != 0,
            (
                Value::Within {
                    severity: a,
                    minutes: ma,
                },
                Value::Within {
                    severity: b,
                    minutes: mb,
                },
            ) => a == b && ma < mb,
            (Value::Percent(a), Value::Percent(b)) => (a - b).abs() > 1e-6,
            (Value::Days(a), Value::Days(b)) => a != b,
            (Value::Instalments { .. }, Value::InFull)
            | (Value::InFull, Value::Instalments { .. }) => true,
            (Value::Instalments { parts: Some(a) }, Value::Instalments { parts: Some(b) }) => {
                a != b
            }
            // The same service: on-site workshops do not contradict remote
            // commissioning. Someone on site for no named service is there
            // for whatever the scope delivers remotely, and a scope that
            // delivers every service remotely answers any on-site promise.
            (Value::OnSite { services: a }, Value::Remote { services: b }) => {
                a & b != 0 || a == 0 || b == ALL_SERVICES
            }
            (Value::Held { indices: a }, Value::Rises { indices: b }) => {
                a == 0 || b == 0 || a & b == 0
            }
            (Value::Free, Value::Charged | Value::NoConcession) => true,
            (Value::TwoWay, Value::OneWay) => true,
            (Value::Every(a), Value::Every(b)) | (Value::Timing(a), Value::Timing(b)) => a != b,
            (Value::BilledFromGoLive(a), Value::BilledFromGoLive(b)) => a != b,
            // A language promised that the scope's languages leave out.
            (Value::Languages(a), Value::Languages(b)) => a & !b != 0,
            // A day of cover promised that the scope's days leave out.
            (Value::Weekdays(a), Value::Weekdays(b)) => a & !b != 0,
            (Value::FixedRate, Value::FloatingRate) => true,
            // Promised more often than the scope runs it.
            (Value::Interval(a), Value::Interval(b)) => a < b,
            // A currency promised that the scope does not invoice in; a
            // shared name ("pesos") only where none it may be is granted.
            (
                Value::Currencies {
                    named: a,
                    vague: va,
                    ..
                },
                Value::Currencies {
                    named: b,
                    vague: vb,
                    ..
                },
            ) => {
                let granted = b | vb;
                a & !granted != 0 || (va != 0 && va & granted == 0)
            }
            _ => false,
        }
    }

    /// Whether `other` names the same value on the same topic: the phone
    /// channel, on-site training, a two-way sync. A scope line that names the
    /// promised value only to exclude or charge for it contradicts the promise.
    pub fn names_same(&self, other: &Fact) -> bool {
        self.topic == other.topic
            && match (self.value, other.value) {
                (Value::Places(a), Value::Places(b)) | (Value::Channels(a), Value::Channels(b)) => {
                    a & b != 0
                }
                // Someone on site for no named service is there for whatever
                // on-site work the scope names, as in `contradicted_by`.
                (Value::OnSite { services: a }, Value::OnSite { services: b }) => {
                    a & b != 0 || a == 0 || b == ALL_SERVICES
                }
                (Value::TwoWay, Value::TwoWay) | (Value::AllHours, Value::AllHours) => true,
                _ => false,
            }
    }
}

/// Every deal term `lower` (a statement lower-cased, as the analysis keeps
/// it) states. Most statements state none, and are turned away by the word
/// families before any number is read.
pub fn read(rules: &Rules, lower: &CueText) -> Vec<Fact> {
    read_with(rules, lower, false)
}

/// [`read`] for a promise or clause that the conflict checks compare: the
/// `[pair_facts]` lists widen each term's words, and a price figure names a
/// price as a word does ("5.85 is locked for the full 3 yrs").
pub fn read_for_pairs(rules: &Rules, lower: &CueText) -> Vec<Fact> {
    read_with(rules, lower, true)
}

fn read_with(rules: &Rules, lower: &CueText, pairs: bool) -> Vec<Fact> {
    // "Monthly by direct debit rather than annually up front": the term set
    // aside is not the one stated. Compared in a pair, the statement is read
    // without it.
    if pairs && let Some(kept) = without_alternatives(rules, lower) {
        return read_with(rules, &rules.cue_text(kept), true);
    }
    let f = &rules.facts;
    let p = &rules.pair_facts;
    // A `[facts]` list, or in pairs its `[pair_facts]` widening.
    let says = |base: &crate::rules::Lexicon, wider: &crate::rules::Lexicon| {
        base.is_match(lower) || (pairs && wider.is_match(lower))
    };
    let text: &str = lower;
    let mut out = Vec::new();
    if f.on_premises.is_match(lower) {
        out.push(Fact::new(Topic::Hosting, Value::OnPremises));
    } else if says(&f.hosting, &p.hosting) {
        let places = places(rules, lower, pairs);
        if places != 0 {
            out.push(Fact::new(Topic::Hosting, Value::Places(places)));
        }
    }
    // In a pair, someone reachable at set hours speaks of support without
    // the word: "ring us any hour, somebody'll answer", "reachable on his
    // mobile on Saturdays", "someone online until 10pm".
    // Support named in the deal's language counts as well ("Horario de
    // soporte: de lunes a viernes de 7:00 a 18:00").
    let about_support = f.support.is_match(lower)
        || (pairs && (p.reach.is_match(lower) || p.support.is_match(lower)));
    if about_support {
        let (from, until) = (start_hour(text), end_hour(text));
        if says(&f.all_hours, &p.all_hours) {
            out.push(Fact::new(Topic::SupportHours, Value::AllHours));
        } else if says(&f.limited_hours, &p.limited_hours) {
            out.push(Fact::new(
                Topic::SupportHours,
                Value::WorkingHours { from, until },
            ));
        } else if pairs && (from.is_some() || until.is_some()) {
            // "our support line's open from half six", "someone on the
            // phone until ten at night": the hours cover starts or ends are
            // a working-hours term without naming working hours.
            out.push(Fact::new(
                Topic::SupportHours,
                Value::WorkingHours { from, until },
            ));
        }
    }
    // Channels and answer times only where support is named: "I confirmed it
    // with him by phone" is how a deal was talked through, not a channel.
    if f.support.is_match(lower) {
        let channels = f.channels.families(lower);
        if channels != 0 {
            out.push(Fact::new(Topic::SupportChannel, Value::Channels(channels)));
        }
        if says(&f.response, &p.response) || (pairs && response::severity_then_time(rules, text)) {
            out.extend(response::times(rules, text, pairs));
        }
    } else if pairs
        && f.severity.is_match(lower)
        && (says(&f.response, &p.response) || response::severity_then_time(rules, text))
    {
        // "Critical issue, within half an hour we're on it": a severity and a
        // time to answer make a statement about support without the word.
        out.extend(response::times(rules, text, true));
    }
    if f.availability.is_match(lower)
        && let Some(p) = percent_near(text).filter(|p| (90.0..100.0).contains(p))
    {
        out.push(Fact::new(Topic::Availability, Value::Percent(p)));
    }
    if says(&f.payment, &p.payment) {
        let instalments = says(&f.instalments, &p.instalments);
        if let Some(days) = payment_days(text) {
            out.push(Fact::new(Topic::PaymentDays, Value::Days(days)));
        }
        if pairs && p.one_payment.is_match(lower) {
            // "in one single installment": the word for a part names none.
            out.push(Fact::new(Topic::PaymentSchedule, Value::InFull));
        } else if instalments || (pairs && numbers::shares_of_whole(text)) {
            // Shares that make a whole are parts, whatever words stand by
            // them ("50% de anticipo contra factura y 50% contra entrega").
            let parts = instalment_count(text);
            out.push(Fact::new(
                Topic::PaymentSchedule,
                Value::Instalments { parts },
            ));
        } else if f.single_payment.is_match(lower) {
            out.push(Fact::new(Topic::PaymentSchedule, Value::InFull));
        }
    }
    // In a pair, a clause about services in general ("All Services shall be
    // performed remotely", "on-site services of any kind") is about every one.
    let services = || match f.services.families(lower) {
        0 if pairs && p.all_services.is_match(lower) => ALL_SERVICES,
        named => named,
    };
    if pairs && says(&f.payment, &p.payment) {
        out.extend(billing::billing(rules, lower));
    }
    // The days support answers, in a clause on support in any language
    // ("El soporte se prestará de lunes a viernes"); its channels and hours
    // are read from the `[facts]` words alone.
    if pairs
        && (says(&f.support, &p.support) || p.reach.is_match(lower))
        && let Some(days) = weekdays::covered(rules, lower)
    {
        out.push(Fact::new(Topic::SupportDays, Value::Weekdays(days)));
    }
    if pairs && let Some(rate) = exchange::rate(rules, lower) {
        out.push(Fact::new(Topic::ExchangeRate, rate));
    }
    if pairs && let Some(paid_in) = currency::currencies(rules, lower) {
        out.push(Fact::new(Topic::Currency, paid_in));
    }
    // A rhythm outside paying (invoicing has its own terms): a sync, a
    // payout, a report.
    if pairs
        && !says(&f.payment, &p.payment)
        && let Some(minutes) = frequency::interval(rules, lower)
    {
        out.push(Fact::new(Topic::Frequency, Value::Interval(minutes)));
    }
    if pairs && let Some(bits) = language::languages(rules, lower) {
        out.push(Fact::new(Topic::Language, Value::Languages(bits)));
    }
    if says(&f.onsite, &p.onsite) {
        out.push(Fact::new(
            Topic::Delivery,
            Value::OnSite {
                services: services(),
            },
        ));
    } else if says(&f.remote, &p.remote) {
        out.push(Fact::new(
            Topic::Delivery,
            Value::Remote {
                services: services(),
            },
        ));
    }
    // In a pair a price figure names a price as a word does ("5.85 is locked
    // for the full 3 yrs", "$110 for three years").
    static PRICE_FIGURE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"[$€£₹]|\b(?:rs|usd|eur|gbp|inr)\.? ?\d|\b\d+[.,]\d\d\b")
            .expect("price figure pattern compiles")
    });
    let priced = says(&f.prices, &p.prices) || (pairs && PRICE_FIGURE.is_match(text));
    if !priced {
        // No price named: "Kickoff locked for Monday" holds no price.
    } else if says(&f.price_held, &p.price_held) {
        // "Held flat for three years, no CPI": the index named is the one
        // waived, so the price is held outright, not capped at it.
        let waived = f
            .indices
            .find_all(lower)
            .into_iter()
            .any(|(at, _)| index_waived(rules, &lower[..at]));
        let indices = if waived { 0 } else { f.indices.families(lower) };
        out.push(Fact::new(Topic::PriceChange, Value::Held { indices }));
    } else if says(&f.price_rises, &p.price_rises) || f.indices.is_match(lower) {
        let indices = f.indices.families(lower);
        out.push(Fact::new(Topic::PriceChange, Value::Rises { indices }));
    }
    if says(&f.no_concession, &p.no_concession) {
        out.push(Fact::new(Topic::Charge, Value::NoConcession));
    } else if says(&f.free, &p.free) {
        out.push(Fact::new(Topic::Charge, Value::Free));
    } else if f.charged.is_match(lower) {
        out.push(Fact::new(Topic::Charge, Value::Charged));
    }
    if f.one_way.is_match(lower) {
        out.push(Fact::new(Topic::SyncDirection, Value::OneWay));
    } else if f.two_way.is_match(lower) {
        out.push(Fact::new(Topic::SyncDirection, Value::TwoWay));
    }
    out
}

/// Whether the words before a price index waive it: "no CPI", and "no FX or
/// CPI uplift", where the index closes a list the waiver opens.
fn index_waived(rules: &Rules, before: &str) -> bool {
    const JOINS: &[&str] = &["or", "and", "nor", "o", "ou", "y", "et", "und", "oder", "e"];
    let words: Vec<&str> = before
        .split(|c: char| c.is_whitespace() || c == ',' || c == '/')
        .filter(|w| !w.is_empty())
        .collect();
    let waives = |w: &str| rules.pair_facts.index_waived.is_match(w);
    match words.as_slice() {
        [.., last] if waives(last) => true,
        [.., waiver, _, join] if JOINS.contains(join) => waives(waiver),
        _ => false,
    }
}

/// `lower` without the alternatives it sets aside ("rather than annually",
/// "instead of the three-site licence", "en vez de todo adelantado"): each
/// runs from its marker to the end of its clause. None when it sets none aside.
fn without_alternatives(rules: &Rules, lower: &CueText) -> Option<String> {
    let marks = rules.pair_facts.alternative.find_all(lower);
    if marks.is_empty() {
        return None;
    }
    let text: &str = lower;
    let mut kept = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end) in marks {
        if start < at {
            continue;
        }
        kept.push_str(&text[at..start]);
        let clause_end = text[end..]
            .find([',', '.', ';', ':', '!', '?', '(', ')', '\n'])
            .map_or(text.len(), |i| end + i);
        at = clause_end;
    }
    kept.push_str(&text[at..]);
    Some(kept)
}

/// The hosting places a statement names, as bits: `facts.places`, and in a
/// pair `pair_facts.places` after them (within the 64 a bit set holds).
fn places(rules: &Rules, lower: &CueText, pairs: bool) -> u64 {
    let base = rules.facts.places.families(lower);
    let shift = rules.facts.places.len();
    if !pairs || shift >= 64 {
        return base;
    }
    base | (rules.pair_facts.places.families(lower) << shift)
}

/// Whether `facts` hold a term that makes a statement in the seller's voice a
/// promise on its own ("Your tenant sits in Frankfurt", "Thirty minutes for a
/// P1, round the clock"): a value the customer will hold the seller to. A
/// channel alone, or a charge, describes; it does not promise. Where work is
/// delivered is no term alone either: "onsite in Hartford" is where a meeting
/// was; a promise to be on site carries its own verb.
pub fn states_a_term(facts: &[Fact]) -> bool {
    facts.iter().any(|f| {
        matches!(
            (f.topic, f.value),
            (Topic::Hosting, Value::Places(_))
                | (Topic::SupportHours, Value::AllHours)
                | (Topic::Response, _)
                | (Topic::Availability, _)
                | (Topic::PaymentDays, _)
                | (Topic::PaymentSchedule, Value::Instalments { .. })
                | (Topic::PriceChange, Value::Held { .. })
                | (Topic::Charge, Value::Free)
                | (Topic::SyncDirection, Value::TwoWay)
        )
    })
}
