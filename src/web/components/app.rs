//! The root component: holds the state, loads and saves it, handles the global keyboard
//! shortcuts and file drops, and lays out library, document, and the side panel (tag
//! palette while tagging, annotation list otherwise).

use crate::document::Origin;
use crate::keymap::global_action;
use crate::session::{Level, Panel, ReadOnly};
use crate::state::Action;
use crate::web::app_state::{AppContext, AppState};
use crate::web::components::{
    annotation_list::AnnotationList, compare::Compare, editing_tab::EditingTab, library::Library,
    notices::Notices, palette::Palette, reader::Reader, suggestions::Suggestions, topbar::Topbar,
};
use crate::web::effects;
use crate::web::files::open_or_import;
use crate::web::intents::key_press;
use crate::web::store::{self, SaveState, Saver, SharedSaver};
use crate::web::tabs;
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What start-up read from storage, decoded, until the app takes it.
type Boot = Option<Result<(rexie::Rexie, store::Loaded), String>>;

#[function_component(App)]
pub fn app() -> Html {
    // What start-up read from storage (while the seeds arrived) is decoded for the first
    // render, so that the user's work is drawn at once, without a "Loading" frame first.
    // Mounted without start-up (the component tests), the app reads storage itself below.
    let boot = use_mut_ref(|| -> Boot {
        store::take_early().map(|early| early.map(|(db, raw)| (db, store::decode_all(raw))))
    });
    let state = use_reducer({
        let boot = boot.clone();
        move || initial_state(&mut boot.borrow_mut())
    });
    let save_state = use_state(|| match *boot.borrow() {
        Some(Err(_)) => SaveState::Unavailable,
        _ => SaveState::Saved,
    });
    let saver = use_state({
        let boot = boot.clone();
        let dispatcher = state.dispatcher();
        let setter = save_state.setter();
        move || {
            boot.borrow_mut()
                .take()
                .map(|b| saver_for(b, status_reporter(dispatcher, setter)))
        }
    });

    // Read what the browser kept, unless start-up did.
    {
        let dispatcher = state.dispatcher();
        let saver = saver.clone();
        let save_state = save_state.setter();
        let loaded = saver.is_some();
        use_effect_with((), move |_| {
            if let Some(wanted) = crate::web::i18n::fell_back_from() {
                let language = wanted.autonym();
                dispatcher.dispatch(Action::Notify(
                    Level::Error,
                    t!("language-failed", language = language),
                ));
            }
            // The service worker: a new version waiting is offered among the notices.
            let waiting = dispatcher.clone();
            crate::web::update::register(move || waiting.dispatch(Action::UpdateWaiting));
            if crate::seeds::missing() {
                dispatcher.dispatch(Action::Notify(Level::Error, t!("app-seeds-missing")));
            }
            if !loaded {
                wasm_bindgen_futures::spawn_local(async move {
                    let read = store::read()
                        .await
                        .map(|(db, raw)| (db, store::decode_all(raw)));
                    if read.is_err() {
                        save_state.set(SaveState::Unavailable);
                    }
                    let mut read = Some(read);
                    for action in restore_actions(&mut read) {
                        dispatcher.dispatch(action);
                    }
                    if let Some(read) = read {
                        let on_state = status_reporter(dispatcher, save_state);
                        saver.set(Some(saver_for(read, on_state)));
                    }
                });
            }
        });
    }

    // Carry out what the last actions asked: the page's effects at once (after this render,
    // so that what they reach is drawn), storage's once the saver is there.
    {
        let state = state.clone();
        let saver = saver.clone();
        use_effect_with((state.revision, saver.is_some()), move |_| {
            let all: Vec<_> = state.outbox.borrow_mut().drain(..).collect();
            let (storage, page): (Vec<_>, Vec<_>) = all.into_iter().partition(|e| e.is_storage());
            for effect in page {
                effects::perform(effect, &state);
            }
            match saver.as_ref() {
                Some(s) => Saver::push(s, storage, &state.model),
                None => state.outbox.borrow_mut().extend(storage),
            }
        });
    }

    // While anything the user made is not stored, closing the tab asks the browser's own
    // "leave site?" question: the work is only in this page's memory.
    let unsaved = use_mut_ref(|| false);
    {
        let model = &state.model;
        let made_something = !model.library.annotations().is_empty()
            || !model.library.orphans().is_empty()
            || model
                .library
                .documents()
                .iter()
                .any(|d| d.origin == Origin::User);
        *unsaved.borrow_mut() = match *save_state {
            SaveState::Saving | SaveState::Failed => true,
            SaveState::Unavailable => made_something,
            SaveState::Saved => false,
        };
    }
    {
        let unsaved = unsaved.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new_with_options(
                &gloo::utils::window(),
                "beforeunload",
                EventListenerOptions::enable_prevent_default(),
                move |e| {
                    if *unsaved.borrow() {
                        e.prevent_default();
                        // Older browsers ask only when a return value is set.
                        let _ = js_sys::Reflect::set(e, &"returnValue".into(), &"".into());
                    }
                },
            );
            move || drop(listener)
        });
    }

    // Undo and redo from anywhere but a text field (where they undo typing).
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |e| {
                    let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    if in_text_field(e) {
                        return;
                    }
                    let key = e.key();
                    if let Some(action) = global_action(&key_press(e, &key)) {
                        e.prevent_default();
                        dispatcher.dispatch(action);
                    }
                },
            );
            move || drop(listener)
        });
    }

    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let state = state.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            // Files dropped on Compare's panel are Compare's (its component takes them).
            let target = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            if target.is_some_and(|t| t.closest(".side.compare").ok().flatten().is_some()) {
                return;
            }
            if let Some(files) = e.data_transfer().and_then(|d| d.files()) {
                open_or_import(files, state.clone());
            }
        })
    };

    crate::web::crash::remember(&state);

    // `?crash-test` makes the app panic a moment after it has loaded, so that the crash page
    // and its rescue export can be tested in a real browser (tests/e2e/tests/library.rs).
    use_effect_with(saver.is_some(), |loaded| {
        let crash_test = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .is_some_and(|s| s.contains("crash-test"));
        if *loaded && crash_test {
            gloo::timers::callback::Timeout::new(300, || {
                panic!("crash test requested by ?crash-test")
            })
            .forget();
        }
    });

    if saver.is_none() {
        return html! { <p class="loading" role="status">{ t!("app-loading") }</p> };
    }
    let model = &state.model;
    let session = &model.session;
    let open = model.open_document().cloned();
    let saver = saver.as_ref().expect("checked above").clone();
    // The side column. Each panel keeps its own slot, so that Yew never mistakes one for
    // another, and the list stays mounted (hidden) under the palette.
    let palette_open = session.palette_open();
    let panel = open.is_some().then_some(session.panel);
    let side = html! {
        <>
            if palette_open || panel.is_none() {
                <Palette />
            }
            if panel == Some(Panel::Annotations) {
                <AnnotationList hidden={palette_open} />
            }
            if panel == Some(Panel::Compare) && !palette_open {
                <Compare />
            }
            if panel == Some(Panel::Suggestions) && !palette_open {
                <Suggestions />
            }
            if panel == Some(Panel::Codebook) && !palette_open {
                <crate::web::components::codebook::CodebookPanel />
            }
        </>
    };
    let scroll_to = open
        .as_ref()
        .and_then(|d| session.scroll.get(&d.id).copied());
    html! {
        <ContextProvider<AppContext> context={state.clone()}>
            <div class={classes!("app", (open.is_some() && matches!(session.panel, Panel::Compare | Panel::Suggestions)).then_some("comparing"), (open.is_some() && palette_open).then_some("tagging"))} data-app-ready="true" data-save-state={save_label(*save_state)}
                 {ondragover} {ondrop}>
                // First in the tab order, shown when focused: past the top bar and the
                // library to the text (or to the welcome when no document is open).
                <a class="skip-link" href={if open.is_some() { "#doc-text" } else { "#main" }}>
                    { t!("app-skip") }
                </a>
                <Topbar save_state={*save_state} />
                <Library />
                <main class="reading" id="main" tabindex="-1">
                    <div class="top-messages">
                        <EditingTab {saver} save_state={*save_state} />
                    </div>
                    if let Some(doc) = open {
                        <Reader key={doc.id.clone()} doc={doc.clone()} scroll_to={scroll_to} />
                    } else {
                        <section class="welcome" aria-labelledby="welcome-title">
                            <h1 id="welcome-title">{ t!("app-welcome-title") }</h1>
                            <p class="gcm-line">{ t!("app-welcome-gcm") }</p>
                            <p>{ t!("app-welcome-how") }</p>
                            <p>{ t!("app-welcome-private") }</p>
                        </section>
                    }
                </main>
                // Below the reading column, in a row of their own: messages never cover
                // the text, and coming or going they never move it (the column only
                // shortens at its bottom).
                <Notices />
                { side }
            </div>
        </ContextProvider<AppContext>>
    }
}

/// The state the app starts from: what storage held, with a notice for each record that
/// could not be read, or the notice that storage is unavailable.
fn initial_state(boot: &mut Boot) -> AppState {
    let mut state = AppState::default();
    // This profile's annotator id, should storage hold none (a first start, a version-5
    // store, or no storage): the restore keeps a stored one and saves this one otherwise.
    state.model.session.settings.annotator_id = crate::web::platform::new_id();
    // Without storage, tabs share nothing: each works in its own memory, as before.
    let stored = matches!(boot, Some(Ok(_)));
    let mut actions = restore_actions(boot);
    // Another tab edits: this one shows the work, read-only, from the first frame.
    if stored && tabs::claimed() == tabs::Claim::ReadOnly {
        actions.push(Action::SetReadOnly(Some(ReadOnly::OtherTab)));
    }
    for action in actions {
        let effects = state.model.apply(action);
        state.outbox.borrow_mut().extend(effects);
    }
    state
}

/// The actions that bring what storage held into the state (taking the records out of
/// `boot`, which keeps the database for the saver).
fn restore_actions(boot: &mut Boot) -> Vec<Action> {
    match boot {
        Some(Ok((_, loaded))) => {
            let mut actions = vec![
                Action::Restore(std::mem::take(&mut loaded.restored)),
                Action::RestoreClass(std::mem::take(&mut loaded.class)),
            ];
            // What the last session never stored, said first and plainly; by the editing
            // tab only (in another tab the journal is the editor's unsaved work, not lost).
            let lost = loaded.lost.take();
            if tabs::claimed() != tabs::Claim::ReadOnly {
                actions.extend(lost.map(|l| Action::Notify(Level::Error, l)));
            }
            actions.extend(
                loaded
                    .problems
                    .drain(..)
                    .map(|p| Action::Notify(Level::Error, t!("app-storage-problem", problem = p))),
            );
            actions
        }
        Some(Err(e)) => vec![Action::StorageUnavailable(e.clone())],
        None => vec![],
    }
}

/// The saver for what start-up found: writing to the database, or in memory only.
fn saver_for(
    read: Result<(rexie::Rexie, store::Loaded), String>,
    on_state: impl Fn(SaveState, Option<String>) + 'static,
) -> SharedSaver {
    let edits = tabs::claimed() != tabs::Claim::ReadOnly;
    Saver::new(
        read.ok().map(|(db, loaded)| (db, loaded.kept)),
        edits,
        on_state,
    )
}

/// How the saver tells the app where saving stands: the status line, and a notice when a
/// write fails.
fn status_reporter(
    dispatcher: UseReducerDispatcher<AppState>,
    save_state: UseStateSetter<SaveState>,
) -> impl Fn(SaveState, Option<String>) + 'static {
    move |s: SaveState, reason: Option<String>| {
        save_state.set(s);
        if let Some(reason) = reason {
            dispatcher.dispatch(Action::SaveFailed(reason));
        }
    }
}

fn save_label(s: SaveState) -> &'static str {
    match s {
        SaveState::Saved => "saved",
        SaveState::Saving => "saving",
        SaveState::Failed => "failed",
        SaveState::Unavailable => "unavailable",
    }
}

/// True when a key event comes from a field where the user types.
pub fn in_text_field(e: &KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            let tag = el.tag_name().to_ascii_lowercase();
            tag == "input" || tag == "textarea" || el.has_attribute("contenteditable")
        })
}
