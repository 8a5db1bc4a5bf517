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
        "the international order, a well- Known name, a 1990- era pact, àémigré"
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
            page(&["GCM review 2026", body, "", &number])
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
