//! Compare's coverage of the codebook: a bar per tag, drawn as SVG with a text alternative,
//! and the same figures as a table; objectives nobody tagged are marked.

use super::shared::{code_cell, col, short_label, td};
use gcm_annotator::classroom::{self, Annotator, TagUse};
use gcm_annotator::codebook::{self, TagKind};
use gcm_annotator::decimal::fixed;
use gcm_annotator::t;
use yew::prelude::*;

/// The coverage dashboard: a bar per tag, drawn by the app as SVG, with a text alternative
/// and the same figures as a table. Objectives nobody tagged are marked.
pub fn view(uses: &[TagUse], annotators: &[Annotator]) -> Html {
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
                    let w = 150.0 * u.annotations as f64 / max as f64;
                    let none = u.annotations == 0;
                    html! {
                        <g>
                            <text x="0" y={fixed(y + 11.0, 1)} font-size="10" class={classes!(none.then_some("none"))}>
                                { t.map(|t| t.badge()).unwrap_or_else(|| gcm_annotator::text::clip(&short_label(annotators, &u.tag), 4).into_owned()) }
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
                    <thead><tr>{ col(t!("compare-tag"), None) }{ col(t!("compare-annotations"), None) }{ col(t!("compare-annotators-column"), None) }</tr></thead>
                    <tbody>{ for uses.iter().map(|u| html! {
                        <tr class={classes!((u.annotations == 0).then_some("untagged"))}>
                            { code_cell(annotators, &u.tag) }{ td("", u.annotations.to_string()) }{ td("", u.annotators.to_string()) }
                        </tr>
                    }) }</tbody>
                </table>
            </details>
        </section>
    }
}
