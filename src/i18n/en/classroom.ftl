## The classroom: Compare's files, per-student scores, agreement (issue 22).

## Compare's core
class-other-assignment = “{ $name }” belongs to another assignment than the files loaded, such as “{ $ours }”: it was not loaded.
class-other-handout = “{ $name }” belongs to another assignment than “{ $ours }”, the assignment in Compare: it was not loaded.
class-repeats = “{ $name }” repeats “{ $other }”: the same annotator and the same annotations. It was not loaded again.
class-named-apart = “{ $name }”: { $annotator } also sent “{ $other }”, with other annotations. Both are kept, named apart.
class-none-of = “{ $name }” holds no annotations of “{ $title }”: { $annotator } counts with zero annotations.
class-rule-exact = Exact matching: a passage matches one with the same start and end.
class-rule-overlap = One-to-one matching: each passage of the key matches at most one passage of the student’s, the largest overlap first (ties: the earliest start).

## Compare's view
# The button that adds exports to Compare (the files already there stay).
compare-add = Add files…
# After an annotator's name in the list of files.
compare-maker-count = { $count ->
    [one] { $count } annotation
   *[other] { $count } annotations
}
# After compare-maker-count: examples handed out with the assignment, nobody's work.
compare-given = { $count ->
    [one] , { $count } given example (not counted)
   *[other] , { $count } given examples (not counted)
}
compare-remove = Remove
compare-remove-file = Remove “{ $name }” from Compare
compare-remove-confirm = Take “{ $name }” out of Compare? Its annotators are no longer compared. The file itself is not touched: you can add it again.
compare-coded-only = Agreement over coded text only
compare-over-all = Counted over every character of the text.
compare-over-coded = Counted over the characters at least one annotator tagged: text that nobody tagged, on which everyone agrees, does not count.
# Column headers of the agreement table: short, with the full name on hover and in the legend.
compare-used-by = Used by
    .title = How many annotators used the tag
compare-fleiss = κ
    .title = Fleiss' kappa: all annotators together
compare-alpha = α
    .title = Krippendorff's alpha, nominal: all annotators together
# A column of Cohen's κ between two annotators, by their numbers in the list of files; the
# title names them.
compare-cohen-pair = κ { $first }·{ $second }
    .title = Cohen's kappa between { $first } and { $second }
compare-cohen-mean = Mean κ
    .title = Mean of Cohen's kappa over every pair of annotators
compare-legend = κ: Fleiss' kappa, all annotators together. α: Krippendorff's alpha, nominal. κ 1·2: Cohen's kappa between annotators 1 and 2, numbered as in the list of files. Used by: how many annotators used the tag.
compare-legend-mean = κ: Fleiss' kappa, all annotators together. α: Krippendorff's alpha, nominal. Mean κ: the mean of Cohen's kappa over every pair of annotators. Used by: how many annotators used the tag.
compare-disagreements-rule = Not listed: a stretch with no letter or digit (a space, punctuation), nor a difference of at most 2 characters at the edge of a passage.
compare-zero-division = A share with nothing to divide by counts as 0, in micro and macro alike (as scikit-learn’s zero_division=0): a student with no passages scores 0. — only when neither the student nor the key has a passage.
compare-legend-folded = κ: Fleiss' kappa, all annotators together. α: Krippendorff's alpha, nominal. Mean κ: the mean of Cohen's kappa over every pair of annotators; each pair's own is under “Cohen's κ of every pair”, where κ 1·2 is annotators 1 and 2, numbered as in the list of files. Used by: how many annotators used the tag.
compare-pairs-table = Cohen's kappa per pair of annotators
compare-pairs-toggle = Cohen's κ of every pair ({ $count })
compare-students-legend = P: precision, the share of the student's passages that match one of the key's. R: recall, the share of the key's passages the student matched. F1: the harmonic mean of the two. Micro: every passage counts the same; macro: every tag counts the same.
compare-kappa-alpha = κ (kappa) and α (alpha) say how much annotators agree beyond what chance alone would give: 1 is full agreement, 0 no better than chance, below 0 worse than chance.
# The table of each student's overall scores against the answer key.
compare-students = Students against the answer key
compare-student = Student
compare-passages = Passages
compare-micro = Micro
    .title = Micro average: every passage counts the same
compare-macro = Macro
    .title = Macro average: every tag counts the same
compare-p = P
    .title = Precision: the share of the student's passages that match one of the key's
compare-r = R
    .title = Recall: the share of the key's passages that the student matched
compare-f = F1
    .title = F1: the harmonic mean of precision and recall
# A sortable column's full name: "Precision (Micro)".
compare-column = { $column } ({ $average })
storage-class-lost = A file of Compare could not be read back: { $reason }

compare-no-module = Compare could not be loaded: it needs the network the first time it opens, and works offline after that.
compare-crashed = Compare and the assignment form stopped on an error. Your files in Compare are kept: reload the page to use them again.
compare-remove-unread-confirm = Remove this file of Compare that cannot be read? It cannot be brought back; the file you loaded is still on your disk.
compare-scope-file = { $count ->
    [one] The assignment: { $count } tag in scope
   *[other] The assignment: { $count } tags in scope
}
compare-scope-twice = “{ $name }” is an assignment, and Compare already has one for this text: remove that one first. It was not loaded.
compare-scored-within = { $count ->
    [one] Scored on the { $count } tag that “{ $name }” handed out.
   *[other] Scored on the { $count } tags that “{ $name }” handed out.
}
compare-left-out = The key's passages of other tags are left out: { $tags }.
compare-add-assignment = These files were made for an assignment. Add its file (the one you handed out) to score the students only on the tags it offered them.
compare-remove-scope-confirm = Take the assignment “{ $name }” out of Compare? The students are then scored on every tag of the key. The file itself stays where it is.
class-handout-other-text = “{ $name }” hands out other texts than this one: it was not loaded.
compare-key-own = Your own annotations in this browser can be the key too: export them (Export, then This document) and add the file here.
