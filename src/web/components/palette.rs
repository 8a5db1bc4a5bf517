//! The tag palette: the 23 objectives and 10 guiding principles as checkboxes, recently used
//! first, then the user's own codes (nested), filtered as the reader types, with "New code"
//! for a name no code has; a note; Save. It tags the pending selection or the whole open
//! document, or edits the tags and note of an annotation. With nothing to tag it shows the
//! codebook ([`super::codebook`]).
//!
//! Keyboard: the search box takes focus when the palette opens from the keyboard; Enter in
//! it ticks the first match; Ctrl+Enter saves from anywhere in the palette; Escape cancels.

use crate::codebook::{search_tags, Tag, TagKind};
use crate::codes::{fold, own_in_tree_order, OwnCode};
use crate::fields::Field;
use crate::state::Action;
use crate::text::Cp;
use crate::web::app_state::use_app;
use crate::web::components::length_hint::LengthHint;
use crate::web::platform;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// What the palette is working on: the pending span (document, code points), or an
/// annotation id.
#[derive(Clone, PartialEq)]
enum Target {
    Pending(String, Cp, Cp),
    /// The whole document with this id.
    Document(String),
    Edit(String),
    Nothing,
}

#[function_component(Palette)]
pub fn palette() -> Html {
    let app = use_app();
    let model = &app.model;
    let session = &model.session;
    let target = match (&session.editing, &session.pending, &session.open) {
        (Some(id), _, _) => Target::Edit(id.clone()),
        (None, Some(p), _) => Target::Pending(p.document.clone(), p.start, p.end),
        (None, None, Some(doc)) if session.tagging_document => Target::Document(doc.clone()),
        _ => Target::Nothing,
    };
    let checked = use_state(Vec::<String>::new);
    let note = use_state(String::new);
    let query = use_state(String::new);
    let name = use_state(String::new);
    // Why the last save was refused (no tag, no name), until something changes.
    let problem = session.problem.clone();
    let described = use_state(|| None::<&'static Tag>);

    // A new target starts from its own tags and note.
    {
        let checked = checked.clone();
        let note = note.clone();
        let query = query.clone();
        let app = app.clone();
        use_effect_with(target.clone(), move |t| {
            let (tags, text) = match t {
                Target::Edit(id) => app
                    .model
                    .library
                    .annotation(id)
                    .map(|a| (a.tags.clone(), a.note.clone()))
                    .unwrap_or_default(),
                _ => (Vec::new(), String::new()),
            };
            checked.set(tags);
            note.set(text);
            query.set(String::new());
        });
    }

    if target == Target::Nothing {
        return html! { <super::codebook::CodebookPanel /> };
    }

    let needs_name = session.settings.annotator.is_empty();
    let order = session.settings.palette_order();
    // An assignment's scope: only its codes are offered, searched and ticked by Enter.
    let handout = model.library.assignment().filter(|a| !a.tags.is_empty());
    let in_scope = |id: &str| crate::assignment::allows(handout, id);
    let mut results = search_tags(&order, &query);
    results.retain(|t| in_scope(t.id));
    let recent_count = if query.is_empty() {
        // Those of the recent ones still offered (an assignment may leave some out).
        let recent = &session.settings.recent_tags;
        results
            .iter()
            .take_while(|t| recent.iter().any(|r| r == t.id))
            .count()
    } else {
        0
    };

    let save = {
        let app = app.clone();
        let checked = checked.clone();
        let note = note.clone();
        let name = name.clone();
        let target = target.clone();
        Callback::from(move |_: ()| {
            // The name typed here, if any; whether one is needed is the core's rule.
            if needs_name && !name.trim().is_empty() {
                app.dispatch(Action::SetAnnotator((*name).clone()));
            }
            let action = match &target {
                Target::Edit(id) => Action::Update {
                    id: id.clone(),
                    tags: (*checked).clone(),
                    note: (*note).clone(),
                    now: platform::now(),
                },
                Target::Document(document) => Action::TagDocument {
                    id: platform::new_id(),
                    document: document.clone(),
                    tags: (*checked).clone(),
                    note: (*note).clone(),
                    now: platform::now(),
                },
                Target::Pending(document, start, end) => Action::Create {
                    id: platform::new_id(),
                    document: document.clone(),
                    start: *start,
                    end: *end,
                    tags: (*checked).clone(),
                    note: (*note).clone(),
                    now: platform::now(),
                },
                Target::Nothing => return,
            };
            app.dispatch(action);
        })
    };
    let cancel = {
        let app = app.clone();
        let target = target.clone();
        Callback::from(move |_: ()| {
            app.dispatch(match target {
                Target::Edit(_) => Action::CancelEdit,
                _ => Action::CancelPending,
            });
        })
    };

    let toggle = {
        let checked = checked.clone();
        let app = app.clone();
        let has_problem = problem.is_some();
        Callback::from(move |id: String| {
            let mut v = (*checked).clone();
            if let Some(i) = v.iter().position(|t| *t == id) {
                v.remove(i);
            } else {
                v.push(id);
            }
            if has_problem {
                app.dispatch(Action::ClearProblem);
            }
            checked.set(v);
        })
    };

    let onkeydown = {
        let save = save.clone();
        let cancel = cancel.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" if e.ctrl_key() || e.meta_key() => {
                e.prevent_default();
                save.emit(());
            }
            "Escape" => {
                e.prevent_default();
                cancel.emit(());
            }
            _ => {}
        })
    };
    let codebook = model.library.codebook();
    let folded_query = fold(&query);
    let own: Vec<(&OwnCode, usize)> = own_in_tree_order(codebook)
        .into_iter()
        .filter(|(c, _)| folded_query.split(' ').all(|w| fold(&c.name).contains(w)))
        .filter(|(c, _)| in_scope(&c.id))
        .collect();
    // A name no code has yet can be made a code here (not in an assignment's scope).
    let new_code = (!query.trim().is_empty() && handout.is_none())
        .then(|| codebook.check_name(&query, None).ok())
        .flatten();
    let search_keydown = {
        let toggle = toggle.clone();
        // An own code whose name starts with what was typed comes before a GCM tag that
        // only mentions it.
        let first = own
            .iter()
            .find(|(c, _)| fold(&c.name).starts_with(&folded_query))
            .map(|(c, _)| c.id.clone())
            .or_else(|| results.first().map(|t| t.id.to_string()))
            .or_else(|| own.first().map(|(c, _)| c.id.clone()));
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && !(e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                if let Some(id) = &first {
                    toggle.emit(id.clone());
                }
            }
        })
    };
    let oninput_query = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let oninput_note = {
        let note = note.clone();
        Callback::from(move |e: InputEvent| {
            note.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let oninput_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            name.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };

    let (heading, quote, save_label) = match &target {
        Target::Document(id) => (
            t!("palette-tag-document"),
            model
                .library
                .document(id)
                .map(|d| d.title.clone())
                .unwrap_or_default(),
            t!("palette-save-document"),
        ),
        Target::Edit(id) => (
            t!("palette-edit"),
            model
                .library
                .annotation(id)
                .map(|a| match a.whole_document {
                    true => t!("palette-whole-document"),
                    false => a.excerpt(160),
                })
                .unwrap_or_default(),
            t!("palette-save-changes"),
        ),
        _ => (
            t!("palette-tag-selection"),
            session
                .pending
                .as_ref()
                .map(|p| p.quote.split_whitespace().collect::<Vec<_>>().join(" "))
                .map(|q| {
                    if q.chars().count() > 160 {
                        format!("{}…", q.chars().take(159).collect::<String>())
                    } else {
                        q
                    }
                })
                .unwrap_or_default(),
            t!("palette-save"),
        ),
    };

    // The full title on hover says when it is our translation, not the UN's wording.
    let unofficial = format!(" ({})", t!("tag-unofficial"));
    let row = |tag: &'static Tag| {
        let id = tag.id.to_string();
        let is_checked = checked.contains(&id);
        let onchange = {
            let toggle = toggle.clone();
            let id = id.clone();
            Callback::from(move |_: Event| toggle.emit(id.clone()))
        };
        let onfocus = {
            let described = described.clone();
            Callback::from(move |_: FocusEvent| described.set(Some(tag)))
        };
        let onmouseenter = {
            let described = described.clone();
            Callback::from(move |_: MouseEvent| described.set(Some(tag)))
        };
        let title = match tag.unofficial() {
            true => format!("{}{unofficial}", tag.description()),
            false => tag.description(),
        };
        html! {
            <li key={tag.id}>
                <label class={classes!("tag-option", is_checked.then_some("checked"))} {title} {onmouseenter}>
                    <input type="checkbox" checked={is_checked} {onchange} {onfocus}
                           aria-label={tag.label()} aria-describedby="tag-description" />
                    <span class="swatch" style={format!("background:{}", tag.color)} aria-hidden="true">{ tag.badge() }</span>
                    <span class="tag-name">{ tag.name() }</span>
                </label>
            </li>
        }
    };

    let own_row = |(code, depth): (&OwnCode, usize)| {
        let id = code.id.clone();
        let is_checked = checked.contains(&id);
        let onchange = {
            let toggle = toggle.clone();
            let id = id.clone();
            Callback::from(move |_: Event| toggle.emit(id.clone()))
        };
        let hover = code
            .parent
            .as_deref()
            .and_then(|p| crate::codebook::tag(p))
            .map_or_else(
                || t!("palette-own-code"),
                |t| t!("palette-own-code-under", tag = t.label()),
            );
        html! {
            <li key={id.clone()} style={format!("--depth:{depth}")}>
                <label class={classes!("tag-option", "own", is_checked.then_some("checked"))}
                       title={hover}>
                    <input type="checkbox" checked={is_checked} {onchange} aria-label={code.name.clone()} />
                    <span class="swatch" style={format!("background:{}", code.color)} aria-hidden="true"></span>
                    <span class="tag-name">{ &code.name }</span>
                </label>
            </li>
        }
    };
    let make_code = {
        let app = app.clone();
        let toggle = toggle.clone();
        let query = query.clone();
        let color = crate::codes::next_color(codebook);
        Callback::from(move |_: MouseEvent| {
            let id = format!("{}{}", crate::codes::OWN_PREFIX, platform::new_id());
            app.dispatch(Action::AddCode(OwnCode {
                id: id.clone(),
                name: (*query).clone(),
                color: color.into(),
                parent: None,
                description: String::new(),
            }));
            toggle.emit(id);
            query.set(String::new());
            gloo::timers::callback::Timeout::new(0, || {
                crate::web::scroll::focus_id("palette-search");
            })
            .forget();
        })
    };
    let recent: Vec<&'static Tag> = results[..recent_count].to_vec();
    let rest = &results[recent_count..];
    let objectives: Vec<&'static Tag> = rest
        .iter()
        .copied()
        .filter(|t| t.kind == TagKind::Objective)
        .collect();
    let principles: Vec<&'static Tag> = rest
        .iter()
        .copied()
        .filter(|t| t.kind == TagKind::Principle)
        .collect();
    let description = described
        .map(|t| {
            // The mark comes first: a long title is cut at the box's end, the mark never.
            let unofficial = if t.unofficial() { &unofficial[..] } else { "" };
            let label = format!("{}{unofficial}", t.label());
            t!(
                "palette-described",
                label = label,
                description = t.description()
            )
        })
        .unwrap_or_else(|| t!("palette-describe"));

    html! {
        <aside class="side palette" aria-labelledby="palette-title" onkeydown={onkeydown}>
            <h2 id="palette-title">{ heading }</h2>
            <blockquote class="palette-quote">{ quote }</blockquote>
            if needs_name {
                <label class="field">
                    <span>{ t!("palette-name") }</span>
                    <input id="palette-name" type="text" value={(*name).clone()} oninput={oninput_name}
                           autocomplete="name" />
                </label>
            }
            <input id="palette-search" class="search" type="search" placeholder={t!("palette-search.placeholder")}
                   aria-label={t!("palette-search")} value={(*query).clone()} oninput={oninput_query}
                   onkeydown={search_keydown} />
            <div class="tag-scroll">
                if !recent.is_empty() {
                    <h3>{ t!("palette-recent") }</h3>
                    <ul class="tag-list">{ for recent.into_iter().map(row) }</ul>
                }
                if !objectives.is_empty() {
                    <h3>{ t!("palette-objectives") }</h3>
                    <ul class="tag-list">{ for objectives.into_iter().map(row) }</ul>
                }
                if !principles.is_empty() {
                    <h3>{ t!("palette-principles") }</h3>
                    <ul class="tag-list">{ for principles.into_iter().map(row) }</ul>
                }
                if !own.is_empty() {
                    <h3>{ t!("palette-own-codes") }</h3>
                    <ul class="tag-list own-codes">{ for own.into_iter().map(own_row) }</ul>
                }
                if let Some(name) = new_code {
                    <button class="new-code" onclick={make_code}>{ t!("palette-new-code", name = name) }</button>
                } else if results.is_empty() {
                    <p class="empty">{ match handout {
                        Some(a) => t!("palette-no-match-scoped", count = a.tags.len()),
                        None => t!("palette-no-match"),
                    } }</p>
                }
            </div>
            <p id="tag-description" class="tag-description">{ description }</p>
            <label class="field">
                <span>{ t!("palette-note-label") }</span>
                <textarea id="palette-note" rows="3" value={(*note).clone()} oninput={oninput_note}
                          aria-label={t!("palette-note")} />
            </label>
            <LengthHint field={Field::Note} value={(*note).clone()} />
            if let Some(p) = problem.clone() {
                <p class="problem" role="alert">{ p }</p>
            }
            <div class="actions">
                <button class="primary" onclick={save.reform(|_: MouseEvent| ())}>{ save_label }</button>
                <button onclick={cancel.reform(|_: MouseEvent| ())}>{ t!("app-cancel") }</button>
                <span class="hint">{ t!("palette-selected", count = checked.len()) }</span>
            </div>
        </aside>
    }
}
