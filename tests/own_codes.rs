//! The user's own codes and whole-document tags through the project's JSON, W3C and doccano,
//! and the import planner that maps a file's codes onto the codebook (issue 19, points 4–5);
//! the scope the second wasm module rebuilds from the project's JSON (`read_export`), and the
//! project's JSON of a parsed file (`write_incoming`).
#![cfg(not(target_arch = "wasm32"))]

use gcm_annotator::annotation::{Annotation, Draft, Provenance};
use gcm_annotator::codes::{Codebook, OwnCode};
use gcm_annotator::document::Document;
use gcm_annotator::extract::{Extracted, SourceFile};
use gcm_annotator::formats::export::export;
use gcm_annotator::formats::exported::{read_export, write_incoming};
use gcm_annotator::formats::import::parse;
use gcm_annotator::formats::planner::import;
use gcm_annotator::formats::project;
use gcm_annotator::formats::{ExportScope, Format, Options};
use gcm_annotator::history::Change;
use gcm_annotator::library::Library;
use gcm_annotator::state::{Action, Model};
use gcm_annotator::text::Cp;

/// Emoji outside the BMP, a flag, combining marks, Arabic, Hebrew, CRLF.
const HOSTILE: &str = "Intro 😀 e\u{301}te\u{301} مرحبا بالعالم שלום\r\n\
Les droits des \"migrants\", dit-on, sont protégés 🇫🇷.\r\n\
Fin du texte.\r\n";

const STANCE: &str = "code-0a0a0a0a-1111-4222-8333-444455556666";
const ACTOR: &str = "code-0b0b0b0b-1111-4222-8333-444455556666";
const GAP: &str = "code-0c0c0c0c-1111-4222-8333-444455556666";

fn cp_of(text: &str, needle: &str) -> (usize, usize) {
    let b = text.find(needle).unwrap();
    let s = text[..b].chars().count();
    (s, s + needle.chars().count())
}

fn codebook() -> Codebook {
    let mut book = Codebook::default();
    for (id, name, color, parent, description) in [
        (
            STANCE,
            "Stance ✊",
            "#f7b0b0",
            None,
            "Where the speaker stands",
        ),
        (ACTOR, "Actor — دولة", "#8ed6e6", Some(STANCE), ""),
        (
            GAP,
            "Implementation gap",
            "#c0b8f5",
            Some("objective-11"),
            "Said, not done",
        ),
    ] {
        book.add(OwnCode {
            id: id.into(),
            name: name.into(),
            color: color.into(),
            parent: parent.map(String::from),
            description: description.into(),
        })
        .unwrap();
    }
    book
}

fn passage(doc: &Document, id: &str, needle: &str, tags: &[&str], note: &str) -> Annotation {
    let (s, e) = cp_of(doc.text.as_str(), needle);
    let draft = Draft {
        document: doc.id.clone(),
        start: Cp(s),
        end: Cp(e),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        note: note.into(),
    };
    let mut a = Annotation::new_in(
        id.into(),
        draft,
        &doc.text,
        "Ana ✍",
        1_700_000_000_123,
        &codebook(),
    )
    .unwrap();
    a.updated = 1_700_000_555_789;
    a
}

fn whole(doc: &str, id: &str, tags: &[&str]) -> Annotation {
    Annotation {
        annotator_id: String::new(),
        origin: gcm_annotator::annotation::Origin::Here,
        id: id.into(),
        document: doc.into(),
        start: Cp(0),
        end: Cp(0),
        quote: String::new(),
        prefix: String::new(),
        suffix: String::new(),
        tags: codebook()
            .normalize(&tags.iter().map(|t| t.to_string()).collect::<Vec<_>>())
            .unwrap(),
        note: "The whole report".into(),
        created: 1_700_000_000_001,
        updated: 1_700_000_000_002,
        annotator: "Ana ✍".into(),
        provenance: None,
        whole_document: true,
    }
}

/// A library with a hostile pasted text, a PDF-like document with pages, own nested codes
/// (under an own code and under a GCM tag), notes, whole-document tags and orphans (one of
/// a text here, one waiting for a text this browser does not have).
fn library() -> Library {
    let user =
        Document::from_paste("user-doc-1".into(), "Hostile \"quoted\" title", HOSTILE).unwrap();
    let text = "Page one 😀.\n\nPage two, مرحبا.\n\nPage three: e\u{301}migrés arrive.";
    let pdf = Document::from_extracted(
        "user-pdf-1".into(),
        SourceFile {
            name: "Review 2026.pdf".into(),
            media_type: "application/pdf".into(),
            size: 52_311,
            sha256: "0f".repeat(32),
        },
        Extracted {
            text: text.into(),
            pages: vec![
                Cp(0),
                Cp(cp_of(text, "Page two").0),
                Cp(cp_of(text, "Page three").0),
            ],
            title: None,
        },
    )
    .unwrap();
    let mut changes = vec![
        Change::Codebook {
            before: Codebook::default(),
            after: codebook(),
        },
        Change::Document {
            before: None,
            after: Some(user.clone()),
        },
        Change::Document {
            before: None,
            after: Some(pdf.clone()),
        },
    ];
    // A bundled seed, tagged with an own code: written by its seed IRI, its text on request.
    let seed = Document::seeds().remove(0);
    let word = seed
        .text
        .as_str()
        .split_whitespace()
        .find(|w| w.chars().count() >= 6 && w.chars().all(char::is_alphabetic))
        .unwrap()
        .to_string();
    for a in [
        passage(&seed, "s1", &word, &[GAP], "on a seed"),
        passage(
            &user,
            "a1",
            "مرحبا بالعالم",
            &[ACTOR, "objective-16"],
            "<b>note</b>\r\nline",
        ),
        passage(&user, "a2", "droits des \"migrants\"", &[STANCE], ""),
        passage(&pdf, "a3", "e\u{301}migrés arrive", &[GAP, ACTOR], "p3"),
        whole("user-pdf-1", "w1", &[STANCE, "objective-11"]),
        whole("user-doc-1", "w2", &["principle-human-rights"]),
    ] {
        changes.push(Change::created(a));
    }
    // A passage since deleted from the text: not found there again.
    let mut lost = passage(&user, "o1", "Fin du texte", &[GAP], "lost");
    lost.quote = "a passage since deleted".into();
    lost.provenance = Some(Box::new(Provenance {
        file: "old.json".into(),
        sha256: Some(user.text.sha256_hex().to_string()),
    }));
    let mut waiting = whole("elsewhere", "o2", &[STANCE]);
    waiting.provenance = Some(Box::new(Provenance {
        file: "friend.json".into(),
        sha256: Some("ab".repeat(32)),
    }));
    for o in [lost, waiting] {
        changes.push(Change::Orphan {
            before: None,
            after: Some(o),
        });
    }
    let mut library = Library::default();
    library.apply(&changes);
    assert_eq!(library.annotations().len(), 6);
    assert_eq!(library.orphans().len(), 2);
    library
}

fn opts(seed_text: bool) -> Options<'static> {
    Options {
        annotator_id: "",
        assignment: None,
        everything: false,
        seed_text,
        now: 1_800_000_000_000,
        annotator: "Ana ✍",
    }
}

fn fresh() -> Model {
    let mut m = Model::default();
    m.apply(Action::SetAnnotator("Bo".into()));
    m
}

fn ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("new-{n}")
    }
}

fn import_into(m: &mut Model, name: &str, text: &str) -> gcm_annotator::formats::plan::Plan {
    let plan =
        import(name, text.as_bytes(), &m.library, &mut ids(), 5).unwrap_or_else(|e| panic!("{e}"));
    m.apply(Action::Import(Box::new(plan.clone())));
    plan
}

fn export_of(library: &Library, format: Format, only: Option<&str>) -> String {
    export(format, &ExportScope::new(library, only), opts(true))
}

/// (document, start, end, quote, tags, note, whole) of an annotation.
type Essential = (String, usize, usize, String, Vec<String>, String, bool);

/// The essentials of every annotation, sorted.
fn essentials(m: &Model) -> Vec<Essential> {
    let mut v: Vec<_> = m
        .library
        .annotations()
        .iter()
        .map(|a| {
            (
                a.document.clone(),
                a.start.0,
                a.end.0,
                a.quote.clone(),
                a.tags.clone(),
                a.note.clone(),
                a.whole_document,
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn every_format_writes_the_same_from_the_rebuilt_scope_as_from_the_library() {
    let library = library();
    let seed = Document::seeds()[0].id.clone();
    for only in [
        None,
        Some("user-doc-1"),
        Some("user-pdf-1"),
        Some(seed.as_str()),
    ] {
        let scope = ExportScope::new(&library, only);
        let json = project::write(&scope, opts(true));
        let rebuilt = read_export(&json).unwrap();
        assert_eq!(rebuilt.codebook, *library.codebook());
        for format in [Format::Project, Format::W3c, Format::Doccano, Format::Csv] {
            for seed_text in [true, false] {
                let here = export(format, &scope, opts(seed_text));
                let there = export(format, &rebuilt.scope(), opts(seed_text));
                assert_eq!(here, there, "{format:?} of {only:?}, seed_text {seed_text}");
            }
        }
    }
    // Orphans keep their provenance: the waiting one's text is named in both.
    let rebuilt = read_export(&export_of(&library, Format::Project, None)).unwrap();
    assert_eq!(rebuilt.orphans, library.orphans().to_vec());
    let pdf = rebuilt
        .documents
        .iter()
        .find(|d| d.id == "user-pdf-1")
        .unwrap();
    assert_eq!(pdf.pages.len(), 3);
    assert_eq!(pdf.source.as_ref().unwrap().name, "Review 2026.pdf");
}

#[test]
fn the_project_json_brings_back_own_codes_nesting_and_whole_document_tags() {
    let library = library();
    let json = export_of(&library, Format::Project, None);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    // Parents before children; a whole-document tag has no offsets.
    let codes: Vec<&str> = v["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(codes, [STANCE, ACTOR, GAP]);
    let w1 = v["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "w1")
        .unwrap();
    assert_eq!(w1["whole_document"], true);
    assert!(w1.get("start").is_none() && w1.get("quote").is_none());

    let mut m = fresh();
    let plan = import_into(&mut m, "mine.json", &json);
    assert!(plan.summary().contains("3 new codes: \u{2068}Stance ✊\u{2069}, \u{2068}Actor — دولة\u{2069}, \u{2068}Implementation gap\u{2069}"), "{}", plan.summary());
    assert_eq!(
        m.library.codebook(),
        library.codebook(),
        "same ids, names, colours, nesting"
    );
    let mut original = fresh();
    original.library = library.clone();
    assert_eq!(essentials(&m), essentials(&original));
    // The orphan whose text is here stays an orphan; the waiting one waits.
    assert_eq!(m.library.orphans().len(), 2);
}

#[test]
fn importing_the_same_file_twice_makes_no_second_code_or_annotation() {
    let library = library();
    let json = export_of(&library, Format::Project, None);
    let mut m = fresh();
    import_into(&mut m, "mine.json", &json);
    let (book, before) = (m.library.codebook().clone(), essentials(&m));
    let again = import_into(&mut m, "mine.json", &json);
    assert!(again.new_codes.is_empty());
    assert!(!again.summary().contains("new code"), "{}", again.summary());
    assert_eq!(m.library.codebook(), &book);
    assert_eq!(essentials(&m), before);
}

#[test]
fn undo_of_an_import_takes_its_codes_back_and_redo_returns_them() {
    let json = export_of(&library(), Format::Project, None);
    let mut m = fresh();
    import_into(&mut m, "mine.json", &json);
    assert_eq!(m.library.codebook().own().len(), 3);
    m.apply(Action::Undo);
    assert!(m.library.codebook().own().is_empty());
    assert!(m.library.annotations().is_empty());
    m.apply(Action::Redo);
    assert_eq!(m.library.codebook().own().len(), 3);
    assert_eq!(m.library.annotations().len(), 6);
}

#[test]
fn a_code_named_like_a_gcm_tag_refuses_the_file_and_changes_nothing() {
    let json =
        export_of(&library(), Format::Project, None).replace("Implementation gap", "SAVE  LIVES");
    let mut m = fresh();
    let before = (m.library.clone(), m.history.clone());
    let e = m
        .import_file("gcm-named.json", json.as_bytes(), &mut ids(), 5)
        .unwrap_err();
    assert!(
        e.to_string().contains(
            "its code “\u{2068}SAVE  LIVES\u{2069}” has the name of a GCM tag (GCM objective 8)"
        ),
        "{e}"
    );
    assert_eq!((m.library.clone(), m.history.clone()), before);
}

#[test]
fn a_file_code_matches_a_code_here_by_id_guid_or_name_else_is_made() {
    let mut m = fresh();
    m.library = library();
    // The same names under other keys (a doccano file made elsewhere): matched by name,
    // ignoring case and accents; an unknown one is made, once, however often it is used.
    let line = serde_json::json!({
        "text": "Stance here, gap there, new one.",
        "label": [[0, 6, "STANCE ✊"], [12, 15, "implementation GAP"], [24, 27, "Novel"], [28, 31, "Novel"]],
    });
    let plan = import_into(&mut m, "elsewhere.jsonl", &format!("{line}\n"));
    assert_eq!(plan.new_codes.len(), 1, "{:?}", plan.new_codes);
    let novel = &plan.new_codes[0];
    assert_eq!(novel.name, "Novel");
    assert!(novel.id.starts_with("code-"), "{}", novel.id);
    let tags: Vec<Vec<String>> = plan.annotations.iter().map(|a| a.tags.clone()).collect();
    assert_eq!(
        tags,
        [
            vec![STANCE.to_string()],
            vec![GAP.into()],
            vec![novel.id.clone()],
            vec![novel.id.clone()]
        ]
    );
}

#[test]
fn w3c_carries_own_codes_by_iri_and_whole_document_tags_as_targets_without_selector() {
    let library = library();
    let jsonld = export_of(&library, Format::W3c, None);
    let v: serde_json::Value = serde_json::from_str(&jsonld).unwrap();
    let items = v["first"]["items"].as_array().unwrap();
    let w1 = items
        .iter()
        .find(|i| {
            i["body"][1]["value"] == "urn:gcm-annotator:code:0a0a0a0a-1111-4222-8333-444455556666"
        })
        .unwrap();
    assert_eq!(w1["body"][1]["label"], "Stance ✊");
    assert_eq!(
        w1["body"][0]["value"], "objective-11",
        "GCM tags are written as they were"
    );
    assert!(w1["target"].get("selector").is_none() && w1["target"]["source"].is_string());

    // Into a browser with the texts but not the codes: the codes come back by their IRI's
    // UUID and their label (W3C has no colours or nesting), the whole-document tags whole.
    let mut m = fresh();
    for d in library
        .documents()
        .iter()
        .filter(|d| d.id.starts_with("user-"))
    {
        m.apply(Action::AddDocuments(vec![d.clone()]));
    }
    let plan = import_into(&mut m, "w3c.jsonld", &jsonld);
    let mut names: Vec<(&str, &str)> = m
        .library
        .codebook()
        .own()
        .iter()
        .map(|c| (c.id.as_str(), c.name.as_str()))
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            (STANCE, "Stance ✊"),
            (ACTOR, "Actor — دولة"),
            (GAP, "Implementation gap")
        ]
    );
    assert_eq!(plan.annotations.len(), 6, "{}", plan.summary());
    let mut original = fresh();
    original.library = library.clone();
    // The codes were made in the order the file first names them, and an annotation's tags
    // follow the codebook's order: the same tags, perhaps in another order.
    let unordered = |m: &Model| {
        let mut v = essentials(m);
        v.iter_mut().for_each(|e| e.4.sort());
        v
    };
    assert_eq!(unordered(&m), unordered(&original));
    // Into the library it came from: nothing new.
    let mut same = fresh();
    same.library = library;
    let again = import_into(&mut same, "w3c.jsonld", &jsonld);
    assert!(
        again.new_codes.is_empty() && again.annotations.is_empty(),
        "{}",
        again.summary()
    );
}

#[test]
fn doccano_labels_own_codes_by_name_and_leaves_whole_document_tags_out() {
    let library = library();
    let jsonl = export_of(&library, Format::Doccano, Some("user-doc-1"));
    assert!(jsonl.contains("\"Actor — دولة\""), "{jsonl}");
    assert!(
        !jsonl.contains("principle-human-rights"),
        "the whole-document tag is left out"
    );
    let mut m = fresh();
    let plan = import_into(&mut m, "d.jsonl", &jsonl);
    let mut names: Vec<&str> = plan.new_codes.iter().map(|c| c.name.as_str()).collect();
    names.sort();
    assert_eq!(names, ["Actor — دولة", "Stance ✊"]);
    let text = m.library.documents().last().unwrap().text.clone();
    let spans: Vec<(String, usize)> = m
        .library
        .annotations()
        .iter()
        .map(|a| {
            (
                text.slice(a.start, a.end).unwrap().to_string(),
                a.tags.len(),
            )
        })
        .collect();
    assert_eq!(
        spans,
        [
            ("مرحبا بالعالم".to_string(), 2),
            ("droits des \"migrants\"".into(), 1)
        ]
    );
    // Back into the library it came from: the names find their codes; nothing doubles.
    let mut same = fresh();
    same.library = library;
    let again = import_into(&mut same, "d.jsonl", &jsonl);
    assert!(again.new_codes.is_empty(), "{:?}", again.new_codes);
    assert!(again.annotations.is_empty(), "{}", again.summary());
}

#[test]
fn a_doccano_text_classification_label_is_a_whole_document_tag() {
    let line = r#"{"text": "A report on borders.", "label": ["objective-11", "Positive"]}"#;
    let mut m = fresh();
    let plan = import_into(&mut m, "cats.jsonl", line);
    assert_eq!(plan.annotations.len(), 1);
    let a = &plan.annotations[0];
    assert!(a.whole_document && a.quote.is_empty());
    assert_eq!(a.tags[0], "objective-11");
    assert_eq!(
        m.library.codebook().code(&a.tags[1]).unwrap().name(),
        "Positive"
    );
}

#[test]
fn a_doccano_label_with_markup_becomes_an_own_code_named_as_text() {
    let line = r#"{"text": "<script>alert(1)</script>", "label": [[0, 8, "<img src=x onerror=alert(1)>"]]}"#;
    let mut m = fresh();
    let plan = import_into(&mut m, "payload.jsonl", line);
    assert_eq!(
        m.library.codebook().own()[0].name,
        "<img src=x onerror=alert(1)>"
    );
    assert!(
        plan.summary().contains("markup, shown as plain text"),
        "{}",
        plan.summary()
    );
}

#[test]
fn whole_document_tags_are_placed_in_their_document_or_wait_for_it() {
    let json = serde_json::json!({
        "format": "gcm-annotator", "version": 1,
        "documents": [{"id": "u-1", "title": "Here", "text": "A text."}],
        "annotations": [
            {"id": "w-here", "document": "u-1", "whole_document": true, "tags": ["objective-1"]},
            {"id": "w-away", "document": "u-2", "whole_document": true, "tags": ["objective-2"]},
        ],
    })
    .to_string();
    let mut m = fresh();
    let plan = import_into(&mut m, "w.json", &json);
    assert_eq!(plan.annotations.len(), 1);
    assert!(plan.annotations[0].whole_document);
    assert_eq!(plan.orphans.len(), 1);
    assert_eq!(plan.waiting, 1);
    // The same tag again is a duplicate; the waiting one is kept once.
    let again = import_into(&mut m, "w.json", &json);
    assert!(again.annotations.is_empty(), "{}", again.summary());
    assert_eq!(again.skipped.len(), 1, "{}", again.summary());
    assert_eq!(m.library.annotations().len(), 1);
    assert_eq!(m.library.orphans().len(), 1);
}

#[test]
fn a_parsed_file_comes_back_from_its_project_json() {
    let library = library();
    let w3c = export_of(&library, Format::W3c, None);
    let doccano = export_of(&library, Format::Doccano, None)
        + "{\"text\": \"Cats.\", \"label\": [\"Positive\", [0, 4, \"objective-1\"]]}\n";
    let project = export_of(&library, Format::Project, None);
    for (name, text) in [("a.jsonld", w3c), ("b.jsonl", doccano), ("c.json", project)] {
        let incoming = parse(name, text.as_bytes()).unwrap();
        assert!(!incoming.codes.is_empty() || name == "b.jsonl");
        let json = write_incoming(&incoming);
        let back = project::read_text(&json)
            .expect("read")
            .expect("well formed");
        assert_eq!(back, incoming, "{name}");
    }
}

#[test]
fn project_exports_with_own_codes_validate_against_the_json_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../src/formats/project.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let v: serde_json::Value =
        serde_json::from_str(&export_of(&library(), Format::Project, None)).unwrap();
    let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let mut bad = v.clone();
    let w = bad["annotations"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|a| a["id"] == "w1")
        .unwrap();
    w["start"] = 0.into();
    assert!(
        !validator.is_valid(&bad),
        "a whole-document tag with offsets passes"
    );
    let mut bad = v;
    let a1 = bad["annotations"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|a| a["id"] == "a1")
        .unwrap();
    a1.as_object_mut().unwrap().remove("quote");
    assert!(
        !validator.is_valid(&bad),
        "a passage without its quote passes"
    );
}

#[test]
fn a_whole_document_tag_waiting_for_its_text_is_placed_when_the_text_arrives() {
    let text = "A text that arrives later.";
    let sha = gcm_annotator::formats::sha256_hex(text);
    let json = serde_json::json!({
        "format": "gcm-annotator", "version": 1,
        "documents": [{"id": "u-away", "sha256": sha}],
        "annotations": [{"id": "w-away", "document": "u-away", "whole_document": true, "tags": ["objective-2"]}],
    })
    .to_string();
    let mut m = fresh();
    let plan = import_into(&mut m, "w.json", &json);
    assert_eq!(plan.waiting, 1, "{}", plan.summary());
    let doc = Document::from_paste("pasted".into(), "Later", text).unwrap();
    m.apply(Action::AddDocuments(vec![doc]));
    assert!(m.library.orphans().is_empty());
    let placed = &m.library.annotations()[0];
    assert_eq!(
        (placed.document.as_str(), placed.whole_document),
        ("pasted", true)
    );
    assert_eq!(placed.tags, ["objective-2"]);
}

#[test]
fn a_code_name_and_description_over_their_limits_are_cut_and_said() {
    let json = serde_json::json!({
        "format": "gcm-annotator", "version": 1,
        "codes": [{"id": "code-0d0d0d0d-1111-4222-8333-444455556666", "name": "ж".repeat(150), "description": "d".repeat(20_000)}],
        "documents": [{"id": "u-1", "title": "Here", "text": "A text."}],
        "annotations": [{"id": "w", "document": "u-1", "whole_document": true, "tags": ["code-0d0d0d0d-1111-4222-8333-444455556666"]}],
    })
    .to_string();
    let mut m = fresh();
    let plan = import_into(&mut m, "long.json", &json);
    let code = &m.library.codebook().own()[0];
    assert_eq!(
        code.name.chars().count(),
        gcm_annotator::fields::Field::CodeName.limit()
    );
    assert_eq!(
        code.description.chars().count(),
        gcm_annotator::fields::Field::Note.limit()
    );
    assert!(plan.summary().contains("code name"), "{}", plan.summary());
}

#[test]
fn codes_listed_child_first_are_made_parents_first_and_nested_as_the_file_nests_them() {
    let json = serde_json::json!({
        "format": "gcm-annotator", "version": 1,
        "codes": [
            {"id": "code-0e0e0e0e-1111-4222-8333-444455556666", "name": "City", "parent": "code-0f0f0f0f-1111-4222-8333-444455556666", "color": "#ff0000"},
            {"id": "code-0f0f0f0f-1111-4222-8333-444455556666", "name": "Actor", "parent": "objective-23"},
        ],
        "documents": [{"id": "u-1", "title": "Here", "text": "Cities act."}],
        "annotations": [{"id": "a", "document": "u-1", "start": 0, "end": 6, "quote": "Cities",
                         "tags": ["code-0e0e0e0e-1111-4222-8333-444455556666"]}],
    })
    .to_string();
    let mut m = fresh();
    import_into(&mut m, "child-first.json", &json);
    let own = m.library.codebook().own();
    let names: Vec<&str> = own.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Actor", "City"]);
    assert_eq!(own[0].parent.as_deref(), Some("objective-23"));
    assert_eq!(own[1].parent.as_deref(), Some(own[0].id.as_str()));
    // A colour off the palette is snapped to its nearest; none given, the palette's next.
    assert!(gcm_annotator::codes::OWN_PALETTE.contains(&own[1].color.as_str()));
    assert_eq!(own[0].color, gcm_annotator::codes::palette_color(0));
}
