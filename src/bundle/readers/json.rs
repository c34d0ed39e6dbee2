//! Chat, transcript and notes JSON as a view: a Slack export's channel day
//! files, Gong's call transcripts, and any other export whose messages are
//! objects with a text-like member ([`messages`]: recorders, chats, tickets,
//! CRM notes).
//!
//! Every message or sentence becomes a turn, `[14:02] Ines Varga (customer):
//! words`, cited at the stored line where its `"text"` value stands ([`tree`]
//! records it). A time with the name makes the segmenter certain it is a
//! turn; the role is written only when the export tells the side (a Slack
//! guest, a recorder's internal / external party).

mod messages;
mod tree;

use super::csv::{speaker_name, unescape_entities};
use super::{ReadContext, Unreadable, View, ViewBuilder};
use messages::{messages, person_name};
use std::collections::HashMap;
use tree::Node;

/// One speaker's message, or a recorder's monologue of sentences.
struct Turn {
    name: String,
    role: Option<&'static str>,
    time: Option<String>,
    /// Text pieces with the stored line each stands on.
    pieces: Vec<(String, u32)>,
    /// Chat lines are breaks the writer chose, each its own statement; a
    /// monologue's sentences run on, and one may be wrapped over two pieces.
    line_per_piece: bool,
}

/// A speaker as a recorder's or Slack's people list gives them.
#[derive(Clone)]
struct Person {
    name: String,
    role: Option<&'static str>,
}

const SELLER: &str = "seller";
const CUSTOMER: &str = "customer";

/// How deep below the top the arrays of a transcript are looked for
/// (Fireflies: `data.transcript.sentences`).
const SEARCH_DEPTH: usize = 4;

pub fn view(stored: &str, ctx: &ReadContext) -> Result<View, Unreadable> {
    let text = stored.strip_prefix('\u{feff}').unwrap_or(stored);
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        let msg = e.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg);
        let line = u32::try_from(e.line().max(1)).unwrap_or(u32::MAX);
        return Err(Unreadable::at(line, format!("invalid JSON: {msg}")));
    }
    let root = tree::parse(text).ok_or_else(|| Unreadable::new("JSON nested too deep to read"))?;
    let turns = match &root {
        Node::Arr(items) if items.is_empty() => Vec::new(),
        _ => slack(&root, ctx)
            .or_else(|| gong(&root))
            .or_else(|| messages(&root))
            .ok_or_else(|| {
                Unreadable::new("JSON of no known chat, transcript or notes export shape")
            })?,
    };
    Ok(write(&turns))
}

/// The view of the turns.
fn write(turns: &[Turn]) -> View {
    let mut out = ViewBuilder::new();
    for t in turns {
        let mut prefix = String::new();
        if let Some(time) = &t.time {
            prefix.push_str(&format!("[{time}] "));
        }
        // A record of a notes export has no speaker: its text is the writer's.
        if !t.name.is_empty() {
            prefix.push_str(&t.name);
            if let Some(role) = t.role {
                prefix.push_str(&format!(" ({role})"));
            }
            prefix.push_str(": ");
        }
        let mut opened = false;
        for (text, line) in &t.pieces {
            if !opened {
                out.blank(*line);
            }
            for part in text.split('\n') {
                let part = crate::text::sanitize(part.trim());
                if part.is_empty() {
                    continue;
                }
                if !opened || t.line_per_piece || !continues(&part) {
                    let bare = part.trim_start_matches(['-', '*', '•', '·']).trim_start();
                    out.line(&format!("{prefix}{bare}"), *line);
                    opened = true;
                } else {
                    out.line(&part, *line);
                }
            }
        }
    }
    out.finish()
}

/// Whether a line written without the speaker's name still reads as the
/// same turn: it opens with a letter and has no `Label:` head that would
/// read as a speaker or a field of its own.
fn continues(line: &str) -> bool {
    let head = line.split(':').next().unwrap_or(line);
    line.starts_with(char::is_alphabetic)
        && (head.len() == line.len() || head.split_whitespace().count() > 5)
}

/// `[{"type": "message", "user": "U1", "text": "...", "ts": "..."}]`: a day
/// of one channel of a Slack export.
fn slack(root: &Node, ctx: &ReadContext) -> Option<Vec<Turn>> {
    let items = root.array()?;
    let is_message =
        |m: &Node| m.get("ts").is_some() && m.get("type").and_then(Node::str) == Some("message");
    if !items.iter().any(is_message) {
        return None;
    }
    // Names of the people of this file, for mentions of those the export's
    // `users.json` does not list.
    let mut names: HashMap<String, String> = ctx
        .slack_users
        .iter()
        .map(|(id, u)| (id.clone(), u.name.clone()))
        .collect();
    for m in items {
        if let (Some(id), Some(name)) = (m.get("user").and_then(Node::str), profile_name(m)) {
            names.entry(id.to_string()).or_insert(name);
        }
    }
    let mut turns = Vec::new();
    for m in items.iter().filter(|m| is_message(m)) {
        // Joins, topic changes and bots are not what a person said.
        let subtype = m.get("subtype").and_then(Node::str);
        if !matches!(
            subtype,
            None | Some("thread_broadcast" | "file_share" | "me_message")
        ) || m.get("bot_id").is_some()
        {
            continue;
        }
        let Some(Node::Str(text, line)) = m.get("text") else {
            continue;
        };
        let user = m.get("user").and_then(Node::str).unwrap_or("");
        let known = ctx.slack_users.get(user);
        let name = known
            .map(|u| u.name.clone())
            .or_else(|| profile_name(m))
            .or_else(|| {
                m.any(&["user_name", "username"])
                    .and_then(Node::str)
                    .map(str::to_string)
            })
            .unwrap_or_else(|| user.to_string());
        let role = known
            .and_then(|u| u.external)
            .map(|e| if e { CUSTOMER } else { SELLER });
        let time = m
            .get("ts")
            .and_then(Node::num)
            .map(|s| clock(s.rem_euclid(86_400.0), false));
        turns.push(Turn {
            name: speaker_name(&name).unwrap_or_else(|| "Someone".into()),
            role,
            time,
            pieces: vec![(slack_markup(text, &names), *line)],
            line_per_piece: true,
        });
    }
    Some(turns)
}

fn profile_name(m: &Node) -> Option<String> {
    let p = m.get("user_profile")?;
    p.any(&["real_name", "display_name", "name"])
        .and_then(Node::str)
        .filter(|s| !s.trim().is_empty())
        .map(str::to_string)
}

/// Slack's markup as text: `<@U1>` and `<@U1|dana>` as the person's name,
/// `<https://x|label>` as its label, `<#C1|general>` as `#general`, `<!here>`
/// as `@here`, and `&amp;` `&lt;` `&gt;` decoded. Emoji codes stay as written.
fn slack_markup(text: &str, names: &HashMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(len) = rest[open..].find('>') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let inner = &rest[open + 1..open + len];
        let (target, label) = match inner.split_once('|') {
            Some((t, l)) => (t, Some(l)),
            None => (inner, None),
        };
        if let Some(id) = target.strip_prefix('@') {
            match (names.get(id), label) {
                (Some(name), _) => out.push_str(name),
                (None, Some(l)) => out.push_str(l.trim_start_matches('@')),
                (None, None) => out.push_str(id),
            }
        } else if let Some(channel) = target.strip_prefix('#') {
            out.push('#');
            out.push_str(label.unwrap_or(channel));
        } else if let Some(special) = target.strip_prefix('!') {
            let special = special.split('^').next().unwrap_or(special);
            out.push_str(label.unwrap_or(&format!("@{special}")));
        } else {
            out.push_str(label.unwrap_or(target.strip_prefix("mailto:").unwrap_or(target)));
        }
        rest = &rest[open + len + 1..];
    }
    out.push_str(rest);
    unescape_entities(&out)
}

/// `{"callTranscripts": [{"transcript": [{"speakerId", "sentences": [{"start",
/// "text"}]}]}], "parties": [{"speakerId", "name", "affiliation"}]}`.
fn gong(root: &Node) -> Option<Vec<Turn>> {
    let calls = root.get("callTranscripts").and_then(Node::array);
    let monologues: Vec<&Node> = match calls {
        Some(calls) => calls
            .iter()
            .filter_map(|c| c.get("transcript").and_then(Node::array))
            .flatten()
            .collect(),
        None => root.get("transcript")?.array()?.iter().collect(),
    };
    if !monologues
        .iter()
        .any(|m| m.get("speakerId").is_some() && m.get("sentences").is_some())
    {
        return None;
    }
    let mut people = Roster::new(root);
    let mut turns = Vec::new();
    for m in monologues {
        let person = people.speaker(m.get("speakerId"), m);
        let sentences = m.get("sentences").and_then(Node::array).unwrap_or(&[]);
        let pieces: Vec<(String, u32)> = sentences
            .iter()
            .filter_map(|s| match s.get("text") {
                Some(Node::Str(t, line)) => Some((t.clone(), *line)),
                _ => None,
            })
            .collect();
        if pieces.is_empty() {
            continue;
        }
        let time = sentences
            .first()
            .and_then(|s| s.get("start"))
            .and_then(Node::num);
        turns.push(Turn {
            name: person.name,
            role: person.role,
            time: time.map(|ms| clock(ms / 1000.0, true)),
            pieces,
            line_per_piece: false,
        });
    }
    Some(turns)
}

/// Calls `f` with every array at most [`SEARCH_DEPTH`] deep that is the root
/// (when `root_counts`) or the value of one of `keys`, in document order.
fn find_arrays<'a>(
    node: &'a Node,
    keys: &[&str],
    depth: usize,
    root_counts: bool,
    f: &mut dyn FnMut(&'a [Node]),
) {
    if depth > SEARCH_DEPTH {
        return;
    }
    match node {
        Node::Arr(items) => {
            if root_counts {
                f(items);
            }
            for item in items {
                find_arrays(item, keys, depth + 1, false, f);
            }
        }
        Node::Obj(members) => {
            for (k, v) in members {
                let named = keys.contains(&k.as_str());
                find_arrays(v, keys, depth + 1, named, f);
            }
        }
        _ => {}
    }
}

/// The people a recorder lists (`parties`, `speakers`, `participants`), by id.
struct Roster {
    by_id: HashMap<String, Person>,
    /// Speakers named by no list get "Speaker A", "Speaker B" in order of
    /// appearance (a digit would not read as a speaker's name).
    unnamed: HashMap<String, String>,
}

const ROSTER_KEYS: &[&str] = &[
    "parties",
    "speakers",
    "participants",
    "attendees",
    "meeting_attendees",
    "users",
    "members",
    "people",
];
const ID_KEYS: &[&str] = &["speakerId", "speaker_id", "id", "user_id", "userId"];
const NAME_KEYS: &[&str] = &[
    "name",
    "displayName",
    "display_name",
    "real_name",
    "speaker_name",
    "fullName",
    "full_name",
    "username",
    "emailAddress",
    "email",
];

impl Roster {
    fn new(root: &Node) -> Self {
        let mut by_id = HashMap::new();
        find_arrays(root, ROSTER_KEYS, 0, false, &mut |list| {
            for p in list {
                let (Some(id), Some(name)) = (
                    p.any(ID_KEYS).and_then(Node::key_text),
                    p.any(NAME_KEYS).and_then(Node::str).and_then(person_name),
                ) else {
                    continue;
                };
                by_id.entry(id).or_insert(Person {
                    name,
                    role: side(p),
                });
            }
        });
        Roster {
            by_id,
            unnamed: HashMap::new(),
        }
    }

    /// The person an author value names, when it names one: an id in the
    /// roster, an object with a name, or a name (not an id).
    fn named(&self, value: &Node) -> Option<Person> {
        if let Some(p) = value.key_text().and_then(|id| self.by_id.get(&id)) {
            return Some(p.clone());
        }
        match value {
            Node::Obj(_) => Some(Person {
                name: value
                    .any(NAME_KEYS)
                    .and_then(Node::str)
                    .and_then(person_name)?,
                role: side(value),
            }),
            Node::Str(s, _) => Some(Person {
                name: person_name(s)?,
                role: None,
            }),
            _ => None,
        }
    }

    /// The person a segment's speaker value names: an id in the roster, an
    /// object with a name, or a name; the segment's own flags count too.
    fn speaker(&mut self, value: Option<&Node>, segment: &Node) -> Person {
        let id = value.and_then(Node::key_text);
        let mut person = match (value, id.as_ref().and_then(|id| self.by_id.get(id))) {
            (_, Some(p)) => p.clone(),
            (Some(obj @ Node::Obj(_)), None) => Person {
                name: obj
                    .any(NAME_KEYS)
                    .and_then(Node::str)
                    .and_then(person_name)
                    .unwrap_or_else(|| "Someone".into()),
                role: side(obj),
            },
            // "spk_0", "Speaker 2": an id, not a name.
            (Some(Node::Str(s, _)), None) if !s.contains(|c: char| c.is_ascii_digit()) => {
                match person_name(s) {
                    Some(name) => Person { name, role: None },
                    None => self.unnamed(String::new()),
                }
            }
            _ => self.unnamed(id.unwrap_or_default()),
        };
        person.role = side(segment).or(person.role);
        person
    }
    fn unnamed(&mut self, id: String) -> Person {
        let n = self.unnamed.len();
        let name = self
            .unnamed
            .entry(id)
            .or_insert_with(|| format!("Speaker {}", letters(n)))
            .clone();
        Person { name, role: None }
    }
}

/// `A`..`Z`, then `AA`, `AB`...
fn letters(mut n: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(char::from(b'A' + (n % 26) as u8));
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.iter().rev().collect()
}

/// The side an export's flags give a person: a recorder's `affiliation`
/// (Internal / External), `internal` / `external` booleans, a meeting's
/// host. Not being the host says nothing: a colleague may have joined.
fn side(p: &Node) -> Option<&'static str> {
    let flag = |keys: &[&str]| p.any(keys).and_then(Node::bool);
    if let Some(a) = p.any(&["affiliation", "side"]).and_then(Node::str) {
        match a.to_ascii_lowercase().as_str() {
            "internal" | "company" | "host" | "seller" => return Some(SELLER),
            "external" | "customer" | "prospect" | "guest" => return Some(CUSTOMER),
            _ => {}
        }
    }
    if let Some(internal) = flag(&["internal", "is_internal", "isInternal"]) {
        return Some(if internal { SELLER } else { CUSTOMER });
    }
    if let Some(external) = flag(&["external", "is_external", "isExternal"]) {
        return Some(if external { CUSTOMER } else { SELLER });
    }
    // A ticket's reply: incoming from the customer, outgoing from an agent.
    if let Some(incoming) = flag(&["incoming", "is_incoming"]) {
        return Some(if incoming { CUSTOMER } else { SELLER });
    }
    // An internal note (`"public": false`, `"private": true`) is the
    // vendor's own; a public one may be either side's.
    if flag(&["public"]) == Some(false) || flag(&["private"]) == Some(true) {
        return Some(SELLER);
    }
    flag(&["is_host", "isHost", "host"])
        .filter(|&h| h)
        .map(|_| SELLER)
}

/// A time of day or an offset into a call, `14:02` / `00:12:31`.
fn clock(seconds: f64, with_seconds: bool) -> String {
    let s = if seconds.is_finite() {
        seconds.max(0.0) as u64
    } else {
        0
    };
    // Hours past 99 would not read as a time; a call is never that long.
    let (h, m, sec) = ((s / 3600) % 100, (s / 60) % 60, s % 60);
    if with_seconds {
        format!("{h:02}:{m:02}:{sec:02}")
    } else {
        format!("{h:02}:{m:02}")
    }
}

/// `00:01:23.450` as `00:01:23`, when it is a clock.
fn clock_text(t: &str) -> Option<String> {
    let t = t.trim().split(['.', ',']).next()?;
    let parts: Vec<&str> = t.split(':').collect();
    let ok = (2..=3).contains(&parts.len())
        && (1..=2).contains(&parts[0].len())
        && parts[1..].iter().all(|p| p.len() == 2)
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    ok.then(|| t.to_string())
}

#[cfg(test)]
mod tests;
