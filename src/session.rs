//! The session: what the user is looking at and working on, never part of the library.
//! The open document, the pending span awaiting tags, the annotation being edited, the
//! current annotation (the one the user points at), the keyboard caret, the pinned card,
//! the list's filter, messages, progress, the side panel, marked passages, and the settings
//! that persist (the annotator's name, recent tags, where each document was read to).

use crate::caret::{move_caret, Motion};
use crate::codebook;
use crate::effect::{CaretView, Effect};
use crate::fields::Field;
use crate::library::Library;
pub use crate::notices::{Level, Notice, Notices};
use crate::text::Cp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How many recently used tags the palette lists on top.
pub const RECENT_TAGS: usize = 6;

/// Why this tab only reads: one tab at a time edits the library (the shell holds a Web Lock
/// for it, `web::tabs`), so that two tabs never write over each other's work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadOnly {
    /// Another tab was editing when this one opened.
    OtherTab,
    /// This tab was editing and handed over to another tab that asked.
    Moved,
}

impl ReadOnly {
    /// The banner's sentence.
    pub fn banner(self) -> String {
        match self {
            ReadOnly::OtherTab => t!("session-other-tab"),
            ReadOnly::Moved => t!("session-moved"),
        }
    }
}

/// What a read-only tab says when asked to change the work.
pub fn read_only_refusal() -> String {
    t!("session-read-only")
}

/// Settings that persist across sessions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The annotator's name, written into every annotation. Asked once.
    #[serde(default)]
    pub annotator: String,
    /// Most recently used tag ids, most recent first.
    #[serde(default)]
    pub recent_tags: Vec<String>,
    /// This browser profile's annotator id (schema 6): a UUID v4 made once, at the first
    /// start (the shell makes one for the session, and [`crate::action::Action::Restore`]
    /// keeps it when the stored settings have none), and written into every
    /// annotation made here ([`crate::annotation::Annotation::annotator_id`]). Empty only
    /// in a version-5 record, before the app makes it.
    #[serde(default)]
    pub annotator_id: String,
}

impl Settings {
    /// Puts these tags first among the recent ones.
    pub fn remember_tags(&mut self, tags: &[String]) {
        for t in tags.iter().rev() {
            self.recent_tags.retain(|r| r != t);
            self.recent_tags.insert(0, t.clone());
        }
        self.recent_tags.truncate(RECENT_TAGS);
    }

    /// The recently used tags, then every other tag: the palette's order.
    pub fn palette_order(&self) -> Vec<&'static codebook::Tag> {
        let recent: Vec<&'static codebook::Tag> = self
            .recent_tags
            .iter()
            .filter_map(|t| codebook::tag(t))
            .collect();
        recent
            .iter()
            .copied()
            .chain(codebook::TAGS.iter().filter(|t| !recent.contains(t)))
            .collect()
    }
}

/// A span of the open document waiting for tags: selected, not yet an annotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingSpan {
    pub document: String,
    /// Code points, start inclusive, end exclusive, trimmed of white space at both ends.
    pub start: Cp,
    pub end: Cp,
    /// The text of the span.
    pub quote: String,
}

/// What the annotation list shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Show annotations carrying any of these tags; all when empty.
    pub tags: Vec<String>,
    /// Show annotations whose quote or note contains this, ignoring case.
    pub query: String,
}

/// What the side panel shows beside an open document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Panel {
    /// The annotation list.
    #[default]
    Annotations,
    /// Several annotators compared.
    Compare,
    /// Passages the app proposes to tag.
    Suggestions,
    /// The codebook: the user's own codes, managed, beside the GCM's.
    Codebook,
}

/// How far a long task has come.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// What is being done, such as `Importing “a.json”`.
    pub label: String,
    pub done: usize,
    pub total: usize,
    /// Said as a percentage (bytes of a file read), not as "done of total" (annotations).
    pub percent: bool,
}

impl Progress {
    /// What the progress line says: "Reading “a.json”: 48%", "Importing “a.json”,
    /// annotations placed: 15,500 of 79,998", or the label alone while the total is unknown.
    pub fn text(&self) -> String {
        match (self.total, self.percent) {
            (0, _) => format!("{}…", self.label),
            (t, true) => {
                let percent = (self.done.min(t) * 100) / t;
                t!("session-percent", label = self.label, percent = percent)
            }
            (t, false) => t!(
                "session-progress",
                label = self.label,
                done = self.done,
                total = t
            ),
        }
    }
}

/// Where a pinned card stands.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CardPlace {
    /// Below a point of the document's article, in CSS pixels from its top-left corner
    /// (where the user clicked): the card scrolls with the text.
    Point { x: f64, y: f64 },
    /// Below a span of the text, in code points (reached from the keyboard).
    Span { start: Cp, end: Cp },
}

/// The card that lists the annotations at one place, pinned open by a click or the
/// keyboard until dismissed. (The card shown while hovering is the reader's own.)
#[derive(Clone, Debug, PartialEq)]
pub struct PinnedCard {
    /// Annotation ids, innermost first.
    pub ids: Vec<String>,
    pub place: CardPlace,
}

/// The view state.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    /// The id of the document being read, if any.
    pub open: Option<String>,
    pub settings: Settings,
    /// A span waiting for tags.
    pub pending: Option<PendingSpan>,
    /// The annotation whose tags and note the palette is editing.
    pub editing: Option<String>,
    /// The palette is open on the open document as a whole (tagging it, not a passage).
    pub tagging_document: bool,
    /// The current annotation: marked in the text and the list, the one N, P, Enter and
    /// Delete act on.
    pub current: Option<String>,
    /// The keyboard caret as (anchor, head), code points; `None` until the keyboard moves
    /// it, and again after a mouse selection.
    pub caret: Option<(Cp, Cp)>,
    pub pinned: Option<PinnedCard>,
    /// What a screen reader is told after a keyboard move (a live region).
    pub announcement: String,
    /// Why the palette could not save (no tag chosen, no name yet), shown in the palette.
    pub problem: Option<String>,
    pub filter: Filter,
    pub notices: Notices,
    /// A long task under way.
    pub progress: Option<Progress>,
    /// What the side panel shows beside an open document (the palette takes over while
    /// tagging).
    pub panel: Panel,
    /// Passages the side panel points at in the open document: suggestions, or where
    /// annotators disagree. Marked in the text; never saved.
    pub marked: Vec<(Cp, Cp)>,
    /// Passages every compared annotator tagged alike, marked apart from `marked`.
    pub agreed: Vec<(Cp, Cp)>,
    /// The first code point in view when each document was last scrolled, by document id.
    pub scroll: BTreeMap<String, Cp>,
    /// Set while another tab edits: actions that change the work are refused
    /// ([`crate::action::Action::changes_stored_work`]) and nothing is written.
    pub read_only: Option<ReadOnly>,
    /// Why the stored codebook could not be read (damaged, or written by a newer version):
    /// it is kept untouched, so nothing may write the codebook in this session: making,
    /// changing or importing codes is refused with this reason.
    pub codes_locked: Option<String>,
    /// A new version of the app is installed and waiting to take over (a reload).
    pub update_waiting: bool,
}

impl Default for Session {
    fn default() -> Self {
        Session {
            open: None,
            settings: Settings::default(),
            pending: None,
            editing: None,
            tagging_document: false,
            current: None,
            caret: None,
            pinned: None,
            announcement: String::new(),
            problem: None,
            filter: Filter::default(),
            notices: Notices::default(),
            progress: None,
            panel: Panel::Annotations,
            marked: Vec::new(),
            agreed: Vec::new(),
            scroll: BTreeMap::new(),
            read_only: None,
            codes_locked: None,
            update_waiting: false,
        }
    }
}

impl Session {
    /// The document being read.
    pub fn open_document<'l>(&self, library: &'l Library) -> Option<&'l crate::document::Document> {
        self.open.as_deref().and_then(|id| library.document(id))
    }

    /// Leaves whatever was being done in the open document: the pending span, the edit, the
    /// current annotation, the caret, the card and the marks.
    pub fn leave_document(&mut self) {
        self.pending = None;
        self.tagging_document = false;
        self.editing = None;
        self.current = None;
        self.caret = None;
        self.pinned = None;
        self.problem = None;
        self.marked.clear();
        self.agreed.clear();
    }

    /// Makes the trimmed span of the open document pending (code points), or clears the
    /// pending span when nothing but white space is left.
    pub fn propose(&mut self, library: &Library, start: Cp, end: Cp) {
        self.pending = self.open_document(library).and_then(|doc| {
            let (start, end) = crate::annotation::trim_span(&doc.text, start, end)?;
            Some(PendingSpan {
                document: doc.id.clone(),
                start,
                end,
                quote: doc.text.slice(start, end)?.to_string(),
            })
        });
        if self.pending.is_some() {
            self.editing = None;
            self.problem = None;
        }
    }

    /// Moves the keyboard caret by `motion`; `extend` keeps the anchor, and a caret with
    /// two ends makes their span pending. With no caret yet it starts at the current
    /// annotation, else at `in_view`, else at the start of the text.
    pub fn move_caret(
        &mut self,
        library: &Library,
        motion: Motion,
        extend: bool,
        in_view: Option<Cp>,
    ) -> Vec<Effect> {
        let Some(doc) = self.open_document(library) else {
            return vec![];
        };
        let (anchor, head) = self.caret.unwrap_or_else(|| {
            let start = self
                .current
                .as_deref()
                .and_then(|id| library.annotation(id))
                .map(|a| a.start)
                .or(in_view)
                .unwrap_or(Cp(0));
            (start, start)
        });
        // Left or Right without Shift on a selection collapses it to that side, as in every
        // text editor, rather than moving a character past it.
        let head = match (motion, extend, anchor == head) {
            (Motion::Left, false, false) => anchor.min(head),
            (Motion::Right, false, false) => anchor.max(head),
            _ => move_caret(&doc.text, head, motion),
        };
        let anchor = if extend { anchor } else { head };
        self.caret = Some((anchor, head));
        self.pinned = None;
        let view = if anchor == head {
            self.pending = None;
            CaretView::At(head)
        } else {
            self.propose(library, anchor.min(head), anchor.max(head));
            CaretView::Span(anchor, head)
        };
        vec![
            Effect::Caret(view),
            Effect::ScrollTo {
                start: head,
                end: head,
                if_hidden: true,
            },
        ]
    }

    /// Makes the next (or previous) annotation of the open document current, wrapping
    /// around: the caret goes to its start, its card is pinned, and a screen reader is told
    /// which it is (`Annotation 2 of 7: …`).
    pub fn step_annotation(&mut self, library: &Library, forward: bool) -> Vec<Effect> {
        let Some(doc) = self.open.as_deref() else {
            return vec![];
        };
        let Some(a) = library.neighbour(doc, self.current.as_deref(), forward) else {
            return vec![];
        };
        let list = library.annotations_of(doc);
        let pos = list.iter().position(|x| x.id == a.id).unwrap_or(0);
        let what = a.describe(library.codebook());
        self.announcement = t!("session-step", n = pos + 1, total = list.len(), what = what);
        self.current = Some(a.id.clone());
        self.caret = Some((a.start, a.start));
        self.pinned = Some(PinnedCard {
            ids: vec![a.id.clone()],
            place: CardPlace::Span {
                start: a.start,
                end: a.end,
            },
        });
        vec![
            Effect::ScrollTo {
                start: a.start,
                end: a.end,
                if_hidden: false,
            },
            Effect::Caret(CaretView::Hidden),
            Effect::ClearSelection,
        ]
    }

    /// Forgets references to annotations that are gone, and what a screen reader was last
    /// told about the current one.
    pub fn forget_annotations(&mut self, gone: &std::collections::HashSet<String>) {
        if self.current.as_ref().is_some_and(|id| gone.contains(id)) {
            self.current = None;
            self.announcement.clear();
        }
        if self.editing.as_ref().is_some_and(|id| gone.contains(id)) {
            self.editing = None;
        }
        if let Some(p) = &mut self.pinned {
            p.ids.retain(|id| !gone.contains(id));
            if p.ids.is_empty() {
                self.pinned = None;
            }
        }
    }

    /// Adds a message; one that offers Undo replaces any earlier such offer. Every error is
    /// kept; only the last few confirmations are ([`crate::notices::MAX_INFOS`]).
    pub fn notify(&mut self, level: Level, text: String, offers_undo: bool, offers_export: bool) {
        self.notices.push(level, text, offers_undo, offers_export);
    }

    /// Sets the annotator's name (trimmed, cut to its limit with a message); saves the
    /// settings when it changed.
    pub fn set_annotator(&mut self, name: &str) -> Vec<Effect> {
        let name = self.clip_typed(Field::AnnotatorName, name.trim());
        if name == self.settings.annotator {
            return vec![];
        }
        self.settings.annotator = name;
        self.problem = None;
        vec![Effect::SaveSettings]
    }

    /// The name written into new annotations: trimmed, and cut to its limit, since a name
    /// stored by an older build may be longer. (The stored name itself is kept as it is.)
    pub fn annotator(&self) -> String {
        Field::AnnotatorName.clip(self.settings.annotator.trim()).0
    }

    /// This profile's annotator id ([`Settings::annotator_id`]).
    pub fn annotator_id(&self) -> &str {
        &self.settings.annotator_id
    }

    /// What the user typed or pasted into `field`, cut to its limit (and of the white space
    /// the cut left at its end); when cut, a message says so ("The name was cut to 200
    /// characters.").
    pub fn clip_typed(&mut self, field: Field, value: &str) -> String {
        let (kept, cut) = field.clip(value);
        if !cut {
            return kept;
        }
        self.notify(Level::Info, field.clipped_message(), false, false);
        // The cut may fall after a space: a value never ends in one.
        kept.trim_end().to_string()
    }

    /// Adds an error message that offers Export, unless one already does.
    pub fn notify_export(&mut self, text: String) {
        if !self.notices.iter().any(|n| n.offers_export) {
            self.notify(Level::Error, text, false, true);
        }
    }

    /// Refuses a change in a read-only tab: says why, in the palette if it is open (what
    /// was typed there stays, to be saved once this tab edits), else once among the
    /// notices; asks nothing of the shell.
    pub fn refuse_read_only(&mut self) -> Vec<Effect> {
        if self.pending.is_some() || self.editing.is_some() {
            self.problem = Some(read_only_refusal());
        } else if !self.notices.iter().any(|n| n.text == read_only_refusal()) {
            self.notify(Level::Error, read_only_refusal(), false, false);
        }
        vec![]
    }

    /// Whether the palette is open: a passage or the document being tagged, or an
    /// annotation's tags and note being edited (an edit the app must not reload under).
    pub fn palette_open(&self) -> bool {
        self.pending.is_some() || self.editing.is_some() || self.tagging_document
    }

    /// Whether to offer "Reload to update": a new version waits, and no edit is in
    /// progress (a reload would lose the passage being tagged or the note being typed).
    pub fn offers_update(&self) -> bool {
        self.update_waiting && !self.palette_open()
    }

    /// Removes the Undo offers of earlier messages (what they offered to undo is gone).
    pub fn drop_undo_offers(&mut self) {
        self.notices.drop_undo_offers();
    }

    /// Adds a code to the list's filter, or takes it out; codes that `codebook` lacks are
    /// ignored.
    pub fn toggle_filter_tag(&mut self, tag: String, codebook: &crate::codes::Codebook) {
        if let Some(i) = self.filter.tags.iter().position(|t| *t == tag) {
            self.filter.tags.remove(i);
        } else if codebook.contains(&tag) {
            self.filter.tags.push(tag);
        }
    }

    /// Chooses the side panel; leaving a panel clears the passages it marked.
    pub fn show_panel(&mut self, panel: Panel) {
        if panel != self.panel {
            self.marked.clear();
            self.agreed.clear();
        }
        self.panel = panel;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_waiting_update_is_offered_only_while_the_palette_is_closed() {
        let mut s = Session::default();
        assert!(!s.offers_update(), "nothing waits yet");
        s.update_waiting = true;
        assert!(s.offers_update());
        s.pending = Some(PendingSpan {
            document: "d".into(),
            start: Cp(0),
            end: Cp(4),
            quote: "text".into(),
        });
        assert!(!s.offers_update(), "a passage is being tagged");
        s.pending = None;
        s.editing = Some("a".into());
        assert!(!s.offers_update(), "an annotation is being edited");
        s.editing = None;
        s.tagging_document = true;
        assert!(!s.offers_update(), "the document is being tagged");
        s.tagging_document = false;
        assert!(s.offers_update(), "offered again once the edit ends");
    }

    #[test]
    fn progress_says_a_percentage_of_bytes_and_counts_of_annotations() {
        let p = |done, total, percent| Progress {
            label: "Reading “a.json”".into(),
            done,
            total,
            percent,
        };
        assert_eq!(p(0, 0, true).text(), "Reading “a.json”…");
        assert_eq!(
            p(20_000_000, 40_362_806, true).text(),
            "Reading “a.json”: 49%"
        );
        assert_eq!(
            p(41_000_000, 40_362_806, true).text(),
            "Reading “a.json”: 100%"
        );
        assert_eq!(
            p(15_500, 79_998, false).text(),
            "Reading “a.json”: 15500 of 79998"
        );
    }

    #[test]
    fn recent_tags_come_first_without_repeats_and_are_bounded() {
        let mut s = Settings::default();
        s.remember_tags(&["objective-2".into(), "objective-3".into()]);
        s.remember_tags(&["objective-3".into()]);
        assert_eq!(s.recent_tags, ["objective-3", "objective-2"]);
        for i in 1..=10 {
            s.remember_tags(&[format!("objective-{i}")]);
        }
        assert_eq!(s.recent_tags.len(), RECENT_TAGS);
        assert_eq!(s.palette_order()[0].id, "objective-10");
        assert_eq!(s.palette_order().len(), codebook::TAGS.len());
    }
}
