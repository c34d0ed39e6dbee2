//! Job titles: whether a parenthesis or a trailing phrase holds one, and
//! where the organisation ends and the title begins.

use crate::rules::word_regex::WordRegex;
use std::sync::LazyLock;

/// Titles in the languages deals are written in count too ("Jefa de Operaciones",
/// "Gerente General", "Leiterin IT").
pub(super) fn looks_like_title(t: &str) -> bool {
    static TITLE: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(r"(?i)\b(chief|officer|director|manager|vp|vice president|president|head|lead|executive|engineer|consultant|counsel|controller|owner|founder|analyst|administrator|supervisor|coordinator|specialist|partner|cfo|ceo|coo|cto|cio|ciso|cro|cmo|gc|ae|csm|se|jef[ae]|gerente|directora|directeur|directrice|diretora?|coordinadora?|coordenadora?|responsable|encargad[ao]|leiter(?:in)?|geschäftsführer(?:in)?|manajer|kepala|direktur|presidente|supervisora|ingenier[ao]|contador[a]?)\b").unwrap()
    });
    TITLE.for_text(t).is_match(t)
}

/// "(Kestrel, Director of Sales Operations)" -> (Some("Kestrel"), Some("Director ..."));
/// "(Quarry AE)" -> (Some("Quarry"), Some("AE")); "(CFO)" -> (None, Some("CFO"));
/// "(Halvorsen)" -> (Some("Halvorsen"), None). `titled` is
/// `looks_like_title(paren)`, which the caller has already asked.
pub(super) fn split_org_title(paren: &str, titled: bool) -> (Option<&str>, Option<&str>) {
    if let Some((org, title)) = paren.split_once(',') {
        let org = org.trim();
        let title = title.trim();
        if looks_like_title(org) && !looks_like_title(title) {
            return (Some(title), Some(org));
        }
        return (Some(org), Some(title));
    }
    if titled {
        // "Quarry AE", "Bastionworks SOC lead": a capitalised first word that is not
        // itself a title word is the organisation.
        let mut words = paren.splitn(2, ' ');
        let first = words.next().unwrap_or("");
        let rest = words.next().unwrap_or("");
        if !rest.is_empty()
            && first.chars().next().is_some_and(|c| c.is_uppercase())
            && !looks_like_title(first)
            && !TITLE_WORDS.contains(&first.to_lowercase().as_str())
            && looks_like_title(rest)
            && !first.chars().all(|c| c.is_uppercase())
        {
            return (Some(first), Some(rest));
        }
        return (None, Some(paren));
    }
    let single_word_org = paren.split_whitespace().count() <= 3
        && paren.chars().next().is_some_and(|c| c.is_uppercase());
    if single_word_org {
        // Could be an org ("Halvorsen") or an unusual title ("sysadmin"): lower-case
        // text is a title.
        return (Some(paren), None);
    }
    (None, Some(paren))
}

/// Words that open a multi-word title ("Solutions Engineer", "Senior DBA"), so
/// they are not read as an organisation name.
pub(super) const TITLE_WORDS: &[&str] = &[
    "solutions",
    "solution",
    "senior",
    "sr",
    "junior",
    "jr",
    "sales",
    "account",
    "regional",
    "technical",
    "project",
    "product",
    "program",
    "customer",
    "field",
    "general",
    "managing",
    "executive",
    "deputy",
    "assistant",
    "associate",
    "principal",
    "staff",
    "lead",
    "head",
    "chief",
    "interim",
    "acting",
    "operations",
    "finance",
    "marketing",
    "it",
    "hr",
    "data",
    "information",
    "security",
    "systems",
    "network",
    "office",
    "practice",
    "engagement",
    "implementation",
    "support",
    "success",
    "business",
    "clinical",
    "medical",
    "nurse",
    "maintenance",
    "reliability",
    "plant",
    "site",
    "store",
    "branch",
    "area",
    "district",
];
