//! Writing REFI-QDA's XML by hand: escaping text and attribute values, and dropping the
//! characters that XML 1.0 cannot hold (§2.2 `Char`).

/// True for a character that XML 1.0 may hold (§2.2): tab, LF, CR, and U+0020 up, less the
/// non-characters U+FFFE and U+FFFF (Rust strings hold no surrogates).
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
}

/// Text content escaped: `&`, `<`, `>` as entities, CR as `&#13;` (a parser turns a raw
/// CRLF or CR into LF, XML 1.0 §2.11, and the note would lose it), and the other C0
/// controls, U+FFFE and U+FFFF dropped: XML 1.0 cannot hold them, even as references.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_text(&mut out, s);
    out
}

/// True when `s` needs no escaping anywhere: no markup, quote or control character, no
/// U+FFFE or U+FFFF (UTF-8 `EF BF BE` and `EF BF BF`).
fn plain(s: &str) -> bool {
    s.bytes()
        .all(|b| b >= 0x20 && !matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'' | 0xbe | 0xbf))
}

/// [`text`], appended to `out`.
fn push_text(out: &mut String, s: &str) {
    if plain(s) {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        push_char(out, c);
    }
}

fn push_char(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '\r' => out.push_str("&#13;"),
        c if is_xml_char(c) => out.push(c),
        _ => {}
    }
}

/// [`attr`], appended to `out`.
fn push_attr(out: &mut String, s: &str) {
    if plain(s) {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            c => push_char(out, c),
        }
    }
}

/// An attribute value escaped for double quotes: as [`text`], and `"`, `'`, tab and LF as
/// references too, since a parser turns raw white space in an attribute into spaces (XML 1.0
/// §3.3.3).
pub fn attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_attr(&mut out, s);
    out
}

/// An element being written: `<name a="v"…` until it is closed empty or given children.
pub struct Tag<'o> {
    out: &'o mut String,
}

impl<'o> Tag<'o> {
    /// Opens `<name` on a new line indented by two spaces per `depth`.
    pub fn open(out: &'o mut String, depth: usize, name: &str) -> Tag<'o> {
        for _ in 0..depth {
            out.push(' ');
            out.push(' ');
        }
        out.push('<');
        out.push_str(name);
        Tag { out }
    }

    /// Adds ` key="value"`, escaped.
    pub fn attr(self, key: &str, value: &str) -> Self {
        self.out.push(' ');
        self.out.push_str(key);
        self.out.push_str("=\"");
        push_attr(self.out, value);
        self.out.push('"');
        self
    }

    /// Closes it with no content: `/>`.
    pub fn empty(self) {
        self.out.push_str("/>\n");
    }

    /// Closes the start tag: children follow, then [`close`].
    pub fn start(self) {
        self.out.push_str(">\n");
    }

    /// Closes the start tag, writes `content` escaped, and the end tag, on one line.
    pub fn text(self, name: &str, content: &str) {
        self.out.push('>');
        push_text(self.out, content);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }
}

/// Writes `</name>` on a new line indented by `depth`.
pub fn close(out: &mut String, depth: usize, name: &str) {
    for _ in 0..depth {
        out.push_str("  ");
    }
    out.push_str("</");
    out.push_str(name);
    out.push_str(">\n");
}

/// `<name>content</name>` (escaped) at `depth`.
pub fn element(out: &mut String, depth: usize, name: &str, content: &str) {
    Tag::open(out, depth, name).text(name, content);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_quotes_and_controls_are_escaped_or_dropped() {
        assert_eq!(text("a<b>&c\r\n\u{1}\u{fffe}é"), "a&lt;b&gt;&amp;c&#13;\né");
        // Text with nothing to escape is copied; bytes that U+FFFE shares are not dropped.
        assert_eq!(text("plain ¾ о 😀"), "plain ¾ о 😀");
        assert_eq!(attr("plain ¾\u{ffff}"), "plain ¾");
        assert_eq!(
            attr("\"x\" 'y'\t\n\r\u{7}"),
            "&quot;x&quot; &apos;y&apos;&#9;&#10;&#13;"
        );
    }
}
