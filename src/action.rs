//! What can happen to the app's state: every [`Action`] a user or the shell means, with
//! what it carries. [`crate::state::Model::apply`] is the only thing that applies them.

use crate::annotation::{Annotation, Millis};
use crate::caret::Motion;
use crate::document::Document;
use crate::formats::plan::Plan;
use crate::formats::Format;
use crate::session::{Level, Panel, Progress, ReadOnly};
use crate::text::Cp;

/// A suggested passage the user accepted, with the id its annotation gets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accepted {
    pub id: String,
    /// Code points of the open document.
    pub start: Cp,
    pub end: Cp,
    pub tag: String,
}

/// What was found in the browser's storage at start-up.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Restored {
    pub documents: Vec<Document>,
    pub annotations: Vec<Annotation>,
    pub orphans: Vec<Annotation>,
    pub settings: crate::session::Settings,
    pub open: Option<String>,
    /// The first code point in view of each document when last read.
    pub scroll: Vec<(String, Cp)>,
    /// The user's own codes (schema 4; none before).
    pub codebook: crate::codes::Codebook,
    /// Why the stored codebook record could not be read, when it could not: it is then kept
    /// untouched ([`crate::session::Session::codes_locked`]).
    pub codebook_unread: Option<String>,
    /// The undo history (schema 5; empty before, or when it could not be read).
    pub history: crate::history::History,
    /// The assignment the user works on (schema 6; none before, or when it could not be
    /// read).
    pub assignment: Option<crate::assignment::Assignment>,
    /// The learned suggester's record (schema 8; none before, or when nothing was learned
    /// yet), as stored: [`crate::state::Model::suggester`].
    pub suggester: Option<std::sync::Arc<str>>,
}

/// A change to the [`crate::state::Model`]: what the user means, carrying what it needs.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Show this document; unknown ids are ignored.
    OpenDocument(String),
    /// Go back to the library.
    CloseDocument,
    /// The pointer selected a span of the open document (code points); white space is
    /// trimmed, and an empty span clears the pending span. The keyboard caret then spans
    /// it, so that Shift and the arrows extend the pointer's selection.
    Propose {
        start: Cp,
        end: Cp,
    },
    /// Forget the pending span.
    CancelPending,
    /// Clear the palette's message (the user changed what it was about).
    ClearProblem,
    /// Tag a span of a document: the annotation `id` is made of it.
    Create {
        id: String,
        document: String,
        start: Cp,
        end: Cp,
        tags: Vec<String>,
        note: String,
        now: Millis,
    },
    /// Accept suggested passages of the open document, each with one tag: one undo step.
    Accept {
        passages: Vec<Accepted>,
        now: Millis,
    },
    /// Open the palette on the open document as a whole, to tag it (not a passage).
    StartTagDocument,
    /// Tag a whole document: the annotation `id` is made, with no span.
    TagDocument {
        id: String,
        document: String,
        tags: Vec<String>,
        note: String,
        now: Millis,
    },
    /// Make an own code (its id `code-<uuid>`, its name checked).
    AddCode(crate::codes::OwnCode),
    /// Rename, recolour, re-nest or re-describe an own code (by its id).
    UpdateCode(crate::codes::OwnCode),
    /// Merge the own code `from` into the code `into`.
    MergeCodes {
        from: String,
        into: String,
        now: Millis,
    },
    /// Delete an own code: see [`crate::state::codes::CodeUse`] for what happens to the
    /// annotations that carry it.
    DeleteCode {
        id: String,
        now: Millis,
    },
    /// Open the palette on an existing annotation.
    StartEdit(String),
    CancelEdit,
    /// Replace an annotation's tags and note.
    Update {
        id: String,
        tags: Vec<String>,
        note: String,
        now: Millis,
    },
    Delete(String),
    /// Delete an orphan (an annotation that could not be placed).
    DeleteOrphan(String),
    /// Delete every orphan waiting for this document, which is not in this browser (the
    /// Library's "Waiting for their text"): one undo step.
    DeleteWaiting(String),
    /// Place the orphans waiting for a text on this document, which holds that text: after
    /// an Undo took back their placement, the text is here and nothing would add it again.
    /// One undo step.
    PlaceWaiting(String),
    /// Add what an import planned: documents, annotations, orphans; and say what happened.
    Import(Box<Plan>),
    /// Show how far a long task has come (an import), or that it is over.
    Progress(Option<Progress>),
    /// Choose what the side panel shows.
    ShowPanel(Panel),
    /// Mark passages in the text (the side panel's suggestions or disagreements).
    Mark(Vec<(Cp, Cp)>),
    /// Mark passages where every compared annotator agrees.
    MarkAgreed(Vec<(Cp, Cp)>),
    Undo,
    Redo,
    /// Make an annotation current (or none).
    SetCurrent(Option<String>),
    /// Make an annotation current and scroll the text to it.
    Show(String),
    /// Pin the card of the annotations under a clicked point (innermost first; the point in
    /// CSS pixels of the document's article); the first becomes current and the keyboard
    /// caret goes.
    Pin {
        ids: Vec<String>,
        x: f64,
        y: f64,
    },
    /// Close the pinned card.
    Unpin,
    /// Move the keyboard caret; `extend` keeps the anchor (Shift). With no caret yet it
    /// starts at the current annotation, else at `in_view` (the first code point on
    /// screen), else at the start.
    MoveCaret {
        motion: Motion,
        extend: bool,
        in_view: Option<Cp>,
    },
    /// Make the next (or previous) annotation in text order current, from the keyboard.
    StepAnnotation {
        forward: bool,
    },
    /// Enter: tag the pending span, or edit the current annotation.
    EditCurrent,
    /// Delete the current annotation.
    DeleteCurrent,
    /// Escape: drop the caret, the pending span, the card and the current annotation.
    Deselect,
    ToggleFilterTag(String),
    SetQuery(String),
    ClearFilter,
    SetAnnotator(String),
    /// Add the user's documents to the library and open the first.
    AddDocuments(Vec<Document>),
    RenameDocument {
        id: String,
        title: String,
    },
    /// Delete a user document and its annotations (the shell asks for confirmation first).
    DeleteDocument(String),
    /// Remember where a document was read to (the first code point in view).
    Scrolled {
        document: String,
        at: Cp,
    },
    /// Export annotations: of one document (`Some(id)`) or all; hands the file to the
    /// browser and says so. Only this profile's own work unless `everything`
    /// ([`crate::formats::Options::everything`]).
    Export {
        format: Format,
        only: Option<String>,
        seed_text: bool,
        everything: bool,
        now: Millis,
    },
    /// Download an assignment file (a teacher's): `assignment`'s documents, its
    /// instructions, scope and id, and the teacher's annotations of those documents only
    /// when `examples` (as given examples).
    ExportAssignment {
        assignment: Box<crate::assignment::Assignment>,
        examples: bool,
        now: Millis,
    },
    /// Download everything as the project's JSON: the rescue after a failed save.
    ExportAll {
        now: Millis,
    },
    Notify(Level, String),
    /// Tell the user that saving failed: the work stays in memory and can be exported.
    SaveFailed(String),
    /// Tell the user that the browser offers no storage at all (site data blocked, some
    /// private windows): the app works in memory, and export is the only way to keep work.
    StorageUnavailable(String),
    /// Remove these messages (one, or the errors shown as one).
    Dismiss(Vec<u64>),
    /// A new version of the app is installed and waiting (the service worker says so):
    /// offer "Reload to update" whenever no edit is in progress.
    UpdateWaiting,
    /// Remove the confirmations whose time is up at `now` (the shell's timer), unless the
    /// user `held` them (pointer over them, or focus in them).
    ExpireNotices {
        now: Millis,
        held: bool,
    },
    /// Load what storage held at start-up.
    Restore(Restored),
    /// Replace the library and the settings with what storage holds now, written by another
    /// tab: the undo history becomes the stored one (this tab's steps were made on an older
    /// copy), and the open document and what the user is reading stay if they still exist.
    Reread(Restored),
    /// Make this tab read-only (another tab edits), or the editor again (`None`).
    SetReadOnly(Option<ReadOnly>),
    /// Add a file read for Compare: its record, as Compare made it
    /// ([`crate::state::class::file_record`]).
    AddClassFile(String),
    /// Put this record in the place of file `n`'s (Compare moved the answer key).
    PutClassFile(u64, String),
    /// Take file `n` out of Compare.
    RemoveClassFile(u64),
    /// Look at Compare's files this way (agreement over coded text only, the student table's
    /// order).
    SetClassView(crate::state::class::ClassView),
    /// Compare's files as storage holds them (at start-up, or written by another tab).
    RestoreClass(crate::state::class::Records),
    /// Put `put` in the library (each a new annotation, or in the place of the one with its
    /// id) and delete the annotations `remove` names, on `document`, as one undo step, after
    /// adding the own codes `codes` that the codebook lacks: how Compare's module settles a
    /// gold standard (`crate::classroom::gold::settle` computes them). An annotation not on
    /// `document`, or whose quote is not the text at its span, is passed over.
    Replace {
        document: String,
        remove: Vec<String>,
        put: Vec<Annotation>,
        codes: Vec<crate::codes::OwnCode>,
    },
    /// Keep this record of the learned suggester (its module wrote it, the app does not
    /// read it) in place of the one there is, and store it; `None` forgets it and deletes
    /// the stored one (the suggester is reset). Not an undo step, and not unsaved work: it
    /// is derived from the annotations. A read-only tab keeps it but does not store it.
    PutSuggester(Option<String>),
}

impl Action {
    /// True for an action that changes what is stored (the library, its undo steps, or the
    /// settings record the editing tab writes): what a read-only tab refuses. Exhaustive, so
    /// that every new action is decided here.
    pub fn changes_stored_work(&self) -> bool {
        match self {
            Action::Create { .. }
            | Action::TagDocument { .. }
            | Action::AddCode(_)
            | Action::UpdateCode(_)
            | Action::MergeCodes { .. }
            | Action::DeleteCode { .. }
            | Action::Accept { .. }
            | Action::Replace { .. }
            | Action::Update { .. }
            | Action::Delete(_)
            | Action::DeleteCurrent
            | Action::DeleteOrphan(_)
            | Action::DeleteWaiting(_)
            | Action::PlaceWaiting(_)
            | Action::Import(_)
            | Action::Undo
            | Action::Redo
            | Action::SetAnnotator(_)
            | Action::AddDocuments(_)
            | Action::RenameDocument { .. }
            | Action::DeleteDocument(_)
            | Action::AddClassFile(_)
            | Action::PutClassFile(..)
            | Action::RemoveClassFile(_) => true,
            Action::OpenDocument(_)
            | Action::CloseDocument
            | Action::Propose { .. }
            | Action::CancelPending
            | Action::StartTagDocument
            | Action::ClearProblem
            | Action::StartEdit(_)
            | Action::CancelEdit
            | Action::Progress(_)
            | Action::ShowPanel(_)
            | Action::Mark(_)
            | Action::MarkAgreed(_)
            | Action::SetCurrent(_)
            | Action::Show(_)
            | Action::Pin { .. }
            | Action::Unpin
            | Action::MoveCaret { .. }
            | Action::StepAnnotation { .. }
            | Action::EditCurrent
            | Action::Deselect
            | Action::ToggleFilterTag(_)
            | Action::SetQuery(_)
            | Action::ClearFilter
            | Action::Scrolled { .. }
            | Action::Export { .. }
            | Action::ExportAll { .. }
            | Action::ExportAssignment { .. }
            | Action::Notify(..)
            | Action::SaveFailed(_)
            | Action::StorageUnavailable(_)
            | Action::Dismiss(_)
            | Action::UpdateWaiting
            | Action::ExpireNotices { .. }
            | Action::Restore(_)
            | Action::Reread(_)
            | Action::SetReadOnly(_)
            | Action::SetClassView(_)
            | Action::RestoreClass(_)
            // Derived from the annotations, and put by the suggester's module, not the
            // user: a read-only tab takes it without a refusal and does not store it.
            | Action::PutSuggester(_) => false,
        }
    }
}
