use super::*;
use crate::annotation::Annotation;
use crate::codes::{Codebook, OwnCode};
use crate::document::{Document, Origin};
use crate::extract::package::{inflate_native, Method, Package};
use crate::formats::incoming::Incoming;
use crate::formats::{ExportScope, Options};
use crate::text::{Cp, DocText};

const ACTOR: &str = "code-0f8e6c2a-1b3d-4e5f-8a9b-0c1d2e3f4a5b";
const NGO: &str = "code-9a8b7c6d-5e4f-4a3b-9c2d-1e0f2a3b4c5d";
const GAP: &str = "code-11111111-2222-4333-8444-555555555555";

/// Emoji (one outside the BMP, one a ZWJ sequence), a combining accent, Arabic, CRLF.
const TEXT: &str =
    "Line one 😀 e\u{301}te\u{301}\r\nمهاجرون في الطريق\r\nend 👩\u{200d}👩\u{200d}👧 ok";

fn codebook() -> Codebook {
    let own = |id: &str, name: &str, color: &str, parent: Option<&str>| OwnCode {
        id: id.into(),
        name: name.into(),
        color: color.into(),
        parent: parent.map(String::from),
        description: String::new(),
    };
    Codebook::new(vec![
        own(ACTOR, "Actor type", "#a6c8f5", Some("objective-5")),
        own(NGO, "NGO | civil society", "#f7b0b0", Some(ACTOR)),
        own(GAP, "فجوة التنفيذ", "#cfe08e", None),
    ])
}

fn doc(id: &str, title: &str, text: &str) -> Document {
    Document {
        id: id.into(),
        title: title.into(),
        description: String::new(),
        origin: Origin::User,
        text: DocText::new(text),
        source: None,
        pages: Vec::new(),
    }
}

fn ann(doc: &Document, start: usize, end: usize, tags: &[&str], note: &str) -> Annotation {
    Annotation {
        annotator_id: String::new(),
        origin: crate::annotation::Origin::Here,
        id: format!("a-{start}-{end}"),
        document: doc.id.clone(),
        start: Cp(start),
        end: Cp(end),
        quote: doc.text.slice(Cp(start), Cp(end)).unwrap().to_string(),
        prefix: String::new(),
        suffix: String::new(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        note: note.into(),
        created: 0,
        updated: 0,
        annotator: String::new(),
        provenance: None,
        whole_document: false,
    }
}

fn whole(doc: &Document, tags: &[&str], note: &str) -> Annotation {
    Annotation {
        quote: String::new(),
        start: Cp(0),
        end: Cp(0),
        whole_document: true,
        ..ann(doc, 0, 0, tags, note)
    }
}

fn cp(s: &str, needle: &str) -> usize {
    s[..s.find(needle).unwrap()].chars().count()
}

/// Two documents of the same title, passages of every kind.
fn fixture() -> (Vec<Document>, Codebook) {
    let d1 = doc("d1", "Émigrés & réfugiés", TEXT);
    let d2 = doc("d2", "Émigrés & réfugiés", "Second text.\nAnother line.");
    (vec![d1, d2], codebook())
}

fn annotations(docs: &[Document]) -> Vec<Annotation> {
    let d1 = &docs[0];
    let e = cp(TEXT, "😀");
    let across = (cp(TEXT, "e\u{301}te"), cp(TEXT, " في"));
    let rtl = (cp(TEXT, "مهاجرون"), cp(TEXT, " في"));
    let family = (cp(TEXT, "👩"), cp(TEXT, " ok"));
    vec![
        ann(d1, e, e + 1, &["objective-1"], ""),
        ann(
            d1,
            across.0,
            across.1,
            &["objective-5", ACTOR],
            "spans\r\ntwo lines",
        ),
        ann(d1, rtl.0, rtl.1, &[GAP, NGO], "ملاحظة"),
        ann(
            d1,
            family.0,
            family.1,
            &["principle-human-rights"],
            "a family",
        ),
        ann(&docs[1], 0, 6, &[ACTOR], ""),
        // Last: they are read back from document-tags.tsv, after the .ann files.
        whole(d1, &["objective-23", GAP], "the whole report"),
    ]
}

fn export(docs: &[Document], anns: &[Annotation], cb: &Codebook) -> Vec<u8> {
    let scope = ExportScope {
        documents: docs.iter().collect(),
        annotations: anns.iter().collect(),
        orphans: Vec::new(),
        codebook: cb,
    };
    let opts = Options {
        annotator: "Ana\tTab",
        annotator_id: "ana-id",
        assignment: Some("asg-1"),
        ..Options::default()
    };
    write(&scope, opts).unwrap()
}

/// Every entry of a zip, as text.
fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let mut p = Package::open(bytes).unwrap();
    let names: Vec<String> = p.names().map(String::from).collect();
    names
        .into_iter()
        .map(|n| {
            let part = p.part(&n).unwrap().unwrap();
            let data = match part.method {
                Method::Stored => part.data,
                Method::Deflated => inflate_native(&part, 1 << 24).unwrap(),
            };
            (n, String::from_utf8(data).unwrap())
        })
        .collect()
}

fn file<'a>(files: &'a [(String, String)], name: &str) -> &'a str {
    &files.iter().find(|(n, _)| n == name).expect(name).1
}

fn read_back() -> (Vec<Annotation>, Incoming, Vec<(String, String)>) {
    let (docs, cb) = fixture();
    let anns = annotations(&docs);
    let files = unzip(&export(&docs, &anns, &cb));
    let back = read(files.clone()).unwrap();
    (anns, back, files)
}

/// Makers of passages as the fixture gives them: every other one Bo's, imported.
fn with_makers(mut anns: Vec<Annotation>) -> Vec<Annotation> {
    use crate::annotation::Origin;
    for (i, a) in anns.iter_mut().enumerate() {
        let bo = i % 2 == 1;
        a.annotator = if bo { "Bo ✍" } else { "Ana" }.into();
        a.annotator_id = if bo { "bo-id" } else { "ana-id" }.into();
        a.origin = if bo {
            Origin::Imported
        } else {
            Origin::Suggested
        };
    }
    anns
}

/// Who made each passage rides in annotators.tsv, which brat ignores, and comes back; the
/// file's row gives the exporter and the assignment.
#[test]
fn makers_and_origins_come_back_from_annotators_tsv() {
    let (docs, cb) = fixture();
    let anns = with_makers(annotations(&docs));
    let files = unzip(&export(&docs, &anns, &cb));
    let back = read(files.clone()).unwrap();
    assert_eq!(
        back.annotator.as_deref(),
        Some("Ana Tab"),
        "a tab is no cell's end"
    );
    assert_eq!(back.annotator_id.as_deref(), Some("ana-id"));
    assert_eq!(back.assignment.as_deref(), Some("asg-1"));
    let passages = anns.iter().filter(|a| !a.whole_document);
    let read_back = back.annotations.iter().filter(|a| !a.whole_document);
    let mut n = 0;
    for (a, b) in passages.zip(read_back) {
        assert_eq!(b.annotator.as_deref(), Some(a.annotator.as_str()));
        assert_eq!(b.annotator_id.as_deref(), Some(a.annotator_id.as_str()));
        assert_eq!(b.origin, Some(a.origin));
        n += 1;
    }
    assert_eq!(n, 5);
    // No `#` line of brat's own carries them: the notes are the user's alone.
    assert!(!file(&files, "émigrés-réfugiés.ann").contains("bo-id"));
}

#[test]
fn an_export_holds_a_text_and_an_ann_per_document_and_the_configuration() {
    let (_, _, files) = read_back();
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "annotation.conf",
            "visual.conf",
            "émigrés-réfugiés.txt",
            "émigrés-réfugiés.ann",
            "émigrés-réfugiés-2.txt",
            "émigrés-réfugiés-2.ann",
            DOCUMENT_TAGS,
            super::ANNOTATORS,
        ]
    );
    assert_eq!(
        file(&files, "émigrés-réfugiés.txt"),
        TEXT,
        "the text exactly"
    );
    let conf = file(&files, "annotation.conf");
    // Own codes nest by tabs under their parent: a GCM objective, then another own code.
    let actor = format!("\tActor_type_{}", &ACTOR[5..]);
    let ngo = format!("\t\tNGO_civil_society_{}", &NGO[5..]);
    let expect = format!("objective-5\n{actor}\n{ngo}\nobjective-6\n");
    assert!(conf.contains(&expect), "{conf}");
    assert!(conf.contains(&format!("\ncode_{}\n", &GAP[5..])), "{conf}");
    let visual = file(&files, "visual.conf");
    assert!(visual.contains(&format!(
        "NGO_civil_society_{} | NGO ¦ civil society\n",
        &NGO[5..]
    )));
    let o17 = crate::codebook::tag("objective-17").unwrap();
    let want = format!("objective-17 | {} | 17\n", o17.label());
    assert!(visual.contains(&want), "{visual}");
    assert!(visual.contains(&format!("code_{}\tbgColor:#cfe08e\n", &GAP[5..])));
    // Every type in annotation.conf is a brat token.
    for line in read::section(conf, "entities") {
        let t = line.trim_start_matches('\t');
        assert!(
            t.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'),
            "{t:?}"
        );
    }
}

#[test]
fn a_span_across_crlf_is_written_as_fragments_without_line_breaks() {
    let (_, _, files) = read_back();
    let ann = file(&files, "émigrés-réfugiés.ann");
    let line = ann
        .lines()
        .find(|l| l.contains("objective-5 "))
        .expect("the passage across lines");
    let spans = line.split('\t').nth(1).unwrap();
    assert_eq!(
        spans.matches(';').count(),
        1,
        "two lines, two fragments: {line}"
    );
    for f in spans.split_once(' ').unwrap().1.split(';') {
        let (s, e) = f.split_once(' ').unwrap();
        let (s, e): (usize, usize) = (s.parse().unwrap(), e.parse().unwrap());
        let text: String = TEXT.chars().skip(s).take(e - s).collect();
        assert!(!text.contains(['\r', '\n']), "{text:?}");
    }
    // One T line per tag, the note on the first, its line break a space.
    assert!(
        ann.contains("\tAnnotatorNotes T2\tspans two lines\n"),
        "{ann}"
    );
    assert!(
        ann.contains(&format!("T3\tActor_type_{} ", &ACTOR[5..])),
        "{ann}"
    );
}

#[test]
fn everything_comes_back_tags_notes_spans_and_codes() {
    let (anns, back, _) = read_back();
    let cb = codebook();
    assert_eq!(back.documents.len(), 2);
    assert_eq!(back.documents[0].text.as_deref(), Some(TEXT));
    assert_eq!(back.annotations.len(), anns.len());
    for (a, b) in anns.iter().zip(&back.annotations) {
        let key = if a.document == "d1" {
            "émigrés-réfugiés"
        } else {
            "émigrés-réfugiés-2"
        };
        assert_eq!(b.doc_key, key);
        assert_eq!(b.whole_document, a.whole_document);
        if !a.whole_document {
            assert_eq!((b.start, b.end), (Some(a.start.0), Some(a.end.0)), "{a:?}");
            assert_eq!(b.quote.as_deref(), Some(a.quote.as_str()));
        }
        let tags: Vec<String> = a.tags.iter().map(|t| type_of(&cb, t)).collect();
        assert_eq!(b.tags, tags);
        assert_eq!(b.note, a.note.replace("\r\n", " "));
    }
    // The own codes: their UUID, name, colour and nesting.
    let find = |id: &str| {
        back.codes
            .iter()
            .find(|c| c.guid.as_deref() == Some(&id[5..]))
            .unwrap()
    };
    let (actor, ngo, gap) = (find(ACTOR), find(NGO), find(GAP));
    assert_eq!(
        (actor.name.as_str(), actor.parent.as_deref()),
        ("Actor type", Some("objective-5"))
    );
    assert_eq!(ngo.parent.as_deref(), Some(actor.key.as_str()));
    assert_eq!(
        ngo.name, "NGO ¦ civil society",
        "a | is written ¦ in visual.conf"
    );
    assert_eq!(
        (gap.name.as_str(), gap.color.as_deref()),
        ("فجوة التنفيذ", Some("#cfe08e"))
    );
    assert_eq!(
        back.codes.len(),
        3,
        "GCM tags are tags, not codes: {:?}",
        back.codes
    );
    assert!(back.notes.is_empty(), "{:?}", back.notes);
}

#[test]
fn python_slices_every_exported_offset_to_its_quote() {
    let (docs, cb) = fixture();
    let bytes = export(&docs, &annotations(&docs), &cb);
    let path = std::env::temp_dir().join(format!("brat-{}.zip", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    let script = r#"
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
n = 0
for name in z.namelist():
    if not name.endswith('.ann'):
        continue
    text = z.read(name[:-4] + '.txt').decode('utf-8')
    for line in z.read(name).decode('utf-8').splitlines():
        if not line.startswith('T'):
            continue
        _, mid, quote = line.split('\t', 2)
        frags = [tuple(map(int, f.split(' '))) for f in mid.split(' ', 1)[1].split(';')]
        got = ' '.join(text[s:e] for s, e in frags)
        assert got == quote, (name, line, got)
        assert all('\r' not in text[s:e] and '\n' not in text[s:e] for s, e in frags), line
        n += 1
print(n)
"#;
    let out = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&path)
        .output();
    let _ = std::fs::remove_file(&path);
    let Ok(out) = out else { return };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // One T line per tag of every passage (the whole-document tags are not T lines).
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "7");
}

fn pair(ann: &str, text: &str) -> Vec<(String, String)> {
    vec![
        ("doc.txt".into(), text.into()),
        ("doc.ann".into(), ann.into()),
    ]
}

#[test]
fn same_spans_merge_and_other_lines_are_counted_not_read() {
    let text = "Safe and orderly migration.";
    let ann = "T1\tobjective-1 0 4\tSafe\nT2\tPerson 0 4\tSafe\nT3\tPerson 9 16\torderly\n\
               R1\tRel Arg1:T1 Arg2:T3\nA1\tNegated T1\nA2\tNegated T3\nE1\tEv:T1\nN1\tReference T1 Wikipedia:1\t\n\
               #1\tAnnotatorNotes T2\tmy note\n#2\tAnnotatorNotes R1\tabout a relation\n";
    let back = read(pair(ann, text)).unwrap();
    assert_eq!(back.annotations.len(), 2);
    assert_eq!(back.annotations[0].tags, ["objective-1", "Person"]);
    assert_eq!(back.annotations[0].note, "my note");
    assert_eq!(back.codes.len(), 1);
    assert_eq!(back.codes[0].name, "Person");
    assert_eq!(back.codes[0].guid, None);
    assert_eq!(
        back.notes,
        ["not read, as this app has no place for them: 1 relations (R), 2 attributes (A), 1 events (E), 1 normalizations (N), 1 notes on other than text-bound annotations"]
    );
}

#[test]
fn another_tools_unused_types_are_not_codes_but_used_ones_keep_their_parents() {
    let conf = "[entities]\nProtein\nEntity\n\tPerson\n\t\tMigrant\n\tPlace\n[relations]\n";
    let mut files = pair("T1\tMigrant 0 4\tSafe\n", "Safe text");
    files.push(("annotation.conf".into(), conf.into()));
    let back = read(files).unwrap();
    let codes: Vec<(&str, Option<&str>)> = back
        .codes
        .iter()
        .map(|c| (c.key.as_str(), c.parent.as_deref()))
        .collect();
    assert_eq!(
        codes,
        [
            ("Entity", None),
            ("Person", Some("Entity")),
            ("Migrant", Some("Person"))
        ]
    );
}

#[test]
fn fragments_join_across_line_breaks_and_a_discontinuous_span_splits() {
    let text = "first line\nsecond line and more";
    let ann = "T1\tX 6 10;11 17\tline second\nT2\tX 0 5;18 22\tfirst line\n";
    let back = read(pair(ann, text)).unwrap();
    let spans: Vec<_> = back
        .annotations
        .iter()
        .map(|a| (a.start.unwrap(), a.end.unwrap(), a.quote.clone().unwrap()))
        .collect();
    assert_eq!(
        spans,
        [
            (6, 17, "line\nsecond".to_string()),
            (0, 5, "first".into()),
            (18, 22, "line".into())
        ]
    );
    assert!(
        back.notes[0].starts_with("1 discontinuous span "),
        "{:?}",
        back.notes
    );
}

#[test]
fn offsets_from_brats_web_client_in_utf16_are_read_as_such_and_said() {
    // brat #1115: after 😀 the web client counts one more per astral character.
    let text = "😀 migrants and 😀 refugees arrive";
    let ann = "T1\tobjective-2 3 11\tmigrants\nT2\tobjective-3 19 27\trefugees\n";
    let back = read(pair(ann, text)).unwrap();
    let a = &back.annotations;
    assert_eq!((a[0].start, a[0].end), (Some(2), Some(10)));
    assert_eq!((a[1].start, a[1].end), (Some(17), Some(25)));
    assert!(back.notes[0].contains("UTF-16"), "{:?}", back.notes);
    // In code points they fit: read as they are, nothing said.
    let ann = "T1\tobjective-2 2 10\tmigrants\n";
    let back = read(pair(ann, text)).unwrap();
    assert_eq!(back.annotations[0].start, Some(2));
    assert!(back.notes.is_empty());
}

#[test]
fn offsets_from_brats_server_with_crlf_as_one_are_read_as_such_and_said() {
    // brat #853: brat reads the text with universal newlines, a CRLF is one character.
    let text = "Safe migration\r\nfor all\r\nand 😀 more";
    let ann = "T1\tobjective-2 15 18\tfor\nT2\tobjective-3 29 33\tmore\n";
    let back = read(pair(ann, text)).unwrap();
    let quotes: Vec<_> = back
        .annotations
        .iter()
        .map(|a| (a.start, a.quote.clone()))
        .collect();
    assert_eq!(
        quotes,
        [
            (Some(16), Some("for".into())),
            (Some(31), Some("more".into()))
        ]
    );
    assert!(back.notes[0].contains("#853"), "{:?}", back.notes);
    // brat's web client on the same text: UTF-16 and a CRLF as one.
    let ann = "T1\tobjective-3 30 34\tmore\n";
    let back = read(pair(ann, text)).unwrap();
    assert_eq!(back.annotations[0].start, Some(31));
    assert!(back.notes[0].contains("#1115 and #853"), "{:?}", back.notes);
}

#[test]
fn only_texts_with_an_ann_are_documents_and_a_bom_is_no_line() {
    let mut files = pair("\u{feff}T1\tobjective-1 0 4\tSafe\n", "Safe text");
    files.push(("README.txt".into(), "About this corpus".into()));
    let back = read(files).unwrap();
    assert_eq!(back.documents.len(), 1);
    assert_eq!(back.documents[0].title.as_deref(), Some("doc"));
    assert_eq!(back.annotations[0].tags, ["objective-1"]);
}

#[test]
fn an_ann_without_its_txt_is_refused() {
    let files = vec![("corpus/a.ann".to_string(), "T1\tX 0 1\ta\n".to_string())];
    assert_eq!(read(files).unwrap_err(), "“a.ann” has no “a.txt” beside it");
    assert_eq!(
        read(vec![("a.txt".into(), "x".into())]).unwrap_err(),
        "it holds no brat .ann file"
    );
}

/// The brat bad files: zips of `doc.txt` and `doc.ann`, each refused with its message.
#[test]
fn brat_bad_files_are_refused_with_their_message() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-files");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !(name.contains("-brat-") && name.ends_with(".zip")) {
            continue;
        }
        let expected = std::fs::read_to_string(format!("{}.expected", path.display())).unwrap();
        let files = unzip(&std::fs::read(&path).unwrap());
        let e = read(files).expect_err(&name);
        assert!(
            e.contains(expected.trim()),
            "{name}: {e}\n  expected: {}",
            expected.trim()
        );
        checked += 1;
    }
    assert!(checked >= 3, "{checked} brat bad files");
}

#[test]
fn ten_thousand_annotations_go_and_come_back() {
    let line = "Safe, orderly and regular migration 😀 across borders.\r\n";
    let text = line.repeat(2_500);
    let d = doc("big", "Big", &text);
    let cb = codebook();
    let per = line.chars().count();
    let mut anns = Vec::new();
    for i in 0..2_500 {
        let at = i * per;
        anns.push(ann(&d, at, at + 4, &["objective-1"], ""));
        anns.push(ann(&d, at + 6, at + 13, &[ACTOR], "n"));
        anns.push(ann(&d, at + 36, at + 37, &["objective-2", GAP], ""));
        // Across the CRLF into the next line: two fragments.
        if i < 2_499 {
            anns.push(ann(&d, at + 46, at + per + 4, &["objective-3"], ""));
        } else {
            anns.push(ann(&d, at + 46, at + 52, &["objective-4"], ""));
        }
    }
    let files = unzip(&export(std::slice::from_ref(&d), &anns, &cb));
    let back = read(files).unwrap();
    assert_eq!(back.annotations.len(), 10_000);
    for (a, b) in anns.iter().zip(&back.annotations) {
        assert_eq!((b.start, b.end), (Some(a.start.0), Some(a.end.0)));
    }
}

mod fuzz {
    use super::super::read;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Any .ann against any text, with brat-like pieces to reach the deeper paths: an
        /// answer, never a panic.
        #[test]
        fn any_ann_gets_an_answer(
            text in "[a-z😀\r\n é]{0,30}",
            lines in prop::collection::vec(
                ("[TRAE#N*x]", 0u8..3, "[a-zA-Z_-]{0,6}", 0usize..40, 0usize..40, "[a-z😀 \r]{0,6}", prop::bool::ANY),
                0..6,
            ),
            conf in "(\\[entities\\]\n)?(\t{0,3}[a-z!<]{0,5}\n){0,4}",
        ) {
            let ann: String = lines
                .iter()
                .map(|(k, n, ty, s, e, q, two)| {
                    let frags = if *two { format!("{s} {e};{e} {}", e + 3) } else { format!("{s} {e}") };
                    format!("{k}{n}\t{ty} {frags}\t{q}\n")
                })
                .collect();
            let files = vec![
                ("d.txt".to_string(), text),
                ("d.ann".to_string(), ann),
                ("annotation.conf".to_string(), conf),
                ("document-tags.tsv".to_string(), "document\ttypes\tnote\nd\tX\t\n".to_string()),
            ];
            let _ = read(files);
        }
    }
}
