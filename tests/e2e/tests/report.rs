//! The printed report (issue 23), printed as the browser prints it: the real "Print report"
//! buttons draw the report and call the browser's print; DevTools' `Page.printToPDF` then
//! prints the page on A4 and on Letter, and poppler's `pdftotext` and `pdfinfo` (installed
//! by `./dev`) read the PDF back: the quotes (one outside the BMP, one a 200-character word
//! that must come out whole), the notes, the pages of a paged document, the counts, the
//! page count, a table's header on every page it runs onto, no row split between pages, no
//! word past the paper's edge, none of the app's own screen; and a class's scores, its
//! agreement and its disagreements, with the stylesheet kept for offline use.

use gcm_annotator::classroom;
use gcm_annotator::document::Document;
use gcm_annotator::formats::Format;
use gcm_annotator::state::Model;
use gcm_annotator::stats::Matching;
use gcm_e2e::{export_of, Browser, SEED_004};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A4 and Letter, in inches (what `Page.printToPDF` takes), with the width in points of
/// the PDF's pages.
const A4: (f64, f64, f64) = (8.27, 11.69, 595.0);
const LETTER: (f64, f64, f64) = (8.5, 11.0, 612.0);

/// How many rows the long table has: enough to run onto a second page.
const ROWS: usize = 40;

/// A word of 200 characters with no break opportunity: it must wrap, not run off the page.
fn token(seed: &str) -> String {
    seed.chars().cycle().take(200).collect()
}

/// One row of the long table: three lines of a quote, its number at both ends, so that a
/// row split between pages shows as its two ends on two pages.
fn row(i: usize) -> String {
    format!(
        "Row {i:02} begins: States will cooperate to make migration safe, orderly and regular, \
         sharing data, opening pathways and protecting the rights of every migrant at every \
         border they cross, wherever they come from and wherever they go. Row {i:02} ends."
    )
}

/// A project file holding a three-page document (as read from a PDF) and its annotations:
/// an emoji in a quote on page 1, a long note, one passage with two tags, the long table's
/// rows on page 2 and the long word on page 3.
fn project_file(dir: &Path) -> PathBuf {
    use gcm_annotator::extract::{Extracted, SourceFile};
    use gcm_annotator::formats::export::export;
    use gcm_annotator::formats::{ExportScope, Options};
    use gcm_annotator::state::Action;
    use gcm_annotator::text::Cp;
    let rows: Vec<String> = (1..=ROWS).map(row).collect();
    let pages = [
        "Page one. A migrant family 😀 crossed the border at dawn. Data collection matters."
            .to_string(),
        rows.join(" "),
        format!("Page three holds the word {} and no other.", token("quote")),
    ];
    let text = pages.join("\n\n");
    let cp = |needle: &str| {
        let b = text.find(needle).unwrap();
        Cp(text[..b].chars().count())
    };
    let starts: Vec<Cp> = pages.iter().map(|p| cp(p)).collect();
    let doc = Document::from_extracted(
        "user-report".into(),
        SourceFile {
            name: "Border review.pdf".into(),
            media_type: "application/pdf".into(),
            size: 31_000,
            sha256: "7c".repeat(32),
        },
        Extracted {
            text: text.clone(),
            pages: starts,
            title: None,
        },
    )
    .unwrap();
    let mut m = Model::default();
    m.apply(Action::SetAnnotator("Kim Report".into()));
    m.apply(Action::AddDocuments(vec![doc]));
    let mut tag = |id: &str, needle: &str, tags: &[&str], note: &str| {
        let s = cp(needle);
        m.apply(Action::Create {
            id: id.into(),
            document: "user-report".into(),
            start: s,
            end: Cp(s.0 + needle.chars().count()),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            note: note.into(),
            now: 1,
        });
    };
    tag(
        "emoji",
        "A migrant family 😀 crossed the border",
        &["objective-1"],
        "Seen at dawn, noted by the second team.",
    );
    tag(
        "data",
        "Data collection matters",
        &["objective-1", "principle-human-rights"],
        &token("note"),
    );
    for (i, r) in rows.iter().enumerate() {
        tag(
            &format!("row-{i}"),
            r,
            &["objective-2"],
            &format!("Note {:02}.", i + 1),
        );
    }
    tag("word", &token("quote"), &["objective-5"], "");
    let json = export(
        Format::Project,
        &ExportScope::new(&m.library, None),
        Options {
            annotator: "Kim Report",
            ..Options::default()
        },
    );
    let path = dir.join("border-review.json");
    std::fs::write(&path, json).unwrap();
    path
}

/// What a PDF printed from the page says: its text laid out (`pdftotext -layout`, pages
/// apart), its page count, and every word's box (`pdftotext -bbox`).
struct Printed {
    pages: Vec<String>,
    count: usize,
    /// (right edge of the word, width of its page), in points.
    right_edges: Vec<(f64, f64, String)>,
}

impl Printed {
    fn text(&self) -> String {
        self.pages.join("\n")
    }
}

/// Prints the page with DevTools at `paper` (width, height in inches) into `dir`, and reads
/// the PDF back with poppler.
async fn print(b: &Browser, paper: (f64, f64, f64), dir: &Path, name: &str) -> Printed {
    let pdf = b
        .cdp(
            "Page.printToPDF",
            serde_json::json!({ "paperWidth": paper.0, "paperHeight": paper.1 }),
        )
        .await;
    let data = pdf["data"].as_str().expect("a PDF");
    let path = dir.join(format!("{name}.pdf"));
    std::fs::write(&path, base64(data)).unwrap();
    let run = |args: &[&str]| {
        let out = Command::new(args[0])
            .args(&args[1..])
            .output()
            .unwrap_or_else(|e| panic!("{}: {e} (./dev installs poppler-utils)", args[0]));
        assert!(out.status.success(), "{args:?}: {out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let file = path.to_str().unwrap();
    let text = run(&["pdftotext", "-layout", file, "-"]);
    let info = run(&["pdfinfo", file]);
    let count = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().parse().unwrap())
        .expect("pdfinfo says how many pages");
    let boxes = run(&["pdftotext", "-bbox", file, "-"]);
    let mut width = 0.0;
    let mut right_edges = Vec::new();
    let attr = |line: &str, name: &str| -> f64 {
        let at = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        line[at..at + line[at..].find('"').unwrap()]
            .parse()
            .unwrap()
    };
    for line in boxes.lines().map(str::trim) {
        if line.starts_with("<page ") {
            width = attr(line, "width");
        } else if line.starts_with("<word ") {
            let word = line[line.find('>').unwrap() + 1..line.rfind('<').unwrap()].to_string();
            right_edges.push((attr(line, "xMax"), width, word));
        }
    }
    Printed {
        pages: text.split('\u{c}').map(str::to_string).collect(),
        count,
        right_edges,
    }
}

/// Standard base64, decoded (the PDF DevTools sends).
fn base64(data: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let clean: Vec<u8> = data.bytes().filter(|c| *c != b'=').collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, c)| n | (u32::from(value(*c)) << (18 - 6 * i)));
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

/// The text without any white space: a word wrapped over several lines reads whole.
fn joined(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Checks what every printed report must hold: every word inside the paper, at least a
/// centimetre from its edge (`Page.printToPDF` prints with the report's own margins), and
/// none of the app's screen.
fn nothing_cut(p: &Printed, paper: &str) {
    let out: Vec<_> = (p.right_edges.iter())
        .filter(|(right, width, _)| *right > width - 28.0)
        .collect();
    assert!(
        out.is_empty(),
        "{paper}: words at or past the edge: {out:?}"
    );
    assert!(
        !p.text().contains("Open files"),
        "{paper}: the app's own screen is printed"
    );
}

/// Clicks the button, as a user does, and checks that it called the browser's print once,
/// with the report drawn and styled for paper.
///
/// The one thing replaced is the browser's own `window.print`, by a function that notes
/// the page as it is when called: headless Chromium's returns at once, fires `beforeprint`
/// and never `afterprint`, and leaves the page "already being printed" for good (no dialog
/// ever closes), so that `Page.printToPDF` then fails. Nothing of the app's is replaced.
/// `Page.printToPDF` fires `beforeprint` and `afterprint` as a print dialog does: after one,
/// the page prints as the app again, and the next report is the button's again.
async fn print_report(b: &Browser, button_css: &str) {
    b.js(
        "window.__prints = [];
         window.print = () => window.__prints.push({
           report: !!document.querySelector('#gcm-report article'),
           printing: document.body.dataset.printing ?? null,
           styled: [...document.styleSheets].some((s) => (s.href ?? '').endsWith('/teacher/report.css')),
         });
         return true",
        vec![],
    )
    .await;
    b.wait_for_css(button_css).await.click().await.unwrap();
    b.wait_until(
        "the button calls print",
        "return window.__prints.length > 0",
    )
    .await;
    // A moment for a second call, which must not come.
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let calls = b.js("return window.__prints", vec![]).await;
    assert_eq!(
        calls,
        serde_json::json!([{ "report": true, "printing": "report", "styled": true }]),
        "print is called once, on the report drawn and styled"
    );
}

#[tokio::test]
async fn a_documents_report_prints_its_passages_notes_pages_and_counts_on_a4_and_letter() {
    let dir = std::env::temp_dir().join(format!("gcm-e2e-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = project_file(&dir);
    let b = Browser::open().await;
    b.choose_file("#import-input", &file).await;
    b.wait_for_text("43 annotations imported").await;
    b.click("button", "Border review").await;
    b.wait_for_css("#doc-text .block").await;
    for (paper, name, pages) in [(A4, "A4", 7), (LETTER, "Letter", 8)] {
        print_report(&b, ".panel-links button:last-child").await;
        let p = print(&b, paper, &dir, &format!("document-{name}")).await;
        let text = p.text();
        let flat = joined(&text);
        // On top: what it is, the title, when and by whom.
        assert!(
            text.to_lowercase().contains("annotations of a document"),
            "{name}: {text}"
        );
        assert!(text.contains("Border review"), "{name}");
        assert!(text.contains("Annotated by Kim Report"), "{name}");
        // The quotes: one with an emoji, and the 200-character word whole, on its page.
        assert!(
            flat.contains("Amigrantfamily😀crossedtheborder"),
            "{name}: {text}"
        );
        assert!(
            flat.contains(&format!("p.3{}", token("quote"))),
            "{name}: {text}"
        );
        // The notes, the long one whole too.
        assert!(flat.contains("Seenatdawn,notedbythesecondteam."), "{name}");
        assert!(flat.contains(&token("note")), "{name}: {text}");
        // The counts: passages per code, and in all (the passage with two tags once).
        let count = |label: &str| {
            let line = text.lines().find(|l| l.trim_start().starts_with(label));
            line.and_then(|l| l.split_whitespace().last())
                .map(str::to_string)
        };
        assert_eq!(
            count("Objective 1: Data").as_deref(),
            Some("2"),
            "{name}: {text}"
        );
        assert_eq!(
            count("Objective 2: Minimize adverse drivers").as_deref(),
            Some("40")
        );
        assert_eq!(count("Principle: Human rights").as_deref(), Some("1"));
        assert_eq!(count("All passages").as_deref(), Some("43"), "{name}");
        // The long table runs onto more pages, with its header on each, and no row split.
        let page_of = |needle: &str| p.pages.iter().position(|t| joined(t).contains(needle));
        let (first, last) = (page_of("Row01begins"), page_of(&format!("Row{ROWS}ends")));
        let (first, last) = (first.unwrap(), last.unwrap());
        assert!(last > first, "{name}: the long table fits on one page");
        for page in &p.pages[first..=last] {
            assert!(
                page.lines()
                    .any(|l| l.contains("Page") && l.contains("Passage") && l.contains("Note")),
                "{name}: a page of the long table without its header: {page}"
            );
        }
        for i in 1..=ROWS {
            let (begins, ends) = (format!("Row{i:02}begins"), format!("Row{i:02}ends"));
            assert_eq!(page_of(&begins), page_of(&ends), "{name}: row {i} is split");
            assert!(
                page_of(&format!("Note{i:02}.")).is_some(),
                "{name}: note {i}"
            );
        }
        assert_eq!(p.count, pages, "{name}: pages");
        nothing_cut(&p, name);
    }
    b.close().await;
}

#[tokio::test]
async fn a_class_report_prints_each_students_scores_the_agreement_and_the_disagreements() {
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
            "ana.json".to_string(),
            export_of(
                "Ana",
                &[
                    ("Kofi Annan", "objective-23"),
                    ("fourteen UN agencies, the World Bank", "objective-11"),
                ],
                Format::Project,
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
    let dir = std::env::temp_dir().join(format!("gcm-e2e-report-class-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let paths: Vec<PathBuf> = (files.iter())
        .map(|(n, bytes)| {
            let p = dir.join(n);
            std::fs::write(&p, bytes).unwrap();
            p
        })
        .collect();
    // What the report must say, computed natively.
    let doc: Document = Model::default().library.document(SEED_004).unwrap().clone();
    let (annotators, problems) = classroom::load(&doc, &files);
    assert!(problems.is_empty(), "{problems:?}");
    let scores = classroom::student_scores(&annotators, 0, Matching::Overlap);
    let disagreements = classroom::disagreements(&doc.text, &annotators);

    let b = Browser::open().await;
    b.wait_until(
        "the service worker controls the page",
        "return !!navigator.serviceWorker.controller",
    )
    .await;
    b.click("button", "Global Migration Group").await;
    b.click("button", "Compare annotators…").await;
    let refs: Vec<&Path> = paths.iter().map(|p| p.as_path()).collect();
    b.choose_files("#compare-input", &refs).await;
    b.wait_for_text("3 annotators").await;
    b.select_value("select[aria-label='Answer key']", "0").await;
    b.wait_until(
        "two students scored against the key",
        "return document.querySelectorAll('.compare table.students tbody tr').length === 2",
    )
    .await;
    // The worker kept the report's stylesheet with the module's code, before any report was
    // printed: a report prints offline once Compare has been used.
    b.wait_until(
        "the report's stylesheet is kept for offline use",
        "return caches.match(new URL('teacher/report.css', document.baseURI).href).then((r) => !!r)",
    )
    .await;
    print_report(&b, ".compare button.print-report").await;

    let p = print(&b, A4, &dir, "class-A4").await;
    let text = p.text();
    let flat = joined(&text);
    assert!(text.to_lowercase().contains("a class compared"), "{text}");
    assert!(
        text.contains("Everyone is scored against Teacher."),
        "{text}"
    );
    // Each student's row: passages, then micro and macro precision, recall and F1.
    let fmt = |v: Option<f64>| v.map_or("—".to_string(), |x| format!("{x:.2}"));
    for s in &scores {
        let name = &annotators[s.annotator].name;
        let want: Vec<String> = [s.passages.to_string()]
            .into_iter()
            .chain(
                [s.micro, s.macro_avg]
                    .iter()
                    .flat_map(|x| [fmt(x.precision), fmt(x.recall), fmt(x.f1)]),
            )
            .collect();
        let line = text
            .lines()
            .find(|l| l.split_whitespace().next() == Some(name.as_str()) && l.contains('.'))
            .unwrap_or_else(|| panic!("no row for {name}: {text}"));
        let got: Vec<&str> = line.split_whitespace().skip(1).collect();
        assert_eq!(got, want, "{name}'s scores");
    }
    // The agreement table, and every disagreement with its passage.
    assert!(text.contains("Agreement"), "{text}");
    assert!(text.contains(&format!("Disagreements: {}", disagreements.len())));
    for d in &disagreements {
        let quote = doc.text.slice(d.start, d.end).unwrap();
        assert!(
            flat.contains(&joined(quote)),
            "the disputed {quote:?}: {text}"
        );
    }
    nothing_cut(&p, "A4");
    b.close().await;
}
