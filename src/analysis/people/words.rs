//! Capitalised words that are not people: a sentence's first word, a month,
//! a heading, a company suffix, an honorific.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// Words that start capitalised phrases but are not people.
pub(super) const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "And",
    "Our",
    "Their",
    "Your",
    "This",
    "That",
    "Phase",
    "Section",
    "Order",
    "Customer",
    "Team",
    "Total",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Q1",
    "Q2",
    "Q3",
    "Q4",
    "Item",
    "Line",
    "Priority",
    "Severity",
    "Standard",
    "Remote",
    "Onsite",
    "Signed",
    "Date",
    "Subject",
    "From",
    "To",
    "Cc",
    "Re",
    "Fwd",
    "Note",
    "Notes",
    "Next",
    "Key",
    "Open",
    "Risk",
    "Risks",
    "Goal",
    "Goals",
    "Pain",
    "Summary",
    "Agenda",
    "Attendees",
    "Participants",
    "Present",
    "Apologies",
    "Minutes",
    "Status",
    "Decision",
    "Decisions",
    "Action",
    "Actions",
    "Owner",
    "Pricing",
    "Price",
    "Scope",
    "Term",
    "Timeline",
    "Budget",
    "Support",
    "Training",
    "Discovery",
    "Demo",
    "Call",
    "Meeting",
    "Email",
    "Kickoff",
    "Project",
    "Plan",
    "Platform",
    "Business",
    "Enterprise",
    "Professional",
    "Implementation",
    "Services",
    "Service",
    "Data",
    "Security",
    "Product",
    "Sales",
    "Account",
    "Accounts",
    "Payment",
    "Fees",
    "Fee",
    "Billing",
    "Signature",
    "Signatures",
    "Contacts",
    "People",
    "Internal",
    "Commercials",
    "Environment",
    "Context",
    "Why",
    "What",
    "Who",
    "How",
    "When",
    "Where",
    "Tech",
    "Timing",
    "Other",
    "Requirements",
    "Objections",
    "Commitments",
    "Purpose",
    "Deliverables",
    "Assumptions",
    "Staffing",
    "Sources",
];

/// Words that end an organisation's or a product's name, never a person's.
pub(super) const NON_PERSON_WORDS: &[&str] = &[
    "Ltd",
    "Ltd.",
    "Inc",
    "Inc.",
    "LLC",
    "Pty",
    "GmbH",
    "Corp",
    "Corp.",
    "Co.",
    "PLC",
    "LLP",
    "System",
    "Systems",
    "Software",
    "Group",
    "Partners",
    "Financials",
    "Cloud",
    "Suite",
    "Platform",
    "Chain",
    "Ops",
    "Operations",
    "Clinical",
    "Health",
    "Foods",
    "Castings",
];

/// Honorifics written before a name and left out of it, with or without their
/// full stop ("Dr. Helen Whitcomb", "Mrs Okafor", "Sra. Díaz", "Engr. Bello").
/// One list for every reader of names (the text, signature columns, "CSM:
/// Name"), so a person is the same person whichever reader found them.
const HONORIFICS: [&str; 13] = [
    "Dr", "Dra", "Prof", "Mr", "Mrs", "Ms", "Mx", "Miss", "Mme", "Engr", "Sr", "Sra", "M",
];

/// Whether `word` is an honorific. "M." (monsieur) only with its stop: a bare
/// "M" is an initial.
pub(super) fn is_honorific(word: &str) -> bool {
    let bare = word.strip_suffix('.').unwrap_or(word);
    HONORIFICS.contains(&bare) && (bare != "M" || bare.len() < word.len())
}

/// "Dr. Helen Whitcomb" is Helen Whitcomb.
pub(super) fn strip_honorific(name: &str) -> &str {
    match name.split_once(' ') {
        Some((first, rest)) if is_honorific(first) => rest.trim_start(),
        _ => name,
    }
}

/// Whether a candidate name (words split by single spaces) can be a person's:
/// no organisation word anywhere, and no heading or calendar word first or,
/// if longer than three letters, anywhere.
pub(super) fn is_name(name: &str) -> bool {
    name.len() >= 3
        && name.split(' ').enumerate().all(|(n, word)| {
            let kind = kind_of(word);
            kind & NOT_A_PERSON == 0 && (kind & NOT_A_NAME == 0 || (n > 0 && word.len() <= 3))
        })
}

/// The words that are never a name: [`NOT_NAMES`] and the days' and months'
/// names of [`crate::analysis::calendar`].
pub(super) fn not_name_words() -> impl Iterator<Item = &'static str> {
    let calendar = crate::analysis::calendar::WEEKDAYS
        .iter()
        .chain(&crate::analysis::calendar::MONTHS);
    NOT_NAMES.iter().chain(calendar).copied()
}

/// Whether `word` is one of [`not_name_words`].
pub(super) fn is_not_name(word: &str) -> bool {
    kind_of(word) & NOT_A_NAME != 0
}

/// The word is in [`not_name_words`].
const NOT_A_NAME: u8 = 1;
/// The word is in [`NON_PERSON_WORDS`].
const NOT_A_PERSON: u8 = 2;

/// Which of the lists `word` is in: one look-up, asked of every word of every
/// candidate name.
fn kind_of(word: &str) -> u8 {
    type Table = HashMap<&'static str, u8, BuildHasherDefault<WordHasher>>;
    static TABLE: LazyLock<Table> = LazyLock::new(|| {
        let mut table = Table::default();
        for word in not_name_words() {
            *table.entry(word).or_default() |= NOT_A_NAME;
        }
        for word in NON_PERSON_WORDS {
            *table.entry(word).or_default() |= NOT_A_PERSON;
        }
        table
    });
    TABLE.get(word).copied().unwrap_or(0)
}

/// FxHash (rustc's): a rotate, an xor and a multiply per eight bytes, a
/// fraction of SipHash's cost on a short word. Its table is a fixed list, so
/// no input can crowd a bucket with keys.
#[derive(Default)]
struct WordHasher(u64);

impl WordHasher {
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.mix(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.mix(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.mix(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
