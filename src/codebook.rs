//! The GCM codebook: the 23 objectives and 10 guiding principles that passages are tagged
//! with, their stable ids, names and highlight colours.
//!
//! Objective titles are quoted as seed 000 lists them; short names and the principles are
//! taken from seed 003. Ids never change once released: exports and other annotators' files
//! refer to them. Anything that would change what a tag means bumps [`CODEBOOK_VERSION`].

use serde::Serialize;

/// The version of this codebook, written into every export.
pub const CODEBOOK_VERSION: &str = "gcm-2018/1";

/// Whether a tag is one of the 23 objectives or one of the 10 guiding principles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TagKind {
    Objective,
    Principle,
}

/// One entry of the codebook.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Tag {
    /// Stable id used in exports, such as `objective-17` or `principle-human-rights`.
    pub id: &'static str,
    pub kind: TagKind,
    /// 1–23 for objectives; 1–10 (their order in the GCM) for principles.
    pub number: u8,
    /// The short name, such as `Eliminate discrimination`.
    pub short: &'static str,
    /// The objective's full title, or a sentence on what the principle means.
    pub title: &'static str,
    /// Highlight background, `#rrggbb`. Light enough that body text over it meets WCAG AAA
    /// contrast, and neighbours in the list differ in hue so that adjacent tags are told apart.
    pub color: &'static str,
}

impl Tag {
    /// The accessible name in the interface's language, in the form screen readers and
    /// tests rely on: `Objective 17: Eliminate discrimination` or `Principle: Human rights`.
    pub fn label(&self) -> String {
        match self.kind {
            TagKind::Objective => t!(
                "tag-label-objective",
                number = self.number,
                name = self.name()
            ),
            TagKind::Principle => t!("tag-label-principle", name = self.name()),
        }
    }

    /// The label every export writes, in English whatever the interface's language:
    /// `Objective 17: Eliminate discrimination`, `Principle: Human rights`. Files read the
    /// same whoever made them, and other tools (NVivo, brat, doccano) see stable names.
    pub fn export_label(&self) -> String {
        match self.kind {
            TagKind::Objective => format!("Objective {}: {}", self.number, self.short),
            TagKind::Principle => format!("Principle: {}", self.short),
        }
    }

    /// The short name in the interface's language: the catalogue's `tag-short-<id>`, or
    /// [`Tag::short`] in English (not repeated in the English catalogue: the first load
    /// carries it once). Exports keep the English, so that files read the same whoever made
    /// them.
    pub fn name(&self) -> String {
        crate::i18n::lookup(&format!("tag-short-{}", self.id), &[])
            .unwrap_or_else(|| self.short.to_string())
    }

    /// The full title (objective) or meaning (principle) in the interface's language:
    /// `tag-title-<id>`, or [`Tag::title`] in English.
    pub fn description(&self) -> String {
        crate::i18n::lookup(&format!("tag-title-{}", self.id), &[])
            .unwrap_or_else(|| self.title.to_string())
    }

    /// Whether the name or title shown in the interface's language is a translation of
    /// ours rather than the UN's own wording (the catalogue marks those messages
    /// `.wording = unofficial`; the UI says so beside them).
    pub fn unofficial(&self) -> bool {
        ["short", "title"].iter().any(|part| {
            let id = format!("tag-{part}-{}.wording", self.id);
            crate::i18n::lookup(&id, &[]).as_deref() == Some("unofficial")
        })
    }

    /// A compact badge: `17` for an objective, `P1` for a principle.
    pub fn badge(&self) -> String {
        match self.kind {
            TagKind::Objective => self.number.to_string(),
            TagKind::Principle => format!("P{}", self.number),
        }
    }
}

const fn objective(
    id: &'static str,
    number: u8,
    short: &'static str,
    title: &'static str,
    color: &'static str,
) -> Tag {
    Tag {
        id,
        kind: TagKind::Objective,
        number,
        short,
        title,
        color,
    }
}

const fn principle(
    id: &'static str,
    number: u8,
    short: &'static str,
    title: &'static str,
    color: &'static str,
) -> Tag {
    Tag {
        id,
        kind: TagKind::Principle,
        number,
        short,
        title,
        color,
    }
}

/// Every tag: the 23 objectives in order, then the 10 guiding principles.
///
/// Colours were picked in OKLCH: objectives step around the hue circle by 7/23 of a turn
/// (so consecutive objectives are far apart) at alternating lightness 0.86/0.80 and chroma
/// 0.10; principles are paler (lightness 0.89, chroma 0.085, hue step 108°) so the two families read apart.
pub static TAGS: [Tag; 33] = [
    objective("objective-1", 1, "Data", "Collect and utilize accurate and disaggregated data as a basis for evidence-based policies", "#ffb6ce"),
    objective("objective-2", 2, "Minimize adverse drivers", "Minimize the adverse drivers and structural factors that compel people to leave their country of origin", "#c2c476"),
    objective("objective-3", 3, "Information provision", "Provide accurate and timely information at all stages of migration", "#80e1fe"),
    objective("objective-4", 4, "Legal identity and documentation", "Ensure that all migrants have proof of legal identity and adequate documentation", "#e2a7de"),
    objective("objective-5", 5, "Regular pathways", "Enhance availability and flexibility of pathways for regular migration", "#f5c984"),
    objective("objective-6", 6, "Recruitment and decent work", "Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work", "#68d3c9"),
    objective("objective-7", 7, "Reduce vulnerabilities", "Address and reduce vulnerabilities in migration", "#d8c3ff"),
    objective("objective-8", 8, "Save lives", "Save lives and establish coordinated international efforts on missing migrants", "#f4aa86"),
    objective("objective-9", 9, "Counter smuggling", "Strengthen the transnational response to smuggling of migrants", "#99e5b6"),
    objective("objective-10", 10, "Eradicate trafficking", "Prevent, combat and eradicate trafficking in persons in the context of international migration", "#a0bcff"),
    objective("objective-11", 11, "Manage borders", "Manage borders in an integrated, secure and coordinated manner", "#ffb6bb"),
    objective("objective-12", 12, "Screening and referral", "Strengthen certainty and predictability in migration procedures for appropriate screening, assessment and referral", "#afc982"),
    objective("objective-13", 13, "Alternatives to detention", "Use migration detention only as a measure of last resort and work towards alternatives", "#8ddcff"),
    objective("objective-14", 14, "Consular protection", "Enhance consular protection, assistance and cooperation throughout the migration cycle", "#eca4cd"),
    objective("objective-15", 15, "Access to basic services", "Provide access to basic services for migrants", "#e6d083"),
    objective("objective-16", 16, "Inclusion and social cohesion", "Empower migrants and societies to realize full inclusion and social cohesion", "#65d1db"),
    objective("objective-17", 17, "Eliminate discrimination", "Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration", "#e8beff"),
    objective("objective-18", 18, "Skills development and recognition", "Invest in skills development and facilitate mutual recognition of skills, qualifications and competences", "#ecaf79"),
    objective("objective-19", 19, "Migrant and diaspora contributions", "Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries", "#88e7ca"),
    objective("objective-20", 20, "Remittances", "Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants", "#b3b6fd"),
    objective("objective-21", 21, "Dignified return and reintegration", "Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration", "#ffb9a9"),
    objective("objective-22", 22, "Social protection", "Establish mechanisms for the portability of social security entitlements and earned benefits", "#9ace91"),
    objective("objective-23", 23, "International cooperation", "Strengthen international cooperation and global partnerships for safe, orderly and regular migration", "#9fd6ff"),
    principle("principle-human-rights", 1, "Human rights", "Grounded in international human rights law; upholds non-regression and non-discrimination, and the human rights of all migrants regardless of status.", "#ffc5c6"),
    principle("principle-child-sensitive", 2, "Child-sensitive", "Promotes existing international legal obligations on the rights of the child and the best interests of the child in all situations.", "#cde6a8"),
    principle("principle-whole-of-society-approach", 3, "Whole-of-society approach", "Broad multi-stakeholder partnerships: migrants, diasporas, local communities, civil society, academia, the private sector and others.", "#a2e5ff"),
    principle("principle-international-cooperation", 4, "International cooperation", "Migration is transnational and cannot be addressed by any State alone; cooperation and dialogue are needed.", "#ffc5eb"),
    principle("principle-rule-of-law-and-due-process", 5, "Rule of law and due process", "Respect for, protection and fulfilment of the rule of law, due process and access to justice.", "#f1d99a"),
    principle("principle-gender-responsive", 6, "Gender-responsive", "Respects the human rights of women, men, girls and boys at all stages of migration and mainstreams a gender perspective.", "#94edef"),
    principle("principle-whole-of-government-approach", 7, "Whole-of-government approach", "Migration policy needs horizontal and vertical coherence across all sectors and levels of government.", "#e9cdff"),
    principle("principle-people-centered", 8, "People-centered", "A strong human dimension: promotes the well-being of migrants and members of communities in countries of origin, transit and destination.", "#ffcca6"),
    principle("principle-national-sovereignty", 9, "National sovereignty", "Reaffirms the sovereign right of States to determine their national migration policy, in conformity with international law.", "#a7edca"),
    principle("principle-sustainable-development", 10, "Sustainable development", "Rooted in the 2030 Agenda for Sustainable Development; migration as a multidimensional reality for sustainable development.", "#c5d9ff"),
];

/// The 23 objectives, in order.
pub fn objectives() -> impl Iterator<Item = &'static Tag> {
    TAGS.iter().filter(|t| t.kind == TagKind::Objective)
}

/// The 10 guiding principles, in the GCM's order.
pub fn principles() -> impl Iterator<Item = &'static Tag> {
    TAGS.iter().filter(|t| t.kind == TagKind::Principle)
}

/// The tag with this id, if the codebook has one.
pub fn tag(id: &str) -> Option<&'static Tag> {
    TAGS.iter().find(|t| t.id == id)
}

/// The position of a tag in [`TAGS`], used as a compact index (highlight layers, counts).
/// Objectives are found by their number (an import looks up 20,000 tags), principles by a
/// scan of the ten.
pub fn index_of(id: &str) -> Option<usize> {
    if let Some(n) = id.strip_prefix("objective-") {
        let i = n.parse::<usize>().ok()?.checked_sub(1)?;
        // `parse` takes "+7" and "07": only the canonical spelling is the tag.
        return (i < OBJECTIVES && TAGS[i].id == id).then_some(i);
    }
    TAGS[OBJECTIVES..]
        .iter()
        .position(|t| t.id == id)
        .map(|i| i + OBJECTIVES)
}

/// How many of [`TAGS`] are objectives (they come first).
const OBJECTIVES: usize = 23;

/// A set of tags as bits of their [`index_of`] (33 tags fit in a `u64`); unknown ids are
/// left out. Two annotations with the same tags have the same mask.
pub fn mask_of(tags: &[String]) -> u64 {
    tags.iter()
        .filter_map(|t| index_of(t))
        .fold(0, |m, i| m | 1 << i)
}

/// Parses `#rrggbb`.
pub fn rgb(hex: &str) -> Option<(u8, u8, u8)> {
    let h = hex.strip_prefix('#')?;
    if h.len() != 6 {
        return None;
    }
    let n = u32::from_str_radix(h, 16).ok()?;
    Some(((n >> 16) as u8, (n >> 8) as u8, n as u8))
}

/// WCAG 2 relative luminance of an sRGB colour.
pub fn relative_luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// WCAG 2 contrast ratio between two colours (1 to 21).
pub fn contrast_ratio(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// The body text colour of the reading view (see `styles/app.css`, `--ink`).
pub const INK: &str = "#1f2328";

/// The background of the reading view (see `styles/app.css`, `--paper`).
pub const PAPER: &str = "#fdfcf9";

/// The background of the reading view in the dark theme (`styles/app.css`, the dark value
/// of `--paper`). Tag colours keep [`INK`] as their text colour in both themes
/// (`styles/highlights.css`), so highlights are checked against it over this paper too.
pub const DARK_PAPER: &str = "#1c1e22";

/// How well a tag matches what was typed into the palette's search box: `Some(0)` when
/// every word typed appears (ignoring case and accents) in its number or name, `Some(1)`
/// when some only appear in its full title, `None` when a word appears nowhere. Names and
/// titles are read in the interface's language and in English. A number matches the
/// objective with that number only, not the `1` in `17`; `P1` (its badge) matches the
/// first principle, and so does a number after the word `principle` (`principle 1`,
/// `principe 1`, `principio 1`).
/// `17`, `disc`, `P3` and `human rights` all find what a reader expects, first.
pub fn tag_match(tag: &Tag, query: &str) -> Option<u8> {
    // In the interface's language and in English (the codebook's own names, which every
    // export and many users know), so that `frontières` and `borders` both find objective 11.
    let name = format!("{} {} {}", tag.label(), tag.short, tag.id.replace('-', " "));
    let name = crate::casefold::fold(&name);
    let title = crate::casefold::fold(&format!("{} {}", tag.description(), tag.title));
    // A typed ' finds the ’ of « droits de l’homme ».
    let (name, title) = (name.replace('’', "'"), title.replace('’', "'"));
    let query = crate::casefold::fold(&query.replace('’', "'"));
    // principle, principe, principio.
    let principles = query.split_whitespace().any(|w| w.starts_with("princip"));
    let mut rank = 0;
    for word in query.split_whitespace() {
        let badge = word.strip_prefix('p').and_then(|n| n.parse::<u8>().ok());
        let number = word.parse::<u8>().ok();
        let wanted = match (badge, number) {
            (Some(n), _) => Some((TagKind::Principle, n)),
            (None, Some(n)) if principles => Some((TagKind::Principle, n)),
            (None, Some(n)) => Some((TagKind::Objective, n)),
            (None, None) => None,
        };
        if let Some((kind, n)) = wanted {
            if tag.kind != kind || tag.number != n {
                return None;
            }
        } else if !name.contains(word) {
            if !title.contains(word) {
                return None;
            }
            rank = 1;
        }
    }
    Some(rank)
}

/// The tags matching `query`, best matches first, each group in the order given.
pub fn search_tags(order: &[&'static Tag], query: &str) -> Vec<&'static Tag> {
    let mut hits: Vec<(u8, usize, &'static Tag)> = order
        .iter()
        .enumerate()
        .filter_map(|(i, t)| tag_match(t, query).map(|r| (r, i, *t)))
        .collect();
    crate::sort::sort_by_key(&mut hits, |(r, i, _)| (*r, *i));
    hits.into_iter().map(|(_, _, t)| t).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    const SEED_000: &str = include_str!("../seeds/000_ebabb0657f756768.txt");
    const SEED_003: &str = include_str!("../seeds/003_310a10ca591454ed.txt");

    #[test]
    fn has_23_objectives_numbered_1_to_23_and_10_principles() {
        let numbers: Vec<u8> = objectives().map(|t| t.number).collect();
        assert_eq!(numbers, (1..=23).collect::<Vec<u8>>());
        assert_eq!(principles().count(), 10);
        assert_eq!(TAGS.len(), 33);
    }

    #[test]
    fn ids_are_unique_and_follow_the_export_scheme() {
        let ids: HashSet<&str> = TAGS.iter().map(|t| t.id).collect();
        assert_eq!(ids.len(), TAGS.len());
        for t in objectives() {
            assert_eq!(t.id, format!("objective-{}", t.number));
        }
        for t in principles() {
            assert!(t.id.starts_with("principle-"), "{}", t.id);
            assert!(t.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
        }
        assert_eq!(tag("principle-human-rights").unwrap().short, "Human rights");
    }

    #[test]
    fn index_of_finds_exactly_the_codebook_ids() {
        for (i, t) in TAGS.iter().enumerate() {
            assert_eq!(index_of(t.id), Some(i), "{}", t.id);
        }
        for wrong in [
            "objective-0",
            "objective-24",
            "objective-07",
            "objective-+7",
            "objective-",
            "objective-1 ",
            "Objective-1",
            "principle-",
            "principle-human",
            "objective-99999999999999999999999",
            "",
        ] {
            assert_eq!(index_of(wrong), None, "{wrong}");
        }
        let tags = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            mask_of(&tags(&["objective-2", "principle-child-sensitive"])),
            mask_of(&tags(&[
                "principle-child-sensitive",
                "objective-2",
                "nonsense"
            ]))
        );
        assert_ne!(
            mask_of(&tags(&["objective-2"])),
            mask_of(&tags(&["objective-3"]))
        );
    }

    #[test]
    fn every_objective_title_appears_in_seed_000() {
        for t in objectives() {
            assert!(SEED_000.contains(t.title), "not in seed 000: {}", t.title);
        }
    }

    #[test]
    fn every_short_name_and_principle_appears_in_seed_003() {
        let upper = SEED_003.to_uppercase();
        for t in objectives() {
            let heading = format!("{} {}", t.number, t.short.to_uppercase());
            assert!(upper.contains(&heading), "not in seed 003: {heading}");
        }
        for t in principles() {
            assert!(SEED_003.contains(t.short), "not in seed 003: {}", t.short);
        }
    }

    #[test]
    fn labels_have_the_accessible_form() {
        assert_eq!(
            tag("objective-17").unwrap().label(),
            "Objective 17: Eliminate discrimination"
        );
        assert_eq!(
            tag("principle-human-rights").unwrap().label(),
            "Principle: Human rights"
        );
    }

    #[test]
    fn body_text_over_every_colour_meets_wcag_aaa() {
        let ink = rgb(INK).unwrap();
        for t in &TAGS {
            let ratio = contrast_ratio(ink, rgb(t.color).unwrap());
            assert!(ratio >= 7.0, "{} {} contrast {ratio:.2}", t.id, t.color);
        }
    }

    /// Highlights are drawn at 70% opacity over the paper, and overlapping passages stack
    /// two of them: text must stay readable (WCAG AA) over every pair.
    #[test]
    fn body_text_over_any_two_overlapping_highlights_meets_wcag_aa() {
        for paper in [PAPER, DARK_PAPER] {
            text_over_two_highlights_meets_wcag_aa(paper);
        }
    }

    /// In the dark theme a tag's highlight lies over the dark paper, with the same dark ink
    /// on it: one highlight alone (the palest mix) must keep that ink at AA too.
    #[test]
    fn ink_over_every_highlight_on_the_dark_paper_meets_wcag_aa() {
        let (ink, paper) = (rgb(INK).unwrap(), rgb(DARK_PAPER).unwrap());
        let mix = |a: u8, b: u8| (0.7 * f64::from(a) + 0.3 * f64::from(b)).round() as u8;
        for t in &TAGS {
            let c = rgb(t.color).unwrap();
            let bg = (mix(c.0, paper.0), mix(c.1, paper.1), mix(c.2, paper.2));
            let ratio = contrast_ratio(ink, bg);
            assert!(ratio >= 4.5, "{} on the dark paper: {ratio:.2}", t.id);
        }
    }

    fn text_over_two_highlights_meets_wcag_aa(paper: &str) {
        let ink = rgb(INK).unwrap();
        let paper = rgb(paper).unwrap();
        let over = |top: (u8, u8, u8), under: (u8, u8, u8)| {
            let mix = |a: u8, b: u8| (0.7 * f64::from(a) + 0.3 * f64::from(b)).round() as u8;
            (
                mix(top.0, under.0),
                mix(top.1, under.1),
                mix(top.2, under.2),
            )
        };
        for a in &TAGS {
            for b in &TAGS {
                let bg = over(rgb(b.color).unwrap(), over(rgb(a.color).unwrap(), paper));
                let ratio = contrast_ratio(ink, bg);
                assert!(
                    ratio >= 4.5,
                    "{} over {} on {paper:?}: {ratio:.2}",
                    b.id,
                    a.id
                );
            }
        }
    }

    #[test]
    fn neighbouring_colours_are_distinct() {
        // Euclidean distance in sRGB; 60 of a possible 441 is clearly visible side by side.
        let dist = |a: &Tag, b: &Tag| {
            let (x, y) = (rgb(a.color).unwrap(), rgb(b.color).unwrap());
            let d = |p: u8, q: u8| (f64::from(p) - f64::from(q)).powi(2);
            (d(x.0, y.0) + d(x.1, y.1) + d(x.2, y.2)).sqrt()
        };
        for pair in TAGS.windows(2) {
            assert!(
                dist(&pair[0], &pair[1]) > 60.0,
                "{} ~ {}",
                pair[0].id,
                pair[1].id
            );
        }
        let colours: HashSet<&str> = TAGS.iter().map(|t| t.color).collect();
        assert_eq!(colours.len(), TAGS.len());
    }
}

#[cfg(test)]
mod css_tests {
    use super::{search_tags, Tag, TagKind, TAGS};

    /// The stylesheet's paper and tag ink are the ones the contrast tests check.
    #[test]
    fn app_stylesheet_has_the_checked_paper_and_ink() {
        let css = include_str!("../styles/app.css");
        let paper = format!(
            "--paper: light-dark({}, {});",
            super::PAPER,
            super::DARK_PAPER
        );
        assert!(css.contains(&paper), "styles/app.css lacks: {paper}");
        let ink = format!("--tag-ink: {};", super::INK);
        assert!(css.contains(&ink), "styles/app.css lacks: {ink}");
        assert!(css.contains(&format!("--ink: light-dark({},", super::INK)));
    }

    /// `styles/highlights.css` must colour every tag as the codebook does.
    #[test]
    fn highlight_stylesheet_matches_the_codebook() {
        let css = include_str!("../styles/highlights.css");
        for t in &TAGS {
            let rule = format!(
                "::highlight({}) {{ background-color: {}b3; color: {}; }}",
                t.id,
                t.color,
                super::INK
            );
            assert!(css.contains(&rule), "styles/highlights.css lacks: {rule}");
        }
    }

    #[test]
    fn search_finds_tags_by_number_and_words_best_first() {
        let order: Vec<&'static Tag> = TAGS.iter().collect();
        let find = |q: &str| {
            search_tags(&order, q)
                .iter()
                .map(|t| t.id)
                .collect::<Vec<_>>()
        };
        assert_eq!(find("17"), ["objective-17"]);
        // Human rights' description mentions non-discrimination: found too, and rightly.
        assert_eq!(
            find("discrimination"),
            ["objective-17", "principle-human-rights"]
        );
        assert_eq!(find("HUMAN rights")[0], "principle-human-rights");
        assert_eq!(find("principle human")[0], "principle-human-rights");
        assert_eq!(find("zzz"), Vec::<&str>::new());
        // Accents and case are ignored, as in the list's search.
        assert!(find("COOPÉRATION").contains(&"objective-23"));
        assert!(find("cooperation").contains(&"objective-23"));
        assert!(find("cooperation").contains(&"principle-international-cooperation"));
        assert_eq!(find("").len(), 33);
        // A principle by its badge, or by its number after the word.
        let p1 = TAGS
            .iter()
            .find(|t| t.kind == TagKind::Principle && t.number == 1)
            .map(|t| t.id)
            .unwrap();
        assert_eq!(find("P1"), [p1]);
        assert_eq!(find("p1"), [p1]);
        assert_eq!(find("principle 1"), [p1]);
        assert_eq!(find("p10").len(), 1);
        assert_eq!(find("p11"), Vec::<&str>::new());
    }
}
