//! The suggestions panel: passages the app proposes to tag (see [`crate::suggest`]), each
//! accepted or rejected one by one, or all at once for one tag. They are marked apart in the
//! text (a dashed underline, no colour) and are never annotations until accepted.

use crate::codebook;
use crate::session::Panel;
use crate::state::{Accepted, Action};
use crate::suggest::{suggest, Reason, Suggestion};
use crate::text::isolate;
use crate::web::app_state::use_app;
use crate::web::{platform, scroll};
use std::collections::HashSet;
use std::rc::Rc;
use yew::prelude::*;

/// How many suggestions the panel lists at once; accepting or rejecting brings the next.
const SHOWN: usize = 60;

type Key = (usize, usize, &'static str);

fn key(s: &Suggestion) -> Key {
    (s.start.0, s.end.0, s.tag)
}

#[function_component(Suggestions)]
pub fn suggestions() -> Html {
    let app = use_app();
    let rejected = use_state(HashSet::<Key>::new);
    let doc = app.model.open_document().cloned();
    let doc_id = doc.as_ref().map(|d| d.id.clone()).unwrap_or_default();
    // Computed once per document.
    let all: Rc<Vec<Suggestion>> = {
        let doc = doc.clone();
        (*use_memo(doc_id.clone(), move |_| {
            doc.map(|d| suggest(&d.text)).unwrap_or_default()
        }))
        .clone()
        .into()
    };
    // An assignment may turn suggestions off, and offers only the codes in its scope.
    let handout = app.model.library.assignment();
    let allowed = crate::assignment::suggestions_allowed(handout);
    // Not yet answered: not rejected, and not already an annotation with that span and tag.
    let open: Vec<Suggestion> = {
        let have: HashSet<(usize, usize, &str)> = app
            .model
            .library
            .annotations()
            .iter()
            .filter(|a| a.document == doc_id)
            .flat_map(|a| a.tags.iter().map(move |t| (a.start.0, a.end.0, t.as_str())))
            .collect();
        all.iter()
            .filter(|s| allowed && crate::assignment::allows(handout, s.tag))
            .filter(|s| !rejected.contains(&key(s)) && !have.contains(&(s.start.0, s.end.0, s.tag)))
            .cloned()
            .collect()
    };
    // Mark the listed ones in the text.
    {
        let app = app.clone();
        let shown: Vec<(crate::text::Cp, crate::text::Cp)> =
            open.iter().take(SHOWN).map(|s| (s.start, s.end)).collect();
        use_effect_with(shown.clone(), move |_| {
            if app.model.session.marked != shown {
                app.dispatch(Action::Mark(shown));
            }
        });
    }
    let Some(doc) = doc else { return html! {} };

    let accept = {
        let app = app.clone();
        // One action, so that one Undo takes back an "accept all".
        Callback::from(move |list: Vec<Suggestion>| {
            let passages = list
                .into_iter()
                .map(|s| Accepted {
                    id: platform::new_id(),
                    start: s.start,
                    end: s.end,
                    tag: s.tag.to_string(),
                })
                .collect();
            app.dispatch(Action::Accept {
                passages,
                now: platform::now(),
            });
        })
    };
    let reject = {
        let rejected = rejected.clone();
        Callback::from(move |list: Vec<Suggestion>| {
            let mut r = (*rejected).clone();
            r.extend(list.iter().map(key));
            rejected.set(r);
        })
    };
    let back = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::ShowPanel(Panel::Annotations)))
    };
    if !allowed {
        return html! {
            <aside class="side" aria-labelledby="sugg-title" tabindex="0">
                <h2 id="sugg-title">{ t!("suggest-title", count = 0) }</h2>
                <p class="assignment-off">{ t!("assign-suggestions-off") }</p>
                <button onclick={back}>{ t!("list-back") }</button>
            </aside>
        };
    }
    // Tags with open suggestions, for "accept all".
    let mut tags: Vec<&'static str> = open.iter().map(|s| s.tag).collect();
    crate::sort::sort_by_key(&mut tags, |t| codebook::index_of(t));
    tags.dedup();

    html! {
        <aside class="side" aria-labelledby="sugg-title" tabindex="0">
            <h2 id="sugg-title">{ t!("suggest-title", count = open.len()) }</h2>
            <p class="empty">{ t!("suggest-about") }</p>
            <button onclick={back}>{ t!("list-back") }</button>
            if !tags.is_empty() {
                <details>
                    <summary>{ t!("suggest-accept-all-title") }</summary>
                    <ul class="plain">{ for tags.iter().map(|t| {
                        let list: Vec<Suggestion> = open.iter().filter(|s| s.tag == *t).cloned().collect();
                        let n = list.len();
                        let label = codebook::tag(t).map(|x| x.label()).unwrap_or_default();
                        let go = accept.reform(move |_: MouseEvent| list.clone());
                        html! { <li><button class="link" onclick={go}>{ t!("suggest-accept-all", count = n, tag = label) }</button></li> }
                    }) }</ul>
                </details>
            }
            <ol class="entries">{ for open.iter().take(SHOWN).map(|s| {
                let t = codebook::tag(s.tag);
                let quote: String = doc.text.slice(s.start, s.end).unwrap_or_default().chars().take(160).collect();
                let why = match &s.reason {
                    Reason::Reference(words) => t!("suggest-names", words = isolate(words)),
                    Reason::Keyword(k) => t!("suggest-uses", words = isolate(k)),
                };
                let label = t.map(|t| t.label()).unwrap_or_default();
                let one = vec![s.clone()];
                let (start, end) = (s.start, s.end);
                html! {
                    <li class="suggestion" key={format!("{}-{}-{}", s.start.0, s.end.0, s.tag)}>
                        <p><span class="chip" style={format!("--chip:{}", t.map(|t| t.color).unwrap_or("#eee"))}>{ label.clone() }</span></p>
                        <p class="why">{ why }</p>
                        <button class="link" onclick={Callback::from(move |_: MouseEvent| scroll::scroll_to_span(start, end))}>{ t!("suggest-quote", quote = isolate(&quote)) }</button>
                        <div class="actions">
                            <button class="primary" onclick={accept.reform({ let one = one.clone(); move |_: MouseEvent| one.clone() })}
                                    aria-label={t!("suggest-accept.label", tag = label)}>{ t!("suggest-accept") }</button>
                            <button onclick={reject.reform(move |_: MouseEvent| one.clone())}
                                    aria-label={t!("suggest-reject.label", tag = label)}>{ t!("suggest-reject") }</button>
                        </div>
                    </li>
                }
            }) }</ol>
        </aside>
    }
}
