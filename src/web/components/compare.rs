//! Compare's panel. What is in it (the students' files, agreement, scores against an answer
//! key) is drawn by Compare's own module, imported the first time the panel opens
//! ([`crate::web::compare`]); this draws the empty panel, hands the module the open
//! document and its files in Compare whenever they change, and dispatches what it asks.

use crate::notices::Level;
use crate::state::Action;
use crate::web::app_state::use_app;
use crate::web::compare::{self, Shown};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[function_component(Compare)]
pub fn compare() -> Html {
    let app = use_app();
    let panel = use_node_ref();
    // Compare's messages, to actions: one function for the panel's life.
    let receive = {
        let dispatcher = app.dispatcher();
        use_memo((), move |_| {
            Closure::<dyn Fn(wasm_bindgen::JsValue)>::new(move |msg| {
                if let Some(action) = compare::receive(&msg) {
                    dispatcher.dispatch(action);
                }
            })
        })
    };
    let doc = app.model.open_document();
    let class = &app.model.class;
    // What Compare draws from: the document, its files (and which is the key), how they are
    // looked at, and the language; handed over again when one changes.
    let id = doc.map(|d| d.id.clone()).unwrap_or_default();
    let basis = (
        class.files(&id).map(|f| f.n).collect::<Vec<_>>(),
        class.key(&id),
        class.view,
        crate::i18n::language(),
        id,
    );
    {
        let (app, panel, receive) = (app.clone(), panel.clone(), receive.clone());
        use_effect_with(basis, move |_| {
            let model = &app.model;
            if let (Some(el), Some(doc)) = (panel.cast::<web_sys::Element>(), model.open_document())
            {
                let records = model
                    .class
                    .files(&doc.id)
                    .filter_map(|f| {
                        let key = crate::state::class::record_key(f.n);
                        model.class.record(f.n).map(|json| (key, json))
                    })
                    .collect();
                let shown = Shown {
                    doc,
                    records,
                    view: model.class.view,
                    annotator: model.session.annotator(),
                };
                let receive: &js_sys::Function = (*receive).as_ref().unchecked_ref();
                let loaded = compare::show(&el, shown, receive);
                let dispatcher = app.dispatcher();
                wasm_bindgen_futures::spawn_local(async move {
                    if loaded.await.is_err() {
                        dispatcher.dispatch(Action::Notify(Level::Error, t!("compare-no-module")));
                    }
                });
            }
        });
    }
    use_effect_with((), |_| compare::hide);
    html! {
        <aside class="side compare" aria-labelledby="compare-title" tabindex="0" ref={panel} />
    }
}
