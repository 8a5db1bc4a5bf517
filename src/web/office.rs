//! Reading Word (.docx), OpenDocument (.odt) and web pages (.html) in the browser: their
//! zip and XML, or the browser's own `DOMParser` (see `src/extract/` for how their
//! structure becomes text).

use crate::extract::{Extracted, Kind};

/// Reads a Word, OpenDocument or HTML file's text. `Err` is the message to show, naming
/// the file.
pub async fn extract(kind: Kind, name: &str, bytes: &[u8]) -> Result<Extracted, String> {
    let _ = bytes;
    Err(format!(
        "“\u{2068}{name}\u{2069}” was not opened: {}s cannot be read yet; only plain text (.txt) and Markdown (.md) files can be annotated.",
        kind.label()
    ))
}
