## The gold standard: settling a class's passages into one reference (issue 23).

gold-title = Gold standard
gold-intro = Settle each passage into one reference: keep one annotator’s version, the majority’s, or none. The gold standard is yours: edit it like your own annotations, export it, and score the class against it.
gold-nothing = No annotator tagged a passage of this text: there is nothing to settle.
# How far the teacher is.
gold-progress = { $settled } of { $count } passages settled
# Before the list of how many annotators must agree (1 to the number loaded).
gold-k = At least this many of the { $count } annotators:
gold-accept = Accept every passage they agree on
gold-k-rule = Agreement is counted on characters: in every passage not yet settled, the text that at least that many annotators tagged with the same tag is kept; where none is, the passage is left for you to settle.
gold-accepted = { $count ->
    [one] Settled { $count } passage where at least { $k } of { $n } annotators agree.
   *[other] Settled { $count } passages where at least { $k } of { $n } annotators agree.
}
gold-accepted-none = No passage has text that { $k } of { $n } annotators agree on.
gold-all-settled = Every passage is settled already: accepting again changes nothing. Step through them to change one.
# The passage being settled: its number, its tag and its text.
gold-item = Passage { $number } of { $count }: { $tag }, “{ $quote }”
gold-now = In the gold standard: { $quotes }
gold-now-none = Not settled yet.
gold-now-nothing = Settled: nothing of this tag here.
# One annotator's version (who made it, and the passages' text).
gold-version = { $who }: { $quotes }
gold-version-none = { $who }: nothing here
gold-more = (and { $count } more)
gold-quote = “{ $quote }”
gold-keep = Keep
gold-keep-who = Keep the version of { $who }
gold-majority = Keep the majority’s
gold-majority-none = No text here is tagged by a majority ({ $k } of { $n }).
gold-none = Keep none
gold-previous = Previous passage
gold-next = Next passage
gold-next-unsettled = Next unsettled
# The answer key's choice: the gold standard as the key.
gold-key = Gold standard ({ $count ->
    [one] { $count } passage
   *[other] { $count } passages
})
gold-name = Gold standard
# Beside a passage of the gold standard in the list of annotations.
gold-badge = gold standard
