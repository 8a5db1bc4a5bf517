//! Word's text (Office Open XML, ECMA-376 part 1, §17): the paragraphs, headings, lists,
//! tables, tabs, line breaks, footnotes and endnotes of `word/document.xml` and its
//! companion parts, with every tracked change accepted and comments left out.
//!
//! Rules: each paragraph (`w:p`, §17.3.1.22) is a paragraph of the text; a list item
//! (`w:numPr`, §17.3.1.19) starts with "- " or "1. " as its level's number format says
//! (`numbering.xml`, §17.9), indented two spaces per level; a table (`w:tbl`, §17.4) is one
//! paragraph with one line per row and a tab between cells; `w:tab` is a tab, `w:br` and
//! `w:cr` a line break; a footnote or endnote reference becomes "[n]" and the notes follow
//! the text under "Notes", numbered in order of reference. Insertions (`w:ins`,
//! `w:moveTo`) are kept and deletions (`w:del`, `w:moveFrom`) dropped (§17.13.5); a
//! paragraph whose mark was deleted runs on into the next. Hidden text (`w:vanish`,
//! §17.3.2.41, set on the run itself) is left out, and a paragraph whose mark is hidden runs
//! on into the next as Word shows it (a paragraph hidden whole is left out). Comments, field
//! codes, drawings and text boxes are not text. Word has no pages of its own (they are a
//! layout matter).

use super::blocks::{cell_text, Blocks, Notes};
use super::tree::{Element, Node};
use super::Extracted;

/// The parts of a Word file that hold its text.
#[derive(Debug, Default)]
pub struct DocxParts {
    /// `word/document.xml`, the main part (its root is `w:document`).
    pub document: Element,
    /// `word/footnotes.xml`, if any.
    pub footnotes: Option<Element>,
    /// `word/endnotes.xml`, if any.
    pub endnotes: Option<Element>,
    /// `word/numbering.xml`, if any: whether each list level is bulleted or numbered.
    pub numbering: Option<Element>,
}

/// The text of a Word file's parts (see the module's rules); `pages` is empty.
pub fn extract(parts: &DocxParts) -> Extracted {
    let mut r = Reader {
        blocks: Blocks::new(),
        notes: Notes::default(),
        numbering: Numbering::read(parts.numbering.as_ref()),
        counters: Vec::new(),
        footnotes: notes_by_id(parts.footnotes.as_ref(), "footnote"),
        endnotes: notes_by_id(parts.endnotes.as_ref(), "endnote"),
        run_on: false,
    };
    if let Some(body) = parts.document.find("body") {
        r.blocks_of(body);
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

/// Small maps are lists: a linear search over a few dozen entries costs nothing, and a hash
/// map's code would add to the app's first load.
type Map<K, V> = Vec<(K, V)>;

fn get<'m, K: PartialEq, V>(map: &'m Map<K, V>, key: &K) -> Option<&'m V> {
    map.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn notes_by_id<'a>(part: Option<&'a Element>, name: &str) -> Map<&'a str, &'a Element> {
    let mut all = Vec::new();
    if let Some(p) = part {
        p.find_all(name, &mut all);
    }
    all.into_iter()
        .filter_map(|n| Some((n.attr("id")?, n)))
        .collect()
}

/// Each list's levels: numbered (with its start) or bulleted.
struct Numbering(Map<(String, u32), Option<u32>>);

impl Numbering {
    fn read(part: Option<&Element>) -> Numbering {
        let mut levels = Vec::new();
        let Some(part) = part else {
            return Numbering(levels);
        };
        let mut abstracts: Map<&str, Map<u32, Option<u32>>> = Vec::new();
        for a in part.elements().filter(|e| e.name == "abstractNum") {
            let Some(id) = a.attr("abstractNumId") else {
                continue;
            };
            let lvls = a
                .elements()
                .filter(|e| e.name == "lvl")
                .filter_map(|l| {
                    let ilvl = l.num("ilvl")?;
                    let fmt = l.child("numFmt").and_then(|f| f.attr("val"));
                    let start = l.child("start").and_then(|s| s.num("val")).unwrap_or(1);
                    let numbered = !matches!(fmt, None | Some("bullet") | Some("none"));
                    Some((ilvl, numbered.then_some(start)))
                })
                .collect();
            abstracts.push((id, lvls));
        }
        for n in part.elements().filter(|e| e.name == "num") {
            let (Some(num), Some(a)) = (
                n.attr("numId"),
                n.child("abstractNumId").and_then(|a| a.attr("val")),
            ) else {
                continue;
            };
            for (ilvl, start) in get(&abstracts, &a).into_iter().flatten() {
                levels.push(((num.to_string(), *ilvl), *start));
            }
        }
        Numbering(levels)
    }
}

/// The inline elements whose content is kept: runs, insertions, links, fields' results,
/// content controls.
const KEPT: &[&str] = &[
    "r",
    "ins",
    "moveTo",
    "hyperlink",
    "smartTag",
    "customXml",
    "fldSimple",
    "sdt",
    "sdtContent",
    "bdo",
    "dir",
];

/// Whether run properties (a run's, or a paragraph mark's) hide it: `w:vanish` not turned
/// off (`w:val` "false", "0" or "off"). `w:specVanish` (§17.3.2.36) is not looked at: it
/// marks a style separator, a paragraph mark Word never shows so that a heading runs on
/// into its text on the page; the heading stays a paragraph of its own here. Hiding given
/// by a style (`styles.xml`) is not looked at either.
fn hidden(rpr: Option<&Element>) -> bool {
    rpr.and_then(|r| r.child("vanish"))
        .is_some_and(|v| !matches!(v.attr("val"), Some("false" | "0" | "off")))
}

/// Whether a paragraph (or an inline element in it) holds anything that is written: text,
/// a tab or break, or a note's reference, in a run that is not hidden.
fn has_text(e: &Element) -> bool {
    e.elements().any(|c| match c.name.as_str() {
        "t" => c
            .children
            .iter()
            .any(|n| matches!(n, Node::Text(t) if !t.is_empty())),
        "tab" | "ptab" | "br" | "cr" | "noBreakHyphen" | "footnoteReference"
        | "endnoteReference" => true,
        "r" if hidden(c.child("rPr")) => false,
        name => KEPT.contains(&name) && has_text(c),
    })
}

struct Reader<'a> {
    blocks: Blocks,
    notes: Notes,
    numbering: Numbering,
    /// The next number of each numbered list level.
    counters: Map<(String, u32), u32>,
    footnotes: Map<&'a str, &'a Element>,
    endnotes: Map<&'a str, &'a Element>,
    /// The last paragraph's mark was deleted: it runs on into the next.
    run_on: bool,
}

impl Reader<'_> {
    /// The block-level content of a body, cell, note or content control.
    fn blocks_of(&mut self, parent: &Element) {
        for e in parent.elements() {
            match e.name.as_str() {
                "p" => self.paragraph(e),
                "tbl" => self.table(e),
                "sdt" => {
                    if let Some(c) = e.child("sdtContent") {
                        self.blocks_of(c)
                    }
                }
                "ins" | "moveTo" | "customXml" | "smartTag" => self.blocks_of(e),
                _ => {}
            }
        }
    }

    fn paragraph(&mut self, p: &Element) {
        let ppr = p.child("pPr");
        let mark = ppr.and_then(|ppr| ppr.child("rPr"));
        let mark_deleted =
            mark.is_some_and(|rpr| rpr.child("del").is_some() || rpr.child("moveFrom").is_some());
        // A paragraph whose mark is gone (deleted or hidden) and that has no text of its own
        // adds nothing, not even a list item's number.
        let mark_gone = mark_deleted || hidden(mark);
        if mark_gone && !has_text(p) {
            return;
        }
        if !self.run_on {
            self.blocks.end();
            if let Some(prefix) = ppr.and_then(|ppr| self.list_prefix(ppr)) {
                self.blocks.set_prefix(prefix);
            }
        }
        for c in p.elements() {
            self.inline(c);
        }
        self.run_on = mark_gone;
        if !mark_gone {
            self.blocks.end();
        }
    }

    fn list_prefix(&mut self, ppr: &Element) -> Option<String> {
        let num = ppr.child("numPr")?;
        let id = num.child("numId")?.attr("val")?.to_string();
        if id == "0" {
            return None;
        }
        let ilvl: u32 = num.child("ilvl").and_then(|l| l.num("val")).unwrap_or(0);
        // A shallower item restarts the deeper levels' numbers.
        self.counters.retain(|((n, l), _)| !(n == &id && *l > ilvl));
        let indent = "  ".repeat(ilvl.min(8) as usize);
        let key = (id, ilvl);
        Some(match get(&self.numbering.0, &key) {
            Some(Some(start)) => {
                let i = match self.counters.iter().position(|(k, _)| *k == key) {
                    Some(i) => i,
                    None => {
                        self.counters.push((key, *start));
                        self.counters.len() - 1
                    }
                };
                let n = &mut self.counters[i].1;
                let s = format!("{indent}{n}. ");
                *n += 1;
                s
            }
            _ => format!("{indent}- "),
        })
    }

    fn inline(&mut self, e: &Element) {
        match e.name.as_str() {
            "t" => {
                for c in &e.children {
                    if let Node::Text(t) = c {
                        self.blocks.raw(t);
                    }
                }
            }
            "tab" | "ptab" => self.blocks.tab(),
            "br" | "cr" => self.blocks.line_break(),
            "noBreakHyphen" => self.blocks.raw("-"),
            "footnoteReference" | "endnoteReference" => {
                let notes = if e.name == "footnoteReference" {
                    &self.footnotes
                } else {
                    &self.endnotes
                };
                if let Some(note) = e.attr("id").and_then(|id| get(notes, &id)).copied() {
                    let text = self.note_text(note);
                    let mark = self.notes.add(text);
                    self.blocks.raw(&mark);
                }
            }
            "r" if hidden(e.child("rPr")) => {}
            // Kept: runs, insertions, links, fields' results, content controls.
            name if KEPT.contains(&name) => {
                for c in e.elements() {
                    self.inline(c);
                }
            }
            // Not text: deletions, properties, comments, field codes, drawings, text boxes.
            _ => {}
        }
    }

    /// A note's paragraphs on one line.
    fn note_text(&mut self, note: &Element) -> String {
        let outer = std::mem::take(&mut self.blocks);
        let run_on = std::mem::replace(&mut self.run_on, false);
        self.blocks_of(note);
        let inner = std::mem::replace(&mut self.blocks, outer);
        self.run_on = run_on;
        cell_text(inner.into_paragraphs())
    }

    fn table(&mut self, tbl: &Element) {
        let mut rows = Vec::new();
        for tr in tbl.elements().filter(|e| e.name == "tr") {
            let deleted = tr.child("trPr").is_some_and(|p| p.child("del").is_some());
            if deleted {
                continue;
            }
            let mut cells = Vec::new();
            for tc in tr.elements().filter(|e| e.name == "tc") {
                let outer = std::mem::take(&mut self.blocks);
                let run_on = std::mem::replace(&mut self.run_on, false);
                self.blocks_of(tc);
                let inner = std::mem::replace(&mut self.blocks, outer);
                self.run_on = run_on;
                cells.push(cell_text(inner.into_paragraphs()));
            }
            rows.push(cells.join("\t"));
        }
        self.run_on = false;
        self.blocks.push(rows.join("\n"));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::extract::tree::parse_xml;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn text_of(body: &str) -> String {
        let xml = format!("<w:document {W}><w:body>{body}</w:body></w:document>");
        let parts = DocxParts {
            document: parse_xml(&xml).unwrap(),
            ..DocxParts::default()
        };
        extract(&parts).text
    }

    #[test]
    fn hidden_runs_are_not_text_but_a_vanish_turned_off_or_spec_vanish_is() {
        let got = text_of(concat!(
            r#"<w:p><w:r><w:t xml:space="preserve">Seen </w:t></w:r>"#,
            r#"<w:r><w:rPr><w:b/><w:vanish/></w:rPr><w:t>VANISHED</w:t></w:r>"#,
            r#"<w:ins w:id="1"><w:r><w:rPr><w:vanish w:val="true"/></w:rPr><w:t>ALSO</w:t></w:r></w:ins>"#,
            r#"<w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t xml:space="preserve">shown </w:t></w:r>"#,
            r#"<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t xml:space="preserve">too </w:t></w:r>"#,
            r#"<w:r><w:rPr><w:specVanish/></w:rPr><w:t>kept</w:t></w:r></w:p>"#,
        ));
        assert_eq!(got, "Seen shown too kept");
    }

    #[test]
    fn a_hidden_paragraph_mark_runs_the_paragraph_on_and_a_wholly_hidden_one_is_left_out() {
        let hidden_mark = r#"<w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>"#;
        let numbered =
            r#"<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>"#;
        let got = text_of(&format!(
            concat!(
                r#"<w:p>{m}<w:r><w:t xml:space="preserve">Runs </w:t></w:r></w:p>"#,
                r#"<w:p><w:r><w:t>on.</w:t></w:r></w:p>"#,
                r#"<w:p>{m}<w:r><w:rPr><w:vanish/></w:rPr><w:t>All hidden</w:t></w:r></w:p>"#,
                r#"<w:p>{n}<w:r><w:t>Item</w:t></w:r></w:p>"#,
            ),
            m = hidden_mark,
            n = numbered,
        ));
        assert_eq!(got, "Runs on.\n\n- Item");
    }
}
