//! The reading view: the document's title and its full text, with highlights, mouse and
//! keyboard selection, and a card showing the tags and notes of the passage under the
//! pointer or the keyboard.
//!
//! The text is not Yew-managed markup: it is written once per document into `#doc-text` as
//! plain text nodes (see [`text_view::render_text`]), so a 5 MB document is never re-diffed, and
//! highlights are drawn over it with the CSS Custom Highlight API ([`Layer`]).
//!
//! Keyboard: the text is focusable. Arrow keys move a caret (Ctrl: by word; Home/End: line),
//! Shift extends a selection, Enter tags the selection (or edits the selected annotation),
//! N and P move between annotations, Delete deletes the selected one, Escape cancels.

use crate::annotation::Annotation;
use crate::caret::{move_caret, Motion};
use crate::document::Document;
use crate::state::Action;
use crate::text::{Bias, Cp};
use crate::web::app_state::{use_app, AppContext};
use crate::web::components::tag_chips::TagChips;
use crate::web::highlights::Layer;
use crate::web::intents::{select_and_show, start_edit};
use crate::web::store::{Saver, SaverHandle};
use crate::web::{scroll, text_view};
use gloo::timers::callback::Timeout;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub doc: Document,
    /// The first code point to show, when the reader comes back to this document.
    #[prop_or_default]
    pub scroll_to: Option<usize>,
}

/// The annotations under the pointer (or the keyboard) and where to show them.
#[derive(Clone, PartialEq)]
struct Card {
    ids: Vec<String>,
    x: f64,
    y: f64,
    /// Shown by a click or the keyboard: stays until dismissed, and its buttons can be used.
    pinned: bool,
}

#[function_component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let app = use_app();
    let saver = use_context::<SaverHandle>();
    let text_ref = use_node_ref();
    let layer = use_mut_ref(|| None::<Layer>);
    // Which stretch of text is near the screen, for documents with many highlights.
    let watch = use_mut_ref(|| None::<text_view::BlockWatch>);
    // The keyboard selection: (anchor, head). None until the keyboard is used.
    let caret = use_mut_ref(|| None::<(Cp, Cp)>);
    let card = use_state(|| None::<Card>);
    let announce = use_state(String::new);
    let scroll_timer = use_mut_ref(|| None::<Timeout>);
    let doc_id = props.doc.id.clone();

    // Write the text once per document, and draw its highlights.
    {
        let text_ref = text_ref.clone();
        let layer = layer.clone();
        let doc = props.doc.clone();
        let scroll_to = props.scroll_to;
        let app = app.clone();
        let watch = watch.clone();
        use_effect_with(doc_id.clone(), move |_| {
            let el = text_ref.cast::<web_sys::Element>();
            if let Some(el) = &el {
                text_view::render_text(el, &doc.id, &doc.text);
            }
            {
                let mut l = layer.borrow_mut();
                if l.is_none() {
                    *l = Layer::install();
                }
                if let Some(l) = l.as_mut() {
                    l.clear();
                    l.sync_document(&app.model.annotations, &doc.id);
                }
            }
            if let Some(el) = &el {
                let layer = layer.clone();
                let text = doc.text.clone();
                // Two screens above and below: highlights are in place before they scroll in.
                *watch.borrow_mut() = text_view::watch_blocks(el, "200% 0px", move |lo, hi| {
                    let lo = text.cp_of_utf16(lo, Bias::Floor).unwrap_or(Cp(0));
                    let hi = text.cp_of_utf16(hi, Bias::Ceil).unwrap_or(text.len_cp());
                    if let Some(l) = layer.borrow_mut().as_mut() {
                        l.set_window(Some((lo, hi)));
                    }
                });
            }
            if let Some(at) = scroll_to {
                scroll::scroll_to_top_line(Cp(at));
            }
            let layer = layer.clone();
            move || {
                *watch.borrow_mut() = None;
                *layer.borrow_mut() = None;
                text_view::forget_text();
            }
        });
    }

    // Yew runs effects after its renders; but when rendering took over 16 ms (an import of
    // 10,000 redraws the list) it first yields to the browser, which paints the new list
    // over the old highlights, and the effect below draws the new ones a frame later. So
    // the annotations' highlights are also drawn at the end of this task (a microtask runs
    // before the browser paints); the effect then finds them drawn.
    {
        let layer = layer.clone();
        let doc_id = doc_id.clone();
        let app = app.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(l) = layer.borrow_mut().as_mut() {
                if text_view::rendered_doc().as_deref() == Some(doc_id.as_str()) {
                    l.sync_document(&app.model.annotations, &doc_id);
                }
            }
        });
    }

    // Keep the highlights in step with the annotations, the selection and the pending span.
    {
        let layer = layer.clone();
        let doc_id = doc_id.clone();
        let app = app.clone();
        let text_ref = text_ref.clone();
        let doc = props.doc.clone();
        use_effect_with(app.revision, move |_| {
            // Should the text's container ever be replaced, write the text again.
            if let Some(el) = text_ref.cast::<web_sys::Element>() {
                if !text_view::is_rendered_in(&el) {
                    text_view::render_text(&el, &doc.id, &doc.text);
                    if let Some(l) = layer.borrow_mut().as_mut() {
                        l.clear();
                    }
                }
            }
            if let Some(l) = layer.borrow_mut().as_mut() {
                if text_view::rendered_doc().as_deref() == Some(doc_id.as_str()) {
                    let m = &app.model;
                    l.sync_document(&m.annotations, &doc_id);
                    l.show_selected(
                        m.selected
                            .as_deref()
                            .and_then(|id| m.annotation(id))
                            .map(|a| (a.start, a.end)),
                    );
                    l.show_pending(m.pending.as_ref().map(|p| (p.start, p.end)));
                    l.show_marked(m.marked.iter().copied());
                    l.show_agreed(m.agreed.iter().copied());
                }
            }
        });
    }

    let text_len = props.doc.text.len_cp();

    // Mouse: a drag selects a passage; a click on a highlight selects its annotation.
    let onmouseup = {
        let app = app.clone();
        let card = card.clone();
        let doc_id = doc_id.clone();
        let caret = caret.clone();
        let layer = layer.clone();
        Callback::from(move |e: MouseEvent| {
            if e.button() != 0 {
                return;
            }
            *caret.borrow_mut() = None;
            if let Some(l) = layer.borrow().as_ref() {
                l.show_caret(None, text_len);
            }
            if let Some((start, end)) = text_view::selection_span() {
                card.set(None);
                app.dispatch(Action::Propose { start, end });
                return;
            }
            let (x, y) = (e.client_x(), e.client_y());
            let hits = hits_at(&app, &doc_id, x, y);
            if hits.is_empty() {
                card.set(None);
                if app.model.pending.is_some() {
                    app.dispatch(Action::CancelPending);
                }
                app.dispatch(Action::Select(None));
            } else {
                app.dispatch(Action::Select(Some(hits[0].clone())));
                card.set(Some(Card {
                    ids: hits,
                    x,
                    y,
                    pinned: true,
                }));
            }
        })
    };

    // Hover: show what is under the pointer.
    let onmousemove = {
        let app = app.clone();
        let card = card.clone();
        let doc_id = doc_id.clone();
        Callback::from(move |e: MouseEvent| {
            if card.as_ref().is_some_and(|c| c.pinned) || e.buttons() != 0 {
                return;
            }
            let (x, y) = (e.client_x(), e.client_y());
            let hits = hits_at(&app, &doc_id, x, y);
            let current = card.as_ref().map(|c| c.ids.clone()).unwrap_or_default();
            if hits != current {
                card.set((!hits.is_empty()).then_some(Card {
                    ids: hits,
                    x,
                    y,
                    pinned: false,
                }));
            }
        })
    };
    let onmouseleave = {
        let card = card.clone();
        Callback::from(move |_: MouseEvent| {
            if card.as_ref().is_some_and(|c| !c.pinned) {
                card.set(None);
            }
        })
    };

    // Keyboard: caret, selection, and moving between annotations.
    let onkeydown = {
        let app = app.clone();
        let caret = caret.clone();
        let layer = layer.clone();
        let card = card.clone();
        let announce = announce.clone();
        let doc = props.doc.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.alt_key() {
                return;
            }
            let ctrl = e.ctrl_key() || e.meta_key();
            let motion = match (e.key().as_str(), ctrl) {
                ("ArrowLeft", false) => Some(Motion::Left),
                ("ArrowRight", false) => Some(Motion::Right),
                ("ArrowLeft", true) => Some(Motion::WordLeft),
                ("ArrowRight", true) => Some(Motion::WordRight),
                ("ArrowUp", _) => Some(Motion::LineUp),
                ("ArrowDown", _) => Some(Motion::LineDown),
                ("Home", false) => Some(Motion::LineStart),
                ("End", false) => Some(Motion::LineEnd),
                ("Home", true) => Some(Motion::TextStart),
                ("End", true) => Some(Motion::TextEnd),
                _ => None,
            };
            if let Some(motion) = motion {
                e.prevent_default();
                let (anchor, head) = caret.borrow().unwrap_or_else(|| {
                    let start = app
                        .model
                        .selected
                        .as_deref()
                        .and_then(|id| app.model.annotation(id))
                        .map(|a| a.start)
                        .or_else(scroll::first_visible_offset)
                        .unwrap_or(Cp(0));
                    (start, start)
                });
                let head = move_caret(&doc.text, head, motion);
                let anchor = if e.shift_key() { anchor } else { head };
                *caret.borrow_mut() = Some((anchor, head));
                card.set(None);
                if let Some(l) = layer.borrow().as_ref() {
                    if anchor == head {
                        text_view::clear_selection();
                        l.show_caret(Some(head), doc.text.len_cp());
                    } else {
                        l.show_caret(None, doc.text.len_cp());
                        text_view::select_span(anchor, head);
                    }
                }
                scroll::scroll_to_span_if_hidden(head);
                if anchor != head {
                    app.dispatch(Action::Propose {
                        start: anchor.min(head),
                        end: anchor.max(head),
                    });
                } else if app.model.pending.is_some() {
                    app.dispatch(Action::CancelPending);
                }
                return;
            }
            if ctrl {
                return;
            }
            match e.key().as_str() {
                "Enter" => {
                    e.prevent_default();
                    if app.model.pending.is_some() {
                        scroll::focus_id("palette-search");
                    } else if let Some(id) = app.model.selected.clone() {
                        app.dispatch(Action::StartEdit(id));
                        // The palette exists after the next render.
                        Timeout::new(0, || scroll::focus_id("palette-search")).forget();
                    }
                }
                "n" | "p" | "N" | "P" => {
                    let forward = e.key().eq_ignore_ascii_case("n");
                    if let Some(id) = app.model.neighbour(&doc.id, forward) {
                        e.prevent_default();
                        let list = app.model.annotations_of(&doc.id);
                        let pos = list.iter().position(|a| a.id == id).unwrap_or(0);
                        if let Some(a) = app.model.annotation(&id) {
                            scroll::scroll_to_span(a.start, a.end);
                            *caret.borrow_mut() = Some((a.start, a.start));
                            if let Some(l) = layer.borrow().as_ref() {
                                l.show_caret(None, doc.text.len_cp());
                            }
                            text_view::clear_selection();
                            announce.set(format!(
                                "Annotation {} of {}: {}",
                                pos + 1,
                                list.len(),
                                describe(a)
                            ));
                            if let Some((x, _, bottom)) = text_view::span_box(a.start, a.end) {
                                card.set(Some(Card {
                                    ids: vec![id.clone()],
                                    x,
                                    y: bottom,
                                    pinned: true,
                                }));
                            }
                        }
                        app.dispatch(Action::Select(Some(id)));
                    }
                }
                "Delete" | "Backspace" => {
                    if let Some(id) = app.model.selected.clone() {
                        e.prevent_default();
                        card.set(None);
                        app.dispatch(Action::Delete(id));
                    }
                }
                "Escape" => {
                    card.set(None);
                    text_view::clear_selection();
                    *caret.borrow_mut() = None;
                    if let Some(l) = layer.borrow().as_ref() {
                        l.show_caret(None, doc.text.len_cp());
                    }
                    app.dispatch(Action::CancelPending);
                    app.dispatch(Action::Select(None));
                }
                _ => {}
            }
        })
    };

    let onblur = {
        let layer = layer.clone();
        Callback::from(move |_: FocusEvent| {
            if let Some(l) = layer.borrow().as_ref() {
                l.show_caret(None, text_len);
            }
        })
    };

    // Remember where the reader is, a moment after scrolling stops.
    let onscroll = {
        let app = app.clone();
        let saver = saver.clone();
        let doc_id = doc_id.clone();
        Callback::from(move |_: Event| {
            let app = app.clone();
            let saver = saver.clone();
            let doc_id = doc_id.clone();
            *scroll_timer.borrow_mut() = Some(Timeout::new(400, move || {
                if let (Some(at), Some(SaverHandle(s))) = (scroll::first_visible_offset(), saver) {
                    Saver::save_scroll(&s, &doc_id, at.0, &app.model);
                }
            }));
        })
    };
    // The scroll event fires on `.reading`, the scrolling ancestor; listen there.
    {
        let text_ref = text_ref.clone();
        let onscroll = onscroll.clone();
        use_effect_with(doc_id.clone(), move |_| {
            let listener = text_ref
                .cast::<web_sys::Element>()
                .and_then(|el| el.closest(".reading").ok().flatten())
                .map(|scroller| {
                    gloo::events::EventListener::new(&scroller, "scroll", move |e| {
                        onscroll.emit(e.clone())
                    })
                });
            move || drop(listener)
        });
    }

    let card_view = card.as_ref().map(|c| {
        let annotations: Vec<Annotation> = c
            .ids
            .iter()
            .filter_map(|id| app.model.annotation(id).cloned())
            .collect();
        view_card(c, &annotations, app.clone(), card.clone())
    });

    html! {
        <article class="document" aria-labelledby="doc-title">
            <h1 id="doc-title">{ &props.doc.title }</h1>
            <p class="doc-meta">{ &props.doc.description }</p>
            <p class="doc-help" id="doc-help">
                { "Select a passage to tag it. Keyboard: arrow keys move, Shift+arrows select, Enter tags, N and P go to the next and previous annotation." }
            </p>
            <div id="doc-text" class="doc-text" ref={text_ref} tabindex="0"
                 role="document" aria-label="Document text" aria-describedby="doc-help"
                 {onmouseup} {onmousemove} {onmouseleave} {onkeydown} {onblur}></div>
            <div class="visually-hidden" aria-live="polite">{ (*announce).clone() }</div>
            // A stable wrapper: the article's children never change in number, so Yew never
            // re-creates `#doc-text` (whose children it does not know about).
            <div class="card-layer">{ for card_view }</div>
        </article>
    }
}

/// The ids of the annotations under a point of the viewport, innermost first.
fn hits_at(app: &AppContext, doc_id: &str, x: f64, y: f64) -> Vec<String> {
    text_view::offset_at_point(x, y)
        .map(|at| {
            app.model
                .annotations_at(doc_id, at)
                .iter()
                .map(|a| a.id.clone())
                .collect()
        })
        .unwrap_or_default()
}

/// A sentence for screen readers: the tags, the quote, the note.
fn describe(a: &Annotation) -> String {
    let tags: Vec<String> = a.codebook_tags().map(|t| t.label()).collect();
    let mut s = format!("{}. “\u{2068}{}\u{2069}”", tags.join("; "), a.excerpt(80));
    if !a.note.is_empty() {
        s.push_str(&format!(". Note: {}", a.note));
    }
    s
}

fn view_card(
    c: &Card,
    annotations: &[Annotation],
    app: AppContext,
    card: UseStateHandle<Option<Card>>,
) -> Html {
    // Keep the card inside the window: below the point, shifted left near the right edge.
    let style = format!("left:{}px;top:{}px", (c.x - 20.0).max(8.0), c.y + 14.0);
    let close = {
        let card = card.clone();
        Callback::from(move |_: MouseEvent| card.set(None))
    };
    html! {
        <div class={classes!("hover-card", c.pinned.then_some("pinned"))} style={style}
             role={if c.pinned { "dialog" } else { "tooltip" }}
             aria-label="Annotations at this place">
            if annotations.len() > 1 {
                <p class="card-count">{ format!("{} overlapping annotations", annotations.len()) }</p>
            }
            { for annotations.iter().map(|a| {
                let select = select_and_show(&app, a);
                let edit = {
                    let card = card.clone();
                    start_edit(&app, &a.id, Some(Callback::from(move |_| card.set(None))))
                };
                html! {
                    <div class="card-entry" key={a.id.clone()}>
                        <TagChips tags={a.tags.clone()} long=true />
                        <p class="card-quote">{ format!("“\u{2068}{}\u{2069}”", a.excerpt(90)) }</p>
                        if !a.note.is_empty() {
                            <p class="card-note">{ &a.note }</p>
                        }
                        if c.pinned {
                            <div class="card-actions">
                                if annotations.len() > 1 {
                                    <button class="link" onclick={select} aria-label={format!("Select annotation “\u{2068}{}\u{2069}”", a.excerpt(40))}>{ "Select" }</button>
                                }
                                <button class="link" onclick={edit} aria-label={format!("Edit annotation “\u{2068}{}\u{2069}”", a.excerpt(40))}>{ "Edit" }</button>
                            </div>
                        }
                    </div>
                }
            }) }
            if c.pinned {
                <button class="card-close" onclick={close} aria-label="Close">{ "×" }</button>
            }
        </div>
    }
}
