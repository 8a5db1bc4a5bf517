#!/usr/bin/env python3
"""Makes the manifest's PNG icons, styles/icon-192.png and styles/icon-512.png, from
styles/favicon.svg, by rendering it in headless Chromium. Run once when the icon changes
(`python3 tools/icons.py`) and commit the PNGs: the build only copies them.
"""
import os
import subprocess
import tempfile

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
svg = open(os.path.join(root, "styles", "favicon.svg"), encoding="utf-8").read()
chrome = os.environ.get("CHROME", "/usr/bin/chromium")
for size in (192, 512):
    with tempfile.TemporaryDirectory() as tmp:
        page = os.path.join(tmp, "icon.html")
        with open(page, "w", encoding="utf-8") as f:
            f.write(
                "<!doctype html><style>html,body{margin:0;background:transparent}"
                f"svg{{display:block;width:{size}px;height:{size}px}}</style>{svg}"
            )
        out = os.path.join(root, "styles", f"icon-{size}.png")
        subprocess.run(
            [chrome, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             "--default-background-color=00000000", f"--window-size={size},{size}",
             f"--screenshot={out}", f"file://{page}"],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        print(f"icons: {out}")
