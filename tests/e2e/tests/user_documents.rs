//! The user's own documents: opened from disk (hostile text included), refused when bad,
//! renamed and deleted.

use gcm_e2e::{slice_cp, Browser};
use std::path::PathBuf;

/// Emoji outside the BMP, a flag, combining marks, Arabic and Hebrew, CRLF line ends.
const HOSTILE: &str = "Intro 😀 e\u{301}te\u{301} مرحبا بالعالم שלום\r\n\
Les droits des migrants’ sont protégés 🇫🇷.\r\n\
Fin du texte.\r\n";

fn write_fixture(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gcm-e2e-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// True when the document's text has keyboard focus.
const FOCUS_ON_TEXT: &str =
    "return document.activeElement && document.activeElement.id === 'doc-text'";

#[tokio::test]
async fn a_passage_after_emoji_combining_marks_rtl_and_crlf_gets_exact_code_point_offsets() {
    let b = Browser::open().await;
    let path = write_fixture("hostile notes.txt", HOSTILE.as_bytes());
    b.choose_file("#file-input", &path).await;
    b.wait_for_css("#doc-text .block").await;
    let title = b.wait_for_css("h1#doc-title").await.text().await.unwrap();
    assert_eq!(title, "hostile notes");
    // The keyboard goes on in the text just opened.
    b.wait_until("the text has focus", FOCUS_ON_TEXT).await;
    // Shown exactly as in the file, CRLF included.
    let shown = b
        .js(
            "return document.querySelector('#doc-text').textContent",
            vec![],
        )
        .await;
    assert_eq!(shown.as_str().unwrap(), HOSTILE);

    let needle = "droits des migrants’ sont protégés 🇫🇷";
    b.annotate(needle, 0, &["Principle: Human rights"], "")
        .await;
    let stored = b.stored_annotations().await;
    let a = &stored[0];
    assert_eq!(a["quote"], needle);
    let (start, end) = (a["start"].as_u64().unwrap(), a["end"].as_u64().unwrap());
    assert_eq!(slice_cp(HOSTILE, start, end), needle);
    // The code-point offset, not the UTF-16 one the DOM reports (they differ here).
    let utf16_start = HOSTILE[..HOSTILE.find(needle).unwrap()]
        .encode_utf16()
        .count() as u64;
    assert_eq!(
        start,
        HOSTILE[..HOSTILE.find(needle).unwrap()].chars().count() as u64
    );
    assert_ne!(start, utf16_start);
    assert_eq!(b.highlight_sizes().await["principle-human-rights"], 1);

    // It survives a reload with the document.
    b.reload().await;
    b.wait_for_css("#doc-text .block").await;
    assert_eq!(b.list_entries().await.len(), 1);
    b.close().await;
}

/// A file saved as "Unicode" by Windows Notepad (UTF-16 little-endian with its byte order
/// mark), with classic Mac OS line ends (a lone CR) and text outside the BMP.
#[tokio::test]
async fn a_utf16_file_with_cr_line_ends_opens_one_line_per_line_at_exact_offsets() {
    let text = "First line 😀\rSecond line\rThird line e\u{301}\r";
    let bytes: Vec<u8> = std::iter::once(0xFEFF)
        .chain(text.encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    let b = Browser::open().await;
    b.choose_file("#file-input", &write_fixture("notepad.txt", &bytes))
        .await;
    b.wait_for_css("#doc-text .block").await;
    // Each line on a line of its own (CSS draws a lone CR as a space).
    let mut tops = Vec::new();
    for line in ["First line", "Second line", "Third line"] {
        tops.push(b.text_points(line, 0).await.0 .1);
    }
    assert!(
        tops[0] < tops[1] && tops[1] < tops[2],
        "three lines, not one: {tops:?}"
    );
    b.annotate("Second line", 0, &["Principle: Human rights"], "")
        .await;
    let a = &b.stored_annotations().await[0];
    assert_eq!(a["quote"], "Second line");
    let start = text.find("Second").unwrap();
    assert_eq!(
        a["start"].as_u64(),
        Some(text[..start].chars().count() as u64)
    );
    b.close().await;
}

#[tokio::test]
async fn refused_files_are_named_with_the_reason_and_change_nothing() {
    let b = Browser::open().await;
    // Nothing opened: the keyboard goes on from the button that opens files, not from the
    // top of the page.
    let nothing = write_fixture("nothing.txt", b"");
    b.choose_file("#file-input", &nothing).await;
    b.wait_for_text("“nothing.txt” was not opened: it is empty.")
        .await;
    b.wait_until(
        "the Open files button has focus",
        "return document.activeElement && document.activeElement.id === 'file-input-button'",
    )
    .await;
    let good = write_fixture("good.md", "# Title\n\nMigrants and borders.\n".as_bytes());
    b.choose_file("#file-input", &good).await;
    b.wait_for_css("#doc-text .block").await;
    b.annotate("borders", 0, &["Objective 11: Manage borders"], "")
        .await;
    let docs_before = b
        .js(
            "return document.querySelectorAll('.doc-list li').length",
            vec![],
        )
        .await;

    let latin1 = write_fixture("latin1.txt", b"caf\xe9 au lait");
    let empty = write_fixture("empty.txt", b"");
    let image = write_fixture("photo.png", b"\x89PNG\r\n");
    let paths = [&latin1, &empty, &image]
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join("\n");
    b.wait_for_css("#file-input")
        .await
        .send_keys(&paths)
        .await
        .unwrap();
    b.wait_for_message("“latin1.txt” was not opened: it is not UTF-8 text")
        .await;
    b.wait_for_message("“empty.txt” was not opened: it is empty.")
        .await;
    b.wait_for_message("“photo.png” was not opened: the app reads plain text (.txt), Markdown (.md), PDF (.pdf), Word (.docx), OpenDocument (.odt) and web pages (.html).").await;
    b.screenshot("refused").await;

    let docs_after = b
        .js(
            "return document.querySelectorAll('.doc-list li').length",
            vec![],
        )
        .await;
    assert_eq!(docs_before, docs_after);
    let title = b.wait_for_css("h1#doc-title").await.text().await.unwrap();
    assert_eq!(title, "good");
    assert_eq!(b.list_entries().await.len(), 1);
    assert_eq!(b.stored_annotations().await.len(), 1);
    b.close().await;
}

#[tokio::test]
async fn a_user_document_can_be_renamed_and_deleted_with_its_annotations() {
    let b = Browser::open().await;
    let file = write_fixture("draft.txt", "Safe and regular pathways.\n".as_bytes());
    b.choose_file("#file-input", &file).await;
    b.wait_for_css("#doc-text .block").await;
    b.annotate(
        "regular pathways",
        0,
        &["Objective 5: Regular pathways"],
        "",
    )
    .await;

    b.click("button", "Rename draft").await;
    b.wait_for_css("#rename-input").await;
    b.type_keys(&format!(
        "{}Pathways essay\n",
        "\u{e009}a\u{e000}" // Ctrl+A selects the old title, then it is typed over
    ))
    .await;
    b.by_name("button", "Pathways essay").await;

    b.click("button", "Delete Pathways essay").await;
    b.wait_for_text("Delete “Pathways essay” and its 1 annotation?")
        .await;
    b.click("button", "Delete document").await;
    b.wait_saved().await;
    assert!(b.try_by_name("button", "Pathways essay").await.is_none());
    assert_eq!(b.stored_annotations().await.len(), 0);
    b.wait_for_text("Choose a document to read").await;
    b.close().await;
}

#[tokio::test]
async fn dropped_files_are_added_and_a_bad_one_among_them_is_refused() {
    let b = Browser::open().await;
    // A drop as the browser delivers it from the desktop: a DataTransfer holding files.
    b.js(
        r#"const dt = new DataTransfer();
           dt.items.add(new File(['Remittances and inclusion.\n'], 'first.txt', {type: 'text/plain'}));
           dt.items.add(new File(['# Second\n\nBorders.\n'], 'second.md', {type: 'text/markdown'}));
           dt.items.add(new File([new Uint8Array([0x63, 0x61, 0x66, 0xe9])], 'broken.txt'));
           const app = document.querySelector('.app');
           app.dispatchEvent(new DragEvent('dragover', {dataTransfer: dt, bubbles: true, cancelable: true}));
           app.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));"#,
        vec![],
    )
    .await;
    b.wait_for_text("“broken.txt” was not opened: it is not UTF-8 text")
        .await;
    b.by_name("button", "first").await;
    b.by_name("button", "second").await;
    b.wait_for_text("2 documents added.").await;
    // The first of them is open.
    let title = b.wait_for_css("h1#doc-title").await.text().await.unwrap();
    assert_eq!(title, "first");
    b.close().await;
}

#[tokio::test]
async fn pasted_text_becomes_a_document() {
    let b = Browser::open().await;
    b.click("button", "Paste text").await;
    let fields = b
        .client
        .find_all(fantoccini::Locator::Css(".paste input, .paste textarea"))
        .await
        .unwrap();
    fields[0].send_keys("Class notes").await.unwrap();
    fields[1]
        .send_keys("Objective 16 is about inclusion and social cohesion.")
        .await
        .unwrap();
    b.click("button", "Add document").await;
    b.wait_for_text("Objective 16 is about inclusion").await;
    b.wait_until("the text has focus", FOCUS_ON_TEXT).await;
    let title = b.wait_for_css("h1#doc-title").await.text().await.unwrap();
    assert_eq!(title, "Class notes");
    b.wait_saved().await;
    b.reload().await;
    b.by_name("button", "Class notes").await;
    b.close().await;
}

/// A document with more than 1,000 annotations registers only the highlights near the screen
/// (see `web/highlights.rs`); scrolling brings the others in.
#[tokio::test]
async fn with_many_annotations_highlights_follow_the_screen() {
    use gcm_annotator::document::Document;
    use gcm_annotator::formats::export::export;
    use gcm_annotator::formats::{ExportScope, Format, Options};
    use gcm_annotator::state::{Action, Model};
    use gcm_annotator::text::Cp;

    // 1,500 lines of text, one annotation per line: "Line 0001 ..." to "Line 1500 ...".
    let text: String = (1..=1500)
        .map(|i| format!("Line {i:04} of a long report on safe, orderly and regular migration.\n"))
        .collect();
    let mut m = Model::default();
    m.apply(Action::SetAnnotator("Ana".into()));
    let doc = Document::from_paste("user-long".into(), "long", &text).unwrap();
    m.apply(Action::AddDocuments(vec![doc]));
    for i in 0..1500usize {
        let start = text.find(&format!("Line {:04}", i + 1)).unwrap();
        m.apply(Action::Create {
            document: "user-long".into(),
            start: Cp(start),
            end: Cp(start + 9),
            id: format!("long-{i}"),
            tags: vec!["objective-3".into()],
            note: String::new(),
            now: 1,
        });
    }
    let file = write_fixture(
        "long.json",
        export(
            Format::Project,
            &ExportScope::new(&m.library, None),
            Options {
                annotator: "Ana",
                ..Options::default()
            },
        )
        .as_bytes(),
    );
    let b = Browser::open().await;
    b.choose_file("#import-input", &file).await;
    b.wait_for_text("1,500 annotations imported").await;
    // Written in slices of one transaction: all of them are stored.
    b.wait_saved().await;
    assert_eq!(b.stored_annotations().await.len(), 1500);
    b.click("button", "long").await;
    b.wait_for_css("#doc-text .block").await;
    const HAS: &str = "return [...(CSS.highlights.get('objective-3') ?? [])].some(r => r.toString() === arguments[0])";
    b.wait_until(
        "the first line is highlighted",
        &HAS.replace("arguments[0]", "'Line 0001'"),
    )
    .await;
    let registered = b
        .js("return CSS.highlights.get('objective-3').size", vec![])
        .await
        .as_u64()
        .unwrap();
    assert!(
        registered > 0 && registered < 1500,
        "{registered} of 1,500 registered"
    );
    // The list draws a screenful first and fills in after the paint, to a page of 150 in
    // text order, with a way to the rest.
    b.wait_until(
        "the list has filled its page",
        "return document.querySelectorAll('ol.entries > li').length === 150",
    )
    .await;
    let entries = b.list_entries().await;
    assert!(entries[0].contains("Line 0001"), "{}", entries[0]);
    assert!(entries[149].contains("Line 0150"), "{}", entries[149]);
    b.wait_for_text("Show the next 150 of 1,350 more").await;
    // The last line, far below: not registered until the reader scrolls there.
    assert_eq!(
        b.js(&HAS.replace("arguments[0]", "'Line 1500'"), vec![])
            .await,
        false
    );
    // To the end, as the End key or the scroll bar does (again while skipped blocks grow).
    b.wait_until(
        "the reader is at the end",
        "const r = document.querySelector('.reading'); r.scrollTop = r.scrollHeight; return r.scrollTop + r.clientHeight >= r.scrollHeight - 2",
    )
    .await;
    b.wait_until(
        "the last line is highlighted once on screen",
        &HAS.replace("arguments[0]", "'Line 1500'"),
    )
    .await;
    b.close().await;
}

/// A document is known by its text: opening the same file again opens the one already in
/// the library, with its annotations, instead of adding a copy that would split them.
#[tokio::test]
async fn the_same_file_opened_again_opens_the_document_already_there() {
    let b = Browser::open().await;
    let file = write_fixture(
        "notes.md",
        "# Notes\n\nMigrants and borders 😀.\n".as_bytes(),
    );
    b.choose_file("#file-input", &file).await;
    b.wait_for_css("#doc-text .block").await;
    b.annotate("borders", 0, &["Objective 11: Manage borders"], "")
        .await;
    const COUNT: &str = "return document.querySelectorAll('.doc-list li').length";
    let before = b.js(COUNT, vec![]).await;
    b.click("button", "Global Migration Group").await;
    let again = write_fixture(
        "notes-copy.md",
        "# Notes\n\nMigrants and borders 😀.\n".as_bytes(),
    );
    b.choose_file("#file-input", &again).await;
    b.wait_for_text(
        "“notes-copy” is already in the library, as “notes”: that one is opened, with its annotations.",
    )
    .await;
    assert_eq!(b.js(COUNT, vec![]).await, before, "no copy was added");
    assert_eq!(b.list_entries().await.len(), 1, "its annotation is shown");
    b.close().await;
}

/// A right-to-left paragraph reads from the right edge of the text, as it would in a book,
/// while the paragraphs around it read from the left (CSS `unicode-bidi: plaintext` on
/// every block: the property is not inherited).
#[tokio::test]
async fn a_right_to_left_paragraph_reads_from_the_right_edge() {
    let b = Browser::open().await;
    let path = write_fixture(
        "rtl.txt",
        "First paragraph, in English.\n\nمرحبا بالعالم، هذه فقرة قصيرة.\n\nLast paragraph.\n"
            .as_bytes(),
    );
    b.choose_file("#file-input", &path).await;
    b.wait_for_css("#doc-text .block").await;
    // How far a word's first letters sit from the left and the right edge of its block.
    const EDGES: &str = "const [word] = arguments; \
        const root = document.querySelector('#doc-text'); \
        const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT); \
        for (let n = walk.nextNode(); n; n = walk.nextNode()) { \
          const i = n.data.indexOf(word); if (i < 0) continue; \
          const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + word.length); \
          const a = r.getBoundingClientRect(); \
          const box = n.parentElement.closest('.block').getBoundingClientRect(); \
          return [a.left - box.left, box.right - a.right]; } \
        return null;";
    let edges = |word: &'static str| {
        let b = &b;
        async move {
            let v = b.js(EDGES, vec![word.into()]).await;
            let v = v.as_array().expect("the word is shown").clone();
            (v[0].as_f64().unwrap(), v[1].as_f64().unwrap())
        }
    };
    let (left, right) = edges("مرحبا").await;
    assert!(
        right < 4.0 && left > 100.0,
        "Arabic from the right: {left} {right}"
    );
    let (left, right) = edges("First").await;
    assert!(
        left < 4.0 && right > 100.0,
        "English from the left: {left} {right}"
    );

    // A second file opened takes the keyboard to its own text too (the first one's text
    // had focus, and is replaced).
    let second = write_fixture("second.txt", "Another text, opened second.\n".as_bytes());
    b.choose_file("#file-input", &second).await;
    b.wait_for_text("Another text, opened second.").await;
    b.wait_until("the text has focus", FOCUS_ON_TEXT).await;
    b.close().await;
}
