//! Text segmentation by Unicode's default rules (UAX #29: grapheme clusters, words and
//! sentences), for the caret's moves, cutting fields and blocks between clusters, and the
//! suggester's words and sentences.
//!
//! In the app it is the browser's `Intl.Segmenter` (ECMA-402, 11th edition, §18), which the
//! browsers the app supports all have; natively (tests, tools) it is the unicode-segmentation
//! crate. Both follow UAX #29's default rules, so that the native tests check the boundaries
//! the app relies on; for words in scripts written without spaces (Thai, Khmer) the browser's
//! ICU adds dictionary boundaries, which the app then follows. Leaving the crate's tables out
//! of the app took 20 KB (brotli) off its first load (issue 19, for issue 25's budget).
//!
//! Offsets are UTF-8 bytes of the `&str` given (the browser's UTF-16 indices are converted
//! here, in one place).

/// What a text is cut into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Granularity {
    /// User-perceived characters: extended grapheme clusters (UAX #29 §3).
    Grapheme,
    /// Words, and the runs of spaces and punctuation between them (UAX #29 §4).
    Word,
    /// Sentences, each with its trailing spaces (UAX #29 §5).
    Sentence,
}

/// The byte offsets where the segments of `text` start, in increasing order (`[0, …]`; empty
/// for an empty text).
pub fn starts(text: &str, granularity: Granularity) -> Vec<usize> {
    if text.is_empty() {
        return Vec::new();
    }
    imp::starts(text, granularity)
}

/// A grapheme cluster boundary in `floor..=at` (byte offsets of `text`) from which segmenting
/// the rest of `text` gives the boundaries that segmenting all of it gives: the last start of
/// an ASCII character other than LF that follows an ASCII character; `floor` when there is
/// none. Nothing joins such a character to what comes before it (UAX #29 §3.1.1: only
/// CR × LF and Prepend ×, and Prepend characters are not ASCII), and it ends any run of
/// regional indicators and any emoji sequence (rules GB11–GB13), so nothing before it
/// decides a boundary after it. A cut in a 10 MB line thus segments a few kilobytes, not the
/// whole block from its start (1.4 s in the browser for that line).
pub fn grapheme_restart(text: &str, floor: usize, at: usize) -> usize {
    let bytes = text.as_bytes();
    (floor + 1..=at.min(bytes.len().saturating_sub(1)))
        .rev()
        .find(|&p| bytes[p].is_ascii() && bytes[p] != b'\n' && bytes[p - 1].is_ascii())
        .unwrap_or(floor)
}

/// The segments of `text`, each with the byte offset where it starts.
pub fn segments(text: &str, granularity: Granularity) -> Vec<(usize, &str)> {
    let starts = starts(text, granularity);
    let ends = starts.iter().skip(1).copied().chain([text.len()]);
    starts
        .iter()
        .zip(ends)
        .map(|(&s, e)| (s, &text[s..e]))
        .collect()
}

/// True for a character that can be part of a word: an ASCII letter or digit, or a character
/// from U+00C0 on that is not white space, punctuation or a symbol of the common blocks
/// (General Punctuation through Miscellaneous Symbols and Arrows, CJK and fullwidth
/// punctuation, variation selectors, emoji). It stands in for `char::is_alphanumeric`,
/// whose Unicode tables cost 1.4 KB (brotli) of the app's first load; the letters and digits
/// of every script the GCM's texts use are word characters by both. It differs on rare
/// symbols outside those blocks (`¼`, `ª`: letters here), which only move a word's edge.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c >= '\u{C0}'
        && c != '\u{D7}'
        && c != '\u{F7}'
        && !c.is_whitespace()
        && !matches!(
            c,
            '\u{2000}'..='\u{2BFF}'
                | '\u{3000}'..='\u{303F}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FE30}'..='\u{FE4F}'
                | '\u{FF00}'..='\u{FF0F}'
                | '\u{1F000}'..='\u{1FAFF}'
        )
}

/// The first grapheme cluster of `text` (empty for an empty text).
pub fn first_grapheme(text: &str) -> &str {
    let starts = starts(text, Granularity::Grapheme);
    &text[..starts.get(1).copied().unwrap_or(text.len())]
}

/// The last grapheme cluster of `text` (empty for an empty text).
pub fn last_grapheme(text: &str) -> &str {
    let starts = starts(text, Granularity::Grapheme);
    &text[starts.last().copied().unwrap_or(0)..]
}

/// The grapheme cluster boundary at or before byte `at` of `text`, past 0 when one is: where
/// a cut at `at` may fall without splitting a cluster. `at` must be a char boundary. Only
/// `text[..at + 128]` is looked at (a cluster is rarely more than a few code points: one
/// longer than 128 bytes is cut between code points).
pub fn grapheme_floor(text: &str, at: usize) -> usize {
    if at == 0 || at >= text.len() {
        return at.min(text.len());
    }
    let mut end = (at + 128).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let starts = starts(&text[..end], Granularity::Grapheme);
    match starts.binary_search(&at) {
        Ok(_) => at,
        Err(i) => match starts.get(i.wrapping_sub(1)) {
            Some(&b) if b > 0 => b,
            _ => at,
        },
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::Granularity;
    use unicode_segmentation::UnicodeSegmentation;

    pub fn starts(text: &str, granularity: Granularity) -> Vec<usize> {
        match granularity {
            Granularity::Grapheme => text.grapheme_indices(true).map(|(i, _)| i).collect(),
            Granularity::Word => text.split_word_bound_indices().map(|(i, _)| i).collect(),
            Granularity::Sentence => text
                .split_sentence_bound_indices()
                .map(|(i, _)| i)
                .collect(),
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::Granularity;
    use wasm_bindgen::prelude::wasm_bindgen;

    // One segmenter per granularity, made once. `null` where the browser has no
    // `Intl.Segmenter`: then every code point is a segment of its own.
    #[wasm_bindgen(inline_js = r#"
const made = {};
export function segmentStarts(text, granularity) {
  if (typeof Intl.Segmenter !== "function") return null;
  const s = made[granularity] || (made[granularity] = new Intl.Segmenter(undefined, { granularity }));
  const out = [];
  for (const seg of s.segment(text)) out.push(seg.index);
  return Uint32Array.from(out);
}
"#)]
    extern "C" {
        #[wasm_bindgen(js_name = segmentStarts)]
        fn segment_starts(text: &str, granularity: &str) -> Option<js_sys::Uint32Array>;
    }

    pub fn starts(text: &str, granularity: Granularity) -> Vec<usize> {
        let name = match granularity {
            Granularity::Grapheme => "grapheme",
            Granularity::Word => "word",
            Granularity::Sentence => "sentence",
        };
        let Some(utf16) = segment_starts(text, name) else {
            return text.char_indices().map(|(i, _)| i).collect();
        };
        // UTF-16 indices, increasing, to UTF-8 byte offsets, in one walk.
        let utf16 = utf16.to_vec();
        let mut out = Vec::with_capacity(utf16.len());
        let mut wanted = utf16.into_iter().peekable();
        let mut unit = 0u32;
        for (byte, c) in text.char_indices() {
            while wanted.next_if(|&w| w <= unit).is_some() {
                out.push(byte);
            }
            unit += c.len_utf16() as u32;
        }
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn segmenting_from_a_restart_gives_the_boundaries_of_the_whole_text() {
        use super::{grapheme_restart, starts, Granularity::Grapheme};
        let texts = [
            "Plain prose, with spaces. And more.".to_string(),
            "🇫🇷🇩🇪🇮🇹 flags, a🇫🇷b 👩‍👩‍👧 family e\u{301}\u{302} x".repeat(5),
            "\r\n\r\nCRLF\r\nlines\r\n".repeat(4),
            "مهاجرون. ولاجئون، x1 \u{600}1 \u{600}12 हिन्दी".repeat(4),
            "🇫🇷".repeat(30) + "a" + &"🇫🇷".repeat(31),
        ];
        for text in &texts {
            let whole = starts(text, Grapheme);
            for at in 0..text.len() {
                let r = grapheme_restart(text, 0, at);
                assert!(r <= at);
                assert!(whole.contains(&r) || r == 0, "{r} in {text:?}");
                let again: Vec<usize> = starts(&text[r..], Grapheme)
                    .into_iter()
                    .map(|b| b + r)
                    .collect();
                let expected: Vec<usize> = whole.iter().copied().filter(|&b| b >= r).collect();
                assert_eq!(again, expected, "from {r} in {text:?}");
            }
        }
        // Never below the floor, and the floor when nothing fits.
        assert_eq!(grapheme_restart("ab cd", 3, 4), 4);
        assert_eq!(grapheme_restart("ééééé", 2, 8), 2);
    }

    use super::*;

    #[test]
    fn clusters_words_and_sentences_by_uax_29() {
        let t = "e\u{301}😀👍🏽\r\nab";
        let g: Vec<&str> = segments(t, Granularity::Grapheme)
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        assert_eq!(g, ["e\u{301}", "😀", "👍🏽", "\r\n", "a", "b"]);
        let w: Vec<&str> = segments("l'État's rights, now.", Granularity::Word)
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        assert_eq!(w, ["l'État's", " ", "rights", ",", " ", "now", "."]);
        let s = segments("One. Two? Three", Granularity::Sentence);
        assert_eq!(s, [(0, "One. "), (5, "Two? "), (10, "Three")]);
        assert!(starts("", Granularity::Word).is_empty());
        assert_eq!(first_grapheme("👍🏽x"), "👍🏽");
        assert_eq!(last_grapheme("xe\u{301}"), "e\u{301}");
    }

    #[test]
    fn word_characters_are_letters_and_digits_of_every_script() {
        for c in ['a', 'Z', '7', 'é', 'Ñ', 'œ', 'ß', 'م', 'ש', 'ж', '中', '٣'] {
            assert!(is_word_char(c), "{c}");
        }
        for c in [
            ' ', '\u{a0}', '\'', '’', '«', '»', '¿', '—', '…', '€', '😀', '\u{fe0f}', '\u{200d}',
            '×', '、',
        ] {
            assert!(!is_word_char(c), "{c:?}");
        }
    }

    #[test]
    fn a_floor_never_splits_a_cluster() {
        let t = "ab👍🏽c";
        // Inside the emoji with its skin tone (bytes 2..10): back to its start.
        assert_eq!(grapheme_floor(t, 6), 2);
        assert_eq!(grapheme_floor(t, 2), 2);
        assert_eq!(grapheme_floor(t, 10), 10);
        assert_eq!(
            grapheme_floor("e\u{301}", 1),
            1,
            "no boundary past 0: the cut stays"
        );
    }
}
