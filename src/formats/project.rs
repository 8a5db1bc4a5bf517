//! The project's own JSON: lossless, documented in the README and by
//! `src/formats/project.schema.json`: documents with their texts, annotations and orphans
//! (tags of whole documents among them, with `whole_document` and no offsets), and the
//! user's own codes (`codes`).

use super::incoming::{InAnnotation, InCode, InDoc, Incoming};
use super::time::{iso8601, parse_iso8601};
use super::{ExportScope, Format, Options};
use crate::annotation::Annotation;
use crate::codebook::CODEBOOK_VERSION;
use crate::document::{Document, Origin};
use serde::{Deserialize, Serialize};

/// The `format` field of the project's JSON.
pub const FORMAT_NAME: &str = "gcm-annotator";
/// The version of the project's JSON this build writes and reads. Own codes and tags of
/// whole documents did not change it: a reader of version 1 refuses a file that uses them
/// (an own code is an unknown tag to it; a whole-document tag lacks `start`), so none
/// misreads one; a file whose `codes` no annotation uses loses only those codes there.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
pub(super) struct FileDocument {
    pub(super) id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) sha256: Option<String>,
    /// Length in code points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) length: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) origin: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) text: Option<String>,
    /// Where each page starts, in code points of `text`, for a document with pages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) pages: Vec<usize>,
    /// The file the text was read from (a PDF, Word, OpenDocument or HTML file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) source: Option<FileSource>,
    /// What the annotations of a file made from another format ([`write_incoming`]) call the
    /// document, when it is not `id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) key: Option<String>,
    /// True when that file did not know the app's id of the document: `id` is only its key.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(super) no_id: bool,
}

/// [`crate::extract::SourceFile`] in the file.
#[derive(Serialize, Deserialize)]
pub(super) struct FileSource {
    pub(super) name: String,
    pub(super) media_type: String,
    /// Bytes.
    pub(super) size: usize,
    /// SHA-256 of the file's bytes, lowercase hex.
    pub(super) sha256: String,
}

impl From<&crate::extract::SourceFile> for FileSource {
    fn from(s: &crate::extract::SourceFile) -> Self {
        FileSource {
            name: s.name.clone(),
            media_type: s.media_type.clone(),
            size: s.size,
            sha256: s.sha256.clone(),
        }
    }
}

/// An own code ([`crate::codes::OwnCode`]) in the file's `codes`.
#[derive(Serialize, Deserialize)]
pub(super) struct FileCode {
    /// `code-<uuid>`: what annotations' `tags` hold.
    pub(super) id: String,
    /// The code's UUID, when not the one in `id` (a code of a file made from another
    /// format: [`write_incoming`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) guid: Option<String>,
    pub(super) name: String,
    /// `#rrggbb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) color: Option<String>,
    /// The id of the code it is nested under (a GCM tag's or an own code's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) parent: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(super) description: String,
}

/// An orphan's [`crate::annotation::Provenance`] in the file.
#[derive(Serialize, Deserialize)]
pub(super) struct FileProvenance {
    pub(super) file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) sha256: Option<String>,
}

#[derive(Serialize, Deserialize)]
pub(super) struct FileAnnotation {
    pub(super) id: String,
    pub(super) document: String,
    /// Code points; left out for a tag of the whole document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) start: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) end: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) quote: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(super) prefix: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(super) suffix: String,
    /// A tag of the whole document, not of a passage: no `start`, `end` or `quote`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(super) whole_document: bool,
    pub(super) tags: Vec<String>,
    #[serde(default)]
    pub(super) note: String,
    #[serde(default)]
    pub(super) created: Option<String>,
    #[serde(default)]
    pub(super) updated: Option<String>,
    #[serde(default)]
    pub(super) annotator: Option<String>,
    /// The maker's id (a UUID); left out when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) annotator_id: Option<String>,
    /// How it came to be where it was exported ([`crate::annotation::Origin::as_str`]):
    /// `here`, `imported`, `given` or `suggested`; a word this version does not know reads
    /// as none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) origin: Option<String>,
    /// The page the passage starts on, counted from 1, for a document with pages; written
    /// for people and other tools, not read back (the document's `pages` say it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) page: Option<usize>,
    /// An orphan's provenance: the file it was imported from, the SHA-256 of its text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) provenance: Option<FileProvenance>,
}

#[derive(Serialize, Deserialize)]
pub(super) struct File {
    pub(super) format: String,
    pub(super) version: u32,
    /// What a teacher hands out with the texts, in an assignment file: an object
    /// ([`crate::assignment::to_json`]). A student's export names its assignment in
    /// `assignment_id` instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) assignment: Option<serde_json::Value>,
    /// The format of the file this one was made from ([`write_incoming`]): `refi`, `brat`,
    /// `csv`, … ([`Format::slug`]); absent in an export.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) imported_from: Option<String>,
    /// What the reader of that file had to say ([`Incoming::notes`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) notes: Vec<String>,
    #[serde(default)]
    pub(super) codebook: Option<String>,
    #[serde(default)]
    pub(super) offsets: Option<String>,
    #[serde(default)]
    pub(super) annotator: Option<String>,
    /// The exporter's annotator id (a UUID): the maker of annotations that name none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) annotator_id: Option<String>,
    /// The id of the assignment the exporter worked on, when there was one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) assignment_id: Option<String>,
    #[serde(default)]
    pub(super) exported: Option<String>,
    /// The user's own codes, parents before children.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) codes: Vec<FileCode>,
    pub(super) documents: Vec<FileDocument>,
    pub(super) annotations: Vec<FileAnnotation>,
    /// Annotations that could not be placed in their document's text (or whose document was
    /// not there). Read back like the others: placed if their text is found, else kept as
    /// orphans again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) orphans: Vec<FileAnnotation>,
}

fn file_annotation(a: &Annotation, doc: Option<&Document>) -> FileAnnotation {
    let whole = a.whole_document;
    FileAnnotation {
        page: doc.filter(|_| !whole).and_then(|d| d.page_of(a.start)),
        id: a.id.clone(),
        document: a.document.clone(),
        start: (!whole).then_some(a.start.0),
        end: (!whole).then_some(a.end.0),
        quote: (!whole).then(|| a.quote.clone()),
        prefix: a.prefix.clone(),
        suffix: a.suffix.clone(),
        whole_document: whole,
        provenance: a.provenance.as_ref().map(|p| FileProvenance {
            file: p.file.clone(),
            sha256: p.sha256.clone(),
        }),
        tags: a.tags.clone(),
        note: a.note.clone(),
        created: Some(iso8601(a.created)),
        updated: Some(iso8601(a.updated)),
        annotator: Some(a.annotator.clone()),
        annotator_id: Some(a.annotator_id.clone()).filter(|id| !id.is_empty()),
        origin: Some(a.origin.as_str().into()),
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
            key: None,
            no_id: false,
        })
    })
}

/// The own codes of a codebook, parents before children: in the codebook's order, but for
/// a code nested (by a later change) under one made after it, which waits for its parent.
pub(super) fn file_codes(book: &crate::codes::Codebook) -> Vec<FileCode> {
    let own = book.own();
    let mut written: Vec<&str> = Vec::with_capacity(own.len());
    let mut out = Vec::with_capacity(own.len());
    let mut left: Vec<&crate::codes::OwnCode> = own.iter().collect();
    while !left.is_empty() {
        let before = left.len();
        left.retain(|c| {
            let ready = c
                .parent
                .as_deref()
                .is_none_or(|p| book.own_code(p).is_none() || written.contains(&p));
            if ready {
                written.push(&c.id);
                out.push(FileCode {
                    guid: None,
                    id: c.id.clone(),
                    name: c.name.clone(),
                    color: Some(c.color.clone()),
                    parent: c.parent.clone(),
                    description: c.description.clone(),
                });
            }
            !ready
        });
        if left.len() == before {
            // A cycle, which the codebook refuses to make: written as they are.
            for c in left.drain(..) {
                out.push(FileCode {
                    guid: None,
                    id: c.id.clone(),
                    name: c.name.clone(),
                    color: Some(c.color.clone()),
                    parent: c.parent.clone(),
                    description: c.description.clone(),
                });
            }
        }
    }
    out
}

/// Writes the project's JSON.
pub fn write(scope: &ExportScope, opts: Options) -> String {
    write_with(scope, opts, None)
}

/// Writes an assignment file: the project's JSON with the `"assignment"` block (the
/// annotations in `scope`, if any, are the teacher's given examples).
pub fn write_assignment(
    scope: &ExportScope,
    opts: Options,
    assignment: &crate::assignment::Assignment,
) -> String {
    write_with(scope, opts, Some(crate::assignment::to_json(assignment)))
}

fn write_with(scope: &ExportScope, opts: Options, assignment: Option<serde_json::Value>) -> String {
    let file = File {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        assignment,
        imported_from: None,
        notes: Vec::new(),
        codes: file_codes(scope.codebook),
        codebook: Some(CODEBOOK_VERSION.into()),
        offsets: Some("unicode-code-points".into()),
        annotator: Some(opts.annotator.to_string()),
        annotator_id: Some(opts.annotator_id.to_string()).filter(|id| !id.is_empty()),
        assignment_id: opts.assignment.map(str::to_string),
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
                source: d.source.as_ref().map(FileSource::from),
                key: None,
                no_id: false,
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
            return Err(t!("fmt-newer-version", version = n, reads = FORMAT_VERSION))
        }
        Some(_) => {}
        None => return Err(t!("fmt-no-version")),
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
        t!("fmt-not-the-format", error = e)
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

pub(super) fn from_file(file: File) -> Result<Incoming, String> {
    let mut annotations = Vec::with_capacity(file.annotations.len() + file.orphans.len());
    // Orphans are read like the others: the planner places them if it can.
    for a in file.annotations.into_iter().chain(file.orphans) {
        annotations.push(in_annotation(a)?);
    }
    let format = file
        .imported_from
        .as_deref()
        .and_then(|slug| Format::ALL.into_iter().find(|f| f.slug() == slug))
        .unwrap_or(Format::Project);
    // An assignment file names its assignment in its block; a student's export, in
    // `assignment_id`.
    let (handout, assignment) = match file.assignment {
        None => (None, None),
        Some(block) => {
            let a = crate::assignment::from_json(&block)?;
            let id = a.id.clone();
            (Some(a), Some(id))
        }
    };
    Ok(Incoming {
        handout,
        annotator_id: file.annotator_id.filter(|a| !a.trim().is_empty()),
        assignment: assignment
            .or(file.assignment_id)
            .filter(|a| !a.trim().is_empty()),
        codes: file.codes.into_iter().map(in_code).collect(),
        format,
        annotator: file.annotator.filter(|a| !a.trim().is_empty()),
        documents: file.documents.into_iter().map(in_doc).collect(),
        annotations,
        notes: file.notes,
    })
}

pub(super) fn in_code(c: FileCode) -> InCode {
    InCode {
        guid: c.guid.or_else(|| {
            c.id.strip_prefix(crate::codes::OWN_PREFIX)
                .map(str::to_ascii_lowercase)
        }),
        key: c.id,
        name: c.name,
        color: c.color,
        parent: c.parent,
        description: c.description,
    }
}

pub(super) fn in_doc(d: FileDocument) -> InDoc {
    InDoc {
        key: d.key.unwrap_or_else(|| d.id.clone()),
        id: (!d.no_id).then_some(d.id),
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

pub(super) fn in_annotation(a: FileAnnotation) -> Result<InAnnotation, String> {
    let time = |s: &Option<String>, what: &str| -> Result<Option<i64>, String> {
        match s {
            None => Ok(None),
            Some(t) => parse_iso8601(t).map(Some).ok_or_else(|| {
                let value = crate::text::isolate(&crate::text::clip(t, 80));
                t!("fmt-bad-time", field = what, value = value)
            }),
        }
    };
    let whole = a.whole_document;
    // A passage is found by its offsets or by its quote: one of them is needed (the app
    // writes both; a file made from another format may carry only one).
    if !whole && a.quote.is_none() {
        for (missing, what) in [(a.start.is_none(), "start"), (a.end.is_none(), "end")] {
            if missing {
                return Err(t!("fmt-missing-field", field = what));
            }
        }
    }
    Ok(InAnnotation {
        annotator_id: a.annotator_id.filter(|a| !a.trim().is_empty()),
        origin: a
            .origin
            .as_deref()
            .and_then(crate::annotation::Origin::parse),
        whole_document: whole,
        created: time(&a.created, "created")?,
        updated: time(&a.updated, "updated")?,
        id: Some(a.id).filter(|id| !id.is_empty()),
        doc_key: a.document,
        start: a.start.filter(|_| !whole),
        end: a.end.filter(|_| !whole),
        quote: a.quote.filter(|_| !whole),
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
