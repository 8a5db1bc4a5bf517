//! Document text and its three offset units. Every conversion between them lives here.
//!
//! - [`Cp`]: Unicode code points (scalar values). What annotations store and every export
//!   carries, as the W3C Web Annotation Data Model requires, and what Python's `text[a:b]`
//!   slices.
//! - [`Utf16`]: UTF-16 code units. What the DOM reports (`Range.startOffset`,
//!   `String.length`).
//! - [`Utf8`]: UTF-8 bytes. What Rust's `str` slices.
//!
//! The three agree on ASCII and diverge on everything else: `é` is 1 code point, 1 UTF-16
//! unit and 2 bytes; `😀` is 1 code point, 2 UTF-16 units and 4 bytes. Mixing them up is the
//! most common bug in annotators, so each unit has its own type and [`DocText`] is the
//! only place that converts between them.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;
use std::sync::{Arc, OnceLock};

/// SHA-256 of a text's UTF-8 bytes, as lowercase hex: how exports name a document's text.
pub fn sha256_hex(text: &str) -> String {
    sha256_hex_bytes(text.as_bytes())
}

/// SHA-256 of bytes, as lowercase hex: how the library names the file a document was read
/// from.
pub fn sha256_hex_bytes(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A SHA-256 of a [`DocText`] under way ([`DocText::hash_some`]): the bytes hashed so far.
pub struct PartialSha256 {
    hasher: Sha256,
    at: usize,
}

/// An offset in Unicode code points from the start of a document's text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Cp(pub usize);

/// An offset in UTF-16 code units, the unit of DOM ranges and JavaScript strings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Utf16(pub usize);

/// An offset in UTF-8 bytes, the unit of Rust string slicing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Utf8(pub usize);

impl fmt::Display for Cp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Which code point a UTF-16 offset that falls inside a surrogate pair resolves to.
///
/// The DOM can, in principle, report an offset between the two halves of an emoji. The
/// start of a selection then rounds down (the emoji is included) and the end rounds up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bias {
    /// Round down to the code point that contains the offset.
    Floor,
    /// Round up to the next code point boundary.
    Ceil,
}

/// How many code points lie between two stored checkpoints.
///
/// 256 keeps the index at 1/16 of the text's size for ASCII (two `u32` per 256 code
/// points) while bounding any conversion to a scan of 255 characters, about a microsecond.
const STRIDE: usize = 256;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Checkpoint {
    utf8: u32,
    utf16: u32,
}

/// A document's text together with an index that converts offsets in O(log n).
///
/// The text is shared, so cloning a `DocText` is cheap. It is an `Arc<String>`, not an
/// `Arc<str>`: a `String` (a file's bytes, a stored record's text) becomes one without
/// copying, and a 5 MB text copied once more is 5 MB more of WebAssembly memory for good
/// (that memory never shrinks).
#[derive(Clone, Eq)]
pub struct DocText {
    text: Arc<String>,
    /// `checkpoints[i]` holds the byte and UTF-16 offsets of code point `i * STRIDE`.
    /// Shared, like the text: the app clones its state on every change.
    checkpoints: Arc<[Checkpoint]>,
    len_cp: usize,
    len_utf16: usize,
    /// The SHA-256 of the text, computed on first use and shared by clones: an import
    /// matches documents by it, and hashing a 5 MB text takes some 40 ms in the browser.
    sha256: Arc<OnceLock<String>>,
}

/// Equal texts are equal documents' texts; the index follows from the text. The shared
/// pointer is checked first: the app compares its reader's props on every render, and
/// comparing 5 MB byte by byte each time showed up in profiles.
impl PartialEq for DocText {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.text, &other.text) || *self.text == *other.text
    }
}

impl fmt::Debug for DocText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DocText")
            .field("len_cp", &self.len_cp)
            .field("len_utf8", &self.text.len())
            .finish()
    }
}

/// The largest text we index: offsets are stored as `u32` to halve the index.
pub const MAX_TEXT_BYTES: usize = u32::MAX as usize;

/// The checkpoints of a UTF-8 text (valid, as a `str`'s bytes are), its length in code points
/// and in UTF-16 units. Runs of ASCII, most of any text here, are taken a stride's worth at a
/// time rather than decoded character by character: every start-up and every opened
/// document indexes its text (5 MB natively in 3.7 ms this way, 14.7 ms char by char).
fn index(bytes: &[u8]) -> (Vec<Checkpoint>, usize, usize) {
    let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 2);
    let (mut at, mut cp, mut utf16) = (0usize, 0usize, 0usize);
    // `at` is always at a character's first byte; `cp` and `utf16` count what lies before it.
    while at < bytes.len() {
        if cp % STRIDE == 0 {
            checkpoints.push(Checkpoint {
                utf8: at as u32,
                utf16: utf16 as u32,
            });
        }
        // ASCII up to the next checkpoint at most: a byte, a code point and a UTF-16 unit each.
        let room = (STRIDE - cp % STRIDE).min(bytes.len() - at);
        let ascii = bytes[at..at + room]
            .iter()
            .position(|b| !b.is_ascii())
            .unwrap_or(room);
        if ascii > 0 {
            at += ascii;
            cp += ascii;
            utf16 += ascii;
            continue;
        }
        // One character of 2, 3 or 4 bytes, told by its first byte; 4 bytes take a
        // surrogate pair in UTF-16.
        let width = match bytes[at] {
            0xF0.. => 4,
            0xE0.. => 3,
            _ => 2,
        };
        at += width;
        cp += 1;
        utf16 += if width == 4 { 2 } else { 1 };
    }
    if cp % STRIDE == 0 {
        // The end of the text is a checkpoint too, so that `Cp(len)` converts directly.
        checkpoints.push(Checkpoint {
            utf8: bytes.len() as u32,
            utf16: utf16 as u32,
        });
    }
    (checkpoints, cp, utf16)
}

impl DocText {
    /// Indexes `text`, taking a `String` as it is (a `&str` is copied once). Texts over
    /// 4 GiB are cut, which the import limits make unreachable.
    pub fn new(text: impl Into<String>) -> Self {
        let text = Arc::new(text.into());
        let (checkpoints, len_cp, len_utf16) = index(text.as_bytes());
        DocText {
            text,
            checkpoints: checkpoints.into(),
            len_cp,
            len_utf16,
            sha256: Arc::default(),
        }
    }

    /// The text's SHA-256 as lowercase hex (see [`sha256_hex`]), computed once.
    pub fn sha256_hex(&self) -> &str {
        self.sha256.get_or_init(|| sha256_hex(&self.text))
    }

    /// Hashes at most `budget` more bytes of the text, going on from `partial`, so that a
    /// 5 MB text (some 56 ms in the browser) is hashed a step at a time. At the end the hash
    /// is kept, as [`DocText::sha256_hex`] keeps it, and `partial` is `None` again. Returns
    /// the bytes hashed: 0 when the hash was already known.
    pub fn hash_some(&self, partial: &mut Option<PartialSha256>, budget: usize) -> usize {
        if self.sha256.get().is_some() {
            *partial = None;
            return 0;
        }
        let p = partial.get_or_insert_with(|| PartialSha256 {
            hasher: Sha256::new(),
            at: 0,
        });
        let (from, end) = (p.at, p.at.saturating_add(budget).min(self.text.len()));
        p.hasher.update(&self.text.as_bytes()[from..end]);
        p.at = end;
        if end == self.text.len() {
            if let Some(done) = partial.take() {
                let _ = self.sha256.set(hex(&done.hasher.finalize()));
            }
        }
        end - from
    }

    /// The whole text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length in code points.
    pub fn len_cp(&self) -> Cp {
        Cp(self.len_cp)
    }

    /// Length in UTF-16 code units.
    pub fn len_utf16(&self) -> Utf16 {
        Utf16(self.len_utf16)
    }

    /// Length in UTF-8 bytes.
    pub fn len_utf8(&self) -> Utf8 {
        Utf8(self.text.len())
    }

    /// True when the text is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The byte offset of a code point offset, or `None` past the end.
    pub fn utf8_of(&self, cp: Cp) -> Option<Utf8> {
        let (byte, _) = self.locate(cp)?;
        Some(Utf8(byte))
    }

    /// The UTF-16 offset of a code point offset, or `None` past the end.
    pub fn utf16_of(&self, cp: Cp) -> Option<Utf16> {
        let (_, u16) = self.locate(cp)?;
        Some(Utf16(u16))
    }

    /// The code point offset of a UTF-16 offset, or `None` past the end.
    ///
    /// An offset between the halves of a surrogate pair resolves as `bias` says.
    pub fn cp_of_utf16(&self, at: Utf16, bias: Bias) -> Option<Cp> {
        if at.0 > self.len_utf16 {
            return None;
        }
        // The last checkpoint at or before `at`.
        let idx = self
            .checkpoints
            .partition_point(|c| c.utf16 as usize <= at.0)
            .saturating_sub(1);
        let base = self.checkpoints[idx];
        if self.is_ascii_stride(idx) {
            return Some(Cp(idx * STRIDE + (at.0 - base.utf16 as usize)));
        }
        let mut cp = idx * STRIDE;
        let mut u16 = base.utf16 as usize;
        for ch in self.text[base.utf8 as usize..].chars() {
            if u16 >= at.0 {
                break;
            }
            let next = u16 + ch.len_utf16();
            if next > at.0 {
                // `at` falls inside this character's surrogate pair.
                return Some(Cp(match bias {
                    Bias::Floor => cp,
                    Bias::Ceil => cp + 1,
                }));
            }
            u16 = next;
            cp += 1;
        }
        Some(Cp(cp))
    }

    /// The code point offset of a byte offset, or `None` past the end or inside a character.
    pub fn cp_of_utf8(&self, at: Utf8) -> Option<Cp> {
        if at.0 > self.text.len() || !self.text.is_char_boundary(at.0) {
            return None;
        }
        let idx = self
            .checkpoints
            .partition_point(|c| c.utf8 as usize <= at.0)
            .saturating_sub(1);
        let base = self.checkpoints[idx];
        let scanned = self.text[base.utf8 as usize..at.0].chars().count();
        Some(Cp(idx * STRIDE + scanned))
    }

    /// The text between two code point offsets, or `None` if the span is reversed or out
    /// of range.
    pub fn slice(&self, start: Cp, end: Cp) -> Option<&str> {
        if start > end {
            return None;
        }
        let a = self.utf8_of(start)?;
        let b = self.utf8_of(end)?;
        Some(&self.text[a.0..b.0])
    }

    /// Up to `n` code points that end at `at`: the prefix of a quote.
    pub fn before(&self, at: Cp, n: usize) -> &str {
        let start = Cp(at.0.saturating_sub(n));
        self.slice(start, at).unwrap_or("")
    }

    /// Up to `n` code points that start at `at`: the suffix of a quote.
    pub fn after(&self, at: Cp, n: usize) -> &str {
        let end = Cp((at.0 + n).min(self.len_cp));
        self.slice(at, end).unwrap_or("")
    }

    /// A span with up to `n` code points either side, as a quote selector stores it:
    /// `(prefix, quote, suffix)`, the same as [`before`](Self::before),
    /// [`slice`](Self::slice) and [`after`](Self::after) give, with four offset
    /// conversions instead of six. `None` if the span is reversed or out of range.
    pub fn context(&self, start: Cp, end: Cp, n: usize) -> Option<(&str, &str, &str)> {
        if start > end {
            return None;
        }
        let s = self.utf8_of(start)?.0;
        let e = self.utf8_of(end)?.0;
        let a = self.utf8_of(Cp(start.0.saturating_sub(n)))?.0;
        let b = self.utf8_of(Cp((end.0 + n).min(self.len_cp)))?.0;
        Some((&self.text[a..s], &self.text[s..e], &self.text[e..b]))
    }

    /// True when the code points from checkpoint `idx` to the next (or to the end) are all
    /// ASCII, so that the three units advance together there: as many bytes as code points
    /// means one byte each. Most of an English text is such strides, and converting in them
    /// needs no scan (an import of 10,000 annotations converts 60,000 offsets).
    fn is_ascii_stride(&self, idx: usize) -> bool {
        let Some(base) = self.checkpoints.get(idx) else {
            return false;
        };
        let (bytes, cps) = match self.checkpoints.get(idx + 1) {
            Some(next) => ((next.utf8 - base.utf8) as usize, STRIDE),
            None => (
                self.text.len() - base.utf8 as usize,
                self.len_cp - idx * STRIDE,
            ),
        };
        bytes == cps
    }

    /// Byte and UTF-16 offsets of code point `cp`.
    fn locate(&self, cp: Cp) -> Option<(usize, usize)> {
        if cp.0 > self.len_cp {
            return None;
        }
        // Every multiple of STRIDE below the length has a checkpoint, and so has the
        // length itself when it is a multiple; so `idx` is always in range here.
        let idx = cp.0 / STRIDE;
        let base = *self.checkpoints.get(idx)?;
        let base_cp = idx * STRIDE;
        if self.is_ascii_stride(idx) {
            let k = cp.0 - base_cp;
            return Some((base.utf8 as usize + k, base.utf16 as usize + k));
        }
        let mut byte = base.utf8 as usize;
        let mut u16 = base.utf16 as usize;
        for ch in self.text[byte..].chars().take(cp.0 - base_cp) {
            byte += ch.len_utf8();
            u16 += ch.len_utf16();
        }
        Some((byte, u16))
    }
}

/// Wraps a string from a user or a file (a name, a title, a quote) in Unicode isolates
/// (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE) before it goes into a sentence, so that a
/// right-to-left name or a stray override character inside it cannot reorder the words around
/// it. Every message quoting such a string writes `“\u{2068}{s}\u{2069}”` or calls this.
pub fn isolate(s: &str) -> String {
    format!("\u{2068}{s}\u{2069}")
}

/// A string from a file, cut to at most `max` code points (with "…") so that a hostile
/// 50,000-character label cannot fill a message.
pub fn clip(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(max) {
        None => s.into(),
        Some((at, _)) => format!("{}…", &s[..at]).into(),
    }
}

/// A count written with thousands grouped by commas, as the app's English messages write
/// numbers: `50000` as `50,000`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The plural ending of an English count: `""` for 1, `"s"` otherwise ("1 note", "2 notes").
pub fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_text_hashed_a_few_bytes_at_a_time_has_its_whole_sha256() {
        let text = "Migrants 😀 arrive.\r\nمهاجرون e\u{301}".repeat(9);
        for budget in [1, 7, 100, 10_000] {
            let doc = super::DocText::new(text.as_str());
            let (mut partial, mut steps, mut hashed) = (None, 0, 0);
            loop {
                let n = doc.hash_some(&mut partial, budget);
                assert!(n <= budget);
                hashed += n;
                steps += 1;
                if partial.is_none() {
                    break;
                }
            }
            assert_eq!(hashed, text.len());
            assert_eq!(steps, text.len().div_ceil(budget).max(1));
            assert_eq!(doc.sha256_hex(), super::sha256_hex(&text));
            assert_eq!(
                doc.hash_some(&mut partial, budget),
                0,
                "kept, not hashed again"
            );
        }
    }

    #[test]
    fn clip_cuts_long_strings_by_code_points_and_keeps_short_ones() {
        assert_eq!(super::clip("short", 10), "short");
        assert_eq!(super::clip("😀😀😀", 2), "😀😀…");
        assert_eq!(super::clip(&"W".repeat(5_000), 80).chars().count(), 81);
    }

    use super::*;

    /// Emoji outside the BMP, a combining mark, Arabic (RTL), CRLF, and a flag (two code
    /// points, four UTF-16 units).
    const HOSTILE: &str = "A😀b e\u{301}t\r\nمرحبا 🇫🇷 z\r\n";

    /// Reference conversion: the slow, obviously correct way.
    fn utf16_len_of_prefix(text: &str, cp: usize) -> usize {
        text.chars().take(cp).map(char::len_utf16).sum()
    }

    /// The index the slow, obviously correct way: a checkpoint at every STRIDE-th code point
    /// and at the end when that falls on one.
    fn index_by_chars(text: &str) -> (Vec<Checkpoint>, usize, usize) {
        let (mut checkpoints, mut cp, mut utf16) = (Vec::new(), 0, 0);
        for (byte, ch) in text.char_indices() {
            if cp % STRIDE == 0 {
                checkpoints.push(Checkpoint {
                    utf8: byte as u32,
                    utf16: utf16 as u32,
                });
            }
            utf16 += ch.len_utf16();
            cp += 1;
        }
        if cp % STRIDE == 0 {
            checkpoints.push(Checkpoint {
                utf8: text.len() as u32,
                utf16: utf16 as u32,
            });
        }
        (checkpoints, cp, utf16)
    }

    #[test]
    fn the_index_takes_ascii_runs_whole_and_matches_one_built_char_by_char() {
        let mut texts: Vec<String> = vec![String::new(), "a".into(), HOSTILE.into()];
        // Every width of character at every position around a checkpoint, after ASCII.
        for ch in ['a', 'é', '€', '😀'] {
            for before in [STRIDE - 2, STRIDE - 1, STRIDE, STRIDE + 1, 2 * STRIDE - 1] {
                for after in [0, 1, STRIDE - 1, STRIDE] {
                    texts.push(format!("{}{ch}{}", "x".repeat(before), "y".repeat(after)));
                }
            }
            texts.push(ch.to_string().repeat(3 * STRIDE));
            texts.push(ch.to_string().repeat(3 * STRIDE + 1));
        }
        texts.push(HOSTILE.repeat(300));
        for text in &texts {
            assert_eq!(index(text.as_bytes()), index_by_chars(text), "{text:?}");
        }
    }

    #[test]
    fn lengths_are_counted_in_each_unit() {
        let t = DocText::new("é😀");
        assert_eq!(t.len_cp(), Cp(2));
        assert_eq!(t.len_utf16(), Utf16(3));
        assert_eq!(t.len_utf8(), Utf8(6));
    }

    #[test]
    fn every_code_point_round_trips_through_utf16_and_utf8() {
        let long: String = HOSTILE.repeat(200); // crosses many checkpoints
                                                // Whole ASCII strides (converted without a scan) beside strides that are not, and
                                                // an ASCII tail shorter than a stride.
        let mixed = format!(
            "{}😀{}e\u{301}{}",
            "a".repeat(700),
            "b".repeat(3 * STRIDE),
            "c".repeat(STRIDE / 2)
        );
        for text in [HOSTILE, long.as_str(), mixed.as_str(), "", "a"] {
            let t = DocText::new(text);
            let mut byte = 0;
            for cp in 0..=t.len_cp().0 {
                let u = t.utf16_of(Cp(cp)).unwrap();
                assert_eq!(u.0, utf16_len_of_prefix(text, cp), "utf16 of cp {cp}");
                assert_eq!(t.cp_of_utf16(u, Bias::Floor), Some(Cp(cp)));
                assert_eq!(t.cp_of_utf16(u, Bias::Ceil), Some(Cp(cp)));
                assert_eq!(t.utf8_of(Cp(cp)), Some(Utf8(byte)));
                assert_eq!(t.cp_of_utf8(Utf8(byte)), Some(Cp(cp)));
                if let Some(ch) = text[byte..].chars().next() {
                    byte += ch.len_utf8();
                }
            }
            assert_eq!(t.utf16_of(Cp(t.len_cp().0 + 1)), None);
        }
    }

    #[test]
    fn an_offset_inside_a_surrogate_pair_rounds_by_bias() {
        let t = DocText::new("a😀b");
        // UTF-16: a=0, 😀=1..3, b=3
        assert_eq!(t.cp_of_utf16(Utf16(2), Bias::Floor), Some(Cp(1)));
        assert_eq!(t.cp_of_utf16(Utf16(2), Bias::Ceil), Some(Cp(2)));
        assert_eq!(t.cp_of_utf16(Utf16(5), Bias::Floor), None);
    }

    #[test]
    fn a_byte_offset_inside_a_character_is_refused() {
        let t = DocText::new("é");
        assert_eq!(t.cp_of_utf8(Utf8(1)), None);
        assert_eq!(t.cp_of_utf8(Utf8(2)), Some(Cp(1)));
    }

    #[test]
    fn slices_match_python_style_code_point_slicing() {
        let t = DocText::new(HOSTILE);
        let chars: Vec<char> = HOSTILE.chars().collect();
        for a in 0..chars.len() {
            for b in a..=chars.len() {
                let expected: String = chars[a..b].iter().collect();
                assert_eq!(t.slice(Cp(a), Cp(b)), Some(expected.as_str()));
            }
        }
        assert_eq!(t.slice(Cp(3), Cp(2)), None);
        assert_eq!(t.slice(Cp(0), Cp(chars.len() + 1)), None);
    }

    #[test]
    fn prefix_and_suffix_stop_at_the_text_edges() {
        let t = DocText::new("😀abc😀");
        assert_eq!(t.before(Cp(2), 32), "😀a");
        assert_eq!(t.after(Cp(3), 32), "c😀");
        assert_eq!(t.before(Cp(5), 2), "c😀");
    }

    #[test]
    fn context_is_before_slice_and_after_in_one_call() {
        let t = DocText::new(HOSTILE);
        let len = t.len_cp().0;
        for n in [0, 1, 3, 32] {
            for a in 0..=len {
                for b in a..=len {
                    assert_eq!(
                        t.context(Cp(a), Cp(b), n),
                        Some((
                            t.before(Cp(a), n),
                            t.slice(Cp(a), Cp(b)).unwrap(),
                            t.after(Cp(b), n)
                        )),
                        "span {a}..{b}, context {n}"
                    );
                }
            }
        }
        assert_eq!(t.context(Cp(3), Cp(2), 4), None);
        assert_eq!(t.context(Cp(0), Cp(len + 1), 4), None);
    }
}
