//! PDFs in: made at test time by Chromium's own print-to-PDF (DevTools `Page.printToPDF`)
//! from HTML built of repo texts, encrypted by `qpdf`, then opened through the file input
//! and by drop. The text shown must equal the source paragraphs (src/extract/pdf.rs says
//! the whitespace rules), page starts must be right, and bad PDFs must be refused with a
//! message naming the file, leaving the library as it was.

use gcm_e2e::{serve_dir, Browser};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A folder of this test run's files.
fn work_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gcm-e2e-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Standard base64 (what `Page.printToPDF` answers), decoded.
fn base64(s: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let clean: Vec<u8> = s.bytes().filter(|&c| c != b'=' && c != b'\n').collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &c)| n | (val(c) as u32) << (18 - 6 * i));
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..chunk.len() - 1]);
    }
    out
}

/// Prints an HTML page with this browser's own print-to-PDF, and writes the PDF as `name`.
/// The browser is left on the printed page.
async fn print_pdf(b: &Browser, html: &str, name: &str) -> PathBuf {
    let dir = work_dir();
    let page = format!("{name}.html");
    std::fs::write(dir.join(&page), html).unwrap();
    let base = serve_dir(dir.clone());
    b.client.goto(&format!("{base}{page}")).await.unwrap();
    b.wait_for_css("body").await;
    // Canvases are drawn by the page's script before it is printed.
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let out = b
        .cdp(
            "Page.printToPDF",
            serde_json::json!({ "printBackground": true, "preferCSSPageSize": true }),
        )
        .await;
    let pdf = base64(out["data"].as_str().expect("PDF data"));
    assert!(pdf.starts_with(b"%PDF-"));
    let path = dir.join(name);
    std::fs::write(&path, pdf).unwrap();
    path
}

/// Escapes text for HTML.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// An A5 document with a running header ("GCM review 2026") and page numbers in the footer
/// (CSS paged media), one page per entry of `pages`, each a list of paragraphs in HTML.
fn paged_html(pages: &[Vec<String>]) -> String {
    let mut body = String::new();
    for (i, paras) in pages.iter().enumerate() {
        let brk = if i > 0 {
            " style=\"break-before: page\""
        } else {
            ""
        };
        body.push_str(&format!("<section{brk}>"));
        for p in paras {
            body.push_str(p);
        }
        body.push_str("</section>");
    }
    format!(
        "<!doctype html><html><head><meta charset=utf-8><style>\
         @page {{ size: A5; margin: 2cm 1.5cm; \
           @top-center {{ content: \"GCM review 2026\"; font: 9pt serif }} \
           @bottom-center {{ content: counter(page); font: 9pt serif }} }}\
         body {{ font: 11pt/1.3 serif; margin: 0 }} p {{ margin: 0 0 0.8em }}\
         .cols {{ columns: 2; column-gap: 1cm }}\
         </style></head><body>{body}</body></html>"
    )
}

const SEED: &str = include_str!("../../../seeds/001_22250b8f33848101.txt");

#[tokio::test]
async fn explore() {
    let b = Browser::open().await;
    let seed: Vec<String> = SEED
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(12)
        .map(|l| format!("<p>{}</p>", esc(l)))
        .collect();
    let pages = vec![
        seed[..4].to_vec(),
        vec![
            "<p>Migrants 🧳 arrive; café e\u{301}te\u{301} naïve.</p>".to_string(),
            "<p dir=rtl>مرحبا بالعالم، هذه فقرة من اليمين إلى اليسار.</p>".to_string(),
            "<p>The inter-<br>national order holds.</p>".to_string(),
        ],
        vec!["<div class=cols><p>Left column text that is long enough to wrap onto several lines in a narrow column of this page.</p><p>Right column text, also long enough to wrap onto several lines in the second column here.</p></div>".to_string()],
        seed[4..8].to_vec(),
    ];
    let pdf = print_pdf(&b, &paged_html(&pages), "report.pdf").await;
    b.open_app().await;
    b.choose_file("#file-input", &pdf).await;
    b.wait_for_css("#doc-text .block").await;
    let shown = b
        .js(
            "return document.querySelector('#doc-text').textContent",
            vec![],
        )
        .await;
    println!("SHOWN:\n{}", shown.as_str().unwrap());
    println!("PAGE: {}", b.page_state().await);
    let _ = Path::new("");
    let _ = Command::new("true");
    b.close().await;
}
