//! Bounded fields: the length limits of what a user types (names, titles, notes, and later
//! code names and instructions), and clipping to them.
//!
//! Limits are in Unicode code points, the unit every export counts in (Python's `len`), so a
//! name of 200 emoji is as long as a name of 200 letters. Clipping happens in the core
//! (`Model::apply`, the import planner), so every way in is covered; the shell only draws
//! what is stored, ellipsised, with the full value on hover. Values stored by an older build
//! that are over a limit are shown clipped and never rewritten on load.

/// A field a user or a file fills with free text, and whose length is bounded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The annotator's name, written into every annotation: 200 code points, room for any
    /// person's full name in any script, with a class or group after it.
    AnnotatorName,
    /// A document's title: 500 code points, room for a long report title with its subtitle.
    DocumentTitle,
    /// An annotation's note: 10,000 code points, a few pages of commentary.
    Note,
    /// The short name of a user's own code (a tag): 100 code points. Code names are shown
    /// in chips and lists, where a codebook's own names (at most 66 here) must fit on a line.
    CodeName,
    /// A teacher's instructions for an assignment: 20,000 code points, a few pages.
    Instructions,
}

impl Field {
    /// The most code points the field holds.
    pub const fn limit(self) -> usize {
        match self {
            Field::AnnotatorName => 200,
            Field::DocumentTitle => 500,
            Field::Note => 10_000,
            Field::CodeName => 100,
            Field::Instructions => 20_000,
        }
    }

    /// The field's key in the catalogue's selectors (`$field` of the `field-` messages):
    /// `name`, `title`, `note`, `code-name`, `instructions`.
    pub const fn key(self) -> &'static str {
        match self {
            Field::AnnotatorName => "name",
            Field::DocumentTitle => "title",
            Field::Note => "note",
            Field::CodeName => "code-name",
            Field::Instructions => "instructions",
        }
    }

    /// What the field is called in a sentence, in the interface's language: `name`,
    /// `title`, `note`, …
    pub fn noun(self) -> String {
        t!("field-noun", field = self.key())
    }

    /// Clips a value to this field's limit: see [`clip`].
    pub fn clip(self, value: &str) -> (String, bool) {
        match clip(value, self.limit()) {
            (cut, true) => (cut.to_string(), true),
            (_, false) => (value.to_string(), false),
        }
    }

    /// The message when a typed or pasted value was cut: `The name was cut to 200
    /// characters.` ("characters" are code points, as everywhere in the app's messages.)
    pub fn clipped_message(self) -> String {
        t!("field-clipped", field = self.key(), limit = self.limit())
    }
}

/// Cuts `value` to at most `limit` code points; true when anything was cut.
///
/// Never splits a code point. Prefers not to split a grapheme cluster (Unicode UAX #29,
/// extended): when the cut would fall inside one (an accent's combining mark, an emoji's
/// zero-width joiner sequence or skin tone, a flag's second regional indicator), the whole
/// cluster is dropped, so the result may be a few code points shorter than `limit`. A single
/// cluster longer than `limit` (a letter with hundreds of marks) is cut at `limit` itself,
/// so that a value is never emptied. Direction marks and right-to-left text are cut like any
/// other code point; the shell wraps quoted values in isolates (`text::isolate`).
pub fn clip(value: &str, limit: usize) -> (&str, bool) {
    let Some((at, _)) = value.char_indices().nth(limit) else {
        return (value, false);
    };
    let at = crate::segment::grapheme_floor(value, at);
    (&value[..at], true)
}

/// Counts how many values of each field were cut, for a summary such as an import's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Clipped {
    /// (field, how many of its values were cut), in the order first cut.
    counts: Vec<(Field, usize)>,
}

impl Clipped {
    /// Clips `value` in place to `field`'s limit, counting it when cut.
    pub fn clip(&mut self, field: Field, value: &mut String) {
        let (kept, cut) = clip(value, field.limit());
        if cut {
            let len = kept.len();
            value.truncate(len);
            match self.counts.iter_mut().find(|(f, _)| *f == field) {
                Some((_, n)) => *n += 1,
                None => self.counts.push((field, 1)),
            }
        }
    }

    /// How many values of `field` were cut.
    pub fn count(&self, field: Field) -> usize {
        self.counts
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(0, |(_, n)| *n)
    }

    /// True when nothing was cut.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// A sentence for people, or `None` when nothing was cut: `2 notes and 1 title were
    /// longer than the limits and were cut`.
    pub fn summary(&self) -> Option<String> {
        let parts: Vec<String> = self
            .counts
            .iter()
            .map(|(f, n)| t!("field-cut-count", field = f.key(), count = *n))
            .collect();
        let (last, rest) = parts.split_last()?;
        let list = match rest.is_empty() {
            true => last.clone(),
            false => t!("core-and", rest = rest.join(", "), last = *last),
        };
        let total: usize = self.counts.iter().map(|(_, n)| n).sum();
        Some(t!("field-cut-summary", list = list, count = total))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_suit_each_field() {
        assert_eq!(Field::AnnotatorName.limit(), 200);
        assert_eq!(Field::DocumentTitle.limit(), 500);
        assert_eq!(Field::Note.limit(), 10_000);
        assert!(Field::CodeName.limit() < Field::DocumentTitle.limit());
        assert!(Field::Instructions.limit() >= Field::Note.limit());
    }

    #[test]
    fn short_values_are_kept_whole() {
        assert_eq!(clip("Ana", 200), ("Ana", false));
        let exactly = "é".repeat(200);
        assert_eq!(clip(&exactly, 200), (exactly.as_str(), false));
        assert_eq!(clip("", 0), ("", false));
    }

    #[test]
    fn limits_count_code_points_not_bytes_or_utf16_units() {
        // 200 emoji are 800 bytes and 400 UTF-16 units, and fit a 200 limit.
        let emoji = "😀".repeat(200);
        assert!(!clip(&emoji, 200).1);
        let (cut, clipped) = clip(&emoji, 150);
        assert!(clipped);
        assert_eq!(cut.chars().count(), 150);
    }

    #[test]
    fn a_cut_never_splits_a_code_point() {
        let name = "Ана Мария Łukasz 李小龍 ".repeat(30);
        for limit in [1, 7, 33, 199, 200] {
            let (cut, _) = clip(&name, limit);
            assert!(name.starts_with(cut));
            assert_eq!(cut.chars().count(), limit);
        }
    }

    #[test]
    fn a_combining_mark_at_the_cut_goes_with_its_letter() {
        // "e" + COMBINING ACUTE: the limit falls between them; the whole "é" goes.
        let name = format!("{}e\u{301}z", "a".repeat(199));
        let (cut, clipped) = clip(&name, 200);
        assert!(clipped);
        assert_eq!(cut, "a".repeat(199));
        assert_eq!(Field::AnnotatorName.clip(&name).0, "a".repeat(199));
    }

    #[test]
    fn a_zwj_emoji_at_the_cut_is_dropped_whole() {
        // Family: man ZWJ woman ZWJ girl, 5 code points; the cut falls after its second.
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        let name = format!("{}{family}", "x".repeat(198));
        let (cut, clipped) = clip(&name, 200);
        assert!(clipped);
        assert_eq!(cut, "x".repeat(198));
        // A skin tone and a flag are clusters too.
        let thumbs = format!("{}\u{1F44D}\u{1F3FD}", "x".repeat(199));
        assert_eq!(clip(&thumbs, 200).0, "x".repeat(199));
        let flag = format!("{}\u{1F1EB}\u{1F1F7}", "x".repeat(199));
        assert_eq!(clip(&flag, 200).0, "x".repeat(199));
        // Whole clusters before the cut are kept.
        let two = format!("{family}{family}");
        assert_eq!(clip(&two, 7).0, family);
    }

    #[test]
    fn right_to_left_text_is_cut_by_code_points_in_logical_order() {
        let arabic = "مرحبا بالمهاجرين ".repeat(20);
        let (cut, clipped) = clip(&arabic, 200);
        assert!(clipped);
        assert_eq!(cut.chars().count(), 200);
        assert!(arabic.starts_with(cut));
        // A direction override inside the limit is kept as typed; the cut ends the value.
        let hostile = format!("\u{202E}{}", "abc".repeat(100));
        assert_eq!(
            clip(&hostile, 10).0,
            format!("\u{202E}{}", &"abc".repeat(3))
        );
    }

    #[test]
    fn one_cluster_longer_than_the_limit_is_cut_at_the_limit() {
        let zalgo = format!("e{}", "\u{301}".repeat(300));
        let (cut, clipped) = clip(&zalgo, 200);
        assert!(clipped);
        assert_eq!(cut.chars().count(), 200);
    }

    #[test]
    fn the_message_names_the_field_and_its_limit() {
        assert_eq!(
            Field::AnnotatorName.clipped_message(),
            "The name was cut to 200 characters."
        );
        assert_eq!(
            Field::Note.clipped_message(),
            "The note was cut to 10000 characters."
        );
        assert_eq!(
            Field::Instructions.clipped_message(),
            "The instructions were cut to 20000 characters."
        );
    }

    #[test]
    fn clipped_counts_each_field_and_words_the_summary() {
        let mut c = Clipped::default();
        assert_eq!(c.summary(), None);
        let mut short = "fine".to_string();
        c.clip(Field::Note, &mut short);
        assert!(c.is_empty());
        for _ in 0..2 {
            let mut note = "n".repeat(10_001);
            c.clip(Field::Note, &mut note);
            assert_eq!(note.len(), 10_000);
        }
        let mut title = "t".repeat(501);
        c.clip(Field::DocumentTitle, &mut title);
        assert_eq!(c.count(Field::Note), 2);
        assert_eq!(c.count(Field::DocumentTitle), 1);
        assert_eq!(
            c.summary().unwrap(),
            "2 notes and 1 title were longer than the limits and were cut"
        );
        let mut one = Clipped::default();
        let mut name = "a".repeat(201);
        one.clip(Field::AnnotatorName, &mut name);
        assert_eq!(
            one.summary().unwrap(),
            "1 annotator name was longer than the limit and was cut"
        );
    }

    /// In French and Spanish, with their plural forms and list words (natively: the
    /// browser's formatter is tested in the browser).
    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn the_summary_speaks_the_interface_language() {
        let mut c = Clipped::default();
        for _ in 0..2 {
            c.clip(Field::Note, &mut "n".repeat(10_001));
        }
        c.clip(Field::DocumentTitle, &mut "t".repeat(501));
        let mut one = Clipped::default();
        one.clip(Field::AnnotatorName, &mut "a".repeat(201));
        crate::i18n::native::speak(crate::i18n::Language::French);
        assert_eq!(
            c.summary().unwrap(),
            "Trop longs, coupés aux limites\u{a0}: 2 notes et 1 titre"
        );
        assert_eq!(
            Field::Instructions.clipped_message(),
            "Les consignes ont été coupées à 20000 caractères."
        );
        crate::i18n::native::speak(crate::i18n::Language::Spanish);
        assert_eq!(
            one.summary().unwrap(),
            "Demasiado largo, cortado al límite: 1 nombre de anotador"
        );
    }
}
