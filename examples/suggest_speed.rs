//! The learned suggester's native speed and size (issue 24, item 4): suggestions for seed 001
//! (78 KB), one incremental update, building the seed prior, and the stored model's size
//! after 200 annotations. `cargo run --release --example suggest_speed`; prints a table
//! (medians of RUNS runs, default 15).

use gcm_annotator::suggest::learner::{Example, Learner};
use gcm_annotator::suggest::model::{self, Model};
use gcm_annotator::text::DocText;
use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, f64) {
    let ms: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    let max = ms.iter().copied().fold(0.0, f64::max);
    (median(ms), max)
}

fn main() {
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(15);
    let seed = gcm_annotator::seeds::seed("seed-22250b8f33848101").unwrap();
    let text = DocText::new(seed.text());
    // 200 annotations: the sentences of seeds 002–004 that the rules tag, with their tags,
    // as a stand-in for a reader's (their count and length matter here, not their truth).
    let mut annotations: Vec<(String, Vec<&'static str>)> = Vec::new();
    for id in [
        "seed-a9d421f816d97b78",
        "seed-310a10ca591454ed",
        "seed-87ef9370e957a8a4",
    ] {
        let doc = DocText::new(gcm_annotator::seeds::seed(id).unwrap().text());
        for (start, end, sentence) in gcm_annotator::suggest::sentences(&doc) {
            let tags: Vec<&'static str> =
                gcm_annotator::suggest::for_sentence(sentence, start, end)
                    .iter()
                    .map(|s| s.tag)
                    .collect();
            if !tags.is_empty() && annotations.len() < 200 {
                annotations.push((sentence.to_string(), tags));
            }
        }
    }
    let mut m = Model::new();
    for (t, tags) in &annotations {
        m.learn(t, tags);
    }
    let (prior, prior_max) = time(runs, Model::new);
    let (sugg, sugg_max) = time(runs, || model::suggest(&text, &m, model::DEFAULT_THRESHOLD));
    let count = model::suggest(&text, &m, model::DEFAULT_THRESHOLD).len();
    let (rules, _) = time(runs, || gcm_annotator::suggest::suggest(&text));
    let (split, _) = time(runs, || gcm_annotator::suggest::sentences(&text).len());
    let sentences: Vec<&str> = gcm_annotator::suggest::sentences(&text)
        .into_iter()
        .map(|s| s.2)
        .collect();
    let (scoring, _) = time(runs, || {
        sentences.iter().map(|s| m.confidences(s)[0]).sum::<f32>()
    });
    let (feats, _) = time(runs, || {
        sentences
            .iter()
            .map(|s| model::features(s).len())
            .sum::<usize>()
    });
    let (t, tags) = &annotations[17];
    let (update, update_max) = time(runs * 10, || {
        m.learn(t, tags);
        m.unlearn(t, tags)
    });
    let (stored_ms, _) = time(runs, || serde_json::to_string(&m.to_stored()).unwrap());
    let stored = serde_json::to_string(&m.to_stored()).unwrap();
    let (load, _) = time(runs, || {
        Model::from_stored(&serde_json::from_str(&stored).unwrap()).unwrap()
    });
    println!("| figure | median | max |\n|---|---:|---:|");
    println!(
        "| suggestions for seed 001 (78 KB, {count} suggestions), 200 annotations learned | {sugg:.1} ms | {sugg_max:.1} ms |"
    );
    println!("| of which: the rules alone {rules:.1} ms (cutting sentences {split:.1} ms); the model's features {feats:.1} ms, and scoring with them {scoring:.1} ms | | |");
    println!(
        "| one update: learn and unlearn one annotation ({} bytes) | {:.3} ms | {:.3} ms |",
        t.len(),
        update,
        update_max
    );
    println!("| build the seed prior (a new model) | {prior:.1} ms | {prior_max:.1} ms |");
    println!(
        "| store / read back the model (200 annotations) | {stored_ms:.1} ms / {load:.1} ms | |"
    );
    println!(
        "| stored size, 200 annotations ({} learned), JSON | {} bytes | |",
        m.learned(),
        stored.len()
    );
    // What the app stores: the learner's record, with the passages it learned from (so that
    // a deletion unlearns exactly) and its rejections.
    let mut learner = Learner::new();
    let examples: Vec<Example> = (annotations.iter().enumerate())
        .map(|(i, (t, tags))| Example {
            id: format!("a{i}"),
            quote: t.clone(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
        })
        .collect();
    let (sync, _) = time(runs, || {
        let mut l = Learner::new();
        l.sync(&examples, usize::MAX)
    });
    learner.sync(&examples, usize::MAX);
    let record = learner.to_record();
    println!(
        "| the stored record (model, learned passages, threshold), 200 annotations | {} bytes | |",
        record.len()
    );
    println!("| first sync of 200 annotations (a new learner) | {sync:.1} ms | |");
}
