//! Tests of [`super`]: the diff against the user's annotations (learn, unlearn, relearn, in
//! steps), which annotations teach, rejections, reset, and the stored record.

use super::*;

fn ex(id: &str, quote: &str, tags: &[&str]) -> Example {
    Example {
        id: id.into(),
        quote: quote.into(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
    }
}

/// The model's stored counts: equal counts, equal model.
fn counts(l: &Learner) -> String {
    l.model().to_stored().counts
}

const REMIT: &str = "Lower the cost of remittances sent home by migrant workers.";
const DETAIN: &str = "Detention of migrants is a measure of last resort.";

#[test]
fn a_sync_learns_new_annotations_and_unlearns_deleted_ones_exactly() {
    let fresh = Learner::new();
    let mut l = Learner::new();
    let both = [
        ex("a", REMIT, &["objective-20"]),
        ex("b", DETAIN, &["objective-13"]),
    ];
    assert_eq!(
        l.sync(&both, usize::MAX),
        Progress {
            changed: 2,
            remaining: 0
        }
    );
    assert_eq!(l.learned(), 2);
    assert_ne!(counts(&l), counts(&fresh));
    // Nothing changed: nothing to do.
    assert_eq!(l.sync(&both, usize::MAX).changed, 0);
    // "b" deleted: the model is what learning "a" alone makes.
    l.sync(&both[..1], usize::MAX);
    let mut only_a = Learner::new();
    only_a.sync(&both[..1], usize::MAX);
    assert_eq!(counts(&l), counts(&only_a));
    // All deleted: back to the seed prior.
    l.sync(&[], usize::MAX);
    assert_eq!((counts(&l), l.learned()), (counts(&fresh), 0));
}

#[test]
fn an_edited_annotation_is_unlearned_then_learned_as_it_is_now() {
    let mut l = Learner::new();
    l.sync(&[ex("a", REMIT, &["objective-20"])], usize::MAX);
    let retagged = [ex("a", REMIT, &["objective-19"])];
    assert_eq!(l.sync(&retagged, usize::MAX).changed, 1);
    let mut direct = Learner::new();
    direct.sync(&retagged, usize::MAX);
    assert_eq!(counts(&l), counts(&direct));
    // Its passage moved (a longer selection): the same.
    let longer = [ex("a", &format!("{REMIT} Fees fall."), &["objective-19"])];
    l.sync(&longer, usize::MAX);
    let mut direct = Learner::new();
    direct.sync(&longer, usize::MAX);
    assert_eq!(counts(&l), counts(&direct));
}

#[test]
fn a_large_sync_goes_in_steps_and_ends_where_one_sync_would() {
    let all: Vec<Example> = (0..7)
        .map(|i| ex(&format!("n{i}"), &format!("{REMIT} {i}"), &["objective-20"]))
        .collect();
    let mut stepped = Learner::new();
    let first = stepped.sync(&all, 3);
    assert_eq!((first.changed, first.remaining), (3, 4));
    assert_eq!(stepped.sync(&all, 3).remaining, 1);
    assert_eq!(
        stepped.sync(&all, 3),
        Progress {
            changed: 1,
            remaining: 0
        }
    );
    let mut once = Learner::new();
    once.sync(&all, usize::MAX);
    assert_eq!(counts(&stepped), counts(&once));
    assert_eq!(stepped.learned(), 7);
}

#[test]
fn only_the_users_own_passages_teach() {
    use crate::annotation::{Annotation, Origin};
    let a = |origin, whole| Annotation {
        quote: REMIT.into(),
        origin,
        whole_document: whole,
        ..Annotation::sample("a", "")
    };
    for origin in [Origin::Here, Origin::Curated] {
        assert!(Example::of(&a(origin, false)).is_some(), "{origin:?}");
    }
    for origin in [Origin::Imported, Origin::Given, Origin::Suggested] {
        assert!(Example::of(&a(origin, false)).is_none(), "{origin:?}");
    }
    assert!(
        Example::of(&a(Origin::Here, true)).is_none(),
        "whole document"
    );
    let blank = Annotation {
        quote: " \n".into(),
        ..Annotation::sample("b", "")
    };
    assert!(Example::of(&blank).is_none());
}

#[test]
fn a_long_passage_is_learned_from_its_first_code_points_cut_on_a_character() {
    use crate::annotation::Annotation;
    let long = "🌍é".repeat(MAX_LEARNED);
    let a = Annotation {
        quote: long.clone(),
        ..Annotation::sample("a", "")
    };
    let e = Example::of(&a).unwrap();
    assert_eq!(e.quote.chars().count(), MAX_LEARNED);
    assert!(long.starts_with(&e.quote));
}

#[test]
fn a_rejection_lowers_that_tag_for_the_sentence_is_remembered_and_reset_forgets_it() {
    let mut l = Learner::new();
    let tag = "objective-20";
    let i = crate::codebook::TAGS
        .iter()
        .position(|t| t.id == tag)
        .unwrap();
    let before = l.model().confidences(REMIT)[i];
    assert!(l.reject(REMIT, tag));
    assert!(!l.reject(REMIT, tag), "once");
    assert!(l.is_rejected(REMIT, tag));
    assert!(!l.is_rejected(REMIT, "objective-19"));
    assert!(l.model().confidences(REMIT)[i] < before);
    let read = Learner::from_record(&l.to_record()).unwrap();
    assert!(read.is_rejected(REMIT, tag));
    assert_eq!(counts(&read), counts(&l));
    l.reset();
    assert!(!l.is_rejected(REMIT, tag));
    assert_eq!(counts(&l), counts(&Learner::new()));
}

#[test]
fn reset_forgets_what_was_learned_and_does_not_relearn_it_until_it_changes() {
    let mut l = Learner::new();
    let mine = vec![
        ex("a", REMIT, &["objective-20"]),
        ex("b", DETAIN, &["objective-13"]),
    ];
    l.sync(&mine, usize::MAX);
    l.reset();
    assert_eq!((counts(&l), l.learned()), (counts(&Learner::new()), 0));
    assert_eq!(l.forgotten(), 2);
    assert_eq!(l.sync(&mine, usize::MAX).changed, 0, "not relearned");
    // Deleting a forgotten one unlearns nothing (it was not in the counts).
    l.sync(&mine[..1], usize::MAX);
    assert_eq!(counts(&l), counts(&Learner::new()));
    // An edit, or a new one, is learned.
    let edited = [
        ex("a", REMIT, &["objective-19"]),
        ex("c", DETAIN, &["objective-13"]),
    ];
    l.sync(&edited, usize::MAX);
    let mut direct = Learner::new();
    direct.sync(&edited, usize::MAX);
    assert_eq!((counts(&l), l.learned()), (counts(&direct), 2));
    // Stored and read back, the forgotten one stays forgotten.
    l.reset();
    let mut read = Learner::from_record(&l.to_record()).unwrap();
    assert_eq!(read.sync(&edited, usize::MAX).changed, 0);
}

#[test]
fn the_record_round_trips_and_a_bad_one_is_refused_with_a_reason() {
    let mut l = Learner::new();
    l.sync(
        &[ex(
            "a",
            "Ç'est la migration 🌍 نعم",
            &["objective-1", "own-x"],
        )],
        usize::MAX,
    );
    assert!(l.set_threshold(0.8));
    assert!(!l.set_threshold(0.8));
    let json = l.to_record();
    assert!(json.starts_with("{\"version\":1,"), "{json}");
    let read = Learner::from_record(&json).unwrap();
    assert_eq!(read.to_record(), json);
    assert_eq!((read.threshold(), read.learned()), (0.8, 1));
    let other = json.replacen("\"version\":1", "\"version\":2", 1);
    assert!(Learner::from_record(&other)
        .unwrap_err()
        .contains("version 2"));
    assert!(Learner::from_record("{").is_err());
    assert!(Learner::from_record("").is_err());
    let damaged = json.replace("\"counts\":\"", "\"counts\":\"!!");
    assert!(Learner::from_record(&damaged).is_err());
    // A threshold out of range is brought back into it.
    let high = json.replace("\"threshold\":0.8", "\"threshold\":7");
    assert_eq!(Learner::from_record(&high).unwrap().threshold(), 1.0);
}

#[test]
fn examples_go_to_the_panel_as_json_and_back_and_a_bad_list_is_none() {
    let list = vec![
        ex("a", "Ç'est 🌍 \"quoted\"\r\nنعم", &["objective-1", "own-x"]),
        ex("b", "", &[]),
    ];
    let json = examples_to_json(&list);
    assert_eq!(examples_from_json(&json), Some(list));
    assert_eq!(examples_from_json("[]"), Some(vec![]));
    assert_eq!(examples_from_json("{}"), None);
    assert_eq!(examples_from_json("[[1,2,3]]"), None);
}
