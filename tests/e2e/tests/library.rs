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
