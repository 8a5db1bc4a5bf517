//! What importing a file will do: the [`Plan`] the planner (`import.rs`) makes against the
//! library, which `Action::Import` applies, and its summary for people.

use super::Format;
use crate::annotation::Annotation;
use crate::document::Document;
use crate::text::{plural, thousands};

/// What importing a file will do, and what it found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    pub file: String,
    pub format: Option<Format>,
    pub new_documents: Vec<Document>,
    /// Annotations placed in their documents.
    pub annotations: Vec<Annotation>,
    /// The ids of `annotations`, in their order, collected while they were placed, so that
    /// applying the plan need not copy 300,000 ids in the frame that shows them; `None`
    /// when the plan was made otherwise.
    pub ids: Option<std::sync::Arc<[String]>>,
    /// Annotations that could not be placed: kept with their stored offsets and listed.
    pub orphans: Vec<Annotation>,
    /// How many of the orphans wait for a text this browser does not have (the rest were
    /// not found in a text it has): they are listed in the Library, under "Waiting for their
    /// text", and placed when that text is added.
    pub waiting: usize,
    /// How many were placed by quote or approximately, not at their stored position.
    pub reanchored: usize,
    /// Skipped, with the reason: duplicates of what is already here.
    pub skipped: Vec<String>,
    /// How many text fields carry markup; it is kept and shown as text, never run.
    pub markup_fields: usize,
    /// The own codes the file brings, parents before children: added to the codebook as
    /// the plan is applied, in the same undo step as its annotations.
    pub new_codes: Vec<crate::codes::OwnCode>,
    /// What the reader said about the file ([`Incoming::notes`]): keys it did not read,
    /// offsets it read in another unit.
    pub notes: Vec<String>,
    /// The fields (titles, notes, annotator names) that were over their limits and cut.
    pub clipped: crate::fields::Clipped,
    /// The annotations the plan was checked against for duplicates. When the library still
    /// holds these very ones (the same shared list) as the plan is applied, nothing arrived
    /// in the meantime and the check need not be made again.
    pub against: Option<std::sync::Arc<Vec<Annotation>>>,
}

impl Plan {
    /// A summary for people: imported, re-anchored, orphaned, skipped and why, and which
    /// fields were cut to their limits.
    pub fn summary(&self) -> String {
        let n = self.annotations.len();
        // Nothing placed and some waiting: say first that they were kept, not lost.
        let mut parts = if n == 0 && self.waiting > 0 {
            vec![format!(
                "“\u{2068}{}\u{2069}”: {} annotation{} kept, waiting for {} text, which is not in this browser: see Library → Waiting for their text (they are placed when it is added)",
                self.file,
                thousands(self.waiting),
                plural(self.waiting),
                if self.waiting == 1 { "its" } else { "their" }
            )]
        } else {
            vec![format!(
                "“\u{2068}{}\u{2069}”: {} annotation{} imported",
                self.file,
                thousands(n),
                plural(n)
            )]
        };
        if self.reanchored > 0 {
            parts.push(format!(
                "{} found by their quote because the text had changed",
                thousands(self.reanchored)
            ));
        }
        let stale = self.orphans.len().saturating_sub(self.waiting);
        if stale > 0 {
            parts.push(format!(
                "{} could not be placed in the text and {} kept as orphans: see “Not found in this text” beside the document",
                thousands(stale),
                if stale == 1 { "is" } else { "are" }
            ));
        }
        if self.waiting > 0 && n > 0 {
            parts.push(format!(
                "{} not found: their text is not in this browser; see Library → Waiting for their text (they are placed when it is added)",
                thousands(self.waiting)
            ));
        }
        if !self.skipped.is_empty() {
            parts.push(format!(
                "{} skipped as already here",
                thousands(self.skipped.len())
            ));
        }
        if !self.new_documents.is_empty() {
            parts.push(format!(
                "{} document{} added",
                thousands(self.new_documents.len()),
                plural(self.new_documents.len())
            ));
        }
        if !self.new_codes.is_empty() {
            let names: Vec<String> = self
                .new_codes
                .iter()
                .take(10)
                .map(|c| format!("\u{2068}{}\u{2069}", c.name))
                .collect();
            let more = self.new_codes.len().saturating_sub(names.len());
            parts.push(format!(
                "{} new code{}: {}{}",
                thousands(self.new_codes.len()),
                plural(self.new_codes.len()),
                names.join(", "),
                match more {
                    0 => String::new(),
                    n => format!(" and {} more", thousands(n)),
                }
            ));
        }
        if self.markup_fields > 0 {
            parts.push(format!(
                "{} field{} markup, shown as plain text",
                self.markup_fields,
                if self.markup_fields == 1 {
                    " contains"
                } else {
                    "s contain"
                }
            ));
        }
        parts.extend(self.clipped.summary());
        let mut said = format!("{}.", parts.join("; "));
        for n in &self.notes {
            said.push_str(&format!(" Note: {n}."));
        }
        said
    }
}
