//! The learned suggester's counts: for each hashed feature, how many passages of each class
//! had it, kept sparse, and their compact binary form for storage.

use super::features::BITS;
use crate::codebook::TAGS;
use rustc_hash::FxHashMap;

pub(super) const N: usize = TAGS.len();
/// Class ids in a row: `0..N` passages tagged with tag i, `N..2N` passages where a suggestion
/// of tag i was rejected, `ALL` every learned passage (seed and annotations).
pub(super) const REJECTED: usize = N;
pub(super) const ALL: usize = 2 * N;
pub(super) const CLASSES: usize = 2 * N + 1;

/// Sparse counts: for each bucket that a passage had, its count in each class that has one.
#[derive(Clone, Debug, PartialEq, Default)]
pub(super) struct Table {
    /// Bucket → (class, count), sorted by class, no zero counts.
    pub(super) rows: FxHashMap<u32, Vec<(u8, u32)>>,
    /// Passages per class, in [`UNIT`]s.
    pub(super) docs: Vec<u64>,
    /// Feature occurrences per class, in [`UNIT`]s (each passage's features once).
    pub(super) tokens: Vec<u64>,
}

impl Table {
    pub(super) fn new() -> Table {
        Table {
            rows: FxHashMap::default(),
            docs: vec![0; CLASSES],
            tokens: vec![0; CLASSES],
        }
    }

    /// Adds `weight` to the count of every feature in each class.
    pub(super) fn add(&mut self, features: &[u32], classes: &[usize], weight: u32) {
        for &c in classes {
            self.docs[c] += u64::from(weight);
            self.tokens[c] += u64::from(weight) * features.len() as u64;
        }
        for &f in features {
            let row = self.rows.entry(f).or_default();
            for &c in classes {
                match row.binary_search_by_key(&(c as u8), |e| e.0) {
                    Ok(i) => row[i].1 = row[i].1.saturating_add(weight),
                    Err(i) => row.insert(i, (c as u8, weight)),
                }
            }
        }
    }

    /// Takes back what [`Table::add`] added with the same arguments; false, changing
    /// nothing, if the counts do not hold it (it was never added).
    pub(super) fn remove(&mut self, features: &[u32], classes: &[usize], weight: u32) -> bool {
        let w = u64::from(weight);
        let holds = classes.iter().all(|&c| self.docs[c] >= w)
            && features.iter().all(|f| {
                self.rows.get(f).is_some_and(|row| {
                    classes.iter().all(|&c| {
                        row.binary_search_by_key(&(c as u8), |e| e.0)
                            .is_ok_and(|i| row[i].1 >= weight)
                    })
                })
            });
        if !holds {
            return false;
        }
        for &c in classes {
            self.docs[c] -= w;
            self.tokens[c] -= w * features.len() as u64;
        }
        for f in features {
            if let Some(row) = self.rows.get_mut(f) {
                for &c in classes {
                    if let Ok(i) = row.binary_search_by_key(&(c as u8), |e| e.0) {
                        row[i].1 -= weight;
                        if row[i].1 == 0 {
                            row.remove(i);
                        }
                    }
                }
                if row.is_empty() {
                    self.rows.remove(f);
                }
            }
        }
        true
    }

    pub(super) fn merge(&mut self, other: &Table) {
        for c in 0..CLASSES {
            self.docs[c] += other.docs[c];
            self.tokens[c] += other.tokens[c];
        }
        for (f, entries) in &other.rows {
            let row = self.rows.entry(*f).or_default();
            for &(c, n) in entries {
                match row.binary_search_by_key(&c, |e| e.0) {
                    Ok(i) => row[i].1 = row[i].1.saturating_add(n),
                    Err(i) => row.insert(i, (c, n)),
                }
            }
        }
    }
}

fn put(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn take(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut n = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        n |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Some(n);
        }
    }
    None
}

/// The table as bytes: docs per class, the number of rows, then each row in bucket order:
/// the bucket's distance from the previous one, its number of entries, and each (class,
/// count). Token totals are sums of the rows and are recomputed when read.
pub(super) fn encode(t: &Table) -> Vec<u8> {
    let mut out = Vec::new();
    for &d in &t.docs {
        put(&mut out, d);
    }
    let mut buckets: Vec<&u32> = t.rows.keys().collect();
    buckets.sort_unstable();
    put(&mut out, buckets.len() as u64);
    let mut last = 0;
    for b in buckets {
        put(&mut out, u64::from(b - last));
        last = *b;
        let row = &t.rows[b];
        put(&mut out, row.len() as u64);
        for &(c, n) in row {
            out.push(c);
            put(&mut out, u64::from(n));
        }
    }
    out
}

pub(super) fn decode(bytes: &[u8]) -> Option<Table> {
    let mut at = 0;
    let mut t = Table::new();
    for d in t.docs.iter_mut() {
        *d = take(bytes, &mut at)?;
    }
    let rows = take(bytes, &mut at)?;
    let mut bucket = 0u64;
    for _ in 0..rows {
        bucket += take(bytes, &mut at)?;
        if bucket >= 1 << BITS {
            return None;
        }
        let len = take(bytes, &mut at)?;
        if len == 0 || len > CLASSES as u64 {
            return None;
        }
        let mut row = Vec::with_capacity(len as usize);
        for _ in 0..len {
            let c = *bytes.get(at)?;
            at += 1;
            let n = u32::try_from(take(bytes, &mut at)?).ok()?;
            if usize::from(c) >= CLASSES
                || n == 0
                || row.last().is_some_and(|e: &(u8, u32)| e.0 >= c)
            {
                return None;
            }
            t.tokens[usize::from(c)] += u64::from(n);
            row.push((c, n));
        }
        t.rows.insert(bucket as u32, row);
    }
    (at == bytes.len()).then_some(t)
}
