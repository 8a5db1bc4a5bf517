//! The document readers as a second WebAssembly module: PDF (through pdf.js), Word,
//! OpenDocument and web pages (through the browser's `DecompressionStream`, `TextDecoder`
//! and `DOMParser`). The app fetches this module only when a user first opens such a file
//! or pastes rich text (`src/web/readers.rs`), so none of it weighs on the first load.
//!
//! What counts as text, and where pages start, is decided by the app's pure core
//! (`gcm_annotator::extract`, tested natively); this crate is the browser glue around it.
//! Results cross to the app as plain JavaScript objects:
//! `{ text: string, pages: Uint32Array, title?: string }`, `pages` holding the code-point
//! offset at which each page starts (empty for kinds without pages), `title` the title the
//! document gives itself (a web page's `<title>`). Errors are the whole message to show,
//! naming the file.
#![cfg(target_arch = "wasm32")]

mod exchange;
mod office;
mod pdf;

use gcm_annotator::extract::{Extracted, Kind};
use gcm_annotator::t;
use gcm_annotator::text::isolate;
use js_sys::{Function, Object, Reflect, Uint32Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

/// Formats this module's messages in the language with this `code` (`en`, `fr`, `es`)
/// through `bundles`, the app's `FluentBundle`s in fallback order (the app calls this when
/// the module loads and when the user switches language).
#[wasm_bindgen(js_name = useBundles)]
pub fn use_bundles(code: &str, bundles: js_sys::Array) {
    let language = gcm_annotator::i18n::Language::from_code(code).unwrap_or_default();
    gcm_annotator::i18n::js::install_bundles(language, bundles.iter().collect());
}

/// Reads a PDF, Word, OpenDocument or HTML file, by what its first bytes say it is
/// ([`Kind::sniff`]).
///
/// `on_progress(done, total)` is called as a PDF's pages are read (`total` 0 while it
/// opens) and returns `false` to stop the reading. Resolves to `{ text, pages }`; rejects
/// with the message to show, naming the file: "“x.pdf” was not opened: <reason>.", or with
/// `{ info: message }` when the user declined to give a PDF's password (information, not a
/// refusal).
#[wasm_bindgen]
pub async fn read(name: String, bytes: Vec<u8>, on_progress: Function) -> Result<JsValue, JsValue> {
    let head = &bytes[..bytes.len().min(128)];
    let read = match Kind::sniff(&name, head) {
        Some(Kind::Pdf) => {
            return pdf::extract(&name, &bytes, &on_progress)
                .await
                .map(|x| to_js(&x))
        }
        Some(kind @ (Kind::Docx | Kind::Odt | Kind::Html)) => {
            office::extract(kind, &name, &bytes).await
        }
        _ => Err(t!("read-unknown-kind", name = isolate(&name))),
    };
    read.map(|x| to_js(&x)).map_err(|e| JsValue::from_str(&e))
}

/// The text and `<title>` of HTML pasted from the clipboard (`text/html`), read by the
/// same rules as a web page, in the shape [`read`] gives (`pages` empty). Throws the
/// reason when the markup cannot be parsed.
#[wasm_bindgen(js_name = readPastedHtml)]
pub fn read_pasted_html(markup: &str) -> Result<JsValue, JsValue> {
    let (text, title) = office::pasted_html(markup).map_err(|e| JsValue::from_str(&e))?;
    let pages = Vec::new();
    Ok(to_js(&Extracted { text, pages, title }))
}

/// Reads other tools' files (REFI-QDA, brat, CSV) chosen together: `names[i]` with
/// `bytes[i]`. brat's `.ann` files go with their `.txt` (see
/// `gcm_annotator::formats::exchange::jobs`). Returns `[[name, json, error], …]`, one per
/// file or brat group: `json` the project's JSON of what was read (for the app to import
/// as that file), or `error` the whole message, naming the file.
#[wasm_bindgen(js_name = importFiles)]
pub async fn import_files(names: Vec<String>, bytes: Vec<js_sys::Uint8Array>) -> js_sys::Array {
    use gcm_annotator::formats::exchange::{job_file, jobs, to_project_json};
    let files: Vec<(String, Vec<u8>)> = names
        .iter()
        .cloned()
        .zip(bytes.iter().map(|b| b.to_vec()))
        .collect();
    let out = js_sys::Array::new();
    for job in jobs(&names) {
        let name = job_file(&job, &names);
        let (json, error) = match exchange::read(&job, &files).await {
            Ok(incoming) => (
                JsValue::from_str(&to_project_json(&incoming)),
                JsValue::NULL,
            ),
            Err(reason) => (
                JsValue::NULL,
                JsValue::from_str(&t!(
                    "import-refused",
                    name = isolate(&name),
                    reason = reason
                )),
            ),
        };
        out.push(&js_sys::Array::of3(
            &JsValue::from_str(&name),
            &json,
            &error,
        ));
    }
    out
}

/// Reads an annotation file of the JSON family that is not the project's JSON (W3C,
/// doccano JSONL, or one to refuse) as the app once read it itself
/// (`gcm_annotator::formats::reading::Reading`): in slices, yielding to the page every
/// few milliseconds and calling `on_progress(done, total)` (bytes) then. Resolves to the
/// project's JSON of what it holds (UTF-8 bytes), for the app to import as that file;
/// rejects with the whole message, naming the file.
#[wasm_bindgen(js_name = importJson)]
pub async fn import_json(
    name: String,
    bytes: Vec<u8>,
    on_progress: Function,
) -> Result<js_sys::Uint8Array, JsValue> {
    use gcm_annotator::formats::{exported::IncomingWriter, reading::Reading};
    let mut reading = Reading::new(&name, bytes);
    let mut since = js_sys::Date::now();
    while !reading.step() {
        if js_sys::Date::now() - since >= SLICE_MS {
            let (done, total) = (reading.done() as f64, reading.total() as f64);
            let _ = on_progress.call2(&JsValue::NULL, &done.into(), &total.into());
            next_task().await;
            since = js_sys::Date::now();
        }
    }
    let incoming = reading
        .finish()
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    // Written a slice at a time too: 10,000 annotations of a 50 MB file written at once
    // held the page for 600-1,000 ms.
    let mut writer = IncomingWriter::new(&incoming);
    while !writer.step(ANNOTATIONS_PER_STEP) {
        if js_sys::Date::now() - since >= SLICE_MS {
            next_task().await;
            since = js_sys::Date::now();
        }
    }
    Ok(js_sys::Uint8Array::from(writer.finish().as_bytes()))
}

/// How long a slice of [`import_json`] runs before it lets the page paint and take input.
const SLICE_MS: f64 = 40.0;
/// Annotations written between two looks at the clock.
const ANNOTATIONS_PER_STEP: usize = 64;

/// Resolves in a task of its own (a zero timeout): the page paints and takes input first.
async fn next_task() {
    let tick = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().map(|w| w.set_timeout_with_callback(&resolve));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(tick).await;
}

/// Converts an export staged as the project's JSON to the format with this slug (`w3c`,
/// `doccano`, `table`, `refi`, `brat`): the file's bytes. Throws the reason.
#[wasm_bindgen(js_name = exportAs)]
pub fn export_as(
    slug: &str,
    json: &str,
    seed_text: bool,
    now: f64,
    annotator: &str,
) -> Result<js_sys::Uint8Array, JsValue> {
    use gcm_annotator::formats::{exchange::convert_export, Format, Options};
    let format = Format::ALL
        .into_iter()
        .find(|f| f.slug() == slug)
        .ok_or_else(|| JsValue::from_str(&t!("read-no-format")))?;
    // The exporter's id and assignment ride in the staged JSON (`convert_export` reads
    // them there), which holds only what the export holds.
    let options = Options {
        seed_text,
        now: now as i64,
        annotator,
        ..Options::default()
    };
    convert_export(format, json, options)
        .map(|bytes| js_sys::Uint8Array::from(&bytes[..]))
        .map_err(|e| JsValue::from_str(&e))
}

/// An [`Extracted`] as `{ text, pages, title }` (`title` only when the document has one).
fn to_js(x: &Extracted) -> JsValue {
    let out = Object::new();
    set(&out, "text", &JsValue::from_str(&x.text));
    let pages: Vec<u32> = x.pages.iter().map(|p| p.0 as u32).collect();
    set(&out, "pages", &Uint32Array::from(&pages[..]));
    if let Some(title) = &x.title {
        set(&out, "title", &JsValue::from_str(title));
    }
    out.into()
}

fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}
