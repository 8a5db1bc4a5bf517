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
use crate::text::isolate;

/// What deleting a code does to the work: how many annotations (orphans included) carry it,
/// and how many of those carry no other code and so are deleted with it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CodeUse {
    pub annotations: usize,
    pub only_code: usize,
    /// The codes nested directly under it, which move up to its parent.
    pub sub_codes: usize,
}

impl CodeUse {
    /// What deleting the code does, in a sentence for the confirmation: "3 annotations carry
    /// it: 2 keep their other codes, 1 has no other code and is deleted. Undo brings it all
    /// back."
    pub fn consequence(&self) -> String {
        let CodeUse {
            annotations: n,
            only_code: gone,
            sub_codes,
        } = *self;
        let subs = match sub_codes {
            0 => String::new(),
            k => format!(" {}", t!("code-subs", count = k)),
        };
        if n == 0 {
            return t!("code-use-none", subs = subs);
        }
        let kept = n - gone;
        let mut parts = Vec::new();
        if kept > 0 {
            parts.push(t!("code-use-kept", count = kept));
        }
        if gone > 0 {
            parts.push(t!("code-use-gone", count = gone));
        }
        t!("code-use", count = n, parts = parts.join(", "), subs = subs)
    }
}

/// How many annotations (orphans included) carry each own code, in one pass: what the
/// codebook panel shows beside every code.
pub fn own_code_counts(
    library: &crate::library::Library,
) -> std::collections::HashMap<&str, usize> {
    let mut counts = std::collections::HashMap::new();
    for a in library.annotations().iter().chain(library.orphans().iter()) {
        for t in a
            .tags
            .iter()
            .filter(|t| t.starts_with(crate::codes::OWN_PREFIX))
        {
            *counts.entry(t.as_str()).or_insert(0) += 1;
        }
    }
    counts
}

/// What deleting the own code `id` would do to the library's annotations and orphans.
pub fn code_use(library: &crate::library::Library, id: &str) -> CodeUse {
    let mut u = CodeUse {
        sub_codes: library.codebook().children(id).count(),
        ..CodeUse::default()
    };
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
    /// Refuses a change to the codebook while the stored one could not be read (it is kept
    /// untouched): says why, and returns true.
    pub(super) fn codes_locked(&mut self) -> bool {
        let Some(why) = self.session.codes_locked.clone() else {
            return false;
        };
        self.session
            .notify(Level::Error, t!("code-locked", reason = why), false, false);
        true
    }

    /// Makes an own code (one undo step). A refused name is said in a notice.
    pub(super) fn add_code(&mut self, code: OwnCode) -> Vec<Effect> {
        if self.codes_locked() {
            return vec![];
        }
        let before = self.library.codebook().clone();
        let mut after = before.clone();
        let cut = Field::CodeName.clip(code.name.trim()).1;
        if let Err(e) = after.add(code) {
            return self.code_refused(e);
        }
        self.said_if_cut(cut);
        self.record(vec![Change::Codebook { before, after }])
    }

    /// Says that a code's name was cut to its limit, when it was.
    fn said_if_cut(&mut self, cut: bool) {
        if cut {
            let msg = Field::CodeName.clipped_message();
            self.session.notify(Level::Info, msg, false, false);
        }
    }

    /// Renames, recolours, re-nests or re-describes an own code (one undo step).
    pub(super) fn update_code(&mut self, code: OwnCode) -> Vec<Effect> {
        if self.codes_locked() {
            return vec![];
        }
        let before = self.library.codebook().clone();
        let mut after = before.clone();
        let (description, _) = Field::Note.clip(code.description.trim());
        let cut = Field::CodeName.clip(code.name.trim()).1;
        if let Err(e) = after.update(OwnCode {
            description,
            ..code
        }) {
            return self.code_refused(e);
        }
        if after == before {
            return vec![];
        }
        self.said_if_cut(cut);
        self.record(vec![Change::Codebook { before, after }])
    }

    /// Merges the own code `from` into `into` (an own code or a GCM tag): every annotation
    /// carrying `from` carries `into` instead, `from`'s sub-codes move under `into`, and
    /// `from` is gone. One undo step.
    pub(super) fn merge_codes(&mut self, from: &str, into: &str, now: Millis) -> Vec<Effect> {
        if self.codes_locked() {
            return vec![];
        }
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
            t!(
                "code-merged",
                name = isolate(&gone.name),
                into = isolate(&after.code(into).map(|c| c.label()).unwrap_or_default()),
                count = n
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
        if self.codes_locked() {
            return vec![];
        }
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
            t!(
                "code-deleted",
                name = isolate(&gone.name),
                consequence = used.consequence()
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
        // `None`: left alone; `Some(None)`: deleted; `Some(Some(a))`: retagged as `a`.
        let edit = |a: &Annotation| -> Option<Option<Annotation>> {
            match retag(&a.tags) {
                None => Some(None),
                Some(tags) if tags == a.tags => None,
                Some(mut tags) => {
                    crate::sort::sort_by_key(&mut tags, |t| codebook.index_of(t));
                    tags.dedup();
                    Some(Some(Annotation {
                        tags,
                        updated: now,
                        ..a.clone()
                    }))
                }
            }
        };
        for a in self.library.annotations().iter() {
            if let Some(after) = edit(a) {
                changes.push(Change::edited(a.clone(), after));
            }
        }
        for a in self.library.orphans().iter() {
            if let Some(after) = edit(a) {
                changes.push(Change::Orphan {
                    before: Some(a.clone()),
                    after,
                });
            }
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
                self.session.problem = Some(super::needs_tag());
                return vec![];
            }
        };
        let annotator = match self.require_name() {
            Ok(name) => name,
            Err(effects) => return effects,
        };
        let note = self.session.clip_typed(Field::Note, note.trim());
        let a = Annotation {
            annotator_id: self.session.annotator_id().to_string(),
            origin: crate::annotation::Origin::Here,
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
        self.session.notify(
            Level::Error,
            t!("code-refused", reason = e.to_string()),
            false,
            false,
        );
        vec![]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::action::Action;
    use crate::state::testing::{create, model_with_doc};

    fn code(id: &str, name: &str, parent: Option<&str>) -> OwnCode {
        OwnCode {
            id: format!("code-{id}"),
            name: name.into(),
            color: crate::codes::OWN_PALETTE[1].into(),
            parent: parent.map(String::from),
            description: String::new(),
        }
    }

    /// The library's annotations by id (the library keeps them in no particular order), its
    /// orphans and its codebook.
    fn work(m: &Model) -> (Vec<crate::annotation::Annotation>, Codebook) {
        let mut a = m.library.annotations().to_vec();
        a.extend(m.library.orphans().iter().cloned());
        a.sort_by(|x, y| x.id.cmp(&y.id));
        (a, m.library.codebook().clone())
    }

    fn tags_of(m: &Model, id: &str) -> Option<Vec<String>> {
        m.library.annotation(id).map(|a| a.tags.clone())
    }

    /// A model with codes A and B (B under A) and three annotations: `x` carries A and a
    /// GCM tag, `y` only A, `z` only B.
    fn tagged() -> Model {
        let mut m = model_with_doc("alpha beta gamma delta");
        m.apply(Action::AddCode(code("a", "Actor", None)));
        m.apply(Action::AddCode(code("b", "Bias", Some("code-a"))));
        create(&mut m, "x", 0, 5, &["code-a", "objective-3"]);
        create(&mut m, "y", 6, 10, &["code-a"]);
        create(&mut m, "z", 11, 16, &["code-b"]);
        assert_eq!(tags_of(&m, "x").unwrap(), ["objective-3", "code-a"]);
        m
    }

    #[test]
    fn a_code_is_made_once_and_its_name_must_be_free() {
        let mut m = model_with_doc("alpha");
        let effects = m.apply(Action::AddCode(code("a", "Actor", None)));
        // Stored: the saver takes the storage effects only.
        assert!(effects
            .iter()
            .any(|e| e == &Effect::SaveCodebook && e.is_storage()));
        m.apply(Action::AddCode(code("b", "ACTOR", None)));
        assert_eq!(m.library.codebook().own().len(), 1);
        assert!(m
            .session
            .notices
            .last()
            .unwrap()
            .text
            .contains("already the name"));
        m.apply(Action::AddCode(code(
            "c",
            "Migrant's rights",
            Some("objective-99"),
        )));
        assert_eq!(
            m.library.codebook().own().len(),
            1,
            "an unknown parent is refused"
        );
        m.apply(Action::Undo);
        assert!(
            m.library.codebook().own().is_empty(),
            "Undo takes the code back"
        );
        m.apply(Action::Redo);
        assert_eq!(m.library.codebook().own()[0].name, "Actor");
    }

    #[test]
    fn deleting_a_code_says_first_what_happens_and_undo_brings_it_all_back() {
        let mut m = tagged();
        let before = work(&m);
        let used = code_use(&m.library, "code-a");
        assert_eq!(
            used,
            CodeUse {
                annotations: 2,
                only_code: 1,
                sub_codes: 1
            }
        );
        assert_eq!(
            used.consequence(),
            "2 annotations carry it: 1 keeps its other codes, 1 has no other code and is deleted. Its sub-code moves up to its place. Undo brings it all back."
        );
        m.apply(Action::DeleteCode {
            id: "code-a".into(),
            now: 9,
        });
        assert_eq!(tags_of(&m, "x").unwrap(), ["objective-3"]);
        assert_eq!(tags_of(&m, "y"), None, "it carried only the deleted code");
        // B moves up to A's place, the top level.
        assert_eq!(
            m.library.codebook().own_code("code-b").unwrap().parent,
            None
        );
        assert!(m
            .session
            .notices
            .last()
            .unwrap()
            .text
            .starts_with("Deleted the code “\u{2068}Actor\u{2069}”. 2 annotations"));
        m.apply(Action::Undo);
        assert_eq!(work(&m), before, "one step takes it all back");
        // The GCM's tags are the standard.
        m.apply(Action::DeleteCode {
            id: "objective-3".into(),
            now: 9,
        });
        assert_eq!(work(&m), before);
    }

    #[test]
    fn merging_moves_annotations_and_sub_codes_into_the_other_code() {
        let mut m = tagged();
        m.apply(Action::AddCode(code("c", "Claim", None)));
        let before = work(&m);
        m.apply(Action::MergeCodes {
            from: "code-a".into(),
            into: "code-c".into(),
            now: 9,
        });
        assert_eq!(tags_of(&m, "x").unwrap(), ["objective-3", "code-c"]);
        assert_eq!(tags_of(&m, "y").unwrap(), ["code-c"]);
        assert!(m.library.codebook().own_code("code-a").is_none());
        assert_eq!(
            m.library
                .codebook()
                .own_code("code-b")
                .unwrap()
                .parent
                .as_deref(),
            Some("code-c")
        );
        // Into a GCM tag: the code's passages carry the tag.
        m.apply(Action::MergeCodes {
            from: "code-c".into(),
            into: "objective-3".into(),
            now: 10,
        });
        assert_eq!(tags_of(&m, "x").unwrap(), ["objective-3"], "no repeat");
        assert_eq!(tags_of(&m, "y").unwrap(), ["objective-3"]);
        m.apply(Action::Undo);
        m.apply(Action::Undo);
        assert_eq!(work(&m), before);
    }

    /// A stored codebook that could not be read (damaged, or from a newer version) is kept
    /// untouched: nothing in the session may write the codebook.
    #[test]
    fn an_unread_stored_codebook_is_never_written_over() {
        let mut m = tagged();
        let before = work(&m);
        m.session.codes_locked = Some("saved by a newer version".into());
        for action in [
            Action::AddCode(code("n", "New", None)),
            Action::UpdateCode(code("a", "Renamed", None)),
            Action::MergeCodes {
                from: "code-a".into(),
                into: "code-b".into(),
                now: 9,
            },
            Action::DeleteCode {
                id: "code-a".into(),
                now: 9,
            },
        ] {
            assert!(m.apply(action).iter().all(|e| !e.is_storage()));
        }
        assert_eq!(work(&m), before);
        assert!(m
            .session
            .notices
            .last()
            .unwrap()
            .text
            .contains("saved by a newer version"));
        // Nor an import that brings codes.
        let mut theirs = model_with_doc("alpha beta gamma delta");
        theirs.apply(Action::AddCode(code("t", "Theirs", None)));
        create(&mut theirs, "t1", 0, 5, &["code-t"]);
        let file = crate::formats::export::export_file(
            &theirs.library,
            crate::formats::Format::Project,
            None,
            crate::formats::Options::default(),
        );
        let mut n = 0;
        let effects = m
            .import_file(
                "theirs.json",
                file.content.as_bytes(),
                &mut || {
                    n += 1;
                    format!("i{n}")
                },
                5,
            )
            .unwrap();
        assert!(effects.iter().all(|e| !e.is_storage()));
        assert_eq!(work(&m), before);
    }

    #[test]
    fn a_name_over_the_limit_is_cut_and_said() {
        let mut m = model_with_doc("alpha");
        m.apply(Action::AddCode(code("a", &"é".repeat(300), None)));
        assert_eq!(m.library.codebook().own()[0].name.chars().count(), 100);
        assert_eq!(
            m.session.notices.last().unwrap().text,
            "The code name was cut to 100 characters."
        );
    }

    #[test]
    fn renaming_recolouring_and_nesting_check_names_and_cycles() {
        let mut m = tagged();
        let mut a = m.library.codebook().own_code("code-a").unwrap().clone();
        a.parent = Some("code-b".into());
        m.apply(Action::UpdateCode(a.clone()));
        assert_eq!(
            m.library.codebook().own_code("code-a").unwrap().parent,
            None
        );
        assert!(m
            .session
            .notices
            .last()
            .unwrap()
            .text
            .contains("its own sub-codes"));
        a.parent = Some("principle-human-rights".into());
        a.name = "  Actors  ".into();
        a.color = "#00ff00".into();
        m.apply(Action::UpdateCode(a));
        let a = m.library.codebook().own_code("code-a").unwrap();
        assert_eq!(
            (a.name.as_str(), a.parent.as_deref()),
            ("Actors", Some("principle-human-rights"))
        );
        assert!(crate::codes::OWN_PALETTE.contains(&a.color.as_str()));
    }

    #[test]
    fn a_whole_document_is_tagged_without_a_span() {
        let mut m = tagged();
        m.apply(Action::OpenDocument("u1".into()));
        m.apply(Action::StartTagDocument);
        assert!(m.session.tagging_document);
        m.apply(Action::TagDocument {
            id: "w".into(),
            document: "u1".into(),
            tags: vec!["code-b".into(), "objective-1".into()],
            note: " whole ".into(),
            now: 5,
        });
        let w = m.library.annotation("w").unwrap();
        assert!(w.whole_document);
        assert_eq!((w.start.0, w.end.0, w.quote.as_str()), (0, 0, ""));
        assert_eq!(w.tags, ["objective-1", "code-b"]);
        assert_eq!(w.note, "whole");
        assert!(!m.session.tagging_document);
        // Deleting its only own code... it keeps the GCM tag.
        m.apply(Action::DeleteCode {
            id: "code-b".into(),
            now: 6,
        });
        assert_eq!(tags_of(&m, "w").unwrap(), ["objective-1"]);
    }
}
