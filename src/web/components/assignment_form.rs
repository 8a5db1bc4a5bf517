//! The Export panel's "Assignment" part: a teacher hands out texts with instructions, the
//! codes in scope, whether suggestions are allowed, and (only if ticked) their annotations
//! as given examples; the core writes the file ([`Action::ExportAssignment`]).

use crate::assignment::Assignment;
use crate::codebook::{TagKind, TAGS};
use crate::fields::Field;
use crate::state::Action;
use crate::web::app_state::use_app;
use crate::web::components::length_hint::LengthHint;
use crate::web::platform;
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

/// A checkbox with its label after it: its `id` unless empty, `title` on the label's hover
/// when there is one. One function for every box of the Export panel (this form's and the
/// export options'): each written out weighed on the first load.
#[inline(never)]
pub fn checkbox(
    id: &'static str,
    title: Option<String>,
    checked: bool,
    onchange: Callback<Event>,
    label: String,
) -> Html {
    let id = (!id.is_empty()).then_some(id);
    html! {
        <label {title}><input type="checkbox" {id} {checked} {onchange} />{ " " }{ label }</label>
    }
}

#[function_component(AssignmentForm)]
pub fn assignment_form() -> Html {
    let app = use_app();
    let library = &app.model.library;
    let all_codes: Vec<String> = library
        .codebook()
        .codes()
        .map(|c| c.id().to_string())
        .collect();
    let documents = {
        let open = app.model.session.open.clone();
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
        let app = app.clone();
        let (documents, instructions, tags) =
            (documents.clone(), instructions.clone(), tags.clone());
        let (suggestions, examples) = (suggestions.clone(), examples.clone());
        Callback::from(move |_: MouseEvent| {
            let (cut, clipped) = Field::Instructions.clip(&instructions);
            if clipped {
                app.dispatch(Action::Notify(
                    crate::session::Level::Info,
                    Field::Instructions.clipped_message(),
                ));
                instructions.set(cut.clone());
            }
            app.dispatch(Action::ExportAssignment {
                assignment: Box::new(Assignment {
                    id: platform::new_id(),
                    instructions: cut,
                    tags: (*tags).clone(),
                    suggestions: *suggestions,
                    documents: (*documents).clone(),
                }),
                examples: *examples,
                now: platform::now(),
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
    let own: Html = library
        .codebook()
        .own()
        .iter()
        .map(|c| code(&c.id, c.name.clone()))
        .collect();
    let ready = !documents.is_empty() && !tags.is_empty();
    html! {
        <details class="assignment-form">
            <summary>{ t!("assign-form-title") }</summary>
            <p class="hint">{ t!("assign-form-about") }</p>
            <fieldset><legend>{ t!("assign-form-texts") }</legend>
                <ul class="plain">{ for library.documents().iter().map(|d| html! {
                    <li>{ checkbox("", Some(d.title.clone()), documents.contains(&d.id),
                                   toggle(&documents, d.id.clone()), crate::text::clip(&d.title, 60).into_owned()) }</li>
                }) }</ul>
            </fieldset>
            <label class="field"><span>{ t!("assign-form-instructions") }</span>
                <textarea id="assignment-form-instructions" rows="4" value={(*instructions).clone()}
                          oninput={on_instructions} />
            </label>
            <LengthHint field={Field::Instructions} value={(*instructions).clone()} />
            <fieldset><legend>{ t!("assign-form-scope") }</legend>
                <button class="link" onclick={set_all(true)}>{ t!("assign-form-all") }</button>
                { " " }
                <button class="link" onclick={set_all(false)}>{ t!("assign-form-none") }</button>
                { group(t!("assign-form-objectives"), of_kind(TagKind::Objective)) }
                { group(t!("assign-form-principles"), of_kind(TagKind::Principle)) }
                if !library.codebook().own().is_empty() {
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
        </details>
    }
}
