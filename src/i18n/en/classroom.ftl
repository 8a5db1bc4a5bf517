## The classroom: Compare's files, per-student scores, agreement (issue 22).

## Compare's core
class-other-assignment = “{ $name }” belongs to another assignment ({ $theirs }) than the files loaded ({ $ours }): it was not loaded.
class-repeats = “{ $name }” repeats “{ $other }”: the same annotator and the same annotations. It was not loaded again.
class-named-apart = “{ $name }”: { $annotator } also sent “{ $other }”, with other annotations. Both are kept, named apart.
class-none-of = “{ $name }” holds no annotations of “{ $title }”: { $annotator } counts with zero annotations.
class-rule-exact = Exact matching: a passage matches one with the same start and end.
class-rule-overlap = One-to-one matching: each passage of the key matches at most one passage of the student’s, the largest overlap first (ties: the earliest start).
