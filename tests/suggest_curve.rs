//! The learned suggester's learning curve on the hand-tagged set (`tests/suggest-eval.json`):
//! micro precision, recall and F1 over (passage, tag) pairs after 0, 10, 25, 50, 100 and 200
//! training annotations, on the passages not trained on, averaged over random orders, beside
//! the rules alone on the same passages. Prints the table and writes it to
//! `bench/suggest-curve.md`.
//!
//! How a run trains: the passages are shuffled (xorshift, fixed seeds); the last quarter of
//! the order is its test passages, the same at every point; the model learns the tagged
//! passages of the rest in order, each with all its tags, until N (passage, tag) annotations
//! are learned. Untagged passages met on the way are
//! not learned as negatives: in the app an untagged sentence is not a judgement (the reader
//! may not have read it, or not yet), so the model only ever sees annotations and rejected
//! suggestions, and the curve trains it the same way; they stay in the test passages, where
//! they count every false suggestion.
#![cfg(not(target_arch = "wasm32"))]

use gcm_annotator::suggest::model::{self, Model, Settings};
use gcm_annotator::text::DocText;
use std::collections::BTreeSet;

/// The numbers of training annotations the curve is measured at.
const POINTS: [usize; 6] = [0, 10, 25, 50, 100, 200];
/// The random orders the reported curve averages over.
const REPORT_SEEDS: [u64; 5] = [1, 2, 3, 4, 5];
/// Other orders, for trying settings (`tune_settings`), so that the reported orders are not
/// the ones the settings were chosen on.
const TUNE_SEEDS: [u64; 5] = [101, 102, 103, 104, 105];

struct Passage {
    text: String,
    tags: BTreeSet<String>,
}

fn passages() -> Vec<Passage> {
    let set: serde_json::Value = serde_json::from_str(include_str!("suggest-eval.json")).unwrap();
    set["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| Passage {
            text: s["text"].as_str().unwrap().to_string(),
            tags: s["tags"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t.as_str().unwrap().to_string())
                .collect(),
        })
        .collect()
}

/// A shuffled order of `0..n` (Fisher–Yates over xorshift64, Marsaglia 2003).
fn order(n: usize, seed: u64) -> Vec<usize> {
    let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut v: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        v.swap(i, (next() % (i as u64 + 1)) as usize);
    }
    v
}

/// The share of the passages held out for testing, in every order: a quarter.
const TEST_SHARE: usize = 4;

/// An order's training pool and its test passages (the last quarter), by place in `all`:
/// every point of one order is tested on the same passages, so that the curve's points
/// compare.
fn split(all: &[Passage], seed: u64) -> (Vec<usize>, Vec<usize>) {
    let mut pool = order(all.len(), seed);
    let test = pool.split_off(all.len() - all.len() / TEST_SHARE);
    (pool, test)
}

/// A model that learned the tagged passages of `pool`, in order, each with all its tags,
/// until `n` (passage, tag) annotations; and how many it learned.
fn trained(settings: Settings, all: &[Passage], pool: Vec<usize>, n: usize) -> (Model, usize) {
    let mut model = Model::with_settings(settings);
    let mut seen = 0;
    for p in pool.into_iter().map(|i| &all[i]) {
        if seen >= n {
            break;
        }
        if p.tags.is_empty() {
            continue;
        }
        let tags: Vec<&str> = p.tags.iter().map(String::as_str).collect();
        model.learn(&p.text, &tags);
        seen += tags.len();
    }
    (model, seen)
}

#[derive(Clone, Copy, Default, Debug)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn add(&mut self, gold: &BTreeSet<String>, got: &BTreeSet<String>) {
        self.tp += gold.intersection(got).count();
        self.fp += got.difference(gold).count();
        self.fn_ += gold.difference(got).count();
    }
    fn prf(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// One point of the curve, averaged over orders: (P, R, F1) learned, (P, R, F1) rules alone,
/// training annotations actually learned, test passages.
#[derive(Debug)]
struct Point {
    learned: (f64, f64, f64),
    rules: (f64, f64, f64),
    annotations: f64,
    tested: f64,
}

fn tags_of(s: &[gcm_annotator::suggest::Suggestion]) -> BTreeSet<String> {
    s.iter().map(|x| x.tag.to_string()).collect()
}

fn curve(settings: Settings, seeds: &[u64], threshold: f32) -> Vec<Point> {
    let all = passages();
    let rules: Vec<BTreeSet<String>> = all
        .iter()
        .map(|p| {
            tags_of(&gcm_annotator::suggest::suggest(&DocText::new(
                p.text.as_str(),
            )))
        })
        .collect();
    POINTS
        .iter()
        .map(|&n| {
            let (mut sum_l, mut sum_r) = ([0.0; 3], [0.0; 3]);
            let (mut annotations, mut tested) = (0.0, 0.0);
            for &seed in seeds {
                let (pool, test) = split(&all, seed);
                let (model, seen) = trained(settings, &all, pool, n);
                let (mut l, mut r) = (Counts::default(), Counts::default());
                for i in test {
                    let p = &all[i];
                    let got = model::suggest(&DocText::new(p.text.as_str()), &model, threshold);
                    l.add(&p.tags, &tags_of(&got));
                    r.add(&p.tags, &rules[i]);
                    tested += 1.0;
                }
                annotations += seen as f64;
                for (sum, c) in [(&mut sum_l, l), (&mut sum_r, r)] {
                    let (p, r, f) = c.prf();
                    sum[0] += p;
                    sum[1] += r;
                    sum[2] += f;
                }
            }
            let k = seeds.len() as f64;
            Point {
                learned: (sum_l[0] / k, sum_l[1] / k, sum_l[2] / k),
                rules: (sum_r[0] / k, sum_r[1] / k, sum_r[2] / k),
                annotations: annotations / k,
                tested: tested / k,
            }
        })
        .collect()
}

fn table(points: &[Point]) -> String {
    let mut out = String::from(
        "| annotations | learned P | learned R | learned F1 | rules P | rules R | rules F1 | test passages |\n\
         |---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for (n, p) in POINTS.iter().zip(points) {
        out += &format!(
            "| {n} ({:.0}) | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.0} |\n",
            p.annotations,
            p.learned.0,
            p.learned.1,
            p.learned.2,
            p.rules.0,
            p.rules.1,
            p.rules.2,
            p.tested
        );
    }
    out
}

#[test]
fn learning_curve_on_the_hand_tagged_set() {
    let points = curve(Settings::default(), &REPORT_SEEDS, model::DEFAULT_THRESHOLD);
    let t = table(&points);
    println!("{t}");
    let n = passages().len();
    let md = format!(
        "# The learned suggester's learning curve\n\n\
         Written by `cargo test --test suggest_curve` (`tests/suggest_curve.rs` says how it \
         trains and tests). {n} hand-tagged passages (`tests/suggest-eval.json`); each row \
         averages {} random orders; the model learns tagged passages in order until N \
         (passage, tag) annotations (in brackets: how many it learned on average; fewer when \
         the set runs out, and such a row is not a point of the curve), and is tested on the last quarter of the order, held out at every point. Micro precision, \
         recall and F1 over (passage, tag) pairs; \"learned\" is the rules plus the model's \
         tags at confidence ≥ {}; \"rules\" is the rules alone on the same test passages. What \
         was tried, and the speed and size figures: `bench/suggest-notes.md`.\n\n{t}",
        REPORT_SEEDS.len(),
        model::DEFAULT_THRESHOLD
    );
    std::fs::write(
        concat!(env!("CARGO_MANIFEST_DIR"), "/bench/suggest-curve.md"),
        md,
    )
    .unwrap();
    // A point the set cannot reach (fewer tagged passages than N annotations, and some left
    // to test on) is printed but not asserted on.
    let reached: Vec<(usize, &Point)> = POINTS
        .iter()
        .zip(&points)
        .filter(|(&n, p)| p.annotations >= n as f64 && p.tested > 0.0)
        .map(|(&n, p)| (n, p))
        .collect();
    for (n, p) in &reached {
        assert!(
            p.learned.2 >= p.rules.2 - 1e-9,
            "at {n}: learned F1 {:.3} under the rules' {:.3}",
            p.learned.2,
            p.rules.2
        );
    }
    let (last, p) = reached.last().unwrap();
    assert!(
        *last == 0 || p.learned.2 > points[0].learned.2,
        "F1 at {last} not above F1 at 0"
    );
}

/// For each point of the curve and each order: (gold count, rules' tp and fp, and for every
/// (test passage, tag) the rules did not suggest: (logit, whether it is gold)).
type Scored = Vec<Vec<(usize, usize, usize, Vec<(f64, bool)>)>>;

/// Trains as [`curve`] does and keeps the model's logits instead of thresholding them, so
/// that every threshold can be tried on one training.
fn scored(settings: Settings, seeds: &[u64]) -> Scored {
    let all = passages();
    POINTS
        .iter()
        .map(|&n| {
            seeds
                .iter()
                .map(|&seed| {
                    let (pool, test) = split(&all, seed);
                    let (model, _) = trained(settings, &all, pool, n);
                    let (mut gold, mut tp, mut fp, mut pairs) = (0, 0, 0, Vec::new());
                    for p in test.iter().map(|&i| &all[i]) {
                        let doc = DocText::new(p.text.as_str());
                        let rules = tags_of(&gcm_annotator::suggest::suggest(&doc));
                        gold += p.tags.len();
                        tp += rules.intersection(&p.tags).count();
                        fp += rules.difference(&p.tags).count();
                        let mut best = [f64::NEG_INFINITY; 33];
                        for (_, _, sentence) in gcm_annotator::suggest::sentences(&doc) {
                            for (b, x) in best.iter_mut().zip(model.logits(sentence)) {
                                *b = b.max(x);
                            }
                        }
                        let positives = model.positives();
                        for ((tag, x), n) in gcm_annotator::codebook::TAGS
                            .iter()
                            .zip(best)
                            .zip(positives)
                        {
                            if !rules.contains(tag.id) && n >= settings.min_positives {
                                pairs.push((x, p.tags.contains(tag.id)));
                            }
                        }
                    }
                    (gold, tp, fp, pairs)
                })
                .collect()
        })
        .collect()
}

/// (P, R, F1) at each point, averaged over orders, for the rules plus the model's tags with
/// logit ≥ `theta`.
fn at(scored: &Scored, theta: f64) -> Vec<(f64, f64, f64)> {
    scored
        .iter()
        .map(|runs| {
            let mut sum = (0.0, 0.0, 0.0);
            for (gold, tp, fp, pairs) in runs {
                let mut c = Counts {
                    tp: *tp,
                    fp: *fp,
                    fn_: gold - tp,
                };
                for &(x, g) in pairs {
                    if x >= theta {
                        if g {
                            c.tp += 1;
                            c.fn_ -= 1;
                        } else {
                            c.fp += 1;
                        }
                    }
                }
                let (p, r, f) = c.prf();
                sum = (sum.0 + p, sum.1 + r, sum.2 + f);
            }
            let k = runs.len() as f64;
            (sum.0 / k, sum.1 / k, sum.2 / k)
        })
        .collect()
}

/// Tries settings on other orders than the reported ones: `cargo test --test suggest_curve
/// -- --ignored --nocapture`. For each (alpha, prior weight, norm) it prints the threshold on
/// the logit (scale 1, bias 0) that gives the best mean F1 over the points that stay at or
/// above the rules at every point, the curve there, and a logistic fit of "right" on the
/// logit over the suggested pairs (for `scale` and `bias`).
#[test]
#[ignore]
fn tune_settings() {
    let alphas: Vec<f64> = std::env::var("ALPHAS")
        .map(|v| v.split(',').map(|x| x.parse().unwrap()).collect())
        .unwrap_or(vec![0.1, 0.5, 1.0]);
    let weights: Vec<u32> = std::env::var("WEIGHTS")
        .map(|v| v.split(',').map(|x| x.parse().unwrap()).collect())
        .unwrap_or(vec![4, 8, 16]);
    let norms: Vec<f64> = std::env::var("NORMS")
        .map(|v| v.split(',').map(|x| x.parse().unwrap()).collect())
        .unwrap_or(vec![0.5, 1.0]);
    let mins: Vec<u32> = std::env::var("MINS")
        .map(|v| v.split(',').map(|x| x.parse().unwrap()).collect())
        .unwrap_or(vec![0]);
    let shrinks: Vec<f64> = std::env::var("SHRINKS")
        .map(|v| v.split(',').map(|x| x.parse().unwrap()).collect())
        .unwrap_or(vec![0.0]);
    let split = std::env::var("SPLIT").is_ok();
    let grams: (u8, u8) = std::env::var("GRAMS")
        .map(|v| {
            let (a, b) = v.split_once('-').unwrap();
            (a.parse().unwrap(), b.parse().unwrap())
        })
        .unwrap_or((3, 5));
    for &alpha in &alphas {
        for &prior_weight in &weights {
            let combos = norms.iter().flat_map(|n| {
                let shrinks = &shrinks;
                (mins.iter()).flat_map(move |m| shrinks.iter().map(move |k| (n, m, k)))
            });
            for (&norm, &min_positives, &shrink) in combos {
                let s = Settings {
                    alpha,
                    prior_weight,
                    norm,
                    shrink,
                    scale: 1.0,
                    bias: 0.0,
                    min_positives,
                    prior_split: split,
                    grams,
                    ..Settings::default()
                };
                let sc = scored(s, &TUNE_SEEDS);
                let rules = at(&sc, f64::INFINITY);
                let mut best: Option<(f64, f64)> = None;
                for step in -200..=200 {
                    let theta = f64::from(step) * 0.05;
                    let pts = at(&sc, theta);
                    if pts.iter().zip(&rules).any(|(p, r)| p.2 < r.2) {
                        continue;
                    }
                    let mean = pts.iter().map(|p| p.2).sum::<f64>() / pts.len() as f64;
                    if best.is_none_or(|b| mean > b.1) {
                        best = Some((theta, mean));
                    }
                }
                let Some((theta, _)) = best else {
                    println!("a={alpha} w={prior_weight} norm={norm} min={min_positives} shrink={shrink}: under the rules at every threshold");
                    continue;
                };
                let row: Vec<String> = at(&sc, theta)
                    .iter()
                    .map(|p| format!("{:.2}/{:.2}/{:.2}", p.0, p.1, p.2))
                    .collect();
                let rules: Vec<String> = rules.iter().map(|p| format!("{:.2}", p.2)).collect();
                // Logistic fit of "gold" on the logit, over pairs near and above theta.
                let pairs: Vec<(f64, bool)> = sc
                    .iter()
                    .flatten()
                    .flat_map(|r| r.3.iter().copied())
                    .filter(|p| p.0 >= theta - 2.0)
                    .collect();
                let (mut a, mut b) = (1.0f64, -theta);
                for _ in 0..50 {
                    let (mut ga, mut gb, mut haa, mut hab, mut hbb) = (0.0, 0.0, 0.0, 0.0, 0.0);
                    for &(x, g) in &pairs {
                        let p = 1.0 / (1.0 + (-(a * x + b)).exp());
                        let e = p - f64::from(u8::from(g));
                        ga += e * x;
                        gb += e;
                        let w = p * (1.0 - p) + 1e-9;
                        haa += w * x * x;
                        hab += w * x;
                        hbb += w;
                    }
                    let det = haa * hbb - hab * hab;
                    if det.abs() < 1e-12 {
                        break;
                    }
                    a -= (hbb * ga - hab * gb) / det;
                    b -= (haa * gb - hab * ga) / det;
                }
                println!(
                    "a={alpha} w={prior_weight} norm={norm} min={min_positives} shrink={shrink} split={split} grams={grams:?} theta={theta:.2}: {} (rules F1 {}); fit scale={a:.3} bias={b:.3} (0.5 at {:.2}) over {} pairs",
                    row.join(" "),
                    rules.join(" "),
                    -b / a,
                    pairs.len()
                );
            }
        }
    }
}
