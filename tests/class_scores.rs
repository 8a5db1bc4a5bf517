//! Compare's span scores (one-to-one matching), per-student scores and agreement over all or
//! only coded text, checked against the same figures computed in plain Python
//! (`tests/class-scores/check.py`, from `tests/class-scores/input.json`) to 1e-9.
#![cfg(not(target_arch = "wasm32"))]

use gcm_annotator::annotation::{Annotation, Draft};
use gcm_annotator::classroom::{self, Annotator};
use gcm_annotator::stats::{pair_span_scores, Matching, SpanScores};
use gcm_annotator::text::{Cp, DocText};
use serde_json::Value;
use std::path::Path;

fn dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/class-scores")
}

/// The class of input.json: annotator 0 is the key.
fn class() -> (usize, Vec<Annotator>) {
    let input: Value =
        serde_json::from_str(&std::fs::read_to_string(dir().join("input.json")).unwrap()).unwrap();
    let len = input["len"].as_u64().unwrap() as usize;
    let text = DocText::new("x".repeat(len).as_str());
    let mut n = 0;
    let annotators = input["annotators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let annotations = a["annotations"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| {
                    let (s, e) = (
                        x[0].as_u64().unwrap() as usize,
                        x[1].as_u64().unwrap() as usize,
                    );
                    let tags = serde_json::from_value(x[2].clone()).unwrap();
                    n += 1;
                    let draft = |s, e| Draft {
                        document: "d".into(),
                        start: Cp(s),
                        end: Cp(e),
                        tags,
                        note: String::new(),
                    };
                    if s == e {
                        // A tag of the whole document.
                        let mut w =
                            Annotation::new(format!("a{n}"), draft(0, 1), &text, "", 0).unwrap();
                        (w.start, w.end, w.quote) = (Cp(0), Cp(0), String::new());
                        w.whole_document = true;
                        w
                    } else {
                        let made =
                            Annotation::new(format!("a{n}"), draft(s, e), &text, "", 0).unwrap();
                        assert_eq!((made.start.0, made.end.0), (s, e));
                        made
                    }
                })
                .collect();
            Annotator {
                name: a["name"].as_str().unwrap().into(),
                id: None,
                assignment: None,
                file: "input.json".into(),
                annotations,
                orphans: 0,
                given: 0,
                codes: Vec::new(),
                notices: Vec::new(),
            }
        })
        .collect();
    (len, annotators)
}

fn python() -> Value {
    let out = std::process::Command::new("python3")
        .arg(dir().join("check.py"))
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Whether a Rust figure equals Python's to 1e-9 (both undefined counts as equal).
fn same(rust: Option<f64>, py: &Value) -> bool {
    match (rust, py.as_f64()) {
        (None, None) => py.is_null(),
        (Some(a), Some(b)) => (a - b).abs() < 1e-9,
        _ => false,
    }
}

fn same_scores(what: &str, rust: SpanScores, py: &Value) {
    for (k, v) in [rust.precision, rust.recall, rust.f1]
        .into_iter()
        .enumerate()
    {
        assert!(same(v, &py[k]), "{what}: {rust:?} against Python's {py}");
    }
}

#[test]
fn span_scores_between_every_pair_are_pythons() {
    let (_, class) = class();
    let py = python();
    let lists: Vec<Vec<&Annotation>> = class.iter().map(Annotator::refs).collect();
    let pairs = py["pairs"].as_object().unwrap();
    let mut checked = 0;
    for (how, name) in [(Matching::Exact, "exact"), (Matching::Overlap, "overlap")] {
        for t in classroom::codes_in_use(&class) {
            for (i, j, s) in pair_span_scores(&lists, &t, how) {
                if let Some(p) = pairs.get(&format!("{name} {t} {i} {j}")) {
                    same_scores(&format!("{name} {t} {i}–{j}"), s, p);
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, pairs.len(), "every pair Python scored");
    assert_eq!(checked, 2 * 7 * 21, "7 tags, 7 annotators");
}

#[test]
fn per_student_scores_are_pythons() {
    let (_, class) = class();
    let py = python();
    for (how, name) in [(Matching::Exact, "exact"), (Matching::Overlap, "overlap")] {
        let scores = classroom::student_scores(&class, 0, how);
        assert_eq!(scores.len(), class.len() - 1);
        for s in scores {
            let p = &py["students"][format!("{name} {}", s.annotator)];
            same_scores(
                &format!("{name} micro {}", s.annotator),
                s.micro,
                &p["micro"],
            );
            same_scores(
                &format!("{name} macro {}", s.annotator),
                s.macro_avg,
                &p["macro"],
            );
            assert_eq!(Some(s.passages as u64), p["passages"].as_u64());
        }
    }
}

#[test]
fn agreement_over_all_and_over_coded_text_is_pythons() {
    let (len, class) = class();
    let py = python();
    for (coded_only, name) in [(false, "all"), (true, "coded")] {
        let rows = classroom::table(Cp(len), &class, coded_only);
        let expected = py["agreement"][name].as_object().unwrap();
        let mut checked = 0;
        for r in &rows {
            let Some(p) = expected.get(&r.tag) else {
                // A tag nobody used: undefined everywhere.
                assert!(r.fleiss.is_none() && r.alpha.is_none(), "{r:?}");
                continue;
            };
            let what = format!("{name} {}", r.tag);
            assert!(
                same(r.fleiss, &p["fleiss"]),
                "{what} Fleiss {:?} {}",
                r.fleiss,
                p["fleiss"]
            );
            assert!(
                same(r.alpha, &p["alpha"]),
                "{what} alpha {:?} {}",
                r.alpha,
                p["alpha"]
            );
            for (k, (_, _, c)) in r.cohen.iter().enumerate() {
                assert!(
                    same(*c, &p["cohen"][k]),
                    "{what} Cohen pair {k}: {c:?} {}",
                    p["cohen"][k]
                );
            }
            checked += 1;
        }
        assert_eq!(checked, expected.len(), "{name}: every row Python computed");
    }
}
