//! Writing a REFI-QDA project (`.qdpx`) and codebook (`.qdc`): the XML of `project.qde` and
//! `.qdc`, and the zip with one `.txt` per source.

use super::guid::{self, gcm_tag};
use super::spec::{lf_text, CODEBOOK_NS, PROJECT_NS};
use super::xml::{close, element, Tag};
use crate::annotation::Annotation;
use crate::codebook::{self, TagKind};
use crate::codes::{Codebook, OwnCode};
use crate::formats::{derived_uuid, time::iso8601, ExportScope, Options};
use std::collections::BTreeMap;

/// What the export's `origin` attribute says wrote it.
pub fn origin() -> String {
    format!("GCM Annotator {}", env!("CARGO_PKG_VERSION"))
}

/// The GUID of a user by name: a derived UUID of `user:<name>`.
pub fn user_guid(name: &str) -> String {
    derived_uuid(&format!("user:{name}"))
}

/// The GUID of a maker's `User` (name, annotator id): the id itself when it is a UUID
/// (lowercase), so that the file says who made what; else [`user_guid`] of the name.
fn maker_guid((name, id): (&str, &str)) -> String {
    match guid::is_uuid(id) {
        true => id.to_ascii_lowercase(),
        false => user_guid(name),
    }
}

/// The GUID of a document's source: a derived UUID of `source:<document id>`.
pub fn source_guid(doc_id: &str) -> String {
    derived_uuid(&format!("source:{doc_id}"))
}

/// The GUID of an annotation's selection: its id when that is a UUID (so that it comes back
/// as the same annotation), else a derived UUID of `selection:<id>`.
pub fn selection_guid(a: &Annotation) -> String {
    if guid::is_uuid(&a.id) {
        a.id.to_ascii_lowercase()
    } else {
        derived_uuid(&format!("selection:{}", a.id))
    }
}

/// The GUID that a code id has in exports: a GCM tag's [`gcm_tag`], an own code's UUID.
pub fn code_guid(codebook: &Codebook, id: &str) -> String {
    match codebook.own_code(id) {
        Some(c) if guid::is_uuid(c.uuid()) => c.uuid().to_ascii_lowercase(),
        Some(c) => derived_uuid(&format!("code:{}", c.id)),
        None => gcm_tag(id),
    }
}

/// Writes the `<Codes>` of a codebook: two non-codable parents, "GCM objectives" and "GCM
/// guiding principles" ([`guid::objectives_group`], [`guid::principles_group`]), holding the
/// 33 tags (named by their labels, `Objective 17: Eliminate discrimination`, described by
/// their titles); own codes nested under their parents, at the top level when they have
/// none. The XSD (`CodeType`) allows both nesting and non-codable codes; QualCoder shows a
/// non-codable code as a category and a code nested in a code as its sub-code (its
/// `refi.py`, `sub_codes`).
fn write_codes(out: &mut String, depth: usize, codebook: &Codebook) {
    Tag::open(out, depth, "Codes").start();
    for (kind, name, group) in [
        (
            TagKind::Objective,
            "GCM objectives",
            guid::objectives_group(),
        ),
        (
            TagKind::Principle,
            "GCM guiding principles",
            guid::principles_group(),
        ),
    ] {
        Tag::open(out, depth + 1, "Code")
            .attr("guid", &group)
            .attr("name", name)
            .attr("isCodable", "false")
            .start();
        for t in codebook::TAGS.iter().filter(|t| t.kind == kind) {
            let tag = Tag::open(out, depth + 2, "Code")
                .attr("guid", &gcm_tag(t.id))
                .attr("name", &t.export_label())
                .attr("isCodable", "true")
                .attr("color", &t.color.to_ascii_uppercase());
            tag.start();
            element(out, depth + 3, "Description", t.title);
            write_own_children(out, depth + 3, codebook, t.id, 0);
            close(out, depth + 2, "Code");
        }
        close(out, depth + 1, "Code");
    }
    for c in codebook.own() {
        let parent_known = c.parent.as_deref().is_some_and(|p| codebook.contains(p));
        if !parent_known {
            write_own(out, depth + 1, codebook, c, 0);
        }
    }
    close(out, depth, "Codes");
}

fn write_own_children(out: &mut String, depth: usize, codebook: &Codebook, id: &str, level: usize) {
    // A stored codebook has no cycles; the level bounds the walk all the same.
    if level > codebook.own().len() {
        return;
    }
    for c in codebook.children(id) {
        write_own(out, depth, codebook, c, level + 1);
    }
}

fn write_own(out: &mut String, depth: usize, codebook: &Codebook, c: &OwnCode, level: usize) {
    Tag::open(out, depth, "Code")
        .attr("guid", &code_guid(codebook, &c.id))
        .attr("name", &c.name)
        .attr("isCodable", "true")
        .attr("color", &c.color.to_ascii_uppercase())
        .start();
    if !c.description.is_empty() {
        element(out, depth + 1, "Description", &c.description);
    }
    write_own_children(out, depth + 1, codebook, &c.id, level);
    close(out, depth, "Code");
}

/// A codebook as a REFI-QDA `.qdc` file (Codebook XSD, `urn:QDA-XML:codebook:1.0`): the
/// codes as [`write_project`] declares them. UTF-8 XML text. `_opts` is taken as every
/// writer takes it; the Codebook XSD has no place for a date or a user.
pub fn write_codebook(codebook: &Codebook, _opts: Options) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    Tag::open(&mut out, 0, "CodeBook")
        .attr("xmlns", CODEBOOK_NS)
        .attr("origin", &origin())
        .start();
    write_codes(&mut out, 1, codebook);
    close(&mut out, 0, "CodeBook");
    out
}

/// A scope as a REFI-QDA 1.5 project (`.qdpx`): a zip holding `project.qde` (Project XSD,
/// `urn:QDA-XML:project:1.0`) and `sources/<guid>.txt`, one per document, UTF-8 without a
/// BOM, its line ends LF (CRLF and lone CR become LF; positions are shifted to match, see
/// the module doc). Every document's text is written, a seed's too whatever
/// `opts.seed_text` says: a REFI-QDA source is nothing without it.
///
/// Each annotation is a `PlainTextSelection` whose `startPosition` and `endPosition` are
/// code points of that `.txt` (REFI-QDA 1.5 §10.2), its note the `Description`, one
/// `Coding` per tag. A whole-document annotation is one `Coding` per tag on the
/// `TextSource` itself, its note a project `Note` that each of its codings refers to by
/// `NoteRef` (a `Coding` has no modified date: the `Note` keeps it). Orphans are not
/// written (they have no text to stand in); the project's JSON carries them.
///
/// The same scope and options give the same bytes. `Err` when the zip cannot be written
/// (more than 65,535 documents, or over 4 GB).
pub fn write_project(scope: &ExportScope, opts: Options) -> Result<Vec<u8>, String> {
    // Users by (name, annotator id): the GUID is the maker's id when it is a UUID.
    let mut users: BTreeMap<(&str, &str), String> = BTreeMap::new();
    let me = (opts.annotator, opts.annotator_id);
    users.insert(me, maker_guid(me));
    for a in &scope.annotations {
        let key = (a.annotator.as_str(), a.annotator_id.as_str());
        users.entry(key).or_insert_with(|| maker_guid(key));
    }
    let user_of = |a: &Annotation| users[&(a.annotator.as_str(), a.annotator_id.as_str())].clone();
    let now = iso8601(opts.now);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    Tag::open(&mut out, 0, "Project")
        .attr("xmlns", PROJECT_NS)
        .attr("name", "GCM Annotator export")
        .attr("origin", &origin())
        .attr("creatingUserGUID", &users[&me])
        .attr("creationDateTime", &now)
        .start();
    Tag::open(&mut out, 1, "Users").start();
    for ((name, _), guid) in &users {
        let tag = Tag::open(&mut out, 2, "User").attr("guid", guid);
        match name.is_empty() {
            true => tag.empty(),
            false => tag.attr("name", name).empty(),
        }
    }
    close(&mut out, 1, "Users");
    Tag::open(&mut out, 1, "CodeBook").start();
    write_codes(&mut out, 2, scope.codebook);
    close(&mut out, 1, "CodeBook");

    let mut files = Vec::with_capacity(scope.documents.len() + 1);
    let mut notes = String::new();
    if !scope.documents.is_empty() {
        Tag::open(&mut out, 1, "Sources").start();
    }
    for d in &scope.documents {
        let guid = source_guid(&d.id);
        let (txt, shift) = lf_text(d.text.as_str());
        // A position after the CR of a CRLF, before its LF: a start there keeps the LF
        // (the passage began with the line end), an end there takes it in (the passage
        // ended with the line end's CR, now the LF).
        let at = |cp: usize| cp - shift.partition_point(|&cr| cr < cp);
        let end_at = |start: usize, end: usize| match end > start
            && shift.binary_search(&(end - 1)).is_ok()
        {
            true => at(end) + 1,
            false => at(end),
        };
        Tag::open(&mut out, 2, "TextSource")
            .attr("guid", &guid)
            .attr("name", &d.title)
            .attr("plainTextPath", &format!("internal://{guid}.txt"))
            .start();
        if !d.description.is_empty() {
            element(&mut out, 3, "Description", &d.description);
        }
        let (whole, passages): (Vec<&&Annotation>, Vec<&&Annotation>) =
            scope.of(&d.id).partition(|a| a.whole_document);
        for a in passages {
            let user = &user_of(a);
            Tag::open(&mut out, 3, "PlainTextSelection")
                .attr("guid", &selection_guid(a))
                .attr("name", &crate::text::clip(&lf_text(&a.quote).0, 100))
                .attr("startPosition", &at(a.start.0).to_string())
                .attr("endPosition", &end_at(a.start.0, a.end.0).to_string())
                .attr("creatingUser", user)
                .attr("creationDateTime", &iso8601(a.created))
                .attr("modifyingUser", user)
                .attr("modifiedDateTime", &iso8601(a.updated))
                .start();
            if !a.note.is_empty() {
                element(&mut out, 4, "Description", &a.note);
            }
            write_codings(&mut out, 4, scope.codebook, a, user, None);
            close(&mut out, 3, "PlainTextSelection");
        }
        for a in whole {
            let user = &user_of(a);
            let note = (!a.note.is_empty()).then(|| derived_uuid(&format!("note:{}", a.id)));
            if let Some(g) = &note {
                Tag::open(&mut notes, 2, "Note")
                    .attr("guid", g)
                    .attr("name", &format!("Note on {}", d.title))
                    .attr("creatingUser", user)
                    .attr("creationDateTime", &iso8601(a.created))
                    .attr("modifyingUser", user)
                    .attr("modifiedDateTime", &iso8601(a.updated))
                    .start();
                element(&mut notes, 3, "PlainTextContent", &a.note);
                close(&mut notes, 2, "Note");
            }
            write_codings(&mut out, 3, scope.codebook, a, user, note.as_deref());
        }
        close(&mut out, 2, "TextSource");
        files.push((format!("sources/{guid}.txt"), txt.into_bytes()));
    }
    if !scope.documents.is_empty() {
        close(&mut out, 1, "Sources");
    }
    if !notes.is_empty() {
        Tag::open(&mut out, 1, "Notes").start();
        out.push_str(&notes);
        close(&mut out, 1, "Notes");
    }
    close(&mut out, 0, "Project");
    files.insert(0, ("project.qde".to_string(), out.into_bytes()));
    crate::formats::zip::store(&files).map_err(|e| e.to_string())
}

/// One `<Coding>` per tag of `a`, each with its `CodeRef` and, for a whole-document
/// annotation with a note, the `NoteRef` to it.
fn write_codings(
    out: &mut String,
    depth: usize,
    codebook: &Codebook,
    a: &Annotation,
    user: &str,
    note: Option<&str>,
) {
    for t in &a.tags {
        Tag::open(out, depth, "Coding")
            .attr("guid", &derived_uuid(&format!("coding:{}:{t}", a.id)))
            .attr("creatingUser", user)
            .attr("creationDateTime", &iso8601(a.created))
            .start();
        Tag::open(out, depth + 1, "CodeRef")
            .attr("targetGUID", &code_guid(codebook, t))
            .empty();
        if let Some(g) = note {
            Tag::open(out, depth + 1, "NoteRef")
                .attr("targetGUID", g)
                .empty();
        }
        close(out, depth, "Coding");
    }
}
