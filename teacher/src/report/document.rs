//! The report of a document: its title, the date and the annotator on top; the counts
//! (passages per code, and in all); the coverage chart, Compare's; then the annotations
//! grouped by code in codebook order (the GCM's objectives, its principles, then the user's
//! own codes as their tree lists them), each with its quote, its note, and its page where
//! the document has pages.

use crate::compare::coverage;
use gcm_annotator::annotation::{Annotation, Origin};
use gcm_annotator::classroom::{self, Annotator};
use gcm_annotator::codebook;
use gcm_annotator::codes::{own_in_tree_order, Codebook};
use gcm_annotator::document::Document;
use gcm_annotator::t;
use yew::prelude::*;

/// What the app hands over for a document's report.
pub struct Data {
    /// The document: its title and where its pages start (its text is not needed: each
    /// annotation holds its quote).
    pub doc: Document,
    /// The document's annotations.
    pub annotations: Vec<Annotation>,
    /// The user's own codes, for their names and their order.
    pub codebook: Codebook,
    /// The user's name: named on top when the annotations name nobody.
    pub annotator: String,
}

/// One code's passages, in text order.
struct Group<'a> {
    label: String,
    /// Its colour, `#rrggbb` (grey for a code the codebook does not know).
    color: String,
    /// How deep an own code is nested under another (0 for the GCM's).
    depth: usize,
    passages: Vec<&'a Annotation>,
}

/// The codes the annotations carry, in codebook order, each with its passages in text
/// order (the whole document's tags first); a code the codebook does not know (from a file)
/// comes last, under its id.
fn groups(d: &Data) -> Vec<Group<'_>> {
    let mut sorted: Vec<&Annotation> = d.annotations.iter().collect();
    gcm_annotator::sort::sort_by_key(&mut sorted, |a| (!a.whole_document, a.start, a.end));
    let with = |id: &str| -> Vec<&Annotation> {
        (sorted.iter())
            .filter(|a| a.tags.iter().any(|t| t == id))
            .copied()
            .collect()
    };
    let mut out: Vec<Group> = codebook::TAGS
        .iter()
        .map(|t| (t.label(), t.color.to_string(), 0, with(t.id)))
        .chain(
            own_in_tree_order(&d.codebook)
                .into_iter()
                .map(|(c, depth)| (c.name.clone(), c.color.clone(), depth, with(&c.id))),
        )
        .map(|(label, color, depth, passages)| Group {
            label,
            color,
            depth,
            passages,
        })
        .collect();
    let mut unknown: Vec<&str> = Vec::new();
    for t in sorted.iter().flat_map(|a| &a.tags) {
        if codebook::tag(t).is_none() && !d.codebook.contains(t) && !unknown.contains(&&t[..]) {
            unknown.push(t);
        }
    }
    out.extend(unknown.into_iter().map(|t| Group {
        label: t.to_string(),
        color: "#cccccc".into(),
        depth: 0,
        passages: with(t),
    }));
    out.retain(|g| !g.passages.is_empty());
    out
}

/// The annotators of the document's annotations, by the name each records, as Compare's
/// coverage chart counts them; the user's own codes go with the first, for their names.
fn annotators(d: &Data) -> Vec<Annotator> {
    let mut out: Vec<Annotator> = Vec::new();
    for a in &d.annotations {
        let i = match out.iter().position(|x| x.name == a.annotator) {
            Some(i) => i,
            None => {
                out.push(Annotator {
                    name: a.annotator.clone(),
                    id: None,
                    assignment: None,
                    file: String::new(),
                    annotations: Vec::new(),
                    orphans: 0,
                    given: 0,
                    codes: match out.is_empty() {
                        true => d.codebook.own().to_vec(),
                        false => Vec::new(),
                    },
                    notices: Vec::new(),
                });
                out.len() - 1
            }
        };
        out[i].annotations.push(a.clone());
    }
    out
}

/// The report of a document.
pub fn view(d: &Data) -> Html {
    let groups = groups(d);
    let paged = !d.doc.pages.is_empty();
    let makers = annotators(d);
    let uses = classroom::usage(&makers);
    // Who made the annotations shown, as they name themselves; the user when none does.
    let mut by: Vec<&str> = makers.iter().map(|m| m.name.as_str()).collect();
    if by.iter().all(|n| n.trim().is_empty()) {
        by = vec![&d.annotator];
    }
    let count_rows = groups.iter().map(|g| {
        html! {
            <tr><th scope="row" class={depth_class(g.depth)} dir="auto">{ &g.label }</th>
                <td>{ g.passages.len() }</td></tr>
        }
    });
    html! {
        <article class="report document-report">
            { super::paper::head(t!("report-of-document"), &d.doc.title, &by) }
            <section class="counts">
                <h2>{ t!("report-counts") }</h2>
                <table class="stats">
                    <thead><tr><th scope="col">{ t!("compare-tag") }</th><th scope="col">{ t!("compare-passages") }</th></tr></thead>
                    <tbody>{ for count_rows }</tbody>
                    <tfoot><tr><th scope="row">{ t!("report-total") }</th><td>{ d.annotations.len() }</td></tr></tfoot>
                </table>
                <p class="hint">{ t!("report-counts-legend") }</p>
            </section>
            if !makers.is_empty() {
                { coverage::view(&uses, &makers) }
            }
            <section class="passages">
                <h2>{ t!("report-annotations") }</h2>
                if groups.is_empty() {
                    <p>{ t!("report-none") }</p>
                }
                { for groups.iter().map(|g| group(&d.doc, g, paged)) }
            </section>
        </article>
    }
}

/// The class of an own code's row by how deep it is nested (report.css indents it).
fn depth_class(depth: usize) -> Option<String> {
    (depth > 0).then(|| format!("depth-{}", depth.min(4)))
}

/// One code's passages: a table whose header repeats on every page it runs onto.
fn group(doc: &Document, g: &Group, paged: bool) -> Html {
    html! {
        <section class="group" style={format!("--tag:{}", g.color)}>
            <h3 class={depth_class(g.depth)}><bdi>{ &g.label }</bdi>{ " " }
                <span class="n">{ t!("report-passages", count = g.passages.len()) }</span></h3>
            <table class="passages">
                <thead><tr>
                    if paged { <th scope="col" class="page">{ t!("report-page") }</th> }
                    <th scope="col">{ t!("report-quote") }</th>
                    <th scope="col">{ t!("report-note") }</th>
                </tr></thead>
                <tbody>{ for g.passages.iter().map(|a| html! {
                    <tr>
                        if paged {
                            <td class="page">{ doc.page_label(a.start, a.end).unwrap_or_default() }</td>
                        }
                        <td class="quote" dir="auto">
                            if a.origin == Origin::Given {
                                <span class="given">{ t!("assign-given") }</span>{ " " }
                            }
                            if a.whole_document {
                                <em>{ t!("list-whole-document") }</em>
                            } else {
                                { &a.quote }
                            }
                        </td>
                        <td class="note" dir="auto">{ &a.note }</td>
                    </tr>
                }) }</tbody>
            </table>
        </section>
    }
}
