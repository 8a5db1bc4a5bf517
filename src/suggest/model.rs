//! The learned suggester: for each of the codebook's 33 tags, a one-vs-rest naive Bayes model
//! over hashed word and character n-grams, seeded with the GCM's own words for each tag and
//! updated, exactly and incrementally, from the reader's annotations and rejections.
//!
//! The model is multinomial naive Bayes over binarised features (each feature counted once per
//! passage), one binary problem per tag: the passages tagged with it against every other
//! learned passage and the passages where a suggestion of it was rejected. Counts are integers
//! (an annotation adds [`UNIT`] to each of its features), so that unlearning an annotation
//! subtracts exactly what learning it added. Features are hashed into 2^[`BITS`] buckets
//! (the "hashing trick", Weinberger et al. 2009) and stored sparsely: only buckets that some
//! passage had. Multinomial NB for text: McCallum & Nigam 1998; binarised features, and the
//! smoothing that keeps a small class from being swamped: Rennie et al. 2003, §§2–4.

use super::rules::{for_sentence, sentences, Reason, Suggestion};
use super::table::{decode, encode, Table, ALL, N, REJECTED};
use crate::codebook::TAGS;
use crate::text::{Cp, DocText};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

pub use super::features::{features, features_of, BITS, MAX_PASSAGE};
pub use super::prior::{seed_objectives, seed_texts};

/// What one annotation adds to each of its features' counts. Integer units make unlearning
/// exact; the seed prior is weighed in the same units ([`Settings::prior_weight`]).
pub const UNIT: u32 = 4;

/// What one rejection adds to its features' counts in the tag's negatives: four
/// annotations' worth. At one, a rejected sentence's words that the model had not seen
/// raised the tag's confidence (naive Bayes' smoothing favours the smaller class, and a tag's
/// positives are far fewer than its negatives), so a rejection made the same suggestion
/// surer.
pub const REJECT_UNITS: u32 = 4 * UNIT;

/// The stored form's version: a stored model of another version is not read (the caller
/// starts a new one, or relearns from the annotations, which are the model's whole input).
pub const VERSION: u32 = 1;

/// The confidence under which the panel shows no learned suggestion, unless the reader moves
/// its threshold: see [`Settings::floor`].
pub const DEFAULT_THRESHOLD: f32 = 0.5;

/// The model's tuned constants. [`Settings::default`] holds the values the learning curve
/// (`tests/suggest_curve.rs`, `bench/suggest-curve.md`) chose; the fields are public so that
/// the curve can try others.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    /// Additive (Lidstone) smoothing of every count, in [`UNIT`]s.
    pub alpha: f64,
    /// How much the seed text of a tag weighs, in [`UNIT`]s: 4 is one annotation.
    pub prior_weight: u32,
    /// Confidence = sigmoid(`scale` × log-odds / (m + `shrink`)^`norm` + `bias`), m the
    /// passage's known features: naive Bayes' log-odds grow with the passage's length and are overconfident
    /// (its features are far from independent), so they are shrunk and shifted to a
    /// probability that matches how often a suggestion is right on the curve's test passages.
    pub scale: f64,
    /// See [`Settings::scale`].
    pub bias: f64,
    /// See [`Settings::scale`]: 0 leaves the log-odds as they are, 1 averages them per
    /// feature.
    pub norm: f64,
    /// Features added to m in [`Settings::scale`]'s divisor, as if the passage had that many
    /// more that say nothing: a short passage (a heading, a list item) is pulled towards
    /// `bias` rather than scored as surely as a long one whose features agree as much.
    pub shrink: f64,
    /// The least confidence at which a learned tag is suggested at all, whatever the panel's
    /// threshold: under it, the rules alone speak.
    pub floor: f32,
    /// How many of the reader's annotations a tag needs before the model suggests it (0: the
    /// seed prior alone may): a per-tag gate, since a tag the reader never used has only the
    /// few words of its seed text behind it.
    pub min_positives: u32,
    /// True: each part of a tag's seed text (its names, titles, each keyword) is its own
    /// pseudo-passage, so that words the parts share count more; false: one passage per tag.
    pub prior_split: bool,
    /// The lengths of the character n-grams taken within words (see [`features_of`]).
    pub grams: (u8, u8),
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            alpha: 0.5,
            prior_weight: 8,
            scale: 8.26,
            bias: -1.52,
            norm: 1.0,
            shrink: 120.0,
            floor: DEFAULT_THRESHOLD,
            min_positives: 1,
            prior_split: false,
            grams: (3, 5),
        }
    }
}

impl Settings {
    /// The features of a passage with these settings' character n-grams.
    fn features(&self, text: &str) -> Vec<u32> {
        features_of(text, usize::from(self.grams.0)..=usize::from(self.grams.1))
    }
}

/// A learned suggester: the seed prior and what the reader taught it.
#[derive(Clone, Debug)]
pub struct Model {
    /// The seed prior and the reader's counts together: what scoring reads.
    all: Table,
    /// The reader's counts alone: what is stored.
    user: Table,
    settings: Settings,
    /// ln(n + alpha × [`UNIT`]) for n < [`LN_TABLE`].
    ln: Vec<f64>,
    /// What each bucket of `all` adds to the log-odds, computed from its counts when they
    /// change (so scoring only adds): for every tag, `base`, and for the tags the bucket has
    /// counts for, their own term on top of it. A function of the row alone, so updating the
    /// rows an update touched keeps it exact.
    weights: FxHashMap<u32, Weights>,
}

/// A bucket's share of every tag's log-odds: `base` for a tag with no count in it (the
/// feature is only in that tag's negatives), plus a tag's own correction.
#[derive(Clone, Debug, Default)]
struct Weights {
    base: f32,
    own: Vec<(u8, f32)>,
}

/// How many values of ln(n + alpha) a model keeps: counts up to 1,024 units (256
/// annotations), which nearly every feature's are.
const LN_TABLE: usize = 1024;

impl Default for Model {
    fn default() -> Model {
        Model::new()
    }
}

/// The index of a codebook tag id in [`TAGS`].
fn index(tag: &str) -> Option<usize> {
    TAGS.iter().position(|t| t.id == tag)
}

impl Model {
    /// A model that has learned nothing from the reader: only the seed prior (see
    /// [`seed_texts`]), with the default settings.
    pub fn new() -> Model {
        Model::with_settings(Settings::default())
    }

    /// [`Model::new`] with other settings.
    pub fn with_settings(settings: Settings) -> Model {
        let mut all = Table::new();
        for (i, text) in seed_texts().iter().enumerate() {
            if settings.prior_split {
                for part in text.split(" . ") {
                    all.add(&settings.features(part), &[i, ALL], settings.prior_weight);
                }
            } else {
                all.add(&settings.features(text), &[i, ALL], settings.prior_weight);
            }
        }
        let a = settings.alpha * f64::from(UNIT);
        let mut model = Model {
            all,
            user: Table::new(),
            settings,
            ln: (0..LN_TABLE).map(|n| (n as f64 + a).ln()).collect(),
            weights: FxHashMap::default(),
        };
        model.refresh_all();
        model
    }

    /// Recomputes the weights of every bucket.
    fn refresh_all(&mut self) {
        let buckets: Vec<u32> = self.all.rows.keys().copied().collect();
        self.weights.clear();
        self.refresh(&buckets);
    }

    /// Recomputes the weights of these buckets from their counts.
    fn refresh(&mut self, buckets: &[u32]) {
        for f in buckets {
            match self.all.rows.get(f) {
                Some(row) => {
                    let w = self.row_weights(row);
                    self.weights.insert(*f, w);
                }
                None => {
                    self.weights.remove(f);
                }
            }
        }
    }

    /// ln(n + alpha), from the table when n is small.
    fn ln(&self, n: f64) -> f64 {
        match self.ln.get(n as usize) {
            Some(&v) if n < self.ln.len() as f64 => v,
            _ => (n + self.settings.alpha * f64::from(UNIT)).ln(),
        }
    }

    /// A bucket's weights (see [`Weights`]) from its counts: each tag's naive Bayes term
    /// ln(P(f | tag) / P(f | not tag)) without the class totals, which [`Model::log_odds`]
    /// adds once per passage.
    fn row_weights(&self, row: &[(u8, u32)]) -> Weights {
        // `ALL` is the greatest class, so the last entry when there is one.
        let all = match row.last() {
            Some(&(c, n)) if usize::from(c) == ALL => f64::from(n),
            _ => 0.0,
        };
        let base = self.ln(0.0) - self.ln(all);
        let mut own = Vec::new();
        // Entries are sorted by class: the tags' positives, then their rejections; walk both
        // in step, tag by tag.
        let split = row.partition_point(|e| usize::from(e.0) < REJECTED);
        let end = row.partition_point(|e| usize::from(e.0) < ALL);
        let (mut pos, mut rej) = (
            row[..split].iter().peekable(),
            row[split..end].iter().peekable(),
        );
        loop {
            let p = pos.peek().map(|e| usize::from(e.0));
            let r = rej.peek().map(|e| usize::from(e.0) - REJECTED);
            let tag = match (p, r) {
                (Some(p), Some(r)) => p.min(r),
                (Some(p), None) => p,
                (None, Some(r)) => r,
                (None, None) => break,
            };
            let positive = if p == Some(tag) {
                pos.next().map_or(0.0, |e| f64::from(e.1))
            } else {
                0.0
            };
            let rejected = if r == Some(tag) {
                rej.next().map_or(0.0, |e| f64::from(e.1))
            } else {
                0.0
            };
            let neg = (all - positive).max(0.0) + rejected;
            own.push((tag as u8, (self.ln(positive) - self.ln(neg) - base) as f32));
        }
        Weights {
            base: base as f32,
            own,
        }
    }

    /// The tuned constants this model uses.
    pub fn settings(&self) -> Settings {
        self.settings
    }

    /// Forgets everything the reader taught: back to the seed prior.
    pub fn reset(&mut self) {
        *self = Model::with_settings(self.settings);
    }

    /// How many passages the model has learned from the reader (annotations, not rejections).
    pub fn learned(&self) -> u32 {
        (self.user.docs[ALL] / u64::from(UNIT)) as u32
    }

    /// The classes an annotation with these tags adds to: its codebook tags and `ALL`; `None`
    /// when it has no codebook tag (an annotation with only the reader's own codes says
    /// nothing about the GCM's: it is not learned, rather than taught as a negative).
    fn classes(tags: &[&str]) -> Option<Vec<usize>> {
        let mut classes: Vec<usize> = tags.iter().filter_map(|t| index(t)).collect();
        classes.sort_unstable();
        classes.dedup();
        if classes.is_empty() {
            return None;
        }
        classes.push(ALL);
        Some(classes)
    }

    /// Adds (`add`) or takes away one example of `text` in `classes`, in the reader's counts
    /// and in the counts scoring reads, and refreshes the weights it touched. False when
    /// taking away what was never added (nothing changes then).
    fn count(&mut self, text: &str, classes: &[usize], add: bool, units: u32) -> bool {
        let f = self.settings.features(text);
        let done = match add {
            true => {
                self.user.add(&f, classes, units);
                self.all.add(&f, classes, units);
                true
            }
            false => self.user.remove(&f, classes, units) && self.all.remove(&f, classes, units),
        };
        self.refresh(&f);
        done
    }

    /// Learns a saved annotation: `text` is its passage, `tags` its tags (ids that are not
    /// the codebook's are ignored). It is a positive example for each tag and a negative one
    /// for every other. False when it has no codebook tag, and nothing is learned.
    pub fn learn(&mut self, text: &str, tags: &[&str]) -> bool {
        let Some(classes) = Model::classes(tags) else {
            return false;
        };
        self.count(text, &classes, true, UNIT)
    }

    /// Unlearns an annotation that is deleted, or edited (then [`Model::learn`] the new
    /// one): exactly what [`Model::learn`] with the same passage and tags added. False,
    /// changing nothing, when the model never learned it.
    pub fn unlearn(&mut self, text: &str, tags: &[&str]) -> bool {
        let Some(classes) = Model::classes(tags) else {
            return false;
        };
        self.count(text, &classes, false, UNIT)
    }

    /// Learns that the reader rejected a suggestion of `tag` for the passage `text`: a
    /// negative example for that tag only. False for a tag not in the codebook.
    pub fn reject(&mut self, text: &str, tag: &str) -> bool {
        let Some(i) = index(tag) else {
            return false;
        };
        self.count(text, &[REJECTED + i], true, REJECT_UNITS)
    }

    /// Takes back a rejection (the reader undid it), exactly; false if there was none.
    pub fn unreject(&mut self, text: &str, tag: &str) -> bool {
        let Some(i) = index(tag) else {
            return false;
        };
        self.count(text, &[REJECTED + i], false, REJECT_UNITS)
    }

    /// The model's confidence, in [0, 1], that `text` is about each tag, in [`TAGS`] order:
    /// the sigmoid of [`Model::logits`].
    pub fn confidences(&self, text: &str) -> [f32; N] {
        self.logits(text).map(|x| (1.0 / (1.0 + (-x).exp())) as f32)
    }

    /// For each tag, in [`TAGS`] order, `scale` × log-odds / m^`norm` + `bias` (see
    /// [`Settings::scale`]): the logit of [`Model::confidences`]. `bias` alone when the model
    /// knows none of the passage's features.
    pub fn logits(&self, text: &str) -> [f64; N] {
        let s = &self.settings;
        self.log_odds(&s.features(text)).map(|(llr, m)| {
            if m == 0 {
                s.bias
            } else {
                s.scale * llr / (m as f64 + s.shrink).powf(s.norm) + s.bias
            }
        })
    }

    /// For each tag, naive Bayes' log-odds that the passage is about it (the log-likelihood
    /// ratio over the features the model knows), and how many features it knows.
    fn log_odds(&self, features: &[u32]) -> [(f64, usize); N] {
        let t = &self.all;
        let a = self.settings.alpha * f64::from(UNIT);
        let v = t.rows.len().max(1) as f64;
        let mut common = 0.0;
        let mut own = [0.0f64; N];
        let mut m = 0usize;
        for f in features {
            let Some(w) = self.weights.get(f) else {
                continue;
            };
            m += 1;
            common += f64::from(w.base);
            for &(tag, x) in &w.own {
                own[usize::from(tag)] += f64::from(x);
            }
        }
        let mut out = [(0.0, m); N];
        for (i, o) in out.iter_mut().enumerate() {
            let tp = t.tokens[i] as f64;
            let tn = (t.tokens[ALL] as f64 - tp).max(0.0) + t.tokens[REJECTED + i] as f64;
            let norm = m as f64 * ((tn + a * v).ln() - (tp + a * v).ln());
            o.0 = common + own[i] + norm;
        }
        out
    }

    /// How many of the reader's annotations have each tag, in [`TAGS`] order.
    pub fn positives(&self) -> [u32; N] {
        std::array::from_fn(|i| (self.user.docs[i] / u64::from(UNIT)) as u32)
    }

    /// The stored form of what the reader taught (the seed prior is rebuilt, not stored).
    pub fn to_stored(&self) -> Stored {
        Stored {
            version: VERSION,
            learned: self.learned(),
            counts: crate::formats::base64url(&encode(&self.user)),
        }
    }

    /// The model a [`Model::to_stored`] gave, with the default settings; `None` for another
    /// version or a damaged form (the caller then starts anew or relearns).
    pub fn from_stored(stored: &Stored) -> Option<Model> {
        if stored.version != VERSION {
            return None;
        }
        let user = decode(&crate::formats::unbase64url(&stored.counts)?)?;
        let mut model = Model::new();
        model.all.merge(&user);
        model.user = user;
        model.refresh_all();
        Some(model)
    }
}

/// A model as stored with the reader's data: its version, how many annotations it learned
/// (for display), and the reader's counts, a compact binary form (varints, buckets
/// delta-coded) in base64url.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stored {
    pub version: u32,
    pub learned: u32,
    pub counts: String,
}

/// The fewest words (runs of two letters or more) a sentence needs for the model to suggest
/// a tag for it; a sentence with no lower-case letter (a heading in capitals) gets none
/// either. A heading, a list item or a stray "5)." has a handful of features, and their
/// average log-odds can be extreme: after three annotations that named objectives by
/// number, "2, 3, 7, 9, 10, 12, 15, 23." was suggested at 100 %, and a new user's test found
/// "OFFICE OF THE HIGH COMMISSIONER" and "- Peacebuilding Support Office (PBSO)" suggested
/// at 79 and 83 %.
pub const MIN_WORDS: usize = 6;

/// The most tags the model suggests for one sentence, its most confident: a sentence that
/// scores high for many tags at once is about the GCM in general ("Practices by GCM
/// Objectives"), and a passage rarely serves more than two objectives.
pub const MAX_LEARNED_TAGS: usize = 2;

/// The most confidence the model shows for a tag the user tagged `n` passages with:
/// Laplace's rule of succession, (n + 1) / (n + 2): 67 % after one passage, 83 % after four,
/// 92 % after ten. Naive Bayes is sure of itself far beyond what a few examples can say,
/// and a new user's test found "96 % sure" after one. Only what is shown and the order
/// change: the cap stays above the least threshold (50 %), so nothing is hidden by it.
pub fn evidence_cap(n: u32) -> f32 {
    (n as f32 + 1.0) / (n as f32 + 2.0)
}

/// How many words of two letters or more `sentence` has.
fn words(sentence: &str) -> usize {
    (sentence.split(|c: char| !c.is_alphabetic()))
        .filter(|w| w.chars().nth(1).is_some())
        .count()
}

/// Suggestions for a text, sentence by sentence: the rules' (explicit references and
/// keywords, as [`super::suggest`] makes them) and, for tags the rules did not suggest in
/// that sentence, the model's, where its confidence reaches both [`Settings::floor`] and
/// `threshold` and the sentence has [`MIN_WORDS`], at most [`MAX_LEARNED_TAGS`] of them, each
/// shown no surer than [`evidence_cap`] allows.
/// Rules' suggestions under `threshold` are left out too. Sorted by confidence, highest
/// first; equal ones in text order.
pub fn suggest(text: &DocText, model: &Model, threshold: f32) -> Vec<Suggestion> {
    let mut out = suggest_in(&sentences(text), model, threshold);
    sort(&mut out);
    out
}

/// [`suggest`]'s work for some of a text's sentences (as [`sentences`] cuts them: start
/// and end in code points, and the text), unsorted: so that a long text can be scored in
/// steps, and the steps' results joined and [`sort`]ed.
pub fn suggest_in(sentences: &[(Cp, Cp, &str)], model: &Model, threshold: f32) -> Vec<Suggestion> {
    let mut out = Vec::new();
    let positives = model.positives();
    for &(start, end, sentence) in sentences {
        let rules = for_sentence(sentence, start, end);
        if words(sentence) < MIN_WORDS || !sentence.chars().any(char::is_lowercase) {
            out.extend(rules.into_iter().filter(|r| r.confidence >= threshold));
            continue;
        }
        let confidences = model.confidences(sentence);
        let mut learned: Vec<Suggestion> = (TAGS.iter().zip(confidences.iter()).enumerate())
            .filter(|&(i, (tag, &confidence))| {
                confidence >= model.settings.floor
                    && model.user.docs[i] >= u64::from(model.settings.min_positives * UNIT)
                    && confidence >= threshold
                    && !rules.iter().any(|r| r.tag == tag.id)
            })
            .map(|(i, (tag, &confidence))| {
                let confidence = confidence.min(evidence_cap(positives[i]));
                Suggestion {
                    start,
                    end,
                    tag: tag.id,
                    reason: Reason::Learned { confidence },
                    confidence,
                }
            })
            .collect();
        learned.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
        out.extend(learned.into_iter().take(MAX_LEARNED_TAGS));
        out.extend(rules.into_iter().filter(|r| r.confidence >= threshold));
    }
    out
}

/// Sorts suggestions as [`suggest`] returns them: by confidence, highest first; equal ones
/// in text order.
pub fn sort(suggestions: &mut [Suggestion]) {
    suggestions.sort_by(|a, b| {
        b.confidence
            .total_cmp(&a.confidence)
            .then(a.start.cmp(&b.start))
    });
}

#[cfg(test)]
#[path = "model_tests.rs"]
mod tests;
