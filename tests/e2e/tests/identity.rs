//! A document is known by its text (the SHA-256 of its UTF-8 text): files made in one
//! browser find the same text in another whatever its id there, and annotations of a text
//! this browser does not have wait for it in the Library and are placed once it is added.

use fantoccini::Locator;
use gcm_e2e::Browser;
use std::path::{Path, PathBuf};

/// A short essay with accents, curly quotes and Arabic (all inside the Basic Multilingual
/// Plane, which is what WebDriver can type), on several lines.
const ESSAY: &str = "Borders must be managed humanely, said the délégué.\n\
Remittances matter to families — “every month”.\n\
Les droits des migrants sont protégés. مرحبا\n";

fn write_fixture(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gcm-e2e-identity-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A W3C export made in another browser: the essay, pasted there under its own id, with
/// three annotations.
fn w3c_made_elsewhere() -> Vec<u8> {
    use gcm_annotator::document::Document;
    use gcm_annotator::formats::export::export;
    use gcm_annotator::formats::{ExportScope, Format, Options};
    use gcm_annotator::state::{Action, Model};
    use gcm_annotator::text::Cp;
    let mut m = Model::default();
    m.apply(Action::SetAnnotator("Kim".into()));
    let doc = Document::from_paste("their-own-id".into(), "Their essay", ESSAY).unwrap();
    m.apply(Action::AddDocuments(vec![doc]));
    for (i, (needle, tag)) in [
        ("Borders must be managed humanely", "objective-11"),
        ("Remittances matter to families", "objective-20"),
        ("Les droits des migrants", "principle-human-rights"),
    ]
    .iter()
    .enumerate()
    {
        let b = ESSAY.find(needle).unwrap();
        let s = ESSAY[..b].chars().count();
        m.apply(Action::Create {
            id: format!("elsewhere-{i}"),
            document: "their-own-id".into(),
            start: Cp(s),
            end: Cp(s + needle.chars().count()),
            tags: vec![tag.to_string()],
            note: String::new(),
            now: 1,
        });
    }
    export(
        Format::W3c,
        &ExportScope::new(&m.library, None),
        Options {
            annotator: "Kim",
            ..Options::default()
        },
    )
    .into_bytes()
}

/// Pastes a text under a title through the Library's "Paste text".
async fn paste(b: &Browser, title: &str, text: &str) {
    b.click("button", "Paste text").await;
    let fields = b
        .client
        .find_all(Locator::Css(".paste input, .paste textarea"))
        .await
        .unwrap();
    fields[0].send_keys(title).await.unwrap();
    fields[1].send_keys(text).await.unwrap();
    b.click("button", "Add document").await;
}

/// The ids of the documents the stored annotations are on.
async fn stored_documents(b: &Browser) -> Vec<String> {
    let mut docs: Vec<String> = b
        .stored_annotations()
        .await
        .iter()
        .map(|a| a["document"].as_str().unwrap_or_default().to_string())
        .collect();
    docs.sort();
    docs
}

#[tokio::test]
async fn annotations_of_a_missing_text_wait_in_the_library_and_are_placed_when_it_is_pasted() {
    let file = write_fixture("essay-notes.jsonld", &w3c_made_elsewhere());
    let b = Browser::open().await;
    b.choose_file("#import-input", &file).await;
    // The summary says where they are; the Library lists them with their file.
    b.wait_for_text(
        "3 annotations kept, waiting for their text, which is not in this browser: see Library → Waiting for their text",
    )
    .await;
    b.wait_for_text("Waiting for their text").await;
    b.wait_for_text("From “essay-notes.jsonld”").await;
    b.wait_for_text("3 annotations of a text not in this browser")
        .await;
    b.wait_for_text("“Remittances matter to families”").await;
    b.by_name(
        "button",
        "Export the 3 annotations waiting from “essay-notes.jsonld”",
    )
    .await;
    b.wait_saved().await;
    b.js(
        "document.querySelector('.waiting').scrollIntoView()",
        vec![],
    )
    .await;
    b.screenshot("identity-waiting").await;

    // The same text arrives, pasted under another title: they are placed on it.
    paste(&b, "My essay", ESSAY).await;
    b.wait_for_text("3 annotations from “essay-notes.jsonld” were placed on “My essay”")
        .await;
    b.wait_until(
        "the three highlights are drawn",
        "return CSS.highlights.get('objective-11')?.size === 1 && CSS.highlights.get('objective-20')?.size === 1 && CSS.highlights.get('principle-human-rights')?.size === 1",
    )
    .await;
    assert_eq!(b.list_entries().await.len(), 3);
    assert_eq!(
        b.js("return document.querySelector('.waiting') === null", vec![])
            .await,
        true,
        "nothing waits any more"
    );
    // Undo takes the placement back. The text is still here, so the card offers to place
    // them on it instead of asking for a text the library holds; one click does.
    b.js(
        "document.querySelector('button[aria-label=\"Undo\"]').click()",
        vec![],
    )
    .await;
    b.wait_for_text("3 annotations of a text that is here, as “My essay”")
        .await;
    b.click("button", "Place on “My essay”").await;
    b.wait_until(
        "nothing waits after placing them again",
        "return document.querySelector('.waiting') === null",
    )
    .await;
    assert_eq!(b.list_entries().await.len(), 3);
    b.wait_saved().await;
    let placed_on = stored_documents(&b).await;
    assert_eq!(placed_on.len(), 3);
    assert!(
        placed_on.iter().all(|d| d == &placed_on[0] && d.len() < 40),
        "all on the pasted document: {placed_on:?}"
    );

    // And they stay placed.
    b.reload().await;
    b.by_name("button", "My essay").await.click().await.unwrap();
    b.wait_until(
        "the three highlights are drawn again",
        "return CSS.highlights.get('objective-20')?.size === 1",
    )
    .await;
    assert_eq!(b.list_entries().await.len(), 3);
    assert_eq!(
        b.js("return document.querySelector('.waiting') === null", vec![])
            .await,
        true,
        "nothing waits any more"
    );
    assert!(b
        .stored_annotations()
        .await
        .iter()
        .all(|a| a.get("provenance").is_none()));
    b.close().await;
}

#[tokio::test]
async fn exports_of_a_pasted_text_import_with_no_orphans_where_the_same_text_has_another_id() {
    let a = Browser::open().await;
    paste(&a, "Mine", ESSAY).await;
    a.wait_for_css("#doc-text .block").await;
    a.annotate(
        "Borders must be managed humanely",
        0,
        &["Objective 11: Manage borders"],
        "",
    )
    .await;
    a.annotate("Remittances matter", 0, &["Objective 20: Remittances"], "")
        .await;
    let w3c = a.export_all("w3c", ".jsonld").await;
    let doccano = a.export_all("doccano", ".jsonl").await;
    a.close().await;

    // A fresh profile with the same text, pasted under another title (and so another id).
    let b = Browser::open().await;
    paste(&b, "Same text here", ESSAY).await;
    b.wait_for_css("#doc-text .block").await;
    b.wait_saved().await;
    for (file, name) in [(&w3c, "W3C"), (&doccano, "doccano")] {
        b.choose_file("#import-input", Path::new(file)).await;
        let file_name = file.file_name().unwrap().to_string_lossy().to_string();
        // The whole summary: nothing else (no orphans, no document added).
        b.wait_for_text(&format!("“{file_name}”: 2 annotations imported."))
            .await;
        let body = b.body_text().await;
        assert!(
            !body.contains("not found") && !body.contains("orphans"),
            "{name}: no orphans: {body}"
        );
        assert!(!body.contains("document added"), "{name}: {body}");
        assert_eq!(b.list_entries().await.len(), 2, "{name}");
        b.wait_saved().await;
        let on = stored_documents(&b).await;
        assert_eq!(on.len(), 2, "{name}");
        assert_eq!(on[0], on[1]);
        // Taken back, for the next format to show the same.
        b.click("button", "Undo").await;
        b.wait_until(
            "the import is undone",
            "return document.querySelectorAll('ol.entries button.entry-main').length === 0",
        )
        .await;
        b.wait_saved().await;
    }
    b.close().await;
}
