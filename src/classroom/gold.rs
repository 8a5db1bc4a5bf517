//! Curation into a gold standard (issue 23): the passages to decide on, each annotator's
//! version of them, and what the majority or at least k of n annotators tagged, as
//! INCEpTION's curation offers them (its user guide, "Curation"), in the browser.
//!
//! A passage to decide on ([`Item`]) is one tag's passages of every annotator that overlap
//! one another, directly or through others: where the annotators' versions of one passage
//! are. Agreement is counted on code points: "k of n agree" keeps the text that at least k
//! of the n annotators tagged with the item's tag, whatever their passages' boundaries.
//! Decisions become changes of the user's curated annotations here ([`settle`]); the app
//! applies them as one undo step ([`crate::action::Action::Replace`]).

use super::annotators::{codes_in_use, Annotator};
use crate::annotation::{Annotation, Draft, Millis, Origin};
use crate::codes::Codebook;
use crate::document::Document;
use crate::text::Cp;
use std::collections::HashMap;

/// A passage a gold standard keeps, with the id its annotation gets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settled {
    pub id: String,
    /// Code points of the document.
    pub start: Cp,
    pub end: Cp,
    pub tag: String,
    /// The note it keeps: the kept annotator's, or none.
    pub note: String,
}

/// One decision of a curation: on the passages of `tag` within `start..end` (code points),
/// the gold standard keeps `passages` and nothing else.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub tag: String,
    pub start: Cp,
    pub end: Cp,
    /// Empty: the gold standard keeps none of this tag here.
    pub passages: Vec<Settled>,
}

/// Who settles: the name and annotator id written into each passage kept (origin
/// [`Origin::Curated`]).
#[derive(Clone, Copy, Debug)]
pub struct Curator<'a> {
    pub name: &'a str,
    pub id: &'a str,
}

/// What `decisions` change in `doc`'s gold standard, `gold` (its curated annotations, in
/// any order): the ids of the passages to delete, and the annotations to put (new ones, and
/// old ones edited: a tag fewer), in [`crate::action::Action::Replace`]'s terms. For each
/// decision, the curated passages carrying its tag and overlapping its span lose that tag
/// (deleted when it was their only one), and the passages it keeps are made, curated by
/// `curator` at `now` with tags from `book`; each decision sees what those before it
/// changed. A passage that cannot be made (out of the text, white space, a tag `book`
/// lacks) is passed over.
pub fn settle(
    doc: &Document,
    gold: &[Annotation],
    decisions: Vec<Decision>,
    curator: Curator<'_>,
    now: Millis,
    book: &Codebook,
) -> (Vec<String>, Vec<Annotation>) {
    // The passages as the decisions leave them, each marked new or not.
    let mut now_gold: Vec<(Annotation, bool)> = (gold.iter())
        .filter(|a| a.origin == Origin::Curated && a.document == doc.id)
        .map(|a| (a.clone(), false))
        .collect();
    let before = now_gold.clone();
    for d in decisions {
        for (a, _) in now_gold.iter_mut() {
            if !a.whole_document && a.start < d.end && d.start < a.end {
                a.tags.retain(|t| *t != d.tag);
            }
        }
        now_gold.retain(|(a, _)| !a.tags.is_empty());
        for p in d.passages {
            let draft = Draft {
                document: doc.id.clone(),
                start: p.start,
                end: p.end,
                tags: vec![p.tag],
                note: p.note,
            };
            if let Ok(mut a) = Annotation::new_in(p.id, draft, &doc.text, curator.name, now, book) {
                a.annotator_id = curator.id.to_string();
                a.origin = Origin::Curated;
                now_gold.push((a, true));
            }
        }
    }
    let (mut remove, mut put) = (Vec::new(), Vec::new());
    // The old ones kept their order: gone, edited, or as they were.
    let mut kept = now_gold
        .iter()
        .filter(|(_, new)| !new)
        .map(|(a, _)| a)
        .peekable();
    for (b, _) in &before {
        match kept.peek() {
            Some(a) if a.id == b.id => {
                if *a != b {
                    let mut a = (*a).clone();
                    a.updated = now;
                    put.push(a);
                }
                kept.next();
            }
            _ => remove.push(b.id.clone()),
        }
    }
    put.extend(
        (now_gold.into_iter())
            .filter(|(_, new)| *new)
            .map(|(a, _)| a),
    );
    (remove, put)
}

/// One passage to decide on: every annotator's passages of `tag` that overlap one another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub tag: String,
    /// From the first passage's start to the last one's end, in code points.
    pub start: Cp,
    pub end: Cp,
    /// The different versions, the most shared first (then in the annotators' order); the
    /// annotators who tagged nothing here share one with no passages, listed with the rest.
    pub versions: Vec<Version>,
}

/// One version of an [`Item`]: the passages some annotators made there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    /// The annotators who made exactly these passages (indexes in the list compared), in
    /// order.
    pub annotators: Vec<usize>,
    /// The passages, sorted, each once; empty for "none here".
    pub spans: Vec<(Cp, Cp)>,
    /// The note of each passage, from the first of `annotators` (empty when it has none).
    pub notes: Vec<String>,
}

/// The passages to decide on, in the order of the text (then of the codebook): for each
/// code in use ([`codes_in_use`]), the annotators' passages of it (tags of a whole document
/// are left out) grouped where they overlap. Touching passages (one ends where the next
/// starts) do not overlap. O(a log a) in the annotations `a`.
pub fn items(annotators: &[Annotator]) -> Vec<Item> {
    // Each tag's passages: (start, end, annotator, note).
    let mut by_tag: HashMap<&str, Vec<(usize, usize, usize, &str)>> = HashMap::new();
    for (i, a) in annotators.iter().enumerate() {
        for x in a
            .annotations
            .iter()
            .filter(|x| !x.whole_document && x.start < x.end)
        {
            for t in &x.tags {
                let spans = by_tag.entry(t.as_str()).or_default();
                spans.push((x.start.0, x.end.0, i, x.note.as_str()));
            }
        }
    }
    let mut out = Vec::new();
    for (order, tag) in codes_in_use(annotators).iter().enumerate() {
        let Some(mut spans) = by_tag.remove(tag.as_str()) else {
            continue;
        };
        spans.sort_unstable();
        let mut cluster: Vec<(usize, usize, usize, &str)> = Vec::new();
        let mut reach = 0;
        for s in spans {
            if !cluster.is_empty() && s.0 >= reach {
                out.push((order, item(tag, &cluster, annotators.len())));
                cluster.clear();
            }
            reach = if cluster.is_empty() {
                s.1
            } else {
                reach.max(s.1)
            };
            cluster.push(s);
        }
        if !cluster.is_empty() {
            out.push((order, item(tag, &cluster, annotators.len())));
        }
    }
    out.sort_by_key(|(order, it)| (it.start, it.end, *order));
    out.into_iter().map(|(_, it)| it).collect()
}

/// The item of one group of overlapping passages, sorted by start, among `n` annotators.
fn item(tag: &str, cluster: &[(usize, usize, usize, &str)], n: usize) -> Item {
    let start = cluster[0].0;
    let end = cluster.iter().map(|c| c.1).max().unwrap_or(start);
    // Each annotator's passages here, sorted, each once.
    let mut mine: Vec<Vec<(Cp, Cp)>> = vec![Vec::new(); n];
    let mut notes: Vec<Vec<String>> = vec![Vec::new(); n];
    for &(s, e, i, note) in cluster {
        if !mine[i].contains(&(Cp(s), Cp(e))) {
            mine[i].push((Cp(s), Cp(e)));
            notes[i].push(note.to_string());
        }
    }
    let mut versions: Vec<Version> = Vec::new();
    for (i, spans) in mine.into_iter().enumerate() {
        match versions.iter_mut().find(|v| v.spans == spans) {
            Some(v) => v.annotators.push(i),
            None => versions.push(Version {
                annotators: vec![i],
                spans,
                notes: std::mem::take(&mut notes[i]),
            }),
        }
    }
    versions.sort_by_key(|v| (std::cmp::Reverse(v.annotators.len()), v.annotators[0]));
    Item {
        tag: tag.to_string(),
        start: Cp(start),
        end: Cp(end),
        versions,
    }
}

/// How many of `n` annotators are a majority: more than half.
pub fn majority(n: usize) -> usize {
    n / 2 + 1
}

/// The text of `item` that at least `k` of its annotators tagged with its tag, as passages
/// (code points; runs that touch are one passage); empty when no code point reaches `k`.
/// Each annotator counts once on a code point, however many of their passages cover it.
pub fn agreed_by(item: &Item, k: usize) -> Vec<(Cp, Cp)> {
    // +1 where an annotator's coverage starts, -1 where it ends.
    let mut events: Vec<(usize, i32)> = Vec::new();
    for v in &item.versions {
        let cover = crate::stats::coverage(v.spans.iter().map(|(s, e)| (s.0, e.0)));
        for (s, e) in cover {
            for _ in &v.annotators {
                events.push((s, 1));
                events.push((e, -1));
            }
        }
    }
    events.sort_unstable();
    let mut out: Vec<(Cp, Cp)> = Vec::new();
    let (mut count, mut from) = (0i32, None);
    let mut i = 0;
    while i < events.len() {
        let at = events[i].0;
        while i < events.len() && events[i].0 == at {
            count += events[i].1;
            i += 1;
        }
        let enough = k > 0 && count >= k as i32;
        match (from, enough) {
            (None, true) => from = Some(at),
            (Some(s), false) => {
                match out.last_mut() {
                    Some(last) if last.1 .0 == s => last.1 = Cp(at),
                    _ => out.push((Cp(s), Cp(at))),
                }
                from = None;
            }
            _ => {}
        }
    }
    out
}

/// The decision that keeps `spans` (code points) of `item`, with `notes` beside them (none
/// when shorter), each passage given an id by `new_id`.
pub fn decide(
    item: &Item,
    spans: &[(Cp, Cp)],
    notes: &[String],
    new_id: &mut impl FnMut() -> String,
) -> Decision {
    Decision {
        tag: item.tag.clone(),
        start: item.start,
        end: item.end,
        passages: (spans.iter().enumerate())
            .map(|(i, &(start, end))| Settled {
                id: new_id(),
                start,
                end,
                tag: item.tag.clone(),
                note: notes.get(i).cloned().unwrap_or_default(),
            })
            .collect(),
    }
}

/// The decisions that accept, in every item where some text reaches it, what at least `k`
/// annotators tagged ([`agreed_by`]); the other items are left as they are, to be decided
/// one by one.
pub fn accept_all(items: &[Item], k: usize, new_id: &mut impl FnMut() -> String) -> Vec<Decision> {
    (items.iter())
        .filter_map(|it| {
            let spans = agreed_by(it, k);
            (!spans.is_empty()).then(|| decide(it, &spans, &[], new_id))
        })
        .collect()
}

/// The gold standard's passages of `item` now: the curated passages in `gold` carrying its
/// tag and overlapping its span, in code points.
pub fn settled(item: &Item, gold: &[Annotation]) -> Vec<(Cp, Cp)> {
    let mut out: Vec<(Cp, Cp)> = (gold.iter())
        .filter(|a| a.origin == Origin::Curated && !a.whole_document)
        .filter(|a| a.start < item.end && item.start < a.end && a.tags.contains(&item.tag))
        .map(|a| (a.start, a.end))
        .collect();
    out.sort_unstable();
    out
}

#[cfg(test)]
#[path = "gold_tests.rs"]
mod tests;
