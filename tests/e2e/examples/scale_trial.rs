//! A trial at scale, by hand: a 5 MB document with 10,000 annotations in the release build,
//! in headless Chromium. Prints figures; asserts nothing. The performance issue turns this
//! into the benchmark with repeated runs and a peer.
//!
//! Run: `./dev build && cargo run -p gcm-e2e --example scale_trial --release`

use gcm_annotator::annotation::{Annotation, Draft};
use gcm_annotator::seeds::SEEDS;
use gcm_annotator::text::{Cp, DocText};
use gcm_e2e::Browser;
use std::time::Instant;

/// A deterministic pseudo-random sequence (xorshift), so every run builds the same workload.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn five_megabytes() -> String {
    let mut text = String::new();
    let mut round = 0;
    while text.len() < 5_000_000 {
        for s in &SEEDS {
            text.push_str(&format!("\n— Part {round} —\n"));
            text.push_str(s.text());
        }
        round += 1;
    }
    text
}

fn annotations(doc_id: &str, text: &DocText, n: usize) -> Vec<Annotation> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let words: Vec<usize> = {
        // Code point offsets of word starts.
        let mut v = Vec::new();
        let mut prev_space = true;
        for (i, c) in text.as_str().chars().enumerate() {
            if prev_space && !c.is_whitespace() {
                v.push(i);
            }
            prev_space = c.is_whitespace();
        }
        v
    };
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let w = rng.below(words.len() as u64 - 50) as usize;
        let len = 1 + rng.below(40) as usize;
        let (start, end) = (words[w], words[w + len] - 1);
        let tags: Vec<String> = (0..1 + rng.below(3))
            .map(|_| {
                gcm_annotator::codebook::TAGS[rng.below(33) as usize]
                    .id
                    .to_string()
            })
            .collect();
        let draft = Draft {
            document: doc_id.into(),
            start: Cp(start),
            end: Cp(end),
            tags,
            note: String::new(),
        };
        if let Ok(a) = Annotation::new(format!("scale-{}", out.len()), draft, text, "Bench", 1) {
            out.push(a);
        }
    }
    out
}

#[tokio::main]
async fn main() {
    let text = five_megabytes();
    let dir = std::env::temp_dir().join("gcm-scale-trial");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("five-megabytes.txt");
    std::fs::write(&path, &text).unwrap();
    println!(
        "document: {} bytes, {} code points",
        text.len(),
        text.chars().count()
    );

    let b = Browser::open().await;
    let t = Instant::now();
    b.choose_file("#file-input", &path).await;
    b.wait_for_css("#doc-text .block").await;
    println!("open 5 MB file to text in the DOM: {:?}", t.elapsed());
    let doc_id = b
        .js("return document.querySelector('.doc-entry.current').getAttribute('aria-describedby').slice(5)", vec![])
        .await
        .as_str()
        .unwrap()
        .to_string();

    let doc = DocText::new(text.as_str());
    let t = Instant::now();
    let anns = annotations(&doc_id, &doc, 10_000);
    println!(
        "generated {} annotations natively in {:?}",
        anns.len(),
        t.elapsed()
    );
    // Import them through the app's own import, as a file of the project's format.
    let mut model = gcm_annotator::state::Model::default();
    model
        .library
        .add_document(gcm_annotator::document::Document {
            id: doc_id.clone(),
            title: "five-megabytes".into(),
            description: String::new(),
            origin: gcm_annotator::document::Origin::User,
            text: doc.clone(),
            source: None,
            pages: Vec::new(),
        });
    model.library.extend(anns);
    let json = gcm_annotator::formats::export::export(
        gcm_annotator::formats::Format::Project,
        &gcm_annotator::formats::ExportScope::new(&model.library, Some(&doc_id)),
        gcm_annotator::formats::Options::default(),
    );
    let file = dir.join("ten-thousand.json");
    std::fs::write(&file, &json).unwrap();
    let t = Instant::now();
    b.choose_file("#import-input", &file).await;
    b.wait_for_text("10,000 annotations imported").await;
    println!(
        "import 10,000 annotations ({} bytes of JSON) to summary shown: {:?}",
        json.len(),
        t.elapsed()
    );
    b.wait_until(
        "10,000 highlights are drawn",
        "let n = 0; for (const [k, h] of CSS.highlights) if (k.startsWith('objective') || k.startsWith('principle')) n += h.size; return n >= 10000;",
    )
    .await;
    println!("import to 10,000 highlights registered: {:?}", t.elapsed());
    b.wait_saved().await;
    println!("import to all saved in IndexedDB: {:?}", t.elapsed());

    let t = Instant::now();
    b.reload().await;
    b.wait_until(
        "10,000 highlights are drawn",
        "let n = 0; for (const [k, h] of CSS.highlights) if (k.startsWith('objective') || k.startsWith('principle')) n += h.size; return n >= 10000;",
    )
    .await;
    println!("reload to 10,000 highlights registered: {:?}", t.elapsed());

    // Scroll from top to bottom and count long tasks.
    b.js("window.__long = []; new PerformanceObserver(l => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({type: 'longtask', buffered: false});", vec![]).await;
    let t = Instant::now();
    let frames = b
        .client
        .execute_async(
            r#"const done = arguments[0]; const s = document.querySelector('.reading');
               const times = []; let last = performance.now(); let i = 0;
               const step = () => { const now = performance.now(); times.push(now - last); last = now;
                 s.scrollTop += s.clientHeight * 0.9; if (++i < 300 && s.scrollTop + s.clientHeight < s.scrollHeight) requestAnimationFrame(step); else done(times); };
               requestAnimationFrame(step);"#,
            vec![],
        )
        .await
        .unwrap();
    let frames: Vec<f64> = serde_json::from_value(frames).unwrap();
    let slow = frames.iter().filter(|f| **f > 16.7).count();
    let longest = b.js("return Math.max(0, ...window.__long)", vec![]).await;
    println!(
        "scroll {} frames in {:?}: {} over 16.7 ms, longest frame {:.0} ms, longest task {} ms",
        frames.len(),
        t.elapsed(),
        slow,
        frames.iter().cloned().fold(0.0, f64::max),
        longest
    );

    // Create one more with the mouse.
    b.js("document.querySelector('.reading').scrollTop = 0", vec![])
        .await;
    let t = Instant::now();
    b.drag_select("International Organization for Migration", 3)
        .await;
    b.wait_for_css("#palette-search").await;
    println!("drag to palette shown: {:?}", t.elapsed());
    if let Ok(name) = b.client.find(fantoccini::Locator::Id("palette-name")).await {
        name.send_keys("Bench").await.unwrap();
    }
    b.click("checkbox", "Objective 23: International cooperation")
        .await;
    let before = b
        .js("return CSS.highlights.get('objective-23').size", vec![])
        .await;
    let t = Instant::now();
    b.click("button", "Save annotation").await;
    b.wait_until(
        "the new highlight",
        &format!("return CSS.highlights.get('objective-23').size > {before}"),
    )
    .await;
    println!("save click to highlight registered: {:?}", t.elapsed());

    // Filter the list.
    let t = Instant::now();
    let search = b
        .wait_for_css("input[aria-label='Search annotations']")
        .await;
    search.send_keys("migration").await.unwrap();
    b.wait_until(
        "the list is filtered",
        "return document.querySelector('#list-title .count').textContent.includes(' of ')",
    )
    .await;
    println!(
        "type a 9-letter search and see the list filtered: {:?}",
        t.elapsed()
    );
    let heap = b
        .js(
            "return performance.memory ? performance.memory.usedJSHeapSize : null",
            vec![],
        )
        .await;
    println!("JS heap used: {heap} bytes");
    b.screenshot("scale").await;
    b.close().await;
}
