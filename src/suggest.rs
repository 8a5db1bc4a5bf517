//! Suggestions: passages the app proposes to tag, which the reader accepts or rejects. The
//! rules ([`rules`]: explicit references and a keyword lexicon) make them from the first
//! minute; a model learned from the reader's own annotations ([`model`]) adds tags above a
//! confidence threshold. Suggestions are never annotations until accepted.

mod features;
pub mod learner;
pub mod model;
mod prior;
mod rules;
mod table;

pub use rules::{
    for_sentence, references, sentences, suggest, Reason, Suggestion, KEYWORD_CONFIDENCE, LEXICON,
    REFERENCE_CONFIDENCE,
};
