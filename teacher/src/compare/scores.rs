//! Compare's answer key: the annotator everyone is scored against (stored with its file),
//! one row per student with overall precision, recall and F1 (micro and macro) and their
//! passage count, sortable by any column (a button in each header, so the keyboard sorts
//! too; `aria-sort` says the order), the matching rule, and each student's scores per tag
//! with the passages they missed and added.

use super::shared::{code_cell, col, fmt, name_cell, short_label, show, td, Breath, Figures};
use crate::host::{send, Host, Msg};
use gcm_annotator::annotation::Annotation;
use gcm_annotator::classroom::{self, Annotator, KeyScores, StudentScores};
use gcm_annotator::state::class::Scope;
use gcm_annotator::stats::{Matching, SpanScores};
use gcm_annotator::t;
use gcm_annotator::text::{isolate, DocText};
use std::cell::Cell;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Every student's overall scores against the key, and each one's per tag.
pub type Scored = (Vec<StudentScores>, Vec<KeyScores>);

/// Who everyone is scored against: an annotator of the files (their place in the list), or
/// the teacher's gold standard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Seat(usize),
    Gold,
}

/// The key of `f`'s annotators: the one chosen among them; else the gold standard, when the
/// document has one and the teacher did not choose "no key"; else none.
pub fn key_of(host: &Host, f: &Figures) -> Option<Key> {
    match host.class.key(&host.doc.id) {
        Some(k) if k < f.annotators.len() => Some(Key::Seat(k)),
        _ if !host.gold.is_empty() && !host.class.view.no_key => Some(Key::Gold),
        _ => None,
    }
}

/// The annotators to score with `key`: `annotators`, and after them the gold standard as
/// one more when it is the key.
pub fn keyed(annotators: &[Annotator], key: Key, gold: &[Annotation]) -> Vec<Annotator> {
    let mut all = annotators.to_vec();
    if key == Key::Gold {
        all.push(Annotator {
            name: t!("gold-name"),
            id: None,
            assignment: None,
            file: String::new(),
            annotations: gold.to_vec(),
            orphans: 0,
            given: 0,
            codes: Vec::new(),
            notices: Vec::new(),
        });
    }
    all
}

/// The scores of `annotators` ([`keyed`]) against `key`, with one-to-one matching; only on
/// the tags in `scope` (an assignment's), its given examples left out, when there is one.
/// One student at a time, with a breath for the page whenever a step has taken long (a
/// class of 30 against a gold standard of 14,000 passages took 400 ms at once); `None` once
/// `stop` is set.
pub async fn score(
    annotators: Vec<Annotator>,
    key: Key,
    scope: Option<Rc<Scope>>,
    stop: Rc<Cell<bool>>,
) -> Option<Scored> {
    let mut breath = Breath::new();
    let key = match key {
        Key::Seat(k) => k,
        Key::Gold => annotators.len() - 1,
    };
    let annotators = match scope {
        Some(s) => classroom::within_scope(&annotators, &s.tags, &s.given),
        None => annotators,
    };
    let k = classroom::KeySpans::new(&annotators, key);
    let (mut students, mut per_tag) = (Vec::new(), Vec::new());
    for (i, a) in annotators.iter().enumerate().filter(|(i, _)| *i != key) {
        breath.take().await;
        if stop.get() {
            return None;
        }
        students.push(classroom::student_score(&k, i, a, Matching::Overlap));
        per_tag.push(classroom::key_scores(&k, i, a));
    }
    Some((students, per_tag))
}

/// What the scores are counted on: the assignment's tags (naming the key's tags left out),
/// or, when the files were made for an assignment whose file is not in Compare, how to
/// count on its tags only.
pub(crate) fn scope_hint(host: &Host, f: &Figures, key: Option<Key>) -> Html {
    let said = match host.class.scope(&host.doc.id) {
        Some((file, scope)) => {
            let annotations = match key {
                Some(Key::Seat(k)) => f.annotators.get(k).map(|a| &a.annotations[..]),
                Some(Key::Gold) => Some(&host.gold[..]),
                None => None,
            };
            let mut left: Vec<String> = annotations
                .unwrap_or_default()
                .iter()
                .flat_map(|a| &a.tags)
                .filter(|t| !scope.tags.contains(t))
                .map(|t| short_label(&f.annotators, t))
                .collect();
            left.dedup();
            let within = t!(
                "compare-scored-within",
                count = scope.tags.len(),
                name = isolate(file)
            );
            match left.is_empty() {
                true => within,
                false => format!(
                    "{within} {}",
                    t!("compare-left-out", tags = left.join(", "))
                ),
            }
        }
        None if f.annotators.iter().any(|a| a.assignment.is_some()) => t!("compare-add-assignment"),
        None => return Html::default(),
    };
    html! { <p class="hint scope">{ said }</p> }
}

/// A student's figure in column `c` of the table (1: passages; 2–4: micro P, R, F1; 5–7:
/// macro), as a number to sort on; `None` when undefined.
fn figure(s: &StudentScores, c: usize) -> Option<f64> {
    let pick = |x: &SpanScores, i: usize| [x.precision, x.recall, x.f1][i];
    match c {
        1 => Some(s.passages as f64),
        2..=4 => pick(&s.micro, c - 2),
        5..=7 => pick(&s.macro_avg, c - 5),
        _ => None,
    }
}

/// Each student's scores against the answer key and the key's choice; `scored` holds the
/// scores against the key chosen, if one is; `busy` while new ones are being counted (the
/// section says so with `aria-busy`, and the scores shown are the last ones).
pub fn view(
    host: &Host,
    f: &Rc<Figures>,
    key: Option<Key>,
    scored: &Rc<Option<Scored>>,
    busy: bool,
) -> Html {
    let doc = &host.doc;
    let on_key = {
        let (class, document, seats) = (host.class.clone(), doc.id.clone(), f.seats.clone());
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            // "No key" is remembered, so that the gold standard is not the key either.
            send(Msg::View(gcm_annotator::state::class::ClassView {
                no_key: v.is_empty(),
                ..class.view
            }));
            // The seat of the annotator chosen in the list shown (a file removed since means
            // none).
            let seat = v.parse::<usize>().ok().and_then(|i| seats.get(i).copied());
            // The files whose mark changes are stored again, as they are with it.
            let mut moved = (*class).clone();
            let changed = moved.set_key(&document, seat);
            let moved = Rc::new(moved);
            for e in changed {
                if let gcm_annotator::effect::Effect::SaveClassFile(n) = e {
                    send(Msg::Put(n, moved.clone()));
                }
            }
        })
    };
    let names = &f.annotators;
    html! {
        <section aria-labelledby="cmp-key" aria-busy={busy.to_string()}>
            <h3 id="cmp-key">{ t!("compare-key") }</h3>
            <label class="field"><span>{ t!("compare-key-choice") }</span>
                <select aria-label={t!("compare-key")} onchange={on_key}>
                    <option value="" selected={key.is_none()}>{ t!("compare-no-key") }</option>
                    if !host.gold.is_empty() {
                        <option value="gold" selected={key == Some(Key::Gold)}>{ t!("gold-key", count = host.gold.len()) }</option>
                    }
                    { for names.iter().enumerate().map(|(i, a)| html! {
                        <option value={i.to_string()} selected={key == Some(Key::Seat(i))}>{ format!("{}. {}", i + 1, a.name) }</option>
                    }) }
                </select>
            </label>
            if key.is_none() {
                <p class="hint">{ t!("compare-key-own") }</p>
            }
            { scope_hint(host, f, key) }
            if let Some((students, per_tag)) = scored.as_ref() {
                { students_table(host, students, names) }
                <p class="hint">{ Matching::Overlap.rule() }</p>
                <Details key={Rc::as_ptr(scored) as usize} figures={f.clone()} scored={scored.clone()}
                    doc={doc.clone()} count={per_tag.len()} language={gcm_annotator::i18n::language()} />
            }
        </section>
    }
}

/// One row per student, sorted as the teacher chose; the legend under it.
pub(crate) fn students_table(
    host: &Host,
    students: &[StudentScores],
    annotators: &[Annotator],
) -> Html {
    let view = host.class.view;
    let (column, descending) = view.sort;
    let mut rows: Vec<&StudentScores> = students.iter().collect();
    let name = |s: &StudentScores| annotators[s.annotator].name.to_lowercase();
    gcm_annotator::sort::sort_by(&mut rows, |a, b| {
        let order = match column {
            0 => name(a).cmp(&name(b)),
            // Undefined figures last, whichever way.
            c => match (figure(a, c), figure(b, c)) {
                (Some(x), Some(y)) => x.total_cmp(&y),
                (x, y) => return y.is_some().cmp(&x.is_some()),
            },
        };
        if descending {
            order.reverse()
        } else {
            order
        }
    });
    // A header that sorts: its short label, its full name on hover and to a screen reader.
    let header = |c: usize, label: String, full: String, span: (u8, u8)| {
        let sort = { Callback::from(move |_: MouseEvent| send(Msg::View(view.sorted_by(c)))) };
        let aria_sort = (c == column).then_some(if descending {
            "descending"
        } else {
            "ascending"
        });
        html! {
            <th scope="col" aria-sort={aria_sort} rowspan={span.0.to_string()} colspan={span.1.to_string()}>
                <button class="sort" onclick={sort} title={full.clone()} aria-label={full}>{ label }</button>
            </th>
        }
    };
    let three = |first: usize, average: &str| {
        let full = |column: String| {
            t!(
                "compare-column",
                column = column,
                average = average.to_string()
            )
        };
        html! {
            <>
                { header(first, t!("compare-p"), full(t!("compare-precision")), (1, 1)) }
                { header(first + 1, t!("compare-r"), full(t!("compare-recall")), (1, 1)) }
                { header(first + 2, t!("compare-f"), full(t!("compare-f1")), (1, 1)) }
            </>
        }
    };
    let (micro, macro_) = (t!("compare-micro"), t!("compare-macro"));
    html! {
        <>
            <div class="table-wrap">
            <table class="stats students" aria-label={t!("compare-students")}>
                <thead>
                    <tr>
                        { header(0, t!("compare-student"), t!("compare-student"), (2, 1)) }
                        { header(1, t!("compare-passages"), t!("compare-passages"), (2, 1)) }
                        <th scope="colgroup" colspan="3" title={t!("compare-micro.title")}>{ micro.clone() }</th>
                        <th scope="colgroup" colspan="3" title={t!("compare-macro.title")}>{ macro_.clone() }</th>
                    </tr>
                    <tr>{ three(2, &micro) }{ three(5, &macro_) }</tr>
                </thead>
                <tbody>{ for rows.iter().map(|s| {
                    let cell = |c: usize, class: &'static str| td(class, fmt(figure(s, c)));
                    html! {
                        <tr data-student={annotators[s.annotator].name.clone()}>
                            <th scope="row">{ name_cell(&annotators[s.annotator].name) }</th>
                            { td("passages", s.passages.to_string()) }
                            { cell(2, "p") }{ cell(3, "r") }{ cell(4, "f1") }
                            { cell(5, "p") }{ cell(6, "r") }{ cell(7, "f1") }
                        </tr>
                    }
                }) }</tbody>
            </table>
            </div>
            <p class="hint">{ t!("compare-students-legend") }{ " " }{ t!("compare-zero-division") }</p>
        </>
    }
}

/// How many of a student's missed or added passages are listed: a class of 30 random
/// exports scored against a gold standard of 14,000 passages listed 400,000, and the page
/// froze for over a minute.
const LISTED: usize = 20;

/// "(and n more)" under a list cut at [`LISTED`]; nothing when it was not cut.
fn more(total: usize) -> Html {
    match total > LISTED {
        true => html! { <p class="hint">{ t!("gold-more", count = total - LISTED) }</p> },
        false => Html::default(),
    }
}

/// What [`Details`] and [`Student`] draw from, compared by address (the scores of a class
/// against a gold standard are megabytes).
#[derive(Properties)]
pub struct DetailsProps {
    figures: Rc<Figures>,
    scored: Rc<Option<Scored>>,
    doc: Rc<gcm_annotator::document::Document>,
    /// How many students: [`Details`] draws them all; [`Student`] draws this one.
    count: usize,
    /// The interface's language: a switch draws the tables again, in it.
    language: gcm_annotator::i18n::Language,
}

impl PartialEq for DetailsProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.figures, &o.figures)
            && Rc::ptr_eq(&self.scored, &o.scored)
            && Rc::ptr_eq(&self.doc, &o.doc)
            && self.count == o.count
            && self.language == o.language
    }
}

/// The students drawn in one step of [`Details`].
const STUDENTS_A_STEP: usize = 3;

/// Each student's scores per tag, [`STUDENTS_A_STEP`] students a task, so that the page
/// answers meanwhile (30 students' tables and lists at once held it for 220 ms). Keyed by
/// the scores: new scores start again from the first students.
#[function_component(Details)]
fn details(p: &DetailsProps) -> Html {
    let shown = use_state(|| STUDENTS_A_STEP.min(p.count));
    {
        let (shown, count) = (shown.clone(), p.count);
        use_effect_with(*shown, move |&n| {
            let next = (n < count).then(|| {
                gloo::timers::callback::Timeout::new(0, move || {
                    shown.set((n + STUDENTS_A_STEP).min(count))
                })
            });
            move || drop(next)
        });
    }
    html! {
        { for (0..*shown).map(|i| html! {
            <Student key={i} figures={p.figures.clone()} scored={p.scored.clone()}
                doc={p.doc.clone()} count={i} language={p.language} />
        }) }
    }
}

/// The student at place `count` of [`DetailsProps::scored`]: drawn once ([`view_scores`]).
#[function_component(Student)]
fn student(p: &DetailsProps) -> Html {
    match p.scored.as_ref() {
        Some((_, per_tag)) if p.count < per_tag.len() => {
            view_scores(&per_tag[p.count], &p.figures.annotators, &p.doc.text)
        }
        _ => Html::default(),
    }
}

/// One student's scores per tag, and the key's passages they missed and those they added
/// (the first [`LISTED`] of each), each of which shows its place in the text.
fn view_scores(s: &KeyScores, annotators: &[Annotator], text: &DocText) -> Html {
    let passage = |p: &classroom::Passage| {
        let (start, end) = (p.start, p.end);
        let quote =
            gcm_annotator::annotation::excerpt(text.slice(start, end).unwrap_or_default(), 60);
        html! {
            <li><button class="link" onclick={Callback::from(move |_: MouseEvent| show(start, end))}>
                { t!("compare-passage", tag = short_label(annotators, &p.tag), quote = isolate(&quote)) }
            </button></li>
        }
    };
    let name = &annotators[s.annotator].name;
    html! {
        <div class="key-scores" data-annotator={name.clone()}>
            <h4>{ name_cell(name) }</h4>
            <div class="table-wrap">
            <table class="stats" aria-label={t!("compare-scores", name = name.clone())}>
                <thead><tr>
                    { col(t!("compare-tag"), None) }
                    { col(t!("compare-p"), Some(t!("compare-p.title"))) }
                    { col(t!("compare-r"), Some(t!("compare-r.title"))) }
                    { col(t!("compare-f"), Some(t!("compare-f.title"))) }
                    { col(t!("compare-f1-exact"), Some(t!("compare-f1-exact.title"))) }
                </tr></thead>
                <tbody>{ for s.per_tag.iter().map(|(tag, exact, overlap)| html! {
                    <tr data-tag={tag.clone()}>
                        { code_cell(annotators, tag) }
                        { td("", fmt(overlap.precision)) }{ td("", fmt(overlap.recall)) }
                        { td("f1", fmt(overlap.f1)) }{ td("", fmt(exact.f1)) }
                    </tr>
                }) }</tbody>
            </table>
            </div>
            if !s.missed.is_empty() {
                <p>{ t!("compare-missed", count = s.missed.len()) }</p>
                <ul class="plain">{ for s.missed.iter().take(LISTED).map(passage) }</ul>
                { more(s.missed.len()) }
            }
            if !s.extra.is_empty() {
                <p>{ t!("compare-extra", count = s.extra.len()) }</p>
                <ul class="plain">{ for s.extra.iter().take(LISTED).map(passage) }</ul>
                { more(s.extra.len()) }
            }
        </div>
    }
}
