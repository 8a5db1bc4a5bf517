//! An annotation's codes as coloured chips, with the full title on hover: the GCM's tags
//! and the user's own codes.

use crate::codes::Code;
use crate::web::app_state::use_app;
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
    let app = use_app();
    let codebook = app.model.library.codebook();
    html! {
        <span class="chips">
            // A space before each chip keeps the words apart for screen readers (and in the
            // text of the enclosing button); a flex container does not draw it.
            { for props.tags.iter().filter_map(|t| codebook.code(t)).map(|c| {
                let (text, title) = match c {
                    // The long form (a card's few chips) says when the title is our translation.
                    Code::Gcm(t) if props.long && t.unofficial() => {
                        (t.label(), format!("{} ({})", t.description(), t!("tag-unofficial")))
                    }
                    Code::Gcm(t) if props.long => (t.label(), t.description()),
                    Code::Gcm(t) => (format!("{} {}", t.badge(), t.name()), t.description()),
                    Code::Own(o) => (o.name.clone(), t!("palette-own-code")),
                };
                html! {
                    <>
                        { " " }
                        <span class={classes!("chip", c.gcm().is_none().then_some("own"))}
                              style={format!("--chip:{}", c.color())} {title}>{ text }</span>
                    </>
                }
            }) }
        </span>
    }
}
