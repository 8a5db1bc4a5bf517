//! What the learned suggester was taught, as it is kept with the user's data: the model
//! ([`Model`]), the annotations it learned from (so that an edit or a deletion is unlearned
//! exactly), the suggestions the user rejected, and the panel's threshold; and the diff
//! ([`Learner::sync`]) that keeps the model in step with the user's own annotations.
//!
//! The app stores the record ([`Learner::to_record`]) without reading it (schema 8, key
//! `suggester`); the suggestions panel, in the module fetched on first use, reads it back
//! ([`Learner::from_record`]). The annotations are the truth: a record that cannot be read is
//! replaced by a learner that relearns them, and nothing the user made is lost with it.

use super::model::{Model, Stored, DEFAULT_THRESHOLD};
use crate::annotation::{Annotation, Origin};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// The record's own version, inside the JSON: a record of another version is not read.
pub const RECORD_VERSION: u32 = 1;

/// The longest passage learned, in code points: a longer annotation is learned (and
/// unlearned) from its first this many, so that the record, which keeps each learned
/// passage, stays small.
pub const MAX_LEARNED: usize = 2_000;

/// One of the user's annotations as the learner sees it: its id, its passage, its tags.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    pub id: String,
    pub quote: String,
    pub tags: Vec<String>,
}

impl Example {
    /// The example an annotation teaches, or `None` for one the model does not learn from:
    /// another's (origin imported or given: the user's own are those made here and a gold
    /// standard they curated), an accepted suggestion (the model would be teaching itself:
    /// an "accept all" of 53 passages, headings among them, made 180 more suggestions of
    /// the same tag in a new user's test), or one on a whole document.
    pub fn of(a: &Annotation) -> Option<Example> {
        let own = matches!(a.origin, Origin::Here | Origin::Curated);
        (own && !a.whole_document && !a.quote.trim().is_empty()).then(|| Example {
            id: a.id.clone(),
            quote: learned_text(&a.quote).to_string(),
            tags: a.tags.clone(),
        })
    }
}

/// The examples as the app hands them to the suggestions panel: JSON,
/// `[[id, quote, [tag…]]…]`.
pub fn examples_to_json(examples: &[Example]) -> String {
    let triples: Vec<(&str, &str, &[String])> = (examples.iter())
        .map(|e| (e.id.as_str(), e.quote.as_str(), e.tags.as_slice()))
        .collect();
    serde_json::to_string(&triples).unwrap_or_default()
}

/// What [`examples_to_json`] wrote; `None` for anything out of that shape.
pub fn examples_from_json(json: &str) -> Option<Vec<Example>> {
    let triples: Vec<(String, String, Vec<String>)> = serde_json::from_str(json).ok()?;
    Some(
        (triples.into_iter())
            .map(|(id, quote, tags)| Example { id, quote, tags })
            .collect(),
    )
}

/// The first [`MAX_LEARNED`] code points of `quote`.
fn learned_text(quote: &str) -> &str {
    match quote.char_indices().nth(MAX_LEARNED) {
        Some((at, _)) => &quote[..at],
        None => quote,
    }
}

/// What a learned annotation was when it was learned: its tags and passage; `ignored` when a
/// reset forgot it (it is not learned again until it changes).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Learned {
    tags: Vec<String>,
    quote: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    ignored: bool,
}

/// The stored record (JSON).
#[derive(Serialize, Deserialize)]
struct Record {
    version: u32,
    model: Stored,
    learned: HashMap<String, Learned>,
    /// (sentence, tag) pairs the user rejected.
    rejected: Vec<(String, String)>,
    threshold: f32,
}

/// The suggester with what it learned from; see the module's doc.
#[derive(Clone, Debug)]
pub struct Learner {
    model: Model,
    learned: HashMap<String, Learned>,
    /// The rejected tags of each sentence.
    rejected: HashMap<String, HashSet<String>>,
    threshold: f32,
}

impl Default for Learner {
    fn default() -> Learner {
        Learner::new()
    }
}

/// How far a [`Learner::sync`] went.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Annotations learned, unlearned or relearned by this call.
    pub changed: usize,
    /// Changes still to make: call again.
    pub remaining: usize,
}

impl Learner {
    /// A learner that was taught nothing: the seed prior, no rejection, the default
    /// threshold.
    pub fn new() -> Learner {
        Learner {
            model: Model::new(),
            learned: HashMap::new(),
            rejected: HashMap::new(),
            threshold: DEFAULT_THRESHOLD,
        }
    }

    /// Reads a record [`Learner::to_record`] wrote. Errors (another version, damaged JSON, a
    /// model that does not decode) say why in English, for the log; the caller starts a new
    /// learner, which relearns the user's annotations.
    pub fn from_record(json: &str) -> Result<Learner, String> {
        let r: Record = serde_json::from_str(json).map_err(|e| e.to_string())?;
        if r.version != RECORD_VERSION {
            return Err(format!("record version {}", r.version));
        }
        let model = Model::from_stored(&r.model).ok_or("the model does not decode")?;
        Ok(Learner {
            model,
            learned: r.learned,
            rejected: (r.rejected.into_iter()).fold(HashMap::new(), |mut m, (sentence, tag)| {
                m.entry(sentence).or_default().insert(tag);
                m
            }),
            threshold: r.threshold.clamp(0.0, 1.0),
        })
    }

    /// The record to store: JSON, `{"version": 1, "model": …, "learned": {id: {tags, quote}},
    /// "rejected": [[sentence, tag]], "threshold": …}`.
    pub fn to_record(&self) -> String {
        let mut rejected: Vec<(String, String)> = (self.rejected.iter())
            .flat_map(|(s, tags)| tags.iter().map(move |t| (s.clone(), t.clone())))
            .collect();
        rejected.sort();
        serde_json::to_string(&Record {
            version: RECORD_VERSION,
            model: self.model.to_stored(),
            learned: self.learned.clone(),
            rejected,
            threshold: self.threshold,
        })
        .unwrap_or_default()
    }

    /// The model, to score with ([`super::model::suggest`]).
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The panel's threshold: suggestions under this confidence are not shown.
    pub fn threshold(&self) -> f32 {
        self.threshold
    }

    /// Sets the threshold (clamped to [0, 1]); false if it was already that.
    pub fn set_threshold(&mut self, t: f32) -> bool {
        let t = t.clamp(0.0, 1.0);
        let changed = (t - self.threshold).abs() > f32::EPSILON;
        self.threshold = t;
        changed
    }

    /// Brings the model in step with `examples`, the user's annotations as they are now
    /// (all of them, in every document: see [`Example::of`]): learns the new ones, unlearns
    /// the ones deleted, and unlearns then relearns the ones whose passage or tags changed.
    /// Makes at most `max` changes, so that a first sync of thousands can be done in steps:
    /// call again while [`Progress::remaining`] is above 0.
    pub fn sync(&mut self, examples: &[Example], max: usize) -> Progress {
        let present: HashSet<&str> = examples.iter().map(|e| e.id.as_str()).collect();
        let stale: Vec<&Example> = (examples.iter())
            .filter(|e| {
                let same = |l: &Learned| l.tags == e.tags && l.quote == e.quote;
                !self.learned.get(&e.id).is_some_and(same)
            })
            .collect();
        let gone: Vec<String> = (self.learned.keys())
            .filter(|id| !present.contains(id.as_str()))
            .cloned()
            .collect();
        let changed = (stale.len() + gone.len()).min(max);
        for e in stale.iter().take(changed) {
            self.relearn(e);
        }
        for id in gone.iter().take(changed.saturating_sub(stale.len())) {
            self.forget(id);
        }
        Progress {
            changed,
            remaining: stale.len() + gone.len() - changed,
        }
    }

    /// Unlearns what `e.id` taught, if anything, and learns `e`.
    fn relearn(&mut self, e: &Example) {
        self.forget(&e.id);
        let tags: Vec<&str> = e.tags.iter().map(String::as_str).collect();
        self.model.learn(&e.quote, &tags);
        let learned = Learned {
            tags: e.tags.clone(),
            quote: e.quote.clone(),
            ignored: false,
        };
        self.learned.insert(e.id.clone(), learned);
    }

    /// Unlearns what annotation `id` taught and forgets it.
    fn forget(&mut self, id: &str) {
        if let Some(l) = self.learned.remove(id) {
            if !l.ignored {
                let tags: Vec<&str> = l.tags.iter().map(String::as_str).collect();
                self.model.unlearn(&l.quote, &tags);
            }
        }
    }

    /// How many of the user's annotations the model has learned from.
    pub fn learned(&self) -> usize {
        self.learned.values().filter(|l| !l.ignored).count()
    }

    /// How many of the user's annotations a [`Learner::reset`] forgot (and are not learned
    /// again unless they change).
    pub fn forgotten(&self) -> usize {
        self.learned.values().filter(|l| l.ignored).count()
    }

    /// Records that the user rejected a suggestion of `tag` for `sentence`: a negative
    /// example for that tag, and the pair is not suggested again. False if it already was.
    pub fn reject(&mut self, sentence: &str, tag: &str) -> bool {
        let tags = self.rejected.entry(sentence.to_string()).or_default();
        if !tags.insert(tag.to_string()) {
            return false;
        }
        self.model.reject(sentence, tag);
        true
    }

    /// Whether the user rejected `tag` for `sentence`.
    pub fn is_rejected(&self, sentence: &str, tag: &str) -> bool {
        (self.rejected.get(sentence)).is_some_and(|tags| tags.contains(tag))
    }

    /// How many suggestions the user rejected.
    pub fn rejections(&self) -> usize {
        self.rejected.values().map(HashSet::len).sum()
    }

    /// Forgets what the user taught: the model goes back to the seed prior, rejections are
    /// forgotten, and the annotations it had learned are not learned again unless they
    /// change (new annotations are learned as usual). The threshold stays.
    pub fn reset(&mut self) {
        self.model.reset();
        self.rejected.clear();
        for l in self.learned.values_mut() {
            l.ignored = true;
        }
    }
}

#[cfg(test)]
#[path = "learner_tests.rs"]
mod tests;
