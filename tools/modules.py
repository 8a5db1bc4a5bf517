#!/usr/bin/env python3
"""Trunk post-build hook: builds the app's modules fetched on first use, each a WebAssembly
module of its own beside the app:

- the document readers (the `readers/` crate: PDF, Word, OpenDocument, web pages, other
  tools' files) into dist/readers/, imported by src/web/readers.rs when a user first opens
  such a file;
- the teacher's tools (the `teacher/` crate: Compare, with the students' files, agreement
  and scores; the assignment form) into dist/teacher/, imported by src/web/teacher.rs when a
  user first opens Compare or the assignment form.

The teacher's module brings its print stylesheet (teacher/report.css, for the printed report),
copied beside it into dist/teacher/ and linked by the module the first time a report is
printed.

Neither is part of the first load (tools/first_load.mjs counts what index.html asks for).
Trunk builds one crate per page; this does for the modules what Trunk does for the app:
cargo in the same profile (one run for both, so they share the compiled core), wasm-bindgen
(`--target web`, an ES module), then wasm-opt -Oz for a release build when it is on PATH
(`./dev` puts the npm binaryen there).
"""
import os
import shutil
import subprocess
import sys

release = os.environ.get("TRUNK_PROFILE") == "release"
staging = os.environ.get("TRUNK_STAGING_DIR", "dist")
target = os.environ.get("CARGO_TARGET_DIR", "target")
# (crate, folder under dist/, file name wasm-bindgen writes)
MODULES = [("gcm-readers", "readers", "gcm_readers"), ("gcm-teacher", "teacher", "gcm_teacher")]
# Files a module's folder gets as they are, beside its code.
BESIDE = {"teacher": ["teacher/report.css"]}


def run(*cmd):
    done = subprocess.run(cmd)
    if done.returncode != 0:
        sys.exit(f"modules: `{' '.join(cmd)}` failed ({done.returncode})")


build = ["cargo", "build", "--quiet", "--target", "wasm32-unknown-unknown"]
for crate, _, _ in MODULES:
    build += ["-p", crate]
run(*build, *(["--release"] if release else []))
for crate, folder, name in MODULES:
    wasm = os.path.join(target, "wasm32-unknown-unknown", "release" if release else "debug", f"{name}.wasm")
    out = os.path.join(staging, folder)
    shutil.rmtree(out, ignore_errors=True)
    run("wasm-bindgen", "--target", "web", "--no-typescript", "--out-dir", out, "--out-name", name, wasm)
    if release and shutil.which("wasm-opt"):
        bg = os.path.join(out, f"{name}_bg.wasm")
        run("wasm-opt", "-Oz", bg, "-o", bg)
    for path in BESIDE.get(folder, []):
        shutil.copy(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", path), out)
    print(f"modules: {sorted(os.listdir(out))} into {out}")
