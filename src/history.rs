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

    /// Its size as stored, estimated ([`Step::bytes`]): the annotations and documents it
    /// holds, a batch's ids (and the annotations it took out, after Undo), the codebook.
    pub fn bytes(&self) -> usize {
        let side = |a: &Option<Annotation>| a.as_ref().map_or(0, annotation_bytes);
        let own = match self {
            Change::Annotation { before, after } | Change::Orphan { before, after } => {
                side(before) + side(after)
            }
            Change::Document { before, after } => [before, after]
                .into_iter()
                .flatten()
                .map(|d| d.text.as_str().len() + d.title.len() + d.description.len() + 100)
                .sum(),
            Change::Batch(b) => {
                let taken = b.taken.as_ref();
                let taken = taken.map_or(0, |t| t.iter().map(annotation_bytes).sum());
                strings_bytes(&b.ids) + strings_bytes(&b.documents) + taken
            }
            Change::Codebook { before, after } => [before, after]
                .into_iter()
                .flat_map(|c| c.own())
                .map(|c| c.id.len() + c.name.len() + c.color.len() + c.description.len() + 80)
                .sum(),
        };
        // Each change is stored behind a marker, the size of an empty annotation.
        own + ANNOTATION_JSON
    }

    /// The ids of the documents it is on: the annotation's or orphan's document, the
    /// document itself, a batch's documents (each once); none for the codebook.
    pub fn documents(&self) -> &[String] {
        match self {
            Change::Annotation { before, after } | Change::Orphan { before, after } => after
                .as_ref()
                .or(before.as_ref())
                .map_or(&[], |a| std::slice::from_ref(&a.document)),
            Change::Document { before, after } => after
                .as_ref()
                .or(before.as_ref())
                .map_or(&[], |d| std::slice::from_ref(&d.id)),
            Change::Batch(b) => &b.documents,
            Change::Codebook { .. } => &[],
        }
    }

    /// True when it touches `document` or an annotation of it.
    pub fn touches(&self, document: &str) -> bool {
        self.documents().iter().any(|d| d == document)
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

    /// Its size as stored: the length of its JSON, estimated from the lengths of its
    /// strings (some microseconds for an annotation; never serialised to be measured).
    pub fn bytes(&self) -> usize {
        self.0.iter().map(Change::bytes).sum()
    }

    /// Sets what its batches hold while out of the library; false (and unchanged) when it
    /// has no batch.
    fn set_taken(&mut self, taken: Option<Arc<Vec<Annotation>>>) -> bool {
        if !self.0.iter().any(|c| matches!(c, Change::Batch(_))) {
            return false;
        }
        for c in Arc::make_mut(&mut self.0) {
            if let Change::Batch(b) = c {
                b.taken = taken.clone();
            }
        }
        true
    }
}

/// What a stored annotation spends on its keys and numbers, beyond its strings' lengths
/// (`{"id":"","document":"",…,"created":1764000000000,…}`: some 150 bytes).
const ANNOTATION_JSON: usize = 150;

/// The estimated length of an annotation's JSON: its strings and [`ANNOTATION_JSON`].
pub fn annotation_bytes(a: &Annotation) -> usize {
    let tags: usize = a.tags.iter().map(|t| t.len() + 3).sum();
    let provenance = a.provenance.as_ref().map_or(0, |p| {
        p.file.len() + p.sha256.as_ref().map_or(0, String::len) + 40
    });
    ANNOTATION_JSON
        + a.id.len()
        + a.document.len()
        + a.quote.len()
        + a.prefix.len()
        + a.suffix.len()
        + a.note.len()
        + a.annotator.len()
        + tags
        + provenance
}

/// The estimated length of a list of strings as JSON.
fn strings_bytes(list: &[String]) -> usize {
    list.iter().map(|s| s.len() + 3).sum()
}

/// The most bytes of steps the history keeps, in memory and in storage alike, counted as
/// [`Step::bytes`] (their stored JSON, estimated). 4 MB holds 200 edits (some 1 KB each) many
/// times over, and an import of 50,000 placed annotations (its ids, some 2 MB); an import of
/// 10,000 orphans (some 4 MB of annotations) or an undone import of 10,000 (the annotations it
/// took out, for Redo) fills it. Written whole at each change, a history this size would cost
/// a frame; written a step at a time, only its new steps are.
pub const HISTORY_BYTES: usize = 4 << 20;

/// A step as the history keeps it: with the number of its stored record and its size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kept {
    /// The number of its record in storage (`step-<seq>`): never reused, and new whenever
    /// the step's content changes (an undone import keeps the annotations it took out), so
    /// that storage writes a step only when its number is new to it.
    pub seq: u64,
    /// Its size, [`Step::bytes`].
    pub bytes: usize,
    pub step: Step,
}

/// The undo and redo stacks (each bottom first), bounded by [`UNDO_DEPTH`] steps and by
/// [`HISTORY_BYTES`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    undo: Vec<Kept>,
    redo: Vec<Kept>,
    /// The sum of the steps' `bytes`.
    bytes: usize,
    /// The number the next step kept takes: past every record storage held when read.
    next: u64,
}

impl History {
    /// The history as storage held it (each stack bottom first), numbering new steps from
    /// `next`; bounded as any other.
    pub fn restored(undo: Vec<Kept>, redo: Vec<Kept>, next: u64) -> History {
        let next = undo
            .iter()
            .chain(&redo)
            .map(|k| k.seq + 1)
            .fold(next, u64::max);
        let bytes = undo.iter().chain(&redo).map(|k| k.bytes).sum();
        let mut h = History {
            undo,
            redo,
            bytes,
            next,
        };
        h.trim();
        h
    }

    /// Remembers a step that was just applied, and forgets what could be redone. An empty
    /// step is not remembered. Past [`UNDO_DEPTH`] steps or [`HISTORY_BYTES`] the oldest are
    /// forgotten.
    pub fn record(&mut self, step: Step) {
        if step.changes().is_empty() {
            return;
        }
        let kept = self.keep(step);
        self.undo.push(kept);
        if self.undo.len() > UNDO_DEPTH {
            self.bytes -= self.undo.remove(0).bytes;
        }
        self.bytes -= self.redo.drain(..).map(|k| k.bytes).sum::<usize>();
        self.trim();
    }

    /// The step with a new number and its size.
    fn keep(&mut self, step: Step) -> Kept {
        let seq = self.next;
        self.next += 1;
        let bytes = step.bytes();
        self.bytes += bytes;
        Kept { seq, bytes, step }
    }

    /// Forgets the steps farthest from the present (the bottom of the undo stack, then of
    /// the redo stack) while the history is over [`HISTORY_BYTES`]. The step on top of
    /// each stack stays whatever its size, so that Undo right after a large import, and
    /// Redo right after its Undo, work as they always did; storage does not keep a step
    /// that alone is over the budget ([`crate::history_store`]).
    fn trim(&mut self) {
        while self.bytes > HISTORY_BYTES {
            let stack = match (self.undo.len() > 1, self.redo.len() > 1) {
                (true, _) => &mut self.undo,
                (false, true) => &mut self.redo,
                (false, false) => return,
            };
            self.bytes -= stack.remove(0).bytes;
        }
    }

    /// Takes the last step off the undo stack onto the redo stack, and returns what to apply
    /// to take it back (its inverse).
    pub fn undo(&mut self) -> Option<Step> {
        let kept = self.undo.pop()?;
        let inverse = kept.step.inverse();
        self.redo.push(kept);
        Some(inverse)
    }

    /// Keeps the annotations that undoing the last step took out of the library (the
    /// [`crate::library::Applied::taken`] of its inverse) in that step's batch, for Redo.
    /// The step changes, so it takes a new number (storage writes it again), and counts
    /// their size.
    pub fn keep_taken(&mut self, taken: Vec<Annotation>) {
        let Some(kept) = self.redo.pop() else {
            return;
        };
        let mut step = kept.step.clone();
        if step.set_taken(Some(Arc::new(taken))) {
            self.bytes -= kept.bytes;
            let kept = self.keep(step);
            self.redo.push(kept);
            self.trim();
        } else {
            self.redo.push(kept);
        }
    }

    /// Takes the last undone step back onto the undo stack, and returns it to apply again.
    /// On the undo stack it keeps no annotations of its own (Undo takes an import's back by
    /// id): that copy would only weigh on the budget.
    pub fn redo(&mut self) -> Option<Step> {
        let kept = self.redo.pop()?;
        let mut light = kept.step.clone();
        if light.set_taken(None) {
            self.bytes -= kept.bytes;
            let again = self.keep(light);
            self.undo.push(again);
        } else {
            self.undo.push(kept.clone());
        }
        Some(kept.step)
    }

    /// Forgets every step that touches `document` (it was deleted: bringing back one of its
    /// annotations would make an orphan out of nothing).
    pub fn forget_document(&mut self, document: &str) {
        self.undo.retain(|k| !k.step.touches(document));
        self.redo.retain(|k| !k.step.touches(document));
        self.bytes = self.undo.iter().chain(&self.redo).map(|k| k.bytes).sum();
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

    /// The steps that can be undone, the oldest first (the last is undone first).
    pub fn undo_steps(&self) -> &[Kept] {
        &self.undo
    }

    /// The steps that can be redone, the last undone last (it is redone first).
    pub fn redo_steps(&self) -> &[Kept] {
        &self.redo
    }

    /// The size of every step kept ([`Step::bytes`]).
    pub fn bytes(&self) -> usize {
        self.bytes
    }
}

#[cfg(test)]
#[path = "history_tests.rs"]
mod tests;
