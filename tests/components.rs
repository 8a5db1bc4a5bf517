//! Component tests: the Yew shell rendered into a real headless Chromium
//! (`wasm-bindgen-test`), asserting on the DOM a user would see.
#![cfg(target_arch = "wasm32")]

use gcm_annotator::seeds::SEEDS;
use gcm_annotator::web::components::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

// Project Fluent's library, which the app loads beside itself (tools/i18n.py): here an ES
// module that `./dev setup` writes from the pinned npm package (tests/fluent-bundle.js,
// not committed). Importing it sets `globalThis.FluentBundle`.
#[wasm_bindgen::prelude::wasm_bindgen(module = "/tests/fluent-bundle.js")]
extern "C" {
    fn fluent_loaded() -> bool;
}

/// Mounts a fresh `<App>` on empty storage in its own element, and waits until it has
/// loaded (it reads IndexedDB first).
async fn mount() -> Element {
    // What `web::start` fetches in the app.
    gcm_annotator::seeds::provide(
        [
            include_str!("../seeds/000_ebabb0657f756768.txt"),
            include_str!("../seeds/001_22250b8f33848101.txt"),
            include_str!("../seeds/002_a9d421f816d97b78.txt"),
            include_str!("../seeds/003_310a10ca591454ed.txt"),
            include_str!("../seeds/004_87ef9370e957a8a4.txt"),
        ]
        .map(|t| Some(t.to_string())),
    );
    // What `web::start` does too: English, as the component tests read it.
    assert!(fluent_loaded());
    gcm_annotator::web::i18n::speak_english_from(&[
        include_str!("../src/i18n/en/app.ftl"),
        include_str!("../src/i18n/en/codebook.ftl"),
        include_str!("../src/i18n/en/core.ftl"),
        include_str!("../src/i18n/en/formats.ftl"),
        include_str!("../src/i18n/en/views.ftl"),
        include_str!("../src/i18n/en/panels.ftl"),
        include_str!("../src/i18n/en/assignment.ftl"),
        include_str!("../src/i18n/en/classroom.ftl"),
        include_str!("../src/i18n/en/gold.ftl"),
        include_str!("../src/i18n/en/report.ftl"),
    ])
    .expect("@fluent/bundle is loaded");
    let _ = rexie::Rexie::delete(gcm_annotator::storage::DB_NAME).await;
    let document = gloo::utils::document();
    if let Some(old) = document.get_element_by_id("test-root") {
        old.remove();
    }
    let root = document.create_element("div").unwrap();
    root.set_id("test-root");
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    for _ in 0..200 {
        yew::scheduler::flush().await;
        if root.query_selector("[data-app-ready]").unwrap().is_some() {
            return root;
        }
        gloo::timers::future::TimeoutFuture::new(10).await;
    }
    panic!("the app never finished loading");
}

fn buttons_named(root: &Element, name: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all("button").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        // The accessible name: aria-label when there is one, else the text.
        .filter(|b| {
            b.get_attribute("aria-label")
                .or_else(|| b.text_content())
                .is_some_and(|n| n.trim() == name)
        })
        .collect()
}

#[wasm_bindgen_test]
async fn library_lists_every_seed_by_title() {
    let root = mount().await;
    for seed in &SEEDS {
        assert_eq!(buttons_named(&root, seed.title).len(), 1, "{}", seed.title);
    }
    assert!(root.query_selector("#doc-text").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn opening_a_seed_renders_its_text_as_text_blocks() {
    let root = mount().await;
    let seed = &SEEDS[3]; // contains raw <h3> tags
    buttons_named(&root, seed.title)[0].click();
    yew::scheduler::flush().await;
    let text = root.query_selector("#doc-text").unwrap().unwrap();
    assert_eq!(text.text_content().unwrap(), seed.text());
    assert!(text.query_selector("h3").unwrap().is_none());
    // Each block knows its UTF-16 start, and the starts add up.
    let blocks = text.query_selector_all(".block").unwrap();
    let mut expected = 0usize;
    for i in 0..blocks.length() {
        let b: Element = blocks.item(i).unwrap().dyn_into().unwrap();
        assert_eq!(b.get_attribute("data-u16").unwrap(), expected.to_string());
        expected += b.text_content().unwrap().encode_utf16().count();
    }
    let current = buttons_named(&root, seed.title)[0].get_attribute("aria-current");
    assert_eq!(current.as_deref(), Some("page"));
}

#[wasm_bindgen_test]
async fn switching_documents_replaces_the_text() {
    let root = mount().await;
    buttons_named(&root, SEEDS[0].title)[0].click();
    yew::scheduler::flush().await;
    buttons_named(&root, SEEDS[4].title)[0].click();
    yew::scheduler::flush().await;
    let text = root.query_selector("#doc-text").unwrap().unwrap();
    assert_eq!(text.text_content().unwrap(), SEEDS[4].text());
}

#[wasm_bindgen_test]
async fn the_side_panel_shows_the_codebook_until_a_document_is_open() {
    let root = mount().await;
    let side = root.query_selector("aside.side").unwrap().unwrap();
    let text = side.text_content().unwrap();
    assert!(text.contains("Objective 17: Eliminate discrimination"));
    assert!(text.contains("Principle: Human rights"));
    buttons_named(&root, SEEDS[4].title)[0].click();
    yew::scheduler::flush().await;
    let side = root.query_selector("aside.side").unwrap().unwrap();
    assert!(side.text_content().unwrap().contains("None yet"));
}

/// A stored document's record comes apart in the browser's JSON parser into the rest and the
/// text, which is the text the whole record holds: emoji, RTL, CRLF and escapes included.
/// A record that is not an object with a string `text` is left to the reading that names
/// what is wrong with it.
#[wasm_bindgen_test]
fn a_stored_document_record_comes_apart_in_the_browser_with_its_text_intact() {
    use gcm_annotator::storage::{decode, StoredDocument};
    use gcm_annotator::stored_document::decode_document;
    use gcm_annotator::web::platform::split_document_record;
    use wasm_bindgen::JsValue;
    let all: serde_json::Value =
        serde_json::from_str(include_str!("storage-v7/records.json")).unwrap();
    let records = all["documents"].as_object().unwrap().values();
    let mut read = 0;
    for record in records.filter_map(|v| v.as_str()) {
        let (rest, text) = split_document_record(&JsValue::from_str(record)).unwrap();
        let whole = decode::<StoredDocument>(record).unwrap().into_document();
        assert_eq!(text, whole.text.as_str());
        // The text comes out of the record, not beside it.
        let rest_value: serde_json::Value = serde_json::from_str(&rest).unwrap();
        assert_eq!(rest_value["text"], "", "{rest}");
        assert_eq!(decode_document(&rest, text).unwrap(), whole);
        read += 1;
    }
    assert_eq!(read, 2);
    for bad in [
        "not JSON",
        "{\"schema\":7}",
        "{\"schema\":7,\"text\":3}",
        "\"text\"",
    ] {
        assert!(
            split_document_record(&JsValue::from_str(bad)).is_none(),
            "{bad}"
        );
    }
}
