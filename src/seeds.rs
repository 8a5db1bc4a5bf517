//! The bundled seed texts, compiled into the app byte for byte, with the titles and
//! descriptions the library shows.

/// A text shipped with the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Seed {
    /// Stable document id, derived from the seed's file name; exports refer to it.
    pub id: &'static str,
    /// The file name under `seeds/`.
    pub file: &'static str,
    pub title: &'static str,
    /// One line on what the text is, shown under the title in the library.
    pub description: &'static str,
    pub text: &'static str,
}

/// The five seeds, in file order.
pub static SEEDS: [Seed; 5] = [
    Seed {
        id: "seed-ebabb0657f756768",
        file: "000_ebabb0657f756768.txt",
        title: "IOM Finland on the Global Compact for Migration",
        description: "IOM Finland's web page: who IOM is, the GCM's adoption, and its 23 objectives listed in full.",
        text: include_str!("../seeds/000_ebabb0657f756768.txt"),
    },
    Seed {
        id: "seed-22250b8f33848101",
        file: "001_22250b8f33848101.txt",
        title: "Migration Network Hub: what helps achieve the GCM objectives",
        description: "A trilingual (English, French, Spanish) discussion thread of the Migration Network Hub on actions towards the objectives.",
        text: include_str!("../seeds/001_22250b8f33848101.txt"),
    },
    Seed {
        id: "seed-a9d421f816d97b78",
        file: "002_a9d421f816d97b78.txt",
        title: "IOM Director General's report to the 109th Council",
        description: "IOM's web page with the Director General's 2018 report to the Council: support for migrants, emergencies, work with States.",
        text: include_str!("../seeds/002_a9d421f816d97b78.txt"),
    },
    Seed {
        id: "seed-310a10ca591454ed",
        file: "003_310a10ca591454ed.txt",
        title: "The GCM and the UN Network on Migration",
        description: "A briefing for the 2022 International Migration Review Forum: the GCM at a glance, its principles, objectives and the Network.",
        text: include_str!("../seeds/003_310a10ca591454ed.txt"),
    },
    Seed {
        id: "seed-87ef9370e957a8a4",
        file: "004_87ef9370e957a8a4.txt",
        title: "Global Migration Group",
        description: "An encyclopedia article on the Global Migration Group, the inter-agency group that preceded the UN Network on Migration.",
        text: include_str!("../seeds/004_87ef9370e957a8a4.txt"),
    },
];

/// The seed with this document id.
pub fn seed(id: &str) -> Option<&'static Seed> {
    SEEDS.iter().find(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_seeds_with_unique_ids_and_titles() {
        let mut ids: Vec<_> = SEEDS.iter().map(|s| s.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), 5);
        for s in &SEEDS {
            assert!(!s.title.is_empty() && !s.description.is_empty());
            assert!(s.id.ends_with(&s.file[4..20]), "{} from {}", s.id, s.file);
        }
    }

    #[test]
    fn seeds_are_the_shared_files_byte_for_byte() {
        // The repository's copy must not drift from the project's shared seeds.
        let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
        if !shared.exists() {
            return; // a clone without shared/ beside it has only the bundled copy
        }
        for s in &SEEDS {
            let bytes = std::fs::read(shared.join(s.file)).unwrap();
            assert_eq!(bytes, s.text.as_bytes(), "{} differs", s.file);
        }
    }

    #[test]
    fn seed_003_keeps_its_raw_markup() {
        let s = seed("seed-310a10ca591454ed").unwrap();
        assert!(s.text.contains("<h3>Anti-Discrimination</h3>"));
        assert!(s.text.contains("**THE GLOBAL COMPACT FOR"));
    }
}
