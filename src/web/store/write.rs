//! One IndexedDB transaction of the saver's queued writes ([`super::Saver`]): issued in
//! slices, so that a large import never holds the page for long.

use crate::chunks::Write as Op;
use crate::storage::{
    encode, StoredCommit, COMMIT_KEY, STORE_ANNOTATIONS, STORE_DOCUMENTS, STORE_META,
};
use rexie::{Rexie, TransactionMode};
use std::collections::HashMap;
use wasm_bindgen::JsValue;

/// How many requests [`write`] issues at once: a few milliseconds of main thread.
const WRITE_SLICE: usize = 200;

/// How many annotations [`write`] encodes before it lets the page run: encoding 2,000 takes
/// some 10 ms in the browser; a whole import of 50,000 at once held the page for 300 ms.
const ENCODE_SLICE: usize = 2_000;

/// Writes a batch in one transaction, with the journal number `seq` it carries.
pub(super) async fn write(db: &Rexie, batch: &[Op], seq: u64) -> Result<(), String> {
    let describe = |e: rexie::Error| {
        let text = e.to_string();
        if text.contains("Quota") || text.contains("quota") {
            t!("storage-full")
        } else if matches!(e, rexie::Error::TransactioncommitFailed) {
            // Chromium reports a quota refusal as an aborted commit, and rexie drops the
            // reason; a full disk or quota is by far the most likely cause.
            t!("storage-refused-write")
        } else {
            t!("storage-refused-store", reason = text)
        }
    };
    let tx = db
        .transaction(
            &[STORE_DOCUMENTS, STORE_ANNOTATIONS, STORE_META],
            TransactionMode::ReadWrite,
        )
        .map_err(describe)?;
    let stores = [STORE_DOCUMENTS, STORE_ANNOTATIONS, STORE_META]
        .into_iter()
        .map(|name| Ok((name, tx.store(name)?)))
        .collect::<Result<HashMap<_, _>, rexie::Error>>()
        .map_err(describe)?;
    // Requests go in slices of WRITE_SLICE (or ENCODE_SLICE annotations), each waiting for
    // the one before: issuing a request costs some 20 µs of main thread and encoding a chunk
    // of 500 some 3 ms, and a whole import at once would hold a frame for a quarter of a
    // second. The transaction stays open between slices (the next slice is issued from the
    // previous one's success), and IndexedDB keeps their order.
    let commit = (seq > 0).then(|| Op {
        store: STORE_META,
        key: COMMIT_KEY.into(),
        value: Some(crate::chunks::Payload::Json(encode(&StoredCommit {
            committed: seq,
        }))),
    });
    let all: Vec<&Op> = batch.iter().chain(commit.iter()).collect();
    let mut rest = &all[..];
    while !rest.is_empty() {
        let mut weight = 0;
        let n = rest
            .iter()
            .take(WRITE_SLICE)
            .take_while(|op| {
                let go = weight < ENCODE_SLICE;
                weight += op.value.as_ref().map_or(1, |v| v.weight());
                go
            })
            .count();
        let (slice, after) = rest.split_at(n);
        rest = after;
        let requests = slice.iter().map(|op| {
            let store = &stores[op.store];
            let key = JsValue::from_str(&op.key);
            let value = op.value.as_ref().map(|v| JsValue::from_str(&v.encode()));
            async move {
                match value {
                    Some(v) => store.put(&v, Some(&key)).await.map(|_| ()),
                    None => store.delete(key).await,
                }
            }
        });
        for result in futures::future::join_all(requests).await {
            result.map_err(describe)?;
        }
    }
    tx.commit().await.map_err(describe)
}
