//! GCM Annotator: tag passages of texts about the Global Compact for Migration with its
//! objectives and guiding principles, entirely in the browser.
//!
//! The crate is a pure core that builds and tests natively and a thin browser shell (`web`)
//! compiled only for wasm32. The core's state is three parts, each in its own module:
//! the user's [`library`], the undo [`history`], and the [`session`] (what the user is
//! looking at); [`state`] changes them only through `Model::apply`, which returns the
//! [`effect`]s the shell carries out. [`keymap`] turns key presses into actions.

// First, so that its `t!` macro is in scope in every module after it.
#[macro_use]
pub mod i18n;
pub mod action;
pub mod anchoring;
pub mod annotation;
pub mod assignment;
pub mod blocks;
pub mod caret;
pub mod casefold;
pub mod chunks;
pub mod classroom;
pub mod codebook;
pub mod codes;
pub mod decimal;
pub mod document;
pub mod effect;
pub mod extract;
pub mod fields;
pub mod formats;
pub mod history;
pub mod history_store;
pub mod journal;
pub mod keymap;
pub mod library;
pub mod listing;
pub mod notices;
pub mod seeds;
pub mod segment;
pub mod session;
pub mod sort;
pub mod state;
pub mod stats;
pub mod storage;
pub mod stored_document;
pub mod suggest;
pub mod text;
pub mod waiting;

#[cfg(target_arch = "wasm32")]
pub mod web;
