//! Inter-annotator agreement, computed per tag over characters: each code point of the text
//! is, for each annotator, tagged or not with the tag. Cohen's kappa for each pair, Fleiss'
//! kappa and Krippendorff's alpha (nominal) across all annotators, over every code point or
//! over only the coded ones, and span-level precision, recall and F1 between pairs, with
//! exact and with one-to-one overlap matching.
//!
//! Every annotator rates every code point, so no value is missing. Coverage is kept as
//! merged intervals, never as one flag per code point: 30 annotators of a 5 MB text would
//! need 150 million flags.
//!
//! A statistic that is undefined (a denominator of zero: nobody used the tag, everybody
//! tagged everything, fewer than two annotators) is `None`, shown as "—", never a made-up
//! number.

use crate::annotation::Annotation;
use std::collections::HashMap;

/// Half-open spans of code points, sorted and merged.
pub type Coverage = Vec<(usize, usize)>;

/// Merges spans into sorted, disjoint coverage.
pub fn coverage(spans: impl IntoIterator<Item = (usize, usize)>) -> Coverage {
    let mut v: Vec<(usize, usize)> = spans.into_iter().filter(|(s, e)| s < e).collect();
    crate::sort::sort(&mut v);
    let mut out: Coverage = Vec::with_capacity(v.len());
    for (s, e) in v {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// The number of code points covered.
pub fn covered(c: &Coverage) -> usize {
    c.iter().map(|(s, e)| e - s).sum()
}

/// The number of code points covered by both.
pub fn overlap(a: &Coverage, b: &Coverage) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (s, e) = (a[i].0.max(b[j].0), a[i].1.min(b[j].1));
        if s < e {
            n += e - s;
        }
        if a[i].1 < b[j].1 {
            i += 1;
        } else {
            j += 1;
        }
    }
    n
}

/// `c` laid onto `within` with the gaps between its intervals taken out: the code points of
/// `within` numbered 0, 1, … in order, and `c`'s that fall inside them renumbered so. The
/// agreement over coded text only is the agreement over these, `covered(within)` items.
pub fn squeeze(c: &Coverage, within: &Coverage) -> Coverage {
    let mut out = Vec::new();
    let (mut j, mut base) = (0, 0);
    for &(s, e) in c {
        while j < within.len() && within[j].1 <= s {
            base += within[j].1 - within[j].0;
            j += 1;
        }
        // Intersect (s, e) with every interval of `within` it reaches.
        let (mut k, mut b) = (j, base);
        while k < within.len() && within[k].0 < e {
            let (ws, we) = within[k];
            let (x, y) = (s.max(ws), e.min(we));
            if x < y {
                out.push((b + x - ws, b + y - ws));
            }
            b += we - ws;
            k += 1;
        }
    }
    coverage(out)
}

/// Cohen's kappa of two raters over `n` binary items (code points), from the 2×2 table:
/// κ = (p_o − p_e) / (1 − p_e), with p_o the observed agreement and p_e = p_A1·p_B1 +
/// p_A0·p_B0 the agreement expected by chance (Cohen 1960, eq. 1). `None` when p_e = 1.
pub fn cohen_kappa(a: &Coverage, b: &Coverage, n: usize) -> Option<f64> {
    if n == 0 {
        return None;
    }
    let n11 = overlap(a, b) as f64;
    let (na, nb) = (covered(a) as f64, covered(b) as f64);
    let nf = n as f64;
    let n00 = nf - (na + nb - n11);
    let po = (n11 + n00) / nf;
    let (pa, pb) = (na / nf, nb / nf);
    let pe = pa * pb + (1.0 - pa) * (1.0 - pb);
    (pe < 1.0).then(|| (po - pe) / (1.0 - pe))
}

/// For each count c in 0..=m, how many code points exactly c of the raters cover.
fn count_profile(raters: &[Coverage], n: usize) -> Vec<usize> {
    let m = raters.len();
    let mut events: Vec<(usize, i64)> = Vec::new();
    for r in raters {
        for &(s, e) in r {
            events.push((s.min(n), 1));
            events.push((e.min(n), -1));
        }
    }
    crate::sort::sort(&mut events);
    let mut profile = vec![0usize; m + 1];
    let (mut at, mut count) = (0usize, 0i64);
    for (pos, delta) in events {
        if pos > at {
            profile[count as usize] += pos - at;
            at = pos;
        }
        count += delta;
    }
    profile[0] += n.saturating_sub(at);
    profile
}

/// Fleiss' kappa of m ≥ 2 raters over `n` binary items: κ = (P̄ − P̄_e) / (1 − P̄_e), with
/// P_i = Σ_j n_ij(n_ij − 1) / (m(m − 1)) the agreement on item i, P̄ their mean, and
/// P̄_e = Σ_j p_j² from the category shares p_j (Fleiss 1971, eqs. 2–6). `None` when
/// P̄_e = 1 or there are fewer than two raters.
pub fn fleiss_kappa(raters: &[Coverage], n: usize) -> Option<f64> {
    let m = raters.len();
    if m < 2 || n == 0 {
        return None;
    }
    let profile = count_profile(raters, n);
    let (mf, nf) = (m as f64, n as f64);
    let mut p_bar = 0.0;
    let mut ones = 0.0;
    for (c, &len) in profile.iter().enumerate() {
        let (c1, c0) = (c as f64, (m - c) as f64);
        p_bar += len as f64 * (c1 * (c1 - 1.0) + c0 * (c0 - 1.0)) / (mf * (mf - 1.0));
        ones += len as f64 * c1;
    }
    p_bar /= nf;
    let p1 = ones / (nf * mf);
    let pe = p1 * p1 + (1.0 - p1) * (1.0 - p1);
    (pe < 1.0).then(|| (p_bar - pe) / (1.0 - pe))
}

/// Krippendorff's alpha for nominal data, m ≥ 2 raters, every item rated by all:
/// α = 1 − D_o / D_e = 1 − (n·m − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k, with the
/// coincidences o_01 = o_10 = Σ_u c_u(m − c_u)/(m − 1) (Krippendorff 2011, "Computing
/// Krippendorff's Alpha-Reliability", section C). `None` when only one value occurs.
pub fn krippendorff_alpha(raters: &[Coverage], n: usize) -> Option<f64> {
    let m = raters.len();
    if m < 2 || n == 0 {
        return None;
    }
    let profile = count_profile(raters, n);
    let mf = m as f64;
    let (mut n1, mut n0, mut o01) = (0.0, 0.0, 0.0);
    for (c, &len) in profile.iter().enumerate() {
        let (c1, c0, l) = (c as f64, (m - c) as f64, len as f64);
        n1 += l * c1;
        n0 += l * c0;
        o01 += l * c1 * c0 / (mf - 1.0);
    }
    let total = n1 + n0;
    (n1 * n0 > 0.0).then(|| 1.0 - (total - 1.0) * (2.0 * o01) / (2.0 * n1 * n0))
}

/// How spans are matched between two annotators. Either way each span of one side matches
/// at most one of the other's, so that precision and recall count passages, not pairs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Matching {
    /// The same start and end.
    Exact,
    /// One to one by overlap: the rule of [`Matching::RULE`].
    Overlap,
}

impl Matching {
    /// The overlap rule in one sentence, in English, as the agreement CSV states it in its
    /// `matching` column ([`Matching::rule`] is the same in the interface's language).
    pub const RULE: &'static str = "one-to-one: each reference passage matches at most one \
        other passage, largest overlap in code points first, ties to the earliest start";

    /// The exact rule in the same words, for the CSV.
    pub const EXACT_RULE: &'static str = "exact: the same start and end";

    /// How the scores' spans were matched, in the interface's language: for the view.
    pub fn rule(self) -> String {
        match self {
            Matching::Exact => t!("class-rule-exact"),
            Matching::Overlap => t!("class-rule-overlap"),
        }
    }
}

/// Precision, recall and F1 of one annotator's spans against a reference's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SpanScores {
    /// Share of the annotator's spans that match a reference span; `None` without spans.
    pub precision: Option<f64>,
    /// Share of the reference's spans matched by the annotator; `None` without reference.
    pub recall: Option<f64>,
    /// Harmonic mean of the two; `None` if either is, 0 if both are 0.
    pub f1: Option<f64>,
}

impl SpanScores {
    /// The scores of `matched` pairs among `reference` and `other` spans.
    pub fn of_counts(matched: usize, reference: usize, other: usize) -> SpanScores {
        let precision = (other > 0).then(|| matched as f64 / other as f64);
        let recall = (reference > 0).then(|| matched as f64 / reference as f64);
        SpanScores {
            precision,
            recall,
            f1: f1(precision, recall),
        }
    }
}

/// The harmonic mean of precision and recall; `None` if either is, 0 if both are 0.
pub fn f1(precision: Option<f64>, recall: Option<f64>) -> Option<f64> {
    match (precision, recall) {
        (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
        (Some(_), Some(_)) => Some(0.0),
        _ => None,
    }
}

/// The code points two half-open spans share; `None` when they do not match by overlap.
/// Two equal empty spans (tags of the whole document, `(0, 0)`) match with an overlap of 0.
fn shared(a: (usize, usize), b: (usize, usize)) -> Option<usize> {
    let (s, e) = (a.0.max(b.0), a.1.min(b.1));
    match s < e {
        true => Some(e - s),
        false => (a == b).then_some(0),
    }
}

/// The pairs (reference index, other index) matched one to one, of two lists of spans
/// sorted by start, then end, without repeats, as [`spans_of`] gives them. Exact: equal
/// spans. Overlap: every overlapping pair, largest overlap first, ties to the earliest
/// reference span (by start, then end), then the earliest other span, each taken when
/// neither of its spans is taken yet (greedy, not the maximum matching: it is the rule a
/// teacher can check by hand).
pub fn match_spans(
    reference: &[(usize, usize)],
    other: &[(usize, usize)],
    how: Matching,
) -> Vec<(usize, usize)> {
    debug_assert!(reference.is_sorted() && other.is_sorted());
    // (usize::MAX − overlap, i·m + j): sorted, largest overlap first, ties in list order.
    let m = other.len();
    // No span of `other` is longer than this, so one starting `longest` or more before a
    // reference span starts has ended by then: the scan for each starts past those.
    let longest = other.iter().map(|o| o.1 - o.0).max().unwrap_or(0);
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    for (i, &r) in reference.iter().enumerate() {
        // Spans starting after this one's end cannot match it, nor those ended before it.
        let reach = other.partition_point(|o| o.0 <= r.1);
        let from = other.partition_point(|o| o.0 + longest < r.0).min(reach);
        for (j, &o) in other.iter().enumerate().take(reach).skip(from) {
            let weight = match how {
                Matching::Exact => (r == o).then_some(r.1 - r.0),
                Matching::Overlap => shared(r, o),
            };
            if let Some(w) = weight {
                candidates.push((usize::MAX - w, i * m + j));
            }
        }
    }
    crate::sort::sort(&mut candidates);
    let mut ref_taken = vec![false; reference.len()];
    let mut other_taken = vec![false; m];
    let mut out = Vec::new();
    for (_, k) in candidates {
        let (i, j) = (k / m, k % m);
        if !ref_taken[i] && !other_taken[j] {
            ref_taken[i] = true;
            other_taken[j] = true;
            out.push((i, j));
        }
    }
    out
}

/// Scores `other`'s spans against `reference`'s (each a list of spans of one tag, without
/// repeats, as [`spans_of`] gives them): matched pairs over the other's spans (precision)
/// and over the reference's (recall), matched one to one ([`match_spans`]).
pub fn span_scores(
    reference: &[(usize, usize)],
    other: &[(usize, usize)],
    how: Matching,
) -> SpanScores {
    let matched = match_spans(reference, other, how).len();
    SpanScores::of_counts(matched, reference.len(), other.len())
}

/// The spans of every tag in a set of annotations, each tag's as [`spans_of`] gives them:
/// one pass over the annotations, for the callers that want many tags' spans of the same
/// set (a tag the set never uses is absent).
pub fn spans_by_tag<'a>(annotations: &[&'a Annotation]) -> HashMap<&'a str, Vec<(usize, usize)>> {
    let mut out: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    for a in annotations {
        for t in &a.tags {
            out.entry(t.as_str())
                .or_default()
                .push((a.start.0, a.end.0));
        }
    }
    for v in out.values_mut() {
        crate::sort::sort(v);
        v.dedup();
    }
    out
}

/// The spans of one tag in a set of annotations (a passage with several tags counts once
/// per tag).
pub fn spans_of(annotations: &[&Annotation], tag: &str) -> Vec<(usize, usize)> {
    let mut v: Vec<(usize, usize)> = annotations
        .iter()
        .filter(|a| a.tags.iter().any(|t| t == tag))
        .map(|a| (a.start.0, a.end.0))
        .collect();
    crate::sort::sort(&mut v);
    v.dedup();
    v
}

/// Agreement on one tag (or overall) across annotators.
#[derive(Clone, Debug, PartialEq)]
pub struct TagAgreement {
    /// The code's id (a GCM tag's or an own code's), or [`OVERALL`].
    pub tag: String,
    /// Cohen's kappa for each pair (i, j), i < j, in the order of the annotators given.
    pub cohen: Vec<(usize, usize, Option<f64>)>,
    pub fleiss: Option<f64>,
    pub alpha: Option<f64>,
    /// How many annotators used the tag.
    pub used_by: usize,
}

/// The `tag` of the row that pools every tag.
pub const OVERALL: &str = "overall";

/// The code points that at least one of `annotators` tagged with any tag: the items of the
/// agreement over coded text only (QualCoder #667: over every code point, text nobody
/// tagged counts as agreement and inflates κ).
pub fn coded(annotators: &[Vec<&Annotation>]) -> Coverage {
    coverage(annotators.iter().flatten().map(|a| (a.start.0, a.end.0)))
}

/// One annotator's coverage of one tag, over the items: the whole text, or `within`'s code
/// points laid end to end ([`squeeze`]).
fn items(annotations: &[&Annotation], tag: &str, within: Option<&Coverage>) -> Coverage {
    let c = coverage(spans_of(annotations, tag));
    match within {
        Some(w) => squeeze(&c, w),
        None => c,
    }
}

/// The agreement table: the pooled row ([`OVERALL`]) first, then one row per tag of
/// `tags`, for `annotators` (each given as their annotations of one text of `len` code
/// points) over every code point, or with `within` (see [`coded`]) over its code points only.
/// All of [`TableSteps`] at once.
pub fn table(
    len: usize,
    annotators: &[Vec<&Annotation>],
    tags: &[String],
    within: Option<Coverage>,
) -> Vec<TagAgreement> {
    TableSteps::new(len, tags, within).finish(annotators)
}

/// [`table`] computed a piece at a time, so that a page can draw between pieces: each
/// [`TableSteps::step`] is one tag's row, or one part of the pooled row (a class of 30 ×
/// 2,000 annotations: about 2 ms a tag natively, against 240 ms for the whole table in one
/// go before, which made each tag's coverages twice). Each tag's coverage per annotator is
/// made once, for its own row and for the pooled row.
///
/// - **A tag's row:** the items are the code points; Cohen's κ for each pair, Fleiss' κ and
///   Krippendorff's α across all.
/// - **The pooled row:** the items are (code point, tag) pairs for every tag that at least
///   one annotator used, so that a passage with several tags counts once per tag, and tags
///   nobody used do not inflate agreement with silence. It is computed by laying each such
///   tag's coverage end to end, `len` code points apart.
/// - With `within`, `len` is `covered(within)` and each coverage is squeezed into it
///   ([`squeeze`]).
pub struct TableSteps {
    /// Items per tag: the text's length in code points, or `covered(within)`.
    len: usize,
    within: Option<Coverage>,
    tags: Vec<String>,
    stage: Stage,
    /// The coverages of each tag that someone used, in `tags`' order, one per annotator.
    used: Vec<Vec<Coverage>>,
    /// Each annotator's used tags laid end to end: the pooled row's items.
    pooled: Vec<Coverage>,
    /// How many tags someone used: the pooled row has `len` items for each.
    used_tags: usize,
    overall: Option<TagAgreement>,
    rows: Vec<TagAgreement>,
}

/// What [`TableSteps::step`] does next.
#[derive(Clone, Copy, PartialEq)]
enum Stage {
    /// The row of the tag with this index, or once past the last, the pooled items and
    /// their Cohen's κ.
    Tag(usize),
    Fleiss,
    Alpha,
    Done,
}

impl TableSteps {
    /// Starts the table over `tags`, for a text of `len` code points, or over `within`'s
    /// code points only. Does none of the work.
    pub fn new(len: usize, tags: &[String], within: Option<Coverage>) -> TableSteps {
        TableSteps {
            len: within.as_ref().map_or(len, covered),
            within,
            tags: tags.to_vec(),
            stage: Stage::Tag(0),
            used: Vec::new(),
            pooled: Vec::new(),
            used_tags: 0,
            overall: None,
            rows: Vec::with_capacity(tags.len()),
        }
    }

    /// Does the next piece of work; `true` once none is left. `annotators` must be the same
    /// at every step.
    pub fn step(&mut self, annotators: &[Vec<&Annotation>]) -> bool {
        let n = self.len * self.used_tags;
        match self.stage {
            Stage::Tag(k) if k < self.tags.len() => {
                let (t, within) = (&self.tags[k], self.within.as_ref());
                let covs: Vec<Coverage> = annotators.iter().map(|a| items(a, t, within)).collect();
                self.rows.push(row(t, &covs, self.len));
                if covs.iter().any(|c| !c.is_empty()) {
                    self.used.push(covs);
                    self.used_tags += 1;
                }
                self.stage = Stage::Tag(k + 1);
            }
            Stage::Tag(_) => {
                let (len, used) = (self.len, std::mem::take(&mut self.used));
                let pooled: Vec<Coverage> = (0..annotators.len())
                    .map(|i| {
                        used.iter()
                            .enumerate()
                            .flat_map(|(k, covs)| {
                                covs[i].iter().map(move |(s, e)| (s + k * len, e + k * len))
                            })
                            .collect()
                    })
                    .collect();
                let mut cohen = Vec::new();
                for i in 0..pooled.len() {
                    for j in i + 1..pooled.len() {
                        cohen.push((i, j, cohen_kappa(&pooled[i], &pooled[j], n)));
                    }
                }
                self.overall = Some(TagAgreement {
                    tag: OVERALL.into(),
                    cohen,
                    fleiss: None,
                    alpha: None,
                    used_by: pooled.iter().filter(|c| !c.is_empty()).count(),
                });
                self.pooled = pooled;
                self.stage = Stage::Fleiss;
            }
            Stage::Fleiss => {
                if let Some(o) = self.overall.as_mut() {
                    o.fleiss = fleiss_kappa(&self.pooled, n);
                }
                self.stage = Stage::Alpha;
            }
            Stage::Alpha => {
                if let Some(o) = self.overall.as_mut() {
                    o.alpha = krippendorff_alpha(&self.pooled, n);
                }
                self.pooled = Vec::new();
                self.stage = Stage::Done;
            }
            Stage::Done => {}
        }
        self.stage == Stage::Done
    }

    /// Does what is left and gives the rows: the pooled row first, then one per tag in the
    /// order of the tags.
    pub fn finish(mut self, annotators: &[Vec<&Annotation>]) -> Vec<TagAgreement> {
        while !self.step(annotators) {}
        self.overall.into_iter().chain(self.rows).collect()
    }
}

/// One tag's row, from each annotator's coverage of it over `len` items.
fn row(tag: &str, covs: &[Coverage], len: usize) -> TagAgreement {
    let mut cohen = Vec::new();
    for i in 0..covs.len() {
        for j in i + 1..covs.len() {
            cohen.push((i, j, cohen_kappa(&covs[i], &covs[j], len)));
        }
    }
    TagAgreement {
        tag: tag.to_string(),
        fleiss: fleiss_kappa(covs, len),
        alpha: krippendorff_alpha(covs, len),
        used_by: covs.iter().filter(|c| !c.is_empty()).count(),
        cohen,
    }
}

/// Span scores between every pair (i, j), i < j, for one tag: j's spans against i's.
pub fn pair_span_scores(
    annotators: &[Vec<&Annotation>],
    tag: &str,
    how: Matching,
) -> Vec<(usize, usize, SpanScores)> {
    let spans: Vec<Vec<(usize, usize)>> = annotators.iter().map(|a| spans_of(a, tag)).collect();
    let mut out = Vec::new();
    for i in 0..spans.len() {
        for j in i + 1..spans.len() {
            out.push((i, j, span_scores(&spans[i], &spans[j], how)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gcm_tags() -> Vec<String> {
        crate::codebook::TAGS
            .iter()
            .map(|t| t.id.to_string())
            .collect()
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-12)
    }

    #[test]
    fn coverage_merges_and_measures() {
        let c = coverage([(5, 8), (0, 3), (2, 4), (8, 9), (7, 7)]);
        assert_eq!(c, vec![(0, 4), (5, 9)]);
        assert_eq!(covered(&c), 8);
        assert_eq!(overlap(&c, &coverage([(3, 6), (8, 20)])), 3);
    }

    /// Cohen (1960), eq. 1, worked by hand: 10 code points, A tags 0–3, B tags 2–5.
    /// n11 = 2, n10 = 2, n01 = 2, n00 = 4; p_o = 0.6; p_e = 0.4·0.4 + 0.6·0.6 = 0.52;
    /// κ = 0.08 / 0.48 = 1/6.
    #[test]
    fn cohen_kappa_of_a_worked_example() {
        let k = cohen_kappa(&coverage([(0, 4)]), &coverage([(2, 6)]), 10);
        assert!(close(k, 1.0 / 6.0), "{k:?}");
    }

    #[test]
    fn cohen_kappa_at_the_edges() {
        let a = coverage([(0, 4)]);
        assert!(close(cohen_kappa(&a, &a, 10), 1.0), "perfect agreement");
        // Complete disagreement on a half-and-half split: p_o = 0, p_e = 0.5, κ = −1.
        assert!(close(
            cohen_kappa(&coverage([(0, 5)]), &coverage([(5, 10)]), 10),
            -1.0
        ));
        // Both silent, or both tagging everything: chance agreement is certain; undefined.
        assert_eq!(cohen_kappa(&vec![], &vec![], 10), None);
        assert_eq!(
            cohen_kappa(&coverage([(0, 10)]), &coverage([(0, 10)]), 10),
            None
        );
        assert_eq!(cohen_kappa(&a, &a, 0), None);
    }

    /// Fleiss (1971), eqs. 2–6, worked by hand: 3 raters, 4 code points; R1 tags 0–1, R2
    /// tags 0, R3 tags 0–2. Counts per item 3, 2, 1, 0; P_i = 1, 1/3, 1/3, 1; P̄ = 2/3;
    /// p_1 = 6/12 = 0.5, P̄_e = 0.5; κ = (2/3 − 1/2) / (1/2) = 1/3.
    #[test]
    fn fleiss_kappa_of_a_worked_example() {
        let raters = [coverage([(0, 2)]), coverage([(0, 1)]), coverage([(0, 3)])];
        assert!(close(fleiss_kappa(&raters, 4), 1.0 / 3.0));
    }

    /// Krippendorff (2011), nominal α, on the same data: n = 12 values, n_1 = n_0 = 6;
    /// o_01 = Σ c(m − c)/(m − 1) = 0 + 1 + 1 + 0 = 2; D_o = 4/12, D_e = 2·6·6/(12·11) = 6/11;
    /// α = 1 − (1/3)/(6/11) = 7/18.
    #[test]
    fn krippendorff_alpha_of_a_worked_example() {
        let raters = [coverage([(0, 2)]), coverage([(0, 1)]), coverage([(0, 3)])];
        assert!(close(krippendorff_alpha(&raters, 4), 7.0 / 18.0));
    }

    /// With two raters and no missing values, Fleiss' κ is Scott's π, and α differs from it
    /// only by the small-sample factor: α = 1 − (n − 1)/n · (1 − π) with n = 2N values
    /// (Krippendorff 2004, §11.3). On the Cohen example π = 1/6 as well, since both raters
    /// tag 40% of the text.
    #[test]
    fn two_raters_relate_as_the_textbooks_say() {
        let raters = [coverage([(0, 4)]), coverage([(2, 6)])];
        let pi = fleiss_kappa(&raters, 10).unwrap();
        assert!((pi - 1.0 / 6.0).abs() < 1e-12);
        let alpha = krippendorff_alpha(&raters, 10).unwrap();
        let expected = 1.0 - (20.0 - 1.0) / 20.0 * (1.0 - pi);
        assert!((alpha - expected).abs() < 1e-12, "{alpha} vs {expected}");
    }

    #[test]
    fn group_statistics_at_the_edges() {
        let one = [coverage([(0, 2)])];
        assert_eq!(fleiss_kappa(&one, 4), None, "one annotator");
        assert_eq!(krippendorff_alpha(&one, 4), None);
        let silent = [vec![], vec![], vec![]];
        assert_eq!(fleiss_kappa(&silent, 4), None, "all silent on the tag");
        assert_eq!(krippendorff_alpha(&silent, 4), None);
        let same = [coverage([(1, 3)]), coverage([(1, 3)]), coverage([(1, 3)])];
        assert!(close(fleiss_kappa(&same, 4), 1.0), "perfect agreement");
        assert!(close(krippendorff_alpha(&same, 4), 1.0));
        assert_eq!(fleiss_kappa(&same, 0), None, "no text");
    }

    /// Worked by hand. Reference {0–5, 10–15}; other {0–5, 12–20, 30–35}.
    /// Exact: P = 1/3, R = 1/2, F1 = 2·(1/6)/(5/6) = 0.4.
    /// Overlap: P = 2/3, R = 1, F1 = 2·(2/3)/(5/3) = 0.8.
    #[test]
    fn span_scores_of_a_worked_example() {
        let reference = [(0, 5), (10, 15)];
        let other = [(0, 5), (12, 20), (30, 35)];
        let exact = span_scores(&reference, &other, Matching::Exact);
        assert!(close(exact.precision, 1.0 / 3.0) && close(exact.recall, 0.5));
        assert!(close(exact.f1, 0.4));
        let loose = span_scores(&reference, &other, Matching::Overlap);
        assert!(close(loose.precision, 2.0 / 3.0) && close(loose.recall, 1.0));
        assert!(close(loose.f1, 0.8));
    }

    /// The example: one key passage split by the student into two fragments. Each
    /// key passage matches at most one fragment: P = 1/2, R = 1, F1 = 2·(1/2)/(3/2) = 2/3.
    #[test]
    fn matching_looks_only_where_spans_can_meet_and_finds_what_a_full_search_finds() {
        // Every pair, as matching did before it skipped the spans ended too early.
        fn every_pair(
            r: &[(usize, usize)],
            o: &[(usize, usize)],
            how: Matching,
        ) -> Vec<(usize, usize)> {
            let mut c: Vec<(usize, usize, usize)> = Vec::new();
            for (i, &a) in r.iter().enumerate() {
                for (j, &b) in o.iter().enumerate() {
                    let w = match how {
                        Matching::Exact => (a == b).then_some(a.1 - a.0),
                        Matching::Overlap => shared(a, b),
                    };
                    if let Some(w) = w {
                        c.push((usize::MAX - w, i, j));
                    }
                }
            }
            c.sort();
            let (mut rt, mut ot, mut out) = (vec![false; r.len()], vec![false; o.len()], vec![]);
            for (_, i, j) in c {
                if !rt[i] && !ot[j] {
                    (rt[i], ot[j]) = (true, true);
                    out.push((i, j));
                }
            }
            out
        }
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |m: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % m) as usize
        };
        for round in 0..300 {
            // Short spans, with now and then a long one that reaches far back.
            let mut spans = |n: usize| {
                let mut v: Vec<(usize, usize)> = (0..n)
                    .map(|_| {
                        let s = next(500);
                        let len = if next(10) == 0 { next(300) } else { next(12) };
                        (s, s + len)
                    })
                    .collect();
                v.sort();
                v.dedup();
                v
            };
            let (r, o) = (spans(1 + round % 40), spans(1 + round % 37));
            for how in [Matching::Exact, Matching::Overlap] {
                let mut got = match_spans(&r, &o, how);
                let mut want = every_pair(&r, &o, how);
                got.sort();
                want.sort();
                assert_eq!(got, want, "{r:?} {o:?}");
            }
        }
    }

    #[test]
    fn a_key_passage_split_in_two_matches_one_fragment() {
        let s = span_scores(&[(0, 20)], &[(0, 8), (10, 20)], Matching::Overlap);
        assert_eq!((s.precision, s.recall), (Some(0.5), Some(1.0)));
        assert!(close(s.f1, 2.0 / 3.0), "{s:?}");
        // The fragment with the larger overlap is the one matched (10 code points over 8).
        assert_eq!(
            match_spans(&[(0, 20)], &[(0, 8), (10, 20)], Matching::Overlap),
            [(0, 1)]
        );
        // Two passages of the key covered by one of the student's: one matched.
        let s = span_scores(&[(0, 8), (10, 20)], &[(0, 20)], Matching::Overlap);
        assert_eq!((s.precision, s.recall), (Some(1.0), Some(0.5)));
    }

    /// Greedy by largest overlap first: key A = 0–10, B = 8–30; the student's X = 5–12
    /// overlaps A by 5 and B by 4, Y = 9–30 overlaps A by 1 and B by 21. B–Y (21) is taken
    /// first, then A–X (5): both matched. Equal overlaps go to the earliest start.
    #[test]
    fn overlap_matching_takes_the_largest_overlap_first_and_ties_to_the_earliest_start() {
        let pairs = match_spans(&[(0, 10), (8, 30)], &[(5, 12), (9, 30)], Matching::Overlap);
        assert_eq!(pairs, [(1, 1), (0, 0)]);
        // A tie: the student's 5–15 overlaps the key's 0–10 and 10–20 by 5 each: the key's
        // earlier passage takes it.
        assert_eq!(
            match_spans(&[(0, 10), (10, 20)], &[(5, 15)], Matching::Overlap),
            [(0, 0)]
        );
        // Tags of the whole document, (0, 0) on both sides, match each other.
        let whole = span_scores(&[(0, 0)], &[(0, 0)], Matching::Overlap);
        assert_eq!(whole.f1, Some(1.0));
        assert_eq!(
            span_scores(&[(0, 0)], &[(0, 5)], Matching::Overlap).f1,
            Some(0.0)
        );
    }

    /// Over coded text only: the code points someone tagged, renumbered end to end.
    /// A tags 0–4, B tags 2–6 of 10 code points; coded: 0–6, 6 items. n11 = 2, A only 2,
    /// B only 2, n00 = 0; p_o = 2/6; p_e = (4/6)² + (2/6)² = 5/9; κ = (1/3 − 5/9)/(4/9) =
    /// −1/2, where over the whole text (Cohen's worked example) it is 1/6: the untagged text
    /// made it look better.
    #[test]
    fn agreement_over_coded_text_leaves_out_what_nobody_tagged() {
        assert_eq!(
            squeeze(&coverage([(2, 4), (8, 9)]), &coverage([(1, 5), (7, 10)])),
            [(1, 3), (5, 6)]
        );
        assert_eq!(
            squeeze(&coverage([(0, 10)]), &coverage([(1, 5), (7, 10)])),
            [(0, 7)]
        );
        let (a, b) = (coverage([(0, 4)]), coverage([(2, 6)]));
        let within = coverage([(0, 4), (2, 6)]);
        let k = cohen_kappa(
            &squeeze(&a, &within),
            &squeeze(&b, &within),
            covered(&within),
        );
        assert!(close(k, -0.5), "{k:?}");
    }

    #[test]
    fn span_scores_at_the_edges() {
        let none = span_scores(&[], &[], Matching::Exact);
        assert_eq!((none.precision, none.recall, none.f1), (None, None, None));
        let missed = span_scores(&[(0, 3)], &[], Matching::Exact);
        assert_eq!(
            (missed.precision, missed.recall, missed.f1),
            (None, Some(0.0), None)
        );
        let wrong = span_scores(&[(0, 3)], &[(5, 8)], Matching::Overlap);
        assert_eq!(wrong.f1, Some(0.0));
        // Spans that only touch do not overlap (half-open).
        assert_eq!(
            span_scores(&[(0, 3)], &[(3, 5)], Matching::Overlap).f1,
            Some(0.0)
        );
    }

    #[test]
    fn agreement_counts_a_passage_once_per_tag() {
        use crate::annotation::{Annotation, Draft};
        use crate::text::{Cp, DocText};
        let text = DocText::new("0123456789");
        let make = |id: &str, s, e, tags: &[&str]| {
            Annotation::new(
                id.into(),
                Draft {
                    document: "d".into(),
                    start: Cp(s),
                    end: Cp(e),
                    tags: tags.iter().map(|t| t.to_string()).collect(),
                    note: String::new(),
                },
                &text,
                "",
                0,
            )
            .unwrap()
        };
        let a1 = make("1", 0, 4, &["objective-1", "objective-2"]);
        let b1 = make("2", 2, 6, &["objective-1"]);
        let rows = table(10, &[vec![&a1], vec![&b1]], &gcm_tags(), None);
        let (all, result) = (&rows[0], &rows[1..]);
        let o1 = result.iter().find(|t| t.tag == "objective-1").unwrap();
        assert!(close(o1.cohen[0].2, 1.0 / 6.0));
        assert_eq!(o1.used_by, 2);
        let o2 = result.iter().find(|t| t.tag == "objective-2").unwrap();
        assert_eq!(o2.used_by, 1);
        // A tags 0–3, B nothing: p_o = 0.6, p_e = 0.6, κ = 0.
        assert!(close(o2.cohen[0].2, 0.0));
        let o3 = result.iter().find(|t| t.tag == "objective-3").unwrap();
        assert_eq!((o3.cohen[0].2, o3.fleiss, o3.alpha), (None, None, None));

        // Overall, worked by hand: items are (code point, tag) for objectives 1 and 2, 20 in
        // all. A covers 0–3 of both (8 items), B covers 2–5 of objective 1 (4 items); both
        // cover 2 items. n11 = 2, n10 = 6, n01 = 2, n00 = 10; p_o = 12/20 = 0.6;
        // p_e = 0.4·0.2 + 0.6·0.8 = 0.56; κ = 0.04 / 0.44 = 1/11.
        assert_eq!(all.tag, OVERALL);
        assert!(close(all.cohen[0].2, 1.0 / 11.0), "{:?}", all.cohen);
        // A step at a time: one per tag, then the pooled κ, Fleiss' κ and α, each its own,
        // so that no step holds the page for the whole table; the rows are the same.
        let mut steps = TableSteps::new(10, &gcm_tags(), None);
        let mut n = 1;
        while !steps.step(&[vec![&a1], vec![&b1]]) {
            n += 1;
        }
        assert_eq!(n, gcm_tags().len() + 3);
        assert_eq!(steps.finish(&[vec![&a1], vec![&b1]]), rows);
        // Pairwise span scores: B's 2–6 against A's 0–4 on objective 1.
        let pairs = pair_span_scores(&[vec![&a1], vec![&b1]], "objective-1", Matching::Overlap);
        assert_eq!(pairs[0].2.f1, Some(1.0));
        let exact = pair_span_scores(&[vec![&a1], vec![&b1]], "objective-1", Matching::Exact);
        assert_eq!(exact[0].2.f1, Some(0.0));
    }
}
