//! Import: a file's bytes become a [`Plan`] (documents to add, annotations to add, orphans,
//! and what was skipped and why) or an [`ImportError`] that names the file and the problem.
//! A file is taken whole or not at all: any invalid annotation refuses the file.
//!
//! Steps: size and encoding checks, nesting depth, format detection, parsing into the
//! neutral [`Incoming`] form (`incoming.rs`), validation, then anchoring every annotation to its document
//! (see [`crate::anchoring`]) and dropping duplicates.

use super::incoming::{InAnnotation, Incoming};
use super::plan::Plan;
use super::{doccano, project, sha256_hex, w3c};
use crate::anchoring::{anchor, Anchor, Selector};
use crate::annotation::{
    excerpt, normalize_tags, Annotation, Millis, Provenance, Seen, CONTEXT_CPS,
};
use crate::document::{size_and_limit, Document, Origin, MAX_DOCUMENT_BYTES};
use crate::library::Library;
use crate::text::{Cp, DocText};
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
        write!(
            f,
            "“\u{2068}{}\u{2069}” was not imported: {}. Nothing was changed.",
            self.file, self.problem
        )
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
    let err = |problem: String| ImportError {
        file: name.to_string(),
        problem,
    };
    if bytes.len() > MAX_IMPORT_BYTES {
        let (size, limit) = size_and_limit(bytes.len(), MAX_IMPORT_BYTES);
        return Err(err(format!(
            "it is {size}, over the import limit of {limit}"
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        err(format!(
            "it is not UTF-8 text (the first invalid byte is at position {})",
            e.valid_up_to()
        ))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(err("it is empty".into()));
    }
    if json_depth(text, MAX_DEPTH) > MAX_DEPTH {
        return Err(err(format!(
            "its data is nested too deeply (over {MAX_DEPTH} levels)"
        )));
    }
    if let Some(read) = project::read_text(text) {
        return read.map_err(err);
    }
    // One JSON document: the project's format or W3C.
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(v) => {
            if project::recognises(&v) {
                return project::read(v).map_err(err);
            }
            if w3c::recognises(&v) {
                return w3c::read(v).map_err(err);
            }
            if doccano::recognises(&v) {
                return doccano::read(text).map_err(err);
            }
            if is_label_studio(&v) {
                return Err(err("it looks like a Label Studio export ('data' and 'annotations' with 'result'), which this app does not read: export W3C Web Annotation from it, or doccano JSONL with 'text' and 'label'".into()));
            }
            Err(err("it is JSON, but not in a format this app reads (GCM Annotator JSON, W3C Web Annotation, or doccano JSONL)".into()))
        }
        Err(whole) => {
            // Several lines of JSON: doccano JSONL.
            let first = text
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or_default();
            match serde_json::from_str::<serde_json::Value>(first) {
                Ok(v) if doccano::recognises(&v) => doccano::read(text).map_err(err),
                Ok(_) => Err(err("it is not in a format this app reads (GCM Annotator JSON, W3C Web Annotation, or doccano JSONL)".into())),
                Err(_) if text.trim_start().starts_with(['{', '[']) => {
                    Err(err(format!("it is not valid JSON ({whole})")))
                }
                Err(_) => Err(err("it is not in a format this app reads (GCM Annotator JSON, W3C Web Annotation, or doccano JSONL)".into())),
            }
        }
    }
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
fn has_markup(s: &str) -> bool {
    const SCRIPT: &[u8] = b"javascript:";
    (s.contains('<') && s.contains('>'))
        || (s.contains(':')
            && s.as_bytes()
                .windows(SCRIPT.len())
                .any(|w| w.eq_ignore_ascii_case(SCRIPT)))
}

/// Places a parsed file's annotations step by step, so that a long import can show its
/// progress and let the page breathe between steps. Owns everything it needs: the library
/// is only read when it starts.
pub struct Planner {
    plan: Plan,
    file_annotator: String,
    /// (key in the file, our document id if any, its text here if any)
    resolved: Vec<(String, Option<String>, Option<DocText>)>,
    /// The SHA-256 (lowercase hex) of each document the file names one for or carries the
    /// text of, by its key in the file: what an orphan remembers to find its text later.
    hashes: Vec<(String, String)>,
    file_texts: std::collections::HashMap<String, DocText>,
    seen: Seen,
    pending: std::vec::IntoIter<InAnnotation>,
    total: usize,
    done: usize,
    now: Millis,
}

impl Planner {
    /// Resolves the documents and validates every annotation; the file is refused whole
    /// here, or taken whole by the steps.
    pub fn new(
        name: &str,
        mut incoming: Incoming,
        library: &Library,
        new_id: &mut dyn FnMut() -> String,
        now: Millis,
    ) -> Result<Planner, ImportError> {
        let err = |problem: String| ImportError {
            file: name.to_string(),
            problem,
        };
        let mut plan = Plan {
            file: name.to_string(),
            format: Some(incoming.format),
            notes: incoming.notes.clone(),
            clipped: incoming.clip_fields(),
            ..Plan::default()
        };
        // The fallback annotator: the file's, else the file's name without extension.
        let file_annotator = incoming
            .annotator
            .clone()
            .unwrap_or_else(|| name.rsplit_once('.').map_or(name, |(s, _)| s).to_string());
        let file_annotator = crate::fields::Field::AnnotatorName.clip(&file_annotator).0;
        // Documents: match each to one here, or create it from the text the file carries.
        // (key in file, our id if any, its text)
        let mut resolved: Vec<(String, Option<String>, Option<DocText>)> = Vec::new();
        let mut hashes = Vec::new();
        for d in &incoming.documents {
            // What the text is known by: the hash of the text the file carries, else the hash
            // the file names.
            let text_hash = d.text.as_deref().map(sha256_hex);
            if let (Some(t), Some(text_hash)) = (&d.text, &text_hash) {
                if let Some(h) = &d.sha256 {
                    let edited = !h.eq_ignore_ascii_case(text_hash);
                    if edited && incoming.format == super::Format::Doccano {
                        // doccano lets its users edit a text and keeps our metadata: the
                        // line's own text is what its spans count in, and what is matched.
                        plan.notes.push(format!(
                            "the text of “\u{2068}{}\u{2069}” was edited since it was exported (its sha256 no longer matches): it was matched by its text",
                            crate::text::clip(d.title.as_deref().unwrap_or(&d.key), 80)
                        ));
                    } else if edited {
                        return Err(err(format!(
                            "the text of document “\u{2068}{}\u{2069}” does not match its SHA-256; the file was altered or damaged",
                            crate::text::clip(d.title.as_deref().unwrap_or(&d.key), 80)
                        )));
                    }
                }
                if t.len() > MAX_DOCUMENT_BYTES {
                    let (size, limit) = size_and_limit(t.len(), MAX_DOCUMENT_BYTES);
                    return Err(err(format!(
                        "document “\u{2068}{}\u{2069}” is {size}, over the limit of {limit}",
                        crate::text::clip(d.title.as_deref().unwrap_or(&d.key), 80),
                    )));
                }
            }
            if let Some(h) = text_hash.as_ref().or(d.sha256.as_ref()) {
                hashes.push((d.key.clone(), h.to_ascii_lowercase()));
            }
            let here =
                d.id.as_deref()
                    .and_then(|id| library.document(id))
                    .or_else(|| {
                        let hash = text_hash.as_ref().or(d.sha256.as_ref())?;
                        library
                            .documents()
                            .iter()
                            .find(|x| x.text.sha256_hex().eq_ignore_ascii_case(hash))
                    });
            match (here, &d.text) {
                (Some(doc), _) => {
                    resolved.push((d.key.clone(), Some(doc.id.clone()), Some(doc.text.clone())))
                }
                (None, Some(text)) if !text.trim().is_empty() => {
                    let id =
                        d.id.clone()
                            .filter(|id| !id.starts_with("seed-"))
                            .unwrap_or_else(&mut *new_id);
                    let title = d
                        .title
                        .clone()
                        .filter(|t| !t.trim().is_empty())
                        .unwrap_or_else(|| format!("Imported from {name}"));
                    if d.title.as_deref().is_some_and(has_markup) {
                        plan.markup_fields += 1;
                    }
                    let doc = Document {
                        id: id.clone(),
                        title,
                        description: format!("Imported from {name}"),
                        origin: Origin::User,
                        text: DocText::new(text.as_str()),
                    };
                    resolved.push((d.key.clone(), Some(id), Some(doc.text.clone())));
                    plan.new_documents.push(doc);
                }
                (None, _) => resolved.push((d.key.clone(), d.id.clone(), None)),
            }
        }

        // An annotation may name a document the file's list leaves out; when this browser
        // has a document by that id (a seed, or the user's own), it is placed there.
        for a in &incoming.annotations {
            if !resolved.iter().any(|(k, _, _)| *k == a.doc_key) {
                if let Some(doc) = library.document(&a.doc_key) {
                    resolved.push((
                        a.doc_key.clone(),
                        Some(doc.id.clone()),
                        Some(doc.text.clone()),
                    ));
                }
            }
        }

        // The file's own texts, indexed once: a file can hold 10,000 annotations of one 5 MB text.
        let file_texts: std::collections::HashMap<String, DocText> = incoming
            .documents
            .iter()
            .filter_map(|d| Some((d.key.clone(), DocText::new(d.text.as_deref()?))))
            .collect();
        let have_text: std::collections::HashSet<&str> = resolved
            .iter()
            .filter(|(_, _, t)| t.is_some())
            .map(|(k, _, _)| k.as_str())
            .collect();

        // Validate every annotation first: the file is refused whole or taken whole.
        for (i, a) in incoming.annotations.iter().enumerate() {
            let n = i + 1;
            if let Err(e) = normalize_tags(&a.tags) {
                return Err(err(format!("annotation {n}: {e}")));
            }
            if let (Some(s), Some(e)) = (a.start, a.end) {
                if s > e {
                    return Err(err(format!(
                        "annotation {n} ends ({e}) before it starts ({s})"
                    )));
                }
                if s == e {
                    return Err(err(format!(
                        "annotation {n} is empty: it starts and ends at {s} (offsets must satisfy start < end)"
                    )));
                }
            }
            if a.start.is_some() != a.end.is_some() {
                return Err(err(format!(
                    "annotation {n} has a start without an end, or an end without a start"
                )));
            }
            // Offsets are checked against the text they refer to when they are all there is;
            // with a quote, a position past the end is only a stale hint, and the quote
            // places the annotation (or it becomes an orphan): nothing is refused that can
            // still be found.
            let file_text = file_texts.get(a.doc_key.as_str());
            let here_text = resolved
                .iter()
                .find(|(k, _, _)| *k == a.doc_key)
                .and_then(|(_, _, t)| t.as_ref());
            if let (None, Some(t), Some(e)) = (&a.quote, file_text.or(here_text), a.end) {
                let len = t.len_cp().0;
                if e > len {
                    return Err(err(format!(
                        "annotation {n} ends at {e}, past the end of its document ({len} characters)"
                    )));
                }
            }
            if a.quote.is_none() && file_text.is_none() && !have_text.contains(a.doc_key.as_str()) {
                return Err(err(format!(
                    "annotation {n} has no quote, and its document is not in this browser"
                )));
            }
            if a.quote.as_deref() == Some("") {
                return Err(err(format!("annotation {n} has an empty quote")));
            }
        }

        let seen = Seen::of(library.annotations().iter());
        plan.against = Some(library.annotations().clone());
        let total = incoming.annotations.len();
        plan.annotations.reserve(total);
        Ok(Planner {
            plan,
            file_annotator,
            resolved,
            hashes,
            file_texts,
            seen,
            pending: incoming.annotations.into_iter(),
            total,
            done: 0,
            now,
        })
    }

    /// How many annotations the file holds.
    pub fn total(&self) -> usize {
        self.total
    }

    /// How many are placed so far.
    pub fn done(&self) -> usize {
        self.done
    }

    /// Places up to `n` more annotations; true when all are placed.
    pub fn step(&mut self, n: usize, new_id: &mut dyn FnMut() -> String) -> bool {
        for a in self.pending.by_ref().take(n) {
            self.done += 1;
            let (key, orphans) = (a.doc_key.clone(), self.plan.orphans.len());
            place(
                a,
                &mut self.plan,
                &self.resolved,
                &self.file_texts,
                &mut self.seen,
                &self.file_annotator,
                new_id,
                self.now,
            );
            if let Some(o) = self.plan.orphans.get_mut(orphans) {
                // An orphan remembers where it came from and which text it waits for.
                o.provenance = Some(Box::new(Provenance {
                    file: self.plan.file.clone(),
                    sha256: self
                        .hashes
                        .iter()
                        .find(|(k, _)| *k == key)
                        .map(|(_, h)| h.clone()),
                }));
                let text_here = self
                    .resolved
                    .iter()
                    .any(|(k, _, t)| *k == key && t.is_some());
                if !text_here {
                    self.plan.waiting += 1;
                }
            }
        }
        self.done == self.total
    }

    /// The plan, once every step is done.
    pub fn finish(self) -> Plan {
        self.plan
    }
}

/// Places one annotation: a duplicate is skipped, an annotation found in its text is added,
/// one that is not becomes an orphan.
#[allow(clippy::too_many_arguments)]
fn place(
    a: InAnnotation,
    plan: &mut Plan,
    resolved: &[(String, Option<String>, Option<DocText>)],
    file_texts: &std::collections::HashMap<String, DocText>,
    seen: &mut Seen,
    file_annotator: &str,
    new_id: &mut dyn FnMut() -> String,
    now: Millis,
) {
    let (doc_id, text) = resolved
        .iter()
        .find(|(k, _, _)| *k == a.doc_key)
        .map(|(_, id, t)| (id.as_deref(), t.as_ref()))
        .unwrap_or((None, None));
    // The quote and context: as stored, or cut from the file's own text (doccano), or from
    // the text here.
    let (quote, prefix, suffix) = match (a.quote, a.start, a.end) {
        (Some(q), _, _) => (q, a.prefix, a.suffix),
        (None, Some(s), Some(e)) => file_texts
            .get(a.doc_key.as_str())
            .or(text)
            .and_then(|t| t.context(Cp(s), Cp(e), CONTEXT_CPS))
            .map(|(p, q, x)| (q.to_string(), p.to_string(), x.to_string()))
            .unwrap_or_default(),
        _ => Default::default(),
    };
    if [
        quote.as_str(),
        a.note.as_str(),
        a.annotator.as_deref().unwrap_or(""),
    ]
    .iter()
    .any(|s| has_markup(s))
    {
        plan.markup_fields += 1;
    }
    let tags = normalize_tags(&a.tags).unwrap_or_default();
    let id =
        a.id.filter(|id| !id.trim().is_empty())
            .unwrap_or_else(&mut *new_id);
    let document = doc_id.map_or(a.doc_key, str::to_string);
    let (start, end) = (Cp(a.start.unwrap_or(0)), Cp(a.end.unwrap_or(0)));
    let searched = a.start.is_some();
    let anchored = match text {
        Some(t) if !quote.is_empty() => anchor(
            t,
            &Selector {
                quote: &quote,
                prefix: &prefix,
                suffix: &suffix,
                position: a.start.zip(a.end).map(|(s, e)| (Cp(s), Cp(e))),
            },
        ),
        _ => Anchor::Orphan,
    };
    let created = a.created.unwrap_or(now);
    let base = Annotation {
        id,
        document,
        start,
        end,
        quote,
        prefix,
        suffix,
        tags,
        note: a.note.trim().to_string(),
        created,
        updated: a.updated.unwrap_or(created).max(created),
        annotator: a
            .annotator
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| file_annotator.to_string()),
        provenance: None,
    };
    let placed = match (anchored, text) {
        (Anchor::Orphan, _) | (_, None) => None,
        (found, Some(t)) => found.span().and_then(|(s, e)| {
            // After approximate anchoring the quote is what the text now says there; the
            // context is always the text's own.
            let (p, q, x) = t.context(s, e, CONTEXT_CPS)?;
            Some((found, s, e, p, q, x))
        }),
    };
    // Duplicates, judged where the annotation lands: the same id, or the same placed span
    // and tags in the same document. (Judged before placing, every annotation that carries
    // only a quote counted as the span 0..0, and the second of two was dropped.) An orphan
    // is a duplicate by its id alone.
    let (key_start, key_end) = placed.as_ref().map_or((Cp(0), Cp(0)), |p| (p.1, p.2));
    let fresh = match &placed {
        Some(_) => seen.admit(&base.id, &base.document, key_start, key_end, &base.tags),
        None => seen.admit_id(&base.id),
    };
    if !fresh {
        plan.skipped
            .push(format!("“\u{2068}{}\u{2069}”", excerpt(&base.quote, 40)));
        return;
    }
    match placed {
        None => plan.orphans.push(base),
        Some((found, start, end, prefix, quote, suffix)) => {
            // Re-anchored: it said where it was, and the text there had changed. An
            // annotation that carries only its quote was searched for by design.
            if searched && !matches!(found, Anchor::Position(..)) {
                plan.reanchored += 1;
            }
            let mut a = Annotation { start, end, ..base };
            for (field, new) in [
                (&mut a.quote, quote),
                (&mut a.prefix, prefix),
                (&mut a.suffix, suffix),
            ] {
                if field != new {
                    *field = new.to_string();
                }
            }
            plan.annotations.push(a);
        }
    }
}

/// Turns a parsed file into a plan against the library, in one go. `new_id` gives
/// fresh ids for documents and annotations that come without one.
pub fn plan(
    name: &str,
    incoming: Incoming,
    library: &Library,
    new_id: &mut dyn FnMut() -> String,
    now: Millis,
) -> Result<Plan, ImportError> {
    let mut planner = Planner::new(name, incoming, library, new_id, now)?;
    planner.step(usize::MAX, new_id);
    Ok(planner.finish())
}

/// Parses and plans in one step.
pub fn import(
    name: &str,
    bytes: &[u8],
    library: &Library,
    new_id: &mut dyn FnMut() -> String,
    now: Millis,
) -> Result<Plan, ImportError> {
    let incoming = parse(name, bytes)?;
    plan(name, incoming, library, new_id, now)
}

#[cfg(test)]
mod tests {
    use super::has_markup;

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
