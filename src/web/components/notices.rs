//! Messages to the user: errors (role `alert`), confirmations with Undo, and the offer to
//! export when saving failed.

use crate::session::Level;
use crate::state::Action;
use crate::web::app_state::use_app;
use crate::web::platform;
use yew::prelude::*;

#[function_component(Notices)]
pub fn notices() -> Html {
    let app = use_app();
    if app.model.session.notices.is_empty() && app.model.session.progress.is_none() {
        return html! {};
    }
    let progress = app.model.session.progress.as_ref().map(|p| {
        let text = p.text();
        html! {
            // What is under way is announced once (the label); the counts change many times
            // a second and are read from the progress bar when it is reached.
            <div class="notice progress">
                <span class="visually-hidden" role="status">{ p.label.clone() }</span>
                <span class="notice-text" aria-hidden="true">{ text.clone() }</span>
                <progress max={p.total.max(1).to_string()} value={p.done.to_string()} aria-label={p.label.clone()}></progress>
                if crate::web::readers::is_reading() {
                    <button onclick={Callback::from(|_: MouseEvent| crate::web::readers::cancel_reading())}>{ "Cancel" }</button>
                }
            </div>
        }
    });
    html! {
        <div class="notices">
            { for progress }
            { for app.model.session.notices.iter().map(|n| {
                let dismiss = {
                    let app = app.clone();
                    let id = n.id;
                    Callback::from(move |_: MouseEvent| app.dispatch(Action::Dismiss(id)))
                };
                let undo = {
                    let app = app.clone();
                    Callback::from(move |_: MouseEvent| app.dispatch(Action::Undo))
                };
                let export = {
                    let app = app.clone();
                    Callback::from(move |_: MouseEvent| app.dispatch(Action::ExportAll { now: platform::now() }))
                };
                let (class, role) = match n.level {
                    Level::Error => ("notice error", "alert"),
                    Level::Info => ("notice", "status"),
                };
                html! {
                    <div class={class} role={role} key={n.id.to_string()}>
                        <span class="notice-text">{ &n.text }</span>
                        if n.offers_undo {
                            <button onclick={undo}>{ "Undo" }</button>
                        }
                        if n.offers_export {
                            <button class="primary" onclick={export}>{ "Export my work" }</button>
                        }
                        <button class="link" onclick={dismiss} aria-label="Dismiss message">{ "Dismiss" }</button>
                    </div>
                }
            }) }
        </div>
    }
}
