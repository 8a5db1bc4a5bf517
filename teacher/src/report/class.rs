//! The report of a class, printed from Compare: the annotators compared (numbered, as the
//! agreement table's pair columns name them), each student's scores against the answer key
//! when one is chosen, the agreement table, and every disagreement with its passage. The
//! tables are Compare's own; report.css sets them for paper.

use crate::compare::agreement;
use crate::compare::scores::{self, Scored};
use crate::compare::shared::{short_label, Figures};
use crate::host::Host;
use gcm_annotator::classroom::gold;
use gcm_annotator::stats::Matching;
use gcm_annotator::t;
use gcm_annotator::text::isolate;
use std::rc::Rc;
use yew::prelude::*;

/// What a class's report shows: Compare's hand-over, its figures and its scores.
pub struct Data {
    /// What the app handed Compare: the document, its files, how they are looked at.
    pub host: Host,
    /// The figures Compare shows.
    pub figures: Rc<Figures>,
    /// The scores against the key chosen, if one is.
    pub scored: Rc<Option<Scored>>,
}

/// The report of a class.
pub fn view(d: &Data) -> Html {
    let (host, f) = (&d.host, &*d.figures);
    let names = &f.annotators;
    // The key Compare scores against: an annotator, or the gold standard.
    let chosen = scores::key_of(host, f);
    let key = chosen.map(|k| match k {
        scores::Key::Seat(i) => names[i].name.clone(),
        scores::Key::Gold => t!("gold-name"),
    });
    html! {
        <article class="report class-report">
            { super::paper::head(t!("report-of-class"), &host.doc.title, &[]) }
            <section>
                <h2>{ t!("compare-annotators", count = names.len()) }</h2>
                <ol class="annotators">{ for names.iter().map(|a| html! {
                    <li><bdi>{ &a.name }</bdi>{ " " }
                        <span class="hint">{ t!("report-from-file", name = isolate(&a.file), count = a.annotations.len()) }</span></li>
                }) }</ol>
            </section>
            <section>
                <h2>{ t!("compare-key") }</h2>
                if let (Some(name), Some((students, _))) = (key, d.scored.as_ref()) {
                    <p>{ t!("report-key", name = name) }</p>
                    if chosen == Some(scores::Key::Gold) {
                        <p class="hint">{ gold_made(d) }</p>
                    }
                    { scores::scope_hint(host, f, chosen) }
                    { scores::students_table(host, students, names) }
                    <p class="hint">{ Matching::Overlap.rule() }</p>
                } else {
                    <p>{ t!("report-no-key") }</p>
                }
            </section>
            <section>
                <h2>{ t!("compare-agreement") }</h2>
                { agreement::view(host, names, &f.table, true) }
            </section>
            { disagreements(d) }
        </article>
    }
}

/// Every disagreement, in text order: its tag, its passage, and who tagged it.
fn disagreements(d: &Data) -> Html {
    let f = &*d.figures;
    let text = &d.host.doc.text;
    html! {
        <section>
            <h2>{ t!("compare-disagreements", count = f.disagreements.len()) }</h2>
            <p class="hint">{ t!("compare-disagreements-rule") }</p>
            if !f.disagreements.is_empty() {
                <table class="passages disagreements">
                    <thead><tr>
                        <th scope="col" class="number">{ "#" }</th>
                        <th scope="col">{ t!("compare-tag") }</th>
                        <th scope="col">{ t!("report-quote") }</th>
                        <th scope="col">{ t!("report-tagged-by") }</th>
                    </tr></thead>
                    <tbody>{ for f.disagreements.iter().enumerate().map(|(i, x)| {
                        let who: Vec<&str> = x.tagged_by.iter().map(|i| f.annotators[*i].name.as_str()).collect();
                        html! {
                            <tr>
                                <td class="number">{ i + 1 }</td>
                                <td class="code-label" dir="auto">{ short_label(&f.annotators, &x.tag) }</td>
                                <td class="quote" dir="auto">{ text.slice(x.start, x.end).unwrap_or_default() }</td>
                                <td>{ super::paper::names(&who) }</td>
                            </tr>
                        }
                    }) }</tbody>
                </table>
            }
        </section>
    }
}

/// How the gold standard was made, when it is the key: by whom, and how many of the
/// passages to settle have text in it (the others were settled as none, or are not settled
/// yet: a student's passage there counts as extra).
fn gold_made(d: &Data) -> String {
    let (gold, items) = (&d.host.gold, &d.figures.items);
    let mut curators: Vec<&str> = Vec::new();
    for a in gold.iter() {
        let name = a.annotator.trim();
        if !name.is_empty() && !curators.contains(&name) {
            curators.push(name);
        }
    }
    let settled = (gold::settled_all(items, gold).iter())
        .filter(|s| !s.is_empty())
        .count();
    t!(
        "report-gold",
        curators = (curators.iter().map(|n| isolate(n)))
            .collect::<Vec<_>>()
            .join(", "),
        settled = settled,
        count = items.len(),
        open = items.len() - settled
    )
}
