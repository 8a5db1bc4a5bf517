//! A trial of the compare view at the size of a class: 30 exports of 2,000 annotations each
//! on seed 001, loaded through the file input. Prints the time to the table and the longest
//! task the page ran meanwhile. Asserts nothing.
//!
//! Run: `./dev build && cargo run -p gcm-e2e --example class_trial --release`

use gcm_annotator::annotation::{Annotation, Draft};
use gcm_annotator::formats::export::export;
use gcm_annotator::formats::{ExportScope, Format, Options};
use gcm_annotator::state::{Action, Model};
use gcm_annotator::text::Cp;
use gcm_e2e::Browser;
use std::time::Instant;

#[tokio::main]
async fn main() {
    let base = Model::default();
    let doc = base
        .library
        .document("seed-22250b8f33848101")
        .unwrap()
        .clone();
    let len = doc.text.len_cp().0;
    let dir = std::env::temp_dir().join("gcm-class-trial");
    std::fs::create_dir_all(&dir).unwrap();
    let mut paths = Vec::new();
    let mut x: u64 = 88_172_645_463_325_252;
    for s in 0..30 {
        let mut m = Model::default();
        m.apply(Action::SetAnnotator(format!("Student {s}")));
        let mut made = Vec::new();
        for i in 0..2000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let st = (x % (len as u64 - 300)) as usize;
            let tag = gcm_annotator::codebook::TAGS[(x % 33) as usize]
                .id
                .to_string();
            let d = Draft {
                document: doc.id.clone(),
                start: Cp(st),
                end: Cp(st + 5 + (x % 120) as usize),
                tags: vec![tag],
                note: String::new(),
            };
            if let Ok(a) = Annotation::new(format!("s{s}-{i}"), d, &doc.text, "x", 1) {
                made.push(a);
            }
        }
        m.library.extend(made);
        let p = dir.join(format!("student{s:02}.json"));
        std::fs::write(
            &p,
            export(
                Format::Project,
                &ExportScope::new(&m.library, Some(&doc.id)),
                Options {
                    annotator: &m.session.settings.annotator,
                    ..Options::default()
                },
            ),
        )
        .unwrap();
        paths.push(p.canonicalize().unwrap().display().to_string());
    }
    let b = Browser::open().await;
    b.click(
        "button",
        "Migration Network Hub: what helps achieve the GCM objectives",
    )
    .await;
    b.click("button", "Compare annotators…").await;
    b.js("window.__long = []; new PerformanceObserver(l => { for (const e of l.getEntries()) window.__long.push(Math.round(e.duration)); }).observe({type: 'longtask'});", vec![]).await;
    let t = Instant::now();
    b.wait_for_css("#compare-input")
        .await
        .send_keys(&paths.join("\n"))
        .await
        .unwrap();
    b.wait_for_text("30 annotators").await;
    println!(
        "30 exports × 2,000 annotations: files chosen to the table shown in {:?}",
        t.elapsed()
    );
    let long = b.js("return window.__long", vec![]).await;
    let tasks: Vec<u64> = serde_json::from_value(long).unwrap_or_default();
    println!(
        "long tasks meanwhile: {} (longest {} ms); all: {:?}",
        tasks.len(),
        tasks.iter().max().unwrap_or(&0),
        tasks
    );
    b.screenshot("class-trial").await;
    b.close().await;
}
