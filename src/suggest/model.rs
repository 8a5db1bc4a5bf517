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

use super::rules::{for_sentence, sentences, Reason, Suggestion, LEXICON};
use crate::codebook::TAGS;
use crate::text::DocText;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// Bits of the feature hash: 2^18 = 262,144 buckets, enough that the few tens of thousands of
/// features 200 annotations bring rarely share a bucket (about 10 % do at 30,000 features).
pub const BITS: u32 = 18;

/// What one annotation adds to each of its features' counts. Integer units make unlearning
/// exact; the seed prior is weighed in the same units ([`Settings::prior_weight`]).
pub const UNIT: u32 = 4;

/// The stored form's version: a stored model of another version is not read (the caller
/// starts a new one, or relearns from the annotations, which are the model's whole input).
pub const VERSION: u32 = 1;

/// The confidence under which the panel shows no learned suggestion, unless the reader moves
/// its threshold: see [`Settings::floor`].
pub const DEFAULT_THRESHOLD: f32 = 0.5;

/// The longest passage learned or scored, in bytes (cut at a character boundary): an
/// annotation spanning a whole document would otherwise weigh like hundreds.
pub const MAX_PASSAGE: usize = 20_000;

const N: usize = TAGS.len();
/// Class ids in a row: `0..N` passages tagged with tag i, `N..2N` passages where a suggestion
/// of tag i was rejected, `ALL` every learned passage (seed and annotations).
const REJECTED: usize = N;
const ALL: usize = 2 * N;
const CLASSES: usize = 2 * N + 1;

/// The hashed features of a passage, sorted, each once: word unigrams and bigrams and the
/// character 3-, 4- and 5-grams of each word with its edges marked (`<mig`, `ion>`), all of
/// the text case- and accent-folded by [`crate::casefold::fold`], so that `Migración`,
/// `migracion` and `MIGRACIÓN` are one word. Words are runs of
/// [`crate::segment::is_word_char`].
pub fn features(text: &str) -> Vec<u32> {
    features_of(text, 3..=5)
}

/// [`features`] with character n-grams of the lengths in `grams` (an empty range: words
/// only).
pub fn features_of(text: &str, grams: std::ops::RangeInclusive<usize>) -> Vec<u32> {
    let text = cut(text, MAX_PASSAGE);
    let folded = crate::casefold::fold(text);
    let mut out = Vec::new();
    let mut previous: Option<&str> = None;
    let mut chars: Vec<char> = Vec::new();
    for word in folded
        .split(|c: char| !crate::segment::is_word_char(c))
        .filter(|w| !w.is_empty())
    {
        out.push(hash(1, word.as_bytes(), &[]));
        if let Some(p) = previous {
            out.push(hash(2, p.as_bytes(), word.as_bytes()));
        }
        previous = Some(word);
        chars.clear();
        chars.push('<');
        chars.extend(word.chars());
        chars.push('>');
        for n in grams.clone() {
            for gram in chars.windows(n) {
                let mut buf = [0u8; 20];
                let mut len = 0;
                for c in gram {
                    len += c.encode_utf8(&mut buf[len..]).len();
                }
                out.push(hash(n as u32, &buf[..len], &[]));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// `text` cut to at most `max` bytes, at a character boundary.
fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// FNV-1a (32 bits) of a feature's kind and bytes, mixed by a multiplication (Knuth's
/// golden ratio) so that the top [`BITS`] bits are the bucket.
fn hash(kind: u32, a: &[u8], b: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5 ^ kind;
    for &x in a.iter().chain([0xffu8].iter()).chain(b) {
        h ^= u32::from(x);
        h = h.wrapping_mul(0x0100_0193);
    }
    h.wrapping_mul(0x9e37_79b1) >> (32 - BITS)
}

/// Sparse counts: for each bucket that a passage had, its count in each class that has one.
#[derive(Clone, Debug, PartialEq, Default)]
struct Table {
    /// Bucket → (class, count), sorted by class, no zero counts.
    rows: FxHashMap<u32, Vec<(u8, u32)>>,
    /// Passages per class, in [`UNIT`]s.
    docs: Vec<u64>,
    /// Feature occurrences per class, in [`UNIT`]s (each passage's features once).
    tokens: Vec<u64>,
}

impl Table {
    fn new() -> Table {
        Table {
            rows: FxHashMap::default(),
            docs: vec![0; CLASSES],
            tokens: vec![0; CLASSES],
        }
    }

    /// Adds `weight` to the count of every feature in each class.
    fn add(&mut self, features: &[u32], classes: &[usize], weight: u32) {
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
    fn remove(&mut self, features: &[u32], classes: &[usize], weight: u32) -> bool {
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

    fn merge(&mut self, other: &Table) {
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

/// The model's tuned constants. [`Settings::default`] holds the values the learning curve
/// (`tests/suggest_curve.rs`, `bench/suggest-curve.md`) chose; the fields are public so that
/// the curve can try others.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    /// Additive (Lidstone) smoothing of every count, in [`UNIT`]s.
    pub alpha: f64,
    /// How much the seed text of a tag weighs, in [`UNIT`]s: 4 is one annotation.
    pub prior_weight: u32,
    /// Confidence = sigmoid(`scale` × log-odds / m^`norm` + `bias`), m the passage's known
    /// features: naive Bayes' log-odds grow with the passage's length and are overconfident
    /// (its features are far from independent), so they are shrunk and shifted to a
    /// probability that matches how often a suggestion is right on the curve's test passages.
    pub scale: f64,
    /// See [`Settings::scale`].
    pub bias: f64,
    /// See [`Settings::scale`]: 0 leaves the log-odds as they are, 1 averages them per
    /// feature.
    pub norm: f64,
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
            scale: 3.0,
            bias: -3.0,
            norm: 1.0,
            floor: DEFAULT_THRESHOLD,
            min_positives: 0,
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

    /// Learns a saved annotation: `text` is its passage, `tags` its tags (ids that are not
    /// the codebook's are ignored). It is a positive example for each tag and a negative one
    /// for every other. False when it has no codebook tag, and nothing is learned.
    pub fn learn(&mut self, text: &str, tags: &[&str]) -> bool {
        let Some(classes) = Model::classes(tags) else {
            return false;
        };
        let f = self.settings.features(text);
        self.user.add(&f, &classes, UNIT);
        self.all.add(&f, &classes, UNIT);
        self.refresh(&f);
        true
    }

    /// Unlearns an annotation that is deleted, or edited (then [`Model::learn`] the new
    /// one): exactly what [`Model::learn`] with the same passage and tags added. False,
    /// changing nothing, when the model never learned it.
    pub fn unlearn(&mut self, text: &str, tags: &[&str]) -> bool {
        let Some(classes) = Model::classes(tags) else {
            return false;
        };
        let f = self.settings.features(text);
        let done = self.user.remove(&f, &classes, UNIT) && self.all.remove(&f, &classes, UNIT);
        self.refresh(&f);
        done
    }

    /// Learns that the reader rejected a suggestion of `tag` for the passage `text`: a
    /// negative example for that tag only. False for a tag not in the codebook.
    pub fn reject(&mut self, text: &str, tag: &str) -> bool {
        let Some(i) = index(tag) else {
            return false;
        };
        let f = self.settings.features(text);
        self.user.add(&f, &[REJECTED + i], UNIT);
        self.all.add(&f, &[REJECTED + i], UNIT);
        self.refresh(&f);
        true
    }

    /// Takes back a rejection (the reader undid it), exactly; false if there was none.
    pub fn unreject(&mut self, text: &str, tag: &str) -> bool {
        let Some(i) = index(tag) else {
            return false;
        };
        let f = self.settings.features(text);
        let done = self.user.remove(&f, &[REJECTED + i], UNIT)
            && self.all.remove(&f, &[REJECTED + i], UNIT);
        self.refresh(&f);
        done
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
                s.scale * llr / (m as f64).powf(s.norm) + s.bias
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
fn encode(t: &Table) -> Vec<u8> {
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

fn decode(bytes: &[u8]) -> Option<Table> {
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

/// The GCM's objective titles as seed 000 lists them ("1. Collect and utilize …", one a line,
/// though one line holds two: "10. … 11. …"), by number.
pub fn seed_objectives(seed: &str) -> Vec<(u8, &str)> {
    let mut out: Vec<(u8, &str)> = Vec::new();
    for line in seed.lines() {
        let mut rest = line.trim();
        let next = out.len() as u8 + 1;
        let Some(after) = rest.strip_prefix(&format!("{next}. ")) else {
            continue;
        };
        rest = after;
        let mut n = next;
        loop {
            let marker = format!(" {}. ", n + 1);
            match rest.find(&marker) {
                Some(at) if n < 23 => {
                    out.push((n, rest[..at].trim()));
                    rest = &rest[at + marker.len()..];
                    n += 1;
                }
                _ => {
                    out.push((n, rest.trim()));
                    break;
                }
            }
        }
        if out.len() >= 23 {
            break;
        }
    }
    out
}

/// The value of `key = value` in a Fluent catalogue (single-line messages only).
fn ftl<'a>(catalogue: &'a str, key: &str) -> Option<&'a str> {
    catalogue.lines().find_map(|l| {
        let (k, v) = l.split_once(" = ")?;
        (k.trim() == key).then_some(v.trim())
    })
}

/// The seed prior's text for each tag, in [`TAGS`] order: the codebook's short name and
/// title, the objective's title as seed 000 lists it, the French and Spanish short names and
/// titles of the app's catalogues (the UN's wording where there is one), and the keyword
/// lexicon's stems in the three languages.
pub fn seed_texts() -> Vec<String> {
    const SEED_000: &str = include_str!("../../seeds/000_ebabb0657f756768.txt");
    const FR: &str = include_str!("../i18n/fr/codebook.ftl");
    const ES: &str = include_str!("../i18n/es/codebook.ftl");
    let objectives = seed_objectives(SEED_000);
    TAGS.iter()
        .map(|tag| {
            let mut parts = vec![tag.short.to_string(), tag.title.to_string()];
            if let Some((_, line)) = objectives
                .iter()
                .find(|(n, _)| tag.kind == crate::codebook::TagKind::Objective && *n == tag.number)
            {
                parts.push(line.to_string());
            }
            for catalogue in [FR, ES] {
                for part in ["short", "title"] {
                    if let Some(v) = ftl(catalogue, &format!("tag-{part}-{}", tag.id)) {
                        parts.push(v.to_string());
                    }
                }
            }
            if let Some((_, stems)) = LEXICON.iter().find(|(id, _)| *id == tag.id) {
                parts.extend(stems.iter().map(|s| s.to_string()));
            }
            parts.join(" . ")
        })
        .collect()
}

/// Suggestions for a text, sentence by sentence: the rules' (explicit references and
/// keywords, as [`super::suggest`] makes them) and, for tags the rules did not suggest in
/// that sentence, the model's, where its confidence reaches both [`Settings::floor`] and
/// `threshold`. Rules' suggestions under `threshold` are left out too. Sorted by confidence,
/// highest first; equal ones in text order.
pub fn suggest(text: &DocText, model: &Model, threshold: f32) -> Vec<Suggestion> {
    let mut out = Vec::new();
    for (start, end, sentence) in sentences(text) {
        let rules = for_sentence(sentence, start, end);
        let confidences = model.confidences(sentence);
        for (i, (tag, &confidence)) in TAGS.iter().zip(confidences.iter()).enumerate() {
            if confidence >= model.settings.floor
                && model.user.docs[i] >= u64::from(model.settings.min_positives * UNIT)
                && confidence >= threshold
                && !rules.iter().any(|r| r.tag == tag.id)
            {
                out.push(Suggestion {
                    start,
                    end,
                    tag: tag.id,
                    reason: Reason::Learned { confidence },
                    confidence,
                });
            }
        }
        out.extend(rules.into_iter().filter(|r| r.confidence >= threshold));
    }
    out.sort_by(|a, b| {
        b.confidence
            .total_cmp(&a.confidence)
            .then(a.start.cmp(&b.start))
    });
    out
}

#[cfg(test)]
#[path = "model_tests.rs"]
mod tests;
