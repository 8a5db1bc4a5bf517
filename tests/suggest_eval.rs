//! The suggester against a hand-tagged evaluation set (`tests/suggest-eval.json`, which says
//! how it was made): precision and recall over (sentence, tag) pairs. Prints the figures the
//! README reports, and fails if they fall below what was measured.
#![cfg(not(target_arch = "wasm32"))]

use gcm_annotator::suggest::suggest;
use gcm_annotator::text::DocText;
use std::collections::BTreeSet;

#[test]
fn suggester_precision_and_recall_on_the_hand_tagged_set() {
    let set: serde_json::Value = serde_json::from_str(include_str!("suggest-eval.json")).unwrap();
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    let mut misses = Vec::new();
    for s in set["sentences"].as_array().unwrap() {
        let text = s["text"].as_str().unwrap();
        let gold: BTreeSet<&str> = s["tags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        let got: BTreeSet<&str> = suggest(&DocText::new(text)).iter().map(|x| x.tag).collect();
        tp += gold.intersection(&got).count();
        fp += got.difference(&gold).count();
        fn_ += gold.difference(&got).count();
        if gold != got {
            misses.push(format!("{text:.70} gold {gold:?} got {got:?}"));
        }
    }
    let precision = tp as f64 / (tp + fp) as f64;
    let recall = tp as f64 / (tp + fn_) as f64;
    println!("suggester on {} sentences: precision {precision:.2} ({tp}/{}), recall {recall:.2} ({tp}/{})",
        set["sentences"].as_array().unwrap().len(), tp + fp, tp + fn_);
    for m in &misses {
        println!("  {m}");
    }
    // Floors just under the figures measured on the 306-passage set (precision 0.66, recall
    // 0.38; on the earlier 48 sentences 0.75 and 0.29): a change that makes the suggester
    // worse fails here. The lexicon was not tuned on this set; tune it on another, or these
    // figures stop meaning anything.
    assert!(precision >= 0.63, "precision fell to {precision:.2}");
    assert!(recall >= 0.35, "recall fell to {recall:.2}");
}
