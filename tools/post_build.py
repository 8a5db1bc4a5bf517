#!/usr/bin/env python3
"""Trunk's one post-build hook: runs the post-build steps, in order where order matters.

Trunk starts all the hooks of a stage at once (trunk 0.21's hooks.rs spawns them together
and waits for all), so hooks listed one after another in Trunk.toml are not run one after
another. tools/pwa.py must see the finished build (index.html with its policy, the minified
JavaScript, the modules), so the three independent steps run side by side here, as Trunk
ran them, and pwa.py runs once all three have succeeded.
"""
import os
import subprocess
import sys

tools = os.path.dirname(os.path.abspath(__file__))


def start(script):
    return script, subprocess.Popen([sys.executable, os.path.join(tools, script)])


# A strict Content-Security-Policy (tools/csp.py); pdf.js into dist/pdfjs/ (tools/pdfjs.py);
# the modules fetched on first use (the document readers, the teacher's tools) into
# dist/readers/ and dist/teacher/ (tools/modules.py).
failed = [s for s, p in map(start, ["csp.py", "pdfjs.py", "modules.py"]) if p.wait() != 0]
if failed:
    sys.exit(f"post-build: {', '.join(failed)} failed")
# The service worker, with the precache list and the version of this build.
if subprocess.run([sys.executable, os.path.join(tools, "pwa.py")]).returncode != 0:
    sys.exit("post-build: pwa.py failed")
