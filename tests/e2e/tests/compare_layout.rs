//! Compare that a teacher can keep open (issue 22, part 4): the files stay when leaving the
//! view and across a reload, files are added and removed one at a time, refusals name the
//! file and change nothing, the students' table sorts by any column, and the tables fit at
//! 800×900, 1366×768 and 1920×1080: no number wraps, no column is narrower than its content.

use gcm_annotator::formats::Format;
use gcm_e2e::{export_of, Browser};
use std::path::{Path, PathBuf};

/// The teacher's key and four students, with long names (as a file-derived name can be),
/// one of whom tagged a single passage.
fn class_files(dir: &Path) -> Vec<PathBuf> {
    let files = [
        (
            "teacher-answer-key-for-the-global-migration-group-exercise.json",
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
            "maria-fernanda-gonzalez-rodriguez-de-la-fuente-y-villanueva.jsonld",
            export_of(
                "María Fernanda González Rodríguez de la Fuente y Villanueva",
                &[
                    ("Kofi Annan", "objective-23"),
                    ("fourteen UN agencies, the World Bank", "objective-11"),
                ],
                Format::W3c,
            ),
        ),
        (
            "benedict-alexander-montgomery-fitzwilliam-the-third.json",
            export_of(
                "Benedict Alexander Montgomery Fitzwilliam the Third",
                &[("Secretary-General Kofi Annan", "objective-23")],
                Format::Project,
            ),
        ),
        (
            "gcm-global-migration-group-chiamaka-oluwaseun-adebayo-okonkwo-nwachukwu-json-2026-12-02.json",
            export_of(
                "Chiamaka Oluwaseun Adebayo-Okonkwo Nwachukwu",
                &[
                    ("Kofi Annan", "objective-23"),
                    ("fourteen UN agencies", "objective-11"),
                    ("climate change", "objective-2"),
                    ("World Bank", "objective-19"),
                ],
                Format::Project,
            ),
        ),
        (
            "dmitri.json",
            export_of(
                "Dmitri",
                &[
                    ("climate change", "objective-2"),
                    ("Kofi Annan", "objective-1"),
                ],
                Format::Project,
            ),
        ),
    ];
    std::fs::create_dir_all(dir).unwrap();
    files
        .iter()
        .map(|(n, b)| {
            let p = dir.join(n);
            std::fs::write(&p, b).unwrap();
            p.canonicalize().unwrap()
        })
        .collect()
}

/// What does not fit in Compare, as `[what, text, …]`: a block that runs past the panel's
/// edge; a cell of its tables where a number wraps onto a second line, or whose content is
/// wider than its column.
const MISFITS: &str = r#"
const bad = [];
// Nothing in the panel runs past its right edge (a wide table scrolls in its own box).
const panel = document.querySelector('.compare');
const edge = panel.getBoundingClientRect().right - parseFloat(getComputedStyle(panel).paddingRight);
for (const el of panel.querySelectorAll('section > *, .table-wrap, .files > li > *')) {
  if (el.getClientRects().length && el.getBoundingClientRect().right > edge + 1) bad.push(['spills out of the panel', el.tagName, el.className, el.getBoundingClientRect().right, edge]);
}
for (const cell of document.querySelectorAll('.compare table.stats th, .compare table.stats td')) {
  if (!cell.getClientRects().length) continue; // in a closed <details>
  if (cell.scrollWidth > cell.clientWidth) bad.push(['narrower than its content', cell.textContent, cell.scrollWidth, cell.clientWidth]);
  // A tag's name (a row's header) may wrap between words; numbers and column headers may not.
  if (cell.matches('tbody th')) continue;
  const r = document.createRange();
  r.selectNodeContents(cell);
  const rects = [...r.getClientRects()].filter((x) => x.width > 0);
  if (!rects.length) continue;
  const top = Math.min(...rects.map((x) => x.top)), bottom = Math.max(...rects.map((x) => x.bottom));
  const font = parseFloat(getComputedStyle(cell).fontSize);
  if (bottom - top > 1.8 * font) bad.push(['wraps', cell.textContent, bottom - top, font]);
}
return bad;
"#;

/// The annotators Compare lists, as "number name count" lines.
const LISTED: &str = "return [...document.querySelectorAll('.compare .makers li')].map(li => [...li.children].map(c => c.textContent.replace(/[\\u2068\\u2069]/g, '').trim()).join(' '))";

/// The students' table's rows, top to bottom: name and micro F1.
const ROWS: &str = "return [...document.querySelectorAll('table.students tbody tr')].map(r => [r.dataset.student, r.querySelectorAll('.f1')[0].textContent])";

async fn resize(b: &Browser, w: u32, h: u32) {
    b.resize_inner(w, h).await;
}

async fn open_compare(b: &Browser) {
    b.click("button", "Global Migration Group").await;
    b.click("button", "Compare annotators…").await;
    b.wait_for_css("#compare-input").await;
}

#[tokio::test]
async fn compare_keeps_its_files_and_its_tables_fit_at_three_window_sizes() {
    let dir = std::env::temp_dir().join(format!("gcm-e2e-cmp-{}", std::process::id()));
    let paths = class_files(&dir);
    let b = Browser::open().await;
    open_compare(&b).await;
    let first: Vec<&Path> = paths[..4].iter().map(|p| p.as_path()).collect();
    b.choose_files("#compare-input", &first).await;
    b.wait_for_text("4 annotators").await;
    b.wait_for_css("table.stats tr[data-tag=overall]").await;
    let listed = b.js(LISTED, vec![]).await;
    assert_eq!(
        listed[2], "3 Benedict Alexander Montgomery Fitzwilliam the Third 1 annotation",
        "one annotation is said in the singular: {listed}"
    );
    // The teacher is the key: one row per student.
    b.select_value("select[aria-label='Answer key']", "0").await;
    b.wait_for_css("table.students tbody tr").await;
    assert_eq!(b.js(ROWS, vec![]).await.as_array().unwrap().len(), 3);

    for (w, h) in [(800, 900), (1366, 768), (1920, 1080)] {
        resize(&b, w, h).await;
        let misfits = b.js(MISFITS, vec![]).await;
        b.screenshot(&format!("compare-{w}x{h}")).await;
        assert_eq!(misfits, serde_json::json!([]), "at {w}×{h}");
        // The panel is never squeezed: below 900 px the narrow layout gives it the width.
        let width = b
            .js(
                "return document.querySelector('.compare').getBoundingClientRect().width",
                vec![],
            )
            .await
            .as_f64()
            .unwrap();
        let least = if w < 900 { 0.9 * w as f64 } else { 400.0 };
        assert!(width >= least, "at {w}×{h} Compare is {width} px wide");
        // A long name is cut, and whole on hover.
        let cut = b
            .js("const n = document.querySelector('table.students .name'); return [n.scrollWidth > n.clientWidth, n.title]", vec![])
            .await;
        assert_eq!(
            cut[1],
            "Benedict Alexander Montgomery Fitzwilliam the Third"
        );
    }
    resize(&b, 1366, 768).await;

    // Leaving the view keeps the files and the key.
    b.click("button", "Back to my annotations").await;
    b.click("button", "Compare annotators…").await;
    b.wait_for_css("table.students tbody tr").await;
    assert_eq!(b.js(LISTED, vec![]).await, listed);

    // So does a reload.
    b.wait_saved().await;
    b.reload().await;
    b.click("button", "Compare annotators…").await;
    b.wait_for_css("table.students tbody tr").await;
    assert_eq!(b.js(LISTED, vec![]).await, listed);

    // Adding a file adds to the set; a file already there is refused by name, and nothing
    // else changes.
    b.choose_files("#compare-input", &[paths[4].as_path(), paths[1].as_path()])
        .await;
    b.wait_for_text("5 annotators").await;
    b.wait_for_message("maria-fernanda-gonzalez-rodriguez-de-la-fuente-y-villanueva.jsonld")
        .await;
    let five = b.js(LISTED, vec![]).await;
    assert_eq!(five.as_array().unwrap().len(), 5);
    assert_eq!(five[4], "5 Dmitri 2 annotations");

    // Removing one asks first (the browser's dialog): No keeps it, Yes takes only it out,
    // for good.
    let remove = "Remove “benedict-alexander-montgomery-fitzwilliam-the-third.json” from Compare";
    b.click("button", remove).await;
    let question = b.client.get_alert_text().await.unwrap();
    assert!(
        question.contains("Its annotators are no longer compared"),
        "{question}"
    );
    b.client.dismiss_alert().await.unwrap();
    assert_eq!(b.js(LISTED, vec![]).await, five);
    b.click("button", remove).await;
    b.client.accept_alert().await.unwrap();
    b.wait_for_text("4 annotators").await;
    let left = b.js(LISTED, vec![]).await;
    assert!(!left.to_string().contains("Benedict"), "{left}");
    b.wait_saved().await;
    b.reload().await;
    b.click("button", "Compare annotators…").await;
    b.wait_for_text("4 annotators").await;
    let after: Vec<String> = serde_json::from_value(b.js(LISTED, vec![]).await).unwrap();
    assert!(after.iter().all(|l| !l.contains("Benedict")), "{after:?}");
    assert!(after[3].ends_with("Dmitri 2 annotations"), "{after:?}");
    b.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}

/// Words broken inside Compare's tables (a word's letters on two lines, as
/// "documentat/ion"), and boxes whose content is cut off: a table box that scrolls must take
/// the keyboard's focus, and the agreement table itself (its pairs folded) must fit whole.
const BROKEN: &str = r#"
const bad = [];
for (const cell of document.querySelectorAll('.compare table.stats th, .compare table.stats td')) {
  if (!cell.getClientRects().length) continue; // in a closed <details>
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // A word, up to a space or a hyphen (after which a line may break: "Whole-of-/society").
    const re = /[^\s\-\u2010]+/g;
    let m;
    while ((m = re.exec(node.data))) {
      const r = document.createRange();
      r.setStart(node, m.index);
      r.setEnd(node, m.index + m[0].length);
      const tops = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
      if (tops.size > 1) bad.push(['word broken', m[0], cell.textContent]);
    }
  }
}
for (const wrap of document.querySelectorAll('.compare .table-wrap')) {
  if (!wrap.getClientRects().length) continue;
  if (wrap.scrollWidth <= wrap.clientWidth + 1) continue;
  if (wrap.querySelector('table.agreement')) bad.push(['the agreement table is cut off', wrap.scrollWidth, wrap.clientWidth]);
  const style = getComputedStyle(wrap);
  if (!['auto', 'scroll'].includes(style.overflowX)) bad.push(['clipped, and does not scroll', wrap.className]);
  if (wrap.tabIndex < 0) bad.push(['scrolls, but the keyboard cannot reach it', wrap.className, wrap.innerText.slice(0, 40)]);
}
return bad;
"#;

/// What the page shows just inside the Compare panel's edge that is not the panel's, the
/// text scrolled so that a highlighted passage meets that edge.
const OVER_THE_PANEL: &str = r#"
const side = document.querySelector('.side.compare');
const reading = document.querySelector('.reading');
const s = side.getBoundingClientRect(), r = reading.getBoundingClientRect();
const marks = [...reading.querySelectorAll('.doc-text mark, .doc-text [class*=hl], .doc-text span[data-ids]')];
const mark = marks.find((m) => m.getClientRects().length) || reading.querySelector('.doc-text');
if (mark) reading.scrollTop += mark.getBoundingClientRect().top - (r.bottom - 8);
const bad = [];
const edge = s.top > r.top + 10 ? s.top : s.left;
for (let i = 0; i < 20; i++) {
  for (const d of [1, 4, 8]) {
    const [x, y] = edge === s.top ? [s.left + (s.width * (i + 0.5)) / 20, s.top + d] : [s.left + d, s.top + (s.height * (i + 0.5)) / 20];
    const el = document.elementFromPoint(x, y);
    if (el && !side.contains(el)) bad.push([Math.round(x), Math.round(y), el.tagName, el.className]);
  }
}
return bad;
"#;

#[tokio::test]
async fn five_annotators_tables_fit_break_no_word_and_fold_the_pairs_behind_a_toggle() {
    let dir = std::env::temp_dir().join(format!("gcm-e2e-cmp-five-{}", std::process::id()));
    let mut paths = class_files(&dir);
    // Tags with long names, as a class uses them: "Legal identity and documentation",
    // "Principle: International cooperation".
    let long = dir.join("dmitri-long-tags.json");
    std::fs::write(
        &long,
        export_of(
            "Dmitri",
            &[
                ("World Bank", "objective-4"),
                (
                    "fourteen UN agencies",
                    "principle-international-cooperation",
                ),
                ("climate change", "objective-2"),
            ],
            Format::Project,
        ),
    )
    .unwrap();
    paths[4] = long.canonicalize().unwrap();
    let b = Browser::open().await;
    open_compare(&b).await;
    let all: Vec<&Path> = paths.iter().map(|p| p.as_path()).collect();
    b.choose_files("#compare-input", &all).await;
    b.wait_for_text("5 annotators").await;
    b.wait_for_css("table.stats tr[data-tag=overall]").await;
    b.select_value("select[aria-label='Answer key']", "0").await;
    b.wait_for_css("table.students tbody tr").await;
    // 10 pairs: their mean in the table, each pair behind a toggle.
    let heads = "return [...document.querySelectorAll('table.agreement thead th')].map((th) => th.textContent)";
    let shown = b.js(heads, vec![]).await;
    assert_eq!(
        shown,
        serde_json::json!(["Tag", "Used by", "κ", "α", "Mean κ"]),
        "{shown}"
    );
    let pairs = "return document.querySelectorAll('details.pairs table.pairs thead th').length";
    assert_eq!(b.js(pairs, vec![]).await, 11, "the tag and 10 pairs");

    for open in [false, true] {
        if open {
            b.wait_for_css("details.pairs summary")
                .await
                .click()
                .await
                .unwrap();
            b.wait_until(
                "the pairs are shown",
                "return document.querySelector('details.pairs').open",
            )
            .await;
        }
        for (w, h) in [(800, 900), (1366, 768), (1920, 1080)] {
            resize(&b, w, h).await;
            let misfits = b.js(MISFITS, vec![]).await;
            let broken = b.js(BROKEN, vec![]).await;
            b.screenshot(&format!("compare-five-{w}x{h}-{open}")).await;
            assert_eq!(
                misfits,
                serde_json::json!([]),
                "at {w}×{h}, pairs open: {open}"
            );
            assert_eq!(
                broken,
                serde_json::json!([]),
                "at {w}×{h}, pairs open: {open}"
            );
            // Nothing of the text paints over the panel: just inside its edge, every point
            // is the panel's (at 800×900 the highlights covered "Gold standard").
            let over = b.js(OVER_THE_PANEL, vec![]).await;
            assert_eq!(over, serde_json::json!([]), "at {w}×{h}");
        }
    }
    b.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn the_students_table_sorts_by_f1_from_a_click_or_the_keyboard() {
    let dir = std::env::temp_dir().join(format!("gcm-e2e-cmp-sort-{}", std::process::id()));
    let paths = class_files(&dir);
    let b = Browser::open().await;
    open_compare(&b).await;
    let all: Vec<&Path> = paths.iter().map(|p| p.as_path()).collect();
    b.choose_files("#compare-input", &all).await;
    b.wait_for_text("5 annotators").await;
    b.select_value("select[aria-label='Answer key']", "0").await;
    b.wait_for_css("table.students tbody tr").await;
    let f1 = |rows: &serde_json::Value| -> Vec<f64> {
        rows.as_array()
            .unwrap()
            .iter()
            .map(|r| r[1].as_str().unwrap().parse().unwrap())
            .collect()
    };
    // By name first.
    let rows = b.js(ROWS, vec![]).await;
    let names: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r[0].as_str().unwrap())
        .collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(names, sorted);

    b.click("button", "F1 (Micro)").await;
    b.wait_until(
        "the F1 column says it sorts, largest first",
        "return document.querySelector('table.students th[aria-sort]')?.textContent.startsWith('F1') \
         && document.querySelector('table.students th[aria-sort]').getAttribute('aria-sort') === 'descending'",
    )
    .await;
    let down = f1(&b.js(ROWS, vec![]).await);
    assert!(down.windows(2).all(|w| w[0] >= w[1]), "{down:?}");
    assert!(down.first() > down.last(), "the figures differ: {down:?}");
    b.screenshot("compare-sorted").await;

    // From the keyboard: the header's button, Enter.
    b.by_name("button", "F1 (Micro)")
        .await
        .send_keys("\u{E007}")
        .await
        .unwrap();
    b.wait_until(
        "the F1 column sorts the other way",
        "return document.querySelector('table.students th[aria-sort]')?.getAttribute('aria-sort') === 'ascending'",
    )
    .await;
    let up = f1(&b.js(ROWS, vec![]).await);
    let mut reversed = down.clone();
    reversed.reverse();
    assert_eq!(up, reversed);
    b.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}

/// Cuts stored record `key` of the `meta` store short (as a crash while writing could) and
/// answers what the record was before; `done` is webdriver's callback.
const CUT_RECORD: &str = r#"
const [key, done] = arguments;
const open = indexedDB.open('gcm-annotator');
open.onsuccess = () => {
  const db = open.result;
  const tx = db.transaction(['meta'], 'readwrite');
  const meta = tx.objectStore('meta');
  const got = meta.get(key);
  got.onsuccess = () => meta.put(String(got.result).slice(0, 40), key);
  tx.oncomplete = () => { db.close(); done(typeof got.result); };
  tx.onerror = () => done('write failed');
};
open.onerror = () => done('open failed');
"#;

/// A stored record of Compare's, whatever it now holds.
const STORED: &str = r#"
const [key, done] = arguments;
const open = indexedDB.open('gcm-annotator');
open.onsuccess = () => {
  const got = open.result.transaction(['meta']).objectStore('meta').get(key);
  got.onsuccess = () => { open.result.close(); done(got.result === undefined ? null : String(got.result)); };
};
"#;

#[tokio::test]
async fn a_stored_file_that_cannot_be_read_is_kept_and_said_in_compare() {
    let dir = std::env::temp_dir().join(format!("gcm-e2e-cmp-cut-{}", std::process::id()));
    let paths = class_files(&dir);
    let b = Browser::open().await;
    open_compare(&b).await;
    b.choose_files("#compare-input", &[paths[0].as_path(), paths[2].as_path()])
        .await;
    b.wait_for_text("2 annotators").await;
    b.wait_saved().await;
    let was = b
        .client
        .execute_async(CUT_RECORD, vec!["class-0".into()])
        .await
        .unwrap();
    assert_eq!(
        was, "string",
        "Compare's first file is stored as its record"
    );
    let cut = b
        .client
        .execute_async(STORED, vec!["class-0".into()])
        .await
        .unwrap();

    // After a reload, Compare says that one of its files cannot be read, and shows the other.
    b.reload().await;
    b.click("button", "Compare annotators…").await;
    b.wait_for_css(".compare .notice.error").await;
    b.wait_for_text("A file of Compare could not be read back")
        .await;
    b.wait_for_text("1 annotator").await;

    // A file added after it takes a new number: the unreadable record is never written over.
    b.choose_files("#compare-input", &[paths[4].as_path()])
        .await;
    b.wait_for_text("2 annotators").await;
    b.wait_saved().await;
    let after = b
        .client
        .execute_async(STORED, vec!["class-0".into()])
        .await
        .unwrap();
    assert_eq!(after, cut, "the unreadable record is kept as it was");
    let added = b
        .client
        .execute_async(STORED, vec!["class-2".into()])
        .await
        .unwrap();
    assert!(
        added.as_str().is_some_and(|r| r.contains("dmitri.json")),
        "{added}"
    );

    // Removed only when the teacher asks, after the browser's confirmation.
    b.js(
        "document.querySelector('.compare .notice.error button').click()",
        vec![],
    )
    .await;
    b.client.accept_alert().await.unwrap();
    b.wait_until(
        "the message is gone",
        "return !document.querySelector('.compare .notice.error')",
    )
    .await;
    b.wait_saved().await;
    let gone = b
        .client
        .execute_async(STORED, vec!["class-0".into()])
        .await
        .unwrap();
    assert_eq!(gone, serde_json::Value::Null, "the record is deleted");
    b.wait_for_text("2 annotators").await;
    b.close().await;
    let _ = std::fs::remove_dir_all(dir);
}

/// Drops `json` as a file named `name` on `css`, as a drag from the desktop would.
const DROP_FILE: &str = r#"
const [css, name, json] = arguments;
const dt = new DataTransfer();
dt.items.add(new File([json], name, { type: 'application/json' }));
const target = document.querySelector(css);
target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
return target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
"#;

#[tokio::test]
async fn compare_keeps_working_when_the_assignment_form_closes_and_takes_dropped_files() {
    let b = Browser::open().await;
    open_compare(&b).await;
    // Both teacher's tools on the page at once; closing one leaves the other working.
    b.click("button", "Export").await;
    b.wait_for_css(".assignment-form summary")
        .await
        .click()
        .await
        .unwrap();
    b.wait_for_css("#assignment-form-instructions").await;
    b.press(&[], fantoccini::key::Key::Escape).await;
    b.wait_until(
        "the Export panel closed",
        "return !document.getElementById('export-panel')",
    )
    .await;
    // A file dropped on Compare's panel (on what the module draws) is added to Compare,
    // not imported as the teacher's own work.
    let json = String::from_utf8(export_of(
        "Dmitri",
        &[("climate change", "objective-2")],
        Format::Project,
    ))
    .unwrap();
    let not_taken = b
        .js(
            DROP_FILE,
            vec![".compare h2".into(), "dmitri.json".into(), json.into()],
        )
        .await;
    assert_eq!(
        not_taken, false,
        "the drop is Compare's (its default is prevented)"
    );
    b.wait_for_text("1 annotator").await;
    b.wait_for_css("table.stats tr[data-tag=overall]").await;
    b.wait_saved().await;
    assert_eq!(
        b.stored_annotations().await.len(),
        0,
        "nothing imported into the teacher's own annotations"
    );
    // Compare's own buttons still reach the app.
    b.click("button", "Back to my annotations").await;
    b.wait_until(
        "Compare closed",
        "return !document.querySelector('.side.compare')",
    )
    .await;
    b.close().await;
}

#[tokio::test]
async fn an_assignment_file_added_to_compare_scores_the_students_only_on_its_tags() {
    let dir = std::env::temp_dir().join(format!("gcm-e2e-cmp-scope-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        p.canonicalize().unwrap()
    };
    // The key has a passage of objective 11, which the assignment did not hand out.
    let key = write(
        "key.json",
        &export_of(
            "Teacher",
            &[
                ("Kofi Annan", "objective-23"),
                ("fourteen UN agencies", "objective-11"),
            ],
            Format::Project,
        ),
    );
    let ana = write(
        "ana.json",
        &export_of("Ana", &[("Kofi Annan", "objective-23")], Format::Project),
    );
    let mut handout: serde_json::Value =
        serde_json::from_slice(&export_of("Teacher", &[], Format::Project)).unwrap();
    handout["assignment"] =
        gcm_annotator::assignment::to_json(&gcm_annotator::assignment::Assignment {
            id: "5e1d0c2b-aaaa-4000-8000-000000000001".into(),
            instructions: "Tag who acts.".into(),
            tags: vec!["objective-23".into()],
            suggestions: false,
            documents: vec![gcm_e2e::SEED_004.into()],
        });
    let handout = write("assignment.json", &serde_json::to_vec(&handout).unwrap());

    let b = Browser::open().await;
    open_compare(&b).await;
    b.choose_files("#compare-input", &[key.as_path(), ana.as_path()])
        .await;
    b.wait_for_text("2 annotators").await;
    b.wait_for_css("table.stats tr[data-tag=overall]").await;
    b.select_value("select[aria-label='Answer key']", "0").await;
    b.wait_for_css("table.students tbody tr").await;
    // Ana's micro recall; null while the figures are computed again.
    let ana = "document.querySelector('table.students tr[data-student=\"Ana\"] td.r')";
    let recall = format!("const r = {ana}; return r ? r.textContent : null");
    let is_one = format!("const r = {ana}; return r !== null && r.textContent === '1.00'");
    assert_eq!(
        b.js(&recall, vec![]).await,
        "0.50",
        "over every tag of the key"
    );

    // The assignment's file is its scope, not an annotator.
    b.choose_files("#compare-input", &[handout.as_path()]).await;
    b.wait_for_text("The assignment: 1 tag in scope").await;
    b.wait_for_text("Scored on the 1 tag that").await;
    b.wait_for_text("left out").await;
    b.wait_for_text("2 annotators").await;
    b.wait_until("Ana scored on objective 23 only", &is_one)
        .await;
    // It stays across a reload, as every file of Compare does.
    b.wait_saved().await;
    b.reload().await;
    b.click("button", "Compare annotators…").await;
    b.wait_for_text("The assignment: 1 tag in scope").await;
    b.wait_until("still within the scope", &is_one).await;
    // The printed report says the scope as the view does (the print dialog stubbed).
    b.js(
        "window.print = () => { window.__printed = true; }; return true",
        vec![],
    )
    .await;
    b.wait_for_css(".compare button.print-report")
        .await
        .click()
        .await
        .unwrap();
    b.wait_until(
        "the report says what the students were scored on",
        "return window.__printed === true \
         && document.querySelector('#gcm-report')?.textContent.includes('Scored on the 1 tag that') \
         && document.querySelector('#gcm-report')?.textContent.includes('left out')",
    )
    .await;
    b.close().await;
    let _ = std::fs::remove_dir_all(dir);
}
