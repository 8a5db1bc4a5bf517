//! A field's length while it is typed, once it nears its limit ([`crate::fields`]): the
//! limit is said before Save cuts the value, not only after.

use crate::fields::Field;
use crate::web::app_state::AppContext;
use yew::prelude::*;

/// Props: the field (for its limit and noun) and its value as typed.
#[derive(Properties, PartialEq)]
pub struct LengthHintProps {
    pub field: Field,
    pub value: String,
}

/// Nothing until the value passes 90% of the limit; then "9,500 of 10,000 characters", and
/// past it a warning that the rest will be cut when saved. Counts code points, the unit of
/// the limits.
#[function_component]
pub fn LengthHint(props: &LengthHintProps) -> Html {
    // Redrawn in the new language when the language changes. Without the app around it (in
    // the assignment form, which the teacher's tools' module draws) it is drawn again when
    // its value changes.
    let _app = use_context::<AppContext>();
    let limit = props.field.limit();
    // Cheap: at most a few hundred KB are typed into a field, counted once per key press.
    let n = props.value.chars().count();
    if n * 10 < limit * 9 {
        return html! {};
    }
    let text = if n <= limit {
        t!("length-near", count = n, limit = limit)
    } else {
        t!(
            "length-over",
            count = n,
            field = props.field.noun(),
            limit = limit
        )
    };
    let class = if n > limit {
        "length-hint over"
    } else {
        "length-hint"
    };
    html! { <p {class} role="status">{ text }</p> }
}
