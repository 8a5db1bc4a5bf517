//! The app's components, one per file.

pub mod annotation_list;
pub mod app;
pub mod assignment_form;
pub mod codebook;
pub mod compare;
pub mod editing_tab;
pub mod file_button;
pub mod language_switch;
pub mod length_hint;
pub mod library;
pub mod notices;
pub mod palette;
pub mod reader;
pub mod suggestions;
pub mod tag_chips;
pub mod theme_switch;
pub mod topbar;
pub mod transfer;
pub mod waiting;
