//! The classroom: several annotators' exports of one document, compared. Loading, one
//! annotator per maker, and the refusals live in `annotators.rs`, the scores against an
//! answer key in `scores.rs`; this file holds the agreement table and its CSV, coverage of
//! the codebook, and the places where annotators agree and disagree.

pub mod annotators;
pub mod gold;
pub mod scores;

pub use annotators::{
    code_label, codes_in_use, library_for, load, load_file, load_one, within_scope, Annotator,
    Loaded,
};
pub use scores::{
    answer_key, key_scores, student_score, student_scores, KeyScores, KeySpans, Passage,
    StudentScores,
};

use crate::annotation::Annotation;
use crate::codebook::{self, TagKind};
use crate::stats::{coverage, spans_of, Matching, TableSteps, TagAgreement};
use crate::text::{Cp, DocText};

/// Where every annotator tagged the same tag, merged over tags: the agreement the text
/// marks at a glance beside the disagreements.
pub fn agreed(len: Cp, annotators: &[Annotator]) -> Vec<(Cp, Cp)> {
    if annotators.len() < 2 {
        return Vec::new();
    }
    let mut spans = Vec::new();
    for t in codes_in_use(annotators) {
        let covs: Vec<_> = annotators
            .iter()
            .map(|a| coverage(spans_of(&a.refs(), &t)))
            .collect();
        // The intersection of everyone's coverage.
        let mut common = covs[0].clone();
        for c in &covs[1..] {
            let mut next = Vec::new();
            let (mut i, mut j) = (0, 0);
            while i < common.len() && j < c.len() {
                let (s, e) = (common[i].0.max(c[j].0), common[i].1.min(c[j].1));
                if s < e {
                    next.push((s, e));
                }
                if common[i].1 < c[j].1 {
                    i += 1;
                } else {
                    j += 1;
                }
            }
            common = next;
        }
        spans.extend(common.into_iter().filter(|(_, e)| *e <= len.0));
    }
    coverage(spans)
        .into_iter()
        .map(|(s, e)| (Cp(s), Cp(e)))
        .collect()
}

/// Where annotators disagree on any tag, merged: what the text marks at a glance.
pub fn disputed(disagreements: &[Disagreement]) -> Vec<(Cp, Cp)> {
    crate::stats::coverage(disagreements.iter().map(|d| (d.start.0, d.end.0)))
        .into_iter()
        .map(|(s, e)| (Cp(s), Cp(e)))
        .collect()
}

/// The agreement table: overall first, then per tag: Cohen's kappa per pair, Fleiss' kappa
/// and alpha, over the `len` code points of the text, or with `coded_only` over the code
/// points that at least one annotator tagged with any tag ([`crate::stats::coded`]).
pub fn table(len: Cp, annotators: &[Annotator], coded_only: bool) -> Vec<TagAgreement> {
    let lists: Vec<Vec<&Annotation>> = annotators.iter().map(Annotator::refs).collect();
    table_steps(len, annotators, coded_only).finish(&lists)
}

/// [`table`] a piece at a time ([`crate::stats::TableSteps`]): each step is given
/// `annotators`' [`Annotator::refs`].
pub fn table_steps(len: Cp, annotators: &[Annotator], coded_only: bool) -> TableSteps {
    let lists: Vec<Vec<&Annotation>> = annotators.iter().map(Annotator::refs).collect();
    let coded = coded_only.then(|| crate::stats::coded(&lists));
    TableSteps::new(len.0, &codes_in_use(annotators), coded)
}

/// The agreement table as CSV (RFC 4180, UTF-8 with a BOM): one row per tag (and overall),
/// statistic and pair, with span F1 between pairs (exact and overlap); an undefined value is
/// an empty cell. The last column, `matching`, states how a span F1 row matched passages
/// ([`Matching::RULE`] for overlap) and is empty on κ and α rows: a column rather than a
/// line above the header, because spreadsheets, pandas and R take the first line as the
/// header, and a last column leaves the others where they were.
pub fn table_csv(annotators: &[Annotator], rows: &[TagAgreement]) -> String {
    let lists: Vec<Vec<&Annotation>> = annotators.iter().map(Annotator::refs).collect();
    let mut out = String::from("\u{feff}");
    let mut w = |fields: [&str; 8]| crate::formats::csv::record(&mut out, fields);
    w([
        "tag",
        "tag_label",
        "statistic",
        "annotator_a",
        "annotator_b",
        "value",
        "annotators_using_tag",
        "matching",
    ]);
    let cell = |v: Option<f64>| v.map(|x| crate::decimal::fixed(x, 4)).unwrap_or_default();
    for r in rows {
        let label = match r.tag == crate::stats::OVERALL {
            true => "All tags".into(),
            false => code_label(annotators, &r.tag),
        };
        let used = r.used_by.to_string();
        for (i, j, k) in &r.cohen {
            w([
                &r.tag,
                &label,
                "cohen_kappa",
                &crate::formats::csv::defuse(&annotators[*i].name),
                &crate::formats::csv::defuse(&annotators[*j].name),
                &cell(*k),
                &used,
                "",
            ]);
        }
        for (stat, v) in [("fleiss_kappa", r.fleiss), ("krippendorff_alpha", r.alpha)] {
            w([&r.tag, &label, stat, "", "", &cell(v), &used, ""]);
        }
        if r.tag == crate::stats::OVERALL {
            continue; // span scores are per tag
        }
        for (how, stat, rule) in [
            (Matching::Exact, "span_f1_exact", Matching::EXACT_RULE),
            (Matching::Overlap, "span_f1_overlap", Matching::RULE),
        ] {
            for (i, j, s) in crate::stats::pair_span_scores(&lists, &r.tag, how) {
                w([
                    &r.tag,
                    &label,
                    stat,
                    &crate::formats::csv::defuse(&annotators[i].name),
                    &crate::formats::csv::defuse(&annotators[j].name),
                    &cell(s.f1),
                    &used,
                    rule,
                ]);
            }
        }
    }
    out
}

/// How a tag was used across the class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagUse {
    pub tag: String,
    /// Annotations carrying it, all annotators together.
    pub annotations: usize,
    /// Annotators who used it at least once.
    pub annotators: usize,
}

/// Coverage of the codebook: every tag, in codebook order, with how often and by how many it
/// was used. Objectives nobody tagged have zeros and stand out in the view.
pub fn usage(annotators: &[Annotator]) -> Vec<TagUse> {
    // One pass over the annotations (a pass per tag was 33 × 60,000 for a class of 30):
    // per code, the annotations carrying it and the last annotator counted.
    let mut counts: std::collections::HashMap<&str, (usize, usize, usize)> =
        std::collections::HashMap::new();
    for (i, a) in annotators.iter().enumerate() {
        for x in &a.annotations {
            for (k, t) in x.tags.iter().enumerate() {
                if x.tags[..k].contains(t) {
                    continue; // an annotation counts once per tag
                }
                let c = counts.entry(t.as_str()).or_insert((0, 0, usize::MAX));
                c.0 += 1;
                if c.2 != i {
                    (c.1, c.2) = (c.1 + 1, i);
                }
            }
        }
    }
    codes_in_use(annotators)
        .into_iter()
        .map(|t| {
            let (annotations, by, _) = counts.get(t.as_str()).copied().unwrap_or_default();
            TagUse {
                tag: t,
                annotations,
                annotators: by,
            }
        })
        .collect()
}

/// The objectives nobody tagged.
pub fn untagged_objectives(uses: &[TagUse]) -> Vec<&str> {
    uses.iter()
        .filter(|u| u.annotations == 0)
        .filter(|u| codebook::tag(&u.tag).is_some_and(|t| t.kind == TagKind::Objective))
        .map(|u| u.tag.as_str())
        .collect()
}

/// A stretch of text where, for one tag, some annotators tagged and others did not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disagreement {
    pub start: Cp,
    pub end: Cp,
    pub tag: String,
    /// Indexes of the annotators who tagged it.
    pub tagged_by: Vec<usize>,
}

/// The disagreements to step through, in text order.
pub fn disagreements(text: &DocText, annotators: &[Annotator]) -> Vec<Disagreement> {
    let mut out: Vec<Disagreement> = codes_in_use(annotators)
        .iter()
        .flat_map(|t| disagreements_of(text, annotators, t))
        .collect();
    sort_disagreements(&mut out);
    out
}

/// Puts disagreements in text order.
pub fn sort_disagreements(list: &mut [Disagreement]) {
    crate::sort::sort_by_key(list, |d| (d.start, d.end));
}

/// A disputed stretch no longer than this, at the edge of a passage of its tag, is one
/// annotator's boundary a character or two further than another's: noise, not a passage.
pub const SLIVER: usize = 2;

/// Whether the disputed stretch `s..e` (code points) of a tag is noise rather than a
/// passage to discuss ([`SLIVER`]): it holds no letter or digit (a space, a colon, a
/// quotation mark), or it is at most [`SLIVER`] code points long and touches a stretch
/// that someone tagged with the tag (`covs`: each annotator's coverage of it).
fn is_noise(text: &DocText, covs: &[Vec<(usize, usize)>], s: usize, e: usize) -> bool {
    let quote = text.slice(Cp(s), Cp(e)).unwrap_or_default();
    if !quote.chars().any(char::is_alphanumeric) {
        return true;
    }
    let tagged = |a: usize, b: usize| covs.iter().flatten().any(|(x, y)| *x <= a && b <= *y);
    e - s <= SLIVER && ((s > 0 && tagged(s - 1, s)) || tagged(e, e + 1))
}

/// The disagreements on one tag, in text order: a step small enough to run between two
/// frames of a class of 30. Noise ([`is_noise`]: white space, punctuation, a boundary a
/// character further) is not listed.
pub fn disagreements_of(text: &DocText, annotators: &[Annotator], tag: &str) -> Vec<Disagreement> {
    let len = text.len_cp();
    let m = annotators.len();
    let mut out = Vec::new();
    let covs: Vec<_> = annotators
        .iter()
        .map(|a| coverage(spans_of(&a.refs(), tag)))
        .collect();
    // Cut the text at every span edge; within a piece, who tagged it is constant.
    let mut cuts: Vec<usize> = covs.iter().flatten().flat_map(|(s, e)| [*s, *e]).collect();
    cuts.push(0);
    cuts.push(len.0);
    crate::sort::sort(&mut cuts);
    cuts.dedup();
    let mut current: Option<Disagreement> = None;
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        let by: Vec<usize> = (0..m)
            .filter(|&i| covs[i].iter().any(|(a, b)| *a <= s && e <= *b))
            .collect();
        let disputed = !by.is_empty() && by.len() < m;
        match (&mut current, disputed) {
            (Some(d), true) if d.end.0 == s && d.tagged_by == by => d.end = Cp(e),
            (_, true) => {
                if let Some(d) = current.take() {
                    out.push(d);
                }
                current = Some(Disagreement {
                    start: Cp(s),
                    end: Cp(e),
                    tag: tag.to_string(),
                    tagged_by: by,
                });
            }
            (_, false) => {
                if let Some(d) = current.take() {
                    out.push(d);
                }
            }
        }
    }
    if let Some(d) = current {
        out.push(d);
    }
    out.retain(|d| !is_noise(text, &covs, d.start.0, d.end.0));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classroom::annotators::load_incoming;
    use crate::document::Document;
    use crate::formats::export::export;
    use crate::formats::{ExportScope, Format, Options};
    use crate::state::{Action, Model};

    const TEXT: &str =
        "Borders must be managed humanely. Remittances matter to families. Children need schools.";

    fn student(name: &str, tags: &[(&str, &str)]) -> Vec<u8> {
        let mut m = Model::default();
        m.apply(Action::SetAnnotator(name.into()));
        m.apply(Action::AddDocuments(vec![Document::from_paste(
            "essay".into(),
            "Essay",
            TEXT,
        )
        .unwrap()]));
        for (i, (needle, tag)) in tags.iter().enumerate() {
            let b = TEXT.find(needle).unwrap();
            let s = TEXT[..b].chars().count();
            m.apply(Action::Create {
                id: format!("{name}-{i}"),
                document: "essay".into(),
                start: Cp(s),
                end: Cp(s + needle.chars().count()),
                tags: vec![tag.to_string()],
                note: String::new(),
                now: 1,
            });
        }
        export(
            Format::Project,
            &ExportScope::new(&m.library, Some("essay")),
            Options::default(),
        )
        .into_bytes()
    }

    fn essay() -> Document {
        Document::from_paste("essay".into(), "Essay", TEXT).unwrap()
    }

    /// A student's export with the class's own code "Stance" (one id for everyone, as a
    /// shared codebook gives) on `needle`, and a tag of the whole essay.
    fn student_with_stance(name: &str, needle: &str) -> Vec<u8> {
        let mut m = Model::default();
        m.apply(Action::SetAnnotator(name.into()));
        m.apply(Action::AddDocuments(vec![essay()]));
        m.apply(Action::AddCode(crate::codes::OwnCode {
            id: "code-5b0c7f0e-0000-4000-8000-000000000001".into(),
            name: "Stance".into(),
            color: crate::codes::OWN_PALETTE[2].into(),
            parent: None,
            description: String::new(),
        }));
        let b = TEXT.find(needle).unwrap();
        let s = TEXT[..b].chars().count();
        m.apply(Action::Create {
            id: format!("{name}-s"),
            document: "essay".into(),
            start: Cp(s),
            end: Cp(s + needle.chars().count()),
            tags: vec!["code-5b0c7f0e-0000-4000-8000-000000000001".into()],
            note: String::new(),
            now: 1,
        });
        m.apply(Action::TagDocument {
            id: format!("{name}-w"),
            document: "essay".into(),
            tags: vec!["objective-20".into()],
            note: String::new(),
            now: 1,
        });
        export(
            Format::Project,
            &ExportScope::new(&m.library, Some("essay")),
            Options::default(),
        )
        .into_bytes()
    }

    #[test]
    fn own_codes_and_whole_document_tags_are_compared_and_counted() {
        let files = vec![
            (
                "ana.json".to_string(),
                student_with_stance("Ana", "Borders must be managed"),
            ),
            (
                "ben.json".to_string(),
                student_with_stance("Ben", "Children need schools"),
            ),
        ];
        let (class, problems) = load(&essay(), &files);
        assert!(problems.is_empty(), "{problems:?}");
        let stance = "code-5b0c7f0e-0000-4000-8000-000000000001";
        assert_eq!(
            codes_in_use(&class).last().map(String::as_str),
            Some(stance)
        );
        assert_eq!(code_label(&class, stance), "Stance");
        let uses = usage(&class);
        let u = uses.iter().find(|u| u.tag == stance).unwrap();
        assert_eq!((u.annotations, u.annotators), (2, 2));
        // A tag of the whole document counts in the coverage.
        let remittances = uses.iter().find(|u| u.tag == "objective-20").unwrap();
        assert_eq!((remittances.annotations, remittances.annotators), (2, 2));
        let len = essay().text.len_cp();
        let rows = table(len, &class, false);
        assert!(rows.iter().any(|r| r.tag == stance && r.used_by == 2));
        let d = disagreements(&essay().text, &class);
        assert_eq!(d.iter().filter(|d| d.tag == stance).count(), 2, "{d:?}");
        let csv = table_csv(&class, &rows);
        assert!(
            csv.contains(&format!("{stance},Stance,cohen_kappa")),
            "{csv}"
        );
        assert!(csv.contains(&format!("{stance},Stance,span_f1_exact")));
    }

    fn class() -> Vec<Annotator> {
        let files = vec![
            (
                "teacher.json".to_string(),
                student(
                    "Teacher",
                    &[
                        ("Borders must be managed", "objective-11"),
                        ("Remittances matter", "objective-20"),
                    ],
                ),
            ),
            (
                "ana.json".to_string(),
                student(
                    "Ana",
                    &[("Borders must be managed humanely", "objective-11")],
                ),
            ),
            (
                "ana-again.json".to_string(),
                student("Ana", &[("Children need schools", "objective-15")]),
            ),
        ];
        let (annotators, problems) = load(&essay(), &files);
        assert!(problems.is_empty(), "{problems:?}");
        annotators
    }

    #[test]
    fn annotators_are_named_from_their_files_and_told_apart() {
        let a = class();
        let names: Vec<&str> = a.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(names, ["Teacher", "Ana", "Ana (2)"]);
        assert_eq!(a[0].annotations.len(), 2);
    }

    #[test]
    fn an_unreadable_file_is_refused_and_an_empty_one_counts_as_zero() {
        let files = vec![
            ("broken.json".to_string(), b"{".to_vec()),
            ("other.json".to_string(), {
                let mut m = Model::default();
                m.apply(Action::SetAnnotator("Other".into()));
                m.apply(Action::Create {
                    id: "x".into(),
                    document: "seed-87ef9370e957a8a4".into(),
                    start: Cp(0),
                    end: Cp(6),
                    tags: vec!["objective-1".into()],
                    note: String::new(),
                    now: 1,
                });
                export(
                    Format::Project,
                    &ExportScope::new(&m.library, None),
                    Options::default(),
                )
                .into_bytes()
            }),
        ];
        let mut files = files;
        // A student who tagged nothing and exported a spreadsheet: its header alone.
        let nothing = Model::default();
        let table = export(
            Format::Csv,
            &ExportScope::new(&nothing.library, None),
            Options::default(),
        );
        assert_eq!(table.lines().count(), 1, "{table}");
        // The browser reads tables in the readers module, into the project's JSON.
        let read = crate::formats::csv::read(&table).expect("a table of nothing reads");
        let json = crate::formats::exchange::to_project_json(&read);
        files.push(("nothing.csv".to_string(), json.into_bytes()));
        let (a, problems) = load(&essay(), &files);
        assert_eq!(a.len(), 2, "the empty files are annotators: {problems:?}");
        assert_eq!((a[0].name.as_str(), a[0].annotations.len()), ("Other", 0));
        assert_eq!((a[1].name.as_str(), a[1].annotations.len()), ("nothing", 0));
        assert!(problems[0].contains("“\u{2068}broken.json\u{2069}” was not imported"));
        let said = "“\u{2068}other.json\u{2069}” holds no annotations of “\u{2068}Essay\u{2069}”: \u{2068}Other\u{2069} counts with zero annotations.";
        assert_eq!(a[0].notices, [said]);
        assert_eq!(problems[1], said, "load says it after the refusals");
    }

    #[test]
    fn the_answer_key_scores_and_lists_missed_and_extra_passages() {
        let a = class();
        let scores = answer_key(&a, 0);
        assert_eq!(scores.len(), 2);
        let ana = &scores[0];
        // Borders: Ana's span overlaps the key's but is longer: exact 0, overlap 1.
        let (_, exact, overlap) = ana
            .per_tag
            .iter()
            .find(|(t, _, _)| *t == "objective-11")
            .unwrap();
        assert_eq!((exact.precision, exact.recall), (Some(0.0), Some(0.0)));
        assert_eq!(
            (overlap.precision, overlap.recall, overlap.f1),
            (Some(1.0), Some(1.0), Some(1.0))
        );
        // Remittances: missed entirely. Ana has no passage of it, so her precision has
        // nothing to divide by: 0, as in the averages, not undefined.
        let (_, _, missed) = ana
            .per_tag
            .iter()
            .find(|(t, _, _)| *t == "objective-20")
            .unwrap();
        assert_eq!(
            (missed.precision, missed.recall, missed.f1),
            (Some(0.0), Some(0.0), Some(0.0))
        );
        // Remittances: missed entirely.
        assert_eq!(
            ana.missed,
            vec![Passage {
                start: Cp(34),
                end: Cp(52),
                tag: "objective-20".into()
            }]
        );
        assert!(ana.extra.is_empty());
        // The second Ana tagged only what the key did not.
        assert_eq!(scores[1].extra.len(), 1);
        assert_eq!(scores[1].missed.len(), 2);
    }

    /// Against the teacher's key (Borders, Remittances): Ana's longer Borders passage
    /// matches by overlap and she missed Remittances. Micro: 1 matched of the key's 2 and
    /// her 1: P = 1, R = 1/2, F1 = 2/3. Macro over Borders (1, 1, 1) and Remittances (no
    /// passage of hers: P counts 0; R = 0; F1 = 0): 1/2 each. Exact: nothing matches.
    #[test]
    fn an_assignment_file_is_its_scope_and_students_are_scored_within_it() {
        let a = class();
        let (doc, library) = (essay(), library_for(&essay()));
        // The teacher's key has a passage of objective 20, which the assignment left out.
        let handout = crate::assignment::Assignment {
            id: "as-1".into(),
            instructions: "Tag the borders.".into(),
            tags: vec!["objective-11".into()],
            suggestions: false,
            documents: vec![doc.id.clone()],
        };
        let mut file: serde_json::Value = serde_json::from_slice(&student("Teacher", &[])).unwrap();
        file["assignment"] = crate::assignment::to_json(&handout);
        let bytes = serde_json::to_vec(&file).unwrap();
        match load_file(&doc, &library, "hand.json", &bytes, &a) {
            Ok(Loaded::Handout(h, given)) => {
                assert_eq!(h.tags, handout.tags);
                assert!(given.is_empty());
            }
            other => panic!("{other:?}"),
        }
        // Ana found the key's one passage in scope: recall 1, not 0.5.
        let all = student_scores(&a, 0, Matching::Overlap);
        assert_eq!(all[0].micro.recall, Some(0.5));
        let within = student_scores(&within_scope(&a, &handout.tags, &[]), 0, Matching::Overlap);
        assert_eq!(within[0].micro.recall, Some(1.0));
        assert_eq!(within[0].micro.precision, Some(1.0));
        // A passage handed out as a given example is not the students' to find.
        let given = vec![Annotation {
            tags: vec!["objective-11".into()],
            ..a[0].annotations[0].clone()
        }];
        assert_eq!(a[0].annotations[0].tags, ["objective-11"]);
        let left = within_scope(&a, &handout.tags, &given);
        assert!(left[0].annotations.is_empty(), "{:?}", left[0].annotations);
        let none = student_scores(&left, 0, Matching::Overlap);
        // No key passage left: recall counts 0 (scikit-learn's zero_division=0), as in
        // the macro average.
        assert_eq!(none[0].micro.recall, Some(0.0));
        assert_eq!(none[0].macro_avg.recall, Some(0.0));
        // An assignment of another text is refused, naming it.
        file["assignment"]["documents"] = serde_json::json!(["another-text"]);
        let other = serde_json::to_vec(&file).unwrap();
        assert_eq!(
            load_file(&doc, &library, "other.json", &other, &a).err(),
            Some("“\u{2068}other.json\u{2069}” hands out other texts than this one: it was not loaded.".into())
        );
        // A student file, not an assignment, is annotators as before.
        assert!(matches!(
            load_file(&doc, &library, "ana.json", &student("Bo", &[]), &a),
            Ok(Loaded::Annotators(_))
        ));
    }

    #[test]
    fn each_student_has_one_overall_line_micro_and_macro() {
        let a = class();
        let s = student_scores(&a, 0, Matching::Overlap);
        assert_eq!(s.iter().map(|x| x.annotator).collect::<Vec<_>>(), [1, 2]);
        let ana = &s[0];
        assert_eq!(
            (ana.micro.precision, ana.micro.recall),
            (Some(1.0), Some(0.5))
        );
        assert!((ana.micro.f1.unwrap() - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(
            (
                ana.macro_avg.precision,
                ana.macro_avg.recall,
                ana.macro_avg.f1
            ),
            (Some(0.5), Some(0.5), Some(0.5))
        );
        assert_eq!(ana.passages, 1);
        // The second Ana tagged only what the key did not: zeros over three tags.
        assert_eq!(s[1].micro.f1, Some(0.0));
        assert_eq!(s[1].macro_avg.f1, Some(0.0));
        let exact = student_scores(&a, 0, Matching::Exact);
        assert_eq!(exact[0].micro.precision, Some(0.0));
        // With no key passages and none of the student's, nothing is defined.
        let empty = vec![
            Annotator {
                annotations: vec![],
                ..a[0].clone()
            };
            2
        ];
        let none = student_scores(&empty, 0, Matching::Overlap);
        assert_eq!((none[0].micro.f1, none[0].macro_avg.f1), (None, None));
    }

    #[test]
    fn a_file_loaded_twice_is_refused_naming_the_first() {
        let ana = student(
            "Ana",
            &[("Borders must be managed humanely", "objective-11")],
        );
        let files = vec![
            ("ana.json".to_string(), ana.clone()),
            ("ana-copy.json".to_string(), ana),
        ];
        let (a, problems) = load(&essay(), &files);
        assert_eq!(a.len(), 1);
        assert_eq!(
            problems,
            ["“\u{2068}ana-copy.json\u{2069}” repeats “\u{2068}ana.json\u{2069}”: the same annotator and the same annotations. It was not loaded again."]
        );
    }

    const ANA: &str = "a0000000-0000-4000-8000-00000000000a";
    const TEACHER: &str = "70000000-0000-4000-8000-000000000007";

    /// A student's file as its reader gives it, with the maker ids and the assignment that
    /// provenance records: the file is `maker`'s (Ana's unless said), the annotations with a
    /// tag of `teacher_tags` the teacher's, those of `given_tags` given examples.
    fn with_makers(
        bytes: &[u8],
        maker: &str,
        assignment: &str,
        teacher_tags: &[&str],
        given_tags: &[&str],
    ) -> crate::formats::incoming::Incoming {
        let mut inc = crate::formats::import::parse("x.json", bytes).unwrap();
        inc.annotator_id = Some(maker.into());
        inc.assignment = Some(assignment.into());
        for a in &mut inc.annotations {
            if a.tags.iter().any(|t| teacher_tags.contains(&t.as_str())) {
                a.annotator_id = Some(TEACHER.into());
                a.annotator = Some("Teacher".into());
            }
            if a.tags.iter().any(|t| given_tags.contains(&t.as_str())) {
                a.origin = Some(crate::annotation::Origin::Given);
            }
        }
        inc
    }

    fn key_file() -> Vec<u8> {
        student(
            "Teacher",
            &[
                ("Remittances matter", "objective-20"),
                ("Children need schools", "objective-15"),
            ],
        )
    }

    /// Ana imported the teacher's key and exported everything: her file holds her passage,
    /// the key's two (made by the teacher's id) and a given example.
    fn anas_file() -> Vec<u8> {
        student(
            "Ana",
            &[
                ("Borders must be managed humanely", "objective-11"),
                ("Remittances matter", "objective-20"),
                ("Children need schools", "objective-15"),
                ("Children", "objective-7"),
            ],
        )
    }

    #[test]
    fn each_annotation_is_credited_to_its_maker_and_a_given_example_to_nobody() {
        let (doc, library) = (essay(), library_for(&essay()));
        let ana = with_makers(
            &anas_file(),
            ANA,
            "asg-1",
            &["objective-20", "objective-15"],
            &["objective-7"],
        );
        let a = load_incoming(&doc, &library, "ana.json", ana.clone(), &[]).unwrap();
        let who: Vec<_> = a
            .iter()
            .map(|x| {
                (
                    x.name.as_str(),
                    x.id.as_deref(),
                    x.annotations.len(),
                    x.given,
                )
            })
            .collect();
        assert_eq!(
            who,
            [("Ana", Some(ANA), 1, 1), ("Teacher", Some(TEACHER), 2, 0)],
            "the key is the teacher's work, the example nobody's"
        );
        assert_eq!(a[0].annotations[0].tags, ["objective-11"]);
        assert_eq!(a[0].assignment.as_deref(), Some("asg-1"));

        // With the key loaded first, the key's annotations in Ana's file are not counted
        // again: Ana alone comes in, with her one passage.
        let key = with_makers(&key_file(), TEACHER, "asg-1", &[], &[]);
        let loaded = load_incoming(&doc, &library, "key.json", key, &[]).unwrap();
        assert_eq!(loaded.len(), 1);
        let a = load_incoming(&doc, &library, "ana.json", ana, &loaded).unwrap();
        assert_eq!(a.len(), 1);
        assert_eq!((a[0].name.as_str(), a[0].annotations.len()), ("Ana", 1));

        // A student who made nothing and exported everything: zero annotations, not the key.
        let nothing = with_makers(
            &key_file(),
            ANA,
            "asg-1",
            &["objective-20", "objective-15"],
            &[],
        );
        let a = load_incoming(&doc, &library, "empty.json", nothing, &loaded).unwrap();
        assert_eq!(a.len(), 1);
        assert_eq!((a[0].id.as_deref(), a[0].annotations.len()), (Some(ANA), 0));
        assert_eq!(a[0].notices.len(), 1, "{:?}", a[0].notices);
    }

    /// Through the formats: the teacher exports a key; Ana imports it, tags a passage of
    /// her own and exports everything. Her file credits the key to the teacher.
    #[test]
    fn a_students_export_of_everything_credits_the_key_to_the_teacher() {
        let profile = |name: &str, id: &str| {
            let mut m = Model::default();
            m.session.settings.annotator_id = id.into();
            m.apply(Action::SetAnnotator(name.into()));
            m.apply(Action::AddDocuments(vec![essay()]));
            m
        };
        let create = |m: &mut Model, id: &str, needle: &str, tag: &str| {
            let s = TEXT[..TEXT.find(needle).unwrap()].chars().count();
            m.apply(Action::Create {
                id: id.into(),
                document: "essay".into(),
                start: Cp(s),
                end: Cp(s + needle.chars().count()),
                tags: vec![tag.into()],
                note: String::new(),
                now: 1,
            });
        };
        let export_of = |m: &Model, name: &str, id: &str, everything: bool| {
            let options = Options {
                annotator: name,
                annotator_id: id,
                everything,
                ..Options::default()
            };
            export(
                Format::Project,
                &ExportScope::new(&m.library, Some("essay")),
                options,
            )
            .into_bytes()
        };
        let mut teacher = profile("Teacher", TEACHER);
        create(&mut teacher, "k1", "Remittances matter", "objective-20");
        let key = export_of(&teacher, "Teacher", TEACHER, false);
        let mut ana = profile("Ana", ANA);
        let mut n = 0;
        ana.import_file(
            "key.json",
            &key,
            &mut || {
                n += 1;
                format!("i{n}")
            },
            2,
        )
        .unwrap();
        create(&mut ana, "a1", "Borders must be managed", "objective-11");
        // Ana also tags the key's passage as the key does: that one is her work too.
        create(&mut ana, "a2", "Remittances matter", "objective-20");
        let files = |ana_everything: bool| {
            vec![
                ("key.json".to_string(), key.clone()),
                (
                    "ana.json".to_string(),
                    export_of(&ana, "Ana", ANA, ana_everything),
                ),
            ]
        };
        for everything in [true, false] {
            let (class, problems) = load(&essay(), &files(everything));
            assert!(problems.is_empty(), "{problems:?}");
            let who: Vec<_> = class
                .iter()
                .map(|a| {
                    let mut tags: Vec<&str> =
                        a.annotations.iter().map(|x| x.tags[0].as_str()).collect();
                    tags.sort();
                    (a.name.as_str(), tags)
                })
                .collect();
            assert_eq!(
                who,
                [
                    ("Teacher", vec!["objective-20"]),
                    ("Ana", vec!["objective-11", "objective-20"])
                ]
            );
        }
        // Ana's file alone: the key's passage is the teacher's, never Ana's.
        let (class, _) = load(&essay(), &files(true)[1..]);
        let who: Vec<_> = class
            .iter()
            .map(|a| (a.name.as_str(), a.id.as_deref()))
            .collect();
        assert_eq!(who, [("Ana", Some(ANA)), ("Teacher", Some(TEACHER))]);
    }

    #[test]
    fn a_file_of_another_assignment_or_repeating_one_is_refused() {
        let (doc, library) = (essay(), library_for(&essay()));
        let key = with_makers(
            &key_file(),
            TEACHER,
            "5e1d0c2b-aaaa-4000-8000-000000000001",
            &[],
            &[],
        );
        let loaded = load_incoming(&doc, &library, "key.json", key, &[]).unwrap();
        let other = with_makers(
            &anas_file(),
            ANA,
            "9f3a7b11-bbbb-4000-8000-000000000002",
            &[],
            &[],
        );
        assert_eq!(
            load_incoming(&doc, &library, "ana.json", other, &loaded),
            Err("“\u{2068}ana.json\u{2069}” belongs to another assignment than the files loaded, such as “\u{2068}key.json\u{2069}”: it was not loaded.".into())
        );
        // A file that names no assignment goes with any.
        let mut unnamed = with_makers(&anas_file(), ANA, "", &[], &[]);
        unnamed.assignment = None;
        assert!(load_incoming(&doc, &library, "ana.json", unnamed, &loaded).is_ok());
        // The same maker and the same work under another file name: refused, naming it.
        let again = with_makers(
            &key_file(),
            TEACHER,
            "5e1d0c2b-aaaa-4000-8000-000000000001",
            &[],
            &[],
        );
        assert_eq!(
            load_incoming(&doc, &library, "key (1).json", again, &loaded),
            Err("“\u{2068}key (1).json\u{2069}” repeats “\u{2068}key.json\u{2069}”: the same annotator and the same annotations. It was not loaded again.".into())
        );
    }

    #[test]
    fn the_same_maker_with_other_work_is_kept_named_apart_and_said() {
        let (doc, library) = (essay(), library_for(&essay()));
        let first = with_makers(&anas_file(), ANA, "asg-1", &[], &[]);
        let loaded = load_incoming(&doc, &library, "ana.json", first, &[]).unwrap();
        let second = student("Ana", &[("Children need schools", "objective-15")]);
        let second = with_makers(&second, ANA, "asg-1", &[], &[]);
        let a = load_incoming(&doc, &library, "ana-later.json", second, &loaded).unwrap();
        assert_eq!(
            (a[0].name.as_str(), a[0].id.as_deref()),
            ("Ana (2)", Some(ANA))
        );
        assert_eq!(
            a[0].notices,
            ["“\u{2068}ana-later.json\u{2069}”: \u{2068}Ana\u{2069} also sent “\u{2068}ana.json\u{2069}”, with other annotations. Both are kept, named apart."]
        );
    }

    #[test]
    fn coverage_counts_annotations_and_annotators_and_flags_untagged_objectives() {
        let u = usage(&class());
        let borders = u.iter().find(|x| x.tag == "objective-11").unwrap();
        assert_eq!((borders.annotations, borders.annotators), (2, 2));
        let untagged = untagged_objectives(&u);
        assert_eq!(untagged.len(), 20);
        assert!(!untagged.contains(&"objective-15"));
        assert!(untagged.contains(&"objective-1"));
    }

    #[test]
    fn coverage_counts_an_annotation_once_per_tag_and_an_annotator_once() {
        let mut c = class();
        let before = usage(&c);
        let x = c[0].annotations[0].clone();
        let t = x.tags[0].clone();
        // The tag listed twice on one annotation, and a second annotation by the same person.
        c[0].annotations[0].tags.push(t.clone());
        c[0].annotations.push(x);
        let after = usage(&c);
        let find = |u: &[TagUse]| u.iter().find(|u| u.tag == t).cloned().unwrap();
        let (b, a) = (find(&before), find(&after));
        assert_eq!(
            (a.annotations, a.annotators),
            (b.annotations + 1, b.annotators)
        );
        assert_eq!(before.len(), after.len());
    }

    #[test]
    fn disagreements_are_the_stretches_some_but_not_all_tagged() {
        let a = class();
        let d = disagreements(&essay().text, &a);
        // Borders: 0–23 tagged by Teacher and Ana, not Ana (2); 23–32 by Ana alone.
        assert_eq!(
            d[0],
            Disagreement {
                start: Cp(0),
                end: Cp(23),
                tag: "objective-11".into(),
                tagged_by: vec![0, 1]
            }
        );
        assert_eq!(
            d[1],
            Disagreement {
                start: Cp(23),
                end: Cp(32),
                tag: "objective-11".into(),
                tagged_by: vec![1]
            }
        );
        assert!(d
            .iter()
            .any(|x| x.tag == "objective-20" && x.tagged_by == vec![0]));
        assert!(d
            .iter()
            .any(|x| x.tag == "objective-15" && x.tagged_by == vec![2]));
        // Where all agree, or none tagged, nothing is listed.
        let same = vec![
            a[1].clone(),
            Annotator {
                name: "Copy".into(),
                ..a[1].clone()
            },
        ];
        assert!(disagreements(&essay().text, &same).is_empty());
        // Teacher and both Anas never tag the same stretch: no agreement to mark.
        assert!(agreed(essay().text.len_cp(), &a).is_empty());
        // The first two agree on "Borders must be managed" (0–23).
        assert_eq!(
            agreed(essay().text.len_cp(), &a[..2]),
            vec![(Cp(0), Cp(23))]
        );
        // Merged for marking the text: 0–32 (borders), 34–52 (remittances), 66–87 (children:
        // 34 + 32 code points of the first two sentences).
        assert_eq!(
            disputed(&d),
            vec![(Cp(0), Cp(32)), (Cp(34), Cp(52)), (Cp(66), Cp(87))]
        );
    }

    /// An annotator with `spans` (code points) of `tag` on `text`.
    fn tagging(text: &DocText, name: &str, tag: &str, spans: &[(usize, usize)]) -> Annotator {
        let annotations = (spans.iter().enumerate())
            .map(|(n, (s, e))| {
                let draft = crate::annotation::Draft {
                    document: "d".into(),
                    start: Cp(*s),
                    end: Cp(*e),
                    tags: vec![tag.into()],
                    note: String::new(),
                };
                Annotation::new(format!("{name}{n}"), draft, text, name, 0).unwrap()
            })
            .collect();
        Annotator {
            name: name.into(),
            id: None,
            assignment: None,
            file: format!("{name}.json"),
            annotations,
            orphans: 0,
            given: 0,
            codes: Vec::new(),
            notices: Vec::new(),
        }
    }

    #[test]
    fn white_space_punctuation_and_a_boundary_a_character_further_are_not_disagreements() {
        //                      0         1         2         3         4
        //                      0123456789012345678901234567890123456789012345
        let text = DocText::new("Data: every year. The council publishes it.");
        let t = "objective-1";
        let class = vec![
            // "Data: every year." with its full stop, then a space.
            tagging(&text, "Ana", t, &[(0, 18)]),
            // "Data" and "every year" apart: the colon and space between are not tagged.
            tagging(&text, "Ben", t, &[(0, 4), (6, 16)]),
            // "Data: every year"; and "The" (a real difference of three letters).
            tagging(&text, "Cy", t, &[(0, 16), (18, 21)]),
            // "ata: every yea": a boundary one character short at each end.
            tagging(&text, "Di", t, &[(1, 15)]),
        ];
        let d = disagreements(&text, &class);
        let quotes: Vec<&str> = (d.iter())
            .map(|x| text.slice(x.start, x.end).unwrap())
            .collect();
        // ": " (Ben left it out), "." and " " (Ana's end), "D" and "r" (Di's edges) are
        // noise; "The" is a passage only Cy tagged.
        assert_eq!(quotes, vec!["The"], "{d:?}");
        // A short word on its own, away from any passage of the tag, is still listed.
        let alone = vec![
            tagging(&text, "Ana", t, &[(18, 21)]),
            tagging(&text, "Ben", t, &[(40, 42)]),
        ];
        let d = disagreements(&text, &alone);
        let quotes: Vec<&str> = (d.iter())
            .map(|x| text.slice(x.start, x.end).unwrap())
            .collect();
        assert_eq!(quotes, vec!["The", "it"]);
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))] // reads it back with the native-only csv crate
    fn the_statistics_csv_has_a_row_per_tag_statistic_and_pair() {
        let a = class();
        let rows = table(essay().text.len_cp(), &a, false);
        let csv_text = table_csv(&a, &rows);
        assert!(csv_text.starts_with('\u{feff}'));
        let mut r = csv::Reader::from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes());
        let records: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
        // Overall (3 pairs + Fleiss + alpha), then 33 tags × (3 pairs + Fleiss + alpha + 3
        // exact span F1 + 3 overlap span F1).
        assert_eq!(records.len(), 5 + 33 * 11);
        assert!(records
            .iter()
            .any(|x| &x[0] == "overall" && &x[2] == "fleiss_kappa" && !x[5].is_empty()));
        let span = records
            .iter()
            .find(|x| {
                &x[0] == "objective-11"
                    && &x[2] == "span_f1_overlap"
                    && &x[3] == "Teacher"
                    && &x[4] == "Ana"
            })
            .unwrap();
        assert_eq!(&span[5], "1.0000");
        // The matching rule in the last column, where spreadsheets read it as a value.
        assert_eq!(&r.headers().unwrap()[7], "matching");
        assert_eq!(&span[7], Matching::RULE);
        assert!(Matching::RULE.starts_with("one-to-one"));
        assert!(records
            .iter()
            .any(|x| &x[2] == "span_f1_exact" && &x[7] == Matching::EXACT_RULE));
        assert!(records
            .iter()
            .filter(|x| x[2].contains("kappa") || x[2].contains("alpha"))
            .all(|x| x[7].is_empty()));
        let borders_fleiss = records
            .iter()
            .find(|x| &x[0] == "objective-11" && &x[2] == "fleiss_kappa")
            .unwrap();
        assert!(!borders_fleiss[5].is_empty());
        let silent = records
            .iter()
            .find(|x| &x[0] == "objective-1" && &x[2] == "krippendorff_alpha")
            .unwrap();
        assert_eq!(&silent[5], "", "undefined is an empty cell");
        assert_eq!(&silent[6], "0");
    }
}
