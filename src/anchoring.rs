//! Anchoring: finding where an annotation belongs in a text that may have changed since it
//! was made. Works on plain strings and code point offsets, never on the DOM.
//!
//! Offsets are in code points ([`Cp`]). As the Hypothesis client does, the cheap selector is
//! tried first and checked against the quote: the stored position, taken at once if the text
//! there is still the quote and the stored context (prefix and suffix) agrees in full, or if
//! no context was stored. Otherwise the exact occurrences of the quote, the stored position
//! among them, are scored by their context and then by nearness to the stored position, as
//! Hypothesis' `match-quote.ts` weighs quote, prefix, suffix and position together: the
//! position is a strong hint, not a trump, so an identical quote that moved by a repeated line
//! is followed by its context. Last, an approximate search that tolerates small edits: up to
//! a quarter of the quote, and beyond a tenth only if the context agrees. A long quote is
//! located by its head and tail, but the whole span between them is measured against the
//! whole quote under the same limits, so a passage whose middle was rewritten is not taken
//! for it. What is not found is an orphan: kept and listed, never dropped.

use crate::text::{Cp, DocText, Utf8};
use std::ops::Range;
use triple_accel::levenshtein::{
    levenshtein_search_simd_with_opts, levenshtein_simd_k, LEVENSHTEIN_COSTS,
};
use triple_accel::SearchType;

/// Where an annotation landed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// At its stored position, which still holds the quote, and whose context fits at least
    /// as well as any other occurrence's.
    Position(Cp, Cp),
    /// The quote, found elsewhere.
    Quote(Cp, Cp),
    /// Text close to the quote, with this many edits (Levenshtein, in UTF-8 bytes).
    Approximate(Cp, Cp, u32),
    /// Not found.
    Orphan,
}

impl Anchor {
    /// The span, unless orphaned.
    pub fn span(self) -> Option<(Cp, Cp)> {
        match self {
            Anchor::Position(a, b) | Anchor::Quote(a, b) | Anchor::Approximate(a, b, _) => {
                Some((a, b))
            }
            Anchor::Orphan => None,
        }
    }
}

/// What an annotation says about where it was.
#[derive(Clone, Copy, Debug, Default)]
pub struct Selector<'a> {
    pub quote: &'a str,
    pub prefix: &'a str,
    pub suffix: &'a str,
    /// The stored position, if any.
    pub position: Option<(Cp, Cp)>,
}

/// The share of a quote that may differ in an approximate match: a quarter, enough for a
/// word or two inserted into a sentence (Hypothesis allows half).
const MAX_EDIT_RATIO: f64 = 0.25;

/// Up to this share of edits, a match is trusted on its own; beyond it, the text around it
/// must also agree with the stored context ([`MIN_CONTEXT`] characters), so that a different
/// passage that happens to look alike is not taken for the quote.
const TRUSTED_EDIT_RATIO: f64 = 0.1;

/// How many characters of stored context must match around a loosely matched quote.
const MIN_CONTEXT: usize = 8;

/// Quotes longer than this (in bytes) are located approximately by their first and last
/// [`ENDS`] bytes, since the search costs grow with the length of what is sought; the span
/// between them is then checked whole against the quote.
const LONG_QUOTE: usize = 256;
/// The length of the head and tail of a long quote that are searched for.
const ENDS: usize = 64;
/// The first bound tried when measuring a long quote against its span: most accepted spans
/// differ by a few words, so the bound is doubled from here up to the limit rather than set
/// at the limit, which costs in proportion to quote length times bound.
const FIRST_BOUND: u32 = 32;

/// Finds where an annotation belongs in `text`.
pub fn anchor(text: &DocText, sel: &Selector) -> Anchor {
    if sel.quote.is_empty() {
        return Anchor::Orphan;
    }
    // The stored position, if it still holds the quote. When its context agrees in full (or
    // none was stored), no other occurrence can score higher, so the text is not scanned.
    let at_position = sel
        .position
        .filter(|&(start, end)| text.slice(start, end) == Some(sel.quote));
    if let Some((start, end)) = at_position {
        if context_match(text, start, end, sel) == context_len(sel) {
            return Anchor::Position(start, end);
        }
    }
    let hint = sel.position.map(|(s, _)| s);
    let haystack = text.as_str();
    let quote_cps = sel.quote.chars().count();

    // Exact occurrences, the stored position among them, the best by context and nearness.
    let mut best: Option<(i64, Cp)> = None;
    for (byte, _) in haystack.match_indices(sel.quote) {
        let Some(start) = text.cp_of_utf8(Utf8(byte)) else {
            continue;
        };
        let score = context_score(text, start, Cp(start.0 + quote_cps), sel, hint);
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, start));
        }
    }
    if let Some((_, start)) = best {
        let end = Cp(start.0 + quote_cps);
        if at_position == Some((start, end)) {
            return Anchor::Position(start, end);
        }
        return Anchor::Quote(start, end);
    }

    approximate(text, sel, hint).unwrap_or(Anchor::Orphan)
}

/// How well a candidate span fits the annotation: matching context characters count most,
/// then nearness to the old position (a tie-breaker between identical contexts).
fn context_score(text: &DocText, start: Cp, end: Cp, sel: &Selector, hint: Option<Cp>) -> i64 {
    let distance = hint.map_or(0, |h| (h.0 as i64 - start.0 as i64).abs());
    context_match(text, start, end, sel) as i64 * 1_000_000 - distance.min(999_999)
}

/// The most [`context_match`] can give: the stored prefix and suffix, in code points.
fn context_len(sel: &Selector) -> usize {
    sel.prefix.chars().count() + sel.suffix.chars().count()
}

/// How many characters of the stored prefix and suffix match the text around a span.
fn context_match(text: &DocText, start: Cp, end: Cp, sel: &Selector) -> usize {
    let before = text.before(start, sel.prefix.chars().count());
    let after = text.after(end, sel.suffix.chars().count());
    let prefix_match = before
        .chars()
        .rev()
        .zip(sel.prefix.chars().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let suffix_match = after
        .chars()
        .zip(sel.suffix.chars())
        .take_while(|(a, b)| a == b)
        .count();
    prefix_match + suffix_match
}

/// Accepts a loose match only if its context agrees (see [`TRUSTED_EDIT_RATIO`]).
fn plausible(
    text: &DocText,
    start: Cp,
    end: Cp,
    edits: u32,
    quote_len: usize,
    sel: &Selector,
) -> bool {
    if f64::from(edits) <= quote_len as f64 * TRUSTED_EDIT_RATIO {
        return true;
    }
    context_match(text, start, end, sel) >= MIN_CONTEXT.min(context_len(sel)).max(1)
}

/// The most edits an approximate match of `quote` may have: [`MAX_EDIT_RATIO`] of its
/// bytes, at least one. Edits are counted in bytes, as `triple_accel` counts them.
fn max_edits(quote: &str) -> u32 {
    ((quote.len() as f64) * MAX_EDIT_RATIO).floor().max(1.0) as u32
}

fn approximate(text: &DocText, sel: &Selector, hint: Option<Cp>) -> Option<Anchor> {
    let quote = sel.quote.as_bytes();
    let whole = 0..text.as_str().len();
    let k = max_edits(sel.quote);
    let (start, end, edits) = if quote.len() <= LONG_QUOTE {
        best_match(quote, whole, k, text, sel, hint)?
    } else {
        long_match(text, sel, hint, k)?
    };
    plausible(text, start, end, edits, quote.len(), sel)
        .then_some(Anchor::Approximate(start, end, edits))
}

/// A long quote: its head, then its tail in the text that can follow the head within `k`
/// edits; the span between them counts as found only if the whole quote is within `k` edits
/// of it, so a passage whose middle was rewritten is not taken for the quote.
fn long_match(text: &DocText, sel: &Selector, hint: Option<Cp>, k: u32) -> Option<(Cp, Cp, u32)> {
    let s = text.as_str();
    let quote = sel.quote.as_bytes();
    let head = &quote[..floor_boundary(sel.quote, ENDS)];
    let tail = &quote[ceil_boundary(sel.quote, quote.len() - ENDS)..];
    let k_ends = ((ENDS as f64) * TRUSTED_EDIT_RATIO) as u32;
    let (start, _, _) = best_match(head, 0..s.len(), k_ends, text, sel, hint)?;
    let from = text.utf8_of(start)?.0;
    let window = from..ceil_boundary(s, from + quote.len() + k as usize);
    let tail_hint = Some(Cp(start.0 + sel.quote.chars().count()));
    let (_, end, _) = best_match(tail, window, k_ends, text, sel, tail_hint)?;
    let span = text.slice(start, end)?;
    let edits = bounded_levenshtein(quote, span.as_bytes(), k)?;
    Some((start, end, edits))
}

/// The Levenshtein distance of `a` and `b` if it is at most `k`. The bound starts at
/// [`FIRST_BOUND`] and doubles, so a close match costs in proportion to its own distance,
/// and no attempt costs more than `k` diagonals either side.
fn bounded_levenshtein(a: &[u8], b: &[u8], k: u32) -> Option<u32> {
    let mut bound = FIRST_BOUND.min(k);
    loop {
        if let Some(d) = levenshtein_simd_k(a, b, bound) {
            return Some(d);
        }
        if bound >= k {
            return None;
        }
        bound = bound.saturating_mul(2).min(k);
    }
}

/// The approximate match of `needle` within the bytes `within` of the text with the fewest
/// edits, ties broken by context; as code points. Byte matches that cut a character are
/// widened to whole characters.
fn best_match(
    needle: &[u8],
    within: Range<usize>,
    k: u32,
    text: &DocText,
    sel: &Selector,
    hint: Option<Cp>,
) -> Option<(Cp, Cp, u32)> {
    let s = text.as_str();
    let from = within.start;
    let mut best: Option<(u32, i64, Cp, Cp)> = None;
    for m in levenshtein_search_simd_with_opts(
        needle,
        &s.as_bytes()[within],
        k,
        SearchType::Best,
        LEVENSHTEIN_COSTS,
        false,
    ) {
        let start = text.cp_of_utf8(Utf8(floor_boundary(s, from + m.start)))?;
        let end = text.cp_of_utf8(Utf8(ceil_boundary(s, from + m.end)))?;
        let score = context_score(text, start, end, sel, hint);
        let better = match best {
            None => true,
            Some((bk, bs, _, _)) => m.k < bk || (m.k == bk && score > bs),
        };
        if better {
            best = Some((m.k, score, start, end));
        }
    }
    best.map(|(k, _, s, e)| (s, e, k))
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use triple_accel::levenshtein;

    const ORIGINAL: &str = "The Global Compact for Migration contains 23 objectives. \
        Objective 17 calls to eliminate all forms of discrimination 😀 and to promote \
        evidence-based public discourse. Objective 23 strengthens international cooperation.";

    fn sel_for(text: &str, quote: &str) -> (String, String, String, (Cp, Cp)) {
        let t = DocText::new(text);
        let byte = text.find(quote).unwrap();
        let start = t.cp_of_utf8(Utf8(byte)).unwrap();
        let end = Cp(start.0 + quote.chars().count());
        (
            quote.to_string(),
            t.before(start, 32).to_string(),
            t.after(end, 32).to_string(),
            (start, end),
        )
    }

    fn run(original: &str, edited: &str, quote: &str) -> (Anchor, Option<String>) {
        let (q, p, s, pos) = sel_for(original, quote);
        let t = DocText::new(edited);
        let a = anchor(
            &t,
            &Selector {
                quote: &q,
                prefix: &p,
                suffix: &s,
                position: Some(pos),
            },
        );
        let found = a.span().and_then(|(s, e)| t.slice(s, e).map(String::from));
        (a, found)
    }

    #[test]
    fn an_unchanged_text_anchors_by_position() {
        let (a, found) = run(
            ORIGINAL,
            ORIGINAL,
            "eliminate all forms of discrimination 😀",
        );
        assert!(matches!(a, Anchor::Position(..)));
        assert_eq!(
            found.as_deref(),
            Some("eliminate all forms of discrimination 😀")
        );
    }

    #[test]
    fn words_inserted_before_the_passage_move_it_and_the_quote_finds_it() {
        let edited = ORIGINAL.replace("contains 23", "famously contains twenty-three, that is 23");
        let (a, found) = run(
            ORIGINAL,
            &edited,
            "eliminate all forms of discrimination 😀",
        );
        assert!(matches!(a, Anchor::Quote(..)), "{a:?}");
        assert_eq!(
            found.as_deref(),
            Some("eliminate all forms of discrimination 😀")
        );
    }

    #[test]
    fn a_word_inserted_inside_the_passage_is_tolerated() {
        let edited = ORIGINAL.replace("all forms of", "all the forms of");
        let (a, found) = run(
            ORIGINAL,
            &edited,
            "eliminate all forms of discrimination 😀",
        );
        assert!(matches!(a, Anchor::Approximate(_, _, 4)), "{a:?}");
        assert_eq!(
            found.as_deref(),
            Some("eliminate all the forms of discrimination 😀")
        );
    }

    #[test]
    fn a_deleted_passage_becomes_an_orphan() {
        let edited = ORIGINAL.replace(
            "Objective 17 calls to eliminate all forms of discrimination 😀 and to promote evidence-based public discourse. ",
            "",
        );
        let (a, _) = run(
            ORIGINAL,
            &edited,
            "eliminate all forms of discrimination 😀",
        );
        assert_eq!(a, Anchor::Orphan);
    }

    #[test]
    fn of_repeated_quotes_the_one_with_matching_context_wins() {
        let text = "Objective 23 here. And again: Objective 23 there.";
        let (_, p, _, pos) = sel_for(text, "Objective 23 there");
        let t = DocText::new(text);
        // The position is stale (it points elsewhere); the prefix picks the second occurrence.
        let a = anchor(
            &t,
            &Selector {
                quote: "Objective 23",
                prefix: &p,
                suffix: " there.",
                position: Some((Cp(0), Cp(3))),
            },
        );
        assert_eq!(a, Anchor::Quote(pos.0, Cp(pos.0 .0 + 12)));
    }

    /// The selector the annotator stores for `quote` at code point `start` of `text`.
    fn stored<'a>(text: &'a DocText, quote: &'a str, start: Cp) -> Selector<'a> {
        let end = Cp(start.0 + quote.chars().count());
        assert_eq!(text.slice(start, end), Some(quote));
        Selector {
            quote,
            prefix: text.before(start, 32),
            suffix: text.after(end, 32),
            position: Some((start, end)),
        }
    }

    /// A numbered list of `n` items that repeat one phrase, each line the same length.
    fn repeated_list(n: usize) -> Vec<String> {
        (1..=n)
            .map(|i| format!("{i:02}. Ensure safe, orderly and regular migration.\n"))
            .collect()
    }

    const PHRASE: &str = "Ensure safe, orderly and regular migration.";

    #[test]
    fn a_stored_position_loses_to_an_occurrence_whose_context_matches_better() {
        let items = repeated_list(40);
        let line = items[0].chars().count();
        let original = DocText::new(items.concat());
        // Item 20's phrase, after its "20. ".
        let sel = stored(&original, PHRASE, Cp(19 * line + 4));
        // One line, exactly one item long, inserted at the top: the stored position now
        // holds item 19's identical phrase, while the stored context fits item 20 exactly.
        let note = format!("{:<w$}\n", "Revised list:", w = line - 1);
        let edited = DocText::new(format!("{note}{}", items.concat()));
        let (start, end) = sel.position.unwrap();
        assert_eq!(edited.slice(start, end), Some(PHRASE));
        assert_eq!(
            anchor(&edited, &sel),
            Anchor::Quote(Cp(start.0 + line), Cp(end.0 + line))
        );
    }

    #[test]
    fn a_stored_position_without_context_is_taken_among_repeats() {
        let text = DocText::new(repeated_list(40).concat());
        let line = repeated_list(1)[0].chars().count();
        let start = Cp(19 * line + 4);
        let end = Cp(start.0 + PHRASE.chars().count());
        let sel = Selector {
            quote: PHRASE,
            position: Some((start, end)),
            ..Selector::default()
        };
        assert_eq!(anchor(&text, &sel), Anchor::Position(start, end));
    }

    #[test]
    fn a_stored_position_whose_context_changed_is_kept_when_no_occurrence_fits_better() {
        let items = repeated_list(40);
        let line = items[0].chars().count();
        let original = DocText::new(items.concat());
        let sel = stored(&original, PHRASE, Cp(19 * line + 4));
        // The next item is reworded: the suffix now disagrees after ".\n2", but no other
        // occurrence has a better context than the stored position.
        let edited = DocText::new(items.concat().replace(
            "21. Ensure safe, orderly and regular migration.",
            "21. Save lives; coordinate search and rescue.",
        ));
        let (start, end) = sel.position.unwrap();
        assert_eq!(anchor(&edited, &sel), Anchor::Position(start, end));
    }

    #[test]
    fn a_long_quote_with_an_edit_is_found_by_its_ends() {
        let seed = crate::seeds::SEEDS[0].text();
        let quote = "The GCM contains 23 goals related to migration and migrants:\n1. Collect and utilize accurate and disaggregated data as a basis for evidence-based policies\n2. Minimize the adverse drivers and structural factors that compel people to leave their country of origin\n3. Provide accurate and timely information at all stages of migration\n4. Ensure that all migrants";
        assert!(quote.len() > LONG_QUOTE && seed.contains(quote));
        let edited = format!(
            "Preface added later.\n{}",
            seed.replacen("timely information", "timely and reliable information", 1)
        );
        let (a, found) = run(seed, &edited, quote);
        assert!(matches!(a, Anchor::Approximate(..)), "{a:?}");
        let found = found.unwrap();
        assert!(found.starts_with(&quote[..30]) && found.ends_with(&quote[quote.len() - 30..]));
    }

    /// A paragraph of about 400 code points, well over [`LONG_QUOTE`] bytes, in three parts
    /// so that its middle can be rewritten while its first and last [`ENDS`] bytes stay.
    const LONG_HEAD: &str = "Objective 16 commits States to empower migrants and societies \
        to realize full inclusion and social cohesion. ";
    const LONG_MIDDLE: &str = "To realize this commitment, States will promote mutual \
        respect for the cultures, traditions and customs of communities of destination and of \
        migrants, and exchange best practices on integration, ";
    const LONG_TAIL: &str = "including on ways to promote acceptance of diversity and \
        facilitate social cohesion and inclusion.";
    const BEFORE: &str = "Chapter four. The objectives and the actions that follow them.\n";
    const AFTER: &str = "\nObjective 17 calls to eliminate all forms of discrimination.\n";

    fn long_quote() -> String {
        [LONG_HEAD, LONG_MIDDLE, LONG_TAIL].concat()
    }

    /// Anchors the long quote, stored in `BEFORE quote AFTER`, in `edited`.
    fn anchor_long(edited: &str) -> (Anchor, Option<String>) {
        let quote = long_quote();
        assert!(quote.len() > LONG_QUOTE && (390..=410).contains(&quote.chars().count()));
        run(&format!("{BEFORE}{quote}{AFTER}"), edited, &quote)
    }

    #[test]
    fn a_long_quote_with_its_middle_mostly_rewritten_is_an_orphan() {
        // More than half of the middle rewritten, to the same length: the head and tail
        // are intact and the span between them is as long as the quote.
        let rewritten = "States will also fund free language courses, open community \
            centres in every district, train all public servants, and report every second year \
            to a regional review forum on what works well, too, ";
        assert_eq!(rewritten.len(), LONG_MIDDLE.len());
        let edited = format!("{BEFORE}{LONG_HEAD}{rewritten}{LONG_TAIL}{AFTER}");
        let (a, _) = anchor_long(&edited);
        assert_eq!(a, Anchor::Orphan);
    }

    #[test]
    fn a_long_quote_with_a_few_words_edited_is_found_with_its_real_edits() {
        let middle = LONG_MIDDLE
            .replace("will promote", "shall foster")
            .replace("exchange best", "share good");
        let edited_quote = format!("{LONG_HEAD}{middle}{LONG_TAIL}");
        let edited = format!("A new preface.\n{BEFORE}{edited_quote}{AFTER}");
        let (a, found) = anchor_long(&edited);
        let edits = levenshtein(long_quote().as_bytes(), edited_quote.as_bytes());
        assert!(
            matches!(a, Anchor::Approximate(_, _, e) if e == edits),
            "{a:?}"
        );
        assert_eq!(found.as_deref(), Some(edited_quote.as_str()));
    }

    #[test]
    fn a_long_quote_moved_unchanged_is_found_by_its_quote() {
        let edited = format!("{AFTER}Moved here: {}.{BEFORE}", long_quote());
        let (a, found) = anchor_long(&edited);
        assert!(matches!(a, Anchor::Quote(..)), "{a:?}");
        assert_eq!(found, Some(long_quote()));
    }

    #[test]
    fn a_long_quote_edited_beyond_a_tenth_needs_its_context_to_agree() {
        // Between a tenth and a quarter of the quote rewritten.
        let middle = LONG_MIDDLE.replace(
            "cultures, traditions and customs of communities of destination",
            "languages, faiths and festivals of the towns that receive them and",
        );
        let edited_quote = format!("{LONG_HEAD}{middle}{LONG_TAIL}");
        let edits = levenshtein(long_quote().as_bytes(), edited_quote.as_bytes()) as usize;
        let len = long_quote().len();
        assert!(
            edits * 10 > len && edits * 4 <= len,
            "{edits} edits in {len}"
        );

        let in_place = format!("{BEFORE}{edited_quote}{AFTER}");
        let (a, found) = anchor_long(&in_place);
        assert!(matches!(a, Anchor::Approximate(..)), "{a:?}");
        assert_eq!(found.as_deref(), Some(edited_quote.as_str()));

        let elsewhere = format!("Another report entirely. {edited_quote} Nothing else.");
        let (a, _) = anchor_long(&elsewhere);
        assert_eq!(a, Anchor::Orphan);
    }

    #[test]
    fn an_empty_quote_is_an_orphan() {
        let t = DocText::new("abc");
        assert_eq!(anchor(&t, &Selector::default()), Anchor::Orphan);
    }
}

#[cfg(test)]
mod loose_tests {
    use super::*;

    #[test]
    fn a_loose_match_needs_its_context_to_agree() {
        let t = DocText::new("Alpha beta gamma delta. Zeta eta theta iota kappa.");
        // "beta gamma dexxx" against "beta gamma delta": 3 edits in 16, over a tenth.
        let with_context = Selector {
            quote: "beta gamma dexxx",
            prefix: "Alpha ",
            suffix: ". Zeta",
            position: None,
        };
        assert!(matches!(
            anchor(&t, &with_context),
            Anchor::Approximate(_, _, 3)
        ));
        let wrong_context = Selector {
            quote: "beta gamma dexxx",
            prefix: "Nothing like it ",
            suffix: " at all here",
            position: None,
        };
        assert_eq!(anchor(&t, &wrong_context), Anchor::Orphan);
    }
}
