//! What several components share in handling the user's input: what a click on an
//! annotation does, wherever the annotation is shown (the list, the card in the text), a
//! key press as the core's key map reads it, and what the teacher's tools ask.

use crate::annotation::Annotation;
use crate::keymap::KeyPress;
use crate::state::Action;
use crate::web::app_state::AppContext;
use yew::prelude::*;

/// A key event as [`crate::keymap`] reads it; `key` is the event's `key()`, owned by the
/// caller. Ctrl and ⌘ count alike.
pub fn key_press<'a>(e: &KeyboardEvent, key: &'a str) -> KeyPress<'a> {
    KeyPress {
        key,
        ctrl: e.ctrl_key() || e.meta_key(),
        shift: e.shift_key(),
        alt: e.alt_key(),
    }
}

/// A click that makes an annotation current and scrolls its highlight into view.
pub fn select_and_show(app: &AppContext, a: &Annotation) -> Callback<MouseEvent> {
    let app = app.clone();
    let id = a.id.clone();
    Callback::from(move |_: MouseEvent| app.dispatch(Action::Show(id.clone())))
}

/// A click that opens an annotation in the palette (which takes focus) and closes the card.
pub fn start_edit(app: &AppContext, id: &str) -> Callback<MouseEvent> {
    let app = app.clone();
    let id = id.to_string();
    Callback::from(move |_: MouseEvent| app.dispatch(Action::StartEdit(id.clone())))
}

/// The function the teacher's tools send what they ask to ([`crate::web::teacher::receive`]
/// reads it): each action is dispatched, and a passage asked for is scrolled to and
/// selected. One for the page's life, made at the first call: a tool's work outlives the
/// component that showed it (files still being read into Compare after its panel closed are
/// still added), and both tools share it.
pub fn teacher_receiver(app: &AppContext) -> js_sys::Function {
    use crate::web::teacher::{receive, Received};
    use wasm_bindgen::JsCast;
    thread_local! {
        static RECEIVER: std::cell::OnceCell<js_sys::Function> = const { std::cell::OnceCell::new() };
    }
    RECEIVER.with(|r| {
        r.get_or_init(|| {
            let dispatcher = app.dispatcher();
            let f =
                wasm_bindgen::closure::Closure::<dyn Fn(wasm_bindgen::JsValue)>::new(move |msg| {
                    match receive(&msg) {
                        Some(Received::Action(action)) => dispatcher.dispatch(*action),
                        Some(Received::Show(start, end)) => {
                            crate::web::scroll::scroll_to_span(start, end);
                            crate::web::text_view::select_span(start, end);
                        }
                        Some(Received::Kept) | None => {}
                    }
                });
            f.into_js_value().unchecked_into()
        })
        .clone()
    })
}
