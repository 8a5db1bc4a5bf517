//! Orphans that wait for their text: annotations imported for a document this browser does
//! not have. Grouped for the Library's "Waiting for their text" section ([`waiting`]), and
//! placed when their text is added, pasted, opened or imported ([`place_waiting`]),
//! recognised by the SHA-256 of its UTF-8 text or by its document id. The two steps of the
//! [`Model`] that do this live here too, so that `state.rs` only calls them.

use crate::anchoring::{anchor, Selector};
use crate::annotation::{excerpt, Annotation, Seen, CONTEXT_CPS};
use crate::document::Document;
use crate::effect::Effect;
use crate::history::{Change, Step};
use crate::library::Library;
use crate::session::Level;
use crate::state::Model;
use crate::text::{clip, isolate, Cp};

/// How many quotes a group shows: enough to recognise the text, few enough for a side panel.
pub const QUOTES_SHOWN: usize = 3;

/// The orphans waiting for one document, as the Library lists them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WaitingGroup {
    /// The document the orphans name: an id, or the IRI their file used.
    pub document: String,
    /// The SHA-256 (lowercase hex) of the text they wait for, when their file named it.
    pub sha256: Option<String>,
    /// The files they came from, in the order first seen.
    pub files: Vec<String>,
    /// How many wait.
    pub count: usize,
    /// The first [`QUOTES_SHOWN`] quotes, one line each, at most 60 code points.
    pub quotes: Vec<String>,
}

/// True when an orphan's document is not in this browser: it waits for its text.
pub fn is_waiting(library: &Library, orphan: &Annotation) -> bool {
    library.document(&orphan.document).is_none()
}

/// Every orphan whose document is not here, grouped by the document it names, in the order
/// they were kept.
pub fn waiting(library: &Library) -> Vec<WaitingGroup> {
    waiting_among(library.orphans(), |id| library.document(id).is_some())
}

/// [`waiting`], from the orphans and whether a document id is here.
pub fn waiting_among(orphans: &[Annotation], here: impl Fn(&str) -> bool) -> Vec<WaitingGroup> {
    // A few texts at most wait at once: a list searched from its end (orphans of one file
    // come together) is smaller in the build than a map, and as fast.
    let mut groups: Vec<WaitingGroup> = Vec::new();
    for o in orphans {
        if here(&o.document) {
            continue;
        }
        let i = match groups.iter().rposition(|g| g.document == o.document) {
            Some(i) => i,
            None => {
                groups.push(WaitingGroup {
                    document: o.document.clone(),
                    sha256: None,
                    files: Vec::new(),
                    count: 0,
                    quotes: Vec::new(),
                });
                groups.len() - 1
            }
        };
        let g = &mut groups[i];
        g.count += 1;
        if g.sha256.is_none() {
            g.sha256 = o.document_sha256().map(String::from);
        }
        if let Some(f) = o.source_file() {
            if !g.files.iter().any(|x| x == f) {
                g.files.push(f.to_string());
            }
        }
        if g.quotes.len() < QUOTES_SHOWN {
            g.quotes.push(excerpt(&o.quote, 60));
        }
    }
    groups
}

/// What placing waiting orphans on newly added documents does: the changes (one undo step)
/// and a sentence for each file and document, such as "3 annotations from “x.json” were
/// placed on “Title”."
#[derive(Debug, Default, PartialEq)]
pub struct Placement {
    pub changes: Vec<Change>,
    pub said: Vec<String>,
}

/// How the orphans of one file fared on one document.
#[derive(Default)]
struct Tally {
    placed: usize,
    /// Their text is here but their passage is not: now listed with that document's orphans.
    not_found: usize,
    /// Already placed there (the same id, or the same span and tags).
    already: usize,
}

/// Places the orphans that wait for any of `documents` (ids of documents just added to
/// `library`): an orphan belongs to a document that has its id, or whose text has the
/// SHA-256 it remembers. Each is anchored like an import ([`crate::anchoring::anchor`]):
/// found, it becomes an annotation there; not found, it stays an orphan, now of that
/// document; a duplicate of an annotation already there goes. Only orphans whose document
/// was missing are moved; nothing is applied here.
pub fn place_waiting(library: &Library, documents: &[String]) -> Placement {
    let mut out = Placement::default();
    if library.orphans().is_empty() {
        return out;
    }
    let added: Vec<&Document> = documents
        .iter()
        .filter_map(|id| library.document(id))
        .collect();
    let by_hash = |hash: &str| added.iter().find(|d| d.text.sha256_hex() == hash).copied();
    let target = |o: &Annotation| -> Option<&Document> {
        if let Some(d) = added.iter().find(|d| d.id == o.document) {
            return Some(*d);
        }
        let hash = o.document_sha256()?;
        is_waiting(library, o).then(|| by_hash(hash)).flatten()
    };
    let mut seen: Option<Seen> = None;
    // (file, document title) -> tally, in the order first met.
    let mut tallies: Vec<((Option<String>, String), Tally)> = Vec::new();
    for o in library.orphans().iter() {
        let Some(doc) = target(o) else {
            continue;
        };
        let sel = Selector {
            quote: &o.quote,
            prefix: &o.prefix,
            suffix: &o.suffix,
            position: (o.start < o.end).then_some((o.start, o.end)),
        };
        let placed = if o.whole_document {
            // A tag of the whole document needs no passage: it is placed on the text.
            Some((Cp(0), Cp(0), ("", "", "")))
        } else if o.quote.is_empty() {
            None
        } else {
            anchor(&doc.text, &sel)
                .span()
                .and_then(|(s, e)| Some((s, e, doc.text.context(s, e, CONTEXT_CPS)?)))
        };
        let key = (o.source_file().map(String::from), doc.title.clone());
        let i = match tallies.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                tallies.push((key, Tally::default()));
                tallies.len() - 1
            }
        };
        let tally = &mut tallies[i].1;
        let gone = Change::Orphan {
            before: Some(o.clone()),
            after: None,
        };
        match placed {
            Some((start, end, (prefix, quote, suffix))) => {
                let seen = seen.get_or_insert_with(|| Seen::of(library.annotations().iter()));
                out.changes.push(gone);
                let landed = Annotation {
                    document: doc.id.clone(),
                    ..o.clone()
                };
                if !seen.admit(&landed, start, end) {
                    tally.already += 1;
                    continue;
                }
                tally.placed += 1;
                out.changes.push(Change::created(Annotation {
                    document: doc.id.clone(),
                    start,
                    end,
                    quote: quote.to_string(),
                    prefix: prefix.to_string(),
                    suffix: suffix.to_string(),
                    provenance: None,
                    ..o.clone()
                }));
            }
            // The same text, and no passage for it: an orphan of this document from now on.
            None if o.document != doc.id => {
                tally.not_found += 1;
                out.changes.push(gone);
                out.changes.push(Change::Orphan {
                    before: None,
                    after: Some(Annotation {
                        document: doc.id.clone(),
                        ..o.clone()
                    }),
                });
            }
            None => {}
        }
    }
    for ((file, title), t) in tallies {
        let title = isolate(&clip(&title, 80));
        let from = file.map_or_else(String::new, |f| {
            t!("waiting-from", name = isolate(&clip(&f, 80)))
        });
        let parts: Vec<String> = [
            (t.placed, "placed"),
            (t.not_found, "not-found"),
            (t.already, "already"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .enumerate()
        .map(|(i, (n, what))| match i {
            0 => t!(
                "waiting-first",
                count = n,
                from = from,
                what = what,
                title = title
            ),
            _ => t!("waiting-more", count = n, what = what, title = title),
        })
        .collect();
        if !parts.is_empty() {
            let hint = match t.not_found {
                0 => String::new(),
                _ => t!("waiting-hint"),
            };
            out.said
                .push(t!("waiting-said", parts = parts.join("; "), hint = hint));
        }
    }
    out
}

impl Model {
    /// Places the orphans waiting for `documents`, just added ([`place_waiting`]), says so,
    /// and returns the storage effects. With `step` (an import), the changes join that step,
    /// so that one Undo takes back the import with them; without, they are an undo step of
    /// their own.
    pub fn place_waiting_on(
        &mut self,
        documents: &[String],
        step: Option<&mut Vec<Change>>,
    ) -> Vec<Effect> {
        let Placement { changes, said } = place_waiting(&self.library, documents);
        for text in said {
            self.session.notify(Level::Info, text, false, false);
        }
        if changes.is_empty() {
            return vec![];
        }
        let effects = self.library.apply(&changes).effects;
        match step {
            Some(step) => step.extend(changes),
            None => self.history.record(Step::new(changes)),
        }
        effects
    }

    /// Deletes every orphan that waits for `document` (a document not here): one undo step,
    /// offered in the notice that says so.
    pub fn delete_waiting(&mut self, document: &str) -> Vec<Effect> {
        let changes: Vec<Change> = self
            .library
            .orphans()
            .iter()
            .filter(|o| o.document == document && is_waiting(&self.library, o))
            .map(|o| Change::Orphan {
                before: Some(o.clone()),
                after: None,
            })
            .collect();
        if changes.is_empty() {
            return vec![];
        }
        let n = changes.len();
        let effects = self.library.apply(&changes).effects;
        self.history.record(Step::new(changes));
        let said = t!("waiting-deleted", count = n);
        self.session.notify(Level::Info, said, true, false);
        effects
    }
}
