//! CSV: one row per annotation and tag, UTF-8 with a byte order mark so that spreadsheets
//! read accents, and quoting per RFC 4180 (commas, quotes and line breaks inside fields).
//!
//! A cell that a spreadsheet would run as a formula (starting with `=`, `+`, `@`, a tab or a
//! carriage return, or `-` directly followed by something other than a space) is prefixed
//! with an apostrophe, as OWASP advises: a file from a classmate must not run formulas.

use super::time::iso8601;
use super::ExportScope;

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

/// Writes the table.
pub fn write(scope: &ExportScope) -> String {
    let mut out = String::from("\u{feff}");
    record(&mut out, HEADER);
    for d in &scope.documents {
        for a in scope.of(&d.id) {
            for t in &a.tags {
                let label = scope
                    .codebook
                    .code(t)
                    .map(|c| c.label())
                    .unwrap_or_default();
                let row = [
                    d.id.clone(),
                    defuse(&d.title),
                    a.start.0.to_string(),
                    a.end.0.to_string(),
                    d.page_of(a.start)
                        .map(|p| p.to_string())
                        .unwrap_or_default(),
                    defuse(&a.quote),
                    t.clone(),
                    label,
                    defuse(&a.note),
                    defuse(&a.annotator),
                    iso8601(a.created),
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

// The crate that reads the output back is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::record;

    #[test]
    fn records_quote_only_what_rfc_4180_needs_and_read_back() {
        let rows: [&[&str]; 5] = [
            &["plain", "a,b", "say \"hi\"", "two\r\nlines", "", "é"],
            &[""],
            &["only\nLF", "x"],
            &["only\rCR"],
            &["", ""],
        ];
        let mut out = String::new();
        for row in rows {
            record(&mut out, row.iter());
        }
        // The same bytes as the csv crate's writer (which the app used before).
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .flexible(true)
            .from_writer(Vec::new());
        for row in rows {
            w.write_record(row).unwrap();
        }
        assert_eq!(out.as_bytes(), w.into_inner().unwrap());
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(out.as_bytes());
        let back: Vec<Vec<String>> = r
            .records()
            .map(|x| x.unwrap().iter().map(String::from).collect())
            .collect();
        let want: Vec<Vec<String>> = rows
            .iter()
            .map(|row| row.iter().map(|s| s.to_string()).collect())
            .collect();
        assert_eq!(back, want);
    }
}
