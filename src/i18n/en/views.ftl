## The main views: the top bar, the library, the reader, the palette, messages.

## The app (src/web/components/app.rs), and texts several views share.

app-loading = Loading your work…
app-skip = Skip to the text
app-welcome-title = Choose a document to read
app-welcome-gcm = The Global Compact for Safe, Orderly and Regular Migration (GCM), endorsed by the UN General Assembly in December 2018, is the states' shared framework for cooperation on migration: 23 objectives resting on 10 guiding principles.
app-welcome-how = Open one of the texts in the library, or add your own. Select a passage with the mouse, or with Shift and the arrow keys, then tag it with the Global Compact's objectives and guiding principles.
app-welcome-private = Everything stays in this browser and is saved as you go: nothing is sent anywhere unless you export it.
app-seeds-missing = Some of the bundled texts could not be loaded: reload the page to try again. Your own documents and annotations are not affected.
# $problem: why a stored record could not be read (a sentence from the storage layer).
app-storage-problem = Storage: { $problem }.
# A button that stops what is under way (reading a file) or closes the palette.
app-cancel = Cancel
# A button that deletes a document, or annotations waiting for their text.
app-delete = Delete
# A passage quoted in a card or a list: $quote is the passage's text.
app-quote = “{ $quote }”

## The top bar (topbar.rs).

top-saved = All changes saved in this browser
top-saving = Saving…
top-save-failed = Not saved: export your work
top-storage-unavailable = Storage unavailable: export your work
top-name-label = Annotator name
top-set-name = Set your name
# $name: the annotator's name, as they typed it.
top-annotator = Annotator: { $name }
top-change-name = Change the name saved with your annotations
# The group of the Undo and Redo buttons.
top-history = History
# Undo: the top bar's button (after an arrow ↶) and the button of a message after a deletion.
top-undo = Undo
    .title = Undo (Ctrl+Z)
top-redo = Redo
    .title = Redo (Ctrl+Shift+Z or Ctrl+Y)

## The library (library.rs).

library-title = Library
library-open-files = Open files…
library-open-files-label = Open text files
library-paste = Paste text
library-paste-title = Title
library-paste-text = Text
library-add = Add document
library-mine = Your documents
library-empty = Open a text, Markdown, PDF, Word, OpenDocument or web page file with the button above, drop files here, or paste text.
# After a document's description.
library-count = { $count ->
    [one] { $count } annotation
   *[other] { $count } annotations
}
# $name: the file the document came from; $hash: its SHA-256 in hexadecimal.
library-hash = SHA-256 of { $name }: { $hash }
# $title: a document's title.
library-rename-input = New title for { $title }
library-rename = Rename
library-rename-label = Rename { $title }
library-delete-label = Delete { $title }
library-confirm-label = Confirm deletion
library-confirm = Delete “{ $title }” and its { $count ->
    [one] { $count } annotation
   *[other] { $count } annotations
}? This cannot be undone.
library-delete-document = Delete document
library-keep = Keep it

## The library's annotations waiting for their text (waiting.rs).

waiting-view-title = Waiting for their text
waiting-view-intro = Imported annotations of texts that are not in this browser. Add the same text (open it, paste it, or import a file that carries it) and they are placed on it.
# Where the annotations came from, when the file is not known.
waiting-view-earlier-import = an earlier import
# $file: a file's name, as in “notes.jsonld” and 2 more.
waiting-view-files = { $file } and { $count } more
# A file's name in quotes.
waiting-view-file = “{ $name }”
# $from: the files, as waiting-view-file, waiting-view-files or waiting-view-earlier-import say.
waiting-view-from = From { $from }
waiting-view-known-id = The text's id: { $id }
waiting-view-known-sha = The text's SHA-256: { $hash }
# $title: the title of the document in this browser that has the same text.
waiting-view-here = { $count ->
    [one] { $count } annotation
   *[other] { $count } annotations
} of a text that is here, as “{ $title }”
waiting-view-absent = { $count ->
    [one] { $count } annotation
   *[other] { $count } annotations
} of a text not in this browser
waiting-view-place = Place on “{ $title }”
waiting-view-export = Export
waiting-view-export-label = Export the { $count ->
    [one] { $count } annotation
   *[other] { $count } annotations
} waiting from { $from }
waiting-view-delete-label = Delete the { $count ->
    [one] { $count } annotation
   *[other] { $count } annotations
} waiting from { $from }

## The reader (reader.rs).

reader-tag-document = Tag the whole document…
reader-help = Select a passage to tag it. Keyboard: arrow keys move, Shift+arrows select, Enter tags, N and P go to the next and previous annotation.
reader-text = Document text
# The card that lists the annotations under the pointer.
reader-card = Annotations at this place
reader-overlapping = { $count ->
    [one] { $count } overlapping annotation
   *[other] { $count } overlapping annotations
}
# $quote: the start of the annotated passage.
reader-select-label = Select annotation “{ $quote }”
reader-select = Select
reader-edit-label = Edit annotation “{ $quote }”
reader-edit = Edit
reader-close = Close

## The tag palette (palette.rs).

palette-tag-selection = Tag the selection
palette-tag-document = Tag the whole document
palette-edit = Edit annotation
# What an annotation of the whole document quotes.
palette-whole-document = The whole document
palette-save = Save annotation
palette-save-document = Save document tags
palette-save-changes = Save changes
palette-name = Your name, saved with each annotation (asked once; change it from the top bar)
palette-search = Search tags
    .placeholder = Search, or name a new code
palette-recent = Recently used
palette-objectives = Objectives
palette-principles = Guiding principles
palette-own-codes = Your codes
# The tooltip of a code the user made.
palette-own-code = Your code
# $tag: the GCM tag the code is filed under, as "Objective 17: Eliminate discrimination".
palette-own-code-under = Your code (under { $tag })
# $name: what was typed in the search box.
palette-new-code = + New code “{ $name }”
palette-no-match = No tag matches. Try a number such as 17, or a word such as “borders”.
# Under an assignment, whose scope leaves out the examples of palette-no-match.
palette-no-match-scoped = { $count ->
    [one] No tag matches. This assignment offers one tag: clear the search to see it.
   *[other] No tag matches. This assignment offers { $count } tags: clear the search to see them.
}
# The full title of the tag under the pointer or focus, after its name.
palette-described = { $label }: { $description }
palette-describe = Hover over or focus a tag to read its full title.
palette-note-label = Note (optional)
palette-note = Note
palette-selected = { $count } selected · Ctrl+Enter saves

## Messages (notices.rs).

notices-label = Messages
notices-export = Export my work
notices-dismiss = Dismiss
notices-dismiss-label = Dismiss message
# Several errors shown as one: the list of each.
notices-details = Show each one and why

## A read-only tab (editing_tab.rs).

editing-take-over = Edit here instead
editing-waiting = Waiting for the other tab…

## A field's length as it is typed (length_hint.rs).

length-near = { $count } of { $limit } characters
# $field: what the field is called ("note", "title", "name", …).
length-over = { $count } characters: the { $field } holds { $limit }; the rest will be cut when it is saved
