//! Undo and Redo survive a reload (issue 20, point 7), in the real browser with its real
//! IndexedDB: the last step made before the reload is the first Undo takes back after it,
//! whether it made, deleted or imported annotations, and Redo brings it again.

use fantoccini::key::Key;
use gcm_e2e::Browser;
use serde_json::json;

const SEED_004_TITLE: &str = "Global Migration Group";

/// The number the annotation list's title shows.
async fn listed(b: &Browser) -> String {
    let count = b
        .js(
            "return document.querySelector('#list-title .count')?.textContent ?? ''",
            vec![],
        )
        .await;
    count
        .as_str()
        .unwrap_or_default()
        .replace(|c: char| !c.is_ascii_digit(), "")
}

/// Waits until the list shows `n` annotations.
async fn wait_listed(b: &Browser, n: usize) {
    b.wait_until(
        &format!("{n} annotations listed"),
        &format!(
            "return (document.querySelector('#list-title .count')?.textContent ?? '').replace(/\\D/g, '') === '{n}'"
        ),
    )
    .await;
}

/// True when the top bar's Undo (or Redo) button can be pressed.
async fn enabled(b: &Browser, name: &str) -> bool {
    b.js(
        &format!("return !document.querySelector('button[aria-label=\"{name}\"]').disabled"),
        vec![],
    )
    .await
        == true
}

/// Reloads and waits for the open document's text.
async fn reload(b: &Browser) {
    b.wait_saved().await;
    b.reload().await;
    b.wait_for_css("#doc-text .block").await;
}

#[tokio::test]
async fn an_annotation_made_before_a_reload_is_undone_and_redone_after_it() {
    let b = Browser::open().await;
    b.click("button", SEED_004_TITLE).await;
    b.annotate(
        "Kofi Annan",
        0,
        &["Objective 23: International cooperation"],
        "before the reload",
    )
    .await;
    reload(&b).await;
    wait_listed(&b, 1).await;
    assert!(
        enabled(&b, "Undo").await,
        "Undo is offered after the reload"
    );
    b.screenshot("undo-after-reload").await;
    // The top bar's Undo takes it back, in the list and in storage.
    b.click("button", "Undo").await;
    wait_listed(&b, 0).await;
    b.wait_saved().await;
    assert_eq!(b.stored_annotations().await.len(), 0);
    // Redo (Ctrl+Y, from the text) brings it back; and so it stays after another reload.
    b.wait_for_css("#doc-text").await.click().await.unwrap();
    b.press(&[Key::Control], 'y').await;
    wait_listed(&b, 1).await;
    reload(&b).await;
    wait_listed(&b, 1).await;
    let stored = b.stored_annotations().await;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0]["note"], "before the reload");
    // Still undoable: the history after the second reload is the one the Redo left.
    assert!(enabled(&b, "Undo").await);
    b.close().await;
}

#[tokio::test]
async fn an_annotation_deleted_before_a_reload_comes_back_with_its_tags_and_note() {
    let b = Browser::open().await;
    b.click("button", SEED_004_TITLE).await;
    b.annotate(
        "Kofi Annan",
        0,
        &[
            "Objective 23: International cooperation",
            "Objective 7: Reduce vulnerabilities",
        ],
        "a founding figure",
    )
    .await;
    b.click("button", "Delete annotation").await;
    wait_listed(&b, 0).await;
    reload(&b).await;
    wait_listed(&b, 0).await;
    assert_eq!(b.stored_annotations().await.len(), 0);
    // Ctrl+Z, from the text, as a user would.
    b.wait_for_css("#doc-text").await.click().await.unwrap();
    b.press(&[Key::Control], 'z').await;
    wait_listed(&b, 1).await;
    b.wait_saved().await;
    let stored = b.stored_annotations().await;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0]["tags"], json!(["objective-7", "objective-23"]));
    assert_eq!(stored[0]["note"], "a founding figure");
    assert!(b.list_entries().await[0].contains("a founding figure"));
    b.close().await;
}

#[tokio::test]
async fn an_import_before_a_reload_is_undone_in_one_step_after_it() {
    const N: usize = 40;
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../seeds/004_87ef9370e957a8a4.txt"
    ))
    .unwrap();
    let chars: Vec<char> = text.chars().collect();
    let annotations: Vec<serde_json::Value> = (0..N)
        .map(|i| {
            let start = 200 + i * 97;
            let end = start + 12;
            json!({
                "id": format!("00000000-0000-4000-8000-{i:012x}"),
                "document": gcm_e2e::SEED_004,
                "start": start, "end": end,
                "quote": chars[start..end].iter().collect::<String>(),
                "tags": [format!("objective-{}", i % 23 + 1)],
                "note": format!("imported #{i}"),
            })
        })
        .collect();
    let file = std::env::temp_dir().join(format!("undo-reload-{}.json", std::process::id()));
    let project = json!({
        "format": "gcm-annotator", "version": 1, "codebook": "gcm-2018/1", "annotator": "Ana",
        "documents": [{ "id": gcm_e2e::SEED_004, "title": SEED_004_TITLE }],
        "annotations": annotations,
    });
    std::fs::write(&file, project.to_string()).unwrap();

    let b = Browser::open().await;
    b.click("button", SEED_004_TITLE).await;
    b.annotate(
        "Kofi Annan",
        0,
        &["Objective 23: International cooperation"],
        "made before the import",
    )
    .await;
    b.choose_file("#import-input", &file).await;
    wait_listed(&b, N + 1).await;
    reload(&b).await;
    wait_listed(&b, N + 1).await;
    // One Undo takes back the whole import, and only it.
    b.click("button", "Undo").await;
    wait_listed(&b, 1).await;
    b.wait_saved().await;
    let stored = b.stored_annotations().await;
    assert_eq!(stored.len(), 1, "{stored:?}");
    assert_eq!(stored[0]["note"], "made before the import");
    // Undone before a reload, the import is redone after it: the step kept what it took out.
    reload(&b).await;
    wait_listed(&b, 1).await;
    assert!(enabled(&b, "Redo").await);
    b.click("button", "Redo").await;
    wait_listed(&b, N + 1).await;
    b.wait_saved().await;
    assert_eq!(b.stored_annotations().await.len(), N + 1);
    assert_eq!(listed(&b).await, (N + 1).to_string());
    let _ = std::fs::remove_file(file);
    b.close().await;
}
