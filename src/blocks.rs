//! How the reader cuts a text into display blocks, and how a block is drawn: pure, so that
//! the offsets the DOM reports map back to the text exactly (tested natively here).

use crate::text::Utf16;
use std::borrow::Cow;

/// The smallest display block, in bytes. Blocks end at line ends; 8 KB (3-4 screens of
/// prose) makes 5 MB 596 blocks, which `content-visibility: auto` skips off screen. The
/// browser examines each in every frame that moves one: 2 KB blocks (2,215) cost 25-30 ms a
/// frame until all were laid out, and a fast scroll just after opening 5 MB with 10,000
/// annotations missed a vsync in 99% of its frames; 8 KB, 13-18% (issue 25).
pub const MIN_BLOCK_BYTES: usize = 8192;
/// The largest display block, in bytes: a line longer than this is cut (after a space, see
/// [`blocks`]), so that a 10 MB text without a line break is some 610 blocks, not one block
/// whose layout held the page for 3.5 s. 16 KB leaves every paragraph of prose whole (the
/// seeds' longest is 1.9 KB): a cut shows as a line break.
pub const MAX_BLOCK_BYTES: usize = 16_384;
/// The most lines a display block holds. Each block is an element the browser examines on
/// every frame (`content-visibility: auto` watches each): a million one-word lines in blocks
/// of 64 lines made 15,600 of them, and the first paint took 880 ms; 256 keeps them near
/// the number a 2 KB minimum gives, 3,900.
pub const MAX_BLOCK_LINES: usize = 256;
/// Lines of a block, or bytes, laid out for the cost of one unit of prose (2 KB, some 4-16
/// line ends): the unit the reader's `MS_PER_BLOCK` (`src/web/text_view.rs`) prices.
pub const LINES_PER_UNIT: usize = 16;
pub const BYTES_PER_UNIT: usize = 2048;
/// The reading view's blocks of `text`: [`blocks`] with the sizes above.
pub fn reading_blocks(text: &str) -> Vec<(Utf16, &str)> {
    blocks(text, MIN_BLOCK_BYTES, MAX_BLOCK_BYTES, MAX_BLOCK_LINES)
}

/// What laying out a block (as [`drawn`]) costs, in units of prose: its lines over
/// [`LINES_PER_UNIT`] or its bytes over [`BYTES_PER_UNIT`], whichever is more, and at least 1.
pub fn layout_units(drawn: &str) -> u32 {
    let lines = drawn.bytes().filter(|&b| b == b'\n').count();
    let units = lines
        .div_ceil(LINES_PER_UNIT)
        .max(drawn.len().div_ceil(BYTES_PER_UNIT))
        .max(1);
    u32::try_from(units).unwrap_or(u32::MAX)
}

/// Splits a text into display blocks, and returns each block's start as a UTF-16 offset with
/// its text. A block ends after the first line end (`\n`) once it is at least `min_bytes`
/// long or holds `max_lines` lines, and in any case before it passes `max_bytes` (UTF-8
/// bytes), at its last line end if it has one, else inside the line: a 10 MB text without a
/// line break would otherwise be one block, laid out in one task of seconds, and 2 KB of
/// one-word lines is some 300 lines, which cost as much to lay out as 15 blocks of prose.
///
/// A cut by size falls after a space in the block's second half and last 2 KB, else at the
/// last grapheme cluster boundary (UAX #29) that fits: never inside a CRLF pair, between a
/// letter and its combining marks, or inside a character (a surrogate pair in UTF-16). Only
/// one cluster longer than `max_bytes` is cut inside, at a code point, never between CR and LF.
///
/// The blocks concatenate to the text exactly, so a DOM position inside block `i` at UTF-16
/// offset `k` is document offset `start_i + k`.
pub fn blocks(
    text: &str,
    min_bytes: usize,
    max_bytes: usize,
    max_lines: usize,
) -> Vec<(Utf16, &str)> {
    let bytes = text.as_bytes();
    let max_bytes = max_bytes.max(1);
    let mut out = Vec::new();
    let (mut start, mut start_u16) = (0usize, 0usize);
    while start < bytes.len() {
        let limit = start.saturating_add(max_bytes);
        // The first line end at which the block is long enough or has `max_lines` lines,
        // looked for only up to the limit: a text without line breaks is not searched to
        // its end for every block.
        let upto = limit.min(bytes.len());
        let (mut lines, mut last_line_end) = (0, None);
        let line_end = bytes[start..upto]
            .iter()
            .enumerate()
            .filter(|(_, &b)| b == b'\n')
            .map(|(i, _)| start + i + 1)
            .find(|&end| {
                lines += 1;
                last_line_end = Some(end);
                end - start >= min_bytes || lines >= max_lines
            });
        // A line that would take the block past the limit starts the next block, if the
        // block has a line end at all; only a line longer than the limit is cut.
        let end = match (line_end, last_line_end) {
            (Some(e), _) => e,
            _ if limit >= bytes.len() => bytes.len(),
            (None, Some(e)) => e,
            (None, None) => size_cut(text, start, limit),
        };
        let chunk = &text[start..end];
        out.push((Utf16(start_u16), chunk));
        start_u16 += utf16_len(chunk);
        start = end;
    }
    out
}

/// Where a block that starts at byte `start` is cut to end at or before byte `limit`
/// (`start < limit < text.len()`): see [`blocks`]. Always past `start`.
fn size_cut(text: &str, start: usize, limit: usize) -> usize {
    use crate::segment::{starts, Granularity};
    let bytes = text.as_bytes();
    // From a restart at most 2 KB before the limit to a little past it: segmenting is slow in
    // the browser (half of each 16 KB block of a 10 MB line took 690 ms).
    let mut end = (limit + 128).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let half = start + (limit - start) / 2;
    let near = limit.saturating_sub(2048).max(half);
    let from = crate::segment::grapheme_restart(text, start, near);
    let clusters: Vec<usize> = starts(&text[from..end], Granularity::Grapheme)
        .into_iter()
        .map(|b| b + from)
        .collect();
    let boundary = |at: usize| clusters.binary_search(&at).is_ok();
    // After a space in the block's second half, within those 2 KB: the cut then reads as a
    // soft wrap.
    let mut at = limit;
    while let Some(i) = bytes[near..at].iter().rposition(|&b| b == b' ') {
        if boundary(near + i + 1) {
            return near + i + 1;
        }
        at = near + i;
    }
    // Else the last grapheme cluster boundary that fits.
    let mut at = limit;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    if at > start && boundary(at) {
        return at;
    }
    if let Some(&b) = clusters.iter().rev().find(|&&b| b < at) {
        if b > start {
            return b;
        }
    }
    // One cluster longer than the limit (or one whose start needs what lies before the
    // block): a code point boundary, not between CR and LF; past the limit only when one
    // character (or a CRLF pair) is longer than it.
    let crlf =
        |at: usize| at > 0 && at < bytes.len() && bytes[at - 1] == b'\r' && bytes[at] == b'\n';
    let mut at = limit;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    if crlf(at) {
        at -= 1;
    }
    if at > start {
        return at;
    }
    let mut at = start + 1;
    while !text.is_char_boundary(at) || crlf(at) {
        at += 1;
    }
    at
}

/// The length of a UTF-8 text in UTF-16 units: one per character, two for those of four
/// bytes (outside the Basic Multilingual Plane), counted from the bytes without decoding.
fn utf16_len(s: &str) -> usize {
    s.bytes()
        .map(|b| match b {
            0xF0.. => 2,
            0x80..=0xBF => 0,
            _ => 1,
        })
        .sum()
}

/// Cuts display blocks (as [`blocks`] gives them) again at each of `cuts` (UTF-16 offsets
/// in the text, in order) that falls inside one, so that each cut starts a block: the
/// reader starts each page of a PDF on a block of its own, marked with its number. The
/// blocks still concatenate to the text. A cut inside a surrogate pair is moved to the
/// pair's start.
pub fn cut_blocks<'a>(blocks: Vec<(Utf16, &'a str)>, cuts: &[Utf16]) -> Vec<(Utf16, &'a str)> {
    let mut out = Vec::with_capacity(blocks.len() + cuts.len());
    let mut next = cuts.iter().map(|c| c.0).peekable();
    for (start, chunk) in blocks {
        // A block with no cut inside is kept whole without a walk through its characters
        // (a 5 MB text without pages took 40 ms in the browser to walk for nothing).
        if next
            .peek()
            .is_none_or(|&cut| cut >= start.0 + utf16_len(chunk))
        {
            out.push((start, chunk));
            continue;
        }
        let (mut from_byte, mut from_u16) = (0usize, start.0);
        let mut u16 = start.0;
        for (byte, c) in chunk.char_indices() {
            let after = u16 + c.len_utf16();
            // Cuts before this character (or at the block's own start) are done with.
            while next
                .peek()
                .is_some_and(|&cut| cut < u16 || (cut == u16 && byte == from_byte))
            {
                next.next();
            }
            if next.peek().is_some_and(|&cut| cut < after) {
                next.next();
                if byte > from_byte {
                    out.push((Utf16(from_u16), &chunk[from_byte..byte]));
                    (from_byte, from_u16) = (byte, u16);
                }
            }
            u16 = after;
        }
        out.push((Utf16(from_u16), &chunk[from_byte..]));
    }
    out
}

/// A block as the reader draws it: each lone CR (a line end of classic Mac OS files) becomes
/// LF. The reading view breaks lines with CSS `white-space: pre-wrap`, which breaks at LF
/// only and draws a CR like a space (CSS Text Module Level 3, section 4, "White Space
/// Processing"), so a file with CR line ends showed as one long paragraph. Both are one
/// UTF-16 unit, so a DOM offset in the drawn block is still an offset in the text, which
/// keeps its CRs (exports give the file's own characters). CRLF is left as it is. Borrowed
/// when the block has no CR, as almost every block has none.
pub fn drawn(block: &str) -> Cow<'_, str> {
    if !block.contains('\r') {
        return Cow::Borrowed(block);
    }
    let mut out = String::with_capacity(block.len());
    let mut chars = block.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(match c {
            '\r' if chars.peek() != Some(&'\n') => '\n',
            c => c,
        });
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Bias, DocText, Utf8};

    /// Emoji, a combining mark, RTL, a flag and CRLF (as `text.rs`'s tests use).
    const HOSTILE: &str = "A😀b e\u{301}t\r\nمرحبا 🇫🇷 z\r\n";

    #[test]
    fn blocks_are_cut_again_where_pages_start() {
        let text = "page one 😀\n\npage two\n\npage three";
        let u16_of = |needle: &str| {
            let at = text.find(needle).unwrap();
            Utf16(text[..at].encode_utf16().count())
        };
        let whole = blocks(text, 2048, 16_384, 256);
        assert_eq!(whole.len(), 1);
        let cuts = [Utf16(0), u16_of("page two"), u16_of("page three")];
        let cut = cut_blocks(whole, &cuts);
        let starts: Vec<Utf16> = cut.iter().map(|b| b.0).collect();
        assert_eq!(starts, cuts);
        assert_eq!(cut.iter().map(|b| b.1).collect::<String>(), text);
        assert_eq!(cut[1].1, "page two\n\n");
        // Blocks already cut there, and cuts past the end, change nothing.
        let again = cut_blocks(cut.clone(), &[u16_of("page two"), Utf16(999)]);
        assert_eq!(again, cut);
        // A cut inside the emoji's surrogate pair goes to its start.
        let emoji = u16_of("😀");
        let cut = cut_blocks(blocks(text, 2048, 16_384, 256), &[Utf16(emoji.0 + 1)]);
        assert_eq!(cut[1], (emoji, &text[text.find('😀').unwrap()..]));
    }

    #[test]
    fn a_lone_cr_is_drawn_as_a_line_break_of_the_same_length() {
        let text = "one\rtwo 😀\rthree\r\nfour\r";
        let shown = drawn(text);
        assert_eq!(shown, "one\ntwo 😀\nthree\r\nfour\n");
        assert_eq!(
            shown.encode_utf16().count(),
            text.encode_utf16().count(),
            "DOM offsets stay the text's"
        );
        assert!(matches!(drawn("no CR here\n"), Cow::Borrowed(_)));
        assert_eq!(drawn("a\r\nb"), "a\r\nb");
    }

    /// Checks what every split into blocks must hold: the blocks concatenate to the text,
    /// each carries its UTF-16 start, which the index converts to the block's own start in
    /// code points and bytes (so DOM offsets map exactly), none passes `max` unless one
    /// character does, and none ends between CR and LF.
    fn check_blocks(text: &str, min: usize, max: usize, lines: usize) -> Vec<(Utf16, &str)> {
        let bs = blocks(text, min, max, lines);
        let joined: String = bs.iter().map(|(_, s)| *s).collect();
        assert_eq!(joined, text);
        let doc = DocText::new(text);
        let (mut u16, mut byte) = (0, 0);
        for (i, (start, s)) in bs.iter().enumerate() {
            assert!(!s.is_empty());
            assert_eq!(start.0, u16, "block {i}'s UTF-16 start");
            let cp = doc.cp_of_utf16(*start, Bias::Floor).unwrap();
            assert_eq!(
                doc.utf16_of(cp),
                Some(*start),
                "block {i} starts inside a character"
            );
            assert_eq!(doc.utf8_of(cp), Some(Utf8(byte)));
            u16 += s.encode_utf16().count();
            byte += s.len();
            assert!(
                !(s.ends_with('\r') && text[byte..].starts_with('\n')),
                "block {i} ends inside a CRLF pair"
            );
            // Past `max` only by one character (4 bytes at most) or a CRLF pair.
            assert!(s.len() <= max.max(4), "block {i} is too long");
            assert!(
                s.matches('\n').count() <= lines.max(1),
                "block {i} has too many lines"
            );
        }
        bs
    }

    use crate::segment::{segments, starts, Granularity};

    #[test]
    fn blocks_concatenate_to_the_text_and_carry_utf16_starts() {
        let text = HOSTILE.repeat(50);
        for min in [0, 1, 10, 1000, usize::MAX] {
            let bs = check_blocks(&text, min, usize::MAX, usize::MAX);
            for (_, s) in &bs {
                assert!(!s.contains('\n') || s.ends_with('\n') || min == usize::MAX);
            }
        }
    }

    #[test]
    fn crlf_stays_inside_one_block() {
        let bs = blocks("one\r\ntwo\r\n", 1, 100, 100);
        assert_eq!(bs, vec![(Utf16(0), "one\r\n"), (Utf16(5), "two\r\n")]);
    }

    #[test]
    fn many_short_lines_make_blocks_of_at_most_max_lines() {
        let text = "word\r\n".repeat(1000);
        let bs = blocks(&text, 2048, 4096, 64);
        assert_eq!(bs.len(), 1000 / 64 + 1);
        assert!(bs
            .iter()
            .all(|(_, s)| s.matches('\n').count() <= 64 && s.ends_with("\r\n")));
        assert_eq!(bs.iter().map(|(_, s)| *s).collect::<String>(), text);
    }

    #[test]
    fn a_line_that_would_pass_the_limit_starts_the_next_block_uncut() {
        let text = format!("{}\n{}\n", "a".repeat(10), "b".repeat(60));
        let bs = check_blocks(&text, 32, 64, usize::MAX);
        assert_eq!(
            bs.iter().map(|(_, s)| s.len()).collect::<Vec<_>>(),
            [11, 61]
        );
    }

    #[test]
    fn a_line_longer_than_the_limit_is_cut_after_a_space() {
        let line = "word ".repeat(1000);
        let bs = check_blocks(&line, 10, 64, 1);
        assert!(bs.len() >= 5000 / 64);
        assert!(bs.iter().all(|(_, s)| s.ends_with(' ') && s.len() <= 64));
    }

    #[test]
    fn a_cut_without_spaces_falls_between_clusters_never_inside_one() {
        // Emoji (surrogate pairs in UTF-16), combining marks, CRLF and flags, no spaces: the
        // cut can fall anywhere, and lands only between grapheme clusters.
        // (Flags are left out: a run of regional indicators pairs up from its start, which a
        // cut does not scan back to; such a cut falls between code points.)
        for unit in ["😀", "e\u{301}\u{302}", "\r\n", "مرحبا", "a😀e\u{301}\r\n"] {
            let text = unit.repeat(400);
            let cluster = segments(unit, Granularity::Grapheme)
                .iter()
                .map(|(_, g)| g.len())
                .max()
                .unwrap_or(0);
            for max in cluster..40 {
                let clusters: std::collections::HashSet<usize> =
                    starts(&text, Granularity::Grapheme).into_iter().collect();
                let mut at = 0;
                for (_, s) in check_blocks(&text, usize::MAX, max, usize::MAX) {
                    assert!(
                        clusters.contains(&at),
                        "{unit:?} cut inside a cluster, max {max}"
                    );
                    at += s.len();
                }
            }
        }
    }

    #[test]
    fn one_cluster_longer_than_the_limit_is_cut_at_a_code_point_not_inside_crlf() {
        let zalgo = format!("a{}\r\nb", "\u{301}".repeat(100));
        let bs = check_blocks(&zalgo, usize::MAX, 16, usize::MAX);
        assert!(bs.len() > 1);
        assert!(bs.iter().all(|(_, s)| !s.starts_with('\n')));
    }

    // proptest is a native-only dev-dependency (no random source in the wasm32 test build).
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_text_splits_into_blocks_that_map_offsets_exactly(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "word ", " ", "\n", "\r\n", "\r", "😀", "e\u{301}", "\u{301}",
                    "🇫🇷", "مرحبا ", "€", "\u{200d}", "👩\u{200d}👩",
                ]),
                0..300,
            ),
            min in 0usize..64,
            max in 1usize..64,
            lines in 1usize..8,
        ) {
            let text: String = parts.concat();
            check_blocks(&text, min, max, lines);
        }
    }
}
