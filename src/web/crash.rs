//! The last line of defence: if the app panics (a bug; input paths return errors), the page
//! is replaced by a clear message and a link that downloads everything that was in memory, so
//! that nothing the user made is lost. The export is built inside the panic hook, before the
//! WebAssembly instance aborts, from the last state the app rendered.

use crate::web::app_state::AppContext;
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    static LATEST: RefCell<Option<AppContext>> = const { RefCell::new(None) };
}

/// Remembers the state the app last rendered (a cheap handle clone).
pub fn remember(app: &AppContext) {
    LATEST.with(|l| {
        if let Ok(mut l) = l.try_borrow_mut() {
            *l = Some(app.clone());
        }
    });
}

/// Installs the panic hook, through Yew so that its renderer keeps it (it would otherwise
/// put its own console hook in place). Safe to call more than once.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&message));
        show_crash_page(&message);
    }));
}

/// The export of everything in memory, if the state can still be read.
fn rescue() -> Option<(String, String)> {
    let now = js_sys::Date::now() as i64;
    LATEST.with(|l| {
        let l = l.try_borrow().ok()?;
        let model = &l.as_ref()?.model;
        let settings = &model.session.settings;
        Some(crate::formats::export::backup(
            &model.library,
            settings,
            now,
        ))
    })
}

/// Replaces the page with the error message and the rescue link. Never panics.
fn show_crash_page(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let el = |tag: &str, text: &str| -> Option<web_sys::Element> {
        let e = document.create_element(tag).ok()?;
        e.set_text_content(Some(text));
        Some(e)
    };
    body.set_text_content(None);
    let Some(page) = document.create_element("main").ok() else {
        return;
    };
    page.set_class_name("crash");
    // The page stays the main landmark; what happened is announced as an alert.
    let Some(alert) = document.create_element("div").ok() else {
        return;
    };
    let _ = alert.set_attribute("role", "alert");
    for node in [
        // The formatter only reads its state here (a shared borrow), so a panic inside it
        // still lets the page speak; an unknown id would show as itself.
        el("h1", &t!("core-crash-title")),
        el("p", &t!("core-crash-text")),
    ]
    .into_iter()
    .flatten()
    {
        let _ = alert.append_child(&node);
    }
    let _ = page.append_child(&alert);
    if let Some((name, json)) = rescue() {
        let parts = js_sys::Array::of1(&JsValue::from_str(&json));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("application/json");
        if let Some(url) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
            .ok()
            .and_then(|b| web_sys::Url::create_object_url_with_blob(&b).ok())
        {
            if let Some(a) = el("a", &t!("core-crash-export"))
                .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
            {
                a.set_href(&url);
                a.set_download(&name);
                a.set_class_name("button primary");
                let _ = page.append_child(&a);
            }
        }
    }
    if let Some(a) = el("a", &t!("core-crash-reload")) {
        let _ = a.set_attribute("href", ".");
        let _ = page.append_child(&a);
    }
    if let Some(pre) = el("pre", message) {
        let _ = page.append_child(&pre);
    }
    let _ = body.append_child(&page);
}
