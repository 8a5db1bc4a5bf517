//! Tests of [`super`]: what a change writes, and the history read back.

use super::*;
use crate::annotation::Annotation;
use crate::codes::Codebook;
use crate::document::Document;
use crate::history::{Change, Step};
use crate::storage::SCHEMA_VERSION;
use crate::storage::{
    annotation_fits, decode, StoredChunk, StoredCodebook, StoredCommit, StoredDocument,
    StoredSettings, CODEBOOK_KEY, COMMIT_KEY, SETTINGS_KEY,
};
use crate::text::Cp;
use std::collections::HashMap;

fn a(id: &str, note: &str) -> Annotation {
    Annotation {
        document: "u1".into(),
        end: Cp(5),
        quote: "alpha".into(),
        suffix: " beta".into(),
        created: 1,
        updated: 1,
        annotator: "Ana".into(),
        ..Annotation::sample(id, note)
    }
}

fn created(id: &str) -> Step {
    Step::new(vec![Change::created(a(id, ""))])
}

/// What the writes leave in a store of `(key, value)`, as IndexedDB would.
fn apply(store: &mut HashMap<String, String>, writes: Vec<Write>) {
    for w in writes {
        match w.value {
            Some(v) => store.insert(w.key, v.encode().into_owned()),
            None => store.remove(&w.key),
        };
    }
}

/// The history read back from `store`.
fn read(store: &HashMap<String, String>) -> (History, Shelf) {
    let steps = store
        .iter()
        .filter(|(k, _)| k.starts_with(STEP_PREFIX))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    load(store.get(HISTORY_KEY).map(String::as_str), steps)
}

#[test]
fn a_change_writes_its_new_step_and_the_list_not_the_whole_history() {
    let mut h = History::default();
    let mut shelf = Shelf::default();
    let mut store = HashMap::new();
    for i in 0..50 {
        h.record(created(&format!("a{i}")));
        let writes = shelf.writes(&h);
        let keys: Vec<&str> = writes.iter().map(|w| w.key.as_str()).collect();
        assert_eq!(
            keys,
            [step_key(h.undo_steps()[i].seq).as_str(), HISTORY_KEY]
        );
        apply(&mut store, writes);
    }
    assert!(
        shelf.writes(&h).is_empty(),
        "nothing changed, nothing written"
    );
    // Undo writes the list only: the step moves from one stack to the other.
    h.undo();
    let writes = shelf.writes(&h);
    assert_eq!(writes.len(), 1);
    apply(&mut store, writes);
    // A new step forgets the undone one: its record goes.
    h.record(created("b"));
    let writes = shelf.writes(&h);
    let deleted: Vec<&str> = writes
        .iter()
        .filter(|w| w.value.is_none())
        .map(|w| w.key.as_str())
        .collect();
    assert_eq!(deleted, [step_key(49).as_str()]);
    apply(&mut store, writes);
    let (back, _) = read(&store);
    assert_eq!(back, h);
    assert!(store[HISTORY_KEY].contains(&format!("\"schema\":{SCHEMA_VERSION}")));
}

#[test]
fn the_history_read_back_undoes_and_redoes_as_before_and_numbers_on() {
    let mut h = History::default();
    let mut shelf = Shelf::default();
    let mut store = HashMap::new();
    h.record(created("a1"));
    h.record(Step::new(vec![Change::edited(
        a("a1", ""),
        Some(a("a1", "edited")),
    )]));
    h.record(created("a2"));
    h.undo();
    apply(&mut store, shelf.writes(&h));
    let (mut back, mut shelf) = read(&store);
    assert_eq!(back.undo_len(), 2);
    assert!(back.can_redo());
    assert_eq!(back.redo().unwrap(), created("a2"));
    back.undo();
    assert_eq!(
        back.undo().unwrap().changes(),
        [Change::edited(a("a1", "edited"), Some(a("a1", "")))]
    );
    // A step made after the reload takes a number no record had.
    back.record(created("a3"));
    assert_eq!(back.undo_steps().last().unwrap().seq, 3);
    apply(&mut store, shelf.writes(&back));
    assert_eq!(read(&store).0, back);
}

#[test]
fn an_unreadable_history_reads_as_empty_and_a_newer_one_is_left_alone() {
    let mut h = History::default();
    let mut shelf = Shelf::default();
    let mut store = HashMap::new();
    h.record(created("a1"));
    apply(&mut store, shelf.writes(&h));
    // A damaged step: empty, and the next change writes over it.
    let mut damaged = store.clone();
    damaged.insert(step_key(0), "{\"schema\":5,\"kinds\":\"a2\"".into());
    let (mut back, mut shelf) = read(&damaged);
    assert!(!back.can_undo() && !back.can_redo() && !shelf.off);
    back.record(created("a2"));
    let writes = shelf.writes(&back);
    assert!(writes
        .iter()
        .any(|w| w.key == step_key(0) && w.value.is_none()));
    apply(&mut damaged, writes);
    assert_eq!(read(&damaged).0.undo_len(), 1);
    // A step whose lists do not hold what it says.
    let mut short = store.clone();
    short.insert(step_key(0), "{\"schema\":5,\"kinds\":\"a3\"}".into());
    assert!(!read(&short).0.can_undo());
    // A list from a newer version: empty, and nothing is written in this session.
    let mut newer = store.clone();
    newer.insert(HISTORY_KEY.into(), "{\"schema\":99,\"undo\":[1]}".into());
    let (mut back, mut shelf) = read(&newer);
    assert!(!back.can_undo() && shelf.off);
    back.record(created("a2"));
    assert!(shelf.writes(&back).is_empty());
    // No list at all (a version-4 store): empty.
    let mut none = store.clone();
    none.remove(HISTORY_KEY);
    assert!(!read(&none).0.can_undo());
}

#[test]
fn a_step_over_the_whole_budget_stays_in_memory_and_is_not_stored() {
    let mut h = History::default();
    let mut shelf = Shelf::default();
    let mut store = HashMap::new();
    h.record(created("a1"));
    let big = a("big", &"x".repeat(crate::history::HISTORY_BYTES));
    h.record(Step::new(vec![Change::created(big)]));
    assert_eq!(h.undo_len(), 1, "the older step made room");
    apply(&mut store, shelf.writes(&h));
    assert!(!store.keys().any(|k| k.starts_with(STEP_PREFIX)));
    assert!(!read(&store).0.can_undo());
}

/// The version-4 records committed under tests/storage-v4, as the app wrote them.
fn v4_records(store: &str) -> Vec<(String, String)> {
    let all: serde_json::Value =
        serde_json::from_str(include_str!("../tests/storage-v4/records.json")).unwrap();
    let records = all[store].as_object().unwrap().iter();
    records
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn version_4_records_migrate_to_version_5_with_an_empty_history_that_works() {
    use crate::state::{Action, Model, Restored};
    let documents: Vec<Document> = v4_records("documents")
        .iter()
        .map(|(_, json)| decode::<StoredDocument>(json).unwrap().into_document())
        .collect();
    assert_eq!(documents.len(), 2);
    let chunk = decode::<StoredChunk>(&v4_records("annotations")[0].1).unwrap();
    assert_eq!(chunk.annotations.len(), 7);
    let whole = chunk
        .annotations
        .iter()
        .find(|a| a.id == "v4-ann-whole")
        .unwrap();
    assert!(whole.whole_document);
    let meta = v4_records("meta");
    let get = |key: &str| meta.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
    let book = decode::<StoredCodebook>(get(CODEBOOK_KEY).unwrap()).unwrap();
    assert_eq!(book.codes[0].name, "Écart de mise en œuvre 😀");
    assert_eq!(
        decode::<StoredCommit>(get(COMMIT_KEY).unwrap())
            .unwrap()
            .committed,
        9
    );
    let settings = decode::<StoredSettings>(get(SETTINGS_KEY).unwrap()).unwrap();
    // No history before schema 5: it reads as empty, and is stored from the next change.
    assert_eq!(get(HISTORY_KEY), None);
    let (history, mut shelf) = load(get(HISTORY_KEY), vec![]);
    assert!(!history.can_undo() && !history.can_redo() && !shelf.off);
    let mut m = Model::default();
    let placed = |a: &Annotation| {
        let doc = documents.iter().find(|d| d.id == a.document);
        doc.or_else(|| m.library.document(&a.document))
            .is_some_and(|d| annotation_fits(a, d))
    };
    let (annotations, orphans) = chunk.annotations.into_iter().partition(placed);
    m.apply(Action::Restore(Restored {
        documents,
        annotations,
        orphans,
        settings: settings.settings,
        open: settings.open,
        scroll: vec![],
        codebook: Codebook::new(book.codes),
        codebook_unread: None,
        history,
        assignment: None,
        suggester: None,
    }));
    assert_eq!(m.library.annotations().len(), 6);
    assert_eq!(m.library.orphans().len(), 1);
    m.apply(Action::Delete("v4-ann-whole".into()));
    assert_eq!(m.library.annotations().len(), 5);
    let writes = shelf.writes(&m.history);
    assert_eq!(writes.len(), 2, "the step and the list");
    let step = writes[0].value.as_ref().unwrap().encode().into_owned();
    assert!(step.contains(&format!("\"schema\":{SCHEMA_VERSION}")));
    let back = decode_step(&step).unwrap();
    assert_eq!(&back, &m.history.undo_steps()[0].step);
    m.apply(Action::Undo);
    assert_eq!(m.library.annotations().len(), 6, "Undo brings it back");
}

#[test]
fn undoing_a_stored_step_whose_annotation_or_document_is_gone_skips_it() {
    use crate::state::{Action, Model, Restored};
    // Steps as stored: an annotation made on a document that is no longer here, an edit
    // of an annotation that is gone, and an import that brought a document.
    let doc = Document::from_paste("gone-doc".into(), "Gone", "alpha beta").unwrap();
    let mut h = History::default();
    h.record(Step::new(vec![
        Change::Document {
            before: None,
            after: Some(doc),
        },
        Change::created(a("on-gone", "")),
    ]));
    h.record(Step::new(vec![Change::edited(
        a("missing", ""),
        Some(a("missing", "n")),
    )]));
    h.record(created("also-missing"));
    let mut shelf = Shelf::default();
    let mut store = HashMap::new();
    apply(&mut store, shelf.writes(&h));
    let (history, _) = read(&store);
    let mut m = Model::default();
    m.apply(Action::Restore(Restored {
        history,
        ..Restored::default()
    }));
    let before = m.library.clone();
    for _ in 0..3 {
        m.apply(Action::Undo);
    }
    assert!(!m.history.can_undo());
    assert_eq!(
        m.library.annotations().len(),
        1,
        "the edit's before comes back"
    );
    assert_eq!(
        m.library.documents(),
        before.documents(),
        "no document to take back"
    );
    for _ in 0..3 {
        m.apply(Action::Redo);
    }
    assert!(m.history.can_undo() && !m.history.can_redo());
}
