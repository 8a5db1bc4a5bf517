//! The records the browser keeps (IndexedDB) and how they are read back: each record is a
//! JSON string that carries a schema version, and the loader migrates older versions.
//!
//! A record that cannot be read is reported and left in storage untouched: a newer version
//! of the app, or a later fix, may still read it. Nothing is deleted because it failed to load,
//! and nothing is ever written under its key again ([`crate::chunks::Layout`] never reuses a key).
//!
//! Schema history:
//! - 1: one record per annotation in [`STORE_ANNOTATIONS`], keyed by its id.
//! - 2: annotations in chunks of up to [`crate::chunks::CHUNK`] ([`StoredChunk`], keyed
//!   `chunk-<n>`), so that an import of 50,000 is a hundred writes, not 50,000; and a
//!   [`StoredCommit`] in [`STORE_META`] that says which changes the last write carried, read
//!   against the journal ([`crate::journal`]) at the next start. A version-1 annotation record
//!   reads as a chunk of one under its old key ([`migrate_1_to_2`]); it is not rewritten until
//!   that annotation changes. Documents and settings are unchanged.
//! - 3: a user document read from a PDF, Word, OpenDocument or HTML file keeps that file's
//!   name, media type, size and SHA-256 ([`StoredSource`]) and where its pages start
//!   (`pages`, code points). Both are optional, so a version-2 record reads as it is
//!   ([`migrate_2_to_3`]).
//! - 4: the user's own codes, in one [`StoredCodebook`] record under [`CODEBOOK_KEY`] in
//!   [`STORE_META`]; annotations may tag a whole document (`whole_document`, optional).
//!   Nothing older changes shape, so a version-3 record reads as it is ([`migrate_3_to_4`]),
//!   and a store without the codebook record has no own codes.
//! - 5: the undo history survives a reload: each step is a record under `step-<n>`
//!   ([`STEP_PREFIX`]) in [`STORE_META`] ([`encode_step`]), and one record under
//!   [`HISTORY_KEY`] lists which steps can be undone and redone, in order. A change writes
//!   only its new steps and that list ([`crate::history_store`]). In the existing store, so
//!   the database keeps its IndexedDB version (a version change would close an older tab's
//!   connection while it edits). Nothing older changes shape ([`migrate_4_to_5`]), and a
//!   store without the list has an empty history.
//! - 6: provenance (issue 22). Settings hold this profile's annotator id
//!   ([`Settings::annotator_id`], a UUID v4); a version-5 record has none, and the app makes
//!   one at start and saves it ([`crate::action::Action::Restore`]). Annotations record their
//!   maker's id (`annotator_id`, optional) and how they came here (`origin`: `here`,
//!   `imported`, `given`, `suggested`). A version-5 annotation reads as it is (text
//!   unchanged, [`migrate_5_to_6_text`]) and is then given its origin by the settings it was
//!   stored with ([`migrate_5_to_6`]): one whose annotator's name is the settings' name is
//!   this profile's (`here`, with the new id), any other `imported`; it is rewritten at once.
//!   An undo step stored by version 5 keeps its annotations as they were; one brought back
//!   by Undo is migrated by the same rule at the next start.
//!   The assignment the user works on (issue 22): one record under [`ASSIGNMENT_KEY`] in
//!   [`STORE_META`] ([`encode_assignment`]: the block of its file, with its own version); a store
//!   without it has no assignment, so nothing older needs migrating for it.
//!   Compare's files: one record per file loaded into Compare, under `class-<n>`
//!   ([`crate::state::class::CLASS_PREFIX`]) in [`STORE_META`], in the shape of a chunk
//!   ([`crate::state::class`] says how): the file's name, the document it is compared on,
//!   each annotator the core read from it with its annotations, and which is the answer
//!   key. New in 6: a store without them has no files in Compare.
//! - 7: the gold standard (issue 23): an annotation's `origin` may be `curated` (settled by
//!   the curator its maker fields name). No shape changes: a version-6 record reads as it is,
//!   and a version-6 app reads `curated` as imported (a word it does not know), never its own.
//! - 8: the learned suggester (issue 24): one record under [`SUGGESTER_KEY`] in
//!   [`STORE_META`], its model and what it learned from, as the suggester's module (the
//!   `teacher/` crate, fetched on first use) writes it, with a `"version"` of its own. The app
//!   keeps it as the opaque string it is ([`crate::state::Model::suggester`]) and never reads
//!   it, as it keeps Compare's files; it is derived from the annotations, so writing it is
//!   neither an undo step nor unsaved work. New in 8: a store without it has a suggester that
//!   learned nothing; nothing older changes shape, so a version-7 record reads as it is.

use crate::annotation::{Annotation, Millis};
use crate::codes::Codebook;
use crate::document::{Document, Origin};
use crate::extract::SourceFile;
use crate::history::{Batch, Change, Step};
use crate::session::Settings;
use crate::text::{Cp, DocText};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::fmt;

mod migrate;
pub use migrate::{
    migrate_2_to_3, migrate_3_to_4, migrate_4_to_5, migrate_5_to_6, migrate_5_to_6_text,
};

/// The version of the records this build writes.
pub const SCHEMA_VERSION: u32 = 8;

/// The IndexedDB database name and its object stores.
pub const DB_NAME: &str = "gcm-annotator";
pub const STORE_DOCUMENTS: &str = "documents";
pub const STORE_ANNOTATIONS: &str = "annotations";
pub const STORE_META: &str = "meta";
/// The key of the settings record in [`STORE_META`].
pub const SETTINGS_KEY: &str = "settings";
/// The key of the [`StoredCommit`] record in [`STORE_META`].
pub const COMMIT_KEY: &str = "commit";
/// The key of the [`StoredCodebook`] record in [`STORE_META`] (schema 4).
pub const CODEBOOK_KEY: &str = "codebook";
/// The key of the history's list ([`StoredHistory`]) in [`STORE_META`] (schema 5).
pub const HISTORY_KEY: &str = "history";
/// The key of the assignment the user works on ([`encode_assignment`]) in
/// [`STORE_META`] (schema 6).
pub const ASSIGNMENT_KEY: &str = "assignment";
/// The key of the learned suggester's record in [`STORE_META`] (schema 8): a JSON string
/// the suggester's module writes and reads, the app never.
pub const SUGGESTER_KEY: &str = "suggester";
/// How the keys of undo steps' records ([`encode_step`]) in [`STORE_META`] begin (schema
/// 5): `step-12`.
pub const STEP_PREFIX: &str = "step-";

/// Which kind of record a JSON string is, for the migrations: the same version step changes
/// each kind differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Document,
    /// A record of [`STORE_ANNOTATIONS`]: one annotation (version 1) or a chunk (2).
    Annotations,
    Settings,
    Commit,
    /// The user's own codes (schema 4).
    Codebook,
    /// The assignment the user works on (schema 6).
    Assignment,
}

/// A record type and the kind of record it is stored as.
pub trait Stored: DeserializeOwned {
    const KIND: Kind;
}

/// Annotations stored together under one key (schema 2): placed ones and orphans alike.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredChunk {
    pub annotations: Vec<Annotation>,
}

/// Written in the same transaction as every batch of changes (schema 2): the journal's
/// sequence number of the last change that batch carried. A journal entry at or below it was
/// stored, whatever the journal says (the page may close between the commit and the journal
/// being cleared).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredCommit {
    pub committed: u64,
}

impl Stored for StoredDocument {
    const KIND: Kind = Kind::Document;
}
impl Stored for StoredChunk {
    const KIND: Kind = Kind::Annotations;
}
impl Stored for StoredSettings {
    const KIND: Kind = Kind::Settings;
}
impl Stored for StoredCommit {
    const KIND: Kind = Kind::Commit;
}
impl Stored for StoredCodebook {
    const KIND: Kind = Kind::Codebook;
}
/// The assignment record is read as a JSON value ([`decode_assignment`]).
impl Stored for serde_json::Value {
    const KIND: Kind = Kind::Assignment;
}
/// Which steps the undo history holds (schema 5): the numbers of their step records, each
/// stack bottom first (the last of `undo` is undone first, the last of `redo` redone
/// first). A step record it does not list is not part of the history.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoredHistory {
    pub undo: Vec<u64>,
    pub redo: Vec<u64>,
}

/// The user's own codes (schema 4), in the order they were made: one record, rewritten
/// whole when any code changes (a codebook is a few hundred codes at most).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredCodebook {
    pub codes: Vec<crate::codes::OwnCode>,
}

/// A user document as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredDocument {
    pub id: String,
    pub title: String,
    pub description: String,
    pub text: String,
    #[serde(default)]
    pub added: Millis,
    /// The file the text was read from (schema 3); absent for pasted text and plain-text
    /// files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<StoredSource>,
    /// Where each page starts, in code points of `text` (schema 3); absent when the
    /// document has no pages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<usize>,
}

/// The file a document was read from, as stored (schema 3): see
/// [`crate::extract::SourceFile`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredSource {
    pub name: String,
    pub media_type: String,
    /// Bytes.
    pub size: usize,
    /// SHA-256 of the file's bytes, lowercase hex.
    pub sha256: String,
}

/// Settings and where the reader was, as stored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredSettings {
    #[serde(flatten)]
    pub settings: Settings,
    /// The document that was open.
    #[serde(default)]
    pub open: Option<String>,
    /// The first code point visible in each document's reading view when last scrolled.
    #[serde(default)]
    pub scroll: Vec<(String, usize)>,
}

/// A record with its schema version, as written.
#[derive(Serialize, Deserialize)]
struct Versioned<T> {
    schema: u32,
    #[serde(flatten)]
    data: T,
}

/// Why a stored record was not loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Written by a newer version of the app.
    Newer(u32),
    /// Not JSON, or not the shape its version promises.
    Malformed(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Newer(v) => f.write_str(&t!("storage-newer", schema = *v)),
            LoadError::Malformed(e) => f.write_str(&t!("storage-damaged", reason = *e)),
        }
    }
}

/// Serializes a record with the current schema version.
pub fn encode<T: Serialize>(data: &T) -> String {
    serde_json::to_string(&Versioned {
        schema: SCHEMA_VERSION,
        data,
    })
    // Our records are plain structs of strings and numbers: serializing cannot fail.
    .unwrap_or_default()
}

/// A chunk of annotations as stored (what [`StoredChunk`] reads), borrowed.
#[derive(Serialize)]
struct ChunkOut<'a> {
    annotations: &'a [Annotation],
}

/// The record of the assignment the user works on (schema 6): its file's block
/// ([`crate::assignment::to_json`]) under `assignment`, with the schema version.
pub fn encode_assignment(a: &crate::assignment::Assignment) -> String {
    format!(
        "{{\"schema\":{SCHEMA_VERSION},\"assignment\":{}}}",
        crate::assignment::to_json(a)
    )
}

/// Reads the record [`encode_assignment`] writes. `Err` says why not, in the interface's
/// language: a later schema or block version, or a damaged record.
pub fn decode_assignment(json: &str) -> Result<crate::assignment::Assignment, String> {
    let v = decode::<serde_json::Value>(json).map_err(|e| e.to_string())?;
    crate::assignment::from_json(&v["assignment"])
}

/// Serializes a chunk of annotations with the current schema version.
pub fn encode_chunk(annotations: &[Annotation]) -> String {
    encode(&ChunkOut { annotations })
}

/// Only the version of a record, read without building the rest.
#[derive(Deserialize)]
struct Head {
    schema: Option<u32>,
}

/// Reads a record of any known schema version, migrating it to the current one.
///
/// Records are read straight from their text into `T` (a chunk holds 500 annotations:
/// building a `serde_json::Value` of it first doubled the time, and a second set of
/// deserializers grew the first load by 8 KB); an older one is migrated as text first, by
/// [`migrate_1_to_2`] and the steps after it. The `schema` key is not a field of any record:
/// serde passes over it.
pub fn decode<T: Stored>(json: &str) -> Result<T, LoadError> {
    let text = migrated(json, T::KIND)?;
    serde_json::from_str(&text).map_err(malformed)
}

/// A JSON error as [`LoadError::Malformed`].
fn malformed(e: serde_json::Error) -> LoadError {
    LoadError::Malformed(e.to_string())
}

/// [`decode`]'s part that is the same for every record type (one copy, not one per type):
/// the text of a record of `kind`, checked to be JSON and migrated to the current version.
fn migrated(json: &str, kind: Kind) -> Result<std::borrow::Cow<'_, str>, LoadError> {
    // Reading the head checks that the whole text is JSON.
    let version = serde_json::from_str::<Head>(json)
        .map_err(malformed)?
        .schema
        .ok_or_else(|| LoadError::Malformed("no schema version".into()))?;
    if version > SCHEMA_VERSION {
        return Err(LoadError::Newer(version));
    }
    let mut text = std::borrow::Cow::Borrowed(json);
    // The migration path: each step turns version n into n + 1.
    for v in version..SCHEMA_VERSION {
        text = match v {
            1 => migrate_1_to_2(text, kind),
            2 => migrate_2_to_3(text),
            3 => migrate_3_to_4(text),
            4 => migrate_4_to_5(text),
            5 => migrate_5_to_6_text(text),
            6 => text, // 6 to 7: the same text (one more origin word, `curated`)
            7 => text, // 7 to 8: the same text (one more record, the suggester's)
            _ => return Err(LoadError::Malformed(format!("unknown schema version {v}"))),
        };
    }
    Ok(text)
}

/// Version 1 to 2, on a record's JSON text (checked to be JSON): an annotation record
/// becomes a chunk of one (`{"annotations": [it]}`); documents and settings are the same in
/// both. Fields that later parts of issue 16 add to records carry `#[serde(default)]`, so a
/// version-1 record reads without them.
pub fn migrate_1_to_2(json: std::borrow::Cow<'_, str>, kind: Kind) -> std::borrow::Cow<'_, str> {
    match kind {
        Kind::Annotations => format!("{{\"annotations\":[{json}]}}").into(),
        Kind::Document | Kind::Settings | Kind::Commit | Kind::Codebook | Kind::Assignment => json,
    }
}

// Schema 5's records of the undo history are written in the shape of a chunk of
// annotations ([`StoredChunk`]) and read by its reader: serde's code for new record types
// (an enum of five kinds of change, a batch, a list of numbers) weighed 11 KB on the first
// load, more than the whole issue may spend, where these reuse what chunks already read and
// write. An entry that is not an annotation is a marker, an annotation with only `id` and
// the fields named below, and a document or codebook travels as its own record's JSON text.

/// The history's list as stored: a chunk of two markers, `undo` and `redo`, whose `tags`
/// are the step numbers, bottom first.
pub fn encode_history(list: &StoredHistory) -> String {
    let seqs = |id: &str, seqs: &[u64]| Annotation {
        tags: seqs.iter().map(u64::to_string).collect(),
        ..marker(id)
    };
    encode_chunk(&[seqs("undo", &list.undo), seqs("redo", &list.redo)])
}

/// Reads the history's list ([`encode_history`]).
pub fn decode_history(json: &str) -> Result<StoredHistory, LoadError> {
    let chunk = decode::<StoredChunk>(json)?;
    let seqs = |id: &str| -> Result<Vec<u64>, LoadError> {
        let m = chunk.annotations.iter().find(|a| a.id == id);
        let m = m.ok_or_else(|| LoadError::Malformed(format!("no {id} list")))?;
        m.tags
            .iter()
            .map(|t| t.parse().map_err(|_| LoadError::Malformed(t.clone())))
            .collect()
    };
    Ok(StoredHistory {
        undo: seqs("undo")?,
        redo: seqs("redo")?,
    })
}

/// An entry of a history record (or of Compare's file, [`crate::state::class`]) that is not
/// an annotation: `id` says what it is.
pub(crate) fn marker(id: &str) -> Annotation {
    Annotation {
        annotator_id: String::new(),
        origin: crate::annotation::Origin::Here,
        id: id.into(),
        document: String::new(),
        start: Cp(0),
        end: Cp(0),
        quote: String::new(),
        prefix: String::new(),
        suffix: String::new(),
        tags: Vec::new(),
        note: String::new(),
        created: 0,
        updated: 0,
        annotator: String::new(),
        provenance: None,
        whole_document: false,
    }
}

/// Serializes an undo step with the current schema version: per change, in order, a marker
/// whose `id` is two characters, the kind (`a` an annotation, `o` an orphan, `d` a
/// document, `c` the own codes, `b` a batch) and which sides it has (`1` before, `2` after,
/// `3` both; for a batch, `1` when it adds). After an annotation's or orphan's marker come
/// its sides, before first; a document's or codebook's marker holds the before in `quote` and
/// the after in `note`, each as its own record's JSON; a batch's marker holds its ids in
/// `tags`, then its documents' ids (`end` says how many ids come first), and how many
/// annotations it took out in `start`, which follow it.
pub fn encode_step(step: &Step) -> String {
    let mut out: Vec<Annotation> = Vec::new();
    for c in step.changes() {
        let at = out.len();
        out.push(marker(""));
        let (kind, sides) = match c {
            Change::Annotation { before, after } | Change::Orphan { before, after } => {
                out.extend(before.iter().chain(after).cloned());
                let kind = if matches!(c, Change::Annotation { .. }) {
                    'a'
                } else {
                    'o'
                };
                (kind, sides(before, after))
            }
            Change::Document { before, after } => {
                let json = |d: &Option<Document>| {
                    d.as_ref()
                        .map(|d| encode(&StoredDocument::from_document(d, 0)))
                        .unwrap_or_default()
                };
                out[at].quote = json(before);
                out[at].note = json(after);
                ('d', sides(before, after))
            }
            Change::Codebook { before, after } => {
                let json = |c: &Codebook| {
                    encode(&StoredCodebook {
                        codes: c.own().to_vec(),
                    })
                };
                out[at].quote = json(before);
                out[at].note = json(after);
                ('c', '3')
            }
            Change::Batch(b) => {
                out[at].tags = b.ids.iter().chain(b.documents.iter()).cloned().collect();
                out[at].end = Cp(b.ids.len());
                let taken = b.taken.as_deref().map_or(&[][..], |t| &t[..]);
                out[at].start = Cp(taken.len());
                out.extend(taken.iter().cloned());
                ('b', if b.adds { '1' } else { '0' })
            }
        };
        out[at].id = String::from_iter([kind, sides]);
    }
    encode_chunk(&out)
}

/// Which sides of a change are there, as [`encode_step`] says it.
fn sides<T>(before: &Option<T>, after: &Option<T>) -> char {
    match (before.is_some(), after.is_some()) {
        (false, false) => '0',
        (true, false) => '1',
        (false, true) => '2',
        (true, true) => '3',
    }
}

/// Reads an undo step ([`encode_step`]); `Malformed` when its entries are not what their
/// markers say.
pub fn decode_step(json: &str) -> Result<Step, LoadError> {
    let bad = || LoadError::Malformed("an undo step out of shape".into());
    let mut entries = decode::<StoredChunk>(json)?.annotations.into_iter();
    let mut changes = Vec::new();
    while let Some(m) = entries.next() {
        let mut code = m.id.chars();
        let (kind, sides) = (code.next().ok_or_else(bad)?, code.next().ok_or_else(bad)?);
        let (has_before, has_after) = match sides {
            '0' => (false, false),
            '1' => (true, false),
            '2' => (false, true),
            '3' => (true, true),
            _ => return Err(bad()),
        };
        let mut side = |has: bool| match has {
            true => entries.next().map(Some).ok_or_else(bad),
            false => Ok(None),
        };
        let document = |has: bool, json: &str| match has {
            true => decode::<StoredDocument>(json).map(|d| Some(d.into_document())),
            false => Ok(None),
        };
        let codebook = |json: &str| decode::<StoredCodebook>(json).map(|c| Codebook::new(c.codes));
        changes.push(match kind {
            'a' => Change::Annotation {
                before: side(has_before)?,
                after: side(has_after)?,
            },
            'o' => Change::Orphan {
                before: side(has_before)?,
                after: side(has_after)?,
            },
            'd' => Change::Document {
                before: document(has_before, &m.quote)?,
                after: document(has_after, &m.note)?,
            },
            'c' => Change::Codebook {
                before: codebook(&m.quote)?,
                after: codebook(&m.note)?,
            },
            'b' => {
                let mut ids = m.tags;
                let documents = ids.split_off(m.end.0.min(ids.len()));
                let taken: Vec<Annotation> = entries.by_ref().take(m.start.0).collect();
                if taken.len() != m.start.0 {
                    return Err(bad());
                }
                Change::Batch(Batch {
                    adds: has_before,
                    ids: ids.into(),
                    documents: documents.into(),
                    taken: (!taken.is_empty()).then(|| std::sync::Arc::new(taken)),
                })
            }
            _ => return Err(bad()),
        });
    }
    Ok(Step::new(changes))
}

impl StoredDocument {
    /// The stored form of a user document.
    pub fn from_document(doc: &Document, added: Millis) -> StoredDocument {
        StoredDocument {
            id: doc.id.clone(),
            title: doc.title.clone(),
            description: doc.description.clone(),
            text: doc.text.as_str().to_string(),
            added,
            source: doc.source.as_ref().map(|s| StoredSource {
                name: s.name.clone(),
                media_type: s.media_type.clone(),
                size: s.size,
                sha256: s.sha256.clone(),
            }),
            pages: doc.pages.iter().map(|p| p.0).collect(),
        }
    }

    /// The document again.
    pub fn into_document(self) -> Document {
        Document {
            id: self.id,
            title: self.title,
            description: self.description,
            origin: Origin::User,
            text: DocText::new(self.text),
            source: self.source.map(|s| SourceFile {
                name: s.name,
                media_type: s.media_type,
                size: s.size,
                sha256: s.sha256,
            }),
            pages: self.pages.into_iter().map(Cp).collect(),
        }
    }
}

/// Checks a stored annotation against its document before it is shown: the span must lie
/// inside the text and still cover the quote it was made on.
pub fn annotation_fits(a: &Annotation, doc: &Document) -> bool {
    doc.text.slice(a.start, a.end) == Some(a.quote.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Cp;

    fn annotation() -> Annotation {
        Annotation {
            annotator_id: String::new(),
            origin: crate::annotation::Origin::Here,
            whole_document: false,
            id: "a1".into(),
            document: "u1".into(),
            start: Cp(1),
            end: Cp(3),
            quote: "😀é".into(),
            prefix: "x".into(),
            suffix: String::new(),
            tags: vec!["objective-1".into()],
            note: "<script>alert(1)</script>".into(),
            created: 1,
            updated: 2,
            annotator: "Ana".into(),
            provenance: None,
        }
    }

    #[test]
    fn records_round_trip_with_their_schema_version() {
        let chunk = StoredChunk {
            annotations: vec![annotation()],
        };
        let json = encode(&chunk);
        assert!(json.contains(&format!("\"schema\":{SCHEMA_VERSION}")));
        assert_eq!(decode::<StoredChunk>(&json).unwrap(), chunk);

        let s = StoredSettings {
            settings: Settings {
                annotator_id: String::new(),
                annotator: "Ana".into(),
                recent_tags: vec!["objective-2".into()],
            },
            open: Some("u1".into()),
            scroll: vec![("u1".into(), 120)],
        };
        assert_eq!(decode::<StoredSettings>(&encode(&s)).unwrap(), s);
    }

    #[test]
    fn an_orphans_provenance_is_stored_only_when_it_has_one() {
        let chunk = |a: Annotation| StoredChunk {
            annotations: vec![a],
        };
        let placed = encode(&chunk(annotation()));
        assert!(!placed.contains("provenance"));
        let orphan = Annotation {
            provenance: Some(Box::new(crate::annotation::Provenance {
                file: "x.jsonld".into(),
                sha256: Some("ab".repeat(32)),
            })),
            ..annotation()
        };
        let stored = encode(&chunk(orphan.clone()));
        assert!(stored.contains(r#""provenance":{"file":"x.jsonld","sha256":"abab"#));
        assert_eq!(decode::<StoredChunk>(&stored).unwrap(), chunk(orphan));
        // A record written before these fields existed reads as having neither.
        assert_eq!(decode::<StoredChunk>(&placed).unwrap(), chunk(annotation()));
    }

    #[test]
    fn a_record_from_a_newer_version_is_refused_not_misread() {
        let json = encode(&StoredChunk::default())
            .replace(&format!("\"schema\":{SCHEMA_VERSION}"), "\"schema\":9");
        assert_eq!(decode::<StoredChunk>(&json), Err(LoadError::Newer(9)));
    }

    #[test]
    fn damaged_records_are_reported() {
        assert!(matches!(
            decode::<StoredChunk>("{not json"),
            Err(LoadError::Malformed(_))
        ));
        assert!(matches!(
            decode::<StoredChunk>(r#"{"id":"x"}"#),
            Err(LoadError::Malformed(m)) if m.contains("schema")
        ));
        // Damaged in either version: a version-1 annotation without its fields, a chunk
        // whose list is not a list.
        assert!(matches!(
            decode::<StoredChunk>(r#"{"schema":1,"id":"x"}"#),
            Err(LoadError::Malformed(_))
        ));
        assert!(matches!(
            decode::<StoredChunk>(r#"{"schema":2,"annotations":{}}"#),
            Err(LoadError::Malformed(_))
        ));
    }

    #[test]
    fn a_stored_annotation_must_still_fit_its_document() {
        let doc = Document::from_paste("u1".into(), "t", "x😀é!").unwrap();
        assert!(annotation_fits(&annotation(), &doc));
        let other = Document::from_paste("u1".into(), "t", "xy").unwrap();
        assert!(!annotation_fits(&annotation(), &other));
    }

    #[test]
    fn user_documents_round_trip_with_crlf() {
        let doc = Document::from_paste("u1".into(), "t", "a\r\nb").unwrap();
        let stored = StoredDocument::from_document(&doc, 5);
        let back = decode::<StoredDocument>(&encode(&stored)).unwrap();
        assert_eq!(back.into_document(), doc);
    }

    /// One store's `(key, value)` records from a committed file of records as an older app
    /// wrote them (tests/storage-v<n>/records.json).
    fn records(file: &str, store: &str) -> Vec<(String, String)> {
        let all: serde_json::Value = serde_json::from_str(file).unwrap();
        all[store]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
            .collect()
    }

    /// The version-1 records committed under tests/storage-v1, as the old app wrote them.
    fn v1_records(store: &str) -> Vec<(String, String)> {
        records(include_str!("../tests/storage-v1/records.json"), store)
    }

    #[test]
    fn version_1_records_migrate_to_version_2_and_keep_everything() {
        let mut library = crate::library::Library::default();
        let docs = v1_records("documents");
        assert_eq!(docs.len(), 1);
        let doc = decode::<StoredDocument>(&docs[0].1)
            .unwrap()
            .into_document();
        assert_eq!(doc.title, "Notes 😀 on arrival");
        assert!(doc.text.as_str().contains("\r\nSafe") && doc.text.as_str().contains('😀'));
        library.add_document(doc);

        let (mut placed, mut orphans) = (Vec::new(), Vec::new());
        for (key, json) in v1_records("annotations") {
            // A version-1 annotation reads as a chunk of one under its own id.
            let chunk = decode::<StoredChunk>(&json).unwrap();
            assert_eq!(chunk.annotations.len(), 1);
            let a = chunk.annotations.into_iter().next().unwrap();
            assert_eq!(a.id, key);
            match library.document(&a.document) {
                Some(d) if annotation_fits(&a, d) => placed.push(a.id),
                _ => orphans.push(a.id),
            }
        }
        placed.sort();
        assert_eq!(
            placed,
            ["v1-ann-crlf", "v1-ann-emoji", "v1-ann-rtl", "v1-ann-seed"]
        );
        assert_eq!(orphans, ["v1-ann-orphan"]);

        let settings = v1_records("meta");
        let s = decode::<StoredSettings>(&settings[0].1).unwrap();
        assert_eq!(s.settings.annotator, "Ana");
        assert_eq!(s.open.as_deref(), Some("seed-87ef9370e957a8a4"));
        assert_eq!(s.scroll, vec![("user-3f2a9c".to_string(), 40)]);

        // Written again, each is the current version and reads back the same.
        let migrated = decode::<StoredDocument>(&docs[0].1).unwrap();
        let again = encode(&migrated);
        assert!(again.contains(&format!("\"schema\":{SCHEMA_VERSION}")));
        assert_eq!(decode::<StoredDocument>(&again).unwrap(), migrated);
    }

    /// The version-2 records committed under tests/storage-v2, as the app wrote them.
    fn v2_records(store: &str) -> Vec<(String, String)> {
        records(include_str!("../tests/storage-v2/records.json"), store)
    }

    #[test]
    fn version_2_records_migrate_to_version_3_and_keep_everything() {
        let docs = v2_records("documents");
        let doc = decode::<StoredDocument>(&docs[0].1).unwrap();
        assert_eq!((doc.source.as_ref(), doc.pages.len()), (None, 0));
        let doc = doc.into_document();
        assert_eq!(doc.title, "Notes 😀 on arrival");
        assert!(doc.text.as_str().contains("\r\nSafe") && doc.text.as_str().contains('😀'));
        let chunks = v2_records("annotations");
        let chunk = decode::<StoredChunk>(&chunks[0].1).unwrap();
        let ids: Vec<&str> = chunk.annotations.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "v1-ann-crlf",
                "v1-ann-emoji",
                "v1-ann-orphan",
                "v1-ann-rtl",
                "v1-ann-seed"
            ]
        );
        let orphan = &chunk.annotations[2];
        assert_eq!(
            orphan.provenance.as_ref().map(|p| p.file.as_str()),
            Some("class-notes.json")
        );
        for a in chunk.annotations.iter().filter(|a| a.document == doc.id) {
            assert!(annotation_fits(a, &doc), "{}", a.id);
        }
        let meta = v2_records("meta");
        let settings = meta.iter().find(|(k, _)| k == SETTINGS_KEY).unwrap();
        assert_eq!(
            decode::<StoredSettings>(&settings.1)
                .unwrap()
                .settings
                .annotator,
            "Ana"
        );
        let commit = meta.iter().find(|(k, _)| k == COMMIT_KEY).unwrap();
        assert_eq!(decode::<StoredCommit>(&commit.1).unwrap().committed, 7);
    }

    /// The version-3 records committed under tests/storage-v3, as the app wrote them.
    fn v3_records(store: &str) -> Vec<(String, String)> {
        records(include_str!("../tests/storage-v3/records.json"), store)
    }

    #[test]
    fn version_3_records_migrate_to_version_4_and_keep_everything() {
        let docs = v3_records("documents");
        assert_eq!(docs.len(), 2);
        let pdf = docs.iter().find(|(k, _)| k == "user-pdf-7c1e").unwrap();
        let pdf = decode::<StoredDocument>(&pdf.1).unwrap();
        assert_eq!(pdf.source.as_ref().unwrap().name, "Review 😀.pdf");
        let pdf = pdf.into_document();
        assert_eq!(pdf.page_of(Cp(12)), Some(2));
        let chunks = v3_records("annotations");
        let chunk = decode::<StoredChunk>(&chunks[0].1).unwrap();
        assert_eq!(chunk.annotations.len(), 6);
        assert!(chunk.annotations.iter().all(|a| !a.whole_document));
        let on_pdf = chunk
            .annotations
            .iter()
            .find(|a| a.id == "v3-ann-page-two")
            .unwrap();
        assert!(annotation_fits(on_pdf, &pdf));
        assert_eq!(on_pdf.quote, "Page two 😀 مهاجرون.");
        let meta = v3_records("meta");
        assert!(
            meta.iter().all(|(k, _)| k != CODEBOOK_KEY),
            "no codebook before schema 4"
        );
        let settings = meta.iter().find(|(k, _)| k == SETTINGS_KEY).unwrap();
        assert_eq!(
            decode::<StoredSettings>(&settings.1)
                .unwrap()
                .settings
                .annotator,
            "Ana"
        );
        // Written again, each is the current version and reads back the same; a codebook
        // record too.
        let again = encode_chunk(&chunk.annotations);
        assert!(again.contains(&format!("\"schema\":{SCHEMA_VERSION}")));
        assert_eq!(decode::<StoredChunk>(&again).unwrap(), chunk);
        let book = StoredCodebook {
            codes: vec![crate::codes::OwnCode {
                id: "code-0f8e2d1c-0000-4000-8000-000000000001".into(),
                name: "Écart de mise en œuvre 😀".into(),
                color: crate::codes::OWN_PALETTE[3].into(),
                parent: Some("objective-17".into()),
                description: String::new(),
            }],
        };
        assert_eq!(decode::<StoredCodebook>(&encode(&book)).unwrap(), book);
    }

    #[test]
    fn every_kind_of_change_round_trips_as_a_stored_step() {
        let doc = Document::from_paste("u1".into(), "t", "a\r\nb 😀").unwrap();
        let mut orphan = annotation();
        orphan.id = "o1".into();
        let batch = crate::history::Batch::added(&[annotation()]);
        let mut taken = batch.clone();
        taken.adds = false;
        taken.taken = Some(std::sync::Arc::new(vec![annotation()]));
        let step = Step::new(vec![
            Change::created(annotation()),
            Change::edited(
                annotation(),
                Some(Annotation {
                    note: "n".into(),
                    ..annotation()
                }),
            ),
            Change::edited(annotation(), None),
            Change::Orphan {
                before: None,
                after: Some(orphan),
            },
            Change::Document {
                before: None,
                after: Some(doc),
            },
            Change::Batch(batch),
            Change::Batch(taken),
            Change::Codebook {
                before: Codebook::default(),
                after: Codebook::new(vec![crate::codes::OwnCode {
                    id: "code-1".into(),
                    name: "Mine".into(),
                    color: crate::codes::OWN_PALETTE[0].into(),
                    parent: None,
                    description: String::new(),
                }]),
            },
        ]);
        let json = encode_step(&step);
        assert_eq!(decode_step(&json).unwrap(), step);
        // The size estimate is near the JSON's length (within a quarter).
        let (estimate, real) = (step.bytes() as f64, json.len() as f64);
        assert!(
            (estimate / real - 1.0).abs() < 0.25,
            "{estimate} for {real}"
        );
    }

    #[test]
    fn a_document_read_from_a_file_keeps_its_source_and_pages() {
        let doc = Document::from_extracted(
            "u9".into(),
            SourceFile {
                name: "Review 😀.pdf".into(),
                media_type: "application/pdf".into(),
                size: 123_456,
                sha256: "ab".repeat(32),
            },
            crate::extract::Extracted {
                text: "Page one.\n\nPage two 😀.\n\nPage three.".into(),
                pages: vec![Cp(0), Cp(11), Cp(24)],
                title: None,
            },
        )
        .unwrap();
        let json = encode(&StoredDocument::from_document(&doc, 5));
        assert!(json.contains("\"pages\":[0,11,24]"));
        let back = decode::<StoredDocument>(&json).unwrap().into_document();
        assert_eq!(back, doc);
        assert_eq!(back.page_of(Cp(0)), Some(1));
        assert_eq!(back.page_of(Cp(11)), Some(2));
        assert_eq!(back.page_of(Cp(23)), Some(2));
        assert_eq!(back.page_of(Cp(40)), Some(3));
    }
}
