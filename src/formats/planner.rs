//! Planning an import: a parsed file ([`Incoming`]) becomes a [`Plan`] against the library,
//! a step at a time, so that a 50 MB file (a thousand documents, or 300,000 annotations)
//! never holds the page for long. A file is taken whole or not at all: any invalid document
//! or annotation refuses it, before anything is placed.
//!
//! The steps go in four stages:
//! 1. the library's texts are hashed (each once: [`DocText::sha256_hex`] keeps it), so that a
//!    file's document can be known by its text's SHA-256;
//! 2. the file's documents are matched to the library's (by id, else by SHA-256) or made
//!    from the text they carry;
//! 3. every annotation is checked;
//! 4. every annotation is anchored in its text (see [`crate::anchoring`] and [`super::placing`]) or kept as an
//!    orphan, and duplicates are dropped.

use super::import::{has_markup, parse, ImportError};
use super::incoming::{InAnnotation, InCode, InDoc, Incoming};
use super::matching::{match_codes, Matched};
use super::placing::{place, Resolved};
use super::plan::Plan;
use super::{sha256_hex, Format};
use crate::annotation::{Millis, Provenance, Seen};
use crate::codes::Codebook;
use crate::document::{size_and_limit, Document, Origin, MAX_DOCUMENT_BYTES};
use crate::library::Library;
use crate::text::{Cp, DocText};
use std::collections::{HashMap, HashSet};

/// Bytes of text hashed or indexed per step in stages 1 and 2: some 10 ms in the browser
/// (SHA-256 runs at about 130 MB/s there). A larger document is one step of its own.
const TEXT_BYTES_PER_STEP: usize = 1 << 20;

/// Where the planning stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    /// Matching the file's codes to the codebook.
    Codes,
    /// Hashing the library's texts, from this one on.
    Library(usize),
    /// Resolving the file's documents.
    Documents,
    /// Checking the annotations, from this one on.
    Check(usize),
    /// Placing the annotations.
    Place,
}

/// Places a parsed file's annotations step by step, so that a long import can show its
/// progress and let the page breathe between steps. Owns everything it needs: the library
/// is only read when it starts (its documents' texts are shared, not copied).
pub struct Planner {
    stage: Stage,
    plan: Plan,
    file_annotator: String,
    /// The file's annotator id ([`Incoming::annotator_id`]), empty when it gives none.
    file_annotator_id: String,
    /// The library's documents when the import began: id and text.
    library: Vec<(String, DocText)>,
    /// Which of them has a text by its SHA-256 (lowercase hex); the first, when several.
    by_hash: HashMap<String, usize>,
    /// The hash of the library's text under way, when one takes more than a step.
    hashing: Option<crate::text::PartialSha256>,
    /// Which of them has an id; the first, when several.
    by_id: HashMap<String, usize>,
    documents: std::vec::IntoIter<InDoc>,
    documents_total: usize,
    /// The documents the file names, by their key in the file: the first of a key wins.
    resolved: HashMap<String, Resolved>,
    /// Keys looked up in the library because the file's list leaves them out.
    looked_up: HashSet<String>,
    /// The SHA-256 (lowercase hex) of each document the file names one for or carries the
    /// text of, by its key in the file: what an orphan remembers to find its text later.
    hashes: HashMap<String, String>,
    /// The texts the file carries, by key (the last of a key wins), indexed once: a file can
    /// hold 10,000 annotations of one 5 MB text.
    file_texts: HashMap<String, DocText>,
    seen: Seen,
    /// The codes the file declares, until they are matched.
    codes: Vec<InCode>,
    /// The library's codebook when the import began.
    codebook: Codebook,
    /// What the file's codes are here, once matched.
    matched: Matched,
    /// The ids of the annotations placed so far: [`Plan::ids`].
    ids: Vec<String>,
    annotations: Vec<InAnnotation>,
    pending: std::vec::IntoIter<InAnnotation>,
    total: usize,
    done: usize,
    now: Millis,
}

impl Planner {
    /// Starts planning a parsed file against the library. Takes constant time but for
    /// sharing the library's documents and noting its annotations (to find duplicates); the
    /// work is in [`Planner::step`].
    pub fn new(name: &str, mut incoming: Incoming, library: &Library, now: Millis) -> Planner {
        let plan = Plan {
            file: name.to_string(),
            format: Some(incoming.format),
            notes: std::mem::take(&mut incoming.notes),
            clipped: incoming.clip_fields(),
            assignment: incoming.handout.take(),
            against: Some(library.annotations().clone()),
            ..Plan::default()
        };
        // The fallback annotator: the file's, else the file's name without extension.
        let file_annotator = incoming
            .annotator
            .clone()
            .unwrap_or_else(|| name.rsplit_once('.').map_or(name, |(s, _)| s).to_string());
        let file_annotator = crate::fields::Field::AnnotatorName.clip(&file_annotator).0;
        let documents = std::mem::take(&mut incoming.documents);
        Planner {
            stage: Stage::Codes,
            codes: std::mem::take(&mut incoming.codes),
            codebook: library.codebook().clone(),
            matched: Matched::default(),
            plan,
            file_annotator,
            file_annotator_id: incoming.annotator_id.take().unwrap_or_default(),
            library: library
                .documents()
                .iter()
                .map(|d| (d.id.clone(), d.text.clone()))
                .collect(),
            by_hash: HashMap::new(),
            hashing: None,
            by_id: HashMap::new(),
            documents_total: documents.len(),
            documents: documents.into_iter(),
            resolved: HashMap::new(),
            looked_up: HashSet::new(),
            hashes: HashMap::new(),
            file_texts: HashMap::new(),
            seen: Seen::of(library.annotations().iter()),
            ids: Vec::with_capacity(incoming.annotations.len()),
            total: incoming.annotations.len(),
            annotations: incoming.annotations,
            pending: Vec::new().into_iter(),
            done: 0,
            now,
        }
    }

    /// What the planning is doing, for a progress bar: what is counted, how many are done,
    /// out of how many.
    pub fn progress(&self) -> (String, usize, usize) {
        match self.stage {
            Stage::Codes | Stage::Library(_) => {
                (t!("fmt-progress-matched"), 0, self.documents_total)
            }
            Stage::Documents => (
                t!("fmt-progress-matched"),
                self.documents_total - self.documents.len(),
                self.documents_total,
            ),
            Stage::Check(i) => (t!("fmt-progress-checked"), i, self.total),
            Stage::Place => (t!("fmt-progress-placed"), self.done, self.total),
        }
    }

    /// Does one step: hashes or resolves about [`TEXT_BYTES_PER_STEP`] of text, or checks or
    /// places up to `n` annotations. True when the plan is ready; an error refuses the whole
    /// file (nothing has been placed).
    pub fn step(
        &mut self,
        n: usize,
        new_id: &mut dyn FnMut() -> String,
    ) -> Result<bool, ImportError> {
        match self.stage {
            Stage::Codes => {
                let codes = std::mem::take(&mut self.codes);
                self.matched = match_codes(&codes, &self.codebook).map_err(|e| self.refuse(e))?;
                self.plan.new_codes = self.matched.new_codes.clone();
                let markup = self.plan.new_codes.iter().filter(|c| has_markup(&c.name));
                self.plan.markup_fields += markup.count();
                self.stage = Stage::Library(0);
            }
            Stage::Library(from) => {
                let mut bytes = 0;
                let mut i = from;
                while i < self.library.len() && bytes < TEXT_BYTES_PER_STEP {
                    let (id, text) = &self.library[i];
                    bytes += text.hash_some(&mut self.hashing, TEXT_BYTES_PER_STEP - bytes);
                    if self.hashing.is_some() {
                        // A long text: its hash goes on in the next step.
                        break;
                    }
                    self.by_hash
                        .entry(text.sha256_hex().to_string())
                        .or_insert(i);
                    self.by_id.entry(id.clone()).or_insert(i);
                    i += 1;
                }
                self.stage = match i == self.library.len() {
                    true => Stage::Documents,
                    false => Stage::Library(i),
                };
            }
            Stage::Documents => {
                let mut bytes = 0;
                while bytes < TEXT_BYTES_PER_STEP {
                    let Some(d) = self.documents.next() else {
                        self.stage = Stage::Check(0);
                        break;
                    };
                    bytes += d.text.as_ref().map_or(0, String::len) + 1;
                    self.resolve(d, new_id)?;
                }
            }
            Stage::Check(from) => {
                let upto = from.saturating_add(n).min(self.total);
                for i in from..upto {
                    self.check(i)?;
                }
                self.stage = if upto == self.total {
                    self.pending = std::mem::take(&mut self.annotations).into_iter();
                    // Sized once, like the reading's list (most are placed, not orphaned).
                    self.plan.annotations.reserve_exact(self.total);
                    Stage::Place
                } else {
                    Stage::Check(upto)
                };
            }
            Stage::Place => self.place_some(n, new_id),
        }
        Ok(self.stage == Stage::Place && self.done == self.total)
    }

    /// The plan, once [`Planner::step`] has said it is ready.
    pub fn finish(mut self) -> Plan {
        self.plan.ids = Some(std::mem::take(&mut self.ids).into());
        self.plan
    }

    /// Every step at once, then the plan.
    pub fn run(mut self, new_id: &mut dyn FnMut() -> String) -> Result<Plan, ImportError> {
        while !self.step(usize::MAX, new_id)? {}
        Ok(self.finish())
    }

    fn refuse(&self, problem: String) -> ImportError {
        ImportError {
            file: self.plan.file.clone(),
            problem,
        }
    }

    /// Matches one of the file's documents to one here (by id, else by its text's SHA-256),
    /// or makes it from the text it carries.
    fn resolve(&mut self, d: InDoc, new_id: &mut dyn FnMut() -> String) -> Result<(), ImportError> {
        let name = || crate::text::clip(d.title.as_deref().unwrap_or(&d.key), 80);
        // What the text is known by: the hash of the text the file carries, else the hash
        // the file names.
        let text_hash = d.text.as_deref().map(sha256_hex);
        if let (Some(t), Some(text_hash)) = (&d.text, &text_hash) {
            if let Some(h) = &d.sha256 {
                let edited = !h.eq_ignore_ascii_case(text_hash);
                if edited && self.plan.format == Some(Format::Doccano) {
                    // doccano lets its users edit a text and keeps our metadata: the line's
                    // own text is what its spans count in, and what is matched.
                    let name = crate::text::isolate(&name());
                    self.plan.notes.push(t!("fmt-text-edited", name = name));
                } else if edited {
                    let name = crate::text::isolate(&name());
                    return Err(self.refuse(t!("fmt-text-altered", name = name)));
                }
            }
            if t.len() > MAX_DOCUMENT_BYTES {
                let (size, limit) = size_and_limit(t.len(), MAX_DOCUMENT_BYTES);
                let name = crate::text::isolate(&name());
                return Err(self.refuse(t!(
                    "fmt-document-too-big",
                    name = name,
                    size = size,
                    limit = limit
                )));
            }
        }
        let hash = text_hash
            .as_ref()
            .or(d.sha256.as_ref())
            .map(|h| h.to_ascii_lowercase());
        if let Some(h) = &hash {
            self.hashes
                .entry(d.key.clone())
                .or_insert_with(|| h.clone());
        }
        let here =
            d.id.as_deref()
                .and_then(|id| self.by_id.get(id).copied())
                .or_else(|| self.by_hash.get(hash.as_deref()?).copied());
        // The text the file carries, indexed once; shared with the document it matches or
        // makes when the two texts are the same.
        let mut file_text = None;
        let resolved = match (here, &d.text) {
            (Some(i), _) => {
                let (id, text) = &self.library[i];
                if d.text.is_some() {
                    file_text = Some(match Some(text.sha256_hex()) == text_hash.as_deref() {
                        true => text.clone(),
                        false => DocText::new(d.text.as_deref().unwrap_or_default()),
                    });
                }
                Resolved {
                    id: Some(id.clone()),
                    text: Some(text.clone()),
                }
            }
            (None, Some(text)) if !text.trim().is_empty() => {
                let id =
                    d.id.clone()
                        .filter(|id| !id.starts_with("seed-"))
                        .unwrap_or_else(&mut *new_id);
                let file = &self.plan.file;
                // Untitled (a doccano line): its first words, so that a thousand lines are
                // told apart in the library.
                let title = d
                    .title
                    .clone()
                    .filter(|t| !t.trim().is_empty())
                    .unwrap_or_else(|| first_words(text));
                if d.title.as_deref().is_some_and(has_markup) {
                    self.plan.markup_fields += 1;
                }
                let text = DocText::new(text.as_str());
                // Page starts kept only when they fit the text: in order, the first at 0.
                let len = text.len_cp();
                let fit = d.pages.first() == Some(&Cp(0))
                    && d.pages.windows(2).all(|w| w[0] < w[1])
                    && d.pages.last().is_some_and(|&p| p <= len);
                let pages = if fit { d.pages.clone() } else { Vec::new() };
                let description = match &d.source {
                    Some(s) => crate::document::describe_source(s, pages.len()),
                    None => t!("fmt-imported-from", file = *file),
                };
                let doc = Document {
                    id: id.clone(),
                    title,
                    description,
                    origin: Origin::User,
                    text,
                    source: d.source.clone(),
                    pages,
                };
                file_text = Some(doc.text.clone());
                let resolved = Resolved {
                    id: Some(id),
                    text: Some(doc.text.clone()),
                };
                self.plan.new_documents.push(doc);
                resolved
            }
            (None, text) => {
                file_text = text.as_deref().map(DocText::new);
                Resolved {
                    id: d.id.clone(),
                    text: None,
                }
            }
        };
        if let Some(t) = file_text {
            self.file_texts.insert(d.key.clone(), t);
        }
        self.resolved.entry(d.key).or_insert(resolved);
        Ok(())
    }

    /// Checks annotation `i` (numbered from 1 in messages). An annotation may name a
    /// document the file's list leaves out: when this browser has a document by that id (a
    /// seed, or the user's own), it is placed there.
    fn check(&mut self, i: usize) -> Result<(), ImportError> {
        // Tags as the codebook knows them: a file's code keys become code ids.
        let matched = &self.matched;
        for t in &mut self.annotations[i].tags {
            let id = matched.id_of(t);
            if id != t {
                *t = id.to_string();
            }
        }
        let a = &self.annotations[i];
        let n = i + 1;
        if !self.resolved.contains_key(&a.doc_key) && self.looked_up.insert(a.doc_key.clone()) {
            if let Some((id, text)) = self.by_id.get(&a.doc_key).map(|&i| &self.library[i]) {
                let resolved = Resolved {
                    id: Some(id.clone()),
                    text: Some(text.clone()),
                };
                self.resolved.insert(a.doc_key.clone(), resolved);
            }
        }
        let refuse = |problem: String| ImportError {
            file: self.plan.file.clone(),
            problem,
        };
        if let Err(e) = self.matched.codebook.normalize(&a.tags) {
            let e = crate::annotation::AnnotationError::from(e);
            return Err(refuse(t!(
                "fmt-annotation-problem",
                n = n.to_string(),
                problem = e.to_string()
            )));
        }
        // A tag of a whole document has no passage to check: it is placed in its document,
        // or waits for it.
        if a.whole_document {
            return Ok(());
        }
        if let (Some(s), Some(e)) = (a.start, a.end) {
            if s > e {
                return Err(refuse(t!(
                    "fmt-annotation-backwards",
                    n = n.to_string(),
                    start = s.to_string(),
                    end = e.to_string()
                )));
            }
            if s == e {
                return Err(refuse(t!(
                    "fmt-annotation-empty",
                    n = n.to_string(),
                    start = s.to_string()
                )));
            }
        }
        if a.start.is_some() != a.end.is_some() {
            return Err(refuse(t!("fmt-annotation-half", n = n.to_string())));
        }
        // Offsets are checked against the text they refer to when they are all there is;
        // with a quote, a position past the end is only a stale hint, and the quote places
        // the annotation (or it becomes an orphan): nothing is refused that can still be
        // found.
        let file_text = self.file_texts.get(&a.doc_key);
        let here_text = self.resolved.get(&a.doc_key).and_then(|r| r.text.as_ref());
        if let (None, Some(t), Some(e)) = (&a.quote, file_text.or(here_text), a.end) {
            let len = t.len_cp().0;
            if e > len {
                return Err(refuse(t!(
                    "fmt-annotation-past-end",
                    n = n.to_string(),
                    end = e.to_string(),
                    length = len.to_string()
                )));
            }
        }
        if a.quote.is_none() && file_text.is_none() && here_text.is_none() {
            return Err(refuse(t!("fmt-annotation-no-text", n = n.to_string())));
        }
        if a.quote.as_deref() == Some("") {
            return Err(refuse(t!("fmt-annotation-empty-quote", n = n.to_string())));
        }
        Ok(())
    }

    /// Places up to `n` more annotations.
    fn place_some(&mut self, n: usize, new_id: &mut dyn FnMut() -> String) {
        for a in self.pending.by_ref().take(n) {
            self.done += 1;
            let (placed, orphans) = (self.plan.annotations.len(), self.plan.orphans.len());
            let key = a.doc_key.clone();
            let resolved = self.resolved.get(&key);
            place(
                a,
                &mut self.plan,
                resolved,
                self.file_texts.get(&key),
                &mut self.seen,
                (&self.file_annotator, &self.file_annotator_id),
                &self.matched.codebook,
                new_id,
                self.now,
            );
            if let Some(a) = self.plan.annotations.get(placed) {
                self.ids.push(a.id.clone());
            }
            if let Some(o) = self.plan.orphans.get_mut(orphans) {
                // An orphan remembers where it came from and which text it waits for.
                o.provenance = Some(Box::new(Provenance {
                    file: self.plan.file.clone(),
                    sha256: self.hashes.get(&key).cloned(),
                }));
                if resolved.and_then(|r| r.text.as_ref()).is_none() {
                    self.plan.waiting += 1;
                }
            }
        }
    }
}

/// A title for an untitled text: its first line's first 60 code points, with "…" when cut.
fn first_words(text: &str) -> String {
    let line = text.trim_start().lines().next().unwrap_or_default().trim();
    match line.is_empty() {
        true => t!("fmt-untitled"),
        false => crate::text::clip(line, 60).into_owned(),
    }
}

/// Turns a parsed file into a plan against the library, in one go. `new_id` gives
/// fresh ids for documents and annotations that come without one.
pub fn plan(
    name: &str,
    incoming: Incoming,
    library: &Library,
    new_id: &mut dyn FnMut() -> String,
    now: Millis,
) -> Result<Plan, ImportError> {
    Planner::new(name, incoming, library, now).run(new_id)
}

/// Parses and plans in one step.
pub fn import(
    name: &str,
    bytes: &[u8],
    library: &Library,
    new_id: &mut dyn FnMut() -> String,
    now: Millis,
) -> Result<Plan, ImportError> {
    let incoming = parse(name, bytes)?;
    plan(name, incoming, library, new_id, now)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counter(prefix: &'static str) -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("{prefix}{n}")
        }
    }

    /// A doccano-like file: `docs` texts of `size` bytes, each with `per` spans by offset;
    /// the first text is already in the library (so it is matched by its SHA-256).
    fn file(docs: usize, size: usize, per: usize) -> (Incoming, Library) {
        let text = |d: usize| format!("{d:05} ").repeat(size / 6);
        let mut library = Library::default();
        library.add_document(Document {
            id: "mine".into(),
            title: "Mine".into(),
            description: String::new(),
            origin: Origin::User,
            text: DocText::new(text(0).as_str()),
            source: None,
            pages: Vec::new(),
        });
        let incoming = Incoming {
            handout: None,
            annotator_id: None,
            assignment: None,
            codes: Vec::new(),
            format: Format::Doccano,
            annotator: None,
            documents: (0..docs)
                .map(|d| InDoc {
                    key: format!("line-{d}"),
                    text: Some(text(d)),
                    ..InDoc::default()
                })
                .collect(),
            annotations: (0..docs * per)
                .map(|i| InAnnotation {
                    doc_key: format!("line-{}", i / per),
                    start: Some(6 * (i % per)),
                    end: Some(6 * (i % per) + 5),
                    tags: vec!["objective-1".into()],
                    ..InAnnotation::default()
                })
                .collect(),
            notes: Vec::new(),
        };
        (incoming, library)
    }

    #[test]
    fn a_large_file_is_planned_in_bounded_steps_to_the_plan_made_at_once() {
        let (incoming, library) = file(40, 100_000, 300);
        let at_once = plan(
            "big.jsonl",
            incoming.clone(),
            &library,
            &mut counter("id-"),
            7,
        )
        .unwrap();
        let mut planner = Planner::new("big.jsonl", incoming, &library, 7);
        let mut new_id = counter("id-");
        let (mut steps, mut before) = (0, planner.progress());
        while !planner.step(250, &mut new_id).unwrap() {
            let now = planner.progress();
            if now.0 == before.0 {
                // At most ~1 MB of text (ten of these) or 250 annotations a step.
                let most = if now.0 == "documents matched" {
                    11
                } else {
                    250
                };
                assert!(now.1 - before.1 <= most, "{before:?} → {now:?}");
            }
            before = now;
            steps += 1;
        }
        assert!(steps >= 4 + 2 * 12_000 / 250, "{steps} steps");
        let stepped = planner.finish();
        assert_eq!(stepped, at_once);
        // The first text was matched to the library's; the other 39 are new.
        assert_eq!(stepped.new_documents.len(), 39);
        // Untitled lines are titled by their first words, told apart in the library.
        let title = &stepped.new_documents[0].title;
        assert!(
            title.starts_with("00001 00001") && title.ends_with('…'),
            "{title}"
        );
        assert_eq!(title.chars().count(), 61);
        assert_eq!(stepped.annotations.len(), 12_000);
        assert!(stepped.annotations[..300]
            .iter()
            .all(|a| a.document == "mine"));
    }

    /// A library text of 3.5 MB is hashed over four steps, not in one (56 ms for 5 MB in the
    /// browser), and is still the text the file's matches.
    #[test]
    fn a_long_library_text_is_hashed_over_several_steps_and_still_matched() {
        let (incoming, library) = file(2, 3_500_000, 5);
        let mut planner = Planner::new("long.jsonl", incoming, &library, 7);
        let mut new_id = counter("id-");
        let mut hashing_steps = 0;
        loop {
            let hashing = matches!(planner.stage, Stage::Library(_));
            let done = planner.step(250, &mut new_id).unwrap();
            hashing_steps += usize::from(hashing);
            if done {
                break;
            }
        }
        assert_eq!(hashing_steps, 4);
        let plan = planner.finish();
        assert_eq!(plan.new_documents.len(), 1);
        assert!(plan.annotations[..5].iter().all(|a| a.document == "mine"));
    }

    #[test]
    fn a_refusal_found_late_refuses_the_file_whole() {
        let (mut incoming, library) = file(5, 1_000, 100);
        incoming.annotations[450].end = Some(2);
        let mut planner = Planner::new("bad.jsonl", incoming, &library, 7);
        let mut new_id = counter("id-");
        let refused = loop {
            match planner.step(50, &mut new_id) {
                Ok(false) => {}
                Ok(true) => panic!("planned"),
                Err(e) => break e,
            }
        };
        assert_eq!(
            refused.to_string(),
            ImportError {
                file: "bad.jsonl".into(),
                problem: "annotation 451 ends (2) before it starts (300)".into(),
            }
            .to_string()
        );
    }
}
