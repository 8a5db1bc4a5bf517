//! Bounded fields in the browser: a pasted 100,000-character annotator name, a
//! 10,000-character document title, and a 100,000-character name that an older build stored,
//! each with the real IndexedDB. The layout must not grow with a field's length: the top
//! bar keeps its height, the library, Import and Export stay on screen, and the text starts
//! where it always does.

use gcm_e2e::Browser;
use std::time::Duration;

/// The top bar's height and whether the Library heading and the Import and Export buttons
/// lie wholly inside the window, as `[height, library, import, export]`.
const LAYOUT_JS: &str = r#"
const inside = (el) => {
  if (!el) return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
};
const button = (name) => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === name);
return [document.querySelector('.topbar').getBoundingClientRect().height,
        inside(document.getElementById('library-title')), inside(button('Import…')),
        inside(button('Export'))];
"#;

/// Checks that the top bar is no taller than `normal` (plus a pixel of rounding) and that
/// Library, Import and Export are on screen.
async fn assert_layout_normal(b: &Browser, normal: f64, step: &str) {
    let v = b.js(LAYOUT_JS, vec![]).await;
    let height = v[0].as_f64().unwrap();
    assert!(
        height <= normal + 1.0,
        "{step}: the top bar grew from {normal}px to {height}px"
    );
    for (i, what) in ["the Library heading", "Import…", "Export"]
        .iter()
        .enumerate()
    {
        assert_eq!(v[i + 1], true, "{step}: {what} is off screen");
    }
}

/// The top bar's height with a short name, as the app draws it on a fresh profile.
async fn normal_top_bar(b: &Browser) -> f64 {
    b.js(LAYOUT_JS, vec![]).await[0].as_f64().unwrap()
}

/// Inserts `text` into the focused field the way a paste does: through the browser's own
/// editing (DevTools `Input.insertText`), so the page sees the input events of a paste.
async fn paste(b: &Browser, text: &str) {
    b.cdp("Input.insertText", serde_json::json!({ "text": text }))
        .await;
}

/// The stored settings record, parsed.
async fn stored_settings(b: &Browser) -> serde_json::Value {
    let v = b
        .client
        .execute_async(
            r#"const done = arguments[0];
               const open = indexedDB.open('gcm-annotator');
               open.onsuccess = () => {
                 const db = open.result;
                 const req = db.transaction('meta', 'readonly').objectStore('meta').get('settings');
                 req.onsuccess = () => { done(req.result || null); db.close(); };
                 req.onerror = () => done(null);
               };
               open.onerror = () => done(null);"#,
            vec![],
        )
        .await
        .expect("read the settings record");
    serde_json::from_str(v.as_str().expect("a JSON string")).expect("JSON")
}

/// The top bar's name button: its text and its hover text.
async fn name_button(b: &Browser) -> (String, String) {
    let v = b
        .js(
            "const n = document.querySelector('.topbar button.name'); return [n.textContent, n.title];",
            vec![],
        )
        .await;
    (
        v[0].as_str().unwrap().to_string(),
        v[1].as_str().unwrap().to_string(),
    )
}

#[tokio::test]
async fn a_pasted_100000_character_name_is_cut_with_a_message_and_the_top_bar_stays_normal() {
    let b = Browser::open().await;
    let normal = normal_top_bar(&b).await;
    b.click("button", "Set your name").await;
    b.wait_for_css("#annotator-name").await;
    // A name of words, as a mistaken paste of a whole page would be: 100,000 characters.
    let page = "Ana María Kowalska مرحبا ".repeat(4_000);
    assert_eq!(page.chars().count(), 100_000);
    paste(&b, &page).await;
    b.type_keys("\n").await;
    b.wait_for_css(".topbar button.name").await;
    assert_layout_normal(&b, normal, "after the paste").await;
    b.wait_for_text("The name was cut to 200 characters.").await;
    let kept: String = page.trim().chars().take(200).collect();
    let (shown, hover) = name_button(&b).await;
    assert_eq!(shown, format!("Annotator: {}", kept.trim_end()));
    assert!(hover.starts_with(kept.trim_end()), "the full name on hover");
    b.screenshot("bounds-pasted-name").await;

    // It is stored cut, and after a reload the page is as it was.
    b.wait_saved().await;
    let stored = stored_settings(&b).await;
    assert_eq!(stored["annotator"].as_str().unwrap(), kept.trim_end());
    b.reload().await;
    assert_layout_normal(&b, normal, "after a reload").await;
    assert_eq!(name_button(&b).await.0, shown);
    b.close().await;
}

#[tokio::test]
async fn a_10000_character_title_does_not_push_the_text_down() {
    let b = Browser::open().await;
    // Where the text starts under a one-line title.
    let text_top = "return document.getElementById('doc-text').getBoundingClientRect().top \
                    - document.querySelector('article.document').getBoundingClientRect().top";
    b.click("button", "Global Migration Group").await;
    b.wait_for_css("#doc-text .block").await;
    let normal = b.js(text_top, vec![]).await.as_f64().unwrap();

    b.click("button", "Paste text").await;
    let title_field = b.wait_for_css(".paste input").await;
    title_field.click().await.unwrap();
    let title = "Rapport sur la migration sûre, ordonnée et régulière ".repeat(200);
    assert!(title.chars().count() >= 10_000);
    paste(&b, &title).await;
    b.client
        .find(fantoccini::Locator::Css(".paste textarea"))
        .await
        .unwrap()
        .send_keys("Objective 16 is about inclusion and social cohesion.")
        .await
        .unwrap();
    b.click("button", "Add document").await;
    b.wait_for_text("Objective 16 is about inclusion").await;
    // Two lines of a title more than a one-line title, at most (a line is 2.2rem).
    let top = b.js(text_top, vec![]).await.as_f64().unwrap();
    assert!(
        top <= normal + 70.0,
        "the text starts {top}px down, against {normal}px under a short title"
    );
    b.wait_for_text("The title was cut to 500 characters.")
        .await;
    let heading = b
        .js(
            "const h = document.getElementById('doc-title'); return [h.textContent, h.title];",
            vec![],
        )
        .await;
    let kept: String = title.chars().take(500).collect();
    assert_eq!(heading[0].as_str().unwrap(), kept.trim_end());
    assert_eq!(
        heading[1].as_str().unwrap(),
        kept.trim_end(),
        "the stored title on hover"
    );
    // The library's entry stays a card, not a page.
    let card = b
        .js(
            "return document.querySelector('.doc-card.current').getBoundingClientRect().height",
            vec![],
        )
        .await
        .as_f64()
        .unwrap();
    assert!(card < 200.0, "the library card is {card}px tall");
    b.screenshot("bounds-long-title").await;
    b.close().await;
}

#[tokio::test]
async fn a_pasted_note_past_10000_characters_is_cut_and_its_list_entry_stays_small() {
    let b = Browser::open().await;
    b.click("button", "Global Migration Group").await;
    b.wait_for_css("#doc-text .block").await;
    b.drag_select("Kofi Annan", 0).await;
    b.wait_for_css("#palette-search").await;
    let name = b.wait_for_css("#palette-name").await;
    name.send_keys("Ana").await.unwrap();
    b.click("checkbox", "Objective 23: International cooperation")
        .await;
    b.wait_for_css("#palette-note").await.click().await.unwrap();
    let note = "Une note très longue, collée par erreur. ".repeat(300);
    assert!(note.chars().count() > 12_000);
    paste(&b, &note).await;
    // Said while it is typed, before Save cuts it.
    b.wait_for_text(&format!(
        "{} characters: the note holds 10,000; the rest will be cut when it is saved",
        gcm_annotator::text::thousands(note.chars().count())
    ))
    .await;
    b.screenshot("bounds-note-length").await;
    b.click("button", "Save annotation").await;
    b.wait_for_text("The note was cut to 10,000 characters.")
        .await;
    b.wait_saved().await;
    let stored = b.stored_annotations().await;
    let kept: String = note.chars().take(10_000).collect();
    assert_eq!(stored[0]["note"].as_str().unwrap(), kept.trim_end());
    // The list shows a few lines of it, and all of it on hover.
    let entry = b
        .js(
            "const n = document.querySelector('ol.entries .entry-note'); \
             return [n.getBoundingClientRect().height, n.title.length];",
            vec![],
        )
        .await;
    let height = entry[0].as_f64().unwrap();
    assert!(height < 80.0, "the note takes {height}px in the list");
    assert_eq!(
        entry[1].as_u64().unwrap() as usize,
        kept.trim_end().encode_utf16().count()
    );
    b.close().await;
}

#[tokio::test]
async fn a_100000_character_name_stored_by_an_older_build_is_shown_cut_and_kept() {
    let b = Browser::open().await;
    let normal = normal_top_bar(&b).await;
    // Store a settings record as a build without limits wrote it (schema 1), then reload.
    b.click("button", "Set your name").await;
    b.wait_for_css("#annotator-name").await;
    b.type_keys("Ana\n").await;
    b.wait_saved().await;
    let long = "Z".repeat(100_000);
    let record = serde_json::json!({ "schema": 1, "annotator": long, "recent_tags": [] });
    let written = b
        .client
        .execute_async(
            r#"const [record, done] = arguments;
               const open = indexedDB.open('gcm-annotator');
               open.onsuccess = () => {
                 const db = open.result;
                 const tx = db.transaction('meta', 'readwrite');
                 tx.objectStore('meta').put(record, 'settings');
                 tx.oncomplete = () => { db.close(); done(true); };
                 tx.onerror = () => done(false);
               };
               open.onerror = () => done(false);"#,
            vec![record.to_string().into()],
        )
        .await
        .expect("write the settings record");
    assert_eq!(written, true);
    b.reload().await;

    assert_layout_normal(&b, normal, "with the stored name").await;
    let (shown, hover) = name_button(&b).await;
    assert_eq!(shown, format!("Annotator: {}", "Z".repeat(200)));
    assert_eq!(
        hover.matches('Z').count(),
        100_000,
        "the full name on hover"
    );
    b.screenshot("bounds-stored-name").await;
    // Loading rewrote nothing: the stored name is whole.
    tokio::time::sleep(Duration::from_millis(500)).await;
    b.wait_saved().await;
    let stored = stored_settings(&b).await;
    assert_eq!(stored["annotator"].as_str().unwrap().len(), 100_000);
    b.close().await;
}
