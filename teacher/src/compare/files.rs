//! Compare's files: each file loaded for the open document with the annotators found in it
//! (numbered, as the agreement table's pair columns name them), and its removal, after the
//! browser's own confirmation. A confirmation rather than an undo step: the undo history is
//! the user's own work, stored and replayed after a reload, and Ctrl+Z in the text must not
//! bring back a file of Compare; the file itself is still on the teacher's disk. The
//! browser's dialog rather than one drawn here: the first load has no bytes to spare.

use super::shared::name_cell;
use crate::host::{send, Host, Msg};
use gcm_annotator::t;
use gcm_annotator::text::{clip, isolate};
use yew::prelude::*;

/// The files of `document`, each with its annotators and a button that removes it.
pub fn view(host: &Host) -> Html {
    let files: Vec<_> = host.class.files(&host.doc.id).collect();
    let makers: usize = files.iter().map(|f| f.annotators.len()).sum();
    let mut number = 0;
    html! {
        <section aria-labelledby="cmp-files">
            <h3 id="cmp-files">{ t!("compare-annotators", count = makers) }</h3>
            <ul class="plain files">{ for files.iter().map(|f| {
                let (n, name) = (f.n, isolate(&clip(&f.file, 80)));
                let remove = {
                    let question = match f.scope {
                        Some(_) => t!("compare-remove-scope-confirm", name = name.clone()),
                        None => t!("compare-remove-confirm", name = name.clone()),
                    };
                    Callback::from(move |_: MouseEvent| {
                        let yes = web_sys::window().and_then(|w| w.confirm_with_message(&question).ok());
                        if yes == Some(true) {
                            send(Msg::Remove(n));
                        }
                    })
                };
                html! {
                    <li class="file" data-file={f.file.clone()}>
                        { name_cell(&f.file) }
                        <button class="link" onclick={remove} aria-label={t!("compare-remove-file", name = name)}>
                            { t!("compare-remove") }
                        </button>
                        if let Some(scope) = &f.scope {
                            <p class="hint scope">{ t!("compare-scope-file", count = scope.tags.len()) }</p>
                        }
                        <ol class="plain makers">{ for f.annotators.iter().map(|a| {
                            number += 1;
                            html! {
                                <li>
                                    <span class="number">{ number }</span>
                                    { name_cell(&a.name) }
                                    <span class="count">
                                        { t!("compare-maker-count", count = a.annotations.len()) }
                                        if a.orphans > 0 { { t!("compare-not-placed", count = a.orphans) } }
                                        if a.given > 0 { { t!("compare-given", count = a.given) } }
                                    </span>
                                </li>
                            }
                        }) }</ol>
                    </li>
                }
            }) }</ul>
        </section>
    }
}
