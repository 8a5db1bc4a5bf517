//! One editing tab at a time (issue 16, point 2): the tab that edits holds a Web Lock
//! (<https://w3c.github.io/web-locks/>) until it closes or hands over, and the tabs of this
//! origin talk over one `BroadcastChannel`: a tab asks the editor to let go, the editor says
//! it is letting go, and says whenever its work is stored so that read-only tabs can follow.
//!
//! Without Web Locks (an old browser, an insecure context) every tab edits as before and
//! nothing is said. What a read-only tab may do is the core's to decide
//! ([`crate::session::Session::read_only`]); this module only owns the two browser APIs.

use futures::channel::oneshot;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The lock's name, per origin (the browser scopes Web Locks to the origin).
const LOCK: &str = "gcm-annotator-editing";
/// The channel's name, per origin as well.
const CHANNEL: &str = "gcm-annotator-tabs";

/// How long a starting tab waits for a held lock before it opens read-only: a tab that was
/// just closed or reloaded lets go of it a moment after the next page starts. It overlaps
/// the seed fetch and the storage read, so it rarely delays the first frame.
const CLAIM_WAIT_MS: u32 = 500;

/// How long a tab that asks to edit waits for the editor's answer before it takes the lock
/// anyway (`steal`): an editor that answers does so within a task, so silence this long
/// means it is frozen (a background tab, a debugger) or stuck.
const ANSWER_WAIT_MS: u32 = 3_000;

/// How long a tab that asked waits for an editor that answered to let go: the editor
/// writes its queue first, for at most `FLUSH_LIMIT_MS` (15 s, in
/// `components::editing_tab`), and a few seconds more mean it froze on the way.
const RELEASE_WAIT_MS: u32 = 20_000;

/// What start-up got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Claim {
    /// This tab holds the lock: it edits.
    Editor,
    /// Another tab holds it: this one reads.
    ReadOnly,
    /// No Web Locks here: this tab edits, as every tab did before.
    Alone,
}

/// What tabs say to each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Message {
    /// A read-only tab asks the editor to let go.
    Release,
    /// The editor heard, and lets go once its queue is written.
    Releasing,
    /// The editor's work is all stored.
    Saved,
}

impl Message {
    fn word(self) -> &'static str {
        match self {
            Message::Release => "release",
            Message::Releasing => "releasing",
            Message::Saved => "saved",
        }
    }

    fn from_word(word: &str) -> Option<Message> {
        [Message::Release, Message::Releasing, Message::Saved]
            .into_iter()
            .find(|m| m.word() == word)
    }
}

thread_local! {
    /// What [`claim`] got at start-up.
    static CLAIMED: Cell<Option<Claim>> = const { Cell::new(None) };
    /// While the lock is held: which request got it, and the function that resolves the
    /// promise its callback returned (calling it lets the lock go).
    static HELD: RefCell<Option<(u64, js_sys::Function)>> = const { RefCell::new(None) };
    static NEXT_GENERATION: Cell<u64> = const { Cell::new(0) };
    /// Called when another tab took the lock without asking (`steal`).
    static ON_LOST: RefCell<Option<Box<dyn Fn()>>> = const { RefCell::new(None) };
    static CHANNEL_OBJ: RefCell<Option<web_sys::BroadcastChannel>> = const { RefCell::new(None) };
}

#[wasm_bindgen]
extern "C" {
    /// `navigator.locks`, bound here because web-sys marks it unstable.
    type LockManager;
    #[wasm_bindgen(method, catch)]
    fn request(
        this: &LockManager,
        name: &str,
        options: &js_sys::Object,
        callback: &JsValue,
    ) -> Result<js_sys::Promise, JsValue>;
}

fn locks() -> Option<LockManager> {
    let navigator = web_sys::window()?.navigator();
    let locks = js_sys::Reflect::get(&navigator, &"locks".into()).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then(|| locks.unchecked_into())
}

/// How to ask for the lock.
#[derive(Clone, Copy)]
enum Ask {
    /// Only if no tab holds it (`ifAvailable`).
    IfFree,
    /// Wait in line until the holder lets go.
    Wait,
    /// Take it from the holder (`steal`).
    Steal,
}

/// Asks for the lock and keeps it until [`release`] or the tab closes: `Some(true)` once
/// held, `Some(false)` if it was not free (with [`Ask::IfFree`]) or not granted within
/// `limit_ms`, `None` if Web Locks are missing or refuse (site data blocked: the request
/// fails before any grant). A request granted too late is let go at once.
async fn request_lock(ask: Ask, limit_ms: Option<u32>) -> Option<bool> {
    let locks = locks()?;
    let options = js_sys::Object::new();
    let key = match ask {
        Ask::IfFree => Some("ifAvailable"),
        Ask::Steal => Some("steal"),
        Ask::Wait => None,
    };
    if let Some(key) = key {
        let _ = js_sys::Reflect::set(&options, &key.into(), &true.into());
    }
    let generation = NEXT_GENERATION.with(|g| {
        g.set(g.get() + 1);
        g.get()
    });
    // Still wanted: cleared when the wait is given up.
    let wanted = std::rc::Rc::new(Cell::new(true));
    // The answer: granted or not, or `None` when the request failed before any.
    let (tx, rx) = oneshot::channel::<Option<bool>>();
    let tx = std::rc::Rc::new(RefCell::new(Some(tx)));
    let answer = |tx: &RefCell<Option<oneshot::Sender<Option<bool>>>>, got| {
        if let Some(tx) = tx.borrow_mut().take() {
            let _ = tx.send(got);
        }
    };
    let callback = {
        let (wanted, tx) = (wanted.clone(), tx.clone());
        Closure::once_into_js(move |lock: JsValue| -> js_sys::Promise {
            if lock.is_null() || !wanted.get() {
                answer(&tx, Some(false));
                return js_sys::Promise::resolve(&JsValue::UNDEFINED);
            }
            // The lock is held while this promise is pending.
            let held = js_sys::Promise::new(&mut |resolve, _| {
                HELD.with(|h| *h.borrow_mut() = Some((generation, resolve)));
            });
            answer(&tx, Some(true));
            held
        })
    };
    let done = locks.request(LOCK, &options, &callback).ok()?;
    wasm_bindgen_futures::spawn_local(async move {
        // The request's promise fails before a grant when the browser refuses locks, and
        // after one when another tab steals the lock from this one.
        let failed = wasm_bindgen_futures::JsFuture::from(done).await.is_err();
        if failed {
            answer(&tx, None);
        }
        let ours = HELD.with(|h| h.borrow().as_ref().map(|(g, _)| *g)) == Some(generation);
        if failed && ours {
            HELD.with(|h| h.borrow_mut().take());
            ON_LOST.with(|f| {
                if let Some(f) = f.borrow().as_ref() {
                    f()
                }
            });
        }
    });
    match limit_ms {
        None => rx.await.ok().flatten(),
        Some(ms) => {
            let limit = gloo::timers::future::TimeoutFuture::new(ms);
            match futures::future::select(rx, limit).await {
                futures::future::Either::Left((got, _)) => got.ok().flatten(),
                futures::future::Either::Right(_) => {
                    wanted.set(false);
                    Some(false)
                }
            }
        }
    }
}

/// [`request_lock`], true once held.
async fn acquire(ask: Ask, limit_ms: Option<u32>) -> bool {
    request_lock(ask, limit_ms).await == Some(true)
}

/// Tries to become the editing tab at start-up, and remembers the answer for [`claimed`].
pub async fn claim() -> Claim {
    let claim = match request_lock(Ask::IfFree, None).await {
        None => Claim::Alone,
        Some(true) => Claim::Editor,
        Some(false) if acquire(Ask::Wait, Some(CLAIM_WAIT_MS)).await => Claim::Editor,
        Some(false) => Claim::ReadOnly,
    };
    CLAIMED.with(|c| c.set(Some(claim)));
    claim
}

/// What [`claim`] got; [`Claim::Alone`] when start-up did not ask (the component tests).
pub fn claimed() -> Claim {
    CLAIMED.with(|c| c.get()).unwrap_or(Claim::Alone)
}

/// True while this tab holds the lock.
pub fn holds() -> bool {
    HELD.with(|h| h.borrow().is_some())
}

/// Lets the lock go (after the queue is written): the tab waiting for it gets it.
pub fn release() {
    if let Some((_, resolve)) = HELD.with(|h| h.borrow_mut().take()) {
        let _ = resolve.call0(&JsValue::UNDEFINED);
    }
}

/// Becomes the editing tab: takes the lock if it is free; else asks the editor to let go and
/// waits for it, and takes it anyway after [`ANSWER_WAIT_MS`] without an answer, or
/// [`RELEASE_WAIT_MS`] after one (an editor that froze while handing over). True once held.
pub async fn take_over() -> bool {
    if holds() || acquire(Ask::IfFree, None).await {
        return true;
    }
    let answered = Box::pin(next(Message::Releasing));
    post(Message::Release);
    let timeout = gloo::timers::future::TimeoutFuture::new(ANSWER_WAIT_MS);
    if let futures::future::Either::Left((Some(_), _)) =
        futures::future::select(answered, timeout).await
    {
        if acquire(Ask::Wait, Some(RELEASE_WAIT_MS)).await {
            return true;
        }
    }
    acquire(Ask::Steal, None).await
}

/// Calls `f` when another tab takes the lock from this one without asking; at once if that
/// happened before this was called (while the app was still starting).
pub fn on_lost(f: impl Fn() + 'static) {
    if claimed() == Claim::Editor && !holds() {
        f();
    }
    ON_LOST.with(|l| *l.borrow_mut() = Some(Box::new(f)));
}

fn channel() -> Option<web_sys::BroadcastChannel> {
    CHANNEL_OBJ.with(|c| {
        let mut c = c.borrow_mut();
        if c.is_none() {
            *c = web_sys::BroadcastChannel::new(CHANNEL).ok();
        }
        c.clone()
    })
}

/// Tells the other tabs of this origin (not this one).
pub fn post(message: Message) {
    if let Some(c) = channel() {
        let _ = c.post_message(&message.word().into());
    }
}

/// Calls `f` with each message other tabs post, while the listener is kept.
pub fn listen(f: impl Fn(Message) + 'static) -> Option<gloo::events::EventListener> {
    let c = channel()?;
    Some(gloo::events::EventListener::new(&c, "message", move |e| {
        let word = e
            .dyn_ref::<web_sys::MessageEvent>()
            .and_then(|e| e.data().as_string());
        if let Some(m) = word.as_deref().and_then(Message::from_word) {
            f(m)
        }
    }))
}

/// The next `wanted` message, or `None` without a channel. Listens from the call on, so
/// that an answer to a message posted after it is not missed.
fn next(wanted: Message) -> impl std::future::Future<Output = Option<Message>> {
    let (tx, rx) = oneshot::channel();
    let tx = RefCell::new(Some(tx));
    let listener = listen(move |m| {
        if m == wanted {
            if let Some(tx) = tx.borrow_mut().take() {
                let _ = tx.send(m);
            }
        }
    });
    async move {
        let _listener = listener?;
        rx.await.ok()
    }
}
