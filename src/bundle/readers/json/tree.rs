//! JSON with the stored line of every string: `serde_json` gives no positions
//! and (without `preserve_order`) no key order, so a transcript's texts could
//! not be cited. This is a small parser over text `serde_json` has already
//! accepted: one pass, line counted as it goes, depth bounded.

/// A JSON value; strings carry the 1-based line their opening quote stands on
/// (a JSON string holds no raw line break, so the whole string is on it).
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Null,
    Bool(bool),
    /// A number as written: ids as long as Gong's do not fit an `f64`.
    Num(String),
    Str(String, u32),
    Arr(Vec<Node>),
    /// Members in document order.
    Obj(Vec<(String, Node)>),
}

/// Nesting deeper than this is refused (`serde_json` refuses past 128 too).
const MAX_DEPTH: usize = 128;

impl Node {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Obj(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The first of `keys` this object has.
    pub fn any(&self, keys: &[&str]) -> Option<&Node> {
        keys.iter().find_map(|k| self.get(k))
    }

    pub fn str(&self) -> Option<&str> {
        match self {
            Node::Str(s, _) => Some(s),
            _ => None,
        }
    }

    /// A string or a number as text (ids are written either way).
    pub fn key_text(&self) -> Option<String> {
        match self {
            Node::Str(s, _) => Some(s.clone()),
            Node::Num(n) => Some(n.clone()),
            _ => None,
        }
    }

    pub fn array(&self) -> Option<&[Node]> {
        match self {
            Node::Arr(items) => Some(items),
            _ => None,
        }
    }

    pub fn bool(&self) -> Option<bool> {
        match self {
            Node::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn num(&self) -> Option<f64> {
        match self {
            Node::Num(s) | Node::Str(s, _) => s.trim().parse().ok(),
            _ => None,
        }
    }
}

/// Parse `text`; `None` when it is not one JSON value or nests too deep.
pub fn parse(text: &str) -> Option<Node> {
    let mut p = Parser {
        b: text.as_bytes(),
        text,
        at: 0,
        line: 1,
    };
    let node = p.value(0)?;
    p.space();
    (p.at == p.b.len()).then_some(node)
}

struct Parser<'a> {
    b: &'a [u8],
    text: &'a str,
    at: usize,
    line: u32,
}

impl Parser<'_> {
    fn space(&mut self) {
        while let Some(&c) = self.b.get(self.at) {
            match c {
                b'\n' => self.line = self.line.saturating_add(1),
                b' ' | b'\t' | b'\r' => {}
                _ => break,
            }
            self.at += 1;
        }
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        self.space();
        (self.b.get(self.at) == Some(&c)).then(|| self.at += 1)
    }

    fn value(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.space();
        match *self.b.get(self.at)? {
            b'{' => {
                self.at += 1;
                let mut members = Vec::new();
                if self.eat(b'}').is_some() {
                    return Some(Node::Obj(members));
                }
                loop {
                    self.space();
                    let key = self.string()?;
                    self.eat(b':')?;
                    members.push((key, self.value(depth + 1)?));
                    if self.eat(b',').is_none() {
                        self.eat(b'}')?;
                        return Some(Node::Obj(members));
                    }
                }
            }
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                if self.eat(b']').is_some() {
                    return Some(Node::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    if self.eat(b',').is_none() {
                        self.eat(b']')?;
                        return Some(Node::Arr(items));
                    }
                }
            }
            b'"' => {
                let line = self.line;
                Some(Node::Str(self.string()?, line))
            }
            b't' => self.word("true", Node::Bool(true)),
            b'f' => self.word("false", Node::Bool(false)),
            b'n' => self.word("null", Node::Null),
            _ => {
                let start = self.at;
                while self
                    .b
                    .get(self.at)
                    .is_some_and(|c| matches!(c, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
                {
                    self.at += 1;
                }
                let raw = self.text.get(start..self.at)?;
                raw.parse::<f64>().ok().map(|_| Node::Num(raw.to_string()))
            }
        }
    }

    fn word(&mut self, word: &str, node: Node) -> Option<Node> {
        let end = self.at + word.len();
        (self.b.get(self.at..end)? == word.as_bytes()).then(|| {
            self.at = end;
            node
        })
    }

    /// A string at `self.at` (its opening quote), unescaped.
    fn string(&mut self) -> Option<String> {
        if self.b.get(self.at) != Some(&b'"') {
            return None;
        }
        self.at += 1;
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote or backslash in one go.
            let run = self.b.get(self.at..)?;
            let n = run.iter().position(|&c| c == b'"' || c == b'\\')?;
            out.push_str(self.text.get(self.at..self.at + n)?);
            self.at += n;
            if self.b[self.at] == b'"' {
                self.at += 1;
                return Some(out);
            }
            let esc = *self.b.get(self.at + 1)?;
            self.at += 2;
            match esc {
                b'n' => out.push('\n'),
                b't' => out.push('\t'),
                b'r' => out.push('\r'),
                b'b' | b'f' => {}
                b'u' => out.push(self.unicode()?),
                c => out.push(char::from(c)),
            }
        }
    }

    /// The character of a `\uXXXX` escape (its `\u` already read), joining a
    /// surrogate pair; a lone surrogate becomes U+FFFD.
    fn unicode(&mut self) -> Option<char> {
        let hex = |p: &mut Self| {
            let s = p.text.get(p.at..p.at + 4)?;
            p.at += 4;
            u32::from_str_radix(s, 16).ok()
        };
        let hi = hex(self)?;
        if (0xd800..0xdc00).contains(&hi) && self.b.get(self.at..self.at + 2) == Some(b"\\u") {
            let back = self.at;
            self.at += 2;
            let lo = hex(self)?;
            if (0xdc00..0xe000).contains(&lo) {
                return char::from_u32(0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00));
            }
            self.at = back;
        }
        Some(char::from_u32(hi).unwrap_or('\u{fffd}'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_know_their_lines_and_order_is_kept() {
        let text = "{\"z\": 1,\n \"a\": [\"x\\n\\\"y\\\"\",\n\n  \"caf\\u00e9 \\ud83d\\ude00\"], \"t\": true, \"n\": null}";
        let n = parse(text).unwrap();
        let Node::Obj(members) = &n else { panic!() };
        assert_eq!(members[0].0, "z");
        let a = n.get("a").unwrap().array().unwrap();
        assert_eq!(a[0], Node::Str("x\n\"y\"".into(), 2));
        assert_eq!(a[1], Node::Str("café 😀".into(), 4));
        assert_eq!(n.get("t").unwrap().bool(), Some(true));
        assert_eq!(n.get("z").unwrap().num(), Some(1.0));
    }

    #[test]
    fn broken_and_deep_input_gives_none() {
        for bad in ["", "[", "{\"a\"", "\"\\u12", "[1,]x", "{\"a\":1}}"] {
            assert!(parse(bad).is_none(), "{bad}");
        }
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert!(parse(&deep).is_none());
    }
}
