//! Native tests of the office and web readers on documents made by real producers (pandoc,
//! Python's `zipfile`; `tests/documents/make.py`) at test time, and of the bad-documents
//! corpus (`tests/bad-documents/`). The browser's `DecompressionStream` and `DOMParser`
//! are stood in for by `flate2` and `roxmltree`; the e2e tests run the real ones.

use super::office::read_native;
use super::{html, tree, Extracted, Kind, SourceFile};
use crate::document::Document;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The documents `make.py` writes, made once per test run.
fn made() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = root().join("target/test-documents");
        let ok = std::process::Command::new("python3")
            .arg(root().join("tests/documents/make.py"))
            .arg(&dir)
            .status()
            .is_ok_and(|s| s.success());
        assert!(
            ok,
            "tests/documents/make.py failed: is pandoc installed (./dev setup)?"
        );
        dir
    })
}

/// What the app does with a file (`web::files::open_file_vec` and `open_bytes`),
/// natively: its name and size checked, the kind sniffed, the reader, then the document
/// made. `Err` is the message shown.
fn open(name: &str, bytes: &[u8]) -> Result<Extracted, String> {
    Document::check_file(name, bytes.len()).map_err(|e| e.to_string())?;
    let kind = Kind::sniff(name, &bytes[..bytes.len().min(128)]);
    let extracted = match kind {
        Some(k @ (Kind::Docx | Kind::Odt)) => read_native(k, name, bytes)?,
        Some(Kind::Html) => {
            let (label, bom) = html::encoding(bytes);
            assert_eq!(label, "utf-8", "native tests decode UTF-8 only");
            let text = std::str::from_utf8(&bytes[bom..]).unwrap();
            let text = text.replacen("<!DOCTYPE html>", "", 1);
            crate::extract::nesting::check(&text)
                .map_err(|r| crate::extract::package::refusal(name, &r))?;
            html::extract(&tree::parse_xml(&text).expect("well-formed test page"))
        }
        other => panic!("{name}: not an office or web file ({other:?})"),
    };
    let source = SourceFile {
        name: name.into(),
        media_type: kind.unwrap().media_type().into(),
        size: bytes.len(),
        sha256: String::new(),
    };
    let doc = Document::from_extracted("id".into(), source, extracted.clone());
    doc.map(|_| extracted).map_err(|e| e.to_string())
}

fn open_made(name: &str) -> Extracted {
    let bytes = std::fs::read(made().join(name)).unwrap();
    open(name, &bytes).unwrap_or_else(|e| panic!("{e}"))
}

fn expected(name: &str) -> String {
    std::fs::read_to_string(root().join("tests/documents").join(name)).unwrap()
}

#[test]
fn word_and_opendocument_give_headings_lists_tables_breaks_and_notes_as_documented() {
    let want = expected("structure.txt");
    for name in ["structure.docx", "structure.odt"] {
        let got = open_made(name);
        assert_eq!(got.text, want, "{name}");
        assert!(
            got.pages.is_empty(),
            "{name}: Word and OpenDocument have no pages"
        );
    }
}

#[test]
fn a_web_page_gives_its_body_text_as_documented() {
    assert_eq!(
        open_made("structure.html").text,
        expected("structure.html.txt")
    );
}

#[test]
fn a_seed_comes_back_paragraph_for_paragraph_from_every_kind() {
    let seed_dir = root().join("seeds");
    let mut seeds: Vec<_> = std::fs::read_dir(&seed_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    seeds.sort();
    let seed = std::fs::read_to_string(&seeds[0]).unwrap();
    let want: Vec<&str> = seed
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let want = want.join("\n\n");
    for name in ["seed.docx", "seed.odt", "seed.html"] {
        assert_eq!(open_made(name).text, want, "{name}");
    }
}

#[test]
fn tracked_changes_are_accepted_and_comments_and_field_codes_are_not_text() {
    assert_eq!(
        open_made("tracked.docx").text,
        "The Compact was adopted in Marrakech in December 2018.\n\nObjective 23."
    );
}

#[test]
fn a_declared_charset_or_a_byte_order_mark_tells_the_encoding() {
    let cp1252 = std::fs::read(made().join("cp1252.html")).unwrap();
    assert_eq!(html::encoding(&cp1252), ("windows-1252".into(), 0));
    let sjis = std::fs::read(made().join("sjis.html")).unwrap();
    assert_eq!(html::encoding(&sjis), ("shift_jis".into(), 0));
    let cases: [(&[u8], &str, usize); 6] = [
        (b"\xef\xbb\xbf<meta charset=latin1>", "utf-8", 3),
        (b"\xff\xfe<\x00", "utf-16le", 2),
        (b"<META CHARSET = 'ISO-8859-1' >", "iso-8859-1", 0),
        (
            b"<meta content=\"text/html;charset=koi8-r\" http-equiv=content-type>",
            "koi8-r",
            0,
        ),
        (b"<meta charset=\"utf-16\">", "utf-8", 0),
        (b"<p>caf\xe9</p>", "windows-1252", 0),
    ];
    for (bytes, label, skip) in cases {
        assert_eq!(html::encoding(bytes), (label.to_string(), skip));
    }
    // Past the first 1024 bytes a declaration is not looked for.
    let mut late = vec![b' '; 1100];
    late.extend_from_slice(b"<meta charset=shift_jis>");
    assert_eq!(html::encoding(&late).0, "utf-8");
}

#[test]
fn scripts_boilerplate_and_hidden_elements_are_dropped_from_a_page() {
    let page = r#"<html><head><title> The  Compact </title><style>p{}</style></head><body>
      <nav>Menu</nav><header>Site</header><aside>Ads</aside><footer>Footer</footer>
      <script>alert(1)</script><noscript>Enable JS</noscript><template><p>T</p></template>
      <div hidden="">Hidden</div><p aria-hidden="true">Aria</p><p style="color:red; DISPLAY : none">None</p>
      <h2>Objective   <em>23</em></h2><p>Strengthen <a href="javascript:alert(1)" onclick="x()">cooperation</a><br/>and partnerships.</p>
      <ol start="4"><li><p>Fourth</p></li><li>Fifth<ul><li>nested</li></ul></li></ol>
      <table><caption>Years</caption><tr><th>A</th><th>B</th></tr><tr><td>1<p>x</p></td><td>2</td></tr></table>
      <pre>  kept
   as is</pre><img src="http://127.0.0.1:1/x.png" alt="img"/><iframe src="x">frame</iframe>
    </body></html>"#;
    let t = tree::parse_xml(page).unwrap();
    assert_eq!(html::title(&t).as_deref(), Some("The Compact"));
    // Bidi overrides in a title would show other words than it holds (the re-tester's
    // "evil" shown as "live"): they are left out, the letters kept.
    let spoof = "<html><head><title>\u{202E}live\u{202C} title \u{2067}שלום\u{2069}</title></head><body><p>x</p></body></html>";
    let spoofed = tree::parse_xml(spoof).unwrap();
    assert_eq!(html::title(&spoofed).as_deref(), Some("live title שלום"));
    assert_eq!(
        html::extract(&t).text,
        "Objective 23\n\nStrengthen cooperation\nand partnerships.\n\n4. Fourth\n\n5. Fifth\n\n  - nested\n\nYears\n\nA\tB\n1 x\t2\n\n  kept\n   as is"
    );
}

#[test]
fn a_page_is_titled_by_its_title_else_by_its_file_name() {
    let title_of = |page: &str, name: &str| {
        let extracted = html::extract(&tree::parse_xml(page).unwrap());
        let source = SourceFile {
            name: name.into(),
            media_type: "text/html".into(),
            size: page.len(),
            sha256: String::new(),
        };
        Document::from_extracted("id".into(), source, extracted)
            .unwrap()
            .title
    };
    let page = |head: &str| format!("<html><head>{head}</head><body><p>Text</p></body></html>");
    assert_eq!(
        title_of(
            &page("<title>\n  The   Global\tCompact \n</title>"),
            "gcm.html"
        ),
        "The Global Compact"
    );
    // No title, or one of white space only: the file's name, as before.
    assert_eq!(title_of(&page(""), "gcm.html"), "gcm");
    assert_eq!(title_of(&page("<title> \n </title>"), "gcm.html"), "gcm");
    // A title longer than a document's may be is cut to the limit.
    let long = "é".repeat(600);
    let got = title_of(&page(&format!("<title>{long}</title>")), "gcm.html");
    assert_eq!(
        got.chars().count(),
        crate::fields::Field::DocumentTitle.limit()
    );
}

/// Each bad document beside its `.expected` message part, committed or made by
/// `make.py`.
#[test]
fn every_bad_document_is_refused_with_its_message_naming_the_file() {
    let dir = root().join("tests/bad-documents");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let Some(name) = path
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .strip_suffix(".expected")
        else {
            continue;
        };
        let want = std::fs::read_to_string(&path).unwrap();
        let file = [dir.join(name), made().join("bad-documents").join(name)]
            .into_iter()
            .find(|p| p.exists())
            .unwrap_or_else(|| panic!("{name}: no such file"));
        let bytes = std::fs::read(file).unwrap();
        let said = match open(name, &bytes) {
            Ok(e) => panic!("{name} was opened: {:?}", e.text),
            Err(said) => said,
        };
        assert!(said.contains(want.trim()), "{name}: {said}");
        assert!(
            said.contains(&format!("“\u{2068}{name}\u{2069}”")),
            "{said}"
        );
        n += 1;
    }
    assert!(n >= 15, "only {n} bad documents");
}
