//! A class at scale, for the class trial and `./dev bench`: 30 students' exports of 2,000
//! annotations each on seed 001, made with the app's own core, deterministic (the same bytes
//! at every run).

use gcm_annotator::annotation::{Annotation, Draft};
use gcm_annotator::document::Document;
use gcm_annotator::formats::export::export;
use gcm_annotator::formats::{ExportScope, Format, Options};
use gcm_annotator::state::{Action, Model};
use gcm_annotator::text::Cp;

/// The id of seed 001, the longest seed, the class's text.
pub const SEED_001: &str = "seed-22250b8f33848101";

/// The title of seed 001, as the library's button names it.
pub const SEED_001_TITLE: &str = "Migration Network Hub: what helps achieve the GCM objectives";

/// The class's text.
pub fn class_document() -> Document {
    Model::default()
        .library
        .document(SEED_001)
        .expect("seed 001")
        .clone()
}

/// The assignment every student of the class works on.
pub const CLASS_ASSIGNMENT: &str = "c1a55000-0000-4000-8000-000000000022";

/// `students` project JSON exports (`student01.json`, …) of `per_student` annotations each
/// on seed 001: spans of 5–124 code points at random places, one GCM tag each, every
/// student with a name ("Student 1") and an annotator id of their own, for
/// [`CLASS_ASSIGNMENT`].
pub fn class_files(students: usize, per_student: usize) -> Vec<(String, Vec<u8>)> {
    let doc = class_document();
    let len = doc.text.len_cp().0 as u64;
    // xorshift64: a fixed sequence, so every run has the same class.
    let mut x: u64 = 88_172_645_463_325_252;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    (0..students)
        .map(|s| {
            let name = format!("Student {}", s + 1);
            let maker_id = format!("5d000000-0000-4000-8000-{:012}", s + 1);
            let mut m = Model::default();
            m.apply(Action::SetAnnotator(name.clone()));
            let mut made = Vec::new();
            while made.len() < per_student {
                let r = next();
                let start = (r % (len - 300)) as usize;
                let draft = Draft {
                    document: doc.id.clone(),
                    start: Cp(start),
                    end: Cp(start + 5 + (r % 120) as usize),
                    tags: vec![gcm_annotator::codebook::TAGS[(r % 33) as usize]
                        .id
                        .to_string()],
                    note: String::new(),
                };
                let id = format!("s{s}-{}", made.len());
                if let Ok(mut a) = Annotation::new(id, draft, &doc.text, &name, 1) {
                    a.annotator_id = maker_id.clone();
                    made.push(a);
                }
            }
            m.library.extend(made);
            let bytes = export(
                Format::Project,
                &ExportScope::new(&m.library, Some(&doc.id)),
                Options {
                    annotator: &name,
                    annotator_id: &maker_id,
                    assignment: Some(CLASS_ASSIGNMENT),
                    everything: true,
                    ..Options::default()
                },
            )
            .into_bytes();
            (format!("student{:02}.json", s + 1), bytes)
        })
        .collect()
}
