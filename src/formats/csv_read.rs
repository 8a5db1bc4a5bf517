//! Reading back the CSV that [`super::write`] writes: RFC 4180 records, the header
//! [`super::HEADER`], the formula guard taken off ([`super::undefuse`]), rows of one
//! annotation merged.

use super::super::incoming::{InAnnotation, InCode, InDoc, Incoming};
use super::super::time::parse_iso8601;
use super::super::Format;
use super::{undefuse, HEADER, PROVENANCE};
use crate::text::clip;
use std::collections::HashMap;

/// Splits CSV text into records of fields (RFC 4180 §2): fields separated by commas,
/// records by CRLF or LF (a lone CR too), a field in double quotes may hold commas, line
/// breaks and doubled quotes. A leading byte order mark is dropped. `Err` when a quoted
/// field is never closed, naming its row (counted from 1, the header included).
pub fn records(text: &str) -> Result<Vec<Vec<String>>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    // Whether the current record has anything yet (a blank line is no record).
    let mut started = false;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => {
                quoted = true;
                started = true;
            }
            ',' => {
                row.push(std::mem::take(&mut field));
                started = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                if started || !field.is_empty() {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                started = false;
            }
            _ => {
                field.push(c);
                started = true;
            }
        }
    }
    if quoted {
        return Err(t!("read-csv-unclosed", row = (rows.len() + 1).to_string()));
    }
    if started || !field.is_empty() {
        row.push(field);
        rows.push(row);
    }
    Ok(rows)
}

/// The cells of one row by column name.
struct Row<'a> {
    n: usize,
    cells: &'a [String],
    /// Where each of [`PROVENANCE`]'s columns is in this file, when it has it.
    more: [Option<usize>; PROVENANCE.len()],
}

impl<'a> Row<'a> {
    /// The cell of `column` (one of [`HEADER`] or [`PROVENANCE`]); empty when the row
    /// lacks it.
    fn get(&self, column: &str) -> &'a str {
        let more = PROVENANCE.iter().position(|h| *h == column);
        HEADER
            .iter()
            .position(|h| *h == column)
            .or_else(|| more.and_then(|i| self.more[i]))
            .and_then(|i| self.cells.get(i))
            .map_or("", String::as_str)
    }

    /// A code point offset, `None` when the cell is empty.
    fn offset(&self, column: &str) -> Result<Option<usize>, String> {
        let cell = self.get(column);
        if cell.is_empty() {
            return Ok(None);
        }
        cell.parse::<usize>().map(Some).map_err(|_| {
            t!(
                "read-csv-not-number",
                row = self.n.to_string(),
                column = column,
                value = &*clip(cell, 80)
            )
        })
    }
}

/// Reads the CSV that [`super::write`] writes: the header row [`HEADER`] first (columns
/// after it are allowed and ignored, for files of later versions), then one row per
/// annotation and tag. Rows of the same document, span, quote, note, annotator and created
/// date are one annotation with several tags; empty `start`, `end` and `quote` are a
/// whole-document tag. A `tag` that is not a GCM tag id becomes an [`InCode`] named by its
/// `tag_label` (its GUID the UUID in an own code's `code-<uuid>` id). Documents carry their
/// id and title, not their text: the planner places annotations by quote. `page` is not
/// read. `Err` names the row (counted from 1, the header included): a row with another
/// number of cells, an offset that is not a number, a span without its start or end, empty
/// or reversed, a row without document or tag, a date that is not ISO 8601; or the header
/// missing.
pub fn read(text: &str) -> Result<Incoming, String> {
    let rows = records(text)?;
    let header = rows.first().ok_or_else(|| t!("read-csv-empty"))?;
    if header.len() < HEADER.len() || header[..HEADER.len()] != HEADER {
        return Err(t!("read-csv-no-header", header = HEADER.join(",")));
    }
    let width = header.len();
    let more = PROVENANCE.map(|c| header.iter().position(|h| h == c));
    let mut documents: Vec<InDoc> = Vec::new();
    let mut codes: Vec<InCode> = Vec::new();
    let mut annotations: Vec<InAnnotation> = Vec::new();
    let mut seen: HashMap<[&str; 8], usize> = HashMap::new();
    let mut assignment = None;
    for (i, cells) in rows.iter().enumerate().skip(1) {
        let n = i + 1;
        if cells.len() != width {
            return Err(t!(
                "read-csv-width",
                row = n.to_string(),
                cells = cells.len().to_string(),
                width = width.to_string()
            ));
        }
        let row = Row { n, cells, more };
        let doc = row.get("document");
        let tag = row.get("tag");
        if doc.is_empty() {
            return Err(t!("read-csv-no-document", row = n.to_string()));
        }
        if tag.is_empty() {
            return Err(t!("read-csv-no-tag", row = n.to_string()));
        }
        let (start, end) = (row.offset("start")?, row.offset("end")?);
        let quote = undefuse(row.get("quote"));
        let whole = match (start, end) {
            (Some(s), Some(e)) if s < e => false,
            (Some(s), Some(e)) => {
                return Err(t!(
                    "read-csv-span-reversed",
                    row = n.to_string(),
                    start = s.to_string(),
                    end = e.to_string()
                ))
            }
            (None, None) if quote.is_empty() => true,
            _ => return Err(t!("read-csv-half-span", row = n.to_string())),
        };
        let created = row.get("created");
        let created_ms = if created.is_empty() {
            None
        } else {
            Some(parse_iso8601(created).ok_or_else(|| {
                t!(
                    "read-csv-bad-date",
                    row = n.to_string(),
                    value = &*clip(created, 80)
                )
            })?)
        };
        if !documents.iter().any(|d| d.key == doc) {
            documents.push(InDoc {
                key: doc.to_string(),
                id: Some(doc.to_string()),
                title: Some(undefuse(row.get("document_title")).to_string())
                    .filter(|t| !t.is_empty()),
                sha256: Some(row.get("document_sha256"))
                    .filter(|h| !h.is_empty())
                    .map(str::to_ascii_lowercase),
                ..InDoc::default()
            });
        }
        if crate::codebook::tag(tag).is_none() && !codes.iter().any(|c| c.key == tag) {
            let label = undefuse(row.get("tag_label"));
            codes.push(InCode {
                key: tag.to_string(),
                guid: tag
                    .strip_prefix(crate::codes::OWN_PREFIX)
                    .filter(|u| is_uuid(u))
                    .map(str::to_ascii_lowercase),
                name: if label.is_empty() { tag } else { label }.to_string(),
                ..InCode::default()
            });
        }
        let (note, annotator) = (undefuse(row.get("note")), undefuse(row.get("annotator")));
        let key = [
            doc,
            row.get("start"),
            row.get("end"),
            quote,
            note,
            annotator,
            created,
            row.get("annotator_id"),
        ];
        if let Some(&at) = seen.get(&key) {
            let tags = &mut annotations[at].tags;
            if !tags.iter().any(|t| t == tag) {
                tags.push(tag.to_string());
            }
            continue;
        }
        seen.insert(key, annotations.len());
        annotations.push(InAnnotation {
            doc_key: doc.to_string(),
            start,
            end,
            quote: (!whole).then(|| quote.to_string()),
            tags: vec![tag.to_string()],
            note: note.to_string(),
            created: created_ms,
            updated: None,
            annotator: Some(annotator.to_string()).filter(|a| !a.is_empty()),
            annotator_id: Some(undefuse(row.get("annotator_id")).to_string())
                .filter(|a| !a.is_empty()),
            origin: crate::annotation::Origin::parse(row.get("origin")),
            whole_document: whole,
            ..InAnnotation::default()
        });
        let id = undefuse(row.get("assignment"));
        if assignment.is_none() && !id.is_empty() {
            assignment = Some(id.to_string());
        }
    }
    Ok(Incoming {
        handout: None,
        annotator_id: None,
        assignment,
        format: Format::Csv,
        annotator: None,
        documents,
        annotations,
        codes,
        notes: Vec::new(),
    })
}

/// True for a hyphenated UUID: 8-4-4-4-12 hex digits.
fn is_uuid(s: &str) -> bool {
    s.len() == 36
        && s.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}
