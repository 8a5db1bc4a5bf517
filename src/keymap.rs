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
    match (press.key.to_ascii_lowercase().as_str(), press.shift) {
        ("z", false) => Some(Action::Undo),
        ("z", true) | ("y", false) => Some(Action::Redo),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::effect::{CaretView, Effect, FocusTarget};

    fn model_with_doc(text: &str) -> Model {
        let mut m = Model::default();
        m.apply(Action::SetAnnotator("Ana".into()));
        let doc = Document::from_paste("u1".into(), "Mine", text).unwrap();
        m.apply(Action::AddDocuments(vec![doc]));
        m
    }

    fn create(m: &mut Model, id: &str, start: usize, end: usize, tag: &str) {
        m.apply(Action::Create {
            id: id.into(),
            document: "u1".into(),
            start: Cp(start),
            end: Cp(end),
            tags: vec![tag.into()],
            note: String::new(),
            now: 1,
        });
    }

    fn key(m: &mut Model, key: &str, shift: bool) -> Vec<Effect> {
        let press = KeyPress {
            key,
            shift,
            ..KeyPress::default()
        };
        match reader_action(&press, m, || None) {
            Some(action) => m.apply(action),
            None => vec![],
        }
    }

    #[test]
    fn the_keyboard_moves_the_caret_selects_and_steps_through_annotations() {
        let mut m = model_with_doc("alpha beta\ngamma");
        // Shift+Right five times from the start: "alpha" pending.
        for _ in 0..5 {
            key(&mut m, "ArrowRight", true);
        }
        assert_eq!(m.session.caret, Some((Cp(0), Cp(5))));
        assert_eq!(m.session.pending.as_ref().unwrap().quote, "alpha");
        // Enter goes to the palette; the span stays pending.
        assert_eq!(
            key(&mut m, "Enter", false),
            vec![Effect::Focus(FocusTarget::PaletteSearch)]
        );
        create(&mut m, "a", 0, 5, "objective-1");
        create(&mut m, "g", 11, 16, "objective-2");
        // A plain arrow collapses the caret and drops any pending span.
        let effects = key(&mut m, "ArrowDown", false);
        assert!(effects.contains(&Effect::Caret(CaretView::At(m.session.caret.unwrap().1))));
        assert!(m.session.pending.is_none());
        // N and P step through annotations in text order, wrapping; the card is pinned and a
        // screen reader is told which one.
        m.apply(Action::SetCurrent(None));
        key(&mut m, "n", false);
        assert_eq!(m.session.current.as_deref(), Some("a"));
        assert!(m
            .session
            .announcement
            .starts_with("Annotation 1 of 2: Objective 1"));
        assert!(m.session.pinned.is_some());
        key(&mut m, "N", false);
        assert_eq!(m.session.current.as_deref(), Some("g"));
        key(&mut m, "n", false);
        assert_eq!(m.session.current.as_deref(), Some("a"));
        key(&mut m, "p", false);
        assert_eq!(m.session.current.as_deref(), Some("g"));
        // Delete deletes the current one, and the screen reader's last words about it go.
        key(&mut m, "Delete", false);
        assert!(m.library.annotation("g").is_none());
        assert!(m.session.pinned.is_none());
        assert_eq!(m.session.announcement, "");
        // Escape clears everything.
        key(&mut m, "Escape", false);
        assert_eq!(m.session.current, None);
        assert_eq!(m.session.caret, None);
        // With no current annotation, Delete is left to the browser.
        let press = KeyPress {
            key: "Delete",
            ..KeyPress::default()
        };
        assert_eq!(reader_action(&press, &m, || None), None);
    }

    #[test]
    fn left_or_right_on_a_selection_collapses_it_to_that_side() {
        let mut m = model_with_doc("alpha beta");
        for _ in 0..3 {
            key(&mut m, "ArrowRight", true);
        }
        assert_eq!(m.session.caret, Some((Cp(0), Cp(3))));
        key(&mut m, "ArrowRight", false);
        assert_eq!(m.session.caret, Some((Cp(3), Cp(3))));
        key(&mut m, "ArrowLeft", true);
        key(&mut m, "ArrowLeft", true);
        key(&mut m, "ArrowLeft", false);
        assert_eq!(m.session.caret, Some((Cp(1), Cp(1))));
        assert!(m.session.pending.is_none());
    }

    #[test]
    fn shift_and_an_arrow_extend_a_selection_made_with_the_pointer() {
        let mut m = model_with_doc("alpha beta gamma");
        m.apply(Action::Propose {
            start: Cp(6),
            end: Cp(10),
        });
        key(&mut m, "End", true);
        assert_eq!(m.session.pending.as_ref().unwrap().quote, "beta gamma");
        key(&mut m, "ArrowLeft", true);
        assert_eq!(m.session.pending.as_ref().unwrap().quote, "beta gamm");
    }

    #[test]
    fn ctrl_z_undoes_and_ctrl_shift_z_or_ctrl_y_redo() {
        let press = |key, shift| KeyPress {
            key,
            ctrl: true,
            shift,
            alt: false,
        };
        assert_eq!(global_action(&press("z", false)), Some(Action::Undo));
        assert_eq!(global_action(&press("Z", true)), Some(Action::Redo));
        assert_eq!(global_action(&press("y", false)), Some(Action::Redo));
        let plain = KeyPress {
            key: "z",
            ..KeyPress::default()
        };
        assert_eq!(global_action(&plain), None);
    }
}
