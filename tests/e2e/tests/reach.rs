//! Every view within reach (issue 20, points 1, 3 and 6), in the browser, at the three window
//! sizes a user brings (800×900, 1366×768, 1920×1080): each control a user needs is brought
//! on screen with the mouse wheel alone and clicked with the mouse, never scrolled to by a
//! script; the first screen shows what the GCM is and how to add one's own texts; a pinned
//! card travels with its passage.

use fantoccini::Locator;
use gcm_e2e::Browser;
use std::time::Duration;

/// The window sizes of the issue: a narrow window, a laptop, a large screen.
const SIZES: [(u32, u32); 3] = [(800, 900), (1366, 768), (1920, 1080)];

/// Viewport points just inside the first and last characters of `needle` in the document,
/// without scrolling (the text must already be on screen, where a reader sees it).
async fn points_on_screen(b: &Browser, needle: &str) -> ((f64, f64), (f64, f64)) {
    let v = b
        .js(
            r#"
const [needle] = arguments;
const root = document.getElementById('doc-text');
const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
for (let n = w.nextNode(); n; n = w.nextNode()) {
  const i = n.data.indexOf(needle);
  if (i < 0) continue;
  const r = document.createRange();
  r.setStart(n, i); r.setEnd(n, i + needle.length);
  const rects = r.getClientRects();
  const a = rects[0], z = rects[rects.length - 1];
  const box = root.closest('.reading').getBoundingClientRect();
  const inView = a.top >= box.top && z.bottom <= Math.min(box.bottom, innerHeight);
  return { inView, x1: a.left + 1, y1: (a.top + a.bottom) / 2, x2: z.right - 1, y2: (z.top + z.bottom) / 2 };
}
return null;"#,
            vec![needle.into()],
        )
        .await;
    assert_eq!(v["inView"], true, "{needle:?} is not on screen: {v}");
    let n = |k: &str| v[k].as_f64().unwrap();
    ((n("x1"), n("y1")), (n("x2"), n("y2")))
}

/// Tagging by mouse and wheel alone, at each size: open a text from the library (the wheel
/// over the library brings it), drag over a passage, then bring a tag from the far end of
/// the palette, the Note field and "Save annotation" on screen with the wheel, and click
/// them. Then the list scrolls to the first annotation made, and the codebook's "Add code"
/// is brought on the first screen. At 800×900, Note and Save were below the window, and the
/// wheel moved nothing.
#[tokio::test]
async fn tagging_is_within_reach_of_the_mouse_and_wheel_at_three_sizes() {
    let b = Browser::open().await;
    for (i, (w, h)) in SIZES.into_iter().enumerate() {
        b.client.set_window_size(w, h).await.unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
        // The first screen: the codebook's own field and button.
        if i == 0 {
            b.wheel_to("button", "Add code", ".side").await;
        }
        b.wheel_and_click("button", "Global Migration Group", ".library")
            .await;
        b.wait_for_css("#doc-text .block").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let needle = ["fourteen UN agencies", "World Bank", "Kofi Annan"][i];
        let (from, to) = points_on_screen(&b, needle).await;
        b.drag_between(from, to).await;
        b.wait_for_css("#palette-search").await;
        if let Ok(name) = b.client.find(Locator::Id("palette-name")).await {
            let at = b.wheel_to_element(&name, "the name field", ".side").await;
            b.click_at(at.0, at.1).await;
            b.type_keys("Ana").await;
        }
        // The last tag of the palette, and the fields below the list.
        b.wheel_and_click(
            "checkbox",
            "Principle: Sustainable development",
            ".tag-scroll",
        )
        .await;
        let note = b.client.find(Locator::Id("palette-note")).await.unwrap();
        let at = b.wheel_to_element(&note, "the note field", ".side").await;
        b.click_at(at.0, at.1).await;
        b.type_keys(&format!("at {w}x{h}")).await;
        b.screenshot(&format!("reach-palette-{w}")).await;
        let before = points_on_screen(&b, needle).await;
        b.wheel_and_click("button", "Save annotation", ".side")
            .await;
        b.wait_saved().await;
        // Saving leaves the text where the reader had it (it jumped some 200 px when focus
        // went back to the text); on a narrow window the library comes back above it.
        if w > 900 {
            let after = points_on_screen(&b, needle).await;
            assert!(
                (after.0 .1 - before.0 .1).abs() < 2.0,
                "the passage moved from y = {} to {} on saving at {w}×{h}",
                before.0 .1,
                after.0 .1
            );
        }
        let stored = b.stored_annotations().await;
        assert_eq!(stored.len(), i + 1, "saved at {w}×{h}");
        assert_eq!(stored[i]["note"], format!("at {w}x{h}"));
        // The list: the first annotation's entry is brought on screen and selected.
        let first = b
            .client
            .find(Locator::Css(".entries li:first-child .entry-main"))
            .await
            .unwrap();
        let at = b.wheel_to_element(&first, "the first entry", ".side").await;
        b.click_at(at.0, at.1).await;
        b.wait_until(
            "the first entry selected",
            "return !!document.querySelector('.entries li:first-child.selected')",
        )
        .await;
        b.screenshot(&format!("reach-list-{w}")).await;
    }
    b.close().await;
}

/// The first screen at 1366×768 (a laptop) says in one line what the GCM is, and shows
/// "Open files…" and "Paste text" without any scrolling: they were below the fold, after the
/// five bundled texts.
#[tokio::test]
async fn the_first_screen_says_what_the_gcm_is_and_how_to_add_texts() {
    let b = Browser::open().await;
    b.client.set_window_size(1366, 768).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    b.wait_for_text("Global Compact for Safe, Orderly and Regular Migration")
        .await;
    let line = b
        .js(
            "const p = document.querySelector('.welcome .gcm-line'); \
             const r = p && p.getBoundingClientRect(); \
             return p && r.bottom <= innerHeight ? p.textContent : null",
            vec![],
        )
        .await;
    let line = line.as_str().expect("the line on the GCM, on screen");
    assert!(line.contains("23 objectives") && line.contains("10 guiding principles"));
    let open_files = b
        .client
        .find(Locator::Id("file-input-button"))
        .await
        .expect("the Open files… button");
    let paste = b.by_name("button", "Paste text").await;
    for (el, what) in [(&open_files, "Open files…"), (&paste, "Paste text")] {
        let seen = b
            .js(
                "const r = arguments[0].getBoundingClientRect(); \
                 const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2); \
                 return r.top >= 0 && r.bottom <= innerHeight && !!hit && (hit === arguments[0] || arguments[0].contains(hit));",
                vec![serde_json::to_value(el).unwrap()],
            )
            .await;
        assert_eq!(seen, true, "{what} is not on the first screen at 1366×768");
    }
    b.screenshot("first-screen-1366").await;
    b.close().await;
}

/// A pinned card scrolls with its passage (it stayed fixed on screen over unrelated
/// paragraphs), and its close button covers nothing in it (it covered a wide first tag).
#[tokio::test]
async fn a_pinned_card_travels_with_its_passage() {
    let b = Browser::open().await;
    b.click("button", "Global Migration Group").await;
    b.wait_for_css("#doc-text .block").await;
    b.annotate(
        "fourteen UN agencies",
        0,
        &[
            "Objective 23: International cooperation",
            "Principle: Whole-of-government approach",
        ],
        "",
    )
    .await;
    b.click_text("fourteen UN agencies", 0).await;
    b.wait_for_css(".hover-card.pinned").await;
    let measure = r#"
const card = document.querySelector('.hover-card.pinned');
const root = document.getElementById('doc-text');
const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
let passage = null;
for (let n = w.nextNode(); n; n = w.nextNode()) {
  const i = n.data.indexOf('fourteen UN agencies');
  if (i >= 0) { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 20); passage = r.getBoundingClientRect(); break; }
}
const close = card.querySelector('.card-close').getBoundingClientRect();
// Nothing of an entry (tags, quote, note, buttons) may lie under the close button: a chip
// as wide as the card reached it.
const overlaps = [...card.querySelectorAll('.card-entry, .card-count')].some(c => {
  const r = c.getBoundingClientRect();
  return r.left < close.right && close.left < r.right && r.top < close.bottom && close.top < r.bottom;
});
return { gap: card.getBoundingClientRect().top - passage.top, top: passage.top, overlaps };"#;
    let before = b.js(measure, vec![]).await;
    b.screenshot("pinned-card").await;
    assert_eq!(
        before["overlaps"], false,
        "the × covers the card's content: {before}"
    );
    let reading = b
        .js(
            "const r = document.querySelector('.reading').getBoundingClientRect(); \
             return [r.left + r.width / 2, r.top + r.height / 2]",
            vec![],
        )
        .await;
    let over = (reading[0].as_f64().unwrap(), reading[1].as_f64().unwrap());
    b.wheel(over, 120).await;
    b.wheel(over, 120).await;
    let after = b.js(measure, vec![]).await;
    let moved = before["top"].as_f64().unwrap() - after["top"].as_f64().unwrap();
    assert!(moved > 100.0, "the text did not scroll: {before} {after}");
    let (g0, g1) = (
        before["gap"].as_f64().unwrap(),
        after["gap"].as_f64().unwrap(),
    );
    assert!(
        (g0 - g1).abs() < 1.0,
        "the card did not move with its passage: {g0} then {g1}"
    );
    b.screenshot("pinned-card-scrolled").await;
    b.close().await;
}

/// The Export panel stands wholly in the window at each size, with every control inside
/// it and clickable: at 800×900 it opened leftwards from a button at the start of the second
/// line, its choices at x = −94; at 1366 its format list stuck out of it. Escape closes it
/// and gives focus back to its button.
#[tokio::test]
async fn the_export_panel_fits_the_window_at_three_sizes() {
    let b = Browser::open().await;
    b.click("button", "Global Migration Group").await;
    b.wait_for_css("#doc-text .block").await;
    for (w, h) in SIZES {
        b.client.set_window_size(w, h).await.unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
        let (x, y) = b.wheel_to("button", "Export", ".topbar").await;
        b.click_at(x, y).await;
        b.wait_for_css("#export-panel").await;
        let outside = b
            .js(
                r#"
const panel = document.getElementById('export-panel');
const p = panel.getBoundingClientRect();
const bad = [];
if (p.left < 0 || p.right > innerWidth || p.top < 0 || p.bottom > innerHeight) bad.push('the panel ' + JSON.stringify(p));
for (const el of panel.querySelectorAll('input, select, button, label')) {
  const r = el.getBoundingClientRect();
  if (r.left < p.left - 0.5 || r.right > p.right + 0.5) bad.push(el.outerHTML.slice(0, 60) + ' ' + r.left + '..' + r.right);
  if (el.matches('input, select, button')) {
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!hit || !(hit === el || el.contains(hit) || (el.labels && [...el.labels].some(l => l.contains(hit))))) bad.push('covered: ' + el.outerHTML.slice(0, 60));
  }
}
return bad;"#,
                vec![],
            )
            .await;
        b.screenshot(&format!("export-panel-{w}")).await;
        assert_eq!(outside, serde_json::json!([]), "at {w}×{h}");
        b.press(&[], fantoccini::key::Key::Escape).await;
        b.wait_until(
            "the panel closed, focus on Export",
            "return !document.getElementById('export-panel') && document.activeElement.id === 'export-button'",
        )
        .await;
    }
    b.close().await;
}
