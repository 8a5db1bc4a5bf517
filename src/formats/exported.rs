//! The project's JSON as a go-between for the browser's second wasm module, which writes
//! and reads the other formats: [`read_export`] rebuilds an export's scope from the
//! project's JSON of it (to write W3C, doccano, CSV, REFI-QDA or brat from it), and
//! [`write_incoming`] writes a parsed file of another format as the project's JSON (to hand
//! it to the app, whose import reads that).

use super::incoming::Incoming;
use super::project::{
    File, FileAnnotation, FileCode, FileDocument, FileProvenance, FileSource, FORMAT_NAME,
    FORMAT_VERSION,
};
use super::time::{iso8601, parse_iso8601};
use super::{ExportScope, Format};
use crate::annotation::{Annotation, Provenance};
use crate::codes::{Codebook, OwnCode};
use crate::document::{Document, Origin};
use crate::text::{Cp, DocText};

/// An export's scope rebuilt from the project's JSON: what [`ExportScope::new`] would take
/// from the library, owned.
#[derive(Clone, Debug, PartialEq)]
pub struct Exported {
    /// The documents that carry their text, in the file's order. (A document listed with
    /// only a SHA-256, which orphans wait for, is not one: the orphans' provenance names it
    /// again when written.)
    pub documents: Vec<Document>,
    /// In the file's order: by document, then in text order, as exports write them.
    pub annotations: Vec<Annotation>,
    pub orphans: Vec<Annotation>,
    /// The GCM's tags and the file's own codes, in the file's order.
    pub codebook: Codebook,
    /// The exporter's annotator id and the assignment id the file carries, for the other
    /// formats' writers ([`super::Options`]).
    pub annotator_id: Option<String>,
    pub assignment: Option<String>,
}

impl Exported {
    /// The scope to write any format from: writing it gives what writing the library's
    /// scope gave, byte for byte.
    pub fn scope(&self) -> ExportScope<'_> {
        ExportScope::of_parts(
            self.documents.iter().collect(),
            self.annotations.iter().collect(),
            self.orphans.iter().collect(),
            &self.codebook,
        )
    }
}

/// Rebuilds an export's scope from the project's JSON this app wrote with the texts of
/// every document in it (`Options { seed_text: true, .. }`): documents (ids, titles,
/// origins, texts, pages, source files), annotations and orphans (ids, offsets in code
/// points, quotes and context, tags, notes, times in milliseconds, annotators, orphans'
/// provenance), own codes. A document's description is not in the file and comes back
/// empty (no format writes it).
///
/// Errors: not JSON, not the project's JSON, a newer version, a time that is not ISO 8601,
/// a passage without offsets.
pub fn read_export(text: &str) -> Result<Exported, String> {
    let file: File = serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text))
        .map_err(|e| t!("read-json-error", error = e.to_string()))?;
    if file.format != FORMAT_NAME {
        return Err(t!("read-json-not-project"));
    }
    if file.version > FORMAT_VERSION {
        return Err(t!(
            "read-json-newer",
            version = file.version.to_string(),
            reads = FORMAT_VERSION.to_string()
        ));
    }
    let codebook = Codebook::new(file.codes.into_iter().map(own_code).collect());
    let documents = file.documents.into_iter().filter_map(document).collect();
    let annotations = file
        .annotations
        .into_iter()
        .map(annotation)
        .collect::<Result<_, _>>()?;
    let orphans = file
        .orphans
        .into_iter()
        .map(annotation)
        .collect::<Result<_, _>>()?;
    Ok(Exported {
        documents,
        annotations,
        orphans,
        codebook,
        annotator_id: file.annotator_id,
        assignment: file.assignment_id,
    })
}

fn own_code(c: FileCode) -> OwnCode {
    OwnCode {
        color: c
            .color
            .unwrap_or_else(|| crate::codes::palette_color(0).to_string()),
        id: c.id,
        name: c.name,
        parent: c.parent,
        description: c.description,
    }
}

fn document(d: FileDocument) -> Option<Document> {
    Some(Document {
        text: DocText::new(d.text?.as_str()),
        id: d.id,
        title: d.title.unwrap_or_default(),
        description: String::new(),
        origin: match d.origin.as_deref() {
            Some("seed") => Origin::Seed,
            _ => Origin::User,
        },
        source: d.source.map(|s| crate::extract::SourceFile {
            name: s.name,
            media_type: s.media_type,
            size: s.size,
            sha256: s.sha256,
        }),
        pages: d.pages.into_iter().map(Cp).collect(),
    })
}

fn annotation(a: FileAnnotation) -> Result<Annotation, String> {
    let time = |t: Option<&str>| -> Result<i64, String> {
        let t = t.unwrap_or_default();
        parse_iso8601(t).ok_or_else(|| {
            t!(
                "read-json-bad-time",
                time = crate::text::isolate(&crate::text::clip(t, 80))
            )
        })
    };
    let whole = a.whole_document;
    if !whole && (a.start.is_none() || a.end.is_none()) {
        return Err(t!(
            "read-json-no-offsets",
            id = crate::text::isolate(&crate::text::clip(&a.id, 80))
        ));
    }
    Ok(Annotation {
        annotator_id: a.annotator_id.unwrap_or_default(),
        origin: (a.origin.as_deref())
            .and_then(crate::annotation::Origin::parse)
            .unwrap_or_default(),
        created: time(a.created.as_deref())?,
        updated: time(a.updated.as_deref())?,
        id: a.id,
        document: a.document,
        start: Cp(a.start.unwrap_or(0)),
        end: Cp(a.end.unwrap_or(0)),
        quote: a.quote.unwrap_or_default(),
        prefix: a.prefix,
        suffix: a.suffix,
        tags: a.tags,
        note: a.note,
        annotator: a.annotator.unwrap_or_default(),
        provenance: a.provenance.map(|p| {
            Box::new(Provenance {
                file: p.file,
                sha256: p.sha256,
            })
        }),
        whole_document: whole,
    })
}

/// The project's JSON of a parsed file of any format: its documents with their texts, its
/// annotations with the keys it gave them, its codes, its annotator and its reader's notes,
/// and the format it was read from (`imported_from`, [`Format::slug`]), such that
/// [`super::project::read_text`] gives back the same [`Incoming`]. An annotation without an
/// id is written with an empty one, which reads back as none. Compact JSON, in one go: see
/// [`IncomingWriter`] for a slice at a time.
pub fn write_incoming(incoming: &Incoming) -> String {
    IncomingWriter::new(incoming).finish()
}

/// [`write_incoming`] a slice of annotations at a time, so that the browser can paint and
/// take input between slices: written in one task, a W3C file of 50 MB (10,000 annotations
/// with long notes) held the page for 600-1,000 ms (issue 25).
///
/// [`IncomingWriter::new`] writes everything but the annotations; each
/// [`IncomingWriter::step`] writes some; [`IncomingWriter::finish`] closes the JSON. The
/// result is [`write_incoming`]'s, byte for byte.
pub struct IncomingWriter<'a> {
    incoming: &'a Incoming,
    /// The JSON so far, without its closing `]}`.
    json: String,
    /// The next annotation to write.
    next: usize,
}

/// How the head of the project's JSON ends when its annotations are left out: the list
/// is last (`orphans`, after it, is not written when empty), so the annotations are written
/// before these two characters.
const ANNOTATIONS_END: &str = "]}";

impl<'a> IncomingWriter<'a> {
    /// Writes the head of `incoming`'s JSON: everything but its annotations.
    pub fn new(incoming: &'a Incoming) -> Self {
        let file = File {
            format: FORMAT_NAME.into(),
            version: FORMAT_VERSION,
            assignment: incoming.handout.as_ref().map(crate::assignment::to_json),
            imported_from: (incoming.format != Format::Project)
                .then(|| incoming.format.slug().to_string()),
            notes: incoming.notes.clone(),
            codebook: None,
            offsets: Some("unicode-code-points".into()),
            annotator: incoming.annotator.clone(),
            annotator_id: incoming.annotator_id.clone(),
            assignment_id: incoming.assignment.clone(),
            exported: None,
            codes: incoming
                .codes
                .iter()
                .map(|c| FileCode {
                    id: c.key.clone(),
                    guid: c.guid.clone(),
                    name: c.name.clone(),
                    color: c.color.clone(),
                    parent: c.parent.clone(),
                    description: c.description.clone(),
                })
                .collect(),
            documents: incoming.documents.iter().map(file_document).collect(),
            annotations: Vec::new(),
            orphans: Vec::new(),
        };
        let mut json = serde_json::to_string(&file).unwrap_or_default();
        // `…"annotations":[]}`: the list is reopened for the annotations.
        debug_assert!(json.ends_with("\"annotations\":[]}"), "{json}");
        json.truncate(json.len().saturating_sub(ANNOTATIONS_END.len()));
        IncomingWriter {
            incoming,
            json,
            next: 0,
        }
    }

    /// Writes up to `count` more annotations; true when all are written.
    pub fn step(&mut self, count: usize) -> bool {
        let all = &self.incoming.annotations;
        let end = self.next.saturating_add(count).min(all.len());
        for a in &all[self.next..end] {
            if !self.json.ends_with('[') {
                self.json.push(',');
            }
            let written = serde_json::to_string(&file_annotation(a)).unwrap_or_default();
            self.json.push_str(&written);
        }
        self.next = end;
        self.next == all.len()
    }

    /// How many annotations are written, of how many.
    pub fn progress(&self) -> (usize, usize) {
        (self.next, self.incoming.annotations.len())
    }

    /// The JSON, with every annotation written.
    pub fn finish(mut self) -> String {
        while !self.step(usize::MAX) {}
        self.json.push_str(ANNOTATIONS_END);
        self.json
    }
}

fn file_document(d: &super::incoming::InDoc) -> FileDocument {
    let id = d.id.clone().unwrap_or_else(|| d.key.clone());
    FileDocument {
        key: (d.key != id).then(|| d.key.clone()),
        no_id: d.id.is_none(),
        id,
        title: d.title.clone(),
        sha256: d.sha256.clone(),
        length: None,
        origin: None,
        text: d.text.clone(),
        pages: d.pages.iter().map(|p| p.0).collect(),
        source: d.source.as_ref().map(FileSource::from),
    }
}

fn file_annotation(a: &super::incoming::InAnnotation) -> FileAnnotation {
    FileAnnotation {
        id: a.id.clone().unwrap_or_default(),
        document: a.doc_key.clone(),
        start: a.start,
        end: a.end,
        quote: a.quote.clone(),
        prefix: a.prefix.clone(),
        suffix: a.suffix.clone(),
        whole_document: a.whole_document,
        tags: a.tags.clone(),
        note: a.note.clone(),
        created: a.created.map(iso8601),
        updated: a.updated.map(iso8601),
        annotator: a.annotator.clone(),
        annotator_id: a.annotator_id.clone(),
        origin: a.origin.map(|o| o.as_str().into()),
        page: None,
        provenance: None::<FileProvenance>,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A doccano file of three lines (two documents, one outside the BMP), three
    /// annotations, one of them with a note.
    fn incoming() -> Incoming {
        let jsonl = concat!(
            r#"{"text": "Migrants 🌍 arrive in Lagos.", "label": [[0, 8, "objective-1"], [11, 17, "objective-2"]]}"#,
            "\n",
            r#"{"text": "Safe and regular.", "label": [[0, 4, "principle-human-rights"]], "Comments": ["why"]}"#,
            "\n",
        );
        crate::formats::import::parse("a.jsonl", jsonl.as_bytes()).expect("a doccano file")
    }

    #[test]
    fn a_slice_at_a_time_writes_the_same_json_as_at_once() {
        let incoming = incoming();
        assert_eq!(incoming.annotations.len(), 3);
        let whole = write_incoming(&incoming);
        for count in [1, 2, 3] {
            let mut writer = IncomingWriter::new(&incoming);
            let mut steps = 0;
            while !writer.step(count) {
                steps += 1;
                assert_eq!(writer.progress(), (steps * count, 3));
            }
            assert_eq!(steps, 3usize.div_ceil(count) - 1, "steps of {count}");
            assert_eq!(writer.finish(), whole, "steps of {count}");
        }
        // It is the project's JSON of the same file.
        let read = super::super::project::read_text(&whole)
            .expect("the project's JSON")
            .expect("read");
        assert_eq!(read.annotations, incoming.annotations);
        assert_eq!(read.documents, incoming.documents);
    }

    #[test]
    fn a_file_without_annotations_is_an_empty_list() {
        let mut incoming = incoming();
        incoming.annotations.clear();
        let json = write_incoming(&incoming);
        assert!(json.ends_with(r#""annotations":[]}"#), "{json}");
        let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        assert_eq!(value["documents"].as_array().map(Vec::len), Some(2));
    }
}
