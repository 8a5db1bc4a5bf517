//! The top bar: the app's name, undo and redo, whether the work is saved, the annotator's
//! name (changeable here), the theme, and Export.

use crate::fields::Field;
use crate::state::Action;
use crate::web::app_state::use_app;
use crate::web::components::language_switch::LanguageSwitch;
use crate::web::components::transfer::Transfer;
use crate::web::scroll;
use crate::web::store::SaveState;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TopbarProps {
    pub save_state: SaveState,
}

#[function_component(Topbar)]
pub fn topbar(props: &TopbarProps) -> Html {
    let app = use_app();
    let editing_name = use_state(|| false);
    let undo = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::Undo))
    };
    let redo = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::Redo))
    };
    let status = match props.save_state {
        SaveState::Saved => t!("top-saved"),
        SaveState::Saving => t!("top-saving"),
        SaveState::Failed => t!("top-save-failed"),
        SaveState::Unavailable => t!("top-storage-unavailable"),
    };
    let name = app.model.session.settings.annotator.clone();
    let name_view = if *editing_name {
        let onkeydown = {
            let app = app.clone();
            let editing_name = editing_name.clone();
            Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
                "Enter" => {
                    let v = e.target_unchecked_into::<HtmlInputElement>().value();
                    app.dispatch(Action::SetAnnotator(v));
                    editing_name.set(false);
                }
                "Escape" => editing_name.set(false),
                _ => {}
            })
        };
        let onblur = {
            let app = app.clone();
            let editing_name = editing_name.clone();
            Callback::from(move |e: FocusEvent| {
                let v = e.target_unchecked_into::<HtmlInputElement>().value();
                app.dispatch(Action::SetAnnotator(v));
                editing_name.set(false);
            })
        };
        html! {
            <input id="annotator-name" class="name-input" type="text" value={name}
                   aria-label={t!("top-name-label")} {onkeydown} {onblur} autofocus=true />
        }
    } else {
        let onclick = {
            let editing_name = editing_name.clone();
            Callback::from(move |_: MouseEvent| {
                editing_name.set(true);
                gloo::timers::callback::Timeout::new(0, || {
                    scroll::focus_id("annotator-name");
                })
                .forget();
            })
        };
        // A name stored by an older build may be over the limit: shown cut (and ellipsised
        // by CSS), in full on hover, and kept as stored.
        let (label, hover) = if name.is_empty() {
            (t!("top-set-name"), String::new())
        } else {
            let shown = Field::AnnotatorName.clip(&name).0;
            (t!("top-annotator", name = shown), format!("{name}\n\n"))
        };
        let hover = format!("{hover}{}", t!("top-change-name"));
        html! { <button class="link name" {onclick} title={hover}>{ label }</button> }
    };
    let (undo_name, redo_name) = (t!("top-undo"), t!("top-redo"));
    html! {
        <header class="topbar">
            <span class="brand">{ "GCM Annotator" }</span>
            <div class="history" role="group" aria-label={t!("top-history")}>
                <button onclick={undo} disabled={!app.model.history.can_undo()} aria-label={undo_name.clone()} title={t!("top-undo.title")}>{ format!("↶ {undo_name}") }</button>
                <button onclick={redo} disabled={!app.model.history.can_redo()} aria-label={redo_name.clone()} title={t!("top-redo.title")}>{ format!("↷ {redo_name}") }</button>
            </div>
            <span class={classes!("save-status", matches!(props.save_state, SaveState::Failed | SaveState::Unavailable).then_some("bad"))}
                  role="status">{ status }</span>
            <span class="spacer"></span>
            <LanguageSwitch />
            { crate::web::components::theme_switch::view() }
            { name_view }
            <Transfer />
        </header>
    }
}
