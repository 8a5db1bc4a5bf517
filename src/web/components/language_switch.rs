//! The language switch in the top bar: English, Français, Español, each named in itself;
//! the choice is remembered in this browser.

use crate::i18n::{self, Language};
use crate::session::Level;
use crate::state::Action;
use crate::web::app_state::use_app;
use crate::web::i18n as shell;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[function_component(LanguageSwitch)]
pub fn language_switch() -> Html {
    let app = use_app();
    let onchange = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        let Some(language) = Language::from_code(&select.value()) else {
            return;
        };
        let app = app.clone();
        wasm_bindgen_futures::spawn_local(async move {
            // The confirmation is also what redraws every view in the new language.
            let action = match shell::speak(language).await {
                Ok(()) => {
                    shell::remember(language);
                    Action::Notify(Level::Info, t!("language-changed"))
                }
                Err(e) => Action::Notify(
                    Level::Error,
                    t!(
                        "language-switch-failed",
                        language = language.autonym(),
                        reason = e
                    ),
                ),
            };
            app.dispatch(action);
        });
    });
    let current = i18n::language();
    html! {
        <select class="language-switch" aria-label={t!("language-label")} {onchange}>
            { for Language::ALL.into_iter().map(|l| html! {
                <option value={l.code()} lang={l.code()} selected={l == current}>{ l.autonym() }</option>
            }) }
        </select>
    }
}
