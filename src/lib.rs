//! GCM Annotator: tag passages of texts about the Global Compact for Migration with its
//! objectives and guiding principles, entirely in the browser.
//!
//! The crate is a pure core that builds and tests natively (`text`, `codebook`, `seeds`,
//! `document`, `state`) and a thin browser shell (`web`) compiled only for wasm32.

pub mod anchoring;
pub mod annotation;
pub mod caret;
pub mod classroom;
pub mod codebook;
pub mod document;
pub mod formats;
pub mod seeds;
pub mod state;
pub mod stats;
pub mod storage;
pub mod suggest;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod web;
