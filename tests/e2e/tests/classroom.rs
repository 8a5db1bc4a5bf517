//! The classroom: a teacher loads several students' exports of a seed, compares them, marks
//! an answer key, and downloads the statistics.

use gcm_annotator::classroom;
use gcm_annotator::document::Document;
use gcm_annotator::formats::Format;
use gcm_annotator::state::Model;
use gcm_e2e::{export_of, Browser, SEED_004};
use std::path::PathBuf;

#[tokio::test]
async fn a_teacher_compares_three_exports_marks_a_key_and_downloads_the_statistics() {
    let files = vec![
        (
            "teacher.json".to_string(),
            export_of(
                "Teacher",
                &[
                    ("Kofi Annan", "objective-23"),
                    ("fourteen UN agencies", "objective-11"),
                    ("climate change", "objective-2"),
                ],
                Format::Project,
            ),
        ),
        (
            "ana.jsonld".to_string(),
            export_of(
                "Ana",
                &[
                    ("Kofi Annan", "objective-23"),
                    ("fourteen UN agencies, the World Bank", "objective-11"),
                ],
                Format::W3c,
            ),
        ),
        (
            "ben.json".to_string(),
            export_of(
                "Ben",
                &[("Secretary-General Kofi Annan", "objective-23")],
                Format::Project,
            ),
        ),
    ];
    let dir = std::env::temp_dir().join(format!("gcm-e2e-class-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let paths: Vec<PathBuf> = files
        .iter()
        .map(|(n, b)| {
            let p = dir.join(n);
            std::fs::write(&p, b).unwrap();
            p.canonicalize().unwrap()
        })
        .collect();

    // What the app must show, computed natively.
    let doc: Document = Model::default().library.document(SEED_004).unwrap().clone();
    let (annotators, problems) = classroom::load(&doc, &files);
    assert!(problems.is_empty(), "{problems:?}");
    let table = classroom::table(doc.text.len_cp(), &annotators, false);
    let row23 = table.iter().find(|r| r.tag == "objective-23").unwrap();
    let fmt = |v: Option<f64>| {
        v.map_or("—".to_string(), |x| {
            format!("{:.2}", if x.abs() < 0.005 { 0.0 } else { x })
        })
    };
    let scores = classroom::answer_key(&annotators, 0);

    let b = Browser::open().await;
    b.click("button", "Global Migration Group").await;
    b.click("button", "Compare annotators…").await;
    let refs: Vec<&std::path::Path> = paths.iter().map(|p| p.as_path()).collect();
    b.choose_files("#compare-input", &refs).await;
    b.wait_for_text("3 annotators").await;
    // Each file with its annotators, numbered (the agreement table's pairs use the numbers).
    b.wait_until(
        "teacher.json lists its annotator, the first, with 3 annotations",
        "return [...document.querySelectorAll('.compare li.file')].some(f => f.dataset.file === 'teacher.json' \
         && f.querySelector('.makers li').textContent.replace(/[\\u2068\\u2069]/g, '') === '1Teacher3 annotations')",
    )
    .await;
    // Where they disagree, and where all agree, is marked in the text at a glance.
    b.wait_until(
        "disputed stretches are underlined",
        "return (CSS.highlights.get('ann-marked')?.size ?? 0) > 0",
    )
    .await;
    // All three tagged "Kofi Annan" with objective 23: that agreement is marked too.
    let agreed = classroom::agreed(doc.text.len_cp(), &annotators);
    assert!(!agreed.is_empty());
    b.wait_until(
        "the agreement is underlined",
        &format!(
            "return (CSS.highlights.get('ann-agreed')?.size ?? 0) === {}",
            agreed.len()
        ),
    )
    .await;

    // The agreement table matches the native computation.
    let shown = b
        .js("const r = document.querySelector('tr[data-tag=\"objective-23\"]'); return [r.querySelector('.fleiss').textContent, r.querySelector('.alpha').textContent, [...r.querySelectorAll('.cohen')].map(c => c.textContent)]", vec![])
        .await;
    assert_eq!(shown[0], fmt(row23.fleiss).as_str());
    assert_eq!(shown[1], fmt(row23.alpha).as_str());
    let cohen: Vec<String> = row23.cohen.iter().map(|(_, _, k)| fmt(*k)).collect();
    assert_eq!(shown[2], serde_json::json!(cohen));

    // Step through the disagreements: each is selected in the text.
    b.click("button", "Next disagreement").await;
    b.wait_for_text("2 of").await;
    let selected = b.js("return getSelection().toString()", vec![]).await;
    assert!(!selected.as_str().unwrap().is_empty());

    // The teacher is the key; Ana's F1 on objective 11 is the native one.
    b.select_value("select[aria-label='Answer key']", "0").await;
    let ana = scores
        .iter()
        .find(|s| annotators[s.annotator].name == "Ana")
        .unwrap();
    let (_, _, overlap) = ana
        .per_tag
        .iter()
        .find(|(t, _, _)| *t == "objective-11")
        .unwrap();
    let f1 = b
        .js("return document.querySelector('.key-scores[data-annotator=\"Ana\"] tr[data-tag=\"objective-11\"] .f1').textContent", vec![])
        .await;
    assert_eq!(f1, fmt(overlap.f1).as_str());
    // Ben missed two of the teacher's passages, and each jumps to the text.
    b.wait_for_text("Missed (2)").await;
    b.click(
        "button",
        "Objective 2: Minimize adverse drivers: “climate change”",
    )
    .await;
    b.wait_until(
        "the missed passage is selected",
        "return getSelection().toString() === 'climate change'",
    )
    .await;
    b.screenshot("compare").await;

    // The statistics, downloaded.
    b.click("button", "Download statistics (CSV)").await;
    let csv_path = b.wait_download(".csv").await;
    let text = std::fs::read_to_string(csv_path).unwrap();
    let mut r = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(
        rows.len(),
        5 + 33 * 11,
        "overall, then every tag: 3 kappas, Fleiss, alpha, 6 span F1"
    );
    let overall = table.iter().find(|r| r.tag == "overall").unwrap();
    let shown_overall = b
        .js(
            "return document.querySelector('tr[data-tag=\"overall\"] .fleiss').textContent",
            vec![],
        )
        .await;
    assert_eq!(shown_overall, fmt(overall.fleiss).as_str());
    let fleiss23 = rows
        .iter()
        .find(|x| &x[0] == "objective-23" && &x[2] == "fleiss_kappa")
        .unwrap();
    assert_eq!(fleiss23[5], format!("{:.4}", row23.fleiss.unwrap()));
    b.close().await;
}

#[tokio::test]
async fn suggestions_are_marked_apart_and_become_annotations_only_when_accepted() {
    let b = suggestions_of_seed_003_as_kim().await;
    b.wait_for_text("names “Objective 15”").await;
    b.wait_until(
        "suggestions are underlined in the text",
        "return (CSS.highlights.get('ann-marked')?.size ?? 0) > 0",
    )
    .await;
    assert_eq!(
        b.stored_annotations().await.len(),
        0,
        "suggestions are not annotations"
    );
    b.screenshot("suggestions").await;
    // A suggestion is its tag and its passage: (chip, quote) of each one listed.
    const LISTED: &str = "return [...document.querySelectorAll('li.suggestion')].map(l => \
        l.querySelector('.chip').textContent + '|' + l.querySelector('button.link').textContent)";
    const GONE: &str = "return ![...document.querySelectorAll('li.suggestion')].some(l => \
        l.querySelector('.chip').textContent + '|' + l.querySelector('button.link').textContent === arguments[0])";

    // Accept the explicit reference to objective 15.
    let accepted = b
        .js(
            "const li = [...document.querySelectorAll('li.suggestion')].find(l => l.textContent.replace(/[\\u2068\\u2069]/g, '').includes('names “Objective 15”')); \
             li.querySelector('button.primary').click(); return li.querySelector('.chip').textContent + '|' + li.querySelector('button.link').textContent;",
            vec![],
        )
        .await;
    b.wait_saved().await;
    let stored = b.stored_annotations().await;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0]["tags"], serde_json::json!(["objective-15"]));
    assert_eq!(stored[0]["annotator"], "Kim");
    assert_eq!(stored[0]["origin"], "suggested");
    assert!(accepted.as_str().unwrap().contains(
        stored[0]["quote"]
            .as_str()
            .unwrap()
            .chars()
            .take(40)
            .collect::<String>()
            .as_str()
    ));
    b.wait_until_with(
        "the accepted suggestion is no longer offered",
        GONE,
        vec![accepted],
    )
    .await;

    // Reject the first one listed: it goes, nothing is stored.
    let listed = b.js(LISTED, vec![]).await;
    let first = listed[0].clone();
    b.client
        .find(fantoccini::Locator::Css(
            "li.suggestion button:not(.primary):not(.link)",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.wait_until_with(
        "the rejected suggestion is no longer offered",
        GONE,
        vec![first],
    )
    .await;
    assert_eq!(b.stored_annotations().await.len(), 1);
    b.click("button", "Back to my annotations").await;
    assert_eq!(b.list_entries().await.len(), 1);
    b.wait_until(
        "no suggestion is marked any more",
        "return (CSS.highlights.get('ann-marked')?.size ?? 0) === 0",
    )
    .await;
    b.close().await;
}

#[tokio::test]
async fn accepting_all_suggestions_for_one_tag_is_taken_back_by_one_undo() {
    let b = suggestions_of_seed_003_as_kim().await;
    b.wait_for_text("Accept all suggestions for one tag").await;
    // The largest "accept all" offered, so that one step holds many annotations.
    let n = b
        .js(
            "document.querySelector('.side details').open = true; \
             const buttons = [...document.querySelectorAll('.side details button')]; \
             const count = b => +b.textContent.match(/Accept all (\\d+)/)[1]; \
             const best = buttons.reduce((a, x) => count(x) > count(a) ? x : a); \
             best.click(); return count(best);",
            vec![],
        )
        .await
        .as_u64()
        .unwrap();
    assert!(n >= 2, "accept all offered only {n}");
    stored_count_becomes(&b, n).await;

    // One Undo takes back the whole accept-all, and one Redo brings it again.
    b.click("button", "Undo").await;
    stored_count_becomes(&b, 0).await;
    b.wait_until(
        "nothing left to undo",
        "return document.querySelector('button[aria-label=\"Undo\"]').disabled",
    )
    .await;
    b.click("button", "Redo").await;
    stored_count_becomes(&b, n).await;
    b.close().await;
}

/// A fresh browser where Kim (named first, from the top bar) opened seed 003's suggestions.
async fn suggestions_of_seed_003_as_kim() -> Browser {
    let b = Browser::open().await;
    b.click("button", "Set your name").await;
    b.wait_for_css("#annotator-name").await;
    b.type_keys("Kim\n").await;
    b.click("button", "The GCM and the UN Network on Migration")
        .await;
    b.click("button", "Suggestions…").await;
    b
}

/// Waits up to ten seconds for the browser's storage to hold `n` annotations.
async fn stored_count_becomes(b: &Browser, n: u64) {
    let mut seen = 0;
    for _ in 0..100 {
        b.wait_saved().await;
        seen = b.stored_annotations().await.len() as u64;
        if seen == n {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("storage holds {seen} annotations, not {n}");
}
