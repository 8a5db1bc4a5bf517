//! The browser shell (wasm32 only): Yew components that draw the [`crate::state::Model`]
//! and turn DOM events into [`crate::state::Action`]s. This file only declares the shell's
//! modules and mounts the app ([`start`]).
//!
//! Dependencies go one way. Components ([`components`], one per file) use the state as Yew
//! holds it ([`app_state`]), callbacks several of them share ([`intents`]), files in and out
//! ([`files`]), and the modules that own a browser API: the text in the DOM
//! ([`text_view`]), scrolling and focus ([`scroll`]), PDFs through pdf.js ([`pdf`]), Word,
//! OpenDocument and web pages ([`office`]), clock, ids, downloads, fetch and idle
//! scheduling ([`platform`]), highlights ([`highlights`]), the interface's language
//! ([`i18n`]), IndexedDB ([`store`]), Web Locks and the channel between tabs ([`tabs`]),
//! mouse gestures that end outside the element they began in ([`gesture`]) and the service
//! worker ([`update`]), and the modules fetched on first use: the document readers
//! ([`readers`]) and the teacher's tools ([`teacher`]). They never use each other's
//! helpers. [`crash`] replaces the page if the app panics.

pub mod app_state;
pub mod components;
pub mod crash;
pub mod effects;
pub mod files;
pub mod gesture;
pub mod highlights;
pub mod i18n;
pub mod intents;
pub mod platform;
pub mod readers;
pub mod scroll;
pub mod store;
pub mod tabs;
pub mod teacher;
pub mod text_view;
pub mod update;

/// How long start-up waits for the editing lock's answer before going on as the editor.
const CLAIM_TIMEOUT_MS: u32 = 3_000;

/// How long start-up waits for a seed text before going on without it.
const SEED_TIMEOUT_MS: u32 = 8_000;

/// Fetches the seed texts (copied beside the app by Trunk) while reading the user's work from
/// storage, then mounts the app on `<body>`, with the crash page ready for a bug.
pub fn start() {
    crash::install();
    wasm_bindgen_futures::spawn_local(async {
        // A fetch that never answers must not keep the app from starting: after
        // SEED_TIMEOUT_MS the seed counts as missing, which the app says in a notice.
        let fetches = crate::seeds::SEEDS.iter().map(|s| {
            let fetch = Box::pin(platform::fetch_text(format!("seeds/{}", s.file)));
            let timeout = gloo::timers::future::TimeoutFuture::new(SEED_TIMEOUT_MS);
            async move {
                match futures::future::select(fetch, timeout).await {
                    futures::future::Either::Left((text, _)) => text,
                    futures::future::Either::Right(_) => Err("timed out".to_string()),
                }
            }
        });
        // The user's work is read from storage meanwhile (decoded once the seeds are here).
        // Meanwhile too, whether this tab may edit or another tab already does. A lock that
        // never answers must not keep the app from starting: the tab then edits.
        let claim = futures::future::select(
            Box::pin(tabs::claim()),
            gloo::timers::future::TimeoutFuture::new(CLAIM_TIMEOUT_MS),
        );
        // And the catalogues: the user's language's, and English's (preloaded), its fallback.
        let wanted = i18n::wanted();
        let (texts, early, _, spoken) = futures::join!(
            futures::future::join_all(fetches),
            store::read(),
            claim,
            i18n::speak(wanted)
        );
        if spoken.is_err() {
            i18n::fell_back(wanted);
        }
        store::keep_early(early);
        let mut provided: [Option<String>; 5] = Default::default();
        for (slot, text) in provided.iter_mut().zip(texts) {
            *slot = text.ok();
        }
        crate::seeds::provide(provided);
        // The one Yew app of this module, and no portal: the teacher's tools' module counts
        // on this app's number being 1 (see `before_first_mount` in teacher/src/host.rs).
        yew::Renderer::<components::app::App>::new().render();
    });
}
