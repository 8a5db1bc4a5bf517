//! Flows of annotating: select with the real mouse, tag, see highlights, list, undo, reload.

use fantoccini::key::Key;
use gcm_e2e::{slice_cp, Browser};

const SEED_001: &str = include_str!("../../../seeds/001_22250b8f33848101.txt");
const SEED_001_TITLE: &str = "Migration Network Hub: what helps achieve the GCM objectives";
const SEED_004_TITLE: &str = "Global Migration Group";
const SEED_004: &str = include_str!("../../../seeds/004_87ef9370e957a8a4.txt");

#[tokio::test]
async fn a_mouse_selection_with_accents_is_tagged_with_two_objectives_and_stored_exactly() {
    let b = Browser::open().await;
    b.click("button", SEED_001_TITLE).await;
    let needle = "la Commission économique pour l’Afrique";
    b.drag_select(needle, 0).await;
    // The palette shows the selection as it will be stored.
    b.wait_for_css("#palette-search").await;
    let shown = b.wait_for_css(".palette-quote").await.text().await.unwrap();
    assert_eq!(shown, needle);
    b.screenshot("palette").await;
    b.client
        .find(fantoccini::Locator::Id("palette-name"))
        .await
        .unwrap()
        .send_keys("Ana")
        .await
        .unwrap();
    b.click("checkbox", "Objective 1: Data").await;
    b.click(
        "checkbox",
        "Objective 18: Skills development and recognition",
    )
    .await;
    b.click("button", "Save annotation").await;
    b.wait_saved().await;

    let stored = b.stored_annotations().await;
    assert_eq!(stored.len(), 1);
    let a = &stored[0];
    assert_eq!(a["quote"], needle);
    assert_eq!(
        slice_cp(
            SEED_001,
            a["start"].as_u64().unwrap(),
            a["end"].as_u64().unwrap()
        ),
        needle
    );
    assert_eq!(
        a["tags"],
        serde_json::json!(["objective-1", "objective-18"])
    );
    assert_eq!(a["annotator"], "Ana");
    assert_eq!(a["prefix"].as_str().unwrap().chars().count(), 32);

    // Highlighted in the first tag's colour, with the second's stripe, and listed.
    let sizes = b.highlight_sizes().await;
    assert_eq!(sizes["objective-1"], 1);
    assert_eq!(sizes["t2-objective-18"], 1);
    assert!(
        sizes.get("objective-18").is_none(),
        "one colour behind the text: {sizes}"
    );
    let entries = b.list_entries().await;
    assert_eq!(entries.len(), 1);
    assert!(entries[0].contains("Objective 18: Skills development and recognition"));
    b.screenshot("annotated").await;
    b.close().await;
}

#[tokio::test]
async fn overlapping_annotations_are_both_listed_and_each_reachable_by_mouse() {
    let b = Browser::open().await;
    b.click("button", SEED_004_TITLE).await;
    b.annotate(
        "fourteen UN agencies, the World Bank",
        0,
        &["Objective 23: International cooperation"],
        "",
    )
    .await;
    b.annotate(
        "the World Bank and the International Organisation for Migration",
        0,
        &["Principle: Whole-of-government approach"],
        "",
    )
    .await;
    assert_eq!(b.list_entries().await.len(), 2);
    let sizes = b.highlight_sizes().await;
    assert_eq!(sizes["objective-23"], 1);
    assert_eq!(sizes["principle-whole-of-government-approach"], 1);

    // A click where they overlap offers both.
    b.click_text("World Bank", 0).await;
    b.wait_for_text("2 overlapping annotations").await;
    b.screenshot("overlap").await;
    // The second one in the card can be chosen: the list marks it.
    let select_buttons = b
        .js("return [...document.querySelectorAll('.hover-card button')].filter(x => x.textContent === 'Select').length", vec![])
        .await;
    assert_eq!(select_buttons, 2);
    b.click(
        "button",
        "Select annotation “the World Bank and the International Or…”",
    )
    .await;
    b.wait_until(
        "the second annotation is marked in the list",
        "const s = document.querySelector('.entry.selected .entry-quote'); return !!s && s.textContent.replace(/[\\u2068\\u2069]/g, '').startsWith('“the World Bank and');",
    )
    .await;
    // A click in the list marks the other one.
    let first = b.list_entries().await[0].clone();
    b.click("button", &first).await;
    b.wait_until(
        "the first annotation is marked",
        "const s = document.querySelector('.entry.selected .entry-quote'); return !!s && s.textContent.replace(/[\\u2068\\u2069]/g, '').startsWith('“fourteen');",
    )
    .await;
    assert_eq!(b.highlight_sizes().await["ann-selected"], 1);
    b.close().await;
}

#[tokio::test]
async fn undo_and_redo_reverse_create_edit_and_delete() {
    let b = Browser::open().await;
    b.click("button", SEED_004_TITLE).await;
    b.annotate(
        "Kofi Annan",
        0,
        &["Objective 23: International cooperation"],
        "",
    )
    .await;
    assert_eq!(b.list_entries().await.len(), 1);

    // Edit: change the tag and add a note.
    b.click("button", "Edit annotation").await;
    b.click("checkbox", "Objective 23: International cooperation")
        .await;
    b.click("checkbox", "Objective 7: Reduce vulnerabilities")
        .await;
    b.client
        .find(fantoccini::Locator::Id("palette-note"))
        .await
        .unwrap()
        .send_keys("a founding figure")
        .await
        .unwrap();
    b.click("button", "Save changes").await;
    b.wait_saved().await;
    assert!(b.list_entries().await[0].contains("Objective 7"));

    // Delete, then undo from the notice's button.
    b.click("button", "Delete annotation").await;
    b.wait_saved().await;
    assert_eq!(b.list_entries().await.len(), 0);
    assert_eq!(b.stored_annotations().await.len(), 0);
    b.click("button", "Undo").await; // the top bar's
    b.wait_saved().await;
    assert_eq!(b.list_entries().await.len(), 1);
    assert_eq!(b.stored_annotations().await[0]["note"], "a founding figure");

    // Undo the edit with Ctrl+Z (from the document text), then the creation.
    b.wait_for_css("#doc-text").await.click().await.unwrap();
    b.press(&[Key::Control], 'z').await;
    b.wait_saved().await;
    assert!(b.list_entries().await[0].contains("Objective 23"));
    b.press(&[Key::Control], 'z').await;
    b.wait_saved().await;
    assert_eq!(b.list_entries().await.len(), 0);
    assert_eq!(b.stored_annotations().await.len(), 0);

    // Redo both: Ctrl+Shift+Z, then Ctrl+Y.
    b.press(&[Key::Control, Key::Shift], 'z').await;
    b.wait_saved().await;
    assert_eq!(b.list_entries().await.len(), 1);
    b.press(&[Key::Control], 'y').await;
    b.wait_saved().await;
    assert!(b.list_entries().await[0].contains("Objective 7"));
    // And the Redo button redoes the delete.
    b.click("button", "Redo").await;
    b.wait_saved().await;
    assert_eq!(b.list_entries().await.len(), 0);
    b.close().await;
}

#[tokio::test]
async fn a_reload_keeps_annotations_the_open_document_and_the_place() {
    let b = Browser::open().await;
    b.click("button", SEED_004_TITLE).await;
    b.annotate(
        "UNESCO Chairs the Group",
        0,
        &["Objective 2: Minimize adverse drivers"],
        "",
    )
    .await;
    // Scroll far down, and let the position be saved.
    b.js(
        "document.querySelector('.reading').scrollTop = 4000",
        vec![],
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(900)).await;
    b.wait_saved().await;
    let before = top_offset(&b).await;
    assert!(before > 1000, "the page did not scroll: {before}");

    b.reload().await;
    b.wait_for_css("#doc-text .block").await;
    let title = b.wait_for_css("h1#doc-title").await.text().await.unwrap();
    assert_eq!(title, SEED_004_TITLE);
    assert_eq!(b.list_entries().await.len(), 1);
    b.wait_until(
        "the highlight is drawn again",
        "return (CSS.highlights.get('objective-2')?.size ?? 0) === 1",
    )
    .await;
    // The same text is at the top of the view, give or take a line.
    let after = top_offset(&b).await;
    assert!(
        before.abs_diff(after) < 150,
        "the view came back at offset {after}, not {before}"
    );
    let shown = b
        .js(
            "return document.querySelector('#doc-text').textContent",
            vec![],
        )
        .await;
    assert_eq!(shown.as_str().unwrap(), SEED_004);
    b.close().await;
}

/// The UTF-16 offset of the text at the top left of the reading view.
async fn top_offset(b: &Browser) -> u64 {
    b.js(
        "const r = document.querySelector('.reading').getBoundingClientRect(); \
         const t = document.querySelector('#doc-text').getBoundingClientRect(); \
         const p = document.caretPositionFromPoint(t.left + 4, Math.max(r.top, t.top) + 12); \
         return +p.offsetNode.parentElement.dataset.u16 + p.offset;",
        vec![],
    )
    .await
    .as_u64()
    .expect("an offset at the top of the view")
}

#[tokio::test]
async fn a_selection_across_paragraphs_keeps_the_line_break_in_its_quote() {
    let b = Browser::open().await;
    b.click("button", SEED_004_TITLE).await;
    let needle = "migration.[2]\nThe GMG also feeds";
    b.annotate(needle, 0, &["Objective 23: International cooperation"], "")
        .await;
    let a = &b.stored_annotations().await[0];
    assert_eq!(a["quote"], needle);
    assert_eq!(
        slice_cp(
            SEED_004,
            a["start"].as_u64().unwrap(),
            a["end"].as_u64().unwrap()
        ),
        needle
    );
    b.close().await;
}

#[tokio::test]
async fn a_selection_outside_the_text_proposes_nothing() {
    let b = Browser::open().await;
    b.click("button", SEED_004_TITLE).await;
    b.wait_for_css("#doc-text .block").await;
    // Drag across the document's heading and description, above the text.
    let r = b
        .js("const r = document.querySelector('.doc-meta').getBoundingClientRect(); return [r.left + 2, r.top + 6, r.left + 200, r.top + 6];", vec![])
        .await;
    let n = |i: usize| r[i].as_f64().unwrap();
    use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
    let drag = MouseActions::new("mouse".into())
        .then(PointerAction::MoveTo {
            duration: None,
            x: n(0).round(),
            y: n(1).round(),
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveTo {
            duration: Some(std::time::Duration::from_millis(100)),
            x: n(2).round(),
            y: n(3).round(),
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    b.client.perform_actions(drag).await.unwrap();
    let selected = b
        .js("return getSelection().toString().length", vec![])
        .await;
    assert!(selected.as_u64().unwrap() > 5, "the drag selected nothing");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(b.try_by_name("button", "Save annotation").await.is_none());
    assert!(b.body_text().await.contains("None yet"));
    b.close().await;
}

#[tokio::test]
async fn hovering_a_highlight_shows_its_tags_and_note() {
    let b = Browser::open().await;
    b.click("button", SEED_004_TITLE).await;
    b.annotate(
        "Kofi Annan",
        0,
        &["Objective 23: International cooperation"],
        "",
    )
    .await;
    b.click("button", "Edit annotation").await;
    b.client
        .find(fantoccini::Locator::Id("palette-note"))
        .await
        .unwrap()
        .send_keys("Secretary-General <b>1997–2006</b>")
        .await
        .unwrap();
    b.click("button", "Save changes").await;
    b.wait_saved().await;
    // Click elsewhere to clear, then hover.
    b.click_text("fourteen", 0).await;
    let ((x1, y1), (x2, _)) = b.text_points("Kofi Annan", 0).await;
    use fantoccini::actions::{InputSource, MouseActions, PointerAction};
    let hover = MouseActions::new("mouse".into()).then(PointerAction::MoveTo {
        duration: Some(std::time::Duration::from_millis(100)),
        x: ((x1 + x2) / 2.0).round(),
        y: y1.round(),
    });
    b.client.perform_actions(hover).await.unwrap();
    let card = b.wait_for_css(".hover-card[role=tooltip]").await;
    let text = card.text().await.unwrap();
    assert!(
        text.contains("Objective 23: International cooperation"),
        "{text}"
    );
    // The note is shown as text: its markup is not interpreted.
    assert!(
        text.contains("Secretary-General <b>1997–2006</b>"),
        "{text}"
    );
    let bold = b
        .js(
            "return document.querySelectorAll('.hover-card b').length",
            vec![],
        )
        .await;
    assert_eq!(bold, 0);
    b.close().await;
}

/// Once painted, the text's blocks are laid out in idle moments (so that scrolling need not
/// lay them out); a resize puts them back to skipped layout, since laying out a 5 MB text at
/// a new width freezes the page for over a second, and lays them out again once the size
/// has settled. The text itself is untouched throughout.
#[tokio::test]
async fn the_text_is_laid_out_while_idle_and_again_after_a_resize() {
    let b = Browser::open().await;
    b.click("button", SEED_001_TITLE).await;
    b.wait_for_css("#doc-text .block").await;
    const ALL_LAID: &str = "const bs = document.querySelectorAll('#doc-text .block'); return bs.length > 5 && [...bs].every((b) => b.classList.contains('laid'))";
    b.wait_until("every block is laid out", ALL_LAID).await;
    const TEXT: &str = "return document.querySelector('#doc-text').textContent";
    let before = b.js(TEXT, vec![]).await;
    b.client.set_window_size(900, 700).await.unwrap();
    b.wait_until(
        "the resize puts the blocks back to skipped layout",
        "return document.querySelectorAll('#doc-text .block.laid').length === 0",
    )
    .await;
    b.wait_until("laid out again once the size has settled", ALL_LAID)
        .await;
    assert_eq!(b.js(TEXT, vec![]).await, before);
    b.close().await;
}

/// In a small window (one column, library and tags above and below the text) the text keeps
/// a readable share of the height (it had 18% of an 800×600 window, 44 px).
#[tokio::test]
async fn a_small_window_leaves_the_text_room_to_read() {
    let b = Browser::open().await;
    b.client.set_window_size(800, 600).await.unwrap();
    b.click("button", SEED_001_TITLE).await;
    b.wait_for_css("#doc-text .block").await;
    let share = b
        .js(
            "return document.querySelector('.reading').clientHeight / window.innerHeight",
            vec![],
        )
        .await
        .as_f64()
        .unwrap();
    assert!(
        share >= 0.35,
        "the text has {share:.2} of the window's height"
    );
    b.close().await;
}
