//! What Compare knows of the app ([`Host`]: the open document, its files in Compare, the
//! user) and what the tools tell the app ([`Msg`]), through the one function the app hands
//! them; and how each tool's Yew app is put on the page ([`draw`]). The app turns each message into its own action (`src/web/teacher.rs` reads them),
//! so the tools change nothing themselves: Compare's files live in the app's state and
//! storage, and the app writes the assignment's file.

use gcm_annotator::document::Document;
use gcm_annotator::notices::Level;
use gcm_annotator::session::Progress;
use gcm_annotator::state::class::{Class, ClassView};
use gcm_annotator::text::Cp;
use js_sys::{Array, Function, Uint32Array};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// What the app handed Compare the last time it drew it.
#[derive(Clone)]
pub struct Host {
    /// The open document.
    pub doc: Rc<Document>,
    /// Compare's files, and how they are looked at.
    pub class: Rc<Class>,
    /// The number of each record of Compare's files that could not be read (it is kept),
    /// and why.
    pub unread: Rc<Vec<(u64, String)>>,
    /// The open document's gold standard: its curated annotations, as the app holds them.
    pub gold: Rc<Vec<gcm_annotator::annotation::Annotation>>,
    /// The user's name, for the names of downloaded files and as the gold standard's
    /// curator.
    pub annotator: Rc<str>,
    /// The user's annotator id (a UUID), which the gold standard's passages record.
    pub annotator_id: Rc<str>,
    /// Which hand-over this is: every one draws Compare again.
    generation: u64,
}

thread_local! {
    static GENERATION: Cell<u64> = const { Cell::new(0) };
    /// The app's function that takes messages.
    static SEND: RefCell<Option<Function>> = const { RefCell::new(None) };
    /// A throw-away app has been mounted (see [`before_first_mount`]).
    static BURNED: Cell<bool> = const { Cell::new(false) };
}

impl Host {
    /// A new hand-over from the app.
    pub fn new(
        doc: Rc<Document>,
        class: Class,
        unread: Rc<Vec<(u64, String)>>,
        gold: Rc<Vec<gcm_annotator::annotation::Annotation>>,
        (annotator, annotator_id): (String, String),
    ) -> Host {
        let generation = GENERATION.with(|g| {
            g.set(g.get() + 1);
            g.get()
        });
        Host {
            doc,
            class: Rc::new(class),
            unread,
            gold,
            annotator: annotator.into(),
            annotator_id: annotator_id.into(),
            generation,
        }
    }
}

impl Host {
    /// This hand-over with another gold standard, as a new hand-over.
    pub fn with_gold(&self, gold: Rc<Vec<gcm_annotator::annotation::Annotation>>) -> Host {
        Host {
            gold,
            generation: GENERATION.with(|g| {
                g.set(g.get() + 1);
                g.get()
            }),
            ..self.clone()
        }
    }
}

/// Hand-overs are compared by number: comparing the files would cost more than drawing.
impl PartialEq for Host {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation
    }
}

/// What the tools ask of the app. Each has an action of the app's.
pub enum Msg {
    /// Show this progress line, or none.
    Progress(Option<Progress>),
    /// Say this.
    Notify(Level, String),
    /// Add a file read: its record ([`gcm_annotator::state::class::Fresh::record`]),
    /// already a JS string, made while the file was read. A class's records are megabytes,
    /// better in JS's heap than in this module's memory, which never shrinks.
    Add(js_sys::JsString),
    /// Add an assignment file for `document`: what it hands out.
    AddScope {
        document: String,
        file: String,
        scope: gcm_annotator::state::class::Scope,
    },
    /// Take file `n` out of Compare.
    Remove(u64),
    /// Store file `n` as it is now in `class` (its answer key mark changed).
    Put(u64, Rc<Class>),
    /// Look at the files this way.
    View(ClassView),
    /// Mark these passages (code points) as disputed in the text.
    Mark(Vec<(Cp, Cp)>),
    /// Mark these passages as agreed on.
    Agreed(Vec<(Cp, Cp)>),
    /// Close Compare, back to the user's annotations.
    Close,
    /// Write an assignment file: the assignment's parts (the app gives it its id), and
    /// whether the user's own annotations go in as given examples.
    Assign {
        instructions: String,
        tags: Vec<String>,
        suggestions: bool,
        documents: Vec<String>,
        examples: bool,
    },
    /// Scroll to this passage of the text and select it.
    Show(Cp, Cp),
    /// Accept these suggested passages (span in code points, tag) of the open document: one
    /// undo step.
    Accept(Vec<(Cp, Cp, String)>),
    /// Store this as the suggester's record (what it learned: see
    /// `gcm_annotator::suggest::learner`), replacing the last.
    Suggester(String),
    /// Some of the annotations to put of the [`Msg::Replace`] of the same `batch` to come,
    /// kept by the app until it comes: a gold standard of thousands goes over in parts,
    /// each a short task, and is still one undo step.
    ReplacePart {
        batch: String,
        put: Vec<gcm_annotator::annotation::Annotation>,
    },
    /// Put these annotations of `document` in the app's library and delete those named
    /// (one undo step), after adding the own codes they carry: a gold standard settled.
    Replace {
        document: String,
        remove: Vec<String>,
        put: Vec<gcm_annotator::annotation::Annotation>,
        codes: Vec<gcm_annotator::codes::OwnCode>,
        /// The [`Msg::ReplacePart`]s sent before, whose annotations are put too; `None`:
        /// none were.
        batch: Option<String>,
    },
}

/// Keeps the app's function that takes messages.
pub fn connect(send: Function) {
    SEND.with(|s| *s.borrow_mut() = Some(send));
}

/// Sends `msg` to the app, as an array whose first item names it: `["add", record]`,
/// `["remove", n]`, `["put", n, record]`, `["view", codedOnly, column, descending, noKey]`,
/// `["mark"|"agreed", Uint32Array of start, end, …]`, `["progress", label?, done, total]`,
/// `["notify", "info"|"error", text]`, `["close"]`, `["show", start, end]`,
/// `["assign", instructions, [tag, …], suggestions, [document, …], examples]`,
/// `["accept", Uint32Array of start, end, …, [tag, …]]`,
/// `["replace-part", batch, chunk record of annotations to put]`, `["replace", document,
/// chunk record of the annotations to put, [id to remove, …], codebook record, batch or
/// null]`
/// (`src/web/teacher.rs` reads them).
pub fn send(msg: Msg) {
    let n = |x: u64| JsValue::from_f64(x as f64);
    let s = |x: &str| JsValue::from_str(x);
    let spans = |v: &[(Cp, Cp)]| {
        let flat: Vec<u32> = v
            .iter()
            .flat_map(|(a, b)| [a.0 as u32, b.0 as u32])
            .collect();
        JsValue::from(Uint32Array::from(&flat[..]))
    };
    let args: Vec<JsValue> = match msg {
        Msg::Progress(None) => vec![s("progress")],
        Msg::Progress(Some(p)) => vec![
            s("progress"),
            s(&p.label),
            n(p.done as u64),
            n(p.total as u64),
        ],
        Msg::Notify(level, text) => {
            let level = if level == Level::Info {
                "info"
            } else {
                "error"
            };
            vec![s("notify"), s(level), s(&text)]
        }
        Msg::Add(record) => vec![s("add"), record.into()],
        Msg::AddScope {
            document,
            file,
            scope,
        } => vec![
            s("add"),
            s(&gcm_annotator::state::class::scope_record(
                document, file, scope,
            )),
        ],
        Msg::Remove(file) => vec![s("remove"), n(file)],
        Msg::Put(file, class) => match class.record(file) {
            Some(record) => vec![s("put"), n(file), s(&record)],
            None => return,
        },
        Msg::View(v) => vec![
            s("view"),
            JsValue::from_bool(v.coded_only),
            n(v.sort.0 as u64),
            JsValue::from_bool(v.sort.1),
            JsValue::from_bool(v.no_key),
        ],
        Msg::Mark(v) => vec![s("mark"), spans(&v)],
        Msg::Agreed(v) => vec![s("agreed"), spans(&v)],
        Msg::Close => vec![s("close")],
        Msg::Assign {
            instructions,
            tags,
            suggestions,
            documents,
            examples,
        } => {
            let list = |v: Vec<String>| -> JsValue {
                v.iter()
                    .map(|x| JsValue::from_str(x))
                    .collect::<Array>()
                    .into()
            };
            vec![
                s("assign"),
                s(&instructions),
                list(tags),
                JsValue::from_bool(suggestions),
                list(documents),
                JsValue::from_bool(examples),
            ]
        }
        Msg::Show(a, b) => vec![s("show"), n(a.0 as u64), n(b.0 as u64)],
        Msg::Suggester(record) => vec![s("suggester"), s(&record)],
        Msg::Accept(list) => {
            let spans_of: Vec<(Cp, Cp)> = list.iter().map(|(a, b, _)| (*a, *b)).collect();
            let tags: Array = list.iter().map(|(_, _, t)| JsValue::from_str(t)).collect();
            vec![s("accept"), spans(&spans_of), tags.into()]
        }
        Msg::ReplacePart { batch, put } => vec![
            s("replace-part"),
            s(&batch),
            s(&gcm_annotator::storage::encode_chunk(&put)),
        ],
        Msg::Replace {
            document,
            remove,
            put,
            codes,
            batch,
        } => {
            let codes =
                gcm_annotator::storage::encode(&gcm_annotator::storage::StoredCodebook { codes });
            let remove: Array = remove.iter().map(|id| JsValue::from_str(id)).collect();
            vec![
                s("replace"),
                s(&document),
                s(&gcm_annotator::storage::encode_chunk(&put)),
                remove.into(),
                s(&codes),
                batch.map_or(JsValue::NULL, |b| s(&b)),
            ]
        }
    };
    let args: Array = args.into_iter().collect();
    SEND.with(|f| {
        if let Some(f) = &*f.borrow() {
            let _ = f.call1(&JsValue::NULL, &args);
        }
    });
}

/// Makes sure Compare's app is not the first Yew app of this module. Yew numbers the apps
/// of a module from 1 and tells which app an event belongs to by that number, which it
/// writes on the elements. The app that holds Compare's panel is number 1 of its own
/// module: were Compare's number 1 too, the app would take clicks in Compare for its own.
/// One throw-away app, mounted on an element that is never on the page, takes number 1.
/// This holds while the app has one Yew app and no portal (`src/web.rs` says so where it
/// mounts it): a portal of the app's above one of these tools would take a number too.
pub fn before_first_mount() {
    if BURNED.with(|b| b.replace(true)) {
        return;
    }
    // In the browser a panic stops this module for good: the app is told, and says so.
    yew::set_custom_panic_hook(Box::new(|info| {
        gloo::console::error!(info.to_string());
        send(Msg::Notify(
            Level::Error,
            gcm_annotator::t!("compare-crashed"),
        ));
    }));
    #[yew::function_component]
    fn Nothing() -> yew::Html {
        yew::Html::default()
    }
    if let Ok(el) = gloo::utils::document().create_element("div") {
        yew::Renderer::<Nothing>::with_root(el).render().destroy();
    }
}

/// Draws the tool kept in `slot` in `el` with `props`: again with the new props when it is
/// already there, else mounted anew (the one drawn elsewhere taken off first).
pub fn draw<C>(
    slot: &RefCell<Option<(web_sys::Element, yew::AppHandle<C>)>>,
    el: web_sys::Element,
    props: C::Properties,
) where
    C: yew::BaseComponent,
{
    let mut slot = slot.borrow_mut();
    match slot.as_mut() {
        Some((at, handle)) if *at == el => handle.update(props),
        _ => {
            if let Some((_, old)) = slot.take() {
                old.destroy();
            }
            before_first_mount();
            let handle = yew::Renderer::<C>::with_root_and_props(el.clone(), props).render();
            *slot = Some((el, handle));
        }
    }
}
