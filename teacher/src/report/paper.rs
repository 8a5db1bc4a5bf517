//! What every printed report has on paper: its head (what it is, its title, the date it was
//! printed, and whose annotations it shows).

use gcm_annotator::t;
use yew::prelude::*;

/// The report's head: what it is (`kind`), its `title`, the date it is printed, and the
/// annotators whose work it shows (`by`), when they are named.
pub fn head(kind: String, title: &str, by: &[&str]) -> Html {
    let by: Vec<&str> = (by.iter().map(|n| n.trim()))
        .filter(|n| !n.is_empty())
        .collect();
    html! {
        <header>
            <p class="kind">{ kind }</p>
            <h1 dir="auto">{ title }</h1>
            <p class="meta">{ t!("report-printed", date = today()) }</p>
            if !by.is_empty() {
                <p class="meta">{ t!("report-annotated-by") }{ " " }{ names(&by) }</p>
            }
        </header>
    }
}

/// Today's date, written as the interface's language writes a long date ("2 December 2026").
fn today() -> String {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    let code = gcm_annotator::i18n::language().code();
    js_sys::Date::new_0()
        .to_locale_date_string(code, &options)
        .into()
}

/// Names from files, separated by commas, each isolated (`<bdi>`): one in a right-to-left
/// script does not turn the line around.
pub fn names(list: &[&str]) -> Html {
    list.iter()
        .enumerate()
        .map(|(i, n)| {
            html! { <>{ if i > 0 { ", " } else { "" } }<bdi>{ n.to_string() }</bdi></> }
        })
        .collect()
}
