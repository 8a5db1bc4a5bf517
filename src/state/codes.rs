//! The user's own codes made, renamed, recoloured, nested, merged and deleted, and whole
//! documents tagged: the parts of [`Model::apply`] that change the codebook, each one undo
//! step. The GCM's 33 tags are never changed: they are the standard.

use super::Model;
use crate::annotation::{Annotation, Millis};
use crate::codes::{Codebook, OwnCode};
use crate::effect::{Effect, FocusTarget};
use crate::fields::Field;
use crate::history::Change;
use crate::session::Level;

/// What deleting a code does to the work: how many annotations (orphans included) carry it,
/// and how many of those carry no other code and so are deleted with it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CodeUse {
    pub annotations: usize,
    pub only_code: usize,
}

impl CodeUse {
    /// What deleting the code does, in a sentence for the confirmation: "3 annotations carry
    /// it: 2 keep their other codes, 1 has no other code and is deleted. Undo brings it all
    /// back."
    pub fn consequence(&self) -> String {
        use crate::text::{plural, thousands};
        let CodeUse {
            annotations: n,
            only_code: gone,
        } = *self;
        if n == 0 {
            return "No annotation carries it.".into();
        }
        let kept = n - gone;
        let mut parts = Vec::new();
        if kept > 0 {
            parts.push(format!(
                "{} keep{} {} other codes",
                thousands(kept),
                if kept == 1 { "s" } else { "" },
                if kept == 1 { "its" } else { "their" }
            ));
        }
        if gone > 0 {
            parts.push(format!(
                "{} {} no other code and {} deleted",
                thousands(gone),
                if gone == 1 { "has" } else { "have" },
                if gone == 1 { "is" } else { "are" }
            ));
        }
        format!(
            "{} annotation{} carr{} it: {}. Undo brings it all back.",
            thousands(n),
            plural(n),
            if n == 1 { "ies" } else { "y" },
            parts.join(", ")
        )
    }
}

/// What deleting the own code `id` would do to the library's annotations and orphans.
pub fn code_use(library: &crate::library::Library, id: &str) -> CodeUse {
    let mut u = CodeUse::default();
    for a in library.annotations().iter().chain(library.orphans().iter()) {
        if a.tags.iter().any(|t| t == id) {
            u.annotations += 1;
            if a.tags.len() == 1 {
                u.only_code += 1;
            }
        }
    }
    u
}

impl Model {
    /// Makes an own code (one undo step). A refused name is said in a notice.
    pub(super) fn add_code(&mut self, code: OwnCode) -> Vec<Effect> {
        let before = self.library.codebook().clone();
        let mut after = before.clone();
        if let Err(e) = after.add(code) {
            return self.code_refused(e);
        }
        self.record(vec![Change::Codebook { before, after }])
    }

    /// Renames, recolours, re-nests or re-describes an own code (one undo step).
    pub(super) fn update_code(&mut self, code: OwnCode) -> Vec<Effect> {
        let before = self.library.codebook().clone();
        let mut after = before.clone();
        let (description, _) = Field::Note.clip(code.description.trim());
        if let Err(e) = after.update(OwnCode {
            description,
            ..code
        }) {
            return self.code_refused(e);
        }
        if after == before {
            return vec![];
        }
        self.record(vec![Change::Codebook { before, after }])
    }

    /// Merges the own code `from` into `into` (an own code or a GCM tag): every annotation
    /// carrying `from` carries `into` instead, `from`'s sub-codes move under `into`, and
    /// `from` is gone. One undo step.
    pub(super) fn merge_codes(&mut self, from: &str, into: &str, now: Millis) -> Vec<Effect> {
        let before = self.library.codebook().clone();
        if from == into || !before.contains(into) {
            return vec![];
        }
        let mut after = before.clone();
        let Ok(gone) = after.remove(from) else {
            return self.code_refused(crate::codes::CodeError::NotOwn(from.into()));
        };
        // Sub-codes that `remove` lifted to `from`'s parent go under `into` instead.
        let lifted: Vec<OwnCode> = before
            .children(from)
            .filter(|c| c.id != into)
            .map(|c| OwnCode {
                parent: Some(into.to_string()),
                ..c.clone()
            })
            .collect();
        for c in lifted {
            // A sub-code that `into` is nested under stays where it was lifted to.
            let _ = after.update(c);
        }
        let mut changes = vec![Change::Codebook {
            before: before.clone(),
            after: after.clone(),
        }];
        changes.extend(self.retag(&after, now, |tags| {
            let mut t: Vec<String> = tags
                .iter()
                .map(|t| {
                    if t == from {
                        into.to_string()
                    } else {
                        t.clone()
                    }
                })
                .collect();
            t.dedup();
            Some(t)
        }));
        let n = changes.len() - 1;
        let effects = self.record(changes);
        self.session.notify(
            Level::Info,
            format!(
                "Merged “\u{2068}{}\u{2069}” into “\u{2068}{}\u{2069}” ({} annotation{} changed).",
                gone.name,
                after.code(into).map(|c| c.label()).unwrap_or_default(),
                crate::text::thousands(n),
                crate::text::plural(n)
            ),
            true,
            false,
        );
        effects
    }

    /// Deletes an own code: annotations that carry other codes lose it, those that carry
    /// only it are deleted; its sub-codes move up to its parent. One undo step, offered in
    /// the notice that says what happened.
    pub(super) fn delete_code(&mut self, id: &str, now: Millis) -> Vec<Effect> {
        let before = self.library.codebook().clone();
        let mut after = before.clone();
        let gone = match after.remove(id) {
            Ok(c) => c,
            Err(e) => return self.code_refused(e),
        };
        let used = code_use(&self.library, id);
        let mut changes = self.retag(&after, now, |tags| {
            let t: Vec<String> = tags.iter().filter(|t| *t != id).cloned().collect();
            (!t.is_empty()).then_some(t)
        });
        // The codebook last: Undo puts the code back before its annotations.
        changes.push(Change::Codebook { before, after });
        let effects = self.record(changes);
        self.session.notify(
            Level::Info,
            format!(
                "Deleted the code “\u{2068}{}\u{2069}”. {}",
                gone.name,
                used.consequence()
            ),
            true,
            false,
        );
        effects
    }

    /// The changes that give every annotation and orphan carrying a code that `retag`
    /// changes its new tags, in the order of `codebook`; `None` from `retag` deletes it.
    fn retag(
        &self,
        codebook: &Codebook,
        now: Millis,
        retag: impl Fn(&[String]) -> Option<Vec<String>>,
    ) -> Vec<Change> {
        let mut changes = Vec::new();
        let edit = |a: &Annotation| -> Option<Option<Annotation>> {
            let tags = retag(&a.tags)?;
            if tags == a.tags {
                return None;
            }
            let mut tags = tags;
            tags.sort_by_key(|t| codebook.index_of(t));
            tags.dedup();
            Some(Some(Annotation {
                tags,
                updated: now,
                ..a.clone()
            }))
        };
        for a in self.library.annotations().iter() {
            match edit(a) {
                Some(after) => changes.push(Change::edited(a.clone(), after)),
                None if retag(&a.tags).is_none() => changes.push(Change::edited(a.clone(), None)),
                None => {}
            }
        }
        for a in self.library.orphans().iter() {
            let after = match edit(a) {
                Some(after) => after,
                None if retag(&a.tags).is_none() => None,
                None => continue,
            };
            changes.push(Change::Orphan {
                before: Some(a.clone()),
                after,
            });
        }
        changes
    }

    /// Tags a whole document (not a passage) with codes and a note: one undo step.
    pub(super) fn tag_document(
        &mut self,
        id: String,
        document: String,
        tags: Vec<String>,
        note: String,
        now: Millis,
    ) -> Vec<Effect> {
        if self.library.document(&document).is_none() {
            return vec![];
        }
        let tags = match self.library.codebook().normalize(&tags) {
            Ok(t) => t,
            Err(_) => {
                self.session.problem = Some(super::NEEDS_TAG.into());
                return vec![];
            }
        };
        let annotator = match self.require_name() {
            Ok(name) => name,
            Err(effects) => return effects,
        };
        let note = self.session.clip_typed(Field::Note, note.trim());
        let a = Annotation {
            id,
            document,
            start: crate::text::Cp(0),
            end: crate::text::Cp(0),
            quote: String::new(),
            prefix: String::new(),
            suffix: String::new(),
            tags,
            note,
            created: now,
            updated: now,
            annotator,
            provenance: None,
            whole_document: true,
        };
        let s = &mut self.session;
        s.pending = None;
        s.problem = None;
        s.tagging_document = false;
        s.settings.remember_tags(&a.tags);
        let mut effects = self.record(vec![Change::created(a)]);
        effects.extend([Effect::SaveSettings, Effect::Focus(FocusTarget::Text)]);
        effects
    }

    fn code_refused(&mut self, e: crate::codes::CodeError) -> Vec<Effect> {
        self.session
            .notify(Level::Error, format!("Not changed: {e}."), false, false);
        vec![]
    }
}
