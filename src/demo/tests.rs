use super::*;
use crate::handoff::Status;

fn built() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let ws = build(&dir.path().join("demo.db"), &dir.path().join("bundles")).unwrap();
    (dir, ws)
}

#[test]
fn every_sample_bundle_is_embedded_without_gold() {
    let names = bundle_names();
    assert!(names.len() >= 6, "{names:?}");
    assert!(BUNDLE_FILES.iter().all(|(p, _)| !p.ends_with("gold.toml")));
    // Each bundle the story acts on exists.
    for step in script::STORY {
        assert!(names.contains(&step.bundle), "{}", step.bundle);
    }
}

#[test]
fn the_story_leaves_every_kind_of_handoff_in_the_queue() {
    let (_dir, ws) = built();
    let rows = ws.queue().unwrap();
    assert_eq!(rows.len(), bundle_names().len());
    let status = |id: &str| ws.handoff(id).unwrap().status;
    assert_eq!(status("PL-2026-0088"), Status::KickedOff);
    assert_eq!(status("TF-OPP-26-0457"), Status::Approved);
    assert_eq!(status("SW-AU-26-1193"), Status::ReturnedToAe);
    assert!(rows.iter().any(|r| r.status == "new"));
    // Approved with the kickoff moved out: the queue shows the new date.
    let brannock = rows.iter().find(|r| r.id == "TF-OPP-26-0457").unwrap();
    assert_eq!(brannock.kickoff, Some(jiff::civil::date(2026, 9, 14)));
    assert_eq!(brannock.open_conflicts, 0);
}

#[test]
fn history_spreads_over_past_weeks_and_feeds_the_metrics() {
    let (_dir, ws) = built();
    let events = ws.events(None, None).unwrap();
    let first = events.first().unwrap().at;
    let last = events.last().unwrap().at;
    assert!(last <= clock(), "no event after the demo clock");
    assert!(
        last.as_second() - first.as_second() > 86_400 * 70,
        "events from {first} to {last}"
    );
    let (deals, rows) = ws.metrics_rows().unwrap();
    let m = crate::metrics::compute(
        &deals,
        &rows,
        &crate::metrics::Filter::default(),
        clock().to_zoned_datetime(jiff::tz::TimeZone::UTC).date(),
    );
    assert!(m.missing_context_returns >= 2, "{m:?}");
    assert!(m.handoffs_accepted >= 2, "{m:?}");
}

#[test]
fn refuses_to_overwrite_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taken.db");
    std::fs::write(&path, "mine").unwrap();
    let e = build(&path, &dir.path().join("b")).err().unwrap();
    assert!(e.to_string().contains("already exists"), "{e}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
}
