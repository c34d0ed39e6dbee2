//! The proper nouns a line names: words capitalised in the middle of a
//! sentence, and the bundle-wide names that tell whether a sentence opener
//! is one.

use std::collections::BTreeSet;

/// Capitalised words that open sentences or name common things, not proper nouns.
/// Whether a capitalised word is a common word or a day's or month's name,
/// not a party's.
fn is_common_capital(word: &str) -> bool {
    COMMON_CAPITALS.contains(&word) || crate::analysis::calendar::is_day_or_month(word)
}

const COMMON_CAPITALS: &[&str] = &[
    "The",
    "A",
    "An",
    "And",
    "Or",
    "Any",
    "All",
    "Each",
    "Our",
    "Your",
    "Their",
    "We",
    "You",
    "They",
    "It",
    "This",
    "That",
    "These",
    "Those",
    "Not",
    "No",
    "None",
    "Integration",
    "Integrations",
    "Customer",
    "Client",
    "Provider",
    "Vendor",
    "Services",
    "Service",
    "Support",
    "Training",
    "Implementation",
    "Onsite",
    "On-site",
    "Remote",
    "Custom",
    "Additional",
    "Other",
    "Phase",
    "Section",
    "Schedule",
    "Appendix",
    "Exhibit",
    "Order",
    "Form",
    "Statement",
    "Work",
    "SOW",
    "Design",
    "Development",
    "Out",
    "Scope",
    "Included",
    "Excluded",
    "Available",
    "Fees",
    "Fee",
    "Price",
    "Pricing",
    "Term",
    "Priority",
    "Standard",
    "Premium",
    "Professional",
    "Enterprise",
    "Business",
    "Platform",
    "Project",
    "Program",
    "Plan",
    "Sites",
    "Site",
    "Users",
    "User",
    "Seats",
    "Seat",
    "Licences",
    "Licenses",
    "Note",
    "Notes",
    "If",
    "For",
    "With",
    "From",
    "To",
    "In",
    "On",
    "At",
    "By",
    "As",
    "Up",
    "Two-way",
    "One-way",
];

/// Capitalised words of a line that are not common capitals, lower-cased, with
/// whether each opened a sentence (where capitals prove nothing).
fn capitalised(text: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    each_capitalised(text, |word, opens| {
        if !is_common_capital(word) {
            out.push((word.to_lowercase(), opens));
        }
    });
    out
}

/// Calls `f` with each word of `text` (trimmed of punctuation) that opens with
/// a capital, holds a lower-case letter and is three bytes or longer, and with
/// whether it opened a sentence. Cheapest tests first; an ASCII text is split
/// byte by byte (the vertical tab, white space to `split_whitespace` but not
/// to the ASCII split, sends a text the long way).
fn each_capitalised<'t>(text: &'t str, mut f: impl FnMut(&'t str, bool)) {
    let mut sentence_start = true;
    let mut visit = |raw: &'t str| {
        let opens = sentence_start;
        sentence_start = raw.ends_with(['.', ':', ';']) || !raw.chars().any(char::is_alphabetic);
        // A word opening in lower case or with a digit is none (most words).
        if raw.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit()) {
            return;
        }
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        if word.len() >= 3
            && word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().any(char::is_lowercase)
        {
            f(word, opens);
        }
    };
    if text.is_ascii() && !text.contains('\x0B') {
        text.split_ascii_whitespace().for_each(&mut visit);
    } else {
        text.split_whitespace().for_each(&mut visit);
    }
}

/// The names a bundle uses: words capitalised in the middle of a sentence
/// somewhere in it ("Muncie", "Isah", "KitchenLedger"): what [`names_among`]
/// is held to.
#[cfg(test)]
fn names_in<'a>(texts: impl Iterator<Item = &'a str>) -> BTreeSet<String> {
    texts
        .flat_map(capitalised)
        .filter(|(_, opens)| !opens)
        .map(|(w, _)| w)
        .collect()
}

/// The words that open a sentence of these lines (where capitals prove nothing).
pub(super) fn openers<'a>(texts: impl Iterator<Item = &'a str>) -> BTreeSet<String> {
    texts
        .flat_map(capitalised)
        .filter(|(_, opens)| *opens)
        .map(|(w, _)| w)
        .collect()
}

/// Of the `wanted` words, those [`names_in`] finds in `texts`: the same answer
/// for every wanted word, without collecting every name of a large bundle.
pub(super) fn names_among<'a>(
    texts: impl Iterator<Item = &'a str>,
    wanted: &BTreeSet<String>,
) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut lower = String::new();
    // The letters the wanted ASCII words open with, as bits from `a`.
    let initials: u32 = wanted
        .iter()
        .filter_map(|w| w.bytes().next().filter(u8::is_ascii_lowercase))
        .fold(0, |bits, b| bits | 1 << (b - b'a'));
    for text in texts {
        if found.len() == wanted.len() {
            break;
        }
        // Only a word in mid-sentence names; it is lower-cased into one buffer.
        let mut visit = |word: &str| {
            lower.clear();
            if word.is_ascii() {
                lower.push_str(word);
                lower.make_ascii_lowercase();
            } else {
                lower.push_str(&word.to_lowercase());
            }
            if wanted.contains(&lower) && !is_common_capital(word) {
                found.insert(lower.clone());
            }
        };
        if text.is_ascii() {
            // A capital is a rare byte: the words are found from the capitals
            // instead of splitting the whole text.
            for at in ascii_capitals(text.as_bytes()) {
                if initials & (1 << (text.as_bytes()[at] - b'A')) == 0 {
                    continue;
                }
                if let Some(word) = mid_sentence_word_at(text, at) {
                    visit(word);
                }
            }
        } else {
            each_capitalised(text, |word, opens| {
                if !opens {
                    visit(word);
                }
            });
        }
    }
    found
}

/// The offsets of the capitals `A`-`Z` of ASCII `bytes`, read eight bytes at a
/// time: a byte under 0x80 plus 0x3F reaches 0x80 from `A` up, plus 0x25 from
/// `[` up, and neither sum carries into the next byte.
fn ascii_capitals(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    const LOW: u64 = 0x3F3F_3F3F_3F3F_3F3F;
    const HIGH: u64 = 0x2525_2525_2525_2525;
    const TOP: u64 = 0x8080_8080_8080_8080;
    let chunks = bytes.chunks_exact(8);
    let mut last = [0u8; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    chunks
        .map(|eight| u64::from_le_bytes(eight.try_into().expect("eight bytes")))
        .chain(std::iter::once(u64::from_le_bytes(last)))
        .enumerate()
        .flat_map(|(chunk, x)| {
            let mut capitals = x.wrapping_add(LOW) & !x.wrapping_add(HIGH) & TOP;
            std::iter::from_fn(move || {
                if capitals == 0 {
                    return None;
                }
                let at = chunk * 8 + capitals.trailing_zeros() as usize / 8;
                capitals &= capitals - 1;
                Some(at)
            })
        })
}

/// In an ASCII `text`, the word opening with the capital at `at`, when
/// [`each_capitalised`] reports it as not opening a sentence: the capital
/// opens its white-space-separated token but for punctuation, and the word
/// runs to the token's last letter, digit or `-`.
fn mid_sentence_word_at(text: &str, at: usize) -> Option<&str> {
    let bytes = text.as_bytes();
    // White space to `split_whitespace` in ASCII (the vertical tab included).
    let space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
    let kept = |b: u8| b.is_ascii_alphanumeric() || b == b'-';
    if at > 0 && kept(bytes[at - 1]) {
        return None;
    }
    let token_start = bytes[..at]
        .iter()
        .rposition(|&b| space(b))
        .map_or(0, |i| i + 1);
    if bytes[token_start..at].iter().any(|&b| kept(b)) {
        return None;
    }
    // The token before decides whether this one opens a sentence; the first
    // token of a text opens one.
    let previous_end = bytes[..token_start].iter().rposition(|&b| !space(b))? + 1;
    let previous_start = bytes[..previous_end]
        .iter()
        .rposition(|&b| space(b))
        .map_or(0, |i| i + 1);
    let previous = &bytes[previous_start..previous_end];
    if previous.ends_with(b".")
        || previous.ends_with(b":")
        || previous.ends_with(b";")
        || !previous.iter().any(u8::is_ascii_alphabetic)
    {
        return None;
    }
    let token_end = bytes[at..]
        .iter()
        .position(|&b| space(b))
        .map_or(bytes.len(), |i| at + i);
    let end = at + bytes[at..token_end].iter().rposition(|&b| kept(b))? + 1;
    let word = &text[at..end];
    (word.len() >= 3 && word.bytes().any(|b| b.is_ascii_lowercase())).then_some(word)
}

/// The names a line mentions, openers included when the bundle uses the word
/// as a name elsewhere.
pub(super) fn proper_nouns(text: &str, names: &BTreeSet<String>) -> Vec<String> {
    let mut out = Vec::new();
    for (word, opens) in capitalised(text) {
        if (!opens || names.contains(&word)) && !out.contains(&word) {
            out.push(word);
        }
    }
    out
}

/// The names of the deal's parties and of what the seller sells: the labels
/// of the bundle's e-mail domains ("labnube" of `gorellana@labnube.com`), the
/// seller's organisation as the notes write it, the words a scope line uses to
/// name the selling party ("Supplier", "Proveedor") and the names that line
/// gives it ("Supplier: Loyalto sp. z o.o., Kraków" -> loyalto). A scope line
/// that names only these says whose line it is, not which site or item it
/// is about.
pub(super) fn party_names<'a>(
    r: &crate::analysis::Reading,
    scope: impl Iterator<Item = &'a str>,
) -> BTreeSet<String> {
    use crate::analysis::model::Side;
    let mut out = BTreeSet::new();
    for p in &r.people.persons {
        if let Some(domain) = p
            .domain
            .as_deref()
            .filter(|d| !crate::analysis::people::is_public_mail(d))
        {
            out.extend(domain_labels(domain));
        }
        if p.side == Some(Side::Seller) {
            let org = if p.is_org {
                Some(p.name.as_str())
            } else {
                p.org.as_deref()
            };
            out.extend(org.into_iter().flat_map(capitalised).map(|(w, _)| w));
        }
    }
    let role = &r.rules.scope.supplier_party;
    for text in scope {
        let lower = text.to_lowercase();
        if lower.len() != text.len() {
            continue;
        }
        let found = role.find_all(lower.as_str());
        if found.is_empty() {
            continue;
        }
        out.extend(found.iter().map(|&(a, b)| lower[a..b].to_string()));
        if let Some(name) = supplier_named(text, &lower, &found) {
            out.extend(capitalised(name).into_iter().map(|(w, _)| w));
        }
    }
    out
}

/// The registrable labels of a domain: "mail.threadline.co.uk" -> threadline,
/// mail; the top-level label, labels of three letters or fewer ("co", "com")
/// and "example" name no one.
fn domain_labels(domain: &str) -> impl Iterator<Item = String> + '_ {
    let labels: Vec<&str> = domain.split('.').collect();
    let keep = labels.len().saturating_sub(1);
    labels
        .into_iter()
        .take(keep)
        .filter(|l| l.len() > 3 && *l != "example")
        .map(str::to_lowercase)
}

/// The name a line gives the selling party: after a label that opens it
/// ("**Proveedor:** LabNube, S.A.", "| Supplier | Threadline Lanka (Pvt) Ltd,
/// ..."), or before a defining parenthesis ("Trialcrest, Inc., ... (the
/// \"Vendor\")"), up to the first comma.
fn supplier_named<'t>(text: &'t str, lower: &str, found: &[(usize, usize)]) -> Option<&'t str> {
    let (a, b) = found[0];
    let opening = lower[..a].chars().all(|c| !c.is_alphanumeric());
    let rest = lower[b..].trim_start_matches(['*', ' ']);
    let labelled = opening && (rest.starts_with(':') || rest.starts_with('|'));
    let name = if labelled {
        let from = text.len() - rest.len() + 1;
        &text[from..]
    } else if lower[..a].rfind('(').is_some_and(|at| a - at <= 12) {
        text
    } else {
        return None;
    };
    name.split(',')
        .find(|part| part.chars().any(char::is_alphabetic))
}

#[cfg(test)]
#[path = "names_tests.rs"]
mod tests;
