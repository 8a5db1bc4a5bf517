//! The root component: holds the state and lays out library, document and tag panel.

use crate::web::components::{library::Library, reader::Reader, tag_legend::TagLegend};
use crate::web::{AppContext, AppState};
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(AppState::default);
    let open = state.0.open_document().cloned();
    html! {
        <ContextProvider<AppContext> context={state.clone()}>
            <div class="app" data-app-ready="true">
                <header class="topbar">
                    <span class="brand">{ "GCM Annotator" }</span>
                    <span class="tagline">{ "Tag texts with the Global Compact for Migration's objectives and guiding principles" }</span>
                </header>
                <Library />
                <main class="reading" id="main">
                    if let Some(doc) = open {
                        <Reader doc={doc} />
                    } else {
                        <section class="welcome" aria-labelledby="welcome-title">
                            <h1 id="welcome-title">{ "Choose a document to read" }</h1>
                            <p>{ "Open one of the texts in the library. Select a passage, then tag it with the Global Compact's objectives and guiding principles." }</p>
                            <p>{ "Everything stays in this browser: nothing is sent anywhere unless you export it." }</p>
                        </section>
                    }
                </main>
                <TagLegend />
            </div>
        </ContextProvider<AppContext>>
    }
}
