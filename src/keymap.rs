//! The key map: which [`Action`] a key press means, in the reading view and anywhere in
//! the app. Pure, so that keyboard behaviour is tested natively; the shell only forwards
//! the key (`KeyboardEvent.key`, with its modifiers) and prevents the browser's default
//! when an action comes back.

use crate::caret::Motion;
use crate::state::{Action, Model};
use crate::text::Cp;

/// A key press: `key` as `KeyboardEvent.key` names it (`"ArrowLeft"`, `"n"`, `"Enter"`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyPress<'a> {
    pub key: &'a str,
    /// Ctrl, or ⌘ on a Mac.
    pub ctrl: bool,
    pub shift: bool,
    pub alt: bool,
}

/// The caret motion of a key, if it moves the caret: arrows by character and line, with
/// Ctrl by word; Home and End to the line's ends, with Ctrl to the text's.
pub fn motion(press: &KeyPress) -> Option<Motion> {
    Some(match (press.key, press.ctrl) {
        ("ArrowLeft", false) => Motion::Left,
        ("ArrowRight", false) => Motion::Right,
        ("ArrowLeft", true) => Motion::WordLeft,
        ("ArrowRight", true) => Motion::WordRight,
        ("ArrowUp", _) => Motion::LineUp,
        ("ArrowDown", _) => Motion::LineDown,
        ("Home", false) => Motion::LineStart,
        ("End", false) => Motion::LineEnd,
        ("Home", true) => Motion::TextStart,
        ("End", true) => Motion::TextEnd,
        _ => return None,
    })
}

/// What a key pressed in the document's text means, given the state: caret keys (Shift
/// extends), Enter (tag the pending span or edit the current annotation), N and P (next and
/// previous annotation), Delete or Backspace (delete the current one), Escape. `None`
/// leaves the key to the browser. `in_view` gives the first code point on screen, asked
/// only when the caret starts from there.
pub fn reader_action(
    press: &KeyPress,
    model: &Model,
    in_view: impl FnOnce() -> Option<Cp>,
) -> Option<Action> {
    if press.alt {
        return None;
    }
    if let Some(motion) = motion(press) {
        let starts_fresh = model.session.caret.is_none() && model.current().is_none();
        return Some(Action::MoveCaret {
            motion,
            extend: press.shift,
            in_view: if starts_fresh { in_view() } else { None },
        });
    }
    if press.ctrl {
        return None;
    }
    let s = &model.session;
    match press.key {
        "Enter" => Some(Action::EditCurrent),
        "n" | "p" | "N" | "P" => {
            let doc = s.open.as_deref()?;
            model.library.neighbour(doc, s.current.as_deref(), true)?;
            Some(Action::StepAnnotation {
                forward: press.key.eq_ignore_ascii_case("n"),
            })
        }
        "Delete" | "Backspace" => model.current().map(|_| Action::DeleteCurrent),
        "Escape" => Some(Action::Deselect),
        _ => None,
    }
}

/// What a key means anywhere but in a text field (where the browser's own undo applies):
/// Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo.
pub fn global_action(press: &KeyPress) -> Option<Action> {
    if !press.ctrl {
        return None;
    }
    match (press.key.to_lowercase().as_str(), press.shift) {
        ("z", false) => Some(Action::Undo),
        ("z", true) | ("y", false) => Some(Action::Redo),
        _ => None,
    }
}
