//! Reading PDFs through pdf.js, served from the app's own origin (`dist/pdfjs/`, put there
//! by tools/pdfjs.py) and loaded only when the user opens a PDF. `pdf_reader.mjs` loops over
//! the pages in pdf.js's worker; this module turns each page's text items into lines as
//! they arrive (`gcm_annotator::extract::pdf` owns the rules) and assembles the text.

use gcm_annotator::extract::pdf::{assemble, lines, Item, Line};
use gcm_annotator::extract::{Extracted, MAX_DOCUMENT_BYTES};
use gcm_annotator::t;
use gcm_annotator::text::isolate;
use js_sys::{Array, Float64Array, Function, Object, Promise, Reflect, Uint8Array};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Reads a PDF's text and page starts, page by page, calling `on_progress(done, total)`
/// after each page and stopping when it returns `false`. `Err` is the message to show,
/// naming the file: not a PDF or broken, no text layer (a scan), cancelled, or its text
/// past [`MAX_DOCUMENT_BYTES`] (said as soon as the pages read so far pass it, not after
/// reading them all); when the user declined to give the password, the message is wrapped
/// as `{ info: message }`, for the app to say it as information rather than as a refusal.
pub async fn extract(
    name: &str,
    bytes: &[u8],
    on_progress: &Function,
) -> Result<Extracted, JsValue> {
    read(name, bytes, on_progress)
        .await
        .map_err(|(info, reason)| {
            let message = JsValue::from_str(&t!(
                "read-not-opened",
                name = isolate(name),
                reason = reason
            ));
            if !info {
                return message;
            }
            let wrapped = Object::new();
            let _ = Reflect::set(&wrapped, &JsValue::from_str("info"), &message);
            wrapped.into()
        })
}

/// The reading itself; `Err` is the reason, to follow "was not opened: ", and whether it
/// is information (no password given) rather than a refusal.
async fn read(
    name: &str,
    bytes: &[u8],
    on_progress: &Function,
) -> Result<Extracted, (bool, String)> {
    let read = reader()
        .await
        .map_err(|_| (false, t!("read-pdf-no-reader")))?;
    // Each page's lines as it arrives (a task of its own between the worker's answers).
    let pages: Rc<RefCell<Vec<Vec<Line>>>> = Rc::default();
    // The UTF-8 bytes of the lines so far, and the page (of how many) where they passed
    // the limit: reading stops there, as a cancel does.
    let over: Rc<Cell<Option<(u32, u32)>>> = Rc::default();
    let on_page = {
        let (pages, on_progress, over) = (pages.clone(), on_progress.clone(), over.clone());
        let mut total = 0usize;
        Closure::<dyn FnMut(JsValue, u32, u32) -> bool>::new(
            move |page: JsValue, n: u32, count: u32| {
                if !page.is_null() {
                    let page = lines(&to_items(&page));
                    total += page.iter().map(|l| l.text.len()).sum::<usize>();
                    pages.borrow_mut().push(page);
                    if total > MAX_DOCUMENT_BYTES {
                        over.set(Some((n, count)));
                        return false;
                    }
                }
                on_progress
                    .call2(&JsValue::NULL, &n.into(), &count.into())
                    .map_or(true, |go| go.as_bool() != Some(false))
            },
        )
    };
    let done = read
        .call3(
            &JsValue::NULL,
            &Uint8Array::from(bytes),
            &JsValue::from_str(name),
            on_page.as_ref(),
        )
        .map(|p| JsFuture::from(Promise::resolve(&p)));
    let result = match done {
        Ok(f) => f.await,
        Err(e) => Err(e),
    };
    if let Some((n, count)) = over.get() {
        let limit = gcm_annotator::document::human_size(MAX_DOCUMENT_BYTES);
        return Err((
            false,
            t!("read-pdf-too-large", limit = limit, page = n, pages = count),
        ));
    }
    if let Err(e) = result {
        let get = |k: &str| Reflect::get(&e, &JsValue::from_str(k)).ok()?.as_string();
        let name = get("name");
        let reason = match name.as_deref() {
            Some("cancelled") => t!("read-pdf-no-password"),
            Some("stopped") => t!("read-pdf-cancelled"),
            Some("invalid") => t!("read-pdf-invalid"),
            _ => t!(
                "read-pdf-failed",
                reason = get("message").unwrap_or_default()
            ),
        };
        return Err((name.as_deref() == Some("cancelled"), reason));
    }
    // A task of its own for the assembly, apart from the last page's.
    next_task().await;
    let extracted = assemble(pages.take());
    if extracted.text.trim().is_empty() {
        return Err((false, t!("read-pdf-no-text")));
    }
    Ok(extracted)
}

/// pdf_reader.mjs's `{ strs, nums }` of a page as [`Item`]s.
fn to_items(page: &JsValue) -> Vec<Item> {
    let get = |k: &str| Reflect::get(page, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
    let strs: Array = get("strs").unchecked_into();
    let nums: Vec<f64> = get("nums").unchecked_into::<Float64Array>().to_vec();
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

/// The reader module's `read` (`globalThis.gcmPdfReader`), loading it the first time by a
/// module `<script>` of our origin (no eval).
async fn reader() -> Result<Function, JsValue> {
    let global = js_sys::global();
    let key = JsValue::from_str("gcmPdfReader");
    if let Ok(f) = Reflect::get(&global, &key)?.dyn_into::<Function>() {
        return Ok(f);
    }
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(JsValue::NULL)?;
    let script = document.create_element("script")?;
    script.set_attribute("type", "module")?;
    script.set_attribute("src", "pdfjs/reader.mjs")?;
    let loaded = Promise::new(&mut |resolve, reject| {
        let _ = Reflect::set(&script, &JsValue::from_str("onload"), &resolve);
        let _ = Reflect::set(&script, &JsValue::from_str("onerror"), &reject);
    });
    document
        .body()
        .ok_or(JsValue::NULL)?
        .append_child(&script)?;
    JsFuture::from(loaded).await?;
    Reflect::get(&global, &key)?.dyn_into()
}

/// Resolves in a later task (`setTimeout(0)`), so that the work after it is not added to
/// the task that is running.
async fn next_task() {
    let wait = Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(wait).await;
}
