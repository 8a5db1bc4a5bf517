//! Provenance (issue 22) in real headless Chromium: a profile's export holds only the
//! annotations made in it unless the Export panel's "everything" is ticked, and the
//! version-5 records of tests/storage-v5 migrate to schema 6 with nothing lost.

use fantoccini::Locator;
use gcm_e2e::Browser;
use serde_json::{json, Value};
use std::path::PathBuf;

const SEED_004_TITLE: &str = "Global Migration Group";

fn profile(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("gcm-e2e-prov-{name}-{}", std::process::id()))
}

/// The stored settings record, parsed.
const SETTINGS_JS: &str = r#"
const [done] = arguments;
const open = indexedDB.open('gcm-annotator');
open.onsuccess = () => {
  const req = open.result.transaction('meta', 'readonly').objectStore('meta').get('settings');
  req.onsuccess = () => { done(req.result ? JSON.parse(req.result) : null); open.result.close(); };
  req.onerror = () => done(null);
};
open.onerror = () => done(null);
"#;

async fn stored_settings(b: &Browser) -> Value {
    b.client
        .execute_async(SETTINGS_JS, vec![])
        .await
        .expect("read the settings")
}

/// Opens the Export panel on all documents, ticks "everything" if asked, downloads the
/// project's JSON and returns it with what the panel said before.
async fn export(b: &Browser, everything: bool) -> (Value, String) {
    b.choose_export_of_all("gcm").await;
    let said = b
        .js(
            "return document.querySelector('#export-panel')?.innerText ?? ''",
            vec![],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string();
    if everything {
        b.client
            .find(Locator::Css("#export-everything"))
            .await
            .expect("the everything box")
            .click()
            .await
            .expect("tick everything");
        b.wait_until(
            "the left-out line gone",
            "return !document.querySelector('#export-left-out')",
        )
        .await;
    }
    b.click("button", "Download").await;
    let file = b.wait_download(".json").await;
    let name = file.file_name().unwrap().to_string_lossy().to_string();
    assert!(name.starts_with("gcm-all-documents-ana-gcm-"), "{name}");
    let v = serde_json::from_str(&std::fs::read_to_string(&file).expect("the export")).unwrap();
    let _ = std::fs::remove_file(file);
    (v, said)
}

fn ids(v: &Value) -> Vec<String> {
    let mut ids: Vec<String> = (v["annotations"].as_array().unwrap().iter())
        .chain(v["orphans"].as_array().into_iter().flatten())
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

/// Two people: the teacher's file is imported by the student, whose export holds only
/// her own annotation until she ticks "everything"; the panel says how many are left out.
#[tokio::test]
async fn an_export_holds_only_this_profiles_own_work_unless_everything_is_ticked() {
    let teacher = Browser::open().await;
    teacher.click("button", SEED_004_TITLE).await;
    teacher
        .annotate(
            "Kofi Annan",
            0,
            &["Objective 23: International cooperation"],
            "the key",
        )
        .await;
    let key = teacher.export_all("gcm", ".json").await;
    teacher.close().await;

    let student = Browser::open().await;
    student.click("button", SEED_004_TITLE).await;
    student
        .annotate(
            "UNESCO Chairs the Group",
            0,
            &["Objective 2: Minimize adverse drivers"],
            "mine",
        )
        .await;
    student.choose_file("#import-input", &key).await;
    student.wait_for_text("1 annotation imported").await;
    student.wait_saved().await;
    let stored = student.stored_annotations().await;
    let origin = |note: &str| {
        let a = stored.iter().find(|a| a["note"] == note).unwrap();
        (a["origin"].clone(), a["annotator_id"].clone())
    };
    let me = stored_settings(&student).await["annotator_id"].clone();
    assert_eq!(me.as_str().map(str::len), Some(36), "a UUID: {me}");
    assert_eq!(origin("mine"), (json!("here"), me.clone()));
    let (imported, teacher_id) = origin("the key");
    assert_eq!(imported, "imported");
    assert_ne!(teacher_id, me, "the teacher's id, kept");

    let (own, said) = export(&student, false).await;
    assert!(
        said.contains(
            "1 annotation not made in this browser (imported, or given as an example) is left out."
        ),
        "{said}"
    );
    assert_eq!(own["annotations"].as_array().unwrap().len(), 1, "{own}");
    assert_eq!(own["annotations"][0]["note"], "mine");
    assert_eq!(own["annotator_id"], me);
    let (all, _) = export(&student, true).await;
    let notes: Vec<&str> = (all["annotations"].as_array().unwrap().iter())
        .map(|a| a["note"].as_str().unwrap())
        .collect();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(notes.contains(&"the key") && notes.contains(&"mine"));
    student.close().await;
}

/// The version-5 records (tests/storage-v5) open with all their work; Ana's annotations
/// become this profile's, with the id the app made at start and stored, and the imported
/// ones are left out of an export; a reload finds the same records and the same id.
#[tokio::test]
async fn version_5_records_migrate_to_6_and_a_reload_loses_nothing() {
    let records: Value = serde_json::from_str(
        &std::fs::read_to_string(gcm_e2e::repo().join("tests/storage-v5/records.json")).unwrap(),
    )
    .unwrap();
    let b = Browser::launch(profile("v5"), json!({})).await;
    let written = b
        .client
        .execute_async(gcm_e2e::WRITE_RECORDS_JS, vec![records])
        .await
        .expect("write the version-5 records");
    assert_eq!(written, "written");
    b.open_app().await;
    b.wait_for_text("Kofi Annan").await;
    b.wait_saved().await;
    let settings = stored_settings(&b).await;
    // Rewritten in this version's schema (6 then; 7 since the gold standard).
    assert_eq!(
        settings["schema"],
        gcm_annotator::storage::SCHEMA_VERSION,
        "{settings}"
    );
    let me = settings["annotator_id"].as_str().unwrap().to_string();
    assert_eq!(me.len(), 36, "{me}");
    let migrated = b.stored_annotations().await;
    assert_eq!(migrated.len(), 10, "nothing dropped");
    for a in &migrated {
        let ana = a["annotator"] == "Ana";
        let (origin, id) = match ana {
            true => ("here", json!(me)),
            false => ("imported", Value::Null),
        };
        assert_eq!(
            (&a["origin"], &a["annotator_id"]),
            (&json!(origin), &id),
            "{a}"
        );
    }
    let (own, said) = export(&b, false).await;
    assert!(
        said.contains("2 annotations not made in this browser"),
        "{said}"
    );
    assert_eq!(ids(&own).len(), 8, "Ana's eight, the orphan among them");
    assert!(!ids(&own)
        .iter()
        .any(|id| id == "v5-ann-bo" || id == "v5-ann-nameless"));

    b.reload().await;
    b.wait_for_css("#doc-text .block").await;
    b.wait_saved().await;
    assert_eq!(
        stored_settings(&b).await["annotator_id"],
        json!(me),
        "made once"
    );
    let mut again = b.stored_annotations().await;
    let mut before = migrated.clone();
    let key = |a: &Value| a["id"].as_str().unwrap_or_default().to_string();
    again.sort_by_key(key);
    before.sort_by_key(key);
    assert_eq!(again, before, "the same records after a reload");
    let (all, _) = export(&b, true).await;
    assert_eq!(ids(&all).len(), 10);
    b.close().await;
}
