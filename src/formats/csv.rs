//! CSV: one row per annotation and tag, UTF-8 with a byte order mark so that spreadsheets
//! read accents, and quoting per RFC 4180 (commas, quotes and line breaks inside fields).
//!
//! A cell that a spreadsheet would run as a formula (starting with `=`, `+`, `@`, a tab or a
//! carriage return, or `-` directly followed by something other than a space) is prefixed
//! with an apostrophe, as OWASP advises: a file from a classmate must not run formulas.

use super::time::iso8601;
use super::ExportScope;

/// The header row.
pub const HEADER: [&str; 10] = [
    "document",
    "document_title",
    "start",
    "end",
    "quote",
    "tag",
    "tag_label",
    "note",
    "annotator",
    "created",
];

/// Writes the table.
pub fn write(scope: &ExportScope) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let _ = w.write_record(HEADER);
    for d in &scope.documents {
        for a in scope.of(&d.id) {
            for t in &a.tags {
                let label = crate::codebook::tag(t)
                    .map(|t| t.label())
                    .unwrap_or_default();
                let row = [
                    d.id.clone(),
                    defuse(&d.title),
                    a.start.0.to_string(),
                    a.end.0.to_string(),
                    defuse(&a.quote),
                    t.clone(),
                    label,
                    defuse(&a.note),
                    defuse(&a.annotator),
                    iso8601(a.created),
                ];
                let _ = w.write_record(&row);
            }
        }
    }
    let body = w.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8(body).unwrap_or_default())
}

/// Prefixes a cell that a spreadsheet would read as a formula.
pub fn defuse(cell: &str) -> String {
    let mut chars = cell.chars();
    let risky = match chars.next() {
        Some('=' | '+' | '@' | '\t' | '\r') => true,
        Some('-') => chars.next().is_some_and(|c| c != ' '),
        _ => false,
    };
    if risky {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}
