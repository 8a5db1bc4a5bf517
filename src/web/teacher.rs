//! The teacher's tools' module (the `teacher/` crate, built into `dist/teacher/`): Compare
//! (the students' files, their agreement and their scores), the assignment form, the
//! suggestions panel and the printed report, which this imports the first time a user
//! opens one of them, so that they weigh nothing on the first load. Each is a Yew app of
//! the module's, drawn in an element the app keeps empty for it (the report, at the end of
//! `<body>`). This hands them what they draw ([`show_compare`], [`show_assignment`],
//! [`print_report`]) and the
//! interface's language ([`use_bundles`]), and turns what they ask ([`receive`]) into the
//! app's actions: Compare's files live in the app's state and storage, not there.

use crate::notices::Level;
use crate::session::{Panel, Progress};
use crate::state::Action;
use crate::text::Cp;
use js_sys::{Array, Promise, Uint32Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

// The module, imported once (a failed import is tried again next time), as the readers'
// is (src/web/readers.rs). `want[tool]` is the element the tool (`Compare`, `Assignment`)
// should be drawn in, if any: one taken off the page while the module loads gets nothing.
#[wasm_bindgen(inline_js = r#"
let loading = null, speaking = null;
const want = {};
function teacher() {
  if (loading === null) {
    loading = import(new URL("teacher/gcm_teacher.js", document.baseURI).href)
      .then(async (m) => { await m.default(); if (speaking) m.useBundles(...speaking); return m; });
    loading.catch(() => { loading = null; });
  }
  return loading;
}
export function useBundles(code, bundles) {
  speaking = [code, bundles];
  if (loading) loading.then((m) => m.useBundles(code, bundles), () => {});
}
export async function showTool(tool, el, args) {
  want[tool] = el;
  const m = await teacher();
  if (want[tool] === el && el.isConnected) m["show" + tool](el, ...args);
}
export function addToCompare(files) {
  if (loading) loading.then((m) => m.addToCompare(files), () => {});
}
export function hideTool(tool) {
  want[tool] = null;
  if (loading) loading.then((m) => m["hide" + tool](), () => {});
}
"#)]
extern "C" {
    /// Makes the teacher's tools speak the language with this code through these
    /// `FluentBundle`s (in fallback order), now if they are loaded, else as soon as they load.
    #[wasm_bindgen(js_name = useBundles)]
    pub fn use_bundles(code: &str, bundles: Array);
    #[wasm_bindgen(js_name = showTool)]
    fn show_tool(tool: &str, el: &web_sys::Element, args: &Array) -> Promise;
    #[wasm_bindgen(js_name = hideTool)]
    fn hide_tool(tool: &str);
    /// Adds these files (dropped on Compare's panel) to Compare, as its *Add files…* does.
    #[wasm_bindgen(js_name = addToCompare)]
    pub fn add_to_compare(files: &Array);
}

/// A fingerprint of some annotations, for a tool's host to tell when to hand them over
/// again without copying them on every render: it changes when one is made, edited (its
/// `updated` time) or deleted, and when Undo brings one back as it was.
pub fn fingerprint<'a>(
    annotations: impl Iterator<Item = &'a crate::annotation::Annotation>,
) -> (usize, i64, usize) {
    annotations.fold((0, 0, 0), |(n, t, s), a| {
        (
            n + 1,
            t.wrapping_add(a.updated),
            s.wrapping_add(a.start.0 * 31 + a.end.0),
        )
    })
}

/// Takes Compare off the page.
pub fn hide_compare() {
    hide_tool("Compare");
}

/// Takes the assignment form off the page.
pub fn hide_assignment() {
    hide_tool("Assignment");
}

/// Takes the suggestions panel off the page.
pub fn hide_suggestions() {
    hide_tool("Suggestions");
}

/// What the suggestions panel learns from: the user's own annotations in every document
/// (`mine`, [`crate::suggest::learner::examples_to_json`]) and the suggester's record as
/// stored (`record`, [`crate::state::Model::suggester`]).
pub struct Learning<'a> {
    pub mine: &'a str,
    pub record: Option<&'a str>,
    /// True in a tab that only reads: the panel then changes nothing.
    pub read_only: bool,
}

/// Draws the suggestions panel in `el`: for the open document `doc`, with its annotations
/// (`have`, a chunk record), whether the assignment allows suggestions and the tags it
/// offers (`scope`, empty for every tag), and what the suggester learns from. As
/// [`show_compare`] for the rest.
pub fn show_suggestions(
    el: &web_sys::Element,
    doc: &crate::document::Document,
    have: &str,
    (allowed, scope): (bool, &[String]),
    learning: Learning<'_>,
    receive: &js_sys::Function,
) -> wasm_bindgen_futures::JsFuture {
    let scope: Array = scope.iter().map(|t| JsValue::from_str(t)).collect();
    let args: Array = [
        JsValue::from_str(&doc.id),
        JsValue::from_str(&doc.title),
        JsValue::from_bool(doc.origin == crate::document::Origin::Seed),
        JsValue::from_str(doc.text.as_str()),
        JsValue::from_str(have),
        JsValue::from_bool(allowed),
        scope.into(),
        JsValue::from_str(learning.mine),
        learning
            .record
            .map_or(JsValue::UNDEFINED, JsValue::from_str),
        JsValue::from_bool(learning.read_only),
        receive.into(),
    ]
    .into_iter()
    .collect();
    wasm_bindgen_futures::JsFuture::from(show_tool("Suggestions", el, &args))
}

/// What Compare draws: the open document, Compare's files (`records`: `(key, json)` as
/// storage holds them, every document's: Compare reads them and keeps the document's;
/// `None`: the same as last time), how they are looked at, and the user's name (for the
/// names of downloaded files).
pub struct Shown<'a> {
    pub doc: &'a crate::document::Document,
    pub records: Option<Vec<(String, String)>>,
    /// The document's gold standard (its curated annotations) as a chunk record
    /// ([`crate::storage::encode_chunk`]); `None`: the same as last time.
    pub gold: Option<String>,
    /// This profile's annotator id, which the gold standard's passages record.
    pub annotator_id: String,
    pub view: crate::state::class::ClassView,
    pub annotator: String,
}

/// Draws Compare in `el` with `shown`, loading the module first if need be. The future
/// fails when the module could not be loaded (offline before it was ever fetched).
/// `receive` gets what Compare asks, as [`receive`] reads it.
pub fn show_compare(
    el: &web_sys::Element,
    shown: Shown<'_>,
    receive: &js_sys::Function,
) -> wasm_bindgen_futures::JsFuture {
    let records = shown.records.map_or(JsValue::NULL, |r| {
        let list: Array = (r.iter())
            .map(|(k, v)| Array::of2(&JsValue::from_str(k), &JsValue::from_str(v)))
            .collect();
        list.into()
    });
    let args: Array = [
        JsValue::from_str(&shown.doc.id),
        JsValue::from_str(&shown.doc.title),
        JsValue::from_bool(shown.doc.origin == crate::document::Origin::Seed),
        JsValue::from_str(shown.doc.text.as_str()),
        records,
        shown.gold.map_or(JsValue::NULL, |g| JsValue::from_str(&g)),
        JsValue::from_bool(shown.view.coded_only),
        JsValue::from_f64(shown.view.sort.0 as f64),
        JsValue::from_bool(shown.view.sort.1),
        JsValue::from_bool(shown.view.no_key),
        JsValue::from_str(&shown.annotator),
        JsValue::from_str(&shown.annotator_id),
        receive.into(),
    ]
    .into_iter()
    .collect();
    wasm_bindgen_futures::JsFuture::from(show_tool("Compare", el, &args))
}

/// Draws the assignment form in `el`: the documents it may hand out (`(id, title)`), the
/// open one (ticked at first), and the user's own codes (`(id, name)`), which may be in
/// scope as the GCM's tags may. As [`show_compare`] for the rest.
pub fn show_assignment(
    el: &web_sys::Element,
    documents: &[(String, String)],
    open: Option<&str>,
    own: &[(String, String)],
    receive: &js_sys::Function,
) -> wasm_bindgen_futures::JsFuture {
    let pairs = |list: &[(String, String)]| -> JsValue {
        let out: Array = list
            .iter()
            .map(|(a, b)| Array::of2(&JsValue::from_str(a), &JsValue::from_str(b)))
            .collect();
        out.into()
    };
    let args: Array = [
        pairs(documents),
        open.map_or(JsValue::NULL, JsValue::from_str),
        pairs(own),
        receive.into(),
    ]
    .into_iter()
    .collect();
    wasm_bindgen_futures::JsFuture::from(show_tool("Assignment", el, &args))
}

/// Prints the report of `doc`: its `annotations` and the user's own `codes` as storage
/// writes them (`storage::encode_chunk`, a `StoredCodebook`), and the user's name
/// (`annotator`); loads the module first if need be. As [`show_compare`] for the rest. The
/// module draws it at the end of `<body>` and opens the print dialog.
pub fn print_report(
    doc: &crate::document::Document,
    annotations: String,
    codes: String,
    annotator: String,
    receive: &js_sys::Function,
) -> wasm_bindgen_futures::JsFuture {
    let pages: Vec<u32> = doc.pages.iter().map(|p| p.0 as u32).collect();
    let args: Array = [
        JsValue::from_str(&doc.title),
        Uint32Array::from(&pages[..]).into(),
        annotations.into(),
        codes.into(),
        annotator.into(),
        receive.into(),
    ]
    .into_iter()
    .collect();
    let body: web_sys::Element = gloo::utils::body().into();
    wasm_bindgen_futures::JsFuture::from(show_tool("Report", &body, &args))
}

/// Says `error` (a message of the interface's) when `loaded` fails: the module could not be
/// loaded (offline before it was ever fetched). One function for every tool's call.
pub fn say_if_not_loaded(
    loaded: wasm_bindgen_futures::JsFuture,
    dispatcher: yew::functional::UseReducerDispatcher<super::app_state::AppState>,
    error: fn() -> String,
) {
    wasm_bindgen_futures::spawn_local(async move {
        if loaded.await.is_err() {
            dispatcher.dispatch(Action::Notify(Level::Error, error()));
        }
    });
}

/// What one of the tools asks.
pub enum Received {
    /// Dispatch this.
    Action(Box<Action>),
    /// Scroll to this passage (code points) and select it: nothing in the state changes.
    Show(Cp, Cp),
    /// Part of a message to come, kept until it does: nothing to do yet.
    Kept,
}

thread_local! {
    /// The annotations of the `"replace-part"` messages of each batch, until its
    /// `"replace"` comes.
    static PARTS: std::cell::RefCell<std::collections::HashMap<String, Vec<crate::annotation::Annotation>>> =
        std::cell::RefCell::default();
}

/// What one of the tools' messages asks (see `teacher/src/host.rs`, `send`); `None` for a
/// message out of shape.
pub fn receive(msg: &JsValue) -> Option<Received> {
    let a: &Array = msg.dyn_ref()?;
    let n = |i: u32| a.get(i).as_f64().map(|x| x as usize);
    let s = |i: u32| a.get(i).as_string();
    let strings = |i: u32| -> Vec<String> {
        Array::from(&a.get(i))
            .iter()
            .filter_map(|v| v.as_string())
            .collect()
    };
    let spans = |i: u32| -> Option<Vec<(Cp, Cp)>> {
        let flat = a.get(i).dyn_into::<Uint32Array>().ok()?.to_vec();
        Some(
            flat.chunks_exact(2)
                .map(|p| (Cp(p[0] as usize), Cp(p[1] as usize)))
                .collect(),
        )
    };
    Some(Received::Action(Box::new(match s(0)?.as_str() {
        "progress" => Action::Progress(s(1).map(|label| Progress {
            label,
            done: n(2).unwrap_or(0),
            total: n(3).unwrap_or(0),
            percent: false,
        })),
        "notify" => {
            let level = if s(1)? == "info" {
                Level::Info
            } else {
                Level::Error
            };
            Action::Notify(level, s(2)?)
        }
        "add" => Action::AddClassFile(s(1)?),
        "put" => Action::PutClassFile(n(1)? as u64, s(2)?),
        "remove" => Action::RemoveClassFile(n(1)? as u64),
        "view" => Action::SetClassView(crate::state::class::ClassView {
            coded_only: a.get(1).as_bool()?,
            sort: (n(2)?, a.get(3).as_bool()?),
            no_key: a.get(4).as_bool()?,
        }),
        "accept" => Action::Accept {
            passages: (spans(1)?.into_iter().zip(strings(2)))
                .map(|((start, end), tag)| crate::action::Accepted {
                    id: super::platform::new_id(),
                    start,
                    end,
                    tag,
                })
                .collect(),
            now: super::platform::now(),
        },
        "replace-part" => {
            let part = crate::storage::decode::<crate::storage::StoredChunk>(&s(2)?).ok()?;
            PARTS.with(|p| {
                (p.borrow_mut().entry(s(1)?).or_default()).extend(part.annotations);
                Some(())
            })?;
            return Some(Received::Kept);
        }
        "replace" => Action::Replace {
            document: s(1)?,
            put: {
                let last = crate::storage::decode::<crate::storage::StoredChunk>(&s(2)?).ok()?;
                let mut put = (s(5).and_then(|b| PARTS.with(|p| p.borrow_mut().remove(&b))))
                    .unwrap_or_default();
                put.extend(last.annotations);
                put
            },
            remove: strings(3),
            codes: crate::storage::decode::<crate::storage::StoredCodebook>(&s(4)?)
                .ok()?
                .codes,
        },
        "suggester" => Action::PutSuggester(Some(s(1)?)),
        "mark" => Action::Mark(spans(1)?),
        "agreed" => Action::MarkAgreed(spans(1)?),
        "close" => Action::ShowPanel(Panel::Annotations),
        "assign" => Action::ExportAssignment {
            assignment: Box::new(crate::assignment::Assignment {
                id: super::platform::new_id(),
                // Bounded by the form; again here, where the file is made.
                instructions: crate::fields::Field::Instructions.clip(&s(1)?).0,
                tags: strings(2),
                suggestions: a.get(3).as_bool()?,
                documents: strings(4),
            }),
            examples: a.get(5).as_bool()?,
            now: super::platform::now(),
        },
        "show" => return Some(Received::Show(Cp(n(1)?), Cp(n(2)?))),
        _ => return None,
    })))
}
