//! doccano JSONL: one line per document, `{"text": …, "label": [[start, end, tag], …]}`,
//! offsets in code points so that Python's `text[start:end]` is the quote; one label per tag.
//! The document's id and title ride along as metadata, which doccano keeps.

use super::incoming::{InAnnotation, InDoc, Incoming};
use super::{ExportScope, Format};
use serde_json::json;

/// Writes one JSON line per document.
pub fn write(scope: &ExportScope) -> String {
    let mut out = String::new();
    for d in &scope.documents {
        let labels: Vec<serde_json::Value> = scope
            .of(&d.id)
            .flat_map(|a| a.tags.iter().map(move |t| json!([a.start.0, a.end.0, t])))
            .collect();
        let line = json!({
            "text": d.text.as_str(),
            "label": labels,
            "document": d.id,
            "title": d.title,
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

/// True when the text looks like JSONL whose first object has `text` and `label`.
pub fn recognises(first_line: &serde_json::Value) -> bool {
    first_line.get("text").is_some_and(|t| t.is_string())
        && (first_line.get("label").is_some() || first_line.get("labels").is_some())
}

/// Reads doccano JSONL. Each line is a document carrying its text; spans with several
/// labels become one annotation with several tags.
pub fn read(text: &str) -> Result<Incoming, String> {
    let mut documents = Vec::new();
    let mut annotations = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("line {line_no} is not JSON ({e})"))?;
        let doc_text = v
            .get("text")
            .and_then(|t| t.as_str())
            .ok_or_else(|| format!("line {line_no} has no \"text\""))?;
        let key = v
            .get("document")
            .and_then(|d| d.as_str())
            .map(String::from)
            .unwrap_or_else(|| format!("doccano-line-{line_no}"));
        let labels = v
            .get("label")
            .or_else(|| v.get("labels"))
            .and_then(|l| l.as_array())
            .ok_or_else(|| format!("line {line_no} has no \"label\" list"))?;
        // Group labels by span: one annotation per span, with all its tags.
        let mut spans: Vec<((usize, usize), Vec<String>)> = Vec::new();
        for (j, l) in labels.iter().enumerate() {
            let bad = || {
                format!(
                    "line {line_no}, label {}: expected [start, end, \"tag\"]",
                    j + 1
                )
            };
            let l = l.as_array().filter(|l| l.len() == 3).ok_or_else(bad)?;
            let start = l[0].as_u64().ok_or_else(bad)? as usize;
            let end = l[1].as_u64().ok_or_else(bad)? as usize;
            let tag = l[2].as_str().ok_or_else(bad)?.to_string();
            match spans.iter_mut().find(|(s, _)| *s == (start, end)) {
                Some((_, tags)) => tags.push(tag),
                None => spans.push(((start, end), vec![tag])),
            }
        }
        for ((start, end), tags) in spans {
            annotations.push(InAnnotation {
                id: None,
                doc_key: key.clone(),
                start: Some(start),
                end: Some(end),
                quote: None,
                prefix: String::new(),
                suffix: String::new(),
                tags,
                note: String::new(),
                created: None,
                updated: None,
                annotator: None,
            });
        }
        documents.push(InDoc {
            key: key.clone(),
            id: v.get("document").and_then(|d| d.as_str()).map(String::from),
            title: v.get("title").and_then(|t| t.as_str()).map(String::from),
            text: Some(doc_text.to_string()),
            sha256: None,
        });
    }
    if documents.is_empty() {
        return Err("it holds no documents".into());
    }
    Ok(Incoming {
        format: Format::Doccano,
        annotator: None,
        documents,
        annotations,
    })
}
