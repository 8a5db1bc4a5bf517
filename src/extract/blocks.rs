//! The text the readers write: paragraphs separated by a blank line, line breaks and tabs
//! inside them, and, for HTML and OpenDocument, white space collapsed as they define it.

/// Paragraphs being written.
#[derive(Debug, Default)]
pub struct Blocks {
    done: Vec<String>,
    cur: String,
    /// A space is owed before the next text (collapsing mode only).
    space: bool,
    /// A list item's marker, written before the next paragraph's first text.
    prefix: Option<String>,
}

/// ASCII white space, as HTML (§2.3.2) and OpenDocument (1.3 part 3, §6.1.2) collapse it.
fn is_collapsible(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}

impl Blocks {
    /// Nothing written yet.
    pub fn new() -> Blocks {
        Blocks::default()
    }

    /// Writes text as it is (Word's `w:t`, HTML's `<pre>`); CR and CRLF become LF.
    pub fn raw(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        self.flush_space();
        if s.contains('\r') {
            self.cur
                .push_str(&s.replace("\r\n", "\n").replace('\r', "\n"));
        } else {
            self.cur.push_str(s);
        }
    }

    /// Writes text with each run of white space collapsed to one space, and none at the
    /// start of a line.
    pub fn collapsed(&mut self, s: &str) {
        let mut word = String::new();
        for c in s.chars() {
            if is_collapsible(c) {
                if !word.is_empty() {
                    self.raw(&word);
                    word.clear();
                }
                self.space = true;
            } else {
                word.push(c);
            }
        }
        if !word.is_empty() {
            self.raw(&word);
        }
    }

    /// Writes a space that is kept, even at the start of a line (OpenDocument's `text:s`).
    pub fn spaces(&mut self, n: usize) {
        self.flush_space();
        self.cur.extend(std::iter::repeat_n(' ', n));
    }

    /// Sets the marker ("- ", "  1. ") that the next paragraph with text starts with: a
    /// list item whose text sits in a paragraph of its own (`<li><p>`) stays one line.
    pub fn set_prefix(&mut self, prefix: String) {
        self.end();
        self.prefix = Some(prefix);
    }

    fn flush_space(&mut self) {
        if let Some(p) = self.prefix.take() {
            self.cur.push_str(&p);
            self.space = false;
            return;
        }
        if self.space && !self.cur.is_empty() && !self.cur.ends_with(['\n', '\t', ' ']) {
            self.cur.push(' ');
        }
        self.space = false;
    }

    /// A line break inside the paragraph.
    pub fn line_break(&mut self) {
        self.flush_space();
        let kept = self.cur.trim_end_matches(' ').len();
        self.cur.truncate(kept);
        self.cur.push('\n');
    }

    /// A tab.
    pub fn tab(&mut self) {
        self.flush_space();
        self.cur.push('\t');
    }

    /// Ends the paragraph being written; an empty one is dropped.
    pub fn end(&mut self) {
        self.space = false;
        let text = std::mem::take(&mut self.cur);
        let text = text.trim_start_matches('\n').trim_end_matches([' ', '\n']);
        if !text.trim().is_empty() {
            self.done.push(text.to_string());
        }
    }

    /// Adds a whole paragraph (after the marker of a list item still waiting for text).
    pub fn push(&mut self, paragraph: String) {
        self.end();
        if let Some(p) = self.prefix.take() {
            self.done.push(format!("{p}{paragraph}"));
            return;
        }
        if !paragraph.trim().is_empty() {
            self.done.push(paragraph);
        }
    }

    /// The paragraphs written, ended.
    pub fn into_paragraphs(mut self) -> Vec<String> {
        self.end();
        self.prefix = None;
        self.done
    }

    /// The text: paragraphs separated by a blank line.
    pub fn finish(self) -> String {
        self.into_paragraphs().join("\n\n")
    }
}

/// A table cell's text on one line: its paragraphs joined by a space, its line breaks and
/// tabs made spaces (so that a row stays one line and its cells stay tab-separated).
pub fn cell_text(paragraphs: Vec<String>) -> String {
    paragraphs
        .join(" ")
        .chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect()
}

/// The notes collected while reading, appended at the end under a "Notes" heading.
#[derive(Debug, Default)]
pub struct Notes(Vec<String>);

impl Notes {
    /// Adds a note's text and returns its marker (`[1]`, `[2]`, … in order of reference).
    pub fn add(&mut self, text: String) -> String {
        let mark = format!("[{}]", self.0.len() + 1);
        self.0.push(format!("{mark} {}", text.trim()));
        mark
    }

    /// Appends the notes, if any, after a "Notes" heading.
    pub fn append_to(self, blocks: &mut Blocks) {
        if self.0.is_empty() {
            return;
        }
        blocks.push("Notes".to_string());
        for n in self.0 {
            blocks.push(n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapsed_text_keeps_one_space_between_words_and_none_at_line_starts() {
        let mut b = Blocks::new();
        b.collapsed("  Migrants \n\t and ");
        b.collapsed(" borders ");
        b.line_break();
        b.collapsed("  next");
        b.end();
        b.collapsed(" ");
        b.end();
        b.raw("😀\r\nשלום");
        assert_eq!(b.finish(), "Migrants and borders\nnext\n\n😀\nשלום");
    }
}
