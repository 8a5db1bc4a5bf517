//! The teacher's tools as a WebAssembly module of their own: Compare (the students' files a
//! teacher loads for the open document, their agreement, each student's scores against
//! an answer key, the gold standard) and the assignment form; and, because it is as rarely
//! opened and weighed 4 KB of the first load, the suggestions panel. The app fetches this module the first time a
//! user opens one of them (`src/web/teacher.rs`), so that none of it weighs on the first
//! load (issue 22: Compare and the form were some 30 KB brotli of it).
//!
//! Each tool is a Yew app of this module's, mounted in an element the app draws for it.
//! What it knows of the app comes in through [`show_compare`] (the document, Compare's files
//! as their stored records, how they are looked at, the user's name) and
//! [`show_assignment`] (the documents, the open one, the user's own codes); what it asks
//! goes back as messages ([`host::Msg`]), which the app turns into its own actions, so that
//! the app's state and storage stay the one place where the user's work lives. The figures
//! are the app's pure core (`gcm_annotator::classroom`, `gcm_annotator::stats`), tested
//! natively there.
#![cfg(target_arch = "wasm32")]

mod assignment;
mod compare;
mod host;
mod learning;
mod report;
mod suggestions;
mod teaching;

use gcm_annotator::document::{Document, Origin};
use gcm_annotator::state::class::{Class, ClassView, CLASS_PREFIX};
use gcm_annotator::text::DocText;
use host::{draw, Host};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;
use yew::AppHandle;

/// The numbers of the records of Compare's files that could not be read, with why.
type Unread = Rc<Vec<(u64, String)>>;

thread_local! {
    /// The Compare app on screen, and the element it is drawn in.
    static APP: RefCell<Option<(web_sys::Element, AppHandle<compare::Compare>)>> = const { RefCell::new(None) };
    /// The suggestions panel on screen, and the element it is drawn in.
    static SUGGESTIONS: RefCell<Option<(web_sys::Element, AppHandle<suggestions::Suggestions>)>> = const { RefCell::new(None) };
    /// The assignment form on screen, and the element it is drawn in.
    static FORM: RefCell<Option<(web_sys::Element, AppHandle<assignment::AssignmentForm>)>> = const { RefCell::new(None) };
    /// Compare's files last handed over, read, and the numbers of those that could not be
    /// read with why: a hand-over without records (the same as last time) keeps them.
    static FILES: RefCell<(Class, Unread)> = RefCell::default();
    /// The files Compare read and handed to the app since the last hand-over, which then
    /// need not be decoded from their records.
    pub(crate) static FRESH: RefCell<gcm_annotator::state::class::Fresh> = RefCell::default();
    /// What Compare was last handed, while it is on the page.
    static HOST: RefCell<Option<Host>> = const { RefCell::new(None) };
    /// The open document's gold standard last handed over, read.
    static GOLD: RefCell<Rc<Vec<gcm_annotator::annotation::Annotation>>> = RefCell::default();
    /// The gold standard last handed over, until it is read ([`read_gold`]).
    static GOLD_RECORD: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The document last shown: the same one keeps its text and indexes, not built again.
    static DOC: RefCell<Option<Rc<Document>>> = const { RefCell::new(None) };
}

/// Formats this module's messages in the language with this `code` (`en`, `fr`, `es`)
/// through `bundles`, the app's `FluentBundle`s in fallback order (the app calls this when
/// the module loads and when the user switches language, then shows the tools again).
#[wasm_bindgen(js_name = useBundles)]
pub fn use_bundles(code: &str, bundles: js_sys::Array) {
    let language = gcm_annotator::i18n::Language::from_code(code).unwrap_or_default();
    gcm_annotator::i18n::js::install_bundles(language, bundles.iter().collect());
    // The readers, when Compare reads other tools' files, load through this module's own
    // copy of their loader, which learns the language here.
    gcm_annotator::web::readers::use_bundles(code, bundles);
}

/// Draws Compare in `el` (an element the app keeps empty for it), or draws it again there
/// with new data.
///
/// - `id`, `title`, `seed`, `text`: the open document (`seed`: one of the bundled texts);
/// - `records`: `[[key, json], …]`, Compare's files as storage holds them, every
///   document's (`class-<n>` records of `gcm_annotator::state::class`); `null` when they
///   are the same as last time;
/// - `gold`: the document's gold standard (its curated annotations) as a chunk record
///   (`gcm_annotator::storage::encode_chunk`); `null` when the same as last time;
/// - `coded_only`, `column`, `descending`, `no_key`: how they are looked at (`ClassView`);
/// - `annotator`, `annotator_id`: the user's name (for the names of downloaded files, and
///   as the curator of the gold standard) and annotator id;
/// - `send`: the app's function that takes Compare's messages ([`host::Msg`], as arrays).
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen(js_name = showCompare)]
pub fn show_compare(
    el: web_sys::Element,
    id: String,
    title: String,
    seed: bool,
    text: String,
    records: wasm_bindgen::JsValue,
    gold: Option<String>,
    coded_only: bool,
    column: u32,
    descending: bool,
    no_key: bool,
    annotator: String,
    annotator_id: String,
    send: js_sys::Function,
) {
    host::connect(send);
    if let Some(records) = records.dyn_ref::<js_sys::Array>() {
        FILES.with(|f| *f.borrow_mut() = read(&string_pairs(records)));
    }
    // Read in a task of its own, after this one: the app's writing it and this reading it
    // in one task held the page for 270 ms with a gold standard of 14,000 passages.
    let new_gold = gold.is_some();
    if let Some(gold) = gold {
        GOLD_RECORD.with(|g| *g.borrow_mut() = Some(gold));
    }
    let (mut class, unread) = FILES.with(|f| f.borrow().clone());
    class.view = ClassView {
        coded_only,
        sort: (column as usize, descending),
        no_key,
    };
    let doc = document(id, title, seed, text);
    let gold = GOLD.with(|g| g.borrow().clone());
    let host = Host::new(doc, class, unread, gold, (annotator, annotator_id));
    HOST.with(|h| *h.borrow_mut() = Some(host.clone()));
    APP.with(|app| draw(app, el.clone(), compare::Props { host }));
    if new_gold {
        wasm_bindgen_futures::spawn_local(read_gold(el));
    }
}

/// Reads the gold standard last handed over, if no later hand-over read it first, and draws
/// Compare again in `el` with it.
async fn read_gold(el: web_sys::Element) {
    gloo::timers::future::TimeoutFuture::new(0).await;
    let Some(record) = GOLD_RECORD.with(|g| g.borrow_mut().take()) else {
        return;
    };
    // A record the app just wrote: it reads (else the gold standard shows as empty).
    let read = gcm_annotator::storage::decode::<gcm_annotator::storage::StoredChunk>(&record);
    let gold = Rc::new(read.map(|c| c.annotations).unwrap_or_default());
    GOLD.with(|g| *g.borrow_mut() = gold.clone());
    let Some(host) = HOST.with(|h| h.borrow().clone()).map(|h| h.with_gold(gold)) else {
        return;
    };
    HOST.with(|h| *h.borrow_mut() = Some(host.clone()));
    APP.with(|app| draw(app, el, compare::Props { host }));
}

/// The open document the app handed over: the one kept when it is the same (its text and
/// indexes are not built again), else a new one.
fn document(id: String, title: String, seed: bool, text: String) -> Rc<Document> {
    DOC.with(|d| {
        let mut d = d.borrow_mut();
        match &*d {
            Some(doc) if doc.id == id && doc.title == title && doc.text.as_str() == text => {
                doc.clone()
            }
            _ => d
                .insert(Rc::new(Document {
                    id,
                    title,
                    description: String::new(),
                    origin: if seed { Origin::Seed } else { Origin::User },
                    text: DocText::new(text),
                    source: None,
                    pages: Vec::new(),
                }))
                .clone(),
        }
    })
}

/// Draws the suggestions panel in `el` (an element the app keeps empty for it), or draws
/// it again there with new data.
///
/// - `id`, `title`, `seed`, `text`: the open document, as for [`show_compare`];
/// - `have`: its annotations as a chunk record (`gcm_annotator::storage::encode_chunk`);
/// - `allowed`: false when the assignment being worked on turns suggestions off;
/// - `scope`: the tags the assignment offers (empty: every tag);
/// - `mine`: the user's own annotations in every document, which the suggester learns
///   from (`gcm_annotator::suggest::learner::examples_to_json`);
/// - `record`: the suggester's record as the app stores it (`undefined`: none yet);
/// - `read_only`: true in a tab that only reads (another tab edits);
/// - `send`: as for [`show_compare`].
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen(js_name = showSuggestions)]
pub fn show_suggestions(
    el: web_sys::Element,
    id: String,
    title: String,
    seed: bool,
    text: String,
    have: String,
    allowed: bool,
    scope: Vec<String>,
    mine: String,
    record: Option<String>,
    read_only: bool,
    send: js_sys::Function,
) {
    host::connect(send);
    let have = gcm_annotator::storage::decode::<gcm_annotator::storage::StoredChunk>(&have);
    let props = suggestions::Props {
        doc: document(id, title, seed, text),
        have: Rc::new(have.map(|c| c.annotations).unwrap_or_default()),
        allowed,
        scope: Rc::new(scope),
        language: gcm_annotator::i18n::language(),
        learner: learning::Same(learning::learner(record)),
        mine: learning::examples(mine).map(learning::Same),
        read_only,
    };
    SUGGESTIONS.with(|slot| draw(slot, el, props));
}

/// Takes the suggestions panel off the page (the app closed it).
#[wasm_bindgen(js_name = hideSuggestions)]
pub fn hide_suggestions() {
    if let Some((_, app)) = SUGGESTIONS.with(|a| a.borrow_mut().take()) {
        app.destroy();
    }
}

/// Compare's files read from their records, and the numbers of the records that could not
/// be read, with why (in record order, as [`Class::decode`] reports them). A record that
/// cannot be read is kept by the app, untouched; Compare says so, and offers to remove it.
fn read(records: &[(String, String)]) -> (Class, Unread) {
    let (class, problems) = FRESH.with(|f| Class::decode_with(records, &mut f.take()));
    let read: std::collections::HashSet<u64> = class.all_files().map(|f| f.n).collect();
    let failed = (records.iter())
        .filter_map(|(key, _)| key.strip_prefix(CLASS_PREFIX)?.parse::<u64>().ok())
        .filter(|n| !read.contains(n));
    let unread = failed
        .zip(problems)
        .map(|(n, e)| {
            (
                n,
                gcm_annotator::t!("storage-class-lost", reason = e.to_string()),
            )
        })
        .collect();
    (class, Rc::new(unread))
}

/// Adds `files` (`File`s dropped on Compare's panel) to Compare, as its *Add files…* does;
/// nothing when Compare is not on the page.
#[wasm_bindgen(js_name = addToCompare)]
pub fn add_to_compare(files: js_sys::Array) {
    let files: Vec<web_sys::File> = files.iter().filter_map(|f| f.dyn_into().ok()).collect();
    if let Some(host) = HOST.with(|h| h.borrow().clone()) {
        wasm_bindgen_futures::spawn_local(compare::add_files(host, files));
    }
}

/// Takes Compare off the page (the app closed its panel). The messages' function stays
/// until the next show replaces it.
#[wasm_bindgen(js_name = hideCompare)]
pub fn hide_compare() {
    HOST.with(|h| h.borrow_mut().take());
    if let Some((_, app)) = APP.with(|a| a.borrow_mut().take()) {
        app.destroy();
    }
}

/// Draws the assignment form in `el`, or draws it again there with new data (what the
/// teacher typed and ticked stays).
///
/// - `documents`: `[[id, title], …]`, the documents it may hand out;
/// - `open`: the open document's id (ticked at first), or `null`;
/// - `own`: `[[id, name], …]`, the user's own codes;
/// - `send`: as for [`show_compare`].
#[wasm_bindgen(js_name = showAssignment)]
pub fn show_assignment(
    el: web_sys::Element,
    documents: js_sys::Array,
    open: Option<String>,
    own: js_sys::Array,
    send: js_sys::Function,
) {
    host::connect(send);
    let props = assignment::Props {
        documents: Rc::new(string_pairs(&documents)),
        open,
        own: Rc::new(string_pairs(&own)),
        language: gcm_annotator::i18n::language(),
    };
    FORM.with(|form| draw(form, el, props));
}

/// Takes the assignment form off the page (the app closed the Export panel).
#[wasm_bindgen(js_name = hideAssignment)]
pub fn hide_assignment() {
    if let Some((_, form)) = FORM.with(|f| f.borrow_mut().take()) {
        form.destroy();
    }
}

/// Prints the report of the open document (the app's "Print report"): draws it in a
/// child of `el` (the page's `<body>`) and opens the browser's print dialog on it.
///
/// - `title`, `pages`: the document's title and where its pages start (code points);
/// - `annotations`: its annotations, as a stored chunk of them (`storage::encode_chunk`);
/// - `codes`: the user's own codes, as their stored record (`StoredCodebook`);
/// - `annotator`: the user's name;
/// - `send`: as for [`show_compare`] (a report that cannot be printed says so through it).
#[wasm_bindgen(js_name = showReport)]
pub fn show_report(
    el: web_sys::Element,
    title: String,
    pages: Vec<u32>,
    annotations: String,
    codes: String,
    annotator: String,
    send: js_sys::Function,
) {
    use gcm_annotator::storage::{decode, StoredChunk, StoredCodebook};
    host::connect(send);
    // Records the app wrote a moment ago: one out of shape is a bug, printed empty.
    let annotations = decode::<StoredChunk>(&annotations).unwrap_or_default();
    let codes = decode::<StoredCodebook>(&codes).unwrap_or_default();
    let doc = Document {
        id: String::new(),
        title,
        description: String::new(),
        origin: Origin::User,
        text: DocText::new(String::new()),
        source: None,
        pages: pages
            .into_iter()
            .map(|p| gcm_annotator::text::Cp(p as usize))
            .collect(),
    };
    report::print(
        el,
        report::Kind::Document(report::document::Data {
            doc,
            annotations: annotations.annotations,
            codebook: gcm_annotator::codes::Codebook::new(codes.codes),
            annotator,
        }),
    );
}

/// `[[a, b], …]` from the app, as pairs of strings; an item out of shape is passed over.
fn string_pairs(list: &js_sys::Array) -> Vec<(String, String)> {
    (list.iter())
        .filter_map(|r| {
            let r: js_sys::Array = r.dyn_into().ok()?;
            Some((r.get(0).as_string()?, r.get(1).as_string()?))
        })
        .collect()
}
