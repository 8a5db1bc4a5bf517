//! The theme switch in the top bar: the system's theme, light or dark, remembered in
//! `localStorage` and applied as `data-theme` on `<html>` (`styles/app.css` reads it).

use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The `localStorage` key of the chosen theme: `light` or `dark`, absent to follow the
/// system's setting. The inline script in `index.html` reads the same key and sets
/// `data-theme` before the first paint, so that a dark page never flashes light.
pub const KEY: &str = "gcm-theme";

/// The stored choice: `light`, `dark`, or `system` when nothing valid is stored (or the
/// browser refuses storage).
fn stored() -> &'static str {
    match crate::web::platform::local_storage()
        .and_then(|s| s.get_item(KEY).ok()?)
        .as_deref()
    {
        Some("light") => "light",
        Some("dark") => "dark",
        _ => "system",
    }
}

/// Applies a choice to the page and remembers it. Where storage is refused, the choice
/// still holds for this page.
fn apply(theme: &str) {
    let fixed = matches!(theme, "light" | "dark");
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = if fixed {
            root.set_attribute("data-theme", theme)
        } else {
            root.remove_attribute("data-theme")
        };
    }
    if let Some(s) = crate::web::platform::local_storage() {
        let _ = if fixed {
            s.set_item(KEY, theme)
        } else {
            s.remove_item(KEY)
        };
    }
}

/// A compact select, "Theme" to assistive technology: System theme, Light theme or Dark
/// theme. Drawn by the top bar, as a plain view rather than a component of its own (a Yew
/// component costs the first load several hundred bytes): it holds no state, each render
/// reads the stored choice, which a change has already written.
pub fn view() -> Html {
    let now = stored();
    let onchange = Callback::from(|e: Event| {
        if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
            apply(&select.value());
        }
    });
    html! {
        <select class="theme" aria-label={t!("theme-label")} title={t!("theme-label.title")} {onchange}>
            <option value="system" selected={now == "system"}>{ t!("theme-system") }</option>
            <option value="light" selected={now == "light"}>{ t!("theme-light") }</option>
            <option value="dark" selected={now == "dark"}>{ t!("theme-dark") }</option>
        </select>
    }
}
