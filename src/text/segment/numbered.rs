//! Diarised speakers, which a recorder numbers instead of naming:
//! `Speaker 2 [00:00:58]:`, `[00:00:04] SPEAKER_01:`, `Speaker 6 (00:10:10):`,
//! and the legend some recorders print above the transcript
//! (`- Speaker 2: Mairéad Gallagher (Sliabh Liag Co-op, Quality)`,
//! `SPEAKER_01 = Ramon Sewdien`), which names the person behind each number.
//! A careful reader reads "Speaker 2" as the person the legend gives; without
//! the legend the turn is still a turn, by an unplaced speaker, and its text
//! no longer carries the label.

use super::lines::{Class, Line};
use super::speaker::Speaker;
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

/// The words recorders number speakers with, in the languages of their exports.
const NUMBERED_WORDS: &str =
    "speaker|participant|sprecher|teilnehmer|intervenant|locuteur|orador|hablante|locutor|spreker";

/// A timestamp as recorders print it: `00:58`, `0:03`, `00:00:58`.
const TS: &str = r"\d{1,2}:\d{2}(?::\d{2})?";

/// `Speaker 2 [00:00:58]:`, `[00:00:04] SPEAKER_01:`, `Speaker 6 (00:10:10):`.
static NUMBERED_TURN_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:(?P<ts1>[\[(]?{TS}[\])]?)[ \t]*(?:[-–—|][ \t]*)?)?(?P<who>(?i:{NUMBERED_WORDS})[ _]?(?P<n>\d{{1,2}}))[ \t]*(?P<ts2>[\[(]{TS}[\])][ \t]*)?:(?:[ \t]+|$)"
    ))
    .expect("numbered turn pattern")
});

/// A legend entry: `Speaker 2: Mairéad Gallagher (Sliabh Liag Co-op, CEO), joined
/// at 00:31`, `SPEAKER_01 = Ramon Sewdien`, `Speaker 1 – Siobhán Kearney`, after
/// an optional list marker. The person is two to four capitalised words, or
/// one with the role in parentheses: "Speaker 2: Yes, that's right." is a turn.
static LEGEND_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:[-*•+][ \t]+)?(?:\*\*)?(?i:{NUMBERED_WORDS})[ _]?(?P<n>\d{{1,2}})(?:\*\*)?[ \t]*(?::|=|–|—|-)[ \t]*(?:\*\*)?(?P<name>\p{{Lu}}[\p{{L}}\p{{M}}'’.\-]*(?:[ \t]+(?:\p{{Lu}}[\p{{L}}\p{{M}}'’.\-]*|van|von|de|da|del|der|den|du|la|le|bin|al|ould|mint|ni|mac|mc|o'|y|dos|das)){{0,4}})(?:\*\*)?[ \t]*(?:\((?P<role>[^()]{{1,80}})\))?[ \t]*(?:[,;.][^.!?]{{0,60}})?$"
    ))
    .expect("speaker legend pattern")
});

/// The numbered speaker a turn opens with, and where its text starts.
pub(super) fn numbered_turn(head: &str) -> Option<(Speaker, usize)> {
    let caps = NUMBERED_TURN_RE.captures(head)?;
    let number = caps.name("n")?.as_str().parse().ok()?;
    let has_ts = caps.name("ts1").is_some() || caps.name("ts2").is_some();
    Some((
        Speaker {
            name: caps.name("who")?.as_str().to_string(),
            role: None,
            strong: has_ts,
            number: Some(number),
        },
        caps.get(0)?.end(),
    ))
}

/// Who a legend line says a number is.
struct Named {
    name: String,
    role: Option<String>,
}

fn legend_entry(body: &str) -> Option<(u16, Named)> {
    if body.len() > 200 {
        return None;
    }
    let caps = LEGEND_RE.captures(body)?;
    let name = caps.name("name")?.as_str().trim().to_string();
    let role = caps
        .name("role")
        .map(|r| r.as_str().trim().to_string())
        .filter(|r| !r.is_empty());
    if name.split_whitespace().count() < 2 && role.is_none() {
        return None;
    }
    Some((caps.name("n")?.as_str().parse().ok()?, Named { name, role }))
}

/// Name the numbered speakers of a file by its legend: a legend line is no
/// statement (it only says who is who), and every turn of a number the legend
/// names is that person's, with the legend's role. A legend counts only where
/// the file's turns use its numbers with timestamps, after it.
pub(super) fn apply_legend(lines: &mut [Line<'_>]) {
    let numbered_turn = |line: &Line<'_>| match &line.class {
        Class::Turn { speaker, .. } => speaker.number.filter(|_| speaker.strong),
        _ => None,
    };
    // Cheap test first: most files have no numbered turn at all.
    if !lines.iter().any(|l| numbered_turn(l).is_some()) {
        return;
    }
    let mut legend: BTreeMap<u16, Named> = BTreeMap::new();
    let mut legend_lines: Vec<(usize, u16)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if numbered_turn(line).is_some() {
            // The transcript has begun: a later "Speaker 2: Maria Lopez" is talk.
            break;
        }
        if let Some((n, named)) = legend_entry(line.body) {
            legend.entry(n).or_insert(named);
            legend_lines.push((i, n));
        }
    }
    let used: BTreeSet<u16> = lines.iter().filter_map(numbered_turn).collect();
    legend.retain(|n, _| used.contains(n));
    if legend.is_empty() {
        return;
    }
    for &(i, n) in &legend_lines {
        if legend.contains_key(&n) {
            lines[i].class = Class::Header;
        }
    }
    for line in lines.iter_mut() {
        let speaker = match &mut line.class {
            Class::Turn { speaker, .. } => speaker,
            Class::Bullet {
                speaker: Some(speaker),
                ..
            } => speaker,
            _ => continue,
        };
        if let Some(named) = speaker.number.and_then(|n| legend.get(&n)) {
            speaker.name.clone_from(&named.name);
            if speaker.role.is_none() {
                speaker.role.clone_from(&named.role);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::segment;

    fn turns(text: &str) -> Vec<(u32, Option<String>, Option<String>, String)> {
        segment(text)
            .into_iter()
            .map(|s| {
                (
                    s.line,
                    s.speaker().map(str::to_string),
                    s.speaker_role().map(str::to_string),
                    s.text.to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn a_numbered_turn_is_a_turn_without_its_label() {
        for line in [
            "Speaker 2 [00:00:58]: What I need is a faster close.",
            "[00:00:58] SPEAKER_02: What I need is a faster close.",
            "Speaker 2 (00:00:58): What I need is a faster close.",
            "00:58 - Participant 2: What I need is a faster close.",
        ] {
            let got = turns(line);
            assert_eq!(got.len(), 1, "{line}: {got:?}");
            assert_eq!(got[0].3, "What I need is a faster close.", "{line}");
            assert!(
                got[0].1.as_deref().unwrap().ends_with('2'),
                "{line}: {got:?}"
            );
        }
    }

    #[test]
    fn the_legend_names_the_numbered_speakers_and_is_no_statement() {
        let text = "# Call\n\n**Speakers**\n\
            - Speaker 1: Olga Brandt (Nordmarine, Account Executive)\n\
            - Speaker 2: Tomas Ruiz Vega (Port of Alcudia, Operations), joined at 00:31\n\n\
            ## Transcript\n\n\
            Speaker 1 [00:00:03]: Can you hear me?\n\
            Speaker 2 [00:00:07]: Yes. What I need is the berth plan on one screen.\n";
        let got = turns(text);
        assert!(
            !got.iter().any(|t| t.3.contains("Olga Brandt")),
            "the legend is no statement: {got:?}"
        );
        let last = got.last().unwrap();
        assert_eq!(last.1.as_deref(), Some("Tomas Ruiz Vega"), "{got:?}");
        assert_eq!(last.2.as_deref(), Some("Port of Alcudia, Operations"));
        let hear = got.iter().find(|t| t.3 == "Can you hear me?").unwrap();
        assert_eq!(hear.1.as_deref(), Some("Olga Brandt"), "{got:?}");
    }

    #[test]
    fn talk_after_the_transcript_starts_is_no_legend() {
        // No timestamped turn of number 3, and "Speaker 2: Yes, fine." is talk.
        let text = "Speaker 3: Dana Pike (Orbitex)\n\
            Speaker 2 [00:00:07]: Hello.\n\
            Speaker 2: Maria Lopez\n\
            Speaker 2 [00:00:09]: Yes, fine.\n";
        let got = turns(text);
        assert!(
            got.iter().all(|t| t.1.as_deref() != Some("Maria Lopez")),
            "{got:?}"
        );
        assert!(
            got.iter().all(|t| t.1.as_deref() != Some("Dana Pike")),
            "{got:?}"
        );
        let legend = "SPEAKER_01 = Ramon Sewdien\n[00:00:04] SPEAKER_01: Everything is on paper.\n";
        let got = turns(legend);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("Ramon Sewdien"));
    }
}
