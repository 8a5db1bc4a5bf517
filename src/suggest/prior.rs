//! The learned suggester's seed prior: the GCM's own words for each tag, in English, French
//! and Spanish, which the model starts from before the reader annotates anything.

use super::rules::LEXICON;
use crate::codebook::TAGS;

/// The GCM's objective titles as seed 000 lists them ("1. Collect and utilize …", one a line,
/// though one line holds two: "10. … 11. …"), by number.
pub fn seed_objectives(seed: &str) -> Vec<(u8, &str)> {
    let mut out: Vec<(u8, &str)> = Vec::new();
    for line in seed.lines() {
        let mut rest = line.trim();
        let next = out.len() as u8 + 1;
        let Some(after) = rest.strip_prefix(&format!("{next}. ")) else {
            continue;
        };
        rest = after;
        let mut n = next;
        loop {
            let marker = format!(" {}. ", n + 1);
            match rest.find(&marker) {
                Some(at) if n < 23 => {
                    out.push((n, rest[..at].trim()));
                    rest = &rest[at + marker.len()..];
                    n += 1;
                }
                _ => {
                    out.push((n, rest.trim()));
                    break;
                }
            }
        }
        if out.len() >= 23 {
            break;
        }
    }
    out
}

/// The value of `key = value` in a Fluent catalogue (single-line messages only).
fn ftl<'a>(catalogue: &'a str, key: &str) -> Option<&'a str> {
    catalogue.lines().find_map(|l| {
        let (k, v) = l.split_once(" = ")?;
        (k.trim() == key).then_some(v.trim())
    })
}

/// The seed prior's text for each tag, in [`TAGS`] order: the codebook's short name and
/// title, the objective's title as seed 000 lists it, the French and Spanish short names and
/// titles of the app's catalogues (the UN's wording where there is one), and the keyword
/// lexicon's stems in the three languages.
pub fn seed_texts() -> Vec<String> {
    const SEED_000: &str = include_str!("../../seeds/000_ebabb0657f756768.txt");
    const FR: &str = include_str!("../i18n/fr/codebook.ftl");
    const ES: &str = include_str!("../i18n/es/codebook.ftl");
    let objectives = seed_objectives(SEED_000);
    TAGS.iter()
        .map(|tag| {
            let mut parts = vec![tag.short.to_string(), tag.title.to_string()];
            if let Some((_, line)) = objectives
                .iter()
                .find(|(n, _)| tag.kind == crate::codebook::TagKind::Objective && *n == tag.number)
            {
                parts.push(line.to_string());
            }
            for catalogue in [FR, ES] {
                for part in ["short", "title"] {
                    if let Some(v) = ftl(catalogue, &format!("tag-{part}-{}", tag.id)) {
                        parts.push(v.to_string());
                    }
                }
            }
            if let Some((_, stems)) = LEXICON.iter().find(|(id, _)| *id == tag.id) {
                parts.extend(stems.iter().map(|s| s.to_string()));
            }
            parts.join(" . ")
        })
        .collect()
}
