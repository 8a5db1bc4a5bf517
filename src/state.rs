//! The app state and its reducer: every change a user makes is an [`Action`] applied by
//! [`Model::apply`], which returns the [`Effect`]s the shell must carry out (saving). Pure
//! Rust, tested natively; the browser shell only dispatches actions and performs effects.

use crate::annotation::{normalize_tags, text_order, Annotation, Draft, Millis};
use crate::codebook;
use crate::document::{Document, Origin};
use crate::text::Cp;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// How many recently used tags the palette lists on top.
pub const RECENT_TAGS: usize = 6;

/// How many steps undo remembers. 200 covers a long session; a step is one annotation's
/// change, or every annotation one import added.
pub const UNDO_DEPTH: usize = 200;

/// Settings that persist across sessions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The annotator's name, written into every annotation. Asked once.
    #[serde(default)]
    pub annotator: String,
    /// Most recently used tag ids, most recent first.
    #[serde(default)]
    pub recent_tags: Vec<String>,
}

/// A selection in the open document waiting for tags.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    pub document: String,
    pub start: Cp,
    pub end: Cp,
    pub quote: String,
}

/// What the annotation list shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Show annotations carrying any of these tags; all when empty.
    pub tags: Vec<String>,
    /// Show annotations whose quote or note contains this, ignoring case.
    pub query: String,
}

/// How much a notice matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Info,
    Error,
}

/// A message to the user, shown until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub id: u64,
    pub level: Level,
    pub text: String,
    /// Offer an Undo button (after a delete).
    pub offers_undo: bool,
    /// Offer an Export button (after a failed save).
    pub offers_export: bool,
}

/// What the side panel shows beside an open document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Panel {
    /// The annotation list.
    #[default]
    Annotations,
    /// Several annotators compared.
    Compare,
    /// Passages the app proposes to tag.
    Suggestions,
}

/// How far a long task has come.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// What is being done, such as `Importing “a.json”`.
    pub label: String,
    pub done: usize,
    pub total: usize,
}

/// One undoable step: an annotation before and after it. `None` before is a creation,
/// `None` after a deletion.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Change {
    before: Option<Annotation>,
    after: Option<Annotation>,
}

/// What the shell must do after an action: keep the browser's copy in step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    SaveAnnotation(Annotation),
    DeleteAnnotation(String),
    /// Save the user document with this id (its text and title).
    SaveDocument(String),
    DeleteDocument(String),
    /// Save settings and the open document.
    SaveSettings,
}

/// What was found in the browser's storage at start-up.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Restored {
    pub documents: Vec<Document>,
    pub annotations: Vec<Annotation>,
    pub orphans: Vec<Annotation>,
    pub settings: Settings,
    pub open: Option<String>,
}

/// Everything the app shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// The library: seeds first, then the user's documents.
    pub documents: Vec<Document>,
    /// Annotations of every document. Shared until changed (`Arc::make_mut`): the app clones
    /// its state on every action, and most (selecting, opening the palette) leave them alone.
    pub annotations: Arc<Vec<Annotation>>,
    /// Annotations that could not be placed in their document's text (an import whose
    /// passage is gone, a document not in this browser). Kept, listed, never dropped.
    /// Shared like `annotations`, so that the list can tell in O(1) whether they changed.
    pub orphans: Arc<Vec<Annotation>>,
    /// The id of the document being read, if any.
    pub open: Option<String>,
    pub settings: Settings,
    /// A selection waiting for tags.
    pub pending: Option<Pending>,
    /// The annotation whose tags and note the palette is editing.
    pub editing: Option<String>,
    /// The annotation marked in the text and the list.
    pub selected: Option<String>,
    pub filter: Filter,
    pub notices: Vec<Notice>,
    /// A long task under way.
    pub progress: Option<Progress>,
    /// What the side panel shows beside an open document (the palette takes over while tagging).
    pub panel: Panel,
    /// Passages the side panel points at in the open document: suggestions, or where
    /// annotators disagree. Marked in the text; never saved.
    pub marked: Vec<(Cp, Cp)>,
    /// Passages every compared annotator tagged alike, marked apart from `marked`.
    pub agreed: Vec<(Cp, Cp)>,
    undo: Vec<Arc<Vec<Change>>>,
    redo: Vec<Arc<Vec<Change>>>,
    next_notice: u64,
}

/// A change to the [`Model`].
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Show this document; unknown ids are ignored.
    OpenDocument(String),
    /// Go back to the library.
    CloseDocument,
    /// The reader selected a span of the open document; whitespace is trimmed and an empty
    /// span clears the pending selection.
    Propose {
        start: Cp,
        end: Cp,
    },
    /// Forget the pending selection.
    CancelPending,
    /// Tag the pending selection.
    Create {
        id: String,
        tags: Vec<String>,
        note: String,
        now: Millis,
    },
    /// Open the palette on an existing annotation.
    StartEdit(String),
    CancelEdit,
    /// Replace an annotation's tags and note.
    Update {
        id: String,
        tags: Vec<String>,
        note: String,
        now: Millis,
    },
    Delete(String),
    /// Delete an orphan (an annotation that could not be placed).
    DeleteOrphan(String),
    /// Add what an import planned: documents, annotations, orphans; and say what happened.
    Import(Box<crate::formats::import::Plan>),
    /// Show how far a long task has come (an import), or that it is over.
    Progress(Option<Progress>),
    /// Choose what the side panel shows.
    ShowPanel(Panel),
    /// Mark passages in the text (the side panel's suggestions or disagreements).
    Mark(Vec<(Cp, Cp)>),
    /// Mark passages where every compared annotator agrees.
    MarkAgreed(Vec<(Cp, Cp)>),
    Undo,
    Redo,
    /// Mark an annotation (or none).
    Select(Option<String>),
    ToggleFilterTag(String),
    SetQuery(String),
    ClearFilter,
    SetAnnotator(String),
    /// Add the user's documents to the library and open the first.
    AddDocuments(Vec<Document>),
    RenameDocument {
        id: String,
        title: String,
    },
    /// Delete a user document and its annotations (the shell asks for confirmation first).
    DeleteDocument(String),
    Notify(Level, String),
    /// Tell the user that saving failed: the work stays in memory and can be exported.
    SaveFailed(String),
    /// Tell the user that the browser offers no storage at all (site data blocked, some
    /// private windows): the app works in memory, and export is the only way to keep work.
    StorageUnavailable(String),
    Dismiss(u64),
    /// Load what storage held at start-up.
    Restore(Restored),
}

impl Default for Model {
    fn default() -> Self {
        Model {
            documents: Document::seeds(),
            annotations: Arc::new(Vec::new()),
            orphans: Arc::default(),
            open: None,
            settings: Settings::default(),
            pending: None,
            editing: None,
            selected: None,
            filter: Filter::default(),
            notices: Vec::new(),
            progress: None,
            panel: Panel::Annotations,
            marked: Vec::new(),
            agreed: Vec::new(),
            undo: Vec::new(),
            redo: Vec::new(),
            next_notice: 1,
        }
    }
}

impl Model {
    /// Applies an action in place and returns what must be saved.
    pub fn apply(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::OpenDocument(id) => {
                if self.document(&id).is_none() || self.open.as_deref() == Some(id.as_str()) {
                    return vec![];
                }
                self.open = Some(id);
                self.pending = None;
                self.editing = None;
                self.selected = None;
                self.marked.clear();
                self.agreed.clear();
                vec![Effect::SaveSettings]
            }
            Action::CloseDocument => {
                self.open = None;
                self.pending = None;
                self.editing = None;
                vec![Effect::SaveSettings]
            }
            Action::Propose { start, end } => {
                self.pending = self.open_document().and_then(|doc| {
                    let (start, end) = crate::annotation::trim_span(&doc.text, start, end)?;
                    Some(Pending {
                        document: doc.id.clone(),
                        start,
                        end,
                        quote: doc.text.slice(start, end)?.to_string(),
                    })
                });
                if self.pending.is_some() {
                    self.editing = None;
                }
                vec![]
            }
            Action::CancelPending => {
                self.pending = None;
                vec![]
            }
            Action::Create {
                id,
                tags,
                note,
                now,
            } => self.create(id, tags, note, now),
            Action::StartEdit(id) => {
                if self.annotation(&id).is_some() {
                    self.pending = None;
                    self.selected = Some(id.clone());
                    self.editing = Some(id);
                }
                vec![]
            }
            Action::CancelEdit => {
                self.editing = None;
                vec![]
            }
            Action::Update {
                id,
                tags,
                note,
                now,
            } => self.update(id, tags, note, now),
            Action::Delete(id) => {
                let Some(before) = self.annotation(&id).cloned() else {
                    return vec![];
                };
                if self.editing.as_deref() == Some(id.as_str()) {
                    self.editing = None;
                }
                let effects = self.record(Change {
                    before: Some(before),
                    after: None,
                });
                self.notify_with(Level::Info, "Annotation deleted.".into(), true, false);
                effects
            }
            Action::DeleteOrphan(id) => {
                if !self.orphans.iter().any(|o| o.id == id) {
                    return vec![];
                }
                Arc::make_mut(&mut self.orphans).retain(|o| o.id != id);
                vec![Effect::DeleteAnnotation(id)]
            }
            Action::Import(plan) => self.import(*plan),
            Action::Progress(p) => {
                self.progress = p;
                vec![]
            }
            Action::ShowPanel(p) => {
                if p != self.panel {
                    self.marked.clear();
                    self.agreed.clear();
                }
                self.panel = p;
                vec![]
            }
            Action::Mark(spans) => {
                self.marked = spans;
                vec![]
            }
            Action::MarkAgreed(spans) => {
                self.agreed = spans;
                vec![]
            }
            Action::Undo => match self.undo.pop() {
                Some(step) => {
                    let inverse: Vec<Change> = step
                        .iter()
                        .rev()
                        .map(|c| Change {
                            before: c.after.clone(),
                            after: c.before.clone(),
                        })
                        .collect();
                    let effects = self.put_all(&inverse);
                    self.redo.push(step);
                    self.drop_undo_offers();
                    effects
                }
                None => vec![],
            },
            Action::Redo => match self.redo.pop() {
                Some(step) => {
                    let effects = self.put_all(&step);
                    self.undo.push(step);
                    effects
                }
                None => vec![],
            },
            Action::Select(id) => {
                self.selected = id.filter(|id| self.annotation(id).is_some());
                vec![]
            }
            Action::ToggleFilterTag(tag) => {
                if let Some(i) = self.filter.tags.iter().position(|t| *t == tag) {
                    self.filter.tags.remove(i);
                } else if codebook::tag(&tag).is_some() {
                    self.filter.tags.push(tag);
                }
                vec![]
            }
            Action::SetQuery(q) => {
                self.filter.query = q;
                vec![]
            }
            Action::ClearFilter => {
                self.filter = Filter::default();
                vec![]
            }
            Action::SetAnnotator(name) => {
                let name = name.trim().to_string();
                if name == self.settings.annotator {
                    return vec![];
                }
                self.settings.annotator = name;
                vec![Effect::SaveSettings]
            }
            Action::AddDocuments(docs) => {
                let mut effects = Vec::new();
                let mut first = None;
                for doc in docs {
                    if self.document(&doc.id).is_some() {
                        continue;
                    }
                    first.get_or_insert_with(|| doc.id.clone());
                    effects.push(Effect::SaveDocument(doc.id.clone()));
                    self.documents.push(doc);
                }
                if let Some(id) = first {
                    effects.extend(self.apply(Action::OpenDocument(id)));
                }
                effects
            }
            Action::RenameDocument { id, title } => {
                let title = title.trim().to_string();
                match self.documents.iter_mut().find(|d| d.id == id) {
                    Some(doc) if doc.origin == Origin::User && !title.is_empty() => {
                        doc.title = title;
                        vec![Effect::SaveDocument(id)]
                    }
                    _ => vec![],
                }
            }
            Action::DeleteDocument(id) => self.delete_document(id),
            Action::Notify(level, text) => {
                self.notify_with(level, text, false, false);
                vec![]
            }
            Action::SaveFailed(reason) => {
                let text = format!(
                    "Your latest changes could not be saved in this browser ({reason}). They are kept while this page stays open: export them to keep a copy."
                );
                if !self.notices.iter().any(|n| n.offers_export) {
                    self.notify_with(Level::Error, text, false, true);
                }
                vec![]
            }
            Action::StorageUnavailable(reason) => {
                let text = format!(
                    "This browser is not letting the app keep anything ({reason}); site data may be blocked for this page. You can work as usual, but nothing is kept once this page closes: export your work to keep a copy."
                );
                if !self.notices.iter().any(|n| n.offers_export) {
                    self.notify_with(Level::Error, text, false, true);
                }
                vec![]
            }
            Action::Dismiss(id) => {
                self.notices.retain(|n| n.id != id);
                vec![]
            }
            Action::Restore(restored) => {
                for doc in restored.documents {
                    if self.document(&doc.id).is_none() {
                        self.documents.push(doc);
                    }
                }
                self.annotations = Arc::new(restored.annotations);
                self.orphans = Arc::new(restored.orphans);
                self.settings = restored.settings;
                self.open = restored.open.filter(|id| self.document(id).is_some());
                vec![]
            }
        }
    }

    fn create(&mut self, id: String, tags: Vec<String>, note: String, now: Millis) -> Vec<Effect> {
        let Some(pending) = self.pending.clone() else {
            return vec![];
        };
        let Some(doc) = self.document(&pending.document) else {
            return vec![];
        };
        let draft = Draft {
            document: pending.document.clone(),
            start: pending.start,
            end: pending.end,
            tags,
            note,
        };
        match Annotation::new(id, draft, &doc.text, &self.settings.annotator, now) {
            Ok(a) => {
                self.pending = None;
                self.selected = Some(a.id.clone());
                self.remember_tags(&a.tags);
                let mut effects = self.record(Change {
                    before: None,
                    after: Some(a),
                });
                effects.push(Effect::SaveSettings);
                effects
            }
            Err(e) => {
                self.notify_with(Level::Error, format!("Not saved: {e}."), false, false);
                vec![]
            }
        }
    }

    fn import(&mut self, mut plan: crate::formats::import::Plan) -> Vec<Effect> {
        let mut effects = Vec::new();
        // Worded before the annotations are moved out of the plan.
        let mut summary = plan.summary();
        let first_doc = plan
            .annotations
            .first()
            .map(|a| a.document.clone())
            .or_else(|| plan.new_documents.first().map(|d| d.id.clone()));
        for doc in plan.new_documents.iter().cloned() {
            if self.document(&doc.id).is_none() {
                effects.push(Effect::SaveDocument(doc.id.clone()));
                self.documents.push(doc);
            }
        }
        // Planned against an earlier state (several files in a row, or edits while a long
        // import was placed): check again, in constant time per annotation (an import can
        // hold 10,000). When the annotations are still the very ones the plan was checked
        // against, nothing can be a duplicate that the plan did not already skip.
        let unchanged = plan
            .against
            .take()
            .is_some_and(|a| Arc::ptr_eq(&a, &self.annotations));
        let mut seen = (!unchanged).then(|| crate::annotation::Seen::of(self.annotations.iter()));
        let mut skipped_now = 0;
        let mut step = Vec::with_capacity(plan.annotations.len());
        effects.reserve(plan.annotations.len());
        Arc::make_mut(&mut self.annotations).reserve(plan.annotations.len());
        for a in std::mem::take(&mut plan.annotations) {
            if let Some(seen) = &mut seen {
                if !seen.admit(&a.id, &a.document, a.start, a.end, &a.tags) {
                    skipped_now += 1;
                    continue;
                }
            }
            effects.push(Effect::SaveAnnotation(a.clone()));
            step.push(Change {
                before: None,
                after: Some(a.clone()),
            });
            Arc::make_mut(&mut self.annotations).push(a);
        }
        // The whole import is one step: Undo takes back what this file added (documents it
        // brought and orphans stay, listed, for the user to delete).
        self.remember_step(step);
        for o in plan.orphans.iter().cloned() {
            if !self.orphans.iter().any(|x| x.id == o.id) {
                effects.push(Effect::SaveAnnotation(o.clone()));
                Arc::make_mut(&mut self.orphans).push(o);
            }
        }
        if skipped_now > 0 {
            summary.push_str(&format!(
                " {skipped_now} more were already here from a file imported just before."
            ));
        }
        self.notify_with(Level::Info, summary, false, false);
        if self.open.is_none() {
            if let Some(id) = first_doc.filter(|id| self.document(id).is_some()) {
                effects.extend(self.apply(Action::OpenDocument(id)));
            }
        }
        effects
    }

    /// The orphans of a document.
    pub fn orphans_of(&self, document: &str) -> Vec<&Annotation> {
        self.orphans
            .iter()
            .filter(|a| a.document == document)
            .collect()
    }

    fn update(&mut self, id: String, tags: Vec<String>, note: String, now: Millis) -> Vec<Effect> {
        let Some(before) = self.annotation(&id).cloned() else {
            return vec![];
        };
        let tags = match normalize_tags(&tags) {
            Ok(t) => t,
            Err(e) => {
                self.notify_with(Level::Error, format!("Not saved: {e}."), false, false);
                return vec![];
            }
        };
        let note = note.trim().to_string();
        self.editing = None;
        if tags == before.tags && note == before.note {
            return vec![];
        }
        self.remember_tags(&tags);
        let after = Annotation {
            tags,
            note,
            updated: now.max(before.updated),
            ..before.clone()
        };
        let mut effects = self.record(Change {
            before: Some(before),
            after: Some(after),
        });
        effects.push(Effect::SaveSettings);
        effects
    }

    fn delete_document(&mut self, id: String) -> Vec<Effect> {
        let is_user_doc = self.document(&id).is_some_and(|d| d.origin == Origin::User);
        if !is_user_doc {
            return vec![];
        }
        self.documents.retain(|d| d.id != id);
        let mut effects: Vec<Effect> = self
            .annotations
            .iter()
            .filter(|a| a.document == id)
            .map(|a| Effect::DeleteAnnotation(a.id.clone()))
            .collect();
        Arc::make_mut(&mut self.annotations).retain(|a| a.document != id);
        effects.extend(
            self.orphans
                .iter()
                .filter(|a| a.document == id)
                .map(|a| Effect::DeleteAnnotation(a.id.clone())),
        );
        if self.orphans.iter().any(|a| a.document == id) {
            Arc::make_mut(&mut self.orphans).retain(|a| a.document != id);
        }
        // Steps that would bring back an annotation of the deleted document are dropped.
        let of_doc = |c: &Change| {
            c.before
                .as_ref()
                .or(c.after.as_ref())
                .is_some_and(|a| a.document == id)
        };
        self.undo.retain(|step| !step.iter().any(of_doc));
        self.redo.retain(|step| !step.iter().any(of_doc));
        if self.open.as_deref() == Some(id.as_str()) {
            self.open = None;
            self.pending = None;
            self.editing = None;
            self.selected = None;
        }
        effects.push(Effect::DeleteDocument(id));
        effects.push(Effect::SaveSettings);
        effects
    }

    /// Applies a new change, makes it undoable, and forgets what could be redone.
    fn record(&mut self, change: Change) -> Vec<Effect> {
        let effects = self.put(&change);
        self.remember_step(vec![change]);
        effects
    }

    /// Makes an applied step undoable, and forgets what could be redone.
    fn remember_step(&mut self, step: Vec<Change>) {
        if step.is_empty() {
            return;
        }
        self.undo.push(Arc::new(step));
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Applies a whole step. One change goes through [`Model::put`]; many (an import of
    /// 10,000, undone) find their annotations through one index and remove in one pass, so
    /// the step costs O(n), not O(n²).
    fn put_all(&mut self, changes: &[Change]) -> Vec<Effect> {
        if let [one] = changes {
            return self.put(one);
        }
        let index: HashMap<String, usize> = self
            .annotations
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let mut effects = Vec::with_capacity(changes.len());
        let mut gone: HashSet<String> = HashSet::new();
        for c in changes {
            let Some(id) = c.after.as_ref().or(c.before.as_ref()).map(|a| a.id.clone()) else {
                continue;
            };
            match (&c.after, index.get(&id)) {
                (Some(after), Some(&i)) => {
                    Arc::make_mut(&mut self.annotations)[i] = after.clone();
                    effects.push(Effect::SaveAnnotation(after.clone()));
                }
                (Some(after), None) => {
                    Arc::make_mut(&mut self.annotations).push(after.clone());
                    effects.push(Effect::SaveAnnotation(after.clone()));
                }
                (None, Some(_)) => {
                    effects.push(Effect::DeleteAnnotation(id.clone()));
                    gone.insert(id);
                }
                (None, None) => {}
            }
        }
        if !gone.is_empty() {
            Arc::make_mut(&mut self.annotations).retain(|a| !gone.contains(&a.id));
            if self.selected.as_ref().is_some_and(|id| gone.contains(id)) {
                self.selected = None;
            }
            if self.editing.as_ref().is_some_and(|id| gone.contains(id)) {
                self.editing = None;
            }
        }
        effects
    }

    /// Makes the annotation set match `change.after`.
    fn put(&mut self, change: &Change) -> Vec<Effect> {
        let id = change
            .after
            .as_ref()
            .or(change.before.as_ref())
            .map(|a| a.id.clone())
            .unwrap_or_default();
        let index = self.annotations.iter().position(|a| a.id == id);
        match (&change.after, index) {
            (Some(after), Some(i)) => {
                Arc::make_mut(&mut self.annotations)[i] = after.clone();
                vec![Effect::SaveAnnotation(after.clone())]
            }
            (Some(after), None) => {
                Arc::make_mut(&mut self.annotations).push(after.clone());
                self.selected = Some(after.id.clone());
                vec![Effect::SaveAnnotation(after.clone())]
            }
            (None, Some(i)) => {
                Arc::make_mut(&mut self.annotations).remove(i);
                if self.selected.as_deref() == Some(id.as_str()) {
                    self.selected = None;
                }
                if self.editing.as_deref() == Some(id.as_str()) {
                    self.editing = None;
                }
                vec![Effect::DeleteAnnotation(id)]
            }
            (None, None) => vec![],
        }
    }

    fn remember_tags(&mut self, tags: &[String]) {
        let recent = &mut self.settings.recent_tags;
        for t in tags.iter().rev() {
            recent.retain(|r| r != t);
            recent.insert(0, t.clone());
        }
        recent.truncate(RECENT_TAGS);
    }

    fn notify_with(&mut self, level: Level, text: String, offers_undo: bool, offers_export: bool) {
        if offers_undo {
            self.drop_undo_offers();
        }
        let id = self.next_notice;
        self.next_notice += 1;
        self.notices.push(Notice {
            id,
            level,
            text,
            offers_undo,
            offers_export,
        });
        // Keep the last few: a long session must not pile up messages.
        if self.notices.len() > 4 {
            self.notices.remove(0);
        }
    }

    fn drop_undo_offers(&mut self) {
        self.notices.retain(|n| !n.offers_undo);
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// The document being read.
    pub fn open_document(&self) -> Option<&Document> {
        self.open.as_deref().and_then(|id| self.document(id))
    }

    /// The annotation with this id.
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
        list.sort_by(|a, b| text_order(a, b));
        list
    }

    /// The annotations of a document that cover offset `at`, shortest first (the innermost
    /// of overlapping passages is the one a click most likely means).
    pub fn annotations_at(&self, document: &str, at: Cp) -> Vec<&Annotation> {
        let mut hits: Vec<&Annotation> = self
            .annotations
            .iter()
            .filter(|a| a.document == document && a.covers(at))
            .collect();
        hits.sort_by_key(|a| (a.end.0 - a.start.0, a.start));
        hits
    }

    /// The annotation after (or before) the selected one in text order, wrapping around:
    /// how the keyboard moves between highlights.
    pub fn neighbour(&self, document: &str, forward: bool) -> Option<String> {
        let list = self.annotations_of(document);
        if list.is_empty() {
            return None;
        }
        let current = self
            .selected
            .as_deref()
            .and_then(|id| list.iter().position(|a| a.id == id));
        let next = match (current, forward) {
            (None, true) => 0,
            (None, false) => list.len() - 1,
            (Some(i), true) => (i + 1) % list.len(),
            (Some(i), false) => (i + list.len() - 1) % list.len(),
        };
        Some(list[next].id.clone())
    }

    /// The recently used tags, then every other tag: the palette's order.
    pub fn palette_order(&self) -> Vec<&'static codebook::Tag> {
        let recent: Vec<&'static codebook::Tag> = self
            .settings
            .recent_tags
            .iter()
            .filter_map(|t| codebook::tag(t))
            .collect();
        recent
            .iter()
            .copied()
            .chain(codebook::TAGS.iter().filter(|t| !recent.contains(t)))
            .collect()
    }
}

/// How well a tag matches what was typed into the palette's search box: `Some(0)` when
/// every word typed appears (ignoring case) in its number or name, `Some(1)` when some only
/// appear in its full title, `None` when a word appears nowhere. A number matches the
/// objective with that number only, not the `1` in `17`. `17`, `disc` and `human rights`
/// all find what a reader expects, first.
pub fn tag_match(tag: &codebook::Tag, query: &str) -> Option<u8> {
    let name = format!("{} {}", tag.label(), tag.id.replace('-', " ")).to_lowercase();
    let title = tag.title.to_lowercase();
    let mut rank = 0;
    for word in query.to_lowercase().split_whitespace() {
        if let Ok(n) = word.parse::<u8>() {
            if tag.kind != codebook::TagKind::Objective || tag.number != n {
                return None;
            }
        } else if !name.contains(word) {
            if !title.contains(word) {
                return None;
            }
            rank = 1;
        }
    }
    Some(rank)
}

/// The tags matching `query`, best matches first, each group in the order given.
pub fn search_tags(order: &[&'static codebook::Tag], query: &str) -> Vec<&'static codebook::Tag> {
    let mut hits: Vec<(u8, usize, &'static codebook::Tag)> = order
        .iter()
        .enumerate()
        .filter_map(|(i, t)| tag_match(t, query).map(|r| (r, i, *t)))
        .collect();
    hits.sort_by_key(|(r, i, _)| (*r, *i));
    hits.into_iter().map(|(_, _, t)| t).collect()
}

/// The annotations of a document that `filter` lets through, in text order, as positions
/// in `annotations`. Filters first, so that only what is shown is sorted.
pub fn visible_positions(
    annotations: &[Annotation],
    filter: &Filter,
    document: &str,
) -> Vec<usize> {
    let query = filter.query.trim().to_lowercase();
    let mut list: Vec<(usize, &Annotation)> = annotations
        .iter()
        .enumerate()
        .filter(|(_, a)| a.document == document)
        .filter(|(_, a)| filter.tags.is_empty() || a.tags.iter().any(|t| filter.tags.contains(t)))
        .filter(|(_, a)| {
            query.is_empty()
                || a.quote.to_lowercase().contains(&query)
                || a.note.to_lowercase().contains(&query)
        })
        .collect();
    list.sort_by(|(_, a), (_, b)| text_order(a, b));
    list.into_iter().map(|(i, _)| i).collect()
}

/// How many annotations of a document carry each tag, in codebook order; tags with none
/// are left out.
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
    use crate::document::Document;

    const HOSTILE: &str =
        "Intro 😀 e\u{301} مرحبا\r\nLes droits des migrants’ sont protégés.\r\nEnd";

    fn model_with_doc(text: &str) -> Model {
        let mut m = Model::default();
        let doc = Document::from_paste("u1".into(), "Mine", text).unwrap();
        m.apply(Action::AddDocuments(vec![doc]));
        m
    }

    fn create(m: &mut Model, id: &str, start: usize, end: usize, tags: &[&str]) -> Vec<Effect> {
        m.apply(Action::Propose {
            start: Cp(start),
            end: Cp(end),
        });
        m.apply(Action::Create {
            id: id.into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            note: String::new(),
            now: 1,
        })
    }

    #[test]
    fn starts_on_the_library_with_the_five_seeds() {
        let m = Model::default();
        assert_eq!(m.documents.len(), 5);
        assert!(m.open_document().is_none());
    }

    #[test]
    fn opens_and_closes_a_document() {
        let mut m = Model::default();
        let id = m.documents[4].id.clone();
        assert_eq!(
            m.apply(Action::OpenDocument(id.clone())),
            vec![Effect::SaveSettings]
        );
        assert_eq!(m.open_document().unwrap().title, "Global Migration Group");
        m.apply(Action::CloseDocument);
        assert!(m.open.is_none());
        m.apply(Action::OpenDocument("nope".into()));
        assert!(m.open.is_none());
    }

    #[test]
    fn a_selection_after_hostile_text_is_tagged_with_exact_code_point_offsets() {
        let mut m = model_with_doc(HOSTILE);
        let chars: Vec<char> = HOSTILE.chars().collect();
        let start = HOSTILE
            .find("droits")
            .map(|b| HOSTILE[..b].chars().count())
            .unwrap();
        let end = start + "droits des migrants’".chars().count();
        let effects = create(&mut m, "a1", start, end, &["objective-17", "objective-16"]);
        let a = m.annotation("a1").unwrap();
        assert_eq!(a.quote, "droits des migrants’");
        assert_eq!(
            chars[a.start.0..a.end.0].iter().collect::<String>(),
            a.quote
        );
        assert_eq!(a.tags, ["objective-16", "objective-17"]);
        assert!(effects.contains(&Effect::SaveAnnotation(a.clone())));
        assert_eq!(m.selected.as_deref(), Some("a1"));
        assert!(m.pending.is_none());
        assert_eq!(
            m.settings.recent_tags[..2],
            ["objective-16", "objective-17"]
        );
    }

    #[test]
    fn undo_and_redo_reverse_create_edit_and_delete() {
        let mut m = model_with_doc(HOSTILE);
        create(&mut m, "a1", 0, 5, &["objective-1"]);
        m.apply(Action::Update {
            id: "a1".into(),
            tags: vec!["objective-2".into()],
            note: "a note".into(),
            now: 2,
        });
        let edited = m.annotation("a1").unwrap().clone();
        m.apply(Action::Delete("a1".into()));
        assert!(m.annotation("a1").is_none());
        assert!(m.notices.iter().any(|n| n.offers_undo));

        assert_eq!(m.apply(Action::Undo), vec![Effect::SaveAnnotation(edited)]);
        assert_eq!(m.annotation("a1").unwrap().note, "a note");
        assert!(!m.notices.iter().any(|n| n.offers_undo));
        m.apply(Action::Undo);
        assert_eq!(m.annotation("a1").unwrap().tags, ["objective-1"]);
        assert_eq!(
            m.apply(Action::Undo),
            vec![Effect::DeleteAnnotation("a1".into())]
        );
        assert!(m.annotations.is_empty());
        assert!(!m.can_undo());

        m.apply(Action::Redo);
        m.apply(Action::Redo);
        assert_eq!(m.annotation("a1").unwrap().note, "a note");
        m.apply(Action::Redo);
        assert!(m.annotation("a1").is_none());
        assert!(!m.can_redo());
    }

    #[test]
    fn a_new_change_clears_redo() {
        let mut m = model_with_doc(HOSTILE);
        create(&mut m, "a1", 0, 5, &["objective-1"]);
        m.apply(Action::Undo);
        assert!(m.can_redo());
        create(&mut m, "a2", 0, 5, &["objective-1"]);
        assert!(!m.can_redo());
    }

    #[test]
    fn overlapping_annotations_are_both_kept_and_found_at_a_point() {
        let mut m = model_with_doc("0123456789 abcdefghij");
        create(&mut m, "long", 0, 15, &["objective-1"]);
        create(&mut m, "short", 5, 8, &["objective-2"]);
        let at: Vec<_> = m
            .annotations_at("u1", Cp(6))
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(at, ["short", "long"]);
        let listed: Vec<_> = m
            .annotations_of("u1")
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(listed, ["long", "short"]);
        m.apply(Action::Select(Some("long".into())));
        assert_eq!(m.neighbour("u1", true).as_deref(), Some("short"));
        assert_eq!(m.neighbour("u1", false).as_deref(), Some("short"));
    }

    #[test]
    fn an_empty_or_whitespace_selection_proposes_nothing() {
        let mut m = model_with_doc("abc   def");
        m.apply(Action::Propose {
            start: Cp(3),
            end: Cp(6),
        });
        assert!(m.pending.is_none());
        m.apply(Action::Propose {
            start: Cp(2),
            end: Cp(7),
        });
        assert_eq!(m.pending.as_ref().unwrap().quote, "c   d");
    }

    #[test]
    fn creating_without_tags_keeps_the_selection_and_explains() {
        let mut m = model_with_doc("abc def");
        let effects = create(&mut m, "a", 0, 3, &[]);
        assert!(effects.is_empty());
        assert!(m.pending.is_some());
        assert!(m.notices[0].text.contains("choose at least one"));
    }

    #[test]
    fn filters_by_tag_and_text_and_counts_tags() {
        let mut m = model_with_doc("alpha beta gamma delta");
        create(&mut m, "a", 0, 5, &["objective-1", "objective-2"]);
        create(&mut m, "b", 6, 10, &["objective-2"]);
        m.apply(Action::Update {
            id: "b".into(),
            tags: vec!["objective-2".into()],
            note: "Remittances matter".into(),
            now: 3,
        });
        let counts: Vec<_> = tag_counts(&m.annotations, "u1")
            .iter()
            .map(|(t, n)| (t.id, *n))
            .collect();
        assert_eq!(counts, [("objective-1", 1), ("objective-2", 2)]);
        m.apply(Action::ToggleFilterTag("objective-1".into()));
        let ids = |m: &Model| {
            visible_positions(&m.annotations, &m.filter, "u1")
                .iter()
                .map(|&i| m.annotations[i].id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&m), ["a"]);
        m.apply(Action::ToggleFilterTag("objective-1".into()));
        m.apply(Action::SetQuery("REMITTANCES".into()));
        assert_eq!(ids(&m), ["b"]);
        m.apply(Action::SetQuery("alpha".into()));
        assert_eq!(ids(&m), ["a"]);
        m.apply(Action::ClearFilter);
        assert_eq!(ids(&m).len(), 2);
    }

    #[test]
    fn deleting_a_user_document_takes_its_annotations_and_history() {
        let mut m = model_with_doc("alpha beta");
        create(&mut m, "a", 0, 5, &["objective-1"]);
        let effects = m.apply(Action::DeleteDocument("u1".into()));
        assert!(effects.contains(&Effect::DeleteAnnotation("a".into())));
        assert!(effects.contains(&Effect::DeleteDocument("u1".into())));
        assert!(m.annotations.is_empty() && m.open.is_none());
        assert!(!m.can_undo());
        // Seeds cannot be deleted.
        let seed = m.documents[0].id.clone();
        assert!(m.apply(Action::DeleteDocument(seed)).is_empty());
        assert_eq!(m.documents.len(), 5);
    }

    #[test]
    fn renaming_applies_to_user_documents_only() {
        let mut m = model_with_doc("alpha");
        m.apply(Action::RenameDocument {
            id: "u1".into(),
            title: "  New name ".into(),
        });
        assert_eq!(m.document("u1").unwrap().title, "New name");
        let seed = m.documents[0].id.clone();
        m.apply(Action::RenameDocument {
            id: seed.clone(),
            title: "x".into(),
        });
        assert_ne!(m.document(&seed).unwrap().title, "x");
    }

    #[test]
    fn a_failed_save_is_reported_once_with_an_export_offer() {
        let mut m = Model::default();
        m.apply(Action::SaveFailed("storage is full".into()));
        m.apply(Action::SaveFailed("storage is full".into()));
        assert_eq!(m.notices.len(), 1);
        assert!(m.notices[0].offers_export && m.notices[0].level == Level::Error);
        assert!(m.notices[0].text.contains("storage is full"));
    }

    #[test]
    fn unavailable_storage_is_said_plainly_once_with_an_export_offer() {
        let mut m = Model::default();
        m.apply(Action::StorageUnavailable("it refused to open".into()));
        m.apply(Action::SaveFailed("storage is full".into()));
        assert_eq!(m.notices.len(), 1);
        assert!(m.notices[0].offers_export);
        assert!(m.notices[0]
            .text
            .contains("nothing is kept once this page closes"));
    }

    #[test]
    fn the_palette_lists_recent_tags_first_and_search_finds_by_number_and_words() {
        let mut m = model_with_doc("alpha");
        create(&mut m, "a", 0, 5, &["objective-17"]);
        let order = m.palette_order();
        assert_eq!(order[0].id, "objective-17");
        assert_eq!(order.len(), 33);
        let find = |q: &str| {
            search_tags(&order, q)
                .iter()
                .map(|t| t.id)
                .collect::<Vec<_>>()
        };
        assert_eq!(find("17"), ["objective-17"]);
        // Human rights' description mentions non-discrimination: found too, and rightly.
        assert_eq!(
            find("discrimination"),
            ["objective-17", "principle-human-rights"]
        );
        assert_eq!(find("HUMAN rights")[0], "principle-human-rights");
        assert_eq!(find("principle human")[0], "principle-human-rights");
        assert_eq!(find("zzz"), Vec::<&str>::new());
        assert!(find("cooperation").contains(&"objective-23"));
        assert!(find("cooperation").contains(&"principle-international-cooperation"));
        assert_eq!(find("").len(), 33);
    }

    #[test]
    fn restore_brings_back_documents_annotations_settings_and_the_open_document() {
        let mut m = model_with_doc("alpha beta");
        create(&mut m, "a", 0, 5, &["objective-1"]);
        let restored = Restored {
            documents: m.documents[5..].to_vec(),
            annotations: m.annotations.to_vec(),
            orphans: vec![],
            settings: m.settings.clone(),
            open: m.open.clone(),
        };
        let mut fresh = Model::default();
        fresh.apply(Action::Restore(restored));
        assert_eq!(fresh.documents, m.documents);
        assert_eq!(fresh.annotations, m.annotations);
        assert_eq!(fresh.open.as_deref(), Some("u1"));
    }
}
