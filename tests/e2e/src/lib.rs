//! The end-to-end harness: serves the release build (`dist/`) on loopback, starts
//! chromedriver and a headless Chromium with a fresh profile, and offers the few steps every
//! flow needs (open the app, find a control by its accessible name, wait for text).
//!
//! A new flow is a `#[tokio::test]` in `tests/e2e/tests/` that starts with
//! `let b = Browser::open().await;` and drives `b.client` (a fantoccini `Client`).

pub mod class;

use fantoccini::actions::{
    InputSource, MouseActions, PointerAction, WheelAction, WheelActions, MOUSE_BUTTON_LEFT,
};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// How long a step waits for the page before the test fails. Generous, because a cold
/// Chromium on a busy 2-core machine can take seconds to compile the wasm.
pub const WAIT: Duration = Duration::from_secs(20);

/// The Chromium flags every test uses (the same as `webdriver.json`): no sandbox (CI runs as
/// root) and no background networking (this network refuses it, noisily).
pub const CHROME_ARGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--window-size=1366,900",
];

/// The folder holding the release build.
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("GCM_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dist"));
    assert!(
        dir.join("index.html").exists(),
        "no build at {}: run `./dev test` (it builds the release app first) or `trunk build --release`",
        dir.display()
    );
    dir
}

/// The base URL of the static server, started once per test binary.
pub fn app_url() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| serve_dir(dist_dir()))
}

/// Serves a folder on a loopback port of its own (a second origin) and returns its base URL:
/// the benchmark serves the peer's pages this way.
pub fn serve_dir(dir: PathBuf) -> String {
    let server = Server::start(dir);
    let url = server.url();
    // Serves for as long as the test binary runs.
    std::mem::forget(server);
    url
}

type Connections =
    std::sync::Arc<std::sync::Mutex<std::collections::HashMap<u64, std::net::TcpStream>>>;

/// A static server that a test can stop, to take the network away from the app as a user
/// who goes offline meets it (the browser then finds nothing listening), and start again on
/// the same port: the same origin, whose storage and service worker the browser keeps.
pub struct Server {
    port: u16,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// The connections open now, by number, closed when the server stops (a browser keeps
    /// them alive).
    open: Connections,
    accepting: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    /// Serves `dir` on a free loopback port.
    pub fn start(dir: PathBuf) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        Self::on(listener, dir)
    }

    /// Serves `dir` on the port this server had, after [`Server::stop`].
    pub fn restart(&mut self, dir: PathBuf) {
        self.stop();
        let listener = TcpListener::bind(("127.0.0.1", self.port))
            .unwrap_or_else(|e| panic!("bind port {} again: {e}", self.port));
        *self = Self::on(listener, dir);
    }

    fn on(listener: TcpListener, dir: PathBuf) -> Server {
        use std::sync::atomic::Ordering;
        let port = listener.local_addr().expect("an address").port();
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let open: Connections = Default::default();
        let (stop2, open2) = (stop.clone(), open.clone());
        let accepting = std::thread::spawn(move || {
            for (n, stream) in (0u64..).zip(listener.incoming().flatten()) {
                if stop2.load(Ordering::SeqCst) {
                    return;
                }
                if let Ok(copy) = stream.try_clone() {
                    open2
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .insert(n, copy);
                }
                let (dir, open) = (dir.clone(), open2.clone());
                std::thread::spawn(move || {
                    let _ = serve_connection(stream, &dir);
                    open.lock().unwrap_or_else(|e| e.into_inner()).remove(&n);
                });
            }
        });
        Server {
            port,
            stop,
            open,
            accepting: Some(accepting),
        }
    }

    /// The base URL, such as `http://127.0.0.1:41234/`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    /// Stops listening and closes every open connection: from now on the browser reaches
    /// nothing at this origin. Waits until the port is released.
    pub fn stop(&mut self) {
        let Some(accepting) = self.accepting.take() else {
            return;
        };
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
        // Wakes the accepting thread, which sees `stop` and drops the listener.
        let _ = std::net::TcpStream::connect(("127.0.0.1", self.port));
        let _ = accepting.join();
        for (_, s) in self.open.lock().unwrap_or_else(|e| e.into_inner()).drain() {
            let _ = s.shutdown(std::net::Shutdown::Both);
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// One keep-alive HTTP/1.1 connection: GET and HEAD of files below `dir`. Each response goes
/// out in one write with Nagle's algorithm off, as static servers send them: with it on, a
/// response written as head then body waited ~40 ms for the browser's delayed ACK whenever
/// the body was under a segment, which put 40 ms stalls on random files of every page.
fn serve_connection(stream: std::net::TcpStream, dir: &Path) -> std::io::Result<()> {
    use std::io::{BufRead, Read, Write};
    stream.set_nodelay(true)?;
    let mut reader = std::io::BufReader::new(stream.try_clone()?);
    let mut out = stream;
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line)? == 0 {
            return Ok(());
        }
        let mut parts = request_line.split_whitespace();
        let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
            continue;
        };
        let (method, target) = (method.to_string(), target.to_string());
        REQUESTS
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(target.clone());
        let (mut body_length, mut close) = (0usize, false);
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header)? == 0 {
                return Ok(());
            }
            let header = header.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                let value = value.trim();
                if name.eq_ignore_ascii_case("content-length") {
                    body_length = value.parse().unwrap_or(0);
                } else if name.eq_ignore_ascii_case("connection") {
                    close = value.eq_ignore_ascii_case("close");
                }
            }
        }
        std::io::copy(
            &mut (&mut reader).take(body_length as u64),
            &mut std::io::sink(),
        )?;
        let (status, mime, body) = respond(dir, &target);
        let mut response = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .into_bytes();
        if method != "HEAD" {
            response.extend_from_slice(&body);
        }
        out.write_all(&response)?;
        if close {
            return Ok(());
        }
    }
}

/// Every request target the static servers of this test binary received, in order.
static REQUESTS: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// How many requests reached this binary's static servers with a target containing
/// `fragment` (a test that must cause none names its probes uniquely, as tests run in
/// parallel).
pub fn requests_for(fragment: &str) -> usize {
    REQUESTS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .filter(|t| t.contains(fragment))
        .count()
}

/// The status, type and body for a request target: a file below `dir`, or 404.
fn respond(dir: &Path, target: &str) -> (&'static str, &'static str, Vec<u8>) {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let rel = path.trim_start_matches('/');
    // Only plain names below the folder: no `..`, no absolute paths.
    let safe = !rel.split('/').any(|p| p == ".." || p.contains('\\'));
    let file = if rel.is_empty() {
        dir.join("index.html")
    } else {
        dir.join(rel)
    };
    match std::fs::read(&file) {
        Ok(bytes) if safe => {
            let mime = match file.extension().and_then(|e| e.to_str()) {
                Some("html") => "text/html; charset=utf-8",
                Some("js" | "mjs") => "text/javascript",
                Some("wasm") => "application/wasm",
                Some("css") => "text/css",
                Some("json") => "application/json",
                Some("svg") => "image/svg+xml",
                Some("txt") => "text/plain; charset=utf-8",
                Some("webmanifest") => "application/manifest+json",
                Some("png") => "image/png",
                _ => "application/octet-stream",
            };
            ("200 OK", mime, bytes)
        }
        _ => ("404 Not Found", "text/plain", b"not found".to_vec()),
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// A Chrome DevTools Protocol command, sent through chromedriver's `goog/cdp/execute`:
/// how tests put the real browser into states a user can meet (storage full, for one).
#[derive(Debug)]
pub struct Cdp {
    pub cmd: &'static str,
    pub params: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// A chromedriver process in a process group of its own, killed with the Chromium it started
/// when dropped: a test that fails half-way must not leave browsers running.
struct Driver(Child);

impl Driver {
    /// Starts tracking `child`. Where a panic aborts instead of unwinding (the benchmark runs
    /// in the release profile, `panic = "abort"`), no `Drop` runs, so the driver is also
    /// listed for [`kill_drivers_on_panic`].
    fn new(child: Child) -> Driver {
        if cfg!(panic = "abort") {
            kill_drivers_on_panic();
            if let Ok(mut live) = LIVE_DRIVERS.lock() {
                live.push(child.id());
            }
        }
        Driver(child)
    }
}

/// Kills a driver's process group: chromedriver and the Chromium it started.
fn kill_group(pid: u32) {
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{pid}")])
        .stderr(Stdio::null())
        .status();
}

/// The process ids of the drivers started and not yet dropped, when panics abort.
static LIVE_DRIVERS: std::sync::Mutex<Vec<u32>> = std::sync::Mutex::new(Vec::new());

/// Installs, once, a panic hook that kills every listed driver's process group before the
/// process aborts, then runs the previous hook. Only where panics abort: under unwinding
/// (`cargo test`) each test's drivers are dropped by its own thread, and a hook would kill
/// the browsers of tests still running beside it.
fn kill_drivers_on_panic() {
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if let Ok(live) = LIVE_DRIVERS.lock() {
                live.iter().copied().for_each(kill_group);
            }
            previous(info);
        }));
    });
}

impl Drop for Driver {
    fn drop(&mut self) {
        kill_group(self.0.id());
        if let Ok(mut live) = LIVE_DRIVERS.lock() {
            live.retain(|&pid| pid != self.0.id());
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A headless Chromium with a fresh profile, driven through WebDriver.
pub struct Browser {
    pub client: Client,
    _driver: Driver,
    /// The profile folder, removed when the browser is dropped.
    pub profile: PathBuf,
    /// Where downloads land: `<profile>-downloads`.
    pub downloads: PathBuf,
    /// The base URL of the app this browser opens ([`app_url`] unless launched at another).
    pub base: String,
}

/// Run in a helper tab that opened the app with [`Browser::open_app_window`]: closes the
/// app's window the moment its status turns to "saving", from inside the browser, so that the
/// close lands while the write is under way (`window.__closedWhile` then says `saving`).
pub const CLOSE_WHEN_SAVING_JS: &str = r#"
const w = window.__app;
const el = w.document.querySelector('[data-save-state]');
window.__closedWhile = null;
const obs = new MutationObserver(() => {
  if (el.dataset.saveState === 'saving') {
    obs.disconnect();
    window.__closedWhile = 'saving';
    w.close();
  }
});
obs.observe(el, { attributes: true, attributeFilter: ['data-save-state'] });
return true;
"#;

impl Browser {
    /// Starts chromedriver and a Chromium with an empty profile, and opens the app.
    pub async fn open() -> Browser {
        let profile = std::env::temp_dir().join(format!(
            "gcm-e2e-profile-{}-{}",
            std::process::id(),
            free_port()
        ));
        Self::open_with_profile(profile).await
    }

    /// Like [`Browser::open`], with a given profile folder (reused to test persistence
    /// across browser restarts).
    pub async fn open_with_profile(profile: PathBuf) -> Browser {
        let b = Self::launch(profile, serde_json::json!({})).await;
        b.open_app().await;
        b
    }

    /// Navigates to the app and waits until it has started.
    pub async fn open_app(&self) {
        self.client.goto(&self.base).await.expect("open the app");
        self.wait_for_css("[data-app-ready]").await;
    }

    /// Starts chromedriver and Chromium with this profile and extra Chromium preferences
    /// (content settings, for one), without opening the app: for tests that must put the
    /// browser into a state before the app first runs.
    pub async fn launch(profile: PathBuf, extra_prefs: serde_json::Value) -> Browser {
        Self::launch_at(app_url(), profile, extra_prefs).await
    }

    /// Like [`Browser::launch`], for the app served at `url` (a test's own [`Server`]).
    pub async fn launch_at(url: &str, profile: PathBuf, extra_prefs: serde_json::Value) -> Browser {
        let driver_bin =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let port = free_port();
        let child = Command::new(&driver_bin)
            .process_group(0)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {driver_bin}: {e}"));
        let driver = Driver::new(child);

        let mut args: Vec<String> = CHROME_ARGS.iter().map(|s| s.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        let chrome = std::env::var("CHROME").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let downloads = PathBuf::from(format!("{}-downloads", profile.display()));
        let _ = std::fs::create_dir_all(&downloads);
        let mut prefs = serde_json::json!({
            "download.default_directory": downloads.display().to_string(),
            "download.prompt_for_download": false,
        });
        if let (Some(p), Some(extra)) = (prefs.as_object_mut(), extra_prefs.as_object()) {
            p.extend(extra.clone());
        }
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({ "args": args, "binary": chrome, "prefs": prefs }),
        );

        let deadline = Instant::now() + WAIT;
        let client = loop {
            match ClientBuilder::rustls()
                .expect("a TLS-capable WebDriver client")
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(c) => break c,
                Err(e) if Instant::now() < deadline => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => panic!("cannot start a WebDriver session: {e}"),
            }
        };
        // A page of the app's origin that is not the app: 404 is fine, the origin is set.
        client
            .goto(&format!("{url}blank"))
            .await
            .expect("open the origin");
        Browser {
            client,
            _driver: driver,
            profile,
            downloads,
            base: url.to_string(),
        }
    }

    /// Runs a DevTools command in this browser.
    pub async fn cdp(&self, cmd: &'static str, params: serde_json::Value) -> serde_json::Value {
        self.client
            .issue_cmd(Cdp { cmd, params })
            .await
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    /// Sets the system's colour scheme as this page sees it (`prefers-color-scheme`:
    /// `"light"` or `"dark"`), as a user's operating system setting does; it holds across
    /// reloads of this tab.
    pub async fn emulate_color_scheme(&self, scheme: &str) {
        self.cdp(
            "Emulation.setEmulatedMedia",
            serde_json::json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
        )
        .await;
    }

    /// The WCAG relative luminance (0 black to 1 white) of the page's background and of its
    /// text, as painted: the `<body>`'s computed colours.
    pub async fn page_luminance(&self) -> (f64, f64) {
        let v = self
            .js(
                "const lum = (c) => { const [r, g, b] = c.match(/[\\d.]+/g).map(Number).map((v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
                 const s = getComputedStyle(document.body); return [lum(s.backgroundColor), lum(s.color)];",
                vec![],
            )
            .await;
        (
            v[0].as_f64().expect("a number"),
            v[1].as_f64().expect("a number"),
        )
    }

    /// True when the page is painted dark: a dark background under light text.
    pub async fn is_dark(&self) -> bool {
        let (paper, ink) = self.page_luminance().await;
        paper < 0.05 && ink > 0.5
    }

    /// The app's origin, such as `http://127.0.0.1:41234`.
    pub fn origin(&self) -> String {
        self.base.trim_end_matches('/').to_string()
    }

    /// Opens the app in a second window of this browser (the same profile, so the same
    /// storage, as a user's second tab), and makes it the one driven. Returns the handles of
    /// the window driven before and of the new one, for [`Browser::switch_to`].
    pub async fn open_second_window(
        &self,
    ) -> (fantoccini::wd::WindowHandle, fantoccini::wd::WindowHandle) {
        let first = self.client.window().await.expect("the current window");
        let second = self
            .client
            .new_window(false)
            .await
            .expect("open a second window")
            .handle;
        self.switch_to(&second).await;
        self.open_app().await;
        (first, second)
    }

    /// Drives this window from now on.
    pub async fn switch_to(&self, window: &fantoccini::wd::WindowHandle) {
        self.client
            .switch_to_window(window.clone())
            .await
            .expect("switch windows");
    }

    /// Reloads the page and waits for the app to start again.
    pub async fn reload(&self) {
        self.client.refresh().await.expect("reload");
        self.wait_for_css("[data-app-ready]").await;
    }

    /// Waits until an element matches the CSS selector, and returns it.
    pub async fn wait_for_css(&self, css: &str) -> Element {
        match self
            .client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
        {
            Ok(el) => el,
            Err(e) => panic!(
                "no element matches `{css}`: {e}\nthe page then: {}",
                self.page_state().await
            ),
        }
    }

    /// What the page shows and has loaded, for a failure message: when the app never
    /// becomes ready, this tells a crash page, a "Loading" line and a missing file apart.
    pub async fn page_state(&self) -> String {
        self.client
            .execute(
                "return JSON.stringify({ url: location.href, readyState: document.readyState, \
                 text: (document.body ? document.body.innerText : '').slice(0, 400), \
                 messages: [...document.querySelectorAll('[role=status], [role=alert]')].map((e) => e.innerText.trim()).filter(Boolean), \
                 loaded: performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop(), Math.round(e.startTime), Math.round(e.responseEnd), e.responseStatus]) })",
                vec![],
            )
            .await
            .map(|v| v.as_str().unwrap_or_default().to_string())
            .unwrap_or_else(|e| format!("(could not be read: {e})"))
    }

    /// The element with this ARIA role (or implicit role, for buttons and links) and
    /// accessible name, the way a screen reader user finds it.
    pub async fn by_name(&self, role: &str, name: &str) -> Element {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(el) = self.try_by_name(role, name).await {
                return el;
            }
            if Instant::now() > deadline {
                panic!(
                    "no {role} named {name:?}\nthe page then: {}",
                    self.page_state().await
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Like [`Browser::by_name`], without waiting.
    pub async fn try_by_name(&self, role: &str, name: &str) -> Option<Element> {
        // The script tags the element it finds; WebDriver then finds it by that attribute.
        let found = self
            .client
            .execute(FIND_BY_NAME_JS, vec![role.into(), name.into()])
            .await
            .expect("run the accessible-name query");
        let token = found.as_str()?;
        self.client
            .find(Locator::Css(&format!("[data-e2e-found=\"{token}\"]")))
            .await
            .ok()
    }

    /// Waits until the page's visible text contains `needle`.
    pub async fn wait_for_text(&self, needle: &str) {
        let deadline = Instant::now() + WAIT;
        loop {
            let body = self.body_text().await;
            if body.contains(needle) {
                return;
            }
            if Instant::now() > deadline {
                panic!(
                    "the page never showed {needle:?}\nthe page then: {}",
                    self.page_state().await
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until a message says `needle`, shown or in the folded list of a message that
    /// stands for several errors ("5 files refused").
    pub async fn wait_for_message(&self, needle: &str) {
        let script = "return (document.querySelector('.notices')?.textContent ?? '').replace(/[\\u2068\\u2069]/g, '').includes(arguments[0])";
        let deadline = Instant::now() + WAIT;
        while self.js(script, vec![needle.into()]).await != serde_json::json!(true) {
            if Instant::now() > deadline {
                panic!(
                    "no message said {needle:?}\nthe page then: {}",
                    self.page_state().await
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Finds text on the page the way Ctrl+F does (`window.find`, which also searches blocks
    /// that `content-visibility` has not laid out yet), selects it and scrolls it into view.
    /// Returns the selected text.
    pub async fn find_on_page(&self, needle: &str) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let got = self
                .js(
                    "getSelection().removeAllRanges(); \
                     return window.find(arguments[0], true) ? getSelection().toString() : null;",
                    vec![needle.into()],
                )
                .await;
            if let Some(s) = got.as_str() {
                return s.to_string();
            }
            if Instant::now() > deadline {
                panic!("Ctrl+F never found {needle:?}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The page's text as the user sees it.
    pub async fn body_text(&self) -> String {
        self.client
            // Without the invisible bidi isolates the app puts around quoted names.
            .execute(
                "return document.body.innerText.replace(/[\\u2068\\u2069]/g, '')",
                vec![],
            )
            .await
            .expect("read the page text")
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Runs a script and returns its value.
    pub async fn js(&self, script: &str, args: Vec<serde_json::Value>) -> serde_json::Value {
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Viewport points just inside the first and last characters of the `nth` (0-based)
    /// occurrence of `needle` in the document text, after scrolling it into view.
    pub async fn text_points(&self, needle: &str, nth: usize) -> ((f64, f64), (f64, f64)) {
        let v = self
            .client
            .execute_async(TEXT_POINTS_JS, vec![needle.into(), nth.into()])
            .await
            .expect("locate text");
        let n = |k: &str| {
            v[k].as_f64()
                .unwrap_or_else(|| panic!("{needle:?} is not in the text: {v}"))
        };
        ((n("x1"), n("y1")), (n("x2"), n("y2")))
    }

    /// Selects `needle` (its `nth` occurrence) in the document by dragging the mouse across
    /// it, as a reader does: press before its first character, move, release after its last.
    pub async fn drag_select(&self, needle: &str, nth: usize) {
        let (from, to) = self.text_points(needle, nth).await;
        self.drag_between(from, to).await;
    }

    /// A real mouse drag from one viewport point to another, through their middle.
    pub async fn drag_between(&self, (x1, y1): (f64, f64), (x2, y2): (f64, f64)) {
        let mouse = MouseActions::new("mouse".into())
            .then(PointerAction::MoveTo {
                duration: None,
                x: x1.round(),
                y: y1.round(),
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::MoveTo {
                duration: Some(Duration::from_millis(150)),
                x: ((x1 + x2) / 2.0).round(),
                y: ((y1 + y2) / 2.0).round(),
            })
            .then(PointerAction::MoveTo {
                duration: Some(Duration::from_millis(150)),
                x: x2.round(),
                y: y2.round(),
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        self.client
            .perform_actions(mouse)
            .await
            .expect("drag the mouse");
    }

    /// Clicks the middle of the `nth` occurrence of `needle` in the document.
    pub async fn click_text(&self, needle: &str, nth: usize) {
        let ((x1, y1), (x2, _)) = self.text_points(needle, nth).await;
        let (x, y) = if (x2 - x1).abs() > 2.0 {
            ((x1 + x2) / 2.0, y1)
        } else {
            (x1 + 2.0, y1)
        };
        self.click_at(x, y).await;
    }

    /// A real left click at a viewport point.
    pub async fn click_at(&self, x: f64, y: f64) {
        let mouse = MouseActions::new("mouse".into())
            .then(PointerAction::MoveTo {
                duration: None,
                x: x.round(),
                y: y.round(),
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        self.client.perform_actions(mouse).await.expect("click");
    }

    /// Turns the mouse wheel once at a viewport point: `dy` CSS pixels down (negative: up),
    /// as a user scrolls whatever is under the pointer.
    pub async fn wheel(&self, (x, y): (f64, f64), dy: i64) {
        let wheel = WheelActions::new("wheel".into()).then(WheelAction::Scroll {
            duration: None,
            x: x.round() as i64,
            y: y.round() as i64,
            delta_x: 0,
            delta_y: dy,
        });
        self.client
            .perform_actions(wheel)
            .await
            .expect("turn the wheel");
        // Let the scroll land (smooth scrolling is off in tests, but frames still pass).
        tokio::time::sleep(Duration::from_millis(60)).await;
    }

    /// Brings the control with this role and accessible name on screen with the mouse wheel
    /// alone, turned over the middle of the visible part of `panel` (a CSS selector: the
    /// panel a user would scroll), and returns the middle of the control once it is wholly in
    /// the window, inside every scrolling box around it, and not covered by anything. No
    /// programmatic scrolling: only wheel turns. Panics, with a screenshot, when 80 turns do
    /// not bring it.
    pub async fn wheel_to(&self, role: &str, name: &str, panel: &str) -> (f64, f64) {
        let el = self.by_name(role, name).await;
        self.wheel_to_element(&el, &format!("{role} {name:?}"), panel)
            .await
    }

    /// [`Browser::wheel_to`] for an element already found (`what` names it in a failure).
    pub async fn wheel_to_element(&self, el: &Element, what: &str, panel: &str) -> (f64, f64) {
        for _ in 0..80 {
            let seen = self
                .client
                .execute(
                    WHERE_IS_JS,
                    vec![serde_json::to_value(el).expect("element"), panel.into()],
                )
                .await
                .expect("measure the control");
            let at = |k: &str| seen[k].as_f64().unwrap_or(0.0);
            match seen["state"].as_str() {
                Some("visible") => return (at("x"), at("y")),
                Some("below") => self.wheel((at("px"), at("py")), 120).await,
                Some("above") => self.wheel((at("px"), at("py")), -120).await,
                other => {
                    self.screenshot("unreachable").await;
                    panic!("{what} cannot be reached: {other:?} {seen}")
                }
            }
        }
        self.screenshot("unreachable").await;
        panic!("{what} was not brought on screen by 80 turns of the wheel over {panel}");
    }

    /// [`Browser::wheel_to`], then a real click in its middle.
    pub async fn wheel_and_click(&self, role: &str, name: &str, panel: &str) {
        let (x, y) = self.wheel_to(role, name, panel).await;
        self.click_at(x, y).await;
    }

    /// Clicks the control with this role and accessible name.
    pub async fn click(&self, role: &str, name: &str) {
        self.by_name(role, name)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {role} {name:?}: {e}"));
    }

    /// Types into the element that has focus, as keystrokes. Special keys come from
    /// [`Key`] (`Key::Enter.into()`); a modifier stays pressed until [`Key::Null`].
    pub async fn type_keys(&self, keys: &str) {
        let el = self
            .client
            .active_element()
            .await
            .expect("a focused element");
        el.send_keys(keys).await.expect("type");
    }

    /// Presses a key with modifiers held (for example Shift+ArrowRight, Ctrl+Z).
    pub async fn press(&self, modifiers: &[Key], key: impl Into<char>) {
        let mut s = String::new();
        for m in modifiers {
            s.push(char::from(*m));
        }
        s.push(key.into());
        s.push(char::from(Key::Null));
        self.type_keys(&s).await;
    }

    /// The id of the focused element.
    pub async fn focused_id(&self) -> String {
        self.js(
            "return document.activeElement ? document.activeElement.id : ''",
            vec![],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
    }

    /// From the `helper` tab, opens the app in a window the helper can close
    /// (`window.__app`, see [`CLOSE_WHEN_SAVING_JS`]), switches to it, and waits for the app.
    pub async fn open_app_window(&self, helper: &fantoccini::wd::WindowHandle) {
        self.client
            .switch_to_window(helper.clone())
            .await
            .expect("the helper");
        self.js(
            "window.__app = window.open(arguments[0], '_blank'); return true;",
            vec![self.base.clone().into()],
        )
        .await;
        self.switch_to_app_window(helper).await;
        self.wait_for_css("[data-app-ready]").await;
    }

    /// Switches to the app's window: the one that is not the `helper` tab.
    pub async fn switch_to_app_window(&self, helper: &fantoccini::wd::WindowHandle) {
        let app = self
            .client
            .windows()
            .await
            .expect("the windows")
            .into_iter()
            .find(|h| h != helper)
            .expect("the app's window");
        self.client
            .switch_to_window(app)
            .await
            .expect("the app's window");
    }

    /// Waits until every change is written to the browser's storage.
    pub async fn wait_saved(&self) {
        self.wait_for_css("[data-save-state=saved]").await;
        // The status updates after the transaction commits; a short settle is not needed.
    }

    /// The annotations in the browser's IndexedDB, as the app stored them: one per record
    /// (schema 1) or in chunk records (schema 2, `{"annotations": [...]}`), flattened.
    pub async fn stored_annotations(&self) -> Vec<serde_json::Value> {
        let v = self
            .client
            .execute_async(STORED_JS, vec!["annotations".into()])
            .await
            .expect("read IndexedDB");
        let mut out = Vec::new();
        for s in v.as_array().expect("a list") {
            let record: serde_json::Value =
                serde_json::from_str(s.as_str().expect("a JSON string")).expect("JSON");
            match record.get("annotations").and_then(|a| a.as_array()) {
                Some(list) => out.extend(list.iter().cloned()),
                None => out.push(record),
            }
        }
        out
    }

    /// The texts of the annotation list's entries, in order.
    pub async fn list_entries(&self) -> Vec<String> {
        let v = self
            .js("return [...document.querySelectorAll('ol.entries button.entry-main')].map(e => e.textContent.replace(/[\\u2068\\u2069]/g, '').replace(/\\s+/g, ' ').trim())", vec![])
            .await;
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// How many ranges each named highlight holds, from the CSS highlight registry.
    pub async fn highlight_sizes(&self) -> serde_json::Value {
        self.js("const o = {}; for (const [k, h] of CSS.highlights) { if (h.size) o[k] = h.size; } return o;", vec![])
            .await
    }

    /// Waits until `check` holds for the page, polling a script that returns a boolean.
    pub async fn wait_until(&self, what: &str, script: &str) {
        self.wait_until_with(what, script, vec![]).await
    }

    /// [`Browser::wait_until`] with arguments, which the script reads as `arguments[i]`.
    pub async fn wait_until_with(&self, what: &str, script: &str, args: Vec<serde_json::Value>) {
        let deadline = Instant::now() + WAIT;
        loop {
            if self.js(script, args.clone()).await.as_bool() == Some(true) {
                return;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting until {what}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Gives a file input a file from disk, as choosing it in the file picker does.
    pub async fn choose_file(&self, input_css: &str, path: &Path) {
        let input = self.wait_for_css(input_css).await;
        let path = path.canonicalize().expect("the file exists");
        input
            .send_keys(&path.display().to_string())
            .await
            .expect("choose a file");
    }

    /// Gives a file input several files at once, as a multiple choice in the file picker does.
    pub async fn choose_files(&self, input_css: &str, paths: &[&Path]) {
        let input = self.wait_for_css(input_css).await;
        let list: Vec<String> = paths
            .iter()
            .map(|p| {
                p.canonicalize()
                    .expect("the file exists")
                    .display()
                    .to_string()
            })
            .collect();
        input
            .send_keys(&list.join("\n"))
            .await
            .expect("choose the files");
    }

    /// Chooses an option of the `<select>` matching `css`, by its value.
    pub async fn select_value(&self, css: &str, value: &str) {
        self.wait_for_css(css)
            .await
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("choose {value:?} in {css}: {e}"));
    }

    /// Selects the `nth` occurrence of `needle` with the mouse, ticks `tags` in the palette,
    /// types `note`, saves, and waits until it is stored. Types a name when asked for one.
    pub async fn annotate(&self, needle: &str, nth: usize, tags: &[&str], note: &str) {
        self.annotate_unsaved(needle, nth, tags, note).await;
        self.wait_saved().await;
    }

    /// Like [`Browser::annotate`], without waiting for storage (when it is meant to fail).
    pub async fn annotate_unsaved(&self, needle: &str, nth: usize, tags: &[&str], note: &str) {
        self.annotate_as_unsaved("Ana", needle, nth, tags, note)
            .await;
    }

    /// Like [`Browser::annotate`], typing `name` when the palette asks for one: the
    /// annotator of this profile (a student, a teacher).
    pub async fn annotate_as(&self, name: &str, needle: &str, nth: usize, tags: &[&str]) {
        self.annotate_as_unsaved(name, needle, nth, tags, "").await;
        self.wait_saved().await;
    }

    async fn annotate_as_unsaved(
        &self,
        name: &str,
        needle: &str,
        nth: usize,
        tags: &[&str],
        note: &str,
    ) {
        self.drag_select(needle, nth).await;
        self.wait_for_css("#palette-search").await;
        if let Ok(field) = self.client.find(Locator::Id("palette-name")).await {
            field.send_keys(name).await.expect("type a name");
        }
        for tag in tags {
            self.click("checkbox", tag).await;
        }
        if !note.is_empty() {
            self.client
                .find(Locator::Id("palette-note"))
                .await
                .expect("the note field")
                .send_keys(note)
                .await
                .expect("type the note");
        }
        self.click("button", "Save annotation").await;
    }

    /// Ticks or unticks the checkbox of the assignment form (Export → "Hand out as an
    /// assignment…") whose label says `label`.
    pub async fn tick_in_assignment_form(&self, label: &str) {
        let found = self
            .js(
                "const [label] = arguments;
                 const l = [...document.querySelectorAll('.assignment-form label')]
                   .find(l => l.textContent.trim() === label);
                 if (!l) return false;
                 l.querySelector('input').click();
                 return true;",
                vec![label.into()],
            )
            .await;
        assert_eq!(found, true, "no checkbox {label:?} in the assignment form");
    }

    /// Switches the interface's language with the top bar's menu (`code`: `en`, `fr`,
    /// `es`) and waits until the page says it speaks it (`<html lang>`).
    pub async fn switch_language(&self, code: &str) {
        self.select_value("select.language-switch", code).await;
        self.wait_until(
            &format!("the interface speaks {code}"),
            &format!("return document.documentElement.lang === '{code}'"),
        )
        .await;
    }

    /// Sets the window so that its inner size (the page's) is `w`×`h`: the window's size
    /// counts some browser chrome.
    pub async fn resize_inner(&self, w: u32, h: u32) {
        self.client.set_window_size(w, h).await.unwrap();
        let inner = self.js("return innerHeight", vec![]).await.as_u64();
        let inner = inner.unwrap_or(h.into()) as u32;
        self.client.set_window_size(w, h + h - inner).await.unwrap();
        tokio::time::sleep(Duration::from_millis(400)).await;
        let got = self.js("return [innerWidth, innerHeight]", vec![]).await;
        assert_eq!(got, serde_json::json!([w, h]));
    }

    /// Saves a screenshot under `target/e2e-screenshots/` for a person to look at.
    pub async fn screenshot(&self, name: &str) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e-screenshots");
        let _ = std::fs::create_dir_all(&dir);
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(dir.join(format!("{name}.png")), png);
        }
    }

    /// Opens the Export panel and chooses every document in a format (by its slug: `gcm`,
    /// `w3c`, `refi`, …), without downloading yet.
    pub async fn choose_export_of_all(&self, slug: &str) {
        self.click("button", "Export").await;
        self.wait_for_css("#export-panel").await;
        self.client
            .find(Locator::Css("#export-panel label:nth-of-type(2) input"))
            .await
            .expect("the All documents choice")
            .click()
            .await
            .expect("choose All documents");
        self.select_value("select[aria-label=Format]", slug).await;
    }

    /// Exports every document in a format (by its slug) through the Export panel, and
    /// returns the downloaded file (its name ending with `ext`).
    pub async fn export_all(&self, slug: &str, ext: &str) -> PathBuf {
        self.choose_export_of_all(slug).await;
        self.click("button", "Download").await;
        self.wait_download(ext).await
    }

    /// Waits for a finished download whose name ends with `suffix`, and returns its path.
    pub async fn wait_download(&self, suffix: &str) -> PathBuf {
        let deadline = Instant::now() + WAIT;
        // Chromium may show the final name before the bytes are all there (an empty file
        // first): a download counts once it is not empty and its size held for a poll.
        let mut last_size: Option<(String, u64)> = None;
        loop {
            if let Ok(entries) = std::fs::read_dir(&self.downloads) {
                for e in entries.flatten() {
                    let name = e.file_name().to_string_lossy().to_string();
                    let size = e.metadata().map(|m| m.len()).unwrap_or(0);
                    let settled = size > 0 && last_size == Some((name.clone(), size));
                    if name.ends_with(suffix) && !name.ends_with(".crdownload") {
                        if !settled {
                            last_size = Some((name, size));
                            continue;
                        }
                        // Kept apart from the profile, which is removed when it closes.
                        let keep = std::env::temp_dir().join(format!(
                            "gcm-e2e-downloads-{}-{}",
                            std::process::id(),
                            free_port()
                        ));
                        std::fs::create_dir_all(&keep).expect("a folder for downloads");
                        let path = keep.join(&name);
                        std::fs::copy(e.path(), &path).expect("copy the download");
                        let _ = std::fs::remove_file(e.path());
                        return path;
                    }
                }
            }
            if Instant::now() > deadline {
                panic!(
                    "no download ending in {suffix:?} in {}",
                    self.downloads.display()
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Ends the session and the browser.
    pub async fn close(self) {
        let _ = self.client.close().await;
        let _ = std::fs::remove_dir_all(&self.profile);
        let _ = std::fs::remove_dir_all(&self.downloads);
    }
}

/// The repository's root, for tests that read committed files (fixtures, seeds).
pub fn repo() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// Creates the database as the app's first version did (IndexedDB version 1, three stores
/// with out-of-line keys), as every later version still opens it, and puts the records:
/// `arguments[0]` is `{documents: {key: json}, annotations: {…}, meta: {…}}`; calls back
/// `'written'` or what failed. For tests that start from committed records of an older
/// schema (`tests/storage-v<n>/records.json`).
pub const WRITE_RECORDS_JS: &str = r#"
const [records, done] = arguments;
const stores = ['documents', 'annotations', 'meta'];
const open = indexedDB.open('gcm-annotator', 1);
open.onupgradeneeded = () => { for (const s of stores) open.result.createObjectStore(s); };
open.onerror = () => done('open failed');
open.onsuccess = () => {
  const db = open.result;
  const tx = db.transaction(stores, 'readwrite');
  for (const s of stores) for (const [k, v] of Object.entries(records[s])) tx.objectStore(s).put(v, k);
  tx.oncomplete = () => { db.close(); done('written'); };
  tx.onerror = () => done('write failed');
};
"#;

/// The id of seed 004, "Global Migration Group", the flows' usual text.
pub const SEED_004: &str = "seed-87ef9370e957a8a4";

/// An export of seed 004 by `name`, in `format`, tagging the first occurrence of each needle
/// with its tag: what a student's file looks like, made with the app's own core.
pub fn export_of(
    name: &str,
    tags: &[(&str, &str)],
    format: gcm_annotator::formats::Format,
) -> Vec<u8> {
    use gcm_annotator::formats::export::export;
    use gcm_annotator::formats::{ExportScope, Options};
    use gcm_annotator::state::{Action, Model};
    use gcm_annotator::text::Cp;
    let mut m = Model::default();
    m.apply(Action::SetAnnotator(name.into()));
    m.apply(Action::OpenDocument(SEED_004.into()));
    let text = m
        .open_document()
        .expect("seed 004")
        .text
        .as_str()
        .to_string();
    for (i, (needle, tag)) in tags.iter().enumerate() {
        let b = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} in seed 004"));
        let s = text[..b].chars().count();
        m.apply(Action::Create {
            id: format!("{name}-{i}"),
            document: SEED_004.into(),
            start: Cp(s),
            end: Cp(s + needle.chars().count()),
            tags: vec![tag.to_string()],
            note: String::new(),
            now: 1,
        });
    }
    export(
        format,
        &ExportScope::new(&m.library, Some(SEED_004)),
        Options {
            annotator: name,
            ..Options::default()
        },
    )
    .into_bytes()
}

/// Python's `text[start:end]`: slicing by code points, the unit of every export.
pub fn slice_cp(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take(end.saturating_sub(start) as usize)
        .collect()
}

/// Finds an element by role and accessible name. The accessible name is computed the simple
/// way the app's markup allows: `aria-label`, else `aria-labelledby`, else the text.
/// Where a control stands for a user: `visible` (wholly inside the window and every scrolling
/// box around it, and what the pointer hits at its middle), else `below`/`above` (which way
/// the wheel must go), with its middle (`x`, `y`) and where to turn the wheel (`px`, `py`:
/// the middle of the visible part of the panel). `hidden` when it has no box.
const WHERE_IS_JS: &str = r#"
const [el, panelSel] = arguments;
const r = el.getBoundingClientRect();
if (r.width === 0 && r.height === 0) return { state: 'hidden' };
let top = 0, bottom = innerHeight, left = 0, right = innerWidth;
for (let a = el.parentElement; a; a = a.parentElement) {
  const o = getComputedStyle(a).overflowY;
  if (o === 'auto' || o === 'scroll' || o === 'hidden') {
    const b = a.getBoundingClientRect();
    top = Math.max(top, b.top); bottom = Math.min(bottom, b.bottom);
    left = Math.max(left, b.left); right = Math.min(right, b.right);
  }
}
const panel = document.querySelector(panelSel);
const p = panel ? panel.getBoundingClientRect() : { top: 0, bottom: innerHeight, left: 0, right: innerWidth };
const pt = Math.max(p.top, 0), pb = Math.min(p.bottom, innerHeight);
const out = { x: r.left + r.width / 2, y: r.top + r.height / 2,
              px: (Math.max(p.left, 0) + Math.min(p.right, innerWidth)) / 2, py: (pt + pb) / 2 };
if (pb - pt < 4) return { ...out, state: 'in a panel that is not on screen' };
if (r.top < top - 0.5) return { ...out, state: 'above' };
if (r.bottom > bottom + 0.5) return { ...out, state: 'below' };
const hit = document.elementFromPoint(out.x, out.y);
const ok = hit && (hit === el || el.contains(hit) || (el.labels && [...el.labels].some(l => l.contains(hit))));
return { ...out, state: ok ? 'visible' : 'covered by ' + (hit ? hit.outerHTML.slice(0, 80) : 'nothing') };
"#;

const FIND_BY_NAME_JS: &str = r#"
const [role, name] = arguments;
const implicit = { button: 'button', link: 'a[href]', textbox: 'input:not([type]),input[type=text],input[type=search],textarea', checkbox: 'input[type=checkbox]', radio: 'input[type=radio]', heading: 'h1,h2,h3,h4' };
const sel = `[role="${role}"]` + (implicit[role] ? ',' + implicit[role] : '');
const bare = (s) => s.replace(/[\u2068\u2069]/g, '').trim();
const nameOf = (el) => {
  if (el.hasAttribute('aria-label')) return bare(el.getAttribute('aria-label'));
  const by = el.getAttribute('aria-labelledby');
  if (by) return bare(by.split(/\s+/).map(id => document.getElementById(id)?.textContent ?? '').join(' '));
  if (el.labels && el.labels.length) return bare(el.labels[0].textContent);
  return bare(el.textContent.replace(/\s+/g, ' '));
};
for (const el of document.querySelectorAll(sel)) {
  if (el.closest('[hidden],[aria-hidden="true"]')) continue;
  if (nameOf(el) === name) {
    const token = String(Math.random()).slice(2);
    el.setAttribute('data-e2e-found', token);
    return token;
  }
}
return null;
"#;

/// Finds the `nth` occurrence of a string in the document text (by the blocks' UTF-16
/// starts), scrolls it into view and returns points inside its first and last characters.
const TEXT_POINTS_JS: &str = r#"
const [needle, nth, done] = arguments;
const root = document.getElementById('doc-text');
const text = root.textContent;
let at = -1;
for (let i = 0; i <= nth; i++) { at = text.indexOf(needle, at + 1); if (at < 0) return done(null); }
const blocks = [...root.querySelectorAll('.block')];
const point = (off) => {
  let b = blocks[0];
  for (const x of blocks) { if (+x.dataset.u16 <= off) b = x; else break; }
  return [b.firstChild, off - +b.dataset.u16];
};
const range = document.createRange();
range.setStart(...point(at)); range.setEnd(...point(at + needle.length));
const scroller = root.closest('.reading');
const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
(async () => {
  // Scroll until the passage stays put: blocks that content-visibility had skipped get their
  // real height when they come into view, which can move what is below them.
  let last = null;
  for (let i = 0; i < 10; i++) {
    const box = scroller.getBoundingClientRect();
    scroller.scrollTop += range.getBoundingClientRect().top - box.top - box.height / 3;
    await frame();
    const top = range.getBoundingClientRect().top;
    if (last !== null && Math.abs(top - last) < 1) break;
    last = top;
  }
  const rects = [...range.getClientRects()].filter(r => r.width > 0);
  const first = rects[0], lastRect = rects[rects.length - 1];
  done({ x1: first.left + 1, y1: first.top + first.height / 2, x2: lastRect.right - 1, y2: lastRect.top + lastRect.height / 2 });
})();
"#;

/// Reads every value of an object store of the app's IndexedDB (asynchronous script).
const STORED_JS: &str = r#"
const [store, done] = arguments;
const open = indexedDB.open('gcm-annotator');
open.onsuccess = () => {
  const db = open.result;
  const req = db.transaction(store, 'readonly').objectStore(store).getAll();
  req.onsuccess = () => { done(req.result); db.close(); };
  req.onerror = () => done(null);
};
open.onerror = () => done(null);
"#;
