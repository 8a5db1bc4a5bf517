//! Scores against an answer key: per tag, with the key's passages each annotator missed and
//! the passages they added, and one overall line per student (micro and macro precision,
//! recall and F1).

use super::annotators::{codes_in_use, Annotator};
use crate::stats::{match_spans, spans_by_tag, Matching, SpanScores};
use crate::text::Cp;
use std::collections::HashMap;

/// A passage the key has and an annotator lacks, or the other way round.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    pub start: Cp,
    pub end: Cp,
    pub tag: String,
}

/// One annotator's scores against the answer key.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyScores {
    pub annotator: usize,
    /// Per tag used by the key or the annotator: exact and overlap scores.
    pub per_tag: Vec<(String, SpanScores, SpanScores)>,
    /// The key's passages left unmatched by the one-to-one overlap matching
    /// ([`Matching::RULE`]), by tag.
    pub missed: Vec<Passage>,
    /// The annotator's passages left unmatched by it, by tag: a second fragment of one key
    /// passage is among them, as it counts against precision.
    pub extra: Vec<Passage>,
}

/// One tag's spans of a [`spans_by_tag`] map; none when the tag is absent.
fn of<'a>(spans: &'a HashMap<&str, Vec<(usize, usize)>>, tag: &str) -> &'a [(usize, usize)] {
    spans.get(tag).map(Vec::as_slice).unwrap_or(&[])
}

/// The answer key's spans of every code the class used, found once, to score the students
/// against one at a time ([`key_scores`], [`student_score`]): a caller in the browser can
/// then give the page a breath between two students.
pub struct KeySpans<'a> {
    /// The annotator who is the key, by place among the annotators.
    pub key: usize,
    codes: Vec<String>,
    spans: HashMap<&'a str, Vec<(usize, usize)>>,
}

impl<'a> KeySpans<'a> {
    /// The spans of `annotators[key]`, on the codes any of `annotators` used
    /// ([`codes_in_use`]). Panics if `key` is out of `annotators`.
    pub fn new(annotators: &'a [Annotator], key: usize) -> KeySpans<'a> {
        KeySpans {
            key,
            codes: codes_in_use(annotators),
            spans: spans_by_tag(&annotators[key].refs()),
        }
    }
}

/// Scores every annotator but the key against it.
pub fn answer_key(annotators: &[Annotator], key: usize) -> Vec<KeyScores> {
    let k = KeySpans::new(annotators, key);
    (annotators.iter().enumerate())
        .filter(|(i, _)| *i != key)
        .map(|(i, a)| key_scores(&k, i, a))
        .collect()
}

/// `a`'s scores against the key (`i`: `a`'s place among the annotators), per tag, with the
/// passages it missed and added. Per tag, a share with no denominator counts as 0
/// (scikit-learn's `zero_division=0`), as in [`StudentScores`]' averages.
pub fn key_scores(key: &KeySpans<'_>, i: usize, a: &Annotator) -> KeyScores {
    let my_spans = spans_by_tag(&a.refs());
    let mut per_tag = Vec::new();
    let (mut missed, mut extra) = (Vec::new(), Vec::new());
    for t in &key.codes {
        let (k, o) = (of(&key.spans, t), of(&my_spans, t));
        if k.is_empty() && o.is_empty() {
            continue;
        }
        let pairs = match_spans(k, o, Matching::Overlap);
        // The key or the student has a passage of this tag: a share with nothing to
        // divide by counts as 0, as in the averages (a tag left out showed precision "—"
        // beside recall 0.00, against the legend's rule).
        per_tag.push((
            t.clone(),
            zero_division(crate::stats::span_scores(k, o, Matching::Exact), true),
            zero_division(SpanScores::of_counts(pairs.len(), k.len(), o.len()), true),
        ));
        let passage = |s: &(usize, usize)| Passage {
            start: Cp(s.0),
            end: Cp(s.1),
            tag: t.clone(),
        };
        let unmatched = |spans: &[(usize, usize)], side: fn(&(usize, usize)) -> usize| {
            let mut hit = vec![false; spans.len()];
            for p in &pairs {
                hit[side(p)] = true;
            }
            spans
                .iter()
                .zip(hit)
                .filter(|(_, h)| !h)
                .map(|(s, _)| passage(s))
                .collect::<Vec<_>>()
        };
        missed.extend(unmatched(k, |p| p.0));
        extra.extend(unmatched(o, |p| p.1));
    }
    crate::sort::sort_by_key(&mut missed, |p| p.start);
    crate::sort::sort_by_key(&mut extra, |p| p.start);
    KeyScores {
        annotator: i,
        per_tag,
        missed,
        extra,
    }
}

/// One student's overall scores against the answer key.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StudentScores {
    /// The student's index among the annotators.
    pub annotator: usize,
    /// Micro average: the matched pairs, the key's passages and the student's pooled over
    /// every tag (a passage with two tags counts twice), then precision, recall and F1 of
    /// the pooled counts. A share without a denominator counts as 0, as in the macro
    /// average (a student with no passages has precision 0, not none): one rule for both.
    /// `None` when neither has a passage.
    pub micro: SpanScores,
    /// Macro average: the unweighted mean over the tags the key or the student used of each
    /// tag's precision, recall and F1. A share without a denominator counts as 0 (a tag the
    /// student never used has precision 0, one the key never used recall 0), as
    /// scikit-learn's `zero_division=0` does, so that leaving a tag out costs. `None` when
    /// neither used any tag.
    pub macro_avg: SpanScores,
    /// The student's annotations of the document (passages and whole-document tags).
    pub passages: usize,
}

/// Every student's (every annotator but the key's) overall scores against the key, in the
/// annotators' order, with `how` matching ([`Matching::Overlap`] is one to one).
pub fn student_scores(annotators: &[Annotator], key: usize, how: Matching) -> Vec<StudentScores> {
    let k = KeySpans::new(annotators, key);
    (annotators.iter().enumerate())
        .filter(|(i, _)| *i != key)
        .map(|(i, a)| student_score(&k, i, a, how))
        .collect()
}

/// `a`'s overall scores against the key (`i`: `a`'s place among the annotators), with `how`
/// matching.
pub fn student_score(key: &KeySpans<'_>, i: usize, a: &Annotator, how: Matching) -> StudentScores {
    let my_spans = spans_by_tag(&a.refs());
    let (mut matched, mut keyed, mut made) = (0, 0, 0);
    let (mut p_sum, mut r_sum, mut f_sum, mut tags) = (0.0, 0.0, 0.0, 0usize);
    for t in &key.codes {
        let (k, o) = (of(&key.spans, t), of(&my_spans, t));
        if k.is_empty() && o.is_empty() {
            continue;
        }
        let m = match_spans(k, o, how).len();
        (matched, keyed, made) = (matched + m, keyed + k.len(), made + o.len());
        let s = SpanScores::of_counts(m, k.len(), o.len());
        p_sum += s.precision.unwrap_or(0.0);
        r_sum += s.recall.unwrap_or(0.0);
        f_sum += s.f1.unwrap_or(0.0);
        tags += 1;
    }
    let mean = |sum: f64| (tags > 0).then(|| sum / tags as f64);
    StudentScores {
        annotator: i,
        micro: zero_division(SpanScores::of_counts(matched, keyed, made), tags > 0),
        macro_avg: SpanScores {
            precision: mean(p_sum),
            recall: mean(r_sum),
            f1: mean(f_sum),
        },
        passages: a.annotations.len(),
    }
}

/// `s` with a share that has no denominator counted as 0 (scikit-learn's
/// `zero_division=0`), F1 then of the two, when `any` (the key or the student has a
/// passage); else `s`, undefined.
fn zero_division(s: SpanScores, any: bool) -> SpanScores {
    if !any {
        return s;
    }
    let (precision, recall) = (s.precision.or(Some(0.0)), s.recall.or(Some(0.0)));
    SpanScores {
        precision,
        recall,
        f1: crate::stats::f1(precision, recall),
    }
}
