//! The main flow in French and in Spanish: open a text, tag a passage, export, import,
//! with every control found by its name in that language as the catalogue gives it (an
//! untranslated name would not be found, and the test would say which).
//!
//! French is chosen with the top bar's switch and remembered across a reload; Spanish comes
//! from the browser's own languages, with nothing chosen.

use gcm_annotator::codebook;
use gcm_annotator::i18n::{native, Language};
use gcm_e2e::Browser;

const SEED_004_TITLE: &str = "Global Migration Group";

/// Message `id` in `language`, as the catalogue gives it. Panics if `language` shows it in
/// English: the interface would then not be translated there.
fn say(language: Language, id: &str) -> String {
    let text = native::format(language, id, &[]).unwrap_or_else(|| panic!("no message {id}"));
    let english = native::format(Language::English, id, &[]).expect("English has it");
    assert_ne!(
        text,
        english,
        "{id} is not translated into {}",
        language.code()
    );
    text
}

/// A tag's accessible name in `language`, as the palette's checkbox has it.
fn tag_label(language: Language, id: &str) -> String {
    native::speak(language);
    let label = codebook::tag(id).expect("a GCM tag").label();
    native::speak(Language::English);
    label
}

/// Selects `needle` in the open text, ticks `tag`, saves: in `language`'s words.
async fn annotate(b: &Browser, language: Language, needle: &str, tag: &str) {
    b.drag_select(needle, 0).await;
    b.wait_for_css("#palette-search").await;
    if let Ok(name) = b.client.find(fantoccini::Locator::Id("palette-name")).await {
        name.send_keys("Ana").await.expect("type a name");
    }
    b.click("checkbox", &tag_label(language, tag)).await;
    b.click("button", &say(language, "palette-save")).await;
    b.wait_saved().await;
}

/// Exports every document through the Export panel, in `language`: in the project's JSON
/// (`gcm`, `.json`) or another format by its slug and file ending.
async fn export_as(b: &Browser, language: Language, slug: &str, ext: &str) -> std::path::PathBuf {
    b.click("button", &say(language, "transfer-export")).await;
    b.wait_for_css("#export-panel").await;
    b.click("radio", &say(language, "transfer-all")).await;
    b.select_value("#export-panel select", slug).await;
    b.click("button", &say(language, "transfer-download")).await;
    b.wait_download(ext).await
}

async fn export(b: &Browser, language: Language) -> std::path::PathBuf {
    export_as(b, language, "gcm", ".json").await
}

#[tokio::test]
async fn open_tag_export_and_import_in_french_and_in_spanish() {
    // French, chosen in the top bar.
    let a = Browser::open().await;
    assert_eq!(
        a.js("return document.documentElement.lang", vec![]).await,
        "en"
    );
    a.switch_language("fr").await;
    a.wait_for_text("L’interface est maintenant en français.")
        .await;
    assert_eq!(
        a.js("return document.documentElement.lang", vec![]).await,
        "fr"
    );
    a.click("button", SEED_004_TITLE).await;
    annotate(&a, Language::French, "Kofi Annan", "objective-23").await;
    a.reload().await;
    assert_eq!(
        a.js("return document.documentElement.lang", vec![]).await,
        "fr",
        "remembered"
    );
    let french = export(&a, Language::French).await;
    // Exports name the codes in English whatever the interface speaks; the CSV is written
    // by the exchange module, a wasm of its own with no catalogue.
    let csv = std::fs::read_to_string(export_as(&a, Language::French, "table", ".csv").await)
        .expect("the CSV export");
    assert!(
        csv.contains("Objective 23: International cooperation"),
        "the CSV names the tag in English: {csv}"
    );

    // Spanish, from the browser's languages: nothing chosen in the app.
    let dir = std::env::temp_dir().join(format!("gcm-e2e-es-{}", std::process::id()));
    let b = Browser::launch(
        dir,
        serde_json::json!({ "intl.accept_languages": "es-ES,es" }),
    )
    .await;
    b.open_app().await;
    assert_eq!(
        b.js("return document.documentElement.lang", vec![]).await,
        "es"
    );
    b.choose_file("#import-input", &french).await;
    b.click("button", SEED_004_TITLE).await;
    b.wait_for_css("ol.entries button.entry-main").await;
    let chips = b.body_text().await;
    let objective_23 = tag_label(Language::Spanish, "objective-23");
    let short = objective_23
        .split(": ")
        .nth(1)
        .expect("a name after the number");
    assert!(
        chips.contains(short),
        "the imported tag in Spanish, {short:?}: {chips}"
    );
    annotate(
        &b,
        Language::Spanish,
        "UNESCO Chairs the Group",
        "objective-2",
    )
    .await;
    let spanish = export(&b, Language::Spanish).await;

    // And back into the French profile: the Spanish passage joins the French one.
    a.choose_file("#import-input", &spanish).await;
    a.wait_until(
        "two annotations in the list",
        "return document.querySelectorAll('ol.entries button.entry-main').length === 2",
    )
    .await;
    a.screenshot("languages-french-after-import").await;
    b.screenshot("languages-spanish").await;
    a.close().await;
    b.close().await;
}
