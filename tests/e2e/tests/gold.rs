//! The gold standard (issue 23): a teacher loads three annotators' files into Compare,
//! accepts every passage where two of three agree, settles two passages by hand (one
//! annotator's version, then none), scores the class against the result, exports it, and
//! takes it back with Undo: one step per decision, one for the accept-all.

use gcm_annotator::document::Document;
use gcm_annotator::formats::export::export;
use gcm_annotator::formats::{ExportScope, Format, Options};
use gcm_annotator::state::{Action, Model};
use gcm_annotator::text::Cp;
use gcm_e2e::Browser;
use std::path::PathBuf;

/// The teacher's text: an emoji before the passages puts code points and UTF-16 units
/// apart; CRLF line ends are kept.
const TEXT: &str = "A class reads the Global Compact 🌍 together.\r\n\
States will collect accurate migration data for their policies.\r\n\
Every migrant should have proof of legal identity and documents.\r\n\
Climate change drives people from their homes.\r\n";

/// One annotator's export (the project's JSON) of the same text, pasted in their browser.
fn file_of(name: &str, n: usize, passages: &[(&str, &str)]) -> Vec<u8> {
    let mut m = Model::default();
    m.apply(Action::SetAnnotator(name.into()));
    let doc = Document::from_paste(format!("u-{name}"), "Migration data", TEXT).unwrap();
    let id = doc.id.clone();
    m.apply(Action::AddDocuments(vec![doc]));
    for (i, (needle, tag)) in passages.iter().enumerate() {
        let b = TEXT.find(needle).unwrap();
        let s = TEXT[..b].chars().count();
        m.apply(Action::Create {
            id: format!("{name}-{i}"),
            document: id.clone(),
            start: Cp(s),
            end: Cp(s + needle.chars().count()),
            tags: vec![tag.to_string()],
            note: String::new(),
            now: 1,
        });
    }
    let maker = format!("9a000000-0000-4000-8000-{n:012}");
    export(
        Format::Project,
        &ExportScope::new(&m.library, Some(&id)),
        Options {
            annotator: name,
            annotator_id: &maker,
            everything: true,
            ..Options::default()
        },
    )
    .into_bytes()
}

/// How many passages the page says are settled.
async fn settled(b: &Browser, count: usize) {
    b.wait_until(
        &format!("{count} of 3 passages settled"),
        &format!(
            "return document.querySelector('.gold-progress')?.textContent === '{count} of 3 passages settled'"
        ),
    )
    .await;
}

/// Waits until the gold standard's passages, as the browser's storage holds them, are
/// `expected` ((quote, tag), sorted); fails after 10 s with what it holds.
async fn wait_gold(b: &Browser, expected: &[(&str, &str)]) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let mut held: Vec<(String, String)> = (b.stored_annotations().await.into_iter())
            .filter(|a| a["origin"] == "curated")
            .map(|a| {
                (
                    a["quote"].as_str().unwrap().into(),
                    a["tags"][0].as_str().unwrap().into(),
                )
            })
            .collect();
        held.sort();
        let want: Vec<(String, String)> = expected
            .iter()
            .map(|(q, t)| (q.to_string(), t.to_string()))
            .collect();
        if held == want {
            return;
        }
        if std::time::Instant::now() > deadline {
            panic!("the gold standard holds {held:?}, not {want:?}");
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_teacher_settles_three_files_into_a_gold_standard_exports_it_and_undoes_it() {
    let dir = std::env::temp_dir().join(format!("gcm-e2e-gold-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let files = [
        (
            "ana.json",
            file_of(
                "Ana",
                1,
                &[
                    ("collect accurate migration data", "objective-1"),
                    ("proof of legal identity", "objective-4"),
                    ("Climate change drives people", "objective-2"),
                ],
            ),
        ),
        (
            "ben.json",
            file_of(
                "Ben",
                2,
                &[
                    ("accurate migration data for their policies", "objective-1"),
                    ("proof of legal identity and documents", "objective-4"),
                ],
            ),
        ),
        (
            "cy.json",
            file_of(
                "Cy",
                3,
                &[
                    ("collect accurate migration data", "objective-1"),
                    ("Climate change", "objective-2"),
                ],
            ),
        ),
    ];
    let paths: Vec<PathBuf> = (files.iter())
        .map(|(n, bytes)| {
            let p = dir.join(n);
            std::fs::write(&p, bytes).unwrap();
            p.canonicalize().unwrap()
        })
        .collect();
    let text_file = dir.join("migration-data.txt");
    std::fs::write(&text_file, TEXT).unwrap();

    let t = Browser::open().await;
    t.choose_file("#file-input", &text_file).await;
    t.wait_for_css("#doc-text .block").await;
    // The curator's name goes with each passage they keep.
    t.click("button", "Set your name").await;
    t.wait_for_css("#annotator-name").await;
    t.type_keys("Teacher\n").await;
    t.click("button", "Compare annotators…").await;
    let refs: Vec<&std::path::Path> = paths.iter().map(|p| p.as_path()).collect();
    t.choose_files("#compare-input", &refs).await;
    t.wait_for_text("3 annotators").await;
    settled(&t, 0).await;

    // Two of three (the majority, chosen at first): objective 1's passage whole (Ana and Cy
    // tagged it), identity where Ana and Ben overlap, and "Climate change".
    t.click("button", "Accept every passage they agree on")
        .await;
    settled(&t, 3).await;
    let majority = [
        ("Climate change", "objective-2"),
        ("collect accurate migration data", "objective-1"),
        ("proof of legal identity", "objective-4"),
    ];
    wait_gold(&t, &majority).await;
    // The gold standard is the answer key now: the three are scored against it.
    t.wait_until(
        "the gold standard is the key",
        "return document.querySelector('select[aria-label=\"Answer key\"]').selectedOptions[0].textContent.startsWith('Gold standard (3 passages)') \
         && document.querySelectorAll('tr[data-student]').length === 3",
    )
    .await;

    // The class's printed report scores them against it too (the browser's print dialog
    // stubbed, as report.rs does; afterprint puts the app back).
    t.js(
        "window.print = () => { window.__printed = true; }; return true",
        vec![],
    )
    .await;
    t.wait_for_css(".compare button.print-report")
        .await
        .click()
        .await
        .unwrap();
    t.wait_until(
        "the report scores against the gold standard",
        "return window.__printed === true \
         && document.querySelector('#gcm-report')?.textContent.includes('Everyone is scored against Gold standard.') \
         && document.querySelector('#gcm-report')?.textContent.includes('made the gold standard in Compare') \
         && document.querySelector('#gcm-report')?.textContent.includes('3 of 3 passages have text in it; the other 0 have none') \
         && document.querySelectorAll('#gcm-report tr[data-student]').length === 3",
    )
    .await;
    t.js(
        "window.dispatchEvent(new Event('afterprint')); return true",
        vec![],
    )
    .await;

    // The students' tables speak the interface's language after a switch.
    t.switch_language("fr").await;
    t.wait_until(
        "the students' tables in French",
        "return [...document.querySelectorAll('.key-scores tr[data-tag=\"objective-1\"]')].length === 3 \
         && [...document.querySelectorAll('.key-scores tr[data-tag=\"objective-1\"]')].every((r) => r.textContent.includes('Objectif 1'))",
    )
    .await;
    t.switch_language("en").await;
    t.wait_for_text("Passage 1 of 3").await;

    // By hand: the first passage is objective 1's; keep Ben's version instead.
    t.wait_for_text("Passage 1 of 3: Objective 1").await;
    t.click("button", "Keep the version of Ben").await;
    t.wait_for_text("Passage 2 of 3").await;
    t.click("button", "Next passage").await;
    t.wait_for_text("Passage 3 of 3: Objective 2").await;
    // Who tagged nothing here is said, with no Keep of its own (Keep none does that), and
    // each version's text stays beside its button, never wrapped under it.
    let versions = t
        .js(
            "return [...document.querySelectorAll('.gold-versions li')].map((li) => {                const b = li.querySelector('button'), s = li.querySelector('span');                const under = b && [...s.getClientRects()].some((r) => r.left < b.getBoundingClientRect().right);                return [li.textContent.includes('nothing here'), !!b, !!under]; })",
            vec![],
        )
        .await;
    let versions: Vec<(bool, bool, bool)> = serde_json::from_value(versions).unwrap();
    assert!(
        versions.iter().any(|v| v.0),
        "a version of nothing: {versions:?}"
    );
    for (nothing, button, under) in &versions {
        assert_eq!(*button, !nothing, "{versions:?}");
        assert!(!under, "{versions:?}");
    }
    t.click("button", "Keep none").await;
    t.wait_until(
        "two passages left in the gold standard",
        "return document.querySelector('select[aria-label=\"Answer key\"]').selectedOptions[0].textContent.startsWith('Gold standard (2 passages)')",
    )
    .await;
    let by_hand = [
        ("accurate migration data for their policies", "objective-1"),
        ("proof of legal identity", "objective-4"),
    ];
    wait_gold(&t, &by_hand).await;
    // Accepting again leaves what was settled by hand as it is.
    t.click("button", "Accept every passage they agree on")
        .await;
    t.wait_for_text("Every passage is settled already").await;
    wait_gold(&t, &by_hand).await;
    t.screenshot("gold").await;

    // Exported (the teacher's own work is the gold standard), its offsets are code points:
    // Python slices the text by them.
    t.click("button", "Back to my annotations").await;
    let exported = t.export_all("gcm", ".json").await;
    let check = std::process::Command::new("python3")
        .arg("-c")
        .arg(
            "import json, sys
p = json.load(open(sys.argv[1], encoding='utf-8'))
text = p['documents'][0]['text']
out = []
for a in p['annotations']:
    assert text[a['start']:a['end']] == a['quote'], a
    assert a['origin'] == 'curated' and a['annotator'] == 'Teacher', a
    out.append(a['quote'])
print(len(text), sorted(out))",
        )
        .arg(&exported)
        .output()
        .expect("python3");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let said = String::from_utf8_lossy(&check.stdout);
    assert_eq!(
        said.trim(),
        format!(
            "{} ['accurate migration data for their policies', 'proof of legal identity']",
            TEXT.chars().count()
        )
    );

    // Undo: "none", then Ben's version, then the whole accept-all, a step each.
    t.click("button", "Undo").await;
    let after_one = [
        ("Climate change", "objective-2"),
        ("accurate migration data for their policies", "objective-1"),
        ("proof of legal identity", "objective-4"),
    ];
    wait_gold(&t, &after_one).await;
    t.click("button", "Undo").await;
    wait_gold(&t, &majority).await;
    t.click("button", "Undo").await;
    wait_gold(&t, &[]).await;
    t.close().await;
}

/// Accepting thousands of passages at once (two students' 1,500 each on seed 001, every
/// passage that one of them tagged): Compare sends them over in parts, a short task each,
/// and the app puts them all as one step, which one Undo takes back.
#[tokio::test]
async fn thousands_of_passages_accepted_at_once_are_all_kept_and_one_undo_step() {
    use gcm_annotator::classroom::{self, gold};
    let files = gcm_e2e::class::class_files(2, 1_500);
    let doc = gcm_e2e::class::class_document();
    let (annotators, problems) = classroom::load(&doc, &files);
    assert!(problems.is_empty(), "{problems:?}");
    let mut n = 0;
    let decisions = gold::accept_all(&gold::items(&annotators), 1, &mut || {
        n += 1;
        format!("id-{n}")
    });
    let curator = gold::Curator {
        name: "Teacher",
        id: "t",
    };
    let book = gcm_annotator::codes::Codebook::new(Vec::new());
    let (_, put) = gold::settle(&doc, &[], decisions, curator, 0, &book);
    // More than one part (Compare sends 1,000 a part).
    assert!(put.len() > 2_000, "{}", put.len());

    let dir = std::env::temp_dir().join(format!("gcm-e2e-gold-parts-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let paths: Vec<PathBuf> = (files.iter())
        .map(|(name, bytes)| {
            let p = dir.join(name);
            std::fs::write(&p, bytes).unwrap();
            p.canonicalize().unwrap()
        })
        .collect();
    let t = Browser::open().await;
    t.click("button", "Set your name").await;
    t.wait_for_css("#annotator-name").await;
    t.type_keys("Teacher\n").await;
    t.click("button", gcm_e2e::class::SEED_001_TITLE).await;
    t.click("button", "Compare annotators…").await;
    let refs: Vec<&std::path::Path> = paths.iter().map(|p| p.as_path()).collect();
    t.choose_files("#compare-input", &refs).await;
    t.wait_for_text("2 annotators").await;
    t.select_value(".gold select", "1").await;
    t.click("button", "Accept every passage they agree on")
        .await;
    // The key's count, as the answer key's list shows it (digits only: it is grouped).
    t.wait_until(
        "every passage in the gold standard",
        &format!(
            "return Number(document.querySelector('select[aria-label=\"Answer key\"] option[value=gold]')?.textContent.replace(/\\D/g, '') ?? 0) === {}",
            put.len()
        ),
    )
    .await;
    t.wait_saved().await;
    let stored = (t.stored_annotations().await.into_iter())
        .filter(|a| a["origin"] == "curated")
        .count();
    assert_eq!(stored, put.len(), "the curated passages stored");
    // One Undo takes them all back.
    t.click("button", "Undo").await;
    t.wait_until(
        "no gold standard left",
        "return !document.querySelector('select[aria-label=\"Answer key\"] option[value=gold]')",
    )
    .await;
    t.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}
