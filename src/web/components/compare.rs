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

/// A code's label: a GCM tag's, or an own code's name from the files compared.
fn short_label(annotators: &[classroom::Annotator], tag: &str) -> String {
    classroom::code_label(annotators, tag)
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
                        label: "Loading exports".into(),
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
                                format!("“\u{2068}{name}\u{2069}” could not be read: {e}."),
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
                    label: "Comparing annotators".into(),
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
            <p class="empty">{ format!("Load the exports of “\u{2068}{}\u{2069}” made by several annotators (GCM Annotator JSON, W3C JSON-LD or doccano JSONL) to see where they agree. In the text, a dashed amber underline marks where they disagree, a solid green one where all of them agree.", doc.title) }</p>
        },
        Some(l) => {
            let names: Vec<String> = l.annotators.iter().map(|a| a.name.clone()).collect();
            let download = {
                let l = l.clone();
                let app = app.clone();
                let title = doc.title.clone();
                Callback::from(move |_: MouseEvent| {
                    let csv = classroom::table_csv(&l.annotators, &l.table);
                    let name = format!(
                        "gcm-{}-agreement-{}.csv",
                        crate::formats::slugify(&title),
                        &crate::formats::time::iso8601(platform::now())[..10]
                    );
                    if let Err(e) = platform::download(&name, "text/csv;charset=utf-8", &csv) {
                        app.dispatch(Action::Notify(
                            Level::Error,
                            format!("Download failed: {e}."),
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
                        <h3 id="cmp-annotators">{ if names.len() == 1 { "1 annotator".to_string() } else { format!("{} annotators", names.len()) } }</h3>
                        <ul class="plain">{ for l.annotators.iter().map(|a| html! {
                            <li>{ format!("{} — {} annotations ({})", isolate(&a.name), a.annotations.len(), isolate(&a.file)) }
                                if a.orphans > 0 { { format!(", {} not placed", a.orphans) } }</li>
                        }) }</ul>
                    </section>
                    <section aria-labelledby="cmp-agreement">
                        <h3 id="cmp-agreement">{ "Agreement over characters, overall and per tag" }</h3>
                        <div class="table-wrap">
                        <table class="stats" aria-label="Agreement per tag">
                            <thead><tr>
                                <th scope="col">{ "Tag" }</th>
                                <th scope="col">{ "Used by" }</th>
                                <th scope="col" title="Fleiss' kappa">{ "Fleiss κ" }</th>
                                <th scope="col" title="Krippendorff's alpha, nominal">{ "α" }</th>
                                if by_pair {
                                    { for pairs.iter().map(|(i, j)| html! { <th scope="col">{ format!("κ {} · {}", names[*i], names[*j]) }</th> }) }
                                } else {
                                    <th scope="col" title="Mean of Cohen's kappa over every pair">{ "Mean pairwise κ" }</th>
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
                        <p class="hint">{ "— : undefined (nobody, or everybody, tagged the whole text with it)." }</p>
                        <button onclick={download}>{ "Download statistics (CSV)" }</button>
                    </section>
                    <section aria-labelledby="cmp-disagreements">
                        <h3 id="cmp-disagreements">{ format!("Disagreements: {total}") }</h3>
                        if total > 0 {
                            <p class="disagreement" aria-live="polite">{ {
                                let d = &l.disagreements[current];
                                let who: Vec<String> = d.tagged_by.iter().map(|i| isolate(&names[*i])).collect();
                                format!("{} of {total}: {} — tagged by {}; “\u{2068}{}\u{2069}”", current + 1, short_label(&l.annotators, &d.tag), who.join(", "),
                                    doc.text.slice(d.start, d.end).unwrap_or_default().chars().take(80).collect::<String>())
                            } }</p>
                            <div class="actions">
                                <button onclick={go(-1)}>{ "Previous disagreement" }</button>
                                <button onclick={go(1)}>{ "Next disagreement" }</button>
                            </div>
                        }
                    </section>
                    <section aria-labelledby="cmp-key">
                        <h3 id="cmp-key">{ "Answer key" }</h3>
                        <label class="field"><span>{ "Score everyone against" }</span>
                            <select aria-label="Answer key" onchange={on_key}>
                                <option value="" selected={key.is_none()}>{ "(no answer key)" }</option>
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
            <h2 id="compare-title">{ "Compare annotators" }</h2>
            <div class="actions">
                <FileButton label="Load exports…" input_id="compare-input" input_name="Load annotators' exports"
                            accept=".json,.jsonld,.jsonl,.ndjson,application/json" {onfiles} />
                <button onclick={close}>{ "Back to my annotations" }</button>
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
                { format!("{}: “\u{2068}{quote}\u{2069}”", short_label(annotators, &p.tag)) }
            </button></li>
        }
    };
    html! {
        <div class="key-scores" data-annotator={names[s.annotator].clone()}>
            <h4>{ &names[s.annotator] }</h4>
            <div class="table-wrap">
            <table class="stats" aria-label={format!("Scores of {}", names[s.annotator])}>
                <thead><tr>
                    <th scope="col">{ "Tag" }</th>
                    <th scope="col">{ "Precision" }</th><th scope="col">{ "Recall" }</th><th scope="col">{ "F1" }</th>
                    <th scope="col" title="Exact span match">{ "F1 exact" }</th>
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
                <p>{ format!("Missed ({})", s.missed.len()) }</p>
                <ul class="plain">{ for s.missed.iter().map(passage) }</ul>
            }
            if !s.extra.is_empty() {
                <p>{ format!("Extra ({})", s.extra.len()) }</p>
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
    let desc = format!(
        "{} of 23 objectives and {} of 10 principles were tagged. Not tagged: {}.",
        uses.iter()
            .filter(|u| u.annotations > 0
                && codebook::tag(&u.tag).is_some_and(|t| t.kind == TagKind::Objective))
            .count(),
        uses.iter()
            .filter(|u| u.annotations > 0
                && codebook::tag(&u.tag).is_some_and(|t| t.kind == TagKind::Principle))
            .count(),
        if untagged.is_empty() {
            "none".to_string()
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
            <h3 id="cmp-coverage">{ "Coverage of the codebook" }</h3>
            <svg class="coverage" role="img" aria-labelledby="cov-title cov-desc" viewBox={format!("0 0 300 {}", fixed(height, 0))}
                 width="100%" preserveAspectRatio="xMinYMin meet">
                <title id="cov-title">{ "Annotations per objective and principle" }</title>
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
                                { if none { "not tagged".to_string() } else { format!("{} by {}", u.annotations, u.annotators) } }
                            </text>
                        </g>
                    }
                }) }
            </svg>
            <details>
                <summary>{ "The same as a table" }</summary>
                <table class="stats" aria-label="Coverage of the codebook">
                    <thead><tr><th scope="col">{ "Tag" }</th><th scope="col">{ "Annotations" }</th><th scope="col">{ "Annotators" }</th></tr></thead>
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
