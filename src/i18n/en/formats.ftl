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

## The document readers (PDF, Word, OpenDocument, web pages), in their own module.
## A reason ($reason, or the messages below that start in lower case) follows "was not opened: ".
## $part and $entry are file names inside a zip archive (word/document.xml, project.qde).
read-not-opened = “{ $name }” was not opened: { $reason }.
read-unknown-kind = “{ $name }” was not opened: the document readers do not read this kind of file.
read-no-format = the app does not write this format
read-password = it is password-protected, or an old Word (.doc) file: save it as .docx without a password and open that
read-no-main-part = it has no { $part }, so it is not { $kind ->
        [odt] an OpenDocument text
       *[docx] a Word document
    } (or a damaged one)
read-not-zip = it is not a zip archive, or a damaged one
read-encrypted = it is encrypted
read-part-compressed = its part { $part } is compressed in a way that Word and OpenDocument do not use
read-part-unreadable = its part { $part } cannot be read
read-part-damaged = its part { $part } is damaged
read-zip-bomb = it inflates to more than { $mb } MB (a zip bomb?)
read-part-not-utf8 = its part { $part } is not UTF-8 XML
read-part-doctype = its part { $part } declares a document type or entities, which Word and OpenDocument never do
read-part-malformed = its part { $part } is malformed XML
read-xml-malformed = its XML is malformed
read-xml-failed = the XML parser failed
read-too-deep = it nests deeper than { $depth } levels
read-too-nested = it holds too many elements nested too deep to be read in reasonable time
read-missing = its { $entry } is missing
read-pdf-no-reader = the PDF reader could not be loaded (is the app's pdfjs folder served?)
# $limit is a size ("1.5 MB"); $page and $pages are page numbers.
read-pdf-too-large = its text passes the limit of { $limit } (at page { $page } of { $pages })
read-pdf-no-password = no password was given
read-pdf-cancelled = reading was cancelled
read-pdf-invalid = it is not a PDF, or it is too damaged to read
# $reason is pdf.js's own message, in English.
read-pdf-failed = pdf.js could not read it ({ $reason })
read-pdf-no-text = it has no text layer (it may be a scan); OCR is not offered

## Other tools' files read for import (brat, CSV, REFI-QDA, the app's JSON). These are reasons
## that follow "was not imported: ", or notes in the import's summary. $line, $row, $start,
## $end, $length are places in the file; $name a file name; column and element names
## ($column, $root, $ns, $entry) stay in English.
read-brat-no-ann = it holds no brat .ann file
read-brat-no-txt = “{ $name }” has no “{ $stem }.txt” beside it
# $what: a list such as "2 relations (R), 1 events (E)", made of the read-brat-skip- messages.
read-brat-skipped = not read, as this app has no place for them: { $what }
read-brat-split = { $count ->
        [one] { $count } discontinuous span (other text between its fragments) became one passage per fragment
       *[other] { $count } discontinuous spans (other text between their fragments) became one passage per fragment
    }
read-brat-bad-line = line { $line } of “{ $name }” is not a brat annotation
read-brat-span-reversed = line { $line } of “{ $name }”: its span { $start }–{ $end } is empty or reversed
read-brat-skip-notes = other # notes
read-brat-skip-relations = relations (R)
read-brat-skip-events = events (E)
read-brat-skip-attributes = attributes (A)
read-brat-skip-normalizations = normalizations (N)
read-brat-skip-equivalences = equivalences (*)
read-brat-skip-other-notes = notes on other than text-bound annotations
# $counting: one of read-brat-crlf, read-brat-utf16, read-brat-utf16-crlf.
read-brat-recounted = “{ $name }”'s offsets were read { $counting }: in code points they do not match its text
read-brat-crlf = with a CRLF line end as one character, as brat's server counts them (brat issue #853)
read-brat-utf16 = as UTF-16 code units, as brat's web client counts them (brat issue #1115)
read-brat-utf16-crlf = as UTF-16 code units with a CRLF line end as one, as brat's web client counts them (brat issues #1115 and #853)
# $document: what the line names.
read-brat-no-document = line { $line } of “{ $name }” names no document here (“{ $document }”)
read-brat-no-type = line { $line } of “{ $name }” has no type
read-brat-span-past-end = line { $line } of “{ $name }”: its span { $start }–{ $end } is past the end of the text ({ $length } characters)
# $quote: the text the line quotes; $found: the text at its offsets.
read-brat-quote-differs = line { $line } of “{ $name }”: its text “{ $quote }” is not what the .txt holds at its offsets (“{ $found }”)
read-brat-lone-conf = it is a brat configuration without an .ann file
read-lone-text = it is a text without a brat .ann file of the same name; to annotate it, open it as a document
read-unknown-file = the app does not read this kind of file
read-not-utf8 = { $name } is not UTF-8 text
read-csv-unclosed = row { $row } has a quoted cell that is never closed
# $column: "start" or "end" (the CSV's column names); $value: the cell.
read-csv-not-number = row { $row }: its { $column } “{ $value }” is not a number
read-csv-empty = it is empty
# $header: the header row expected, as the CSV writes it.
read-csv-no-header = its first row is not the header of this app's CSV export ({ $header })
read-csv-width = row { $row } has { $cells } cells, not { $width }
read-csv-no-document = row { $row } names no document
read-csv-no-tag = row { $row } has no tag
read-csv-span-reversed = row { $row }: its span { $start }–{ $end } is empty or reversed
read-csv-half-span = row { $row } needs both a start and an end, or neither
read-csv-bad-date = row { $row }: its created date “{ $value }” is not a date
read-zip-too-many = { $count } files are more than a zip archive holds ({ $max })
read-zip-too-large = the archive would be over 4 GB
# $error: the JSON parser's message, in English.
read-json-error = it is not the project's JSON: { $error }
read-json-not-project = it is not the project's JSON
read-json-newer = it was written by a newer version of the app (format version { $version }; this one reads { $reads })
read-json-bad-time = a time “{ $time }” is not an ISO 8601 date
read-json-no-offsets = annotation “{ $id }” has no offsets
read-refi-doctype = its { $entry } declares a document type or entities, which REFI-QDA never uses
read-refi-not-utf8 = its source { $entry } is not UTF-8 text
# $what: "project" or "codebook"; $root and $name are XML element names.
read-refi-root = it is not a REFI-QDA { $what ->
        [codebook] codebook
       *[project] project
    }: its root element is <{ $root }>, not <{ $name }>
read-refi-namespace = it is not a REFI-QDA { $what ->
        [codebook] codebook
       *[project] project
    }: its namespace is “{ $found }”, not { $ns }
read-refi-no-namespace = it is not a REFI-QDA { $what ->
        [codebook] codebook
       *[project] project
    }: it has no namespace, not { $ns }
read-refi-code-guid = code “{ $code }” has no valid GUID
read-refi-undeclared = a coding refers to code { $code }, which its codebook does not declare
# $selection is a GUID; $name an attribute name (startPosition, endPosition).
read-refi-position = selection { $selection } has no valid { $name }
read-refi-reversed = selection { $selection } of “{ $source }” starts at { $start }, after its end at { $end }
read-refi-other-sources = { $count ->
        [one] { $count } source that is not text (PDF, picture, audio or video) was skipped
       *[other] { $count } sources that are not text (PDF, picture, audio or video) were skipped
    }
read-refi-no-text = the text of source “{ $source }” (sources/{ $file }) is missing
read-refi-past-end = selection { $selection } of “{ $source }” ends at { $end }, past the end of its text ({ $length } characters)
read-refi-uncoded = { $count ->
        [one] { $count } selection without a code (a memo) was skipped
       *[other] { $count } selections without a code (a memo) were skipped
    }
read-refi-outside = { $count ->
        [one] { $count } source whose text lies outside the .qdpx (a relative or absolute path) was skipped, with its codings
       *[other] { $count } sources whose text lies outside the .qdpx (a relative or absolute path) were skipped, with their codings
    }
read-refi-crlf = its texts' CRLF line ends were read as one character each, as ATLAS.ti counts them

# The Export panel's choice of this profile's own work or everything (issue 22).
transfer-everything = Everything, also annotations not made in this browser
transfer-left-out = { $count ->
        [one] { $count } annotation not made in this browser (imported, or given as an example) is left out.
       *[other] { $count } annotations not made in this browser (imported, or given as examples) are left out.
    }
