//! Which side of the deal each person is on, and whose voice a statement carries.

use super::titles::TITLE_WORDS;
use super::words::is_not_name;
use super::{People, Person};
use crate::analysis::model::Side;
use crate::bundle::Bundle;
use crate::rules::Rules;
use crate::text::{Statement, StatementKind, folded_lowercase};

impl People {
    pub(super) fn assign_sides(&mut self, bundle: &Bundle, rules: &Rules) {
        // Someone written with the customer's own name ("Devin Park (Kestrel,
        // Director of Sales Ops)") is the customer's, whatever the title says.
        let account_word = bundle
            .deal
            .account
            .as_deref()
            .and_then(|a| a.split_whitespace().next())
            // Folded: "Transmarítima" writes from transmaritima.com.uy.
            .map(|w| folded_lowercase(w.trim_matches(|c: char| !c.is_alphanumeric())))
            .filter(|w| w.len() > 2);
        if let Some(account) = &account_word {
            for p in &mut self.persons {
                let org_word = p
                    .org
                    .as_deref()
                    .and_then(|o| o.split_whitespace().next())
                    .map(folded_lowercase);
                if p.side.is_none() && org_word.as_deref() == Some(account.as_str()) {
                    p.side = Some(Side::Customer);
                }
            }
        }
        let mut seller_orgs: Vec<String> = Vec::new();
        for p in &mut self.persons {
            let text = format!(
                "{} {}",
                p.org.as_deref().unwrap_or(""),
                p.title.as_deref().unwrap_or("")
            );
            if p.side.is_none() && rules.people.seller_titles.is_match(&text) {
                p.side = Some(Side::Seller);
            }
            if p.side == Some(Side::Seller)
                && let Some(org) = &p.org
            {
                seller_orgs.push(folded_lowercase(org));
            }
        }
        // Colleagues share an e-mail domain with the side's known people; the
        // customer's domain also carries its name (ines@kestrelfoods.example).
        let domains_of = |side: Side, persons: &[Person]| -> Vec<String> {
            persons
                .iter()
                .filter(|p| p.side == Some(side))
                .filter_map(|p| p.domain.clone())
                .filter(|d| !is_public_mail(d))
                .collect()
        };
        let seller_domains = domains_of(Side::Seller, &self.persons);
        let customer_domains = domains_of(Side::Customer, &self.persons);
        let names_account = |domain: &str| {
            account_word.as_deref().is_some_and(|a| {
                let host = domain.rsplit_once('.').map_or(domain, |(h, _)| h);
                host.split(['.', '-']).any(|label| label.starts_with(a))
            })
        };
        for p in &mut self.persons {
            if p.side.is_none()
                && let Some(d) = &p.domain
            {
                p.side = Some(if seller_domains.contains(d) {
                    Side::Seller
                } else if customer_domains.contains(d) || names_account(d) || is_public_mail(d) {
                    Side::Customer
                } else if !customer_domains.is_empty() || account_word.is_some() {
                    // The customer's domain is known and this is not it: in a
                    // two-party thread the other company is the seller.
                    Side::Seller
                } else {
                    Side::Customer
                });
            }
        }
        let account = folded_lowercase(bundle.deal.account.as_deref().unwrap_or(""));
        let account_word = account.split_whitespace().next().unwrap_or("").to_string();
        for p in &mut self.persons {
            if p.side.is_some() {
                continue;
            }
            let org = folded_lowercase(p.org.as_deref().unwrap_or(""));
            p.side = if !org.is_empty() && seller_orgs.iter().any(|s| org_matches(s, &org)) {
                Some(Side::Seller)
            } else if !org.is_empty()
                && !account_word.is_empty()
                && org.split_whitespace().next() == Some(account_word.as_str())
            {
                Some(Side::Customer)
            } else if p.title.is_some() || p.org.is_some() {
                // Notes are written by sales and name the customer's people by title.
                Some(Side::Customer)
            } else {
                None
            };
        }
    }

    /// The customer's and the seller's organisation names speak for their side:
    /// "Kestrel will go with the Business tier" is the customer's decision.
    pub(super) fn add_organisations(&mut self, bundle: &Bundle) {
        let mut orgs: Vec<(String, Side)> = Vec::new();
        if let Some(account) = &bundle.deal.account
            && let Some(word) = account.split_whitespace().next()
        {
            orgs.push((
                word.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_string(),
                Side::Customer,
            ));
        }
        // A person's name misread as someone's organisation ("Shalini (Hemi
        // Walker)") is no organisation: made one, it would take the person's
        // first name for its side.
        let first_names: Vec<String> = self
            .persons
            .iter()
            .filter(|p| !p.is_org)
            .filter_map(|p| p.name.split_whitespace().next())
            .map(str::to_lowercase)
            .collect();
        for p in &self.persons {
            if let (Some(org), Some(side)) = (&p.org, p.side) {
                let word = org.split_whitespace().next().unwrap_or("");
                let lower = word.to_lowercase();
                if !TITLE_WORDS.contains(&lower.as_str()) && !first_names.contains(&lower) {
                    orgs.push((word.to_string(), side));
                }
            }
        }
        for (name, side) in orgs {
            let key = name.to_lowercase();
            if name.len() < 4 || is_not_name(&name) || self.keys.contains_key(&key) {
                continue;
            }
            self.keys.insert(key, self.persons.len());
            self.persons.push(Person {
                name,
                title: None,
                role: None,
                side: Some(side),
                org: None,
                is_org: true,
                domain: None,
                evidence: Vec::new(),
            });
        }
    }

    /// The side of a speaker label, counting roles written with it ("Dana (AE)").
    pub fn speaker_side(&self, stmt: &Statement, rules: &Rules) -> Option<Side> {
        if let Some(role) = stmt.speaker_role() {
            if rules.people.seller_titles.is_match(role) {
                return Some(Side::Seller);
            }
            // "Aung Kyaw (Medibyte)": a company the bundle ties to a side.
            if let Some(side) = self.org_side(role) {
                return Some(side);
            }
            if let Some(side) = self.find(stmt.speaker().unwrap_or("")).and_then(|p| p.side) {
                return Some(side);
            }
            return Some(Side::Customer);
        }
        let speaker = stmt.speaker()?;
        // "Linh Farmsoft": the company a chat contact is saved with says more
        // than a first name another person of the bundle may share.
        if let Some(side) = self.label_company_side(speaker) {
            return Some(side);
        }
        if let Some(side) = self.find(speaker).and_then(|p| p.side) {
            return Some(side);
        }
        if !self.talk_sides.is_empty()
            && let Some(&side) = self.talk_sides.get(&speaker.trim().to_lowercase())
        {
            return Some(side);
        }
        // A role standing for the speaker ("Rep:", "Customer:").
        if rules.people.customer_labels.is_match(speaker) {
            return Some(Side::Customer);
        }
        if rules.people.seller_titles.is_match(speaker) {
            return Some(Side::Seller);
        }
        // A lower-case handle ("owen.marsh", "bas") is an internal chat export:
        // the seller's team talking among themselves.
        if speaker
            .chars()
            .all(|c| c.is_lowercase() || matches!(c, '.' | '_' | '-'))
        {
            return Some(Side::Seller);
        }
        None
    }
}

/// Webmail domains anyone may write from: they say nothing of a company.
pub fn is_public_mail(domain: &str) -> bool {
    const PUBLIC: &[&str] = &[
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "live.com",
        "yahoo.com",
        "icloud.com",
        "me.com",
        "aol.com",
        "proton.me",
        "protonmail.com",
        "gmx.de",
        "gmx.net",
        "web.de",
        "mail.com",
        "yandex.ru",
        "qq.com",
        "163.com",
    ];
    PUBLIC.contains(&domain)
}

fn org_matches(seller: &str, org: &str) -> bool {
    let a = seller.split_whitespace().next().unwrap_or("");
    let b = org.split_whitespace().next().unwrap_or("");
    !a.is_empty() && a == b
}

/// The side whose voice carries a statement: its speaker, else its email author,
/// else the file's writer (notes are written by the seller's team).
pub fn default_voice(people: &People, stmt: &Statement, rules: &Rules) -> Option<Side> {
    // "Supplier response (12/11): Yes, ...": a clarification log sent by the
    // buyer still gives the seller's answers in the seller's voice.
    if opens_with_seller_answer_label(&stmt.text, rules) {
        return Some(Side::Seller);
    }
    // "Approved: P1 in one hour" is labelled by its writer, not said by "Approved".
    let labelled = stmt
        .speaker()
        .is_some_and(|speaker| is_label(speaker, &rules.people.labels));
    if (stmt.kind == StatementKind::Turn || stmt.speaker().is_some()) && !labelled {
        return people.speaker_side(stmt, rules);
    }
    if let Some(author) = stmt.author() {
        // An unknown sender of a top-level e-mail kept in the seller's notes is
        // the seller's side ("The Findly team"); an unknown quoted one is not known.
        return match people.find(author).and_then(|p| p.side) {
            Some(side) => Some(side),
            None if stmt.quote_depth == 0 => Some(Side::Seller),
            None => None,
        };
    }
    Some(Side::Seller)
}

/// Whether `text` opens with a label naming the seller's answer ("Supplier
/// response (F. Ames, 27/10):", "Vendor answer:"): the words before the first
/// colon, a parenthesis aside, are the whole label.
fn opens_with_seller_answer_label(text: &str, rules: &Rules) -> bool {
    // A label is short; most statements have no colon near their start.
    let Some(colon) = text
        .get(..text.len().min(80))
        .and_then(|head| head.find(':'))
    else {
        return false;
    };
    let head = &text[..colon];
    let label = head.split_once('(').map_or(head, |(label, _)| label);
    let label = label.trim().trim_matches(['*', '_']).trim().to_lowercase();
    !label.is_empty() && is_label(&label, &rules.people.seller_answer_labels)
}

/// Whether the whole of `speaker` is one of `labels` ("Approved", "Next steps").
pub fn is_label(speaker: &str, labels: &crate::rules::Lexicon) -> bool {
    let speaker = speaker.trim();
    labels
        .find(speaker)
        .is_some_and(|(start, end, _)| start == 0 && end == speaker.len())
}
