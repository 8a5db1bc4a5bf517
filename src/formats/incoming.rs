//! A parsed annotation file in no particular format: what the readers (`project.rs`,
//! `w3c.rs`, `doccano.rs`) produce and the import planner validates and anchors. Below the
//! readers and the planner, so that they need not know each other.

use super::Format;
use crate::annotation::{Millis, Origin};
use crate::fields::{Clipped, Field};

/// A document as a file describes it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InDoc {
    /// What the file's annotations call it (an id or an IRI).
    pub key: String,
    /// The app's document id, when the file knows it.
    pub id: Option<String>,
    pub title: Option<String>,
    pub text: Option<String>,
    pub sha256: Option<String>,
    /// Where each page of `text` starts, in code points; empty when it has no pages.
    pub pages: Vec<crate::text::Cp>,
    /// The file the text was read from, when the file says.
    pub source: Option<crate::extract::SourceFile>,
}

/// An annotation as a file describes it, before validation and anchoring.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InAnnotation {
    pub id: Option<String>,
    pub doc_key: String,
    /// Code points.
    pub start: Option<usize>,
    pub end: Option<usize>,
    pub quote: Option<String>,
    pub prefix: String,
    pub suffix: String,
    pub tags: Vec<String>,
    pub note: String,
    pub created: Option<Millis>,
    pub updated: Option<Millis>,
    pub annotator: Option<String>,
    /// The maker's id (a UUID), when the file gives one for this annotation; else the
    /// file's ([`Incoming::annotator_id`]) is taken.
    pub annotator_id: Option<String>,
    /// How the file says it came to be ([`Origin`]): an import keeps
    /// [`Origin::Given`] and makes anything else [`Origin::Imported`].
    pub origin: Option<Origin>,
    /// A tag of the whole document, not of a passage: offsets and quote are ignored.
    pub whole_document: bool,
}

/// A code as a file describes it (REFI-QDA's Code, a brat entity type, a doccano label, an
/// own code of the project's JSON), before it is matched against the codebook here.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InCode {
    /// What the file's annotations put in their `tags` for it: an id, a GUID or a name.
    pub key: String,
    /// The code's UUID in the file (REFI-QDA `guid`), lowercase, when it has one.
    pub guid: Option<String>,
    pub name: String,
    /// `#rrggbb`, when the file gives one.
    pub color: Option<String>,
    /// The `key` of the code it is nested under, when nested.
    pub parent: Option<String>,
    pub description: String,
}

/// A parsed file, in no particular format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Incoming {
    pub format: Format,
    /// The file's annotator, when it names one.
    pub annotator: Option<String>,
    /// The file's annotator id (a UUID), when it gives one: the maker of every annotation
    /// that names none of its own.
    pub annotator_id: Option<String>,
    /// The id of the assignment the file's work was done for, when it says.
    pub assignment: Option<String>,
    pub documents: Vec<InDoc>,
    pub annotations: Vec<InAnnotation>,
    /// The codes the file declares, parents before children. Annotations' `tags` name them
    /// by `key`; a tag that is neither a GCM tag id nor a key here is unknown.
    pub codes: Vec<InCode>,
    /// What the reader has to say about the file, for the import's summary: keys of other
    /// tools' dialects it did not read, offsets it read in another unit.
    pub notes: Vec<String>,
    /// The assignment an assignment file hands out (its `"assignment"` block), read and
    /// checked for its version; `None` in any other file. Fitted to the app (instructions
    /// cut, unknown tags dropped) when the library takes it ([`crate::assignment::Assignment::fit`]).
    pub handout: Option<crate::assignment::Assignment>,
}

impl Incoming {
    /// Cuts every bounded field the file fills (document titles, notes, annotator names,
    /// code names and descriptions) to
    /// its limit ([`crate::fields`]), and counts what was cut for the import's summary.
    pub fn clip_fields(&mut self) -> Clipped {
        let mut clipped = Clipped::default();
        if let Some(name) = &mut self.annotator {
            clipped.clip(Field::AnnotatorName, name);
        }
        for title in self.documents.iter_mut().filter_map(|d| d.title.as_mut()) {
            clipped.clip(Field::DocumentTitle, title);
        }
        // A code's description is bounded like a note (REFI-QDA's Description of both).
        for c in &mut self.codes {
            clipped.clip(Field::CodeName, &mut c.name);
            clipped.clip(Field::Note, &mut c.description);
        }
        for a in &mut self.annotations {
            clipped.clip(Field::Note, &mut a.note);
            if let Some(name) = &mut a.annotator {
                clipped.clip(Field::AnnotatorName, name);
            }
        }
        clipped
    }
}

/// Adds a batch's reading to what was read before it, as [`super::w3c::read`] would have read both
/// at once: documents, codes and notes once each, in the order first met; annotations in
/// order.
pub(super) fn merge(into: &mut Incoming, part: Incoming) {
    for d in part.documents {
        if !into.documents.iter().any(|x| x.key == d.key) {
            into.documents.push(d);
        }
    }
    for c in part.codes {
        if !into.codes.iter().any(|x| x.key == c.key) {
            into.codes.push(c);
        }
    }
    into.annotations.extend(part.annotations);
    for n in part.notes {
        if !into.notes.contains(&n) {
            into.notes.push(n);
        }
    }
}
