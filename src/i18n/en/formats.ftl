## Import formats: why a file was refused or partly read, and what an import did.
## $file, $name, $code, $parent and $value arrive already isolated (U+2068 … U+2069):
## write the quotes around them here.

# A whole refusal; $problem is one of the fmt- reasons below ("it is empty").
fmt-not-imported = “{ $file }” was not imported: { $problem }. Nothing was changed.

## Reasons a file is refused: each completes “… was not imported: <reason>.”, lowercase.

# $size and $limit are sizes with their unit: "52.1 MB", "50 MB".
fmt-too-big = it is { $size }, over the import limit of { $limit }
fmt-not-utf8 = it is not UTF-8 text (the first invalid byte is at position { $position })
fmt-empty = it is empty
fmt-too-deep = its data is nested too deeply (over { $levels } levels)
fmt-label-studio = it looks like a Label Studio export ('data' and 'annotations' with 'result'), which this app does not read: export W3C Web Annotation from it, or doccano JSONL with 'text' and 'label'
fmt-json-unknown = it is JSON, but not in a format this app reads (GCM Annotator JSON, W3C Web Annotation, or doccano JSONL)
fmt-unknown = it is not in a format this app reads (GCM Annotator JSON, W3C Web Annotation, or doccano JSONL)
# $error is the JSON parser's own message, in English.
fmt-not-json = it is not valid JSON ({ $error })

## The project's own JSON.
fmt-newer-version = it was written by a newer version of the app (format version { $version }; this one reads { $reads })
fmt-no-version = it has no format version
# $error is the JSON parser's own message, in English.
fmt-not-the-format = it does not follow the format: { $error }
# $field is the file's field name, kept in English: created or updated.
fmt-bad-time = its { $field } time “{ $value }” is not an ISO 8601 date
# $field is the file's field name, kept in English: start or end.
fmt-missing-field = it does not follow the format: missing field `{ $field }`

## W3C Web Annotation. Annotation, TextQuoteSelector, TextPositionSelector, 'tagging',
## 'commenting' and 'value' are the standard's names: keep them. $n counts from 1.
fmt-w3c-first-page-empty = its first page has no items
fmt-w3c-pages-linked = its pages are not embedded in the file (only linked); export them with their items
fmt-w3c-page-empty = the page has no items
fmt-w3c-not-annotation = item { $n } is not an Annotation
fmt-w3c-no-id = annotation { $n } has no id
fmt-w3c-no-target = annotation { $n } has no target
fmt-w3c-no-source = annotation { $n }'s target has no source
fmt-w3c-no-exact = annotation { $n }: its TextQuoteSelector has no exact text
# $field is start or end.
fmt-w3c-bad-position = annotation { $n }: its TextPositionSelector needs a non-negative whole { $field }
fmt-w3c-no-selector = annotation { $n } has neither a TextQuoteSelector nor a TextPositionSelector
fmt-w3c-bad-time = annotation { $n }: “{ $value }” is not an ISO 8601 date
# A note after an import; $selector is the file's selector type.
fmt-w3c-selector-ignored = '{ $selector }' is not read: only TextQuoteSelector and TextPositionSelector place an annotation here
# Notes after an import; $purpose is the file's body purpose (a W3C word).
fmt-w3c-body-no-value = a '{ $purpose }' body without a 'value' is not read: tags and notes are textual bodies
fmt-w3c-purpose-ignored = bodies with purpose '{ $purpose }' are not read: tags come from 'tagging' bodies, notes from 'commenting' ones

## doccano JSONL. "text", "label", "entities", start_offset… are the format's keys: keep them.
# $error is the JSON parser's own message, in English.
fmt-line-not-json = line { $line } is not JSON ({ $error })
fmt-line-no-text = line { $line } has no "text"
fmt-line-no-label = line { $line } has no "label" list (nor doccano's "entities")
fmt-line-bad-label = line { $line }, label { $label }: expected [start, end, "tag"] or {"{"}"start_offset", "end_offset", "label"{"}"}
fmt-no-documents = it holds no documents
# A note after an import: $cut of the $moved spans would cut words if read as code points.
fmt-line-utf16 = line { $line }'s offsets were read as UTF-16 code units, as some exporters write them: read as code points, { $cut } of the { $moved } spans they move would cut words (undo the import if that is wrong)
# A note after an import: a key of another tool's JSONL that is not read; $key is the key.
fmt-doccano-unread = '{ $key }' is not read: { $key ->
        [relations] doccano's relations between spans are not kept
        [cats] spaCy-style document categories are not read: a plain string in 'label' tags the whole document
        [data] Label Studio's tasks are not read: export JSON-MIN or CSV there, or W3C
        [annotations] Label Studio's annotations are not read: doccano JSONL spans go in 'label'
       *[other] Label Studio's predictions are not read
    }

## Checking a file against the library before anything is placed; $n counts from 1,
## offsets count characters.
fmt-text-edited = the text of “{ $name }” was edited since it was exported (its sha256 no longer matches): it was matched by its text
fmt-text-altered = the text of document “{ $name }” does not match its SHA-256; the file was altered or damaged
fmt-document-too-big = document “{ $name }” is { $size }, over the limit of { $limit }
# $problem is why the annotation's tags are refused (a sentence of the core).
fmt-annotation-problem = annotation { $n }: { $problem }
fmt-annotation-backwards = annotation { $n } ends ({ $end }) before it starts ({ $start })
fmt-annotation-empty = annotation { $n } is empty: it starts and ends at { $start } (offsets must satisfy start < end)
fmt-annotation-half = annotation { $n } has a start without an end, or an end without a start
fmt-annotation-past-end = annotation { $n } ends at { $end }, past the end of its document ({ $length } characters)
fmt-annotation-no-text = annotation { $n } has no quote, and its document is not in this browser
fmt-annotation-empty-quote = annotation { $n } has an empty quote
fmt-code-cycle = its code “{ $code }” is nested under itself (its codes' parents make a cycle)
fmt-code-no-name = its code “{ $code }” has no name
# $tag is the GCM tag's name: "Objective 1: Data".
fmt-code-gcm-name = its code “{ $code }” has the name of a GCM tag ({ $tag })
fmt-code-undeclared-parent = its code “{ $code }” is nested under “{ $parent }”, a code it does not declare

## Progress of an import, after "Importing “file”, ".
fmt-progress-matched = documents matched
fmt-progress-checked = annotations checked
fmt-progress-placed = annotations placed

## A new document made by an import: its description in the library, and its title when
## the file gives none and its text starts with a blank line.
fmt-imported-from = Imported from { $file }
fmt-untitled = Untitled text

## An import's summary: parts joined by "; " and ended by ".", then each note.
## "Library → Waiting for their text" and “Not found in this text” name parts of the interface.
fmt-summary-imported = “{ $file }”: { $count ->
        [one] { $count } annotation
       *[other] { $count } annotations
    } imported
fmt-summary-kept = “{ $file }”: { $count ->
        [one] { $count } annotation kept, waiting for its text
       *[other] { $count } annotations kept, waiting for their text
    }, which is not in this browser: see Library → Waiting for their text (they are placed when it is added)
fmt-summary-reanchored = { $count } found by their quote because the text had changed
fmt-summary-orphans = { $count } could not be placed in the text and { $count ->
        [one] is
       *[other] are
    } kept as orphans: see “Not found in this text” beside the document
fmt-summary-waiting = { $count } not found: their text is not in this browser; see Library → Waiting for their text (they are placed when it is added)
fmt-summary-skipped = { $count } skipped as already here
fmt-summary-documents = { $count ->
        [one] { $count } document
       *[other] { $count } documents
    } added
# $names: up to ten code names, joined by ", ".
fmt-summary-codes = { $count ->
        [one] { $count } new code
       *[other] { $count } new codes
    }: { $names }
# $more: how many names past the ten listed.
fmt-summary-codes-more = { $count ->
        [one] { $count } new code
       *[other] { $count } new codes
    }: { $names } and { $more } more
fmt-summary-markup = { $count ->
        [one] { $count } field contains
       *[other] { $count } fields contain
    } markup, shown as plain text
# $note is a reader's note: one of the notes above.
fmt-summary-note = Note: { $note }.

## The export menu's names of formats (brand and standard names stay as they are).
fmt-label-project = GCM Annotator JSON (complete)
fmt-label-csv = CSV spreadsheet
fmt-label-refi = REFI-QDA project (NVivo, ATLAS.ti, MAXQDA, QualCoder)
fmt-label-codebook = REFI-QDA codebook only (.qdc)
