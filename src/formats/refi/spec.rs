//! What the REFI-QDA standard fixes that both the writer and the reader of a project need:
//! the XML namespaces, and a source text's BOM and line ends (see the parent module's doc).

/// The namespace of a REFI-QDA project's XML (`project.qde`), Project XSD 1.0.
pub const PROJECT_NS: &str = "urn:QDA-XML:project:1.0";

/// The namespace of a REFI-QDA codebook (`.qdc`), Codebook XSD 1.0.
pub const CODEBOOK_NS: &str = "urn:QDA-XML:codebook:1.0";

/// A source's text as it is inflated: its bytes as UTF-8 (`Err` names the entry otherwise).
/// A BOM is kept here and dropped by [`crate::formats::refi::RefiProject::into_incoming`].
pub fn source_text(entry: &str, bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|_| t!("read-refi-not-utf8", entry = entry))
}

/// `text` with LF line ends (a CRLF and a lone CR become LF), and the code point index in
/// `text` of every CR that was dropped (the CR of each CRLF), ascending: a position `p` of
/// `text` is `p - (dropped CRs before p)` in the result.
pub fn lf_text(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut dropped = Vec::new();
    let mut chars = text.chars().enumerate().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\r' {
            if chars.peek().is_some_and(|(_, n)| *n == '\n') {
                dropped.push(i);
            } else {
                out.push('\n');
            }
        } else {
            out.push(c);
        }
    }
    (out, dropped)
}
