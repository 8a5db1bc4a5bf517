//! Bounded fields through every way in, natively: typing or pasting a name, a title or a
//! note past its limit through `Model::apply`, importing files whose fields are too long, and
//! values stored by an older build that are kept as they are. Also that the README's counts
//! are true.
#![cfg(not(target_arch = "wasm32"))]

use gcm_annotator::action::Restored;
use gcm_annotator::document::Document;
use gcm_annotator::fields::Field;
use gcm_annotator::formats::planner::import;
use gcm_annotator::session::Settings;
use gcm_annotator::state::{Action, Model};
use gcm_annotator::text::Cp;
use std::path::Path;

const SEED_004: &str = "seed-87ef9370e957a8a4";

/// The latest message the user sees.
fn said(m: &Model) -> String {
    m.session
        .notices
        .last()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

fn model_with_doc() -> Model {
    let mut m = Model::default();
    m.apply(Action::SetAnnotator("Ana".into()));
    let doc = Document::from_paste("u1".into(), "Mine", "Les droits des migrants 😀.").unwrap();
    m.apply(Action::AddDocuments(vec![doc]));
    m
}

fn create(m: &mut Model, id: &str, note: &str) {
    m.apply(Action::Create {
        id: id.into(),
        document: "u1".into(),
        start: Cp(4),
        end: Cp(10),
        tags: vec!["objective-17".into()],
        note: note.into(),
        now: 1,
    });
}

#[test]
fn a_pasted_100000_character_name_is_cut_to_200_with_a_message() {
    let mut m = Model::default();
    let effects = m.apply(Action::SetAnnotator("N".repeat(100_000)));
    assert_eq!(m.session.settings.annotator, "N".repeat(200));
    assert_eq!(said(&m), "The name was cut to 200 characters.");
    assert!(effects.contains(&gcm_annotator::effect::Effect::SaveSettings));
    // A name within the limit says nothing.
    let before = m.session.notices.len();
    m.apply(Action::SetAnnotator("Ana María".into()));
    assert_eq!(m.session.settings.annotator, "Ana María");
    assert_eq!(m.session.notices.len(), before);
}

#[test]
fn a_name_cut_inside_an_emoji_drops_the_emoji_whole() {
    let mut m = Model::default();
    let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
    m.apply(Action::SetAnnotator(format!("{}{family}", "é".repeat(198))));
    assert_eq!(m.session.settings.annotator, "é".repeat(198));
}

#[test]
fn renaming_past_the_limit_cuts_the_title_with_a_message() {
    let mut m = model_with_doc();
    m.apply(Action::RenameDocument {
        id: "u1".into(),
        title: format!("  {}  ", "مرحبا ".repeat(2_000)),
    });
    let title = &m.library.document("u1").unwrap().title;
    assert_eq!(title.chars().count(), 500);
    assert!("مرحبا ".repeat(2_000).starts_with(title.as_str()));
    assert_eq!(said(&m), "The title was cut to 500 characters.");
}

#[test]
fn a_pasted_document_with_a_10000_character_title_gets_500() {
    let mut m = Model::default();
    let doc = Document::from_paste("u2".into(), &"T".repeat(10_000), "Some text.").unwrap();
    m.apply(Action::AddDocuments(vec![doc]));
    assert_eq!(m.library.document("u2").unwrap().title, "T".repeat(500));
    assert_eq!(m.open_document().unwrap().id, "u2");
    assert_eq!(said(&m), "The title was cut to 500 characters.");
}

#[test]
fn notes_past_the_limit_are_cut_on_create_and_on_edit() {
    let mut m = model_with_doc();
    create(&mut m, "a1", &"n".repeat(10_001));
    assert_eq!(m.library.annotation("a1").unwrap().note, "n".repeat(10_000));
    assert_eq!(said(&m), "The note was cut to 10000 characters.");
    m.apply(Action::Update {
        id: "a1".into(),
        tags: vec!["objective-17".into()],
        note: "ü".repeat(50_000),
        now: 2,
    });
    assert_eq!(m.library.annotation("a1").unwrap().note, "ü".repeat(10_000));
    // What was cut is what the user is told about, and Undo brings back the earlier note.
    assert_eq!(said(&m), "The note was cut to 10000 characters.");
    m.apply(Action::Undo);
    assert_eq!(m.library.annotation("a1").unwrap().note, "n".repeat(10_000));
}

#[test]
fn a_too_long_name_stored_by_an_older_build_is_kept_but_not_copied_into_annotations() {
    let mut m = model_with_doc();
    let long = "O".repeat(100_000);
    m.apply(Action::Restore(Restored {
        settings: Settings {
            annotator_id: String::new(),
            annotator: long.clone(),
            recent_tags: vec![],
        },
        ..Restored::default()
    }));
    // Loading rewrites nothing.
    assert_eq!(m.session.settings.annotator, long);
    let doc = Document::from_paste("u1".into(), "Mine", "Les droits des migrants.").unwrap();
    m.apply(Action::AddDocuments(vec![doc]));
    create(&mut m, "a1", "");
    assert_eq!(
        m.library.annotation("a1").unwrap().annotator,
        "O".repeat(200)
    );
    assert_eq!(m.session.settings.annotator, long);
}

/// A project file with one document (a title of 600) and three annotations on a seed: two
/// notes of 12,000 and one annotator name of 300.
fn long_fields_file() -> String {
    let text = "Un texte à moi, avec des migrants.";
    let seed = Model::default()
        .library
        .document(SEED_004)
        .unwrap()
        .text
        .clone();
    let at = seed.as_str().find("Kofi Annan").unwrap();
    let start = seed.as_str()[..at].chars().count();
    // One span, told apart by their tags (else the second would be a duplicate).
    let ann = |id: &str, tag: &str, note: String, annotator: &str| {
        serde_json::json!({
            "id": id, "document": SEED_004, "start": start, "end": start + 10, "quote": "Kofi Annan",
            "tags": [tag], "note": note, "annotator": annotator,
        })
    };
    serde_json::json!({
        "format": "gcm-annotator", "version": 1, "codebook": "gcm-2018/1",
        "offsets": "unicode-code-points", "annotator": "Ana",
        "documents": [{ "id": "mine-1", "title": "Ť".repeat(600), "text": text, "origin": "user" }],
        "annotations": [
            ann("a1", "objective-1", "x".repeat(12_000), "Ana"),
            ann("a2", "objective-2", "y".repeat(12_000), "Ana"),
            ann("a3", "objective-3", String::new(), &"B".repeat(300)),
        ],
    })
    .to_string()
}

#[test]
fn an_import_cuts_long_fields_and_its_summary_says_which() {
    let mut m = Model::default();
    let mut n = 0;
    let plan = import(
        "long.json",
        long_fields_file().as_bytes(),
        &m.library,
        &mut || {
            n += 1;
            format!("id-{n}")
        },
        5,
    )
    .unwrap();
    assert_eq!(plan.clipped.count(Field::Note), 2);
    assert_eq!(plan.clipped.count(Field::DocumentTitle), 1);
    assert_eq!(plan.clipped.count(Field::AnnotatorName), 1);
    assert_eq!(plan.reanchored, 0);
    m.apply(Action::Import(Box::new(plan)));
    assert_eq!(m.library.document("mine-1").unwrap().title, "Ť".repeat(500));
    let notes: Vec<usize> = ["a1", "a2"]
        .iter()
        .map(|id| m.library.annotation(id).unwrap().note.chars().count())
        .collect();
    assert_eq!(notes, [10_000, 10_000]);
    assert_eq!(
        m.library.annotation("a3").unwrap().annotator,
        "B".repeat(200)
    );
    assert!(
        said(&m).contains(
            "1 title, 2 notes and 1 annotator name were longer than the limits and were cut"
        ),
        "{}",
        said(&m)
    );
}

#[test]
fn an_import_within_the_limits_says_nothing_of_cutting() {
    let mut m = Model::default();
    let file = long_fields_file()
        .replace(&"x".repeat(12_000), "short")
        .replace(&"y".repeat(12_000), "short too")
        .replace(&"Ť".repeat(600), "Mine")
        .replace(&"B".repeat(300), "Bo");
    let plan = import(
        "ok.json",
        file.as_bytes(),
        &m.library,
        &mut || "x".into(),
        5,
    )
    .unwrap();
    assert!(plan.clipped.is_empty());
    m.apply(Action::Import(Box::new(plan)));
    assert!(!said(&m).contains("cut"), "{}", said(&m));
}

#[test]
fn the_readme_counts_the_bad_files_there_are() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = std::fs::read_dir(root.join("tests/bad-files"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".expected"))
        .count();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    // Lines wrap anywhere in the README: compare with white space folded.
    let readme = readme.split_whitespace().collect::<Vec<_>>().join(" ");
    let said = format!("`tests/bad-files/` holds {files} such files");
    assert!(readme.contains(&said), "the README should say {said:?}");
}
