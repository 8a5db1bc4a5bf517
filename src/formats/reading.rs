//! Reading an annotation file in slices, so that a 50 MB file neither holds the page for
//! seconds nor builds a `serde_json::Value` of the whole file (some 20 bytes of tree per byte
//! of JSON: a 50 MB W3C collection took WebAssembly memory to 875 MB).
//!
//! A W3C collection, page or list of annotations is scanned a slice at a time for the items
//! of its annotation array (brackets counted outside strings, escapes respected); the rest of
//! the file, with that array cut to its first item, is parsed as a small "skeleton"; then the
//! items are read a batch at a time by [`w3c::read`] itself, each item parsed on its own, and
//! the file's text is dropped as soon as the last item is read. Every other file, and any file
//! in which anything at all is amiss, is read whole by [`parse`] when the reading finishes, so
//! that what is taken and every refusal (its wording included) are exactly [`parse`]'s: a file
//! is taken whole or not at all.

use super::import::{parse, ImportError, MAX_DEPTH};
use super::incoming::Incoming;
use super::w3c;
use serde_json::Value;

/// Bytes scanned per step: a few milliseconds in the browser.
const SCAN_BYTES: usize = 1 << 20;
/// Items read per step: each is parsed and read on its own, some microseconds apiece.
const ITEMS_PER_STEP: usize = 500;

/// Byte spans `(start, end)` of a file's items.
type Spans = Vec<(usize, usize)>;

/// An array whose items the scan records: its path of keys from the top and the byte
/// offsets of its opening bracket, of the commas between its items and of its closing one.
#[derive(Debug)]
struct Array {
    path: Vec<String>,
    open: usize,
    commas: Vec<usize>,
    close: Option<usize>,
}

/// An open array or object during the scan.
#[derive(Debug)]
struct Frame {
    array: bool,
    /// In an object: the key of the member being read, when the member is one a path
    /// follows (at most two levels down), else empty.
    key: String,
    expect_key: bool,
    /// In an array: its index in the scan's list of arrays, when it is one of ours.
    recorded: Option<usize>,
}

/// Where a reading stands.
enum Stage {
    /// Counting brackets: the text and how far the scan has come.
    Scan {
        text: String,
        at: usize,
        in_string: bool,
        string_start: usize,
        stack: Vec<Frame>,
        arrays: Vec<Array>,
    },
    /// Reading the items `spans[next..]` of `text`.
    Items {
        text: String,
        spans: Vec<(usize, usize)>,
        next: usize,
        read: Incoming,
    },
    /// Read: what the file holds.
    Done(Incoming),
    /// Read whole by [`parse`] at the end.
    Whole(Vec<u8>),
}

/// A file being read in steps: [`Reading::step`] until it says it is done, then
/// [`Reading::finish`] gives what [`parse`] gives for the same bytes.
pub struct Reading {
    name: String,
    total: usize,
    stage: Stage,
}

/// The paths of the arrays that hold a W3C file's annotations: a collection's embedded first
/// page, a page, or a list.
const PATHS: [&[&str]; 3] = [&["first", "items"], &["items"], &[]];

impl Reading {
    /// Starts reading a file's bytes (taken, so that they can be dropped as soon as they are
    /// read). Only a file that is UTF-8 and starts with `{` or `[` (after a BOM and white
    /// space) is read in slices.
    pub fn new(name: &str, bytes: Vec<u8>) -> Reading {
        let total = bytes.len();
        let stage = match String::from_utf8(bytes) {
            Ok(text) if text.len() <= super::import::MAX_IMPORT_BYTES => {
                let first = text
                    .trim_start_matches('\u{feff}')
                    .trim_start()
                    .bytes()
                    .next();
                if matches!(first, Some(b'{' | b'[')) {
                    Stage::Scan {
                        text,
                        at: 0,
                        in_string: false,
                        string_start: 0,
                        stack: Vec::new(),
                        arrays: Vec::new(),
                    }
                } else {
                    Stage::Whole(text.into_bytes())
                }
            }
            Ok(text) => Stage::Whole(text.into_bytes()),
            Err(e) => Stage::Whole(e.into_bytes()),
        };
        Reading {
            name: name.to_string(),
            total,
            stage,
        }
    }

    /// How far the reading has come, out of [`Reading::total`]: bytes scanned, then the
    /// items' bytes read.
    pub fn done(&self) -> usize {
        match &self.stage {
            Stage::Scan { at, .. } => *at / 2,
            Stage::Items { spans, next, .. } => {
                let start = spans.first().map_or(0, |s| s.0);
                let at = spans.get(*next).map_or(self.total, |s| s.0);
                self.total / 2 + (at - start) / 2
            }
            Stage::Done(_) | Stage::Whole(_) => self.total,
        }
    }

    /// The file's size in bytes.
    pub fn total(&self) -> usize {
        self.total
    }

    /// Does a few milliseconds of work; true when there is none left.
    pub fn step(&mut self) -> bool {
        let stage = std::mem::replace(&mut self.stage, Stage::Whole(Vec::new()));
        self.stage = match stage {
            Stage::Scan {
                text,
                mut at,
                mut in_string,
                mut string_start,
                mut stack,
                mut arrays,
            } => {
                let end = (at + SCAN_BYTES).min(text.len());
                let ok = scan(
                    text.as_bytes(),
                    &mut at,
                    end,
                    &mut in_string,
                    &mut string_start,
                    &mut stack,
                    &mut arrays,
                );
                match ok {
                    false => Stage::Whole(text.into_bytes()),
                    true if at < text.len() => Stage::Scan {
                        text,
                        at,
                        in_string,
                        string_start,
                        stack,
                        arrays,
                    },
                    true => match items_of(&text, &arrays) {
                        Some(spans) => Stage::Items {
                            text,
                            spans,
                            next: 0,
                            read: Incoming {
                                format: super::Format::W3c,
                                annotator: None,
                                documents: Vec::new(),
                                annotations: Vec::new(),
                                notes: Vec::new(),
                            },
                        },
                        None => Stage::Whole(text.into_bytes()),
                    },
                }
            }
            Stage::Items {
                text,
                spans,
                next,
                mut read,
            } => {
                let upto = (next + ITEMS_PER_STEP).min(spans.len());
                let batch: Result<Vec<Value>, _> = spans[next..upto]
                    .iter()
                    .map(|&(a, b)| serde_json::from_str::<Value>(&text[a..b]))
                    .collect();
                match batch.ok().map(|b| w3c::read(Value::Array(b))) {
                    Some(Ok(part)) => {
                        merge(&mut read, part);
                        if upto == spans.len() {
                            Stage::Done(read)
                        } else {
                            Stage::Items {
                                text,
                                spans,
                                next: upto,
                                read,
                            }
                        }
                    }
                    // Anything amiss: [`parse`] says what, as it would have.
                    _ => Stage::Whole(text.into_bytes()),
                }
            }
            done @ Stage::Done(_) => done,
            whole @ Stage::Whole(_) => whole,
        };
        matches!(self.stage, Stage::Done(_) | Stage::Whole(_))
    }

    /// What the file holds, or why it is refused: the same as [`parse`] of the same bytes.
    /// Finishes the reading first if steps remain.
    pub fn finish(mut self) -> Result<Incoming, ImportError> {
        while !self.step() {}
        match self.stage {
            Stage::Done(incoming) => Ok(incoming),
            Stage::Whole(bytes) => parse(&self.name, &bytes),
            _ => unreachable!("step() returned true"),
        }
    }
}

/// Adds a batch's reading to what was read before it, as [`w3c::read`] would have read both
/// at once: documents and notes once each, in the order first met; annotations in order.
fn merge(into: &mut Incoming, part: Incoming) {
    for d in part.documents {
        if !into.documents.iter().any(|x| x.key == d.key) {
            into.documents.push(d);
        }
    }
    into.annotations.extend(part.annotations);
    for n in part.notes {
        if !into.notes.contains(&n) {
            into.notes.push(n);
        }
    }
}

/// Scans `bytes[*at..end]` on from where the last scan stopped, recording the arrays at
/// [`PATHS`]. False when the file is not one to read in slices: nested too deeply, brackets
/// that do not match, an array met twice at one path.
fn scan(
    bytes: &[u8],
    at: &mut usize,
    end: usize,
    in_string: &mut bool,
    string_start: &mut usize,
    stack: &mut Vec<Frame>,
    arrays: &mut Vec<Array>,
) -> bool {
    let mut i = *at;
    while i < end {
        if *in_string {
            // To the next quote or backslash in one go: most of a file is inside strings.
            match bytes[i..end].iter().position(|&b| b == b'"' || b == b'\\') {
                None => i = end,
                Some(k) if bytes[i + k] == b'\\' => {
                    // The escaped character may lie past `end`; the next scan takes it.
                    i += k + 2;
                }
                Some(k) => {
                    i += k;
                    *in_string = false;
                    if let Some(top) = stack.last_mut() {
                        if !top.array && top.expect_key {
                            top.expect_key = false;
                            // Only the keys a path follows are kept, so that a huge
                            // string key costs nothing.
                            let key = &bytes[*string_start + 1..i];
                            top.key = if followed_key(key) {
                                String::from_utf8_lossy(key).into_owned()
                            } else {
                                String::new()
                            };
                        }
                    }
                    i += 1;
                }
            }
            continue;
        }
        match bytes[i] {
            b'"' => {
                *in_string = true;
                *string_start = i;
            }
            b'{' | b'[' => {
                if stack.len() >= MAX_DEPTH {
                    return false;
                }
                let array = bytes[i] == b'[';
                let mut recorded = None;
                if array && stack.iter().all(|f| !f.array) {
                    let path: Vec<String> = stack.iter().map(|f| f.key.clone()).collect();
                    if PATHS.iter().any(|p| *p == path.as_slice()) {
                        if arrays.iter().any(|a| a.path == path) {
                            return false;
                        }
                        recorded = Some(arrays.len());
                        arrays.push(Array {
                            path,
                            open: i,
                            commas: Vec::new(),
                            close: None,
                        });
                    }
                }
                stack.push(Frame {
                    array,
                    key: String::new(),
                    expect_key: !array,
                    recorded,
                });
            }
            b'}' | b']' => {
                let Some(frame) = stack.pop() else {
                    return false;
                };
                if frame.array != (bytes[i] == b']') {
                    return false;
                }
                if let Some(k) = frame.recorded {
                    arrays[k].close = Some(i);
                }
            }
            b',' => match stack.last_mut() {
                Some(top) if top.array => {
                    if let Some(k) = top.recorded {
                        arrays[k].commas.push(i);
                    }
                }
                Some(top) => {
                    top.expect_key = true;
                    top.key.clear();
                }
                None => return false,
            },
            _ => {}
        }
        i += 1;
    }
    *at = i.min(bytes.len()).max(end);
    true
}

/// True for a key worth keeping for the paths: "first" or "items".
fn followed_key(key: &[u8]) -> bool {
    key == b"first" || key == b"items"
}

/// Once the scan is done: the byte spans of the annotations of a W3C file, after checking
/// that the file with its arrays cut to their first item parses and is W3C (and not the
/// project's JSON, which has `format`). `None` sends the file to [`parse`].
fn items_of(text: &str, arrays: &[Array]) -> Option<Spans> {
    let trim = |a: usize, b: usize| {
        let s = &text[a..b];
        let lead = s.len() - s.trim_start().len();
        (a + lead, a + lead + s.trim().len())
    };
    let mut items: Vec<(&[String], Spans)> = Vec::new();
    for a in arrays {
        let close = a.close?;
        let mut bounds = vec![a.open];
        bounds.extend(&a.commas);
        bounds.push(close);
        let spans: Vec<(usize, usize)> = bounds.windows(2).map(|w| trim(w[0] + 1, w[1])).collect();
        // `[]` and `[ ]` hold no item; any other empty span is a syntax error for `parse`.
        let spans = match spans.as_slice() {
            [(a, b)] if a == b => Vec::new(),
            _ => spans,
        };
        if spans.iter().any(|(a, b)| a == b) {
            return None;
        }
        items.push((&a.path, spans));
    }
    // The skeleton: the text with every recorded array cut to its first item.
    let mut cuts: Vec<(usize, usize)> = items
        .iter()
        .filter_map(|(_, spans)| Some((spans.first()?.1, spans.last()?.1)))
        .collect();
    cuts.sort_unstable();
    let mut skeleton = String::new();
    let mut from = 0;
    for (a, b) in cuts {
        skeleton.push_str(&text[from..a]);
        from = b;
    }
    skeleton.push_str(&text[from..]);
    let skeleton = skeleton.strip_prefix('\u{feff}').unwrap_or(&skeleton);
    let v: Value = serde_json::from_str(skeleton).ok()?;
    if v.get("format").is_some() || !w3c::recognises(&v) {
        return None;
    }
    let is = |t: &str| match v.get("type") {
        Some(Value::String(s)) => s == t,
        Some(Value::Array(a)) => a.iter().any(|x| x.as_str() == Some(t)),
        _ => false,
    };
    let path: &[&str] = if is("AnnotationCollection") {
        // A collection reads its first page's items, and only if they are embedded.
        v.get("first")?.get("items")?.as_array()?;
        PATHS[0]
    } else if is("AnnotationPage") {
        v.get("items")?.as_array()?;
        PATHS[1]
    } else if v.is_array() {
        PATHS[2]
    } else {
        // One annotation: small, read whole.
        return None;
    };
    items
        .into_iter()
        .find(|(p, _)| p.iter().map(String::as_str).eq(path.iter().copied()))
        .map(|(_, spans)| spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads in steps, checking that each step does at most a step's work.
    fn read(name: &str, bytes: &[u8]) -> (Result<Incoming, ImportError>, bool) {
        let mut r = Reading::new(name, bytes.to_vec());
        let mut sliced = false;
        while !r.step() {
            sliced |= matches!(r.stage, Stage::Items { .. });
        }
        sliced |= matches!(r.stage, Stage::Done(_));
        (r.finish(), sliced)
    }

    fn item(n: usize, source: &str) -> Value {
        serde_json::json!({
            "id": format!("urn:uuid:00000000-0000-4000-8000-{n:012}"),
            "type": "Annotation",
            "created": "2026-11-22T09:12:03.120Z",
            "body": [{"type": "TextualBody", "purpose": "tagging", "value": "objective-23"},
                     {"purpose": "describing", "value": "x"},
                     {"purpose": "commenting", "value": "a \"quoted\" \\ note, with [brackets] and {braces}"}],
            "target": {"source": source, "selector": [
                {"type": "TextQuoteSelector", "exact": "Kofi 😀 Annan", "prefix": "e\u{301}", "suffix": "\r\n"},
                {"type": "TextPositionSelector", "start": n, "end": n + 10},
                {"type": "XPathSelector", "value": "/p[1]"}]}
        })
    }

    fn collection(n: usize) -> String {
        let items: Vec<Value> = (0..n)
            .map(|i| item(i, &format!("urn:gcm-annotator:document:doc-{}", i % 3)))
            .collect();
        serde_json::to_string_pretty(&serde_json::json!({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": "urn:uuid:00000000-0000-4000-8000-000000000000",
            "type": "AnnotationCollection",
            "total": n,
            "first": {"type": "AnnotationPage", "items": items}
        }))
        .unwrap()
    }

    #[test]
    fn a_w3c_collection_is_read_in_slices_as_parse_reads_it_whole() {
        for n in [
            0,
            1,
            2,
            ITEMS_PER_STEP - 1,
            ITEMS_PER_STEP,
            3 * ITEMS_PER_STEP + 7,
        ] {
            let text = collection(n);
            let (got, sliced) = read("c.jsonld", text.as_bytes());
            assert!(sliced, "{n} items were read whole");
            let got = got.unwrap();
            assert_eq!(got.annotations.len(), n);
            assert_eq!(Ok(got), parse("c.jsonld", text.as_bytes()));
        }
    }

    #[test]
    fn a_page_and_a_list_are_read_in_slices_too() {
        let items: Vec<Value> = (0..700).map(|i| item(i, "urn:x:d")).collect();
        let page = serde_json::json!({"type": "AnnotationPage", "items": items}).to_string();
        let list = Value::Array(items).to_string();
        for text in [format!("\u{feff}  {page}\n"), list] {
            let (got, sliced) = read("p.jsonld", text.as_bytes());
            assert!(sliced);
            assert_eq!(got, parse("p.jsonld", text.as_bytes()));
        }
    }

    #[test]
    fn every_bad_file_gets_the_same_refusal_as_parse_gives() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-files");
        let mut checked = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if name.ends_with(".expected") || name == "README.md" {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            // Some are refused when placed, not parsed: those must parse alike too.
            let whole = parse(&name, &bytes);
            assert_eq!(read(&name, &bytes).0, whole, "{name}");
            checked += 1;
        }
        assert!(checked >= 30);
    }

    #[test]
    fn a_file_broken_anywhere_is_refused_as_parse_refuses_it() {
        // Every way of breaking a small collection at every place: a byte taken out, or a
        // bracket, quote, comma or backslash put in.
        let text = serde_json::to_string(&serde_json::from_str::<Value>(&collection(2)).unwrap())
            .unwrap()
            .replacen(",", " ,\n ", 3);
        let bytes = text.as_bytes();
        let mut variants: Vec<Vec<u8>> = Vec::new();
        for i in 0..bytes.len() {
            if !text.is_char_boundary(i) {
                continue;
            }
            let mut v = bytes.to_vec();
            v.remove(i);
            variants.push(v);
            for b in [b'[', b']', b'{', b'}', b'"', b',', b'\\'] {
                let mut v = bytes.to_vec();
                v.insert(i, b);
                variants.push(v);
            }
        }
        for v in variants {
            let whole = parse("b.jsonld", &v);
            assert_eq!(
                read("b.jsonld", &v).0,
                whole,
                "{}",
                String::from_utf8_lossy(&v)
            );
        }
    }

    #[test]
    fn nesting_past_the_limit_is_refused_as_parse_refuses_it() {
        let deep = format!(
            "{{\"type\": \"AnnotationPage\", \"items\": [{}{}]}}",
            "[".repeat(MAX_DEPTH + 5),
            "]".repeat(MAX_DEPTH + 5)
        );
        let whole = parse("d.jsonld", deep.as_bytes());
        assert!(whole.is_err());
        assert_eq!(read("d.jsonld", deep.as_bytes()).0, whole);
    }

    #[test]
    fn other_formats_are_read_whole_by_parse() {
        let jsonl = "{\"text\": \"abc\", \"label\": [[0, 1, \"objective-1\"]]}\n";
        let (got, sliced) = read("d.jsonl", jsonl.as_bytes());
        assert!(!sliced);
        assert_eq!(got, parse("d.jsonl", jsonl.as_bytes()));
    }
}
