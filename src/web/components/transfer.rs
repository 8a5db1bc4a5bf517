//! Export and import controls in the top bar: Export opens a small panel (what, in which
//! format, with or without the seeds' text) that downloads a file; Import reads files of
//! the project's JSON, W3C JSON-LD or doccano JSONL and reports what it did.

use crate::formats::{export, file_name, Format, Options, Selection};
use crate::state::{Action, Level};
use crate::web::app_state::{use_app, AppContext};
use crate::web::components::file_button::FileButton;
use crate::web::platform;
use web_sys::{FileList, HtmlSelectElement};
use yew::prelude::*;

/// True for file names that import reads (the rest are documents).
pub fn is_annotation_file(name: &str) -> bool {
    let lower = name.to_lowercase();
    [".json", ".jsonld", ".jsonl", ".ndjson"]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// How many annotations are placed between two looks at the clock: a few milliseconds.
const STEP: usize = 250;
/// How long placing may hold the page before it yields (to paint the progress line and
/// take input). Yielding after every step cost more than the work: each yield is a
/// frame of the whole page, and an import of 10,000 made twenty of them.
const BUDGET_MS: i64 = 40;

/// Reads annotation files one after the other and imports each, showing progress and
/// yielding to the browser between steps so the page stays responsive. Each file is
/// planned against the state when the import began; applying the plan checks again for
/// what arrived in the meantime.
pub fn import_files(files: Vec<web_sys::File>, app: AppContext) {
    use crate::formats::import::{parse, Planner, MAX_IMPORT_BYTES};
    use crate::state::Progress;
    let dispatcher = app.dispatcher();
    wasm_bindgen_futures::spawn_local(async move {
        for file in files {
            let name = file.name();
            let size = file.size() as usize;
            if size > MAX_IMPORT_BYTES {
                dispatcher.dispatch(Action::Notify(
                    Level::Error,
                    format!(
                        "“\u{2068}{name}\u{2069}” was not imported: it is {}, over the import limit of {}. Nothing was changed.",
                        crate::document::human_size(size),
                        crate::document::human_size(MAX_IMPORT_BYTES)
                    ),
                ));
                continue;
            }
            let label = format!("Importing “\u{2068}{name}\u{2069}”, annotations placed");
            let progress = |done, total| {
                Action::Progress(Some(Progress {
                    label: label.clone(),
                    done,
                    total,
                }))
            };
            // Shown while the file is read (the browser reads it in the background and
            // paints meanwhile).
            dispatcher.dispatch(progress(0, 0));
            let bytes =
                match gloo::file::futures::read_as_bytes(&gloo::file::Blob::from(file)).await {
                    Ok(b) => b,
                    Err(e) => {
                        dispatcher.dispatch(Action::Progress(None));
                        dispatcher.dispatch(Action::Notify(
                            Level::Error,
                            format!("“\u{2068}{name}\u{2069}” could not be read: {e}."),
                        ));
                        continue;
                    }
                };
            let seed = platform::new_id();
            let mut n = 0;
            let mut new_id = move || {
                n += 1;
                crate::formats::derived_uuid(&format!("{seed}/{n}"))
            };
            let planned = parse(&name, &bytes).and_then(|incoming| {
                Planner::new(&name, incoming, &app.model, &mut new_id, platform::now())
            });
            match planned {
                Err(e) => dispatcher.dispatch(Action::Notify(Level::Error, e.to_string())),
                Ok(mut planner) => {
                    let mut since = platform::now();
                    while !planner.step(STEP, &mut new_id) {
                        if platform::now() - since >= BUDGET_MS {
                            dispatcher.dispatch(progress(planner.done(), planner.total()));
                            gloo::timers::future::TimeoutFuture::new(0).await;
                            since = platform::now();
                        }
                    }
                    dispatcher.dispatch(Action::Import(Box::new(planner.finish())));
                }
            }
            dispatcher.dispatch(Action::Progress(None));
        }
    });
}

/// Splits a file list: annotation files to import, the rest to open as documents.
pub fn open_or_import(files: FileList, app: AppContext) {
    let dispatcher = app.dispatcher();
    let all: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    let (imports, docs): (Vec<_>, Vec<_>) =
        all.into_iter().partition(|f| is_annotation_file(&f.name()));
    if !imports.is_empty() {
        import_files(imports, app.clone());
    }
    if !docs.is_empty() {
        crate::web::components::library::open_file_vec(docs, dispatcher);
    }
}

#[function_component(Transfer)]
pub fn transfer() -> Html {
    let app = use_app();
    let open = use_state(|| false);
    let format = use_state(|| Format::Project);
    let all_docs = use_state(|| app.model.open.is_none());
    let seed_text = use_state(|| false);

    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let download = {
        let app = app.clone();
        let (format, all_docs, seed_text, open) = (
            format.clone(),
            all_docs.clone(),
            seed_text.clone(),
            open.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let model = &app.model;
            let only = if *all_docs {
                None
            } else {
                model.open.as_deref()
            };
            let title = only
                .and_then(|id| model.document(id))
                .map(|d| d.title.as_str());
            let now = platform::now();
            let sel = Selection::new(model, only);
            let content = export(
                *format,
                &sel,
                Options {
                    seed_text: *seed_text,
                    now,
                },
            );
            let name = file_name(*format, title, now);
            match platform::download(&name, format.mime(), &content) {
                Ok(()) => {
                    open.set(false);
                    app.dispatch(Action::Notify(
                        Level::Info,
                        format!(
                            "Exported {} annotations to “\u{2068}{name}\u{2069}”.",
                            sel.annotations.len()
                        ),
                    ));
                }
                Err(e) => {
                    app.dispatch(Action::Notify(Level::Error, format!("Export failed: {e}.")))
                }
            }
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
    let has_open = app.model.open.is_some();
    let set_scope = |all: bool| {
        let all_docs = all_docs.clone();
        Callback::from(move |_: Event| all_docs.set(all))
    };
    let seed_toggle = {
        let seed_text = seed_text.clone();
        Callback::from(move |_: Event| seed_text.set(!*seed_text))
    };
    html! {
        <div class="transfer">
            <FileButton label="Import…" input_id="import-input" input_name="Import annotation files"
                        accept=".json,.jsonld,.jsonl,.ndjson,application/json"
                        title={AttrValue::from("Import annotations: GCM Annotator JSON, W3C JSON-LD or doccano JSONL")}
                        {onfiles} />
            <button class="primary" onclick={toggle} aria-label="Export" aria-expanded={(*open).to_string()}
                    aria-controls="export-panel">{ "Export" }</button>
            if *open {
                <div id="export-panel" class="export-panel" role="group" aria-label="Export options">
                    <fieldset>
                        <legend>{ "What" }</legend>
                        <label><input type="radio" name="scope" checked={!*all_docs} disabled={!has_open}
                                      onchange={set_scope(false)} />{ " This document" }</label>
                        <label><input type="radio" name="scope" checked={*all_docs || !has_open}
                                      onchange={set_scope(true)} />{ " All documents" }</label>
                    </fieldset>
                    <label class="field"><span>{ "Format" }</span>
                        <select aria-label="Format" onchange={on_format}>
                            { for Format::ALL.iter().map(|f| html! {
                                <option value={f.slug()} selected={*f == *format}>{ f.label() }</option>
                            }) }
                        </select>
                    </label>
                    if *format == Format::Project {
                        <label><input type="checkbox" checked={*seed_text} onchange={seed_toggle} />
                            { " Include the text of the bundled documents" }</label>
                    }
                    <button class="primary" onclick={download}>{ "Download" }</button>
                </div>
            }
        </div>
    }
}
