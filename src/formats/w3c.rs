//! The W3C Web Annotation Data Model (Recommendation, 23 February 2017), as JSON-LD: an
//! `AnnotationCollection` whose first page holds one `Annotation` per annotation.
//!
//! Each annotation has the MUSTs of the model: `@context`
//! (`http://www.w3.org/ns/anno.jsonld`), an IRI `id` (`urn:uuid:…`), `type: "Annotation"`, and
//! a `target` with a `source` IRI and selectors (`TextQuoteSelector` with `exact`,
//! `TextPositionSelector` with non-negative `start` and `end` in code points). A user's text
//! is the `source` by its content, `ni:///sha-256;…` (RFC 6920), a seed by its seed IRI;
//! both are read, and so is the `urn:gcm-annotator:document:<id>` of older files. Bodies are
//! `TextualBody`s with exactly one `value`: one per tag (`purpose: "tagging"`: a GCM tag's
//! id, or an own code's IRI `urn:gcm-annotator:code:<uuid>`, with its label), and one for the
//! note (`purpose: "commenting"`). A tag of a whole document has a target with a `source`
//! and no selector (§4.1: the target is then the whole resource). A tagging body whose value
//! is neither a GCM tag nor an own code's IRI but which has a `label` is read as a code of
//! the file's own ([`InCode`], its key the value). Own codes' colours and nesting are not
//! in the model and are not written.

use super::incoming::{InAnnotation, InCode, InDoc, Incoming};
use super::time::{iso8601, parse_iso8601};
use super::{
    derived_uuid, document_id_of_iri, document_iri, ni_iri, sha256_of_ni, ExportScope, Format,
    Options,
};
use crate::annotation::Annotation;
use crate::document::Origin;
use serde_json::{json, Value};

/// The JSON-LD context of the Web Annotation Data Model.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The prefix of an own code's IRI, which its UUID ([`crate::codes::OwnCode::uuid`]) ends.
pub const CODE_IRI_PREFIX: &str = "urn:gcm-annotator:code:";

/// A code's tagging `value`: a GCM tag's id as it always was (files written before own
/// codes read alike), an own code's IRI.
fn code_value(id: &str) -> String {
    match id.strip_prefix(crate::codes::OWN_PREFIX) {
        Some(uuid) => format!("{CODE_IRI_PREFIX}{uuid}"),
        None => id.to_string(),
    }
}

/// An annotation id as an IRI: UUIDs become `urn:uuid:` IRIs; anything else is made into a
/// content-derived UUID.
fn annotation_iri(id: &str) -> String {
    let is_uuid = id.len() == 36
        && id.chars().enumerate().all(|(i, c)| {
            if [8, 13, 18, 23].contains(&i) {
                c == '-'
            } else {
                c.is_ascii_hexdigit()
            }
        });
    if is_uuid {
        format!("urn:uuid:{}", id.to_ascii_lowercase())
    } else {
        format!("urn:uuid:{}", derived_uuid(id))
    }
}

/// The `source` of a document's targets: a user's text is known by its content, an RFC 6920
/// `ni:///sha-256;…` IRI of its SHA-256, so that any browser holding the same text finds it
/// whatever id it has there; a bundled seed keeps its seed IRI, which every copy of the app
/// knows.
fn sources<'a>(scope: &ExportScope<'a>) -> Vec<(&'a str, String)> {
    scope
        .documents
        .iter()
        .map(|d| {
            let iri = match d.origin {
                Origin::Seed => None,
                Origin::User => ni_iri(d.text.sha256_hex()),
            };
            (d.id.as_str(), iri.unwrap_or_else(|| document_iri(&d.id)))
        })
        .collect()
}

/// Writes the collection.
pub fn write(scope: &ExportScope, opts: Options) -> String {
    let sources = sources(scope);
    // The source of an annotation's text: its document's, when the export holds it; else,
    // for an orphan waiting for its text, the text's ni IRI from its provenance, so that
    // a browser holding that text places it; else the document's IRI.
    let source = |a: &Annotation| {
        sources
            .iter()
            .find(|(id, _)| *id == a.document)
            .map(|(_, iri)| iri.clone())
            .or_else(|| {
                let sha = a.provenance.as_ref()?.sha256.as_deref()?;
                ni_iri(sha)
            })
            .unwrap_or_else(|| document_iri(&a.document))
    };
    // Orphans go too (an export of all documents carries them): whoever imports the file
    // places them if their text is there, or keeps them waiting for it.
    let items: Vec<Value> = scope
        .annotations
        .iter()
        .chain(scope.orphans.iter())
        .map(|a| {
            let mut body: Vec<Value> = a
                .tags
                .iter()
                .map(|t| {
                    json!({
                        "type": "TextualBody",
                        "purpose": "tagging",
                        "value": code_value(t),
                        "label": scope.codebook.code(t).map(|c| c.export_label()).unwrap_or_default(),
                    })
                })
                .collect();
            if !a.note.is_empty() {
                body.push(json!({
                    "type": "TextualBody",
                    "purpose": "commenting",
                    "value": a.note,
                    "format": "text/plain",
                }));
            }
            let target = match a.whole_document {
                true => json!({ "source": source(a) }),
                false => json!({
                    "source": source(a),
                    "selector": [
                        { "type": "TextQuoteSelector", "exact": a.quote, "prefix": a.prefix, "suffix": a.suffix },
                        { "type": "TextPositionSelector", "start": a.start.0, "end": a.end.0 },
                    ],
                }),
            };
            let mut ann = json!({
                "@context": CONTEXT,
                "id": annotation_iri(&a.id),
                "type": "Annotation",
                "created": iso8601(a.created),
                "modified": iso8601(a.updated),
                "body": body,
                "target": target,
            });
            if let Some(creator) = creator(&a.annotator, &a.annotator_id) {
                ann["creator"] = creator;
            }
            ann[ORIGIN_KEY] = json!(a.origin.as_str());
            ann
        })
        .collect();
    let ids: String = scope.annotations.iter().map(|a| a.id.as_str()).collect();
    let collection = format!("urn:uuid:{}", derived_uuid(&format!("{}{ids}", opts.now)));
    let page = format!(
        "urn:uuid:{}",
        derived_uuid(&format!("page{}{ids}", opts.now))
    );
    let label = match scope.documents.as_slice() {
        [d] => format!("GCM annotations of “{}”", d.title),
        _ => "GCM annotations".to_string(),
    };
    let mut doc = json!({
        "@context": CONTEXT,
        "id": collection,
        "type": "AnnotationCollection",
        "label": label,
        "total": items.len(),
        "generated": iso8601(opts.now),
        "first": {
            "id": page,
            "type": "AnnotationPage",
            "partOf": collection,
            "startIndex": 0,
            "items": items,
        },
    });
    if let Some(creator) = creator(opts.annotator, opts.annotator_id) {
        doc["creator"] = creator;
    }
    if let Some(id) = opts.assignment {
        doc[ASSIGNMENT_KEY] = json!(id);
    }
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// An annotation's (or the collection's) `creator` (§3.3.1): a `Person` with the maker's id
/// as a `urn:uuid:` IRI and the name, each when known; `None` when neither is.
fn creator(name: &str, id: &str) -> Option<Value> {
    let mut c = json!({ "type": "Person" });
    if !id.is_empty() {
        c["id"] = json!(format!("urn:uuid:{id}"));
    }
    if !name.is_empty() {
        c["name"] = json!(name);
    }
    (c.as_object()?.len() > 1).then_some(c)
}

/// The name and id of a `creator`: a string is a name; an object's `name` (else
/// `nickname`) and its `id` without `urn:uuid:`.
fn read_creator(c: Option<&Value>) -> (Option<String>, Option<String>) {
    match c {
        Some(Value::String(s)) => (Some(s.clone()), None),
        Some(c) => {
            let text = |k: &str| c.get(k).and_then(|x| x.as_str());
            let name = text("name").or_else(|| text("nickname")).map(String::from);
            let id = text("id").map(|id| id.strip_prefix("urn:uuid:").unwrap_or(id).to_string());
            (name, id)
        }
        None => (None, None),
    }
}

/// The key of an annotation's origin ([`crate::annotation::Origin::as_str`]), an extension
/// of the model: JSON-LD keeps a key with an undeclared prefix as an absolute IRI.
pub const ORIGIN_KEY: &str = "gcm:origin";
/// The key of the collection's assignment id, an extension as [`ORIGIN_KEY`] is.
pub const ASSIGNMENT_KEY: &str = "gcm:assignment";

fn has_type(v: &Value, t: &str) -> bool {
    match v.get("type") {
        Some(Value::String(s)) => s == t,
        Some(Value::Array(a)) => a.iter().any(|x| x.as_str() == Some(t)),
        _ => false,
    }
}

/// True when a parsed JSON value looks like Web Annotation JSON-LD.
pub fn recognises(v: &Value) -> bool {
    has_type(v, "AnnotationCollection")
        || has_type(v, "AnnotationPage")
        || has_type(v, "Annotation")
        || v.as_array()
            .is_some_and(|a| a.first().is_some_and(|x| has_type(x, "Annotation")))
}

/// Reads a collection (its embedded first page), a page, one annotation, or a list of them.
pub fn read(v: Value) -> Result<Incoming, String> {
    // The collection's creator and assignment, when it is one that has them.
    let (annotator, annotator_id) = read_creator(v.get("creator"));
    let assignment = v
        .get(ASSIGNMENT_KEY)
        .and_then(|a| a.as_str())
        .map(String::from);
    let items: Vec<Value> = if has_type(&v, "AnnotationCollection") {
        match v.get("first") {
            Some(first) if first.is_object() => first
                .get("items")
                .and_then(|i| i.as_array())
                .cloned()
                .ok_or_else(|| t!("fmt-w3c-first-page-empty"))?,
            Some(_) => return Err(t!("fmt-w3c-pages-linked")),
            None => Vec::new(),
        }
    } else if has_type(&v, "AnnotationPage") {
        v.get("items")
            .and_then(|i| i.as_array())
            .cloned()
            .ok_or_else(|| t!("fmt-w3c-page-empty"))?
    } else if let Some(list) = v.as_array() {
        list.clone()
    } else {
        vec![v]
    };
    let mut documents: Vec<InDoc> = Vec::new();
    let mut annotations = Vec::new();
    let mut codes: Vec<InCode> = Vec::new();
    // What is not read, said once each: selectors that place nothing here, and bodies
    // whose purpose is neither tagging nor commenting.
    let mut notes: Vec<String> = Vec::new();
    let mut note = |n: String| {
        if !notes.contains(&n) {
            notes.push(n);
        }
    };
    for (i, item) in items.iter().enumerate() {
        let n = i + 1;
        if !has_type(item, "Annotation") {
            return Err(t!("fmt-w3c-not-annotation", n = n.to_string()));
        }
        let id = item
            .get("id")
            .and_then(|x| x.as_str())
            .ok_or_else(|| t!("fmt-w3c-no-id", n = n.to_string()))?;
        let target = match item.get("target") {
            Some(Value::Array(t)) => t
                .first()
                .cloned()
                .ok_or_else(|| t!("fmt-w3c-no-target", n = n.to_string()))?,
            Some(t) => t.clone(),
            None => return Err(t!("fmt-w3c-no-target", n = n.to_string())),
        };
        let source = target
            .get("source")
            .and_then(|s| s.as_str())
            .or_else(|| target.as_str())
            .ok_or_else(|| t!("fmt-w3c-no-source", n = n.to_string()))?
            .to_string();
        let selectors: Vec<Value> = match target.get("selector") {
            Some(Value::Array(a)) => a.clone(),
            Some(s) => vec![s.clone()],
            None => vec![],
        };
        let mut quote = None;
        let (mut prefix, mut suffix) = (String::new(), String::new());
        let (mut start, mut end) = (None, None);
        for s in &selectors {
            if has_type(s, "TextQuoteSelector") {
                quote = Some(
                    s.get("exact")
                        .and_then(|e| e.as_str())
                        .ok_or_else(|| t!("fmt-w3c-no-exact", n = n.to_string()))?
                        .to_string(),
                );
                prefix = s
                    .get("prefix")
                    .and_then(|e| e.as_str())
                    .unwrap_or_default()
                    .into();
                suffix = s
                    .get("suffix")
                    .and_then(|e| e.as_str())
                    .unwrap_or_default()
                    .into();
            } else if has_type(s, "TextPositionSelector") {
                let num = |k: &str| {
                    s.get(k)
                        .and_then(|x| x.as_u64())
                        .map(|x| x as usize)
                        .ok_or_else(|| t!("fmt-w3c-bad-position", n = n.to_string(), field = k))
                };
                start = Some(num("start")?);
                end = Some(num("end")?);
            } else if let Some(t) = s.get("type").and_then(|t| t.as_str()) {
                note(t!(
                    "fmt-w3c-selector-ignored",
                    selector = &*crate::text::clip(t, 40)
                ));
            }
        }
        let bodies: Vec<Value> = match item.get("body") {
            Some(Value::Array(a)) => a.clone(),
            Some(b) => vec![b.clone()],
            None => vec![],
        };
        let mut tags = Vec::new();
        let mut comment = String::new();
        for b in &bodies {
            let value = b.get("value").and_then(|x| x.as_str());
            match (b.get("purpose").and_then(|p| p.as_str()), value) {
                (Some("tagging"), Some(v)) => {
                    let label = b.get("label").and_then(|x| x.as_str()).unwrap_or_default();
                    tags.push(tag_key(v, label, &mut codes));
                }
                (Some("commenting") | None, Some(v)) => {
                    if !comment.is_empty() {
                        comment.push('\n');
                    }
                    comment.push_str(v);
                }
                (Some(purpose), None) => note(t!(
                    "fmt-w3c-body-no-value",
                    purpose = &*crate::text::clip(purpose, 40)
                )),
                (Some(purpose), Some(_)) => note(t!(
                    "fmt-w3c-purpose-ignored",
                    purpose = &*crate::text::clip(purpose, 40)
                )),
                (None, None) => {}
            }
        }
        // A target with no selector is the whole document (§4.1); it needs a tag, else it
        // says nothing and is refused, as it always was.
        let whole_document = target.get("selector").is_none() && !tags.is_empty();
        if quote.is_none() && start.is_none() && !whole_document {
            return Err(t!("fmt-w3c-no-selector", n = n.to_string()));
        }
        let time = |k: &str| -> Result<Option<i64>, String> {
            match item.get(k).and_then(|x| x.as_str()) {
                None => Ok(None),
                Some(t) => parse_iso8601(t).map(Some).ok_or_else(|| {
                    let value = crate::text::isolate(&crate::text::clip(t, 80));
                    t!("fmt-w3c-bad-time", n = n.to_string(), value = value)
                }),
            }
        };
        let (annotator, annotator_id) = read_creator(item.get("creator"));
        let origin = item.get(ORIGIN_KEY).and_then(|o| o.as_str());
        if !documents.iter().any(|d| d.key == source) {
            // A text named by its content (`ni:`), or by this app's id (the seeds', and
            // every document's in files written before texts were named by content).
            documents.push(InDoc {
                key: source.clone(),
                id: document_id_of_iri(&source).map(String::from),
                title: None,
                text: None,
                sha256: sha256_of_ni(&source),
                ..InDoc::default()
            });
        }
        annotations.push(InAnnotation {
            annotator_id,
            origin: origin.and_then(crate::annotation::Origin::parse),
            whole_document,
            id: Some(id.strip_prefix("urn:uuid:").unwrap_or(id).to_string()),
            doc_key: source,
            start,
            end,
            quote,
            prefix,
            suffix,
            tags,
            note: comment,
            created: time("created")?,
            updated: time("modified")?,
            annotator,
        });
    }
    Ok(Incoming {
        handout: None,
        annotator_id,
        assignment,
        codes,
        format: Format::W3c,
        annotator,
        documents,
        annotations,
        notes,
    })
}

/// What a tagging body's `value` puts in an annotation's `tags`: a GCM tag's id as it is; an
/// own code's IRI as the code's id, declared once in `codes` with the body's `label` as its
/// name; any other value with a label as a code of the file's own (key: the value); any
/// other without a label as it is (an unknown tag, which the import refuses).
fn tag_key(value: &str, label: &str, codes: &mut Vec<InCode>) -> String {
    if crate::codebook::tag(value).is_some() {
        return value.to_string();
    }
    let uuid = value
        .strip_prefix(CODE_IRI_PREFIX)
        .map(str::to_ascii_lowercase);
    let key = match &uuid {
        Some(u) => format!("{}{u}", crate::codes::OWN_PREFIX),
        None => value.to_string(),
    };
    let name = label.trim();
    if name.is_empty() && uuid.is_none() {
        return key;
    }
    if !codes.iter().any(|c| c.key == key) {
        codes.push(InCode {
            key: key.clone(),
            guid: uuid,
            name: name.to_string(),
            ..InCode::default()
        });
    }
    key
}
