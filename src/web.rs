//! The browser shell: Yew components that draw the [`crate::state::Model`] and turn DOM
//! events into [`crate::state::Action`]s. Every direct `web-sys` call lives in [`dom`].

pub mod components;
pub mod dom;

use crate::state::{Action, Model};
use std::rc::Rc;
use yew::prelude::*;

/// The app state as Yew holds it: the core model behind a reducer.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct AppState(pub Model);

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut model = self.0.clone();
        model.apply(action);
        Rc::new(AppState(model))
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

/// Mounts the app on `<body>`.
pub fn start() {
    yew::Renderer::<components::app::App>::new().render();
}
