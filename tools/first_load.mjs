#!/usr/bin/env node
// The first-load size guard: what a browser downloads to start the app, brotli-compressed at
// quality 11 (as a server would send it), must stay within LIMIT_BYTES.
//
// The translations (i18n/: the English catalogue and the library that formats it) have a
// limit of their own, CATALOGUE_LIMIT_BYTES (see there why).
//
// First load is dist/index.html and every file it references that the browser loads at
// start: stylesheets, icons, preloads, and the wasm-bindgen JS and wasm. Trunk references
// these last two twice (a <link rel=modulepreload> / <link rel=preload> and the inline
// <script type=module> that imports the JS and passes the wasm to init), so references are
// collected into a set and each file is counted once. The seed texts under seeds/ are not
// counted: they are fetched beside the app, and their size is the texts'.
//
//   node tools/first_load.mjs [dist]    one line per file, the two totals; exit 1 over a limit
//
// Node's standard library only (zlib).

import { readFileSync, existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

// 330 KB, taken as KiB: 330 × 1024 = 337,920 bytes (issue 15; the performance issue will
// lower it), for everything but the interface's translations.
const LIMIT_BYTES = 330 * 1024;
// The translations (issue 21, which lets the first load grow by the catalogue and the
// worker): the English catalogue, every language's fallback, and @fluent/bundle, which
// formats it, under i18n/. Counted and capped on their own line, so that the app's own
// bytes keep the limit above: 11.2 KB when they came.
const CATALOGUE = "i18n/";
const CATALOGUE_LIMIT_BYTES = 16 * 1024;

const dist = process.argv[2] ?? "dist";
const indexPath = join(dist, "index.html");
if (!existsSync(indexPath)) {
  console.error(`first-load: no ${indexPath}: run the release build first (trunk build --release)`);
  process.exit(2);
}
const html = readFileSync(indexPath, "utf8");

// The app's own files only: not other origins, not data: URLs, not the seed texts.
const refs = new Set();
function add(url) {
  if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) return;
  const path = url.replace(/[?#].*$/, "").replace(/^\.?\//, "");
  if (path === "" || path.startsWith("seeds/")) return;
  refs.add(path);
}
// Without the inline scripts, so that their text is read as code below, not as tags.
const inline = [];
const tags = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi, (whole, attrs, body) => {
  if (!/\bsrc\s*=/i.test(attrs)) inline.push(body);
  return `<script${attrs}>`;
});
// The attributes of a tag, read pair by pair, so that a value (an integrity hash) is never
// mistaken for an attribute.
function attributes(text) {
  const out = {};
  for (const [, name, dq, sq, bare] of text.matchAll(/([^\s=>\/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    out[name.toLowerCase()] = dq ?? sq ?? bare ?? "";
  }
  return out;
}
// href= and src= of <link> and <script>; a link is loaded at start unless it only points
// somewhere (rel=canonical, alternate, prefetch for a later page).
for (const [, tag, text] of tags.matchAll(/<(link|script)\b([^>]*)>/gi)) {
  const attrs = attributes(text);
  const rel = (attrs.rel ?? "").toLowerCase();
  if (tag.toLowerCase() === "link" && /^(canonical|alternate|prefetch|dns-prefetch|preconnect)$/.test(rel)) continue;
  for (const url of [attrs.href, attrs.src]) if (url) add(url);
}
// The loader Trunk writes inline: `import init, * as bindings from '/x.js'` and
// `init({ module_or_path: '/x_bg.wasm' })`.
for (const body of inline) {
  for (const [, url] of body.matchAll(/["']([^"'\s]+\.(?:m?js|wasm))["']/g)) add(url);
}

const files = ["index.html", ...[...refs].sort()];
let total = 0;
let catalogue = 0;
const rows = [];
for (const file of files) {
  const path = join(dist, file);
  if (!existsSync(path) || !statSync(path).isFile()) {
    console.error(`first-load: index.html references ${file}, which is not in ${dist}/`);
    process.exit(2);
  }
  const bytes = readFileSync(path);
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  if (file.startsWith(CATALOGUE)) catalogue += br;
  else total += br;
  rows.push([file, bytes.length, br]);
}
const width = Math.max(...rows.map(([f]) => f.length), "total".length);
const num = (n) => n.toLocaleString("en-US").padStart(10);
for (const [file, raw, br] of rows) {
  console.log(`first-load: ${file.padEnd(width)} ${num(raw)} B raw ${num(br)} B brotli`);
}
const kb = (n) => (n / 1024).toFixed(1);
const line = (what, n, limit, count) =>
  console.log(
    `first-load: ${what.padEnd(width)} ${" ".repeat(17)} ${num(n)} B brotli ` +
      `(${kb(n)} KB of ${kb(limit)} KB, ${count} files)`,
  );
const catalogueFiles = files.filter((f) => f.startsWith(CATALOGUE)).length;
line("app", total, LIMIT_BYTES, files.length - catalogueFiles);
line("translations", catalogue, CATALOGUE_LIMIT_BYTES, catalogueFiles);
console.log(`first-load: ${"total".padEnd(width)} ${" ".repeat(17)} ${num(total + catalogue)} B brotli`);
let over = false;
for (const [what, n, limit, name] of [
  ["the app", total, LIMIT_BYTES, "LIMIT_BYTES"],
  ["the translations", catalogue, CATALOGUE_LIMIT_BYTES, "CATALOGUE_LIMIT_BYTES"],
]) {
  if (n > limit) {
    console.error(
      `first-load: over the limit: ${what}, ${n.toLocaleString("en-US")} B brotli, is more than ` +
        `${limit.toLocaleString("en-US")} B (${kb(limit)} KB, ${name} in tools/first_load.mjs) ` +
        `by ${(n - limit).toLocaleString("en-US")} B`,
    );
    over = true;
  }
}
if (over) process.exit(1);
