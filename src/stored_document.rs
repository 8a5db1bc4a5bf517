//! A user document's record, written straight from the [`Document`]: its text is not copied
//! into a [`StoredDocument`] first, and the JSON goes into a buffer
//! sized once. WebAssembly memory never shrinks, so each transient copy of a 5 MB text stays
//! as memory the tab holds: the copy and the doubling of a growing buffer took opening a
//! 5 MB file from 1.6 to 27.8 MB of it (issue 25).

use crate::annotation::Millis;
use crate::document::Document;
use crate::storage::{decode, LoadError, StoredDocument, SCHEMA_VERSION};
use serde::Serialize;

/// [`StoredDocument`] borrowed, after its schema version: the same fields in the same order
/// as [`crate::storage::encode`] writes them, so the same JSON.
#[derive(Serialize)]
struct DocumentOut<'a> {
    schema: u32,
    id: &'a str,
    title: &'a str,
    description: &'a str,
    text: &'a str,
    added: Millis,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<SourceOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pages: Vec<usize>,
}

/// [`crate::storage::StoredSource`] borrowed.
#[derive(Serialize)]
struct SourceOut<'a> {
    name: &'a str,
    media_type: &'a str,
    size: usize,
    sha256: &'a str,
}

/// The record of a user document with the current schema version: the JSON that
/// `encode(&StoredDocument::from_document(doc, added))` gives, made without copying the text
/// and without growing its buffer. `added`: milliseconds since the Unix epoch.
pub fn encode_document(doc: &Document, added: Millis) -> String {
    let mut out = Vec::with_capacity(document_capacity(doc));
    let record = DocumentOut {
        schema: SCHEMA_VERSION,
        id: &doc.id,
        title: &doc.title,
        description: &doc.description,
        text: doc.text.as_str(),
        added,
        source: doc.source.as_ref().map(|s| SourceOut {
            name: &s.name,
            media_type: &s.media_type,
            size: s.size,
            sha256: &s.sha256,
        }),
        pages: doc.pages.iter().map(|p| p.0).collect(),
    };
    // Plain strings and numbers: neither serializing nor the UTF-8 check can fail.
    let _ = serde_json::to_writer(&mut out, &record);
    String::from_utf8(out).unwrap_or_default()
}

/// At least the length of [`encode_document`]'s JSON, in bytes: the text as JSON escapes it,
/// the short fields at their longest escaping (6 bytes a byte), and room for keys and numbers.
fn document_capacity(doc: &Document) -> usize {
    let short = doc.id.len()
        + doc.title.len()
        + doc.description.len()
        + doc
            .source
            .as_ref()
            .map_or(0, |s| s.name.len() + s.media_type.len() + s.sha256.len());
    escaped_len(doc.text.as_str()) + 6 * short + 21 * doc.pages.len() + 256
}

/// The length of `s` as a JSON string's content, as serde_json escapes it: `"` and `\` and
/// the control characters with a short form take 2 bytes, the other control characters 6
/// (`\u001f`), everything else itself (RFC 8259, section 7).
fn escaped_len(s: &str) -> usize {
    s.bytes()
        .map(|b| match b {
            b'"' | b'\\' | b'\n' | b'\r' | b'\t' | 0x08 | 0x0c => 2,
            0..=0x1f => 6,
            _ => 1,
        })
        .sum()
}

/// Reads a document's record whose text was taken out (its `text` is `""`), with the text:
/// the browser's JSON parser reads the record, and the text comes apart, so it is never
/// copied here. Every migration leaves documents' records as they are (see
/// `storage::migrated`), so the text is the same before and after one. `Err` as
/// [`decode`].
pub fn decode_document(rest: &str, text: String) -> Result<Document, LoadError> {
    let mut stored = decode::<StoredDocument>(rest)?;
    stored.text = text;
    Ok(stored.into_document())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::SourceFile;
    use crate::storage::encode;
    use crate::text::{Cp, DocText};

    fn doc(text: &str) -> Document {
        // Any text, even one a file would be refused for (mostly control characters).
        let mut d = Document::from_file("u-1".into(), "Notes \"draft\".txt", "x").unwrap();
        d.text = DocText::new(text);
        d.title = "Tïtle \u{1}\u{1F600}".into();
        d
    }

    #[test]
    fn the_record_is_the_stored_documents_json() {
        let texts = [
            "plain",
            "CRLF\r\nline\ttab \"quoted\" back\\slash \u{0}\u{1f}\u{8}\u{c}",
            "emoji 🧭 outside the BMP, RTL \u{5e9}\u{5dc}\u{5d5}\u{5dd}, e\u{301}",
        ];
        for text in texts {
            let mut d = doc(text);
            assert_eq!(
                encode_document(&d, 5),
                encode(&StoredDocument::from_document(&d, 5))
            );
            d.source = Some(SourceFile {
                name: "a\u{7}.pdf".into(),
                media_type: "application/pdf".into(),
                size: 12,
                sha256: "ab".repeat(32),
            });
            d.pages = vec![Cp(0), Cp(2)];
            assert_eq!(
                encode_document(&d, 7),
                encode(&StoredDocument::from_document(&d, 7))
            );
        }
    }

    /// Every committed document record of every earlier schema, read as the app reads it
    /// (the browser's parser takes the text out, `web::platform::split_document_record`),
    /// is the document that reading the whole record gives.
    #[test]
    fn a_record_read_without_its_text_then_given_it_is_the_same_document() {
        let stores = [
            include_str!("../tests/storage-v1/records.json"),
            include_str!("../tests/storage-v2/records.json"),
            include_str!("../tests/storage-v3/records.json"),
            include_str!("../tests/storage-v4/records.json"),
            include_str!("../tests/storage-v5/records.json"),
            include_str!("../tests/storage-v6/records.json"),
            include_str!("../tests/storage-v7/records.json"),
        ];
        let mut read = 0;
        for store in stores {
            let all: serde_json::Value = serde_json::from_str(store).unwrap();
            let Some(docs) = all["documents"].as_object() else {
                continue;
            };
            for record in docs.values().filter_map(|v| v.as_str()) {
                let whole = decode::<StoredDocument>(record).unwrap().into_document();
                let mut parsed: serde_json::Value = serde_json::from_str(record).unwrap();
                let text = parsed["text"].as_str().unwrap().to_string();
                parsed["text"] = "".into();
                let apart = decode_document(&parsed.to_string(), text).unwrap();
                assert_eq!(apart, whole);
                assert_eq!(apart.text.as_str(), whole.text.as_str());
                read += 1;
            }
        }
        assert!(read >= 7, "{read}");
    }

    /// A buffer that had to grow would hold, for a moment, the old and the new: up to three
    /// times the text.
    #[test]
    fn the_buffer_is_never_outgrown() {
        let worst = "\u{1}\"\\\n".repeat(1000) + "x";
        for text in ["a", "plain prose\n", worst.as_str()] {
            let mut d = doc(text);
            d.description = "\u{1}".repeat(50);
            d.text = DocText::new(text);
            let json = encode_document(&d, Millis::MAX);
            assert!(json.len() <= document_capacity(&d), "{}", json.len());
        }
    }
}
