// The app's service worker: the source of dist/sw.js, which tools/pwa.py writes from it at
// each build, filling in VERSION (a hash of every built file) and PRECACHE (the first load
// and the app shell: index.html, the hashed wasm, JavaScript, stylesheets and icons,
// snippets/, seeds/, the manifest and any i18n/ catalogues; the teacher's tools' module,
// teacher/, which draws the suggestions, Compare and the report, and the readers', readers/,
// which reads W3C and doccano imports, so that they work offline after one visit even if
// never used then: tools/pwa.py says why and what it costs). Kept here, beside src/web/update.rs which registers it, because the page's side
// and the worker's side of an update are one protocol and are read together.
//
// - install: precaches the list into this version's cache, in the background once the page
//   has loaded (teacher/ and readers/ included: some 400 KB brotli more than the first load);
//   the new version then waits while an older one controls a page (the page offers
//   "Reload to update");
// - activate: deletes every other cache, then controls the open pages;
// - fetch: the app's own GETs are answered from this version's caches first. The start page
//   is the cached index.html, so a page runs the version its worker holds; any other page
//   asked for with no network also gets it. Code loaded only when used (pdfjs/: a
//   user's own PDF) is never precached: it is cached here
//   when first fetched, with the files that go with it (WITH: the other files of a module's
//   folder, so that whatever it needs is there offline once it is);
// - message "skipWaiting": the page's "Reload to update" button lets this version take over.
const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__;
const WITH = __WITH__;
const SHELL = `gcm-shell-${VERSION}`;
const RUNTIME = `gcm-runtime-${VERSION}`;
const INDEX = new URL("index.html", self.registration.scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(SHELL).then((cache) =>
      // Checked with the server, not taken from the HTTP cache as it is: index.html has no
      // hash in its name, and an old one kept under this version would never be replaced.
      cache.addAll(PRECACHE.map((path) => new Request(path, { cache: "no-cache" }))),
    ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n !== SHELL && n !== RUNTIME).map((n) => caches.delete(n))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skipWaiting") self.skipWaiting();
});

// This version's copy of a request, if it has one.
async function cached(request) {
  for (const name of [SHELL, RUNTIME]) {
    const cache = await caches.open(name);
    const hit = await cache.match(request);
    if (hit) return hit;
  }
  return undefined;
}

// From the network, kept in this version's runtime cache when it is a whole answer.
// The files that go with it (WITH) are fetched and kept too, unless they already are.
async function fromNetwork(event) {
  const response = await fetch(event.request);
  if (response.status === 200 && response.type === "basic") {
    const copy = response.clone();
    const scope = self.registration.scope;
    const url = event.request.url;
    const also = url.startsWith(scope) ? WITH[url.slice(scope.length)] ?? [] : [];
    event.waitUntil(
      caches.open(RUNTIME).then(async (cache) => {
        await cache.put(event.request, copy);
        for (const path of also) if (!(await cached(path))) await cache.add(path).catch(() => {});
      }),
    );
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    const start = url.href === self.registration.scope || url.href === INDEX;
    event.respondWith(
      start
        ? cached(INDEX).then((hit) => hit || fetch(request))
        : fetch(request).catch(() => cached(INDEX).then((hit) => hit || Response.error())),
    );
    return;
  }
  event.respondWith(cached(request).then((hit) => hit || fromNetwork(event)));
});
