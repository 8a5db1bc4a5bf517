//! Mouse gestures that begin in an element and may end anywhere in the page: a drag that
//! selects from a word to below the last line, into a margin or over a side panel is
//! released outside the element it began in, where only the document hears it.

use gloo::events::{EventListener, EventListenerOptions};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, MouseEvent, Node};

/// Watches the presses of the main mouse button in the page (see [`watch_gestures`]).
/// Stops when dropped.
pub struct GestureWatch {
    _listeners: [EventListener; 2],
}

/// Starts watching: `on_release` hears, once, the release of every press of the main button
/// that began inside `el`, wherever the pointer then is, with whether it is inside `el`. A
/// press that began elsewhere (a side panel, the top bar) is never reported, whatever it
/// selects.
pub fn watch_gestures(
    el: &Element,
    on_release: impl Fn(&MouseEvent, bool) + 'static,
) -> GestureWatch {
    let began_inside = Rc::new(Cell::new(false));
    let document = gloo::utils::document();
    // Both in the capture phase, on the document: heard even where a handler of the page
    // stops the event from bubbling.
    let down = {
        let el = el.clone();
        let began_inside = began_inside.clone();
        EventListener::new_with_options(
            &document,
            "mousedown",
            EventListenerOptions::run_in_capture_phase(),
            move |e| {
                let main = e.dyn_ref::<MouseEvent>().is_some_and(|m| m.button() == 0);
                began_inside.set(main && target_in(&el, e));
            },
        )
    };
    let up = {
        let el = el.clone();
        EventListener::new_with_options(
            &document,
            "mouseup",
            EventListenerOptions::run_in_capture_phase(),
            move |e| {
                let Some(m) = e.dyn_ref::<MouseEvent>() else {
                    return;
                };
                // `replace`: one press, one report, even if another release follows.
                if m.button() == 0 && began_inside.replace(false) {
                    on_release(m, target_in(&el, e));
                }
            },
        )
    };
    GestureWatch {
        _listeners: [down, up],
    }
}

/// True when the event's target is `el` or lies inside it.
fn target_in(el: &Element, e: &Event) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<Node>().ok())
        .is_some_and(|n| el.contains(Some(&n)))
}
