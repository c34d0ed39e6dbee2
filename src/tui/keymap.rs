//! Keys as data: `assets/keymap.toml` compiled in, the user's `[keys.*]`
//! tables from config.toml merged over it, and the help overlay generated
//! from the result, so what help says is what the keys do.

use super::action::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;

const DEFAULTS: &str = include_str!("../../assets/keymap.toml");

/// Where keys are looked up: a screen, or an overlay over one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Global,
    List,
    Queue,
    Handoff,
    Brief,
    Evidence,
    Checklist,
    Risks,
    Stakeholders,
    Questions,
    Tasks,
    Activity,
    SignOff,
    Metrics,
    Pilot,
    Picker,
    Confirm,
    Input,
    Help,
    Viewer,
}

impl Section {
    pub const ALL: &'static [Section] = &[
        Section::Global,
        Section::List,
        Section::Queue,
        Section::Handoff,
        Section::Brief,
        Section::Evidence,
        Section::Checklist,
        Section::Risks,
        Section::Stakeholders,
        Section::Questions,
        Section::Tasks,
        Section::Activity,
        Section::SignOff,
        Section::Metrics,
        Section::Pilot,
        Section::Picker,
        Section::Confirm,
        Section::Input,
        Section::Help,
        Section::Viewer,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Section::Global => "global",
            Section::List => "list",
            Section::Queue => "queue",
            Section::Handoff => "handoff",
            Section::Brief => "brief",
            Section::Evidence => "evidence",
            Section::Checklist => "checklist",
            Section::Risks => "risks",
            Section::Stakeholders => "stakeholders",
            Section::Questions => "questions",
            Section::Tasks => "tasks",
            Section::Activity => "activity",
            Section::SignOff => "sign_off",
            Section::Metrics => "metrics",
            Section::Pilot => "pilot",
            Section::Picker => "picker",
            Section::Confirm => "confirm",
            Section::Input => "input",
            Section::Help => "help",
            Section::Viewer => "viewer",
        }
    }

    fn from_name(name: &str) -> Option<Section> {
        Section::ALL.iter().copied().find(|s| s.name() == name)
    }

    /// The tables tried, in order, for a key pressed here.
    pub fn chain(self) -> Vec<Section> {
        use Section::*;
        match self {
            Picker | Confirm | Input | Help | Viewer => vec![self],
            Queue | Metrics | Pilot => vec![self, List, Global],
            Global => vec![Global],
            List => vec![List, Global],
            Handoff => vec![Handoff, List, Global],
            tab => vec![tab, Handoff, List, Global],
        }
    }
}

/// One key with its modifiers, as the keymap writes it (`ctrl-r`, `G`, `enter`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    code: KeyCodeOrd,
    ctrl: bool,
    alt: bool,
    shift: bool,
}

/// `KeyCode` is not `Ord`; this is the part of it a keymap can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum KeyCodeOrd {
    Char(char),
    F(u8),
    Named(&'static str),
}

const NAMED: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pgup", KeyCode::PageUp),
    ("pgdown", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("insert", KeyCode::Insert),
];

impl Key {
    /// Parse a keymap key name.
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut rest = text;
        let (mut ctrl, mut alt, mut shift) = (false, false, false);
        // A lone "-" is the minus key, not an empty modifier list.
        while rest.len() > 1 {
            if let Some(r) = rest.strip_prefix("ctrl-") {
                ctrl = true;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("alt-") {
                alt = true;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("shift-") {
                shift = true;
                rest = r;
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCodeOrd::Char(c),
            _ if rest == "space" => KeyCodeOrd::Char(' '),
            _ => {
                if let Some(n) = rest.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    if (1..=12).contains(&n) {
                        KeyCodeOrd::F(n)
                    } else {
                        return Err(format!("unknown key {text:?}"));
                    }
                } else if let Some((name, _)) = NAMED.iter().find(|(n, _)| *n == rest) {
                    KeyCodeOrd::Named(name)
                } else {
                    return Err(format!("unknown key {text:?}"));
                }
            }
        };
        if shift && code == KeyCodeOrd::Named("tab") {
            return Ok(Key {
                code: KeyCodeOrd::Named("backtab"),
                ctrl,
                alt,
                shift: false,
            });
        }
        Ok(Key {
            code,
            ctrl,
            alt,
            shift: shift && !matches!(code, KeyCodeOrd::Char(_)),
        })
    }

    /// The key a terminal event is, if a keymap could name it.
    pub fn from_event(e: &KeyEvent) -> Option<Key> {
        let code = match e.code {
            KeyCode::Char(c) => KeyCodeOrd::Char(c),
            KeyCode::F(n) => KeyCodeOrd::F(n),
            other => KeyCodeOrd::Named(NAMED.iter().find(|(_, k)| *k == other)?.0),
        };
        let m = e.modifiers;
        Some(Key {
            code,
            ctrl: m.contains(KeyModifiers::CONTROL),
            alt: m.contains(KeyModifiers::ALT),
            // A capital letter already says shift; so does backtab.
            shift: m.contains(KeyModifiers::SHIFT)
                && !matches!(code, KeyCodeOrd::Char(_) | KeyCodeOrd::Named("backtab")),
        })
    }

    /// The key as help shows it.
    pub fn label(&self) -> String {
        let mut s = String::new();
        if self.ctrl {
            s.push_str("ctrl-");
        }
        if self.alt {
            s.push_str("alt-");
        }
        if self.shift {
            s.push_str("shift-");
        }
        match self.code {
            KeyCodeOrd::Char(' ') => s.push_str("space"),
            KeyCodeOrd::Char(c) => s.push(c),
            KeyCodeOrd::F(n) => s.push_str(&format!("f{n}")),
            KeyCodeOrd::Named("backtab") => s.push_str("shift-tab"),
            KeyCodeOrd::Named(n) => s.push_str(n),
        }
        s
    }

    /// A plain character key (no ctrl/alt), for typing into a prompt.
    pub fn typed_char(e: &KeyEvent) -> Option<char> {
        match e.code {
            KeyCode::Char(c)
                if !e
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(c)
            }
            _ => None,
        }
    }
}

/// A bad keymap entry: the message and the byte offset of its value.
#[derive(Debug)]
pub struct KeymapError {
    pub message: String,
    pub offset: Option<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Keymap {
    tables: BTreeMap<Section, BTreeMap<Key, Action>>,
    /// Each table's keys in the order they were written, so help and hints
    /// show a table's first key for an action first (`tab` before `]`).
    order: BTreeMap<Section, Vec<Key>>,
}

/// The raw form of `[keys.*]` tables: section -> key -> action name.
pub type RawKeys = BTreeMap<String, BTreeMap<String, toml::Spanned<String>>>;

impl Keymap {
    /// The compiled-in keys.
    pub fn defaults() -> Keymap {
        let raw: RawKeys = toml::from_str(DEFAULTS).expect("assets/keymap.toml parses");
        let mut k = Keymap::default();
        k.merge(&raw).expect("assets/keymap.toml is valid");
        k
    }

    /// Add (or replace) bindings; an unknown table, key or action is an error.
    pub fn merge(&mut self, raw: &RawKeys) -> Result<(), KeymapError> {
        for (section, keys) in raw {
            let s = Section::from_name(section).ok_or_else(|| KeymapError {
                message: format!(
                    "unknown key table [keys.{section}] (tables: {})",
                    Section::ALL
                        .iter()
                        .map(|s| s.name())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                offset: keys.values().next().map(|v| v.span().start),
            })?;
            let table = self.tables.entry(s).or_default();
            let order = self.order.entry(s).or_default();
            let mut written: Vec<_> = keys.iter().collect();
            written.sort_by_key(|(_, action)| action.span().start);
            for (key, action) in written {
                let at = Some(action.span().start);
                let k = Key::parse(key).map_err(|message| KeymapError {
                    message,
                    offset: at,
                })?;
                let name = action.get_ref();
                // "none" unbinds a default key.
                if name == "none" {
                    table.remove(&k);
                    order.retain(|o| *o != k);
                    continue;
                }
                let a = Action::from_name(name).ok_or_else(|| KeymapError {
                    message: format!(
                        "unknown action {name:?} for key {key:?} (baton keys lists them)"
                    ),
                    offset: at,
                })?;
                table.insert(k, a);
                if !order.contains(&k) {
                    order.push(k);
                }
            }
        }
        Ok(())
    }

    /// The action a key means in a section (its own table, then those it inherits).
    pub fn action(&self, section: Section, key: &Key) -> Option<Action> {
        section
            .chain()
            .into_iter()
            .find_map(|s| self.tables.get(&s)?.get(key).copied())
    }

    /// Every binding that applies in `section`, one line per action with all
    /// its keys, in the order help shows them; a key shadowed by a nearer
    /// table is left out.
    pub fn help(&self, section: Section) -> Vec<(Section, Vec<String>, Action)> {
        let mut seen_keys = std::collections::HashSet::new();
        let mut out = Vec::new();
        for s in section.chain() {
            let Some(table) = self.tables.get(&s) else {
                continue;
            };
            let mut by_action: BTreeMap<Action, Vec<String>> = BTreeMap::new();
            for k in self.order.get(&s).into_iter().flatten() {
                if let Some(a) = table.get(k)
                    && seen_keys.insert(*k)
                {
                    by_action.entry(*a).or_default().push(k.label());
                }
            }
            for a in Action::NAMED {
                if let Some(keys) = by_action.remove(a) {
                    out.push((s, keys, *a));
                }
            }
        }
        out
    }

    /// The first key bound to `action` in `section`'s chain, for hints.
    pub fn key_for(&self, section: Section, action: Action) -> Option<String> {
        self.help(section)
            .into_iter()
            .find(|(_, _, a)| *a == action)
            .and_then(|(_, keys, _)| keys.into_iter().next())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn parses_names_modifiers_and_characters() {
        assert_eq!(Key::parse("ctrl-r").unwrap().label(), "ctrl-r");
        assert_eq!(Key::parse("G").unwrap().label(), "G");
        assert_eq!(Key::parse("-").unwrap().label(), "-");
        assert_eq!(
            Key::parse("shift-tab").unwrap(),
            Key::parse("backtab").unwrap()
        );
        assert_eq!(Key::parse("space").unwrap().label(), "space");
        assert_eq!(Key::parse("f5").unwrap().label(), "f5");
        assert!(Key::parse("f13").is_err());
        assert!(Key::parse("hyper-x").is_err());
        assert!(Key::parse("").is_err());
    }

    #[test]
    fn terminal_events_match_what_the_keymap_names() {
        let shifted_g = ev(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(&shifted_g), Key::parse("G").ok());
        let backtab = ev(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(&backtab), Key::parse("shift-tab").ok());
        let ctrl_c = ev(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(Key::from_event(&ctrl_c), Key::parse("ctrl-c").ok());
        assert_ne!(Key::from_event(&ctrl_c), Key::parse("c").ok());
    }

    #[test]
    fn a_tab_table_overrides_the_handoff_table() {
        let k = Keymap::defaults();
        let tab = Key::parse("tab").unwrap();
        assert_eq!(k.action(Section::Evidence, &tab), Some(Action::FocusNext));
        assert_eq!(k.action(Section::Brief, &tab), Some(Action::NextTab));
        let q = Key::parse("q").unwrap();
        assert_eq!(k.action(Section::Queue, &q), Some(Action::Quit));
        assert_eq!(k.action(Section::Risks, &q), Some(Action::Back));
    }

    #[test]
    fn user_keys_merge_over_the_defaults_and_bad_ones_say_where() {
        let mut k = Keymap::defaults();
        let raw: RawKeys = toml::from_str("[queue]\n\"o\" = \"open\"\n\"/\" = \"none\"\n").unwrap();
        k.merge(&raw).unwrap();
        let o = Key::parse("o").unwrap();
        assert_eq!(k.action(Section::Queue, &o), Some(Action::Open));
        assert_eq!(k.action(Section::Queue, &Key::parse("/").unwrap()), None);
        let text = "[queue]\n\"o\" = \"opne\"\n";
        let raw: RawKeys = toml::from_str(text).unwrap();
        let e = k.merge(&raw).unwrap_err();
        assert!(
            e.message.contains("unknown action \"opne\""),
            "{}",
            e.message
        );
        assert_eq!(text[..e.offset.unwrap()].matches('\n').count(), 1);
        let raw: RawKeys = toml::from_str("[qeue]\n\"o\" = \"open\"\n").unwrap();
        assert!(k.merge(&raw).unwrap_err().message.contains("[keys.qeue]"));
    }

    #[test]
    fn help_lists_every_binding_once_nearest_first() {
        let k = Keymap::defaults();
        let help = k.help(Section::Evidence);
        assert_eq!(help[0].0, Section::Evidence);
        let tab_lines: Vec<_> = help
            .iter()
            .filter(|(_, keys, _)| keys.iter().any(|k| k == "tab"))
            .collect();
        assert_eq!(tab_lines.len(), 1, "tab is shadowed in [handoff]");
        assert!(help.iter().any(|(_, _, a)| *a == Action::NextConflict));
        // Keys come in the order the keymap writes them.
        assert_eq!(
            k.key_for(Section::Brief, Action::NextTab).as_deref(),
            Some("tab")
        );
        assert_eq!(
            k.key_for(Section::Brief, Action::Back).as_deref(),
            Some("q")
        );
        assert!(help.iter().any(|(_, _, a)| *a == Action::Help));
    }
}
