//! The annotation list beside the document, in text order: quote excerpt, tags, note.
//! A click on an entry scrolls to its highlight and marks it; the marked entry offers Edit
//! and Delete. Above the list: a search over quotes and notes, and the tags in use with
//! their counts, each a filter toggle.

use crate::annotation::Annotation;
use crate::listing::listing;
use crate::session::{Filter, Panel};
use crate::state::{Action, Model};
use crate::text::isolate;
use crate::web::app_state::{use_app, AppContext};
use crate::web::components::tag_chips::TagChips;
use crate::web::intents::{select_and_show, start_edit};
use crate::web::platform;
use std::sync::Arc;

/// How many entries the list draws at once. Drawing 10,000 entries would create some
/// 100,000 elements and make every change slow; 150 fill several screens.
const PAGE: usize = 150;
/// How many it draws in the frame of a large change, before the rest of the page: more
/// than a tall screen holds (entries are some 70 px high).
const FIRST: usize = 20;
/// How many more it draws after each paint that follows, until [`PAGE`].
const GROW: usize = 40;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AnnotationListProps {
    /// Hidden while the palette is open: kept mounted, so that saving adds one entry instead
    /// of building 150 again.
    #[prop_or_default]
    pub hidden: bool,
}

#[function_component(AnnotationList)]
pub fn annotation_list(props: &AnnotationListProps) -> Html {
    let app = use_app();
    let shows = Shows::of(&app.model);
    // Hidden here, around the body, so that hiding it does not draw the entries again.
    html! {
        <aside class="side annotations" aria-labelledby="list-title" hidden={props.hidden}>
            <ListBody app={Latest(app)} {shows} />
        </aside>
    }
}

/// The list proper. It re-renders only when what it shows changed, so that actions that
/// leave the list alone (opening the palette, typing a note) do not draw its 150 entries
/// again: with 5,000 annotations that was 6 ms of every action.
#[derive(Properties, PartialEq)]
struct ListBodyProps {
    /// Read for drawing and dispatching; it always sees the newest state (Yew 0.23 handles
    /// are not snapshots), so it takes no part in the comparison.
    app: Latest,
    shows: Shows,
}

/// The state handle, equal to any other: what changed is told by [`Shows`].
#[derive(Clone)]
struct Latest(AppContext);

impl PartialEq for Latest {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// What the list draws from, captured when the parent renders.
#[derive(Clone)]
struct Shows {
    annotations: Arc<Vec<Annotation>>,
    orphans: Arc<Vec<Annotation>>,
    open: Option<String>,
    filter: Filter,
    current: Option<String>,
    /// The interface's language: a switch draws the list again in the new one.
    language: crate::i18n::Language,
}

impl Shows {
    fn of(m: &Model) -> Shows {
        Shows {
            annotations: m.library.annotations().clone(),
            orphans: m.library.orphans().clone(),
            open: m.session.open.clone(),
            filter: m.session.filter.clone(),
            current: m.session.current.clone(),
            language: crate::i18n::language(),
        }
    }
}

impl PartialEq for Shows {
    /// The annotations and orphans are shared until changed, so a pointer says it.
    fn eq(&self, o: &Self) -> bool {
        Arc::ptr_eq(&self.annotations, &o.annotations)
            && Arc::ptr_eq(&self.orphans, &o.orphans)
            && self.open == o.open
            && self.filter == o.filter
            && self.current == o.current
            && self.language == o.language
    }
}

/// What the list works out from the annotations, the open document and the filter: kept
/// while those are unchanged, so that growing the list or moving the selection does not
/// filter and sort 10,000 annotations again.
struct Listed {
    /// The annotations the positions point into.
    annotations: Arc<Vec<Annotation>>,
    /// The entries the filter lets through, in text order, as positions in `annotations`.
    visible: Vec<usize>,
    /// How many annotations the open document has, filtered or not.
    all: usize,
    counts: Vec<(&'static crate::codebook::Tag, usize)>,
    own_counts: Vec<(String, usize)>,
}

/// The inputs of [`Listed`], compared as [`Shows`] compares them.
struct ListedFrom {
    annotations: Arc<Vec<Annotation>>,
    open: Option<String>,
    filter: Filter,
}

impl PartialEq for ListedFrom {
    fn eq(&self, o: &Self) -> bool {
        Arc::ptr_eq(&self.annotations, &o.annotations)
            && self.open == o.open
            && self.filter == o.filter
    }
}

#[function_component(ListBody)]
fn list_body(props: &ListBodyProps) -> Html {
    let app = props.app.0.clone();
    let first = use_state(|| 0usize);
    // Drawing 150 entries costs some 100 ms (elements, then their style and layout). When
    // the list changes much at once (an import, its undo, a document opened), the first
    // FIRST entries are drawn in that frame and GROW more after each paint, out of sight
    // below them, so that no frame after the change is held up by a long one.
    // (generation, length last drawn, growth step scheduled); and (generation, entries
    // drawn in it).
    let changes = use_mut_ref(|| (0u64, usize::MAX, None::<(u64, usize)>));
    let grown = use_state(|| (0u64, 0usize));
    let model = &app.model;
    let listed = use_memo(
        ListedFrom {
            annotations: props.shows.annotations.clone(),
            open: props.shows.open.clone(),
            filter: props.shows.filter.clone(),
        },
        |from| {
            // Worked out on the state the parent captured, which `from` holds.
            let doc = from.open.as_deref().unwrap_or_default();
            let listing = listing(&from.annotations, &from.filter, doc);
            Listed {
                annotations: from.annotations.clone(),
                visible: listing.visible,
                all: listing.all,
                counts: listing.counts,
                own_counts: listing.own_counts,
            }
        },
    );
    let Some(doc) = model.open_document() else {
        return html! {};
    };
    let all = listed.all;
    let orphans = model.library.orphans_of(&doc.id);
    let orphan_view = if orphans.is_empty() {
        html! {}
    } else {
        html! {
            <section class="orphans" aria-labelledby="orphans-title">
                <h3 id="orphans-title">{ t!("list-orphans-title", count = orphans.len()) }</h3>
                <p class="empty">{ t!("list-orphans-about") }</p>
                <ul class="entries">
                    { for orphans.iter().map(|a| {
                        let delete = {
                            let app = app.clone();
                            let id = a.id.clone();
                            Callback::from(move |_: MouseEvent| app.dispatch(Action::DeleteOrphan(id.clone())))
                        };
                        html! {
                            <li class="entry orphan" key={a.id.clone()}>
                                <div class="entry-main">
                                    <span class="entry-quote">{ t!("list-quote", quote = isolate(&a.excerpt(140))) }</span>
                                    <TagChips tags={a.tags.clone()} />
                                    if !a.note.is_empty() { <span class="entry-note" title={a.note.clone()}>{ &a.note }</span> }
                                </div>
                                <div class="entry-actions">
                                    <button class="danger" onclick={delete} aria-label={t!("list-delete-orphan", quote = isolate(&a.excerpt(40)))}>{ t!("list-delete") }</button>
                                </div>
                            </li>
                        }
                    }) }
                </ul>
            </section>
        }
    };
    let visible: Vec<&Annotation> = listed
        .visible
        .iter()
        .map(|&i| &listed.annotations[i])
        .collect();
    let generation = {
        let mut c = changes.borrow_mut();
        if visible.len().abs_diff(c.1) > FIRST {
            c.0 += 1;
        }
        c.1 = visible.len();
        c.0
    };
    let page = if grown.0 == generation {
        grown.1
    } else {
        FIRST
    };
    if page < PAGE && visible.len() > page {
        let mut c = changes.borrow_mut();
        if c.2 != Some((generation, page)) {
            c.2 = Some((generation, page));
            let grown = grown.clone();
            wasm_bindgen_futures::spawn_local(async move {
                platform::after_next_paint().await;
                grown.set((generation, (page + GROW).min(PAGE)));
            });
        }
    }
    // The window of entries drawn: from `first`, moved so that the selected entry is in it.
    let mut start = (*first).min(visible.len().saturating_sub(1));
    if let Some(i) = model
        .session
        .current
        .as_deref()
        .and_then(|id| visible.iter().position(|a| a.id == id))
    {
        if i < start || i >= start + page {
            start = i.saturating_sub(page / 3);
        }
    }
    let end = (start + page).min(visible.len());
    let earlier = {
        let first = first.clone();
        Callback::from(move |_: MouseEvent| first.set(start.saturating_sub(PAGE)))
    };
    let later = {
        let first = first.clone();
        Callback::from(move |_: MouseEvent| first.set(end))
    };
    let counts = &listed.counts;
    // Read before every filter chip by screen readers: asked for once, not per chip.
    let filter_prefix = format!("{} ", t!("list-filter-prefix"));
    let filtering =
        !model.session.filter.tags.is_empty() || !model.session.filter.query.trim().is_empty();

    let oninput = {
        let app = app.clone();
        Callback::from(move |e: InputEvent| {
            app.dispatch(Action::SetQuery(
                e.target_unchecked_into::<HtmlInputElement>().value(),
            ))
        })
    };
    let clear = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::ClearFilter))
    };

    let show = |p: Panel| {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::ShowPanel(p)))
    };
    html! {
        <>
            <div class="panel-links">
                <button class="link" onclick={show(Panel::Codebook).reform(|e: MouseEvent| {
                    gloo::timers::callback::Timeout::new(0, || { crate::web::scroll::focus_id("new-code-name"); }).forget();
                    e
                })}>{ t!("list-open-codebook") }</button>
                <button class="link" onclick={show(Panel::Suggestions)}>{ t!("list-open-suggestions") }</button>
                <button class="link" onclick={show(Panel::Compare)}>{ t!("list-open-compare") }</button>
                <button class="link" onclick={print_report(&app)}>{ t!("report-print") }</button>
            </div>
            <h2 id="list-title">
                { t!("list-title") }{ " " }
                <span class="count">{ if filtering { t!("list-count-filtered", shown = visible.len(), all = all) } else { all.to_string() } }</span>
            </h2>
            { orphan_view }
            if all == 0 {
                <p class="empty">{ t!("list-empty") }</p>
            } else {
                <input class="search" type="search" placeholder={t!("list-search.placeholder")}
                       aria-label={t!("list-search")} value={model.session.filter.query.clone()} {oninput} />
                <ul class="filter-tags" aria-label={t!("list-filter-label")}>
                    { for counts.iter().map(|(tag, n)| {
                        let on = model.session.filter.tags.iter().any(|t| t == tag.id);
                        let onclick = {
                            let app = app.clone();
                            let id = tag.id.to_string();
                            Callback::from(move |_: MouseEvent| app.dispatch(Action::ToggleFilterTag(id.clone())))
                        };
                        html! {
                            <li key={tag.id}>
                                // The name is the visible text with words for the ear:
                                // "Filter: 17 Eliminate discrimination, 3".
                                <button class={classes!("filter-chip", on.then_some("on"))}
                                        style={format!("--chip:{}", tag.color)}
                                        aria-pressed={on.to_string()} title={tag.description()} {onclick}>
                                    <span class="visually-hidden">{ &filter_prefix }</span>
                                    <span class="badge">{ tag.badge() }</span>
                                    <span class="visually-hidden">{ format!(" {}, ", tag.name()) }</span>
                                    <span class="n">{ n }</span>
                                </button>
                            </li>
                        }
                    }) }
                    { for listed.own_counts.iter().map(|(id, n)| {
                        let on = model.session.filter.tags.iter().any(|t| t == id);
                        let code = model.library.codebook().code(id);
                        let (name, color) = code.map_or((id.clone(), "#eeeeee"), |c| (c.label(), c.color()));
                        let onclick = {
                            let app = app.clone();
                            let id = id.clone();
                            Callback::from(move |_: MouseEvent| app.dispatch(Action::ToggleFilterTag(id.clone())))
                        };
                        html! {
                            <li key={id.clone()}>
                                <button class={classes!("filter-chip", "own", on.then_some("on"))} title={name.clone()}
                                        style={format!("--chip:{color}")} aria-pressed={on.to_string()} {onclick}>
                                    <span class="visually-hidden">{ &filter_prefix }</span>
                                    <span class="badge">{ crate::text::clip(&name, 16).into_owned() }</span>
                                    <span class="visually-hidden">{ ", " }</span>
                                    <span class="n">{ n }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ul>
                if filtering {
                    <button class="link" onclick={clear}>{ t!("list-show-all") }</button>
                }
                if start > 0 {
                    <button class="link" onclick={earlier}>{ t!("list-show-earlier", count = start.min(PAGE)) }</button>
                }
                <ol class="entries" start={(start + 1).to_string()}>
                    { for visible[start..end].iter().map(|a| {
                        let selected = model.session.current.as_deref() == Some(a.id.as_str());
                        let onclick = select_and_show(&app, a);
                        let edit = start_edit(&app, &a.id);
                        let delete = {
                            let app = app.clone();
                            let id = a.id.clone();
                            Callback::from(move |_: MouseEvent| app.dispatch(Action::Delete(id.clone())))
                        };
                        let excerpt = a.excerpt(140);
                        let page = doc.page_label(a.start, a.end);
                        html! {
                            <li key={a.id.clone()} class={classes!("entry", selected.then_some("selected"))}
                                data-annotation-id={a.id.clone()}>
                                <button class="entry-main" {onclick} aria-current={selected.then_some("true")}>
                                    if let Some(page) = page {
                                        <span class="entry-page">{ page }</span>
                                    }
                                    // Handed out with an assignment: the teacher's, not the student's.
                                    if a.origin == crate::annotation::Origin::Given {
                                        <span class="entry-given">{ t!("assign-given") }</span>
                                    }
                                    // Settled into the gold standard (Compare).
                                    if a.origin == crate::annotation::Origin::Curated {
                                        <span class="entry-given">{ t!("gold-badge") }</span>
                                    }
                                    if a.whole_document {
                                        <span class="entry-quote whole">{ t!("list-whole-document") }</span>
                                    } else {
                                        <span class="entry-quote">{ t!("list-quote", quote = isolate(&excerpt)) }</span>
                                    }
                                    <TagChips tags={a.tags.clone()} long=true />
                                    if !a.note.is_empty() {
                                        <span class="entry-note" title={a.note.clone()}>{ &a.note }</span>
                                    }
                                </button>
                                if selected {
                                    <div class="entry-actions">
                                        <button onclick={edit} aria-label={t!("list-edit.label")}>{ t!("list-edit") }</button>
                                        <button class="danger" onclick={delete} aria-label={t!("list-delete.label")}>{ t!("list-delete") }</button>
                                    </div>
                                }
                            </li>
                        }
                    }) }
                </ol>
                if end < visible.len() {
                    <button class="link" onclick={later}>{ t!("list-show-next", next = (visible.len() - end).min(PAGE), more = visible.len() - end) }</button>
                }
            }
        </>
    }
}

/// The open document's "Print report": the teacher's tools' module draws the report of its
/// annotations and opens the print dialog.
fn print_report(app: &AppContext) -> Callback<MouseEvent> {
    let app = app.clone();
    Callback::from(move |_: MouseEvent| {
        let m = &app.model;
        let Some(doc) = m.open_document() else { return };
        let list: Vec<Annotation> = (m.library.annotations_of(&doc.id).into_iter())
            .cloned()
            .collect();
        let codes = crate::storage::StoredCodebook {
            codes: m.library.codebook().own().to_vec(),
        };
        let loaded = crate::web::teacher::print_report(
            doc,
            crate::storage::encode_chunk(&list),
            crate::storage::encode(&codes),
            m.session.annotator(),
            &crate::web::intents::teacher_receiver(&app),
        );
        let error = || t!("report-no-module");
        crate::web::teacher::say_if_not_loaded(loaded, app.dispatcher(), error);
    })
}
