//! Word, OpenDocument and web pages in the browser (issue 18): opened through the file input
//! (made by pandoc and Python's `zipfile` with `tests/documents/make.py`), their text read by
//! the browser's own `DecompressionStream`, `TextDecoder` and `DOMParser`; pasted rich text;
//! a hostile page that must run and fetch nothing; and the bad-documents corpus.

use gcm_e2e::{requests_for, slice_cp, Browser};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The documents `make.py` writes, made once per test binary.
fn made() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("gcm-e2e-office-{}", std::process::id()));
        let ok = std::process::Command::new("python3")
            .arg(root().join("tests/documents/make.py"))
            .arg(&dir)
            .status()
            .is_ok_and(|s| s.success());
        assert!(
            ok,
            "tests/documents/make.py failed: is pandoc installed (./dev setup)?"
        );
        dir
    })
}

fn expected(name: &str) -> String {
    std::fs::read_to_string(root().join("tests/documents").join(name)).unwrap()
}

async fn shown_text(b: &Browser) -> String {
    let v = b
        .js(
            "return document.querySelector('#doc-text').textContent",
            vec![],
        )
        .await;
    v.as_str().unwrap_or_default().to_string()
}

async fn open_and_wait(b: &Browser, path: &Path, title: &str) {
    b.choose_file("#file-input", path).await;
    b.wait_until(
        "the document is open",
        &format!(
            "const h = document.querySelector('h1#doc-title'); return !!h && h.textContent === {};",
            serde_json::Value::from(title)
        ),
    )
    .await;
    b.wait_for_css("#doc-text .block").await;
}

/// Pastes HTML into the paste form's textarea as a browser does (a `paste` event whose
/// clipboard holds `text/html`, and "plain fallback" as `text/plain`).
async fn paste_html(b: &Browser, markup: &str) {
    b.js(
        "const area = document.querySelector('#paste-text'); area.focus(); \
         const data = new DataTransfer(); data.setData('text/html', arguments[0]); \
         data.setData('text/plain', 'plain fallback'); \
         area.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));",
        vec![markup.into()],
    )
    .await;
}

/// Waits until the paste form's textarea holds exactly `want`.
async fn wait_for_pasted(b: &Browser, want: &str) {
    b.wait_until(
        "the textarea holds the pasted text",
        &format!(
            "return document.querySelector('#paste-text').value === {};",
            serde_json::Value::from(want)
        ),
    )
    .await;
}

#[tokio::test]
async fn word_opendocument_and_web_pages_open_with_their_text_and_keep_annotations_over_a_reload() {
    let b = Browser::open().await;
    let cases = [
        (
            "structure.docx",
            "structure.txt",
            "orderly migration",
            "Objective 5: Regular pathways",
        ),
        (
            "structure.odt",
            "structure.txt",
            "Cooperation 🤝",
            "Objective 23: International cooperation",
        ),
        (
            "structure.html",
            "structure.html.txt",
            "Invest in programmes",
            "Objective 1: Data",
        ),
    ];
    let mut texts = Vec::new();
    for (file, want, needle, _) in cases {
        let path = made().join(file);
        // A copy under a name that says nothing of the kind: the first bytes tell it.
        let lying = made().join(format!("{file}.txt"));
        std::fs::copy(&path, &lying).unwrap();
        // Word and OpenDocument give the same text: the second opens the first, with its
        // annotation, and says so (a text is in the library once). The page is titled by its
        // <title>.
        let title = match file {
            "structure.odt" => "structure.docx",
            "structure.html" => "Structure",
            _ => file,
        };
        open_and_wait(&b, &lying, title).await;
        if file == "structure.odt" {
            b.wait_for_text("is already in the library, as").await;
        }
        let text = expected(want);
        assert_eq!(shown_text(&b).await, text, "{file}");
        b.annotate(
            needle,
            0,
            &[cases.iter().find(|c| c.0 == file).unwrap().3],
            "",
        )
        .await;
        texts.push((needle, text));
    }
    b.reload().await;
    b.wait_for_css("#doc-text .block").await;
    let stored = b.stored_annotations().await;
    assert_eq!(stored.len(), 3);
    for (needle, text) in texts {
        let a = stored
            .iter()
            .find(|a| a["quote"] == needle)
            .expect("stored");
        let (s, e) = (a["start"].as_u64().unwrap(), a["end"].as_u64().unwrap());
        assert_eq!(slice_cp(&text, s, e), needle);
    }
    b.close().await;
}

#[tokio::test]
async fn tracked_changes_come_in_accepted_and_declared_charsets_are_decoded() {
    let b = Browser::open().await;
    open_and_wait(&b, &made().join("tracked.docx"), "tracked").await;
    assert_eq!(
        shown_text(&b).await,
        "The Compact was adopted in Marrakech in December 2018.\n\nObjective 23."
    );
    open_and_wait(&b, &made().join("cp1252.html"), "Café").await;
    assert_eq!(shown_text(&b).await, "Café “crème” — 5 €");
    open_and_wait(&b, &made().join("sjis.html"), "移民").await;
    assert_eq!(shown_text(&b).await, "移住に関するグローバル・コンパクト");
    b.close().await;
}

#[tokio::test]
async fn pasted_rich_text_comes_in_as_its_text_and_keeps_an_annotation_over_a_reload() {
    let b = Browser::open().await;
    b.click("button", "Paste text").await;
    b.wait_for_css("#paste-text").await;
    let markup = "<meta charset=utf-8><title>Pasted page</title><style>p{color:red}</style>\
        <h2>Objective 23</h2><p>Strengthen <b>international</b>\n   cooperation 🤝 and\
        <br>partnerships.</p><ul><li>Data</li><li>Dialogue</li></ul>\
        <script>window.__pwned = 1</script><img src=\"/paste-probe.png\">\
        <table><tr><td>A</td><td>B</td></tr></table>";
    paste_html(&b, markup).await;
    let want = "Objective 23\n\nStrengthen international cooperation 🤝 and\npartnerships.\n\n- Data\n\n- Dialogue\n\nA\tB";
    wait_for_pasted(&b, want).await;
    let title = b
        .js(
            "return document.querySelector('#paste-title').value",
            vec![],
        )
        .await;
    assert_eq!(title, "Pasted page");
    b.click("button", "Add document").await;
    b.wait_for_css("#doc-text .block").await;
    assert_eq!(shown_text(&b).await, want);
    b.annotate(
        "cooperation 🤝",
        0,
        &["Objective 23: International cooperation"],
        "",
    )
    .await;
    b.reload().await;
    b.wait_for_css("#doc-text .block").await;
    assert_eq!(b.stored_annotations().await.len(), 1);
    assert!(b.js("return window.__pwned === undefined", vec![]).await == true);
    assert_eq!(requests_for("paste-probe"), 0);
    b.close().await;
}

#[tokio::test]
async fn a_list_pasted_from_word_comes_in_with_list_markers() {
    let b = Browser::open().await;
    b.click("button", "Paste text").await;
    b.wait_for_css("#paste-text").await;
    // Word's clipboard HTML, conditional comments and all: Chromium's parser makes
    // `<![if !supportLists]>` a comment, and the marker is in the mso-list:Ignore span.
    let item = |class: &str, list: &str, marker: &str, text: &str| {
        format!(
            "<p class={class} style='margin-left:36.0pt;text-indent:-18.0pt;mso-list:{list}'>\
             <![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>\
             {marker}<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;\n\
             </span></span></span><![endif]>{text}<o:p></o:p></p>"
        )
    };
    let markup = [
        "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><body lang=EN-GB>\
         <!--StartFragment--><p class=MsoNormal>Actions:</p>"
            .to_string(),
        item(
            "MsoListParagraphCxSpFirst",
            "l0 level1 lfo1",
            "·",
            "Expand regular pathways",
        ),
        item(
            "MsoListParagraphCxSpLast",
            "l0 level2 lfo1",
            "o",
            "for families",
        ),
        item("MsoListParagraph", "l1 level1 lfo2", "1.", "Share data"),
        "<!--EndFragment--></body></html>".to_string(),
    ]
    .concat();
    paste_html(&b, &markup).await;
    let want = "Actions:\n\n- Expand regular pathways\n\n  - for families\n\n1. Share data";
    wait_for_pasted(&b, want).await;
    b.close().await;
}

#[tokio::test]
async fn a_hostile_page_runs_nothing_and_requests_nothing() {
    // A second listener, on a port of its own, that the page points at: any connection is a
    // request the page made.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let hits = Arc::new(AtomicUsize::new(0));
    {
        let hits = hits.clone();
        std::thread::spawn(move || {
            for _ in listener.incoming() {
                hits.fetch_add(1, Ordering::SeqCst);
            }
        });
    }
    let other = format!("http://127.0.0.1:{port}");
    let page = format!(
        r#"<!DOCTYPE html><html><head><title>Hostile</title>
<link rel="stylesheet" href="{other}/link.css"><link rel="stylesheet" href="/hostile-probe-link.css">
<link rel="preload" href="/hostile-probe-preload.js" as="script">
<meta http-equiv="refresh" content="0;url={other}/refresh">
<script>window.top.__pwned = 'script'; fetch('{other}/fetch')</script>
<script src="{other}/script.js"></script><script src="/hostile-probe-script.js"></script>
<style>@import url("{other}/import.css"); body {{ background: url(/hostile-probe-bg.png) }}</style>
</head><body onload="window.top.__pwned = 'onload'">
<p>Safe text about <b>migration</b>.</p>
<img src="{other}/img.png" onerror="window.top.__pwned = 'onerror'"><img src="/hostile-probe-img.png">
<img srcset="/hostile-probe-srcset.png 2x"><picture><source srcset="{other}/source.png"></picture>
<iframe src="{other}/frame"></iframe><iframe srcdoc="<script>parent.parent.__pwned='srcdoc'</script>"></iframe>
<object data="{other}/object"></object><embed src="{other}/embed">
<video src="{other}/video.mp4" poster="/hostile-probe-poster.png"></video>
<audio src="{other}/audio.mp3" autoplay></audio>
<form action="{other}/form"><input name="q" value="x" autofocus onfocus="window.top.__pwned='focus'"></form>
<a href="javascript:window.top.__pwned='link'">A link that runs script</a>
<svg onload="window.top.__pwned = 'svg'"><image href="{other}/svg.png"/></svg>
<p style="background:url({other}/style.png)">Styled paragraph.</p>
</body></html>"#
    );
    let path = made().join("hostile.html");
    std::fs::write(&path, page).unwrap();

    let b = Browser::open().await;
    open_and_wait(&b, &path, "Hostile").await;
    assert_eq!(
        shown_text(&b).await,
        "Safe text about migration.\n\nA link that runs script\n\nStyled paragraph."
    );
    // Nothing it holds is markup in the reader.
    let markup = b
        .js(
            "return document.querySelectorAll('#doc-text a, #doc-text img, #doc-text script, #doc-text iframe, #doc-text b').length",
            vec![],
        )
        .await;
    assert_eq!(markup, 0);
    // Give a stray load or script time to happen: several frames and a round trip.
    b.js(
        "const done = arguments[arguments.length - 1]; \
         requestAnimationFrame(() => setTimeout(() => fetch('/index.html').then(() => setTimeout(done, 500)), 0));",
        vec![],
    )
    .await;
    b.click_text("A link that runs script", 0).await;
    assert_eq!(
        b.js("return window.__pwned === undefined", vec![]).await,
        true
    );
    assert_eq!(
        requests_for("hostile-probe"),
        0,
        "requests to the app's server"
    );
    assert_eq!(
        hits.load(Ordering::SeqCst),
        0,
        "requests to the other listener"
    );
    b.close().await;
}

#[tokio::test]
async fn every_bad_document_is_refused_with_its_message_and_nothing_changes() {
    let b = Browser::open().await;
    let good = made().join("tracked.docx");
    open_and_wait(&b, &good, "tracked").await;
    b.annotate("Marrakech", 0, &["Objective 11: Manage borders"], "")
        .await;
    let docs_before = b
        .js(
            "return document.querySelectorAll('.doc-list li').length",
            vec![],
        )
        .await;

    let dir = root().join("tests/bad-documents");
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let Some(file) = name.strip_suffix(".expected") else {
            continue;
        };
        if file.starts_with("pdf") {
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap().trim().to_string();
        let at = [dir.join(file), made().join("bad-documents").join(file)]
            .into_iter()
            .find(|p| p.exists())
            .unwrap_or_else(|| panic!("{file}: no such file"));
        cases.push((file.to_string(), at, want));
    }
    assert!(cases.len() >= 15);
    for (file, path, want) in &cases {
        b.choose_file("#file-input", path).await;
        b.wait_for_message(&format!("“{file}” was not opened: {want}"))
            .await;
    }
    let docs_after = b
        .js(
            "return document.querySelectorAll('.doc-list li').length",
            vec![],
        )
        .await;
    assert_eq!(docs_before, docs_after);
    let title = b.wait_for_css("h1#doc-title").await.text().await.unwrap();
    assert_eq!(title, "tracked");
    assert_eq!(b.stored_annotations().await.len(), 1);
    b.close().await;
}

/// The longest main-thread task since the page loaded, in ms (a `longtask` observer put in
/// place by [`watch_long_tasks`]).
async fn longest_task(b: &Browser) -> f64 {
    let v = b.js("return window.__longestTask || 0", vec![]).await;
    v.as_f64().unwrap_or_default()
}

async fn watch_long_tasks(b: &Browser) {
    b.js(
        "new PerformanceObserver((l) => { for (const e of l.getEntries()) \
         window.__longestTask = Math.max(window.__longestTask || 0, e.duration); })\
         .observe({ type: 'longtask', buffered: true }); return true;",
        vec![],
    )
    .await;
}

#[tokio::test]
async fn a_deeply_nested_page_is_refused_at_once_and_a_long_flat_one_opens() {
    // Chromium's HTML parser took ~3 minutes over 200,000 nested <div>s, in one task that
    // froze the tab (issue 18): the reader measures the markup's nesting before parsing.
    let b = Browser::open().await;
    watch_long_tasks(&b).await;
    let page =
        |body: String| format!("<!DOCTYPE html><html><head></head><body>{body}</body></html>");
    let nested = |open: &str, close: &str, n: usize| {
        page(format!("{}deep{}", open.repeat(n), close.repeat(n)))
    };
    let refused = [
        ("nested-divs.html", nested("<div>", "</div>", 200_000)),
        (
            "nested-lists.html",
            nested("<ul><li>", "</li></ul>", 50_000),
        ),
        (
            "nested-tables.html",
            nested("<table><tr><td>", "</td></tr></table>", 20_000),
        ),
        ("unclosed-spans.html", page("<span>x".repeat(200_000))),
    ];
    for (name, markup) in refused {
        let path = made().join(name);
        std::fs::write(&path, markup).unwrap();
        let t = std::time::Instant::now();
        b.choose_file("#file-input", &path).await;
        b.wait_for_message(&format!(
            "“{name}” was not opened: it nests deeper than 512 levels."
        ))
        .await;
        let took = t.elapsed().as_secs_f64();
        println!(
            "{name}: refused in {took:.2} s, longest task {:.0} ms",
            longest_task(&b).await
        );
    }
    // 100,000 tags 500 levels deep: not too deep, but the parser searched its stack for 2.3 s.
    let name = "crowded.html";
    let path = made().join(name);
    let body = format!(
        "{}{}",
        "<div>".repeat(500),
        "<span>x</span>".repeat(100_000)
    );
    std::fs::write(&path, page(body)).unwrap();
    let t = std::time::Instant::now();
    b.choose_file("#file-input", &path).await;
    b.wait_for_message(&format!(
        "“{name}” was not opened: it holds too many elements nested too deep to be read in reasonable time."
    ))
    .await;
    let took = t.elapsed().as_secs_f64();
    println!(
        "{name}: refused in {took:.2} s, longest task {:.0} ms",
        longest_task(&b).await
    );
    // 200,000 sibling paragraphs, most not closed: a long page, not a deep one.
    let path = made().join("flat-paragraphs.html");
    std::fs::write(
        &path,
        page("<p>A paragraph about migration.\n".repeat(200_000)),
    )
    .unwrap();
    let t = std::time::Instant::now();
    open_and_wait(&b, &path, "flat-paragraphs").await;
    let took = t.elapsed().as_secs_f64();
    println!(
        "flat-paragraphs.html: opened in {took:.2} s, longest task {:.0} ms",
        longest_task(&b).await
    );
    // Times are printed, not asserted: CI asserts outcomes (the refusal, the page opened,
    // another one opening after), and a loaded machine took 10.5 s here once. The harness's
    // wait still fails a page that never opens.
    // The page is still usable: another page opens, titled by its <title>.
    let path = made().join("after.html");
    std::fs::write(&path, "<!DOCTYPE html><html><head><title>After the deep pages</title></head><body><p>Safe and orderly.</p></body></html>").unwrap();
    open_and_wait(&b, &path, "After the deep pages").await;
    assert_eq!(shown_text(&b).await, "Safe and orderly.");
    b.close().await;
}

#[tokio::test]
async fn a_web_page_is_titled_by_its_title_else_by_its_file_name() {
    let b = Browser::open().await;
    let path = made().join("titled.html");
    let title = format!("  The Global\n\tCompact {} ", "x".repeat(600));
    std::fs::write(
        &path,
        format!("<!DOCTYPE html><html><head><title>{title}</title></head><body><p>Regular pathways.</p></body></html>"),
    )
    .unwrap();
    // Collapsed, trimmed and cut to a title's 500 code points.
    let want: String = format!("The Global Compact {}", "x".repeat(600))
        .chars()
        .take(500)
        .collect();
    open_and_wait(&b, &path, &want).await;
    assert_eq!(shown_text(&b).await, "Regular pathways.");
    // Without one, the file's name, as before.
    let path = made().join("untitled.html");
    std::fs::write(
        &path,
        "<!DOCTYPE html><html><head></head><body><p>Safe migration.</p></body></html>",
    )
    .unwrap();
    open_and_wait(&b, &path, "untitled").await;
    b.close().await;
}
