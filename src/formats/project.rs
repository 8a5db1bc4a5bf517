//! The project's own JSON: lossless, documented in the README and by
//! `src/formats/project.schema.json`.

use super::incoming::{InAnnotation, InDoc, Incoming};
use super::time::{iso8601, parse_iso8601};
use super::{ExportScope, Format, Options};
use crate::annotation::Annotation;
use crate::codebook::CODEBOOK_VERSION;
use crate::document::{Document, Origin};
use serde::{Deserialize, Serialize};

/// The `format` field of the project's JSON.
pub const FORMAT_NAME: &str = "gcm-annotator";
/// The version of the project's JSON this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct FileDocument {
    id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sha256: Option<String>,
    /// Length in code points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    length: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    origin: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    /// Where each page starts, in code points of `text`, for a document with pages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pages: Vec<usize>,
    /// The file the text was read from (a PDF, Word, OpenDocument or HTML file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<FileSource>,
}

/// [`crate::extract::SourceFile`] in the file.
#[derive(Serialize, Deserialize)]
struct FileSource {
    name: String,
    media_type: String,
    /// Bytes.
    size: usize,
    /// SHA-256 of the file's bytes, lowercase hex.
    sha256: String,
}

#[derive(Serialize, Deserialize)]
struct FileAnnotation {
    id: String,
    document: String,
    start: usize,
    end: usize,
    quote: String,
    #[serde(default)]
    prefix: String,
    #[serde(default)]
    suffix: String,
    tags: Vec<String>,
    #[serde(default)]
    note: String,
    #[serde(default)]
    created: Option<String>,
    #[serde(default)]
    updated: Option<String>,
    #[serde(default)]
    annotator: Option<String>,
    /// The page the passage starts on, counted from 1, for a document with pages; written
    /// for people and other tools, not read back (the document's `pages` say it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    page: Option<usize>,
}

#[derive(Serialize, Deserialize)]
struct File {
    format: String,
    version: u32,
    #[serde(default)]
    codebook: Option<String>,
    #[serde(default)]
    offsets: Option<String>,
    #[serde(default)]
    annotator: Option<String>,
    #[serde(default)]
    exported: Option<String>,
    documents: Vec<FileDocument>,
    annotations: Vec<FileAnnotation>,
    /// Annotations that could not be placed in their document's text (or whose document was
    /// not there). Read back like the others: placed if their text is found, else kept as
    /// orphans again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    orphans: Vec<FileAnnotation>,
}

fn file_annotation(a: &Annotation, doc: Option<&Document>) -> FileAnnotation {
    FileAnnotation {
        page: doc.and_then(|d| d.page_of(a.start)),
        id: a.id.clone(),
        document: a.document.clone(),
        start: a.start.0,
        end: a.end.0,
        quote: a.quote.clone(),
        prefix: a.prefix.clone(),
        suffix: a.suffix.clone(),
        tags: a.tags.clone(),
        note: a.note.clone(),
        created: Some(iso8601(a.created)),
        updated: Some(iso8601(a.updated)),
        annotator: Some(a.annotator.clone()),
    }
}

/// The documents that orphans wait for and this browser does not have, by the id the
/// orphans name and the SHA-256 their file gave: so that the browser that has the text
/// finds it when the file is imported there.
fn waiting_documents<'a>(scope: &'a ExportScope) -> impl Iterator<Item = FileDocument> + 'a {
    let mut named: Vec<&str> = Vec::new();
    scope.orphans.iter().filter_map(move |o| {
        let hash = o.document_sha256()?;
        let absent = !scope.documents.iter().any(|d| d.id == o.document);
        if !absent || named.contains(&o.document.as_str()) {
            return None;
        }
        named.push(&o.document);
        Some(FileDocument {
            id: o.document.clone(),
            title: None,
            sha256: Some(hash.to_string()),
            length: None,
            origin: None,
            text: None,
            pages: Vec::new(),
            source: None,
        })
    })
}

/// Writes the project's JSON.
pub fn write(scope: &ExportScope, opts: Options) -> String {
    let file = File {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        codebook: Some(CODEBOOK_VERSION.into()),
        offsets: Some("unicode-code-points".into()),
        annotator: Some(opts.annotator.to_string()),
        exported: Some(iso8601(opts.now)),
        documents: scope
            .documents
            .iter()
            .map(|d| FileDocument {
                id: d.id.clone(),
                title: Some(d.title.clone()),
                sha256: Some(d.text.sha256_hex().to_string()),
                length: Some(d.text.len_cp().0),
                origin: Some(
                    match d.origin {
                        Origin::Seed => "seed",
                        Origin::User => "user",
                    }
                    .into(),
                ),
                text: (d.origin == Origin::User || opts.seed_text)
                    .then(|| d.text.as_str().to_string()),
                pages: d.pages.iter().map(|p| p.0).collect(),
                source: d.source.as_ref().map(|s| FileSource {
                    name: s.name.clone(),
                    media_type: s.media_type.clone(),
                    size: s.size,
                    sha256: s.sha256.clone(),
                }),
            })
            .chain(waiting_documents(scope))
            .collect(),
        annotations: scope
            .annotations
            .iter()
            .map(|a| {
                let doc = scope.documents.iter().find(|d| d.id == a.document);
                file_annotation(a, doc.copied())
            })
            .collect(),
        orphans: scope
            .orphans
            .iter()
            .map(|a| file_annotation(a, None))
            .collect(),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// True when a parsed JSON value looks like the project's JSON.
pub fn recognises(v: &serde_json::Value) -> bool {
    v.get("format").and_then(|f| f.as_str()) == Some(FORMAT_NAME)
}

/// Reads the project's JSON.
pub fn read(v: serde_json::Value) -> Result<Incoming, String> {
    let version = v.get("version").and_then(|x| x.as_u64());
    match version {
        Some(n) if n as u32 > FORMAT_VERSION => {
            return Err(format!(
                "it was written by a newer version of the app (format version {n}; this one reads {FORMAT_VERSION})"
            ))
        }
        Some(_) => {}
        None => return Err("it has no format version".into()),
    }
    // Read from text, as `read_text` does, rather than with `serde_json::from_value`: one
    // deserializer for `File` instead of two in the wasm (~5 KB brotli). The text is the
    // value's, so the position serde_json names is left out of the message.
    let file: File = serde_json::from_str(&v.to_string()).map_err(|e| {
        let e = e.to_string();
        let e = match e.rfind(" at line ") {
            Some(at) => &e[..at],
            None => &e,
        };
        format!("it does not follow the format: {e}")
    })?;
    from_file(file)
}

/// Reads the project's JSON straight from its text when it is a well-formed file of a
/// version this build reads; `None` otherwise, and [`read`] then says what is wrong. Going
/// through a `serde_json::Value` first takes twice as long (10,000 annotations: ~200 ms in
/// the browser), and the import of a large file waits on it.
pub fn read_text(text: &str) -> Option<Result<Incoming, String>> {
    if !text.contains(FORMAT_NAME) {
        return None;
    }
    let file: File = serde_json::from_str(text).ok()?;
    (file.format == FORMAT_NAME && file.version <= FORMAT_VERSION).then(|| from_file(file))
}

fn from_file(file: File) -> Result<Incoming, String> {
    let mut annotations = Vec::with_capacity(file.annotations.len() + file.orphans.len());
    // Orphans are read like the others: the planner places them if it can.
    for a in file.annotations.into_iter().chain(file.orphans) {
        annotations.push(in_annotation(a)?);
    }
    Ok(Incoming {
        codes: Vec::new(),
        format: Format::Project,
        annotator: file.annotator.filter(|a| !a.trim().is_empty()),
        documents: file.documents.into_iter().map(in_doc).collect(),
        annotations,
        notes: Vec::new(),
    })
}

fn in_doc(d: FileDocument) -> InDoc {
    InDoc {
        key: d.id.clone(),
        id: Some(d.id),
        title: d.title,
        text: d.text,
        sha256: d.sha256,
        pages: d.pages.into_iter().map(crate::text::Cp).collect(),
        source: d.source.map(|s| crate::extract::SourceFile {
            name: s.name,
            media_type: s.media_type,
            size: s.size,
            sha256: s.sha256,
        }),
    }
}

fn in_annotation(a: FileAnnotation) -> Result<InAnnotation, String> {
    let time = |s: &Option<String>, what: &str| -> Result<Option<i64>, String> {
        match s {
            None => Ok(None),
            Some(t) => parse_iso8601(t).map(Some).ok_or_else(|| {
                format!(
                    "its {what} time “\u{2068}{}\u{2069}” is not an ISO 8601 date",
                    crate::text::clip(t, 80)
                )
            }),
        }
    };
    Ok(InAnnotation {
        whole_document: false,
        created: time(&a.created, "created")?,
        updated: time(&a.updated, "updated")?,
        id: Some(a.id),
        doc_key: a.document,
        start: Some(a.start),
        end: Some(a.end),
        quote: Some(a.quote),
        prefix: a.prefix,
        suffix: a.suffix,
        tags: a.tags,
        note: a.note,
        annotator: a.annotator,
    })
}

/// For reading a large file in slices ([`super::reading`]): what [`read_text`] makes of a
/// project file whose arrays are cut to at most one item, without those arrays' items: an
/// empty [`Incoming`] with the file's annotator. `None` when [`read_text`] would not read
/// it (then neither would it read the whole file).
pub(super) fn read_skeleton(skeleton: &str) -> Option<Incoming> {
    let mut head = read_text(skeleton)?.ok()?;
    head.documents.clear();
    head.annotations.clear();
    Some(head)
}

/// One item of a project file's `documents` array, as its JSON text; `None` when it does
/// not follow the format.
pub(super) fn read_document_item(json: &str) -> Option<InDoc> {
    serde_json::from_str(json).ok().map(in_doc)
}

/// One item of a project file's `annotations` or `orphans` array, as its JSON text; `None`
/// when it does not follow the format or a time in it is not ISO 8601.
pub(super) fn read_annotation_item(json: &str) -> Option<InAnnotation> {
    in_annotation(serde_json::from_str(json).ok()?).ok()
}
