//! The suggestions panel's account of what the suggester learned, its threshold slider, and
//! forgetting or downloading what it learned (asked first, with the keyboard's focus kept
//! where the user is).

use crate::host::{send, Msg};
use crate::learning::{self, Same};
use gcm_annotator::notices::Level;
use gcm_annotator::suggest::learner::Learner;
use gcm_annotator::t;
use std::cell::RefCell;
use yew::prelude::*;

/// What the learner knows, as the panel says it.
#[derive(Clone, Copy, PartialEq)]
pub struct Known {
    /// Annotations it learned from.
    pub taught: usize,
    /// Annotations a reset forgot (not learned again unless they change).
    pub forgotten: usize,
    /// Suggestions the user rejected.
    pub rejected: usize,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub learner: Same<RefCell<Learner>>,
    /// The threshold, in [0, 1].
    pub threshold: f32,
    pub known: Known,
    /// Nothing can be changed in a read-only tab.
    pub read_only: bool,
    /// Called when the threshold or what the learner knows changed: the panel draws again.
    pub changed: Callback<()>,
}

#[function_component(Teaching)]
pub fn teaching(props: &Props) -> Html {
    let learner = props.learner.0.clone();
    let forgetting = use_state(|| false);
    let (ask_ref, keep_ref) = (use_node_ref(), use_node_ref());
    // Focus follows the question: on *Keep* (the safe answer) when it is asked, back on the
    // button that asked it once it is answered.
    {
        let (ask_ref, keep_ref) = (ask_ref.clone(), keep_ref.clone());
        let first = use_mut_ref(|| true);
        use_effect_with(*forgetting, move |asking| {
            let target = if *asking { keep_ref } else { ask_ref };
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                if let Some(el) = target.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    let percent = (props.threshold * 100.0).round() as u32;
    // Moving the slider filters at once; letting it go stores the threshold.
    let slide = |store: bool| {
        let (learner, changed) = (learner.clone(), props.changed.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let value = input.value().parse::<f32>().unwrap_or(50.0) / 100.0;
            let moved = learner.borrow_mut().set_threshold(value);
            if store {
                learning::save(&learner);
            }
            if moved {
                changed.emit(());
            }
        })
    };
    let (on_input, on_change) = (slide(false), slide(true));
    let set = |to: bool| {
        let forgetting = forgetting.clone();
        Callback::from(move |_: MouseEvent| forgetting.set(to))
    };
    let escape = {
        let forgetting = forgetting.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.stop_propagation();
                forgetting.set(false);
            }
        })
    };
    let forget = {
        let (learner, forgetting, changed) =
            (learner.clone(), forgetting.clone(), props.changed.clone());
        Callback::from(move |_: MouseEvent| {
            learner.borrow_mut().reset();
            learning::touched();
            learning::save(&learner);
            send(Msg::Notify(Level::Info, t!("suggest-forgot")));
            forgetting.set(false);
            changed.emit(());
        })
    };
    let download = {
        let learner = learner.clone();
        Callback::from(move |_: MouseEvent| {
            let record = learner.borrow().to_record();
            let platform = gcm_annotator::web::platform::download;
            if let Err(e) = platform("gcm-suggester.json", "application/json", &record) {
                send(Msg::Notify(
                    Level::Error,
                    t!("suggest-export-failed", reason = e),
                ));
            }
        })
    };
    let Known {
        taught,
        forgotten,
        rejected,
    } = props.known;
    let label = t!("suggest-threshold", percent = percent);
    html! {
        <div class="suggest-settings">
            <p class="taught">
                if taught == 0 && forgotten > 0 {
                    { t!("suggest-forgotten") }
                } else {
                    { t!("suggest-taught", learned = taught) }
                }
                if rejected > 0 { {" "}{ t!("suggest-rejected", rejected = rejected) } }
            </p>
            <label class="threshold">
                <span>{ label.clone() }</span>
                <input type="range" min="50" max="100" step="5" value={percent.to_string()}
                       aria-valuetext={label} disabled={props.read_only}
                       oninput={on_input.reform(|e: InputEvent| e.into())} onchange={on_change} />
            </label>
            if *forgetting {
                <div class="confirm" role="group" aria-labelledby="suggest-forget-q" onkeydown={escape}>
                    <p id="suggest-forget-q">{ t!("suggest-forget-confirm") }</p>
                    <button class="danger" onclick={forget}>{ t!("suggest-forget-yes") }</button>
                    <button ref={keep_ref} onclick={set(false)}>{ t!("suggest-forget-no") }</button>
                </div>
            } else {
                <p class="suggest-tools">
                    <button class="link" ref={ask_ref} onclick={set(true)} disabled={props.read_only}>
                        { t!("suggest-forget") }
                    </button>
                    <button class="link" onclick={download}>{ t!("suggest-export") }</button>
                </p>
            }
        </div>
    }
}
