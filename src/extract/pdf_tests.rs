//! Native tests of the PDF text rules (`super`), on synthetic pdf.js text items: PDF user
//! space, y growing upward.

use super::*;

/// An item of a line at height `y`, starting at `x`, 10 units tall, 6 units a character.
fn item(text: &str, x: f64, y: f64, eol: bool) -> Item {
    Item {
        text: text.to_string(),
        x,
        y,
        width: 6.0 * text.chars().count() as f64,
        height: 10.0,
        eol,
    }
}

/// A page of lines, one item each, 12 units apart, starting at y = 700; "" leaves a
/// blank line's gap.
fn page(lines: &[&str]) -> Vec<Item> {
    let mut y = 700.0;
    let mut out = Vec::new();
    for l in lines {
        if !l.is_empty() {
            out.push(item(l, 72.0, y, true));
        }
        y -= 12.0;
    }
    out
}

fn read(pages: &[Vec<Item>]) -> Extracted {
    assemble(pages.iter().map(|p| lines(p)).collect())
}

const FULL: &str = "a full line of text that reaches the right margin of the column ok";

#[test]
fn items_on_one_baseline_make_one_line_and_white_space_collapses() {
    let items = vec![
        item("Hello,", 72.0, 700.0, false),
        item("  ", 108.0, 700.0, false),
        item("world", 120.0, 700.4, true),
        item("", 0.0, 0.0, true),
        item("next", 72.0, 688.0, false),
        item("line", 72.0, 676.0, false),
    ];
    let got: Vec<String> = lines(&items).into_iter().map(|l| l.text).collect();
    assert_eq!(got, ["Hello, world", "next", "line"]);
}

#[test]
fn lines_join_into_paragraphs_split_by_a_gap_or_a_short_sentence_end() {
    let p = page(&[
        FULL,
        FULL,
        "short end.",
        "New paragraph after a short line that ends a sentence, then",
        FULL,
        "",
        "After a gap",
    ]);
    let e = read(&[p]);
    assert_eq!(
        e.text,
        format!(
            "{FULL} {FULL} short end.\n\nNew paragraph after a short line that ends a sentence, then {FULL}\n\nAfter a gap"
        )
    );
    assert_eq!(e.pages, vec![Cp(0)]);
}

#[test]
fn a_page_of_one_line_paragraphs_keeps_them_apart() {
    let mut items = Vec::new();
    for (i, t) in ["Skip to content", "Discussion", "Questions"]
        .iter()
        .enumerate()
    {
        items.push(item(t, 72.0, 700.0 - 24.0 * i as f64, true));
    }
    items.push(item("\u{0}", 72.0, 600.0, true));
    assert_eq!(
        read(&[items]).text,
        "Skip to content\n\nDiscussion\n\nQuestions"
    );
}

#[test]
fn a_full_line_ending_a_sentence_does_not_break_the_paragraph() {
    let full_stop = format!("{FULL}.");
    let e = read(&[page(&[&full_stop, FULL, "end"])]);
    assert_eq!(e.text, format!("{full_stop} {FULL} end"));
}

#[test]
fn a_word_hyphenated_at_a_line_end_is_rejoined_only_before_lower_case() {
    let e = read(&[page(&[
        "the inter-",
        "national order, a well-",
        "Known name, a 1990-",
        "era pact, à-",
        "émigré",
    ])]);
    assert_eq!(
        e.text,
        "the international order, a well-Known name, a 1990- era pact, àémigré"
    );
}

#[test]
fn a_heading_in_larger_type_is_its_own_paragraph() {
    let mut items = vec![Item {
        height: 16.0,
        ..item("Objective 1", 72.0, 720.0, true)
    }];
    items.extend(page(&["Collect data", "and use it"]));
    assert_eq!(
        read(&[items]).text,
        "Objective 1\n\nCollect data and use it"
    );
}

#[test]
fn running_headers_footers_and_page_numbers_are_left_out_from_three_pages() {
    let pages: Vec<Vec<Item>> = (1..=4)
        .map(|n| {
            let number = n.to_string();
            let body = ["Who", "What", "Where", "When"][n - 1];
            page(&["GCM review 2026", "", "", "", body, "", "", "", &number])
        })
        .collect();
    let e = read(&pages);
    assert_eq!(e.text, "Who\n\nWhat\n\nWhere\n\nWhen");
    assert_eq!(e.pages, vec![Cp(0), Cp(5), Cp(11), Cp(18)]);
    // Two pages are too few to tell a running header from text.
    let two = read(&pages[..2]);
    assert!(two.text.starts_with("GCM review 2026"), "{}", two.text);
}

#[test]
fn running_lines_are_found_in_the_order_chromium_prints_them() {
    // Chromium's print gives the header, then the footer, then the body (here ending in
    // a running line of its own).
    let pages: Vec<Vec<Item>> = (1..=3)
        .map(|n| {
            let mut items = vec![
                item("GCM review 2026", 72.0, 800.0, true),
                item(&n.to_string(), 72.0, 40.0, true),
            ];
            let body = [["Who", "asks"], ["What", "matters"], ["Where", "to"]][n - 1];
            items.extend(page(&body));
            items.push(item("Draft, do not cite", 72.0, 60.0, true));
            items
        })
        .collect();
    let e = read(&pages);
    assert_eq!(e.text, "Who asks\n\nWhat matters\n\nWhere to");
}

#[test]
fn a_line_on_half_of_the_pages_only_is_kept() {
    let pages = vec![
        page(&["Same first line", "one"]),
        page(&["Same first line", "two"]),
        page(&["Other", "three"]),
        page(&["Another", "four"]),
    ];
    assert!(read(&pages).text.contains("Same first line"));
}

/// Pages as Chromium prints an HTML page per sheet (`tests/documents`): a first line from
/// `first(n)` at the top of page n, `height` tall, then one body paragraph of 10-unit type
/// after a gap.
fn pages_led_by(first: impl Fn(usize) -> String, height: f64, count: usize) -> Vec<Vec<Item>> {
    (1..=count)
        .map(|n| {
            let mut items = vec![Item {
                height,
                ..item(&first(n), 72.0, 733.5, true)
            }];
            let body = format!("The body of page {n} about migration governance.");
            items.push(item(&body, 72.0, 703.5, true));
            items
        })
        .collect()
}

#[test]
fn a_heading_numbered_like_the_page_on_every_page_is_kept() {
    // "Section 1" … "Section 4" in 18-unit type, one at the top of each page.
    let e = read(&pages_led_by(|n| format!("Section {n}"), 18.0, 4));
    assert!(
        e.text.starts_with("Section 1\n\nThe body of page 1"),
        "{}",
        e.text
    );
    assert_eq!(e.text.matches("Section").count(), 4, "{}", e.text);
}

#[test]
fn a_body_line_with_a_changing_number_at_the_top_of_every_page_is_kept() {
    // A line of body type with a number that changes from page to page: text, not a running
    // header (one in smaller type, a bare page number or the same line verbatim would be).
    let e = read(&pages_led_by(|n| format!("Z{n:03}Q marker."), 10.0, 5));
    for n in 1..=5 {
        assert!(e.text.contains(&format!("Z{n:03}Q marker.")), "{}", e.text);
    }
}

#[test]
fn a_document_of_only_repeated_lines_keeps_them_all() {
    // One line a page, the same but for its number: leaving it out would leave nothing,
    // and the PDF would be called a scan.
    let pages: Vec<Vec<Item>> = (1..=3)
        .map(|n| page(&[&format!("Article {n}. States shall cooperate.")]))
        .collect();
    let e = read(&pages);
    assert_eq!(
        e.text,
        "Article 1. States shall cooperate.\n\nArticle 2. States shall cooperate.\n\nArticle 3. States shall cooperate."
    );
    // Nor is a page emptied by lines that are running lines elsewhere.
    let mut pages: Vec<Vec<Item>> = (1..=3)
        .map(|n| {
            page(&[
                "GCM review 2026",
                "",
                "",
                "",
                ["Who", "What", "Where"][n - 1],
                "",
                "",
                "",
                &n.to_string(),
            ])
        })
        .collect();
    pages.push(page(&["GCM review 2026", "", "", "", "", "", "", "", "4"]));
    let e = read(&pages);
    // (Its header has no body to be set apart from, so it stays; its page number goes.)
    assert_eq!(e.text, "Who\n\nWhat\n\nWhere\n\nGCM review 2026");
}

#[test]
fn a_repeated_line_is_running_only_at_the_same_height_and_when_short() {
    // The same first line, but lower on each page (a heading after text that flows).
    let pages: Vec<Vec<Item>> = (0..4)
        .map(|n| {
            let mut items = vec![item(
                "States shall cooperate.",
                72.0,
                700.0 - 40.0 * n as f64,
                true,
            )];
            items.push(item("Body", 72.0, 600.0 - 40.0 * n as f64, true));
            items
        })
        .collect();
    assert_eq!(
        read(&pages).text.matches("States shall cooperate.").count(),
        4
    );
    // A long line, the same at the top of every page.
    let long = "A long sentence that is repeated at the top of every page, though it is far longer than any header.";
    let pages: Vec<Vec<Item>> = (0..4).map(|_| page(&[long, "", "Body"])).collect();
    assert_eq!(read(&pages).text.matches(long).count(), 4);
}

#[test]
fn smaller_running_lines_bare_page_numbers_and_verbatim_lines_are_left_out() {
    // As Chromium prints a header and a footer in smaller type, after the body (here more
    // characters than the body's); a line the same on each page; a page number in each
    // style.
    let roman = ["i", "ii", "iii", "iv"];
    let numbers: [&dyn Fn(usize) -> String; 4] = [
        &|n| n.to_string(),
        &|n| format!("- {n} -"),
        &|n| format!("Page {n} of 4"),
        &|n| roman[n - 1].to_string(),
    ];
    for number in numbers {
        let pages: Vec<Vec<Item>> = (1..=4)
            .map(|n| {
                let small = |t: &str, y: f64| Item {
                    height: 8.0,
                    ..item(t, 24.0, y, true)
                };
                let mut items = page(&[
                    "Draft, do not cite",
                    "",
                    "",
                    "",
                    ["Who", "What", "Where", "When"][n - 1],
                ]);
                items.push(small(&format!("12/1/26, 5:0{n} AM Running Title"), 769.5));
                items.push(small(&format!("file:///work/hf.html {n}/4"), 17.25));
                items.push(item(&number(n), 300.0, 40.0, true));
                items
            })
            .collect();
        assert_eq!(
            read(&pages).text,
            "Who\n\nWhat\n\nWhere\n\nWhen",
            "{}",
            number(3)
        );
    }
}
#[test]
fn two_columns_are_read_column_by_column_as_pdf_js_orders_them() {
    // pdf.js gives the left column first, then the right one, starting at the top again.
    let mut items = Vec::new();
    for (i, t) in ["left one, a longer line", "left two."].iter().enumerate() {
        items.push(item(t, 72.0, 700.0 - 12.0 * i as f64, true));
    }
    for (i, t) in ["right one", "right two"].iter().enumerate() {
        items.push(item(t, 320.0, 700.0 - 12.0 * i as f64, true));
    }
    assert_eq!(
        read(&[items]).text,
        "left one, a longer line left two.\n\nright one right two"
    );
}

#[test]
fn page_starts_count_code_points_of_emoji_rtl_and_combining_marks() {
    let pages = vec![
        page(&["Migrants 🧳🌍 e\u{301}"]),
        page(&["مرحبا بالعالم"]),
        page(&[]),
        page(&["𝔊𝔠𝔪 end"]),
    ];
    let e = read(&pages);
    assert_eq!(e.text, "Migrants 🧳🌍 e\u{301}\n\nمرحبا بالعالم\n\n𝔊𝔠𝔪 end");
    let cps: Vec<char> = e.text.chars().collect();
    assert_eq!(e.pages.len(), 4);
    assert_eq!(e.pages[0], Cp(0));
    let at = |p: usize| cps[e.pages[p].0..].iter().take(3).collect::<String>();
    assert_eq!(at(1), "مرح");
    // The empty page starts where the next one does.
    assert_eq!(e.pages[2], e.pages[3]);
    assert_eq!(at(3), "𝔊𝔠𝔪");
}

#[test]
fn a_right_to_left_line_given_left_to_right_is_read_from_its_right_end() {
    // As pdf.js gives Chromium's print of "مرحبا بالعالم، GCM 2030." and of a Hebrew
    // line: items left to right, each in logical order.
    let items: Vec<Item> = [".", "GCM", " ", "2030", " ", "،", "بالعالم", " ", "مرحبا"]
        .iter()
        .enumerate()
        .map(|(i, t)| item(t, 72.0 + 30.0 * i as f64, 700.0, false))
        .chain([
            item("פסקה", 72.0, 688.0, false),
            item(" ", 110.0, 688.0, false),
            item("זו", 120.0, 688.0, true),
        ])
        .collect();
    let got: Vec<String> = lines(&items).into_iter().map(|l| l.text).collect();
    assert_eq!(got, ["مرحبا بالعالم، GCM 2030.", "זו פסקה"]);
    // A left-to-right line with an Arabic word keeps its order.
    let mixed = vec![
        item("The word", 72.0, 700.0, false),
        item(" ", 120.0, 700.0, false),
        item("سلام", 130.0, 700.0, true),
    ];
    assert_eq!(lines(&mixed)[0].text, "The word سلام");
}

#[test]
fn a_document_without_text_gives_empty_text() {
    let e = read(&[vec![item(" ", 0.0, 0.0, true)], vec![]]);
    assert_eq!(e.text, "");
    assert_eq!(e.pages, vec![Cp(0), Cp(0)]);
}

/// The items of one line at y = 700, left to right and side by side, as pdf.js gives them.
fn line_of(texts: &[&str]) -> Vec<Item> {
    let mut x = 72.0;
    let mut out = Vec::new();
    for t in texts {
        let it = item(t, x, 700.0, false);
        x += it.width;
        out.push(it);
    }
    out
}

#[test]
fn a_left_to_right_line_holding_a_right_to_left_word_keeps_its_order() {
    // As pdf.js gives Chromium's print of "Mixed: the word مرحبا inside an English
    // sentence.": the Arabic word one letter an item, left to right as drawn.
    let items = line_of(&[
        "Mixed: the word",
        " ",
        "ا",
        "ب",
        "ح",
        "ر",
        "م",
        " ",
        "inside an English sentence.",
    ]);
    assert_eq!(
        lines(&items)[0].text,
        "Mixed: the word مرحبا inside an English sentence."
    );
    // Two Arabic words and a number between them: the words swap, the number reads as is.
    let items = line_of(&[
        "In",
        " ",
        "بالعالم",
        " ",
        "2018",
        " ",
        "مرحبا",
        " ",
        "it says.",
    ]);
    assert_eq!(lines(&items)[0].text, "In مرحبا 2018 بالعالم it says.");
}

#[test]
fn a_right_to_left_line_holding_a_left_to_right_word_or_a_number_is_read_from_its_right_end() {
    // "الميثاق العالمي للهجرة GCM" and "عام 2018", drawn left to right: one long Arabic
    // item outweighs one Latin item.
    let items = line_of(&["GCM", " ", "الميثاق العالمي للهجرة"]);
    assert_eq!(lines(&items)[0].text, "الميثاق العالمي للهجرة GCM");
    let items = line_of(&["2018", " ", "عام"]);
    assert_eq!(lines(&items)[0].text, "عام 2018");
}

#[test]
fn the_items_of_a_line_are_read_in_the_order_they_are_drawn() {
    // A producer may draw a line's words out of order (a footnote mark after the line).
    let items = vec![
        item("Migrants", 72.0, 700.0, false),
        item("contribute.", 138.0, 700.0, false),
        item("1", 200.0, 703.0, false),
        item(" ", 120.0, 700.0, false),
    ];
    assert_eq!(lines(&items)[0].text, "Migrants contribute.1");
}

/// Lines of a column starting at (x, y), 12 units apart; the last ends without `hasEOL`.
fn column(items: &mut Vec<Item>, x: f64, y: f64, lines: &[&str]) {
    for (i, t) in lines.iter().enumerate() {
        let last = i + 1 == lines.len();
        items.push(item(t, x, y - 12.0 * i as f64, !last));
    }
}

#[test]
fn a_column_change_and_a_gap_inside_a_column_both_start_a_paragraph() {
    // As pdf.js gives Chromium's print of a two-column page: each paragraph's last line is
    // followed by an empty item that ends it, at the next line's start (here the top of the
    // right column); paragraphs 22.5 units apart, lines 12, columns 240 units wide.
    const COL: &str = "a full line of a column, forty characters";
    let mut items = Vec::new();
    column(&mut items, 33.75, 749.25, &[COL, "regular pathways."]);
    items.push(item("", 33.75, 713.25, true));
    column(&mut items, 33.75, 713.25, &[COL, "ullamco laboris."]);
    items.push(item("", 311.25, 749.25, true));
    column(&mut items, 311.25, 749.25, &[COL, "id est laborum."]);
    let e = read(std::slice::from_ref(&items));
    assert_eq!(
        e.text,
        format!("{COL} regular pathways.\n\n{COL} ullamco laboris.\n\n{COL} id est laborum.")
    );
    // The empty item is no part of the line's extent.
    let line = &lines(&items)[3];
    assert_eq!(
        (line.text.as_str(), line.right),
        ("ullamco laboris.", 33.75 + 96.0)
    );
    // A paragraph runs on into the next column from a full line that ends no sentence;
    // it ends at a short line or at a sentence's end.
    let mut items = Vec::new();
    column(&mut items, 33.75, 749.25, &[COL, COL]);
    column(&mut items, 311.25, 749.25, &[COL, "a short line"]);
    column(
        &mut items,
        33.75,
        600.0,
        &[COL, "and a full line, that ends a sentence."],
    );
    column(&mut items, 311.25, 749.25, &[COL, "end"]);
    assert_eq!(
        read(&[items]).text,
        format!("{COL} {COL} {COL} a short line\n\n{COL} and a full line, that ends a sentence.\n\n{COL} end")
    );
    // A line across both columns, above them, is no part of the left one (as the e2e
    // test's report prints its third page).
    let mut items = vec![item(FULL, 33.75, 780.0, true)];
    column(&mut items, 33.75, 749.25, &[COL, COL]);
    column(&mut items, 311.25, 749.25, &[COL, "end."]);
    assert_eq!(
        read(&[items]).text,
        format!("{FULL}\n\n{COL} {COL} {COL} end.")
    );
}

/// The items of a tester's file, hft.pdf (issue 18; Chromium's print of five one-paragraph
/// pages with a running header and a page number), page `n` of 5: the body's second line,
/// "the print template.", is at the same height and the same on pages 2 to 5.
fn hft_page(n: usize) -> Vec<Item> {
    let top = if n == 1 { 703.5 } else { 697.5 };
    let it = |text: &str, x, y, width, height, eol| Item {
        text: text.to_string(),
        x,
        y,
        width,
        height,
        eol,
    };
    vec![
        it(
            &format!("Body text of page {n}, concerning migrant workers and their families, in a document with a running header from"),
            33.75, top, 531.18, 12.0, true,
        ),
        it("the print template.", 33.75, top - 13.5, 87.64, 12.0, false),
        it("", 239.03, 771.0, 0.0, 0.0, true),
        it("UN Network on Migration – Annual Brief", 239.03, 771.0, 133.93, 6.75, true),
        it(&n.to_string(), 303.84, 16.5, 4.29, 6.75, false),
    ]
}

#[test]
fn a_body_line_repeated_at_the_same_height_is_kept_when_not_set_apart() {
    let e = read(&(1..=5).map(hft_page).collect::<Vec<_>>());
    assert_eq!(
        e.text.matches("the print template.").count(),
        5,
        "{}",
        e.text
    );
    assert!(!e.text.contains("Annual Brief"), "{}", e.text);
    assert!(
        e.text.ends_with("header from the print template."),
        "{}",
        e.text
    );
}

/// The lines of a tester's file, hyph.pdf (a 9.5em column of 14pt type printed by Chromium),
/// and the paragraph as its HTML source has it.
const HYPH: [&str; 17] = [
    "Migrants need access",
    "to well-being services",
    "and self-employment",
    "schemes and evidence-",
    "based policies from the",
    "Asia-Pacific region and",
    "community-based",
    "organisations, co-",
    "operation and pre-",
    "departure orientation,",
    "follow-up and cross-",
    "border post-conflict",
    "age-sensitive gender-",
    "responsive child-",
    "sensitive whole-of-",
    "government",
    "approaches.",
];
const HYPH_SOURCE: &str = "Migrants need access to well-being services and self-employment schemes and evidence-based policies from the Asia-Pacific region and community-based organisations, co-operation and pre-departure orientation, follow-up and cross-border post-conflict age-sensitive gender-responsive child-sensitive whole-of-government approaches.";

#[test]
fn a_compound_hyphenated_at_a_line_end_keeps_its_hyphen() {
    assert_eq!(read(&[page(&HYPH)]).text, HYPH_SOURCE);
}

#[test]
fn a_hyphen_is_kept_when_the_document_shows_the_compound_and_dropped_otherwise() {
    // "state-led" is written whole on the page, so its line-end break keeps the hyphen;
    // "prevent" is written closed elsewhere, so "pre-" + "vent" is joined though "pre" is a
    // prefix word; a suffix after a prefix word ("high-est") is a word broken, not a compound.
    let e = read(&[page(&[
        "a state-",
        "led plan, a state-led one, to pre-",
        "vent harm; we prevent it at the high-",
        "est level; the inter-",
        "national evi\u{ad}",
        "dence and cross\u{ad}",
        "ing",
    ])]);
    assert_eq!(
        e.text,
        "a state-led plan, a state-led one, to prevent harm; we prevent it at the highest level; the international evidence and crossing"
    );
}

#[test]
fn the_codebook_words_are_its_hyphenated_words() {
    let mut words: Vec<String> = Vec::new();
    for tag in crate::codebook::TAGS.iter() {
        for text in [tag.short, tag.title] {
            for w in text.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
                let w = w.trim_matches('-').to_lowercase();
                if w.contains('-') && !words.contains(&w) {
                    words.push(w);
                }
            }
        }
    }
    words.sort();
    assert_eq!(words, hyphen::CODEBOOK);
}

#[test]
fn a_running_line_in_smaller_type_close_to_the_body_is_still_left_out() {
    // Chromium's own header, 8 units tall, 27.75 units above a body of 12-unit type set
    // with a line height of 1.6 (19.2 units): not 1.5 line gaps apart, but smaller type.
    let pages: Vec<Vec<Item>> = (1..=3)
        .map(|n| {
            let mut items = vec![Item {
                height: 8.0,
                ..item("12/1/26, 5:07 AM Running Title", 24.0, 769.5, true)
            }];
            for (k, t) in ["Body", "text", "here"].iter().enumerate() {
                items.push(Item {
                    height: 12.0,
                    ..item(
                        &format!("{t} {}", ["alpha", "beta", "gamma"][n - 1]),
                        33.75,
                        741.75 - 19.2 * k as f64,
                        true,
                    )
                });
            }
            items
        })
        .collect();
    let e = read(&pages);
    assert!(!e.text.contains("Running Title"), "{}", e.text);
}

#[test]
fn a_body_line_repeated_on_every_short_page_is_kept() {
    // The fresh tester's repeatbody.pdf: two body lines a page, the second the same on
    // each; and a heading in body type at the top of each page, one blank line above its
    // text. Neither lies in a margin, so neither is a running line.
    let pages: Vec<Vec<Item>> = (1..=5)
        .map(|n| {
            page(&[
                &format!(
                    "Body of page {}.",
                    ["one", "two", "three", "four", "five"][n - 1]
                ),
                "States shall cooperate on readmission.",
            ])
        })
        .collect();
    let e = read(&pages);
    assert_eq!(
        e.text.matches("States shall cooperate").count(),
        5,
        "{}",
        e.text
    );
    let pages: Vec<Vec<Item>> = (1..=5)
        .map(|n| page(&["Key messages", "", &format!("Message {n} of the review.")]))
        .collect();
    assert_eq!(read(&pages).text.matches("Key messages").count(), 5);
}

#[test]
fn a_compound_or_a_range_broken_at_its_hyphen_keeps_it_with_no_space() {
    // The re-tester's hyph3.pdf: "2018- 2030", "UN- Habitat", "Asia- Pacific".
    let e = read(&[page(&[
        "the plan for 2018-",
        "2030 of UN-",
        "Habitat in Asia-",
        "Pacific and a dash -",
        "Then more",
    ])]);
    assert_eq!(
        e.text,
        "the plan for 2018-2030 of UN-Habitat in Asia-Pacific and a dash - Then more"
    );
}
