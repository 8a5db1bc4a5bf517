//! Compare's agreement table: per tag (and overall) how many annotators used it, Fleiss' κ,
//! Krippendorff's α and Cohen's κ per pair, under short column labels (full names on hover
//! and in the legend below), with the choice of counting over coded text only and one
//! plain sentence on what κ and α mean. Past [`INLINE_PAIRS`] pairs the table shows their
//! mean, and Cohen's κ of every pair is a second table behind a toggle, in a box of its own
//! that scrolls sideways (and takes the keyboard's focus to do so).

use super::shared::{code_cell, col, fmt, td};
use crate::host::{send, Host, Msg};
use gcm_annotator::classroom::Annotator;
use gcm_annotator::stats::TagAgreement;
use gcm_annotator::t;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The most pairs of annotators (3 annotators) whose Cohen's κ are columns of the main
/// table: with 5 annotators, 10 pair columns made it wider than the panel at 1920 px.
pub const INLINE_PAIRS: usize = 3;

/// The table, its toggle and its legend; Cohen's κ of every pair, past [`INLINE_PAIRS`],
/// folded (shown when `pairs_open`, as the printed report does).
pub fn view(
    host: &Host,
    annotators: &[Annotator],
    table: &[TagAgreement],
    pairs_open: bool,
) -> Html {
    let view = host.class.view;
    let toggle = Callback::from(move |e: Event| {
        let coded_only = e.target_unchecked_into::<HtmlInputElement>().checked();
        send(Msg::View(gcm_annotator::state::class::ClassView {
            coded_only,
            ..view
        }));
    });
    let used: Vec<&TagAgreement> = table.iter().filter(|r| r.used_by > 0).collect();
    let pairs: Vec<(usize, usize)> = used
        .first()
        .map(|r| r.cohen.iter().map(|(i, j, _)| (*i, *j)).collect())
        .unwrap_or_default();
    // A few pairs are columns of the table; more, their mean, with every pair behind a
    // toggle up to 6 annotators (15 pairs): past that, one column per pair is unreadable
    // and slow to draw, and the CSV has every pair.
    let by_pair = pairs.len() <= INLINE_PAIRS;
    let folded = !by_pair && pairs.len() <= 15;
    let mean = |r: &TagAgreement| {
        let defined: Vec<f64> = r.cohen.iter().filter_map(|(_, _, k)| *k).collect();
        (!defined.is_empty()).then(|| defined.iter().sum::<f64>() / defined.len() as f64)
    };
    // Annotators by their number in the list of files (1 is the first).
    let pair_title = |i: usize, j: usize| {
        t!(
            "compare-cohen-pair.title",
            first = annotators[i].name.clone(),
            second = annotators[j].name.clone()
        )
    };
    html! {
        <>
            <label class="check">
                <input type="checkbox" checked={view.coded_only} onchange={toggle} />
                { t!("compare-coded-only") }
            </label>
            <div class="table-wrap" tabindex="0" role="region" aria-label={t!("compare-agreement-table")}>
            <table class="stats agreement" aria-label={t!("compare-agreement-table")}>
                <thead><tr>
                    { col(t!("compare-tag"), None) }
                    { col(t!("compare-used-by"), Some(t!("compare-used-by.title"))) }
                    { col(t!("compare-fleiss"), Some(t!("compare-fleiss.title"))) }
                    { col(t!("compare-alpha"), Some(t!("compare-alpha.title"))) }
                    if by_pair {
                        { for pairs.iter().map(|(i, j)| {
                            col(t!("compare-cohen-pair", first = i + 1, second = j + 1), Some(pair_title(*i, *j)))
                        }) }
                    } else {
                        { col(t!("compare-cohen-mean"), Some(t!("compare-cohen-mean.title"))) }
                    }
                </tr></thead>
                <tbody>{ for used.iter().map(|r| html! {
                    <tr data-tag={r.tag.clone()}>
                        { code_cell(annotators, &r.tag) }
                        { td("", r.used_by.to_string()) }
                        { td("fleiss", fmt(r.fleiss)) }
                        { td("alpha", fmt(r.alpha)) }
                        if by_pair {
                            { for r.cohen.iter().map(|(_, _, k)| td("cohen", fmt(*k))) }
                        } else {
                            { td("cohen-mean", fmt(mean(r))) }
                        }
                    </tr>
                }) }</tbody>
            </table>
            </div>
            if folded {
                <details class="pairs" open={pairs_open}>
                    <summary>{ t!("compare-pairs-toggle", count = pairs.len()) }</summary>
                    <div class="table-wrap" tabindex="0" role="region" aria-label={t!("compare-pairs-table")}>
                    <table class="stats pairs" aria-label={t!("compare-pairs-table")}>
                        <thead><tr>
                            { col(t!("compare-tag"), None) }
                            { for pairs.iter().map(|(i, j)| {
                                col(t!("compare-cohen-pair", first = i + 1, second = j + 1), Some(pair_title(*i, *j)))
                            }) }
                        </tr></thead>
                        <tbody>{ for used.iter().map(|r| html! {
                            <tr data-tag={r.tag.clone()}>
                                { code_cell(annotators, &r.tag) }
                                { for r.cohen.iter().map(|(_, _, k)| td("cohen", fmt(*k))) }
                            </tr>
                        }) }</tbody>
                    </table>
                    </div>
                </details>
            }
            <p class="hint">{ if by_pair { t!("compare-legend") } else if folded { t!("compare-legend-folded") } else { t!("compare-legend-mean") } }</p>
            <p class="hint">{ t!("compare-kappa-alpha") }{ " " }
                { if view.coded_only { t!("compare-over-coded") } else { t!("compare-over-all") } }{ " " }
                { t!("compare-undefined") }</p>
        </>
    }
}
