use super::record;

#[test]
fn records_quote_only_what_rfc_4180_needs_and_read_back() {
    let rows: [&[&str]; 5] = [
        &["plain", "a,b", "say \"hi\"", "two\r\nlines", "", "é"],
        &[""],
        &["only\nLF", "x"],
        &["only\rCR"],
        &["", ""],
    ];
    let mut out = String::new();
    for row in rows {
        record(&mut out, row.iter());
    }
    // The same bytes as the csv crate's writer (which the app used before).
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(Vec::new());
    for row in rows {
        w.write_record(row).unwrap();
    }
    assert_eq!(out.as_bytes(), w.into_inner().unwrap());
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(out.as_bytes());
    let back: Vec<Vec<String>> = r
        .records()
        .map(|x| x.unwrap().iter().map(String::from).collect())
        .collect();
    let want: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|s| s.to_string()).collect())
        .collect();
    assert_eq!(back, want);
}

mod read_back {
    use super::super::{defuse, read, records, undefuse, write, HEADER};
    use crate::annotation::Annotation;
    use crate::codes::{Codebook, OwnCode};
    use crate::document::{Document, Origin};
    use crate::formats::ExportScope;
    use crate::text::{Cp, DocText};

    const OWN: &str = "code-0f8e6c2a-1b3d-4e5f-8a9b-0c1d2e3f4a5b";
    const TEXT: &str = "=1+1 😀 e\u{301}te\u{301}\r\nمهاجرون في الطريق\r\n'tis the end";

    fn doc() -> Document {
        Document {
            id: "doc-1".into(),
            title: "=HYPERLINK(\"x\"), réfugiés".into(),
            description: String::new(),
            origin: Origin::User,
            text: DocText::new(TEXT),
            source: None,
            pages: Vec::new(),
        }
    }

    fn at(needle: &str) -> usize {
        TEXT[..TEXT.find(needle).unwrap()].chars().count()
    }

    fn ann(d: &Document, span: (usize, usize), tags: &[&str], note: &str, who: &str) -> Annotation {
        use crate::annotation::Origin;
        Annotation {
            // A maker's id and origin of each kind, one starting like a formula.
            annotator_id: format!("{who}-id"),
            origin: match who {
                "Bo" => Origin::Imported,
                "''=Cy" => Origin::Suggested,
                _ => Origin::Here,
            },
            id: format!("a{}", span.0),
            document: d.id.clone(),
            start: Cp(span.0),
            end: Cp(span.1),
            quote: d.text.slice(Cp(span.0), Cp(span.1)).unwrap().into(),
            prefix: String::new(),
            suffix: String::new(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            note: note.into(),
            created: 1_764_000_000_123,
            updated: 1_764_000_000_123,
            annotator: who.into(),
            provenance: None,
            whole_document: false,
        }
    }

    fn exported() -> (String, Vec<Annotation>) {
        let d = doc();
        let cb = Codebook::new(vec![OwnCode {
            id: OWN.into(),
            name: "=evil, \"quoted\"".into(),
            color: "#a6c8f5".into(),
            parent: Some("objective-5".into()),
            description: String::new(),
        }]);
        let anns = vec![
            ann(
                &d,
                (0, 4),
                &["objective-1"],
                "-x starts like a formula",
                "'Ann",
            ),
            ann(
                &d,
                (at("😀"), at(" في")),
                &["objective-5", OWN],
                "two\r\nlines, \"q\"",
                "Bo",
            ),
            ann(
                &d,
                (at("'tis"), at(" the")),
                &["principle-human-rights"],
                "'tis mine",
                "''=Cy",
            ),
            Annotation {
                start: Cp(0),
                end: Cp(0),
                quote: String::new(),
                whole_document: true,
                ..ann(&d, (0, 0), &["objective-23", OWN], "the whole report", "Bo")
            },
        ];
        let scope = ExportScope {
            documents: vec![&d],
            annotations: anns.iter().collect(),
            orphans: Vec::new(),
            codebook: &cb,
        };
        let opts = crate::formats::Options {
            assignment: Some("=asg-1"),
            ..Default::default()
        };
        (write(&scope, opts), anns)
    }

    #[test]
    fn our_own_export_reads_back_with_tags_notes_spans_and_codes() {
        let (csv, anns) = exported();
        let back = read(&csv).unwrap();
        assert_eq!(back.documents.len(), 1);
        assert_eq!(back.documents[0].id.as_deref(), Some("doc-1"));
        assert_eq!(
            back.documents[0].title.as_deref(),
            Some(doc().title.as_str())
        );
        assert_eq!(
            back.annotations.len(),
            anns.len(),
            "one annotation per span, not per row"
        );
        for (a, b) in anns.iter().zip(&back.annotations) {
            assert_eq!(b.tags, a.tags);
            assert_eq!(b.note, a.note);
            assert_eq!(b.annotator.as_deref(), Some(a.annotator.as_str()));
            assert_eq!(b.annotator_id.as_deref(), Some(a.annotator_id.as_str()));
            assert_eq!(b.origin, Some(a.origin));
            assert_eq!(b.created, Some(a.created));
            assert_eq!(b.whole_document, a.whole_document);
            if a.whole_document {
                assert_eq!((b.start, b.end, b.quote.as_deref()), (None, None, None));
            } else {
                assert_eq!((b.start, b.end), (Some(a.start.0), Some(a.end.0)));
                assert_eq!(b.quote.as_deref(), Some(a.quote.as_str()));
            }
        }
        assert_eq!(back.assignment.as_deref(), Some("=asg-1"));
        assert!(csv.contains(",'=asg-1,"), "defused");
        // The text's SHA-256, by which a browser that has it under another id finds it.
        let hash = doc().text.sha256_hex().to_string();
        assert_eq!(back.documents[0].sha256.as_deref(), Some(hash.as_str()));
        // A table of the version before (no provenance columns) reads as it did.
        let older: String = records(&csv)
            .unwrap()
            .iter()
            .map(|row| {
                let mut out = String::new();
                super::super::record(&mut out, &row[..HEADER.len()]);
                out
            })
            .collect();
        let old = read(&older).unwrap();
        assert_eq!(old.annotations.len(), anns.len());
        assert!(old
            .annotations
            .iter()
            .all(|a| a.annotator_id.is_none() && a.origin.is_none()));
        assert_eq!(back.codes.len(), 1);
        assert_eq!(back.codes[0].key, OWN);
        assert_eq!(back.codes[0].name, "=evil, \"quoted\"");
        assert_eq!(back.codes[0].guid.as_deref(), Some(&OWN[5..]));
        // Another table's code id that is no UUID: a code by its name, without a GUID.
        let other = csv.replace(OWN, "code-actor");
        let back = read(&other).unwrap();
        assert_eq!(
            (back.codes[0].key.as_str(), back.codes[0].guid.as_deref()),
            ("code-actor", None)
        );
    }

    #[test]
    fn the_export_guards_formulas_and_writes_whole_document_rows_without_offsets() {
        let (csv, _) = exported();
        assert!(csv.starts_with("\u{feff}document,document_title,start,end,page,quote,tag,"));
        let rows = records(&csv).unwrap();
        let col = |name: &str| HEADER.iter().position(|h| *h == name).unwrap();
        // The own code's name is guarded as any cell a file can fill.
        let own = rows.iter().find(|r| r[col("tag")] == OWN).unwrap();
        assert_eq!(own[col("tag_label")], "'=evil, \"quoted\"");
        assert_eq!(own[col("document_title")], "'=HYPERLINK(\"x\"), réfugiés");
        let whole = rows
            .iter()
            .find(|r| r[col("tag")] == "objective-23")
            .unwrap();
        assert_eq!(
            [
                &whole[col("start")],
                &whole[col("end")],
                &whole[col("page")],
                &whole[col("quote")]
            ],
            ["", "", "", ""]
        );
        let first = &rows[1];
        assert_eq!(first[col("quote")], "'=1+1");
        assert_eq!(first[col("note")], "'-x starts like a formula");
        assert_eq!(
            first[col("annotator")],
            "'Ann",
            "a real apostrophe is not doubled"
        );
    }

    #[test]
    fn the_guard_comes_off_exactly_where_it_was_put() {
        for cell in [
            "=1", "'=1", "''=1", "'tis", "'", "-x", "- x", "plain", "", "@a", "+1",
        ] {
            assert_eq!(undefuse(&defuse(cell)), cell, "{cell:?}");
        }
        assert_eq!(undefuse("'tis"), "'tis");
        assert_eq!(undefuse("'=1"), "=1");
        assert_eq!(defuse("'=1"), "''=1");
    }

    #[test]
    fn a_table_saved_again_without_bom_and_with_lf_line_ends_reads_the_same() {
        let (csv, _) = exported();
        let want = read(&csv).unwrap();
        let resaved = csv.trim_start_matches('\u{feff}').replace("\r\n", "\n");
        let back = read(&resaved).unwrap();
        assert_eq!(back.annotations.len(), want.annotations.len());
        // The note's own CRLF was inside quotes: it is LF now, as the editor saved it.
        assert_eq!(back.annotations[1].note, "two\nlines, \"q\"");
        assert_eq!(back.annotations[0], want.annotations[0]);
    }

    #[test]
    fn bad_csv_is_refused_naming_the_row() {
        let (csv, _) = exported();
        let e = read("a,b\r\n1,2\r\n").unwrap_err();
        assert!(e.starts_with("its first row is not the header"), "{e}");
        let broken = csv.replacen(",0,4,", ",zero,4,", 1);
        assert_eq!(
            read(&broken).unwrap_err(),
            "row 2: its start “zero” is not a number"
        );
        let short = format!("{}\r\nx,y\r\n", HEADER.join(","));
        assert_eq!(read(&short).unwrap_err(), "row 2 has 2 cells, not 11");
        let open = format!("{}\r\n\"x,", HEADER.join(","));
        assert_eq!(
            read(&open).unwrap_err(),
            "row 2 has a quoted cell that is never closed"
        );
    }

    #[test]
    fn csv_bad_files_are_refused_with_their_message() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-files");
        let mut checked = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if !name.ends_with(".csv") {
                continue;
            }
            let expected = std::fs::read_to_string(format!("{}.expected", path.display())).unwrap();
            let text = std::fs::read_to_string(&path).unwrap();
            let e = read(&text).expect_err(&name);
            assert!(
                e.contains(expected.trim()),
                "{name}: {e}\n  expected: {}",
                expected.trim()
            );
            checked += 1;
        }
        assert!(checked >= 2, "{checked} CSV bad files");
    }
}

mod fuzz {
    use super::super::{read, HEADER};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Any text after the header (quotes, commas, line breaks, numbers): an answer, never
        /// a panic.
        #[test]
        fn any_table_gets_an_answer(body in "[a-z0-9,\"'=\r\n-]{0,80}", header in prop::bool::ANY) {
            let text = if header { format!("{}\r\n{body}", HEADER.join(",")) } else { body };
            let _ = read(&text);
        }
    }
}
