## The core's messages: notices, refusals and reasons the app's logic words, and the
## browser shell's messages about files, storage and exports. $name, $title, $same and
## $into are names already wrapped in bidi isolates: write the quotes around them.
## $reason is a sentence fragment from elsewhere (often the browser's own words).

## Sizes. $n is a number (megabytes with one decimal at most).
core-size-mb = { $n } MB
core-size-kb = { $n } KB
core-size-bytes = { $n ->
    [one] { $n } byte
   *[other] { $n } bytes
}
# Joins a list: $rest is its items but the last, already joined with ", ".
core-and = { $rest } and { $last }
core-no-module = the part of the app that writes this format could not be loaded: it needs the network the first time, and works offline after that

## The page shown when the app stops on a bug.
core-crash-title = Something went wrong in the GCM Annotator
core-crash-text = The app stopped because of a bug. Your work saved in this browser is safe and will be there when you reload. To keep a copy of everything that was on screen, including changes not yet saved, export it now.
core-crash-export = Export my work
core-crash-reload = Reload the app

## Notices grouped under one heading.
notice-files-refused = { $count ->
    [one] { $count } file refused
   *[other] { $count } files refused
}
notice-problems = { $count ->
    [one] { $count } problem
   *[other] { $count } problems
}

## Documents: opening files, pasted text, the library's lines.
doc-unsupported = “{ $name }” was not opened: the app reads plain text (.txt), Markdown (.md), PDF (.pdf), Word (.docx), OpenDocument (.odt) and web pages (.html).
doc-not-utf8 = “{ $name }” was not opened: it is not UTF-8 text (the first invalid byte is at position { $at }). Save it as UTF-8 and try again.
doc-not-utf16 = “{ $name }” was not opened: it starts as UTF-16 text but is not valid UTF-16. Save it as UTF-8 and try again.
doc-binary = “{ $name }” was not opened: it looks like binary data (mostly control characters), not text.
doc-empty = “{ $name }” was not opened: it is empty.
doc-no-text = “{ $name }” was not opened: it has no text to annotate.
# $size and $limit are sizes (core-size-…).
doc-too-large = “{ $name }” was not opened: it is { $size }, over the limit of { $limit }.
doc-text-too-large = “{ $name }” was not opened: its text is { $size }, over the limit of { $limit }.
# The library's line under a document read from a file. $kind: "PDF", "Word document"…;
# $name: the file's name (not isolated); $pages: how many pages (0: none said).
doc-source = Your { $kind } { $name }, { $size }{ $pages ->
    [0] {""}
    [one] , { $pages } page
   *[other] , { $pages } pages
}
doc-your-file = Your file { $name }, { $size }
# The title of pasted text given no title.
doc-pasted = Pasted text
doc-pasted-size = Pasted text, { $size }
# $opens is "yes" when that document is opened now.
doc-known = “{ $name }” is already in the library, as “{ $same }”{ $opens ->
    [yes] : that one is opened, with its annotations
   *[no] {""}
}.
doc-added = { $count ->
    [one] { $count } document added.
   *[other] { $count } documents added.
}
# The bundled texts' titles and one-line descriptions in the library (the texts
# themselves stay in their own language).
doc-seed-about-0 = IOM Finland's web page: who IOM is, the GCM's adoption, and its 23 objectives listed in full.
doc-seed-about-1 = A trilingual (English, French, Spanish) discussion thread of the Migration Network Hub on actions towards the objectives.
doc-seed-about-2 = IOM's web page with the Director General's 2018 report to the Council: support for migrants, emergencies, work with States.
doc-seed-about-3 = A briefing for the 2022 International Migration Review Forum: the GCM at a glance, its principles, objectives and the Network.
doc-seed-about-4 = An encyclopedia article on the Global Migration Group, the inter-agency group that preceded the UN Network on Migration.

## Reading and importing files.
open-reading = Reading “{ $name }”
open-reading-pages = Reading “{ $name }”, pages
open-unreadable = “{ $name }” could not be read: { $reason }.
open-busy = “{ $name }” was not opened: another PDF is being read; open this one once it is done.
open-no-readers = “{ $name }” was not opened: the part of the app that reads this kind of file could not be loaded. It needs the network the first time, and works offline after that.
import-reading-files = Reading the files
# $what: what is being counted, e.g. "annotations placed".
import-progress = Importing “{ $name }”, { $what }
import-too-large = “{ $name }” was not imported: it is { $size }, over the import limit of { $limit }. Nothing was changed.
import-refused = “{ $name }” was not imported: { $reason }. Nothing was changed.
# Added to an import's summary.
import-skipped-now = { $count ->
    [one] { $count } more was already here from a file imported just before.
   *[other] { $count } more were already here from a file imported just before.
}
import-lost = { $count ->
    [one] The last import of { $count } annotation from “{ $name }” was not saved; import the file again.
   *[other] The last import of { $count } annotations from “{ $name }” was not saved; import the file again.
}

## Exports.
export-done = { $count ->
    [one] Exported { $count } annotation to “{ $name }”.
   *[other] Exported { $count } annotations to “{ $name }”.
}
export-codebook = { $count ->
    [one] Exported the codebook (the GCM's 33 tags and { $count } code of your own) to “{ $name }”.
   *[other] Exported the codebook (the GCM's 33 tags and { $count } codes of your own) to “{ $name }”.
}
# Follows export-done when the file is too large to import back.
export-too-large = It is { $size }, and the app imports files of up to { $limit }: to be able to import this work back, also export each document on its own.
export-failed = Export failed: { $reason }.
export-to-failed = Export to “{ $name }” failed: { $reason }.
export-not-prepared = the browser could not prepare the file

## Saving and storage. The lower-case ones are reasons put inside other messages.
save-failed = Your latest changes could not be saved in this browser ({ $reason }). They are kept while this page stays open: export them to keep a copy.
save-lost = { $count ->
    [one] Your last change was not saved before the page closed; make it again.
   *[other] Your last { $count } changes were not saved before the page closed; make them again.
}
storage-unavailable = This browser is not letting the app keep anything ({ $reason }); site data may be blocked for this page. You can work as usual, but nothing is kept once this page closes: export your work to keep a copy.
# Why a stored record was not read: "it" is the record.
storage-newer = it was saved by a newer version of the app (schema { $schema }); it is kept untouched
storage-damaged = it is damaged ({ $reason }); it is kept untouched
storage-refused-open = its storage refused to open: { $reason }
storage-read-failed = reading storage failed: { $reason }
storage-document-lost = a stored document was not loaded: { $reason }
storage-chunk-lost = a stored record of annotations was not loaded: { $reason }
storage-settings-lost = settings were not loaded: { $reason }
storage-codes-lost = your own codes were not loaded: { $reason }
# Why changes were not saved ("them" are the changes).
storage-full = the browser's storage for this page is full
storage-refused-write = the browser refused to write them; its storage may be full
storage-refused-store = the browser refused to store them: { $reason }
storage-taken-over = another tab took over editing before they were written

## Tabs and progress.
session-other-tab = This annotator is open for editing in another tab. This one is read-only.
session-moved = Editing moved to another tab. This one is read-only.
# “Edit here instead” is the banner's button.
session-read-only = Not changed: this tab is read-only because the annotator is open for editing in another tab. Choose “Edit here instead” to edit in this one.
# $label: what is under way, e.g. Reading “a.json”.
session-percent = { $label }: { $percent }%
session-progress = { $label }: { $done } of { $total }
# For screen readers when moving to the next annotation; $what is edit-describe.
session-step = Annotation { $n } of { $total }: { $what }

## Annotating.
edit-needs-tag = Choose at least one objective or principle.
edit-needs-name = Enter your name: it is saved with your annotations.
edit-needs-name-first = Set your name first (top bar): it is saved with each annotation.
edit-no-tags = choose at least one objective or principle
edit-empty-span = the selection holds no text to annotate
edit-out-of-range = the span { $start }–{ $end } is outside the text ({ $count ->
    [one] { $count } character
   *[other] { $count } characters
})
edit-unknown-tag = “{ $name }” is not a GCM objective or principle
edit-not-saved = Not saved: { $reason }.
edit-deleted = Annotation deleted.
undo-elsewhere = Undo changed “{ $title }”.
redo-elsewhere = Redo changed “{ $title }”.
# An annotation for screen readers: $tags its tags' names joined by "; ", $quote its text.
edit-describe = { $tags }. “{ $quote }”
edit-describe-note = { $tags }. “{ $quote }”. Note: { $note }

## Fields whose text is cut to a limit. $field: name, title, note, code-name, instructions.
field-noun = { $field ->
    [name] name
    [title] title
    [note] note
    [code-name] code name
   *[instructions] instructions
}
field-clipped = { $field ->
    [name] The name was cut to { $limit } characters.
    [title] The title was cut to { $limit } characters.
    [note] The note was cut to { $limit } characters.
    [code-name] The code name was cut to { $limit } characters.
   *[instructions] The instructions were cut to { $limit } characters.
}
# An item of field-cut-summary's list.
field-cut-count = { $field ->
    [name] { $count ->
        [one] { $count } annotator name
       *[other] { $count } annotator names
    }
    [title] { $count ->
        [one] { $count } title
       *[other] { $count } titles
    }
    [note] { $count ->
        [one] { $count } note
       *[other] { $count } notes
    }
    [code-name] { $count ->
        [one] { $count } code name
       *[other] { $count } code names
    }
   *[instructions] { $count ->
        [one] { $count } set of instructions
       *[other] { $count } sets of instructions
    }
}
# $list: field-cut-count items joined; $count: how many values in all.
field-cut-summary = { $list } { $count ->
    [one] was longer than the limit and was cut
   *[other] were longer than the limits and were cut
}

## Codes of one's own.
code-error-empty = a code needs a name
# $by: code-by-objective, code-by-principle or code-by-own.
code-error-taken = “{ $name }” is already the name of { $by }
code-error-parent = there is no code “{ $name }” to nest it under
code-error-cycle = a code cannot be nested under itself or its own sub-codes
code-error-not-own = “{ $name }” is not one of your codes; the GCM's objectives and principles cannot be changed
code-error-too-many = a codebook holds at most { $count } codes of your own
code-by-objective = GCM objective { $number }
code-by-principle = a GCM guiding principle
code-by-own = your code “{ $name }”
code-refused = Not changed: { $reason }.
code-locked = Your codes cannot be changed in this session: the stored codebook was not loaded ({ $reason }). Export your work, and reload or update the app.
code-merged = { $count ->
    [one] Merged “{ $name }” into “{ $into }” ({ $count } annotation changed).
   *[other] Merged “{ $name }” into “{ $into }” ({ $count } annotations changed).
}
# $consequence: code-use or code-use-none.
code-deleted = Deleted the code “{ $name }”. { $consequence }
# $subs: code-subs with a space before it, or nothing.
code-subs = { $count ->
    [one] Its sub-code moves up to its place.
   *[other] Its { $count } sub-codes move up to its place.
}
code-use-none = No annotation carries it.{ $subs }
# Items of code-use's $parts.
code-use-kept = { $count ->
    [one] { $count } keeps its other codes
   *[other] { $count } keep their other codes
}
code-use-gone = { $count ->
    [one] { $count } has no other code and is deleted
   *[other] { $count } have no other code and are deleted
}
code-use = { $count ->
    [one] { $count } annotation carries it: { $parts }.{ $subs } Undo brings it all back.
   *[other] { $count } annotations carry it: { $parts }.{ $subs } Undo brings it all back.
}

## Annotations waiting for their text, placed when it arrives. $what: placed, not-found,
## already.
waiting-from = {" "}from “{ $name }”
waiting-first = { $count ->
    [one] { $count } annotation{ $from } was
   *[other] { $count } annotations{ $from } were
} { $what ->
    [placed] placed on
    [not-found] not found in
   *[already] already on
} “{ $title }”
waiting-more = { $count ->
    [one] { $count } was
   *[other] { $count } were
} { $what ->
    [placed] placed on
    [not-found] not found in
   *[already] already on
} “{ $title }”
waiting-hint = {" "}(see “Not found in this text” beside it)
# $parts: waiting-first then waiting-more, joined by "; "; $hint: waiting-hint or nothing.
waiting-said = { $parts }{ $hint }.
waiting-deleted = { $count ->
    [one] { $count } waiting annotation deleted.
   *[other] { $count } waiting annotations deleted.
}
