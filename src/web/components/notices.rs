//! Messages to the user: errors (role `alert`), several errors as one with their list,
//! confirmations that fade (with Undo after a delete), and the offer to export when saving
//! failed. When each goes is the core's ([`crate::notices`]); this draws them and runs the
//! one timer, which also says whether the pointer or the focus is on them.

use crate::notices::{Level, Notice, Row};
use crate::state::Action;
use crate::web::app_state::{use_app, AppContext};
use crate::web::platform;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

#[function_component(Notices)]
pub fn notices() -> Html {
    let app = use_app();
    // One timer, for the next confirmation to fade or go; set again after every change
    // (the revision), so that a timer that fired early is never the last.
    let wake = app.model.session.notices.next_change();
    {
        let app = app.clone();
        use_effect_with((wake, app.revision), move |(wake, _)| {
            let timer = wake.map(|at| {
                let delay = (at - platform::now()).clamp(0, 60_000) as u32;
                Timeout::new(delay, move || {
                    // Held while the pointer is over the messages or the focus in them.
                    let held = gloo::utils::document()
                        .query_selector(".notices:hover, .notices:focus-within")
                        .is_ok_and(|e| e.is_some());
                    app.dispatch(Action::ExpireNotices {
                        now: platform::now(),
                        held,
                    })
                })
            });
            move || drop(timer)
        });
    }
    let session = &app.model.session;
    if session.notices.is_empty() && session.progress.is_none() {
        return html! {};
    }
    let progress = session.progress.as_ref().map(|p| {
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
            // Below the text, in its own row: never over what is being read.
            <section class="notices" aria-label="Messages"
    >
                { for progress }
                { for session.notices.rows().into_iter().map(|row| match row {
                    Row::One(n) => one(&app, n),
                    Row::Many(heading, list) => many(&app, heading, &list),
                }) }
            </section>
        }
}

/// The Dismiss button of a message (or of several shown as one).
fn dismiss(app: &AppContext, ids: Vec<u64>, label: &'static str) -> Html {
    let app = app.clone();
    let onclick = Callback::from(move |_: MouseEvent| app.dispatch(Action::Dismiss(ids.clone())));
    html! { <button class="link" {onclick} aria-label={label}>{ "Dismiss" }</button> }
}

/// One message.
fn one(app: &AppContext, n: &Notice) -> Html {
    let undo = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::Undo))
    };
    let export = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            app.dispatch(Action::ExportAll {
                now: platform::now(),
            })
        })
    };
    let (error, role) = match n.level {
        Level::Error | Level::Refused => (true, "alert"),
        Level::Info => (false, "status"),
    };
    let class = classes!(
        "notice",
        error.then_some("error"),
        n.fading.then_some("fading")
    );
    html! {
        <div {class} {role} key={n.id.to_string()}>
            <span class="notice-text">{ &n.text }</span>
            if n.offers_undo {
                <button onclick={undo}>{ "Undo" }</button>
            }
            if n.offers_export {
                <button class="primary" onclick={export}>{ "Export my work" }</button>
            }
            { dismiss(app, vec![n.id], "Dismiss message") }
        </div>
    }
}

/// Several errors as one message: how many, and the list of each (every one names its file
/// and says why), folded. Only the count is an alert: opening the list announces nothing.
fn many(app: &AppContext, heading: String, list: &[&Notice]) -> Html {
    let ids = list.iter().map(|n| n.id).collect();
    html! {
        <div class="notice error many" key="errors">
            <span class="notice-text" role="alert">{ heading }</span>
            { dismiss(app, ids, "Dismiss these messages") }
            <details>
                <summary>{ "Show each one and why" }</summary>
                <ul>
                    { for list.iter().map(|n| html! { <li key={n.id.to_string()}>{ &n.text }</li> }) }
                </ul>
            </details>
        </div>
    }
}
