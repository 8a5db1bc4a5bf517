//! The undo history in storage (schema 5): which records a change writes, and the history
//! read back at start. Each step is a record of its own, numbered ([`Kept::seq`]), and one
//! small list says which steps can be undone and redone: a change writes its new steps and
//! the list, and deletes the steps it forgot, never the whole history.

use crate::chunks::{Payload, Write};
use crate::history::{History, Kept, HISTORY_BYTES};
use crate::storage::{
    decode_history, decode_step, encode_history, LoadError, StoredHistory, HISTORY_KEY,
    STEP_PREFIX, STORE_META,
};

/// What storage holds of the history, as this session knows it. Kept by the shell's saver;
/// [`Shelf::writes`] says what a change writes.
#[derive(Debug, Default)]
pub struct Shelf {
    /// The numbers of the step records in storage: written in this session, or read (even
    /// those that could not be read, so that they are deleted with the next list written).
    stored: Vec<u64>,
    /// The list as last written, or as read.
    list: StoredHistory,
    /// True when the history is not stored in this session (it stays in memory): its
    /// stored list was written by a newer version (kept untouched), or writing it failed.
    pub off: bool,
}

/// The key of step `seq`'s record.
pub fn step_key(seq: u64) -> String {
    format!("{STEP_PREFIX}{seq}")
}

/// True for a write of the history (its list or a step): what the saver leaves out when
/// the history cannot be written, so that the work still is.
pub fn is_history(w: &Write) -> bool {
    w.store == STORE_META && (w.key == HISTORY_KEY || w.key.starts_with(STEP_PREFIX))
}

/// The steps of a stack that storage keeps, bottom first: those nearest the present, up to
/// a step that alone is over [`HISTORY_BYTES`] (kept in memory only, and what lies beyond
/// it with it: undoing those while it stands would skip a step).
fn storable(stack: &[Kept]) -> Vec<u64> {
    let mut seqs: Vec<u64> = stack
        .iter()
        .rev()
        .take_while(|k| k.bytes <= HISTORY_BYTES)
        .map(|k| k.seq)
        .collect();
    seqs.reverse();
    seqs
}

impl Shelf {
    /// The writes that bring storage to `history`: the steps it does not hold yet, the
    /// deletions of those it no longer lists, and the list. Nothing when the list is as last
    /// written (most actions: O(steps) to tell, some 200 numbers). A step is encoded when
    /// it is written ([`Payload::Step`]), not here.
    pub fn writes(&mut self, history: &History) -> Vec<Write> {
        let list = StoredHistory {
            undo: storable(history.undo_steps()),
            redo: storable(history.redo_steps()),
        };
        if self.off || list == self.list {
            return Vec::new();
        }
        let listed: Vec<u64> = list.undo.iter().chain(&list.redo).copied().collect();
        let mut out = Vec::new();
        for k in history.undo_steps().iter().chain(history.redo_steps()) {
            if listed.contains(&k.seq) && !self.stored.contains(&k.seq) {
                self.stored.push(k.seq);
                out.push(Write {
                    store: STORE_META,
                    key: step_key(k.seq),
                    value: Some(Payload::Step(k.step.clone(), k.bytes)),
                });
            }
        }
        let (kept, gone): (Vec<u64>, Vec<u64>) =
            self.stored.iter().partition(|seq| listed.contains(seq));
        self.stored = kept;
        for seq in gone {
            out.push(Write {
                store: STORE_META,
                key: step_key(seq),
                value: None,
            });
        }
        out.push(Write {
            store: STORE_META,
            key: HISTORY_KEY.into(),
            value: Some(Payload::Json(encode_history(&list))),
        });
        self.list = list;
        out
    }
}

/// The history storage held, and the [`Shelf`] that goes on from it. `list` is the text of
/// the [`HISTORY_KEY`] record, if any; `steps` every record whose key starts with
/// [`STEP_PREFIX`], with its key. History is secondary: a list or a listed step that cannot
/// be read (damaged, missing) gives an empty history, written over at the next change; one
/// from a newer version gives an empty history that is not stored in this session, so that
/// the newer version finds its own again. The work is read apart and never depends on it.
pub fn load(list: Option<&str>, steps: Vec<(String, String)>) -> (History, Shelf) {
    let mut shelf = Shelf::default();
    let by_seq: Vec<(u64, String)> = steps
        .into_iter()
        .filter_map(|(key, json)| Some((key.strip_prefix(STEP_PREFIX)?.parse().ok()?, json)))
        .collect();
    shelf.stored = by_seq.iter().map(|(seq, _)| *seq).collect();
    let next = shelf.stored.iter().max().map_or(0, |n| n + 1);
    let read = list.map(|json| {
        let list = decode_history(json)?;
        let kept = |seqs: &[u64]| {
            seqs.iter()
                .map(|&seq| {
                    let json = by_seq.iter().find(|(s, _)| *s == seq).map(|(_, j)| j);
                    let json = json.ok_or(LoadError::Malformed(step_key(seq)))?;
                    let step = decode_step(json)?;
                    let bytes = step.bytes();
                    Ok(Kept { seq, bytes, step })
                })
                .collect::<Result<Vec<Kept>, LoadError>>()
        };
        Ok((kept(&list.undo)?, kept(&list.redo)?, list))
    });
    match read {
        Some(Ok((undo, redo, list))) => {
            shelf.list = list;
            (History::restored(undo, redo, next), shelf)
        }
        Some(Err(LoadError::Newer(_))) => {
            shelf.off = true;
            (History::restored(vec![], vec![], next), shelf)
        }
        Some(Err(LoadError::Malformed(_))) | None => {
            (History::restored(vec![], vec![], next), shelf)
        }
    }
}

#[cfg(test)]
#[path = "history_store_tests.rs"]
mod tests;
