//! The text view: the document text written into `#doc-text`, and everything that needs
//! to know how it sits in the DOM: DOM positions <-> document offsets (offsets are `Cp`,
//! code points; the DOM speaks UTF-16), the browser's selection, which blocks are near the
//! view, and the background lay-out of the blocks.
//!
//! The reading view is written once per document (`render_text`), and the map from UTF-16
//! offsets to its text nodes is kept here, so that any part of the shell can turn a span of
//! code points into a DOM `Range` and back.

use super::platform::{input_is_recent, watch_input, when_idle};
use crate::blocks::{cut_blocks, drawn, layout_units, reading_blocks};
use crate::text::{Bias, Cp, DocText, Utf16};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Node, Range};

/// The most units of a text laid out in the background (a 5 MB text of prose is some 2,300,
/// a 10 MB one 5,000). Beyond it the blocks are left to `content-visibility: auto`, laid out
/// as they come into view: a million short lines are some 60,000 units, and laying them out
/// in idle moments kept the main thread busy for over a minute, every slice's frame
/// re-examining thousands of blocks (100-200 ms each).
const MOST_UNITS_LAID: u32 = 12_000;

/// The text of the reading view as it is in the DOM.
pub(super) struct Rendered {
    doc_id: String,
    pub(super) text: DocText,
    pub(super) container: Element,
    /// Each block's start (UTF-16 offset in the text) and its one text node, in order.
    blocks: Vec<(usize, Node)>,
    /// What laying out each block costs, in blocks of prose (see [`layout_units`]).
    costs: Vec<u32>,
}

thread_local! {
    static RENDERED: RefCell<Option<Rendered>> = const { RefCell::new(None) };
}

/// Replaces the children of `container` with the document text, as plain text nodes in
/// block elements. Each block carries `data-u16`, its start as a UTF-16 offset in the text;
/// each page of a document with pages (`pages`, code points) starts a block of its own,
/// which carries `data-page`, its number from 1 (drawn in the margin by CSS, outside the
/// text).
///
/// The text is set with `textContent`, never parsed as HTML: documents are untrusted. A lone
/// CR is drawn as LF ([`drawn`]).
pub fn render_text(container: &Element, doc_id: &str, text: &DocText, pages: &[Cp]) {
    container.set_text_content(None);
    let mut nodes = Vec::new();
    let mut costs = Vec::new();
    let pages: Vec<usize> = pages
        .iter()
        .filter_map(|&p| text.utf16_of(p).map(|u| u.0))
        .collect();
    if let Some(document) = container.owner_document() {
        let all = reading_blocks(text.as_str());
        let cuts: Vec<Utf16> = pages.iter().map(|&u| Utf16(u)).collect();
        for (start, chunk) in cut_blocks(all, &cuts) {
            let Ok(block) = document.create_element("div") else {
                continue;
            };
            block.set_class_name("block");
            let _ = block.set_attribute("data-u16", &start.0.to_string());
            if let Ok(i) = pages.binary_search(&start.0) {
                let _ = block.set_attribute("data-page", &format!("p. {}", i + 1));
            }
            let chunk = drawn(chunk);
            block.set_text_content(Some(&chunk));
            if let Some(node) = block.first_child() {
                nodes.push((start.0, node));
                costs.push(layout_units(&chunk));
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
            costs,
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
/// The fewest and the most blocks a slice lays out (blocks of prose: one of many short lines
/// counts for several, see [`layout_units`]). A click or a key that comes during a
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
    let units: u32 = RENDERED.with(|r| r.borrow().as_ref().map_or(0, |r| r.costs.iter().sum()));
    if units > MOST_UNITS_LAID {
        return;
    }
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
            // frame then missed a vsync. Blocks of many short lines count for several.
            let (fewest, most) = BLOCKS_PER_SLICE;
            let room = ((idle_ms - IDLE_MARGIN_MS) / MS_PER_BLOCK).clamp(fewest, most) as u32;
            let mut spent = 0;
            while spent < room && next < blocks.length() {
                let cost = RENDERED.with(|r| {
                    r.borrow()
                        .as_ref()
                        .and_then(|r| r.costs.get(next as usize).copied())
                        .unwrap_or(1)
                });
                if spent > 0 && spent + cost > room {
                    break;
                }
                if let Some(block) = blocks.item(next) {
                    let _ = block.class_list().add_1(LAID);
                }
                spent += cost;
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
    pub(super) fn text_offset(&self, node: &Node, offset: u32) -> Option<Utf16> {
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

/// The span of the user's selection in code points (the DOM's offsets are UTF-16 units;
/// this converts), clipped to the reading view: an end that lies outside the text (below
/// the last line, in the margin, over a side panel, in the header) counts as the text's
/// start when it lies before the text in the page, its end when after. Where an end lies is
/// asked of the DOM (`Range.comparePoint`), not guessed from pixels.
///
/// `None` when the selection is collapsed or holds none of the text (it lies wholly before
/// or after it).
pub fn selection_span_clipped() -> Option<(Cp, Cp)> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    RENDERED.with(|r| {
        let r = r.borrow();
        let r = r.as_ref()?;
        let whole = r.container.owner_document()?.create_range().ok()?;
        whole.select_node_contents(&r.container).ok()?;
        let clip = |node: Node, offset: u32| -> Option<Utf16> {
            r.text_offset(&node, offset).or_else(|| {
                match whole.compare_point(&node, offset).ok()? {
                    -1 => Some(Utf16(0)),
                    1 => Some(r.text.len_utf16()),
                    // Inside the container but not in a block: nothing of ours is there.
                    _ => None,
                }
            })
        };
        let a = clip(range.start_container().ok()?, range.start_offset().ok()?)?;
        let b = clip(range.end_container().ok()?, range.end_offset().ok()?)?;
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

/// Runs `f` on the rendered text, if there is one (for [`super::scroll`], which reads
/// where the text sits on screen).
pub(super) fn with_rendered<T>(f: impl FnOnce(&Rendered) -> Option<T>) -> Option<T> {
    RENDERED.with(|r| f(r.borrow().as_ref()?))
}

/// The bounding box of a span, in viewport coordinates (left, top, bottom).
pub fn span_box(start: Cp, end: Cp) -> Option<(f64, f64, f64)> {
    let range = range_of(start, end)?;
    let rects = range.get_client_rects()?;
    let first = rects.item(0)?;
    Some((first.left(), first.top(), first.bottom()))
}

/// Watches which stretch of the text lies within `screens` heights of the reading view,
/// above and below, and reports it in UTF-16 units of the text. Stops when dropped.
///
/// Measured from the scroll position, at most once a frame: a binary search over the
/// blocks' boxes, a dozen reads of a layout that scrolling leaves clean. An
/// IntersectionObserver on every block (2,215 for 5 MB) did the same job, but the browser
/// then tested every block in every frame: 36 ms of a scrolling frame with 10,000
/// annotations, the largest part of it (issue 25).
///
/// A new stretch is reported only when the text within [`NEEDED_SCREENS`] of the view leaves
/// the last one, and at most once every [`MOST_OFTEN_MS`]: each report changes the
/// highlights, and Chromium then repaints all the text laid out (5 MB: 20-30 ms). Reported in
/// every frame, a fast scroll over 5 MB with 10,000 annotations missed a vsync in 98% of its
/// frames; with the highlights frozen, 12%.
pub struct BlockWatch {
    _scroll: gloo::events::EventListener,
    _resize: gloo::events::EventListener,
    /// The measuring frame asked for, if any (cancelled when dropped).
    pending: std::rc::Rc<std::cell::Cell<Option<i32>>>,
    /// A measure put off by [`MOST_OFTEN_MS`] (cancelled when dropped).
    _later: std::rc::Rc<RefCell<Option<gloo::timers::callback::Timeout>>>,
    _tick: std::rc::Rc<wasm_bindgen::closure::Closure<dyn FnMut()>>,
}

/// How far above and below the view (in its heights) the reported stretch must reach, or a
/// new one is reported: less than the `screens` asked for, so a short scroll reports nothing.
pub const NEEDED_SCREENS: f64 = 1.0;
/// The least time between two reports, in ms: a scroll of many screens a second (a drag of
/// the scroll bar, a fling) redraws its highlights some 7 times a second rather than in
/// every frame, and once more when it stops.
pub const MOST_OFTEN_MS: f64 = 150.0;

impl Drop for BlockWatch {
    fn drop(&mut self) {
        if let Some(id) = self.pending.take() {
            let _ = gloo::utils::window().cancel_animation_frame(id);
        }
    }
}

/// Starts watching the blocks of the text in `container` (see [`BlockWatch`]); `on_change`
/// gets the stretch near the view and the text at the view's middle, `(start, end, middle)`
/// in UTF-16 units of the text, once at the next frame and then whenever the view nears its
/// ends. None when the container is not in the reading view.
pub fn watch_blocks(
    container: &Element,
    screens: f64,
    on_change: impl Fn(Utf16, Utf16, Utf16) + 'static,
) -> Option<BlockWatch> {
    use std::cell::Cell;
    use std::rc::{Rc, Weak};
    type Tick = wasm_bindgen::closure::Closure<dyn FnMut()>;
    let root = container.closest(".reading").ok()??;
    let starts: Vec<usize> = RENDERED.with(|r| {
        r.borrow()
            .as_ref()
            .map(|r| r.blocks.iter().map(|(s, _)| *s).collect())
            .unwrap_or_default()
    });
    let total = RENDERED.with(|r| r.borrow().as_ref().map_or(0, |r| r.text.len_utf16().0));
    let blocks = container.children();
    // The stretch last reported (UTF-16), and when (`performance.now()`).
    let reported = Cell::new(None::<(usize, usize)>);
    let reported_at = Cell::new(f64::NEG_INFINITY);
    let pending = Rc::new(Cell::new(None::<i32>));
    let later = Rc::new(RefCell::new(None::<gloo::timers::callback::Timeout>));
    let this: Rc<RefCell<Weak<Tick>>> = Rc::new(RefCell::new(Weak::new()));
    let tick = {
        let pending = pending.clone();
        let later = later.clone();
        let this = this.clone();
        let root = root.clone();
        Tick::new(move || {
            pending.set(None);
            let n = blocks.length() as usize;
            let view = root.get_bounding_client_rect();
            let edge = |i: usize, bottom: bool| {
                blocks.item(i as u32).map_or(f64::INFINITY, |b| {
                    let r = b.get_bounding_client_rect();
                    if bottom {
                        r.bottom()
                    } else {
                        r.top()
                    }
                })
            };
            // The text within `margin` screens, in UTF-16 units: the first block that ends
            // below the top, then the first that starts at or after the bottom (the blocks
            // are in order, so both are binary searches); within the end blocks, in
            // proportion to their height (a block is three to four screens of text).
            let within = |margin: f64| {
                let (above, below) = (
                    view.top() - margin * view.height(),
                    view.bottom() + margin * view.height(),
                );
                let first = partition_point(0, n, |i| edge(i, true) <= above);
                let end = partition_point(first, n, |i| edge(i, false) < below);
                if first >= end {
                    return None;
                }
                let at = |i: usize, y: f64| {
                    let start = starts.get(i).copied().unwrap_or(total);
                    let next = starts.get(i + 1).copied().unwrap_or(total);
                    let (top, bottom) = (edge(i, false), edge(i, true));
                    let share = ((y - top) / (bottom - top).max(1.0)).clamp(0.0, 1.0);
                    start + (share * (next - start) as f64) as usize
                };
                Some((at(first, above), (at(end - 1, below) + 1).min(total)))
            };
            let Some((need_lo, need_hi)) = within(NEEDED_SCREENS.min(screens)) else {
                return;
            };
            if reported
                .get()
                .is_some_and(|(lo, hi)| lo <= need_lo && need_hi <= hi)
            {
                return;
            }
            let now = performance_now();
            let wait = reported_at.get() + MOST_OFTEN_MS - now;
            if wait > 0.0 {
                // Measured again once the wait is over, wherever the view is then.
                let (pending, this) = (pending.clone(), this.clone());
                *later.borrow_mut() = Some(gloo::timers::callback::Timeout::new(
                    wait.ceil() as u32,
                    move || {
                        if let Some(tick) = this.borrow().upgrade() {
                            request_tick(&pending, &tick);
                        }
                    },
                ));
                return;
            }
            let (lo, hi) = within(screens).unwrap_or((need_lo, need_hi));
            // The middle of the view: its block is on screen, so its height is its own.
            let focus = within(-0.5).map_or(lo, |(at, _)| at);
            reported.set(Some((lo, hi)));
            reported_at.set(now);
            on_change(Utf16(lo), Utf16(hi), Utf16(focus));
        })
    };
    let tick = Rc::new(tick);
    *this.borrow_mut() = Rc::downgrade(&tick);
    let schedule = {
        let pending = pending.clone();
        let tick = tick.clone();
        move || request_tick(&pending, &tick)
    };
    schedule();
    let on_scroll = schedule.clone();
    Some(BlockWatch {
        _scroll: gloo::events::EventListener::new(&root, "scroll", move |_| on_scroll()),
        _resize: gloo::events::EventListener::new(&gloo::utils::window(), "resize", move |_| {
            schedule()
        }),
        pending,
        _later: later,
        _tick: tick,
    })
}

/// Asks for `tick` at the next frame, unless it is asked for already.
fn request_tick(
    pending: &std::cell::Cell<Option<i32>>,
    tick: &wasm_bindgen::closure::Closure<dyn FnMut()>,
) {
    if pending.get().is_none() {
        let id = gloo::utils::window()
            .request_animation_frame(tick.as_ref().unchecked_ref())
            .ok();
        pending.set(id);
    }
}

/// `performance.now()`, in ms; 0 where the page has no `performance`.
fn performance_now() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}

/// The first index in `lo..hi` for which `before` is false, `before` being true for a
/// prefix of the range (as `slice::partition_point`, over indexes).
fn partition_point(mut lo: usize, mut hi: usize, before: impl Fn(usize) -> bool) -> usize {
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if before(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}
