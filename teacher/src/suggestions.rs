//! The suggestions panel: passages the app proposes to tag, each accepted or rejected one by
//! one, or all at once for one tag. The rules (`gcm_annotator::suggest`: explicit references
//! and keywords) speak from the first minute; a model learned from the user's own
//! annotations (`gcm_annotator::suggest::learner`, kept by [`crate::learning`]) adds the
//! tags of passages like those the user tagged. They are marked apart in the text (a dashed
//! underline, no colour) and are never annotations until accepted: accepting asks the app
//! ([`Msg::Accept`]), which makes them as one undo step. Sorted by confidence, with a
//! threshold the user sets. Drawn here, in the module fetched on first use, so that the
//! first load does not carry it (issue 23) nor the model (issue 24).

use crate::host::{send, Msg};
use crate::learning::{self, Same, Shared};
use crate::teaching::{Known, Teaching};
use gcm_annotator::annotation::Annotation;
use gcm_annotator::codebook;
use gcm_annotator::document::Document;
use gcm_annotator::suggest::learner::Example;
use gcm_annotator::suggest::{Reason, Suggestion};
use gcm_annotator::t;
use gcm_annotator::text::{isolate, Cp};
use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;

/// How many suggestions the panel lists at once; accepting or rejecting brings the next.
const SHOWN: usize = 60;

/// A document's suggestions at every confidence, sorted, for one revision of what the
/// learner knows: (document id, [`learning::revision`]).
#[derive(PartialEq)]
struct Scored {
    key: (String, u64),
    list: Rc<Vec<Suggestion>>,
}

/// What the app hands the panel.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The open document.
    pub doc: Rc<Document>,
    /// Its annotations: a suggestion of a tag that one of them already has, on a passage
    /// that overlaps it, is not offered.
    pub have: Rc<Vec<Annotation>>,
    /// False when the assignment being worked on turns suggestions off.
    pub allowed: bool,
    /// The tags the assignment offers; empty: every tag.
    pub scope: Rc<Vec<String>>,
    /// The interface's language, so that a switch draws the panel again.
    pub language: gcm_annotator::i18n::Language,
    /// The learner, as [`learning::learner`] keeps it.
    pub learner: Same<std::cell::RefCell<gcm_annotator::suggest::learner::Learner>>,
    /// The user's own annotations in every document, which the learner learns from; `None`
    /// when the app's list could not be read (the learner is then left as it is).
    pub mine: Option<Same<Vec<Example>>>,
    /// True in a tab that only reads (another tab edits): nothing can be answered or
    /// changed here, as the app refuses every change there.
    pub read_only: bool,
}

#[function_component(Suggestions)]
pub fn suggestions(props: &Props) -> Html {
    let update = use_force_update();
    let learner: Shared = props.learner.0.clone();
    // The learner catches up with the user's annotations whenever they change.
    {
        let (learner, update) = (learner.clone(), update.clone());
        use_effect_with(props.mine.clone(), move |mine| {
            if let Some(mine) = mine.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    if learning::catch_up(learner, mine.0).await {
                        update.force_update();
                    }
                });
            }
        });
    }
    let doc = props.doc.clone();
    // Scored once per document and per change of what the learner knows, at every
    // confidence (the threshold only filters), in steps; until then, the last list of the
    // same document stays.
    let scored = use_state(|| None::<Scored>);
    let key = (doc.id.clone(), learning::revision());
    {
        let (doc, learner, scored) = (doc.clone(), learner.clone(), scored.clone());
        use_effect_with(key.clone(), move |key| {
            let (key, cancelled) = (key.clone(), Rc::new(Cell::new(false)));
            let cancel = cancelled.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(list) = learning::score(doc, learner, cancelled).await {
                    scored.set(Some(Scored {
                        key,
                        list: Rc::new(list),
                    }));
                }
            });
            move || cancel.set(true)
        });
    }
    let busy = scored.as_ref().is_none_or(|s| s.key != key);
    let all: Rc<Vec<Suggestion>> = match &*scored {
        Some(s) if s.key.0 == doc.id => s.list.clone(),
        _ => Rc::default(),
    };
    let allowed = props.allowed;
    let l = learner.borrow();
    let threshold = l.threshold();
    let in_scope = |tag: &str| props.scope.is_empty() || props.scope.iter().any(|t| t == tag);
    // Not yet answered: not rejected, and no annotation with that tag overlaps it (the user
    // tagged it, or part of it, already).
    let open: Vec<Suggestion> = {
        let mut have: HashMap<&str, Vec<(Cp, Cp)>> = HashMap::new();
        for a in props.have.iter() {
            for t in &a.tags {
                have.entry(t.as_str()).or_default().push((a.start, a.end));
            }
        }
        let tagged = |s: &Suggestion| {
            (have.get(s.tag))
                .is_some_and(|spans| spans.iter().any(|&(a, b)| a < s.end && s.start < b))
        };
        all.iter()
            .filter(|s| allowed && s.confidence >= threshold && in_scope(s.tag))
            .filter(|s| !tagged(s))
            .filter(|s| !l.is_rejected(doc.text.slice(s.start, s.end).unwrap_or(""), s.tag))
            .cloned()
            .collect()
    };
    let positives = l.model().positives();
    let known = Known {
        taught: l.learned(),
        forgotten: l.forgotten(),
        rejected: l.rejections(),
    };
    drop(l);
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
    // A rejection is remembered with what the learner learned: a negative example.
    let reject = {
        let (learner, doc, update) = (learner.clone(), doc.clone(), update.clone());
        Callback::from(move |list: Vec<Suggestion>| {
            {
                let mut l = learner.borrow_mut();
                for s in &list {
                    if let Some(sentence) = doc.text.slice(s.start, s.end) {
                        l.reject(sentence, s.tag);
                    }
                }
            }
            learning::touched();
            learning::save(&learner);
            update.force_update();
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
            if busy && all.is_empty() {
                <p class="hint" role="status">{ t!("suggest-scoring") }</p>
            }
            <button onclick={back}>{ t!("list-back") }</button>
            if props.read_only {
                <p class="hint">{ t!("suggest-read-only") }</p>
            }
            <Teaching learner={props.learner.clone()} {threshold} {known} read_only={props.read_only}
                      changed={Callback::from(move |_| update.force_update())} />
            if open.is_empty() && !all.is_empty() && !busy {
                <p class="hint">{ t!("suggest-none-at", percent = (threshold * 100.0).round() as u32) }</p>
            }
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
            <ol class="entries" aria-busy={busy.to_string()}>{ for open.iter().take(SHOWN).map(|s| {
                let t = codebook::tag(s.tag);
                let quote = gcm_annotator::annotation::excerpt(doc.text.slice(s.start, s.end).unwrap_or_default(), 160);
                let why = match &s.reason {
                    Reason::Reference(words) => t!("suggest-names", words = isolate(words)),
                    Reason::Keyword(k) => t!("suggest-uses", words = isolate(k)),
                    Reason::Learned { confidence } => {
                        let count = codebook::index_of(s.tag).map_or(0, |i| positives[i]);
                        t!("suggest-learned", count = count, percent = (confidence * 100.0).round() as u32)
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
                                    disabled={props.read_only}
                                    aria-label={t!("suggest-accept.label", tag = label)}>{ t!("suggest-accept") }</button>
                            <button onclick={reject.reform(move |_: MouseEvent| one.clone())}
                                    disabled={props.read_only}
                                    aria-label={t!("suggest-reject.label", tag = label)}>{ t!("suggest-reject") }</button>
                        </div>
                    </li>
                }
            }) }</ol>
        </>
    }
}
