//! brat standoff (<https://brat.nlplab.org/standoff.html>): export as a zip of one `.txt`
//! and one `.ann` per document with the `annotation.conf` and `visual.conf` that declare
//! every code, and import of `.ann` + `.txt` pairs. brat calls a code an *entity type* and a
//! tagged passage a *text-bound annotation* (`T` line).
//!
//! **Types.** brat type names are written in `annotation.conf` and must be plain tokens
//! (letters, digits, `_`, `-`). A GCM tag's type is its id as is (`objective-17`,
//! `principle-human-rights`). An own code's type is an ASCII slug of its name (other
//! characters become `_`, at most 24 of them, `code` when none is left), `_`, and the UUID of
//! its id ([`crate::codes::OwnCode::uuid`]): `Actor_type_0f8e…`. The UUID is what reads the
//! type back to the same code (as [`InCode::guid`]); `visual.conf` gives every type its
//! name as label (a `|` in a name is written `¦`, tabs and line breaks as spaces, since both
//! separate labels there) and its colour as `bgColor:#rrggbb`, so that brat shows names, not
//! types. Nesting is brat's: a sub-code is indented by a tab under its parent in
//! `annotation.conf` (an own code under a GCM tag, or under another own code). A code's
//! description, and an annotation's annotator and dates, have no place in brat and are not
//! written.
//!
//! **Documents.** A document's files are named by its title ([`super::slugify`]; `-2`,
//! `-3`… after a title already taken); the import titles a document by its file's stem.
//!
//! **Spans.** One `T` line per tag: `T1\t<type> <start> <end>\t<quote>`, offsets in Unicode
//! code points of the `.txt`, as brat's server (Python 3) counts them. A span that crosses a
//! line end is written as fragments `s e;s e`, one per line, none holding `\r` or `\n`
//! (brat cannot draw a span across lines); the quote is then the fragments' texts joined by
//! a space, as brat writes it. A note is `#1\tAnnotatorNotes T1\t<note>` on the first `T`
//! line of its annotation; a note's line breaks become spaces (a `.ann` line cannot hold
//! them).
//!
//! **How brat counts.** brat's web client counts offsets in UTF-16 code units (JavaScript
//! strings): a passage marked in the browser after a character outside the Basic
//! Multilingual Plane (an emoji, a CJK extension character) is saved one further per such
//! character before it, and an exported passage is drawn one earlier (brat issue #1115).
//! brat's server reads a `.txt` with universal newlines, so that a CRLF counts as one
//! character there (brat issue #853): in a text with CRLF line ends, brat draws an exported
//! passage one earlier per line end before it. Exports here stay in code points of the text
//! exactly as the document has it (what Python's `text[s:e]` and INCEpTION read); a text with
//! CRLF line ends is best given LF ends before it goes to brat. On import, a `.ann` whose
//! lines do not match the text in code points but all match it counted as brat does (a CRLF
//! as one, UTF-16, or both) is read so, and the import's summary says which.
//!
//! **Whole-document tags.** brat has no annotation of a whole document. They are written to
//! `document-tags.tsv` beside the pairs (`document`, `types` separated by spaces, `note`;
//! brat ignores the file) and read back from it.
//!
//! **Makers.** brat has no metadata: an `AnnotatorNotes` line is the user's note, and a
//! `#` line of another kind is read by brat as a note too. Who made what goes in
//! [`ANNOTATORS`] beside the pairs instead, which brat ignores as it ignores
//! `document-tags.tsv`: a header, one row for the file (`document` and `annotation` empty:
//! the exporter's name and id, and the assignment's id) and one per passage (its document's
//! stem, the id of its first `T` line, its maker's name and id, its origin). A tag of a whole
//! document takes the file's maker.
//!
//! **Import.** A `T` line becomes an annotation; `T` lines of the same span merge into one
//! annotation with several tags. Fragments join into one span from the first start to the
//! last end when only white space with a line break (or nothing) lies between them; a
//! discontinuous span (other text between its fragments) becomes one passage per fragment,
//! and the summary says how many. Of the types `annotation.conf` declares, those used, this
//! app's own codes (a UUID in the type) and their parents become codes; another tool's unused
//! types do not. Relations (`R`), events (`E`), attributes (`A`, `M`),
//! normalizations (`N`), equivalences (`*`) and other `#` notes are skipped and counted in
//! the summary.

use super::{ExportScope, Options};
use crate::codes::{Code, Codebook};

#[path = "brat_read.rs"]
mod read;
pub use read::read;

/// The file that carries whole-document tags beside the `.txt`/`.ann` pairs.
pub const DOCUMENT_TAGS: &str = "document-tags.tsv";
/// Who made each passage (see the module doc), beside the pairs; brat ignores it.
pub const ANNOTATORS: &str = "annotators.tsv";
/// The header of [`ANNOTATORS`].
pub const ANNOTATORS_HEADER: &str =
    "document\tannotation\tannotator\tannotator_id\torigin\tassignment\n";

/// The most characters of a name kept in an own code's type, before its UUID.
const TYPE_SLUG_MAX: usize = 24;

/// The brat type of a code id: a GCM tag's id as is; an own code's name slug, `_` and UUID;
/// any other id with the characters brat does not take replaced by `_`.
pub fn type_of(codebook: &Codebook, id: &str) -> String {
    match codebook.code(id) {
        Some(Code::Gcm(t)) => t.id.to_string(),
        // Own ids are `code-<uuid>`; token() all the same, so that no id breaks a T line.
        Some(Code::Own(c)) => token(&format!("{}_{}", type_slug(&c.name), c.uuid())),
        None => token(id),
    }
}

/// An ASCII slug of a name for a type: letters and digits kept, runs of anything else one
/// `_`, at most [`TYPE_SLUG_MAX`] characters, `code` when nothing is left.
fn type_slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if out.len() >= TYPE_SLUG_MAX {
            break;
        }
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    let out = out.trim_end_matches('_');
    if out.is_empty() {
        "code".into()
    } else {
        out.to_string()
    }
}

/// `id` with every character but ASCII letters, digits, `_` and `-` replaced by `_`.
fn token(id: &str) -> String {
    let t: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if t.is_empty() {
        "code".into()
    } else {
        t
    }
}

/// The UUID at the end of a type written by [`type_of`] for an own code (lowercase), if any.
pub fn uuid_of_type(ty: &str) -> Option<String> {
    let (_, tail) = ty.rsplit_once('_')?;
    let parts: Vec<&str> = tail.split('-').collect();
    let shape = [8, 4, 4, 4, 12];
    let ok = parts.len() == 5
        && parts
            .iter()
            .zip(shape)
            .all(|(p, n)| p.len() == n && p.bytes().all(|b| b.is_ascii_hexdigit()));
    ok.then(|| tail.to_ascii_lowercase())
}

/// A text on one line: tabs, CR and LF (CRLF as one) each become a space.
fn one_line(s: &str) -> String {
    s.replace("\r\n", " ").replace(['\r', '\n', '\t'], " ")
}

/// The fragments of `[start, end)` (code points, into `chars`) that hold no `\r` or `\n`:
/// the span cut at line ends, empty pieces dropped; the span whole if nothing is left.
pub fn fragments(chars: &[char], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = start;
    for (i, c) in chars.iter().enumerate().take(end).skip(start) {
        if matches!(c, '\r' | '\n') {
            if i > from {
                out.push((from, i));
            }
            from = i + 1;
        }
    }
    if end > from {
        out.push((from, end));
    }
    if out.is_empty() {
        out.push((start, end));
    }
    out
}

/// Writes the brat export: a stored zip ([`super::zip::store`]) of `annotation.conf`,
/// `visual.conf`, per document `<stem>.txt` (the text exactly, UTF-8) and `<stem>.ann`
/// (stems from [`super::slugify`] of the title, `-2`, `-3`… when two are the same), and
/// [`DOCUMENT_TAGS`] when a document has whole-document tags, and [`ANNOTATORS`] (the
/// exporter of `opts`, the assignment, each passage's maker). `Err` when the archive cannot
/// be written (over 65,535 files or 4 GB).
pub fn write(scope: &ExportScope, opts: Options) -> Result<Vec<u8>, String> {
    let mut makers = format!(
        "{ANNOTATORS_HEADER}\t\t{}\t{}\t\t{}\n",
        one_line(opts.annotator),
        one_line(opts.annotator_id),
        one_line(opts.assignment.unwrap_or_default())
    );
    let codebook = scope.codebook;
    let mut entries: Vec<(String, Vec<u8>)> = vec![
        (
            "annotation.conf".into(),
            annotation_conf(scope).into_bytes(),
        ),
        ("visual.conf".into(), visual_conf(scope).into_bytes()),
    ];
    let mut stems: Vec<String> = Vec::new();
    let mut whole = String::new();
    for d in &scope.documents {
        let base = super::slugify(&d.title);
        let mut stem = base.clone();
        let mut n = 1;
        while stems.contains(&stem) {
            n += 1;
            stem = format!("{base}-{n}");
        }
        stems.push(stem.clone());
        let text = d.text.as_str();
        let chars: Vec<char> = text.chars().collect();
        let mut ann = String::new();
        let (mut t, mut hash) = (0, 0);
        for a in scope.of(&d.id) {
            if a.whole_document {
                let types: Vec<String> = a.tags.iter().map(|x| type_of(codebook, x)).collect();
                whole.push_str(&format!(
                    "{stem}\t{}\t{}\n",
                    types.join(" "),
                    one_line(&a.note)
                ));
                continue;
            }
            // Clamped: a stored span is within its text and not reversed, but an export
            // must not panic if one were not.
            let s = a.start.0.min(chars.len());
            let e = a.end.0.clamp(s, chars.len());
            let frags = fragments(&chars, s, e);
            let spans: Vec<String> = frags.iter().map(|(s, e)| format!("{s} {e}")).collect();
            let quote: Vec<String> = frags
                .iter()
                .map(|&(s, e)| chars[s..e].iter().collect())
                .collect();
            let (spans, quote) = (spans.join(";"), quote.join(" "));
            let first = t + 1;
            makers.push_str(&format!(
                "{stem}\tT{first}\t{}\t{}\t{}\t\n",
                one_line(&a.annotator),
                one_line(&a.annotator_id),
                a.origin.as_str()
            ));
            for tag in &a.tags {
                t += 1;
                let ty = type_of(codebook, tag);
                ann.push_str(&format!("T{t}\t{ty} {spans}\t{quote}\n"));
            }
            if !a.note.is_empty() && t >= first {
                hash += 1;
                let note = one_line(&a.note);
                ann.push_str(&format!("#{hash}\tAnnotatorNotes T{first}\t{note}\n"));
            }
        }
        entries.push((format!("{stem}.txt"), text.as_bytes().to_vec()));
        entries.push((format!("{stem}.ann"), ann.into_bytes()));
    }
    if !whole.is_empty() {
        let tsv = format!("document\ttypes\tnote\n{whole}");
        entries.push((DOCUMENT_TAGS.into(), tsv.into_bytes()));
    }
    entries.push((ANNOTATORS.into(), makers.into_bytes()));
    super::zip::store(&entries).map_err(|e| e.to_string())
}

/// The codes to declare: every code of the codebook, and any other id an annotation uses.
fn declared<'s>(scope: &'s ExportScope) -> (Vec<Code<'s>>, Vec<String>) {
    let codes: Vec<Code> = scope.codebook.codes().collect();
    let mut unknown: Vec<String> = Vec::new();
    for a in &scope.annotations {
        for t in &a.tags {
            if !scope.codebook.contains(t) && !unknown.contains(t) {
                unknown.push(t.clone());
            }
        }
    }
    (codes, unknown)
}

/// `annotation.conf`: every code an entity type, sub-codes indented by a tab under their
/// parent; the other sections empty.
fn annotation_conf(scope: &ExportScope) -> String {
    let cb = scope.codebook;
    let (codes, unknown) = declared(scope);
    let mut out = String::from(
        "# The Global Compact for Migration's objectives and guiding principles, and your own\n\
         # codes (written by GCM Annotator). A sub-code is indented under its code.\n[entities]\n",
    );
    // Top level: GCM tags, and own codes whose parent is not a code here.
    let top = codes
        .iter()
        .filter(|c| c.parent().is_none_or(|p| !cb.contains(p) || p == c.id()));
    for c in top {
        nest(cb, *c, 0, &mut out);
    }
    for u in &unknown {
        out.push_str(&token(u));
        out.push('\n');
    }
    out.push_str("\n[relations]\n\n[events]\n\n[attributes]\n");
    out
}

/// Writes `code` at `depth` tabs and its sub-codes below it.
fn nest(cb: &Codebook, code: Code, depth: usize, out: &mut String) {
    for _ in 0..depth {
        out.push('\t');
    }
    out.push_str(&type_of(cb, code.id()));
    out.push('\n');
    // A stored codebook has no cycles; the depth bound holds all the same.
    if depth > cb.own().len() {
        return;
    }
    for child in cb.children(code.id()) {
        nest(cb, Code::Own(child), depth + 1, out);
    }
}

/// A name as a `visual.conf` label: no `|` (the separator), tab or line break.
fn label(name: &str) -> String {
    one_line(name).replace('|', "¦")
}

/// `visual.conf`: every type's name as its label (a GCM tag's full label, then its badge)
/// and its colour.
fn visual_conf(scope: &ExportScope) -> String {
    let cb = scope.codebook;
    let (codes, unknown) = declared(scope);
    let mut labels = String::from("[labels]\n");
    let mut drawing = String::from("\n[drawing]\n");
    for c in &codes {
        let ty = type_of(cb, c.id());
        match c {
            Code::Gcm(t) => {
                labels.push_str(&format!("{ty} | {} | {}\n", t.export_label(), t.badge()))
            }
            Code::Own(o) => labels.push_str(&format!("{ty} | {}\n", label(&o.name))),
        }
        drawing.push_str(&format!("{ty}\tbgColor:{}\n", c.color()));
    }
    for u in &unknown {
        labels.push_str(&format!("{} | {}\n", token(u), label(u)));
    }
    labels + &drawing
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "brat_tests.rs"]
mod tests;
