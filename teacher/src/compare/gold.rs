//! Compare's gold standard (issue 23): the passages to settle, one at a time, each with
//! every annotator's version to keep, the majority's, or none; and "accept every passage
//! where at least k of n agree". Each decision is settled here against the gold standard
//! the app holds ([`Host::gold`], the user's curated annotations) and goes to the app as
//! one undo step ([`Msg::Replace`]); what is settled is read back from what it holds.

use super::shared::{short_label, show, Breath, Figures};
use crate::host::{send, Host, Msg};
use gcm_annotator::annotation::excerpt;
use gcm_annotator::classroom::gold::{self, Curator, Decision, Item};
use gcm_annotator::codes::{Codebook, OwnCode};
use gcm_annotator::session::Level;
use gcm_annotator::t;
use gcm_annotator::text::{isolate, Cp, DocText};
use std::collections::HashSet;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// What the gold standard's section draws from.
#[derive(Properties, PartialEq)]
pub struct Props {
    pub host: Host,
    pub figures: Rc<Figures>,
}

/// The text of the first three of `spans`, each cut to 80 code points, joined, and how
/// many more there are.
fn quotes(text: &DocText, spans: &[(Cp, Cp)]) -> String {
    let mut out = (spans.iter().take(3))
        .map(|&(s, e)| {
            let q = excerpt(text.slice(s, e).unwrap_or_default(), 80);
            t!("gold-quote", quote = isolate(&q))
        })
        .collect::<Vec<_>>()
        .join(" … ");
    if spans.len() > 3 {
        out = format!("{out} {}", t!("gold-more", count = spans.len() - 3));
    }
    out
}

/// False, having said why, when the user has no name yet: the curator's name goes with
/// each passage kept, so nothing is settled (and the stepper stays) until there is one.
fn named(host: &Host) -> bool {
    if host.annotator.is_empty() {
        send(Msg::Notify(Level::Error, t!("edit-needs-name-first")));
    }
    !host.annotator.is_empty()
}

/// The own codes of `f`'s annotators that `tags` name, and the codebook they make.
fn codes_of(f: &Figures, tags: &HashSet<&str>) -> (Vec<OwnCode>, Codebook) {
    let mut codes: Vec<OwnCode> = Vec::new();
    for c in f.annotators.iter().flat_map(|a| &a.codes) {
        if tags.contains(c.id.as_str()) && !codes.iter().any(|k| k.id == c.id) {
            codes.push(c.clone());
        }
    }
    let book = Codebook::new(codes.clone());
    (codes, book)
}

/// Settles `decisions` on the open document against its gold standard as the app holds it,
/// and sends the app the changes, with the own codes their tags name ([`named`] first).
fn settle(host: &Host, f: &Figures, decisions: Vec<Decision>) {
    let tags: HashSet<&str> = decisions.iter().map(|d| d.tag.as_str()).collect();
    let (codes, book) = codes_of(f, &tags);
    let now = gcm_annotator::web::platform::now();
    let (remove, put) = gold::settle(&host.doc, &host.gold, decisions, curator(host), now, &book);
    send(Msg::Replace {
        document: host.doc.id.clone(),
        remove,
        put,
        codes,
        batch: None,
    });
}

/// The user, as the curator of what they settle.
fn curator(host: &Host) -> Curator<'_> {
    Curator {
        name: &host.annotator,
        id: &host.annotator_id,
    }
}

/// The passages settled, or sent over, between two breaths of [`accept_in_steps`].
const STEP: usize = 1_000;

/// Accepts, in `open` of `f`'s passages (none of them settled yet), what at least `k`
/// annotators agree on, and sends it to the app as one undo step: found, settled and sent
/// over [`STEP`] passages at a time, with a breath for the page between (a class of 30
/// exports at once, 14,000 passages, held the page for 2 s). Returns how many passages
/// were decided. Settling the parts apart is settling them at once: none of them overlaps
/// a passage of the gold standard with its tag, so none edits or deletes one.
async fn accept_in_steps(host: Host, f: Rc<Figures>, open: Rc<Vec<bool>>, k: usize) -> usize {
    let mut breath = Breath::new();
    let mut decisions = Vec::new();
    let open_items: Vec<usize> = (0..f.items.len()).filter(|&i| open[i]).collect();
    for part in open_items.chunks(STEP) {
        breath.take().await;
        let items: Vec<Item> = part.iter().map(|&i| f.items[i].clone()).collect();
        decisions.extend(gold::accept_all(&items, k, &mut new_id));
    }
    let count = decisions.len();
    let tags: HashSet<&str> = decisions.iter().map(|d| d.tag.as_str()).collect();
    let (codes, book) = codes_of(&f, &tags);
    let now = gcm_annotator::web::platform::now();
    let (mut remove, mut put) = (Vec::new(), Vec::new());
    let mut decisions = decisions.into_iter().peekable();
    while decisions.peek().is_some() {
        breath.take().await;
        let part: Vec<Decision> = decisions.by_ref().take(STEP).collect();
        let (r, p) = gold::settle(&host.doc, &host.gold, part, curator(&host), now, &book);
        remove.extend(r);
        put.extend(p);
    }
    let batch = new_id();
    while put.len() > STEP {
        breath.take().await;
        let rest = put.split_off(STEP);
        let part = std::mem::replace(&mut put, rest);
        send(Msg::ReplacePart {
            batch: batch.clone(),
            put: part,
        });
    }
    breath.take().await;
    send(Msg::Replace {
        document: host.doc.id.clone(),
        remove,
        put,
        codes,
        batch: Some(batch),
    });
    count
}

/// A new passage's id (a UUID v4).
fn new_id() -> String {
    gcm_annotator::web::platform::new_id()
}

#[function_component(Gold)]
pub fn gold_view(props: &Props) -> Html {
    let (host, f) = (&props.host, &props.figures);
    let items: &[Item] = &f.items;
    let n = f.annotators.len();
    let step = use_state(|| 0usize);
    let k = use_state(|| gold::majority(n));
    // Passages settled as "none" in this session: nothing in the gold standard says so.
    let nothing = use_state(HashSet::<usize>::new);
    // Within the annotators loaded now (files may have been added or removed since).
    let kv = (*k).clamp(1, n.max(1));
    let text = &host.doc.text;
    if items.is_empty() {
        return html! {
            <section aria-labelledby="cmp-gold">
                <h3 id="cmp-gold">{ t!("gold-title") }</h3>
                <p class="hint">{ t!("gold-nothing") }</p>
            </section>
        };
    }
    // What the gold standard holds of each passage: once per set of figures and gold
    // standard, indexed (14,010 curated passages against 13,450 items took 550 ms a render,
    // looked up one passage at a time).
    let now = use_memo((f.clone(), host.gold.clone()), |(f, gold)| {
        gold::settled_all(&f.items, gold)
    });
    let is_settled = |i: usize| !now[i].is_empty() || nothing.contains(&i);
    let settled = (0..items.len()).filter(|&i| is_settled(i)).count();
    let current = (*step).min(items.len() - 1);
    let item = &items[current];
    let go_to = {
        let (step, items) = (step.clone(), f.clone());
        move |i: usize| {
            step.set(i);
            if let Some(it) = items.items.get(i) {
                show(it.start, it.end);
            }
        }
    };
    // Settles the current passage, then goes on to the next one.
    let decide = |spans: Vec<(Cp, Cp)>, notes: Vec<String>| {
        let (host, f, nothing) = (host.clone(), f.clone(), nothing.clone());
        let go_to = go_to.clone();
        Callback::from(move |_: MouseEvent| {
            if !named(&host) {
                return;
            }
            let it = &f.items[current];
            let none = spans.is_empty();
            settle(
                &host,
                &f,
                vec![gold::decide(it, &spans, &notes, &mut new_id)],
            );
            let mut set = (*nothing).clone();
            match none {
                true => set.insert(current),
                false => set.remove(&current),
            };
            nothing.set(set);
            go_to((current + 1).min(f.items.len() - 1));
        })
    };
    let step_by = |delta: isize| {
        let go_to = go_to.clone();
        let count = items.len() as isize;
        Callback::from(move |_: MouseEvent| {
            go_to((current as isize + delta).rem_euclid(count) as usize)
        })
    };
    let next_unsettled = {
        let go_to = go_to.clone();
        let open: Vec<usize> = (1..=items.len())
            .map(|d| (current + d) % items.len())
            .filter(|&i| !is_settled(i))
            .collect();
        let next = open.first().copied();
        (
            next.is_none(),
            Callback::from(move |_: MouseEvent| {
                if let Some(i) = next {
                    go_to(i)
                }
            }),
        )
    };
    // Passages settled by hand (or before) are left as they are; the items are copied only
    // when the button is pressed, not at every render.
    let open: Rc<Vec<bool>> = Rc::new((0..items.len()).map(|i| !is_settled(i)).collect());
    let accepting = use_state(|| false);
    let accept_all = {
        let (host, f, accepting) = (host.clone(), f.clone(), accepting.clone());
        Callback::from(move |_: MouseEvent| {
            if !named(&host) || *accepting {
                return;
            }
            if !open.contains(&true) {
                send(Msg::Notify(Level::Info, t!("gold-all-settled")));
                return;
            }
            accepting.set(true);
            let (host, f, accepting, open) =
                (host.clone(), f.clone(), accepting.clone(), open.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let n = f.annotators.len();
                let count = accept_in_steps(host, f, open, kv).await;
                let said = match count {
                    0 => t!("gold-accepted-none", k = kv, n = n),
                    _ => t!("gold-accepted", count = count, k = kv, n = n),
                };
                send(Msg::Notify(Level::Info, said));
                accepting.set(false);
            });
        })
    };
    let on_k = {
        let k = k.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(v) = v.parse::<usize>() {
                k.set(v);
            }
        })
    };
    let who = |annotators: &[usize]| {
        (annotators.iter())
            .map(|i| isolate(&f.annotators[*i].name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let majority = gold::agreed_by(item, gold::majority(n));
    let item_quote = excerpt(text.slice(item.start, item.end).unwrap_or_default(), 80);
    let state = match (&now[current][..], nothing.contains(&current)) {
        ([], true) => t!("gold-now-nothing"),
        ([], false) => t!("gold-now-none"),
        (spans, _) => t!("gold-now", quotes = quotes(text, spans)),
    };
    html! {
        <section aria-labelledby="cmp-gold" class="gold">
            <h3 id="cmp-gold">{ t!("gold-title") }</h3>
            <p class="hint">{ t!("gold-intro") }</p>
            <p class="gold-progress">{ t!("gold-progress", settled = settled, count = items.len()) }</p>
            <div class="actions">
                <label class="field"><span>{ t!("gold-k", count = n) }</span>
                    <select onchange={on_k}>
                        { for (1..=n).map(|v| html! {
                            <option value={v.to_string()} selected={v == kv}>{ v.to_string() }</option>
                        }) }
                    </select>
                </label>
                <button onclick={accept_all} disabled={*accepting}>{ t!("gold-accept") }</button>
            </div>
            <p class="hint">{ t!("gold-k-rule") }</p>
            <p class="gold-item" aria-live="polite">{ t!("gold-item", number = current + 1, count = items.len(),
                tag = short_label(&f.annotators, &item.tag), quote = isolate(&item_quote)) }</p>
            <p class="gold-now">{ state }</p>
            <ul class="plain gold-versions">
                { for item.versions.iter().map(|v| {
                    let names = who(&v.annotators);
                    // "Nothing here" is said, with no Keep of its own: Keep none does it.
                    match v.spans.is_empty() {
                        true => html! {
                            <li class="none"><span>{ t!("gold-version-none", who = names) }</span></li>
                        },
                        false => html! {
                            <li>
                                <button onclick={decide(v.spans.clone(), v.notes.clone())}
                                        aria-label={t!("gold-keep-who", who = names.clone())}>{ t!("gold-keep") }</button>
                                <span>{ t!("gold-version", who = names, quotes = quotes(text, &v.spans)) }</span>
                            </li>
                        },
                    }
                }) }
            </ul>
            <div class="actions">
                <button onclick={decide(majority.clone(), Vec::new())} disabled={majority.is_empty()}
                        title={majority.is_empty().then(|| t!("gold-majority-none", k = gold::majority(n), n = n))}>
                    { t!("gold-majority") }</button>
                <button onclick={decide(Vec::new(), Vec::new())}>{ t!("gold-none") }</button>
            </div>
            <div class="actions">
                <button onclick={step_by(-1)}>{ t!("gold-previous") }</button>
                <button onclick={step_by(1)}>{ t!("gold-next") }</button>
                <button onclick={next_unsettled.1} disabled={next_unsettled.0}>{ t!("gold-next-unsettled") }</button>
            </div>
        </section>
    }
}
