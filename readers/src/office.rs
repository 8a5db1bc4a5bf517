//! Reading Word (.docx), OpenDocument (.odt) and web pages (.html) in the browser: the
//! browser inflates their zip parts (`DecompressionStream`), decodes pages (`TextDecoder`)
//! and parses XML and HTML (`DOMParser`, which builds an inert document: nothing in it runs
//! or is fetched); this module turns the parsed DOM into the core's tree, and
//! `crate::extract` decides what of it is text.

use gcm_annotator::extract::office::{self, assemble};
use gcm_annotator::extract::package::{self, refusal, Method, Package, Part};
use gcm_annotator::extract::tree::{too_deep, Element, Node, MAX_DEPTH};
use gcm_annotator::extract::{html, nesting, Extracted, Kind};
use gcm_annotator::t;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DomParser, SupportedType};

/// Reads a Word, OpenDocument or HTML file's text. `Err` is the message to show, naming
/// the file.
pub async fn extract(kind: Kind, name: &str, bytes: &[u8]) -> Result<Extracted, String> {
    let fail = |reason: String| refusal(name, &reason);
    if kind == Kind::Html {
        let text = decode_page(bytes);
        nesting::check(&text).map_err(fail)?;
        // A long page takes a second or two: each stage is a task of its own.
        breathe().await;
        let doc = parse_document(&text, SupportedType::TextHtml).map_err(fail)?;
        breathe().await;
        let root = walk(&doc).map_err(fail)?;
        breathe().await;
        return Ok(html::extract(&root));
    }
    if let Some(reason) = office::precheck(bytes) {
        return Err(fail(reason));
    }
    let mut zip = Package::open(bytes).map_err(fail)?;
    let (main, others) = office::parts(kind);
    let mut parsed = Vec::new();
    for part_name in std::iter::once(&main).chain(others) {
        let Some(part) = zip.part(part_name).map_err(fail)? else {
            if *part_name == main {
                return Err(fail(office::no_main_part(kind)));
            }
            continue;
        };
        let inflated = inflate(&part, zip.budget(), part_name)
            .await
            .map_err(fail)?;
        zip.spend(inflated.len() as u64).map_err(fail)?;
        let xml = package::xml_text(part_name, inflated).map_err(fail)?;
        let tree =
            parse(&xml, SupportedType::ApplicationXml).map_err(|e| match e == too_deep() {
                true => fail(e),
                false => fail(package::malformed(part_name)),
            })?;
        parsed.push((*part_name, tree));
    }
    Ok(assemble(kind, parsed))
}

/// The text and `<title>` of HTML pasted from the clipboard (`text/html`), read by the
/// same rules as a web page's. `Err` is the reason it could not be parsed.
pub fn pasted_html(markup: &str) -> Result<(String, Option<String>), String> {
    nesting::check(markup)?;
    let root = parse(markup, SupportedType::TextHtml)?;
    let page = html::extract(&root);
    Ok((page.text, page.title))
}

/// A page's bytes as text, in the encoding its byte-order mark or `<meta>` declares
/// ([`html::encoding`]); a label the browser does not know is read as UTF-8.
fn decode_page(bytes: &[u8]) -> String {
    let (label, bom) = html::encoding(bytes);
    let decoder = web_sys::TextDecoder::new_with_label(&label)
        .or_else(|_| web_sys::TextDecoder::new_with_label("utf-8"));
    decoder
        .and_then(|d| d.decode_with_u8_array(&bytes[bom..]))
        .unwrap_or_default()
}

/// Inflates a part with the browser's `DecompressionStream("deflate-raw")`, stopping as
/// soon as it passes `limit` bytes (then the result is one chunk past it, which
/// [`Package::spend`] refuses).
pub(crate) async fn inflate(part: &Part, limit: u64, name: &str) -> Result<Vec<u8>, String> {
    if part.method == Method::Stored {
        return Ok(part.data.iter().take(limit as usize + 1).copied().collect());
    }
    let damaged = |_| t!("read-part-damaged", part = name);
    let chunks = js_sys::Array::of1(&js_sys::Uint8Array::from(&part.data[..]));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&chunks).map_err(damaged)?;
    let ds = web_sys::DecompressionStream::new(web_sys::CompressionFormat::DeflateRaw)
        .map_err(damaged)?;
    let pair = web_sys::ReadableWritablePair::new(&ds.readable(), &ds.writable());
    let stream = blob.stream().pipe_through(&pair);
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(damaged)?;
        let done = js_sys::Reflect::get(&chunk, &JsValue::from_str("done"))
            .map_err(damaged)?
            .as_bool()
            .unwrap_or(true);
        if done {
            return Ok(out);
        }
        let value = js_sys::Reflect::get(&chunk, &JsValue::from_str("value")).map_err(damaged)?;
        let bytes: js_sys::Uint8Array = value.dyn_into().map_err(damaged)?;
        let at = out.len();
        out.resize(at + bytes.length() as usize, 0);
        bytes.copy_to(&mut out[at..]);
        if out.len() as u64 > limit {
            let _ = reader.cancel();
            return Ok(out);
        }
    }
}

/// Parses text with `DOMParser` and returns its root element as the core's tree. `Err` is
/// the reason: malformed XML (the parser's `parsererror`), or nesting deeper than
/// [`MAX_DEPTH`]. A web page is measured before ([`nesting::check`]): Chromium's HTML
/// parser takes time growing with the square of the depth, and moves elements past 512
/// levels up, so that the parsed tree would not tell.
pub(crate) fn parse(text: &str, as_type: SupportedType) -> Result<Element, String> {
    walk(&parse_document(text, as_type)?)
}

/// Lets the browser do what waits (input, drawing) before the reading goes on.
async fn breathe() {
    let later = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(later).await;
}

/// The document `DOMParser` makes of text: see [`parse`].
fn parse_document(text: &str, as_type: SupportedType) -> Result<web_sys::Document, String> {
    let malformed = t!("read-xml-malformed");
    let parser = DomParser::new().map_err(|_| malformed.clone())?;
    let doc = parser
        .parse_from_string(text, as_type)
        .map_err(|_| malformed.clone())?;
    if as_type == SupportedType::ApplicationXml {
        if let Some(error) = doc.get_elements_by_tag_name("parsererror").item(0) {
            // Chromium's XML parser stops at 5,000 levels ("Excessive node nesting").
            let text = error.text_content().unwrap_or_default();
            return Err(match text.contains("nesting") {
                true => too_deep(),
                false => malformed,
            });
        }
    }
    Ok(doc)
}

// The DOM is walked in JavaScript and handed over as one JSON list of tokens: walking it
// from Rust cost several calls across the wasm boundary per node (a 5 MB Word document
// held the page for 4 s). Tokens: "\u{1}name" opens an element, "\u{2}name" then the value
// is an attribute, "\u{3}" closes an element, "\u{4}text" is text. A flat list, because
// serde_json refuses arrays nested deeper than 128.
#[wasm_bindgen(inline_js = r#"
export function domTokens(root, max) {
  const out = [];
  const walk = (n, depth) => {
    if (depth > max) throw new Error('deep');
    out.push('\u0001' + n.localName);
    for (const a of n.attributes) out.push('\u0002' + a.localName, a.value);
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1) walk(c, depth + 1);
      else if (c.nodeType === 3 || c.nodeType === 4) out.push('\u0004' + c.data);
    }
    out.push('\u0003');
  };
  walk(root, 0);
  return JSON.stringify(out);
}
"#)]
extern "C" {
    #[wasm_bindgen(catch, js_name = domTokens)]
    fn dom_tokens(root: &web_sys::Element, max: u32) -> Result<String, JsValue>;
}

fn walk(doc: &web_sys::Document) -> Result<Element, String> {
    let root = doc
        .document_element()
        .ok_or_else(|| t!("read-xml-malformed"))?;
    let deep = too_deep();
    let json = dom_tokens(&root, MAX_DEPTH as u32).map_err(|_| deep.clone())?;
    let tokens: Vec<String> = serde_json::from_str(&json).map_err(|_| deep.clone())?;
    let mut stack: Vec<Element> = Vec::new();
    let mut tokens = tokens.into_iter();
    while let Some(t) = tokens.next() {
        let mut chars = t.chars();
        let (tag, rest) = (chars.next(), chars.as_str());
        match tag {
            Some('\u{1}') => stack.push(Element::new(rest)),
            Some('\u{2}') => {
                let value = tokens.next().unwrap_or_default();
                if let Some(e) = stack.last_mut() {
                    e.attrs.push((rest.to_string(), value));
                }
            }
            Some('\u{4}') => {
                if let Some(e) = stack.last_mut() {
                    e.children.push(Node::Text(rest.to_string()));
                }
            }
            _ => {
                let done = stack.pop().ok_or_else(|| deep.clone())?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(done)),
                    None => return Ok(done),
                }
            }
        }
    }
    Err(deep)
}
