use super::*;
use crate::action::Action;
use crate::document::Document;
use crate::state::Model;

/// What Compare does with `decisions`: settles them against the model's gold standard of
/// the essay, as Teacher T, and hands the app the changes.
fn apply(m: &mut Model, decisions: Vec<Decision>, now: Millis) {
    let gold: Vec<Annotation> = m.library.annotations().iter().cloned().collect();
    let doc = m.library.document("essay").unwrap().clone();
    let curator = Curator {
        name: "Teacher T",
        id: "t-1",
    };
    let (remove, put) = settle(&doc, &gold, decisions, curator, now, &Codebook::default());
    m.apply(Action::Replace {
        document: "essay".into(),
        remove,
        put,
        codes: vec![],
    });
}

// Code points: "😀" is one, so every offset after it is one less than in UTF-16.
const TEXT: &str = "😀 Borders must be managed humanely. Remittances matter to families.";

fn doc() -> Document {
    Document::from_paste("essay".into(), "Essay", TEXT).unwrap()
}

/// The code points of `needle` in TEXT.
fn at(needle: &str) -> (usize, usize) {
    let b = TEXT.find(needle).unwrap();
    let s = TEXT[..b].chars().count();
    (s, s + needle.chars().count())
}

fn annotator(name: &str, passages: &[(&str, &str, &str)]) -> Annotator {
    let d = doc();
    let annotations = (passages.iter().enumerate())
        .map(|(i, (needle, tag, note))| {
            let (s, e) = at(needle);
            let draft = Draft {
                document: "essay".into(),
                start: Cp(s),
                end: Cp(e),
                tags: vec![tag.to_string()],
                note: note.to_string(),
            };
            Annotation::new(format!("{name}-{i}"), draft, &d.text, name, 0).unwrap()
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
        codes: vec![],
        notices: vec![],
    }
}

/// New ids, `g1`, `g2`, …
fn ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("g{n}")
    }
}

/// A model with the essay open and Teacher T named.
fn teacher() -> Model {
    let mut m = Model::default();
    m.apply(Action::SetAnnotator("Teacher T".into()));
    m.apply(Action::AddDocuments(vec![doc()]));
    m
}

fn cp(needle: &str) -> (Cp, Cp) {
    let (s, e) = at(needle);
    (Cp(s), Cp(e))
}

fn class() -> Vec<Annotator> {
    vec![
        annotator(
            "Ana",
            &[("Borders must be managed", "objective-11", "ana's note")],
        ),
        annotator(
            "Bo",
            &[
                ("must be managed humanely", "objective-11", ""),
                ("Remittances", "objective-20", ""),
            ],
        ),
        annotator("Cy", &[("Borders must be managed", "objective-11", "")]),
    ]
}

#[test]
fn overlapping_passages_of_a_tag_are_one_item_with_each_annotators_version() {
    let items = items(&class());
    assert_eq!(items.len(), 2, "{items:#?}");
    let borders = &items[0];
    assert_eq!(borders.tag, "objective-11");
    assert_eq!(
        (borders.start, borders.end),
        (cp("Borders").0, cp("humanely").1)
    );
    // Ana and Cy share one version (the most shared first), Bo has another.
    assert_eq!(borders.versions.len(), 2);
    assert_eq!(borders.versions[0].annotators, vec![0, 2]);
    assert_eq!(
        borders.versions[0].spans,
        vec![cp("Borders must be managed")]
    );
    assert_eq!(borders.versions[0].notes, vec!["ana's note".to_string()]);
    assert_eq!(borders.versions[1].annotators, vec![1]);
    // Remittances: Bo alone; Ana and Cy tagged nothing there, a version of its own.
    let remittances = &items[1];
    assert_eq!(remittances.tag, "objective-20");
    assert_eq!(remittances.versions[0].annotators, vec![0, 2]);
    assert!(remittances.versions[0].spans.is_empty());
    assert_eq!(remittances.versions[1].spans, vec![cp("Remittances")]);
}

#[test]
fn touching_passages_are_two_items_and_other_tags_are_apart() {
    let a = annotator(
        "Ana",
        &[
            ("Bord", "objective-11", ""),
            ("ers must", "objective-11", ""),
        ],
    );
    let b = annotator("Bo", &[("Borders must", "objective-2", "")]);
    let items = items(&[a, b]);
    let tags: Vec<(&str, Cp)> = items.iter().map(|i| (i.tag.as_str(), i.start)).collect();
    // In the order of the text: by start, then end.
    assert_eq!(
        tags,
        vec![
            ("objective-11", cp("Bord").0),
            ("objective-2", cp("Borders").0),
            ("objective-11", cp("ers must").0),
        ]
    );
    assert_eq!(cp("Bord").1, cp("ers must").0, "they touch");
}

#[test]
fn k_of_n_keeps_the_code_points_that_k_annotators_tagged() {
    let items = items(&class());
    let borders = &items[0];
    assert_eq!(majority(3), 2);
    assert_eq!(majority(4), 3);
    // Two of three: where Ana's (or Cy's) and Bo's passages overlap, and everything Ana and
    // Cy both tagged: "Borders must be managed" whole.
    assert_eq!(agreed_by(borders, 2), vec![cp("Borders must be managed")]);
    assert_eq!(agreed_by(borders, 3), vec![cp("must be managed")]);
    assert_eq!(
        agreed_by(borders, 1),
        vec![(cp("Borders").0, cp("humanely").1)]
    );
    assert_eq!(agreed_by(&items[1], 2), vec![]);
    let mut id = ids();
    let all = accept_all(&items, 2, &mut id);
    assert_eq!(all.len(), 1, "only where two agree");
    assert_eq!(all[0].tag, "objective-11");
    let kept: Vec<(Cp, Cp)> = all[0].passages.iter().map(|p| (p.start, p.end)).collect();
    assert_eq!(kept, vec![cp("Borders must be managed")]);
}

#[test]
fn settling_keeps_curated_passages_one_undo_step_each_and_replaces_what_was_there() {
    let mut m = teacher();
    let items = items(&class());
    let mut id = ids();
    // Keep Bo's version of the first passage.
    let v = &items[0].versions[1];
    let bo = decide(&items[0], &v.spans, &v.notes, &mut id);
    apply(&mut m, vec![bo], 9);
    let gold: Vec<Annotation> = m.library.annotations().iter().cloned().collect();
    assert_eq!(gold.len(), 1);
    assert_eq!(gold[0].origin, Origin::Curated);
    assert_eq!(gold[0].annotator, "Teacher T", "who chose it");
    assert_eq!(gold[0].annotator_id, "t-1");
    assert_eq!((gold[0].start, gold[0].end), cp("must be managed humanely"));
    assert_eq!(gold[0].quote, "must be managed humanely");
    assert_eq!(
        settled(&items[0], &gold),
        vec![cp("must be managed humanely")]
    );
    // Then the majority's: Bo's passage is replaced, not added to.
    let v = &items[0].versions[0];
    let ana = decide(&items[0], &v.spans, &v.notes, &mut id);
    apply(&mut m, vec![ana], 9);
    let gold: Vec<Annotation> = m.library.annotations().iter().cloned().collect();
    assert_eq!(
        settled(&items[0], &gold),
        vec![cp("Borders must be managed")]
    );
    assert_eq!(gold[0].note, "ana's note");
    // None: nothing of that tag is left there. Three decisions, three undo steps.
    apply(&mut m, vec![decide(&items[0], &[], &[], &mut id)], 9);
    assert!(m.library.annotations().is_empty());
    assert_eq!(m.history.undo_len(), 3);
    m.apply(Action::Undo);
    let gold: Vec<Annotation> = m.library.annotations().iter().cloned().collect();
    assert_eq!(
        settled(&items[0], &gold),
        vec![cp("Borders must be managed")]
    );
    m.apply(Action::Undo);
    let gold: Vec<Annotation> = m.library.annotations().iter().cloned().collect();
    assert_eq!(
        settled(&items[0], &gold),
        vec![cp("must be managed humanely")]
    );
}

#[test]
fn accepting_all_is_one_undo_step_and_a_decision_takes_only_its_tag_from_a_passage() {
    let mut m = teacher();
    let items = items(&class());
    let mut id = ids();
    let all = accept_all(&items, 1, &mut id);
    assert_eq!(all.len(), 2);
    apply(&mut m, all, 9);
    assert_eq!(m.library.annotations().len(), 2);
    assert_eq!(m.history.undo_len(), 1);
    // The indexed look-up of what is settled agrees with the plain one.
    let gold: Vec<Annotation> = m.library.annotations().iter().cloned().collect();
    let plain: Vec<Vec<(Cp, Cp)>> = items.iter().map(|it| settled(it, &gold)).collect();
    assert_eq!(settled_all(&items, &gold), plain);
    assert!(plain.iter().all(|s| !s.is_empty()));
    // The user adds a tag to a gold passage; deciding "none" on the first tag keeps the
    // passage with the other.
    let g = m.library.annotations()[0].clone();
    m.apply(Action::Update {
        id: g.id.clone(),
        tags: vec!["objective-11".into(), "principle-human-rights".into()],
        note: String::new(),
        now: 10,
    });
    apply(&mut m, vec![decide(&items[0], &[], &[], &mut id)], 11);
    let kept = m.library.annotation(&g.id).unwrap();
    assert_eq!(kept.tags, vec!["principle-human-rights".to_string()]);
    assert_eq!(kept.origin, Origin::Curated);
    m.apply(Action::Undo);
    assert_eq!(m.library.annotation(&g.id).unwrap().tags.len(), 2);
}

#[test]
fn a_replacement_that_does_not_fit_the_text_or_the_document_is_passed_over() {
    let mut m = Model::default();
    m.apply(Action::AddDocuments(vec![doc()]));
    let items = items(&class());
    let mut id = ids();
    let decisions = accept_all(&items, 1, &mut id);
    let curator = Curator { name: "T", id: "t" };
    let (_, mut put) = settle(&doc(), &[], decisions, curator, 9, &Codebook::default());
    assert_eq!(put.len(), 2);
    put[0].quote = "not the text".into();
    put[1].document = "another".into();
    m.apply(Action::Replace {
        document: "essay".into(),
        remove: vec![],
        put,
        codes: vec![],
    });
    assert!(m.library.annotations().is_empty());
    assert_eq!(m.history.undo_len(), 0, "no empty step");
}
