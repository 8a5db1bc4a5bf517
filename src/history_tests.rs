//! Tests of [`super`]: steps, their inversion, and the bounds of the history.

use super::*;

fn a(id: &str, note: &str) -> Annotation {
    Annotation::sample(id, note)
}

#[test]
fn a_step_inverts_each_change_last_first() {
    let step = Step::new(vec![
        Change::created(a("1", "")),
        Change::edited(a("1", ""), Some(a("1", "edited"))),
    ]);
    let inv = step.inverse();
    assert_eq!(
        inv.changes()[0],
        Change::edited(a("1", "edited"), Some(a("1", "")))
    );
    assert_eq!(inv.changes()[1], Change::edited(a("1", ""), None));
    assert_eq!(inv.inverse(), step);
}

#[test]
fn undo_moves_a_step_to_redo_and_a_new_step_clears_redo() {
    let mut h = History::default();
    h.record(Step::new(vec![Change::created(a("1", ""))]));
    h.record(Step::new(vec![]));
    assert_eq!(h.undo_len(), 1);
    let back = h.undo().unwrap();
    assert_eq!(back.changes()[0], Change::edited(a("1", ""), None));
    assert!(h.can_redo() && !h.can_undo());
    assert_eq!(h.redo().unwrap().changes()[0], Change::created(a("1", "")));
    h.undo();
    h.record(Step::new(vec![Change::created(a("2", ""))]));
    assert!(!h.can_redo());
}

#[test]
fn depth_is_bounded_and_a_deleted_documents_steps_are_forgotten() {
    let mut h = History::default();
    for i in 0..UNDO_DEPTH + 5 {
        h.record(Step::new(vec![Change::created(a(&i.to_string(), ""))]));
    }
    assert_eq!(h.undo_len(), UNDO_DEPTH);
    h.forget_document("d");
    assert!(!h.can_undo());
}

/// An annotation whose note makes it about `bytes` bytes as stored.
fn sized(id: &str, bytes: usize) -> Annotation {
    let base = annotation_bytes(&a(id, ""));
    a(id, &"n".repeat(bytes.saturating_sub(base)))
}

#[test]
fn a_history_over_the_byte_budget_forgets_its_oldest_steps() {
    let mut h = History::default();
    // Ten steps of a fifth of the budget each: only the last five fit.
    for i in 0..10 {
        h.record(Step::new(vec![Change::created(sized(
            &format!("s{i}"),
            HISTORY_BYTES / 5 - 400,
        ))]));
        assert!(h.bytes() <= HISTORY_BYTES, "{} after {i}", h.bytes());
    }
    let ids: Vec<&str> = h
        .undo_steps()
        .iter()
        .map(|k| k.step.changes()[0].id().unwrap())
        .collect();
    assert_eq!(ids, ["s5", "s6", "s7", "s8", "s9"]);
    // Undone, they are kept for Redo under the same bound; a new step forgets them.
    h.undo();
    h.undo();
    assert_eq!((h.undo_len(), h.redo_steps().len()), (3, 2));
    h.record(Step::new(vec![Change::created(a("small", ""))]));
    assert!(!h.can_redo());
    assert_eq!(
        h.bytes(),
        h.undo_steps().iter().map(|k| k.bytes).sum::<usize>()
    );
    // One step over the whole budget is kept alone, so that it can still be undone.
    h.record(Step::new(vec![Change::created(sized(
        "huge",
        HISTORY_BYTES * 2,
    ))]));
    assert_eq!(h.undo_len(), 1);
    assert_eq!(h.undo().unwrap().changes()[0].id(), Some("huge"));
    assert!(h.can_redo());
}

#[test]
fn an_undone_import_keeps_its_annotations_for_redo_and_counts_them() {
    let added: Vec<Annotation> = (0..1000).map(|i| a(&format!("i{i}"), "")).collect();
    let mut h = History::default();
    h.record(Step::new(vec![Change::Batch(Batch::added(&added))]));
    let light = h.bytes();
    let first = h.undo_steps()[0].seq;
    h.undo();
    h.keep_taken(added.clone());
    let heavy = h.bytes();
    assert!(heavy > light * 5, "{light} → {heavy}");
    assert_ne!(
        h.redo_steps()[0].seq,
        first,
        "a changed step is a new record"
    );
    let again = h.redo().unwrap();
    assert!(matches!(&again.changes()[0], Change::Batch(b) if b.taken.is_some()));
    // Back in the library, the step is ids again.
    assert_eq!(h.bytes(), light);
}

/// The sizes of realistic imports' steps (`cargo test … -- --nocapture` prints them): what
/// [`HISTORY_BYTES`] was chosen against.
#[test]
fn an_import_of_50000_placed_annotations_fits_the_budget_as_ids() {
    let added: Vec<Annotation> = (0..50_000)
        .map(|i| Annotation {
            id: format!("00000000-0000-4000-8000-{i:012x}"),
            document: "seed-87ef9370e957a8a4".into(),
            quote: "safe, orderly and regular migration".into(),
            prefix: "the Global Compact for ".into(),
            suffix: " and its objectives in".into(),
            note: format!("#{i}"),
            ..a("", "")
        })
        .collect();
    let ids = Step::new(vec![Change::Batch(Batch::added(&added))]).bytes();
    let whole: usize = added.iter().map(annotation_bytes).sum();
    println!("50,000 placed: {ids} B as ids, {whole} B as annotations");
    assert!(ids < HISTORY_BYTES && whole > 3 * HISTORY_BYTES);
}
