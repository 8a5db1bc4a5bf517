## The codebook in English is the codebook's own: the `short` and `title` of each tag in
## src/codebook.rs (objective titles as seed 000 lists them, the wording of A/RES/73/195,
## para. 16; short names and principles from seed 003). They are not repeated here, so that
## the first load carries them once; French and Spanish give `tag-short-<id>` and
## `tag-title-<id>` for every tag (tests/i18n.rs checks).
