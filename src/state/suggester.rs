//! The learned suggester's record (issue 24, schema 8): the app keeps it as the string its
//! module wrote ([`Model::suggester`]) and stores it, and never reads it, so that none of the
//! model's code weighs on the first load (as with Compare's files, [`super::class`]).

use super::Model;
use crate::effect::Effect;

impl Model {
    /// Keeps `record` as the suggester's (or forgets it, `None`) and asks for it to be
    /// stored (or deleted). No undo step and no journal entry: it is derived from the
    /// annotations. A read-only tab keeps it too; [`Model::apply`] drops the write there.
    pub(super) fn put_suggester(&mut self, record: Option<String>) -> Vec<Effect> {
        self.suggester = record.map(Into::into);
        vec![Effect::SaveSuggester]
    }
}

#[cfg(test)]
mod tests {
    use crate::action::{Action, Restored};
    use crate::chunks::split;
    use crate::effect::Effect;
    use crate::session::ReadOnly;
    use crate::state::Model;
    use crate::storage::{STORE_META, SUGGESTER_KEY};

    /// What the effects write to the suggester's key: `Some(put)` per write, `None` for a
    /// delete.
    fn writes(effects: Vec<Effect>, m: &Model) -> Vec<Option<String>> {
        let (records, annotations) = split(effects, m, 0);
        assert!(annotations.is_empty());
        records
            .iter()
            .map(|w| {
                assert_eq!((w.store, w.key.as_str()), (STORE_META, SUGGESTER_KEY));
                w.value.as_ref().map(|v| v.encode().into_owned())
            })
            .collect()
    }

    #[test]
    fn a_record_is_put_replaced_and_deleted_with_a_write_each_and_no_undo_step() {
        let mut m = Model::default();
        let first = r#"{"version":1,"learned":["a1"]}"#;
        let e = m.apply(Action::PutSuggester(Some(first.into())));
        assert_eq!(e, vec![Effect::SaveSuggester]);
        assert_eq!(m.suggester.as_deref(), Some(first));
        assert_eq!(writes(e, &m), vec![Some(first.to_string())]);

        let second = r#"{"version":1,"learned":["a1","a2"]}"#;
        let e = m.apply(Action::PutSuggester(Some(second.into())));
        assert_eq!(e, vec![Effect::SaveSuggester]);
        assert_eq!(writes(e, &m), vec![Some(second.to_string())]);

        let e = m.apply(Action::PutSuggester(None));
        assert_eq!(e, vec![Effect::SaveSuggester]);
        assert_eq!(m.suggester, None);
        assert_eq!(writes(e, &m), vec![None]);
        // Derived data: nothing to undo, and the user is never told of it.
        assert_eq!(m.history.undo_len(), 0);
        assert!(m.session.notices.iter().next().is_none());
    }

    #[test]
    fn a_read_only_tab_keeps_the_record_but_writes_nothing_and_refuses_nothing() {
        let mut m = Model::default();
        m.apply(Action::SetReadOnly(Some(ReadOnly::OtherTab)));
        let e = m.apply(Action::PutSuggester(Some("{\"version\":1}".into())));
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(m.suggester.as_deref(), Some("{\"version\":1}"));
        assert!(m.session.notices.iter().next().is_none());
        assert!(m.apply(Action::PutSuggester(None)).is_empty());
    }

    #[test]
    fn the_stored_record_is_restored_and_another_tabs_replaces_it() {
        let mut m = Model::default();
        m.apply(Action::Restore(Restored {
            suggester: Some("{\"version\":1,\"n\":1}".into()),
            ..Restored::default()
        }));
        assert_eq!(m.suggester.as_deref(), Some("{\"version\":1,\"n\":1}"));
        m.apply(Action::Reread(Restored {
            suggester: Some("{\"version\":1,\"n\":2}".into()),
            ..Restored::default()
        }));
        assert_eq!(m.suggester.as_deref(), Some("{\"version\":1,\"n\":2}"));
        m.apply(Action::Reread(Restored::default()));
        assert_eq!(m.suggester, None);
    }
}
