//! Page numbers: a document read from a PDF keeps where its pages start. The reader marks
//! each page's start in the text, the annotation list cites "p. 3", the library shows the
//! file it came from, and exports carry the page; all of it survives a reload. Here the
//! document arrives in a colleague's project file (the PDF reading itself is tests/e2e/
//! tests/pdf.rs's).

use fantoccini::Locator;
use gcm_e2e::Browser;
use std::path::PathBuf;

/// Three pages, with an emoji and Arabic before the passage (so that code points, UTF-16
/// and bytes all differ), and the passage on page 3.
const PAGES: [&str; 3] = [
    "Page one of the national review 😀.",
    "Page two: مرحبا, return and reintegration.",
    "Page three: regular pathways for migrant workers.",
];

fn project_file() -> PathBuf {
    use gcm_annotator::document::Document;
    use gcm_annotator::extract::{Extracted, SourceFile};
    use gcm_annotator::formats::export::export;
    use gcm_annotator::formats::{ExportScope, Format, Options};
    use gcm_annotator::state::{Action, Model};
    use gcm_annotator::text::Cp;
    let text = PAGES.join("\n\n");
    let starts: Vec<Cp> = PAGES
        .iter()
        .map(|p| Cp(text[..text.find(p).unwrap()].chars().count()))
        .collect();
    let doc = Document::from_extracted(
        "user-review".into(),
        SourceFile {
            name: "National review 2026.pdf".into(),
            media_type: "application/pdf".into(),
            size: 48_213,
            sha256: "5a".repeat(32),
        },
        Extracted {
            text: text.clone(),
            pages: starts,
            title: None,
        },
    )
    .unwrap();
    let mut m = Model::default();
    m.apply(Action::SetAnnotator("Kim".into()));
    m.apply(Action::AddDocuments(vec![doc]));
    let needle = "regular pathways for migrant workers";
    let s = text[..text.find(needle).unwrap()].chars().count();
    m.apply(Action::Create {
        id: "on-page-3".into(),
        document: "user-review".into(),
        start: Cp(s),
        end: Cp(s + needle.chars().count()),
        tags: vec!["objective-5".into()],
        note: String::new(),
        now: 1,
    });
    let json = export(
        Format::Project,
        &ExportScope::new(&m.library, None),
        Options {
            annotator: "Kim",
            ..Options::default()
        },
    );
    let dir = std::env::temp_dir().join(format!("gcm-e2e-pages-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("review-notes.json");
    std::fs::write(&path, json).unwrap();
    path
}

/// The page marks in the reading view, in order.
async fn page_marks(b: &Browser) -> Vec<String> {
    let v = b
        .js(
            "return [...document.querySelectorAll('#doc-text .block[data-page]')].map((e) => e.dataset.page)",
            vec![],
        )
        .await;
    serde_json::from_value(v).unwrap_or_default()
}

#[tokio::test]
async fn pages_are_marked_in_the_text_cited_in_the_list_and_exported_after_a_reload() {
    let file = project_file();
    let b = Browser::open().await;
    b.choose_file("#import-input", &file).await;
    b.wait_for_text("1 annotation imported").await;
    // The library says which file the text came from, with its fingerprint.
    b.wait_for_text("Your PDF National review 2026.pdf, 48 KB, 3 pages")
        .await;
    let hash = b
        .js(
            "return document.querySelector('.doc-hash')?.title ?? ''",
            vec![],
        )
        .await;
    assert_eq!(
        hash.as_str().unwrap_or_default(),
        format!("SHA-256 of National review 2026.pdf: {}", "5a".repeat(32))
    );
    b.click("button", "National review 2026").await;
    b.wait_for_css("#doc-text .block").await;
    assert_eq!(page_marks(&b).await, ["p. 1", "p. 2", "p. 3"]);
    // Each page's text starts its own block, and the marks are not part of the text.
    let third = b
        .js(
            "return document.querySelector('#doc-text .block[data-page=\"p. 3\"]').textContent",
            vec![],
        )
        .await;
    assert_eq!(third.as_str().unwrap_or_default(), PAGES[2]);
    let text = b
        .js(
            "return document.querySelector('#doc-text').textContent",
            vec![],
        )
        .await;
    assert_eq!(text.as_str().unwrap_or_default(), PAGES.join("\n\n"));
    b.wait_for_text("p. 3").await;
    let entry = b
        .client
        .find(Locator::Css("ol.entries .entry .entry-page"))
        .await
        .expect("the entry's page");
    assert_eq!(entry.text().await.unwrap(), "p. 3");
    b.screenshot("pages-reader").await;

    // A reload keeps the pages, and a new annotation on page 2 is cited so.
    b.wait_saved().await;
    b.reload().await;
    b.wait_for_css("#doc-text .block").await;
    assert_eq!(page_marks(&b).await, ["p. 1", "p. 2", "p. 3"]);
    b.annotate(
        "return and reintegration",
        0,
        &["Objective 21: Dignified return and reintegration"],
        "",
    )
    .await;
    b.wait_until(
        "both entries cite their page",
        "return [...document.querySelectorAll('ol.entries .entry-page')].map((e) => e.textContent).join() === 'p. 2,p. 3'",
    )
    .await;

    // The CSV export has the page column.
    b.click("button", "Export").await;
    b.wait_for_css("#export-panel").await;
    b.select_value("select[aria-label=Format]", "table").await;
    // Kim's imported annotation goes too: everything, not only this profile's own work.
    b.wait_for_css("#export-everything")
        .await
        .click()
        .await
        .unwrap();
    b.click("button", "Download").await;
    let csv = std::fs::read_to_string(b.wait_download(".csv").await).unwrap();
    let mut r = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let page = r
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "page")
        .expect("a page column");
    let mut pages: Vec<String> = r
        .records()
        .map(|row| row.unwrap()[page].to_string())
        .collect();
    pages.sort();
    assert_eq!(pages, ["2", "3"]);

    // The project's JSON: each annotation's offsets slice the document's text exactly in
    // Python (code points), and its page is the one its start falls on.
    b.click("button", "Export").await;
    b.wait_for_css("#export-panel").await;
    b.select_value("select[aria-label=Format]", "gcm").await;
    b.click("button", "Download").await;
    let json = b.wait_download(".json").await;
    let checked = std::process::Command::new("python3")
        .arg("-c")
        .arg(
            "import json, sys, bisect\n\
             f = json.load(open(sys.argv[1], encoding='utf-8'))\n\
             d = f['documents'][0]\n\
             out = []\n\
             for a in f['annotations']:\n\
             \x20   assert d['text'][a['start']:a['end']] == a['quote'], a\n\
             \x20   assert bisect.bisect_right(d['pages'], a['start']) == a['page'], a\n\
             \x20   out.append(str(a['page']))\n\
             print(','.join(sorted(out)))",
        )
        .arg(&json)
        .output()
        .expect("python3");
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&checked.stdout).trim(), "2,3");
    b.close().await;
}
