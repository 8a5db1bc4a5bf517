//! Reading PDFs in the browser through pdf.js, loaded from the app's own origin only when
//! the user opens a PDF (see `src/extract/pdf.rs` for how its text items become text and
//! pages). Owns the reader module (`dist/pdfjs/reader.mjs`, from `src/web/pdf_reader.mjs`,
//! which loops over the pages in JavaScript so that the wasm stays small), the progress of a
//! reading and its cancelling (Escape, or the notice's Cancel button).

use crate::extract::pdf::{assemble, lines, Item, Line};
use crate::extract::Extracted;
use crate::session::Progress;
use crate::state::Action;
use crate::web::app_state::AppState;
use crate::web::platform;
use js_sys::{Array, Float64Array, Function, Promise, Reflect, Uint8Array};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::UseReducerDispatcher;

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
/// naming the file: not a PDF or broken, no text layer (a scan), no password given, or
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
    let out = read(name, bytes, dispatcher).await;
    drop(escape);
    READING.with(|r| r.set(false));
    dispatcher.dispatch(Action::Progress(None));
    out.map_err(|reason| format!("“\u{2068}{name}\u{2069}” was not opened: {reason}."))
}

/// The reading itself; `Err` is the reason, to follow "was not opened: ".
async fn read(
    name: &str,
    bytes: &[u8],
    dispatcher: &UseReducerDispatcher<AppState>,
) -> Result<Extracted, String> {
    let label = format!("Reading “\u{2068}{name}\u{2069}”, pages");
    let progress = {
        let dispatcher = dispatcher.clone();
        move |done: usize, total: usize| {
            dispatcher.dispatch(Action::Progress(Some(Progress {
                label: label.clone(),
                done,
                total,
                percent: false,
            })))
        }
    };
    progress(0, 0);
    let read = reader()
        .await
        .map_err(|_| "the PDF reader could not be loaded (is the app's pdfjs folder served?)")?;
    // Each page's lines as it arrives (a task of its own between the worker's answers).
    let pages: Rc<RefCell<Vec<Vec<Line>>>> = Rc::default();
    let on_page = {
        let pages = pages.clone();
        let mut shown = 0;
        Closure::<dyn FnMut(JsValue, u32, u32) -> bool>::new(
            move |page: JsValue, n: u32, count: u32| {
                if !page.is_null() {
                    pages.borrow_mut().push(lines(&to_items(&page)));
                }
                if n <= 1 || platform::now() - shown >= PROGRESS_EVERY_MS {
                    progress(n as usize, count as usize);
                    shown = platform::now();
                }
                !CANCELLED.with(Cell::get)
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
    if let Err(e) = result {
        let get = |k: &str| Reflect::get(&e, &JsValue::from_str(k)).ok()?.as_string();
        return Err(match get("name").as_deref() {
            Some("cancelled") => "no password was given".into(),
            Some("stopped") => "reading was cancelled".into(),
            Some("invalid") => "it is not a PDF, or it is too damaged to read".into(),
            _ => format!(
                "pdf.js could not read it ({})",
                get("message").unwrap_or_default()
            ),
        });
    }
    let extracted = assemble(pages.take());
    if extracted.text.trim().is_empty() {
        return Err("it has no text layer (it may be a scan); OCR is not offered".into());
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
/// module `<script>` of our origin (no eval, and nothing in the first load).
async fn reader() -> Result<Function, JsValue> {
    let global = js_sys::global();
    let key = JsValue::from_str("gcmPdfReader");
    if let Ok(f) = Reflect::get(&global, &key)?.dyn_into::<Function>() {
        return Ok(f);
    }
    let document = gloo::utils::document();
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
