//! Compare's agreement table: per tag (and overall) how many annotators used it, Fleiss' κ,
//! Krippendorff's α and Cohen's κ per pair, under short column labels (full names on hover
//! and in the legend below), with the choice of counting over coded text only and one
//! plain sentence on what κ and α mean.

use super::shared::{code_cell, col, fmt, td};
use crate::host::{send, Host, Msg};
use gcm_annotator::classroom::Annotator;
use gcm_annotator::stats::TagAgreement;
use gcm_annotator::t;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The table, its toggle and its legend.
pub fn view(host: &Host, annotators: &[Annotator], table: &[TagAgreement]) -> Html {
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
    // Past 6 annotators (15 pairs), one column per pair is unreadable and slow to draw:
    // the table shows the mean pairwise kappa, and the CSV has every pair.
    let by_pair = pairs.len() <= 15;
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
            <div class="table-wrap">
            <table class="stats" aria-label={t!("compare-agreement-table")}>
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
            <p class="hint">{ if by_pair { t!("compare-legend") } else { t!("compare-legend-mean") } }</p>
            <p class="hint">{ t!("compare-kappa-alpha") }{ " " }
                { if view.coded_only { t!("compare-over-coded") } else { t!("compare-over-all") } }{ " " }
                { t!("compare-undefined") }</p>
        </>
    }
}
