//! The assignment form, in the Export panel's "Hand out as an assignment…": a teacher hands
//! out texts with instructions, the codes in scope, whether suggestions are allowed, and
//! (only if ticked) their annotations as given examples. The app writes the file (its
//! action `ExportAssignment`, from [`Msg::Assign`]).

use crate::host::{send, Msg};
use gcm_annotator::codebook::{TagKind, TAGS};
use gcm_annotator::fields::Field;
use gcm_annotator::notices::Level;
use gcm_annotator::t;
use gcm_annotator::web::components::length_hint::LengthHint;
use gcm_annotator::web::components::transfer::checkbox;
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Ticks or unticks `id` in a list held in a state.
fn toggle(list: &UseStateHandle<Vec<String>>, id: String) -> Callback<Event> {
    let list = list.clone();
    Callback::from(move |_: Event| {
        let mut v = (*list).clone();
        match v.iter().position(|x| *x == id) {
            Some(i) => {
                v.remove(i);
            }
            None => v.push(id.clone()),
        }
        list.set(v);
    })
}

/// What the app hands the form: the documents it may hand out and the user's own codes,
/// each `(id, title or name)`, and the open document, ticked at first.
#[derive(Properties, PartialEq)]
pub struct Props {
    pub documents: Rc<Vec<(String, String)>>,
    pub open: Option<String>,
    pub own: Rc<Vec<(String, String)>>,
    /// The interface's language: the form is drawn again in a new one.
    pub language: gcm_annotator::i18n::Language,
}

#[function_component(AssignmentForm)]
pub fn assignment_form(props: &Props) -> Html {
    // Every code: the GCM's tags, then the user's own, in the codebook's order.
    let all_codes: Vec<String> = (TAGS.iter().map(|t| t.id.to_string()))
        .chain(props.own.iter().map(|(id, _)| id.clone()))
        .collect();
    let documents = {
        let open = props.open.clone();
        use_state(move || open.into_iter().collect::<Vec<String>>())
    };
    let instructions = use_state(String::new);
    let tags = {
        let all = all_codes.clone();
        use_state(move || all)
    };
    let suggestions = use_state(|| false);
    let examples = use_state(|| false);

    let download = {
        let (documents, instructions, tags) =
            (documents.clone(), instructions.clone(), tags.clone());
        let (suggestions, examples) = (suggestions.clone(), examples.clone());
        Callback::from(move |_: MouseEvent| {
            let (cut, clipped) = Field::Instructions.clip(&instructions);
            if clipped {
                send(Msg::Notify(
                    Level::Info,
                    Field::Instructions.clipped_message(),
                ));
                instructions.set(cut.clone());
            }
            send(Msg::Assign {
                instructions: cut,
                tags: (*tags).clone(),
                suggestions: *suggestions,
                documents: (*documents).clone(),
                examples: *examples,
            });
        })
    };
    let on_instructions = {
        let instructions = instructions.clone();
        Callback::from(move |e: InputEvent| {
            instructions.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let set_all = |all: bool| {
        let (tags, codes) = (tags.clone(), all_codes.clone());
        Callback::from(move |_: MouseEvent| tags.set(if all { codes.clone() } else { vec![] }))
    };
    let flip = |state: &UseStateHandle<bool>| {
        let state = state.clone();
        Callback::from(move |_: Event| state.set(!*state))
    };
    let code = |id: &str, label: String| {
        let checked = tags.contains(&id.to_string());
        html! { <li>{ checkbox("", None, checked, toggle(&tags, id.to_string()), label) }</li> }
    };
    let group = |legend: String, items: Html| {
        html! {
            <fieldset class="assignment-group"><legend>{ legend }</legend><ul class="plain">{ items }</ul></fieldset>
        }
    };
    let of_kind = |kind: TagKind| -> Html {
        TAGS.iter()
            .filter(|t| t.kind == kind)
            .map(|t| code(t.id, t.label()))
            .collect()
    };
    let own: Html = props
        .own
        .iter()
        .map(|(id, name)| code(id, name.clone()))
        .collect();
    let ready = !documents.is_empty() && !tags.is_empty();
    // The app draws the `<details>` and its summary; this, what opens under it.
    html! {
        <>
            <p class="hint">{ t!("assign-form-about") }</p>
            <fieldset><legend>{ t!("assign-form-texts") }</legend>
                <ul class="plain">{ for props.documents.iter().map(|(id, title)| html! {
                    <li>{ checkbox("", Some(title.clone()), documents.contains(id),
                                   toggle(&documents, id.clone()), gcm_annotator::text::clip(title, 60).into_owned()) }</li>
                }) }</ul>
            </fieldset>
            <label class="field"><span>{ t!("assign-form-instructions") }</span>
                <textarea id="assignment-form-instructions" rows="4" value={(*instructions).clone()}
                          oninput={on_instructions} />
            </label>
            <LengthHint field={Field::Instructions} value={(*instructions).clone()} />
            <fieldset><legend>{ t!("assign-form-scope") }</legend>
                <p class="all-none">
                    <button class="link" onclick={set_all(true)}>{ t!("assign-form-all") }</button>
                    { " " }
                    <button class="link" onclick={set_all(false)}>{ t!("assign-form-none") }</button>
                </p>
                { group(t!("assign-form-objectives"), of_kind(TagKind::Objective)) }
                { group(t!("assign-form-principles"), of_kind(TagKind::Principle)) }
                if !props.own.is_empty() {
                    { group(t!("assign-form-own"), own) }
                }
            </fieldset>
            { checkbox("assignment-suggestions", None, *suggestions, flip(&suggestions), t!("assign-form-suggestions")) }
            { checkbox("assignment-examples", None, *examples, flip(&examples), t!("assign-form-examples")) }
            if !ready {
                <p class="hint">{ t!("assign-form-not-ready") }</p>
            }
            <button id="assignment-download" class="primary" disabled={!ready} onclick={download}>
                { t!("assign-form-download") }</button>
        </>
    }
}
