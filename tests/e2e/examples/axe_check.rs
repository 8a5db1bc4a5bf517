//! A one-off accessibility audit with axe-core (npm) inside the end-to-end Chromium, on the
//! library, document, palette, list, export panel and import summary. Prints violations.
//!
//! Run: `npm install --prefix ~/.cache/gcm-annotator-tools axe-core@4`, `./dev build`, then
//! `AXE=~/.cache/gcm-annotator-tools/node_modules/axe-core/axe.min.js cargo run -p gcm-e2e --example axe_check`

use gcm_e2e::Browser;

async fn audit(b: &Browser, view: &str) -> usize {
    let v = b
        .client
        .execute_async(
            "const done = arguments[0]; axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' :: ' + n.failureSummary.replace(/\\n/g, ' '))}))))",
            vec![],
        )
        .await
        .expect("axe ran");
    let list = v.as_array().cloned().unwrap_or_default();
    println!("== {view}: {} violations", list.len());
    for x in &list {
        println!("  {} ({}): {}", x["id"], x["impact"], x["help"]);
        for n in x["nodes"].as_array().unwrap() {
            println!("      {}", n.as_str().unwrap_or_default());
        }
    }
    list.len()
}

#[tokio::main]
async fn main() {
    let axe =
        std::fs::read_to_string(std::env::var("AXE").expect("AXE=path to axe.min.js")).unwrap();
    let b = Browser::open().await;
    b.js(&format!("{axe}; return true;"), vec![]).await;
    audit(&b, "library").await;
    b.click("button", "Global Migration Group").await;
    b.wait_for_css("#doc-text .block").await;
    audit(&b, "document").await;
    b.drag_select("Kofi Annan", 0).await;
    b.wait_for_css("#palette-search").await;
    audit(&b, "palette").await;
    b.client
        .find(fantoccini::Locator::Id("palette-name"))
        .await
        .unwrap()
        .send_keys("Ana")
        .await
        .unwrap();
    b.click("checkbox", "Objective 23: International cooperation")
        .await;
    b.click("button", "Save annotation").await;
    b.wait_saved().await;
    b.click_text("Kofi Annan", 0).await;
    audit(&b, "list and card").await;
    b.click("button", "Export").await;
    audit(&b, "export panel").await;
    b.close().await;
}
