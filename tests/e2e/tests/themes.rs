//! The theme switch in the top bar (issue 21): Dark, Light or the system's setting, chosen
//! in headless Chromium with the system's setting emulated (`prefers-color-scheme`),
//! remembered across reloads and applied by `index.html` before the app has started.

use gcm_e2e::Browser;

/// The switch's `<select>`, found by its accessible name.
const SWITCH: &str = "select[aria-label='Theme']";

#[tokio::test]
async fn dark_chosen_while_the_system_is_light_stays_dark_after_a_reload() {
    let b = Browser::open().await;
    b.emulate_color_scheme("light").await;
    assert!(!b.is_dark().await, "{:?}", b.page_luminance().await);

    b.select_value(SWITCH, "dark").await;
    b.wait_until(
        "the page is dark",
        "return document.documentElement.dataset.theme === 'dark'",
    )
    .await;
    assert!(b.is_dark().await, "{:?}", b.page_luminance().await);

    b.reload().await;
    assert!(b.is_dark().await, "{:?}", b.page_luminance().await);
    let shown = b
        .js(
            &format!("return document.querySelector(\"{SWITCH}\").value"),
            vec![],
        )
        .await;
    assert_eq!(shown, "dark");

    // Applied by index.html itself, before the app: with the app's WebAssembly refused, the
    // page is still dark (and the page's Content-Security-Policy lets that script run).
    b.cdp("Network.enable", serde_json::json!({})).await;
    b.cdp(
        "Network.setBlockedURLs",
        serde_json::json!({ "urls": ["*.wasm"] }),
    )
    .await;
    b.client.refresh().await.expect("reload");
    assert!(
        b.js("return !document.querySelector('[data-app-ready]')", vec![])
            .await
            == true,
        "the app started although its WebAssembly was blocked"
    );
    assert_eq!(
        b.js(
            "return document.documentElement.dataset.theme ?? null",
            vec![]
        )
        .await,
        "dark"
    );
    assert!(b.is_dark().await, "{:?}", b.page_luminance().await);
    b.close().await;
}

#[tokio::test]
async fn the_system_choice_follows_the_system_setting() {
    let b = Browser::open().await;
    b.emulate_color_scheme("dark").await;
    // A first visit follows the system.
    assert!(b.is_dark().await, "{:?}", b.page_luminance().await);
    assert_eq!(
        b.js(
            &format!("return document.querySelector(\"{SWITCH}\").value"),
            vec![]
        )
        .await,
        "system"
    );

    b.select_value(SWITCH, "light").await;
    b.wait_until("the page is light", "return !document.documentElement.dataset.theme || document.documentElement.dataset.theme === 'light'")
        .await;
    assert!(!b.is_dark().await, "{:?}", b.page_luminance().await);

    b.select_value(SWITCH, "system").await;
    b.wait_until(
        "the choice is forgotten",
        "return localStorage.getItem('gcm-theme') === null",
    )
    .await;
    assert!(b.is_dark().await, "{:?}", b.page_luminance().await);
    b.emulate_color_scheme("light").await;
    assert!(!b.is_dark().await, "{:?}", b.page_luminance().await);
    b.reload().await;
    assert!(!b.is_dark().await, "{:?}", b.page_luminance().await);
    b.emulate_color_scheme("dark").await;
    assert!(b.is_dark().await, "{:?}", b.page_luminance().await);
    b.close().await;
}

#[tokio::test]
async fn the_switch_works_from_the_keyboard() {
    let b = Browser::open().await;
    b.emulate_color_scheme("light").await;
    b.js(
        &format!("document.querySelector(\"{SWITCH}\").focus(); return true"),
        vec![],
    )
    .await;
    // The native select: arrow keys change its value without opening it.
    b.type_keys("\u{E015}\u{E015}").await; // ArrowDown twice: System → Light → Dark
    b.wait_until(
        "the page is dark",
        "return document.documentElement.dataset.theme === 'dark'",
    )
    .await;
    assert!(b.is_dark().await, "{:?}", b.page_luminance().await);
    // Its focus ring is drawn.
    let outline = b
        .js(&format!("const s = getComputedStyle(document.querySelector(\"{SWITCH}\")); return s.outlineStyle + ' ' + s.outlineWidth"), vec![])
        .await;
    assert_eq!(outline, "solid 3px");
    b.close().await;
}
