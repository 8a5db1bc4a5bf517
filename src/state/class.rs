//! Compare's files (issue 22): the exports a teacher loaded into Compare, per document, with
//! the answer key, stored one record per file (`class-<n>` in [`crate::storage::STORE_META`],
//! schema 6) so that they outlive the view and a reload.
//!
//! The app keeps them as their records, unread ([`Records`]): it numbers, stores and forgets
//! them. Compare, a module fetched on first use (the `teacher/` crate), reads them
//! ([`Class::decode`]), reads students' files into new ones ([`crate::classroom::load_one`],
//! [`file_record`]), and rewrites them when the answer key changes ([`Class::set_key`]), so
//! that none of that weighs on the app's first load.

use crate::annotation::Annotation;
use crate::codes::OwnCode;
use crate::effect::Effect;
use crate::storage::{self, LoadError, StoredChunk, StoredCodebook};
use crate::text::Cp;
use std::sync::Arc;

/// How the keys of Compare's file records begin: `class-3`.
pub const CLASS_PREFIX: &str = "class-";

/// One maker's work in a file, as Compare keeps it: a [`crate::classroom::Annotator`]
/// field for field (the view converts), which this module cannot name: the classroom's
/// tests use the state, and the state must not use them back (`tools/modcycles.py`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Maker {
    /// The name Compare shows, unique among the document's files.
    pub name: String,
    /// The file it came from.
    pub file: String,
    /// Its annotations of the document.
    pub annotations: Vec<Annotation>,
    /// How many of its annotations could not be placed in the document.
    pub orphans: usize,
    /// The own codes its file declares.
    pub codes: Vec<OwnCode>,
    /// The maker's annotator id (a UUID), when the file says it.
    pub id: Option<String>,
    /// The assignment id of its file, when the file has one.
    pub assignment: Option<String>,
    /// Given examples found in its file, counted as nobody's work.
    pub given: usize,
}

/// One file loaded into Compare: what the core read from it.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassFile {
    /// Its number, in load order and never reused: its record's key is `class-<n>`.
    pub n: u64,
    /// The id of the document it is compared on.
    pub document: String,
    /// The file's name, as the teacher chose it.
    pub file: String,
    /// The makers found in it (one for a student's own export).
    pub annotators: Vec<Maker>,
    /// Which of `annotators` is the answer key, if one is.
    pub key: Option<usize>,
    /// For an assignment file (no annotators): what it handed out, by which the students
    /// are scored.
    pub scope: Option<Scope>,
}

/// What an assignment file in Compare hands out: its id, the tags in scope, and its given
/// examples of the document (placed), which are nobody's to find.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scope {
    pub assignment: String,
    pub tags: Vec<String>,
    pub given: Vec<Annotation>,
}

/// Where an annotator of Compare comes from: its file's number and its place in that file.
pub type Seat = (u64, usize);

/// Compare's files as the app keeps them: each file's record as storage holds it ([`encode`]'s
/// shape), unread, with its number; and how they are looked at.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Records {
    /// `(n, record)` in load order; shared, so that the model's clone copies none.
    files: Vec<(u64, Arc<str>)>,
    /// The next file's number: above every `class-<n>` key storage holds.
    next: u64,
    /// Counts changes, so that the shell knows when to hand the records over again.
    revision: u64,
    /// How the files are looked at; not stored.
    pub view: ClassView,
}

impl Records {
    /// The records among [`crate::storage::STORE_META`]'s (with their keys; keys of other
    /// records are passed over), in load order. None is read here: one that cannot be read
    /// is kept as it is, and its number is never reused.
    pub fn from_meta(meta: &[(String, String)]) -> Records {
        let mut r = Records::default();
        for (key, json) in meta {
            if let Some(n) = key.strip_prefix(CLASS_PREFIX).and_then(|n| n.parse().ok()) {
                r.next = r.next.max(n + 1);
                r.files.push((n, json.as_str().into()));
            }
        }
        crate::sort::sort_by_key(&mut r.files, |f| f.0);
        r
    }

    /// Every file's record with its key (`class-<n>`), in load order, for [`Class::decode`].
    pub fn all(&self) -> Vec<(String, String)> {
        (self.files.iter())
            .map(|(n, json)| (record_key(*n), json.to_string()))
            .collect()
    }

    /// The record of file `n`, if it holds one.
    pub fn get(&self, n: u64) -> Option<&str> {
        self.files.iter().find(|f| f.0 == n).map(|f| &*f.1)
    }

    /// Which change this is: another number, other records.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Adds a file's record ([`file_record`]) under the next number; asks to store it.
    pub fn add(&mut self, record: String) -> Vec<Effect> {
        let n = self.next;
        self.next += 1;
        self.files.push((n, record.into()));
        self.revision += 1;
        vec![Effect::SaveClassFile(n)]
    }

    /// Puts `record` in the place of file `n`'s (the answer key moved); asks to store it.
    /// Nothing happens for a number it does not hold.
    pub fn put(&mut self, n: u64, record: String) -> Vec<Effect> {
        match self.files.iter_mut().find(|f| f.0 == n) {
            Some(f) => {
                f.1 = record.into();
                self.revision += 1;
                vec![Effect::SaveClassFile(n)]
            }
            None => vec![],
        }
    }

    /// Removes file `n`; asks to delete its record. Nothing happens for a number it does
    /// not hold.
    pub fn remove(&mut self, n: u64) -> Vec<Effect> {
        let before = self.files.len();
        self.files.retain(|f| f.0 != n);
        match self.files.len() < before {
            true => {
                self.revision += 1;
                vec![Effect::DeleteClassFile(n)]
            }
            false => vec![],
        }
    }

    /// What storage held ([`Records::from_meta`]), replacing what this tab had; how the
    /// files are looked at stays.
    pub fn restore(&mut self, stored: Records) {
        let (view, revision) = (self.view, self.revision + 1);
        *self = Records {
            view,
            revision,
            ..stored
        };
    }
}

/// Every document's files in Compare, and how agreement is counted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Class {
    /// In load order; shared, so that the model's clone on every action copies none.
    files: Vec<Arc<ClassFile>>,
    /// The next file's number: above every `class-<n>` key storage holds, read or not (a
    /// record that could not be read is never written over).
    next: u64,
    /// How the files are looked at; not stored.
    pub view: ClassView,
}

/// How Compare's files are looked at: kept while the app is open, not stored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClassView {
    /// Agreement over coded text only: the code points at least one annotator coded
    /// ([`crate::classroom::table`]'s `coded_only`).
    pub coded_only: bool,
    /// The column the student table is sorted by (0: the name; then its figures in the
    /// order shown), and whether the largest comes first.
    pub sort: (usize, bool),
    /// The teacher chose no answer key: the gold standard, when the document has one, is
    /// then not the key either (else it is, unless a file's annotator is chosen).
    pub no_key: bool,
}

impl ClassView {
    /// Sorted by `column`: the other way round when it already is; else names from A and
    /// figures from the largest.
    pub fn sorted_by(self, column: usize) -> ClassView {
        let descending = match self.sort {
            (c, d) if c == column => !d,
            _ => column > 0,
        };
        ClassView {
            sort: (column, descending),
            ..self
        }
    }
}

impl Class {
    /// The files of `document`, in load order.
    pub fn files<'a>(&'a self, document: &'a str) -> impl Iterator<Item = &'a ClassFile> + 'a {
        self.files
            .iter()
            .map(|f| &**f)
            .filter(move |f| f.document == document)
    }

    /// Every document's files, in load order.
    pub fn all_files(&self) -> impl Iterator<Item = &ClassFile> {
        self.files.iter().map(|f| &**f)
    }

    /// The annotators of `document`'s files, in load order, each with its seat.
    pub fn roster<'a>(&'a self, document: &'a str) -> impl Iterator<Item = (Seat, &'a Maker)> + 'a {
        self.files(document).flat_map(|f| {
            f.annotators
                .iter()
                .enumerate()
                .map(move |(i, a)| ((f.n, i), a))
        })
    }

    /// The assignment file among `document`'s files, if one is: its name and scope.
    pub fn scope<'a>(&'a self, document: &'a str) -> Option<(&'a str, &'a Scope)> {
        (self.files(document)).find_map(|f| Some((f.file.as_str(), f.scope.as_ref()?)))
    }

    /// The place of `document`'s answer key in its [`Class::roster`], if one is chosen.
    pub fn key(&self, document: &str) -> Option<usize> {
        let mut at = 0;
        for f in self.files(document) {
            if let Some(i) = f.key {
                return Some(at + i);
            }
            at += f.annotators.len();
        }
        None
    }

    /// Adds a file read for `document`; asks to store it.
    pub fn add(&mut self, document: String, file: String, annotators: Vec<Maker>) -> Vec<Effect> {
        let n = self.next;
        self.next += 1;
        self.files.push(Arc::new(ClassFile {
            n,
            document,
            file,
            annotators,
            key: None,
            scope: None,
        }));
        vec![Effect::SaveClassFile(n)]
    }

    /// Makes the annotator at `seat` the answer key of `document`'s files, or none; asks to
    /// store the files whose mark changed. A seat it does not hold means none.
    pub fn set_key(&mut self, document: &str, seat: Option<Seat>) -> Vec<Effect> {
        let mut effects = Vec::new();
        for f in self.files.iter_mut().filter(|f| f.document == document) {
            let key = seat
                .filter(|(n, i)| *n == f.n && *i < f.annotators.len())
                .map(|(_, i)| i);
            if f.key != key {
                Arc::make_mut(f).key = key;
                effects.push(Effect::SaveClassFile(f.n));
            }
        }
        effects
    }

    /// File `n`'s record, as stored ([`encode`]); `None` for a number it does not hold.
    pub fn record(&self, n: u64) -> Option<String> {
        self.files.iter().find(|f| f.n == n).map(|f| encode(f))
    }

    /// Compare's files from the records of [`crate::storage::STORE_META`] (with their keys;
    /// keys of other records are passed over), and why each record that could not be read
    /// was not. Files come in the order they were loaded.
    pub fn decode(meta: &[(String, String)]) -> (Class, Vec<LoadError>) {
        Class::decode_with(meta, &mut Fresh::default())
    }

    /// As [`Class::decode`], but a record that `fresh` wrote is not read again: its file is
    /// taken out of `fresh`, numbered by the record's key.
    pub fn decode_with(meta: &[(String, String)], fresh: &mut Fresh) -> (Class, Vec<LoadError>) {
        let (mut class, mut problems) = (Class::default(), Vec::new());
        for (key, json) in meta {
            let Some(n) = key
                .strip_prefix(CLASS_PREFIX)
                .and_then(|n| n.parse::<u64>().ok())
            else {
                continue;
            };
            class.next = class.next.max(n + 1);
            match fresh
                .take(json)
                .map(|f| ClassFile { n, ..f })
                .map_or_else(|| decode(n, json), Ok)
            {
                Ok(f) => class.files.push(Arc::new(f)),
                Err(e) => problems.push(e),
            }
        }
        crate::sort::sort_by_key(&mut class.files, |f| f.n);
        (class, problems)
    }
}

/// The record of a file not yet added ([`Records::add`] numbers it): how Compare's module
/// (the `teacher/` crate) hands the app a file it read, in the shape the app stores.
pub fn file_record(document: String, file: String, annotators: Vec<Maker>) -> String {
    encode(&new_file(document, file, annotators))
}

/// A file not yet added ([`Records::add`] numbers it).
fn new_file(document: String, file: String, annotators: Vec<Maker>) -> ClassFile {
    ClassFile {
        n: 0,
        document,
        file,
        annotators,
        key: None,
        scope: None,
    }
}

/// The files whose records this tab wrote and handed to the app ([`Fresh::record`]), kept
/// so that reading the records back ([`Class::decode_with`]) need not decode them: a class of
/// 30 exports of 2,000 annotations is 24 MB of records, which took 140–270 ms to decode
/// natively, for files already in hand. A record is recognised by its length and its
/// FxHash (`rustc_hash`), computed only for records of a length it holds.
#[derive(Debug, Default)]
pub struct Fresh(Vec<(usize, u64, ClassFile)>);

impl Fresh {
    /// The record of a file not yet added, as [`file_record`] writes it; the file is kept
    /// until [`Class::decode_with`] meets its record.
    pub fn record(&mut self, document: String, file: String, annotators: Vec<Maker>) -> String {
        let f = new_file(document, file, annotators);
        let record = encode(&f);
        self.0.push((record.len(), fingerprint(&record), f));
        record
    }

    /// The file whose record is `json`, taken out, if this holds it.
    fn take(&mut self, json: &str) -> Option<ClassFile> {
        if !self.0.iter().any(|(len, ..)| *len == json.len()) {
            return None;
        }
        let print = fingerprint(json);
        let i = (self.0.iter()).position(|(len, p, _)| (*len, *p) == (json.len(), print))?;
        Some(self.0.swap_remove(i).2)
    }
}

/// A record's hash, by which [`Fresh`] knows its own.
fn fingerprint(record: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(record.as_bytes());
    h.finish()
}

/// The record of an assignment file not yet added ([`Records::add`] numbers it): what it
/// hands out, by which Compare scores the students of `document`.
pub fn scope_record(document: String, file: String, scope: Scope) -> String {
    encode(&ClassFile {
        n: 0,
        document,
        file,
        annotators: Vec::new(),
        key: None,
        scope: Some(scope),
    })
}

/// The key of file `n`'s record.
pub fn record_key(n: u64) -> String {
    format!("{CLASS_PREFIX}{n}")
}

// A file's record is written in the shape of a chunk of annotations and read by its reader,
// as the undo history's are ([`crate::storage::encode_step`]): a record type of its own would
// bring serde code for it to the first load. First a marker `file` with the document's id in
// `document` and the file's name in `quote`; then, per annotator, a marker (`key` for the
// answer key, else `annotator`) followed by its annotations: its name in `annotator`, its
// file in `quote`, the number of its annotations in `start` and of its orphans in `end`, its
// given examples in `created`, its annotator id in `note`, its assignment in `prefix`, and
// its own codes in `suffix` as the codebook's record. An assignment file has, after `file`,
// a marker `scope` with its id in `note`, the tags in scope in `tags` and the number of its
// given examples in `start`, then those examples, and no annotators.

/// File `f` as its record holds it: see above.
fn encode(f: &ClassFile) -> String {
    let mut out = vec![Annotation {
        document: f.document.clone(),
        quote: f.file.clone(),
        ..storage::marker("file")
    }];
    if let Some(scope) = &f.scope {
        out.push(Annotation {
            note: scope.assignment.clone(),
            tags: scope.tags.clone(),
            start: Cp(scope.given.len()),
            ..storage::marker("scope")
        });
        out.extend(scope.given.iter().cloned());
    }
    for (i, a) in f.annotators.iter().enumerate() {
        out.push(Annotation {
            annotator: a.name.clone(),
            quote: a.file.clone(),
            start: Cp(a.annotations.len()),
            end: Cp(a.orphans),
            created: a.given as i64,
            note: a.id.clone().unwrap_or_default(),
            prefix: a.assignment.clone().unwrap_or_default(),
            suffix: match a.codes.is_empty() {
                true => String::new(),
                false => storage::encode(&StoredCodebook {
                    codes: a.codes.clone(),
                }),
            },
            ..storage::marker(if f.key == Some(i) { "key" } else { "annotator" })
        });
        out.extend(a.annotations.iter().cloned());
    }
    storage::encode_chunk(&out)
}

/// Reads file `n`'s record ([`encode`]).
fn decode(n: u64, json: &str) -> Result<ClassFile, LoadError> {
    let bad = || LoadError::Malformed("a file of Compare out of shape".into());
    let mut entries = storage::decode::<StoredChunk>(json)?
        .annotations
        .into_iter();
    let head = entries.next().filter(|m| m.id == "file").ok_or_else(bad)?;
    let mut f = ClassFile {
        n,
        document: head.document,
        file: head.quote,
        annotators: Vec::new(),
        key: None,
        scope: None,
    };
    while let Some(m) = entries.next() {
        match m.id.as_str() {
            "scope" => {
                let given: Vec<Annotation> = entries.by_ref().take(m.start.0).collect();
                if given.len() < m.start.0 {
                    return Err(bad());
                }
                f.scope = Some(Scope {
                    assignment: m.note,
                    tags: m.tags,
                    given,
                });
                continue;
            }
            "key" => f.key = Some(f.annotators.len()),
            "annotator" => {}
            _ => return Err(bad()),
        }
        let annotations: Vec<Annotation> = entries.by_ref().take(m.start.0).collect();
        if annotations.len() < m.start.0 {
            return Err(bad());
        }
        let codes = match m.suffix.is_empty() {
            true => Vec::new(),
            false => storage::decode::<StoredCodebook>(&m.suffix)?.codes,
        };
        let some = |s: String| (!s.is_empty()).then_some(s);
        f.annotators.push(Maker {
            name: m.annotator,
            file: m.quote,
            annotations,
            orphans: m.end.0,
            codes,
            id: some(m.note),
            assignment: some(m.prefix),
            given: usize::try_from(m.created).map_err(|_| bad())?,
        });
    }
    Ok(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ann(id: &str, start: usize, end: usize) -> Annotation {
        Annotation {
            document: "d1".into(),
            start: Cp(start),
            end: Cp(end),
            tags: vec!["objective-1".into()],
            ..storage::marker(id)
        }
    }

    fn student(name: &str, anns: Vec<Annotation>) -> Maker {
        Maker {
            name: name.into(),
            file: format!("{name}.json"),
            annotations: anns,
            orphans: 1,
            id: Some(format!("uuid-{name}")),
            assignment: Some("as-1".into()),
            given: 2,
            ..Maker::default()
        }
    }

    fn records(c: &Class) -> Vec<(String, String)> {
        c.files
            .iter()
            .map(|f| (record_key(f.n), c.record(f.n).unwrap()))
            .collect()
    }

    #[test]
    fn files_are_stored_and_read_back_with_their_annotators_and_key() {
        let mut c = Class::default();
        let code = crate::codes::OwnCode {
            id: "code-1".into(),
            name: "Actor".into(),
            color: "#aabbcc".into(),
            parent: None,
            description: String::new(),
        };
        let mut ana = student("Ana", vec![ann("a1", 0, 5), ann("a2", 6, 9)]);
        ana.codes = vec![code];
        assert_eq!(
            c.add("d1".into(), "ana.json".into(), vec![ana]),
            vec![Effect::SaveClassFile(0)]
        );
        c.add(
            "d1".into(),
            "two.json".into(),
            vec![student("Ben", vec![]), student("Cy", vec![ann("c1", 1, 2)])],
        );
        c.add(
            "d2".into(),
            "other.json".into(),
            vec![student("Di", vec![])],
        );
        assert_eq!(
            c.set_key("d1", Some((1, 1))),
            vec![Effect::SaveClassFile(1)]
        );
        let (back, problems) = Class::decode(&records(&c));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(back, c);
        let roster: Vec<(Seat, &str)> = back
            .roster("d1")
            .map(|(s, a)| (s, a.name.as_str()))
            .collect();
        assert_eq!(roster, [((0, 0), "Ana"), ((1, 0), "Ben"), ((1, 1), "Cy")]);
        assert_eq!(back.key("d1"), Some(2));
        assert_eq!(back.key("d2"), None);
    }

    #[test]
    fn records_this_tab_wrote_are_read_back_as_written_without_decoding_them() {
        let mut fresh = Fresh::default();
        // Two records of the same length: each must find its own file, not the other's.
        let a = fresh.record(
            "d1".into(),
            "a.json".into(),
            vec![student("Ana", vec![ann("a1", 0, 5)])],
        );
        let b = fresh.record(
            "d1".into(),
            "b.json".into(),
            vec![student("Ana", vec![ann("a1", 0, 5)])],
        );
        assert_eq!(a.len(), b.len());
        let other = file_record("d1".into(), "c.json".into(), vec![student("Cy", vec![])]);
        let meta = vec![
            ("class-7".to_string(), b),
            ("class-2".to_string(), other),
            ("class-5".to_string(), a),
        ];
        let (read, problems) = Class::decode(&meta);
        let (reused, _) = Class::decode_with(&meta, &mut fresh);
        assert!(problems.is_empty());
        assert_eq!(reused, read);
        let files: Vec<(u64, &str)> = (reused.all_files())
            .map(|f| (f.n, f.file.as_str()))
            .collect();
        assert_eq!(files, [(2, "c.json"), (5, "a.json"), (7, "b.json")]);
        assert_eq!(reused.next, 8);
        assert!(fresh.0.is_empty(), "each file is taken once");
        // And taken, not read: what is kept is what comes back.
        let d = fresh.record("d1".into(), "d.json".into(), vec![]);
        fresh.0[0].2.file = "kept, not read".into();
        let (c, _) = Class::decode_with(&[("class-0".into(), d)], &mut fresh);
        assert_eq!(c.files[0].file, "kept, not read");
    }

    #[test]
    fn the_app_keeps_records_unread_numbers_them_and_never_reuses_a_number() {
        let ana = file_record("d1".into(), "ana.json".into(), vec![student("Ana", vec![])]);
        let meta = vec![
            ("class-4".to_string(), "{not json".to_string()),
            ("settings".to_string(), "{}".to_string()),
            ("class-1".to_string(), ana.clone()),
        ];
        let mut r = Records::from_meta(&meta);
        // Kept as they are, the unreadable one too, in load order.
        assert_eq!(r.all(), [meta[2].clone(), meta[0].clone()]);
        assert_eq!(r.add(ana.clone()), vec![Effect::SaveClassFile(5)]);
        let before = r.revision();
        assert_eq!(r.put(5, "x".into()), vec![Effect::SaveClassFile(5)]);
        assert_eq!(r.get(5), Some("x"));
        assert_eq!(r.put(9, "x".into()), vec![]);
        assert_eq!(r.remove(5), vec![Effect::DeleteClassFile(5)]);
        assert_eq!(r.remove(5), vec![]);
        assert!(r.revision() > before);
        assert_eq!(r.add(ana), vec![Effect::SaveClassFile(6)]);
        // What the app keeps, Compare reads.
        let (class, problems) = Class::decode(&r.all());
        assert_eq!(problems.len(), 1);
        assert_eq!(class.files("d1").count(), 2);
    }

    #[test]
    fn an_assignment_file_is_kept_with_its_scope_and_no_annotators() {
        let scope = Scope {
            assignment: "as-1".into(),
            tags: vec!["objective-11".into(), "principle-human-rights".into()],
            given: vec![ann("g1", 3, 9)],
        };
        let mut r = Records::default();
        r.add(scope_record("d1".into(), "hand.json".into(), scope.clone()));
        r.add(file_record(
            "d1".into(),
            "ana.json".into(),
            vec![student("Ana", vec![])],
        ));
        let (c, problems) = Class::decode(&r.all());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(c.scope("d1"), Some(("hand.json", &scope)));
        assert_eq!(c.scope("d2"), None);
        assert_eq!(c.roster("d1").count(), 1);
    }

    #[test]
    fn a_removed_file_takes_its_key_along() {
        let mut c = Class::default();
        c.add("d1".into(), "a.json".into(), vec![student("Ana", vec![])]);
        c.add("d1".into(), "b.json".into(), vec![student("Ben", vec![])]);
        c.set_key("d1", Some((0, 0)));
        let mut kept = Records::from_meta(&records(&c));
        assert_eq!(kept.remove(0), vec![Effect::DeleteClassFile(0)]);
        let (back, _) = Class::decode(&kept.all());
        assert_eq!(back.key("d1"), None);
        assert_eq!(back.files("d1").count(), 1);
    }

    #[test]
    fn choosing_another_key_rewrites_both_files_and_a_seat_it_lacks_means_none() {
        let mut c = Class::default();
        c.add("d1".into(), "a.json".into(), vec![student("Ana", vec![])]);
        c.add("d1".into(), "b.json".into(), vec![student("Ben", vec![])]);
        c.set_key("d1", Some((0, 0)));
        let e = c.set_key("d1", Some((1, 0)));
        assert_eq!(e, vec![Effect::SaveClassFile(0), Effect::SaveClassFile(1)]);
        assert_eq!(c.key("d1"), Some(1));
        assert_eq!(
            c.set_key("d1", Some((1, 7))),
            vec![Effect::SaveClassFile(1)]
        );
        assert_eq!(c.key("d1"), None);
    }

    #[test]
    fn a_column_sorts_names_from_a_and_figures_from_the_largest_and_a_second_click_turns_it() {
        let v = ClassView::default();
        assert_eq!(v.sort, (0, false));
        assert_eq!(v.sorted_by(0).sort, (0, true));
        assert_eq!(v.sorted_by(4).sort, (4, true));
        assert_eq!(v.sorted_by(4).sorted_by(4).sort, (4, false));
        assert_eq!(v.sorted_by(4).sorted_by(0).sort, (0, false));
    }

    #[test]
    fn an_unreadable_record_is_reported_and_its_number_is_not_reused() {
        let mut c = Class::default();
        c.add(
            "d1".into(),
            "a.json".into(),
            vec![student("Ana", vec![ann("a1", 0, 5)])],
        );
        let mut meta = records(&c);
        meta.push(("class-7".into(), "{not json".into()));
        meta.push(("settings".into(), "{}".into()));
        let cut = meta[0].1.replace("\"annotator\"", "\"stranger\"");
        meta.push(("class-3".into(), cut));
        let (mut back, problems) = Class::decode(&meta);
        assert_eq!(problems.len(), 2);
        assert_eq!(back.files("d1").count(), 1);
        assert_eq!(
            back.add("d1".into(), "b.json".into(), vec![]),
            vec![Effect::SaveClassFile(8)]
        );
    }
}
