//! Export through the browser's real download, import through the real file input, from
//! one browser profile into a fresh one.

use gcm_e2e::Browser;
use std::path::PathBuf;

const SEED_004_TITLE: &str = "Global Migration Group";
const HOSTILE: &str =
    "Intro 😀 e\u{301}te\u{301} مرحبا שלום\r\nLes droits des migrants’ sont protégés 🇫🇷.\r\n";

fn sorted(mut v: Vec<serde_json::Value>) -> Vec<serde_json::Value> {
    v.sort_by_key(|a| a["id"].as_str().unwrap_or_default().to_string());
    v
}

#[tokio::test]
async fn annotations_exported_from_one_profile_import_into_a_fresh_one() {
    // Profile A: a seed and a hostile user document, annotated.
    let a = Browser::open().await;
    let dir = std::env::temp_dir().join(format!("gcm-e2e-transfer-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let doc = dir.join("hostile.txt");
    std::fs::write(&doc, HOSTILE).unwrap();
    a.choose_file("#file-input", &doc).await;
    a.wait_for_css("#doc-text .block").await;
    a.annotate(
        "droits des migrants’ sont protégés 🇫🇷",
        0,
        &["Principle: Human rights"],
        "<script>window.pwned=1</script>",
    )
    .await;
    a.click("button", SEED_004_TITLE).await;
    a.annotate(
        "Kofi Annan",
        0,
        &["Objective 23: International cooperation"],
        "",
    )
    .await;
    a.annotate(
        "UNESCO Chairs the Group",
        0,
        &["Objective 2: Minimize adverse drivers"],
        "climate",
    )
    .await;

    let project = a.export_all("gcm", ".json").await;
    let name = project.file_name().unwrap().to_string_lossy().to_string();
    assert!(
        name.starts_with("gcm-all-documents-ana-gcm-") && name.ends_with(".json"),
        "{name}"
    );
    let w3c = a.export_all("w3c", ".jsonld").await;
    let doccano = a.export_all("doccano", ".jsonl").await;
    let csv = a.export_all("table", ".csv").await;
    let csv_text = std::fs::read_to_string(&csv).unwrap();
    assert!(csv_text.starts_with('\u{feff}'));
    assert_eq!(
        csv_text.lines().count(),
        4,
        "a header and one row per annotation and tag"
    );
    let originals = sorted(a.stored_annotations().await);
    assert_eq!(originals.len(), 3);
    a.close().await;

    // Profile B: fresh. Import the project's JSON through the file input.
    let b = Browser::open().await;
    b.choose_file("#import-input", &project).await;
    b.wait_for_text("3 annotations imported").await;
    b.wait_for_text("1 document added").await;
    b.wait_saved().await;
    // The same annotations, field for field, but for their origin: made in A, imported
    // in B, still A's (the same maker's id).
    let imported: Vec<serde_json::Value> = originals
        .iter()
        .map(|a| {
            let mut a = a.clone();
            a["origin"] = "imported".into();
            a
        })
        .collect();
    assert!(originals
        .iter()
        .all(|a| a["origin"] == "here"
            && a["annotator_id"].as_str().is_some_and(|id| id.len() == 36)));
    assert_eq!(
        sorted(b.stored_annotations().await),
        imported,
        "same annotations, field for field"
    );
    // Highlights are drawn for the open document, and the payload in the note never ran.
    b.click("button", SEED_004_TITLE).await;
    b.wait_until(
        "both seed highlights are drawn",
        "return CSS.highlights.get('objective-23')?.size === 1 && CSS.highlights.get('objective-2')?.size === 1",
    )
    .await;
    b.click("button", "hostile").await;
    b.wait_until(
        "the user document's highlight",
        "return CSS.highlights.get('principle-human-rights')?.size === 1",
    )
    .await;
    assert_eq!(
        b.js("return window.pwned === undefined", vec![]).await,
        true
    );

    // The other formats of the same work are recognised as already here.
    b.choose_file("#import-input", &doccano).await;
    b.wait_for_text("0 annotations imported; 3 skipped as already here")
        .await;
    b.choose_file("#import-input", &w3c).await;
    b.wait_for_text(".jsonld”: 0 annotations imported; 3 skipped as already here")
        .await;
    b.wait_saved().await;
    assert_eq!(b.stored_annotations().await.len(), 3);
    b.screenshot("imported").await;
    b.close().await;
}

#[tokio::test]
async fn w3c_and_doccano_files_import_into_a_fresh_profile() {
    let a = Browser::open().await;
    a.click("button", SEED_004_TITLE).await;
    a.annotate(
        "Kofi Annan",
        0,
        &["Objective 23: International cooperation"],
        "a note",
    )
    .await;
    let w3c = a.export_all("w3c", ".jsonld").await;
    let doccano = a.export_all("doccano", ".jsonl").await;
    a.close().await;

    let b = Browser::open().await;
    b.choose_file("#import-input", &w3c).await;
    b.wait_for_text("1 annotation imported").await;
    b.wait_saved().await;
    let stored = b.stored_annotations().await;
    assert_eq!(stored[0]["quote"], "Kofi Annan");
    assert_eq!(stored[0]["note"], "a note");
    b.close().await;

    let c = Browser::open().await;
    c.choose_file("#import-input", &doccano).await;
    c.wait_for_text("1 annotation imported").await;
    c.wait_saved().await;
    let stored = c.stored_annotations().await;
    assert_eq!(stored[0]["quote"], "Kofi Annan");
    assert_eq!(stored[0]["tags"], serde_json::json!(["objective-23"]));
    c.close().await;
}

#[tokio::test]
async fn a_bad_file_is_refused_by_name_and_existing_work_is_untouched() {
    let b = Browser::open().await;
    b.click("button", SEED_004_TITLE).await;
    b.annotate(
        "Kofi Annan",
        0,
        &["Objective 23: International cooperation"],
        "",
    )
    .await;
    let bad = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../bad-files/15-unknown-tag.json");
    b.choose_file("#import-input", &bad).await;
    b.wait_for_text("“15-unknown-tag.json” was not imported: annotation 1: “objective-24” is not a GCM objective or principle. Nothing was changed.").await;
    let deep = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../bad-files/20-too-deep.json");
    b.choose_file("#import-input", &deep).await;
    b.wait_for_text("nested too deeply").await;
    assert_eq!(b.stored_annotations().await.len(), 1);
    assert_eq!(b.list_entries().await.len(), 1);
    b.close().await;
}

#[tokio::test]
async fn a_dropped_export_is_imported_and_a_vanished_passage_is_listed_as_an_orphan() {
    let a = Browser::open().await;
    let dir = std::env::temp_dir().join(format!("gcm-e2e-orphan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let doc = dir.join("essay.txt");
    std::fs::write(
        &doc,
        "Borders must be managed humanely. Remittances matter to families.\n",
    )
    .unwrap();
    a.choose_file("#file-input", &doc).await;
    a.wait_for_css("#doc-text .block").await;
    a.annotate(
        "Borders must be managed",
        0,
        &["Objective 11: Manage borders"],
        "",
    )
    .await;
    a.annotate("Remittances matter", 0, &["Objective 20: Remittances"], "")
        .await;
    let project = a.export_all("gcm", ".json").await;
    a.close().await;

    // Someone rewrote the essay: the sentence on remittances is gone, a word was added.
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&project).unwrap()).unwrap();
    let d = v["documents"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|d| d["origin"] == "user")
        .unwrap();
    d["text"] = "Our borders must be managed humanely.\n".into();
    d.as_object_mut().unwrap().remove("sha256");
    let json = v.to_string();

    let b = Browser::open().await;
    // Dropped on the window, as from the desktop.
    b.js(
        r#"const dt = new DataTransfer();
           dt.items.add(new File([arguments[0]], 'rewritten.json', {type: 'application/json'}));
           document.querySelector('.app').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));"#,
        vec![json.into()],
    )
    .await;
    b.wait_for_text("“rewritten.json”: 1 annotation imported")
        .await;
    b.wait_for_text("1 could not be placed in the text and is kept as orphans")
        .await;
    b.wait_saved().await;
    b.wait_for_text("Not found in this text (1)").await;
    b.wait_for_text("“Remittances matter”").await;
    assert_eq!(b.list_entries().await.len(), 1);
    // Orphans survive a reload, and can be deleted.
    b.reload().await;
    b.wait_for_text("Not found in this text (1)").await;
    b.click("button", "Delete orphan “Remittances matter”")
        .await;
    b.wait_saved().await;
    assert_eq!(b.stored_annotations().await.len(), 1);
    b.close().await;
}

/// Presses Escape in the Export panel as a keyboard would (a cancelable keydown that
/// bubbles), and answers whether the page prevented its default.
const ESCAPE_PREVENTED: &str = r#"
const e = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
document.querySelector('#export-panel select, #export-panel button, #export-panel input').dispatchEvent(e);
return e.defaultPrevented;
"#;

#[tokio::test]
async fn escape_closes_the_export_panel_from_a_listener_that_may_prevent_its_default() {
    // gloo's listeners are passive unless told otherwise: the panel's `preventDefault` on
    // Escape was ignored, and Chromium logged "Unable to preventDefault inside passive
    // event listener invocation." at every Escape.
    let b = Browser::open().await;
    b.click("button", SEED_004_TITLE).await;
    b.click("button", "Export").await;
    b.wait_for_css("#export-panel").await;
    assert_eq!(b.js(ESCAPE_PREVENTED, vec![]).await, true);
    b.wait_until(
        "Escape closed the panel",
        "return !document.getElementById('export-panel')",
    )
    .await;
    b.close().await;
}
