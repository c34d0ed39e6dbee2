//! Tests of how a commitment is filed (its category).

#[cfg(test)]
mod categorize_tests {
    use super::super::{Reading, categorize, categorize_statement};
    use crate::bundle::{Bundle, FileRole, SourceFile};
    use crate::rules::Rules;

    /// The statement read through its stored lower-cased form is filed as its
    /// text is, whether or not the claim is the whole statement.
    #[test]
    fn a_statement_is_filed_as_its_text_is() {
        let rules = Rules::builtin();
        let crafted = "\
- [2026-07-15 15:12] NOTE     Confirmed the NetSuite sync by March 15
- 2026-07-15 | Note | R. Okafor | agreed to waive the fee
- 29-Sep-2026  NOTE  Told Jenny we’d migrate two years of history from ADP
- We wont charge for the onsite week; you’ll have a dedicated CSM.
- No custom build needed. 12% off the first year, Q3 go-live.
- ÉMILE says the İstanbul office gets early access to the roadmap item.
";
        let mut bundles = vec![Bundle {
            deal: Default::default(),
            crm_text: None,
            files: vec![SourceFile::plain("notes/call.md", FileRole::Notes, crafted)],
            listing: Vec::new(),
        }];
        let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        for entry in std::fs::read_dir(examples).into_iter().flatten().flatten() {
            if entry.path().is_dir() {
                bundles.extend(crate::bundle::load(&entry.path()).ok());
            }
        }
        let mut compared = 0;
        let mut cut = 0;
        for bundle in &bundles {
            let r = Reading::read(bundle, &rules);
            for s in &r.said {
                let claim = super::super::super::conflicts::claim_text(&s.stmt.text);
                cut += usize::from(claim.len() < s.stmt.text.len());
                assert_eq!(
                    categorize_statement(&r, s),
                    categorize(&r, &s.stmt.text),
                    "{}",
                    s.stmt.text
                );
                compared += 1;
            }
        }
        assert!(compared > 300 && cut >= 3, "{compared} {cut}");
    }
}

#[cfg(test)]
mod payment_term_tests {
    use super::super::{Category, Reading, categorize};
    use crate::bundle::{Bundle, FileRole, SourceFile};
    use crate::rules::Rules;

    /// A payment term is filed as `discount` even when the line also names a
    /// module, a licence or a go-live, which would file it as scope or timeline.
    #[test]
    fn a_payment_term_is_a_discount_whatever_else_the_line_names() {
        let rules = Rules::builtin();
        let bundle = Bundle {
            deal: Default::default(),
            crm_text: None,
            files: vec![SourceFile::plain(
                "notes/call.md",
                FileRole::Notes,
                "- agreed\n",
            )],
            listing: Vec::new(),
        };
        let r = Reading::read(&bundle, &rules);
        for text in [
            "She asked to split the onboarding fee into three instalments: kickoff, pilot, go-live. Approved.",
            "Fine, we'll invoice the licences monthly for you.",
        ] {
            assert_eq!(categorize(&r, text), Category::Discount, "{text}");
        }
        // A line with no payment term keeps its own category.
        assert_eq!(
            categorize(&r, "We'll have the warehouse module live by March 3."),
            Category::Timeline
        );
    }
}
