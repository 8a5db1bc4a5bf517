//! The classroom loop, end to end, one browser profile per person: a teacher adds their own
//! text, tags an answer key and hands out an assignment without it; three students open the
//! assignment, tag differently and send back files in three formats; the teacher compares
//! them, with the key, and sees one overall score per student, each annotation credited to
//! the person who made it. Then the files a teacher really gets: one for another
//! assignment, the same student twice, a student who tagged nothing.

use fantoccini::key::Key;
use gcm_annotator::classroom;
use gcm_annotator::document::Document;
use gcm_annotator::stats::Matching;
use gcm_e2e::Browser;
use std::path::{Path, PathBuf};

/// The teacher's own text: an emoji before the passages puts code points and UTF-16 units
/// apart, and the CRLF line ends are kept as they are.
const TEXT: &str = "A class reads the Global Compact 🌍 together.\r\n\
States will collect accurate migration data for their policies.\r\n\
Every migrant should have proof of legal identity and documents.\r\n\
Climate change drives people from their homes.\r\n";
const INSTRUCTIONS: &str =
    "Tag what the text says about data, identity and the drivers of migration.";

const DATA: &str = "Objective 1: Data";
const IDENTITY: &str = "Objective 4: Legal identity and documentation";
const DRIVERS: &str = "Objective 2: Minimize adverse drivers";
const RIGHTS: &str = "Principle: Human rights";

/// The teacher, still open, with what they hand out and keep: the assignment and the answer
/// key.
async fn teacher(dir: &Path) -> (Browser, PathBuf, PathBuf) {
    let t = Browser::open().await;
    let doc = dir.join("migration-data.txt");
    std::fs::write(&doc, TEXT).unwrap();
    t.choose_file("#file-input", &doc).await;
    t.wait_for_css("#doc-text .block").await;
    t.annotate_as("Teacher", "collect accurate migration data", 0, &[DATA])
        .await;
    t.annotate_as(
        "Teacher",
        "proof of legal identity and documents",
        0,
        &[IDENTITY],
    )
    .await;
    t.annotate_as("Teacher", "Climate change drives people", 0, &[DRIVERS])
        .await;
    let key = t.export_all("gcm", ".json").await;

    t.click("button", "Export").await;
    t.wait_for_css("#export-panel").await;
    t.wait_for_css(".assignment-form summary")
        .await
        .click()
        .await
        .unwrap();
    t.wait_for_css("#assignment-form-instructions")
        .await
        .send_keys(INSTRUCTIONS)
        .await
        .unwrap();
    t.click("button", "None").await;
    for tag in [DATA, IDENTITY, DRIVERS, RIGHTS] {
        t.tick_in_assignment_form(tag).await;
    }
    t.click("button", "Download assignment").await;
    let assignment = t.wait_download(".json").await;
    t.press(&[], Key::Escape).await;
    (t, assignment, key)
}

/// One student: opens the assignment in a fresh profile, checks that the key is not there,
/// tags `passages`, and exports in `format` (slug, extension).
async fn student(
    name: &str,
    assignment: &Path,
    also_import: Option<&Path>,
    passages: &[(&str, &str)],
    format: (&str, &str),
) -> PathBuf {
    let s = Browser::open().await;
    s.choose_file("#file-input", assignment).await;
    s.wait_for_css("#doc-text .block").await;
    s.wait_for_text(INSTRUCTIONS).await;
    // No student sees the key: nothing stored, nothing highlighted.
    assert!(
        s.stored_annotations().await.is_empty(),
        "{name} sees no key"
    );
    assert_eq!(
        s.js(
            "return document.querySelectorAll('#doc-text .hl, #doc-text mark').length + (CSS.highlights?.size ?? 0 ? [...CSS.highlights.keys()].filter(k => k.startsWith('tag-')).length : 0)",
            vec![]
        )
        .await,
        0,
        "{name}: no highlight of the key"
    );
    if let Some(file) = also_import {
        // She gets hold of the teacher's key and imports it: she sees it, and it is not
        // hers.
        s.choose_file("#import-input", file).await;
        s.wait_until(
            "the key is imported",
            "return document.querySelectorAll('ol.entries button.entry-main').length >= 3",
        )
        .await;
    }
    for (needle, tag) in passages {
        s.annotate_as(name, needle, 0, &[tag]).await;
    }
    // The Export panel proposes the document she works on, not all documents.
    s.click("button", "Export").await;
    s.wait_for_css("#export-panel").await;
    assert_eq!(
        s.js(
            "return document.querySelector('#export-panel input[name=scope]').checked",
            vec![]
        )
        .await,
        true,
        "{name}: “This document” is chosen"
    );
    s.click("button", "Export").await;
    let file = s.export_all(format.0, format.1).await;
    s.close().await;
    file
}

/// The class's files read natively, as Compare reads them.
fn native(doc: &Document, files: &[(String, Vec<u8>)]) -> Vec<classroom::Annotator> {
    let (annotators, problems) = classroom::load(doc, files);
    assert!(problems.is_empty(), "{problems:?}");
    annotators
}

#[tokio::test]
async fn a_teacher_hands_out_an_assignment_collects_three_formats_and_scores_each_student() {
    let dir = std::env::temp_dir().join(format!("gcm-e2e-loop-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (t, assignment, key) = teacher(&dir).await;
    let handout: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&assignment).unwrap()).unwrap();
    let assignment_id = handout["assignment"]["id"].as_str().unwrap().to_string();

    // Ana tags two of the key's passages exactly: project JSON.
    let ana = student(
        "Ana",
        &assignment,
        None,
        &[
            ("collect accurate migration data", DATA),
            ("proof of legal identity and documents", IDENTITY),
        ],
        ("gcm", ".json"),
    )
    .await;
    // Ben splits the first key passage in two and tags a wrong one: W3C.
    let ben = student(
        "Ben",
        &assignment,
        None,
        &[
            ("collect accurate", DATA),
            ("migration data", DATA),
            ("Every migrant should", RIGHTS),
        ],
        ("w3c", ".jsonld"),
    )
    .await;
    // Chloé imports the teacher's key, then tags one passage of her own: doccano.
    let chloe = student(
        "Chloé",
        &assignment,
        Some(&key),
        &[("Climate change drives people", DRIVERS)],
        ("doccano", ".jsonl"),
    )
    .await;

    // Dan opens the assignment and sends back a spreadsheet without a single passage.
    // (He never typed a name: the palette asks for it at the first passage.)
    let dan = student("Dan", &assignment, None, &[], ("table", ".csv")).await;

    // Every file is named for its document, its annotator and its format: none overwrites
    // another in a downloads folder.
    let names: Vec<String> = [&ana, &ben, &chloe, &key]
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().to_string())
        .collect();
    for (name, who) in names.iter().zip(["ana", "ben", "chlo", "teacher"]) {
        assert!(name.contains(who), "{name} names {who}");
    }
    assert!(names[2].contains("-doccano-"), "{}", names[2]);
    // Chloé's doccano file holds her one annotation, not the key she imported, and says
    // who she is and which assignment it answers.
    let chloe_text = std::fs::read_to_string(&chloe).unwrap();
    let labels: usize = chloe_text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["label"].as_array().map_or(0, Vec::len)
        })
        .sum();
    assert_eq!(labels, 1, "only her own: {chloe_text}");
    assert!(chloe_text.contains("Chloé"), "{chloe_text}");
    assert!(chloe_text.contains(&assignment_id), "{chloe_text}");

    // What Compare must show, computed natively from the same files.
    let read = |p: &PathBuf| {
        (
            p.file_name().unwrap().to_string_lossy().to_string(),
            std::fs::read(p).unwrap(),
        )
    };
    let files = vec![read(&key), read(&ana), read(&ben), read(&chloe)];
    let key_json: serde_json::Value =
        serde_json::from_slice(&files[0].1).expect("the key is the project's JSON");
    let doc = Document::from_file(
        key_json["documents"][0]["id"].as_str().unwrap().to_string(),
        "migration-data.txt",
        TEXT.as_bytes(),
    )
    .unwrap();

    // The teacher compares, in their own profile.
    t.click("button", "Compare annotators…").await;
    let paths: Vec<&Path> = [&key, &ana, &ben, &chloe]
        .iter()
        .map(|p| p.as_path())
        .collect();
    t.choose_files("#compare-input", &paths).await;
    t.wait_for_text("4 annotators").await;
    let annotators = native(&doc, &files);
    let by_name = |n: &str| annotators.iter().position(|a| a.name == n).unwrap();
    // Each annotation is credited to its maker: the key's three to the teacher, Chloé's
    // one to her.
    assert_eq!(annotators[by_name("Teacher")].annotations.len(), 3);
    assert_eq!(annotators[by_name("Chloé")].annotations.len(), 1);
    let makers = t
        .js(
            "return [...document.querySelectorAll('ol.makers li')].map(li => li.textContent.replace(/[\\u2068\\u2069]/g, '').replace(/\\s+/g, ' ').trim())",
            vec![],
        )
        .await;
    let makers: Vec<String> = serde_json::from_value(makers).unwrap();
    for want in [
        "Teacher 3 annotations",
        "Ana 2 annotations",
        "Ben 3 annotations",
        "Chloé 1 annotation",
    ] {
        let (name, count) = want.split_once(' ').unwrap();
        assert!(
            makers
                .iter()
                .any(|m| m.contains(name) && m.ends_with(count)),
            "{want} in {makers:?}"
        );
    }

    // With the teacher as the key, each student's overall scores are the native ones.
    t.select_value(
        "select[aria-label='Answer key']",
        &by_name("Teacher").to_string(),
    )
    .await;
    t.wait_until(
        "three students scored against the key",
        "return document.querySelectorAll('table.students tbody tr').length === 3",
    )
    .await;
    let scores = classroom::student_scores(&annotators, by_name("Teacher"), Matching::Overlap);
    for s in &scores {
        let name = &annotators[s.annotator].name;
        let shown = t
            .js(
                "const [n] = arguments; const r = document.querySelector(`table.students tr[data-student=\"${n}\"]`); return r ? r.querySelector('td.f1').textContent : null",
                vec![name.as_str().into()],
            )
            .await;
        let want = format!("{:.2}", s.micro.f1.unwrap_or(0.0));
        assert_eq!(shown, want.as_str(), "{name}'s micro F1");
    }
    // Ben's split passage counts once: precision 1 of 3, not 2 of 3.
    let ben_scores = scores
        .iter()
        .find(|s| s.annotator == by_name("Ben"))
        .unwrap();
    assert!((ben_scores.micro.precision.unwrap() - 1.0 / 3.0).abs() < 1e-9);
    // Per student: the passages counted and the overall scores of the native computation.
    let passages = t
        .js(
            "const [n] = arguments; return document.querySelector(`table.students tr[data-student=\"${n}\"] td.passages`).textContent",
            vec!["Ben".into()],
        )
        .await;
    assert_eq!(passages, ben_scores.passages.to_string().as_str());

    // The files a teacher really gets. Each is refused, or counted, with a message naming
    // the file, and the set already loaded does not change.
    let makers_now = || async {
        t.js(
            "return document.querySelectorAll('ol.makers li').length",
            vec![],
        )
        .await
    };
    assert_eq!(makers_now().await, 4);
    // The same student twice.
    let again = dir.join("ana-again.json");
    std::fs::copy(&ana, &again).unwrap();
    t.choose_files("#compare-input", &[again.as_path()]).await;
    t.wait_for_message("“ana-again.json” repeats").await;
    assert_eq!(makers_now().await, 4);
    // A file for another assignment.
    let other = dir.join("ana-other-assignment.json");
    std::fs::write(
        &other,
        std::fs::read_to_string(&ana)
            .unwrap()
            .replace(&assignment_id, "00000000-0000-4000-8000-000000000000"),
    )
    .unwrap();
    t.choose_files("#compare-input", &[other.as_path()]).await;
    t.wait_for_message("“ana-other-assignment.json” belongs to another assignment")
        .await;
    // Named by what the teacher knows, a file they loaded, not by ids they never saw.
    let ana_file = ana.file_name().unwrap().to_string_lossy().to_string();
    t.wait_for_message(&format!("than the files loaded, such as “{ana_file}”"))
        .await;
    let said = t
        .js(
            "return [...document.querySelectorAll('.notices .notice')].map((n) => n.textContent).find((n) => n.includes('ana-other-assignment.json')) || ''",
            vec![],
        )
        .await;
    assert!(
        !said
            .as_str()
            .unwrap_or_default()
            .contains(&assignment_id[..8]),
        "the refusal names no id: {said}"
    );
    assert_eq!(makers_now().await, 4);
    // A student who tagged nothing counts, with zero.
    t.choose_files("#compare-input", &[dan.as_path()]).await;
    t.wait_for_text("5 annotators").await;
    // He never typed a name (the palette asks for it at the first passage), so his file
    // names him; he is a row of the students' table, with no passages and no scores.
    t.wait_until(
        "a fourth student, with no passages",
        "return [...document.querySelectorAll('table.students tbody tr')].filter(r => r.querySelector('td.passages').textContent === '0').length === 1",
    )
    .await;
    t.screenshot("classroom-loop").await;
    t.close().await;
}
