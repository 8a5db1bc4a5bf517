//! Compare's panel. What is in it (the students' files, agreement, scores against an answer
//! key) is drawn by the teacher's tools' module, imported the first time the panel opens
//! ([`crate::web::teacher`]); this draws the empty panel, hands the module the open
//! document and its files in Compare whenever they change, and dispatches what it asks.

use crate::web::app_state::use_app;
use crate::web::intents::teacher_receiver;
use crate::web::teacher::{self, Shown};
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The open document's gold standard: its curated annotations.
fn gold_of(model: &crate::state::Model) -> impl Iterator<Item = &crate::annotation::Annotation> {
    let doc = model
        .open_document()
        .map(|d| d.id.clone())
        .unwrap_or_default();
    (model.library.annotations().iter())
        .filter(move |a| a.document == doc && a.origin == crate::annotation::Origin::Curated)
}

#[function_component(Compare)]
pub fn compare() -> Html {
    let app = use_app();
    let panel = use_node_ref();
    let receive = teacher_receiver(&app);
    // What Compare draws from: the document, Compare's files, how they are looked at, the
    // language and the user's name; handed over again when one changes.
    let class = &app.model.class;
    let doc = app
        .model
        .open_document()
        .map(|d| (d.id.clone(), d.title.clone()));
    let name = app.model.session.annotator();
    let gold = teacher::fingerprint(gold_of(&app.model));
    let basis = (
        class.revision(),
        class.view,
        crate::i18n::language(),
        doc,
        name,
        gold,
    );
    // The revision of the records last handed over: they are copied across only when they
    // changed (a class of 30 is megabytes), not when a column is sorted; the gold
    // standard likewise, by its fingerprint.
    let handed = use_mut_ref(|| None::<u64>);
    let handed_gold = use_mut_ref(|| None::<(usize, i64, usize)>);
    // The hand-over goes in a task of its own, after the one that changed the state: with a
    // gold standard of 14,000 passages, settling it, writing it for Compare and Compare's
    // drawing it again were one task of 255 ms. Only the last hand-over asked for is made
    // (each one's number; the one in `latest` goes).
    let latest = use_mut_ref(|| 0u64);
    {
        let (app, panel, latest) = (app.clone(), panel.clone(), latest.clone());
        use_effect_with(basis, move |_| {
            let number = {
                let mut n = latest.borrow_mut();
                *n += 1;
                *n
            };
            wasm_bindgen_futures::spawn_local(async move {
                gloo::timers::future::TimeoutFuture::new(0).await;
                if *latest.borrow() != number {
                    return;
                }
                let model = &app.model;
                let el = panel
                    .cast::<web_sys::Element>()
                    .filter(|el| el.is_connected());
                if let (Some(el), Some(doc)) = (el, model.open_document()) {
                    let revision = Some(model.class.revision());
                    let changed = handed.replace(revision) != revision;
                    let print = Some(teacher::fingerprint(gold_of(model)));
                    let gold_changed = handed_gold.replace(print) != print;
                    let shown = Shown {
                        doc,
                        records: changed.then(|| model.class.all()),
                        gold: gold_changed.then(|| {
                            let gold: Vec<_> = gold_of(model).cloned().collect();
                            crate::storage::encode_chunk(&gold)
                        }),
                        view: model.class.view,
                        annotator: model.session.annotator(),
                        annotator_id: model.session.annotator_id().to_string(),
                    };
                    let loaded = teacher::show_compare(&el, shown, &receive);
                    teacher::say_if_not_loaded(loaded, app.dispatcher(), || {
                        t!("compare-no-module")
                    });
                }
            });
        });
    }
    // Files dropped on the panel are added to Compare. Listeners of the page's, not Yew's:
    // Yew hands the app only the events of its own elements, and the module draws the
    // panel's content (a file dropped there would otherwise open in the tab).
    {
        let panel = panel.clone();
        use_effect_with((), move |_| {
            let listeners = panel.cast::<web_sys::Element>().map(|el| {
                let over = EventListener::new_with_options(
                    &el,
                    "dragover",
                    EventListenerOptions::enable_prevent_default(),
                    |e| e.prevent_default(),
                );
                let drop = EventListener::new_with_options(
                    &el,
                    "drop",
                    EventListenerOptions::enable_prevent_default(),
                    |e| {
                        e.prevent_default();
                        let files = e
                            .dyn_ref::<web_sys::DragEvent>()
                            .and_then(|d| d.data_transfer()?.files());
                        if let Some(files) = files {
                            let list: js_sys::Array =
                                (0..files.length()).filter_map(|i| files.get(i)).collect();
                            teacher::add_to_compare(&list);
                        }
                    },
                );
                (over, drop)
            });
            move || drop(listeners)
        });
    }
    use_effect_with((), move |_| {
        // A hand-over on its way is not made once the panel is gone.
        move || {
            *latest.borrow_mut() += 1;
            teacher::hide_compare()
        }
    });
    html! {
        <aside class="side compare" aria-labelledby="compare-title" tabindex="0" ref={panel} />
    }
}
