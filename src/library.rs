//! The user's library: the documents (seeds first, then the user's own), the annotations
//! placed in them, and the orphans that could not be placed. What import and export read,
//! and what storage keeps. Changes come as [`Change`]s and return the [`Effect`]s that keep
//! the browser's copy in step.

use crate::annotation::{text_order, Annotation};
use crate::codebook;
use crate::codes::Codebook;
use crate::document::{Document, Origin};
use crate::effect::Effect;
use crate::history::{Batch, Change};
use crate::text::Cp;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Documents, annotations and orphans.
#[derive(Clone, Debug, PartialEq)]
pub struct Library {
    documents: Vec<Document>,
    /// Shared until changed (`Arc::make_mut`): the app clones its state on every action, and
    /// most (moving the caret, opening the palette) leave the annotations alone.
    annotations: Arc<Vec<Annotation>>,
    /// Annotations that could not be placed in their document's text (an import whose
    /// passage is gone, a document not in this browser). Kept, listed, never dropped.
    /// Shared like `annotations`, so that the list can tell in O(1) whether they changed.
    orphans: Arc<Vec<Annotation>>,
    /// The GCM's tags and the user's own codes.
    codebook: Codebook,
    /// The assignment the user works on, if one was opened (a student's app).
    assignment: Option<crate::assignment::Assignment>,
}

impl Default for Library {
    /// The five bundled seeds, nothing annotated.
    fn default() -> Self {
        Library {
            documents: Document::seeds(),
            annotations: Arc::default(),
            orphans: Arc::default(),
            codebook: Codebook::default(),
            assignment: None,
        }
    }
}

/// What applying changes did, beyond its effects.
#[derive(Debug, Default)]
pub struct Applied {
    pub effects: Vec<Effect>,
    /// Ids of the annotations the changes removed.
    pub removed: HashSet<String>,
    /// Ids of the documents the changes removed.
    pub removed_documents: Vec<String>,
    /// The annotations a batch took out of the library (an import undone), in library
    /// order: moved, not copied, for [`crate::history::History::keep_taken`].
    pub taken: Vec<Annotation>,
}

impl Library {
    /// Every document: the seeds first, then the user's, in the order they were added (after
    /// a reload, the order storage gives them in, which is by their random ids).
    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    /// The user's documents as the library lists them: by title, without regard to case
    /// (then by id, for titles alike), so that the list is the same after a reload as before.
    pub fn user_documents(&self) -> Vec<&Document> {
        let mut mine: Vec<(String, &Document)> = (self.documents.iter())
            .filter(|d| d.origin == Origin::User)
            .map(|d| (crate::casefold::fold(&d.title), d))
            .collect();
        crate::sort::sort_by(&mut mine, |a, b| (&a.0, &a.1.id).cmp(&(&b.0, &b.1.id)));
        mine.into_iter().map(|(_, d)| d).collect()
    }

    /// Every placed annotation, in no particular order. The `Arc` lets a view tell in O(1)
    /// whether the list changed (`Arc::ptr_eq`).
    pub fn annotations(&self) -> &Arc<Vec<Annotation>> {
        &self.annotations
    }

    /// Every orphan, shared like [`Library::annotations`].
    pub fn orphans(&self) -> &Arc<Vec<Annotation>> {
        &self.orphans
    }

    /// The GCM's tags and the user's own codes.
    pub fn codebook(&self) -> &Codebook {
        &self.codebook
    }

    /// The assignment the user works on: the last assignment file opened, kept across
    /// reloads (schema 6); `None` when none was. Its id goes into every export.
    pub fn assignment(&self) -> Option<&crate::assignment::Assignment> {
        self.assignment.as_ref()
    }

    /// Sets (or, with `None`, forgets) the assignment the user works on; returns the one
    /// it replaces. The caller stores it ([`Effect::SaveAssignment`]).
    pub fn set_assignment(
        &mut self,
        assignment: Option<crate::assignment::Assignment>,
    ) -> Option<crate::assignment::Assignment> {
        std::mem::replace(&mut self.assignment, assignment)
    }

    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// The annotation with this id (orphans are not searched).
    pub fn annotation(&self, id: &str) -> Option<&Annotation> {
        self.annotations.iter().find(|a| a.id == id)
    }

    /// The annotations of a document, in text order.
    pub fn annotations_of(&self, document: &str) -> Vec<&Annotation> {
        let mut list: Vec<&Annotation> = self
            .annotations
            .iter()
            .filter(|a| a.document == document)
            .collect();
        crate::sort::sort_by(&mut list, |a, b| text_order(a, b));
        list
    }

    /// The orphans of a document.
    pub fn orphans_of(&self, document: &str) -> Vec<&Annotation> {
        self.orphans
            .iter()
            .filter(|a| a.document == document)
            .collect()
    }

    /// The annotations of a document that cover code point `at`, shortest first (the
    /// innermost of overlapping passages is the one a click most likely means).
    pub fn annotations_at(&self, document: &str, at: Cp) -> Vec<&Annotation> {
        let mut hits: Vec<&Annotation> = self
            .annotations
            .iter()
            .filter(|a| a.document == document && a.covers(at))
            .collect();
        crate::sort::sort_by_key(&mut hits, |a| (a.end.0 - a.start.0, a.start));
        hits
    }

    /// The annotation after (or before) `current` in text order, wrapping around; the first
    /// (or last) when `current` is none or not in the document. How the keyboard moves
    /// between highlights.
    pub fn neighbour(
        &self,
        document: &str,
        current: Option<&str>,
        forward: bool,
    ) -> Option<&Annotation> {
        let list = self.annotations_of(document);
        if list.is_empty() {
            return None;
        }
        let at = current.and_then(|id| list.iter().position(|a| a.id == id));
        let next = match (at, forward) {
            (None, true) => 0,
            (None, false) => list.len() - 1,
            (Some(i), true) => (i + 1) % list.len(),
            (Some(i), false) => (i + list.len() - 1) % list.len(),
        };
        Some(list[next])
    }

    /// How many annotations each document has, by document id, in one pass (documents
    /// without any are absent): what the library lists beside each title.
    pub fn counts_by_document(&self) -> std::collections::HashMap<&str, usize> {
        let mut counts = std::collections::HashMap::new();
        // By runs: an import's annotations come a document at a time, and comparing with
        // the last is cheaper than hashing each.
        let mut run: Option<(&str, usize)> = None;
        for a in self.annotations.iter() {
            match &mut run {
                Some((d, n)) if *d == a.document => *n += 1,
                _ => {
                    if let Some((d, n)) = run.replace((a.document.as_str(), 1)) {
                        *counts.entry(d).or_insert(0) += n;
                    }
                }
            }
        }
        if let Some((d, n)) = run {
            *counts.entry(d).or_insert(0) += n;
        }
        counts
    }

    /// How many annotations of a document carry each tag ([`tag_counts`]).
    pub fn tag_counts(&self, document: &str) -> Vec<(&'static codebook::Tag, usize)> {
        tag_counts(&self.annotations, document)
    }

    /// Adds a document unless one with its id is here; true if it was added.
    pub fn add_document(&mut self, doc: Document) -> bool {
        if self.document(&doc.id).is_some() {
            return false;
        }
        self.documents.push(doc);
        true
    }

    /// Adds `doc`, or puts it in the place of the document with its id (a seed included).
    pub fn put_document(&mut self, doc: Document) {
        match self.documents.iter_mut().find(|d| d.id == doc.id) {
            Some(here) => *here = doc,
            None => self.documents.push(doc),
        }
    }

    /// Renames a user document. Seeds keep their titles, and a blank title is refused.
    pub fn rename(&mut self, id: &str, title: &str) -> Vec<Effect> {
        let title = title.trim();
        match self.documents.iter_mut().find(|d| d.id == id) {
            Some(doc) if doc.origin == Origin::User && !title.is_empty() => {
                doc.title = title.to_string();
                vec![Effect::SaveDocument(id.to_string())]
            }
            _ => vec![],
        }
    }

    /// Deletes a user document with its annotations and orphans; seeds are not deleted
    /// (empty result).
    pub fn delete_document(&mut self, id: &str) -> Vec<Effect> {
        if !self.document(id).is_some_and(|d| d.origin == Origin::User) {
            return vec![];
        }
        self.documents.retain(|d| d.id != id);
        let mut effects: Vec<Effect> = self
            .annotations
            .iter()
            .chain(self.orphans.iter())
            .filter(|a| a.document == id)
            .map(|a| Effect::DeleteAnnotation(a.id.clone()))
            .collect();
        Arc::make_mut(&mut self.annotations).retain(|a| a.document != id);
        if self.orphans.iter().any(|a| a.document == id) {
            Arc::make_mut(&mut self.orphans).retain(|a| a.document != id);
        }
        effects.push(Effect::DeleteDocument(id.to_string()));
        effects
    }

    /// Adds annotations already checked against what is here (an import), in one pass,
    /// moved, not copied. Storing them is the caller's [`Effect::SaveAnnotations`].
    pub fn extend(&mut self, annotations: Vec<Annotation>) {
        let list = Arc::make_mut(&mut self.annotations);
        if list.is_empty() {
            // The first import: its list becomes the library's (moving 145,000 into another
            // took some 25 ms).
            *list = annotations;
        } else {
            list.extend(annotations);
        }
    }

    /// Keeps orphans, skipping any whose id is already kept (or repeats in `orphans`), and
    /// returns those it kept. One set of ids, so that keeping 10,000 costs O(n).
    pub fn keep_orphans(&mut self, orphans: Vec<Annotation>) -> Vec<Annotation> {
        // Borrowed ids, the set sized once: cloning 142,525 ids into a growing set was
        // 140 ms of a W3C import's longest task.
        let keep: Vec<bool> = {
            let mut ids: HashSet<&str> = HashSet::with_capacity(self.orphans.len() + orphans.len());
            ids.extend(self.orphans.iter().map(|o| o.id.as_str()));
            orphans.iter().map(|o| ids.insert(o.id.as_str())).collect()
        };
        let kept: Vec<Annotation> = orphans
            .into_iter()
            .zip(keep)
            .filter_map(|(o, keep)| keep.then_some(o))
            .collect();
        if !kept.is_empty() {
            Arc::make_mut(&mut self.orphans).extend(kept.iter().cloned());
        }
        kept
    }

    /// Deletes an orphan; nothing happens for an unknown id.
    pub fn delete_orphan(&mut self, id: &str) -> Vec<Effect> {
        if !self.orphans.iter().any(|o| o.id == id) {
            return vec![];
        }
        Arc::make_mut(&mut self.orphans).retain(|o| o.id != id);
        vec![Effect::DeleteAnnotation(id.to_string())]
    }

    /// The ids of every orphan.
    fn orphan_ids(&self) -> HashSet<String> {
        self.orphans.iter().map(|o| o.id.clone()).collect()
    }

    /// Removes the orphans with these ids, in one pass, and empties the set.
    fn drop_orphans(&mut self, gone: &mut HashSet<String>) {
        if !gone.is_empty() {
            Arc::make_mut(&mut self.orphans).retain(|o| !gone.contains(&o.id));
            gone.clear();
        }
    }

    /// Replaces everything but the seeds with what storage held.
    pub fn restore(
        &mut self,
        documents: Vec<Document>,
        annotations: Vec<Annotation>,
        orphans: Vec<Annotation>,
        codebook: Codebook,
    ) {
        self.codebook = codebook;
        // What was stored replaces the user's documents (another tab may have deleted one).
        self.documents.retain(|d| d.origin != Origin::User);
        for doc in documents {
            self.add_document(doc);
        }
        self.annotations = Arc::new(annotations);
        self.orphans = Arc::new(orphans);
    }

    /// Adds a batch's annotations back (Redo: copies of those it holds), or takes them out
    /// (Undo) into `applied.taken`, in one pass.
    fn apply_batch(&mut self, b: &Batch, applied: &mut Applied) {
        if b.adds {
            let Some(taken) = &b.taken else {
                return;
            };
            let here: HashSet<&str> = self.annotations.iter().map(|a| a.id.as_str()).collect();
            let new: Vec<Annotation> = taken
                .iter()
                .filter(|a| !here.contains(a.id.as_str()))
                .cloned()
                .collect();
            drop(here);
            applied
                .effects
                .extend(new.iter().cloned().map(Effect::SaveAnnotation));
            Arc::make_mut(&mut self.annotations).extend(new);
            return;
        }
        let ids: HashSet<&str> = b.ids.iter().map(String::as_str).collect();
        let (taken, kept): (Vec<Annotation>, Vec<Annotation>) =
            std::mem::take(Arc::make_mut(&mut self.annotations))
                .into_iter()
                .partition(|a| ids.contains(a.id.as_str()));
        self.annotations = Arc::new(kept);
        for a in &taken {
            applied.effects.push(Effect::DeleteAnnotation(a.id.clone()));
            applied.removed.insert(a.id.clone());
        }
        applied.taken = taken;
    }

    /// Makes the library match each change's `after`, in order: annotations, orphans and
    /// documents. One annotation change is found by a scan; many (an import of 10,000,
    /// undone) through one index, with removals in one pass, so that a step costs O(n), not
    /// O(n²). A document is removed only when it is a user document that no placed annotation is on
    /// any more, after the step's other changes (so that undoing an import takes back the
    /// documents it brought, but never one that holds other work).
    pub fn apply(&mut self, changes: &[Change]) -> Applied {
        let mut applied = Applied {
            effects: Vec::with_capacity(changes.len()),
            ..Applied::default()
        };
        let many = changes
            .iter()
            .filter(|c| matches!(c, Change::Annotation { .. }))
            .count()
            > 1;
        let index: HashMap<String, usize> = if many {
            self.annotations
                .iter()
                .enumerate()
                .map(|(i, a)| (a.id.clone(), i))
                .collect()
        } else {
            HashMap::new()
        };
        let mut documents_to_remove = Vec::new();
        // Orphans are changed through one set of their ids, built at the first orphan
        // change, and removed in one pass: placing 10,000 waiting orphans costs O(n).
        let mut orphan_ids: Option<HashSet<String>> = None;
        let mut orphans_gone: HashSet<String> = HashSet::new();
        for c in changes {
            if let Change::Batch(b) = c {
                self.apply_batch(b, &mut applied);
                continue;
            }
            if let Change::Codebook { after, .. } = c {
                self.codebook = after.clone();
                applied.effects.push(Effect::SaveCodebook);
                continue;
            }
            let Some(id) = c.id() else {
                continue;
            };
            match c {
                Change::Annotation { after, .. } => {
                    let at = if many {
                        index.get(id).copied()
                    } else {
                        self.annotations.iter().position(|a| a.id == id)
                    };
                    match (after, at) {
                        (Some(after), Some(i)) => {
                            Arc::make_mut(&mut self.annotations)[i] = after.clone();
                            applied.effects.push(Effect::SaveAnnotation(after.clone()));
                        }
                        (Some(after), None) => {
                            Arc::make_mut(&mut self.annotations).push(after.clone());
                            applied.effects.push(Effect::SaveAnnotation(after.clone()));
                        }
                        (None, Some(_)) => {
                            applied
                                .effects
                                .push(Effect::DeleteAnnotation(id.to_string()));
                            applied.removed.insert(id.to_string());
                        }
                        (None, None) => {}
                    }
                }
                Change::Orphan {
                    after: Some(after), ..
                } => {
                    // An orphan removed earlier in the step may come back: removals first.
                    self.drop_orphans(&mut orphans_gone);
                    let ids = orphan_ids.get_or_insert_with(|| self.orphan_ids());
                    if ids.insert(after.id.clone()) {
                        Arc::make_mut(&mut self.orphans).push(after.clone());
                        applied.effects.push(Effect::SaveAnnotation(after.clone()));
                    }
                }
                Change::Orphan { after: None, .. } => {
                    let ids = orphan_ids.get_or_insert_with(|| self.orphan_ids());
                    if ids.remove(id) {
                        applied
                            .effects
                            .push(Effect::DeleteAnnotation(id.to_string()));
                        orphans_gone.insert(id.to_string());
                    }
                }
                Change::Document {
                    after: Some(after), ..
                } => {
                    if self.add_document(after.clone()) {
                        applied.effects.push(Effect::SaveDocument(id.to_string()));
                    }
                }
                Change::Document { after: None, .. } => documents_to_remove.push(id.to_string()),
                // Applied above.
                Change::Batch(_) | Change::Codebook { .. } => {}
            }
        }
        self.drop_orphans(&mut orphans_gone);
        if !applied.removed.is_empty() {
            let gone = &applied.removed;
            Arc::make_mut(&mut self.annotations).retain(|a| !gone.contains(&a.id));
        }
        for id in documents_to_remove {
            // Orphans do not hold a document: without it they wait for its text, as they
            // did before it came (an import that placed waiting orphans, undone).
            let in_use = self.annotations.iter().any(|a| a.document == id);
            let is_user = self.document(&id).is_some_and(|d| d.origin == Origin::User);
            if is_user && !in_use {
                self.documents.retain(|d| d.id != id);
                applied.effects.push(Effect::DeleteDocument(id.clone()));
                applied.removed_documents.push(id);
            }
        }
        applied
    }
}

/// How many of `annotations` in a document carry each tag, in codebook order; tags with
/// none are left out.
pub fn tag_counts(
    annotations: &[Annotation],
    document: &str,
) -> Vec<(&'static codebook::Tag, usize)> {
    let mut counts = [0usize; codebook::TAGS.len()];
    for a in annotations.iter().filter(|a| a.document == document) {
        for t in &a.tags {
            if let Some(i) = codebook::index_of(t) {
                counts[i] += 1;
            }
        }
    }
    codebook::TAGS
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::Draft;

    #[test]
    fn the_users_documents_are_listed_by_title_in_any_order_they_come_in() {
        let doc = |id: &str, title: &str| Document::from_paste(id.into(), title, "text").unwrap();
        let titles = |l: &Library| -> Vec<String> {
            l.user_documents()
                .iter()
                .map(|d| format!("{} {}", d.title, d.id))
                .collect()
        };
        let docs = [
            doc("c", "beta"),
            doc("a", "Alpha"),
            doc("b", "beta"),
            doc("d", "Zeta"),
        ];
        let mut one = Library::default();
        let mut two = Library::default();
        for d in docs.iter().cloned() {
            one.add_document(d);
        }
        for d in docs.iter().rev().cloned() {
            two.add_document(d);
        }
        assert_eq!(titles(&one), ["Alpha a", "beta b", "beta c", "Zeta d"]);
        assert_eq!(titles(&one), titles(&two));
    }

    #[test]
    fn a_document_put_in_takes_the_place_of_the_one_with_its_id() {
        let mut l = Library::default();
        let seed = l.documents()[0].clone();
        let n = l.documents().len();
        l.put_document(Document {
            text: crate::text::DocText::new("other"),
            ..seed.clone()
        });
        assert_eq!(l.documents().len(), n);
        assert_eq!(l.document(&seed.id).unwrap().text.as_str(), "other");
        l.put_document(Document {
            id: "u1".into(),
            ..seed
        });
        assert_eq!(l.documents().len(), n + 1);
    }

    fn library_with(text: &str) -> Library {
        let mut l = Library::default();
        l.add_document(Document::from_paste("u1".into(), "Mine", text).unwrap());
        l
    }

    fn make(l: &Library, id: &str, start: usize, end: usize) -> Annotation {
        let doc = l.document("u1").unwrap();
        let draft = Draft {
            document: "u1".into(),
            start: Cp(start),
            end: Cp(end),
            tags: vec!["objective-1".into()],
            note: String::new(),
        };
        Annotation::new(id.into(), draft, &doc.text, "Ana", 1).unwrap()
    }

    #[test]
    fn counts_by_document_counts_each_documents_annotations() {
        let mut l = library_with("alpha beta gamma");
        l.add_document(Document::from_paste("u2".into(), "Other", "delta").unwrap());
        let mut c = make(&l, "c", 0, 5);
        c.document = "u2".into();
        let d = make(&l, "d", 11, 16);
        l.extend(vec![make(&l, "a", 0, 5), make(&l, "b", 6, 10), c, d]);
        let counts = l.counts_by_document();
        assert_eq!(counts.get("u1"), Some(&3));
        assert_eq!(counts.get("u2"), Some(&1));
        assert_eq!(counts.len(), 2);
    }

    #[test]
    fn a_step_of_many_changes_adds_edits_and_removes_in_one_pass() {
        let mut l = library_with("alpha beta gamma");
        let (a, b) = (make(&l, "a", 0, 5), make(&l, "b", 6, 10));
        l.apply(&[Change::created(a.clone()), Change::created(b.clone())]);
        assert_eq!(l.annotations().len(), 2);
        let edited = Annotation {
            note: "n".into(),
            ..a.clone()
        };
        let done = l.apply(&[
            Change::edited(a.clone(), Some(edited.clone())),
            Change::edited(b.clone(), None),
        ]);
        assert_eq!(l.annotations().as_slice(), [edited]);
        assert!(done.removed.contains("b"));
        assert!(done.effects.contains(&Effect::DeleteAnnotation("b".into())));
    }

    #[test]
    fn neighbours_wrap_around_in_text_order() {
        let mut l = library_with("alpha beta gamma");
        l.apply(&[Change::created(make(&l, "b", 6, 10))]);
        l.apply(&[Change::created(make(&l, "a", 0, 5))]);
        let id = |a: Option<&Annotation>| a.map(|a| a.id.clone());
        assert_eq!(id(l.neighbour("u1", None, true)).as_deref(), Some("a"));
        assert_eq!(id(l.neighbour("u1", Some("b"), true)).as_deref(), Some("a"));
        assert_eq!(
            id(l.neighbour("u1", Some("a"), false)).as_deref(),
            Some("b")
        );
        assert_eq!(id(l.neighbour("nope", None, true)), None);
    }
}
