//! The library: the bundled seeds and the user's own documents, each named by its title.
//! The user's documents can be added (file picker, drag and drop, paste), renamed and
//! deleted (with confirmation, and with their annotations). Above them, when there are
//! any, the annotations that wait for a text not in this browser.

use crate::document::{Document, Origin};
use crate::fields::Field;
use crate::session::Level;
use crate::state::Action;
use crate::web::app_state::use_app;
use crate::web::components::file_button::FileButton;
use crate::web::components::length_hint::LengthHint;
use crate::web::components::waiting::Waiting;
use crate::web::files::open_or_import_vec;
use crate::web::{platform, scroll};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The library's annotations, the same while the list is the same one (the state replaces
/// the list when it changes); held, so that its address is never another list's.
struct SameList(std::sync::Arc<Vec<crate::annotation::Annotation>>);

impl PartialEq for SameList {
    fn eq(&self, o: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &o.0)
    }
}

#[function_component(Library)]
pub fn library() -> Html {
    let app = use_app();
    let pasting = use_state(|| false);
    let paste_title = use_state(String::new);
    let paste_text = use_state(String::new);
    let renaming = use_state(|| None::<String>);
    let confirming = use_state(|| None::<String>);
    let open = app.model.session.open.clone();
    let onfiles = {
        let app = app.clone();
        Callback::from(move |files: Vec<web_sys::File>| open_or_import_vec(files, app.clone()))
    };
    let toggle_paste = {
        let pasting = pasting.clone();
        Callback::from(move |_: MouseEvent| pasting.set(!*pasting))
    };
    // The form opens below the list, often under the fold: show it and put the caret in it.
    {
        let open = *pasting;
        use_effect_with(open, move |open| {
            if *open {
                scroll::focus_id("paste-title");
            }
        });
    }
    // A read-only tab refuses the document (the core says why): the form keeps what was
    // pasted, so that it can be added after "Edit here instead".
    let read_only = app.model.session.read_only.is_some();
    let add_paste = {
        let app = app.clone();
        let (pasting, title, text) = (pasting.clone(), paste_title.clone(), paste_text.clone());
        Callback::from(move |_: MouseEvent| {
            match Document::from_paste(platform::new_id(), &title, &text) {
                Ok(doc) if read_only => app.dispatch(Action::AddDocuments(vec![doc])),
                Ok(doc) => {
                    app.dispatch(Action::AddDocuments(vec![doc]));
                    pasting.set(false);
                    title.set(String::new());
                    text.set(String::new());
                }
                Err(e) => app.dispatch(Action::Notify(Level::Error, e.to_string())),
            }
        })
    };

    // Rich text (the clipboard's text/html: a web page, a word processor) is read by the
    // web-page rules, so that its paragraphs, lists and tables come in as text and its
    // markup does not; plain text is pasted by the browser as it is.
    let onpaste = Callback::from(|e: Event| crate::web::readers::paste_rich_text(&e));

    // Counted in one pass, and again only when the annotations change: counting per
    // document took 0.7 s for a thousand documents after a 50 MB import.
    let counts = use_memo(SameList(app.model.library.annotations().clone()), |_| {
        app.model
            .library
            .counts_by_document()
            .into_iter()
            .map(|(id, n)| (id.to_string(), n))
            .collect::<std::collections::HashMap<String, usize>>()
    });
    let entry = |doc: &Document| {
        let id = doc.id.clone();
        let current = open.as_deref() == Some(doc.id.as_str());
        let onclick = {
            let app = app.clone();
            let id = id.clone();
            Callback::from(move |_: MouseEvent| app.dispatch(Action::OpenDocument(id.clone())))
        };
        let desc_id = format!("desc-{}", doc.id);
        let count = counts.get(&doc.id).copied().unwrap_or(0);
        let is_user = doc.origin == Origin::User;
        let main = if renaming.as_deref() == Some(doc.id.as_str()) {
            let onkeydown = {
                let app = app.clone();
                let renaming = renaming.clone();
                let id = id.clone();
                Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
                    "Enter" => {
                        let title = e.target_unchecked_into::<HtmlInputElement>().value();
                        app.dispatch(Action::RenameDocument {
                            id: id.clone(),
                            title,
                        });
                        renaming.set(None);
                    }
                    "Escape" => renaming.set(None),
                    _ => {}
                })
            };
            html! {
                <input id="rename-input" class="rename" type="text" value={doc.title.clone()}
                       aria-label={t!("library-rename-input", title = doc.title)} {onkeydown} />
            }
        } else {
            // The button holds the title only, so that its accessible name is what it shows;
            // the description is read as its description, and CSS stretches the button over
            // the whole card.
            html! {
                <>
                    <button class={classes!("doc-entry", current.then_some("current"))}
                            aria-describedby={desc_id.clone()} title={doc.title.clone()}
                            aria-current={current.then_some("page")} {onclick}>
                        { Field::DocumentTitle.clip(&doc.title).0 }
                    </button>
                    <p class="doc-desc" id={desc_id}>
                        { doc.shown_description() }
                        if count > 0 {
                            { format!(" · {}", t!("library-count", count = count)) }
                        }
                        if let Some(source) = &doc.source {
                            // The file's fingerprint, to tell two versions of a report apart.
                            <span class="doc-hash" title={t!("library-hash", name = source.name, hash = source.sha256)}>
                                { format!(" · SHA-256 {}…", source.sha256.chars().take(12).collect::<String>()) }
                            </span>
                        }
                    </p>
                </>
            }
        };
        let tools = if is_user && confirming.as_deref() == Some(doc.id.as_str()) {
            let yes = {
                let app = app.clone();
                let id = id.clone();
                let confirming = confirming.clone();
                Callback::from(move |_: MouseEvent| {
                    app.dispatch(Action::DeleteDocument(id.clone()));
                    confirming.set(None);
                })
            };
            let no = {
                let confirming = confirming.clone();
                Callback::from(move |_: MouseEvent| confirming.set(None))
            };
            html! {
                <div class="confirm" role="alertdialog" aria-label={t!("library-confirm-label")}>
                    <p>{ t!("library-confirm", title = crate::text::isolate(&crate::text::clip(&doc.title, 80)), count = count) }</p>
                    <button class="danger" onclick={yes}>{ t!("library-delete-document") }</button>
                    <button onclick={no}>{ t!("library-keep") }</button>
                </div>
            }
        } else if is_user {
            let rename = {
                let renaming = renaming.clone();
                let id = id.clone();
                Callback::from(move |_: MouseEvent| {
                    renaming.set(Some(id.clone()));
                    gloo::timers::callback::Timeout::new(0, || {
                        scroll::focus_id("rename-input");
                    })
                    .forget();
                })
            };
            let delete = {
                let confirming = confirming.clone();
                let id = id.clone();
                Callback::from(move |_: MouseEvent| confirming.set(Some(id.clone())))
            };
            html! {
                <div class="doc-tools">
                    <button class="link" onclick={rename} aria-label={t!("library-rename-label", title = doc.title)}>{ t!("library-rename") }</button>
                    <button class="link" onclick={delete} aria-label={t!("library-delete-label", title = doc.title)}>{ t!("app-delete") }</button>
                </div>
            }
        } else {
            html! {}
        };
        html! { <li key={doc.id.clone()} class={classes!("doc-card", current.then_some("current"))}>{ main }{ tools }</li> }
    };

    let seeds: Vec<&Document> = app
        .model
        .library
        .documents()
        .iter()
        .filter(|d| d.origin == Origin::Seed)
        .collect();
    let mine = app.model.library.user_documents();
    html! {
        <nav class="library" aria-labelledby="library-title">
            <Waiting />
            <h2 id="library-title">{ t!("library-title") }</h2>
            // First, so that adding one's own is in view on a laptop's first screen.
            <div class="add-docs">
                <FileButton label={t!("library-open-files")} input_id="file-input" input_name={t!("library-open-files-label")}
                            accept=".txt,.md,.markdown,.text,.json,.pdf,.docx,.odt,.html,.htm,text/plain,text/markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text,text/html" {onfiles} />
                <button onclick={toggle_paste} aria-expanded={(*pasting).to_string()}>{ t!("library-paste") }</button>
            </div>
            if *pasting {
                <div class="paste">
                    <label class="field"><span>{ t!("library-paste-title") }</span>
                        <input id="paste-title" type="text" value={(*paste_title).clone()}
                               oninput={ let t = paste_title.clone(); Callback::from(move |e: InputEvent| t.set(e.target_unchecked_into::<HtmlInputElement>().value())) } />
                    </label>
                    <LengthHint field={Field::DocumentTitle} value={(*paste_title).clone()} />
                    <label class="field"><span>{ t!("library-paste-text") }</span>
                        <textarea id="paste-text" rows="6" value={(*paste_text).clone()} {onpaste}
                               oninput={ let t = paste_text.clone(); Callback::from(move |e: InputEvent| t.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())) } />
                    </label>
                    <button class="primary" onclick={add_paste}>{ t!("library-add") }</button>
                </div>
            }
            <ul class="doc-list">{ for seeds.into_iter().map(entry) }</ul>
            <h2 class="mine">{ t!("library-mine") }</h2>
            if mine.is_empty() {
                <p class="empty">{ t!("library-empty") }</p>
            }
            <ul class="doc-list">{ for mine.into_iter().map(entry) }</ul>
        </nav>
    }
}
