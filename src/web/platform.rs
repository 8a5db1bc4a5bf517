//! The platform: the clock, ids, file downloads, fetching the app's own files, the storage
//! quota, and scheduling background work (after the next paint, when the browser is idle,
//! out of the way of the user's input). Components call these instead of `web-sys`.

use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// When the user last pressed, released, typed, scrolled, clicked or chose a file
    /// (`Date.now()`), and whether a pointer is down: the background layout keeps out of the
    /// way of an interaction.
    static LAST_INPUT: std::cell::Cell<(f64, bool)> = const { std::cell::Cell::new((0.0, false)) };
    static INPUT_WATCH: RefCell<Vec<gloo::events::EventListener>> = const { RefCell::new(Vec::new()) };
}

/// How long after an input the background layout waits. A slice that runs when a click or
/// a key arrives delays it by up to a slice (10 ms). Benchmark, 5,000 annotations present,
/// mouseup to highlight p95 over three runs each: 48–53 ms with the layout running, 37–44
/// without any, 36–51 with this pause (runs of one build differ by 10 ms on this machine).
const QUIET_AFTER_INPUT_MS: f64 = 250.0;

/// Starts noting the user's input, once.
pub(super) fn watch_input() {
    INPUT_WATCH.with(|w| {
        let mut w = w.borrow_mut();
        if !w.is_empty() {
            return;
        }
        let window = gloo::utils::window();
        for (event, down) in [
            ("pointerdown", Some(true)),
            ("pointerup", Some(false)),
            ("pointercancel", Some(false)),
            ("keydown", None),
            ("wheel", None),
            // A button pressed by a screen reader, or a file chosen in the picker, comes
            // with no pointer or key event of its own.
            ("click", None),
            ("change", None),
        ] {
            let options = gloo::events::EventListenerOptions::run_in_capture_phase();
            w.push(gloo::events::EventListener::new_with_options(
                &window,
                event,
                options,
                move |_| {
                    LAST_INPUT.with(|l| {
                        let (_, was_down) = l.get();
                        l.set((js_sys::Date::now(), down.unwrap_or(was_down)));
                    });
                },
            ));
        }
    });
}

/// True while a pointer is down or an input came in the last QUIET_AFTER_INPUT_MS. A
/// pointer released outside the window may never say so: down counts for 10 s at most.
pub(super) fn input_is_recent() -> bool {
    let (at, down) = LAST_INPUT.with(|l| l.get());
    let since = js_sys::Date::now() - at;
    since < QUIET_AFTER_INPUT_MS || (down && since < 10_000.0)
}

/// Resolves after the next frame has been painted (a timeout queued from an animation-frame
/// callback runs after that frame's paint), or after 100 ms when no frame comes: a hidden tab
/// gets no animation frames, and saving must not wait for the user to come back.
pub async fn after_next_paint() {
    let (tx, rx) = futures::channel::oneshot::channel::<()>();
    let tx = std::rc::Rc::new(RefCell::new(Some(tx)));
    let send = {
        let tx = tx.clone();
        move || {
            if let Some(tx) = tx.borrow_mut().take() {
                let _ = tx.send(());
            }
        }
    };
    let fallback = gloo::timers::callback::Timeout::new(100, send.clone());
    let frame = gloo::render::request_animation_frame(move |_| {
        gloo::timers::callback::Timeout::new(0, send).forget();
    });
    let _ = rx.await;
    drop((frame, fallback));
}

/// Resolves once the browser is idle (`requestIdleCallback`: after the frames it has to
/// draw, when it has time to spare before the next), or after `timeout_ms` at the latest,
/// with the milliseconds left before the browser needs the thread again (0 after a
/// timeout). For background work (saving, layout) that must neither delay the paint of a
/// change nor hold up the frame after it. Where there is no `requestIdleCallback`, after
/// the next paint.
pub async fn when_idle(timeout_ms: u32) -> f64 {
    let window = gloo::utils::window();
    let has_idle = js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false);
    if !has_idle {
        after_next_paint().await;
        return IDLE_GUESS_MS;
    }
    let (tx, rx) = futures::channel::oneshot::channel::<f64>();
    let callback = wasm_bindgen::closure::Closure::once(move |deadline: web_sys::IdleDeadline| {
        let _ = tx.send(deadline.time_remaining());
    });
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(timeout_ms);
    if window
        .request_idle_callback_with_options(callback.as_ref().unchecked_ref(), &options)
        .is_err()
    {
        after_next_paint().await;
        return IDLE_GUESS_MS;
    }
    rx.await.unwrap_or(0.0)
}

/// The idle time assumed where the browser cannot tell: half a frame.
const IDLE_GUESS_MS: f64 = 8.0;

/// The page's `localStorage`, or `None` where the browser refuses it (a private window's
/// policy, a sandboxed frame).
pub fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Fetches a file of the app's own origin as text.
pub async fn fetch_text(url: String) -> Result<String, String> {
    use wasm_bindgen_futures::JsFuture;
    let response = JsFuture::from(gloo::utils::window().fetch_with_str(&url))
        .await
        .map_err(|e| format!("{e:?}"))?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    // As bytes, not `text()`: that would decode the UTF-8 into a JS string only for
    // wasm-bindgen to encode it back into UTF-8 for Rust.
    let bytes = response.array_buffer().map_err(|e| format!("{e:?}"))?;
    let bytes = JsFuture::from(bytes).await.map_err(|e| format!("{e:?}"))?;
    String::from_utf8(js_sys::Uint8Array::new(&bytes).to_vec())
        .map_err(|_| format!("{url}: not UTF-8 text"))
}

/// True when this origin has used (nearly) all the storage the browser grants it, from
/// `navigator.storage.estimate()`. False when the browser cannot tell.
pub async fn storage_is_full() -> bool {
    let Ok(promise) = gloo::utils::window().navigator().storage().estimate() else {
        return false;
    };
    let Ok(estimate) = wasm_bindgen_futures::JsFuture::from(promise).await else {
        return false;
    };
    let estimate: web_sys::StorageEstimate = estimate.unchecked_into();
    match (estimate.get_usage(), estimate.get_quota()) {
        // A write needs room: within 64 KB of the quota counts as full.
        (Some(usage), Some(quota)) => usage + 65_536.0 >= quota,
        _ => false,
    }
}

/// Milliseconds since the Unix epoch, from the browser's clock.
pub fn now() -> i64 {
    js_sys::Date::now() as i64
}

/// A random UUID from the browser's cryptographic generator.
pub fn new_id() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        // Crypto is in every browser this app runs in; the clock and a random number keep
        // ids unique in the impossible case it is not.
        .unwrap_or_else(|| format!("id-{}-{}", now(), (js_sys::Math::random() * 1e12) as u64))
}

/// Offers `content` as a file download named `filename`.
pub fn download(filename: &str, mime: &str, content: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| t!("export-not-prepared"))?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| t!("export-not-prepared"))?;
    let document = gloo::utils::document();
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| t!("export-not-prepared"))?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.set_hidden(true);
    let body = document.body().ok_or_else(|| t!("export-not-prepared"))?;
    let _ = body.append_child(&a);
    a.click();
    let _ = body.remove_child(&a);
    // Revoke later: Chromium starts the download asynchronously.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `JSON.parse` of a string already in JavaScript (web-sys's takes a `&str`, which would
    /// first copy the record into WebAssembly memory).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &JsValue) -> Result<JsValue, JsValue>;
    /// The browser's UTF-8 encoder.
    #[wasm_bindgen(js_name = TextEncoder)]
    type Utf8Encoder;
    #[wasm_bindgen(constructor, js_class = "TextEncoder")]
    fn new() -> Utf8Encoder;
    /// `TextEncoder.encode` of a JavaScript string, without copying it into Rust first.
    #[wasm_bindgen(method, js_class = "TextEncoder")]
    fn encode(this: &Utf8Encoder, text: &JsValue) -> js_sys::Uint8Array;
}

/// A stored document's record (a JSON string in `record`), split by the browser's JSON
/// parser into the record without its `text` and the text: the rest is a few hundred bytes
/// of JSON, and the text comes into WebAssembly memory once, at its exact size, as UTF-8.
/// Parsed in Rust, a 5 MB text took 18 MB there (the record, the parser's growing buffer
/// and the text), and that memory never shrinks. `None` when the record is not a JSON object
/// with a string `text`: the caller reads it as before, which says what is wrong with it.
pub fn split_document_record(record: &JsValue) -> Option<(String, String)> {
    let parsed = json_parse(record).ok()?;
    let key = JsValue::from_str("text");
    let text = js_sys::Reflect::get(&parsed, &key).ok()?;
    if !text.is_string() {
        return None;
    }
    js_sys::Reflect::set(&parsed, &key, &JsValue::from_str("")).ok()?;
    let rest = js_sys::JSON::stringify(&parsed).ok()?.as_string()?;
    let bytes = Utf8Encoder::new().encode(&text).to_vec();
    Some((rest, String::from_utf8(bytes).ok()?))
}
