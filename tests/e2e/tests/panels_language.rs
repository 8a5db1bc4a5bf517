//! The side panels in French and Spanish (issue 21, point 2): after a switch in the top bar
//! the annotation list, the codebook, the suggestions, Compare and Export speak the new
//! language at once, accessible names and plural forms included, and the codebook says
//! which of its wordings are unofficial translations.

use gcm_e2e::Browser;

/// The `title` of the codebook entry whose visible label is `label` (no-break spaces read as
/// spaces).
async fn codebook_title(b: &Browser, label: &str) -> String {
    let v = b
        .js(
            "return [...document.querySelectorAll('.codebook li.tag')].find(li => li.querySelector('.tag-name')?.textContent.replace(/\\s+/g, ' ') === arguments[0])?.title ?? null",
            vec![label.into()],
        )
        .await;
    v.as_str()
        .unwrap_or_else(|| panic!("no codebook entry {label:?}"))
        .to_string()
}

#[tokio::test]
async fn side_panels_speak_the_language_chosen_in_the_top_bar() {
    let b = Browser::open().await;
    b.click("button", "Global Migration Group").await;
    b.annotate(
        "fourteen UN agencies, the World Bank",
        0,
        &["Objective 23: International cooperation"],
        "",
    )
    .await;

    // The list draws itself again only when what it shows changes: the language is such a
    // change, so its links, filter chips and entry buttons follow the switch.
    b.switch_language("fr").await;
    b.by_name("button", "Livre de codes…").await;
    b.by_name("button", "Comparer les annotateurs…").await;
    b.by_name("button", "Filtre : 23 Coopération internationale, 1")
        .await;
    b.click_text("fourteen UN agencies", 0).await;
    b.by_name("button", "Modifier l’annotation").await;
    b.by_name("button", "Supprimer l’annotation").await;

    // The codebook: its headings, a new code's row (French puts 0 in the singular), and the
    // GCM's tags with their full titles, an unofficial wording marked as such.
    b.click("button", "Livre de codes…").await;
    b.wait_for_text("Les 23 objectifs du GCM").await;
    b.click("textbox", "Nom du nouveau code").await;
    b.type_keys("Acteurs").await;
    b.click("button", "Ajouter le code").await;
    b.by_name(
        "button",
        "Modifier le code Acteurs, utilisé dans 0 annotation",
    )
    .await;
    assert_eq!(
        codebook_title(&b, "Objectif 23 : Coopération internationale").await,
        "Renforcer la coopération internationale et les partenariats mondiaux pour des migrations sûres, ordonnées et régulières",
        "an official wording is not marked"
    );
    let human_rights = codebook_title(&b, "Principe : Droits de l’homme").await;
    assert!(
        human_rights.ends_with(" (traduction non officielle)"),
        "{human_rights:?}"
    );
    b.click("button", "Retour à mes annotations").await;

    // In Spanish: the suggestions, Compare and the Export panel.
    b.switch_language("es").await;
    b.click("button", "Sugerencias…").await;
    b.wait_for_text("No son anotaciones hasta que las acepte.")
        .await;
    b.click("button", "Volver a mis anotaciones").await;
    b.click("button", "Comparar anotadores…").await;
    b.wait_for_text("Añadir archivos…").await;
    b.click("button", "Volver a mis anotaciones").await;
    b.click("button", "Exportar").await;
    b.wait_for_text("Este documento").await;
    b.by_name("button", "Descargar").await;
    b.screenshot("panels-spanish").await;
}
