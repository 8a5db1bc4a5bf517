//! Scrolling and focus: bringing a span of the text (offsets in `Cp`, code points) into
//! the reading view, reading where the reader is, and moving keyboard focus.

use super::text_view::{range_of, with_rendered};
use crate::text::{Bias, Cp};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Range};

/// Where a scrolled-to span lands in the reading view.
#[derive(Clone, Copy)]
enum Landing {
    /// A third of the way down: room to read what comes before.
    Third,
    /// On the first line: where the reader was.
    Top,
}

/// Scrolls the reading view so that a span is a third of the way down the screen, and
/// corrects once more a moment later: blocks that come into view get their real height,
/// which can move the span.
pub fn scroll_to_span(start: Cp, end: Cp) {
    scroll_to(start, Cp(end.0.min(start.0 + 1)), Landing::Third);
}

/// Scrolls the reading view so that code point `at` is on its first line (restoring where
/// the reader was).
pub fn scroll_to_top_line(at: Cp) {
    scroll_to(at, Cp(at.0 + 1), Landing::Top);
}

fn scroll_to(start: Cp, end: Cp, landing: Landing) {
    place(start, end, landing);
    gloo::timers::callback::Timeout::new(60, move || place(start, end, landing)).forget();
}

fn place(start: Cp, end: Cp, landing: Landing) {
    let Some(range) = range_of(start, end) else {
        return;
    };
    let Some(scroller) = scroller_of(&range) else {
        return;
    };
    // Twice: the first pass lays out the block (content-visibility may have skipped it and
    // estimated its height), the second places the span.
    for _ in 0..2 {
        let rect = range.get_bounding_client_rect();
        let view = scroller.get_bounding_client_rect();
        let offset = match landing {
            Landing::Third => view.height() / 3.0,
            Landing::Top => 8.0,
        };
        let target = scroller.scroll_top() + rect.top() - view.top() - offset;
        scroller.set_scroll_top(target.max(0.0));
    }
}

/// The scrolling reading view that holds a range.
fn scroller_of(range: &Range) -> Option<Element> {
    range
        .start_container()
        .ok()?
        .parent_element()?
        .closest(".reading")
        .ok()
        .flatten()
}

/// Scrolls the caret at `at` into view if it is off screen (keyboard selection).
pub fn scroll_to_span_if_hidden(at: Cp) {
    let Some(range) = range_of(at, at) else {
        return;
    };
    let Some(scroller) = scroller_of(&range) else {
        return;
    };
    let rect = range.get_bounding_client_rect();
    let view = scroller.get_bounding_client_rect();
    if rect.top() < view.top() + 20.0 || rect.bottom() > view.bottom() - 20.0 {
        scroll_to_span(at, Cp(at.0 + 1));
    }
}

/// The first code point visible at the top of the reading view, to restore the scroll
/// position after a reload whatever the window size.
pub fn first_visible_offset() -> Option<Cp> {
    with_rendered(|r| {
        let rect = r.container.get_bounding_client_rect();
        let scroller = r.container.closest(".reading").ok()??;
        let top = scroller.get_bounding_client_rect().top().max(rect.top()) + 8.0;
        let document = r.container.owner_document()?;
        let pos = document.caret_position_from_point((rect.left() + 4.0) as f32, top as f32)?;
        let at = r.text_offset(&pos.offset_node()?, pos.offset())?;
        r.text.cp_of_utf16(at, Bias::Floor)
    })
}

/// Moves keyboard focus to an element, if it is focusable.
pub fn focus(el: &Element) {
    if let Some(el) = el.dyn_ref::<HtmlElement>() {
        let _ = el.focus();
    }
}

/// Focuses the element with this id without scrolling it into view (`preventScroll`): the
/// text is taller than the window, and a plain focus() scrolled it to its start.
pub fn focus_in_place(id: &str) {
    let el = gloo::utils::document().get_element_by_id(id);
    if let Some(el) = el.as_ref().and_then(|e| e.dyn_ref::<HtmlElement>()) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}

/// Focuses the element with this id; false if there is none.
pub fn focus_id(id: &str) -> bool {
    let el = gloo::utils::document().get_element_by_id(id);
    el.inspect(focus).is_some()
}

/// Focuses the element with this id if the focus was lost (on `<body>`, as when the
/// button that had it is gone, or on a hidden file input), and leaves it where the user put
/// it otherwise.
pub fn refocus_if_lost(id: &str) {
    let document = gloo::utils::document();
    let lost = document
        .active_element()
        .is_none_or(|a| a.tag_name() == "BODY" || a.class_list().contains("visually-hidden"));
    if lost {
        focus_id(id);
    }
}
