//! A view: the notes a reader makes of a stored file, each line mapped back to
//! the stored line its words stand on.

/// Text for the segmenter plus, for each of its lines, the 1-based line of the
/// stored file it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct View {
    text: String,
    /// `lines[i]` is the stored line of view line `i + 1`.
    lines: Vec<u32>,
}

impl View {
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The stored line of 1-based view line `line` (the last mapped line past
    /// the end, so a citation never points outside the file).
    pub fn stored_line(&self, line: u32) -> u32 {
        let i = (line.max(1) - 1) as usize;
        self.lines
            .get(i)
            .or(self.lines.last())
            .copied()
            .unwrap_or(1)
    }

    /// The view laid out on the lines of `stored`: line `n` holds the view
    /// lines mapped to stored line `n` (joined by a space), or nothing. The
    /// result has exactly as many lines as `stored`, so a citation's line
    /// number finds the same place in both.
    pub fn aligned(&self, stored: &str) -> String {
        let count = stored.split('\n').count();
        let mut slots: Vec<String> = vec![String::new(); count];
        for (line, text) in self.lines.iter().zip(self.text.split('\n')) {
            let i = (*line as usize).clamp(1, count) - 1;
            if text.trim().is_empty() {
                continue;
            }
            if !slots[i].is_empty() {
                slots[i].push(' ');
            }
            slots[i].push_str(text.trim_end());
        }
        slots.join("\n")
    }

    /// How many lines the view has.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

/// Builds a [`View`] line by line.
#[derive(Debug, Default)]
pub struct ViewBuilder {
    view: View,
}

impl ViewBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Add one line of text that stands on stored line `at` (1-based). Line
    /// breaks inside `text` become spaces: one view line, one stored line.
    pub fn line(&mut self, text: &str, at: u32) -> &mut Self {
        if text.contains(['\n', '\r']) {
            let flat: String = text
                .chars()
                .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
                .collect();
            self.view.text.push_str(&flat);
        } else {
            self.view.text.push_str(text);
        }
        self.view.text.push('\n');
        self.view.lines.push(at.max(1));
        self
    }

    /// An empty line (a paragraph break), mapped to stored line `at`.
    pub fn blank(&mut self, at: u32) -> &mut Self {
        if !self.view.text.is_empty() && !self.view.text.ends_with("\n\n") {
            self.line("", at);
        }
        self
    }

    /// Whether nothing has been added.
    pub fn is_empty(&self) -> bool {
        self.view.lines.is_empty()
    }

    pub fn finish(self) -> View {
        self.view
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_map_back_and_breaks_are_flattened() {
        let mut b = ViewBuilder::new();
        b.line("Dana: We will", 4).line("ship it.", 7);
        b.blank(8).blank(9);
        b.line("a\nb", 12);
        let v = b.finish();
        assert_eq!(v.text(), "Dana: We will\nship it.\n\na b\n");
        assert_eq!(v.len(), 4);
        assert_eq!(
            (1..=5).map(|l| v.stored_line(l)).collect::<Vec<_>>(),
            vec![4, 7, 8, 12, 12]
        );
    }

    #[test]
    fn aligned_keeps_the_stored_line_count() {
        let stored = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Dana>We will\nship it.\n";
        let mut b = ViewBuilder::new();
        b.line("Dana: We will", 4)
            .line("ship it.", 5)
            .line("(more)", 5);
        let shown = b.finish().aligned(stored);
        assert_eq!(shown, "\n\n\nDana: We will\nship it. (more)\n");
        assert_eq!(shown.split('\n').count(), stored.split('\n').count());
    }

    #[test]
    fn blank_at_start_is_dropped() {
        let mut b = ViewBuilder::new();
        b.blank(1);
        assert!(b.is_empty());
        assert_eq!(View::default().stored_line(3), 1);
    }
}
