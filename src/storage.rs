//! The records the browser keeps (IndexedDB) and how they are read back: each record is a
//! JSON string that carries a schema version, and the loader migrates older versions.
//!
//! A record that cannot be read is reported and left in storage untouched: a newer version
//! of the app, or a later fix, may still read it. Nothing is deleted because it failed to load.

use crate::annotation::{Annotation, Millis};
use crate::document::{Document, Origin};
use crate::session::Settings;
use crate::text::DocText;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The version of the records this build writes.
pub const SCHEMA_VERSION: u32 = 1;

/// The IndexedDB database name and its object stores.
pub const DB_NAME: &str = "gcm-annotator";
pub const STORE_DOCUMENTS: &str = "documents";
pub const STORE_ANNOTATIONS: &str = "annotations";
pub const STORE_META: &str = "meta";
/// The key of the settings record in [`STORE_META`].
pub const SETTINGS_KEY: &str = "settings";

/// A user document as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredDocument {
    pub id: String,
    pub title: String,
    pub description: String,
    pub text: String,
    #[serde(default)]
    pub added: Millis,
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
            LoadError::Newer(v) => write!(
                f,
                "it was saved by a newer version of the app (schema {v}); it is kept untouched"
            ),
            LoadError::Malformed(e) => write!(f, "it is damaged ({e}); it is kept untouched"),
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

/// Reads a record of any known schema version, migrating it to the current one.
pub fn decode<T: DeserializeOwned>(json: &str) -> Result<T, LoadError> {
    let mut value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| LoadError::Malformed(e.to_string()))?;
    let version = value
        .get("schema")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| LoadError::Malformed("no schema version".into()))? as u32;
    if version > SCHEMA_VERSION {
        return Err(LoadError::Newer(version));
    }
    // The migration path: each step turns version n into n + 1. Version 1 is the first, so
    // there are no steps yet; a change to the records adds `1 => migrate_1_to_2(&mut value)`.
    #[allow(clippy::never_loop)]
    for v in version..SCHEMA_VERSION {
        return Err(LoadError::Malformed(format!("unknown schema version {v}")));
    }
    if let Some(obj) = value.as_object_mut() {
        obj.remove("schema");
    }
    serde_json::from_value(value).map_err(|e| LoadError::Malformed(e.to_string()))
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
        let a = annotation();
        let json = encode(&a);
        assert!(json.contains("\"schema\":1"));
        assert_eq!(decode::<Annotation>(&json).unwrap(), a);

        let s = StoredSettings {
            settings: Settings {
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
        let placed = encode(&annotation());
        assert!(!placed.contains("provenance"));
        let orphan = Annotation {
            provenance: Some(Box::new(crate::annotation::Provenance {
                file: "x.jsonld".into(),
                sha256: Some("ab".repeat(32)),
            })),
            ..annotation()
        };
        assert!(encode(&orphan).contains(r#""provenance":{"file":"x.jsonld","sha256":"abab"#));
        assert_eq!(decode::<Annotation>(&encode(&orphan)).unwrap(), orphan);
        // A record written before these fields existed reads as having neither.
        assert_eq!(decode::<Annotation>(&placed).unwrap(), annotation());
    }

    #[test]
    fn a_record_from_a_newer_version_is_refused_not_misread() {
        let json = encode(&annotation()).replace("\"schema\":1", "\"schema\":7");
        assert_eq!(decode::<Annotation>(&json), Err(LoadError::Newer(7)));
    }

    #[test]
    fn damaged_records_are_reported() {
        assert!(matches!(
            decode::<Annotation>("{not json"),
            Err(LoadError::Malformed(_))
        ));
        assert!(matches!(
            decode::<Annotation>(r#"{"id":"x"}"#),
            Err(LoadError::Malformed(m)) if m.contains("schema")
        ));
        assert!(matches!(
            decode::<Annotation>(r#"{"schema":1,"id":"x"}"#),
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
}
