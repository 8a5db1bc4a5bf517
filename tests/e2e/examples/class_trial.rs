//! A trial of the compare view at the size of a class: 30 exports of 2,000 annotations each
//! on seed 001 (`gcm_e2e::class`), loaded through the file input. Prints the time to the
//! table and the longest task the page ran meanwhile. Asserts nothing. `./dev bench` keeps
//! the same figures as rows (section `class`).
//!
//! Run: `./dev build && cargo run -p gcm-e2e --example class_trial --release`

use gcm_e2e::class::{class_files, SEED_001_TITLE};
use gcm_e2e::Browser;
use std::time::Instant;

#[tokio::main]
async fn main() {
    let dir = std::env::temp_dir().join("gcm-class-trial");
    std::fs::create_dir_all(&dir).unwrap();
    let mut paths = Vec::new();
    for (name, bytes) in class_files(30, 2_000) {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        paths.push(p.canonicalize().unwrap().display().to_string());
    }
    let b = Browser::open().await;
    b.click("button", SEED_001_TITLE).await;
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
