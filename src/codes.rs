//! The codebook in use: the GCM's 33 tags ([`crate::codebook::TAGS`], fixed: they are the
//! standard) and the user's own codes beside them, which the user names, colours and nests
//! (REFI-QDA 1.5 calls both *Codes*; doccano *labels*; brat *entity types*).
//!
//! An annotation's `tags` hold code ids of either kind. An own code's id is `code-` and a
//! UUID (lowercase, hyphenated): random when made here, the file's GUID when it came from a
//! REFI-QDA project, so that the code keeps its GUID through every export and re-import.
//! Own codes are coloured from [`OWN_PALETTE`], whose colours keep body text at WCAG AA
//! contrast (checked by `codebook`'s contrast test, as the GCM's colours are).

pub use crate::casefold::fold;
use crate::codebook::{self, Tag, TagKind};
use crate::fields::Field;
use crate::text::{clip, isolate};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// The prefix of every own code's id.
pub const OWN_PREFIX: &str = "code-";

/// The most own codes a codebook holds. NVivo and MAXQDA projects of a few hundred codes are
/// common; a file with more is refused rather than flooding the palette.
pub const MAX_OWN_CODES: usize = 1_000;

/// The colours an own code can have, `#rrggbb`. Twelve hues at the lightness of the GCM's
/// objectives, so that a 70% highlight of any of them keeps body text (`codebook::INK`) at
/// WCAG 2 AA contrast or better; a colour from a file that is not here is replaced by the
/// nearest of them ([`nearest_palette_color`]).
pub const OWN_PALETTE: [&str; 12] = [
    "#f7b0b0", "#f9c49a", "#efd98a", "#cfe08e", "#a8dca0", "#8fdcc4", "#8ed6e6", "#a6c8f5",
    "#c0b8f5", "#dcb4ec", "#f0b2d8", "#d4cfc4",
];

/// One code the user made or imported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnCode {
    /// `code-<uuid>`: what annotations' `tags` hold; never changes.
    pub id: String,
    /// Shown in chips, lists and exports; at most [`Field::CodeName`] code points, unique
    /// among all codes ignoring case and accents ([`Codebook::check_name`]).
    pub name: String,
    /// `#rrggbb`, one of [`OWN_PALETTE`].
    pub color: String,
    /// The code it is nested under: a GCM tag's id or another own code's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// What the code means (REFI-QDA's `Description`); empty when none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

impl OwnCode {
    /// The UUID in the id (`code-<uuid>` → `<uuid>`).
    pub fn uuid(&self) -> &str {
        self.id.strip_prefix(OWN_PREFIX).unwrap_or(&self.id)
    }
}

/// A code of either kind, as views and exports see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Code<'a> {
    Gcm(&'static Tag),
    Own(&'a OwnCode),
}

impl<'a> Code<'a> {
    pub fn id(&self) -> &'a str {
        match self {
            Code::Gcm(t) => t.id,
            Code::Own(c) => &c.id,
        }
    }

    /// The short name: `Eliminate discrimination`, or the own code's name.
    pub fn name(&self) -> &'a str {
        match self {
            Code::Gcm(t) => t.short,
            Code::Own(c) => &c.name,
        }
    }

    /// The accessible name: [`Tag::label`] for a GCM tag, the name for an own code.
    pub fn label(&self) -> String {
        match self {
            Code::Gcm(t) => t.label(),
            Code::Own(c) => c.name.clone(),
        }
    }

    /// What exports call the code: a GCM tag's English label ([`Tag::export_label`]), an own
    /// code's name.
    pub fn export_label(&self) -> String {
        match self {
            Code::Gcm(t) => t.export_label(),
            Code::Own(c) => c.name.clone(),
        }
    }

    /// `#rrggbb`.
    pub fn color(&self) -> &'a str {
        match self {
            Code::Gcm(t) => t.color,
            Code::Own(c) => &c.color,
        }
    }

    /// The id of the code it is nested under; GCM tags are top level.
    pub fn parent(&self) -> Option<&'a str> {
        match self {
            Code::Gcm(_) => None,
            Code::Own(c) => c.parent.as_deref(),
        }
    }

    /// The GCM tag, for a GCM code.
    pub fn gcm(&self) -> Option<&'static Tag> {
        match self {
            Code::Gcm(t) => Some(t),
            Code::Own(_) => None,
        }
    }
}

/// Why a list of code ids cannot tag an annotation ([`Codebook::normalize`]); an
/// annotation's error (`annotation::AnnotationError`, made from it) says it in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TagsError {
    /// No code was chosen.
    NoTags,
    /// An id that the codebook does not have.
    Unknown(String),
}

/// Why an own code cannot be made, renamed or nested as asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// The name is empty or only white space.
    EmptyName,
    /// Another code (a GCM tag or an own code) has this name, ignoring case and accents.
    NameTaken { name: String, by: String },
    /// The parent is not a code of this codebook.
    UnknownParent(String),
    /// Nesting a code under itself or under one of its own descendants.
    Cycle,
    /// No own code has this id (GCM tags cannot be renamed, recoloured or deleted).
    NotOwn(String),
    /// The codebook already holds [`MAX_OWN_CODES`].
    TooMany,
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeError::EmptyName => f.write_str(&t!("code-error-empty")),
            CodeError::NameTaken { name, by } => {
                let name = isolate(&clip(name, 80));
                f.write_str(&t!("code-error-taken", name = name, by = *by))
            }
            CodeError::UnknownParent(p) => {
                f.write_str(&t!("code-error-parent", name = isolate(&clip(p, 80))))
            }
            CodeError::Cycle => f.write_str(&t!("code-error-cycle")),
            CodeError::NotOwn(id) => {
                f.write_str(&t!("code-error-not-own", name = isolate(&clip(id, 80))))
            }
            CodeError::TooMany => f.write_str(&t!("code-error-too-many", count = MAX_OWN_CODES)),
        }
    }
}

impl std::error::Error for CodeError {}

/// The GCM's tags and the user's own codes. Cheap to clone (the own codes are shared until
/// changed, as the library's annotations are).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Codebook {
    own: Arc<Vec<OwnCode>>,
}

impl Codebook {
    /// A codebook with these own codes, in this order (as stored or imported).
    pub fn new(own: Vec<OwnCode>) -> Codebook {
        Codebook { own: Arc::new(own) }
    }

    /// The own codes, in the order they were made.
    pub fn own(&self) -> &[OwnCode] {
        &self.own
    }

    /// The own codes, shared: a view can tell in O(1) whether they changed.
    pub fn own_shared(&self) -> &Arc<Vec<OwnCode>> {
        &self.own
    }

    /// The own code with this id.
    pub fn own_code(&self, id: &str) -> Option<&OwnCode> {
        if !id.starts_with(OWN_PREFIX) {
            return None;
        }
        self.own.iter().find(|c| c.id == id)
    }

    /// The code with this id, of either kind.
    pub fn code(&self, id: &str) -> Option<Code<'_>> {
        codebook::tag(id)
            .map(Code::Gcm)
            .or_else(|| self.own_code(id).map(Code::Own))
    }

    /// True when a code has this id.
    pub fn contains(&self, id: &str) -> bool {
        self.code(id).is_some()
    }

    /// Every code: the GCM's 33 in codebook order, then the own codes in the order made.
    pub fn codes(&self) -> impl Iterator<Item = Code<'_>> {
        codebook::TAGS
            .iter()
            .map(Code::Gcm)
            .chain(self.own.iter().map(Code::Own))
    }

    /// A code's position in [`Codebook::codes`]: the order tags are listed and exported in.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        codebook::index_of(id).or_else(|| {
            if !id.starts_with(OWN_PREFIX) {
                return None;
            }
            let i = self.own.iter().position(|c| c.id == id)?;
            Some(codebook::TAGS.len() + i)
        })
    }

    /// The codes nested directly under `id`, in the order made.
    pub fn children<'s>(&'s self, id: &'s str) -> impl Iterator<Item = &'s OwnCode> + 's {
        self.own
            .iter()
            .filter(move |c| c.parent.as_deref() == Some(id))
    }

    /// True when `ancestor` is `id` itself or a code that `id` is nested under, at any depth.
    pub fn is_within(&self, id: &str, ancestor: &str) -> bool {
        let mut at = Some(id);
        // A stored codebook is checked for cycles, but a walk is bounded all the same.
        for _ in 0..=self.own.len() {
            match at {
                Some(a) if a == ancestor => return true,
                Some(a) => at = self.own_code(a).and_then(|c| c.parent.as_deref()),
                None => return false,
            }
        }
        false
    }

    /// The nesting depth of a code: 0 at the top level.
    pub fn depth(&self, id: &str) -> usize {
        let mut depth = 0;
        let mut at = self.own_code(id).and_then(|c| c.parent.as_deref());
        while let Some(p) = at {
            depth += 1;
            if depth > self.own.len() {
                break;
            }
            at = self.own_code(p).and_then(|c| c.parent.as_deref());
        }
        depth
    }

    /// Puts code ids in codebook order without repeats, and checks that each exists and that
    /// there is at least one.
    pub fn normalize(&self, tags: &[String]) -> Result<Vec<String>, TagsError> {
        let mut indexed = Vec::with_capacity(tags.len());
        for t in tags {
            let i = self
                .index_of(t)
                .ok_or_else(|| TagsError::Unknown(t.clone()))?;
            indexed.push((i, t));
        }
        if indexed.is_empty() {
            return Err(TagsError::NoTags);
        }
        crate::sort::sort_by_key(&mut indexed, |(i, _)| *i);
        indexed.dedup_by_key(|(i, _)| *i);
        Ok(indexed.into_iter().map(|(_, t)| t.clone()).collect())
    }

    /// Checks a name for an own code: trimmed, not empty, clipped to [`Field::CodeName`],
    /// and not the name of another code (a GCM tag's short name or label, or another own
    /// code's name), ignoring case and accents ([`fold`]). `renaming` is the code being
    /// renamed, whose own name does not count. Returns the name as it will be kept.
    pub fn check_name(&self, name: &str, renaming: Option<&str>) -> Result<String, CodeError> {
        let (name, _) = Field::CodeName.clip(name.trim());
        let name = name.trim().to_string();
        if name.is_empty() {
            return Err(CodeError::EmptyName);
        }
        let folded = fold(&name);
        for t in codebook::TAGS.iter() {
            if fold(t.short) == folded
                || fold(&t.export_label()) == folded
                || fold(&t.label()) == folded
                || fold(t.id) == folded
            {
                return Err(CodeError::NameTaken {
                    name,
                    by: match t.kind {
                        TagKind::Objective => t!("code-by-objective", number = t.number),
                        TagKind::Principle => t!("code-by-principle"),
                    },
                });
            }
        }
        if let Some(c) = self
            .own
            .iter()
            .find(|c| Some(c.id.as_str()) != renaming && fold(&c.name) == folded)
        {
            return Err(CodeError::NameTaken {
                by: t!("code-by-own", name = isolate(&c.name)),
                name,
            });
        }
        Ok(name)
    }

    /// Checks that `parent` can hold `id`: it is a code here, and not `id` or one of its
    /// sub-codes.
    pub fn check_parent(&self, id: &str, parent: Option<&str>) -> Result<(), CodeError> {
        let Some(p) = parent else { return Ok(()) };
        if !self.contains(p) {
            return Err(CodeError::UnknownParent(p.to_string()));
        }
        if self.is_within(p, id) {
            return Err(CodeError::Cycle);
        }
        Ok(())
    }

    /// Adds an own code: its name checked ([`Codebook::check_name`]), its colour one of
    /// [`OWN_PALETTE`] (else the nearest), its parent a code here. Returns the code added.
    pub fn add(&mut self, mut code: OwnCode) -> Result<&OwnCode, CodeError> {
        if self.own.len() >= MAX_OWN_CODES {
            return Err(CodeError::TooMany);
        }
        code.name = self.check_name(&code.name, None)?;
        code.color = nearest_palette_color(&code.color).to_string();
        if let Some(p) = code.parent.as_deref() {
            if !self.contains(p) {
                return Err(CodeError::UnknownParent(p.to_string()));
            }
        }
        let own = Arc::make_mut(&mut self.own);
        own.push(code);
        Ok(&own[own.len() - 1])
    }

    /// Replaces an own code's name, colour, parent and description (its id stays), checking
    /// each as [`Codebook::add`] does, and that nesting makes no cycle.
    pub fn update(&mut self, code: OwnCode) -> Result<(), CodeError> {
        let Some(i) = self.own.iter().position(|c| c.id == code.id) else {
            return Err(CodeError::NotOwn(code.id));
        };
        let name = self.check_name(&code.name, Some(&code.id))?;
        self.check_parent(&code.id, code.parent.as_deref())?;
        let color = nearest_palette_color(&code.color).to_string();
        Arc::make_mut(&mut self.own)[i] = OwnCode {
            name,
            color,
            ..code
        };
        Ok(())
    }

    /// Takes an own code out; its sub-codes move up to its parent. Returns it.
    pub fn remove(&mut self, id: &str) -> Result<OwnCode, CodeError> {
        let Some(i) = self.own.iter().position(|c| c.id == id) else {
            return Err(CodeError::NotOwn(id.to_string()));
        };
        let own = Arc::make_mut(&mut self.own);
        let gone = own.remove(i);
        for c in own.iter_mut() {
            if c.parent.as_deref() == Some(id) {
                c.parent = gone.parent.clone();
            }
        }
        Ok(gone)
    }
}

/// The colour of [`OWN_PALETTE`] nearest to `hex` (`#rrggbb`, any case), by distance in
/// sRGB; the first one when `hex` is not a colour.
pub fn nearest_palette_color(hex: &str) -> &'static str {
    let Some((r, g, b)) = codebook::rgb(&hex.to_ascii_lowercase()) else {
        return OWN_PALETTE[0];
    };
    let dist = |p: &str| {
        let (pr, pg, pb) = codebook::rgb(p).unwrap_or_default();
        let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).pow(2);
        d(r, pr) + d(g, pg) + d(b, pb)
    };
    OWN_PALETTE
        .iter()
        .min_by_key(|p| dist(p))
        .copied()
        .unwrap_or(OWN_PALETTE[0])
}

/// The own codes in the order a tree shows them: each after its parent (or at the top level
/// when its parent is a GCM tag or missing), siblings in the order made, with its depth
/// among own codes (0 at the top).
pub fn own_in_tree_order(codebook: &Codebook) -> Vec<(&OwnCode, usize)> {
    let own = codebook.own();
    let is_top = |c: &OwnCode| {
        c.parent
            .as_deref()
            .is_none_or(|p| codebook.own_code(p).is_none())
    };
    let mut out = Vec::with_capacity(own.len());
    let mut stack: Vec<(&OwnCode, usize)> = own
        .iter()
        .filter(|c| is_top(c))
        .rev()
        .map(|c| (c, 0))
        .collect();
    while let Some((c, depth)) = stack.pop() {
        if out.len() > own.len() {
            break;
        }
        out.push((c, depth));
        let children: Vec<&OwnCode> = codebook.children(&c.id).collect();
        stack.extend(children.into_iter().rev().map(|k| (k, depth + 1)));
    }
    out
}

/// The palette colour for the `n`th own code made, so that new codes cycle through it.
pub fn palette_color(n: usize) -> &'static str {
    OWN_PALETTE[n % OWN_PALETTE.len()]
}

/// The colour for a new code: the first of [`OWN_PALETTE`] that no own code has, else
/// [`palette_color`] of how many there are.
pub fn next_color(codebook: &Codebook) -> &'static str {
    OWN_PALETTE
        .iter()
        .copied()
        .find(|p| !codebook.own().iter().any(|c| c.color == *p))
        .unwrap_or_else(|| palette_color(codebook.own().len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn own(id: &str, name: &str, parent: Option<&str>) -> OwnCode {
        OwnCode {
            id: format!("{OWN_PREFIX}{id}"),
            name: name.into(),
            color: OWN_PALETTE[0].into(),
            parent: parent.map(String::from),
            description: String::new(),
        }
    }

    #[test]
    fn own_codes_come_after_the_gcm_tags_in_every_listing() {
        let mut book = Codebook::default();
        book.add(own("a", "Actor: State", None)).unwrap();
        book.add(own("b", "Stance", Some("objective-17"))).unwrap();
        assert_eq!(book.codes().count(), 35);
        assert_eq!(book.index_of("objective-1"), Some(0));
        assert_eq!(book.index_of("code-a"), Some(33));
        assert_eq!(book.index_of("code-b"), Some(34));
        assert_eq!(book.index_of("code-zz"), None);
        let tags = [
            "code-b",
            "principle-human-rights",
            "code-a",
            "objective-3",
            "code-b",
        ]
        .map(String::from);
        assert_eq!(
            book.normalize(&tags).unwrap(),
            ["objective-3", "principle-human-rights", "code-a", "code-b"]
        );
        assert!(book.normalize(&["code-zz".to_string()]).is_err());
        assert_eq!(book.code("code-b").unwrap().parent(), Some("objective-17"));
    }

    #[test]
    fn names_are_unique_ignoring_case_and_accents_and_never_a_gcm_name() {
        let mut book = Codebook::default();
        book.add(own("a", "Écart de mise en œuvre", None)).unwrap();
        for taken in [
            "ecart de mise en oeuvre",
            "  ÉCART   de mise en œuvre ",
            "Ecart de mise en oeuvre",
        ] {
            assert!(
                matches!(
                    book.check_name(taken, None),
                    Err(CodeError::NameTaken { .. })
                ),
                "{taken}"
            );
        }
        assert!(book
            .check_name("Ecart de mise en oeuvre", Some("code-a"))
            .is_ok());
        for gcm in [
            "eliminate DISCRIMINATION",
            "Objective 17: Eliminate discrimination",
            "Human Rights",
            "Data",
        ] {
            assert!(
                matches!(book.check_name(gcm, None), Err(CodeError::NameTaken { .. })),
                "{gcm}"
            );
        }
        assert_eq!(book.check_name("   ", None), Err(CodeError::EmptyName));
        let long = "é".repeat(300);
        assert_eq!(book.check_name(&long, None).unwrap().chars().count(), 100);
    }

    #[test]
    fn nesting_refuses_cycles_and_removal_lifts_children() {
        let mut book = Codebook::default();
        book.add(own("a", "A", Some("objective-1"))).unwrap();
        book.add(own("b", "B", Some("code-a"))).unwrap();
        book.add(own("c", "C", Some("code-b"))).unwrap();
        // Under objective 1, A, then B.
        assert_eq!(book.depth("code-c"), 3);
        let mut a = book.own_code("code-a").unwrap().clone();
        a.parent = Some("code-c".into());
        assert_eq!(book.update(a.clone()), Err(CodeError::Cycle));
        a.parent = Some("code-a".into());
        assert_eq!(book.update(a), Err(CodeError::Cycle));
        assert!(matches!(
            book.add(own("d", "D", Some("code-zz"))),
            Err(CodeError::UnknownParent(_))
        ));
        book.remove("code-b").unwrap();
        assert_eq!(
            book.own_code("code-c").unwrap().parent.as_deref(),
            Some("code-a")
        );
        assert!(matches!(
            book.remove("objective-1"),
            Err(CodeError::NotOwn(_))
        ));
    }

    #[test]
    fn a_new_code_takes_a_colour_no_code_has() {
        let mut book = Codebook::default();
        assert_eq!(next_color(&book), OWN_PALETTE[0]);
        let mut a = own("a", "A", None);
        a.color = OWN_PALETTE[1].into();
        book.add(a).unwrap();
        assert_eq!(next_color(&book), OWN_PALETTE[0]);
        book.add(own("b", "B", None)).unwrap();
        assert_eq!(next_color(&book), OWN_PALETTE[2], "0 and 1 are taken");
    }

    #[test]
    fn colours_outside_the_palette_snap_to_the_nearest() {
        assert_eq!(nearest_palette_color("#F7B0B0"), "#f7b0b0");
        assert_eq!(nearest_palette_color("#ff0000"), "#f7b0b0");
        assert_eq!(nearest_palette_color("blue"), OWN_PALETTE[0]);
        let mut book = Codebook::default();
        let mut c = own("a", "A", None);
        c.color = "#A6C8F0".into();
        assert_eq!(book.add(c).unwrap().color, "#a6c8f5");
    }

    /// Own codes are highlighted like the GCM's tags, at 70% over the paper: body text must
    /// stay at WCAG AA over each colour, and over any two overlapping (an own code's and a
    /// GCM tag's, or two own codes').
    #[test]
    fn body_text_over_own_colours_and_their_overlaps_meets_wcag_aa() {
        use crate::codebook::{contrast_ratio, rgb, INK, PAPER, TAGS};
        let (ink, paper) = (rgb(INK).unwrap(), rgb(PAPER).unwrap());
        let over = |top: (u8, u8, u8), under: (u8, u8, u8)| {
            let mix = |a: u8, b: u8| (0.7 * f64::from(a) + 0.3 * f64::from(b)).round() as u8;
            (
                mix(top.0, under.0),
                mix(top.1, under.1),
                mix(top.2, under.2),
            )
        };
        let all: Vec<&str> = OWN_PALETTE
            .iter()
            .copied()
            .chain(TAGS.iter().map(|t| t.color))
            .collect();
        for own in OWN_PALETTE {
            assert!(
                contrast_ratio(ink, over(rgb(own).unwrap(), paper)) >= 7.0,
                "{own}"
            );
            for other in &all {
                let bg = over(rgb(own).unwrap(), over(rgb(other).unwrap(), paper));
                let ratio = contrast_ratio(ink, bg);
                assert!(ratio >= 4.5, "{own} over {other}: {ratio:.2}");
                let bg = over(rgb(other).unwrap(), over(rgb(own).unwrap(), paper));
                assert!(contrast_ratio(ink, bg) >= 4.5, "{other} over {own}");
            }
        }
        // The dark theme: the same ink over the same colours, on the dark paper.
        let dark = rgb(crate::codebook::DARK_PAPER).unwrap();
        for own in OWN_PALETTE {
            for other in &all {
                let bg = over(rgb(own).unwrap(), over(rgb(other).unwrap(), dark));
                let ratio = contrast_ratio(ink, bg);
                assert!(ratio >= 4.5, "{own} over {other}, dark: {ratio:.2}");
            }
            let alone = contrast_ratio(ink, over(rgb(own).unwrap(), dark));
            assert!(alone >= 4.5, "{own} on the dark paper: {alone:.2}");
        }
        let distinct: std::collections::HashSet<&str> = OWN_PALETTE.iter().copied().collect();
        assert_eq!(distinct.len(), OWN_PALETTE.len());
    }

    /// `styles/highlights.css` must colour every own-code layer as the palette does.
    #[test]
    fn highlight_stylesheet_has_every_own_colour() {
        let css = include_str!("../styles/highlights.css");
        for (i, c) in OWN_PALETTE.iter().enumerate() {
            let ink = crate::codebook::INK;
            let rule = format!("::highlight(own-{i}) {{ background-color: {c}b3; color: {ink}; }}");
            assert!(css.contains(&rule), "styles/highlights.css lacks: {rule}");
        }
    }

    #[test]
    fn fold_ignores_case_accents_and_spacing() {
        assert_eq!(fold("  À  comparer "), "a comparer");
        assert_eq!(fold("Migración"), "migracion");
        assert_eq!(fold("e\u{301}cart"), "ecart");
        assert_eq!(fold("Straße"), "strasse");
    }
}
