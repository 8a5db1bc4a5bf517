//! The Export panel's "Hand out as an assignment…": a `<details>` whose form (texts,
//! instructions, codes in scope, suggestions, given examples) is drawn by the teacher's
//! tools' module ([`crate::web::teacher`]), imported the first time a user opens it. This
//! draws the summary, hands the form the documents and the user's own codes, and
//! dispatches what it asks: the core writes the file (`Action::ExportAssignment`).

use crate::web::app_state::use_app;
use crate::web::intents::teacher_receiver;
use crate::web::teacher;
use gloo::events::{EventListener, EventListenerOptions};
use web_sys::HtmlDetailsElement;
use yew::prelude::*;

#[function_component(AssignmentForm)]
pub fn assignment_form() -> Html {
    let app = use_app();
    let body = use_node_ref();
    // Opened once: the form is drawn from then on, and kept while the panel is open (a
    // closed `<details>` hides it, with what the teacher typed).
    let opened = use_state(|| false);
    let receive = teacher_receiver(&app);
    // What the form is handed, gathered only once it has been opened (the panel is drawn
    // again on every action while it is open).
    let library = &app.model.library;
    let (documents, own): (Vec<_>, Vec<_>) = match *opened {
        true => (
            (library.documents().iter())
                .map(|d| (d.id.clone(), d.title.clone()))
                .collect::<Vec<(String, String)>>(),
            (library.codebook().own().iter())
                .map(|c| (c.id.clone(), c.name.clone()))
                .collect(),
        ),
        false => Default::default(),
    };
    let open = app.model.session.open.clone();
    {
        let (body, receive, dispatcher) = (body.clone(), receive.clone(), app.dispatcher());
        let basis = (*opened, documents, own, open, crate::i18n::language());
        use_effect_with(basis, move |(opened, documents, own, open, _)| {
            let el = body.cast::<web_sys::Element>().filter(|_| *opened);
            if let Some(el) = el {
                let loaded =
                    teacher::show_assignment(&el, documents, open.as_deref(), own, &receive);
                teacher::say_if_not_loaded(loaded, dispatcher.clone(), || t!("assign-no-module"));
            }
        });
    }
    // A file dropped on the form (which the module draws: Yew hands the app only its own
    // elements' events) is not opened in the tab in place of the app.
    {
        let body = body.clone();
        use_effect_with((), move |_| {
            let listeners = body.cast::<web_sys::Element>().map(|el| {
                let stop = |name| {
                    let options = EventListenerOptions::enable_prevent_default();
                    EventListener::new_with_options(&el, name, options, |e| e.prevent_default())
                };
                (stop("dragover"), stop("drop"))
            });
            move || drop(listeners)
        });
    }
    use_effect_with((), |_| teacher::hide_assignment);
    let ontoggle = {
        let opened = opened.clone();
        Callback::from(move |e: Event| {
            if e.target_unchecked_into::<HtmlDetailsElement>().open() && !*opened {
                opened.set(true);
            }
        })
    };
    html! {
        <details class="assignment-form" {ontoggle}>
            <summary>{ t!("assign-form-title") }</summary>
            <div class="assignment-body" ref={body} />
        </details>
    }
}
