//! Accessibility: axe-core (npm, installed by `./dev setup`) run inside the end-to-end
//! Chromium on every view (library, document, palette, annotation list and card, export
//! panel, import summary, annotations waiting for their text, suggestions, the codebook, compare with its tables, answer key and coverage, and
//! the crash page), at 800×900, 1366×768 and 1920×1080, and again in the dark theme and in
//! French at 1366×768, must report no violations; and the document text keeps WCAG AA contrast over
//! every highlight colour the built stylesheet paints, which axe cannot see, in both themes.

use gcm_annotator::formats::Format;
use gcm_annotator::i18n::{native, Arg, Language};
use gcm_e2e::{export_of, Browser};
use std::path::PathBuf;

/// axe-core's script: `AXE`, else where `./dev setup` installs it.
fn axe_source() -> String {
    let path = std::env::var_os("AXE")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let tools = std::env::var_os("GCM_TOOLS")
                .map(PathBuf::from)
                .unwrap_or_else(|| {
                    PathBuf::from(std::env::var_os("HOME").expect("HOME"))
                        .join(".cache/gcm-annotator-tools")
                });
            tools.join("node_modules/axe-core/axe.min.js")
        });
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "axe-core is missing at {} ({e}): run `./dev setup`, or set AXE to axe.min.js",
            path.display()
        )
    })
}

/// The window sizes every view is audited at (issue 20): a narrow window, a laptop, a large
/// screen; the tests' own size (1366×900) is restored after.
const SIZES: [(u32, u32); 3] = [(800, 900), (1366, 768), (1920, 1080)];

/// The theme the views are audited in (issue 21), as the system's setting
/// (`prefers-color-scheme`) gives it.
#[derive(Clone, Copy, Debug)]
enum Theme {
    Light,
    Dark,
}

impl Theme {
    /// The light theme at every one of [`SIZES`]; the dark one, whose colours are the same
    /// at every size, at the laptop's only (1366×768), to keep the suite short.
    fn sizes(self) -> &'static [(u32, u32)] {
        match self {
            Theme::Light => &SIZES,
            Theme::Dark => &SIZES[1..2],
        }
    }

    /// Makes the system's setting this theme, and checks that the page follows it.
    async fn set(self, b: &Browser) {
        let scheme = match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        };
        b.emulate_color_scheme(scheme).await;
        assert_eq!(
            b.is_dark().await,
            matches!(self, Theme::Dark),
            "the page is not in the {scheme} theme: {:?}",
            b.page_luminance().await
        );
    }
}

/// What a walk through every view audits: a theme and a language.
#[derive(Clone, Copy, Debug)]
struct Walk {
    theme: Theme,
    language: Language,
}

impl Walk {
    /// The light theme in English at every one of [`SIZES`]; the dark theme, and French,
    /// whose colours and layout rules are the same at every size, at the laptop's only.
    fn sizes(self) -> &'static [(u32, u32)] {
        match self.language {
            Language::English => self.theme.sizes(),
            _ => &SIZES[1..2],
        }
    }
}

/// Runs axe on the whole page as it is now, at each of the walk's sizes (layouts differ: on
/// a narrow window the panels stack and the library steps aside while tagging), and fails
/// with every violation, in words.
async fn audit(b: &Browser, axe: &str, walk: Walk, view: &str) {
    let Walk { theme, language } = walk;
    for &(w, h) in walk.sizes() {
        b.client.set_window_size(w, h).await.expect("resize");
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
        audit_now(
            b,
            axe,
            &format!("{view} at {w}×{h}, {theme:?} theme, {language:?}"),
        )
        .await;
    }
    b.client.set_window_size(1366, 900).await.expect("resize");
    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
}

/// Runs axe once on the page as it is now (once no confirmation is mid-fade: while it fades
/// out, its contrast falls with its opacity, as it should).
async fn audit_now(b: &Browser, axe: &str, view: &str) {
    b.wait_until(
        "no message fading out",
        "return !document.querySelector('.notice.fading')",
    )
    .await;
    // Injected again when a navigation dropped it.
    if b.js("return typeof axe === 'undefined'", vec![]).await == true {
        b.js(&format!("{axe}; return true;"), vec![]).await;
    }
    let v = b
        .client
        .execute_async(
            "const done = arguments[0]; axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations.map(v => `${v.id} (${v.impact}): ${v.help}\\n` + v.nodes.slice(0, 4).map(n => `    ${n.target.join(' ')} :: ${n.failureSummary.replace(/\\n/g, ' ')}`).join('\\n'))), e => done(['axe failed: ' + e]))",
            vec![],
        )
        .await
        .expect("axe ran");
    let list: Vec<String> = v
        .as_array()
        .expect("a list")
        .iter()
        .map(|x| x.as_str().unwrap_or_default().to_string())
        .collect();
    assert!(
        list.is_empty(),
        "{view}: {} accessibility violations\n{}",
        list.len(),
        list.join("\n")
    );
}

#[tokio::test]
async fn every_view_passes_axe() {
    every_view_passes_axe_in(Theme::Light, Language::English).await;
}

#[tokio::test]
async fn every_view_passes_axe_in_the_dark_theme() {
    every_view_passes_axe_in(Theme::Dark, Language::English).await;
}

/// In French too (issue 21): other words, longer ones, and the language's own names for
/// every control and landmark. Its layout is the light theme's, so one size is enough.
#[tokio::test]
async fn every_view_passes_axe_in_french() {
    every_view_passes_axe_in(Theme::Light, Language::French).await;
}

/// Message `id` with `args` in `language`, as the catalogue gives it (the names the walk
/// clicks and the texts it waits for).
fn say(language: Language, id: &str, args: &[(&str, Arg)]) -> String {
    native::format(language, id, args).unwrap_or_else(|| panic!("no message {id}"))
}

/// Walks every view in `theme` and `language` and audits each.
async fn every_view_passes_axe_in(theme: Theme, language: Language) {
    let walk = Walk { theme, language };
    let word = |id: &str| say(language, id, &[]);
    let axe = axe_source();
    let dir = std::env::temp_dir().join(format!(
        "gcm-e2e-a11y-{theme:?}-{language:?}-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let b = Browser::open().await;
    theme.set(&b).await;
    if language != Language::English {
        b.switch_language(language.code()).await;
        b.wait_for_text(&word("language-changed")).await;
    }
    audit(&b, &axe, walk, "library").await;

    b.click("button", "Global Migration Group").await;
    b.wait_for_css("#doc-text .block").await;
    audit(&b, &axe, walk, "document").await;

    b.drag_select("Kofi Annan", 0).await;
    b.wait_for_css("#palette-search").await;
    audit(&b, &axe, walk, "palette").await;
    b.client
        .find(fantoccini::Locator::Id("palette-name"))
        .await
        .expect("the name field")
        .send_keys("Ana")
        .await
        .expect("type a name");
    native::speak(language);
    let objective_23 = gcm_annotator::codebook::tag("objective-23")
        .unwrap()
        .label();
    native::speak(Language::English);
    b.click("checkbox", &objective_23).await;
    b.click("button", &word("palette-save")).await;
    b.wait_saved().await;
    b.click_text("Kofi Annan", 0).await;
    b.wait_for_css(".hover-card").await;
    audit(&b, &axe, walk, "annotation list and card").await;

    b.click("button", &word("transfer-export")).await;
    b.wait_for_css("#export-panel").await;
    audit(&b, &axe, walk, "export panel").await;
    b.click("button", &word("transfer-export")).await;

    // The import summary, and a refusal beside it.
    let good = dir.join("ana.json");
    std::fs::write(
        &good,
        export_of(
            "Ana",
            &[("fourteen UN agencies", "objective-11")],
            Format::Project,
        ),
    )
    .unwrap();
    b.choose_file("#import-input", &good).await;
    b.wait_for_text("ana.json").await;
    let bad = dir.join("broken.json");
    std::fs::write(&bad, b"{ not json").unwrap();
    b.choose_file("#import-input", &bad).await;
    b.wait_for_text("broken.json").await;
    audit(&b, &axe, walk, "import summary and refusal").await;

    // Annotations of a text this browser does not have wait in the Library.
    let elsewhere = dir.join("elsewhere.jsonld");
    let w3c = String::from_utf8(export_of(
        "Ana",
        &[("Kofi Annan", "objective-23")],
        Format::W3c,
    ))
    .unwrap()
    .replace(
        &format!("urn:gcm-annotator:document:{}", gcm_e2e::SEED_004),
        "ni:///sha-256;f4OxZX_x_FO5LcGBSKHWXfwtSx-j1ncoSt3SABJtkGk",
    );
    std::fs::write(&elsewhere, w3c).unwrap();
    b.choose_file("#import-input", &elsewhere).await;
    b.wait_for_css(".waiting-group").await;
    audit(&b, &axe, walk, "library: waiting for their text").await;

    b.click("button", &word("list-open-suggestions")).await;
    b.wait_for_css("#sugg-title").await;
    audit(&b, &axe, walk, "suggestions").await;
    b.click("button", &word("list-back")).await;

    b.click("button", &word("list-open-codebook")).await;
    b.wait_for_css(".side.codebook").await;
    audit(&b, &axe, walk, "codebook").await;
    b.click("button", &word("list-back")).await;

    b.click("button", &word("list-open-compare")).await;
    b.wait_for_css("#compare-input").await;
    audit(&b, &axe, walk, "compare, empty").await;
    let files: Vec<PathBuf> = [
        (
            "teacher.json",
            export_of(
                "Teacher",
                &[
                    ("Kofi Annan", "objective-23"),
                    ("climate change", "objective-2"),
                ],
                Format::Project,
            ),
        ),
        (
            "ana.json",
            export_of("Ana", &[("Kofi Annan", "objective-23")], Format::Project),
        ),
        (
            "ben.json",
            export_of(
                "Ben",
                &[
                    ("Secretary-General Kofi Annan", "objective-23"),
                    ("climate change", "objective-7"),
                ],
                Format::Project,
            ),
        ),
    ]
    .into_iter()
    .map(|(n, bytes)| {
        let p = dir.join(n);
        std::fs::write(&p, bytes).unwrap();
        p
    })
    .collect();
    let refs: Vec<&std::path::Path> = files.iter().map(|p| p.as_path()).collect();
    b.choose_files("#compare-input", &refs).await;
    b.wait_for_text(&say(language, "compare-annotators", &[("count", 3.into())]))
        .await;
    audit(
        &b,
        &axe,
        walk,
        "compare: agreement, disagreements, coverage",
    )
    .await;
    let key = format!("select[aria-label=\"{}\"]", word("compare-key"));
    b.select_value(&key, "0").await;
    b.wait_for_css(".key-scores").await;
    audit(&b, &axe, walk, "compare: answer key scores").await;
    b.close().await;

    // The crash page, which replaces a dead app.
    let b = Browser::launch(
        std::env::temp_dir().join(format!(
            "gcm-e2e-a11y-crash-{theme:?}-{}",
            std::process::id()
        )),
        serde_json::json!({}),
    )
    .await;
    b.client
        .goto(&format!("{}?crash-test", gcm_e2e::app_url()))
        .await
        .unwrap();
    b.wait_for_text("Something went wrong in the GCM Annotator")
        .await;
    theme.set(&b).await;
    audit(&b, &axe, walk, "crash page").await;
    b.close().await;
    let _ = std::fs::remove_dir_all(dir);
}

/// WCAG relative luminance and contrast, computed in the page over what the built stylesheet
/// says: each `::highlight()` background composited over the reading pane, against the ink of
/// the text it paints (its own `color`, else the document text's). A rule's colours may be
/// `light-dark()` pairs or variables: each is resolved by the page, in its theme.
const HIGHLIGHT_CONTRAST_JS: &str = r#"
const parse = (c) => { const m = c.match(/[\d.]+/g).map(Number); return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 }; };
const probe = document.body.appendChild(document.createElement('span'));
const resolve = (c) => { probe.style.color = ''; probe.style.color = c; return parse(getComputedStyle(probe).color); };
const lin = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
const lum = (c) => 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
const over = (top, under) => ({ r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a), b: top.b * top.a + under.b * (1 - top.a), a: 1 });
const text = document.getElementById('doc-text');
const ink = parse(getComputedStyle(text).color);
let el = text, paperColor = 'rgba(0, 0, 0, 0)';
while (el && parse(paperColor = getComputedStyle(el).backgroundColor).a === 0) el = el.parentElement;
const paper = parse(paperColor);
const ratio = (fg, bg) => { const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a); return (l1 + 0.05) / (l2 + 0.05); };
const out = [], tags = [], stripes = [];
let tagInk = null;
for (const sheet of document.styleSheets) {
  for (const rule of sheet.cssRules) {
    const m = rule.selectorText && rule.selectorText.match(/^::highlight\(([^)]+)\)$/);
    if (!m) continue;
    const tag = /^(objective|principle|own)-/.test(m[1]);
    // Lines unbroken under descenders (a passage's stripes, the sign for more): the text
    // crosses them, so it is read over them too. They are drawn only under a tagged
    // passage, so that text has the tags' ink.
    if (rule.style.textDecorationSkipInk === 'none' && rule.style.textDecorationColor) {
      stripes.push([m[1], resolve(rule.style.textDecorationColor)]);
    }
    if (!rule.style.backgroundColor) continue;
    const bg = over(resolve(rule.style.backgroundColor), paper);
    const fg = rule.style.color ? resolve(rule.style.color) : ink;
    out.push({ name: m[1], ratio: ratio(fg, bg) });
    if (tag) { tags.push([m[1], resolve(rule.style.backgroundColor)]); tagInk = fg; }
  }
}
probe.remove();
tagInk = tagInk || ink;
for (const [name, c] of stripes) out.push({ name, ratio: ratio(tagInk, over(c, paper)) });
// Overlapping passages: every tag colour over every other.
for (const [a, ca] of tags) for (const [b, cb] of tags) {
  if (a !== b) out.push({ name: `overlap ${b} over ${a}`, ratio: ratio(tagInk, over(cb, over(ca, paper))) });
}
return out;
"#;

#[tokio::test]
async fn document_text_keeps_aa_contrast_over_every_highlight_colour() {
    let b = Browser::open().await;
    b.click("button", "Global Migration Group").await;
    b.wait_for_css("#doc-text .block").await;
    for theme in [Theme::Light, Theme::Dark] {
        theme.set(&b).await;
        highlights_keep_aa_contrast(&b, theme).await;
    }
    b.close().await;
}

/// Checks every highlight rule of the page, in the theme it is in now.
async fn highlights_keep_aa_contrast(b: &Browser, theme: Theme) {
    let v = b.js(HIGHLIGHT_CONTRAST_JS, vec![]).await;
    let rules = v.as_array().expect("a list");
    // 23 objectives and 10 principles at least, from the stylesheet the build ships.
    let tags = rules
        .iter()
        .filter(|r| {
            let n = r["name"].as_str().unwrap_or_default();
            n.starts_with("objective-") || n.starts_with("principle-")
        })
        .count();
    assert_eq!(tags, 33, "{v}");
    // The stripes of passages with several tags: three per tag colour (33 tags, 12 colours
    // of own codes), and every two colours overlapping.
    let count = |prefix: &str| {
        rules
            .iter()
            .filter(|r| r["name"].as_str().unwrap_or_default().starts_with(prefix))
            .count()
    };
    assert_eq!(count("t2-") + count("t3-") + count("t4-"), 3 * 45, "{v}");
    assert_eq!(count("ann-more"), 1, "{v}");
    assert_eq!(count("overlap "), 45 * 44);
    for r in rules {
        let ratio = r["ratio"].as_f64().unwrap();
        assert!(
            ratio >= 4.5,
            "{theme:?} theme: text over ::highlight({}) has contrast {ratio:.2}, under WCAG AA's 4.5",
            r["name"]
        );
    }
}
