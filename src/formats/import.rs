//! Import, first half: a file's bytes become the neutral [`Incoming`] form, or an
//! [`ImportError`] that names the file and the problem. Steps: size and encoding checks,
//! nesting depth, format detection, then the format's reader (`project.rs`, `w3c.rs`,
//! `doccano.rs`). `reading.rs` does the same in slices; `planner.rs` turns what is read into
//! a [`super::plan::Plan`].

use super::incoming::Incoming;
use super::{doccano, project, w3c};
use crate::document::size_and_limit;
use std::fmt;

/// The largest file imported: 50 MB, room for ten 5 MB documents with their annotations.
pub const MAX_IMPORT_BYTES: usize = 50_000_000;

/// The deepest nesting of arrays and objects accepted. Our formats need 6; 64 leaves room
/// for other tools' extras while refusing files built to exhaust the parser.
pub const MAX_DEPTH: usize = 64;

/// Why a file was not imported. The message names the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub file: String,
    pub problem: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = crate::text::isolate(&self.file);
        f.write_str(&t!("fmt-not-imported", file = file, problem = self.problem))
    }
}

impl std::error::Error for ImportError {}

/// The nesting depth of JSON text, counting brackets outside strings; stops counting past
/// `limit`.
pub(super) fn json_depth(text: &str, limit: usize) -> usize {
    let (mut depth, mut max, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
                if max > limit {
                    return max;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// Parses a file into the neutral form.
pub fn parse(name: &str, bytes: &[u8]) -> Result<Incoming, ImportError> {
    parse_as::<true>(name, bytes).unwrap_or_else(|| unreachable!("every format is read"))
}

/// [`parse`] as the app does it (`ALL` false): the project's JSON, and the refusals met
/// before any format is told (size, encoding, empty, nesting), exactly as [`parse`] gives
/// them; `None` for any other file, which the readers' module reads with [`parse`] (so
/// that the W3C and doccano readers are not in the first load). A file that does not
/// hold the project's format name is not the project's, unread.
pub fn parse_as<const ALL: bool>(
    name: &str,
    bytes: &[u8],
) -> Option<Result<Incoming, ImportError>> {
    let err = |problem: String| ImportError {
        file: name.to_string(),
        problem,
    };
    if bytes.len() > MAX_IMPORT_BYTES {
        let (size, limit) = size_and_limit(bytes.len(), MAX_IMPORT_BYTES);
        return Some(Err(err(t!("fmt-too-big", size = size, limit = limit))));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let position = e.valid_up_to().to_string();
            return Some(Err(err(t!("fmt-not-utf8", position = position))));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Some(Err(err(t!("fmt-empty"))));
    }
    if json_depth(text, MAX_DEPTH) > MAX_DEPTH {
        return Some(Err(err(t!("fmt-too-deep", levels = MAX_DEPTH))));
    }
    if let Some(read) = project::read_text(text) {
        return Some(read.map_err(err));
    }
    if !ALL && !text.contains(project::FORMAT_NAME) {
        return None;
    }
    parse_other::<ALL>(text).map(|read| read.map_err(err))
}

/// [`parse`] of a text that is not a well-formed project file of a version read here: one
/// JSON document (the project's format, W3C, doccano) or JSONL (doccano). `None` (only when
/// `ALL` is false): not the project's.
fn parse_other<const ALL: bool>(text: &str) -> Option<Result<Incoming, String>> {
    // One JSON document: the project's format or W3C.
    Some(match serde_json::from_str::<serde_json::Value>(text) {
        Ok(v) if project::recognises(&v) => project::read(v),
        _ if !ALL => return None,
        Ok(v) => {
            if w3c::recognises(&v) {
                w3c::read(v)
            } else if doccano::recognises(&v) {
                doccano::read(text)
            } else if is_label_studio(&v) {
                Err(t!("fmt-label-studio"))
            } else {
                Err(t!("fmt-json-unknown"))
            }
        }
        Err(whole) => {
            // Several lines of JSON: doccano JSONL.
            let first = text
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or_default();
            match serde_json::from_str::<serde_json::Value>(first) {
                Ok(v) if doccano::recognises(&v) => doccano::read(text),
                Ok(_) => Err(t!("fmt-unknown")),
                Err(_) if text.trim_start().starts_with(['{', '[']) => {
                    Err(t!("fmt-not-json", error = whole.to_string()))
                }
                Err(_) => Err(t!("fmt-unknown")),
            }
        }
    })
}

/// True when a JSON value looks like Label Studio's export: a task (or a list of them) with
/// `data` and `annotations` or `predictions`.
fn is_label_studio(v: &serde_json::Value) -> bool {
    let task = |t: &serde_json::Value| {
        t.get("data").is_some()
            && (t.get("annotations").is_some() || t.get("predictions").is_some())
    };
    task(v) || v.as_array().and_then(|a| a.first()).is_some_and(task)
}

/// True when a string looks like it carries HTML or a script URL.
pub(super) fn has_markup(s: &str) -> bool {
    const SCRIPT: &[u8] = b"javascript:";
    (s.contains('<') && s.contains('>'))
        || (s.contains(':')
            && s.as_bytes()
                .windows(SCRIPT.len())
                .any(|w| w.eq_ignore_ascii_case(SCRIPT)))
}

#[cfg(test)]
mod tests {
    use super::has_markup;

    /// Natively only: the browser formats with its own bundle (`crate::i18n`).
    #[cfg(not(target_arch = "wasm32"))]
    mod languages {
        use super::super::parse;
        use crate::formats::plan::Plan;
        use crate::i18n::{native::speak, Language};

        /// A summary with nothing imported and `skipped` duplicates.
        fn summary_of(skipped: usize, language: Language) -> String {
            speak(language);
            let plan = Plan {
                file: "x.json".into(),
                skipped: vec![String::new(); skipped],
                ..Plan::default()
            };
            let said = plan.summary();
            speak(Language::English);
            said
        }

        #[test]
        fn refusals_and_summaries_speak_the_interface_language() {
            let refused = |language| {
                speak(language);
                let said = parse("a.json", b" \n").unwrap_err().to_string();
                speak(Language::English);
                said
            };
            let (nb, file) = ('\u{a0}', "\u{2068}a.json\u{2069}");
            assert_eq!(
                refused(Language::English),
                format!("“{file}” was not imported: it is empty. Nothing was changed.")
            );
            assert_eq!(
                refused(Language::French),
                format!(
                    "«{nb}{file}{nb}» n’a pas été importé{nb}: il est vide. Rien n’a été modifié."
                )
            );
            assert_eq!(
                refused(Language::Spanish),
                format!("«{file}» no se importó: está vacío. No se cambió nada.")
            );
            // Plural forms are each language's: French counts 0 as one, English and Spanish
            // as other.
            let file = "\u{2068}x.json\u{2069}";
            assert_eq!(
                summary_of(1, Language::English),
                format!("“{file}”: 0 annotations imported; 1 skipped as already here.")
            );
            assert_eq!(
                summary_of(2, Language::French),
                format!(
                    "«{nb}{file}{nb}»{nb}: 0 annotation importée; 2 ignorées car déjà présentes."
                )
            );
            assert_eq!(
                summary_of(1, Language::Spanish),
                format!("«{file}»: 0 anotaciones importadas; 1 omitida porque ya estaba.")
            );
        }
    }

    #[test]
    fn markup_is_recognised_in_any_case_and_plain_text_is_not() {
        for s in [
            "<img src=x onerror=alert(1)>",
            "a <b>bold</b> claim",
            "JavaScript:alert(1)",
            "see jAvAsCrIpT:void(0)",
        ] {
            assert!(has_markup(s), "{s}");
        }
        for s in [
            "",
            "a < b, and c > d is not a tag",
            "Objective 7: reduce vulnerabilities",
            "javascript is a language",
            "مرحبا 😀 e\u{301}",
        ] {
            assert_eq!(has_markup(s), s.contains('<') && s.contains('>'), "{s}");
        }
    }
}
