//! The interface's language in the browser: which one the user wants (their choice, kept in
//! `localStorage`, else the browser's languages), fetching its catalogue, and formatting
//! messages with Project Fluent's `@fluent/bundle` (loaded beside the app by
//! `tools/i18n.py`). The catalogues and the `t!` macro are the core's ([`crate::i18n`]).

use crate::i18n::{self, Arg, Language};
use wasm_bindgen::prelude::*;

/// The `localStorage` key of the user's choice (a code: `en`, `fr`, `es`). A preference of
/// this browser, not part of the user's work: it is not in the stored records.
const CHOICE_KEY: &str = "gcm-language";

#[wasm_bindgen(inline_js = r#"
export function fluent_bundle(locale, sources) {
  const F = globalThis.FluentBundle;
  if (!F) return null;
  const bundle = new F.FluentBundle(locale, { useIsolating: false });
  for (const source of sources) bundle.addResource(new F.FluentResource(source));
  return bundle;
}
export function fluent_format(bundle, id, attribute, args) {
  const message = bundle.getMessage(id);
  const pattern = message && (attribute ? message.attributes[attribute] : message.value);
  return pattern ? bundle.formatPattern(pattern, args, []) : undefined;
}
"#)]
extern "C" {
    /// A `FluentBundle` for `locale` holding `sources` (FTL texts), or null when
    /// `@fluent/bundle` did not load.
    fn fluent_bundle(locale: &str, sources: Vec<JsValue>) -> JsValue;
    /// Message `id` (its `attribute` if not empty) formatted with `args`; undefined if the
    /// bundle lacks it. Errors (a missing variable) are collected, never thrown.
    fn fluent_format(bundle: &JsValue, id: &str, attribute: &str, args: &JsValue)
        -> Option<String>;
}

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

/// Fetches `language`'s catalogue (English is compiled in) and formats every message in it
/// from now on, falling back to English message by message. `Err` names what failed; the
/// interface then stays in the language it was in.
pub async fn speak(language: Language) -> Result<(), String> {
    let source = match language {
        Language::English => None,
        _ => {
            let url = format!("i18n/{}.ftl", language.code());
            Some(crate::web::platform::fetch_text(url).await?)
        }
    };
    install(language, source)
}

/// Formats every message in `language` from `source` (its catalogue; `None` for English),
/// falling back to the English compiled in. `Err` if `@fluent/bundle` did not load.
fn install(language: Language, source: Option<String>) -> Result<(), String> {
    let missing = || "the translation library did not load".to_string();
    let mut bundles = vec![];
    if let Some(source) = source {
        let bundle = fluent_bundle(language.code(), vec![JsValue::from_str(&source)]);
        if bundle.is_null() {
            return Err(missing());
        }
        bundles.push(bundle);
    }
    let english = i18n::english()
        .iter()
        .map(|s| JsValue::from_str(s))
        .collect();
    let bundle = fluent_bundle("en", english);
    if bundle.is_null() {
        return Err(missing());
    }
    bundles.push(bundle);
    i18n::install(
        language,
        Box::new(move |id, args| {
            let (message, attribute) = id.split_once('.').unwrap_or((id, ""));
            let args = js_args(args);
            bundles
                .iter()
                .find_map(|b| fluent_format(b, message, attribute, &args))
        }),
    );
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("lang", language.code());
    }
    Ok(())
}

thread_local! {
    static FELL_BACK: std::cell::Cell<Option<Language>> = const { std::cell::Cell::new(None) };
}

/// Speaks English after `wanted`'s catalogue could not be loaded (offline before the app
/// was ever cached, say); [`fell_back_from`] then tells the app to say so.
pub fn fell_back(wanted: Language) {
    FELL_BACK.with(|f| f.set(Some(wanted)));
    // If even English fails, the library did not load, and messages show their ids.
    let _ = install(Language::English, None);
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

/// The arguments as the plain object `formatPattern` takes.
fn js_args(args: &[(&str, Arg)]) -> JsValue {
    if args.is_empty() {
        return JsValue::NULL;
    }
    let object = js_sys::Object::new();
    for (name, value) in args {
        let value = match value {
            Arg::Text(s) => JsValue::from_str(s),
            Arg::Number(n) => JsValue::from_f64(*n),
        };
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(name), &value);
    }
    object.into()
}
