//! Reading an annotation file in slices, so that a 50 MB file neither holds the page for
//! seconds nor builds a `serde_json::Value` of the whole file (some 20 bytes of tree per byte
//! of JSON: a 50 MB W3C collection took WebAssembly memory to 875 MB).
//!
//! - A W3C collection, page or list of annotations, and the project's own JSON, are scanned
//!   a slice at a time for the items of their arrays (brackets counted outside strings,
//!   escapes respected): a W3C file's annotation array; a project file's `documents`,
//!   `annotations` and `orphans`. The rest of the file, with those arrays cut to their first
//!   item, is parsed as a small "skeleton"; then the items are read a batch at a time, each
//!   parsed on its own (a W3C batch by [`w3c::read`] itself).
//! - doccano JSONL is read a line at a time by [`doccano::Lines`], which [`doccano::read`]
//!   uses too.
//!
//! The file's text is dropped as soon as the last item is read. Every other file, and any
//! file in which anything at all is amiss, is read whole by [`parse`] when the reading
//! finishes, so that what is taken and every refusal (its wording included) are exactly
//! [`parse`]'s: a file is taken whole or not at all.
//!
//! The app reads the project's JSON alone ([`Reading::own`]), so that the W3C and doccano
//! readers are not in its first load: a file that is not the project's is handed back
//! unread, and the readers' module reads it with [`Reading::new`] into the project's JSON.

use super::import::{json_depth, parse, parse_as, ImportError, MAX_DEPTH, MAX_IMPORT_BYTES};
use super::incoming::{merge, Incoming};
use super::scan::{scan, Array, Frame, Scanned, PATHS};
use super::{doccano, project, w3c};
use serde_json::Value;

/// Bytes scanned, or of items or lines read, per step: a few milliseconds in the browser.
const SCAN_BYTES: usize = 1 << 20;

/// The largest project JSON that [`Reading::converted`] reads, in bytes: the readers' module's
/// JSON of a file within [`MAX_IMPORT_BYTES`]. It carries each passage's quote and context
/// and each document's text once, so it may outgrow the file it was made from, though not
/// by four times.
pub const MAX_CONVERTED_BYTES: usize = 4 * MAX_IMPORT_BYTES;
/// At most this many items are read per step: each is parsed and read on its own, some
/// microseconds apiece.
const ITEMS_PER_STEP: usize = 500;

/// Byte spans `(start, end)` of a file's items.
type Spans = Vec<(usize, usize)>;

/// What an item is, and so how it is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    /// A W3C annotation.
    W3c,
    /// An item of a project file's `documents`.
    Document,
    /// An item of a project file's `annotations` or `orphans`.
    Annotation,
}

/// An item to read: what it is, and its byte span.
type Item = (Part, usize, usize);

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
    /// Reading the items `items[next..]` of `text` into `read`.
    Items {
        text: String,
        items: Vec<Item>,
        next: usize,
        read: Incoming,
    },
    /// Reading doccano JSONL a line at a time: from byte `at`, after `line_no` lines.
    Lines {
        text: String,
        at: usize,
        line_no: usize,
        lines: doccano::Lines,
    },
    /// Read: what the file holds.
    Done(Incoming),
    /// Read whole by [`parse`] at the end.
    Whole(Vec<u8>),
    /// Not the project's JSON (only when reading it alone): for the readers' module.
    Foreign(Vec<u8>),
}

/// A file being read in steps: [`Reading::step`] until it says it is done, then
/// [`Reading::finish`] gives what [`parse`] gives for the same bytes. `ALL` false reads
/// the project's JSON alone ([`Reading::own`]), so that the app holds no other reader.
pub struct Reading<const ALL: bool = true> {
    name: String,
    total: usize,
    stage: Stage,
}

impl Reading {
    /// Starts reading a file's bytes (taken, so that they can be dropped as soon as they are
    /// read). Only a file that is UTF-8 and starts with `{` or `[` (after a BOM and white
    /// space) is read in slices.
    pub fn new(name: &str, bytes: Vec<u8>) -> Reading {
        Reading::start(name, bytes, MAX_IMPORT_BYTES)
    }

    /// What the file holds, or why it is refused: the same as [`parse`] of the same bytes.
    /// Finishes the reading first if steps remain.
    pub fn finish(self) -> Result<Incoming, ImportError> {
        self.end().or_else(|(name, bytes, _)| parse(&name, &bytes))
    }
}

impl Reading<false> {
    /// [`Reading::new`] of the project's JSON alone: the app's reading.
    pub fn own(name: &str, bytes: Vec<u8>) -> Reading<false> {
        Reading::start(name, bytes, MAX_IMPORT_BYTES)
    }

    /// [`Reading::own`] of the project's JSON that the readers' module made of another
    /// tool's file, which was within [`MAX_IMPORT_BYTES`] when chosen. Its JSON may be
    /// larger (a W3C collection of 49.7 MB became 52.6 MB) and is read up to
    /// [`MAX_CONVERTED_BYTES`]: the limit is the user's file's, not ours.
    pub fn converted(name: &str, json: Vec<u8>) -> Reading<false> {
        Reading::start(name, json, MAX_CONVERTED_BYTES)
    }

    /// [`Reading::finish`] for the project's JSON and for refusals met before any format is
    /// told ([`parse_as`]); `Err(bytes)` when the file is not the project's JSON, for
    /// [`Reading::new`] in the readers' module.
    pub fn finish_own(self) -> Result<Result<Incoming, ImportError>, Vec<u8>> {
        match self.end() {
            Ok(read) => Ok(Ok(read)),
            Err((_, bytes, true)) => Err(bytes),
            Err((name, bytes, false)) => parse_as::<false>(&name, &bytes).ok_or(bytes),
        }
    }
}

impl<const ALL: bool> Reading<ALL> {
    fn start(name: &str, bytes: Vec<u8>, limit: usize) -> Reading<ALL> {
        let total = bytes.len();
        let stage = match String::from_utf8(bytes) {
            Ok(text) if text.len() <= limit => {
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
            Stage::Items { items, next, .. } => {
                self.total / 2 + next * (self.total / 2) / items.len().max(1)
            }
            Stage::Lines { at, .. } => *at,
            Stage::Done(_) | Stage::Whole(_) | Stage::Foreign(_) => self.total,
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
                let scanned = scan(
                    text.as_bytes(),
                    &mut at,
                    end,
                    &mut in_string,
                    &mut string_start,
                    &mut stack,
                    &mut arrays,
                );
                let mut foreign = false;
                match scanned {
                    Scanned::Amiss => Stage::Whole(text.into_bytes()),
                    // More after the first value: JSONL, if anything.
                    Scanned::FirstValueEnded if !text[at..].trim_start().is_empty() => {
                        if !ALL {
                            return self.foreign(text);
                        }
                        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
                        Stage::Lines {
                            text,
                            at: bom,
                            line_no: 0,
                            lines: doccano::Lines::default(),
                        }
                    }
                    Scanned::Going if at < text.len() => Stage::Scan {
                        text,
                        at,
                        in_string,
                        string_start,
                        stack,
                        arrays,
                    },
                    _ => match items_of::<ALL>(&text, &arrays, &mut foreign) {
                        Some((read, items)) if items.is_empty() => Stage::Done(read),
                        Some((mut read, items)) => {
                            // Sized once: a list that doubles as it grows holds the old and
                            // the new at once, and WebAssembly memory never shrinks.
                            let n = items.iter().filter(|i| i.0 == Part::Annotation).count();
                            read.annotations.reserve_exact(n);
                            Stage::Items {
                                text,
                                items,
                                next: 0,
                                read,
                            }
                        }
                        None if foreign => return self.foreign(text),
                        None => Stage::Whole(text.into_bytes()),
                    },
                }
            }
            Stage::Items {
                text,
                items,
                next,
                mut read,
            } => {
                let mut upto = next;
                let mut bytes = 0;
                while upto < items.len() && upto - next < ITEMS_PER_STEP && bytes < SCAN_BYTES {
                    bytes += items[upto].2 - items[upto].1;
                    upto += 1;
                }
                match read_items::<ALL>(&text, &items[next..upto], &mut read) {
                    true if upto == items.len() => Stage::Done(read),
                    true => Stage::Items {
                        text,
                        items,
                        next: upto,
                        read,
                    },
                    // Anything amiss: [`parse`] says what, as it would have.
                    false => Stage::Whole(text.into_bytes()),
                }
            }
            Stage::Lines {
                text,
                at,
                line_no,
                lines,
            } if ALL => read_lines(text, at, line_no, lines),
            Stage::Lines { text, .. } => Stage::Whole(text.into_bytes()),
            done @ (Stage::Done(_) | Stage::Whole(_) | Stage::Foreign(_)) => done,
        };
        matches!(
            self.stage,
            Stage::Done(_) | Stage::Whole(_) | Stage::Foreign(_)
        )
    }

    /// Ends a reading of the project's JSON alone at a text that is not one.
    fn foreign(&mut self, text: String) -> bool {
        self.stage = Stage::Foreign(text.into_bytes());
        true
    }

    /// Finishes the reading: what the file holds, or its name and bytes to read whole, and
    /// whether they are known not to be the project's JSON.
    fn end(mut self) -> Result<Incoming, (String, Vec<u8>, bool)> {
        while !self.step() {}
        match self.stage {
            Stage::Done(incoming) => Ok(incoming),
            Stage::Whole(bytes) => Err((self.name, bytes, false)),
            Stage::Foreign(bytes) => Err((self.name, bytes, true)),
            _ => unreachable!("step() returned true"),
        }
    }
}

/// Reads a batch of items into `read`, as [`parse`] reads them; false when anything is
/// amiss. A batch of W3C items is read by [`w3c::read`] at once.
fn read_items<const ALL: bool>(text: &str, batch: &[Item], read: &mut Incoming) -> bool {
    if ALL && batch.iter().all(|i| i.0 == Part::W3c) {
        let values: Result<Vec<Value>, _> = batch
            .iter()
            .map(|&(_, a, b)| serde_json::from_str::<Value>(&text[a..b]))
            .collect();
        return match values.ok().map(|b| w3c::read(Value::Array(b))) {
            Some(Ok(part)) => {
                merge(read, part);
                true
            }
            _ => false,
        };
    }
    batch.iter().all(|&(part, a, b)| match part {
        Part::Document => project::read_document_item(&text[a..b])
            .map(|d| read.documents.push(d))
            .is_some(),
        Part::Annotation => project::read_annotation_item(&text[a..b])
            .map(|x| read.annotations.push(x))
            .is_some(),
        Part::W3c => false,
    })
}

/// One step of reading JSONL: lines from byte `at` until some [`SCAN_BYTES`] are read, each
/// by [`doccano::Lines::read`] as [`doccano::read`] reads it. [`parse`] reads a text whose
/// first line is a whole JSON value with more after it as doccano when that line is a
/// doccano object: any line that is amiss (not JSON, nested past [`MAX_DEPTH`], not
/// doccano's) sends the file to [`parse`].
fn read_lines(text: String, mut at: usize, mut line_no: usize, mut lines: doccano::Lines) -> Stage {
    let stop = (at + SCAN_BYTES).min(text.len());
    while at < stop {
        let end = text[at..].find('\n').map_or(text.len(), |k| at + k);
        let line = &text[at..end];
        let line = line.strip_suffix('\r').unwrap_or(line);
        line_no += 1;
        at = (end + 1).min(text.len());
        if line.trim().is_empty() {
            continue;
        }
        // A first line that [`doccano::Lines::read`] reads is one that `parse` recognises.
        if json_depth(line, MAX_DEPTH) > MAX_DEPTH || lines.read(line_no, line).is_err() {
            return Stage::Whole(text.into_bytes());
        }
    }
    if at < text.len() {
        return Stage::Lines {
            text,
            at,
            line_no,
            lines,
        };
    }
    match lines.finish() {
        Ok(read) => Stage::Done(read),
        Err(_) => Stage::Whole(text.into_bytes()),
    }
}

/// Once the scan is done: what the file holds besides its items, and the items to read,
/// after checking that the file with its arrays cut to their first item (the skeleton)
/// parses and is a W3C file or a project file that [`parse`] would read. `None` sends the
/// file to [`parse`].
/// `foreign` is set when `ALL` is false and the skeleton is not the project's JSON.
fn items_of<const ALL: bool>(
    text: &str,
    arrays: &[Array],
    foreign: &mut bool,
) -> Option<(Incoming, Vec<Item>)> {
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
    crate::sort::sort(&mut cuts);
    let mut skeleton = String::new();
    let mut from = 0;
    for (a, b) in cuts {
        skeleton.push_str(&text[from..a]);
        from = b;
    }
    skeleton.push_str(&text[from..]);
    let skeleton = skeleton.strip_prefix('\u{feff}').unwrap_or(&skeleton);
    let v: Value = serde_json::from_str(skeleton).ok()?;
    // No `format` at the top: [`parse`] would not read it as the project's.
    *foreign = !ALL && v.get("format").is_none();
    let spans_at = |path: &[&str]| {
        items
            .iter()
            .find(|(p, _)| p.iter().map(String::as_str).eq(path.iter().copied()))
            .map(|(_, spans)| spans.as_slice())
    };
    if v.get("format").is_some() {
        // The project's JSON, which [`parse`] reads first: documents, then annotations,
        // then orphans.
        let head = project::read_skeleton(skeleton)?;
        let mut list = Vec::new();
        for (part, path) in [
            (Part::Document, "documents"),
            (Part::Annotation, "annotations"),
            (Part::Annotation, "orphans"),
        ] {
            let spans = spans_at(&[path]).unwrap_or_default();
            list.extend(spans.iter().map(|&(a, b)| (part, a, b)));
        }
        return Some((head, list));
    }
    if !ALL || !w3c::recognises(&v) {
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
    let read = Incoming {
        handout: None,
        annotator_id: None,
        assignment: None,
        codes: Vec::new(),
        format: super::Format::W3c,
        annotator: None,
        documents: Vec::new(),
        annotations: Vec::new(),
        notes: Vec::new(),
    };
    let spans = spans_at(path)?;
    Some((
        read,
        spans.iter().map(|&(a, b)| (Part::W3c, a, b)).collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads in steps, checking that each step does at most a step's work.
    fn read(name: &str, bytes: &[u8]) -> (Result<Incoming, ImportError>, bool) {
        let mut r = Reading::new(name, bytes.to_vec());
        let mut sliced = false;
        while !r.step() {
            sliced |= matches!(r.stage, Stage::Items { .. } | Stage::Lines { .. });
        }
        sliced |= matches!(r.stage, Stage::Done(_));
        let whole = r.finish();
        assert_eq!(
            own(name, bytes),
            whole,
            "the app's reading and the readers' agree"
        );
        (whole, sliced)
    }

    /// What the app makes of a file: read alone if it is the project's JSON, else read by
    /// the readers' module ([`Reading::new`]) into the project's JSON, which the app reads.
    /// Checks that the file is handed over unchanged.
    fn own(name: &str, bytes: &[u8]) -> Result<Incoming, ImportError> {
        let mut r = Reading::own(name, bytes.to_vec());
        while !r.step() {}
        match r.finish_own() {
            Ok(read) => read,
            Err(handed) => {
                assert_eq!(handed, bytes);
                let json = super::super::exported::write_incoming(&parse(name, bytes)?);
                let mut r = Reading::own(name, json.into_bytes());
                while !r.step() {}
                r.finish_own().expect("the project's JSON")
            }
        }
    }

    /// True when the app reads the file itself, without the readers' module.
    fn read_by_app(name: &str, bytes: &[u8]) -> bool {
        let mut r = Reading::own(name, bytes.to_vec());
        while !r.step() {}
        r.finish_own().is_ok()
    }

    /// A W3C annotation; every seventh tags its whole document, and own codes (by our IRI,
    /// and another tool's with a label) come and go, so that the codes met in later slices
    /// are gathered as a whole reading gathers them.
    fn item(n: usize, source: &str) -> Value {
        let own = format!(
            "urn:gcm-annotator:code:00000000-0000-4000-8000-{:012}",
            n % 4
        );
        let target = match n % 7 {
            6 => serde_json::json!({"source": source}),
            _ => serde_json::json!({"source": source, "selector": [
                {"type": "TextQuoteSelector", "exact": "Kofi 😀 Annan", "prefix": "e\u{301}", "suffix": "\r\n"},
                {"type": "TextPositionSelector", "start": n, "end": n + 10},
                {"type": "XPathSelector", "value": "/p[1]"}]}),
        };
        serde_json::json!({
            "id": format!("urn:uuid:00000000-0000-4000-8000-{n:012}"),
            "type": "Annotation",
            "created": "2026-11-22T09:12:03.120Z",
            "body": [{"type": "TextualBody", "purpose": "tagging", "value": "objective-23"},
                     {"type": "TextualBody", "purpose": "tagging", "value": own, "label": format!("Own {}", n % 4)},
                     {"type": "TextualBody", "purpose": "tagging", "value": format!("https://example.org/c/{}", n % 5), "label": "Theirs"},
                     {"purpose": "describing", "value": "x"},
                     {"purpose": "commenting", "value": "a \"quoted\" \\ note, with [brackets] and {braces}"}],
            "target": target
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

    /// The bad files the JSON importer reads; the others are the exchange readers'.
    fn json_family(name: &str) -> bool {
        [".json", ".jsonld", ".jsonl", ".txt"]
            .iter()
            .any(|e| name.ends_with(e))
    }

    #[test]
    fn every_bad_file_gets_the_same_refusal_as_parse_gives() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-files");
        let mut checked = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if name.ends_with(".expected") || name == "README.md" || !json_family(&name) {
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

    /// A project file of `n` annotations and `n / 3` orphans on two documents, one a seed's
    /// (no text) and one with its text.
    fn project_file(n: usize) -> String {
        let annotation = |i: usize| {
            let a = serde_json::json!({
                "id": format!("a{i}"), "document": if i % 2 == 0 { "seed-000" } else { "user-1" },
                "start": i, "end": i + 3, "quote": "Kofi 😀 \"An\\nan\" [x] {y}",
                "prefix": "e\u{301}", "suffix": "\r\n", "tags": ["objective-1", "principle-2"],
                "note": if i % 5 == 0 { "a note, with, commas" } else { "" },
                "created": "2026-11-22T09:12:03.120Z", "updated": "2026-11-22T09:12:04Z",
                "annotator": "Ana"
            });
            let mut a = a;
            if i % 7 == 6 {
                // A tag of the whole document, with an own code.
                let a = a.as_object_mut().unwrap();
                for k in ["start", "end", "quote", "prefix", "suffix"] {
                    a.remove(k);
                }
                a.insert("whole_document".into(), true.into());
                a.insert(
                    "tags".into(),
                    serde_json::json!(["code-00000000-0000-4000-8000-000000000002"]),
                );
            }
            a
        };
        serde_json::to_string_pretty(&serde_json::json!({
            "format": "gcm-annotator", "version": 1, "codebook": "gcm-2018",
            "offsets": "unicode-code-points", "annotator": "Ana",
            "documents": [
                {"id": "seed-000", "title": "GCM", "sha256": "ab", "length": 10, "origin": "seed"},
                {"id": "user-1", "title": "Mine, [1]", "origin": "user",
                 "text": "Texte à comparer 😀 \u{202e}RTL\r\nnext {line}"}
            ],
            "codes": [
                {"id": "code-00000000-0000-4000-8000-000000000001", "name": "Stance", "color": "#f7b0b0"},
                {"id": "code-00000000-0000-4000-8000-000000000002", "name": "Actor", "parent": "code-00000000-0000-4000-8000-000000000001"}
            ],
            "annotations": (0..n).map(annotation).collect::<Vec<_>>(),
            "orphans": (n..n + n / 3).map(annotation).collect::<Vec<_>>(),
        }))
        .unwrap()
    }

    /// doccano JSONL of `n` lines, with a BOM, CRLF line ends, blank lines and a line whose
    /// offsets count UTF-16 code units.
    fn jsonl(n: usize) -> String {
        let mut text = String::from("\u{feff}");
        for i in 0..n {
            let line = match i % 4 {
                0 => {
                    serde_json::json!({"text": format!("Line {i}: migrants, à comparer"), "label": [[0, 4, "objective-1"], [0, 4, "objective-2"]]})
                }
                1 => {
                    serde_json::json!({"text": "😀 a b 😀 cd ef", "label": [[3, 4, "objective-3"], [8, 10, "objective-4"], [11, 13, "objective-5"]], "relations": []})
                }
                2 => {
                    serde_json::json!({"text": "x", "entities": [{"start_offset": 0, "end_offset": 1, "label": "objective-6"}], "document": format!("d{i}")})
                }
                _ => serde_json::json!({"text": "y, [z]", "labels": []}),
            };
            text.push_str(&line.to_string());
            text.push_str(if i % 2 == 0 { "\r\n" } else { "\n\n  \n" });
        }
        text
    }

    #[test]
    fn a_project_file_is_read_in_slices_as_parse_reads_it_whole() {
        for n in [0, 1, ITEMS_PER_STEP, 2 * ITEMS_PER_STEP + 9] {
            let text = project_file(n);
            let (got, sliced) = read("p.json", text.as_bytes());
            assert!(sliced || n == 0, "{n} annotations were read whole");
            let got = got.unwrap();
            assert_eq!(got.annotations.len(), n + n / 3);
            assert_eq!(got.documents.len(), 2);
            assert_eq!(Ok(got), parse("p.json", text.as_bytes()));
            assert!(read_by_app("p.json", text.as_bytes()));
        }
        // W3C and doccano are read by the readers' module, without a whole `Value` here.
        assert!(!read_by_app("c.jsonld", collection(3).as_bytes()));
        assert!(!read_by_app("d.jsonl", jsonl(3).as_bytes()));
    }

    /// The readers' module's JSON of a W3C collection of 49.7 MB was 52.6 MB, and the app
    /// refused it as over the limit that the user's file was within (the benchmark's import
    /// of 50 MB files).
    #[test]
    fn the_json_made_of_a_file_within_the_limit_is_read_past_it() {
        let text = project_file(3);
        let cut = text.len() - 1;
        let padded = format!(
            "{}{}}}",
            &text[..cut],
            " ".repeat(MAX_IMPORT_BYTES - cut + 1)
        );
        assert!(padded.len() > MAX_IMPORT_BYTES);
        let read = |mut r: Reading<false>| {
            while !r.step() {}
            r.finish_own().expect("the project's JSON")
        };
        let refused = read(Reading::own("c.jsonld", padded.clone().into_bytes())).unwrap_err();
        assert!(refused.problem.contains("limit"), "{}", refused.problem);
        let got = read(Reading::converted("c.jsonld", padded.into_bytes())).unwrap();
        assert_eq!(Ok(got), parse("p.json", text.as_bytes()));
    }

    #[test]
    fn a_project_file_amiss_deep_inside_is_refused_as_parse_refuses_it() {
        let text = project_file(ITEMS_PER_STEP + 50);
        let late = text.rfind("2026-11-22T09:12:03.120Z").unwrap();
        let bad_time = format!(
            "{}2026-13-40T09:12:03Z{}",
            &text[..late],
            &text[late + 24..]
        );
        let newer = text.replacen("\"version\": 1", "\"version\": 2", 1);
        let unknown_shape = text.replacen("\"start\": 7,", "\"start\": \"7\",", 1);
        let twice = text.replacen("\"orphans\": [", "\"annotations\": [], \"orphans\": [", 1);
        for bad in [bad_time, newer, unknown_shape] {
            let whole = parse("p.json", bad.as_bytes());
            assert!(whole.is_err());
            assert_eq!(read("p.json", bad.as_bytes()).0, whole);
        }
        // A key twice: `parse` takes the last (through a `Value`), and so must the reading.
        let whole = parse("p.json", twice.as_bytes());
        assert_eq!(
            whole.as_ref().map(|i| i.annotations.len()),
            Ok((ITEMS_PER_STEP + 50) / 3)
        );
        assert_eq!(read("p.json", twice.as_bytes()).0, whole);
    }

    #[test]
    fn doccano_jsonl_is_read_a_line_at_a_time_as_parse_reads_it_whole() {
        for n in [2, 3, 4000] {
            let text = jsonl(n);
            let (got, sliced) = read("d.jsonl", text.as_bytes());
            assert!(sliced, "{n} lines were read whole");
            let got = got.unwrap();
            assert_eq!(got.documents.len(), n);
            assert!(!got.notes.is_empty());
            assert_eq!(Ok(got), parse("d.jsonl", text.as_bytes()));
        }
        // A line amiss far down, and one nested too deeply, refused as `parse` refuses them.
        let text = jsonl(3000);
        let late = text.rfind("\"label\"").unwrap();
        let no_label = format!("{}\"lable\"{}", &text[..late], &text[late + 7..]);
        let deep = format!(
            "{text}{{\"text\": \"a\", \"label\": [], \"meta\": {}{}}}\n",
            "[".repeat(MAX_DEPTH),
            "]".repeat(MAX_DEPTH)
        );
        let not_doccano = format!("{{\"a\": 1}}\n{text}");
        for bad in [no_label, deep, not_doccano] {
            let whole = parse("d.jsonl", bad.as_bytes());
            assert!(whole.is_err());
            assert_eq!(read("d.jsonl", bad.as_bytes()).0, whole);
        }
    }

    /// Every way of breaking a text at every place: a byte taken out, or a bracket, quote,
    /// comma, backslash or line end put in.
    fn broken_anywhere(text: &str) -> Vec<Vec<u8>> {
        let bytes = text.as_bytes();
        let mut variants: Vec<Vec<u8>> = Vec::new();
        for i in 0..bytes.len() {
            if !text.is_char_boundary(i) {
                continue;
            }
            let mut v = bytes.to_vec();
            v.remove(i);
            variants.push(v);
            for b in [b'[', b']', b'{', b'}', b'"', b',', b'\\', b'\n'] {
                let mut v = bytes.to_vec();
                v.insert(i, b);
                variants.push(v);
            }
        }
        variants
    }

    #[test]
    fn a_file_broken_anywhere_is_refused_as_parse_refuses_it() {
        let w3c = serde_json::to_string(&serde_json::from_str::<Value>(&collection(2)).unwrap())
            .unwrap()
            .replacen(",", " ,\n ", 3);
        let project =
            serde_json::to_string(&serde_json::from_str::<Value>(&project_file(2)).unwrap())
                .unwrap();
        for (name, text) in [
            ("b.jsonld", w3c),
            ("b.json", project),
            ("b.jsonl", jsonl(3)),
        ] {
            for v in broken_anywhere(&text) {
                let whole = parse(name, &v);
                assert_eq!(read(name, &v).0, whole, "{}", String::from_utf8_lossy(&v));
            }
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
