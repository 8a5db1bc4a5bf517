//! Annotations: a span of a document in code points, the quote it covers with its context,
//! the GCM tags it carries, a note, and who made it when and how ([`Origin`]).

use crate::codebook;
use crate::codes::{Code, Codebook};
use crate::text::{Cp, DocText};
use serde::{Deserialize, Serialize};
use std::fmt;

/// How many code points of context are kept on each side of a quote. 32 is what the
/// Hypothesis client keeps, enough to tell apart repeated phrases when re-anchoring.
pub const CONTEXT_CPS: usize = 32;

/// Milliseconds since the Unix epoch (UTC), as `Date.now()` gives them.
pub type Millis = i64;

/// One annotation of one document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    /// A UUID, unique across documents and annotators.
    pub id: String,
    /// The id of the annotated document.
    pub document: String,
    /// Start of the span, in code points of the document text.
    pub start: Cp,
    /// End of the span (exclusive), in code points.
    pub end: Cp,
    /// The exact text of the span.
    pub quote: String,
    /// Up to [`CONTEXT_CPS`] code points before the span.
    pub prefix: String,
    /// Up to [`CONTEXT_CPS`] code points after the span.
    pub suffix: String,
    /// Codebook tag ids, at least one, without repeats, in codebook order.
    pub tags: Vec<String>,
    /// The annotator's note; empty when there is none.
    #[serde(default)]
    pub note: String,
    pub created: Millis,
    pub updated: Millis,
    /// The annotator's name, as set in the app's settings.
    #[serde(default)]
    pub annotator: String,
    /// The maker's id (schema 6): the UUID of the browser profile that made it
    /// ([`crate::session::Settings::annotator_id`]), or the id an imported file gave it;
    /// empty when unknown. An edit keeps it: see [`Origin`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub annotator_id: String,
    /// How it came here (schema 6); a version-5 record has none and is migrated
    /// ([`crate::storage`]).
    #[serde(default)]
    pub origin: Origin,
    /// Where an orphan came from and which text it waits for; `None` for what was made or
    /// placed here. Optional in the stored record (`"provenance": {"file": …, "sha256": …}`),
    /// so that records with and without it read alike; boxed, so that the many annotations
    /// without it stay small.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Box<Provenance>>,
    /// True for a tag of the whole document rather than of a passage (schema 4): `start` and
    /// `end` are then 0, and `quote`, `prefix` and `suffix` empty. Exported as a W3C target
    /// with no selector, a REFI-QDA coding of the whole source, a CSV row without offsets.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub whole_document: bool,
}

/// How an annotation came to be here (schema 6), stored and exported as a lowercase word.
///
/// Undo, redo and edits keep an annotation's origin and maker (`annotator_id` and
/// `annotator`): an imported annotation whose tags or note are changed here stays the
/// imported maker's, origin [`Origin::Imported`], so that an export of this profile's own
/// work never takes in someone else's passage because of a corrected typo, and Compare
/// still credits the passage to whoever chose it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Origin {
    /// Made in this browser profile (the palette, the keyboard, a whole document).
    #[default]
    Here,
    /// Read from a file made by someone else, or by this profile elsewhere.
    Imported,
    /// Handed out in an assignment as an example: nobody's work.
    Given,
    /// Suggested by the app and accepted by the user.
    Suggested,
    /// Settled into a gold standard (schema 7): kept, out of several annotators' versions
    /// of a passage, by the user who curated it (whose name and id it records).
    Curated,
}

impl Origin {
    /// The word stored and exported (`"here"`, `"imported"`, `"given"`, `"suggested"`,
    /// `"curated"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Here => "here",
            Origin::Imported => "imported",
            Origin::Given => "given",
            Origin::Suggested => "suggested",
            Origin::Curated => "curated",
        }
    }

    /// The origin a file names ([`Origin::as_str`], ignoring case and surrounding space);
    /// `None` for a word this version does not know.
    pub fn parse(word: &str) -> Option<Origin> {
        [
            Origin::Here,
            Origin::Imported,
            Origin::Given,
            Origin::Suggested,
            Origin::Curated,
        ]
        .into_iter()
        .find(|o| word.trim().eq_ignore_ascii_case(o.as_str()))
    }

    /// True for the work of the profile that holds it: made here, suggested and accepted
    /// here, or curated here (what an export holds unless the user asks for everything).
    #[inline(never)]
    pub fn is_own(self) -> bool {
        matches!(self, Origin::Here | Origin::Suggested | Origin::Curated)
    }
}

/// As its word ([`Origin::as_str`]).
impl Serialize for Origin {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// From its word ([`Origin::parse`]) by the string reader every record already uses (a
/// derived reader of the enum weighed 0.5 KB of the first load); a word this version does
/// not know reads as [`Origin::Imported`], never as this profile's work.
impl<'de> Deserialize<'de> for Origin {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Origin, D::Error> {
        let word = String::deserialize(d)?;
        Ok(Origin::parse(&word).unwrap_or(Origin::Imported))
    }
}

/// An orphan's provenance: the file it was imported from, and the text it belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// The name of the file it was imported from.
    pub file: String,
    /// The SHA-256 (lowercase hex, of the UTF-8 text) of its document, when its file named
    /// one: how that text is recognised when it is added here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
}

/// Why an annotation cannot be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnnotationError {
    /// The span is empty, or only white space.
    EmptySpan,
    /// The span is reversed or runs past the end of the text.
    OutOfRange { start: Cp, end: Cp, len: Cp },
    /// No tag was chosen.
    NoTags,
    /// A tag id that the codebook does not have.
    UnknownTag(String),
}

impl fmt::Display for AnnotationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnnotationError::EmptySpan => f.write_str(&t!("edit-empty-span")),
            AnnotationError::OutOfRange { start, end, len } => {
                let text = t!(
                    "edit-out-of-range",
                    start = start.0,
                    end = end.0,
                    count = len.0
                );
                f.write_str(&text)
            }
            AnnotationError::NoTags => f.write_str(&t!("edit-no-tags")),
            AnnotationError::UnknownTag(t) => {
                let name = crate::text::isolate(&crate::text::clip(t, 80));
                f.write_str(&t!("edit-unknown-tag", name = name))
            }
        }
    }
}

impl std::error::Error for AnnotationError {}

impl From<crate::codes::TagsError> for AnnotationError {
    fn from(e: crate::codes::TagsError) -> Self {
        match e {
            crate::codes::TagsError::NoTags => AnnotationError::NoTags,
            crate::codes::TagsError::Unknown(t) => AnnotationError::UnknownTag(t),
        }
    }
}

/// Puts GCM tag ids in codebook order without repeats, and checks that each exists: the
/// GCM's codebook alone, no own codes ([`Codebook::normalize`] takes them too).
pub fn normalize_tags(tags: &[String]) -> Result<Vec<String>, AnnotationError> {
    Ok(Codebook::default().normalize(tags)?)
}

/// Shrinks a span so that it neither starts nor ends with white space, as selections made by
/// dragging often do. Returns `None` if nothing but white space is left.
///
/// Selections are not snapped to word boundaries: a reader who selects part of a word means
/// it (Hypothesis and Recogito behave the same), and snapping would surprise in scripts
/// without spaces.
pub fn trim_span(text: &DocText, start: Cp, end: Cp) -> Option<(Cp, Cp)> {
    let quote = text.slice(start, end)?;
    let lead = quote.chars().take_while(|c| c.is_whitespace()).count();
    let trail = quote
        .chars()
        .rev()
        .take_while(|c| c.is_whitespace())
        .count();
    let len = end.0 - start.0;
    if lead == len {
        return None;
    }
    Some((Cp(start.0 + lead), Cp(end.0 - trail)))
}

/// What a new annotation is made of, before it gets an id and times.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub document: String,
    pub start: Cp,
    pub end: Cp,
    pub tags: Vec<String>,
    pub note: String,
}

impl Annotation {
    /// Makes an annotation of `text` tagged with GCM tags only ([`Annotation::new_in`] with
    /// the GCM's codebook alone).
    pub fn new(
        id: String,
        draft: Draft,
        text: &DocText,
        annotator: &str,
        now: Millis,
    ) -> Result<Annotation, AnnotationError> {
        Annotation::new_in(id, draft, text, annotator, now, &Codebook::default())
    }

    /// Makes an annotation of `text`, taking the quote and its context from the text itself;
    /// its tags are codes of `book` (GCM tags or own codes), put in codebook order.
    pub fn new_in(
        id: String,
        draft: Draft,
        text: &DocText,
        annotator: &str,
        now: Millis,
        book: &Codebook,
    ) -> Result<Annotation, AnnotationError> {
        let len = text.len_cp();
        if draft.start > draft.end || draft.end > len {
            return Err(AnnotationError::OutOfRange {
                start: draft.start,
                end: draft.end,
                len,
            });
        }
        let (start, end) =
            trim_span(text, draft.start, draft.end).ok_or(AnnotationError::EmptySpan)?;
        let tags = book.normalize(&draft.tags)?;
        Ok(Annotation {
            id,
            document: draft.document,
            start,
            end,
            quote: text.slice(start, end).unwrap_or_default().to_string(),
            prefix: text.before(start, CONTEXT_CPS).to_string(),
            suffix: text.after(end, CONTEXT_CPS).to_string(),
            tags,
            note: draft.note.trim().to_string(),
            created: now,
            updated: now,
            annotator: annotator.trim().to_string(),
            annotator_id: String::new(),
            origin: Origin::Here,
            provenance: None,
            whole_document: false,
        })
    }

    /// True for the work of the profile whose id is `annotator_id`: made there, or
    /// suggested and accepted there ([`Origin::is_own`]), with that maker's id. What an
    /// export holds unless the user asks for everything.
    pub fn is_own(&self, annotator_id: &str) -> bool {
        self.origin.is_own() && self.annotator_id == annotator_id
    }

    /// The file an orphan was imported from ([`Provenance`]).
    pub fn source_file(&self) -> Option<&str> {
        self.provenance.as_ref().map(|p| p.file.as_str())
    }

    /// The SHA-256 of the text an orphan belongs to, when its file named it ([`Provenance`]).
    pub fn document_sha256(&self) -> Option<&str> {
        self.provenance.as_ref().and_then(|p| p.sha256.as_deref())
    }

    /// True when the span covers code point offset `at` (start inclusive, end exclusive).
    pub fn covers(&self, at: Cp) -> bool {
        self.start <= at && at < self.end
    }

    /// True when two annotations share at least one code point.
    pub fn overlaps(&self, other: &Annotation) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The codes of the tags in `book` (GCM tags and own codes), skipping any it does not
    /// know.
    pub fn codebook_tags<'c>(&'c self, book: &'c Codebook) -> impl Iterator<Item = Code<'c>> + 'c {
        self.tags.iter().filter_map(|t| book.code(t))
    }

    /// A sentence for screen readers: the tags (own codes by name), the quote, the note.
    pub fn describe(&self, book: &Codebook) -> String {
        let tags: Vec<String> = self.codebook_tags(book).map(|c| c.label()).collect();
        let (tags, quote) = (tags.join("; "), crate::text::isolate(&self.excerpt(80)));
        match self.note.is_empty() {
            true => t!("edit-describe", tags = tags, quote = quote),
            false => t!(
                "edit-describe-note",
                tags = tags,
                quote = quote,
                note = self.note
            ),
        }
    }

    /// A one-line excerpt of the quote, at most `max` code points, for lists.
    pub fn excerpt(&self, max: usize) -> String {
        excerpt(&self.quote, max)
    }
}

/// A quote on one line, cut to `max` code points with an ellipsis.
pub fn excerpt(quote: &str, max: usize) -> String {
    let flat: String = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The annotations already here, as an import recognises duplicates: the same id, or the
/// same span with the same tags in the same document by the same maker (`annotator_id`:
/// a student's passage tagged as the teacher's key tags it is her work, not a copy of the
/// key's). Checks in constant time, with keys that copy only the id (an import checks
/// 10,000 annotations against 10,000).
#[derive(Debug, Default)]
pub struct Seen {
    ids: rustc_hash::FxHashSet<String>,
    /// Per document: (start, end, tags as [`tags_key`]).
    spans: rustc_hash::FxHashMap<String, rustc_hash::FxHashSet<(usize, usize, u64, u64)>>,
}

/// Tags and maker as a key that copies nothing: the GCM tags as [`codebook::mask_of`], and
/// a hash of the own codes' ids in their order (annotations keep tags in codebook order)
/// and of the maker's id, so that two annotations that differ only in their own codes, or
/// only in who made them, are not taken for duplicates.
fn tags_key(tags: &[String], maker: &str) -> (u64, u64) {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    for t in tags.iter().filter(|t| codebook::index_of(t).is_none()) {
        t.hash(&mut h);
    }
    maker.hash(&mut h);
    (codebook::mask_of(tags), h.finish())
}

impl Seen {
    /// Everything in `existing`.
    pub fn of<'a>(existing: impl ExactSizeIterator<Item = &'a Annotation>) -> Seen {
        let mut seen = Seen::default();
        seen.ids.reserve(existing.len());
        for a in existing {
            seen.admit(a, a.start, a.end);
        }
        seen
    }

    /// True if an annotation with `a`'s id, or with its document, tags and maker on the
    /// span `start..end` (where it lands, which may not be where it says), is already here.
    pub fn has(&self, a: &Annotation, start: Cp, end: Cp) -> bool {
        self.ids.contains(&a.id) || self.has_work(a, start, end)
    }

    /// True if an annotation with `a`'s document, tags and maker on the span `start..end`
    /// is already here, whatever its id: the same work.
    pub fn has_work(&self, a: &Annotation, start: Cp, end: Cp) -> bool {
        self.spans.get(&a.document).is_some_and(|s| {
            let (gcm, own) = tags_key(&a.tags, &a.annotator_id);
            s.contains(&(start.0, end.0, gcm, own))
        })
    }

    /// Takes in an id alone (an orphan, which has no placed span) unless it is here; true if
    /// it was new.
    pub fn admit_id(&mut self, id: &str) -> bool {
        self.ids.insert(id.to_string())
    }

    /// Takes `a` in, on the span `start..end`, unless it is a duplicate ([`Seen::has`]);
    /// true if it was new.
    pub fn admit(&mut self, a: &Annotation, start: Cp, end: Cp) -> bool {
        if self.has(a, start, end) {
            return false;
        }
        self.ids.insert(a.id.clone());
        let (gcm, own) = tags_key(&a.tags, &a.annotator_id);
        let key = (start.0, end.0, gcm, own);
        match self.spans.get_mut(&a.document) {
            Some(s) => {
                s.insert(key);
            }
            None => {
                self.spans
                    .insert(a.document.clone(), std::iter::once(key).collect());
            }
        }
        true
    }
}

/// Orders annotations as the list shows them: by position in the text, then longest first.
pub fn text_order(a: &Annotation, b: &Annotation) -> std::cmp::Ordering {
    a.start
        .cmp(&b.start)
        .then(b.end.cmp(&a.end))
        .then_with(|| a.id.cmp(&b.id))
}

/// A plain annotation for the core's tests: `id` on document `d`, the quote `x` at
/// code points 0..1, tagged `objective-1`, with `note`; tests change what they need with
/// struct update syntax (`Annotation { quote: …, ..Annotation::sample(id, note) }`).
#[cfg(test)]
impl Annotation {
    pub(crate) fn sample(id: &str, note: &str) -> Annotation {
        Annotation {
            whole_document: false,
            id: id.into(),
            document: "d".into(),
            start: Cp(0),
            end: Cp(1),
            quote: "x".into(),
            prefix: String::new(),
            suffix: String::new(),
            tags: vec!["objective-1".into()],
            note: note.into(),
            created: 0,
            updated: 0,
            annotator: String::new(),
            annotator_id: String::new(),
            origin: Origin::Here,
            provenance: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(start: usize, end: usize, tags: &[&str]) -> Draft {
        Draft {
            document: "d".into(),
            start: Cp(start),
            end: Cp(end),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            note: String::new(),
        }
    }

    #[test]
    fn origins_are_stored_as_words_and_an_unknown_one_is_never_this_profiles() {
        for o in [
            Origin::Here,
            Origin::Imported,
            Origin::Given,
            Origin::Suggested,
            Origin::Curated,
        ] {
            let json = serde_json::to_string(&o).unwrap();
            assert_eq!(json, format!("\"{}\"", o.as_str()));
            assert_eq!(serde_json::from_str::<Origin>(&json).unwrap(), o);
        }
        assert_eq!(Origin::parse(" GIVEN "), Some(Origin::Given));
        // A word of a later version is not taken for work made here.
        let later: Origin = serde_json::from_str("\"reviewed\"").unwrap();
        assert_eq!(later, Origin::Imported);
        assert!(!later.is_own() && Origin::Suggested.is_own() && Origin::Curated.is_own());
        assert!(serde_json::from_str::<Origin>("3").is_err());
    }

    #[test]
    fn takes_quote_and_context_in_code_points() {
        let text = DocText::new("Les migrants’ droits 😀 sont protégés.");
        let a =
            Annotation::new("1".into(), draft(4, 20, &["objective-17"]), &text, "Ana", 5).unwrap();
        assert_eq!(a.quote, "migrants’ droits");
        assert_eq!(a.prefix, "Les ");
        assert_eq!(a.suffix, " 😀 sont protégés.");
        let chars: Vec<char> = text.as_str().chars().collect();
        let sliced: String = chars[a.start.0..a.end.0].iter().collect();
        assert_eq!(sliced, a.quote);
    }

    #[test]
    fn trims_white_space_around_a_selection() {
        let text = DocText::new("a  word \r\n b");
        let a = Annotation::new("1".into(), draft(1, 10, &["objective-1"]), &text, "", 0).unwrap();
        assert_eq!(a.quote, "word");
        assert_eq!((a.start, a.end), (Cp(3), Cp(7)));
    }

    #[test]
    fn refuses_empty_reversed_out_of_range_and_untagged_spans() {
        let text = DocText::new("abc   ");
        let make = |d| Annotation::new("1".into(), d, &text, "", 0);
        assert_eq!(
            make(draft(3, 6, &["objective-1"])),
            Err(AnnotationError::EmptySpan)
        );
        assert!(matches!(
            make(draft(2, 1, &["objective-1"])),
            Err(AnnotationError::OutOfRange { .. })
        ));
        assert!(matches!(
            make(draft(0, 7, &["objective-1"])),
            Err(AnnotationError::OutOfRange { .. })
        ));
        assert_eq!(make(draft(0, 2, &[])), Err(AnnotationError::NoTags));
        assert_eq!(
            make(draft(0, 2, &["objective-99"])),
            Err(AnnotationError::UnknownTag("objective-99".into()))
        );
    }

    #[test]
    fn tags_are_kept_in_codebook_order_without_repeats() {
        let tags = [
            "principle-human-rights",
            "objective-17",
            "objective-2",
            "objective-17",
        ]
        .map(String::from);
        assert_eq!(
            normalize_tags(&tags).unwrap(),
            ["objective-2", "objective-17", "principle-human-rights"]
        );
    }

    #[test]
    fn excerpts_fold_white_space_and_cut_with_an_ellipsis() {
        let text = DocText::new("one\ntwo   three four");
        let a = Annotation::new("1".into(), draft(0, 20, &["objective-1"]), &text, "", 0).unwrap();
        assert_eq!(a.excerpt(100), "one two three four");
        assert_eq!(a.excerpt(8), "one two…");
    }

    #[test]
    fn overlap_and_cover_use_half_open_spans() {
        let text = DocText::new("0123456789");
        let a = Annotation::new("a".into(), draft(0, 5, &["objective-1"]), &text, "", 0).unwrap();
        let b = Annotation::new("b".into(), draft(5, 9, &["objective-1"]), &text, "", 0).unwrap();
        let c = Annotation::new("c".into(), draft(4, 6, &["objective-1"]), &text, "", 0).unwrap();
        assert!(!a.overlaps(&b));
        assert!(a.overlaps(&c) && b.overlaps(&c));
        assert!(a.covers(Cp(4)) && !a.covers(Cp(5)));
    }
}
