//! The rule-based suggester: the sentence around an explicit reference to an objective (`GCM
//! goal 17`, `Objective 15`, `objectives 2, 7 and 10`, French `objectif`, Spanish `objetivo`)
//! or around a keyword of the lexicon (English, French and Spanish: seed 001 is trilingual).

use crate::segment::{self, Granularity};
use crate::text::{Cp, DocText, Utf8};

/// Why a passage is suggested.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// The text names the objective by number, in these words.
    Reference(String),
    /// The text uses a keyword of the tag's lexicon.
    Keyword(&'static str),
    /// The learned model ([`super::model::Model`]) scores the passage for the tag with this
    /// confidence, in [0, 1].
    Learned {
        /// The model's confidence, in [0, 1].
        confidence: f32,
    },
}

/// A proposed annotation.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// The sentence, in code points, trimmed of surrounding white space.
    pub start: Cp,
    pub end: Cp,
    pub tag: &'static str,
    pub reason: Reason,
    /// How sure the suggester is, in [0, 1]: [`REFERENCE_CONFIDENCE`] for an explicit
    /// reference, [`KEYWORD_CONFIDENCE`] for a keyword, the model's confidence for a learned
    /// tag. The panel sorts by it and hides what falls under its threshold.
    pub confidence: f32,
}

/// The confidence of an explicit reference (`objective 17`): near-certain, and listed before
/// anything the model learned.
pub const REFERENCE_CONFIDENCE: f32 = 1.0;

/// The confidence of a keyword of the lexicon: the rules' precision on the first
/// hand-tagged set (0.75 on 48 sentences, before the lexicon was tuned on anything).
pub const KEYWORD_CONFIDENCE: f32 = 0.75;

/// Words that introduce objective numbers, lowercase, singular and plural, in the three
/// languages of the seeds.
const OBJECTIVE_WORDS: [&str; 8] = [
    "objective",
    "objectives",
    "goal",
    "goals",
    "objectif",
    "objectifs",
    "objetivo",
    "objetivos",
];

/// Words that join numbers in a list: `2, 7 and 10`, `2 et 7`, `2 y 7`.
const JOINERS: [&str; 5] = [",", "and", "et", "y", "&"];

/// The keyword lexicon: for each tag, lowercase stems that signal it in English, French and
/// Spanish. A stem matches at the start of a word (`remittance` finds `remittances`).
/// Chosen from the GCM's own wording of each objective and principle, and from how seeds
/// 000–004 speak of them; kept short, since a keyword that is too common suggests noise.
pub const LEXICON: &[(&str, &[&str])] = &[
    (
        "objective-1",
        &[
            "disaggregated data",
            "migration data",
            "données migratoires",
            "datos migratorios",
            "statistics on migration",
            "statistiques migratoires",
        ],
    ),
    (
        "objective-2",
        &[
            "adverse drivers",
            "root causes",
            "causes profondes",
            "causas profundas",
            "climate change",
            "changement climatique",
            "cambio climático",
            "disaster",
        ],
    ),
    (
        "objective-3",
        &[
            "accurate and timely information",
            "information campaign",
            "information provision",
            "campagnes d'information",
        ],
    ),
    (
        "objective-4",
        &[
            "legal identity",
            "identity documents",
            "documentation",
            "birth registration",
            "pièces d'identité",
            "documentos de identidad",
        ],
    ),
    (
        "objective-5",
        &[
            "regular pathways",
            "legal pathways",
            "voies légales",
            "vías legales",
            "vías regulares",
            "family reunification",
            "regroupement familial",
            "labour mobility",
        ],
    ),
    (
        "objective-6",
        &[
            "ethical recruitment",
            "fair recruitment",
            "decent work",
            "travail décent",
            "trabajo decente",
            "recrutement équitable",
            "labour migration",
            "migration de main-d'œuvre",
        ],
    ),
    (
        "objective-7",
        &[
            "vulnerabilit",
            "vulnérabilit",
            "vulnerabilidad",
            "unaccompanied",
            "non accompagnés",
            "no acompañados",
        ],
    ),
    (
        "objective-8",
        &[
            "save lives",
            "missing migrants",
            "migrants disparus",
            "migrantes desaparecidos",
            "search and rescue",
            "sauvetage",
        ],
    ),
    (
        "objective-9",
        &[
            "smuggling",
            "smugglers",
            "trafic illicite de migrants",
            "passeurs",
            "tráfico ilícito de migrantes",
        ],
    ),
    (
        "objective-10",
        &[
            "trafficking in persons",
            "human trafficking",
            "victims of trafficking",
            "traite des personnes",
            "traite des êtres humains",
            "trata de personas",
        ],
    ),
    (
        "objective-11",
        &[
            "border management",
            "manage borders",
            "gestion des frontières",
            "gestión de fronteras",
            "border",
        ],
    ),
    (
        "objective-12",
        &[
            "screening",
            "referral",
            "assessment and referral",
            "orientation des migrants",
        ],
    ),
    (
        "objective-13",
        &[
            "detention",
            "détention",
            "detención",
            "alternatives to detention",
        ],
    ),
    ("objective-14", &["consular", "consulaire"]),
    (
        "objective-15",
        &[
            "basic services",
            "services de base",
            "servicios básicos",
            "access to health",
            "accès aux soins",
            "health services",
            "services de santé",
            "servicios de salud",
            "education",
        ],
    ),
    (
        "objective-16",
        &[
            "inclusion",
            "social cohesion",
            "cohésion sociale",
            "cohesión social",
            "integration",
            "intégration",
            "integración",
        ],
    ),
    (
        "objective-17",
        &[
            "discrimination",
            "discriminación",
            "xenophobia",
            "xénophobie",
            "xenofobia",
            "racism",
            "racisme",
            "racismo",
            "public discourse",
            "perceptions of migration",
        ],
    ),
    (
        "objective-18",
        &[
            "skills",
            "compétences",
            "competencias",
            "qualifications",
            "recognition of",
            "reconnaissance des",
        ],
    ),
    (
        "objective-19",
        &[
            "diaspora",
            "diáspora",
            "contribute to sustainable development",
        ],
    ),
    (
        "objective-20",
        &[
            "remittance",
            "envois de fonds",
            "transferts de fonds",
            "remesas",
            "financial inclusion",
            "inclusion financière",
        ],
    ),
    (
        "objective-21",
        &[
            "return and readmission",
            "reintegration",
            "réintégration",
            "reintegración",
            "voluntary return",
            "retour volontaire",
            "retorno voluntario",
            "readmission",
        ],
    ),
    (
        "objective-22",
        &[
            "social security",
            "sécurité sociale",
            "seguridad social",
            "portability",
            "portabilité",
            "social protection",
            "protection sociale",
            "protección social",
        ],
    ),
    (
        "objective-23",
        &[
            "international cooperation",
            "coopération internationale",
            "cooperación internacional",
            "global partnership",
            "partenariat mondial",
        ],
    ),
    (
        "principle-human-rights",
        &[
            "human rights",
            "droits de l'homme",
            "droits humains",
            "derechos humanos",
            "non-discrimination",
        ],
    ),
    (
        "principle-child-sensitive",
        &[
            "best interests of the child",
            "intérêt supérieur de l'enfant",
            "interés superior del niño",
            "children",
            "enfants",
            "niños",
        ],
    ),
    (
        "principle-whole-of-society-approach",
        &[
            "whole-of-society",
            "civil society",
            "société civile",
            "sociedad civil",
            "stakeholders",
            "parties prenantes",
        ],
    ),
    (
        "principle-international-cooperation",
        &["multilateral", "multilatéral", "multilateral cooperation"],
    ),
    (
        "principle-rule-of-law-and-due-process",
        &[
            "rule of law",
            "due process",
            "état de droit",
            "estado de derecho",
            "access to justice",
            "accès à la justice",
        ],
    ),
    (
        "principle-gender-responsive",
        &[
            "gender",
            "genre",
            "género",
            "women and girls",
            "femmes et filles",
            "mujeres y niñas",
        ],
    ),
    (
        "principle-whole-of-government-approach",
        &[
            "whole-of-government",
            "policy coherence",
            "cohérence des politiques",
            "local authorities",
            "autorités locales",
        ],
    ),
    (
        "principle-people-centered",
        &[
            "people-centred",
            "people-centered",
            "centré sur la personne",
            "centrado en las personas",
        ],
    ),
    (
        "principle-national-sovereignty",
        &["sovereign", "souverain", "soberan"],
    ),
    (
        "principle-sustainable-development",
        &[
            "2030 agenda",
            "agenda 2030",
            "sustainable development",
            "développement durable",
            "desarrollo sostenible",
            "sdg",
            "odd",
            "ods",
        ],
    ),
];

/// Explicit references to objectives in a sentence: each objective number with the words
/// that named it (`goals 2, 7 and 10` gives 2, 7 and 10).
pub fn references(sentence: &str) -> Vec<(u8, String)> {
    let lower = crate::casefold::lowercase(sentence);
    // Most sentences name no objective: skip segmenting them into words.
    if !["objecti", "objeti", "goal"]
        .iter()
        .any(|w| lower.contains(w))
    {
        return Vec::new();
    }
    // Words and punctuation, in order (commas matter, other punctuation ends a list).
    let tokens: Vec<(usize, &str)> = segment::segments(&lower, Granularity::Word)
        .into_iter()
        .filter(|(_, w)| !w.trim().is_empty())
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !OBJECTIVE_WORDS.contains(&tokens[i].1) {
            i += 1;
            continue;
        }
        let start = tokens[i].0;
        let mut j = i + 1;
        let mut numbers = Vec::new();
        let mut end = start;
        loop {
            match tokens.get(j) {
                Some((at, w)) if w.chars().all(|c| c.is_ascii_digit()) && w.len() <= 2 => {
                    if let Ok(n) = w.parse::<u8>() {
                        if (1..=23).contains(&n) {
                            numbers.push(n);
                        }
                    }
                    end = at + w.len();
                    j += 1;
                }
                Some((_, w)) if JOINERS.contains(w) && !numbers.is_empty() => j += 1,
                _ => break,
            }
        }
        if !numbers.is_empty() {
            let words = sentence.get(start..end).unwrap_or_default().to_string();
            for n in numbers {
                out.push((n, words.clone()));
            }
        }
        i = j.max(i + 1);
    }
    out
}

type StemIndex = rustc_hash::FxHashMap<[u8; 2], Vec<(usize, usize)>>;

/// The lexicon's stems by their first two bytes: (index in [`LEXICON`], index in its list).
/// Every stem starts with a word character (a test says so), so a stem can only match where
/// a word starts, and each word start looks up only the stems that begin as it does.
fn stem_index() -> &'static StemIndex {
    static INDEX: std::sync::OnceLock<StemIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = StemIndex::default();
        for (t, (_, stems)) in LEXICON.iter().enumerate() {
            for (k, stem) in stems.iter().enumerate() {
                let b = stem.as_bytes();
                let key = [b[0], b.get(1).copied().unwrap_or(0)];
                index.entry(key).or_default().push((t, k));
            }
        }
        index
    })
}

/// The sentences of a text that suggestions are made for (UAX #29 sentences, trimmed of
/// surrounding white space, at least 3 code points): start and end in code points, and the
/// trimmed text.
pub fn sentences(text: &DocText) -> Vec<(Cp, Cp, &str)> {
    let s = text.as_str();
    let mut out = Vec::new();
    for (byte, sentence) in segment::segments(s, Granularity::Sentence) {
        let trimmed = sentence.trim();
        if trimmed.chars().nth(2).is_none() {
            continue;
        }
        let lead = sentence.len() - sentence.trim_start().len();
        if let (Some(start), Some(end)) = (
            text.cp_of_utf8(Utf8(byte + lead)),
            text.cp_of_utf8(Utf8(byte + lead + trimmed.len())),
        ) {
            out.push((start, end, trimmed));
        }
    }
    out
}

/// The rules' suggestions for one sentence (`sentence` spans `start..end`, in code points):
/// explicit references first, then keywords; a tag at most once.
pub fn for_sentence(sentence: &str, start: Cp, end: Cp) -> Vec<Suggestion> {
    let mut out: Vec<Suggestion> = Vec::new();
    let mut seen: Vec<&'static str> = Vec::new();
    for (n, words) in references(sentence) {
        let Some(tag) = crate::codebook::TAGS.get(usize::from(n) - 1).map(|t| t.id) else {
            continue;
        };
        if !seen.contains(&tag) {
            seen.push(tag);
            out.push(Suggestion {
                start,
                end,
                tag,
                reason: Reason::Reference(words),
                confidence: REFERENCE_CONFIDENCE,
            });
        }
    }
    let lower = crate::casefold::lowercase(sentence);
    // The first stem of each tag's list that matches (by its index in the list).
    let mut first: [Option<usize>; 33] = [None; 33];
    let bytes = lower.as_bytes();
    let mut previous_is_word = false;
    for (at, c) in lower.char_indices() {
        let is_word = crate::segment::is_word_char(c);
        if is_word && !previous_is_word {
            let key = [bytes[at], bytes.get(at + 1).copied().unwrap_or(0)];
            for &(t, k) in stem_index().get(&key).map_or(&[][..], Vec::as_slice) {
                if lower[at..].starts_with(LEXICON[t].1[k]) && first[t].is_none_or(|f| k < f) {
                    first[t] = Some(k);
                }
            }
        }
        previous_is_word = is_word;
    }
    for (t, (tag, stems)) in LEXICON.iter().enumerate() {
        let Some(k) = first[t] else { continue };
        if seen.contains(tag) {
            continue;
        }
        seen.push(tag);
        out.push(Suggestion {
            start,
            end,
            tag,
            reason: Reason::Keyword(stems[k]),
            confidence: KEYWORD_CONFIDENCE,
        });
    }
    out
}

/// Every suggestion of the rules for a text, sentence by sentence; in each, explicit
/// references first. A tag is suggested at most once per sentence.
pub fn suggest(text: &DocText) -> Vec<Suggestion> {
    sentences(text)
        .into_iter()
        .flat_map(|(start, end, sentence)| for_sentence(sentence, start, end))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(s: &str) -> Vec<u8> {
        references(s).into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn finds_explicit_references_in_three_languages() {
        assert_eq!(numbers("This advances GCM goal 17 directly."), [17]);
        assert_eq!(
            numbers("Objective 15: Provide access to basic services"),
            [15]
        );
        assert_eq!(
            numbers("It serves goals 2, 7 and 10 of the Compact."),
            [2, 7, 10]
        );
        assert_eq!(numbers("Les objectifs 3 et 16 sont visés."), [3, 16]);
        assert_eq!(
            numbers("Contribuye al objetivo 23 y al objetivo 5."),
            [23, 5]
        );
        assert_eq!(numbers("objetivos 1, 2 y 3"), [1, 2, 3]);
    }

    #[test]
    fn ignores_numbers_that_are_not_objectives() {
        assert!(numbers("The 23 objectives were adopted in 2018.").is_empty());
        assert!(numbers("Goal 30 is not in the GCM; objective 0 neither.").is_empty());
        assert!(numbers("the goal is 17 countries").is_empty());
        assert_eq!(references("Objective 17.")[0].1, "Objective 17");
    }

    #[test]
    fn suggests_the_sentence_around_a_reference_or_keyword() {
        let text = DocText::new("Intro 😀. Remittances matter to families.\nLa traite des personnes persiste. See objective 13!");
        let s = suggest(&text);
        let tags: Vec<&str> = s.iter().map(|x| x.tag).collect();
        assert!(tags.contains(&"objective-20"), "{s:?}");
        assert!(tags.contains(&"objective-10"), "{s:?}");
        assert!(tags.contains(&"objective-13"), "{s:?}");
        let remit = s.iter().find(|x| x.tag == "objective-20").unwrap();
        assert_eq!(
            text.slice(remit.start, remit.end),
            Some("Remittances matter to families.")
        );
        let thirteen = s.iter().find(|x| x.tag == "objective-13").unwrap();
        assert_eq!(thirteen.reason, Reason::Reference("objective 13".into()));
    }

    #[test]
    fn keywords_match_at_word_starts_only() {
        let tags = |s: &str| -> Vec<&str> {
            for_sentence(s, Cp(0), Cp(1))
                .iter()
                .map(|x| x.tag)
                .collect()
        };
        assert_eq!(tags("cross-border cooperation"), ["objective-11"]);
        assert!(tags("the borderline case").contains(&"objective-11"));
        assert!(tags("periods and methods").is_empty());
        assert_eq!(tags("ODD 10"), ["principle-sustainable-development"]);
    }

    #[test]
    fn every_lexicon_tag_is_in_the_codebook() {
        for (tag, stems) in LEXICON {
            assert!(crate::codebook::tag(tag).is_some(), "{tag}");
            assert!(
                stems.iter().all(|s| *s == s.to_lowercase()),
                "{tag}: stems are lowercase"
            );
            assert!(
                (stems.iter()).all(|s| s.chars().next().is_some_and(crate::segment::is_word_char)),
                "{tag}: stems start with a word character"
            );
        }
        assert_eq!(LEXICON.len(), 33);
    }

    #[test]
    fn the_seeds_get_suggestions_for_objectives_they_name() {
        let seed = crate::seeds::seed("seed-310a10ca591454ed").unwrap();
        let s = suggest(&DocText::new(seed.text()));
        // Seed 003 has "Objective 15: Provide access to basic services for migrants".
        assert!(s
            .iter()
            .any(|x| x.tag == "objective-15" && matches!(x.reason, Reason::Reference(_))));
    }
}
