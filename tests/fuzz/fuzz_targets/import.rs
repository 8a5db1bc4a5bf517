//! Any bytes, given to the importer, give a plan or an error: never a panic, never a hang.
//!
//! Run: `cargo +nightly fuzz run --fuzz-dir tests/fuzz import -- -dict=tests/fuzz/import.dict`
//! (seed the corpus with `tests/bad-files/*` and real exports).
#![no_main]

use gcm_annotator::formats::planner::import;
use gcm_annotator::state::Model;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(Model::default)
}

fuzz_target!(|data: &[u8]| {
    let mut n = 0;
    let mut ids = || {
        n += 1;
        format!("fuzz-{n}")
    };
    if let Ok(plan) = import("fuzz.json", data, model(), &mut ids, 0) {
        // A plan that was accepted must be applicable.
        let mut m = model().clone();
        m.apply(gcm_annotator::state::Action::Import(Box::new(plan)));
    }
});
