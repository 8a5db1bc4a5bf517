//! The order of a line's text items: as drawn (by x), then read in the line's direction,
//! with runs of the other direction turned (rule 1 of [`super`], for lines that mix
//! Arabic or Hebrew with Latin words and numbers).

/// A decimal digit: ASCII, Arabic-Indic or Extended Arabic-Indic (numbers in a line, and
/// page numbers).
pub(super) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

/// True for a character of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko,
/// Samaritan, Mandaic and their presentation forms).
fn is_rtl(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// How an item of a line reads, for its order in the line: a right-to-left or a
/// left-to-right word, a number, or neither (spaces, punctuation).
#[derive(Clone, Copy, PartialEq)]
enum Flow {
    Rtl,
    Ltr,
    Number,
    Neutral,
}

/// The letters of right-to-left and of left-to-right scripts in a text.
fn strong(text: &str) -> (usize, usize) {
    let rtl = text
        .chars()
        .filter(|&c| c.is_alphabetic() && is_rtl(c))
        .count();
    (
        rtl,
        text.chars().filter(|c| c.is_alphabetic()).count() - rtl,
    )
}

/// An item's [`Flow`]: by the more of its letters, else a number if it has digits.
fn flow(text: &str) -> Flow {
    match strong(text) {
        (r, l) if r > l => Flow::Rtl,
        (_, l) if l > 0 => Flow::Ltr,
        _ if text.chars().any(is_digit) => Flow::Number,
        _ => Flow::Neutral,
    }
}

/// Reverses, in place, every longest run of `parts` that starts and ends with an item
/// `edge` accepts and holds none that `stop` accepts; inside it, `inner` runs (consecutive
/// items it accepts) keep their order.
fn reverse_runs(
    parts: &mut [&str],
    edge: impl Fn(Flow) -> bool,
    stop: impl Fn(Flow) -> bool,
    inner: impl Fn(Flow) -> bool,
) {
    let mut i = 0;
    while i < parts.len() {
        if !edge(flow(parts[i])) {
            i += 1;
            continue;
        }
        let (start, mut end) = (i, i);
        while i < parts.len() && !stop(flow(parts[i])) {
            if edge(flow(parts[i])) {
                end = i;
            }
            i += 1;
        }
        let run = &mut parts[start..=end];
        run.reverse();
        let mut j = 0;
        while j < run.len() {
            let k = j + run[j..].iter().take_while(|p| inner(flow(p))).count();
            run[j..k].reverse();
            j = k.max(j + 1);
        }
        i = end + 1;
    }
}

/// A line's item texts in logical order. The items are taken left to right, as drawn (by
/// their x; pdf.js gives each item's own text in logical order, but a producer may draw
/// the items of a line in any order). The line's direction is its first letter's (UAX #9,
/// rule P2), which is drawn at the left end of a left-to-right line and at the right end
/// of a right-to-left one: a line that starts and ends (as drawn) with left-to-right words
/// is left-to-right, one that starts and ends with right-to-left words is right-to-left,
/// and for the others the more of the letters tell. A left-to-right line reads left to
/// right, each run of right-to-left words (with the spaces and numbers between them) from
/// its right end, the numbers in it as they are. A right-to-left line reads from its right
/// end, each run of left-to-right words and numbers (with what is between them) as it is.
pub(super) fn logical_order(mut parts: Vec<(f64, &str)>) -> String {
    // An insertion sort: the items of a line come mostly in order, and a generic sort
    // would add kilobytes to the first load.
    for i in 1..parts.len() {
        let mut j = i;
        while j > 0 && parts[j - 1].0 > parts[j].0 {
            parts.swap(j - 1, j);
            j -= 1;
        }
    }
    let mut texts: Vec<&str> = parts.into_iter().map(|p| p.1).collect();
    let flows: Vec<Flow> = texts.iter().map(|t| flow(t)).collect();
    let is_strong = |f: &&Flow| matches!(f, Flow::Rtl | Flow::Ltr);
    let ends = (
        flows.iter().find(is_strong),
        flows.iter().rev().find(is_strong),
    );
    let rtl = match ends {
        (Some(Flow::Ltr), Some(Flow::Ltr)) => false,
        (Some(Flow::Rtl), Some(Flow::Rtl)) => true,
        _ => {
            let (r, l) = texts
                .iter()
                .map(|t| strong(t))
                .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
            r > l
        }
    };
    if rtl {
        texts.reverse();
        let forward = |f: Flow| matches!(f, Flow::Ltr | Flow::Number);
        reverse_runs(&mut texts, forward, |f| f == Flow::Rtl, |_| false);
    } else {
        let number = |f: Flow| f == Flow::Number;
        reverse_runs(&mut texts, |f| f == Flow::Rtl, |f| f == Flow::Ltr, number);
    }
    texts.concat()
}
