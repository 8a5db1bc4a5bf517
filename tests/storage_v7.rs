//! Schema 8 (issue 24) read from the version-7 records committed under tests/storage-v7:
//! nothing changes shape, so every record reads as version 7 wrote it (a gold standard's
//! `curated` passage included) and none is rewritten; a store without the suggester's record
//! has a suggester that learned nothing, and the record the suggester's module puts is
//! stored under its key as given and restored from it.

use gcm_annotator::annotation::{Annotation, Origin};
use gcm_annotator::chunks::split;
use gcm_annotator::document::Document;
use gcm_annotator::effect::Effect;
use gcm_annotator::state::class::Class;
use gcm_annotator::state::{Action, Model, Restored};
use gcm_annotator::storage::*;

/// The records of one store in tests/storage-v7, by key.
fn records(store: &str) -> Vec<(String, String)> {
    let all: serde_json::Value =
        serde_json::from_str(include_str!("storage-v7/records.json")).unwrap();
    let records = all[store].as_object().unwrap().iter();
    records
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
        .collect()
}

/// What the shell restores from these records (`meta` in place of the stored meta), as
/// `web::store::decode_all` reads them, in a model whose session made another id at start.
fn restore(meta: Vec<(String, String)>) -> (Model, Vec<Effect>) {
    let documents: Vec<Document> = records("documents")
        .iter()
        .map(|(_, json)| decode::<StoredDocument>(json).unwrap().into_document())
        .collect();
    let get = |key: &str| meta.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
    let settings = decode::<StoredSettings>(get(SETTINGS_KEY).unwrap()).unwrap();
    let steps = meta.iter().filter(|(k, _)| k.starts_with(STEP_PREFIX));
    let (history, _) =
        gcm_annotator::history_store::load(get(HISTORY_KEY), steps.cloned().collect());
    let mut m = Model::default();
    m.session.settings.annotator_id = "made-at-this-start".into();
    let all: Vec<Annotation> = records("annotations")
        .iter()
        .flat_map(|(_, json)| decode::<StoredChunk>(json).unwrap().annotations)
        .collect();
    let fits = |a: &Annotation| {
        let doc = documents.iter().find(|d| d.id == a.document);
        doc.or_else(|| m.library.document(&a.document))
            .is_some_and(|d| annotation_fits(a, d))
    };
    let (placed, orphans) = all.into_iter().partition(fits);
    let assignment = get(ASSIGNMENT_KEY).map(|j| decode_assignment(j).unwrap());
    let effects = m.apply(Action::Restore(Restored {
        documents,
        annotations: placed,
        orphans,
        settings: settings.settings,
        history,
        assignment,
        suggester: get(SUGGESTER_KEY).map(Into::into),
        ..Restored::default()
    }));
    (m, effects)
}

#[test]
fn version_7_records_read_unchanged_with_every_origin_and_no_suggester() {
    let (mut m, effects) = restore(records("meta"));
    let profile = "6b1f3a52-9c4e-4d7a-8e21-0c5d9f4a7b13";
    assert_eq!(m.session.annotator_id(), profile);
    assert_eq!(
        (m.library.annotations().len(), m.library.orphans().len()),
        (12, 1)
    );
    let origin = |id: &str| {
        let orphan = || m.library.orphans().iter().find(|a| a.id == id);
        let a = m.library.annotation(id).or_else(orphan).unwrap();
        (a.origin, a.annotator_id.clone())
    };
    assert_eq!(origin("v1-ann-crlf"), (Origin::Here, profile.into()));
    assert_eq!(origin("v1-ann-orphan"), (Origin::Here, profile.into()));
    assert_eq!(origin("v5-ann-bo"), (Origin::Imported, "".into()));
    assert_eq!(
        origin("v6-ann-suggested"),
        (Origin::Suggested, profile.into())
    );
    assert_eq!(origin("v6-ann-given").0, Origin::Given);
    let teacher = "0d9e8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b";
    assert_eq!(origin("v7-ann-curated"), (Origin::Curated, teacher.into()));
    // Nothing needs writing again: version 8 reads version 7's records as they are.
    assert!(!effects.iter().any(Effect::is_storage), "{effects:?}");
    // No suggester record: a suggester that learned nothing.
    assert_eq!(m.suggester, None);
    let a = m.library.assignment().expect("the assignment");
    assert_eq!(a.documents, vec!["user-pdf-7c1e".to_string()]);
    // Compare's two files, Ben's and the assignment's.
    let (class, problems) = Class::decode(&records("meta"));
    assert!(problems.is_empty(), "{problems:?}");
    let roster: Vec<&str> = class
        .roster("user-pdf-7c1e")
        .map(|(_, a)| a.name.as_str())
        .collect();
    assert_eq!(roster, vec!["Ben 😀"]);
    assert_eq!(class.scope("user-pdf-7c1e").unwrap().1.given.len(), 1);
    // The stored undo step still works.
    m.apply(Action::Undo);
    assert!(m.library.annotation("v5-ann-made").is_none());
}

/// The writes `effects` make of `m`, as (store, key, value or `None` for a delete).
fn writes(effects: Vec<Effect>, m: &Model) -> Vec<(&'static str, String, Option<String>)> {
    let (records, _) = split(effects, m, 0);
    let out = records.iter().map(|w| {
        let value = w.value.as_ref().map(|v| v.encode().into_owned());
        (w.store, w.key.clone(), value)
    });
    out.collect()
}

#[test]
fn the_suggesters_record_is_stored_under_its_key_as_given_and_restored_from_it() {
    let (mut m, _) = restore(records("meta"));
    let steps = m.history.undo_len();
    // The module's own JSON, with its own version: the app stores it byte for byte.
    let record = "{\"version\":3,\"tags\":{\"objective-7\":[1, 2.5e-3]},\"learned\":[\"v5-ann-made\"],\"note\":\"😀 مهاجرون\"}";
    let effects = m.apply(Action::PutSuggester(Some(record.into())));
    assert_eq!(m.history.undo_len(), steps, "not an undo step");
    let w = writes(effects, &m);
    let put = (
        STORE_META,
        SUGGESTER_KEY.to_string(),
        Some(record.to_string()),
    );
    assert_eq!(w, vec![put]);

    // The next start reads it back as it was written.
    let mut meta = records("meta");
    meta.push((SUGGESTER_KEY.into(), record.into()));
    let (again, effects) = restore(meta.clone());
    assert_eq!(again.suggester.as_deref(), Some(record));
    assert!(!effects.iter().any(Effect::is_storage), "{effects:?}");
    // Compare does not take it for one of its files.
    assert!(Class::decode(&meta).1.is_empty());

    // A reset deletes it.
    let mut again = again;
    let w = writes(again.apply(Action::PutSuggester(None)), &again);
    assert_eq!(w, vec![(STORE_META, SUGGESTER_KEY.to_string(), None)]);
    assert_eq!(again.suggester, None);
}
