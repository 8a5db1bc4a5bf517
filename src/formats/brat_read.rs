//! Reading brat standoff (see the parent module's doc): `.ann` + `.txt` pairs, the
//! configuration files' names, colours and nesting, and whole-document tags.

use super::super::incoming::{InAnnotation, InCode, InDoc, Incoming};
use super::super::Format;
use super::{uuid_of_type, ANNOTATORS, DOCUMENT_TAGS};
use crate::text::{Cp, DocText};
use std::collections::HashMap;

/// What `annotation.conf` and `visual.conf` say of a type.
#[derive(Default)]
struct Declared {
    /// `(type, parent type)` in file order: parents before children.
    types: Vec<(String, Option<String>)>,
    names: HashMap<String, String>,
    colors: HashMap<String, String>,
}

/// The lines of one `[section]` of a brat configuration file, comments and blank lines out.
pub(super) fn section<'a>(conf: &'a str, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    let mut inside = false;
    conf.lines().filter(move |l| {
        let t = l.trim();
        if t.starts_with('[') && t.ends_with(']') {
            inside = t[1..t.len() - 1].trim() == name;
            return false;
        }
        inside && !t.is_empty() && !t.starts_with('#')
    })
}

impl Declared {
    fn read_annotation_conf(&mut self, conf: &str) {
        let mut stack: Vec<(usize, String)> = Vec::new();
        for line in section(conf, "entities") {
            let depth = line.chars().take_while(|c| *c == '\t').count();
            let Some(ty) = line.split_whitespace().next() else {
                continue;
            };
            let ty = ty.trim_start_matches('!');
            if ty.is_empty() || ty.starts_with('<') {
                continue;
            }
            while stack.last().is_some_and(|(d, _)| *d >= depth) {
                stack.pop();
            }
            let parent = stack.last().map(|(_, p)| p.clone());
            if !self.types.iter().any(|(t, _)| t == ty) {
                self.types.push((ty.to_string(), parent));
            }
            stack.push((depth, ty.to_string()));
        }
    }

    fn read_visual_conf(&mut self, conf: &str) {
        for line in section(conf, "labels") {
            let mut parts = line.split('|').map(str::trim);
            if let (Some(ty), Some(name)) = (parts.next(), parts.next()) {
                if !ty.is_empty() && !name.is_empty() {
                    self.names.insert(ty.to_string(), name.to_string());
                }
            }
        }
        for line in section(conf, "drawing") {
            let mut parts = line.splitn(2, char::is_whitespace);
            let (Some(ty), Some(rest)) = (parts.next(), parts.next()) else {
                continue;
            };
            for setting in rest.split(',') {
                if let Some(c) = setting.trim().strip_prefix("bgColor:") {
                    let c = c.trim();
                    if c.len() == 7
                        && c.starts_with('#')
                        && c[1..].bytes().all(|b| b.is_ascii_hexdigit())
                    {
                        self.colors.insert(ty.to_string(), c.to_ascii_lowercase());
                    }
                }
            }
        }
    }

    /// The code a type that is not a GCM tag id stands for.
    fn code(&self, ty: &str, parent: Option<String>) -> InCode {
        let guid = uuid_of_type(ty);
        let name = self.names.get(ty).cloned().unwrap_or_else(|| {
            let bare = match &guid {
                Some(g) => &ty[..ty.len() - g.len() - 1],
                None => ty,
            };
            bare.replace('_', " ")
        });
        InCode {
            key: ty.to_string(),
            guid,
            name,
            color: self.colors.get(ty).cloned(),
            parent,
            description: String::new(),
        }
    }
}

/// The path without its extension, and the extension.
fn stem_and_ext(path: &str) -> Option<(&str, &str)> {
    let base_at = path.rfind('/').map_or(0, |i| i + 1);
    let dot = path[base_at..].rfind('.')? + base_at;
    Some((&path[..dot], &path[dot + 1..]))
}

/// The last component of a path.
fn base_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Reads brat standoff: `files` are `(path, content)`, paths with `/` (as in a zip). Each
/// `.ann` needs the `.txt` of the same path and stem (a `.txt` alone is not read: brat
/// writes an `.ann`, empty or not, for every document); `annotation.conf` and `visual.conf`
/// (anywhere) give codes' names, colours and nesting, and [`DOCUMENT_TAGS`] whole-document
/// tags. A type that is a GCM tag id is
/// that tag; any other is an [`InCode`] keyed by the type. Documents are keyed by the path
/// without extension and titled by the file's stem. `Err` names the file and line of the
/// first line that does not parse, whose text does not match the `.txt` at its offsets, or
/// whose offsets are reversed, empty or past the end; and a `.ann` without its `.txt`.
pub fn read(files: Vec<(String, String)>) -> Result<Incoming, String> {
    let mut declared = Declared::default();
    let mut texts: Vec<(String, String)> = Vec::new();
    let mut anns: Vec<(String, String, String)> = Vec::new();
    let mut doc_tags: Option<String> = None;
    let mut makers: Option<String> = None;
    for (path, content) in files {
        match base_name(&path) {
            "annotation.conf" => declared.read_annotation_conf(&content),
            "visual.conf" => declared.read_visual_conf(&content),
            DOCUMENT_TAGS => doc_tags = Some(content),
            ANNOTATORS => makers = Some(content),
            _ => match stem_and_ext(&path) {
                Some((stem, "txt")) => texts.push((stem.to_string(), content)),
                Some((stem, "ann")) => anns.push((stem.to_string(), path.clone(), content)),
                _ => {}
            },
        }
    }
    if anns.is_empty() {
        return Err(t!("read-brat-no-ann"));
    }
    let mut reading = Reading::default();
    for (stem, path, ann) in &anns {
        let Some((_, text)) = texts.iter().find(|(s, _)| s == stem) else {
            return Err(t!(
                "read-brat-no-txt",
                name = base_name(path),
                stem = base_name(stem)
            ));
        };
        reading.read_ann(stem, base_name(path), ann, text)?;
    }
    // A `.txt` without its `.ann` (a README, a licence) is not a document of the corpus.
    let documents: Vec<InDoc> = texts
        .into_iter()
        .filter(|(stem, _)| anns.iter().any(|(s, _, _)| s == stem))
        .map(|(stem, text)| InDoc {
            title: Some(base_name(&stem).to_string()),
            key: stem,
            text: Some(text),
            ..InDoc::default()
        })
        .collect();
    if let Some(tsv) = doc_tags {
        reading.read_document_tags(&tsv, &documents)?;
    }
    let file = makers.map_or_else(Default::default, |tsv| reading.read_makers(&tsv));
    // Codes: those declared that are used, that are this app's own codes (a UUID in the
    // type: a codebook comes back whole), or that hold one of those; then those used but not
    // declared. Parents before children. Another tool's unused types (brat's sample
    // configuration declares dozens) do not flood the codebook.
    let mut keep: std::collections::HashSet<&str> = declared
        .types
        .iter()
        .map(|(t, _)| t.as_str())
        .filter(|t| uuid_of_type(t).is_some() || reading.used.iter().any(|u| u == t))
        .collect();
    for (ty, _) in declared.types.iter().rev() {
        if keep.contains(ty.as_str()) {
            let mut at = ty.as_str();
            while let Some(Some(p)) = declared.types.iter().find(|(t, _)| t == at).map(|x| &x.1) {
                if !keep.insert(p.as_str()) {
                    break;
                }
                at = p;
            }
        }
    }
    let mut codes: Vec<InCode> = Vec::new();
    for (ty, parent) in &declared.types {
        if crate::codebook::tag(ty).is_none() && keep.contains(ty.as_str()) {
            codes.push(declared.code(ty, parent.clone()));
        }
    }
    for ty in &reading.used {
        if crate::codebook::tag(ty).is_none() && !codes.iter().any(|c| &c.key == ty) {
            codes.push(declared.code(ty, None));
        }
    }
    let mut notes = Vec::new();
    let skipped: Vec<String> = reading
        .skipped
        .iter()
        .map(|(what, n)| format!("{n} {what}"))
        .collect();
    if !skipped.is_empty() {
        notes.push(t!("read-brat-skipped", what = skipped.join(", ")));
    }
    if reading.split > 0 {
        notes.push(t!("read-brat-split", count = reading.split));
    }
    notes.extend(reading.recounted);
    let [annotator, annotator_id, assignment] = file;
    Ok(Incoming {
        handout: None,
        annotator_id,
        assignment,
        // TODO(brat): the lead sets Format::Brat at the merge.
        format: Format::Csv,
        annotator,
        documents,
        annotations: reading.annotations,
        codes,
        notes,
    })
}

/// A `T` line as read: its line number, id, type, fragments and text.
struct TextBound<'a> {
    line: usize,
    id: &'a str,
    ty: &'a str,
    frags: Vec<(usize, usize)>,
    quote: &'a str,
}

/// What the `.ann` files read so far hold.
#[derive(Default)]
struct Reading {
    annotations: Vec<InAnnotation>,
    /// Types used, in order of first use.
    used: Vec<String>,
    /// Lines skipped, by kind, in order of first sight.
    skipped: Vec<(String, usize)>,
    /// Discontinuous spans read as one passage per fragment.
    split: usize,
    /// A summary line per `.ann` whose offsets were counted otherwise ([`Counting`]).
    recounted: Vec<String>,
    /// The annotation each `T` line's id went to, by document key and id.
    by_t: HashMap<(String, String), usize>,
}

impl Reading {
    fn skip(&mut self, what: String) {
        match self.skipped.iter_mut().find(|(w, _)| *w == what) {
            Some((_, n)) => *n += 1,
            None => self.skipped.push((what, 1)),
        }
    }

    /// Reads one `.ann` (`name` for messages) against its document's text.
    fn read_ann(&mut self, key: &str, name: &str, ann: &str, text: &str) -> Result<(), String> {
        let bad = |n: usize| t!("read-brat-bad-line", line = n.to_string(), name = name);
        let mut bounds: Vec<TextBound> = Vec::new();
        let mut notes: Vec<(&str, &str)> = Vec::new();
        let ann = ann.strip_prefix('\u{feff}').unwrap_or(ann);
        for (i, line) in ann.lines().enumerate() {
            let n = i + 1;
            if line.trim().is_empty() {
                continue;
            }
            let mut cols = line.splitn(3, '\t');
            let (id, mid, rest) = (cols.next().unwrap_or(""), cols.next(), cols.next());
            match id.chars().next() {
                Some('T') => {
                    let (Some(mid), Some(quote)) = (mid, rest) else {
                        return Err(bad(n));
                    };
                    let (ty, spans) = mid.split_once(' ').ok_or_else(|| bad(n))?;
                    let mut frags = Vec::new();
                    for f in spans.split(';') {
                        let mut p = f.split(' ');
                        let s = p.next().and_then(|x| x.parse::<usize>().ok());
                        let e = p.next().and_then(|x| x.parse::<usize>().ok());
                        match (s, e, p.next()) {
                            (Some(s), Some(e), None) if s < e => frags.push((s, e)),
                            (Some(s), Some(e), None) => {
                                return Err(t!(
                                    "read-brat-span-reversed",
                                    line = n.to_string(),
                                    name = name,
                                    start = s.to_string(),
                                    end = e.to_string()
                                ))
                            }
                            _ => return Err(bad(n)),
                        }
                    }
                    if ty.is_empty() || id.len() < 2 {
                        return Err(bad(n));
                    }
                    crate::sort::sort(&mut frags);
                    bounds.push(TextBound {
                        line: n,
                        id,
                        ty,
                        frags,
                        quote,
                    });
                }
                Some('#') => match (mid.and_then(|m| m.split_once(' ')), rest) {
                    (Some(("AnnotatorNotes", target)), Some(note)) => notes.push((target, note)),
                    (Some(("AnnotatorNotes", target)), None) => notes.push((target, "")),
                    _ => self.skip(t!("read-brat-skip-notes")),
                },
                Some('R') => self.skip(t!("read-brat-skip-relations")),
                Some('E') => self.skip(t!("read-brat-skip-events")),
                Some('A' | 'M') => self.skip(t!("read-brat-skip-attributes")),
                Some('N') => self.skip(t!("read-brat-skip-normalizations")),
                Some('*') => self.skip(t!("read-brat-skip-equivalences")),
                _ => return Err(bad(n)),
            }
        }
        let doc = DocText::new(text);
        let chars: Vec<char> = text.chars().collect();
        // Code points first; then, the whole file at once, the other ways brat counts when
        // one of them alone fits: its server reads a CRLF as one character (brat #853), its
        // web client counts UTF-16 code units (brat #1115).
        let mismatch = bounds.iter().find_map(|b| check(&doc, b, name).err());
        if let Some(e) = mismatch {
            let found = Counting::OTHERS.iter().find_map(|&counting| {
                let at = counting.boundaries(&chars)?;
                let converted = bounds
                    .iter()
                    .map(|b| {
                        let frags = b
                            .frags
                            .iter()
                            .map(|&(s, e)| Some((cp_at(&at, s)?, cp_at(&at, e)?)))
                            .collect::<Option<Vec<_>>>()?;
                        let b2 = TextBound {
                            frags: frags.clone(),
                            ..*b
                        };
                        check(&doc, &b2, name).ok().map(|_| frags)
                    })
                    .collect::<Option<Vec<_>>>()?;
                Some((counting, converted))
            });
            let Some((counting, converted)) = found else {
                return Err(e);
            };
            for (b, frags) in bounds.iter_mut().zip(converted) {
                b.frags = frags;
            }
            self.recounted.push(t!(
                "read-brat-recounted",
                name = name,
                counting = counting.said()
            ));
        }
        // Spans: one annotation per span, its tags in order.
        let mut spans_at: HashMap<(usize, usize), usize> = HashMap::new();
        let mut by_id: HashMap<&str, Vec<usize>> = HashMap::new();
        for b in &bounds {
            if !self.used.iter().any(|u| u == b.ty) {
                self.used.push(b.ty.to_string());
            }
            let spans = join(&chars, &b.frags);
            if spans.len() > 1 {
                self.split += 1;
            }
            for (s, e) in spans {
                let at = match spans_at.get(&(s, e)) {
                    Some(&i) => i,
                    None => {
                        spans_at.insert((s, e), self.annotations.len());
                        self.annotations.push(InAnnotation {
                            doc_key: key.to_string(),
                            start: Some(s),
                            end: Some(e),
                            quote: Some(chars[s..e].iter().collect()),
                            ..InAnnotation::default()
                        });
                        self.annotations.len() - 1
                    }
                };
                let a = &mut self.annotations[at];
                if !a.tags.iter().any(|t| t == b.ty) {
                    a.tags.push(b.ty.to_string());
                }
                by_id.entry(b.id).or_default().push(at);
                self.by_t.insert((key.to_string(), b.id.to_string()), at);
            }
        }
        for (target, note) in notes {
            let Some(ats) = by_id.get(target) else {
                self.skip(t!("read-brat-skip-other-notes"));
                continue;
            };
            for &at in ats {
                let a = &mut self.annotations[at];
                if a.note.is_empty() {
                    a.note = note.to_string();
                } else if !a.note.split('\n').any(|l| l == note) {
                    a.note = format!("{}\n{note}", a.note);
                }
            }
        }
        Ok(())
    }

    /// Reads [`ANNOTATORS`]: each passage's maker and origin (rows naming a `T` line that is
    /// not there are passed over); returns the file's row: the exporter's name and id and
    /// the assignment's id, each `None` when empty.
    fn read_makers(&mut self, tsv: &str) -> [Option<String>; 3] {
        let mut file = [None, None, None];
        let some = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        // The passages by (file name, T id), once: a search of every passage for each row
        // made an export of 10,000 take 23 s to read back (issue 25).
        let by_name: HashMap<(&str, &str), usize> = self
            .by_t
            .iter()
            .map(|((k, t), &at)| ((base_name(k), t.as_str()), at))
            .collect();
        for line in tsv.lines().skip(1) {
            let c: Vec<&str> = line.split('\t').collect();
            let cell = |i: usize| c.get(i).copied().unwrap_or_default();
            if cell(0).is_empty() && cell(1).is_empty() {
                file = [some(cell(2)), some(cell(3)), some(cell(5))];
                continue;
            }
            if let Some(&at) = by_name.get(&(cell(0), cell(1))) {
                let a = &mut self.annotations[at];
                (a.annotator, a.annotator_id) = (some(cell(2)), some(cell(3)));
                a.origin = crate::annotation::Origin::parse(cell(4));
            }
        }
        file
    }

    /// Reads [`DOCUMENT_TAGS`]: a header line, then `document\ttypes\tnote` lines.
    fn read_document_tags(&mut self, tsv: &str, documents: &[InDoc]) -> Result<(), String> {
        for (i, line) in tsv.lines().enumerate().skip(1) {
            if line.trim().is_empty() {
                continue;
            }
            let mut cols = line.splitn(3, '\t');
            let (doc, types) = (cols.next().unwrap_or(""), cols.next().unwrap_or(""));
            let note = cols.next().unwrap_or("");
            let Some(d) = documents.iter().find(|d| base_name(&d.key) == doc) else {
                return Err(t!(
                    "read-brat-no-document",
                    line = (i + 1).to_string(),
                    name = DOCUMENT_TAGS,
                    document = &*crate::text::clip(doc, 80)
                ));
            };
            let tags: Vec<String> = types.split_whitespace().map(String::from).collect();
            if tags.is_empty() {
                return Err(t!(
                    "read-brat-no-type",
                    line = (i + 1).to_string(),
                    name = DOCUMENT_TAGS
                ));
            }
            for t in &tags {
                if !self.used.contains(t) {
                    self.used.push(t.clone());
                }
            }
            self.annotations.push(InAnnotation {
                doc_key: d.key.clone(),
                tags,
                note: note.to_string(),
                whole_document: true,
                ..InAnnotation::default()
            });
        }
        Ok(())
    }
}

/// A way other than code points in which brat counts a text's characters.
#[derive(Clone, Copy)]
enum Counting {
    /// A CRLF as one character: brat's server reads texts with universal newlines (#853).
    CrlfAsOne,
    /// UTF-16 code units: brat's web client (#1115).
    Utf16,
    /// Both: the web client over a text that the server read with a CRLF as one.
    Utf16CrlfAsOne,
}

impl Counting {
    const OTHERS: [Counting; 3] = [
        Counting::CrlfAsOne,
        Counting::Utf16,
        Counting::Utf16CrlfAsOne,
    ];

    /// The offset, counted this way, of every code point boundary of `chars` (`len + 1` of
    /// them, non-decreasing); `None` when it counts the text as code points do.
    fn boundaries(self, chars: &[char]) -> Option<Vec<usize>> {
        let (utf16, crlf) = match self {
            Counting::CrlfAsOne => (false, true),
            Counting::Utf16 => (true, false),
            Counting::Utf16CrlfAsOne => (true, true),
        };
        let mut at = Vec::with_capacity(chars.len() + 1);
        let mut n = 0;
        let mut differs = false;
        for (i, c) in chars.iter().enumerate() {
            at.push(n);
            let w = if crlf && *c == '\r' && chars.get(i + 1) == Some(&'\n') {
                0
            } else if utf16 {
                c.len_utf16()
            } else {
                1
            };
            differs |= w != 1;
            n += w;
        }
        at.push(n);
        differs.then_some(at)
    }

    fn said(self) -> String {
        match self {
            Counting::CrlfAsOne => t!("read-brat-crlf"),
            Counting::Utf16 => t!("read-brat-utf16"),
            Counting::Utf16CrlfAsOne => t!("read-brat-utf16-crlf"),
        }
    }
}

/// The code point boundary at an offset counted as `at` says ([`Counting::boundaries`]):
/// the first one there; `None` past the end or inside a character (a surrogate pair).
fn cp_at(at: &[usize], offset: usize) -> Option<usize> {
    let i = at.partition_point(|&x| x < offset);
    (at.get(i) == Some(&offset)).then_some(i)
}

/// Checks a `T` line's fragments against the text: within it, and the fragments' texts
/// joined by a space equal to its quote. `Err` is the reason, naming the file `name`.
fn check(doc: &DocText, b: &TextBound, name: &str) -> Result<(), String> {
    let len = doc.len_cp().0;
    let mut got = Vec::with_capacity(b.frags.len());
    for &(s, e) in &b.frags {
        let Some(t) = doc.slice(Cp(s), Cp(e)).filter(|_| e <= len) else {
            return Err(t!(
                "read-brat-span-past-end",
                line = b.line.to_string(),
                name = name,
                start = s.to_string(),
                end = e.to_string(),
                length = len.to_string()
            ));
        };
        got.push(t);
    }
    if got.join(" ") != b.quote {
        return Err(t!(
            "read-brat-quote-differs",
            line = b.line.to_string(),
            name = name,
            quote = &*crate::text::clip(b.quote, 80),
            found = &*crate::text::clip(&got.join(" "), 80)
        ));
    }
    Ok(())
}

/// Fragments (sorted) joined into spans: two join when only white space with a line break,
/// or nothing, lies between them (or they overlap).
fn join(chars: &[char], frags: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for &(s, e) in frags {
        if let Some(last) = out.last_mut() {
            let gap = chars.get(last.1.min(s)..s).unwrap_or(&[]);
            let joins = gap.is_empty()
                || (gap.iter().all(|c| c.is_whitespace())
                    && gap.iter().any(|c| matches!(c, '\r' | '\n')));
            if s <= last.1 || joins {
                last.1 = last.1.max(e);
                continue;
            }
        }
        out.push((s, e));
    }
    out
}
