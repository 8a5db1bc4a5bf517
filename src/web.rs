//! The browser shell: Yew components that draw the [`crate::state::Model`] and turn DOM
//! events into [`crate::state::Action`]s. Direct DOM calls live in [`text_view`] (the
//! text, DOM <-> offsets, the selection), [`scroll`] (scrolling, focus) and [`platform`]
//! (clock, ids, downloads, fetch, idle scheduling); every highlight in [`highlights`], every
//! storage call in [`store`].

pub mod components;
pub mod crash;
pub mod highlights;
pub mod platform;
pub mod scroll;
pub mod store;
pub mod text_view;

use crate::state::{Action, Effect, Model};
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

/// How long start-up waits for a seed text before going on without it.
const SEED_TIMEOUT_MS: u32 = 8_000;

/// Fetches the seed texts (copied beside the app by Trunk) while reading the user's work from
/// storage, then mounts the app on `<body>`, with the crash page ready for a bug.
pub fn start() {
    crash::install();
    wasm_bindgen_futures::spawn_local(async {
        // A fetch that never answers must not keep the app from starting: after
        // SEED_TIMEOUT_MS the seed counts as missing, which the app says in a notice.
        let fetches = crate::seeds::SEEDS.iter().map(|s| {
            let fetch = Box::pin(platform::fetch_text(format!("seeds/{}", s.file)));
            let timeout = gloo::timers::future::TimeoutFuture::new(SEED_TIMEOUT_MS);
            async move {
                match futures::future::select(fetch, timeout).await {
                    futures::future::Either::Left((text, _)) => text,
                    futures::future::Either::Right(_) => Err("timed out".to_string()),
                }
            }
        });
        // The user's work is read from storage meanwhile (decoded once the seeds are here).
        let (texts, early) = futures::join!(futures::future::join_all(fetches), store::read());
        store::keep_early(early);
        let mut provided: [Option<String>; 5] = Default::default();
        for (slot, text) in provided.iter_mut().zip(texts) {
            *slot = text.ok();
        }
        crate::seeds::provide(provided);
        yew::Renderer::<components::app::App>::new().render();
    });
}
