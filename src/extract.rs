//! Text out of the documents people have: what kind a file is (by its first bytes, not only
//! its name), and what reading one gives: the text that is annotated, exported and hashed,
//! with the code-point offsets where its pages start.
//!
//! The readers of each kind live below this module (PDF through pdf.js in the browser
//! shell, Word and OpenDocument from their zip and XML, web pages through the browser's
//! `DOMParser`); they all produce an [`Extracted`].

pub mod pdf;

use crate::text::Cp;

pub mod blocks;
pub mod docx;
pub mod html;
pub mod nesting;
pub mod odt;
pub mod office;
pub mod package;
pub mod tree;

/// The largest text a document may hold, in bytes of UTF-8: 10 MB, whatever file it was
/// read from. A larger plain-text file is refused before it is read into the page, so that
/// a wrong file never freezes it.
pub const MAX_DOCUMENT_BYTES: usize = 10_000_000;

/// The kinds of file that become documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// UTF-8 plain text (`.txt`, `.text`).
    Text,
    /// Markdown (`.md`, `.markdown`), annotated as its plain text.
    Markdown,
    /// PDF, read by pdf.js.
    Pdf,
    /// Word (Office Open XML, `.docx`).
    Docx,
    /// OpenDocument text (`.odt`).
    Odt,
    /// A web page (`.html`, `.htm`).
    Html,
}

impl Kind {
    /// Every kind, in the order the file picker lists them.
    pub const ALL: [Kind; 6] = [
        Kind::Text,
        Kind::Markdown,
        Kind::Pdf,
        Kind::Docx,
        Kind::Odt,
        Kind::Html,
    ];

    /// The kind a file name's extension says (any case); `None` for other names.
    pub fn from_name(name: &str) -> Option<Kind> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Kind::Text,
            "md" | "markdown" => Kind::Markdown,
            "pdf" => Kind::Pdf,
            "docx" => Kind::Docx,
            "odt" => Kind::Odt,
            "html" | "htm" | "xhtml" => Kind::Html,
            _ => return None,
        })
    }

    /// The kind a file is, from its first bytes where they tell (a PDF's `%PDF-`, a zip's
    /// `PK`, an HTML document's `<!doctype html` or `<html`), else from its name. A file
    /// whose extension lies about its content is read as what it is. `None` when neither
    /// tells.
    ///
    /// A zip is an OpenDocument text when its first entry is `mimetype` holding
    /// `application/vnd.oasis.opendocument.text` (OpenDocument 1.3, part 2, §3.3), and
    /// Word otherwise, which its reader then checks.
    pub fn sniff(name: &str, head: &[u8]) -> Option<Kind> {
        let named = Kind::from_name(name);
        if head.starts_with(b"%PDF-") {
            return Some(Kind::Pdf);
        }
        if head.starts_with(b"PK\x03\x04") {
            const ODT: &[u8] = b"mimetypeapplication/vnd.oasis.opendocument.text";
            let odt = head.get(30..30 + ODT.len()) == Some(ODT);
            return Some(if odt { Kind::Odt } else { Kind::Docx });
        }
        let start = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
        let start: Vec<u8> = start
            .iter()
            .skip_while(|b| b.is_ascii_whitespace())
            .take(14)
            .map(u8::to_ascii_lowercase)
            .collect();
        if start.starts_with(b"<!doctype html") || start.starts_with(b"<html") {
            return Some(Kind::Html);
        }
        named
    }

    /// The IANA media type of the kind, as the library keeps it.
    pub fn media_type(self) -> &'static str {
        match self {
            Kind::Text => "text/plain",
            Kind::Markdown => "text/markdown",
            Kind::Pdf => "application/pdf",
            Kind::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Kind::Odt => "application/vnd.oasis.opendocument.text",
            Kind::Html => "text/html",
        }
    }

    /// What people call the kind, in messages and the library: "PDF", "Word document".
    pub fn label(self) -> &'static str {
        match self {
            Kind::Text => "text file",
            Kind::Markdown => "Markdown file",
            Kind::Pdf => "PDF",
            Kind::Docx => "Word document",
            Kind::Odt => "OpenDocument text",
            Kind::Html => "web page",
        }
    }

    /// The largest file of the kind that is read, in bytes: the text a document may hold
    /// is [`MAX_DOCUMENT_BYTES`] whatever the kind, but a PDF or a Word file carries much
    /// besides its text (fonts, images).
    pub fn max_file_bytes(self) -> usize {
        match self {
            Kind::Text | Kind::Markdown | Kind::Html => MAX_DOCUMENT_BYTES,
            Kind::Pdf => 200_000_000,
            Kind::Docx | Kind::Odt => 50_000_000,
        }
    }
}

/// What reading a document gives.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extracted {
    /// The text that is annotated, exported and hashed: LF line ends, paragraphs separated
    /// by a blank line.
    pub text: String,
    /// Where each page starts, in code points of `text`, in order, the first at 0; empty
    /// for a document without pages.
    pub pages: Vec<Cp>,
    /// The title the document gives itself (a web page's `<title>`), white space
    /// collapsed; `None` when it gives none, and the file's name is used.
    pub title: Option<String>,
}

/// The file a document was read from, as the library shows it and the project's JSON keeps
/// it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// The file's name, as the user's system gave it.
    pub name: String,
    /// Its IANA media type ([`Kind::media_type`]).
    pub media_type: String,
    /// Its size in bytes.
    pub size: usize,
    /// The SHA-256 of its bytes, lowercase hex (the text's own SHA-256 is the document's
    /// identity; this one tells which file it came from).
    pub sha256: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_bytes_tell_the_kind_before_the_name() {
        let odt = {
            let mut b = b"PK\x03\x04".to_vec();
            b.resize(30, 0);
            b.extend_from_slice(b"mimetypeapplication/vnd.oasis.opendocument.text");
            b
        };
        let cases: [(&str, &[u8], Option<Kind>); 10] = [
            ("a.pdf", b"%PDF-1.7\n", Some(Kind::Pdf)),
            ("lies.txt", b"%PDF-1.4", Some(Kind::Pdf)),
            ("a.docx", b"PK\x03\x04\x14\x00", Some(Kind::Docx)),
            ("a.docx", &odt, Some(Kind::Odt)),
            (
                "page.txt",
                b"\xef\xbb\xbf \n<!DOCTYPE HTML><p>x",
                Some(Kind::Html),
            ),
            ("page.HTM", b"<p>x</p>", Some(Kind::Html)),
            ("notes.MD", b"# Notes", Some(Kind::Markdown)),
            ("a.txt", b"plain", Some(Kind::Text)),
            ("a.exe", b"MZ\x90\x00", None),
            ("noext", b"", None),
        ];
        for (name, head, kind) in cases {
            assert_eq!(Kind::sniff(name, head), kind, "{name}");
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod office_tests;
