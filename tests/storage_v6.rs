//! Schema 7 (issue 23) read from the version-6 records committed under tests/storage-v6:
//! nothing changes shape, so every record reads as version 6 wrote it, and a gold
//! standard's `curated` origin, new in 7, is stored and read back.

use gcm_annotator::annotation::{Annotation, Origin};
use gcm_annotator::document::Document;
use gcm_annotator::state::class::Class;
use gcm_annotator::state::{Action, Model, Restored};
use gcm_annotator::storage::*;

/// The records of one store in tests/storage-v6, by key.
fn records(store: &str) -> Vec<(String, String)> {
    let all: serde_json::Value =
        serde_json::from_str(include_str!("storage-v6/records.json")).unwrap();
    let records = all[store].as_object().unwrap().iter();
    records
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
        .collect()
}

/// What the shell restores from the version-6 records, in a model whose session made
/// another id at start (the stored one must win).
fn restore() -> (Model, Vec<gcm_annotator::effect::Effect>) {
    let documents: Vec<Document> = records("documents")
        .iter()
        .map(|(_, json)| decode::<StoredDocument>(json).unwrap().into_document())
        .collect();
    let meta = records("meta");
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
        ..Restored::default()
    }));
    (m, effects)
}

#[test]
fn version_6_records_read_unchanged_with_every_origin_and_nothing_to_rewrite() {
    let (mut m, effects) = restore();
    let profile = "6b1f3a52-9c4e-4d7a-8e21-0c5d9f4a7b13";
    assert_eq!(m.session.annotator_id(), profile);
    assert_eq!(
        (m.library.annotations().len(), m.library.orphans().len()),
        (11, 1)
    );
    let origin = |id: &str| {
        let orphan = || m.library.orphans().iter().find(|a| a.id == id);
        let a = m.library.annotation(id).or_else(orphan).unwrap();
        (a.origin, a.annotator_id.clone())
    };
    assert_eq!(origin("v1-ann-crlf"), (Origin::Here, profile.into()));
    assert_eq!(origin("v5-ann-bo"), (Origin::Imported, "".into()));
    assert_eq!(
        origin("v6-ann-suggested"),
        (Origin::Suggested, profile.into())
    );
    assert_eq!(origin("v6-ann-given").0, Origin::Given);
    // Nothing needs writing again: version 7 reads version 6's records as they are.
    let rewrites = effects
        .iter()
        .filter(|e| matches!(e, gcm_annotator::effect::Effect::SaveAnnotations(_)))
        .count();
    assert_eq!(rewrites, 0, "{effects:?}");
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

#[test]
fn a_curated_passage_is_stored_and_read_back_as_curated() {
    let (m, _) = restore();
    let mut gold = m.library.annotation("v5-ann-made").unwrap().clone();
    gold.id = "gold-1".into();
    gold.origin = Origin::Curated;
    let chunk = encode_chunk(&[gold.clone()]);
    assert!(
        chunk.starts_with(&format!("{{\"schema\":{SCHEMA_VERSION}")),
        "{chunk}"
    );
    assert!(chunk.contains("\"origin\":\"curated\""), "{chunk}");
    let read = decode::<StoredChunk>(&chunk).unwrap().annotations;
    assert_eq!(read, vec![gold]);
    // A version-6 reader would not take it for its own: an origin it does not know reads
    // as imported (the same reader, given a word it lacks).
    let unknown = chunk.replace("\"curated\"", "\"reviewed\"");
    let read = decode::<StoredChunk>(&unknown).unwrap().annotations;
    assert_eq!(read[0].origin, Origin::Imported);
}
