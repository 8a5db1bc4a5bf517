//! A web page's text: which encoding its bytes are in (a byte-order mark, else the
//! charset its first 1024 bytes declare), and what of its parsed body is read.
//!
//! Rules: scripts, styles, templates, `noscript`, embedded content, form controls, hidden
//! elements (`hidden`, `aria-hidden="true"`, an inline `display:none` or
//! `visibility:hidden`) and navigation boilerplate (`nav`, `header`, `footer`, `aside`) are
//! dropped; each block element (`p`, `div`, headings, `li`, `blockquote`, `pre`, …) is a
//! paragraph; white space collapses as HTML renders it, except in `pre`; `br` is a line
//! break; a list item starts with "- " or "1. " (`ol`'s `start`, `li`'s `value`), indented
//! two spaces per level; a table is one paragraph with one line per row and a tab between
//! cells. Images are not text. A page has no pages.
//!
//! Word's HTML (what it puts on the clipboard) writes a list item as a paragraph styled
//! `mso-list:l0 level2 lfo1`, its marker drawn in a span styled `mso-list:Ignore` with
//! non-breaking spaces after it: such a paragraph starts with "- " for a bullet (`·`, `o`,
//! `§`, …) or with its marker as written and one space for a number or letter ("1. ",
//! "a) ", "iv. "), indented two spaces per level below the first.

use super::blocks::{cell_text, Blocks};
use super::tree::{Element, Node};
use super::Extracted;

/// The encoding label to decode a page's bytes with, and how many bytes of byte-order
/// mark to skip: a byte-order mark wins (UTF-8, UTF-16LE, UTF-16BE); then the charset that
/// a `<meta charset>` or `<meta http-equiv="content-type" content="…; charset=…">` in the
/// first 1024 bytes declares (HTML §13.2.3.2, simplified: a declared UTF-16 means UTF-8);
/// then UTF-8 when the bytes are valid UTF-8; else windows-1252, the web's default.
/// The label is given to the browser's `TextDecoder`, which knows every label the
/// Encoding standard lists.
pub fn encoding(bytes: &[u8]) -> (String, usize) {
    if bytes.starts_with(b"\xef\xbb\xbf") {
        return ("utf-8".into(), 3);
    }
    if bytes.starts_with(b"\xff\xfe") {
        return ("utf-16le".into(), 2);
    }
    if bytes.starts_with(b"\xfe\xff") {
        return ("utf-16be".into(), 2);
    }
    if let Some(label) = declared_charset(&bytes[..bytes.len().min(1024)]) {
        let label = label.to_ascii_lowercase();
        if label.starts_with("utf-16") {
            return ("utf-8".into(), 0);
        }
        return (label, 0);
    }
    if std::str::from_utf8(bytes).is_ok() {
        ("utf-8".into(), 0)
    } else {
        ("windows-1252".into(), 0)
    }
}

/// The charset a `<meta>` in these bytes declares, if any.
pub fn declared_charset(head: &[u8]) -> Option<String> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut at = 0;
    while let Some(i) = find(&lower[at..], b"<meta") {
        let start = at + i + 5;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let attrs = attributes(&head[start..end]);
        let get = |n: &str| {
            attrs
                .iter()
                .find(|(k, _)| k == n)
                .map(|(_, v)| v.trim().to_string())
        };
        if let Some(c) = get("charset").filter(|c| !c.is_empty()) {
            return Some(c);
        }
        let equiv = get("http-equiv").is_some_and(|e| e.eq_ignore_ascii_case("content-type"));
        if let (true, Some(content)) = (equiv, get("content")) {
            if let Some(c) = charset_in_content(&content) {
                return Some(c);
            }
        }
        at = end;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// A tag's attributes, names lower-cased, values unquoted.
fn attributes(tag: &[u8]) -> Vec<(String, String)> {
    // The 1024 bytes looked at may end inside a character.
    let s = match std::str::from_utf8(tag) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&tag[..e.valid_up_to()]).unwrap_or_default(),
    };
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    loop {
        while chars
            .peek()
            .is_some_and(|c| c.is_ascii_whitespace() || *c == '/')
        {
            chars.next();
        }
        let name: String = std::iter::from_fn(|| {
            chars.next_if(|c| !c.is_ascii_whitespace() && *c != '=' && *c != '/')
        })
        .collect();
        if name.is_empty() {
            break;
        }
        while chars.next_if(|c| c.is_ascii_whitespace()).is_some() {}
        let mut value = String::new();
        if chars.next_if_eq(&'=').is_some() {
            while chars.next_if(|c| c.is_ascii_whitespace()).is_some() {}
            match chars.peek().copied() {
                Some(q @ ('"' | '\'')) => {
                    chars.next();
                    value = std::iter::from_fn(|| chars.next_if(|c| *c != q)).collect();
                    chars.next();
                }
                _ => {
                    value =
                        std::iter::from_fn(|| chars.next_if(|c| !c.is_ascii_whitespace())).collect()
                }
            }
        }
        out.push((name.to_ascii_lowercase(), value));
    }
    out
}

/// The charset in a content-type's parameters (`text/html; charset=Shift_JIS`).
fn charset_in_content(content: &str) -> Option<String> {
    let lower = content.to_ascii_lowercase();
    let i = lower.find("charset")?;
    let rest = content[i + 7..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| c == ';' || c == '"' || c == '\'' || c.is_ascii_whitespace())
        .unwrap_or(rest.len());
    (end > 0).then(|| rest[..end].to_string())
}

/// Elements whose content is never text of the page.
const DROPPED: &[&str] = &[
    "head", "script", "style", "template", "noscript", "nav", "header", "footer", "aside",
    "iframe", "object", "embed", "svg", "math", "canvas", "video", "audio", "picture", "img",
    "map", "input", "select", "textarea", "button", "datalist", "dialog", "frameset", "frame",
    "noframes", "meta", "link", "base", "title",
];

/// Elements that make a paragraph of their own.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hgroup",
    "blockquote",
    "section",
    "article",
    "main",
    "body",
    "address",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "details",
    "summary",
    "fieldset",
    "legend",
    "form",
    "center",
    "hr",
    "caption",
    "li",
    "search",
    "ul",
    "ol",
    "menu",
];

fn hidden(e: &Element) -> bool {
    // A footnote's link back to its reference ("↩") is navigation, not text.
    if e.attr("hidden").is_some()
        || e.attr("aria-hidden") == Some("true")
        || e.attr("role") == Some("doc-backlink")
    {
        return true;
    }
    e.attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// A declaration's value in a `style` attribute, by its property's name (any case).
fn style_value<'s>(style: &'s str, property: &str) -> Option<&'s str> {
    style.split(';').find_map(|d| {
        let (k, v) = d.split_once(':')?;
        k.trim().eq_ignore_ascii_case(property).then(|| v.trim())
    })
}

/// Whether an element is the marker Word draws before a list item (`mso-list:Ignore`).
fn is_word_marker(e: &Element) -> bool {
    e.attr("style")
        .and_then(|s| style_value(s, "mso-list"))
        .is_some_and(|v| v.eq_ignore_ascii_case("ignore"))
}

/// The prefix of a paragraph that Word's HTML makes a list item (the module's rules), if
/// it is one and has a marker.
fn word_list_prefix(p: &Element) -> Option<String> {
    let list = style_value(p.attr("style")?, "mso-list")?;
    let level: usize = list
        .split_whitespace()
        .find_map(|w| w.strip_prefix("level")?.parse().ok())?;
    let mut text = String::new();
    all_text(find_element(p, &is_word_marker)?, &mut text);
    // Non-breaking spaces are white space here: they only push the text to its tab stop.
    let marker = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if marker.is_empty() {
        return None;
    }
    let indent = "  ".repeat(level.clamp(1, 9) - 1);
    let numbered = marker.contains(|c: char| c.is_ascii_digit())
        || marker.ends_with(['.', ')'])
        || marker.starts_with('(');
    Some(match numbered {
        true => format!("{indent}{marker} "),
        false => format!("{indent}- "),
    })
}

/// The first element below `e` (depth first) that `is` says is the one.
fn find_element<'e>(e: &'e Element, is: &impl Fn(&Element) -> bool) -> Option<&'e Element> {
    e.elements()
        .find_map(|c| if is(c) { Some(c) } else { find_element(c, is) })
}

/// All the text below an element, in order.
fn all_text(e: &Element, out: &mut String) {
    for c in &e.children {
        match c {
            Node::Text(t) => out.push_str(t),
            Node::Element(c) => all_text(c, out),
        }
    }
}

/// The page's `<title>`, white space collapsed, if it has one with text.
pub fn title(html: &Element) -> Option<String> {
    let t = html.child("head")?.child("title")?;
    let mut b = Blocks::new();
    for c in &t.children {
        if let Node::Text(s) = c {
            // Without bidi embeddings, overrides and isolates (U+202A–U+202E,
            // U+2066–U+2069): a page's title could use them to show other words than it
            // holds, wherever the app shows the title.
            let plain: String = s
                .chars()
                .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
                .collect();
            b.collapsed(&plain);
        }
    }
    let s = b.finish();
    (!s.is_empty()).then_some(s)
}

/// The text of a parsed page (its root, `html`, or any element: a pasted fragment's
/// `body`), by the module's rules, and its [`title`]; `pages` is empty.
pub fn extract(root: &Element) -> Extracted {
    let mut r = Reader {
        blocks: Blocks::new(),
        depth: 0,
    };
    let body = root.find("body").unwrap_or(root);
    r.element(body, false);
    Extracted {
        text: r.blocks.finish(),
        pages: Vec::new(),
        title: title(root),
    }
}

struct Reader {
    blocks: Blocks,
    /// How many lists the current element is in.
    depth: usize,
}

impl Reader {
    fn children(&mut self, e: &Element, pre: bool) {
        for c in &e.children {
            match c {
                Node::Text(t) if pre => self.blocks.raw(t),
                Node::Text(t) => self.blocks.collapsed(t),
                Node::Element(c) => self.element(c, pre),
            }
        }
    }

    fn element(&mut self, e: &Element, pre: bool) {
        let name = e.name.to_ascii_lowercase();
        if DROPPED.contains(&name.as_str()) || hidden(e) || is_word_marker(e) {
            return;
        }
        match name.as_str() {
            "br" => self.blocks.line_break(),
            "pre" | "listing" | "xmp" | "plaintext" => {
                self.blocks.end();
                self.children(e, true);
                self.blocks.end();
            }
            "table" => self.table(e),
            "ul" | "ol" | "menu" => self.list(e, name == "ol", pre),
            _ if BLOCKS.contains(&name.as_str()) => {
                self.blocks.end();
                if let Some(prefix) = word_list_prefix(e) {
                    self.blocks.set_prefix(prefix);
                }
                self.children(e, pre);
                self.blocks.end();
            }
            _ => self.children(e, pre),
        }
    }

    fn list(&mut self, list: &Element, ordered: bool, pre: bool) {
        self.blocks.end();
        self.depth += 1;
        let indent = "  ".repeat(self.depth.min(9) - 1);
        let mut n = list.num("start").unwrap_or(1);
        for c in &list.children {
            match c {
                Node::Element(li) if li.name.eq_ignore_ascii_case("li") => {
                    if hidden(li) {
                        continue;
                    }
                    if let Some(v) = li.num("value") {
                        n = v;
                    }
                    if ordered {
                        self.blocks.set_prefix(format!("{indent}{n}. "));
                    } else {
                        self.blocks.set_prefix(format!("{indent}- "));
                    }
                    n += 1;
                    self.children(li, pre);
                    self.blocks.end();
                }
                Node::Element(other) => self.element(other, pre),
                Node::Text(t) => self.blocks.collapsed(t),
            }
        }
        self.depth -= 1;
        self.blocks.end();
    }

    fn table(&mut self, table: &Element) {
        self.blocks.end();
        let mut rows = Vec::new();
        let mut caption = None;
        for part in table.elements() {
            match part.name.to_ascii_lowercase().as_str() {
                "caption" if !hidden(part) => caption = Some(self.cell(part)),
                "thead" | "tbody" | "tfoot" if !hidden(part) => {
                    for tr in part.elements() {
                        self.row(tr, &mut rows);
                    }
                }
                "tr" => self.row(part, &mut rows),
                _ => {}
            }
        }
        if let Some(c) = caption {
            self.blocks.push(c);
        }
        self.blocks.push(rows.join("\n"));
    }

    fn row(&mut self, tr: &Element, rows: &mut Vec<String>) {
        if !tr.name.eq_ignore_ascii_case("tr") || hidden(tr) {
            return;
        }
        let cells: Vec<String> = tr
            .elements()
            .filter(|c| {
                (c.name.eq_ignore_ascii_case("td") || c.name.eq_ignore_ascii_case("th"))
                    && !hidden(c)
            })
            .map(|c| self.cell(c))
            .collect();
        rows.push(cells.join("\t"));
    }

    fn cell(&mut self, cell: &Element) -> String {
        let outer = std::mem::take(&mut self.blocks);
        let depth = std::mem::replace(&mut self.depth, 0);
        self.children(cell, false);
        self.depth = depth;
        let inner = std::mem::replace(&mut self.blocks, outer);
        cell_text(inner.into_paragraphs())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::extract::tree::parse_xml;

    /// Word's list paragraph as its clipboard HTML has it. Chromium's `DOMParser` makes
    /// `<![if !supportLists]>` and `<![endif]>` bogus comments, which the DOM walk drops:
    /// comments stand for them here (the native stand-in parses XML).
    fn word_item(class: &str, list: &str, marker: &str, text: &str) -> String {
        format!(
            "<p class=\"{class}\" style=\"margin-left:36.0pt;text-indent:-18.0pt;mso-list:{list}\">\
             <!--[if !supportLists]--><span style=\"font-family:Symbol;mso-fareast-font-family:Symbol\">\
             <span style=\"mso-list:Ignore\">{marker}<span style=\"font:7.0pt &quot;Times New Roman&quot;\">\
             \u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\n</span></span></span><!--[endif]-->{text}<o:p xmlns:o=\"urn:o\"></o:p></p>"
        )
    }

    #[test]
    fn word_list_paragraphs_pasted_as_html_are_list_items() {
        let page = [
            "<html><body><p class=\"MsoNormal\">Actions:</p>".to_string(),
            word_item(
                "MsoListParagraphCxSpFirst",
                "l0 level1 lfo1",
                "·",
                "Expand regular pathways",
            ),
            word_item(
                "MsoListParagraphCxSpMiddle",
                "l0 level2 lfo1",
                "o",
                "for families",
            ),
            word_item(
                "MsoListParagraphCxSpMiddle",
                "l0 level3 lfo1",
                "§",
                "and students",
            ),
            word_item(
                "MsoListParagraphCxSpLast",
                "l0 level1 lfo1",
                "•",
                "Share data",
            ),
            word_item("MsoListParagraph", "l1 level1 lfo2", "1.", "First step"),
            word_item("MsoListParagraph", "l1 level2 lfo2", "a)", "a part"),
            word_item("MsoListParagraph", "l1 level2 lfo2", "iv.", "another"),
            word_item("MsoListParagraph", "l2 level1 lfo3", "–", "A dash"),
            word_item("MsoListParagraph", "l2 level1 lfo3", "▪", "A square"),
            // Not a list item: Word's `mso-list:none`, and a paragraph without a marker.
            "<p style=\"mso-list:none\">Plain <span style=\"mso-list:Ignore\">x</span>text</p>"
                .to_string(),
            "</body></html>".to_string(),
        ]
        .concat();
        let got = extract(&parse_xml(&page).unwrap()).text;
        assert_eq!(
            got,
            "Actions:\n\n- Expand regular pathways\n\n  - for families\n\n    - and students\n\n\
             - Share data\n\n1. First step\n\n  a) a part\n\n  iv. another\n\n- A dash\n\n\
             - A square\n\nPlain text"
        );
    }
}
