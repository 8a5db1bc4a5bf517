//! The compare view (side panel): several annotators' exports of the open document, their
//! agreement per tag, the disagreements to step through, an answer key with each
//! annotator's scores and missed and extra passages, and the coverage of the codebook as a
//! chart and a table. Nothing here is saved: it reads files and shows what they hold.

use crate::classroom::{self, Annotator, Disagreement, KeyScores, TagUse};
use crate::codebook::{self, TagKind};
use crate::decimal::fixed;
use crate::session::{Level, Panel, Progress};
use crate::state::Action;
use crate::stats::TagAgreement;
use crate::text::{isolate, Cp};
use crate::web::app_state::use_app;
use crate::web::components::file_button::FileButton;
use crate::web::{platform, scroll, text_view};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// What the loaded files hold, computed once per load.
#[derive(Clone, PartialEq)]
struct Loaded {
    annotators: Vec<Annotator>,
    table: Vec<TagAgreement>,
    disagreements: Vec<Disagreement>,
    uses: Vec<TagUse>,
}

/// Two decimals; "—" for undefined. A tiny negative (chance-level agreement) prints as 0.00,
/// not "-0.00".
fn fmt(v: Option<f64>) -> String {
    v.map_or_else(
        || "—".into(),
        |x| fixed(if x.abs() < 0.005 { 0.0 } else { x }, 2),
    )
}

/// A code's label: a GCM tag's, or an own code's name from the files compared; the
/// agreement table's first row, every tag together, is "Overall".
fn short_label(annotators: &[classroom::Annotator], tag: &str) -> String {
    match tag {
        crate::stats::OVERALL => t!("compare-overall"),
        _ => classroom::code_label(annotators, tag),
    }
}

/// Marks a passage in the text: scrolls to it and selects it.
fn show(start: Cp, end: Cp) {
    scroll::scroll_to_span(start, end);
    text_view::select_span(start, end);
}

#[function_component(Compare)]
pub fn compare() -> Html {
    let app = use_app();
    let loaded = use_state(|| None::<Loaded>);
    let key = use_state(|| None::<usize>);
    let step = use_state(|| 0usize);
    let Some(doc) = app.model.open_document().cloned() else {
        return html! {};
    };

    let onfiles = {
        let (app, loaded, key, step, doc) = (
            app.clone(),
            loaded.clone(),
            key.clone(),
            step.clone(),
            doc.clone(),
        );
        Callback::from(move |files: Vec<web_sys::File>| {
            let (app, loaded, key, step, doc) = (
                app.clone(),
                loaded.clone(),
                key.clone(),
                step.clone(),
                doc.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                // One file at a time, with a breath between: a class of 30 exports of 2,000
                // annotations takes about a second of work, which must not freeze the page.
                let total = files.len();
                let library = classroom::library_for(&doc);
                let mut annotators: Vec<Annotator> = Vec::new();
                for (i, f) in files.into_iter().enumerate() {
                    app.dispatch(Action::Progress(Some(Progress {
                        label: t!("compare-loading"),
                        done: i,
                        total,
                        percent: false,
                    })));
                    gloo::timers::future::TimeoutFuture::new(0).await;
                    let name = f.name();
                    let bytes = match gloo::file::futures::read_as_bytes(&gloo::file::Blob::from(f))
                        .await
                    {
                        Ok(b) => b,
                        Err(e) => {
                            app.dispatch(Action::Notify(
                                Level::Error,
                                t!(
                                    "compare-unreadable",
                                    name = isolate(&name),
                                    reason = e.to_string()
                                ),
                            ));
                            continue;
                        }
                    };
                    let taken: Vec<String> = annotators.iter().map(|a| a.name.clone()).collect();
                    match classroom::load_one(&doc, &library, &name, &bytes, &taken) {
                        Ok(a) => annotators.push(a),
                        Err(e) => app.dispatch(Action::Notify(Level::Error, e)),
                    }
                }
                app.dispatch(Action::Progress(Some(Progress {
                    label: t!("compare-comparing"),
                    done: total,
                    total,
                    percent: false,
                })));
                gloo::timers::future::TimeoutFuture::new(0).await;
                // The comparison in steps too: the table, then the disagreements tag by tag.
                let len = doc.text.len_cp();
                let table = classroom::table(len, &annotators);
                let mut disagreements = Vec::new();
                for t in classroom::codes_in_use(&annotators) {
                    gloo::timers::future::TimeoutFuture::new(0).await;
                    disagreements.extend(classroom::disagreements_of(len, &annotators, &t));
                }
                classroom::sort_disagreements(&mut disagreements);
                app.dispatch(Action::Mark(classroom::disputed(&disagreements)));
                app.dispatch(Action::MarkAgreed(classroom::agreed(len, &annotators)));
                loaded.set(Some(Loaded {
                    table,
                    disagreements,
                    uses: classroom::usage(&annotators),
                    annotators,
                }));
                app.dispatch(Action::Progress(None));
                key.set(None);
                step.set(0);
            });
        })
    };
    let close = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::ShowPanel(Panel::Annotations)))
    };

    let body = match &*loaded {
        None => html! {
            <p class="empty">{ t!("compare-intro", title = isolate(&doc.title)) }</p>
        },
        Some(l) => {
            let names: Vec<String> = l.annotators.iter().map(|a| a.name.clone()).collect();
            let download = {
                let l = l.clone();
                let app = app.clone();
                let title = doc.title.clone();
                let annotator = app.model.session.annotator();
                Callback::from(move |_: MouseEvent| {
                    let csv = classroom::table_csv(&l.annotators, &l.table);
                    let name = crate::formats::file_name(
                        crate::formats::Format::Agreement,
                        Some(&title),
                        &annotator,
                        platform::now(),
                    );
                    if let Err(e) = platform::download(&name, "text/csv;charset=utf-8", &csv) {
                        app.dispatch(Action::Notify(
                            Level::Error,
                            t!("compare-download-failed", reason = e.to_string()),
                        ));
                    }
                })
            };
            let on_key = {
                let key = key.clone();
                Callback::from(move |e: Event| {
                    let v = e.target_unchecked_into::<HtmlSelectElement>().value();
                    key.set(v.parse::<usize>().ok());
                })
            };
            let used: Vec<&TagAgreement> = l.table.iter().filter(|r| r.used_by > 0).collect();
            let pairs: Vec<(usize, usize)> = used
                .first()
                .map(|r| r.cohen.iter().map(|(i, j, _)| (*i, *j)).collect())
                .unwrap_or_default();
            // Past 6 annotators (15 pairs), one column per pair is unreadable and slow to draw:
            // the table shows the mean pairwise kappa, and the CSV has every pair.
            let by_pair = pairs.len() <= 15;
            let mean = |r: &TagAgreement| {
                let defined: Vec<f64> = r.cohen.iter().filter_map(|(_, _, k)| *k).collect();
                (!defined.is_empty()).then(|| defined.iter().sum::<f64>() / defined.len() as f64)
            };
            let total = l.disagreements.len();
            let current = (*step).min(total.saturating_sub(1));
            let go = |delta: isize| {
                let step = step.clone();
                let list = l.disagreements.clone();
                Callback::from(move |_: MouseEvent| {
                    if list.is_empty() {
                        return;
                    }
                    let n = list.len() as isize;
                    let next = ((current as isize + delta).rem_euclid(n)) as usize;
                    step.set(next);
                    show(list[next].start, list[next].end);
                })
            };
            let scores: Vec<KeyScores> = key
                .map(|k| classroom::answer_key(&l.annotators, k))
                .unwrap_or_default();
            html! {
                <>
                    <section aria-labelledby="cmp-annotators">
                        <h3 id="cmp-annotators">{ t!("compare-annotators", count = names.len()) }</h3>
                        <ul class="plain">{ for l.annotators.iter().map(|a| html! {
                            <li>{ t!("compare-annotator", name = isolate(&a.name), count = a.annotations.len(), file = isolate(&a.file)) }
                                if a.orphans > 0 { { t!("compare-not-placed", count = a.orphans) } }</li>
                        }) }</ul>
                    </section>
                    <section aria-labelledby="cmp-agreement">
                        <h3 id="cmp-agreement">{ t!("compare-agreement") }</h3>
                        <div class="table-wrap">
                        <table class="stats" aria-label={t!("compare-agreement-table")}>
                            <thead><tr>
                                <th scope="col">{ t!("compare-tag") }</th>
                                <th scope="col">{ t!("compare-used-by") }</th>
                                <th scope="col" title={t!("compare-fleiss.title")}>{ t!("compare-fleiss") }</th>
                                <th scope="col" title={t!("compare-alpha.title")}>{ t!("compare-alpha") }</th>
                                if by_pair {
                                    { for pairs.iter().map(|(i, j)| html! {
                                        <th scope="col" title={t!("compare-cohen-pair.title")}>{ t!("compare-cohen-pair", first = names[*i], second = names[*j]) }</th>
                                    }) }
                                } else {
                                    <th scope="col" title={t!("compare-cohen-mean.title")}>{ t!("compare-cohen-mean") }</th>
                                }
                            </tr></thead>
                            <tbody>{ for used.iter().map(|r| html! {
                                <tr data-tag={r.tag.clone()}>
                                    <th scope="row">{ short_label(&l.annotators, &r.tag) }</th>
                                    <td>{ r.used_by }</td>
                                    <td class="fleiss">{ fmt(r.fleiss) }</td>
                                    <td class="alpha">{ fmt(r.alpha) }</td>
                                    if by_pair {
                                        { for r.cohen.iter().map(|(_, _, k)| html! { <td class="cohen">{ fmt(*k) }</td> }) }
                                    } else {
                                        <td class="cohen-mean">{ fmt(mean(r)) }</td>
                                    }
                                </tr>
                            }) }</tbody>
                        </table>
                        </div>
                        <p class="hint">{ t!("compare-undefined") }</p>
                        <button onclick={download}>{ t!("compare-download") }</button>
                    </section>
                    <section aria-labelledby="cmp-disagreements">
                        <h3 id="cmp-disagreements">{ t!("compare-disagreements", count = total) }</h3>
                        if total > 0 {
                            <p class="disagreement" aria-live="polite">{ {
                                let d = &l.disagreements[current];
                                let who: Vec<String> = d.tagged_by.iter().map(|i| isolate(&names[*i])).collect();
                                let quote: String = doc.text.slice(d.start, d.end).unwrap_or_default().chars().take(80).collect();
                                t!("compare-disagreement", number = current + 1, count = total, tag = short_label(&l.annotators, &d.tag),
                                    who = who.join(", "), quote = isolate(&quote))
                            } }</p>
                            <div class="actions">
                                <button onclick={go(-1)}>{ t!("compare-previous") }</button>
                                <button onclick={go(1)}>{ t!("compare-next") }</button>
                            </div>
                        }
                    </section>
                    <section aria-labelledby="cmp-key">
                        <h3 id="cmp-key">{ t!("compare-key") }</h3>
                        <label class="field"><span>{ t!("compare-key-choice") }</span>
                            <select aria-label={t!("compare-key")} onchange={on_key}>
                                <option value="" selected={key.is_none()}>{ t!("compare-no-key") }</option>
                                { for names.iter().enumerate().map(|(i, n)| html! { <option value={i.to_string()} selected={*key == Some(i)}>{ n }</option> }) }
                            </select>
                        </label>
                        { for scores.iter().map(|s| view_scores(s, &names, &doc.text, &l.annotators)) }
                    </section>
                    { view_coverage(&l.uses, &l.annotators) }
                </>
            }
        }
    };

    html! {
        <aside class="side compare" aria-labelledby="compare-title" tabindex="0">
            <h2 id="compare-title">{ t!("compare-title") }</h2>
            <div class="actions">
                <FileButton label={t!("compare-load")} input_id="compare-input" input_name={t!("compare-load-input")}
                            accept=".json,.jsonld,.jsonl,.ndjson,application/json" {onfiles} />
                <button onclick={close}>{ t!("list-back") }</button>
            </div>
            { body }
        </aside>
    }
}

fn view_scores(
    s: &KeyScores,
    names: &[String],
    text: &crate::text::DocText,
    annotators: &[classroom::Annotator],
) -> Html {
    let passage = |p: &classroom::Passage| {
        let (start, end) = (p.start, p.end);
        let quote: String = text
            .slice(start, end)
            .unwrap_or_default()
            .chars()
            .take(60)
            .collect();
        html! {
            <li><button class="link" onclick={Callback::from(move |_: MouseEvent| show(start, end))}>
                { t!("compare-passage", tag = short_label(annotators, &p.tag), quote = isolate(&quote)) }
            </button></li>
        }
    };
    html! {
        <div class="key-scores" data-annotator={names[s.annotator].clone()}>
            <h4>{ &names[s.annotator] }</h4>
            <div class="table-wrap">
            <table class="stats" aria-label={t!("compare-scores", name = names[s.annotator])}>
                <thead><tr>
                    <th scope="col">{ t!("compare-tag") }</th>
                    <th scope="col">{ t!("compare-precision") }</th><th scope="col">{ t!("compare-recall") }</th><th scope="col">{ t!("compare-f1") }</th>
                    <th scope="col" title={t!("compare-f1-exact.title")}>{ t!("compare-f1-exact") }</th>
                </tr></thead>
                <tbody>{ for s.per_tag.iter().map(|(tag, exact, overlap)| html! {
                    <tr data-tag={tag.clone()}>
                        <th scope="row">{ short_label(annotators, tag) }</th>
                        <td>{ fmt(overlap.precision) }</td><td>{ fmt(overlap.recall) }</td>
                        <td class="f1">{ fmt(overlap.f1) }</td><td>{ fmt(exact.f1) }</td>
                    </tr>
                }) }</tbody>
            </table>
            </div>
            if !s.missed.is_empty() {
                <p>{ t!("compare-missed", count = s.missed.len()) }</p>
                <ul class="plain">{ for s.missed.iter().map(passage) }</ul>
            }
            if !s.extra.is_empty() {
                <p>{ t!("compare-extra", count = s.extra.len()) }</p>
                <ul class="plain">{ for s.extra.iter().map(passage) }</ul>
            }
        </div>
    }
}

/// The coverage dashboard: a bar per tag, drawn by the app as SVG, with a text alternative
/// and the same figures as a table. Objectives nobody tagged are marked.
fn view_coverage(uses: &[TagUse], annotators: &[classroom::Annotator]) -> Html {
    let max = uses.iter().map(|u| u.annotations).max().unwrap_or(0).max(1);
    let untagged = classroom::untagged_objectives(uses);
    let row_h = 16.0;
    let height = row_h * uses.len() as f64 + 10.0;
    let tagged = |kind: TagKind| {
        uses.iter()
            .filter(|u| u.annotations > 0 && codebook::tag(&u.tag).is_some_and(|t| t.kind == kind))
            .count()
    };
    let desc = t!(
        "compare-coverage-summary",
        objectives = tagged(TagKind::Objective),
        principles = tagged(TagKind::Principle),
        untagged = if untagged.is_empty() {
            t!("compare-none")
        } else {
            untagged
                .iter()
                .map(|t| short_label(annotators, t))
                .collect::<Vec<_>>()
                .join(", ")
        }
    );
    html! {
        <section aria-labelledby="cmp-coverage">
            <h3 id="cmp-coverage">{ t!("compare-coverage") }</h3>
            <svg class="coverage" role="img" aria-labelledby="cov-title cov-desc" viewBox={format!("0 0 300 {}", fixed(height, 0))}
                 width="100%" preserveAspectRatio="xMinYMin meet">
                <title id="cov-title">{ t!("compare-coverage-chart") }</title>
                <desc id="cov-desc">{ desc.clone() }</desc>
                { for uses.iter().enumerate().map(|(i, u)| {
                    let t = codebook::tag(&u.tag);
                    let y = 5.0 + row_h * i as f64;
                    let w = 170.0 * u.annotations as f64 / max as f64;
                    let none = u.annotations == 0;
                    html! {
                        <g>
                            <text x="0" y={fixed(y + 11.0, 1)} font-size="10" class={classes!(none.then_some("none"))}>
                                { t.map(|t| t.badge()).unwrap_or_else(|| crate::text::clip(&short_label(annotators, &u.tag), 4).into_owned()) }
                            </text>
                            <rect x="30" y={fixed(y, 1)} width={fixed(w, 1)} height="12"
                                  fill={t.map(|t| t.color).unwrap_or("#ccc")} stroke-width="0.5" />
                            <text x={fixed(34.0 + w, 1)} y={fixed(y + 11.0, 1)} font-size="10"
                                  class={classes!(none.then_some("none"))}>
                                { if none { t!("compare-not-tagged") } else { t!("compare-bar", count = u.annotations, annotators = u.annotators) } }
                            </text>
                        </g>
                    }
                }) }
            </svg>
            <details>
                <summary>{ t!("compare-as-table") }</summary>
                <table class="stats" aria-label={t!("compare-coverage")}>
                    <thead><tr><th scope="col">{ t!("compare-tag") }</th><th scope="col">{ t!("compare-annotations") }</th><th scope="col">{ t!("compare-annotators-column") }</th></tr></thead>
                    <tbody>{ for uses.iter().map(|u| html! {
                        <tr class={classes!((u.annotations == 0).then_some("untagged"))}>
                            <th scope="row">{ short_label(annotators, &u.tag) }</th><td>{ u.annotations }</td><td>{ u.annotators }</td>
                        </tr>
                    }) }</tbody>
                </table>
            </details>
        </section>
    }
}
