//! Export and import, natively: round trips in every format, offsets checked against text
//! with hostile characters, re-anchoring after edits, the bad-file corpus, the JSON Schema,
//! and a property test that no input makes the parsers panic.
#![cfg(not(target_arch = "wasm32"))]

use gcm_annotator::annotation::{Annotation, Origin};
use gcm_annotator::document::Document;
use gcm_annotator::fields::Field;
use gcm_annotator::formats::csv::HEADER;
use gcm_annotator::formats::export::export;
use gcm_annotator::formats::import::parse;
use gcm_annotator::formats::plan::Plan;
use gcm_annotator::formats::planner::import;
use gcm_annotator::formats::{ExportScope, Format, Options};
use gcm_annotator::state::{Action, Model};
use gcm_annotator::text::Cp;
use std::path::Path;

/// Emoji outside the BMP, a flag, combining marks, Arabic, Hebrew, CRLF, quotes and commas.
const HOSTILE: &str = "Intro 😀 e\u{301}te\u{301} مرحبا بالعالم שלום\r\n\
Les droits des \"migrants\", dit-on, sont protégés 🇫🇷.\r\n\
=SUM(A1) is not a formula here; -x neither.\r\n\
Fin du texte.\r\n";

const SEED_004: &str = "seed-87ef9370e957a8a4";

fn cp_of(text: &str, needle: &str) -> (usize, usize) {
    let b = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    let s = text[..b].chars().count();
    (s, s + needle.chars().count())
}

fn slice_cp(text: &str, s: usize, e: usize) -> String {
    text.chars().skip(s).take(e - s).collect()
}

/// A model with a hostile user document and a seed, each with annotations (one with two
/// tags and a note with markup).
fn sample() -> Model {
    let mut m = Model::default();
    m.apply(Action::SetAnnotator("Ana <b>B</b>".into()));
    let doc =
        Document::from_paste("user-doc-1".into(), "Hostile, \"quoted\" title", HOSTILE).unwrap();
    m.apply(Action::AddDocuments(vec![doc]));
    let mut n = 0;
    let mut tag = |m: &mut Model, needle: &str, tags: &[&str], note: &str| {
        let text = m.open_document().unwrap().text.as_str().to_string();
        let (s, e) = cp_of(&text, needle);
        n += 1;
        m.apply(Action::Create {
            document: m.session.open.clone().unwrap(),
            start: Cp(s),
            end: Cp(e),
            id: format!("0000000{n}-aaaa-4bbb-8ccc-dddddddddddd"),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            note: note.into(),
            now: 1_700_000_000_000 + n,
        });
    };
    tag(
        &mut m,
        "droits des \"migrants\", dit-on, sont protégés 🇫🇷",
        &["principle-human-rights", "objective-17"],
        "<img src=x onerror=alert(1)>, \"and\"\nline two",
    );
    tag(&mut m, "مرحبا بالعالم", &["objective-16"], "");
    tag(&mut m, "=SUM(A1)", &["objective-1"], "-x");
    m.apply(Action::OpenDocument(SEED_004.into()));
    tag(&mut m, "Kofi Annan", &["objective-23"], "=1+1");
    m
}

fn export_all(m: &Model, format: Format) -> String {
    export(
        format,
        &ExportScope::new(&m.library, None),
        Options {
            annotator_id: "",
            assignment: None,
            everything: false,
            seed_text: false,
            now: 1_800_000_000_000,
            annotator: &m.session.settings.annotator,
        },
    )
}

fn ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("new-{n}")
    }
}

/// Imports into `m`; returns the plan.
fn import_into(m: &mut Model, name: &str, bytes: &[u8]) -> Plan {
    let plan = import(name, bytes, &m.library, &mut ids(), 5).unwrap_or_else(|e| panic!("{e}"));
    m.apply(Action::Import(Box::new(plan.clone())));
    plan
}

/// Each (document, span, quote, tag), as a set: how doccano sees annotations (it merges
/// tags of one span and cannot tell two annotations of the same span and tag apart).
fn flat(m: &Model) -> std::collections::BTreeSet<(String, usize, usize, String, String)> {
    m.library
        .annotations()
        .iter()
        .flat_map(|a| {
            let title = m.library.document(&a.document).unwrap().title.clone();
            a.tags.iter().map(move |t| {
                (
                    title.clone(),
                    a.start.0,
                    a.end.0,
                    a.quote.clone(),
                    t.clone(),
                )
            })
        })
        .collect()
}

/// The fields every format carries: document text span, quote, tags.
fn essentials(m: &Model) -> Vec<(String, usize, usize, String, Vec<String>)> {
    let mut v: Vec<_> = m
        .library
        .annotations()
        .iter()
        .map(|a| {
            let title = m.library.document(&a.document).unwrap().title.clone();
            (title, a.start.0, a.end.0, a.quote.clone(), a.tags.clone())
        })
        .collect();
    v.sort();
    v
}

#[test]
fn the_project_json_round_trips_everything() {
    let m = sample();
    let json = export_all(&m, Format::Project);
    let mut fresh = Model::default();
    let plan = import_into(&mut fresh, "ana.json", json.as_bytes());
    assert_eq!(plan.annotations.len(), 4);
    assert_eq!(plan.new_documents.len(), 1);
    assert_eq!(plan.reanchored, 0);
    // Every field comes back, but for the origin: made there, imported here.
    let mut a: Vec<_> = (m.library.annotations().iter())
        .map(|a| Annotation {
            origin: Origin::Imported,
            ..a.clone()
        })
        .collect();
    let mut b: Vec<_> = fresh.library.annotations().to_vec();
    a.sort_by(|x, y| x.id.cmp(&y.id));
    b.sort_by(|x, y| x.id.cmp(&y.id));
    assert_eq!(a, b, "lossless: every field, times and notes included");
    assert_eq!(
        fresh.library.document("user-doc-1").unwrap().text.as_str(),
        HOSTILE
    );
}

/// The project's JSON is read straight from its text when it is well formed; the general
/// path (through `serde_json::Value`) explains what is wrong otherwise. Both must read the
/// same thing, whatever the order of the keys.
#[test]
fn the_project_json_fast_path_reads_what_the_general_path_reads() {
    use gcm_annotator::formats::project;
    let json = export_all(&sample(), Format::Project);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let general = project::read(value.clone()).unwrap();
    assert_eq!(project::read_text(&json), Some(Ok(general.clone())));
    // Keys in another order (serde_json's Value sorts them): still the fast path, same result.
    let reordered = value.to_string();
    assert!(reordered.find("\"annotations\"") < reordered.find("\"format\""));
    assert_eq!(project::read_text(&reordered), Some(Ok(general)));
    // A newer version or another format is left to the general path and its message.
    let newer = json.replacen("\"version\": 1", "\"version\": 99", 1);
    assert_eq!(project::read_text(&newer), None);
    let err = parse("new.json", newer.as_bytes()).unwrap_err();
    assert!(err.problem.contains("newer version"), "{}", err.problem);
    assert_eq!(
        project::read_text("{\"@context\": \"http://www.w3.org/ns/anno.jsonld\"}"),
        None
    );
}

#[test]
fn w3c_round_trips_into_a_browser_that_has_the_documents() {
    let m = sample();
    let jsonld = export_all(&m, Format::W3c);
    // W3C carries no text: import into a model with the same documents but no annotations.
    let mut fresh = Model::default();
    fresh.apply(Action::AddDocuments(vec![m
        .library
        .document("user-doc-1")
        .unwrap()
        .clone()]));
    let plan = import_into(&mut fresh, "ana.jsonld", jsonld.as_bytes());
    assert_eq!(plan.annotations.len(), 4, "{}", plan.summary());
    assert_eq!(essentials(&fresh), essentials(&m));
    let note = fresh
        .library
        .annotations()
        .iter()
        .find(|a| a.tags.len() == 2)
        .unwrap();
    assert_eq!(note.note, "<img src=x onerror=alert(1)>, \"and\"\nline two");
    assert_eq!(note.annotator, "Ana <b>B</b>");
    assert!(plan.markup_fields >= 1);
}

#[test]
fn doccano_round_trips_spans_and_tags() {
    let m = sample();
    let jsonl = export_all(&m, Format::Doccano);
    assert_eq!(jsonl.lines().count(), 2);
    let mut fresh = Model::default();
    let plan = import_into(&mut fresh, "ana.jsonl", jsonl.as_bytes());
    assert_eq!(plan.annotations.len(), 4, "{}", plan.summary());
    assert_eq!(essentials(&fresh), essentials(&m));
    // The seed was matched by its text, not duplicated.
    assert_eq!(fresh.library.documents().len(), 6);
}

#[test]
fn every_export_puts_offsets_in_code_points_that_slice_the_quote() {
    let m = sample();
    let texts = |id: &str| m.library.document(id).unwrap().text.as_str().to_string();

    let project: serde_json::Value =
        serde_json::from_str(&export_all(&m, Format::Project)).unwrap();
    for a in project["annotations"].as_array().unwrap() {
        let t = texts(a["document"].as_str().unwrap());
        let (s, e) = (
            a["start"].as_u64().unwrap() as usize,
            a["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(slice_cp(&t, s, e), a["quote"].as_str().unwrap());
    }

    let w3c: serde_json::Value = serde_json::from_str(&export_all(&m, Format::W3c)).unwrap();
    for a in w3c["first"]["items"].as_array().unwrap() {
        // A user's text by its SHA-256 (RFC 6920), a seed by its id.
        let source = a["target"]["source"].as_str().unwrap();
        let t = match gcm_annotator::formats::sha256_of_ni(source) {
            Some(hash) => m
                .library
                .documents()
                .iter()
                .find(|d| d.text.sha256_hex() == hash)
                .unwrap()
                .text
                .as_str()
                .to_string(),
            None => texts(source.rsplit(':').next().unwrap()),
        };
        let sel = a["target"]["selector"].as_array().unwrap();
        let exact = sel[0]["exact"].as_str().unwrap();
        let (s, e) = (
            sel[1]["start"].as_u64().unwrap() as usize,
            sel[1]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(slice_cp(&t, s, e), exact);
        assert!(t.contains(&format!(
            "{}{}{}",
            sel[0]["prefix"].as_str().unwrap(),
            exact,
            sel[0]["suffix"].as_str().unwrap()
        )));
    }

    for line in export_all(&m, Format::Doccano).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let t = v["text"].as_str().unwrap();
        for l in v["label"].as_array().unwrap() {
            let (s, e) = (
                l[0].as_u64().unwrap() as usize,
                l[1].as_u64().unwrap() as usize,
            );
            let quote = slice_cp(t, s, e);
            assert!(m.library.annotations().iter().any(|a| a.quote == quote));
        }
    }

    let csv_text = export_all(&m, Format::Csv);
    assert!(csv_text.starts_with('\u{feff}'));
    let mut r = csv::Reader::from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes());
    let mut rows = 0;
    for row in r.records() {
        let row = row.unwrap();
        let t = texts(&row[0]);
        let (s, e) = (row[2].parse().unwrap(), row[3].parse().unwrap());
        // By name: columns may be added.
        let q = HEADER.iter().position(|h| *h == "quote").unwrap();
        let quote = row[q]
            .strip_prefix('\'')
            .filter(|_| row[q].starts_with("'="))
            .unwrap_or(&row[q]);
        assert_eq!(slice_cp(&t, s, e), quote);
        rows += 1;
    }
    assert_eq!(rows, 5, "one row per annotation and tag");
}

#[test]
fn csv_escapes_per_rfc_4180_and_defuses_formulas() {
    let m = sample();
    let csv_text = export_all(&m, Format::Csv);
    assert!(csv_text.contains("\r\n"));
    // A note with a comma, quotes and a line break is one quoted field with doubled quotes.
    assert!(csv_text.contains("\"<img src=x onerror=alert(1)>, \"\"and\"\"\nline two\""));
    assert!(csv_text.contains(",'=SUM(A1),"));
    assert!(csv_text.contains(",'=1+1,"));
    assert!(csv_text.contains(",'-x,"));
    assert!(csv_text.contains("Objective 17: Eliminate discrimination"));
}

#[test]
fn w3c_export_meets_the_musts_of_the_data_model() {
    let m = sample();
    let v: serde_json::Value = serde_json::from_str(&export_all(&m, Format::W3c)).unwrap();
    assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(v["type"], "AnnotationCollection");
    assert!(v["id"].as_str().unwrap().starts_with("urn:uuid:"));
    assert_eq!(v["total"], 4);
    let page = &v["first"];
    assert_eq!(page["type"], "AnnotationPage");
    assert!(page["id"].as_str().unwrap().starts_with("urn:uuid:"));
    for a in page["items"].as_array().unwrap() {
        assert_eq!(a["@context"], "http://www.w3.org/ns/anno.jsonld");
        assert_eq!(a["type"], "Annotation");
        let id = a["id"].as_str().unwrap();
        assert!(id.starts_with("urn:uuid:") && id.len() == 45, "{id}");
        for t in ["created", "modified"] {
            let s = a[t].as_str().unwrap();
            assert!(s.ends_with('Z') && gcm_annotator::formats::time::parse_iso8601(s).is_some());
        }
        let source = a["target"]["source"].as_str().unwrap();
        assert!(
            source.starts_with("urn:") || source.starts_with("ni:///sha-256;"),
            "an IRI: {source}"
        );
        for b in a["body"].as_array().unwrap() {
            assert_eq!(b["type"], "TextualBody");
            assert!(
                b["value"].is_string(),
                "a TextualBody has exactly one value"
            );
            let purpose = b["purpose"].as_str().unwrap();
            assert!(purpose == "tagging" || purpose == "commenting");
            if purpose == "tagging" {
                assert!(b["label"].as_str().unwrap().contains(':'));
            }
        }
        let sel = a["target"]["selector"].as_array().unwrap();
        assert_eq!(sel[0]["type"], "TextQuoteSelector");
        assert!(sel[0]["exact"].is_string());
        assert_eq!(sel[1]["type"], "TextPositionSelector");
        assert!(sel[1]["start"].as_u64().unwrap() <= sel[1]["end"].as_u64().unwrap());
    }
    let with_creator = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["creator"]["type"] == "Person")
        .count();
    assert_eq!(with_creator, 4);
}

#[test]
fn project_exports_validate_against_the_json_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../src/formats/project.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let m = sample();
    for only in [None, Some(SEED_004), Some("user-doc-1")] {
        let json = export(
            Format::Project,
            &ExportScope::new(&m.library, only),
            Options {
                annotator_id: "",
                assignment: None,
                everything: false,
                seed_text: true,
                now: 1,
                annotator: &m.session.settings.annotator,
            },
        );
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
    // A document with pages and a source file, and an annotation's page.
    let v: serde_json::Value =
        serde_json::from_str(&export_all(&paged(), Format::Project)).unwrap();
    let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let mut bad = v.clone();
    bad["annotations"][0]["page"] = 0.into();
    assert!(!validator.is_valid(&bad), "a page 0 passes the schema");
    // And the schema is not vacuous: a broken file fails it.
    let bad = serde_json::json!({"format": "gcm-annotator", "version": 1, "documents": [], "annotations": [{"id": 3}]});
    assert!(!validator.is_valid(&bad));
}

#[test]
fn edited_text_reanchors_by_quote_and_a_deleted_passage_becomes_an_orphan() {
    let m = sample();
    let json = export_all(&m, Format::Project);
    // Someone edited the document: words inserted before a passage and inside another,
    // and one passage deleted.
    let edited = HOSTILE
        .replace("Intro", "A new first sentence, quite long. Intro")
        .replace("dit-on, sont", "dit-on, vraiment, sont")
        .replace("=SUM(A1) is not a formula here; ", "");
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let doc = v["documents"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|d| d["id"] == "user-doc-1")
        .unwrap();
    doc["text"] = edited.clone().into();
    doc.as_object_mut().unwrap().remove("sha256");
    let mut fresh = Model::default();
    let plan = import_into(&mut fresh, "edited.json", v.to_string().as_bytes());
    assert_eq!(plan.orphans.len(), 1, "{}", plan.summary());
    assert_eq!(plan.orphans[0].quote, "=SUM(A1)");
    assert_eq!(plan.reanchored, 2, "{}", plan.summary());
    let arabic = fresh
        .library
        .annotations()
        .iter()
        .find(|a| a.tags == ["objective-16"])
        .unwrap();
    assert_eq!(
        slice_cp(&edited, arabic.start.0, arabic.end.0),
        "مرحبا بالعالم"
    );
    let rights = fresh
        .library
        .annotations()
        .iter()
        .find(|a| a.tags.len() == 2)
        .unwrap();
    assert_eq!(
        rights.quote,
        "droits des \"migrants\", dit-on, vraiment, sont protégés 🇫🇷"
    );
    assert!(plan
        .summary()
        .contains("1 could not be placed in the text and is kept as orphans"));
    assert_eq!(fresh.library.orphans_of("user-doc-1").len(), 1);
}

#[test]
fn importing_twice_does_not_double() {
    let m = sample();
    let json = export_all(&m, Format::Project);
    let mut fresh = Model::default();
    import_into(&mut fresh, "a.json", json.as_bytes());
    let again = import_into(&mut fresh, "a.json", json.as_bytes());
    assert_eq!(again.annotations.len(), 0);
    assert_eq!(again.skipped.len(), 4);
    assert_eq!(fresh.library.annotations().len(), 4);
    // The same spans and tags under other ids (doccano has none) are duplicates too.
    let jsonl = export_all(&m, Format::Doccano);
    let third = import_into(&mut fresh, "a.jsonl", jsonl.as_bytes());
    assert_eq!(third.annotations.len(), 0, "{}", third.summary());
    assert_eq!(fresh.library.annotations().len(), 4);
}

/// Files are planned while the user goes on working (a long import yields to the page), and
/// several files are planned against the state before the first is applied: what arrived
/// in the meantime is checked again when a plan is applied.
#[test]
fn what_arrives_while_a_file_is_placed_is_not_doubled() {
    let m = sample();
    let json = export_all(&m, Format::Project);
    let jsonl = export_all(&m, Format::Doccano);
    let mut fresh = Model::default();
    let first = import("a.json", json.as_bytes(), &fresh.library, &mut ids(), 5).unwrap();
    let second = import("b.jsonl", jsonl.as_bytes(), &fresh.library, &mut ids(), 5).unwrap();
    assert_eq!(
        second.annotations.len(),
        4,
        "planned against an empty model"
    );
    fresh.apply(Action::Import(Box::new(first)));
    assert_eq!(fresh.library.annotations().len(), 4);
    fresh.apply(Action::Import(Box::new(second)));
    assert_eq!(
        fresh.library.annotations().len(),
        4,
        "the second file's spans are duplicates"
    );
    let said = &fresh.session.notices.last().unwrap().text;
    assert!(said.contains("4 more were already here"), "{said}");

    // An edit between planning and applying: the user tags one of the file's passages
    // with the same tags, by hand, before the import lands.
    let mut fresh = Model::default();
    fresh.apply(Action::SetAnnotator("Bo".into()));
    let plan = import("a.json", json.as_bytes(), &fresh.library, &mut ids(), 5).unwrap();
    let same = &plan.annotations[0];
    fresh.apply(Action::OpenDocument(same.document.clone()));
    fresh.apply(Action::Create {
        document: fresh.session.open.clone().unwrap(),
        start: same.start,
        end: same.end,
        id: "by-hand".into(),
        tags: same.tags.clone(),
        note: String::new(),
        now: 9,
    });
    assert_eq!(fresh.library.annotations().len(), 1);
    fresh.apply(Action::Import(Box::new(plan)));
    assert_eq!(
        fresh.library.annotations().len(),
        4,
        "the hand-made one counts"
    );
    assert!(fresh
        .library
        .annotations()
        .iter()
        .any(|a| a.id == "by-hand"));
}

#[test]
fn annotations_of_a_document_not_in_the_browser_are_kept_as_orphans() {
    let m = sample();
    let jsonld = export_all(&m, Format::W3c);
    let mut fresh = Model::default(); // has the seed, not the user document
    let plan = import_into(&mut fresh, "a.jsonld", jsonld.as_bytes());
    assert_eq!(plan.annotations.len(), 1);
    assert_eq!(plan.orphans.len(), 3);
    assert_eq!(fresh.library.orphans().len(), 3);
}

/// The orphans an import keeps are stored: the import's effects, made into the writes
/// storage carries out, put every one of them in a chunk.
#[test]
fn the_orphans_an_import_keeps_are_written_to_storage() {
    use gcm_annotator::chunks::{split, Layout, Payload};
    let m = sample();
    let jsonld = export_all(&m, Format::W3c);
    let mut fresh = Model::default();
    let plan = import("a.jsonld", jsonld.as_bytes(), &fresh.library, &mut ids(), 5).unwrap();
    let effects = fresh.apply(Action::Import(Box::new(plan.clone())));
    let (_, annotation_effects) = split(effects, &fresh, 0);
    let writes = Layout::new(Vec::new(), Vec::new()).writes(
        annotation_effects,
        fresh.library.annotations(),
        fresh.library.orphans(),
    );
    let stored: std::collections::BTreeSet<String> = writes
        .iter()
        .filter_map(|w| match &w.value {
            Some(Payload::Chunk(list)) => Some(list.iter().map(|a| a.id.clone())),
            _ => None,
        })
        .flatten()
        .collect();
    for orphan in &plan.orphans {
        assert!(
            stored.contains(&orphan.id),
            "orphan {} not stored",
            orphan.id
        );
    }
    for a in fresh.library.annotations().iter() {
        assert!(stored.contains(&a.id), "annotation {} not stored", a.id);
    }
}

/// Another browser where the same text was pasted: another id, another title.
fn same_text_elsewhere() -> Model {
    let mut m = Model::default();
    m.apply(Action::SetAnnotator("Bo".into()));
    let doc = Document::from_paste("pasted-here".into(), "My copy", HOSTILE).unwrap();
    m.apply(Action::AddDocuments(vec![doc]));
    m
}

/// A document is known by its text: a file made in one browser imports with no orphan into
/// another that holds the same text under another id, in every format that can say which
/// text it annotates (CSV by its `document_sha256` column).
#[test]
fn every_format_that_names_a_text_finds_it_here_under_another_id() {
    let a = sample();
    for format in [Format::Project, Format::W3c, Format::Doccano, Format::Csv] {
        let mut b = same_text_elsewhere();
        let mut file = export_all(&a, format);
        if format == Format::Csv {
            // As the app reads it: the readers' module hands the table over as the
            // project's JSON (`formats::exchange`).
            let read = gcm_annotator::formats::csv::read(&file).unwrap();
            file = gcm_annotator::formats::exchange::to_project_json(&read);
        }
        let plan = import_into(&mut b, "from-a", file.as_bytes());
        assert!(plan.orphans.is_empty(), "{format:?}: {}", plan.summary());
        assert!(
            plan.new_documents.is_empty(),
            "{format:?}: the text is here"
        );
        assert_eq!(
            b.library.annotations_of("pasted-here").len(),
            3,
            "{format:?}"
        );
        assert_eq!(b.library.annotations_of(SEED_004).len(), 1, "{format:?}");
        assert_eq!(b.library.documents().len(), 6, "{format:?}");
    }
}

/// W3C names a user's text by its content, RFC 6920 `ni:///sha-256;…`, and a seed by its
/// seed IRI; doccano lines carry the text's SHA-256 as hex.
#[test]
fn w3c_sources_and_doccano_lines_name_the_text_by_its_sha256() {
    let a = sample();
    let hex = gcm_annotator::formats::sha256_hex(HOSTILE);
    let ni = gcm_annotator::formats::ni_iri(&hex).unwrap();
    assert!(
        ni.starts_with("ni:///sha-256;") && ni.len() == 14 + 43,
        "{ni}"
    );
    let v: serde_json::Value = serde_json::from_str(&export_all(&a, Format::W3c)).unwrap();
    let sources: std::collections::BTreeSet<&str> = v["first"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["target"]["source"].as_str().unwrap())
        .collect();
    let seed_iri = format!("urn:gcm-annotator:document:{SEED_004}");
    assert_eq!(
        sources,
        [ni.as_str(), seed_iri.as_str()].into_iter().collect()
    );
    let jsonl = export_all(&a, Format::Doccano);
    let line: serde_json::Value = jsonl
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|l| l["document"] == "user-doc-1")
        .unwrap();
    assert_eq!(line["sha256"], hex.as_str());
}

/// Files this app wrote before texts were known by content name a user's document by its
/// id (`urn:gcm-annotator:document:<id>`): still read, and placed where that id is here.
#[test]
fn w3c_files_with_the_old_document_iris_are_still_read() {
    let a = sample();
    let ni = gcm_annotator::formats::ni_iri(&gcm_annotator::formats::sha256_hex(HOSTILE)).unwrap();
    let old = export_all(&a, Format::W3c).replace(&ni, "urn:gcm-annotator:document:user-doc-1");
    let mut b = Model::default();
    let doc = Document::from_paste("user-doc-1".into(), "Same id", HOSTILE).unwrap();
    b.apply(Action::AddDocuments(vec![doc]));
    let plan = import_into(&mut b, "old.jsonld", old.as_bytes());
    assert!(plan.orphans.is_empty(), "{}", plan.summary());
    assert_eq!(b.library.annotations_of("user-doc-1").len(), 3);
}

/// doccano lets its users edit a text and keeps the metadata: a line whose `sha256` no
/// longer fits its text is read by its text (and said), not refused as damaged.
#[test]
fn a_doccano_line_edited_since_export_is_read_by_its_text() {
    let a = sample();
    let jsonl = export_all(&a, Format::Doccano).replace("Fin du texte.", "Fin du texte !");
    let mut b = same_text_elsewhere();
    let plan = import_into(&mut b, "edited.jsonl", jsonl.as_bytes());
    assert!(
        plan.summary().contains("was edited since it was exported"),
        "{}",
        plan.summary()
    );
    assert_eq!(plan.new_documents.len(), 1, "its text is not the one here");
    assert!(plan.orphans.is_empty());
}

/// The last notice, without the isolates around quoted names.
fn last_notice(m: &Model) -> String {
    m.session
        .notices
        .last()
        .map(|n| n.text.replace(['\u{2068}', '\u{2069}'], ""))
        .unwrap_or_default()
}

/// Annotations whose text is not in this browser wait for it, remembering the file they came
/// from and the text's SHA-256; the project's JSON names that text for them, so that another
/// browser holding it places them; and once the text is pasted here, they are placed on it,
/// said so, in one step that Undo takes back.
#[test]
fn orphans_wait_for_their_text_and_are_placed_when_it_is_pasted() {
    let a = sample();
    let mut b = Model::default();
    b.apply(Action::SetAnnotator("Bo".into()));
    let plan = import_into(
        &mut b,
        "from-a.jsonld",
        export_all(&a, Format::W3c).as_bytes(),
    );
    assert_eq!((plan.orphans.len(), plan.waiting), (3, 3));
    assert!(
        plan.summary().contains(
            "3 not found: their text is not in this browser; see Library → Waiting for their text"
        ),
        "{}",
        plan.summary()
    );
    let groups = gcm_annotator::waiting::waiting(&b.library);
    assert_eq!(groups.len(), 1, "{groups:?}");
    let hex = gcm_annotator::formats::sha256_hex(HOSTILE);
    assert_eq!(groups[0].files, ["from-a.jsonld"]);
    assert_eq!(groups[0].count, 3);
    assert_eq!(groups[0].quotes.len(), 3);
    assert_eq!(groups[0].sha256.as_deref(), Some(hex.as_str()));

    // Exported from here, they name their text; a browser that has it places them.
    let json = export_all(&b, Format::Project);
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../src/formats/project.schema.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let errors: Vec<String> = jsonschema::validator_for(&schema)
        .unwrap()
        .iter_errors(&v)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let mut c = same_text_elsewhere();
    let plan = import_into(&mut c, "from-b.json", json.as_bytes());
    assert!(plan.orphans.is_empty(), "{}", plan.summary());
    assert_eq!(c.library.annotations_of("pasted-here").len(), 3);

    // The text is pasted here, under a new id: they are placed, and it is said.
    let steps = b.history.undo_len();
    let doc = Document::from_paste("pasted".into(), "Pasted copy", HOSTILE).unwrap();
    b.apply(Action::AddDocuments(vec![doc]));
    assert!(b.library.orphans().is_empty());
    let placed = b.library.annotations_of("pasted");
    assert_eq!(placed.len(), 3);
    assert!(placed.iter().all(|a| a.provenance.is_none()));
    assert!(b
        .session
        .notices
        .iter()
        .any(|n| n.text.replace(['\u{2068}', '\u{2069}'], "")
            == "3 annotations from “from-a.jsonld” were placed on “Pasted copy”."));
    assert_eq!(b.history.undo_len(), steps + 1, "one step");
    b.apply(Action::Undo);
    assert_eq!(b.library.orphans().len(), 3);
    assert!(b.library.annotations_of("pasted").is_empty());
    assert!(b.library.document("pasted").is_some(), "the text stays");
    b.apply(Action::Redo);
    assert!(b.library.orphans().is_empty());
    assert_eq!(b.library.annotations_of("pasted").len(), 3);
}

/// A file that brings the text orphans wait for (here a doccano line with the document id
/// an older W3C file named it by) places them in its own import step.
#[test]
fn orphans_are_placed_by_the_import_that_brings_their_text_by_its_id() {
    let a = sample();
    let ni = gcm_annotator::formats::ni_iri(&gcm_annotator::formats::sha256_hex(HOSTILE)).unwrap();
    let old = export_all(&a, Format::W3c).replace(&ni, "urn:gcm-annotator:document:user-doc-1");
    let mut b = Model::default();
    import_into(&mut b, "old.jsonld", old.as_bytes());
    assert_eq!(b.library.orphans().len(), 3);
    let line = serde_json::json!({"text": HOSTILE, "label": [], "document": "user-doc-1", "title": "Text"});
    let plan = import_into(&mut b, "text.jsonl", line.to_string().as_bytes());
    assert_eq!(plan.new_documents.len(), 1);
    assert!(b.library.orphans().is_empty());
    assert_eq!(b.library.annotations_of("user-doc-1").len(), 3);
    assert!(
        last_notice(&b).starts_with("“text.jsonl”: 0 annotations imported")
            || b.session
                .notices
                .iter()
                .any(|n| n.text.contains("3 annotations from \u{2068}")),
        "{:?}",
        b.session.notices
    );
    b.apply(Action::Undo);
    assert!(b.library.document("user-doc-1").is_none());
    assert_eq!(b.library.orphans().len(), 3, "waiting again");
}

/// A waiting orphan whose passage is not in its text, once that arrives, is listed with that
/// document's orphans; the others are placed. Deleting what waits is one undo step.
#[test]
fn a_waiting_orphan_not_found_in_its_text_joins_that_documents_orphans() {
    let a = sample();
    let w3c = export_all(&a, Format::W3c)
        .replace("\"exact\": \"=SUM(A1)\"", "\"exact\": \"qqqqqqqqqqqq\"");
    let mut b = Model::default();
    import_into(&mut b, "x.jsonld", w3c.as_bytes());
    let doc = Document::from_paste("p".into(), "T", HOSTILE).unwrap();
    b.apply(Action::AddDocuments(vec![doc]));
    assert_eq!(b.library.annotations_of("p").len(), 2);
    assert_eq!(b.library.orphans_of("p").len(), 1);
    assert!(gcm_annotator::waiting::waiting(&b.library).is_empty());
    assert!(
        b.session.notices.iter().any(|n| n.text.replace(['\u{2068}', '\u{2069}'], "")
            == "2 annotations from “x.jsonld” were placed on “T”; 1 was not found in “T” (see “Not found in this text” beside it)."),
        "{:?}",
        b.session.notices
    );

    let mut c = Model::default();
    import_into(&mut c, "x.jsonld", w3c.as_bytes());
    let key = gcm_annotator::waiting::waiting(&c.library)[0]
        .document
        .clone();
    c.apply(Action::DeleteWaiting(key));
    assert!(c.library.orphans().is_empty());
    assert_eq!(last_notice(&c), "3 waiting annotations deleted.");
    c.apply(Action::Undo);
    assert_eq!(c.library.orphans().len(), 3);
}

/// Script and markup payloads, `javascript:`, a bidi override, control characters and a very
/// long string: hostile but valid, so they must come back exactly, as data.
const PAYLOADS: &[&str] = &[
    "<img src=x onerror=\"window.__pwned=1\">",
    "<script>window.__pwned=1</script>",
    "<svg onload=window.__pwned=1>",
    "javascript:window.__pwned=1",
    "\u{202E}override, never closed",
    "bell\u{7} escape\u{1b}[31m nul\u{0} delete\u{7f}",
];

#[test]
fn hostile_names_titles_and_notes_come_back_verbatim_from_every_lossless_format() {
    let long = "W".repeat(5_000);
    let all: Vec<&str> = PAYLOADS.iter().copied().chain([long.as_str()]).collect();
    let text = format!("{}\n", all.join("\n"));
    let mut m = Model::default();
    m.apply(Action::SetAnnotator(all.join(" ")));
    let doc = Document::from_paste("user-hostile".into(), &all.join(" "), &text).unwrap();
    m.apply(Action::AddDocuments(vec![doc]));
    for (i, p) in all.iter().enumerate() {
        let (s, e) = cp_of(&text, p);
        m.apply(Action::Create {
            document: m.session.open.clone().unwrap(),
            start: Cp(s),
            end: Cp(e),
            id: format!("hostile-{i}"),
            tags: vec!["objective-1".into()],
            note: p.to_string(),
            now: 1,
        });
    }
    for format in [Format::Project, Format::W3c] {
        let file = export_all(&m, format);
        let mut fresh = Model::default();
        if format == Format::W3c {
            // W3C carries no text: the reader has the document already.
            fresh.apply(Action::AddDocuments(vec![m
                .library
                .documents()
                .last()
                .unwrap()
                .clone()]));
        }
        let plan = import_into(&mut fresh, "hostile.json", file.as_bytes());
        assert_eq!(plan.annotations.len(), all.len(), "{format:?}");
        let doc = &fresh.library.documents().last().unwrap();
        assert_eq!(doc.text.as_str(), text, "{format:?}: the text");
        // Names and titles are cut to their limits as they come in (src/fields.rs), after
        // every payload; what was kept comes back verbatim.
        let (title, name) = (
            Field::DocumentTitle.clip(&all.join(" ")).0,
            Field::AnnotatorName.clip(&all.join(" ")).0,
        );
        assert!(name.starts_with(&PAYLOADS.join(" ")));
        if format == Format::Project {
            assert_eq!(doc.title, title, "the title");
        }
        let mut notes: Vec<(&str, &str)> = fresh
            .library
            .annotations()
            .iter()
            .map(|a| (a.note.as_str(), a.annotator.as_str()))
            .collect();
        notes.sort();
        let mut want: Vec<&str> = all.clone();
        want.sort();
        for ((note, who), p) in notes.iter().zip(&want) {
            assert_eq!(note, p, "{format:?}: the note");
            assert_eq!(*who, name, "{format:?}: the annotator");
        }
    }
}

#[test]
fn an_import_is_one_step_that_undo_takes_back_and_redo_brings_again() {
    let m = sample();
    let json = export_all(&m, Format::Project);
    let mut fresh = Model::default();
    fresh.apply(Action::SetAnnotator("Bo".into()));
    fresh.apply(Action::OpenDocument(SEED_004.into()));
    let text = fresh.open_document().unwrap().text.as_str().to_string();
    let (s, e) = cp_of(&text, "Global Forum");
    fresh.apply(Action::Create {
        document: fresh.session.open.clone().unwrap(),
        start: Cp(s),
        end: Cp(e),
        id: "mine".into(),
        tags: vec!["objective-2".into()],
        note: String::new(),
        now: 1,
    });
    let plan = import_into(&mut fresh, "class.json", json.as_bytes());
    let added = plan.annotations.len();
    // The file brings the user's document, which this browser did not have.
    assert_eq!(plan.new_documents.len(), 1);
    let brought = plan.new_documents[0].id.clone();
    assert_eq!(fresh.library.annotations().len(), added + 1);
    let effects = fresh.apply(Action::Undo);
    let deletes = effects
        .iter()
        .filter(|e| matches!(e, gcm_annotator::effect::Effect::DeleteAnnotation(_)))
        .count();
    assert_eq!(deletes, added, "one delete per imported annotation");
    assert!(
        effects.contains(&gcm_annotator::effect::Effect::DeleteDocument(
            brought.clone()
        ))
    );
    let ids: Vec<&str> = fresh
        .library
        .annotations()
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids, ["mine"], "only what the file added is gone");
    assert!(
        fresh.library.document(&brought).is_none(),
        "the document the file brought goes too"
    );
    assert_eq!(fresh.library.documents().len(), 5, "the seeds stay");
    fresh.apply(Action::Redo);
    assert_eq!(fresh.library.annotations().len(), added + 1);
    assert!(fresh.library.document(&brought).is_some(), "and comes back");
    fresh.apply(Action::Undo);
    fresh.apply(Action::Undo);
    assert!(
        fresh.library.annotations().is_empty(),
        "then my own creation"
    );
}

#[test]
fn every_bad_file_is_refused_with_its_message_and_changes_nothing() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-files");
    let mut base = sample();
    let before = base.clone();
    let mut checked = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        if name.ends_with(".expected") || name == "README.md" || !json_family(&name) {
            continue;
        }
        let expected = std::fs::read_to_string(format!("{}.expected", path.display())).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        // As the app takes a file: against the state, which a refusal must leave alone.
        match base.import_file(&name, &bytes, &mut ids(), 5) {
            Ok(_) => panic!("{name} was accepted: {:?}", base.session.notices.last()),
            Err(e) => {
                let msg = e.to_string();
                // The file's own words are isolated (bidi) in the message; the reader does
                // not see the isolates.
                let shown = msg.replace(['\u{2068}', '\u{2069}'], "");
                assert!(
                    shown.contains(expected.trim()),
                    "{name}: {msg}\n  expected: {}",
                    expected.trim()
                );
                assert!(
                    msg.starts_with(&format!("“\u{2068}{name}\u{2069}” was not imported:")),
                    "{msg}"
                );
                assert!(msg.ends_with("Nothing was changed."));
                assert_eq!(base.session.notices.last().map(|n| &n.text), Some(&msg));
                assert_eq!(base.library, before.library, "{name} changed the library");
                assert_eq!(base.history, before.history, "{name} changed the history");
            }
        }
        checked += 1;
    }
    assert!(checked >= 30, "the corpus has {checked} files");
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_parsing() {
    let big = vec![b' '; gcm_annotator::formats::import::MAX_IMPORT_BYTES + 1];
    let e = parse("big.json", &big).unwrap_err();
    assert!(
        e.to_string()
            .contains("it is 50000001 bytes, over the import limit of 50000000 bytes"),
        "{e}"
    );
}

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    fn cases(default: u32) -> u32 {
        std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    }

    proptest! {
        // 2,000 cases in the test command; PROPTEST_CASES=… runs a longer session.
        #![proptest_config(ProptestConfig { cases: cases(2000), .. ProptestConfig::default() })]

        /// Arbitrary bytes never panic the importer.
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let m = Model::default();
            let _ = import("fuzz.json", &bytes, &m.library, &mut ids(), 0);
        }

        /// JSON-shaped text built from the formats' own words never panics either.
        #[test]
        fn format_shaped_text_never_panics(parts in proptest::collection::vec(prop_oneof![
            Just("{".to_string()), Just("}".to_string()), Just("[".to_string()), Just("]".to_string()),
            Just(",".to_string()), Just(":".to_string()), Just("\"format\"".to_string()),
            Just("\"gcm-annotator\"".to_string()), Just("\"version\"".to_string()), Just("1".to_string()),
            Just("\"documents\"".to_string()), Just("\"annotations\"".to_string()), Just("\"start\"".to_string()),
            Just("\"end\"".to_string()), Just("\"quote\"".to_string()), Just("\"tags\"".to_string()),
            Just("\"objective-1\"".to_string()), Just("\"text\"".to_string()), Just("\"label\"".to_string()),
            Just("\"type\"".to_string()), Just("\"Annotation\"".to_string()), Just("\"target\"".to_string()),
            Just("\"selector\"".to_string()), Just("\"TextPositionSelector\"".to_string()), Just("\n".to_string()),
            Just("-1".to_string()), Just("99999999999".to_string()), Just("\"😀é\\u0301\"".to_string()),
            Just("\"id\"".to_string()), Just("\"document\"".to_string()), Just("null".to_string()),
        ], 0..60)) {
            let text: String = parts.concat();
            let m = Model::default();
            let _ = import("fuzz.json", text.as_bytes(), &m.library, &mut ids(), 0);
        }

    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: cases(150), .. ProptestConfig::default() })]

        /// Valid annotations at random spans of a hostile text survive every format.
        #[test]
        fn random_spans_round_trip_through_every_format(spans in proptest::collection::vec((0usize..90, 1usize..30, 0usize..33), 1..8)) {
            let mut m = Model::default();
            m.apply(Action::SetAnnotator("P".into()));
            m.apply(Action::AddDocuments(vec![Document::from_paste("u".into(), "t", HOSTILE).unwrap()]));
            let len = HOSTILE.chars().count();
            let text = gcm_annotator::text::DocText::new(HOSTILE);
            let mut expected = 0;
            for (i, (s, l, t)) in spans.iter().enumerate() {
                let (s, e) = ((*s).min(len - 1), (*s + *l).min(len));
                // A span of white space only is refused; every other one is an annotation.
                expected += usize::from(gcm_annotator::annotation::trim_span(&text, Cp(s), Cp(e)).is_some());
                m.apply(Action::Create {
                    id: format!("{i:08}-0000-4000-8000-000000000000"),
                    document: "u".into(),
                    start: Cp(s),
                    end: Cp(e),
                    tags: vec![gcm_annotator::codebook::TAGS[*t].id.to_string()], note: String::new(), now: 1 });
            }
            prop_assert_eq!(m.library.annotations().len(), expected);
            for format in [Format::Project, Format::W3c, Format::Doccano] {
                let out = export(format, &ExportScope::new(&m.library, None), Options::default());
                let mut fresh = Model::default();
                if format == Format::W3c {
                    fresh.apply(Action::AddDocuments(vec![m.library.document("u").unwrap().clone()]));
                }
                let plan = import("x", out.as_bytes(), &fresh.library, &mut ids(), 0).unwrap();
                fresh.apply(Action::Import(Box::new(plan)));
                prop_assert_eq!(flat(&fresh), flat(&m), "{:?}", format);
            }
        }
    }
}

/// Two annotations that carry only a `TextQuoteSelector` (no position), with the same tag on
/// two passages: both are placed. Duplicates are judged where an annotation lands, not by a
/// stored span it does not have; and nothing says the text changed, since none was expected
/// anywhere.
#[test]
fn quote_only_annotations_with_the_same_tag_are_all_placed() {
    let item = |n: u32, exact: &str| {
        serde_json::json!({
            "id": format!("urn:uuid:00000000-0000-4000-8000-00000000000{n}"),
            "type": "Annotation",
            "body": {"type": "TextualBody", "purpose": "tagging", "value": "objective-23"},
            "target": {
                "source": format!("urn:gcm-annotator:document:{SEED_004}"),
                "selector": {"type": "TextQuoteSelector", "exact": exact}
            }
        })
    };
    let file = serde_json::json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationPage",
        "items": [item(1, "Kofi Annan"), item(2, "Global Forum on Migration and Development")]
    })
    .to_string();
    let mut fresh = Model::default();
    let plan = import_into(&mut fresh, "quotes.jsonld", file.as_bytes());
    assert_eq!(plan.annotations.len(), 2, "{}", plan.summary());
    assert!(plan.skipped.is_empty());
    assert_eq!(plan.reanchored, 0);
    assert!(!plan.summary().contains("changed"), "{}", plan.summary());
    let quotes: Vec<&str> = fresh
        .library
        .annotations()
        .iter()
        .map(|a| a.quote.as_str())
        .collect();
    assert!(quotes.contains(&"Kofi Annan"));
    // The same file again: both are already here, by id.
    let again = import(
        "quotes.jsonld",
        file.as_bytes(),
        &fresh.library,
        &mut ids(),
        5,
    )
    .unwrap();
    assert_eq!((again.annotations.len(), again.skipped.len()), (0, 2));
}

/// doccano's newer `entities` objects are read; keys of other dialects that are not read
/// (here `relations`) are said in the summary, never dropped in silence.
#[test]
fn doccano_entities_are_read_and_unread_keys_are_said() {
    let line = serde_json::json!({
        "text": "Safe, orderly and regular migration.",
        "label": [],
        "entities": [
            {"id": 1, "label": "objective-1", "start_offset": 0, "end_offset": 4},
            {"id": 2, "label": "objective-23", "start_offset": 26, "end_offset": 35}
        ],
        "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "about"}]
    })
    .to_string();
    let mut fresh = Model::default();
    let plan = import_into(&mut fresh, "entities.jsonl", line.as_bytes());
    let quotes: Vec<&str> = plan.annotations.iter().map(|a| a.quote.as_str()).collect();
    assert_eq!(quotes, ["Safe", "migration"]);
    let said = plan.summary();
    assert!(
        said.contains("'relations' is not read: doccano's relations between spans are not kept"),
        "{said}"
    );
}

/// A W3C selector that places nothing here, and a body whose purpose is neither tagging nor
/// commenting, are said in the summary.
#[test]
fn w3c_selectors_and_bodies_that_are_not_read_are_said() {
    let file = serde_json::json!({
        "id": "urn:uuid:00000000-0000-4000-8000-0000000000aa",
        "type": "Annotation",
        "body": [
            {"type": "TextualBody", "purpose": "tagging", "value": "objective-23"},
            {"type": "TextualBody", "purpose": "describing", "value": "a description"}
        ],
        "target": {
            "source": format!("urn:gcm-annotator:document:{SEED_004}"),
            "selector": [
                {"type": "XPathSelector", "value": "/html/body/p[2]"},
                {"type": "TextQuoteSelector", "exact": "Kofi Annan"}
            ]
        }
    })
    .to_string();
    let mut fresh = Model::default();
    let plan = import_into(&mut fresh, "one.jsonld", file.as_bytes());
    assert_eq!(plan.annotations.len(), 1);
    let said = plan.summary();
    assert!(said.contains("'XPathSelector' is not read"), "{said}");
    assert!(said.contains("purpose 'describing' are not read"), "{said}");
}

/// Offsets written as UTF-16 code units (JavaScript string indices, as some exporters write
/// doccano files) are recognised when the text has characters outside the BMP: read as code
/// points they cut words, read as UTF-16 they do not. The summary says which reading was
/// used. Offsets written as code points are left as they are.
#[test]
fn doccano_offsets_in_utf16_units_are_recognised_and_said() {
    let text = "😀😀 Safe migration matters.";
    let utf16 = serde_json::json!({
        "text": text,
        "label": [[5, 9, "objective-1"], [10, 19, "objective-23"]]
    })
    .to_string();
    let mut fresh = Model::default();
    let plan = import_into(&mut fresh, "utf16.jsonl", utf16.as_bytes());
    let quotes: Vec<&str> = plan.annotations.iter().map(|a| a.quote.as_str()).collect();
    assert_eq!(quotes, ["Safe", "migration"]);
    assert!(
        plan.summary().contains("read as UTF-16 code units"),
        "{}",
        plan.summary()
    );

    let code_points = serde_json::json!({
        "text": text,
        "label": [[3, 7, "objective-1"], [8, 17, "objective-23"]]
    })
    .to_string();
    let mut fresh = Model::default();
    let plan = import_into(&mut fresh, "cp.jsonl", code_points.as_bytes());
    let quotes: Vec<&str> = plan.annotations.iter().map(|a| a.quote.as_str()).collect();
    assert_eq!(quotes, ["Safe", "migration"]);
    assert!(!plan.summary().contains("UTF-16"), "{}", plan.summary());
}

/// Orphans reach every export of all documents and the rescue: the project's JSON carries
/// them under `orphans`, and importing it brings them back as orphans (placed, should their
/// text be here).
#[test]
fn orphans_are_exported_rescued_and_come_back_as_orphans() {
    let m = sample();
    let jsonld = export_all(&m, Format::W3c);
    // A browser with the seed but not the user document: three orphans.
    let mut fresh = Model::default();
    fresh.apply(Action::SetAnnotator("Bo".into()));
    import_into(&mut fresh, "a.jsonld", jsonld.as_bytes());
    assert_eq!(fresh.library.orphans().len(), 3);

    let json = export_all(&fresh, Format::Project);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["orphans"].as_array().map(Vec::len), Some(3), "{json}");
    let (_, rescue) = gcm_annotator::formats::export::backup(
        &fresh.library,
        &fresh.session.settings,
        1_800_000_000_000,
    );
    let r: serde_json::Value = serde_json::from_str(&rescue).unwrap();
    assert_eq!(
        r["orphans"].as_array().map(Vec::len),
        Some(3),
        "the rescue too"
    );

    let mut third = Model::default();
    let plan = import_into(&mut third, "again.json", json.as_bytes());
    assert_eq!((plan.annotations.len(), plan.orphans.len()), (1, 3));
    assert_eq!(third.library.orphans().len(), 3);

    // W3C carries them too, by their text's ni IRI: they wait in a fourth browser, and are
    // placed when the text arrives there.
    let w3c = export_all(&fresh, Format::W3c);
    let mut fourth = Model::default();
    fourth.apply(Action::SetAnnotator("Cy".into()));
    let plan = import_into(&mut fourth, "again.jsonld", w3c.as_bytes());
    assert_eq!(
        (plan.annotations.len(), plan.orphans.len()),
        (1, 3),
        "{}",
        plan.summary()
    );
    let text = m
        .library
        .documents()
        .iter()
        .find(|d| d.origin == gcm_annotator::document::Origin::User)
        .map(|d| d.text.as_str().to_string())
        .unwrap();
    fourth.apply(Action::AddDocuments(vec![Document::from_paste(
        "mine".into(),
        "The same text",
        &text,
    )
    .unwrap()]));
    assert!(fourth.library.orphans().is_empty());
    assert_eq!(fourth.library.annotations_of("mine").len(), 3);
}

/// An annotation that names a document this browser has (a seed here) is placed on it, even
/// when the file's list of documents leaves it out.
#[test]
fn an_annotation_of_a_seed_missing_from_the_files_documents_is_placed() {
    let m = sample();
    let mut v: serde_json::Value = serde_json::from_str(&export_all(&m, Format::Project)).unwrap();
    v["documents"]
        .as_array_mut()
        .unwrap()
        .retain(|d| d["id"] != SEED_004);
    let mut fresh = Model::default();
    let plan = import_into(&mut fresh, "partial.json", v.to_string().as_bytes());
    assert!(plan.orphans.is_empty(), "{}", plan.summary());
    assert!(fresh
        .library
        .annotations()
        .iter()
        .any(|a| a.document == SEED_004 && a.quote == "Kofi Annan"));
}

/// A document read from a three-page file, with a passage tagged on page 3.
fn paged() -> Model {
    use gcm_annotator::extract::{Extracted, SourceFile};
    let text = "Page one 😀.\n\nPage two, مرحبا.\n\nPage three: e\u{301}migrés arrive.";
    let pages = vec![
        Cp(0),
        Cp(cp_of(text, "Page two").0),
        Cp(cp_of(text, "Page three").0),
    ];
    let doc = Document::from_extracted(
        "user-pdf-1".into(),
        SourceFile {
            name: "Review 2026.pdf".into(),
            media_type: "application/pdf".into(),
            size: 52_311,
            sha256: "0f".repeat(32),
        },
        Extracted {
            text: text.into(),
            pages,
            title: None,
        },
    )
    .unwrap();
    let mut m = Model::default();
    m.apply(Action::SetAnnotator("Ana".into()));
    m.apply(Action::AddDocuments(vec![doc]));
    let (s, e) = cp_of(text, "e\u{301}migrés arrive");
    m.apply(Action::Create {
        document: "user-pdf-1".into(),
        start: Cp(s),
        end: Cp(e),
        id: "00000001-aaaa-4bbb-8ccc-dddddddddddd".into(),
        tags: vec!["objective-5".into()],
        note: String::new(),
        now: 1_700_000_000_000,
    });
    m
}

#[test]
fn a_passage_on_page_3_exports_page_3_and_the_pages_come_back() {
    let m = paged();
    let json: serde_json::Value = serde_json::from_str(&export_all(&m, Format::Project)).unwrap();
    assert_eq!(json["annotations"][0]["page"], 3);
    let doc = &json["documents"][0];
    assert_eq!(doc["source"]["name"], "Review 2026.pdf");
    assert_eq!(doc["pages"].as_array().unwrap().len(), 3);
    // The offsets slice the text, as any tool reading code points would.
    let (s, e) = (
        json["annotations"][0]["start"].as_u64().unwrap() as usize,
        json["annotations"][0]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        slice_cp(doc["text"].as_str().unwrap(), s, e),
        "e\u{301}migrés arrive"
    );

    let csv_text = export_all(&m, Format::Csv);
    let mut r = csv::Reader::from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes());
    let page = HEADER.iter().position(|h| *h == "page").unwrap();
    let row = r.records().next().unwrap().unwrap();
    assert_eq!(&row[page], "3");

    // Imported into another browser, the document keeps its pages and its source.
    let fresh = Model::default();
    let plan = import(
        "review.json",
        export_all(&m, Format::Project).as_bytes(),
        &fresh.library,
        &mut || "new-id".into(),
        0,
    )
    .unwrap();
    let back = &plan.new_documents[0];
    assert_eq!(back.pages, m.library.document("user-pdf-1").unwrap().pages);
    assert_eq!(
        back.source.as_ref().map(|s| s.sha256.as_str()),
        Some("0f".repeat(32).as_str())
    );
    assert_eq!(back.page_of(plan.annotations[0].start), Some(3));
}

/// The bad files that the JSON importer reads (the project's JSON, W3C, doccano, and plain
/// text it must refuse); REFI-QDA, brat and CSV files are read by the exchange module and
/// checked by its own tests.
fn json_family(name: &str) -> bool {
    [".json", ".jsonld", ".jsonl", ".txt"]
        .iter()
        .any(|e| name.ends_with(e))
}

/// Every format carries who made each annotation (name and id), its origin and the
/// assignment where it has a place, and the import reads them back into the neutral form;
/// importing then keeps the maker and makes the origin `imported` (a given one stays given).
#[test]
fn every_format_carries_makers_origins_and_the_assignment() {
    use gcm_annotator::formats::exchange::convert_export;
    let m = sample();
    let id = "0a0a0a0a-0000-4000-8000-00000000000a";
    // What the sample made, as if made in a profile with an id; one accepted, one given.
    let mut anns: Vec<Annotation> = m.library.annotations().to_vec();
    for (i, a) in anns.iter_mut().enumerate() {
        a.annotator_id = id.into();
        a.origin = [Origin::Here, Origin::Suggested, Origin::Given, Origin::Here][i % 4];
    }
    let docs = m.library.documents().to_vec();
    let scope = ExportScope::of_parts(
        docs.iter()
            .filter(|d| anns.iter().any(|a| a.document == d.id))
            .collect(),
        anns.iter().collect(),
        vec![],
        m.library.codebook(),
    );
    let opts = Options {
        annotator: "Ana <b>B</b>",
        annotator_id: id,
        assignment: Some("asg-7"),
        everything: true,
        seed_text: true,
        now: 1_800_000_000_000,
    };
    let staged = export(Format::Project, &scope, opts);
    // REFI-QDA and brat (zips) have tests of their own, in the crate.
    for format in [Format::Project, Format::W3c, Format::Doccano, Format::Csv] {
        let bytes = convert_export(
            format,
            &staged,
            Options {
                annotator_id: "",
                assignment: None,
                ..opts
            },
        )
        .unwrap();
        let name = format!("f.{}", format.extension());
        let incoming = match format {
            Format::Csv => {
                let text = gcm_annotator::formats::exchange::utf8(&name, bytes).unwrap();
                gcm_annotator::formats::csv::read(&text).unwrap()
            }
            _ => parse(&name, &bytes).unwrap(),
        };
        let said = format!("{format:?}");
        assert_eq!(incoming.assignment.as_deref(), Some("asg-7"), "{said}");
        // A CSV has no file-wide annotator: each row names its maker.
        let file = (format != Format::Csv).then_some((id, "Ana <b>B</b>"));
        let read = incoming
            .annotator_id
            .as_deref()
            .zip(incoming.annotator.as_deref());
        assert_eq!(read, file, "{said}");
        let passages: Vec<_> = incoming
            .annotations
            .iter()
            .filter(|a| !a.whole_document)
            .collect();
        assert_eq!(passages.len(), 4, "{said}");
        for b in &passages {
            assert_eq!(b.annotator_id.as_deref(), Some(id), "{said}");
            let a = anns
                .iter()
                .find(|a| {
                    b.quote.as_deref() == Some(a.quote.as_str())
                        || b.start == Some(a.start.0) && b.tags.len() == a.tags.len()
                })
                .unwrap();
            // Origins: every format but doccano (no place for them) says it.
            match format {
                Format::Doccano => assert_eq!(b.origin, None, "{said}"),
                _ => assert_eq!(b.origin, Some(a.origin), "{said}"),
            }
        }
    }
    // Imported, Bo keeps Ana's maker and origin "imported", but a given example stays given.
    let mut bo = Model::default();
    import_into(&mut bo, "ana.json", staged.as_bytes());
    let origins: Vec<Origin> = bo.library.annotations().iter().map(|a| a.origin).collect();
    assert_eq!(origins.iter().filter(|o| **o == Origin::Given).count(), 1);
    assert_eq!(
        origins.iter().filter(|o| **o == Origin::Imported).count(),
        3
    );
    assert!(bo
        .library
        .annotations()
        .iter()
        .all(|a| a.annotator_id == id));
}
