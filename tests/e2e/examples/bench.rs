//! The benchmark: the release app, the peer (`@recogito/text-annotator` 4 on a plain page)
//! and a floor (the bare text in a `<pre>`), on the same workloads, in the same headless
//! Chromium, in one run. Prints a table and writes it to `bench/RESULTS.md`.
//!
//! Run it with `./dev bench` (it builds the app and installs the peer first). By hand:
//! `PEER=<folder with text-annotator.umd.js and .css> cargo run --release -p gcm-e2e --example bench`.
//! `RUNS=n` changes the number of runs per figure (5); `ONLY=navigation,large,import,create,
//! scroll,throttle,formats,store,pdf,class,suggest,size` runs some sections (and then does not write
//! the results file). `throttle` runs the import of 10,000, create and scroll figures again under
//! DevTools' 4× CPU throttle, with at most `THROTTLE_RUNS` runs.
//!
//! Workloads are generated from the seed texts with a fixed random seed: the seeds as they
//! are, a 1 MB and a 5 MB document (the seeds repeated), and 1,000, 5,000 and 10,000
//! annotations (spans of 1–40 words, 1–3 tags, about 10% overlapping the one before).

use gcm_annotator::document::Document;
use gcm_annotator::formats::export::export;
use gcm_annotator::formats::planner::import;
use gcm_annotator::formats::{ExportScope, Format, Options};
use gcm_annotator::state::{Action, Model};
use gcm_annotator::text::{thousands, Cp, DocText};
use gcm_e2e::Browser;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Navigations per run of the other figures.
const NAV_RUNS_PER_RUN: usize = 3;

/// Runs per figure under the 4× CPU throttle (section `throttle`), at most: the peer's
/// import of 10,000 alone then takes minutes.
const THROTTLE_RUNS: usize = 1;

/// A small deterministic generator (xorshift64*), so every run has the same workload.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seeds() -> Vec<String> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(repo().join("seeds"))
        .expect("seeds/")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("a seed"))
        .collect()
}

/// The seeds one after the other, repeated, to at least `bytes`, cut at a line end.
fn text_of_size(bytes: usize) -> String {
    let seeds = seeds();
    let mut out = String::with_capacity(bytes + 100_000);
    let mut part = 0;
    while out.len() < bytes {
        for s in &seeds {
            part += 1;
            out.push_str(&format!("\n\nPart {part}\n\n"));
            out.push_str(s);
            if out.len() >= bytes {
                break;
            }
        }
    }
    let cut = out[..bytes].rfind('\n').unwrap_or(bytes);
    out.truncate(cut + 1);
    out
}

/// One generated annotation, in code points.
struct Span {
    start: usize,
    end: usize,
    tags: Vec<String>,
}

/// Each word's start and end in `text`, in code points (a word: a run without white space).
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text.chars().enumerate() {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    words
}

fn spans(text: &str, n: usize, seed: u64) -> Vec<Span> {
    let words = words(text);
    let tags: Vec<&str> = gcm_annotator::codebook::TAGS.iter().map(|t| t.id).collect();
    let mut rng = Rng(seed);
    let mut out: Vec<Span> = Vec::with_capacity(n);
    let mut last_word = 0;
    for _ in 0..n {
        let len = 1 + rng.below(40);
        // About one in ten starts inside the previous passage.
        let first = if rng.below(10) == 0 && !out.is_empty() {
            last_word + rng.below(3)
        } else {
            rng.below(words.len() - 45)
        };
        last_word = first;
        let k = 1 + rng.below(3);
        let mut t: Vec<String> = Vec::new();
        while t.len() < k {
            let tag = tags[rng.below(tags.len())].to_string();
            if !t.contains(&tag) {
                t.push(tag);
            }
        }
        out.push(Span {
            start: words[first].0,
            end: words[(first + len - 1).min(words.len() - 1)].1,
            tags: t,
        });
    }
    out
}

/// A model holding `text` as a user document with `spans` as annotations.
fn model_with(text: &str, spans: &[Span]) -> Model {
    let mut m = Model::default();
    m.apply(Action::SetAnnotator("Bench".into()));
    let doc = Document::from_paste("user-bench".into(), "Bench", text).expect("a document");
    m.apply(Action::AddDocuments(vec![doc]));
    for (i, s) in spans.iter().enumerate() {
        m.apply(Action::Create {
            document: m.session.open.clone().unwrap_or_default(),
            start: Cp(s.start),
            end: Cp(s.end),
            id: format!("bench-{i:05}"),
            tags: s.tags.clone(),
            note: String::new(),
            now: 1_700_000_000_000,
        });
    }
    m
}

/// The project export of `spans` on `text`, naming the document by its SHA-256 only, so that
/// it lands on the copy the browser already has.
fn project_file(text: &str, spans: &[Span]) -> String {
    let m = model_with(text, spans);
    let mut v: Value = serde_json::from_str(&export(
        Format::Project,
        &ExportScope::new(&m.library, Some("user-bench")),
        Options {
            annotator: "Bench",
            ..Options::default()
        },
    ))
    .expect("JSON");
    for d in v["documents"].as_array_mut().expect("documents") {
        d.as_object_mut().expect("an object").remove("text");
    }
    v.to_string()
}

/// The same annotations in the peer's own model, with UTF-16 offsets as the DOM counts.
fn peer_annotations(text: &str, spans: &[Span]) -> Value {
    let doc = DocText::new(text);
    let list: Vec<Value> = spans
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let id = format!("bench-{i:05}");
            let quote = doc.slice(Cp(s.start), Cp(s.end)).expect("in the text");
            json!({
                "id": id,
                "bodies": s.tags.iter().map(|t| json!({ "id": format!("{id}-{t}"), "annotation": id, "purpose": "tagging", "value": t })).collect::<Vec<_>>(),
                "target": { "annotation": id, "selector": [{
                    "quote": quote,
                    "start": doc.utf16_of(Cp(s.start)).expect("in the text").0,
                    "end": doc.utf16_of(Cp(s.end)).expect("in the text").0,
                }]},
            })
        })
        .collect();
    Value::Array(list)
}

/// Median, min and max.
#[derive(Clone, Copy)]
struct Stat {
    median: f64,
    min: f64,
    max: f64,
}

fn stat(mut v: Vec<f64>) -> Option<Stat> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    Some(Stat {
        median: v[v.len() / 2],
        min: v[0],
        max: v[v.len() - 1],
    })
}

fn percentile(mut v: Vec<f64>, p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

/// Set in every page before its own scripts run: when the text is first painted, the long
/// tasks, the wasm memory of our app, and a helper that resolves at the frame after a
/// condition holds (the frame that has painted it).
const INSTRUMENT_JS: &str = r#"
window.__bench = { painted: null, longtasks: [], spans: [], wasmMemory: null };
addEventListener('TrunkApplicationStarted', (e) => { window.__bench.wasmMemory = e.detail.wasm.memory; });
try { new PerformanceObserver((l) => { for (const e of l.getEntries()) { window.__bench.longtasks.push(e.duration); window.__bench.spans.push([e.startTime, e.duration]); } }).observe({ type: 'longtask', buffered: true }); } catch (e) {}
// Resolves at the animation frame after the one in which `pred` first holds: the change has
// then been painted. `pred` is first checked in an animation frame, never at once, so that a
// change made synchronously (the peer's API) counts its paint as one made in a later task does.
window.__whenPainted = (pred) => new Promise((done) => {
  const tick = () => { if (pred()) requestAnimationFrame(() => done(performance.now())); else requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
});
window.__whenPainted(() => document.querySelector('#doc-text .block') || document.querySelector('#content')?.firstChild)
  .then((t) => { window.__bench.painted = t; });
"#;

/// How many tag ranges our app has registered with the CSS highlight registry.
const OUR_TAG_RANGES: &str = "(() => { let n = 0; for (const [k, h] of CSS.highlights) if (k.startsWith('objective-') || k.startsWith('principle-')) n += h.size; return n; })()";
const PEER_SPANS: &str = "document.querySelectorAll('.r6o-annotation').length";

#[derive(Clone, Copy, PartialEq)]
enum Page {
    Ours,
    Peer,
    Floor,
}

struct Bench {
    peer_url: String,
    runs: usize,
    /// The CPU throttle the figures run under (DevTools' rate; 1 is none).
    cpu: f64,
    rows: Vec<(String, String, String, String, String)>,
}

fn ms(s: Option<Stat>) -> String {
    match s {
        Some(s) => format!("{:.0} ms ({:.0}–{:.0})", s.median, s.min, s.max),
        None => "—".into(),
    }
}

fn ratio(ours: Option<Stat>, peer: Option<Stat>) -> String {
    match (ours, peer) {
        (Some(o), Some(p)) if p.median > 0.0 => format!("{:.2}×", o.median / p.median),
        _ => "—".into(),
    }
}

impl Bench {
    /// A figure's label, saying the CPU throttle it ran under, if any.
    fn label(&self, what: &str) -> String {
        if self.cpu > 1.0 {
            format!("{what} ({}× CPU throttle)", self.cpu)
        } else {
            what.to_string()
        }
    }

    /// Slows the page's main thread by the CPU throttle, if any (DevTools'
    /// `Emulation.setCPUThrottlingRate`, for as long as this browser runs).
    async fn throttle(&self, b: &Browser) {
        if self.cpu > 1.0 {
            b.cdp(
                "Emulation.setCPUThrottlingRate",
                json!({ "rate": self.cpu }),
            )
            .await;
        }
    }

    fn row(&mut self, what: &str, ours: String, peer: String, floor: String, ratio: String) {
        println!("{what:<58} | {ours:<26} | {peer:<26} | {floor:<22} | {ratio}");
        self.rows.push((what.to_string(), ours, peer, floor, ratio));
    }

    async fn browser(&self) -> Browser {
        let profile = std::env::temp_dir().join(format!(
            "gcm-bench-{}-{}",
            std::process::id(),
            Instant::now().elapsed().as_nanos() ^ rand_suffix()
        ));
        let b = Browser::launch(profile, json!({})).await;
        // Some figures (10,000 into the peer, a whole scroll) take minutes, not WebDriver's 30 s.
        b.client
            .update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
                Some(Duration::from_secs(600)),
                Some(Duration::from_secs(120)),
                None,
            ))
            .await
            .expect("timeouts");
        b.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": INSTRUMENT_JS }),
        )
        .await;
        b
    }

    async fn open(&self, b: &Browser, page: Page, text: &str) {
        let url = match page {
            Page::Ours => gcm_e2e::app_url().to_string(),
            Page::Peer => format!("{}peer.html?text={text}", self.peer_url),
            Page::Floor => format!("{}floor.html?text={text}", self.peer_url),
        };
        b.client.goto(&url).await.expect("open the page");
        match page {
            Page::Ours => {
                b.wait_for_css("[data-app-ready]").await;
            }
            _ => {
                b.wait_until("the page is ready", "return window.benchReady === true")
                    .await
            }
        }
    }
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default()
}

/// Waits for a number the page computes (`expr`), polling.
async fn wait_value(b: &Browser, what: &str, expr: &str) -> f64 {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Some(v) = b.js(&format!("return {expr}"), vec![]).await.as_f64() {
            return v;
        }
        if Instant::now() > deadline {
            panic!("timed out waiting for {what}");
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Opens the text in our app through the file input, and returns the time from the file's
/// choice to the text painted.
async fn our_open_file(b: &Browser, path: &Path) -> f64 {
    b.js(
        "window.__t0 = null; window.__t1 = null; document.addEventListener('change', (e) => { if (e.target.id === 'file-input') { window.__t0 = performance.now(); window.__whenPainted(() => document.querySelector('#doc-text .block')).then((t) => window.__t1 = t); } }, { capture: true, once: true }); return true;",
        vec![],
    )
    .await;
    b.choose_file("#file-input", path).await;
    wait_value(
        b,
        "the text",
        "window.__t1 === null ? null : window.__t1 - window.__t0",
    )
    .await
}

/// Imports a file of `annotations` into our app, starting from none; returns the time from
/// the choice to the frame after the list counts them (the highlights near the screen are
/// drawn in the same render; a document with more than 1,000 registers only those).
async fn our_import(b: &Browser, path: &Path, annotations: usize) -> f64 {
    let (t, count) = our_import_file(b, path).await;
    assert_eq!(
        count as usize,
        annotations,
        "{} placed in part",
        path.display()
    );
    t
}

/// Exports the open document's annotations in `format` through the Export panel; returns
/// the time from Download to the file handed to the browser (the link's click).
async fn our_export(b: &Browser, format: Format) -> f64 {
    settle(b).await;
    b.click("button", "Export").await;
    b.js(
        // Everything: the bench's annotations are imported, and an export holds only this
        // profile's own work unless told otherwise (issue 22).
        "const s = document.querySelector('select[aria-label=Format]'); s.value = arguments[0]; s.dispatchEvent(new Event('change', { bubbles: true })); const all = document.querySelector('#export-everything'); if (all && !all.checked) all.click(); return true;",
        vec![json!(format.slug())],
    )
    .await;
    settled_time(
        b,
        "export",
        "const done = arguments[0]; const button = [...document.querySelectorAll('#export-panel button')].find((x) => x.textContent === 'Download'); const click = HTMLAnchorElement.prototype.click; let t0 = 0; HTMLAnchorElement.prototype.click = function () { if (this.download) { HTMLAnchorElement.prototype.click = click; done(performance.now() - t0); } return click.call(this); }; t0 = performance.now(); button.click();",
        vec![],
    )
    .await
}

/// Imports any annotation file into our app, starting from none; returns the time from the
/// choice to the frame after the list counts them with highlights drawn, and that count.
async fn our_import_file(b: &Browser, path: &Path) -> (f64, f64) {
    settle(b).await;
    b.js(
        &format!("window.__t0 = null; window.__t1 = null; document.addEventListener('change', (e) => {{ if (e.target.id === 'import-input') {{ window.__t0 = performance.now(); window.__whenPainted(() => (document.querySelector('#list-title .count')?.textContent ?? '0') !== '0' && {OUR_TAG_RANGES} > 0).then((t) => window.__t1 = t); }} }}, {{ capture: true, once: true }}); return true;"),
        vec![],
    )
    .await;
    b.choose_file("#import-input", path).await;
    let t = wait_value(
        b,
        "the import",
        "window.__t1 === null ? null : window.__t1 - window.__t0",
    )
    .await;
    b.wait_saved().await;
    let count = wait_value(
        b,
        "the count",
        "Number(document.querySelector('#list-title .count')?.textContent.replace(/\\D/g, ''))",
    )
    .await;
    (t, count)
}

/// Imports a file of `annotations` and returns the time from the file's choice to the last
/// commit to IndexedDB (the moment the status last turned to saved, once the list counts
/// them all and a fresh read of the store holds them all); the same from the status turning
/// to saving (the import applied and drawn) to that commit; and the longest main-thread task
/// in that second span, while saving (the import's own parse is the "import" figures').
async fn our_import_stored(b: &Browser, path: &Path, annotations: usize) -> (f64, f64, f64) {
    settle(b).await;
    b.js(
        "window.__t0 = null; window.__saving = null; window.__saved = null; window.__tasks = []; \
         const app = document.querySelector('[data-save-state]'); \
         new MutationObserver(() => { const now = performance.now(); if (app.dataset.saveState === 'saved') window.__saved = now; else if (window.__t0 !== null && window.__saving === null) window.__saving = now; }).observe(app, { attributes: true, attributeFilter: ['data-save-state'] }); \
         new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__tasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask' }); \
         document.addEventListener('change', (e) => { if (e.target.id === 'import-input') window.__t0 = performance.now(); }, { capture: true, once: true }); return true;",
        vec![],
    )
    .await;
    b.choose_file("#import-input", path).await;
    let deadline = Instant::now() + Duration::from_secs(300);
    loop {
        let listed = b
            .js(
                "return Number(document.querySelector('#list-title .count')?.textContent.replace(/\\D/g, '') ?? 0)",
                vec![],
            )
            .await
            .as_f64()
            .unwrap_or_default() as usize;
        if listed == annotations && save_state_is_saved(b).await {
            let stored = b
                .client
                .execute_async(COUNT_STORED_JS, vec![])
                .await
                .expect("read IndexedDB")
                .as_f64()
                .unwrap_or_default() as usize;
            if stored == annotations && save_state_is_saved(b).await {
                break;
            }
        }
        assert!(
            Instant::now() < deadline,
            "{} was never stored",
            path.display()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let v = b
        .js(
            "const t0 = window.__t0, t1 = window.__saved, shown = window.__saving; return [t1 - t0, Math.max(0, ...window.__tasks.filter(([s, d]) => s + d >= shown && s <= t1).map(([, d]) => d)), t1 - shown];",
            vec![],
        )
        .await;
    (
        v[0].as_f64().expect("a time"),
        v[2].as_f64().expect("a time"),
        v[1].as_f64().unwrap_or_default(),
    )
}

async fn save_state_is_saved(b: &Browser) -> bool {
    b.js(
        "return document.querySelector('[data-save-state]').dataset.saveState === 'saved'",
        vec![],
    )
    .await
    .as_bool()
    .unwrap_or_default()
}

/// Counts the annotations in the app's IndexedDB, read afresh: a record is one annotation
/// (schema 1) or a chunk of them (schema 2, `annotations`).
const COUNT_STORED_JS: &str = r#"
const done = arguments[0];
const open = indexedDB.open('gcm-annotator');
open.onsuccess = () => {
  const db = open.result;
  const req = db.transaction('annotations', 'readonly').objectStore('annotations').getAll();
  req.onsuccess = () => {
    let n = 0;
    for (const v of req.result) { const r = JSON.parse(v); n += Array.isArray(r.annotations) ? r.annotations.length : 1; }
    db.close();
    done(n);
  };
  req.onerror = () => done(-1);
};
open.onerror = () => done(-1);
"#;

/// Reloads the page and returns the time from that navigation's start to the frame after
/// `pred` holds, and the longest main-thread task until then (`pred` is watched from the new
/// page's first script on).
async fn reload_until(b: &Browser, pred: &str) -> (f64, f64) {
    b.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": format!("window.__whenPainted(() => {pred}).then((t) => {{ window.__bench.shown = t; window.__bench.shownLongest = window.__bench.longtasks.reduce((a, b) => Math.max(a, b), 0); }});") }),
    )
    .await;
    b.client.refresh().await.expect("reload");
    let t = wait_value(b, "the reload painted", "window.__bench.shown ?? null").await;
    let long = b
        .js("return window.__bench.shownLongest", vec![])
        .await
        .as_f64()
        .unwrap_or(0.0);
    (t, long)
}

/// Undoes the import (how a user clears what a file brought); returns the time to no tag
/// range left, painted.
async fn our_clear(b: &Browser) -> f64 {
    let t = settled_time(
        b,
        "undo",
        &format!("const done = arguments[0]; const undo = [...document.querySelectorAll('button')].find((x) => x.textContent.includes('Undo')); const t0 = performance.now(); undo.click(); window.__whenPainted(() => {OUR_TAG_RANGES} === 0 && document.querySelector('#list-title .count')?.textContent === '0').then((t) => done(t - t0));"),
        vec![],
    )
    .await;
    b.wait_saved().await;
    t
}

async fn peer_set(b: &Browser, annotations: &Value) -> f64 {
    settled_time(
        b,
        "setAnnotations",
        "const [list, done] = arguments; const t0 = performance.now(); window.anno.setAnnotations(list, true); window.__whenPainted(() => window.anno.getAnnotations().length === list.length).then((t) => done(t - t0));",
        vec![annotations.clone()],
    )
    .await
}

async fn peer_clear(b: &Browser) -> f64 {
    settled_time(
        b,
        "clearAnnotations",
        &format!("const done = arguments[0]; const t0 = performance.now(); window.anno.clearAnnotations(); window.__whenPainted(() => window.anno.getAnnotations().length === 0 && {PEER_SPANS} === 0).then((t) => done(t - t0));"),
        vec![],
    )
    .await
}

/// The least any change can measure: from a moment on a settled page to the frame after
/// the next, as `__whenPainted` counts a change seen at once (the floor of a clear).
async fn two_frames(b: &Browser) -> f64 {
    settled_time(
        b,
        "two frames",
        "const done = arguments[0]; const t0 = performance.now(); window.__whenPainted(() => true).then((t) => done(t - t0));",
        vec![],
    )
    .await
}

/// Once the page has settled, runs `script` (WebDriver's async script: it calls `done` with
/// a time in ms) and returns that time.
async fn settled_time(b: &Browser, what: &str, script: &str, args: Vec<Value>) -> f64 {
    settle(b).await;
    b.client
        .execute_async(script, args)
        .await
        .unwrap_or_else(|e| panic!("{what}: {e}"))
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: no time"))
}

/// Waits until the page's frames come calmly again (five in a row each under 20 ms apart,
/// at most 3 s): a figure then starts from an idle page, not in the wake of the last one.
async fn settle(b: &Browser) {
    b.client
        .execute_async(
            "const done = arguments[0]; const t0 = performance.now(); let last = t0, calm = 0; const f = (t) => { calm = t - last < 20 ? calm + 1 : 0; last = t; if (calm >= 5 || t - t0 > 3000) done(true); else requestAnimationFrame(f); }; requestAnimationFrame(f);",
            vec![],
        )
        .await
        .expect("frames");
}

/// Points inside the first and last characters of `needle` in the element `content`, after
/// scrolling it to a third of the scroller's height: works on any page.
const POINTS_JS: &str = r#"
const [css, scrollerCss, needle, done] = arguments;
const root = document.querySelector(css);
const nodes = []; let all = '';
const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
for (let n = w.nextNode(); n; n = w.nextNode()) { nodes.push([n, all.length]); all += n.data; }
const at = all.indexOf(needle);
if (at < 0) return done(null);
const point = (off) => { let k = 0; while (k + 1 < nodes.length && nodes[k + 1][1] <= off) k++; return [nodes[k][0], off - nodes[k][1]]; };
const range = document.createRange();
range.setStart(...point(at)); range.setEnd(...point(at + needle.length));
const scroller = document.querySelector(scrollerCss);
const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
(async () => {
  let last = null;
  for (let i = 0; i < 10; i++) {
    const box = scroller.getBoundingClientRect();
    scroller.scrollTop += range.getBoundingClientRect().top - box.top - box.height / 3;
    await frame();
    const top = range.getBoundingClientRect().top;
    if (last !== null && Math.abs(top - last) < 1) break;
    last = top;
  }
  const rects = [...range.getClientRects()].filter((r) => r.width > 0);
  const a = rects[0], z = rects[rects.length - 1];
  done({ x1: a.left + 1, y1: a.top + a.height / 2, x2: z.right - 1, y2: z.top + z.height / 2 });
})();
"#;

/// Drags over `needle` in one straight move of `move_ms` (see below); with `rest`, holds the
/// button down until the page's frames come calmly again before the mouseup.
async fn drag(b: &Browser, css: &str, scroller: &str, needle: &str, move_ms: u64, rest: bool) {
    let v = b
        .client
        .execute_async(POINTS_JS, vec![css.into(), scroller.into(), needle.into()])
        .await
        .expect("locate");
    let n = |k: &str| {
        v[k].as_f64()
            .unwrap_or_else(|| panic!("{needle:?} not found"))
    };
    // One straight move (100 ms), not the harness's drag through the middle: the peer creates
    // its annotation when the selection rests during a drag, which would end its figure
    // before the mouseup it is measured from. Under a CPU throttle the move lasts as many
    // times longer, and the selection rests until the page is calm before the mouseup: the
    // peer reads the selection on a 10 ms debounce of `selectionchange`, and a mouseup it
    // handles before that creates nothing (on a busy machine it missed the second of 20).
    use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
    let mouse = MouseActions::new("mouse".into())
        .then(PointerAction::MoveTo {
            duration: None,
            x: n("x1").round(),
            y: n("y1").round(),
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveTo {
            duration: Some(Duration::from_millis(move_ms)),
            x: n("x2").round(),
            y: n("y2").round(),
        });
    let up = PointerAction::Up {
        button: MOUSE_BUTTON_LEFT,
    };
    if rest {
        b.client.perform_actions(mouse).await.expect("drag");
        settle(b).await;
        let mouse = MouseActions::new("mouse".into()).then(up);
        b.client.perform_actions(mouse).await.expect("mouseup");
    } else {
        b.client
            .perform_actions(mouse.then(up))
            .await
            .expect("drag");
    }
}

/// Arms a measurement from the next mouseup to the frame after `pred` holds.
async fn arm_mouseup(b: &Browser, pred: &str) {
    b.js(
        &format!("window.__t0 = null; window.__t1 = null; document.addEventListener('mouseup', (e) => {{ window.__t0 = performance.now(); window.__whenPainted(() => {pred}).then((t) => window.__t1 = t); }}, {{ capture: true, once: true }}); return true;"),
        vec![],
    )
    .await;
}

/// Scrolls the page's scroller from top to bottom, one step per frame (at least 0.9 of the
/// viewport, and at most 600 frames), and returns the frame times and the long tasks.
const SCROLL_JS: &str = r#"
const [css, done] = arguments;
const sc = document.querySelector(css);
sc.scrollTop = 0;
const frames = [];
requestAnimationFrame(() => requestAnimationFrame(() => {
  window.__bench.longtasks = [];
  // Blocks skipped by content-visibility get their real height as they come into view, so
  // the end is measured again every frame.
  const total = () => sc.scrollHeight - sc.clientHeight;
  const step = Math.max(sc.clientHeight * 0.9, total() / 600);
  let last = null;
  const tick = (t) => {
    if (last !== null) frames.push(t - last);
    last = t;
    if (sc.scrollTop >= total() - 1 || frames.length >= 1000) {
      setTimeout(() => done({ frames, longtasks: window.__bench.longtasks, height: sc.scrollHeight }), 100);
      return;
    }
    sc.scrollTop = Math.min(total(), sc.scrollTop + step);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}));
"#;

/// One page's scroll figures over the runs.
struct ScrollRuns {
    /// Per run, % of frames over 16.7 ms.
    over: Vec<f64>,
    /// Per run, % of frames over 25 ms.
    missed: Vec<f64>,
    /// Per run, the longest task or frame.
    longest: Vec<f64>,
    frames: usize,
}

/// The share of frames over 16.7 ms and over 25 ms (in %), the longest task or frame, and
/// the frame count. Frames come at vsync and their times jitter around 16.67 ms, so a frame
/// that made its vsync often measures 16.7–16.8 ms: "over 25 ms" counts only the frames that
/// missed one.
async fn scroll(b: &Browser, scroller: &str) -> (f64, f64, f64, usize) {
    let v = b
        .client
        .execute_async(SCROLL_JS, vec![scroller.into()])
        .await
        .expect("scroll");
    let frames: Vec<f64> = v["frames"]
        .as_array()
        .expect("frames")
        .iter()
        .filter_map(Value::as_f64)
        .collect();
    let share = |limit: f64| {
        frames.iter().filter(|f| **f > limit).count() as f64 / frames.len().max(1) as f64 * 100.0
    };
    let longest_task = v["longtasks"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).fold(0.0, f64::max))
        .unwrap_or(0.0);
    let longest_frame = frames.iter().copied().fold(0.0, f64::max);
    (
        share(16.7),
        share(25.0),
        longest_task.max(longest_frame),
        frames.len(),
    )
}

/// One of the 5 MB text's sets of annotations: its count as labelled, our file of it in the
/// site folder, how many it holds, and the same annotations in the peer's model.
#[derive(Clone, Copy)]
struct Set<'a> {
    label: &'static str,
    file: &'static str,
    count: usize,
    peer: &'a Value,
}

/// Import to highlights painted, and clearing, on the 5 MB text, for each set: ours, the
/// peer's, and the floor of a clear; and the longest main-thread task from the import's start
/// until the page has been quiet for a second (ours: reading, placing, drawing and saving).
async fn import_figures(bench: &mut Bench, site: &Path, sets: &[Set<'_>]) {
    for set in sets {
        let (mut oi, mut ol, mut oc) = (vec![], vec![], vec![]);
        let (mut pi, mut pl, mut pc) = (vec![], vec![], vec![]);
        let b = bench.browser().await;
        bench.open(&b, Page::Ours, "").await;
        our_open_file(&b, &site.join("text-5mb.txt")).await;
        b.wait_saved().await;
        bench.throttle(&b).await;
        for _ in 0..bench.runs {
            reset_long_tasks(&b).await;
            oi.push(our_import(&b, &site.join(set.file), set.count).await);
            ol.push(long_tasks_until_quiet(&b).await.0);
            oc.push(our_clear(&b).await);
        }
        b.close().await;
        let b = bench.browser().await;
        bench.open(&b, Page::Peer, "text-5mb.txt").await;
        bench.throttle(&b).await;
        for _ in 0..bench.runs {
            reset_long_tasks(&b).await;
            pi.push(peer_set(&b, set.peer).await);
            pl.push(long_tasks_until_quiet(&b).await.0);
            pc.push(peer_clear(&b).await);
        }
        b.close().await;
        // The floor of a clear: the same measure around a change of nothing.
        let b = bench.browser().await;
        bench.open(&b, Page::Floor, "text-5mb.txt").await;
        bench.throttle(&b).await;
        let mut fc = Vec::new();
        for _ in 0..bench.runs {
            fc.push(two_frames(&b).await);
        }
        b.close().await;
        let label = set.label;
        for (what, ours, peer, floor) in [
            ("import to highlights painted", oi, pi, vec![]),
            ("import, longest task until quiet", ol, pl, vec![]),
            ("clear them, painted", oc, pc, fc),
        ] {
            let (o, p) = (stat(ours), stat(peer));
            bench.row(
                &bench.label(&format!("{label} annotations: {what}")),
                ms(o),
                ms(p),
                ms(stat(floor)),
                ratio(o, p),
            );
        }
    }
}

/// Distinct phrases of the 5 MB text, to select one after another: the first words of lines
/// far apart.
fn needles(text5: &str) -> Vec<String> {
    let lines: Vec<&str> = text5
        .lines()
        .filter(|l| l.split_whitespace().count() > 8)
        .collect();
    (0..20)
        .map(|i| {
            let l = lines[(i * 97 + 13) % lines.len()];
            l.split_whitespace().take(5).collect::<Vec<_>>().join(" ")
        })
        .collect()
}

/// One annotation more with 5,000 present, for each of `needles`: from mouseup to the
/// selection highlighted (ours waiting for tags, the peer's created), ours from Save to the tag's
/// highlight, and each one's longest main-thread task (ours from mouseup to stored, the
/// peer's from mouseup to created, each until the page's frames come calmly again).
async fn create_figures(bench: &mut Bench, site: &Path, needles: &[String], set: &Set<'_>) {
    let samples = needles.len();
    let (move_ms, rest) = ((100.0 * bench.cpu) as u64, bench.cpu > 1.0);
    let (mut ours_up, mut ours_save, mut ours_long) = (vec![], vec![], vec![]);
    let (mut peer_up, mut peer_long) = (vec![], vec![]);
    let b = bench.browser().await;
    bench.open(&b, Page::Ours, "").await;
    our_open_file(&b, &site.join("text-5mb.txt")).await;
    our_import(&b, &site.join(set.file), set.count).await;
    bench.throttle(&b).await;
    for needle in needles {
        arm_mouseup(&b, "(CSS.highlights.get('ann-pending')?.size ?? 0) > 0").await;
        drag(&b, "#doc-text", ".reading", needle, move_ms, rest).await;
        ours_up.push(
            wait_value(
                &b,
                "the pending highlight",
                "window.__t1 === null ? null : window.__t1 - window.__t0",
            )
            .await,
        );
        if b.client
            .find(fantoccini::Locator::Id("palette-name"))
            .await
            .is_ok()
        {
            b.client
                .find(fantoccini::Locator::Id("palette-name"))
                .await
                .unwrap()
                .send_keys("Bench")
                .await
                .unwrap();
        }
        b.click("checkbox", "Objective 1: Data").await;
        let t = b
            .client
            .execute_async(
                &format!("const done = arguments[0]; const save = [...document.querySelectorAll('button')].find((x) => x.textContent.trim() === 'Save annotation'); const before = {OUR_TAG_RANGES}; const t0 = performance.now(); save.click(); window.__whenPainted(() => {OUR_TAG_RANGES} > before).then((t) => done(t - t0));"),
                vec![],
            )
            .await
            .expect("save");
        ours_save.push(t.as_f64().unwrap_or(f64::NAN));
        b.wait_saved().await;
        settle(&b).await;
        ours_long.push(longest_task_since(&b, "window.__t0").await);
    }
    b.close().await;
    let b = bench.browser().await;
    bench.open(&b, Page::Peer, "text-5mb.txt").await;
    peer_set(&b, set.peer).await;
    bench.throttle(&b).await;
    for needle in needles {
        arm_mouseup(&b, "window.anno.getAnnotations().length > window.__before").await;
        b.js(
            "window.__before = window.anno.getAnnotations().length; return true;",
            vec![],
        )
        .await;
        drag(&b, "#content", "#scroller", needle, move_ms, rest).await;
        peer_up.push(
            wait_value(
                &b,
                "the peer's highlight",
                "window.__t1 === null ? null : window.__t1 - window.__t0",
            )
            .await,
        );
        settle(&b).await;
        peer_long.push(longest_task_since(&b, "window.__t0").await);
    }
    b.close().await;
    let p = |v: &Vec<f64>| {
        format!(
            "p50 {:.0} ms, p95 {:.0} ms",
            percentile(v.clone(), 0.5),
            percentile(v.clone(), 0.95)
        )
    };
    let r = |a: &Vec<f64>, b: &Vec<f64>| {
        format!(
            "{:.2}× / {:.2}×",
            percentile(a.clone(), 0.5) / percentile(b.clone(), 0.5),
            percentile(a.clone(), 0.95) / percentile(b.clone(), 0.95)
        )
    };
    let present = thousands(set.count);
    bench.row(
        &bench.label(&format!(
            "{present} present: mouseup to selection highlighted ({samples} samples)"
        )),
        p(&ours_up),
        p(&peer_up),
        "—".into(),
        r(&ours_up, &peer_up),
    );
    bench.row(
        &bench.label(&format!(
            "{present} present: Save to tag highlight painted ({samples}, ours only)"
        )),
        p(&ours_save),
        "—".into(),
        "—".into(),
        "—".into(),
    );
    let (o, p) = (stat(ours_long), stat(peer_long));
    bench.row(
        &bench.label(&format!("{present} present: longest task per annotation, median of {samples} (ours mouseup → stored, peer's mouseup → created)")),
        ms(o),
        ms(p),
        "—".into(),
        ratio(o, p),
    );
}

/// Scrolling the 5 MB text with 10,000 highlights on each page, and memory with them loaded
/// (not under a CPU throttle, which does not change it).
async fn scroll_figures(bench: &mut Bench, site: &Path, set: &Set<'_>) {
    let mut scroll_rows: Vec<ScrollRuns> = Vec::new();
    let mut mem: Vec<(f64, f64)> = Vec::new();
    for page in [Page::Ours, Page::Peer, Page::Floor] {
        let b = bench.browser().await;
        let scroller = match page {
            Page::Ours => {
                bench.open(&b, page, "").await;
                our_open_file(&b, &site.join("text-5mb.txt")).await;
                our_import(&b, &site.join(set.file), set.count).await;
                ".reading"
            }
            Page::Peer => {
                bench.open(&b, page, "text-5mb.txt").await;
                peer_set(&b, set.peer).await;
                "#scroller"
            }
            Page::Floor => {
                bench.open(&b, page, "text-5mb.txt").await;
                "#scroller"
            }
        };
        bench.throttle(&b).await;
        let (mut over, mut missed, mut longest, mut frames) = (vec![], vec![], vec![], 0);
        for _ in 0..bench.runs {
            let (o, m, l, f) = scroll(&b, scroller).await;
            over.push(o);
            missed.push(m);
            longest.push(l);
            frames = f;
        }
        mem.push(memory(&b).await);
        scroll_rows.push(ScrollRuns {
            over,
            missed,
            longest,
            frames,
        });
        b.close().await;
    }
    let pct = |v: &Vec<f64>| {
        let s = stat(v.clone()).expect("runs");
        format!("{:.0}% ({:.0}–{:.0})", s.median, s.min, s.max)
    };
    let frames = scroll_rows[0].frames;
    let what = format!("scroll 5 MB + {}", thousands(set.count));
    let [ours, peer, floor] = [&scroll_rows[0], &scroll_rows[1], &scroll_rows[2]];
    bench.row(
        &bench.label(&format!("{what}: frames over 16.7 ms ({frames} frames)")),
        pct(&ours.over),
        pct(&peer.over),
        pct(&floor.over),
        ratio(stat(ours.over.clone()), stat(peer.over.clone())),
    );
    bench.row(
        &bench.label(&format!("{what}: frames over 25 ms (a vsync missed)")),
        pct(&ours.missed),
        pct(&peer.missed),
        pct(&floor.missed),
        ratio(stat(ours.missed.clone()), stat(peer.missed.clone())),
    );
    let (o, p) = (stat(ours.longest.clone()), stat(peer.longest.clone()));
    bench.row(
        &bench.label(&format!("{what}: longest task or frame")),
        ms(o),
        ms(p),
        ms(stat(floor.longest.clone())),
        ratio(o, p),
    );
    if bench.cpu == 1.0 {
        bench.row(
            &format!(
                "memory with 5 MB + {} loaded: JS heap + wasm",
                thousands(set.count)
            ),
            format!("{} + {}", mb(mem[0].0), mb(mem[0].1)),
            mb(mem[1].0),
            mb(mem[2].0),
            format!("{:.2}×", (mem[0].0 + mem[0].1) / mem[1].0),
        );
    }
}

/// The largest inputs within the limits (issue 16, point 5): a 10 MB text with no line
/// breaks, a text of a million short lines, and a W3C file of about 50 MB. Each row gives the
/// time to the outcome (text painted, highlights shown), the longest main-thread task from
/// the choice of the file until the page has been quiet for a second (the Long Tasks API),
/// and for the import the WebAssembly memory afterwards (it never shrinks, so it is the
/// peak).
async fn large(bench: &mut Bench, site: &Path, text5: &str) {
    // 10 MB without a line break: the seeds joined by spaces.
    let flat: String = text_of_size(10_100_000).replace(['\n', '\r'], " ");
    let mut cut = 9_990_000;
    while !flat.is_char_boundary(cut) {
        cut -= 1;
    }
    std::fs::write(site.join("text-10mb-one-line.txt"), &flat[..cut]).expect("write");
    // A million lines of one word each (the seeds' words in order), about 7 MB.
    let mut lines = String::with_capacity(8_000_000);
    let mut n = 0;
    'outer: loop {
        for w in text5.split_whitespace() {
            lines.push_str(w);
            lines.push('\n');
            n += 1;
            if n == 1_000_000 {
                break 'outer;
            }
        }
    }
    std::fs::write(site.join("text-1m-lines.txt"), &lines).expect("write");
    let texts = [
        ("10 MB text, one line", "text-10mb-one-line.txt"),
        ("1,000,000 lines (7 MB)", "text-1m-lines.txt"),
    ];
    for (label, file) in texts {
        let (mut painted, mut longest, mut busy) = (vec![], vec![], vec![]);
        for _ in 0..bench.runs {
            let b = bench.browser().await;
            bench.open(&b, Page::Ours, "").await;
            settle(&b).await;
            reset_long_tasks(&b).await;
            painted.push(our_open_file(&b, &site.join(file)).await);
            let (l, sum) = long_tasks_until_quiet(&b).await;
            longest.push(l);
            busy.push(sum);
            b.close().await;
        }
        bench.row(
            &format!("{label}: open the file to text painted"),
            ms(stat(painted)),
            "—".into(),
            "—".into(),
            "—".into(),
        );
        bench.row(
            &format!("{label}: longest task / all long tasks"),
            format!("{} / {}", ms(stat(longest)), ms(stat(busy))),
            "—".into(),
            "—".into(),
            "—".into(),
        );
    }

    // Files of about 49.7 MB of short passages on the 5 MB text, in three formats: a W3C
    // collection and the project's JSON, both naming the document opened first; and doccano
    // JSONL, whose lines carry their own texts (50 KB pieces of the 5 MB text).
    let chars: Vec<char> = text5.chars().collect();
    let words = words(text5);
    let tags: Vec<&str> = gcm_annotator::codebook::TAGS.iter().map(|t| t.id).collect();
    let quote = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
    // The `count`th passage: a different first word for each, so that none is a duplicate.
    let passage = |count: usize, rng: &mut Rng| {
        let first = (count * 7_919) % (words.len() - 5);
        let (s, e) = (words[first].0, words[first + rng.below(3)].1);
        (s, e, tags[(first + count) % tags.len()])
    };
    const LIMIT: usize = 49_700_000;
    // The file's text and the number of annotations in it.
    let file_of = |format: &str, document: &str, rng: &mut Rng| -> (String, usize) {
        let mut out = String::with_capacity(LIMIT + 1_000);
        let mut count = 0;
        if format == "doccano" {
            const PIECE: usize = 50_000;
            let mut line = 0;
            loop {
                let from = (line * PIECE) % (chars.len() - PIECE);
                let text = quote(from, from + PIECE);
                let labels: Vec<Value> = (0..50)
                    .map(|k| {
                        let s = (k * 997) % (PIECE - 100);
                        json!([s, s + 1 + rng.below(60), tags[(line + k) % tags.len()]])
                    })
                    .collect();
                let l = json!({"text": text, "label": labels}).to_string();
                if out.len() + l.len() + 1 > LIMIT {
                    return (out, count);
                }
                out.push_str(&l);
                out.push('\n');
                count += labels.len();
                line += 1;
            }
        }
        let (head, tail) = if format == "w3c" {
            ("{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"id\": \"urn:uuid:00000000-0000-4000-8000-000000000000\", \"type\": \"AnnotationCollection\", \"first\": {\"type\": \"AnnotationPage\", \"items\": [\n".to_string(), "\n]}}".to_string())
        } else {
            (format!("{{\"format\": \"gcm-annotator\", \"version\": 1, \"documents\": [{{\"id\": \"{document}\"}}], \"annotations\": [\n"), "\n]}".to_string())
        };
        out.push_str(&head);
        loop {
            let (s, e, tag) = passage(count, rng);
            let item = if format == "w3c" {
                json!({
                    "id": format!("urn:uuid:00000000-0000-4000-8000-{count:012}"),
                    "type": "Annotation",
                    "body": [{ "purpose": "tagging", "value": tag }],
                    "target": { "source": gcm_annotator::formats::document_iri(document), "selector": [
                        { "type": "TextQuoteSelector", "exact": quote(s, e) },
                        { "type": "TextPositionSelector", "start": s, "end": e },
                    ]},
                })
            } else {
                json!({"id": format!("a{count}"), "document": document, "start": s, "end": e, "quote": quote(s, e), "tags": [tag]})
            }
            .to_string();
            if out.len() + item.len() + tail.len() + 2 > LIMIT {
                out.push_str(&tail);
                return (out, count);
            }
            if count > 0 {
                out.push_str(",\n");
            }
            out.push_str(&item);
            count += 1;
        }
    };
    let formats = [
        ("W3C", "w3c", "ann-50mb.jsonld"),
        ("GCM Annotator JSON", "project", "ann-50mb.json"),
        ("doccano JSONL", "doccano", "ann-50mb.jsonl"),
    ];
    let mut rng = Rng(50);
    for (label, format, name) in formats {
        let (mut shown, mut longest, mut peak, mut placed) = (vec![], vec![], vec![], 0);
        for _ in 0..bench.runs {
            let b = bench.browser().await;
            bench.open(&b, Page::Ours, "").await;
            our_open_file(&b, &site.join("text-5mb.txt")).await;
            b.wait_saved().await;
            // The file names the document by the id this browser gave it.
            let id = b
                .client
                .execute_async(
                    "const done = arguments[0]; const open = indexedDB.open('gcm-annotator'); open.onsuccess = () => { const req = open.result.transaction('documents', 'readonly').objectStore('documents').getAll(); req.onsuccess = () => done(req.result.map((s) => JSON.parse(typeof s === 'string' ? s : JSON.stringify(s)).id).find((id) => !id.startsWith('seed-'))); };",
                    vec![],
                )
                .await
                .expect("the document's id");
            let id = id.as_str().expect("a user document").to_string();
            let (file, count) = file_of(format, &id, &mut Rng(rng.next()));
            let path = site.join(name);
            std::fs::write(&path, &file).expect("write");
            drop(file);
            settle(&b).await;
            reset_long_tasks(&b).await;
            // Shown: the open document's highlights, or for doccano (whose documents are
            // new) the import's summary.
            let done = if format == "doccano" {
                format!("[...document.querySelectorAll('.notices .notice-text')].some((n) => n.textContent.includes('{name}') && n.textContent.includes('annotations imported'))")
            } else {
                format!("(document.querySelector('#list-title .count')?.textContent ?? '0') !== '0' && {OUR_TAG_RANGES} > 0")
            };
            b.js(
                &format!("window.__t0 = null; window.__t1 = null; document.addEventListener('change', (e) => {{ if (e.target.id === 'import-input') {{ window.__t0 = performance.now(); window.__whenPainted(() => {done}).then((t) => {{ window.__t1 = t; window.__shownTasks = [...window.__bench.longtasks]; }}); }} }}, {{ capture: true, once: true }}); return true;"),
                vec![],
            )
            .await;
            b.choose_file("#import-input", &path).await;
            shown.push(
                wait_value(
                    &b,
                    "the import",
                    "window.__t1 === null ? null : window.__t1 - window.__t0",
                )
                .await,
            );
            let until_shown = b
                .js(
                    "return window.__shownTasks.reduce((a, b) => Math.max(a, b), 0)",
                    vec![],
                )
                .await;
            longest.push(until_shown.as_f64().unwrap_or(0.0));
            let n = if format == "doccano" {
                wait_value(
                    &b,
                    "the summary",
                    &format!("Number([...document.querySelectorAll('.notices .notice-text')].map((n) => n.textContent).find((t) => t.includes('{name}') && t.includes('annotations imported')).split('{name}')[1].split(' annotations imported')[0].replace(/\\D/g, ''))"),
                )
                .await
            } else {
                wait_value(
                    &b,
                    "the count",
                    "Number(document.querySelector('#list-title .count')?.textContent.replace(/\\D/g, ''))",
                )
                .await
            };
            placed = count;
            assert_eq!(n as usize, count, "the 50 MB {label} import placed in part");
            peak.push(memory(&b).await.1);
            b.close().await;
        }
        let size = std::fs::metadata(site.join(name)).map_or(0, |m| m.len());
        let what = format!(
            "{label} {:.1} MB, {} annotations",
            size as f64 / 1_000_000.0,
            thousands(placed)
        );
        bench.row(
            &format!("{what}: import to shown"),
            ms(stat(shown)),
            "—".into(),
            "—".into(),
            "—".into(),
        );
        bench.row(
            &format!("{what}: longest task to shown / peak wasm memory"),
            format!(
                "{} / {}",
                ms(stat(longest)),
                mb(stat(peak).map_or(0.0, |s| s.max))
            ),
            "—".into(),
            "—".into(),
            "—".into(),
        );
    }
}

/// Standard base64 (what `Page.printToPDF` answers), decoded.
fn base64(s: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let clean: Vec<u8> = s
        .bytes()
        .filter(|&c| c != b'=' && !c.is_ascii_whitespace())
        .collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &c)| n | (u32::from(val(c)) << (18 - 6 * i)));
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..chunk.len().saturating_sub(1)]);
    }
    out
}

/// A report of `pages` pages of the seeds' paragraphs in order (repeated as needed), on
/// `size` paper (`A4` or `A5`) with a running header and the page number in the footer (CSS
/// paged media). Each page is filled to at most `lines` lines of `width` characters (below
/// what it holds, counting a paragraph's last line and its margin as full), so that it never
/// runs over onto a second page: a paragraph longer than what is left is cut at a space and
/// goes on at the top of the next page. Returns the HTML and the characters of text in it.
fn paged_report(pages: usize, size: &str, width: usize, lines: usize) -> (String, usize) {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let paras: Vec<String> = seeds()
        .iter()
        .flat_map(|s| s.lines().map(str::trim).filter(|l| !l.is_empty()))
        .map(String::from)
        .collect();
    let mut next = paras.iter().cycle();
    let mut carry: Option<String> = None;
    let (mut body, mut chars) = (String::new(), 0);
    for i in 0..pages {
        let brk = if i > 0 {
            " style=\"break-before: page\""
        } else {
            ""
        };
        body.push_str(&format!("<section{brk}>"));
        // Each paragraph takes its lines plus one for its last line's slack and its margin.
        let mut left = lines;
        while left >= 3 {
            let p = carry
                .take()
                .unwrap_or_else(|| next.next().expect("seeds").clone());
            let n = p.chars().count();
            let p = if n.div_ceil(width) + 1 > left {
                let room = (left - 2) * width;
                let cut = p.char_indices().nth(room).map_or(p.len(), |(b, _)| b);
                let cut = p[..cut].rfind(' ').unwrap_or(cut);
                carry = Some(p[cut..].trim_start().to_string());
                p[..cut].to_string()
            } else {
                p
            };
            let n = p.chars().count();
            left = left.saturating_sub(n.div_ceil(width) + 1);
            chars += n;
            body.push_str(&format!("<p>{}</p>", esc(&p)));
        }
        body.push_str("</section>");
    }
    let html = format!(
        "<!doctype html><html><head><meta charset=utf-8><style>\
         @page {{ size: {size}; margin: 2cm 1.5cm; \
           @top-center {{ content: \"Global Compact for Migration: a reader\"; font: 9pt serif }} \
           @bottom-center {{ content: counter(page); font: 9pt serif }} }}\
         body {{ font: 11pt/1.3 serif; margin: 0 }} p {{ margin: 0 0 0.8em }}\
         </style></head><body>{body}</body></html>"
    );
    (html, chars)
}

/// The pages of a PDF that Chromium printed (its page objects, `/Type /Page`).
fn pdf_pages(pdf: &[u8]) -> usize {
    let needle = b"/Type /Page";
    pdf.windows(needle.len() + 1)
        .filter(|w| w.starts_with(needle) && !w[needle.len()].is_ascii_alphanumeric())
        .count()
}

/// Prints `html` (a page written into the site folder) to a PDF in that folder with
/// Chromium's own print (DevTools `Page.printToPDF`, as the PDF tests make theirs).
async fn print_pdf(b: &Browser, site: &Path, base: &str, html: &str, name: &str) -> PathBuf {
    let page = format!("{name}.html");
    std::fs::write(site.join(&page), html).expect("write the page");
    b.client
        .goto(&format!("{base}{page}"))
        .await
        .expect("open the page");
    b.wait_for_css("body").await;
    let out = b
        .cdp(
            "Page.printToPDF",
            json!({ "printBackground": true, "preferCSSPageSize": true }),
        )
        .await;
    let pdf = base64(out["data"].as_str().expect("PDF data"));
    assert!(pdf.starts_with(b"%PDF-"), "{name} is not a PDF");
    let path = site.join(name);
    std::fs::write(&path, pdf).expect("write the PDF");
    path
}

/// Chooses `path` in the page's `#file-input` and returns the time from the choice to the
/// frame after `painted` holds, the longest main-thread task in that span, and the longest
/// from the choice until no long task has come for a second.
async fn open_pdf(b: &Browser, path: &Path, painted: &str) -> (f64, f64, f64) {
    settle(b).await;
    reset_long_tasks(b).await;
    b.js(
        &format!("window.__t0 = null; window.__t1 = null; window.__tasks = []; \
         new PerformanceObserver((l) => {{ for (const e of l.getEntries()) window.__tasks.push([e.startTime, e.duration]); }}).observe({{ type: 'longtask' }}); \
         document.addEventListener('change', (e) => {{ if (e.target.id === 'file-input') {{ window.__t0 = performance.now(); window.__whenPainted(() => {painted}).then((t) => window.__t1 = t); }} }}, {{ capture: true, once: true }}); return true;"),
        vec![],
    )
    .await;
    b.choose_file("#file-input", path).await;
    let t = wait_value(
        b,
        "the PDF's text",
        "window.__t1 === null ? null : window.__t1 - window.__t0",
    )
    .await;
    // Long tasks are reported after they end: those of the span are all in once the page
    // has been quiet for a second.
    let (until_quiet, _) = long_tasks_until_quiet(b).await;
    let to_painted = b
        .js(
            "const t0 = window.__t0, t1 = window.__t1; return Math.max(0, ...window.__tasks.filter(([s, d]) => s + d >= t0 && s <= t1).map(([, d]) => d));",
            vec![],
        )
        .await
        .as_f64()
        .unwrap_or_default();
    (t, to_painted, until_quiet)
}

/// PDFs of about 100, 300 and 500 pages (issue 18): from the file's choice to its text painted,
/// in our app and on the floor (pdf.js's own text extraction on a bare page,
/// `bench/peer/pdf-floor.html`), each run in a fresh browser (a fresh profile: the same text
/// again would open the document already in the library, and pdf.js is fetched at the first
/// PDF on both pages); and the longest main-thread task to the text painted, and until the
/// page is quiet.
/// A class of 30 students' exports of 2,000 annotations each (`gcm_e2e::class`). Natively:
/// the core's load of the 30 files (parsing, placing, one annotator per maker), then the
/// agreement table and every student's scores against the first. In the app: the 30 files
/// chosen in Compare to the table painted, and the longest task meanwhile (loading reads one
/// file per task, so that the page answers and shows its progress); accepting what 3 agree
/// on; and the agreement computed again (over coded text only), its longest task.
async fn class(bench: &mut Bench, site: &Path) {
    use gcm_annotator::classroom;
    use gcm_annotator::stats::Matching;
    let files = gcm_e2e::class::class_files(30, 2_000);
    let doc = gcm_e2e::class::class_document();
    let (mut load, mut compare, mut loaded) = (Vec::new(), Vec::new(), 0);
    for _ in 0..bench.runs {
        let t = Instant::now();
        let (annotators, problems) = classroom::load(&doc, &files);
        load.push(t.elapsed().as_secs_f64() * 1000.0);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(annotators.len(), 30);
        let t = Instant::now();
        let table = classroom::table(doc.text.len_cp(), &annotators, false);
        let scores = classroom::student_scores(&annotators, 0, Matching::Overlap);
        compare.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!((table.len(), scores.len()), (34, 29));
        loaded = annotators.iter().map(|a| a.annotations.len()).sum();
    }
    bench.row(
        "class of 30 × 2,000: load / table + student scores (core, native)",
        format!(
            "{} / {} ({} loaded)",
            ms(stat(load)),
            ms(stat(compare)),
            thousands(loaded)
        ),
        "—".into(),
        "—".into(),
        "—".into(),
    );

    let dir = site.join("class");
    std::fs::create_dir_all(&dir).expect("a folder");
    let paths: Vec<PathBuf> = files
        .iter()
        .map(|(name, bytes)| {
            let p = dir.join(name);
            std::fs::write(&p, bytes).expect("write a student's file");
            p.canonicalize().expect("its path")
        })
        .collect();
    let refs: Vec<&Path> = paths.iter().map(|p| p.as_path()).collect();
    let (mut shown, mut longest) = (Vec::new(), Vec::new());
    let (mut settled, mut settle_longest, mut gold) = (Vec::new(), Vec::new(), 0);
    let mut agreement_longest = Vec::new();
    for _ in 0..bench.runs {
        // A fresh profile each run: Compare keeps its files, and a second load of the same
        // 30 would be refused as repeats.
        let b = bench.browser().await;
        bench.open(&b, Page::Ours, "").await;
        // The curator's name, which the gold standard's passages carry.
        b.click("button", "Set your name").await;
        b.wait_for_css("#annotator-name").await;
        b.type_keys("Teacher\n").await;
        b.click("button", gcm_e2e::class::SEED_001_TITLE).await;
        b.click("button", "Compare annotators…").await;
        settle(&b).await;
        reset_long_tasks(&b).await;
        let done = "document.body.innerText.includes('30 annotators') && !document.querySelector('progress')";
        b.js(
            &format!("window.__t0 = null; window.__t1 = null; document.addEventListener('change', (e) => {{ if (e.target.id === 'compare-input') {{ window.__t0 = performance.now(); window.__whenPainted(() => {done}).then((t) => {{ window.__t1 = t; window.__shownTasks = [...window.__bench.longtasks]; }}); }} }}, {{ capture: true, once: true }}); return true;"),
            vec![],
        )
        .await;
        b.choose_files("#compare-input", &refs).await;
        shown.push(
            wait_value(
                &b,
                "the class compared",
                "window.__t1 === null ? null : window.__t1 - window.__t0",
            )
            .await,
        );
        let tasks = b
            .js(
                "return window.__shownTasks.reduce((a, b) => Math.max(a, b), 0)",
                vec![],
            )
            .await;
        longest.push(tasks.as_f64().unwrap_or(0.0));
        // Settling: every passage at least 3 of the 30 agree on (random passages rarely
        // meet more), from the click to the count of settled passages painted.
        b.select_value(".gold select", "3").await;
        settle(&b).await;
        reset_long_tasks(&b).await;
        b.js(
            "window.__t0 = null; window.__t1 = null; const before = document.querySelector('.gold-progress').textContent; \
             document.addEventListener('click', (e) => { if (e.target.closest('.gold .actions button')) { window.__t0 = performance.now(); \
             window.__whenPainted(() => document.querySelector('.gold-progress').textContent !== before).then((t) => { window.__t1 = t; }); } }, { capture: true, once: true }); return true;",
            vec![],
        )
        .await;
        b.click("button", "Accept every passage they agree on")
            .await;
        settled.push(
            wait_value(
                &b,
                "the class settled",
                "window.__t1 === null ? null : window.__t1 - window.__t0",
            )
            .await,
        );
        // Then until the page is quiet: the scores against the new key counted, the
        // passages stored.
        wait_value(
            &b,
            "the scores counted",
            "document.querySelector('[aria-busy=\"true\"]') ? null : 1",
        )
        .await;
        b.wait_saved().await;
        settle(&b).await;
        let tasks = b
            .js(
                "return window.__bench.longtasks.reduce((a, b) => Math.max(a, b), 0)",
                vec![],
            )
            .await;
        settle_longest.push(tasks.as_f64().unwrap_or(0.0));
        // Agreement computed again, over coded text only (the table, the disagreements, the
        // agreed passages, then the scores against the key): the longest task from the tick
        // until quiet. Its time is not measured: with random passages the table reads 0.00
        // either way, so nothing on the page shows when it is done.
        settle(&b).await;
        reset_long_tasks(&b).await;
        b.click("checkbox", "Agreement over coded text only").await;
        wait_value(
            &b,
            "the scores counted again",
            "document.querySelector('[aria-busy=\"true\"]') ? null : 1",
        )
        .await;
        agreement_longest.push(long_tasks_until_quiet(&b).await.0);
        gold = b
            .js("return Number(document.querySelector('select[aria-label=\"Answer key\"] option[value=gold]')?.textContent.match(/\\d[\\d,]*/)?.[0].replace(/,/g, '') ?? 0)", vec![])
            .await
            .as_u64()
            .unwrap_or(0);
        b.close().await;
    }
    bench.row(
        "class of 30 × 2,000: files chosen in Compare to the table painted",
        ms(stat(shown)),
        "—".into(),
        "—".into(),
        "—".into(),
    );
    bench.row(
        "class of 30 × 2,000: longest task meanwhile",
        ms(stat(longest)),
        "—".into(),
        "—".into(),
        "—".into(),
    );
    bench.row(
        &format!("class of 30 × 2,000: accept what 3 of 30 agree on → settled count painted ({} gold passages)", thousands(gold as usize)),
        ms(stat(settled)),
        "—".into(),
        "—".into(),
        "—".into(),
    );
    bench.row(
        "class of 30 × 2,000: longest task from the click until quiet: scores counted, passages stored (goal ≤ 200 ms)",
        ms(stat(settle_longest)),
        "—".into(),
        "—".into(),
        "—".into(),
    );
    bench.row(
        "class of 30 × 2,000: agreement computed again (ticking over coded text only): longest task until quiet, scores included",
        ms(stat(agreement_longest)),
        "—".into(),
        "—".into(),
        "—".into(),
    );
}

async fn pdf(bench: &mut Bench, site: &Path) {
    // pdf.js for the floor, the very files the app serves.
    let pdfjs = gcm_e2e::dist_dir().join("pdfjs");
    std::fs::create_dir_all(site.join("pdfjs")).expect("a folder");
    for f in ["pdf.min.mjs", "pdf.worker.min.mjs"] {
        std::fs::copy(pdfjs.join(f), site.join("pdfjs").join(f)).expect("copy pdf.js");
    }
    let b = bench.browser().await;
    let mut made = Vec::new();
    // At 11 pt an A4 page holds about 50 lines of 95 characters, an A5 one 33 of 60: each is
    // filled to well below that (see paged_report).
    for (pages, size, width, lines) in [
        (100, "A4", 90, 40),
        (300, "A4", 90, 40),
        (500, "A5", 56, 26),
    ] {
        let (html, chars) = paged_report(pages, size, width, lines);
        let name = format!("report-{pages}p.pdf");
        let path = print_pdf(&b, site, &bench.peer_url, &html, &name).await;
        let bytes = std::fs::read(&path).expect("the PDF");
        let printed = pdf_pages(&bytes);
        assert_eq!(printed, pages, "{name}: pages printed");
        made.push((pages, size, chars, bytes.len(), path));
    }
    b.close().await;
    for (pages, size, chars, bytes, path) in made {
        let (mut ours, mut floor) = ((vec![], vec![], vec![]), (vec![], vec![], vec![]));
        for page in [Page::Ours, Page::Floor] {
            for _ in 0..bench.runs {
                let b = bench.browser().await;
                let (t, to_painted, until_quiet) = if page == Page::Ours {
                    bench.open(&b, Page::Ours, "").await;
                    let r = open_pdf(&b, &path, "document.querySelector('#doc-text .block')").await;
                    // The PDF's whole text is what was opened (headers and page numbers out).
                    let shown = b
                        .js(
                            "return document.querySelector('#doc-text').textContent.length",
                            vec![],
                        )
                        .await
                        .as_u64()
                        .unwrap_or_default() as usize;
                    assert!(
                        shown > chars * 9 / 10 && shown < chars * 11 / 10,
                        "{} characters shown of the PDF's {chars}",
                        shown
                    );
                    r
                } else {
                    b.client
                        .goto(&format!("{}pdf-floor.html", bench.peer_url))
                        .await
                        .expect("open the floor");
                    b.wait_until("the page is ready", "return window.benchReady === true")
                        .await;
                    let r =
                        open_pdf(&b, &path, "document.querySelector('#content').firstChild").await;
                    let read = b.js("return window.benchPages", vec![]).await;
                    assert_eq!(read.as_u64(), Some(pages as u64), "the floor's pages");
                    r
                };
                let into = if page == Page::Ours {
                    &mut ours
                } else {
                    &mut floor
                };
                into.0.push(t);
                into.1.push(to_painted);
                into.2.push(until_quiet);
                b.close().await;
            }
        }
        let what = format!(
            "PDF {pages} pages ({size}, {:.1} MB, {} characters)",
            bytes as f64 / 1_000_000.0,
            thousands(chars)
        );
        let (ot, ft) = (stat(ours.0), stat(floor.0));
        bench.row(
            &format!("{what}: file chosen → text painted"),
            ms(ot),
            "—".into(),
            ms(ft),
            ratio(ot, ft).replace('×', "× floor"),
        );
        let (ol, fl) = (stat(ours.1), stat(floor.1));
        bench.row(
            &format!("PDF {pages} pages: longest task to painted / until quiet"),
            format!("{} / {}", ms(ol), ms(stat(ours.2))),
            "—".into(),
            format!("{} / {}", ms(fl), ms(stat(floor.2))),
            ratio(ol, fl).replace('×', "× floor"),
        );
    }
}

/// The suggestions panel on seed 001 (78 KB), with the module already fetched once: from
/// the click on *Suggestions…* to the first suggestion painted; the scoring alone
/// (`gcm-suggest`, measured by the module); the longest task meanwhile. Then one annotation
/// made with the panel open: the learner's step (`gcm-learn`), the scoring again, and the
/// longest task from the save to the panel quiet.
async fn suggestions(bench: &mut Bench) {
    let last = |name: &str| {
        format!("(performance.getEntriesByName('{name}').at(-1) ?? {{duration: null}}).duration")
    };
    let (mut shown, mut scored, mut longest) = (Vec::new(), Vec::new(), Vec::new());
    let (mut learned, mut rescored, mut learn_longest) = (Vec::new(), Vec::new(), Vec::new());
    let mut closed_longest = Vec::new();
    for _ in 0..bench.runs {
        let b = bench.browser().await;
        bench.open(&b, Page::Ours, "").await;
        b.click("button", gcm_e2e::class::SEED_001_TITLE).await;
        // The same kind of annotation with the panel closed, for comparison.
        settle(&b).await;
        reset_long_tasks(&b).await;
        b.annotate(
            "Other countries restrict trade union membership",
            0,
            &["Objective 6: Recruitment and decent work"],
            "",
        )
        .await;
        settle(&b).await;
        closed_longest.push(longest_task(&b).await);
        // The module fetched and compiled once, as any later opening finds it.
        b.click("button", "Suggestions…").await;
        b.wait_for_css("li.suggestion").await;
        b.click("button", "Back to my annotations").await;
        settle(&b).await;
        reset_long_tasks(&b).await;
        b.js(
            "window.__t0 = null; window.__t1 = null; performance.clearMeasures(); \
             document.addEventListener('click', (e) => { if (e.target.closest('button')?.textContent === 'Suggestions…') { \
             window.__t0 = performance.now(); window.__whenPainted(() => document.querySelector('li.suggestion')).then((t) => { window.__t1 = t; }); } }, { capture: true, once: true }); return true;",
            vec![],
        )
        .await;
        b.click("button", "Suggestions…").await;
        shown.push(
            wait_value(
                &b,
                "the suggestions painted",
                "window.__t1 === null ? null : window.__t1 - window.__t0",
            )
            .await,
        );
        settle(&b).await;
        scored.push(wait_value(&b, "the scoring measured", &last("gcm-suggest")).await);
        longest.push(longest_task(&b).await);
        // One annotation, the panel open: the app hands it over, the learner learns it.
        reset_long_tasks(&b).await;
        b.js("performance.clearMeasures(); return true;", vec![])
            .await;
        b.annotate(
            "Migrants have lower levels of unionization",
            0,
            &["Objective 6: Recruitment and decent work"],
            "",
        )
        .await;
        b.wait_for_text("It has learned from 2 of your annotations.")
            .await;
        settle(&b).await;
        learned.push(wait_value(&b, "the learner's step", &last("gcm-learn")).await);
        rescored.push(wait_value(&b, "the scoring again", &last("gcm-suggest")).await);
        learn_longest.push(longest_task(&b).await);
        b.close().await;
    }
    for (label, v) in [
        (
            "suggestions, seed 001: click to the first suggestion painted",
            shown,
        ),
        ("suggestions, seed 001: scoring (rules and model)", scored),
        ("suggestions, seed 001: longest task meanwhile", longest),
        (
            "suggestions: one annotation learned (the learner's step)",
            learned,
        ),
        ("suggestions: scoring again after it", rescored),
        (
            "suggestions: longest task from its save to the panel quiet",
            learn_longest,
        ),
        (
            "the same annotation with the panel closed: longest task",
            closed_longest,
        ),
    ] {
        bench.row(label, ms(stat(v)), "—".into(), "—".into(), "—".into());
    }
}

/// The longest task since the last [`reset_long_tasks`], in ms (0 if none).
async fn longest_task(b: &Browser) -> f64 {
    b.js(
        "return window.__bench.longtasks.reduce((a, b) => Math.max(a, b), 0)",
        vec![],
    )
    .await
    .as_f64()
    .unwrap_or(0.0)
}

/// The longest task that ended after the page time `since` (a JavaScript expression), in ms
/// (0 if none); unlike [`longest_task`], not forgotten by [`reset_long_tasks`].
async fn longest_task_since(b: &Browser, since: &str) -> f64 {
    b.js(
        &format!("const t0 = {since}; return window.__bench.spans.filter(([s, d]) => s + d >= t0).reduce((a, [, d]) => Math.max(a, d), 0)"),
        vec![],
    )
    .await
    .as_f64()
    .unwrap_or(0.0)
}

/// Forgets the long tasks seen so far.
async fn reset_long_tasks(b: &Browser) {
    b.js("window.__bench.longtasks = []; return true;", vec![])
        .await;
}

/// Waits until no long task has come for a second (at most 60 s), then returns the
/// longest task since the last reset and the sum of them all, in ms.
async fn long_tasks_until_quiet(b: &Browser) -> (f64, f64) {
    let v = b
        .client
        .execute_async(
            "const done = arguments[0]; const t0 = performance.now(); let seen = -1, since = t0; const f = () => { const n = window.__bench.longtasks.length; const now = performance.now(); if (n !== seen) { seen = n; since = now; } if (now - since > 1000 || now - t0 > 60000) { const l = window.__bench.longtasks; done([l.reduce((a, b) => Math.max(a, b), 0), l.reduce((a, b) => a + b, 0)]); } else setTimeout(f, 100); }; f();",
            vec![],
        )
        .await
        .expect("long tasks");
    (v[0].as_f64().unwrap_or(0.0), v[1].as_f64().unwrap_or(0.0))
}

/// JS heap in use (after a collection), plus our wasm memory.
async fn memory(b: &Browser) -> (f64, f64) {
    b.cdp("HeapProfiler.collectGarbage", json!({})).await;
    let heap = b.cdp("Runtime.getHeapUsage", json!({})).await;
    let used = heap["usedSize"].as_f64().unwrap_or(0.0);
    let wasm = b
        .js(
            "return window.__bench.wasmMemory ? window.__bench.wasmMemory.buffer.byteLength : 0",
            vec![],
        )
        .await
        .as_f64()
        .unwrap_or(0.0);
    (used, wasm)
}

fn mb(bytes: f64) -> String {
    format!("{:.1} MB", bytes / 1_048_576.0)
}

/// Every file shipped below `dir` (its path from there), except the seed texts, with its
/// size raw, gzip -9 and brotli 11.
fn sizes(dir: &Path) -> Vec<(String, u64, u64, u64)> {
    // gzip -9 and brotli 11 as a server would send them, by Node's zlib.
    let script = r#"
const fs = require('fs'), z = require('zlib');
const [dir, ...files] = process.argv.slice(1);
const out = [];
for (const f of files) {
  const b = fs.readFileSync(f);
  out.push([f.slice(dir.length + 1), b.length, z.gzipSync(b, { level: 9 }).length,
    z.brotliCompressSync(b, { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } }).length]);
}
console.log(JSON.stringify(out));
"#;
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).expect("the folder") {
            let p = e.expect("an entry").path();
            if p.is_dir() {
                if !p.ends_with("seeds") {
                    walk(&p, out);
                }
            } else if p.extension().is_some_and(|e| {
                e == "wasm" || e == "js" || e == "mjs" || e == "css" || e == "html"
            }) {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(dir, &mut files);
    files.sort();
    let out = std::process::Command::new("node")
        .arg("-e")
        .arg(script)
        .arg(dir)
        .args(&files)
        .output()
        .expect("node");
    let v: Value = serde_json::from_slice(&out.stdout).expect("sizes");
    v.as_array()
        .expect("a list")
        .iter()
        .map(|r| {
            (
                r[0].as_str().unwrap_or_default().to_string(),
                r[1].as_u64().unwrap_or(0),
                r[2].as_u64().unwrap_or(0),
                r[3].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

/// The files of the first load, as the first-load guard (`tools/first_load.mjs`) counts them:
/// index.html and what it loads at start. The rest (pdf.js, the readers' module) is fetched
/// only when a user first opens such a document.
fn first_load_files(dist: &Path) -> Vec<String> {
    let out = std::process::Command::new("node")
        .arg(repo().join("tools/first_load.mjs"))
        .arg(dist)
        .output()
        .expect("node tools/first_load.mjs");
    let files: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.contains(" B raw "))
        .filter_map(|l| l.strip_prefix("first-load: "))
        .filter_map(|l| l.split_whitespace().next())
        .map(String::from)
        .collect();
    assert!(
        files.iter().any(|f| f == "index.html"),
        "tools/first_load.mjs listed no files: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    files
}

fn kb(n: u64) -> String {
    format!("{:.1} KB", n as f64 / 1024.0)
}

#[tokio::main]
async fn main() {
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let only = std::env::var("ONLY").ok();
    let want = |section: &str| {
        only.as_deref()
            .is_none_or(|o| o.split(',').any(|x| x == section))
    };
    let peer_src =
        PathBuf::from(std::env::var("PEER").expect(
            "PEER=folder holding the npm @recogito/text-annotator dist (./dev bench sets it)",
        ));

    // The peer's pages, its package and the workloads, served from one folder.
    let site = std::env::temp_dir().join(format!("gcm-bench-site-{}", std::process::id()));
    std::fs::create_dir_all(&site).expect("a folder");
    for f in [
        "peer.html",
        "floor.html",
        "bench.css",
        "peer.js",
        "floor.js",
        "pdf-floor.html",
        "pdf-floor.js",
    ] {
        std::fs::copy(repo().join("bench/peer").join(f), site.join(f)).expect("copy a page");
    }
    for f in ["text-annotator.umd.js", "text-annotator.css"] {
        std::fs::copy(peer_src.join(f), site.join(f)).expect("copy the peer");
    }
    println!("generating workloads…");
    let seed_text = seeds().into_iter().max_by_key(|s| s.len()).expect("a seed");
    let text1 = text_of_size(1_000_000);
    let text5 = text_of_size(5_000_000);
    for (name, t) in [
        ("seed.txt", &seed_text),
        ("text-1mb.txt", &text1),
        ("text-5mb.txt", &text5),
    ] {
        std::fs::write(site.join(name), t).expect("write a text");
    }
    let a1k = spans(&text5, 1_000, 1);
    let a5k = spans(&text5, 5_000, 5);
    let a10k = spans(&text5, 10_000, 10);
    std::fs::write(site.join("ann-1k.json"), project_file(&text5, &a1k)).unwrap();
    std::fs::write(site.join("ann-5k.json"), project_file(&text5, &a5k)).unwrap();
    std::fs::write(site.join("ann-10k.json"), project_file(&text5, &a10k)).unwrap();
    let peer5k = peer_annotations(&text5, &a5k);
    let peer10k = peer_annotations(&text5, &a10k);
    let peer1k = peer_annotations(&text5, &a1k);
    let mut bench = Bench {
        peer_url: gcm_e2e::serve_dir(site.clone()),
        runs,
        cpu: 1.0,
        rows: Vec::new(),
    };
    println!(
        "\n{:<58} | {:<26} | {:<26} | {:<22} | ours/peer",
        "figure (median of runs, min–max)", "ours", "peer", "floor (<pre>)"
    );

    // 1. Navigation to the text painted.
    for (label, file, text) in if want("navigation") {
        vec![
            ("seed 001 (78 KB)", "seed.txt", &seed_text),
            ("1 MB", "text-1mb.txt", &text1),
            ("5 MB", "text-5mb.txt", &text5),
        ]
    } else {
        vec![]
    } {
        let mut by_page: Vec<Option<Stat>> = Vec::new();
        let mut open_file = Vec::new();
        for page in [Page::Ours, Page::Peer, Page::Floor] {
            let b = bench.browser().await;
            let mut times = Vec::new();
            if page == Page::Ours {
                bench.open(&b, page, file).await;
                open_file.push(our_open_file(&b, &site.join(file)).await);
                b.wait_saved().await;
            }
            // A navigation takes a second and its times spread widely: three times the runs.
            for _ in 0..bench.runs * NAV_RUNS_PER_RUN {
                bench.open(&b, page, file).await;
                times.push(wait_value(&b, "the text painted", "window.__bench.painted").await);
            }
            if page == Page::Ours {
                // Also a second file choice, for the open-file figure's spread.
                let _ = text;
            }
            by_page.push(stat(times));
            b.close().await;
        }
        bench.row(
            &format!("navigation to text painted, {label}"),
            ms(by_page[0]),
            ms(by_page[1]),
            ms(by_page[2]),
            ratio(by_page[0], by_page[1]),
        );
        bench.row(
            &format!("open the file to text painted, {label} (ours only)"),
            ms(stat(open_file)),
            "—".into(),
            "—".into(),
            "—".into(),
        );
    }

    // 1b. The largest inputs within the limits.
    if want("large") {
        large(&mut bench, &site, &text5).await;
    }

    // 2. Import to highlights painted, and clearing, on the 5 MB text.
    let set1k = Set {
        label: "1,000",
        file: "ann-1k.json",
        count: a1k.len(),
        peer: &peer1k,
    };
    let set5k = Set {
        label: "5,000",
        file: "ann-5k.json",
        count: a5k.len(),
        peer: &peer5k,
    };
    let set10k = Set {
        label: "10,000",
        file: "ann-10k.json",
        count: a10k.len(),
        peer: &peer10k,
    };
    if want("import") {
        import_figures(&mut bench, &site, &[set1k, set10k]).await;
    }

    // 3. One annotation more with 5,000 present: mouseup to the highlight painted.
    let needles = needles(&text5);
    if want("create") {
        create_figures(&mut bench, &site, &needles, &set5k).await;
    }

    // 4. Scrolling the 5 MB text with 10,000 highlights, and memory with them loaded.
    if want("scroll") {
        scroll_figures(&mut bench, &site, &set10k).await;
    }

    // 4b. A school laptop, emulated: the import of 10,000, the create and the scroll figures
    // again under DevTools' 4× CPU throttle, on every page, fewer runs.
    if want("throttle") {
        let runs = bench.runs;
        bench.runs = runs.min(THROTTLE_RUNS);
        bench.cpu = 4.0;
        import_figures(&mut bench, &site, &[set10k]).await;
        create_figures(&mut bench, &site, &needles, &set5k).await;
        scroll_figures(&mut bench, &site, &set10k).await;
        bench.runs = runs;
        bench.cpu = 1.0;
    }

    // 5. Export and import of 10,000 annotations in each format, in the core (native, release).
    let model = model_with(&text5, &a10k);
    let mut with_doc = Model::default();
    with_doc.apply(Action::AddDocuments(vec![model
        .library
        .document("user-bench")
        .expect("the document")
        .clone()]));
    for format in if want("formats") {
        vec![
            Format::Project,
            Format::W3c,
            Format::Doccano,
            Format::Csv,
            Format::Refi,
            Format::Brat,
        ]
    } else {
        vec![]
    } {
        let (mut ex, mut im) = (vec![], vec![]);
        let mut out: Vec<u8> = Vec::new();
        for _ in 0..bench.runs {
            let t = Instant::now();
            let scope = ExportScope::new(&model.library, Some("user-bench"));
            let options = Options {
                annotator: "Bench",
                ..Options::default()
            };
            out = match format {
                Format::Refi => gcm_annotator::formats::refi::write_project(&scope, options)
                    .expect("a REFI-QDA project"),
                Format::Brat => {
                    gcm_annotator::formats::brat::write(&scope, options).expect("a brat zip")
                }
                _ => export(format, &scope, options).into_bytes(),
            };
            ex.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        let name = format!("bench.{}", format.extension());
        let mut n = 0;
        let mut new_id = move || {
            n += 1;
            format!("i-{n}")
        };
        let mut imported = None;
        // REFI-QDA's XML is parsed by the browser's DOMParser in the app: its import is
        // measured there (5b). A brat zip is read as the second module reads it, then
        // imported as the project's JSON it becomes.
        for _ in 0..bench.runs {
            if format == Format::Refi {
                break;
            }
            let t = Instant::now();
            let bytes = match format {
                Format::Brat => brat_as_project_json(&out).into_bytes(),
                _ => out.clone(),
            };
            let r = import(&name, &bytes, &with_doc.library, &mut new_id, 1);
            im.push(t.elapsed().as_secs_f64() * 1000.0);
            imported = Some(r.map(|p| p.annotations.len()));
        }
        let import_cell = match imported {
            Some(Ok(k)) => format!("{} ({k} placed)", ms(stat(im))),
            Some(Err(_)) | None => "not importable".into(),
        };
        bench.row(
            &format!(
                "10,000 annotations, {}: export / import (core, native)",
                format.label()
            ),
            format!("{} / {}", ms(stat(ex)), import_cell),
            "—".into(),
            "—".into(),
            kb(out.len() as u64),
        );
    }

    // 5b. The same in the app, as a user does it: Export → Download to the file handed to the
    // browser, then Import of that very file to its highlights painted (Undo between).
    if want("formats") {
        let b = bench.browser().await;
        bench.open(&b, Page::Ours, "").await;
        our_open_file(&b, &site.join("text-5mb.txt")).await;
        b.wait_saved().await;
        our_import(&b, &site.join("ann-10k.json"), a10k.len()).await;
        let mut exported = Vec::new();
        for format in Format::ALL {
            if format == Format::RefiCodebook {
                continue;
            }
            let mut ex = Vec::new();
            let mut file = None;
            for _ in 0..bench.runs {
                ex.push(our_export(&b, format).await);
                file = Some(b.wait_download(&format!(".{}", format.extension())).await);
            }
            exported.push((format, stat(ex), file.expect("a download")));
        }
        our_clear(&b).await;
        for (format, ex, file) in exported {
            let mut im = Vec::new();
            let mut placed = 0.0;
            {
                for _ in 0..bench.runs {
                    let (t, n) = our_import_file(&b, &file).await;
                    im.push(t);
                    placed = n;
                    our_clear(&b).await;
                }
            }
            let import_cell = if im.is_empty() {
                "not importable".to_string()
            } else {
                format!("{} ({placed} placed)", ms(stat(im)))
            };
            let size = std::fs::metadata(&file).map_or(0, |m| m.len());
            bench.row(
                &format!(
                    "10,000 annotations, {}: export / import in the app",
                    format.label()
                ),
                format!("{} / {import_cell}", ms(ex)),
                "—".into(),
                "—".into(),
                kb(size),
            );
        }
        b.close().await;
    }

    // 5c. Import to stored: from the file's choice to the moment every annotation is
    // committed in IndexedDB (the status turned to saved, and a fresh read of the store
    // counts them all), with the longest main-thread task on the way. A fresh profile per
    // run, so that each import writes into an empty store.
    if want("store") {
        let a50k = spans(&text5, 50_000, 50);
        std::fs::write(site.join("ann-50k.json"), project_file(&text5, &a50k)).unwrap();
        for (label, file, n) in [
            ("10,000", "ann-10k.json", a10k.len()),
            ("50,000", "ann-50k.json", a50k.len()),
        ] {
            let (mut stored, mut saving, mut longest) = (Vec::new(), Vec::new(), Vec::new());
            let (mut reload, mut reload_longest) = ((vec![], vec![]), vec![]);
            let mut reload_memory = Vec::new();
            for _ in 0..bench.runs {
                let b = bench.browser().await;
                bench.open(&b, Page::Ours, "").await;
                our_open_file(&b, &site.join("text-5mb.txt")).await;
                b.wait_saved().await;
                let (t, save, long) = our_import_stored(&b, &site.join(file), n).await;
                stored.push(t);
                saving.push(save);
                longest.push(long);
                // With them stored, a reload: the app reopens the document, its list counting
                // them all and its highlights drawn.
                if n == a10k.len() {
                    let (t, long) = reload_until(
                        &b,
                        &format!("Number(document.querySelector('#list-title .count')?.textContent.replace(/\\D/g, '')) === {n} && {OUR_TAG_RANGES} > 0"),
                    )
                    .await;
                    reload.0.push(t);
                    reload.1.push(long);
                    reload_longest.push(long_tasks_until_quiet(&b).await.0);
                    reload_memory.push(memory(&b).await);
                }
                b.close().await;
            }
            bench.row(
                &format!("import of {label} → stored"),
                ms(stat(stored)),
                "—".into(),
                "—".into(),
                "—".into(),
            );
            bench.row(
                &format!("import of {label}: saving → stored / longest task meanwhile"),
                format!("{} / {}", ms(stat(saving)), ms(stat(longest))),
                "—".into(),
                "—".into(),
                "—".into(),
            );
            if !reload.0.is_empty() {
                bench.row(
                    &format!("reload with {label} stored (5 MB text): navigation to highlights painted (goal ≤ 300 ms)"),
                    ms(stat(reload.0)),
                    "—".into(),
                    "—".into(),
                    "—".into(),
                );
                bench.row(
                    &format!("reload with {label} stored: longest task to painted / until quiet"),
                    format!("{} / {}", ms(stat(reload.1)), ms(stat(reload_longest))),
                    "—".into(),
                    "—".into(),
                    "—".into(),
                );
                // The same state as the scroll section's memory row, reached by a reload:
                // the text and annotations read from storage, not opened and imported.
                reload_memory.sort_by(|a, b| (a.0 + a.1).total_cmp(&(b.0 + b.1)));
                let (heap, wasm) = reload_memory[reload_memory.len() / 2];
                bench.row(
                    "memory after that reload: JS heap + wasm (the median run)",
                    format!("{} + {}", mb(heap), mb(wasm)),
                    "—".into(),
                    "—".into(),
                    "—".into(),
                );
            }
        }
    }

    // 5d. PDFs of 100, 300 and 500 pages: the file's choice to the text painted, beside pdf.js's
    // own text extraction on a bare page.
    if want("pdf") {
        pdf(&mut bench, &site).await;
    }

    // 5e. A class of 30 students' exports of 2,000 annotations each: loaded by the core
    // natively, then in the app's Compare.
    if want("class") {
        class(&mut bench, &site).await;
    }

    // 5f. The suggestions panel on seed 001: opening it (the module, the scoring), and what
    // one annotation costs the learner, timed in the page (performance measures).
    if want("suggest") {
        suggestions(&mut bench).await;
    }

    // 6. Shipped size: every file, then the first load (what the size guard counts) beside
    // the peer, what is fetched only at a user's first PDF, Word, OpenDocument or web page
    // (pdf.js in pdfjs/, the readers' module in readers/), and everything.
    if want("size") {
        let dist = gcm_e2e::dist_dir();
        let ours = sizes(&dist);
        let first = first_load_files(&dist);
        let peer = sizes(&site)
            .into_iter()
            .filter(|r| r.0.starts_with("text-annotator"))
            .collect::<Vec<_>>();
        let total = |v: &[&(String, u64, u64, u64)]| {
            v.iter()
                .fold((0, 0, 0), |a, r| (a.0 + r.1, a.1 + r.2, a.2 + r.3))
        };
        let cell = |t: (u64, u64, u64)| format!("{} / {} / {}", kb(t.0), kb(t.1), kb(t.2));
        for r in &ours {
            bench.row(
                &format!("size: {} (raw / gzip / brotli)", r.0),
                format!("{} / {} / {}", kb(r.1), kb(r.2), kb(r.3)),
                "—".into(),
                "—".into(),
                "—".into(),
            );
        }
        let (at_start, later): (Vec<_>, Vec<_>) = ours.iter().partition(|r| first.contains(&r.0));
        let (o, p) = (total(&at_start), total(&peer.iter().collect::<Vec<_>>()));
        bench.row(
            &format!(
                "size: first load, {} files (raw / gzip / brotli)",
                at_start.len()
            ),
            cell(o),
            cell(p),
            "—".into(),
            format!("{:.2}× brotli", o.2 as f64 / p.2 as f64),
        );
        // readers/ at the first document of any of those kinds; pdfjs/ too at the first PDF;
        // teacher/ in the background once the app has started (the service worker precaches
        // it, so that suggestions, Compare and the report work offline), not at start.
        for (folder, when) in [
            ("readers/", "a first PDF, Word, OpenDocument or web page"),
            ("pdfjs/", "a first PDF, beside readers/"),
            (
                "teacher/",
                "the service worker's install, after start (suggestions, Compare, the report)",
            ),
        ] {
            let files: Vec<_> = later
                .iter()
                .copied()
                .filter(|r| r.0.starts_with(folder))
                .collect();
            bench.row(
                &format!(
                    "size: {folder} ({} files), fetched at {when} (raw / gzip / brotli)",
                    files.len()
                ),
                cell(total(&files)),
                "—".into(),
                "—".into(),
                "—".into(),
            );
        }
        bench.row(
            &format!(
                "size: PDF/readers on first use (readers/ + pdfjs/, {} files; raw / gzip / brotli)",
                later.len()
            ),
            cell(total(&later)),
            "—".into(),
            "—".into(),
            "—".into(),
        );
        bench.row(
            "size: everything shipped (raw / gzip / brotli)",
            cell(total(&ours.iter().collect::<Vec<_>>())),
            cell(p),
            "—".into(),
            "—".into(),
        );
    }
    if only.is_none() {
        write_results(&bench, runs);
    }
    let _ = std::fs::remove_dir_all(&site);
}

fn write_results(bench: &Bench, runs: usize) {
    let chromium = std::process::Command::new(
        std::env::var("CHROME").unwrap_or_else(|_| "/usr/bin/chromium".into()),
    )
    .arg("--version")
    .output()
    .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    .unwrap_or_default();
    let cpus = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let nav_runs = runs * NAV_RUNS_PER_RUN;
    let mut md = String::new();
    md.push_str("# Benchmark results\n\n");
    md.push_str("Written by `./dev bench` (`tests/e2e/examples/bench.rs`); see the README's Performance section for what each figure measures.\n\n");
    md.push_str(&format!(
        "Machine: {cpus} cores, headless {chromium} with software rendering (no GPU). Peer: npm `@recogito/text-annotator` {} with its default renderer. {runs} runs per figure unless said ({nav_runs} navigations); times are medians with min–max.\n\n",
        std::env::var("PEER_VERSION").unwrap_or_else(|_| "4".into())
    ));
    md.push_str(
        "| figure | ours | peer | floor (`<pre>`) | ours/peer |\n| --- | --- | --- | --- | --- |\n",
    );
    for (a, b, c, d, e) in &bench.rows {
        md.push_str(&format!("| {a} | {b} | {c} | {d} | {e} |\n"));
    }
    let path = repo().join("bench/RESULTS.md");
    std::fs::write(&path, md).expect("write bench/RESULTS.md");
    println!("\nwritten to {}", path.display());
}

/// A brat zip (stored, as the app writes it) read as the second module reads it: its
/// `.ann`, `.txt`, `.conf` and `.tsv` files into `formats::brat::read`, then the project's
/// JSON the app imports.
fn brat_as_project_json(zip: &[u8]) -> String {
    use gcm_annotator::extract::package::Package;
    let mut package = Package::open(zip).expect("a zip");
    let names: Vec<String> = package.names().map(str::to_string).collect();
    let files = names
        .into_iter()
        .map(|n| {
            let part = package.part(&n).expect("an entry").expect("listed");
            (n, String::from_utf8(part.data).expect("UTF-8"))
        })
        .collect();
    let incoming = gcm_annotator::formats::brat::read(files).expect("brat's own export");
    gcm_annotator::formats::exported::write_incoming(&incoming)
}
