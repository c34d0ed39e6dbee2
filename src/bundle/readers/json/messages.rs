//! Any export whose messages are JSON objects: recorders' segments (Zoom,
//! Otter, Fireflies, tl;dv), chats (Telegram, Google Chat, Mattermost,
//! Skype, Messenger), tickets and CRM notes (Zendesk, Freshdesk, Intercom,
//! HubSpot, Pipedrive, Trello). No shape is named: a message is an object
//! with a text-like member (directly, or one object down: `data.text`,
//! `metadata.body`), and an author-like and a time-like member when the
//! export has them.
//!
//! Every array of messages anywhere in the file is read, in document order;
//! an object with text that stands alone (a ticket's description, a
//! conversation's first message) is read too, unless it repeats a message.

use super::super::csv::{html_lines, looks_html, speaker_name, unescape_entities};
use super::tree::Node;
use super::{CUSTOMER, Person, Roster, SELLER, Turn, clock, clock_text, side};

/// How deep the messages are looked for (Skype:
/// `conversations[].MessageList[]`, Fireflies: `data.transcript.sentences`).
const SEARCH_DEPTH: usize = 6;

/// The members that hold a message's text, most specific first (a ticket
/// comment's `body_text` is its `body` without the HTML).
const TEXT_KEYS: &[&str] = &[
    "text",
    "body_text",
    "plain_body",
    "body",
    "content",
    "message",
    "msg",
    "comment",
    "note",
    "sentence",
    "raw_text",
    "description_text",
    "description",
    "details",
    "transcript",
    "words",
    // A recorder's summary: `{"title": "Decisions", "bullets": [...]}`.
    "bullets",
];

/// Members whose value names the author: a name, an id in the export's
/// people list, or an object with a name. Names come before ids, so a
/// Skype message's `displayName` wins over its `from` id.
const AUTHOR_KEYS: &[&str] = &[
    "speaker",
    "speaker_name",
    "speakerName",
    "speaker_label",
    "speakerLabel",
    "sender_name",
    "from_name",
    "author_name",
    "user_name",
    "displayName",
    "display_name",
    "participant",
    "from",
    "author",
    "creator",
    "sender",
    "user",
    "memberCreator",
    "createdBy",
    "created_by",
    "name",
    "speaker_id",
    "speakerId",
    "user_id",
    "userId",
    "author_id",
    "authorId",
    "from_id",
    "sender_id",
];

/// (member, whether a number in it counts milliseconds).
const TIME_KEYS: &[(&str, bool)] = &[
    ("start", false),
    ("start_time", false),
    ("startTime", false),
    ("start_ms", true),
    ("startMs", true),
    ("timestamp", false),
    ("offset", false),
    ("ts", false),
    ("time", false),
    ("date", false),
    ("created_at", false),
    ("createdAt", false),
    ("create_at", false),
    ("createTime", false),
    ("create_time", false),
    ("created", false),
    ("originalarrivaltime", false),
    ("sent_at", false),
];

/// A message found: the object and whether it stands alone (not in an
/// array of messages).
struct Found<'a> {
    node: &'a Node,
    lines: Vec<(String, u32)>,
    lone: bool,
}

/// The turns of every message of the file; `None` when it holds none.
pub(super) fn messages(root: &Node) -> Option<Vec<Turn>> {
    let mut found = Vec::new();
    collect(root, 0, &mut found);
    // A lone text that repeats a message (Zendesk's description is its
    // first comment; Intercom's source is the first part's opening) or
    // that holds them all (a recorder's full text) is said once.
    let flat = |f: &Found| squash(&f.lines);
    let listed: Vec<String> = found.iter().filter(|f| !f.lone).map(flat).collect();
    found.retain(|f| {
        let own = flat(f);
        !f.lone
            || !listed
                .iter()
                .any(|m| m.contains(own.as_str()) || own.contains(m.as_str()))
    });
    if found.is_empty() {
        return None;
    }
    let mut people = Roster::new(root);
    let turns = found
        .into_iter()
        .filter_map(|f| turn(f, &mut people))
        .collect();
    Some(turns)
}

fn squash(lines: &[(String, u32)]) -> String {
    let words: Vec<&str> = lines
        .iter()
        .flat_map(|(t, _)| t.split_whitespace())
        .collect();
    words.join(" ")
}

fn collect<'a>(node: &'a Node, depth: usize, out: &mut Vec<Found<'a>>) {
    if depth > SEARCH_DEPTH {
        return;
    }
    match node {
        Node::Arr(items) => {
            let texts: Vec<Option<Vec<(String, u32)>>> = items.iter().map(item_text).collect();
            // Word-by-word timings are not messages.
            let words_only = texts.iter().flatten().all(|l| {
                l.iter()
                    .all(|(t, _)| !t.trim().contains(char::is_whitespace))
            });
            let any = texts.iter().any(Option::is_some);
            for (item, text) in items.iter().zip(texts) {
                match text {
                    Some(lines) if any && !words_only => out.push(Found {
                        node: item,
                        lines,
                        lone: false,
                    }),
                    _ if any && words_only => {}
                    _ => collect(item, depth + 1, out),
                }
            }
        }
        Node::Obj(members) => {
            let own = direct_text(node);
            if let Some((_, lines)) = &own {
                out.push(Found {
                    node,
                    lines: lines.clone(),
                    lone: true,
                });
            }
            for (k, v) in members {
                if own.as_ref().is_none_or(|(key, _)| key != k) {
                    collect(v, depth + 1, out);
                }
            }
        }
        _ => {}
    }
}

/// The text of an array item: its own text member, or one of an object it
/// holds (`data.text`, `metadata.body`) that is not its author.
fn item_text(item: &Node) -> Option<Vec<(String, u32)>> {
    if let Some((_, lines)) = direct_text(item) {
        return Some(lines);
    }
    let Node::Obj(members) = item else {
        return None;
    };
    members
        .iter()
        .filter(|(k, v)| matches!(v, Node::Obj(_)) && !AUTHOR_KEYS.contains(&k.as_str()))
        .find_map(|(_, v)| direct_text(v).map(|(_, lines)| lines))
}

/// The first text member of an object that holds words, with its key.
fn direct_text(node: &Node) -> Option<(String, Vec<(String, u32)>)> {
    TEXT_KEYS.iter().find_map(|k| {
        let lines = text_lines(node.get(k)?)?;
        lines
            .iter()
            .any(|(t, _)| t.chars().any(char::is_alphanumeric))
            .then(|| ((*k).to_string(), lines))
    })
}

/// A text value as lines, each with the stored line it starts on: a string
/// (HTML as text, its line breaks kept), a list of bullet strings, or
/// Telegram's rich text (strings and `{"type": "bold", "text"}` pieces run
/// together, each line cited where its first word stands).
pub(super) fn text_lines(value: &Node) -> Option<Vec<(String, u32)>> {
    match value {
        Node::Str(s, line) => Some(
            plain(s)
                .into_iter()
                .filter(|l| !l.trim().is_empty())
                .map(|l| (l, *line))
                .collect(),
        ),
        Node::Arr(items) if !items.is_empty() => {
            if items.iter().all(|i| matches!(i, Node::Str(..))) {
                let mut out = Vec::new();
                for i in items {
                    out.extend(text_lines(i)?);
                }
                return Some(out);
            }
            let pieces: Option<Vec<(&str, u32)>> = items
                .iter()
                .map(|i| match i {
                    Node::Str(s, line) => Some((s.as_str(), *line)),
                    Node::Obj(_) if i.get("type").is_some() => match i.get("text") {
                        Some(Node::Str(s, line)) => Some((s.as_str(), *line)),
                        _ => None,
                    },
                    _ => None,
                })
                .collect();
            Some(run_together(&pieces?))
        }
        _ => None,
    }
}

/// Rich-text pieces as the lines they make, each at the line of the piece
/// its first non-blank character comes from.
fn run_together(pieces: &[(&str, u32)]) -> Vec<(String, u32)> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut at: Option<u32> = None;
    for (text, line) in pieces {
        for (i, part) in text.split('\n').enumerate() {
            if i > 0 {
                if let Some(a) = at.take() {
                    out.push((std::mem::take(&mut current), a));
                }
                current.clear();
            }
            if at.is_none() && !part.trim().is_empty() {
                at = Some(*line);
            }
            current.push_str(part);
        }
    }
    if let Some(a) = at {
        out.push((current, a));
    }
    out.into_iter()
        .map(|(t, a)| (unescape_entities(t.trim()), a))
        .collect()
}

/// A stored string as text lines: a quoted earlier message (`<quote>`,
/// `<blockquote>`) is someone else's words and goes; HTML is read as text.
fn plain(s: &str) -> Vec<String> {
    let s = drop_quotes(s);
    let lines: Vec<String> = if looks_html(&s) || s.contains("</") {
        s.split('\n').flat_map(html_lines).collect()
    } else {
        unescape_entities(&s)
            .split('\n')
            .map(str::to_string)
            .collect()
    };
    lines.iter().map(|l| numeric_entities(l)).collect()
}

/// `&#128591;` and `&#x1F64F;` as the characters they stand for (Skype
/// writes emoji and quotes so).
fn numeric_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("&#") {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let digits = &rest[2..end];
            let code = match digits.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => digits.parse().ok(),
            };
            code.and_then(char::from_u32).map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push_str("&#");
                rest = &rest[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn drop_quotes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    loop {
        let lower = rest.to_ascii_lowercase();
        let Some(open) = ["<quote", "<blockquote"]
            .iter()
            .filter_map(|t| lower.find(t))
            .min()
        else {
            break;
        };
        let close = ["</quote>", "</blockquote>"]
            .iter()
            .filter_map(|t| lower[open..].find(t).map(|i| open + i + t.len()))
            .min();
        out.push_str(&rest[..open]);
        match close {
            Some(end) => rest = &rest[end..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The turn of a message: its author (a record of a notes export has none:
/// its text is the writer's), side and time.
fn turn(f: Found, people: &mut Roster) -> Option<Turn> {
    let m = f.node;
    // A bot's greeting or an export's service entry is no one's word.
    let author = m.any(&["author", "from", "sender", "user"]);
    let kind = |n: &Node| {
        n.get("type")
            .and_then(Node::str)
            .map(str::to_ascii_lowercase)
    };
    if author.and_then(kind).as_deref() == Some("bot") || kind(m).as_deref() == Some("service") {
        return None;
    }
    let person = author_of(m, people);
    let mut time = None;
    if person.is_some() {
        time = time_of(m);
    }
    let (name, role) = match person {
        Some(p) => (p.name, side(m).or(p.role)),
        None => (String::new(), None),
    };
    let role = role.or_else(|| author.and_then(author_side));
    Some(Turn {
        line_per_piece: !name.is_empty(),
        name,
        role,
        time,
        pieces: f.lines,
    })
}

/// The first author-like member that names someone; failing that, the
/// first that is an id ("Speaker A").
fn author_of(m: &Node, people: &mut Roster) -> Option<Person> {
    let present: Vec<&Node> = AUTHOR_KEYS.iter().filter_map(|k| m.get(k)).collect();
    for v in &present {
        if let Some(p) = people.named(v) {
            return Some(p);
        }
    }
    let id = present.first()?;
    Some(people.speaker(Some(id), m))
}

/// A chat's or ticket's author type: an agent's or admin's is the seller's
/// side, a user's, lead's or end user's the customer's.
fn author_side(a: &Node) -> Option<&'static str> {
    let t = a.any(&["type", "role", "user_type"])?.str()?;
    match t.to_ascii_lowercase().replace(['-', ' '], "_").as_str() {
        "admin" | "agent" | "teammate" | "staff" | "internal" => Some(SELLER),
        "user" | "lead" | "contact" | "customer" | "end_user" | "visitor" | "external" => {
            Some(CUSTOMER)
        }
        _ => None,
    }
}

/// A person's name from an author value, a handle (`ana.ruiz`) as the name
/// it spells; `None` for an id.
pub(super) fn person_name(raw: &str) -> Option<String> {
    if raw.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let name = speaker_name(raw)?;
    let handle =
        !name.contains(' ') && name.contains(['.', '-']) && name.chars().all(|c| !c.is_uppercase());
    if !handle {
        return Some(name);
    }
    let parts: Vec<String> = name
        .split('.')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let hyphened: Vec<String> = p.split('-').map(capitalise).collect();
            hyphened.join("-")
        })
        .collect();
    Some(parts.join(" "))
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The message's time: a clock offset into a call (`00:01:02`, seconds), or
/// the time of day of a date (`2026-10-02T14:05:00Z`, epoch seconds or ms).
fn time_of(m: &Node) -> Option<String> {
    TIME_KEYS.iter().find_map(|(k, ms)| {
        let v = m.get(k)?;
        if let Node::Str(t, _) = v {
            if let Some(c) = clock_text(t) {
                return Some(c);
            }
            if let Some(c) = date_time(t) {
                return Some(c);
            }
        }
        let n = v.num()?;
        Some(if n > 1e11 {
            clock((n / 1000.0).rem_euclid(86_400.0), false)
        } else if n > 1e8 {
            clock(n.rem_euclid(86_400.0), false)
        } else {
            clock(if *ms { n / 1000.0 } else { n }, true)
        })
    })
}

/// `14:05` from `2026-10-02T14:05:33Z` or `2026-10-02 14:05`.
fn date_time(t: &str) -> Option<String> {
    let (date, rest) = t.trim().split_once(['T', ' '])?;
    if date.len() != 10 || date.as_bytes()[4] != b'-' {
        return None;
    }
    let hm = rest.get(..5)?;
    clock_text(hm)
}
