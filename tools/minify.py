"""Minifies the app's wasm-bindgen JavaScript in a release build, with terser.

Trunk's own minifier gives up on wasm-bindgen 0.2.130's output ("Failed to minify JS"), so
the glue shipped as written: 10.2 KB brotli of the first load, 8.4 KB once minified. terser
(npm, pinned and installed by `./dev` into the tools folder) is run with --module, which
keeps every export and property name (the wasm's imports are looked up by name). The
file's `integrity` (SHA-384, Subresource Integrity) in index.html is updated to match.
Called by tools/csp.py, the hook that owns index.html, before it hashes anything.
"""
import base64
import glob
import hashlib
import os
import shutil
import subprocess


def terser():
    """The terser command: on PATH, or in the tools folder that `./dev` fills."""
    tools = os.environ.get("GCM_TOOLS") or os.path.expanduser("~/.cache/gcm-annotator-tools")
    local = os.path.join(tools, "node_modules", ".bin", "terser")
    return shutil.which("terser") or (local if os.path.exists(local) else None)


def sri(path):
    """The `integrity` value of a file: sha384-<base64>."""
    digest = hashlib.sha384(open(path, "rb").read()).digest()
    return "sha384-" + base64.b64encode(digest).decode()


def minify_glue(staging, html):
    """Minifies `<staging>/<app>-<hash>.js` in place and returns index.html's text with its
    integrity updated; a debug build, or a machine without terser, is left as it is."""
    if os.environ.get("TRUNK_PROFILE") != "release":
        return html
    command = terser()
    if command is None:
        print("minify: terser not found (./dev setup installs it); the JavaScript ships as written")
        return html
    for path in glob.glob(os.path.join(staging, "**", "*.js"), recursive=True):
        before, size = sri(path), os.path.getsize(path)
        if before not in html:
            continue
        subprocess.run(
            [command, path, "--module", "--compress", "--mangle", "--output", path],
            check=True,
        )
        html = html.replace(before, sri(path))
        print(f"minify: {os.path.basename(path)} {size:,} -> {os.path.getsize(path):,} B")
    return html
