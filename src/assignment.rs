//! Assignments (issue 22): what a teacher hands out with a text (instructions, the tags in
//! scope, whether suggestions are allowed, an id), the `"assignment"` block of the
//! project's JSON that carries it ([`Block`]), and the checks a student's app makes of it.
//!
//! The block is read and written by `formats/project.rs`; the library keeps the assignment
//! the student works on ([`crate::library::Library::assignment`]), and storage keeps it as
//! its block under [`crate::storage::ASSIGNMENT_KEY`].

use crate::codes::Codebook;
use crate::fields::Field;
use serde::{Deserialize, Serialize};

/// The version of the `"assignment"` block this build writes and reads: a block of a later
/// version is refused, since its meaning may have changed.
pub const VERSION: u32 = 1;

/// An assignment, as the student's app keeps it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assignment {
    /// A UUID, made when the teacher exports it; every export of the student's carries it.
    pub id: String,
    /// The teacher's instructions, plain text, at most [`Field::Instructions`] code points.
    pub instructions: String,
    /// The ids of the codes in scope (GCM tag ids such as `objective-17`, own codes'
    /// `code-<uuid>`): the only ones the palette offers. Empty: every code.
    pub tags: Vec<String>,
    /// Whether the app may suggest passages to tag.
    pub suggestions: bool,
    /// The ids of the documents handed out.
    pub documents: Vec<String>,
}

/// The `"assignment"` block of the project's JSON, and the stored record of the assignment
/// (schema 6): an [`Assignment`] and the [`VERSION`] of its shape. Read through
/// [`Block::into_assignment`], which refuses a later version.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub version: u32,
    pub id: String,
    #[serde(default)]
    pub instructions: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub suggestions: bool,
    #[serde(default)]
    pub documents: Vec<String>,
}

impl Block {
    /// The block of an assignment, in this build's version.
    pub fn of(a: &Assignment) -> Block {
        Block {
            version: VERSION,
            id: a.id.clone(),
            instructions: a.instructions.clone(),
            tags: a.tags.clone(),
            suggestions: a.suggestions,
            documents: a.documents.clone(),
        }
    }

    /// The assignment the block describes. `Err` is why it cannot be read, in the
    /// interface's language: a later version, or no id.
    pub fn into_assignment(self) -> Result<Assignment, String> {
        if self.version > VERSION {
            return Err(t!("assign-newer", version = self.version, reads = VERSION));
        }
        if self.id.trim().is_empty() {
            return Err(t!("assign-no-id"));
        }
        Ok(Assignment {
            id: self.id,
            instructions: self.instructions,
            tags: self.tags,
            suggestions: self.suggestions,
            documents: self.documents,
        })
    }
}

impl Assignment {
    /// True when the tag or code with this id is in scope (every one is when `tags` is
    /// empty).
    pub fn allows(&self, tag: &str) -> bool {
        self.tags.is_empty() || self.tags.iter().any(|t| t == tag)
    }

    /// Makes the assignment fit this app, as a file's is checked when opened: instructions
    /// over their bound are cut, and tags in scope that `codebook` lacks are dropped. Returns
    /// what was done, one message each, naming the `file`; empty when nothing was.
    pub fn fit(&mut self, codebook: &Codebook, file: &str) -> Vec<String> {
        let mut said = Vec::new();
        let file = crate::text::isolate(file);
        let (cut, clipped) = Field::Instructions.clip(&self.instructions);
        if clipped {
            self.instructions = cut;
            said.push(t!(
                "assign-cut",
                file = file,
                limit = Field::Instructions.limit()
            ));
        }
        let before = self.tags.len();
        let mut unknown = Vec::new();
        self.tags.retain(|t| {
            let known = codebook.contains(t);
            if !known {
                unknown.push(crate::text::isolate(&crate::text::clip(t, 40)));
            }
            known
        });
        if !unknown.is_empty() {
            said.push(t!(
                "assign-unknown-tags",
                file = file,
                count = unknown.len(),
                tags = unknown.join(", ")
            ));
            // None left in scope would offer every code: say so rather than restrict to
            // nothing.
            if self.tags.is_empty() && before > 0 {
                said.push(t!("assign-no-tags-left"));
            }
        }
        said
    }
}

/// True when `tag` may be offered: no assignment, or one that has it in scope.
pub fn allows(assignment: Option<&Assignment>, tag: &str) -> bool {
    assignment.is_none_or(|a| a.allows(tag))
}

/// True when the app may suggest passages: no assignment, or one that allows suggestions.
pub fn suggestions_allowed(assignment: Option<&Assignment>) -> bool {
    assignment.is_none_or(|a| a.suggestions)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn handout() -> Assignment {
        Assignment {
            id: "6f1c1e0a-8f5e-4b8a-9a55-2d4f1c7e0b11".into(),
            instructions: "Tag every passage on borders.".into(),
            tags: vec!["objective-11".into(), "principle-human-rights".into()],
            suggestions: false,
            documents: vec!["u1".into()],
        }
    }

    #[test]
    fn a_block_round_trips_through_its_json() {
        let a = handout();
        let json = serde_json::to_string(&Block::of(&a)).unwrap();
        assert!(json.contains("\"version\":1"), "{json}");
        let back: Block = serde_json::from_str(&json).unwrap();
        assert_eq!(back.into_assignment().unwrap(), a);
    }

    #[test]
    fn a_block_from_a_later_version_or_without_an_id_is_refused() {
        let mut b = Block::of(&handout());
        b.version = VERSION + 1;
        let e = b.clone().into_assignment().unwrap_err();
        assert!(e.contains(&(VERSION + 1).to_string()), "{e}");
        b.version = VERSION;
        b.id = "  ".into();
        assert!(b.into_assignment().is_err());
    }

    #[test]
    fn a_malformed_block_is_an_error_not_a_panic() {
        for bad in [
            r#"{"version":1,"id":"x","suggestions":"yes"}"#,
            r#"{"version":"one","id":"x"}"#,
            r#"{"id":"x"}"#,
            r#"{"version":1,"id":"x","tags":"objective-1"}"#,
        ] {
            assert!(serde_json::from_str::<Block>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn only_tags_in_scope_are_allowed_and_an_empty_scope_allows_all() {
        let a = handout();
        assert!(a.allows("objective-11") && a.allows("principle-human-rights"));
        assert!(!a.allows("objective-1"));
        assert!(allows(None, "objective-1"));
        assert!(!allows(Some(&a), "objective-1"));
        let all = Assignment {
            tags: vec![],
            ..handout()
        };
        assert!(all.allows("objective-1"));
        assert!(!suggestions_allowed(Some(&a)));
        assert!(suggestions_allowed(None));
    }

    #[test]
    fn long_instructions_are_cut_and_unknown_tags_dropped_with_a_message() {
        let mut a = handout();
        a.instructions = "é".repeat(Field::Instructions.limit() + 5);
        a.tags.push("objective-99".into());
        a.tags.push("code-gone".into());
        let said = a.fit(&Codebook::default(), "task.json");
        assert_eq!(a.instructions.chars().count(), Field::Instructions.limit());
        assert_eq!(
            a.tags,
            vec![
                "objective-11".to_string(),
                "principle-human-rights".to_string()
            ]
        );
        assert_eq!(said.len(), 2, "{said:?}");
        assert!(said.iter().all(|m| m.contains("task.json")), "{said:?}");
        assert!(said[1].contains("objective-99") && said[1].contains("code-gone"));
        // A fitting assignment says nothing.
        let mut ok = handout();
        assert!(ok.fit(&Codebook::default(), "task.json").is_empty());
        assert_eq!(ok, handout());
    }
}
