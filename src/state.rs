//! The app state and its reducer: every change a user makes is an [`Action`] applied by
//! [`Model::apply`]. Pure Rust, tested natively; the browser shell only dispatches.

use crate::document::Document;

/// Everything the app shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// The library: seeds first, then the user's documents.
    pub documents: Vec<Document>,
    /// The id of the document being read, if any.
    pub open: Option<String>,
}

/// A change to the [`Model`].
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Show this document; unknown ids are ignored.
    OpenDocument(String),
    /// Go back to the library.
    CloseDocument,
}

impl Default for Model {
    fn default() -> Self {
        Model {
            documents: Document::seeds(),
            open: None,
        }
    }
}

impl Model {
    /// Applies an action in place.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::OpenDocument(id) => {
                if self.document(&id).is_some() {
                    self.open = Some(id);
                }
            }
            Action::CloseDocument => self.open = None,
        }
    }

    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// The document being read.
    pub fn open_document(&self) -> Option<&Document> {
        self.open.as_deref().and_then(|id| self.document(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_on_the_library_with_the_five_seeds() {
        let m = Model::default();
        assert_eq!(m.documents.len(), 5);
        assert!(m.open_document().is_none());
    }

    #[test]
    fn opens_and_closes_a_document() {
        let mut m = Model::default();
        let id = m.documents[4].id.clone();
        m.apply(Action::OpenDocument(id.clone()));
        assert_eq!(m.open_document().unwrap().title, "Global Migration Group");
        m.apply(Action::CloseDocument);
        assert!(m.open.is_none());
    }

    #[test]
    fn opening_an_unknown_document_changes_nothing() {
        let mut m = Model::default();
        m.apply(Action::OpenDocument("nope".into()));
        assert!(m.open.is_none());
    }
}
