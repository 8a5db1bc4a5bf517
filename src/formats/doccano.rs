//! doccano JSONL: one line per document, `{"text": …, "label": [[start, end, tag], …]}`,
//! offsets in code points so that Python's `text[start:end]` is the quote; one label per tag.
//! The document's id, title and the SHA-256 of its text (`sha256`, lowercase hex) ride along
//! as metadata, which doccano keeps; the text is what matches a document here, so a line
//! whose text was edited since (its `sha256` no longer fits) is read by its text. Reading also
//! takes doccano's newer `entities` (`{"start_offset", "end_offset", "label"}`), says which
//! keys of other dialects it does not read, and recognises offsets written as UTF-16 code
//! units.
//!
//! Labels are GCM tag ids and own codes' names (doccano users see labels, not ids); a label
//! read that is not a GCM tag id is a code of the file's own ([`InCode`], its key and name
//! the label), which the import matches to a code here by name or makes. doccano's
//! sequence labelling has no document-level label, so tags of a whole document are not
//! written; a plain string in `label` (doccano's text classification,
//! `{"text": …, "label": ["positive"]}`) is read as a tag of the whole document.
//!
//! Who made the labels rides along as extra keys, which doccano ignores: `annotator` (the
//! exporter's name), `annotator_id` (its UUID) and `assignment` (the assignment's id), on
//! every line. doccano has no place for a label's own maker: an export of everything
//! credits every label of a line to the exporter, and its reader reads them so.

use super::incoming::{InAnnotation, InCode, InDoc, Incoming};
use super::{ExportScope, Format, Options};
use crate::text::{Bias, DocText, Utf16};
use serde_json::json;

/// Writes one JSON line per document, each with the exporter's name, id and assignment
/// (`opts`) when known.
pub fn write(scope: &ExportScope, opts: Options) -> String {
    let mut out = String::new();
    for d in &scope.documents {
        let label = |t: &str| match scope.codebook.code(t) {
            Some(crate::codes::Code::Own(c)) => c.name.clone(),
            _ => t.to_string(),
        };
        let labels: Vec<serde_json::Value> = scope
            .of(&d.id)
            .filter(|a| !a.whole_document)
            .flat_map(|a| {
                a.tags
                    .iter()
                    .map(move |t| json!([a.start.0, a.end.0, label(t)]))
            })
            .collect();
        let mut line = json!({
            "text": d.text.as_str(),
            "label": labels,
            "document": d.id,
            "title": d.title,
            "sha256": d.text.sha256_hex(),
        });
        for (key, value) in [
            ("annotator", opts.annotator),
            ("annotator_id", opts.annotator_id),
            ("assignment", opts.assignment.unwrap_or_default()),
        ] {
            if !value.is_empty() {
                line[key] = json!(value);
            }
        }
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

/// True when the text looks like JSONL whose first object has `text` and spans: `label`
/// (`labels`) or doccano's newer `entities`.
pub fn recognises(first_line: &serde_json::Value) -> bool {
    first_line.get("text").is_some_and(|t| t.is_string())
        && ["label", "labels", "entities"]
            .iter()
            .any(|k| first_line.get(k).is_some())
}

/// Keys of other tools' JSONL dialects that a line may carry and this reader does not
/// read (listed in the README's table); the catalogue's `fmt-doccano-unread` says what
/// about each.
pub const UNREAD_KEYS: &[&str] = &["relations", "cats", "data", "annotations", "predictions"];

/// One span as a line gives it: `[start, end, "tag"]`, or doccano's entity object
/// `{"start_offset", "end_offset", "label"}`.
fn span_of(l: &serde_json::Value) -> Option<(usize, usize, String)> {
    if let Some(l) = l.as_array().filter(|l| l.len() == 3) {
        let start = l[0].as_u64()? as usize;
        let end = l[1].as_u64()? as usize;
        return Some((start, end, l[2].as_str()?.to_string()));
    }
    let start = l.get("start_offset")?.as_u64()? as usize;
    let end = l.get("end_offset")?.as_u64()? as usize;
    Some((start, end, l.get("label")?.as_str()?.to_string()))
}

/// True when a span (code points of `chars`) cuts no word: each end lies at the text's
/// edge or next to a character that is not a letter or digit.
fn cuts_no_word(chars: &[char], start: usize, end: usize) -> bool {
    let word = |i: usize| {
        chars
            .get(i)
            .is_some_and(|c| crate::segment::is_word_char(*c))
    };
    let clean_start = start == 0 || !word(start - 1) || !word(start);
    let clean_end = end >= chars.len() || !word(end - 1) || !word(end);
    start < end && end <= chars.len() && clean_start && clean_end
}

/// A span as a line states it: (start, end).
type Span = (usize, usize);

/// The outcome of [`utf16_reading`] when it fires.
struct Utf16Reading {
    /// Every span of the line, converted to code points.
    spans: Vec<Span>,
    /// How many spans the two readings place differently.
    differ: usize,
    /// How many of those cut no word when read as code points.
    clean_as_cp: usize,
}

/// Whether a line's offsets read as UTF-16 code units rather than code points. Some
/// exporters write doccano offsets in UTF-16 (JavaScript's string indices); the two
/// readings differ only after a character outside the Basic Multilingual Plane, and doccano
/// carries no quote to check them against. The heuristic looks only at the spans whose two
/// readings differ: it fires when there are at least two, every one of them cuts no word
/// when read as UTF-16, and at most half do when read as code points (people tag words;
/// two spans cutting words by chance at both ends are rare).
fn utf16_reading(text: &str, spans: &[(Span, Vec<String>)]) -> Option<Utf16Reading> {
    if text.chars().all(|c| (c as u32) <= 0xFFFF) {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let doc = DocText::new(text);
    // A unit inside a surrogate pair is no boundary: the UTF-16 reading fails there.
    let cp_of = |u: usize| {
        let cp = doc.cp_of_utf16(Utf16(u), Bias::Floor)?;
        (doc.utf16_of(cp) == Some(Utf16(u))).then_some(cp.0)
    };
    let converted = spans
        .iter()
        .map(|((s, e), _)| Some((cp_of(*s)?, cp_of(*e)?)))
        .collect::<Option<Vec<Span>>>()?;
    let differ: Vec<(&Span, &Span)> = spans
        .iter()
        .map(|(span, _)| span)
        .zip(&converted)
        .filter(|(a, b)| a != b)
        .collect();
    let clean_cp = differ
        .iter()
        .filter(|((s, e), _)| cuts_no_word(&chars, *s, *e))
        .count();
    let clean_utf16 = differ
        .iter()
        .filter(|(_, (s, e))| cuts_no_word(&chars, *s, *e))
        .count();
    let n = differ.len();
    (n >= 2 && clean_utf16 == n && clean_cp * 2 <= n).then_some(Utf16Reading {
        spans: converted,
        differ: n,
        clean_as_cp: clean_cp,
    })
}

/// Reads doccano JSONL. Each line is a document carrying its text; spans with several
/// labels become one annotation with several tags. Keys of other dialects that are not
/// read, and offsets read as UTF-16 ([`utf16_reading`]), are said in the result's notes.
pub fn read(text: &str) -> Result<Incoming, String> {
    let mut lines = Lines::default();
    for (i, line) in text.lines().enumerate() {
        lines.read(i + 1, line)?;
    }
    lines.finish()
}

/// doccano JSONL read a line at a time: [`read`] in steps, for [`super::reading`].
#[derive(Default)]
pub(super) struct Lines {
    documents: Vec<InDoc>,
    annotations: Vec<InAnnotation>,
    codes: Vec<InCode>,
    notes: Vec<String>,
    /// The first line's `annotator`, `annotator_id` and `assignment`: the file's.
    annotator: Option<String>,
    annotator_id: Option<String>,
    assignment: Option<String>,
}

impl Lines {
    /// Reads line `line_no` (counted from 1, blank lines included), as [`read`] reads it:
    /// a blank line is skipped; a line that is not a doccano object is an error naming it.
    pub(super) fn read(&mut self, line_no: usize, line: &str) -> Result<(), String> {
        let notes = &mut self.notes;
        let mut note = |n: String| {
            if !notes.contains(&n) {
                notes.push(n);
            }
        };
        if line.trim().is_empty() {
            return Ok(());
        }
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| {
            t!(
                "fmt-line-not-json",
                line = line_no.to_string(),
                error = e.to_string()
            )
        })?;
        let doc_text = v
            .get("text")
            .and_then(|t| t.as_str())
            .ok_or_else(|| t!("fmt-line-no-text", line = line_no.to_string()))?;
        let key = v
            .get("document")
            .and_then(|d| d.as_str())
            .map(String::from)
            .unwrap_or_else(|| format!("doccano-line-{line_no}"));
        let lists: Vec<&Vec<serde_json::Value>> = ["label", "labels", "entities"]
            .iter()
            .filter_map(|k| v.get(*k).and_then(|l| l.as_array()))
            .collect();
        if lists.is_empty() {
            return Err(t!("fmt-line-no-label", line = line_no.to_string()));
        }
        for k in UNREAD_KEYS {
            if v.get(*k).is_some() {
                note(t!("fmt-doccano-unread", key = *k));
            }
        }
        // Group labels by span: one annotation per span, with all its tags.
        let mut spans: Vec<((usize, usize), Vec<String>)> = Vec::new();
        let mut whole: Vec<String> = Vec::new();
        for (j, l) in lists.into_iter().flatten().enumerate() {
            if let Some(category) = l.as_str() {
                whole.push(category.to_string());
                continue;
            }
            let (start, end, tag) = span_of(l).ok_or_else(|| {
                t!(
                    "fmt-line-bad-label",
                    line = line_no.to_string(),
                    label = (j + 1).to_string()
                )
            })?;
            match spans.iter_mut().find(|(s, _)| *s == (start, end)) {
                Some((_, tags)) => tags.push(tag),
                None => spans.push(((start, end), vec![tag])),
            }
        }
        // A line this app wrote (it carries the document's id) counts in code points.
        let ours = v.get("document").is_some();
        let utf16 = (!ours).then(|| utf16_reading(doc_text, &spans)).flatten();
        if let Some(r) = utf16 {
            note(t!(
                "fmt-line-utf16",
                line = line_no.to_string(),
                cut = r.differ - r.clean_as_cp,
                moved = r.differ
            ));
            for (span, c) in spans.iter_mut().zip(r.spans) {
                span.0 = c;
            }
        }
        for tag in spans.iter_mut().flat_map(|(_, t)| t.iter()).chain(&whole) {
            let own = crate::codebook::tag(tag).is_none();
            if own && !self.codes.iter().any(|c| &c.key == tag) {
                self.codes.push(InCode {
                    key: tag.clone(),
                    name: tag.clone(),
                    ..InCode::default()
                });
            }
        }
        if !whole.is_empty() {
            spans.push(((usize::MAX, usize::MAX), whole));
        }
        let text = |k: &str| {
            let t = v.get(k).and_then(|x| x.as_str());
            t.filter(|t| !t.trim().is_empty()).map(String::from)
        };
        let (annotator, annotator_id) = (text("annotator"), text("annotator_id"));
        if self.documents.is_empty() {
            self.annotator = annotator.clone();
            self.annotator_id = annotator_id.clone();
            self.assignment = text("assignment");
        }
        for ((start, end), tags) in spans {
            let whole_document = start == usize::MAX;
            self.annotations.push(InAnnotation {
                annotator_id: annotator_id.clone(),
                origin: None,
                whole_document,
                id: None,
                doc_key: key.clone(),
                start: (!whole_document).then_some(start),
                end: (!whole_document).then_some(end),
                quote: None,
                prefix: String::new(),
                suffix: String::new(),
                tags,
                note: String::new(),
                created: None,
                updated: None,
                annotator: annotator.clone(),
            });
        }
        self.documents.push(InDoc {
            key: key.clone(),
            id: v.get("document").and_then(|d| d.as_str()).map(String::from),
            title: v.get("title").and_then(|t| t.as_str()).map(String::from),
            text: Some(doc_text.to_string()),
            sha256: v
                .get("sha256")
                .and_then(|h| h.as_str())
                .map(str::to_ascii_lowercase),
            ..InDoc::default()
        });
        Ok(())
    }

    /// What the lines read hold; an error when they hold no document.
    pub(super) fn finish(self) -> Result<Incoming, String> {
        if self.documents.is_empty() {
            return Err(t!("fmt-no-documents"));
        }
        Ok(Incoming {
            handout: None,
            annotator_id: self.annotator_id,
            assignment: self.assignment,
            codes: self.codes,
            format: Format::Doccano,
            annotator: self.annotator,
            documents: self.documents,
            annotations: self.annotations,
            notes: self.notes,
        })
    }
}
