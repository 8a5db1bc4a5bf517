//! One editing tab at a time, as the user sees it: the banner of a read-only tab with its
//! "Edit here instead" button, and what goes on between tabs behind it. The editing tab
//! hands over when asked (its queue written first) and says when its work is stored; a
//! read-only tab reads storage again when told, and a tab that takes over reads it before
//! it edits, so that no tab ever edits a stale copy.

use crate::session::{Level, ReadOnly};
use crate::state::Action;
use crate::web::app_state::{use_app, AppState};
use crate::web::store::{SaveState, Saver, SharedSaver};
use crate::web::tabs::{self, Message};
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// How long the editing tab waits for its queue to be written before it lets go anyway
/// (storage refused or full, or a huge import): the asking tab is waiting, and what is not
/// written stays in this tab's memory with the notice that offers to export it. The asking
/// tab takes the lock 20 s after the answer (`tabs::RELEASE_WAIT_MS`).
const FLUSH_LIMIT_MS: u32 = 15_000;

#[derive(Properties)]
pub struct EditingTabProps {
    /// The app's saver: paused while another tab edits.
    pub saver: SharedSaver,
    /// Where saving stands: once it is "saved", read-only tabs are told.
    pub save_state: SaveState,
}

impl PartialEq for EditingTabProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.saver, &other.saver) && self.save_state == other.save_state
    }
}

#[function_component(EditingTab)]
pub fn editing_tab(props: &EditingTabProps) -> Html {
    let app = use_app();
    let taking_over = use_state(|| false);

    // Listen to the other tabs for as long as the app is mounted.
    {
        let dispatcher = app.dispatcher();
        let saver = props.saver.clone();
        let read_only = app.model.session.read_only.is_some();
        use_effect_with((), move |_| {
            if read_only {
                Saver::pause(&saver, true);
            }
            let following = Rc::new(Cell::new(Follow::Idle));
            let listener = {
                let (dispatcher, saver) = (dispatcher.clone(), saver.clone());
                let following = following.clone();
                tabs::listen(move |m| match m {
                    Message::Release if tabs::holds() => {
                        let (dispatcher, saver) = (dispatcher.clone(), saver.clone());
                        let following = following.clone();
                        wasm_bindgen_futures::spawn_local(async move {
                            hand_over(&dispatcher, &saver).await;
                            // Frozen on the way, the tab that asked may have saved since.
                            follow(dispatcher, saver, following);
                        });
                    }
                    Message::Saved if !tabs::holds() => {
                        follow(dispatcher.clone(), saver.clone(), following.clone());
                    }
                    _ => {}
                })
            };
            // Taken over without a hand-over (this tab was frozen): the other tab may have
            // saved while this one could not hear it, so it reads storage at once.
            tabs::on_lost(move || {
                Saver::pause(&saver, true);
                dispatcher.dispatch(Action::SetReadOnly(Some(ReadOnly::Moved)));
                follow(dispatcher.clone(), saver.clone(), following.clone());
            });
            move || drop(listener)
        });
    }

    // The editor tells the read-only tabs whenever everything is stored.
    use_effect_with(props.save_state, |s| {
        if *s == SaveState::Saved && tabs::holds() {
            tabs::post(Message::Saved);
        }
    });

    let Some(why) = app.model.session.read_only else {
        return html! {};
    };
    let onclick = {
        let dispatcher = app.dispatcher();
        let saver = props.saver.clone();
        let taking_over = taking_over.clone();
        Callback::from(move |_: MouseEvent| {
            if *taking_over {
                return;
            }
            taking_over.set(true);
            let (dispatcher, saver, taking_over) =
                (dispatcher.clone(), saver.clone(), taking_over.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if tabs::take_over().await {
                    become_editor(&dispatcher, &saver).await;
                }
                taking_over.set(false);
            });
        })
    };
    html! {
        <div class="tab-banner" role="status">
            <span class="tab-banner-text">{ why.banner() }</span>
            <button class="primary" {onclick} disabled={*taking_over}>
                { if *taking_over { t!("editing-waiting") } else { t!("editing-take-over") } }
            </button>
        </div>
    }
}

/// The editing tab lets go: it stops taking changes, writes what it has queued, and
/// releases the lock for the tab that asked.
async fn hand_over(dispatcher: &UseReducerDispatcher<AppState>, saver: &SharedSaver) {
    tabs::post(Message::Releasing);
    dispatcher.dispatch(Action::SetReadOnly(Some(ReadOnly::Moved)));
    // The render that follows hands the last actions' writes to the saver.
    gloo::timers::future::TimeoutFuture::new(0).await;
    let limit = gloo::timers::future::TimeoutFuture::new(FLUSH_LIMIT_MS);
    futures::future::select(Box::pin(Saver::settled(saver)), limit).await;
    Saver::pause(saver, true);
    tabs::release();
}

/// This tab now holds the lock: it writes what it may still have queued, reads storage
/// again (the other tab's work), and edits.
async fn become_editor(dispatcher: &UseReducerDispatcher<AppState>, saver: &SharedSaver) {
    Saver::pause(saver, false);
    Saver::settled(saver).await;
    reread(dispatcher, saver).await;
    dispatcher.dispatch(Action::SetReadOnly(None));
}

/// Reads storage and shows what it holds now, or says why it could not.
async fn reread(dispatcher: &UseReducerDispatcher<AppState>, saver: &SharedSaver) {
    match Saver::reread(saver).await {
        Some(Ok(mut loaded)) => {
            dispatcher.dispatch(Action::Reread(std::mem::take(&mut loaded.restored)));
            dispatcher.dispatch(Action::RestoreClass(std::mem::take(&mut loaded.class)));
            for p in loaded.problems {
                dispatcher.dispatch(Action::Notify(
                    Level::Error,
                    t!("app-storage-problem", problem = p),
                ));
            }
        }
        Some(Err(e)) => dispatcher.dispatch(Action::Notify(
            Level::Error,
            t!("app-storage-problem", problem = e),
        )),
        None => {}
    }
}

/// Where following the editor stands: reads are never run two at once, and a "saved" heard
/// during one makes one more.
#[derive(Clone, Copy, PartialEq)]
enum Follow {
    Idle,
    Reading,
    Again,
}

/// A read-only tab shows the editor's newest stored work.
fn follow(
    dispatcher: UseReducerDispatcher<AppState>,
    saver: SharedSaver,
    following: Rc<Cell<Follow>>,
) {
    if following.get() != Follow::Idle {
        following.set(Follow::Again);
        return;
    }
    following.set(Follow::Reading);
    wasm_bindgen_futures::spawn_local(async move {
        loop {
            if let Some(Ok(mut loaded)) = Saver::reread(&saver).await {
                // This tab may have taken over while it read: it then edits what it has.
                if !tabs::holds() {
                    dispatcher.dispatch(Action::Reread(std::mem::take(&mut loaded.restored)));
                    dispatcher.dispatch(Action::RestoreClass(std::mem::take(&mut loaded.class)));
                }
            }
            if following.get() == Follow::Again {
                following.set(Follow::Reading);
            } else {
                following.set(Follow::Idle);
                return;
            }
        }
    });
}
