//! Bringing stored work into the [`Model`]: at start-up, and again when another tab has
//! written it (a read-only tab following the editor, or a tab taking over editing); and
//! the switch between editing and read-only.

use super::{Model, Restored};
use crate::effect::Effect;
use crate::session::ReadOnly;
use std::collections::HashSet;

impl Model {
    /// Replaces the library, the undo history and the settings with `r`. At start-up
    /// (`keep_view` false) the open document and the reading positions are the stored ones.
    /// When another tab wrote them (`keep_view`), this tab keeps what it shows while it still
    /// exists, forgets what pointed at annotations that are gone, and takes the stored undo
    /// steps for its own: its own were made on an older copy, and undoing one would write
    /// that copy over the newer work.
    ///
    /// Settings with no annotator id (version 5, or none stored yet) take the one this
    /// session has (the shell makes one at every start, [`crate::web`]) and are saved with
    /// it, so that the profile's id is made once; version-5 annotations are then migrated
    /// ([`crate::storage::migrate_5_to_6`]) and saved.
    pub(super) fn restore(&mut self, mut r: Restored, keep_view: bool) -> Vec<Effect> {
        let mut effects = vec![];
        if r.settings.annotator_id.is_empty() && !self.session.annotator_id().is_empty() {
            r.settings.annotator_id = self.session.settings.annotator_id.clone();
            effects.push(Effect::SaveSettings);
        }
        let mut ids: Vec<String> = Vec::new();
        for a in r.annotations.iter_mut().chain(r.orphans.iter_mut()) {
            if crate::storage::migrate_5_to_6(a, &r.settings) {
                ids.push(a.id.clone());
            }
        }
        if !ids.is_empty() {
            effects.push(Effect::SaveAnnotations(crate::effect::Ids::all(ids.into())));
        }
        self.library
            .restore(r.documents, r.annotations, r.orphans, r.codebook);
        let s = &mut self.session;
        s.settings = r.settings;
        s.codes_locked = r.codebook_unread;
        self.library.set_assignment(r.assignment);
        // The stored one: at start, and after another tab's writes (which it learned from).
        self.suggester = r.suggester;
        self.history = r.history;
        if !keep_view {
            s.open = r.open.filter(|id| self.library.document(id).is_some());
            // Inserted one by one: collecting into the map sorts first, and that sort was
            // 2.3 KB of the first load of its own (the last of a repeated id wins either way).
            s.scroll.clear();
            for (id, at) in r.scroll {
                s.scroll.insert(id, at);
            }
            return effects;
        }
        s.drop_undo_offers();
        let library = &self.library;
        s.scroll.retain(|id, _| library.document(id).is_some());
        if s.open
            .as_ref()
            .is_some_and(|id| library.document(id).is_none())
        {
            s.open = None;
            s.leave_document();
        }
        let gone: HashSet<String> = [&s.current, &s.editing]
            .into_iter()
            .flatten()
            .chain(s.pinned.iter().flat_map(|p| p.ids.iter()))
            .filter(|id| library.annotation(id).is_none())
            .cloned()
            .collect();
        s.forget_annotations(&gone);
        effects
    }

    /// Makes this tab read-only (`Some`: changes to the work are refused) or the editor.
    /// Whatever was pending or being edited stays on screen, so nothing typed is lost; its
    /// save is what gets refused.
    pub(super) fn set_read_only(&mut self, why: Option<ReadOnly>) -> Vec<Effect> {
        self.session.read_only = why;
        if why.is_none() {
            self.session.problem = None;
            let refusal = crate::session::read_only_refusal();
            self.session.notices.retain(|n| n.text != refusal);
        }
        vec![]
    }
}

#[cfg(test)]
mod tests {
    use crate::action::{Accepted, Action, Restored};
    use crate::document::Document;
    use crate::effect::Effect;
    use crate::session::{read_only_refusal, ReadOnly};
    use crate::state::Model;
    use crate::text::Cp;

    fn editor() -> Model {
        let mut m = Model::default();
        m.apply(Action::SetAnnotator("Ana".into()));
        let doc = Document::from_paste("u1".into(), "Mine", "alpha beta gamma").unwrap();
        m.apply(Action::AddDocuments(vec![doc]));
        create(&mut m, "a1", 0, 5, &["objective-1"]);
        m
    }

    use crate::state::testing::create;

    /// What the editor has stored, as a tab reads it back.
    fn stored(m: &Model) -> Restored {
        Restored {
            documents: m.library.documents()[5..].to_vec(),
            annotations: m.library.annotations().to_vec(),
            orphans: m.library.orphans().to_vec(),
            settings: m.session.settings.clone(),
            open: m.session.open.clone(),
            scroll: vec![],
            codebook: m.library.codebook().clone(),
            codebook_unread: None,
            history: m.history.clone(),
            assignment: m.library.assignment().cloned(),
            suggester: m.suggester.clone(),
        }
    }

    fn refusals(m: &Model) -> usize {
        let n = m.session.notices.iter();
        n.filter(|n| n.text == read_only_refusal()).count()
    }

    #[test]
    fn a_read_only_tab_refuses_every_change_to_the_work_and_says_why_once() {
        let mut m = editor();
        m.apply(Action::SetReadOnly(Some(ReadOnly::OtherTab)));
        let before = m.library.clone();
        let steps = m.history.undo_len();
        let tags = vec!["objective-2".to_string()];
        let refused = [
            Action::Create {
                id: "a2".into(),
                document: "u1".into(),
                start: Cp(6),
                end: Cp(10),
                tags: tags.clone(),
                note: String::new(),
                now: 2,
            },
            Action::Accept {
                passages: vec![Accepted {
                    id: "a3".into(),
                    start: Cp(6),
                    end: Cp(10),
                    tag: "objective-2".into(),
                }],
                now: 2,
            },
            Action::Update {
                id: "a1".into(),
                tags,
                note: "mine".into(),
                now: 2,
            },
            Action::Delete("a1".into()),
            Action::DeleteCurrent,
            Action::DeleteOrphan("a1".into()),
            Action::Undo,
            Action::Redo,
            Action::SetAnnotator("Bo".into()),
            Action::AddDocuments(vec![
                Document::from_paste("u2".into(), "Two", "x y").unwrap()
            ]),
            Action::RenameDocument {
                id: "u1".into(),
                title: "Renamed".into(),
            },
            Action::DeleteDocument("u1".into()),
        ];
        for action in refused {
            assert!(action.changes_stored_work(), "{action:?}");
            assert_eq!(m.apply(action.clone()), vec![], "{action:?}");
            assert_eq!(m.library, before, "{action:?} changed the library");
        }
        assert_eq!(m.session.settings.annotator, "Ana");
        assert_eq!(refusals(&m), 1);
        // An import is refused the same way, and so is the undo it would have made.
        let mut n = 0;
        let mut ids = || {
            n += 1;
            format!("i{n}")
        };
        let file = r#"{"text": "alpha beta gamma", "label": [[6, 10, "objective-3"]]}"#;
        let _ = m.import_file("x.jsonl", file.as_bytes(), &mut ids, 3);
        assert_eq!(m.library, before);
        assert_eq!(m.history.undo_len(), steps);
        assert_eq!(refusals(&m), 1);
    }

    #[test]
    fn a_read_only_tab_still_reads_finds_and_exports_but_asks_for_no_write() {
        let mut m = editor();
        m.apply(Action::CloseDocument);
        m.apply(Action::SetReadOnly(Some(ReadOnly::OtherTab)));
        // No write asked for; focus goes to the text as in any tab.
        assert!(m
            .apply(Action::OpenDocument("u1".into()))
            .iter()
            .all(|e| !e.is_storage()));
        assert_eq!(m.session.open.as_deref(), Some("u1"));
        let scrolled = m.apply(Action::Scrolled {
            document: "u1".into(),
            at: Cp(6),
        });
        assert_eq!(scrolled, vec![]);
        m.apply(Action::SetQuery("ALPHA".into()));
        assert_eq!(m.session.filter.query, "ALPHA");
        m.apply(Action::Propose {
            start: Cp(6),
            end: Cp(10),
        });
        assert!(
            m.session.pending.is_some(),
            "a passage can still be selected"
        );
        let export = m.apply(Action::ExportAll { now: 0 });
        assert!(
            matches!(&export[..], [Effect::Download { content, .. }] if content.contains("a1"))
        );
    }

    #[test]
    fn a_refused_save_keeps_the_pending_span_and_the_palette_says_why() {
        let mut m = editor();
        m.apply(Action::SetReadOnly(Some(ReadOnly::OtherTab)));
        m.apply(Action::Propose {
            start: Cp(6),
            end: Cp(10),
        });
        create(&mut m, "a2", 6, 10, &["objective-2"]);
        assert!(m.session.pending.is_some());
        assert_eq!(
            m.session.problem.as_deref(),
            Some(read_only_refusal().as_str())
        );
        assert!(m.library.annotation("a2").is_none());
    }

    #[test]
    fn the_tab_that_takes_over_edits_the_stored_work_not_its_stale_copy() {
        // Tab B opened read-only beside editor A.
        let mut a = editor();
        let mut b = Model::default();
        b.apply(Action::Restore(stored(&a)));
        b.apply(Action::SetReadOnly(Some(ReadOnly::OtherTab)));
        b.apply(Action::OpenDocument("u1".into()));
        b.apply(Action::SetCurrent(Some("a1".into())));
        // A adds an annotation and deletes nothing; then hands over.
        create(&mut a, "a2", 6, 10, &["objective-2"]);
        a.apply(Action::SetReadOnly(Some(ReadOnly::Moved)));
        // B takes over: it reads storage again before it edits.
        b.apply(Action::Reread(stored(&a)));
        b.apply(Action::SetReadOnly(None));
        assert!(b.library.annotation("a2").is_some(), "A's work is seen");
        assert_eq!(b.session.open.as_deref(), Some("u1"), "B's view stays");
        assert_eq!(b.session.current.as_deref(), Some("a1"));
        assert_eq!(
            b.history, a.history,
            "the stored steps, not those of the stale copy"
        );
        // B adds a tag to A's annotation: A's other work is untouched.
        let effects = b.apply(Action::Update {
            id: "a2".into(),
            tags: vec!["objective-2".into(), "objective-5".into()],
            note: String::new(),
            now: 5,
        });
        let saved: Vec<&Effect> = effects.iter().filter(|e| e.is_storage()).collect();
        assert!(saved.contains(&&Effect::SaveAnnotation(
            b.library.annotation("a2").unwrap().clone()
        )));
        assert_eq!(b.library.annotations().len(), 2);
        assert_eq!(
            a.apply(Action::Delete("a1".into())),
            vec![],
            "A is read-only now"
        );
        // A takes editing back: its old undo steps would write its stale copy over B's tag;
        // the stored steps are B's, and Undo takes back B's last change, the tag.
        a.apply(Action::Reread(stored(&b)));
        a.apply(Action::SetReadOnly(None));
        assert_eq!(a.library.annotation("a2").unwrap().tags.len(), 2);
        a.apply(Action::Undo);
        assert_eq!(a.library.annotation("a2").unwrap().tags, ["objective-2"]);
        assert!(a.library.annotation("a1").is_some());
    }

    #[test]
    fn deleting_a_document_after_taking_over_removes_what_the_other_tab_made_on_it() {
        let a = editor();
        let mut b = Model::default();
        b.apply(Action::SetReadOnly(Some(ReadOnly::OtherTab)));
        b.apply(Action::Reread(stored(&a)));
        assert_eq!(b.apply(Action::DeleteDocument("u1".into())), vec![]);
        b.apply(Action::SetReadOnly(None));
        let effects = b.apply(Action::DeleteDocument("u1".into()));
        assert!(
            effects.contains(&Effect::DeleteAnnotation("a1".into())),
            "{effects:?}"
        );
        assert!(effects.contains(&Effect::DeleteDocument("u1".into())));
    }

    #[test]
    fn rereading_drops_a_document_another_tab_deleted_and_what_pointed_into_it() {
        let mut b = editor();
        b.apply(Action::SetCurrent(Some("a1".into())));
        b.apply(Action::SetReadOnly(Some(ReadOnly::OtherTab)));
        let mut gone = stored(&b);
        gone.documents.clear();
        gone.annotations.clear();
        b.apply(Action::Reread(gone));
        assert_eq!(b.library.documents().len(), 5);
        assert_eq!(b.session.open, None);
        assert_eq!(b.session.current, None);
    }

    #[test]
    fn becoming_the_editor_again_accepts_changes_and_clears_the_refusal() {
        let mut m = editor();
        m.apply(Action::SetReadOnly(Some(ReadOnly::Moved)));
        m.apply(Action::Delete("a1".into()));
        assert_eq!(refusals(&m), 1);
        m.apply(Action::SetReadOnly(None));
        assert_eq!(refusals(&m), 0);
        let effects = m.apply(Action::Delete("a1".into()));
        assert_eq!(effects, vec![Effect::DeleteAnnotation("a1".into())]);
    }
}
