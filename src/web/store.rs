//! The browser's copy of the user's work, in IndexedDB (through `rexie`): user documents,
//! annotations, and settings with the open document and scroll positions.
//!
//! Writes go through one [`Saver`]: effects are turned into records at once (so a record
//! holds the state at the time of the change), queued, and written in order, one
//! transaction per batch. A failed write keeps the queue (nothing is dropped) and reports,
//! and the next change retries it. Only storage effects come here; the page's own (focus,
//! scrolling, downloads) go to [`super::effects`].

use crate::annotation::Annotation;
use crate::effect::Effect;
use crate::library::Library;
use crate::state::{Model, Restored};
use crate::storage::{
    annotation_fits, decode, encode, StoredDocument, StoredSettings, DB_NAME, SETTINGS_KEY,
    STORE_ANNOTATIONS, STORE_DOCUMENTS, STORE_META,
};
use rexie::{ObjectStore, Rexie, TransactionMode};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet, VecDeque};
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// One write: put a record under a key, or delete the key.
#[derive(Debug)]
struct Op {
    store: &'static str,
    key: String,
    value: Option<Record>,
}

/// A record to put: JSON already, or an annotation turned into JSON when it is written, so
/// that an import of 10,000 does not encode them all before its highlights are painted. The
/// annotation is the effect's own copy: encoded later, it still holds the state at the
/// time of the change.
#[derive(Debug)]
enum Record {
    Json(String),
    Annotation(Box<Annotation>),
}

impl Record {
    fn to_js(&self) -> JsValue {
        match self {
            Record::Json(s) => JsValue::from_str(s),
            Record::Annotation(a) => JsValue::from_str(&encode(a.as_ref())),
        }
    }
}

/// Where saving stands, for the status line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing waits to be written.
    Saved,
    /// Writes are queued or under way.
    Saving,
    /// The last write failed; the work is only in memory.
    Failed,
    /// The browser offers no storage (private mode, blocked): memory only.
    Unavailable,
}

/// What [`decode_all`] made of the records.
pub struct Loaded {
    pub restored: Restored,
    /// Records that could not be read, in words, for a notice.
    pub problems: Vec<String>,
}

/// What the database holds, read but not yet decoded: decoding checks annotations against
/// their documents' texts, the bundled ones included, so it waits for the seeds.
pub struct Raw {
    docs: Vec<JsValue>,
    anns: Vec<JsValue>,
    settings: Option<JsValue>,
}

/// The database opened and read at start-up, while the seeds were being fetched, for the app
/// to take when it mounts.
pub type Early = Result<(Rexie, Raw), String>;

thread_local! {
    static EARLY: RefCell<Option<Early>> = const { RefCell::new(None) };
}

/// Keeps what [`read`] found at start-up until [`take_early`].
pub fn keep_early(early: Early) {
    EARLY.with(|e| *e.borrow_mut() = Some(early));
}

/// What start-up read, once; `None` when it did not (the app then reads itself).
pub fn take_early() -> Option<Early> {
    EARLY.with(|e| e.borrow_mut().take())
}

/// Opens the database and reads every record.
pub async fn read() -> Early {
    let db = Rexie::builder(DB_NAME)
        .version(1)
        .add_object_store(ObjectStore::new(STORE_DOCUMENTS))
        .add_object_store(ObjectStore::new(STORE_ANNOTATIONS))
        .add_object_store(ObjectStore::new(STORE_META))
        .build()
        .await
        .map_err(|e| format!("its storage refused to open: {e}"))?;
    let raw = read_all(&db)
        .await
        .map_err(|e| format!("reading storage failed: {e}"))?;
    Ok((db, raw))
}

async fn read_all(db: &Rexie) -> Result<Raw, rexie::Error> {
    let tx = db.transaction(
        &[STORE_DOCUMENTS, STORE_ANNOTATIONS, STORE_META],
        TransactionMode::ReadOnly,
    )?;
    let docs = tx.store(STORE_DOCUMENTS)?.get_all(None, None).await?;
    let anns = tx.store(STORE_ANNOTATIONS)?.get_all(None, None).await?;
    let settings = tx
        .store(STORE_META)?
        .get(JsValue::from_str(SETTINGS_KEY))
        .await?;
    Ok(Raw {
        docs,
        anns,
        settings,
    })
}

/// Decodes what [`read`] found; records that cannot be read are named in `problems`.
pub fn decode_all(raw: Raw) -> Loaded {
    let Raw {
        docs,
        anns,
        settings,
    } = raw;
    let mut problems = Vec::new();

    let mut documents = Vec::new();
    for v in docs {
        match decode::<StoredDocument>(&v.as_string().unwrap_or_default()) {
            Ok(d) => documents.push(d.into_document()),
            Err(e) => problems.push(format!("a stored document was not loaded: {e}")),
        }
    }
    let mut library = Library::default();
    for d in &documents {
        library.add_document(d.clone());
    }
    let mut annotations = Vec::new();
    let mut orphans = Vec::new();
    for v in anns {
        match decode::<Annotation>(&v.as_string().unwrap_or_default()) {
            Ok(a) => match library.document(&a.document) {
                Some(doc) if annotation_fits(&a, doc) => annotations.push(a),
                // Not placed in its text (or its document is missing): an orphan, listed.
                _ => orphans.push(a),
            },
            Err(e) => problems.push(format!("a stored annotation was not loaded: {e}")),
        }
    }
    let stored_settings = match settings.and_then(|v| v.as_string()) {
        Some(json) => decode::<StoredSettings>(&json).unwrap_or_else(|e| {
            problems.push(format!("settings were not loaded: {e}"));
            StoredSettings::default()
        }),
        None => StoredSettings::default(),
    };
    Loaded {
        restored: Restored {
            documents,
            annotations,
            orphans,
            settings: stored_settings.settings,
            open: stored_settings.open,
            scroll: stored_settings
                .scroll
                .into_iter()
                .map(|(d, at)| (d, crate::text::Cp(at)))
                .collect(),
        },
        problems,
    }
}

/// The settings record: the settings, the open document, and where each document was read
/// to (code points, sorted by document id).
fn settings_op(model: &Model) -> Op {
    let s = &model.session;
    Op {
        store: STORE_META,
        key: SETTINGS_KEY.into(),
        value: Some(Record::Json(encode(&StoredSettings {
            settings: s.settings.clone(),
            open: s.open.clone(),
            scroll: s.scroll.iter().map(|(k, v)| (k.clone(), v.0)).collect(),
        }))),
    }
}

/// Writes effects to IndexedDB in order and tells the app how it went.
pub struct Saver {
    db: Option<Rc<Rexie>>,
    queue: VecDeque<Op>,
    writing: bool,
    /// Set while another tab edits ([`super::tabs`]): nothing is written.
    paused: bool,
    on_state: Rc<dyn Fn(SaveState, Option<String>)>,
}

/// The saver as components share it.
pub type SharedSaver = Rc<RefCell<Saver>>;

impl Saver {
    /// A saver writing to `db`, or keeping everything in memory when `db` is `None`.
    pub fn new(
        db: Option<Rexie>,
        on_state: impl Fn(SaveState, Option<String>) + 'static,
    ) -> SharedSaver {
        Rc::new(RefCell::new(Saver {
            db: db.map(Rc::new),
            queue: VecDeque::new(),
            writing: false,
            paused: false,
            on_state: Rc::new(on_state),
        }))
    }

    /// Turns storage effects into records, using `model` as it is now, and queues them;
    /// the page's effects are not for storage and are passed over.
    pub fn push(this: &SharedSaver, effects: Vec<Effect>, model: &Model) {
        if effects.is_empty() {
            return;
        }
        {
            let mut s = this.borrow_mut();
            let mut ops = Vec::with_capacity(effects.len());
            for effect in effects {
                let op = match effect {
                    Effect::SaveAnnotation(a) => Op {
                        store: STORE_ANNOTATIONS,
                        key: a.id.clone(),
                        value: Some(Record::Annotation(Box::new(a))),
                    },
                    Effect::DeleteAnnotation(id) => Op {
                        store: STORE_ANNOTATIONS,
                        key: id,
                        value: None,
                    },
                    Effect::SaveDocument(id) => match model.library.document(&id) {
                        Some(doc) => Op {
                            store: STORE_DOCUMENTS,
                            key: id,
                            value: Some(Record::Json(encode(&StoredDocument::from_document(
                                doc,
                                super::platform::now(),
                            )))),
                        },
                        None => continue,
                    },
                    Effect::DeleteDocument(id) => Op {
                        store: STORE_DOCUMENTS,
                        key: id,
                        value: None,
                    },
                    Effect::SaveSettings => settings_op(model),
                    Effect::Focus(_)
                    | Effect::Caret(_)
                    | Effect::ScrollTo { .. }
                    | Effect::ClearSelection
                    | Effect::Download { .. } => continue,
                };
                ops.push(op);
            }
            // A newer write of the same record makes an older queued one pointless (the batch
            // in flight is out of the queue). One pass with a set: an import queues 10,000 at
            // once, and a pass per op was quadratic (1 s).
            if !s.queue.is_empty() {
                let newer: HashSet<(&str, &str)> =
                    ops.iter().map(|o| (o.store, o.key.as_str())).collect();
                s.queue
                    .retain(|q| q.value.is_none() || !newer.contains(&(q.store, q.key.as_str())));
            }
            s.queue.extend(ops);
        }
        Self::kick(this);
    }

    /// Starts the writer unless it is already running.
    fn kick(this: &SharedSaver) {
        let (db, on_state) = {
            let mut s = this.borrow_mut();
            if s.writing || s.paused {
                return;
            }
            let Some(db) = s.db.clone() else {
                // No storage: everything stays in memory, as the notice said.
                s.queue.clear();
                (s.on_state)(SaveState::Unavailable, None);
                return;
            };
            s.writing = true;
            (db, s.on_state.clone())
        };
        on_state(SaveState::Saving, None);
        let this = this.clone();
        wasm_bindgen_futures::spawn_local(async move {
            // Let the change be painted first, and the browser catch its breath: issuing
            // 10,000 puts takes a quarter of a second of main thread, which must not stand
            // between an import and its highlights, nor hold up the frame after them.
            super::platform::when_idle(IDLE_WAIT_MS).await;
            loop {
                // The batch leaves the queue while it is written (moved, not copied: it can
                // hold 10,000 annotations), and goes back to its front if the write fails.
                // Paused (another tab edits now): what is left stays queued, and is said.
                let paused = this.borrow().paused;
                let batch: Vec<Op> = match paused {
                    false => this.borrow_mut().queue.drain(..).collect(),
                    true => Vec::new(),
                };
                if batch.is_empty() {
                    this.borrow_mut().writing = false;
                    let left = !this.borrow().queue.is_empty();
                    match left {
                        false => on_state(SaveState::Saved, None),
                        true => on_state(SaveState::Failed, Some(TAKEN_OVER.into())),
                    }
                    return;
                }
                match write(&db, &batch).await {
                    Ok(()) => {}
                    Err(e) => {
                        {
                            let mut s = this.borrow_mut();
                            for op in batch.into_iter().rev() {
                                s.queue.push_front(op);
                            }
                        }
                        // Keep the queue: the next change retries it. IndexedDB reports a
                        // full disk as a failed commit; the quota figures say which it was.
                        let reason = if super::platform::storage_is_full().await {
                            "the browser's storage for this page is full".to_string()
                        } else {
                            e
                        };
                        this.borrow_mut().writing = false;
                        on_state(SaveState::Failed, Some(reason));
                        return;
                    }
                }
            }
        });
    }
}

impl Saver {
    /// Stops writing (another tab edits now), or starts again with what is queued.
    pub fn pause(this: &SharedSaver, paused: bool) {
        this.borrow_mut().paused = paused;
        if !paused && !this.borrow().queue.is_empty() {
            Self::kick(this);
        }
    }

    /// Waits until no write is under way; true if everything queued is stored.
    pub async fn settled(this: &SharedSaver) -> bool {
        while this.borrow().writing {
            gloo::timers::future::TimeoutFuture::new(20).await;
        }
        this.borrow().queue.is_empty()
    }

    /// Reads every record again (another tab wrote them); `None` without storage.
    pub async fn reread(this: &SharedSaver) -> Option<Result<Loaded, String>> {
        let db = this.borrow().db.clone()?;
        let raw = read_all(&db)
            .await
            .map_err(|e| format!("reading storage failed: {e}"));
        Some(raw.map(decode_all))
    }
}

/// Why a paused saver did not write what it had queued.
const TAKEN_OVER: &str = "another tab took over editing before they were written";

/// How long a save waits at most for the browser to be idle before it starts writing: a
/// change is on disk well within a blink even on a busy page.
const IDLE_WAIT_MS: u32 = 100;

/// How many requests [`write`] issues at once: a few milliseconds of main thread.
const WRITE_SLICE: usize = 200;

async fn write(db: &Rexie, batch: &[Op]) -> Result<(), String> {
    let describe = |e: rexie::Error| {
        let text = e.to_string();
        if text.contains("Quota") || text.contains("quota") {
            "the browser's storage for this page is full".to_string()
        } else if matches!(e, rexie::Error::TransactioncommitFailed) {
            // Chromium reports a quota refusal as an aborted commit, and rexie drops the
            // reason; a full disk or quota is by far the most likely cause.
            "the browser refused to write them; its storage may be full".to_string()
        } else {
            format!("the browser refused to store them: {text}")
        }
    };
    let tx = db
        .transaction(
            &[STORE_DOCUMENTS, STORE_ANNOTATIONS, STORE_META],
            TransactionMode::ReadWrite,
        )
        .map_err(describe)?;
    let stores = [STORE_DOCUMENTS, STORE_ANNOTATIONS, STORE_META]
        .into_iter()
        .map(|name| Ok((name, tx.store(name)?)))
        .collect::<Result<HashMap<_, _>, rexie::Error>>()
        .map_err(describe)?;
    // Requests go in slices of WRITE_SLICE, each waiting for the one before: issuing a
    // request costs some 20 µs of main thread, and 10,000 at once would hold a frame for
    // a quarter of a second. The transaction stays open between slices (the next slice is
    // issued from the previous one's success), and IndexedDB keeps their order.
    for slice in batch.chunks(WRITE_SLICE) {
        let requests = slice.iter().map(|op| {
            let store = &stores[op.store];
            let key = JsValue::from_str(&op.key);
            let value = op.value.as_ref().map(Record::to_js);
            async move {
                match value {
                    Some(v) => store.put(&v, Some(&key)).await.map(|_| ()),
                    None => store.delete(key).await,
                }
            }
        });
        for result in futures::future::join_all(requests).await {
            result.map_err(describe)?;
        }
    }
    tx.commit().await.map_err(describe)
}
