//! Compare's module (the `compare/` crate, built into `dist/compare/`): the view of the
//! students' files, their agreement and their scores, which this imports the first time a
//! user opens Compare, so that it weighs nothing on the first load. It is a Yew app of its
//! own, drawn in the panel the app keeps empty for it. This hands it what it draws ([`show`])
//! and the interface's language ([`use_bundles`]), and turns what it asks ([`receive`]) into
//! the app's actions: Compare's files live in the app's state and storage, not there.

use crate::notices::Level;
use crate::session::{Panel, Progress};
use crate::state::class::Seat;
use crate::state::Action;
use crate::text::Cp;
use js_sys::{Array, Promise, Uint32Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

// The module, imported once (a failed import is tried again next time), as the readers'
// is (src/web/readers.rs). `want` is the panel Compare should be drawn in, if any: a
// panel closed while the module loads gets nothing.
#[wasm_bindgen(inline_js = r#"
let loading = null, speaking = null, want = null;
function compare() {
  if (loading === null) {
    loading = import(new URL("compare/gcm_compare.js", document.baseURI).href)
      .then(async (m) => { await m.default(); if (speaking) m.useBundles(...speaking); return m; });
    loading.catch(() => { loading = null; });
  }
  return loading;
}
export function useBundles(code, bundles) {
  speaking = [code, bundles];
  if (loading) loading.then((m) => m.useBundles(code, bundles), () => {});
}
export async function showCompare(el, args) {
  want = el;
  const m = await compare();
  if (want === el && el.isConnected) m.show(el, ...args);
}
export function hideCompare() {
  want = null;
  if (loading) loading.then((m) => m.hide(), () => {});
}
"#)]
extern "C" {
    /// Makes Compare's module speak the language with this code through these
    /// `FluentBundle`s (in fallback order), now if it is loaded, else as soon as it loads.
    #[wasm_bindgen(js_name = useBundles)]
    pub fn use_bundles(code: &str, bundles: Array);
    #[wasm_bindgen(js_name = showCompare)]
    fn show_compare(el: &web_sys::Element, args: &Array) -> Promise;
    /// Takes Compare off the page.
    #[wasm_bindgen(js_name = hideCompare)]
    pub fn hide();
}

/// What Compare draws: the open document, its files in Compare (`records`: `(key, json)`
/// as storage holds them), how they are looked at, and the user's name (for the names of
/// downloaded files).
pub struct Shown<'a> {
    pub doc: &'a crate::document::Document,
    pub records: Vec<(String, String)>,
    pub view: crate::state::class::ClassView,
    pub annotator: String,
}

/// Draws Compare in `el` with `shown`, loading its module first if need be. The future
/// fails when the module could not be loaded (offline before it was ever fetched).
/// `receive` gets what Compare asks, as [`receive`] reads it.
pub fn show(
    el: &web_sys::Element,
    shown: Shown<'_>,
    receive: &js_sys::Function,
) -> wasm_bindgen_futures::JsFuture {
    let records: Array = shown
        .records
        .iter()
        .map(|(k, v)| Array::of2(&JsValue::from_str(k), &JsValue::from_str(v)))
        .collect();
    let args: Array = [
        JsValue::from_str(&shown.doc.id),
        JsValue::from_str(&shown.doc.title),
        JsValue::from_bool(shown.doc.origin == crate::document::Origin::Seed),
        JsValue::from_str(shown.doc.text.as_str()),
        records.into(),
        JsValue::from_bool(shown.view.coded_only),
        JsValue::from_f64(shown.view.sort.0 as f64),
        JsValue::from_bool(shown.view.sort.1),
        JsValue::from_str(&shown.annotator),
        receive.into(),
    ]
    .into_iter()
    .collect();
    wasm_bindgen_futures::JsFuture::from(show_compare(el, &args))
}

/// The action for one of Compare's messages (see `compare/src/host.rs`, `send`), or `None`
/// for a message out of shape. Showing a passage is done here, at once: it changes nothing
/// in the state.
pub fn receive(msg: &JsValue) -> Option<Action> {
    let a: &Array = msg.dyn_ref()?;
    let n = |i: u32| a.get(i).as_f64().map(|x| x as usize);
    let s = |i: u32| a.get(i).as_string();
    let spans = |i: u32| -> Option<Vec<(Cp, Cp)>> {
        let flat = a.get(i).dyn_into::<Uint32Array>().ok()?.to_vec();
        Some(
            flat.chunks_exact(2)
                .map(|p| (Cp(p[0] as usize), Cp(p[1] as usize)))
                .collect(),
        )
    };
    Some(match s(0)?.as_str() {
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
        "add" => {
            let (document, file, annotators) =
                crate::state::class::read_file_record(&s(1)?).ok()?;
            Action::AddClassFile {
                document,
                file,
                annotators,
            }
        }
        "remove" => Action::RemoveClassFile(n(1)? as u64),
        "key" => {
            let seat: Option<Seat> = n(2).zip(n(3)).map(|(f, i)| (f as u64, i));
            Action::SetAnswerKey {
                document: s(1)?,
                seat,
            }
        }
        "view" => Action::SetClassView(crate::state::class::ClassView {
            coded_only: a.get(1).as_bool()?,
            sort: (n(2)?, a.get(3).as_bool()?),
        }),
        "mark" => Action::Mark(spans(1)?),
        "agreed" => Action::MarkAgreed(spans(1)?),
        "close" => Action::ShowPanel(Panel::Annotations),
        "show" => {
            let (start, end) = (Cp(n(1)?), Cp(n(2)?));
            super::scroll::scroll_to_span(start, end);
            super::text_view::select_span(start, end);
            return None;
        }
        _ => return None,
    })
}
