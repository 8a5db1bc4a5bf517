//! The learned suggester's features: hashed word and character n-grams of case- and
//! accent-folded text, the same for English, French and Spanish.

/// Bits of the feature hash: 2^18 = 262,144 buckets, enough that the few tens of thousands of
/// features 200 annotations bring rarely share a bucket (about 10 % do at 30,000 features).
pub const BITS: u32 = 18;

/// The longest passage learned or scored, in bytes (cut at a character boundary): an
/// annotation spanning a whole document would otherwise weigh like hundreds.
pub const MAX_PASSAGE: usize = 20_000;

/// The hashed features of a passage, sorted, each once: word unigrams and bigrams and the
/// character 3-, 4- and 5-grams of each word with its edges marked (`<mig`, `ion>`), all of
/// the text case- and accent-folded by [`crate::casefold::fold`], so that `Migración`,
/// `migracion` and `MIGRACIÓN` are one word. Words are runs of
/// [`crate::segment::is_word_char`].
pub fn features(text: &str) -> Vec<u32> {
    features_of(text, 3..=5)
}

/// [`features`] with character n-grams of the lengths in `grams` (an empty range: words
/// only).
pub fn features_of(text: &str, grams: std::ops::RangeInclusive<usize>) -> Vec<u32> {
    let text = cut(text, MAX_PASSAGE);
    let folded = crate::casefold::fold(text);
    let mut out = Vec::new();
    let mut previous: Option<&str> = None;
    let mut chars: Vec<char> = Vec::new();
    for word in folded
        .split(|c: char| !crate::segment::is_word_char(c))
        .filter(|w| !w.is_empty())
    {
        out.push(hash(1, word.as_bytes(), &[]));
        if let Some(p) = previous {
            out.push(hash(2, p.as_bytes(), word.as_bytes()));
        }
        previous = Some(word);
        chars.clear();
        chars.push('<');
        chars.extend(word.chars());
        chars.push('>');
        for n in grams.clone() {
            for gram in chars.windows(n) {
                let mut buf = [0u8; 20];
                let mut len = 0;
                for c in gram {
                    len += c.encode_utf8(&mut buf[len..]).len();
                }
                out.push(hash(n as u32, &buf[..len], &[]));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// `text` cut to at most `max` bytes, at a character boundary.
fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// FNV-1a (32 bits) of a feature's kind and bytes, mixed by a multiplication (Knuth's
/// golden ratio) so that the top [`BITS`] bits are the bucket.
fn hash(kind: u32, a: &[u8], b: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5 ^ kind;
    for &x in a.iter().chain([0xffu8].iter()).chain(b) {
        h ^= u32::from(x);
        h = h.wrapping_mul(0x0100_0193);
    }
    h.wrapping_mul(0x9e37_79b1) >> (32 - BITS)
}
