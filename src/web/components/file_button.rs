//! A button that opens the file picker, with its hidden file input (which tests and
//! assistive technology can still reach by its id and name).

use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FileButtonProps {
    /// The visible label of the button.
    pub label: AttrValue,
    /// The id of the file input.
    pub input_id: AttrValue,
    /// The accessible name of the file input.
    pub input_name: AttrValue,
    /// What the picker offers, as the `accept` attribute.
    pub accept: AttrValue,
    #[prop_or_default]
    pub title: Option<AttrValue>,
    /// The chosen files.
    pub onfiles: Callback<Vec<web_sys::File>>,
}

#[function_component(FileButton)]
pub fn file_button(props: &FileButtonProps) -> Html {
    let input_ref = use_node_ref();
    let pick = {
        let input_ref = input_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = input_ref.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let onchange = {
        let onfiles = props.onfiles.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(files) = input.files() {
                onfiles.emit((0..files.length()).filter_map(|i| files.get(i)).collect());
            }
            // The same file can be chosen again.
            input.set_value("");
        })
    };
    html! {
        <>
            <button id={format!("{}-button", props.input_id)} onclick={pick} title={props.title.clone()}>{ props.label.clone() }</button>
            <input ref={input_ref} id={props.input_id.clone()} type="file" multiple=true accept={props.accept.clone()}
                   class="visually-hidden" tabindex="-1" aria-label={props.input_name.clone()} {onchange} />
        </>
    }
}
