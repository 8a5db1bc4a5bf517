//! The user's own codes and whole-document tags, end to end (issue 19): made in the
//! Codebook panel, one nested under the other and recoloured; passages and a whole document
//! tagged with them; exported as a REFI-QDA project and as brat standoff; each imported into
//! a fresh profile, where the codes come back with their colours and nesting and the
//! annotations with their notes and offsets (which Python slices to their quotes).

use fantoccini::Locator;
use gcm_e2e::{Browser, SEED_004};
use serde_json::Value;
use std::path::Path;

const SEED_004_TITLE: &str = "Global Migration Group";

/// The own codes stored in IndexedDB (the `codebook` record of the `meta` store).
async fn stored_codes(b: &Browser) -> Vec<Value> {
    let v = b
        .client
        .execute_async(
            r#"const [done] = arguments;
const open = indexedDB.open('gcm-annotator');
open.onsuccess = () => {
  const db = open.result;
  const req = db.transaction('meta', 'readonly').objectStore('meta').get('codebook');
  req.onsuccess = () => { done(req.result || null); db.close(); };
  req.onerror = () => done(null);
};
open.onerror = () => done(null);"#,
            vec![],
        )
        .await
        .expect("read IndexedDB");
    let Some(json) = v.as_str() else {
        return Vec::new();
    };
    let record: Value = serde_json::from_str(json).expect("JSON");
    record["codes"].as_array().cloned().unwrap_or_default()
}

/// Makes an own code in the Codebook panel, nested under `parent` (an option's value) when
/// given.
async fn add_code(b: &Browser, name: &str, parent: Option<&str>) {
    b.client
        .find(Locator::Id("new-code-name"))
        .await
        .expect("the new code's name field")
        .send_keys(name)
        .await
        .unwrap();
    if let Some(p) = parent {
        b.select_value("#new-code-parent", p).await;
    }
    b.click("button", "Add code").await;
    b.wait_until(
        "the code is listed",
        &format!(
            "return [...document.querySelectorAll('.own-codes .tag-name')].some(e => e.textContent === {})",
            serde_json::to_string(name).unwrap()
        ),
    )
    .await;
}

/// What a fresh profile holds after importing `file`: the stored own codes (name, colour,
/// parent's name) and the stored annotations (tags as names, note, offsets, whole).
async fn import_into_fresh_profile(
    file: &Path,
) -> (Vec<(String, String, String)>, Vec<Value>, Browser) {
    let b = Browser::open().await;
    b.choose_file("#import-input", file).await;
    b.wait_until(
        "the import is stored",
        "return document.querySelector('[data-save-state=saved]') !== null && [...document.querySelectorAll('.notice')].some(n => /annotations? imported/.test(n.textContent))",
    )
    .await;
    b.wait_saved().await;
    let codes = stored_codes(&b).await;
    let name_of = |id: &str| -> String {
        codes
            .iter()
            .find(|c| c["id"] == id)
            .and_then(|c| c["name"].as_str())
            .map(String::from)
            .unwrap_or_else(|| id.to_string())
    };
    let mut summary: Vec<(String, String, String)> = codes
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap_or_default().to_string(),
                c["color"].as_str().unwrap_or_default().to_string(),
                c["parent"].as_str().map(name_of).unwrap_or_default(),
            )
        })
        .collect();
    summary.sort();
    let mut anns: Vec<Value> = b
        .stored_annotations()
        .await
        .into_iter()
        .map(|a| {
            let mut tags: Vec<String> = a["tags"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| name_of(t.as_str().unwrap()))
                .collect();
            tags.sort();
            serde_json::json!({
                "start": a["start"], "end": a["end"], "quote": a["quote"], "note": a["note"],
                "tags": tags, "whole": a["whole_document"].as_bool().unwrap_or(false),
                "document": a["document"],
            })
        })
        .collect();
    anns.sort_by_key(|a| (a["whole"].as_bool(), a["start"].as_u64()));
    (summary, anns, b)
}

/// Python's view of an exported zip: for REFI-QDA, every PlainTextSelection sliced from its
/// source by code points; for brat, every T line's fragments sliced from its `.txt`. Each
/// line is `quote-in-file ⇥ slice` and they must be equal.
fn python_slices(zip: &Path, kind: &str) -> Vec<(String, String)> {
    let script = r#"
import sys, zipfile, re, xml.etree.ElementTree as ET
z = zipfile.ZipFile(sys.argv[1]); kind = sys.argv[2]; out = []
if kind == 'refi':
    ns = {'q': 'urn:QDA-XML:project:1.0'}
    root = ET.fromstring(z.read('project.qde'))
    for src in root.iter('{urn:QDA-XML:project:1.0}TextSource'):
        want = 'sources/' + src.get('plainTextPath').split('internal://')[1]
        entry = next(n for n in z.namelist() if n.lower() == want.lower())
        text = z.read(entry).decode('utf-8')
        for sel in src.iter('{urn:QDA-XML:project:1.0}PlainTextSelection'):
            s, e = int(sel.get('startPosition')), int(sel.get('endPosition'))
            if e > s:
                out.append((sel.get('name'), text[s:e]))
else:
    for name in z.namelist():
        if not name.endswith('.ann'): continue
        text = z.read(name[:-4] + '.txt').decode('utf-8')
        for line in z.read(name).decode('utf-8').splitlines():
            if not line.startswith('T'): continue
            tid, mid, quote = line.split('\t')
            spans = [tuple(map(int, f.split())) for f in mid.split(' ', 1)[1].split(';')]
            out.append((quote, ' '.join(text[s:e] for s, e in spans)))
for q, s in out: print(q.replace('\n', '\\n') + '\x1f' + s.replace('\n', '\\n'))
"#;
    let out = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(zip)
        .arg(kind)
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let (q, s) = l.split_once('\x1f').unwrap();
            (q.to_string(), s.to_string())
        })
        .collect()
}

#[tokio::test]
async fn own_codes_and_a_whole_document_tag_travel_through_refi_qda_and_brat() {
    let a = Browser::open().await;
    a.click("button", SEED_004_TITLE).await;
    a.wait_for_css("#doc-text .block").await;

    // Two codes of my own, one nested under the other, and a colour changed.
    a.click("button", "Codebook…").await;
    add_code(&a, "Stance 😀", None).await;
    let stance = a
        .js("return [...document.querySelectorAll('#new-code-parent option')].find(o => o.textContent.trim() === 'Stance 😀').value", vec![])
        .await;
    add_code(&a, "Écart de mise en œuvre", stance.as_str()).await;
    a.click(
        "button",
        "Edit code Écart de mise en œuvre, on 0 annotations",
    )
    .await;
    a.click("radio", "Colour 8").await;
    a.click("button", "Save code").await;
    a.wait_saved().await;
    assert_eq!(
        a.focused_id().await,
        stored_codes(&a).await[1]["id"]
            .as_str()
            .map(|id| format!("row-{id}"))
            .unwrap(),
        "focus goes back to the code's row"
    );
    // A rename to a GCM tag's name is refused in the editor, which stays open as it was.
    a.click("button", "Edit code Stance 😀, on 0 annotations")
        .await;
    let name = a.wait_for_css("#code-name").await;
    name.clear().await.unwrap();
    name.send_keys("human RIGHTS").await.unwrap();
    a.click("button", "Save code").await;
    a.wait_for_text("is already the name of a GCM guiding principle")
        .await;
    assert!(
        a.try_by_name("button", "Save code").await.is_some(),
        "still open"
    );
    a.click("button", "Close").await;
    a.screenshot("own-codes-panel").await;
    let made = stored_codes(&a).await;
    assert_eq!(made.len(), 2, "{made:?}");
    let gap = made
        .iter()
        .find(|c| c["name"] == "Écart de mise en œuvre")
        .unwrap();
    assert_eq!(gap["color"], "#a6c8f5", "the eighth colour of the palette");
    assert_eq!(gap["parent"], made[0]["id"], "nested under Stance");
    // A GCM tag's name is refused, whatever its accents and case.
    a.client
        .find(Locator::Id("new-code-name"))
        .await
        .unwrap()
        .send_keys("DATA")
        .await
        .unwrap();
    a.click("button", "Add code").await;
    a.wait_for_text("is already the name of GCM objective 1")
        .await;
    a.click("button", "Dismiss message").await;
    a.click("button", "Back to my annotations").await;

    // Passages tagged with them, one with a GCM tag too, and the whole document.
    a.annotate(
        "Kofi Annan",
        0,
        &["Stance 😀", "Objective 23: International cooperation"],
        "a note",
    )
    .await;
    a.annotate(
        "UNESCO Chairs the Group",
        0,
        &["Écart de mise en œuvre"],
        "",
    )
    .await;
    let notices = a
        .js(
            "return [...document.querySelectorAll('.notice')].map(n => n.textContent)",
            vec![],
        )
        .await;
    assert_eq!(notices, serde_json::json!([]), "no message left over");
    a.click("button", "Tag the whole document…").await;
    a.wait_for_css("#palette-search").await;
    a.click("checkbox", "Écart de mise en œuvre").await;
    a.client
        .find(Locator::Id("palette-note"))
        .await
        .unwrap()
        .send_keys("about the whole")
        .await
        .unwrap();
    a.click("button", "Save document tags").await;
    a.wait_saved().await;
    let entries = a.list_entries().await;
    assert!(
        entries
            .iter()
            .any(|e| e.starts_with("The whole document") && e.contains("Écart de mise en œuvre")),
        "{entries:?}"
    );
    // Own codes filter the list as the GCM's tags do.
    a.click("button", "Filter: Stance 😀, 1").await;
    assert_eq!(a.list_entries().await.len(), 1);
    a.click("button", "Show all annotations").await;
    // Own codes are drawn in their colour's highlight layer.
    let sizes = a.highlight_sizes().await;
    assert_eq!(sizes["own-7"], 1, "{sizes}");
    a.screenshot("own-codes-tagged").await;

    let refi = a.export_all("refi", ".qdpx").await;
    let brat = a.export_all("brat", ".zip").await;
    a.close().await;

    // REFI-QDA: one selection per passage; brat: one T line per passage and code.
    for (file, kind, n) in [(&refi, "refi", 2), (&brat, "brat", 3)] {
        let slices = python_slices(file, kind);
        assert_eq!(slices.len(), n, "{kind}: {slices:?}");
        for (quote, slice) in &slices {
            assert_eq!(
                quote, slice,
                "{kind}: an offset does not slice to its quote"
            );
        }
    }

    let mut results = Vec::new();
    for file in [&refi, &brat] {
        let (codes, anns, b) = import_into_fresh_profile(file).await;
        b.screenshot(&format!(
            "own-codes-imported-{}",
            file.extension().unwrap().to_string_lossy()
        ))
        .await;
        b.close().await;
        assert_eq!(
            codes,
            [
                (
                    "Stance 😀".to_string(),
                    "#f7b0b0".to_string(),
                    String::new()
                ),
                (
                    "Écart de mise en œuvre".to_string(),
                    "#a6c8f5".to_string(),
                    "Stance 😀".to_string()
                ),
            ]
            .into_iter()
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect::<Vec<_>>(),
            "{}",
            file.display()
        );
        results.push(anns);
    }
    let (from_refi, from_brat) = (&results[0], &results[1]);
    assert_eq!(from_refi.len(), 3, "{from_refi:?}");
    let whole = &from_refi[2];
    assert_eq!(whole["whole"], true);
    assert_eq!(whole["document"], SEED_004);
    assert_eq!(whole["note"], "about the whole");
    assert_eq!(from_refi[0]["note"], "a note");
    assert_eq!(
        from_refi[0]["tags"],
        serde_json::json!(["Stance 😀", "objective-23"])
    );
    // brat carries no annotator or dates: spans, tags, notes and the whole-document tag
    // are the same.
    assert_eq!(from_brat, from_refi);
}
