//! Translations: the languages the interface speaks, and how code asks for a message.
//!
//! Every user-visible text is a message of a [Fluent] catalogue, one set of `.ftl` files per
//! language in `src/i18n/<code>/` (one file per area of the app, so that areas are
//! translated and reviewed apart). Code asks for a message by its id with the [`t!`] macro:
//! `t!("notice-saved")`, `t!("files-refused", count = 5)`. Arguments are text or numbers;
//! a number selects plural forms (`{ $count -> [one] … *[other] … }`) by the language's
//! CLDR plural rules.
//!
//! Who formats:
//! - In the browser, the shell installs a formatter ([`install`]) backed by Project
//!   Fluent's reference implementation, `@fluent/bundle` (npm, pinned in `./dev`), which
//!   takes plural rules and number formats from the browser's `Intl`, over the catalogues
//!   it fetches (English's is preloaded with the app). The `fluent-bundle`
//!   crate would carry its own plural rules for every locale, a parser and `f64`
//!   formatting: 55 KB brotli in a wasm of its own, against 3.7 KB for the JavaScript
//!   library, and the first load has 8 KB to spare (issue 21's notes).
//!   The document readers' module (readers/) installs the same formatter (`i18n::js`) over the
//!   app's bundles, which the app hands it when it loads and on every switch.
//! - Natively (tests, tools), the `fluent-bundle` crate formats the same files, so that the
//!   core's tests read the English the user reads.
//!
//! Unknown ids fall back to English, then to the id itself: a missing translation shows,
//! it never panics. `tests/i18n.rs` checks that every language has every message with the
//! same variables, and that every id the code asks for exists.
//!
//! [Fluent]: https://projectfluent.org/fluent/guide/

use std::cell::RefCell;

/// A language of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Language {
    #[default]
    English,
    French,
    Spanish,
}

impl Language {
    /// Every language, in the order the switch lists them.
    pub const ALL: [Language; 3] = [Language::English, Language::French, Language::Spanish];

    /// The BCP 47 code: `en`, `fr`, `es` (the catalogue's folder, `<html lang>`).
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::French => "fr",
            Language::Spanish => "es",
        }
    }

    /// The language's name in itself, as a language switch shows it.
    pub fn autonym(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::French => "Français",
            Language::Spanish => "Español",
        }
    }

    /// The language with this code; a region or script after it is ignored (`fr-CA`,
    /// `es_419`), case too. `None` for a language the interface does not speak.
    pub fn from_code(code: &str) -> Option<Language> {
        let primary = code
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first of the user's preferred languages (most wanted first, as
    /// `navigator.languages` lists them) that the interface speaks; English if none.
    pub fn negotiate<S: AsRef<str>>(preferred: &[S]) -> Language {
        preferred
            .iter()
            .find_map(|p| Language::from_code(p.as_ref()))
            .unwrap_or_default()
    }
}

/// The catalogue files of one language, in the order they are added to its bundle. Each
/// `src/i18n/<code>/` folder holds exactly these files (`tests/i18n.rs` checks it). In the
/// browser they are not compiled in: the build joins each language's files, without their
/// comments, into `dist/i18n/<code>-<hash>.ftl` (tools/i18n.py), and the app fetches
/// English's (preloaded) and the chosen language's.
#[cfg(not(target_arch = "wasm32"))]
macro_rules! catalogue_files {
    ($code:literal) => {
        [
            include_str!(concat!("i18n/", $code, "/app.ftl")),
            include_str!(concat!("i18n/", $code, "/codebook.ftl")),
            include_str!(concat!("i18n/", $code, "/core.ftl")),
            include_str!(concat!("i18n/", $code, "/formats.ftl")),
            include_str!(concat!("i18n/", $code, "/views.ftl")),
            include_str!(concat!("i18n/", $code, "/panels.ftl")),
            include_str!(concat!("i18n/", $code, "/assignment.ftl")),
            include_str!(concat!("i18n/", $code, "/classroom.ftl")),
            include_str!(concat!("i18n/", $code, "/gold.ftl")),
            include_str!(concat!("i18n/", $code, "/report.ftl")),
        ]
    };
}

/// The names of the files [`catalogue`] returns, in its order.
pub const CATALOGUE_FILES: [&str; 10] = [
    "app.ftl",
    "codebook.ftl",
    "core.ftl",
    "formats.ftl",
    "views.ftl",
    "panels.ftl",
    "assignment.ftl",
    "classroom.ftl",
    "gold.ftl",
    "report.ftl",
];

/// Every language's catalogue files, for the native formatter and the catalogue tests.
#[cfg(not(target_arch = "wasm32"))]
pub fn catalogue(language: Language) -> [&'static str; CATALOGUE_FILES.len()] {
    match language {
        Language::English => catalogue_files!("en"),
        Language::French => catalogue_files!("fr"),
        Language::Spanish => catalogue_files!("es"),
    }
}

/// An argument of a message: text as it is, or a number (which selects plural forms and is
/// written in the language's digits and grouping by the browser's `Intl.NumberFormat`).
/// Borrowed, so that a call site allocates nothing to pass it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Arg<'a> {
    Text(&'a str),
    Number(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(s)
    }
}
impl<'a, 'b: 'a> From<&'a &'b str> for Arg<'a> {
    fn from(s: &'a &'b str) -> Self {
        Arg::Text(s)
    }
}
impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(s)
    }
}
macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl<'a> From<&'a $t> for Arg<'a> {
            fn from(n: &'a $t) -> Self {
                Arg::Number(*n as f64)
            }
        }
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_args!(usize, u8, u16, u32, u64, i32, i64, f64);

/// A formatter: the text of message `id` (or `id.attribute`) with these arguments, or `None`
/// if no bundle has it.
pub type Formatter = Box<dyn Fn(&str, &[(&str, Arg)]) -> Option<String>>;

thread_local! {
    static FORMATTER: RefCell<Option<Formatter>> = const { RefCell::new(None) };
    static LANGUAGE: std::cell::Cell<Language> = const { std::cell::Cell::new(Language::English) };
    /// Messages formatted since the last [`install`], by [`cache_key`]. The interface
    /// re-renders on every action and asks for the same texts each time: the palette alone
    /// formats its 33 tags' labels, and each was a call into `@fluent/bundle` (a fifth of the
    /// task that opens it, with 5,000 annotations present).
    static FORMATTED: RefCell<std::collections::HashMap<String, Option<String>>> =
        RefCell::new(std::collections::HashMap::new());
}

/// The most messages [`FORMATTED`] keeps: past it, it starts again empty. Texts with counts
/// and file names vary without end; the interface's own are some hundreds.
const MOST_FORMATTED: usize = 2048;

/// Makes `formatter` answer every message from now on, in `language` (the browser shell
/// calls this at start-up and when the user switches language).
pub fn install(language: Language, formatter: Formatter) {
    FORMATTER.with(|f| *f.borrow_mut() = Some(formatter));
    LANGUAGE.with(|l| l.set(language));
    FORMATTED.with(|f| f.borrow_mut().clear());
}

/// The key of a message with its arguments in [`FORMATTED`]: the id, then each argument's
/// name and value after separators that no id or name contains.
fn cache_key(id: &str, args: &[(&str, Arg)]) -> String {
    use std::fmt::Write;
    let mut key = String::with_capacity(id.len() + 16 * args.len());
    key.push_str(id);
    for (name, value) in args {
        let _ = match value {
            Arg::Text(s) => write!(key, "\u{1}{name}\u{2}{s}"),
            // Its bits: formatting an `f64` as text would bring Rust's float printing into
            // the first load (some 8 KB brotli).
            Arg::Number(n) => write!(key, "\u{1}{name}\u{3}{}", n.to_bits()),
        };
    }
    key
}

/// The language messages are formatted in now.
pub fn language() -> Language {
    LANGUAGE.with(|l| l.get())
}

/// The text of message `id` with `args` (name, value), in the current language; `id` may
/// name an attribute as `message.attribute` (Fluent ids never contain a dot). Falls back to
/// English, then to `id` itself. Use the [`t!`] macro rather than calling this.
pub fn tr(id: &str, args: &[(&str, Arg)]) -> String {
    lookup(id, args).unwrap_or_else(|| id.to_string())
}

/// Like [`tr`], but `None` where neither the current language nor English has the message
/// (the codebook's English names are its own fields, not catalogue messages).
pub fn lookup(id: &str, args: &[(&str, Arg)]) -> Option<String> {
    let key = cache_key(id, args);
    if let Some(known) = FORMATTED.with(|f| f.borrow().get(&key).cloned()) {
        return known;
    }
    let formatted = FORMATTER.with(|f| f.borrow().as_ref().and_then(|f| f(id, args)));
    let formatted = formatted.or_else(|| fallback(id, args));
    FORMATTED.with(|f| {
        let mut f = f.borrow_mut();
        if f.len() >= MOST_FORMATTED {
            f.clear();
        }
        f.insert(key, formatted.clone());
    });
    formatted
}

#[cfg(target_arch = "wasm32")]
fn fallback(_id: &str, _args: &[(&str, Arg)]) -> Option<String> {
    None
}

#[cfg(not(target_arch = "wasm32"))]
fn fallback(id: &str, args: &[(&str, Arg)]) -> Option<String> {
    native::format(language(), id, args)
}

/// The text of a catalogue message: `t!("id")`, or `t!("id", name = value, …)` where each
/// value is text or a number (see [`Arg`]). `"id.attribute"` names an attribute.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::tr($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr($id, &[$((stringify!($name), $crate::i18n::Arg::from(&$value))),+])
    };
}

/// The browser's formatter, shared by both WebAssembly modules (the app and the document
/// readers, each of which installs it over the same `@fluent/bundle` objects).
#[cfg(target_arch = "wasm32")]
pub mod js {
    use super::{Arg, Language};
    use wasm_bindgen::prelude::*;

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
        pub fn fluent_bundle(locale: &str, sources: Vec<JsValue>) -> JsValue;
        /// Message `id` (its `attribute` if not empty) formatted with `args`; undefined if
        /// the bundle lacks it. Errors (a missing variable) are collected, never thrown.
        fn fluent_format(
            bundle: &JsValue,
            id: &str,
            attribute: &str,
            args: &JsValue,
        ) -> Option<String>;
    }

    /// Formats every message in `language` from now on with `bundles` (`FluentBundle`s, in
    /// fallback order: the language's own, then English's), message by message.
    pub fn install_bundles(language: Language, bundles: Vec<JsValue>) {
        super::install(
            language,
            Box::new(move |id, args| {
                let (message, attribute) = id.split_once('.').unwrap_or((id, ""));
                let args = js_args(args);
                bundles
                    .iter()
                    .find_map(|b| fluent_format(b, message, attribute, &args))
            }),
        );
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
}

/// Native formatting with the `fluent-bundle` crate, over the same catalogue files.
#[cfg(not(target_arch = "wasm32"))]
pub mod native {
    use super::{catalogue, Arg, Language};
    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
    use std::collections::HashMap;

    thread_local! {
        static BUNDLES: std::cell::RefCell<HashMap<Language, FluentBundle<FluentResource>>> =
            std::cell::RefCell::new(HashMap::new());
    }

    fn bundle(language: Language) -> FluentBundle<FluentResource> {
        let id: unic_langid::LanguageIdentifier =
            language.code().parse().expect("the codes are valid BCP 47");
        let mut bundle = FluentBundle::new(vec![id]);
        bundle.set_use_isolating(false);
        for source in catalogue(language) {
            let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
            // A message defined twice keeps its first text here; tests/i18n.rs reports it.
            let _ = bundle.add_resource(resource);
        }
        bundle
    }

    /// Message `id` (or `id.attribute`) in `language`, falling back to English; `None` if
    /// neither has it. Formatting errors (a missing variable) leave Fluent's `{$name}`
    /// marker in the text, as the browser does.
    pub fn format(language: Language, id: &str, args: &[(&str, Arg)]) -> Option<String> {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(s) => fluent_args.set(*name, FluentValue::from(*s)),
                Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
            }
        }
        let (message_id, attribute) = match id.split_once('.') {
            Some((m, a)) => (m, Some(a)),
            None => (id, None),
        };
        [language, Language::English].into_iter().find_map(|l| {
            BUNDLES.with(|b| {
                let mut bundles = b.borrow_mut();
                let bundle = bundles.entry(l).or_insert_with(|| bundle(l));
                let message = bundle.get_message(message_id)?;
                let pattern = match attribute {
                    Some(a) => message.get_attribute(a)?.value(),
                    None => message.value()?,
                };
                let mut errors = vec![];
                Some(
                    bundle
                        .format_pattern(pattern, Some(&fluent_args), &mut errors)
                        .into_owned(),
                )
            })
        })
    }

    /// Formats as `language` from now on in this thread (native tests of translations).
    pub fn speak(language: Language) {
        super::LANGUAGE.with(|l| l.set(language));
        super::FORMATTED.with(|f| f.borrow_mut().clear());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_takes_the_first_language_spoken() {
        assert_eq!(
            Language::negotiate(&["de-DE", "fr-CA", "en"]),
            Language::French
        );
        assert_eq!(Language::negotiate(&["ES_419"]), Language::Spanish);
        assert_eq!(Language::negotiate(&["de", "it"]), Language::English);
        assert_eq!(Language::negotiate::<&str>(&[]), Language::English);
        assert_eq!(Language::from_code("french"), None);
    }

    /// A formatter that counts its calls and answers `<tag>:<id>` with its arguments.
    fn counting(tag: &'static str) -> (Formatter, std::rc::Rc<std::cell::Cell<usize>>) {
        let calls = std::rc::Rc::new(std::cell::Cell::new(0));
        let counter = calls.clone();
        let formatter: Formatter = Box::new(move |id, args| {
            counter.set(counter.get() + 1);
            Some(format!("{tag}:{id}{args:?}"))
        });
        (formatter, calls)
    }

    #[test]
    fn a_message_is_formatted_once_until_the_next_install() {
        let (english, calls) = counting("en");
        install(Language::English, english);
        let label = || {
            tr(
                "tag-label-principle",
                &[("name", Arg::Text("Human rights"))],
            )
        };
        assert_eq!(label(), label());
        assert_eq!(calls.get(), 1, "asked again for a text already formatted");
        // Other arguments are another text.
        let other = tr("tag-label-principle", &[("name", Arg::Text("Gender"))]);
        assert_ne!(other, label());
        assert_eq!(
            tr("count", &[("n", Arg::Number(1.0))]),
            "en:count[(\"n\", Number(1.0))]"
        );
        assert_ne!(
            tr("count", &[("n", Arg::Number(2.0))]),
            tr("count", &[("n", Arg::Number(1.0))])
        );
        // A switch of language formats anew.
        let (french, _) = counting("fr");
        install(Language::French, french);
        assert!(label().starts_with("fr:"), "{}", label());
    }

    #[test]
    fn the_cache_starts_again_when_full() {
        let (formatter, calls) = counting("en");
        install(Language::English, formatter);
        for n in 0..MOST_FORMATTED + 10 {
            tr("count", &[("n", Arg::Number(n as f64))]);
        }
        assert!(FORMATTED.with(|f| f.borrow().len()) <= MOST_FORMATTED);
        assert_eq!(calls.get(), MOST_FORMATTED + 10);
    }
}
