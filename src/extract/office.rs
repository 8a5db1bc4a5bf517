//! The steps of reading a Word or OpenDocument file, shared by the browser shell and the
//! native tests: which parts to read, the reason given when one is missing, and the text
//! of the parts once parsed. Inflating and parsing XML are the shell's (the browser's own
//! `DecompressionStream` and `DOMParser`).

use super::docx::{self, DocxParts};
use super::odt::{self, OdtParts};
use super::tree::Element;
use super::{Extracted, Kind};

/// The first bytes of an OLE compound file: what Word writes for a password-protected
/// document (ECMA-376 part 2 has no encryption of its own; MS-OFFCRYPTO wraps the zip in
/// one), and what an old `.doc` is.
const COMPOUND_FILE: &[u8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";

/// The reason to refuse a Word or OpenDocument file before its zip is opened, if any.
pub fn precheck(bytes: &[u8]) -> Option<String> {
    if bytes.starts_with(COMPOUND_FILE) {
        return Some(t!("read-password"));
    }
    None
}

/// The parts to read, in order: the main part (which must be there) and the others (read
/// when there).
pub fn parts(kind: Kind) -> (&'static str, &'static [&'static str]) {
    match kind {
        Kind::Odt => ("content.xml", &["styles.xml"]),
        _ => (
            "word/document.xml",
            &[
                "word/footnotes.xml",
                "word/endnotes.xml",
                "word/numbering.xml",
            ],
        ),
    }
}

/// The reason given when the main part is missing.
pub fn no_main_part(kind: Kind) -> String {
    let (main, _) = parts(kind);
    let kind = if kind == Kind::Odt { "odt" } else { "docx" };
    t!("read-no-main-part", part = main, kind = kind)
}

/// The text of the parsed parts, by name (the main part first). The rules are in
/// [`docx`] and [`odt`].
pub fn assemble(kind: Kind, mut parsed: Vec<(&str, Element)>) -> Extracted {
    let mut take = |name: &str| {
        parsed
            .iter()
            .position(|(n, _)| *n == name)
            .map(|i| parsed.swap_remove(i).1)
    };
    match kind {
        Kind::Odt => odt::extract(&OdtParts {
            content: take("content.xml").unwrap_or_default(),
            styles: take("styles.xml"),
        }),
        _ => docx::extract(&DocxParts {
            document: take("word/document.xml").unwrap_or_default(),
            footnotes: take("word/footnotes.xml"),
            endnotes: take("word/endnotes.xml"),
            numbering: take("word/numbering.xml"),
        }),
    }
}

/// Reads a Word or OpenDocument file natively, as the shell does in the browser (a test
/// stand-in). `Err` is the whole message, naming the file.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub fn read_native(kind: Kind, name: &str, bytes: &[u8]) -> Result<Extracted, String> {
    use super::package::{self, refusal, Package};
    let fail = |reason: String| refusal(name, &reason);
    if let Some(reason) = precheck(bytes) {
        return Err(fail(reason));
    }
    let mut zip = Package::open(bytes).map_err(fail)?;
    let (main, others) = parts(kind);
    let mut parsed = Vec::new();
    for part_name in std::iter::once(&main).chain(others) {
        let Some(part) = zip.part(part_name).map_err(fail)? else {
            if *part_name == main {
                return Err(fail(no_main_part(kind)));
            }
            continue;
        };
        let inflated = package::inflate_native(&part, zip.budget()).map_err(fail)?;
        zip.spend(inflated.len() as u64).map_err(fail)?;
        let xml = package::xml_text(part_name, inflated).map_err(fail)?;
        let tree =
            super::tree::parse_xml(&xml).map_err(|e| match e == super::tree::too_deep() {
                true => fail(e),
                false => fail(package::malformed(part_name)),
            })?;
        parsed.push((*part_name, tree));
    }
    Ok(assemble(kind, parsed))
}
