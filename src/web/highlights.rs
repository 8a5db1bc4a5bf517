//! Highlights, drawn with the CSS Custom Highlight API: one `Highlight` per codebook tag
//! (coloured by `styles/highlights.css`), stripes for the further tags of passages with
//! several, and layers for the selected annotation, the selection waiting for tags, and the
//! keyboard caret.
//!
//! A passage is drawn in its first tag's colour behind the text; its 2nd, 3rd and 4th tags
//! each add an underline in their colour, 1, 2 and 3 stripes thick and painted thinnest on
//! top, so that they read as stacked stripes (2nd tag nearest the text). `::highlight()`
//! paints only colours and decorations, and one highlight one style, so each colour has a
//! highlight per position ([`SLOTS`] in all, a bounded set whatever the annotations).
//! Past [`SLOTS`] tags the 4th stripe gives way to a dashed grey band ([`MORE`]): the card
//! lists every tag.
//!
//! Nothing is inserted into the text: an annotation is a `Range` added to the highlights
//! of its tags. [`Layer::sync`] adds and removes only the ranges of annotations that
//! changed, so creating one highlight among 10,000 costs one range per colour it shows (four
//! at most).
//!
//! A document with many annotations (over [`WINDOW_FROM`]) has only those near the screen
//! registered: the reader tells the layer which stretch of text is within a few screens
//! ([`Layer::set_window`]). Chromium re-examines every registered range when any highlight
//! changes and while scrolling paints new text; with 10,000 registered, every frame of a fast
//! scroll ran long (the benchmark's scroll figure went from 48% to 100% of frames over
//! 16.7 ms).
//!
//! There is one layer, the reading view's: the reader installs it with [`set_layer`] when a
//! document opens, and the reader and the page's effects ([`super::effects`]) reach it
//! through [`with_layer`].

use crate::annotation::Annotation;
use crate::codebook::TAGS;
use crate::codes::OWN_PALETTE;
use crate::text::Cp;
use crate::web::text_view;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use web_sys::{AbstractRange, Highlight, HighlightRegistry, Range};

/// Names of the layers above the tag colours, as `styles/highlights.css` styles them.
/// `MORE`: a passage with more tags than [`SLOTS`].
pub const MORE: &str = "ann-more";
pub const SELECTED: &str = "ann-selected";
pub const PENDING: &str = "ann-pending";
pub const CARET: &str = "ann-caret";
pub const MARKED: &str = "ann-marked";
pub const AGREED: &str = "ann-agreed";

/// How many of a passage's tags are drawn in their colours: the first behind the text, the
/// next three as stripes (9 px together). A fourth stripe would nearly fill the gap to the
/// next line (some 11 px at the text's line height) and five colours at once no longer read
/// at a glance: a passage with more tags shows three and [`MORE`].
pub const SLOTS: usize = 4;

/// A colour's highlights: `[0]` its background (named as the tag, `objective-1`), `[1..]`
/// the stripes for a passage's 2nd, 3rd and 4th tag (`t2-objective-1` …), whose rules
/// `readers::colour_layers` derives from the background's.
type Slots = [Highlight; SLOTS];

/// From how many annotations in a document only those near the screen are registered.
/// Since the text is laid out in full once painted (`text_view::lay_out_when_idle`), every
/// registered range costs on each highlight change, wherever it is: with 1,000 registered
/// across a 5 MB text, clearing them took 60-90 ms instead of 30; windowed from 200, 40.
pub const WINDOW_FROM: usize = 200;

/// The most annotations drawn at once (see [`Layer::redraw`]): more than a few screens of
/// the densest real annotation hold.
pub const MOST_DRAWN: usize = 3_000;

thread_local! {
    static LAYER: RefCell<Option<Layer>> = const { RefCell::new(None) };
}

/// Installs the reading view's layer, or removes it (`None`: its highlights go with it).
pub fn set_layer(layer: Option<Layer>) {
    // Dropped outside the borrow: dropping unregisters highlights.
    let old = LAYER.with(|l| std::mem::replace(&mut *l.borrow_mut(), layer));
    drop(old);
}

/// True when a layer is installed.
pub fn has_layer() -> bool {
    LAYER.with(|l| l.borrow().is_some())
}

/// Runs `f` on the reading view's layer; `None` when there is none (no document open, or
/// no Highlight API) or it is in use further up the stack.
pub fn with_layer<R>(f: impl FnOnce(&mut Layer) -> R) -> Option<R> {
    LAYER.with(|l| l.try_borrow_mut().ok()?.as_mut().map(f))
}

struct Drawn {
    updated: i64,
    tags: Vec<String>,
    range: Range,
}

/// The highlights of the document in the reading view.
pub struct Layer {
    registry: HighlightRegistry,
    by_tag: HashMap<&'static str, Slots>,
    /// The highlights of each colour of [`crate::codes::OWN_PALETTE`] (`own-0` … `own-11`),
    /// for the user's own codes, and the colour of each own code by id.
    by_color: Vec<Slots>,
    own: HashMap<String, usize>,
    /// The own codes drawn with `own`, to tell in O(1) whether they changed.
    own_codes: Option<std::sync::Arc<Vec<crate::codes::OwnCode>>>,
    more: Highlight,
    selected: Highlight,
    pending: Highlight,
    caret: Highlight,
    marked: Highlight,
    agreed: Highlight,
    agreed_spans: Vec<(Cp, Cp)>,
    /// The marked spans drawn, so that an unchanged list is not redrawn on every change.
    marked_spans: Vec<(Cp, Cp)>,
    /// The current annotation's, the pending and the caret's span drawn, likewise: each
    /// redraw makes Chromium look at every registered range again.
    selected_span: Vec<(Cp, Cp)>,
    pending_span: Vec<(Cp, Cp)>,
    caret_span: Vec<(Cp, Cp)>,
    drawn: HashMap<String, Drawn>,
    /// The annotation list last drawn: when the state changes but its annotations do not
    /// (a selection, the palette opening), there is nothing to compare.
    synced: Option<std::sync::Arc<Vec<Annotation>>>,
    /// The document drawn from `synced`.
    doc: String,
    /// The stretch of text near the screen, when the reader knows it.
    window: Option<(Cp, Cp, Cp)>,
}

fn new_highlight(registry: &HighlightRegistry, name: &str, priority: i32) -> Option<Highlight> {
    let h = Highlight::new(&[]).ok()?;
    h.set_priority(priority);
    registry.set(name, &h);
    Some(h)
}

/// A colour's background and stripes, registered (see `readers::colour_layers`).
fn new_slots(name: &str) -> Slots {
    let a = super::readers::colour_layers(name);
    [0, 1, 2, 3].map(|i| a.get(i).unchecked_into())
}

impl Layer {
    /// Registers empty highlights; `None` where the browser lacks the Highlight API.
    pub fn install() -> Option<Layer> {
        let registry = web_sys::css::JsNamespaceCss::highlights();
        // First, as it tells whether the browser has the Highlight API at all.
        let more = new_highlight(&registry, MORE, 1)?;
        let by_tag = TAGS.iter().map(|t| (t.id, new_slots(t.id))).collect();
        let by_color = (0..OWN_PALETTE.len())
            .map(|i| new_slots(&format!("own-{i}")))
            .collect();
        // Above every stripe: what the reader is pointing at or about to tag.
        Some(Layer {
            more,
            marked: new_highlight(&registry, MARKED, 4)?,
            agreed: new_highlight(&registry, AGREED, 4)?,
            pending: new_highlight(&registry, PENDING, 5)?,
            selected: new_highlight(&registry, SELECTED, 6)?,
            caret: new_highlight(&registry, CARET, 7)?,
            by_color,
            own: HashMap::new(),
            own_codes: None,
            agreed_spans: Vec::new(),
            marked_spans: Vec::new(),
            selected_span: Vec::new(),
            pending_span: Vec::new(),
            caret_span: Vec::new(),
            registry,
            by_tag,
            drawn: HashMap::new(),
            synced: None,
            doc: String::new(),
            window: None,
        })
    }

    /// The highlights of a code's colour: the GCM tag's own, or an own code's colour's.
    fn slots_of(&self, tag: &str) -> Option<&Slots> {
        self.by_tag
            .get(tag)
            .or_else(|| self.by_color.get(*self.own.get(tag)?))
    }

    /// Calls `f` with each highlight that draws a passage with these tags: the first tag's
    /// background, the next tags' stripes, and past [`SLOTS`] tags the sign for more.
    fn each_layer(&self, tags: &[String], mut f: impl FnMut(&Highlight)) {
        let more = tags.len() > SLOTS;
        let shown = if more { SLOTS - 1 } else { tags.len() };
        for (slot, t) in tags.iter().take(shown).enumerate() {
            if let Some(h) = self.slots_of(t).and_then(|s| s.get(slot)) {
                f(h);
            }
        }
        if more {
            f(&self.more);
        }
    }

    /// Empties the tag colours' highlights and the sign for more.
    fn clear_tags(&self) {
        for h in self.by_tag.values().chain(&self.by_color).flatten() {
            h.clear();
        }
        self.more.clear();
    }

    /// Takes the own codes' colours from the codebook; when they changed, draws everything
    /// again in them.
    pub fn set_codebook(&mut self, codebook: &crate::codes::Codebook) {
        let own = codebook.own_shared();
        if self
            .own_codes
            .as_ref()
            .is_some_and(|o| std::sync::Arc::ptr_eq(o, own))
        {
            return;
        }
        self.own_codes = Some(own.clone());
        self.own = own
            .iter()
            .map(|c| {
                let i = OWN_PALETTE.iter().position(|p| *p == c.color).unwrap_or(0);
                (c.id.clone(), i)
            })
            .collect();
        self.clear_tags();
        self.drawn.clear();
        self.redraw();
    }

    /// Removes every highlight (a new document was opened).
    pub fn clear(&mut self) {
        self.clear_tags();
        for h in [&self.selected, &self.pending, &self.caret, &self.marked] {
            h.clear();
        }
        self.marked_spans.clear();
        self.selected_span.clear();
        self.pending_span.clear();
        self.caret_span.clear();
        self.drawn.clear();
        self.synced = None;
        self.window = None;
    }

    /// Draws the annotations of document `doc` out of `all`, unless `all` is the very list
    /// drawn last time.
    pub fn sync_document(&mut self, all: &std::sync::Arc<Vec<Annotation>>, doc: &str) {
        if self
            .synced
            .as_ref()
            .is_some_and(|s| std::sync::Arc::ptr_eq(s, all))
        {
            return;
        }
        self.synced = Some(all.clone());
        self.doc = doc.to_string();
        self.redraw();
    }

    /// Sets the stretch of text near the screen and draws what falls in it.
    /// `window` is `(start, end, focus)`: `focus` is the text at the middle of the view,
    /// from which a text denser than [`MOST_DRAWN`] draws the nearest.
    pub fn set_window(&mut self, window: Option<(Cp, Cp, Cp)>) {
        if self.window != window {
            self.window = window;
            self.redraw();
        }
    }

    fn redraw(&mut self) {
        let Some(all) = self.synced.clone() else {
            return;
        };
        // The document's annotations, in one pass over all of them (each pass over 300,000
        // costs some 15 ms).
        let doc: Vec<&Annotation> = all.iter().filter(|a| a.document == self.doc).collect();
        // Many annotations and no window yet (the reader has not reported): draw nothing
        // rather than all of them for one frame.
        let window = match (doc.len() > WINDOW_FROM, self.window) {
            (false, _) => None,
            (true, Some(w)) => Some(w),
            (true, None) => Some((Cp(0), Cp(0), Cp(0))),
        };
        let mut near: Vec<&Annotation> = doc
            .into_iter()
            .filter(|a| window.is_none_or(|(lo, hi, _)| a.start < hi && a.end > lo))
            .collect();
        // A text denser with annotations than any screen can show (100,000 on 26 KB, four on
        // each character): only the MOST_DRAWN nearest the middle of the view are drawn.
        // Registering every one held the page for seconds, and thousands stacked on the
        // same words show no more than hundreds.
        if near.len() > MOST_DRAWN {
            let middle = window.map_or(0, |(_, _, focus)| focus.0);
            let distance =
                |a: &Annotation| a.start.0.abs_diff(middle).min(a.end.0.abs_diff(middle));
            near.select_nth_unstable_by_key(MOST_DRAWN, |a| distance(a));
            near.truncate(MOST_DRAWN);
        }
        self.sync(near);
    }

    /// Draws exactly `annotations`: adds the new and changed, removes the gone.
    fn sync<'a>(&mut self, annotations: impl IntoIterator<Item = &'a Annotation>) {
        let mut keep: HashMap<&str, &Annotation> = HashMap::new();
        for a in annotations {
            keep.insert(a.id.as_str(), a);
        }
        let stale: Vec<String> = self
            .drawn
            .iter()
            .filter(|(id, d)| {
                keep.get(id.as_str())
                    .is_none_or(|a| a.updated != d.updated || a.tags != d.tags)
            })
            .map(|(id, _)| id.clone())
            .collect();
        if stale.len() > 64 && stale.len() * 2 > self.drawn.len() {
            // Most of what is drawn goes (an import undone, another document): emptying the
            // tag layers at once is far cheaper than thousands of `Highlight.delete` calls.
            self.clear_tags();
            self.drawn.clear();
        } else {
            for id in stale {
                if let Some(d) = self.drawn.remove(&id) {
                    self.undraw(&d);
                }
            }
        }
        for (id, a) in keep {
            if self.drawn.contains_key(id) {
                continue;
            }
            // A tag of the whole document has no passage to draw.
            if a.whole_document {
                continue;
            }
            let Some(range) = text_view::range_of(a.start, a.end) else {
                continue;
            };
            let abstract_range: &AbstractRange = range.as_ref();
            self.each_layer(&a.tags, |h| {
                h.add(abstract_range);
            });
            self.drawn.insert(
                id.to_string(),
                Drawn {
                    updated: a.updated,
                    tags: a.tags.clone(),
                    range,
                },
            );
        }
    }

    fn undraw(&self, d: &Drawn) {
        let r: &AbstractRange = d.range.as_ref();
        self.each_layer(&d.tags, |h| {
            h.delete(r);
        });
    }

    /// How many annotations are drawn.
    pub fn len(&self) -> usize {
        self.drawn.len()
    }

    /// True when nothing is drawn.
    pub fn is_empty(&self) -> bool {
        self.drawn.is_empty()
    }

    /// Marks one span as the current annotation (or none).
    pub fn show_selected(&mut self, span: Option<(Cp, Cp)>) {
        redraw(
            &self.selected,
            &mut self.selected_span,
            span.into_iter().collect(),
        );
    }

    /// Marks the span waiting for tags (or none).
    pub fn show_pending(&mut self, span: Option<(Cp, Cp)>) {
        redraw(
            &self.pending,
            &mut self.pending_span,
            span.into_iter().collect(),
        );
    }

    /// Marks the passages the side panel points at (replacing the previous ones).
    pub fn show_marked(&mut self, spans: impl IntoIterator<Item = (Cp, Cp)>) {
        redraw(
            &self.marked,
            &mut self.marked_spans,
            spans.into_iter().collect(),
        );
    }

    /// Marks where compared annotators agree (replacing the previous ones).
    pub fn show_agreed(&mut self, spans: impl IntoIterator<Item = (Cp, Cp)>) {
        redraw(
            &self.agreed,
            &mut self.agreed_spans,
            spans.into_iter().collect(),
        );
    }

    /// Draws the keyboard caret on the character after `at` (or hides it; nothing is drawn
    /// at the end of the text, where no character follows).
    pub fn show_caret(&mut self, at: Option<Cp>) {
        let span = at.map(|a| (a, Cp(a.0 + 1)));
        redraw(
            &self.caret,
            &mut self.caret_span,
            span.into_iter().collect(),
        );
    }
}

/// Redraws a highlight with `spans`, unless it already shows exactly those.
fn redraw(h: &Highlight, drawn: &mut Vec<(Cp, Cp)>, spans: Vec<(Cp, Cp)>) {
    if *drawn == spans {
        return;
    }
    h.clear();
    for &(s, e) in &spans {
        if let Some(range) = text_view::range_of(s, e) {
            h.add(range.as_ref());
        }
    }
    *drawn = spans;
}

impl Drop for Layer {
    fn drop(&mut self) {
        self.clear();
        // Every highlight of the page is this layer's.
        self.registry.clear();
    }
}
