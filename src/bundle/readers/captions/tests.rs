use super::*;
use crate::text::segment;

/// The statements of a view: stored line, speaker, role, text.
fn said(view: &View) -> Vec<(u32, Option<String>, Option<String>, String)> {
    segment(view.text())
        .into_iter()
        .map(|s| {
            (
                view.stored_line(s.line),
                s.speaker().map(String::from),
                s.speaker_role().map(String::from),
                s.text.to_string(),
            )
        })
        .collect()
}

fn row(line: u32, who: Option<&str>, text: &str) -> (u32, Option<String>, Option<String>, String) {
    (line, who.map(String::from), None, text.to_string())
}

/// A Zoom / Teams style recording: voice tags with classes, a sentence that
/// runs across cues, the speaker carried over cues without a tag.
const ZOOM: &str = "WEBVTT
Kind: captions
Language: en

NOTE
This transcript was generated automatically.
It may contain --> arrows in notes.

STYLE
::cue { color: white }

1
00:00:01.000 --> 00:00:04.000 align:start position:10%
<v.loud Dana Whitfield>Thanks for joining. We will

2
00:00:04.000 --> 00:00:07.500
<c.yellow>deliver</c> the <b>SSO</b> connector by March 1.</v>

intro-3
00:00:08.000 --> 00:00:10.000
<v Ines Varga>Great &amp; thanks. We&#39;ll send over
our API keys&nbsp;tomorrow.

00:00:10.000 --> 00:00:12.000
<00:00:10.500>Is that <i>OK</i>?

00:12.000 --> 00:14.000
<v Dana Whitfield>Yes.
";

#[test]
fn vtt_turns_cite_where_the_words_stand() {
    let view = read_vtt(ZOOM).unwrap();
    assert_eq!(
        said(&view),
        vec![
            row(14, Some("Dana Whitfield"), "Thanks for joining."),
            row(
                14,
                Some("Dana Whitfield"),
                "We will deliver the SSO connector by March 1."
            ),
            row(22, Some("Ines Varga"), "Great & thanks."),
            row(
                22,
                Some("Ines Varga"),
                "We'll send over our API keys tomorrow."
            ),
            row(26, Some("Ines Varga"), "Is that OK?"),
            row(29, Some("Dana Whitfield"), "Yes."),
        ]
    );
    // No timing, cue number, identifier, note or tag reaches the view's words.
    for bad in [
        "-->", "<", "intro-3", "NOTE", "cue {", "Kind:", "&amp;", "00:00:04",
    ] {
        let words: String = segment(view.text())
            .iter()
            .map(|s| s.text.to_string())
            .collect();
        assert!(!words.contains(bad), "{bad} in {words}");
    }
}

/// A SubRip file from a meeting tool: `Name:` prefixes, a dialogue dash with
/// a name, `[Name]`, `>>`, tags, CRLF line ends and a byte-order mark.
#[test]
fn srt_speakers_in_the_text() {
    let srt = "\u{feff}1\r\n00:00:01,000 --> 00:00:04,000\r\nTom Okafor (Acme): We need the\r\n\r\n\
2\r\n00:00:04,000 --> 00:00:06,000\r\n<i>export</i> <font color=\"#ff0\">by Friday</font>.\r\n\r\n\
3\r\n00:00:06,000 --> 00:00:08,000\r\n- Dana (AE): We will add it.\r\n- Tom Okafor (Acme): Good.\r\n\r\n\
4\r\n00:00:08,000 --> 00:00:10,000\r\n[Priya Shah] {\\an8}I'll check [laughs] with legal.\r\n\r\n\
5\r\n00:00:10,000 --> 00:00:11,000\r\n>> Someone else entirely.\r\n";
    let view = read_srt(srt).unwrap();
    let got = said(&view);
    let role = |r: &str| Some(r.to_string());
    assert_eq!(
        got,
        vec![
            (
                3,
                Some("Tom Okafor".into()),
                role("Acme"),
                "We need the export by Friday.".into()
            ),
            (
                11,
                Some("Dana".into()),
                role("AE"),
                "We will add it.".into()
            ),
            (12, Some("Tom Okafor".into()), role("Acme"), "Good.".into()),
            row(16, Some("Priya Shah"), "I'll check [laughs] with legal."),
            row(20, None, "Someone else entirely."),
        ]
    );
}

#[test]
fn cues_without_a_speaker_are_text() {
    let vtt = "WEBVTT\n\n00:01.000 --> 00:03.000\nwe can give you\n\n00:03.000 --> 00:05.000\nthe first month free.\n";
    let view = read_vtt(vtt).unwrap();
    assert_eq!(
        said(&view),
        vec![row(4, None, "we can give you the first month free.")]
    );
}

#[test]
fn a_speaker_carries_over_until_another_is_named() {
    let srt = "1\n00:00:01,000 --> 00:00:02,000\nDana: One.\n\n2\n00:00:02,000 --> 00:00:03,000\nTwo.\n\n\
3\n00:00:03,000 --> 00:00:04,000\n[music]\n\n4\n00:00:04,000 --> 00:00:05,000\n10:30 works for us.\n\n\
5\n00:00:05,000 --> 00:00:06,000\nInes: Four.\n";
    let view = read_srt(srt).unwrap();
    assert_eq!(
        said(&view),
        vec![
            row(3, Some("Dana"), "One."),
            row(7, Some("Dana"), "Two."),
            row(15, Some("Dana"), "10:30 works for us."),
            row(19, Some("Ines"), "Four."),
        ]
    );
}

#[test]
fn names_the_segmenter_cannot_take() {
    let vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Speaker 1>Hello there.\n\n\
00:02.000 --> 00:03.000\n<v +44 7700 900123>Who is this?\n\n00:03.000 --> 00:04.000\nStill me.\n\n\
00:04.000 --> 00:05.000\n<v Note>A label is no name.\n\n\
00:05.000 --> 00:06.000\n<v Dana>[laughs] Dana: Sure.\n";
    let view = read_vtt(vtt).unwrap();
    assert_eq!(
        said(&view),
        vec![
            row(4, Some("Speaker 1"), "Hello there."),
            row(7, None, "Who is this?"),
            row(10, None, "Still me."),
            row(13, None, "A label is no name."),
            row(16, Some("Dana"), "Sure."),
        ]
    );
}

#[test]
fn malformed_cues_are_skipped_and_non_captions_unreadable() {
    let vtt = "WEBVTT\n\n1\n00:00:xx --> 00:00:02.000\nLost.\n\n2\nno timing here\nAlso lost.\n\n\
00:00:03.000 --> 00:00:04.000\nKept.\n99\n00:00:04.000 --> 00:00:05.000\nKept too.\n";
    let view = read_vtt(vtt).unwrap();
    assert_eq!(
        said(&view),
        vec![row(12, None, "Kept."), row(15, None, "Kept too.")]
    );
    let e = read_vtt("# Call notes\n\nWe will ship it.\n").unwrap_err();
    assert_eq!(
        e.reason,
        "not WebVTT captions: no cue timing line (`00:00:01.000 --> 00:00:04.000`)"
    );
    assert!(
        read_srt("")
            .unwrap_err()
            .reason
            .starts_with("not SubRip captions")
    );
    assert!(read_vtt("WEBVTT\n").is_err());
}

#[test]
fn garbage_and_every_prefix_never_panic() {
    let srt =
        "1\r\n00:00:01,000 --> 00:00:04,000\r\n- Tom Okafor (Acme): é&amp;<i>x</i>{\\an8}\r\n\r\n";
    for sample in [ZOOM, srt] {
        for end in (0..=sample.len()).filter(|&i| sample.is_char_boundary(i)) {
            let _ = read_vtt(&sample[..end]).map(|v| segment(v.text()));
            let _ = read_srt(&sample[..end]).map(|v| segment(v.text()));
        }
    }
    for end in ["]", ">", ""] {
        for open in ["[", "(", "<", "<v ", "{\\", "&"] {
            let long = format!("00:00 --> 00:01\n{open}{}{end} x", "é".repeat(150));
            let _ = read_vtt(&long).map(|v| segment(v.text()));
        }
    }
    for junk in [
        "-->",
        "--> -->",
        "00:00 --> 00:01\n<v",
        "00:00 --> 00:01\n<v >",
        "00:00 --> 00:01\n<<<<<<>>>>&&&&;;;&#;&#x;&#99999999999;",
        "00:00 --> 00:01\n[",
        "00:00 --> 00:01\n>>",
        "00:00 --> 00:01\n- ",
        "00:00 --> 00:01\n: x",
        "99999999999999999999:00:00.000 --> 1:00:00.000\nx",
        "\u{feff}\r\r\n\n",
    ] {
        let _ = read_vtt(junk).map(|v| segment(v.text()));
        let _ = read_srt(junk).map(|v| segment(v.text()));
    }
}

#[test]
fn timings() {
    assert_eq!(
        timing("00:01:02.500 --> 00:01:05.000 align:start"),
        Some(Some(62))
    );
    assert_eq!(timing("01:02,5 --> 01:03,000"), Some(Some(62)));
    assert_eq!(timing("1:00:00.000-->1:00:01.000"), Some(Some(3600)));
    assert_eq!(timing("00:61.000 --> 00:62.000"), Some(None));
    assert_eq!(timing("a --> b"), Some(None));
    assert_eq!(timing("no arrow"), None);
}

/// Through the bundle loader: statements, speakers and stored lines.
#[test]
fn loaded_from_a_bundle() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("notes")).unwrap();
    std::fs::write(
        dir.path().join("deal.toml"),
        "account = \"Acme\"\nae = \"Dana Whitfield\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("notes/call.vtt"),
        ZOOM.replace('\n', "\r\n"),
    )
    .unwrap();
    std::fs::write(dir.path().join("notes/bad.srt"), "just words\n").unwrap();
    let b = crate::bundle::load(dir.path()).unwrap();
    let call = b.files.iter().find(|f| f.path == "notes/call.vtt").unwrap();
    let statements = call.statements();
    let got: Vec<(u32, Option<&str>, &str)> = statements
        .iter()
        .map(|s| (s.line, s.speaker(), &*s.text))
        .collect();
    assert_eq!(got.len(), 6);
    assert_eq!(
        got[1],
        (
            14,
            Some("Dana Whitfield"),
            "We will deliver the SSO connector by March 1."
        )
    );
    assert_eq!(
        got[3],
        (
            22,
            Some("Ines Varga"),
            "We'll send over our API keys tomorrow."
        )
    );
    let stored: Vec<&str> = call.text.lines().collect();
    assert!(stored[13].contains("We will"));
    let bad = b
        .listing
        .iter()
        .find(|l| l.path == "notes/bad.srt")
        .unwrap();
    assert!(!bad.read);
    assert!(
        bad.reason
            .as_deref()
            .unwrap()
            .starts_with("not SubRip captions")
    );
}
