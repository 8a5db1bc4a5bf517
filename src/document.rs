//! Documents: the texts a user reads and annotates, bundled seeds and the user's own.

use crate::seeds::SEEDS;
use crate::text::DocText;

/// Where a document came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Bundled with the app; cannot be renamed or deleted.
    Seed,
    /// Opened or pasted by the user; stored in the browser.
    User,
}

/// A document in the library.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// Stable id: `seed-…` for seeds, a random id for the user's documents.
    pub id: String,
    pub title: String,
    /// One line shown under the title in the library.
    pub description: String,
    pub origin: Origin,
    pub text: DocText,
}

impl Document {
    /// The five bundled seeds as documents.
    pub fn seeds() -> Vec<Document> {
        SEEDS
            .iter()
            .map(|s| Document {
                id: s.id.to_string(),
                title: s.title.to_string(),
                description: s.description.to_string(),
                origin: Origin::Seed,
                text: DocText::new(s.text),
            })
            .collect()
    }
}
