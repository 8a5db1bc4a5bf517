## The side panels: annotation list, codebook, Compare, suggestions, Export.

## The annotation list beside the text.

# Links above the list to the other side panels.
list-open-codebook = Codebook…
list-open-suggestions = Suggestions…
list-open-compare = Compare annotators…
# Every other panel's way back to the list.
list-back = Back to my annotations
# The list's heading; a count follows it.
list-title = Annotations
# The count beside the heading while a filter or search hides some annotations.
list-count-filtered = { $shown } of { $all }
list-empty = None yet. Select a passage in the text to tag it with an objective or a guiding principle.
list-search = Search annotations
    .placeholder = Search quotes and notes
list-filter-label = Filter by tag
# Read by screen readers before a tag's filter button: "Filter: 17 Eliminate discrimination, 3".
list-filter-prefix = Filter:
list-show-all = Show all annotations
list-show-earlier = { $count ->
    [one] Show { $count } earlier annotation
   *[other] Show { $count } earlier annotations
}
# $next entries of the $more not drawn yet (the list draws 150 at a time).
list-show-next = Show the next { $next } of { $more } more
# An annotation that tags the document as a whole, in place of a quoted passage.
list-whole-document = The whole document
# A passage quoted in the list ($quote is a cut excerpt of the text).
list-quote = “{ $quote }”
list-edit = Edit
    .label = Edit annotation
list-delete = Delete
    .label = Delete annotation
# Imported annotations whose passage is not in the document's text.
list-orphans-title = Not found in this text ({ $count })
list-orphans-about = Imported annotations whose passage is no longer in the text. They are kept until you delete them.
list-delete-orphan = Delete orphan “{ $quote }”

## The codebook panel.

codebook-title = Codebook
codebook-own-title = Your codes
codebook-new = New code
codebook-new-name = New code name
codebook-add = Add code
codebook-own-empty = Codes of your own (an actor, a stance, “implementation gap”) sit beside the GCM's, and travel in every export.
# Headings over the GCM's tags.
codebook-objectives = 23 GCM objectives
codebook-principles = 10 guiding principles
# A code's place in the tree: the choices of "Nested under".
codebook-nested-under = Nested under
codebook-top-level = Top level
codebook-gcm-tags = GCM objectives and principles
# In a code's row when it is nested under a GCM tag ($tag: "Objective 3: Information").
codebook-in = in { $tag }
codebook-row = { $count ->
    [one] Edit code { $name }, on { $count } annotation
   *[other] Edit code { $name }, on { $count } annotations
}
    .title = Rename, recolour, nest, merge or delete
# The editor of one own code.
codebook-edit = Edit the code { $name }
codebook-name = Name
codebook-colour = Colour
# The accessible name of the $number-th colour of the palette (1 to 12).
codebook-colour-n = Colour { $number }
# A name or place refused: $reason says why ("“Data” is already the name of GCM objective 1").
codebook-not-changed = Not changed: { $reason }.
codebook-save = Save code
codebook-close = Close
codebook-merge-into = Merge into
codebook-choose = Choose a code…
codebook-merge = Merge
# $consequence says what happens to the annotations that carry the code.
codebook-delete-confirm = Delete “{ $name }”? { $consequence }
codebook-delete = Delete…
codebook-delete-now = Delete the code

## Compare annotators: several annotators' exports of one document side by side.

compare-title = Compare annotators
compare-load-input = Load annotators' exports
# Progress while the files are read, then compared.
compare-loading = Loading exports
compare-comparing = Comparing annotators
compare-unreadable = “{ $name }” could not be read: { $reason }.
compare-download-failed = Download failed: { $reason }.
compare-intro = Load the exports of “{ $title }” made by several annotators (in any format the app exports: its JSON, W3C JSON-LD, doccano JSONL, CSV, REFI-QDA or brat) to see where they agree. For an assignment, add the file you handed out too: the students are then scored only on its tags. In the text, a dashed amber underline marks where they disagree, a solid green one where all of them agree.
compare-annotators = { $count ->
    [one] { $count } annotator
   *[other] { $count } annotators
}
# After compare-maker-count: annotations whose passage is not in this text.
compare-not-placed = , { $count } not placed
compare-agreement = Agreement over characters, overall and per tag
compare-agreement-table = Agreement per tag
# The first row of the agreement table: every tag together.
compare-overall = Overall
# Column headers of the statistics tables (the field's terms).
compare-tag = Tag
compare-undefined = — : undefined (nobody, or everybody, tagged the whole text with it).
compare-download = Download statistics (CSV)
compare-disagreements = Disagreements: { $count }
# One disagreement: which of how many, the tag, who tagged the passage, the passage.
compare-disagreement = { $number } of { $count }: { $tag } — tagged by { $who }; “{ $quote }”
compare-previous = Previous disagreement
compare-next = Next disagreement
compare-key = Answer key
compare-key-choice = Score everyone against
compare-no-key = (no answer key)
compare-scores = Scores of { $name }
compare-precision = Precision
compare-recall = Recall
compare-f1 = F1
compare-f1-exact = F1 exact
    .title = Exact span match
# A passage in the answer key's lists: "Objective 2: Minimize adverse drivers: “climate change”".
compare-passage = { $tag }: “{ $quote }”
# Passages of the answer key this annotator did not tag, and passages they tagged that it lacks.
compare-missed = Missed ({ $count })
compare-extra = Extra ({ $count })
compare-coverage = Coverage of the codebook
compare-coverage-chart = Annotations per objective and principle
# The chart's text alternative; $untagged lists the objectives nobody tagged, or is compare-none.
compare-coverage-summary = { $objectives } of 23 objectives and { $principles } of 10 principles were tagged. Not tagged: { $untagged }.
compare-none = none
compare-not-tagged = not tagged
# A bar of the chart: $count annotations by $annotators annotators.
compare-bar = { $count } · { $annotators ->
    [one] { $annotators } annotator
   *[other] { $annotators } annotators
}
compare-as-table = The same as a table
compare-annotations = Annotations
compare-annotators-column = Annotators

## Suggestions: passages the app proposes to tag.

suggest-no-module = Suggestions could not be loaded: they need the network the first time they open, and work offline after that.
suggest-title = Suggestions ({ $count })
suggest-accept-all-title = Accept all suggestions for one tag
suggest-accept-all = Accept all { $count } for { $tag }
# Why a passage is suggested: it names an objective, or uses a word linked to one.
suggest-names = names “{ $words }”
suggest-uses = uses “{ $words }”
suggest-about = Sentences that name an objective, use words linked to one, or resemble passages you tagged. They are not annotations until you accept them.
suggest-learned = like { $count ->
    [one] the passage
   *[other] the { $count } passages
} you tagged with this ({ $percent } % sure)
suggest-taught = { $learned ->
    [0] It has learned nothing from you yet: it learns from each passage you tag, here and in your other documents.
    [one] It has learned from 1 of your annotations.
   *[other] It has learned from { $learned } of your annotations.
}
suggest-rejected = { $rejected ->
    [one] You rejected 1 suggestion: it is not offered again.
   *[other] You rejected { $rejected } suggestions: they are not offered again.
}
suggest-scoring = Finding suggestions…
suggest-read-only = This tab is read-only: suggestions can be read here, and answered in the tab that edits.
suggest-none-at = No suggestion is { $percent } % sure or more: lower the threshold to see more.
suggest-forgotten = It forgot what it learned, and learns again from the passages you tag or change from now on.
suggest-forgot = What the suggester learned is forgotten. Your annotations stay.
suggest-threshold = Show from { $percent } % sure
suggest-forget = Forget what it learned…
suggest-forget-confirm = Forget what the suggester learned from your annotations and rejections? Your annotations stay. It learns again from those you make or change.
suggest-forget-yes = Forget
suggest-forget-no = Keep
suggest-export = Download what it learned (JSON)
suggest-export-failed = What the suggester learned could not be downloaded: { $reason }
suggest-quote = “{ $quote }”
suggest-accept = Accept
    .label = Accept { $tag }
suggest-reject = Reject
    .label = Reject { $tag }

## Import and Export in the top bar.

transfer-import = Import…
transfer-import-input = Import annotation files
transfer-import-title = Import annotations: GCM Annotator JSON, W3C JSON-LD, doccano JSONL, REFI-QDA (.qdpx, .qdc), brat (.ann with its .txt, or a .zip) or CSV
transfer-export = Export
transfer-options = Export options
# What to export: the open document or all of them.
transfer-what = What
transfer-this = This document
transfer-all = All documents
transfer-format = Format
transfer-seed-text = Include the text of the bundled documents
transfer-download = Download
