//! The shortcuts of the people scan against the plain readings they replace:
//! the byte pass ([`Marks`](super::marks::Marks)) must never rule out a line a
//! pattern matches, a scan with every shortcut must find exactly the people,
//! titles, organisations and citations that running every pattern on every
//! line does, and the name trie must find the mentions an automaton finds.
//! The texts: hand-picked edge cases, generated near misses, the examples.

mod names;
mod scan;

/// Pieces of the lines the patterns are written for, and of the lines that
/// nearly fit them: non-ASCII capitals and lower-case letters, curly quotes,
/// Unicode spaces, initials, particles, and titles that are also words.
const PIECES: &[&str] = &[
    "Renata Oduya",
    "Lucía Fernández",
    "Pieter de Groot",
    "Seán O’Brien",
    "Anne-Marie Ng",
    "Ana",
    "Marcus O.",
    "Marcus O",
    "Dr. Helen Whitcomb",
    "ÉMILE Zola",
    "Øyvind Ås",
    "Ærin Ålund",
    "Σωκράτης Παππάς",
    "İlkay Gündoğan",
    "ǅemal Ćirić",
    "Zoë",
    "the",
    "and",
    "of",
    "for",
    "often",
    "them",
    " (",
    ")",
    "(",
    ", ",
    ",",
    " <",
    "<",
    ">",
    "@",
    "ana@kestrel.io",
    "<ana@kestrel.io>",
    " | ",
    "|",
    " = ",
    "=",
    "PO",
    "KD",
    "XYZ",
    ":",
    ": ",
    "Kestrel: ",
    "Lumenstack Ltd: ",
    "- ",
    "* ",
    "\u{a0}",
    "\u{2003}",
    "\u{3000}",
    " ",
    "  ",
    "\t",
    "CFO",
    "CEO",
    "COO",
    "CMO",
    "CISO",
    "CXO",
    "VP Sales",
    "VP ",
    "VP sales",
    "GC",
    "General Counsel",
    "Owner",
    "Owners",
    "President",
    "Founder",
    "Director of Sales Ops",
    "Kestrel, Director of Sales Operations",
    "Vermeer & Ruiz, Managing Director",
    "Quarry AE",
    "AE",
    "SE",
    "csm",
    "Head of IT",
    "ecommerce mgr",
    "signed today",
    "P1",
    "“",
    "”",
    "’",
    "'",
    "café",
    "naïve",
    "—",
    "£5",
    ".",
    ". ",
    "Executive Director. I joined",
    "Q1",
    "Monday",
    "The",
    "Team",
    "Platform",
    "Kettering Castings",
    "x",
    "1",
    "Ωmega",
    "ß",
    "ÿ",
    "İ",
];

/// Shapes the patterns look for, filled with pieces.
const TEMPLATES: &[&str] = &[
    "{n} ({p})",
    "{n} ({p}), {n} ({p})",
    "{o}: {n} ({p}), {n} ({p})",
    "{n}, {t}",
    "Signed: {n}, {t}, {o}",
    "{t} {n} said",
    "{t}, {n}",
    "From: {n} <{a}>",
    "To: {n} <{a}>, {n} <{a}>",
    "{n} | {t} | {o}",
    "  {n} | {t}",
    "{x} = {n} ({p})",
    "PO = {n}",
    "[KD = {n} ({p})]",
    "[1:2:3] {n} ({p}): {w}",
    "- {n} ({p}) {w}, {n}, {t}",
    "{w} {w} {w}",
];

/// A deterministic generator: the same lines on every run.
pub(super) struct Lines(pub(super) u64);

impl Lines {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }

    fn piece(&mut self) -> String {
        let n = 1 + self.next() % 3;
        (0..n)
            .map(|_| self.pick(PIECES))
            .collect::<Vec<_>>()
            .join(if self.next() % 2 == 0 { " " } else { "" })
    }

    fn line(&mut self) -> String {
        let mut line = if self.next() % 3 == 0 {
            (0..1 + self.next() % 12)
                .map(|_| self.pick(PIECES))
                .collect()
        } else {
            let mut line = String::new();
            let mut rest = self.pick(TEMPLATES);
            while let Some(open) = rest.find('{') {
                line.push_str(&rest[..open]);
                line.push_str(&self.piece());
                rest = &rest[open + 3..];
            }
            line.push_str(rest);
            line
        };
        // A stray character in a random place: a near miss of the shape.
        if self.next() % 4 == 0 {
            let chars: Vec<char> = line.chars().collect();
            let at = (self.next() % (chars.len() as u64 + 1)) as usize;
            let extra = self.pick(&["(", ")", ",", " ", "é", "’", "A", "<", "@", ">"]);
            line = chars[..at].iter().collect::<String>() + extra;
            line.extend(&chars[at..]);
        }
        line
    }
}

/// Generated lines, hand-picked edge cases, and every line of the examples.
pub(super) fn corpus() -> Vec<String> {
    let mut lines: Vec<String> = [
        "",
        " ",
        "Renata Oduya (VP Clinical Ops): Sure.",
        "Thandi Mbeki, the managing partner, wants billable",
        "Maria Chen, COO, Orbitex Health",
        "COO Ingrid Halvorsen signed",
        "PO = Pieter Oduya (Kestrel)",
        "From: Ana Silva <ana@kestrel.io>",
        "Ana Silva | Head of Finance | Kestrel",
        "\u{a0}Ana Silva | Head of Finance",
        "\u{2003}- Kestrel:\u{2003}Devin Park (CFO)",
        "Lucía Fernández (Directora, Kestrel)",
        "caféRenata Oduya (CFO)",
        "Renata Oduyaé (CFO)",
        "Zoë Ås, Head of IT",
        "Σωκράτης Παππάς (CFO)",
        "(Vermeer & Ruiz, Managing Director)",
        "Renata Oduya,Head",
        "Renata Oduya , Head",
        "Renata Oduya ,Head",
        "VP Sales Renata Oduya",
        "GCRenata Oduya",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut lines_of = Lines(0x9e37_79b9_7f4a_7c15);
    lines.extend((0..20_000).map(|_| lines_of.line()));
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut stack = vec![examples];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                lines.extend(text.lines().map(str::to_string));
            }
        }
    }
    lines
}
