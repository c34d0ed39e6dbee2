//! The line scan against every pattern on every line.

use super::super::marks::*;
use super::super::patterns::*;
use super::super::titles::{looks_like_title, split_org_title};
use super::super::words::{is_name, is_not_name};
use super::super::*;
use super::{Lines, corpus};
use crate::bundle::FileRole;
use crate::rules::word_regex::{WordRegex, ascii_bounds_agree};
use std::sync::Arc;

/// Whether `re` (in both its forms where the twin would be used) matches.
fn finds(re: &WordRegex, line: &str) -> bool {
    let found = re.on(false).is_match(line);
    if ascii_bounds_agree(line) {
        assert_eq!(re.on(true).is_match(line), found, "twin on {line:?}");
    }
    found
}

#[test]
fn marks_never_rule_out_a_match() {
    let titles = aho_corasick::AhoCorasick::new([
        "CEO",
        "CFO",
        "COO",
        "CTO",
        "CIO",
        "CRO",
        "CMO",
        "CISO",
        "VP ",
        "General Counsel",
        "Owner",
        "President",
        "Founder",
        "GC",
    ])
    .unwrap();
    let mut seen = [0usize; 7];
    for line in corpus() {
        let m = Marks::of(&line);
        let line = line.as_str();
        assert_eq!(m.non_ascii, !line.is_ascii(), "{line:?}");
        assert_eq!(m.colon, line.contains(':'), "{line:?}");
        // The title test is the literal search it replaced, exactly.
        assert_eq!(m.title, titles.is_match(line), "{line:?}");
        let found = [
            (finds(&LEGEND, line), m.legend),
            (finds(&NAME_PAREN, line), m.paren),
            (finds(&MAILBOX, line), m.mailbox),
            (finds(&SIGNATURE, line), m.bar && starts_with_capital(line)),
            (finds(&NAME_COMMA_TITLE, line), m.comma),
            (finds(&TITLE_NAME, line), m.title),
            (ORG_LINE.is_match(line), m.colon && may_name_org(line)),
        ];
        for (k, &(matched, marked)) in found.iter().enumerate() {
            assert!(!matched || marked, "pattern {k} matches {line:?}");
            assert!(!matched || m.capital || m.non_ascii, "{line:?}");
            seen[k] += usize::from(matched);
        }
        if found[..6].iter().any(|&(matched, _)| matched) {
            assert!(m.any(true), "{line:?}");
        }
    }
    // Every pattern matched often enough for the test to mean something.
    assert!(seen.iter().all(|&n| n > 50), "{seen:?}");
}

#[test]
fn scan_finds_what_every_pattern_on_every_line_finds() {
    let lines = corpus();
    for role in [FileRole::Notes, FileRole::Scope] {
        // In chunks: a person's merges depend on who came before, and many
        // small bundles try more orders than one big one.
        for (k, chunk) in lines.chunks(64).enumerate() {
            let text = chunk.join(["\n", "\r\n", "\r\n\r\n"][k % 3]) + ["", "\n", "\r"][k % 5 % 3];
            let path: Arc<str> = "notes/call.md".into();
            let mut fast = People::default();
            fast.scan_file(&path, &text, role);
            let mut plain = People::default();
            for (n, line) in text.lines().enumerate() {
                let at = Evidence {
                    file: path.clone(),
                    line: n as u32 + 1,
                };
                plain.scan_line_unfiltered(line, &at, role);
            }
            assert_eq!(
                format!("{:?}", fast.persons),
                format!("{:?}", plain.persons),
                "{text}"
            );
            let sorted = |p: &People| {
                let mut keys: Vec<_> = p.keys.iter().collect();
                keys.sort();
                format!("{keys:?}")
            };
            assert_eq!(sorted(&fast), sorted(&plain), "{text}");
        }
    }
}

#[test]
fn lines_split_as_str_lines_does() {
    let corpus = corpus();
    let mut texts: Vec<String> = [
        "",
        "\n",
        "\n\n",
        "a",
        "a\n",
        "a\r\n",
        "a\r",
        "\r",
        "\r\n\r\n",
        "a\n\nb",
        "a\rb\r\n",
        "é\n(Ana",
        "Ana Ng,\n Head",
        "Ana Ng\n (CFO)",
        "x (\n)",
        "<a\n@b>",
    ]
    .map(String::from)
    .to_vec();
    texts.extend(
        corpus.chunks(16).enumerate().map(|(k, chunk)| {
            chunk.join(["\n", "\r\n", "\n\r"][k % 3]) + ["", "\n", "\r"][k % 5 % 3]
        }),
    );
    for text in &texts {
        let lines: Vec<&str> = marked_lines(text).map(|(line, _)| line).collect();
        assert_eq!(lines, text.lines().collect::<Vec<_>>(), "{text:?}");
        // Read with its neighbours, a line keeps every flag it has alone.
        for (line, marks) in marked_lines(text) {
            let alone = Marks::of(line);
            let flags = |m: &Marks| {
                [
                    m.capital,
                    m.non_ascii,
                    m.colon,
                    m.legend,
                    m.paren,
                    m.mailbox,
                    m.bar,
                    m.comma,
                    m.title,
                ]
            };
            for (with, without) in flags(&marks).into_iter().zip(flags(&alone)) {
                assert!(with || !without, "{line:?} in {text:?}");
            }
        }
    }
}

#[test]
fn lines_read_eight_bytes_at_a_time_as_one_at_a_time() {
    let ranges = |b: u8| {
        b < b' '
            || (b'('..=b',').contains(&b)
            || (b':'..=b'Z').contains(&b)
            || b == b'|'
            || b >= 0x80
    };
    for byte in 0..=255u8 {
        assert!(!STOPS[usize::from(byte)] || ranges(byte), "{byte:#x}");
        for at in 0..8 {
            for fill in [*b"ab zq yx", *b"A(|:\n,Z\xff", [0; 8], [0xff; 8]] {
                let mut word = fill;
                word[at] = byte;
                let candidates = may_stop(u64::from_le_bytes(word));
                let candidate = candidates >> (8 * at + 7) & 1 == 1;
                assert_eq!(candidate, ranges(byte), "{byte:#x} at {at}");
                assert_eq!(candidates & !0x8080_8080_8080_8080, 0);
            }
        }
    }
    // A line read a byte at a time.
    let one_by_one = |bytes: &[u8]| {
        let mut found = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' {
                return (i, found);
            }
            if STOPS[usize::from(b)] {
                found |= stop_at(bytes, i, found);
            }
        }
        (bytes.len(), found)
    };
    let mut random = Lines(7);
    for len in 0..40 {
        for _ in 0..200 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    let r = random.next();
                    match r % 6 {
                        0 => (r >> 8) as u8,
                        1 => b' ',
                        2 => b"\n(),:=<>@|AZCVGOPF"[(r >> 8) as usize % 18],
                        _ => b'a' + ((r >> 8) % 26) as u8,
                    }
                })
                .collect();
            for at in 0..=len {
                let bytes = &bytes[at..];
                assert_eq!(read_line(bytes), one_by_one(bytes), "{bytes:?}");
            }
        }
    }
}

#[test]
fn a_title_ends_where_split_ends_it() {
    for text in [
        "",
        ".",
        ". ",
        "a. b. c",
        "Executive Director. I joined",
        "é. ",
        "a.b",
        " . x",
    ] {
        assert_eq!(
            until_sentence_end(text),
            text.split(". ").next().unwrap_or(text)
        );
    }
}

impl People {
    /// The scan as first written: every pattern on every line, the checks on
    /// each match as [`People::scan_line`] makes them.
    fn scan_line_unfiltered(&mut self, line: &str, at: &Evidence, role: FileRole) {
        let org_prefix = ORG_LINE
            .captures(line)
            .map(|c| c[1].trim().to_string())
            .filter(|o| !is_not_name(o) && o.split(' ').count() <= 3);
        let agree = ascii_bounds_agree(line);
        for c in LEGEND.on(agree).captures_iter(line) {
            if is_name(&c[2]) {
                let i = self.add(&c[2], None, at.clone());
                self.keys.insert(c[1].to_lowercase(), i);
            }
        }
        for c in NAME_PAREN.on(agree).captures_iter(line) {
            let (name, paren) = (&c[1], c[2].trim());
            if !is_name(name) {
                continue;
            }
            if !name.contains(' ') && !looks_like_title(paren) {
                continue;
            }
            let organisation = (paren.contains(',')
                || paren.chars().next().is_some_and(char::is_uppercase))
                && !paren.contains(|c: char| c.is_ascii_digit());
            if !looks_like_title(paren) && !organisation {
                continue;
            }
            let (org, title) = split_org_title(paren, looks_like_title(paren));
            let i = self.add(name, title, at.clone());
            let p = &mut self.persons[i];
            if p.title.is_none() {
                p.title = title.map(str::to_string);
            }
            if p.org.is_none() {
                p.org = org.map(str::to_string).or_else(|| org_prefix.clone());
            }
            if let (Some(org), None) = (org, title) {
                let whole = c.get(0).expect("a match");
                let start = c.get(1).map_or(0, |m| m.start());
                for member in super::super::scan::group_before(line, start, whole.end()) {
                    let j = self.add(member, None, at.clone());
                    self.persons[j].org.get_or_insert_with(|| org.to_string());
                }
            }
        }
        for c in MAILBOX.on(agree).captures_iter(line) {
            if is_name(&c[1]) {
                let i = self.add(&c[1], None, at.clone());
                self.persons[i]
                    .domain
                    .get_or_insert_with(|| c[2].to_lowercase());
            }
        }
        if let Some(c) = SIGNATURE.on(agree).captures(line)
            && is_name(&c[1])
            && looks_like_title(&c[2])
        {
            self.add(&c[1], Some(c[2].trim()), at.clone());
        }
        for c in NAME_COMMA_TITLE.on(agree).captures_iter(line) {
            let start = c.get(0).map_or(0, |m| m.start());
            let (name, title) = (&c[1], &c[2]);
            let open = line[..start].matches('(').count() > line[..start].matches(')').count();
            if open || !name.contains(' ') {
                continue;
            }
            if is_name(name) && looks_like_title(title) {
                let i = self.add(name, Some(title.trim_end_matches(',')), at.clone());
                let p = &mut self.persons[i];
                if p.org.is_none() {
                    p.org = org_prefix.clone();
                }
            }
        }
        if role != FileRole::Scope {
            for c in TITLE_NAME.on(agree).captures_iter(line) {
                if is_name(&c[2]) {
                    self.add(&c[2], Some(&c[1]), at.clone());
                }
            }
        }
    }
}
