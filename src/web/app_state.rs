//! The app state as Yew holds it: the core [`Model`] behind a reducer, the outbox its
//! effects go to, and the context and hook through which every component reads it.

use crate::effect::Effect;
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
        self.outbox.borrow_mut().extend(effects);
        Rc::new(AppState {
            model,
            outbox: self.outbox.clone(),
            revision: self.revision + 1,
        })
    }
}

/// The handle every component uses to read the state and dispatch actions.
pub type AppContext = UseReducerHandle<AppState>;

/// Reads the app state from context. Panics only if used outside `<App>`, a programming
/// error caught by the component tests.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("use_app must be called inside <App>")
}
