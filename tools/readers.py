#!/usr/bin/env python3
"""Trunk post-build hook: builds the document readers (the `readers/` crate: PDF, Word,
OpenDocument, web pages) into dist/readers/, a second WebAssembly module beside the app.

The app imports it (src/web/readers.rs) only when a user first opens such a file, so it is
no part of the first load (tools/first_load.mjs counts what index.html asks for). Trunk
builds one crate per page; this does for the readers what Trunk does for the app: cargo in
the same profile, wasm-bindgen (`--target web`, an ES module), then wasm-opt -Oz for a
release build when it is on PATH (`./dev` puts the npm binaryen there).
"""
import os
import shutil
import subprocess
import sys

release = os.environ.get("TRUNK_PROFILE") == "release"
out = os.path.join(os.environ.get("TRUNK_STAGING_DIR", "dist"), "readers")
target = os.environ.get("CARGO_TARGET_DIR", "target")


def run(*cmd):
    done = subprocess.run(cmd)
    if done.returncode != 0:
        sys.exit(f"readers: `{' '.join(cmd)}` failed ({done.returncode})")


build = ["cargo", "build", "--quiet", "--target", "wasm32-unknown-unknown", "-p", "gcm-readers"]
run(*build, *(["--release"] if release else []))
wasm = os.path.join(target, "wasm32-unknown-unknown", "release" if release else "debug", "gcm_readers.wasm")
shutil.rmtree(out, ignore_errors=True)
run("wasm-bindgen", "--target", "web", "--no-typescript", "--out-dir", out, "--out-name", "gcm_readers", wasm)
if release and shutil.which("wasm-opt"):
    bg = os.path.join(out, "gcm_readers_bg.wasm")
    run("wasm-opt", "-Oz", bg, "-o", bg)
print(f"readers: {sorted(os.listdir(out))} into {out}")
