//! The small tree that the office and web readers share: what the browser's `DOMParser`
//! builds, reduced to element names, attributes and text, so that the rules turning a
//! document's structure into text are pure and tested natively.

/// One node of a parsed XML or HTML document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// An element.
    Element(Element),
    /// A run of character data, as the parser gave it (entities resolved).
    Text(String),
}

/// An element: its namespace-local name (`p` for `w:p`, `list-item` for `text:list-item`,
/// `div` for HTML's `<div>`), its attributes by local name, and its children in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Element {
    /// The local name, as the parser gave it (HTML's are lower case).
    pub name: String,
    /// The attributes, by local name (`val` for `w:val`), in document order.
    pub attrs: Vec<(String, String)>,
    /// The children, in document order.
    pub children: Vec<Node>,
}

/// How deep a tree may nest: deeper documents are refused rather than risk the stack
/// (Chromium's HTML parser itself stops nesting at 512; Word and OpenDocument nest a few
/// dozen levels).
pub const MAX_DEPTH: usize = 512;

/// Why a document nesting deeper than [`MAX_DEPTH`] is refused.
pub fn too_deep() -> String {
    t!("read-too-deep", depth = MAX_DEPTH)
}

impl Element {
    /// An element with a name and no attributes or children.
    pub fn new(name: &str) -> Element {
        Element {
            name: name.to_string(),
            ..Element::default()
        }
    }

    /// The value of the attribute with this local name, if any.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The attribute with this local name read as a whole number, if it is one.
    pub fn num(&self, name: &str) -> Option<u32> {
        self.attr(name)?.trim().parse().ok()
    }

    /// The child elements, in order.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|c| match c {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element with this local name.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The first element with this local name, this one or below, depth first.
    pub fn find(&self, name: &str) -> Option<&Element> {
        if self.name == name {
            return Some(self);
        }
        self.elements().find_map(|e| e.find(name))
    }

    /// Every element with this local name, this one or below, depth first (not below a
    /// match).
    pub fn find_all<'a>(&'a self, name: &str, out: &mut Vec<&'a Element>) {
        if self.name == name {
            out.push(self);
            return;
        }
        for e in self.elements() {
            e.find_all(name, out);
        }
    }
}

/// Builds a tree from XML text natively, as the browser's `DOMParser` does in the app (a
/// test stand-in: `roxmltree` resolves the same five entities and character references).
/// `Err` is [`too_deep`] past [`MAX_DEPTH`], as the app's walk of the DOM says.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub fn parse_xml(xml: &str) -> Result<Element, String> {
    // roxmltree's parser recurses per level: a test thread's 2 MB of stack holds a few
    // hundred levels in a debug build, so it runs on a thread of its own with more.
    let xml = xml.to_string();
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || parse_xml_here(&xml))
        .map_err(|e| e.to_string())?
        .join()
        .map_err(|_| t!("read-xml-failed"))?
}

#[cfg(all(test, not(target_arch = "wasm32")))]
fn parse_xml_here(xml: &str) -> Result<Element, String> {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(xml, opts).map_err(|e| e.to_string())?;
    fn walk(n: roxmltree::Node, depth: usize) -> Result<Element, String> {
        if depth > MAX_DEPTH {
            return Err(too_deep());
        }
        let mut e = Element::new(n.tag_name().name());
        // DOMParser lists a namespace declaration among the attributes (`xmlns`); roxmltree
        // does not. The root's default namespace is kept so, for the readers that check it
        // (REFI-QDA).
        if depth == 0 {
            if let Some(ns) = n.namespaces().find(|ns| ns.name().is_none()) {
                e.attrs.push(("xmlns".to_string(), ns.uri().to_string()));
            }
        }
        e.attrs.extend(
            n.attributes()
                .map(|a| (a.name().to_string(), a.value().to_string())),
        );
        for c in n.children() {
            if c.is_element() {
                e.children.push(Node::Element(walk(c, depth + 1)?));
            } else if c.is_text() {
                e.children
                    .push(Node::Text(c.text().unwrap_or("").to_string()));
            }
        }
        Ok(e)
    }
    walk(doc.root_element(), 0)
}
