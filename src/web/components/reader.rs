//! The reading view: the document's title and its full text, with highlights, mouse and
//! keyboard selection, and a card showing the tags and notes of the passage under the
//! pointer, or pinned by a click or the keyboard.
//!
//! The text is not Yew-managed markup: it is written once per document into `#doc-text` as
//! plain text nodes (see [`text_view::render_text`]), so a 5 MB document is never re-diffed,
//! and highlights are drawn over it with the CSS Custom Highlight API
//! ([`crate::web::highlights`]).
//!
//! This component draws and forwards: a key press goes to [`crate::keymap`], which says
//! what it means (caret motion, Enter, N and P, Delete, Escape), and the core's effects
//! move the caret, the selection and the scroll. What stays here is what only the page
//! knows: which annotations lie under the pointer, and where the card fits.

use crate::annotation::Annotation;
use crate::decimal::fixed;
use crate::document::Document;
use crate::fields::Field;
use crate::keymap::reader_action;
use crate::session::CardPlace;
use crate::state::Action;
use crate::text::{isolate, Bias, Cp};
use crate::web::app_state::{use_app, AppContext};
use crate::web::components::tag_chips::TagChips;
use crate::web::highlights::{self, with_layer, Layer};
use crate::web::intents::{key_press, select_and_show, start_edit};
use crate::web::{gesture, scroll, text_view};
use gloo::timers::callback::Timeout;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub doc: Document,
    /// The first code point to show, when the reader comes back to this document.
    #[prop_or_default]
    pub scroll_to: Option<Cp>,
}

/// The annotations under the pointer while it hovers, and where it is (viewport pixels).
#[derive(Clone, PartialEq)]
struct Hover {
    ids: Vec<String>,
    x: f64,
    y: f64,
}

#[function_component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let app = use_app();
    let text_ref = use_node_ref();
    // The article: cards stand in its coordinates, so that they scroll with the text.
    let article_ref = use_node_ref();
    // Which stretch of text is near the screen, for documents with many highlights.
    let watch = use_mut_ref(|| None::<text_view::BlockWatch>);
    let hover = use_state(|| None::<Hover>);
    // Where a card pinned below a span stands, measured once the text has scrolled to it.
    let span_card_at = use_state(|| None::<(f64, f64)>);
    let scroll_timer = use_mut_ref(|| None::<Timeout>);
    let doc_id = props.doc.id.clone();

    // Write the text once per document, and draw its highlights.
    {
        let text_ref = text_ref.clone();
        let doc = props.doc.clone();
        let scroll_to = props.scroll_to;
        let app = app.clone();
        let watch = watch.clone();
        use_effect_with(doc_id.clone(), move |_| {
            let el = text_ref.cast::<web_sys::Element>();
            if let Some(el) = &el {
                text_view::render_text(el, &doc.id, &doc.text, &doc.pages);
            }
            if !highlights::has_layer() {
                highlights::set_layer(Layer::install());
            }
            with_layer(|l| {
                l.clear();
                l.set_codebook(app.model.library.codebook());
                l.sync_document(app.model.library.annotations(), &doc.id);
            });
            if let Some(el) = &el {
                let text = doc.text.clone();
                // Two screens above and below: highlights are in place before they scroll in.
                *watch.borrow_mut() = text_view::watch_blocks(el, 2.0, move |lo, hi, focus| {
                    let lo = text.cp_of_utf16(lo, Bias::Floor).unwrap_or(Cp(0));
                    let hi = text.cp_of_utf16(hi, Bias::Ceil).unwrap_or(text.len_cp());
                    let focus = text.cp_of_utf16(focus, Bias::Floor).unwrap_or(lo);
                    with_layer(|l| l.set_window(Some((lo, hi, focus))));
                });
            }
            if let Some(at) = scroll_to {
                scroll::scroll_to_top_line(at);
            }
            move || {
                *watch.borrow_mut() = None;
                highlights::set_layer(None);
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
        let doc_id = doc_id.clone();
        let app = app.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if text_view::rendered_doc().as_deref() == Some(doc_id.as_str()) {
                with_layer(|l| {
                    l.set_codebook(app.model.library.codebook());
                    l.sync_document(app.model.library.annotations(), &doc_id)
                });
            }
        });
    }

    // Keep the highlights in step with the annotations, the current one, the pending span
    // and the side panel's marks.
    {
        let doc_id = doc_id.clone();
        let app = app.clone();
        let text_ref = text_ref.clone();
        let doc = props.doc.clone();
        use_effect_with(app.revision, move |_| {
            // Should the text's container ever be replaced, write the text again.
            if let Some(el) = text_ref.cast::<web_sys::Element>() {
                if !text_view::is_rendered_in(&el) {
                    text_view::render_text(&el, &doc.id, &doc.text, &doc.pages);
                    with_layer(Layer::clear);
                }
            }
            if text_view::rendered_doc().as_deref() == Some(doc_id.as_str()) {
                let (m, s) = (&app.model, &app.model.session);
                with_layer(|l| {
                    l.set_codebook(m.library.codebook());
                    l.sync_document(m.library.annotations(), &doc_id);
                    l.show_selected(m.current().map(|a| (a.start, a.end)));
                    l.show_pending(s.pending.as_ref().map(|p| (p.start, p.end)));
                    l.show_marked(s.marked.iter().copied());
                    l.show_agreed(s.agreed.iter().copied());
                });
            }
        });
    }

    // A card pinned below a span (from the keyboard) is placed once the text has scrolled
    // to the span, which the page does after this render.
    let pinned = app.model.session.pinned.clone();
    {
        let span_card_at = span_card_at.clone();
        let article_ref = article_ref.clone();
        use_effect_with(pinned.clone(), move |pinned| {
            span_card_at.set(None);
            let span = pinned.as_ref().and_then(|p| match p.place {
                CardPlace::Span { start, end } => Some((start, end)),
                CardPlace::Point { .. } => None,
            });
            let timer = span.map(|(start, end)| {
                Timeout::new(0, move || {
                    if let Some((x, _, bottom)) = text_view::span_box(start, end) {
                        span_card_at.set(Some(in_article(&article_ref, x, bottom)));
                    }
                })
            });
            move || drop(timer)
        });
    }

    // Mouse: a press in the text is taken when the button is released, wherever that is
    // (below the last line, in the margin, over a side panel): a drag proposes the
    // selection, clipped to the text; a click in the text pins the card of the annotations
    // under it, or deselects. A press elsewhere (the palette, the list, the top bar) never
    // changes the pending span.
    let on_release = {
        let app = app.clone();
        let hover = hover.clone();
        let doc_id = doc_id.clone();
        let article_ref = article_ref.clone();
        Callback::from(move |(e, inside): (MouseEvent, bool)| {
            hover.set(None);
            if let Some((start, end)) = text_view::selection_span_clipped() {
                app.dispatch(Action::Propose { start, end });
            } else if inside {
                let (x, y) = (e.client_x(), e.client_y());
                let ids = hits_at(&app, &doc_id, x, y);
                app.dispatch(if ids.is_empty() {
                    Action::Deselect
                } else {
                    let (x, y) = in_article(&article_ref, x, y);
                    Action::Pin { ids, x, y }
                });
            }
        })
    };
    // The document hears the release, through the callback of the latest render (whose
    // state is current); the listeners live as long as the document is shown.
    let latest_release = use_mut_ref(Callback::<(MouseEvent, bool)>::noop);
    *latest_release.borrow_mut() = on_release;
    {
        let text_ref = text_ref.clone();
        use_effect_with(doc_id.clone(), move |_| {
            let watch = text_ref.cast::<web_sys::Element>().map(|el| {
                gesture::watch_gestures(&el, move |e, inside| {
                    let on_release = latest_release.borrow().clone();
                    on_release.emit((e.clone(), inside));
                })
            });
            move || drop(watch)
        });
    }

    // Hover: show what is under the pointer.
    let onmousemove = {
        let app = app.clone();
        let hover = hover.clone();
        let doc_id = doc_id.clone();
        let article_ref = article_ref.clone();
        Callback::from(move |e: MouseEvent| {
            if app.model.session.pinned.is_some() || e.buttons() != 0 {
                return;
            }
            let (x, y) = (e.client_x(), e.client_y());
            let ids = hits_at(&app, &doc_id, x, y);
            let current = hover.as_ref().map(|h| h.ids.clone()).unwrap_or_default();
            if ids != current {
                let (x, y) = in_article(&article_ref, x, y);
                hover.set((!ids.is_empty()).then_some(Hover { ids, x, y }));
            }
        })
    };
    let onmouseleave = {
        let hover = hover.clone();
        Callback::from(move |_: MouseEvent| {
            if hover.is_some() {
                hover.set(None);
            }
        })
    };

    // Keyboard: the key map says what a key means; the browser's default is kept for the
    // rest.
    let onkeydown = {
        let app = app.clone();
        let hover = hover.clone();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            let press = key_press(&e, &key);
            if let Some(action) = reader_action(&press, &app.model, scroll::first_visible_offset) {
                e.prevent_default();
                hover.set(None);
                app.dispatch(action);
            }
        })
    };

    let onblur = Callback::from(|_: FocusEvent| {
        with_layer(|l| l.show_caret(None));
    });

    // Remember where the reader is, a moment after scrolling stops.
    let onscroll = {
        let app = app.clone();
        let doc_id = doc_id.clone();
        Callback::from(move |_: Event| {
            let app = app.clone();
            let document = doc_id.clone();
            *scroll_timer.borrow_mut() = Some(Timeout::new(400, move || {
                if let Some(at) = scroll::first_visible_offset() {
                    app.dispatch(Action::Scrolled { document, at });
                }
            }));
        })
    };
    // The scroll event fires on `.reading`, the scrolling ancestor; listen there.
    {
        let text_ref = text_ref.clone();
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

    // The pinned card, else the hovered one.
    let card = match &pinned {
        Some(p) => match p.place {
            CardPlace::Point { x, y } => Some((p.ids.clone(), x, y, true)),
            CardPlace::Span { .. } => span_card_at.map(|(x, y)| (p.ids.clone(), x, y, true)),
        },
        None => hover.as_ref().map(|h| (h.ids.clone(), h.x, h.y, false)),
    };
    let card_view = card.map(|(ids, x, y, pinned)| {
        // Read only when a card is drawn: the read makes the browser lay the page out in
        // the middle of the render (with 5,000 annotations, a Save paid for it twice).
        let width = article_ref
            .cast::<web_sys::Element>()
            .map_or(f64::INFINITY, |a| f64::from(a.client_width()));
        let annotations: Vec<Annotation> = ids
            .iter()
            .filter_map(|id| app.model.library.annotation(id).cloned())
            .collect();
        view_card(&annotations, (x, y, width), pinned, &app)
    });

    let tag_document = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::StartTagDocument))
    };
    html! {
        <article class="document" aria-labelledby="doc-title" ref={article_ref}>
            <h1 id="doc-title" title={props.doc.title.clone()}>{ Field::DocumentTitle.clip(&props.doc.title).0 }</h1>
            <p class="doc-meta">{ props.doc.shown_description() }
                { " " }
                <button class="link tag-document" onclick={tag_document}>{ t!("reader-tag-document") }</button>
            </p>
            <p class="doc-help" id="doc-help">
                { t!("reader-help") }
            </p>
            // The assignment's instructions, in a stable wrapper (see `card-layer`): open at
            // first, folded and unfolded by the reader, never gone while the assignment is.
            <div class="assignment-slot">{ for app.model.library.assignment().filter(|a| !a.instructions.is_empty()).map(|a| html! {
                <details id="assignment-instructions" class="instructions" open=true>
                    <summary>{ t!("assign-instructions") }</summary>
                    <p>{ a.instructions.clone() }</p>
                </details>
            }) }</div>
            <div id="doc-text" class="doc-text" ref={text_ref} tabindex="0"
                 role="document" aria-label={t!("reader-text")} aria-describedby="doc-help"
                 {onmousemove} {onmouseleave} {onkeydown} {onblur}></div>
            <div class="visually-hidden" aria-live="polite">{ app.model.session.announcement.clone() }</div>
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
                .library
                .annotations_at(doc_id, at)
                .iter()
                .map(|a| a.id.clone())
                .collect()
        })
        .unwrap_or_default()
}

/// A point of the viewport in the article's coordinates (CSS pixels from its top-left
/// corner), where cards stand: a card then scrolls with its passage (issue 20, point 3).
fn in_article(article: &NodeRef, x: f64, y: f64) -> (f64, f64) {
    article
        .cast::<web_sys::Element>()
        .map(|a| a.get_bounding_client_rect())
        .map_or((x, y), |r| (x - r.left(), y - r.top()))
}

/// The widest a card is (`.hover-card`'s max-width, 24rem, in CSS pixels) and its margin.
const CARD_WIDTH: f64 = 24.0 * 16.0 + 8.0;

/// The card listing `annotations` below the point `at` (`(x, y, article width)`, CSS pixels
/// in the article's coordinates); a pinned card offers Select (when several overlap), Edit
/// and Close.
fn view_card(
    annotations: &[Annotation],
    at: (f64, f64, f64),
    pinned: bool,
    app: &AppContext,
) -> Html {
    // Keep the card inside the article: below the point, shifted left near its right edge.
    let style = format!(
        "left:{}px;top:{}px",
        fixed((at.0 - 20.0).min(at.2 - CARD_WIDTH).max(8.0), 2),
        fixed(at.1 + 14.0, 2)
    );
    let close = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::Unpin))
    };
    html! {
        <div class={classes!("hover-card", pinned.then_some("pinned"))} style={style}
             role={if pinned { "dialog" } else { "tooltip" }}
             aria-label={t!("reader-card")}>
            if annotations.len() > 1 {
                <p class="card-count">{ t!("reader-overlapping", count = annotations.len()) }</p>
            }
            { for annotations.iter().map(|a| {
                let select = select_and_show(app, a);
                let edit = start_edit(app, &a.id);
                html! {
                    <div class="card-entry" key={a.id.clone()}>
                        <TagChips tags={a.tags.clone()} long=true />
                        <p class="card-quote">{ t!("app-quote", quote = isolate(&a.excerpt(90))) }</p>
                        if !a.note.is_empty() {
                            // A long note scrolls inside the card (CSS max-height), and can
                            // then be scrolled from the keyboard too.
                            <p class="card-note" tabindex={(a.note.len() > 400).then_some("0")}>{ &a.note }</p>
                        }
                        if pinned {
                            <div class="card-actions">
                                if annotations.len() > 1 {
                                    <button class="link" onclick={select} aria-label={t!("reader-select-label", quote = isolate(&a.excerpt(40)))}>{ t!("reader-select") }</button>
                                }
                                <button class="link" onclick={edit} aria-label={t!("reader-edit-label", quote = isolate(&a.excerpt(40)))}>{ t!("reader-edit") }</button>
                            </div>
                        }
                    </div>
                }
            }) }
            if pinned {
                <button class="card-close" onclick={close} aria-label={t!("reader-close")}>{ "×" }</button>
            }
        </div>
    }
}
