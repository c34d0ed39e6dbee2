//! The one pass over a file's bytes that splits its lines and tells which
//! name patterns each line can match: most lines match none, and running a
//! regex on a line costs more than reading its bytes.

/// What a line holds that the name patterns need, found in the pass that
/// splits the text into lines. Each flag is a necessary condition of its
/// pattern matching anywhere in the line (tested against the patterns in
/// `tests/scan.rs`), so a pattern whose flag is down is not run, and one whose
/// flag is up is run on the whole line as before: the matches, and their
/// order, cannot change.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Marks {
    /// An ASCII capital: with [`Marks::non_ascii`], what every pattern needs
    /// (a name starts with `\p{Lu}`, a legend with `[A-Z]`).
    pub capital: bool,
    pub non_ascii: bool,
    pub colon: bool,
    /// `X = ` for [`LEGEND`](super::patterns::LEGEND).
    pub legend: bool,
    /// ` (` after a name's last letter, then a `)`, for [`NAME_PAREN`](super::patterns::NAME_PAREN).
    pub paren: bool,
    /// ` <` after a name's last letter, then `@`, then `>`, for [`MAILBOX`](super::patterns::MAILBOX).
    pub mailbox: bool,
    /// ` |` after a name's last letter, for [`SIGNATURE`](super::patterns::SIGNATURE).
    pub bar: bool,
    /// `, ` after a name's last letter and before a title's first word, for
    /// [`NAME_COMMA_TITLE`](super::patterns::NAME_COMMA_TITLE).
    pub comma: bool,
    /// One of the titles [`TITLE_NAME`](super::patterns::TITLE_NAME) starts with.
    pub title: bool,
}

// The flags as bits while a line is read (kept in one register), and the
// first parts of the shapes that come in several.
const CAPITAL: u16 = 1;
const NON_ASCII: u16 = 1 << 1;
const COLON: u16 = 1 << 2;
const LEGEND_SHAPE: u16 = 1 << 3;
const PAREN: u16 = 1 << 4;
const MAILBOX_SHAPE: u16 = 1 << 5;
const BAR: u16 = 1 << 6;
const COMMA: u16 = 1 << 7;
const TITLE: u16 = 1 << 8;
const PAREN_OPEN: u16 = 1 << 9;
const ANGLE_OPEN: u16 = 1 << 10;
const ANGLE_AT: u16 = 1 << 11;

/// The bytes [`marked_lines`] stops at: capitals, non-ASCII, the separators
/// the patterns need, and the line end.
pub(super) static STOPS: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(
            b as u8,
            b'A'..=b'Z'
                | 0x80..=0xFF
                | b'\n'
                | b':'
                | b'='
                | b'('
                | b')'
                | b'<'
                | b'@'
                | b'>'
                | b'|'
                | b','
        );
        b += 1;
    }
    table
};

/// The lines of `text`, as [`str::lines`] splits them, each with its
/// [`Marks`]: one pass over the bytes does both.
pub(super) fn marked_lines(text: &str) -> impl Iterator<Item = (&str, Marks)> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let bytes = rest.as_bytes();
        let (end, found) = read_line(bytes);
        let line = &rest[..end];
        rest = &rest[(end + 1).min(rest.len())..];
        let line = if end < bytes.len() {
            line.strip_suffix('\r').unwrap_or(line)
        } else {
            line
        };
        Some((line, Marks::from_bits(found)))
    })
}

/// Where the line that `bytes` starts with ends (at its `\n`, or with
/// `bytes`), and the flags its stops raise. Eight bytes at a time: a few
/// operations on a word pick out the bytes that may be stops, and the table
/// sorts out the few of those that are not.
pub(super) fn read_line(bytes: &[u8]) -> (usize, u16) {
    let mut found = 0u16;
    let mut at = 0;
    while at < bytes.len() {
        let word = match bytes.get(at..at + 8) {
            Some(chunk) => chunk.try_into().expect("eight bytes"),
            None => {
                // The last few bytes, made up to eight with a byte that is
                // never a stop.
                let mut word = [b'a'; 8];
                word[..bytes.len() - at].copy_from_slice(&bytes[at..]);
                word
            }
        };
        let mut candidates = may_stop(u64::from_le_bytes(word));
        while candidates != 0 {
            let stop = at + (candidates.trailing_zeros() / 8) as usize;
            candidates &= candidates - 1;
            let b = bytes[stop];
            if STOPS[usize::from(b)] {
                if b == b'\n' {
                    return (stop, found);
                }
                // Looking past the line's end (into the next one) can only
                // raise a flag, never lower one: a wasted search, not a
                // lost match.
                found |= stop_at(bytes, stop, found);
            }
        }
        at += 8;
    }
    (bytes.len(), found)
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `word` (read little-endian) that may be a
/// stop: a control byte, `(` to `,`, `:` to `Z`, `|`, or a non-ASCII byte.
/// Ranges cost less to test than the stops one by one; the few bytes they
/// take in besides (`;`, `?`, `*`, `+`, a tab) are rare in prose.
pub(super) fn may_stop(word: u64) -> u64 {
    // With the high bits cleared no byte carries into the next, and adding
    // 0x80 - n sets a byte's high bit where it is at least n.
    let low = word & !HIGH_BITS;
    let at_least = |n: u8| low + ONES * (0x80 - u64::from(n));
    let control = !at_least(b' ');
    let paren_to_comma = at_least(b'(') & !at_least(b',' + 1);
    let colon_to_z = at_least(b':') & !at_least(b'Z' + 1);
    let not_bar = low ^ (ONES * u64::from(b'|'));
    let bar = !((not_bar + ONES * 0x7F) | not_bar);
    (control | paren_to_comma | colon_to_z | bar | word) & HIGH_BITS
}

/// The flags the byte at `i` (a stop) raises.
pub(super) fn stop_at(bytes: &[u8], i: usize, found: u16) -> u16 {
    let after_name = || i >= 2 && bytes[i - 1] == b' ' && ends_name(bytes[i - 2]);
    let raise = |flag: u16, cond: bool| if cond { flag } else { 0 };
    match bytes[i] {
        b'A'..=b'Z' => CAPITAL | raise(TITLE, found & TITLE == 0 && starts_title(&bytes[i..])),
        0x80.. => NON_ASCII,
        b':' => COLON,
        b'=' => raise(
            LEGEND_SHAPE,
            after_name() && bytes[i - 2].is_ascii_uppercase() && bytes.get(i + 1) == Some(&b' '),
        ),
        b'(' => raise(PAREN_OPEN, after_name()),
        b')' => raise(PAREN, found & PAREN_OPEN != 0),
        b'<' => raise(ANGLE_OPEN, after_name()),
        b'@' => raise(ANGLE_AT, found & ANGLE_OPEN != 0),
        b'>' => raise(MAILBOX_SHAPE, found & ANGLE_AT != 0),
        b'|' => raise(BAR, after_name()),
        b',' => raise(
            COMMA,
            i >= 1
                && ends_name(bytes[i - 1])
                && bytes.get(i + 1) == Some(&b' ')
                && starts_title_phrase(&bytes[i + 2..]),
        ),
        _ => 0,
    }
}

impl Marks {
    fn from_bits(found: u16) -> Self {
        let has = |flag: u16| found & flag != 0;
        Marks {
            capital: has(CAPITAL),
            non_ascii: has(NON_ASCII),
            colon: has(COLON),
            legend: has(LEGEND_SHAPE),
            paren: has(PAREN),
            mailbox: has(MAILBOX_SHAPE),
            bar: has(BAR),
            comma: has(COMMA),
            title: has(TITLE),
        }
    }

    /// The marks of one line (without a line break).
    #[cfg(test)]
    pub(super) fn of(line: &str) -> Self {
        marked_lines(line)
            .next()
            .map_or_else(Marks::default, |(_, m)| m)
    }

    /// Whether any pattern can match (in a scope file, [`TITLE_NAME`](super::patterns::TITLE_NAME) is not run).
    pub(super) fn any(&self, titles: bool) -> bool {
        (self.capital || self.non_ascii)
            && (self.legend
                || self.paren
                || self.mailbox
                || self.bar
                || self.comma
                || (titles && self.title))
    }
}

/// Whether `b` can be the last byte of a name: a letter, the full stop of an
/// initial, or the end of a non-ASCII letter.
fn ends_name(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'.' || b >= 0x80
}

/// Whether `rest` starts with a word [`NAME_COMMA_TITLE`](super::patterns::NAME_COMMA_TITLE)'s title can start with.
fn starts_title_phrase(rest: &[u8]) -> bool {
    rest.first().is_some_and(u8::is_ascii_uppercase)
        || [&b"of"[..], b"and", b"the", b"for"]
            .iter()
            .any(|w| rest.starts_with(w))
}

/// Whether `rest` (starting at a capital) starts with one of the titles of
/// [`TITLE_NAME`](super::patterns::TITLE_NAME): `C[EFOTIRM]O`, `CISO`, `VP `, `GC` and the written-out ones.
fn starts_title(rest: &[u8]) -> bool {
    let tail = &rest[1..];
    match rest[0] {
        b'C' => {
            (tail.len() >= 2 && b"EFOTIRM".contains(&tail[0]) && tail[1] == b'O')
                || tail.starts_with(b"ISO")
        }
        b'V' => tail.starts_with(b"P "),
        b'G' => tail.starts_with(b"C") || tail.starts_with(b"eneral Counsel"),
        b'O' => tail.starts_with(b"wner"),
        b'P' => tail.starts_with(b"resident"),
        b'F' => tail.starts_with(b"ounder"),
        _ => false,
    }
}

/// Whether [`SIGNATURE`](super::patterns::SIGNATURE) (anchored at the line's start) can match: its name
/// is the line's first word.
pub(super) fn starts_with_capital(line: &str) -> bool {
    line.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// Whether [`ORG_LINE`](super::patterns::ORG_LINE) (anchored at the line's start) can match: after
/// white space and a bullet comes an ASCII capital.
pub(super) fn may_name_org(line: &str) -> bool {
    let rest = line.trim_start();
    let rest = rest.strip_prefix(['-', '*']).unwrap_or(rest).trim_start();
    rest.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
}
