//! What Compare's parts share: the figures computed from the files, how a figure and a
//! code are written, a long name cut to fit, and showing a passage in the text.

use crate::host::{send, Msg};
use gcm_annotator::classroom::{self, Annotator, Disagreement, TagUse};
use gcm_annotator::decimal::fixed;
use gcm_annotator::stats::TagAgreement;
use gcm_annotator::t;
use gcm_annotator::text::Cp;
use yew::prelude::*;

/// What the loaded files hold, computed once per set of files and way of counting.
pub struct Figures {
    pub annotators: Vec<Annotator>,
    /// Where each of `annotators` comes from (its file's number, its place in the file): a
    /// choice made on these figures is made on these annotators, even when the files have
    /// changed since and new figures are on their way.
    pub seats: Vec<gcm_annotator::state::class::Seat>,
    pub table: Vec<TagAgreement>,
    pub disagreements: Vec<Disagreement>,
    pub uses: Vec<TagUse>,
    /// The passages to settle into the gold standard.
    pub items: Vec<gcm_annotator::classroom::gold::Item>,
}

/// The same figures are the same computation: compared by address, as props are on every
/// render (comparing 60,000 annotations would not be).
impl PartialEq for Figures {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Two decimals; "—" for undefined. A tiny negative (chance-level agreement) prints as 0.00,
/// not "-0.00".
pub fn fmt(v: Option<f64>) -> String {
    v.map_or_else(
        || "—".into(),
        |x| fixed(if x.abs() < 0.005 { 0.0 } else { x }, 2),
    )
}

/// A code's label: a GCM tag's, or an own code's name from the files compared; the
/// agreement table's first row, every tag together, is "Overall".
pub fn short_label(annotators: &[Annotator], tag: &str) -> String {
    match tag {
        gcm_annotator::stats::OVERALL => t!("compare-overall"),
        _ => classroom::code_label(annotators, tag),
    }
}

/// Marks a passage in the text: the app scrolls to it and selects it.
pub fn show(start: Cp, end: Cp) {
    send(Msg::Show(start, end));
}

/// A name that may be long (from a file): cut with an ellipsis where it must, whole on
/// hover.
pub fn name_cell(name: &str) -> Html {
    html! { <span class="name" title={name.to_string()}>{ name }</span> }
}

/// A column header of Compare's tables: `label`, with `title` on hover when there is one.
/// One function rather than each header's `html!` written out: a smaller first load.
#[inline(never)]
pub fn col(label: String, title: Option<String>) -> Html {
    html! { <th scope="col" title={title}>{ label }</th> }
}

/// A cell of Compare's tables: `text`, with `class` unless it is empty.
#[inline(never)]
pub fn td(class: &'static str, text: String) -> Html {
    html! { <td class={class}>{ text }</td> }
}

/// A row's header naming its code ([`short_label`]).
#[inline(never)]
pub fn code_cell(annotators: &[Annotator], tag: &str) -> Html {
    html! { <th scope="row">{ short_label(annotators, tag) }</th> }
}

/// A long computation's breaths: [`Breath::take`] lets the page answer (a task of its own
/// for what waits: input, painting) once the work since the last breath has taken
/// [`Breath::AFTER_MS`], and costs nothing otherwise, so that short steps are not each
/// delayed by a timer's minimum (4 ms once nested).
pub struct Breath {
    since: f64,
}

impl Breath {
    /// The work between two breaths, in ms: with the step that crosses it, a task stays
    /// near 50 ms.
    pub const AFTER_MS: f64 = 30.0;

    /// Counting from now.
    pub fn new() -> Breath {
        Breath {
            since: js_sys::Date::now(),
        }
    }

    /// Yields to the page if the work since the last breath took [`Breath::AFTER_MS`].
    pub async fn take(&mut self) {
        if js_sys::Date::now() - self.since >= Self::AFTER_MS {
            gloo::timers::future::TimeoutFuture::new(0).await;
            self.since = js_sys::Date::now();
        }
    }
}
