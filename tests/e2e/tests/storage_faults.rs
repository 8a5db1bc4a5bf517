//! Storage faults in the real browser: storage full (a quota set through DevTools before the
//! app first opens its database), storage unavailable (site data blocked in the profile's
//! content settings), and the page closed while an autosave is under way, 50 times.
//! In each, nothing the user made may be lost.

use gcm_e2e::Browser;
use serde_json::json;
use std::path::PathBuf;

const DOC: &str = "Global Migration Group";
const COOPERATION: &str = "Objective 23: International cooperation";
const DATA: &str = "Objective 1: Data";

fn profile(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("gcm-e2e-{name}-{}", std::process::id()))
}

async fn save_state(b: &Browser) -> String {
    b.js(
        "return document.querySelector('[data-save-state]').dataset.saveState",
        vec![],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

/// Whether closing the tab now would ask the browser's "leave site?" question: a cancelable
/// `beforeunload`, as the browser sends it, comes back cancelled. (Headless Chromium shows
/// no dialog, so the event is dispatched by the test.)
async fn leaving_is_questioned(b: &Browser) -> bool {
    b.js(
        "const e = new Event('beforeunload', { cancelable: true }); \
         window.dispatchEvent(e); return e.defaultPrevented;",
        vec![],
    )
    .await
    .as_bool()
    .expect("a boolean")
}

/// The "Export my work" button of the notice downloads everything in memory; returns the
/// notes of the annotations in the file.
async fn rescue_notes(b: &Browser) -> Vec<String> {
    b.click("button", "Export my work").await;
    let file = b.wait_download(".json").await;
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file).expect("the export")).expect("JSON");
    let mut notes: Vec<String> = v["annotations"]
        .as_array()
        .expect("annotations")
        .iter()
        .map(|a| a["note"].as_str().unwrap_or_default().to_string())
        .collect();
    notes.sort();
    notes
}

#[tokio::test]
async fn with_storage_full_work_stays_in_memory_is_exported_and_is_saved_when_room_returns() {
    let b = Browser::launch(profile("full"), json!({})).await;
    // A one-byte quota, set before the app first opens its database.
    b.cdp(
        "Storage.overrideQuotaForOrigin",
        json!({ "origin": b.origin(), "quotaSize": 1 }),
    )
    .await;
    b.open_app().await;
    b.click("button", DOC).await;
    b.wait_for_css("#doc-text .block").await;

    b.annotate_unsaved("Kofi Annan", 0, &[COOPERATION], "first")
        .await;
    b.wait_for_css("[data-save-state=failed]").await;
    b.wait_for_text("Not saved: export your work").await;
    b.wait_for_text("its storage may be full").await;
    // The app keeps working: a second annotation, both listed and highlighted.
    b.annotate_unsaved("Global Forum on Migration", 0, &[DATA], "second")
        .await;
    b.wait_until(
        "both are listed",
        "return document.querySelectorAll('ol.entries button.entry-main').length === 2",
    )
    .await;
    // The second write was started with the render that listed it, and fails too.
    b.wait_for_css("[data-save-state=failed]").await;
    assert!(
        b.stored_annotations().await.is_empty(),
        "nothing was stored"
    );
    assert!(
        leaving_is_questioned(&b).await,
        "closing the tab with unsaved work asks first"
    );
    assert_eq!(rescue_notes(&b).await, ["first", "second"]);

    // Room again: the next change writes the whole queue, the two that failed included.
    b.cdp(
        "Storage.overrideQuotaForOrigin",
        json!({ "origin": b.origin() }),
    )
    .await;
    b.annotate("Kofi Annan", 0, &[DATA], "third").await;
    let mut notes: Vec<String> = b
        .stored_annotations()
        .await
        .iter()
        .map(|a| a["note"].as_str().unwrap_or_default().to_string())
        .collect();
    notes.sort();
    assert_eq!(notes, ["first", "second", "third"]);
    b.wait_saved().await;
    assert!(
        !leaving_is_questioned(&b).await,
        "with everything stored, the tab closes without a question"
    );
    b.reload().await;
    assert_eq!(b.list_entries().await.len(), 3);
    b.close().await;
}

#[tokio::test]
async fn with_storage_blocked_the_app_works_in_memory_says_so_and_exports() {
    // The user (or their school's policy) blocked site data: IndexedDB refuses to open.
    let b = Browser::launch(
        profile("blocked"),
        json!({ "profile.default_content_setting_values.cookies": 2 }),
    )
    .await;
    b.open_app().await;
    b.wait_for_text("This browser is not letting the app keep anything")
        .await;
    b.wait_for_text("Storage unavailable: export your work")
        .await;
    b.click("button", DOC).await;
    b.wait_for_css("#doc-text .block").await;
    b.annotate_unsaved("Kofi Annan", 0, &[COOPERATION], "kept in memory")
        .await;
    b.wait_until(
        "it is listed",
        "return document.querySelectorAll('ol.entries button.entry-main').length === 1",
    )
    .await;
    assert_eq!(save_state(&b).await, "unavailable");
    assert!(
        leaving_is_questioned(&b).await,
        "what exists only in memory is not closed away without a question"
    );
    assert_eq!(b.highlight_sizes().await["objective-23"], 1, "highlighted");
    assert_eq!(rescue_notes(&b).await, ["kept in memory"]);
    b.close().await;
}

/// Ids and notes of what the browser has stored, read by the test (not by the app).
async fn stored_notes(b: &Browser) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = b
        .stored_annotations()
        .await
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap_or_default().to_string(),
                a["note"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

/// A project export of `n` annotations of seed 004 for round `round`: distinct ids, spans and
/// tags, so that none is a duplicate of another round's.
fn round_file(round: usize, n: usize) -> PathBuf {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../seeds/004_87ef9370e957a8a4.txt"),
    )
    .expect("seed 004");
    let chars: Vec<char> = text.chars().collect();
    let annotations: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            let start = (round * 211 + i * 113) % (chars.len() - 60);
            let end = start + 5 + i % 30;
            json!({
                "id": format!("{round:08x}-0000-4000-8000-{i:012x}"),
                "document": "seed-87ef9370e957a8a4",
                "start": start, "end": end,
                "quote": chars[start..end].iter().collect::<String>(),
                "tags": [format!("objective-{}", (round + i) % 23 + 1)],
                "note": format!("round {round} #{i}"),
            })
        })
        .collect();
    let file = json!({
        "format": "gcm-annotator", "version": 1, "codebook": "gcm-2018/1", "annotator": "Ana",
        "documents": [{ "id": "seed-87ef9370e957a8a4", "title": DOC }],
        "annotations": annotations,
    });
    let path =
        std::env::temp_dir().join(format!("gcm-e2e-round-{}-{round}.json", std::process::id()));
    std::fs::write(&path, file.to_string()).expect("write the round's file");
    path
}

#[tokio::test]
async fn closing_the_page_during_an_autosave_loses_nothing_that_was_saved_50_times() {
    const ROUNDS: usize = 50;
    const PER_ROUND: usize = 150;
    let b = Browser::open().await;
    // A helper tab of the same origin (not the app) opens the app in a window it can close.
    b.client
        .goto(&format!("{}/blank", b.origin()))
        .await
        .expect("the helper page");
    let helper = b.client.window().await.expect("the helper tab");
    let mut confirmed: Vec<(String, String)> = Vec::new();
    let (mut partial, mut whole) = (0, 0);
    for round in 0..ROUNDS {
        b.open_app_window(&helper).await;
        if round == 0 {
            b.click("button", DOC).await;
        }
        b.wait_for_css("#doc-text .block").await;
        b.wait_saved().await;

        // The data loads: no record was refused, and everything confirmed before is there.
        let body = b.body_text().await;
        assert!(!body.contains("was not loaded"), "round {round}: {body}");
        let stored = stored_notes(&b).await;
        for c in &confirmed {
            assert!(
                stored.contains(c),
                "round {round}: {c:?} was saved and is gone"
            );
        }
        let new = stored.len() - confirmed.len();
        assert!(new <= PER_ROUND, "round {round}: {new} new records");
        match new {
            0 => {}
            PER_ROUND => whole += 1,
            _ => partial += 1,
        }
        let count = b
            .js(
                "return document.querySelector('#list-title .count').textContent",
                vec![],
            )
            .await;
        assert_eq!(
            count.as_str(),
            Some(stored.len().to_string().as_str()),
            "round {round}: the list counts what is stored"
        );
        confirmed = stored;

        // Import 150 annotations; the helper closes the window as their write begins.
        let file = round_file(round, PER_ROUND);
        b.client
            .switch_to_window(helper.clone())
            .await
            .expect("the helper");
        b.js(gcm_e2e::CLOSE_WHEN_SAVING_JS, vec![]).await;
        b.switch_to_app_window(&helper).await;
        b.choose_file("#import-input", &file).await;
        b.client
            .switch_to_window(helper.clone())
            .await
            .expect("the helper");
        b.wait_until("the app's window is closed", "return window.__app.closed")
            .await;
        assert_eq!(
            b.js("return window.__closedWhile", vec![]).await,
            "saving",
            "round {round}: closed during the save"
        );
        let _ = std::fs::remove_file(&file);
    }
    println!(
        "{ROUNDS} closes during a save: the import in flight was stored whole {whole} times, \
         in part {partial} times, and not at all in the others"
    );
    b.close().await;
}
