//! E-mail read through `bundle::load`, as the analysis reads it: statement
//! texts, authors and the stored lines they are cited at.

use super::{read_eml, read_mbox};
use crate::bundle::{SourceFile, load};
use base64::Engine;
use std::fs;

/// The file `notes/<name>` of a bundle holding only it, as loaded.
fn loaded(name: &str, body: &[u8]) -> SourceFile {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes");
    fs::create_dir_all(&notes).unwrap();
    fs::write(notes.join(name), body).unwrap();
    let b = load(dir.path()).unwrap();
    let path = format!("notes/{name}");
    if let Some(l) = b.unread().next() {
        panic!("{} not read: {:?}", l.path, l.reason);
    }
    b.files.into_iter().find(|f| f.path == path).unwrap()
}

/// `(stored line, text, author, quote depth)` of each statement.
fn statements(f: &SourceFile) -> Vec<(u32, String, Option<String>, u8)> {
    f.statements()
        .iter()
        .map(|s| {
            (
                s.line,
                s.text.to_string(),
                s.author().map(str::to_string),
                s.quote_depth,
            )
        })
        .collect()
}

fn st(line: u32, text: &str, author: &str, depth: u8) -> (u32, String, Option<String>, u8) {
    (line, text.to_string(), Some(author.to_string()), depth)
}

/// Seller reply with a quoted-printable plain part (a soft break inside the
/// promise, a curly apostrophe as `=E2=80=99`, the attribution soft-wrapped)
/// and its HTML twin.
const ALTERNATIVE: &str = "From: Dana Whitfield <dana@vendor.example>
To: =?UTF-8?Q?In=C3=A9s_Varga?= <ines@kestrelfoods.example>
Subject: Re: Connector timeline
Date: Tue, 6 Oct 2026 09:12:00 +0000
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary=\"b1\"

--b1
Content-Type: text/plain; charset=\"UTF-8\"
Content-Transfer-Encoding: quoted-printable

Hi Ines,

Thanks for the call today, it was great to see the whole team in one ro=
om. We=E2=80=99ll deliver the Snowflake connector b=
y 3 March at no extra cost.

Best,
Dana

On Mon, Oct 5, 2026 at 4:01 PM In=C3=A9s Varga <ines@kestrelfoods.example> w=
rote:
> We'll send over our API keys by Friday.
>
> Ines

--b1
Content-Type: text/html; charset=\"UTF-8\"
Content-Transfer-Encoding: quoted-printable

<div>HTML twin: we promise=C2=A0nothing here.</div>
--b1--
";

#[test]
fn quoted_printable_promise_is_one_statement_cited_where_it_starts() {
    let f = loaded("thread.eml", ALTERNATIVE.as_bytes());
    assert_eq!(
        statements(&f),
        vec![
            st(
                14,
                "Thanks for the call today, it was great to see the whole team in one room.",
                "Dana Whitfield",
                0
            ),
            st(
                15,
                "We\u{2019}ll deliver the Snowflake connector by 3 March at no extra cost.",
                "Dana Whitfield",
                0
            ),
            st(
                23,
                "We'll send over our API keys by Friday.",
                "Inés Varga",
                1
            ),
        ]
    );
    let view = f.readable();
    assert!(view.starts_with(
        "From: Dana Whitfield <dana@vendor.example>\nTo: Inés Varga <ines@kestrelfoods.example>\n"
    ));
    assert!(!view.contains("=E2") && !view.contains("=\n"), "{view}");
    assert!(
        !view.contains("HTML twin") && !view.contains("div"),
        "{view}"
    );
}

#[test]
fn crlf_mail_reads_like_lf_mail() {
    let crlf = ALTERNATIVE.replace('\n', "\r\n");
    let f = loaded("crlf.eml", crlf.as_bytes());
    let lf = loaded("lf.eml", ALTERNATIVE.as_bytes());
    assert_eq!(statements(&f), statements(&lf));
    // Straight from text that still has its `\r`.
    assert_eq!(read_eml(&crlf).unwrap(), read_eml(ALTERNATIVE).unwrap());
}

#[test]
fn base64_body_in_latin1_cited_at_its_chunk() {
    let body = "Hallo In\u{e9}s,\n\nThe kickoff is booked. ".to_string()
        + &"We reviewed the data model together and agreed on the plan. ".repeat(3)
        + "We will train your admins in two sessions before go-live.\n";
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(&body);
    let b64 = base64::engine::general_purpose::STANDARD.encode(&latin1);
    let chunks: Vec<&str> = b64
        .as_bytes()
        .chunks(76)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    let eml = format!(
        "From: \"Whitfield, Dana\" <dana@vendor.example>\nSubject: Kickoff\n\
         Content-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: base64\n\n{}\n",
        chunks.join("\n")
    );
    let f = loaded("kickoff.eml", eml.as_bytes());
    let got = statements(&f);
    assert_eq!(got.len(), 5, "{got:?}");
    assert!(
        got.iter()
            .all(|s| s.2.as_deref() == Some("Whitfield, Dana"))
    );
    // Each sentence is cited at the chunk holding its first byte: the body
    // starts on stored line 6, 57 decoded bytes a chunk.
    let chunk = |text: &str| 6 + (body.find(text).unwrap() / 57) as u32;
    assert_eq!(got[0].1, "The kickoff is booked.");
    assert_eq!(got[0].0, chunk("The kickoff"));
    assert_eq!(
        got[4].1,
        "We will train your admins in two sessions before go-live."
    );
    assert_eq!(got[4].0, chunk("We will train"));
    assert!(got[4].0 > 7);
}

#[test]
fn html_only_body_with_a_gmail_quoted_reply() {
    let eml = "From: Dana Whitfield <dana@vendor.example>
To: Ines Varga <ines@kestrelfoods.example>
Subject: Re: keys
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: quoted-printable

<html><head><style>div { color: red }</style></head><body>
<div dir=3D\"ltr\"><div>Hi Ines,</div><div><br></div><div>We will set up SSO=
 for your team before kickoff.</div><div><br></div>
<div class=3D\"gmail_signature\"><div>Dana Whitfield | Account Executive</div></div>
<div class=3D\"gmail_quote\"><div class=3D\"gmail_attr\">On Mon, Oct 5, 2026 at 4:01 PM Ines Varga &lt;<a href=3D\"mailto:ines@kestrelfoods.example\">ines@kestrelfoods.example</a>&gt; wrote:<br></div>
<blockquote class=3D\"gmail_quote\" style=3D\"margin:0 0 0 .8ex\">
<div>Sounds good. We&#39;ll send over our API keys.</div>
</blockquote></div></div></body></html>
";
    let f = loaded("html.eml", eml.as_bytes());
    assert_eq!(
        statements(&f),
        vec![
            st(
                8,
                "We will set up SSO for your team before kickoff.",
                "Dana Whitfield",
                0
            ),
            st(13, "Sounds good.", "Ines Varga", 1),
            st(13, "We'll send over our API keys.", "Ines Varga", 1),
        ]
    );
    let view = f.readable();
    assert!(
        !view.contains("div") && !view.contains("color") && !view.contains("&#"),
        "{view}"
    );
    assert!(!view.contains("Account Executive"), "{view}");
}

#[test]
fn forwarded_inline_and_attached_messages_keep_their_authors() {
    let eml = "From: Dana Whitfield <dana@vendor.example>
To: Priya Raman <priya@vendor.example>
Subject: Fwd: keys
Content-Type: multipart/mixed; boundary=\"outer\"

This is a multi-part message in MIME format.
--outer
Content-Type: text/plain

Priya, context below.

---------- Forwarded message ---------
From: Ines Varga <ines@kestrelfoods.example>
Date: Mon, Oct 5, 2026
Subject: keys

We will send the API keys on Monday.

--outer
Content-Type: message/rfc822
Content-Disposition: attachment

From: Ines Varga <ines@kestrelfoods.example>
Subject: SSO
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Our IT team will configure SSO on our side.
--outer
Content-Type: text/plain

PS: we will also send the recording.
--outer
Content-Type: application/pdf; name=\"scope.pdf\"
Content-Disposition: attachment; filename=\"scope.pdf\"
Content-Transfer-Encoding: base64

JVBERi0xLjQKV2Ugd2lsbCBuZXZlciBzZWUgdGhpcy4K
--outer
Content-Type: text/plain; name=\"notes.txt\"
Content-Disposition: attachment; filename=\"notes.txt\"

We will refund everything (an attached file, not the message).
--outer--
Epilogue text.
";
    let f = loaded("fwd.eml", eml.as_bytes());
    assert_eq!(
        statements(&f),
        vec![
            st(10, "Priya, context below.", "Dana Whitfield", 0),
            st(17, "We will send the API keys on Monday.", "Ines Varga", 0),
            st(
                28,
                "Our IT team will configure SSO on our side.",
                "Ines Varga",
                0
            ),
            st(
                32,
                "PS: we will also send the recording.",
                "Dana Whitfield",
                0
            ),
        ]
    );
    assert!(!f.readable().contains("refund") && !f.readable().contains("Epilogue"));
}

#[test]
fn outlook_original_message_and_signature() {
    let eml = "From: Ines Varga <ines@kestrelfoods.example>
To: Dana Whitfield <dana@vendor.example>
Subject: RE: Pricing

We accept the 3-year term.

-- 
Ines Varga
Head of Data, Kestrel Foods. We answer every request within one day.
+44 20 7946 0000

-----Original Message-----
From: Dana Whitfield [mailto:dana@vendor.example]
Sent: Monday, October 5, 2026 4:01 PM
To: Ines Varga
Subject: Pricing

We will hold the 12% discount for the full term.
";
    let f = loaded("outlook.eml", eml.as_bytes());
    assert_eq!(
        statements(&f),
        vec![
            st(5, "We accept the 3-year term.", "Ines Varga", 0),
            st(
                18,
                "We will hold the 12% discount for the full term.",
                "Dana Whitfield",
                0
            ),
        ]
    );
    assert!(
        f.readable()
            .contains("From: Dana Whitfield <dana@vendor.example>")
    );
}

#[test]
fn mailbox_of_three_messages() {
    let mbox = "From dana@vendor.example Mon Oct  5 10:00:00 2026
From: Dana Whitfield <dana@vendor.example>
Subject: one

We will send the SOW today.
>From the start we said so.

From ines@kestrelfoods.example Mon Oct  5 11:00:00 2026
From: Ines Varga <ines@kestrelfoods.example>
Subject: two
Content-Transfer-Encoding: quoted-printable

We=E2=80=99ll sign it this week.

From priya@vendor.example Tue Oct  6 09:00:00 2026
From: Priya Raman <priya@vendor.example>
Subject: three

I will run the kickoff.
";
    let f = loaded("deal.mbox", mbox.as_bytes());
    assert_eq!(
        statements(&f),
        vec![
            st(5, "We will send the SOW today.", "Dana Whitfield", 0),
            st(6, "From the start we said so.", "Dana Whitfield", 0),
            st(13, "We\u{2019}ll sign it this week.", "Ines Varga", 0),
            st(19, "I will run the kickoff.", "Priya Raman", 0),
        ]
    );
}

#[test]
fn truncated_and_garbage_input_never_panics() {
    let mut samples = vec![ALTERNATIVE.to_string()];
    samples.push(
        "Content-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: multipart/alternative; \
         boundary=y\n\n--y\nContent-Transfer-Encoding: base64\n\nSGk=\n--y\nContent-Type: \
         text/html\n\n<blockquote><b>&#x1F600;&amp\n--x\nContent-Type: message/rfc822\n\n\
         Subject: =?utf-8?B?w6k=?= =?x?Q?=ZZ?=\n\n=E2=80\n"
            .to_string(),
    );
    // Nesting far past any real message.
    let mut deep = String::new();
    for i in 0..200 {
        deep.push_str(&format!(
            "Content-Type: multipart/mixed; boundary=b{i}\n\n--b{i}\n"
        ));
    }
    deep.push_str("\nWe will ship.\n");
    samples.push(deep);
    samples.push("From \n\n>From \n=\n=?\n<".repeat(50));
    for sample in &samples {
        for cut in (0..=sample.len()).filter(|&c| sample.is_char_boundary(c)) {
            let _ = read_eml(&sample[..cut]).unwrap();
            let _ = read_mbox(&sample[..cut]).unwrap();
        }
    }
    let garbage: String = (0..5000u32)
        .map(|i| char::from_u32((i * 7919) % 0x3000).unwrap_or('='))
        .collect();
    let _ = read_eml(&garbage).unwrap();
    let _ = read_mbox(&garbage).unwrap();
}

#[test]
fn every_view_line_maps_inside_the_file() {
    let f = loaded("thread.eml", ALTERNATIVE.as_bytes());
    let view = f.view.as_ref().unwrap();
    let stored = f.text.lines().count() as u32;
    for n in 1..=view.len() as u32 {
        assert!((1..=stored).contains(&view.stored_line(n)));
    }
}
