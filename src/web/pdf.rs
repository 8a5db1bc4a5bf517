//! Reading PDFs in the browser through pdf.js, loaded from the app's own origin only when
//! the user opens a PDF (see `src/extract/` for how its text items become text and pages).

use crate::extract::Extracted;

/// Reads a PDF's text and page starts. `Err` is the message to show, naming the file.
pub async fn extract(name: &str, bytes: &[u8]) -> Result<Extracted, String> {
    let _ = bytes;
    Err(format!(
        "“\u{2068}{name}\u{2069}” was not opened: PDFs cannot be read yet; only plain text (.txt) and Markdown (.md) files can be annotated."
    ))
}
