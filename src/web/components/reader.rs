//! The reading view: the document's title and its full text.
//!
//! The text is not Yew-managed markup: it is written once per document into `#doc-text` as
//! plain text nodes (see [`crate::web::dom::render_text`]), so a 5 MB document is never
//! re-diffed, and highlights are drawn over it with the CSS Custom Highlight API instead of
//! wrapping passages in elements.

use crate::document::Document;
use crate::web::dom;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub doc: Document,
}

#[function_component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let text_ref = use_node_ref();
    {
        let text_ref = text_ref.clone();
        let text = props.doc.text.clone();
        use_effect_with(props.doc.id.clone(), move |_| {
            if let Some(el) = text_ref.cast::<web_sys::Element>() {
                dom::render_text(&el, &text);
            }
        });
    }
    html! {
        <article class="document" aria-labelledby="doc-title">
            <h1 id="doc-title">{ &props.doc.title }</h1>
            <p class="doc-meta">{ &props.doc.description }</p>
            <div id="doc-text" class="doc-text" ref={text_ref} tabindex="0"
                 aria-label="Document text" role="document"></div>
        </article>
    }
}
