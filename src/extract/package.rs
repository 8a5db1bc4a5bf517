//! The zip archive that a Word or OpenDocument file is: its directory and each needed
//! part's raw bytes (the browser inflates them), the limits that stop a zip bomb, and the
//! checks made on a part's XML before it is parsed.

use std::io::{Cursor, Read};
use zip::{CompressionMethod, ZipArchive};

/// The most that the parts read from one archive may inflate to, in bytes, all parts
/// together: 100 MB. A document's text is at most 10 MB
/// ([`crate::extract::MAX_DOCUMENT_BYTES`]) and Word's XML around it is rarely more than
/// ten times as large, while a zip bomb inflates a few hundred kilobytes to gigabytes.
/// Inflating stops at this limit, whatever the archive's directory claims.
pub const MAX_INFLATED_BYTES: u64 = 100_000_000;

/// The message shown when a file is refused: it names the file (in bidi isolates, as every
/// message does) and says why.
pub fn refusal(name: &str, reason: &str) -> String {
    format!("“\u{2068}{name}\u{2069}” was not opened: {reason}.")
}

/// How a part's bytes are stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// As they are.
    Stored,
    /// Deflated (RFC 1951), to be inflated by the reader.
    Deflated,
}

/// One part of an archive, as stored.
#[derive(Clone, Debug)]
pub struct Part {
    /// How `data` is stored.
    pub method: Method,
    /// The bytes as stored in the archive.
    pub data: Vec<u8>,
}

/// An open archive (its central directory read).
pub struct Package<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    /// Bytes that inflating may still produce ([`MAX_INFLATED_BYTES`] at first).
    left: u64,
}

impl<'a> Package<'a> {
    /// Reads the archive's directory. `Err` is the reason to show (the file is not a zip
    /// archive, or a broken one).
    pub fn open(bytes: &'a [u8]) -> Result<Package<'a>, String> {
        let zip = ZipArchive::new(Cursor::new(bytes))
            .map_err(|_| "it is not a zip archive, or a damaged one".to_string())?;
        Ok(Package {
            zip,
            left: MAX_INFLATED_BYTES,
        })
    }

    /// The part with this name as stored, `None` when the archive has none. `Err` is the
    /// reason to show: the part is encrypted, uses a compression method other than
    /// deflate, or cannot be read.
    pub fn part(&mut self, name: &str) -> Result<Option<Part>, String> {
        let Some(i) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let mut file = self
            .zip
            .by_index_raw(i)
            .map_err(|_| format!("its part {name} cannot be read"))?;
        if file.encrypted() {
            return Err("it is encrypted".into());
        }
        let method = match file.compression() {
            CompressionMethod::Stored => Method::Stored,
            m if m == CompressionMethod::DEFLATE => Method::Deflated,
            _ => {
                return Err(format!(
                    "its part {name} is compressed in a way that Word and OpenDocument do not use"
                ))
            }
        };
        let mut data = Vec::new();
        file.read_to_end(&mut data)
            .map_err(|_| format!("its part {name} cannot be read"))?;
        Ok(Some(Part { method, data }))
    }

    /// How many bytes the next part may inflate to: what is left of
    /// [`MAX_INFLATED_BYTES`].
    pub fn budget(&self) -> u64 {
        self.left
    }

    /// Counts a part's inflated size against the limit. `Err` is the reason to show (a zip
    /// bomb) when the parts together inflate past [`MAX_INFLATED_BYTES`]; an inflater that
    /// stopped at [`Package::budget`] reports one byte more than it.
    pub fn spend(&mut self, inflated: u64) -> Result<(), String> {
        if inflated > self.left {
            return Err(zip_bomb());
        }
        self.left -= inflated;
        Ok(())
    }
}

/// The reason given for a zip bomb.
pub fn zip_bomb() -> String {
    format!(
        "it inflates to more than {} MB (a zip bomb?)",
        MAX_INFLATED_BYTES / 1_000_000
    )
}

/// A part's XML as text, checked before it is parsed. `Err` is the reason to show: the
/// part is not UTF-8 (Word and OpenDocument write UTF-8), or it declares a document type
/// or entities, which neither ever does and which an entity-expansion bomb needs.
pub fn xml_text(name: &str, bytes: Vec<u8>) -> Result<String, String> {
    let mut text =
        String::from_utf8(bytes).map_err(|_| format!("its part {name} is not UTF-8 XML"))?;
    if text.starts_with('\u{feff}') {
        text.remove(0);
    }
    if text.contains("<!DOCTYPE") || text.contains("<!ENTITY") {
        return Err(format!(
            "its part {name} declares a document type or entities, which Word and OpenDocument never do"
        ));
    }
    Ok(text)
}

/// The reason given when a part's XML does not parse.
pub fn malformed(name: &str) -> String {
    format!("its part {name} is malformed XML")
}

/// Inflates a part natively, stopping one byte past `limit` (a test stand-in for the
/// browser's `DecompressionStream`).
#[cfg(all(test, not(target_arch = "wasm32")))]
pub fn inflate_native(part: &Part, limit: u64) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    match part.method {
        Method::Stored => out.extend(part.data.iter().take(limit as usize + 1)),
        Method::Deflated => {
            flate2::read::DeflateDecoder::new(&part.data[..])
                .take(limit + 1)
                .read_to_end(&mut out)
                .map_err(|_| "a part is damaged".to_string())?;
        }
    }
    Ok(out)
}
