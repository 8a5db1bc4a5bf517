//! The zip archive that a Word or OpenDocument file is: its directory and each needed
//! part's raw bytes (the browser inflates them), the limits that stop a zip bomb, and the
//! checks made on a part's XML before it is parsed.

#[cfg(all(test, not(target_arch = "wasm32")))]
use std::io::Read;

/// The most that the parts read from one archive may inflate to, in bytes, all parts
/// together: 100 MB. A document's text is at most 10 MB
/// ([`crate::extract::MAX_DOCUMENT_BYTES`]) and Word's XML around it is rarely more than
/// ten times as large, while a zip bomb inflates a few hundred kilobytes to gigabytes.
/// Inflating stops at this limit, whatever the archive's directory claims.
pub const MAX_INFLATED_BYTES: u64 = 100_000_000;

/// The message shown when a file is refused: it names the file (in bidi isolates, as every
/// message does) and says why.
pub fn refusal(name: &str, reason: &str) -> String {
    t!(
        "read-not-opened",
        name = crate::text::isolate(name),
        reason = reason
    )
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

/// An open archive: its central directory read (APPNOTE.TXT 6.3, §4.3.12 and §4.3.16).
///
/// Read here rather than with the `zip` crate: without its compression features that crate
/// still added about 40 KB (brotli) to the first load, over the app's budget, for the
/// few dozen lines below. Zip64 (§4.3.14) is not read: a Word or OpenDocument file under
/// the 50 MB limit never needs it.
pub struct Package<'a> {
    bytes: &'a [u8],
    /// Each entry's name, compression method, compressed size and local header offset.
    entries: Vec<(String, u16, usize, usize)>,
    /// Bytes that inflating may still produce ([`MAX_INFLATED_BYTES`] at first).
    left: u64,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

impl<'a> Package<'a> {
    /// Reads the archive's directory. `Err` is the reason to show (the file is not a zip
    /// archive, or a broken one).
    pub fn open(bytes: &'a [u8]) -> Result<Package<'a>, String> {
        let not_zip = || t!("read-not-zip");
        // The end of central directory record: 22 bytes, then a comment of up to 64 KB.
        let from = bytes.len().saturating_sub(22 + 0xffff);
        let eocd = (from..bytes.len().saturating_sub(21))
            .rev()
            .find(|&i| u32_at(bytes, i) == Some(0x0605_4b50))
            .ok_or_else(not_zip)?;
        let count = u16_at(bytes, eocd + 10).ok_or_else(not_zip)? as usize;
        let mut at = u32_at(bytes, eocd + 16).ok_or_else(not_zip)? as usize;
        let mut entries = Vec::with_capacity(count.min(4096));
        for _ in 0..count {
            if u32_at(bytes, at) != Some(0x0201_4b50) {
                return Err(not_zip());
            }
            let field = |o| u16_at(bytes, at + o).map(usize::from).ok_or_else(not_zip);
            let flags = field(8)?;
            let method = field(10)? as u16;
            let size = u32_at(bytes, at + 20).ok_or_else(not_zip)? as usize;
            let (name_len, extra_len, comment_len) = (field(28)?, field(30)?, field(32)?);
            let offset = u32_at(bytes, at + 42).ok_or_else(not_zip)? as usize;
            let name = bytes.get(at + 46..at + 46 + name_len).ok_or_else(not_zip)?;
            // Bit 0: the entry is encrypted (§4.4.4); the method is then not its data's.
            let method = if flags & 1 == 1 { u16::MAX } else { method };
            entries.push((
                std::str::from_utf8(name).unwrap_or_default().to_string(),
                method,
                size,
                offset,
            ));
            at += 46 + name_len + extra_len + comment_len;
        }
        Ok(Package {
            bytes,
            entries,
            left: MAX_INFLATED_BYTES,
        })
    }

    /// The names of the archive's entries, in the order of its central directory (a brat
    /// export is read by listing its `.ann` and `.txt` files).
    pub fn names(&self) -> impl Iterator<Item = &str> + '_ {
        self.entries.iter().map(|e| e.0.as_str())
    }

    /// The part with this name as stored, `None` when the archive has none. `Err` is the
    /// reason to show: the part is encrypted, uses a compression method other than
    /// deflate, or cannot be read.
    pub fn part(&mut self, name: &str) -> Result<Option<Part>, String> {
        let Some(&(_, method, size, offset)) = self.entries.iter().find(|e| e.0 == name) else {
            return Ok(None);
        };
        let method = match method {
            0 => Method::Stored,
            8 => Method::Deflated,
            u16::MAX => return Err(t!("read-encrypted")),
            _ => return Err(t!("read-part-compressed", part = name)),
        };
        let damaged = || t!("read-part-unreadable", part = name);
        let b = self.bytes;
        if u32_at(b, offset) != Some(0x0403_4b50) {
            return Err(damaged());
        }
        // The local header (§4.3.7): 30 bytes, then its own name and extra field.
        let name_len = u16_at(b, offset + 26).ok_or_else(damaged)? as usize;
        let extra_len = u16_at(b, offset + 28).ok_or_else(damaged)? as usize;
        let start = offset + 30 + name_len + extra_len;
        let data = b.get(start..start + size).ok_or_else(damaged)?.to_vec();
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
    t!("read-zip-bomb", mb = MAX_INFLATED_BYTES / 1_000_000)
}

/// A part's XML as text, checked before it is parsed. `Err` is the reason to show: the
/// part is not UTF-8 (Word and OpenDocument write UTF-8), or it declares a document type
/// or entities, which neither ever does and which an entity-expansion bomb needs.
pub fn xml_text(name: &str, bytes: Vec<u8>) -> Result<String, String> {
    let mut text = String::from_utf8(bytes).map_err(|_| t!("read-part-not-utf8", part = name))?;
    if text.starts_with('\u{feff}') {
        text.remove(0);
    }
    if text.contains("<!DOCTYPE") || text.contains("<!ENTITY") {
        return Err(t!("read-part-doctype", part = name));
    }
    Ok(text)
}

/// The reason given when a part's XML does not parse.
pub fn malformed(name: &str) -> String {
    t!("read-part-malformed", part = name)
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
