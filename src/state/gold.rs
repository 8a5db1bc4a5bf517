//! The gold standard (issue 23): decisions of a curation, applied to a document's curated
//! passages (origin `curated`) as one undo step. Which passages there are to decide on, and
//! what the majority or k of n annotators kept, is the classroom's ([`crate::classroom::gold`]);
//! this applies what the user chose.

use super::{needs_name_first, Model};
use crate::action::Decision;
use crate::annotation::{Annotation, Draft, Millis, Origin};
use crate::codes::OwnCode;
use crate::effect::Effect;
use crate::history::Change;
use crate::session::Level;
use std::collections::{HashMap, HashSet};

impl Model {
    /// Applies `decisions` on `document`'s gold standard as one undo step: for each, the
    /// curated passages carrying its tag and overlapping its span lose that tag (and are
    /// deleted when it was their only one), and the passages it keeps are made, curated by
    /// the user. Nothing happens without the user's name (a notice says so), or when nothing
    /// would change.
    pub(super) fn settle(
        &mut self,
        document: &str,
        decisions: Vec<Decision>,
        codes: Vec<OwnCode>,
        now: Millis,
    ) -> Vec<Effect> {
        let curator = self.session.annotator();
        if curator.is_empty() {
            let s = &mut self.session;
            s.notify(Level::Error, needs_name_first(), false, false);
            return vec![];
        }
        let Some(doc) = self.library.document(document).cloned() else {
            return vec![];
        };
        let mut changes = Vec::new();
        if let Some(change) = self.codes_of(codes) {
            changes.push(change);
        }
        // The curated passages as the decisions leave them, by id: each decision sees what
        // the ones before it changed.
        let mut gold: Vec<Annotation> = (self.library.annotations_of(document).into_iter())
            .filter(|a| a.origin == Origin::Curated)
            .cloned()
            .collect();
        let before = gold.clone();
        let mut book = self.library.codebook().clone();
        if let Some(Change::Codebook { after, .. }) = changes.first() {
            book = after.clone();
        }
        let maker = self.session.annotator_id().to_string();
        let mut made = HashSet::new();
        for d in decisions {
            let overlaps = |a: &Annotation| !a.whole_document && a.start < d.end && d.start < a.end;
            for a in gold.iter_mut().filter(|a| overlaps(a)) {
                a.tags.retain(|t| *t != d.tag);
            }
            gold.retain(|a| !a.tags.is_empty());
            for p in d.passages {
                let draft = Draft {
                    document: document.to_string(),
                    start: p.start,
                    end: p.end,
                    tags: vec![p.tag],
                    note: p.note,
                };
                let Ok(mut a) = Annotation::new_in(p.id, draft, &doc.text, &curator, now, &book)
                else {
                    continue;
                };
                a.annotator_id = maker.clone();
                a.origin = Origin::Curated;
                made.insert(a.id.clone());
                gold.push(a);
            }
        }
        // What changed: deleted, edited (a tag fewer), and made.
        let now_gold: HashMap<&str, &Annotation> =
            gold.iter().map(|a| (a.id.as_str(), a)).collect();
        for b in &before {
            match now_gold.get(b.id.as_str()).copied() {
                None => changes.push(Change::edited(b.clone(), None)),
                Some(a) if a != b => {
                    let mut a = a.clone();
                    a.updated = now;
                    changes.push(Change::edited(b.clone(), Some(a)));
                }
                Some(_) => {}
            }
        }
        drop(now_gold);
        changes.extend(
            (gold.into_iter())
                .filter(|a| made.contains(&a.id))
                .map(Change::created),
        );
        if changes.is_empty() {
            return vec![];
        }
        self.record(changes)
    }
}
