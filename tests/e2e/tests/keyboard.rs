//! The whole annotate flow without a mouse: open a document, select, tag, move between
//! annotations, edit, delete, undo. Focus must be visible at every step.

use fantoccini::key::Key;
use gcm_e2e::Browser;

/// Presses Tab until the focused element has this accessible name (or id), and checks that
/// focus is visible there.
async fn tab_to(b: &Browser, name: &str) {
    for _ in 0..40 {
        b.type_keys(&char::from(Key::Tab).to_string()).await;
        let here = b
            .js(
                "const e = document.activeElement; return e.getAttribute('aria-label') || e.id || e.textContent.trim();",
                vec![],
            )
            .await;
        if here.as_str() == Some(name) {
            assert_focus_visible(b).await;
            return;
        }
    }
    panic!("Tab never reached {name:?}");
}

async fn assert_focus_visible(b: &Browser) {
    let v = b
        .js(
            "const e = document.activeElement; const s = getComputedStyle(e); \
             return [e.matches(':focus-visible'), s.outlineStyle, s.outlineWidth];",
            vec![],
        )
        .await;
    assert_eq!(v[0], true, "focus is not :focus-visible: {v}");
    assert_ne!(v[1], "none", "no focus outline: {v}");
}

#[tokio::test]
async fn the_whole_flow_works_from_the_keyboard_alone() {
    let b = Browser::open().await;
    // Open a document from the library.
    tab_to(&b, "Global Migration Group").await;
    b.type_keys(&char::from(Key::Enter).to_string()).await;
    b.wait_for_css("#doc-text .block").await;

    // Into the text; select the first three words with Ctrl+Shift+Right.
    tab_to(&b, "Document text").await;
    b.press(&[], Key::Right).await; // the caret appears at the start
    b.press(&[], Key::Left).await;
    for _ in 0..3 {
        b.press(&[Key::Control, Key::Shift], Key::Right).await;
    }
    b.wait_until(
        "the palette shows the keyboard selection",
        "const q = document.querySelector('.palette-quote'); return !!q && q.textContent === 'Global Migration Group';",
    )
    .await;

    // Enter moves to the palette's search; typing filters; Enter ticks the first match.
    b.press(&[], Key::Enter).await;
    assert_eq!(b.focused_id().await, "palette-search");
    assert_focus_visible(&b).await;
    b.type_keys("23").await;
    b.press(&[], Key::Enter).await;
    b.wait_until(
        "Objective 23 is ticked",
        "return document.querySelector('input[aria-label=\"Objective 23: International cooperation\"]').checked",
    )
    .await;
    // Ctrl+Enter saves; the name is asked first, and focus goes there.
    b.press(&[Key::Control], Key::Enter).await;
    b.wait_for_text("Enter your name").await;
    assert_eq!(b.focused_id().await, "palette-name");
    b.type_keys("Kim").await;
    b.press(&[Key::Control], Key::Enter).await;
    b.wait_saved().await;
    assert_eq!(b.focused_id().await, "doc-text");
    let stored = b.stored_annotations().await;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0]["quote"], "Global Migration Group");
    assert_eq!(stored[0]["annotator"], "Kim");

    // A second annotation further on, made the same way.
    b.press(&[], Key::Down).await;
    for _ in 0..2 {
        b.press(&[Key::Control, Key::Shift], Key::Right).await;
    }
    b.press(&[], Key::Enter).await;
    b.type_keys("borders").await;
    b.press(&[], Key::Enter).await;
    b.press(&[Key::Control], Key::Enter).await;
    b.wait_saved().await;
    assert_eq!(b.list_entries().await.len(), 2);

    // N and P move between annotations; the live region says which.
    b.press(&[], 'n').await;
    b.wait_for_text("Annotation 1 of 2").await;
    b.press(&[], 'n').await;
    b.wait_for_text("Annotation 2 of 2").await;
    b.press(&[], 'p').await;
    b.wait_for_text("Annotation 1 of 2").await;

    // Enter edits the selected one: add Objective 7.
    b.press(&[], Key::Enter).await;
    b.wait_until(
        "the edit palette has focus",
        "return document.activeElement.id === 'palette-search'",
    )
    .await;
    b.type_keys("7").await;
    b.press(&[], Key::Enter).await;
    b.press(&[Key::Control], Key::Enter).await;
    b.wait_saved().await;
    assert!(b.list_entries().await[0].contains("Objective 7: Reduce vulnerabilities"));

    // Delete removes it; Ctrl+Z brings it back.
    b.wait_until(
        "the text has focus",
        "return document.activeElement.id === 'doc-text'",
    )
    .await;
    b.press(&[], Key::Delete).await;
    b.wait_saved().await;
    assert_eq!(b.list_entries().await.len(), 1);
    b.press(&[Key::Control], 'z').await;
    b.wait_saved().await;
    assert_eq!(b.list_entries().await.len(), 2);
    assert_eq!(b.stored_annotations().await.len(), 2);
    b.screenshot("keyboard").await;
    b.close().await;
}
