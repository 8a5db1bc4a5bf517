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
        SaveState::Saved => "All changes saved in this browser",
        SaveState::Saving => "Saving…",
        SaveState::Failed => "Not saved: export your work",
        SaveState::Unavailable => "Storage unavailable: export your work",
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
                   aria-label="Annotator name" {onkeydown} {onblur} autofocus=true />
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
            ("Set your name".to_string(), String::new())
        } else {
            let shown = Field::AnnotatorName.clip(&name).0;
            (format!("Annotator: {shown}"), format!("{name}\n\n"))
        };
        let hover = format!("{hover}Change the name saved with your annotations");
        html! { <button class="link name" {onclick} title={hover}>{ label }</button> }
    };
    html! {
        <header class="topbar">
            <span class="brand">{ "GCM Annotator" }</span>
            <div class="history" role="group" aria-label="History">
                <button onclick={undo} disabled={!app.model.history.can_undo()} aria-label="Undo" title="Undo (Ctrl+Z)">{ "↶ Undo" }</button>
                <button onclick={redo} disabled={!app.model.history.can_redo()} aria-label="Redo" title="Redo (Ctrl+Shift+Z or Ctrl+Y)">{ "↷ Redo" }</button>
            </div>
            <span class={classes!("save-status", matches!(props.save_state, SaveState::Failed | SaveState::Unavailable).then_some("bad"))}
                  role="status">{ status }</span>
            <span class="spacer"></span>
            { crate::web::components::theme_switch::view() }
            { name_view }
            <Transfer />
            <LanguageSwitch />
        </header>
    }
}
