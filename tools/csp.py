#!/usr/bin/env python3
"""Trunk post-build hook: puts a strict Content-Security-Policy into the built index.html.

Trunk writes one inline module script (the wasm loader) whose text changes with every build,
and index.html has one of its own (the theme, applied before the first paint): the SHA-256 of
each is computed here and allowed by hash; nothing else inline may run. The policy:
scripts from this origin and that hash only, WebAssembly compilation ('wasm-unsafe-eval'),
no eval, no plugins, workers (pdf.js's, the service worker) and the web app manifest from this origin only, no <base>, no form posts, no network beyond this origin. Inline style
*attributes* stay allowed: Yew sets them (tag colours, the card's position).

First, in a release build, the app's JavaScript is minified (tools/minify.py), since that
changes its integrity attribute in index.html; then the translations are placed beside the
app (tools/i18n.py), which adds the script of the library that formats them.
"""
import base64
import hashlib
import os
import re
import sys

from i18n import place as place_translations
from minify import minify_glue

staging = os.environ.get("TRUNK_STAGING_DIR", "dist")
path = os.path.join(staging, "index.html")
html = minify_glue(staging, open(path, encoding="utf-8").read())
html = place_translations(staging, html)
scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
hashes = " ".join(
    "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
    for s in scripts
)
policy = (
    "default-src 'self'; "
    f"script-src 'self' 'wasm-unsafe-eval' {hashes}; "
    "style-src 'self'; style-src-attr 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'none'"
)
meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}" />'
if "Content-Security-Policy" in html:
    sys.exit("index.html already has a Content-Security-Policy")
# First in <head>, before anything that loads (the charset tag as written, or minified).
html = re.sub(
    r"""<meta charset=["']?utf-8["']?\s*/?>""",
    lambda m: m.group(0) + meta,
    html,
    count=1,
    flags=re.I,
)
if meta not in html:
    sys.exit("could not place the Content-Security-Policy in index.html")
open(path, "w", encoding="utf-8").write(html)
print(f"csp: {len(scripts)} inline script(s) allowed by hash")
