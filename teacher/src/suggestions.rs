//! The suggestions panel: passages the app proposes to tag (`gcm_annotator::suggest`), each
//! accepted or rejected one by one, or all at once for one tag. They are marked apart in the
//! text (a dashed underline, no colour) and are never annotations until accepted: accepting
//! asks the app ([`Msg::Accept`]), which makes them as one undo step. Drawn here, in the
//! module fetched on first use, so that the first load does not carry it (issue 23).

use crate::host::{send, Msg};
use gcm_annotator::annotation::Annotation;
use gcm_annotator::codebook;
use gcm_annotator::document::Document;
use gcm_annotator::suggest::{suggest, Reason, Suggestion};
use gcm_annotator::t;
use gcm_annotator::text::{isolate, Cp};
use std::collections::HashSet;
use std::rc::Rc;
use yew::prelude::*;

/// How many suggestions the panel lists at once; accepting or rejecting brings the next.
const SHOWN: usize = 60;

type Key = (usize, usize, &'static str);

fn key(s: &Suggestion) -> Key {
    (s.start.0, s.end.0, s.tag)
}

/// What the app hands the panel.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The open document.
    pub doc: Rc<Document>,
    /// Its annotations: a suggestion that one of them already makes (same span, same tag)
    /// is not offered.
    pub have: Rc<Vec<Annotation>>,
    /// False when the assignment being worked on turns suggestions off.
    pub allowed: bool,
    /// The tags the assignment offers; empty: every tag.
    pub scope: Rc<Vec<String>>,
    /// The interface's language, so that a switch draws the panel again.
    pub language: gcm_annotator::i18n::Language,
}

#[function_component(Suggestions)]
pub fn suggestions(props: &Props) -> Html {
    let rejected = use_state(HashSet::<Key>::new);
    let doc = props.doc.clone();
    // Computed once per document.
    let all = {
        let doc = doc.clone();
        use_memo(doc.id.clone(), move |_| suggest(&doc.text))
    };
    let allowed = props.allowed;
    let in_scope = |tag: &str| props.scope.is_empty() || props.scope.iter().any(|t| t == tag);
    // Not yet answered: not rejected, and not already an annotation with that span and tag.
    let open: Vec<Suggestion> = {
        let have: HashSet<(usize, usize, &str)> = (props.have.iter())
            .flat_map(|a| a.tags.iter().map(move |t| (a.start.0, a.end.0, t.as_str())))
            .collect();
        all.iter()
            .filter(|s| allowed && in_scope(s.tag))
            .filter(|s| !rejected.contains(&key(s)) && !have.contains(&(s.start.0, s.end.0, s.tag)))
            .cloned()
            .collect()
    };
    // Mark the listed ones in the text.
    {
        let shown: Vec<(Cp, Cp)> = open.iter().take(SHOWN).map(|s| (s.start, s.end)).collect();
        use_effect_with(shown, move |shown| send(Msg::Mark(shown.clone())));
    }
    // One message, so that one Undo takes back an "accept all".
    let accept = Callback::from(move |list: Vec<Suggestion>| {
        send(Msg::Accept(
            list.into_iter()
                .map(|s| (s.start, s.end, s.tag.to_string()))
                .collect(),
        ))
    });
    let reject = {
        let rejected = rejected.clone();
        Callback::from(move |list: Vec<Suggestion>| {
            let mut r = (*rejected).clone();
            r.extend(list.iter().map(key));
            rejected.set(r);
        })
    };
    let back = Callback::from(|_: MouseEvent| send(Msg::Close));
    if !allowed {
        return html! {
            <>
                <h2 id="sugg-title">{ t!("suggest-title", count = 0) }</h2>
                <p class="assignment-off">{ t!("assign-suggestions-off") }</p>
                <button onclick={back}>{ t!("list-back") }</button>
            </>
        };
    }
    // Tags with open suggestions, for "accept all".
    let mut tags: Vec<&'static str> = open.iter().map(|s| s.tag).collect();
    gcm_annotator::sort::sort_by_key(&mut tags, |t| codebook::index_of(t));
    tags.dedup();

    // The app draws the panel (`<aside class="side">`); this, what is in it.
    html! {
        <>
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
                let quote = gcm_annotator::annotation::excerpt(doc.text.slice(s.start, s.end).unwrap_or_default(), 160);
                let why = match &s.reason {
                    Reason::Reference(words) => t!("suggest-names", words = isolate(words)),
                    Reason::Keyword(k) => t!("suggest-uses", words = isolate(k)),
                    Reason::Learned { confidence } => {
                        t!("suggest-learned", percent = (confidence * 100.0).round() as u32)
                    }
                };
                let label = t.map(|t| t.label()).unwrap_or_default();
                let one = vec![s.clone()];
                let (start, end) = (s.start, s.end);
                html! {
                    <li class="suggestion" key={format!("{}-{}-{}", s.start.0, s.end.0, s.tag)}>
                        <p><span class="chip" style={format!("--chip:{}", t.map(|t| t.color).unwrap_or("#eee"))}>{ label.clone() }</span></p>
                        <p class="why">{ why }</p>
                        <button class="link" onclick={Callback::from(move |_: MouseEvent| send(Msg::Show(start, end)))}>{ t!("suggest-quote", quote = isolate(&quote)) }</button>
                        <div class="actions">
                            <button class="primary" onclick={accept.reform({ let one = one.clone(); move |_: MouseEvent| one.clone() })}
                                    aria-label={t!("suggest-accept.label", tag = label)}>{ t!("suggest-accept") }</button>
                            <button onclick={reject.reform(move |_: MouseEvent| one.clone())}
                                    aria-label={t!("suggest-reject.label", tag = label)}>{ t!("suggest-reject") }</button>
                        </div>
                    </li>
                }
            }) }</ol>
        </>
    }
}
