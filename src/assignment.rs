//! Assignments (issue 22): what a teacher hands out with a text (instructions, the tags in
//! scope, whether suggestions are allowed, an id), the `"assignment"` block of the
//! project's JSON that carries it ([`to_json`], [`from_json`]), and the checks a student's app makes of it.
//!
//! The block is read and written by `formats/project.rs`; the library keeps the assignment
//! the student works on ([`crate::library::Library::assignment`]), and storage keeps it as
//! its block under `crate::storage::ASSIGNMENT_KEY`.

use crate::codes::Codebook;
use crate::fields::Field;
use serde_json::Value;

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

/// The `"assignment"` block of the project's JSON (and of the stored record, schema 6): an
/// object of the [`Assignment`]'s fields and the [`VERSION`] of its shape. Built and read by
/// hand on `serde_json::Value`, which the app already reads and writes: a derived
/// (de)serializer of its own weighed some kilobytes of the first load.
pub fn to_json(a: &Assignment) -> Value {
    let strings = |v: &[String]| Value::Array(v.iter().cloned().map(Value::String).collect());
    let mut block = serde_json::Map::new();
    block.insert("version".into(), VERSION.into());
    block.insert("id".into(), a.id.clone().into());
    block.insert("instructions".into(), a.instructions.clone().into());
    block.insert("tags".into(), strings(&a.tags));
    block.insert("suggestions".into(), a.suggestions.into());
    block.insert("documents".into(), strings(&a.documents));
    Value::Object(block)
}

/// Reads an `"assignment"` block ([`to_json`]). `Err` is why it cannot be read, in the
/// interface's language: not an object, a field of the wrong type, a later version than
/// [`VERSION`], or no id. Fields other than `version` and `id` may be left out.
pub fn from_json(v: &Value) -> Result<Assignment, String> {
    let bad = |field: &str| t!("assign-bad-field", field = field);
    let block = v.as_object().ok_or_else(|| bad("assignment"))?;
    let field = |name: &str| block.get(name).filter(|x| !x.is_null());
    let version = field("version")
        .map(|x| x.as_u64().ok_or_else(|| bad("version")))
        .transpose()?
        .ok_or_else(|| bad("version"))?;
    if version > u64::from(VERSION) {
        return Err(t!("assign-newer", version = version, reads = VERSION));
    }
    let text = |name: &str| -> Result<String, String> {
        match field(name) {
            None => Ok(String::new()),
            Some(x) => x.as_str().map(str::to_string).ok_or_else(|| bad(name)),
        }
    };
    let list = |name: &str| -> Result<Vec<String>, String> {
        match field(name) {
            None => Ok(Vec::new()),
            Some(x) => x
                .as_array()
                .and_then(|a| a.iter().map(|s| s.as_str().map(str::to_string)).collect())
                .ok_or_else(|| bad(name)),
        }
    };
    let id = text("id")?;
    if id.trim().is_empty() {
        return Err(t!("assign-no-id"));
    }
    Ok(Assignment {
        id,
        instructions: text("instructions")?,
        tags: list("tags")?,
        suggestions: match field("suggestions") {
            None => false,
            Some(x) => x.as_bool().ok_or_else(|| bad("suggestions"))?,
        },
        documents: list("documents")?,
    })
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
        let json = to_json(&a).to_string();
        assert!(json.contains("\"version\":1"), "{json}");
        let back: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(from_json(&back).unwrap(), a);
        // Only the version and the id are needed.
        let least = serde_json::json!({"version": 1, "id": "x"});
        assert_eq!(from_json(&least).unwrap().id, "x");
    }

    #[test]
    fn a_block_from_a_later_version_or_without_an_id_is_refused() {
        let mut b = to_json(&handout());
        b["version"] = (VERSION + 1).into();
        let e = from_json(&b).unwrap_err();
        assert!(e.contains(&(VERSION + 1).to_string()), "{e}");
        b["version"] = VERSION.into();
        b["id"] = "  ".into();
        assert!(from_json(&b).is_err());
    }

    #[test]
    fn a_malformed_block_is_an_error_not_a_panic() {
        for bad in [
            r#"{"version":1,"id":"x","suggestions":"yes"}"#,
            r#"{"version":"one","id":"x"}"#,
            r#"{"id":"x"}"#,
            r#"{"version":1,"id":"x","tags":"objective-1"}"#,
            r#"{"version":1,"id":"x","tags":[1]}"#,
            r#"{"version":1,"id":7}"#,
            r#"{"version":-1,"id":"x"}"#,
            r#"["not", "an", "object"]"#,
        ] {
            let v: Value = serde_json::from_str(bad).unwrap();
            let e = from_json(&v).unwrap_err();
            assert!(!e.is_empty(), "{bad}");
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
