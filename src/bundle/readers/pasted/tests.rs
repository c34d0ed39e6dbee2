use super::*;
use crate::text::segment;

type Said = (u32, Option<String>, Option<String>, String);

/// The statements of a note's view (or of the note itself when it has
/// none): stored line, speaker, role, text.
fn said(stored: &str) -> Vec<Said> {
    let view = read_pasted(stored);
    let text = view.as_ref().map_or(stored, |v| v.text());
    segment(text)
        .into_iter()
        .map(|s| {
            (
                view.as_ref().map_or(s.line, |v| v.stored_line(s.line)),
                s.speaker().map(String::from),
                s.speaker_role().map(String::from),
                s.text.to_string(),
            )
        })
        .collect()
}

fn row(line: u32, who: Option<&str>, text: &str) -> Said {
    (line, who.map(String::from), None, text.to_string())
}

const OTTER: &str = "Discovery call - Acme
Mon, Nov 2, 2026 10:00AM

Ines Varga  0:42
Thanks for making the time. We'll send over our API keys
after the security review.

Dana Whitfield  1:05
Great. We will deliver the SSO connector by March 1.

And we'll waive the setup fee.

Ines Varga  1:30
[laughs] Sounds good.
";

#[test]
fn otter_transcript_headers_name_the_speaker() {
    assert_eq!(
        said(OTTER),
        vec![
            row(1, None, "Discovery call - Acme"),
            row(2, None, "Mon, Nov 2, 2026 10:00AM"),
            row(5, Some("Ines Varga"), "Thanks for making the time."),
            row(
                5,
                Some("Ines Varga"),
                "We'll send over our API keys after the security review."
            ),
            row(9, Some("Dana Whitfield"), "Great."),
            row(
                9,
                Some("Dana Whitfield"),
                "We will deliver the SSO connector by March 1."
            ),
            row(11, Some("Dana Whitfield"), "And we'll waive the setup fee."),
            row(14, Some("Ines Varga"), "[laughs] Sounds good."),
        ]
    );
    // One view line per stored line.
    assert_eq!(read_pasted(OTTER).unwrap().len(), OTTER.lines().count());
}

#[test]
fn chat_app_headers() {
    // Slack: no blank lines; Gong; Zoom; Teams; a handle.
    let slack = "Ines Varga  10:14 AM\ncan you confirm the sandbox?\nDana Whitfield  10:16 AM\nYes, we'll set it up this week.\n";
    assert_eq!(
        said(slack),
        vec![
            row(2, Some("Ines Varga"), "can you confirm the sandbox?"),
            row(4, Some("Dana Whitfield"), "Yes, we'll set it up this week."),
        ]
    );
    let gong = "Tom Okafor  |  14:02\nWe need SSO.\n\nDana Whitfield  |  14:03\nWe will add it.\n\nTom Okafor  |  14:05\n- Fine.\n";
    let got = said(gong);
    assert_eq!(got[0], row(2, Some("Tom Okafor"), "We need SSO."));
    assert_eq!(got[1], row(5, Some("Dana Whitfield"), "We will add it."));
    assert_eq!(got[2], row(8, Some("Tom Okafor"), "- Fine."));
    let zoom = "[Tom Okafor] 14:02:11\nWe need SSO.\n[Dana Whitfield] 14:02:30\nWe will add it.\n";
    assert_eq!(
        said(zoom)[1],
        row(4, Some("Dana Whitfield"), "We will add it.")
    );
    let teams = "Tom Okafor 00:03:12\nWe need SSO.\nDana Whitfield 00:03:20\nSure.\nTom Okafor 00:03:41\nThanks.\n";
    assert_eq!(said(teams)[2], row(6, Some("Tom Okafor"), "Thanks."));
    let otter_numbered = "Speaker 1  0:02\nHello.\nSpeaker 2  0:05\nHi.\nSpeaker 1  0:09\nBye.\n";
    assert_eq!(said(otter_numbered)[1], row(4, Some("Speaker 2"), "Hi."));
    // A Teams chat export: the clock first, the words below.
    let teams_chat = "[10:42 AM] Ines Varga\nCan you do the SSO setup?\n\n[10:44 AM] Dana Whitfield\nYes, we'll configure it in week one.\n";
    let got = said(teams_chat);
    assert_eq!(
        got[0],
        row(2, Some("Ines Varga"), "Can you do the SSO setup?")
    );
    assert_eq!(
        got[1],
        row(
            5,
            Some("Dana Whitfield"),
            "Yes, we'll configure it in week one."
        )
    );
}

#[test]
fn a_label_over_a_list_inside_a_turn_is_read_as_notes() {
    // The AE posts the customer's asks: the list is what they asked for, under
    // its label, not the AE's own words.
    let chat = "[10:42 AM] Dana Whitfield\nPricing call done.\nTheir asks:\n1. free onboarding\n2. 24/7 support\n\n[10:50 AM] Ines Varga\nThanks.\n";
    let got = said(chat);
    assert_eq!(got[0], row(2, Some("Dana Whitfield"), "Pricing call done."));
    let items: Vec<_> = got.iter().filter(|r| r.0 == 4 || r.0 == 5).collect();
    assert_eq!(items.len(), 2, "{got:?}");
    assert!(
        items.iter().all(|r| r.1.is_none()),
        "the list under its label carries no speaker: {got:?}"
    );
    assert_eq!(got.last(), Some(&row(8, Some("Ines Varga"), "Thanks.")));
}

#[test]
fn whatsapp_and_imessage() {
    let android = "02/11/2026, 7:40 pm - Messages and calls are end-to-end encrypted.\n\
02/11/2026, 7:41 pm - Priya Shah: Can you include the training?\n\
02/11/2026, 7:43 pm - Me: Yes, we'll include two sessions.\n\
It's on us.\n";
    let got = said(android);
    assert_eq!(
        got[0].3,
        "02/11/2026, 7:40 pm - Messages and calls are end-to-end encrypted."
    );
    assert_eq!(
        got[1],
        row(2, Some("Priya Shah"), "Can you include the training?")
    );
    let me = |line, text: &str| {
        (
            line,
            Some("Me".to_string()),
            Some("seller".to_string()),
            text.to_string(),
        )
    };
    assert_eq!(got[2], me(3, "Yes, we'll include two sessions."));
    assert_eq!(got[3], me(4, "It's on us."));
    let ios = "[02/11/2026, 19:41:03] Priya Shah: Deal.\n[02/11/2026, 19:42:10] Dana Whitfield: We will send the order form.\n";
    assert_eq!(
        said(ios)[1],
        row(2, Some("Dana Whitfield"), "We will send the order form.")
    );
    let imessage = "Me  7:41 PM\nWe'll waive the setup fee.\nPriya Shah  7:45 PM\nThanks!\n";
    assert_eq!(said(imessage)[0], me(2, "We'll waive the setup fee."));
    let sms = "\u{feff}Me: I'll get you the discount.\nPriya: Thanks\n";
    assert_eq!(said(sms)[0], me(1, "I'll get you the discount."));
}

#[test]
fn voice_tags_pasted_in_text() {
    let text = "Excerpt:\n\n<v Dana Whitfield>We will ship the export.</v>\n<v.loud Ines Varga>Good &amp; thanks.</v>\n";
    let got = said(text);
    assert_eq!(
        got[0],
        row(3, Some("Dana Whitfield"), "We will ship the export.")
    );
    assert_eq!(got[1], row(4, Some("Ines Varga"), "Good & thanks."));
}

#[test]
fn captions_pasted_in_text() {
    let text = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Dana>We will.\n";
    assert_eq!(said(text), vec![row(4, Some("Dana"), "We will.")]);
}

const NOTION: &str = "# Discovery call: Acme

Created: November 2, 2026 3:14 PM
Last edited time: November 3, 2026 9:00 AM
Tags: Discovery

<aside>
💡 Dana promised the SSO connector by March 1\\.
</aside>

<details>
<summary>Pricing \\(draft\\)</summary>

\\- We quoted $40k&nbsp;&amp; a 10\\% discount\\.
**Next steps** ** **

</details>
";

#[test]
fn notion_and_google_docs_artefacts() {
    let view = read_pasted(NOTION).unwrap();
    assert_eq!(view.len(), NOTION.lines().count());
    for bad in [
        "\\",
        "<aside",
        "</details",
        "&nbsp;",
        "&amp;",
        "Created",
        "Tags",
        "** **",
    ] {
        assert!(!view.text().contains(bad), "{bad} in {}", view.text());
    }
    let got = said(NOTION);
    let texts: Vec<(u32, &str)> = got.iter().map(|s| (s.0, s.3.as_str())).collect();
    assert_eq!(
        texts,
        vec![
            (8, "Dana promised the SSO connector by March 1."),
            (14, "We quoted $40k & a 10% discount."),
        ]
    );
    // The toggle's summary heads what it holds.
    assert_eq!(segment(view.text())[1].heading(), Some("Pricing (draft)"));
}

#[test]
fn ordinary_notes_are_read_as_they_stand() {
    for note in [
        "# Call with Acme\n\nDate: Nov 2\nAttendees: Maria Chen (VP Ops)\n\n- Budget: 40000\n- They need SSO by 03/01.\n",
        "Kickoff 10:00\nDemo 10:15\nPricing 10:45\n",
        // An agenda with words under each time: no name comes back.
        "Intro  10:00\nGoals and scope.\nDemo  10:15\nDashboards.\n",
        "[10:02] pieter.degroot: V&R is ready to sign\n[10:04] sanne.bakker: anything CS needs to know?\n",
        "Standup 9:30\nwe talked\n",
        "",
    ] {
        assert!(read_pasted(note).is_none(), "{note}");
    }
}

#[test]
fn every_prefix_and_garbage_never_panic() {
    for sample in [
        OTTER,
        NOTION,
        "02/11/2026, 7:41 pm - Me: x\n[1/1/26, 1:00:00 AM] A: b\n<v A>b</v>\n",
    ] {
        for end in (0..=sample.len()).filter(|&i| sample.is_char_boundary(i)) {
            let _ = read_pasted(&sample[..end]).map(|v| segment(v.text()));
        }
    }
    let long = format!("<aside{}> [{}", "é".repeat(150), "é".repeat(150));
    let _ = read_pasted(&long);
    for junk in [
        "\\",
        "<",
        "&",
        "**",
        "Me:",
        "[",
        "1",
        "a 1:00",
        "<v",
        "<v >x",
        "# T\n\nCreated:",
        "\u{feff}",
    ] {
        let _ = read_pasted(junk).map(|v| segment(v.text()));
    }
}

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
        dir.path().join("notes/otter.txt"),
        OTTER.replace('\n', "\r\n"),
    )
    .unwrap();
    std::fs::write(dir.path().join("notes/plain.md"), "We will ship it.\n").unwrap();
    let b = crate::bundle::load(dir.path()).unwrap();
    let otter = b
        .files
        .iter()
        .find(|f| f.path == "notes/otter.txt")
        .unwrap();
    let st = otter.statements();
    let got: Vec<(u32, Option<&str>, &str)> =
        st.iter().map(|s| (s.line, s.speaker(), &*s.text)).collect();
    assert_eq!(
        got[3],
        (
            5,
            Some("Ines Varga"),
            "We'll send over our API keys after the security review."
        )
    );
    assert_eq!(
        got[5],
        (
            9,
            Some("Dana Whitfield"),
            "We will deliver the SSO connector by March 1."
        )
    );
    let plain = b.files.iter().find(|f| f.path == "notes/plain.md").unwrap();
    assert!(plain.view.is_none());
}
