//! The class's annotators: loading exports into one annotator per maker (attribution by the
//! annotator id each annotation records, never by the file's owner), the refusals (another
//! assignment, a repeated file, an unreadable one), naming them apart, and the codes the
//! class used.

use crate::annotation::Annotation;
use crate::codebook;
use crate::document::Document;
use crate::formats::import::parse;
use crate::formats::incoming::Incoming;
use crate::formats::planner::Planner;
use crate::library::Library;
use crate::text::isolate;

/// One annotator's work on the document: one maker's annotations from one file.
#[derive(Clone, Debug, PartialEq)]
pub struct Annotator {
    /// The maker's name: for the file's own annotator, the file's annotator field, else the
    /// annotations', else the file name; for another maker found in the file, the name their
    /// annotations record. Made unique with a number ("Ana (2)") among those loaded.
    pub name: String,
    /// The maker's id (a UUID) when the file records one.
    pub id: Option<String>,
    /// The id of the assignment the file was made for, when it says.
    pub assignment: Option<String>,
    /// The file it came from.
    pub file: String,
    /// The maker's annotations of the document; given examples are not among them.
    pub annotations: Vec<Annotation>,
    /// The maker's annotations that could not be placed in this document.
    pub orphans: usize,
    /// Given examples (origin "given") of the document found in the file: handed out with
    /// the assignment, nobody's work, counted here and nowhere else. The file's own
    /// annotator carries the count; another maker in the same file has 0.
    pub given: usize,
    /// The own codes the file declares, as they would be made here (`code-<guid>` ids, so
    /// that a code the class shares has one id in every file).
    pub codes: Vec<crate::codes::OwnCode>,
    /// What the teacher should be told about this annotator, in the interface's language,
    /// without it being a refusal: named apart from another file's annotator with the same
    /// id and other annotations; no annotations of the document (counted as zero).
    pub notices: Vec<String>,
}

impl Annotator {
    /// The annotations, by reference, as the statistics take them.
    pub fn refs(&self) -> Vec<&Annotation> {
        self.annotations.iter().collect()
    }
}

/// The codes the class used, to compare on: the GCM's 33 in codebook order, then every
/// other code any annotator's annotations carry, in the order first met.
pub fn codes_in_use(annotators: &[Annotator]) -> Vec<String> {
    let mut out: Vec<String> = codebook::TAGS.iter().map(|t| t.id.to_string()).collect();
    for a in annotators {
        for t in a.annotations.iter().flat_map(|x| &x.tags) {
            if codebook::tag(t).is_none() && !out.contains(t) {
                out.push(t.clone());
            }
        }
    }
    out
}

/// What a code is called: a GCM tag's label, an own code's name from any annotator's file,
/// else its id.
pub fn code_label(annotators: &[Annotator], id: &str) -> String {
    if let Some(t) = codebook::tag(id) {
        return t.label();
    }
    annotators
        .iter()
        .flat_map(|a| &a.codes)
        .find(|c| c.id == id)
        .map_or_else(|| id.to_string(), |c| c.name.clone())
}

/// The library an export is planned against: the bundled documents and `doc`.
pub fn library_for(doc: &Document) -> Library {
    let mut library = Library::default();
    // Put, not added: in Compare's own module, which never fetched the seed texts, a seed
    // of the default library has no text, and the one handed over has it.
    library.put_document(doc.clone());
    library
}

/// Who made an annotation, as the import recorded it (`None` when it does not say).
fn maker(a: &Annotation) -> Option<&str> {
    Some(a.annotator_id.as_str()).filter(|id| !id.is_empty())
}

/// Whether an annotation is a given example of an assignment, nobody's work.
fn is_given(a: &Annotation) -> bool {
    a.origin == crate::annotation::Origin::Given
}

/// An id cut to its first 8 characters, enough to tell two UUIDs apart in a message.
fn short(id: &str) -> String {
    id.chars().take(8).collect()
}

/// Whether two annotators did the same work: as many annotations, each with a span and
/// tags the other has (an import's test of a duplicate, [`crate::annotation::Seen`]). Not
/// their ids: a file's annotations get new ids at each load (`<file>#<n>`), and the same
/// work exported twice has the same spans and tags under two file names.
fn same_work(a: &[Annotation], b: &[Annotation]) -> bool {
    let seen = crate::annotation::Seen::of(b.iter());
    a.len() == b.len() && a.iter().all(|x| seen.has_work(x, x.start, x.end))
}

/// One maker's share of a file, before naming.
struct Share {
    id: Option<String>,
    /// The name the file or the annotations give, if any.
    named: Option<String>,
    annotations: Vec<Annotation>,
    orphans: usize,
}

/// Loads one export of `doc` (any format import reads) as one [`Annotator`] per maker:
/// annotations are grouped by the annotator id they record (those without one go to the
/// file's annotator, whose id is the file's), so that a student's file holding the
/// teacher's key, exported with "everything", credits the key to the teacher. Given
/// examples are counted in [`Annotator::given`], not as anyone's work. The file's own
/// annotator is always there, with zero annotations if it made none of this document (a
/// notice says so); another maker is there when it made some.
///
/// A maker whose id and work (spans and tags) equal an annotator in `loaded` is left out,
/// as already counted; a maker with the id of one in `loaded` but other work is kept and
/// named apart ("Ana (2)"), with a notice naming the other file. Names are made unique
/// among `loaded` and the file's other makers.
///
/// # Errors
/// A message naming the file and the reason, and nothing is loaded: the file cannot be
/// read; it was made for another assignment than a loaded file (a file that names no
/// assignment goes with any); every maker in it repeats one already loaded (the message
/// names that file).
pub fn load_one(
    doc: &Document,
    library: &Library,
    name: &str,
    bytes: &[u8],
    loaded: &[Annotator],
) -> Result<Vec<Annotator>, String> {
    let incoming = parse(name, bytes).map_err(|e| e.to_string())?;
    load_incoming(doc, library, name, incoming, loaded)
}

/// What a file loaded into Compare is.
#[derive(Debug)]
pub enum Loaded {
    /// Annotators' work ([`load_one`]).
    Annotators(Vec<Annotator>),
    /// An assignment file, as the Export panel's form writes it: its scope, by which the
    /// students are scored ([`within_scope`]), not an annotator; and the given examples of
    /// the document it hands out, placed (nobody's work: not the students' to find).
    Handout(crate::assignment::Assignment, Vec<Annotation>),
}

/// [`load_one`], except that an assignment file (one with an `"assignment"` block) is its
/// handout, not an annotator: the teacher adds it so that students are scored only on the
/// tags it handed out.
///
/// # Errors
/// As [`load_one`]; an assignment file is refused, naming it, when the loaded files were
/// made for another assignment.
pub fn load_file(
    doc: &Document,
    library: &Library,
    name: &str,
    bytes: &[u8],
    loaded: &[Annotator],
) -> Result<Loaded, String> {
    let incoming = parse(name, bytes).map_err(|e| e.to_string())?;
    match incoming.handout.clone() {
        Some(handout) => {
            // The first file loaded for an assignment: named, as the teacher knows it.
            let ours = loaded.iter().find(|a| a.assignment.is_some());
            if !handout.documents.contains(&doc.id) {
                return Err(t!("class-handout-other-text", name = isolate(name)));
            }
            match ours {
                Some(ours) if ours.assignment.as_deref() != Some(handout.id.as_str()) => Err(t!(
                    "class-other-assignment",
                    name = isolate(name),
                    ours = isolate(&ours.file)
                )),
                _ => {
                    let mut n = 0;
                    let mut ids = || {
                        n += 1;
                        format!("{name}#{n}")
                    };
                    let plan = Planner::new(name, incoming, library, 0)
                        .run(&mut ids)
                        .map_err(|e| e.to_string())?;
                    let given = (plan.annotations.into_iter())
                        .filter(|a| a.document == doc.id && is_given(a))
                        .collect();
                    Ok(Loaded::Handout(handout, given))
                }
            }
        }
        None => load_incoming(doc, library, name, incoming, loaded).map(Loaded::Annotators),
    }
}

/// The annotators as an assignment whose scope is `tags` (tag ids) sees them: each
/// annotation keeps only its tags in scope and not given (a `given` example at the same
/// span with that tag), and one left with none is dropped. Students could not use the
/// other tags, and were handed the given examples: a key's passages of those are not
/// theirs to find.
pub fn within_scope(
    annotators: &[Annotator],
    tags: &[String],
    given: &[Annotation],
) -> Vec<Annotator> {
    (annotators.iter())
        .map(|a| {
            let annotations = (a.annotations.iter())
                .filter_map(|x| {
                    let handed = |t: &String| {
                        given
                            .iter()
                            .any(|g| (g.start, g.end) == (x.start, x.end) && g.tags.contains(t))
                    };
                    let kept: Vec<String> = (x.tags.iter())
                        .filter(|t| tags.contains(t) && !handed(t))
                        .cloned()
                        .collect();
                    (!kept.is_empty()).then(|| Annotation {
                        tags: kept,
                        ..x.clone()
                    })
                })
                .collect();
            Annotator {
                annotations,
                ..a.clone()
            }
        })
        .collect()
}

/// [`load_one`] of a file already parsed.
pub fn load_incoming(
    doc: &Document,
    library: &Library,
    name: &str,
    incoming: Incoming,
    loaded: &[Annotator],
) -> Result<Vec<Annotator>, String> {
    let mut n = 0;
    let mut ids = || {
        n += 1;
        format!("{name}#{n}")
    };
    let assignment = incoming.assignment.clone().filter(|a| !a.is_empty());
    // Named by the first file loaded for an assignment, which the teacher knows (its id
    // they never saw).
    if let (Some(theirs), Some(ours)) =
        (&assignment, loaded.iter().find(|a| a.assignment.is_some()))
    {
        if Some(theirs) != ours.assignment.as_ref() {
            return Err(t!(
                "class-other-assignment",
                name = isolate(name),
                ours = isolate(&ours.file)
            ));
        }
    }
    let file_id = incoming.annotator_id.clone().filter(|id| !id.is_empty());
    let file_name = incoming.annotator.clone();
    let plan = Planner::new(name, incoming, library, 0)
        .run(&mut ids)
        .map_err(|e| e.to_string())?;

    // Share the file out by maker, the file's own annotator first, named by the file, else
    // by its annotations of any document.
    let named = file_name.or_else(|| {
        plan.annotations
            .iter()
            .chain(&plan.orphans)
            .filter(|a| maker(a).is_none() || maker(a) == file_id.as_deref())
            .map(|a| a.annotator.trim())
            .find(|a| !a.is_empty())
            .map(String::from)
    });
    let mut shares = vec![Share {
        id: file_id.clone(),
        named,
        annotations: Vec::new(),
        orphans: 0,
    }];
    let mut given = 0;
    let share_of = |shares: &mut Vec<Share>, a: &Annotation| -> usize {
        let id = maker(a).map(String::from).or_else(|| file_id.clone());
        match shares.iter().position(|s| s.id == id) {
            Some(k) => k,
            None => {
                shares.push(Share {
                    id,
                    named: None,
                    annotations: Vec::new(),
                    orphans: 0,
                });
                shares.len() - 1
            }
        }
    };
    for a in plan
        .annotations
        .into_iter()
        .filter(|a| a.document == doc.id)
    {
        if is_given(&a) {
            given += 1;
            continue;
        }
        let k = share_of(&mut shares, &a);
        if shares[k].named.is_none() && !a.annotator.trim().is_empty() {
            shares[k].named = Some(a.annotator.trim().to_string());
        }
        shares[k].annotations.push(a);
    }
    for a in plan.orphans.iter().filter(|a| a.document == doc.id) {
        if is_given(a) {
            given += 1;
        } else {
            let k = share_of(&mut shares, a);
            shares[k].orphans += 1;
        }
    }
    // A file that names no maker of its own, whose annotations all name theirs: no empty
    // annotator for it.
    if shares.len() > 1 && shares[0].id.is_none() && shares[0].annotations.is_empty() {
        shares.remove(0);
    }

    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s).to_string();
    let mut out: Vec<Annotator> = Vec::new();
    let mut repeats: Option<&Annotator> = None;
    for (k, share) in shares.into_iter().enumerate() {
        // The same maker (by id; without ids, by name) and the same work: already counted.
        let base = share.named.clone().unwrap_or_else(|| match (&share.id, k) {
            (Some(id), k) if k > 0 => short(id),
            _ => stem.clone(),
        });
        let same_maker = |a: &&Annotator| match (&share.id, &a.id) {
            (Some(x), Some(y)) => x == y,
            (None, None) => a.name == base || a.name.starts_with(&format!("{base} (")),
            _ => false,
        };
        let mut notices = Vec::new();
        if let Some(same) = loaded
            .iter()
            .filter(same_maker)
            .find(|a| same_work(&share.annotations, &a.annotations) && a.orphans == share.orphans)
        {
            repeats.get_or_insert(same);
            continue;
        }
        if let Some(other) = loaded.iter().filter(same_maker).find(|a| a.id.is_some()) {
            notices.push(t!(
                "class-named-apart",
                name = isolate(name),
                annotator = isolate(&base),
                other = isolate(&other.file)
            ));
        }
        if share.annotations.is_empty() && share.orphans == 0 {
            notices.push(t!(
                "class-none-of",
                name = isolate(name),
                title = isolate(&doc.title),
                annotator = isolate(&base)
            ));
        }
        let taken = |u: &str| loaded.iter().chain(&out).any(|a| a.name == u);
        let mut unique = base.clone();
        let mut n = 2;
        while taken(&unique) {
            unique = format!("{base} ({n})");
            n += 1;
        }
        out.push(Annotator {
            name: unique,
            id: share.id,
            assignment: assignment.clone(),
            file: name.to_string(),
            annotations: share.annotations,
            orphans: share.orphans,
            given: if k == 0 { given } else { 0 },
            codes: plan.new_codes.clone(),
            notices,
        });
    }
    match (out.is_empty(), repeats) {
        (true, Some(same)) => Err(t!(
            "class-repeats",
            name = isolate(name),
            other = isolate(&same.file)
        )),
        _ => Ok(out),
    }
}

/// Loads several exports of `doc`, each against those loaded before it ([`load_one`]);
/// what cannot be loaded comes back as messages, followed by the loaded annotators'
/// notices.
pub fn load(doc: &Document, files: &[(String, Vec<u8>)]) -> (Vec<Annotator>, Vec<String>) {
    let library = library_for(doc);
    let mut annotators: Vec<Annotator> = Vec::new();
    let mut problems = Vec::new();
    for (name, bytes) in files {
        match load_one(doc, &library, name, bytes, &annotators) {
            Ok(a) => annotators.extend(a),
            Err(e) => problems.push(e),
        }
    }
    problems.extend(annotators.iter().flat_map(|a| a.notices.iter().cloned()));
    (annotators, problems)
}
