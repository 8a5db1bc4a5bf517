//! What the browser shell must do after an action: keep storage in step with the library
//! and settings, and the few things only a page can do (move focus, scroll, download).
//! Produced by [`crate::state::Model::apply`]; carried out by the shell, never by the core.

use crate::text::Cp;
use std::ops::Range;
use std::sync::Arc;

/// Ids of annotations: a range of a shared list, so that an import's 145,000 ids are
/// neither copied into its effect (the history's batch holds the same list) nor when the
/// shell writes them a slice at a time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ids {
    list: Arc<[String]>,
    range: Range<usize>,
}

impl Ids {
    /// All of `list`.
    pub fn all(list: Arc<[String]>) -> Ids {
        let range = 0..list.len();
        Ids { list, range }
    }

    /// The ids.
    pub fn ids(&self) -> &[String] {
        &self.list[self.range.clone()]
    }

    /// How many ids.
    pub fn len(&self) -> usize {
        self.range.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.range.is_empty()
    }

    /// Keeps the first `at` ids (all, if fewer) and returns the others.
    pub fn split_off(&mut self, at: usize) -> Ids {
        let mid = (self.range.start + at).min(self.range.end);
        let rest = Ids {
            list: self.list.clone(),
            range: mid..self.range.end,
        };
        self.range.end = mid;
        rest
    }
}

/// Where keyboard focus goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FocusTarget {
    /// The document's text (`#doc-text`), where the caret moves.
    Text,
    /// The text of a document just opened, once it is drawn (the element that had focus,
    /// the file picker's button or the paste form, may be gone or replaced).
    OpenedText,
    /// The palette's tag search box.
    PaletteSearch,
    /// The palette's name field, shown while the annotator has no name.
    PaletteName,
}

/// How the keyboard caret shows in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaretView {
    /// No caret mark (the page's own selection, if any, stays).
    Hidden,
    /// A thin mark before this code point; the page's selection is cleared.
    At(Cp),
    /// The span from anchor to head (code points, either order) selected in the page.
    Span(Cp, Cp),
}

/// One thing for the shell to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Store this annotation (new or changed; placed or orphan).
    SaveAnnotation(crate::annotation::Annotation),
    /// Store the annotations (placed or orphan) with these ids, as the library holds them
    /// when they are written; an id it no longer holds is not stored (its deletion follows).
    /// An import's many: each copied into a [`Effect::SaveAnnotation`] took ~90 ms.
    SaveAnnotations(Ids),
    /// Remove the annotation with this id from storage.
    DeleteAnnotation(String),
    /// Store the user document with this id (its text and title).
    SaveDocument(String),
    /// Remove the user document with this id from storage.
    DeleteDocument(String),
    /// Store the settings, the open document and the scroll positions.
    SaveSettings,
    /// Store the user's own codes (the library's codebook as it is when written).
    SaveCodebook,
    /// Store the assignment the user works on (the library's, as it is when written), or
    /// remove the record when there is none (schema 6).
    SaveAssignment,
    /// Store file `n` of Compare ([`crate::state::class`]) as it is when written.
    SaveClassFile(u64),
    /// Remove file `n` of Compare from storage.
    DeleteClassFile(u64),
    /// Store the learned suggester's record ([`crate::state::Model::suggester`] as it is when
    /// written), or remove it when there is none (schema 8). Not unsaved work for the
    /// journal: it is derived from the annotations.
    SaveSuggester,
    /// The storage effects that follow in this batch are an import of `annotations`
    /// annotations (orphans included) from the file `file`: what the journal of unsaved
    /// work names if they are never stored ([`crate::journal`]). Writes nothing itself.
    Imported { file: String, annotations: usize },
    /// Move keyboard focus, once the next render has drawn the target.
    Focus(FocusTarget),
    /// Draw the keyboard caret.
    Caret(CaretView),
    /// Scroll the reading view to a span (code points): into the middle of the view, or
    /// only when `if_hidden` and it is off screen.
    ScrollTo { start: Cp, end: Cp, if_hidden: bool },
    /// Clear the page's own text selection (after tagging it, or on Escape).
    ClearSelection,
    /// Hand a file to the browser's downloads.
    Download {
        file_name: String,
        mime: &'static str,
        content: String,
    },
    /// Convert the project's JSON `content` to `format` in the exchange module (fetched on
    /// first use), then hand the file to the browser's downloads; `seed_text`, `now` and
    /// `annotator` are the export's options.
    Convert {
        /// The format's short name (`Format::slug`: `w3c`, `refi`, …).
        format: &'static str,
        mime: &'static str,
        file_name: String,
        content: String,
        seed_text: bool,
        now: i64,
        annotator: String,
    },
}

impl Effect {
    /// [`Effect::Imported`]: an import of `annotations` from the file named `file`.
    pub fn imported(file: &str, annotations: usize) -> Effect {
        Effect::Imported {
            file: file.to_string(),
            annotations,
        }
    }

    /// How many annotations it stores or deletes.
    pub fn annotations(&self) -> usize {
        match self {
            Effect::SaveAnnotation(_) | Effect::DeleteAnnotation(_) => 1,
            Effect::SaveAnnotations(ids) => ids.len(),
            _ => 0,
        }
    }

    /// True for the effects storage carries out; the others are the page's.
    pub fn is_storage(&self) -> bool {
        matches!(
            self,
            Effect::SaveAnnotation(_)
                | Effect::SaveAnnotations(_)
                | Effect::DeleteAnnotation(_)
                | Effect::SaveDocument(_)
                | Effect::DeleteDocument(_)
                | Effect::SaveSettings
                | Effect::SaveCodebook
                | Effect::SaveAssignment
                | Effect::SaveClassFile(_)
                | Effect::DeleteClassFile(_)
                | Effect::SaveSuggester
                | Effect::Imported { .. }
        )
    }
}
