//! Documents: the texts a user reads and annotates, bundled seeds and the user's own.

use crate::extract::{Extracted, Kind, SourceFile};
use crate::fields::Field;
use crate::seeds::SEEDS;
use crate::text::{isolate, Cp, DocText};

/// Where a document came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Bundled with the app; cannot be renamed or deleted.
    Seed,
    /// Opened or pasted by the user; stored in the browser.
    User,
}

/// A document in the library.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// Stable id: `seed-…` for seeds, a random id for the user's documents.
    pub id: String,
    pub title: String,
    /// One line shown under the title in the library.
    pub description: String,
    pub origin: Origin,
    pub text: DocText,
    /// The file it was read from, for a document read from a PDF, Word, OpenDocument or
    /// HTML file; `None` for seeds, pasted text and plain-text files.
    pub source: Option<SourceFile>,
    /// Where each page starts, in code points of `text`, the first at 0; empty for a
    /// document without pages (see [`Document::page_of`]).
    pub pages: Vec<Cp>,
}

impl Document {
    /// The line under the title: a bundled text's is ours, so it is in the interface's
    /// language (and follows a switch); a user's document keeps its own.
    pub fn shown_description(&self) -> String {
        match self.origin {
            Origin::Seed => SEEDS
                .iter()
                .find(|s| s.id == self.id)
                .map_or_else(|| self.description.clone(), |s| s.description()),
            _ => self.description.clone(),
        }
    }

    /// The five bundled seeds as documents.
    pub fn seeds() -> Vec<Document> {
        SEEDS
            .iter()
            .map(|s| Document {
                id: s.id.to_string(),
                title: s.title.to_string(),
                description: s.description(),
                origin: Origin::Seed,
                text: DocText::new(s.text()),
                source: None,
                pages: Vec::new(),
            })
            .collect()
    }
}

pub use crate::extract::MAX_DOCUMENT_BYTES;

/// Why a file cannot become a document. Every message names the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocumentError {
    /// Not a kind of file the app reads ([`Kind`]).
    UnsupportedType { file: String },
    /// Not valid UTF-8; `at` is the byte offset of the first bad byte.
    NotUtf8 { file: String, at: usize },
    /// Starts with a UTF-16 byte order mark but is not UTF-16: an odd number of bytes, or a
    /// surrogate without its pair.
    NotUtf16 { file: String },
    /// Valid text by its encoding, but mostly control characters: a binary file
    /// ([`looks_binary`]).
    Binary { file: String },
    /// No bytes.
    Empty { file: String },
    /// Bytes, but no text once read: only white space, or a page or document with nothing
    /// that is text (a canvas, images, empty paragraphs).
    NoText { file: String },
    /// Over a limit: the file's size over [`Kind::max_file_bytes`], or its text over
    /// [`MAX_DOCUMENT_BYTES`].
    TooLarge {
        file: String,
        bytes: usize,
        limit: usize,
    },
    /// The text read out of a PDF, Word, OpenDocument or web page file over
    /// [`MAX_DOCUMENT_BYTES`] (said as its text's size: the file itself may be smaller).
    TextTooLarge {
        file: String,
        bytes: usize,
        limit: usize,
    },
}

impl std::fmt::Display for DocumentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            DocumentError::UnsupportedType { file } => t!("doc-unsupported", name = isolate(file)),
            DocumentError::NotUtf8 { file, at } => {
                t!("doc-not-utf8", name = isolate(file), at = at.to_string())
            }
            DocumentError::NotUtf16 { file } => t!("doc-not-utf16", name = isolate(file)),
            DocumentError::Binary { file } => t!("doc-binary", name = isolate(file)),
            DocumentError::Empty { file } => t!("doc-empty", name = isolate(file)),
            DocumentError::NoText { file } => t!("doc-no-text", name = isolate(file)),
            DocumentError::TooLarge { file, bytes, limit }
            | DocumentError::TextTooLarge { file, bytes, limit } => {
                let (size, limit) = size_and_limit(*bytes, *limit);
                let name = isolate(file);
                match matches!(self, DocumentError::TooLarge { .. }) {
                    true => t!("doc-too-large", name = name, size = size, limit = limit),
                    false => t!(
                        "doc-text-too-large",
                        name = name,
                        size = size,
                        limit = limit
                    ),
                }
            }
        };
        f.write_str(&text)
    }
}

impl std::error::Error for DocumentError {}

/// The text of a file that starts with a UTF-16 byte order mark (`FF FE` little-endian,
/// `FE FF` big-endian; The Unicode Standard, section 23.8): `None` when it has none, so that
/// the bytes are read as UTF-8; `Some(None)` when it is not UTF-16 (an odd number of bytes,
/// or a surrogate without its pair). The mark is dropped. Windows Notepad saved "Unicode"
/// text so until 2019, and Excel still saves "Unicode Text" so.
pub fn decode_utf16(bytes: &[u8]) -> Option<Option<String>> {
    let little = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let body = &bytes[2..];
    if body.len() % 2 != 0 {
        return Some(None);
    }
    let units = body.chunks_exact(2).map(|p| match little {
        true => u16::from_le_bytes([p[0], p[1]]),
        false => u16::from_be_bytes([p[0], p[1]]),
    });
    Some(
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .ok(),
    )
}

/// True when a text read from a file is binary data, not text: over a tenth of its first
/// 8,192 characters are C0 control characters other than tab, line feed, form feed and
/// carriage return (an executable or an image whose bytes happen to be valid UTF-8, as all
/// bytes below 0x80 are). A text with a few control characters is text, and is shown with
/// them (`tests/e2e/tests/hostile.rs`). git calls a file binary at one NUL in its first
/// 8,000 bytes; a tenth keeps such texts readable.
pub fn looks_binary(text: &str) -> bool {
    let (mut all, mut control) = (0usize, 0usize);
    for c in text.chars().take(8192) {
        all += 1;
        control += usize::from(c < ' ' && !matches!(c, '\t' | '\n' | '\u{c}' | '\r'));
    }
    control * 10 > all
}

/// A size and the limit it passes, for a refusal: `("12.3 MB", "10 MB")`; in exact bytes,
/// `("10,000,001 bytes", "10,000,000 bytes")` (grouped by the browser), when rounding would show them alike.
pub fn size_and_limit(size: usize, limit: usize) -> (String, String) {
    let (a, b) = (human_size(size), human_size(limit));
    if a != b {
        return (a, b);
    }
    let exact = |n: usize| t!("core-size-bytes", n = n);
    (exact(size), exact(limit))
}

/// A size for people: `12.3 MB`, `512 KB`, `900 bytes` (decimal units, as file managers show).
pub fn human_size(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        // Tenths of a megabyte, half to even; the browser writes the number with the
        // language's decimal mark.
        let (q, r) = (bytes / 100_000, bytes % 100_000);
        let tenths = q + usize::from(r > 50_000 || (r == 50_000 && q % 2 == 1));
        t!("core-size-mb", n = tenths as f64 / 10.0)
    } else if bytes >= 1_000 {
        t!("core-size-kb", n = bytes / 1_000)
    } else {
        t!("core-size-bytes", n = bytes)
    }
}

/// The library's line for a document read from a file: "Your PDF review.pdf, 1.2 MB,
/// 40 pages".
pub fn describe_source(source: &SourceFile, pages: usize) -> String {
    let kind = Kind::ALL
        .into_iter()
        .find(|k| k.media_type() == source.media_type)
        .map_or("file", Kind::label);
    let size = human_size(source.size);
    t!(
        "doc-source",
        kind = kind,
        name = source.name,
        size = size,
        pages = pages
    )
}

/// True for the file names the app opens as documents ([`Kind::from_name`]).
pub fn is_supported_name(name: &str) -> bool {
    Kind::from_name(name).is_some()
}

impl Document {
    /// Checks a file before its bytes are read: its kind by name, that it has bytes (an
    /// empty file of any kind is said to be empty, not handed to a reader that would call
    /// it damaged), and its size against that kind's limit ([`Kind::max_file_bytes`]).
    pub fn check_file(name: &str, size: usize) -> Result<Kind, DocumentError> {
        let Some(kind) = Kind::from_name(name) else {
            return Err(DocumentError::UnsupportedType { file: name.into() });
        };
        if size == 0 {
            return Err(DocumentError::Empty { file: name.into() });
        }
        if size > kind.max_file_bytes() {
            return Err(DocumentError::TooLarge {
                file: name.into(),
                bytes: size,
                limit: kind.max_file_bytes(),
            });
        }
        Ok(kind)
    }

    /// The page (counted from 1) that code point `at` is on; `None` for a document without
    /// pages.
    pub fn page_of(&self, at: Cp) -> Option<usize> {
        if self.pages.is_empty() {
            return None;
        }
        Some(self.pages.partition_point(|&p| p <= at).max(1))
    }

    /// The page or pages a passage `[start, end)` lies on, as a citation gives them:
    /// "p. 12", or "pp. 12–13" when it runs onto the next page; `None` for a document
    /// without pages.
    pub fn page_label(&self, start: Cp, end: Cp) -> Option<String> {
        let first = self.page_of(start)?;
        // The last code point of the passage, not the one after it.
        let last = self.page_of(Cp(end.0.saturating_sub(1).max(start.0)))?;
        Some(match last > first {
            true => format!("pp. {first}\u{2013}{last}"),
            false => format!("p. {first}"),
        })
    }

    /// Makes a user document from what was read out of a PDF, Word, OpenDocument or HTML
    /// file: titled by the title it gives itself (a web page's `<title>`), else by the
    /// file's name without its extension. Refused when the text is
    /// white space only ("it has no text to annotate") or over [`MAX_DOCUMENT_BYTES`].
    pub fn from_extracted(
        id: String,
        source: SourceFile,
        extracted: Extracted,
    ) -> Result<Document, DocumentError> {
        let name = source.name.clone();
        if extracted.text.trim().is_empty() {
            return Err(DocumentError::NoText { file: name });
        }
        if extracted.text.len() > MAX_DOCUMENT_BYTES {
            return Err(DocumentError::TextTooLarge {
                file: name,
                bytes: extracted.text.len(),
                limit: MAX_DOCUMENT_BYTES,
            });
        }
        // The title the document gives itself (a web page's `<title>`), cut to a title's
        // length; else the file's name without its extension; else the whole name.
        let own = extracted
            .title
            .as_deref()
            .map(str::trim)
            .unwrap_or_default();
        let stem = name
            .rsplit_once('.')
            .map_or(name.as_str(), |(s, _)| s)
            .trim();
        let title = if !own.is_empty() {
            Field::DocumentTitle.clip(own).0
        } else if stem.is_empty() {
            name.clone()
        } else {
            stem.into()
        };
        Ok(Document {
            id,
            title,
            description: describe_source(&source, extracted.pages.len()),
            origin: Origin::User,
            text: DocText::new(extracted.text),
            source: Some(source),
            pages: extracted.pages,
        })
    }

    /// Makes a user document from a file's bytes. The text is kept exactly as in the file
    /// (CRLF line ends included, so offsets match the file), except for a leading byte order
    /// mark, which is invisible and would otherwise be an annotatable character. The bytes
    /// are UTF-8, or UTF-16 when they start with its byte order mark ([`decode_utf16`]).
    ///
    /// `bytes` given as a `Vec` become the text without a copy: in the browser the file's
    /// bytes are already a copy in WebAssembly memory, which never shrinks.
    pub fn from_file(
        id: String,
        name: &str,
        bytes: impl Into<Vec<u8>>,
    ) -> Result<Document, DocumentError> {
        let bytes: Vec<u8> = bytes.into();
        Self::check_file(name, bytes.len())?;
        if bytes.len() > MAX_DOCUMENT_BYTES {
            return Err(DocumentError::TooLarge {
                file: name.into(),
                bytes: bytes.len(),
                limit: MAX_DOCUMENT_BYTES,
            });
        }
        let size = bytes.len();
        let mut text = match decode_utf16(&bytes) {
            Some(text) => text.ok_or_else(|| DocumentError::NotUtf16 { file: name.into() })?,
            None => String::from_utf8(bytes).map_err(|e| DocumentError::NotUtf8 {
                file: name.into(),
                at: e.utf8_error().valid_up_to(),
            })?,
        };
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        if text.trim().is_empty() {
            return Err(DocumentError::NoText { file: name.into() });
        }
        if looks_binary(&text) {
            return Err(DocumentError::Binary { file: name.into() });
        }
        let title = name
            .rsplit_once('.')
            .map_or(name, |(stem, _)| stem)
            .trim()
            .to_string();
        Ok(Document {
            id,
            title: if title.is_empty() { name.into() } else { title },
            description: t!("doc-your-file", name = name, size = human_size(size)),
            origin: Origin::User,
            text: DocText::new(text),
            source: None,
            pages: Vec::new(),
        })
    }

    /// Makes a user document from pasted text.
    pub fn from_paste(id: String, title: &str, text: &str) -> Result<Document, DocumentError> {
        let title = title.trim();
        let pasted;
        let title = if title.is_empty() {
            pasted = t!("doc-pasted");
            &pasted
        } else {
            title
        };
        if text.trim().is_empty() {
            return Err(DocumentError::NoText { file: title.into() });
        }
        if text.len() > MAX_DOCUMENT_BYTES {
            return Err(DocumentError::TooLarge {
                file: title.into(),
                bytes: text.len(),
                limit: MAX_DOCUMENT_BYTES,
            });
        }
        Ok(Document {
            id,
            title: title.into(),
            description: t!("doc-pasted-size", size = human_size(text.len())),
            origin: Origin::User,
            text: DocText::new(text),
            source: None,
            pages: Vec::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passage_is_cited_by_its_page_or_pages() {
        let mut doc = Document::from_paste("u".into(), "t", "aaaa\n\nbbbb\n\ncccc").unwrap();
        assert_eq!(doc.page_label(Cp(0), Cp(2)), None);
        doc.pages = vec![Cp(0), Cp(6), Cp(12)];
        assert_eq!(doc.page_label(Cp(0), Cp(4)).as_deref(), Some("p. 1"));
        // Ending where page 2 starts is still page 1 only.
        assert_eq!(doc.page_label(Cp(2), Cp(6)).as_deref(), Some("p. 1"));
        assert_eq!(
            doc.page_label(Cp(2), Cp(7)).as_deref(),
            Some("pp. 1\u{2013}2")
        );
        assert_eq!(doc.page_label(Cp(12), Cp(16)).as_deref(), Some("p. 3"));
    }

    #[test]
    fn a_text_file_becomes_a_document_titled_by_its_name() {
        let d = Document::from_file("u1".into(), "Notes on GCM.md", "Hello\r\nworld".as_bytes())
            .unwrap();
        assert_eq!(d.title, "Notes on GCM");
        assert_eq!(d.origin, Origin::User);
        assert_eq!(d.text.as_str(), "Hello\r\nworld"); // CRLF kept
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        let d = Document::from_file("u".into(), "a.txt", "\u{feff}abc".as_bytes()).unwrap();
        assert_eq!(d.text.as_str(), "abc");
    }

    #[test]
    fn a_file_with_a_utf16_byte_order_mark_is_read_as_utf16_either_way_round() {
        let text = "Mac line 😀\rمرحبا e\u{301}\r\nend";
        let units: Vec<u16> = text.encode_utf16().collect();
        let le: Vec<u8> = [0xFEFF]
            .iter()
            .chain(&units)
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let be: Vec<u8> = [0xFEFF]
            .iter()
            .chain(&units)
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(&le[..2], [0xFF, 0xFE]);
        for bytes in [le, be] {
            let d = Document::from_file("u".into(), "notepad.txt", bytes).unwrap();
            assert_eq!(d.text.as_str(), text);
        }
        // Without the mark, the bytes are UTF-8 (UTF-16 is never guessed).
        assert_eq!(decode_utf16("ab".as_bytes()), None);
    }

    #[test]
    fn an_extracted_text_over_the_limit_is_said_to_be_text() {
        let source = SourceFile {
            name: "bigtext.pdf".into(),
            media_type: "application/pdf".into(),
            size: 7_400_000,
            sha256: String::new(),
        };
        let extracted = Extracted {
            text: "a".repeat(11_200_000),
            pages: vec![Cp(0)],
            title: None,
        };
        let e = Document::from_extracted("u".into(), source, extracted).unwrap_err();
        assert_eq!(
            e.to_string(),
            "“\u{2068}bigtext.pdf\u{2069}” was not opened: its text is 11.2 MB, over the limit of 10 MB."
        );
    }

    /// The refusals are worded in the interface's language, with its own quotes and
    /// spaces, the file's name kept isolated; a count picks its plural form.
    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn refusals_speak_the_interface_language() {
        use crate::i18n::{native::speak, Language};
        let empty = || {
            DocumentError::Empty {
                file: "a.txt".into(),
            }
            .to_string()
        };
        speak(Language::French);
        assert_eq!(
            empty(),
            "«\u{a0}\u{2068}a.txt\u{2069}\u{a0}» n’a pas été ouvert\u{a0}: il est vide."
        );
        assert_eq!(human_size(12_345), "12 ko");
        speak(Language::Spanish);
        assert_eq!(empty(), "«\u{2068}a.txt\u{2069}» no se abrió: está vacío.");
        let doc = Document::from_paste("p".into(), " ", "uno").unwrap();
        assert_eq!(doc.title, "Texto pegado");
        speak(Language::English);
        assert_eq!(
            empty(),
            "“\u{2068}a.txt\u{2069}” was not opened: it is empty."
        );
        assert_eq!(human_size(1), "1 byte");
    }

    #[test]
    fn bad_files_are_refused_with_a_message_naming_them() {
        let e = Document::from_file("u".into(), "latin1.txt", b"caf\xe9").unwrap_err();
        assert_eq!(
            e,
            DocumentError::NotUtf8 {
                file: "latin1.txt".into(),
                at: 3
            }
        );
        assert!(e.to_string().contains("“\u{2068}latin1.txt\u{2069}”"));
        assert!(e.to_string().contains("not UTF-8"));
        // A UTF-16 byte order mark with an odd number of bytes, or a lone surrogate.
        for bytes in [&b"\xff\xfea\x00b"[..], b"\xfe\xff\xd8\x3d\x00a"] {
            let e = Document::from_file("u".into(), "notepad.txt", bytes).unwrap_err();
            assert_eq!(
                e,
                DocumentError::NotUtf16 {
                    file: "notepad.txt".into()
                }
            );
            assert!(e.to_string().contains("not valid UTF-16"), "{e}");
        }
        // Bytes below 0x80 are valid UTF-8: a binary file of them is told by its controls
        // (a tester's 00 01 02 'ELF' 00 00 00, repeated, opened as a document of boxes).
        let elf = b"\x00\x01\x02ELF\x00\x00\x00".repeat(50);
        let e = Document::from_file("u".into(), "nul.txt", elf).unwrap_err();
        assert_eq!(
            e,
            DocumentError::Binary {
                file: "nul.txt".into()
            }
        );
        assert!(e.to_string().contains("binary data"), "{e}");
        // A text with a few control characters is a text.
        let text = "bell\u{7} escape\u{1b}[31m delete\u{7f} nul\u{0} end, and more words here";
        assert!(Document::from_file("u".into(), "c.txt", text.as_bytes()).is_ok());
        // Bytes but no text: not "empty", which would read as a file that did not load.
        let e = Document::from_file("u".into(), "blank.txt", b" \n ").unwrap_err();
        assert_eq!(
            e.to_string(),
            "“\u{2068}blank.txt\u{2069}” was not opened: it has no text to annotate."
        );
        let e = Document::from_paste("u".into(), "", " \n").unwrap_err();
        assert!(
            e.to_string().ends_with("it has no text to annotate."),
            "{e}"
        );
        let source = SourceFile {
            name: "img.html".into(),
            media_type: "text/html".into(),
            size: 216,
            sha256: String::new(),
        };
        let nothing = Extracted {
            text: "\n ".into(),
            pages: Vec::new(),
            title: Some("Canvas".into()),
        };
        let e = Document::from_extracted("u".into(), source, nothing).unwrap_err();
        assert_eq!(
            e.to_string(),
            "“\u{2068}img.html\u{2069}” was not opened: it has no text to annotate."
        );
        let e = Document::from_file("u".into(), "photo.png", b"x").unwrap_err();
        assert!(e.to_string().contains("the app reads plain text (.txt)"));
        let e = Document::check_file("big.txt", MAX_DOCUMENT_BYTES + 1).unwrap_err();
        assert!(
            e.to_string()
                .contains("it is 10000001 bytes, over the limit of 10000000 bytes"),
            "{e}"
        );
        let e = Document::check_file("big.txt", 12_300_000).unwrap_err();
        assert!(
            e.to_string().contains("12.3 MB, over the limit of 10 MB"),
            "{e}"
        );
    }

    #[test]
    fn a_zero_byte_file_of_any_kind_is_refused_as_empty_before_it_is_read() {
        // As an empty .txt is, and before a PDF's reader is loaded (it said "it is not a
        // PDF, or it is too damaged to read").
        for name in [
            "empty.txt",
            "empty.md",
            "empty.pdf",
            "empty.docx",
            "empty.odt",
            "empty.html",
        ] {
            let e = Document::check_file(name, 0).unwrap_err();
            assert_eq!(
                e.to_string(),
                format!("“\u{2068}{name}\u{2069}” was not opened: it is empty.")
            );
        }
        assert!(Document::check_file("one.pdf", 1).is_ok());
        // A name the app does not read says so first.
        let e = Document::check_file("empty.png", 0).unwrap_err();
        assert!(e.to_string().contains("the app reads plain text"), "{e}");
    }

    #[test]
    fn sizes_read_like_a_file_manager() {
        assert_eq!(human_size(900), "900 bytes");
        assert_eq!(human_size(12_345), "12 KB");
        assert_eq!(human_size(5_300_000), "5.3 MB");
        // At the limit, rounding would say "10 MB, over the limit of 10 MB". (Natively the
        // digits are not grouped; the browser writes "10,000,001".)
        let (a, b) = size_and_limit(10_000_001, 10_000_000);
        assert_eq!(
            (a.as_str(), b.as_str()),
            ("10000001 bytes", "10000000 bytes")
        );
        let (a, b) = size_and_limit(12_300_000, 10_000_000);
        assert_eq!((a.as_str(), b.as_str()), ("12.3 MB", "10 MB"));
    }
}
