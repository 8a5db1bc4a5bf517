//! Scanning JSON text in slices for the items of its arrays (brackets counted outside
//! strings, escapes respected): what [`super::reading`] reads a large file by.

use super::import::MAX_DEPTH;

/// An array whose items the scan records: its path of keys from the top and the byte
/// offsets of its opening bracket, of the commas between its items and of its closing one.
#[derive(Debug)]
pub(super) struct Array {
    pub(super) path: Vec<String>,
    pub(super) open: usize,
    pub(super) commas: Vec<usize>,
    pub(super) close: Option<usize>,
}

/// An open array or object during the scan.
#[derive(Debug)]
pub(super) struct Frame {
    pub(super) array: bool,
    /// In an object: the key of the member being read, when the member is one a path
    /// follows (at most two levels down), else empty.
    pub(super) key: String,
    pub(super) expect_key: bool,
    /// In an array: its index in the scan's list of arrays, when it is one of ours.
    pub(super) recorded: Option<usize>,
}

/// The paths of the arrays whose items are read one by one: a W3C collection's embedded
/// first page, a page, or a list; a project file's three arrays.
pub(super) const PATHS: [&[&str]; 6] = [
    &["first", "items"],
    &["items"],
    &[],
    &["documents"],
    &["annotations"],
    &["orphans"],
];

/// How far a step of [`scan`] came.
pub(super) enum Scanned {
    /// To the end of its slice.
    Going,
    /// To the end of the file's first value, at `*at`: [`scan`] stops there.
    FirstValueEnded,
    /// The file is not one to read in slices: nested too deeply, brackets that do not
    /// match, an array met twice at one path.
    Amiss,
}

/// Scans `bytes[*at..end]` on from where the last scan stopped, recording the arrays at
/// [`PATHS`], and stopping where the first value ends.
pub(super) fn scan(
    bytes: &[u8],
    at: &mut usize,
    end: usize,
    in_string: &mut bool,
    string_start: &mut usize,
    stack: &mut Vec<Frame>,
    arrays: &mut Vec<Array>,
) -> Scanned {
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
                    return Scanned::Amiss;
                }
                let array = bytes[i] == b'[';
                let mut recorded = None;
                if array && stack.iter().all(|f| !f.array) {
                    let path: Vec<String> = stack.iter().map(|f| f.key.clone()).collect();
                    if PATHS.iter().any(|p| *p == path.as_slice()) {
                        if arrays.iter().any(|a| a.path == path) {
                            return Scanned::Amiss;
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
                    return Scanned::Amiss;
                };
                if frame.array != (bytes[i] == b']') {
                    return Scanned::Amiss;
                }
                if let Some(k) = frame.recorded {
                    arrays[k].close = Some(i);
                }
                if stack.is_empty() {
                    *at = i + 1;
                    return Scanned::FirstValueEnded;
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
                None => return Scanned::Amiss,
            },
            _ => {}
        }
        i += 1;
    }
    *at = i.min(bytes.len()).max(end);
    Scanned::Going
}

/// True for a key worth keeping for the [`PATHS`].
fn followed_key(key: &[u8]) -> bool {
    [
        &b"first"[..],
        b"items",
        b"documents",
        b"annotations",
        b"orphans",
    ]
    .contains(&key)
}
