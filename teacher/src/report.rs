//! The printed report (issue 23): a print view of the open document's annotations
//! ([`document`]) or of Compare's figures ([`class`]), drawn by a Yew app of this module's
//! in an element of its own at the end of `<body>`, styled for paper by `report.css` (beside
//! this module in `dist/teacher/`, linked the first time a report is printed), then handed
//! to the browser's print dialog.
//!
//! The view is never shown on screen. In print it is the only thing shown while
//! `<body data-printing="report">` says a report is being printed: the button sets it, and
//! the browser's `afterprint` takes it off, so that printing the app itself (Ctrl+P) later
//! prints the app, not an old report.

pub mod class;
pub mod document;
mod paper;

use crate::compare::scores::Scored;
use crate::compare::shared::Figures;
use crate::host::{send, Host, Msg};
use gcm_annotator::notices::Level;
use gcm_annotator::t;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// The id of the element the report is drawn in.
const ROOT: &str = "gcm-report";
/// The attribute on `<body>` while a report is being printed (report.css reads it).
const PRINTING: &str = "data-printing";

thread_local! {
    /// The report app on the page, and the element it is drawn in.
    static APP: RefCell<Option<(web_sys::Element, yew::AppHandle<Report>)>> = const { RefCell::new(None) };
    /// The stylesheet's load, once it is asked for: shared by every print after.
    static STYLE: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
    /// Whether the end of printing is listened for.
    static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// What a report shows.
pub enum Kind {
    /// The open document's annotations.
    Document(document::Data),
    /// Compare's figures.
    Class(class::Data),
}

/// What the report app draws: one report, compared by address (a new print is a new one).
#[derive(Properties)]
pub struct Props {
    /// The report to draw.
    pub kind: Rc<Kind>,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.kind, &other.kind)
    }
}

/// The report: a title, the date and who made it on top, then its parts.
#[function_component(Report)]
pub fn report(props: &Props) -> Html {
    match &*props.kind {
        Kind::Document(d) => document::view(d),
        Kind::Class(c) => class::view(c),
    }
}

/// Draws `kind` as the report, in an element of its own at the end of `parent` (the page's
/// `<body>`), and opens the browser's print dialog on it once the print stylesheet is loaded
/// and the report drawn. Says so when the stylesheet cannot be loaded (offline before it was
/// ever fetched).
pub fn print(parent: web_sys::Element, kind: Kind) {
    let props = Props {
        kind: Rc::new(kind),
    };
    wasm_bindgen_futures::spawn_local(async move {
        if wasm_bindgen_futures::JsFuture::from(stylesheet())
            .await
            .is_err()
        {
            STYLE.with(|s| s.borrow_mut().take());
            send(Msg::Notify(Level::Error, t!("report-failed")));
            return;
        }
        let document = gloo::utils::document();
        let el = match document.get_element_by_id(ROOT) {
            Some(el) => el,
            None => {
                let Ok(el) = document.create_element("div") else {
                    return;
                };
                el.set_id(ROOT);
                let _ = parent.append_child(&el);
                el
            }
        };
        APP.with(|app| crate::host::draw(app, el, props));
        // Yew draws in a microtask: this task comes after it.
        gloo::timers::future::TimeoutFuture::new(0).await;
        if let Some(body) = document.body() {
            let _ = body.set_attribute(PRINTING, "report");
        }
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
}

/// Compare's "Print report" button: prints the report of the figures shown (`scored`: the
/// scores against the key chosen, if one is), at the end of the page's `<body>`.
pub fn class_button(host: &Host, figures: &Rc<Figures>, scored: &Rc<Option<Scored>>) -> Html {
    let (host, figures, scored) = (host.clone(), figures.clone(), scored.clone());
    let onclick = Callback::from(move |_: MouseEvent| {
        let Some(body) = gloo::utils::document().body() else {
            return;
        };
        let data = class::Data {
            host: host.clone(),
            figures: figures.clone(),
            scored: scored.clone(),
        };
        print(body.into(), Kind::Class(data))
    });
    html! { <button class="print-report" {onclick}>{ t!("report-print") }</button> }
}

/// The print stylesheet's load: links `teacher/report.css` the first time (a link that
/// failed is taken off, and the next print tries again), and resolves once it is loaded.
/// The first time, also listens for the end of printing.
fn stylesheet() -> js_sys::Promise {
    if let Some(p) = STYLE.with(|s| s.borrow().clone()) {
        return p;
    }
    let document = gloo::utils::document();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let link = document.create_element("link");
        let (Ok(link), Some(head)) = (link, document.head()) else {
            let _ = reject.call0(&JsValue::NULL);
            return;
        };
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", "teacher/report.css");
        let _ = link.add_event_listener_with_callback("load", &resolve);
        let failed = {
            let link = link.clone();
            wasm_bindgen::closure::Closure::once_into_js(move || {
                link.remove();
                let _ = reject.call0(&JsValue::NULL);
            })
        };
        let _ = link.add_event_listener_with_callback("error", failed.unchecked_ref());
        let _ = head.append_child(&link);
    });
    STYLE.with(|s| *s.borrow_mut() = Some(promise.clone()));
    if !LISTENING.with(|l| l.replace(true)) {
        // Printing is over when the dialog closes: the app prints as itself again.
        let over = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
            if let Some(body) = gloo::utils::document().body() {
                let _ = body.remove_attribute(PRINTING);
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w.add_event_listener_with_callback("afterprint", over.as_ref().unchecked_ref());
        }
        over.forget();
    }
    promise
}
