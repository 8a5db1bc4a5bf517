//! Installable and offline: after one visit the app starts, opens a seed, annotates and
//! exports with its server stopped (the test's own server, not DevTools' offline switch,
//! which can miss the service worker's fetches), and a new deployment is offered as
//! "Reload to update", never in the middle of an edit.

use fantoccini::key::Key;
use gcm_e2e::{dist_dir, Browser, Server};
use std::path::{Path, PathBuf};

const SEED_004_TITLE: &str = "Global Migration Group";
const SEED_003_TITLE: &str = "The GCM and the UN Network on Migration";

/// A profile folder of its own for a test.
fn profile(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("gcm-e2e-offline-{name}-{}", std::process::id()))
}

/// Waits until the service worker controls the page: it has precached the app and
/// activated.
async fn wait_controlled(b: &Browser) {
    b.wait_until(
        "the service worker controls the page",
        "return !!navigator.serviceWorker.controller",
    )
    .await;
}

/// Whether a request for a file that no cache holds reaches anything.
async fn server_answers(b: &Browser) -> bool {
    let v = b
        .js(
            // WebDriver waits for a promise the script returns.
            "return fetch('no-such-file-offline-probe').then(() => true, () => false)",
            vec![],
        )
        .await;
    v.as_bool() == Some(true)
}

#[tokio::test]
async fn after_one_visit_the_app_opens_annotates_and_exports_with_its_server_stopped() {
    let mut server = Server::start(dist_dir());
    let b = Browser::launch_at(&server.url(), profile("use"), serde_json::json!({})).await;
    b.open_app().await;
    wait_controlled(&b).await;

    server.stop();
    b.reload().await;
    assert!(!server_answers(&b).await, "the server is still reachable");
    b.click("button", SEED_004_TITLE).await;
    b.annotate(
        "Kofi Annan",
        0,
        &["Objective 23: International cooperation"],
        "offline",
    )
    .await;
    assert_eq!(b.list_entries().await.len(), 1);

    let export = b.export_all("gcm", ".json").await;
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&export).unwrap()).expect("the export is JSON");
    let text = json.to_string();
    assert!(text.contains("Kofi Annan"), "the quote is exported: {text}");
    assert!(text.contains("objective-23"), "the tag is exported: {text}");
    assert!(text.contains("offline"), "the note is exported: {text}");
    b.close().await;
}

/// Issue 24: the suggestions are drawn by the teacher's tools' module (teacher/), fetched
/// on first use; the worker precaches it, so one online visit that never opened the panel
/// is enough.
#[tokio::test]
async fn after_one_visit_that_never_opened_them_the_suggestions_open_with_the_server_stopped() {
    let mut server = Server::start(dist_dir());
    let b = Browser::launch_at(&server.url(), profile("suggest"), serde_json::json!({})).await;
    b.open_app().await;
    wait_controlled(&b).await;
    // The page never asked for the module itself (the worker's fetches are not the page's).
    let asked = b
        .js(
            "return performance.getEntriesByType('resource').some((e) => e.name.includes('/teacher/'))",
            vec![],
        )
        .await;
    assert_eq!(asked, false, "the page loaded the teacher's module online");

    server.stop();
    b.reload().await;
    assert!(!server_answers(&b).await, "the server is still reachable");
    b.click("button", SEED_003_TITLE).await;
    b.click("button", "Suggestions…").await;
    b.wait_until(
        "suggestions are listed, or a message says they could not be loaded",
        &format!(
            "return !!document.querySelector('li.suggestion') || {MESSAGES}.includes('{SUGGESTIONS_NOT_LOADED}')"
        ),
    )
    .await;
    let notices = b.js(&format!("return {MESSAGES}"), vec![]).await;
    assert!(
        !notices.as_str().unwrap().contains(SUGGESTIONS_NOT_LOADED),
        "the suggestions' module was not there offline: {notices}"
    );
    let listed = b
        .js(
            "return document.querySelectorAll('li.suggestion').length",
            vec![],
        )
        .await;
    assert!(listed.as_u64().unwrap() > 0, "no suggestion listed");
    b.close().await;
}

/// Issue 25: W3C and doccano files are read by the readers' module (readers/), out of the
/// first load; the worker precaches it, so their import works offline after one visit, as
/// the project's JSON does.
#[tokio::test]
async fn after_one_visit_a_doccano_file_imports_with_the_server_stopped() {
    let mut server = Server::start(dist_dir());
    let b = Browser::launch_at(&server.url(), profile("import"), serde_json::json!({})).await;
    b.open_app().await;
    wait_controlled(&b).await;
    let asked = b
        .js(
            "return performance.getEntriesByType('resource').some((e) => e.name.includes('/readers/'))",
            vec![],
        )
        .await;
    assert_eq!(asked, false, "the page loaded the readers' module online");

    server.stop();
    b.reload().await;
    assert!(!server_answers(&b).await, "the server is still reachable");
    let file = profile("import-file").with_extension("jsonl");
    std::fs::write(
        &file,
        "{\"text\": \"Kofi Annan spoke offline.\", \"label\": [[0, 10, \"objective-23\"]]}\n",
    )
    .unwrap();
    b.choose_file("#import-input", &file).await;
    b.wait_until(
        "the import is summed up, or refused",
        &format!("return /annotation imported|not imported/.test({MESSAGES})"),
    )
    .await;
    let notices = b.js(&format!("return {MESSAGES}"), vec![]).await;
    assert!(
        notices
            .as_str()
            .unwrap()
            .contains(": 1 annotation imported"),
        "the doccano file was not imported offline: {notices}"
    );
    let _ = std::fs::remove_file(&file);
    b.close().await;
}

/// The messages' text, without the invisible bidi isolates around quoted names.
const MESSAGES: &str =
    "(document.querySelector('.notices')?.textContent ?? '').replace(/[\\u2068\\u2069]/g, '')";
const SUGGESTIONS_NOT_LOADED: &str = "Suggestions could not be loaded";

/// A copy of the build in a folder of its own, with a mark in index.html that a test can
/// see, and its service worker written again by tools/pwa.py: a new deployment.
fn changed_build() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gcm-e2e-offline-build-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&dist_dir(), &dir);
    let index = dir.join("index.html");
    let html = std::fs::read_to_string(&index).unwrap();
    let marked = html.replacen("</head>", "<meta name=e2e-build content=2></head>", 1);
    assert_ne!(html, marked, "index.html has a </head>");
    std::fs::write(&index, marked).unwrap();
    let tools = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tools/pwa.py");
    let done = std::process::Command::new("python3")
        .arg(tools)
        .env("TRUNK_STAGING_DIR", &dir)
        .status()
        .expect("run tools/pwa.py");
    assert!(done.success(), "tools/pwa.py failed on the copy");
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// Asks the browser to look for a new service worker now, and waits until one is
/// installed and waiting.
async fn find_new_version(b: &Browser) {
    b.js(
        "return navigator.serviceWorker.getRegistration().then(r => r.update()).then(() => true)",
        vec![],
    )
    .await;
    b.wait_until(
        "a new version is waiting",
        "return navigator.serviceWorker.getRegistration().then(r => !!r.waiting)",
    )
    .await;
}

#[tokio::test]
async fn a_new_deployment_is_offered_as_reload_to_update_but_not_while_a_note_is_typed() {
    let mut server = Server::start(dist_dir());
    let b = Browser::launch_at(&server.url(), profile("update"), serde_json::json!({})).await;
    b.open_app().await;
    wait_controlled(&b).await;

    // A passage being tagged, its note half typed.
    b.click("button", SEED_004_TITLE).await;
    b.drag_select("Kofi Annan", 0).await;
    let note = b.wait_for_css("#palette-note").await;
    note.send_keys("half a thou").await.unwrap();

    let changed = changed_build();
    server.restart(changed.clone());
    find_new_version(&b).await;
    // Time for the page to draw an offer it should not make.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert!(
        b.try_by_name("button", "Reload to update").await.is_none(),
        "the update was offered in the middle of an edit"
    );
    assert_eq!(
        b.js(
            "return document.getElementById('palette-note').value",
            vec![]
        )
        .await,
        "half a thou",
        "the page changed under the edit"
    );

    // The edit ends (cancelled): now it is offered, and taken.
    b.press(&[], Key::Escape).await;
    b.by_name("button", "Reload to update")
        .await
        .click()
        .await
        .unwrap();
    b.wait_until(
        "the new version runs",
        "return !!document.querySelector('meta[name=e2e-build]') && !!document.querySelector('[data-app-ready]')",
    )
    .await;
    assert!(
        b.try_by_name("button", "Reload to update").await.is_none(),
        "still offered once running the new version"
    );
    b.close().await;
    let _ = std::fs::remove_dir_all(changed);
}
