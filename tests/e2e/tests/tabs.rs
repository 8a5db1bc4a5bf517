//! Two tabs of one profile (issue 16, point 2): one edits, the other shows the work
//! read-only, refuses edits, follows the editor, and can take over; nothing either tab made
//! is lost or hidden, across a delete and reloads.

use gcm_e2e::{Browser, SEED_004};

const SEED_004_TITLE: &str = "Global Migration Group";
const BANNER: &str = "This annotator is open for editing in another tab. This one is read-only.";
const MOVED: &str = "Editing moved to another tab. This one is read-only.";
const REFUSAL: &str = "Not changed: this tab is read-only";
const OBJ_23: &str = "Objective 23: International cooperation";
const OBJ_7: &str = "Objective 7: Reduce vulnerabilities";

/// Adds a pasted document.
async fn paste(b: &Browser, title: &str, text: &str) {
    b.click("button", "Paste text").await;
    let fields = b
        .client
        .find_all(fantoccini::Locator::Css(".paste input, .paste textarea"))
        .await
        .unwrap();
    fields[0].send_keys(title).await.unwrap();
    fields[1].send_keys(text).await.unwrap();
    b.click("button", "Add document").await;
    b.wait_for_text(text).await;
}

/// Waits until the annotation list shows `n` entries.
async fn wait_entries(b: &Browser, n: usize) {
    b.wait_until(
        &format!("the list shows {n} annotations"),
        &format!("return document.querySelectorAll('ol.entries button.entry-main').length === {n}"),
    )
    .await;
}

/// The stored annotations as (document, quote, sorted tags), sorted.
async fn stored(b: &Browser) -> Vec<(String, String, Vec<String>)> {
    let mut all: Vec<_> = b
        .stored_annotations()
        .await
        .into_iter()
        .map(|a| {
            let mut tags: Vec<String> = a["tags"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t.as_str().unwrap().to_string())
                .collect();
            tags.sort();
            let s = |k: &str| a[k].as_str().unwrap().to_string();
            (s("document"), s("quote"), tags)
        })
        .collect();
    all.sort();
    all
}

fn tags(t: &[&str]) -> Vec<String> {
    t.iter().map(|s| s.to_string()).collect()
}

#[tokio::test]
async fn one_tab_edits_the_other_reads_takes_over_and_nothing_is_lost_or_hidden() {
    let b = Browser::open().await;
    // Tab A edits: a document of the user's with an annotation, and one on a seed.
    paste(&b, "Field notes", "Remittances help families back home.").await;
    b.annotate("Remittances", 0, &[OBJ_7], "").await;
    b.click("button", SEED_004_TITLE).await;
    b.annotate("Kofi Annan", 0, &[OBJ_23], "").await;
    assert!(b.try_by_name("button", "Edit here instead").await.is_none());

    // Tab B opens on the same storage: it shows A's work, read-only, and says so.
    let (a, b_tab) = b.open_second_window().await;
    b.wait_for_text(BANNER).await;
    b.by_name("button", "Edit here instead").await;
    b.click("button", SEED_004_TITLE).await;
    wait_entries(&b, 1).await;
    // An edit is refused, with the banner in view, and nothing is written.
    b.annotate_unsaved("World Bank", 0, &[OBJ_7], "").await;
    b.wait_for_text(REFUSAL).await;
    b.wait_for_text(BANNER).await;
    b.screenshot("tabs-read-only-refuses").await;
    assert_eq!(stored(&b).await.len(), 2);

    // A goes on editing; B follows without a reload.
    b.switch_to(&a).await;
    b.annotate("World Bank", 0, &[OBJ_23], "").await;
    b.switch_to(&b_tab).await;
    wait_entries(&b, 2).await;

    // B takes over: A lets go and says so; B edits.
    b.click("button", "Edit here instead").await;
    b.wait_until(
        "the banner is gone in B",
        "return !document.querySelector('.tab-banner')",
    )
    .await;
    b.switch_to(&a).await;
    b.wait_for_text(MOVED).await;
    // A refuses edits now.
    b.annotate_unsaved("International Organisation for Migration", 0, &[OBJ_7], "")
        .await;
    b.wait_for_text(REFUSAL).await;

    // B saves what it was refused before (its palette kept it), adds a tag to the
    // annotation A made, and deletes A's document with A's annotation on it.
    b.switch_to(&b_tab).await;
    b.click("button", "Save annotation").await;
    wait_entries(&b, 3).await;
    let entry = b
        .list_entries()
        .await
        .into_iter()
        .find(|e| e.contains("Kofi Annan"))
        .expect("A's annotation is listed in B");
    b.click("button", &entry).await;
    b.click("button", "Edit annotation").await;
    b.click("checkbox", OBJ_7).await;
    b.click("button", "Save changes").await;
    b.wait_saved().await;
    b.click("button", "Delete Field notes").await;
    b.wait_for_text("Delete “Field notes” and its 1 annotation?")
        .await;
    b.click("button", "Delete document").await;
    b.wait_saved().await;

    let expected = vec![
        (
            SEED_004.to_string(),
            "Kofi Annan".to_string(),
            tags(&["objective-23", "objective-7"]),
        ),
        (
            SEED_004.to_string(),
            "World Bank".to_string(),
            tags(&["objective-23"]),
        ),
        (
            SEED_004.to_string(),
            "World Bank".to_string(),
            tags(&["objective-7"]),
        ),
    ];
    assert_eq!(stored(&b).await, expected);

    // Reload both: A (another tab edits) is read-only and shows everything; B edits again.
    b.switch_to(&a).await;
    b.reload().await;
    b.wait_for_text(BANNER).await;
    assert!(b.try_by_name("button", "Field notes").await.is_none());
    b.click("button", SEED_004_TITLE).await;
    wait_entries(&b, 3).await;
    let kofi = b
        .list_entries()
        .await
        .into_iter()
        .find(|e| e.contains("Kofi Annan"));
    let kofi = kofi.expect("the annotation A made is shown");
    assert!(
        kofi.contains("Objective 7") && kofi.contains("Objective 23"),
        "{kofi}"
    );
    b.switch_to(&b_tab).await;
    b.reload().await;
    b.click("button", SEED_004_TITLE).await;
    wait_entries(&b, 3).await;
    assert!(b.try_by_name("button", "Edit here instead").await.is_none());
    assert_eq!(stored(&b).await, expected);
    b.close().await;
}

#[tokio::test]
async fn a_frozen_editor_loses_editing_to_the_tab_that_asks_and_says_so_when_it_wakes() {
    let b = Browser::open().await;
    b.click("button", SEED_004_TITLE).await;
    b.annotate("Kofi Annan", 0, &[OBJ_23], "").await;
    b.annotate("World Bank", 0, &[OBJ_7], "").await;
    let (a, b_tab) = b.open_second_window().await;
    b.wait_for_text(BANNER).await;
    b.click("button", SEED_004_TITLE).await;
    wait_entries(&b, 2).await;
    // A cannot finish handing over (frozen, as a background tab can be): B waits for it,
    // then takes editing anyway.
    b.switch_to(&a).await;
    b.cdp(
        "Page.setWebLifecycleState",
        serde_json::json!({ "state": "frozen" }),
    )
    .await;
    b.switch_to(&b_tab).await;
    b.click("button", "Edit here instead").await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(45);
    while b.try_by_name("button", "Edit here instead").await.is_some()
        || b.try_by_name("button", "Waiting for the other tab…")
            .await
            .is_some()
    {
        assert!(std::time::Instant::now() < deadline, "B never took over");
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    // B edits. (A frozen page holds up animation frames in pages that share its process,
    // so B edits from the list, which needs none.)
    delete_from_list(&b, "World Bank").await;
    b.wait_saved().await;
    assert_eq!(stored(&b).await.len(), 1);
    // A wakes up read-only, shows B's work, and refuses edits.
    b.switch_to(&a).await;
    b.cdp(
        "Page.setWebLifecycleState",
        serde_json::json!({ "state": "active" }),
    )
    .await;
    b.wait_for_text(MOVED).await;
    wait_entries(&b, 1).await;
    delete_from_list(&b, "Kofi Annan").await;
    b.wait_for_text(REFUSAL).await;
    assert_eq!(stored(&b).await.len(), 1);
    b.close().await;
}

/// Picks the listed annotation whose entry mentions `quote` and deletes it from the list.
async fn delete_from_list(b: &Browser, quote: &str) {
    let entry = b
        .list_entries()
        .await
        .into_iter()
        .find(|e| e.contains(quote));
    b.click("button", &entry.expect("the annotation is listed"))
        .await;
    b.click("button", "Delete annotation").await;
}

#[tokio::test]
async fn without_web_locks_every_tab_edits_as_before_and_nothing_is_said() {
    let b = Browser::launch(
        std::env::temp_dir().join(format!("gcm-e2e-nolocks-{}", std::process::id())),
        serde_json::json!({}),
    )
    .await;
    let no_locks = serde_json::json!({ "source": "delete Navigator.prototype.locks;" });
    b.cdp("Page.addScriptToEvaluateOnNewDocument", no_locks.clone())
        .await;
    b.open_app().await;
    b.click("button", SEED_004_TITLE).await;
    b.annotate("Kofi Annan", 0, &[OBJ_23], "").await;
    let a = b.client.window().await.unwrap();
    let second = b.client.new_window(false).await.unwrap().handle;
    b.switch_to(&second).await;
    b.cdp("Page.addScriptToEvaluateOnNewDocument", no_locks)
        .await;
    b.open_app().await;
    b.click("button", SEED_004_TITLE).await;
    b.annotate("World Bank", 0, &[OBJ_7], "").await;
    assert!(!b.body_text().await.contains("read-only"));
    b.switch_to(&a).await;
    assert!(!b.body_text().await.contains("read-only"));
    assert_eq!(stored(&b).await.len(), 2);
    b.close().await;
}

#[tokio::test]
async fn a_text_pasted_in_a_read_only_tab_is_kept_until_it_can_be_added() {
    let b = Browser::open().await;
    let (_a, _b_tab) = b.open_second_window().await;
    b.wait_for_text(BANNER).await;
    let text = "A text typed in the read-only tab, kept for later.";
    b.click("button", "Paste text").await;
    let fields = b
        .client
        .find_all(fantoccini::Locator::Css(".paste input, .paste textarea"))
        .await
        .unwrap();
    fields[0].send_keys("Kept for later").await.unwrap();
    fields[1].send_keys(text).await.unwrap();
    b.click("button", "Add document").await;
    b.wait_for_text(REFUSAL).await;
    // Refused, and still in the form: nothing typed is thrown away.
    b.wait_until(
        "the paste form still holds the text",
        &format!(
            "const t = document.querySelector('.paste textarea'); return !!t && t.value === {text:?}"
        ),
    )
    .await;
    b.click("button", "Edit here instead").await;
    b.wait_until(
        "the banner is gone",
        "return !document.querySelector('.tab-banner')",
    )
    .await;
    b.click("button", "Add document").await;
    b.wait_for_text(text).await;
    b.by_name("button", "Kept for later").await;
    b.close().await;
}
