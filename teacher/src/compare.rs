//! The compare view (side panel): the exports of the open document that a teacher loaded,
//! kept in the app's state (`gcm_annotator::state::class`) so that they outlive the view and
//! a reload; their agreement per tag, the disagreements to step through, each student's
//! scores against an answer key, and the coverage of the codebook. Files are read and
//! parsed here, one at a time with progress; the figures are computed again, in steps,
//! whenever the set of files or the way agreement is counted changes.

pub(crate) mod agreement;
pub(crate) mod coverage;
mod files;
mod gold;
pub(crate) mod scores;
pub(crate) mod shared;

use crate::host::{send, Host, Msg};
use gcm_annotator::annotation::Annotation;
use gcm_annotator::classroom::Loaded;
use gcm_annotator::classroom::{self, Annotator};
use gcm_annotator::session::{Level, Progress};
use gcm_annotator::state::class::{Maker, Scope};
use gcm_annotator::t;
use gcm_annotator::text::isolate;
use gcm_annotator::web::components::file_button::FileButton;
use gcm_annotator::web::platform;
use shared::{short_label, show, Figures};
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// Compare's record of a maker: the core's annotator, field for field.
fn maker_of(a: Annotator) -> Maker {
    Maker {
        name: a.name,
        file: a.file,
        annotations: a.annotations,
        orphans: a.orphans,
        codes: a.codes,
        id: a.id,
        assignment: a.assignment,
        given: a.given,
    }
}

/// The core's annotator from Compare's record.
fn annotator_of(m: Maker) -> Annotator {
    Annotator {
        name: m.name,
        id: m.id,
        assignment: m.assignment,
        file: m.file,
        annotations: m.annotations,
        orphans: m.orphans,
        given: m.given,
        codes: m.codes,
        notices: Vec::new(),
    }
}

/// Reads the chosen files (in any format the app exports) one at a time, with progress, against the document's files
/// already in Compare; adds those the core accepts, and says why each other was refused
/// (the rest of the set does not change).
pub async fn add_files(host: Host, files: Vec<web_sys::File>) {
    let doc = &*host.doc;
    // One file at a time, with a breath between: a class of 30 exports of 2,000
    // annotations takes about a second of work, which must not freeze the page.
    let library = classroom::library_for(doc);
    let roster = host.class.roster(&doc.id);
    let mut loaded: Vec<Annotator> = roster.map(|(_, m)| annotator_of(m.clone())).collect();
    let mut added = Vec::new();
    // The assignment file in Compare, if one is (one at most): its id goes with the
    // students' files, as theirs go with each other.
    let mut scope = (host.class.scope(&doc.id)).map(|(f, s)| (f.to_string(), s.clone()));
    // Other tools' files (CSV, REFI-QDA, brat) are read by the second module into the
    // project's JSON, as an import reads them; the app's own formats are read here.
    let (other, own): (Vec<_>, Vec<_>) = files
        .into_iter()
        .partition(|f| gcm_annotator::formats::exchange::is_exchange_file(&f.name()));
    let mut reads: Vec<(String, Result<Vec<u8>, String>)> = Vec::new();
    if !other.is_empty() {
        let read = gcm_annotator::web::readers::import_other_files(other).await;
        reads.extend(
            read.into_iter()
                .map(|(n, r)| (n, r.map(String::into_bytes))),
        );
    }
    let total = reads.len() + own.len();
    let mut own = own.into_iter();
    for i in 0..total {
        send(Msg::Progress(Some(Progress {
            label: t!("compare-loading"),
            done: i,
            total,
            percent: false,
        })));
        gloo::timers::future::TimeoutFuture::new(0).await;
        let (name, read) = match own.next() {
            Some(f) => {
                let name = f.name();
                let read = gloo::file::futures::read_as_bytes(&gloo::file::Blob::from(f)).await;
                let read = read.map_err(|e| {
                    t!(
                        "compare-unreadable",
                        name = isolate(&name),
                        reason = e.to_string()
                    )
                });
                (name, read)
            }
            None => reads.remove(0),
        };
        // Named by the assignment's file in Compare, which the teacher handed out.
        let other_assignment = |new: &[Annotator], (file, s): &(String, Scope)| {
            let theirs = new.iter().find_map(|a| a.assignment.as_ref())?;
            (*theirs != s.assignment).then(|| {
                t!(
                    "class-other-handout",
                    name = isolate(&name),
                    ours = isolate(file)
                )
            })
        };
        match read.and_then(|b| classroom::load_file(doc, &library, &name, &b, &loaded)) {
            Ok(Loaded::Handout(..)) if scope.is_some() => {
                let e = t!("compare-scope-twice", name = isolate(&name));
                send(Msg::Notify(Level::Error, e));
            }
            Ok(Loaded::Handout(h, given)) => {
                let s = Scope {
                    assignment: h.id,
                    tags: h.tags,
                    given,
                };
                scope = Some((name.clone(), s.clone()));
                send(Msg::AddScope {
                    document: doc.id.clone(),
                    file: name,
                    scope: s,
                });
            }
            Ok(Loaded::Annotators(new)) => {
                if let Some(e) = scope.as_ref().and_then(|s| other_assignment(&new, s)) {
                    send(Msg::Notify(Level::Error, e));
                    continue;
                }
                for n in new.iter().flat_map(|a| &a.notices) {
                    send(Msg::Notify(Level::Info, n.clone()));
                }
                // Written now, in this file's task: the records of a class of 30 written
                // together at the end took 235–424 ms natively, in one task.
                let makers = new.iter().map(|a| maker_of(a.clone())).collect();
                let record =
                    crate::FRESH.with(|f| f.borrow_mut().record(doc.id.clone(), name, makers));
                added.push(js_sys::JsString::from(record));
                loaded.extend(new);
            }
            Err(e) => send(Msg::Notify(Level::Error, e)),
        }
    }
    // Added together: each addition would compute the figures again.
    for record in added {
        send(Msg::Add(record));
    }
    send(Msg::Progress(None));
}

/// Computes the figures of the document's files in Compare, in steps with a breath between
/// (the table, then the disagreements tag by tag), marks the disagreements and the
/// agreement in the text, and hands the figures over; stops as soon as `stop` is set (the
/// files changed, or the view closed). Until the first figures come, the view says it
/// compares.
async fn compute(host: Host, stop: Rc<Cell<bool>>, done: impl Fn(Option<Rc<Figures>>)) {
    let (class, doc) = (&host.class, &host.doc);
    // Not in the task that drew the change: copying a class of 30 is a task of its own.
    gloo::timers::future::TimeoutFuture::new(0).await;
    if stop.get() {
        return;
    }
    let (seats, annotators): (Vec<_>, Vec<Annotator>) = (class.roster(&doc.id))
        .map(|(seat, m)| (seat, annotator_of(m.clone())))
        .unzip();
    if annotators.is_empty() {
        send(Msg::Mark(Vec::new()));
        send(Msg::Agreed(Vec::new()));
        return done(None);
    }
    gloo::timers::future::TimeoutFuture::new(0).await;
    if stop.get() {
        return;
    }
    let len = doc.text.len_cp();
    // The table a tag at a time: in one go it was a task of 240 ms for a class of 30.
    let lists: Vec<Vec<&Annotation>> = annotators.iter().map(Annotator::refs).collect();
    let mut steps = classroom::table_steps(len, &annotators, class.view.coded_only);
    while !steps.step(&lists) {
        gloo::timers::future::TimeoutFuture::new(0).await;
        if stop.get() {
            return;
        }
    }
    let table = steps.finish(&lists);
    let mut disagreements = Vec::new();
    for t in classroom::codes_in_use(&annotators) {
        gloo::timers::future::TimeoutFuture::new(0).await;
        if stop.get() {
            return;
        }
        disagreements.extend(classroom::disagreements_of(&doc.text, &annotators, &t));
    }
    classroom::sort_disagreements(&mut disagreements);
    gloo::timers::future::TimeoutFuture::new(0).await;
    if stop.get() {
        return;
    }
    // The rest a piece a task too: for a class of 30 they were one task of ~150–290 ms.
    let items = classroom::gold::items(&annotators);
    gloo::timers::future::TimeoutFuture::new(0).await;
    if stop.get() {
        return;
    }
    let agreed = classroom::agreed(len, &annotators);
    gloo::timers::future::TimeoutFuture::new(0).await;
    if stop.get() {
        return;
    }
    let uses = classroom::usage(&annotators);
    send(Msg::Mark(classroom::disputed(&disagreements)));
    send(Msg::Agreed(agreed));
    done(Some(Rc::new(Figures {
        table,
        disagreements,
        uses,
        items,
        annotators,
        seats,
    })));
}

/// What the app hands Compare to draw.
#[derive(Properties, PartialEq)]
pub struct Props {
    pub host: Host,
}

#[function_component(Compare)]
pub fn compare(props: &Props) -> Html {
    let host = &props.host;
    let figures = use_state(|| None::<Rc<Figures>>);
    let step = use_state(|| 0usize);
    let doc = host.doc.clone();
    let class = &host.class;
    // What the figures depend on: the document, its files, and how agreement is counted.
    let basis = (
        class.files(&doc.id).map(|f| f.n).collect::<Vec<_>>(),
        class.view.coded_only,
        doc.id.clone(),
    );
    {
        let (host, figures, step) = (host.clone(), figures.clone(), step.clone());
        use_effect_with(basis, move |_| {
            let stop = Rc::new(Cell::new(false));
            let done = move |f| {
                figures.set(f);
                step.set(0);
            };
            wasm_bindgen_futures::spawn_local(compute(host, stop.clone(), done));
            move || stop.set(true)
        });
    }
    // The scores against the key, once per set of figures, key, scope and gold standard,
    // counted in steps; until new ones come, the last ones of the same figures stay.
    let key = figures.as_ref().and_then(|f| scores::key_of(host, f));
    // Within the assignment's tags, when its file is in Compare.
    let scope = class.scope(&doc.id).map(|(_, s)| Rc::new(s.clone()));
    let scored = use_state(|| (None::<Rc<Figures>>, Rc::new(None::<scores::Scored>)));
    let busy = use_state(|| false);
    {
        let (scored, busy) = (scored.clone(), busy.clone());
        let basis = ((*figures).clone(), key, scope, host.gold.clone());
        use_effect_with(basis, move |(f, key, scope, gold)| {
            let stop = Rc::new(Cell::new(false));
            match (f.clone(), *key) {
                (Some(f), Some(key)) => {
                    busy.set(true);
                    let annotators = scores::keyed(&f.annotators, key, gold);
                    let (scope, stop) = (scope.clone(), stop.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        if let Some(s) = scores::score(annotators, key, scope, stop).await {
                            scored.set((Some(f), Rc::new(Some(s))));
                            busy.set(false);
                        }
                    });
                }
                _ => {
                    scored.set((None, Rc::new(None)));
                    busy.set(false);
                }
            }
            move || stop.set(true)
        });
    }
    // The scores shown are of the figures shown.
    let scored = match (&scored.0, &*figures) {
        (Some(a), Some(b)) if Rc::ptr_eq(a, b) => scored.1.clone(),
        _ => Rc::new(None),
    };
    let onfiles = {
        let host = host.clone();
        Callback::from(move |files: Vec<web_sys::File>| {
            wasm_bindgen_futures::spawn_local(add_files(host.clone(), files));
        })
    };
    let close = Callback::from(|_: MouseEvent| send(Msg::Close));

    let has_files = class.files(&doc.id).next().is_some();
    // Only the assignment's file: no annotators to compare yet.
    let has_annotators = class.roster(&doc.id).next().is_some();
    let body = match (&*figures, has_annotators) {
        (_, false) => html! {
            <p class="empty">{ t!("compare-intro", title = isolate(&doc.title)) }</p>
        },
        (None, true) => html! { <p class="hint">{ t!("compare-comparing") }</p> },
        (Some(f), true) => {
            let download = {
                let (f, title) = (f.clone(), doc.title.clone());
                let annotator = host.annotator.clone();
                Callback::from(move |_: MouseEvent| {
                    let csv = classroom::table_csv(&f.annotators, &f.table);
                    let name = gcm_annotator::formats::file_name(
                        gcm_annotator::formats::Format::Agreement,
                        Some(&title),
                        &annotator,
                        platform::now(),
                    );
                    if let Err(e) = platform::download(&name, "text/csv;charset=utf-8", &csv) {
                        send(Msg::Notify(
                            Level::Error,
                            t!("compare-download-failed", reason = e.to_string()),
                        ));
                    }
                })
            };
            html! {
                <>
                    { crate::report::class_button(host, f, &scored) }
                    <section aria-labelledby="cmp-agreement">
                        <h3 id="cmp-agreement">{ t!("compare-agreement") }</h3>
                        { agreement::view(host, &f.annotators, &f.table, false) }
                        <button onclick={download}>{ t!("compare-download") }</button>
                    </section>
                    { view_disagreements(f, &step, &doc.text) }
                    <gold::Gold host={host.clone()} figures={f.clone()} />
                    { scores::view(host, f, key, &scored, *busy) }
                    { coverage::view(&f.uses, &f.annotators) }
                </>
            }
        }
    };

    // The app draws the panel (`<aside class="side compare">`); this, what is in it.
    html! {
        <>
            <h2 id="compare-title">{ t!("compare-title") }</h2>
            <div class="actions">
                <FileButton label={t!("compare-add")} input_id="compare-input" input_name={t!("compare-load-input")}
                            accept=".json,.jsonld,.jsonl,.ndjson,.qdpx,.qdc,.ann,.txt,.zip,.csv,application/json" {onfiles} />
                <button onclick={close}>{ t!("list-back") }</button>
            </div>
            // A stored file of Compare's that could not be read: kept, said here, and removed
            // only if the teacher asks.
            { for host.unread.iter().map(|(n, e)| {
                let n = *n;
                let remove = Callback::from(move |_: MouseEvent| {
                    let question = t!("compare-remove-unread-confirm");
                    let yes = web_sys::window().and_then(|w| w.confirm_with_message(&question).ok());
                    if yes == Some(true) {
                        send(Msg::Remove(n));
                    }
                });
                html! {
                    <p class="notice error" role="alert">{ e }{ " " }
                        <button class="link" onclick={remove}>{ t!("compare-remove") }</button></p>
                }
            }) }
            if has_files {
                { files::view(host) }
            }
            { body }
        </>
    }
}

/// The disagreements, one at a time, each selected in the text as it comes.
fn view_disagreements(
    f: &Rc<Figures>,
    step: &UseStateHandle<usize>,
    text: &gcm_annotator::text::DocText,
) -> Html {
    let total = f.disagreements.len();
    let current = (**step).min(total.saturating_sub(1));
    let go = |delta: isize| {
        let (step, f) = (step.clone(), f.clone());
        Callback::from(move |_: MouseEvent| {
            let list = &f.disagreements;
            if list.is_empty() {
                return;
            }
            let n = list.len() as isize;
            let next = ((current as isize + delta).rem_euclid(n)) as usize;
            step.set(next);
            show(list[next].start, list[next].end);
        })
    };
    html! {
        <section aria-labelledby="cmp-disagreements">
            <h3 id="cmp-disagreements">{ t!("compare-disagreements", count = total) }</h3>
            <p class="hint">{ t!("compare-disagreements-rule") }</p>
            if total > 0 {
                <p class="disagreement" aria-live="polite">{ {
                    let d = &f.disagreements[current];
                    let who: Vec<String> = d.tagged_by.iter().map(|i| isolate(&f.annotators[*i].name)).collect();
                    let quote = gcm_annotator::annotation::excerpt(text.slice(d.start, d.end).unwrap_or_default(), 80);
                    t!("compare-disagreement", number = current + 1, count = total, tag = short_label(&f.annotators, &d.tag),
                        who = who.join(", "), quote = isolate(&quote))
                } }</p>
                <div class="actions">
                    <button onclick={go(-1)}>{ t!("compare-previous") }</button>
                    <button onclick={go(1)}>{ t!("compare-next") }</button>
                </div>
            }
        </section>
    }
}
