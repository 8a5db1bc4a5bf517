//! Every direct DOM call of the app: writing the document text into the reading view,
//! converting between DOM positions and document offsets, selections, scrolling, ids,
//! clock, downloads. Components call these functions instead of `web-sys`.
//!
//! The reading view is written once per document (`render_text`), and the map from UTF-16
//! offsets to its text nodes is kept here, so that any part of the shell can turn a span of
//! code points into a DOM `Range` and back.

use crate::text::{blocks, Bias, Cp, DocText, Utf16};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, Node, Range};

/// The smallest display block, in bytes. Blocks end at line ends; 2 KB keeps a 5 MB document
/// to about 2,500 elements, few enough to create in one go, many enough that
/// `content-visibility: auto` skips the layout of everything off screen.
const MIN_BLOCK_BYTES: usize = 2048;

/// The text of the reading view as it is in the DOM.
struct Rendered {
    doc_id: String,
    text: DocText,
    container: Element,
    /// Each block's start (UTF-16 offset in the text) and its one text node, in order.
    blocks: Vec<(usize, Node)>,
}

thread_local! {
    static RENDERED: RefCell<Option<Rendered>> = const { RefCell::new(None) };
}

/// Replaces the children of `container` with the document text, as plain text nodes in
/// block elements. Each block carries `data-u16`, its start as a UTF-16 offset in the text.
///
/// The text is set with `textContent`, never parsed as HTML: documents are untrusted.
pub fn render_text(container: &Element, doc_id: &str, text: &DocText) {
    container.set_text_content(None);
    let mut nodes = Vec::new();
    if let Some(document) = container.owner_document() {
        for (start, chunk) in blocks(text.as_str(), MIN_BLOCK_BYTES) {
            let Ok(block) = document.create_element("div") else {
                continue;
            };
            block.set_class_name("block");
            let _ = block.set_attribute("data-u16", &start.0.to_string());
            block.set_text_content(Some(chunk));
            if let Some(node) = block.first_child() {
                nodes.push((start.0, node));
            }
            let _ = container.append_child(&block);
        }
    }
    RENDERED.with(|r| {
        *r.borrow_mut() = Some(Rendered {
            doc_id: doc_id.to_string(),
            text: text.clone(),
            container: container.clone(),
            blocks: nodes,
        })
    });
    lay_out_when_idle(container.clone());
}

/// Forgets the rendered text (the reading view closed).
pub fn forget_text() {
    RENDERED.with(|r| *r.borrow_mut() = None);
    LAYOUT_RUN.with(|n| n.set(n.get() + 1));
}

/// The class that lays a block out for good (`styles/app.css`).
const LAID: &str = "laid";
/// What laying out one block (2 KB of text) is taken to cost: 16 blocks of the 5 MB text
/// take 7.2-8.1 ms here (9 ms before the selection rule stopped costing style time, see
/// styles/highlights.css), so 0.6 leaves a margin. Not measured as it goes: each forced
/// layout also pays a fixed cost for the whole text, which made small slices look dear per
/// block and shrink further (5 MB then took 20 s to lay out).
const MS_PER_BLOCK: f64 = 0.6;
/// Idle time left unused, for the estimate's error.
const IDLE_MARGIN_MS: f64 = 1.0;
/// The fewest and the most blocks a slice lays out. A click or a key that comes during a
/// slice waits for its end: slices as long as the idle time (up to 64 blocks, ~38 ms) made
/// the benchmark's mouseup to highlight with 5,000 present p50 38 / p95 53 ms, 16 blocks
/// 33 / 49 ms. The text (2,215 blocks for 5 MB) is laid out in a few seconds either way.
const BLOCKS_PER_SLICE: (f64, f64) = (2.0, 16.0);

thread_local! {
    /// Bumped when a background layout must stop: another text, or a resize.
    static LAYOUT_RUN: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    /// Puts the blocks back to skipped layout when the window is resized.
    static ON_RESIZE: RefCell<Option<(gloo::events::EventListener, Option<gloo::timers::callback::Timeout>)>> =
        const { RefCell::new(None) };
    /// When the user last pressed, released, typed, scrolled, clicked or chose a file
    /// (`Date.now()`), and whether a pointer is down: the background layout keeps out of the
    /// way of an interaction.
    static LAST_INPUT: std::cell::Cell<(f64, bool)> = const { std::cell::Cell::new((0.0, false)) };
    static INPUT_WATCH: RefCell<Vec<gloo::events::EventListener>> = const { RefCell::new(Vec::new()) };
}

/// How long after an input the background layout waits. A slice that runs when a click or
/// a key arrives delays it by up to a slice (10 ms). Benchmark, 5,000 annotations present,
/// mouseup to highlight p95 over three runs each: 48–53 ms with the layout running, 37–44
/// without any, 36–51 with this pause (runs of one build differ by 10 ms on this machine).
const QUIET_AFTER_INPUT_MS: f64 = 250.0;

/// Starts noting the user's input, once.
fn watch_input() {
    INPUT_WATCH.with(|w| {
        let mut w = w.borrow_mut();
        if !w.is_empty() {
            return;
        }
        let window = gloo::utils::window();
        for (event, down) in [
            ("pointerdown", Some(true)),
            ("pointerup", Some(false)),
            ("pointercancel", Some(false)),
            ("keydown", None),
            ("wheel", None),
            // A button pressed by a screen reader, or a file chosen in the picker, comes
            // with no pointer or key event of its own.
            ("click", None),
            ("change", None),
        ] {
            let options = gloo::events::EventListenerOptions::run_in_capture_phase();
            w.push(gloo::events::EventListener::new_with_options(
                &window,
                event,
                options,
                move |_| {
                    LAST_INPUT.with(|l| {
                        let (_, was_down) = l.get();
                        l.set((js_sys::Date::now(), down.unwrap_or(was_down)));
                    });
                },
            ));
        }
    });
}

/// True while a pointer is down or an input came in the last QUIET_AFTER_INPUT_MS. A
/// pointer released outside the window may never say so: down counts for 10 s at most.
fn input_is_recent() -> bool {
    let (at, down) = LAST_INPUT.with(|l| l.get());
    let since = js_sys::Date::now() - at;
    since < QUIET_AFTER_INPUT_MS || (down && since < 10_000.0)
}

/// Lays out the blocks of the text in `container`, a few at a time while the browser is
/// idle, once it has painted them.
///
/// Blocks start skipped (`content-visibility: auto`), which paints a 5 MB text in well under
/// a second; but then every block that comes into view is laid out in the frame that shows
/// it, and a fast scroll through 5 MB missed a vsync in nine frames of ten (the benchmark's
/// scroll). Laid out for good, the same scroll misses one in five. Doing it all at once
/// would take over a second for 5 MB; in idle moments it costs nothing the user waits for. A
/// resize would lay all of them out again at once, so it puts them back to skipped and
/// starts over once the size has settled.
fn lay_out_when_idle(container: Element) {
    let run = LAYOUT_RUN.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    ON_RESIZE.with(|r| {
        if r.borrow().is_some() {
            return;
        }
        let listener = gloo::events::EventListener::new(&gloo::utils::window(), "resize", |_| {
            let container = RENDERED.with(|r| r.borrow().as_ref().map(|r| r.container.clone()));
            let Some(container) = container else {
                return;
            };
            LAYOUT_RUN.with(|n| n.set(n.get() + 1));
            if let Ok(laid) = container.query_selector_all(&format!(".{LAID}")) {
                for i in 0..laid.length() {
                    if let Some(el) = laid.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                        let _ = el.class_list().remove_1(LAID);
                    }
                }
            }
            let restart = gloo::timers::callback::Timeout::new(500, move || {
                lay_out_when_idle(container);
            });
            ON_RESIZE.with(|r| {
                if let Some((_, timer)) = r.borrow_mut().as_mut() {
                    *timer = Some(restart);
                }
            });
        });
        *r.borrow_mut() = Some((listener, None));
    });
    watch_input();
    wasm_bindgen_futures::spawn_local(async move {
        let blocks = container.children();
        let mut next = 0;
        while next < blocks.length() {
            let idle_ms = when_idle(5_000).await;
            if LAYOUT_RUN.with(|n| n.get()) != run {
                return;
            }
            if input_is_recent() {
                continue;
            }
            // As many blocks as the idle moment has room for: a fixed 16 (some 10 ms)
            // overran the short moments between the frames of an interaction, and its
            // frame then missed a vsync.
            let (fewest, most) = BLOCKS_PER_SLICE;
            let count = ((idle_ms - IDLE_MARGIN_MS) / MS_PER_BLOCK).clamp(fewest, most) as u32;
            for _ in 0..count {
                if let Some(block) = blocks.item(next) {
                    let _ = block.class_list().add_1(LAID);
                }
                next += 1;
            }
            // Lay them out now, in this idle moment: left to the next frame, the layout
            // would delay whatever that frame draws (the benchmark's clearing of 1,000
            // went from 30 to 75 ms).
            if let Some(el) = container.dyn_ref::<HtmlElement>() {
                let _ = el.offset_height();
            }
        }
    });
}

/// True when the text was written into this very element.
pub fn is_rendered_in(el: &Element) -> bool {
    RENDERED.with(|r| r.borrow().as_ref().is_some_and(|r| &r.container == el))
}

/// The id of the document in the reading view.
pub fn rendered_doc() -> Option<String> {
    RENDERED.with(|r| r.borrow().as_ref().map(|r| r.doc_id.clone()))
}

impl Rendered {
    /// The text node and local offset of a UTF-16 offset of the text.
    fn dom_point(&self, at: Utf16) -> Option<(&Node, u32)> {
        let i = self
            .blocks
            .partition_point(|(start, _)| *start <= at.0)
            .checked_sub(1)?;
        let (start, node) = &self.blocks[i];
        Some((node, (at.0 - start) as u32))
    }

    /// The UTF-16 offset in the text of a DOM position, if it lies in the reading view.
    fn text_offset(&self, node: &Node, offset: u32) -> Option<Utf16> {
        if !self.container.contains(Some(node)) {
            return None;
        }
        // A position in one of our text nodes: the usual case.
        if node.node_type() == Node::TEXT_NODE {
            let block = node.parent_element()?;
            let start: usize = block.get_attribute("data-u16")?.parse().ok()?;
            return Some(Utf16(start + offset as usize));
        }
        // A position between children of a block, or between blocks of the container.
        let el: &Element = node.dyn_ref()?;
        if el.class_list().contains("block") {
            let start: usize = el.get_attribute("data-u16")?.parse().ok()?;
            let len = el.text_content().map_or(0, |t| t.encode_utf16().count());
            return Some(Utf16(if offset == 0 { start } else { start + len }));
        }
        if el == &self.container {
            let child = self.blocks.get(offset as usize);
            return Some(Utf16(
                child.map_or(self.text.len_utf16().0, |(start, _)| *start),
            ));
        }
        None
    }
}

/// A DOM range over a span of the text in code points.
pub fn range_of(start: Cp, end: Cp) -> Option<Range> {
    RENDERED.with(|r| range_in(r.borrow().as_ref()?, start, end))
}

/// The span of the user's selection in code points, if the selection is not collapsed and
/// both its ends lie in the reading view.
pub fn selection_span() -> Option<(Cp, Cp)> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    RENDERED.with(|r| {
        let r = r.borrow();
        let r = r.as_ref()?;
        let a = r.text_offset(&range.start_container().ok()?, range.start_offset().ok()?)?;
        let b = r.text_offset(&range.end_container().ok()?, range.end_offset().ok()?)?;
        let start = r.text.cp_of_utf16(a, Bias::Floor)?;
        let end = r.text.cp_of_utf16(b, Bias::Ceil)?;
        (start < end).then_some((start, end))
    })
}

/// The code point under a point of the viewport, if it is in the reading view.
pub fn offset_at_point(x: f64, y: f64) -> Option<Cp> {
    let document = web_sys::window()?.document()?;
    let pos = document.caret_position_from_point(x as f32, y as f32)?;
    let node = pos.offset_node()?;
    RENDERED.with(|r| {
        let r = r.borrow();
        let r = r.as_ref()?;
        let at = r.text_offset(&node, pos.offset())?;
        // The caret lands between characters; the character under the pointer is the one
        // whose box holds the point, on either side of the caret.
        let cp = r.text.cp_of_utf16(at, Bias::Floor)?;
        let hit = |cp: Cp| -> bool {
            range_in(r, cp, Cp(cp.0 + 1)).is_some_and(|range| {
                let rects = range.get_client_rects();
                (0..rects.as_ref().map_or(0, |l| l.length())).any(|i| {
                    rects.as_ref().and_then(|l| l.item(i)).is_some_and(|rc| {
                        x >= rc.left() && x <= rc.right() && y >= rc.top() && y <= rc.bottom()
                    })
                })
            })
        };
        if cp < r.text.len_cp() && hit(cp) {
            Some(cp)
        } else if cp.0 > 0 && hit(Cp(cp.0 - 1)) {
            Some(Cp(cp.0 - 1))
        } else {
            None
        }
    })
}

fn range_in(r: &Rendered, start: Cp, end: Cp) -> Option<Range> {
    let (a, b) = (r.text.utf16_of(start)?, r.text.utf16_of(end)?);
    let (sn, so) = r.dom_point(a)?;
    let (en, eo) = r.dom_point(b)?;
    let range = r.container.owner_document()?.create_range().ok()?;
    range.set_start(sn, so).ok()?;
    range.set_end(en, eo).ok()?;
    Some(range)
}

/// Makes the browser's selection cover a span (or a caret at `start` when empty).
pub fn select_span(anchor: Cp, head: Cp) {
    let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) else {
        return;
    };
    let points = RENDERED.with(|r| {
        let r = r.borrow();
        let r = r.as_ref()?;
        let (an, ao) = r.dom_point(r.text.utf16_of(anchor)?)?;
        let (hn, ho) = r.dom_point(r.text.utf16_of(head)?)?;
        Some((an.clone(), ao, hn.clone(), ho))
    });
    if let Some((an, ao, hn, ho)) = points {
        let _ = selection.set_base_and_extent(&an, ao, &hn, ho);
    }
}

/// Clears the browser's selection.
pub fn clear_selection() {
    if let Some(s) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = s.remove_all_ranges();
    }
}

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
    RENDERED.with(|r| {
        let r = r.borrow();
        let r = r.as_ref()?;
        let rect = r.container.get_bounding_client_rect();
        let scroller = r.container.closest(".reading").ok()??;
        let top = scroller.get_bounding_client_rect().top().max(rect.top()) + 8.0;
        let document = r.container.owner_document()?;
        let pos = document.caret_position_from_point((rect.left() + 4.0) as f32, top as f32)?;
        let at = r.text_offset(&pos.offset_node()?, pos.offset())?;
        r.text.cp_of_utf16(at, Bias::Floor)
    })
}

/// The bounding box of a span, in viewport coordinates (left, top, bottom).
pub fn span_box(start: Cp, end: Cp) -> Option<(f64, f64, f64)> {
    let range = range_of(start, end)?;
    let rects = range.get_client_rects()?;
    let first = rects.item(0)?;
    Some((first.left(), first.top(), first.bottom()))
}

/// Moves keyboard focus to an element, if it is focusable.
pub fn focus(el: &Element) {
    if let Some(el) = el.dyn_ref::<HtmlElement>() {
        let _ = el.focus();
    }
}

/// Focuses the element with this id, if any.
pub fn focus_id(id: &str) {
    if let Some(el) = gloo::utils::document().get_element_by_id(id) {
        focus(&el);
    }
}

/// Milliseconds since the Unix epoch.
/// Watches which text blocks are within `margin` (a CSS root margin such as "200% 0px") of
/// the reading view, and reports the stretch they cover, in UTF-16 units of the text. Stops
/// when dropped.
pub struct BlockWatch {
    observer: web_sys::IntersectionObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for BlockWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

pub fn watch_blocks(
    container: &Element,
    margin: &str,
    on_change: impl Fn(Utf16, Utf16) + 'static,
) -> Option<BlockWatch> {
    let root = container.closest(".reading").ok()??;
    let near = std::rc::Rc::new(RefCell::new(std::collections::BTreeSet::<usize>::new()));
    let starts: Vec<usize> = RENDERED.with(|r| {
        r.borrow()
            .as_ref()
            .map(|r| r.blocks.iter().map(|(s, _)| *s).collect())
            .unwrap_or_default()
    });
    let total = RENDERED.with(|r| r.borrow().as_ref().map_or(0, |r| r.text.len_utf16().0));
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
        move |entries: js_sys::Array| {
            let mut near = near.borrow_mut();
            for entry in entries.iter() {
                let entry: web_sys::IntersectionObserverEntry = entry.unchecked_into();
                let Some(start) = entry
                    .target()
                    .get_attribute("data-u16")
                    .and_then(|s| s.parse::<usize>().ok())
                else {
                    continue;
                };
                if entry.is_intersecting() {
                    near.insert(start);
                } else {
                    near.remove(&start);
                }
            }
            if let (Some(&lo), Some(&last)) = (near.first(), near.last()) {
                let hi = match starts.binary_search(&last) {
                    Ok(i) => starts.get(i + 1).copied().unwrap_or(total),
                    Err(_) => total,
                };
                on_change(Utf16(lo), Utf16(hi));
            }
        },
    );
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root(Some(&root));
    init.set_root_margin(margin);
    let observer =
        web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init)
            .ok()?;
    let blocks = container.query_selector_all(".block").ok()?;
    for i in 0..blocks.length() {
        if let Some(b) = blocks.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            observer.observe(&b);
        }
    }
    Some(BlockWatch {
        observer,
        _callback: callback,
    })
}

/// Resolves after the next frame has been painted (a timeout queued from an animation-frame
/// callback runs after that frame's paint), or after 100 ms when no frame comes: a hidden tab
/// gets no animation frames, and saving must not wait for the user to come back.
pub async fn after_next_paint() {
    let (tx, rx) = futures::channel::oneshot::channel::<()>();
    let tx = std::rc::Rc::new(RefCell::new(Some(tx)));
    let send = {
        let tx = tx.clone();
        move || {
            if let Some(tx) = tx.borrow_mut().take() {
                let _ = tx.send(());
            }
        }
    };
    let fallback = gloo::timers::callback::Timeout::new(100, send.clone());
    let frame = gloo::render::request_animation_frame(move |_| {
        gloo::timers::callback::Timeout::new(0, send).forget();
    });
    let _ = rx.await;
    drop((frame, fallback));
}

/// Resolves once the browser is idle (`requestIdleCallback`: after the frames it has to
/// draw, when it has time to spare before the next), or after `timeout_ms` at the latest,
/// with the milliseconds left before the browser needs the thread again (0 after a
/// timeout). For background work (saving, layout) that must neither delay the paint of a
/// change nor hold up the frame after it. Where there is no `requestIdleCallback`, after
/// the next paint.
pub async fn when_idle(timeout_ms: u32) -> f64 {
    let window = gloo::utils::window();
    let has_idle = js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false);
    if !has_idle {
        after_next_paint().await;
        return IDLE_GUESS_MS;
    }
    let (tx, rx) = futures::channel::oneshot::channel::<f64>();
    let callback = wasm_bindgen::closure::Closure::once(move |deadline: web_sys::IdleDeadline| {
        let _ = tx.send(deadline.time_remaining());
    });
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(timeout_ms);
    if window
        .request_idle_callback_with_options(callback.as_ref().unchecked_ref(), &options)
        .is_err()
    {
        after_next_paint().await;
        return IDLE_GUESS_MS;
    }
    rx.await.unwrap_or(0.0)
}

/// The idle time assumed where the browser cannot tell: half a frame.
const IDLE_GUESS_MS: f64 = 8.0;

/// Fetches a file of the app's own origin as text.
pub async fn fetch_text(url: String) -> Result<String, String> {
    use wasm_bindgen_futures::JsFuture;
    let response = JsFuture::from(gloo::utils::window().fetch_with_str(&url))
        .await
        .map_err(|e| format!("{e:?}"))?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    // As bytes, not `text()`: that would decode the UTF-8 into a JS string only for
    // wasm-bindgen to encode it back into UTF-8 for Rust.
    let bytes = response.array_buffer().map_err(|e| format!("{e:?}"))?;
    let bytes = JsFuture::from(bytes).await.map_err(|e| format!("{e:?}"))?;
    String::from_utf8(js_sys::Uint8Array::new(&bytes).to_vec())
        .map_err(|_| format!("{url}: not UTF-8 text"))
}

/// True when this origin has used (nearly) all the storage the browser grants it, from
/// `navigator.storage.estimate()`. False when the browser cannot tell.
pub async fn storage_is_full() -> bool {
    let Ok(promise) = gloo::utils::window().navigator().storage().estimate() else {
        return false;
    };
    let Ok(estimate) = wasm_bindgen_futures::JsFuture::from(promise).await else {
        return false;
    };
    let estimate: web_sys::StorageEstimate = estimate.unchecked_into();
    match (estimate.get_usage(), estimate.get_quota()) {
        // A write needs room: within 64 KB of the quota counts as full.
        (Some(usage), Some(quota)) => usage + 65_536.0 >= quota,
        _ => false,
    }
}

pub fn now() -> i64 {
    js_sys::Date::now() as i64
}

/// A random UUID from the browser's cryptographic generator.
pub fn new_id() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        // Crypto is in every browser this app runs in; the clock and a random number keep
        // ids unique in the impossible case it is not.
        .unwrap_or_else(|| format!("id-{}-{}", now(), (js_sys::Math::random() * 1e12) as u64))
}

/// Offers `content` as a file download named `filename`.
pub fn download(filename: &str, mime: &str, content: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not prepare the file".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the browser could not prepare the file".to_string())?;
    let document = gloo::utils::document();
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "no link".to_string())?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.set_hidden(true);
    let body = document.body().ok_or("no page body")?;
    let _ = body.append_child(&a);
    a.click();
    let _ = body.remove_child(&a);
    // Revoke later: Chromium starts the download asynchronously.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
