//! The app state as Yew holds it: the core [`Model`] behind a reducer, the outbox its
//! effects go to, and the context and hook through which every component reads it.

use crate::effect::{Effect, FocusTarget};
use crate::state::{Action, Model};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Effects produced by the reducer and not yet carried out. Shared by every state, so that
/// effects of actions dispatched between two renders are never lost.
pub type Outbox = Rc<RefCell<Vec<Effect>>>;

/// The app state as Yew holds it: the core model behind a reducer, and the outbox its
/// effects go to.
#[derive(Clone, Debug, Default)]
pub struct AppState {
    pub model: Model,
    pub outbox: Outbox,
    /// Counts applied actions, so effects can run when it changes.
    pub revision: u64,
}

impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision && Rc::ptr_eq(&self.outbox, &other.outbox)
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut model = self.model.clone();
        let effects = model.apply(action);
        // New messages are timed from now (they fade from `shown`): the core reads no clock.
        model.session.notices.stamp(super::platform::now());
        // What the page can do at once (clear the selection, focus the text, which exist
        // before the next render) is done now, as a click handler would: done after the
        // render, it lands in the frame that paints the change (Save to its highlight
        // took ~25 ms more). The rest waits for the render in the outbox.
        let later: Vec<Effect> = effects.into_iter().filter(|e| !perform_now(e)).collect();
        self.outbox.borrow_mut().extend(later);
        Rc::new(AppState {
            model,
            outbox: self.outbox.clone(),
            revision: self.revision + 1,
        })
    }
}

/// Carries out at once an effect whose target exists before the next render (clearing the
/// page's selection, focusing the text); true if it did. The others are
/// [`super::effects::perform`]'s, after the render.
fn perform_now(effect: &Effect) -> bool {
    match effect {
        Effect::ClearSelection => super::text_view::clear_selection(),
        // Without scrolling: the text is taller than the window, and a plain focus()
        // scrolled it (after a save, the passage just tagged jumped some 200 px).
        Effect::Focus(FocusTarget::Text) => super::scroll::focus_in_place("doc-text"),
        _ => return false,
    }
    true
}

/// The handle every component uses to read the state and dispatch actions.
pub type AppContext = UseReducerHandle<AppState>;

/// Reads the app state from context. Panics only if used outside `<App>`, a programming
/// error caught by the component tests.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("use_app must be called inside <App>")
}
