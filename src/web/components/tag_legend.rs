//! The tag panel: the GCM codebook, objectives then guiding principles, with their colours.

use crate::codebook::{objectives, principles, Tag};
use yew::prelude::*;

fn entry(tag: &Tag) -> Html {
    html! {
        <li class="tag" title={tag.title} aria-label={tag.label()}>
            <span class="swatch" style={format!("background:{}", tag.color)} aria-hidden="true">{ tag.badge() }</span>
            <span class="tag-name">{ tag.short }</span>
        </li>
    }
}

#[function_component(TagLegend)]
pub fn tag_legend() -> Html {
    html! {
        <aside class="tags" aria-labelledby="tags-title">
            <h2 id="tags-title">{ "GCM codebook" }</h2>
            <h3>{ "23 objectives" }</h3>
            <ul class="tag-list">{ for objectives().map(entry) }</ul>
            <h3>{ "10 guiding principles" }</h3>
            <ul class="tag-list">{ for principles().map(entry) }</ul>
        </aside>
    }
}
