#!/usr/bin/env python3
"""Post-build step: writes dist/sw.js, the service worker, from src/web/sw.js.

It fills in two values:
- PRECACHE, every file of the first load and the app shell, the teacher's tools' module
  (teacher/: suggestions, Compare, the assignment form, the report) and the readers'
  (readers/: W3C and doccano imports among others; LAZY says why): every built file except
  pdfjs/ (code loaded only when a user opens a PDF of their own; the worker caches it when
  first fetched) and sw.js itself. Checked against what index.html references: a file it loads at start that is
  missing here fails the build.
- WITH, what the worker caches together with a lazy module's code: every other file of its
  folder, so that whatever a module needs is there offline once the module is (it held the
  teacher's print stylesheet, teacher/report.css, while teacher/ was lazy; empty since the
  readers are precached too).
- VERSION, the first 16 hex digits of a SHA-256 over src/web/sw.js and every built file's
  path and contents (pdfjs/, readers/ and teacher/ too, whose names carry no hash: a new reader must
  reach the worker's cache too). A deployment that changes any byte is a new worker, which the open pages offer
  as "Reload to update".

Runs last, after tools/csp.py has rewritten index.html and the minified JavaScript, and after
the modules are built (tools/post_build.py orders the steps).
"""
import hashlib
import json
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR", "dist")
source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "web", "sw.js")
# Loaded only when used: cached on first fetch by the worker, never precached.
#
# teacher/ is not here (issue 24: suggestions work offline after one online visit, whether
# or not the panel was opened then): it is precached at the worker's install. The app
# registers the worker once it has started, so the install downloads in the background,
# after the first load, which does not grow (index.html never references teacher/; see
# tools/first_load.mjs). Precached rather than warmed when idle, because the worker controls
# a page only once its install has succeeded: when the app works offline, so do Suggestions,
# Compare, the assignment form and the report. A warm-up would leave a window (offline
# before it ends, and again at each new version) with an app that starts and panels that
# fail, and the page would have to start it. The cost: every install (the first visit and
# each new version) downloads teacher/, used or not: about 730 KB raw, 240 KB brotli
# (300 KB gzip) in this build; a server that answers conditional requests sends unchanged
# files of a new version as 304s (their names carry no hash).
#
# readers/ is not here either: it reads W3C and doccano files for the import (issue 25: out
# of the first load), which must work offline like the project's own JSON, so it is
# precached at the install like teacher/ (about 0.42 MB raw, 159 KB brotli more per install).
#
# pdf.js (1.7 MB raw) stays lazy, as the README says: it is needed only to open a PDF of the
# user's own (the bundled texts and pasted text need none), so precaching it would cost every
# user 1.7 MB for some users' first file. Once used it is kept offline like the rest; before
# that, offline, the app says that reading such a file needs the network once.
LAZY = ("pdfjs/",)

files = []
for root, _, names in os.walk(staging):
    for name in names:
        rel = os.path.relpath(os.path.join(root, name), staging).replace(os.sep, "/")
        if rel != "sw.js":
            files.append(rel)
files.sort()

template = open(source, encoding="utf-8").read()
# The worker's own code too: a change to it alone is a new version, with caches of its own.
version = hashlib.sha256(template.encode())
for rel in files:
    version.update(rel.encode() + b"\0")
    with open(os.path.join(staging, rel), "rb") as f:
        version.update(hashlib.sha256(f.read()).digest())
version = version.hexdigest()[:16]
precache = [f for f in files if not f.startswith(LAZY)]

# What index.html loads at start (href= and src=, and the inline loader's imports) must be
# in the list, or the app would not start offline.
html = open(os.path.join(staging, "index.html"), encoding="utf-8").read()
refs = re.findall(r"""\b(?:href|src)=["']?([^"'\s>]+)""", html)
refs += re.findall(r"""["']([^"'\s]+\.(?:m?js|wasm))["']""", html)
missing = sorted(
    {r.lstrip("./") for r in refs if not re.match(r"^([a-z][a-z0-9+.-]*:|//|#)", r, re.I)}
    - set(precache)
)
if missing:
    sys.exit(f"pwa: index.html loads {missing}, which are not in {staging}/ or are not precached")

# A lazy module's code (its .js, which imports its .wasm) → the other files of its folder.
# A precached module's files are all in PRECACHE already.
together = {}
for folder in (f for f in ("readers/", "teacher/") if f in LAZY):
    inside = [f for f in files if f.startswith(folder) and "/" not in f[len(folder):]]
    others = [f for f in inside if not f.endswith((".js", ".wasm"))]
    for code in (f for f in inside if f.endswith(".js")):
        if others:
            together[code] = others

if any(template.count(k) != 1 for k in ('"__VERSION__"', "__PRECACHE__", "__WITH__")):
    sys.exit(f"pwa: {source} must hold \"__VERSION__\", __PRECACHE__ and __WITH__ once each")
worker = (
    template.replace('"__VERSION__"', json.dumps(version))
    .replace("__PRECACHE__", json.dumps(precache))
    .replace("__WITH__", json.dumps(together))
)
open(os.path.join(staging, "sw.js"), "w", encoding="utf-8").write(worker)
print(f"pwa: sw.js version {version}, {len(precache)} files precached")
