//! Byte searches eight bytes at a time: lines, emphasis markers and sentence
//! ends are looked for in every byte of a file, and most bytes are none of
//! them.

const LOWS: u64 = 0x7F7F_7F7F_7F7F_7F7F;

/// The high bit of each byte of `word` that is `x`, and no other bit. Exact
/// (no carry crosses a byte), so a mask of it may be cut anywhere.
#[inline]
pub(super) fn holds(word: u64, x: u8) -> u64 {
    let v = word ^ (u64::from_ne_bytes([x; 8]));
    !(((v & LOWS) + LOWS) | v | LOWS)
}

/// The first index at or after `i` of a wanted byte; `b.len()` if there is
/// none. `wanted` gives, for eight bytes read as a little-endian word, the
/// high bit of each wanted one (an OR of [`holds`]).
#[inline]
pub(super) fn find_byte(b: &[u8], mut i: usize, wanted: impl Fn(u64) -> u64) -> usize {
    let n = b.len();
    let first_in = |base: usize, word: [u8; 8], from: usize| {
        // Bytes before `from` are cut off the mask.
        let found = wanted(u64::from_le_bytes(word)) & (u64::MAX << (8 * (from - base)));
        (found != 0).then(|| base + found.trailing_zeros() as usize / 8)
    };
    while i + 8 <= n {
        let word: [u8; 8] = b[i..i + 8].try_into().expect("eight bytes");
        if let Some(at) = first_in(i, word, i) {
            return at;
        }
        i += 8;
    }
    if i >= n {
        return n;
    }
    // The last eight bytes, or the whole of a shorter text.
    let base = n.saturating_sub(8);
    let mut word = [0u8; 8];
    word[..n - base].copy_from_slice(&b[base..]);
    match first_in(base, word, i) {
        Some(at) if at < n => at,
        _ => n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_marks_exactly_the_bytes_equal_to_x() {
        for x in 0..=255u8 {
            for y in 0..=255u8 {
                let word = u64::from_le_bytes([y, x, y, y, x, 0, 255, y]);
                let expected = u64::from_le_bytes(
                    [y, x, y, y, x, 0, 255, y].map(|b| if b == x { 0x80 } else { 0 }),
                );
                assert_eq!(holds(word, x), expected, "{x} {y}");
            }
        }
    }

    #[test]
    fn finds_the_first_wanted_byte() {
        let find = |b: &[u8], i| find_byte(b, i, |w| holds(w, b'\n') | holds(w, 0));
        let naive = |b: &[u8], i: usize| {
            (i..b.len())
                .find(|&j| b[j] == b'\n' || b[j] == 0)
                .unwrap_or(b.len())
        };
        // Every byte value at every offset of buffers around the chunk size,
        // alone and after another wanted byte.
        for len in 0..20 {
            for at in 0..len {
                for x in 0..=255u8 {
                    for before in [b'a', b'\n'] {
                        let mut b = vec![b'a'; len];
                        b[at] = x;
                        if at > 0 {
                            b[at - 1] = before;
                        }
                        for i in 0..=len {
                            assert_eq!(find(&b, i), naive(&b, i), "{b:?} from {i}");
                        }
                    }
                }
            }
        }
    }
}
