//! Callbacks several components share: what a click on an annotation does, wherever the
//! annotation is shown (the list, the card in the text).

use crate::annotation::Annotation;
use crate::state::Action;
use crate::web::app_state::AppContext;
use crate::web::scroll;
use yew::prelude::*;

/// A click that marks an annotation and scrolls its highlight into view.
pub fn select_and_show(app: &AppContext, a: &Annotation) -> Callback<MouseEvent> {
    let app = app.clone();
    let id = a.id.clone();
    let (s, e) = (a.start, a.end);
    Callback::from(move |_: MouseEvent| {
        app.dispatch(Action::Select(Some(id.clone())));
        scroll::scroll_to_span(s, e);
    })
}

/// A click that opens an annotation in the palette, focuses its search, and runs `also`.
pub fn start_edit(app: &AppContext, id: &str, also: Option<Callback<()>>) -> Callback<MouseEvent> {
    let app = app.clone();
    let id = id.to_string();
    Callback::from(move |_: MouseEvent| {
        if let Some(also) = &also {
            also.emit(());
        }
        app.dispatch(Action::StartEdit(id.clone()));
        // The palette exists after the next render.
        gloo::timers::callback::Timeout::new(0, || scroll::focus_id("palette-search")).forget();
    })
}
