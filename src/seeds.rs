//! The bundled seed texts, byte for byte, with the titles and descriptions the library
//! shows.
//!
//! Natively (tests, tools) the texts are compiled in. In the browser they are not: they are
//! 210 KB of prose, a sixth of the shipped WebAssembly. Trunk copies `seeds/` beside the app,
//! the shell fetches the five files once at start-up (`web::start`) and hands them to
//! [`provide`] before the first render, so the core sees the same `&'static str` either way.

/// A text shipped with the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Seed {
    /// Stable document id, derived from the seed's file name; exports refer to it.
    pub id: &'static str,
    /// The file name under `seeds/`.
    pub file: &'static str,
    /// The text's own name, in the text's language: a document's title is data (exports
    /// carry it, other annotators' files name it), not interface, so it is not translated.
    pub title: &'static str,
}

/// The five seeds, in file order.
pub static SEEDS: [Seed; 5] = [
    Seed {
        id: "seed-ebabb0657f756768",
        title: "IOM Finland on the Global Compact for Migration",
        file: "000_ebabb0657f756768.txt",
    },
    Seed {
        id: "seed-22250b8f33848101",
        title: "Migration Network Hub: what helps achieve the GCM objectives",
        file: "001_22250b8f33848101.txt",
    },
    Seed {
        id: "seed-a9d421f816d97b78",
        title: "IOM Director General's report to the 109th Council",
        file: "002_a9d421f816d97b78.txt",
    },
    Seed {
        id: "seed-310a10ca591454ed",
        title: "The GCM and the UN Network on Migration",
        file: "003_310a10ca591454ed.txt",
    },
    Seed {
        id: "seed-87ef9370e957a8a4",
        title: "Global Migration Group",
        file: "004_87ef9370e957a8a4.txt",
    },
];

impl Seed {
    /// One line on what the text is, shown under the title in the library, in the
    /// interface's language.
    pub fn description(&self) -> String {
        match self.file.as_bytes()[2] {
            b'0' => t!("doc-seed-about-0"),
            b'1' => t!("doc-seed-about-1"),
            b'2' => t!("doc-seed-about-2"),
            b'3' => t!("doc-seed-about-3"),
            _ => t!("doc-seed-about-4"),
        }
    }

    /// The seed's text: compiled in natively, fetched at start-up in the browser (empty if
    /// that failed; see [`missing`]).
    pub fn text(&self) -> &'static str {
        let i = SEEDS.iter().position(|s| s.id == self.id).unwrap_or(0);
        texts()[i]
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn texts() -> [&'static str; 5] {
    [
        include_str!("../seeds/000_ebabb0657f756768.txt"),
        include_str!("../seeds/001_22250b8f33848101.txt"),
        include_str!("../seeds/002_a9d421f816d97b78.txt"),
        include_str!("../seeds/003_310a10ca591454ed.txt"),
        include_str!("../seeds/004_87ef9370e957a8a4.txt"),
    ]
}

#[cfg(target_arch = "wasm32")]
static PROVIDED: std::sync::OnceLock<[&'static str; 5]> = std::sync::OnceLock::new();

#[cfg(target_arch = "wasm32")]
fn texts() -> [&'static str; 5] {
    PROVIDED.get().copied().unwrap_or([""; 5])
}

/// Gives the core the seed texts the shell fetched, in [`SEEDS`] order (once; later calls
/// are ignored). A text that could not be fetched is passed as `None`.
#[cfg(target_arch = "wasm32")]
pub fn provide(texts: [Option<String>; 5]) {
    let leaked = texts.map(|t| &*Box::leak(t.unwrap_or_default().into_boxed_str()));
    let _ = PROVIDED.set(leaked);
}

/// True when a seed text is missing (its fetch failed), so the shell can say so.
pub fn missing() -> bool {
    texts().iter().any(|t| t.is_empty())
}

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
            assert!(!s.title.is_empty() && !s.description().is_empty());
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
            assert_eq!(bytes, s.text().as_bytes(), "{} differs", s.file);
        }
    }

    #[test]
    fn index_html_preloads_every_seed_as_the_app_fetches_it() {
        // The app fetches `seeds/<file>` (web.rs); a preload that does not match the fetch
        // exactly (path, `as="fetch"`, CORS mode) is downloaded twice instead of once.
        let html = include_str!("../index.html");
        for s in &SEEDS {
            let link = format!(
                r#"<link rel="preload" href="seeds/{}" as="fetch" crossorigin />"#,
                s.file
            );
            assert!(html.contains(&link), "index.html lacks {link}");
            // After the app's own JS and wasm, which Trunk preloads at the end of <head>: a
            // browser speaking HTTP/1.1 opens six connections to a host, and five seeds
            // listed before them held the wasm back (~15 ms of every start-up).
            let body = html.find("<body>").expect("index.html has a <body>");
            assert!(html.find(&link) > Some(body), "{link} is not in <body>");
        }
    }

    #[test]
    fn seed_003_keeps_its_raw_markup() {
        let s = seed("seed-310a10ca591454ed").unwrap();
        assert!(s.text().contains("<h3>Anti-Discrimination</h3>"));
        assert!(s.text().contains("**THE GLOBAL COMPACT FOR"));
    }
}
