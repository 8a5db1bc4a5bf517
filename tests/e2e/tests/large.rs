//! The largest inputs within the limits (issue 16, point 5): a 10 MB text without a line
//! break, a text of a million lines, and a 50 MB W3C file. These tests assert what a user
//! sees (the end of the text, annotated at exact code points; every annotation placed; a bad
//! file refused as before); how long it takes and how much memory it uses are rows of the
//! benchmark (`ONLY=large`).

use gcm_annotator::blocks::reading_blocks;
use gcm_annotator::text::{Cp, DocText};
use gcm_e2e::{slice_cp, Browser};
use serde_json::json;
use std::path::PathBuf;

fn write_fixture(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gcm-e2e-large-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The app's display blocks (`gcm_annotator::blocks::reading_blocks`). Only used to pick a passage that crosses a cut; the assertions do not depend on it.
fn last_cut(text: &str) -> usize {
    let bs = reading_blocks(text);
    let (_, last) = bs.last().unwrap();
    text.len() - last.len()
}

/// Opens `text` as a file, selects the passage of `words` words either side of its last
/// block cut near the end, tags it, and checks the stored annotation's code points.
async fn annotate_across_the_last_cut(name: &str, text: &str, words: usize) {
    let b = Browser::open().await;
    let path = write_fixture(name, text.as_bytes());
    b.choose_file("#file-input", &path).await;
    b.wait_for_css("#doc-text .block").await;
    b.wait_saved().await;
    // The end of the text is on screen once scrolled there (blocks take their real height
    // as they come into view, so the bottom is sought again until it holds).
    let tail: String = text
        .chars()
        .rev()
        .take(8)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let shown = b
        .client
        .execute_async(
            "const [tail, done] = arguments; const r = document.querySelector('.reading'); const frame = () => new Promise((f) => requestAnimationFrame(() => requestAnimationFrame(f))); (async () => { for (let i = 0; i < 20; i++) { r.scrollTop = r.scrollHeight; await frame(); } const last = [...document.querySelectorAll('#doc-text .block')].pop(); const node = last.firstChild; const range = document.createRange(); range.setStart(node, Math.max(0, node.length - 4)); range.setEnd(node, node.length); const rect = range.getBoundingClientRect(); const box = r.getBoundingClientRect(); done({ ends: document.querySelector('#doc-text').textContent.endsWith(tail), visible: rect.height > 0 && rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1 }); })();",
            vec![tail.into()],
        )
        .await
        .unwrap();
    assert_eq!(
        shown,
        json!({ "ends": true, "visible": true }),
        "the text's end"
    );
    // A passage across the last cut, a few words either side.
    let cut = last_cut(text);
    let before: Vec<usize> = text[..cut].match_indices(' ').map(|(i, _)| i).collect();
    let after: Vec<usize> = text[cut..]
        .match_indices(' ')
        .map(|(i, _)| cut + i)
        .collect();
    let (a, z) = (before[before.len() - words] + 1, after[words - 1]);
    let needle = text[a..z].trim();
    assert_eq!(text.matches(needle).count(), 1, "{needle:?} is unique");
    b.annotate(needle, 0, &["Objective 1: Data"], "").await;
    let stored = b.stored_annotations().await;
    assert_eq!(stored.len(), 1);
    let s = &stored[0];
    assert_eq!(s["quote"], needle);
    let (start, stop) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
    let expected = text[..text.find(needle).unwrap()].chars().count() as u64;
    assert_eq!(start, expected, "its start in code points");
    assert_eq!(slice_cp(text, start, stop), needle);
    b.close().await;
}

#[tokio::test]
async fn a_10_mb_text_without_line_breaks_is_shown_to_its_end_and_annotated_exactly() {
    // Emoji (two UTF-16 units), combining marks, Arabic and flags all through, then a tail of
    // unique words, so that the passage around the last cut is found once.
    let unit = "Migration 😀 gouvernance e\u{301}tude مرحبا 🇫🇷 cooperation ";
    let mut text = unit.repeat(9_940_000 / unit.len());
    for i in 0..4_000 {
        text.push_str(&format!("z{i}é😀 "));
    }
    text.push_str("the very end");
    assert!(text.len() < 10_000_000 && !text.contains('\n'));
    annotate_across_the_last_cut("one line.txt", &text, 3).await;
}

#[tokio::test]
async fn a_text_of_a_million_lines_is_shown_to_its_end_and_annotated_exactly() {
    let mut text = String::with_capacity(8_000_000);
    for i in 0..999_000 {
        text.push_str(["mobility\r\n", "e\u{301}\r\n", "😀 rights\n"][i % 3]);
    }
    for i in 0..1_000 {
        text.push_str(&format!("z{i} é😀 \n"));
    }
    assert_eq!(text.matches('\n').count(), 1_000_000);
    annotate_across_the_last_cut("million lines.txt", &text, 4).await;
}

/// A W3C collection of `n` annotations of one word each on `text`, for the document `id`;
/// `bad` names an item written without its id.
fn w3c_file(text: &str, id: &str, n: usize, bad: Option<usize>) -> String {
    let doc = DocText::new(text);
    let words: Vec<(usize, usize)> = {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text.chars().enumerate() {
            match (c.is_whitespace(), start) {
                (false, None) => start = Some(i),
                (true, Some(s)) => {
                    out.push((s, i));
                    start = None;
                }
                _ => {}
            }
        }
        out
    };
    let source = gcm_annotator::formats::document_iri(id);
    let mut items = Vec::with_capacity(n);
    for k in 0..n {
        let (s, e) = words[(k * 7_919) % words.len()];
        let mut item = json!({
            "id": format!("urn:uuid:00000000-0000-4000-8000-{k:012}"),
            "type": "Annotation",
            "body": [{ "type": "TextualBody", "purpose": "tagging", "value": "objective-1" }],
            "target": { "source": source, "selector": [
                { "type": "TextQuoteSelector", "exact": doc.slice(Cp(s), Cp(e)).unwrap() },
                { "type": "TextPositionSelector", "start": s, "end": e },
            ]},
        });
        if bad == Some(k) {
            item.as_object_mut().unwrap().remove("id");
        }
        items.push(item.to_string());
    }
    format!(
        "{{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": \"AnnotationCollection\", \"total\": {n}, \"first\": {{\"type\": \"AnnotationPage\", \"items\": [\n{}\n]}}}}",
        items.join(",\n")
    )
}

/// Opens a 5 MB text and returns it with the id this browser gave it.
async fn open_5mb(b: &Browser) -> (String, String) {
    let seed = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../seeds/004_87ef9370e957a8a4.txt"),
    )
    .unwrap();
    let mut text = String::new();
    let mut part = 0;
    while text.len() < 5_000_000 {
        part += 1;
        text.push_str(&format!("\n\nPart {part}\n\n{seed}"));
    }
    let path = write_fixture("five.txt", text.as_bytes());
    b.choose_file("#file-input", &path).await;
    b.wait_for_css("#doc-text .block").await;
    b.wait_saved().await;
    let id = b
        .client
        .execute_async(
            "const done = arguments[0]; const open = indexedDB.open('gcm-annotator'); open.onsuccess = () => { const req = open.result.transaction('documents', 'readonly').objectStore('documents').getAll(); req.onsuccess = () => done(req.result.map((s) => JSON.parse(typeof s === 'string' ? s : JSON.stringify(s)).id).find((id) => !id.startsWith('seed-'))); };",
            vec![],
        )
        .await
        .unwrap();
    (text, id.as_str().unwrap().to_string())
}

async fn list_count(b: &Browser) -> u64 {
    b.js(
        "return Number(document.querySelector('#list-title .count')?.textContent.replace(/\\D/g, '') || 0)",
        vec![],
    )
    .await
    .as_u64()
    .unwrap_or(0)
}

#[tokio::test]
async fn a_50_mb_w3c_import_places_every_annotation() {
    let b = Browser::open().await;
    let (text, id) = open_5mb(&b).await;
    let n = 140_000;
    let file = w3c_file(&text, &id, n, None);
    assert!(
        file.len() > 40_000_000 && file.len() <= 50_000_000,
        "{}",
        file.len()
    );
    let path = write_fixture("large.jsonld", file.as_bytes());
    drop(file);
    b.choose_file("#import-input", &path).await;
    b.wait_until(
        "every annotation is listed",
        &format!("return Number(document.querySelector('#list-title .count')?.textContent.replace(/\\D/g, '') || 0) === {n}"),
    )
    .await;
    b.close().await;
}

#[tokio::test]
async fn a_50_mb_w3c_file_with_one_bad_annotation_is_refused_whole_naming_it() {
    let b = Browser::open().await;
    let (text, id) = open_5mb(&b).await;
    let n = 140_000;
    let file = w3c_file(&text, &id, n, Some(120_000));
    let path = write_fixture("bad large.jsonld", file.as_bytes());
    drop(file);
    b.choose_file("#import-input", &path).await;
    let notices = "return document.querySelector('.notices')?.textContent.replace(/[\\u2068\\u2069]/g, '') ?? ''";
    b.wait_until(
        "the refusal is shown",
        "return (document.querySelector('.notices')?.textContent ?? '').includes('annotation 120001 has no id')",
    )
    .await;
    let said = b.js(notices, vec![]).await;
    assert!(
        said.as_str().unwrap().contains("“bad large.jsonld” was not imported: annotation 120001 has no id. Nothing was changed."),
        "{said}"
    );
    assert_eq!(list_count(&b).await, 0, "nothing was imported");
    b.close().await;
}

/// Where the drawn highlights lie: the smallest and largest start among them, as UTF-16
/// offsets in the text (each block's `data-u16` plus the range's offset in it), and how many.
async fn drawn_extent(b: &Browser) -> (f64, f64, f64) {
    let v = b
        .js(
            "let lo = Infinity, hi = -1, n = 0; for (const [k, h] of CSS.highlights) { if (!k.startsWith('objective-') && !k.startsWith('principle-')) continue; for (const r of h) { const at = Number(r.startContainer.parentElement.dataset.u16) + r.startOffset; lo = Math.min(lo, at); hi = Math.max(hi, at); n++; } } return [lo, hi, n];",
            vec![],
        )
        .await;
    let n = |i: usize| v[i].as_f64().unwrap_or(-1.0);
    (n(0), n(1), n(2))
}

/// Seed 004's text, as code points.
fn seed_004() -> (String, Vec<char>) {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../seeds/004_87ef9370e957a8a4.txt"),
    )
    .unwrap();
    let chars = text.chars().collect();
    (text, chars)
}

/// A browser that has imported `spans` (start, end, in code points) on seed 004, one tag each,
/// from a file named `name`, listed and saved.
async fn import_on_seed_004(name: &str, chars: &[char], spans: &[(usize, usize)]) -> Browser {
    let annotations: Vec<serde_json::Value> = spans
        .iter()
        .enumerate()
        .map(|(i, &(start, end))| {
            json!({
                "id": format!("00000000-0000-4000-8000-{i:012x}"),
                "document": gcm_e2e::SEED_004,
                "start": start, "end": end,
                "quote": chars[start..end].iter().collect::<String>(),
                "tags": [format!("objective-{}", 1 + i % 23)],
            })
        })
        .collect();
    let file = json!({"format": "gcm-annotator", "version": 1, "documents": [], "annotations": annotations});
    let path = write_fixture(name, file.to_string().as_bytes());
    let b = Browser::open().await;
    b.choose_file("#import-input", &path).await;
    b.wait_until(
        "every annotation listed",
        &format!(
            "return document.querySelector('#list-title .count')?.textContent.replace(/\\D/g, '') === '{}'",
            spans.len()
        ),
    )
    .await;
    b.wait_saved().await;
    b
}

/// A text far denser with annotations than a screen can show (12,000 on seed 004's 26 KB,
/// one every two characters) is imported without the page freezing: only the 3,000 nearest
/// the screen are highlighted (registering all of them held the page for seconds), and
/// those follow the screen as it scrolls. The list has every one.
#[tokio::test]
async fn a_text_denser_with_annotations_than_a_screen_highlights_those_near_the_screen() {
    const N: usize = 12_000;
    let (text, chars) = seed_004();
    let spans: Vec<(usize, usize)> = (0..N)
        .map(|i| {
            let start = (i * 2) % (chars.len() - 40);
            (start, start + 3 + i % 20)
        })
        .collect();
    let b = import_on_seed_004("dense.json", &chars, &spans).await;
    let (lo, hi, n) = drawn_extent(&b).await;
    assert_eq!(n, 3_000.0, "highlights drawn");
    let length = text.encode_utf16().count() as f64;
    assert!(
        lo < length / 4.0 && hi < length * 0.75,
        "near the top: {lo}..{hi} of {length}"
    );
    // Scrolled to the end, the highlights there are drawn.
    b.js(
        "const r = document.querySelector('.reading'); r.scrollTop = r.scrollHeight; return true;",
        vec![],
    )
    .await;
    b.wait_until(
        "highlights near the end",
        &format!("let hi = -1; for (const [k, h] of CSS.highlights) for (const r of h) hi = Math.max(hi, Number(r.startContainer.parentElement.dataset.u16) + r.startOffset); return hi > {length} * 0.9;"),
    )
    .await;
    let (_, _, n) = drawn_extent(&b).await;
    assert!(n > 0.0 && n <= 3_000.0, "highlights drawn at the end: {n}");
    b.close().await;
}

/// Read a screen at a time, a text with more annotations than are highlighted at once (600
/// on seed 004's 26 KB; from 200 only those near the screen are) shows every highlight on
/// the screen as soon as it is there: the stretch drawn follows the view before the view
/// reaches its end, though it is redrawn only every few screens (`text_view::BlockWatch`).
#[tokio::test]
async fn highlights_are_on_the_screen_at_each_step_of_a_reading_scroll() {
    const N: usize = 600;
    let (text, chars) = seed_004();
    let gap = (chars.len() - 20) / N;
    let spans: Vec<(usize, usize)> = (0..N).map(|i| (i * gap, i * gap + 8)).collect();
    let b = import_on_seed_004("reading.json", &chars, &spans).await;
    // The text's UTF-16 offsets at the top and the bottom of the view.
    const VIEW: &str = "const r = document.querySelector('.reading').getBoundingClientRect(); const at = (y) => { const c = document.caretRangeFromPoint(r.left + 60, y); return Number(c.startContainer.parentElement.dataset.u16) + c.startOffset; }; return [at(r.top + 4), at(r.bottom - 4)];";
    // UTF-16 and code points differ by the text's characters outside the BMP: none here.
    assert_eq!(text.encode_utf16().count(), chars.len());
    let mut steps = 0;
    loop {
        // A step of most of a screen, then the two frames that show it.
        let end = b
            .client
            .execute_async(
                "const done = arguments[0]; const r = document.querySelector('.reading'); const end = r.scrollTop + r.clientHeight >= r.scrollHeight - 1; r.scrollTop += r.clientHeight * 0.8; requestAnimationFrame(() => requestAnimationFrame(() => done(end)));",
                vec![],
            )
            .await
            .unwrap();
        let view = b.js(VIEW, vec![]).await;
        let (top, bottom) = (view[0].as_f64().unwrap(), view[1].as_f64().unwrap());
        let (lo, hi, _) = drawn_extent(&b).await;
        let slack = 2.0 * gap as f64;
        assert!(
            lo <= top + slack && hi + slack >= bottom.min(((N - 1) * gap) as f64),
            "step {steps}: the view shows {top}..{bottom}, highlights are drawn over {lo}..{hi}"
        );
        steps += 1;
        if end == json!(true) || steps > 60 {
            break;
        }
        // Reading: a fifth of a second a screen, far faster than anyone reads.
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert!(steps > 5, "the text took {steps} screens");
    b.close().await;
}
