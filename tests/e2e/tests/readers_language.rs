//! The document readers (a second WebAssembly module, loaded on first use) speak the
//! interface's language: a broken Word file opened after switching to French is refused in
//! French, reason included; after a switch to Spanish, with the readers already loaded,
//! the next refusal is in Spanish. The expected texts are the catalogue's.

use gcm_annotator::i18n::{native, Arg, Language};
use gcm_e2e::Browser;
use std::path::Path;

/// The refusal of `tests/bad-documents/04-malformed.docx` in `language`, as the catalogue
/// words it (without the bidi isolates, which `wait_for_message` leaves out).
fn refusal(language: Language) -> String {
    let reason = native::format(
        language,
        "read-part-malformed",
        &[("part", Arg::Text("word/document.xml"))],
    )
    .expect("the catalogue has the reason");
    let text = native::format(
        language,
        "read-not-opened",
        &[
            ("name", Arg::Text("04-malformed.docx")),
            ("reason", Arg::Text(&reason)),
        ],
    )
    .expect("the catalogue has the refusal");
    let english = native::format(
        Language::English,
        "read-part-malformed",
        &[("part", Arg::Text("word/document.xml"))],
    );
    assert_ne!(Some(reason), english, "translated into {}", language.code());
    text
}

#[tokio::test]
async fn a_broken_word_file_is_refused_in_french_then_in_spanish() {
    let broken =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/bad-documents/04-malformed.docx");
    let b = Browser::open().await;
    b.switch_language("fr").await;
    // The readers load now, and must take up French.
    b.choose_file("#file-input", &broken).await;
    b.wait_for_message(&refusal(Language::French)).await;

    // Loaded already: a switch reaches them too.
    b.switch_language("es").await;
    b.choose_file("#file-input", &broken).await;
    b.wait_for_message(&refusal(Language::Spanish)).await;
}
