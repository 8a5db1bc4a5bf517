//! Applying an import's plan to the [`Model`]: one undo step, stored without copying its
//! annotations (145,000 in one task).

use super::{Action, Model};
use crate::annotation::Seen;
use crate::codes::{Codebook, OwnCode};
use crate::effect::{Effect, Ids};
use crate::formats::plan::Plan;
use crate::history::{Batch, Change, Step};
use crate::session::Level;
use std::sync::Arc;

impl Model {
    /// The codebook change that adds an import's new codes to the codebook as it is now
    /// (which may have changed since the plan was made): a code already here by its id is
    /// left alone; `None` when nothing is added.
    pub(super) fn codes_of(&self, new_codes: Vec<OwnCode>) -> Option<Change> {
        let before = self.library.codebook().clone();
        let mut after = before.clone();
        for code in new_codes {
            if after.contains(&code.id) {
                continue;
            }
            // Checked when planned; a code made here since under the same name keeps its
            // own, and the imported one is added as planned all the same, so that the
            // annotations' tags name a code.
            if after.add(code.clone()).is_err() {
                let mut own = after.own().to_vec();
                own.push(code);
                after = Codebook::new(own);
            }
        }
        (after != before).then_some(Change::Codebook { before, after })
    }

    /// Applies an import's plan as one undo step: the documents it brings, its annotations
    /// (by id in the step and in storage's effect: see [`Batch`]), the waiting orphans its
    /// texts place, and the orphans it keeps; says what happened, and opens the first
    /// document when none is open.
    pub(super) fn import(&mut self, mut plan: Plan) -> Vec<Effect> {
        if !plan.new_codes.is_empty() && self.codes_locked() {
            return vec![];
        }
        let mut effects = Vec::new();
        // Worded before the annotations are moved out of the plan.
        let mut summary = plan.summary();
        // An assignment opens its first text (a bundled one too), wherever the user was.
        let handout_doc = (plan.assignment.as_ref()).and_then(|a| a.documents.first().cloned());
        let opens_handout = handout_doc.is_some();
        let first_doc = handout_doc
            .or_else(|| plan.annotations.first().map(|a| a.document.clone()))
            .or_else(|| plan.new_documents.first().map(|d| d.id.clone()));
        // The whole import is one step: Undo takes back what this file added, the documents
        // it brought and the orphans it kept included.
        let mut step = Vec::with_capacity(plan.new_documents.len() + 2);
        // The codes it brings first, so that its annotations' tags name codes here.
        if let Some(change) = self.codes_of(std::mem::take(&mut plan.new_codes)) {
            let applied = self.library.apply(std::slice::from_ref(&change));
            effects.extend(applied.effects);
            step.push(change);
        }
        let mut new_ids = Vec::new();
        let handout = plan.assignment.take();
        for doc in std::mem::take(&mut plan.new_documents) {
            let id = doc.id.clone();
            if self.library.add_document(doc.clone()) {
                new_ids.push(id.clone());
                effects.push(Effect::SaveDocument(id));
                step.push(Change::Document {
                    before: None,
                    after: Some(doc),
                });
            }
        }
        // Planned against an earlier state (several files in a row, or edits while a long
        // import was placed): check again, in constant time per annotation (an import can
        // hold 10,000). When the annotations are still the very ones the plan was checked
        // against, nothing can be a duplicate that the plan did not already skip.
        let unchanged = plan
            .against
            .take()
            .is_some_and(|a| Arc::ptr_eq(&a, self.library.annotations()));
        let mut seen = (!unchanged).then(|| Seen::of(self.library.annotations().iter()));
        let mut skipped_now = 0;
        // Moved, not copied (into an empty library, not even moved).
        let from = self.library.annotations().len();
        let mut added = std::mem::take(&mut plan.annotations);
        if let Some(seen) = &mut seen {
            let planned = added.len();
            added.retain(|a| seen.admit(a, a.start, a.end));
            skipped_now = planned - added.len();
        }
        self.library.extend(added);
        // By id, in the step and in storage's effect alike: the library holds them, and
        // copying 145,000 into each took some 100 ms.
        let added = &self.library.annotations()[from..];
        if !added.is_empty() {
            // The ids the planner collected, when they are still those of what was added.
            let batch = match plan.ids.take() {
                Some(ids) if skipped_now == 0 && ids.len() == added.len() => {
                    Batch::added_with_ids(added, ids)
                }
                _ => Batch::added(added),
            };
            effects.push(Effect::SaveAnnotations(Ids::all(batch.ids.clone())));
            step.push(Change::Batch(batch));
        }
        // Orphans of earlier files whose text this file brought are placed, in this step.
        effects.extend(self.place_waiting_on(&new_ids, Some(&mut step)));
        let kept = self.library.keep_orphans(std::mem::take(&mut plan.orphans));
        if !kept.is_empty() {
            // By id, as the placed ones: the library holds them.
            let ids: Arc<[String]> = kept.iter().map(|o| o.id.clone()).collect();
            effects.push(Effect::SaveAnnotations(Ids::all(ids)));
        }
        step.extend(kept.into_iter().map(|o| Change::Orphan {
            before: None,
            after: Some(o),
        }));
        self.history.record(Step::new(step));
        // First, so that the journal of unsaved work can name the file.
        let n = effects
            .iter()
            .filter(|e| !matches!(e, Effect::DeleteAnnotation(_)))
            .map(Effect::annotations)
            .sum();
        effects.insert(0, Effect::imported(&plan.file, n));
        if skipped_now > 0 {
            summary.push(' ');
            summary.push_str(&t!("import-skipped-now", count = skipped_now));
        }
        // An assignment without examples imports nothing: it says what it is instead.
        if !opens_handout || n > 0 {
            self.session.notify(Level::Info, summary, false, false);
        }
        if let Some(a) = handout {
            effects.extend(self.take_assignment(a, &plan.file));
        }
        if self.session.open.is_none() || opens_handout {
            if let Some(id) = first_doc.filter(|id| self.library.document(id).is_some()) {
                effects.extend(self.apply(Action::OpenDocument(id)));
            }
        }
        effects
    }
}
