//! A PDF's text items, as pdf.js's `getTextContent` gives them page by page, made into the
//! text that is annotated: lines, then paragraphs, with running headers, footers and page
//! numbers left out, and the code point where each page starts.
//!
//! The rules, in the order they apply (the e2e tests compare with the source text modulo
//! these):
//! 1. **Lines.** Items follow each other in pdf.js's order (content-stream order, which for
//!    a two-column layout is column by column). A line ends after an item with `hasEOL`, or
//!    when an item with text sits off the line's baseline by more than half the text height.
//!    A line's items are put in the order they are drawn, by x (pdf.js gives each item's
//!    text in logical order). A line is right-to-left when it starts and ends, as drawn,
//!    with right-to-left words, or, starting with one direction and ending with the other,
//!    when most of its letters are right-to-left (UAX #9's rule P2, its first letter, seen
//!    from where that letter is drawn). A left-to-right line reads left to right, each run
//!    of right-to-left words from its right end; a right-to-left line reads from its right
//!    end, each run of left-to-right words and numbers as drawn.
//!    Inside a line, every run of white space and control characters (pdf.js gives U+0000
//!    for a glyph it cannot map to Unicode) becomes one space; lines are trimmed.
//! 2. **Running headers and footers** (documents of 3 pages or more; with two pages a
//!    header cannot be told from text, and everything is kept). On each page, the first two
//!    and last two lines in reading order and the two top-most and two bottom-most are
//!    candidates. A candidate of at most 80 characters and 12 words is left out when the same
//!    line, digits and lower-case Roman numerals ignored, is a candidate at the same height
//!    (within 3 units) on more than half of the pages, and it is also one of: a bare page
//!    number ("3", "- 3 -", "Page 3 of 10", "iii"); in smaller type than the body text (the
//!    height most characters of the other lines have); or the same line verbatim on more
//!    than half of the pages and set apart from the body, as a header or footer in the
//!    margin is (its vertical distance to the nearest line that is not such a repeated line
//!    is more than 2.5 times the median gap between those other lines). So a heading or a
//!    line of body type whose number changes from page to page ("Section 3", "Article 3.")
//!    is kept, even at the top of every page, and so is a line of the body that happens to
//!    be the same, at the same height, on most pages. A page that would be left without
//!    text keeps all its lines.
//! 3. **Paragraphs.** A line starts a new paragraph when the gap above it is more than 1.4
//!    times the page's usual line advance (the median of the gaps, at most 1.4 text
//!    heights, so double-spaced lines are paragraphs), when its text height differs from
//!    the line before by more than a fifth (a heading), or when the line before ends a
//!    sentence (`.`, `!`, `?`, `:`, `…` and their CJK and Arabic forms, maybe followed by a
//!    closing quote or bracket) and is short (it stops more than 15% of its column's width
//!    before the column's right edge). At a change of column (a line above the line
//!    before, by more than half a text height) either is enough: a paragraph runs on into
//!    the next column only from a full line that ends no sentence. Items without text
//!    (pdf.js ends a line with an empty item where the next line starts) do not count in a
//!    line's extent.
//! 4. **Joining lines.** Lines of a paragraph are joined by one space, except that a word
//!    hyphenated at a line end is rejoined: the line ends in `-` after a letter and the next
//!    starts with a lower-case letter. The `-` is kept (a compound broken at its hyphen)
//!    when the whole word, lower-cased, is written with its hyphen inside a line of the
//!    document, or is one of the GCM codebook's hyphenated words ("evidence-based",
//!    "whole-of-government"), or when its first part is a prefix word that takes a hyphen in
//!    these texts (child, co, cross, evidence, gender, high, long, low, non, people, post,
//!    pre, self, short, well, whole; not inter, intra, sub, re, multi or anti, usually
//!    closed), the rest is no suffix ("-ing", "-est", "-ly", …) and the document does not
//!    write the word closed elsewhere ("prevent" for "pre-" + "vent"). Otherwise the `-` is
//!    dropped. A line ending in a soft hyphen (U+00AD) is always joined without it.
//! 5. **Pages.** Paragraphs are separated by a blank line, and so are pages (a paragraph
//!    that runs over a page break is split there). A page whose text is empty adds no blank
//!    line; it starts where the next page starts.

use super::Extracted;
use crate::text::Cp;
use bidi::{is_digit, logical_order};
use hyphen::Hyphens;
use std::collections::HashMap;

mod bidi;
mod hyphen;

/// One text item of a page, as pdf.js's `getTextContent()` gives it (its `TextItem`: `str`,
/// `transform`, `width`, `height`, `hasEOL`). Lengths are in PDF user-space units (1/72
/// inch at the page's scale); `y` grows upward, as in PDF (ISO 32000-2, §8.3.2.3).
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// The item's text, in logical order (pdf.js reorders right-to-left runs).
    pub text: String,
    /// The x of the item's origin (its transform's `e`).
    pub x: f64,
    /// The y of the item's baseline (its transform's `f`).
    pub y: f64,
    /// The item's advance width.
    pub width: f64,
    /// The item's text height (its font size at the page's scale).
    pub height: f64,
    /// pdf.js's `hasEOL`: a line ends after this item.
    pub eol: bool,
}

/// One line of a page: its text (white space collapsed, trimmed, never empty) and where it
/// lies, in the units of [`Item`].
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// The line's text.
    pub text: String,
    /// The left edge (the smallest x of its items).
    pub x: f64,
    /// The baseline (of its first item).
    pub y: f64,
    /// The right edge (the largest x + width of its items).
    pub right: f64,
    /// The largest text height of its items.
    pub height: f64,
}

/// The lines of one page, from its items in pdf.js's order (rule 1 of the module). Cheap
/// enough to run after each page is read, so that the final [`assemble`] is short.
pub fn lines(items: &[Item]) -> Vec<Line> {
    let mut out = Vec::new();
    // The line being built and its items' texts, in pdf.js's order.
    let mut cur: Option<(Line, Vec<(f64, &str)>)> = None;
    for item in items {
        let has_text = !item.text.trim().is_empty();
        if let Some((line, _)) = &cur {
            let tolerance = 0.5 * line.height.max(item.height).max(1.0);
            if has_text && (line.y - item.y).abs() > tolerance {
                push_line(&mut out, cur.take());
            }
        }
        match &mut cur {
            Some((line, parts)) => {
                parts.push((item.x, &item.text));
                // An item without text is no part of the line's extent: pdf.js ends a line
                // with an empty item at the next line's start, maybe in the next column.
                if has_text {
                    line.x = line.x.min(item.x);
                    line.right = line.right.max(item.x + item.width);
                    line.height = line.height.max(item.height);
                }
            }
            None if has_text => {
                let line = Line {
                    text: String::new(),
                    x: item.x,
                    y: item.y,
                    right: item.x + item.width,
                    height: item.height,
                };
                cur = Some((line, vec![(item.x, item.text.as_str())]));
            }
            None => {}
        }
        if item.eol {
            push_line(&mut out, cur.take());
        }
    }
    push_line(&mut out, cur);
    out
}

/// The words of a text, split at white space and at characters `skip` says, joined by one
/// space.
fn collapse(text: &str, skip: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() || skip(c) {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Adds a line with its white space collapsed, unless it is empty.
fn push_line(out: &mut Vec<Line>, line: Option<(Line, Vec<(f64, &str)>)>) {
    if let Some((mut line, parts)) = line {
        // Control characters are no text (pdf.js gives U+0000 for a glyph without Unicode).
        line.text = collapse(&logical_order(parts), char::is_control);
        if !line.text.is_empty() {
            out.push(line);
        }
    }
}

/// The text and page starts of a document from its pages' lines (rules 2 to 5 of the
/// module). Empty text when no page has any: the caller says the PDF has no text layer.
pub fn assemble(mut pages: Vec<Vec<Line>>) -> Extracted {
    if pages.len() >= 3 {
        drop_running(&mut pages);
    }
    let texts: Vec<Vec<&str>> = pages
        .iter()
        .map(|p| p.iter().map(|l| l.text.as_str()).collect())
        .collect();
    let hyphens = Hyphens::new(&texts);
    let mut text = String::new();
    let mut len = 0usize;
    let mut starts = Vec::with_capacity(pages.len());
    // Pages without text so far, which start where the next page with text does.
    let mut empty = 0;
    for page in &pages {
        let body = paragraphs(page, &hyphens).join("\n\n");
        if body.is_empty() {
            empty += 1;
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
            len += 2;
        }
        starts.extend(std::iter::repeat_n(Cp(len), empty + 1));
        empty = 0;
        len += body.chars().count();
        text.push_str(&body);
    }
    starts.extend(std::iter::repeat_n(Cp(len), empty));
    Extracted {
        text,
        pages: starts,
        title: None,
    }
}

/// How far apart, in PDF units, the same running line may lie on two pages: producers put
/// headers and footers at one fixed position (Chromium's are equal to the hundredth), while a
/// heading that merely starts every page moves with the margins (Chromium prints the first
/// page's 6 to 9 units higher).
const SAME_Y: f64 = 3.0;
/// The longest running line, in characters and in words: a title, a date, a page number.
const RUNNING_MAX_CHARS: usize = 80;
const RUNNING_MAX_WORDS: usize = 12;
/// How much smaller than the body text a line must be to count as set in smaller type
/// (Chromium's headers are 8 units for a 12-unit body; Word's often 9 for 11).
const SMALLER: f64 = 0.95;

/// True for a lower-case Roman numeral, as front matter numbers its pages ("iii", "xiv").
fn is_roman(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c' | 'd' | 'm'))
}

/// A line as running headers and footers are compared: without digits and lower-case Roman
/// numerals, white space collapsed.
fn running_key(text: &str) -> String {
    let key = collapse(text, is_digit);
    let words: Vec<&str> = key.split(' ').filter(|w| !is_roman(w)).collect();
    words.join(" ")
}

/// True when a line's key ([`running_key`]) is a bare page number's: nothing left but
/// punctuation and the words of "Page 3 of 10", "p. 3".
fn is_page_number(key: &str) -> bool {
    key.split(' ').all(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        matches!(w, "" | "Page" | "page" | "PAGE" | "p" | "pp" | "of" | "OF")
    })
}

/// The line `skip` is not, with the greatest (`hi`) or smallest y on a page.
fn extreme(page: &[Line], hi: bool, skip: Option<usize>) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, line) in page.iter().enumerate() {
        let better = best.is_none_or(|b| (line.y > page[b].y) == hi && line.y != page[b].y);
        if Some(i) != skip && better {
            best = Some(i);
        }
    }
    best
}

/// The indices of a page's candidate header and footer lines (rule 2): its first two and
/// last two lines in reading order, and its two top-most and two bottom-most.
fn candidates(page: &[Line]) -> Vec<usize> {
    let n = page.len();
    let mut c = Vec::with_capacity(8);
    let mut add = |i: Option<usize>| {
        if let Some(i) = i.filter(|&i| i < n && !c.contains(&i)) {
            c.push(i);
        }
    };
    for i in [0, 1, n.wrapping_sub(2), n.wrapping_sub(1)] {
        add(Some(i));
    }
    for hi in [true, false] {
        let first = extreme(page, hi, None);
        add(first);
        add(extreme(page, hi, first));
    }
    c
}

/// The text height that most of a document's characters have, leaving out the lines in
/// `skip` (page by page) unless that leaves none.
fn body_height(pages: &[Vec<Line>], skip: &[Vec<usize>]) -> f64 {
    let mut seen: Vec<(f64, usize)> = Vec::new();
    for pass in [true, false] {
        for (p, page) in pages.iter().enumerate() {
            for (i, line) in page.iter().enumerate() {
                if pass && skip[p].contains(&i) {
                    continue;
                }
                let chars = line.text.chars().count();
                match seen.iter_mut().find(|s| (s.0 - line.height).abs() < 0.5) {
                    Some(s) => s.1 += chars,
                    None => seen.push((line.height, chars)),
                }
            }
        }
        if !seen.is_empty() {
            break;
        }
    }
    seen.iter()
        .fold((0.0, 0), |best, &s| if s.1 > best.1 { s } else { best })
        .0
}

/// How many times the page's usual line gap a running line lies from the body at least: a
/// header or footer in a page's margin lies 2.5 to 4 gaps from it (Word's defaults: the
/// header 0.5 in from the edge, the body 1 in), a heading or a paragraph's first line less.
const APART: f64 = 2.5;

/// True when line `i` of a page lies clearly apart from its body, as a header or footer in
/// the margin does (rule 2; asked of a line repeated verbatim in body type: smaller type
/// and bare page numbers tell a running line already, and Chromium prints its own header
/// only about 2.3 body heights above the body): its vertical distance to the nearest line not in `running`
/// (the page's repeated lines) is more than [`APART`] times the body's line gap (the median
/// of the gaps between its lines that follow each other, below 3 body heights; 1.2 body
/// heights on a page without any). A page of running lines only has no body to be apart from.
fn set_apart(page: &[Line], i: usize, running: &[usize], body: f64) -> bool {
    let body = body.max(1.0);
    let rest: Vec<f64> = (0..page.len())
        .filter(|j| !running.contains(j))
        .map(|j| page[j].y)
        .collect();
    let gap = median(
        rest.windows(2)
            .map(|w| w[0] - w[1])
            .filter(|&d| d > 0.0 && d < 3.0 * body)
            .collect(),
    )
    .unwrap_or(1.2 * body);
    let nearest = rest
        .iter()
        .map(|y| (y - page[i].y).abs())
        .fold(f64::INFINITY, f64::min);
    nearest.is_finite() && nearest > APART * gap
}

/// Leaves out the running headers, footers and page numbers (rule 2), except where that
/// would leave a page without text.
fn drop_running(pages: &mut [Vec<Line>]) {
    let n = pages.len();
    // The short candidates: (page, line, key).
    let mut cands: Vec<(usize, usize, String)> = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        for i in candidates(page) {
            let text = &page[i].text;
            if text.chars().count() <= RUNNING_MAX_CHARS
                && text.split(' ').count() <= RUNNING_MAX_WORDS
            {
                cands.push((p, i, running_key(text)));
            }
        }
    }
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, c) in cands.iter().enumerate() {
        by_key.entry(c.2.as_str()).or_default().push(j);
    }
    // How many pages hold candidate `j` at the same height: by key, or verbatim.
    let on_pages = |j: usize, verbatim: bool| {
        let (p, i, key) = &cands[j];
        let line = &pages[*p][*i];
        let mut last = usize::MAX;
        let mut count = 0;
        for &k in &by_key[key.as_str()] {
            let (q, l, _) = &cands[k];
            let other = &pages[*q][*l];
            if *q != last
                && (other.y - line.y).abs() <= SAME_Y
                && (!verbatim || other.text == line.text)
            {
                count += 1;
                last = *q;
            }
        }
        count
    };
    // The lines repeated on more than half of the pages, page by page.
    let mut repeated: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (j, (p, i, _)) in cands.iter().enumerate() {
        if on_pages(j, false) * 2 > n {
            repeated[*p].push(*i);
        }
    }
    // Body text is what is not repeated (a heading on every page may outweigh it).
    let body = body_height(pages, &repeated);
    let mut drop: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (j, (p, i, key)) in cands.iter().enumerate() {
        if repeated[*p].contains(i)
            && (is_page_number(key)
                || pages[*p][*i].height < SMALLER * body
                || (on_pages(j, true) * 2 > n && set_apart(&pages[*p], *i, &repeated[*p], body)))
        {
            drop[*p].push(*i);
        }
    }
    for (page, drop) in pages.iter_mut().zip(drop) {
        if drop.len() == page.len() {
            continue;
        }
        let mut i = 0;
        page.retain(|_| {
            i += 1;
            !drop.contains(&(i - 1))
        });
    }
}

/// True when a line ends a sentence: its last character, after closing quotes and
/// brackets, is a full stop, `!`, `?`, `:` or `…` (or the CJK and Arabic forms).
fn ends_sentence(text: &str) -> bool {
    let closing = |c: char| matches!(c, '"' | '\'' | ')' | ']' | '»' | '”' | '’' | '」' | '』');
    text.trim_end_matches(closing)
        .chars()
        .next_back()
        .is_some_and(|c| {
            matches!(
                c,
                '.' | '!' | '?' | ':' | '…' | '。' | '！' | '？' | '؟' | '۔'
            )
        })
}

/// The median of some numbers (`None` when there are none). An insertion sort: a page has
/// a few dozen lines, and a generic sort would add kilobytes to the first load.
fn median(mut v: Vec<f64>) -> Option<f64> {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && v[j - 1] > v[j] {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
    v.get(v.len() / 2).copied()
}

/// One page's lines joined into paragraphs (rules 3 and 4).
fn paragraphs(page: &[Line], hyphens: &Hyphens) -> Vec<String> {
    let advance = median(
        page.windows(2)
            .map(|w| w[0].y - w[1].y)
            .filter(|&d| d > 0.0 && d < 3.0 * page[0].height.max(1.0))
            .collect(),
    );
    let mut out: Vec<String> = Vec::new();
    let mut para = String::new();
    for (i, line) in page.iter().enumerate() {
        if i > 0 && starts_paragraph(page, i, advance) {
            out.push(std::mem::take(&mut para));
        }
        join_line(&mut para, &line.text, hyphens);
    }
    if !para.is_empty() {
        out.push(para);
    }
    out
}

/// True when line `i` (not the first) starts a new paragraph (rule 3).
fn starts_paragraph(page: &[Line], i: usize, advance: Option<f64>) -> bool {
    let (prev, line) = (&page[i - 1], &page[i]);
    let gap = prev.y - line.y;
    let taller = prev.height.max(line.height);
    // A line above the one before: the next column (or a block placed out of order). A
    // paragraph runs on into it only from a full line that ends no sentence.
    if gap < -0.5 * taller {
        // Its column ends where the next begins (a line across both, above them, is not
        // of it).
        return ends_sentence(&prev.text) || is_short(page, prev, line.x.max(prev.right));
    }
    // A page of one-line paragraphs has no usual advance inside a paragraph: lines 1.4
    // heights apart are taken as one paragraph's at most.
    let advance = advance.unwrap_or(f64::MAX).min(1.4 * taller);
    if gap > 1.4 * advance + 0.01 {
        return true;
    }
    if (prev.height - line.height).abs() > 0.2 * taller {
        return true;
    }
    ends_sentence(&prev.text) && is_short(page, prev, f64::MAX)
}

/// True when a line stops more than 15% of its column's width before the column's right
/// edge. Its column is the lines that start within two text heights of it and end by
/// `limit`.
fn is_short(page: &[Line], line: &Line, limit: f64) -> bool {
    let near = 2.0 * line.height.max(1.0);
    let column = page
        .iter()
        .filter(|l| (l.x - line.x).abs() <= near && l.right <= limit);
    let (left, right) = column.fold((line.x, line.right), |(a, b), l| {
        (a.min(l.x), b.max(l.right))
    });
    line.right < right - 0.15 * (right - left)
}

/// Appends a line to a paragraph: after one space, or with a word hyphenated at the line
/// end rejoined, with its hyphen or without (rule 4), or, after a hyphen between letters or
/// digits and before a capital or a digit, straight after the hyphen.
fn join_line(para: &mut String, line: &str, hyphens: &Hyphens) {
    if para.is_empty() {
        para.push_str(line);
        return;
    }
    if para.ends_with('\u{ad}') {
        para.pop();
    } else if let Some((head, rest)) = hyphen::broken(para, line) {
        if !hyphens.keeps(head, rest) {
            para.pop();
        }
    } else if hyphen::compound_across(para, line) {
        // "2018-" "2030", "UN-" "Habitat": the hyphen stays, with no space after it.
    } else {
        para.push(' ');
    }
    para.push_str(line);
}

#[cfg(test)]
#[path = "pdf_tests.rs"]
mod tests;
