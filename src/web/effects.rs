//! The page's effects: what [`crate::effect::Effect`] asks of the page rather than of
//! storage (focus, the keyboard caret, scrolling, the text selection, downloads), carried
//! out after the render that follows the action, so that what they reach (the palette's
//! fields) is drawn; the two whose targets already exist (the selection, the text's focus)
//! at once, when the action is applied (`app_state::perform_now`).

use crate::effect::{CaretView, Effect, FocusTarget};
use crate::session::Level;
use crate::state::Action;
use crate::web::app_state::AppContext;
use crate::web::highlights::with_layer;
use crate::web::{platform, scroll, text_view};

/// Carries out one of the page's effects; storage effects are the saver's and are passed
/// over. A download the browser refuses is said in a notice.
pub fn perform(effect: Effect, app: &AppContext) {
    match effect {
        Effect::Focus(target) => {
            // The text is taller than the window: a plain focus() scrolls it.
            if matches!(target, FocusTarget::OpenedText | FocusTarget::Text) {
                scroll::focus_in_place("doc-text");
                return;
            }
            scroll::focus_id(match target {
                FocusTarget::Text | FocusTarget::OpenedText => "doc-text",
                FocusTarget::PaletteSearch => "palette-search",
                FocusTarget::PaletteName => "palette-name",
            });
        }
        Effect::Caret(CaretView::Hidden) => {
            with_layer(|l| l.show_caret(None));
        }
        Effect::Caret(CaretView::At(at)) => {
            text_view::clear_selection();
            with_layer(|l| l.show_caret(Some(at)));
        }
        Effect::Caret(CaretView::Span(anchor, head)) => {
            with_layer(|l| l.show_caret(None));
            text_view::select_span(anchor, head);
        }
        Effect::ScrollTo {
            start,
            end,
            if_hidden,
        } => {
            if if_hidden {
                scroll::scroll_to_span_if_hidden(start);
            } else {
                scroll::scroll_to_span(start, end);
            }
        }
        Effect::ClearSelection => text_view::clear_selection(),
        Effect::Download {
            file_name,
            mime,
            content,
        } => {
            if let Err(e) = platform::download(&file_name, mime, &content) {
                app.dispatch(Action::Notify(
                    Level::Error,
                    t!("export-failed", reason = e),
                ));
            }
        }
        Effect::Convert {
            format,
            mime,
            file_name,
            content,
            seed_text,
            now,
            annotator,
        } => crate::web::readers::convert_and_download(
            (format, mime),
            file_name,
            content,
            (seed_text, now, annotator),
            app.clone(),
        ),
        Effect::SaveAnnotation(_)
        | Effect::SaveAnnotations(_)
        | Effect::DeleteAnnotation(_)
        | Effect::SaveDocument(_)
        | Effect::DeleteDocument(_)
        | Effect::SaveSettings
        | Effect::SaveCodebook
        | Effect::SaveAssignment
        | Effect::SaveClassFile(_)
        | Effect::DeleteClassFile(_)
        | Effect::SaveSuggester
        | Effect::Imported { .. } => {}
    }
}
