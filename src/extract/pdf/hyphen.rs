//! Which words hyphenated at a line end keep their hyphen (rule 4 of `super`): a compound
//! the document or the GCM codebook writes with a hyphen, or one led by a prefix word that
//! takes a hyphen in these texts; a soft hyphen is always dropped.

use std::collections::HashSet;

/// The hyphenated words of the codebook's labels and titles (`crate::codebook::TAGS`),
/// lower-cased and sorted; a test keeps the list equal to the codebook's (the readers'
/// module does not carry the codebook).
pub(super) const CODEBOOK: [&str; 10] = [
    "child-sensitive",
    "evidence-based",
    "gender-responsive",
    "multi-stakeholder",
    "non-discrimination",
    "non-regression",
    "people-centered",
    "well-being",
    "whole-of-government",
    "whole-of-society",
];

/// Words that lead hyphenated compounds in migration texts ("cross-border", "pre-departure",
/// "long-term"). Not "inter", "intra", "sub", "re", "multi" or "anti": their compounds are
/// usually closed ("international", "multilateral").
const PREFIXES: [&str; 16] = [
    "child", "co", "cross", "evidence", "gender", "high", "long", "low", "non", "people", "post",
    "pre", "self", "short", "well", "whole",
];

/// Endings that, after a prefix word, make one word broken rather than a compound
/// ("high-est", "cross-ing", "short-age").
const SUFFIXES: [&str; 12] = [
    "age", "ages", "ed", "er", "ers", "es", "est", "ing", "ings", "ly", "ness", "s",
];

/// A word without the punctuation around it.
fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// What the document shows of the words broken at its line ends.
pub(super) struct Hyphens {
    /// The hyphenated words written inside its lines, lower-cased.
    compounds: HashSet<String>,
    /// The closed forms of the breaks after a prefix word that the document writes
    /// elsewhere, lower-cased ("prevent" for "pre-" + "vent").
    closed: HashSet<String>,
}

impl Hyphens {
    /// Reads the texts of the pages' lines (after running lines are left out).
    pub(super) fn new(pages: &[Vec<&str>]) -> Self {
        let mut compounds = HashSet::new();
        let mut wanted = HashSet::new();
        for page in pages {
            for (i, line) in page.iter().enumerate() {
                for w in line.split(' ').map(bare) {
                    if w.contains('-') {
                        compounds.insert(w.to_lowercase());
                    }
                }
                if let Some(next) = page.get(i + 1) {
                    if let Some((head, rest)) = broken(line, next) {
                        if prefix_compound(head, rest) {
                            wanted.insert(format!("{head}{rest}").to_lowercase());
                        }
                    }
                }
            }
        }
        let mut closed = HashSet::new();
        if !wanted.is_empty() {
            for line in pages.iter().flatten() {
                for w in line.split(' ').map(bare) {
                    let w = w.to_lowercase();
                    if wanted.contains(&w) {
                        closed.insert(w);
                    }
                }
            }
        }
        Hyphens { compounds, closed }
    }

    /// True when the word `head` + "-" + `rest`, broken at a line end, keeps its hyphen.
    pub(super) fn keeps(&self, head: &str, rest: &str) -> bool {
        let compound = format!("{head}-{rest}").to_lowercase();
        if self.compounds.contains(&compound) || CODEBOOK.contains(&compound.as_str()) {
            return true;
        }
        prefix_compound(head, rest)
            && !self
                .closed
                .contains(&format!("{head}{rest}").to_lowercase())
    }
}

/// True when `head` starts with a prefix word and `rest` is not a suffix.
fn prefix_compound(head: &str, rest: &str) -> bool {
    let first = head.split('-').next().unwrap_or("").to_lowercase();
    PREFIXES.contains(&first.as_str()) && !SUFFIXES.contains(&rest.to_lowercase().as_str())
}

/// The two parts of a word hyphenated at the end of `text` and continued at the start of
/// `next` (the last word before its `-`, the first word after), when `text` ends in `-`
/// after a letter and `next` starts with a lower-case letter.
pub(super) fn broken<'a>(text: &'a str, next: &'a str) -> Option<(&'a str, &'a str)> {
    let head = text.strip_suffix('-')?;
    head.chars().next_back().filter(|c| c.is_alphabetic())?;
    next.chars().next().filter(|c| c.is_lowercase())?;
    let head = head.rsplit(' ').next().unwrap_or(head);
    let head = head.trim_start_matches(|c: char| !c.is_alphanumeric());
    let rest = bare(next.split(' ').next().unwrap_or(next));
    Some((head, rest))
}

/// True when `text` ends in `-` after a letter or digit and `next` starts with a capital
/// or a digit: a compound or a range broken at its hyphen ("UN-" "Habitat", "2018-"
/// "2030"), joined with the hyphen and no space.
pub(super) fn compound_across(text: &str, next: &str) -> bool {
    let Some(head) = text.strip_suffix('-') else {
        return false;
    };
    let before = head.chars().next_back().is_some_and(char::is_alphanumeric);
    let after = next
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    before && after
}
