//! Durations in the languages order forms come in, read only by the wide
//! reading (where a schedule is due). Every text is invented.

use super::*;

#[test]
fn durations_in_other_languages_are_read_only_where_a_schedule_is_due() {
    let reference = jiff::civil::date(2026, 11, 2);
    let days = |text: &str, wide: bool| -> Vec<(f64, String)> {
        let found = if wide {
            find_quantities_wide(text, reference)
        } else {
            find_quantities_from(text, reference)
        };
        found
            .into_iter()
            .filter_map(|f| match f.quantity {
                Quantity::Duration { days, text, .. } => Some((days, text)),
                _ => None,
            })
            .collect()
    };
    assert_eq!(
        days("puesta en producción 6 semanas desde la firma", true),
        vec![(42.0, "6 semanas".to_string())]
    );
    assert_eq!(
        days("mise en service 4 mois après la signature", true),
        vec![(120.0, "4 mois".to_string())]
    );
    // A figure closing a bracket after words in another language.
    assert_eq!(
        days("dieciséis (16) semanas desde la fecha de firma", true),
        vec![(112.0, "16 semanas".to_string())]
    );
    // The narrow reading (commitments, the line models) is as before.
    assert!(days("puesta en producción 6 semanas desde la firma", false).is_empty());
    assert!(days("dieciséis (16) semanas", false).is_empty());
    assert_eq!(days("six weeks from signing", false).len(), 1);
}
