//! Which side a company named beside a speaker is on. A call's or a chat's
//! speakers are often labelled with their company rather than a title ("Aung
//! Kyaw (Medibyte):", "Linh Farmsoft |"): the company is the seller's when the
//! bundle ties it to the seller (the AE's or another of the seller's record
//! people's company, the party the signed scope names as supplier), the
//! customer's when it is the account's; a company the bundle ties to neither
//! says nothing, and the speaker is placed as before.
//!
//! Also here: the seller's people a CRM record names under fields other than
//! `ae` and `csm` (`se`, `deal_owner`, `partner_rep`), read by the field's
//! name (`people.seller_fields`, `people.seller_titles`).

use super::words::is_name;
use super::{People, is_label};
use crate::analysis::model::{Evidence, Side};
use crate::bundle::Bundle;
use crate::rules::Rules;
use crate::text::{Statement, folded_lowercase};

impl People {
    /// The seller's people the record names under a field that reads as a
    /// seller's role: `se = "Karol Nowak"`, `partner_rep = "Ravi Chand (Tarawa
    /// Systems, Suva)"`, `partner = "Acme SARL (Serge Kone)"`. Each part of the
    /// value that can be a person's name is one; a part that is neither a name
    /// nor a title is their company.
    pub(super) fn add_record_sellers(&mut self, bundle: &Bundle, rules: &Rules) {
        for (key, value) in &bundle.deal.extra {
            let field = key.replace('_', " ");
            if !is_label(&field, &rules.people.seller_fields)
                && !is_label(&field, &rules.people.seller_titles)
            {
                continue;
            }
            let value = value.trim();
            let (head, paren) = match value.split_once(" (") {
                Some((head, rest)) => (head, Some(rest.trim_end_matches(')'))),
                None => (value, None),
            };
            // "Rajesh Menon, Senior Account Manager": the name, then the title.
            let (head, head_rest) = head.split_once(", ").unwrap_or((head, ""));
            let parts = [Some(head.trim()), paren.map(str::trim)];
            let mut added = Vec::new();
            let mut org = None;
            for part in parts.into_iter().flatten() {
                let first = part.split(", ").next().unwrap_or(part).trim();
                if first.contains(' ') && is_name(first) && !self.is_title(first) {
                    added.push(first);
                } else if !first.is_empty() && !self.is_title(first) {
                    org = Some(first);
                }
            }
            let title = [head_rest, paren.unwrap_or("")]
                .into_iter()
                .find(|t| !t.is_empty() && self.is_title(t));
            for name in added {
                let i = self.add(name, title, Evidence::crm(0));
                let p = &mut self.persons[i];
                p.side = Some(Side::Seller);
                p.role.get_or_insert_with(|| key.clone());
                if p.org.is_none() {
                    p.org = org.map(str::to_string);
                }
            }
        }
    }

    /// Learn which companies are whose, from the record, the signed scope's
    /// supplier party and the speaker labels of `turns`, and place the people
    /// the notes name with a company the bundle ties to a side.
    pub(super) fn learn_org_sides<'s>(
        &mut self,
        turns: impl Iterator<Item = &'s Statement>,
        scope: &[&str],
        bundle: &Bundle,
        rules: &Rules,
    ) {
        let account = bundle.deal.account.as_deref();
        let mut customer = org_words(account);
        // "Cong ty TNHH Thuc pham Song Xanh (Songxanh Foods)": the short name.
        if let Some((_, short)) = account.and_then(|a| a.split_once('(')) {
            customer.extend(org_words(Some(short.trim_end_matches(')'))));
        }
        let mut seller = Vec::new();
        for p in self.persons.iter().filter(|p| self.is_record_seller(p)) {
            seller.extend(org_words(p.org.as_deref()));
            // "Ada Lane (Harbor Ridge Public Safety)" took the company as a title.
            if let Some(title) = p.title.as_deref().filter(|t| !self.is_title(t)) {
                seller.extend(org_words(Some(title)));
            }
        }
        for text in scope {
            seller.extend(supplier_words(text, rules));
        }
        for stmt in turns {
            let (Some(speaker), Some(role)) = (stmt.speaker(), stmt.speaker_role()) else {
                continue;
            };
            if rules.people.seller_titles.is_match(role) || self.is_title(role) {
                continue;
            }
            match self.find(speaker) {
                Some(p) if self.is_record_seller(p) => seller.extend(org_words(Some(role))),
                Some(p) if p.side == Some(Side::Customer) && from_record(p) => {
                    customer.extend(org_words(Some(role)));
                }
                _ => {}
            }
        }
        // A word both sides claim (a shared city) says nothing.
        for w in &seller {
            if !customer.contains(w) {
                self.org_sides.insert(w.clone(), Side::Seller);
            }
        }
        for w in &customer {
            if !seller.contains(w) {
                self.org_sides.insert(w.clone(), Side::Customer);
            }
        }
        if self.org_sides.is_empty() {
            return;
        }
        // "Omar Reyes (Shopwise)", read before the AE's own label tied Shopwise
        // to the seller, was guessed the customer's by his company.
        for i in 0..self.persons.len() {
            let p = &self.persons[i];
            if p.is_org || p.role.is_some() || from_record(p) {
                continue;
            }
            let title = p.title.as_deref().filter(|t| !self.is_title(t));
            if let Some(side) = p
                .org
                .as_deref()
                .and_then(|o| self.org_side(o))
                .or_else(|| title.and_then(|t| self.org_side(t)))
            {
                self.persons[i].side = Some(side);
            }
        }
    }

    /// The side of a company name ("Medibyte", "Tarawa Systems, Suva") the bundle
    /// ties to one, by its first word.
    pub(super) fn org_side(&self, text: &str) -> Option<Side> {
        let word = org_words(Some(text)).pop()?;
        self.org_sides.get(&word).copied()
    }

    /// "Linh Farmsoft", "Tui Moana Tarawa": a chat contact saved with their
    /// company as the label's last word.
    pub(super) fn label_company_side(&self, label: &str) -> Option<Side> {
        let mut words = label.split_whitespace();
        let last = words.next_back()?;
        words.next()?;
        let word = folded_lowercase(last.trim_matches(|c: char| !c.is_alphanumeric()));
        self.org_sides.get(&word).copied()
    }

    /// The seller's people the record names (the AE, the CSM, a `se` field).
    fn is_record_seller(&self, p: &super::Person) -> bool {
        !p.is_org && p.side == Some(Side::Seller) && p.role.is_some()
    }
}

/// Whether the CRM record names `p` (a stakeholder, the AE).
fn from_record(p: &super::Person) -> bool {
    p.evidence.iter().any(|e| &*e.file == "deal.toml") || p.role.is_some()
}

/// The words naming the party a scope line labels as the supplier ("**Supplier:**
/// Medibyte Asia Pte. Ltd., Singapore", "| Proveedor | Datanube S.A. |", "Bên B /
/// Provider: CÔNG TY TNHH FARMSOFT"), up to the first comma or parenthesis.
fn supplier_words(text: &str, rules: &Rules) -> Vec<String> {
    let lower = text.to_lowercase();
    // Offsets of the lower-cased text must be the text's own.
    if lower.len() != text.len() {
        return Vec::new();
    }
    let Some((a, b, _)) = rules.scope.supplier_party.find(lower.as_str()) else {
        return Vec::new();
    };
    // The label opens the line; a short bilingual prefix ("Bên B /") may come first.
    if lower[..a].chars().filter(|c| c.is_alphanumeric()).count() > 6 {
        return Vec::new();
    }
    let rest = lower[b..].trim_start_matches(['*', ' ', '_']);
    if !rest.starts_with([':', '|']) {
        return Vec::new();
    }
    let name = text[text.len() - rest.len() + 1..].trim_start_matches(['*', ' ', '_', ':', '|']);
    let name = name
        .split([',', '(', '|', ';', '–', '—'])
        .next()
        .unwrap_or("");
    org_words(Some(name))
}

/// The word of a company name that names it in talk: "Baltic Parcel
/// Logistics OÜ" is "baltic"; legal forms (in the languages deals are written
/// in) and short words are not. Only the first: a later word is often a
/// common one ("Tallyworks Safety Systems") that a department shares ("Health,
/// Safety & Environment"). Folded: "Transmarítima" is "transmaritima".
pub(super) fn org_words(name: Option<&str>) -> Vec<String> {
    const FORMS: &[&str] = &[
        "inc",
        "ltd",
        "llc",
        "plc",
        "gmbh",
        "ag",
        "sa",
        "srl",
        "bv",
        "nv",
        "oy",
        "oü",
        "ab",
        "as",
        "pty",
        "pte",
        "sdn",
        "bhd",
        "co",
        "corp",
        "company",
        "group",
        "limited",
        "the",
        "and",
        "of",
        "ltda",
        "sarl",
        "sas",
        "spa",
        "kft",
        "ooo",
        "lda",
        "tnhh",
        "cong",
        "private",
        "holdings",
        "sociedad",
        "societe",
        "empresa",
        "companhia",
        "compania",
    ];
    name.unwrap_or("")
        .split(|c: char| !c.is_alphanumeric())
        .map(folded_lowercase)
        .filter(|w| w.chars().count() > 3 && !FORMS.contains(&w.as_str()))
        .take(1)
        .collect()
}
