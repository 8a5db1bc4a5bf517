//! The service worker seen from the page: registers `sw.js` (written into dist/ by
//! tools/pwa.py from src/web/sw.js), says when a new version is installed and waiting, and
//! hands over to it when the user chooses "Reload to update". Never reloads by itself.

use wasm_bindgen::prelude::*;

// In JavaScript: each call across the boundary written in Rust (web-sys's service worker
// types, their promises and events) costs more first-load bytes than these lines.
// A version counts as waiting once it is installed while an older one controls this page;
// the browser looks for one at each navigation, and here every hour for a page left open.
#[wasm_bindgen(inline_js = r#"
let reg, reloading;
export function register(onWaiting) {
  const c = navigator.serviceWorker;
  if (!c) return;
  c.oncontrollerchange = () => reloading && location.reload();
  c.register("sw.js").then((r) => {
    const check = () => r.waiting && c.controller && onWaiting();
    reg = r;
    r.onupdatefound = () => {
      const w = r.installing;
      w.onstatechange = () => w.state == "installed" && check();
    };
    check();
    setInterval(() => r.update().catch(() => {}), 36e5);
  }, () => {});
}
export function applyUpdate() {
  if (reg && reg.waiting) { reloading = 1; reg.waiting.postMessage("skipWaiting"); }
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = register)]
    fn register_js(on_waiting: &Closure<dyn Fn()>);

    /// Tells the waiting version to take over; the page reloads once it controls it.
    /// Does nothing when no version is waiting.
    #[wasm_bindgen(js_name = applyUpdate)]
    pub fn apply_update();
}

/// Registers the service worker (once, at start) and calls `on_waiting` when a new
/// version is waiting: at once if one already is, else when it has installed. Without
/// service workers (an old browser, a page not served over HTTP(S)) nothing happens.
pub fn register(on_waiting: impl Fn() + 'static) {
    let callback = Closure::<dyn Fn()>::new(on_waiting);
    register_js(&callback);
    // Called for as long as the page lives.
    callback.forget();
}
