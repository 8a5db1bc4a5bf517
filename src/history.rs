//! Undo and redo: the steps a user can take back, each a list of changes (to annotations,
//! orphans and documents) that knows how to invert itself (as helix-core's `history.rs` keeps transactions with their
//! inversions). Pure bookkeeping: applying a step to the library is [`crate::library`]'s job.

use crate::annotation::Annotation;
use crate::document::Document;
use std::sync::Arc;

/// How many steps undo remembers. 200 covers a long session; a step is one annotation's
/// change, everything one import added, or every suggestion one "accept all" accepted.
pub const UNDO_DEPTH: usize = 200;

/// One thing before and after a change. `None` before is a creation, `None` after a
/// deletion; both `Some` is an edit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// A placed annotation.
    Annotation {
        before: Option<Annotation>,
        after: Option<Annotation>,
    },
    /// An orphan: an annotation kept though it could not be placed.
    Orphan {
        before: Option<Annotation>,
        after: Option<Annotation>,
    },
    /// A user document (an import brings the documents its file carries).
    Document {
        before: Option<Document>,
        after: Option<Document>,
    },
    /// Many placed annotations added at once (an import), or taken back.
    Batch(Batch),
    /// The user's own codes, all of them before and after (a codebook is small: a few
    /// hundred codes at most). Made, renamed, recoloured, nested, merged, deleted, imported.
    Codebook {
        before: crate::codes::Codebook,
        after: crate::codes::Codebook,
    },
}

/// The placed annotations one import added, by id: while they are in the library they are
/// not copied here (copying 145,000 took 117 ms of the import's one task). Undoing the
/// import takes them out of the library into this batch ([`History::keep_taken`]), and
/// Redo puts them back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Batch {
    /// True when applying the batch adds the annotations; false when it takes them out.
    pub adds: bool,
    /// The ids of the annotations, in the order they were added.
    pub ids: Arc<[String]>,
    /// The ids of the documents they are on, each once (what [`Step::touches`] asks).
    pub documents: Arc<[String]>,
    /// The annotations themselves while they are out of the library (after Undo); `None`
    /// while the library holds them.
    pub taken: Option<Arc<Vec<Annotation>>>,
}

impl Batch {
    /// The batch of annotations just added to the library (which holds them).
    pub fn added(added: &[Annotation]) -> Batch {
        Batch::added_with_ids(added, added.iter().map(|a| a.id.clone()).collect())
    }

    /// [`Batch::added`] with the ids already collected: `ids` must be those of `added`, in
    /// order.
    pub fn added_with_ids(added: &[Annotation], ids: Arc<[String]>) -> Batch {
        debug_assert!(ids.len() == added.len());
        let mut seen = std::collections::HashSet::new();
        let mut documents: Vec<String> = Vec::new();
        for a in added {
            if documents.last() != Some(&a.document) && seen.insert(a.document.as_str()) {
                documents.push(a.document.clone());
            }
        }
        Batch {
            adds: true,
            ids,
            documents: documents.into(),
            taken: None,
        }
    }
}

impl Change {
    /// A new annotation.
    pub fn created(a: Annotation) -> Change {
        Change::Annotation {
            before: None,
            after: Some(a),
        }
    }

    /// An annotation edited or deleted (`after` is `None`).
    pub fn edited(before: Annotation, after: Option<Annotation>) -> Change {
        Change::Annotation {
            before: Some(before),
            after,
        }
    }

    /// The change that takes this one back.
    pub fn inverse(&self) -> Change {
        match self {
            Change::Annotation { before, after } => Change::Annotation {
                before: after.clone(),
                after: before.clone(),
            },
            Change::Orphan { before, after } => Change::Orphan {
                before: after.clone(),
                after: before.clone(),
            },
            Change::Document { before, after } => Change::Document {
                before: after.clone(),
                after: before.clone(),
            },
            Change::Batch(b) => Change::Batch(Batch {
                adds: !b.adds,
                ..b.clone()
            }),
            Change::Codebook { before, after } => Change::Codebook {
                before: after.clone(),
                after: before.clone(),
            },
        }
    }

    /// The id of what it changes: an annotation's, an orphan's or a document's; `None` for a
    /// batch of many and for the codebook.
    pub fn id(&self) -> Option<&str> {
        match self {
            Change::Annotation { before, after } | Change::Orphan { before, after } => {
                after.as_ref().or(before.as_ref()).map(|a| a.id.as_str())
            }
            Change::Document { before, after } => {
                after.as_ref().or(before.as_ref()).map(|d| d.id.as_str())
            }
            Change::Batch(_) | Change::Codebook { .. } => None,
        }
    }

    /// True when it touches `document` or an annotation of it.
    pub fn touches(&self, document: &str) -> bool {
        match self {
            Change::Annotation { before, after } | Change::Orphan { before, after } => after
                .as_ref()
                .or(before.as_ref())
                .is_some_and(|a| a.document == document),
            Change::Document { .. } => self.id() == Some(document),
            Change::Batch(b) => b.documents.iter().any(|d| d == document),
            Change::Codebook { .. } => false,
        }
    }
}

/// One undoable step: changes applied together, in order. Shared (`Arc`) so that the app's
/// state, cloned on every action, does not copy an import of 10,000 changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step(Arc<Vec<Change>>);

impl Step {
    /// A step of these changes, in the order they were applied.
    pub fn new(changes: Vec<Change>) -> Step {
        Step(Arc::new(changes))
    }

    /// The changes, in the order they were applied.
    pub fn changes(&self) -> &[Change] {
        &self.0
    }

    /// The step that takes this one back: each change inverted, last first.
    pub fn inverse(&self) -> Step {
        Step::new(self.0.iter().rev().map(Change::inverse).collect())
    }

    /// True when any change touches an annotation of `document`.
    pub fn touches(&self, document: &str) -> bool {
        self.0.iter().any(|c| c.touches(document))
    }
}

/// The undo and redo stacks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Remembers a step that was just applied, and forgets what could be redone. An empty
    /// step is not remembered. Past [`UNDO_DEPTH`] steps the oldest is forgotten.
    pub fn record(&mut self, step: Step) {
        if step.changes().is_empty() {
            return;
        }
        self.undo.push(step);
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Takes the last step off the undo stack onto the redo stack, and returns what to apply
    /// to take it back (its inverse).
    pub fn undo(&mut self) -> Option<Step> {
        let step = self.undo.pop()?;
        let inverse = step.inverse();
        self.redo.push(step);
        Some(inverse)
    }

    /// Keeps the annotations that undoing the last step took out of the library (the
    /// [`crate::library::Applied::taken`] of its inverse) in that step's batch, for Redo.
    pub fn keep_taken(&mut self, taken: Vec<Annotation>) {
        let Some(step) = self.redo.last_mut() else {
            return;
        };
        if !step.0.iter().any(|c| matches!(c, Change::Batch(_))) {
            return;
        }
        let taken = Arc::new(taken);
        for c in Arc::make_mut(&mut step.0) {
            if let Change::Batch(b) = c {
                b.taken = Some(taken.clone());
            }
        }
    }

    /// Takes the last undone step back onto the undo stack, and returns it to apply again.
    pub fn redo(&mut self) -> Option<Step> {
        let step = self.redo.pop()?;
        self.undo.push(step.clone());
        Some(step)
    }

    /// Forgets every step that touches `document` (it was deleted: bringing back one of its
    /// annotations would make an orphan out of nothing).
    pub fn forget_document(&mut self, document: &str) {
        self.undo.retain(|s| !s.touches(document));
        self.redo.retain(|s| !s.touches(document));
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// How many steps can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Cp;

    fn a(id: &str, note: &str) -> Annotation {
        Annotation {
            whole_document: false,
            id: id.into(),
            document: "d".into(),
            start: Cp(0),
            end: Cp(1),
            quote: "x".into(),
            prefix: String::new(),
            suffix: String::new(),
            tags: vec!["objective-1".into()],
            note: note.into(),
            created: 0,
            updated: 0,
            annotator: String::new(),
            provenance: None,
        }
    }

    #[test]
    fn a_step_inverts_each_change_last_first() {
        let step = Step::new(vec![
            Change::created(a("1", "")),
            Change::edited(a("1", ""), Some(a("1", "edited"))),
        ]);
        let inv = step.inverse();
        assert_eq!(
            inv.changes()[0],
            Change::edited(a("1", "edited"), Some(a("1", "")))
        );
        assert_eq!(inv.changes()[1], Change::edited(a("1", ""), None));
        assert_eq!(inv.inverse(), step);
    }

    #[test]
    fn undo_moves_a_step_to_redo_and_a_new_step_clears_redo() {
        let mut h = History::default();
        h.record(Step::new(vec![Change::created(a("1", ""))]));
        h.record(Step::new(vec![]));
        assert_eq!(h.undo_len(), 1);
        let back = h.undo().unwrap();
        assert_eq!(back.changes()[0], Change::edited(a("1", ""), None));
        assert!(h.can_redo() && !h.can_undo());
        assert_eq!(h.redo().unwrap().changes()[0], Change::created(a("1", "")));
        h.undo();
        h.record(Step::new(vec![Change::created(a("2", ""))]));
        assert!(!h.can_redo());
    }

    #[test]
    fn depth_is_bounded_and_a_deleted_documents_steps_are_forgotten() {
        let mut h = History::default();
        for i in 0..UNDO_DEPTH + 5 {
            h.record(Step::new(vec![Change::created(a(&i.to_string(), ""))]));
        }
        assert_eq!(h.undo_len(), UNDO_DEPTH);
        h.forget_document("d");
        assert!(!h.can_undo());
    }
}
