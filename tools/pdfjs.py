#!/usr/bin/env python3
"""Trunk post-build hook: puts pdf.js beside the app, in dist/pdfjs/, served from its origin.

Copies only the two files that reading a PDF's text needs, from the npm `pdfjs-dist` that
`./dev setup` installs into the tools folder (GCM_TOOLS, else ~/.cache/gcm-annotator-tools):
`build/pdf.min.mjs` (the library) and `build/pdf.worker.min.mjs` (its worker), and our own
reader, `readers/pdf_reader.mjs` with its styles (`pdf_reader.css`), which the readers'
module loads when the user opens a PDF. Nothing in
index.html refers to them, so they are no part of the first load (tools/first_load.mjs).
"""
import os
import shutil
import sys

tools = os.environ.get("GCM_TOOLS") or os.path.expanduser("~/.cache/gcm-annotator-tools")
build = os.path.join(tools, "node_modules", "pdfjs-dist", "build")
out = os.path.join(os.environ.get("TRUNK_STAGING_DIR", "dist"), "pdfjs")
files = [
    (os.path.join(build, "pdf.min.mjs"), "pdf.min.mjs"),
    (os.path.join(build, "pdf.worker.min.mjs"), "pdf.worker.min.mjs"),
    (os.path.join("readers", "pdf_reader.mjs"), "reader.mjs"),
    (os.path.join("readers", "pdf_reader.css"), "reader.css"),
]
missing = [src for src, _ in files if not os.path.isfile(src)]
if missing:
    sys.exit("pdfjs: missing " + ", ".join(missing) + ": run `./dev setup` (it installs pdfjs-dist)")
os.makedirs(out, exist_ok=True)
for src, name in files:
    shutil.copyfile(src, os.path.join(out, name))
print(f"pdfjs: {len(files)} files into {out}")
