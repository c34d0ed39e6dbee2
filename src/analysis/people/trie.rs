//! The names a statement can mention, as a byte trie. A mention starts where
//! a word starts, so a text is looked up only there, by walking the trie from
//! that place: as many steps as the name has bytes, and most words leave it at
//! their first or second byte. (An Aho-Corasick automaton scans every byte and
//! costs more to build, for each bundle, than the statements cost to search.)

/// A byte trie over the lower-case names, each leading to its person.
#[derive(Debug)]
pub(super) struct NameTrie {
    /// The node each first byte leads to ([`NONE`]: no name starts with it).
    first: Box<[u32; 256]>,
    nodes: Vec<Node>,
}

/// A node's children are a list through their `sibling` links: most nodes
/// have one child, and none has many.
#[derive(Debug, Clone, Copy)]
struct Node {
    byte: u8,
    child: u32,
    sibling: u32,
    /// The person of the name that ends here, or [`NONE`].
    person: u32,
}

/// No node, no person (node 0 is never a child: it stands for none).
const NONE: u32 = 0;
const NO_PERSON: u32 = u32::MAX;

impl Default for NameTrie {
    fn default() -> Self {
        NameTrie {
            first: Box::new([NONE; 256]),
            nodes: vec![Node {
                byte: 0,
                child: NONE,
                sibling: NONE,
                person: NO_PERSON,
            }],
        }
    }
}

impl NameTrie {
    /// The trie of `names` (non-empty, distinct), each with its person.
    pub(super) fn new<'a>(names: impl IntoIterator<Item = (&'a str, usize)>) -> Self {
        let mut trie = NameTrie::default();
        for (name, person) in names {
            trie.insert(name.as_bytes(), person);
        }
        trie
    }

    fn insert(&mut self, name: &[u8], person: usize) {
        let Some((&first, rest)) = name.split_first() else {
            return;
        };
        let mut node = self.first[usize::from(first)];
        if node == NONE {
            node = self.push(first);
            self.first[usize::from(first)] = node;
        }
        for &byte in rest {
            node = match self.child(node, byte) {
                Some(child) => child,
                None => {
                    let child = self.push(byte);
                    self.nodes[child as usize].sibling = self.nodes[node as usize].child;
                    self.nodes[node as usize].child = child;
                    child
                }
            };
        }
        self.nodes[node as usize].person =
            u32::try_from(person).expect("fewer than 4 billion people");
    }

    fn push(&mut self, byte: u8) -> u32 {
        let id = u32::try_from(self.nodes.len()).expect("fewer than 4 billion name bytes");
        self.nodes.push(Node {
            byte,
            child: NONE,
            sibling: NONE,
            person: NO_PERSON,
        });
        id
    }

    fn child(&self, node: u32, byte: u8) -> Option<u32> {
        let mut child = self.nodes[node as usize].child;
        while child != NONE {
            let n = &self.nodes[child as usize];
            if n.byte == byte {
                return Some(child);
            }
            child = n.sibling;
        }
        None
    }

    /// The longest name that starts at `start` in `text` and ends where
    /// `ends_word` allows, as (end, person).
    pub(super) fn longest_at(
        &self,
        text: &str,
        start: usize,
        ends_word: impl Fn(usize) -> bool,
    ) -> Option<(usize, usize)> {
        let bytes = text.as_bytes();
        let mut node = self.first[usize::from(*bytes.get(start)?)];
        let mut at = start + 1;
        let mut longest = None;
        while node != NONE {
            let person = self.nodes[node as usize].person;
            if person != NO_PERSON && ends_word(at) {
                longest = Some((at, person as usize));
            }
            let Some(&byte) = bytes.get(at) else {
                break;
            };
            node = self.child(node, byte).unwrap_or(NONE);
            at += 1;
        }
        longest
    }
}
