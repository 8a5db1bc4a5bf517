//! The app's components, one per file.

pub mod app;
pub mod library;
pub mod reader;
pub mod tag_legend;
