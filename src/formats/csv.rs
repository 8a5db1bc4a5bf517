//! CSV: one row per annotation and tag, UTF-8 with a byte order mark so that spreadsheets
//! read accents, and quoting per RFC 4180 (commas, quotes and line breaks inside fields).
//!
//! A cell that a spreadsheet would run as a formula (starting with `=`, `+`, `@`, a tab or a
//! carriage return, or `-` directly followed by something other than a space) is prefixed
//! with an apostrophe, as OWASP advises: a file from a classmate must not run formulas. So
//! that [`read`] can take exactly that apostrophe off again, a cell whose risky start lies
//! behind apostrophes of its own (`'=x`) gets one more (`''=x`, which a spreadsheet shows as
//! `'=x`); a cell that starts with `'` and nothing risky after (`'tis`) is written as it is.
//!
//! A whole-document tag is a row with empty `start`, `end`, `page` and `quote`. An own
//! code's row carries its id in `tag` and its name in `tag_label`.
//!
//! After [`HEADER`]'s columns come [`PROVENANCE`]'s (schema 6): the maker's id, the
//! annotation's origin and the assignment's id, then the document text's SHA-256, which a
//! reader of an older version ignores and this one reads when they are there.
//!
//! [`read`] (in `csv_read.rs`) takes back exactly what [`write`] writes.

#[path = "csv_read.rs"]
mod read;
pub use read::{read, records};

use super::time::iso8601;
use super::{ExportScope, Options};

/// The header row. `page` is the page the passage starts on, counted from 1, for a
/// document with pages (a PDF); empty otherwise.
pub const HEADER: [&str; 11] = [
    "document",
    "document_title",
    "start",
    "end",
    "page",
    "quote",
    "tag",
    "tag_label",
    "note",
    "annotator",
    "created",
];

/// The columns after [`HEADER`]: the maker's id (a UUID, empty when unknown), how the
/// annotation came to be ([`crate::annotation::Origin::as_str`]), the id of the
/// assignment the exporter worked on (empty when none), and the SHA-256 of the document's
/// UTF-8 text (lowercase hex), by which a browser that holds the same text under another id
/// recognises it, as it does for the other formats.
pub const PROVENANCE: [&str; 4] = ["annotator_id", "origin", "assignment", "document_sha256"];

/// Writes the table; `opts.assignment` fills the `assignment` column.
pub fn write(scope: &ExportScope, opts: Options) -> String {
    let mut out = String::from("\u{feff}");
    record(&mut out, HEADER.iter().chain(&PROVENANCE));
    for d in &scope.documents {
        for a in scope.of(&d.id) {
            for t in &a.tags {
                let label = scope
                    .codebook
                    .code(t)
                    .map(|c| c.export_label())
                    .unwrap_or_default();
                let (start, end, page) = if a.whole_document {
                    (String::new(), String::new(), String::new())
                } else {
                    (
                        a.start.0.to_string(),
                        a.end.0.to_string(),
                        d.page_of(a.start)
                            .map(|p| p.to_string())
                            .unwrap_or_default(),
                    )
                };
                let row = [
                    d.id.clone(),
                    defuse(&d.title),
                    start,
                    end,
                    page,
                    defuse(&a.quote),
                    t.clone(),
                    defuse(&label),
                    defuse(&a.note),
                    defuse(&a.annotator),
                    iso8601(a.created),
                    defuse(&a.annotator_id),
                    a.origin.as_str().to_string(),
                    defuse(opts.assignment.unwrap_or_default()),
                    d.text.sha256_hex().to_string(),
                ];
                record(&mut out, &row);
            }
        }
    }
    out
}

/// Appends one record to `out`: the fields separated by commas and ended by CRLF, a field
/// quoted when it holds a comma, a quote, CR or LF, with its quotes doubled (RFC 4180,
/// section 2). A record of one empty field is written `""`, so that it is not a blank line.
pub fn record<S: AsRef<str>>(out: &mut String, fields: impl IntoIterator<Item = S>) {
    let mut count = 0;
    let mut last_empty = false;
    for (i, field) in fields.into_iter().enumerate() {
        let field = field.as_ref();
        if i > 0 {
            out.push(',');
        }
        // Bytes, not chars: these ASCII bytes never occur inside a longer UTF-8 sequence.
        if field
            .bytes()
            .any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'))
        {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
        count += 1;
        last_empty = field.is_empty();
    }
    if count == 1 && last_empty {
        out.push_str("\"\"");
    }
    out.push_str("\r\n");
}

/// True when a spreadsheet would read a cell that starts so as a formula.
fn risky(cell: &str) -> bool {
    let mut chars = cell.chars();
    match chars.next() {
        Some('=' | '+' | '@' | '\t' | '\r') => true,
        Some('-') => chars.next().is_some_and(|c| c != ' '),
        _ => false,
    }
}

/// Prefixes with `'` a cell that a spreadsheet would read as a formula, after any
/// apostrophes it starts with (so that [`undefuse`] is its exact inverse).
pub fn defuse(cell: &str) -> String {
    if risky(cell.trim_start_matches('\'')) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// Takes off the `'` that [`defuse`] added, and only that: `'=1` → `=1`, `''=1` → `'=1`,
/// `'tis` stays.
pub fn undefuse(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if risky(rest.trim_start_matches('\'')) => rest,
        _ => cell,
    }
}

// The crate that reads the output back is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "csv_tests.rs"]
mod tests;
