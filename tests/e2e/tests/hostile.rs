//! Hostile content from other people's files never runs and shows as literal text: markup and
//! script payloads, `javascript:` URLs, bidirectional overrides, control characters and very
//! long strings, in a document's text and title, notes, tag labels, annotator names and file
//! names. Each payload would set `window.__pwned` if it ran.

use gcm_annotator::document::Document;
use gcm_annotator::formats::export::export;
use gcm_annotator::formats::{ExportScope, Format, Options};
use gcm_annotator::state::{Action, Model};
use gcm_annotator::text::Cp;
use gcm_e2e::Browser;
use std::path::PathBuf;

const PAYLOADS: &[&str] = &[
    r#"<img src=x onerror="window.__pwned='img'">"#,
    r#"<script>window.__pwned='script'</script>"#,
    r#"<svg onload="window.__pwned='svg'"><circle r="1"/></svg>"#,
    r#"<a href="javascript:window.__pwned='link'">open</a>"#,
    r#"javascript:window.__pwned='url'"#,
    r#"<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>"#,
    r#"<style>body{display:none}</style>"#,
    r#"<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned='mxss'">"#,
    "{{constructor.constructor('window.__pwned=1')()}} ${window.__pwned=1}",
];
/// A right-to-left override that is never closed: unless the app isolates it, every word after
/// it in the same sentence is drawn backwards.
const RLO: &str = "\u{202E}";
const CONTROL: &str = "bell\u{7} escape\u{1b}[31m delete\u{7f} nul\u{0} end";

fn long() -> String {
    "W".repeat(5_000)
}

/// Everything that would be visibly wrong if any payload had been parsed as HTML or run.
const INJECTED_JS: &str = r#"
return {
  pwned: window.__pwned === undefined ? null : String(window.__pwned),
  injected: document.querySelectorAll('img, iframe, object, embed, math, [onerror], [onload], a[href^="javascript:" i], [srcdoc]').length,
  scripts: document.scripts.length,
  styles: document.querySelectorAll('style').length,
  overflow: Math.max(document.documentElement.scrollWidth - window.innerWidth,
    ...[...document.querySelectorAll('.topbar, .library, .reading, aside, .notices')].map(e => e.scrollWidth - e.clientWidth)),
  hidden: getComputedStyle(document.body).display === 'none',
};
"#;

async fn assert_nothing_ran(b: &Browser, step: &str, baseline: &serde_json::Value) {
    let now = b.js(INJECTED_JS, vec![]).await;
    assert_eq!(
        now["pwned"],
        serde_json::Value::Null,
        "{step}: a payload ran"
    );
    assert_eq!(now["injected"], 0, "{step}: markup became elements");
    assert_eq!(
        now["scripts"], baseline["scripts"],
        "{step}: a script was added"
    );
    assert_eq!(
        now["styles"], baseline["styles"],
        "{step}: a style was added"
    );
    assert_eq!(now["hidden"], false, "{step}");
    assert!(
        now["overflow"].as_f64().unwrap_or(0.0) <= 0.0,
        "{step}: a long string widened a panel by {}px",
        now["overflow"]
    );
}

/// The visible text of the first element matching `css`.
async fn text_of(b: &Browser, css: &str) -> String {
    b.js(
        "const e = document.querySelector(arguments[0]); return e ? e.innerText.replace(/[\\u2068\\u2069]/g, '') : ''",
        vec![css.into()],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

fn dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("gcm-e2e-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("a folder");
    d
}

fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir().join(name);
    std::fs::write(&path, bytes).expect("write the file");
    path
}

/// A project export made by a hostile classmate: their name, their document's title and text,
/// and their notes all carry the payloads.
fn hostile_export(text: &str, format: Format) -> Vec<u8> {
    let mut m = Model::default();
    m.apply(Action::SetAnnotator(format!("{}{RLO}ana", PAYLOADS[0])));
    let doc = Document::from_file("user-hostile".into(), "hostile.txt", text.as_bytes())
        .expect("a document");
    m.apply(Action::AddDocuments(vec![doc]));
    m.apply(Action::RenameDocument {
        id: "user-hostile".into(),
        title: format!("{} {RLO}title", PAYLOADS[2]),
    });
    m.apply(Action::OpenDocument("user-hostile".into()));
    for (i, p) in PAYLOADS.iter().enumerate() {
        let at = text.find(p).expect("the payload is in the text");
        let s = text[..at].chars().count();
        m.apply(Action::Create {
            document: "user-hostile".into(),
            start: Cp(s),
            end: Cp(s + p.chars().count()),
            id: format!("hostile-{i}"),
            tags: vec![format!("objective-{}", i + 1)],
            note: format!("{p} {CONTROL} {RLO}note"),
            now: 1,
        });
    }
    export(
        format,
        &ExportScope::new(&m.library, Some("user-hostile")),
        Options {
            annotator: &m.session.settings.annotator,
            ..Options::default()
        },
    )
    .into_bytes()
}

/// True when the words of `phrase` inside the element matching `css` are drawn left to right,
/// measured from the boxes of its first and last characters.
async fn drawn_left_to_right(b: &Browser, css: &str, phrase: &str) -> bool {
    let v = b
        .js(
            r#"
const [css, phrase] = arguments;
const root = document.querySelector(css);
const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const at = n.data.indexOf(phrase);
  if (at < 0) continue;
  const box = (i) => { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1); return r.getBoundingClientRect(); };
  const first = box(at), last = box(at + phrase.length - 1);
  return first.top === last.top ? first.left < last.left : null;
}
return null;
"#,
            vec![css.into(), phrase.into()],
        )
        .await;
    v.as_bool()
        .unwrap_or_else(|| panic!("{phrase:?} is not on one line in {css}"))
}

#[tokio::test]
async fn hostile_text_notes_titles_labels_names_and_file_names_show_as_text_and_never_run() {
    let b = Browser::open().await;
    let baseline = b.js(INJECTED_JS, vec![]).await;
    let text = format!(
        "Payloads, one per line.\n{}\n{CONTROL}\n{RLO}reversed? {}\nThe end.\n",
        PAYLOADS.join("\n"),
        long()
    );

    // 1. A document whose file name and text are payloads.
    let doc_name = "<img src=x onerror=window.__pwned=1>.txt";
    b.choose_file("#file-input", &write(doc_name, text.as_bytes()))
        .await;
    b.wait_for_css("#doc-text .block").await;
    let shown = b
        .js(
            "return document.getElementById('doc-text').textContent",
            vec![],
        )
        .await;
    assert_eq!(
        shown.as_str(),
        Some(text.as_str()),
        "the text, character for character"
    );
    assert!(text_of(&b, ".library")
        .await
        .contains("<img src=x onerror=window.__pwned=1>"));
    assert_nothing_ran(&b, "document", &baseline).await;

    // 2. A note typed with every payload, on a passage that is itself a payload. (Control
    // characters cannot be typed: WebDriver would press Escape. They come in through files.)
    let note = format!("{} {RLO}typed", PAYLOADS.join(" "));
    b.annotate(PAYLOADS[1], 0, &["Objective 1: Data"], &note)
        .await;
    let list = text_of(&b, "aside.annotations").await;
    assert!(list.contains(PAYLOADS[1]), "the quote: {list}");
    for p in PAYLOADS {
        assert!(list.contains(p), "the note shows {p:?} as text");
    }
    b.click_text(PAYLOADS[1], 0).await;
    b.wait_for_css(".hover-card").await;
    assert!(text_of(&b, ".hover-card").await.contains(PAYLOADS[3]));
    assert_nothing_ran(&b, "note", &baseline).await;

    // 3. A classmate's export: annotator name, document title, notes and the file's name.
    let project_name = "<svg onload=window.__pwned=1>.json";
    // Their copy of the text differs by a line, so it is a document of its own.
    let theirs = format!("{text}A classmate's copy.\n");
    let project = write(project_name, &hostile_export(&theirs, Format::Project));
    b.choose_file("#import-input", &project).await;
    b.wait_for_text(&format!(
        "“{project_name}”: {} annotations imported",
        PAYLOADS.len()
    ))
    .await;
    b.wait_saved().await;
    assert!(text_of(&b, ".library")
        .await
        .contains(&format!("{} {RLO}title", PAYLOADS[2])));
    assert_nothing_ran(&b, "import", &baseline).await;

    // 4. A tag label that is a payload: refused, and the message quotes it as text.
    let label = PAYLOADS[0];
    let w3c = serde_json::json!({
        "@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:uuid:9", "type": "Annotation",
        "body": [{ "type": "TextualBody", "purpose": "tagging", "value": label }],
        "target": { "source": "urn:gcm-annotator:document:user-hostile",
                    "selector": { "type": "TextQuoteSelector", "exact": "Payloads" } },
    });
    let rlo_name = format!("{RLO}nosj.tags.jsonld");
    b.choose_file(
        "#import-input",
        &write(&rlo_name, w3c.to_string().as_bytes()),
    )
    .await;
    b.wait_for_text(&format!("“{label}” is not a GCM objective or principle"))
        .await;
    // The override in the file's name stays inside its quotes: the sentence after it still
    // reads left to right.
    assert!(
        drawn_left_to_right(&b, ".notices", "was not imported").await,
        "the file name's override reversed the message"
    );
    assert_nothing_ran(&b, "tag label", &baseline).await;

    // 5. Compare: the classmate's name from two files, in the panel and the stepper.
    b.click("button", &format!("{} {RLO}title", PAYLOADS[2]))
        .await;
    b.wait_for_css("#doc-text .block").await;
    b.click("button", "Compare annotators…").await;
    // The classmate's W3C export with one annotation fewer: the same name, other work, so
    // told apart (the same work twice would be refused as a repeat, issue 22).
    let mut w3c: serde_json::Value =
        serde_json::from_slice(&hostile_export(&theirs, Format::W3c)).expect("W3C JSON");
    w3c["first"]["items"]
        .as_array_mut()
        .expect("the collection's items")
        .pop();
    let w3c_export = write("classmate.jsonld", w3c.to_string().as_bytes());
    b.choose_files("#compare-input", &[&project, &w3c_export])
        .await;
    b.wait_for_text("2 annotators").await;
    let compare = text_of(&b, "aside.compare").await;
    let name = format!("{}{RLO}ana", PAYLOADS[0]);
    assert!(compare.contains(&name), "the name as text: {compare}");
    assert!(
        compare.contains(&format!("{name} (2)")),
        "told apart: {compare}"
    );
    assert_nothing_ran(&b, "compare", &baseline).await;
    b.screenshot("hostile-compare").await;

    let _ = std::fs::remove_dir_all(dir());
    b.close().await;
}
