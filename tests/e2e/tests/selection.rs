//! Selecting with the real mouse when the gesture ends outside the text: below the last
//! line, past a line's end, in the margin, over the side panel, above the text. A drag
//! that begins in the text is taken from wherever it ends, clipped to the text; one that
//! begins elsewhere never opens the palette or changes the pending passage.

use gcm_e2e::{slice_cp, Browser};

const SEED_004_TITLE: &str = "Global Migration Group";
const SEED_004: &str = include_str!("../../../seeds/004_87ef9370e957a8a4.txt");

/// The box of the first element matching `css`, in viewport pixels: (left, top, right, bottom).
async fn rect(b: &Browser, css: &str) -> (f64, f64, f64, f64) {
    let v = b
        .js(
            "const r = document.querySelector(arguments[0]).getBoundingClientRect(); \
             return [r.left, r.top, r.right, r.bottom];",
            vec![css.into()],
        )
        .await;
    let n = |i: usize| {
        v[i].as_f64()
            .unwrap_or_else(|| panic!("no box for {css}: {v}"))
    };
    (n(0), n(1), n(2), n(3))
}

/// The middle of the first element matching `css`, in viewport pixels.
async fn centre(b: &Browser, css: &str) -> (f64, f64) {
    let (left, top, right, bottom) = rect(b, css).await;
    ((left + right) / 2.0, (top + bottom) / 2.0)
}

/// Waits until the page has handled what came before and painted twice, so that the
/// absence of a change can be asserted.
async fn settle(b: &Browser) {
    b.client
        .execute_async(
            "const done = arguments[0]; \
             requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
            vec![],
        )
        .await
        .expect("wait for two frames");
}

/// The passage the palette shows, as it shows it (white space collapsed).
async fn palette_quote(b: &Browser) -> String {
    b.wait_for_css("#palette-search").await;
    b.wait_for_css(".palette-quote")
        .await
        .text()
        .await
        .expect("the palette's quote")
}

/// The seed's text from its start to the end of the first occurrence of `to`, trimmed as
/// the app trims a selection.
fn from_the_start(to: &str) -> String {
    let i = SEED_004.find(to).expect("in seed 004") + to.len();
    SEED_004[..i].trim().to_string()
}

/// The seed's text from the start of `from` to the end of the text, trimmed.
fn to_the_end(from: &str) -> String {
    let i = SEED_004.find(from).expect("in seed 004");
    SEED_004[i..].trim().to_string()
}

/// A quote as the palette shows it: on one line, cut after 159 code points.
fn as_shown(quote: &str) -> String {
    let flat = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > 160 {
        format!("{}…", flat.chars().take(159).collect::<String>())
    } else {
        flat
    }
}

/// Checks that the palette shows `expected`, tags it, saves it, and checks what is stored.
async fn tag_and_check_stored(b: &Browser, expected: &str) {
    assert_eq!(palette_quote(b).await, as_shown(expected));
    if let Ok(name) = b.client.find(fantoccini::Locator::Id("palette-name")).await {
        name.send_keys("Ana").await.expect("type a name");
    }
    b.click("checkbox", "Objective 1: Data").await;
    b.click("button", "Save annotation").await;
    b.wait_saved().await;
    let stored = b.stored_annotations().await;
    assert_eq!(stored.len(), 1, "{stored:?}");
    let a = &stored[0];
    assert_eq!(a["quote"], expected);
    let (start, end) = (a["start"].as_u64().unwrap(), a["end"].as_u64().unwrap());
    assert_eq!(slice_cp(SEED_004, start, end), expected);
}

/// Drags from `from` to `to` with the real mouse, checks that the palette and then storage
/// hold `expected`, and closes the browser.
async fn drag_and_check(b: Browser, from: (f64, f64), to: (f64, f64), expected: &str) {
    b.drag_between(from, to).await;
    tag_and_check_stored(&b, expected).await;
    b.close().await;
}

/// Like [`drag_and_check`], to the middle of the element matching `css`.
async fn drag_to_element(b: Browser, from: (f64, f64), css: &str, expected: &str) {
    let to = centre(&b, css).await;
    drag_and_check(b, from, to, expected).await;
}

async fn open_seed_004() -> Browser {
    let b = Browser::open().await;
    b.click("button", SEED_004_TITLE).await;
    b.wait_for_text("Kofi Annan").await;
    // Every block laid out for good, so that the text stays where it was measured.
    b.wait_until(
        "the text is laid out",
        "return [...document.querySelectorAll('#doc-text .block')].every(x => x.classList.contains('laid'))",
    )
    .await;
    b
}

#[tokio::test]
async fn a_drag_from_a_word_to_below_the_last_line_selects_to_the_end() {
    let b = open_seed_004().await;
    let (from, _) = b.text_points("Newland", 0).await;
    let (left, _, _, bottom) = rect(&b, "#doc-text").await;
    // Below the last line, yet above the bottom of the reading column.
    let below = (bottom + 30.0).min(rect(&b, ".reading").await.3 - 4.0);
    assert!(below > bottom + 4.0, "the end of the text is not on screen");
    drag_and_check(b, from, (left + 40.0, below), &to_the_end("Newland")).await;
}

#[tokio::test]
async fn a_drag_past_the_right_end_of_a_line_selects_to_the_line_end() {
    let b = open_seed_004().await;
    let (from, _) = b.text_points("Economic Crisis", 0).await;
    // Beyond the text's box, in the reading column's margin, on the same line.
    let right = rect(&b, "#doc-text").await.2;
    let x = ((right + rect(&b, ".reading").await.2) / 2.0).max(right + 10.0);
    drag_and_check(b, from, (x, from.1), "Economic Crisis").await;
}

#[tokio::test]
async fn a_drag_backwards_into_the_left_margin_above_the_text_selects_from_its_start() {
    let b = open_seed_004().await;
    let (_, to) = b.text_points("fourteen", 0).await;
    let (left, top, _, _) = rect(&b, "#doc-text").await;
    drag_and_check(
        b,
        to,
        (left - 20.0, top - 10.0),
        &from_the_start("fourteen"),
    )
    .await;
}

#[tokio::test]
async fn a_drag_over_the_side_panel_selects_to_the_end_of_the_text() {
    let b = open_seed_004().await;
    let (from, _) = b.text_points("Newland", 0).await;
    drag_to_element(b, from, ".side", &to_the_end("Newland")).await;
}

#[tokio::test]
async fn a_drag_upward_out_of_the_text_selects_from_its_start() {
    let b = open_seed_004().await;
    let (_, to) = b.text_points("Kofi Annan", 0).await;
    drag_to_element(b, to, "#doc-title", &from_the_start("Kofi Annan")).await;
}

#[tokio::test]
async fn a_drag_that_begins_outside_the_text_never_opens_or_changes_the_palette() {
    let b = open_seed_004().await;
    let title = centre(&b, "#doc-title").await;

    // With a passage pending, a drag from the document's title into the text leaves it as
    // it was.
    b.drag_select("the World Bank", 0).await;
    assert_eq!(palette_quote(&b).await, "the World Bank");
    let (_, kofi_end) = b.text_points("Kofi Annan", 0).await;
    b.drag_between(title, kofi_end).await;
    settle(&b).await;
    tag_and_check_stored(&b, "the World Bank").await;

    // With none pending, it opens no palette.
    let (_, kofi_end) = b.text_points("Kofi Annan", 0).await;
    b.drag_between(title, kofi_end).await;
    settle(&b).await;
    assert!(
        b.client
            .find(fantoccini::Locator::Css("#palette-search"))
            .await
            .is_err(),
        "a drag begun outside the text opened the palette"
    );
    b.close().await;
}

#[tokio::test]
async fn clicks_and_drags_in_the_palette_keep_the_pending_passage() {
    let b = open_seed_004().await;
    b.drag_select("Kofi Annan", 0).await;
    assert_eq!(palette_quote(&b).await, "Kofi Annan");
    if let Ok(name) = b.client.find(fantoccini::Locator::Id("palette-name")).await {
        name.send_keys("Ana").await.expect("type a name");
    }
    b.click("checkbox", "Objective 23: International cooperation")
        .await;
    let note = b.wait_for_css("#palette-note").await;
    note.click().await.expect("click the note field");
    note.send_keys("the founder").await.expect("type a note");
    settle(&b).await;
    assert_eq!(palette_quote(&b).await, "Kofi Annan");

    // A drag from the palette's quote into the text changes nothing either.
    let quote = centre(&b, ".palette-quote").await;
    let (from, _) = b.text_points("fourteen", 0).await;
    b.drag_between(quote, from).await;
    settle(&b).await;
    assert_eq!(palette_quote(&b).await, "Kofi Annan");

    b.click("button", "Save annotation").await;
    b.wait_saved().await;
    let stored = b.stored_annotations().await;
    assert_eq!(stored.len(), 1, "{stored:?}");
    assert_eq!(stored[0]["quote"], "Kofi Annan");
    assert_eq!(stored[0]["note"], "the founder");
    assert_eq!(stored[0]["tags"], serde_json::json!(["objective-23"]));
    b.close().await;
}
