//! Messages to the user: errors (role `alert`), several errors as one with their list,
//! confirmations that fade (with Undo after a delete), and the offer to export when saving
//! failed. When each goes is the core's ([`crate::notices`]); this draws them and runs the
//! one timer, which also says whether the pointer or the focus is on them. It also offers a
//! new version of the app ("Reload to update", [`crate::web::update`]), never while the
//! palette is open.

use crate::notices::{Level, Row};
use crate::state::Action;
use crate::web::app_state::{use_app, AppContext};
use crate::web::{platform, update};
use gloo::timers::callback::Timeout;
use yew::prelude::*;

#[function_component(Notices)]
pub fn notices() -> Html {
    let app = use_app();
    // One timer, for the next confirmation to fade or go. When it fires, the time it waited
    // for has come (timers never fire early), so `wake` changes and the next one is set.
    let wake = app.model.session.notices.next_change();
    {
        let app = app.clone();
        use_effect_with(wake, move |wake| {
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
    // Not in the middle of an edit: a reload would lose what is being tagged or typed.
    let offer_update = session.offers_update();
    if session.notices.is_empty() && session.progress.is_none() && !offer_update {
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
                    <button onclick={Callback::from(|_: MouseEvent| crate::web::readers::cancel_reading())}>{ t!("app-cancel") }</button>
                }
            </div>
        }
    });
    html! {
        // Below the text, in its own row: never over what is being read.
        <section class="notices" aria-label={t!("notices-label")}>
            { for progress }
            if offer_update {
                <div class="notice" key="update">
                    <span class="notice-text" role="status">{ t!("update-ready") }</span>
                    <button class="primary" onclick={Callback::from(|_: MouseEvent| update::apply_update())}>{ t!("update-reload") }</button>
                </div>
            }
            { for session.notices.rows().into_iter().map(|row| view_row(&app, row)) }
        </section>
    }
}

/// One message, or several errors as one: how many, and the list of each (every one
/// names its file and says why), folded. The text is the live region (errors `alert`,
/// confirmations `status`): the buttons are not read out, nor the list when it opens.
fn view_row(app: &AppContext, row: Row) -> Html {
    let n = row.notice;
    let ids: Vec<u64> = if row.list.is_empty() {
        vec![n.id]
    } else {
        row.list.iter().map(|n| n.id).collect()
    };
    let key = match row.heading {
        Some(_) => "errors".to_string(),
        None => n.id.to_string(),
    };
    let (error, role) = match n.level {
        Level::Error | Level::Refused => (Some("error"), "alert"),
        Level::Info => (None, "status"),
    };
    let class = classes!("notice", error, n.fading.then_some("fading"));
    let undo = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::Undo))
    };
    // Stamped when pressed: the file's name carries the time.
    let export = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            app.dispatch(Action::ExportAll {
                now: platform::now(),
            })
        })
    };
    let dismiss = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            app.dispatch(Action::Dismiss(ids.clone()));
            // The button goes with its message: focus goes to the reading column, not to
            // the page's body (where a keyboard user would start again from the top).
            gloo::timers::callback::Timeout::new(0, || crate::web::scroll::refocus_if_lost("main"))
                .forget();
        })
    };
    html! {
        <div {class} {key}>
            <span class="notice-text" {role}>{ row.heading.as_deref().unwrap_or(&n.text) }</span>
            if n.offers_undo {
                <button onclick={undo}>{ t!("top-undo") }</button>
            }
            if n.offers_export {
                <button class="primary" onclick={export}>{ t!("notices-export") }</button>
            }
            <button class="link" onclick={dismiss} aria-label={t!("notices-dismiss-label")}>{ t!("notices-dismiss") }</button>
            if !row.list.is_empty() {
                <details>
                    <summary>{ t!("notices-details") }</summary>
                    <ul>{ for row.list.iter().map(|n| html! { <li>{ &n.text }</li> }) }</ul>
                </details>
            }
        </div>
    }
}
