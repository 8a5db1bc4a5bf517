//! The suggester's learner as the suggestions panel keeps it between hand-overs: read once
//! from the record the app stores, brought in step with the user's annotations in short
//! steps, and sent back to the app to store whenever it changed. The model's code is here,
//! in the module fetched on first use, so that the app's first load does not carry it.

use crate::compare::shared::Breath;
use crate::host::{send, Msg};
use gcm_annotator::document::Document;
use gcm_annotator::suggest::learner::{examples_from_json, Example, Learner};
use gcm_annotator::suggest::model::{sort, suggest_in};
use gcm_annotator::suggest::{sentences, Suggestion};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// A shared value compared by identity: the app hands over a new one when it changed.
#[derive(Clone)]
pub struct Same<T>(pub Rc<T>);

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The learner the panel scores with, shared with the panel's callbacks.
pub type Shared = Rc<RefCell<Learner>>;

/// How many annotations one step of [`catch_up`] learns or unlearns before it looks at the
/// clock: a few milliseconds.
const STEP: usize = 8;

thread_local! {
    /// The learner, and the record it was read from or last sent as (so that the app's
    /// copy of what this sent is not read back).
    static LEARNER: RefCell<Option<(Option<Rc<str>>, Shared)>> = const { RefCell::new(None) };
    /// The user's annotations last handed over, as their JSON and read.
    static MINE: RefCell<Option<(String, Rc<Vec<Example>>)>> = const { RefCell::new(None) };
    /// Which catch-up is the latest: an older one stops when a newer starts.
    static GENERATION: Cell<u64> = const { Cell::new(0) };
    /// The learner changed since its record was last sent (by a catch-up that a newer one
    /// took over from, perhaps).
    static UNSAVED: Cell<bool> = const { Cell::new(false) };
    /// Which [`save_soon`] is the latest: an earlier one, or one a [`save`] came before,
    /// sends nothing.
    static SAVE_GENERATION: Cell<u64> = const { Cell::new(0) };
    /// Counts the changes to what the learner knows, so that the panel scores again.
    static REVISION: Cell<u64> = const { Cell::new(0) };
}

/// Which revision of what the learner knows this is: it changes with each change
/// ([`touched`]), and the panel's scores are kept for one revision.
pub fn revision() -> u64 {
    REVISION.with(Cell::get)
}

/// Says that what the learner knows changed (it learned, unlearned, or was reset).
pub fn touched() {
    REVISION.with(|r| r.set(r.get() + 1));
}

/// The learner for the record the app holds (`None`: none stored yet): the one already in
/// memory if the record is the one it came from or sent, else the record read. A record
/// that cannot be read (a later version's, or damaged) gives a new learner, which relearns
/// the user's annotations: they are the model's whole input, so nothing is lost.
pub fn learner(record: Option<String>) -> Shared {
    LEARNER.with(|slot| {
        let mut slot = slot.borrow_mut();
        if let Some((seen, shared)) = &*slot {
            if seen.as_deref() == record.as_deref() {
                return shared.clone();
            }
        }
        let read = match &record {
            Some(json) => Learner::from_record(json).unwrap_or_else(|e| {
                gloo::console::warn!(format!(
                    "the suggester's record is not read ({e}): it relearns"
                ));
                Learner::new()
            }),
            None => Learner::new(),
        };
        touched();
        let shared = Rc::new(RefCell::new(read));
        *slot = Some((record.map(Rc::from), shared.clone()));
        shared
    })
}

/// Sends the learner's record to the app to store, and remembers it as what the app holds.
pub fn save(learner: &Shared) {
    let record = learner.borrow().to_record();
    LEARNER.with(|slot| {
        if let Some((seen, _)) = &mut *slot.borrow_mut() {
            *seen = Some(Rc::from(record.as_str()));
        }
    });
    UNSAVED.with(|u| u.set(false));
    SAVE_GENERATION.with(|g| g.set(g.get() + 1));
    send(Msg::Suggester(record));
}

/// The user's annotations from the app's JSON
/// (`gcm_annotator::suggest::learner::examples_to_json`), read once for the same JSON. Out of
/// shape: none (the learner then learns nothing new, and unlearns nothing either: see
/// [`catch_up`]).
pub fn examples(json: String) -> Option<Rc<Vec<Example>>> {
    MINE.with(|slot| {
        let mut slot = slot.borrow_mut();
        if let Some((seen, read)) = &*slot {
            if *seen == json {
                return Some(read.clone());
            }
        }
        let read = Rc::new(examples_from_json(&json)?);
        *slot = Some((json, read.clone()));
        Some(read)
    })
}

/// Brings `learner` in step with `mine` in short steps (the page answers between them), and
/// sends its record to the app if anything changed. True when it changed and the caller
/// should score again; false when nothing changed or a newer catch-up took over.
pub async fn catch_up(learner: Shared, mine: Rc<Vec<Example>>) -> bool {
    let me = GENERATION.with(|g| {
        g.set(g.get() + 1);
        g.get()
    });
    // Not in the task that handed the annotations over, which also drew the app.
    gloo::timers::future::TimeoutFuture::new(0).await;
    let mut breath = Breath::new();
    loop {
        if GENERATION.with(Cell::get) != me {
            return false;
        }
        let progress = measured("gcm-learn", || learner.borrow_mut().sync(&mine, STEP));
        if progress.changed > 0 {
            UNSAVED.with(|u| u.set(true));
            touched();
        }
        if progress.remaining == 0 {
            break;
        }
        breath.take().await;
    }
    let changed = UNSAVED.with(Cell::get);
    if changed {
        save_soon(learner);
    }
    changed
}

/// How long [`save_soon`] waits, in ms, for the user to stop annotating.
const SAVE_AFTER_MS: u32 = 1_000;

/// Sends the learner's record once the user has made no change for [`SAVE_AFTER_MS`]: a
/// write (and a drawing of the app) per annotation while the user tags quickly would be
/// work for nothing. What is not sent before the page closes is relearned from the
/// annotations next time; rejections, the threshold and a reset are sent at once
/// ([`save`]).
fn save_soon(learner: Shared) {
    let me = SAVE_GENERATION.with(|g| {
        g.set(g.get() + 1);
        g.get()
    });
    gloo::timers::callback::Timeout::new(SAVE_AFTER_MS, move || {
        if SAVE_GENERATION.with(Cell::get) == me && UNSAVED.with(Cell::get) {
            save(&learner);
        }
    })
    .forget();
}

/// Runs `f` between two performance marks and measures it as `name` (see [`mark`]).
pub fn measured<T>(name: &str, f: impl FnOnce() -> T) -> T {
    mark(name, false);
    let out = f();
    mark(name, true);
    out
}

/// Marks the start (`end` false) or the end of `name` on the page's performance timeline,
/// and at the end measures it: `gcm-suggest`, scoring a document, breaths included;
/// `gcm-learn`, one step of a catch-up. The benchmark reads them (`./dev bench`, section
/// `suggest`).
pub fn mark(name: &str, end: bool) {
    let Some(perf) = web_sys::window().and_then(|w| w.performance()) else {
        return;
    };
    let (start_mark, end_mark) = (format!("{name}-start"), format!("{name}-end"));
    if end {
        let _ = perf.mark(&end_mark);
        let _ = perf.measure_with_str_and_end_mark(name, &start_mark, &end_mark);
    } else {
        let _ = perf.mark(&start_mark);
    }
}

/// How many sentences [`score`] scores before it looks at the clock: about 2 ms.
const SCORE_STEP: usize = 32;

/// The suggestions for `doc` at every confidence, sorted (as
/// `gcm_annotator::suggest::model::suggest` makes them), scored a few sentences at a time
/// so that the page answers between them (seed 001, 78 KB, takes some 40 ms). `None` when
/// `cancelled` was set meanwhile (the document or what the learner knows changed).
pub async fn score(
    doc: Rc<Document>,
    learner: Shared,
    cancelled: Rc<Cell<bool>>,
) -> Option<Vec<Suggestion>> {
    mark("gcm-suggest", false);
    let sentences = sentences(&doc.text);
    let mut out = Vec::new();
    let mut breath = Breath::new();
    for part in sentences.chunks(SCORE_STEP) {
        if cancelled.get() {
            return None;
        }
        out.extend(suggest_in(part, learner.borrow().model(), 0.0));
        breath.take().await;
    }
    if cancelled.get() {
        return None;
    }
    sort(&mut out);
    mark("gcm-suggest", true);
    Some(out)
}
