//! The Library's "Waiting for their text": imported annotations of texts that are not in
//! this browser, one entry per text they name, with the files they came from, how many,
//! their first quotes, and Export (the project's JSON, which names the text) and Delete
//! (one undo step). They are placed on their own when the text is added.

use crate::annotation::Annotation;
use crate::formats::Format;
use crate::state::Action;
use crate::text::{clip, isolate};
use crate::waiting::{waiting_among, WaitingGroup};
use crate::web::app_state::use_app;
use crate::web::platform;
use std::sync::Arc;
use yew::prelude::*;

/// The files a group came from, for people: `“a.jsonld”` or `“a.jsonld” and 2 more`.
fn from_files(g: &WaitingGroup) -> String {
    let quoted = |f: &String| t!("waiting-view-file", name = isolate(&clip(f, 80)));
    match g.files.as_slice() {
        [] => t!("waiting-view-earlier-import"),
        [one] => quoted(one),
        [one, rest @ ..] => t!("waiting-view-files", file = quoted(one), count = rest.len()),
    }
}

/// What the groups depend on: the orphans (shared, compared by pointer) and which
/// documents are here. The Library renders on every change of the app's state; the groups
/// are made again only when these change (an import can keep 10,000 orphans).
struct Inputs {
    orphans: Arc<Vec<Annotation>>,
    documents: Vec<String>,
}

impl PartialEq for Inputs {
    fn eq(&self, o: &Self) -> bool {
        Arc::ptr_eq(&self.orphans, &o.orphans) && self.documents == o.documents
    }
}

#[function_component(Waiting)]
pub fn waiting_for_text() -> Html {
    let app = use_app();
    let library = &app.model.library;
    let inputs = Inputs {
        orphans: library.orphans().clone(),
        documents: library.documents().iter().map(|d| d.id.clone()).collect(),
    };
    let groups = use_memo(inputs, |i| {
        waiting_among(&i.orphans, |id| i.documents.iter().any(|d| d == id))
    });
    let groups: Vec<WaitingGroup> = (*groups).clone();
    if groups.is_empty() {
        return html! {};
    }
    let entry = |g: WaitingGroup| {
        let from = from_files(&g);
        let n = g.count;
        let export = {
            let app = app.clone();
            let document = g.document.clone();
            Callback::from(move |_: MouseEvent| {
                app.dispatch(Action::Export {
                    format: Format::Project,
                    only: Some(document.clone()),
                    seed_text: false,
                    // Orphans wait for their text whoever made them: all of them go.
                    everything: true,
                    now: platform::now(),
                })
            })
        };
        let delete = {
            let app = app.clone();
            let document = g.document.clone();
            Callback::from(move |_: MouseEvent| {
                app.dispatch(Action::DeleteWaiting(document.clone()))
            })
        };
        // Named for people; the text's SHA-256, by which it is recognised, on hover.
        let known_by = g.sha256.as_deref().map_or_else(
            || t!("waiting-view-known-id", id = g.document),
            |h| t!("waiting-view-known-sha", hash = h),
        );
        // The text may be here already (an Undo took back their placement): offer to place
        // them on it, rather than ask for a text the library holds.
        let here = g.sha256.as_deref().and_then(|h| {
            library
                .documents()
                .iter()
                .find(|d| d.text.sha256_hex().eq_ignore_ascii_case(h))
        });
        let where_text = match here {
            Some(doc) => t!(
                "waiting-view-here",
                count = n,
                title = isolate(&clip(&doc.title, 60))
            ),
            None => t!("waiting-view-absent", count = n),
        };
        let place = here.map(|doc| {
            let app = app.clone();
            let id = doc.id.clone();
            let title = t!("waiting-view-place", title = isolate(&clip(&doc.title, 60)));
            let onclick =
                Callback::from(move |_: MouseEvent| app.dispatch(Action::PlaceWaiting(id.clone())));
            html! { <button class="link" {onclick}>{ title }</button> }
        });
        let all_files = g.files.join(", ");
        html! {
            <li key={g.document.clone()} class="doc-card waiting-group">
                <p class="waiting-from" title={all_files}>{ t!("waiting-view-from", from = from) }</p>
                <p class="doc-desc" title={known_by}>{ where_text }</p>
                <ul class="waiting-quotes">
                    { for g.quotes.iter().map(|q| html! { <li>{ t!("app-quote", quote = isolate(q)) }</li> }) }
                </ul>
                <div class="doc-tools">
                    { for place }
                    <button class="link" onclick={export}
                            aria-label={t!("waiting-view-export-label", count = n, from = from)}>{ t!("waiting-view-export") }</button>
                    <button class="link" onclick={delete}
                            aria-label={t!("waiting-view-delete-label", count = n, from = from)}>{ t!("app-delete") }</button>
                </div>
            </li>
        }
    };
    html! {
        <section class="waiting" aria-labelledby="waiting-title">
            <h2 id="waiting-title" class="mine">{ t!("waiting-view-title") }</h2>
            <p class="empty">{ t!("waiting-view-intro") }</p>
            <ul class="doc-list">{ for groups.into_iter().map(entry) }</ul>
        </section>
    }
}
