//! Export and import controls in the top bar: Export opens a small panel (what, in which
//! format, with or without the seeds' text, this profile's own work or everything) that
//! downloads a file; Import reads files of
//! the project's JSON, W3C JSON-LD, doccano JSONL, REFI-QDA, brat and CSV and reports what
//! it did.

use crate::formats::Format;
use crate::state::Action;
use crate::web::app_state::use_app;
use crate::web::components::file_button::FileButton;
use crate::web::files::import_files;
use crate::web::platform;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// A checkbox with its label after it: its `id` unless empty, `title` on the label's hover
/// when there is one. One function for every box of the Export panel (the export options', and the assignment form's in
/// the teacher's tools): each written out weighed on the first load.
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

#[function_component(Transfer)]
pub fn transfer() -> Html {
    let app = use_app();
    let open = use_state(|| false);
    let format = use_state(|| Format::Project);
    let all_docs = use_state(|| app.model.session.open.is_none());
    let seed_text = use_state(|| false);
    let everything = use_state(|| false);

    // Each time the panel opens, it proposes the document open now, if any (the panel is
    // made once, when no document may be open yet).
    let toggle = {
        let (app, open, all_docs) = (app.clone(), open.clone(), all_docs.clone());
        Callback::from(move |_: MouseEvent| {
            if !*open {
                all_docs.set(app.model.session.open.is_none());
            }
            open.set(!*open)
        })
    };
    let download = {
        let app = app.clone();
        let (format, all_docs, seed_text, open) = (
            format.clone(),
            all_docs.clone(),
            seed_text.clone(),
            open.clone(),
        );
        let everything = everything.clone();
        Callback::from(move |_: MouseEvent| {
            let only = if *all_docs {
                None
            } else {
                app.model.session.open.clone()
            };
            open.set(false);
            app.dispatch(Action::Export {
                format: *format,
                only,
                seed_text: *seed_text,
                everything: *everything,
                now: platform::now(),
            });
        })
    };
    let onfiles = {
        let app = app.clone();
        Callback::from(move |files: Vec<web_sys::File>| import_files(files, app.clone()))
    };
    let on_format = {
        let format = format.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(f) = Format::ALL.iter().find(|f| f.slug() == v) {
                format.set(*f);
            }
        })
    };
    let has_open = app.model.session.open.is_some();
    let set_scope = |all: bool| {
        let all_docs = all_docs.clone();
        Callback::from(move |_: Event| all_docs.set(all))
    };
    // Escape (on the button or in the panel) closes the panel and gives focus back to its
    // button, as a menu does. A listener of the page's, not Yew's: Escape pressed in the
    // assignment form, which the teacher's tools' module draws, reaches it too (Yew hands
    // an app only the events of its own elements).
    let transfer = use_node_ref();
    {
        let (transfer, open) = (transfer.clone(), open.clone());
        use_effect_with(*open, move |is_open| {
            let el = transfer.cast::<web_sys::Element>().filter(|_| *is_open);
            // Not passive (gloo's default): Escape's default is prevented, and a passive
            // listener's `preventDefault` is ignored with a warning in the console.
            let listener = el.map(|el| {
                let options = gloo::events::EventListenerOptions::enable_prevent_default();
                gloo::events::EventListener::new_with_options(&el, "keydown", options, move |e| {
                    let e: &KeyboardEvent = wasm_bindgen::JsCast::unchecked_ref(e);
                    if e.key() == "Escape" {
                        e.prevent_default();
                        open.set(false);
                        crate::web::scroll::focus_id("export-button");
                    }
                })
            });
            move || drop(listener)
        });
    }
    let seed_toggle = {
        let seed_text = seed_text.clone();
        Callback::from(move |_: Event| seed_text.set(!*seed_text))
    };
    let everything_toggle = {
        let everything = everything.clone();
        Callback::from(move |_: Event| everything.set(!*everything))
    };
    // What an export of only this profile's work leaves out, said before it is made.
    let left_out = match (*open, *format) {
        (false, _) | (_, Format::RefiCodebook) => 0,
        _ => {
            let m = &app.model;
            let only = m.session.open.as_deref().filter(|_| !*all_docs);
            crate::formats::left_out(&m.library, only, m.session.annotator_id())
        }
    };
    let (export, format_label) = (t!("transfer-export"), t!("transfer-format"));
    html! {
        <div class="transfer" ref={transfer}>
            <FileButton label={t!("transfer-import")} input_id="import-input" input_name={t!("transfer-import-input")}
                        accept=".json,.jsonld,.jsonl,.ndjson,.qdpx,.qdc,.ann,.txt,.zip,.csv,application/json"
                        title={AttrValue::from(t!("transfer-import-title"))}
                        {onfiles} />
            <button id="export-button" class="primary" onclick={toggle} aria-label={export.clone()} aria-expanded={(*open).to_string()}
                    aria-controls="export-panel">{ export }</button>
            if *open {
                <div id="export-panel" class="export-panel" role="group" aria-label={t!("transfer-options")}>
                    <fieldset>
                        <legend>{ t!("transfer-what") }</legend>
                        <label><input type="radio" name="scope" checked={!*all_docs} disabled={!has_open}
                                      onchange={set_scope(false)} />{ " " }{ t!("transfer-this") }</label>
                        <label><input type="radio" name="scope" checked={*all_docs || !has_open}
                                      onchange={set_scope(true)} />{ " " }{ t!("transfer-all") }</label>
                    </fieldset>
                    <label class="field"><span>{ format_label.clone() }</span>
                        <select aria-label={format_label} onchange={on_format}>
                            { for Format::ALL.iter().map(|f| html! {
                                <option value={f.slug()} selected={*f == *format}>{ f.label() }</option>
                            }) }
                        </select>
                    </label>
                    if *format == Format::Project {
                        { checkbox("", None, *seed_text, seed_toggle, t!("transfer-seed-text")) }
                    }
                    if *format != Format::RefiCodebook {
                        { checkbox("export-everything", None, *everything, everything_toggle, t!("transfer-everything")) }
                        if left_out > 0 && !*everything {
                            <p class="hint" id="export-left-out">{ t!("transfer-left-out", count = left_out) }</p>
                        }
                    }
                    <button class="primary" onclick={download}>{ t!("transfer-download") }</button>
                    <super::assignment_form::AssignmentForm />
                </div>
            }
        </div>
    }
}
