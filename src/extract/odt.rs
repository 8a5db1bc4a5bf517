//! OpenDocument text's text (OpenDocument 1.3, part 3): the paragraphs, headings, lists,
//! tables, tabs, line breaks and notes of `content.xml`, with tracked changes accepted and
//! annotations (comments) left out.
//!
//! Rules: each `text:p` and `text:h` (§5.1) is a paragraph; white space in them collapses
//! to one space and none at a paragraph's start (§6.1.2), `text:s` keeps its spaces,
//! `text:tab` is a tab and `text:line-break` a line break (§6.1.3–6.1.5); a list item
//! (§5.3) starts with "- " or "1. " as its list style's level says (`text:list-style` in
//! either part), indented two spaces per level; a table (§9.1) is one paragraph with one
//! line per row and a tab between cells; a note (`text:note`, §6.3) becomes "[n]" and the
//! notes follow the text under "Notes". Tracked changes (§5.5): the text as it stands holds
//! every change accepted, so the record of deletions (`text:tracked-changes`) is skipped.
//! Annotations, frames and drawings are not text. Hidden text is left out: a
//! `text:hidden-text` field unless it says it is shown (`text:is-hidden="false"`), a
//! paragraph holding a `text:hidden-paragraph` that says it is hidden, a section or field
//! with `text:display="none"`, and a paragraph or span whose own style's text properties
//! say `text:display="none"` (a style's parent is not followed). Pages are a layout
//! matter: none.

use super::blocks::{cell_text, Blocks, Notes};
use super::tree::{Element, Node};
use super::Extracted;

/// The parts of an OpenDocument text that hold its text.
#[derive(Debug, Default)]
pub struct OdtParts {
    /// `content.xml` (its root is `office:document-content`).
    pub content: Element,
    /// `styles.xml`, if any: list styles may be there.
    pub styles: Option<Element>,
}

/// The text of an OpenDocument file's parts (see the module's rules); `pages` is empty.
pub fn extract(parts: &OdtParts) -> Extracted {
    let mut lists = Vec::new();
    parts.content.find_all("list-style", &mut lists);
    if let Some(s) = &parts.styles {
        s.find_all("list-style", &mut lists);
    }
    let list_styles = lists
        .into_iter()
        .filter_map(|l| Some((l.attr("name")?, l)))
        .collect();
    let mut styles = Vec::new();
    parts.content.find_all("style", &mut styles);
    if let Some(s) = &parts.styles {
        s.find_all("style", &mut styles);
    }
    let hidden_styles = styles
        .into_iter()
        .filter(|s| {
            s.child("text-properties")
                .is_some_and(|t| t.attr("display") == Some("none"))
        })
        .filter_map(|s| s.attr("name"))
        .collect();
    let mut r = Reader {
        blocks: Blocks::new(),
        notes: Notes::default(),
        list_styles,
        hidden_styles,
    };
    if let Some(text) = parts.content.child("body").and_then(|b| b.child("text")) {
        r.blocks_of(text, &mut ListCx::default());
    }
    let Reader {
        mut blocks, notes, ..
    } = r;
    notes.append_to(&mut blocks);
    Extracted {
        text: blocks.finish(),
        pages: Vec::new(),
        title: None,
    }
}

/// Where a paragraph sits in lists: the list style, the depth, and the prefix its first
/// paragraph takes.
#[derive(Clone, Default)]
struct ListCx {
    style: Option<String>,
    depth: usize,
    prefix: Option<String>,
}

struct Reader<'a> {
    blocks: Blocks,
    notes: Notes,
    list_styles: Vec<(&'a str, &'a Element)>,
    /// The styles whose text is hidden.
    hidden_styles: Vec<&'a str>,
}

impl Reader<'_> {
    /// Whether an element is hidden by what it says of itself or by its style.
    fn hidden(&self, e: &Element) -> bool {
        let is_hidden = e.attr("is-hidden");
        match e.name.as_str() {
            "hidden-text" => is_hidden != Some("false"),
            "p" | "h" => {
                self.styled_hidden(e)
                    || e.elements().any(|c| {
                        c.name == "hidden-paragraph" && c.attr("is-hidden") == Some("true")
                    })
            }
            "span" => self.styled_hidden(e),
            _ => e.attr("display") == Some("none"),
        }
    }

    fn styled_hidden(&self, e: &Element) -> bool {
        e.attr("style-name")
            .is_some_and(|s| self.hidden_styles.contains(&s))
    }

    fn blocks_of(&mut self, parent: &Element, cx: &mut ListCx) {
        for e in parent.elements() {
            if self.hidden(e) {
                continue;
            }
            match e.name.as_str() {
                "p" | "h" => {
                    self.blocks.end();
                    if let Some(prefix) = cx.prefix.take() {
                        self.blocks.set_prefix(prefix);
                    }
                    self.inline_of(e);
                    self.blocks.end();
                }
                "list" => self.list(e, cx),
                "table" => self.table(e),
                "section" | "index-body" => self.blocks_of(e, cx),
                _ => {}
            }
        }
    }

    fn numbered(&self, style: Option<&str>, depth: usize) -> bool {
        let found = |s| self.list_styles.iter().find(|(n, _)| *n == s);
        let Some((_, style)) = style.and_then(found) else {
            return false;
        };
        style
            .elements()
            .find(|l| l.num("level") == Some(depth as u32))
            .is_some_and(|l| {
                l.name == "list-level-style-number"
                    && !l.attr("num-format").is_some_and(|f| f.is_empty())
            })
    }

    fn list(&mut self, list: &Element, outer: &ListCx) {
        let style = list
            .attr("style-name")
            .map(str::to_string)
            .or(outer.style.clone());
        let depth = outer.depth + 1;
        let numbered = self.numbered(style.as_deref(), depth);
        let indent = "  ".repeat(depth.min(9) - 1);
        let mut n: u32 = 1;
        for item in list.elements() {
            if item.name != "list-item" && item.name != "list-header" {
                continue;
            }
            if let Some(v) = item.num("start-value") {
                n = v;
            }
            let prefix = if item.name == "list-header" {
                None
            } else if numbered {
                Some(format!("{indent}{n}. "))
            } else {
                Some(format!("{indent}- "))
            };
            if item.name == "list-item" {
                n += 1;
            }
            let mut cx = ListCx {
                style: style.clone(),
                depth,
                prefix,
            };
            self.blocks_of(item, &mut cx);
        }
    }

    fn inline_of(&mut self, parent: &Element) {
        for c in &parent.children {
            match c {
                Node::Text(t) => self.blocks.collapsed(t),
                Node::Element(e) => self.inline(e),
            }
        }
    }

    fn inline(&mut self, e: &Element) {
        if self.hidden(e) {
            return;
        }
        match e.name.as_str() {
            "s" => {
                let n = e.num("c").unwrap_or(1);
                self.blocks.spaces(n.min(1000) as usize);
            }
            "tab" => self.blocks.tab(),
            "line-break" => self.blocks.line_break(),
            "note" => {
                let outer = std::mem::take(&mut self.blocks);
                if let Some(body) = e.child("note-body") {
                    self.blocks_of(body, &mut ListCx::default());
                }
                let inner = std::mem::replace(&mut self.blocks, outer);
                let mark = self.notes.add(cell_text(inner.into_paragraphs()));
                self.blocks.raw(&mark);
            }
            // Not text: comments, the place of a deletion, frames, drawings, the field that
            // hides a paragraph.
            "annotation" | "annotation-end" | "change" | "frame" | "custom-shape"
            | "tracked-changes" | "soft-page-break" | "hidden-paragraph" => {}
            _ => self.inline_of(e),
        }
    }

    fn table(&mut self, table: &Element) {
        let mut rows = Vec::new();
        self.rows(table, &mut rows);
        self.blocks.push(rows.join("\n"));
    }

    fn rows(&mut self, parent: &Element, rows: &mut Vec<String>) {
        for e in parent.elements() {
            match e.name.as_str() {
                "table-row" => {
                    let mut cells = Vec::new();
                    for c in e.elements().filter(|c| c.name == "table-cell") {
                        let outer = std::mem::take(&mut self.blocks);
                        self.blocks_of(c, &mut ListCx::default());
                        let inner = std::mem::replace(&mut self.blocks, outer);
                        cells.push(cell_text(inner.into_paragraphs()));
                    }
                    rows.push(cells.join("\t"));
                }
                "table-header-rows" | "table-rows" | "table-row-group" => self.rows(e, rows),
                _ => {}
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::extract::tree::parse_xml;

    const NS: &str = concat!(
        r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" "#,
        r#"xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" "#,
        r#"xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0""#
    );

    #[test]
    fn hidden_text_paragraphs_sections_fields_and_styles_are_left_out() {
        let xml = format!(
            concat!(
                r#"<office:document-content {NS}><office:automatic-styles>"#,
                r#"<style:style style:name="T1" style:family="text"><style:text-properties text:display="none"/></style:style>"#,
                r#"<style:style style:name="T2" style:family="text"><style:text-properties text:display="true"/></style:style>"#,
                r#"<style:style style:name="P1" style:family="paragraph"><style:text-properties text:display="none"/></style:style>"#,
                r#"</office:automatic-styles><office:body><office:text>"#,
                r#"<text:p>Seen <text:span text:style-name="T1">HIDDENSPAN</text:span><text:span text:style-name="T2">shown</text:span>"#,
                r#"<text:hidden-text text:condition="ooow:1" text:string-value="x" text:is-hidden="true">HIDDENFIELD</text:hidden-text>"#,
                r#"<text:hidden-text text:condition="ooow:0" text:string-value=" too" text:is-hidden="false"> too</text:hidden-text>"#,
                r#"<text:variable-set text:name="v" text:display="none">SETVALUE</text:variable-set>.</text:p>"#,
                r#"<text:p>HIDDENPARA<text:hidden-paragraph text:condition="ooow:1" text:is-hidden="true"/></text:p>"#,
                r#"<text:p>Kept<text:hidden-paragraph text:condition="ooow:0" text:is-hidden="false"/></text:p>"#,
                r#"<text:p text:style-name="P1">HIDDENSTYLE</text:p>"#,
                r#"<text:section text:name="S" text:display="none"><text:p>HIDDENSECTION</text:p></text:section>"#,
                r#"<text:section text:name="T"><text:p>End.</text:p></text:section>"#,
                r#"</office:text></office:body></office:document-content>"#,
            ),
            NS = NS
        );
        let parts = OdtParts {
            content: parse_xml(&xml).unwrap(),
            styles: None,
        };
        assert_eq!(extract(&parts).text, "Seen shown too.\n\nKept\n\nEnd.");
    }
}
