//! The codebook panel, shown beside the text when nothing is being tagged: the user's own
//! codes, made, renamed, recoloured, nested, merged and deleted here, and the GCM's 23
//! objectives and 10 guiding principles, which are the standard and cannot be changed.

use crate::codebook::{Tag, TagKind, TAGS};
use crate::codes::{next_color, own_in_tree_order, OwnCode, OWN_PALETTE, OWN_PREFIX};
use crate::state::codes::{code_use, own_code_counts};
use crate::state::Action;
use crate::web::app_state::use_app;
use crate::web::platform;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Puts focus back on an own code's row (after its editor closes), once it is drawn.
fn focus_row(id: &str) {
    let row = format!("row-{id}");
    gloo::timers::callback::Timeout::new(0, move || {
        crate::web::scroll::focus_id(&row);
    })
    .forget();
}

/// The value of an input or select by id, as the user left it.
fn value_of(id: &str) -> String {
    let el = gloo::utils::document().get_element_by_id(id);
    el.as_ref()
        .and_then(|e| e.dyn_ref::<HtmlInputElement>().map(|i| i.value()))
        .or_else(|| {
            el.as_ref()
                .and_then(|e| e.dyn_ref::<HtmlSelectElement>().map(|s| s.value()))
        })
        .unwrap_or_default()
}

#[function_component(CodebookPanel)]
pub fn codebook_panel() -> Html {
    let app = use_app();
    let codebook = app.model.library.codebook().clone();
    // The own code whose editor is open, and whether its deletion waits for confirmation.
    let editing = use_state(|| None::<String>);
    let confirming = use_state(|| false);
    // Why the editor's last save was refused: shown in it, what was typed kept.
    let refused = use_state(|| None::<String>);

    let add = {
        let app = app.clone();
        let color = next_color(&codebook);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let name = value_of("new-code-name");
            let parent = Some(value_of("new-code-parent")).filter(|p| !p.is_empty());
            app.dispatch(Action::AddCode(OwnCode {
                id: format!("{OWN_PREFIX}{}", platform::new_id()),
                name,
                color: color.into(),
                parent,
                description: String::new(),
            }));
            let doc = gloo::utils::document();
            if let Some(input) = doc
                .get_element_by_id("new-code-name")
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
            {
                input.set_value("");
            }
            if let Some(select) = doc
                .get_element_by_id("new-code-parent")
                .and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
            {
                select.set_value("");
            }
        })
    };

    // Options for "nested under": none, the GCM's tags, and own codes other than `except`
    // and its sub-codes.
    let parent_options = |except: Option<&str>, selected: Option<&str>| {
        let own: Vec<Html> = own_in_tree_order(&codebook)
            .into_iter()
            .filter(|(c, _)| except.is_none_or(|x| !codebook.is_within(&c.id, x)))
            .map(|(c, depth)| {
                html! {
                    <option value={c.id.clone()} selected={selected == Some(c.id.as_str())}>
                        { format!("{}{}", "  ".repeat(depth), c.name) }
                    </option>
                }
            })
            .collect();
        html! {
            <>
                <option value="" selected={selected.is_none()}>{ t!("codebook-top-level") }</option>
                if !own.is_empty() {
                    <optgroup label={t!("codebook-own-title")}>{ for own }</optgroup>
                }
                <optgroup label={t!("codebook-gcm-tags")}>
                    { for TAGS.iter().map(|t| html! {
                        <option value={t.id} selected={selected == Some(t.id)}>{ t.label() }</option>
                    }) }
                </optgroup>
            </>
        }
    };

    let editor = |code: &OwnCode| {
        let id = code.id.clone();
        let save = {
            let app = app.clone();
            let editing = editing.clone();
            let refused = refused.clone();
            let code = code.clone();
            let codebook = codebook.clone();
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let color = OWN_PALETTE
                    .iter()
                    .enumerate()
                    .find(|(i, _)| {
                        gloo::utils::document()
                            .get_element_by_id(&format!("code-color-{i}"))
                            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
                            .is_some_and(|r| r.checked())
                    })
                    .map_or(code.color.clone(), |(_, c)| c.to_string());
                let (name, parent) = (
                    value_of("code-name"),
                    Some(value_of("code-parent")).filter(|p| !p.is_empty()),
                );
                // Checked here too, so that a refused name keeps the rest of the edit open.
                let checked = codebook
                    .check_name(&name, Some(&code.id))
                    .and_then(|_| codebook.check_parent(&code.id, parent.as_deref()));
                if let Err(e) = checked {
                    refused.set(Some(t!("codebook-not-changed", reason = e.to_string())));
                    return;
                }
                app.dispatch(Action::UpdateCode(OwnCode {
                    name,
                    color,
                    parent,
                    ..code.clone()
                }));
                refused.set(None);
                editing.set(None);
                focus_row(&code.id);
            })
        };
        let merge = {
            let app = app.clone();
            let editing = editing.clone();
            let from = id.clone();
            Callback::from(move |_: MouseEvent| {
                let into = value_of("code-merge");
                if !into.is_empty() {
                    app.dispatch(Action::MergeCodes {
                        from: from.clone(),
                        into,
                        now: platform::now(),
                    });
                    editing.set(None);
                }
            })
        };
        let delete = {
            let app = app.clone();
            let editing = editing.clone();
            let confirming = confirming.clone();
            let id = id.clone();
            Callback::from(move |_: MouseEvent| {
                if *confirming {
                    app.dispatch(Action::DeleteCode {
                        id: id.clone(),
                        now: platform::now(),
                    });
                    editing.set(None);
                    confirming.set(false);
                } else {
                    confirming.set(true);
                }
            })
        };
        let close = {
            let editing = editing.clone();
            let confirming = confirming.clone();
            let refused = refused.clone();
            let id = id.clone();
            Callback::from(move |_: MouseEvent| {
                editing.set(None);
                confirming.set(false);
                refused.set(None);
                focus_row(&id);
            })
        };
        let merge_targets: Vec<Html> = codebook
            .codes()
            .filter(|c| c.id() != id)
            .map(|c| html! { <option value={c.id().to_string()}>{ c.label() }</option> })
            .collect();
        html! {
            <form class="code-editor" onsubmit={save} aria-label={t!("codebook-edit", name = code.name)}>
                <label class="field"><span>{ t!("codebook-name") }</span>
                    <input id="code-name" type="text" value={code.name.clone()} maxlength="400" required=true />
                </label>
                <fieldset class="colors">
                    <legend>{ t!("codebook-colour") }</legend>
                    { for OWN_PALETTE.iter().enumerate().map(|(i, c)| html! {
                        <label class="color-choice" style={format!("--swatch:{c}")}>
                            <input type="radio" name="code-color" id={format!("code-color-{i}")}
                                   checked={code.color == *c} aria-label={t!("codebook-colour-n", number = i + 1)} />
                        </label>
                    }) }
                </fieldset>
                <label class="field"><span>{ t!("codebook-nested-under") }</span>
                    <select id="code-parent">{ parent_options(Some(&id), code.parent.as_deref()) }</select>
                </label>
                if let Some(problem) = (*refused).clone() {
                    <p class="problem" role="alert">{ problem }</p>
                }
                <div class="actions">
                    <button class="primary" type="submit">{ t!("codebook-save") }</button>
                    <button type="button" onclick={close}>{ t!("codebook-close") }</button>
                </div>
                <label class="field"><span>{ t!("codebook-merge-into") }</span>
                    <select id="code-merge">
                        <option value="">{ t!("codebook-choose") }</option>
                        { for merge_targets }
                    </select>
                </label>
                <button type="button" onclick={merge}>{ t!("codebook-merge") }</button>
                if *confirming {
                    <p class="problem" role="alert">
                        { t!("codebook-delete-confirm", name = code.name, consequence = code_use(&app.model.library, &id).consequence()) }
                    </p>
                }
                <button type="button" class="danger" onclick={delete}>
                    { if *confirming { t!("codebook-delete-now") } else { t!("codebook-delete") } }
                </button>
            </form>
        }
    };

    let counts = own_code_counts(&app.model.library);
    let row_title = t!("codebook-row.title");
    let own_rows = own_in_tree_order(&codebook).into_iter().map(|(code, depth)| {
        let open = editing.as_deref() == Some(code.id.as_str());
        let toggle = {
            let editing = editing.clone();
            let confirming = confirming.clone();
            let refused = refused.clone();
            let id = code.id.clone();
            Callback::from(move |_: MouseEvent| {
                confirming.set(false);
                refused.set(None);
                editing.set((!open).then(|| id.clone()));
            })
        };
        let used = counts.get(code.id.as_str()).copied().unwrap_or(0);
        // Nested under a GCM tag: said in the row, since the tree shows own codes only.
        let under = code
            .parent
            .as_deref()
            .and_then(crate::codebook::tag)
            .map(|t| t!("codebook-in", tag = t.label()));
        html! {
            <li key={code.id.clone()} class="tag own" style={format!("--depth:{depth}")}>
                <button class="link code-row" id={format!("row-{}", code.id)} onclick={toggle}
                        aria-expanded={open.to_string()}
                        aria-label={t!("codebook-row", name = code.name, count = used)}
                        title={row_title.clone()}>
                    <span class="swatch" style={format!("background:{}", code.color)} aria-hidden="true"></span>
                    <span class="tag-name">{ &code.name }</span>
                    if let Some(under) = under {
                        <span class="under">{ under }</span>
                    }
                    <span class="count">{ used }</span>
                </button>
                if open { { editor(code) } }
            </li>
        }
    });

    let back = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            app.dispatch(Action::ShowPanel(crate::session::Panel::Annotations))
        })
    };
    let unofficial = format!(" ({})", t!("tag-unofficial"));
    let entry = |tag: &Tag| {
        // The full title, and whether its wording (or the name's) is ours, not the UN's.
        let mut title = tag.description();
        if tag.unofficial() {
            title.push_str(&unofficial);
        }
        html! {
            <li class="tag" {title}>
                <span class="swatch" style={format!("background:{}", tag.color)} aria-hidden="true">{ tag.badge() }</span>
                <span class="tag-name">{ tag.label() }</span>
            </li>
        }
    };
    let new_name = t!("codebook-new-name");
    html! {
        // Focusable, so that keyboard users can scroll it.
        <aside class="side codebook" aria-labelledby="tags-title" tabindex="0">
            if app.model.session.open.is_some() {
                <button onclick={back}>{ t!("list-back") }</button>
            }
            <h2 id="tags-title">{ t!("codebook-title") }</h2>
            <h3>{ t!("codebook-own-title") }</h3>
            <form class="new-code-form" onsubmit={add} aria-label={t!("codebook-new")}>
                <input id="new-code-name" type="text" placeholder={new_name.clone()} aria-label={new_name}
                       maxlength="400" required=true />
                <select id="new-code-parent" aria-label={t!("codebook-nested-under")}>{ parent_options(None, None) }</select>
                <button type="submit">{ t!("codebook-add") }</button>
            </form>
            if codebook.own().is_empty() {
                <p class="empty">{ t!("codebook-own-empty") }</p>
            } else {
                <ul class="tag-list own-codes">{ for own_rows }</ul>
            }
            <h3>{ t!("codebook-objectives") }</h3>
            <ul class="tag-list">{ for TAGS.iter().filter(|t| t.kind == TagKind::Objective).map(entry) }</ul>
            <h3>{ t!("codebook-principles") }</h3>
            <ul class="tag-list">{ for TAGS.iter().filter(|t| t.kind == TagKind::Principle).map(entry) }</ul>
        </aside>
    }
}
