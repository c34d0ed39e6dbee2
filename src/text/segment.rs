//! Statement splitting. (Implementation in progress.)

/// What shape of text a statement came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatementKind {
    /// A sentence of running prose.
    Sentence,
    /// A sentence inside a Markdown bullet or numbered list item.
    Bullet,
    /// A checkbox item (`- [ ]` / `- [x]`).
    Checkbox,
    /// A Markdown table row (not the header separator); `cells` holds its cells.
    TableRow,
    /// A transcript or chat turn (`[00:12:31] Dana:`, `Dana (AE): ...`, `[10:42] dana:`).
    Turn,
}

/// One cited statement of an evidence file.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Statement {
    /// 1-based line on which the statement starts.
    pub line: u32,
    /// The statement with markup removed: list / quote / checkbox markers, the
    /// speaker prefix of a turn, emphasis (`**`, `__`), leading/trailing space.
    pub text: String,
    pub kind: StatementKind,
    /// Cells of a table row, trimmed, markup removed; empty otherwise.
    pub cells: Vec<String>,
    /// Speaker of a transcript / chat turn as written, without its role: "Dana".
    pub speaker: Option<String>,
    /// Role given with the speaker, e.g. "AE" in `Dana (AE):`.
    pub speaker_role: Option<String>,
    /// Email quote depth: the number of leading `>`.
    pub quote_depth: u8,
    /// Author of the email text this statement belongs to, when known: from a
    /// `From:` header for depth 0, from an `On <date>, NAME <addr> wrote:` line for
    /// quoted depths.
    pub author: Option<String>,
    /// Text of the nearest heading above (Markdown `#`, or a bold-only / ALL-CAPS
    /// line ending in `:` used as a heading), for context.
    pub heading: Option<String>,
}

/// Split one file's text into statements.
pub fn segment(_text: &str) -> Vec<Statement> {
    Vec::new()
}
