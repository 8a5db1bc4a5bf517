#!/usr/bin/env python3
"""Draws the passages of tests/suggest-eval.json from seeds/000-004 (python3, standard library
only). Prints them as JSON, untagged (tags: []): the tags in suggest-eval.json were added by
hand, by reading each passage. Run from the repository's root:

    python3 tests/suggest-eval-draw.py > /tmp/drawn.json

The rule, in order:
1. Each seed is cut at line breaks, then at sentence ends (., ! or ? followed by spaces and an
   upper-case letter, a digit, an opening quote or bracket, or ¿/¡), as src/segment.rs's
   sentences do for running text; a sentence still over 400 characters is cut into clauses
   after every "." or ";" followed by a space, and a clause still over 400 after commas into
   runs of at most 400 characters. List bullets ("- ", "• ") and Markdown bold (**) are
   stripped, and runs of spaces collapsed.
2. Left out (LEFT_OUT below, 1-based line numbers): seed 000's list of the 23 objectives
   (lines 18-40: its heading and the 23 numbered objective titles); seed 003's list of the 10
   guiding principles' names and its table of the 23 objectives' short names (lines 44-77).
3. Kept: passages of 40 to 400 characters with at least 6 words, that are not navigation,
   menus, link lists, dates or names alone: no URL, no tab (tables), not "In reply to by ...",
   and at least half of the words starting in lower case or being digits (titles, names and
   menus are mostly capitalised). Exact repeats are kept once (the first).
4. Language by stop-word counts (STOP below): French or Spanish when that language's count is
   at least 2 and above the other two. Every French and Spanish passage is kept (each was
   checked by eye).
5. English: TOTAL (306) minus the French and Spanish passages, shared between the seeds in
   proportion to each seed's size in bytes, at least 30 per seed (or all it has; the excess
   the floors make is taken from the largest shares). One generator, random.Random(24), draws
   each seed's share with .sample from that seed's English passages, seeds in order 000 to 004;
   the drawn passages are listed in the seed's order, each seed's French and Spanish after its
   English. The counts per seed and language go to stderr.
"""
import json
import os
import random
import re
import sys

SEEDS = ["000", "001", "002", "003", "004"]
TOTAL = 306
MIN_PER_SEED = 30
RANDOM_SEED = 24
LEFT_OUT = {"000": [(18, 40)], "003": [(44, 77)]}

STOP = {
    "en": "the of and to in is are for that with by on be this from as it at an their or which have".split(),
    "fr": "le la les des du et est une pour dans que qui sur par au aux ces sont leur nous ou pas avec vous votre merci".split(),
    "es": "el los las del y en es una para por que con su sus se al como más o lo sobre entre gracias".split(),
}

CLAUSE_END = re.compile(r"(?<=[.;])\s+")
SENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÝÁÉÍÓÚÑ0-9¿¡\"“«(])")
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


def seed_path(seed):
    for name in sorted(os.listdir("seeds")):
        if name.startswith(seed + "_"):
            return os.path.join("seeds", name)
    raise SystemExit(f"no seed {seed}")


def lang(text):
    words = [w.lower() for w in WORD.findall(text)]
    counts = {l: sum(w in s for w in words) for l, s in STOP.items()}
    for l in ("fr", "es"):
        others = [counts[o] for o in counts if o != l]
        if counts[l] >= 2 and counts[l] > max(others):
            return l
    return "en"


def keep(text):
    if not 40 <= len(text) <= 400:
        return False
    if "http" in text or "www." in text or "\t" in text or text.startswith("In reply to by"):
        return False
    words = WORD.findall(text)
    if len(words) < 6:
        return False
    lower = sum(1 for w in words if w[0].islower() or w[0].isdigit())
    return lower * 2 >= len(words)


def by_commas(clause):
    """A clause over 400 characters, cut after commas into runs of at most 400."""
    out = [""]
    for part in clause.split(", "):
        if out[-1] and len(out[-1]) + 2 + len(part) > 400:
            out.append(part)
        else:
            out[-1] = out[-1] + ", " + part if out[-1] else part
    return out


def passages(seed):
    path = seed_path(seed)
    lines = open(path, encoding="utf-8").read().split("\n")
    ranges = LEFT_OUT.get(seed, [])
    out = []
    for n, line in enumerate(lines, 1):
        if any(a <= n <= b for a, b in ranges):
            continue
        pieces = []
        for piece in SENT_END.split(line):
            for clause in CLAUSE_END.split(piece) if len(piece.strip()) > 400 else [piece]:
                pieces += by_commas(clause) if len(clause.strip()) > 400 else [clause]
        for piece in pieces:
            t = piece.replace("**", "").strip()
            t = re.sub(r"^(?:[-•*]\s+)+", "", t)
            t = re.sub(r"\s+", " ", t).strip()
            if keep(t):
                out.append(t)
    return out, os.path.getsize(path)


def main():
    seen = set()
    by_seed, sizes, other = {}, {}, []
    for seed in SEEDS:
        ps, size = passages(seed)
        sizes[seed] = size
        by_seed[seed] = []
        for t in ps:
            if t in seen:
                continue
            seen.add(t)
            l = lang(t)
            if l == "en":
                by_seed[seed].append(t)
            else:
                other.append({"seed": seed, "lang": l, "text": t, "tags": []})
    n_en = TOTAL - len(other)
    want = {s: max(MIN_PER_SEED, round(n_en * sizes[s] / sum(sizes.values()))) for s in SEEDS}
    # Over the total because of the floors: take the excess from the largest seeds.
    while sum(want.values()) > n_en:
        s = max((s for s in SEEDS if want[s] > MIN_PER_SEED), key=lambda s: want[s])
        want[s] -= 1
    rng = random.Random(RANDOM_SEED)
    out = []
    for seed in SEEDS:
        pool = by_seed[seed]
        k = min(want[seed], len(pool))
        idx = sorted(rng.sample(range(len(pool)), k))
        out += [{"seed": seed, "lang": "en", "text": pool[i], "tags": []} for i in idx]
        out += [o for o in other if o["seed"] == seed]
    counts = {s: {l: sum(1 for o in out if o["seed"] == s and o["lang"] == l) for l in ("en", "fr", "es")} for s in SEEDS}
    print(json.dumps(counts), file=sys.stderr)
    print(json.dumps({"sentences": out}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
