//! Compare's files (issue 22): the exports a teacher loaded into Compare, per document, with
//! the answer key, kept in the app's state so that they outlive the view, and stored one
//! record per file (`class-<n>` in [`crate::storage::STORE_META`], schema 6) so that they
//! outlive a reload. The shell reads the files and the core parses them
//! ([`crate::classroom::load_one`]); this keeps what came of it, and says what to store.

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
}

/// Where an annotator of Compare comes from: its file's number and its place in that file.
pub type Seat = (u64, usize);

/// Every document's files in Compare, and how agreement is counted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Class {
    /// In load order; shared, so that the model's clone on every action copies none.
    files: Vec<Arc<ClassFile>>,
    /// The next file's number: above every `class-<n>` key storage holds, read or not (a
    /// record that could not be read is never written over).
    next: u64,
    /// Agreement over coded text only: the code points at least one annotator coded
    /// ([`crate::classroom::table`]'s `coded_only`). Not stored: a way of looking.
    pub coded_only: bool,
}

impl Class {
    /// The files of `document`, in load order.
    pub fn files<'a>(&'a self, document: &'a str) -> impl Iterator<Item = &'a ClassFile> + 'a {
        self.files
            .iter()
            .map(|f| &**f)
            .filter(move |f| f.document == document)
    }

    /// The annotators of `document`'s files, in load order, each with its seat; and the
    /// place of the answer key among them, if one is chosen.
    pub fn roster(&self, document: &str) -> (Vec<Maker>, Vec<Seat>, Option<usize>) {
        let (mut annotators, mut seats, mut key) = (Vec::new(), Vec::new(), None);
        for f in self.files(document) {
            for (i, a) in f.annotators.iter().enumerate() {
                if f.key == Some(i) {
                    key = Some(seats.len());
                }
                annotators.push(a.clone());
                seats.push((f.n, i));
            }
        }
        (annotators, seats, key)
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
        }));
        vec![Effect::SaveClassFile(n)]
    }

    /// Removes file `n` (the answer key goes with it, if it was in it); asks to delete its
    /// record. Nothing happens for a number it does not hold.
    pub fn remove(&mut self, n: u64) -> Vec<Effect> {
        let before = self.files.len();
        self.files.retain(|f| f.n != n);
        match self.files.len() < before {
            true => vec![Effect::DeleteClassFile(n)],
            false => vec![],
        }
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

    /// What storage held ([`Class::decode`]), replacing what this tab had; how agreement
    /// is counted stays.
    pub fn restore(&mut self, stored: Class) {
        let coded_only = self.coded_only;
        *self = Class {
            coded_only,
            ..stored
        };
    }

    /// File `n`'s record, as stored ([`encode`]); `None` for a number it does not hold.
    pub fn record(&self, n: u64) -> Option<String> {
        self.files.iter().find(|f| f.n == n).map(|f| encode(f))
    }

    /// Compare's files from the records of [`crate::storage::STORE_META`] (with their keys;
    /// keys of other records are passed over), and why each record that could not be read
    /// was not. Files come in the order they were loaded.
    pub fn decode(meta: &[(String, String)]) -> (Class, Vec<LoadError>) {
        let (mut class, mut problems) = (Class::default(), Vec::new());
        for (key, json) in meta {
            let Some(n) = key
                .strip_prefix(CLASS_PREFIX)
                .and_then(|n| n.parse::<u64>().ok())
            else {
                continue;
            };
            class.next = class.next.max(n + 1);
            match decode(n, json) {
                Ok(f) => class.files.push(Arc::new(f)),
                Err(e) => problems.push(e),
            }
        }
        crate::sort::sort_by_key(&mut class.files, |f| f.n);
        (class, problems)
    }
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
// its own codes in `suffix` as the codebook's record.

/// File `f` as its record holds it: see above.
fn encode(f: &ClassFile) -> String {
    let mut out = vec![Annotation {
        document: f.document.clone(),
        quote: f.file.clone(),
        ..storage::marker("file")
    }];
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
    };
    while let Some(m) = entries.next() {
        match m.id.as_str() {
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
        let (annotators, seats, key) = back.roster("d1");
        let names: Vec<&str> = annotators.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Ana", "Ben", "Cy"]);
        assert_eq!(seats, [(0, 0), (1, 0), (1, 1)]);
        assert_eq!(key, Some(2));
    }

    #[test]
    fn a_removed_file_takes_its_key_along_and_its_number_is_never_reused() {
        let mut c = Class::default();
        c.add("d1".into(), "a.json".into(), vec![student("Ana", vec![])]);
        c.add("d1".into(), "b.json".into(), vec![student("Ben", vec![])]);
        c.set_key("d1", Some((0, 0)));
        assert_eq!(c.remove(0), vec![Effect::DeleteClassFile(0)]);
        assert_eq!(c.remove(0), vec![]);
        assert_eq!(c.roster("d1").2, None);
        assert_eq!(
            c.add("d1".into(), "c.json".into(), vec![]),
            vec![Effect::SaveClassFile(2)]
        );
    }

    #[test]
    fn choosing_another_key_rewrites_both_files_and_a_seat_it_lacks_means_none() {
        let mut c = Class::default();
        c.add("d1".into(), "a.json".into(), vec![student("Ana", vec![])]);
        c.add("d1".into(), "b.json".into(), vec![student("Ben", vec![])]);
        c.set_key("d1", Some((0, 0)));
        let e = c.set_key("d1", Some((1, 0)));
        assert_eq!(e, vec![Effect::SaveClassFile(0), Effect::SaveClassFile(1)]);
        assert_eq!(
            c.set_key("d1", Some((1, 7))),
            vec![Effect::SaveClassFile(1)]
        );
        assert_eq!(c.roster("d1").2, None);
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
