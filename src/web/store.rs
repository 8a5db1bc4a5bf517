//! The browser's copy of the user's work, in IndexedDB (through `rexie`): user documents,
//! annotations, settings with the open document and scroll positions, and the undo
//! history ([`crate::history_store`]).
//!
//! Writes go through one [`Saver`]: effects are turned into records at once (so a record
//! holds the state at the time of the change; annotations in chunks, [`crate::chunks`]),
//! queued, and written in order, one transaction per batch. A failed write keeps the queue
//! (nothing is dropped) and reports, and the next change retries it. Only storage effects
//! come here; the page's own (focus, scrolling, downloads) go to [`super::effects`].
//!
//! While anything is unsaved, the journal ([`crate::journal`]) in `localStorage` says what.
//! It is written in [`Saver::push`], synchronously, in the same task as the reducer applied
//! the change (Yew runs the reducer, the render and the effect that pushes in one scheduler
//! pass, inside the task of the event or of the import's last step): a page cannot close
//! between the change shown and its journal line. `localStorage` rather than an IndexedDB
//! record first, because an IndexedDB write only lands once its transaction commits, some
//! time after the task, which is the very gap the journal must cover. Each batch also stores
//! the journal number it carries in the same transaction ([`StoredCommit`]), so a page closed
//! between the commit and the journal's clearing is not reported as lost.

use crate::annotation::Annotation;
use crate::chunks::{split, take_slice, Layout, Write as Op};
use crate::codes::Codebook;
use crate::effect::Effect;
use crate::history_store::{self, Shelf};
use crate::journal::{self, Journal, Pending};
use crate::library::Library;
use crate::state::{Model, Restored};
use crate::storage::{
    annotation_fits, decode, StoredChunk, StoredCodebook, StoredCommit, StoredDocument,
    StoredSettings, CODEBOOK_KEY, COMMIT_KEY, DB_NAME, HISTORY_KEY, SETTINGS_KEY, STEP_PREFIX,
    STORE_ANNOTATIONS, STORE_DOCUMENTS, STORE_META,
};
use rexie::{ObjectStore, Rexie, TransactionMode};
use std::cell::RefCell;
use std::collections::{HashSet, VecDeque};
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::JsValue;

mod write;

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
    /// What the last session applied and never stored, in words, for a notice.
    pub lost: Option<String>,
    /// What the saver must know of the store: the chunks and the journal's last number.
    pub kept: Kept,
    /// Compare's files (schema 6), for [`crate::state::Action::RestoreClass`].
    pub class: crate::state::class::Records,
}

/// Where the store stands, for the [`Saver`]: which chunk holds each annotation, the last
/// journal number used (the next session counts on from it), and the undo history's records.
#[derive(Default)]
pub struct Kept {
    layout: Layout,
    seq: u64,
    shelf: Shelf,
}

/// What the database holds, read but not yet decoded: decoding checks annotations against
/// their documents' texts, the bundled ones included, so it waits for the seeds.
pub struct Raw {
    docs: Vec<JsValue>,
    anns: Vec<JsValue>,
    ann_keys: Vec<JsValue>,
    /// The records of [`STORE_META`], with their keys.
    meta: Vec<(String, String)>,
    journal: Journal,
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
        .map_err(|e| t!("storage-refused-open", reason = e.to_string()))?;
    let raw = read_all(&db)
        .await
        .map_err(|e| t!("storage-read-failed", reason = e.to_string()))?;
    Ok((db, raw))
}

async fn read_all(db: &Rexie) -> Result<Raw, rexie::Error> {
    let tx = db.transaction(
        &[STORE_DOCUMENTS, STORE_ANNOTATIONS, STORE_META],
        TransactionMode::ReadOnly,
    )?;
    let docs = tx.store(STORE_DOCUMENTS)?.get_all(None, None).await?;
    let store = tx.store(STORE_ANNOTATIONS)?;
    // Both lists come in key order, so they pair up.
    let anns = store.get_all(None, None).await?;
    let ann_keys = store.get_all_keys(None, None).await?;
    // The settings, the commit, the codebook and the undo history (schema 5): a few records
    // and the history's steps, read together.
    let meta = tx.store(STORE_META)?;
    let values = meta.get_all(None, None).await?;
    let keys = meta.get_all_keys(None, None).await?;
    let meta = keys
        .into_iter()
        .zip(values)
        .map(|(k, v)| {
            (
                k.as_string().unwrap_or_default(),
                v.as_string().unwrap_or_default(),
            )
        })
        .collect();
    Ok(Raw {
        docs,
        anns,
        ann_keys,
        meta,
        journal: journal_read(),
    })
}

/// The journal the last session left, if any (none where `localStorage` is refused).
fn journal_read() -> Journal {
    super::platform::local_storage()
        .and_then(|s| s.get_item(journal::KEY).ok()?)
        .map(|json| Journal::parse(&json))
        .unwrap_or_default()
}

/// Writes the journal, or removes it when nothing is pending. A refusal (storage full,
/// blocked) loses only the advice, never work: the status line still says Saving.
fn journal_write(j: &Journal) {
    if let Some(s) = super::platform::local_storage() {
        let _ = match j.to_text() {
            Some(json) => s.set_item(journal::KEY, &json),
            None => s.remove_item(journal::KEY),
        };
    }
}

/// Decodes what [`read`] found; records that cannot be read are named in `problems`.
pub fn decode_all(raw: Raw) -> Loaded {
    let Raw {
        docs,
        anns,
        ann_keys,
        mut meta,
        journal,
    } = raw;
    let mut take = |key: &str| {
        let at = meta.iter().position(|(k, _)| k == key)?;
        Some(meta.swap_remove(at).1)
    };
    let (settings, commit, codebook) = (take(SETTINGS_KEY), take(COMMIT_KEY), take(CODEBOOK_KEY));
    let list = take(HISTORY_KEY);
    let assignment = take(crate::storage::ASSIGNMENT_KEY);
    // The suggester's module reads it, not the app (schema 8).
    let suggester = take(crate::storage::SUGGESTER_KEY).map(Into::into);
    // Read by Compare when it opens, which says there if one cannot be.
    let class = crate::state::class::Records::from_meta(&meta);
    meta.retain(|(k, _)| k.starts_with(STEP_PREFIX));
    // The history is read apart from the work: whatever it holds, the work is all there.
    let (history, shelf) = history_store::load(list.as_deref(), meta);
    let mut problems: Vec<String> = Vec::new();

    let mut documents = Vec::new();
    for v in docs {
        let read = match super::platform::split_document_record(&v) {
            Some((rest, text)) => crate::stored_document::decode_document(&rest, text),
            None => decode::<StoredDocument>(&v.as_string().unwrap_or_default())
                .map(StoredDocument::into_document),
        };
        match read {
            Ok(d) => documents.push(d),
            Err(e) => problems.push(t!("storage-document-lost", reason = e.to_string())),
        }
    }
    let mut library = Library::default();
    for d in &documents {
        library.add_document(d.clone());
    }
    let mut annotations = Vec::new();
    let mut orphans = Vec::new();
    let (mut chunks, mut unread) = (Vec::new(), Vec::new());
    for (v, key) in anns.into_iter().zip(ann_keys) {
        let key = key.as_string().unwrap_or_default();
        match decode::<StoredChunk>(&v.as_string().unwrap_or_default()) {
            Ok(chunk) => {
                chunks.push((
                    key,
                    chunk.annotations.iter().map(|a| a.id.clone()).collect(),
                ));
                for a in chunk.annotations {
                    match library.document(&a.document) {
                        Some(doc) if annotation_fits(&a, doc) => annotations.push(a),
                        // Not placed in its text (or its document is missing): an orphan, listed.
                        _ => orphans.push(a),
                    }
                }
            }
            Err(e) => {
                unread.push(key);
                problems.push(t!("storage-chunk-lost", reason = e.to_string()));
            }
        }
    }
    let committed = match commit {
        Some(json) => decode::<StoredCommit>(&json).map_or(0, |c| c.committed),
        None => 0,
    };
    let stored_settings = match settings {
        Some(json) => decode::<StoredSettings>(&json).unwrap_or_else(|e| {
            problems.push(t!("storage-settings-lost", reason = e.to_string()));
            StoredSettings::default()
        }),
        None => StoredSettings::default(),
    };
    let mut codebook_unread = None;
    let codebook = match codebook {
        Some(json) => decode::<StoredCodebook>(&json).map_or_else(
            |e| {
                problems.push(t!("storage-codes-lost", reason = e.to_string()));
                codebook_unread = Some(e.to_string());
                Codebook::default()
            },
            |c| Codebook::new(c.codes),
        ),
        None => Codebook::default(),
    };
    // Unreadable (a later version's): reported, and the record left as it is.
    let assignment = assignment.and_then(|json| {
        let read = crate::storage::decode_assignment(&json);
        read.map_err(|e| problems.push(t!("assign-stored-lost", reason = e)))
            .ok()
    });
    Loaded {
        restored: Restored {
            assignment,
            suggester,
            codebook,
            codebook_unread,
            history,
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
        lost: journal.lost(committed),
        kept: Kept {
            layout: Layout::new(chunks, unread),
            seq: committed.max(journal.last_seq()),
            shelf,
        },
        class,
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
    layout: Layout,
    /// Annotation effects not yet turned into chunk writes (in the writer, in slices), and
    /// the library's lists as they were at the last push, for the chunks' other annotations.
    pending: VecDeque<Effect>,
    lists: (Arc<Vec<Annotation>>, Arc<Vec<Annotation>>),
    /// The journal number of the last change pushed.
    seq: u64,
    /// What was pushed and is not yet stored.
    journal: Journal,
    /// The undo history's records in storage.
    shelf: Shelf,
}

/// The saver as components share it.
pub type SharedSaver = Rc<RefCell<Saver>>;

impl Saver {
    /// A saver writing to `db` as it stands (`Kept`, from [`decode_all`]), or keeping
    /// everything in memory when `db` is `None`. The last session's journal, reported by
    /// now, is cleared when `owns_journal` (this tab edits); a read-only tab leaves it to
    /// the editing tab, whose unsaved work it describes.
    pub fn new(
        db: Option<(Rexie, Kept)>,
        owns_journal: bool,
        on_state: impl Fn(SaveState, Option<String>) + 'static,
    ) -> SharedSaver {
        let (db, kept) = match db {
            Some((db, kept)) => (Some(Rc::new(db)), kept),
            None => (None, Kept::default()),
        };
        if owns_journal {
            journal_write(&Journal::default());
        }
        Rc::new(RefCell::new(Saver {
            db,
            queue: VecDeque::new(),
            writing: false,
            paused: false,
            on_state: Rc::new(on_state),
            layout: kept.layout,
            pending: VecDeque::new(),
            lists: Default::default(),
            seq: kept.seq,
            journal: Journal::default(),
            shelf: kept.shelf,
        }))
    }

    /// Turns storage effects into records, using `model` as it is now, and queues them;
    /// the page's effects are not for storage and are passed over.
    /// The undo history is written here too, when it changed: its new steps and its list
    /// ([`Shelf::writes`]), but never by a read-only tab (its history is the editor's).
    pub fn push(this: &SharedSaver, effects: Vec<Effect>, model: &Model) {
        let history = {
            let mut s = this.borrow_mut();
            match (model.session.read_only, s.db.is_some()) {
                (None, true) => s.shelf.writes(&model.history),
                _ => Vec::new(),
            }
        };
        if effects.is_empty() && history.is_empty() {
            return;
        }
        {
            let mut s = this.borrow_mut();
            // What the journal will say if this is never stored: an import by its file,
            // anything else as a count of changed annotations and documents (scrolling and
            // settings are not worth a warning).
            let mut what = None;
            let mut changes = 0;
            for e in &effects {
                match e {
                    Effect::Imported { file, annotations } => {
                        what = Some(Pending::Import {
                            file: file.clone(),
                            annotations: *annotations,
                        })
                    }
                    Effect::SaveAnnotation(_)
                    | Effect::SaveAnnotations(_)
                    | Effect::DeleteAnnotation(_) => changes += e.annotations(),
                    Effect::SaveDocument(_) | Effect::DeleteDocument(_) => changes += 1,
                    _ => {}
                }
            }
            let what = what.or((changes > 0).then_some(Pending::Changes { count: changes }));
            if let (Some(what), true) = (what, s.db.is_some()) {
                s.seq += 1;
                let seq = s.seq;
                s.journal.record(seq, what);
                journal_write(&s.journal);
            }
            let (ops, annotations) = split(effects, model, super::platform::now());
            s.enqueue(ops);
            s.enqueue(history);
            s.pending.extend(annotations);
            s.lists = (
                model.library.annotations().clone(),
                model.library.orphans().clone(),
            );
        }
        Self::kick(this);
    }

    /// Queues writes. A newer write of the same record makes an older queued one pointless
    /// (the batch in flight is out of the queue). One pass with a set: an import queues
    /// thousands at once, and a pass per op was quadratic (1 s).
    fn enqueue(&mut self, ops: Vec<Op>) {
        if !self.queue.is_empty() {
            let newer: HashSet<(&str, &str)> =
                ops.iter().map(|o| (o.store, o.key.as_str())).collect();
            self.queue
                .retain(|q| q.value.is_none() || !newer.contains(&(q.store, q.key.as_str())));
        }
        self.queue.extend(ops);
    }

    /// Turns pending annotation effects into chunk writes, [`ANNOTATION_SLICE`] at a time,
    /// letting the page run between slices; returns once none is pending.
    async fn place_pending(this: &SharedSaver) {
        loop {
            {
                let mut s = this.borrow_mut();
                if s.pending.is_empty() {
                    return;
                }
                let part = take_slice(&mut s.pending, ANNOTATION_SLICE);
                let (annotations, orphans) = s.lists.clone();
                let ops = s.layout.writes(part, &annotations, &orphans);
                s.enqueue(ops);
                if s.pending.is_empty() {
                    return;
                }
            }
            gloo::timers::future::TimeoutFuture::new(0).await;
        }
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
                s.pending.clear();
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
                Self::place_pending(&this).await;
                // The batch leaves the queue while it is written (moved, not copied: it can
                // hold 10,000 annotations), and goes back to its front if the write fails.
                // Every change pushed so far is in this batch or an earlier one. Paused
                // (another tab edits now): what is left stays queued, and is said.
                let (batch, seq): (Vec<Op>, u64) = {
                    let mut s = this.borrow_mut();
                    match s.paused {
                        false => (s.queue.drain(..).collect(), s.seq),
                        true => (Vec::new(), s.seq),
                    }
                };
                if batch.is_empty() {
                    this.borrow_mut().writing = false;
                    let left = !this.borrow().queue.is_empty();
                    match left {
                        false => on_state(SaveState::Saved, None),
                        true => on_state(SaveState::Failed, Some(t!("storage-taken-over"))),
                    }
                    return;
                }
                let batch = Self::write_history(&this, &db, batch).await;
                match write::write(&db, &batch, seq).await {
                    Ok(()) => {
                        let mut s = this.borrow_mut();
                        s.journal.stored_through(seq);
                        journal_write(&s.journal);
                    }
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
                            t!("storage-full")
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

    /// Reads every record again (another tab wrote them); `None` without storage. The
    /// saver takes the store as it now stands (which chunk holds each annotation, the
    /// journal's last number): the other tab's writes moved both, and writing by the old
    /// layout would leave an edited annotation's older copy in its old chunk.
    pub async fn reread(this: &SharedSaver) -> Option<Result<Loaded, String>> {
        let db = this.borrow().db.clone()?;
        let raw = read_all(&db)
            .await
            .map_err(|e| t!("storage-read-failed", reason = e.to_string()));
        Some(raw.map(|raw| {
            let mut loaded = decode_all(raw);
            let kept = std::mem::take(&mut loaded.kept);
            let mut s = this.borrow_mut();
            s.layout = kept.layout;
            s.seq = s.seq.max(kept.seq);
            s.shelf = kept.shelf;
            loaded
        }))
    }
}

impl Saver {
    /// Writes the undo history's records of `batch` in a transaction of their own, before
    /// the work, and returns the rest. Before: a history ahead of the work (the page closed
    /// between the two) only offers to undo a change that is not stored, whose inverse
    /// finds its "before" already there; one behind it would undo an older step over newer
    /// work. If the history cannot be written, the work still is: the history's list is
    /// deleted with it (the next start has an empty history, not one that no longer
    /// matches), and the history is kept in memory only for the rest of the session.
    async fn write_history(this: &SharedSaver, db: &Rexie, batch: Vec<Op>) -> Vec<Op> {
        let (history, mut work): (Vec<Op>, Vec<Op>) =
            batch.into_iter().partition(history_store::is_history);
        if !history.is_empty() && write::write(db, &history, 0).await.is_err() {
            let mut s = this.borrow_mut();
            s.shelf.off = true;
            s.queue.retain(|op| !history_store::is_history(op));
            work.push(Op {
                store: STORE_META,
                key: HISTORY_KEY.into(),
                value: None,
            });
        }
        work
    }
}

/// How long a save waits at most for the browser to be idle before it starts writing: a
/// change is on disk well within a blink even on a busy page.
const IDLE_WAIT_MS: u32 = 100;

/// How many annotations' effects [`Saver::place_pending`] turns into chunk writes per task:
/// some 20 ms in the browser, so an import of 200,000 never holds the page for long.
const ANNOTATION_SLICE: usize = 5_000;
