## The assignment a teacher hands out, and what a student sees of it (issue 22).

## Reading an assignment file. These two complete "“file” was not imported: …".
assign-newer = its assignment was written by a newer version of the app (assignment version { $version }; this one reads { $reads })
assign-no-id = its assignment has no id
# $field is the key of the assignment block, kept in English.
assign-bad-field = its assignment’s “{ $field }” is not as the format says
assign-cut = The instructions of the assignment in “{ $file }” were cut to { $limit } characters.
assign-unknown-tags = { $count ->
    [one] The assignment in “{ $file }” names a tag this app does not have, which was left out: { $tags }.
   *[other] The assignment in “{ $file }” names { $count } tags this app does not have, which were left out: { $tags }.
}
assign-no-tags-left = No tag of its scope is left, so every tag is offered.
# $new and $old name two assignments (by their first text's title).
assign-replaced = The assignment “{ $new }” replaces the assignment “{ $old }”. Your annotations are all kept.
# $reason says why, in the storage's words.
assign-stored-lost = the assignment you were working on was not loaded: { $reason }

## What the student sees.
assign-instructions = Assignment instructions
assign-suggestions-off = The assignment turned suggestions off.
# A small label on an annotation handed out with an assignment.
assign-given = given example

## The Export panel's assignment part, for a teacher.
assign-form-title = Hand out as an assignment…
assign-form-about = A file for students to open: the texts, your instructions and the tags in scope, without your annotations unless you include them.
assign-form-texts = Texts
assign-form-instructions = Instructions
assign-form-scope = Tags in scope
assign-form-all = All
assign-form-none = None
assign-form-objectives = Objectives
assign-form-principles = Guiding principles
assign-form-own = Your own codes
assign-form-suggestions = Allow suggestions
assign-form-examples = Include my annotations as given examples
assign-form-not-ready = Choose at least one text and one tag.
assign-form-download = Download assignment
assign-no-document = The assignment was not exported: none of its texts is in the library.
assign-exported = { $count ->
    [0] Exported the assignment to “{ $name }”, without annotations.
    [one] Exported the assignment to “{ $name }”, with { $count } given example.
   *[other] Exported the assignment to “{ $name }”, with { $count } given examples.
}
assign-no-module = The assignment form could not be loaded: it needs the network the first time it opens, and works offline after that.
assign-opened = Opened the assignment in “{ $file }”: its instructions are above the text, and the palette offers the tags in scope.
