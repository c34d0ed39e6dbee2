//! A one-line text field with a cursor: what a prompt or the queue filter
//! is typed into. Editing keys move within the text as in a shell line
//! (left/right, home/end, delete either side, a word or all before the cursor).

use crate::tui::action::Action;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextField {
    text: String,
    /// A byte offset into `text`, always on a char boundary.
    cursor: usize,
    /// What the field held when it opened: text that differs from it is
    /// typed and unsaved (quitting asks first).
    initial: String,
}

impl TextField {
    /// A field holding `text`, the cursor after it.
    pub fn new(text: &str) -> Self {
        Self {
            text: text.to_string(),
            cursor: text.len(),
            initial: text.to_string(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the text differs from what the field opened with.
    pub fn edited(&self) -> bool {
        self.text != self.initial
    }

    /// Replace the whole text, the cursor after it (a path completed).
    pub fn set(&mut self, text: &str) {
        self.text = text.to_string();
        self.cursor = text.len();
    }

    /// The text before the cursor, the char under it (none at the end) and
    /// the text after that char: how the field is drawn.
    pub fn split(&self) -> (&str, Option<char>, &str) {
        let (before, rest) = self.text.split_at(self.cursor);
        let mut chars = rest.chars();
        let under = chars.next();
        (before, under, chars.as_str())
    }

    /// Apply an editing action; returns whether the text changed. Actions
    /// that are not edits leave the field as it is.
    pub fn apply(&mut self, action: Action) -> bool {
        let before = self.text.len();
        match action {
            Action::Type(c) => {
                self.text.insert(self.cursor, c);
                self.cursor += c.len_utf8();
                return true;
            }
            Action::DeleteBack => {
                let start = self.prev_boundary();
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            Action::DeleteForward => {
                let end = self.next_boundary();
                self.text.replace_range(self.cursor..end, "");
            }
            Action::DeleteWordBack => {
                let start = self.word_start();
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            Action::DeleteToStart => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            Action::CursorLeft => self.cursor = self.prev_boundary(),
            Action::CursorRight => self.cursor = self.next_boundary(),
            Action::LineStart => self.cursor = 0,
            Action::LineEnd => self.cursor = self.text.len(),
            _ => {}
        }
        self.text.len() != before
    }

    fn prev_boundary(&self) -> usize {
        self.text[..self.cursor]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        self.text[self.cursor..]
            .chars()
            .next()
            .map_or(self.cursor, |c| self.cursor + c.len_utf8())
    }

    /// Where the word before the cursor starts, spaces after it included (as
    /// ctrl-w in a shell).
    fn word_start(&self) -> usize {
        let head = self.text[..self.cursor].trim_end();
        head.char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Action::*;

    fn typed(text: &str) -> TextField {
        let mut f = TextField::default();
        for c in text.chars() {
            f.apply(Type(c));
        }
        f
    }

    fn shown(f: &TextField) -> String {
        let (before, under, after) = f.split();
        format!(
            "{before}[{}]{after}",
            under.map(String::from).unwrap_or_default()
        )
    }

    #[test]
    fn typing_inserts_at_the_cursor() {
        let mut f = typed("Jordn");
        assert_eq!(shown(&f), "Jordn[]");
        f.apply(CursorLeft);
        f.apply(Type('a'));
        assert_eq!(shown(&f), "Jorda[n]");
        f.apply(LineStart);
        f.apply(Type('>'));
        assert_eq!((f.text(), shown(&f).as_str()), (">Jordan", ">[J]ordan"));
    }

    #[test]
    fn deletes_either_side_and_stops_at_the_ends() {
        let mut f = TextField::new("abc");
        assert!(!f.apply(DeleteForward), "nothing after the cursor");
        assert!(f.apply(DeleteBack));
        f.apply(LineStart);
        assert!(!f.apply(DeleteBack), "nothing before the cursor");
        assert!(!f.apply(CursorLeft));
        assert!(f.apply(DeleteForward));
        assert_eq!(shown(&f), "[b]");
        f.apply(LineEnd);
        f.apply(CursorRight);
        assert_eq!(shown(&f), "b[]");
    }

    #[test]
    fn moves_and_deletes_whole_chars_of_any_width() {
        let mut f = TextField::new("Zoë 東京 ok");
        for _ in 0..4 {
            f.apply(CursorLeft);
        }
        assert_eq!(shown(&f), "Zoë 東[京] ok");
        f.apply(DeleteBack);
        assert_eq!(shown(&f), "Zoë [京] ok");
        f.apply(CursorLeft);
        f.apply(CursorLeft);
        f.apply(DeleteBack);
        assert_eq!(shown(&f), "Z[ë] 京 ok");
        f.apply(Type('o'));
        f.apply(DeleteForward);
        assert_eq!(shown(&f), "Zo[ ]京 ok");
        f.apply(Type('é'));
        assert_eq!(f.text(), "Zoé 京 ok");
    }

    #[test]
    fn word_and_line_deletes_take_what_is_before_the_cursor() {
        let mut f = TextField::new("call the  sponsor  ");
        f.apply(DeleteWordBack);
        assert_eq!(shown(&f), "call the  []");
        f.apply(DeleteWordBack);
        assert_eq!(shown(&f), "call []");
        f.apply(Type('X'));
        f.apply(CursorLeft);
        f.apply(DeleteToStart);
        assert_eq!(shown(&f), "[X]");
        assert!(!f.apply(DeleteToStart));
        let mut one = TextField::new("word");
        one.apply(DeleteWordBack);
        assert_eq!(one.text(), "");
    }

    #[test]
    fn actions_that_are_not_edits_change_nothing() {
        let mut f = TextField::new("keep");
        f.apply(CursorLeft);
        let before = f.clone();
        for action in [Down, Up, Submit, Cancel, Quit] {
            assert!(!f.apply(action));
            assert_eq!(f, before);
        }
    }
}
