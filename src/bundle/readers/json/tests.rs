use super::*;
use crate::bundle::{FileRole, Format, SourceFile};

fn file(stored: &str, ctx: &ReadContext) -> SourceFile {
    SourceFile {
        path: "notes/call.json".into(),
        role: FileRole::Notes,
        format: Format::Json,
        text: stored.to_string(),
        view: Some(view(stored, ctx).unwrap()),
    }
}

/// (line, speaker, role, text) of every statement.
type Said = (u32, Option<String>, Option<String>, String);

fn said_in(f: &SourceFile) -> Vec<Said> {
    f.statements()
        .iter()
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

fn said(stored: &str) -> Vec<Said> {
    said_in(&file(stored, &ReadContext::default()))
}

fn turn(line: u32, who: &str, role: Option<&str>, text: &str) -> Said {
    (line, Some(who.into()), role.map(Into::into), text.into())
}

const SLACK_USERS: &str = r#"[
  {"id": "U01DANA", "name": "dana", "real_name": "Dana Whitfield", "is_restricted": false},
  {"id": "U02INES", "name": "ines", "profile": {"real_name": "Ines Varga"}, "is_restricted": true}
]"#;

const SLACK_DAY: &str = r#"[
    {"type": "message", "subtype": "channel_join", "user": "U02INES", "text": "<@U02INES> has joined the channel", "ts": "1759395600.000100"},
    {
        "type": "message",
        "user": "U01DANA",
        "text": "Welcome <@U02INES>! Here is <https://acme.example/plan|the rollout plan> &amp; the SOW.\nWe'll schedule two admin trainings before kickoff :tada:",
        "ts": "1759406520.000200",
        "user_profile": {"real_name": "Dana Whitfield"},
        "thread_ts": "1759406520.000200",
        "reply_count": 1
    },
    {"type": "message", "subtype": "bot_message", "bot_id": "B1", "text": "Reminder: standup", "ts": "1759406600.000300"},
    {
        "type": "message",
        "user": "U02INES",
        "text": "Thanks! We'll send over our API keys &lt;today&gt; :smile:",
        "ts": "1759407000.000400",
        "thread_ts": "1759406520.000200",
        "parent_user_id": "U01DANA"
    }
]
"#;

#[test]
fn slack_export_folder_through_load() {
    let dir = tempfile::tempdir().unwrap();
    let slack = dir.path().join("notes/slack");
    std::fs::create_dir_all(slack.join("general")).unwrap();
    std::fs::write(slack.join("users.json"), SLACK_USERS).unwrap();
    std::fs::write(slack.join("general/2026-10-02.json"), SLACK_DAY).unwrap();
    let b = crate::bundle::load(dir.path()).unwrap();
    let f = b
        .files
        .iter()
        .find(|f| f.path == "notes/slack/general/2026-10-02.json")
        .unwrap();
    let seller = Some("seller");
    assert_eq!(
        said_in(f),
        vec![
            turn(6, "Dana Whitfield", seller, "Welcome Ines Varga!"),
            turn(
                6,
                "Dana Whitfield",
                seller,
                "Here is the rollout plan & the SOW."
            ),
            turn(
                6,
                "Dana Whitfield",
                seller,
                "We'll schedule two admin trainings before kickoff :tada:"
            ),
            turn(16, "Ines Varga", Some("customer"), "Thanks!"),
            turn(
                16,
                "Ines Varga",
                Some("customer"),
                "We'll send over our API keys <today> :smile:"
            ),
        ],
        "{}",
        f.readable()
    );
    assert!(b.unread().next().is_none());
}

#[test]
fn slack_without_users_json_names_people_from_their_profiles() {
    let got = said(SLACK_DAY);
    assert_eq!(got[0].1.as_deref(), Some("Dana Whitfield"));
    assert_eq!(got[0].2, None);
    // Ines's id is all the file has: her mention stays an id, and she is
    // "Someone" (an id does not read as a speaker's name).
    assert_eq!(got[0].3, "Welcome U02INES!");
    assert_eq!(got[3].1.as_deref(), Some("Someone"));
    assert_eq!(got.len(), 5);
}

const GONG: &str = r#"{
  "requestId": "4al018gzaztcr8nbukw",
  "callTranscripts": [
    {
      "callId": "7782342274025937895",
      "transcript": [
        {
          "speakerId": "6432345678555530067",
          "topic": "Pricing",
          "sentences": [
            {"start": 460230, "end": 462343, "text": "We'll include two extra admin training sessions"},
            {"start": 462343, "end": 463100, "text": "at no cost."},
            {"start": 463100, "end": 465000, "text": "Note: the SSO setup is on us."}
          ]
        },
        {
          "speakerId": "8127719238414411213",
          "topic": "Pricing",
          "sentences": [
            {"start": 466000, "end": 468000, "text": "Great. We'll send over our API keys on Monday."}
          ]
        }
      ]
    }
  ],
  "parties": [
    {"id": "1", "speakerId": "6432345678555530067", "name": "Dana Whitfield", "affiliation": "Internal"},
    {"id": "2", "speakerId": "8127719238414411213", "name": "Maria Chen", "affiliation": "External"}
  ]
}"#;

#[test]
fn gong_parties_give_names_and_sides() {
    let seller = Some("seller");
    assert_eq!(
        said(GONG),
        vec![
            // A sentence the recorder cut in two is one statement, cited
            // where it starts.
            turn(
                11,
                "Dana Whitfield",
                seller,
                "We'll include two extra admin training sessions at no cost."
            ),
            // "Note:" would read as a speaker of its own: the turn is opened again.
            turn(
                13,
                "Dana Whitfield",
                seller,
                "Note: the SSO setup is on us."
            ),
            turn(20, "Maria Chen", Some("customer"), "Great."),
            turn(
                20,
                "Maria Chen",
                Some("customer"),
                "We'll send over our API keys on Monday."
            ),
        ]
    );
}

#[test]
fn recorder_shapes_with_speaker_lists_and_plain_arrays() {
    let otter = r#"{"title": "Kickoff prep",
  "speakers": [{"id": 1, "name": "Sam Ortiz", "is_host": true}, {"id": 2, "name": "Ines Varga", "is_host": false}],
  "segments": [
    {"speaker": 1, "start": 12.5, "text": "We will send the runbook by Friday."},
    {"speaker": 2, "start": 20.0, "text": "Our team will review it."},
    {"speaker": 3, "start": 31.0, "text": "Sorry I'm late."}
  ]}"#;
    assert_eq!(
        said(otter),
        vec![
            turn(
                4,
                "Sam Ortiz",
                Some("seller"),
                "We will send the runbook by Friday."
            ),
            turn(5, "Ines Varga", None, "Our team will review it."),
            turn(6, "Speaker A", None, "Sorry I'm late."),
        ]
    );
    let fireflies = r#"{"data": {"transcript": {"sentences": [
  {"speaker_name": "Priya Raman", "start_time": "00:01:02.5", "text": "I'll own the handoff.", "internal": true}
]}}}"#;
    assert_eq!(
        said(fireflies),
        vec![turn(
            2,
            "Priya Raman",
            Some("seller"),
            "I'll own the handoff."
        )]
    );
    let plain = "[\n {\"speaker\": \"Maria Chen\", \"text\": \"Finance signs off next week.\"},\n {\"speaker\": \"Maria Chen\", \"text\": \"Then we go.\"}\n]";
    assert_eq!(
        said(plain),
        vec![
            turn(2, "Maria Chen", None, "Finance signs off next week."),
            turn(3, "Maria Chen", None, "Then we go."),
        ]
    );
    assert!(view("[]", &ReadContext::default()).unwrap().is_empty());
}

#[test]
fn invalid_and_unknown_json_are_unreadable() {
    let ctx = ReadContext::default();
    let e = view("[\n  {\"text\": \"a\"},\n  {\"text\": }\n]", &ctx).unwrap_err();
    assert_eq!(e.line, Some(3));
    assert!(e.reason.starts_with("invalid JSON: expected value"), "{e}");
    let e = view("{\"deal\": {\"amount\": 48000}}", &ctx).unwrap_err();
    assert_eq!(
        e.reason,
        "JSON of no known chat, transcript or notes export shape"
    );
}

#[test]
fn truncated_input_never_panics() {
    let ctx = ReadContext {
        slack_users: crate::bundle::readers::slack_users(SLACK_USERS.as_bytes()),
    };
    for sample in [SLACK_DAY, GONG] {
        for (i, _) in sample.char_indices() {
            let _ = view(&sample[..i], &ctx);
        }
    }
}

#[test]
fn unreadable_exports_are_listed_with_their_reason() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes");
    std::fs::create_dir_all(&notes).unwrap();
    std::fs::write(notes.join("broken.json"), "{\n  \"a\": [1,\n}\n").unwrap();
    std::fs::write(notes.join("config.json"), "{\"theme\": \"dark\"}").unwrap();
    std::fs::write(notes.join("deals.csv"), "Deal ID,Amount\n7,48000\n").unwrap();
    let b = crate::bundle::load(dir.path()).unwrap();
    let why: Vec<(&str, Option<&str>)> = b
        .unread()
        .map(|l| (l.path.as_str(), l.reason.as_deref()))
        .collect();
    assert_eq!(
        why,
        vec![
            (
                "notes/broken.json",
                Some("line 3: invalid JSON: expected value")
            ),
            (
                "notes/config.json",
                Some("JSON of no known chat, transcript or notes export shape")
            ),
            (
                "notes/deals.csv",
                Some("line 1: a CSV with no column of note text (columns: Deal ID, Amount)")
            ),
        ]
    );
}

#[test]
fn notes_exports_are_read_record_by_record() {
    let pipedrive = r#"{
  "success": true,
  "data": [
    {
      "id": 41,
      "content": "<p>Told Jonas we host in Frankfurt.</p><p>Net 45 agreed &amp; signed.</p>",
      "add_time": "2026-10-02 09:14:00"
    },
    {
      "id": 42,
      "content": "Kickoff in KW 10."
    }
  ]
}"#;
    let note = |line: u32, text: &str| (line, None, None, text.to_string());
    assert_eq!(
        said(pipedrive),
        vec![
            note(6, "Told Jonas we host in Frankfurt."),
            note(6, "Net 45 agreed & signed."),
            note(11, "Kickoff in KW 10."),
        ]
    );
}

#[test]
fn google_chat_and_telegram_exports_name_their_speakers() {
    let google_chat = r#"{
  "messages": [
    {"creator": {"name": "Héctor Ruiz", "user_type": "Human"}, "text": "Can we pay quarterly?"},
    {"creator": {"name": "Dana Whitfield", "user_type": "Human"}, "text": "Quarterly is fine."},
    {"creator": {"name": "Héctor Ruiz", "user_type": "Human"}, "text": "And the price in pesos?"},
    {"creator": {"name": "Dana Whitfield", "user_type": "Human"}, "text": "Yes, in MXN."}
  ]
}"#;
    let got = said(google_chat);
    assert_eq!(got.len(), 4, "{got:#?}");
    assert_eq!(
        got[1],
        turn(4, "Dana Whitfield", None, "Quarterly is fine.")
    );
    let telegram = r#"{"name": "Deal", "messages": [
  {"id": 1, "type": "message", "from": "Chidi Okeke", "text": "Where is our data hosted?"},
  {"id": 2, "type": "message", "from": "Ifeoma Obi", "text": "In Lagos."},
  {"id": 3, "type": "message", "from": "Chidi Okeke", "text": "Backups too?"},
  {"id": 4, "type": "message", "from": "Ifeoma Obi", "text": "Backups too."}
]}"#;
    let got = said(telegram);
    assert_eq!(got.len(), 4, "{got:#?}");
    assert_eq!(
        got[0],
        turn(2, "Chidi Okeke", None, "Where is our data hosted?")
    );
}

#[test]
fn rich_text_pieces_run_together_and_each_line_is_cited_where_it_starts() {
    let chat = r#"{"messages": [
  {"type": "message", "from": "Nadia Perez", "date": "2026-03-02T09:15:00",
   "text": [
    "Agreed terms:\n",
    {"type": "bold", "text": "Seats"},
    ": forty, no setup fee\n",
    {"type": "link", "text": "Billing"},
    ": monthly"
   ]}
]}"#;
    assert_eq!(
        said(chat),
        vec![
            turn(4, "Nadia Perez", None, "Agreed terms:"),
            turn(5, "Nadia Perez", None, "Seats: forty, no setup fee"),
            turn(7, "Nadia Perez", None, "Billing: monthly"),
        ]
    );
}

#[test]
fn text_one_object_down_is_read_and_records_keep_no_speaker() {
    let crm = r#"[
  {"engagement": {"id": 7, "type": "NOTE", "ownerName": "Lee Park"},
   "metadata": {"body": "<p>Customer wants SSO.</p><p>Budget is tight.</p>"}},
  {"engagement": {"id": 8, "type": "CALL"}, "metadata": {"body": "Call went well."}}
]"#;
    let note = |line: u32, text: &str| (line, None, None, text.to_string());
    assert_eq!(
        said(crm),
        vec![
            note(3, "Customer wants SSO."),
            note(3, "Budget is tight."),
            note(4, "Call went well."),
        ]
    );
    let board = r#"{"name": "Card", "actions": [
  {"type": "commentCard", "date": "2026-05-04T10:20:00.000Z", "data": {"text": "We will migrate the archive.", "card": {"name": "Card"}},
   "memberCreator": {"id": "m1", "fullName": "Omar Said"}}
]}"#;
    assert_eq!(
        said(board),
        vec![turn(2, "Omar Said", None, "We will migrate the archive.")]
    );
}

#[test]
fn nested_message_lists_take_names_over_ids_and_drop_quotes() {
    let chat = r#"{"userId": "4:ana", "conversations": [{"id": "c1", "displayName": "Deal room",
  "MessageList": [
   {"from": "4:live:ana.ruiz77", "displayName": "Ana Ruiz", "originalarrivaltime": "2026-05-04T10:20:00Z", "content": "<quote author=\"bo\">Is it hosted here?</quote>Yes, hosted locally &#128578;"},
   {"from": "4:live:bo.lind", "displayName": "Bo Lind", "originalarrivaltime": 1790000000, "content": "Good &amp; thanks"}
  ]}]}"#;
    assert_eq!(
        said(chat),
        vec![
            turn(3, "Ana Ruiz", None, "Yes, hosted locally \u{1F642}"),
            turn(4, "Bo Lind", None, "Good & thanks"),
        ]
    );
}

#[test]
fn handles_read_as_names_and_each_written_line_is_a_statement() {
    let chat = "[\n {\"user\": \"ana.ruiz\", \"create_at\": 1790000000000, \"message\": \"We add the second site.\\nNo extra cost.\"},\n {\"user\": \"ole-martin.berg\", \"message\": \"Noted.\"}\n]";
    assert_eq!(
        said(chat),
        vec![
            turn(2, "Ana Ruiz", None, "We add the second site."),
            turn(2, "Ana Ruiz", None, "No extra cost."),
            turn(3, "Ole-Martin Berg", None, "Noted."),
        ]
    );
}

#[test]
fn tickets_read_their_description_once_and_tell_sides() {
    let ticket = r#"{
  "ticket": {"id": 5, "subject": "Questions", "description_text": "Where is the data hosted?"},
  "conversations": [
    {"body_text": "In Frankfurt, we will confirm in writing.", "user_id": 11, "incoming": false},
    {"body_text": "Thanks, our security team must approve it.", "user_id": 12, "incoming": true}
  ]
}"#;
    let got = said(ticket);
    assert_eq!(got[0], (2, None, None, "Where is the data hosted?".into()));
    assert_eq!(got[1].2.as_deref(), Some("seller"), "{got:#?}");
    assert_eq!(got[2].2.as_deref(), Some("customer"), "{got:#?}");
    // A description that repeats the first comment is said once.
    let repeated = r#"{
  "ticket": {"description": "Can we pay quarterly?"},
  "comments": [{"author_id": 1, "body": "Can we pay quarterly?"}, {"author_id": 2, "public": false, "body": "Finance says yes."}]
}"#;
    let got = said(repeated);
    assert_eq!(got.len(), 2, "{got:#?}");
    assert_eq!(got[1].2.as_deref(), Some("seller"));
}

#[test]
fn author_types_give_sides_and_bots_say_nothing() {
    let parts = r#"{"parts": [
  {"body": "<p>Hi! Ask us anything.</p>", "author": {"type": "bot", "name": "Helper"}},
  {"body": "<p>Do you support offline mode?</p>", "author": {"type": "user", "name": "Eva Kim"}},
  {"body": "<p>Yes, offline mode is included.</p>", "author": {"type": "admin", "name": "Raj Patel"}}
]}"#;
    assert_eq!(
        said(parts),
        vec![
            turn(
                3,
                "Eva Kim",
                Some("customer"),
                "Do you support offline mode?"
            ),
            turn(
                4,
                "Raj Patel",
                Some("seller"),
                "Yes, offline mode is included."
            ),
        ]
    );
}

#[test]
fn word_timings_are_not_messages_and_bullets_are_lines() {
    let recording = r#"{
  "words": [{"text": "we", "start": 1}, {"text": "ship", "start": 2}],
  "utterances": [{"speaker": "Lina Berg", "start": 1, "text": "We ship in May."}],
  "notes": [{"title": "Decisions", "bullets": ["Go-live in May.", "Two trainings on site."]}]
}"#;
    let got = said(recording);
    assert_eq!(got.len(), 3, "{got:#?}");
    assert_eq!(got[0], turn(3, "Lina Berg", None, "We ship in May."));
    assert_eq!(got[1], (4, None, None, "Go-live in May.".into()));
    assert_eq!(got[2], (4, None, None, "Two trainings on site.".into()));
}
