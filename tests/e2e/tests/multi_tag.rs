//! Passages with several tags (issue 20, point 4), in the browser: every tag's colour can be
//! seen at a glance, without hovering. The colours are read from the stylesheet the build
//! ships and looked for among the pixels Chromium paints under the passage.

use fantoccini::Locator;
use gcm_e2e::Browser;
use serde_json::{json, Value};

/// Writes a text file of these paragraphs and opens it.
async fn open_text(b: &Browser, name: &str, paragraphs: &[&str]) {
    let dir = std::env::temp_dir().join(format!("gcm-e2e-multi-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(name);
    std::fs::write(&file, paragraphs.join("\n\n")).unwrap();
    b.choose_file("#file-input", &file).await;
    b.wait_for_css("#doc-text .block").await;
}

/// The colour a tag is painted in, as the built stylesheet gives it (its `::highlight()`
/// background): `[opaque, 70 % over the page]`, each `[r, g, b]`; a tag may show as either
/// (behind the text or as a line).
const TAG_COLOURS_JS: &str = r#"
const ids = arguments[0];
const parse = (c) => c.match(/[\d.]+/g).map(Number);
const rules = [...document.styleSheets].flatMap((s) => [...s.cssRules]);
let el = document.getElementById('doc-text'), paper = [0, 0, 0, 0];
while (el && (paper = parse(getComputedStyle(el).backgroundColor))[3] === 0) el = el.parentElement;
return ids.map((id) => {
  const rule = rules.find((r) => r.selectorText === `::highlight(${id})`);
  if (!rule) return null;
  const [r, g, b, a = 1] = parse(rule.style.backgroundColor);
  const over = [r, g, b].map((v, i) => Math.round(v * a + paper[i] * (1 - a)));
  return [[r, g, b], over];
});
"#;

/// Counts, in a PNG (base64), the pixels within a small distance (anti-aliasing, rounding)
/// of each of the colours given (`[[r, g, b], …]`).
const COUNT_PIXELS_JS: &str = r#"
const [png, colours, done] = arguments;
const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
createImageBitmap(new Blob([bytes], { type: 'image/png' })).then((bmp) => {
  const canvas = new OffscreenCanvas(bmp.width, bmp.height);
  const g = canvas.getContext('2d');
  g.drawImage(bmp, 0, 0);
  const d = g.getImageData(0, 0, bmp.width, bmp.height).data;
  const counts = colours.map(() => 0);
  for (let i = 0; i < d.length; i += 4) {
    colours.forEach(([r, gr, b], k) => {
      if (Math.abs(d[i] - r) + Math.abs(d[i + 1] - gr) + Math.abs(d[i + 2] - b) <= 9) counts[k]++;
    });
  }
  done(counts);
}, (e) => done(String(e)));
"#;

/// Screenshots the painted passage (the `nth` occurrence of `needle`, on one line) with a
/// margin below for what is drawn under the line, and counts the pixels of each colour.
async fn pixels_under(b: &Browser, needle: &str, colours: &[[u8; 3]]) -> Vec<u64> {
    let rect = b
        .js(
            r#"const [needle] = arguments;
const w = document.createTreeWalker(document.getElementById('doc-text'), NodeFilter.SHOW_TEXT);
for (let n; (n = w.nextNode()); ) {
  const i = n.data.indexOf(needle);
  if (i < 0) continue;
  const r = new Range(); r.setStart(n, i); r.setEnd(n, i + needle.length);
  const b = r.getBoundingClientRect();
  return { x: b.left + scrollX, y: b.top + scrollY, width: b.width, height: b.height + 14, scale: 1 };
}
return null;"#,
            vec![json!(needle)],
        )
        .await;
    assert!(rect.is_object(), "{needle} is on screen");
    let shot = b
        .cdp(
            "Page.captureScreenshot",
            json!({ "format": "png", "clip": rect }),
        )
        .await;
    let png = shot["data"].as_str().expect("a PNG").to_string();
    let counts = b
        .client
        .execute_async(COUNT_PIXELS_JS, vec![json!(png), json!(colours)])
        .await
        .expect("count the pixels");
    counts
        .as_array()
        .unwrap_or_else(|| panic!("{counts}"))
        .iter()
        .map(|c| c.as_u64().unwrap_or(0))
        .collect()
}

/// The tags stored on the annotation whose quote is `quote`, in their order.
async fn stored_tags(b: &Browser, quote: &str) -> Vec<String> {
    let stored = b.stored_annotations().await;
    let a = stored
        .iter()
        .find(|a| a["quote"] == quote)
        .unwrap_or_else(|| panic!("{quote} is stored: {stored:?}"));
    a["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap().to_string())
        .collect()
}

/// For each tag (by id, or `own-<i>` for an own code's colour), how many pixels under the
/// passage are in its colour, either as painted behind the text or as painted opaque.
async fn tag_pixels(b: &Browser, needle: &str, colour_ids: &[String]) -> Vec<u64> {
    let colours: Value = b.js(TAG_COLOURS_JS, vec![json!(colour_ids)]).await;
    let pairs: Vec<[[u8; 3]; 2]> = serde_json::from_value(colours.clone())
        .unwrap_or_else(|e| panic!("every tag has a colour in the stylesheet: {colours} {e}"));
    let flat: Vec<[u8; 3]> = pairs.iter().flatten().copied().collect();
    let counts = pixels_under(b, needle, &flat).await;
    counts.chunks(2).map(|c| c[0] + c[1]).collect()
}

/// Leaves the just-saved annotation unselected, as when reading on.
async fn deselect(b: &Browser) {
    b.press(&[], fantoccini::key::Key::Escape).await;
    b.wait_until(
        "nothing is selected",
        "return !CSS.highlights.get('ann-selected') || CSS.highlights.get('ann-selected').size === 0",
    )
    .await;
}

const THREE: &str =
    "States commit to strengthen the collection of accurate data on migration, and \
to make it available to every authority that needs it.";

/// The passage's three tags each show their colour on screen, without hovering.
#[tokio::test]
async fn a_passage_with_three_tags_shows_each_tags_colour() {
    let b = Browser::open().await;
    b.client.set_window_size(1366, 768).await.unwrap();
    open_text(&b, "three.txt", &[THREE]).await;
    let needle = "the collection of accurate data";
    b.annotate(
        needle,
        0,
        &[
            "Objective 1: Data",
            "Objective 9: Counter smuggling",
            "Objective 3: Information provision",
        ],
        "",
    )
    .await;
    deselect(&b).await;
    b.screenshot("multi-tag-three").await;
    let tags = stored_tags(&b, needle).await;
    assert_eq!(tags.len(), 3);
    let counts = tag_pixels(&b, needle, &tags).await;
    for (tag, n) in tags.iter().zip(&counts) {
        assert!(
            *n >= 40,
            "{tag}'s colour is on {n} pixels under the passage ({tags:?}: {counts:?})"
        );
    }
    // Selected again, the accent line of the selection is on top of the 2nd tag's stripe;
    // the first tag and the 3rd still show (and the card lists all three).
    b.click_text(needle, 0).await;
    b.wait_until(
        "the passage is selected",
        "return CSS.highlights.get('ann-selected')?.size === 1",
    )
    .await;
    b.screenshot("multi-tag-three-selected").await;
    let counts = tag_pixels(&b, needle, &tags).await;
    assert!(counts[0] >= 40 && counts[2] >= 40, "{tags:?}: {counts:?}");
    b.close().await;
}

/// Makes an own code in the Codebook panel and returns to the text.
async fn add_own_code(b: &Browser, name: &str) {
    b.click("button", "Codebook…").await;
    b.client
        .find(Locator::Id("new-code-name"))
        .await
        .expect("the new code's name field")
        .send_keys(name)
        .await
        .unwrap();
    b.click("button", "Add code").await;
    b.wait_saved().await;
    b.click("button", "Back to my annotations").await;
}

const PARAGRAPHS: [&str; 5] = [
    "One tag. Migrants and communities benefit when accurate information reaches them early.",
    "Two tags. Regular pathways for migration should be available and flexible for everyone.",
    "Three tags. Recruitment must be fair and ethical, and working conditions must be decent.",
    "Five tags. Borders should be managed in an integrated, secure and coordinated manner.",
    "Overlap. Consular protection and assistance reach migrants and their families abroad.",
];

/// Past four tags, three colours and a sign that there are more; an own code's colour shows
/// like a GCM tag's; overlapping passages each keep their colours. Screenshots at the
/// laptop's and the large screen's sizes, to look at.
#[tokio::test]
async fn many_tags_show_three_colours_and_a_sign_for_more() {
    let b = Browser::open().await;
    b.client.set_window_size(1366, 768).await.unwrap();
    open_text(&b, "many.txt", &PARAGRAPHS).await;
    add_own_code(&b, "Hopeful").await;
    b.annotate(
        "accurate information reaches",
        0,
        &["Objective 3: Information provision"],
        "",
    )
    .await;
    b.annotate(
        "Regular pathways for migration",
        0,
        &["Objective 5: Regular pathways", "Hopeful"],
        "",
    )
    .await;
    b.annotate(
        "Recruitment must be fair and ethical",
        0,
        &[
            "Objective 6: Recruitment and decent work",
            "Objective 22: Social protection",
            "Principle: Human rights",
        ],
        "",
    )
    .await;
    let five = "integrated, secure and coordinated";
    b.annotate(
        five,
        0,
        &[
            "Objective 11: Manage borders",
            "Objective 3: Information provision",
            "Objective 9: Counter smuggling",
            "Objective 7: Reduce vulnerabilities",
            "Objective 20: Remittances",
        ],
        "",
    )
    .await;
    b.annotate(
        "Consular protection and assistance reach",
        0,
        &[
            "Objective 14: Consular protection",
            "Objective 9: Counter smuggling",
        ],
        "",
    )
    .await;
    b.annotate(
        "assistance reach migrants",
        0,
        &["Objective 23: International cooperation", "Hopeful"],
        "",
    )
    .await;
    deselect(&b).await;
    b.screenshot("multi-tag-1366").await;
    b.client.set_window_size(1920, 1080).await.unwrap();
    b.screenshot("multi-tag-1920").await;
    // At twice the pixels, to see how the stripes stack.
    b.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 900, "height": 700, "deviceScaleFactor": 2, "mobile": false }),
    )
    .await;
    b.screenshot("multi-tag-2x").await;
    b.js(
        "const w = document.createTreeWalker(document.getElementById('doc-text'), NodeFilter.SHOW_TEXT); for (let n; (n = w.nextNode()); ) if (n.data.includes('Five tags')) { n.parentElement.scrollIntoView(); break; }",
        vec![],
    )
    .await;
    b.screenshot("multi-tag-2x-five").await;
    b.cdp("Emulation.clearDeviceMetricsOverride", json!({}))
        .await;

    // The own code's colour, as a GCM tag's would.
    let own = b
        .js(
            "return [...CSS.highlights].find(([k, h]) => /^(t\\d-)?own-/.test(k) && h.size)?.[0].replace(/^t\\d-/, '') ?? null",
            vec![],
        )
        .await;
    let own = own
        .as_str()
        .expect("an own code drawn as a passage's 2nd tag");
    let counts = tag_pixels(
        &b,
        "Regular pathways for migration",
        &["objective-5".into(), own.to_string()],
    )
    .await;
    assert!(counts.iter().all(|n| *n >= 40), "{counts:?}");

    // Five tags: the first three in colour, the 4th and 5th not, and the sign for more.
    let tags = stored_tags(&b, five).await;
    assert_eq!(tags.len(), 5);
    let counts = tag_pixels(&b, five, &tags).await;
    assert!(counts[..3].iter().all(|n| *n >= 40), "{tags:?}: {counts:?}");
    assert!(counts[3..].iter().all(|n| *n < 10), "{tags:?}: {counts:?}");
    let more = b
        .js(
            "return [...document.styleSheets].flatMap((s) => [...s.cssRules]).find((r) => r.selectorText === '::highlight(ann-more)')?.style.textDecorationColor ?? ''",
            vec![],
        )
        .await;
    let grey: Vec<u8> = more
        .as_str()
        .unwrap_or_default()
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|s| s.parse().ok())
        .take(3)
        .collect();
    let sign = pixels_under(&b, five, &[[grey[0], grey[1], grey[2]]]).await;
    assert!(
        sign[0] >= 20,
        "the sign for more: {more} on {sign:?} pixels"
    );
    b.close().await;
}
