//! Fuzz-style checks of the sanitiser: many deterministic pseudo-random
//! strings built from the pieces hostile text is made of (escape and control
//! sequences cut anywhere, C1 controls, bidi overrides, line breaks of every
//! kind, wide and combining characters), each checked for what the
//! sanitiser promises. Seeded, so a failure names its input and reproduces.

use super::{is_clean, sanitize, sanitize_line};

const PIECES: &[&str] = &[
    "\u{1b}",
    "\u{1b}[",
    "\u{1b}[2J",
    "\u{1b}]52;c;cHduZWQ=\u{7}",
    "\u{1b}]0;title",
    "\u{1b}\\",
    "\u{1b}P",
    "\u{1b}(B",
    "\u{9b}31m",
    "\u{9d}8;;http://x\u{9c}",
    "\u{7}",
    "\u{8}",
    "\u{0}",
    "\u{7f}",
    "\r",
    "\n",
    "\r\n",
    "\t",
    "\u{202e}",
    "\u{2066}",
    "\u{200f}",
    "\u{feff}",
    "é",
    "e\u{301}",
    "漢",
    "🙂",
    "a",
    "Zz",
    " ",
    "0;1m",
    "[",
    "]",
    "\\",
    ";",
];

/// xorshift64*: enough spread for test inputs, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

fn hostile(rng: &mut Rng) -> String {
    let n = (rng.next() % 24) as usize;
    (0..n)
        .map(|_| PIECES[(rng.next() % PIECES.len() as u64) as usize])
        .collect()
}

/// Line breaks as the sanitiser counts them: CRLF and a lone CR are one each.
fn breaks(text: &str) -> usize {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .matches('\n')
        .count()
}

#[test]
fn no_escape_control_or_bidi_character_survives_and_lines_are_kept() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for round in 0..20_000 {
        let input = hostile(&mut rng);
        let out = sanitize(&input);
        assert!(is_clean(&out), "round {round}: {input:?} -> {out:?}");
        assert!(
            !out.contains(['\u{1b}', '\u{9b}', '\u{9d}', '\u{202e}', '\u{2066}', '\r']),
            "round {round}: {input:?} -> {out:?}"
        );
        assert_eq!(breaks(&out), breaks(&input), "round {round}: {input:?}");
        // Idempotent: clean text passes unchanged.
        assert_eq!(sanitize(&out), out, "round {round}: {input:?}");
        let line = sanitize_line(&input);
        assert!(
            is_clean(&line) && !line.contains(['\n', '\r']),
            "round {round}: {input:?} -> {line:?}"
        );
    }
}
