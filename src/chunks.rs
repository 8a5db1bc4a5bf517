//! Where each stored annotation lives (schema 2: chunk records of up to [`CHUNK`]) and what a
//! batch of storage effects writes: the records to put or delete, in order.
//!
//! Writing one record per annotation made an import of 50,000 take 16 s to store, each of
//! 50,000 IndexedDB requests costing a round trip to the browser's storage process. In
//! chunks, the same import is 100 records. A change to one annotation rewrites its chunk
//! only: at most [`CHUNK`] annotations, encoded when written.
//!
//! Keys are never reused: a new chunk takes a key no record has had in this session's
//! reading of the store, so a record that could not be read (damaged, or from a newer
//! version) is never overwritten.

use crate::annotation::{Annotation, Millis};
use crate::effect::Effect;
use crate::state::Model;
use crate::storage::{
    encode, encode_chunk, StoredSettings, SETTINGS_KEY, STORE_ANNOTATIONS, STORE_DOCUMENTS,
    STORE_META,
};
use std::collections::{HashMap, HashSet, VecDeque};

/// The most annotations one chunk holds. A change to one annotation re-encodes its whole
/// chunk (some 200 KB and 2 ms at 500); an import of 50,000 makes 100 records, each write a
/// single request of that size.
pub const CHUNK: usize = 500;

/// How the keys of chunks begin: `chunk-1`, `chunk-2`, … (version-1 records, chunks of one
/// after migration, keep their annotation's id as key).
pub const CHUNK_PREFIX: &str = "chunk-";

/// What a write puts: JSON already, or a chunk encoded when it is written (so that an import
/// is painted before 50,000 annotations are encoded). The chunk is a copy taken at the time
/// of the change: encoded later, it still holds the state of then.
#[derive(Debug)]
pub enum Payload {
    Json(String),
    Chunk(Vec<Annotation>),
    /// An undo step ([`crate::storage::encode_step`]) and its size in bytes, estimated.
    Step(crate::history::Step, usize),
}

impl Payload {
    /// The record as stored.
    pub fn encode(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Payload::Json(s) => s.as_str().into(),
            Payload::Chunk(list) => encode_chunk(list).into(),
            Payload::Step(step, _) => crate::storage::encode_step(step).into(),
        }
    }

    /// How many annotations it carries (its share of the encoding work), at least 1.
    pub fn weight(&self) -> usize {
        match self {
            Payload::Json(_) => 1,
            Payload::Chunk(list) => list.len().max(1),
            // An annotation is some 400 bytes of JSON.
            Payload::Step(_, bytes) => (bytes / 400).max(1),
        }
    }
}

/// One write: put a record under a key in a store, or delete the key.
#[derive(Debug)]
pub struct Write {
    pub store: &'static str,
    pub key: String,
    pub value: Option<Payload>,
}

#[derive(Debug, Default)]
struct Slot {
    key: String,
    /// How many annotations it holds.
    count: usize,
}

/// Which chunk holds each stored annotation, as read at start and kept up to date by
/// [`Layout::writes`].
#[derive(Debug, Default)]
pub struct Layout {
    slots: Vec<Slot>,
    place: HashMap<String, usize>,
    /// Past the number of every `chunk-<n>` key the store had when read, readable or not,
    /// and of every key made since: a new chunk's key is new (other keys cannot be equal to
    /// `chunk-<n>` for so large an n).
    next: u64,
    /// The chunk new annotations go to while it has room.
    open: Option<usize>,
}

impl Layout {
    /// The layout of what was read: each readable record's key with the ids it holds, and
    /// the keys of the records that could not be read (left alone for good).
    pub fn new(chunks: Vec<(String, Vec<String>)>, unread: Vec<String>) -> Layout {
        let mut layout = Layout::default();
        for key in unread {
            layout.note_key(&key);
        }
        for (key, ids) in chunks {
            layout.note_key(&key);
            let i = layout.slots.len();
            layout.slots.push(Slot { key, count: 0 });
            for id in ids {
                // An id stored twice: the later record wins, the earlier drops it when it is
                // next written.
                match layout.place.insert(id, i) {
                    Some(before) if before != i => layout.slots[before].count -= 1,
                    Some(_) => continue,
                    None => {}
                }
                layout.slots[i].count += 1;
            }
        }
        // New annotations fill the newest chunk this app made, if it has room.
        layout.open = (0..layout.slots.len())
            .filter(|&i| layout.slots[i].key.starts_with(CHUNK_PREFIX))
            .max_by_key(|&i| chunk_number(&layout.slots[i].key))
            .filter(|&i| layout.slots[i].count < CHUNK);
        layout
    }

    fn note_key(&mut self, key: &str) {
        if let Some(n) = chunk_number(key) {
            self.next = self.next.max(n + 1);
        }
    }

    /// The key of the chunk that holds annotation `id`, if stored.
    pub fn key_of(&self, id: &str) -> Option<&str> {
        self.place.get(id).map(|&i| self.slots[i].key.as_str())
    }

    /// How many chunks hold at least one annotation.
    pub fn chunks(&self) -> usize {
        self.slots.iter().filter(|s| s.count > 0).count()
    }

    /// The chunk that keeps annotation `id`: its own, or one with room.
    fn home(&mut self, id: &str) -> usize {
        if let Some(&i) = self.place.get(id) {
            return i;
        }
        let i = match self.open {
            Some(i) if self.slots[i].count < CHUNK => i,
            _ => {
                self.next = self.next.max(1);
                let key = format!("{CHUNK_PREFIX}{}", self.next);
                self.next += 1;
                self.slots.push(Slot { key, count: 0 });
                self.slots.len() - 1
            }
        };
        self.open = Some(i);
        self.place.insert(id.to_string(), i);
        self.slots[i].count += 1;
        i
    }

    /// Turns annotation effects (the others are passed over: see [`split`]) into chunk
    /// writes. The other annotations of a chunk that changes are taken from `annotations`
    /// and `orphans`, the library's lists as they are now.
    ///
    /// Cost: a hash look-up per effect, and one pass over the lists when a chunk holds
    /// annotations the effects do not carry; the shell calls it on slices of a large import.
    pub fn writes(
        &mut self,
        effects: Vec<Effect>,
        annotations: &[Annotation],
        orphans: &[Annotation],
    ) -> Vec<Write> {
        // Per chunk (indexed like `slots`, which may grow here): the annotations to write.
        let mut content: Vec<Option<Vec<Annotation>>> = Vec::new();
        let mut dirty: Vec<usize> = Vec::new();
        fn touch(content: &mut Vec<Option<Vec<Annotation>>>, dirty: &mut Vec<usize>, i: usize) {
            if content.len() <= i {
                content.resize_with(i + 1, || None);
            }
            if content[i].is_none() {
                content[i] = Some(Vec::new());
                dirty.push(i);
            }
        }
        for effect in effects {
            match effect {
                Effect::SaveAnnotation(a) => {
                    let i = self.home(&a.id);
                    touch(&mut content, &mut dirty, i);
                    content[i].get_or_insert_with(Vec::new).push(a);
                }
                // Their chunks take them from the lists, below, with their other annotations.
                Effect::SaveAnnotations(ids) => {
                    for id in ids.ids() {
                        let i = self.home(id);
                        touch(&mut content, &mut dirty, i);
                    }
                }
                Effect::DeleteAnnotation(id) => {
                    if let Some(i) = self.place.remove(&id) {
                        self.slots[i].count -= 1;
                        touch(&mut content, &mut dirty, i);
                        if let Some(list) = &mut content[i] {
                            list.retain(|a| a.id != id);
                        }
                    }
                }
                _ => {}
            }
        }
        for list in content.iter_mut().flatten() {
            keep_last(list);
        }
        // The other annotations of the chunks that change, from the lists: one pass, only
        // when a chunk holds annotations this batch did not carry. They go first, so that
        // the copy this batch carries is the one kept.
        let wanting: Vec<bool> = (0..content.len())
            .map(|i| {
                content[i]
                    .as_ref()
                    .is_some_and(|l| l.len() < self.slots[i].count)
            })
            .collect();
        if wanting.contains(&true) {
            let mut older: Vec<Vec<Annotation>> = vec![Vec::new(); content.len()];
            for a in annotations.iter().chain(orphans) {
                if let Some(&i) = self.place.get(&a.id) {
                    if wanting.get(i) == Some(&true) {
                        older[i].push(a.clone());
                    }
                }
            }
            for (i, mut old) in older.into_iter().enumerate() {
                if let (false, Some(list)) = (old.is_empty(), &mut content[i]) {
                    old.append(list);
                    keep_last(&mut old);
                    *list = old;
                }
            }
        }
        let mut out = Vec::with_capacity(dirty.len());
        for i in dirty {
            let list = content[i].take().unwrap_or_default();
            if list.len() != self.slots[i].count {
                // What the lists no longer hold cannot be written: it is no longer stored.
                let present: HashSet<&str> = list.iter().map(|a| a.id.as_str()).collect();
                self.place
                    .retain(|id, at| *at != i || present.contains(id.as_str()));
                self.slots[i].count = list.len();
            }
            out.push(Write {
                store: STORE_ANNOTATIONS,
                key: self.slots[i].key.clone(),
                value: (!list.is_empty()).then_some(Payload::Chunk(list)),
            });
        }
        out
    }
}

/// Takes the effects of the next `n` annotations (at least one effect) off the front of
/// `pending`, for one call of [`Layout::writes`]: an [`Effect::SaveAnnotations`] of more
/// is split, its ids shared, not copied.
pub fn take_slice(pending: &mut VecDeque<Effect>, n: usize) -> Vec<Effect> {
    let mut part = Vec::new();
    let mut room = n.max(1);
    while room > 0 {
        let Some(mut e) = pending.pop_front() else {
            break;
        };
        if let Effect::SaveAnnotations(ids) = &mut e {
            if ids.len() > room {
                pending.push_front(Effect::SaveAnnotations(ids.split_off(room)));
            }
        }
        room = room.saturating_sub(e.annotations().max(1));
        part.push(e);
    }
    part
}

/// Keeps the last copy of each annotation in `list` (saved twice in one batch, made then
/// edited: the later copy is the state), in order.
fn keep_last(list: &mut Vec<Annotation>) {
    let keep: Vec<bool> = {
        let mut seen: HashSet<&str> = HashSet::new();
        let mut keep: Vec<bool> = list.iter().rev().map(|a| seen.insert(&a.id)).collect();
        keep.reverse();
        keep
    };
    if keep.contains(&false) {
        let mut k = keep.into_iter();
        list.retain(|_| k.next().unwrap_or(true));
    }
}

/// Splits storage effects: the writes of documents and settings, made now from `model`
/// (`now` dates a saved document), and the annotation effects, for [`Layout::writes`]. The
/// page's effects are passed over.
pub fn split(effects: Vec<Effect>, model: &Model, now: Millis) -> (Vec<Write>, Vec<Effect>) {
    let mut records = Vec::new();
    let mut annotations = Vec::new();
    for effect in effects {
        match effect {
            Effect::SaveAnnotation(_)
            | Effect::SaveAnnotations(_)
            | Effect::DeleteAnnotation(_) => annotations.push(effect),
            Effect::SaveDocument(id) => {
                if let Some(doc) = model.library.document(&id) {
                    records.push(Write {
                        store: STORE_DOCUMENTS,
                        key: id,
                        value: Some(Payload::Json(crate::stored_document::encode_document(
                            doc, now,
                        ))),
                    });
                }
            }
            Effect::DeleteDocument(id) => records.push(Write {
                store: STORE_DOCUMENTS,
                key: id,
                value: None,
            }),
            Effect::SaveSettings => records.push(settings_write(model)),
            Effect::SaveCodebook => records.push(Write {
                store: crate::storage::STORE_META,
                key: crate::storage::CODEBOOK_KEY.to_string(),
                value: Some(Payload::Json(encode(&crate::storage::StoredCodebook {
                    codes: model.library.codebook().own().to_vec(),
                }))),
            }),
            Effect::SaveAssignment => records.push(Write {
                store: crate::storage::STORE_META,
                key: crate::storage::ASSIGNMENT_KEY.to_string(),
                value: model
                    .library
                    .assignment()
                    .map(|a| Payload::Json(crate::storage::encode_assignment(a))),
            }),
            Effect::SaveClassFile(n) => records.extend(model.class.get(n).map(|json| Write {
                store: STORE_META,
                key: crate::state::class::record_key(n),
                value: Some(Payload::Json(json.to_string())),
            })),
            Effect::DeleteClassFile(n) => records.push(Write {
                store: STORE_META,
                key: crate::state::class::record_key(n),
                value: None,
            }),
            Effect::SaveSuggester => records.push(Write {
                store: STORE_META,
                key: crate::storage::SUGGESTER_KEY.to_string(),
                value: model
                    .suggester
                    .as_ref()
                    .map(|j| Payload::Json(j.to_string())),
            }),
            Effect::Imported { .. }
            | Effect::Focus(_)
            | Effect::Caret(_)
            | Effect::ScrollTo { .. }
            | Effect::ClearSelection
            | Effect::Download { .. }
            | Effect::Convert { .. } => {}
        }
    }
    (records, annotations)
}

/// The number of a key this app made for a chunk (`chunk-12` is 12).
fn chunk_number(key: &str) -> Option<u64> {
    key.strip_prefix(CHUNK_PREFIX)?.parse().ok()
}

/// The settings record: the settings, the open document, and where each document was read
/// to (code points, sorted by document id).
fn settings_write(model: &Model) -> Write {
    let s = &model.session;
    Write {
        store: STORE_META,
        key: SETTINGS_KEY.into(),
        value: Some(Payload::Json(encode(&StoredSettings {
            settings: s.settings.clone(),
            open: s.open.clone(),
            scroll: s.scroll.iter().map(|(k, v)| (k.clone(), v.0)).collect(),
        }))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::action::Action;
    use crate::effect::Ids;
    use crate::formats::export::export_file;
    use crate::formats::{Format, Options};
    use crate::storage::{decode, StoredChunk};
    use std::sync::Arc;

    fn ann(id: &str, note: &str) -> Annotation {
        Annotation {
            document: "gone".into(),
            created: 1,
            updated: 1,
            annotator: "Ana".into(),
            ..Annotation::sample(id, note)
        }
    }

    fn stored(w: &Write) -> Vec<(String, String)> {
        let json = w.value.as_ref().expect("a put").encode();
        decode::<StoredChunk>(&json)
            .expect("a chunk")
            .annotations
            .into_iter()
            .map(|a| (a.id, a.note))
            .collect()
    }

    #[test]
    fn an_import_of_1200_is_three_chunk_records() {
        let list: Vec<Annotation> = (0..1200).map(|i| ann(&format!("a{i:04}"), "")).collect();
        let mut layout = Layout::default();
        let effects = list.iter().cloned().map(Effect::SaveAnnotation).collect();
        let writes = layout.writes(effects, &[], &list);
        assert_eq!(writes.len(), 3);
        assert_eq!(writes[0].key, "chunk-1");
        let sizes: Vec<usize> = writes.iter().map(|w| stored(w).len()).collect();
        assert_eq!(sizes, vec![500, 500, 200]);
    }

    #[test]
    fn an_edit_rewrites_only_its_chunk_with_its_neighbours_as_they_are() {
        let mut list: Vec<Annotation> = (0..600).map(|i| ann(&format!("a{i:04}"), "")).collect();
        let mut layout = Layout::default();
        let effects = list.iter().cloned().map(Effect::SaveAnnotation).collect();
        layout.writes(effects, &list, &[]);
        list[550].note = "edited".into();
        let writes = layout.writes(vec![Effect::SaveAnnotation(list[550].clone())], &list, &[]);
        assert_eq!(writes.len(), 1);
        assert_eq!(writes[0].key, "chunk-2");
        let chunk = stored(&writes[0]);
        assert_eq!(chunk.len(), 100);
        assert!(chunk.contains(&("a0550".into(), "edited".into())));
    }

    #[test]
    fn a_chunk_emptied_by_deletes_is_deleted_then_refilled() {
        let list: Vec<Annotation> = (0..3).map(|i| ann(&format!("a{i}"), "")).collect();
        let mut layout = Layout::default();
        let effects = list.iter().cloned().map(Effect::SaveAnnotation).collect();
        layout.writes(effects, &list, &[]);
        let deletes = list
            .iter()
            .map(|a| Effect::DeleteAnnotation(a.id.clone()))
            .collect();
        let writes = layout.writes(deletes, &[], &[]);
        assert_eq!(writes.len(), 1);
        assert!(writes[0].value.is_none());
        assert_eq!(layout.chunks(), 0);
        let again = ann("b", "");
        let writes = layout.writes(vec![Effect::SaveAnnotation(again.clone())], &[again], &[]);
        assert_eq!(writes[0].key, "chunk-1", "the emptied chunk takes new ones");
    }

    #[test]
    fn an_annotation_saved_twice_in_one_batch_is_stored_once_as_last_saved() {
        let first = ann("a", "first");
        let second = ann("a", "second");
        let mut layout = Layout::default();
        let writes = layout.writes(
            vec![
                Effect::SaveAnnotation(first),
                Effect::SaveAnnotation(second.clone()),
            ],
            &[second],
            &[],
        );
        assert_eq!(stored(&writes[0]), vec![("a".into(), "second".into())]);
    }

    #[test]
    fn keys_of_unreadable_records_are_never_written() {
        let mut layout = Layout::new(
            vec![
                ("old-id".into(), vec!["old-id".into()]),
                ("chunk-3".into(), vec!["c".into()]),
            ],
            vec!["chunk-4".into()],
        );
        assert_eq!(layout.key_of("old-id"), Some("old-id"));
        let full: Vec<Annotation> = (0..CHUNK).map(|i| ann(&format!("n{i}"), "")).collect();
        let mut all = full.clone();
        all.push(ann("c", ""));
        all.push(ann("old-id", ""));
        let writes = layout.writes(
            full.iter().cloned().map(Effect::SaveAnnotation).collect(),
            &all,
            &[],
        );
        let keys: Vec<&str> = writes.iter().map(|w| w.key.as_str()).collect();
        // 499 fill chunk-3 (which had room), the last one opens chunk-5, past the damaged 4.
        assert_eq!(keys, vec!["chunk-3", "chunk-5"]);
        assert_eq!(stored(&writes[0]).len(), CHUNK);
    }

    #[test]
    fn an_imports_ids_taken_in_slices_store_every_annotation_once() {
        let list: Vec<Annotation> = (0..1200).map(|i| ann(&format!("a{i:04}"), "")).collect();
        let ids: Arc<[String]> = list.iter().map(|a| a.id.clone()).collect();
        let mut pending: VecDeque<Effect> = VecDeque::from([
            Effect::imported("f.json", 1200),
            Effect::SaveAnnotations(Ids::all(ids)),
            Effect::DeleteAnnotation("a0000".into()),
        ]);
        // Deleted before it was written: the lists no longer hold it.
        let now = &list[1..];
        let mut layout = Layout::default();
        let mut stored_ids = Vec::new();
        while !pending.is_empty() {
            let part = take_slice(&mut pending, 700);
            assert!(part.iter().map(Effect::annotations).sum::<usize>() <= 700);
            for w in layout.writes(part, now, &[]) {
                if w.value.is_some() {
                    stored_ids.extend(stored(&w));
                }
            }
        }
        let mut got: Vec<String> = stored_ids.into_iter().map(|(id, _)| id).collect();
        got.sort();
        got.dedup();
        let want: Vec<String> = now.iter().map(|a| a.id.clone()).collect();
        assert_eq!(got, want);
        assert_eq!(layout.key_of("a0000"), None);
        assert_eq!(layout.chunks(), 3);
    }

    use crate::state::testing::{create, model_with_doc};

    /// Carries out the storage effects as the shell does (in slices of 7 annotations) on a
    /// store of chunk records, and returns what the store then holds, by id.
    fn store(
        db: &mut std::collections::BTreeMap<String, Vec<Annotation>>,
        layout: &mut Layout,
        effects: Vec<Effect>,
        m: &Model,
    ) -> std::collections::BTreeMap<String, Annotation> {
        let (_, annotations) = split(effects, m, 1);
        let mut pending: std::collections::VecDeque<Effect> = annotations.into();
        while !pending.is_empty() {
            let part = take_slice(&mut pending, 7);
            let lib = &m.library;
            for w in layout.writes(part, lib.annotations(), lib.orphans()) {
                match w.value {
                    Some(v) => {
                        let chunk: StoredChunk = decode(&v.encode()).unwrap();
                        db.insert(w.key, chunk.annotations);
                    }
                    None => {
                        db.remove(&w.key);
                    }
                }
            }
        }
        db.values()
            .flatten()
            .map(|a| (a.id.clone(), a.clone()))
            .collect()
    }

    #[test]
    fn an_import_undone_and_redone_twice_keeps_and_stores_every_annotation() {
        let text: String = (0..40).map(|i| format!("word{i} ")).collect();
        let mut theirs = model_with_doc(&text);
        for i in 0..30 {
            let at = i * 7;
            create(&mut theirs, &format!("t{i}"), at, at + 5, &["objective-3"]);
        }
        let file = export_file(&theirs.library, Format::Project, None, Options::default());
        let mut m = model_with_doc(&text);
        let (mut db, mut layout) = Default::default();
        let mine = create(&mut m, "mine", 1, 4, &["objective-1"]);
        store(&mut db, &mut layout, mine, &m);
        let mut n = 0;
        let mut ids = || {
            n += 1;
            format!("id-{n}")
        };
        let effects = m
            .import_file("theirs.json", file.content.as_bytes(), &mut ids, 1)
            .unwrap();
        assert_eq!(effects[0], Effect::imported("theirs.json", 30));
        // Imported as they were, but for their origin.
        let imported: Vec<Annotation> = (theirs.library.annotations().iter())
            .map(|a| Annotation {
                origin: crate::annotation::Origin::Imported,
                ..a.clone()
            })
            .collect();
        let all = |m: &Model| -> std::collections::BTreeMap<String, Annotation> {
            let list = m.library.annotations().iter();
            list.map(|a| (a.id.clone(), a.clone())).collect()
        };
        let after_import = all(&m);
        assert_eq!(after_import.len(), 31);
        for a in &imported {
            assert_eq!(after_import.get(&a.id), Some(a), "imported as it was");
        }
        assert_eq!(store(&mut db, &mut layout, effects, &m), after_import);
        for round in 0..2 {
            let undone = m.apply(Action::Undo);
            assert_eq!(m.library.annotations().len(), 1, "round {round}");
            assert_eq!(store(&mut db, &mut layout, undone, &m), all(&m));
            let redone = m.apply(Action::Redo);
            assert_eq!(all(&m), after_import, "round {round}: every one back");
            assert_eq!(store(&mut db, &mut layout, redone, &m), after_import);
        }
        assert_eq!(m.history.undo_len(), 2, "the import is one step");
    }
}
