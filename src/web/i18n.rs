//! The interface's language in the browser: which one the user wants (their choice, kept in
//! `localStorage`, else the browser's languages), fetching its catalogue, and formatting
//! messages with Project Fluent's `@fluent/bundle` (`tools/i18n.py` puts both beside the
//! app). The catalogues' files, the `t!` macro and the JS glue are the core's
//! ([`crate::i18n`]).

use crate::i18n::js::{fluent_bundle, install_bundles};
use crate::i18n::Language;
use wasm_bindgen::JsValue;

/// The `localStorage` key of the user's choice (a code: `en`, `fr`, `es`). A preference of
/// this browser, not part of the user's work: it is not in the stored records.
const CHOICE_KEY: &str = "gcm-language";

/// The language to start in: the user's choice if they made one here, else the first of
/// the browser's languages that the interface speaks, else English.
pub fn wanted() -> Language {
    let chosen = crate::web::platform::local_storage()
        .and_then(|s| s.get_item(CHOICE_KEY).ok().flatten())
        .and_then(|code| Language::from_code(&code));
    chosen.unwrap_or_else(|| {
        let languages = web_sys::window().map(|w| w.navigator().languages());
        let preferred: Vec<String> = languages
            .iter()
            .flat_map(|l| l.iter())
            .filter_map(|l| l.as_string())
            .collect();
        Language::negotiate(&preferred)
    })
}

/// The URL of `language`'s catalogue in this build, which tools/i18n.py writes into
/// index.html as `<meta name="gcm-catalogue-<code>" content="i18n/<code>-<hash>.ftl">`:
/// named by its content, so that a new deployment never reads an old catalogue from a
/// cache.
fn catalogue_url(language: Language) -> Result<String, String> {
    let selector = format!("meta[name=gcm-catalogue-{}]", language.code());
    gloo::utils::document()
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .ok_or_else(|| format!("index.html names no {} catalogue", language.code()))
}

/// A bundle of `language`'s catalogue, fetched.
async fn fetch_bundle(language: Language) -> Result<JsValue, String> {
    let source = crate::web::platform::fetch_text(catalogue_url(language)?).await?;
    bundle_of(language, &[&source])
}

/// A bundle of these FTL sources, or `Err` if `@fluent/bundle` did not load.
fn bundle_of(language: Language, sources: &[&str]) -> Result<JsValue, String> {
    let sources = sources.iter().map(|s| JsValue::from_str(s)).collect();
    let bundle = fluent_bundle(language.code(), sources);
    match bundle.is_null() {
        true => Err("the translation library did not load".into()),
        false => Ok(bundle),
    }
}

thread_local! {
    /// The English bundle, every language's fallback, once fetched.
    static ENGLISH: std::cell::RefCell<Option<JsValue>> = const { std::cell::RefCell::new(None) };
}

/// Fetches `language`'s catalogue (and English's, the fallback of every message, once) and
/// formats every message in it from now on. `Err` names what failed; the interface then
/// stays in the language it was in.
pub async fn speak(language: Language) -> Result<(), String> {
    let known = ENGLISH.with(|e| e.borrow().clone());
    let english = async {
        match known {
            Some(bundle) => Ok(bundle),
            None => fetch_bundle(Language::English).await,
        }
    };
    let own = async {
        match language {
            Language::English => Ok(None),
            _ => fetch_bundle(language).await.map(Some),
        }
    };
    let (english, own) = futures::join!(english, own);
    let english = english?;
    ENGLISH.with(|e| *e.borrow_mut() = Some(english.clone()));
    install(language, own?, english);
    Ok(())
}

/// Formats every message in English from these FTL sources, fetching nothing: for the
/// component tests, which run without the app's files.
pub fn speak_english_from(sources: &[&str]) -> Result<(), String> {
    let english = bundle_of(Language::English, sources)?;
    ENGLISH.with(|e| *e.borrow_mut() = Some(english.clone()));
    install(Language::English, None, english);
    Ok(())
}

/// Formats every message with `own` (`language`'s bundle; `None` for English), falling back
/// to `english` message by message, here and in the modules fetched on first use (the
/// document readers, the teacher's tools: now if they are loaded, else as they load).
fn install(language: Language, own: Option<JsValue>, english: JsValue) {
    let bundles: Vec<JsValue> = own.into_iter().chain([english]).collect();
    crate::web::readers::use_bundles(language.code(), bundles.iter().collect());
    crate::web::teacher::use_bundles(language.code(), bundles.iter().collect());
    install_bundles(language, bundles);
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("lang", language.code());
    }
}

thread_local! {
    static FELL_BACK: std::cell::Cell<Option<Language>> = const { std::cell::Cell::new(None) };
}

/// Speaks English after `wanted`'s catalogue could not be loaded (offline before the app
/// was ever cached, say), if English's could; [`fell_back_from`] then tells the app to say
/// so.
pub fn fell_back(wanted: Language) {
    FELL_BACK.with(|f| f.set(Some(wanted)));
    // If English did not load either, messages show their ids.
    if let Some(english) = ENGLISH.with(|e| e.borrow().clone()) {
        install(Language::English, None, english);
    }
}

/// The language whose catalogue could not be loaded at start, once: the app says so.
pub fn fell_back_from() -> Option<Language> {
    FELL_BACK.with(|f| f.take())
}

/// Remembers `language` as the user's choice in this browser.
pub fn remember(language: Language) {
    if let Some(storage) = crate::web::platform::local_storage() {
        // Full or forbidden storage: the choice lasts until the page is closed.
        let _ = storage.set_item(CHOICE_KEY, language.code());
    }
}
