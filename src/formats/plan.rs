//! What importing a file will do: the [`Plan`] the planner (`import.rs`) makes against the
//! library, which `Action::Import` applies, and its summary for people.

use super::Format;
use crate::annotation::Annotation;
use crate::document::Document;

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
    /// The assignment the file hands out ([`Incoming::handout`]): the library takes it
    /// when the plan is applied.
    pub assignment: Option<crate::assignment::Assignment>,
}

impl Plan {
    /// A summary for people: imported, re-anchored, orphaned, skipped and why, and which
    /// fields were cut to their limits.
    pub fn summary(&self) -> String {
        let n = self.annotations.len();
        let file = crate::text::isolate(&self.file);
        // Nothing placed and some waiting: say first that they were kept, not lost.
        let mut parts = if n == 0 && self.waiting > 0 {
            vec![t!("fmt-summary-kept", file = file, count = self.waiting)]
        } else {
            vec![t!("fmt-summary-imported", file = file, count = n)]
        };
        if self.reanchored > 0 {
            parts.push(t!("fmt-summary-reanchored", count = self.reanchored));
        }
        let stale = self.orphans.len().saturating_sub(self.waiting);
        if stale > 0 {
            parts.push(t!("fmt-summary-orphans", count = stale));
        }
        if self.waiting > 0 && n > 0 {
            parts.push(t!("fmt-summary-waiting", count = self.waiting));
        }
        if !self.skipped.is_empty() {
            parts.push(t!("fmt-summary-skipped", count = self.skipped.len()));
        }
        if !self.new_documents.is_empty() {
            parts.push(t!(
                "fmt-summary-documents",
                count = self.new_documents.len()
            ));
        }
        if !self.new_codes.is_empty() {
            let names: Vec<String> = self
                .new_codes
                .iter()
                .take(10)
                .map(|c| crate::text::isolate(&c.name))
                .collect();
            let more = self.new_codes.len().saturating_sub(names.len());
            let names = names.join(", ");
            let count = self.new_codes.len();
            parts.push(match more {
                0 => t!("fmt-summary-codes", count = count, names = names),
                _ => t!(
                    "fmt-summary-codes-more",
                    count = count,
                    names = names,
                    more = more
                ),
            });
        }
        if self.markup_fields > 0 {
            parts.push(t!("fmt-summary-markup", count = self.markup_fields));
        }
        parts.extend(self.clipped.summary());
        let mut said = format!("{}.", parts.join("; "));
        for n in &self.notes {
            said.push(' ');
            said.push_str(&t!("fmt-summary-note", note = *n));
        }
        said
    }
}
