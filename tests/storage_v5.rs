//! Schema 6 (issue 22) read from the version-5 records committed under tests/storage-v5:
//! settings without an annotator id take the one made at start, and version-5 annotations
//! become this profile's or imported by their annotator's name ([`migrate_5_to_6`]).

use gcm_annotator::annotation::{Annotation, Origin};
use gcm_annotator::document::Document;
use gcm_annotator::effect::Effect;
use gcm_annotator::session::Settings;
use gcm_annotator::state::{Action, Model, Restored};
use gcm_annotator::storage::*;

/// The records of one store in tests/storage-v5, by key.
fn records(store: &str) -> Vec<(String, String)> {
    let all: serde_json::Value =
        serde_json::from_str(include_str!("storage-v5/records.json")).unwrap();
    let records = all[store].as_object().unwrap().iter();
    records
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
        .collect()
}

/// What the shell restores from records as they are stored (`annotations` and `meta`
/// as [`records`] gives them), in a model whose session made `profile` at start.
fn restore(
    annotations: &[(String, String)],
    meta: &[(String, String)],
    profile: &str,
) -> (Model, Vec<Effect>) {
    let documents: Vec<Document> = records("documents")
        .iter()
        .map(|(_, json)| decode::<StoredDocument>(json).unwrap().into_document())
        .collect();
    let get = |key: &str| meta.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
    let settings = decode::<StoredSettings>(get(SETTINGS_KEY).unwrap()).unwrap();
    let steps = meta
        .iter()
        .filter(|(k, _)| k.starts_with(STEP_PREFIX))
        .cloned();
    let (history, _) = gcm_annotator::history_store::load(get(HISTORY_KEY), steps.collect());
    let mut m = Model::default();
    m.session.settings.annotator_id = profile.into();
    let all: Vec<Annotation> = annotations
        .iter()
        .flat_map(|(_, json)| decode::<StoredChunk>(json).unwrap().annotations)
        .collect();
    let fits = |a: &Annotation| {
        let doc = documents.iter().find(|d| d.id == a.document);
        doc.or_else(|| m.library.document(&a.document))
            .is_some_and(|d| annotation_fits(a, d))
    };
    let (placed, orphans) = all.into_iter().partition(fits);
    let effects = m.apply(Action::Restore(Restored {
        documents,
        annotations: placed,
        orphans,
        settings: settings.settings,
        history,
        ..Restored::default()
    }));
    (m, effects)
}

#[test]
fn version_5_records_migrate_to_6_this_profiles_work_here_the_rest_imported() {
    let meta = records("meta");
    let settings = meta.iter().find(|(k, _)| k == SETTINGS_KEY).unwrap();
    let settings = decode::<StoredSettings>(&settings.1).unwrap();
    assert_eq!(settings.settings.annotator_id, "", "version 5 had no id");
    let (mut m, effects) = restore(&records("annotations"), &meta, "p-1");
    assert_eq!(
        m.session.annotator_id(),
        "p-1",
        "the id made at start is kept"
    );
    let counts = (m.library.annotations().len(), m.library.orphans().len());
    assert_eq!(counts, (9, 1));
    let maker = |m: &Model, id: &str| {
        let orphan = || m.library.orphans().iter().find(|a| a.id == id);
        let a = m.library.annotation(id).or_else(orphan).unwrap();
        (a.origin, a.annotator_id.clone())
    };
    for ana in [
        "v1-ann-crlf",
        "v1-ann-orphan",
        "v4-ann-whole",
        "v5-ann-made",
    ] {
        assert_eq!(maker(&m, ana), (Origin::Here, "p-1".into()), "{ana}");
    }
    for other in ["v5-ann-bo", "v5-ann-nameless"] {
        assert_eq!(maker(&m, other), (Origin::Imported, "".into()), "{other}");
    }
    // The settings (with the id) and every migrated annotation are written at once.
    assert!(effects.contains(&Effect::SaveSettings));
    let saved: Vec<&String> = effects
        .iter()
        .flat_map(|e| match e {
            Effect::SaveAnnotations(ids) => ids.ids().iter().collect(),
            _ => vec![],
        })
        .collect();
    assert_eq!(saved.len(), 10, "{saved:?}");
    // The stored undo step still works: Ana's latest annotation is taken back.
    m.apply(Action::Undo);
    assert!(m.library.annotation("v5-ann-made").is_none());
}

#[test]
fn a_reload_after_the_migration_finds_the_same_work_and_migrates_nothing_again() {
    let (m, _) = restore(&records("annotations"), &records("meta"), "p-1");
    // What the migration wrote, read back as the next start reads it.
    let placed = m.library.annotations().iter();
    let all: Vec<Annotation> = placed.chain(m.library.orphans().iter()).cloned().collect();
    let chunk = encode_chunk(&all);
    assert!(chunk.starts_with(&format!("{{\"schema\":{SCHEMA_VERSION}")));
    let settings = encode(&StoredSettings {
        settings: m.session.settings.clone(),
        ..StoredSettings::default()
    });
    let mut meta = records("meta");
    meta.retain(|(k, _)| k != SETTINGS_KEY);
    meta.push((SETTINGS_KEY.into(), settings));
    // Another id made at this start is not taken: the stored one is the profile's.
    let (again, effects) = restore(&[("chunk-0".into(), chunk)], &meta, "p-2");
    assert_eq!(again.session.annotator_id(), "p-1");
    assert_eq!(again.library, m.library, "nothing lost or changed");
    assert!(effects.is_empty(), "{effects:?}");
}

/// A plain annotation of nobody in particular.
fn sample() -> Annotation {
    let doc = Document::from_paste("d".into(), "D", "x").unwrap();
    let draft = gcm_annotator::annotation::Draft {
        document: "d".into(),
        start: gcm_annotator::text::Cp(0),
        end: gcm_annotator::text::Cp(1),
        tags: vec!["objective-1".into()],
        note: String::new(),
    };
    Annotation::new("a".into(), draft, &doc.text, "", 0).unwrap()
}

#[test]
fn a_name_that_is_not_the_settings_name_is_imported_and_an_empty_one_too() {
    let settings = Settings {
        annotator: " Ana ".into(),
        annotator_id: "p-1".into(),
        ..Settings::default()
    };
    let a = |name: &str, origin: Origin, id: &str| Annotation {
        annotator: name.into(),
        origin,
        annotator_id: id.into(),
        ..sample()
    };
    let cases = [
        (a("Ana", Origin::Here, ""), Some((Origin::Here, "p-1"))),
        (a("Bo", Origin::Here, ""), Some((Origin::Imported, ""))),
        (a("", Origin::Here, ""), Some((Origin::Imported, ""))),
        (a("Ana", Origin::Imported, ""), None),
        (a("Ana", Origin::Here, "p-9"), None),
        (a("Ana", Origin::Given, ""), None),
    ];
    for (mut before, after) in cases {
        let was = before.clone();
        let changed = migrate_5_to_6(&mut before, &settings);
        match after {
            Some((origin, id)) => {
                assert!(changed, "{was:?}");
                assert_eq!((before.origin, before.annotator_id.as_str()), (origin, id));
            }
            None => assert!(!changed && before == was, "{was:?}"),
        }
    }
}
