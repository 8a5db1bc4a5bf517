//! An annotation's tags as coloured chips, with the full title on hover.

use crate::codebook;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TagChipsProps {
    pub tags: Vec<String>,
    /// `Objective 17: Eliminate discrimination` instead of `17 Eliminate discrimination`.
    #[prop_or_default]
    pub long: bool,
}

#[function_component(TagChips)]
pub fn tag_chips(props: &TagChipsProps) -> Html {
    html! {
        <span class="chips">
            // A space before each chip keeps the words apart for screen readers (and in the
            // text of the enclosing button); a flex container does not draw it.
            { for props.tags.iter().filter_map(|t| codebook::tag(t)).map(|t| html! {
                <>
                    { " " }
                    <span class="chip" style={format!("--chip:{}", t.color)} title={t.title}>
                        { if props.long { t.label() } else { format!("{} {}", t.badge(), t.short) } }
                    </span>
                </>
            }) }
        </span>
    }
}
