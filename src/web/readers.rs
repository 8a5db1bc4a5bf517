//! The document readers (PDF, Word, OpenDocument, web pages, pasted rich text), which live
//! in a second WebAssembly module (the `readers/` crate, built into `dist/readers/`): this
//! module imports it the first time a user opens such a file, so that it weighs nothing on
//! the first load, and owns what the app shows meanwhile: a PDF's progress ("pages: i of
//! n") and its cancelling (Escape, or the notice's Cancel button), and handing it the
//! interface's language (the app's Fluent bundles) when it loads and on every switch.

use crate::extract::{Extracted, Kind};
use crate::session::{Level, Progress};
use crate::state::Action;
use crate::text::{isolate, Cp};
use crate::web::app_state::AppState;
use crate::web::platform;
use js_sys::{Promise, Reflect, Uint32Array, Uint8Array};
use std::cell::Cell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::UseReducerDispatcher;

/// How often the progress notice is updated while pages are read, at most: each update
/// draws the app again.
const PROGRESS_EVERY_MS: i64 = 100;

thread_local! {
    /// A PDF is being read (the progress notice then offers Cancel).
    static READING: Cell<bool> = const { Cell::new(false) };
    /// The user asked to stop the reading under way.
    static CANCELLED: Cell<bool> = const { Cell::new(false) };
}

// The readers' module, imported once (a failed import is tried again next time), and the
// two calls into it. Its URL is relative to the page, so the app works from any folder;
// `default()` compiles its wasm, fetched from beside it. Kept in JavaScript because each
// call across the boundary written in Rust costs first-load bytes.
#[wasm_bindgen(inline_js = r#"
let loading = null, speaking = null;
function readers() {
  if (loading === null) {
    loading = import(new URL("readers/gcm_readers.js", document.baseURI).href)
      .then(async (m) => { await m.default(); if (speaking) m.useBundles(...speaking); return m; });
    loading.catch(() => { loading = null; });
  }
  return loading;
}
export function useBundles(code, bundles) {
  speaking = [code, bundles];
  if (loading) loading.then((m) => m.useBundles(code, bundles), () => {});
}
export async function readDocument(name, bytes, onProgress) {
  let m;
  try { m = await readers(); } catch (e) { throw null; }
  const out = await m.read(name, bytes, onProgress || (() => true));
  // A task of its own for making the document, apart from the readers' last one.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return out;
}
export async function exportAs(slug, json, seedText, now, annotator, fileName, mime) {
  let m;
  try { m = await readers(); } catch (e) { throw null; }
  const bytes = m.exportAs(slug, json, seedText, now, annotator);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement("a");
  a.href = url; a.download = fileName; a.hidden = true;
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
export async function importJson(name, bytes, onProgress) {
  let m;
  try { m = await readers(); } catch (e) { throw null; }
  return m.importJson(name, bytes, onProgress);
}
export async function importOther(files) {
  let m;
  try { m = await readers(); } catch (e) { throw null; }
  const named = await Promise.all(files.map(async (f) => [f.name, new Uint8Array(await f.arrayBuffer())]));
  return m.importFiles(named.map((x) => x[0]), named.map((x) => x[1]));
}
let striped;
export function colourLayers(name) {
  if (!striped) {
    striped = 1;
    for (const s of document.styleSheets) for (const r of [...s.cssRules]) {
      const m = /^::highlight\(((objective|principle|own)-.+)\)/.exec(r.selectorText);
      for (const n of m ? [1, 2, 3] : []) s.insertRule(`::highlight(t${n + 1}-${m[1]}){text-decoration:underline ${r.style.backgroundColor.replace(/,[^,]+\)/, ")")} ${3 * n}px;text-decoration-skip-ink:none}`);
    }
  }
  return ["", "t2-", "t3-", "t4-"].map((p, i) => {
    const h = new Highlight();
    h.priority = i && 4 - i;
    CSS.highlights.set(p + name, h);
    return h;
  });
}
export function pasteRich(e) {
  const data = e.clipboardData, area = e.target;
  const html = data ? data.getData("text/html") : "";
  if (!html.trim()) return;
  e.preventDefault();
  const plain = data.getData("text/plain"), start = area.selectionStart, end = area.selectionEnd;
  const input = (el) => el.dispatchEvent(new Event("input", { bubbles: true }));
  readers().then((m) => m.readPastedHtml(html)).catch(() => ({ text: "" })).then((r) => {
    area.setRangeText(r.text.trim() ? r.text : plain, start, end, "end");
    input(area);
    const title = document.getElementById("paste-title");
    if (r.title && title && !title.value.trim()) { title.value = r.title; input(title); }
  });
}
"#)]
extern "C" {
    /// Makes the readers' module speak the language with this code through these
    /// `FluentBundle`s (in fallback order), now if it is loaded, else as soon as it loads.
    #[wasm_bindgen(js_name = useBundles)]
    pub fn use_bundles(code: &str, bundles: js_sys::Array);
    #[wasm_bindgen(js_name = exportAs)]
    fn export_as(
        slug: &str,
        json: &str,
        seed_text: bool,
        now: f64,
        annotator: &str,
        file_name: &str,
        mime: &str,
    ) -> Promise;
    /// Focuses the element with this id without scrolling to it (`preventScroll`, HTML
    /// §6.6.4): a document just opened keeps its title in view and the reading position it
    /// was left at. (Here, with the other calls written in JavaScript, because each call
    /// written in Rust costs first-load bytes.)
    /// Registers the highlights of one colour of `styles/highlights.css` (`name`: a GCM
    /// tag's id or `own-<i>`) and returns them: its background (`name`, priority 0) and
    /// the stripes of a passage's 2nd, 3rd and 4th tag (`t2-<name>` …, priorities 3, 2, 1:
    /// each thinner stripe painted over the thicker, so that all show). The first call adds
    /// the stripes' rules to the stylesheet: for each `::highlight(<colour>)` background
    /// there, underlines in that colour, opaque, 3, 6 and 9 px thick, unbroken under
    /// descenders (see [`super::highlights`]). Derived rather than written out: 135 more
    /// rules were 515 B (brotli) of the first load, and the colours stay in one place. The
    /// stylesheets are the app's own (same origin: their rules can be read). Needs the
    /// Highlight API.
    #[wasm_bindgen(js_name = colourLayers)]
    pub fn colour_layers(name: &str) -> js_sys::Array;
    #[wasm_bindgen(js_name = importOther)]
    fn import_other(files: js_sys::Array) -> Promise;
    #[wasm_bindgen(js_name = importJson)]
    fn import_json(name: &str, bytes: &Uint8Array, on_progress: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = readDocument)]
    fn read_document(name: &str, bytes: &Uint8Array, on_progress: &JsValue) -> Promise;
    /// Takes rich text pasted into a textarea (the clipboard's `text/html`: a web page, a
    /// word processor) and puts in its place the text that the web-page rules read from
    /// it, once they have loaded; the page's `<title>` goes into an empty `#paste-title`.
    /// Both fields get an `input` event, as if typed. Plain text is left to the browser.
    #[wasm_bindgen(js_name = pasteRich)]
    pub fn paste_rich_text(e: &web_sys::Event);
}

/// True while a PDF is being read: the progress notice shows a Cancel button.
pub fn is_reading() -> bool {
    READING.with(Cell::get)
}

/// Stops the PDF reading under way, after the page being read; nothing is added.
pub fn cancel_reading() {
    CANCELLED.with(|c| c.set(true));
}

/// Reads a PDF, Word, OpenDocument or HTML file's text (and a PDF's page starts) in the
/// readers' module. A PDF shows "Reading “x.pdf”, pages: i of n" through `dispatcher` and
/// stops on Escape or Cancel; one PDF is read at a time. `Err` is the message to show,
/// naming the file: an error, or information when the user cancelled.
pub async fn extract(
    kind: Kind,
    name: &str,
    bytes: &[u8],
    dispatcher: &UseReducerDispatcher<AppState>,
) -> Result<Extracted, (Level, String)> {
    if kind != Kind::Pdf {
        return read(name, bytes, &JsValue::UNDEFINED)
            .await
            .map_err(|(_, e)| (Level::Refused, e));
    }
    if is_reading() {
        return Err((Level::Refused, t!("open-busy", name = isolate(name))));
    }
    READING.with(|r| r.set(true));
    CANCELLED.with(|c| c.set(false));
    let escape = gloo::events::EventListener::new(
        &gloo::utils::window(),
        "keydown",
        |e: &web_sys::Event| {
            // (Escape in the password dialog is that dialog's own: it stops the event.)
            if e.dyn_ref::<web_sys::KeyboardEvent>()
                .map(|k| k.key())
                .as_deref()
                == Some("Escape")
            {
                cancel_reading();
            }
        },
    );
    let progress = progress_notice(
        dispatcher,
        t!("open-reading-pages", name = isolate(name)),
        false,
    );
    progress(0, 0);
    let mut shown = 0;
    let on_progress = Closure::<dyn FnMut(u32, u32) -> bool>::new(move |n: u32, count: u32| {
        if n <= 1 || platform::now() - shown >= PROGRESS_EVERY_MS {
            progress(n as usize, count as usize);
            shown = platform::now();
        }
        !CANCELLED.with(Cell::get)
    });
    let out = read(name, bytes, on_progress.as_ref()).await;
    drop(escape);
    READING.with(|r| r.set(false));
    dispatcher.dispatch(Action::Progress(None));
    // Stopped by the user (Cancel, Escape, or the password prompt cancelled): information.
    let stopped = CANCELLED.with(Cell::get);
    out.map_err(|(info, e)| match stopped || info {
        true => (Level::Info, e),
        false => (Level::Refused, e),
    })
}

/// What shows a reading's progress: `label` with `done` of `total` (pages, or bytes shown
/// as a percentage when `percent`), as the app's progress notice.
fn progress_notice(
    dispatcher: &UseReducerDispatcher<AppState>,
    label: String,
    percent: bool,
) -> impl Fn(usize, usize) {
    let dispatcher = dispatcher.clone();
    move |done, total| {
        dispatcher.dispatch(Action::Progress(Some(Progress {
            label: label.clone(),
            done,
            total,
            percent,
        })))
    }
}

/// Calls the readers' `read(name, bytes, onProgress)`. `Err` is the message to show, and
/// whether it is information (the readers wrap such a message as `{ info }`: a PDF whose
/// password the user declined to give) rather than a refusal.
async fn read(
    name: &str,
    bytes: &[u8],
    on_progress: &JsValue,
) -> Result<Extracted, (bool, String)> {
    // A copy that JavaScript owns: a view into this module's memory would be detached if the
    // memory grew while the readers load.
    let out = JsFuture::from(read_document(name, &Uint8Array::from(bytes), on_progress))
        .await
        .map_err(|e| {
            let info = Reflect::get(&e, &JsValue::from_str("info")).ok();
            match (e.as_string(), info.and_then(|i| i.as_string())) {
                (Some(refusal), _) => (false, refusal),
                (None, Some(info)) => (true, info),
                _ => (false, t!("open-no-readers", name = isolate(name))),
            }
        })?;
    let get = |key: &str| Reflect::get(&out, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    let pages = get("pages")
        .dyn_into::<Uint32Array>()
        .map(|p| p.to_vec().into_iter().map(|c| Cp(c as usize)).collect())
        .unwrap_or_default();
    Ok(Extracted {
        text: get("text").as_string().unwrap_or_default(),
        pages,
        title: get("title").as_string(),
    })
}

/// Converts an export staged as the project's JSON (`crate::formats::export::stage`) to the
/// format with this slug in the second module, and hands the file (of this media type) to
/// the browser's downloads. A failure
/// is said as an error notice.
pub fn convert_and_download(
    (slug, mime): (&'static str, &'static str),
    file_name: String,
    json: String,
    (seed_text, now, annotator): (bool, i64, String),
    app: crate::web::app_state::AppContext,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let promise = export_as(
            slug, &json, seed_text, now as f64, &annotator, &file_name, mime,
        );
        if let Err(e) = JsFuture::from(promise).await {
            // The second module says why; failing to load, it says nothing.
            let reason = e.as_string().unwrap_or_else(|| t!("core-no-module"));
            let name = isolate(&file_name);
            let text = t!("export-to-failed", name = name, reason = reason);
            app.dispatch(Action::Notify(Level::Error, text));
        }
    });
}

/// Reads files of other tools' formats (REFI-QDA `.qdpx`/`.qdc`, brat `.ann` with its
/// `.txt`, or a brat `.zip`, CSV) in the second module, which groups brat's pairs and writes
/// each file's content as the project's JSON. Returns `(file name, Ok(project JSON) or
/// Err(message naming the file))`, one per file or pair read; the caller imports each JSON as
/// the file it came from.
pub async fn import_other_files(
    files: Vec<web_sys::File>,
) -> Vec<(String, Result<String, String>)> {
    let names: Vec<String> = files.iter().map(|f| f.name()).collect();
    let array: js_sys::Array = files.into_iter().map(JsValue::from).collect();
    let out = match JsFuture::from(import_other(array)).await {
        Ok(out) => out,
        Err(e) => {
            let reason = e.as_string().unwrap_or_else(|| t!("core-no-module"));
            return names
                .into_iter()
                .map(|n| {
                    let msg = t!("import-refused", name = isolate(&n), reason = reason);
                    (n, Err(msg))
                })
                .collect();
        }
    };
    // `[[name, json, error], …]`: json or error is null.
    js_sys::Array::from(&out)
        .iter()
        .map(|r| {
            let r = js_sys::Array::from(&r);
            let name = r.get(0).as_string().unwrap_or_default();
            match r.get(1).as_string() {
                Some(json) => (name, Ok(json)),
                None => (name, Err(r.get(2).as_string().unwrap_or_default())),
            }
        })
        .collect()
}

/// Reads an annotation file of the JSON family that is not the project's JSON (W3C,
/// doccano JSONL, or one to refuse: `crate::formats::reading::Reading::finish_own`) in
/// the second module, which holds those readers, showing "Reading “x”" with its progress
/// through `dispatcher`. `Ok`: the project's JSON of what the file holds, to import as
/// that file; `Err`: the message naming the file.
pub async fn import_json_file(
    name: &str,
    bytes: Vec<u8>,
    dispatcher: &UseReducerDispatcher<AppState>,
) -> Result<Vec<u8>, String> {
    let progress = progress_notice(dispatcher, t!("open-reading", name = isolate(name)), true);
    progress(0, bytes.len());
    // Never backwards, as the app's own reading.
    let mut shown = 0;
    let on_progress = Closure::<dyn FnMut(f64, f64)>::new(move |done: f64, total: f64| {
        shown = shown.max(done as usize);
        progress(shown, total as usize)
    });
    // A copy that JavaScript owns, the bytes dropped here before the readers run.
    let copy = Uint8Array::from(&bytes[..]);
    drop(bytes);
    let out = JsFuture::from(import_json(name, &copy, on_progress.as_ref())).await;
    out.map(|json| Uint8Array::new(&json).to_vec())
        .map_err(|e| {
            let reason = || t!("core-no-module");
            e.as_string()
                .unwrap_or_else(|| t!("import-refused", name = isolate(name), reason = reason()))
        })
}
