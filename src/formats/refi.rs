//! REFI-QDA (Rotterdam Exchange Format Initiative, Project Exchange 1.5): the format in which
//! NVivo, ATLAS.ti, MAXQDA and QualCoder exchange coded projects. This module owns the
//! export of a project (`.qdpx`: a zip of `project.qde` and one `.txt` per source) and of a
//! codebook (`.qdc`), and their import in phases, as the browser needs them (its inflating
//! is asynchronous): [`project_part`] names the XML to inflate, [`read_project`] reads its
//! tree, [`RefiProject::sources_needed`] names the texts to inflate, and
//! [`RefiProject::into_incoming`] makes the neutral
//! [`Incoming`](crate::formats::incoming::Incoming) form of them.
//!
//! Positions are Unicode code points of the source's plain text (REFI-QDA 1.5 §10.2), as
//! everywhere in this app.
//!
//! # Line ends and byte order marks: what the tools do, and what we do
//! - **ATLAS.ti** stores a source's `.txt` with CRLF line ends but counts each CRLF as *one*
//!   character in its positions, so that a reader counting code points of the file sees
//!   every code after the first line end shifted by one per line (QualCoder's
//!   `src/qualcoder/refi.py`, `load_text_source`: "Atlas stored correct positions … as
//!   though it is \n - one character. But the source.txt stores \r\n"; commits 5a7c3665
//!   and 56201518, January 2021, "improved ATLAS.ti text line endings importation",
//!   "line endings and code shifting").
//! - **NVivo and MAXQDA** count a CRLF as two characters, as the standard's code points do:
//!   QualCoder, whose editor holds LF only, pads each `\n` of such a text with a space to
//!   keep their positions (the same function); and its export asks whether to write CRLF
//!   for MAXQDA (`RefiLineEndings`, `add_line_ending_for_maxqda`).
//! - **QualCoder** writes its `.txt` sources with a BOM (`encoding="utf-8-sig"`, commit
//!   ff85bd3c, 2020) that its positions do not count, and strips one on import. Its PR
//!   #1312 (May 2026, `manage_files.py`) normalises CRLF and CR to LF and drops a leading
//!   BOM when a text is imported, because Qt turns CRLF into LF and a BOM adds a character:
//!   either made stored positions drift past the text.
//! - QualCoder's export names the folder `sources` in lower case, saying that ATLAS.ti
//!   rejects a project whose folder is capitalised (refi.py, the project export); NVivo
//!   writes `Sources`, MAXQDA `sources` (refi.py, `name_creating_user_create_date_source_path_helper`).
//!
//! What we **write**: `sources/<guid>.txt` (lower case, for ATLAS.ti), UTF-8 without a BOM,
//! with LF line ends: a CRLF becomes LF and a lone CR becomes LF, and every position is
//! shifted back by the CRLF pairs before it, so that positions index the `.txt` we write
//! exactly, in code points, whatever the tool's rule for CRLF. (A document whose text has
//! CRLF therefore comes back with LF line ends; its annotations keep their passages.)
//!
//! What we **accept**: `Sources/`, `sources/` or any case; `internal://` texts and inline
//! `PlainTextContent`; a leading BOM, dropped before positions are counted. A text's CRLF
//! is kept and counted as two code points (the standard, NVivo, MAXQDA), except in a
//! project whose `origin` names ATLAS.ti: there CRLF becomes LF before positions are
//! counted, which is how ATLAS.ti counted them; the import's summary says so. A source whose
//! text lies outside the zip (`relative://`, `absolute://`) and a selection without a coding
//! (MAXQDA's memos) are skipped, and the summary says how many.

pub mod guid;
mod read;
pub mod spec;
mod write;
pub mod xml;

pub use read::{read_codebook, read_project, RefiProject};
pub use spec::{lf_text, source_text, CODEBOOK_NS, PROJECT_NS};
pub use write::{
    code_guid, origin, selection_guid, source_guid, user_guid, write_codebook, write_project,
};

use crate::extract::package::Package;

/// The entry name of the project's XML in a `.qdpx` zip: `project.qde` in any case, at the
/// top level. `None` when there is none.
pub fn project_part(zip: &Package) -> Option<String> {
    zip.names()
        .find(|n| n.eq_ignore_ascii_case("project.qde"))
        .map(str::to_string)
}

/// The reason given when a `.qdpx` has no `project.qde`.
pub fn no_project() -> String {
    t!("read-missing", entry = "project.qde")
}

/// A part's XML as text, checked before it is parsed ([`crate::extract::package::xml_text`]:
/// UTF-8, a BOM dropped, no document type or entities), with a reason that speaks of
/// REFI-QDA rather than Word.
pub fn xml_text(name: &str, bytes: Vec<u8>) -> Result<String, String> {
    let has = |s: &[u8]| bytes.windows(s.len()).any(|w| w == s);
    if has(b"<!DOCTYPE") || has(b"<!ENTITY") {
        return Err(t!("read-refi-doctype", entry = name));
    }
    crate::extract::package::xml_text(name, bytes)
}

/// Reads a `.qdpx` (or a `.qdc`, by its name's extension) natively, in the phases and with
/// the budget the browser uses (a test stand-in: the browser inflates with
/// `DecompressionStream` and parses with `DOMParser`). `Err` is the reason to show.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub fn read_native(name: &str, bytes: &[u8]) -> Result<crate::formats::incoming::Incoming, String> {
    use crate::extract::package::{inflate_native, malformed};
    use crate::extract::tree::parse_xml;
    if name.to_ascii_lowercase().ends_with(".qdc") {
        let xml = xml_text("codebook", bytes.to_vec())?;
        let root = parse_xml(&xml).map_err(|_| malformed("codebook"))?;
        return read_codebook(&root);
    }
    let mut zip = Package::open(bytes)?;
    let part_name = project_part(&zip).ok_or_else(no_project)?;
    let inflate = |zip: &mut Package, entry: &str| -> Result<Vec<u8>, String> {
        let part = zip.part(entry)?.ok_or_else(no_project)?;
        let raw = inflate_native(&part, zip.budget())?;
        zip.spend(raw.len() as u64)?;
        Ok(raw)
    };
    let xml = xml_text(&part_name, inflate(&mut zip, &part_name)?)?;
    let root = parse_xml(&xml).map_err(|_| malformed(&part_name))?;
    let project = read_project(&root)?;
    let mut texts = Vec::new();
    for entry in project.sources_needed(&zip) {
        let raw = inflate(&mut zip, &entry)?;
        texts.push((entry.clone(), source_text(&entry, raw)?));
    }
    project.into_incoming(texts)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "refi_tests.rs"]
mod tests;
