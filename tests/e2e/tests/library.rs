//! Flows of the library: the app starts on the list of seeds and opens one as text.

use gcm_e2e::Browser;

const SEED_TITLES: [&str; 5] = [
    "IOM Finland on the Global Compact for Migration",
    "Migration Network Hub: what helps achieve the GCM objectives",
    "IOM Director General's report to the 109th Council",
    "The GCM and the UN Network on Migration",
    "Global Migration Group",
];

#[tokio::test]
async fn the_app_opens_on_the_library_of_five_seeds() {
    let b = Browser::open().await;
    for title in SEED_TITLES {
        b.by_name("button", title).await;
    }
    b.screenshot("library").await;
    b.close().await;
}

#[tokio::test]
async fn opening_a_seed_shows_its_full_text_with_line_breaks() {
    let b = Browser::open().await;
    b.by_name("button", "Global Migration Group")
        .await
        .click()
        .await
        .unwrap();
    b.wait_for_text("It was created in 2006 by then UN Secretary-General Kofi Annan")
        .await;
    // The text on the page is the seed, line for line.
    let shown = b
        .js(
            "return document.querySelector('#doc-text').textContent",
            vec![],
        )
        .await;
    let seed = include_str!("../../../seeds/004_87ef9370e957a8a4.txt");
    assert_eq!(shown.as_str().unwrap(), seed);
    let heading = b.wait_for_css("h1#doc-title").await.text().await.unwrap();
    assert_eq!(heading, "Global Migration Group");
    b.screenshot("document").await;
    b.close().await;
}

#[tokio::test]
async fn markup_in_a_seed_is_shown_literally_never_interpreted() {
    let b = Browser::open().await;
    b.by_name("button", "The GCM and the UN Network on Migration")
        .await
        .click()
        .await
        .unwrap();
    let needle = "<h3>Anti-Discrimination</h3> <p>Join discussion</p>";
    assert_eq!(b.find_on_page(needle).await, needle);
    b.wait_for_text(needle).await; // scrolled into view: now laid out and visible
    let h3_inside_text = b
        .js("return document.querySelectorAll('#doc-text h3, #doc-text p, #doc-text strong').length", vec![])
        .await;
    assert_eq!(h3_inside_text, 0, "markup from the seed became elements");
    let title = "**THE GLOBAL COMPACT FOR";
    assert_eq!(b.find_on_page(title).await, title);
    b.close().await;
}

#[tokio::test]
async fn the_app_runs_under_a_strict_content_security_policy() {
    // The build carries the policy (a missing policy fails the test command here).
    let html = std::fs::read_to_string(gcm_e2e::dist_dir().join("index.html")).unwrap();
    let policy = html
        .split("http-equiv=\"Content-Security-Policy\" content=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the built index.html has a Content-Security-Policy");
    let script_src = policy
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("script-src"))
        .expect("a script-src directive");
    assert!(
        script_src.contains("'self'")
            && script_src.contains("'wasm-unsafe-eval'")
            && script_src.contains("'sha256-")
    );
    assert!(
        !policy.contains("'unsafe-eval'") && !script_src.contains("'unsafe-inline'"),
        "{policy}"
    );
    for d in [
        "object-src 'none'",
        "base-uri 'none'",
        "default-src 'self'",
        "connect-src 'self'",
    ] {
        assert!(policy.contains(d), "missing {d}: {policy}");
    }

    // The app started under it (Browser::open waits for that), and the browser enforces it on
    // what the page itself runs (WebDriver's own scripts are exempt, so they only set up):
    // an injected inline script and an inline event handler, the classic payload, never run.
    let b = Browser::open().await;
    b.js(
        "window.pwned = false; const d = document.createElement('div');          d.innerHTML = '<img src=x onerror=\"window.pwned = true\">'; document.body.appendChild(d);",
        vec![],
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(
        b.js("return window.pwned", vec![]).await,
        false,
        "an inline handler ran"
    );
    let inline = b
        .js(
            "window.injected = false; const s = document.createElement('script'); \
             s.textContent = 'window.injected = true'; document.body.appendChild(s); return window.injected;",
            vec![],
        )
        .await;
    assert_eq!(inline, false, "an inline script ran");
    b.click("button", "Global Migration Group").await;
    b.wait_for_text("Kofi Annan").await;
    b.close().await;
}

#[tokio::test]
async fn a_crash_shows_a_clear_page_and_exports_what_was_in_memory() {
    let b = Browser::open().await;
    b.click("button", "Global Migration Group").await;
    b.annotate(
        "Kofi Annan",
        0,
        &["Objective 23: International cooperation"],
        "kept",
    )
    .await;
    // The same profile, opened so that the app panics once it has loaded its data.
    b.client
        .goto(&format!("{}?crash-test", gcm_e2e::app_url()))
        .await
        .unwrap();
    b.wait_for_text("Something went wrong in the GCM Annotator")
        .await;
    b.wait_for_text("crash test requested by ?crash-test").await;
    assert!(
        b.try_by_name("button", "Global Migration Group")
            .await
            .is_none(),
        "the dead app is gone"
    );
    b.screenshot("crash").await;
    b.click("link", "Export my work").await;
    let file = b.wait_download(".json").await;
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    assert_eq!(v["annotations"][0]["quote"], "Kofi Annan");
    assert_eq!(v["annotations"][0]["note"], "kept");
    b.close().await;
}

#[tokio::test]
async fn a_seed_text_that_cannot_be_fetched_is_reported_and_the_rest_works() {
    // The seed texts are files beside the app, fetched at start-up; block one.
    let b = Browser::launch(
        std::env::temp_dir().join(format!("gcm-e2e-seedless-{}", std::process::id())),
        serde_json::json!({}),
    )
    .await;
    b.cdp("Network.enable", serde_json::json!({})).await;
    b.cdp(
        "Network.setBlockedURLs",
        serde_json::json!({ "urls": ["*/seeds/001_*"] }),
    )
    .await;
    b.open_app().await;
    b.wait_for_text("Some of the bundled texts could not be loaded")
        .await;
    // The others open as usual.
    b.click("button", "Global Migration Group").await;
    b.wait_for_text("Kofi Annan").await;
    b.close().await;
}

/// A switch of language redraws what is on screen in it: the top bar, the library (with a
/// plural from the catalogue), the reader and the palette with the tags' Spanish names.
#[tokio::test]
async fn the_views_speak_the_language_chosen_in_the_top_bar() {
    let b = Browser::open().await;
    b.click("button", "Global Migration Group").await;
    b.annotate(
        "Kofi Annan",
        0,
        &["Objective 23: International cooperation"],
        "",
    )
    .await;
    b.switch_language("es").await;
    b.wait_for_text("Pegar texto").await;
    b.wait_for_text("1 anotación").await;
    b.wait_for_text("Todos los cambios guardados en este navegador")
        .await;
    b.click("button", "Etiquetar todo el documento…").await;
    b.wait_for_text("Guardar las etiquetas del documento").await;
    b.wait_for_text("Gestión de fronteras").await;
    b.by_name("textbox", "Nota").await;
    b.screenshot("views-in-spanish").await;
    b.close().await;
}
