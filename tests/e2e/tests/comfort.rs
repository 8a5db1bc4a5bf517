//! Everyday comfort (issue 20), in the browser: what a reader notices in a long session.

use fantoccini::Locator;
use gcm_e2e::Browser;

/// Searching the list ignores case and accents (and decomposed accents, and line breaks):
/// "a comparer" finds "à comparer", as French and Spanish readers type without accents.
#[tokio::test]
async fn the_list_search_ignores_case_and_accents() {
    let b = Browser::open().await;
    let dir = std::env::temp_dir().join(format!("gcm-e2e-comfort-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let doc = dir.join("textes.txt");
    std::fs::write(
        &doc,
        "Un texte à comparer avec l'autre.\nLa migración regular y segura.\nUne e\u{301}tude.\n",
    )
    .unwrap();
    b.choose_file("#file-input", &doc).await;
    b.wait_for_css("#doc-text .block").await;
    b.annotate("texte à comparer", 0, &["Objective 1: Data"], "ÉCART noté")
        .await;
    b.annotate(
        "migración regular",
        0,
        &["Objective 5: Regular pathways"],
        "",
    )
    .await;
    b.annotate(
        "e\u{301}tude",
        0,
        &["Objective 3: Information provision"],
        "",
    )
    .await;
    let search = |q: &'static str| {
        let b = &b;
        async move {
            let field = b
                .client
                .find(Locator::Css("input[aria-label='Search annotations']"))
                .await
                .expect("the list's search");
            field.clear().await.unwrap();
            field.send_keys(q).await.unwrap();
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            b.list_entries().await
        }
    };
    let hits = search("A COMPARER").await;
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert!(hits[0].contains("texte à comparer"));
    assert_eq!(search("migracion").await.len(), 1);
    assert_eq!(search("ecart note").await.len(), 1, "in notes too");
    assert_eq!(search("étude").await.len(), 1, "a decomposed accent");
    b.close().await;
    let _ = std::fs::remove_dir_all(dir);
}

/// Opening a document takes focus to its text; the first Tab reaches a skip link, which takes
/// focus past the top bar and the library to the text; and the app has an icon (no
/// `/favicon.ico` 404 in the console).
#[tokio::test]
async fn a_skip_link_goes_to_the_text_and_the_app_has_an_icon() {
    let b = Browser::open().await;
    b.click("button", "Global Migration Group").await;
    b.wait_for_css("#doc-text .block").await;
    // Opening a document from the library takes focus to its text, its title in view.
    b.wait_until(
        "focus in the text",
        "return document.activeElement && document.activeElement.id === 'doc-text'",
    )
    .await;
    let title_top = b
        .js(
            "return document.getElementById('doc-title').getBoundingClientRect().top",
            vec![],
        )
        .await;
    assert!(
        title_top.as_f64().unwrap() > 0.0,
        "the title is in view: {title_top}"
    );
    // From the top of the page, as a keyboard user arrives: the reopened document shown.
    b.wait_saved().await;
    b.reload().await;
    b.wait_for_css("#doc-text .block").await;
    b.type_keys("\u{e004}").await;
    let focused = b
        .js("return document.activeElement.textContent.trim()", vec![])
        .await;
    assert_eq!(focused, "Skip to the text");
    b.type_keys("\u{e007}").await;
    assert_eq!(b.focused_id().await, "doc-text");
    let icon = b
        .js(
            "const l = document.querySelector('link[rel=icon]'); return l ? fetch(l.href).then(r => r.status + ' ' + r.headers.get('content-type')) : 'none'",
            vec![],
        )
        .await;
    assert!(
        icon.as_str()
            .unwrap_or_default()
            .starts_with("200 image/svg"),
        "{icon}"
    );
    b.close().await;
}
