//! Messages (issue 20, point 2), in the browser: a confirmation leaves by itself but not
//! from under the pointer, errors stay and are never dropped (several are one message with
//! their list), and no message covers the text being read or the palette.

use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::key::Key;
use gcm_e2e::Browser;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Five files that import refuses, each for its own reason.
const BAD: [&str; 5] = [
    "01-malformed.json",
    "02-trailing-comma.json",
    "03-unknown-format.json",
    "05-empty.json",
    "06-whitespace.json",
];

fn bad_files() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../bad-files");
    BAD.iter().map(|f| dir.join(f)).collect()
}

/// Moves the mouse to a point of the viewport (CSS pixels), as a user's hand does.
async fn move_mouse(b: &Browser, x: f64, y: f64) {
    let mouse = MouseActions::new("mouse".into()).then(PointerAction::MoveTo {
        duration: None,
        x: x.round(),
        y: y.round(),
    });
    b.client
        .perform_actions(mouse)
        .await
        .expect("move the mouse");
}

/// The texts of the messages on screen (without the bidi isolates around file names).
async fn messages(b: &Browser) -> Vec<String> {
    let got = b
        .js(
            "return [...document.querySelectorAll('.notices .notice:not(.progress)')].map(n => n.textContent.replace(/[\\u2068\\u2069]/g, ''))",
            vec![],
        )
        .await;
    serde_json::from_value(got).unwrap_or_default()
}

/// Waits until no message contains `needle`; panics after `limit`. Returns how long it took.
async fn wait_gone(b: &Browser, needle: &str, limit: Duration) -> Duration {
    let start = Instant::now();
    while messages(b).await.iter().any(|m| m.contains(needle)) {
        assert!(
            start.elapsed() < limit,
            "{needle:?} still shown after {limit:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    start.elapsed()
}

/// An export's confirmation leaves by itself within 10 s, but not while the pointer is on it.
#[tokio::test]
async fn a_confirmation_fades_by_itself_but_not_from_under_the_pointer() {
    let b = Browser::open().await;
    b.click("button", "Global Migration Group").await;
    b.wait_for_css("#doc-text .block").await;
    b.export_all("gcm", ".json").await;
    b.wait_for_text("Exported").await;
    let took = wait_gone(&b, "Exported", Duration::from_secs(10)).await;
    assert!(
        took > Duration::from_secs(3),
        "gone too soon to be read: {took:?}"
    );

    b.export_all("gcm", ".json").await;
    b.wait_for_text("Exported").await;
    let at = b
        .js(
            "const r = document.querySelector('.notices .notice').getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]",
            vec![],
        )
        .await;
    move_mouse(&b, at[0].as_f64().unwrap(), at[1].as_f64().unwrap()).await;
    tokio::time::sleep(Duration::from_secs(9)).await;
    let shown = messages(&b).await;
    assert!(
        shown.iter().any(|m| m.contains("Exported")),
        "gone from under the pointer: {shown:?}"
    );
    b.screenshot("messages-held-under-the-pointer").await;
    // The pointer leaves (to the top bar): it goes a few seconds later.
    move_mouse(&b, 5.0, 5.0).await;
    wait_gone(&b, "Exported", Duration::from_secs(10)).await;
    b.close().await;
}

/// Five files refused at once are one message that says how many, with each file and its
/// reason in a list reached from the keyboard; it stays until dismissed.
#[tokio::test]
async fn five_refused_files_are_one_message_that_stays_until_dismissed() {
    let b = Browser::open().await;
    let files = bad_files();
    let paths: Vec<&std::path::Path> = files.iter().map(|p| p.as_path()).collect();
    b.choose_files("#import-input", &paths).await;
    b.wait_for_text("5 files refused").await;
    let shown = messages(&b).await;
    assert_eq!(shown.len(), 1, "one message for the five: {shown:?}");
    assert_eq!(
        b.js(
            "return document.querySelectorAll('.notices [role=alert]').length",
            vec![]
        )
        .await,
        1,
        "one alert"
    );
    // The list, opened from the keyboard: each file is named, with why.
    b.js("document.querySelector('.notices summary').focus()", vec![])
        .await;
    b.press(&[], Key::Enter).await;
    let items = b
        .js(
            "return [...document.querySelectorAll('.notices details[open] li')].map(li => li.innerText.replace(/[\\u2068\\u2069]/g, ''))",
            vec![],
        )
        .await;
    let items: Vec<String> = serde_json::from_value(items).unwrap();
    assert_eq!(items.len(), 5, "{items:?}");
    for (file, item) in BAD.iter().zip(&items) {
        assert!(
            item.starts_with(&format!("“{file}” was not imported")),
            "{item}"
        );
    }
    b.screenshot("messages-five-refused").await;
    tokio::time::sleep(Duration::from_secs(10)).await;
    assert_eq!(messages(&b).await.len(), 1, "an error stays");
    b.click("button", "Dismiss message").await;
    wait_gone(&b, "refused", Duration::from_secs(2)).await;
    assert!(messages(&b).await.is_empty());
    // Focus does not fall to the page's body with the button: it goes to the reading column.
    b.wait_until(
        "focus in the reading column",
        "return document.activeElement && document.activeElement.id === 'main'",
    )
    .await;
    b.close().await;
}

/// Whether two rects (left, top, right, bottom) share any area.
fn intersect(a: &[f64], b: &[f64]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// The rect of the visible part of the reading text, of the palette (if open), of the
/// messages' box and of each message, as [left, top, right, bottom].
const RECTS: &str = "
    const r = e => { const b = e.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
    const text = r(document.getElementById('doc-text')), view = r(document.querySelector('.reading'));
    const visible = [Math.max(text[0], view[0]), Math.max(text[1], view[1], 0),
                     Math.min(text[2], view[2]), Math.min(text[3], view[3], innerHeight)];
    const palette = document.querySelector('.palette');
    return { visible, palette: palette ? r(palette) : null,
             box: r(document.querySelector('.notices')),
             messages: [...document.querySelectorAll('.notices .notice')].map(r), inner: [innerWidth, innerHeight] };";

/// At 800×900, 1366×768 and 1920×1080, with a document open and messages showing, no
/// message covers the visible text, nor the palette while tagging.
#[tokio::test]
async fn messages_never_cover_the_text_or_the_palette() {
    let b = Browser::open().await;
    b.click("button", "Global Migration Group").await;
    b.wait_for_css("#doc-text .block").await;
    let files = bad_files();
    let paths: Vec<&std::path::Path> = files.iter().take(2).map(|p| p.as_path()).collect();
    b.choose_files("#import-input", &paths).await;
    b.wait_for_text("02-trailing-comma.json").await;
    for (w, h) in [(800, 900), (1366, 768), (1920, 1080)] {
        b.resize_inner(w, h).await;
        for tagging in [false, true] {
            if tagging {
                b.drag_select("migration", 0).await;
                b.wait_for_css(".palette").await;
            }
            let got = b.js(RECTS, vec![]).await;
            let visible: Vec<f64> = serde_json::from_value(got["visible"].clone()).unwrap();
            let shown: Vec<Vec<f64>> = serde_json::from_value(got["messages"].clone()).unwrap();
            assert_eq!(shown.len(), 2, "{w}×{h}: {got}");
            assert!(
                visible[3] - visible[1] > 100.0,
                "{w}×{h}: text in view {got}"
            );
            let in_box: Vec<f64> = serde_json::from_value(got["box"].clone()).unwrap();
            // The part of each message in view (the box scrolls when they do not fit).
            let shown = shown.iter().filter(|m| intersect(m, &in_box)).map(|m| {
                vec![
                    m[0].max(in_box[0]),
                    m[1].max(in_box[1]),
                    m[2].min(in_box[2]),
                    m[3].min(in_box[3]),
                ]
            });
            for m in shown {
                assert!(
                    !intersect(&m, &visible),
                    "{w}×{h}: a message over the text {got}"
                );
                assert!(
                    m[3] <= got["inner"][1].as_f64().unwrap() + 0.5,
                    "{w}×{h}: below the window {got}"
                );
                if let Ok(p) = serde_json::from_value::<Vec<f64>>(got["palette"].clone()) {
                    assert!(
                        !intersect(&m, &p),
                        "{w}×{h}: a message over the palette {got}"
                    );
                }
            }
            let name = if tagging { "-tagging" } else { "" };
            b.screenshot(&format!("messages-{w}x{h}{name}")).await;
            if tagging {
                b.press(&[], Key::Escape).await;
            }
        }
    }
    b.close().await;
}
