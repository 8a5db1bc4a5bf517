//! How deep a web page nests, estimated from its markup before the browser parses it.
//!
//! Chromium's HTML parser slows with the depth of its stack of open elements (each tag
//! searches that stack for the elements it may close): 20,000 nested `<div>`s took 1.4 s
//! to parse, 50,000 about 10 s, 200,000 about 3 minutes, in one task that froze the tab;
//! 25,000 nested lists took 12 s and 20,000 nested tables 21 s. The DOM it builds is no
//! deeper than 512 (deeper elements are moved up), so the depth of the parsed tree cannot
//! tell: the markup is measured first, in one linear pass, by a small model of the parser's
//! stack (HTML §13.2.6): void elements, raw text, the end tags that close what is open
//! (not across a scope boundary or, for an ordinary element, a special one), and the
//! starts that close an open `p`, `li`, `dd`/`dt`, heading, cell, row or table.
//! Implied `tbody` and `tr` are counted. The model errs low where the parser re-opens
//! formatting elements, so that an ordinary page, however sloppy, is not refused.

use super::tree::{too_deep, MAX_DEPTH};
use std::collections::HashMap;

/// How much the parser's searches of its stack may cost a page: the sum, over its start
/// tags, of how many elements are open there. 100,000 tags 500 levels deep (5e7) took
/// Chromium 2.3 s; a large ordinary page, a million tags some 20 deep, stays under.
pub const MAX_WORK: u64 = 25_000_000;

/// Refuses a page, before it is parsed, whose markup would open more than [`MAX_DEPTH`]
/// elements at once, or cost the parser more than [`MAX_WORK`] (many tags nested a few
/// hundred deep): `Err` is the reason.
pub fn check(html: &str) -> Result<(), String> {
    match measure(html, MAX_DEPTH, MAX_WORK) {
        Some(Too::Deep) => Err(too_deep()),
        Some(Too::Heavy) => Err(t!("read-too-nested")),
        None => Ok(()),
    }
}

/// Why a page is refused.
#[derive(Debug, PartialEq, Eq)]
enum Too {
    Deep,
    Heavy,
}

/// Elements without content: a start tag opens nothing.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame", "basefont", "bgsound", "image",
];

/// Elements whose content is text up to their end tag.
const RAW: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Start tags that close an open `p` (in button scope).
const CLOSE_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "search",
    "section",
    "summary",
    "table",
    "ul",
    "li",
    "dd",
    "dt",
    "listing",
    "xmp",
    "plaintext",
];

/// Elements that bound the default scope (an end tag does not close across them).
const SCOPE: &[&str] = &[
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "svg",
    "math",
];

/// Special elements (HTML §13.2.4.2) that are not scope boundaries: an ordinary end tag
/// stops at them, and an `li`'s start does not close an item across them (except
/// `address`, `div` and `p`).
const SPECIAL: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "li",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "search",
    "section",
    "summary",
    "ul",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "button",
    "select",
    "textarea",
    "iframe",
    "img",
    "dialog",
];

fn is(set: &[&str], name: &str) -> bool {
    set.contains(&name)
}

fn heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// One open element, with the nearest elements at or below it that a tag may close.
#[derive(Clone, Default)]
struct Open {
    name: String,
    /// An open `p` in button scope.
    p: Option<usize>,
    /// An open `li` that an `li` start closes; an open `dd` or `dt` that a `dd` or `dt`
    /// start closes.
    li: Option<usize>,
    dd: Option<usize>,
    /// The nearest special element and scope boundary.
    special: Option<usize>,
    scope: Option<usize>,
    /// The innermost open table, and its open cell, row and section.
    table: Option<usize>,
    cell: Option<usize>,
    row: Option<usize>,
    section: Option<usize>,
    /// In SVG or MathML, where `/>` closes an element.
    foreign: bool,
}

#[derive(Default)]
struct Stack {
    open: Vec<Open>,
    /// Where each name is open, innermost last.
    at: HashMap<String, Vec<usize>>,
    deepest: usize,
    /// The open elements summed over the start tags.
    work: u64,
}

impl Stack {
    fn top(&self) -> Open {
        self.open.last().cloned().unwrap_or_default()
    }

    fn push(&mut self, name: &str) {
        let i = self.open.len();
        let mut e = self.top();
        let here = Some(i);
        e.name = name.to_string();
        let boundary = is(SCOPE, name);
        if name == "p" {
            e.p = here;
        } else if boundary || name == "button" {
            e.p = None;
        }
        let special = boundary || is(SPECIAL, name);
        let keeps_items = matches!(name, "address" | "div" | "p");
        e.li = if name == "li" {
            here
        } else if special && !keeps_items {
            None
        } else {
            e.li
        };
        e.dd = if matches!(name, "dd" | "dt") {
            here
        } else if special && !keeps_items {
            None
        } else {
            e.dd
        };
        if special {
            e.special = here;
        }
        if boundary {
            e.scope = here;
        }
        match name {
            "table" => (e.table, e.cell, e.row, e.section) = (here, None, None, None),
            "td" | "th" => e.cell = here,
            "tr" => e.row = here,
            "tbody" | "thead" | "tfoot" => e.section = here,
            "template" | "html" => (e.table, e.cell, e.row, e.section) = (None, None, None, None),
            _ => {}
        }
        e.foreign = e.foreign || name == "svg" || name == "math";
        self.open.push(e);
        self.at.entry(name.to_string()).or_default().push(i);
        self.deepest = self.deepest.max(self.open.len());
        self.work += self.open.len() as u64;
    }

    /// Closes the element at `i` and every one above it.
    fn pop_to(&mut self, i: usize) {
        while self.open.len() > i {
            if let Some(e) = self.open.pop() {
                if let Some(v) = self.at.get_mut(&e.name) {
                    v.pop();
                }
            }
        }
    }

    fn start(&mut self, name: &str, self_closing: bool) {
        let top = self.top();
        match name {
            "html" | "head" | "body" | "frameset" => return,
            "li" => {
                if let Some(i) = top.li {
                    self.pop_to(i);
                }
            }
            "dd" | "dt" => {
                if let Some(i) = top.dd {
                    self.pop_to(i);
                }
            }
            "td" | "th" | "tr" | "tbody" | "thead" | "tfoot" | "caption" | "colgroup" => {
                let close = match name {
                    "td" | "th" => top.cell,
                    "tr" => top.row.or(top.cell),
                    _ => top.section.or(top.row).or(top.cell),
                };
                if let Some(i) = close {
                    self.pop_to(i);
                }
            }
            "table" => {
                if let (Some(t), None) = (top.table, top.cell) {
                    self.pop_to(t);
                }
            }
            // A link or button inside another closes it first.
            "a" | "nobr" | "button" => self.end(name),
            "option" | "optgroup" if top.name == "option" => self.pop_to(self.open.len() - 1),
            _ => {}
        }
        if is(CLOSE_P, name) {
            if let Some(i) = self.top().p {
                self.pop_to(i);
            }
        }
        if heading(name) && heading(&self.top().name) {
            self.pop_to(self.open.len() - 1);
        }
        // What the table modes insert: a row group around a row, a row around a cell.
        let top = self.top().name;
        if matches!(name, "tr" | "td" | "th") && top == "table" {
            self.push("tbody");
        }
        if matches!(name, "td" | "th")
            && matches!(self.top().name.as_str(), "tbody" | "thead" | "tfoot")
        {
            self.push("tr");
        }
        if is(VOID, name) || (self_closing && self.top().foreign) {
            return;
        }
        self.push(name);
    }

    fn end(&mut self, name: &str) {
        let Some(&i) = self.at.get(name).and_then(|v| v.last()) else {
            return;
        };
        let top = self.top();
        // Table parts close in table scope, through an open cell.
        let part = match name {
            "table" => Some(top.table),
            "td" | "th" => Some(top.cell),
            "tr" => Some(top.row),
            "tbody" | "thead" | "tfoot" => Some(top.section),
            _ => None,
        };
        if let Some(part) = part {
            if let Some(p) = part.filter(|&p| self.open[p].name == name) {
                self.pop_to(p);
            }
            return;
        }
        let stop = if is(SCOPE, name) || is(SPECIAL, name) {
            top.scope
        } else {
            top.special
        };
        if stop.is_none_or(|s| s <= i) {
            self.pop_to(i);
        }
    }
}

/// Whether a page's markup opens more than `limit` elements at once, by the model above;
/// it stops reading as soon as it does.
pub fn nests_deeper_than(html: &str, limit: usize) -> bool {
    measure(html, limit, u64::MAX) == Some(Too::Deep)
}

/// Whether a page's markup opens more than `limit` elements at once, or costs more than
/// `max_work`, by the model above; it stops reading as soon as it does.
fn measure(html: &str, limit: usize, max_work: u64) -> Option<Too> {
    let b = html.as_bytes();
    let mut stack = Stack::default();
    let mut i = 0;
    while let Some(lt) = memchr(b'<', &b[i..]) {
        i += lt + 1;
        match b.get(i) {
            Some(b'!') if b[i..].starts_with(b"!--") => {
                i = find(b, i + 3, b"-->").map_or(b.len(), |e| e + 3);
            }
            Some(b'!' | b'?') => i = skip_to_gt(b, i),
            Some(b'/') if b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) => {
                let (name, after) = tag_name(b, i + 1);
                i = skip_to_gt(b, after);
                stack.end(&name);
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let (name, after) = tag_name(b, i);
                let (end, self_closing) = tag_end(b, after);
                i = end;
                stack.start(&name, self_closing);
                if stack.deepest > limit {
                    return Some(Too::Deep);
                }
                if stack.work > max_work {
                    return Some(Too::Heavy);
                }
                if name == "plaintext" {
                    return None;
                }
                if is(RAW, &name) && !self_closing {
                    i = raw_end(b, i, &name);
                    stack.end(&name);
                }
            }
            _ => {}
        }
    }
    None
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == needle)
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let from = from.min(b.len());
    b[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

fn skip_to_gt(b: &[u8], from: usize) -> usize {
    let from = from.min(b.len());
    memchr(b'>', &b[from..]).map_or(b.len(), |p| from + p + 1)
}

/// A tag's name, lower case, and where it ends.
fn tag_name(b: &[u8], from: usize) -> (String, usize) {
    let end = b[from..]
        .iter()
        .position(|c| c.is_ascii_whitespace() || *c == b'/' || *c == b'>')
        .map_or(b.len(), |p| from + p);
    (
        String::from_utf8_lossy(&b[from..end]).to_ascii_lowercase(),
        end,
    )
}

/// Where a start tag ends (after its `>`, past quoted attribute values), and whether it
/// ends with `/>`.
fn tag_end(b: &[u8], mut i: usize) -> (usize, bool) {
    let mut slash = false;
    while i < b.len() {
        match b[i] {
            b'>' => return (i + 1, slash),
            q @ (b'"' | b'\'') if is_value_start(b, i) => {
                i = memchr(q, &b[i + 1..]).map_or(b.len(), |p| i + 1 + p + 1);
                slash = false;
                continue;
            }
            b'/' => slash = true,
            c if !c.is_ascii_whitespace() => slash = false,
            _ => {}
        }
        i += 1;
    }
    (b.len(), slash)
}

/// A quote after `=` and white space opens an attribute value.
fn is_value_start(b: &[u8], i: usize) -> bool {
    let before = b[..i].iter().rposition(|c| !c.is_ascii_whitespace());
    before.is_some_and(|p| b[p] == b'=')
}

/// Where a raw-text element's content ends: at its end tag (any case), or the end.
fn raw_end(b: &[u8], mut from: usize, name: &str) -> usize {
    while let Some(p) = find(b, from, b"</") {
        let at = p + 2;
        let end = at + name.len();
        if end <= b.len() && b[at..end].eq_ignore_ascii_case(name.as_bytes()) {
            return p;
        }
        from = at;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deep(html: &str) -> bool {
        nests_deeper_than(html, 512)
    }

    #[test]
    fn nested_elements_past_the_limit_are_deep() {
        for (open, close) in [
            ("<div>", "</div>"),
            ("<span>", "</span>"),
            ("<ul><li>", "</li></ul>"),
            ("<ol><li><p>", ""),
            ("<table><tr><td>", "</td></tr></table>"),
            ("<table><td>", ""),
            ("<blockquote>", ""),
            ("<b>", ""),
            ("<div/>", ""),
            ("<span><div></span>", ""),
            ("<dl><dd>", ""),
        ] {
            let n = 200_000 / open.len().max(1);
            let page = format!("<body>{}x{}", open.repeat(n), close.repeat(n));
            let t = std::time::Instant::now();
            assert!(deep(&page), "{open}");
            assert!(t.elapsed().as_secs_f64() < 2.0, "{open}: {:?}", t.elapsed());
        }
        assert!(!deep(&format!("{}x", "<div>".repeat(500))));
        assert!(deep(&format!("{}x", "<div>".repeat(513))));
        // Four open elements per level (the parser adds the row group).
        assert!(deep(&"<table><tr><td>".repeat(130)));
        assert!(!deep(&"<table><tr><td>".repeat(120)));
    }

    #[test]
    fn many_tags_a_few_hundred_deep_are_too_heavy_and_a_large_ordinary_page_is_not() {
        let heavy = format!(
            "{}{}",
            "<div>".repeat(500),
            "<span>x</span>".repeat(100_000)
        );
        assert_eq!(
            check(&heavy),
            Err(
                "it holds too many elements nested too deep to be read in reasonable time"
                    .to_string()
            )
        );
        assert!(!deep(&heavy));
        // A million tags, 20 deep.
        let row = format!("{}x{}", "<div>".repeat(20), "</div>".repeat(20));
        assert_eq!(check(&row.repeat(50_000)), Ok(()));
        assert_eq!(check(&"<div>".repeat(600)), Err(too_deep()));
    }

    #[test]
    fn long_flat_and_sloppy_pages_are_not_deep() {
        for (open, close, mid) in [
            ("<p>para ", "", ""),
            ("<p>para</p>", "", ""),
            ("<li>x", "", "<ul>"),
            ("<tr><td>x<td>y", "", "<table>"),
            ("<dt>a<dd>b", "", "<dl>"),
            ("<p><b>x", "", ""),
            ("<h1>a<h2>b", "", ""),
            ("<option>a", "", "<select>"),
            ("<table><tr><td>x</table>", "", ""),
            ("<table>", "", ""),
            ("<a href=x>a", "", ""),
            ("<div>x</div>", "", "<div>"),
            ("<svg><path d='M0 0'/><g/></svg>", "", ""),
            ("<br><img src=x><hr><input>", "", ""),
            ("<!-- <div> --><script>if (a<b) '<div>'</script>", "", ""),
            (
                "<style>div > p { }</style><textarea><div></textarea>",
                "",
                "",
            ),
            ("<p title='<div>' data-x=\"a>b\">x</p>", "", ""),
            ("<ul><li>a<ul><li>b</ul></ul>", "", ""),
            ("<div><p>x</div>", "", ""),
        ] {
            let page = format!(
                "<!doctype html><html><head><title>t</title></head><body>{mid}{}{close}",
                open.repeat(200_000 / open.len())
            );
            let t = std::time::Instant::now();
            assert!(!deep(&page), "{open}");
            assert!(t.elapsed().as_secs_f64() < 2.0, "{open}: {:?}", t.elapsed());
        }
    }
}
