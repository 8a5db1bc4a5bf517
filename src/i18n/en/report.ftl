## The printed report (issue 23): a document's annotations, or a class's scores and agreement,
## on paper. The teacher's tools' module draws it (teacher/src/report.rs).

# The button beside the annotation list and in Compare.
report-print = Print report
# Above the title: what the report is of.
report-of-document = Annotations of a document
report-of-class = A class compared
# Under the title: the date it was printed (written as the language writes a long date), and
# whose annotations it shows (their names, as they gave them).
report-printed = Printed on { $date }
report-annotated-by = Annotated by
report-counts = Counts
report-total = All passages
report-counts-legend = A passage tagged with several codes counts under each of them, and once in all.
report-annotations = Annotations by code
# After a code's name, over its passages.
report-passages = { $count ->
    [one] { $count } passage
   *[other] { $count } passages
}
# Column headers of a code's passages.
report-page = Page
report-quote = Passage
report-note = Note
# After an annotator's name in a class's report.
report-from-file = { $count ->
    [one] { $count } annotation, from “{ $name }”
   *[other] { $count } annotations, from “{ $name }”
}
report-key = Everyone is scored against { $name }.
report-gold = { $curators } made the gold standard in Compare, settling the annotators’ versions passage by passage. { $settled } of { $count ->
    [one] { $count } passage has
   *[other] { $count } passages have
} text in it; the other { $open } have none (settled as none, or not settled yet), and a student’s passage there counts as extra.
report-no-key = No answer key is chosen: choose one in Compare to print each student’s scores.
# Column header of the disagreements: the annotators who tagged the passage.
report-tagged-by = Tagged by
report-failed = The report could not be printed: it needs the network the first time, and works offline after that.
report-no-module = The report could not be loaded: it needs the network the first time, and works offline after that.
report-none = No annotations in this document yet.
