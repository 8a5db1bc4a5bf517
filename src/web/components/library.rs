//! The library: the documents a user can open, each named by its title.

use crate::state::Action;
use crate::web::use_app;
use yew::prelude::*;

#[function_component(Library)]
pub fn library() -> Html {
    let app = use_app();
    let open = app.0.open.clone();
    html! {
        <nav class="library" aria-labelledby="library-title">
            <h2 id="library-title">{ "Library" }</h2>
            <ul class="doc-list">
                { for app.0.documents.iter().map(|doc| {
                    let id = doc.id.clone();
                    let onclick = {
                        let app = app.clone();
                        Callback::from(move |_| app.dispatch(Action::OpenDocument(id.clone())))
                    };
                    let current = open.as_deref() == Some(doc.id.as_str());
                    let desc_id = format!("desc-{}", doc.id);
                    html! {
                        <li key={doc.id.clone()}>
                            <button
                                class={classes!("doc-entry", current.then_some("current"))}
                                aria-label={doc.title.clone()}
                                aria-describedby={desc_id.clone()}
                                aria-current={current.then_some("page")}
                                {onclick}
                            >
                                <span class="doc-title">{ &doc.title }</span>
                                <span class="doc-desc" id={desc_id}>{ &doc.description }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </nav>
    }
}
