//! The app's state and its one way to change: [`Model::apply`] takes an [`Action`] (what the
//! user or the shell means), changes the [`Library`], the [`History`] and the [`Session`],
//! and returns the [`Effect`]s the shell must carry out (saving, focus, scrolling,
//! downloads). Pure Rust, tested natively.

pub use crate::action::{Accepted, Action, Restored};
use crate::annotation::{Annotation, Draft, Millis};
use crate::document::Document;
use crate::effect::{CaretView, Effect, FocusTarget};
use crate::fields::Field;
use crate::formats::export::{backup, stage};
use crate::formats::{Format, Options};
use crate::history::{Change, History, Step};
use crate::library::Library;
use crate::session::{CardPlace, Level, PinnedCard, Session};

mod assignment;
pub mod class;
pub mod codes;
mod edit;
mod import;
mod restore;
mod suggester;

/// The palette's message when no tag is ticked.
pub fn needs_tag() -> String {
    t!("edit-needs-tag")
}
/// The palette's message while the annotator has no name.
pub fn needs_name() -> String {
    t!("edit-needs-name")
}
/// The message when suggestions are accepted before the annotator has a name.
pub fn needs_name_first() -> String {
    t!("edit-needs-name-first")
}

/// Everything the app holds: the user's library, what can be undone, and what the user is
/// looking at.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Model {
    pub library: Library,
    pub history: History,
    pub session: Session,
    /// The files loaded into Compare.
    pub class: class::Records,
    /// The learned suggester's record as stored (schema 8), which its module (the `teacher/`
    /// crate) wrote and reads; `None` when it has learned nothing. The app keeps it unread
    /// ([`Action::PutSuggester`]), and the model's clone shares it.
    pub suggester: Option<std::sync::Arc<str>>,
}

impl Model {
    /// Applies an action in place and returns what the shell must do. A read-only tab
    /// refuses every change to the work, with a notice, and asks for no storage write.
    pub fn apply(&mut self, action: Action) -> Vec<Effect> {
        if self.session.read_only.is_some() && action.changes_stored_work() {
            return self.session.refuse_read_only();
        }
        let mut effects = self.reduce(action);
        if self.session.read_only.is_some() {
            effects.retain(|e| !e.is_storage());
        }
        effects
    }

    fn reduce(&mut self, action: Action) -> Vec<Effect> {
        let s = &mut self.session;
        match action {
            Action::OpenDocument(id) => {
                if self.library.document(&id).is_none() || s.open.as_deref() == Some(id.as_str()) {
                    return vec![];
                }
                s.open = Some(id);
                s.leave_document();
                // The reader goes on in the text, as with a document just added.
                vec![Effect::SaveSettings, Effect::Focus(FocusTarget::OpenedText)]
            }
            Action::CloseDocument => {
                s.open = None;
                s.leave_document();
                vec![Effect::SaveSettings]
            }
            Action::Propose { start, end } => {
                let s = &mut self.session;
                s.propose(&self.library, start, end);
                // The keyboard goes on from the pointer's selection: Shift+End extends it.
                s.caret = s.pending.as_ref().map(|p| (p.start, p.end));
                s.pinned = None;
                vec![Effect::Caret(CaretView::Hidden)]
            }
            Action::CancelPending => {
                s.pending = None;
                s.tagging_document = false;
                s.problem = None;
                vec![Effect::ClearSelection, Effect::Focus(FocusTarget::Text)]
            }
            Action::StartTagDocument => {
                if s.open.is_none() {
                    return vec![];
                }
                s.pending = None;
                s.editing = None;
                s.problem = None;
                s.tagging_document = true;
                vec![
                    Effect::ClearSelection,
                    Effect::Focus(FocusTarget::PaletteSearch),
                ]
            }
            Action::TagDocument {
                id,
                document,
                tags,
                note,
                now,
            } => self.tag_document(id, document, tags, note, now),
            Action::AddCode(code) => self.add_code(code),
            Action::UpdateCode(code) => self.update_code(code),
            Action::MergeCodes { from, into, now } => self.merge_codes(&from, &into, now),
            Action::DeleteCode { id, now } => self.delete_code(&id, now),
            Action::ClearProblem => {
                s.problem = None;
                vec![]
            }
            Action::Create {
                id,
                document,
                start,
                end,
                tags,
                note,
                now,
            } => self.create(
                id,
                Draft {
                    document,
                    start,
                    end,
                    tags,
                    note,
                },
                now,
            ),
            Action::Accept { passages, now } => self.accept(passages, now),
            Action::Replace {
                document,
                remove,
                put,
                codes,
            } => self.replace(&document, remove, put, codes),
            Action::StartEdit(id) => {
                if self.library.annotation(&id).is_none() {
                    return vec![];
                }
                s.pending = None;
                s.pinned = None;
                s.problem = None;
                s.current = Some(id.clone());
                s.editing = Some(id);
                vec![Effect::Focus(FocusTarget::PaletteSearch)]
            }
            Action::CancelEdit => {
                s.editing = None;
                s.problem = None;
                vec![Effect::ClearSelection, Effect::Focus(FocusTarget::Text)]
            }
            Action::Update {
                id,
                tags,
                note,
                now,
            } => self.update(id, tags, note, now),
            Action::Delete(id) => self.delete(&id),
            Action::DeleteCurrent => match s.current.clone() {
                Some(id) => {
                    s.pinned = None;
                    self.delete(&id)
                }
                None => vec![],
            },
            Action::DeleteOrphan(id) => self.library.delete_orphan(&id),
            Action::DeleteWaiting(document) => self.delete_waiting(&document),
            Action::PlaceWaiting(id) => self.place_waiting_on(&[id], None),
            Action::Import(plan) => self.import(*plan),
            Action::Progress(p) => {
                s.progress = p;
                vec![]
            }
            Action::ShowPanel(p) => {
                s.show_panel(p);
                vec![]
            }
            Action::Mark(spans) => {
                s.marked = spans;
                vec![]
            }
            Action::MarkAgreed(spans) => {
                s.agreed = spans;
                vec![]
            }
            Action::Undo => match self.history.undo() {
                Some(step) => {
                    let elsewhere = self.elsewhere(&step);
                    let (effects, taken) = self.put_taking(&step);
                    // What an import's batch took out of the library, kept for Redo.
                    self.history.keep_taken(taken);
                    self.session.drop_undo_offers();
                    if let Some(title) = elsewhere {
                        let text = t!("undo-elsewhere", title = title);
                        self.session.notices.push(Level::Info, text, false, false);
                    }
                    effects
                }
                None => vec![],
            },
            Action::Redo => match self.history.redo() {
                Some(step) => {
                    let elsewhere = self.elsewhere(&step);
                    let effects = self.put(&step);
                    if let Some(title) = elsewhere {
                        let text = t!("redo-elsewhere", title = title);
                        self.session.notices.push(Level::Info, text, false, false);
                    }
                    effects
                }
                None => vec![],
            },
            Action::SetCurrent(id) => {
                s.current = id.filter(|id| self.library.annotation(id).is_some());
                vec![]
            }
            Action::Show(id) => match self.library.annotation(&id) {
                Some(a) => {
                    let scroll = Effect::ScrollTo {
                        start: a.start,
                        end: a.end,
                        if_hidden: false,
                    };
                    s.current = Some(id);
                    vec![scroll]
                }
                None => vec![],
            },
            Action::Pin { ids, x, y } => {
                let ids: Vec<String> = ids
                    .into_iter()
                    .filter(|id| self.library.annotation(id).is_some())
                    .collect();
                s.current = ids.first().cloned();
                s.caret = None;
                s.pinned = (!ids.is_empty()).then_some(PinnedCard {
                    ids,
                    place: CardPlace::Point { x, y },
                });
                vec![Effect::Caret(CaretView::Hidden)]
            }
            Action::Unpin => {
                s.pinned = None;
                vec![]
            }
            Action::MoveCaret {
                motion,
                extend,
                in_view,
            } => s.move_caret(&self.library, motion, extend, in_view),
            Action::StepAnnotation { forward } => s.step_annotation(&self.library, forward),
            Action::EditCurrent => {
                if s.pending.is_some() {
                    vec![Effect::Focus(FocusTarget::PaletteSearch)]
                } else if let Some(id) = s.current.clone() {
                    self.apply(Action::StartEdit(id))
                } else {
                    vec![]
                }
            }
            Action::Deselect => {
                s.pinned = None;
                s.caret = None;
                s.pending = None;
                s.current = None;
                s.problem = None;
                vec![Effect::ClearSelection, Effect::Caret(CaretView::Hidden)]
            }
            Action::ToggleFilterTag(tag) => {
                s.toggle_filter_tag(tag, self.library.codebook());
                vec![]
            }
            Action::SetQuery(q) => {
                s.filter.query = q;
                vec![]
            }
            Action::ClearFilter => {
                s.filter = Default::default();
                vec![]
            }
            Action::SetAnnotator(name) => s.set_annotator(&name),
            Action::AddDocuments(docs) => {
                let (mut effects, mut added, mut known) = (Vec::new(), Vec::new(), Vec::new());
                for mut doc in docs {
                    doc.title = s.clip_typed(Field::DocumentTitle, &doc.title);
                    // A document is known by its text: the same text opened or pasted again
                    // is the one already here (with its annotations), not a second copy
                    // that would split them.
                    let same = self.library.documents().iter().find(|d| {
                        d.text.len_cp() == doc.text.len_cp() && d.text.as_str() == doc.text.as_str()
                    });
                    if let Some(same) = same {
                        known.push((doc.title, same.title.clone(), same.id.clone()));
                        continue;
                    }
                    let id = doc.id.clone();
                    if self.library.add_document(doc) {
                        effects.push(Effect::SaveDocument(id.clone()));
                        added.push(id);
                    }
                }
                let opened = added
                    .first()
                    .cloned()
                    .or_else(|| known.first().map(|k| k.2.clone()));
                for (title, same, id) in &known {
                    let title = crate::text::isolate(&crate::text::clip(title, 80));
                    let same = crate::text::isolate(&crate::text::clip(same, 80));
                    let opens = match opened.as_ref() == Some(id) {
                        true => "yes",
                        false => "no",
                    };
                    let text = t!("doc-known", name = title, same = same, opens = opens);
                    s.notify(Level::Info, text, false, false);
                }
                if added.len() > 1 {
                    let text = t!("doc-added", count = added.len());
                    s.notify(Level::Info, text, false, false);
                }
                // Annotations imported before their text arrived are placed on it now.
                effects.extend(self.place_waiting_on(&added, None));
                if let Some(id) = opened {
                    effects.extend(self.apply(Action::OpenDocument(id)));
                    // The file picker or the paste form that brought it is gone: the
                    // keyboard goes on in the text, not from the top of the page.
                    effects.push(Effect::Focus(FocusTarget::OpenedText));
                }
                effects
            }
            Action::RenameDocument { id, title } => {
                let title = s.clip_typed(Field::DocumentTitle, title.trim());
                self.library.rename(&id, &title)
            }
            Action::DeleteDocument(id) => {
                let mut effects = self.library.delete_document(&id);
                if effects.is_empty() {
                    return effects;
                }
                // Steps that would bring back an annotation of the deleted document go too.
                self.history.forget_document(&id);
                let s = &mut self.session;
                s.scroll.remove(&id);
                if s.open.as_deref() == Some(id.as_str()) {
                    s.open = None;
                    s.leave_document();
                }
                effects.push(Effect::SaveSettings);
                effects
            }
            Action::Scrolled { document, at } => {
                if s.scroll.get(&document) == Some(&at) {
                    return vec![];
                }
                s.scroll.insert(document, at);
                vec![Effect::SaveSettings]
            }
            Action::Export {
                format,
                only,
                seed_text,
                everything,
                now,
            } => {
                let options = Options {
                    seed_text,
                    now,
                    annotator: &s.settings.annotator,
                    annotator_id: &s.settings.annotator_id,
                    // The assignment the user works on, if any: every export names it.
                    assignment: self.library.assignment().map(|a| a.id.as_str()),
                    everything,
                };
                let file = stage(&self.library, format, only.as_deref(), options);
                let (count, name) = (file.annotations, &file.file_name);
                let mut said = match format {
                    Format::RefiCodebook => {
                        let own = self.library.codebook().own().len();
                        t!(
                            "export-codebook",
                            count = own,
                            name = crate::text::isolate(name)
                        )
                    }
                    _ => t!(
                        "export-done",
                        count = count,
                        name = crate::text::isolate(name)
                    ),
                };
                // A file this app could not import back is said so at once, while the work
                // is still here to export otherwise.
                let size = file.content.len();
                let limit = crate::formats::import::MAX_IMPORT_BYTES;
                if size > limit {
                    let (size, limit) = crate::document::size_and_limit(size, limit);
                    said.push(' ');
                    said.push_str(&t!("export-too-large", size = size, limit = limit));
                }
                s.notify(Level::Info, said, false, false);
                match file.convert {
                    None => vec![Effect::Download {
                        file_name: file.file_name,
                        mime: file.mime,
                        content: file.content,
                    }],
                    Some(format) => vec![Effect::Convert {
                        format: format.slug(),
                        mime: format.mime(),
                        file_name: file.file_name,
                        content: file.content,
                        seed_text,
                        now,
                        annotator: s.settings.annotator.clone(),
                    }],
                }
            }
            Action::ExportAssignment {
                assignment,
                examples,
                now,
            } => self.export_assignment(*assignment, examples, now),
            Action::ExportAll { now } => {
                let (file_name, content) = backup(&self.library, &s.settings, now);
                vec![Effect::Download {
                    file_name,
                    mime: Format::Project.mime(),
                    content,
                }]
            }
            Action::Notify(level, text) => {
                s.notify(level, text, false, false);
                vec![]
            }
            Action::SaveFailed(reason) => {
                s.notify_export(t!("save-failed", reason = reason));
                vec![]
            }
            Action::StorageUnavailable(reason) => {
                s.notify_export(t!("storage-unavailable", reason = reason));
                vec![]
            }
            Action::Dismiss(ids) => {
                s.notices.dismiss(&ids);
                vec![]
            }
            Action::UpdateWaiting => {
                s.update_waiting = true;
                vec![]
            }
            Action::ExpireNotices { now, held } => {
                s.notices.expire(now, held);
                vec![]
            }
            Action::Restore(r) => self.restore(r, false),
            Action::Reread(r) => self.restore(r, true),
            Action::SetReadOnly(why) => self.set_read_only(why),
            Action::AddClassFile(record) => self.class.add(record),
            Action::PutClassFile(n, record) => self.class.put(n, record),
            Action::RemoveClassFile(n) => self.class.remove(n),
            Action::SetClassView(view) => {
                self.class.view = view;
                vec![]
            }
            Action::RestoreClass(stored) => {
                self.class.restore(stored);
                vec![]
            }
            Action::PutSuggester(record) => self.put_suggester(record),
        }
    }

    /// Reads an annotation file and adds what it holds, as [`Action::Import`] does: one
    /// undo step. A refused file changes nothing but a notice that names it and the reason,
    /// and comes back as the error. The shell plans large files in steps instead
    /// ([`crate::formats::planner::Planner`]), with progress, and dispatches the plan.
    pub fn import_file(
        &mut self,
        name: &str,
        bytes: &[u8],
        new_id: &mut dyn FnMut() -> String,
        now: Millis,
    ) -> Result<Vec<Effect>, crate::formats::import::ImportError> {
        match crate::formats::planner::import(name, bytes, &self.library, new_id, now) {
            Ok(plan) => Ok(self.apply(Action::Import(Box::new(plan)))),
            Err(e) => {
                self.session
                    .notify(Level::Refused, e.to_string(), false, false);
                Err(e)
            }
        }
    }

    /// The document being read.
    pub fn open_document(&self) -> Option<&Document> {
        self.session.open_document(&self.library)
    }

    /// The current annotation.
    pub fn current(&self) -> Option<&Annotation> {
        self.session
            .current
            .as_deref()
            .and_then(|id| self.library.annotation(id))
    }

    /// The one rule for saving annotations: the annotator has a name. `Err` holds the
    /// effects of the refusal: the palette says why and focuses its name field.
    fn require_name(&mut self) -> Result<String, Vec<Effect>> {
        let name = self.session.annotator();
        if name.is_empty() {
            self.session.problem = Some(needs_name());
            return Err(vec![Effect::Focus(FocusTarget::PaletteName)]);
        }
        Ok(name)
    }

    /// Applies a new step, makes it undoable, and forgets what could be redone.
    fn record(&mut self, changes: Vec<Change>) -> Vec<Effect> {
        let step = Step::new(changes);
        let effects = self.put(&step);
        self.history.record(step);
        effects
    }

    /// Applies a step to the library and keeps the session's references valid. One new
    /// annotation (created, or brought back by Undo) becomes current.
    fn put(&mut self, step: &Step) -> Vec<Effect> {
        self.put_taking(step).0
    }

    /// The title (isolated, clipped) of the document a step changes when the reader does not
    /// show it (another document is open, or none): Undo and Redo then say where they acted,
    /// which the user would otherwise not see. `None` when the open document is among those
    /// it touches, or it touches none (the codebook).
    fn elsewhere(&self, step: &Step) -> Option<String> {
        if (self.session.open.as_deref()).is_some_and(|open| step.touches(open)) {
            return None;
        }
        let id = step.changes().iter().find_map(|c| c.documents().first())?;
        let in_step = step.changes().iter().find_map(|c| match c {
            Change::Document { before, after } => after.as_ref().or(before.as_ref()),
            _ => None,
        });
        let title = self
            .library
            .document(id)
            .or(in_step.filter(|d| &d.id == id));
        let title = title.map_or(id.as_str(), |d| d.title.as_str());
        Some(crate::text::isolate(&crate::text::clip(title, 80)))
    }

    /// [`Model::put`], and the annotations a batch took out of the library (an import
    /// undone), for the history to keep.
    fn put_taking(&mut self, step: &Step) -> (Vec<Effect>, Vec<Annotation>) {
        let mut applied = self.library.apply(step.changes());
        if let [Change::Annotation {
            before: None,
            after: Some(a),
        }] = step.changes()
        {
            self.session.current = Some(a.id.clone());
        }
        let s = &mut self.session;
        s.forget_annotations(&applied.removed);
        for id in &applied.removed_documents {
            s.scroll.remove(id);
            if s.open.as_deref() == Some(id.as_str()) {
                s.open = None;
                s.leave_document();
            }
        }
        if !applied.removed_documents.is_empty() {
            applied.effects.push(Effect::SaveSettings);
        }
        (applied.effects, applied.taken)
    }
}

/// Models for the core's unit tests: one user document, `u1`, and annotations on it.
#[cfg(test)]
pub(crate) mod testing {
    use super::{Action, Model};
    use crate::document::Document;
    use crate::effect::Effect;
    use crate::text::Cp;

    /// A model named "Ana" with one user document `u1` titled "Mine" holding `text`.
    pub fn model_with_doc(text: &str) -> Model {
        let mut m = Model::default();
        m.apply(Action::SetAnnotator("Ana".into()));
        let doc = Document::from_paste("u1".into(), "Mine", text).unwrap();
        m.apply(Action::AddDocuments(vec![doc]));
        m
    }

    /// Creates annotation `id` on `u1` from `start` to `end` (code points) with `tags`.
    pub fn create(m: &mut Model, id: &str, start: usize, end: usize, tags: &[&str]) -> Vec<Effect> {
        m.apply(Action::Create {
            id: id.into(),
            document: "u1".into(),
            start: Cp(start),
            end: Cp(end),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            note: String::new(),
            now: 1,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Settings;
    use crate::text::Cp;

    const HOSTILE: &str =
        "Intro 😀 e\u{301} مرحبا\r\nLes droits des migrants’ sont protégés.\r\nEnd";

    use super::testing::{create, model_with_doc};

    #[test]
    fn starts_on_the_library_with_the_five_seeds() {
        let m = Model::default();
        assert_eq!(m.library.documents().len(), 5);
        assert!(m.open_document().is_none());
    }

    #[test]
    fn opens_and_closes_a_document() {
        let mut m = Model::default();
        let id = m.library.documents()[4].id.clone();
        assert_eq!(
            m.apply(Action::OpenDocument(id.clone())),
            vec![Effect::SaveSettings, Effect::Focus(FocusTarget::OpenedText)],
            "the open document is remembered, and the reader goes on in its text"
        );
        assert_eq!(m.open_document().unwrap().title, "Global Migration Group");
        m.apply(Action::CloseDocument);
        assert!(m.session.open.is_none());
        m.apply(Action::OpenDocument("nope".into()));
        assert!(m.session.open.is_none());
    }

    #[test]
    fn a_span_after_hostile_text_is_tagged_with_exact_code_point_offsets() {
        let mut m = model_with_doc(HOSTILE);
        let chars: Vec<char> = HOSTILE.chars().collect();
        let start = HOSTILE
            .find("droits")
            .map(|b| HOSTILE[..b].chars().count())
            .unwrap();
        let end = start + "droits des migrants’".chars().count();
        m.apply(Action::Propose {
            start: Cp(start),
            end: Cp(end),
        });
        assert!(m.session.pending.is_some());
        let effects = create(&mut m, "a1", start, end, &["objective-17", "objective-16"]);
        let a = m.library.annotation("a1").unwrap();
        assert_eq!(a.quote, "droits des migrants’");
        assert_eq!(
            chars[a.start.0..a.end.0].iter().collect::<String>(),
            a.quote
        );
        assert_eq!(a.tags, ["objective-16", "objective-17"]);
        assert_eq!(a.annotator, "Ana");
        assert!(effects.contains(&Effect::SaveAnnotation(a.clone())));
        assert!(effects.contains(&Effect::Focus(FocusTarget::Text)));
        assert_eq!(m.session.current.as_deref(), Some("a1"));
        assert!(m.session.pending.is_none());
        assert_eq!(
            m.session.settings.recent_tags[..2],
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
        let edited = m.library.annotation("a1").unwrap().clone();
        m.apply(Action::Delete("a1".into()));
        assert!(m.library.annotation("a1").is_none());
        assert!(m.session.notices.iter().any(|n| n.offers_undo));

        assert_eq!(m.apply(Action::Undo), vec![Effect::SaveAnnotation(edited)]);
        assert_eq!(m.library.annotation("a1").unwrap().note, "a note");
        assert!(!m.session.notices.iter().any(|n| n.offers_undo));
        m.apply(Action::Undo);
        assert_eq!(m.library.annotation("a1").unwrap().tags, ["objective-1"]);
        assert_eq!(
            m.apply(Action::Undo),
            vec![Effect::DeleteAnnotation("a1".into())]
        );
        assert!(m.library.annotations().is_empty());
        assert!(!m.history.can_undo());
        assert_eq!(m.session.current, None);

        m.apply(Action::Redo);
        m.apply(Action::Redo);
        assert_eq!(m.library.annotation("a1").unwrap().note, "a note");
        m.apply(Action::Redo);
        assert!(m.library.annotation("a1").is_none());
        assert!(!m.history.can_redo());
    }

    #[test]
    fn a_new_change_clears_redo() {
        let mut m = model_with_doc(HOSTILE);
        create(&mut m, "a1", 0, 5, &["objective-1"]);
        m.apply(Action::Undo);
        assert!(m.history.can_redo());
        create(&mut m, "a2", 0, 5, &["objective-1"]);
        assert!(!m.history.can_redo());
    }

    #[test]
    fn accepting_many_suggestions_is_one_undo_step() {
        let mut m = model_with_doc("alpha beta gamma delta");
        let passages: Vec<Accepted> = [(0, 5), (6, 10), (11, 16)]
            .iter()
            .enumerate()
            .map(|(i, &(s, e))| Accepted {
                id: format!("s{i}"),
                start: Cp(s),
                end: Cp(e),
                tag: "objective-7".into(),
            })
            .collect();
        let effects = m.apply(Action::Accept { passages, now: 5 });
        assert_eq!(m.library.annotations().len(), 3);
        assert_eq!(
            effects
                .iter()
                .filter(|e| matches!(e, Effect::SaveAnnotation(_)))
                .count(),
            3
        );
        assert_eq!(m.history.undo_len(), 1);
        m.apply(Action::Undo);
        assert!(m.library.annotations().is_empty());
        m.apply(Action::Redo);
        assert_eq!(m.library.annotations().len(), 3);
    }

    #[test]
    fn nothing_is_saved_without_a_name_and_the_palette_or_a_notice_says_why() {
        let mut m = Model::default();
        let doc = Document::from_paste("u1".into(), "Mine", "alpha beta").unwrap();
        m.apply(Action::AddDocuments(vec![doc]));
        let effects = create(&mut m, "a", 0, 5, &["objective-1"]);
        assert_eq!(effects, vec![Effect::Focus(FocusTarget::PaletteName)]);
        assert_eq!(m.session.problem.as_deref(), Some(needs_name().as_str()));
        assert!(m.library.annotations().is_empty());
        // No tag is said before the name.
        create(&mut m, "a", 0, 5, &[]);
        assert_eq!(m.session.problem.as_deref(), Some(needs_tag().as_str()));
        let accepted = vec![Accepted {
            id: "s".into(),
            start: Cp(0),
            end: Cp(5),
            tag: "objective-1".into(),
        }];
        m.apply(Action::Accept {
            passages: accepted.clone(),
            now: 1,
        });
        assert!(m.library.annotations().is_empty());
        assert_eq!(m.session.notices.last().unwrap().text, needs_name_first());
        m.apply(Action::SetAnnotator("  Ana ".into()));
        assert_eq!(m.session.problem, None);
        create(&mut m, "a", 0, 5, &["objective-1"]);
        assert_eq!(m.library.annotation("a").unwrap().annotator, "Ana");
    }

    #[test]
    fn overlapping_annotations_are_both_kept_and_found_at_a_point() {
        let mut m = model_with_doc("0123456789 abcdefghij");
        create(&mut m, "long", 0, 15, &["objective-1"]);
        create(&mut m, "short", 5, 8, &["objective-2"]);
        let at: Vec<_> = m
            .library
            .annotations_at("u1", Cp(6))
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(at, ["short", "long"]);
        let listed: Vec<_> = m
            .library
            .annotations_of("u1")
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(listed, ["long", "short"]);
    }

    #[test]
    fn an_empty_or_whitespace_span_proposes_nothing() {
        let mut m = model_with_doc("abc   def");
        m.apply(Action::Propose {
            start: Cp(3),
            end: Cp(6),
        });
        assert!(m.session.pending.is_none());
        m.apply(Action::Propose {
            start: Cp(2),
            end: Cp(7),
        });
        assert_eq!(m.session.pending.as_ref().unwrap().quote, "c   d");
    }

    #[test]
    fn creating_without_tags_keeps_the_pending_span_and_explains() {
        let mut m = model_with_doc("abc def");
        m.apply(Action::Propose {
            start: Cp(0),
            end: Cp(3),
        });
        let effects = create(&mut m, "a", 0, 3, &[]);
        assert!(effects.is_empty());
        assert!(m.session.pending.is_some());
        assert_eq!(m.session.problem.as_deref(), Some(needs_tag().as_str()));
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
        let counts: Vec<_> = m
            .library
            .tag_counts("u1")
            .iter()
            .map(|(t, n)| (t.id, *n))
            .collect();
        assert_eq!(counts, [("objective-1", 1), ("objective-2", 2)]);
        m.apply(Action::ToggleFilterTag("objective-1".into()));
        let ids = |m: &Model| {
            let all = m.library.annotations();
            crate::listing::visible_positions(all, &m.session.filter, "u1")
                .iter()
                .map(|&i| all[i].id.clone())
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
        assert!(m.library.annotations().is_empty() && m.session.open.is_none());
        assert!(!m.history.can_undo());
        // Seeds cannot be deleted.
        let seed = m.library.documents()[0].id.clone();
        assert!(m.apply(Action::DeleteDocument(seed)).is_empty());
        assert_eq!(m.library.documents().len(), 5);
    }

    /// A tester deleted a document and pressed Undo: it took back a tag on another
    /// document, and nothing said so.
    #[test]
    fn undo_and_redo_say_where_they_acted_when_that_text_is_not_shown() {
        let mut m = model_with_doc("alpha beta");
        create(&mut m, "a", 0, 5, &["objective-1"]);
        let other = Document::from_paste("u2".into(), "Other", "gamma").unwrap();
        m.apply(Action::AddDocuments(vec![other]));
        m.apply(Action::OpenDocument("u2".into()));
        m.apply(Action::DeleteDocument("u2".into()));
        assert_eq!(m.session.open, None);
        let said = |m: &Model, what: &str| {
            let texts = m.session.notices.iter().map(|n| n.text.as_str());
            texts.filter(|t| t.contains(what)).count()
        };
        m.apply(Action::Undo);
        assert!(m.library.annotations().is_empty());
        assert_eq!(said(&m, "Undo changed “\u{2068}Mine\u{2069}”."), 1);
        m.apply(Action::Redo);
        assert_eq!(m.library.annotations().len(), 1);
        assert_eq!(said(&m, "Redo changed “\u{2068}Mine\u{2069}”."), 1);
        // With that text open, its highlights show the change: nothing more is said.
        m.apply(Action::OpenDocument("u1".into()));
        m.apply(Action::Undo);
        m.apply(Action::Redo);
        assert_eq!(said(&m, "changed"), 2);
    }

    #[test]
    fn renaming_applies_to_user_documents_only() {
        let mut m = model_with_doc("alpha");
        m.apply(Action::RenameDocument {
            id: "u1".into(),
            title: "  New name ".into(),
        });
        assert_eq!(m.library.document("u1").unwrap().title, "New name");
        let seed = m.library.documents()[0].id.clone();
        m.apply(Action::RenameDocument {
            id: seed.clone(),
            title: "x".into(),
        });
        assert_ne!(m.library.document(&seed).unwrap().title, "x");
    }

    #[test]
    fn a_failed_save_is_reported_once_with_an_export_offer() {
        let mut m = Model::default();
        m.apply(Action::SaveFailed("storage is full".into()));
        m.apply(Action::SaveFailed("storage is full".into()));
        let n = &m.session.notices;
        assert_eq!(n.len(), 1);
        assert!(n[0].offers_export && n[0].level == Level::Error);
        assert!(n[0].text.contains("storage is full"));
    }

    #[test]
    fn unavailable_storage_is_said_plainly_once_with_an_export_offer() {
        let mut m = Model::default();
        m.apply(Action::StorageUnavailable("it refused to open".into()));
        m.apply(Action::SaveFailed("storage is full".into()));
        let n = &m.session.notices;
        assert_eq!(n.len(), 1);
        assert!(n[0].offers_export);
        assert!(n[0].text.contains("nothing is kept once this page closes"));
    }

    #[test]
    fn the_same_text_added_again_opens_the_one_already_here() {
        let mut m = model_with_doc("alpha beta");
        create(&mut m, "a", 0, 5, &["objective-1"]);
        m.apply(Action::OpenDocument(crate::seeds::SEEDS[0].id.into()));
        let again = Document::from_paste("u2".into(), "Copy", "alpha beta").unwrap();
        let effects = m.apply(Action::AddDocuments(vec![again]));
        assert!(effects
            .iter()
            .all(|e| !matches!(e, Effect::SaveDocument(_))));
        assert_eq!(
            effects.last(),
            Some(&Effect::Focus(FocusTarget::OpenedText))
        );
        assert!(m.library.document("u2").is_none());
        assert_eq!(m.session.open.as_deref(), Some("u1"));
        let said = &m.session.notices.last().unwrap().text;
        assert!(said.contains("is already in the library, as"), "{said}");
        // A different text is added as before.
        let other = Document::from_paste("u3".into(), "Other", "alpha beta!").unwrap();
        let effects = m.apply(Action::AddDocuments(vec![other]));
        assert_eq!(m.session.open.as_deref(), Some("u3"));
        assert_eq!(
            effects.last(),
            Some(&Effect::Focus(FocusTarget::OpenedText))
        );
        // Nothing added, nothing opened: focus stays where it is.
        assert!(m.apply(Action::AddDocuments(vec![])).is_empty());
        // Several at once: the count is of those added, and a text already here is not
        // said to be opened when another is.
        let before = m.session.notices.len();
        let docs = ["alpha beta", "gamma", "delta"]
            .iter()
            .enumerate()
            .map(|(i, t)| Document::from_paste(format!("m{i}"), &format!("M{i}"), t).unwrap())
            .collect();
        m.apply(Action::AddDocuments(docs));
        assert_eq!(m.session.open.as_deref(), Some("m1"));
        let said: Vec<&str> = m.session.notices[before..]
            .iter()
            .map(|n| n.text.as_str())
            .collect();
        assert_eq!(
            said,
            [
                "“\u{2068}M0\u{2069}” is already in the library, as “\u{2068}Mine\u{2069}”.",
                "2 documents added."
            ]
        );
    }

    #[test]
    fn an_export_too_large_to_import_back_says_so() {
        let mut m = model_with_doc("alpha beta");
        let big = "x".repeat(9_000_000);
        let docs: Vec<Document> = (0..6)
            .map(|i| Document::from_paste(format!("big-{i}"), "Big", &format!("{i}{big}")).unwrap())
            .collect();
        m.apply(Action::AddDocuments(docs));
        let export = |m: &mut Model, only: Option<&str>| {
            m.apply(Action::Export {
                format: Format::Project,
                only: only.map(String::from),
                seed_text: false,
                everything: false,
                now: 0,
            });
            m.session.notices.last().unwrap().text.clone()
        };
        let said = export(&mut m, None);
        assert!(
            said.contains("It is 54 MB, and the app imports files of up to 50 MB: to be able to import this work back, also export each document on its own."),
            "{said}"
        );
        assert!(!export(&mut m, Some("big-1")).contains("imports files of up to"));
    }

    /// Every way of making an annotation records its maker and origin; an edit, Undo and
    /// Redo keep them; an export holds only this profile's work unless everything.
    #[test]
    fn annotations_record_their_maker_and_exports_hold_only_this_profiles_unless_everything() {
        use crate::annotation::Origin;
        let mut bo = model_with_doc("alpha beta gamma delta");
        bo.session.settings.annotator_id = "bo-id".into();
        create(&mut bo, "theirs", 11, 16, &["objective-3"]);
        let options = Options {
            annotator: "Bo",
            annotator_id: "bo-id",
            ..Options::default()
        };
        let file = crate::formats::export::export_file(&bo.library, Format::Project, None, options);

        let mut m = model_with_doc("alpha beta gamma delta");
        m.session.settings.annotator_id = "ana-id".into();
        create(&mut m, "made", 0, 5, &["objective-1"]);
        m.apply(Action::OpenDocument("u1".into()));
        m.apply(Action::Accept {
            passages: vec![Accepted {
                id: "accepted".into(),
                start: Cp(6),
                end: Cp(10),
                tag: "objective-2".into(),
            }],
            now: 2,
        });
        m.apply(Action::StartTagDocument);
        m.apply(Action::TagDocument {
            id: "whole".into(),
            document: "u1".into(),
            tags: vec!["objective-4".into()],
            note: String::new(),
            now: 3,
        });
        let mut n = 0;
        let mut ids = || {
            n += 1;
            format!("id-{n}")
        };
        m.import_file("bo.json", file.content.as_bytes(), &mut ids, 4)
            .unwrap();
        let maker = |m: &Model, id: &str| {
            let a = m.library.annotation(id).unwrap();
            (a.origin, a.annotator_id.clone(), a.annotator.clone())
        };
        let ana = |o| (o, "ana-id".to_string(), "Ana".to_string());
        assert_eq!(maker(&m, "made"), ana(Origin::Here));
        assert_eq!(maker(&m, "accepted"), ana(Origin::Suggested));
        assert_eq!(maker(&m, "whole"), ana(Origin::Here));
        // Bo's annotation keeps Bo as its maker; the file's name is only a fallback.
        let theirs = (Origin::Imported, "bo-id".to_string(), "Ana".to_string());
        assert_eq!(maker(&m, "theirs"), theirs, "Bo's model was named Ana too");
        // Editing it here keeps its maker and origin: it stays Bo's work.
        m.apply(Action::Update {
            id: "theirs".into(),
            tags: vec!["objective-5".into()],
            note: "corrected".into(),
            now: 5,
        });
        assert_eq!(maker(&m, "theirs"), theirs);
        m.apply(Action::Undo);
        m.apply(Action::Redo);
        assert_eq!(maker(&m, "theirs"), theirs, "Undo and Redo keep it");

        let export = |m: &mut Model, everything: bool| {
            let effects = m.apply(Action::Export {
                format: Format::Project,
                only: None,
                seed_text: false,
                everything,
                now: 0,
            });
            let [Effect::Download { content, .. }] = effects.as_slice() else {
                panic!("{effects:?}")
            };
            let v: serde_json::Value = serde_json::from_str(content).unwrap();
            assert_eq!(v["annotator_id"], "ana-id");
            let mut ids: Vec<String> = v["annotations"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["id"].as_str().unwrap().to_string())
                .collect();
            ids.sort();
            ids
        };
        assert_eq!(export(&mut m, false), ["accepted", "made", "whole"]);
        assert_eq!(crate::formats::left_out(&m.library, None, "ana-id"), 1);
        assert_eq!(
            crate::formats::left_out(&m.library, Some("u1"), "ana-id"),
            1
        );
        assert_eq!(
            export(&mut m, true),
            ["accepted", "made", "theirs", "whole"]
        );
        // The rescue holds everything.
        let all = m.apply(Action::ExportAll { now: 0 });
        let [Effect::Download { content, .. }] = all.as_slice() else {
            panic!("{all:?}")
        };
        assert!(content.contains("\"theirs\""));
    }

    #[test]
    fn export_hands_a_named_file_to_the_browser_and_says_how_many() {
        let mut m = model_with_doc("alpha beta");
        create(&mut m, "a", 0, 5, &["objective-1"]);
        let effects = m.apply(Action::Export {
            format: Format::Csv,
            only: Some("u1".into()),
            seed_text: false,
            everything: false,
            now: 1_795_323_600_000,
        });
        // A CSV is staged as the project's JSON, for the second module to convert.
        let [Effect::Convert {
            format: "table",
            file_name,
            content,
            ..
        }] = effects.as_slice()
        else {
            panic!("{effects:?}")
        };
        assert_eq!(file_name, "gcm-mine-ana-table-2026-11-22.csv");
        let csv =
            crate::formats::exchange::convert_export(Format::Csv, content, Options::default())
                .unwrap();
        assert!(String::from_utf8(csv).unwrap().contains("alpha"));
        assert!(m
            .session
            .notices
            .last()
            .unwrap()
            .text
            .starts_with("Exported 1 annotation to"));
        let all = m.apply(Action::ExportAll { now: 0 });
        assert!(
            matches!(&all[0], Effect::Download { content, .. } if content.contains("\"annotator\": \"Ana\"") || content.contains("\"annotator\":\"Ana\""))
        );
    }

    #[test]
    fn restore_brings_back_documents_annotations_settings_scroll_and_the_open_document() {
        let mut m = model_with_doc("alpha beta");
        create(&mut m, "a", 0, 5, &["objective-1"]);
        m.apply(Action::Scrolled {
            document: "u1".into(),
            at: Cp(3),
        });
        let restored = Restored {
            documents: m.library.documents()[5..].to_vec(),
            annotations: m.library.annotations().to_vec(),
            orphans: vec![],
            settings: m.session.settings.clone(),
            open: m.session.open.clone(),
            scroll: m.session.scroll.clone().into_iter().collect(),
            codebook: m.library.codebook().clone(),
            codebook_unread: None,
            history: m.history.clone(),
            assignment: m.library.assignment().cloned(),
            suggester: m.suggester.clone(),
        };
        let mut fresh = Model::default();
        fresh.apply(Action::Restore(restored));
        assert_eq!(fresh.library, m.library);
        assert_eq!(fresh.session.open.as_deref(), Some("u1"));
        assert_eq!(fresh.session.scroll.get("u1"), Some(&Cp(3)));
        assert_ne!(fresh.session.settings, Settings::default());
    }

    #[test]
    fn undoing_an_import_takes_back_its_documents_and_orphans_and_redo_brings_them() {
        // A file with a user document, one annotation on it, and one whose quote is gone.
        let mut theirs = model_with_doc("alpha beta gamma");
        create(&mut theirs, "a", 0, 5, &["objective-1"]);
        create(&mut theirs, "b", 6, 10, &["objective-2"]);
        let file = crate::formats::export::export_file(
            &theirs.library,
            Format::Project,
            None,
            Options::default(),
        );
        let json = file.content;
        let json = json.replace("\"quote\": \"beta\"", "\"quote\": \"omega\"");
        let mut m = Model::default();
        let mut n = 0;
        let mut ids = || {
            n += 1;
            format!("id-{n}")
        };
        m.import_file("theirs.json", json.as_bytes(), &mut ids, 1)
            .unwrap();
        assert_eq!(m.library.documents().len(), 6);
        assert_eq!(m.library.orphans().len(), 1);
        assert_eq!(
            m.session.open.as_deref(),
            Some("u1"),
            "the import opened it"
        );

        let effects = m.apply(Action::Undo);
        assert_eq!(m.library.documents().len(), 5);
        assert!(m.library.annotations().is_empty() && m.library.orphans().is_empty());
        assert!(effects.contains(&Effect::DeleteDocument("u1".into())));
        assert_eq!(
            m.session.open, None,
            "the reader leaves the document that went"
        );

        m.apply(Action::Redo);
        assert_eq!(m.library.documents().len(), 6);
        assert_eq!(m.library.annotations().len(), 1);
        assert_eq!(m.library.orphans().len(), 1);
    }
}
