"""The interface's translations in the build: Fluent catalogues and the library that reads them.

Called by tools/csp.py (the post-build hook that owns index.html) before it hashes anything:

- each language's catalogue files, src/i18n/<code>/*.ftl, are joined without their
  comments into dist/i18n/<code>-<hash>.ftl, named in index.html; the app fetches
  English's (preloaded: every language falls back to it) and the chosen language's;
- Project Fluent's `@fluent/bundle` (npm, pinned and installed by `./dev` into the tools
  folder) is copied to dist/i18n/fluent-bundle-<hash>.js (minified by terser in a release
  build) and loaded by a deferred <script> placed before the app's module script, so that
  it has run when the app starts (deferred and module scripts run in document order). Its
  UMD build sets `globalThis.FluentBundle`, which src/web/i18n.rs reads.
"""
import glob
import hashlib
import os
import re
import shutil
import subprocess
import sys

from minify import sri, terser


def library():
    """The path of @fluent/bundle's UMD build in the tools folder."""
    tools = os.environ.get("GCM_TOOLS") or os.path.expanduser("~/.cache/gcm-annotator-tools")
    return os.path.join(tools, "node_modules", "@fluent", "bundle", "index.js")


def strip_comments(text):
    """An FTL text without its comment lines (`#`, `##`, `###` at the start of a line: a
    message's continuation lines are indented, so none of them is lost). Comments are for
    translators, not for the browser."""
    return "".join(l for l in text.splitlines(keepends=True) if not l.startswith("#"))


def place(staging, html):
    """Writes the catalogues and the library into `<staging>/i18n/`; returns index.html's
    text with, before the app's module script: a <meta name="gcm-catalogue-<code>"> naming
    each catalogue's file (content-hashed, so that a new deployment is never read with an
    old catalogue from a cache), a preload of English's (the fallback of every language,
    needed at start), and the library's <script>. Exits with a message if the library is
    missing."""
    out = os.path.join(staging, "i18n")
    os.makedirs(out, exist_ok=True)
    tags = []
    languages = sorted(os.listdir(os.path.join("src", "i18n")))
    for code in languages:
        files = sorted(glob.glob(os.path.join("src", "i18n", code, "*.ftl")))
        text = "\n".join(strip_comments(open(f, encoding="utf-8").read()) for f in files)
        data = text.encode("utf-8")
        name = f"{code}-{hashlib.sha256(data).hexdigest()[:16]}.ftl"
        open(os.path.join(out, name), "wb").write(data)
        tags.append(f'<meta name="gcm-catalogue-{code}" content="i18n/{name}">')
        if code == "en":
            tags.append(f'<link rel="preload" href="i18n/{name}" as="fetch" crossorigin>')

    source = library()
    if not os.path.isfile(source):
        sys.exit(f"i18n: missing {source}: run `./dev setup` (it installs @fluent/bundle)")
    code = open(source, "rb").read()
    name = f"fluent-bundle-{hashlib.sha256(code).hexdigest()[:16]}.js"
    path = os.path.join(out, name)
    command = terser()
    if os.environ.get("TRUNK_PROFILE") == "release" and command is not None:
        subprocess.run([command, source, "--compress", "--mangle", "--output", path], check=True)
    else:
        shutil.copyfile(source, path)
    tags.append(f'<script defer src="/i18n/{name}" integrity="{sri(path)}"></script>')
    html, placed = re.subn(
        r"<script type=\"?module\"?>", lambda m: "".join(tags) + m.group(0), html, count=1
    )
    if not placed:
        sys.exit("i18n: no module script in index.html to place the translations before")
    print(f"i18n: {len(languages)} catalogues, {name} ({os.path.getsize(path):,} B)")
    return html
