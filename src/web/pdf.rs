//! Reading PDFs in the browser through pdf.js, loaded from the app's own origin only when
//! the user opens a PDF (see `src/extract/pdf.rs` for how its text items become text and
//! pages). Owns the reader module (`dist/pdfjs/reader.mjs`, from `src/web/pdf_reader.mjs`),
//! the progress of a reading and its cancelling (Escape, or the notice's Cancel button).

use crate::extract::pdf::{assemble, lines, Item, Line};
use crate::extract::Extracted;
use crate::session::Progress;
use crate::state::Action;
use crate::web::app_state::AppState;
use crate::web::platform;
use js_sys::{Array, Float64Array, Function, Object, Promise, Reflect, Uint8Array};
use std::cell::Cell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::UseReducerDispatcher;

/// Where the reader module is served, beside pdf.js (tools/pdfjs.py copies them there).
const READER_URL: &str = "pdfjs/reader.mjs";

/// How often the progress notice is updated while pages are read, at most: each update
/// draws the app again.
const PROGRESS_EVERY_MS: i64 = 100;

thread_local! {
    /// A reading is under way (the notice then offers Cancel).
    static READING: Cell<bool> = const { Cell::new(false) };
    /// The user asked to stop the reading under way.
    static CANCELLED: Cell<bool> = const { Cell::new(false) };
}

/// True while a PDF is being read: the progress notice shows a Cancel button.
pub fn is_reading() -> bool {
    READING.with(Cell::get)
}

/// Stops the PDF reading under way, after the page being read; nothing is added.
pub fn cancel_reading() {
    CANCELLED.with(|c| c.set(true));
}

/// Reads a PDF's text and page starts, page by page in pdf.js's worker, showing "Reading
/// “x.pdf”, pages: i of n" and stopping on Escape or Cancel. `Err` is the message to show,
/// naming the file: not a PDF or broken, no text layer (a scan), a password not given, or
/// cancelled.
pub async fn extract(
    name: &str,
    bytes: &[u8],
    dispatcher: &UseReducerDispatcher<AppState>,
) -> Result<Extracted, String> {
    READING.with(|r| r.set(true));
    CANCELLED.with(|c| c.set(false));
    let escape = gloo::events::EventListener::new(
        &gloo::utils::window(),
        "keydown",
        |e: &web_sys::Event| {
            let key = e.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key());
            // Escape in the password dialog is that dialog's own.
            if key.as_deref() == Some("Escape") && !password_dialog_open() {
                cancel_reading();
            }
        },
    );
    let out = read(name, bytes, dispatcher).await;
    drop(escape);
    READING.with(|r| r.set(false));
    dispatcher.dispatch(Action::Progress(None));
    out.map_err(|reason| format!("“\u{2068}{name}\u{2069}” was not opened: {reason}."))
}

/// True while pdf_reader.mjs's password dialog is open.
fn password_dialog_open() -> bool {
    gloo::utils::document()
        .query_selector("dialog.pdf-password[open]")
        .ok()
        .flatten()
        .is_some()
}

/// The reading itself; `Err` is the reason, to follow "was not opened: ".
async fn read(
    name: &str,
    bytes: &[u8],
    dispatcher: &UseReducerDispatcher<AppState>,
) -> Result<Extracted, String> {
    let progress = |done: usize, total: usize| {
        dispatcher.dispatch(Action::Progress(Some(Progress {
            label: format!("Reading “\u{2068}{name}\u{2069}”, pages"),
            done,
            total,
        })));
    };
    progress(0, 0);
    let reader = reader()
        .await
        .map_err(|_| "the PDF reader could not be loaded (is the app's pdfjs folder served?)")?;
    let data = Uint8Array::from(bytes);
    let doc = call(&reader, "open", &[data.into(), JsValue::from_str(name)])
        .await
        .map_err(|e| match error_name(&e).as_str() {
            "cancelled" => "no password was given".to_string(),
            "invalid" => "it is not a PDF, or it is too damaged to read".to_string(),
            _ => format!("pdf.js could not read it ({})", error_message(&e)),
        })?;
    let result = read_pages(&reader, &doc, progress).await;
    let _ = call(&reader, "close", &[doc]).await;
    let pages = result?;
    let extracted = assemble(pages);
    if extracted.text.trim().is_empty() {
        return Err("it has no text layer (it may be a scan); OCR is not offered".into());
    }
    Ok(extracted)
}

/// Every page's lines, in order, stopping when the user cancels.
async fn read_pages(
    reader: &Object,
    doc: &JsValue,
    progress: impl Fn(usize, usize),
) -> Result<Vec<Vec<Line>>, String> {
    let count = call(reader, "pageCount", std::slice::from_ref(doc))
        .await
        .ok()
        .and_then(|n| n.as_f64())
        .unwrap_or(0.0) as usize;
    let mut pages = Vec::with_capacity(count);
    let mut shown = platform::now();
    progress(0, count);
    for n in 1..=count {
        if CANCELLED.with(Cell::get) {
            return Err("reading was cancelled".into());
        }
        let items = call(reader, "pageItems", &[doc.clone(), JsValue::from(n as u32)])
            .await
            .map_err(|e| format!("page {n} could not be read ({})", error_message(&e)))?;
        pages.push(lines(&to_items(&items)));
        if platform::now() - shown >= PROGRESS_EVERY_MS {
            progress(n, count);
            shown = platform::now();
        }
    }
    Ok(pages)
}

/// pdf_reader.mjs's `{ strs, nums }` of a page as [`Item`]s.
fn to_items(page: &JsValue) -> Vec<Item> {
    let get = |k: &str| Reflect::get(page, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
    let strs: Array = get("strs").dyn_into().unwrap_or_default();
    let nums: Vec<f64> = get("nums")
        .dyn_into::<Float64Array>()
        .map(|a| a.to_vec())
        .unwrap_or_default();
    strs.iter()
        .zip(nums.chunks_exact(5))
        .map(|(s, n)| Item {
            text: s.as_string().unwrap_or_default(),
            x: n[0],
            y: n[1],
            width: n[2],
            height: n[3],
            eol: n[4] != 0.0,
        })
        .collect()
}

/// The reader module's functions (`globalThis.gcmPdfReader`), loading it the first time by
/// a module `<script>` of our origin (no eval, and nothing in the first load).
async fn reader() -> Result<Object, JsValue> {
    let global = js_sys::global();
    let key = JsValue::from_str("gcmPdfReader");
    let loaded = Reflect::get(&global, &key)?;
    if loaded.is_object() {
        return Ok(loaded.unchecked_into());
    }
    let document = gloo::utils::document();
    let script = document.create_element("script")?;
    script.set_attribute("type", "module")?;
    script.set_attribute("src", READER_URL)?;
    let done = Promise::new(&mut |resolve, reject| {
        let _ = Reflect::set(&script, &JsValue::from_str("onload"), &resolve);
        let _ = Reflect::set(&script, &JsValue::from_str("onerror"), &reject);
    });
    document
        .head()
        .ok_or(JsValue::NULL)?
        .append_child(&script)?;
    JsFuture::from(done).await?;
    Reflect::get(&global, &key)?.dyn_into()
}

/// Calls one of the reader's functions and awaits its answer.
async fn call(reader: &Object, f: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = Reflect::get(reader, &JsValue::from_str(f))?.dyn_into()?;
    let args: Array = args.iter().collect();
    let value = f.apply(&JsValue::NULL, &args)?;
    JsFuture::from(Promise::resolve(&value)).await
}

/// A thrown error's `name` ("" when it has none).
fn error_name(e: &JsValue) -> String {
    Reflect::get(e, &JsValue::from_str("name"))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// A thrown error's `message`, or the value itself as text.
fn error_message(e: &JsValue) -> String {
    Reflect::get(e, &JsValue::from_str("message"))
        .ok()
        .and_then(|v| v.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
