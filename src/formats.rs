//! Export formats. For now the project's own JSON, lossless, used by the Export button and
//! offered when saving fails; the export/import issue adds the W3C, doccano and CSV formats
//! and import.

use crate::annotation::Annotation;
use crate::codebook::CODEBOOK_VERSION;
use crate::document::{Document, Origin};
use crate::state::Model;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// The `format` field of the project's JSON.
pub const FORMAT_NAME: &str = "gcm-annotator";
/// The version of the project's JSON.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct ExportDocument<'a> {
    id: &'a str,
    title: &'a str,
    /// SHA-256 of the text's UTF-8 bytes, hex.
    sha256: String,
    /// Length in code points, the unit of every offset.
    length: usize,
    origin: &'static str,
    /// The text: always for the user's own documents, which exist nowhere else.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
}

#[derive(Serialize)]
struct Export<'a> {
    format: &'static str,
    version: u32,
    codebook: &'static str,
    /// The unit of `start` and `end`.
    offsets: &'static str,
    annotator: &'a str,
    exported: i64,
    documents: Vec<ExportDocument<'a>>,
    annotations: Vec<&'a Annotation>,
}

/// SHA-256 of a text, as lowercase hex.
pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The project's JSON for one document (`Some(id)`) or for every document with annotations
/// and every user document (`None`).
pub fn project_json(model: &Model, only: Option<&str>, now: i64) -> String {
    let docs: Vec<&Document> = model
        .documents
        .iter()
        .filter(|d| match only {
            Some(id) => d.id == id,
            None => {
                d.origin == Origin::User || model.annotations.iter().any(|a| a.document == d.id)
            }
        })
        .collect();
    let mut annotations: Vec<&Annotation> = model
        .annotations
        .iter()
        .filter(|a| docs.iter().any(|d| d.id == a.document))
        .collect();
    annotations.sort_by(|a, b| {
        a.document
            .cmp(&b.document)
            .then(crate::annotation::text_order(a, b))
    });
    let export = Export {
        format: FORMAT_NAME,
        version: FORMAT_VERSION,
        codebook: CODEBOOK_VERSION,
        offsets: "unicode-code-points",
        annotator: &model.settings.annotator,
        exported: now,
        documents: docs
            .iter()
            .map(|d| ExportDocument {
                id: &d.id,
                title: &d.title,
                sha256: sha256_hex(d.text.as_str()),
                length: d.text.len_cp().0,
                origin: match d.origin {
                    Origin::Seed => "seed",
                    Origin::User => "user",
                },
                text: (d.origin == Origin::User).then(|| d.text.as_str()),
            })
            .collect(),
        annotations,
    };
    serde_json::to_string_pretty(&export).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Action;
    use crate::text::Cp;

    #[test]
    fn exports_documents_with_hashes_and_annotations_with_code_point_offsets() {
        let mut m = Model::default();
        let doc = Document::from_paste("u1".into(), "Mine", "😀 Borders matter.\r\n").unwrap();
        m.apply(Action::AddDocuments(vec![doc]));
        m.apply(Action::Propose {
            start: Cp(2),
            end: Cp(9),
        });
        m.apply(Action::Create {
            id: "a1".into(),
            tags: vec!["objective-11".into()],
            note: "n".into(),
            now: 1,
        });
        let json: serde_json::Value = serde_json::from_str(&project_json(&m, None, 7)).unwrap();
        assert_eq!(json["format"], "gcm-annotator");
        assert_eq!(json["documents"].as_array().unwrap().len(), 1);
        assert_eq!(json["documents"][0]["length"], 19);
        assert_eq!(json["documents"][0]["text"], "😀 Borders matter.\r\n");
        assert_eq!(
            json["documents"][0]["sha256"],
            sha256_hex("😀 Borders matter.\r\n")
        );
        let a = &json["annotations"][0];
        assert_eq!((a["start"].as_u64(), a["end"].as_u64()), (Some(2), Some(9)));
        assert_eq!(a["quote"], "Borders");
    }

    #[test]
    fn sha256_matches_the_published_test_vector() {
        // FIPS 180-2, appendix B.1.
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
