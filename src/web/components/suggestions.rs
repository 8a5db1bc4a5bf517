//! The suggestions panel's host. What is in it (the passages the app proposes to tag, see
//! [`crate::suggest`], accepted or rejected one by one or all at once for one tag) is drawn
//! by the teacher's tools' module, imported the first time the panel opens
//! ([`crate::web::teacher`]): it weighed 4 KB of the first load here. This draws the empty
//! panel, hands the module the open document, its annotations and what the assignment
//! allows whenever they change, with the user's own annotations in every document and the
//! suggester's stored record, which the module learns from and sends back to be stored
//! ([`crate::suggest::learner`]); and dispatches what it asks (accepting is one action, so
//! that one Undo takes back an "accept all").

use crate::notices::Level;
use crate::state::Action;
use crate::suggest::learner::{examples_to_json, Example};
use crate::web::app_state::use_app;
use crate::web::intents::teacher_receiver;
use crate::web::teacher;
use yew::prelude::*;

#[function_component(Suggestions)]
pub fn suggestions() -> Html {
    let app = use_app();
    let panel = use_node_ref();
    let receive = teacher_receiver(&app);
    let model = &app.model;
    let doc = model.open_document().map(|d| d.id.clone());
    // The annotations, by a fingerprint: copied across only when they change. All of them,
    // not only the document's: the suggester learns from the user's annotations everywhere.
    let marks = teacher::fingerprint(model.library.annotations().iter());
    let handout = model.library.assignment();
    let allowed = crate::assignment::suggestions_allowed(handout);
    let scope = handout.map(|a| a.tags.clone()).unwrap_or_default();
    let read_only = model.session.read_only.is_some();
    let basis = (
        doc,
        marks,
        allowed,
        scope,
        crate::i18n::language(),
        read_only,
    );
    {
        let (app, panel) = (app.clone(), panel.clone());
        use_effect_with(basis, move |(_, _, allowed, scope, _, _)| {
            if let (Some(el), Some(doc)) =
                (panel.cast::<web_sys::Element>(), app.model.open_document())
            {
                let have: Vec<_> = (app.model.library.annotations().iter())
                    .filter(|a| a.document == doc.id)
                    .cloned()
                    .collect();
                let have = crate::storage::encode_chunk(&have);
                let mine: Vec<Example> = (app.model.library.annotations().iter())
                    .filter_map(Example::of)
                    .collect();
                let learning = teacher::Learning {
                    mine: &examples_to_json(&mine),
                    record: app.model.suggester.as_deref(),
                    read_only: app.model.session.read_only.is_some(),
                };
                let loaded = teacher::show_suggestions(
                    &el,
                    doc,
                    &have,
                    (*allowed, scope),
                    learning,
                    &receive,
                );
                let dispatcher = app.dispatcher();
                wasm_bindgen_futures::spawn_local(async move {
                    if loaded.await.is_err() {
                        dispatcher.dispatch(Action::Notify(Level::Error, t!("suggest-no-module")));
                    }
                });
            }
        });
    }
    use_effect_with((), |_| teacher::hide_suggestions);
    html! {
        <aside class="side" aria-labelledby="sugg-title" tabindex="0" ref={panel} />
    }
}
