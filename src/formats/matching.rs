//! Matching the codes a file declares ([`InCode`]) to the codebook here, for the import
//! planner: each becomes a GCM tag, an own code already here, or a new own code; a file
//! whose code has a GCM tag's name, or whose codes nest in a cycle, is refused.

use super::derived_uuid;
use super::incoming::InCode;
use crate::codes::{fold, nearest_palette_color, palette_color, CodeError, Codebook, OwnCode};
use std::collections::HashMap;

/// What a file's codes come to here.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Matched {
    /// Each declared key → the id of the code it is here (a GCM tag's or an own code's).
    pub ids: HashMap<String, String>,
    /// The own codes to add, parents before children, with their names checked and clipped
    /// ([`crate::fields::Field::CodeName`]) and colours from [`crate::codes::OWN_PALETTE`].
    pub new_codes: Vec<OwnCode>,
    /// The codebook with them added.
    pub codebook: Codebook,
}

impl Matched {
    /// The codebook id a tag of an annotation stands for: a declared key's code, else the
    /// tag as it is (a GCM tag id, an own code's id here, or unknown).
    pub fn id_of<'s>(&'s self, tag: &'s str) -> &'s str {
        self.ids.get(tag).map_or(tag, String::as_str)
    }
}

/// A lowercase hyphenated UUID, or `None`.
fn uuid(s: &str) -> Option<String> {
    let s = s.trim().trim_start_matches('{').trim_end_matches('}');
    let ok = s.len() == 36
        && s.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        });
    ok.then(|| s.to_ascii_lowercase())
}

/// The file's codes in an order where each comes after the code it is nested under (when
/// that is one of the file's); an error names a code whose nesting makes a cycle.
fn parents_first(codes: &[InCode]) -> Result<Vec<&InCode>, String> {
    let by_key: HashMap<&str, &InCode> = codes.iter().map(|c| (c.key.as_str(), c)).collect();
    for c in codes {
        let mut at = c.parent.as_deref();
        let mut steps = 0;
        while let Some(p) = at {
            if p == c.key || steps > codes.len() {
                let code = crate::text::isolate(&crate::text::clip(&c.name, 80));
                return Err(t!("fmt-code-cycle", code = code));
            }
            at = by_key.get(p).and_then(|q| q.parent.as_deref());
            steps += 1;
        }
    }
    let mut out: Vec<&InCode> = Vec::with_capacity(codes.len());
    let mut left: Vec<&InCode> = codes.iter().collect();
    while !left.is_empty() {
        let before = left.len();
        left.retain(|c| {
            let ready = c
                .parent
                .as_deref()
                .is_none_or(|p| !by_key.contains_key(p) || out.iter().any(|o| o.key == p));
            if ready {
                out.push(c);
            }
            !ready
        });
        if left.len() == before {
            // Unreachable after the cycle check; kept so that no input loops.
            out.append(&mut left);
        }
    }
    Ok(out)
}

/// Matches a file's codes to `book`: a key that is a GCM tag's id, or an own code's id here,
/// is that code; a GUID whose `code-<guid>` is here is that code; a name that folds
/// ([`fold`]) to an own code's name here is that code. Any other becomes a new own code: its
/// id `code-<guid>` (the file's GUID) or `code-<derived uuid of its key>`, so that the same
/// file imported again makes no second copy; its parent mapped; its colour the nearest of
/// the palette, else the palette's next.
///
/// Errors (the import is refused): a name that folds to a GCM tag's name, an empty name,
/// nesting in a cycle or under a code neither the file nor the codebook has, more own codes
/// than a codebook holds.
pub fn match_codes(codes: &[InCode], book: &Codebook) -> Result<Matched, String> {
    let mut matched = Matched {
        codebook: book.clone(),
        ..Matched::default()
    };
    if codes.is_empty() {
        return Ok(matched);
    }
    let name_of = |c: &InCode| crate::text::clip(&c.name, 80).into_owned();
    for c in parents_first(codes)? {
        let book = &matched.codebook;
        let guid_id = c
            .guid
            .as_deref()
            .and_then(uuid)
            .map(|g| format!("{}{g}", crate::codes::OWN_PREFIX));
        let folded = fold(&c.name);
        let here = if book.contains(&c.key) {
            Some(c.key.clone())
        } else if let Some(id) = guid_id.as_ref().filter(|id| book.contains(id)) {
            Some(id.clone())
        } else {
            book.own()
                .iter()
                .find(|o| !folded.is_empty() && fold(&o.name) == folded)
                .map(|o| o.id.clone())
        };
        if let Some(id) = here {
            matched.ids.insert(c.key.clone(), id);
            continue;
        }
        let name = match book.check_name(&c.name, None) {
            Ok(name) => name,
            Err(CodeError::EmptyName) => {
                let code = crate::text::isolate(&crate::text::clip(&c.key, 80));
                return Err(t!("fmt-code-no-name", code = code));
            }
            Err(CodeError::NameTaken { by, .. }) => {
                let code = crate::text::isolate(&name_of(c));
                return Err(t!("fmt-code-gcm-name", code = code, tag = by));
            }
            Err(e) => return Err(e.to_string()),
        };
        let parent = match c.parent.as_deref() {
            None => None,
            Some(p) => match matched.ids.get(p) {
                Some(id) => Some(id.clone()),
                None if book.contains(p) => Some(p.to_string()),
                None => {
                    let code = crate::text::isolate(&name_of(c));
                    let parent = crate::text::isolate(&crate::text::clip(p, 80));
                    return Err(t!(
                        "fmt-code-undeclared-parent",
                        code = code,
                        parent = parent
                    ));
                }
            },
        };
        let id = guid_id
            .unwrap_or_else(|| format!("{}{}", crate::codes::OWN_PREFIX, derived_uuid(&c.key)));
        let color = match c.color.as_deref() {
            Some(hex) => nearest_palette_color(hex),
            None => palette_color(book.own().len()),
        };
        let code = OwnCode {
            id: id.clone(),
            name,
            color: color.to_string(),
            parent,
            description: c.description.clone(),
        };
        matched
            .codebook
            .add(code.clone())
            .map_err(|e| e.to_string())?;
        matched.new_codes.push(code);
        matched.ids.insert(c.key.clone(), id);
    }
    Ok(matched)
}
