//! Compare's panel. What is in it (the students' files, agreement, scores against an answer
//! key) is drawn by the teacher's tools' module, imported the first time the panel opens
//! ([`crate::web::teacher`]); this draws the empty panel, hands the module the open
//! document and its files in Compare whenever they change, and dispatches what it asks.

use crate::notices::Level;
use crate::state::Action;
use crate::web::app_state::use_app;
use crate::web::intents::use_teacher_receiver;
use crate::web::teacher::{self, Shown};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[function_component(Compare)]
pub fn compare() -> Html {
    let app = use_app();
    let panel = use_node_ref();
    let receive = use_teacher_receiver(&app);
    // What Compare draws from: the document, Compare's files, how they are looked at, and
    // the language; handed over again when one changes.
    let class = &app.model.class;
    let id = app.model.open_document().map(|d| d.id.clone());
    let basis = (class.revision(), class.view, crate::i18n::language(), id);
    {
        let (app, panel, receive) = (app.clone(), panel.clone(), receive.clone());
        use_effect_with(basis, move |_| {
            let model = &app.model;
            if let (Some(el), Some(doc)) = (panel.cast::<web_sys::Element>(), model.open_document())
            {
                let shown = Shown {
                    doc,
                    records: model.class.all(),
                    view: model.class.view,
                    annotator: model.session.annotator(),
                };
                let receive: &js_sys::Function = (*receive).as_ref().unchecked_ref();
                let loaded = teacher::show_compare(&el, shown, receive);
                let dispatcher = app.dispatcher();
                wasm_bindgen_futures::spawn_local(async move {
                    if loaded.await.is_err() {
                        dispatcher.dispatch(Action::Notify(Level::Error, t!("compare-no-module")));
                    }
                });
            }
        });
    }
    use_effect_with((), |_| teacher::hide_compare);
    html! {
        <aside class="side compare" aria-labelledby="compare-title" tabindex="0" ref={panel} />
    }
}
