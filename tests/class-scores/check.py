#!/usr/bin/env python3
"""Compare's figures, computed again in plain Python from tests/class-scores/input.json, for
tests/class_scores.rs to compare with the Rust core's to 1e-9 (issue 22):

- span precision, recall and F1 between every pair of annotators, per tag, with exact and
  with one-to-one overlap matching (each reference passage matched to at most one of the
  other's, largest overlap in code points first, ties to the earliest start, greedily);
- each student's overall scores against the key (annotator 0): micro (matched counts pooled
  over tags) and macro (mean over the tags the key or the student used, a share without a
  denominator counting as 0), and their passage count;
- Cohen's kappa per pair, Fleiss' kappa and Krippendorff's alpha per tag and overall, over
  every code point and over the code points someone coded.

The agreement is computed here per code point (one 0/1 rating per annotator and item) and
alpha from its coincidence matrix, not from intervals as the Rust core does, so that the two
share no shortcut. Python 3 standard library only.

    python3 tests/class-scores/check.py            print the figures as JSON
    python3 tests/class-scores/check.py --make     rewrite input.json (seeded: same bytes)
"""
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
INPUT = os.path.join(HERE, "input.json")


def make():
    """A key and five students on a 400 code point text, tags objective-1..7, with the cases
    the rules are about: a key passage split in two, ties, copies, whole-document tags, a tag
    left out, a tag the key did not use."""
    rnd = random.Random(22)
    tags = ["objective-%d" % k for k in range(1, 7)]
    key = []
    for _ in range(14):
        s = rnd.randrange(0, 380)
        key.append([s, s + rnd.randrange(3, 20), [rnd.choice(tags)]])
    key.append([0, 0, ["objective-6"]])  # a tag of the whole document
    students = []
    for n in range(5):
        mine = []
        for s, e, t in key:
            r = rnd.random()
            if s == e:
                if r < 0.5:
                    mine.append([0, 0, t])
            elif r < 0.25:
                mine.append([s, e, t])  # exact
            elif r < 0.45:
                mid = (s + e) // 2  # split into two fragments
                mine.append([s, mid, t])
                mine.append([mid + 1, e + 2, t])
            elif r < 0.65:
                mine.append([max(0, s - rnd.randrange(0, 5)), e + rnd.randrange(0, 5), t])
            elif r < 0.75:
                mine.append([s, e, [rnd.choice(tags)]])  # the wrong tag
        for _ in range(rnd.randrange(2, 6)):
            s = rnd.randrange(0, 380)
            mine.append([s, s + rnd.randrange(3, 20), [rnd.choice(tags)]])
        students.append(mine)
    # A tag the key used and a student never did (no precision: counts 0 in the macro
    # average), and a tag only a student used (no recall).
    students[4] = [a for a in students[4] if a[2] != ["objective-3"]]
    students[3].append([300, 310, ["objective-7"]])
    # Ties: one student's passage overlaps two key passages by the same amount.
    key += [[100, 110, ["objective-1"]], [110, 120, ["objective-1"]]]
    students[0].append([105, 115, ["objective-1"]])
    # A student who tagged nothing: 0 in micro as in macro, not undefined.
    students.append([])
    data = {
        "len": 400,
        "annotators": [{"name": "Key", "annotations": key}]
        + [{"name": "Student %d" % (n + 1), "annotations": a} for n, a in enumerate(students)],
    }
    with open(INPUT, "w") as f:
        json.dump(data, f, indent=0)
        f.write("\n")


def spans_of(annotations, tag):
    return sorted({(s, e) for s, e, tags in annotations if tag in tags})


def weight(r, o, how):
    if how == "exact":
        return r[1] - r[0] if r == o else None
    shared = min(r[1], o[1]) - max(r[0], o[0])
    if shared > 0:
        return shared
    return 0 if r == o else None


def matched(reference, other, how):
    cands = []
    for i, r in enumerate(reference):
        for j, o in enumerate(other):
            w = weight(r, o, how)
            if w is not None:
                cands.append((-w, r, o, i, j))
    cands.sort()
    ref_taken, other_taken, n = set(), set(), 0
    for _, _, _, i, j in cands:
        if i not in ref_taken and j not in other_taken:
            ref_taken.add(i)
            other_taken.add(j)
            n += 1
    return n


def f1(p, r):
    if p is None or r is None:
        return None
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def scores(m, n_ref, n_other):
    p = m / n_other if n_other else None
    r = m / n_ref if n_ref else None
    return [p, r, f1(p, r)]


def cohen(x, y):
    n = len(x)
    if n == 0:
        return None
    po = sum(1 for a, b in zip(x, y) if a == b) / n
    pa, pb = sum(x) / n, sum(y) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    return None if pe >= 1 else (po - pe) / (1 - pe)


def fleiss(raters):
    m, n = len(raters), len(raters[0]) if raters else 0
    if m < 2 or n == 0:
        return None
    p_bar, ones = 0.0, 0
    for i in range(n):
        c1 = sum(r[i] for r in raters)
        c0 = m - c1
        p_bar += (c1 * (c1 - 1) + c0 * (c0 - 1)) / (m * (m - 1))
        ones += c1
    p_bar /= n
    p1 = ones / (n * m)
    pe = p1 * p1 + (1 - p1) * (1 - p1)
    return None if pe >= 1 else (p_bar - pe) / (1 - pe)


def alpha(raters):
    """Nominal alpha from the coincidence matrix (Krippendorff 2011, section C)."""
    m, n = len(raters), len(raters[0]) if raters else 0
    if m < 2 or n == 0:
        return None
    o = [[0.0, 0.0], [0.0, 0.0]]
    for i in range(n):
        values = [r[i] for r in raters]
        for a in range(m):
            for b in range(m):
                if a != b:
                    o[values[a]][values[b]] += 1 / (m - 1)
    n_c = [o[0][0] + o[0][1], o[1][0] + o[1][1]]
    total = n_c[0] + n_c[1]
    if n_c[0] * n_c[1] == 0:
        return None
    d_o = (o[0][1] + o[1][0]) / total
    d_e = (2 * n_c[0] * n_c[1]) / (total * (total - 1))
    return 1 - d_o / d_e


def ratings(annotations, tag, items):
    on = set()
    for s, e, tags in annotations:
        if tag in tags:
            on.update(range(s, e))
    return [1 if i in on else 0 for i in items]


def agreement_rows(data, tags, items):
    anns = [a["annotations"] for a in data["annotators"]]
    rows = {}
    pooled = [[] for _ in anns]
    for t in tags:
        raters = [ratings(a, t, items) for a in anns]
        rows[t] = row(raters)
        if any(any(r) for r in raters):
            for k, r in enumerate(raters):
                pooled[k] += r
    rows["overall"] = row(pooled)
    return rows


def row(raters):
    m = len(raters)
    return {
        "cohen": [cohen(raters[i], raters[j]) for i in range(m) for j in range(i + 1, m)],
        "fleiss": fleiss(raters),
        "alpha": alpha(raters),
    }


def figures(data):
    anns = [a["annotations"] for a in data["annotators"]]
    tags = sorted({t for a in anns for _, _, ts in a for t in ts})
    out = {"pairs": {}, "students": {}, "agreement": {}}
    for how in ["exact", "overlap"]:
        for t in tags:
            for i in range(len(anns)):
                for j in range(i + 1, len(anns)):
                    r, o = spans_of(anns[i], t), spans_of(anns[j], t)
                    out["pairs"]["%s %s %d %d" % (how, t, i, j)] = scores(matched(r, o, how), len(r), len(o))
        for s in range(1, len(anns)):
            m = nk = no = 0
            macro, used = [0.0, 0.0, 0.0], 0
            for t in tags:
                k, o = spans_of(anns[0], t), spans_of(anns[s], t)
                if not k and not o:
                    continue
                x = matched(k, o, how)
                m, nk, no = m + x, nk + len(k), no + len(o)
                for q, v in enumerate(scores(x, len(k), len(o))):
                    macro[q] += v or 0.0
                used += 1
            # scikit-learn's zero_division=0 in micro as in macro: a share with no
            # denominator is 0, unless neither has a passage.
            micro = [v or 0.0 for v in scores(m, nk, no)] if used else [None] * 3
            if used:
                micro[2] = f1(micro[0], micro[1])
            out["students"]["%s %d" % (how, s)] = {
                "micro": micro,
                "macro": [v / used for v in macro] if used else [None] * 3,
                "passages": len(anns[s]),
            }
    everything = list(range(data["len"]))
    coded = sorted({i for a in anns for s, e, _ in a for i in range(s, e)})
    out["agreement"]["all"] = agreement_rows(data, tags, everything)
    out["agreement"]["coded"] = agreement_rows(data, tags, coded)
    return out


if __name__ == "__main__":
    if sys.argv[1:] == ["--make"]:
        make()
    else:
        with open(INPUT) as f:
            json.dump(figures(json.load(f)), sys.stdout, indent=1, sort_keys=True)
        print()
