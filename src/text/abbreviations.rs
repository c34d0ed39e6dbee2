//! Small word lists used by statement splitting. All entries are lowercase.

/// Tokens ending in `.` after which a sentence does not end (compared lowercase,
/// without the final `.`). Single-letter initials ("J. Smith") are handled apart.
#[rustfmt::skip]
pub const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "st", "mt", "ft", "inc", "ltd", "co", "corp", "llc",
    "plc", "bros", "vs", "v", "etc", "e.g", "i.e", "eg", "ie", "cf", "al", "a.m", "p.m", "approx",
    "appr", "est", "dept", "div", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "no", "nos", "nr", "sr", "jr", "u.s", "u.k", "e.u", "u.s.a", "fig", "ref", "refs", "vol", "pp",
    "ch", "sec", "art", "para", "ave", "blvd", "rd", "hwy", "gen", "gov", "sen", "rep", "capt",
    "col", "lt", "sgt", "hon", "rev", "ph.d", "m.d", "b.a", "m.a", "m.s", "b.s", "esp", "incl",
    "excl", "ext", "dir", "mgr", "assoc", "asst", "univ", "intl", "natl", "tel", "attn", "qty",
    "avg", "dba", "a.k.a", "aka", "viz", "resp",
];

/// Words that name a label, not a speaker, when they open a line as `Word: ...`
/// ("Risk: legal review pending"). Compared lowercase against the whole prefix.
#[rustfmt::skip]
pub const LABEL_WORDS: &[&str] = &[
    "note", "notes", "nb", "n.b", "ps", "p.s", "pps", "risk", "risks", "decision", "decisions",
    "update", "updates", "action", "actions", "action item", "action items", "next step",
    "next steps", "summary", "subject", "re", "fwd", "fw", "date", "dates", "time", "when",
    "where", "location", "venue", "owner", "owners", "status", "goal", "goals", "pain", "pains",
    "pain points", "pain point", "agenda", "attendees", "attendee", "participants", "present",
    "speakers", "outcome", "outcomes", "result", "results", "price", "pricing", "term", "terms",
    "scope", "timeline", "budget", "q", "a", "question", "questions", "answer", "answers", "from",
    "to", "cc", "bcc", "sent", "reply", "important", "warning", "caution", "todo", "tbd", "fyi",
    "context", "background", "overview", "objective", "objectives", "requirement", "requirements",
    "issue", "issues", "problem", "problems", "concern", "concerns", "blocker", "blockers",
    "dependency", "dependencies", "assumption", "assumptions", "deliverable", "deliverables",
    "milestone", "milestones", "phase", "step", "steps", "task", "tasks", "follow up", "follow-up",
    "followup", "follow-ups", "comment", "comments", "feedback", "observation", "observations",
    "takeaway", "takeaways", "key takeaways", "highlights", "recap", "tldr", "tl;dr", "account",
    "opportunity", "deal", "customer", "client", "company", "vendor", "contact", "contacts",
    "stage", "amount", "total", "discount", "payment", "payment terms", "billing", "invoice",
    "contract", "renewal", "start", "end", "start date", "end date", "due", "deadline", "go-live",
    "kickoff", "region", "industry", "segment", "plan", "product", "products", "module", "modules",
    "seats", "users", "duration", "priority", "severity", "impact", "probability", "likelihood",
    "mitigation", "edit", "edited", "correction", "caveat", "reminder", "tip", "example", "source",
    "link", "links", "url", "http", "https", "mailto", "ftp", "reference", "attachment",
    "attachments", "generated", "exported", "open tasks", "competition", "competitor",
    "competitors", "history", "champion", "sponsor", "executive sponsor", "economic buyer",
    "decision maker", "success criteria", "criteria", "metric", "metrics", "kpi", "kpis",
    "measure", "use case", "use cases", "why", "why now", "what", "who", "how", "bottom line",
    "verdict", "agreed", "confirmed", "committed", "promised", "open question", "open questions",
    "parking lot", "parked", "internal", "external", "private", "confidential", "draft", "final",
    "signed", "minutes", "call", "meeting", "email", "demo", "talk ratio", "key moments",
    "objections", "objection", "commitments", "commitment", "other topics", "brief",
    "customer pain", "ask", "asks", "answer", "response", "tl", "fact", "facts", "idea", "ideas",
    "option", "options", "recommendation", "recommendations", "conclusion", "conclusions",
    "learning", "learnings", "win", "wins", "loss", "strengths", "weaknesses", "pros", "cons",
    "yes", "no", "ok", "tip", "hint", "aside", "p.p.s", "bonus", "also", "and", "but", "so",
    "then", "now", "today", "tomorrow", "yesterday", "later", "before", "after", "meanwhile",
    "result", "warning", "heads up", "heads-up", "net", "net net", "upshot", "quote", "quoted",
    "says", "said", "asked", "stated", "noted", "risk level", "mood", "sentiment", "tone", "vibe",
    "role", "title", "name", "phone", "mobile", "address", "website", "web", "team", "teams",
    "version", "release", "environment", "system", "systems", "integration", "integrations",
    "data", "security", "legal", "procurement", "finance", "it", "ops", "operations", "sales",
    "marketing", "support", "training", "onboarding", "implementation", "rollout", "go live",
    "cost", "costs", "fee", "fees", "savings", "roi", "value", "volume", "size", "headcount",
    "employees", "stores", "sites", "locations", "licenses", "licences", "quantity", "term length",
    "retainer", "hardware", "software", "services", "service", "subscription", "license",
    "licence", "maintenance", "warranty", "hosting", "storage", "travel", "expenses", "deposit",
    "setup", "set-up", "sla", "uptime", "response", "credit", "credits", "renewals", "exclusions",
    "inclusions", "included", "excluded", "not included", "out of scope", "in scope", "hours",
    "network", "purpose", "sensitivity", "sensitivities", "apologies", "regrets", "absent",
    "guests", "host", "facilitator", "recorder", "scribe",
];

/// Sign-offs that end an email body ("Best,", "Thanks!"): not statements, and the
/// short lines after them (a name, a title) are a signature.
#[rustfmt::skip]
pub const SIGN_OFFS: &[&str] = &[
    "best", "best regards", "best wishes", "all the best", "regards", "kind regards",
    "warm regards", "warmest regards", "many thanks", "thanks", "thanks again", "thanks all",
    "thanks so much", "thanks much", "thank you", "thank you all", "thank you again", "thx", "ty",
    "cheers", "sincerely", "yours", "yours truly", "yours sincerely", "talk soon", "speak soon",
    "cordially", "respectfully", "take care", "with thanks", "warmly", "rgds", "br", "ta", "later",
    "more soon", "onward", "onwards",
];

/// Sign-in greetings that open an email ("Hi Ana,"): not statements.
#[rustfmt::skip]
pub const GREETINGS: &[&str] = &[
    "hi", "hello", "hey", "dear", "good morning", "good afternoon", "morning", "team", "all",
    "hi all", "hi team", "hello all", "hey all", "folks", "everyone",
];

/// Lowercase name particles allowed inside a speaker name ("Ana de la Cruz").
#[rustfmt::skip]
pub const NAME_PARTICLES: &[&str] = &[
    "de", "la", "le", "van", "von", "der", "den", "da", "di", "du", "del", "della", "bin", "al",
    "el", "ter", "ten", "y",
];

/// Asked of the word before each `.` followed by a capital: a binary search
/// of a few integer compares, where a scan of the list is over a hundred
/// string compares.
pub fn is_abbreviation(token_lower: &str) -> bool {
    static PACKED: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
        let mut packed: Vec<u64> = ABBREVIATIONS
            .iter()
            .map(|a| packed_word(a).expect("abbreviations fit in eight bytes"))
            .collect();
        packed.sort_unstable();
        packed
    });
    packed_word(token_lower).is_some_and(|w| PACKED.binary_search(&w).is_ok())
}

/// `word`'s bytes as one integer, when it has one to eight: two words pack
/// alike only when they are equal (no abbreviation holds a NUL byte, and a
/// word holding one does not pack).
fn packed_word(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > 8 || b.contains(&0) {
        return None;
    }
    let mut bytes = [0u8; 8];
    bytes[..b.len()].copy_from_slice(b);
    Some(u64::from_le_bytes(bytes))
}

/// Asked of every line that opens with `Word:`: a set, not a scan of the list.
pub fn is_label(prefix_lower: &str) -> bool {
    static LABELS: std::sync::LazyLock<foldhash::HashSet<&'static str>> =
        std::sync::LazyLock::new(|| LABEL_WORDS.iter().copied().collect());
    LABELS.contains(prefix_lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_are_found_as_in_the_list() {
        let mut words: Vec<String> = ABBREVIATIONS.iter().map(|a| a.to_string()).collect();
        for a in ABBREVIATIONS {
            words.push(format!("{a}."));
            words.push(format!("{a}s"));
            words.push(format!("x{a}"));
            words.push(format!("{a}\0"));
            words.push(format!("\0{a}"));
            words.push(a[..a.len() - 1].to_string());
            words.push(a.to_uppercase());
        }
        for w in [
            "",
            "\0",
            "a",
            "mrs.",
            "u.s.a.",
            "approxim",
            "approximately",
            "é",
            "mé",
            "ph.d\0\0\0",
        ] {
            words.push(w.to_string());
        }
        for w in &words {
            assert_eq!(
                is_abbreviation(w),
                ABBREVIATIONS.contains(&w.as_str()),
                "{w:?}"
            );
        }
    }
}
