//! Assignments (issue 22): a teacher hands out a text without the answers, and a student in
//! a fresh browser profile opens it, reads the instructions and tags only within its scope.

use fantoccini::key::Key;
use gcm_e2e::Browser;
use std::path::{Path, PathBuf};

const TEXT: &str = "Borders are managed together by the states of the region.\n\
                    The human rights of every migrant are protected at all times.\n\
                    Climate change drives people from their homes.\n";
const INSTRUCTIONS: &str = "Tag what the text says about borders and rights.";
const BORDERS: &str = "Objective 11: Manage borders";
const RIGHTS: &str = "Principle: Human rights";

/// The teacher: their own text, one passage tagged, an assignment exported without it.
async fn teacher_exports(dir: &Path) -> PathBuf {
    let a = Browser::open().await;
    let doc = dir.join("borders.txt");
    std::fs::write(&doc, TEXT).unwrap();
    a.choose_file("#file-input", &doc).await;
    a.wait_for_css("#doc-text .block").await;
    a.annotate("Borders are managed together", 0, &[BORDERS], "the key")
        .await;
    a.click("button", "Export").await;
    a.wait_for_css("#export-panel").await;
    a.wait_for_css(".assignment-form summary")
        .await
        .click()
        .await
        .unwrap();
    a.wait_for_css("#assignment-form-instructions")
        .await
        .send_keys(INSTRUCTIONS)
        .await
        .unwrap();
    a.click("button", "None").await;
    a.tick_in_assignment_form(BORDERS).await;
    a.tick_in_assignment_form(RIGHTS).await;
    a.click("button", "Download assignment").await;
    let file = a.wait_download(".json").await;
    // The form is drawn by the teacher's tools' module, which says so if it stops.
    let page = a.page_state().await;
    assert!(!page.contains("stopped on an error"), "{page}");
    a.close().await;
    file
}

#[tokio::test]
async fn a_student_opens_an_assignment_without_the_key_and_tags_within_its_scope() {
    let dir = std::env::temp_dir().join(format!("gcm-e2e-assign-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = teacher_exports(&dir).await;
    let name = file.file_name().unwrap().to_string_lossy().to_string();
    assert!(name.contains("-assignment-"), "{name}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    // The file holds the text, the instructions and the scope, and not the key.
    assert_eq!(
        json["annotations"].as_array().map(Vec::len),
        Some(0),
        "{json}"
    );
    assert!(json.get("orphans").is_none(), "{json}");
    let handout = &json["assignment"];
    let id = handout["id"].as_str().unwrap().to_string();
    assert_eq!(id.len(), 36, "a UUID: {id}");
    assert_eq!(handout["instructions"], INSTRUCTIONS);
    assert_eq!(handout["suggestions"], false);
    assert_eq!(
        handout["tags"],
        serde_json::json!(["objective-11", "principle-human-rights"])
    );
    assert_eq!(json["documents"][0]["text"], TEXT);

    // The student: a fresh profile, the file opened from the library like any file.
    let b = Browser::open().await;
    b.choose_file("#file-input", &file).await;
    b.wait_for_css("#doc-text .block").await;
    b.wait_for_text(INSTRUCTIONS).await;
    assert!(b.stored_annotations().await.is_empty(), "no key here");
    // The instructions fold away and come back.
    b.wait_for_css("#assignment-instructions summary")
        .await
        .click()
        .await
        .unwrap();
    assert!(!b.body_text().await.contains(INSTRUCTIONS));
    b.wait_for_css("#assignment-instructions summary")
        .await
        .click()
        .await
        .unwrap();
    b.wait_for_text(INSTRUCTIONS).await;

    // The palette offers the two tags in scope, and its search finds nothing else.
    b.drag_select("human rights of every migrant", 0).await;
    b.wait_for_css("#palette-search").await;
    let offered = "return [...document.querySelectorAll('.tag-option input')].map(i => i.getAttribute('aria-label'))";
    assert_eq!(
        b.js(offered, vec![]).await,
        serde_json::json!([BORDERS, RIGHTS])
    );
    let search = b.wait_for_css("#palette-search").await;
    search.send_keys("climate").await.unwrap();
    b.wait_until(
        "a search for a tag out of scope finds nothing",
        "return document.querySelectorAll('.tag-option input').length === 0",
    )
    .await;
    // The hint does not send her to tags the assignment leaves out.
    b.wait_for_text("This assignment offers 2 tags").await;
    // Enter ticks the first match, which is in scope.
    let back = char::from(Key::Backspace)
        .to_string()
        .repeat("climate".len());
    search
        .send_keys(&format!("{back}rights{}", char::from(Key::Enter)))
        .await
        .unwrap();
    if let Ok(name) = b.client.find(fantoccini::Locator::Id("palette-name")).await {
        name.send_keys("Bea").await.unwrap();
    }
    b.click("button", "Save annotation").await;
    b.wait_saved().await;
    let stored = b.stored_annotations().await;
    assert_eq!(stored.len(), 1);
    assert_eq!(
        stored[0]["tags"],
        serde_json::json!(["principle-human-rights"])
    );

    // Suggestions are off: the teacher said so.
    b.click("button", "Suggestions…").await;
    b.wait_for_text("The assignment turned suggestions off.")
        .await;

    // The student's export carries the assignment's id.
    let export = b.export_all("gcm", ".json").await;
    let text = std::fs::read_to_string(&export).unwrap();
    assert!(
        text.contains(&id),
        "the export names the assignment: {text}"
    );
    b.close().await;
}
