//! Annotations made, accepted, edited and deleted: the parts of [`Model::apply`] that
//! change one annotation or a handful, each one undo step.

use super::{needs_name_first, needs_tag, Accepted, Model};
use crate::annotation::{Annotation, Draft, Millis, Origin};
use crate::effect::{Effect, FocusTarget};
use crate::fields::Field;
use crate::history::{Change, Step};
use crate::session::Level;

impl Model {
    pub(super) fn create(&mut self, id: String, mut draft: Draft, now: Millis) -> Vec<Effect> {
        if draft.tags.is_empty() {
            self.session.problem = Some(needs_tag());
            return vec![];
        }
        let annotator = match self.require_name() {
            Ok(name) => name,
            Err(effects) => return effects,
        };
        let Some(doc) = self.library.document(&draft.document) else {
            return vec![];
        };
        draft.note = self.session.clip_typed(Field::Note, draft.note.trim());
        let book = self.library.codebook();
        match Annotation::new_in(id, draft, &doc.text, &annotator, now, book) {
            Ok(mut a) => {
                a.annotator_id = self.session.annotator_id().to_string();
                let s = &mut self.session;
                s.pending = None;
                s.problem = None;
                s.current = Some(a.id.clone());
                s.settings.remember_tags(&a.tags);
                let mut effects = self.record(vec![Change::created(a)]);
                effects.extend([
                    Effect::SaveSettings,
                    Effect::ClearSelection,
                    Effect::Focus(FocusTarget::Text),
                ]);
                effects
            }
            Err(e) => {
                let s = &mut self.session;
                s.notify(
                    Level::Error,
                    t!("edit-not-saved", reason = e.to_string()),
                    false,
                    false,
                );
                vec![]
            }
        }
    }

    pub(super) fn accept(&mut self, passages: Vec<Accepted>, now: Millis) -> Vec<Effect> {
        let annotator = self.session.annotator();
        if annotator.is_empty() {
            let s = &mut self.session;
            s.notify(Level::Error, needs_name_first(), false, false);
            return vec![];
        }
        let Some(doc) = self.open_document() else {
            return vec![];
        };
        let book = self.library.codebook();
        let maker = self.session.annotator_id();
        let made: Vec<Annotation> = passages
            .into_iter()
            .filter_map(|p| {
                let draft = Draft {
                    document: doc.id.clone(),
                    start: p.start,
                    end: p.end,
                    tags: vec![p.tag],
                    note: String::new(),
                };
                let mut a =
                    Annotation::new_in(p.id, draft, &doc.text, &annotator, now, book).ok()?;
                a.annotator_id = maker.to_string();
                a.origin = Origin::Suggested;
                Some(a)
            })
            .collect();
        let Some(last) = made.last() else {
            return vec![];
        };
        let s = &mut self.session;
        s.current = Some(last.id.clone());
        for a in &made {
            s.settings.remember_tags(&a.tags);
        }
        let mut effects = self.record(made.into_iter().map(Change::created).collect());
        effects.push(Effect::SaveSettings);
        effects
    }

    pub(super) fn update(
        &mut self,
        id: String,
        tags: Vec<String>,
        note: String,
        now: Millis,
    ) -> Vec<Effect> {
        let Some(before) = self.library.annotation(&id).cloned() else {
            return vec![];
        };
        if tags.is_empty() {
            self.session.problem = Some(needs_tag());
            return vec![];
        }
        if let Err(effects) = self.require_name() {
            return effects;
        }
        let tags = match self.library.codebook().normalize(&tags) {
            Ok(t) => t,
            Err(e) => {
                let e = crate::annotation::AnnotationError::from(e);
                let s = &mut self.session;
                s.notify(
                    Level::Error,
                    t!("edit-not-saved", reason = e.to_string()),
                    false,
                    false,
                );
                return vec![];
            }
        };
        let s = &mut self.session;
        let note = s.clip_typed(Field::Note, note.trim());
        s.editing = None;
        s.problem = None;
        let mut effects = vec![Effect::ClearSelection, Effect::Focus(FocusTarget::Text)];
        if tags == before.tags && note == before.note {
            return effects;
        }
        s.settings.remember_tags(&tags);
        let after = Annotation {
            tags,
            note,
            updated: now.max(before.updated),
            ..before.clone()
        };
        effects.extend(self.record(vec![Change::edited(before, Some(after))]));
        effects.push(Effect::SaveSettings);
        effects
    }

    pub(super) fn delete(&mut self, id: &str) -> Vec<Effect> {
        let Some(before) = self.library.annotation(id).cloned() else {
            return vec![];
        };
        let effects = self.record(vec![Change::edited(before, None)]);
        let s = &mut self.session;
        s.notify(Level::Info, t!("edit-deleted"), true, false);
        effects
    }

    /// [`crate::action::Action::Replace`]: one undo step, or none when nothing changes.
    pub(super) fn replace(
        &mut self,
        document: &str,
        remove: Vec<String>,
        put: Vec<Annotation>,
        codes: Vec<crate::codes::OwnCode>,
    ) -> Vec<Effect> {
        let Some(doc) = self.library.document(document) else {
            return vec![];
        };
        let added = self.codes_of(codes);
        let book = match &added {
            Some(Change::Codebook { after, .. }) => after,
            _ => self.library.codebook(),
        };
        let (mut changes, mut new) = (Vec::new(), Vec::new());
        // By id, as the library finds them when it applies many changes (a gold standard
        // accepted at once puts thousands).
        let index: std::collections::HashMap<String, usize> = (self.library.annotations().iter())
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        for a in put {
            let fits = a.document == document
                && crate::storage::annotation_fits(&a, doc)
                && book.normalize(&a.tags).is_ok_and(|t| t == a.tags);
            match index.get(&a.id) {
                _ if !fits => {}
                Some(&i) => changes.push(Change::edited(
                    self.library.annotations()[i].clone(),
                    Some(a),
                )),
                None => new.push(a),
            }
        }
        for id in remove {
            if let Some(b) = self
                .library
                .annotation(&id)
                .filter(|b| b.document == document)
            {
                changes.push(Change::edited(b.clone(), None));
            }
        }
        if changes.is_empty() && new.is_empty() {
            return vec![];
        }
        changes.splice(0..0, added);
        let mut effects = self.put(&Step::new(changes.clone()));
        // The new ones as an import adds them: by id, in the step and in storage's effect
        // (14,000 saved one by one held the page for over a minute).
        let from = self.library.annotations().len();
        self.library.extend(new);
        let added = &self.library.annotations()[from..];
        if !added.is_empty() {
            let batch = crate::history::Batch::added(added);
            effects.push(Effect::SaveAnnotations(crate::effect::Ids::all(
                batch.ids.clone(),
            )));
            changes.push(Change::Batch(batch));
        }
        self.history.record(Step::new(changes));
        effects
    }
}
