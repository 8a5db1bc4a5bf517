//! The app's entry point: mounts the Yew shell in the browser.

#[cfg(target_arch = "wasm32")]
fn main() {
    gcm_annotator::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("gcm-annotator runs in the browser: build it with `./dev serve` (see README.md)");
}
