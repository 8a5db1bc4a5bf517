//! Reading a REFI-QDA project's tree (`project.qde`) and codebook (`.qdc`) into the neutral
//! [`Incoming`] form.

use super::guid::{self, gcm_tag_of, normalize};
use super::spec::{lf_text, CODEBOOK_NS, PROJECT_NS};
use crate::annotation::{Millis, CONTEXT_CPS};
use crate::extract::package::Package;
use crate::extract::tree::{Element, Node};
use crate::formats::incoming::{InAnnotation, InCode, InDoc, Incoming};
use crate::formats::time::parse_iso8601;
use crate::formats::Format;
use crate::text::{Cp, DocText};
use std::collections::HashMap;

/// A project's XML, read: its users, codes, sources with their selections and codings, and
/// notes, before the sources' texts are read.
#[derive(Clone, Debug, Default)]
pub struct RefiProject {
    /// The `origin` attribute: the tool that wrote it (`ATLAS.ti 23.1`, `MAXQDA 2022`…).
    pub origin: String,
    /// The name of the user who created it, when named.
    creator: Option<String>,
    /// That user's GUID (normalised): the file's annotator id.
    creator_id: Option<String>,
    /// User GUID (normalised) → name.
    users: HashMap<String, String>,
    /// The codes that are not GCM tags, parents before children.
    codes: Vec<InCode>,
    sources: Vec<Source>,
    /// Note GUID → its text (a `Note`'s `PlainTextContent` or `Description`) and its
    /// `modifiedDateTime`.
    notes: HashMap<String, (String, Option<Millis>)>,
    /// What the reader skipped, for the import's summary.
    skipped: Vec<String>,
}

#[derive(Clone, Debug, Default)]
struct Source {
    guid: String,
    name: String,
    /// The file name after `internal://`.
    internal: Option<String>,
    inline: Option<String>,
    selections: Vec<Selection>,
    /// Codings of the whole source.
    codings: Vec<Coding>,
}

#[derive(Clone, Debug, Default)]
struct Selection {
    guid: String,
    start: usize,
    end: usize,
    creator: Option<String>,
    created: Option<Millis>,
    updated: Option<Millis>,
    description: String,
    codings: Vec<Coding>,
}

#[derive(Clone, Debug, Default)]
struct Coding {
    /// The tag: a GCM tag id or a code's GUID (its `InCode::key`).
    tag: String,
    creator: Option<String>,
    created: Option<Millis>,
    note: Option<String>,
}

/// The text of an element's character data, joined.
fn text_of(e: &Element) -> String {
    e.children
        .iter()
        .filter_map(|c| match c {
            Node::Text(t) => Some(t.as_str()),
            Node::Element(_) => None,
        })
        .collect()
}

fn check_ns(root: &Element, name: &str, ns: &str, what: &str) -> Result<(), String> {
    if root.name != name {
        return Err(t!(
            "read-refi-root",
            what = what,
            root = &*crate::text::clip(&root.name, 40),
            name = name
        ));
    }
    match root.attr("xmlns") {
        Some(n) if n.trim() == ns => Ok(()),
        Some(n) => Err(t!(
            "read-refi-namespace",
            what = what,
            found = &*crate::text::clip(n, 80),
            ns = ns
        )),
        None => Err(t!("read-refi-no-namespace", what = what, ns = ns)),
    }
}

/// Reads the codes under a `<Codes>` or `<Code>`: GCM tags (recognised by their GUIDs) into
/// `gcm`, every other code into `codes` with its parent's key (a GCM tag id when nested under
/// one; none under our own non-codable groups).
fn read_codes(
    parent: &Element,
    parent_key: Option<&str>,
    codes: &mut Vec<InCode>,
    gcm: &mut HashMap<String, &'static str>,
) -> Result<(), String> {
    for c in parent.elements().filter(|e| e.name == "Code") {
        let raw = c.attr("guid").unwrap_or_default();
        let g = normalize(raw);
        if !guid::is_uuid(&g) {
            return Err(t!(
                "read-refi-code-guid",
                code = &*crate::text::clip(c.attr("name").unwrap_or_default(), 80)
            ));
        }
        let key = if let Some(tag) = gcm_tag_of(&g) {
            gcm.insert(g.clone(), tag);
            Some(tag.to_string())
        } else if g == guid::objectives_group() || g == guid::principles_group() {
            None
        } else {
            codes.push(InCode {
                key: g.clone(),
                guid: Some(g.clone()),
                name: c.attr("name").unwrap_or_default().trim().to_string(),
                color: c.attr("color").and_then(color),
                parent: parent_key.map(str::to_string),
                description: c.child("Description").map(text_of).unwrap_or_default(),
            });
            Some(g)
        };
        read_codes(c, key.as_deref(), codes, gcm)?;
    }
    Ok(())
}

/// A code's colour as `#rrggbb`: the XSD's `RGBType` is `#RRGGBB` or `#RGB`, any case.
fn color(s: &str) -> Option<String> {
    let hex = s.trim().strip_prefix('#')?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    match hex.len() {
        6 => Some(format!("#{}", hex.to_ascii_lowercase())),
        3 => Some(hex.chars().fold("#".to_string(), |mut out, c| {
            out.push(c.to_ascii_lowercase());
            out.push(c.to_ascii_lowercase());
            out
        })),
        _ => None,
    }
}

fn date(e: &Element, name: &str) -> Option<Millis> {
    e.attr(name).and_then(parse_iso8601)
}

fn user(e: &Element, name: &str) -> Option<String> {
    e.attr(name).map(normalize)
}

/// The codings directly under `e`; `Err` for a `CodeRef` to a code the codebook lacks.
fn read_codings(
    e: &Element,
    known: &dyn Fn(&str) -> Option<String>,
) -> Result<Vec<Coding>, String> {
    let mut out = Vec::new();
    for c in e.elements().filter(|c| c.name == "Coding") {
        let target = c
            .child("CodeRef")
            .and_then(|r| r.attr("targetGUID"))
            .unwrap_or_default();
        let tag = known(&normalize(target)).ok_or_else(|| {
            t!(
                "read-refi-undeclared",
                code = &*crate::text::clip(target.trim(), 40)
            )
        })?;
        out.push(Coding {
            tag,
            creator: user(c, "creatingUser"),
            created: date(c, "creationDateTime"),
            note: c
                .elements()
                .filter(|n| n.name == "NoteRef")
                .find_map(|n| n.attr("targetGUID"))
                .map(normalize),
        });
    }
    Ok(out)
}

fn position(s: &Element, name: &str, sel: &str) -> Result<usize, String> {
    s.attr(name)
        .and_then(|v| v.trim().parse::<usize>().ok())
        .ok_or_else(|| t!("read-refi-position", selection = sel, name = name))
}

/// Reads a project's tree. `Err` is the reason to show: the root is not
/// `<Project xmlns="urn:QDA-XML:project:1.0">`, a code or selection lacks its GUID, a
/// selection's positions are not whole numbers or are reversed, a coding refers to a code
/// the codebook does not declare. Sources other than text (PDF, pictures, audio, video)
/// are skipped and counted in the summary.
pub fn read_project(root: &Element) -> Result<RefiProject, String> {
    check_ns(root, "Project", PROJECT_NS, "project")?;
    let mut p = RefiProject {
        origin: root.attr("origin").unwrap_or_default().to_string(),
        ..RefiProject::default()
    };
    if let Some(users) = root.child("Users") {
        for u in users.elements().filter(|u| u.name == "User") {
            if let (Some(g), Some(n)) = (u.attr("guid"), u.attr("name")) {
                if !n.trim().is_empty() {
                    p.users.insert(normalize(g), n.trim().to_string());
                }
            }
        }
    }
    p.creator_id = user(root, "creatingUserGUID");
    p.creator = (p.creator_id.as_ref()).and_then(|g| p.users.get(g).cloned());
    let mut gcm = HashMap::new();
    if let Some(codes) = root.child("CodeBook").and_then(|c| c.child("Codes")) {
        read_codes(codes, None, &mut p.codes, &mut gcm)?;
    }
    let own: std::collections::HashSet<String> = p.codes.iter().map(|c| c.key.clone()).collect();
    let known = |g: &str| -> Option<String> {
        gcm.get(g)
            .map(|t| t.to_string())
            .or_else(|| own.contains(g).then(|| g.to_string()))
    };
    if let Some(notes) = root.child("Notes") {
        for n in notes.elements().filter(|n| n.name == "Note") {
            let body = n
                .child("PlainTextContent")
                .or_else(|| n.child("Description"))
                .map(text_of)
                .unwrap_or_default();
            if let Some(g) = n.attr("guid") {
                p.notes
                    .insert(normalize(g), (body, date(n, "modifiedDateTime")));
            }
        }
    }
    let mut other_sources = 0;
    for s in root.child("Sources").iter().flat_map(|s| s.elements()) {
        if s.name != "TextSource" {
            other_sources += 1;
            continue;
        }
        let mut source = Source {
            guid: normalize(s.attr("guid").unwrap_or_default()),
            name: s.attr("name").unwrap_or_default().to_string(),
            internal: s.attr("plainTextPath").and_then(|path| {
                let (scheme, rest) = path.trim().split_at_checked(11)?;
                scheme
                    .eq_ignore_ascii_case("internal://")
                    .then(|| rest.to_string())
            }),
            inline: s.child("PlainTextContent").map(text_of),
            codings: read_codings(s, &known)?,
            ..Source::default()
        };
        for sel in s.elements().filter(|e| e.name == "PlainTextSelection") {
            let g = normalize(sel.attr("guid").unwrap_or_default());
            let (start, end) = (
                position(sel, "startPosition", &g)?,
                position(sel, "endPosition", &g)?,
            );
            if start > end {
                return Err(t!(
                    "read-refi-reversed",
                    selection = g,
                    source = &*crate::text::clip(&source.name, 80),
                    start = start.to_string(),
                    end = end.to_string()
                ));
            }
            source.selections.push(Selection {
                guid: g,
                start,
                end,
                creator: user(sel, "creatingUser"),
                created: date(sel, "creationDateTime"),
                updated: date(sel, "modifiedDateTime"),
                description: sel.child("Description").map(text_of).unwrap_or_default(),
                codings: read_codings(sel, &known)?,
            });
        }
        p.sources.push(source);
    }
    if other_sources > 0 {
        p.skipped
            .push(t!("read-refi-other-sources", count = other_sources));
    }
    Ok(p)
}

/// The zip entry of an `internal://` file: under `sources/` in any case.
fn entry_of<'z>(zip_names: impl Iterator<Item = &'z str>, file: &str) -> Option<&'z str> {
    zip_names.into_iter().find(|n| {
        n.len() == 8 + file.len()
            && n.get(..8)
                .is_some_and(|d| d.eq_ignore_ascii_case("sources/"))
            && n.get(8..).is_some_and(|f| f.eq_ignore_ascii_case(file))
    })
}

impl RefiProject {
    /// The zip entries holding the `internal://` texts of the sources that have no inline
    /// `PlainTextContent` (`sources/…` or `Sources/…`, any case), each once, in source order.
    /// A text that is not in the zip is not listed ([`RefiProject::into_incoming`] says so).
    pub fn sources_needed(&self, zip: &Package) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for s in self.sources.iter().filter(|s| s.inline.is_none()) {
            if let Some(e) = s.internal.as_deref().and_then(|f| entry_of(zip.names(), f)) {
                if !out.iter().any(|o| o == e) {
                    out.push(e.to_string());
                }
            }
        }
        out
    }

    /// The neutral form, given the texts that [`RefiProject::sources_needed`] named, as
    /// `(entry name, text)` ([`super::spec::source_text`]); a leading BOM of a text, inline
    /// or in a file, is dropped before positions are counted (QualCoder writes one). Each
    /// selection becomes one annotation whose tags are its codings' codes; codings of a whole
    /// source become whole-document annotations, one per creator, date and note. `Err` is
    /// the reason to show: an `internal://` text is missing, or a selection ends past its
    /// text. Selections without a coding (MAXQDA's memos) and sources whose text lies outside
    /// the zip (`relative://`, `absolute://`, REFI-QDA 1.5 §8.3) are skipped and counted in
    /// `notes`.
    pub fn into_incoming(self, texts: Vec<(String, String)>) -> Result<Incoming, String> {
        let atlas = self.origin.to_ascii_lowercase().contains("atlas");
        let mut notes = self.skipped;
        let (mut documents, mut annotations) = (Vec::new(), Vec::new());
        let (mut uncoded, mut outside, mut crlf) = (0usize, 0usize, false);
        let name_of = |g: &Option<String>| g.as_ref().and_then(|g| self.users.get(g).cloned());
        for s in self.sources {
            let title = crate::text::clip(&s.name, 80).into_owned();
            let mut text = match (&s.inline, &s.internal) {
                (Some(t), _) => t.clone(),
                (None, Some(file)) => texts
                    .iter()
                    .find(|(e, _)| entry_of(std::iter::once(e.as_str()), file).is_some())
                    .map(|(_, t)| t.clone())
                    .ok_or_else(|| t!("read-refi-no-text", source = title, file = file.as_str()))?,
                (None, None) => {
                    outside += 1;
                    continue;
                }
            };
            if text.starts_with('\u{feff}') {
                text.remove(0);
            }
            if atlas && text.contains('\r') {
                text = lf_text(&text).0;
                crlf = true;
            }
            let doc = DocText::new(text.as_str());
            let len = doc.len_cp().0;
            for sel in s.selections {
                if sel.end > len {
                    return Err(t!(
                        "read-refi-past-end",
                        selection = sel.guid,
                        source = title,
                        end = sel.end.to_string(),
                        length = len.to_string()
                    ));
                }
                if sel.codings.is_empty() {
                    uncoded += 1;
                    continue;
                }
                let (prefix, quote, suffix) = doc
                    .context(Cp(sel.start), Cp(sel.end), CONTEXT_CPS)
                    .unwrap_or_default();
                let mut tags: Vec<String> = Vec::new();
                for c in &sel.codings {
                    if !tags.contains(&c.tag) {
                        tags.push(c.tag.clone());
                    }
                }
                annotations.push(InAnnotation {
                    // A user's GUID is its annotator id (REFI-QDA has no other).
                    annotator_id: sel.creator.clone(),
                    origin: None,
                    id: Some(sel.guid),
                    doc_key: s.guid.clone(),
                    start: Some(sel.start),
                    end: Some(sel.end),
                    quote: Some(quote.to_string()),
                    prefix: prefix.to_string(),
                    suffix: suffix.to_string(),
                    tags,
                    note: sel.description,
                    created: sel.created,
                    updated: sel.updated.or(sel.created),
                    annotator: name_of(&sel.creator),
                    whole_document: false,
                });
            }
            // Codings of the whole source: one annotation per creator, date and note; the
            // note's modified date is the annotation's.
            let mut whole: Vec<InAnnotation> = Vec::new();
            for c in s.codings {
                let note = c.note.as_ref().and_then(|n| self.notes.get(n)).cloned();
                let (note, modified) = note.unwrap_or_default();
                let annotator = name_of(&c.creator);
                let same = whole.iter_mut().find(|a| {
                    (a.annotator == annotator && a.annotator_id == c.creator)
                        && (a.created == c.created && a.note == note)
                });
                match same {
                    Some(a) if !a.tags.contains(&c.tag) => a.tags.push(c.tag),
                    Some(_) => {}
                    None => whole.push(InAnnotation {
                        annotator_id: c.creator.clone(),
                        doc_key: s.guid.clone(),
                        tags: vec![c.tag],
                        note,
                        created: c.created,
                        updated: modified.or(c.created),
                        annotator,
                        whole_document: true,
                        ..InAnnotation::default()
                    }),
                }
            }
            annotations.extend(whole);
            documents.push(InDoc {
                key: s.guid,
                title: Some(s.name),
                text: Some(text),
                ..InDoc::default()
            });
        }
        if uncoded > 0 {
            notes.push(t!("read-refi-uncoded", count = uncoded));
        }
        if outside > 0 {
            notes.push(t!("read-refi-outside", count = outside));
        }
        if crlf {
            notes.push(t!("read-refi-crlf"));
        }
        Ok(Incoming {
            handout: None,
            annotator_id: self.creator_id,
            assignment: None,
            format: Format::Refi,
            annotator: self.creator,
            documents,
            annotations,
            codes: self.codes,
            notes,
        })
    }
}

/// Reads a REFI-QDA codebook (`.qdc`: `<CodeBook xmlns="urn:QDA-XML:codebook:1.0">`): its
/// codes, with their nesting, and nothing else. GCM tags, recognised by their GUIDs, are
/// not declared again. `Err` is the reason to show (wrong root or namespace, a code without
/// a GUID).
pub fn read_codebook(root: &Element) -> Result<Incoming, String> {
    check_ns(root, "CodeBook", CODEBOOK_NS, "codebook")?;
    let mut codes = Vec::new();
    if let Some(c) = root.child("Codes") {
        read_codes(c, None, &mut codes, &mut HashMap::new())?;
    }
    Ok(Incoming {
        handout: None,
        annotator_id: None,
        assignment: None,
        format: Format::Refi,
        annotator: None,
        documents: Vec::new(),
        annotations: Vec::new(),
        codes,
        notes: Vec::new(),
    })
}
