//! Durable saves in the real browser: records of storage version 1 written into IndexedDB
//! before the app first opens are all shown (migrated to version 2) after opening and after
//! a reload; a damaged record is reported and kept untouched while new work is saved beside
//! it; and a tab closed while a large import is saving either kept all of it or says, at the
//! next start, which import was not saved.

use fantoccini::Locator;
use gcm_e2e::Browser;
use serde_json::{json, Value};
use std::path::PathBuf;

const SEED_004_TITLE: &str = "Global Migration Group";
const USER_DOC: &str = "Notes 😀 on arrival";

fn profile(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("gcm-e2e-{name}-{}", std::process::id()))
}

async fn list_count(b: &Browser) -> String {
    b.js(
        "return document.querySelector('#list-title .count')?.textContent ?? ''",
        vec![],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

/// Exports all documents as the project's JSON through the Export panel.
async fn export_all(b: &Browser) -> Value {
    b.click("button", "Export").await;
    b.wait_for_css("#export-panel").await;
    b.client
        .find(Locator::Css("#export-panel input[name=scope]:not([disabled]) + *, #export-panel label:nth-of-type(2) input"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.select_value("select[aria-label=Format]", "gcm").await;
    b.click("button", "Download").await;
    let file = b.wait_download(".json").await;
    let v = serde_json::from_str(&std::fs::read_to_string(&file).expect("the export")).unwrap();
    let _ = std::fs::remove_file(file);
    v
}

/// Everything the version-1 session made, as the app shows it now.
async fn check_v1_work_is_shown(b: &Browser, when: &str) {
    check_work_is_shown(b, when, &[]).await
}

/// [`check_v1_work_is_shown`], with the ids of annotations that later versions' records
/// add (`extra`) expected in the export too.
async fn check_work_is_shown(b: &Browser, when: &str, extra: &[&str]) {
    let body = b.body_text().await;
    assert!(!body.contains("was not loaded"), "{when}: {body}");
    assert!(!body.contains("was not saved"), "{when}: {body}");
    // The settings: the open document (seed 004 at first, where its annotation is; the
    // user's after the reload) and the name.
    if when == "after opening" {
        b.wait_for_text("Kofi Annan").await;
    } else {
        b.wait_for_text("Migrants 😀 arrive.").await;
        b.click("button", SEED_004_TITLE).await;
        b.wait_for_text("Kofi Annan").await;
    }
    b.wait_until(
        "the seed's annotation listed",
        "return document.querySelector('#list-title .count')?.textContent === '1'",
    )
    .await;
    assert_eq!(list_count(b).await, "1", "{when}: the seed's annotation");
    assert_eq!(b.highlight_sizes().await["objective-23"], 1, "{when}");
    assert!(body.contains("Ana"), "{when}: the annotator's name");
    // The user's document with CRLF, an emoji and Arabic, and its three annotations.
    b.click("button", USER_DOC).await;
    b.wait_for_text("Migrants 😀 arrive.").await;
    b.wait_until(
        "the document's three annotations",
        "return document.querySelector('#list-title .count')?.textContent === '3'",
    )
    .await;
    let sizes = b.highlight_sizes().await;
    // One annotation has two tags: the second is drawn as a stripe under the first.
    for tag in [
        "objective-2",
        "objective-5",
        "t2-principle-human-rights",
        "objective-23",
    ] {
        assert_eq!(sizes[tag], 1, "{when}: {tag} in {sizes}");
    }
    let entries = b.list_entries().await.join(" | ");
    assert!(
        entries.contains("after the emoji <b>bold?</b>"),
        "{when}: {entries}"
    );
    // The orphan (its document is gone) is kept: in the export of everything.
    let all = export_all(b).await;
    let mut ids: Vec<&str> = all["annotations"]
        .as_array()
        .into_iter()
        .chain(all["orphans"].as_array())
        .flatten()
        .filter_map(|a| a["id"].as_str())
        .collect();
    ids.sort();
    let mut expected = vec![
        "v1-ann-crlf",
        "v1-ann-emoji",
        "v1-ann-orphan",
        "v1-ann-rtl",
        "v1-ann-seed",
    ];
    expected.extend_from_slice(extra);
    expected.sort();
    assert_eq!(ids, expected, "{when}");
}

#[tokio::test]
async fn version_1_records_written_before_the_app_opens_are_all_shown_and_survive_a_reload() {
    let records: Value = serde_json::from_str(
        &std::fs::read_to_string(gcm_e2e::repo().join("tests/storage-v1/records.json")).unwrap(),
    )
    .unwrap();
    let b = Browser::launch(profile("v1"), json!({})).await;
    let written = b
        .client
        .execute_async(gcm_e2e::WRITE_RECORDS_JS, vec![records])
        .await
        .expect("write the version-1 records");
    assert_eq!(written, "written");
    b.open_app().await;
    check_v1_work_is_shown(&b, "after opening").await;
    // The settings are rewritten as version 2 (the open document changed); the version-1
    // annotation records are read again, as they are, after a reload.
    b.wait_saved().await;
    b.reload().await;
    check_v1_work_is_shown(&b, "after a reload").await;
    let stored = b.stored_annotations().await;
    assert_eq!(
        stored.len(),
        5,
        "nothing was dropped from storage: {stored:?}"
    );
    b.close().await;
}

/// Schema 3 (issue 18) adds a source file and page starts to documents; version-2 records,
/// as the version-2 app wrote them (tests/storage-v2), are read as they are.
#[tokio::test]
async fn version_2_records_written_before_the_app_opens_are_all_shown_and_survive_a_reload() {
    let records: Value = serde_json::from_str(
        &std::fs::read_to_string(gcm_e2e::repo().join("tests/storage-v2/records.json")).unwrap(),
    )
    .unwrap();
    let b = Browser::launch(profile("v2"), json!({})).await;
    let written = b
        .client
        .execute_async(gcm_e2e::WRITE_RECORDS_JS, vec![records])
        .await
        .expect("write the version-2 records");
    assert_eq!(written, "written");
    b.open_app().await;
    check_v1_work_is_shown(&b, "after opening").await;
    // The orphan keeps the file it came from (schema 2's provenance).
    let stored = b.stored_annotations().await;
    let orphan = stored
        .iter()
        .find(|a| a["id"] == "v1-ann-orphan")
        .expect("the orphan is stored");
    assert_eq!(orphan["provenance"]["file"], "class-notes.json");
    b.wait_saved().await;
    b.reload().await;
    check_v1_work_is_shown(&b, "after a reload").await;
    assert_eq!(b.stored_annotations().await.len(), 5);
    b.close().await;
}

/// Schema 4 (issue 19) adds own codes and whole-document tags; version-3 records, as the
/// version-3 app wrote them (tests/storage-v3: the version-2 work, plus a document read
/// from a PDF with its pages and an annotation on page 2), are read as they are, and a code
/// made afterwards is stored beside them.
#[tokio::test]
async fn version_3_records_written_before_the_app_opens_are_all_shown_and_survive_a_reload() {
    let records: Value = serde_json::from_str(
        &std::fs::read_to_string(gcm_e2e::repo().join("tests/storage-v3/records.json")).unwrap(),
    )
    .unwrap();
    let b = Browser::launch(profile("v3"), json!({})).await;
    let written = b
        .client
        .execute_async(gcm_e2e::WRITE_RECORDS_JS, vec![records])
        .await
        .expect("write the version-3 records");
    assert_eq!(written, "written");
    b.open_app().await;
    check_work_is_shown(&b, "after opening", &["v3-ann-page-two"]).await;
    // The PDF's document, its page 2 and its annotation there.
    b.click("button", "Review 😀").await;
    b.wait_for_text("Page two 😀 مهاجرون.").await;
    let entries = b.list_entries().await.join(" | ");
    assert!(entries.contains("p. 2"), "{entries}");
    assert!(entries.contains("Page two 😀 مهاجرون."), "{entries}");
    // A code of one's own is stored beside the old records, and all of it survives a reload.
    b.click("button", "Codebook…").await;
    b.client
        .find(fantoccini::Locator::Id("new-code-name"))
        .await
        .unwrap()
        .send_keys("Stance")
        .await
        .unwrap();
    b.click("button", "Add code").await;
    b.wait_saved().await;
    b.click("button", USER_DOC).await;
    b.wait_saved().await;
    b.reload().await;
    check_work_is_shown(&b, "after a reload", &["v3-ann-page-two"]).await;
    assert_eq!(b.stored_annotations().await.len(), 6);
    b.click("button", "Codebook…").await;
    b.wait_for_css(".own-codes").await;
    assert!(b.body_text().await.contains("Stance"));
    b.close().await;
}

/// Schema 5 (issue 20) keeps the undo history; version-4 records, as the version-4 app wrote
/// them (tests/storage-v4: the version-3 work, plus an own code and an annotation that tags
/// the whole PDF with it), have none. All the work is shown, the history is empty, and it
/// works: a change made now is undone after a reload.
#[tokio::test]
async fn version_4_records_are_all_shown_with_an_empty_history_that_works_after_a_reload() {
    let records: Value = serde_json::from_str(
        &std::fs::read_to_string(gcm_e2e::repo().join("tests/storage-v4/records.json")).unwrap(),
    )
    .unwrap();
    let b = Browser::launch(profile("v4"), json!({})).await;
    let written = b
        .client
        .execute_async(gcm_e2e::WRITE_RECORDS_JS, vec![records])
        .await
        .expect("write the version-4 records");
    assert_eq!(written, "written");
    b.open_app().await;
    let extra = ["v3-ann-page-two", "v4-ann-whole"];
    check_work_is_shown(&b, "after opening", &extra).await;
    let undo_enabled = "return !document.querySelector('button[aria-label=\"Undo\"]').disabled";
    assert_eq!(
        b.js(undo_enabled, vec![]).await,
        false,
        "no history before schema 5"
    );
    // The own code and the whole-document tag.
    b.click("button", "Review 😀").await;
    b.wait_for_text("Page two 😀 مهاجرون.").await;
    assert!(b.body_text().await.contains("Écart de mise en œuvre 😀"));
    // A change now, undone after a reload.
    b.click("button", SEED_004_TITLE).await;
    b.wait_for_text("Kofi Annan").await;
    b.annotate(
        "Kofi Annan",
        0,
        &["Objective 23: International cooperation"],
        "after the upgrade",
    )
    .await;
    b.wait_saved().await;
    b.reload().await;
    b.wait_for_css("#doc-text .block").await;
    b.wait_until(
        "the new annotation listed",
        "return document.querySelector('#list-title .count')?.textContent === '2'",
    )
    .await;
    assert_eq!(b.stored_annotations().await.len(), 8);
    b.click("button", "Undo").await;
    b.wait_until(
        "the new annotation undone",
        "return document.querySelector('#list-title .count')?.textContent === '1'",
    )
    .await;
    b.wait_saved().await;
    b.click("button", USER_DOC).await;
    b.wait_saved().await;
    b.reload().await;
    check_work_is_shown(&b, "after a reload", &extra).await;
    assert_eq!(b.stored_annotations().await.len(), 7);
    b.close().await;
}

/// A project file of `n` annotations on seed 004: distinct ids, spans and tags.
fn large_file(n: usize) -> PathBuf {
    let text =
        std::fs::read_to_string(gcm_e2e::repo().join("seeds/004_87ef9370e957a8a4.txt")).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let annotations: Vec<Value> = (0..n)
        .map(|i| {
            let start = (i * 113) % (chars.len() - 60);
            let end = start + 5 + i % 30;
            json!({
                "id": format!("00000000-0000-4000-8000-{i:012x}"),
                "document": gcm_e2e::SEED_004,
                "start": start, "end": end,
                "quote": chars[start..end].iter().collect::<String>(),
                "tags": [format!("objective-{}", i % 23 + 1)],
                "note": format!("#{i}"),
            })
        })
        .collect();
    let file = json!({
        "format": "gcm-annotator", "version": 1, "codebook": "gcm-2018/1", "annotator": "Ana",
        "documents": [{ "id": gcm_e2e::SEED_004, "title": SEED_004_TITLE }],
        "annotations": annotations,
    });
    let path = std::env::temp_dir().join(format!("durability-{}.json", std::process::id()));
    std::fs::write(&path, file.to_string()).unwrap();
    path
}

#[tokio::test]
async fn a_tab_closed_while_an_import_saves_keeps_it_all_or_says_it_was_not_saved() {
    const N: usize = 12_000;
    let file = large_file(N);
    let name = file.file_name().unwrap().to_string_lossy().to_string();
    let b = Browser::open().await;
    b.client
        .goto(&format!("{}/blank", b.origin()))
        .await
        .unwrap();
    let helper = b.client.window().await.unwrap();
    b.open_app_window(&helper).await;
    b.wait_saved().await;

    b.client.switch_to_window(helper.clone()).await.unwrap();
    b.js(gcm_e2e::CLOSE_WHEN_SAVING_JS, vec![]).await;
    b.switch_to_app_window(&helper).await;
    b.choose_file("#import-input", &file).await;
    b.client.switch_to_window(helper.clone()).await.unwrap();
    b.wait_until("the app's window is closed", "return window.__app.closed")
        .await;
    assert_eq!(b.js("return window.__closedWhile", vec![]).await, "saving");

    // Reopened: every annotation is there, or the notice names the import that was lost.
    b.open_app_window(&helper).await;
    let stored = b.stored_annotations().await.len();
    let body = b.body_text().await;
    let lost = format!(
        "The last import of 12,000 annotations from “{name}” was not saved; import the file again."
    );
    println!("closed while saving: {stored} of {N} stored");
    assert!(
        stored == N || body.replace(['\u{2068}', '\u{2069}'], "").contains(&lost),
        "{stored} of {N} stored, and the page says nothing of it: {body}"
    );

    // Imported again and saved: the next start has nothing to report. While it saves,
    // leaving asks the browser's "Leave site?" question (a cancelable `beforeunload`, sent
    // by the page the moment the status turns to saving, comes back cancelled).
    b.js(
        "const el = document.querySelector('[data-save-state]'); window.__asked = null; \
         const obs = new MutationObserver(() => { if (el.dataset.saveState === 'saving') { \
           obs.disconnect(); const e = new Event('beforeunload', { cancelable: true }); \
           window.dispatchEvent(e); window.__asked = e.defaultPrevented; } }); \
         obs.observe(el, { attributes: true, attributeFilter: ['data-save-state'] }); return true;",
        vec![],
    )
    .await;
    b.choose_file("#import-input", &file).await;
    b.wait_until(
        "the import listed",
        "return document.querySelector('#list-title .count')?.textContent.replace(/\\D/g, '') === '12000'",
    )
    .await;
    b.wait_saved().await;
    assert_eq!(b.js("return window.__asked", vec![]).await, true);
    b.reload().await;
    b.wait_for_css("#doc-text .block").await;
    let body = b.body_text().await;
    assert!(!body.contains("was not saved"), "{body}");
    assert_eq!(b.stored_annotations().await.len(), N);
    let _ = std::fs::remove_file(file);
    b.close().await;
}

/// Every record of the annotation store as `[key, value]`, read by the test.
const RAW_ANNOTATIONS_JS: &str = r#"
const done = arguments[0];
const open = indexedDB.open('gcm-annotator');
open.onsuccess = () => {
  const store = open.result.transaction('annotations', 'readonly').objectStore('annotations');
  const keys = store.getAllKeys();
  const values = store.getAll();
  values.onsuccess = () => { done(keys.result.map((k, i) => [k, values.result[i]])); open.result.close(); };
};
open.onerror = () => done(null);
"#;

#[tokio::test]
async fn a_damaged_chunk_is_reported_and_kept_untouched_while_new_work_is_saved_beside_it() {
    let b = Browser::launch(profile("damaged"), json!({})).await;
    let records = json!({
        "documents": {}, "meta": {},
        "annotations": { "chunk-1": "{\"schema\":2,\"annotations\":[{\"id\":\"cut short" },
    });
    let written = b
        .client
        .execute_async(gcm_e2e::WRITE_RECORDS_JS, vec![records])
        .await
        .unwrap();
    assert_eq!(written, "written");
    b.open_app().await;
    b.wait_for_text("a stored record of annotations was not loaded")
        .await;
    b.click("button", SEED_004_TITLE).await;
    b.wait_for_css("#doc-text .block").await;
    b.annotate(
        "Kofi Annan",
        0,
        &["Objective 23: International cooperation"],
        "beside the damaged one",
    )
    .await;
    let raw = b
        .client
        .execute_async(RAW_ANNOTATIONS_JS, vec![])
        .await
        .unwrap();
    let raw = raw.as_array().expect("the records");
    assert_eq!(raw.len(), 2, "{raw:?}");
    assert_eq!(raw[0][0], "chunk-1");
    assert_eq!(
        raw[0][1], "{\"schema\":2,\"annotations\":[{\"id\":\"cut short",
        "the damaged record is kept as it was"
    );
    assert_eq!(raw[1][0], "chunk-2", "new work goes to a new key");
    b.reload().await;
    b.wait_for_text("a stored record of annotations was not loaded")
        .await;
    b.wait_until(
        "the new annotation listed",
        "return document.querySelector('#list-title .count')?.textContent === '1'",
    )
    .await;
    b.close().await;
}
