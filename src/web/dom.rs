//! Every direct DOM call of the app: filling the reading view with the document text.
//! Components call these functions instead of `web-sys`, so the unsafe edges stay in one place.

use crate::text::{blocks, DocText};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The smallest display block, in bytes. Blocks end at line ends; 2 KB keeps a 5 MB document
/// to about 2,500 elements, few enough to create in one go, many enough that
/// `content-visibility: auto` skips the layout of everything off screen.
const MIN_BLOCK_BYTES: usize = 2048;

/// Replaces the children of `container` with the document text, as plain text nodes in
/// block elements. Each block carries `data-u16`, its start as a UTF-16 offset in the text,
/// so a DOM position converts to a document offset without walking the tree.
///
/// The text is set with `textContent`, never parsed as HTML: documents are untrusted.
pub fn render_text(container: &Element, text: &DocText) {
    container.set_text_content(None);
    let Some(document) = container.owner_document() else {
        return;
    };
    for (start, chunk) in blocks(text.as_str(), MIN_BLOCK_BYTES) {
        let Ok(block) = document.create_element("div") else {
            continue;
        };
        block.set_class_name("block");
        let _ = block.set_attribute("data-u16", &start.0.to_string());
        block.set_text_content(Some(chunk));
        let _ = container.append_child(&block);
    }
}

/// Moves keyboard focus to an element, if it is focusable.
pub fn focus(el: &Element) {
    if let Some(el) = el.dyn_ref::<HtmlElement>() {
        let _ = el.focus();
    }
}
