//! A full-text view in a scrollable overlay: a row whose text a table cuts
//! short (a task, an event, a question and its answer), the parts of a
//! handoff score, the message log. What it shows is built once, when it
//! opens; the view wraps it to the overlay's width.

/// One line of a viewer, by what it is (the view styles it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ViewLine {
    /// A heading: what the lines after it are about.
    Head(String),
    /// Text to read.
    Text(String),
    /// Where it came from, who and when: dimmed.
    Dim(String),
    /// An error message (the message log): marked, not only coloured.
    Error(String),
    Blank,
}

impl ViewLine {
    /// The line's text, as a test or a search reads it.
    pub fn text(&self) -> &str {
        match self {
            ViewLine::Head(s) | ViewLine::Text(s) | ViewLine::Dim(s) | ViewLine::Error(s) => s,
            ViewLine::Blank => "",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Viewer {
    pub title: String,
    pub lines: Vec<ViewLine>,
    /// The first wrapped row shown.
    pub scroll: usize,
}

impl Viewer {
    pub fn new(title: impl Into<String>, lines: Vec<ViewLine>) -> Viewer {
        Viewer {
            title: title.into(),
            lines,
            scroll: 0,
        }
    }

    /// Every line's text, one per line (tests read a viewer this way).
    pub fn plain(&self) -> String {
        self.lines
            .iter()
            .map(|l| l.text())
            .collect::<Vec<_>>()
            .join("\n")
    }
}
